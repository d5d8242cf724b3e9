//! Word lists the rules consult: function words, titles, organization and
//! place heads, administrative divisions, acronym connectors, months.

use super::hashing::{lower_hash, HashSet64};
use std::sync::OnceLock;

/// Words that are never a name on their own (lower case).
#[rustfmt::skip]
pub(super) static STOP: WordList = WordList::new(&[
    "a", "about", "according", "after", "also", "although", "an", "and", "another", "any", "as",
    "at", "because", "before", "both", "but", "by", "despite", "during", "each", "either", "even",
    "every", "for", "from", "furthermore", "he", "her", "here", "his", "how", "however", "i",
    "if", "in", "indeed", "it", "its", "many", "meanwhile", "moreover", "most", "my", "neither",
    "nevertheless", "no", "nor", "not", "now", "of", "on", "once", "or", "other", "our", "she",
    "since", "so", "some", "such", "than", "that", "the", "their", "then", "there", "these",
    "they", "this", "those", "though", "thus", "to", "today", "tomorrow", "unlike", "until", "we",
    "what", "when", "where", "whether", "which", "while", "who", "why", "with", "without",
    "yesterday", "yet", "you", "your", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
]);

/// Month names (never a name alone; "May" is left to the tagger's context).
#[rustfmt::skip]
pub(super) static MONTHS: WordList = WordList::new(&[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
    "sep.", "sept.", "oct.", "nov.", "dec.",
]);

/// Titles and offices that precede a person's name but are not part of it.
#[rustfmt::skip]
pub(super) static TITLES: WordList = WordList::new(&[
    "adm.", "admiral", "ambassador", "archbishop", "bishop", "capt.", "captain", "chairman",
    "chairwoman", "chancellor", "chief", "col.", "colonel", "commander", "defense", "defence",
    "deputy", "director", "dr", "dr.", "emir", "envoy", "foreign", "gen.", "general", "gov.",
    "governor", "interior", "judge", "justice", "king", "lady", "lieutenant", "lord", "lt.",
    "madam", "maj.", "major", "mayor", "minister", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
    "pope", "premier", "president", "prime", "prince", "princess", "prof.", "professor", "queen",
    "rep.", "representative", "secretary", "secretary-general", "sen.", "senator", "sergeant",
    "sgt.", "sir", "speaker", "spokesman", "spokeswoman", "vice", "finance",
]);

/// Titles that end a title phrase ("Defense Minister", not "Defense").
#[rustfmt::skip]
pub(super) static HEAD_TITLES: WordList = WordList::new(&[
    "admiral", "ambassador", "archbishop", "bishop", "captain", "chairman", "chairwoman",
    "chancellor", "colonel", "commander", "director", "dr", "emir", "envoy", "general",
    "governor", "judge", "king", "lady", "lieutenant", "lord", "mayor", "minister", "mr", "mrs",
    "ms", "pope", "premier", "president", "prince", "princess", "professor", "queen", "secretary",
    "secretary-general", "senator", "sergeant", "sir", "speaker", "spokesman", "spokeswoman",
    "gen", "col", "capt", "lt", "sgt", "adm", "gov", "sen", "prof",
]);

/// Last words that make a name an organization.
#[rustfmt::skip]
pub(super) static ORG_HEADS: WordList = WordList::new(&[
    "agency", "airlines", "army", "assembly", "association", "band", "bank", "board", "bureau", "choir", "club",
    "college", "commission", "committee", "company", "corp", "corporation", "council", "court",
    "department", "embassy", "federation", "forces", "foundation", "front", "group", "inc",
    "institute", "league", "ltd", "ministry", "movement", "navy", "office", "organisation",
    "orchestra", "organization", "parliament", "party", "police", "school", "service", "union", "university",
]);

/// Legal forms that end a company's name ("Nordmark AG", "Tellus Corp"): the
/// name without them is the company too.
#[rustfmt::skip]
pub(super) static CORP_SUFFIXES: WordList = WordList::new(&[
    "ab", "ag", "asa", "bhd", "co", "co.", "corp", "corp.", "corporation", "gmbh", "group",
    "holdings", "inc", "inc.", "jsc", "limited", "llc", "ltd", "ltd.", "n.v.", "nv", "oao",
    "ojsc", "oyj", "pjsc", "plc", "pte", "pty", "s.a.", "s.p.a.", "sa", "spa",
]);

/// Last words that make a name a place.
#[rustfmt::skip]
pub(super) static PLACE_HEADS: WordList = WordList::new(&[
    "bay", "canyon", "desert", "gorge", "gulf", "island", "islands", "lake", "mountains", "ocean",
    "pass", "peninsula", "plateau", "river", "sea", "strait", "valley",
]);

/// Words naming an administrative division after a place name.
#[rustfmt::skip]
pub(super) static DIVISIONS: WordList = WordList::new(&[
    "region", "province", "oblast", "district", "governorate", "prefecture", "county", "krai",
    "territory", "canton", "municipality", "department", "state",
]);

/// Words allowed inside an acronym's expansion without giving a letter.
#[rustfmt::skip]
pub(super) static CONNECTORS: WordList = WordList::new(&[
    "of", "and", "for", "the", "on", "in", "&", "de", "du", "des", "la", "to",
]);

/// A list of lower-case ASCII words looked up ignoring case and a final full
/// stop, through a hashed index built on first use: the rules consult these
/// lists for every candidate name, and a scan of a hundred entries showed up
/// as 6% of `folio entities`.
pub(super) struct WordList {
    words: &'static [&'static str],
    index: OnceLock<HashSet64>,
}

/// The lookup key: the word without final full stops, ASCII lower-cased.
fn key(word: &str) -> Option<u64> {
    let w = word.trim_end_matches('.');
    (!w.is_empty() && w.is_ascii()).then(|| lower_hash(w))
}

impl WordList {
    pub(super) const fn new(words: &'static [&'static str]) -> WordList {
        WordList {
            words,
            index: OnceLock::new(),
        }
    }

    /// Whether `word` (any case, final full stops ignored) is in the list.
    pub(super) fn has(&self, word: &str) -> bool {
        let Some(k) = key(word) else {
            return false;
        };
        self.index
            .get_or_init(|| self.words.iter().filter_map(|w| key(w)).collect())
            .contains(&k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lower_case_ascii() {
        for list in [
            &STOP,
            &MONTHS,
            &TITLES,
            &HEAD_TITLES,
            &ORG_HEADS,
            &CORP_SUFFIXES,
            &PLACE_HEADS,
            &DIVISIONS,
            &CONNECTORS,
        ] {
            for w in list.words {
                assert!(
                    !w.is_empty() && w.is_ascii() && *w == w.to_lowercase(),
                    "{w}"
                );
            }
        }
    }

    #[test]
    fn looks_up_ignoring_case_and_final_stop() {
        assert!(TITLES.has("Gen") && TITLES.has("GEN.") && TITLES.has("gen."));
        assert!(ORG_HEADS.has("Ministry") && !ORG_HEADS.has("Minis"));
        assert!(!STOP.has("") && !STOP.has(".") && !STOP.has("Ölü"));
    }
}
