//! Correcting the recognizer from the reader: retype an entity, mark it not an
//! entity, merge it into another picked in the sidebar, add the selection as
//! an entity, and undo the last correction. Each correction re-derives the
//! entities from the recognizer's raw output kept in the app (the recognizer is
//! not run again) and asks the edge to save it ([`Effect::SaveCorrection`]).

use super::*;
use crate::entities::corrections;
use crate::entities::store::Change;

/// A correction waiting for the user's choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// Retype this entity: waiting for a kind.
    Retype(String),
    /// Add this text as an entity: waiting for a kind.
    Add(String),
    /// Merge this entity into the one picked in the sidebar.
    Merge(String),
}

/// Longest text `+` accepts as an entity name, in bytes.
const MAX_NAME: usize = 120;

impl App {
    /// The entity a correction applies to: the one under the sidebar cursor when
    /// the sidebar has focus, else the current mention's, else the selected one.
    pub fn correction_target(&self) -> Option<EntityId> {
        if self.focus == Focus::Sidebar {
            if let Some(&id) = self.sidebar.rows.get(self.sidebar.cursor) {
                return Some(id);
            }
        }
        self.mention
            .and_then(|m| self.entities.mentions().get(m))
            .map(|m| m.entity())
            .or(self.selected)
            .filter(|&id| id < self.entities.entities.len())
    }

    fn target_name(&mut self) -> Option<String> {
        let name = self
            .correction_target()
            .map(|id| self.entities.entities[id].name.clone());
        if name.is_none() {
            self.notice = Some(format!(
                "select an entity first ({} to the sidebar, {}), or put the sidebar cursor on one",
                self.key_hint(Action::FocusNext),
                self.key_hint(Action::Activate)
            ));
        }
        name
    }

    /// `t`: ask for the entity's new kind.
    pub(super) fn start_retype(&mut self) {
        if let Some(name) = self.target_name() {
            self.pending = Some(Pending::Retype(name));
            self.mode = Mode::Correct;
        }
    }

    /// `+`: ask for the kind of the selected text as a new entity.
    pub(super) fn start_add(&mut self) {
        let Some(span) = self.selection_span() else {
            self.notice = Some(format!(
                "select the name first ({}, then {}), then press {} again",
                self.key_hint(Action::StartSelection),
                self.word_keys(),
                self.key_hint(Action::AddEntity)
            ));
            return;
        };
        let name = self.doc.slice(span).trim();
        if name.is_empty() || name.len() > MAX_NAME || name.contains(['\n', '\r']) {
            self.notice = Some("select a name within one line to make it an entity".into());
            return;
        }
        self.pending = Some(Pending::Add(name.to_string()));
        self.mode = Mode::Correct;
    }

    /// `m`: pick, in the sidebar, the entity to merge into.
    pub(super) fn start_merge(&mut self) {
        if let Some(name) = self.target_name() {
            self.pending = Some(Pending::Merge(name));
            self.mode = Mode::Correct;
            self.focus = Focus::Sidebar;
        }
    }

    /// `x`: the entity is not one.
    pub(super) fn not_an_entity(&mut self) -> Option<Effect> {
        let name = self.target_name()?;
        self.make(Change::NotEntity { name })
    }

    /// Keys while a correction waits for a choice ([`Context::Correct`]): a
    /// kind for a retype or an add; moving and accepting while merging.
    pub(super) fn correct_key(&self, key: Key) -> Option<Action> {
        let merging = matches!(self.pending, Some(Pending::Merge(_)));
        match self.keymap.action_in(Context::Correct, key)? {
            Action::InputCancel => Some(Action::InputCancel),
            a @ Action::PickKind(_) if !merging => Some(a),
            a @ (Action::MoveDown | Action::MoveUp | Action::InputSubmit) if merging => Some(a),
            _ => None,
        }
    }

    /// Applies an action while a correction waits for a choice.
    pub(super) fn update_correcting(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::InputCancel => {
                self.pending = None;
                self.mode = Mode::Normal;
                self.notice = Some("correction cancelled".into());
                None
            }
            Action::PickKind(kind) => {
                let change = match self.pending.take()? {
                    Pending::Retype(name) => Change::Retype { name, kind },
                    Pending::Add(name) => Change::Add { name, kind },
                    other => {
                        self.pending = Some(other);
                        return None;
                    }
                };
                self.mode = Mode::Normal;
                self.selection = None;
                self.make(change)
            }
            Action::MoveDown | Action::MoveUp => {
                self.move_by(if action == Action::MoveDown { 1 } else { -1 });
                None
            }
            Action::InputSubmit => {
                let Some(Pending::Merge(name)) = self.pending.clone() else {
                    return None;
                };
                let into = self
                    .sidebar
                    .rows
                    .get(self.sidebar.cursor)
                    .map(|&id| self.entities.entities[id].name.clone())?;
                if corrections::key(&into) == corrections::key(&name) {
                    self.notice = Some(format!(
                        "pick another entity to merge {} into ({} cancels)",
                        crate::display::escape_controls(&name),
                        self.key_hint_in(Context::Correct, Action::InputCancel)
                    ));
                    return None;
                }
                self.pending = None;
                self.mode = Mode::Normal;
                self.make(Change::Merge { name, into })
            }
            _ => None,
        }
    }

    /// Records `change`, re-derives the entities and asks the edge to save it.
    fn make(&mut self, change: Change) -> Option<Effect> {
        self.corrections.push(change.clone());
        self.made.push(change.clone());
        self.rederive();
        self.notice = Some(format!(
            "{} {} · {} undoes",
            change.action().replace('_', "-"),
            crate::display::escape_controls(&change.summary()),
            self.key_hint(Action::UndoCorrection)
        ));
        Some(Effect::SaveCorrection(change))
    }

    /// `U`: takes back the last correction made in this session.
    pub(super) fn undo_correction(&mut self) -> Option<Effect> {
        let Some(change) = self.made.pop() else {
            self.notice = Some(
                "no correction to undo in this session (`folio corrections --delete ID` removes older ones)"
                    .into(),
            );
            return None;
        };
        if let Some(i) = self.corrections.iter().rposition(|c| c == &change) {
            self.corrections.remove(i);
        }
        self.rederive();
        self.notice = Some(format!(
            "undid {} {}",
            change.action().replace('_', "-"),
            crate::display::escape_controls(&change.summary())
        ));
        Some(Effect::UndoCorrection(change))
    }

    /// Sets the stored corrections (at start) and re-derives the entities.
    pub fn set_corrections(&mut self, changes: Vec<Change>) {
        self.corrections = changes;
        self.rederive();
    }

    /// Derives the entities shown from the raw ones and the corrections, and
    /// links the timeline's events to them.
    pub(super) fn correct_entities(&mut self) {
        (self.entities, self.corrected) =
            crate::ui::extraction::correct(&self.doc, &self.raw_entities, &self.corrections);
    }

    /// The entities again: the recognizer's raw output with the corrections
    /// applied; the selection, current mention and sidebar cursor follow.
    pub(super) fn rederive(&mut self) {
        let name_of = |app: &App, id: Option<EntityId>| {
            id.and_then(|i| app.entities.entities.get(i))
                .map(|e| corrections::key(&e.name))
        };
        let old_selected = name_of(self, self.selected);
        let old_cursor = name_of(self, self.sidebar.rows.get(self.sidebar.cursor).copied());
        let old_mention = self
            .mention
            .and_then(|m| self.entities.mentions().get(m))
            .map(|m| m.span().start);
        self.correct_entities();
        let find = |app: &App, key: Option<String>| {
            key.and_then(|k| {
                app.entities
                    .entities
                    .iter()
                    .position(|e| corrections::key(&e.name) == k)
            })
        };
        self.mention = old_mention.and_then(|p| self.entities.mention_at(p));
        self.selected = match self.mention {
            Some(m) => Some(self.entities.mentions()[m].entity()),
            None => find(self, old_selected),
        };
        self.refresh_selected_mentions();
        if let (Some(id), None) = (self.selected, self.mention) {
            self.mention = self.mentions_of(id).first().map(|&m| m as usize);
        }
        self.refresh_sidebar();
        if let Some(id) = find(self, old_cursor).or(self.selected) {
            if let Some(row) = self.sidebar.rows.iter().position(|&r| r == id) {
                self.sidebar.cursor = row;
            }
        }
    }

    /// Whether a correction names entity `id` (the sidebar marks it).
    pub fn is_corrected(&self, id: EntityId) -> bool {
        self.corrected.get(id).copied().unwrap_or(false)
    }

    /// The status-line prompt while a correction waits for a choice, naming
    /// the picker's keys from the live keymap.
    pub fn correction_prompt(&self) -> Option<String> {
        let esc = crate::display::escape_controls;
        let key = |a: Action| self.key_hint_in(Context::Correct, a);
        let cancel = key(Action::InputCancel);
        let kinds = || {
            Kind::ALL
                .iter()
                .map(|&k| format!("{} {}", key(Action::PickKind(k)), k.name()))
                .collect::<Vec<_>>()
                .join(" · ")
        };
        Some(match self.pending.as_ref()? {
            Pending::Retype(n) => format!("retype {} as: {} · {cancel} cancel", esc(n), kinds()),
            Pending::Add(n) => format!("add “{}” as: {} · {cancel} cancel", esc(n), kinds()),
            Pending::Merge(n) => format!(
                "merge {} into: {}/{} pick in the sidebar · {} merge · {cancel} cancel",
                esc(n),
                key(Action::MoveDown),
                key(Action::MoveUp),
                key(Action::InputSubmit)
            ),
        })
    }
}
