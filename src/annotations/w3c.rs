//! W3C Web Annotation (JSON-LD) export and import: an `AnnotationCollection`
//! whose annotations carry a `commenting` body (the note), one `tagging` body
//! per tag, and a target with a TextQuoteSelector and a TextPositionSelector
//! (code points). Import accepts that shape and the common variants other
//! tools write (a bare array, an `AnnotationPage`, one annotation; bodies and
//! selectors as objects or arrays).

use super::model::{self, Annotation, State, Target, TextPositionSelector, TextQuoteSelector};
use super::AnnotationSet;
use crate::document::Document;
use serde::Serialize;
use serde_json::Value;
use std::fmt;

const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: String,
    total: usize,
    first: Page<'a>,
}

#[derive(Serialize)]
struct Page<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    created: &'a str,
    modified: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    body: Vec<Body<'a>>,
    target: ItemTarget<'a>,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
}

#[derive(Serialize)]
struct ItemTarget<'a> {
    source: &'a str,
    selector: [Selector<'a>; 2],
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Selector<'a> {
    TextQuoteSelector {
        exact: &'a str,
        prefix: &'a str,
        suffix: &'a str,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

/// The annotations of `set` as a W3C `AnnotationCollection`, pretty-printed JSON-LD.
pub fn export(doc: &Document, set: &AnnotationSet) -> String {
    let source = format!("urn:folio:brief:{}", set.fingerprint());
    let items: Vec<Item> = set
        .entries()
        .iter()
        .map(|e| {
            let a = &e.annotation;
            let mut body = Vec::new();
            if !a.note.is_empty() {
                body.push(Body {
                    kind: "TextualBody",
                    purpose: "commenting",
                    value: &a.note,
                    format: Some("text/plain"),
                });
            }
            body.extend(a.tags.iter().map(|t| Body {
                kind: "TextualBody",
                purpose: "tagging",
                value: t,
                format: None,
            }));
            let q = &a.target.quote;
            Item {
                id: &a.id,
                kind: "Annotation",
                motivation: if a.note.is_empty() && !a.tags.is_empty() {
                    "tagging"
                } else {
                    "commenting"
                },
                created: &a.created,
                modified: &a.modified,
                body,
                target: ItemTarget {
                    source: &source,
                    selector: [
                        Selector::TextQuoteSelector {
                            exact: &q.exact,
                            prefix: &q.prefix,
                            suffix: &q.suffix,
                        },
                        Selector::TextPositionSelector {
                            start: a.target.position.start,
                            end: a.target.position.end,
                        },
                    ],
                },
            }
        })
        .collect();
    let collection = Collection {
        context: CONTEXT,
        id: format!("{source}:annotations"),
        kind: "AnnotationCollection",
        label: format!("folio annotations: {}", doc.title(80)),
        total: items.len(),
        first: Page {
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    let mut out = serde_json::to_string_pretty(&collection).unwrap_or_default();
    out.push('\n');
    out
}

/// Why a W3C file could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    NotJson(String),
    /// Valid JSON, but no annotation with a TextQuoteSelector in it.
    NoAnnotations,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotJson(e) => write!(f, "not valid JSON ({e})"),
            ImportError::NoAnnotations => {
                f.write_str("no annotations with a TextQuoteSelector found")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// What an import file held.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub annotations: Vec<Annotation>,
    /// Annotations left out: no text quote to anchor them by.
    pub skipped: usize,
}

/// Reads W3C Web Annotation JSON (a collection, a page, an array or one annotation).
pub fn import(json: &str) -> Result<Imported, ImportError> {
    let value: Value =
        serde_json::from_str(json).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let items = annotation_values(&value);
    let total = items.len();
    let annotations: Vec<Annotation> = items.into_iter().filter_map(annotation).collect();
    if annotations.is_empty() {
        return Err(ImportError::NoAnnotations);
    }
    Ok(Imported {
        skipped: total - annotations.len(),
        annotations,
    })
}

/// The annotation objects inside any of the accepted top-level shapes.
fn annotation_values(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(items) => items.iter().filter(|i| i.is_object()).collect(),
        Value::Object(o) => {
            if let Some(items) = o.get("items") {
                return annotation_values(items);
            }
            if let Some(first) = o.get("first") {
                return annotation_values(first);
            }
            vec![v]
        }
        _ => Vec::new(),
    }
}

fn as_list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(other) => vec![other],
        None => Vec::new(),
    }
}

fn string(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn has_purpose(body: &Value, purpose: &str) -> bool {
    as_list(body.get("purpose"))
        .iter()
        .any(|p| p.as_str() == Some(purpose))
}

fn annotation(v: &Value) -> Option<Annotation> {
    let target = as_list(v.get("target")).into_iter().find_map(target)?;
    let mut notes = Vec::new();
    let mut tags = Vec::new();
    for body in as_list(v.get("body")) {
        let Some(value) = body
            .get("value")
            .and_then(Value::as_str)
            .or_else(|| body.as_str())
        else {
            continue;
        };
        if has_purpose(body, "tagging") {
            tags.push(value.to_owned());
        } else {
            notes.push(value.to_owned());
        }
    }
    let note = notes.join("\n\n");
    model::union_tags(&mut tags, model::parse_tags(&note));
    let now = model::now();
    let created = string(v, "created").unwrap_or_else(|| now.clone());
    Some(Annotation {
        id: string(v, "id")
            .filter(|s| !s.is_empty())
            .unwrap_or_else(model::new_id),
        modified: string(v, "modified").unwrap_or_else(|| created.clone()),
        created,
        note,
        tags,
        target,
        state: State::Anchored,
    })
}

fn target(t: &Value) -> Option<Target> {
    let selectors = as_list(t.get("selector"));
    let of_type = |name: &str| {
        selectors
            .iter()
            .copied()
            .find(|s| s.get("type").and_then(Value::as_str) == Some(name))
    };
    let quote = of_type("TextQuoteSelector")?;
    let exact = string(quote, "exact").filter(|e| !e.is_empty())?;
    let position = of_type("TextPositionSelector")
        .and_then(|p| {
            let start = usize::try_from(p.get("start")?.as_u64()?).ok()?;
            let end = usize::try_from(p.get("end")?.as_u64()?).ok()?;
            (start <= end).then_some(TextPositionSelector { start, end })
        })
        .unwrap_or(TextPositionSelector { start: 0, end: 0 });
    Some(Target {
        quote: TextQuoteSelector {
            exact,
            prefix: string(quote, "prefix").unwrap_or_default(),
            suffix: string(quote, "suffix").unwrap_or_default(),
        },
        position,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_variants_other_tools_write() {
        let one = r#"{"type":"Annotation","body":{"type":"TextualBody","value":"look #here"},
            "target":{"source":"x","selector":{"type":"TextQuoteSelector","exact":"Astana"}}}"#;
        let got = import(one).unwrap();
        assert_eq!(got.annotations.len(), 1);
        assert_eq!(got.annotations[0].note, "look #here");
        assert_eq!(got.annotations[0].tags, ["here"]);
        assert_eq!(got.annotations[0].target.quote.exact, "Astana");
        let mixed = r#"[{"target":{"selector":[{"type":"RangeSelector"}]}},
            {"body":[{"purpose":["tagging"],"value":"Energy"}],"target":[{"selector":[{"type":"TextQuoteSelector","exact":"oil","prefix":"the "}]}]}]"#;
        let got = import(mixed).unwrap();
        assert_eq!(got.skipped, 1);
        assert_eq!(got.annotations[0].tags, ["Energy"]);
        assert_eq!(got.annotations[0].target.quote.prefix, "the ");
        assert!(matches!(import("[1,2]"), Err(ImportError::NoAnnotations)));
        assert!(matches!(import("{"), Err(ImportError::NotJson(_))));
    }
}
