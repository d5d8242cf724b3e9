//! The `?` overlay: every binding of the live keymap with what it does.

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
            "j/k · Enter go · e edit · d delete · u undo · # tag · c confirm · r move",
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
        // One column when it fits, else two side by side (more keys than rows).
        let fit = usize::from(area.height.saturating_sub(2)).max(1);
        let columns = if rows.len() > fit { 2 } else { 1 };
        let per_column = rows.len().div_ceil(columns);
        let col_width: u16 = 76.min(area.width.saturating_sub(2) / columns as u16);
        let w = area.width.min(col_width * columns as u16 + 2);
        let h = area.height.min(per_column as u16 + 2);
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
        let cw = usize::from(inner.width) / columns;
        for (i, (keys, what)) in rows.iter().enumerate() {
            let (col, row) = (i / per_column, i % per_column);
            if row >= usize::from(inner.height) {
                continue;
            }
            let line = format!("{keys:<20} {what}");
            buf.set_stringn(
                inner.x + (col * cw) as u16,
                inner.y + row as u16,
                line,
                cw.saturating_sub(1),
                ratatui::style::Style::new(),
            );
        }
    }
}
