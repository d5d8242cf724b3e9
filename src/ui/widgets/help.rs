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
        if app.mouse {
            rows.push((
                "mouse".into(),
                "wheel: scroll the pane under it · click: focus, select",
            ));
        }
        let w = area.width.min(76);
        let h = area.height.min(rows.len() as u16 + 4);
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
        let width = usize::from(inner.width);
        for (i, (keys, what)) in rows.iter().enumerate().take(usize::from(inner.height)) {
            let line = format!("{keys:<28} {what}");
            buf.set_stringn(
                inner.x,
                inner.y + i as u16,
                line,
                width,
                ratatui::style::Style::new(),
            );
        }
    }
}
