//! Reading a brief from disk without ever blocking or panicking: only regular
//! files are opened, and every failure becomes a message that names the reason.

use super::{decode, decode_owned, DecodeError, Document};
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
    let decoded = decode_owned(bytes).map_err(ReadError::Decode)?;
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

/// The first bytes of a big file, parsed for a first screen while the whole file
/// loads, with the file's full size. The prefix ends on a character boundary, so
/// its offsets are those of the whole document.
pub fn read_prefix(path: &Path, max_bytes: usize) -> Result<(Document, u64), ReadError> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    })?;
    if meta.is_dir() {
        return Err(ReadError::IsDirectory);
    }
    if !meta.file_type().is_file() {
        return Err(ReadError::NotRegular(special_kind(&meta.file_type())));
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let mut bytes = Vec::with_capacity(max_bytes);
    file.take(max_bytes as u64)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    let utf16 = bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff");
    let mut n = bytes.len();
    if utf16 {
        n &= !1;
    } else if (n as u64) < meta.len() {
        n = complete_utf8_prefix(&bytes);
    }
    bytes.truncate(n);
    let decoded = decode(&bytes).map_err(ReadError::Decode)?;
    Ok((Document::parse(decoded), meta.len()))
}

/// Length of the longest prefix of `bytes` that does not end inside a UTF-8 character.
fn complete_utf8_prefix(bytes: &[u8]) -> usize {
    let n = bytes.len();
    let cont = bytes
        .iter()
        .rev()
        .take(3)
        .take_while(|&&b| b & 0xC0 == 0x80)
        .count();
    let Some(lead_at) = n.checked_sub(cont + 1) else {
        return n;
    };
    let need = match bytes[lead_at] {
        b if b >= 0xF0 => 4,
        b if b >= 0xE0 => 3,
        b if b >= 0xC0 => 2,
        _ => 1,
    };
    if n - lead_at < need {
        lead_at
    } else {
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_never_end_inside_a_character() {
        let text = "aҚ中🇰".as_bytes();
        for cut in 0..=text.len() {
            let n = complete_utf8_prefix(&text[..cut]);
            assert!(std::str::from_utf8(&text[..n]).is_ok(), "cut {cut} -> {n}");
            assert!(cut - n < 4);
        }
    }

    #[test]
    fn a_prefix_has_the_offsets_of_the_whole() {
        let dir = std::env::temp_dir().join(format!("folio-prefix-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.txt");
        let text = "Қазақстан and Astana. ".repeat(1000);
        std::fs::write(&path, &text).unwrap();
        let (doc, size) = read_prefix(&path, 1001).unwrap();
        assert_eq!(size, text.len() as u64);
        assert!(text.starts_with(doc.text()));
        assert!(doc.text().len() > 990);
    }
}
