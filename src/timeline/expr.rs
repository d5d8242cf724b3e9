//! What the scanner understood an expression to mean, before it is resolved
//! against a reference date.

use super::lexicon::Unit;

/// A recognized temporal expression, unresolved.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A point or period on the calendar, with an optional time of day (then it is a TIME).
    Point(Base, Option<Clock>),
    /// A length of time; `n = None` for a vague amount ("several years" → `PXY`).
    Duration { n: Option<f64>, unit: Unit },
    /// A length that names neither amount nor unit ("for a while", "for some time"): `PXX`.
    Stretch,
    /// A recurrence, already in TIMEX3 form (`P1Y`, `XXXX-WXX-4`).
    Set(String),
    /// `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`.
    Ref(&'static str),
    /// "one day", "someday": some day ahead, or one in the past when it opens a
    /// sentence that looks back ("One day, the guards left").
    SomeDay { opening: bool },
}

/// Time of day: a clock reading or a part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    At { hour: u32, minute: u32 },
    Part(&'static str),
}

/// A calendar anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// Explicit parts; a missing year is inferred from the reference date and tense.
    Cal {
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// A month relative to the reference: "last April" (-1), "this September" (0), "next March" (1).
    MonthShift {
        month: u32,
        day: Option<u32>,
        shift: i64,
    },
    /// A month of the reference year moved by `shift`: "January this year", "April of last year".
    MonthOfYear { month: u32, shift: i64 },
    /// A weekday: `shift` -1 "last Friday", 0 bare or "this", 1 "next".
    Weekday {
        weekday: u32,
        shift: i64,
        explicit: bool,
    },
    /// A weekday after or before the narrative's current day: "the following Monday" (1),
    /// "the previous Friday" (-1).
    NarrativeWeekday { weekday: u32, shift: i64 },
    /// A season of the year the narrative is in: "that summer".
    ThatSeason { code: &'static str },
    /// Days from the publication date: today 0, yesterday -1, tomorrow 1.
    Day(i64),
    /// Days from the narrative's current date: "that day" 0, "the next day" 1.
    NarrativeDay(i64),
    /// The unit containing the reference, moved by `shift`: "last week", "this year", "next month".
    Unit { unit: Unit, shift: i64 },
    /// `n` units before (negative) or after the reference: "two weeks ago", "a year later".
    Offset { unit: Unit, n: i64, narrative: bool },
    /// The decade of `first three digits` (199 → the 1990s).
    Decade(i32),
    /// A century by its two leading digits (19 → the 20th century).
    Century(i32),
    /// A year before the common era, as written: 44 for "44 BC" (TIMEX3 `BC0044`).
    BcYear(i32),
    /// A season; `year` None means the one nearest the reference in the clause's tense.
    Season {
        code: &'static str,
        start: u32,
        year: Option<i32>,
        shift: i64,
    },
    /// Quarter `q` (None: the latest one reported) of `year` or of the reference year moved by `shift`.
    Quarter {
        q: Option<u32>,
        year: Option<i32>,
        shift: i64,
    },
    /// The `n`th `weekday` of `month` counted from day `from` (a floating holiday:
    /// Thanksgiving is the 4th Thursday of November); `shift` -1 for "last Thanksgiving".
    NthWeekday {
        month: u32,
        weekday: u32,
        n: u32,
        from: u32,
        shift: i64,
    },
    /// `offset` days after Easter Sunday (Good Friday -2); `shift` -1 for "last Easter".
    Easter { offset: i32, shift: i64 },
    /// `offset` days after the first day of Passover, 15 Nisan (Rosh Hashanah 163,
    /// Yom Kippur 172); `shift` -1 for "last Passover".
    Passover { offset: i32, shift: i64 },
    /// The ISO week holding a day: "the week of March 6".
    WeekOf {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// Half-year 1 or 2.
    Half {
        h: u32,
        year: Option<i32>,
        shift: i64,
    },
    /// The same quarter a year before the narrative's current quarter ("the year-ago quarter").
    YearAgoQuarter,
    /// The quarter the story last named by number: "that quarter".
    ThatQuarter,
    /// A day of the month the story is in: "on the 15th".
    DayOfMonth(u32),
    /// The year a century turned: `Some(1900)` for "the turn of the 20th century", `None`
    /// for "the turn of the century", the turn nearest the reference.
    TurnOfCentury(Option<i32>),
    /// The day before a calendar day: "the eve of the March 4 vote".
    Eve {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// The publication day `n` years away: "this time last year" (-1).
    SameDayYears(i64),
    /// A feast of the moon or the Hebrew year (Lunar New Year, Diwali, Hanukkah) in the
    /// year nearest the reference in the clause's tense; `shift` -1 for "last Diwali";
    /// `days` after it (-1: "the eve of Hanukkah").
    Feast {
        feast: super::lunar::Feast,
        shift: i64,
        days: i64,
    },
    /// Day `day` of month `month` of the Islamic (tabular) calendar, in the Gregorian
    /// year nearest the reference in the clause's tense; `shift` -1 for "last Ramadan".
    Hijri { month: u32, day: u32, shift: i64 },
    /// `days` after a weekday (Monday = 0) read like [`Base::Weekday`] with `shift`:
    /// "a week from Monday" (1, 7), "the day before last Tuesday" (-1, -1).
    FromWeekday { weekday: u32, shift: i64, days: i64 },
}

impl Base {
    /// A month, of `year` or (with `None`) of a year inferred later: "June", "May 2014".
    pub fn month(year: Option<i32>, month: u32) -> Base {
        Base::Cal {
            year,
            month: Some(month),
            day: None,
        }
    }

    /// The month and day of a date with no year and no time of day ("March",
    /// "June 3"), whose year is read from its neighbours; `None` for any other.
    pub fn yearless(expr: &Expr) -> Option<(u32, Option<u32>)> {
        match *expr {
            Expr::Point(
                Base::Cal {
                    year: None,
                    month: Some(m),
                    day,
                },
                None,
            ) => Some((m, day)),
            _ => None,
        }
    }

    /// A day of a month, of `year` or of a year inferred later: "4 May", "May 4, 2013".
    pub fn day(year: Option<i32>, month: u32, day: u32) -> Base {
        Base::Cal {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// The year and month of a [`Base::month`] anchor; `None` for any other.
    pub fn as_month(&self) -> Option<(Option<i32>, u32)> {
        match *self {
            Base::Cal {
                year,
                month: Some(m),
                day: None,
            } => Some((year, m)),
            _ => None,
        }
    }
}
