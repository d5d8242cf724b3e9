//! `config::load` on a real file found through `FOLIO_CONFIG` (HOME and
//! XDG_CONFIG_HOME point into the same temporary folder, so no user file is
//! read): an unknown theme is a warning naming the file, and the rest applies.
//! One test only: it sets the process environment.

mod common;

use folio::config;
use folio::ui::theme::ThemeName;

#[test]
fn an_unknown_theme_warns_naming_the_file_and_the_rest_applies() {
    let dir = common::TempDir::new("config-file");
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "[reader]\ntheme = \"solarized\"\nwrap_width = 72\n").unwrap();
    std::env::set_var("HOME", dir.path());
    std::env::set_var("XDG_CONFIG_HOME", dir.path());
    std::env::set_var("FOLIO_CONFIG", &file);
    let (cfg, warnings) = config::load();
    assert_eq!((cfg.theme, cfg.wrap_width), (ThemeName::Dark, 72));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let shown = warnings[0].to_string();
    assert!(
        shown.starts_with(&format!(
            "{}:2: reader.theme: expected one of \"dark\", \"light\", \"mono\", not \"solarized\"",
            file.display()
        )),
        "{shown}"
    );
    let notices = folio::cli::open::config_notices(&warnings);
    assert!(
        notices[0].contains(&file.display().to_string()),
        "{notices:?}"
    );
}
