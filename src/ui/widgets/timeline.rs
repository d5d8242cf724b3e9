//! The timeline strip: dated events in date order on one band, the selected
//! one with its value, expression and sentence below.

use crate::date::MONTHS;
use crate::display;
use crate::timeline::{Event, TimexType};
use crate::ui::app::{App, Focus};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

/// Renders the timeline strip.
pub struct TimelineStrip<'a>(pub &'a App);

impl Widget for TimelineStrip<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let theme = &app.theme;
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(if app.focus == Focus::Timeline {
                theme.border_focused
            } else {
                theme.border
            })
            .title(format!(" Timeline ({} events) ", app.events.len()));
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let width = usize::from(inner.width);
        if app.events.is_empty() {
            let msg = if app.extracting {
                "finding dates…"
            } else {
                "no dated events"
            };
            buf.set_stringn(inner.x, inner.y, msg, width, theme.dim);
            return;
        }
        // Labels laid out left to right, scrolled so the selected one is visible.
        let labels: Vec<String> = app.events.iter().map(label).collect();
        let sel = app.event.unwrap_or(0);
        let mut starts = Vec::with_capacity(labels.len());
        let mut col = 0;
        for l in &labels {
            starts.push(col);
            col += display::width(l) + 3;
        }
        let sel_end = starts[sel] + display::width(&labels[sel]);
        let offset = sel_end.saturating_sub(width.saturating_sub(1));
        for (i, l) in labels.iter().enumerate() {
            let Some(x) = starts[i].checked_sub(offset) else {
                continue;
            };
            if x >= width {
                break;
            }
            let mut style = if app.events[i].timex.resolved {
                theme.heading
            } else {
                theme.dim
            };
            if app.event == Some(i) {
                style = style.patch(theme.cursor);
            }
            let x = inner.x + x as u16;
            buf.set_stringn(x, inner.y, l, width - (x - inner.x) as usize, style);
            let sep_x = x as usize + display::width(l);
            if i + 1 < labels.len() && sep_x + 3 <= usize::from(inner.right()) {
                buf.set_stringn(sep_x as u16, inner.y, " · ", 3, theme.dim);
            }
        }
        if inner.height < 2 {
            return;
        }
        let detail = match app.event.and_then(|i| app.events.get(i)) {
            Some(e) => detail(app, e),
            None => {
                "h/l or ←/→ (in the timeline) or [ ] (anywhere) move between events".to_string()
            }
        };
        buf.set_stringn(
            inner.x,
            inner.y + 1,
            display::truncate(&detail, width),
            width,
            theme.dim,
        );
    }
}

/// A short label: "Apr 23" for a day, "Apr 2007" for a month, the TIMEX3 value otherwise.
pub fn label(e: &Event) -> String {
    let t = &e.timex;
    let v = t.value.as_str();
    let month_name = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
            .map(|n| {
                let mut s = n[..3].to_string();
                s[..1].make_ascii_uppercase();
                s
            })
    };
    let parts: Vec<&str> = v.split('-').collect();
    let mut out = match (t.kind, parts.as_slice()) {
        (TimexType::Date, [_y, m, d]) if d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()) => {
            month_name(m).map_or_else(
                || v.to_string(),
                |mn| format!("{mn} {}", d.trim_start_matches('0')),
            )
        }
        (TimexType::Date, [y, m]) if m.len() == 2 => {
            month_name(m).map_or_else(|| v.to_string(), |mn| format!("{mn} {y}"))
        }
        _ => v.to_string(),
    };
    if !t.resolved {
        out.push('?');
    }
    out
}

fn detail(app: &App, e: &Event) -> String {
    let doc = &app.doc;
    let sentence = doc
        .sentences()
        .get(e.sentence)
        .map_or("", |s| doc.slice(s.span));
    let flag = if e.timex.resolved {
        ""
    } else {
        " (unresolved)"
    };
    format!(
        "{}{flag} {} “{}” — {}",
        e.timex.value,
        e.timex.kind.name(),
        doc.slice(e.timex.span),
        sentence
    )
}
