//! The note editor overlay: the quoted passage, the note's lines with the cursor,
//! and the `#tag` completions or key hints; the discard question when asked.

use crate::display;
use crate::ui::app::{App, DraftTarget, Mode};
use crate::ui::editor::NoteEditor;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::UnicodeWidthStr;

/// Renders the editor centred in `area`.
pub struct EditorOverlay<'a>(pub &'a App);

impl Widget for EditorOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let theme = &app.theme;
        let Some(draft) = &app.draft else {
            return;
        };
        let w = area.width.saturating_sub(4).min(76);
        let h = area.height.saturating_sub(4).min(14);
        if w < 10 || h < 5 {
            return;
        }
        let popup = Rect::new(
            area.x + (area.width - w) / 2,
            area.y + (area.height - h) / 2,
            w,
            h,
        );
        Clear.render(popup, buf);
        let title = match draft.target {
            DraftTarget::New(_) => " New note ",
            DraftTarget::Existing(_) => " Edit note ",
        };
        let bottom = if app.mode == Mode::Discard {
            " discard this note? y/n ".to_string()
        } else {
            hint(app, &draft.editor)
        };
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(theme.border_focused)
            .title(title)
            .title_bottom(display::truncate(&bottom, usize::from(w.saturating_sub(2))));
        let inner = block.inner(popup);
        block.render(popup, buf);
        let width = usize::from(inner.width);
        let quote = draft.quote.split_whitespace().collect::<Vec<_>>().join(" ");
        buf.set_stringn(
            inner.x,
            inner.y,
            display::truncate(&format!("“{quote}”"), width),
            width,
            theme.dim,
        );
        let text_top = inner.y + 2;
        let rows = usize::from(inner.bottom().saturating_sub(text_top));
        let ed = &draft.editor;
        let before = &ed.text[..ed.cursor.min(ed.text.len())];
        let cursor_line = before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let cursor_col = display::escape_controls(&before[line_start..]).width();
        let first = (cursor_line + 1).saturating_sub(rows.max(1));
        // Keep the cursor's column on screen on a long line.
        let shift = (cursor_col + 1).saturating_sub(width);
        for (k, line) in ed.text.split('\n').enumerate().skip(first).take(rows) {
            let y = text_top + (k - first) as u16;
            let shown = display::escape_controls(line);
            let shown = skip_cols(&shown, shift);
            buf.set_stringn(inner.x, y, &shown, width, ratatui::style::Style::new());
        }
        if app.mode == Mode::Editor && cursor_line >= first && cursor_line < first + rows {
            let x = inner.x + (cursor_col - shift).min(width.saturating_sub(1)) as u16;
            let y = text_top + (cursor_line - first) as u16;
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.set_style(theme.cursor);
            }
        }
    }
}

/// The key hints, or the tags Tab would complete to.
fn hint(app: &App, ed: &NoteEditor) -> String {
    let tags = app
        .notes
        .as_ref()
        .map(|s| s.tag_names())
        .unwrap_or_default();
    if ed.tag_prefix().is_some() {
        let c = ed.completions(&tags);
        if !c.is_empty() {
            let list: Vec<String> = c.iter().take(5).map(|t| format!("#{t}")).collect();
            return format!(" Tab: {} ", list.join(" "));
        }
    }
    " Ctrl-s save · Esc cancel · Enter new line · #tag, Tab completes ".into()
}

/// `s` without its first `cols` display columns.
fn skip_cols(s: &str, cols: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let mut w = 0;
    s.graphemes(true)
        .skip_while(|g| {
            let skip = w < cols;
            w += g.width();
            skip
        })
        .collect()
}
