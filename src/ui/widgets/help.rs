//! The `?` overlay: every binding of the live keymap, grouped under a heading
//! per context (everywhere, each pane, the annotations panel, the note editor,
//! the correction picker), with full descriptions wrapped. It scrolls: the
//! offset is [`HelpScroll`], App state that `update` changes; drawing only reads it.

use crate::entities::Kind;
use crate::ui::action::Action;
use crate::ui::app::App;
use crate::ui::keymap::Context;
use crate::ui::wrap::wrap_str;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{
    Block, Borders, Clear, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

/// Renders the help overlay centred in `area`.
pub struct HelpOverlay<'a>(pub &'a App);

/// How far the help is scrolled: the first line shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HelpScroll {
    pub top: usize,
}

/// Widest the popup gets; wider screens keep lines short enough to read.
const MAX_WIDTH: u16 = 100;
/// Columns of the keys, left of the descriptions (the reader is at least 80 wide).
const KEYS_WIDTH: usize = 20;

/// One line of the help: a heading, or (part of) a row of keys and description.
#[derive(Debug, Clone, PartialEq, Eq)]
struct HelpLine {
    keys: String,
    what: String,
    heading: bool,
}

impl HelpScroll {
    /// The scroll after `action` (a movement key), with the help drawn on `app`'s screen.
    pub fn after(self, app: &App, action: &Action) -> HelpScroll {
        let inner = inner(popup(app, app.screen));
        let page = usize::from(inner.height).max(1);
        let total = lines(app, usize::from(inner.width)).len();
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
fn popup(app: &App, area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(MAX_WIDTH);
    let total = lines(app, usize::from(w.saturating_sub(2))).len();
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

fn inner(popup: Rect) -> Rect {
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
        _ => action.describe(),
    }
}

/// The heading of `context`'s bindings, naming the keys that lead there.
fn heading(app: &App, context: Context) -> String {
    let km = &app.keymap;
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
fn entries(app: &App) -> Vec<Entry> {
    let mut out = Vec::new();
    for context in Context::ALL {
        let mut rows: Vec<(String, &'static str)> = Vec::new();
        for b in app
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
            out.push(Entry::Heading(heading(app, context)));
            out.extend(rows.into_iter().map(|(k, w)| Entry::Binding(k, w.into())));
        }
    }
    if app.mouse {
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
fn lines(app: &App, width: usize) -> Vec<HelpLine> {
    let line = |keys: &str, what: &str, heading: bool| HelpLine {
        keys: keys.to_string(),
        what: what.to_string(),
        heading,
    };
    let mut out = Vec::new();
    for entry in entries(app) {
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
fn description_width(width: usize) -> usize {
    width.saturating_sub(KEYS_WIDTH + 1).max(1)
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let km = &app.keymap;
        let popup = popup(app, area);
        let inner = inner(popup);
        let width = usize::from(inner.width);
        let lines = lines(app, width);
        let page = usize::from(inner.height);
        let top = app.help.top.min(lines.len().saturating_sub(page));
        let shown = lines.len().min(top + page);
        let close = format!(
            "{}, {}, Esc close",
            km.hint(&Action::ToggleHelp),
            km.hint(&Action::Quit)
        );
        let place = if lines.len() > page {
            format!(
                " {}–{shown} of {} · {}/{} {}/{} scroll · {close} ",
                top + 1,
                lines.len(),
                km.hint(&Action::MoveDown),
                km.hint(&Action::MoveUp),
                km.hint(&Action::PageDown),
                km.hint(&Action::PageUp),
            )
        } else {
            format!(" {close} ")
        };
        Clear.render(popup, buf);
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(app.theme.border_focused)
            .title(" Keys ")
            .title_bottom(Line::from(place).right_aligned());
        block.render(popup, buf);
        for (i, line) in lines[top..shown].iter().enumerate() {
            let y = inner.y + i as u16;
            if line.heading {
                buf.set_stringn(inner.x, y, &line.keys, width, app.theme.heading);
                continue;
            }
            buf.set_stringn(inner.x, y, &line.keys, width, Style::new());
            let x = inner.x + (KEYS_WIDTH + 1) as u16;
            buf.set_stringn(x, y, &line.what, description_width(width), Style::new());
        }
        if lines.len() > page {
            let mut state = ScrollbarState::new(lines.len().saturating_sub(page)).position(top);
            Scrollbar::new(ScrollbarOrientation::VerticalRight).render(
                popup.inner(ratatui::layout::Margin::new(0, 1)),
                buf,
                &mut state,
            );
        }
    }
}
