//! Paragraphs and sentences. Paragraphs are separated by blank lines (or
//! U+2029); sentences come from Unicode sentence bounds (UAX #29), then
//! mended where a period ends an abbreviation, an initial or a number sign.

use super::bounds::sentence_bounds;
use super::Span;

/// Byte spans of the paragraphs of `text[start..]`, trimmed of surrounding whitespace.
pub fn paragraphs(text: &str, start: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut para: Option<Span> = None;
    let mut pos = start;
    let bytes = text.as_bytes();
    while pos < text.len() {
        let (line_end, next) = line_at(text, pos);
        let line = &text[pos..line_end];
        let blank = line.trim().is_empty();
        if blank {
            out.extend(para.take());
        } else {
            let lead = line.len() - line.trim_start().len();
            let trail = line.trim_end().len();
            match &mut para {
                Some(p) => p.end = pos + trail,
                None => para = Some(Span::new(pos + lead, pos + trail)),
            }
            if bytes[line_end..].starts_with("\u{2029}".as_bytes()) {
                out.extend(para.take());
            }
        }
        pos = next;
    }
    out.extend(para);
    out
}

/// End of the line starting at `pos` and start of the next one. Breaks are LF, CRLF,
/// CR, U+2028 and U+2029 (found by their bytes: `memchr` for LF, CR and the
/// first byte of the two separators, which is checked further).
fn line_at(text: &str, pos: usize) -> (usize, usize) {
    let rest = &text.as_bytes()[pos..];
    let mut from = 0;
    while let Some(k) = memchr::memchr3(b'\n', b'\r', 0xe2, &rest[from..]) {
        let i = from + k;
        let len = match rest[i..] {
            [b'\r', b'\n', ..] => 2,
            [b'\r' | b'\n', ..] => 1,
            [0xe2, 0x80, 0xa8 | 0xa9, ..] => 3,
            _ => {
                from = i + 1;
                continue;
            }
        };
        return (pos + i, pos + i + len);
    }
    (text.len(), text.len())
}

/// Words that end in a period without ending a sentence when a name or number follows.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
    "cpl", "pvt", "gov", "sen", "rep", "pres", "amb", "rev", "hon", "st", "mt", "ft", "no", "nos",
    "vol", "art", "fig", "sec", "ch", "pp", "vs", "v", "etc", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "ltd", "co", "bros", "jr",
    "sr", "e.g", "i.e", "cf", "approx", "est", "dept", "univ", "assn", "gens", "messrs", "mme",
    "mlle",
];

/// Words that usually start a new sentence even after "U.S." and similar.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "But",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "On",
    "At",
    "As",
    "And",
    "However",
    "Yet",
    "So",
    "If",
    "When",
    "While",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "After",
    "Before",
    "Meanwhile",
    "Still",
    "Such",
    "Both",
];

/// Byte spans of the sentences of the paragraph `para` of `text`, trimmed of whitespace.
pub fn sentences(text: &str, para: Span) -> Vec<Span> {
    let slice = para.slice(text);
    let mut out: Vec<Span> = Vec::new();
    let mut merge_next = false;
    let mut bounds = Vec::new();
    sentence_bounds(slice, &mut bounds);
    for (i, end) in bounds {
        let s = &slice[i..end];
        let trimmed = s.trim_end();
        let lead = trimmed.len() - trimmed.trim_start().len();
        if trimmed.trim_start().is_empty() {
            continue;
        }
        let span = Span::new(para.start + i + lead, para.start + i + trimmed.len());
        let joins = merge_next
            && !s_has_hard_break(&text[out.last().map_or(span.start, |p| p.end)..span.start])
            && continues_sentence(span.slice(text));
        match out.last_mut() {
            Some(prev) if joins => prev.end = span.end,
            _ => out.push(span),
        }
        let last = *out.last().expect("just pushed");
        merge_next = ends_in_abbreviation(last.slice(text));
    }
    out
}

fn s_has_hard_break(gap: &str) -> bool {
    gap.contains(['\n', '\r', '\u{2028}', '\u{2029}'])
}

/// Whether a period at the end of `sentence` likely belongs to an abbreviation or initial.
fn ends_in_abbreviation(sentence: &str) -> bool {
    let Some(body) = sentence.strip_suffix('.') else {
        return false;
    };
    let word = body
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    let mut letters = word.chars();
    let single_initial =
        matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    // Dotted acronyms such as U.S, U.N, U.K (the final period is the one stripped).
    let dotted = word.len() >= 3
        && word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    single_initial || dotted || ABBREVIATIONS.contains(&lower.as_str())
}

/// Whether a segment following an abbreviation reads as its continuation.
fn continues_sentence(next: &str) -> bool {
    let first = next.split_whitespace().next().unwrap_or("");
    let word = first.trim_matches(|c: char| !c.is_alphanumeric());
    match first.chars().next() {
        Some(c) if c.is_lowercase() || c.is_ascii_digit() => true,
        Some(c) if c.is_uppercase() => !SENTENCE_STARTERS.contains(&word),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_texts(text: &str) -> Vec<&str> {
        paragraphs(text, 0)
            .into_iter()
            .flat_map(|p| sentences(text, p))
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn lines_end_at_every_kind_of_break() {
        use proptest::prelude::*;
        // The breaks as `str::find` finds them, character by character.
        fn by_chars(text: &str, pos: usize) -> (usize, usize) {
            let rest = &text[pos..];
            match rest.find(['\n', '\r', '\u{2028}', '\u{2029}']) {
                None => (text.len(), text.len()),
                Some(i) if rest[i..].starts_with("\r\n") => (pos + i, pos + i + 2),
                Some(i) => (
                    pos + i,
                    pos + i + rest[i..].chars().next().map_or(1, char::len_utf8),
                ),
            }
        }
        let piece = proptest::sample::select(vec![
            "a", " ", "\n", "\r", "\r\n", "\u{2028}", "\u{2029}", "’", "—", "\u{2027}", "\u{202a}",
            "é", "\n\n",
        ]);
        proptest!(ProptestConfig::with_cases(2000), |(parts in proptest::collection::vec(piece, 0..16))| {
            let text = parts.concat();
            let mut pos = 0;
            while pos < text.len() {
                let got = line_at(&text, pos);
                prop_assert_eq!(got, by_chars(&text, pos), "{:?} at {}", text, pos);
                pos = got.1;
            }
        });
    }

    #[test]
    fn paragraphs_split_on_blank_lines_of_any_kind() {
        let text = "One.\nStill one.\r\n \r\nTwo.\r\rThree.\u{2029}Four.";
        let paras: Vec<&str> = paragraphs(text, 0).iter().map(|p| p.slice(text)).collect();
        assert_eq!(paras, ["One.\nStill one.", "Two.", "Three.", "Four."]);
    }

    #[test]
    fn abbreviations_initials_and_numbers_do_not_end_sentences() {
        let text = "He served in unit No. 2091 in Almaty. Gen. Smith agreed with the U.S. Army. \
                    J. R. Doe left. The U.S. The end.";
        assert_eq!(
            sentence_texts(text),
            [
                "He served in unit No. 2091 in Almaty.",
                "Gen. Smith agreed with the U.S. Army.",
                "J. R. Doe left.",
                "The U.S.",
                "The end."
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let text = "Akhmetov declared: “We have systematized it.” Then he left.";
        assert_eq!(
            sentence_texts(text),
            [
                "Akhmetov declared: “We have systematized it.”",
                "Then he left."
            ]
        );
    }

    #[test]
    fn line_breaks_end_sentences_in_token_joined_text() {
        let text = "Obama 's plan\nwas announced .";
        assert_eq!(sentence_texts(text), ["Obama 's plan", "was announced ."]);
    }
}
