//! Shared by the library tests: a stand-in extractor (capitalized words,
//! four-digit years) so they do not depend on the real recognizers, and
//! temporary libraries of briefs with old mtimes.
#![allow(dead_code)]

use folio::date::Date;
use folio::document::{Document, Span};
use folio::entities::{Entities, Entity, Kind};
use folio::library::{self, Extractor, Library, Options};
use folio::timeline::{Event, Timex, TimexType};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Entities: capitalized words of 3+ letters (people if they end in "a", else places).
/// Events: four-digit years from 1900 on, as DATE on January 1.
pub fn stand_in(doc: &Document) -> (Entities, Vec<Event>) {
    let text = doc.text();
    let mut entities = Entities::default();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut timexes = Vec::new();
    let mut pos = 0;
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let start = pos;
        pos += word.len()
            + text[pos + word.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        let span = Span::new(start, start + word.len());
        if word.chars().count() >= 3 && word.chars().next().is_some_and(char::is_uppercase) {
            let id = *ids.entry(word).or_insert_with(|| {
                let kind = if word.ends_with('a') {
                    Kind::Person
                } else {
                    Kind::Place
                };
                entities.add(Entity::new(word, kind))
            });
            entities.push_mention(span, id);
        } else if let (Ok(year @ 1900..=2100), true) = (word.parse::<i32>(), in_sentence(doc, span))
        {
            timexes.push(Timex {
                span,
                kind: TimexType::Date,
                value: year.to_string().into(),
                resolved: true,
                day: Date::new(year, 1, 1),
            });
        }
    }
    let mut events: Vec<Event> = timexes
        .into_iter()
        .map(|timex| {
            let sentence = doc.sentence_at(timex.span.start).unwrap_or(0);
            Event::new(timex, sentence)
        })
        .collect();
    events.sort_by_key(|e| (e.day(), e.span().start));
    (entities, events)
}

/// Whether `span` lies in a sentence (not in the header).
pub fn in_sentence(doc: &Document, span: Span) -> bool {
    doc.sentence_at(span.start)
        .is_some_and(|i| doc.sentences()[i].span().contains(span.start))
}

pub type Snapshot = Vec<(String, Vec<(String, Kind, Span)>, Vec<String>)>;

/// The stand-in as a library extractor.
pub const STAND_IN: Extractor = Extractor {
    name: "test-stand-in",
    run: stand_in,
};

pub struct Dir(pub PathBuf);

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

pub fn tempdir(name: &str) -> Dir {
    let dir = std::env::temp_dir().join(format!("folio-lib-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("briefs/2008")).unwrap();
    Dir(dir)
}

/// Writes a brief with an mtime an hour back (well before any cache write).
pub fn write(path: &Path, text: &str, age_s: u64) {
    fs::write(path, text).unwrap();
    let f = fs::File::options().write(true).open(path).unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs(age_s))
        .unwrap();
}

pub fn brief(date: &str, body: &str) -> String {
    format!("Publication: Test Monitor Volume: 1 Issue: 2\nDate: {date}\n\n{body}\n")
}

pub fn populate(root: &Path) {
    let b = root.join("briefs");
    write(&b.join("a.txt"), &brief("2007-04-23", "Bordyuza met Tazhin in Astana in 2007. Astana was cold.\n\nLater Bordyuza left for Қазақстан in 2008."), 3600);
    write(
        &b.join("b.txt"),
        &brief(
            "2006-01-02",
            "Tazhin spoke in Almaty. Bordyuza was absent in 2006.",
        ),
        3600,
    );
    write(
        &b.join("2008/c.txt"),
        &brief(
            "2008-05-01",
            "Astana and Almaty 🇰🇿 signed in 2008; Bordyuza watched.",
        ),
        3600,
    );
    write(&b.join("notes.csv"), "Not A Brief Astana.", 3600);
    write(&b.join(".hidden.txt"), "Hidden Astana.", 3600);
}

/// Options for a test library under `root` (its cache in `root/cache`, two threads).
pub fn opts(root: &Path, extractor: Extractor) -> Options {
    Options {
        cache_dir: Some(root.join("cache")),
        threads: 2,
        corrections: Default::default(),
        extractor,
        published: None,
    }
}

/// The library of `root/briefs`, indexed and saved.
pub fn open(root: &Path, extractor: Extractor) -> Library {
    library::open_blocking(&[root.join("briefs")], &opts(root, extractor))
}

/// Every brief's mentions and events, keyed by file name, as the library holds them.
pub fn snapshot(lib: &Library) -> Snapshot {
    let mut out: Vec<_> = lib
        .briefs()
        .iter()
        .map(|b| {
            let name = b.path.file_name().unwrap().to_string_lossy().into_owned();
            let mentions = b
                .mentions
                .iter()
                .map(|m| {
                    let e = &lib.entities()[m.entity as usize];
                    (e.name.to_string(), e.kind, m.span.span())
                })
                .collect();
            let events = b.events.iter().map(|e| e.value.to_string()).collect();
            (name, mentions, events)
        })
        .collect();
    out.sort();
    out
}
