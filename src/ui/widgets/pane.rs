//! The paragraph pane: wrapped text with entities highlighted by kind, the
//! selected entity's mentions and the current mention or search hit standing out.

use crate::display::{self, cells, CellKind};
use crate::document::Span;
use crate::entities::Kind;
use crate::ui::app::{App, Focus};
use crate::ui::layout::text_area;
use crate::ui::viewport::RowContent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Borders, Widget};

/// Renders the brief's text.
pub struct ParagraphPane<'a>(pub &'a App);

impl Widget for ParagraphPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let theme = &app.theme;
        let border = if app.focus == Focus::Pane {
            theme.border_focused
        } else {
            theme.border
        };
        let mut title = format!(" {} ", display::truncate(&app.source, 40));
        let doc_title = app.doc.title(60);
        if !doc_title.is_empty() && app.doc.header_value("Title").is_some() {
            title.push_str(&format!("— {} ", display::escape_controls(&doc_title)));
        }
        if app.loading {
            title.push_str("(loading…) ");
        } else if app.extracting {
            title.push_str("(finding entities…) ");
        }
        Block::new()
            .borders(Borders::ALL)
            .border_style(border)
            .title(title)
            .title_bottom(legend(app))
            .render(area, buf);
        let text = text_area(area);
        if app.doc.is_empty() {
            buf.set_stringn(
                text.x,
                text.y,
                "(this brief has no text)",
                usize::from(text.width),
                theme.dim,
            );
            return;
        }
        let selection = app.selection_span();
        let rows = app.view.visible(&app.flow);
        let mut text_rows = rows.iter().filter_map(|r| match r {
            RowContent::Text(s) => Some(*s),
            RowContent::Blank => None,
        });
        let first = text_rows.next();
        let shown = first.map(|a| Span::new(a.start, text_rows.next_back().unwrap_or(a).end));
        // Only the notes on screen, so styling a cell looks through a handful.
        let marks: Vec<(Span, bool)> = match (&app.notes, shown) {
            (Some(set), Some(on)) => set
                .marks()
                .filter(|(s, _)| s.overlaps(on) || on.contains(s.start))
                .map(|(s, e)| (s, e.needs_review()))
                .collect(),
            _ => Vec::new(),
        };
        let cursor = app
            .cursor
            .and_then(|c| app.doc.sentences().get(c))
            .map(|s| s.span);
        for (i, row) in rows.into_iter().enumerate() {
            let y = text.y + i as u16;
            if y >= text.bottom() {
                break;
            }
            if let RowContent::Text(span) = row {
                draw_line(app, selection, &marks, span, (text.x, y, text.width), buf);
                let noted = marks
                    .iter()
                    .find(|(m, _)| m.overlaps(span) || (span.is_empty() && m.contains(span.start)));
                if let Some((_, review)) = noted {
                    let style = if *review {
                        theme.margin.patch(theme.review)
                    } else {
                        theme.margin.patch(theme.annotation)
                    };
                    buf.set_stringn(area.x + 2, y, if *review { "?" } else { "¶" }, 1, style);
                }
                if cursor.is_some_and(|c| {
                    c.overlaps(span) || (span.is_empty() && c.contains(span.start))
                }) {
                    buf.set_stringn(area.x + 1, y, "▎", 1, theme.margin);
                }
            }
        }
    }
}

fn legend(app: &App) -> Line<'static> {
    let mut spans = vec![TextSpan::raw(" ")];
    for k in Kind::ALL {
        spans.push(TextSpan::styled(
            format!("■ {}", k.name()),
            app.theme.kind(k),
        ));
        spans.push(TextSpan::raw("  "));
    }
    Line::from(spans)
}

/// Draws one screen line at `(x, y, width)`: the cells of `span`, styled by what covers each byte.
fn draw_line(
    app: &App,
    selection: Option<Span>,
    marks: &[(Span, bool)],
    span: Span,
    (x0, y, width): (u16, u16, u16),
    buf: &mut Buffer,
) {
    let text = app.doc.text();
    let right = x0 + width;
    let mut x = x0;
    let mut col = 0usize;
    for cell in cells(text, span.start, span.end) {
        if cell.kind == CellKind::Newline {
            continue;
        }
        let w = cell.width_at(col);
        if x + w as u16 > right {
            break;
        }
        let style = style_at(app, selection, marks, cell.byte);
        if cell.kind == CellKind::Tab {
            buf.set_stringn(x, y, " ".repeat(w), w, style);
        } else {
            let marker = cell.kind == CellKind::Marker;
            let style = if marker {
                style.patch(app.theme.notice)
            } else {
                style
            };
            buf.set_stringn(x, y, &cell.text, w, style);
        }
        x += w as u16;
        col += w;
    }
}

/// The style of the text at byte `pos`.
fn style_at(app: &App, selection: Option<Span>, marks: &[(Span, bool)], pos: usize) -> Style {
    let mut style = Style::default();
    if let Some(m) = app.entities.mention_at(pos) {
        let mention = app.entities.mentions[m];
        style = app.theme.kind(app.kind_of(mention.entity));
        if app.selected == Some(mention.entity) {
            style = style.patch(app.theme.selected);
        }
        if app.mention == Some(m) {
            style = style.patch(app.theme.current);
        }
    }
    if let Some((_, review)) = marks.iter().find(|(s, _)| s.contains(pos)) {
        style = style.patch(app.theme.annotation);
        if *review {
            style = style.patch(app.theme.review);
        }
    }
    if selection.is_some_and(|s| s.contains(pos)) {
        style = style.patch(app.theme.selection);
    }
    let hits = &app.search.hits;
    let i = hits.partition_point(|h| h.end <= pos);
    if hits.get(i).is_some_and(|h| h.contains(pos)) {
        style = style.patch(if app.search.current == Some(i) {
            app.theme.current_hit
        } else {
            app.theme.hit
        });
    }
    style
}
