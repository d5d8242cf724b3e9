//! Reading a brief from disk without ever blocking or panicking: only regular
//! files are opened, and every failure becomes a message that names the reason.

use super::{decode, DecodeError, Document};
use std::fmt;
use std::path::Path;

/// Why a file could not be opened as a brief.
#[derive(Debug)]
pub enum ReadError {
    NotFound,
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

/// Reads and parses the brief at `path`.
pub fn read_file(path: &Path) -> Result<Document, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    })?;
    let ft = meta.file_type();
    if ft.is_dir() {
        return Err(ReadError::IsDirectory);
    }
    if !ft.is_file() {
        return Err(ReadError::NotRegular(special_kind(&ft)));
    }
    let bytes = std::fs::read(path).map_err(ReadError::Io)?;
    let decoded = decode(&bytes).map_err(ReadError::Decode)?;
    Ok(Document::parse(decoded))
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
