//! Entity kinds stay distinguishable when drawn: in 16-colour and no-colour
//! modes each kind's cells carry a style no other kind has.

use folio::entities::Kind;
use folio::ui::theme::ThemeName;
use folio::ui::theme::{ColorDepth, Theme};
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Terminal;

const KINDS: [Kind; 4] = [Kind::Person, Kind::Organization, Kind::Place, Kind::Misc];

fn rendered_styles(theme: &Theme) -> Vec<ratatui::style::Style> {
    let mut term = Terminal::new(TestBackend::new(40, 1)).unwrap();
    let spans: Vec<Span> = KINDS
        .iter()
        .enumerate()
        .flat_map(|(i, k)| {
            [
                Span::styled(format!("kind{i}"), theme.kind(*k)),
                Span::raw(" "),
            ]
        })
        .collect();
    term.draw(|f| f.render_widget(Paragraph::new(Line::from(spans)), f.area()))
        .unwrap();
    let buf = term.backend().buffer();
    // Each word is 5 cells and a space: the first cell of word i is at 6 * i.
    (0..KINDS.len())
        .map(|i| buf[(6 * i as u16, 0)].style())
        .collect()
}

#[test]
fn kinds_are_distinct_in_16_colour_and_no_colour_modes() {
    for name in [ThemeName::Dark, ThemeName::Light, ThemeName::Mono] {
        for depth in [
            ColorDepth::Basic16,
            ColorDepth::None,
            ColorDepth::Indexed256,
        ] {
            let styles = rendered_styles(&Theme::named(name, depth));
            for a in 0..styles.len() {
                for b in a + 1..styles.len() {
                    assert_ne!(
                        styles[a], styles[b],
                        "{name:?} {depth:?}: kinds {a} and {b}"
                    );
                    assert_ne!(
                        styles[a].add_modifier, styles[b].add_modifier,
                        "{name:?} {depth:?}: kinds {a} and {b} need distinct non-colour cues"
                    );
                }
            }
            if depth == ColorDepth::None {
                let plain = |c: Option<Color>| matches!(c, None | Some(Color::Reset));
                assert!(styles.iter().all(|s| plain(s.fg) && plain(s.bg)));
            }
        }
    }
}
