//! Calendar patterns led by a number, a month or a weekday: "April 23, 2007",
//! "23 April", "1990s", "10:35 a.m. Friday", "Saturday, April 25", "Friday night".

use super::expr::{Base, Clock, Expr};
use super::lexicon;
use super::scan::{Hit, Scanner};
use super::token::Kind;
use crate::date::month_from_name;

impl Scanner<'_> {
    /// Patterns led by a number token.
    pub fn numeric(&self, i: usize) -> Hit {
        let w = self.w(i);
        if let Some(hit) = self.clock(i) {
            return Some(hit);
        }
        if let Some(hit) = self.numeric_date(i) {
            return Some(hit);
        }
        let v = self.t.int(i)?;
        // "9/11": the attacks of September 11, 2001, by the name news gives them.
        if w == "9"
            && self.w(i + 1) == "/"
            && self.w(i + 2) == "11"
            && self.t.joined(i + 1)
            && self.t.joined(i + 2)
            && !(matches!(self.w(i + 3), "/" | "-") && self.t.joined(i + 3))
        {
            let base = Base::Cal {
                year: Some(2001),
                month: Some(9),
                day: Some(11),
            };
            return Some((i + 3, Expr::Point(base, None)));
        }
        if let Some(hit) = self.era_year(i, v) {
            return Some(hit);
        }
        if matches!(self.w(i + 1), "st" | "nd" | "rd" | "th")
            && self.w(i + 2) == "century"
            && (1..=30).contains(&v)
        {
            return Some((i + 3, Expr::Point(Base::Century(v as i32 - 1), None)));
        }
        // "23 April 2007", "23rd of April"
        if (1..=31).contains(&v) && w.len() <= 2 {
            let mut k = i + 1;
            if matches!(self.w(k), "st" | "nd" | "rd" | "th") && self.t.joined(k) {
                k += 1;
            }
            if self.w(k) == "of" {
                k += 1;
            }
            if let Some((after, m)) = self.month_name(k) {
                let (end, year) = self.year_after(after);
                return Some((end, Expr::Point(Base::day(year, m, v as u32), None)));
            }
            return self.day_before_day(k, v);
        }
        if let Some(hit) = self.season_of_years(i) {
            return Some(hit);
        }
        if w.len() == 4 && self.year_range_end(i, v).is_some() {
            let base = Base::Cal {
                year: Some(v as i32),
                month: None,
                day: None,
            };
            return Some((i + 1, Expr::Point(base, None)));
        }
        if w.len() == 4 && self.plausible_year(i, v) {
            // "1990s", "1990's"
            if self.w(i + 1) == "s" && self.t.joined(i + 1) {
                return Some((i + 2, Expr::Point(Base::Decade((v / 10) as i32), None)));
            }
            if matches!(self.w(i + 1), "'" | "’")
                && self.w(i + 2) == "s"
                && self.t.joined(i + 2)
                && v % 10 == 0
            {
                return Some((i + 3, Expr::Point(Base::Decade((v / 10) as i32), None)));
            }
            if let Some(hit) = self.period_of_year(i + 1, v as i32) {
                return Some(hit);
            }
            return Some((
                i + 1,
                Expr::Point(
                    Base::Cal {
                        year: Some(v as i32),
                        month: None,
                        day: None,
                    },
                    None,
                ),
            ));
        }
        None
    }

    /// The end year of a span of years written "1995-97", "2012-2013", "2010/11" that
    /// starts with year `v` at token `i` (its first year is read as a year on its own).
    pub fn year_range_end(&self, i: usize, v: i64) -> Option<i32> {
        if !(1600..=2199).contains(&v)
            || !matches!(self.w(i + 1), "-" | "/" | "–")
            || !self.t.joined(i + 1)
            || !self.t.joined(i + 2)
            || (i > 0 && matches!(self.w(i - 1), "$" | "#" | "no" | "/" | "-"))
            // "2012-05-01", "2012-4455-X": a date or a code.
            || (matches!(self.w(i + 3), "-" | "/") && self.t.joined(i + 3))
        {
            return None;
        }
        let end = self.t.int(i + 2)?;
        let end = match self.w(i + 2).len() {
            2 => v - v % 100 + end,
            4 => end,
            _ => return None,
        };
        (1..=50).contains(&(end - v)).then_some(end as i32)
    }

    /// "2014-15 season", "2013/14 financial year": a season or accounting year that
    /// straddles two calendar years, one expression valued by the year it starts in.
    pub fn season_of_years(&self, i: usize) -> Hit {
        let v = self.t.int(i).filter(|_| self.w(i).len() == 4)?;
        self.year_range_end(i, v)?;
        let k = i + 3;
        let end = match (self.w(k), self.w(k + 1)) {
            ("season" | "seasons" | "campaign", _) => k + 1,
            (
                "school" | "academic" | "financial" | "fiscal" | "budget" | "crop" | "tax",
                "year",
            ) => k + 2,
            _ => return None,
        };
        let base = Base::Cal {
            year: Some(v as i32),
            month: None,
            day: None,
        };
        Some((end, Expr::Point(base, None)))
    }

    /// A year with its era after it: "44 BC", "500 B.C.", "AD" or "CE" years ("14 A.D.").
    fn era_year(&self, i: usize, v: i64) -> Hit {
        if !(1..=9999).contains(&v) || self.w(i).len() > 4 {
            return None;
        }
        // "BC", "BCE", "AD", "CE" as one word, or spelled with dots: "B.C.", "B.C.E.", "A.D.".
        let (bc, end) = match self.w(i + 1) {
            "bc" | "bce" => (true, i + 2),
            "ad" | "ce" if self.t.is_cap(i + 1) => (false, i + 2),
            first @ ("b" | "a") if self.t.is_cap(i + 1) && self.w(i + 2) == "." => {
                match (first, self.w(i + 3)) {
                    ("b", "c") if self.w(i + 5) == "e" && self.w(i + 6) == "." => (true, i + 7),
                    ("b", "c") => (true, i + 5),
                    ("a", "d") => (false, i + 5),
                    _ => return None,
                }
            }
            _ => return None,
        };
        let base = if bc {
            Base::BcYear(v as i32)
        } else {
            Base::Cal {
                year: Some(v as i32),
                month: None,
                day: None,
            }
        };
        Some((end, Expr::Point(base, None)))
    }

    /// A four-digit number read as a year: not money, not a count of things.
    pub fn plausible_year(&self, i: usize, v: i64) -> bool {
        if !(1600..=2199).contains(&v) || self.w(i).len() != 4 {
            return false;
        }
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if matches!(
            prev,
            "$" | "#" | "£" | "€" | "¥" | "no" | "number" | "/" | "."
        ) {
            return false;
        }
        if prev == "-"
            && self.t.joined(i)
            && !matches!(self.w(i.wrapping_sub(2)), "mid" | "pre" | "post" | "end")
        {
            return false;
        }
        if i > 0 && self.t.kind(i - 1) == Some(Kind::Num) {
            return false;
        }
        // "Resolution 2118", "Flight 1549": a number that labels a thing; and the second of
        // two labels, "Resolutions 2254 and 2118".
        let label = |k: usize| lexicon::is_numbered_label(self.w(k));
        if i > 0 && label(i - 1) {
            return false;
        }
        if i > 2
            && matches!(prev, "and" | "or" | ",")
            && self.t.kind(i - 2) == Some(Kind::Num)
            && (label(i - 3)
                || self
                    .t
                    .int(i - 2)
                    .is_some_and(|v| !(1000..=2199).contains(&v)))
        {
            return false;
        }
        if matches!(self.w(i + 1), "-" | "/")
            && self.t.joined(i + 1)
            && self.t.kind(i + 2) == Some(Kind::Num)
        {
            return false;
        }
        !matches!(
            self.w(i + 1),
            "%" | "percent" | "shares" | "people" | "feet" | "meters" | "miles"
        )
    }

    /// A year right after a month or day: ", 2007" or " 2007".
    fn year_after(&self, k: usize) -> (usize, Option<i32>) {
        let n = if self.w(k) == "," { k + 1 } else { k };
        match self.t.int(n) {
            Some(y) if self.w(n).len() == 4 && (1000..=2199).contains(&y) => {
                (n + 1, Some(y as i32))
            }
            _ => (k, None),
        }
    }

    /// The first day of "19-20 March", "3 and 4 May 2013" (`k`: the token after it), in
    /// the month and year of the second, which the scan finds as an expression of its own.
    fn day_before_day(&self, k: usize, first: i64) -> Hit {
        let dash = matches!(self.w(k), "-" | "–") && self.t.joined(k) && self.t.joined(k + 1);
        let list = matches!(self.w(k), "and" | "or");
        if !(dash || list || matches!(self.w(k), "to" | "through")) || self.w(k + 1).len() > 2 {
            return None;
        }
        // A span counts forward: "20-19 March" is no span.
        let second = self
            .t
            .int(k + 1)
            .filter(|&d| d <= 31 && (list || d > first))?;
        let mut e = k + 2;
        if matches!(self.w(e), "st" | "nd" | "rd" | "th") && self.t.joined(e) {
            e += 1;
        }
        let (after, m) = self.month_name(if self.w(e) == "of" { e + 1 } else { e })?;
        let (_, year) = self.year_after(after);
        (second > 0).then(|| (k, Expr::Point(Base::day(year, m, first as u32), None)))
    }

    /// A month name at `k` (with its abbreviation dot): the token after it and the month.
    pub fn month_name(&self, k: usize) -> Option<(usize, u32)> {
        let w = self.w(k);
        if !self.t.is_cap(k) || self.t.kind(k) != Some(Kind::Word) {
            return None;
        }
        let m = month_from_name(w)?;
        let full = crate::date::MONTHS[(m - 1) as usize].len() == w.len();
        let dot = !full && self.w(k + 1) == "." && self.t.joined(k + 1);
        if !full && !dot && self.t.int(k + 1).is_none() {
            return None;
        }
        Some((if dot { k + 2 } else { k + 1 }, m))
    }

    /// "April 23", "April 23, 2007", "April 2007", "April", "April of last year".
    pub fn month_led(&self, i: usize) -> Hit {
        let (k, m) = self.month_name(i)?;
        if let Some(d) = self
            .t
            .int(k)
            .filter(|d| (1..=31).contains(d) && self.w(k).len() <= 2)
        {
            let mut e = k + 1;
            if matches!(self.w(e), "st" | "nd" | "rd" | "th") && self.t.joined(e) {
                e += 1;
            }
            let (end, year) = self.year_after(e);
            return Some((
                end,
                Expr::Point(
                    Base::Cal {
                        year,
                        month: Some(m),
                        day: Some(d as u32),
                    },
                    None,
                ),
            ));
        }
        let (mut end, mut year) = self.year_after(k);
        // Spoken: "January nineteen ninety-seven".
        if year.is_none() {
            if let Some((e, Expr::Point(Base::Cal { year: y, .. }, None))) = self.spoken_year(k) {
                (end, year) = (e, y);
            }
        }
        if year.is_some() {
            return Some((end, Expr::Point(Base::month(year, m), None)));
        }
        let of = usize::from(self.w(k) == "of");
        if let Some(y) = self
            .t
            .int(k + of)
            .filter(|_| of == 1 && self.w(k + 1).len() == 4)
        {
            return Some((k + 2, Expr::Point(Base::month(Some(y as i32), m), None)));
        }
        if let Some(shift) = lexicon::shift(self.w(k + of)).filter(|_| self.w(k + of + 1) == "year")
        {
            return Some((
                k + of + 2,
                Expr::Point(Base::MonthOfYear { month: m, shift }, None),
            ));
        }
        // "the March for Life", "March of the Mothers": a name, not a month.
        let named = |j: usize| self.t.is_cap(j) && self.t.kind(j) == Some(Kind::Word);
        if (self.w(k) == "for" && named(k + 1))
            || (self.w(k) == "of" && self.w(k + 1) == "the" && named(k + 2))
        {
            return None;
        }
        // "May" the verb: only a month with calendar context around it.
        if m == 5 && self.w(i) == "may" {
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            if !matches!(
                prev,
                "in" | "since"
                    | "until"
                    | "by"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "of"
                    | "before"
                    | "after"
                    | "through"
                    | "during"
                    | "-"
                    | "–"
                    | "till"
                    | "between"
                    | "from"
                    | "to"
                    | "and"
                    | "or"
                    | "end"
                    | "on"
            ) {
                return None;
            }
        }
        Some((k, Expr::Point(Base::month(None, m), None)))
    }

    /// "Friday", "Friday night", "Saturday, April 25".
    pub fn weekday_led(&self, i: usize, shift: i64, explicit: bool) -> Hit {
        let w = self.w(i);
        if !self.t.is_cap(i) || w.len() < 6 {
            return None;
        }
        // "on Sundays", "Tuesday nights": every such day.
        let part = lexicon::part_of_day(self.w(i + 1));
        let plural_part = part.is_some() && self.w(i + 1).ends_with('s');
        if let Some(wd) = lexicon::weekdays(w).or(lexicon::weekday(w).filter(|_| plural_part)) {
            if shift != 0 {
                return None;
            }
            let (end, time) = match part {
                Some(p) => (i + 2, format!("T{p}")),
                None => (i + 1, String::new()),
            };
            return Some((end, Expr::Set(format!("XXXX-WXX-{}{time}", wd + 1))));
        }
        let wd = lexicon::weekday(w)?;
        let mut k = i + 1;
        let comma = usize::from(self.w(k) == ",");
        // "Tuesday, March 19" and the British "Tuesday 19 March": one date.
        let date = match self.t.kind(k + comma) {
            Some(Kind::Num) if self.w(k + comma).len() <= 2 => self.numeric(k + comma),
            _ => self.month_led(k + comma),
        };
        if let Some((end, Expr::Point(b @ Base::Cal { day: Some(_), .. }, None))) = date {
            return Some((end, Expr::Point(b, None)));
        }
        let base = Base::Weekday {
            weekday: wd,
            shift,
            explicit,
        };
        if let Some(part) = lexicon::part_of_day(self.w(k)) {
            k += 1;
            return Some((k, Expr::Point(base, Some(Clock::Part(part)))));
        }
        Some((k, Expr::Point(base, None)))
    }

    /// "7:15 p.m.", "10 a.m. Wednesday", "5 p.m. EST Nov. 9", "4 in the morning", "noon Thursday".
    fn clock(&self, i: usize) -> Hit {
        let w = self.w(i);
        let (hour, minute) = match w.split_once(':') {
            Some((h, m)) => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
            // "0900 GMT", "1430 hours": a 24-hour clock with its zone.
            None if w.len() == 4
                && (lexicon::is_zone(self.w(i + 1))
                    || matches!(self.w(i + 1), "hours" | "hrs")) =>
            {
                let v = w.parse::<u32>().ok()?;
                let (h, m) = (v / 100, v % 100);
                if h > 23 || m > 59 {
                    return None;
                }
                let k = if lexicon::is_zone(self.w(i + 1)) {
                    self.zone_end(i + 1)
                } else {
                    i + 2
                };
                return self.with_day(k, Clock::At { hour: h, minute: m });
            }
            // "8.30am", "6.45 p.m.": the dotted clock of British copy, never without am or pm.
            None if matches!(w.split_once('.'), Some((_, m)) if m.len() == 2) => {
                let (h, m) = w.split_once('.')?;
                (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?)
            }
            None => (w.parse::<u32>().ok()?, 0),
        };
        let dotted = w.contains('.');
        if hour > 24 || minute > 59 || w.contains(',') {
            return None;
        }
        let mut k = i + 1;
        let pm = match (self.w(k), self.w(k + 1), self.w(k + 2)) {
            ("a", ".", "m") | ("p", ".", "m") => {
                let pm = self.w(k) == "p";
                k += 3;
                if self.w(k) == "." && self.t.joined(k) {
                    k += 1;
                }
                Some(pm)
            }
            ("am" | "pm", _, _) => {
                let pm = self.w(k) == "pm";
                k += 1;
                Some(pm)
            }
            _ => None,
        };
        if dotted && pm.is_none() {
            return None;
        }
        let hour = match pm {
            Some(true) if hour < 12 => hour + 12,
            Some(false) if hour == 12 => 0,
            Some(_) => hour,
            None => {
                if self.w(k) == "o" && self.w(k + 2) == "clock" {
                    k += 3;
                    hour
                } else if self.w(k) == "in"
                    && self.w(k + 1) == "the"
                    && lexicon::part_of_day(self.w(k + 2)).is_some()
                {
                    let part = self.w(k + 2);
                    k += 3;
                    if matches!(part, "afternoon" | "evening" | "night") && hour < 12 {
                        hour + 12
                    } else {
                        hour
                    }
                } else if w.contains(':')
                    && i > 0
                    && matches!(self.w(i - 1), "at" | "around" | "about" | "by" | "until")
                {
                    hour
                } else {
                    return None;
                }
            }
        };
        if hour > 24 {
            return None;
        }
        self.with_day(self.zone_end(k), Clock::At { hour, minute })
    }

    /// The token after the time zone at `k` ("EST", "local time", "Eastern time",
    /// "Pacific Standard Time", "Moscow time"), or `k` when there is none.
    fn zone_end(&self, k: usize) -> usize {
        if lexicon::is_zone(self.w(k)) {
            return k + 1;
        }
        let mut j = k;
        if self.w(j) == "local" {
            j += 1;
        } else if self.t.is_cap(j) && self.t.kind(j) == Some(Kind::Word) {
            let regional = lexicon::is_zone_region(self.w(j));
            j += 1;
            if regional && matches!(self.w(j), "standard" | "daylight" | "summer") {
                j += 1;
            }
            // "9 a.m. Moscow time (0500 GMT)": a place's time, where a clause can
            // not go on ("9 a.m. Some time later" is two sentences).
            let closes = matches!(self.w(j + 1), "(" | ")" | "," | "." | ";" | "on" | "")
                || lexicon::weekday(self.w(j + 1)).is_some();
            if !(regional || closes && !lexicon::is_time_compound(self.w(k))) {
                return k;
            }
        } else {
            return k;
        }
        if self.w(j) == "time" {
            j + 1
        } else {
            k
        }
    }

    /// A clock time followed by the day it falls on, if any.
    pub fn with_day(&self, k: usize, clock: Clock) -> Hit {
        // "4:31 a.m. (1131 GMT) on Monday", and within the brackets "(1131 GMT) on
        // Monday": the time falls on the day after the brackets, its own expression.
        let after = match self.w(k) {
            "(" => (k + 1..k + 9).find(|&j| self.w(j) == ")").map(|j| j + 1),
            ")" => Some(k + 1),
            _ => None,
        };
        if let Some(m) = after {
            let n = if matches!(self.w(m), "on" | ",") {
                m + 1
            } else {
                m
            };
            if let Some((_, Expr::Point(b, None))) = self.weekday_led(n, 0, false) {
                return Some((k, Expr::Point(b, Some(clock))));
            }
            if let Some((_, Expr::Point(b @ Base::Cal { day: Some(_), .. }, None))) =
                self.month_led(n)
            {
                return Some((k, Expr::Point(b, Some(clock))));
            }
        }
        // "8 p.m. on Tuesday": the day is its own expression, but the time falls on it.
        if self.w(k) == "on" {
            if let Some((_, Expr::Point(b, None))) = self.weekday_led(k + 1, 0, false) {
                return Some((k, Expr::Point(b, Some(clock))));
            }
            if let Some((_, Expr::Point(b @ Base::Cal { day: Some(_), .. }, None))) =
                self.month_led(k + 1)
            {
                return Some((k, Expr::Point(b, Some(clock))));
            }
        }
        let n = if self.w(k) == "," { k + 1 } else { k };
        let base = if let Some((end, Expr::Point(b, None))) = self.weekday_led(n, 0, false) {
            return Some((end, Expr::Point(b, Some(clock))));
        } else if let Some((end, Expr::Point(b @ Base::Cal { day: Some(_), .. }, None))) =
            self.month_led(n)
        {
            return Some((end, Expr::Point(b, Some(clock))));
        } else {
            match self.w(n) {
                "today" => Some(0),
                "yesterday" => Some(-1),
                "tomorrow" => Some(1),
                _ => None,
            }
        };
        match base {
            Some(d) => Some((n + 1, Expr::Point(Base::Day(d), Some(clock)))),
            None => Some((k, Expr::Point(Base::NarrativeDay(0), Some(clock)))),
        }
    }

    /// "2007-04-23", "4/23/2007", "10/23/89".
    fn numeric_date(&self, i: usize) -> Hit {
        let sep = self.w(i + 1);
        if !matches!(sep, "-" | "/")
            || !self.t.joined(i + 1)
            || self.w(i + 3) != sep
            || !self.t.joined(i + 3)
        {
            return None;
        }
        if !self.t.joined(i + 2) || !self.t.joined(i + 4) {
            return None;
        }
        let (a, b, c) = (self.t.int(i)?, self.t.int(i + 2)?, self.t.int(i + 4)?);
        // "21/03/2013": day first, as British and European papers write it, when the
        // first number cannot be a month; else month first, as in American copy.
        let (m, d) = if a > 12 && b <= 12 { (b, a) } else { (a, b) };
        let (y, m, d) = if self.w(i).len() == 4 && sep == "-" {
            (a, b, c)
        } else if sep == "/" && self.w(i + 4).len() == 4 {
            (c, m, d)
        } else if sep == "/" && self.w(i + 4).len() == 2 {
            (1900 + c + if c < 30 { 100 } else { 0 }, m, d)
        } else {
            return None;
        };
        let date = crate::date::Date::new(y as i32, m as u32, d as u32)?;
        let base = Base::Cal {
            year: Some(date.year),
            month: Some(date.month),
            day: Some(date.day),
        };
        Some((i + 5, Expr::Point(base, None)))
    }
}
