//! Annotations in the reader: the note editor, the annotations panel, jumps
//! between notes, and the effects that open and save the brief's store at the
//! edge. The set lives here; the disk is only touched by `ui::effects`.

use super::{App, Effect, Mode};
use crate::annotations::{AnnotationSet, Entry};
use crate::document::Span;
use crate::ui::action::Action;
use crate::ui::editor::{EditOp, NoteEditor};
use crate::ui::keymap::Context;
use crate::ui::notices::count;

/// The brief's annotations as the reader holds them.
#[derive(Debug, Clone, Default)]
pub struct Notes {
    /// `None` until the edge has opened the store (after the whole file is loaded).
    pub set: Option<AnnotationSet>,
    /// Why there are no annotations, when the store could not be opened.
    pub unavailable: Option<String>,
    /// A save is running at the edge: the set is out of the app meanwhile.
    pub saving: bool,
    /// The note being written or edited.
    pub editor: Option<Editing>,
    /// The annotations panel, when shown.
    pub panel: Option<Panel>,
    /// The id of the note last gone to, for "note 2/5".
    pub current: Option<String>,
    /// `q` was pressed once with unsaved changes.
    pub quit_warned: bool,
}

/// The editor and what its text is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editing {
    pub editor: NoteEditor,
    pub target: EditTarget,
    /// The passage's text, shown above the editor.
    pub quote: String,
    /// "Discard this note?" is being asked.
    pub confirm_discard: bool,
}

/// A new note on a passage, or an existing note by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    New(Span),
    Existing(String),
}

/// The annotations panel: a tag filter and a cursor over the notes it shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Panel {
    pub filter: String,
    /// The tag filter is being typed.
    pub typing: bool,
    pub cursor: usize,
}

impl Notes {
    /// The notes the panel shows: all, or those carrying a tag starting with the filter.
    pub fn shown(&self) -> Vec<&Entry> {
        let Some(set) = &self.set else {
            return Vec::new();
        };
        let filter = self
            .panel
            .as_ref()
            .map(|p| p.filter.trim_start_matches('#').to_lowercase())
            .unwrap_or_default();
        set.entries()
            .iter()
            .filter(|e| {
                filter.is_empty()
                    || e.annotation
                        .tags
                        .iter()
                        .any(|t| t.to_lowercase().starts_with(&filter))
            })
            .collect()
    }

    /// "note 2/5" when on a note, for the status line.
    pub fn position(&self) -> Option<String> {
        let set = self.set.as_ref()?;
        let id = self.current.as_deref()?;
        let i = set.entries().iter().position(|e| e.id() == id)?;
        Some(format!("note {}/{}", i + 1, set.len()))
    }

    /// Tags in use, for completion in the editor.
    fn tags(&self) -> Vec<String> {
        self.set.as_ref().map(|s| s.tag_names()).unwrap_or_default()
    }
}

impl App {
    /// Why the brief's notes are not open (yet), if they are not.
    fn notes_closed(&self) -> Option<String> {
        if let Some(why) = &self.notes.unavailable {
            Some(format!("annotations unavailable: {why}"))
        } else if self.loading || self.notes.set.is_none() {
            Some("notes open once the whole file is loaded".to_string())
        } else {
            None
        }
    }

    /// The set, if it can be changed now; otherwise says why in the status line.
    fn writable_notes(&mut self) -> Option<&mut AnnotationSet> {
        let why = if self.notes.saving {
            Some("saving the notes; try again in a moment".to_string())
        } else if let Some(why) = self.notes_closed() {
            Some(why)
        } else {
            self.notes
                .set
                .as_ref()
                .and_then(|s| s.read_only())
                .map(|why| format!("annotations are read-only: {why}"))
        };
        if let Some(why) = why {
            self.notice = Some(why);
            return None;
        }
        self.notes.set.as_mut()
    }

    /// `a`: opens the editor on the selection, or on the current sentence.
    pub(super) fn annotate(&mut self) {
        if self.writable_notes().is_none() {
            return;
        }
        let span = match self.selection_span() {
            Some(s) => s,
            None => match self.cursor_sentence() {
                Some(s) => self.doc.sentences()[s].span(),
                None => {
                    if self.sentences_ready() {
                        self.notice = Some("nothing to annotate".into());
                    }
                    return;
                }
            },
        };
        self.open_editor(EditTarget::New(span), "", span);
    }

    fn open_editor(&mut self, target: EditTarget, text: &str, span: Span) {
        self.notes.editor = Some(Editing {
            editor: NoteEditor::new(text),
            target,
            quote: self.doc.slice(span).to_string(),
            confirm_discard: false,
        });
        self.mode = Mode::Editor;
    }

    pub(super) fn edit_note(&mut self, op: EditOp) {
        let tags = self.notes.tags();
        if let Some(e) = &mut self.notes.editor {
            e.editor.apply(op, &tags);
        }
    }

    /// `Esc` in the editor: closes it, or asks first when text was typed.
    pub(super) fn cancel_editor(&mut self) {
        match &mut self.notes.editor {
            Some(e) if e.editor.changed() && !e.confirm_discard => e.confirm_discard = true,
            Some(e) if e.confirm_discard => e.confirm_discard = false,
            _ => self.close_editor(),
        }
    }

    pub(super) fn discard(&mut self, yes: bool) {
        if yes {
            self.close_editor();
            self.notice = Some("note discarded".into());
        } else if let Some(e) = &mut self.notes.editor {
            e.confirm_discard = false;
        }
    }

    fn close_editor(&mut self) {
        self.notes.editor = None;
        self.mode = if self.notes.panel.is_some() {
            Mode::Notes
        } else {
            Mode::Normal
        };
    }

    /// `Ctrl-s`: adds or changes the note, and asks the edge to save.
    pub(super) fn save_editor(&mut self) -> Option<Effect> {
        let editing = self.notes.editor.clone()?;
        let text = editing.editor.text.trim().to_string();
        if text.is_empty() {
            self.notice = Some(format!(
                "an empty note is not saved ({} closes the editor)",
                self.key_hint_in(Context::Editor, Action::EditorCancel)
            ));
            return None;
        }
        let doc = self.doc.clone();
        let set = self.writable_notes()?;
        let done = match &editing.target {
            EditTarget::New(span) => set.add(&doc, *span, &text),
            EditTarget::Existing(id) => set.edit(id, &text).map(|()| id.clone()),
        };
        match done {
            Ok(id) => {
                self.notes.current = Some(id);
                self.selection = None;
                self.close_editor();
                self.notice = Some("note saved".into());
                Some(Effect::SaveNotes)
            }
            Err(e) => {
                self.notice = Some(e.to_string());
                None
            }
        }
    }

    /// `]` / `[`: the next or previous note from the reading position, wrapping.
    pub(super) fn step_note(&mut self, dir: isize) {
        if let Some(why) = self.notes_closed() {
            self.notice = Some(why);
            return;
        }
        let Some(set) = &self.notes.set else {
            return;
        };
        let marked: Vec<(Span, String)> =
            set.marks().map(|(s, e)| (s, e.id().to_string())).collect();
        if marked.is_empty() {
            self.notice = Some(if set.is_empty() {
                format!(
                    "no notes in this brief ({} annotates the sentence or selection)",
                    self.key_hint(Action::Annotate)
                )
            } else {
                format!(
                    "no note is attached to the text ({} lists the orphans)",
                    self.key_hint(Action::ToggleNotes)
                )
            });
            return;
        }
        let mut order: Vec<usize> = (0..marked.len()).collect();
        order.sort_by_key(|&i| (marked[i].0.start, marked[i].0.end));
        let n = order.len();
        // Step from the current note while the reading cursor is still on it;
        // otherwise from the reading position.
        let on_note = self.notes.current.as_ref().and_then(|id| {
            let p = order.iter().position(|&i| &marked[i].1 == id)?;
            let at = self.sentence_at_now(marked[order[p]].0.start);
            (self.cursor.is_none() || self.cursor == at).then_some(p)
        });
        let (p, wrapped) = match on_note {
            Some(p) if dir > 0 && p + 1 < n => (p + 1, false),
            Some(p) if dir < 0 && p > 0 => (p - 1, false),
            Some(_) if dir > 0 => (0, true),
            Some(_) => (n - 1, true),
            None => {
                let here = self
                    .cursor
                    .and_then(|c| self.sentence_span_now(c))
                    .map(|s| s.start)
                    .unwrap_or_else(|| self.top_byte());
                let found = if dir > 0 {
                    order.iter().position(|&i| marked[i].0.start >= here)
                } else {
                    order.iter().rposition(|&i| marked[i].0.start < here)
                };
                match found {
                    Some(p) => (p, false),
                    None if dir > 0 => (0, true),
                    None => (n - 1, true),
                }
            }
        };
        let i = order[p];
        self.go_to_note(marked[i].0, marked[i].1.clone());
        if wrapped {
            self.notice = Some(if dir > 0 {
                "wrapped to the first note".into()
            } else {
                "wrapped to the last note".into()
            });
        }
    }

    /// Goes to the note `id` (from the library's list of notes), or says it is orphaned.
    pub fn show_note(&mut self, id: &str) {
        let span = self
            .notes
            .set
            .as_ref()
            .and_then(|set| set.get(id))
            .map(|e| e.span());
        match span {
            Some(Some(span)) => self.go_to_note(span, id.to_owned()),
            Some(None) => self.say("that note's passage is no longer in the brief (orphaned)"),
            None => self.say("that note is no longer in the brief's notes"),
        }
    }

    fn go_to_note(&mut self, span: Span, id: String) {
        self.go_to(span.start);
        self.notes.current = Some(id);
    }

    /// `A`: shows or hides the panel.
    pub(super) fn toggle_panel(&mut self) {
        if self.notes.panel.take().is_some() {
            self.mode = Mode::Normal;
            return;
        }
        if let Some(why) = self.notes_closed() {
            self.notice = Some(why);
            return;
        }
        self.notes.panel = Some(Panel::default());
        self.mode = Mode::Notes;
    }

    /// Moves the panel's cursor.
    pub(super) fn panel_move(&mut self, delta: isize) {
        let n = self.notes.shown().len();
        if let Some(p) = &mut self.notes.panel {
            let c = p.cursor as isize + delta;
            p.cursor = c.clamp(0, n.saturating_sub(1) as isize) as usize;
        }
    }

    /// The id and span of the note under the panel's cursor.
    fn panel_note(&self) -> Option<(String, Option<Span>, String)> {
        let cursor = self.notes.panel.as_ref()?.cursor;
        let e = *self.notes.shown().get(cursor)?;
        Some((e.id().to_string(), e.span(), e.annotation.note.clone()))
    }

    /// `Enter` in the panel: closes it and goes to the note's passage.
    pub(super) fn panel_open(&mut self) {
        match self.panel_note() {
            Some((id, Some(span), _)) => {
                self.notes.panel = None;
                self.mode = Mode::Normal;
                self.go_to_note(span, id);
            }
            Some((_, None, _)) => {
                self.notice =
                    Some("this note's passage is no longer in the brief (orphaned)".into())
            }
            None => {}
        }
    }

    /// `e` in the panel: the editor on that note's text.
    pub(super) fn panel_edit(&mut self) {
        let Some((id, span, note)) = self.panel_note() else {
            return;
        };
        if self.writable_notes().is_none() {
            return;
        }
        let span = span.unwrap_or_default();
        self.open_editor(EditTarget::Existing(id), &note, span);
    }

    /// `d` in the panel.
    pub(super) fn panel_delete(&mut self) -> Option<Effect> {
        let (id, _, _) = self.panel_note()?;
        let set = self.writable_notes()?;
        match set.delete(&id) {
            Ok(()) => {
                if self.notes.current.as_deref() == Some(id.as_str()) {
                    self.notes.current = None;
                }
                self.panel_move(0);
                self.notice = Some(format!(
                    "note deleted ({} brings it back)",
                    self.key_hint_in(Context::Notes, Action::NoteUndo)
                ));
                Some(Effect::SaveNotes)
            }
            Err(e) => {
                self.notice = Some(e.to_string());
                None
            }
        }
    }

    /// `u` in the panel.
    pub(super) fn panel_undo(&mut self) -> Option<Effect> {
        let set = self.writable_notes()?;
        match set.undo_delete() {
            Ok(id) => {
                self.notes.current = Some(id);
                self.notice = Some("note restored".into());
                Some(Effect::SaveNotes)
            }
            Err(e) => {
                self.notice = Some(e.to_string());
                None
            }
        }
    }

    /// `c` in the panel: a re-anchored note is confirmed where it now is.
    pub(super) fn panel_confirm(&mut self) -> Option<Effect> {
        let (id, span, _) = self.panel_note()?;
        if span.is_none() {
            self.notice = Some(format!(
                "an orphaned note has no passage to confirm: {} moves it to the selection",
                self.key_hint_in(Context::Notes, Action::NoteMove)
            ));
            return None;
        }
        let doc = self.doc.clone();
        let set = self.writable_notes()?;
        self.notice = Some(match set.confirm(&doc, &id) {
            Ok(()) => "note confirmed where it is".into(),
            Err(e) => e.to_string(),
        });
        Some(Effect::SaveNotes)
    }

    /// `r` in the panel: the note moves to the selection made before opening the
    /// panel (how an orphan is attached again, or a wrong re-anchoring fixed).
    pub(super) fn panel_move_note(&mut self) -> Option<Effect> {
        let (id, _, _) = self.panel_note()?;
        let Some(span) = self.selection_span() else {
            self.notice = Some(format!(
                "select the passage first ({} closes the panel, then {} and {} or {}), then {}, {}",
                self.key_hint_in(Context::Notes, Action::ToggleNotes),
                self.key_hint(Action::StartSelection),
                self.word_keys(),
                self.key_hint(Action::SelectParagraph),
                self.key_hint(Action::ToggleNotes),
                self.key_hint_in(Context::Notes, Action::NoteMove),
            ));
            return None;
        };
        let doc = self.doc.clone();
        let set = self.writable_notes()?;
        match set.retarget(&doc, &id, span) {
            Ok(()) => {
                self.selection = None;
                self.notes.current = Some(id);
                self.notice = Some("note moved to the selection".into());
                Some(Effect::SaveNotes)
            }
            Err(e) => {
                self.notice = Some(e.to_string());
                None
            }
        }
    }

    /// `#` or `/` in the panel: start typing a tag filter.
    pub(super) fn panel_filter(&mut self) {
        if let Some(p) = &mut self.notes.panel {
            p.typing = true;
            p.filter.clear();
            p.cursor = 0;
            self.mode = Mode::NotesFilter;
        }
    }

    /// Typing into the panel's filter.
    pub(super) fn panel_filter_edit(&mut self, edit: impl FnOnce(&mut String)) {
        if let Some(p) = &mut self.notes.panel {
            edit(&mut p.filter);
            p.cursor = 0;
        }
    }

    /// Leaves the filter prompt, keeping (`keep`) or clearing the filter.
    pub(super) fn panel_filter_done(&mut self, keep: bool) {
        if let Some(p) = &mut self.notes.panel {
            p.typing = false;
            if !keep {
                p.filter.clear();
            }
        }
        self.mode = Mode::Notes;
    }

    /// `q`: quits, unless note changes are still unsaved (a failed save): then
    /// it says so and retries the save; a second `q` quits anyway.
    pub(super) fn quit(&mut self) -> Option<Effect> {
        let unsaved = self.notes.set.as_ref().is_some_and(AnnotationSet::is_dirty);
        if unsaved && !self.notes.quit_warned {
            self.notes.quit_warned = true;
            self.notice = Some(format!(
                "note changes are not saved yet (retrying); {} again quits without them",
                self.key_hint(Action::Quit)
            ));
            return Some(Effect::SaveNotes);
        }
        Some(Effect::Quit)
    }

    /// The edge opened the store. A set that needs filing anew (the brief moved
    /// or changed since its notes were saved) is saved at once, so nothing shows
    /// as unsaved that the user did not change.
    pub(super) fn notes_opened(
        &mut self,
        set: AnnotationSet,
        notice: Option<String>,
    ) -> Option<Effect> {
        let n = set.len();
        let refile = set.is_dirty();
        self.notes.set = Some(set);
        self.notes.unavailable = None;
        self.notice = notice.or_else(|| {
            (n > 0).then(|| {
                format!(
                    "{} ({} and {} go through them, {} lists them)",
                    count(n, "note"),
                    self.key_hint(Action::NextNote),
                    self.key_hint(Action::PrevNote),
                    self.key_hint(Action::ToggleNotes)
                )
            })
        });
        refile.then_some(Effect::SaveNotes)
    }

    /// A save finished at the edge.
    pub(super) fn notes_saved(&mut self, set: AnnotationSet, error: Option<String>) {
        self.notes.set = Some(set);
        self.notes.saving = false;
        match error {
            Some(e) if self.notes.quit_warned => {
                let quit = self.key_hint(Action::Quit);
                self.notice = Some(format!("{e} — {quit} again quits without them"));
            }
            Some(e) => self.notice = Some(e),
            None => self.notes.quit_warned = false,
        }
    }

    /// Hands the set to the edge for saving, if it has unsaved changes.
    pub fn take_notes_for_saving(&mut self) -> Option<AnnotationSet> {
        if !self.notes.set.as_ref().is_some_and(AnnotationSet::is_dirty) {
            return None;
        }
        self.notes.saving = true;
        self.notes.set.take()
    }
}
