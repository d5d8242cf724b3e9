//! Standard output for every command that prints data. A reader that stops early
//! (`folio man | head`) closes the pipe: the command then ends at once, quietly and
//! with status 0, as other command-line tools do, instead of reporting the
//! broken pipe or panicking in `println!`.

use super::Failure;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by the first write that found standard output closed.
static CLOSED: AtomicBool = AtomicBool::new(false);

/// Writes `s` to standard output. A closed pipe returns an error that stops the
/// command; [`closed`] then tells `cli::run` to end quietly with status 0.
pub(crate) fn emit(s: &str) -> Result<(), Failure> {
    emit_bytes(s.as_bytes())
}

/// [`emit`] for bytes (a man page or completion script rendered into a buffer).
pub(crate) fn emit_bytes(bytes: &[u8]) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            CLOSED.store(true, Ordering::Relaxed);
            Err(Failure("standard output was closed".into()))
        }
        Err(e) => Err(Failure(format!("cannot write output: {e}"))),
    }
}

/// Whether standard output was found closed: the command's failure is then no failure.
pub(crate) fn closed() -> bool {
    CLOSED.load(Ordering::Relaxed)
}
