//! Word lists of the temporal scanner: numbers, units, weekdays, parts of
//! day, seasons, holidays and the words that mark past or future tense.

/// A calendar unit, as used in durations (`P2Y`), sets and relative dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// TIMEX3 duration letter(s), with the `T` time marker for clock units.
    pub fn code(self) -> (&'static str, &'static str) {
        match self {
            Unit::Second => ("T", "S"),
            Unit::Minute => ("T", "M"),
            Unit::Hour => ("T", "H"),
            Unit::Day => ("", "D"),
            Unit::Week => ("", "W"),
            Unit::Weekend => ("", "WE"),
            Unit::Month => ("", "M"),
            Unit::Quarter => ("", "Q"),
            Unit::Year | Unit::Decade | Unit::Century => ("", "Y"),
        }
    }

    /// How many of the code's unit one of these makes (a decade is 10 years).
    pub fn scale(self) -> i64 {
        match self {
            Unit::Decade => 10,
            Unit::Century => 100,
            _ => 1,
        }
    }
}

/// A unit word, singular or plural: `("years") -> (Year, plural)`.
pub fn unit(word: &str) -> Option<(Unit, bool)> {
    Some(match word {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Cardinal number words up to ninety; "a"/"an" count as one.
pub fn small_number(word: &str) -> Option<i64> {
    Some(match word {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" | "dozen" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Words for an unspecified count ("several years" → `PXY`).
pub fn is_vague_count(word: &str) -> bool {
    matches!(
        word,
        "several" | "few" | "many" | "some" | "recent" | "numerous" | "countless"
    )
}

/// Ordinals as used for quarters, halves and centuries.
pub fn ordinal(word: &str) -> Option<i64> {
    Some(match word {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        "fifth" | "5th" => 5,
        "sixth" | "6th" => 6,
        "seventh" | "7th" => 7,
        "eighth" | "8th" => 8,
        "ninth" | "9th" => 9,
        "tenth" | "10th" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "final" | "last" => 4,
        _ => return None,
    })
}

/// Weekday number (Monday = 0) for a name or abbreviation.
/// A weekday in the plural, a recurrence: "Sundays" -> 6.
pub fn weekdays(word: &str) -> Option<u32> {
    word.strip_suffix('s')
        .filter(|w| w.len() >= 6)
        .and_then(weekday)
}

pub fn weekday(word: &str) -> Option<u32> {
    Some(match word {
        "monday" | "mon" => 0,
        "tuesday" | "tue" | "tues" => 1,
        "wednesday" | "wed" => 2,
        "thursday" | "thu" | "thur" | "thurs" => 3,
        "friday" | "fri" => 4,
        "saturday" | "sat" => 5,
        "sunday" | "sun" => 6,
        _ => return None,
    })
}

pub use crate::date::WEEKDAYS;

/// Part of the day code (`TMO`, `TAF`, `TEV`, `TNI`).
pub fn part_of_day(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" | "mornings" => "MO",
        "afternoon" | "afternoons" => "AF",
        "evening" | "evenings" => "EV",
        "night" | "nights" | "overnight" => "NI",
        _ => return None,
    })
}

/// The part of the day that dawn or dusk falls in: "at dawn" is a morning (`TMO`),
/// "until dusk" an evening (`TEV`).
pub fn day_edge(word: &str) -> Option<&'static str> {
    Some(match word {
        "dawn" | "daybreak" | "sunrise" => "MO",
        "dusk" | "sunset" | "nightfall" => "EV",
        _ => return None,
    })
}

/// Season code and the month it starts in (winter starts in December).
pub fn season(word: &str) -> Option<(&'static str, u32)> {
    Some(match word {
        "spring" => ("SP", 3),
        "summer" => ("SU", 6),
        "fall" | "autumn" => ("FA", 9),
        "winter" => ("WI", 12),
        _ => return None,
    })
}

/// Words for "the one before" (`last week`) and "the one after" (`next week`).
pub fn shift(word: &str) -> Option<i64> {
    Some(match word {
        "last" | "past" | "previous" | "preceding" | "prior" => -1,
        "this" | "current" | "present" => 0,
        "next" | "coming" | "following" | "upcoming" => 1,
        _ => return None,
    })
}

/// Hedges that TimeML keeps inside a duration's extent ("about two years").
pub fn is_hedge(word: &str) -> bool {
    matches!(
        word,
        "about"
            | "almost"
            | "nearly"
            | "roughly"
            | "approximately"
            | "around"
            | "some"
            | "only"
            | "just"
            | "barely"
    )
}

/// Time zones that may follow a clock time.
pub fn is_zone(word: &str) -> bool {
    matches!(
        word,
        "est"
            | "edt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "msk"
            | "et"
            | "ct"
            | "pt"
            | "cest"
            | "jst"
            | "ist"
            | "z"
    )
}

/// Nouns that a number labels rather than dates: "Resolution 2118", "Flight 1549".
pub fn is_numbered_label(word: &str) -> bool {
    matches!(
        word,
        "resolution"
            | "resolutions"
            | "flight"
            | "flights"
            | "article"
            | "articles"
            | "route"
            | "highway"
            | "interstate"
            | "room"
            | "suite"
            | "apartment"
            | "page"
            | "pages"
            | "section"
            | "chapter"
            | "bill"
            | "platform"
            | "gate"
            | "bus"
            | "train"
            | "no"
            | "number"
            | "nos"
    )
}

/// Regions whose zone is named in words: "Eastern time", "Pacific Standard Time".
pub fn is_zone_region(word: &str) -> bool {
    matches!(
        word,
        "eastern"
            | "central"
            | "mountain"
            | "pacific"
            | "atlantic"
            | "alaska"
            | "hawaii"
            | "greenwich"
            | "universal"
    )
}

/// Words that make "time" something other than a zone when they lead a sentence
/// after a clock time: "at 5 p.m. This time, ...", "Half time was near".
pub fn is_time_compound(word: &str) -> bool {
    matches!(
        word,
        "this"
            | "that"
            | "these"
            | "those"
            | "some"
            | "any"
            | "each"
            | "every"
            | "next"
            | "last"
            | "one"
            | "another"
            | "same"
            | "what"
            | "no"
            | "half"
            | "full"
            | "extra"
            | "lunch"
            | "dinner"
            | "breakfast"
            | "tea"
            | "prime"
            | "peak"
            | "question"
            | "show"
            | "game"
            | "play"
            | "bed"
            | "meal"
            | "by"
            | "at"
            | "the"
            | "in"
            | "on"
    )
}

/// How a word bears on the tense of its clause: past, future or neither.
pub fn tense_of(word: &str) -> Option<super::tense::Tense> {
    use super::tense::Tense;
    Some(match word {
        "will" | "ll" | "shall" | "tomorrow" | "expected" | "expects" | "scheduled"
        | "planning" | "preparing" | "intend" | "expect" | "expecting" | "due" | "intends"
        | "going" | "upcoming" | "would" | "soon" => Tense::Future,
        // The present of a timetable, as wire copy writes it: "the truce starts at noon Friday".
        "starts" | "begins" | "opens" | "reopens" | "resumes" | "convenes" | "expires" => {
            Tense::Future
        }
        "said" | "was" | "were" | "had" | "did" | "told" | "met" | "came" | "went" | "began"
        | "left" | "took" | "made" | "gave" | "found" | "held" | "led" | "sent" | "got" | "won"
        | "lost" | "fell" | "rose" | "saw" | "knew" | "thought" | "spoke" | "wrote" | "became"
        | "ago" | "yesterday" | "last" | "earlier" | "struck" | "shot" | "broke" | "ran"
        | "sold" | "bought" | "paid" | "fought" | "quit" | "chose" | "drove" | "flew"
        | "brought" | "caught" | "taught" | "meant" | "felt" | "kept" | "stood" | "heard"
        | "ended" | "closed" | "has" | "have" => Tense::Past,
        _ if word.len() > 4 && word.ends_with("ed") => Tense::Past,
        _ => return None,
    })
}

/// Whether the period at token `k` closes an abbreviation inside a sentence: a month's
/// ("bought from Sept. 14 to Thursday") before its day, a title's ("Mr. Smith"), or a
/// clock's "a.m." before anything but a capital ("struck at 4:31 a.m. (1131 GMT)").
pub fn abbreviated(toks: &super::token::Tokens, k: usize) -> bool {
    let Some(prev) = k.checked_sub(1) else {
        return false;
    };
    let w = toks.word(prev);
    let month = w.len() <= 4 && crate::date::month_from_name(w).is_some();
    let clock = w == "m"
        && prev >= 2
        && toks.word(prev - 1) == "."
        && matches!(toks.word(prev - 2), "a" | "p")
        && !toks.is_cap(k + 1);
    clock
        || (month && toks.kind(k + 1) == Some(super::token::Kind::Num))
        || (matches!(
            w,
            "mr" | "mrs" | "ms" | "dr" | "gen" | "gov" | "sen" | "rep" | "st"
        ) && toks.is_cap(k + 1))
}
