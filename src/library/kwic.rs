//! Keyword in context: a mention with the words around it in its sentence, on one
//! line, for concordance lists. Whitespace runs become one space and every other
//! control is shown as a visible marker, so nothing from a brief reaches the terminal raw.

use super::Hit;
use crate::display::escape_controls;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One concordance line: `left` ends where the keyword starts, `right` starts where it ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kwic {
    /// At most the requested width; starts with `…` when cut.
    pub left: String,
    pub keyword: String,
    /// At most the requested width; ends with `…` when cut.
    pub right: String,
}

/// The line for `hit` in `text` (the brief's text), with at most `width` columns of
/// context each side. `None` if the spans do not fit the text (the file changed).
pub fn kwic(text: &str, hit: &Hit, width: usize) -> Option<Kwic> {
    let sentence = if hit.sentence.start <= hit.span.start && hit.span.end <= hit.sentence.end {
        hit.sentence
    } else {
        hit.span
    };
    let left = clean(text.get(sentence.start..hit.span.start)?);
    let keyword = clean(text.get(hit.span.start..hit.span.end)?);
    let right = clean(text.get(hit.span.end..sentence.end)?);
    Some(Kwic {
        left: keep_end(left.trim_start(), width),
        keyword: keyword.trim().to_owned(),
        right: keep_start(right.trim_end(), width),
    })
}

/// The line for `hit` fitted into `total` columns: the keyword (cut to half
/// of the line if it is longer), and the context split evenly between the two
/// sides, the left keeping the words right before the keyword and the right
/// those right after it.
pub fn kwic_fit(text: &str, hit: &Hit, total: usize) -> Option<Kwic> {
    let whole = kwic(text, hit, total)?;
    let keyword = keep_start(&whole.keyword, (total / 2).max(1));
    let side = total.saturating_sub(keyword.width()) / 2;
    let fitted = kwic(text, hit, side)?;
    Some(Kwic { keyword, ..fitted })
}

/// Whitespace runs (line breaks, tabs) as one space; other controls escaped.
fn clean(s: &str) -> String {
    let mut flat = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                flat.push(' ');
            }
            space = true;
        } else {
            flat.push(c);
            space = false;
        }
    }
    escape_controls(&flat).into_owned()
}

fn keep_start(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in s.graphemes(true) {
        if w + g.width() + 1 > width {
            break;
        }
        out.push_str(g);
        w += g.width();
    }
    if width > 0 {
        out.push('…');
    }
    out
}

fn keep_end(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_owned();
    }
    let mut kept = Vec::new();
    let mut w = 0;
    for g in s.graphemes(true).rev() {
        if w + g.width() + 1 > width {
            break;
        }
        kept.push(g);
        w += g.width();
    }
    let mut out = String::from(if width > 0 { "…" } else { "" });
    out.extend(kept.into_iter().rev());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;

    fn hit(text: &str, word: &str) -> Hit {
        let start = text.find(word).unwrap();
        Hit {
            brief: 0,
            mention: 0,
            span: Span::new(start, start + word.len()),
            sentence: Span::new(0, text.len()),
        }
    }

    #[test]
    fn context_is_cut_to_width_on_grapheme_edges() {
        let text = "Officials in Қазақстан said Bordyuzha met 🇰🇿 delegates in Astana today.";
        let k = kwic(text, &hit(text, "Bordyuzha"), 12).unwrap();
        assert_eq!(k.keyword, "Bordyuzha");
        assert_eq!(k.left, "…қстан said ");
        assert!(k.left.width() <= 12 && k.right.width() <= 12);
        assert!(k.right.starts_with(" met 🇰🇿"), "{}", k.right);
        assert!(k.right.ends_with('…'));
        let wide = kwic(text, &hit(text, "Bordyuzha"), 200).unwrap();
        assert_eq!(format!("{}{}{}", wide.left, wide.keyword, wide.right), text);
    }

    #[test]
    fn controls_never_come_through_and_line_breaks_become_spaces() {
        let text = "The \u{1b}]52;c;ZXZpbA==\u{7}\ttanker\nTanker\u{202e}X sailed \u{9b}31m on.";
        let k = kwic(text, &hit(text, "Tanker\u{202e}X"), 80).unwrap();
        for part in [&k.left, &k.keyword, &k.right] {
            assert!(
                !part.chars().any(crate::display::needs_marker),
                "raw control in {part:?}"
            );
        }
        assert!(k.left.ends_with("tanker "), "{}", k.left);
        assert!(k.keyword.starts_with("Tanker"));
        assert!(
            k.keyword.len() > "TankerX".len(),
            "the bidi override is shown: {}",
            k.keyword
        );
    }

    #[test]
    fn a_fitted_line_keeps_the_words_next_to_the_keyword() {
        let text = "Chinese President Hu Jintao welcomed Russian President Vladimir Putin in Beijing on Monday.";
        let k = kwic_fit(text, &hit(text, "Vladimir Putin"), 60).unwrap();
        assert_eq!(k.keyword, "Vladimir Putin");
        assert!(k.left.ends_with("Russian President "), "{}", k.left);
        assert!(k.right.starts_with(" in Beijing"), "{}", k.right);
        let used = k.left.width() + k.keyword.width() + k.right.width();
        assert!(used <= 60, "{used}");
    }

    #[test]
    fn spans_off_the_text_give_none() {
        let text = "Қазақстан";
        let h = Hit {
            brief: 0,
            mention: 0,
            span: Span::new(1, 4),
            sentence: Span::new(0, 40),
        };
        assert_eq!(kwic(text, &h, 10), None);
    }
}
