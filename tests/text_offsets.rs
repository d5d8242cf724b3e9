//! `folio text FILE` prints the text every offset indexes: for each input format,
//! each entity and date record of `--json` is the code-point slice
//! `[start, end)` of that output.

mod common;

use common::Sandbox;

const TXT: &str = "\u{FEFF}Title: Қазақстан harbour notes — 🚢\nDate: 2009-08-07\n\n\
Port officials in Aktau met a delegation from Baku on Monday. President Nursultan Nazarbayev \
praised the ferry crews — “a fine crossing” — on 6 August 2009.\n\n\
The Caspian Shipping Company said the line would run twice a week until October.\n";

const MD: &str = "---\ntitle: Ferries on the Caspian — 🚢\ndate: 2009-08-07\n---\n\n\
# Ferries on the Caspian\n\n\
Port officials in **Aktau** met a delegation from [Baku](https://example.org/baku) on Monday. \
President Nursultan Nazarbayev praised the crews on 6 August 2009.\n\n\
> The Caspian Shipping Company said the line would run twice a week until October.\n\n\
Run `grep Baku` — Қазақстан — to find the log.\n\n\
```\nferry --from Aktau --to Baku\n```\n";

const HTML: &str = "<!DOCTYPE html><html><head><title>Ferries on the Caspian</title>\
<meta property=\"article:published_time\" content=\"2009-08-07T08:00:00Z\"></head><body>\
<nav><a href=\"/\">Home</a> · <a href=\"/sea\">Sea</a></nav><article><h1>Ferries on the Caspian</h1>\
<p>Port officials in Aktau met a delegation from Baku on Monday &amp; spoke for hours. \
President Nursultan Nazarbayev praised the ferry crews — “a fine crossing” — on 6 August 2009.</p>\
<p>The Caspian Shipping Company said the line would run twice a week until October, \
and that Қазақстан would add a second ship next spring.</p>\
<p>Officials in Turkmenbashi said the port there would be ready by the end of the year, \
after repairs that began in 2008.</p></article><footer>All rights kept</footer></body></html>";

const RSS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
<title>Harbour notes — 🚢</title>\
<item><title>Ferry line resumes</title><pubDate>Fri, 07 Aug 2009 08:00:00 GMT</pubDate>\
<description>&lt;p&gt;Port officials in Aktau met a delegation from Baku yesterday.&lt;/p&gt;\
&lt;p&gt;President Nursultan Nazarbayev praised the crews — Қазақстан — on 6 August 2009.&lt;/p&gt;</description></item>\
<item><title>Winter timetable</title><pubDate>Sat, 10 Oct 2009 08:00:00 GMT</pubDate>\
<description><![CDATA[<p>The Caspian Shipping Company in Baku announced the winter timetable on Friday.</p>]]></description></item>\
</channel></rss>\n";

/// Checks every `--json` record of `cmd` against `text`; returns how many there were.
fn check(sb: &Sandbox, cmd: &str, file: &str, text: &str) -> usize {
    let out = sb.folio(&[cmd, file, "--json"]);
    assert!(
        out.status.success(),
        "{cmd} {file}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    let chars: Vec<char> = text.chars().collect();
    for r in &rows {
        let start = r["start"].as_u64().unwrap() as usize;
        let end = r["end"].as_u64().unwrap() as usize;
        assert!(start < end && end <= chars.len(), "{file}: {r}");
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(slice, r["text"].as_str().unwrap(), "{cmd} {file}: {r}");
    }
    rows.len()
}

#[test]
fn every_offset_indexes_folio_text_in_every_format() {
    let sb = Sandbox::new();
    for (name, contents) in [
        ("harbour.txt", TXT),
        ("harbour.md", MD),
        ("harbour.html", HTML),
        ("harbour.rss", RSS),
    ] {
        let path = sb.write(name, contents);
        let file = path.to_str().unwrap();
        let out = sb.folio(&["text", file]);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("UTF-8 text");
        assert!(text.contains("Nazarbayev"), "{name}: {text}");
        let entities = check(&sb, "entities", file, &text);
        let dates = check(&sb, "timeline", file, &text);
        assert!(entities >= 3, "{name}: only {entities} entity records");
        assert!(dates >= 1, "{name}: no date records");
    }
}

#[test]
fn plain_text_is_printed_exactly_as_decoded() {
    let sb = Sandbox::new();
    let path = sb.write("harbour.txt", TXT);
    let out = sb.folio(&["text", path.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(out.stdout, TXT.as_bytes());
    // UTF-16 with a byte-order mark prints as the same text, in UTF-8.
    let utf16: Vec<u8> = std::iter::once(0xFEFFu16)
        .chain("Aktau and Baku.\n".encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let path = sb.path().join("utf16.txt");
    std::fs::write(&path, utf16).unwrap();
    let out = sb.folio(&["text", path.to_str().unwrap()]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "\u{FEFF}Aktau and Baku.\n"
    );
}

#[test]
fn text_of_a_missing_file_is_one_line_and_status_1() {
    let sb = Sandbox::new();
    let out = sb.folio(&["text", "absent.md"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("absent.md"), "{err}");
    assert!(out.stdout.is_empty());
}
