//! The reading cursor and the selection. The cursor is a position in the text
//! (the point, on a word) and the sentence holding it; every movement of the
//! view leaves it on screen, and every jump (a search hit, a mention, an event,
//! a note) puts it on the target, so `v`, `a` and `+` act on what the reader
//! sees. Motions by sentence, paragraph and word live in `ui::cursor`.

use super::*;

impl App {
    /// Whether the reading cursor can work now: the sentences are at hand, or
    /// nobody else is splitting them (extraction is over, or was lost). While a
    /// big file's whole text is split on the extraction thread the cursor waits
    /// (it stays where it was; `v`, `a` and the sentence motions do nothing)
    /// and keys are answered at once.
    pub(crate) fn sentences_ready(&self) -> bool {
        !self.extracting || self.doc.sentences_ready()
    }

    /// Sentence `s`'s span, when the sentences are at hand ([`App::sentences_ready`]).
    pub(crate) fn sentence_span_now(&self, s: usize) -> Option<Span> {
        self.sentences_ready()
            .then(|| self.doc.sentences().get(s).map(|x| x.span()))
            .flatten()
    }

    /// The sentence holding byte `pos`, when the sentences are at hand.
    pub(crate) fn sentence_at_now(&self, pos: usize) -> Option<usize> {
        self.sentences_ready()
            .then(|| self.doc.sentence_at(pos))
            .flatten()
    }

    /// The cursor's sentence, placing the cursor on the first sentence on screen if it has none.
    pub(super) fn cursor_sentence(&mut self) -> Option<usize> {
        if !self.sentences_ready() {
            self.notice = Some(
                "the reading cursor is back once the whole file is split into sentences \
                 (finding entities…)"
                    .into(),
            );
            return None;
        }
        if self.cursor.is_none() {
            let top = self.top_byte();
            let sentences = self.doc.sentences();
            let mut s = self
                .doc
                .sentence_at(top)
                .or((!sentences.is_empty()).then_some(0))?;
            // The sentence holding the top may start above the screen: take the next one then.
            if sentences[s].span().start < top && s + 1 < sentences.len() {
                s += 1;
            }
            self.cursor_to_sentence(s);
        }
        self.cursor
    }

    /// The cursor on sentence `s`, the point at its start.
    fn cursor_to_sentence(&mut self, s: usize) {
        self.cursor = Some(s);
        self.point = self.doc.sentences().get(s).map(|x| x.span().start);
    }

    /// Puts the cursor at byte `pos` (a jump's target): the point there, the
    /// cursor on the sentence holding it.
    pub(super) fn place_cursor(&mut self, pos: usize) {
        if !self.sentences_ready() {
            // The sentence is not known yet: no cursor rather than a wait.
            self.cursor = None;
            self.point = None;
            return;
        }
        let sentences = self.doc.sentences();
        let Some(s) = self
            .doc
            .sentence_at(pos)
            .or((!sentences.is_empty()).then_some(0))
        else {
            return;
        };
        self.cursor = Some(s);
        self.point = Some(pos.min(self.doc.text().len()));
    }

    /// After the view moved without the cursor (scrolling, paging, `g`/`G`, a
    /// resize): a cursor left off screen comes onto it, at the first sentence
    /// starting on screen (the last one when it was below), as in vim.
    pub(super) fn keep_cursor_on_screen(&mut self) {
        let Some(s) = self.cursor.filter(|_| self.sentences_ready()) else {
            return;
        };
        let Some(sentence) = self.doc.sentences().get(s).map(|x| x.span()) else {
            self.cursor = None;
            self.point = None;
            return;
        };
        let at = self.point.unwrap_or(sentence.start);
        let (top, bottom) = (self.top_byte(), self.bottom_byte());
        if (top..bottom.max(top + 1)).contains(&at) {
            return;
        }
        let sentences = self.doc.sentences();
        let first = sentences.partition_point(|x| x.span().start < top);
        let after = sentences.partition_point(|x| x.span().start < bottom);
        let target = if first < after {
            if at < top {
                first
            } else {
                after - 1
            }
        } else {
            // One sentence fills the screen: the point goes to the screen's top.
            match self.doc.sentence_at(top) {
                Some(t) => {
                    self.cursor = Some(t);
                    self.point = Some(top);
                    return;
                }
                None => first.min(sentences.len().saturating_sub(1)),
            }
        };
        self.cursor_to_sentence(target);
    }

    /// Byte offset just past the last text on screen.
    pub fn bottom_byte(&self) -> usize {
        self.view
            .visible(&self.flow)
            .into_iter()
            .rev()
            .find_map(|r| match r {
                RowContent::Text(span) => Some(span.end),
                RowContent::Blank => None,
            })
            .unwrap_or_else(|| self.top_byte())
    }

    /// Moves the cursor with `to` (from sentence index to sentence index); a selection's
    /// head follows to the sentence's end (or start, when before the anchor).
    pub(super) fn move_cursor(&mut self, to: impl FnOnce(&App, usize) -> usize) {
        let had = self.cursor.is_some();
        let Some(s) = self.cursor_sentence() else {
            return;
        };
        let next = if had { to(self, s) } else { s };
        self.cursor_to_sentence(next);
        let span = self.doc.sentences()[next].span();
        if let Some(sel) = &mut self.selection {
            sel.head = if span.start >= sel.anchor {
                span.end
            } else {
                span.start
            };
        }
        self.view.reveal(&self.flow, span.start);
    }

    /// `v`: selects the word at the point, or the search hit or mention there,
    /// so a name anywhere in a sentence can be selected; `w`/`e`/`b` and the
    /// sentence motions extend it. Again: stop selecting.
    pub(super) fn toggle_selection(&mut self) {
        if self.selection.take().is_some() {
            return;
        }
        if self.cursor_sentence().is_none() {
            return;
        }
        let at = self.point.unwrap_or(0);
        let span = self.unit_at(at);
        self.selection = Some(Selection {
            anchor: span.start,
            head: span.end,
        });
    }

    /// What `v` takes at byte `at`: the current search hit or a mention
    /// covering it, else the word there (or the next word).
    fn unit_at(&self, at: usize) -> Span {
        let hit = self
            .search
            .current
            .and_then(|i| self.search.hits.get(i))
            .filter(|h| h.contains(at));
        if let Some(&h) = hit {
            return h;
        }
        if let Some(m) = self.entities.mention_at(at) {
            return self.entities.mentions()[m].span();
        }
        cursor::word_at(&self.doc, at).unwrap_or_else(|| {
            let start = cursor::word_forward(&self.doc, at);
            Span::new(start, cursor::word_end(&self.doc, start))
        })
    }

    pub(super) fn select_paragraph(&mut self) {
        if let Some(s) = self.cursor_sentence() {
            let p = self.doc.paragraphs()[self.doc.paragraph_of(s)].span();
            self.selection = Some(Selection {
                anchor: p.start,
                head: p.end,
            });
        }
    }

    /// A word motion: moves the point when nothing is selected (`e` to a
    /// word's last character, as in vim), else the selection's head.
    pub(super) fn move_head(&mut self, motion: cursor::WordMotion) {
        let Some(sel) = &mut self.selection else {
            if self.cursor_sentence().is_none() {
                return;
            }
            let from = self.point.unwrap_or(0);
            let to = motion.point(&self.doc, from);
            self.place_cursor(to);
            self.view.reveal(&self.flow, to);
            return;
        };
        sel.head = motion.head(&self.doc, sel.head);
        let head = sel.head;
        self.cursor = self.sentence_at_now(head.saturating_sub(1)).or(self.cursor);
        self.point = Some(head);
        self.view.reveal(&self.flow, head.saturating_sub(1));
    }

    /// The selected span, if any.
    pub fn selection_span(&self) -> Option<Span> {
        self.selection
            .map(|s| s.span(self.doc.text()))
            .filter(|s| !s.is_empty())
    }

    /// The word the point is on, drawn as the cursor when nothing is selected.
    pub fn point_word(&self) -> Option<Span> {
        if self.selection.is_some() {
            return None;
        }
        cursor::word_at(&self.doc, self.point?)
    }
}
