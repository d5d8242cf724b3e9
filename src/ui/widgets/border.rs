//! The box around the reader's panes: what `Block::bordered()` with a title
//! draws, without the style it first lays over every cell of its area. The
//! panes' blocks have no style of their own, so that sweep changed nothing,
//! yet it cost an eighth of each frame.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// A plain border in `style` with a title on the top row and, optionally, one
/// on the bottom row, both at the left.
pub struct Bordered<'a> {
    pub style: Style,
    pub title: Line<'a>,
    pub bottom: Option<Line<'a>>,
}

impl<'a> Bordered<'a> {
    /// A border in `style` titled `title`.
    pub fn new(style: Style, title: impl Into<Line<'a>>) -> Self {
        Bordered {
            style,
            title: title.into(),
            bottom: None,
        }
    }

    /// With `line` as the bottom row's title.
    pub fn bottom(mut self, line: impl Into<Line<'a>>) -> Self {
        self.bottom = Some(line.into());
        self
    }

    /// The area inside the border.
    pub fn inner(area: Rect) -> Rect {
        Rect {
            x: area.x.saturating_add(1).min(area.right()),
            y: area.y.saturating_add(1).min(area.bottom()),
            width: area.width.saturating_sub(2),
            height: area.height.saturating_sub(2),
        }
    }
}

impl Widget for Bordered<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let set = border::PLAIN;
        let (left, top) = (area.left(), area.top());
        let (right, bottom) = (area.right() - 1, area.bottom() - 1);
        let mut put = |x: u16, y: u16, symbol: &str| {
            buf[(x, y)].set_symbol(symbol).set_style(self.style);
        };
        // Sides, then corners, in the order Block draws them (a 1-wide or
        // 1-high area ends with the same symbols).
        for y in top..=bottom {
            put(left, y, set.vertical_left);
        }
        for x in left..=right {
            put(x, top, set.horizontal_top);
        }
        for y in top..=bottom {
            put(right, y, set.vertical_right);
        }
        for x in left..=right {
            put(x, bottom, set.horizontal_bottom);
        }
        put(right, bottom, set.bottom_right);
        put(right, top, set.top_right);
        put(left, bottom, set.bottom_left);
        put(left, top, set.top_left);
        let titles = Rect {
            x: left + 1,
            width: area.width.saturating_sub(2),
            height: 1,
            y: top,
        };
        for (line, y) in [(Some(self.title), top), (self.bottom, bottom)] {
            let Some(line) = line else { continue };
            if titles.is_empty() {
                break;
            }
            let width = u16::try_from(line.width()).unwrap_or(u16::MAX);
            line.render(
                Rect {
                    y,
                    width: width.min(titles.width),
                    ..titles
                },
                buf,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier, Stylize};
    use ratatui::text::Span;
    use ratatui::widgets::{Block, Borders};

    /// A buffer with text and styles already in it, as a frame has under a pane.
    fn underlay(area: Rect) -> Buffer {
        let mut buf = Buffer::empty(area);
        for y in area.top()..area.bottom() {
            let style = Style::new().fg(Color::Indexed((y % 7) as u8));
            buf.set_stringn(
                area.x,
                y,
                "ébauche — コード text",
                usize::from(area.width),
                style,
            );
        }
        buf
    }

    #[test]
    fn draws_what_a_bordered_block_with_titles_draws_at_every_size() {
        let style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
        let bottom = || Line::from(vec![Span::raw(" j/k "), " move ".dim(), "·".red()]);
        for (w, h) in [
            (0, 0),
            (1, 1),
            (1, 5),
            (5, 1),
            (2, 2),
            (3, 3),
            (12, 4),
            (40, 9),
        ] {
            for title in [
                "",
                " Entities (12) ",
                " a title much longer than the box is wide ",
            ] {
                for with_bottom in [false, true] {
                    let area = Rect::new(3, 2, w, h);
                    let whole = Rect::new(0, 0, 50, 12);
                    let mut want = underlay(whole);
                    let mut block = Block::new()
                        .borders(Borders::ALL)
                        .border_style(style)
                        .title(title);
                    let mut ours = Bordered::new(style, title);
                    if with_bottom {
                        block = block.title_bottom(bottom());
                        ours = ours.bottom(bottom());
                    }
                    assert_eq!(Bordered::inner(area), block.inner(area), "{w}x{h}");
                    block.render(area, &mut want);
                    let mut got = underlay(whole);
                    ours.render(area, &mut got);
                    assert_eq!(got, want, "{w}x{h} {title:?} bottom: {with_bottom}");
                }
            }
        }
    }

    #[test]
    fn an_area_past_the_buffer_is_clipped_as_a_block_clips_it() {
        let whole = Rect::new(0, 0, 20, 6);
        let area = Rect::new(15, 3, 10, 10);
        let mut want = underlay(whole);
        Block::bordered().title(" t ").render(area, &mut want);
        let mut got = underlay(whole);
        Bordered::new(Style::new(), " t ").render(area, &mut got);
        assert_eq!(got, want);
    }
}
