//! User colours from the config file's `[colors]` table, laid over the chosen
//! theme: `person = "#d55e00 bold"`, `current = "black on yellow bold"`,
//! `place = 34`. What a style leaves out keeps the theme's, so a kind keeps its
//! non-colour cue unless the user replaces it.

use super::theme::ThemeName;
use super::theme::{downsample, ColorDepth, Theme};
use ratatui::style::{Color, Modifier, Style};

/// The styles a user can set, by config name.
pub const SLOTS: [&str; 18] = [
    "person",
    "organization",
    "place",
    "misc",
    "selected",
    "current",
    "hit",
    "current_hit",
    "selection",
    "cursor",
    "margin",
    "border",
    "border_focused",
    "heading",
    "dim",
    "status",
    "notice",
    "annotation",
];

/// The parts of a style a user set; `None` keeps the theme's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StyleOverride {
    pub fg: Option<Color>,
    pub bg: Option<Color>,
    /// Replaces the theme's modifiers when set (empty for "plain").
    pub modifiers: Option<Modifier>,
}

const NAMED: [(&str, Color); 19] = [
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("grey", Color::Gray),
    ("darkgray", Color::DarkGray),
    ("darkgrey", Color::DarkGray),
    ("lightred", Color::LightRed),
    ("lightgreen", Color::LightGreen),
    ("lightyellow", Color::LightYellow),
    ("lightblue", Color::LightBlue),
    ("lightmagenta", Color::LightMagenta),
    ("lightcyan", Color::LightCyan),
    ("white", Color::White),
    ("default", Color::Reset),
];

const MODIFIERS: [(&str, Modifier); 9] = [
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("underline", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("reverse", Modifier::REVERSED),
    ("crossed_out", Modifier::CROSSED_OUT),
    ("plain", Modifier::empty()),
];

/// A colour: a name, `#rrggbb`, or an xterm index 0–255.
pub fn parse_color(word: &str) -> Option<Color> {
    let w = word.to_ascii_lowercase();
    if let Some(hex) = w.strip_prefix('#') {
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        return Some(Color::Rgb(byte(0)?, byte(2)?, byte(4)?));
    }
    if let Ok(n) = w.parse::<u8>() {
        return Some(Color::Indexed(n));
    }
    NAMED.iter().find(|(n, _)| *n == w).map(|&(_, c)| c)
}

/// A style written as words: a foreground colour, `on` and a background colour,
/// and modifiers, in any order.
pub fn parse_style(s: &str) -> Result<StyleOverride, String> {
    let mut out = StyleOverride::default();
    let mut words = s.split_whitespace();
    if s.trim().is_empty() {
        return Err("empty style".into());
    }
    while let Some(word) = words.next() {
        let lower = word.to_ascii_lowercase();
        if lower == "on" {
            let c = words
                .next()
                .ok_or_else(|| "\"on\" needs a background colour after it".to_string())?;
            out.bg = Some(parse_color(c).ok_or_else(|| unknown(c))?);
        } else if let Some(&(_, m)) = MODIFIERS.iter().find(|(n, _)| *n == lower) {
            out.modifiers = Some(out.modifiers.unwrap_or_default() | m);
        } else if let Some(c) = parse_color(word) {
            if out.fg.is_some() {
                return Err(format!(
                    "two foreground colours (write \"on {word}\" for a background)"
                ));
            }
            out.fg = Some(c);
        } else {
            return Err(unknown(word));
        }
    }
    Ok(out)
}

fn unknown(word: &str) -> String {
    format!(
        "\"{}\" is not a colour (a name such as \"red\", \"#rrggbb\" or 0-255) or a modifier (bold, dim, italic, underlined, reversed, crossed_out, plain)",
        crate::display::escape_controls(word)
    )
}

/// A `[colors]` value: a style string, or a bare xterm colour index.
pub fn parse_value(v: &toml::Value) -> Result<StyleOverride, String> {
    match v {
        toml::Value::String(s) => parse_style(s),
        toml::Value::Integer(n) => u8::try_from(*n)
            .map(|n| StyleOverride {
                fg: Some(Color::Indexed(n)),
                ..StyleOverride::default()
            })
            .map_err(|_| "a colour index must be 0-255".to_string()),
        _ => Err("expected a style such as \"#d55e00 bold\" or a colour index".into()),
    }
}

impl Theme {
    fn slot_mut(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "person" => &mut self.kinds[0],
            "organization" => &mut self.kinds[1],
            "place" => &mut self.kinds[2],
            "misc" => &mut self.kinds[3],
            "selected" => &mut self.selected,
            "current" => &mut self.current,
            "hit" => &mut self.hit,
            "current_hit" => &mut self.current_hit,
            "selection" => &mut self.selection,
            "cursor" => &mut self.cursor,
            "margin" => &mut self.margin,
            "border" => &mut self.border,
            "border_focused" => &mut self.border_focused,
            "heading" => &mut self.heading,
            "dim" => &mut self.dim,
            "status" => &mut self.status,
            "notice" => &mut self.notice,
            "annotation" => &mut self.annotation,
            _ => return None,
        })
    }

    /// This theme with the user's styles laid over it, colours brought to
    /// `depth` (and left out entirely without colour).
    pub fn with_user(mut self, styles: &[(String, StyleOverride)], depth: ColorDepth) -> Theme {
        let colour = |c: Color| (depth != ColorDepth::None).then(|| downsample(c, depth));
        for (name, o) in styles {
            let Some(style) = self.slot_mut(name) else {
                continue;
            };
            if let Some(c) = o.fg.and_then(colour) {
                style.fg = Some(c);
            }
            if let Some(c) = o.bg.and_then(colour) {
                style.bg = Some(c);
            }
            if let Some(m) = o.modifiers {
                style.add_modifier = m;
                style.sub_modifier = Modifier::empty();
            }
        }
        self
    }
}

/// The reader's theme for `config` on a terminal of `depth`: the named theme,
/// then the user's `[colors]` (no colours under the mono theme or `NO_COLOR`).
pub fn build(name: ThemeName, colors: &[(String, StyleOverride)], depth: ColorDepth) -> Theme {
    let depth = if name == ThemeName::Mono {
        ColorDepth::None
    } else {
        depth
    };
    Theme::named(name, depth).with_user(colors, depth)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_parse_in_any_order() {
        assert_eq!(
            parse_style("black on #F0E442 bold").unwrap(),
            StyleOverride {
                fg: Some(Color::Black),
                bg: Some(Color::Rgb(0xf0, 0xe4, 0x42)),
                modifiers: Some(Modifier::BOLD)
            }
        );
        assert_eq!(
            parse_style("underlined 208 italic").unwrap(),
            StyleOverride {
                fg: Some(Color::Indexed(208)),
                bg: None,
                modifiers: Some(Modifier::UNDERLINED | Modifier::ITALIC)
            }
        );
        assert_eq!(
            parse_style("plain").unwrap().modifiers,
            Some(Modifier::empty())
        );
        for bad in ["", "red blue", "on", "#12345", "#gggggg", "256", "sparkly"] {
            assert!(parse_style(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn user_styles_keep_what_they_leave_out() {
        let base = Theme::default();
        let t = base.clone().with_user(
            &[("place".into(), parse_style("#ff0000").unwrap())],
            ColorDepth::TrueColor,
        );
        assert_eq!(t.kinds[2].fg, Some(Color::Rgb(255, 0, 0)));
        assert_eq!(t.kinds[2].add_modifier, base.kinds[2].add_modifier);
        let t = base.with_user(
            &[("place".into(), parse_style("#ff0000").unwrap())],
            ColorDepth::Indexed256,
        );
        assert_eq!(t.kinds[2].fg, Some(Color::Indexed(196)));
    }
}
