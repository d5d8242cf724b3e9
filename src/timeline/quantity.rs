//! Lengths of time: numbers written as digits or words ("two and a half",
//! "a couple of") and the units they count ("three years", "a week ago",
//! "24 hours a day"), with the hedges and directions around them.

use super::expr::{Base, Expr};
use super::lexicon::{self, Unit};
use super::scan::{Hit, Scanner};
use super::token::Kind;

impl Scanner<'_> {
    /// A number at `i` (digits or words): the token after it and the value (None: vague, "several").
    pub fn number(&self, i: usize) -> Option<(usize, Option<f64>)> {
        let w = self.w(i);
        if self.t.kind(i) == Some(Kind::Num) {
            let v: f64 = w.replace(',', "").parse().ok()?;
            // "5 1/2 hours"
            if self.w(i + 2) == "/" && self.t.joined(i + 2) && self.t.joined(i + 3) {
                if let (Some(a), Some(b)) = (self.t.int(i + 1), self.t.int(i + 3)) {
                    if a < b && b <= 10 && a > 0 {
                        return Some((i + 4, Some(v + a as f64 / b as f64)));
                    }
                }
            }
            return Some((i + 1, Some(v)));
        }
        if w == "a" || w == "an" {
            return match self.w(i + 1) {
                "few" | "couple" => {
                    let k = if self.w(i + 2) == "of" { i + 3 } else { i + 2 };
                    // "a couple of years" is two; "a few years" is vague.
                    Some((k, (self.w(i + 1) == "couple").then_some(2.0)))
                }
                // "a dozen years", "a half dozen years"
                "dozen" => Some((i + 2, Some(12.0))),
                "half" if self.w(i + 2) == "dozen" => Some((i + 3, Some(6.0))),
                "half" => Some((i + 2, Some(0.5))),
                // "a quarter of a century" (P25Y), "a quarter of an hour" (PT15M).
                "quarter" if self.w(i + 2) == "of" && matches!(self.w(i + 3), "a" | "an") => {
                    Some((i + 4, Some(0.25)))
                }
                "hundred" => Some((i + 2, Some(100.0))),
                "thousand" => Some((i + 2, Some(1000.0))),
                _ => Some((i + 1, Some(1.0))),
            };
        }
        if lexicon::is_vague_count(w) {
            return Some((i + 1, None));
        }
        // "half an hour", "half a century"; "half a dozen years" is six.
        if w == "half" && matches!(self.w(i + 1), "a" | "an") {
            if self.w(i + 2) == "dozen" {
                return Some((i + 3, Some(6.0)));
            }
            return Some((i + 2, Some(0.5)));
        }
        let mut v = lexicon::small_number(w)?;
        let mut k = i + 1;
        // "twenty-five", "twenty five"
        if v >= 20 && v % 10 == 0 {
            let n = if self.w(k) == "-" && self.t.joined(k) {
                k + 1
            } else {
                k
            };
            if let Some(u) =
                lexicon::small_number(self.w(n)).filter(|u| (1..10).contains(u) && self.w(n) != "a")
            {
                v += u;
                k = n + 1;
            }
        }
        match self.w(k) {
            "hundred" => {
                v *= 100;
                k += 1;
            }
            "thousand" => {
                v *= 1000;
                k += 1;
            }
            _ => {}
        }
        Some((k, Some(v as f64)))
    }

    /// "[about] [the past] two years [ago]", "a week", "10-hour", "several months", "a year earlier".
    pub fn quantity(&self, i: usize) -> Hit {
        let mut k = i;
        match (self.w(k), self.w(k + 1)) {
            ("at", "least" | "most") | ("more" | "less" | "fewer", "than") | ("up", "to") => k += 2,
            ("over" | "within", w2) if w2 != "the" => k += 1,
            (w, _) if lexicon::is_hedge(w) && w != "some" => k += 1,
            _ => {}
        }
        let mut dir: Option<&str> = None;
        if self.w(k) == "the" {
            match self.w(k + 1) {
                "past" | "last" | "next" | "first" | "coming" | "following" | "previous"
                | "prior" | "final" | "latest" => {
                    dir = Some(match self.w(k + 1) {
                        "past" | "last" | "previous" | "prior" | "latest" => "past",
                        "first" => "first",
                        _ => "next",
                    });
                    k += 2;
                }
                w if lexicon::is_vague_count(w)
                    || lexicon::small_number(w).is_some_and(|n| n > 1) =>
                {
                    k += 1
                }
                _ => return None,
            }
        } else if matches!(self.w(k), "past" | "last" | "next" | "coming")
            && !matches!(self.w(k + 1), "a" | "an")
            && !(self.w(k) == "last" && self.verb_last(k))
        {
            // Not "coming a month after the decree" nor "the talks will last two weeks".
            dir = Some("past");
            k += 1;
        }
        // "in recent years": the past at large, not a length (but "recent months" is one).
        if self.w(k) == "recent"
            && matches!(
                lexicon::unit(self.w(k + 1)),
                Some((Unit::Year | Unit::Decade, true))
            )
        {
            return Some((k + 2, Expr::Ref("PAST_REF")));
        }
        if self.w(k) == "few" {
            k += 1;
            return self.unit_after(i, k, None, dir);
        }
        // "the next couple of years"
        if self.w(k) == "couple" && self.w(k + 1) == "of" {
            return self.unit_after(i, k + 2, Some(2.0), dir);
        }
        let (mut k2, mut n) = self.number(k)?;
        // "two and a half years", "two-and-a-half months"
        if let (Some(v), Some(e)) = (n, self.and_a_half(k2)) {
            if v >= 1.0 && v.fract() == 0.0 {
                n = Some(v + 0.5);
                k2 = e;
            }
        }
        // "the first two quarters of 1990" is that year's first half, a date.
        if n == Some(2.0)
            && self.w(k2) == "quarters"
            && matches!(self.w(k - 1), "first" | "last" | "final")
            && matches!(self.w(k2 + 1), "of" | "in")
            && self
                .t
                .int(k2 + 2)
                .is_some_and(|v| self.plausible_year(k2 + 2, v))
        {
            let h = if self.w(k - 1) == "first" { 1 } else { 2 };
            return self.half_of(k2 + 1, h, None);
        }
        if let Some((end, unit)) = self.range_unit(k, k2, n) {
            return Some((end, Expr::Duration { n, unit }));
        }
        if matches!(
            self.w(k2),
            "more" | "additional" | "straight" | "consecutive" | "full" | "long"
        ) {
            k2 += 1;
        }
        // "eight trading days", "ten business days": days all the same.
        if matches!(self.w(k2), "trading" | "business" | "working")
            && matches!(
                lexicon::unit(self.w(k2 + 1)),
                Some((Unit::Day | Unit::Week, _))
            )
        {
            k2 += 1;
        }
        self.unit_after(i, k2, n, dir)
    }

    /// The end and unit of a range of lengths whose first number, `n`, spans `[k, k2)`:
    /// "two to three weeks", "5 or 6 years", "between two and six days". The range is one
    /// expression valued at its first number, as TimeBank values "two to three weeks" (P2W).
    fn range_unit(&self, k: usize, k2: usize, n: Option<f64>) -> Option<(usize, Unit)> {
        let first = n.filter(|v| *v >= 1.0)?;
        if matches!(self.w(k), "a" | "an") {
            return None;
        }
        let dash = self.w(k2) == "-" && self.t.joined(k2) && self.t.joined(k2 + 1);
        let between = k > 0 && self.w(k - 1) == "between";
        if !(dash || matches!(self.w(k2), "to" | "or") || (between && self.w(k2) == "and")) {
            return None;
        }
        let (k3, second) = self.number(k2 + 1)?;
        if second.is_none_or(|v| v <= first) || matches!(self.w(k2 + 1), "a" | "an") {
            return None;
        }
        match self.unit_after(k2 + 1, k3, second, None)? {
            (end, Expr::Duration { unit, .. }) if unit != Unit::Weekend => Some((end, unit)),
            _ => None,
        }
    }

    /// Whether "last" at `k` is the verb: "will last", "to last", "could last".
    fn verb_last(&self, k: usize) -> bool {
        k > 0
            && matches!(
                self.w(k - 1),
                "will"
                    | "would"
                    | "could"
                    | "can"
                    | "may"
                    | "might"
                    | "should"
                    | "must"
                    | "to"
                    | "not"
                    | "did"
                    | "does"
                    | "do"
                    | "ll"
            )
    }

    /// The token after "and a half" (or "-and-a-half") starting at `k`.
    fn and_a_half(&self, k: usize) -> Option<usize> {
        let mut j = k;
        let mut step = |word: &str| {
            if self.w(j) == "-" && self.t.joined(j) {
                j += 1;
            }
            (self.w(j) == word).then(|| j += 1)
        };
        step("and")?;
        step("a")?;
        step("half")?;
        Some(j)
    }

    /// Whether "one day" at `i` (the unit at `k`) means some day, not a day's length:
    /// "One day he will return", not "for one day" or "one day after the vote".
    fn is_some_day(&self, i: usize, k: usize) -> bool {
        if !matches!(self.w(i), "one" | "some") || self.w(k) != "day" || k != i + 1 {
            return false;
        }
        let after = self.w(k + 1);
        if matches!(
            after,
            "after"
                | "before"
                | "later"
                | "earlier"
                | "ago"
                | "of"
                | "long"
                | "-"
                | "'"
                | "’"
                | "more"
                | "less"
                | "or"
                | "to"
                | "and"
                | "a"
                | "per"
                | "from"
                | "in"
                | "ahead"
        ) {
            return false;
        }
        let before = if i > 0 { self.w(i - 1) } else { "" };
        !(matches!(
            before,
            "for"
                | "in"
                | "within"
                | "over"
                | "after"
                | "than"
                | "about"
                | "only"
                | "just"
                | "least"
                | "most"
                | "to"
                | "of"
                | "a"
                | "the"
                | "first"
                | "last"
                | "next"
                | "past"
                | "every"
                | "each"
                | "per"
                | "by"
                | "another"
                | "extra"
                | "additional"
                | "nearly"
                | "almost"
                | "roughly"
                | "around"
                | "approximately"
                | "barely"
                | "up"
                // Verbs of length: "lasted one day", "took one day" ("last" is above).
                | "lasts"
                | "lasted"
                | "lasting"
                | "take"
                | "takes"
                | "took"
                | "taking"
                | "spend"
                | "spent"
                | "wait"
                | "waited"
                | "stay"
                | "stayed"
                | "need"
                | "needs"
                | "needed"
                | "remained"
        ) || (i > 0 && self.t.kind(i - 1) == Some(Kind::Num)))
    }

    fn is_hedged(&self, i: usize) -> bool {
        let w = self.w(i);
        (lexicon::is_hedge(w) && w != "some")
            || matches!(
                w,
                "more" | "less" | "fewer" | "at" | "over" | "up" | "within"
            )
    }

    fn unit_after(&self, i: usize, mut k: usize, n: Option<f64>, dir: Option<&str>) -> Hit {
        let hyphen = self.w(k) == "-" && self.t.joined(k);
        if hyphen {
            k += 1;
        }
        // "a fortnight" is two weeks (P2W), kept out of `Unit` as it only counts lengths.
        let (unit, plural, times) = match self.w(k) {
            "fortnight" => (Unit::Week, false, 2.0),
            "fortnights" => (Unit::Week, true, 2.0),
            w => {
                let (unit, plural) = lexicon::unit(w)?;
                (unit, plural, 1.0)
            }
        };
        let n = n.map(|v| v * times);
        // "60 Minutes" is a programme, not an hour.
        if self.t.is_cap(k) && self.t.kind(k.wrapping_sub(1)) == Some(Kind::Num) {
            return None;
        }
        if unit == Unit::Weekend {
            return None;
        }
        if self.is_some_day(i, k) {
            let opening = self.w(k + 1) == ","
                && (i == 0 || matches!(self.w(i - 1), "." | "!" | "?" | "\"" | "“"));
            return Some((k + 1, Expr::SomeDay { opening }));
        }
        let mut end = k + 1;
        // "a year and a half", "an hour and a half"
        let mut n = n;
        if let (Some(v), Some(e)) = (n, self.and_a_half(end)) {
            if v >= 1.0 && v.fract() == 0.0 {
                n = Some(v + 0.5);
                end = e;
            }
        }
        // "a week or so ago": the hedge belongs to the expression.
        if self.w(end) == "or" && self.w(end + 1) == "so" {
            end += 2;
        }
        // "a two-year-long dispute": the length, "-long" and all.
        if hyphen && self.w(end) == "-" && self.t.joined(end) && self.w(end + 1) == "long" {
            end += 2;
        }
        // "48 years old"; "five-year-old", "year-earlier" and "three-quarters" are not lengths of time.
        if self.w(end) == "old"
            || (self.w(end) == "-" && self.t.joined(end))
            || (hyphen && unit == Unit::Quarter)
        {
            return None;
        }
        // "a second time", "a quarter of": ordinals and fractions, after a hedge too ("more
        // than a quarter of the market"); so is "three quarters of the vote", where "several
        // quarters of losses" is a length.
        let article =
            matches!(self.w(i), "a" | "an") || matches!(self.w(k.wrapping_sub(1)), "a" | "an");
        if article && matches!(unit, Unit::Second | Unit::Quarter) {
            return None;
        }
        if unit == Unit::Quarter
            && self.w(end) == "of"
            && matches!(
                self.w(end + 1),
                "the"
                    | "all"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "those"
                    | "these"
                    | "them"
                    | "us"
                    | "this"
                    | "that"
            )
        {
            return None;
        }
        // A vague count needs a plural unit: "some years", not "some day" (but "a several-year tenure").
        if n.is_none() && !plural && !hyphen {
            return None;
        }
        // Counts past a few thousand are not lengths of time ("99999999 years").
        if n.is_some_and(|v| !(0.0..=10_000.0).contains(&v)) {
            return None;
        }
        let whole = n.map(|v| v as i64);
        match self.w(end) {
            // "about two years ago" is annotated as the length, "two years ago",
            // "nearly two years ago" and "just a decade ago" as the date.
            "ago"
                if self.is_hedged(i)
                    && !matches!(self.w(i), "nearly" | "almost" | "just" | "only" | "barely") =>
            {
                return Some((end + 1, Expr::Duration { n, unit }))
            }
            "ago" => {
                // "half a century ago" is fifty years ago.
                let (unit, whole) = match n {
                    Some(v) if v.fract() != 0.0 && (v * unit.scale() as f64).fract() == 0.0 => {
                        (Unit::Year, Some((v * unit.scale() as f64) as i64))
                    }
                    _ => (unit, whole),
                };
                return Some(match whole {
                    Some(n) if n > 0 => (
                        end + 1,
                        Expr::Point(
                            Base::Offset {
                                unit,
                                n: -n,
                                narrative: false,
                            },
                            None,
                        ),
                    ),
                    _ => (end + 1, Expr::Ref("PAST_REF")),
                });
            }
            "earlier" | "previously" | "later" | "afterward" | "afterwards" | "hence"
                if dir.is_none() && !hyphen =>
            {
                let length = Expr::Duration { n, unit };
                if let Some(n) = whole.filter(|&n| n > 0) {
                    let sign = if matches!(self.w(end), "earlier" | "previously") {
                        -1
                    } else {
                        1
                    };
                    let narrative = self.w(end) != "hence";
                    // "three days later", "a week earlier": TimeML marks the length and
                    // leaves "later" as a signal; "a year earlier" in a report names the
                    // period compared with, a date.
                    if narrative && !(unit == Unit::Year && n == 1) {
                        return Some((end, length));
                    }
                    return Some((
                        end + 1,
                        Expr::Point(
                            Base::Offset {
                                unit,
                                n: sign * n,
                                narrative,
                            },
                            None,
                        ),
                    ));
                }
            }
            // "a week from Monday": counted from the coming Monday.
            "from"
                if dir.is_none()
                    && matches!(unit, Unit::Day | Unit::Week)
                    && self.t.is_cap(end + 1)
                    && lexicon::weekday(self.w(end + 1)).is_some() =>
            {
                if let (Some(n), Some(weekday)) =
                    (whole.filter(|&n| n > 0), lexicon::weekday(self.w(end + 1)))
                {
                    let days = if unit == Unit::Week { 7 * n } else { n };
                    let base = Base::FromWeekday {
                        weekday,
                        shift: 1,
                        days,
                    };
                    return Some((end + 2, Expr::Point(base, None)));
                }
            }
            "from" if matches!(self.w(end + 1), "now" | "today") && dir.is_none() => {
                if let Some(n) = whole.filter(|&n| n > 0) {
                    return Some((
                        end + 2,
                        Expr::Point(
                            Base::Offset {
                                unit,
                                n,
                                narrative: false,
                            },
                            None,
                        ),
                    ));
                }
            }
            _ => {}
        }
        // "$5 a year", "twice a day": a rate, not a length.
        if n == Some(1.0) && matches!(self.w(i), "a" | "an") && dir.is_none() && i > 0 {
            let prev = self.w(i - 1);
            if self.t.kind(i - 1) == Some(Kind::Num)
                || matches!(
                    prev,
                    "times" | "twice" | "once" | "thrice" | "dollars" | "cents" | "percent" | "%"
                )
            {
                return Some((end, Expr::Set(super::normalize::set_value(1.0, unit))));
            }
        }
        // "24 hours a day", "three times a week": a rate, one recurrence.
        if matches!(self.w(end), "a" | "per") && dir.is_none() {
            if let Some((per, false)) = lexicon::unit(self.w(end + 1)) {
                if per != Unit::Weekend {
                    return Some((end + 2, Expr::Set(super::normalize::set_value(1.0, per))));
                }
            }
        }
        Some((end, Expr::Duration { n, unit }))
    }
}
