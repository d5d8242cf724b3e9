//! Timeline normalization: a table of expressions with publication dates and
//! the TIMEX3 values expected, plus checks on a brief with a year-only date.

use folio::date::Date;
use folio::document::Document;
use folio::timeline::{self, Timex, TimexType};
use std::path::PathBuf;

/// What the reference is for a case.
#[derive(Clone, Copy)]
enum Pub {
    Day(&'static str),
    /// A Eurasia Daily Monitor volume: the year is known, the day is not.
    EdmVolume(u32),
    None,
}

fn doc(text: &str, published: Pub) -> Document {
    match published {
        Pub::Day(d) => {
            let mut doc = Document::from_text(text);
            doc.set_published(Date::parse(d).expect("test date"));
            doc
        }
        Pub::EdmVolume(v) => Document::from_text(&format!(
            "Publication: Eurasia Daily Monitor Volume: {v} Issue: 85\n\n{text}"
        )),
        Pub::None => Document::from_text(text),
    }
}

/// The timex whose text is `expr` in `text`, resolved against `published`.
fn find(text: &str, published: Pub, expr: &str) -> Timex {
    let d = doc(text, published);
    let all = timeline::extract(&d);
    for t in &all {
        assert_eq!(&d.text()[t.span.start..t.span.end], t.span.slice(d.text()));
    }
    all.iter()
        .find(|t| t.span.slice(d.text()) == expr)
        .cloned()
        .unwrap_or_else(|| {
            let found: Vec<&str> = all.iter().map(|t| t.span.slice(d.text())).collect();
            panic!("{expr:?} not found in {text:?}; found {found:?}")
        })
}

use TimexType::{Date as D, Duration as Du, Set as S, Time as T};

/// One case of `tests/fixtures/timeline/expressions.tsv` (its header gives the format).
struct Case {
    published: Pub,
    text: String,
    expr: &'static str,
    kind: TimexType,
    value: &'static str,
}

static CASES: &str = include_str!("fixtures/timeline/expressions.tsv");

/// The fixture's cases; a malformed line fails the test with its number.
fn cases() -> Vec<Case> {
    let unescape = |s: &str| {
        let mut out = String::with_capacity(s.len());
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('\\') => out.push('\\'),
                other => panic!("unknown escape \\{other:?} in {s:?}"),
            }
        }
        out
    };
    CASES
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .map(|(i, line)| {
            let f: Vec<&'static str> = line.split('\t').collect();
            let [published, text, expr, kind, value] = f[..] else {
                panic!("expressions.tsv line {}: {} fields, not 5", i + 1, f.len());
            };
            let published = match published {
                "-" => Pub::None,
                p => match p.strip_prefix("edm-volume ") {
                    Some(v) => Pub::EdmVolume(v.parse().expect("a volume number")),
                    None => Pub::Day(p),
                },
            };
            let kind = match kind {
                "date" => D,
                "time" => T,
                "duration" => Du,
                "set" => S,
                k => panic!("expressions.tsv line {}: unknown type {k:?}", i + 1),
            };
            Case {
                published,
                text: unescape(text),
                expr,
                kind,
                value,
            }
        })
        .collect()
}
#[test]
fn expression_table() {
    let mut failures = Vec::new();
    let cases = cases();
    for c in &cases {
        let (text, expr, kind, value) = (&c.text, c.expr, c.kind, c.value);
        let t = find(text, c.published, expr);
        if t.kind != kind || t.value != value {
            failures.push(format!(
                "{text:?}: {expr:?} gave {} {}, expected {} {value}",
                t.kind.name(),
                t.value,
                kind.name()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn unresolved_values_are_flagged_and_undated() {
    let t = find("He spoke on April 23 in Astana.", Pub::None, "April 23");
    assert!(!t.resolved);
    assert_eq!(t.day, None);
    let t = find("He spoke yesterday.", Pub::EdmVolume(4), "yesterday");
    assert!(!t.resolved);
    let t = find(
        "He spoke on April 23 in Astana.",
        Pub::EdmVolume(4),
        "April 23",
    );
    assert!(t.resolved);
    assert_eq!(t.day, Date::new(2007, 4, 23));
    // An expression of the story's year whose day is not known: its value, unresolved.
    let unresolved = |text: &str, expr: &str, value: &str| {
        let t = find(text, Pub::Day("2012-06-13"), expr);
        assert_eq!(t.value, value, "{expr}");
        assert!(!t.resolved, "{expr}");
        assert_eq!(t.day, None, "{expr}");
    };
    // The story's last day is in another year than the one it moved to: no week is known.
    unresolved(
        "The markets fell on March 3, 2011. In 2009 the talks began. The following Monday, they stalled.",
        "The following Monday",
        "2009-WXX-1",
    );
    // Nor is its day: "the next day" is some day of that year.
    unresolved(
        "The markets fell on March 3, 2011. In 2009 the mayor resigned. The next day, his deputy took over.",
        "The next day",
        "2009-XX-XX",
    );
    // "The day before last Tuesday's hearing" puts the story in this year again.
    let t = find(
        "In 1990 he left. The day before last Tuesday's hearing, he returned. He testified the next morning.",
        Pub::Day("2000-02-24"),
        "the next morning",
    );
    assert_eq!(t.value, "2000-02-23");
}

#[test]
fn day_is_the_first_day_of_the_period() {
    let cases = [
        ("They met this week.", "this week", (2007, 4, 23)),
        (
            "Profit will rise in the third quarter.",
            "the third quarter",
            (2007, 7, 1),
        ),
        ("It happened in 1998.", "1998", (1998, 1, 1)),
        ("The vote is due in June.", "June", (2007, 6, 1)),
    ];
    for (text, expr, (y, m, d)) in cases {
        assert_eq!(
            find(text, Pub::Day("2007-04-27"), expr).day,
            Date::new(y, m, d),
            "{expr}"
        );
    }
    assert_eq!(
        find(
            "It will last for two years.",
            Pub::Day("2007-04-27"),
            "two years"
        )
        .day,
        None
    );
}

#[test]
fn labels_read_like_a_person_would_write_them() {
    let cases = [
        ("He gave a briefing on April 23.", "April 23", "Apr 23 2007"),
        (
            "It will last for the next two years.",
            "the next two years",
            "2 years",
        ),
        (
            "The exercise is held every year.",
            "every year",
            "every year",
        ),
        (
            "Repairs will take two and a half years.",
            "two and a half years",
            "2 years 6 months",
        ),
        (
            "The hearing ran an hour and a half.",
            "an hour and a half",
            "1 hour 30 minutes",
        ),
        ("Tariffs fell in the 1980s.", "the 1980s", "1980s"),
        (
            "Such an action is unacceptable in the 21st century.",
            "the 21st century",
            "21st century",
        ),
        ("The envoy waited for a while.", "a while", "some time"),
        (
            "Flights leave each Thursday.",
            "each Thursday",
            "every Thursday",
        ),
        ("They met this week.", "this week", "week 17 2007"),
        (
            "Profit rose in the first quarter.",
            "the first quarter",
            "Q1 2007",
        ),
        ("Officials recently said so.", "recently", "the past"),
        (
            "He spoke this morning.",
            "this morning",
            "Apr 27 2007 morning",
        ),
        ("It happened in the 1990s.", "the 1990s", "1990s"),
        ("Rome burned in 390 BC.", "390 BC", "390 BC"),
    ];
    for (text, expr, label) in cases {
        assert_eq!(
            timeline::label(&find(text, Pub::Day("2007-04-27"), expr)),
            label,
            "{expr}"
        );
    }
    let t = find("He spoke on April 23.", Pub::None, "April 23");
    assert_eq!(timeline::label(&t), "Apr 23 (year unknown)");
}

#[test]
fn spans_are_exact_slices_in_multibyte_text() {
    let text =
        "Қазақстан — on April 23 🇰🇿 the minister said, “every year” and for the next two years.";
    let d = doc(text, Pub::Day("2007-04-27"));
    let all = timeline::extract(&d);
    let texts: Vec<&str> = all.iter().map(|t| t.span.slice(d.text())).collect();
    assert_eq!(texts, ["April 23", "every year", "the next two years"]);
    for t in &all {
        assert!(d.text().is_char_boundary(t.span.start) && d.text().is_char_boundary(t.span.end));
    }
}

#[test]
fn odd_input_never_panics() {
    let inputs = [
        "",
        "9",
        "April",
        "April 31",
        "Feb. 29, 2007",
        "the 99th century",
        "99999999999999999999 years",
        "at 25:99 p.m.",
        "the the the",
        "last",
        "every",
        "'",
        "’80s",
        "1/2/",
        "2007-13-45",
        "Tuesday,",
        "mid-",
        "the year-ago",
        "a",
        "nineteen",
        "the end of",
        "Қ 12 Қ",
    ];
    for s in inputs {
        for p in [Pub::Day("2007-04-27"), Pub::EdmVolume(4), Pub::None] {
            let d = doc(s, p);
            for t in timeline::extract(&d) {
                assert!(t.span.end <= d.text().len());
                let _ = timeline::label(&t);
            }
        }
    }
}

/// Random word salad from temporal vocabulary never panics and keeps spans on char boundaries.
#[test]
fn word_salad_never_panics() {
    const WORDS: [&str; 40] = [
        "the",
        "last",
        "next",
        "year",
        "years",
        "ago",
        "earlier",
        "April",
        "23",
        "1990s",
        "'",
        "s",
        "a",
        "week",
        "Tuesday",
        "night",
        "at",
        "10:35",
        "p",
        ".",
        "m",
        "-",
        "/",
        "2007",
        "quarter",
        "third",
        "every",
        "each",
        "fiscal",
        "mid",
        "early",
        "of",
        "Қазақстан",
        "—",
        "🇰🇿",
        "day",
        "before",
        "99999",
        "1/2",
        "Election",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..400 {
        let mut text = String::new();
        for _ in 0..30 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            text.push_str(WORDS[(seed >> 33) as usize % WORDS.len()]);
            text.push(if (seed >> 20).is_multiple_of(3) {
                ' '
            } else {
                '\u{a0}'
            });
        }
        for p in [Pub::Day("2008-02-29"), Pub::EdmVolume(4), Pub::None] {
            let d = doc(&text, p);
            for t in timeline::extract(&d) {
                assert!(d.text().get(t.span.start..t.span.end).is_some(), "{text:?}");
                let _ = timeline::label(&t);
            }
        }
    }
}

#[test]
fn build_orders_events_by_day() {
    let d = doc(
        "The treaty was signed on April 23, 2005. He spoke yesterday. It began in 1998. Officials recently said so.",
        Pub::Day("2007-04-27"),
    );
    let events = timeline::build(&d);
    let values: Vec<&str> = events.iter().map(|e| e.value()).collect();
    assert_eq!(values, ["1998", "2005-04-23", "2007-04-26", "PAST_REF"]);
}

/// The shared sample brief, when the shared material is present.
fn shared_brief() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    ["../shared", "../../shared"]
        .iter()
        .map(|p| root.join(p).join("briefs/kazakhstan-csto-2007.txt"))
        .find(|p| p.is_file())
}

#[test]
#[cfg_attr(not(folio_shared), ignore = "needs ../shared (or FOLIO_SHARED)")]
fn shared_brief_dates() {
    let Some(path) = shared_brief() else {
        eprintln!("skipped: ../shared/briefs is absent");
        return;
    };
    let d = folio::document::read_file(&path).expect("shared brief reads");
    assert_eq!(d.published().year, Some(2007));
    let all = timeline::extract(&d);
    let get = |expr: &str| all.iter().find(|t| t.span.slice(d.text()) == expr);
    let april = get("April 23").expect("April 23 is found");
    assert_eq!(
        (april.kind, april.value.as_str(), april.resolved),
        (TimexType::Date, "2007-04-23", true)
    );
    let every = get("every year").expect("every year is found");
    assert_eq!((every.kind, every.value.as_str()), (TimexType::Set, "P1Y"));
    let next = all
        .iter()
        .find(|t| t.span.slice(d.text()).ends_with("two years"))
        .expect("two years is found");
    assert_eq!(
        (next.kind, next.value.as_str()),
        (TimexType::Duration, "P2Y")
    );
    let today = get("today").expect("today is found");
    assert!(
        today.value == "PRESENT_REF" || today.value.starts_with("2007"),
        "today: {}",
        today.value
    );
}

/// The number after a month-day is the span's last day only when it counts forward and
/// is not a quantity: "rose on March 3 to 9%" names one day.
#[test]
fn span_ends_are_days_only_when_they_count_forward() {
    for (text, day) in [
        ("Shares rose on March 3 to 9% of the float.", "March 3"),
        ("Stocks fell on March 3 to 9 cents.", "March 3"),
        ("The index rose on March 3-9 points.", "March 3"),
        ("Rates rose on March 3 to 9 percent.", "March 3"),
        (
            "From March 13 to 9 other cities, the tour went on.",
            "March 13",
        ),
    ] {
        let d = doc(text, Pub::Day("2007-04-27"));
        let found: Vec<&str> = timeline::extract(&d)
            .iter()
            .map(|t| t.span.slice(d.text()))
            .collect();
        assert_eq!(found, [day], "{text:?}");
    }
}

/// A capitalized word and "time" after a clock time are a zone only where a place's
/// time could stand: "This time" opens the next sentence.
#[test]
fn zones_in_words_stop_at_the_next_sentence() {
    for (text, time) in [
        (
            "The game began at 8 p.m. This time, the fans stayed.",
            "8 p.m.",
        ),
        ("It ended at 5 p.m. Half time was long.", "5 p.m."),
        ("He was seen at 6 a.m. Some time later he left.", "6 a.m."),
    ] {
        let d = doc(text, Pub::Day("2007-04-27"));
        let found: Vec<&str> = timeline::extract(&d)
            .iter()
            .map(|t| t.span.slice(d.text()))
            .collect();
        assert_eq!(found, [time], "{text:?}");
    }
}

#[test]
fn lookalikes_are_not_dates() {
    let texts = [
        "A 48-year-old man and a five-year-old boy were hurt.",
        "He told CBS's 60 Minutes that he would stay.",
        "The Communist Party daily Granma printed it.",
        "It was a scene from High Noon.",
        "Thousands joined the March for Life.",
        "You may go when you like.",
        "He paid $1990 for 2000 shares.",
        "She came a second time, with a quarter of the votes.",
        "The H1N1 virus spread, H1 visas ran out and the Q3x model sold well.",
        "Rebels struck in the early hours of the night.",
        "Quarters of the old city were dark.",
        "Dial 2012-4455 for tickets.",
        "Her office is on the 5th floor.",
        "The quarter-to-quarter comparison flattered the mill.",
        "The sisters shared the last half of the cake.",
        "The bank raised the overnight rate and called it an overnight success.",
        "A three-year-old girl was found safe.",
        "The dollar traded at 1.10-1.12 euros.",
        "Rates rose 8.30 percent, and 3.45 of them fell.",
        "At the last minute, in the last hour of the talks, they agreed.",
        "The vote went 20-19 and 5 to 3 in committee.",
        "It was the turn of the tide.",
        "This time the ministers agreed.",
        "The Ramadan Foundation issued a statement.",
        "Eid passed quietly.",
        "On the eve of the election, the party rallied.",
        "Chinese officials and a lunar probe drew crowds.",
        "In today's world, many of today's phones are made abroad.",
        "She spoke of the leaders of tomorrow.",
        "He won the second day of the race and lost the first day of it.",
        "It was the dawn of a new era, Dawn Price wrote, and the sunset of an old one.",
        "Once in a while a ship called; at some time, a ferry will.",
        "He told USA Today and VOA Today about it.",
        "Baker spoke on ABC's \"This Week\" and \"This Week With David Brinkley.\"",
        "The fall of the Berlin Wall changed Europe.",
        "After the fall of Mosul, troops regrouped; the spring of Prague was brief.",
        "The Council adopted Resolution 2118, then Resolutions 2254 and 2139.",
        "Flight 1549 landed safely.",
        "Britain gave $4 million to the Future of Babylon project.",
        "More than a quarter of its sales are abroad; about a quarter of the vote was lost.",
        "Three quarters of the members agreed.",
    ];
    for text in texts {
        let d = doc(text, Pub::Day("2007-04-27"));
        let found: Vec<&str> = timeline::extract(&d)
            .iter()
            .map(|t| t.span.slice(d.text()))
            .collect();
        assert!(found.is_empty(), "{text:?} gave {found:?}");
    }
}
