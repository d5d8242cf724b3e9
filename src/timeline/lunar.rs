//! Feasts of lunisolar calendars, computed rather than listed: Lunar New Year
//! and Diwali from the instants of new moons, Hanukkah from the length of the
//! Hebrew year. Observed dates can differ by a day between countries.

use super::holidays::passover;
use crate::date::Date;

/// A feast whose Gregorian day is computed from the moon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feast {
    /// The first day of the Chinese year (Spring Festival), in China's time zone.
    LunarNewYear,
    /// Lakshmi Puja: the new moon of the month the sun enters Libra, as India observes it.
    Diwali,
    /// The first day of Hanukkah, 25 Kislev (its first candle is lit the evening before).
    Hanukkah,
}

impl Feast {
    /// The feast's day in Gregorian `year` (1900-2099).
    pub fn on(self, year: i32) -> Option<Date> {
        if !(1900..=2099).contains(&year) {
            return None;
        }
        match self {
            Feast::LunarNewYear => lunar_new_year(year),
            Feast::Diwali => diwali(year),
            Feast::Hanukkah => hanukkah(year),
        }
    }
}

/// Julian day of the Unix epoch, 1970-01-01 00:00 UTC.
const UNIX_JD: f64 = 2_440_587.5;

/// The instant (Julian day, UT within a minute or two) of lunation `k`'s new moon,
/// counted from the one of 6 January 2000 (Meeus, Astronomical Algorithms, ch. 49).
fn new_moon(k: f64) -> f64 {
    let t = k / 1236.85;
    let t2 = t * t;
    let mean = 2_451_550.097_66 + 29.530_588_861 * k + 0.000_154_37 * t2 - 0.000_000_15 * t2 * t;
    let e = 1.0 - 0.002_516 * t - 0.000_007_4 * t2;
    let rad = |deg: f64| deg.rem_euclid(360.0).to_radians();
    let m = rad(2.5534 + 29.105_356_70 * k - 0.000_001_4 * t2);
    let mm = rad(201.5643 + 385.816_935_28 * k + 0.010_758_2 * t2);
    let f = rad(160.7108 + 390.670_502_84 * k - 0.001_611_8 * t2);
    let om = rad(124.7746 - 1.563_755_88 * k + 0.002_067_2 * t2);
    let terms = [
        (-0.407_20, mm),
        (0.172_41 * e, m),
        (0.016_08, 2.0 * mm),
        (0.010_39, 2.0 * f),
        (0.007_39 * e, mm - m),
        (-0.005_14 * e, mm + m),
        (0.002_08 * e * e, 2.0 * m),
        (-0.001_11, mm - 2.0 * f),
        (-0.000_57, mm + 2.0 * f),
        (0.000_56 * e, 2.0 * mm + m),
        (-0.000_42, 3.0 * mm),
        (0.000_42 * e, m + 2.0 * f),
        (0.000_38 * e, m - 2.0 * f),
        (-0.000_24 * e, 2.0 * mm - m),
        (-0.000_17, om),
    ];
    mean + terms.iter().map(|(a, x)| a * x.sin()).sum::<f64>()
}

/// The calendar day holding Julian day `jd` in a zone `hours` ahead of UTC, and the
/// hour of that day.
fn local(jd: f64, hours: f64) -> (Date, f64) {
    let days = jd - UNIX_JD + hours / 24.0;
    (Date::from_days(days.floor() as i64), days.fract() * 24.0)
}

/// The lunation number of the first new moon after Julian day `jd`.
fn lunation_after(jd: f64) -> f64 {
    let mut k = ((jd - 2_451_550.097_66) / 29.530_588_861).floor() - 1.0;
    while new_moon(k) <= jd {
        k += 1.0;
    }
    k
}

fn julian_day(d: Date, hour: f64) -> f64 {
    d.to_days() as f64 + UNIX_JD + hour / 24.0
}

/// The second new moon after the one that starts the month of the winter solstice
/// (dates in China's time, UTC+8); a leap month between them (as in 2033) is too rare to model.
fn lunar_new_year(year: i32) -> Option<Date> {
    // The December solstice of the year before (Meeus ch. 27, mean value: within an hour).
    let y = f64::from(year - 1 - 2000) / 1000.0;
    let solstice = 2_451_900.059_52 + 365_242.740_49 * y - 0.062_23 * y * y;
    let (solstice_day, _) = local(solstice, 8.0);
    // The eleventh month starts with the last new moon on or before the solstice's day.
    let mut k = lunation_after(solstice - 40.0);
    while local(new_moon(k + 1.0), 8.0).0 <= solstice_day {
        k += 1.0;
    }
    Some(local(new_moon(k + 2.0), 8.0).0)
}

/// The first new moon after the sun enters sidereal Libra (about 17 October); Lakshmi
/// Puja falls on the evening the new moon's day (amavasya) is under way in India (UTC+5:30).
fn diwali(year: i32) -> Option<Date> {
    let libra = julian_day(Date::new(year, 10, 17)?, 1.5);
    let (day, hour) = local(new_moon(lunation_after(libra)), 5.5);
    // Before the evening, the new moon's day began the evening before.
    Some(if hour >= 18.0 { day } else { day.add_days(-1) })
}

/// 25 Kislev: 83 days after Rosh Hashanah (Tishrei 30 days, Heshvan 29, 24 days of
/// Kislev), one more when Heshvan has 30 days, in a year of 355 or 385 days.
fn hanukkah(year: i32) -> Option<Date> {
    let new_year = |y: i32| passover(y).map(|d| d.add_days(163));
    let (this, next) = (new_year(year)?, new_year(year + 1)?);
    let complete = (next.to_days() - this.to_days()) % 10 == 5;
    Some(this.add_days(83 + i64::from(complete)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(feast: Feast, cases: &[(i32, u32, u32)]) {
        for &(y, m, d) in cases {
            assert_eq!(feast.on(y), Date::new(y, m, d), "{feast:?} {y}");
        }
    }

    #[test]
    fn new_moons_to_the_minute() {
        // 18 Feb 1977, 3:37 UT (Meeus, example 49.a, JDE 2443192.65118 less 48 s).
        let jd = new_moon(-283.0);
        assert!((jd - 2_443_192.651_18).abs() < 0.002, "{jd}");
    }

    #[test]
    fn lunar_new_year_from_the_solstice() {
        days(
            Feast::LunarNewYear,
            &[
                (1985, 2, 20),
                (2012, 1, 23),
                (2013, 2, 10),
                (2015, 2, 19),
                (2020, 1, 25),
                (2023, 1, 22),
                (2024, 2, 10),
                (2033, 1, 31),
                (1998, 1, 28),
                (2018, 2, 16),
                (2026, 2, 17),
            ],
        );
    }

    #[test]
    fn diwali_from_the_new_moon_after_libra() {
        days(
            Feast::Diwali,
            &[
                (2009, 10, 17),
                (2011, 10, 26),
                (2012, 11, 13),
                (2014, 10, 23),
                (2017, 10, 19),
                (2020, 11, 14),
                (2023, 11, 12),
                (2016, 10, 30),
                (2022, 10, 24),
            ],
        );
    }

    #[test]
    fn hanukkah_from_the_hebrew_year() {
        days(
            Feast::Hanukkah,
            &[
                (2012, 12, 9),
                (2013, 11, 28),
                (2014, 12, 17),
                (2020, 12, 11),
                (2023, 12, 8),
                (1998, 12, 14),
                (2016, 12, 25),
                (2021, 11, 29),
            ],
        );
    }

    #[test]
    fn out_of_range_years_have_no_day() {
        assert_eq!(Feast::Diwali.on(1800), None);
        assert_eq!(Feast::Hanukkah.on(2100), None);
    }
}
