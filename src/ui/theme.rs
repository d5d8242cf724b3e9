//! Colours and non-colour cues. Entity kinds use the Okabe–Ito palette, which
//! colour-blind readers can tell apart, and each kind also has its own text
//! modifier so kinds stay distinct in greyscale and with `NO_COLOR`.

use crate::entities::Kind;
use ratatui::style::{Color, Modifier, Style};

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
        }
    }

    /// The theme the environment asks for: monochrome under `NO_COLOR` or `TERM=dumb`.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
        if no_color || dumb {
            Theme::monochrome()
        } else {
            Theme::default()
        }
    }

    /// The style of entity kind `k`.
    pub fn kind(&self, k: Kind) -> Style {
        self.kinds[k as usize]
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
}
