//! The paragraph pane: wrapped text with entities highlighted by kind, the
//! selected entity's mentions and the current mention or search hit standing out.

use super::border::Bordered;
use super::Put;
use crate::display::{self, cells, CellKind};
use crate::document::Span;
use crate::entities::Kind;
use crate::ui::app::{App, Focus};
use crate::ui::layout::text_area;
use crate::ui::viewport::RowContent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Widget;

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
        if app.showing_tail() {
            title.push_str("(the file's end; loading the rest…) ");
        } else if app.loading {
            title.push_str("(loading…) ");
        } else if app.extracting {
            title.push_str("(finding entities…) ");
        }
        Bordered::new(border, title)
            .bottom(legend(app))
            .render(area, buf);
        let text = text_area(area);
        if app.doc.is_empty() {
            buf.put(
                text.x,
                text.y,
                "(this brief has no text)",
                usize::from(text.width),
                theme.dim,
            );
            return;
        }
        draw_rows(app, area, &app.view.visible(&app.flow), 0..usize::MAX, buf);
    }
}

/// Draws rows `which` of the text (`rows` being what the view shows, from
/// the text's top row) in the pane laid out at `area`: the text with its
/// styles and the margin's marks. The rest of the pane is left as it is, so
/// a frame drawn from the last one after a scroll renders only its new rows.
pub fn draw_rows(
    app: &App,
    area: Rect,
    rows: &[RowContent],
    which: std::ops::Range<usize>,
    buf: &mut Buffer,
) {
    let theme = &app.theme;
    let text = text_area(area);
    let selection = app.selection_span();
    let cursor = app.cursor.and_then(|c| app.sentence_span_now(c));
    let end = which.end.min(rows.len()).min(usize::from(text.height));
    for (i, row) in rows.iter().enumerate().take(end).skip(which.start) {
        let y = text.y + i as u16;
        if let &RowContent::Text(span) = row {
            let notes = draw_line(app, selection, span, (text.x, y, text.width), buf);
            if cursor
                .is_some_and(|c| c.overlaps(span) || (span.is_empty() && c.contains(span.start)))
            {
                buf.put(area.x + 1, y, "▎", 1, theme.margin);
            }
            // A moved note is marked "?", as the panel lists it ("? review").
            let mark = notes.map(|review| {
                if review {
                    ("?", theme.notice)
                } else {
                    ("✎", theme.margin)
                }
            });
            if let Some((glyph, style)) = mark {
                buf.put(area.x + 2, y, glyph, 1, style);
            }
        }
    }
}

/// The kinds' marks and names on the pane's bottom border, each in its kind's
/// style and with only its kind's modifiers: the border's own (bold when
/// focused) would make bold, bold italic and italic look alike without colour.
fn legend(app: &App) -> Line<'static> {
    let mut spans = vec![TextSpan::raw(" ")];
    for k in Kind::ALL {
        let style = app.theme.kind(k);
        let own = style.remove_modifier(Modifier::all().difference(style.add_modifier));
        spans.push(TextSpan::styled(format!("■ {}", k.name()), own));
        spans.push(TextSpan::raw("  "));
    }
    Line::from(spans)
}

/// Draws one screen line at `(x, y, width)`: the cells of `span`, styled by
/// what covers each byte. Returns whether a note covers part of the line
/// (`Some(true)` when one of them awaits review), for the margin.
fn draw_line(
    app: &App,
    selection: Option<Span>,
    span: Span,
    (x0, y, width): (u16, u16, u16),
    buf: &mut Buffer,
) -> Option<bool> {
    let text = app.doc.text();
    let right = x0 + width;
    let mut x = x0;
    let mut col = 0usize;
    let mut styler = Styler::new(app, selection, span);
    // The style holds until `until`: most cells take it without asking again.
    let (mut style, mut until) = (Style::default(), span.start);
    let row = buf.index_of(x0, y);
    for cell in cells(text, span.start, span.end) {
        if cell.kind == CellKind::Newline {
            continue;
        }
        let w = cell.width_at(col);
        if x + w as u16 > right {
            break;
        }
        if cell.byte >= until {
            (style, until) = styler.at(cell.byte);
        }
        match cell.kind {
            CellKind::Tab => {
                buf.put(x, y, " ".repeat(w), w, style);
            }
            CellKind::Marker => {
                buf.put(x, y, &cell.text, w, style.patch(app.theme.notice));
            }
            // One column: set the cell directly, without re-segmenting its text.
            _ if w == 1 => {
                buf.content[row + usize::from(x - x0)]
                    .set_symbol(&cell.text)
                    .set_style(style);
            }
            _ => {
                buf.put(x, y, &cell.text, w, style);
            }
        }
        x += w as u16;
        col += w;
    }
    let notes = &styler.notes;
    (!notes.is_empty()).then(|| notes.iter().any(|&(_, review)| review))
}

/// Styles along one line: the mentions, search hits and annotated passages
/// that overlap it are found once, then walked in step with the cells.
struct Styler<'a> {
    app: &'a App,
    selection: Option<Span>,
    /// The word the reading cursor is on.
    point: Option<Span>,
    mentions: std::ops::Range<usize>,
    hit: usize,
    /// Annotated passages on the line, and whether each awaits review.
    notes: Vec<(Span, bool)>,
}

impl<'a> Styler<'a> {
    fn new(app: &'a App, selection: Option<Span>, line: Span) -> Styler<'a> {
        Styler {
            app,
            selection,
            point: app.point_word().filter(|w| w.overlaps(line)),
            mentions: app.entities.mentions_in(line),
            hit: app.search.hits.partition_point(|h| h.end <= line.start),
            notes: app.notes.set.as_ref().map_or_else(Vec::new, |set| {
                set.marks()
                    .filter(|(s, _)| s.overlaps(line))
                    .map(|(s, e)| (s, e.needs_review()))
                    .collect()
            }),
        }
    }

    /// The style at byte `pos`, and the byte before which it holds (where a
    /// mention, hit, note, selection or the cursor's word begins or ends);
    /// positions must come in increasing order.
    fn at(&mut self, pos: usize) -> (Style, usize) {
        let app = self.app;
        let mut until = usize::MAX;
        // The next bound of `span` after `pos`, for a span that covers `pos` or lies ahead.
        let mut bound = |span: Span| {
            if span.start > pos {
                until = until.min(span.start);
            } else if span.end > pos {
                until = until.min(span.end);
            }
        };
        let ms = app.entities.mentions();
        while self.mentions.start < self.mentions.end && ms[self.mentions.start].span().end <= pos {
            self.mentions.start += 1;
        }
        let mut style = Style::default();
        let mut current = false;
        let m = self.mentions.start;
        if m < self.mentions.end {
            bound(ms[m].span());
        }
        if m < self.mentions.end && ms[m].span().contains(pos) {
            let mention = ms[m];
            style = app.theme.kind(app.kind_of(mention.entity()));
            if app.selected == Some(mention.entity()) {
                style = style.patch(app.theme.selected);
            }
            if app.mention == Some(m) {
                style = style.patch(app.theme.current);
                current = true;
            }
        }
        for &(s, _) in &self.notes {
            bound(s);
        }
        if let Some((_, review)) = self.notes.iter().find(|(s, _)| s.contains(pos)) {
            style = style.patch(app.theme.annotation);
            if *review {
                // Moved by a weaker clue: underlined as well, so it reads as "check me".
                style = style.add_modifier(ratatui::style::Modifier::UNDERLINED);
            }
        }
        if let Some(s) = self.selection {
            bound(s);
            if s.contains(pos) {
                style = style.patch(app.theme.selection);
            }
        }
        let hits = &app.search.hits;
        while hits.get(self.hit).is_some_and(|h| h.end <= pos) {
            self.hit += 1;
        }
        if let Some(&h) = hits.get(self.hit) {
            bound(h);
            if h.contains(pos) {
                let now = app.search.current == Some(self.hit);
                current |= now;
                style = style.patch(if now {
                    app.theme.current_hit
                } else {
                    app.theme.hit
                });
            }
        }
        // The cursor's word, unless the current mention or hit already marks the spot.
        if let Some(w) = self.point {
            bound(w);
            if !current && w.contains(pos) {
                style = style.patch(app.theme.cursor);
            }
        }
        (style, until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::ui::cursor::Selection;
    use std::sync::Arc;

    #[test]
    fn a_style_holds_until_the_bound_it_names() {
        let text = "President Kassym-Jomart Tokayev of Kazakhstan met Gazprom officials in \
                    Astana on Monday; Tokayev said Kazakhstan and Gazprom agreed.";
        let mut app = App::with_extraction(Arc::new(Document::from_text(text)), "t".into());
        assert!(app.entities.mentions().len() >= 4);
        let line = Span::new(0, text.len());
        let find = |w: &str, from: usize| {
            let s = from + text[from..].find(w).unwrap();
            Span::new(s, s + w.len())
        };
        app.selected = app.entities.mentions().first().map(|m| m.entity());
        app.mention = Some(1);
        app.search.hits = vec![find("in Ast", 0), find("said", 0), find("Gazprom", 60)];
        app.search.current = Some(1);
        for (selection, point) in [
            (None, Some(find("officials", 0).start + 2)),
            (
                Some(Selection {
                    anchor: 20,
                    head: 70,
                }),
                None,
            ),
            (None, None),
        ] {
            app.selection = selection;
            app.point = point;
            let sel = app.selection_span();
            // Asked at every byte, and asked only where the last answer said it may change.
            let mut each = Styler::new(&app, sel, line);
            let every: Vec<Style> = (0..text.len()).map(|p| each.at(p).0).collect();
            let mut runs = Styler::new(&app, sel, line);
            let (mut style, mut until) = (Style::default(), 0);
            for (p, want) in every.iter().enumerate() {
                if p >= until {
                    (style, until) = runs.at(p);
                    assert!(until > p, "bound {until} at {p}");
                }
                assert_eq!(style, *want, "byte {p} ({selection:?}, {point:?})");
            }
            assert!(every.iter().any(|s| *s != Style::default()));
        }
    }
}
