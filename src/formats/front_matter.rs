//! YAML front matter at the top of a Markdown file (`---` … `---`, as static site
//! generators write it). It is metadata, not body text: its `title`, `date` and
//! `author` become the brief's header. Only the plain YAML such blocks use is
//! read (scalars, quoted or not, folded `>`/`|` text, and lists for authors);
//! anything else in it is ignored.

use crate::date::Date;

/// What folio takes from front matter.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<Date>,
    /// Authors joined with ", ".
    pub author: Option<String>,
}

/// Splits front matter off the top of `source`: the block read, and the Markdown
/// after it. Without a closed block at the very top, `source` is all Markdown.
pub fn split(source: &str) -> (Option<FrontMatter>, &str) {
    let start = if source.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    };
    let mut lines = Lines {
        text: source,
        pos: start,
    };
    match lines.next() {
        Some((_, line)) if line.trim_end() == "---" => {}
        _ => return (None, source),
    }
    let body_start = lines.pos;
    while let Some((line_start, line)) = lines.next() {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            let front = parse(&source[body_start..line_start]);
            return (Some(front), &source[lines.pos..]);
        }
    }
    (None, source)
}

/// Lines of `text` from `pos` on, each with its start and without its line end.
struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.text[start..];
        let (line, next) = match rest.find('\n') {
            Some(i) => (&rest[..i], start + i + 1),
            None => (rest, self.text.len()),
        };
        self.pos = next;
        Some((start, line.strip_suffix('\r').unwrap_or(line)))
    }
}

/// Reads the keys folio uses from the block's text.
fn parse(block: &str) -> FrontMatter {
    let mut front = FrontMatter::default();
    let lines: Vec<&str> = block.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some((key, raw)) = line.split_once(':') else {
            continue;
        };
        // The lines that belong to this key: indented, or list items.
        let mut nested = Vec::new();
        while i < lines.len()
            && (lines[i].starts_with([' ', '\t', '-']) || lines[i].trim().is_empty())
        {
            nested.push(lines[i]);
            i += 1;
        }
        let values = values(raw.trim(), &nested);
        match key.trim().to_ascii_lowercase().as_str() {
            "title" if front.title.is_none() => front.title = values.into_iter().next(),
            "date" | "published" | "pubdate" | "created" if front.date.is_none() => {
                front.date = values.first().and_then(|v| date(v));
            }
            "author" | "authors" if front.author.is_none() => {
                front.author = Some(values.join(", ")).filter(|a| !a.is_empty());
            }
            _ => {}
        }
    }
    front
}

/// The value of a key: one scalar, a folded or literal block joined into one
/// line, or the items of a list (`[a, b]` or `- a` lines).
fn values(raw: &str, nested: &[&str]) -> Vec<String> {
    let raw = strip_comment(raw);
    if raw.starts_with('>') || raw.starts_with('|') {
        let text: Vec<&str> = nested.iter().map(|l| l.trim()).collect();
        return vec![text.join(" ").trim().to_string()];
    }
    if let Some(inner) = raw.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return inner
            .split(',')
            .map(scalar)
            .filter(|v| !v.is_empty())
            .collect();
    }
    if raw.is_empty() {
        return nested
            .iter()
            .filter_map(|l| l.trim_start().strip_prefix('-'))
            .map(|item| {
                // `- name: Ada` lists of maps: the first field's value.
                let item = item.trim();
                let item = item.split_once(": ").map_or(item, |(_, v)| v);
                scalar(item)
            })
            .filter(|v| !v.is_empty())
            .collect();
    }
    vec![scalar(raw)]
        .into_iter()
        .filter(|v| !v.is_empty())
        .collect()
}

/// An unquoted value loses a trailing ` # comment`.
fn strip_comment(raw: &str) -> &str {
    if raw.starts_with(['"', '\'']) {
        return raw;
    }
    raw.find(" #").map_or(raw, |i| &raw[..i]).trim()
}

/// A scalar without its quotes and any comment after them (`''` in single
/// quotes is one quote, `\"` in double quotes one double quote).
fn scalar(v: &str) -> String {
    let v = v.trim();
    let mut out = String::new();
    let mut chars = v.chars();
    match chars.next() {
        Some('"') => {
            while let Some(c) = chars.next() {
                match c {
                    '\\' => out.extend(chars.next()),
                    '"' => break,
                    c => out.push(c),
                }
            }
        }
        Some('\'') => {
            let mut chars = chars.peekable();
            while let Some(c) = chars.next() {
                if c != '\'' {
                    out.push(c);
                } else if chars.peek() == Some(&'\'') {
                    out.push(chars.next().unwrap_or('\''));
                } else {
                    break;
                }
            }
        }
        _ => out.push_str(strip_comment(v)),
    }
    out
}

/// A front-matter date: ISO (`2009-08-07`, `2009-08-07T10:00:00Z`), written out
/// (`August 7, 2009`) or RFC 822.
fn date(v: &str) -> Option<Date> {
    super::html::iso_date(v)
        .or_else(|| Date::parse(v))
        .or_else(|| super::feed::parse_date(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_block_at_the_top_is_split_off() {
        let md = "---\ntitle: \"Ferries: back at sea\"\ndate: 2009-08-07T09:00:00Z\nauthor:\n  - A. Writer\n  - B. Editor\ntags: [sea, ports]\n---\n# Heading\n";
        let (front, rest) = split(md);
        let front = front.expect("front matter");
        assert_eq!(front.title.as_deref(), Some("Ferries: back at sea"));
        assert_eq!(front.date, Date::new(2009, 8, 7));
        assert_eq!(front.author.as_deref(), Some("A. Writer, B. Editor"));
        assert_eq!(rest, "# Heading\n");
    }

    #[test]
    fn other_shapes_of_values() {
        let md = "\u{FEFF}---\r\ntitle: >\r\n  A folded\r\n  title\r\ndate: 'August 7, 2009' # when\r\nauthors: [Ada, 'Bo''s']\r\n...\r\nBody";
        let (front, rest) = split(md);
        let front = front.unwrap();
        assert_eq!(front.title.as_deref(), Some("A folded title"));
        assert_eq!(front.date, Date::new(2009, 8, 7));
        assert_eq!(front.author.as_deref(), Some("Ada, Bo's"));
        assert_eq!(rest, "Body");
    }

    #[test]
    fn no_block_or_an_unclosed_one_is_markdown() {
        assert_eq!(split("# Title\n---\n"), (None, "# Title\n---\n"));
        assert_eq!(split("---\ntitle: x\n"), (None, "---\ntitle: x\n"));
        assert_eq!(split("--- \nx: 1\n---\n").1, "");
    }
}
