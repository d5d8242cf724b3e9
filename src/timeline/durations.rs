//! TIMEX3 lengths and recurrences: `P2Y`, `PT3H`, `P2Y6M`, `PXY` for a vague
//! amount, `P1Q` for a quarterly set.

use super::lexicon::Unit;

/// A TIMEX3 duration: `P2Y`, `PT3H`, `P20Y` for two decades, `PXY` when the amount is vague.
pub fn duration_value(n: Option<f64>, unit: Unit) -> String {
    let (t, code) = unit.code();
    let Some(n) = n else {
        return match unit {
            // Decades are counted in years ("two decades" is P20Y), so some decades are PXY.
            Unit::Decade => "PXY".into(),
            Unit::Century => "PXCE".into(),
            Unit::Quarter => "PXM".into(),
            _ => format!("P{t}X{code}"),
        };
    };
    if unit == Unit::Quarter {
        return format!("P{}M", n * 3.0);
    }
    let n = n * unit.scale() as f64;
    if n.fract() == 0.0 {
        return format!("P{t}{}{code}", n as i64);
    }
    // Halves in the next smaller unit: half a year is six months.
    let smaller = match unit {
        Unit::Year => Some((12.0, "", "M")),
        Unit::Month => Some((30.0, "", "D")),
        Unit::Week => Some((7.0, "", "D")),
        Unit::Day => Some((24.0, "T", "H")),
        Unit::Hour => Some((60.0, "T", "M")),
        Unit::Minute => Some((60.0, "T", "S")),
        _ => None,
    };
    let whole = n.trunc() as i64;
    match smaller {
        // "5 1/2 hours" is PT5H30M; "half a year" is P6M.
        Some((k, t2, c2)) if (n.fract() * k).fract() == 0.0 && whole > 0 => {
            let t2 = if t.is_empty() { t2 } else { "" };
            format!("P{t}{whole}{code}{t2}{}{c2}", (n.fract() * k) as i64)
        }
        Some((k, t2, c2)) if (n * k).fract() == 0.0 => format!("P{t2}{}{c2}", (n * k) as i64),
        _ => format!("P{t}{n}{code}"),
    }
}

/// A TIMEX3 set value: like a duration, but quarters stay quarters (`P1Q`).
pub fn set_value(n: f64, unit: Unit) -> String {
    if unit == Unit::Quarter {
        return format!("P{n}Q");
    }
    duration_value(Some(n), unit)
}
