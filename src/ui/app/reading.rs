//! The reading cursor and the selection: by sentence, paragraph and word,
//! always on grapheme boundaries (the motions live in `ui::cursor`).

use super::*;

impl App {
    /// The cursor's sentence, placing the cursor on the first sentence on screen if it has none.
    pub(super) fn cursor_sentence(&mut self) -> Option<usize> {
        if self.cursor.is_none() {
            self.cursor =
                self.doc
                    .sentence_at(self.top_byte())
                    .or((!self.doc.sentences().is_empty()).then_some(0));
            if let Some(s) = self.cursor {
                // The sentence holding the top may start above the screen: take the next one then.
                let start = self.doc.sentences()[s].span.start;
                if start < self.top_byte() && s + 1 < self.doc.sentences().len() {
                    self.cursor = Some(s + 1);
                }
            }
        }
        self.cursor
    }

    /// Moves the cursor with `to` (from sentence index to sentence index); a selection's
    /// head follows to the sentence's end (or start, when before the anchor).
    pub(super) fn move_cursor(&mut self, to: impl FnOnce(&App, usize) -> usize) {
        let had = self.cursor.is_some();
        let Some(s) = self.cursor_sentence() else {
            return;
        };
        let next = if had { to(self, s) } else { s };
        self.cursor = Some(next);
        let span = self.doc.sentences()[next].span;
        if let Some(sel) = &mut self.selection {
            sel.head = if span.start >= sel.anchor {
                span.end
            } else {
                span.start
            };
        }
        self.view.reveal(&self.flow, span.start);
    }

    pub(super) fn toggle_selection(&mut self) {
        if self.selection.take().is_some() {
            return;
        }
        if let Some(s) = self.cursor_sentence() {
            let span = self.doc.sentences()[s].span;
            self.selection = Some(Selection {
                anchor: span.start,
                head: span.end,
            });
        }
    }

    pub(super) fn select_paragraph(&mut self) {
        if let Some(s) = self.cursor_sentence() {
            let p = self.doc.paragraphs()[self.doc.sentences()[s].paragraph].span;
            self.selection = Some(Selection {
                anchor: p.start,
                head: p.end,
            });
        }
    }

    /// Moves the selection's head by a word motion, starting a selection at the cursor if needed.
    pub(super) fn move_head(&mut self, motion: fn(&Document, usize) -> usize) {
        if self.selection.is_none() {
            let Some(s) = self.cursor_sentence() else {
                return;
            };
            let start = self.doc.sentences()[s].span.start;
            self.selection = Some(Selection {
                anchor: start,
                head: start,
            });
        }
        if let Some(sel) = &mut self.selection {
            sel.head = motion(&self.doc, sel.head);
            let head = sel.head;
            self.cursor = self.doc.sentence_at(head.saturating_sub(1)).or(self.cursor);
            self.view.reveal(&self.flow, head.saturating_sub(1));
        }
    }

    /// The selected span, if any.
    pub fn selection_span(&self) -> Option<Span> {
        self.selection
            .map(|s| s.span(self.doc.text()))
            .filter(|s| !s.is_empty())
    }
}
