//! Reading a brief from disk without ever blocking or panicking: only regular
//! files are opened, and every failure becomes a message that names the reason.

use super::{decode, decode_owned, DecodeError, Document};
use std::fmt;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// Why a file could not be opened as a brief.
#[derive(Debug)]
pub enum ReadError {
    NotFound,
    /// A symbolic link whose target does not exist.
    BrokenLink,
    /// `-` given as a file name, with no such file: standard input is not read.
    Stdin,
    IsDirectory,
    /// A FIFO, socket or device: reading it could block forever or never end.
    NotRegular(&'static str),
    Io(std::io::Error),
    Decode(DecodeError),
    /// Larger than [`super::MAX_TEXT`], in bytes.
    TooLarge(u64),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => f.write_str("no such file"),
            ReadError::Stdin => f.write_str(
                "reading standard input is not supported; save the brief to a file and open that",
            ),
            ReadError::BrokenLink => {
                f.write_str("is a broken symbolic link (its target does not exist)")
            }
            ReadError::IsDirectory => f.write_str("is a directory"),
            ReadError::NotRegular(what) => write!(f, "is a {what}, not a regular file"),
            ReadError::Io(e) => write!(f, "{}", io_reason(e)),
            ReadError::Decode(e) => write!(f, "{e}"),
            ReadError::TooLarge(n) => write!(
                f,
                "is {n} bytes; folio reads briefs of up to 4 GiB ({} bytes)",
                super::MAX_TEXT
            ),
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
    let (bytes, _) = read_bytes(path)?;
    let decoded = decode_owned(bytes).map_err(ReadError::Decode)?;
    // Decoding can lengthen a text (Latin-1 to UTF-8), so the limit is checked again.
    check_size(decoded.text.len() as u64)?;
    Ok(Document::parse(decoded))
}

/// Refuses a text whose byte offsets would not fit the `u32` a mention keeps.
fn check_size(bytes: u64) -> Result<(), ReadError> {
    if bytes > super::MAX_TEXT as u64 {
        return Err(ReadError::TooLarge(bytes));
    }
    Ok(())
}

/// The bytes of the regular file at `path` and its metadata (taken from the open
/// file, so size and mtime belong to the bytes read). Every read of a brief goes
/// through here or [`read_head`]: a FIFO, socket or device is refused, never waited on.
pub fn read_bytes(path: &Path) -> Result<(Vec<u8>, std::fs::Metadata), ReadError> {
    let (mut file, meta) = open_regular(path)?;
    check_size(meta.len())?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    file.read_to_end(&mut bytes).map_err(ReadError::Io)?;
    Ok((bytes, meta))
}

/// At most the first `max_bytes` of the regular file at `path` (for sniffing its format).
pub fn read_head(path: &Path, max_bytes: usize) -> Result<Vec<u8>, ReadError> {
    let (file, _) = open_regular(path)?;
    read_up_to(file, max_bytes)
}

/// Opens `path` only if it is a regular file. The type is checked before opening
/// and again on the opened file (opened non-blocking), so a FIFO swapped in
/// between cannot make a read hang.
fn open_regular(path: &Path) -> Result<(std::fs::File, std::fs::Metadata), ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| open_error(path, e))?;
    check_type(&meta)?;
    let file = open(path).map_err(|e| open_error(path, e))?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    check_type(&meta)?;
    Ok((file, meta))
}

fn open_error(path: &Path, e: std::io::Error) -> ReadError {
    match e.kind() {
        std::io::ErrorKind::NotFound if path.symlink_metadata().is_ok() => ReadError::BrokenLink,
        std::io::ErrorKind::NotFound if path.as_os_str() == "-" => ReadError::Stdin,
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    }
}

/// Refuses what is not a regular file (a folder, FIFO, socket or device), with the
/// reason that names it: the check every read makes, for those that only stat.
pub fn check_type(meta: &std::fs::Metadata) -> Result<(), ReadError> {
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

/// The first bytes of a big file, parsed for a first screen while the whole file
/// loads, with the file's full size. The prefix ends on a character boundary, so
/// its offsets are those of the whole document.
pub fn read_prefix(path: &Path, max_bytes: usize) -> Result<(Document, u64), ReadError> {
    let (file, meta) = open_regular(path)?;
    check_size(meta.len())?;
    let mut bytes = read_up_to(file, max_bytes)?;
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

/// The last bytes of a big file (at most `max_bytes`), parsed without a header,
/// so the end can be shown while the whole file loads. The piece starts at a line
/// (or failing that a word) boundary. `None` when those bytes are not plain UTF-8:
/// a UTF-16 or damaged file's end waits for the whole file, which decodes it properly.
pub fn read_suffix(path: &Path, max_bytes: usize) -> Result<Option<Document>, ReadError> {
    let (mut file, meta) = open_regular(path)?;
    let start = meta.len().saturating_sub(max_bytes as u64);
    file.seek(SeekFrom::Start(start)).map_err(ReadError::Io)?;
    let mut bytes = read_up_to(file, max_bytes)?;
    let cut = if start == 0 { 0 } else { piece_start(&bytes) };
    bytes.drain(..cut);
    if bytes.contains(&0) {
        return Ok(None);
    }
    Ok(String::from_utf8(bytes).ok().map(Document::fragment))
}

/// At most `max_bytes` from where `file` stands.
fn read_up_to(file: std::fs::File, max_bytes: usize) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(max_bytes);
    file.take(max_bytes as u64)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    Ok(bytes)
}

/// Where a piece cut from a file's middle should start: after its first line
/// break, else after its first space, else at its first character boundary.
fn piece_start(bytes: &[u8]) -> usize {
    let after = |b: u8| bytes.iter().position(|&c| c == b).map(|i| i + 1);
    after(b'\n').or_else(|| after(b' ')).unwrap_or_else(|| {
        bytes
            .iter()
            .position(|&b| b & 0xC0 != 0x80)
            .unwrap_or(bytes.len())
    })
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
    fn a_text_past_four_gib_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.txt");
        // Sparse: no disk is written, but the size is what a stat says.
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(crate::document::MAX_TEXT as u64 + 1).unwrap();
        drop(file);
        for e in [
            read_file(&path).err(),
            read_prefix(&path, 4096).err(),
            read_bytes(&path).err(),
        ] {
            let e = e.expect("refused");
            assert!(matches!(e, ReadError::TooLarge(_)), "{e:?}");
            assert_eq!(
                e.to_string(),
                "is 4294967296 bytes; folio reads briefs of up to 4 GiB (4294967295 bytes)"
            );
        }
        std::fs::write(&path, "Small enough.").unwrap();
        assert!(read_file(&path).is_ok());
    }

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
    fn a_suffix_is_the_end_of_the_text_from_a_line_start() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        let text = "Date: 2024-01-01\nҚазақстан and Astana.\n\n".repeat(500);
        std::fs::write(&path, &text).unwrap();
        let doc = read_suffix(&path, 1001).unwrap().unwrap();
        assert!(text.ends_with(doc.text()));
        assert!(doc.text().len() <= 1001 && doc.text().len() > 900);
        assert!(
            doc.text().starts_with("Date: ")
                || doc.text().starts_with("Қ")
                || doc.text().starts_with('\n')
        );
        // Body text that looks like a header is not taken for one.
        assert!(doc.header().fields.is_empty());
        assert!(doc
            .paragraphs()
            .iter()
            .all(|p| doc.slice(p.span()).trim() == doc.slice(p.span())));

        // One long line: the piece starts after a space, never inside a character.
        let line = "Қазақстан ".repeat(300);
        std::fs::write(&path, &line).unwrap();
        let doc = read_suffix(&path, 1001).unwrap().unwrap();
        assert!(line.ends_with(doc.text()) && doc.text().starts_with('Қ'));

        // UTF-16 bytes are valid UTF-8 with NULs: refused, not shown as garbage.
        let utf16: Vec<u8> = "abc "
            .repeat(500)
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        std::fs::write(&path, &utf16).unwrap();
        assert!(read_suffix(&path, 1001).unwrap().is_none());
    }

    #[test]
    fn a_prefix_has_the_offsets_of_the_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        let text = "Қазақстан and Astana. ".repeat(1000);
        std::fs::write(&path, &text).unwrap();
        let (doc, size) = read_prefix(&path, 1001).unwrap();
        assert_eq!(size, text.len() as u64);
        assert!(text.starts_with(doc.text()));
        assert!(doc.text().len() > 990);
    }
}
