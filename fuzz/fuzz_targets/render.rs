//! The reader on any decodable bytes, at a size and after keys taken from the
//! input: never a panic, and no control character in any drawn cell.
#![no_main]

use folio::document::{decode, Document};
use folio::ui::{Action, App};
use libfuzzer_sys::fuzz_target;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::sync::Arc;

const ACTIONS: [Action; 18] = [
    Action::MoveDown,
    Action::PageDown,
    Action::GoBottom,
    Action::MoveUp,
    Action::FocusNext,
    Action::Activate,
    Action::NextMatch,
    Action::NextEvent,
    Action::StartSearch,
    Action::InputSubmit,
    Action::ClearSelection,
    Action::ToggleHelp,
    Action::NextSentence,
    Action::NextParagraph,
    Action::StartSelection,
    Action::WordForward,
    Action::SelectParagraph,
    Action::ToggleTimelineFilter,
];

fuzz_target!(|input: &[u8]| {
    let [w, h, keys @ ..] = input else {
        return;
    };
    let (keys, bytes) = keys.split_at(keys.len().min(8));
    let Ok(decoded) = decode(bytes) else {
        return;
    };
    let mut app = App::with_extraction(Arc::new(Document::parse(decoded)), "fuzz".into());
    app.update(Action::Resize(u16::from(*w) + 1, u16::from(*h) % 64));
    for &k in keys {
        let action = match ACTIONS.get(usize::from(k) % 24) {
            Some(a) => a.clone(),
            None => Action::Input(char::from(k)),
        };
        app.update(action);
        let mut term =
            Terminal::new(TestBackend::new(app.screen.width, app.screen.height)).expect("terminal");
        term.draw(|f| f.render_widget(&app, f.area()))
            .expect("draw");
        for cell in term.backend().buffer().content() {
            assert!(
                !cell.symbol().chars().any(char::is_control),
                "{:?}",
                cell.symbol()
            );
        }
    }
});
