//! Reading a brief from disk without ever blocking or panicking: only regular
//! files are opened, and every failure becomes a message that names the reason.

use super::{decode, DecodeError, Document};
use std::fmt;
use std::io::Read;
use std::path::Path;

/// Why a file could not be opened as a brief.
#[derive(Debug)]
pub enum ReadError {
    NotFound,
    /// A symbolic link whose target does not exist.
    BrokenLink,
    IsDirectory,
    /// A FIFO, socket or device: reading it could block forever or never end.
    NotRegular(&'static str),
    Io(std::io::Error),
    Decode(DecodeError),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => f.write_str("no such file"),
            ReadError::BrokenLink => {
                f.write_str("is a broken symbolic link (its target does not exist)")
            }
            ReadError::IsDirectory => f.write_str("is a directory"),
            ReadError::NotRegular(what) => write!(f, "is a {what}, not a regular file"),
            ReadError::Io(e) => write!(f, "{}", io_reason(e)),
            ReadError::Decode(e) => write!(f, "{e}"),
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        PermissionDenied => "permission denied".into(),
        NotFound => "no such file".into(),
        _ => {
            // The OS message minus its "(os error N)" suffix.
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads and parses the brief at `path`. Only regular files are read: the type is
/// checked before opening and again on the opened file (which is opened
/// non-blocking), so a FIFO swapped in between cannot make the read hang.
pub fn read_file(path: &Path) -> Result<Document, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| open_error(path, e))?;
    check_type(&meta)?;
    let mut file = open(path).map_err(|e| open_error(path, e))?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    check_type(&meta)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    file.read_to_end(&mut bytes).map_err(ReadError::Io)?;
    let decoded = decode(&bytes).map_err(ReadError::Decode)?;
    Ok(Document::parse(decoded))
}

fn open_error(path: &Path, e: std::io::Error) -> ReadError {
    match e.kind() {
        std::io::ErrorKind::NotFound if path.symlink_metadata().is_ok() => ReadError::BrokenLink,
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    }
}

fn check_type(meta: &std::fs::Metadata) -> Result<(), ReadError> {
    let ft = meta.file_type();
    if ft.is_dir() {
        Err(ReadError::IsDirectory)
    } else if !ft.is_file() {
        Err(ReadError::NotRegular(special_kind(&ft)))
    } else {
        Ok(())
    }
}

#[cfg(unix)]
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(unix)]
fn special_kind(ft: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_fifo() {
        "named pipe"
    } else if ft.is_socket() {
        "socket"
    } else if ft.is_block_device() || ft.is_char_device() {
        "device"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "special file"
}
