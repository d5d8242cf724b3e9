//! Organizations: the rules that find companies, agencies, newspapers, clubs and
//! teams the tagger misses or reads as places and people, on fixtures written
//! for folio (news, business and sports copy).

mod common;

use common::entities::{extracted, kinds_of, named, run};
use folio::entities::Kind;

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
fn a_one_word_organization_of_the_lists_is_found_anywhere_but_as_an_interjection() {
    run("[Interfax]{org} news agency quoted the [Defence Ministry]{org}.");
    run("\"Yes, I remember,\" [Karim]{person} replied.");
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
fn names_that_begin_with_digits_are_organizations() {
    run("[3M]{org} said profits rose, and shares of [7-Eleven]{org} fell.");
    run("The film was made by [20th Century Fox]{org} in [Los Angeles]{place}.");
    run("Analysts at [3M Co]{org} and [21st Century Fox Corp]{org} said sales rose.");
    // Numbers and ordinals before other words stay out of names.
    run("He ran 3 miles, and 7 people died on the 3rd Day in 2008.");
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
