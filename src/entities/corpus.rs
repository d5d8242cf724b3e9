//! The training corpus: BIO-tagged CoNLL files read into documents and
//! sentences, and the common-word lexicon learned from them.

use std::collections::HashMap;
use std::fmt::Write as _;

/// One sentence of the training corpus.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<u8>,
}

/// One document: its source file, id and sentences.
#[derive(Debug, Clone)]
pub struct Doc {
    pub source: String,
    pub id: String,
    pub sentences: Vec<Sentence>,
}

/// Tag index of a BIO label (`O`, `B-PER`, `I-LOC`, ...).
pub fn tag_of(label: &str) -> u8 {
    let (bi, kind) = match label.split_once('-') {
        Some(x) => x,
        None => return 0,
    };
    let k = match kind {
        "PER" => 0,
        "ORG" => 1,
        "LOC" => 2,
        "MISC" => 3,
        _ => return 0,
    };
    1 + 2 * k + u8::from(bi == "I")
}

/// Reads one CoNLL file (`token<TAB>tag` lines, blank lines between
/// sentences, `-DOCSTART-` lines between documents).
pub fn read_conll(text: &str, source: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut doc = Doc {
        source: source.to_string(),
        id: String::new(),
        sentences: Vec::new(),
    };
    let mut sent = Sentence {
        words: Vec::new(),
        tags: Vec::new(),
    };
    let flush_sent = |doc: &mut Doc, sent: &mut Sentence| {
        if !sent.words.is_empty() {
            doc.sentences.push(std::mem::replace(
                sent,
                Sentence {
                    words: Vec::new(),
                    tags: Vec::new(),
                },
            ));
        }
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            flush_sent(&mut doc, &mut sent);
            continue;
        }
        let (word, label) = line.split_once('\t').unwrap_or((line, "O"));
        if word == "-DOCSTART-" {
            flush_sent(&mut doc, &mut sent);
            if !doc.sentences.is_empty() {
                docs.push(doc.clone());
            }
            doc.sentences.clear();
            doc.id = label.to_string();
            continue;
        }
        sent.words.push(word.to_string());
        sent.tags.push(tag_of(label.trim()));
    }
    flush_sent(&mut doc, &mut sent);
    if !doc.sentences.is_empty() {
        docs.push(doc);
    }
    docs
}

/// Words that the corpus writes in lower case more often than capitalized
/// (away from sentence starts): the lexicon that tells "However" from "Astana".
pub fn learn_lexicon(docs: &[Doc]) -> String {
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for d in docs {
        for s in &d.sentences {
            for (i, w) in s.words.iter().enumerate() {
                if i == 0 || !w.chars().all(char::is_alphabetic) || w.chars().count() < 2 {
                    continue;
                }
                let e = counts.entry(w.to_lowercase()).or_default();
                if w.chars().next().is_some_and(char::is_lowercase) {
                    e.0 += 1;
                } else {
                    e.1 += 1;
                }
            }
        }
    }
    let mut words: Vec<&String> = counts
        .iter()
        .filter(|(_, &(lo, up))| lo >= 3 && lo > 2 * up)
        .map(|(w, _)| w)
        .collect();
    words.sort();
    let mut out =
        String::from("# common lower-case words, learned by folio-train from ner-train\n");
    for w in words {
        let _ = writeln!(out, "{w}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_keeps_lower_case_words() {
        let text = "a\tO\nthe\tO\nhowever\tO\n\nx\tO\nthe\tO\nHowever\tO\n\ny\tO\nthe\tO\nhowever\tO\n\nz\tO\nthe\tO\nhowever\tO\nAstana\tB-LOC\n";
        let lex = learn_lexicon(&read_conll(text, "gum"));
        assert!(lex.lines().any(|l| l == "the"));
        assert!(lex.lines().any(|l| l == "however"));
        assert!(!lex.lines().any(|l| l == "astana"));
    }
}
