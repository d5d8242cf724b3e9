//! The notes screen: every note of every brief, newest first, `#` narrowing
//! it to a tag as it is typed, `Enter` opening the brief at the note.

use super::{list_height, Cursor, LibEffect, LibraryView, Prompt, Screen, Target};
use crate::library::LibNote;
use crate::ui::action::Action;

/// The notes of every brief, newest first, maybe only those with a tag.
pub struct NotesView {
    pub notes: Vec<LibNote>,
    /// Indices into `notes` of the rows shown.
    pub shown: Vec<usize>,
    /// Only notes with this tag (without `#`); empty for all.
    pub tag: String,
    pub cursor: Cursor,
    /// The edge is still gathering them.
    pub loading: bool,
}

impl LibraryView {
    /// Shows the notes screen and asks the edge for the notes.
    pub(super) fn open_notes(&mut self) -> Option<LibEffect> {
        self.notes = Some(NotesView {
            notes: Vec::new(),
            shown: Vec::new(),
            tag: String::new(),
            cursor: Cursor::default(),
            loading: true,
        });
        self.screen = Screen::Notes;
        Some(LibEffect::ReadNotes)
    }

    /// The notes the edge gathered.
    pub(super) fn notes_read(&mut self, notes: Vec<LibNote>, problems: Vec<String>) {
        for p in problems {
            self.notices.push(p);
        }
        if let Some(n) = self.notes.as_mut() {
            n.notes = notes;
            n.loading = false;
            n.refilter();
        }
    }

    /// An action on the notes screen.
    pub(super) fn notes_action(&mut self, a: Action) -> Option<LibEffect> {
        let page = list_height(self.height);
        let n = self.notes.as_mut()?;
        if n.cursor.step(&a, n.shown.len(), page) {
            return None;
        }
        match a {
            Action::ClearSelection if !n.tag.is_empty() => {
                n.tag.clear();
                n.refilter();
            }
            Action::ClearSelection | Action::ToggleNotes => self.screen = Screen::List,
            Action::NoteFilter => {
                self.typing = true;
                self.prompt = Prompt::Tag;
            }
            Action::Activate => {
                let &i = n.shown.get(n.cursor.at)?;
                let brief = n.notes[i].brief;
                return self.open_brief(brief, Target::Note(i));
            }
            _ => {}
        }
        None
    }

    /// Typing the tag: the list narrows as it is typed (to the notes with a
    /// tag that starts so).
    pub(super) fn tag_action(&mut self, a: Action) {
        let Some(n) = self.notes.as_mut() else {
            self.typing = false;
            return;
        };
        match a {
            Action::InputSubmit => self.typing = false,
            Action::InputCancel => {
                n.tag.clear();
                self.typing = false;
            }
            Action::InputBackspace => {
                n.tag.pop();
            }
            Action::Input('#') if n.tag.is_empty() => {}
            Action::Input(c) => n.tag.push(c),
            _ => return,
        }
        n.refilter();
    }
}

impl NotesView {
    /// Recomputes the rows shown from the tag, the cursor kept in range.
    fn refilter(&mut self) {
        let tag = self.tag.to_lowercase();
        self.shown = (0..self.notes.len())
            .filter(|&i| {
                tag.is_empty()
                    || self.notes[i]
                        .entry
                        .annotation
                        .tags
                        .iter()
                        .any(|t| t.to_lowercase().starts_with(&tag))
            })
            .collect();
        self.cursor.moved(0, self.shown.len());
    }

    /// The tags of all notes with how many notes carry each, most used first.
    pub fn tags(&self) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for n in &self.notes {
            for t in &n.entry.annotation.tags {
                match counts.iter_mut().find(|(x, _)| x == t) {
                    Some((_, c)) => *c += 1,
                    None => counts.push((t.clone(), 1)),
                }
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts
    }
}
