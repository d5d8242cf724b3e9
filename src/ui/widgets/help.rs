//! The `?` overlay: the lines of [`crate::ui::help`] in a scrolling popup with
//! its position and a scroll bar. Drawing only reads the scroll it is given.

use super::Put;
use crate::ui::action::Action;
use crate::ui::help::{description_width, inner, lines, popup, Help, HelpScroll, KEYS_WIDTH};
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{
    Block, Borders, Clear, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

/// Renders a view's help centred in `area`, scrolled to `scroll`.
pub struct HelpOverlay<'a> {
    pub help: Help<'a>,
    pub theme: &'a Theme,
    pub scroll: HelpScroll,
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let popup = popup(&self.help, area);
        let inner = inner(popup);
        let width = usize::from(inner.width);
        let lines = lines(&self.help, width);
        let page = usize::from(inner.height);
        let top = self.scroll.top.min(lines.len().saturating_sub(page));
        let shown = lines.len().min(top + page);
        let close = format!(
            "{}, {}, Esc close",
            self.help.hint(&Action::ToggleHelp),
            self.help.hint(&Action::Quit)
        );
        let place = if lines.len() > page {
            format!(
                " {}–{shown} of {} · {}/{} {}/{} scroll · {close} ",
                top + 1,
                lines.len(),
                self.help.hint(&Action::MoveDown),
                self.help.hint(&Action::MoveUp),
                self.help.hint(&Action::PageDown),
                self.help.hint(&Action::PageUp),
            )
        } else {
            format!(" {close} ")
        };
        Clear.render(popup, buf);
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(theme.border_focused)
            .title(" Keys ")
            .title_bottom(Line::from(place).right_aligned());
        block.render(popup, buf);
        for (i, line) in lines[top..shown].iter().enumerate() {
            let y = inner.y + i as u16;
            if line.heading {
                buf.put(inner.x, y, &line.keys, width, theme.heading);
                continue;
            }
            buf.put(inner.x, y, &line.keys, width, Style::new());
            let x = inner.x + (KEYS_WIDTH + 1) as u16;
            buf.put(x, y, &line.what, description_width(width), Style::new());
        }
        if lines.len() > page {
            let mut state = ScrollbarState::new(lines.len().saturating_sub(page)).position(top);
            Scrollbar::new(ScrollbarOrientation::VerticalRight).render(
                popup.inner(ratatui::layout::Margin::new(0, 1)),
                buf,
                &mut state,
            );
        }
    }
}
