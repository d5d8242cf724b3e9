//! Bytes → text: detects encodings (UTF-8 with or without BOM, UTF-16 with a
//! BOM or by its shape), refuses binary data, and repairs invalid UTF-8 while
//! remembering where each repair happened, so offsets can still be mapped back
//! to the file's own bytes.

use std::fmt;

/// How the file's bytes were turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 starting with a byte-order mark; the mark stays in the text as U+FEFF so offsets count it.
    Utf8Bom,
    /// UTF-16 little-endian; a byte-order mark stays in the text as U+FEFF, as for UTF-8.
    Utf16Le,
    /// UTF-16 big-endian, with its byte-order mark kept as U+FEFF.
    Utf16Be,
    /// UTF-8 with invalid sequences, each replaced by U+FFFD.
    Utf8Lossy,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Utf8Lossy => "UTF-8 with invalid bytes",
        })
    }
}

/// Why bytes could not be read as a brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The data is binary (an executable, an archive, an image…); `what` names it when known.
    Binary { what: &'static str },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary { what } => write!(f, "binary data ({what}), not a text brief"),
        }
    }
}

/// Decoded text plus what is needed to map it back to the original bytes.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
    /// For `Utf8Lossy`: each U+FFFD inserted, in order. For UTF-16: a final odd
    /// byte, shown as U+FFFD.
    pub repairs: Vec<Repair>,
}

impl Decoded {
    /// The file byte offset of text byte offset `pos` (a char boundary): the same
    /// offset for UTF-8, shifted past repaired runs of invalid UTF-8, and two bytes
    /// per UTF-16 code unit for UTF-16.
    pub fn file_offset(&self, pos: usize) -> usize {
        if matches!(self.encoding, Encoding::Utf16Le | Encoding::Utf16Be) {
            return self.utf16_file_offset(pos);
        }
        let i = self.repairs.partition_point(|r| r.text <= pos);
        let Some(r) = i.checked_sub(1).map(|i| self.repairs[i]) else {
            return pos;
        };
        let after = r.text + '\u{FFFD}'.len_utf8();
        if pos < after {
            r.file
        } else {
            r.file + r.len + (pos - after)
        }
    }

    fn utf16_file_offset(&self, pos: usize) -> usize {
        if let Some(odd) = self.repairs.first().filter(|r| pos > r.text) {
            return odd.file + odd.len;
        }
        let mut end = pos.min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        2 * self.text[..end].chars().map(char::len_utf16).sum::<usize>()
    }
}

/// One run of invalid bytes replaced by a single U+FFFD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repair {
    /// Byte offset of the U+FFFD in the text.
    pub text: usize,
    /// Byte offset of the invalid run in the file.
    pub file: usize,
    /// Length of the invalid run in bytes.
    pub len: usize,
}

const MAGIC: &[(&[u8], &str)] = &[
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "gzip archive"),
    (b"PK\x03\x04", "zip archive"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"MZ", "Windows executable"),
    (b"\xca\xfe\xba\xbe", "Mach-O or Java class file"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"SQLite format 3\x00", "SQLite database"),
];

/// What a file's first bytes say it is, before any text is built from it.
enum Shape {
    Utf16 {
        little_endian: bool,
    },
    /// UTF-8, perhaps with invalid bytes to repair; `bom` when it starts with one.
    Utf8 {
        bom: bool,
    },
}

/// Judges the encoding by BOM, magic numbers and NUL pattern, or says why the
/// bytes are not text; cheap, so a library search can judge every brief.
fn shape(bytes: &[u8]) -> Result<Shape, DecodeError> {
    if bytes.starts_with(b"\xff\xfe") {
        return Ok(Shape::Utf16 {
            little_endian: true,
        });
    }
    if bytes.starts_with(b"\xfe\xff") {
        return Ok(Shape::Utf16 {
            little_endian: false,
        });
    }
    let bom = bytes.starts_with(b"\xef\xbb\xbf");
    if !bom {
        if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
            // "MZ" and "BZh" are also plausible first letters of a brief: require binary shape too.
            if !(what.contains("Windows") || what.contains("bzip2")) || looks_binary(bytes) {
                return Err(DecodeError::Binary { what });
            }
        }
    }
    if !bom && looks_utf16le(bytes) {
        return Ok(Shape::Utf16 {
            little_endian: true,
        });
    }
    Ok(Shape::Utf8 { bom })
}

fn utf8_encoding(bom: bool) -> Encoding {
    if bom {
        Encoding::Utf8Bom
    } else {
        Encoding::Utf8
    }
}

/// Decodes a file's bytes, or says why they are not text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    // The byte-order mark is decoded with the rest: it stays as U+FEFF, so offsets count it.
    let bom = match shape(bytes)? {
        Shape::Utf16 { little_endian } => return Ok(utf16(bytes, little_endian)),
        Shape::Utf8 { bom } => bom,
    };
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            encoding: utf8_encoding(bom),
            repairs: Vec::new(),
        }),
        Err(_) => {
            if looks_binary(bytes) {
                return Err(DecodeError::Binary {
                    what: "unrecognised binary format",
                });
            }
            Ok(lossy(bytes))
        }
    }
}

/// [`decode`] taking ownership, so valid UTF-8 (the common case) becomes the text
/// without a copy: a 100 MB brief costs 100 MB, not 200.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    // The shape is judged on a sample; the whole is validated once.
    let bom = match shape(&bytes[..bytes.len().min(65536)])? {
        Shape::Utf16 { .. } => return decode(&bytes),
        Shape::Utf8 { bom } => bom,
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: utf8_encoding(bom),
            repairs: Vec::new(),
        }),
        // Invalid bytes: repaired, or judged binary on the whole.
        Err(e) => decode(&e.into_bytes()),
    }
}

fn utf16(bytes: &[u8], little_endian: bool) -> Decoded {
    let units = bytes.chunks_exact(2).map(|c| {
        if little_endian {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    let mut text: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect();
    let mut repairs = Vec::new();
    if bytes.len() % 2 == 1 {
        repairs.push(Repair {
            text: text.len(),
            file: bytes.len() - 1,
            len: 1,
        });
        text.push('\u{FFFD}');
    }
    Decoded {
        text,
        encoding: if little_endian {
            Encoding::Utf16Le
        } else {
            Encoding::Utf16Be
        },
        repairs,
    }
}

/// ASCII text encoded as UTF-16LE has a zero in most odd positions and few in even ones.
fn looks_utf16le(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192) & !1];
    // Text in UTF-16LE has a NUL in most pairs; memchr rules out the common case fast.
    if sample.len() < 4 || memchr::memchr(0, sample).is_none() {
        return false;
    }
    let pairs = sample.len() / 2;
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    odd_zero * 10 >= pairs * 7 && even_zero * 10 <= pairs
}

/// Many NULs or C0 controls other than whitespace and ESC, or mostly invalid UTF-8: not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(65536)];
    if sample.is_empty() {
        return false;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1b))
        .count();
    let invalid = String::from_utf8_lossy(sample).matches('\u{FFFD}').count();
    controls * 10 > sample.len() || invalid * 3 > sample.len()
}

fn lossy(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut repairs = Vec::new();
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        let start = chunk.valid().as_ptr() as usize - bytes.as_ptr() as usize + chunk.valid().len();
        if !chunk.invalid().is_empty() {
            repairs.push(Repair {
                text: text.len(),
                file: start,
                len: chunk.invalid().len(),
            });
            text.push('\u{FFFD}');
        }
    }
    Decoded {
        text,
        encoding: Encoding::Utf8Lossy,
        repairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_bom_utf8() {
        let d = decode("Astana — Қазақстан".as_bytes()).unwrap();
        assert_eq!(d.encoding, Encoding::Utf8);
        let d = decode(b"\xef\xbb\xbfHi").unwrap();
        assert_eq!(d.encoding, Encoding::Utf8Bom);
        assert_eq!(d.text, "\u{FEFF}Hi");
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let le: Vec<u8> = "Hello Astana"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Hello Astana"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(
            decode(&[&b"\xff\xfe"[..], &le].concat()).unwrap().text,
            "\u{FEFF}Hello Astana"
        );
        assert_eq!(
            decode(&[&b"\xfe\xff"[..], &be].concat()).unwrap().text,
            "\u{FEFF}Hello Astana"
        );
        let no_bom = decode(&le).unwrap();
        assert_eq!(
            (no_bom.encoding, no_bom.text.as_str()),
            (Encoding::Utf16Le, "Hello Astana")
        );
    }

    #[test]
    fn utf16_offsets_map_back_to_the_file() {
        let text = "Қаз 中 🇰🇿 x";
        let mut bytes = b"\xff\xfe".to_vec();
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes.push(b'!');
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, format!("\u{FEFF}{text}\u{FFFD}"));
        let x = d.text.find('x').unwrap();
        // The BOM, then Қаз, space, 中, space, two astral flag halves (2 units each), space.
        assert_eq!(d.file_offset(x), 2 + 2 * (3 + 1 + 1 + 1 + 4 + 1));
        let odd = d.text.find('\u{FFFD}').unwrap();
        assert_eq!(d.file_offset(odd), bytes.len() - 1);
        assert_eq!(d.file_offset(d.text.len()), bytes.len());
        for (b, _) in d.text.char_indices() {
            assert!(d.file_offset(b) <= bytes.len());
        }
    }

    #[test]
    fn binary_is_refused() {
        let mut elf = b"\x7fELF\x02\x01\x01".to_vec();
        elf.extend((0..4096u32).map(|i| (i * 7919 % 251) as u8));
        assert!(matches!(
            decode(&elf),
            Err(DecodeError::Binary {
                what: "ELF executable"
            })
        ));
        assert!(decode(b"\x1f\x8b\x08\x00rest").is_err());
        // Text that merely starts with "MZ" is still text.
        assert!(decode(b"MZ Holdings said on Monday").is_ok());
    }

    #[test]
    fn owned_decoding_agrees_with_borrowed() {
        let cases: [&[u8]; 6] = [
            b"plain text",
            b"\xef\xbb\xbfbom",
            b"\xff\xfeh\x00i\x00",
            b"ab\xffcd",
            b"",
            "Қаз".as_bytes(),
        ];
        for bytes in cases {
            let a = decode(bytes).map(|d| (d.text, d.encoding));
            let b = decode_owned(bytes.to_vec()).map(|d| (d.text, d.encoding));
            assert_eq!(a, b, "{bytes:?}");
        }
        let mut long = "ok ".repeat(30_000).into_bytes();
        long.extend(b"\xff tail");
        assert_eq!(decode_owned(long).unwrap().encoding, Encoding::Utf8Lossy);
    }

    #[test]
    fn invalid_utf8_is_repaired_with_offsets_kept() {
        let d = decode(b"ab\xffcd\xc3\x28ef").unwrap();
        assert_eq!(d.encoding, Encoding::Utf8Lossy);
        assert_eq!(d.text, "ab\u{FFFD}cd\u{FFFD}(ef");
        let c = d.text.find('c').unwrap();
        assert_eq!(d.file_offset(c), 3);
        let e = d.text.find('e').unwrap();
        assert_eq!(d.file_offset(e), 7);
        assert_eq!(d.file_offset(0), 0);
    }
}
