//! Reporting periods: quarters and halves ("the third quarter", "third-quarter",
//! "the fiscal first quarter", "the year-ago quarter", "the first half of 1990"),
//! fiscal years ("fiscal 1999", "FY2003") and seasons ("spring 2014").

use super::expr::{Base, Expr};
use super::lexicon::{self, Unit};
use super::scan::{Hit, Scanner};
use super::token::Kind;

impl Scanner<'_> {
    /// "the third quarter", "third-quarter", "the fiscal first quarter", "the latest quarter",
    /// "the first quarter of 1990", "the first half"; `from` is where the span starts.
    pub fn quarter(&self, i: usize, from: usize) -> Hit {
        let _ = from;
        let named = if self.w(i) == "the" { i + 1 } else { i };
        if let Some(hit) = self.month_quarter(named) {
            return Some(hit);
        }
        let mut k = i;
        let mut year = None;
        if self.w(k) == "the" {
            k += 1;
            // "the 1988 third quarter", "the 1989 period"
            if let Some(v) = self.t.int(k).filter(|&v| self.plausible_year(k, v)) {
                year = Some(v as i32);
                k += 1;
            }
        }
        let year_ago = self.w(k) == "year"
            && self.w(k + 1) == "-"
            && matches!(self.w(k + 2), "ago" | "earlier");
        if year_ago {
            k += 3;
        }
        while matches!(
            self.w(k),
            "fiscal" | "calendar" | "-" | "flat" | "strong" | "weak" | "comparable"
        ) {
            k += 1;
        }
        let which = self.w(k);
        // "the last half of 1989" is its second half.
        if which == "last" && self.w(k + 1) == "half" && !year_ago {
            return self.half_of(k + 2, 2, year);
        }
        let q = match which {
            "latest" | "recent" | "most" | "last" | "past" | "previous" | "prior" => {
                if which == "most" && self.w(k + 1) == "recent" {
                    k += 1;
                }
                // "the latest quarter": the last one completed before publication.
                if self.w(k + 1) == "quarter" && !year_ago && year.is_none() {
                    return Some((
                        k + 2,
                        Expr::Point(
                            Base::Unit {
                                unit: Unit::Quarter,
                                shift: -1,
                            },
                            None,
                        ),
                    ));
                }
                None
            }
            // "the current quarter": the one publication falls in.
            "current" if self.w(k + 1) == "quarter" && !year_ago && year.is_none() => {
                return Some((
                    k + 2,
                    Expr::Point(
                        Base::Unit {
                            unit: Unit::Quarter,
                            shift: 0,
                        },
                        None,
                    ),
                ));
            }
            "current" => None,
            "quarter" | "period" => {
                if k == i
                    || self.w(i) != "the"
                    || (which == "period" && !year_ago && year.is_none())
                {
                    return None;
                }
                k -= 1;
                None
            }
            _ => Some(lexicon::ordinal(which).filter(|&n| n <= 4)? as u32),
        };
        k += 1;
        if self.w(k) == "-" && self.t.joined(k) {
            k += 1;
        }
        let half = self.w(k) == "half";
        let period = self.w(k) == "period" && q.is_none();
        if self.w(k) != "quarter" && !half && !period {
            return None;
        }
        if half && (q.is_none() || q > Some(2)) {
            return None;
        }
        // "the quarter-to-quarter comparison", "year-to-year": a kind of comparison.
        if self.w(k + 1) == "-" && self.w(k + 2) == "to" {
            return None;
        }
        let mut end = k + 1;
        let mut shift = 0;
        if matches!(self.w(end), "of" | "in") {
            // "the fourth quarter of fiscal 2005" (or "of fiscal year 2005"): that
            // fiscal year's quarter.
            let mut fiscal = usize::from(matches!(self.w(end + 1), "fiscal" | "fy"));
            if fiscal == 1 && self.w(end + 2) == "year" {
                fiscal = 2;
            }
            if let Some(v) = self
                .t
                .int(end + 1 + fiscal)
                .filter(|&v| self.plausible_year(end + 1 + fiscal, v))
            {
                year = Some(v as i32);
                end += 2 + fiscal;
            } else if let Some(s) = lexicon::shift(self.w(end + 1))
                .filter(|_| self.w(end + 2) == "year" && self.w(end + 1) != "past")
            {
                // "the second half of last year", "the first quarter of next year"
                shift = s;
                end += 3;
            } else if self.w(end + 1) == "the" && self.w(end + 2) == "year" && q.is_some() {
                // "the third quarter of the year"
                end += 3;
            }
        } else if let Some(v) = self
            .t
            .int(end)
            .filter(|&v| self.w(end).len() == 4 && self.plausible_year(end, v))
        {
            year = Some(v as i32);
            end += 1;
        }
        let base = match (year_ago, half, q) {
            (true, _, _) => Base::YearAgoQuarter,
            (false, true, Some(h)) => Base::Half { h, year, shift },
            _ => Base::Quarter { q, year, shift },
        };
        Some((end, Expr::Point(base, None)))
    }

    /// "1998's first half", "fiscal 2004's second quarter": that year's period, after
    /// the year's expression (ending at `e`) and its possessive.
    pub fn period_of_year(&self, e: usize, y: i32) -> Hit {
        if !matches!(self.w(e), "'" | "’") || self.w(e + 1) != "s" {
            return None;
        }
        let (end, Expr::Point(found, None)) = self.quarter(e + 2, e + 2)? else {
            return None;
        };
        let base = match found {
            Base::Quarter {
                q: Some(q),
                year: None,
                shift: 0,
            } => Base::Quarter {
                q: Some(q),
                year: Some(y),
                shift: 0,
            },
            Base::Half {
                h,
                year: None,
                shift: 0,
            } => Base::Half {
                h,
                year: Some(y),
                shift: 0,
            },
            _ => return None,
        };
        Some((end, Expr::Point(base, None)))
    }

    /// "April-June quarter", "the July-to-September quarter of 2014": a quarter named by
    /// its first and last months (`i` at the first month).
    pub fn month_quarter(&self, i: usize) -> Hit {
        let m1 = crate::date::month_from_name(self.w(i)).filter(|_| self.t.is_cap(i))?;
        let mut k = i + 1;
        if self.w(k) == "." && self.t.joined(k) {
            k += 1;
        }
        // "April-June", "April to June", "July-to-September"
        let dash = |k: usize| matches!(self.w(k), "-" | "–") && self.t.joined(k);
        if dash(k) && matches!(self.w(k + 1), "to" | "through") && dash(k + 2) {
            k += 2;
        } else if !matches!(self.w(k), "-" | "–" | "to" | "through") {
            return None;
        }
        k += 1;
        let m2 = crate::date::month_from_name(self.w(k)).filter(|_| self.t.is_cap(k))?;
        k += 1;
        if self.w(k) == "." && self.t.joined(k) {
            k += 1;
        }
        if m1 % 3 != 1 || m2 != m1 + 2 {
            return None;
        }
        // "the April-June 2014 quarter"
        let mut year = self
            .t
            .int(k)
            .filter(|&v| self.plausible_year(k, v))
            .map(|v| v as i32);
        if year.is_some() {
            k += 1;
        }
        if self.w(k) != "quarter" {
            return None;
        }
        k += 1;
        if year.is_none() && self.w(k) == "of" {
            if let Some(v) = self.t.int(k + 1).filter(|&v| self.plausible_year(k + 1, v)) {
                year = Some(v as i32);
                k += 2;
            }
        }
        let base = Base::Quarter {
            q: Some(m2 / 3),
            year,
            shift: 0,
        };
        Some((k, Expr::Point(base, None)))
    }

    /// After "the first half" / "the last half" (`k` past "half"): its year, if named
    /// ("of 1990", "of last year"), else the reference year.
    pub fn half_of(&self, k: usize, h: u32, year: Option<i32>) -> Hit {
        let mut year = year;
        let mut shift = 0;
        let mut end = k;
        if matches!(self.w(k), "of" | "in") {
            if let Some(v) = self.t.int(k + 1).filter(|&v| self.plausible_year(k + 1, v)) {
                year = Some(v as i32);
                end = k + 2;
            } else if let Some(s) = lexicon::shift(self.w(k + 1))
                .filter(|_| self.w(k + 2) == "year" && self.w(k + 1) != "past")
            {
                shift = s;
                end = k + 3;
            } else if self.w(k + 1) == "the" && self.w(k + 2) == "year" {
                // "the first half of the year": the reference year's.
                end = k + 3;
            } else {
                // "the last half of the '80s", "the last half of the game": not a year's half.
                return None;
            }
        }
        Some((end, Expr::Point(Base::Half { h, year, shift }, None)))
    }

    /// The business shorthand "Q3", "Q4 2012", "Q1 of 2013", "H1 2013" (a half needs its
    /// year or "in", "the", "for" before it: "H1" alone is as often a visa or a heading).
    pub fn quarter_code(&self, i: usize) -> Hit {
        let letter = self.w(i);
        if !self.t.is_cap(i) || !matches!(letter, "q" | "h") || !self.t.joined(i + 1) {
            return None;
        }
        let n = self.t.int(i + 1)? as u32;
        let top = if letter == "q" { 4 } else { 2 };
        // "Q3x", "H1N1", "Q3.5": a code of something else.
        // (Punctuation may follow: "in Q3." ends a sentence.)
        let glued = self.t.joined(i + 2)
            && (self.t.kind(i + 2) != Some(Kind::Punct)
                || (self.t.joined(i + 3) && self.t.kind(i + 3) == Some(Kind::Num)));
        if !(1..=top).contains(&n) || self.w(i + 1).len() != 1 || glued {
            return None;
        }
        let mut end = i + 2;
        let of = usize::from(self.w(end) == "of");
        // (The digit of "Q3" stands before the year, so `plausible_year` would refuse it.)
        let year = self
            .t
            .int(end + of)
            .filter(|&v| self.w(end + of).len() == 4 && (1900..2100).contains(&v))
            .map(|v| v as i32);
        if year.is_some() {
            end += of + 1;
        }
        let base = if letter == "q" {
            Base::Quarter {
                q: Some(n),
                year,
                shift: 0,
            }
        } else {
            let before = if i > 0 { self.w(i - 1) } else { "" };
            if year.is_none() && !matches!(before, "in" | "the" | "for" | "during") {
                return None;
            }
            Base::Half {
                h: n,
                year,
                shift: 0,
            }
        };
        Some((end, Expr::Point(base, None)))
    }

    /// "fiscal 1999", "fiscal year 2001", "fiscal-year 2001", "FY2003", "FY 03", "fiscal year".
    pub fn fiscal_year(&self, i: usize) -> Hit {
        let mut k = i + 1;
        if self.w(i) == "fiscal" {
            if self.w(k) == "-" && self.t.joined(k) && self.w(k + 1) == "year" {
                k += 1;
            }
            if self.w(k) == "year" {
                k += 1;
            }
        } else if !self.t.is_cap(i) || (self.w(k) == "-" && !self.t.joined(k)) {
            return None;
        } else if self.w(k) == "-" {
            k += 1;
        }
        let year = |y: i32| {
            Expr::Point(
                Base::Cal {
                    year: Some(y),
                    month: None,
                    day: None,
                },
                None,
            )
        };
        if let Some(v) = self.t.int(k) {
            if self.plausible_year(k, v) || (self.w(k).len() == 4 && (1600..2200).contains(&v)) {
                return self
                    .period_of_year(k + 1, v as i32)
                    .or(Some((k + 1, year(v as i32))));
            }
            // "FY03", "fiscal '99": a two-digit year, in the century nearest 2000.
            if self.w(k).len() == 2 && self.w(i) == "fy" {
                let v = v as i32;
                return Some((k + 1, year(if v < 50 { 2000 + v } else { 1900 + v })));
            }
        }
        if self.w(i) == "fiscal" && self.w(k - 1) == "year" {
            let base = Base::Unit {
                unit: Unit::Year,
                shift: 0,
            };
            return Some((k, Expr::Point(base, None)));
        }
        None
    }

    /// The year of a season written at `k` and where it ends: "2004", or "2004-05" for
    /// a winter that straddles two years, dated by the year it starts in.
    pub fn season_year(&self, k: usize) -> Option<(i32, usize)> {
        let v = self.t.int(k)?;
        if self.plausible_year(k, v) {
            return Some((v as i32, k + 1));
        }
        (self.w(k).len() == 4 && self.year_range_end(k, v).is_some()).then_some((v as i32, k + 3))
    }

    /// A season named with its year, "spring 2014", "the summer of 2005" (read from
    /// "summer"), or on its own after "in", "during", "since": "in spring".
    pub fn season(&self, i: usize) -> Hit {
        let (code, start) = lexicon::season(self.w(i))?;
        let k = if self.w(i + 1) == "of" { i + 2 } else { i + 1 };
        if let Some((y, e)) = self.season_year(k) {
            let base = Base::Season {
                code,
                start,
                year: Some(y),
                shift: 0,
            };
            return Some((e, Expr::Point(base, None)));
        }
        // "fall" is a verb as often as a season; "in the fall" is read from "the".
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if self.w(i) == "fall"
            || !matches!(
                prev,
                "in" | "during" | "since" | "until" | "by" | "early" | "late" | "mid" | "through"
            )
        {
            return None;
        }
        let base = Base::Season {
            code,
            start,
            year: None,
            shift: 0,
        };
        Some((i + 1, Expr::Point(base, None)))
    }
}
