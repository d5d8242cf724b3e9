//! Recurrences (TIMEX3 SET): "every year", "each Thursday", "every two weeks", "per month".

use super::expr::Expr;
use super::lexicon::{self, Unit};
use super::scan::{Hit, Scanner};

impl Scanner<'_> {
    /// "every year", "each Thursday", "every two weeks", "per month".
    pub fn set(&self, i: usize) -> Hit {
        let mut k = i + 1;
        if self.w(k) == "other" {
            k += 1;
        }
        if let Some(wd) = lexicon::weekday(self.w(k)).filter(|_| self.t.is_cap(k)) {
            return Some((k + 1, Expr::Set(format!("XXXX-WXX-{}", wd + 1))));
        }
        if let Some((code, _)) = lexicon::season(self.w(k)) {
            return Some((k + 1, Expr::Set(format!("XXXX-{code}"))));
        }
        if let Some(m) = crate::date::month_from_name(self.w(k)).filter(|_| {
            self.t.is_cap(k)
                && crate::date::MONTHS
                    .iter()
                    .any(|n| n.eq_ignore_ascii_case(self.w(k)))
        }) {
            return Some((k + 1, Expr::Set(format!("XXXX-{m:02}"))));
        }
        if let Some(part) = lexicon::part_of_day(self.w(k)) {
            return Some((k + 1, Expr::Set(format!("XXXX-XX-XXT{part}"))));
        }
        let (k, n) = match self.number(k) {
            Some((e, Some(v))) if self.w(k) != "a" && self.w(k) != "an" => (e, v),
            _ => (k, if self.w(i + 1) == "other" { 2.0 } else { 1.0 }),
        };
        let (unit, _) = lexicon::unit(self.w(k))?;
        if unit == Unit::Weekend {
            return Some((k + 1, Expr::Set("XXXX-WXX-WE".into())));
        }
        if self.w(i) == "per" && i > 0 && self.t.kind(i - 1) != Some(super::token::Kind::Word) {
            return Some((k + 1, Expr::Set(super::normalize::set_value(n, unit))));
        }
        Some((k + 1, Expr::Set(super::normalize::set_value(n, unit))))
    }
}
