//! The annotation overlays: the note editor and the annotations panel. Both
//! draw from `App::notes` and change nothing; every string from the brief or a
//! note goes through `display` so no control reaches the terminal.

use super::Put;
use crate::display;
use crate::ui::action::Action;
use crate::ui::app::App;
use crate::ui::editor::EditOp;
use crate::ui::keymap::Context;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// The note editor, in the lower part of `area`.
pub struct EditorOverlay<'a>(pub &'a App);

/// The annotations panel, over the middle of `area`.
pub struct NotesPanel<'a>(pub &'a App);

/// A box of `w`x`h` inside `area`, centred horizontally, `top` rows from its top.
fn boxed(area: Rect, w: u16, h: u16, top: u16) -> Rect {
    let w = w.min(area.width);
    let h = h
        .min(area.height.saturating_sub(top))
        .max(3.min(area.height));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + top.min(area.height.saturating_sub(h)),
        w,
        h,
    )
}

/// `s` on one line: controls shown as markers, newlines as ⏎, cut to `width` columns.
fn one_line(s: &str, width: usize) -> String {
    let flat: String = s.chars().map(|c| if c == '\n' { '⏎' } else { c }).collect();
    display::truncate(&display::escape_controls(&flat), width)
}

impl Widget for EditorOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let Some(ed) = &app.notes.editor else {
            return;
        };
        let theme = &app.theme;
        let h = 12.min(area.height);
        let popup = boxed(
            area,
            area.width.saturating_sub(4).min(100),
            h,
            area.height.saturating_sub(h + 1),
        );
        Clear.render(popup, buf);
        let key = |a: Action| app.key_hint_in(Context::Editor, a);
        let title = if ed.confirm_discard {
            format!(
                " Discard this note? {}: discard · {}: keep writing ",
                key(Action::EditorDiscard(true)),
                key(Action::EditorDiscard(false))
            )
        } else {
            format!(
                " Note — {} save · {} cancel · {} completes #tags ",
                key(Action::EditorSave),
                key(Action::EditorCancel),
                key(Action::Edit(EditOp::Complete))
            )
        };
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(if ed.confirm_discard {
                theme.notice
            } else {
                theme.border_focused
            })
            .title(title);
        let inner = block.inner(popup);
        block.render(popup, buf);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let width = usize::from(inner.width);
        let quote = format!("“{}”", ed.quote.trim());
        buf.put(inner.x, inner.y, one_line(&quote, width), width, theme.dim);
        // The text, one row per line, scrolled so the cursor's line shows.
        let text = &ed.editor.text;
        let cursor = ed.editor.cursor.min(text.len());
        let lines: Vec<(usize, &str)> = line_starts(text);
        let cur_line = lines
            .iter()
            .rposition(|&(start, _)| start <= cursor)
            .unwrap_or(0);
        let rows = usize::from(inner.height.saturating_sub(2));
        let first = cur_line.saturating_sub(rows.saturating_sub(1));
        for (r, &(start, line)) in lines.iter().enumerate().skip(first).take(rows) {
            let y = inner.y + 1 + (r - first) as u16;
            let mut x = inner.x;
            let right = inner.x + inner.width;
            for cell in display::cells(text, start, start + line.len()) {
                let w = cell.width_at(usize::from(x - inner.x)) as u16;
                if x + w > right {
                    break;
                }
                let mut style = Style::new();
                if cell.byte == cursor {
                    style = style.add_modifier(Modifier::REVERSED);
                }
                buf.put(x, y, cell.text.as_ref(), usize::from(w), style);
                x += w;
            }
            if r == cur_line && cursor == start + line.len() && x < right {
                buf.put(x, y, " ", 1, Style::new().add_modifier(Modifier::REVERSED));
            }
        }
        let tags = app
            .notes
            .set
            .as_ref()
            .map(|s| s.tag_names())
            .unwrap_or_default();
        let hint = match ed.editor.completions(&tags) {
            c if !c.is_empty() => format!("tags: #{}", c.join(" #")),
            _ => "#words become tags; Enter starts a new line".to_string(),
        };
        buf.put(
            inner.x,
            inner.y + inner.height - 1,
            one_line(&hint, width),
            width,
            theme.dim,
        );
    }
}

/// Byte offset and text of each line of `text` (an empty text has one empty line).
fn line_starts(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        out.push((start, line));
        start += line.len() + 1;
    }
    out
}

impl Widget for NotesPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let Some(panel) = &app.notes.panel else {
            return;
        };
        let theme = &app.theme;
        let shown = app.notes.shown();
        let total = app.notes.set.as_ref().map_or(0, |s| s.len());
        let popup = boxed(
            area,
            area.width.saturating_sub(6).min(110),
            area.height.saturating_sub(4),
            1,
        );
        Clear.render(popup, buf);
        let filter = if panel.typing || !panel.filter.is_empty() {
            format!(
                " · tag: #{}{}",
                panel.filter.trim_start_matches('#'),
                if panel.typing { "▏" } else { "" }
            )
        } else {
            String::new()
        };
        let title = format!(
            " Notes ({} of {total}){} ",
            shown.len(),
            display::escape_controls(&filter)
        );
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(theme.border_focused)
            .title(title);
        let inner = block.inner(popup);
        block.render(popup, buf);
        if inner.height < 2 || inner.width == 0 {
            return;
        }
        let width = usize::from(inner.width);
        let key = |a: Action| app.key_hint_in(Context::Notes, a);
        let help = format!(
            "{}/{} move · {} go · {} edit · {} delete · {} undo · {} tag filter · {} confirm · {} move to selection · {} close",
            key(Action::MoveDown),
            key(Action::MoveUp),
            key(Action::NoteOpen),
            key(Action::NoteEdit),
            key(Action::NoteDelete),
            key(Action::NoteUndo),
            key(Action::NoteFilter),
            key(Action::NoteConfirm),
            key(Action::NoteMove),
            key(Action::ToggleNotes),
        );
        buf.put(
            inner.x,
            inner.y + inner.height - 1,
            one_line(&help, width),
            width,
            theme.dim,
        );
        if let Some(why) = app.notes.set.as_ref().and_then(|s| s.read_only()) {
            let msg = format!("read-only: {why}");
            buf.put(
                inner.x,
                inner.y + inner.height - 2,
                one_line(&msg, width),
                width,
                theme.notice,
            );
        }
        let rows = usize::from(inner.height.saturating_sub(2)) / 2;
        if shown.is_empty() {
            let msg = if total == 0 {
                format!(
                    "no notes yet: select a passage ({}, {}, {}) and press {}",
                    app.key_hint(Action::StartSelection),
                    app.key_hint(Action::WordForward),
                    app.key_hint(Action::SelectParagraph),
                    app.key_hint(Action::Annotate)
                )
            } else {
                "no note carries that tag".to_string()
            };
            buf.put(inner.x, inner.y, msg, width, theme.dim);
            return;
        }
        let first = panel.cursor.saturating_sub(rows.saturating_sub(1));
        for (i, e) in shown.iter().enumerate().skip(first).take(rows) {
            let y = inner.y + 2 * (i - first) as u16;
            let selected = i == panel.cursor;
            let mark = if e.is_orphan() {
                "✗ orphan"
            } else if e.needs_review() {
                "? review"
            } else {
                "●"
            };
            // Tags the first line does not already show.
            let first = e.first_line();
            let lower = first.to_lowercase();
            let tags: String = e
                .annotation
                .tags
                .iter()
                .filter(|t| !lower.contains(&format!("#{}", t.to_lowercase())))
                .map(|t| format!(" #{t}"))
                .collect();
            let head = format!("{mark} {first}{tags}");
            let quote = format!("   “{}”", e.annotation.target.quote.exact.trim());
            let style = if selected { theme.cursor } else { Style::new() };
            buf.put(inner.x, y, one_line(&head, width), width, style);
            buf.put(inner.x, y + 1, one_line(&quote, width), width, theme.dim);
        }
    }
}
