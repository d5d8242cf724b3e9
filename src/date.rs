//! Civil (proleptic Gregorian) calendar dates: parsing the formats briefs use
//! and day arithmetic, shared by the header parser and the timeline.

use std::fmt;

/// English weekday names, Monday first (as [`Date::weekday`] counts them).
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A calendar day. Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// English month names, January first; matching accepts any unambiguous prefix of three letters or more.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

impl Date {
    /// A date if `year-month-day` exists in the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, `Month D, YYYY`, `D Month YYYY` and `YYYY/MM/DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        if let Some(d) = parse_numeric(s) {
            return Some(d);
        }
        let words: Vec<&str> = s
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        match words.as_slice() {
            [m, d, y] if month_from_name(m).is_some() => {
                Date::new(y.parse().ok()?, month_from_name(m)?, parse_day(d)?)
            }
            [d, m, y] => Date::new(y.parse().ok()?, month_from_name(m)?, parse_day(d)?),
            _ => None,
        }
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// Day of the week, Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> u32 {
        (self.to_days() + 3).rem_euclid(7) as u32
    }

    /// ISO 8601 week: (week-numbering year, week 1-53). Week 1 holds the year's first Thursday.
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.add_days(3 - i64::from(self.weekday()));
        let jan1 = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
        (thursday.year, week as u32)
    }

    /// The day of ISO week `week` of `year` with weekday `weekday` (Monday = 0).
    pub fn from_iso_week(year: i32, week: u32, weekday: u32) -> Date {
        let jan4 = Date {
            year,
            month: 1,
            day: 4,
        };
        let monday1 = jan4.add_days(-i64::from(jan4.weekday()));
        monday1.add_days(7 * (i64::from(week) - 1) + i64::from(weekday))
    }

    /// The same day `n` months later (earlier when negative), clamped to the month's end.
    pub fn add_months(self, n: i64) -> Date {
        let (year, month) = shift_month(self.year, self.month, n);
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// Quarter of the year, 1-4.
    pub fn quarter(self) -> u32 {
        (self.month - 1) / 3 + 1
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// `(year, month)` moved by `n` months.
pub fn shift_month(year: i32, month: u32, n: i64) -> (i32, u32) {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + n;
    (index.div_euclid(12) as i32, index.rem_euclid(12) as u32 + 1)
}

/// Whether `year` has a 29 February.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1-12) of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Month number (1-12) for an English month name or abbreviation ("Apr", "Sept.").
/// Without allocating: the timeline asks this of every capitalized word.
pub fn month_from_name(word: &str) -> Option<u32> {
    let mut w = word.as_bytes();
    while let [rest @ .., b'.'] = w {
        w = rest;
    }
    // No name is longer than "september"; every one starts with one of these letters.
    if !(3..=9).contains(&w.len())
        || !matches!(
            w[0] | 0x20,
            b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
        )
    {
        return None;
    }
    let mut lower = [0u8; 9];
    let lower = &mut lower[..w.len()];
    lower.copy_from_slice(w);
    lower.make_ascii_lowercase();
    // The names of MONTHS, their first three letters, and "sept".
    Some(match &*lower {
        b"january" | b"jan" => 1,
        b"february" | b"feb" => 2,
        b"march" | b"mar" => 3,
        b"april" | b"apr" => 4,
        b"may" => 5,
        b"june" | b"jun" => 6,
        b"july" | b"jul" => 7,
        b"august" | b"aug" => 8,
        b"september" | b"sept" | b"sep" => 9,
        b"october" | b"oct" => 10,
        b"november" | b"nov" => 11,
        b"december" | b"dec" => 12,
        _ => return None,
    })
}

fn parse_day(s: &str) -> Option<u32> {
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    digits.parse().ok()
}

fn parse_numeric(s: &str) -> Option<Date> {
    let mut parts = s.split(['-', '/']);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || !s.is_ascii() {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_and_abbreviations() {
        let cases = [
            ("January", Some(1)),
            ("jan", Some(1)),
            ("Feb.", Some(2)),
            ("MAY", Some(5)),
            ("Sept.", Some(9)),
            ("sep", Some(9)),
            ("SEPTEMBER", Some(9)),
            ("Dec", Some(12)),
            ("ja", None),
            ("janu", None),
            ("octob", None),
            ("augusts", None),
            ("septembers", None),
            ("Mayday", None),
            ("", None),
            ("...", None),
            ("Қаз", None),
        ];
        for (word, month) in cases {
            assert_eq!(month_from_name(word), month, "{word}");
        }
        for (i, name) in MONTHS.iter().enumerate() {
            let month = Some(i as u32 + 1);
            assert_eq!(month_from_name(name), month, "{name}");
            assert_eq!(month_from_name(&name[..3]), month, "{name}");
            assert_eq!(
                month_from_name(&format!("{}.", &name[..3])),
                month,
                "{name}"
            );
        }
    }

    #[test]
    fn parses_common_formats() {
        let d = Date::new(2007, 4, 27).unwrap();
        assert_eq!(Date::parse("2007-04-27"), Some(d));
        assert_eq!(Date::parse("April 27, 2007"), Some(d));
        assert_eq!(Date::parse("27 April 2007"), Some(d));
        assert_eq!(Date::parse("Apr. 27, 2007"), Some(d));
        assert_eq!(Date::parse("2007/04/27"), Some(d));
        assert_eq!(Date::parse("2007-02-30"), None);
        assert_eq!(Date::parse("yesterday"), None);
    }

    #[test]
    fn day_arithmetic_round_trips_across_leap_years() {
        for days in [-800_000, -1, 0, 59, 11_016, 13_600, 20_000, 1_000_000] {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(
            Date::new(2008, 2, 28).unwrap().add_days(1),
            Date::new(2008, 2, 29).unwrap()
        );
        assert_eq!(
            Date::new(2007, 12, 31).unwrap().add_days(1),
            Date::new(2008, 1, 1).unwrap()
        );
        assert_eq!(Date::new(1970, 1, 1).unwrap().weekday(), 3); // Thursday
        assert_eq!(Date::new(2007, 4, 27).unwrap().weekday(), 4); // Friday
    }

    #[test]
    fn iso_weeks_and_months() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        assert_eq!(d(2007, 4, 23).iso_week(), (2007, 17));
        assert_eq!(d(2008, 12, 29).iso_week(), (2009, 1));
        assert_eq!(d(2010, 1, 3).iso_week(), (2009, 53));
        assert_eq!(Date::from_iso_week(2007, 17, 0), d(2007, 4, 23));
        assert_eq!(Date::from_iso_week(2009, 1, 0), d(2008, 12, 29));
        assert_eq!(d(2008, 3, 31).add_months(-1), d(2008, 2, 29));
        assert_eq!(d(2007, 12, 15).add_months(1), d(2008, 1, 15));
        assert_eq!(shift_month(2007, 1, -1), (2006, 12));
        assert_eq!(d(2007, 8, 1).quarter(), 3);
    }
}
