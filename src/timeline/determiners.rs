//! Phrases led by a determiner: "the" ("the following year", "the 1990s", "the
//! third quarter", "the day before") and shift words ("last week", "this spring",
//! "next year's first quarter").

use super::expr::{Base, Clock, Expr};
use super::lexicon::{self, Unit};
use super::scan::{Hit, Scanner};
use super::token::Kind;

impl Scanner<'_> {
    /// After a shift word at `i` ("last", "this", "next", …), its object at `k`.
    pub(super) fn shifted(&self, i: usize, k: usize, shift: i64) -> Hit {
        // "the current fiscal year"
        if matches!(self.w(k), "fiscal" | "calendar") && self.w(k + 1) == "year" {
            return self.shifted(i, k + 1, shift);
        }
        let point = |e: usize, b: Base| Some((e, Expr::Point(b, None)));
        let w = self.w(k);
        // ABC's "This Week": a quoted title, capitalized word by word.
        if k == i + 1
            && self.t.is_cap(i)
            && self.t.is_cap(k)
            && lexicon::unit(w).is_some()
            && i > 0
            && matches!(self.w(i - 1), "\"" | "“" | "`" | "'")
        {
            return None;
        }
        if let Some(hit) = self.weekday_led(k, shift, true) {
            // "the following Monday", "the previous Friday": counted from the story's day.
            let told = self.w(i) == "the"
                && matches!(
                    self.w(k - 1),
                    "following" | "next" | "previous" | "preceding" | "prior"
                );
            if let (true, (e, Expr::Point(Base::Weekday { weekday, shift, .. }, clock))) =
                (told, &hit)
            {
                let base = Base::NarrativeWeekday {
                    weekday: *weekday,
                    shift: *shift,
                };
                return Some((*e, Expr::Point(base, *clock)));
            }
            return Some(hit);
        }
        if let Some((e, (m, day))) = self
            .month_led(k)
            .and_then(|(e, x)| Some((e, Base::yearless(&x)?)))
        {
            return point(
                e,
                Base::MonthShift {
                    month: m,
                    day,
                    shift,
                },
            );
        }
        if let Some(hit) = self.holiday(k, shift) {
            return Some(hit);
        }
        // "this past spring"
        if shift == 0 && self.w(i) == "this" && self.w(k) == "past" {
            return self.shifted(i, k + 1, -1);
        }
        if let Some((code, start)) = lexicon::season(w) {
            return point(
                k + 1,
                Base::Season {
                    code,
                    start,
                    year: None,
                    shift,
                },
            );
        }
        if let Some(part) = lexicon::part_of_day(w) {
            let day = match (self.w(i), part) {
                ("last", "NI") => -1,
                ("this", _) => 0,
                _ => return None,
            };
            return Some((k + 1, Expr::Point(Base::Day(day), Some(Clock::Part(part)))));
        }
        if let Some(hit) = self.quarter(k, i) {
            // "next year's first quarter" is handled there; "last quarter" here.
            return Some(hit);
        }
        let (unit, plural) = lexicon::unit(w)?;
        if plural {
            // "past years" is the past at large; "coming months" a stretch ahead.
            if self.w(i) == "past" && k == i + 1 && matches!(unit, Unit::Year | Unit::Decade) {
                return Some((k + 1, Expr::Ref("PAST_REF")));
            }
            return matches!(self.w(i), "coming" | "past" | "next" | "last" | "recent")
                .then_some((k + 1, Expr::Duration { n: None, unit }));
        }
        // "the following year", "the previous month": counted from the narrative's date.
        if self.w(i) == "the"
            && matches!(
                self.w(k - 1),
                "following" | "next" | "previous" | "preceding" | "prior"
            )
            && matches!(unit, Unit::Year | Unit::Month | Unit::Week)
        {
            return point(
                k + 1,
                Base::Offset {
                    unit,
                    n: shift,
                    narrative: true,
                },
            );
        }
        // "last year's quarter": the quarter being reported on, a year earlier.
        if unit == Unit::Year
            && shift == -1
            && matches!(self.w(k + 1), "'" | "’")
            && self.w(k + 2) == "s"
            && matches!(self.w(k + 3), "quarter" | "period")
        {
            return point(k + 4, Base::YearAgoQuarter);
        }
        // "next year's first quarter"
        if unit == Unit::Year && matches!(self.w(k + 1), "'" | "’") && self.w(k + 2) == "s" {
            if let Some((e, Expr::Point(Base::Quarter { q, year: None, .. }, None))) =
                self.quarter(k + 3, k + 3)
            {
                return point(
                    e,
                    Base::Quarter {
                        q,
                        year: None,
                        shift,
                    },
                );
            }
        }
        // "over the past decade", "for the next century": a stretch of that length, where "in
        // the last decade" is the decade itself.
        if matches!(unit, Unit::Decade | Unit::Century)
            && matches!(self.w(k - 1), "past" | "last" | "next" | "coming")
            && i > 0
            && matches!(self.w(i - 1), "over" | "for" | "throughout")
        {
            return Some((k + 1, Expr::Duration { n: Some(1.0), unit }));
        }
        match unit {
            // "within the past hour", "in the next hour": an hour's length up to or from now.
            Unit::Hour if matches!(self.w(k - 1), "past" | "next" | "coming") => {
                Some((k + 1, Expr::Duration { n: Some(1.0), unit }))
            }
            Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => None,
            Unit::Weekend => point(
                k + 1,
                Base::Unit {
                    unit,
                    shift: if self.w(i) == "last" { -1 } else { shift },
                },
            ),
            _ => point(k + 1, Base::Unit { unit, shift }),
        }
    }

    /// Phrases led by "the".
    pub(super) fn the(&self, i: usize) -> Hit {
        let point = |e: usize, b: Base| Some((e, Expr::Point(b, None)));
        let reference = |e: usize, r: &'static str| Some((e, Expr::Ref(r)));
        let w1 = self.w(i + 1);
        // "today is the eighth day of the blockade", "it was the second day of talks": the
        // day being told, counted in something else.
        if i > 0
            && lexicon::ordinal(w1).is_some_and(|n| n > 1)
            && !matches!(w1, "last" | "final")
            && self.w(i + 2) == "day"
            && self.w(i + 3) == "of"
        {
            let it_is = self.w(i - 1) == "is"
                || (self.w(i - 1) == "s" && i > 1 && matches!(self.w(i - 2), "'" | "’"));
            if it_is {
                return point(i + 3, Base::Day(0));
            }
            if self.w(i - 1) == "was" {
                return point(i + 3, Base::NarrativeDay(0));
            }
        }
        // "the year 2012": the year, named in full.
        if w1 == "year" {
            if let Some(y) = self.t.int(i + 2).filter(|&y| self.plausible_year(i + 2, y)) {
                let year = Some(y as i32);
                return point(
                    i + 3,
                    Base::Cal {
                        year,
                        month: None,
                        day: None,
                    },
                );
            }
        }
        // "on the 15th", "by the 3rd": a day of the month the story is in.
        if let Some(d) = self.t.int(i + 1).filter(|d| (1..=31).contains(d)) {
            let after = self.w(i + 3);
            if i > 0
                && matches!(self.w(i - 1), "on" | "by" | "until" | "since" | "before")
                && matches!(self.w(i + 2), "st" | "nd" | "rd" | "th")
                && self.t.joined(i + 2)
                && (matches!(after, "." | "," | ";" | ":" | ")" | "")
                    || (self.t.kind(i + 3) == Some(Kind::Word)
                        && matches!(after, "and" | "or" | "when" | "at" | "in" | "to")))
            {
                return point(i + 3, Base::DayOfMonth(d as u32));
            }
        }
        // "the same period last year", "the corresponding quarter a year earlier"
        if matches!(w1, "same" | "corresponding" | "comparable" | "year-ago")
            && matches!(self.w(i + 2), "period" | "quarter")
        {
            match (self.w(i + 3), self.w(i + 4), self.w(i + 5)) {
                ("last", "year", _) => return point(i + 5, Base::YearAgoQuarter),
                ("a", "year", "ago" | "earlier") => return point(i + 6, Base::YearAgoQuarter),
                _ => {}
            }
        }
        if let Some(hit) = self.quarter(i + 1, i) {
            return Some(hit);
        }
        match (w1, self.w(i + 2)) {
            // "the year before," like "the day before": counted from the story's date.
            ("week" | "month" | "year", "after" | "before")
                if matches!(self.w(i + 3), "." | "," | ";" | "") =>
            {
                let unit = lexicon::unit(w1).map_or(Unit::Year, |(u, _)| u);
                let n = if self.w(i + 2) == "after" { 1 } else { -1 };
                return point(
                    i + 3,
                    Base::Offset {
                        unit,
                        n,
                        narrative: true,
                    },
                );
            }
            // "the Future of Babylon project": a name, not the time ahead.
            ("future" | "past" | "present", _) if self.t.is_cap(i + 1) => return None,
            ("future", _) => return reference(i + 2, "FUTURE_REF"),
            ("near" | "distant", "future") => return reference(i + 3, "FUTURE_REF"),
            ("short" | "long" | "near" | "medium", "term") => {
                return reference(i + 3, "FUTURE_REF")
            }
            ("past", w2) if lexicon::unit(w2).is_none() && lexicon::small_number(w2).is_none() => {
                return reference(i + 2, "PAST_REF")
            }
            ("present", _) => return reference(i + 2, "PRESENT_REF"),
            ("other", "day") => return reference(i + 3, "PAST_REF"),
            // "in the weeks ahead": some weeks from now.
            (w, "ahead")
                if lexicon::unit(w).is_some_and(|(u, plural)| plural && u != Unit::Weekend) =>
            {
                let (unit, _) = lexicon::unit(w)?;
                return Some((i + 3, Expr::Duration { n: None, unit }));
            }
            // "the year ended Sept. 30": a report's twelve months; "the year ended well" is
            // the year itself (the arm below).
            ("year", "ended" | "ending" | "to")
                if self.w(i + 2) == "to"
                    || self.month_name(i + 3).is_some()
                    || self.t.kind(i + 3) == Some(Kind::Num)
                    || matches!(
                        self.w(i + 3),
                        "yesterday" | "today" | "tomorrow" | "in" | "on"
                    ) =>
            {
                return Some((
                    i + 2,
                    Expr::Duration {
                        n: Some(1.0),
                        unit: Unit::Year,
                    },
                ))
            }
            ("year", "two") if self.w(i + 3) == "thousand" => {
                return point(
                    i + 4,
                    Base::Cal {
                        year: Some(2000),
                        month: None,
                        day: None,
                    },
                )
            }
            ("year" | "fiscal" | "full", _) => {
                let mut k = i + 1;
                while matches!(self.w(k), "fiscal" | "full") {
                    k += 1;
                }
                if self.w(k) == "year" && self.w(k + 1) != "-" {
                    return point(
                        k + 1,
                        Base::Unit {
                            unit: Unit::Year,
                            shift: 0,
                        },
                    );
                }
                return None;
            }
            // "the week of March 6"
            ("week", "of") => {
                if let Some((
                    e,
                    Expr::Point(
                        Base::Cal {
                            year,
                            month: Some(month),
                            day: Some(day),
                        },
                        None,
                    ),
                )) = self.month_led(i + 3)
                {
                    return point(e, Base::WeekOf { year, month, day });
                }
                return None;
            }
            ("month", _) => {
                return point(
                    i + 2,
                    Base::Unit {
                        unit: Unit::Month,
                        shift: 0,
                    },
                )
            }
            // "for the week", "the week's busiest session": the week of the report.
            ("week", w2)
                if matches!(w2, "'" | "’" | "." | "," | ";")
                    || (i > 0 && matches!(self.w(i - 1), "for" | "during" | "over")) =>
            {
                return point(
                    i + 2,
                    Base::Unit {
                        unit: Unit::Week,
                        shift: 0,
                    },
                );
            }
            ("weekend", _) => {
                return point(
                    i + 2,
                    Base::Unit {
                        unit: Unit::Weekend,
                        shift: 0,
                    },
                )
            }
            ("same" | "very", "day") => return point(i + 3, Base::NarrativeDay(0)),
            ("next" | "following", "day") => return point(i + 3, Base::NarrativeDay(1)),
            ("next" | "following", "morning" | "afternoon" | "evening" | "night") => {
                return point(i + 3, Base::NarrativeDay(1));
            }
            ("previous" | "prior" | "preceding", "day") => {
                return point(i + 3, Base::NarrativeDay(-1))
            }
            // "the night before," "the morning after": the story's day moved by one, as "the
            // next morning" is (on its own only: "the night before the vote" is no day named).
            ("morning" | "afternoon" | "evening" | "night", "after" | "before")
                if matches!(self.w(i + 3), "." | "," | ";" | "") =>
            {
                let sign = if self.w(i + 2) == "after" { 1 } else { -1 };
                return point(i + 3, Base::NarrativeDay(sign));
            }
            // "the day before" names a day only on its own, not before a clause ("the day before he left").
            ("day", "after" | "before") => {
                let sign = if self.w(i + 2) == "after" { 1 } else { -1 };
                // "the day before last Tuesday", "the day after Friday's vote"
                let (k, shift) = match lexicon::shift(self.w(i + 3)) {
                    Some(s) => (i + 4, s),
                    None => (i + 3, 0),
                };
                if let Some((e, Expr::Point(Base::Weekday { weekday, .. }, None))) =
                    self.weekday_led(k, shift, shift != 0)
                {
                    return point(
                        e,
                        Base::FromWeekday {
                            weekday,
                            shift,
                            days: sign,
                        },
                    );
                }
                return match self.w(i + 3) {
                    "tomorrow" | "yesterday" => point(i + 4, Base::Day(2 * sign)),
                    "." | "," | ";" | "" => point(i + 3, Base::NarrativeDay(sign)),
                    _ => None,
                };
            }
            _ => {}
        }
        if let Some(part) = lexicon::part_of_day(w1) {
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            if !w1.ends_with('s')
                && matches!(prev, "in" | "during" | "by" | "early" | "late" | "mid")
            {
                return Some((
                    i + 2,
                    Expr::Point(Base::NarrativeDay(0), Some(Clock::Part(part))),
                ));
            }
        }
        // "the early summer"
        if matches!(w1, "early" | "late" | "mid") && lexicon::season(self.w(i + 2)).is_some() {
            if let Some((e, Expr::Point(b @ Base::Season { .. }, None))) = self.the(i + 1) {
                return Some((e, Expr::Point(b, None)));
            }
        }
        if let Some((code, start)) = lexicon::season(w1) {
            let k = if self.w(i + 2) == "of" { i + 3 } else { i + 2 };
            let written = self.season_year(k);
            let year = written.map(|(y, _)| y);
            let e = if let Some((_, e)) = written {
                e
            } else if let Some(Some(y)) = self.spoken_year(k).map(|(_, e)| match e {
                Expr::Point(Base::Cal { year, .. }, None) => year,
                _ => None,
            }) {
                let (e, _) = self.spoken_year(k)?;
                return point(
                    e,
                    Base::Season {
                        code,
                        start,
                        year: Some(y),
                        shift: 0,
                    },
                );
            } else if k == i + 3 && self.w(k) == "that" && self.w(k + 1) == "year" {
                // "the spring of that year": the season of the year the story is in.
                return point(k + 2, Base::ThatSeason { code });
            } else if k == i + 3 && !matches!(self.w(k), "last" | "this" | "next" | "that") {
                // "the fall of Saigon", "the spring of the regime": an event, not a season.
                return None;
            } else {
                i + 2
            };
            return point(
                e,
                Base::Season {
                    code,
                    start,
                    year,
                    shift: 0,
                },
            );
        }
        if let Some(hit) = self.season_of_years(i + 1) {
            return Some(hit);
        }
        // "the 1990s", "the '80s", "the nineties", "the 20th century"
        let decade = match self.t.kind(i + 1) {
            Some(super::token::Kind::Num) => self.numeric(i + 1),
            Some(super::token::Kind::Punct) => self.apostrophe_decade(i + 1),
            _ => None,
        };
        if let Some((e, d @ Expr::Point(Base::Decade(_), None))) = decade {
            return Some((e, d));
        }
        // "the 2004 fiscal year"
        if let Some((e, y @ Expr::Point(Base::Cal { month: None, .. }, None))) = decade {
            if self.w(e) == "fiscal" && self.w(e + 1) == "year" {
                return Some((e + 2, y));
            }
        }
        if let Some((unit, true)) = lexicon::unit(w1) {
            if i > 0
                && matches!(self.w(i - 1), "over" | "through" | "throughout")
                && unit != Unit::Weekend
            {
                return Some((i + 2, Expr::Duration { n: None, unit }));
            }
        }
        if let Some(d) = decade_word(w1) {
            return point(i + 2, Base::Decade(d));
        }
        if let Some(n) = lexicon::ordinal(w1).or_else(|| {
            let v = self.t.int(i + 1)?;
            matches!(self.w(i + 2), "st" | "nd" | "rd" | "th").then_some(v)
        }) {
            let k = if self.t.kind(i + 1) == Some(super::token::Kind::Num) {
                i + 3
            } else {
                i + 2
            };
            if matches!(self.w(k), "century") && (1..=30).contains(&n) {
                return point(k + 1, Base::Century(n as i32 - 1));
            }
        }
        if let Some(shift) = lexicon::shift(w1) {
            return self.shifted(i, i + 2, shift);
        }
        None
    }
}

/// "nineties" → 199, "eighties" → 198.
pub fn decade_word(w: &str) -> Option<i32> {
    Some(match w {
        "twenties" => 192,
        "thirties" => 193,
        "forties" => 194,
        "fifties" => 195,
        "sixties" => 196,
        "seventies" => 197,
        "eighties" => 198,
        "nineties" => 199,
        _ => return None,
    })
}
