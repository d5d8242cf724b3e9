//! Colours and non-colour cues. Entity kinds use the Okabe–Ito palette, which
//! colour-blind readers can tell apart, and each kind also has its own text
//! modifier so kinds stay distinct in greyscale and with `NO_COLOR`.

use crate::entities::Kind;
use ratatui::style::{Color, Modifier, Style};

/// A built-in theme name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    Dark,
    Light,
    Mono,
}

/// Styles for everything the reader draws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Person, organization, place, misc (in `Kind::ALL` order).
    pub kinds: [Style; 4],
    /// Added to mentions of the selected entity.
    pub selected: Style,
    /// Added to the current mention.
    pub current: Style,
    pub hit: Style,
    pub current_hit: Style,
    pub border: Style,
    pub border_focused: Style,
    pub heading: Style,
    pub dim: Style,
    pub status: Style,
    pub notice: Style,
    pub cursor: Style,
    /// The passage being selected.
    pub selection: Style,
    /// Marks in the margin: the reading cursor's rows.
    pub margin: Style,
    /// Annotated passages: a tint over the text (and a margin mark).
    pub annotation: Style,
}

/// Non-colour cue of each kind: bold, underline, italic, bold italic.
const CUES: [Modifier; 4] = [
    Modifier::BOLD,
    Modifier::UNDERLINED,
    Modifier::ITALIC,
    Modifier::BOLD.union(Modifier::ITALIC),
];

impl Default for Theme {
    fn default() -> Theme {
        // Okabe–Ito: orange, sky blue, bluish green, reddish purple.
        let hues = [
            Color::Rgb(230, 159, 0),
            Color::Rgb(86, 180, 233),
            Color::Rgb(0, 158, 115),
            Color::Rgb(204, 121, 167),
        ];
        let kinds = std::array::from_fn(|i| Style::new().fg(hues[i]).add_modifier(CUES[i]));
        Theme {
            kinds,
            selected: Style::new()
                .bg(Color::Rgb(60, 60, 60))
                .add_modifier(Modifier::REVERSED),
            current: Style::new()
                .bg(Color::Rgb(240, 228, 66))
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            hit: Style::new().bg(Color::Rgb(0, 114, 178)).fg(Color::White),
            current_hit: Style::new()
                .bg(Color::Rgb(240, 228, 66))
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new()
                .fg(Color::Rgb(86, 180, 233))
                .add_modifier(Modifier::BOLD),
            heading: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::Gray),
            status: Style::new().bg(Color::Rgb(40, 40, 40)).fg(Color::White),
            notice: Style::new()
                .fg(Color::Rgb(240, 228, 66))
                .add_modifier(Modifier::BOLD),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            selection: Style::new().bg(Color::Rgb(0, 90, 140)).fg(Color::White),
            margin: Style::new().fg(Color::Rgb(240, 228, 66)),
            annotation: Style::new().bg(Color::Rgb(70, 50, 20)),
        }
    }
}

impl Theme {
    /// No colour at all (`NO_COLOR`, `TERM=dumb`): modifiers carry every distinction.
    pub fn monochrome() -> Theme {
        Theme {
            kinds: CUES.map(|m| Style::new().add_modifier(m)),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            current: Style::new()
                .add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            hit: Style::new().add_modifier(Modifier::REVERSED),
            current_hit: Style::new()
                .add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            border: Style::new(),
            border_focused: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new(),
            status: Style::new().add_modifier(Modifier::REVERSED),
            notice: Style::new().add_modifier(Modifier::BOLD),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            selection: Style::new().add_modifier(Modifier::REVERSED | Modifier::ITALIC),
            margin: Style::new().add_modifier(Modifier::BOLD),
            annotation: Style::new().add_modifier(Modifier::DIM | Modifier::UNDERLINED),
        }
    }

    /// The theme the environment asks for: monochrome under `NO_COLOR` or `TERM=dumb`.
    pub fn from_env() -> Theme {
        Theme::named(ThemeName::Dark, ColorDepth::from_env())
    }

    /// A built-in theme at the colour depth the terminal has.
    pub fn named(name: ThemeName, depth: ColorDepth) -> Theme {
        let theme = match name {
            ThemeName::Dark => Theme::default(),
            ThemeName::Light => Theme::light(),
            ThemeName::Mono => return Theme::monochrome(),
        };
        theme.at_depth(depth)
    }

    /// For light backgrounds: darker Okabe–Ito hues (vermillion, blue, bluish
    /// green, reddish purple) with the same non-colour cues.
    pub fn light() -> Theme {
        let hues = [
            Color::Rgb(213, 94, 0),
            Color::Rgb(0, 114, 178),
            Color::Rgb(0, 128, 94),
            Color::Rgb(170, 68, 136),
        ];
        let base = Theme::default();
        Theme {
            kinds: std::array::from_fn(|i| Style::new().fg(hues[i]).add_modifier(CUES[i])),
            selected: Style::new()
                .bg(Color::Rgb(220, 220, 220))
                .add_modifier(Modifier::REVERSED),
            hit: Style::new().bg(Color::Rgb(86, 180, 233)).fg(Color::Black),
            border: Style::new().fg(Color::Gray),
            border_focused: Style::new()
                .fg(Color::Rgb(0, 114, 178))
                .add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            status: Style::new().bg(Color::Rgb(225, 225, 225)).fg(Color::Black),
            notice: Style::new()
                .fg(Color::Rgb(213, 94, 0))
                .add_modifier(Modifier::BOLD),
            selection: Style::new().bg(Color::Rgb(180, 215, 240)).fg(Color::Black),
            margin: Style::new().fg(Color::Rgb(213, 94, 0)),
            annotation: Style::new().bg(Color::Rgb(250, 236, 200)),
            ..base
        }
    }

    /// This theme with every RGB colour mapped to what a terminal of `depth` shows.
    pub fn at_depth(self, depth: ColorDepth) -> Theme {
        if depth == ColorDepth::None {
            return Theme::monochrome();
        }
        let map = |s: Style| Style {
            fg: s.fg.map(|c| downsample(c, depth)),
            bg: s.bg.map(|c| downsample(c, depth)),
            ..s
        };
        let mut t = Theme {
            kinds: self.kinds.map(map),
            selected: map(self.selected),
            current: map(self.current),
            hit: map(self.hit),
            current_hit: map(self.current_hit),
            border: map(self.border),
            border_focused: map(self.border_focused),
            heading: map(self.heading),
            dim: map(self.dim),
            status: map(self.status),
            notice: map(self.notice),
            cursor: map(self.cursor),
            selection: map(self.selection),
            margin: map(self.margin),
            annotation: map(self.annotation),
        };
        if depth == ColorDepth::Basic16 {
            // Nearest-colour matching can merge two hues; the kinds get fixed, distinct ones.
            let named = [Color::Yellow, Color::Cyan, Color::Green, Color::Magenta];
            for (style, c) in t.kinds.iter_mut().zip(named) {
                *style = style.fg(c);
            }
        }
        t
    }

    /// The style of entity kind `k`.
    pub fn kind(&self, k: Kind) -> Style {
        self.kinds[k as usize]
    }
}

/// How many colours the terminal shows, from `COLORTERM` and `TERM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorDepth {
    TrueColor,
    Indexed256,
    Basic16,
    /// `NO_COLOR` or `TERM=dumb`: modifiers only.
    None,
}

impl ColorDepth {
    /// The depth the environment advertises.
    pub fn from_env() -> ColorDepth {
        let var = |k| std::env::var(k).unwrap_or_default();
        ColorDepth::from_vars(
            std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            &var("COLORTERM"),
            &var("TERM"),
        )
    }

    /// The depth for these variable values (split out for tests).
    pub fn from_vars(no_color: bool, colorterm: &str, term: &str) -> ColorDepth {
        if no_color || term == "dumb" {
            ColorDepth::None
        } else if matches!(colorterm, "truecolor" | "24bit") || term.contains("direct") {
            ColorDepth::TrueColor
        } else if term.contains("256") {
            ColorDepth::Indexed256
        } else if term.is_empty() {
            // No TERM (e.g. Windows consoles via crossterm): assume a modern terminal.
            ColorDepth::TrueColor
        } else {
            ColorDepth::Basic16
        }
    }
}

/// The 16 named colours with their usual RGB values, for nearest matching.
const NAMED: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

/// `c` as a terminal of `depth` can show it: RGB to the xterm 6×6×6 cube or grey
/// ramp (256), or to the nearest named colour (16).
pub(crate) fn downsample(c: Color, depth: ColorDepth) -> Color {
    let Color::Rgb(r, g, b) = c else { return c };
    match depth {
        ColorDepth::TrueColor | ColorDepth::None => c,
        ColorDepth::Indexed256 => {
            let level = |v: u8| -> u8 {
                const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
                (0..6u8)
                    .min_by_key(|&i| LEVELS[i as usize].abs_diff(v))
                    .unwrap_or(0)
            };
            Color::Indexed(16 + 36 * level(r) + 6 * level(g) + level(b))
        }
        ColorDepth::Basic16 => {
            let dist = |(x, y, z): (u8, u8, u8)| {
                let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
                d(x, r) + d(y, g) + d(z, b)
            };
            NAMED
                .iter()
                .min_by_key(|(_, rgb)| dist(*rgb))
                .map_or(c, |(named, _)| *named)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_stay_distinct_without_colour() {
        for theme in [Theme::default(), Theme::monochrome()] {
            for a in 0..4 {
                for b in a + 1..4 {
                    assert_ne!(theme.kinds[a].add_modifier, theme.kinds[b].add_modifier);
                }
            }
        }
    }

    #[test]
    fn depth_follows_the_environment() {
        assert_eq!(
            ColorDepth::from_vars(true, "truecolor", "xterm-256color"),
            ColorDepth::None
        );
        assert_eq!(ColorDepth::from_vars(false, "", "dumb"), ColorDepth::None);
        assert_eq!(
            ColorDepth::from_vars(false, "truecolor", "xterm"),
            ColorDepth::TrueColor
        );
        assert_eq!(
            ColorDepth::from_vars(false, "", "screen-256color"),
            ColorDepth::Indexed256
        );
        assert_eq!(
            ColorDepth::from_vars(false, "", "linux"),
            ColorDepth::Basic16
        );
    }

    #[test]
    fn every_colour_fits_the_depth() {
        for name in [ThemeName::Dark, ThemeName::Light] {
            let t = Theme::named(name, ColorDepth::Indexed256);
            assert!(t
                .kinds
                .iter()
                .all(|s| matches!(s.fg, Some(Color::Indexed(_)))));
            let t = Theme::named(name, ColorDepth::Basic16);
            let all = [
                t.selected,
                t.current,
                t.hit,
                t.status,
                t.selection,
                t.kinds[0],
            ];
            assert!(all
                .iter()
                .flat_map(|s| [s.fg, s.bg])
                .flatten()
                .all(|c| !matches!(c, Color::Rgb(..) | Color::Indexed(_))));
        }
    }
}
