//! Tells the tests what this machine has, so a test that needs something
//! absent is reported as ignored with the reason, not passed in silence:
//! `folio_shared` when the shared material (`../shared`, or `$FOLIO_SHARED`)
//! is there, `folio_python` when python3 runs, `folio_root` when building as root.
//! Also bakes the built-in name lists (`assets/gazetteer.tsv`) into the table
//! the binary reads in place, with the crate's own parser (the files below).

use std::path::PathBuf;
use std::process::Command;

#[allow(dead_code)]
#[path = "src/entities/gazetteer.rs"]
mod gazetteer;
/// The crate's files the gazetteer table is made with (they use nothing else).
#[allow(dead_code)]
#[path = "src/entities/hashing.rs"]
mod hashing;
#[allow(dead_code)]
#[path = "src/entities/in_place.rs"]
mod in_place;
#[allow(dead_code)]
#[path = "src/entities/tokens.rs"]
mod tokens;

/// Writes `OUT_DIR/gazetteer.bin` from `assets/gazetteer.tsv`.
fn bake_gazetteer(manifest: &std::path::Path) {
    for f in [
        "assets/gazetteer.tsv",
        "src/entities/gazetteer.rs",
        "src/entities/hashing.rs",
        "src/entities/in_place.rs",
        "src/entities/tokens.rs",
    ] {
        println!("cargo::rerun-if-changed={f}");
    }
    let tsv = std::fs::read_to_string(manifest.join("assets/gazetteer.tsv"))
        .expect("assets/gazetteer.tsv is readable");
    let table = gazetteer::Gazetteer::parse(&tsv).to_bytes();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("gazetteer.bin"), table).expect("OUT_DIR is writable");
}

fn main() {
    println!("cargo::rustc-check-cfg=cfg(folio_shared)");
    println!("cargo::rustc-check-cfg=cfg(folio_python)");
    println!("cargo::rustc-check-cfg=cfg(folio_root)");
    println!("cargo::rerun-if-env-changed=FOLIO_SHARED");
    println!("cargo::rerun-if-changed=build.rs");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    bake_gazetteer(&manifest);
    let shared = std::env::var_os("FOLIO_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../shared"));
    // Watching the folder's parent notices `../shared` appearing or going.
    if let Some(parent) = shared.parent() {
        println!("cargo::rerun-if-changed={}", parent.display());
    }
    if shared.join("hostile/make_hostile.py").is_file() && shared.join("briefs").is_dir() {
        println!("cargo::rustc-cfg=folio_shared");
    }
    let runs = |cmd: &str, args: &[&str]| {
        Command::new(cmd)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    if runs("python3", &["--version"]).is_some() {
        println!("cargo::rustc-cfg=folio_python");
    }
    if runs("id", &["-u"]).as_deref() == Some("0") {
        println!("cargo::rustc-cfg=folio_root");
    }
}
