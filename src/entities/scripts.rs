//! Words written in other alphabets than Latin. The name lists hold countries and big
//! cities in Cyrillic, Greek, Armenian, Georgian, Hebrew and Arabic script
//! (`scripts/build-gazetteers`), and the tagger, trained on English, barely knows such
//! words: a listed one standing alone is a place by the lists' word alone.

/// The alphabets the name lists hold names in, as Unicode blocks.
const BLOCKS: [(u32, u32, bool); 9] = [
    // (first, last, whether the alphabet has capitals)
    (0x0370, 0x03FF, true),  // Greek
    (0x1F00, 0x1FFF, true),  // Greek extended
    (0x0400, 0x052F, true),  // Cyrillic and its supplement
    (0x0530, 0x058F, true),  // Armenian
    (0x0590, 0x05FF, false), // Hebrew
    (0x0600, 0x06FF, false), // Arabic
    (0x0750, 0x077F, false), // Arabic supplement
    (0x10A0, 0x10FF, false), // Georgian (Mkhedruli has no capitals in use)
    (0xFB50, 0xFEFF, false), // Arabic presentation forms
];

fn block(c: char) -> Option<(u32, u32, bool)> {
    let c = c as u32;
    BLOCKS
        .iter()
        .copied()
        .find(|&(lo, hi, _)| (lo..=hi).contains(&c))
}

/// Whether `word` is written in one of the other alphabets and, where that alphabet
/// has capitals, starts with one ("Москва" but not "москва" or "Moskva").
pub(super) fn other_script_name(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return false;
    };
    let Some((_, _, cased)) = block(first) else {
        return false;
    };
    (!cased || first.is_uppercase()) && letters.all(|c| block(c).is_some())
}

/// Whether `c` is a letter of one of the other alphabets.
pub(super) fn in_other_alphabet(c: char) -> bool {
    block(c).is_some()
}

/// Whether `word` starts with a letter of an alphabet without capitals (Arabic,
/// Hebrew, Georgian), where a name cannot be told by its first letter.
pub(super) fn starts_caseless(word: &str) -> bool {
    word.as_bytes().first().is_some_and(|b| !b.is_ascii())
        && word
            .chars()
            .next()
            .and_then(block)
            .is_some_and(|(_, _, cased)| !cased)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_other_alphabets_from_latin() {
        for w in [
            "Москва",
            "Київ",
            "Αθήνα",
            "القاهرة",
            "ירושלים",
            "Երևան",
            "თბილისი",
        ] {
            assert!(other_script_name(w), "{w}");
        }
        for w in [
            "москва",
            "Moskva",
            "Astana",
            "Мoskva",
            "",
            "2024",
            "-",
            "Ölü",
        ] {
            assert!(!other_script_name(w), "{w}");
        }
        assert!(starts_caseless("القاهرة") && starts_caseless("ירושלים"));
        assert!(!starts_caseless("Москва") && !starts_caseless("Cairo") && !starts_caseless(""));
    }
}
