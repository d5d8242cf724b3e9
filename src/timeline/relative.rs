//! Values counted from a reference: "last week", "this quarter", "two years ago",
//! "a year earlier", "the following month", read against the publication date or
//! the day, month, year and quarter the narrative last named.

use super::lexicon::Unit;
use super::normalize::{unknown, ymd, Context};
use super::tense::Tense;
use crate::date::{shift_month, Date};

/// How many sentences a quarter stays the frame for "a year earlier".
const QUARTER_REACH: usize = 4;

fn quarter_of(d: Date) -> (i32, u32) {
    (d.year, d.quarter())
}

fn shift_quarter((y, q): (i32, u32), n: i64) -> (i32, u32) {
    let (y2, m) = shift_month(y, (q - 1) * 3 + 1, 3 * n);
    (y2, (m - 1) / 3 + 1)
}

/// The quarter last reported on: the narrative's, else the last one completed before publication.
pub(super) fn latest_quarter(ctx: &Context) -> Option<(i32, u32)> {
    if let Some((y, q, _)) = ctx.narrative.quarter {
        return Some((y, q));
    }
    ctx.date.map(|d| shift_quarter(quarter_of(d), -1))
}

/// The unit holding the reference, moved by `shift`: "last week" (-1), "this year" (0).
pub(super) fn unit_value(unit: Unit, shift: i64, tense: Tense, ctx: &Context) -> (String, bool) {
    let s32 = shift as i32;
    match unit {
        Unit::Year => match ctx.year {
            Some(y) => (format!("{:04}", y + s32), true),
            None => unknown("XXXX".into()),
        },
        Unit::Decade => match ctx.year {
            Some(y) => (format!("{:03}X", y.div_euclid(10) + s32), true),
            None => unknown("XXXX".into()),
        },
        Unit::Century => match ctx.year {
            Some(y) => (format!("{:02}", y.div_euclid(100) + s32), true),
            None => unknown("XX".into()),
        },
        Unit::Month => match (ctx.date, ctx.year) {
            (Some(r), _) => {
                let (y, m) = shift_month(r.year, r.month, shift);
                (format!("{y:04}-{m:02}"), true)
            }
            (None, Some(y)) if shift == 0 => unknown(format!("{y:04}-XX")),
            _ => unknown("XXXX-XX".into()),
        },
        Unit::Week | Unit::Weekend => match (ctx.date, ctx.year) {
            (Some(r), _) => {
                let mut d = r.add_days(7 * shift);
                if unit == Unit::Weekend && shift == 0 && tense == Tense::Past && r.weekday() < 5 {
                    d = d.add_days(-7);
                }
                let (y, w) = d.iso_week();
                let we = if unit == Unit::Weekend { "-WE" } else { "" };
                (format!("{y:04}-W{w:02}{we}"), true)
            }
            (None, Some(y)) if shift == 0 => unknown(format!("{y:04}-WXX")),
            _ => unknown("XXXX-WXX".into()),
        },
        Unit::Quarter => match (ctx.date, ctx.year) {
            (Some(r), _) => {
                let (y, q) = shift_quarter(quarter_of(r), shift);
                (format!("{y:04}-Q{q}"), true)
            }
            (None, Some(y)) if shift == 0 => unknown(format!("{y:04}-QX")),
            _ => unknown("XXXX-QX".into()),
        },
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => match ctx.date {
            Some(r) => ymd(r.add_days(shift)),
            None => unknown("XXXX-XX-XX".into()),
        },
    }
}

/// `n` units from the publication date, or from the narrative's date when `narrative`:
/// "two weeks ago", "a year earlier" (the reported quarter a year back, when there is one).
pub(super) fn offset_value(unit: Unit, n: i64, narrative: bool, ctx: &Context) -> (String, bool) {
    let day = if narrative {
        ctx.narrative.day.or(ctx.date)
    } else {
        ctx.date
    };
    let year = if narrative {
        ctx.narrative.year.or(ctx.year)
    } else {
        ctx.year
    };
    match unit {
        Unit::Week => match day {
            Some(r) => {
                let (y, w) = r.add_days(7 * n).iso_week();
                (format!("{y:04}-W{w:02}"), true)
            }
            None => unknown("XXXX-WXX".into()),
        },
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
            let days = if unit == Unit::Day { n } else { 0 };
            match day {
                Some(r) => ymd(r.add_days(days)),
                None => unknown("XXXX-XX-XX".into()),
            }
        }
        Unit::Weekend => unknown("XXXX-WXX-WE".into()),
        Unit::Month => {
            let month = match (narrative, ctx.narrative.month) {
                (true, Some(ym)) => Some(ym),
                _ => day.map(|r| (r.year, r.month)),
            };
            match month {
                Some((y, m)) => {
                    let (y, m) = shift_month(y, m, n);
                    (format!("{y:04}-{m:02}"), true)
                }
                None => unknown("XXXX-XX".into()),
            }
        }
        Unit::Quarter => match day {
            Some(r) => {
                let (y, q) = shift_quarter(quarter_of(r), n);
                (format!("{y:04}-Q{q}"), true)
            }
            None => unknown("XXXX-QX".into()),
        },
        Unit::Year | Unit::Decade | Unit::Century => {
            let years = n * unit.scale();
            if unit == Unit::Year && n.abs() == 1 {
                let quarter = ctx
                    .narrative
                    .quarter
                    .filter(|&(_, _, at)| ctx.sentence.saturating_sub(at) <= QUARTER_REACH);
                // "the six months ended Aug. 12 … a year earlier": the day named in this
                // sentence (after any quarter), a year away.
                let day_here = ctx.narrative.day.filter(|_| {
                    narrative
                        && n == -1
                        && ctx.narrative.day_sentence == Some(ctx.sentence)
                        && quarter.is_none_or(|(_, _, at)| at < ctx.sentence)
                });
                if let Some(d) = day_here {
                    let shifted = Date::new(d.year + n as i32, d.month, d.day)
                        .or_else(|| Date::new(d.year + n as i32, d.month, d.day - 1));
                    if let Some(d) = shifted {
                        return ymd(d);
                    }
                }
                if let Some((y, q, _)) = quarter {
                    return (format!("{:04}-Q{q}", y + n as i32), true);
                }
            }
            match year {
                Some(y) => (format!("{:04}", i64::from(y) + years), true),
                None => unknown("XXXX".into()),
            }
        }
    }
}
