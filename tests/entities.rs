//! Entity recognition: annotated fixtures written for folio (names, titles,
//! acronyms, aliases, places, token-joined and ALL-CAPS text), the invariants
//! every result keeps, and the shared sample brief when `../shared` is present.
//! Organizations' own rules are tested in tests/organizations.rs.

mod common;

use common::entities::{check_invariants, extracted, forms, named, parse_markup, run};
use folio::document::Document;
use folio::entities::{extract, Kind};
use std::path::Path;

#[test]
fn markup_helper_parses_spans() {
    let (text, spans) = parse_markup("[Ann Lee]{person} flew to [Oslo]{place}.");
    assert_eq!(text, "Ann Lee flew to Oslo.");
    assert_eq!(spans, vec![(0, 7, Kind::Person), (16, 20, Kind::Place)]);
}

#[test]
fn titles_stay_outside_person_names() {
    run("[Kazakhstan]{place}’s Defense Minister [Daniyal Akhmetov]{person} spoke in [Astana]{place} on Monday.");
    run("The talks were led by President [Vladimir Putin]{person} and Foreign Minister [Sergei Lavrov]{person}.");
    run("The centre was opened by Lt. Gen. [Ants Laaneots]{person} on Tuesday.");
    run("[Uzbek]{misc} President [Islam Karimov]{person} flew to [Bishkek]{place} on Thursday.");
}

#[test]
fn possessives_are_cut_from_names() {
    run("[Russia]{place}'s position was clear, and [Germany]{place}’s was not.");
}

#[test]
fn sentence_initial_function_words_are_not_names() {
    run("However, the plan failed. Such issues remain. Yet the meeting in [Paris]{place} went ahead. Both sides agreed.");
}

#[test]
fn a_short_form_made_of_syllables_is_one_entity_with_its_name() {
    let text = "Patrol boats came through the U.S. European Command (EUCOM), which also \
                trains border guards. A EUCOM team visited Baku in May.";
    let (_, e) = extracted(text);
    let command = named(&e, "U.S. European Command");
    assert_eq!(command.kind, Kind::Organization);
    assert_eq!(
        forms(&e, command, text),
        ["U.S. European Command", "EUCOM", "EUCOM"]
    );
    // One word before the bracket is not taken as what the letters stand for.
    let text = "Shares of Gazprom (GAZP) rose. Officials met in Moscow (MOS) again.";
    let (_, e) = extracted(text);
    for x in &e.entities {
        let f = forms(&e, x, text);
        for short in ["GAZP", "MOS"] {
            assert!(
                !f.contains(&short) || f.iter().all(|w| *w == short),
                "{short} merged with a name: {f:?}"
            );
        }
    }
}

#[test]
fn a_company_with_and_without_its_legal_form_is_one_entity() {
    let text = "Shares of 3M Co rose on Monday. 3M said sales grew, and analysts at 3M \
                expect more. Nordmark AG said it would build a plant; Nordmark shares fell.";
    let (_, e) = extracted(text);
    let three_m = named(&e, "3M Co");
    assert_eq!(three_m.kind, Kind::Organization);
    assert_eq!(forms(&e, three_m, text), ["3M Co", "3M", "3M"]);
    let nordmark = named(&e, "Nordmark AG");
    assert_eq!(forms(&e, nordmark, text), ["Nordmark AG", "Nordmark"]);
    // Two companies that share the bare name: it is linked to neither.
    let text = "Tellus Corp. and Tellus Holdings Ltd reported results. Tellus said more.";
    let (_, e) = extracted(text);
    for full in ["Tellus Corp.", "Tellus Holdings Ltd"] {
        let f = forms(&e, named(&e, full), text);
        assert!(!f.contains(&"Tellus"), "{full}: {f:?}");
    }
}

#[test]
fn acronym_and_expansion_are_one_entity() {
    let text = "The North Atlantic Treaty Organization (NATO) met in Brussels. Later NATO ministers spoke.";
    let (_, e) = extracted(text);
    // The expansion is the canonical name.
    let nato = named(&e, "North Atlantic Treaty Organization");
    assert_eq!(nato.kind, Kind::Organization);
    let texts: Vec<&str> = forms(&e, nato, text);
    assert_eq!(
        texts,
        vec!["North Atlantic Treaty Organization", "NATO", "NATO"]
    );
}

#[test]
fn a_short_form_joins_the_one_name_with_its_initials() {
    let text = "Officials in the United States and the European Union disagreed. \
The U.S. envoy left Brussels, and EU diplomats stayed.";
    let (_, e) = extracted(text);
    for (name, short) in [("United States", "U.S."), ("European Union", "EU")] {
        let ent = named(&e, name);
        let texts: Vec<&str> = forms(&e, ent, text);
        assert_eq!(texts, vec![name, short]);
    }
}

#[test]
fn a_short_form_with_two_possible_expansions_stays_apart() {
    let text = "The National Security Council and the National Salvation Committee both objected in Kiev. \
Later the NSC spokesman declined to comment.";
    let doc = Document::from_text(text);
    let e = extract(&doc);
    check_invariants(&doc, &e);
    for ent in &e.entities {
        let texts: Vec<&str> = forms(&e, ent, text);
        assert!(
            !(texts.contains(&"NSC") && texts.len() > 1),
            "NSC linked to one of two names: {texts:?}"
        );
    }
}

#[test]
fn a_later_surname_is_the_full_name() {
    let text = "Foreign Minister Marat Tazhin arrived on Tuesday. Tazhin said the talks went well.";
    let (_, e) = extracted(text);
    // The full name is canonical.
    let p = named(&e, "Marat Tazhin");
    assert_eq!(p.kind, Kind::Person);
    assert_eq!(p.count(), 2);
}

#[test]
fn a_demonym_before_a_title_and_a_name_is_misc() {
    run("Talks resumed in [Vienna]{place} after [German]{misc} Chancellor [Angela Merkel]{person} phoned.");
    run("The accord was signed by [Kazakh]{misc} Foreign Minister [Erlan Idrissov]{person} in [Astana]{place}.");
    run("On Friday, [French]{misc} President [Jacques Chirac]{person} flew to [Dakar]{place}.");
}

#[test]
fn no_persons_name_ends_in_a_title() {
    // In the sample brief, five leaders are named in one sentence, each after a
    // people's name and a title.
    let sample = include_str!("../assets/briefs/caspian-summit-2007.txt");
    let text = "Leaders met in Baku: Russian President Vladimir Putin, Iranian President \
                Mahmoud Ahmadinejad, Azerbaijani President Ilham Aliyev and Turkmen President \
                Gurbanguly Berdimuhamedov signed the text.";
    for t in [sample, text] {
        let (_, e) = extracted(t);
        for x in e.entities.iter().filter(|x| x.kind == Kind::Person) {
            let last = x.name.split_whitespace().last().unwrap_or("");
            assert!(
                !["President", "Minister", "Chancellor", "Premier"].contains(&last),
                "{}",
                x.name
            );
        }
        assert_eq!(named(&e, "Turkmen").kind, Kind::Misc);
    }
}

#[test]
fn a_surname_after_a_full_name_is_that_person() {
    let text = "Vladimir Putin landed in Tehran on Tuesday. Putin, smiling at the cameras, \
                walked past the guard of honour.";
    let (_, e) = extracted(text);
    // The full name is canonical.
    let p = named(&e, "Vladimir Putin");
    assert_eq!(p.kind, Kind::Person);
    assert_eq!(p.count(), 2, "{:?}", e.entities);
}

#[test]
fn a_spaced_dash_in_a_headline_separates_two_names() {
    run("[NFL]{org} - [COWBOYS]{org} BEAT [GIANTS]{org}.");
    run("Talks with [Guinea-Bissau]{place} resumed.");
}

#[test]
fn nationalities_are_misc() {
    run("[Dutch]{misc} and [Kazakh]{misc} officers met [Russian]{misc} diplomats in [Almaty]{place}.");
}

#[test]
fn token_joined_text_gives_the_same_names() {
    run("[Barack Obama]{person} 's visit to the [U.S.]{place} , he said .");
    run("Officials in [Washington]{place} and [Moscow]{place} said [Russia]{place} 's forces left .");
}

#[test]
fn all_caps_titles_are_tagged() {
    run("[RUSSIA]{place} AND [CHINA]{place} SIGN DEAL IN [BEIJING]{place}");
}

#[test]
fn a_possessive_ends_a_place_inside_a_longer_name() {
    run(
        "Crowds filled [Seattle]{place}, [Washington]{place}'s [Capitol Hill]{place} on Saturday, \
         as they had in [Washington]{place} a week earlier.",
    );
}

#[test]
fn divisions_stay_with_their_place() {
    run("A soldier died in [Almaty Region]{place} last week.");
}

#[test]
fn seas_named_without_sea_are_places() {
    run("Vessels were seized in the [Caspian]{place} and patrols sent to the [Baltic]{place}.");
}

#[test]
fn capitals_and_countries_in_other_alphabets_are_places() {
    run("The delegation flew from [Москва]{place} to [Київ]{place}, then on to [Нұр-Сұлтан]{place}.");
    run("Ministers met in [Αθήνα]{place} and [القاهرة]{place} before a summit in [Казахстан]{place}.");
    run("Talks in [ירושלים]{place} ended on Monday.");
    // Lower-case, short or unlisted words of those alphabets are no places.
    run("He wrote москва and Рим and Привет in his notes.");
}

#[test]
fn odd_and_multibyte_text_keeps_invariants() {
    for text in [
        "",
        "   ",
        "Қазақстан’s capital Астана — and 😀 Kazakhstan's Astana (CSTO) ’s",
        "(((( )))) ’’’ ‘‘ \"\" ...",
        "A (B) C (DE) (F",
        "THE UNITED NATIONS (UN) AND NATO MET IN NEW YORK",
        "e\u{301} Zoë Ångström met Łukasz in Kraków",
        "U.S. U.S. U.S.’s Mr. Smith’s Dr. J. R. R. Tolkien",
    ] {
        let doc = Document::from_text(text);
        let e = extract(&doc);
        check_invariants(&doc, &e);
    }
}

#[test]
#[cfg_attr(not(folio_shared), ignore = "needs ../shared (or FOLIO_SHARED)")]
fn shared_sample_brief_comes_out_right() {
    // `FOLIO_SHARED` points at the shared folder when it is not `../shared`.
    let shared = std::env::var_os("FOLIO_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let path = shared.join("briefs/kazakhstan-csto-2007.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "skipped: {} not found (the shared folder is absent)",
            path.display()
        );
        return;
    };
    let (_, e) = extracted(&text);
    let entity = |name: &str| named(&e, name);
    let texts = |name: &str| -> Vec<&str> { forms(&e, entity(name), &text) };
    let akhmetov = entity("Daniyal Akhmetov");
    assert_eq!(akhmetov.kind, Kind::Person);
    assert_eq!(akhmetov.count(), 4);
    let csto = texts("Collective Security Treaty Organization");
    assert!(csto.contains(&"CSTO") && csto.len() > 10, "{csto:?}");
    let nsc = texts("National Security Committee");
    assert!(nsc.contains(&"NSC"), "{nsc:?}");
    assert_eq!(entity("Interfax-Kazakhstan").kind, Kind::Organization);
    for place in ["Astana", "Almaty Region", "Caspian", "Kazakhstan"] {
        assert_eq!(entity(place).kind, Kind::Place, "{place}");
    }
    for person in [
        "Marat Tazhin",
        "Nikolai Bordyuzha",
        "Klaas van der Tempel",
        "Nazarbayev",
    ] {
        assert_eq!(entity(person).kind, Kind::Person, "{person}");
    }
    for m in e.mentions() {
        let t = m.span().slice(&text);
        assert!(
            !["Such", "Yet", "However", "Both", "The", "In", "On"].contains(&t),
            "{t} highlighted"
        );
    }
}

#[test]
fn generated_text_never_breaks_the_invariants() {
    const PIECES: &[&str] = &[
        "U.S.",
        "’s",
        "'s",
        "(",
        ")",
        "CSTO",
        "Қазақстан",
        "😀",
        " ",
        " ",
        " ",
        "\n\n",
        ".",
        "Mr.",
        "of",
        "The",
        "KAZAKHSTAN",
        "-",
        "—",
        "'",
        "e\u{301}",
        "No.",
        "2091",
        "Astana",
        "Daniyal",
        "Akhmetov",
        "Collective",
        "Security",
        "Organization",
        ",",
        "“",
        "”",
        "Region",
        "Minister",
        "Such",
        "\t",
        "van",
        "der",
        "(NSC)",
        "A",
        "B",
    ];
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..400 {
        let n = (next() % 60) as usize;
        let text: String = (0..n)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        let doc = Document::from_text(&text);
        let e = extract(&doc);
        check_invariants(&doc, &e);
        if let Some(m) = e.mentions().first() {
            let name = m.span().slice(&text).to_string();
            let c = folio::entities::Corrections {
                not_entity: vec![name.clone()],
                add: vec![folio::entities::corrections::Named {
                    name,
                    kind: Kind::Misc,
                }],
                ..Default::default()
            };
            check_invariants(&doc, &folio::entities::extract_with(&doc, &c));
        }
    }
}

#[test]
fn a_file_longer_than_a_chunk_is_recognized_chunk_by_chunk_and_merged() {
    use folio::entities::CHUNK_BYTES;
    let para = "Foreign Minister Marat Tazhin met NATO officials in Astana on Tuesday. \
Tazhin said the North Atlantic Treaty Organization (NATO) would help train Kazakh peacekeepers.";
    let one = Document::from_text(para);
    let single = extract(&one);
    let copies = 2 * CHUNK_BYTES / para.len() + 3;
    let text = vec![para; copies].join("\n\n");
    let doc = Document::from_text(&text);
    let e = extract(&doc);
    check_invariants(&doc, &e);
    // Every copy gives what the paragraph alone gives, under one entity per name.
    assert_eq!(e.mentions().len(), single.mentions().len() * copies);
    let mut names: Vec<&str> = e.entities.iter().map(|x| x.name.as_str()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), e.entities.len(), "one entity per name");
    for s in &single.entities {
        let merged = e.entities.iter().find(|x| x.name == s.name).unwrap();
        assert_eq!(merged.kind, s.kind, "{}", s.name);
        assert_eq!(merged.count(), s.count() * copies, "{}", s.name);
    }
}
