//! Recognition: finds temporal expressions in the token stream and says what
//! they mean ([`Expr`]). Only tokens that can start an expression (digits,
//! month and weekday names, a short list of trigger words) are looked at
//! closely, which keeps the scan cheap.

use super::expr::{Base, Expr};
use super::lexicon;
use super::token::{Kind, Tokens};
use super::trigger::Triggers;

/// An expression over tokens `[first, last)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub first: usize,
    pub last: usize,
    pub expr: Expr,
}

/// The scanner over one text's tokens.
pub struct Scanner<'a> {
    pub t: &'a Tokens,
    /// Every token's lower-cased text, sliced once: patterns read each word many times.
    words: Vec<&'a str>,
}

/// A match: the token after it and its meaning.
pub type Hit = Option<(usize, Expr)>;

/// All expressions of `toks`, in text order, not overlapping.
pub fn scan(toks: &Tokens) -> Vec<Found> {
    let s = Scanner {
        t: toks,
        words: toks
            .toks
            .iter()
            .map(|t| &toks.lower[t.start..t.end])
            .collect(),
    };
    let mut triggers = Triggers::default();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !s.trigger(i, &mut triggers) {
            i += 1;
            continue;
        }
        match s.at(i) {
            Some((j, expr)) if j > i => {
                let second = s.second_day(j, &expr).or_else(|| s.second_year(i, j));
                out.push(Found {
                    first: i,
                    last: j,
                    expr,
                });
                i = j;
                if let Some(f) = second {
                    i = f.last;
                    out.push(f);
                }
            }
            _ => i += 1,
        }
    }
    out
}

impl<'a> Scanner<'a> {
    /// Whether token `i` is worth a closer look (`triggers`: the text's word classes so far).
    fn trigger(&self, i: usize, triggers: &mut Triggers<'a>) -> bool {
        match self.t.kind(i) {
            Some(Kind::Num) => true,
            // "'80s": the decade's digits follow.
            Some(Kind::Punct) => {
                matches!(self.w(i), "'" | "’")
                    && self.economy(i, self.t.kind(i + 1) == Some(Kind::Num))
            }
            Some(Kind::Word) => {
                let c = triggers.class(self.words[i]);
                // "the" or "for" before a word outside the temporal vocabulary starts nothing.
                if c.leads() && !self.economy(i, self.follows(i + 1, triggers)) {
                    return false;
                }
                // Months, weekdays and holiday names are capitalized ("May Day", not "may").
                c.always()
                    || (c.capitalized() && self.t.is_cap(i))
                    || (c.singular_unit() && self.w(i + 2) == "long")
                    || (c.then() && i > 0 && matches!(self.w(i - 1), "until" | "by" | "till"))
            }
            None => false,
        }
    }

    /// `worth` for a look at token `i` that a pattern could start: skipping it is only
    /// an economy, so test builds check that no expression starts there.
    fn economy(&self, i: usize, worth: bool) -> bool {
        debug_assert!(
            worth || !matches!(self.at(i), Some((j, _)) if j > i),
            "the trigger check skips an expression at {:?} {:?}",
            self.w(i),
            self.w(i + 1)
        );
        worth
    }

    /// Whether token `k` can come right after a function word in an expression:
    /// a number, a decade's apostrophe or dash, or a word that [`super::trigger::Class::follows`].
    fn follows(&self, k: usize, triggers: &mut Triggers<'a>) -> bool {
        match self.t.kind(k) {
            Some(Kind::Num) => true,
            Some(Kind::Punct) => matches!(self.w(k), "'" | "’" | "-"),
            Some(Kind::Word) => triggers.class(self.words[k]).follows(),
            None => false,
        }
    }
}

impl Scanner<'_> {
    /// Lower-cased text of token `i` ("" past the end), as [`Tokens::word`].
    pub fn w(&self, i: usize) -> &str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// The second day of "April 24 and 25": the same month, another day.
    fn second_day(&self, j: usize, expr: &Expr) -> Option<Found> {
        let Expr::Point(
            Base::Cal {
                year,
                month: Some(m),
                day: first,
            },
            None,
        ) = *expr
        else {
            return None;
        };
        // "June 7-8": a dash joined on both sides, as wire stories write a two-day span;
        // "from December 3 to 9", "Oct. 3 through 5": the span's last day.
        let dash = matches!(self.w(j), "-" | "–") && self.t.joined(j) && self.t.joined(j + 1);
        let to = matches!(self.w(j), "to" | "through" | "till" | "until");
        if !(dash || to || matches!(self.w(j), "and" | "or")) || self.w(j + 1).len() > 2 {
            return None;
        }
        let first = first?;
        let d = self.t.int(j + 1).filter(|d| (1..=31).contains(d))?;
        // A span counts forward; "June 7-8%", "to 9%" or "7-3" is something else.
        let stuck = self.t.joined(j + 2) && !matches!(self.w(j + 2), "." | "," | ";" | ":" | ")");
        if (dash || to) && (stuck || d as u32 <= first) {
            return None;
        }
        // "April 24 and 25 percent": a number of something else; a span's end is a day
        // before most words ("talks on March 19-20 failed"), not before a measure.
        let measure = matches!(
            self.w(j + 2),
            "percent" | "per" | "points" | "cents" | "votes" | "seats" | "degrees" | "times"
        ) || lexicon::unit(self.w(j + 2)).is_some();
        if self.t.kind(j + 2) == Some(Kind::Word)
            && !matches!(self.w(j + 2), "in" | "at" | "and" | "to")
            && (measure || !(dash || to))
        {
            return None;
        }
        let base = Base::Cal {
            year,
            month: Some(m),
            day: Some(d as u32),
        };
        Some(Found {
            first: j + 1,
            last: j + 2,
            expr: Expr::Point(base, None),
        })
    }

    /// The end of "1995-97" after its first year (tokens `[i, j)`), as a year of its own.
    fn second_year(&self, i: usize, j: usize) -> Option<Found> {
        if j != i + 1 || self.t.kind(i) != Some(Kind::Num) {
            return None;
        }
        let end = self.year_range_end(i, self.t.int(i)?)?;
        let base = Base::Cal {
            year: Some(end),
            month: None,
            day: None,
        };
        Some(Found {
            first: i + 2,
            last: i + 3,
            expr: Expr::Point(base, None),
        })
    }

    /// The longest expression starting at token `i`.
    fn at(&self, i: usize) -> Hit {
        if self.w(i) == "the" && self.length_adjective(i + 1) {
            return None;
        }
        if let Some(hit) = self.part_of_period(i) {
            return Some(hit);
        }
        if let Some(k) = self.modifier(i) {
            if let Some((j, e @ Expr::Point(..))) = self.core(k) {
                return Some((j, e));
            }
        }
        self.core(i)
    }

    /// Whether a hyphenated length starts at `k`: "ten-day", "month-long" (the
    /// article before one belongs to the noun it describes, not to the timex).
    fn length_adjective(&self, k: usize) -> bool {
        let joined_dash = |j: usize| self.w(j) == "-" && self.t.joined(j);
        if lexicon::unit(self.w(k)).is_some() {
            return joined_dash(k + 1) && self.w(k + 2) == "long";
        }
        match self.number(k) {
            Some((j, Some(_))) if j > k && !matches!(self.w(k), "a" | "an") => {
                joined_dash(j) && lexicon::unit(self.w(j + 1)).is_some()
            }
            _ => false,
        }
    }

    fn core(&self, i: usize) -> Hit {
        if let Some(hit) = self.quantity(i) {
            return Some(hit);
        }
        match self.t.kind(i)? {
            Kind::Num => self.numeric(i),
            Kind::Word => self.word_led(i),
            Kind::Punct => self.apostrophe_decade(i),
        }
    }

    /// Words TimeML keeps at the front of a date: "early", "late", "mid-", "the end of".
    fn modifier(&self, i: usize) -> Option<usize> {
        let w = self.w(i);
        match w {
            "early" | "late" | "mid" | "earlier" | "later" | "middle" => {
                let k = if self.w(i + 1) == "-" { i + 2 } else { i + 1 };
                Some(k)
            }
            // Wire shorthand "end-2015", "end-June", like "mid-2015".
            "end" if self.w(i + 1) == "-" && self.t.joined(i + 1) => Some(i + 2),
            "the" | "end" => {
                let k = if w == "the" { i + 1 } else { i };
                match (self.w(k), self.w(k + 1)) {
                    ("end" | "beginning" | "start" | "middle" | "turn" | "close", "of") => {
                        Some(k + 2)
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// "'80s" (a decade) and its curly-quote spelling.
    pub fn apostrophe_decade(&self, i: usize) -> Hit {
        let v = self.t.int(i + 1)?;
        if self.t.joined(i + 1)
            && self.w(i + 2) == "s"
            && self.t.joined(i + 2)
            && (0..100).contains(&v)
            && v % 10 == 0
        {
            return Some((i + 3, Expr::Point(Base::Decade(190 + v as i32 / 10), None)));
        }
        None
    }
}
