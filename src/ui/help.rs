//! What the `?` help lists: every binding of the live keymap in the contexts
//! a view uses, grouped under a heading per context, with full descriptions
//! wrapped, and how far it is scrolled ([`HelpScroll`], state a view's
//! `update` changes). `widgets::help` draws it; the reader and the library
//! view each say which contexts they show.

use super::action::Action;
use super::keymap::{Context, Keymap};
use super::wrap::wrap_str;
use crate::entities::Kind;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders};

/// What a view's help lists: the bindings of `contexts` in `keymap`, and a
/// word on the mouse when it is on.
#[derive(Clone, Copy)]
pub struct Help<'a> {
    pub keymap: &'a Keymap,
    pub contexts: &'a [Context],
    pub mouse: bool,
}

impl Help<'_> {
    /// How the help names the key for `action`: as bound in its first context
    /// (the reader's panes, or the library's screens).
    pub fn hint(&self, action: &Action) -> String {
        match self.contexts.first() {
            Some(&c) if !c.is_reader() => self.keymap.hint_in(c, action),
            _ => self.keymap.hint(action),
        }
    }
}

/// The contexts the reader's help lists.
pub const READER: &[Context] = &[
    Context::Global,
    Context::Pane,
    Context::Sidebar,
    Context::Timeline,
    Context::Notes,
    Context::Editor,
    Context::Correct,
    Context::Map,
];

/// The contexts the library view's help lists.
pub const LIBRARY: &[Context] = &[Context::Library, Context::Map];

/// Whether `action` scrolls the help (the movements [`HelpScroll::after`] takes).
pub fn scrolls(action: &Action) -> bool {
    matches!(
        action,
        Action::MoveDown
            | Action::MoveUp
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::GoTop
            | Action::GoBottom
    )
}

/// How far the help is scrolled: the first line shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HelpScroll {
    pub top: usize,
}

/// Widest the popup gets; wider screens keep lines short enough to read.
const MAX_WIDTH: u16 = 100;
/// Columns of the keys, left of the descriptions (the reader is at least 80 wide).
pub const KEYS_WIDTH: usize = 20;

/// One line of the help: a heading, or (part of) a row of keys and description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub keys: String,
    pub what: String,
    pub heading: bool,
}

impl HelpScroll {
    /// The scroll after `action` (a movement key), with `help` drawn on `screen`.
    pub fn after(self, help: &Help, screen: Rect, action: &Action) -> HelpScroll {
        let inner = inner(popup(help, screen));
        let page = usize::from(inner.height).max(1);
        let total = lines(help, usize::from(inner.width)).len();
        let last = total.saturating_sub(page);
        let step = page.saturating_sub(1).max(1);
        let top = match action {
            Action::MoveDown => self.top + 1,
            Action::MoveUp => self.top.saturating_sub(1),
            Action::PageDown => self.top + step,
            Action::PageUp => self.top.saturating_sub(step),
            Action::HalfPageDown => self.top + (page / 2).max(1),
            Action::HalfPageUp => self.top.saturating_sub((page / 2).max(1)),
            Action::GoTop => 0,
            Action::GoBottom => last,
            _ => self.top,
        };
        HelpScroll { top: top.min(last) }
    }
}

/// The popup: nearly the whole screen height, at most [`MAX_WIDTH`] wide.
pub fn popup(help: &Help, area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(MAX_WIDTH);
    let total = lines(help, usize::from(w.saturating_sub(2))).len();
    let h = area
        .height
        .saturating_sub(2)
        .min(u16::try_from(total).unwrap_or(u16::MAX).saturating_add(2));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The popup inside its border.
pub fn inner(popup: Rect) -> Rect {
    Block::new().borders(Borders::ALL).inner(popup)
}

/// What a binding does, worded for where it applies.
fn describe(context: Context, action: &Action) -> &'static str {
    match (context, action) {
        (Context::Notes, Action::MoveDown) => "next note",
        (Context::Notes, Action::MoveUp) => "previous note",
        (Context::Notes, Action::GoTop) => "first note",
        (Context::Notes, Action::GoBottom) => "last note",
        (Context::Notes, Action::ToggleNotes) => "close the panel",
        (Context::Correct, Action::PickKind(kind)) => match kind {
            Kind::Person => "retype or add as a person",
            Kind::Organization => "retype or add as an organization",
            Kind::Place => "retype or add as a place",
            Kind::Misc => "retype or add as misc",
        },
        (Context::Correct, Action::MoveDown) => "merging: the next entity in the sidebar",
        (Context::Correct, Action::MoveUp) => "merging: the previous entity",
        (Context::Correct, Action::InputSubmit) => "merging: merge into the entity picked",
        (Context::Correct, Action::InputCancel) => "cancel the correction",
        (Context::Library, a) => library_description(a),
        (Context::Map, a) => map_description(a),
        _ => action.describe(),
    }
}

/// What a key does on the map.
fn map_description(action: &Action) -> &'static str {
    match action {
        Action::MoveDown => "next place (most mentioned first)",
        Action::MoveUp => "previous place",
        Action::PageDown => "five places on",
        Action::PageUp => "five places back",
        Action::GoTop => "the most mentioned place",
        Action::GoBottom => "the least mentioned place",
        Action::Activate => "go to the place's first mention in the text",
        Action::NextMatch => "go to the place's next mention",
        Action::PrevMatch => "go to the place's previous mention",
        Action::ToggleMap => "close the map",
        other => other.describe(),
    }
}

/// What a key does on the library's screens.
fn library_description(action: &Action) -> &'static str {
    match action {
        Action::FocusNext | Action::FocusPrev => "switch between the briefs and the entities",
        Action::MoveDown => "next row",
        Action::MoveUp => "previous row",
        Action::MoveLeft => "previous row (in the timeline: previous event)",
        Action::MoveRight => "next row (in the timeline: next event)",
        Action::Activate => "open: the brief, an entity's concordance, the event's brief",
        Action::StartSearch => {
            "search the text of every brief (several words: that phrase); in the entities: filter them"
        }
        Action::ClearSelection => "clear the filter, or go back a screen",
        Action::NextMatch => {
            "concordance or search: next mention or hit (in a brief opened from it: the next one in any brief)"
        }
        Action::PrevMatch => "concordance or search: previous mention or hit",
        Action::ShowTimeline => {
            "the timeline across the library (from the entity list: that entity's events)"
        }
        Action::ToggleTimelineFilter => {
            "timeline: only the events of the entity under the cursor (again: all)"
        }
        Action::ToggleNotes => "every note of every brief, newest first (again: back)",
        Action::ShowProfile => {
            "the profile of the entity under the cursor (entity list, concordance): mentions per month, the company it keeps, first and last seen"
        }
        Action::ShowShared => {
            "profile: the sentences the entity shares with the one under the cursor"
        }
        Action::NoteFilter => "notes: only those with a tag (type it; Esc shows all again)",
        other => other.describe(),
    }
}

/// The heading of `context`'s bindings, naming the keys that lead there.
fn heading(km: &Keymap, context: Context) -> String {
    match context {
        Context::Global => "Everywhere".into(),
        Context::Pane => "In the text".into(),
        Context::Sidebar => "In the entity list".into(),
        Context::Timeline => "In the timeline".into(),
        Context::Notes => format!(
            "In the annotations panel ({} opens it)",
            km.hint(&Action::ToggleNotes)
        ),
        Context::Editor => format!(
            "In the note editor ({} opens it on the selection)",
            km.hint(&Action::Annotate)
        ),
        Context::Correct => format!(
            "Correcting an entity (after {}, {} or {})",
            km.hint(&Action::RetypeEntity),
            km.hint(&Action::AddEntity),
            km.hint(&Action::MergeEntity)
        ),
        Context::Map => format!(
            "On the map of the places ({} opens it)",
            km.hint(&Action::ToggleMap)
        ),
        Context::Library => {
            "In the library's lists, search, notes, profiles, concordance and timeline".into()
        }
    }
}

/// What the help lists, before it is laid out in lines.
enum Entry {
    Heading(String),
    /// Keys (comma-separated labels) and what they do.
    Binding(String, String),
}

/// Every binding of the live keymap, under a heading per context; bindings
/// that do the same thing in a context share a row.
fn entries(help: &Help) -> Vec<Entry> {
    let mut out = Vec::new();
    for &context in help.contexts {
        let mut rows: Vec<(String, &'static str)> = Vec::new();
        for b in help
            .keymap
            .bindings()
            .iter()
            .filter(|b| b.context == context)
        {
            let what = describe(context, &b.action);
            match rows.iter_mut().find(|(_, w)| *w == what) {
                Some((keys, _)) => keys.push_str(&format!(", {}", b.label())),
                None => rows.push((b.label(), what)),
            }
        }
        if context == Context::Editor {
            rows.push((
                "Enter, arrows, Backspace".into(),
                "a new line, moving, deleting (these keys are fixed)",
            ));
        }
        if !rows.is_empty() {
            out.push(Entry::Heading(heading(help.keymap, context)));
            out.extend(rows.into_iter().map(|(k, w)| Entry::Binding(k, w.into())));
        }
    }
    if help.contexts.contains(&Context::Library) {
        out.push(Entry::Heading("In a brief opened from the library".into()));
        out.push(Entry::Binding(
            help.keymap.hint(&Action::ClearSelection),
            "back to the library (when there is nothing to clear); the reader's keys, as in `?` there"
                .into(),
        ));
    }
    if help.mouse {
        out.push(Entry::Heading("The mouse".into()));
        out.push(Entry::Binding(
            "mouse".into(),
            "wheel: scroll the pane under it · click: focus it and select what is there".into(),
        ));
    }
    out
}

/// Every line of the help for a popup `width` columns wide inside its border:
/// keys beside their wrapped description, a blank line before each heading
/// but the first.
pub fn lines(help: &Help, width: usize) -> Vec<HelpLine> {
    let line = |keys: &str, what: &str, heading: bool| HelpLine {
        keys: keys.to_string(),
        what: what.to_string(),
        heading,
    };
    let mut out = Vec::new();
    for entry in entries(help) {
        match entry {
            Entry::Heading(h) => {
                if !out.is_empty() {
                    out.push(line("", "", false));
                }
                out.extend(wrap_str(&h, width).into_iter().map(|l| line(l, "", true)));
            }
            Entry::Binding(keys, what) => {
                let k = wrap_str(&keys, KEYS_WIDTH);
                let w = wrap_str(&what, description_width(width));
                for i in 0..k.len().max(w.len()) {
                    let (ki, wi) = (k.get(i).copied(), w.get(i).copied());
                    out.push(line(ki.unwrap_or(""), wi.unwrap_or(""), false));
                }
            }
        }
    }
    out
}

/// Columns left for descriptions beside the keys in `width`.
pub fn description_width(width: usize) -> usize {
    width.saturating_sub(KEYS_WIDTH + 1).max(1)
}
