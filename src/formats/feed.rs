//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds, read with quick-xml as a flat event
//! stream (a stack of element names, no recursion, so deep nesting costs only
//! memory). Each item becomes a brief whose publication date is the item's date.

use crate::date::{month_from_name, Date};
use quick_xml::events::Event;
use quick_xml::Reader;

/// A feed: its title and items in file order.
#[derive(Debug, Default)]
pub struct Feed {
    pub title: Option<String>,
    pub items: Vec<Item>,
}

/// One feed entry; `body` is plain text (HTML descriptions already reduced).
#[derive(Debug, Default, Clone)]
pub struct Item {
    pub title: Option<String>,
    pub date: Option<Date>,
    pub body: String,
}

/// Element nesting kept at most; deeper elements are skipped, not followed.
const MAX_DEPTH: usize = 256;

/// Parses a feed; malformed XML ends the parse with the items read so far.
pub fn parse(xml: &str) -> Feed {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    let mut feed = Feed::default();
    let mut stack: Vec<String> = Vec::new();
    let mut item: Option<RawItem> = None;
    let mut text = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_ascii_lowercase();
                if (name == "item" || name == "entry") && item.is_none() {
                    item = Some(RawItem::default());
                }
                if stack.len() < MAX_DEPTH {
                    stack.push(name);
                } else {
                    stack.push(String::new());
                }
                text.clear();
            }
            Ok(Event::End(_)) => {
                let Some(name) = stack.pop() else { continue };
                let value = std::mem::take(&mut text);
                match item.as_mut() {
                    Some(_) if name == "item" || name == "entry" => {
                        if let Some(done) = item.take() {
                            feed.items.push(done.finish());
                        }
                    }
                    Some(raw) => raw.set(&name, value),
                    None if name == "title" && feed.title.is_none() => {
                        feed.title = Some(collapse(&value)).filter(|t| !t.is_empty());
                    }
                    None => {}
                }
            }
            Ok(Event::Text(e)) => {
                if let Ok(t) = e.decode() {
                    text.push_str(&t);
                }
            }
            Ok(Event::CData(e)) => {
                if let Ok(t) = e.decode() {
                    text.push_str(&t);
                }
            }
            Ok(Event::GeneralRef(r)) => match r.resolve_char_ref() {
                Ok(Some(c)) => text.push(c),
                _ => {
                    let name = r.decode().unwrap_or_default();
                    match name.as_ref() {
                        "amp" => text.push('&'),
                        "lt" => text.push('<'),
                        "gt" => text.push('>'),
                        "quot" => text.push('"'),
                        "apos" => text.push('\''),
                        other => {
                            text.push('&');
                            text.push_str(other);
                            text.push(';');
                        }
                    }
                }
            },
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    if let Some(raw) = item {
        feed.items.push(raw.finish());
    }
    feed
}

#[derive(Debug, Default)]
struct RawItem {
    title: Option<String>,
    date: Option<String>,
    summary: Option<String>,
    content: Option<String>,
}

impl RawItem {
    fn set(&mut self, name: &str, value: String) {
        let slot = match name {
            "title" => &mut self.title,
            "pubdate" | "published" | "date" | "issued" => &mut self.date,
            "updated" | "modified" if self.date.is_none() => &mut self.date,
            "description" | "summary" => &mut self.summary,
            "encoded" | "content" => &mut self.content,
            _ => return,
        };
        if slot.is_none() && !value.trim().is_empty() {
            *slot = Some(value);
        }
    }

    fn finish(self) -> Item {
        let body = self.content.or(self.summary).unwrap_or_default();
        Item {
            title: self.title.map(|t| collapse(&t)).filter(|t| !t.is_empty()),
            date: self.date.as_deref().and_then(parse_date),
            body: super::html::fragment_text(&body),
        }
    }
}

fn collapse(s: &str) -> String {
    super::join_paragraphs([s])
}

/// An RFC 3339 (`2007-04-23T10:00:00Z`) or RFC 822 (`Mon, 23 Apr 2007 10:00 GMT`)
/// date, taken as written (the time zone does not move the day).
pub fn parse_date(s: &str) -> Option<Date> {
    if let Some(d) = super::html::iso_date(s) {
        return Some(d);
    }
    let mut day = None;
    let mut month = None;
    let mut year = None;
    for tok in s.split(|c: char| c.is_whitespace() || c == ',') {
        if tok.is_empty() {
            continue;
        }
        if let Some(m) = month_from_name(tok) {
            month.get_or_insert(m);
        } else if tok.bytes().all(|b| b.is_ascii_digit()) {
            match (tok.len(), tok.parse::<i32>().ok()) {
                (1 | 2, Some(n)) if day.is_none() => day = Some(n),
                (4, Some(n)) if year.is_none() => year = Some(n),
                _ => {}
            }
        }
    }
    let (year, month, day) = (year?, month?, day?);
    Date::parse(&format!("{year:04}-{month:02}-{day:02}"))
}

/// One item as a brief: `Title:` and `Date:` header, then its paragraphs.
pub fn item_text(item: &Item) -> String {
    let mut out = super::header_line("Title", item.title.as_deref().unwrap_or(""));
    out.push_str(&super::date_line(item.date));
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(&item.body);
    out
}

/// The whole feed as one document: the feed title and the newest item's date as
/// header, then per item a heading paragraph (title and date) and its text. Each
/// item is a section dated by its own date, so its relative dates resolve against it.
pub fn to_single_text(feed: &Feed) -> super::Converted {
    let newest = feed
        .items
        .iter()
        .filter_map(|i| i.date)
        .max_by_key(|d| d.to_days());
    let mut out = super::header_line("Title", feed.title.as_deref().unwrap_or(""));
    out.push_str(&super::date_line(newest));
    let mut sections = Vec::new();
    let mut first = true;
    for item in &feed.items {
        let mut heading = item.title.clone().unwrap_or_default();
        if let Some(d) = item.date {
            if !heading.is_empty() {
                heading.push_str(" — ");
            }
            heading.push_str(&format!("{:04}-{:02}-{:02}", d.year, d.month, d.day));
        }
        let parts = [heading.as_str(), item.body.as_str()];
        for (i, part) in parts.iter().filter(|p| !p.is_empty()).enumerate() {
            match (first, out.is_empty()) {
                (true, true) => {}
                (true, false) => out.push('\n'),
                (false, _) => out.push_str("\n\n"),
            }
            first = false;
            if i == 0 {
                sections.push((out.len(), item.date));
            }
            out.push_str(part);
        }
    }
    super::Converted {
        text: out,
        verbatim: Vec::new(),
        sections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_dates() {
        let d = |s| parse_date(s).map(|d: Date| (d.year, d.month, d.day));
        assert_eq!(d("Mon, 23 Apr 2007 10:00:00 GMT"), Some((2007, 4, 23)));
        assert_eq!(d("2007-04-23T10:00:00+05:00"), Some((2007, 4, 23)));
        assert_eq!(d("Tue, 31 Feb 2007"), None);
        assert_eq!(d("soon"), None);
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let xml = format!(
            "<rss><channel><item><title>T</title>{}</item></channel></rss>",
            "<a>".repeat(100_000)
        );
        let feed = parse(&xml);
        assert_eq!(feed.items.len(), 1);
    }
}
