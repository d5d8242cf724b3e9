//! Holidays by name: fixed days (Christmas, Independence Day), weekdays counted
//! in a month (Thanksgiving, Memorial Day), days counted from Easter (Good
//! Friday) or Passover (Yom Kippur), days of the Islamic calendar (Ramadan,
//! the two Eids) and feasts of the moon (Lunar New Year, Diwali, Hanukkah). Names must be capitalized, so "good friday sales" stays text.

use super::expr::{Base, Expr};
use super::lunar::Feast;
use super::scan::{Hit, Scanner};
use super::token::Tokens;
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
    /// Days after the first day of Passover (15 Nisan).
    Passover(i32),
    /// Month and day of the Islamic calendar (Ramadan begins on 9/1).
    Hijri(u32, u32),
    /// A feast computed from the moon or the Hebrew year.
    Feast(Feast),
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
    (&["orthodox", "christmas"], Rule::Fixed(1, 7)),
    (&["nowruz"], Rule::Fixed(3, 21)),
    (&["navruz"], Rule::Fixed(3, 21)),
    (&["nauryz"], Rule::Fixed(3, 21)),
    (&["novruz"], Rule::Fixed(3, 21)),
    // Ramadan is named by its first day; the Eids are written many ways (see `eid`).
    (&["ramadan"], Rule::Hijri(9, 1)),
    (&["ramazan"], Rule::Hijri(9, 1)),
    (&["ramzan"], Rule::Hijri(9, 1)),
    (&["ashura"], Rule::Hijri(1, 10)),
    (&["passover"], Rule::Passover(0)),
    (&["pesach"], Rule::Passover(0)),
    (&["purim"], Rule::Passover(-30)),
    (&["shavuot"], Rule::Passover(50)),
    (&["rosh", "hashanah"], Rule::Passover(163)),
    (&["rosh", "hashana"], Rule::Passover(163)),
    (&["yom", "kippur"], Rule::Passover(172)),
    (&["sukkot"], Rule::Passover(177)),
    (&["hanukkah"], Rule::Feast(Feast::Hanukkah)),
    (&["chanukah"], Rule::Feast(Feast::Hanukkah)),
    (&["hanukah"], Rule::Feast(Feast::Hanukkah)),
    (&["lunar", "new", "year"], Rule::Feast(Feast::LunarNewYear)),
    (
        &["chinese", "new", "year"],
        Rule::Feast(Feast::LunarNewYear),
    ),
    (&["diwali"], Rule::Feast(Feast::Diwali)),
    (&["deepavali"], Rule::Feast(Feast::Diwali)),
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
            | "orthodox"
            | "nowruz"
            | "navruz"
            | "nauryz"
            | "novruz"
            | "ramadan"
            | "ramazan"
            | "ramzan"
            | "ashura"
            | "eid"
            | "passover"
            | "pesach"
            | "purim"
            | "shavuot"
            | "rosh"
            | "yom"
            | "sukkot"
            | "hanukkah"
            | "chanukah"
            | "hanukah"
            | "lunar"
            | "chinese"
            | "diwali"
            | "deepavali"
    )
}

/// "Eid al-Fitr", "Eid ul-Adha", "Eid-al-Fitr", "Eid el Fitr" at `i`: the token after
/// the name and its day. A bare "Eid" names either feast, so it is not read.
fn eid(s: &Scanner<'_>, i: usize) -> Option<(usize, Rule)> {
    if s.w(i) != "eid" {
        return None;
    }
    let mut k = i + 1;
    let dash = |k: &mut usize| {
        if s.w(*k) == "-" && s.t.joined(*k) {
            *k += 1;
        }
    };
    dash(&mut k);
    if matches!(s.w(k), "al" | "ul" | "el") {
        k += 1;
        dash(&mut k);
    }
    let rule = match s.w(k) {
        "fitr" => Rule::Hijri(10, 1),
        "adha" => Rule::Hijri(12, 10),
        _ => return None,
    };
    Some((k + 1, rule))
}

impl Scanner<'_> {
    /// A holiday named at `i`; `shift` -1 for "last Christmas", 1 for "next Easter".
    pub fn holiday(&self, i: usize, shift: i64) -> Hit {
        if !self.t.is_cap(i) || !starts_holiday(self.w(i)) {
            return None;
        }
        let (end, rule) = match eid(self, i) {
            Some(found) => found,
            None => {
                let first = self.w(i);
                let (words, rule) = NAMES.iter().find(|(words, _)| {
                    words.first() == Some(&first)
                        && words.iter().enumerate().skip(1).all(|(j, &name)| {
                            let w = self.w(i + j);
                            w == name || (name == "'" && w == "’")
                        })
                })?;
                // "May Day", not "in May day after day".
                if words[0] == "may" && !self.t.is_cap(i + 1) {
                    return None;
                }
                let mut end = i + words.len();
                // "Valentine's Day" after "Valentine", "Easter Island" is a place; a
                // capital on the next line ("Curfew set for Hanukkah" over its story) is
                // not, nor the pronoun ("this Thanksgiving I hope").
                if words.len() == 1
                    && self.t.is_cap(end)
                    && !matches!(self.w(end), "day" | "i")
                    && !line_break_before(self.t, end)
                {
                    return None;
                }
                if self.w(end) == "day" && words.len() == 1 {
                    end += 1;
                }
                (end, *rule)
            }
        };
        // "Christmas 2013", "Easter, 1998": that year's day.
        let comma = usize::from(self.w(end) == ",");
        if let Some(y) = self
            .t
            .int(end + comma)
            .filter(|&v| shift == 0 && self.plausible_year(end + comma, v))
        {
            let y = y as i32;
            let day = match rule {
                Rule::Fixed(month, day) => Date::new(y, month, day),
                Rule::Nth {
                    month,
                    weekday,
                    n,
                    from,
                } => super::normalize::nth_weekday(y, month, weekday, n, from),
                Rule::Easter(offset) => easter(y).map(|d| d.add_days(i64::from(offset))),
                Rule::Passover(offset) => passover(y).map(|d| d.add_days(i64::from(offset))),
                Rule::Hijri(month, day) => hijri_in(y, month, day),
                Rule::Feast(feast) => feast.on(y),
            };
            if let Some(d) = day {
                let base = Base::Cal {
                    year: Some(d.year),
                    month: Some(d.month),
                    day: Some(d.day),
                };
                return Some((end + comma + 1, Expr::Point(base, None)));
            }
        }
        // "Christmas week": the week holding the day.
        if let (Rule::Fixed(month, day), "week", 0) = (rule, self.w(end), shift) {
            let base = Base::WeekOf {
                year: None,
                month,
                day,
            };
            return Some((end + 1, Expr::Point(base, None)));
        }
        let base = match rule {
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
            Rule::Passover(offset) => Base::Passover {
                offset,
                shift: shift.min(0),
            },
            Rule::Hijri(month, day) => Base::Hijri {
                month,
                day,
                shift: shift.min(0),
            },
            Rule::Feast(feast) => Base::Feast {
                feast,
                shift: shift.min(0),
                days: 0,
            },
        };
        Some((end, Expr::Point(base, None)))
    }
}

/// Whether a line ends between token `k` and the one before it.
fn line_break_before(t: &Tokens, k: usize) -> bool {
    match (k.checked_sub(1).and_then(|j| t.toks.get(j)), t.toks.get(k)) {
        (Some(a), Some(b)) => t.lower[a.end..b.start].contains('\n'),
        _ => false,
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

/// The first day of Passover (15 Nisan) in Gregorian `year`, by Gauss's formula
/// (valid for the Gregorian years 1900-2099, where the Julian calendar lags 13 days).
pub fn passover(year: i32) -> Option<Date> {
    if !(1900..=2099).contains(&year) {
        return None;
    }
    let hebrew = i64::from(year) + 3760;
    let a = (12 * hebrew + 17).rem_euclid(19);
    let b = hebrew.rem_euclid(4);
    let m = 32.044_093_161_144 + 1.554_241_796_621_2 * a as f64 + b as f64 / 4.0
        - 0.003_177_794_022_092_3 * hebrew as f64;
    let mut day = m.floor() as i64;
    let frac = m - m.floor();
    // The postponements that keep the new year off some weekdays.
    match (day + 3 * hebrew + 5 * b + 5).rem_euclid(7) {
        2 | 4 | 6 => day += 1,
        1 if a > 6 && frac >= 1367.0 / 2160.0 => day += 2,
        0 if a > 11 && frac >= 23269.0 / 25920.0 => day += 1,
        _ => {}
    }
    // Day `day` of a Julian March, moved to the Gregorian calendar.
    let gregorian = i64::from(year / 100 - year / 400 - 2);
    Date::new(year, 3, 1).map(|d| d.add_days(day - 1 + gregorian))
}

/// The first day of Gregorian `year` that is day `day` of month `month` in the tabular
/// Islamic calendar (astronomical epoch, 15 July 622). Observed dates follow the moon
/// and may differ by a day from country to country.
pub fn hijri_in(year: i32, month: u32, day: u32) -> Option<Date> {
    if !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    let hijri = |hy: i64| {
        let (m, d) = (i64::from(month), i64::from(day));
        let jdn =
            d + (59 * (m - 1) + 1) / 2 + (hy - 1) * 354 + (3 + 11 * hy).div_euclid(30) + 1_948_438;
        Date::from_days(jdn - 2_440_588)
    };
    // A Hijri year is 354 or 355 days, so Gregorian `year` holds one or two of each day.
    let estimate = (i64::from(year) - 622) * 33 / 32;
    (estimate - 1..=estimate + 2)
        .map(hijri)
        .filter(|d| d.year == year)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn islamic_days_by_the_tabular_calendar() {
        // (year, Hijri month and day, Gregorian month and day)
        for (y, hm, hd, m, d) in [
            (2014, 10, 1, 7, 28),
            (2014, 12, 10, 10, 4),
            (2014, 9, 1, 6, 28),
            (2001, 10, 1, 12, 16),
            (2023, 10, 1, 4, 21),
        ] {
            assert_eq!(hijri_in(y, hm, hd), Date::new(y, m, d), "{y} {hm}/{hd}");
        }
        assert_eq!(hijri_in(2014, 13, 1), None);
    }

    #[test]
    fn passover_by_gauss() {
        for (y, m, d) in [
            (1998, 4, 11),
            (2000, 4, 20),
            (2010, 3, 30),
            (2014, 4, 15),
            (2024, 4, 23),
        ] {
            assert_eq!(passover(y), Date::new(y, m, d), "{y}");
        }
        // Rosh Hashanah 5775 and Yom Kippur fall 163 and 172 days later.
        let p = passover(2014).map(|d| d.add_days(163));
        assert_eq!(p, Date::new(2014, 9, 25));
        assert_eq!(passover(1800), None);
    }

    #[test]
    fn easter_by_the_computus() {
        for (y, m, d) in [(2000, 4, 23), (2008, 3, 23), (2013, 3, 31), (2019, 4, 21)] {
            assert_eq!(easter(y), Date::new(y, m, d), "{y}");
        }
    }
}
