//! Recognition: finds temporal expressions in the token stream and says what
//! they mean ([`Expr`]). Only tokens that can start an expression (digits,
//! month and weekday names, a short list of trigger words) are looked at
//! closely, which keeps the scan cheap.

use super::expr::{Base, Expr};
use super::lexicon::{self, Unit};
use super::token::{Kind, Tokens};
use super::trigger::Triggers;

/// An expression over tokens `[first, last)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub first: usize,
    pub last: usize,
    pub expr: Expr,
}

/// The scanner over one text's tokens.
pub struct Scanner<'a> {
    pub t: &'a Tokens,
    /// Every token's lower-cased text, sliced once: patterns read each word many times.
    words: Vec<&'a str>,
}

/// A match: the token after it and its meaning.
pub type Hit = Option<(usize, Expr)>;

/// All expressions of `toks`, in text order, not overlapping.
pub fn scan(toks: &Tokens) -> Vec<Found> {
    let s = Scanner {
        t: toks,
        words: toks
            .toks
            .iter()
            .map(|t| &toks.lower[t.start..t.end])
            .collect(),
    };
    let mut triggers = Triggers::default();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !s.trigger(i, &mut triggers) {
            i += 1;
            continue;
        }
        match s.at(i) {
            Some((j, expr)) if j > i => {
                let second = s.second_day(j, &expr).or_else(|| s.second_year(i, j));
                out.push(Found {
                    first: i,
                    last: j,
                    expr,
                });
                i = j;
                if let Some(f) = second {
                    i = f.last;
                    out.push(f);
                }
            }
            _ => i += 1,
        }
    }
    out
}

impl<'a> Scanner<'a> {
    /// Whether token `i` is worth a closer look (`triggers`: the text's word classes so far).
    fn trigger(&self, i: usize, triggers: &mut Triggers<'a>) -> bool {
        match self.t.kind(i) {
            Some(Kind::Num) => true,
            Some(Kind::Punct) => self.w(i) == "'" || self.w(i) == "’",
            Some(Kind::Word) => {
                let c = triggers.class(self.words[i]);
                // Months, weekdays and holiday names are capitalized ("May Day", not "may").
                c.always()
                    || (c.capitalized() && self.t.is_cap(i))
                    || (c.singular_unit() && self.w(i + 2) == "long")
                    || (c.then() && i > 0 && matches!(self.w(i - 1), "until" | "by" | "till"))
            }
            None => false,
        }
    }
}

impl Scanner<'_> {
    /// Lower-cased text of token `i` ("" past the end), as [`Tokens::word`].
    pub fn w(&self, i: usize) -> &str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// The second day of "April 24 and 25": the same month, another day.
    fn second_day(&self, j: usize, expr: &Expr) -> Option<Found> {
        let Expr::Point(
            Base::Cal {
                year,
                month: Some(m),
                day: first,
            },
            None,
        ) = *expr
        else {
            return None;
        };
        // "June 7-8": a dash joined on both sides, as wire stories write a two-day span;
        // "from December 3 to 9", "Oct. 3 through 5": the span's last day.
        let dash = matches!(self.w(j), "-" | "–") && self.t.joined(j) && self.t.joined(j + 1);
        let to = matches!(self.w(j), "to" | "through" | "till" | "until");
        if !(dash || to || matches!(self.w(j), "and" | "or")) || self.w(j + 1).len() > 2 {
            return None;
        }
        let first = first?;
        let d = self.t.int(j + 1).filter(|d| (1..=31).contains(d))?;
        // A span counts forward; "June 7-8%", "to 9%" or "7-3" is something else.
        let stuck = self.t.joined(j + 2) && !matches!(self.w(j + 2), "." | "," | ";" | ":" | ")");
        if (dash || to) && (stuck || d as u32 <= first) {
            return None;
        }
        // "April 24 and 25 percent": a number of something else.
        if self.t.kind(j + 2) == Some(Kind::Word)
            && !matches!(self.w(j + 2), "in" | "at" | "and" | "to")
        {
            return None;
        }
        let base = Base::Cal {
            year,
            month: Some(m),
            day: Some(d as u32),
        };
        Some(Found {
            first: j + 1,
            last: j + 2,
            expr: Expr::Point(base, None),
        })
    }

    /// The end of "1995-97" after its first year (tokens `[i, j)`), as a year of its own.
    fn second_year(&self, i: usize, j: usize) -> Option<Found> {
        if j != i + 1 || self.t.kind(i) != Some(Kind::Num) {
            return None;
        }
        let end = self.year_range_end(i, self.t.int(i)?)?;
        let base = Base::Cal {
            year: Some(end),
            month: None,
            day: None,
        };
        Some(Found {
            first: i + 2,
            last: i + 3,
            expr: Expr::Point(base, None),
        })
    }

    /// The longest expression starting at token `i`.
    fn at(&self, i: usize) -> Hit {
        if self.w(i) == "the" && self.length_adjective(i + 1) {
            return None;
        }
        if let Some(hit) = self.part_of_period(i) {
            return Some(hit);
        }
        if let Some(k) = self.modifier(i) {
            if let Some((j, e @ Expr::Point(..))) = self.core(k) {
                return Some((j, e));
            }
        }
        self.core(i)
    }

    /// Whether a hyphenated length starts at `k`: "ten-day", "month-long" (the
    /// article before one belongs to the noun it describes, not to the timex).
    fn length_adjective(&self, k: usize) -> bool {
        let joined_dash = |j: usize| self.w(j) == "-" && self.t.joined(j);
        if lexicon::unit(self.w(k)).is_some() {
            return joined_dash(k + 1) && self.w(k + 2) == "long";
        }
        match self.number(k) {
            Some((j, Some(_))) if j > k && !matches!(self.w(k), "a" | "an") => {
                joined_dash(j) && lexicon::unit(self.w(j + 1)).is_some()
            }
            _ => false,
        }
    }

    fn core(&self, i: usize) -> Hit {
        if let Some(hit) = self.quantity(i) {
            return Some(hit);
        }
        match self.t.kind(i)? {
            Kind::Num => self.numeric(i),
            Kind::Word => self.word_led(i),
            Kind::Punct => self.apostrophe_decade(i),
        }
    }

    /// Words TimeML keeps at the front of a date: "early", "late", "mid-", "the end of".
    fn modifier(&self, i: usize) -> Option<usize> {
        let w = self.w(i);
        match w {
            "early" | "late" | "mid" | "earlier" | "later" | "middle" => {
                let k = if self.w(i + 1) == "-" { i + 2 } else { i + 1 };
                Some(k)
            }
            // Wire shorthand "end-2015", "end-June", like "mid-2015".
            "end" if self.w(i + 1) == "-" && self.t.joined(i + 1) => Some(i + 2),
            "the" | "end" => {
                let k = if w == "the" { i + 1 } else { i };
                match (self.w(k), self.w(k + 1)) {
                    ("end" | "beginning" | "start" | "middle" | "turn" | "close", "of") => {
                        Some(k + 2)
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// A number at `i` (digits or words): the token after it and the value (None: vague, "several").
    pub fn number(&self, i: usize) -> Option<(usize, Option<f64>)> {
        let w = self.w(i);
        if self.t.kind(i) == Some(Kind::Num) {
            let v: f64 = w.replace(',', "").parse().ok()?;
            // "5 1/2 hours"
            if self.w(i + 2) == "/" && self.t.joined(i + 2) && self.t.joined(i + 3) {
                if let (Some(a), Some(b)) = (self.t.int(i + 1), self.t.int(i + 3)) {
                    if a < b && b <= 10 && a > 0 {
                        return Some((i + 4, Some(v + a as f64 / b as f64)));
                    }
                }
            }
            return Some((i + 1, Some(v)));
        }
        if w == "a" || w == "an" {
            return match self.w(i + 1) {
                "few" | "couple" => {
                    let k = if self.w(i + 2) == "of" { i + 3 } else { i + 2 };
                    // "a couple of years" is two; "a few years" is vague.
                    Some((k, (self.w(i + 1) == "couple").then_some(2.0)))
                }
                "half" => Some((i + 2, Some(0.5))),
                "hundred" => Some((i + 2, Some(100.0))),
                "thousand" => Some((i + 2, Some(1000.0))),
                _ => Some((i + 1, Some(1.0))),
            };
        }
        if lexicon::is_vague_count(w) {
            return Some((i + 1, None));
        }
        // "half an hour", "half a century"
        if w == "half" && matches!(self.w(i + 1), "a" | "an") {
            return Some((i + 2, Some(0.5)));
        }
        let mut v = lexicon::small_number(w)?;
        let mut k = i + 1;
        // "twenty-five", "twenty five"
        if v >= 20 && v % 10 == 0 {
            let n = if self.w(k) == "-" && self.t.joined(k) {
                k + 1
            } else {
                k
            };
            if let Some(u) =
                lexicon::small_number(self.w(n)).filter(|u| (1..10).contains(u) && self.w(n) != "a")
            {
                v += u;
                k = n + 1;
            }
        }
        match self.w(k) {
            "hundred" => {
                v *= 100;
                k += 1;
            }
            "thousand" => {
                v *= 1000;
                k += 1;
            }
            _ => {}
        }
        Some((k, Some(v as f64)))
    }

    /// "[about] [the past] two years [ago]", "a week", "10-hour", "several months", "a year earlier".
    fn quantity(&self, i: usize) -> Hit {
        let mut k = i;
        match (self.w(k), self.w(k + 1)) {
            ("at", "least" | "most") | ("more" | "less" | "fewer", "than") | ("up", "to") => k += 2,
            ("over" | "within", w2) if w2 != "the" => k += 1,
            (w, _) if lexicon::is_hedge(w) && w != "some" => k += 1,
            _ => {}
        }
        let mut dir: Option<&str> = None;
        if self.w(k) == "the" {
            match self.w(k + 1) {
                "past" | "last" | "next" | "first" | "coming" | "following" | "previous"
                | "prior" | "final" | "latest" => {
                    dir = Some(match self.w(k + 1) {
                        "past" | "last" | "previous" | "prior" | "latest" => "past",
                        "first" => "first",
                        _ => "next",
                    });
                    k += 2;
                }
                w if lexicon::is_vague_count(w)
                    || lexicon::small_number(w).is_some_and(|n| n > 1) =>
                {
                    k += 1
                }
                _ => return None,
            }
        } else if matches!(self.w(k), "past" | "last" | "next" | "coming") {
            dir = Some("past");
            k += 1;
        }
        // "in recent years": the past at large, not a length (but "recent months" is one).
        if self.w(k) == "recent"
            && matches!(
                lexicon::unit(self.w(k + 1)),
                Some((Unit::Year | Unit::Decade, true))
            )
        {
            return Some((k + 2, Expr::Ref("PAST_REF")));
        }
        if self.w(k) == "few" {
            k += 1;
            return self.unit_after(i, k, None, dir);
        }
        // "the next couple of years"
        if self.w(k) == "couple" && self.w(k + 1) == "of" {
            return self.unit_after(i, k + 2, Some(2.0), dir);
        }
        let (mut k2, mut n) = self.number(k)?;
        // "two and a half years", "two-and-a-half months"
        if let (Some(v), Some(e)) = (n, self.and_a_half(k2)) {
            if v >= 1.0 && v.fract() == 0.0 {
                n = Some(v + 0.5);
                k2 = e;
            }
        }
        // "the first two quarters of 1990" is that year's first half, a date.
        if n == Some(2.0)
            && self.w(k2) == "quarters"
            && matches!(self.w(k - 1), "first" | "last" | "final")
            && matches!(self.w(k2 + 1), "of" | "in")
            && self
                .t
                .int(k2 + 2)
                .is_some_and(|v| self.plausible_year(k2 + 2, v))
        {
            let h = if self.w(k - 1) == "first" { 1 } else { 2 };
            return self.half_of(k2 + 1, h, None);
        }
        if matches!(
            self.w(k2),
            "more" | "additional" | "straight" | "consecutive" | "full" | "long"
        ) {
            k2 += 1;
        }
        // "eight trading days", "ten business days": days all the same.
        if matches!(self.w(k2), "trading" | "business" | "working")
            && matches!(
                lexicon::unit(self.w(k2 + 1)),
                Some((Unit::Day | Unit::Week, _))
            )
        {
            k2 += 1;
        }
        self.unit_after(i, k2, n, dir)
    }

    /// The token after "and a half" (or "-and-a-half") starting at `k`.
    fn and_a_half(&self, k: usize) -> Option<usize> {
        let mut j = k;
        let mut step = |word: &str| {
            if self.w(j) == "-" && self.t.joined(j) {
                j += 1;
            }
            (self.w(j) == word).then(|| j += 1)
        };
        step("and")?;
        step("a")?;
        step("half")?;
        Some(j)
    }

    /// Whether "one day" at `i` (the unit at `k`) means some day, not a day's length:
    /// "One day he will return", not "for one day" or "one day after the vote".
    fn is_some_day(&self, i: usize, k: usize) -> bool {
        if !matches!(self.w(i), "one" | "some") || self.w(k) != "day" || k != i + 1 {
            return false;
        }
        let after = self.w(k + 1);
        if matches!(
            after,
            "after"
                | "before"
                | "later"
                | "earlier"
                | "ago"
                | "of"
                | "long"
                | "-"
                | "'"
                | "’"
                | "more"
                | "less"
                | "or"
                | "to"
                | "and"
                | "a"
                | "per"
                | "from"
                | "in"
                | "ahead"
        ) {
            return false;
        }
        let before = if i > 0 { self.w(i - 1) } else { "" };
        !(matches!(
            before,
            "for"
                | "in"
                | "within"
                | "over"
                | "after"
                | "than"
                | "about"
                | "only"
                | "just"
                | "least"
                | "most"
                | "to"
                | "of"
                | "a"
                | "the"
                | "first"
                | "last"
                | "next"
                | "past"
                | "every"
                | "each"
                | "per"
                | "by"
                | "another"
                | "extra"
                | "additional"
                | "nearly"
                | "almost"
                | "roughly"
                | "around"
                | "approximately"
                | "barely"
                | "up"
                // Verbs of length: "lasted one day", "took one day" ("last" is above).
                | "lasts"
                | "lasted"
                | "lasting"
                | "take"
                | "takes"
                | "took"
                | "taking"
                | "spend"
                | "spent"
                | "wait"
                | "waited"
                | "stay"
                | "stayed"
                | "need"
                | "needs"
                | "needed"
                | "remained"
        ) || (i > 0 && self.t.kind(i - 1) == Some(Kind::Num)))
    }

    fn is_hedged(&self, i: usize) -> bool {
        let w = self.w(i);
        (lexicon::is_hedge(w) && w != "some")
            || matches!(
                w,
                "more" | "less" | "fewer" | "at" | "over" | "up" | "within"
            )
    }

    fn unit_after(&self, i: usize, mut k: usize, n: Option<f64>, dir: Option<&str>) -> Hit {
        let hyphen = self.w(k) == "-" && self.t.joined(k);
        if hyphen {
            k += 1;
        }
        // "a fortnight" is two weeks (P2W), kept out of `Unit` as it only counts lengths.
        let (unit, plural, times) = match self.w(k) {
            "fortnight" => (Unit::Week, false, 2.0),
            "fortnights" => (Unit::Week, true, 2.0),
            w => {
                let (unit, plural) = lexicon::unit(w)?;
                (unit, plural, 1.0)
            }
        };
        let n = n.map(|v| v * times);
        // "60 Minutes" is a programme, not an hour.
        if self.t.is_cap(k) && self.t.kind(k.wrapping_sub(1)) == Some(Kind::Num) {
            return None;
        }
        if unit == Unit::Weekend {
            return None;
        }
        if self.is_some_day(i, k) {
            let opening = self.w(k + 1) == ","
                && (i == 0 || matches!(self.w(i - 1), "." | "!" | "?" | "\"" | "“"));
            return Some((k + 1, Expr::SomeDay { opening }));
        }
        let mut end = k + 1;
        // "a year and a half", "an hour and a half"
        let mut n = n;
        if let (Some(v), Some(e)) = (n, self.and_a_half(end)) {
            if v >= 1.0 && v.fract() == 0.0 {
                n = Some(v + 0.5);
                end = e;
            }
        }
        // "a week or so ago": the hedge belongs to the expression.
        if self.w(end) == "or" && self.w(end + 1) == "so" {
            end += 2;
        }
        // "48 years old"; "five-year-old", "year-earlier" and "three-quarters" are not lengths of time.
        if self.w(end) == "old"
            || (self.w(end) == "-" && self.t.joined(end))
            || (hyphen && unit == Unit::Quarter)
        {
            return None;
        }
        // "a second time", "a quarter of": ordinals and fractions.
        if matches!(self.w(i), "a" | "an") && matches!(unit, Unit::Second | Unit::Quarter) {
            return None;
        }
        // A vague count needs a plural unit: "some years", not "some day" (but "a several-year tenure").
        if n.is_none() && !plural && !hyphen {
            return None;
        }
        // Counts past a few thousand are not lengths of time ("99999999 years").
        if n.is_some_and(|v| !(0.0..=10_000.0).contains(&v)) {
            return None;
        }
        let whole = n.map(|v| v as i64);
        match self.w(end) {
            // "about two years ago" is annotated as the length, "two years ago",
            // "nearly two years ago" and "just a decade ago" as the date.
            "ago"
                if self.is_hedged(i)
                    && !matches!(self.w(i), "nearly" | "almost" | "just" | "only" | "barely") =>
            {
                return Some((end + 1, Expr::Duration { n, unit }))
            }
            "ago" => {
                // "half a century ago" is fifty years ago.
                let (unit, whole) = match n {
                    Some(v) if v.fract() != 0.0 && (v * unit.scale() as f64).fract() == 0.0 => {
                        (Unit::Year, Some((v * unit.scale() as f64) as i64))
                    }
                    _ => (unit, whole),
                };
                return Some(match whole {
                    Some(n) if n > 0 => (
                        end + 1,
                        Expr::Point(
                            Base::Offset {
                                unit,
                                n: -n,
                                narrative: false,
                            },
                            None,
                        ),
                    ),
                    _ => (end + 1, Expr::Ref("PAST_REF")),
                });
            }
            "earlier" | "previously" | "later" | "afterward" | "afterwards" | "hence"
                if dir.is_none() && !hyphen =>
            {
                let length = Expr::Duration { n, unit };
                if let Some(n) = whole.filter(|&n| n > 0) {
                    let sign = if matches!(self.w(end), "earlier" | "previously") {
                        -1
                    } else {
                        1
                    };
                    let narrative = self.w(end) != "hence";
                    // "three days later", "a week earlier": TimeML marks the length and
                    // leaves "later" as a signal; "a year earlier" in a report names the
                    // period compared with, a date.
                    if narrative && !(unit == Unit::Year && n == 1) {
                        return Some((end, length));
                    }
                    return Some((
                        end + 1,
                        Expr::Point(
                            Base::Offset {
                                unit,
                                n: sign * n,
                                narrative,
                            },
                            None,
                        ),
                    ));
                }
            }
            // "a week from Monday": counted from the coming Monday.
            "from"
                if dir.is_none()
                    && matches!(unit, Unit::Day | Unit::Week)
                    && self.t.is_cap(end + 1)
                    && lexicon::weekday(self.w(end + 1)).is_some() =>
            {
                if let (Some(n), Some(weekday)) =
                    (whole.filter(|&n| n > 0), lexicon::weekday(self.w(end + 1)))
                {
                    let days = if unit == Unit::Week { 7 * n } else { n };
                    let base = Base::FromWeekday {
                        weekday,
                        shift: 1,
                        days,
                    };
                    return Some((end + 2, Expr::Point(base, None)));
                }
            }
            "from" if matches!(self.w(end + 1), "now" | "today") && dir.is_none() => {
                if let Some(n) = whole.filter(|&n| n > 0) {
                    return Some((
                        end + 2,
                        Expr::Point(
                            Base::Offset {
                                unit,
                                n,
                                narrative: false,
                            },
                            None,
                        ),
                    ));
                }
            }
            _ => {}
        }
        // "$5 a year", "twice a day": a rate, not a length.
        if n == Some(1.0) && matches!(self.w(i), "a" | "an") && dir.is_none() && i > 0 {
            let prev = self.w(i - 1);
            if self.t.kind(i - 1) == Some(Kind::Num)
                || matches!(
                    prev,
                    "times" | "twice" | "once" | "thrice" | "dollars" | "cents" | "percent" | "%"
                )
            {
                return Some((end, Expr::Set(super::normalize::set_value(1.0, unit))));
            }
        }
        // "24 hours a day", "three times a week": a rate, one recurrence.
        if matches!(self.w(end), "a" | "per") && dir.is_none() {
            if let Some((per, false)) = lexicon::unit(self.w(end + 1)) {
                if per != Unit::Weekend {
                    return Some((end + 2, Expr::Set(super::normalize::set_value(1.0, per))));
                }
            }
        }
        Some((end, Expr::Duration { n, unit }))
    }

    /// "'80s" (a decade) and its curly-quote spelling.
    pub fn apostrophe_decade(&self, i: usize) -> Hit {
        let v = self.t.int(i + 1)?;
        if self.t.joined(i + 1)
            && self.w(i + 2) == "s"
            && self.t.joined(i + 2)
            && (0..100).contains(&v)
            && v % 10 == 0
        {
            return Some((i + 3, Expr::Point(Base::Decade(190 + v as i32 / 10), None)));
        }
        None
    }
}
