//! The `?` overlay: every binding of the live keymap with what it does.

use crate::display;
use crate::ui::app::App;
use crate::ui::keymap::Context;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// Renders the help overlay centred in `area`.
pub struct HelpOverlay<'a>(pub &'a App);

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let mut rows: Vec<(String, &'static str)> = Vec::new();
        for b in app.keymap.bindings() {
            let what = b.action.describe();
            let scope = match b.context {
                Context::Global => "",
                Context::Pane => " (text)",
                Context::Sidebar => " (entities)",
                Context::Timeline => " (timeline)",
            };
            match rows.iter_mut().find(|(_, w)| *w == what) {
                Some((keys, _)) => keys.push_str(&format!(", {}{scope}", b.label())),
                None => rows.push((format!("{}{scope}", b.label()), what)),
            }
        }
        rows.push((
            "in the notes panel".into(),
            "j/k move · Enter go · e edit · d delete · u undo · # tag filter",
        ));
        rows.push((
            "in the note editor".into(),
            "Ctrl-s save · Esc cancel (asks if typed) · Tab completes #tags",
        ));
        if app.mouse {
            rows.push((
                "mouse".into(),
                "wheel: scroll the pane under it · click: focus, select",
            ));
        }
        // One column when it fits; else two side by side (at 80x24 every row still shows).
        let fits = rows.len() as u16 + 2 <= area.height;
        let columns: u16 = if fits { 1 } else { 2 };
        let w = if fits {
            area.width.min(76)
        } else {
            area.width.min(150)
        };
        let per_column = rows.len().div_ceil(usize::from(columns)) as u16;
        let h = area.height.min(per_column + 2);
        let popup = Rect::new(
            area.x + (area.width - w) / 2,
            area.y + (area.height - h) / 2,
            w,
            h,
        );
        Clear.render(popup, buf);
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(app.theme.border_focused)
            .title(" Keys — any key closes ");
        let inner = block.inner(popup);
        block.render(popup, buf);
        let col_w = usize::from(inner.width / columns);
        let key_w = if fits { 28 } else { (col_w / 3).clamp(8, 24) };
        let height = usize::from(inner.height);
        for (i, (keys, what)) in rows.iter().enumerate().take(height * usize::from(columns)) {
            let (col, row) = (i / height.max(1), i % height.max(1));
            let line = format!("{} {what}", pad(&display::truncate(keys, key_w), key_w));
            let x = inner.x + (col * col_w) as u16;
            let room = col_w.saturating_sub(usize::from(!fits));
            buf.set_stringn(
                x,
                inner.y + row as u16,
                display::truncate(&line, room),
                room,
                ratatui::style::Style::new(),
            );
        }
    }
}

/// `s` padded with spaces to `w` columns.
fn pad(s: &str, w: usize) -> String {
    let n = w.saturating_sub(display::width(s));
    format!("{s}{}", " ".repeat(n))
}
