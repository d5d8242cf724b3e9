//! The profile screen: an entity's mentions per month as a sparkline with the
//! busiest months marked, when it was first and last seen, and the entities
//! it keeps company with.

use super::rows::{brief_date, file_name, header, pad, put, row_style};
use crate::display::{escape_controls, truncate};
use crate::library::profile::month_label;
use crate::library::BriefId;
use crate::ui::action::Action;
use crate::ui::library_view::{profile, LibraryView};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// `YYYY-MM-DD file` of a brief, for "first seen" and "last seen".
fn seen(v: &LibraryView, id: Option<BriefId>) -> String {
    let Some(b) = id.and_then(|id| v.lib.brief(id)) else {
        return "—".into();
    };
    format!("{} {}", brief_date(b), escape_controls(&file_name(b)))
}

/// The profile screen: mentions per month as a sparkline (one column per month,
/// or per several when the months outnumber the columns) with the busiest
/// months labelled, then the company the entity keeps.
pub(super) fn render(v: &LibraryView, area: Rect, buf: &mut Buffer) {
    let Some(pv) = &v.profile else { return };
    let p = &pv.profile;
    let lib = &v.lib;
    let theme = &v.settings.theme;
    let Some(ent) = lib.entity(p.entity) else {
        return;
    };
    let title = format!(
        "{} ({}) · {} mentions in {} briefs · first seen {} · last seen {}",
        escape_controls(&ent.name),
        ent.kind.name(),
        p.mentions,
        p.briefs,
        seen(v, p.first_seen),
        seen(v, p.last_seen)
    );
    header(v, area, buf, &title);
    let w = usize::from(area.width);
    let busiest = p.busiest(3);
    let names: Vec<String> = busiest
        .iter()
        .map(|&(m, n)| format!("{} ({n})", month_label(m)))
        .collect();
    let undated = if p.undated > 0 {
        format!(" · {} in briefs without a month", p.undated)
    } else {
        String::new()
    };
    put(
        buf,
        area.x + 1,
        area.y + 1,
        &format!(
            "MENTIONS PER MONTH · busiest: {}{undated}",
            names.join(", ")
        ),
        w - 2,
        theme.heading,
    );
    // A bar per month, up to four columns wide when there are few months, or
    // months summed into one column when they outnumber the columns.
    let series = p.series();
    let cols = w.saturating_sub(2).max(1);
    let per = series.len().div_ceil(cols).max(1);
    let wide = (cols / series.len().max(1)).clamp(1, 4);
    let bars: Vec<u64> = series
        .chunks(per)
        .flat_map(|c| std::iter::repeat_n(c.iter().map(|&(_, n)| u64::from(n)).sum(), wide))
        .collect();
    let chart = Rect::new(
        area.x + 1,
        area.y + 2,
        bars.len() as u16,
        profile::CHART_ROWS,
    );
    ratatui::widgets::Sparkline::default()
        .data(&bars)
        .style(theme.kind(ent.kind))
        .render(chart, buf);
    // Labels under the chart: the first and last month, and ▲ under the busiest.
    let axis = area.y + 2 + profile::CHART_ROWS;
    if let (Some(first), Some(last)) = (series.first(), series.last()) {
        put(buf, area.x + 1, axis, &month_label(first.0), 7, theme.dim);
        let lw = 7u16;
        let lx = area.x + 1 + (bars.len() as u16).saturating_sub(lw);
        if lx > area.x + 9 {
            put(buf, lx, axis, &month_label(last.0), 7, theme.dim);
        }
        let mut taken: Vec<(u16, u16)> = Vec::new();
        for &(m, _) in &busiest {
            let Some(i) = series.iter().position(|&(x, _)| x == m) else {
                continue;
            };
            let x = area.x + 1 + (i / per * wide) as u16;
            let label = format!("▲{}", month_label(m));
            let (a, b) = (x, x + 8);
            if b > area.x + area.width || taken.iter().any(|&(s, e)| a < e && s < b) {
                continue;
            }
            taken.push((a, b));
            put(buf, x, axis + 1, &label, 8, theme.heading);
        }
    }
    let top = axis + 3;
    let f = v.hint(&Action::ShowShared);
    put(
        buf,
        area.x + 1,
        top - 1,
        &format!(
            "IN THE COMPANY OF · named in the same sentences ({} their profile, {f} the sentences)",
            v.hint(&Action::Activate)
        ),
        w - 2,
        theme.heading,
    );
    if p.related.is_empty() {
        put(
            buf,
            area.x + 1,
            top,
            "no other entity in its sentences",
            w - 2,
            theme.dim,
        );
    }
    let name_w = (w / 3).clamp(16, 40);
    for (i, &(e, n)) in p
        .related
        .iter()
        .skip(pv.cursor.top)
        .take(profile::company_height(area.height))
        .enumerate()
    {
        let Some(x) = lib.entity(e) else { continue };
        let y = top + i as u16;
        let base = row_style(theme, pv.cursor.at == pv.cursor.top + i, area, y, buf);
        let name = pad(&truncate(&escape_controls(&x.name), name_w), name_w);
        put(
            buf,
            area.x + 1,
            y,
            &name,
            name_w,
            base.patch(theme.kind(x.kind)),
        );
        let sentences = if n == 1 { "sentence" } else { "sentences" };
        put(
            buf,
            area.x + 2 + name_w as u16,
            y,
            &format!("{:<12} {n:>6} {sentences}", x.kind.name()),
            w.saturating_sub(name_w + 3),
            base,
        );
    }
}
