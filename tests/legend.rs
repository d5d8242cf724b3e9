//! The kinds as the reader names and marks them: the sidebar's heading for misc
//! entities says MISC, as the legend and README do, and without colour each
//! kind's legend entry carries its own modifier, so the four look different.

mod common;

use folio::document::Document;
use folio::entities::Kind;
use folio::ui::theme::Theme;
use folio::ui::{Action, App, Focus};
use ratatui::style::Modifier;
use std::sync::Arc;

fn app(names: &[(&str, Kind)]) -> App {
    let doc = Document::from_text(
        "The Caspian Guard met Putin in Tehran. The Caspian Guard and the CSTO agreed.",
    );
    let ents = common::entities_named(&doc, names);
    let mut app = App::new(Arc::new(doc), "kinds".into());
    app.update(Action::Extracted(Box::new((ents, Vec::new()).into())));
    app.update(Action::Resize(80, 24));
    app
}

#[test]
fn the_sidebar_heads_misc_entities_misc() {
    let app = app(&[("Caspian Guard", Kind::Misc), ("Putin", Kind::Person)]);
    let text = common::screen_text(&app);
    assert!(text.contains("MISC (1)"), "{text}");
    assert!(!text.contains("OTHER"), "{text}");
    assert!(text.contains("■ misc"), "{text}");
}

#[test]
fn without_colour_each_legend_entry_has_its_own_modifier() {
    let mut app = app(&[("Putin", Kind::Person)]);
    app.theme = Theme::monochrome();
    // Focused or not, the border's style must not blur the kinds together.
    for focus in [Focus::Pane, Focus::Sidebar] {
        app.focus = focus;
        let buf = common::render(&app);
        let text = common::buffer_text(&buf);
        let (y, row) = text
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains("■ person"))
            .expect("the legend is drawn");
        let mods: Vec<Modifier> = Kind::ALL
            .iter()
            .map(|k| {
                let label = format!("■ {}", k.name());
                let x = row[..row.find(&label).unwrap()].chars().count();
                // The mark and the name carry the same style.
                let mark = buf[(x as u16, y as u16)].modifier;
                let name = buf[(x as u16 + 2, y as u16)].modifier;
                assert_eq!(mark, name, "{k:?}");
                assert_eq!(mark, app.theme.kind(*k).add_modifier, "{focus:?} {k:?}");
                mark
            })
            .collect();
        for a in 0..mods.len() {
            for b in a + 1..mods.len() {
                assert_ne!(mods[a], mods[b], "{focus:?}: kinds {a} and {b} look alike");
            }
        }
    }
}
