//! Word lists the rules consult: function words, titles, organization and
//! place heads, administrative divisions, acronym connectors, months.

/// Words that are never a name on their own (lower case).
#[rustfmt::skip]
pub(super) const STOP: &[&str] = &[
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
];

/// Month names (never a name alone; "May" is left to the tagger's context).
#[rustfmt::skip]
pub(super) const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
    "sep.", "sept.", "oct.", "nov.", "dec.",
];

/// Titles and offices that precede a person's name but are not part of it.
#[rustfmt::skip]
pub(super) const TITLES: &[&str] = &[
    "adm.", "admiral", "ambassador", "archbishop", "bishop", "capt.", "captain", "chairman",
    "chairwoman", "chancellor", "chief", "col.", "colonel", "commander", "defense", "defence",
    "deputy", "director", "dr", "dr.", "emir", "envoy", "foreign", "gen.", "general", "gov.",
    "governor", "interior", "judge", "justice", "king", "lady", "lieutenant", "lord", "lt.",
    "madam", "maj.", "major", "mayor", "minister", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
    "pope", "premier", "president", "prime", "prince", "princess", "prof.", "professor", "queen",
    "rep.", "representative", "secretary", "secretary-general", "sen.", "senator", "sergeant",
    "sgt.", "sir", "speaker", "spokesman", "spokeswoman", "vice", "finance",
];

/// Titles that end a title phrase ("Defense Minister", not "Defense").
#[rustfmt::skip]
pub(super) const HEAD_TITLES: &[&str] = &[
    "admiral", "ambassador", "archbishop", "bishop", "captain", "chairman", "chairwoman",
    "chancellor", "colonel", "commander", "director", "dr", "emir", "envoy", "general",
    "governor", "judge", "king", "lady", "lieutenant", "lord", "mayor", "minister", "mr", "mrs",
    "ms", "pope", "premier", "president", "prince", "princess", "professor", "queen", "secretary",
    "secretary-general", "senator", "sergeant", "sir", "speaker", "spokesman", "spokeswoman",
    "gen", "col", "capt", "lt", "sgt", "adm", "gov", "sen", "prof",
];

/// Last words that make a name an organization.
#[rustfmt::skip]
pub(super) const ORG_HEADS: &[&str] = &[
    "agency", "airlines", "army", "assembly", "association", "bank", "board", "bureau", "club",
    "college", "commission", "committee", "company", "corp", "corporation", "council", "court",
    "department", "embassy", "federation", "forces", "foundation", "front", "group", "inc",
    "institute", "league", "ltd", "ministry", "movement", "navy", "office", "organisation",
    "organization", "parliament", "party", "police", "school", "service", "union", "university",
];

/// Last words that make a name a place.
#[rustfmt::skip]
pub(super) const PLACE_HEADS: &[&str] = &[
    "bay", "canyon", "desert", "gorge", "gulf", "island", "islands", "lake", "mountains", "ocean",
    "pass", "peninsula", "plateau", "river", "sea", "strait", "valley",
];

/// Words naming an administrative division after a place name.
#[rustfmt::skip]
pub(super) const DIVISIONS: &[&str] = &[
    "region", "province", "oblast", "district", "governorate", "prefecture", "county", "krai",
    "territory", "canton", "municipality", "department", "state",
];

/// Words allowed inside an acronym's expansion without giving a letter.
#[rustfmt::skip]
pub(super) const CONNECTORS: &[&str] = &[
    "of", "and", "for", "the", "on", "in", "&", "de", "du", "des", "la", "to",
];

/// Whether `word`, ignoring case and a final full stop, is in `list` (whose
/// entries are lower case ASCII); lengths and the first byte are compared
/// before anything else, as these lookups run for every candidate name.
pub(super) fn lower_in(word: &str, list: &[&str]) -> bool {
    let w = word.trim_end_matches('.');
    let Some(first) = w.as_bytes().first().map(u8::to_ascii_lowercase) else {
        return false;
    };
    // The entries are ASCII; an entry shorter than the word cannot match (its
    // length is read without following its pointer).
    if !first.is_ascii() {
        return false;
    }
    list.iter().any(|x| {
        x.len() >= w.len() && x.as_bytes().first() == Some(&first) && {
            let x2 = x.trim_end_matches('.');
            x2.len() == w.len() && x2.eq_ignore_ascii_case(w)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lower_case_ascii() {
        for list in [
            STOP,
            MONTHS,
            TITLES,
            HEAD_TITLES,
            ORG_HEADS,
            PLACE_HEADS,
            DIVISIONS,
            CONNECTORS,
        ] {
            for w in list {
                assert!(
                    !w.is_empty() && w.is_ascii() && *w == w.to_lowercase(),
                    "{w}"
                );
            }
        }
    }

    #[test]
    fn looks_up_ignoring_case_and_final_stop() {
        assert!(lower_in("Gen", TITLES) && lower_in("GEN.", TITLES));
        assert!(lower_in("Ministry", ORG_HEADS) && !lower_in("Minis", ORG_HEADS));
        assert!(!lower_in("", STOP) && !lower_in(".", STOP) && !lower_in("Ölü", STOP));
    }
}
