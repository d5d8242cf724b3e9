//! The pieces of a flat JSON record, written byte for byte as serde_json's
//! compact form writes them but without its per-value dispatch: `folio
//! entities --json` writes one record per mention, and serde's path was a
//! twentieth of the command's work. Keys go in as literals (`b",\"end\":"`).

/// Appends `{"start":S,"end":E,"text":T,"k":v,…}`: a span of the text, its
/// words and string fields named by `fields` (plain keys, never escaped), in
/// that order, as serde_json writes a record of those fields.
pub(super) fn span<const N: usize>(
    out: &mut Vec<u8>,
    (start, end): (usize, usize),
    text: &str,
    fields: [(&str, &str); N],
) -> serde_json::Result<()> {
    out.extend_from_slice(b"{\"start\":");
    number(out, start);
    out.extend_from_slice(b",\"end\":");
    number(out, end);
    out.extend_from_slice(b",\"text\":");
    string(out, text)?;
    for (key, value) in fields {
        out.extend_from_slice(b",\"");
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(b"\":");
        string(out, value)?;
    }
    out.push(b'}');
    Ok(())
}

/// Appends a number.
#[inline]
fn number(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// Appends a string: copied between quotes when nothing in it needs escaping
/// (names and words), else escaped by serde_json itself.
#[inline]
fn string(out: &mut Vec<u8>, s: &str) -> serde_json::Result<()> {
    if needs_escape(s) {
        return serde_json::to_writer(out, s);
    }
    out.reserve(s.len() + 2);
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
    Ok(())
}

/// Whether JSON escapes anything in `s`: a quote, a backslash or a control character.
#[inline]
fn needs_escape(s: &str) -> bool {
    // A fold with no early exit, which the compiler turns into wide compares.
    s.bytes().fold(false, |any, b| {
        any | (b < 0x20) | (b == b'"') | (b == b'\\')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Sample<'a> {
        start: usize,
        text: &'a str,
    }

    fn ours(s: &Sample) -> Vec<u8> {
        let mut out = b"{\"start\":".to_vec();
        number(&mut out, s.start);
        out.extend_from_slice(b",\"text\":");
        string(&mut out, s.text).unwrap();
        out.push(b'}');
        out
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let mut texts: Vec<String> = (0u8..0x80).map(|b| format!("a{}b", b as char)).collect();
        texts.extend(
            [
                "",
                "Қазақстан",
                "say \"hi\"",
                "back\\slash",
                "tab\there\r\n",
                "\u{7f}\u{80}\u{2028}\u{2029}😀",
                "O’Neill",
                "\u{0}",
            ]
            .map(String::from),
        );
        for (i, text) in texts.iter().enumerate() {
            for n in [0, 7, 10, 99, 1000 + i, usize::MAX] {
                let s = Sample { start: n, text };
                let want = serde_json::to_vec(&s).unwrap();
                assert_eq!(
                    String::from_utf8_lossy(&ours(&s)),
                    String::from_utf8_lossy(&want)
                );
            }
        }
    }
}
