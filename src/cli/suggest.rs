//! A mistyped command: `folio entitie x` would otherwise open `entitie` as a brief
//! and fail with "no such file". When the first argument is not an existing path
//! but is close to a command's name, folio says which command was meant.

use std::path::Path;

/// The commands `word` may have been meant as: names within two edits of it (a
/// swap of neighbours counts as one), or that it begins; empty for an existing
/// path, for a word that looks like a path, or for one too short to tell.
pub fn commands_like<'a>(word: &str, names: &[&'a str]) -> Vec<&'a str> {
    if word.len() < 2
        || word.contains(['/', '.', '\\'])
        || Path::new(word).symlink_metadata().is_ok()
    {
        return Vec::new();
    }
    let lower = word.to_lowercase();
    let mut found: Vec<(usize, &str)> = names
        .iter()
        .filter_map(|&name| {
            let d = distance(&lower, name);
            let close = d <= 2 && d < lower.chars().count();
            (close || name.starts_with(&lower)).then_some((d, name))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, name)| name).collect()
}

/// The message for a mistyped command: `unknown command 'entitie'; did you mean 'entities'?`.
pub fn message(word: &str, like: &[&str]) -> String {
    let quoted: Vec<String> = like.iter().map(|n| format!("'{n}'")).collect();
    let options = match quoted.as_slice() {
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
        [] => String::new(),
    };
    format!(
        "unknown command '{}'; did you mean {options}?",
        crate::display::escape_controls(word)
    )
}

/// Optimal string alignment distance: insertions, deletions, substitutions and
/// swaps of two neighbouring characters each cost one.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 4] = ["entities", "timeline", "text", "man"];

    #[test]
    fn edits_swaps_and_prefixes_are_suggested() {
        assert_eq!(distance("entitie", "entities"), 1);
        assert_eq!(distance("tiemline", "timeline"), 1);
        assert_eq!(commands_like("entitie", &NAMES), ["entities"]);
        assert_eq!(commands_like("tiemline", &NAMES), ["timeline"]);
        assert_eq!(commands_like("tim", &NAMES), ["timeline"]);
        assert_eq!(commands_like("Entitis", &NAMES), ["entities"]);
    }

    #[test]
    fn paths_and_unrelated_words_are_left_alone() {
        assert!(commands_like("brief.txt", &NAMES).is_empty());
        assert!(commands_like("notes/entitie", &NAMES).is_empty());
        assert!(commands_like("caspian", &NAMES).is_empty());
        assert!(commands_like("x", &NAMES).is_empty());
        // Two letters are two edits from anything that long: only a prefix counts.
        assert_eq!(commands_like("te", &NAMES), ["text"]);
    }

    #[test]
    fn the_message_names_every_candidate() {
        assert_eq!(
            message("entitie", &["entities"]),
            "unknown command 'entitie'; did you mean 'entities'?"
        );
        assert_eq!(
            message("t", &["text", "timeline"]),
            "unknown command 't'; did you mean 'text' or 'timeline'?"
        );
    }
}
