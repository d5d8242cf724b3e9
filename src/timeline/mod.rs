//! Dated events: temporal expressions (TIMEX3: DATE, TIME, DURATION, SET)
//! normalized against the brief's publication date, each anchored to its
//! sentence.

mod calendar;
mod determiners;
mod durations;
mod event;
mod expr;
mod holidays;
mod lexicon;
mod lunar;
mod normalize;
mod parts;
mod periods;
mod phrases;
mod quantity;
mod relative;
mod scan;
mod sets;
mod tense;
mod token;
mod trigger;
mod value;

pub use event::Event;
pub use value::{first_day, label};

use crate::date::Date;
use crate::document::{Document, Span};
use crate::entities::{Entities, EntityId};
use compact_str::CompactString;
use serde::Serialize;

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn name(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A temporal expression and its normalized TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub span: Span,
    pub kind: TimexType,
    /// TIMEX3 value: `2007-04-23`, `2007-W17`, `P2Y`, `XXXX-04-23`, `PRESENT_REF`, …
    /// (inline up to 24 bytes, as nearly all are: a big brief has hundreds of thousands).
    pub value: CompactString,
    /// False when the value has unknown parts (no publication year, say).
    pub resolved: bool,
    /// The first calendar day the value points at, for ordering and grouping
    /// (a DATE's or TIME's first day, read from the value; see `event::day_of`).
    pub day: Option<Date>,
}

impl Timex {
    /// Where the timex stands on a timeline; see [`Place`].
    pub fn place(&self) -> Place {
        Place::of(&self.value, self.resolved, self.day)
    }
}

/// The groups of a timeline, in the order they are shown: dated events first,
/// then lengths and recurrences, then vague references, then what could not be resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    Dated,
    Undated,
    Vague,
    Unresolved,
}

impl Place {
    /// The group of a value: `PRESENT_REF`, `PAST_REF` and `FUTURE_REF` are vague.
    pub fn of(value: &str, resolved: bool, day: Option<Date>) -> Place {
        match (resolved, day) {
            (false, _) => Place::Unresolved,
            (true, Some(_)) => Place::Dated,
            _ if matches!(value, "PRESENT_REF" | "PAST_REF" | "FUTURE_REF") => Place::Vague,
            _ => Place::Undated,
        }
    }
}

/// Finds and normalizes the temporal expressions of `doc`, in text order. Each is
/// resolved against the date of its section (a feed item's own date) or else the
/// brief's; expressions in verbatim text (code) are not looked for.
pub fn extract(doc: &Document) -> Vec<Timex> {
    extract_from(doc, &without_verbatim(doc), body_start(doc))
}

/// Where the body starts: expressions in the header are not looked for.
fn body_start(doc: &Document) -> usize {
    doc.paragraphs().first().map_or(0, |p| p.span().start)
}

/// The text with its verbatim spans blanked (same length, so offsets hold), so
/// code neither yields expressions nor joins the words around it into one.
fn without_verbatim(doc: &Document) -> std::borrow::Cow<'_, str> {
    if doc.verbatim().is_empty() {
        return std::borrow::Cow::Borrowed(doc.text());
    }
    let mut bytes = doc.text().as_bytes().to_vec();
    for v in doc.verbatim() {
        bytes[v.start..v.end].fill(b' ');
    }
    // Verbatim spans lie on char boundaries, so blanking them keeps the text UTF-8.
    String::from_utf8(bytes).map_or(
        std::borrow::Cow::Borrowed(doc.text()),
        std::borrow::Cow::Owned,
    )
}

/// Text tokenized at once by [`extract_from`]: the tokens of a whole 100 MB
/// text took ten times its size, so a big text goes a slice at a time.
const SLICE_BYTES: usize = 256 << 10;

/// Where [`extract_from`] cuts `text` into slices of about [`SLICE_BYTES`]: at
/// the start of a paragraph after one that ends a sentence, so no expression,
/// clause or sentence spans two slices and the result is that of one pass.
fn slices(doc: &Document, text: &str, size: usize) -> Vec<std::ops::Range<usize>> {
    let mut cuts = vec![0usize];
    for p in doc.paragraphs() {
        let last = *cuts.last().unwrap_or(&0);
        let at = p.span().start;
        if at >= last.saturating_add(size)
            && at <= text.len()
            && text[..at].trim_end().ends_with(['.', '!', '?'])
        {
            cuts.push(at);
        }
    }
    cuts.push(text.len());
    cuts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// What the reading of one slice hands to the next: the narrative so far.
struct Reading {
    ctx: normalize::Context,
    section: usize,
}

/// The expressions of `text` (the document's text, verbatim spans blanked) from
/// byte `from` on, each resolved against its section's publication date.
fn extract_from(doc: &Document, text: &str, from: usize) -> Vec<Timex> {
    extract_in_slices(doc, text, from, SLICE_BYTES)
}

/// [`extract_from`] with slices of about `size` bytes.
fn extract_in_slices(doc: &Document, text: &str, from: usize, size: usize) -> Vec<Timex> {
    let mut all = Vec::new();
    each_slice(doc, text, from, size, |mut found| all.append(&mut found));
    all
}

/// Hands `take` the expressions of each slice of about `size` bytes in turn, the
/// narrative carried from one slice to the next.
fn each_slice(
    doc: &Document,
    text: &str,
    from: usize,
    size: usize,
    mut take: impl FnMut(Vec<Timex>),
) {
    let mut reading = Reading {
        ctx: normalize::Context::default(),
        section: usize::MAX,
    };
    for slice in slices(doc, text, size) {
        let mut found = Vec::new();
        extract_slice(
            doc,
            &text[slice.clone()],
            slice.start,
            from,
            &mut reading,
            &mut found,
        );
        take(found);
    }
}

/// [`extract_from`] for the slice of the text that starts at byte `base`.
fn extract_slice(
    doc: &Document,
    text: &str,
    base: usize,
    from: usize,
    reading: &mut Reading,
    out: &mut Vec<Timex>,
) {
    let toks = token::Tokens::new(text);
    let mut found = scan::scan(&toks);
    let verbatim = doc.verbatim();
    let Reading { ctx, section } = reading;
    out.reserve(found.len());
    let mut sentence = (usize::MAX, 0);
    for idx in 0..found.len() {
        let f = &found[idx];
        let (Some(first), Some(last)) = (toks.toks.get(f.first), toks.toks.get(f.last - 1)) else {
            continue;
        };
        if base + first.start < from {
            continue;
        }
        // A Unicode hyphen's token is its first byte: an expression ending on one ends after it.
        let mut end = last.end;
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let span = Span::new(base + first.start, base + end);
        let near = verbatim.partition_point(|v| v.end <= span.start);
        if verbatim.get(near).is_some_and(|v| v.overlaps(span)) {
            continue;
        }
        // A new section starts its narrative afresh from its own date.
        let here = doc.sections().partition_point(|s| s.start <= span.start);
        if here != *section {
            *section = here;
            let published = doc.published_at(span.start);
            *ctx = normalize::Context {
                date: published.date,
                year: published.year.or(published.date.map(|d| d.year)),
                ..Default::default()
            };
        }
        let s = doc.sentence_at(span.start).unwrap_or(0);
        // Each clause bound is a walk of up to 40 tokens: taken once per expression.
        let (starts, ends) = (clause_start(&toks, f.first), clause_end(&toks, f.last));
        if s != sentence.0 {
            sentence = (s, starts);
        }
        ctx.sentence = s;
        let lo = sentence.1.max(starts);
        let tense = tense::at(&toks, lo, ends, f.first, f.last);
        let signal = toks.word(f.last);
        // "from March to May": both ends in one year, read in the clause's tense.
        let ranged = found
            .get(idx + 1)
            .filter(|g| is_range(&toks, f.last, g.first))
            .and_then(|g| normalize::range_years(&f.expr, &g.expr, tense, ctx));
        let expr = match ranged {
            Some((start, end)) => {
                found[idx + 1].expr = end;
                start
            }
            None => f.expr.clone(),
        };
        let r = normalize::resolve(&expr, tense, ctx);
        // A vague reference ("now") names no day of its own: it is not placed among dated events.
        let day = event::day_of(r.kind, &r.value);
        remember(ctx, &expr, &r, day, s);
        if let expr::Expr::Duration { n: Some(n), unit } = expr {
            let sign = match signal {
                "later" | "afterward" | "afterwards" => 1,
                "earlier" => -1,
                _ => 0,
            };
            if sign != 0 && n.fract() == 0.0 {
                ctx.narrative.advance(sign * n as i64, unit);
            }
        }
        out.push(Timex {
            span,
            kind: r.kind,
            value: CompactString::from(r.value),
            resolved: r.resolved,
            day,
        });
    }
}

/// Keeps the narrative's current day, year and quarter up to date (`day`: the first
/// day of the resolved value, already read from it).
fn remember(
    ctx: &mut normalize::Context,
    expr: &expr::Expr,
    r: &normalize::Resolved,
    day: Option<Date>,
    sentence: usize,
) {
    if !r.resolved || !matches!(r.kind, TimexType::Date | TimexType::Time) {
        return;
    }
    if let expr::Expr::Point(base, _) = expr {
        let v = r.value.as_str();
        // Any mention of the reporting quarter ("third-quarter", "the quarter", "the latest
        // quarter") keeps it the frame for "a year ago".
        // ("the 1988 period" is a year's, not the frame.)
        let explicit_quarter = matches!(
            base,
            expr::Base::Quarter { q: Some(_), .. }
                | expr::Base::Quarter {
                    q: None,
                    year: None,
                    ..
                }
                | expr::Base::Unit {
                    unit: lexicon::Unit::Quarter,
                    ..
                }
        );
        if let Some((y, q)) = v.split_once("-Q").filter(|_| explicit_quarter) {
            if let (Ok(y), Ok(q)) = (y.parse::<i32>(), q.parse::<u32>()) {
                if matches!(base, expr::Base::Quarter { q: Some(_), .. }) {
                    ctx.narrative.named_quarter = Some((y, q));
                }
                // A quarter still ahead ("losses through the third quarter of 1990") is a
                // forecast, not the period being reported on.
                let ahead = ctx
                    .date
                    .is_some_and(|d| (y, q) >= (d.year, (d.month - 1) / 3 + 1));
                // Nor does an earlier quarter named in contrast ("after a flat second
                // quarter") replace the one being reported on.
                let earlier = ctx
                    .narrative
                    .quarter
                    .is_some_and(|(y0, q0, _)| (y, q) < (y0, q0));
                if !ahead && !earlier {
                    ctx.narrative.quarter = Some((y, q, sentence));
                }
            }
        }
        // Counted dates ("a year earlier") follow the narrative; they do not move it.
        if matches!(base, expr::Base::Offset { .. }) {
            return;
        }
        // "the day before last Tuesday's hearing": the story is at the Tuesday.
        if let expr::Base::FromWeekday { days, .. } = base {
            if let Some(d) = day {
                let d = d.add_days(-days);
                ctx.narrative.day = Some(d);
                ctx.narrative.year = Some(d.year);
            }
            return;
        }
        if let Some(d) = day {
            let calendar = !v.contains('W') && !v.contains('Q') && !v.contains('H');
            if v.len() >= 10 && calendar {
                ctx.narrative.day = Some(d);
                // The period a report compares ("the six months ended Aug. 12") is named by
                // its calendar date; a weekday is when something was said.
                let named = matches!(
                    base,
                    expr::Base::Cal {
                        month: Some(_),
                        day: Some(_),
                        ..
                    }
                );
                ctx.narrative.day_sentence = named.then_some(sentence);
            }
            if v.len() >= 7 && calendar && v.as_bytes()[4] == b'-' {
                ctx.narrative.month = Some((d.year, d.month));
            }
            // A named year moves the narrative; so does a full date, whose year was
            // inferred ("Aug. 12" after a paragraph about 1985 is this year's).
            // So does a season named with its year ("in the spring of 2003").
            if matches!(
                base,
                expr::Base::Cal { year: Some(_), .. } | expr::Base::Season { year: Some(_), .. }
            ) || v.len() >= 10
            {
                ctx.narrative.year = Some(d.year);
            }
        }
    }
}

/// Whether tokens `[a, b)` join the two ends of a range: "to", "through", "until", "-".
fn is_range(toks: &token::Tokens, a: usize, b: usize) -> bool {
    b == a + 1
        && matches!(
            toks.word(a),
            "to" | "through" | "until" | "till" | "-" | "and"
        )
}

/// Sentence boundary guesses for the tense window: the nearest ". " before token `i`.
fn clause_start(toks: &token::Tokens, i: usize) -> usize {
    let mut k = i;
    let stop = i.saturating_sub(40);
    while k > stop {
        k -= 1;
        if matches!(toks.word(k), "." | "!" | "?" | ";")
            && toks.toks.get(k + 1).is_some_and(|t| t.gap)
            && !lexicon::abbreviated(toks, k)
        {
            return k + 1;
        }
    }
    stop
}

fn clause_end(toks: &token::Tokens, i: usize) -> usize {
    let end = (i + 40).min(toks.len());
    (i..end)
        .find(|&k| {
            matches!(toks.word(k), "." | "!" | "?" | ";")
                && toks.toks.get(k + 1).is_none_or(|t| t.gap)
        })
        .unwrap_or(end)
}

/// The entities mentioned in sentence `sentence`, each once, by id.
pub fn sentence_entities(doc: &Document, entities: &Entities, sentence: usize) -> Vec<EntityId> {
    doc.sentences()
        .get(sentence)
        .map_or_else(Vec::new, |s| entities_in(entities, s.span()))
}

/// The entities mentioned within `span`, each once, by id.
pub fn entities_in(entities: &Entities, span: Span) -> Vec<EntityId> {
    let mut ids: Vec<EntityId> = entities
        .mentions_in(span)
        .map(|m| entities.mentions()[m].entity())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Events in date order; then, each group in text order, undated lengths and
/// recurrences, vague references and unresolved expressions.
pub fn build(doc: &Document) -> Vec<Event> {
    let mut events = event::Builder::new(doc);
    each_slice(
        doc,
        &without_verbatim(doc),
        body_start(doc),
        SLICE_BYTES,
        |found| events.add(found),
    );
    events.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_kept_inline_with_no_allocation_of_their_own() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/briefs");
        let text = std::fs::read_to_string(format!("{dir}/caspian-summit-2007.txt")).unwrap();
        let found = extract(&Document::from_text(&text));
        assert!(found.len() > 10);
        for t in &found {
            assert!(!t.value.is_heap_allocated(), "{:?}", t.value);
        }
    }

    #[test]
    fn events_are_the_expressions_in_date_then_text_order() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/briefs");
        for name in ["caspian-summit-2007.txt", "georgia-war-2008.txt"] {
            let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
            let doc = Document::from_text(&text);
            let mut want = extract(&doc);
            want.sort_by_key(|t| (t.place(), t.day, t.span.start));
            let got: Vec<Timex> = build(&doc).iter().map(Event::timex).collect();
            assert!(want.len() > 10);
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn a_text_read_in_slices_gives_what_one_pass_gives() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/briefs");
        let mut sliced_some = false;
        for name in ["caspian-summit-2007.txt", "georgia-war-2008.txt"] {
            let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
            // Two briefs in one, so the narrative carries over from slice to slice.
            let doc = Document::from_text(&format!("{text}\n\n{text}"));
            let body = doc.paragraphs()[0].span().start;
            let whole = extract_in_slices(&doc, doc.text(), body, usize::MAX);
            assert!(whole.len() > 10, "{name}: {} expressions", whole.len());
            for size in [1, 300, 2_000] {
                sliced_some |= slices(&doc, doc.text(), size).len() > 2;
                assert_eq!(
                    extract_in_slices(&doc, doc.text(), body, size),
                    whole,
                    "{name}, slices of {size} bytes"
                );
            }
        }
        assert!(sliced_some);
        // The narrative goes on across a cut: the day the story is at, then the day after it.
        let doc = Document::from_text(
            "Date: 2008-08-20\n\nTalks opened in Geneva on March 3, 2005.\n\nThe next day they broke down.\n",
        );
        let body = doc.paragraphs()[0].span().start;
        let sliced = extract_in_slices(&doc, doc.text(), body, 1);
        assert!(sliced.iter().any(|t| t.value == "2005-03-04"), "{sliced:?}");
        assert_eq!(
            sliced,
            extract_in_slices(&doc, doc.text(), body, usize::MAX)
        );
    }
}
