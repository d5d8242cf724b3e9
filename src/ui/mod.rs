//! The reader: app state, actions, keymap, layout and widgets; terminal I/O
//! only in `terminal`.

use crate::cli::Failure;
use crate::date::Date;
use std::path::PathBuf;

/// Opens the reader on `files` (the bundled sample when empty).
pub fn run_reader(files: &[PathBuf], published: Option<Date>) -> Result<(), Failure> {
    let _ = (files, published);
    Err(Failure("the reader is not built yet".into()))
}
