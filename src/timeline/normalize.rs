//! Resolution: turns a recognized [`Expr`] into a TIMEX3 value against the
//! publication date, the narrative's current date and the clause's tense.
//! What cannot be known stays `X` and is flagged unresolved, never guessed.
//! Counted and shifted values are in [`super::relative`], lengths in [`super::durations`].

use super::expr::{Base, Clock, Expr};
use super::lexicon::Unit;
use super::relative;
use super::tense::Tense;
use super::TimexType;
use crate::date::{shift_month, Date};

pub use super::durations::{duration_value, set_value};

/// What the narrative has most recently talked about, for "that day", "a year earlier", "the quarter".
#[derive(Debug, Clone, Copy, Default)]
pub struct Narrative {
    pub day: Option<Date>,
    /// The sentence the last calendar date ("Aug. 12", not "Friday") was named in.
    pub day_sentence: Option<usize>,
    /// The last month named ("In March, …"), for "the following month".
    pub month: Option<(i32, u32)>,
    pub year: Option<i32>,
    /// The last quarter mentioned and the sentence it was in.
    pub quarter: Option<(i32, u32, usize)>,
    /// The last quarter named by its number, ahead or behind ("that quarter" is this one).
    pub named_quarter: Option<(i32, u32)>,
}

impl Narrative {
    /// Moves the story by `n` units, as "two days later" or "three years earlier"
    /// does after "On March 3, ..." (TimeML marks only the length, "two days").
    pub fn advance(&mut self, n: i64, unit: Unit) {
        match unit {
            Unit::Day | Unit::Week => {
                if let Some(d) = self.day {
                    let d = d.add_days(if unit == Unit::Week { 7 * n } else { n });
                    self.day = Some(d);
                    self.day_sentence = None;
                    self.month = Some((d.year, d.month));
                    self.year = Some(d.year);
                }
            }
            Unit::Month | Unit::Year | Unit::Decade | Unit::Century => {
                let months = if unit == Unit::Month {
                    n
                } else {
                    12 * n * unit.scale()
                };
                self.day = self.day.map(|d| d.add_months(months));
                self.day_sentence = None;
                if let Some((y, m)) = self.month {
                    self.month = Some(shift_month(y, m, months));
                }
                if let Some(y) = self.year {
                    self.year = Some(shift_month(y, 6, months).0);
                }
            }
            _ => {}
        }
    }

    /// The year the story moved to since `day` (a day counted from), when it is another.
    fn moved_year(&self, day: Option<Date>) -> Option<i32> {
        match (day, self.year) {
            (Some(d), Some(y)) if d.year != y => Some(y),
            _ => None,
        }
    }
}

/// Everything a value is resolved against.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// Publication date, when known in full.
    pub date: Option<Date>,
    /// Publication year, when at least that is known.
    pub year: Option<i32>,
    pub narrative: Narrative,
    /// Index of the sentence being read.
    pub sentence: usize,
}

/// A resolved value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub value: String,
    pub kind: TimexType,
    pub resolved: bool,
}

/// The TIMEX3 value of `expr` read in a clause of tense `tense`.
pub fn resolve(expr: &Expr, tense: Tense, ctx: &Context) -> Resolved {
    match expr {
        Expr::Point(base, clock) => {
            let (value, resolved) = base_value(*base, tense, ctx);
            // "Friday night" and "Friday morning" are annotated as the day more often than as
            // a time of it; "Friday evening" as the time.
            let clock = match (base, clock) {
                (Base::Weekday { .. } | Base::NarrativeWeekday { .. }, Some(Clock::Part(p)))
                    if *p != "EV" =>
                {
                    &None
                }
                _ => clock,
            };
            match clock {
                None => Resolved {
                    value,
                    kind: TimexType::Date,
                    resolved,
                },
                Some(c) => {
                    let day = if is_day(&value) {
                        value
                    } else {
                        "XXXX-XX-XX".to_string()
                    };
                    let resolved = resolved && !day.starts_with('X');
                    let time = match c {
                        Clock::At { hour, minute } => format!("{day}T{hour:02}:{minute:02}"),
                        Clock::Part(p) => format!("{day}T{p}"),
                    };
                    Resolved {
                        value: time,
                        kind: TimexType::Time,
                        resolved,
                    }
                }
            }
        }
        Expr::Duration { n, unit } => Resolved {
            value: duration_value(*n, *unit),
            kind: TimexType::Duration,
            resolved: true,
        },
        Expr::Stretch => Resolved {
            value: "PXX".to_string(),
            kind: TimexType::Duration,
            resolved: true,
        },
        Expr::Set(v) => Resolved {
            value: v.clone(),
            kind: TimexType::Set,
            resolved: true,
        },
        Expr::SomeDay { opening } => Resolved {
            value: if *opening && tense == Tense::Past {
                "PAST_REF"
            } else {
                "FUTURE_REF"
            }
            .to_string(),
            kind: TimexType::Date,
            resolved: true,
        },
        Expr::Ref(r) => Resolved {
            value: (*r).to_string(),
            kind: TimexType::Date,
            resolved: true,
        },
    }
}

pub(super) fn value_day(v: &str) -> Option<Date> {
    if is_day(v) {
        super::value::first_day(v)
    } else {
        None
    }
}

pub(super) fn is_day(v: &str) -> bool {
    v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-'
}

pub(super) fn ymd(d: Date) -> (String, bool) {
    (d.to_string(), true)
}

pub(super) fn unknown(v: String) -> (String, bool) {
    (v, false)
}

/// The two ends of a range of yearless dates ("from March to May", "June 3-5") with
/// their years: the end's year from the tense, the start's the same or the one before.
pub fn range_years(start: &Expr, end: &Expr, tense: Tense, ctx: &Context) -> Option<(Expr, Expr)> {
    let ((m1, d1), (m2, d2)) = (Base::yearless(start)?, Base::yearless(end)?);
    // Only a turn of the year runs backwards ("from November to February"); "May 20 and
    // May 19" are two days, each read on its own.
    if m1 == m2 && d1 > d2 {
        return None;
    }
    let r = ctx.date?;
    let y2 = infer_year(r, m2, d2, tense);
    let y1 = if (m1, d1) <= (m2, d2) { y2 } else { y2 - 1 };
    let with = |y: i32, m: u32, d: Option<u32>| {
        Expr::Point(
            Base::Cal {
                year: Some(y),
                month: Some(m),
                day: d,
            },
            None,
        )
    };
    Some((with(y1, m1, d1), with(y2, m2, d2)))
}

/// Year for month `m` (and day `d`) nearest the reference in the clause's tense.
///
/// A day up to a month away on the "wrong" side still counts as this year's
/// ("said it would pay on Nov. 21"); with no tense the nearest year wins.
fn infer_year(r: Date, m: u32, d: Option<u32>, tense: Tense) -> i32 {
    // Distance in days from the reference to the day (or month's middle) of this year.
    let day = d.unwrap_or(15).min(crate::date::days_in_month(r.year, m));
    let this = Date {
        year: r.year,
        month: m,
        day,
    };
    let diff = this.to_days() - r.to_days();
    let slack = if d.is_some() { 31 } else { 45 };
    match tense {
        Tense::Past if diff > slack => r.year - 1,
        Tense::Future if diff < -slack => r.year + 1,
        // Reports look back more often than ahead.
        Tense::Present if diff > 91 => r.year - 1,
        Tense::Present if diff < -300 => r.year + 1,
        _ => r.year,
    }
}

/// The `n`th `weekday` (Monday = 0) of `month` in `year`, counting from day `from`.
pub fn nth_weekday(year: i32, month: u32, weekday: u32, n: u32, from: u32) -> Option<Date> {
    let first = Date::new(year, month, from.max(1))?;
    let offset = (weekday + 7 - first.weekday()) % 7;
    Date::new(year, month, first.day + offset + 7 * (n.max(1) - 1))
}

fn base_value(base: Base, tense: Tense, ctx: &Context) -> (String, bool) {
    match base {
        Base::Cal { year, month, day } => {
            let y = match (year, month, ctx.date, ctx.year) {
                (Some(y), _, _, _) => Some(y),
                (None, Some(m), Some(r), _) => Some(infer_year(r, m, day, tense)),
                (None, _, None, y) => y,
                (None, None, Some(r), _) => Some(r.year),
            };
            let ys = y.map_or("XXXX".to_string(), |y| format!("{y:04}"));
            let v = match (month, day) {
                (Some(m), Some(d)) => format!("{ys}-{m:02}-{d:02}"),
                (Some(m), None) => format!("{ys}-{m:02}"),
                _ => ys,
            };
            (v, y.is_some())
        }
        Base::MonthOfYear { month, shift } => match ctx.year {
            Some(y) => (format!("{:04}-{month:02}", y + shift as i32), true),
            None => unknown(format!("XXXX-{month:02}")),
        },
        Base::MonthShift { month, day, shift } => {
            let md = |y: i32| match day {
                Some(d) => format!("{y:04}-{month:02}-{d:02}"),
                None => format!("{y:04}-{month:02}"),
            };
            match (ctx.date, ctx.year) {
                (Some(r), _) => {
                    let key = (month, day.unwrap_or(0));
                    let now = (r.month, if day.is_some() { r.day } else { 0 });
                    let y = match shift {
                        s if s < 0 => r.year - i32::from(key >= now),
                        s if s > 0 => r.year + i32::from(key <= now),
                        _ => r.year,
                    };
                    (md(y), true)
                }
                (None, Some(y)) if shift == 0 => (md(y), true),
                _ => unknown(md(0).replacen("0000", "XXXX", 1)),
            }
        }
        Base::Weekday {
            weekday,
            shift,
            explicit,
        } => {
            let Some(r) = ctx.date else {
                return unknown(format!("XXXX-WXX-{}", weekday + 1));
            };
            let back = i64::from((r.weekday() + 7 - weekday) % 7);
            let ahead = i64::from((weekday + 7 - r.weekday()) % 7);
            let d = match (shift, explicit, tense) {
                (s, _, _) if s < 0 => r.add_days(-(if back == 0 { 7 } else { back })),
                (s, _, _) if s > 0 => r.add_days(if ahead == 0 { 7 } else { ahead }),
                (_, true, _) => r.add_days(i64::from(weekday) - i64::from(r.weekday())),
                (_, false, Tense::Future) => r.add_days(ahead),
                // "The deadline is Friday", "the vote is Tuesday": a present names the
                // nearer of the two.
                (_, false, Tense::Present) if ahead > 0 && ahead < back => r.add_days(ahead),
                (_, false, _) => r.add_days(-back),
            };
            ymd(d)
        }
        Base::NarrativeWeekday { weekday, shift } => {
            // A day from before the story moved to another year ("In 2009 the talks began.
            // The following Monday, ...") says nothing of that year's weeks.
            if let Some(y) = ctx.narrative.moved_year(ctx.narrative.day) {
                return unknown(format!("{y:04}-WXX-{}", weekday + 1));
            }
            let Some(r) = ctx.narrative.day.or(ctx.date) else {
                return unknown(format!("XXXX-WXX-{}", weekday + 1));
            };
            let d = if shift < 0 {
                let back = i64::from((r.weekday() + 7 - weekday) % 7);
                r.add_days(-(if back == 0 { 7 } else { back }))
            } else {
                let ahead = i64::from((weekday + 7 - r.weekday()) % 7);
                r.add_days(if ahead == 0 { 7 } else { ahead })
            };
            ymd(d)
        }
        Base::ThatSeason { code } => match ctx.narrative.year.or(ctx.year) {
            Some(y) => (format!("{y:04}-{code}"), true),
            None => unknown(format!("XXXX-{code}")),
        },
        Base::Day(n) => match ctx.date {
            Some(r) => ymd(r.add_days(n)),
            None if n == 0 => unknown("PRESENT_REF".into()),
            None => unknown("XXXX-XX-XX".into()),
        },
        Base::NarrativeDay(n) => {
            let day = ctx.narrative.day.or(ctx.date);
            // As for a weekday: once the story has moved to another year ("In 1994 the
            // mayor resigned. The next day, ..."), a day counted from an older one says
            // nothing of that year's. "At 3 p.m." and "that day" keep the older day: a
            // year in passing ("the worst since the 1987 crash") is no move of the story.
            if let Some(y) = ctx.narrative.moved_year(day).filter(|_| n != 0) {
                return unknown(format!("{y:04}-XX-XX"));
            }
            match day {
                Some(r) => ymd(r.add_days(n)),
                None => unknown("XXXX-XX-XX".into()),
            }
        }
        Base::Unit { unit, shift } => relative::unit_value(unit, shift, tense, ctx),
        Base::Offset { unit, n, narrative } => relative::offset_value(unit, n, narrative, ctx),
        Base::Decade(d) => (format!("{d:03}X"), true),
        Base::Century(c) => (format!("{c:02}"), true),
        Base::BcYear(y) => (format!("BC{y:04}"), true),
        Base::Season {
            code,
            start,
            year,
            shift,
        } => {
            if let Some(y) = year {
                return (format!("{y:04}-{code}"), true);
            }
            match (ctx.date, ctx.year) {
                (Some(r), _) => {
                    let y = match shift {
                        s if s < 0 => r.year - i32::from(start + 3 > r.month),
                        s if s > 0 => r.year + i32::from(start <= r.month),
                        _ => r.year,
                    };
                    (format!("{y:04}-{code}"), true)
                }
                (None, Some(y)) if shift == 0 => (format!("{y:04}-{code}"), true),
                _ => unknown(format!("XXXX-{code}")),
            }
        }
        Base::Quarter { q, year, shift } => {
            let (y, q) = match (q, year) {
                (Some(q), Some(y)) => (y, q),
                (Some(q), None) => {
                    let Some(py) = ctx.year else {
                        return unknown(format!("XXXX-Q{q}"));
                    };
                    let mut y = py + shift as i32;
                    if let Some(r) = ctx.date.filter(|_| shift == 0 && tense == Tense::Past) {
                        if (q - 1) * 3 + 1 > r.month {
                            y -= 1;
                        }
                    }
                    (y, q)
                }
                (None, Some(y)) => (y, relative::latest_quarter(ctx).map_or(1, |(_, q)| q)),
                (None, None) => match relative::latest_quarter(ctx) {
                    Some(yq) => yq,
                    None => {
                        return unknown(ctx.year.map_or("XXXX-QX".into(), |y| format!("{y:04}-QX")))
                    }
                },
            };
            (format!("{y:04}-Q{q}"), true)
        }
        Base::NthWeekday {
            month,
            weekday,
            n,
            from,
            shift,
        } => {
            let y = match (ctx.date, ctx.year) {
                (Some(r), _) if shift < 0 => {
                    let this = nth_weekday(r.year, month, weekday, n, from);
                    if this.is_some_and(|d| d < r) {
                        r.year
                    } else {
                        r.year - 1
                    }
                }
                (Some(r), _) => infer_year(r, month, Some(7 * n), tense),
                (None, Some(y)) => y,
                _ => return unknown(format!("XXXX-{month:02}-XX")),
            };
            match nth_weekday(y, month, weekday, n, from) {
                Some(d) => ymd(d),
                None => unknown(format!("{y:04}-{month:02}-XX")),
            }
        }
        Base::Easter { offset, shift } => movable(
            |y| super::holidays::easter(y).map(|d| d.add_days(i64::from(offset))),
            shift,
            tense,
            ctx,
        ),
        Base::Passover { offset, shift } => movable(
            |y| super::holidays::passover(y).map(|d| d.add_days(i64::from(offset))),
            shift,
            tense,
            ctx,
        ),
        Base::WeekOf { year, month, day } => {
            let (v, ok) = base_value(
                Base::Cal {
                    year,
                    month: Some(month),
                    day: Some(day),
                },
                tense,
                ctx,
            );
            match value_day(&v) {
                Some(d) if ok => {
                    let (y, w) = d.iso_week();
                    (format!("{y:04}-W{w:02}"), true)
                }
                _ => unknown("XXXX-WXX".into()),
            }
        }
        Base::Half { h, year, shift } => match year.or(ctx.year.map(|y| y + shift as i32)) {
            Some(y) => (format!("{y:04}-H{h}"), true),
            None => unknown(format!("XXXX-H{h}")),
        },
        Base::DayOfMonth(d) => {
            let Some(r) = ctx.narrative.day.or(ctx.date) else {
                return unknown(format!("XXXX-XX-{d:02}"));
            };
            // "was sworn in on the 20th" looks back a month when the 20th is still ahead.
            let shift = match tense {
                Tense::Past if d > r.day => -1,
                Tense::Future if d < r.day => 1,
                _ => 0,
            };
            let (y, m) = shift_month(r.year, r.month, shift);
            match Date::new(y, m, d) {
                Some(day) => ymd(day),
                None => unknown(format!("{y:04}-{m:02}-XX")),
            }
        }
        Base::FromWeekday {
            weekday,
            shift,
            days,
        } => {
            let base = Base::Weekday {
                weekday,
                shift,
                explicit: false,
            };
            match base_value(base, tense, ctx) {
                (v, true) => match value_day(&v) {
                    Some(d) => ymd(d.add_days(days)),
                    None => unknown("XXXX-XX-XX".into()),
                },
                _ => unknown("XXXX-XX-XX".into()),
            }
        }
        Base::TurnOfCentury(year) => {
            match year.or(ctx.year.map(|y| (y + 50).div_euclid(100) * 100)) {
                Some(y) => (format!("{y:04}"), true),
                None => unknown("XXXX".into()),
            }
        }
        Base::Eve { year, month, day } => {
            let cal = Base::Cal {
                year,
                month: Some(month),
                day: Some(day),
            };
            match base_value(cal, tense, ctx) {
                (v, true) => match value_day(&v) {
                    Some(d) => ymd(d.add_days(-1)),
                    None => unknown("XXXX-XX-XX".into()),
                },
                _ => unknown("XXXX-XX-XX".into()),
            }
        }
        Base::SameDayYears(n) => match (ctx.date, ctx.year) {
            (Some(r), _) => {
                let y = r.year + n as i32;
                match Date::new(y, r.month, r.day).or_else(|| Date::new(y, r.month, r.day - 1)) {
                    Some(d) => ymd(d),
                    None => unknown(format!("{y:04}-XX-XX")),
                }
            }
            (None, Some(y)) => unknown(format!("{:04}-XX-XX", y + n as i32)),
            _ => unknown("XXXX-XX-XX".into()),
        },
        Base::Feast { feast, shift, days } => {
            movable(|y| feast.on(y).map(|d| d.add_days(days)), shift, tense, ctx)
        }
        Base::Hijri { month, day, shift } => movable(
            |y| super::holidays::hijri_in(y, month, day),
            shift,
            tense,
            ctx,
        ),
        Base::ThatQuarter => match ctx
            .narrative
            .named_quarter
            .or(relative::latest_quarter(ctx))
        {
            Some((y, q)) => (format!("{y:04}-Q{q}"), true),
            None => unknown("XXXX-QX".into()),
        },
        Base::YearAgoQuarter => match relative::latest_quarter(ctx) {
            Some((y, q)) => (format!("{:04}-Q{q}", y - 1), true),
            None => unknown("XXXX-QX".into()),
        },
    }
}

/// A feast that moves from year to year (`on` gives its day in a Gregorian year): the
/// last one before the reference for `shift` -1, else the one nearest in the clause's tense.
fn movable(
    on: impl Fn(i32) -> Option<Date>,
    shift: i64,
    tense: Tense,
    ctx: &Context,
) -> (String, bool) {
    let y = match (ctx.date, ctx.year) {
        (Some(r), _) if shift < 0 => {
            if on(r.year).is_some_and(|d| d < r) {
                r.year
            } else {
                r.year - 1
            }
        }
        (Some(r), _) => match on(r.year) {
            Some(d) => infer_year(r, d.month, Some(d.day), tense),
            None => r.year,
        },
        (None, Some(y)) => y,
        _ => return unknown("XXXX-XX-XX".into()),
    };
    match on(y) {
        Some(d) => ymd(d),
        None => unknown(format!("{y:04}-XX-XX")),
    }
}
