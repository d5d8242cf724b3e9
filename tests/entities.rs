//! Entity recognition: annotated fixtures written for folio (names, titles,
//! acronyms, aliases, token-joined and ALL-CAPS text), the invariants every
//! result keeps, and the shared sample brief when `../shared` is present.

use folio::document::Document;
use folio::entities::{extract, Entities, Entity, Kind};
use std::path::Path;

/// Parses `[Daniyal Akhmetov]{person} met ...` into plain text and the
/// expected (byte start, byte end, kind) spans.
fn parse_markup(marked: &str) -> (String, Vec<(usize, usize, Kind)>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find("]{").expect("markup: ]{ after [");
        let name = &after[..close];
        let kind_end = after[close + 2..].find('}').expect("markup: closing }") + close + 2;
        let kind = match &after[close + 2..kind_end] {
            "person" => Kind::Person,
            "org" => Kind::Organization,
            "place" => Kind::Place,
            "misc" => Kind::Misc,
            other => panic!("markup: unknown kind {other}"),
        };
        spans.push((text.len(), text.len() + name.len(), kind));
        text.push_str(name);
        rest = &after[kind_end + 1..];
    }
    text.push_str(rest);
    (text, spans)
}

fn found(doc: &Document, e: &Entities) -> Vec<(usize, usize, Kind)> {
    let _ = doc;
    e.mentions()
        .iter()
        .map(|m| (m.span().start, m.span().end, e.entities[m.entity()].kind))
        .collect()
}

/// The entities of `text`, checked for their invariants.
fn extracted(text: &str) -> (Document, Entities) {
    let doc = Document::from_text(text);
    let e = extract(&doc);
    check_invariants(&doc, &e);
    (doc, e)
}

/// The entity named `name` (its canonical name); fails the test when there is none.
fn named<'a>(e: &'a Entities, name: &str) -> &'a Entity {
    e.entities
        .iter()
        .find(|x| x.name == name)
        .unwrap_or_else(|| panic!("no entity named {name}: {:?}", e.entities))
}

/// How the mentions of `ent` (one of `e`'s entities) write it, in text order.
fn forms<'t>(e: &Entities, ent: &Entity, text: &'t str) -> Vec<&'t str> {
    let id = e
        .entities
        .iter()
        .position(|x| std::ptr::eq(x, ent))
        .expect("an entity of e");
    e.mentions_of(id)
        .iter()
        .map(|&m| e.mentions()[m as usize].span().slice(text))
        .collect()
}

/// Checks the structural promises of [`Entities`].
fn check_invariants(doc: &Document, e: &Entities) {
    let text = doc.text();
    let mut last_end = 0;
    for (i, m) in e.mentions().iter().enumerate() {
        assert!(
            m.span().start >= last_end,
            "mentions sorted and disjoint at {i}"
        );
        assert!(m.span().start < m.span().end);
        let slice = text
            .get(m.span().start..m.span().end)
            .expect("span on char boundaries");
        assert_eq!(slice.trim(), slice, "no outer whitespace in {slice:?}");
        assert!(m.entity() < e.entities.len());
        last_end = m.span().end;
    }
    for (id, ent) in e.entities.iter().enumerate() {
        let of = e.mentions_of(id);
        assert!(!of.is_empty(), "entity {} has mentions", ent.name);
        assert_eq!(of.len(), ent.count(), "{}'s count", ent.name);
        assert!(
            of.iter().all(|&m| e.mentions()[m as usize].entity() == id),
            "{}'s mentions are its own",
            ent.name
        );
        assert!(!ent.name.is_empty());
    }
    let lists = e.mention_lists();
    assert_eq!(lists.len(), e.entities.len());
    for (id, list) in lists.iter().enumerate() {
        assert_eq!(*list, e.mentions_of(id), "entity {id}: one list either way");
    }
}

fn run(marked: &str) {
    let (text, expected) = parse_markup(marked);
    let doc = Document::from_text(&text);
    let e = extract(&doc);
    check_invariants(&doc, &e);
    let got = found(&doc, &e);
    let show = |v: &[(usize, usize, Kind)]| -> Vec<String> {
        v.iter()
            .map(|&(s, e, k)| format!("{}:{}", &text[s..e], k.name()))
            .collect()
    };
    assert_eq!(show(&got), show(&expected), "in {text:?}");
}

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
fn a_club_named_like_its_city_is_an_organization_where_a_team_is_meant() {
    // The words around a mention make it the club; the document's other
    // mentions follow, and a national side stays a place.
    let text = "Marco Rossi played for Lausanne for three seasons. He was born in Geneva \
                and scored twelve goals as Lausanne won the cup. Later he coached Footscray, and in \
                1990 he played for Switzerland.";
    let (_, e) = extracted(text);
    assert_eq!(
        named(&e, "Lausanne").kind,
        Kind::Organization,
        "{:?}",
        e.entities
    );
    assert_eq!(named(&e, "Lausanne").count(), 2);
    assert_eq!(named(&e, "Footscray").kind, Kind::Organization);
    assert_eq!(named(&e, "Geneva").kind, Kind::Place);
    assert_eq!(named(&e, "Switzerland").kind, Kind::Place);
    run("The [Tulsa]{org} coach said his side had earned the win.");
    run("The visitors lost to [Tulsa]{org} on Saturday.");
    run("[Sam Ortiz]{person} grew up in [Tulsa]{place} and now lives in [Denver]{place}.");
}

#[test]
fn a_name_described_as_a_company_is_an_organization_in_every_mention() {
    run(
        "The plant was bought in 1978 by [Brandel]{org}, a stationery company with \
         offices in [Lyon]{place}. [Brandel]{org} later closed it.",
    );
    // A noun another name owns, or one after "and", describes no organization.
    run("[John Smith]{person}, the company's chief executive, said sales rose.");
    run("[Omar Haddad]{person}, a champion and supplier of gym equipment, opened a gym.");
}

#[test]
fn words_about_shares_or_a_spokesman_make_a_company() {
    run("[Nordvik]{org} shares fell 3 percent in [Oslo]{place}.");
    run("Investors sold shares in [Halbrenner]{org} after the dividend cut.");
    run("Investors bought shares of [Brandtmoor]{org} on Friday.");
    run("[Gaskor]{org} and [Petrovin]{org} shares rose on Monday.");
    run("A [Tellamark]{org} spokesman declined to comment.");
    // The market of a place, and a person's spokesman, stay what they are.
    run("Traders said [Tokyo]{place} shares closed higher.");
    run("A [Clinton]{person} spokesman said the talks went well.");
    // Common words alone reveal no company.
    run("Oil shares fell, and Class B shares rose.");
}

#[test]
fn a_company_named_with_its_legal_form_is_the_company_without_it() {
    run(
        "[Nordmark AG]{org} said profit fell. [Nordmark]{org} shares lost 2 percent, \
         and [NORDMARK]{org} bonds were sold.",
    );
}

#[test]
fn a_team_before_a_result_verb_and_a_score_is_an_organization() {
    run("In the [NHL]{org}, [Boston]{org} beat [Toronto]{org} 4-2 on Saturday.");
    run("[Sam Ortiz]{person} flew from [Boston]{place} to [Toronto]{place} on Saturday.");
}

#[test]
fn clubs_in_results_tables_and_fixtures_are_organizations() {
    // National sides stay places.
    run("[Chicago]{org} 102 [NEW YORK]{org} 95");
    run("[Leicestershire]{org} 320 and 150-4 v [Somerset]{org} 280.");
    run("Rain stopped play in the match between [Pakistan]{place} v [England]{place} on Friday.");
    run("[Maria Lopez]{person} moved from [Chicago]{place} to [Phoenix]{place} in 1998.");
}

#[test]
fn names_opening_standings_rows_are_teams_and_a_dateline_stays_a_place() {
    run("Standings:\n[PORTLAND]{org} 61 40 .604 -\n[DENVER]{org} 55 46 .545 6\n");
    // The dateline's city is a place, apart from the team named after it.
    run("[DENVER]{place} 1997-04-12\n[Denver]{org} 4 [Portland]{org} 2\n");
    run("[Harriet Bloom]{person} 71 68 70 209\n[MADRID]{place} 1996-05-02\n");
}

#[test]
fn a_clubs_described_role_holder_makes_it_a_team() {
    run("[Valencia]{org} 's new coach [Tomas Reyes]{person} met the press.");
    run("[Marseille]{org} 's veteran [Brazilian]{misc} striker scored twice.");
    run("[Chicago]{place} 's new mayor opened the bridge.");
}

#[test]
fn in_sports_copy_a_city_stands_for_its_team() {
    run(
        "The [Seattle Mariners]{org} beat [Oakland]{org} 6-3 on Friday. [Seattle]{org} has won \
         five straight, and [Seattle]{org} 's [Ken Griffey]{person} hit two homers.",
    );
    run(
        "[Chelsea]{org} beat [Leeds]{org} 2-0 on Saturday. Later [Portsmouth]{org} won again, \
         and the next day they face [Southampton]{org} after a draw against [Bristol]{org}.",
    );
    // No score: not sports copy, the city is the city.
    run(
        "The [Seattle Mariners]{org} signed a lease with the port of [Seattle]{place} on Friday. \
         [Seattle]{place} 's mayor said the deal was good.",
    );
}

#[test]
fn acronyms_that_act_banks_and_names_that_speak_of_its_own_are_organizations() {
    run("[UNITA]{org} rebels attacked a convoy, and the [FIA]{org} fined the team.");
    run("[Dornbank]{org} raised its forecast, said [Mara Feld]{person}.");
    run("[Kessling]{org} said on Monday its sales rose 4 percent.");
    // A person's given name, a place the lists know, or a common acronym stay as they are.
    run("[Maria Kessling]{person} said its sales rose.");
    run(
        "The GDP rose 2 percent, and the CEO of a studio in [Burbank]{place} said he would resign.",
    );
}

#[test]
fn a_spaced_dash_in_a_headline_separates_two_names() {
    run("[NFL]{org} - [COWBOYS]{org} BEAT [GIANTS]{org}.");
    run("Talks with [Guinea-Bissau]{place} resumed.");
}

#[test]
fn a_one_word_organization_of_the_lists_is_found_anywhere_but_as_an_interjection() {
    run("[Interfax]{org} news agency quoted the [Defence Ministry]{org}.");
    run("\"Yes, I remember,\" [Karim]{person} replied.");
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
fn cited_sources_are_organizations() {
    run("The border was closed ([Interfax]{org}, April 23).");
}

#[test]
fn datelines_give_the_place_and_the_agency() {
    run("[ASTANA]{place}, April 23 ([Interfax]{org}) — The ministry denied the report.");
    run("[NEW DELHI]{place} ([Kazinform]{org}) - Talks on the pipeline resumed on Monday.");
    run("[TBILISI]{place}, Aug 9 -- Shelling went on overnight.");
}

#[test]
fn an_organization_keeps_the_place_or_title_word_it_starts_with() {
    run("[Florida Department of Law Enforcement]{org} agents arrested him in [Miami]{place} on Friday.");
    run("[General Motors Corp]{org} cut 2,000 jobs in [Ohio]{place}.");
    run("The deal was signed by [Kazakhstan]{place} and [Halyk Bank]{org} in [Almaty]{place} on Monday.");
}

#[test]
fn a_head_word_of_a_name_makes_one_organization() {
    run("Shares of [Bank of America]{org} fell in [New York]{place} on Tuesday.");
    run("He joined the [University of Pittsburgh]{org} in 1990, then left for [Boston]{place}.");
    run("The [Gulf of Mexico]{place} was calm, and the [Bank of Japan]{org} kept rates.");
}

#[test]
fn companies_and_newspapers_are_organizations() {
    run("[Siemens]{org} said profits rose.");
    run("The [Houston Chronicle]{org} said the mayor would resign.");
}

#[test]
fn a_hyphenated_newspaper_name_is_an_organization() {
    run("The [Fort Worth Star-Telegram]{org} endorsed the mayor on Sunday.");
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
fn names_that_begin_with_digits_are_organizations() {
    run("[3M]{org} said profits rose, and shares of [7-Eleven]{org} fell.");
    run("The film was made by [20th Century Fox]{org} in [Los Angeles]{place}.");
    run("Analysts at [3M Co]{org} and [21st Century Fox Corp]{org} said sales rose.");
    // Numbers and ordinals before other words stay out of names.
    run("He ran 3 miles, and 7 people died on the 3rd Day in 2008.");
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

/// The kinds folio gives the mentions written exactly `name` in `text`.
fn kinds_of(text: &str, name: &str) -> Vec<Kind> {
    let (doc, e) = extracted(text);
    e.mentions()
        .iter()
        .filter(|m| &doc.text()[m.span().start..m.span().end] == name)
        .map(|m| e.entities[m.entity()].kind)
        .collect()
}

#[test]
fn names_described_as_organizations_are_found_where_the_tagger_saw_none() {
    for (text, name) in [
        (
            "Kestrelmoor are a Welsh folk band from Cardiff.",
            "Kestrelmoor",
        ),
        (
            "The second album came out on the independent label Quillbarrow in 1988.",
            "Quillbarrow",
        ),
        (
            "It was pressed by the US record label, Tarnhollow Recordings.",
            "Tarnhollow Recordings",
        ),
        ("He later joined Glassmere, a Leeds jazz band.", "Glassmere"),
    ] {
        assert_eq!(
            kinds_of(text, name),
            [Kind::Organization],
            "{name} in {text:?}"
        );
    }
}

#[test]
fn a_capitalized_name_ending_in_an_organization_word_is_an_organization() {
    let text = "Patients were taken to Marlowe Memorial Hospital after the crash.";
    assert_eq!(
        kinds_of(text, "Marlowe Memorial Hospital"),
        [Kind::Organization]
    );
}

#[test]
fn a_name_whose_s_owns_nothing_is_a_firm_named_with_its_s() {
    let text = "The mall's anchors were Pellham's and Corvin's, and Pellham's was sold in 1996.";
    assert_eq!(kinds_of(text, "Pellham's"), [Kind::Organization; 2]);
    assert_eq!(kinds_of(text, "Corvin's"), [Kind::Organization]);
    // A country's "'s" before a shared noun, and a person's, stay possessives.
    let text = "Brazil's and Chile's exports rose, as did those of Marta Quell's.";
    assert_eq!(kinds_of(text, "Brazil"), [Kind::Place]);
    assert_eq!(kinds_of(text, "Marta Quell"), [Kind::Person]);
}

#[test]
fn a_short_form_in_capitals_read_as_an_organization_is_kept() {
    for (text, name) in [
        (
            "He scored 30 goals in the NHL and later coached in Utica.",
            "NHL",
        ),
        (
            "Funding for the ELB was withdrawn in 1951 by the trustees.",
            "ELB",
        ),
        ("She sat on the board of the OFTB until 1990.", "OFTB"),
    ] {
        assert_eq!(
            kinds_of(text, name),
            [Kind::Organization],
            "{name} in {text:?}"
        );
    }
}

#[test]
fn a_name_in_a_list_of_organizations_is_an_organization() {
    let text = "He marketed events for Nokia, Carlsberg, Velmont Cruise Lines and many more.";
    assert_eq!(kinds_of(text, "Velmont Cruise Lines"), [Kind::Organization]);
    let text = "The festival was sponsored by Heineken, Vodafone, Tarrow Ice House and Lufthansa.";
    assert_eq!(kinds_of(text, "Heineken"), [Kind::Organization]);
}

#[test]
fn names_run_together_in_a_title_case_heading_are_cut_at_the_names_the_body_finds() {
    let text = "Tashkent Hosts Collective Security Treaty Organization\n\n\
                The Collective Security Treaty Organization met in Tashkent on Friday.";
    assert_eq!(kinds_of(text, "Tashkent"), [Kind::Place; 2]);
    assert_eq!(
        kinds_of(text, "Collective Security Treaty Organization"),
        [Kind::Organization; 2]
    );
}
