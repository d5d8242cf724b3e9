//! What a converted document knows besides its text: a feed item's relative dates
//! resolve against that item's own date, Markdown front matter and the first H1
//! make the header, and code is kept in the text but never scanned.

mod common;

use common::Sandbox;
use folio::date::Date;
use folio::document::Document;
use folio::formats;

/// A feed whose items are two months apart, newest last; the first says "yesterday".
const FEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour notes</title>
<item><title>Ferry line resumes</title><pubDate>Fri, 07 Aug 2009 08:00:00 GMT</pubDate>
<description>The harbour master in Aktau said the ferry sailed yesterday after a week of storms.</description></item>
<item><title>No date given</title>
<description>Crews said the dock was repaired yesterday.</description></item>
<item><title>Winter timetable</title><pubDate>Sat, 10 Oct 2009 08:00:00 GMT</pubDate>
<description>Officials in Baku announced the winter timetable yesterday.</description></item>
</channel></rss>
"#;

/// The value of the first expression whose text is `word` after `after` in the text.
fn value_after(doc: &Document, after: &str, word: &str) -> (String, bool) {
    let from = doc.text().find(after).expect("marker in text");
    let t = folio::timeline::extract(doc)
        .into_iter()
        .find(|t| t.span.start > from && doc.slice(t.span).eq_ignore_ascii_case(word))
        .unwrap_or_else(|| panic!("no {word:?} after {after:?}"));
    (t.value.to_string(), t.resolved)
}

fn read(sb: &Sandbox, name: &str, contents: &str) -> Document {
    formats::read(&sb.write(name, contents)).expect("readable")
}

#[test]
fn each_feed_item_resolves_relative_dates_against_its_own_date() {
    let sb = Sandbox::new();
    let doc = read(&sb, "harbour.rss", FEED);
    assert_eq!(
        doc.published().date,
        Date::new(2009, 10, 10),
        "the feed's date"
    );
    assert_eq!(
        value_after(&doc, "harbour master", "yesterday"),
        ("2009-08-06".to_string(), true)
    );
    assert_eq!(
        value_after(&doc, "winter timetable", "yesterday"),
        ("2009-10-09".to_string(), true)
    );
    // An item without a date resolves nothing: never the neighbour's date, never a guess.
    assert!(!value_after(&doc, "dock was repaired", "yesterday").1);
}

#[test]
fn published_on_the_command_line_fills_only_undated_items() {
    let sb = Sandbox::new();
    let feed = sb.write("harbour.rss", FEED);
    let out = sb.folio(&[
        "timeline",
        feed.to_str().unwrap(),
        "--json",
        "--published",
        "2009-09-01",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let values: Vec<&str> = rows
        .iter()
        .filter(|r| r["text"] == "yesterday")
        .map(|r| r["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["2009-08-06", "2009-08-31", "2009-10-09"]);
}

#[test]
fn front_matter_makes_the_header_and_is_not_body_text() {
    let sb = Sandbox::new();
    let md = "---\ntitle: \"Storm season on the Caspian\"\ndate: 2009-08-07\nauthor: R. Harbourside\nlayout: post\n---\n\n# A heading that is not the title\n\nThe ferry left Aktau yesterday.\n";
    let doc = read(&sb, "storm.md", md);
    assert_eq!(
        doc.header_value("Title"),
        Some("Storm season on the Caspian")
    );
    assert_eq!(doc.header_value("Author"), Some("R. Harbourside"));
    assert_eq!(doc.published().date, Date::new(2009, 8, 7));
    assert!(!doc.text().contains("layout"), "{}", doc.text());
    assert!(!doc.text().contains("---"), "{}", doc.text());
    let body: Vec<&str> = doc
        .paragraphs()
        .iter()
        .map(|p| doc.slice(p.span()))
        .collect();
    assert_eq!(
        body,
        [
            "A heading that is not the title",
            "The ferry left Aktau yesterday."
        ]
    );
    assert_eq!(
        value_after(&doc, "ferry left", "yesterday"),
        ("2009-08-06".to_string(), true)
    );
}

#[test]
fn the_first_h1_is_the_title_without_front_matter() {
    let sb = Sandbox::new();
    let doc = read(
        &sb,
        "h1.md",
        "# Ferries return to Aktau\n\nThe first crossing took a day.\n\n## Timetable\n\nTwice a week.\n",
    );
    assert_eq!(doc.header_value("Title"), Some("Ferries return to Aktau"));
    assert_eq!(doc.title(200), "Ferries return to Aktau");
    let first = doc.paragraphs().first().map(|p| doc.slice(p.span()));
    assert_eq!(first, Some("The first crossing took a day."));
}

#[test]
fn code_is_shown_but_never_scanned_for_entities_or_dates() {
    let sb = Sandbox::new();
    let prose = "President Nursultan Nazarbayev met Vladimir Putin in Moscow on 12 March 2008.";
    let md = format!(
        "# Harbour log\n\n{prose}\n\n```\n{prose}\n```\n\n    {prose}\n\nThe log line `{prose}` was kept.\n"
    );
    let path = sb.write("log.md", &md);
    let doc = formats::read(&path).unwrap();
    // The text keeps every copy of the sentence: three in code, one as prose.
    assert_eq!(doc.text().matches(prose).count(), 4);
    let code = doc.verbatim();
    assert_eq!(code.len(), 3);
    let in_code = |start: usize, end: usize| code.iter().any(|c| start < c.end && c.start < end);

    let entities = folio::entities::extract(&doc);
    let prose_at = doc.text().find(prose).unwrap();
    assert!(
        entities
            .mentions()
            .iter()
            .any(|m| m.span().start >= prose_at && m.span().end <= prose_at + prose.len()),
        "the prose copy has entities"
    );
    for m in entities.mentions() {
        assert!(
            !in_code(m.span().start, m.span().end),
            "entity in code: {}",
            doc.slice(m.span())
        );
    }
    let timexes = folio::timeline::extract(&doc);
    assert!(timexes.iter().any(|t| doc.slice(t.span) == "12 March 2008"));
    for t in &timexes {
        assert!(
            !in_code(t.span.start, t.span.end),
            "date in code: {}",
            doc.slice(t.span)
        );
    }
    // The same through the binary: code-point offsets of every record stay out of code.
    let text = sb.folio(&["text", path.to_str().unwrap()]).stdout;
    let text = String::from_utf8(text).unwrap();
    assert_eq!(text, doc.text());
    for cmd in ["entities", "timeline"] {
        let out = sb.folio(&[cmd, path.to_str().unwrap(), "--json"]);
        let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        assert!(!rows.is_empty(), "{cmd}");
        for r in &rows {
            let (s, e) = (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap());
            let (s, e) = (
                doc.byte_offset(s as usize).unwrap(),
                doc.byte_offset(e as usize).unwrap(),
            );
            assert!(!in_code(s, e), "{cmd}: {r}");
        }
    }
}
