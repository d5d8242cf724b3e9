//! Reading TIMEX3 values back: the first calendar day a value points at (for
//! ordering and grouping) and a short human label for the screen.

use super::lexicon::WEEKDAYS;
use super::{Timex, TimexType};
use crate::date::Date;

const MONTH_ABBR: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn num<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The first day of the period a DATE or TIME value names; None for vague or partial values.
pub fn first_day(value: &str) -> Option<Date> {
    let date_part = value.split('T').next().unwrap_or("");
    let mut parts = date_part.split('-');
    let y = parts.next()?;
    // The parts after the year, without an allocation: the patterns below tell apart
    // no part, one, two and more, so three kept (and a count) say all they need.
    let mut kept = [""; 3];
    let mut count = 0;
    for p in parts {
        if let Some(slot) = kept.get_mut(count) {
            *slot = p;
        }
        count += 1;
    }
    let rest = &kept[..count.min(kept.len())];
    match (y.len(), rest) {
        (3, []) => Date::new(num::<i32>(y)? * 10, 1, 1),
        // A decade: "199X" is the 1990s.
        (4, []) if y.ends_with('X') => Date::new(num::<i32>(&y[..3])? * 10, 1, 1),
        (2, []) => Date::new(num::<i32>(y)? * 100, 1, 1),
        (4, []) => Date::new(num(y)?, 1, 1),
        (4, [second, tail @ ..]) => {
            let year: i32 = num(y)?;
            if let Some(w) = second.strip_prefix('W') {
                let day = if tail == ["WE"] { 5 } else { 0 };
                let week: u32 = num(w)?;
                return (1..=53)
                    .contains(&week)
                    .then(|| Date::from_iso_week(year, week, day));
            }
            if let Some(q) = second.strip_prefix('Q') {
                let q: u32 = num(q)?;
                return Date::new(year, q.checked_sub(1)? * 3 + 1, 1);
            }
            if let Some(h) = second.strip_prefix('H') {
                let h: u32 = num(h)?;
                return Date::new(year, h.checked_sub(1)? * 6 + 1, 1);
            }
            let season = match *second {
                "SP" => Some(3),
                "SU" => Some(6),
                "FA" => Some(9),
                "WI" => Some(12),
                _ => None,
            };
            if let Some(m) = season {
                return Date::new(year, m, 1);
            }
            let month: u32 = num(second)?;
            match tail {
                [] => Date::new(year, month, 1),
                [d] => Date::new(year, month, num(d)?),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A short label for a timex: "Apr 23 2007", "Apr 23 2007 evening", "2 years", "every year".
pub fn label(timex: &Timex) -> String {
    match timex.kind {
        TimexType::Duration => duration_label(&timex.value),
        TimexType::Set => set_label(&timex.value),
        TimexType::Date | TimexType::Time => point_label(&timex.value),
    }
}

fn unit_name(code: &str, time: bool) -> &'static str {
    match (code, time) {
        ("Y", _) => "year",
        ("M", false) => "month",
        ("M", true) => "minute",
        ("W", _) => "week",
        ("D", _) => "day",
        ("H", _) => "hour",
        ("S", _) => "second",
        ("Q", _) => "quarter",
        ("DE", _) => "decade",
        ("CE", _) => "century",
        ("WE", _) => "weekend",
        _ => "period",
    }
}

fn plural(n: &str, unit: &str) -> String {
    if n == "1" {
        format!("1 {unit}")
    } else if unit == "century" {
        format!("{n} centuries")
    } else {
        format!("{n} {unit}s")
    }
}

/// (amount, unit name) of a simple duration like `P2Y`, `PT3H`, `PXY`.
fn split_duration(v: &str) -> Option<(String, &'static str)> {
    let body = v.strip_prefix('P')?;
    let (time, body) = match body.strip_prefix('T') {
        Some(b) => (true, b),
        None => (false, body),
    };
    let split = body
        .find(|c: char| c.is_ascii_uppercase() && c != 'X')
        .unwrap_or(body.len());
    let (n, code) = body.split_at(split);
    if n.is_empty() || code.is_empty() {
        return None;
    }
    Some((n.to_string(), unit_name(code, time)))
}

fn duration_label(v: &str) -> String {
    // "for a while": neither amount nor unit.
    if v == "PXX" {
        return "some time".into();
    }
    if let Some(parts) = compound_duration(v) {
        return parts.join(" ");
    }
    match split_duration(v) {
        Some((n, unit)) if n == "X" => format!("some {unit}s").replace("centurys", "centuries"),
        Some((n, unit)) => plural(&n, unit),
        None => v.to_string(),
    }
}

/// The parts of a duration with more than one unit, `P2Y6M` → "2 years", "6 months";
/// None for a single unit or anything else.
fn compound_duration(v: &str) -> Option<Vec<String>> {
    let body = v.strip_prefix('P')?;
    let mut parts = Vec::new();
    let mut time = false;
    let mut n = String::new();
    for c in body.chars() {
        match c {
            'T' if n.is_empty() => time = true,
            '0'..='9' | '.' => n.push(c),
            'Y' | 'M' | 'W' | 'D' | 'H' | 'S' if !n.is_empty() => {
                parts.push(plural(&n, unit_name(&c.to_string(), time)));
                n.clear();
            }
            _ => return None,
        }
    }
    (parts.len() > 1 && n.is_empty()).then_some(parts)
}

fn set_label(v: &str) -> String {
    if let Some(wd) = v.strip_prefix("XXXX-WXX-") {
        return match num::<usize>(wd).and_then(|d| WEEKDAYS.get(d.wrapping_sub(1))) {
            Some(name) => format!("every {name}"),
            None if wd == "WE" => "every weekend".into(),
            None => format!("every {wd}"),
        };
    }
    if let Some(part) = v.strip_prefix("XXXX-XX-XXT") {
        return format!("every {}", part_name(part));
    }
    match split_duration(v) {
        Some((n, unit)) if n == "1" => format!("every {unit}"),
        Some((n, unit)) => format!("every {}", plural(&n, unit)),
        None => v.to_string(),
    }
}

fn part_name(p: &str) -> &str {
    match p {
        "MO" => "morning",
        "AF" => "afternoon",
        "EV" => "evening",
        "NI" => "night",
        other => other,
    }
}

fn point_label(v: &str) -> String {
    match v {
        "PRESENT_REF" => return "now".into(),
        "PAST_REF" => return "the past".into(),
        "FUTURE_REF" => return "the future".into(),
        _ => {}
    }
    let (date, time) = match v.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (v, None),
    };
    let time = time
        .map(|t| format!(" {}", part_name(t)))
        .unwrap_or_default();
    if let Some(wd) = date.strip_prefix("XXXX-WXX-") {
        if let Some(name) = num::<usize>(wd).and_then(|d| WEEKDAYS.get(d.wrapping_sub(1))) {
            return format!("a {name}{time} (date unknown)");
        }
    }
    let parts: Vec<&str> = date.split('-').collect();
    let year = |y: &str| {
        if y.starts_with('X') {
            "(year unknown)".to_string()
        } else {
            y.to_string()
        }
    };
    let month = |m: &str| num::<usize>(m).and_then(|m| MONTH_ABBR.get(m.wrapping_sub(1)).copied());
    let text = match parts.as_slice() {
        [y] if y.len() == 3 => format!("{y}0s"),
        [y] if y.len() == 4 && y.ends_with('X') && num::<u32>(&y[..3]).is_some() => {
            format!("{}0s", &y[..3])
        }
        // A century, "20": "21st century" ("2000s" reads as a decade).
        [y] if y.len() == 2 && num::<u32>(y).is_some() => {
            let n = num::<u32>(y).unwrap_or(0) + 1;
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix} century")
        }
        [y] if y.starts_with("BC") && num::<u32>(&y[2..]).is_some() => {
            format!("{} BC", num::<u32>(&y[2..]).unwrap_or(0))
        }
        [y] => year(y),
        [y, m] => {
            if let Some(name) = month(m) {
                format!("{name} {}", year(y))
            } else if let Some(w) = m.strip_prefix('W') {
                format!("week {w} {}", year(y))
            } else if m.starts_with('Q') || m.starts_with('H') {
                format!("{m} {}", year(y))
            } else {
                let season = match *m {
                    "SP" => "spring",
                    "SU" => "summer",
                    "FA" => "fall",
                    "WI" => "winter",
                    _ => m,
                };
                format!("{season} {}", year(y))
            }
        }
        [y, w, "WE"] => format!("weekend of week {} {}", w.trim_start_matches('W'), year(y)),
        [y, m, d] => match (month(m), num::<u32>(d)) {
            (Some(name), Some(d)) => format!("{name} {d} {}", year(y)),
            _ => date.to_string(),
        },
        _ => date.to_string(),
    };
    format!("{text}{time}")
}
