//! The note editor: a small multi-line text field for an annotation's note,
//! with grapheme-correct cursor motion and completion of `#tags` from the tags
//! already in use. Pure state; keys arrive as [`EditOp`]s.

use unicode_segmentation::UnicodeSegmentation;

/// One editing operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditOp {
    Insert(char),
    Newline,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    /// Complete the `#tag` before the cursor.
    Complete,
}

/// The text being written and the cursor in it (a byte offset on a grapheme boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteEditor {
    pub text: String,
    pub cursor: usize,
    /// The text the editor opened with, to tell whether anything was typed.
    pub original: String,
}

impl NoteEditor {
    /// An editor holding `text`, the cursor at its end.
    pub fn new(text: &str) -> NoteEditor {
        NoteEditor {
            text: text.to_string(),
            cursor: text.len(),
            original: text.to_string(),
        }
    }

    /// Whether the text differs from what the editor opened with.
    pub fn changed(&self) -> bool {
        self.text != self.original
    }

    /// Applies `op`; `tags` are the known tags for completion.
    pub fn apply(&mut self, op: EditOp, tags: &[String]) {
        match op {
            EditOp::Insert(c) if !c.is_control() => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
            }
            EditOp::Insert(_) => {}
            EditOp::Newline => {
                self.text.insert(self.cursor, '\n');
                self.cursor += 1;
            }
            EditOp::Backspace => {
                let prev = self.prev_boundary();
                self.text.replace_range(prev..self.cursor, "");
                self.cursor = prev;
            }
            EditOp::Delete => {
                let next = self.next_boundary();
                self.text.replace_range(self.cursor..next, "");
            }
            EditOp::Left => self.cursor = self.prev_boundary(),
            EditOp::Right => self.cursor = self.next_boundary(),
            EditOp::Home => self.cursor = self.line_start(self.cursor),
            EditOp::End => self.cursor = self.line_end(self.cursor),
            EditOp::Up => self.vertical(-1),
            EditOp::Down => self.vertical(1),
            EditOp::Complete => self.complete(tags),
        }
    }

    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    fn line_start(&self, pos: usize) -> usize {
        self.text[..pos].rfind('\n').map_or(0, |i| i + 1)
    }

    fn line_end(&self, pos: usize) -> usize {
        self.text[pos..]
            .find('\n')
            .map_or(self.text.len(), |i| pos + i)
    }

    /// Moves to the same grapheme column on the line above or below.
    fn vertical(&mut self, dir: i32) {
        let start = self.line_start(self.cursor);
        let col = self.text[start..self.cursor].graphemes(true).count();
        let target_start = if dir < 0 {
            if start == 0 {
                return;
            }
            self.line_start(start - 1)
        } else {
            let end = self.line_end(self.cursor);
            if end == self.text.len() {
                return;
            }
            end + 1
        };
        let line_end = self.line_end(target_start);
        self.cursor = self.text[target_start..line_end]
            .grapheme_indices(true)
            .nth(col)
            .map_or(line_end, |(i, _)| target_start + i);
    }

    /// The `#word` being typed at the cursor, without the `#`.
    pub fn tag_prefix(&self) -> Option<&str> {
        let before = &self.text[..self.cursor];
        let hash = before.rfind('#')?;
        let word = &before[hash + 1..];
        let starts_word = hash == 0 || before[..hash].ends_with(char::is_whitespace);
        (starts_word
            && word
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_'))
        .then_some(word)
    }

    /// Tags from `tags` that complete the `#word` at the cursor.
    pub fn completions<'t>(&self, tags: &'t [String]) -> Vec<&'t str> {
        let Some(prefix) = self.tag_prefix() else {
            return Vec::new();
        };
        let lower = prefix.to_lowercase();
        tags.iter()
            .map(String::as_str)
            .filter(|t| t.to_lowercase().starts_with(&lower) && t.len() > prefix.len())
            .collect()
    }

    /// Completes the `#word` at the cursor to the longest prefix shared by the candidates.
    fn complete(&mut self, tags: &[String]) {
        let cands = self.completions(tags);
        let Some(first) = cands.first() else {
            return;
        };
        let common = cands.iter().fold(first.to_string(), |acc, c| {
            acc.chars()
                .zip(c.chars())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect()
        });
        let prefix_len = self.tag_prefix().map_or(0, str::len);
        let start = self.cursor - prefix_len;
        let mut replacement = common;
        if cands.len() == 1 {
            replacement.push(' ');
        }
        if replacement.len() > prefix_len {
            self.text.replace_range(start..self.cursor, &replacement);
            self.cursor = start + replacement.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> NoteEditor {
        let mut e = NoteEditor::new("");
        for c in s.chars() {
            e.apply(
                if c == '\n' {
                    EditOp::Newline
                } else {
                    EditOp::Insert(c)
                },
                &[],
            );
        }
        e
    }

    #[test]
    fn typing_and_deleting_respect_graphemes() {
        let mut e = typed("Қаз 👨‍👩‍👧");
        assert!(e.changed());
        e.apply(EditOp::Backspace, &[]);
        assert_eq!(e.text, "Қаз ");
        e.apply(EditOp::Left, &[]);
        e.apply(EditOp::Left, &[]);
        e.apply(EditOp::Delete, &[]);
        assert_eq!(e.text, "Қа ");
        e.apply(EditOp::Insert('\u{1b}'), &[]);
        assert!(!e.text.contains('\u{1b}'));
    }

    #[test]
    fn lines_and_columns() {
        let mut e = typed("first line\nsecond");
        e.apply(EditOp::Up, &[]);
        assert_eq!(&e.text[..e.cursor], "first ");
        e.apply(EditOp::End, &[]);
        assert_eq!(&e.text[..e.cursor], "first line");
        e.apply(EditOp::Down, &[]);
        assert_eq!(e.cursor, e.text.len());
        e.apply(EditOp::Home, &[]);
        assert_eq!(&e.text[e.cursor..], "second");
    }

    #[test]
    fn tags_complete_from_known_ones() {
        let tags = vec![
            "security".to_string(),
            "sea".to_string(),
            "csto".to_string(),
        ];
        let mut e = typed("Watch this #cs");
        assert_eq!(e.completions(&tags), ["csto"]);
        e.apply(EditOp::Complete, &tags);
        assert_eq!(e.text, "Watch this #csto ");
        let mut e = typed("#se");
        e.apply(EditOp::Complete, &tags);
        assert_eq!(e.text, "#se");
        let mut e = typed("#sec");
        e.apply(EditOp::Complete, &tags);
        assert_eq!(e.text, "#security ");
        assert_eq!(typed("email#x").tag_prefix(), None);
    }
}
