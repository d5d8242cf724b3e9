//! User themes: `[colors]` in the config file over the chosen theme, at every
//! colour depth; bad values warn with file, line and setting and keep the default.

use folio::config::parse;
use folio::document::Document;
use folio::ui::theme::ThemeName;
use folio::ui::theme::{ColorDepth, Theme};
use folio::ui::user_theme::build;
use folio::ui::{Action, App};
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;
use std::path::Path;
use std::sync::Arc;

const FILE: &str = "/home/u/.config/folio/config.toml";

fn cfg(text: &str) -> (folio::config::Config, Vec<String>) {
    let (c, w) = parse(text, Path::new(FILE));
    (c, w.iter().map(|w| w.to_string()).collect())
}

#[test]
fn user_colours_replace_the_theme_s_and_keep_its_cues() {
    let (c, w) = cfg("[reader]\ntheme = \"light\"\n\n[colors]\nperson = \"#112233\"\nplace = \"208 underlined italic\"\ncurrent = \"black on yellow bold\"\nselection = \"plain on 17\"\n");
    assert!(w.is_empty(), "{w:?}");
    let t = build(c.theme, &c.colors, ColorDepth::TrueColor);
    let light = Theme::named(ThemeName::Light, ColorDepth::TrueColor);
    assert_eq!(t.kinds[0].fg, Some(Color::Rgb(0x11, 0x22, 0x33)));
    assert_eq!(
        t.kinds[0].add_modifier, light.kinds[0].add_modifier,
        "cue kept"
    );
    assert_eq!(t.kinds[2].fg, Some(Color::Indexed(208)));
    assert_eq!(
        t.kinds[2].add_modifier,
        Modifier::UNDERLINED | Modifier::ITALIC
    );
    assert_eq!(t.kinds[1], light.kinds[1], "untouched kinds stay");
    assert_eq!(
        (t.current.fg, t.current.bg),
        (Some(Color::Black), Some(Color::Yellow))
    );
    assert_eq!(t.selection.add_modifier, Modifier::empty());
    assert_eq!(t.selection.bg, Some(Color::Indexed(17)));
    assert_eq!(t.selection.fg, light.selection.fg);
}

#[test]
fn user_colours_follow_the_terminal_s_depth_and_no_colour() {
    let (c, _) = cfg("[colors]\nperson = \"#ff0000 bold\"\nmisc = \"lightcyan\"\n");
    let t = build(c.theme, &c.colors, ColorDepth::Indexed256);
    assert_eq!(t.kinds[0].fg, Some(Color::Indexed(196)));
    let t = build(c.theme, &c.colors, ColorDepth::Basic16);
    assert_eq!(t.kinds[0].fg, Some(Color::LightRed));
    assert_eq!(t.kinds[3].fg, Some(Color::LightCyan));
    for t in [build(c.theme, &c.colors, ColorDepth::None), {
        let (mono, _) = cfg("[reader]\ntheme = \"mono\"\n[colors]\nperson = \"#ff0000 bold\"\n");
        build(mono.theme, &mono.colors, ColorDepth::TrueColor)
    }] {
        assert!(t.kinds.iter().all(|k| k.fg.is_none() && k.bg.is_none()));
        assert_eq!(t.kinds[0].add_modifier, Modifier::BOLD);
    }
}

#[test]
fn bad_colours_name_file_line_and_setting_and_keep_the_default() {
    let text = "[reader]\ntheme = \"dark\"\n\n[colors]\nperson = \"sparkly\"\nplace = 300\nmisc = \"red blue\"\nwallpaper = \"red\"\norganization = \"on\"\ncurrent = true\nhit = \"cyan\"\n";
    let (c, w) = cfg(text);
    let expect = [
        format!("{FILE}:5: colors.person: \"sparkly\" is not a colour"),
        format!("{FILE}:6: colors.place: a colour index must be 0-255; using the default"),
        format!("{FILE}:7: colors.misc: two foreground colours"),
        format!("{FILE}:8: colors.wallpaper: unknown style (one of person, organization"),
        format!("{FILE}:9: colors.organization: \"on\" needs a background colour"),
        format!("{FILE}:10: colors.current: expected a style"),
    ];
    for e in &expect {
        assert!(
            w.iter().any(|s| s.starts_with(e.as_str())),
            "missing {e:?} in {w:#?}"
        );
    }
    assert_eq!(w.len(), expect.len(), "{w:#?}");
    assert!(
        w.iter().all(|s| s.ends_with("; using the default")),
        "{w:#?}"
    );
    // The good one applies; every bad one keeps the theme's style.
    let t = build(c.theme, &c.colors, ColorDepth::TrueColor);
    let dark = Theme::named(ThemeName::Dark, ColorDepth::TrueColor);
    assert_eq!(t.hit.fg, Some(Color::Cyan));
    assert_eq!(t.kinds, dark.kinds);
    assert_eq!(t.current, dark.current);
}

#[test]
fn a_user_theme_at_16_colours_keeps_kinds_distinct_on_screen() {
    let (c, w) = cfg("[colors]\nperson = \"red bold\"\norganization = \"red underlined\"\n");
    assert!(w.is_empty());
    let text = "Nursultan Nazarbayev met the Collective Security Treaty Organization in Astana.";
    let mut app = App::with_extraction(Arc::new(Document::from_text(text)), "t".into());
    app.theme = build(c.theme, &c.colors, ColorDepth::Basic16);
    app.update(Action::Resize(100, 30));
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    term.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let buf = term.backend().buffer();
    let area = folio::ui::layout::areas(app.screen).unwrap().text;
    let style_of = |word: &str| {
        for y in area.y..area.bottom() {
            let line: String = (area.x..area.right())
                .map(|x| buf[(x, y)].symbol())
                .collect();
            if let Some(i) = line.find(word) {
                let x = area.x + line[..i].chars().count() as u16;
                return buf[(x, y)].style();
            }
        }
        panic!("{word} not on screen");
    };
    let person = style_of("Nazarbayev");
    let org = style_of("Collective");
    let place = style_of("Astana");
    assert_eq!(person.fg, Some(Color::Red));
    assert_eq!(org.fg, Some(Color::Red));
    assert_ne!(person, org, "same colour, told apart by the modifier");
    assert_ne!(person, place);
    assert_ne!(org, place);
}
