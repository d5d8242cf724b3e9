//! `folio corrections`: list the stored entity corrections, or delete one
//! (which restores the recognizer's view of its names); and the corrections
//! `folio entities` applies.

use super::output::emit;
use super::report::to_json;
use super::Failure;
use crate::display::escape_controls;
use crate::entities::store::{Store, StoreError};
use crate::entities::Corrections;
use clap::Args;

/// Arguments of `folio corrections`.
#[derive(Debug, Args)]
pub struct CorrectionsArgs {
    /// One JSON array of {"id","action","name",…,"made"} objects.
    #[arg(long)]
    pub json: bool,
    /// Delete the correction with this id (see the listing).
    #[arg(long, value_name = "ID")]
    pub delete: Option<u64>,
}

fn store() -> Result<Store, Failure> {
    Store::from_env()
        .ok_or_else(|| Failure("no data directory for this user (set FOLIO_DATA_DIR)".into()))
}

fn failure(e: StoreError) -> Failure {
    Failure(e.to_string())
}

/// Runs `folio corrections`.
pub fn run(args: &CorrectionsArgs) -> Result<(), Failure> {
    let store = store()?;
    if let Some(id) = args.delete {
        let change = store.delete(id).map_err(failure)?;
        eprintln!(
            "folio: deleted correction {id} ({} {})",
            change.action(),
            escape_controls(&change.summary())
        );
        return Ok(());
    }
    let file = store.load().map_err(failure)?;
    if args.json {
        return emit(&to_json(&file.corrections)?);
    }
    if file.corrections.is_empty() {
        eprintln!("folio: no corrections yet (make them in the reader: t, x, m, +)");
        return Ok(());
    }
    let mut out = format!(
        "{:>4}  {:<10}  {:<24}  {}\n",
        "id", "action", "made", "names"
    );
    for e in &file.corrections {
        out.push_str(&format!(
            "{:>4}  {:<10}  {:<24}  {}\n",
            e.id,
            e.change.action(),
            escape_controls(&e.made),
            escape_controls(&e.change.summary())
        ));
    }
    emit(&out)
}

/// The stored corrections for `folio entities` (none with `--no-corrections`).
/// A damaged or newer store is reported and left alone; the raw view is shown.
pub fn for_report(skip: bool) -> Corrections {
    if skip {
        return Corrections::default();
    }
    match Store::from_env().map(|s| s.load()) {
        Some(Ok(file)) => file.corrections(),
        Some(Err(e)) => {
            eprintln!(
                "folio: {}; showing entities without corrections",
                escape_controls(&e.to_string())
            );
            Corrections::default()
        }
        None => Corrections::default(),
    }
}
