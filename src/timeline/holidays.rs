//! Holidays by name: fixed days (Christmas, Independence Day), weekdays counted
//! in a month (Thanksgiving, Memorial Day) and days counted from Easter (Good
//! Friday). Names must be capitalized, so "good friday sales" stays text.

use super::expr::{Base, Expr};
use super::scan::{Hit, Scanner};
use crate::date::Date;

/// How a holiday's day is found in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// Month and day.
    Fixed(u32, u32),
    /// The `n`th weekday (Monday = 0) of a month counted from a day.
    Nth {
        month: u32,
        weekday: u32,
        n: u32,
        from: u32,
    },
    /// Days after Easter Sunday (Good Friday is -2).
    Easter(i32),
}

const fn nth(month: u32, weekday: u32, n: u32, from: u32) -> Rule {
    Rule::Nth {
        month,
        weekday,
        n,
        from,
    }
}

/// Holiday names as lower-cased tokens ("'" stands for either apostrophe), longest first
/// within a name's variants.
const NAMES: &[(&[&str], Rule)] = &[
    (&["christmas", "eve"], Rule::Fixed(12, 24)),
    (&["christmas", "day"], Rule::Fixed(12, 25)),
    (&["christmas"], Rule::Fixed(12, 25)),
    (&["new", "year", "'", "s", "day"], Rule::Fixed(1, 1)),
    (&["new", "year", "'", "s", "eve"], Rule::Fixed(12, 31)),
    (&["halloween"], Rule::Fixed(10, 31)),
    (&["valentine", "'", "s", "day"], Rule::Fixed(2, 14)),
    (&["valentine"], Rule::Fixed(2, 14)),
    (&["independence", "day"], Rule::Fixed(7, 4)),
    (&["fourth", "of", "july"], Rule::Fixed(7, 4)),
    (&["veterans", "'", "day"], Rule::Fixed(11, 11)),
    (&["veterans", "day"], Rule::Fixed(11, 11)),
    (&["boxing", "day"], Rule::Fixed(12, 26)),
    (&["may", "day"], Rule::Fixed(5, 1)),
    (&["bastille", "day"], Rule::Fixed(7, 14)),
    (&["armistice", "day"], Rule::Fixed(11, 11)),
    (&["remembrance", "day"], Rule::Fixed(11, 11)),
    (&["earth", "day"], Rule::Fixed(4, 22)),
    (&["st", ".", "patrick", "'", "s", "day"], Rule::Fixed(3, 17)),
    (&["saint", "patrick", "'", "s", "day"], Rule::Fixed(3, 17)),
    (&["thanksgiving", "day"], nth(11, 3, 4, 1)),
    (&["thanksgiving"], nth(11, 3, 4, 1)),
    (&["labor", "day"], nth(9, 0, 1, 1)),
    // US Election Day: the Tuesday after the first Monday of November.
    (&["election", "day"], nth(11, 1, 1, 2)),
    // The last Monday of May: the first Monday from the 25th.
    (&["memorial", "day"], nth(5, 0, 1, 25)),
    (&["mother", "'", "s", "day"], nth(5, 6, 2, 1)),
    (&["father", "'", "s", "day"], nth(6, 6, 3, 1)),
    (&["presidents", "'", "day"], nth(2, 0, 3, 1)),
    (&["presidents", "day"], nth(2, 0, 3, 1)),
    (&["president", "'", "s", "day"], nth(2, 0, 3, 1)),
    (
        &["martin", "luther", "king", "jr", ".", "day"],
        nth(1, 0, 3, 1),
    ),
    (&["martin", "luther", "king", "jr", "day"], nth(1, 0, 3, 1)),
    (&["martin", "luther", "king", "day"], nth(1, 0, 3, 1)),
    (&["mlk", "day"], nth(1, 0, 3, 1)),
    (&["columbus", "day"], nth(10, 0, 2, 1)),
    (&["easter", "sunday"], Rule::Easter(0)),
    (&["easter", "monday"], Rule::Easter(1)),
    (&["easter", "day"], Rule::Easter(0)),
    (&["easter"], Rule::Easter(0)),
    (&["good", "friday"], Rule::Easter(-2)),
    (&["palm", "sunday"], Rule::Easter(-7)),
    (&["ash", "wednesday"], Rule::Easter(-46)),
];

/// Whether a word can start a holiday's name.
pub fn starts_holiday(word: &str) -> bool {
    matches!(
        word,
        "christmas"
            | "new"
            | "halloween"
            | "valentine"
            | "independence"
            | "fourth"
            | "veterans"
            | "boxing"
            | "may"
            | "bastille"
            | "armistice"
            | "remembrance"
            | "earth"
            | "st"
            | "saint"
            | "thanksgiving"
            | "labor"
            | "election"
            | "memorial"
            | "mother"
            | "father"
            | "presidents"
            | "president"
            | "martin"
            | "mlk"
            | "columbus"
            | "easter"
            | "good"
            | "palm"
            | "ash"
    )
}

impl Scanner<'_> {
    /// A holiday named at `i`; `shift` -1 for "last Christmas", 1 for "next Easter".
    pub fn holiday(&self, i: usize, shift: i64) -> Hit {
        if !self.t.is_cap(i) || !starts_holiday(self.w(i)) {
            return None;
        }
        let (words, rule) = NAMES.iter().find(|(words, _)| {
            words.iter().enumerate().all(|(j, &name)| {
                let w = self.w(i + j);
                w == name || (name == "'" && w == "’")
            })
        })?;
        // "May Day", not "in May day after day".
        if words[0] == "may" && !self.t.is_cap(i + 1) {
            return None;
        }
        let mut end = i + words.len();
        // "Valentine's Day" after "Valentine", "Easter Island" is a place.
        if words.len() == 1 && self.t.is_cap(end) && self.w(end) != "day" {
            return None;
        }
        if self.w(end) == "day" && words.len() == 1 {
            end += 1;
        }
        let base = match *rule {
            Rule::Fixed(month, day) if shift != 0 => Base::MonthShift {
                month,
                day: Some(day),
                shift,
            },
            Rule::Fixed(month, day) => Base::Cal {
                year: None,
                month: Some(month),
                day: Some(day),
            },
            Rule::Nth {
                month,
                weekday,
                n,
                from,
            } => Base::NthWeekday {
                month,
                weekday,
                n,
                from,
                shift: shift.min(0),
            },
            Rule::Easter(offset) => Base::Easter {
                offset,
                shift: shift.min(0),
            },
        };
        Some((end, Expr::Point(base, None)))
    }
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous computus).
pub fn easter(year: i32) -> Option<Date> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_by_the_computus() {
        for (y, m, d) in [(2000, 4, 23), (2008, 3, 23), (2013, 3, 31), (2019, 4, 21)] {
            assert_eq!(easter(y), Date::new(y, m, d), "{y}");
        }
    }
}
