//! Annotations on disk and out: store round trips, lookup by path, damaged
//! and newer files, failed saves, two processes, W3C and Markdown export.

mod common;

use common::{brief, scratch, span_of, P1, P2, P3};
use folio::annotations::export::{self, Format};
use folio::annotations::{w3c, AnnotationSet, ChangeError, Store};
use folio::document::Document;
use std::fs;
use std::path::{Path, PathBuf};

#[test]
fn store_round_trip_and_lookup_by_path_after_an_edit() {
    let dir = scratch("roundtrip");
    let store = Store::new(dir.join("store"));
    let brief_path = dir.join("brief.txt");
    let doc = brief(&[P1, P2, P3]);
    fs::write(&brief_path, doc.text()).unwrap();
    let (mut set, notice) = store.open(&doc, Some(&brief_path));
    assert!(notice.is_none());
    set.add(&doc, span_of(&doc, "Tehran"), "Venue #diplomacy")
        .unwrap();
    set.add(&doc, span_of(&doc, "Aktau"), "multi\nline note")
        .unwrap();
    store.save(&doc, &mut set).unwrap();
    assert!(!set.is_dirty());
    let (loaded, notice) = store.open(&doc, Some(&brief_path));
    assert!(notice.is_none());
    assert_eq!(export::json(&loaded), export::json(&set));
    // Moved and renamed: same text, same notes.
    let moved = dir.join("renamed.txt");
    fs::rename(&brief_path, &moved).unwrap();
    let (mut at_new_path, _) = store.open(&doc, Some(&moved));
    assert_eq!(at_new_path.len(), 2);
    assert!(
        at_new_path.is_dirty(),
        "the new path is remembered at the next save"
    );
    store.save(&doc, &mut at_new_path).unwrap();
    // Edited in place: found through the path, re-anchored.
    let edited = brief(&["A new first paragraph.", P1, P2, P3]);
    fs::write(&moved, edited.text()).unwrap();
    let (mut set2, notice) = store.open(&edited, Some(&moved));
    assert!(notice.is_some_and(|n| !n.read_only));
    assert_eq!(set2.len(), 2);
    assert!(set2.entries().iter().all(|e| e.span().is_some()));
    store.save(&edited, &mut set2).unwrap();
    assert!(store.file_for(set2.fingerprint()).exists());
    let _ = fs::remove_dir_all(&dir);
}

fn seeded_store(name: &str) -> (common::TempDir, Store, Document, PathBuf) {
    let dir = scratch(name);
    let store = Store::new(dir.join("store"));
    let doc = brief(&[P1, P2, P3]);
    let file = store.file_for(AnnotationSet::new(&doc).fingerprint());
    (dir, store, doc, file)
}

#[test]
fn a_damaged_store_opens_read_only_and_is_never_overwritten() {
    let (dir, store, doc, file) = seeded_store("damaged");
    fs::create_dir_all(store.dir()).unwrap();
    fs::write(&file, b"{\"version\": 1, \"annotations\": [tru").unwrap();
    let (mut set, notice) = store.open(&doc, None);
    let notice = notice.expect("a notice");
    assert!(
        notice.read_only && notice.message.contains("damaged"),
        "{}",
        notice.message
    );
    assert!(matches!(
        set.add(&doc, span_of(&doc, "Tehran"), "x"),
        Err(ChangeError::ReadOnly(_))
    ));
    assert!(store.save(&doc, &mut set).is_err());
    assert_eq!(
        fs::read(&file).unwrap(),
        b"{\"version\": 1, \"annotations\": [tru"
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_newer_store_opens_read_only_and_is_never_overwritten() {
    let (dir, store, doc, file) = seeded_store("newer");
    fs::create_dir_all(store.dir()).unwrap();
    let newer = br#"{"version": 99, "fingerprint": "x", "annotations": [], "shiny": true}"#;
    fs::write(&file, newer).unwrap();
    let (mut set, notice) = store.open(&doc, None);
    assert!(notice.is_some_and(|n| n.read_only && n.message.contains("newer")));
    assert!(set.read_only().is_some());
    assert!(store.save(&doc, &mut set).is_err());
    assert_eq!(fs::read(&file).unwrap(), newer);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_store_damaged_after_opening_is_not_overwritten_either() {
    let (dir, store, doc, file) = seeded_store("late-damage");
    let (mut set, _) = store.open(&doc, None);
    set.add(&doc, span_of(&doc, "Tehran"), "x").unwrap();
    fs::create_dir_all(store.dir()).unwrap();
    fs::write(&file, b"garbage").unwrap();
    assert!(store.save(&doc, &mut set).is_err());
    assert_eq!(fs::read(&file).unwrap(), b"garbage");
    let _ = fs::remove_dir_all(&dir);
}

/// Whether permission bits stop this process (they do not for root).
fn permissions_apply(dir: &Path) -> bool {
    fs::write(dir.join("probe"), b"").is_err()
}

#[test]
fn a_failed_save_keeps_the_old_file_and_retries_later() {
    let (dir, store, doc, file) = seeded_store("failed-save");
    let (mut set, _) = store.open(&doc, None);
    set.add(&doc, span_of(&doc, "Tehran"), "first").unwrap();
    store.save(&doc, &mut set).unwrap();
    let saved = fs::read(&file).unwrap();
    set.add(&doc, span_of(&doc, "Aktau"), "second").unwrap();

    // An unwritable directory, where permission bits work; else (root) a store whose
    // directory path runs through a regular file, which fails for everyone.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(store.dir(), fs::Permissions::from_mode(0o500)).unwrap();
        if permissions_apply(store.dir()) {
            let err = store.save(&doc, &mut set).unwrap_err();
            assert!(err.to_string().contains("kept in memory"), "{err}");
            assert!(set.is_dirty());
            assert_eq!(fs::read(&file).unwrap(), saved);
        } else {
            eprintln!("running as root: permission bits do not apply, testing a blocked path only");
        }
        fs::set_permissions(store.dir(), fs::Permissions::from_mode(0o755)).unwrap();
    }
    let blocked = Store::new(file.join("not-a-dir"));
    assert!(blocked.save(&doc, &mut set).is_err());
    assert!(set.is_dirty());
    assert_eq!(fs::read(&file).unwrap(), saved);

    // The fault clears: the change typed meanwhile is saved.
    store.save(&doc, &mut set).unwrap();
    assert_eq!(store.open(&doc, None).0.len(), 2);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn two_processes_on_one_brief_merge_instead_of_losing_notes() {
    let (dir, store, doc, _) = seeded_store("two");
    let (mut a, _) = store.open(&doc, None);
    let (mut b, _) = store.open(&doc, None);
    let from_a = a.add(&doc, span_of(&doc, "Tehran"), "from A").unwrap();
    store.save(&doc, &mut a).unwrap();
    let from_b = b.add(&doc, span_of(&doc, "Aktau"), "from B").unwrap();
    store.save(&doc, &mut b).unwrap();
    // A deletes its note; B, saving later with its stale copy, must not resurrect it.
    a.delete(&from_a).unwrap();
    store.save(&doc, &mut a).unwrap();
    b.edit(&from_b, "from B, edited").unwrap();
    store.save(&doc, &mut b).unwrap();
    let (merged, _) = store.open(&doc, None);
    assert!(merged.get(&from_a).is_none());
    assert_eq!(
        merged.get(&from_b).unwrap().annotation.note,
        "from B, edited"
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn w3c_export_import_export_is_identical() {
    let (dir, store, doc, _) = seeded_store("w3c");
    let (mut set, _) = store.open(&doc, None);
    set.add(
        &doc,
        span_of(&doc, "Tehran"),
        "Venue #diplomacy\nsecond line",
    )
    .unwrap();
    set.add(&doc, span_of(&doc, "patrol boats"), "").unwrap();
    set.add(&doc, span_of(&doc, "energy infrastructure"), "#energy only")
        .unwrap();
    let first = w3c::export(&doc, &set);
    let value: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(value["type"], "AnnotationCollection");
    assert_eq!(value["total"], 3);
    let item = &value["first"]["items"][0];
    assert_eq!(item["body"][0]["purpose"], "commenting");
    assert_eq!(item["body"][1]["purpose"], "tagging");
    assert_eq!(item["target"]["selector"][0]["type"], "TextQuoteSelector");
    assert_eq!(
        item["target"]["selector"][1]["type"],
        "TextPositionSelector"
    );

    let other = Store::new(dir.join("other"));
    let (mut fresh, _) = other.open(&doc, None);
    let imported = w3c::import(&first).unwrap();
    assert_eq!(fresh.merge(&doc, imported.annotations, vec![]), 3);
    other.save(&doc, &mut fresh).unwrap();
    let (reloaded, _) = other.open(&doc, None);
    assert_eq!(w3c::export(&doc, &reloaded), first);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn markdown_groups_by_paragraph_and_lists_orphans() {
    let doc = brief(&[P1, P2, P3]);
    let mut set = AnnotationSet::new(&doc);
    set.add(&doc, span_of(&doc, "Tehran"), "Venue #diplomacy")
        .unwrap();
    set.add(&doc, span_of(&doc, "Astana"), "Who? #sources")
        .unwrap();
    set.add(&doc, span_of(&doc, "naval base"), "").unwrap();
    let edited = brief(&[P1, P3]);
    let set = AnnotationSet::with(
        &edited,
        set.entries().iter().map(|e| e.annotation.clone()).collect(),
        vec![],
    );
    let md = export::render(&edited, &set, Format::Markdown);
    let para1 = md.find("## Paragraph 1").unwrap();
    let para2 = md.find("## Paragraph 2").unwrap();
    let orphans = md.find("## Orphaned").unwrap();
    assert!(para1 < md.find("> Tehran").unwrap() && md.find("> Tehran").unwrap() < para2);
    assert!(
        md[para1..para2].contains("Venue #diplomacy")
            && md[para1..para2].contains("Tags: #diplomacy")
    );
    assert!(md[para2..orphans].contains("> Astana"));
    assert!(md[orphans..].contains("> naval base"));
}
