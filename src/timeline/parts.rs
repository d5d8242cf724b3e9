//! Parts and neighbours of a named day or period: "the early hours of June 3",
//! "the first week of June", "the eve of the March 4 vote", "the turn of the
//! century", "this time last year".

use super::expr::{Base, Clock, Expr};
use super::lexicon;
use super::scan::{Hit, Scanner};

impl Scanner<'_> {
    /// A part or neighbour of a period starting at `i` (a "the" or "this").
    pub fn part_of_period(&self, i: usize) -> Hit {
        match (self.w(i), self.w(i + 1)) {
            ("the", "turn") => self.turn_of_century(i),
            ("the", "eve") => self.eve(i),
            ("the", "early" | "small" | "wee" | "predawn") if self.w(i + 2) == "hours" => {
                self.early_hours(i, i + 3)
            }
            // "the early morning hours of Saturday"
            ("the", "early" | "predawn")
                if self.w(i + 2) == "morning" && self.w(i + 3) == "hours" =>
            {
                self.early_hours(i, i + 4)
            }
            ("the", "same") | ("this", _) => self.same_time(i),
            ("the", w) if self.w(i + 2) == "week" && self.w(i + 3) == "of" => {
                self.week_of_month(i, w)
            }
            _ => None,
        }
    }

    /// "the turn of the century" (the turn nearest the reference), "the turn of the
    /// millennium", "the turn of the 20th century" (1900).
    fn turn_of_century(&self, i: usize) -> Hit {
        if self.w(i + 2) != "of" {
            return None;
        }
        let k = i + 3;
        let point = |e: usize, y: Option<i32>| Some((e, Expr::Point(Base::TurnOfCentury(y), None)));
        match (self.w(k), self.w(k + 1)) {
            ("the" | "this", "century" | "millennium") => point(k + 2, None),
            ("the", w) => {
                // "the 20th century", "the twentieth century"
                let (n, e) = match lexicon::ordinal(w) {
                    Some(n) => (n, k + 2),
                    None => {
                        let n = self.t.int(k + 1)?;
                        matches!(self.w(k + 2), "st" | "nd" | "rd" | "th").then_some((n, k + 3))?
                    }
                };
                if self.w(e) != "century" || !(2..=30).contains(&n) || self.w(k + 1) == "last" {
                    return None;
                }
                point(e + 1, Some((n as i32 - 1) * 100))
            }
            _ => None,
        }
    }

    /// "the eve of Friday's vote", "the eve of the March 4 election", "the eve of
    /// Christmas", "the eve of Hanukkah": the day before. "The eve of the election" names no day and, as in
    /// TimeML, is not an expression of its own.
    fn eve(&self, i: usize) -> Hit {
        if self.w(i + 2) != "of" {
            return None;
        }
        let k = if self.w(i + 3) == "the" { i + 4 } else { i + 3 };
        let point = |e: usize, b: Base| Some((e, Expr::Point(b, None)));
        if let Some((e, Expr::Point(Base::Weekday { weekday, .. }, None))) =
            self.weekday_led(k, 0, false)
        {
            let base = Base::FromWeekday {
                weekday,
                shift: 0,
                days: -1,
            };
            return point(e, base);
        }
        let named = self.month_led(k).or_else(|| self.holiday(k, 0));
        // "the eve of Easter", "the eve of Ramadan": the day before, in the same calendar.
        match named {
            Some((e, Expr::Point(Base::Easter { offset, shift }, None))) => {
                return point(
                    e,
                    Base::Easter {
                        offset: offset - 1,
                        shift,
                    },
                );
            }
            Some((e, Expr::Point(Base::Passover { offset, shift }, None))) => {
                return point(
                    e,
                    Base::Passover {
                        offset: offset - 1,
                        shift,
                    },
                );
            }
            Some((e, Expr::Point(Base::Feast { feast, shift, days }, None))) => {
                let days = days - 1;
                return point(e, Base::Feast { feast, shift, days });
            }
            Some((e, Expr::Point(Base::Hijri { month, day, shift }, None))) => {
                // Tabular months alternate 30 and 29 days, the odd ones long.
                let (month, day) = match (month, day) {
                    (1, 1) => (12, 29),
                    (m, 1) => (m - 1, if (m - 1) % 2 == 1 { 30 } else { 29 }),
                    (m, d) => (m, d - 1),
                };
                return point(e, Base::Hijri { month, day, shift });
            }
            _ => {}
        }
        if let Some((
            e,
            Expr::Point(
                Base::Cal {
                    year,
                    month: Some(m),
                    day: Some(d),
                },
                None,
            ),
        )) = named
        {
            return point(
                e,
                Base::Eve {
                    year,
                    month: m,
                    day: d,
                },
            );
        }
        None
    }

    /// "the small hours of June 3", "the early hours of the morning", "in the early
    /// hours": the morning's first hours of that day (`TMO`); "the early hours of Sunday"
    /// is Sunday, like "Sunday morning"; "the early morning hours" and "the predawn
    /// hours" too (`k`: the token after "hours").
    fn early_hours(&self, i: usize, k: usize) -> Hit {
        let morning = Some(Clock::Part("MO"));
        if self.w(k) == "of" {
            let d = k + 1;
            // Read like "Sunday morning": TimeML values it as the day.
            if let Some((e, Expr::Point(b @ Base::Weekday { .. }, _))) =
                self.weekday_led(d, 0, false)
            {
                return Some((e, Expr::Point(b, morning)));
            }
            if let Some((e, Expr::Point(b @ Base::Cal { day: Some(_), .. }, None))) =
                self.month_led(d)
            {
                return Some((e, Expr::Point(b, morning)));
            }
            let day = match self.w(d) {
                "today" => Some(0),
                "yesterday" => Some(-1),
                "tomorrow" => Some(1),
                _ => None,
            };
            if let Some(n) = day {
                return Some((d + 1, Expr::Point(Base::Day(n), morning)));
            }
            if self.w(d) == "the" && self.w(d + 1) == "morning" {
                return Some((d + 2, Expr::Point(Base::NarrativeDay(0), morning)));
            }
            // "the early hours of the night", "of the fighting": no day is named.
            return None;
        }
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        matches!(prev, "in" | "into" | "during" | "until" | "till" | "by")
            .then_some((k, Expr::Point(Base::NarrativeDay(0), morning)))
    }

    /// "this time last year", "the same time next year", "this time a year ago".
    fn same_time(&self, i: usize) -> Hit {
        let k = if self.w(i) == "the" { i + 2 } else { i + 1 };
        if self.w(k) != "time" {
            return None;
        }
        let (e, n) = match (self.w(k + 1), self.w(k + 2), self.w(k + 3)) {
            ("last", "year", _) => (k + 3, -1),
            ("next", "year", _) => (k + 3, 1),
            ("a", "year", "ago" | "earlier") => (k + 4, -1),
            _ => return None,
        };
        Some((e, Expr::Point(Base::SameDayYears(n), None)))
    }

    /// "the first week of June", "the last week of May 2014": the ISO week holding the
    /// middle day of that week of the month.
    fn week_of_month(&self, i: usize, which: &str) -> Hit {
        let day = match which {
            "first" => 4,
            "second" => 11,
            "third" => 18,
            "fourth" => 25,
            "last" | "final" => 28,
            _ => return None,
        };
        let (e, Expr::Point(base, None)) = self.month_led(i + 4)? else {
            return None;
        };
        let (year, month) = base.as_month()?;
        Some((e, Expr::Point(Base::WeekOf { year, month, day }, None)))
    }
}
