//! Annotations in the reader: the set of this brief's notes (opened at the edge
//! once the whole file is in), the note editor, the notes panel and `]`/`[`.
//! Every change returns [`Effect::SaveAnnotations`]; nothing here touches the disk.

use super::*;
use crate::annotations::{AnnotationSet, Notice};
use crate::ui::editor::{EditOp, NoteEditor};

/// What the note editor will change when saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftTarget {
    /// A new note on this span.
    New(Span),
    /// The note with this id.
    Existing(String),
}

/// The note being written, and what it belongs to.
#[derive(Debug, Clone)]
pub struct NoteDraft {
    pub editor: NoteEditor,
    pub target: DraftTarget,
    /// The quoted passage, shown above the text.
    pub quote: String,
}

/// The annotations panel: a tag filter and a cursor over the notes it shows.
#[derive(Debug, Clone, Default)]
pub struct NotesPanel {
    pub filter: String,
    pub cursor: usize,
}

/// A key's meaning inside the annotations panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelOp {
    Down,
    Up,
    Jump,
    Edit,
    Delete,
    Undo,
    /// Start typing a tag filter.
    Filter,
    Close,
}

impl App {
    /// Installs the annotations the edge opened, with the store's notice if any.
    pub fn annotations_opened(&mut self, set: AnnotationSet, notice: Option<Notice>) {
        let review = set.needs_review().count();
        let orphans = set.orphans().count();
        self.notes = Some(set);
        self.notice = match notice {
            Some(n) => Some(n.message),
            None if orphans + review > 0 => Some(format!(
                "{orphans} orphaned and {review} moved note(s): A lists them"
            )),
            None => self.notice.take(),
        };
    }

    /// The notes shown in the panel (indices into the set's entries), filtered by tag prefix.
    pub fn panel_rows(&self) -> Vec<usize> {
        let Some(set) = &self.notes else {
            return Vec::new();
        };
        let f = self.panel.filter.trim_start_matches('#').to_lowercase();
        set.entries()
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                f.is_empty()
                    || e.annotation
                        .tags
                        .iter()
                        .any(|t| t.to_lowercase().starts_with(&f))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// "note 2/5" when the reading cursor is on the note last jumped to or written.
    pub fn note_position(&self) -> Option<String> {
        let set = self.notes.as_ref()?;
        let id = self.note.as_deref()?;
        let i = set.entries().iter().position(|e| e.id() == id)?;
        let span = set.entries()[i].span()?;
        let cur = self.doc.sentences().get(self.cursor?)?.span;
        span.overlaps(cur)
            .then(|| format!("note {}/{}", i + 1, set.len()))
    }

    /// Why the notes cannot be changed now, if they cannot.
    fn refuse_edit(&self) -> Option<String> {
        match &self.notes {
            None if self.loading => {
                Some("the brief is still loading; notes open once it is in".into())
            }
            None => Some("annotations are not open for this brief".into()),
            Some(set) => set
                .read_only()
                .map(|why| format!("notes are read-only for this brief: {why}")),
        }
    }

    /// `a`: opens the editor on the selection or the current sentence (on an
    /// annotated passage with no selection: edits its note).
    pub(super) fn annotate(&mut self) {
        if let Some(why) = self.refuse_edit() {
            self.notice = Some(why);
            return;
        }
        let span = match self.selection_span() {
            Some(s) => s,
            None => {
                let Some(s) = self.cursor_sentence() else {
                    self.notice = Some("nothing to annotate".into());
                    return;
                };
                let span = self.doc.sentences()[s].span;
                let existing = self.notes.as_ref().and_then(|set| {
                    set.marks()
                        .find(|(m, _)| m.overlaps(span))
                        .map(|(_, e)| e.id().to_string())
                });
                if let Some(id) = existing {
                    self.open_editor_on(&id);
                    return;
                }
                trimmed(self.doc.text(), span)
            }
        };
        if span.is_empty() {
            self.notice = Some("nothing to annotate".into());
            return;
        }
        self.draft = Some(NoteDraft {
            editor: NoteEditor::new(""),
            target: DraftTarget::New(span),
            quote: self.doc.slice(span).to_string(),
        });
        self.mode = Mode::Editor;
    }

    fn open_editor_on(&mut self, id: &str) {
        if let Some(why) = self.refuse_edit() {
            self.notice = Some(why);
            return;
        }
        let Some(e) = self.notes.as_ref().and_then(|s| s.get(id)) else {
            return;
        };
        self.draft = Some(NoteDraft {
            editor: NoteEditor::new(&e.annotation.note),
            target: DraftTarget::Existing(id.to_string()),
            quote: e.annotation.target.quote.exact.clone(),
        });
        self.mode = Mode::Editor;
    }

    pub(super) fn edit_draft(&mut self, op: EditOp) {
        let tags = self
            .notes
            .as_ref()
            .map(AnnotationSet::tag_names)
            .unwrap_or_default();
        if let Some(d) = &mut self.draft {
            d.editor.apply(op, &tags);
        }
    }

    /// `Ctrl-s` in the editor: adds or edits the note.
    pub(super) fn save_draft(&mut self) -> Option<Effect> {
        let draft = self.draft.take()?;
        self.mode = self.mode_after_editor();
        let set = self.notes.as_mut()?;
        let note = draft.editor.text.trim_end();
        let result = match &draft.target {
            DraftTarget::New(span) => set.add(&self.doc, *span, note),
            DraftTarget::Existing(id) => set.edit(id, note).map(|()| id.clone()),
        };
        match result {
            Ok(id) => {
                self.selection = None;
                self.note = Some(id);
                self.notice = Some("note saved".into());
                Some(Effect::SaveAnnotations)
            }
            Err(e) => {
                self.notice = Some(format!("note not saved: {e}"));
                None
            }
        }
    }

    /// `Esc` in the editor: closes it, asking first when text was typed.
    pub(super) fn cancel_draft(&mut self) {
        match &self.draft {
            Some(d) if d.editor.changed() => self.mode = Mode::Discard,
            _ => {
                self.draft = None;
                self.mode = self.mode_after_editor();
            }
        }
    }

    pub(super) fn answer_discard(&mut self, discard: bool) {
        if discard {
            self.draft = None;
            self.mode = self.mode_after_editor();
            self.notice = Some("note discarded".into());
        } else {
            self.mode = Mode::Editor;
        }
    }

    fn mode_after_editor(&self) -> Mode {
        if self.panel_open {
            Mode::Notes
        } else {
            Mode::Normal
        }
    }

    /// `]` / `[`: the next or previous annotated passage, wrapping with a notice.
    pub(super) fn step_note(&mut self, dir: isize) {
        let Some(set) = &self.notes else {
            self.notice = Some(match self.refuse_edit() {
                Some(why) if self.loading => why,
                _ => "no notes in this brief".into(),
            });
            return;
        };
        if set.marks().next().is_none() {
            self.notice = Some(if set.is_empty() {
                "no notes in this brief".into()
            } else {
                "no note is anchored in the text: A lists them".into()
            });
            return;
        }
        let here = self
            .cursor
            .and_then(|c| self.doc.sentences().get(c))
            .map(|s| s.span.start);
        let target = match (dir > 0, here) {
            (true, Some(h)) => set.next_after(h),
            (true, None) => set.next_after(self.top_byte().saturating_sub(1)),
            (false, Some(h)) => set.prev_before(h),
            (false, None) => set.prev_before(self.top_byte()),
        };
        let Some((id, span)) = target.and_then(|e| Some((e.id().to_string(), e.span()?))) else {
            return;
        };
        let wrapped = here.is_some_and(|h| {
            if dir > 0 {
                span.start <= h
            } else {
                span.start >= h
            }
        });
        self.jump_to_note(id, span);
        if wrapped {
            self.notice = Some(if dir > 0 {
                "wrapped to the first note".into()
            } else {
                "wrapped to the last note".into()
            });
        }
    }

    fn jump_to_note(&mut self, id: String, span: Span) {
        self.cursor = self.doc.sentence_at(span.start).or(self.cursor);
        self.selection = None;
        self.note = Some(id);
        self.view.reveal(&self.flow, span.start);
    }

    pub(super) fn toggle_panel(&mut self) {
        if self.panel_open {
            self.panel_open = false;
            self.mode = Mode::Normal;
        } else if self.notes.is_none() {
            self.notice = self.refuse_edit();
        } else {
            self.panel_open = true;
            self.mode = Mode::Notes;
            self.clamp_panel();
        }
    }

    fn clamp_panel(&mut self) {
        let n = self.panel_rows().len();
        self.panel.cursor = self.panel.cursor.min(n.saturating_sub(1));
    }

    /// The id of the note under the panel's cursor.
    fn panel_current(&self) -> Option<String> {
        let i = *self.panel_rows().get(self.panel.cursor)?;
        self.notes
            .as_ref()
            .and_then(|s| s.entries().get(i))
            .map(|e| e.id().to_string())
    }

    pub(super) fn panel(&mut self, op: PanelOp) -> Option<Effect> {
        let n = self.panel_rows().len();
        match op {
            PanelOp::Down => self.panel.cursor = (self.panel.cursor + 1).min(n.saturating_sub(1)),
            PanelOp::Up => self.panel.cursor = self.panel.cursor.saturating_sub(1),
            PanelOp::Close => {
                self.panel_open = false;
                self.mode = Mode::Normal;
            }
            PanelOp::Filter => self.mode = Mode::NotesFilter,
            PanelOp::Jump => {
                let id = self.panel_current()?;
                let span = self.notes.as_ref()?.get(&id)?.span();
                match span {
                    Some(span) => {
                        self.panel_open = false;
                        self.mode = Mode::Normal;
                        self.jump_to_note(id, span);
                    }
                    None => {
                        self.notice =
                            Some("this note's passage is no longer in the brief (orphaned)".into())
                    }
                }
            }
            PanelOp::Edit => {
                let id = self.panel_current()?;
                self.open_editor_on(&id);
            }
            PanelOp::Delete => {
                let id = self.panel_current()?;
                if let Some(why) = self.refuse_edit() {
                    self.notice = Some(why);
                    return None;
                }
                let result = self.notes.as_mut()?.delete(&id);
                self.clamp_panel();
                return self.changed(result, "deleted — u undoes");
            }
            PanelOp::Undo => {
                if let Some(why) = self.refuse_edit() {
                    self.notice = Some(why);
                    return None;
                }
                let set = self.notes.as_mut()?;
                if set.deleted().is_empty() && set.entries().is_empty() {
                    self.notice = Some("nothing to undo".into());
                    return None;
                }
                let result = set.undo_delete();
                if let Ok(id) = &result {
                    let id = id.clone();
                    if let Some(k) = self.panel_rows().iter().position(|&i| {
                        self.notes
                            .as_ref()
                            .and_then(|s| s.entries().get(i))
                            .is_some_and(|e| e.id() == id)
                    }) {
                        self.panel.cursor = k;
                    }
                }
                return self.changed(result.map(|_| ()), "note restored");
            }
        }
        None
    }

    fn changed<T>(
        &mut self,
        result: Result<T, crate::annotations::ChangeError>,
        ok: &str,
    ) -> Option<Effect> {
        match result {
            Ok(_) => {
                self.notice = Some(ok.into());
                Some(Effect::SaveAnnotations)
            }
            Err(e) => {
                self.notice = Some(e.to_string());
                None
            }
        }
    }

    pub(super) fn edit_panel_filter(&mut self, edit: impl FnOnce(&mut String)) {
        edit(&mut self.panel.filter);
        self.panel.cursor = 0;
    }

    /// The edge reports a failed save: the change stays in memory and the next change retries.
    pub(super) fn save_failed(&mut self, why: String) {
        self.notice = Some(why.clone());
        self.save_error = Some(why);
    }
}

/// `span` without surrounding whitespace.
fn trimmed(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    Span::new(span.start + lead, span.start + lead + s.trim().len())
}
