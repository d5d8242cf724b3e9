//! `folio places`: the brief's places with coordinates, checked against where
//! they are (a hand-written brief here, the shared sample brief when present).

mod common;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn folio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env(
            "FOLIO_DATA_DIR",
            std::env::temp_dir().join("folio-places-no-data"),
        )
        .output()
        .expect("run folio")
}

/// A brief written for this test: places whose coordinates are well known.
const BRIEF: &str = "Title: Rail links across the steppe\n\
Date: 2024-05-02\n\n\
Officials in Tashkent and Astana signed a rail agreement on Thursday. The line \
will run from Uzbekistan through Kazakhstan to the port of Aktau on the Caspian Sea.\n\n\
Engineers from Tbilisi, who built a similar link across Georgia, will advise the \
project. Astana expects the first trains to reach Aktau within three years.\n";

/// (lat, lon) within a degree of `want`.
fn near(record: &Value, want: (f64, f64)) -> bool {
    let lat = record["lat"].as_f64().unwrap();
    let lon = record["lon"].as_f64().unwrap();
    (lat - want.0).abs() <= 1.0 && (lon - want.1).abs() <= 1.0
}

/// The point lies inside the box (south, west, north, east), a degree in from its sides.
fn well_inside(record: &Value, bbox: (f64, f64, f64, f64)) -> bool {
    let lat = record["lat"].as_f64().unwrap();
    let lon = record["lon"].as_f64().unwrap();
    lat > bbox.0 + 1.0 && lon > bbox.1 + 1.0 && lat < bbox.2 - 1.0 && lon < bbox.3 - 1.0
}

fn records(out: &Output) -> Vec<Value> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON array")
}

fn find<'a>(rows: &'a [Value], entity: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["entity"] == entity)
        .unwrap_or_else(|| panic!("{entity} not in {rows:#?}"))
}

#[test]
fn a_hand_written_brief_has_its_places_where_they_are() {
    let dir = common::TempDir::new("places-brief");
    let path = dir.join("rail.txt");
    std::fs::write(&path, BRIEF).unwrap();
    let rows = records(&folio(&[
        "places",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let tashkent = find(&rows, "Tashkent");
    assert!(near(tashkent, (41.30, 69.24)), "{tashkent}");
    assert_eq!(tashkent["feature"], "city");
    assert_eq!(tashkent["country"], "UZ");
    assert_eq!(tashkent["kind"], "place");
    let astana = find(&rows, "Astana");
    assert!(near(astana, (51.17, 71.43)), "{astana}");
    assert_eq!(astana["mentions"], 2);
    let aktau = find(&rows, "Aktau");
    assert!(near(aktau, (43.65, 51.17)), "{aktau}");
    assert_eq!(aktau["country"], "KZ");
    let tbilisi = find(&rows, "Tbilisi");
    assert!(near(tbilisi, (41.72, 44.79)), "{tbilisi}");
    // Georgia beside Tbilisi is the country, not the US state.
    let georgia = find(&rows, "Georgia");
    assert_eq!(georgia["feature"], "country");
    assert_eq!(georgia["country"], "GE");
    let caspian = find(&rows, "Caspian Sea");
    assert!(near(caspian, (41.8, 50.6)), "{caspian}");
    assert_eq!(caspian["country"], Value::Null);
    // Kazakhstan spans 40.6–55.4°N, 46.5–87.3°E; its marker is well inside it.
    let kz = find(&rows, "Kazakhstan");
    assert_eq!(kz["feature"], "country");
    assert!(well_inside(kz, (40.6, 46.5, 55.4, 87.3)), "{kz}");
    // Most mentioned first.
    let counts: Vec<u64> = rows
        .iter()
        .map(|r| r["mentions"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
}

#[test]
fn every_format_and_a_folder_carry_the_same_records() {
    let dir = common::TempDir::new("places-formats");
    std::fs::write(dir.join("rail.txt"), BRIEF).unwrap();
    let file = dir.join("rail.txt");
    let file = file.to_str().unwrap();
    let table = folio(&["places", file]);
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.starts_with("MENTIONS"), "{table}");
    assert!(table.contains("city in Uzbekistan"), "{table}");
    let csv = String::from_utf8(folio(&["places", file, "--format", "csv"]).stdout).unwrap();
    assert!(
        csv.starts_with("entity,kind,lat,lon,mentions,feature,country\r\n"),
        "{csv}"
    );
    let jsonl = String::from_utf8(folio(&["places", file, "--format", "jsonl"]).stdout).unwrap();
    let first: Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    // Most mentioned first, ties by name: Aktau and Astana have two each.
    assert_eq!(first["entity"], "Aktau");
    let rows = records(&folio(&[
        "places",
        dir.to_str().unwrap(),
        "--format",
        "json",
    ]));
    assert!(!rows.is_empty());
    for r in &rows {
        assert!(r["file"].as_str().unwrap().ends_with("rail.txt"), "{r}");
    }
    assert!(near(find(&rows, "Tashkent"), (41.30, 69.24)));
}

#[test]
fn a_demonym_is_no_place() {
    let dir = common::TempDir::new("places-none");
    let path = dir.join("none.txt");
    std::fs::write(
        &path,
        "Kazakh officials met Uzbek officials. They agreed on nothing at all.\n",
    )
    .unwrap();
    let rows = records(&folio(&["places", path.to_str().unwrap(), "--json"]));
    assert!(
        rows.iter()
            .all(|r| r["entity"] != "Kazakh" && r["entity"] != "Uzbek"),
        "{rows:?}"
    );
}

#[test]
fn places_written_in_other_alphabets_are_on_the_map() {
    let dir = common::TempDir::new("places-scripts");
    let path = dir.join("scripts.txt");
    std::fs::write(
        &path,
        "Crowds gathered in Москва and Київ on Sunday, and later in Αθήνα.\n\n\
         The ministry in Казахстан said nothing about the crowds in Москва.\n",
    )
    .unwrap();
    let rows = records(&folio(&["places", path.to_str().unwrap(), "--json"]));
    assert!(near(find(&rows, "Москва"), (55.75, 37.62)), "{rows:#?}");
    assert!(near(find(&rows, "Київ"), (50.45, 30.52)), "{rows:#?}");
    assert!(near(find(&rows, "Αθήνα"), (37.98, 23.73)), "{rows:#?}");
    assert!(
        well_inside(find(&rows, "Казахстан"), (40.5, 46.5, 55.5, 87.3)),
        "{rows:#?}"
    );
}

#[test]
#[cfg_attr(not(folio_shared), ignore = "needs ../shared (or FOLIO_SHARED)")]
fn the_shared_sample_brief_has_its_places_where_they_are() {
    let shared = common::shared_dir().expect("shared folder");
    let path = shared.join("briefs/kazakhstan-csto-2007.txt");
    assert!(Path::new(&path).is_file(), "{}", path.display());
    let rows = records(&folio(&[
        "places",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]));
    assert!(near(find(&rows, "Astana"), (51.17, 71.43)));
    assert!(near(find(&rows, "Moscow"), (55.76, 37.62)));
    assert!(near(find(&rows, "Caspian"), (41.8, 50.6)));
    // Countries: their markers are well inside them (Kazakhstan 40.6–55.4°N,
    // 46.5–87.3°E; Afghanistan 29.4–38.5°N, 60.5–74.9°E).
    assert!(well_inside(
        find(&rows, "Kazakhstan"),
        (40.6, 46.5, 55.4, 87.3)
    ));
    assert!(well_inside(
        find(&rows, "Afghanistan"),
        (29.4, 60.5, 38.5, 74.9)
    ));
}
