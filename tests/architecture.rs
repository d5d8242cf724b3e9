//! The architecture, checked: no module imports from a module that imports it.
//! The top-level modules (`cli`, `ui`, `config`, `library`, …) form a one-way
//! chain, and so do the modules inside `cli`, `library`, `annotations`,
//! `document` and `formats`. References are read from the source (`crate::x`,
//! `super::x`), test modules left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out
}

/// The module path of a source file: `ui/app/mod.rs` → `["ui", "app"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a file without its `#[cfg(test)] mod tests`.
fn code(file: &Path) -> String {
    let s = std::fs::read_to_string(file).unwrap();
    match s.find("#[cfg(test)]\nmod tests") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Paths named after `crate::` or a run of `super::` in `code`, resolved
/// against the module `at`.
fn references(at: &[String], code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let word = |i: usize| {
        code[i..]
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .next()
            .unwrap_or("")
    };
    for (i, _) in code.match_indices("crate::") {
        if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_') {
            continue;
        }
        let path: Vec<String> = word(i + 7)
            .split("::")
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        out.push(path);
    }
    for (i, _) in code.match_indices("super::") {
        if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b':') {
            continue;
        }
        let rest = word(i);
        let ups = rest.matches("super::").count();
        let tail: Vec<String> = rest
            .split("::")
            .filter(|s| !s.is_empty() && *s != "super")
            .map(str::to_string)
            .collect();
        let mut path: Vec<String> = at[..at.len().saturating_sub(ups)].to_vec();
        path.extend(tail);
        out.push(path);
    }
    out
}

/// Edges between the children of `parent` (`[]`: the top-level modules).
fn graph(parent: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules: BTreeSet<String> = sources(&src)
        .iter()
        .map(|f| module_of(&src, f))
        .filter(|m| m.len() > parent.len() && m[..parent.len()] == *parent)
        .map(|m| m[parent.len()].clone())
        .collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in sources(&src) {
        let at = module_of(&src, &file);
        if at.len() <= parent.len() || at[..parent.len()] != *parent {
            continue;
        }
        let me = &at[parent.len()];
        for r in references(&at, &code(&file)) {
            if r.len() > parent.len() && r[..parent.len()] == *parent {
                let other = &r[parent.len()];
                if other != me && modules.contains(other) {
                    edges.entry(me.clone()).or_default().insert(other.clone());
                }
            }
        }
    }
    edges
}

/// Pairs of modules that import each other, as `a ↔ b`.
fn circles(parent: &[&str]) -> Vec<String> {
    let g = graph(parent);
    let mut out = Vec::new();
    for (a, bs) in &g {
        for b in bs {
            if a < b && g.get(b).is_some_and(|x| x.contains(a)) {
                out.push(format!("{a} ↔ {b}"));
            }
        }
    }
    out
}

#[test]
fn top_level_modules_form_a_one_way_chain() {
    let g = graph(&[]);
    assert!(g.get("ui").is_some_and(|d| d.contains("library")), "{g:?}");
    assert_eq!(circles(&[]), Vec::<String>::new());
    // Start-up wiring lives in cli; the UI never reads the config or the command line.
    for dep in ["cli", "config"] {
        assert!(!g["ui"].contains(dep), "ui imports {dep}");
    }
}

#[test]
fn modules_inside_cli_library_annotations_document_and_formats_do_not_import_in_circles() {
    for parent in [
        "cli",
        "library",
        "annotations",
        "document",
        "formats",
        "config",
    ] {
        assert_eq!(circles(&[parent]), Vec::<String>::new(), "in {parent}");
    }
}

#[test]
fn the_ui_keymap_names_and_app_do_not_import_in_circles() {
    let found = circles(&["ui"]);
    for pair in ["app ↔ keymap", "keymap ↔ keynames", "app ↔ help"] {
        assert!(!found.iter().any(|c| c == pair), "{found:?}");
    }
}
