//! Writing search responses as JSON, fast.
//!
//! A page of twenty results is about 12 KB, and with `serde_json` writing it
//! cost about as much as the search. These helpers write the same text (the
//! tests compare it with `serde_json`'s) with less work per value: keys are
//! copied whole, and strings that need no escaping, which is nearly all of
//! them, are copied without going through a formatter.

/// Appends `,"name":`, or `{"name":` to open an object with its first field.
macro_rules! key {
    ($out:expr, first $name:literal) => {
        $out.extend_from_slice(concat!("{\"", $name, "\":").as_bytes())
    };
    ($out:expr, $name:literal) => {
        $out.extend_from_slice(concat!(",\"", $name, "\":").as_bytes())
    };
}
pub(crate) use key;

/// Whether any byte is a control character, a quote or a backslash: eight
/// bytes at a time, with the usual has-zero-byte arithmetic.
fn needs_escaping(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let has_zero = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS != 0;
    let (chunks, tail) = bytes.as_chunks::<8>();
    chunks.iter().any(|chunk| {
        let word = u64::from_ne_bytes(*chunk);
        // Bytes below 0x20 borrow from 0x20 subtracted in each lane.
        word.wrapping_sub(ONES * 0x20) & !word & HIGHS != 0
            || has_zero(word ^ (ONES * u64::from(b'"')))
            || has_zero(word ^ (ONES * u64::from(b'\\')))
    }) || tail.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

#[expect(clippy::expect_used, reason = "serializing a string into a Vec cannot fail")]
pub fn string(out: &mut Vec<u8>, text: &str) {
    if !needs_escaping(text.as_bytes()) {
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
    } else {
        serde_json::to_writer(out, text).expect("a string always serializes");
    }
}

pub fn optional_string(out: &mut Vec<u8>, text: Option<&str>) {
    match text {
        Some(text) => string(out, text),
        None => out.extend_from_slice(b"null"),
    }
}

pub fn strings<'a>(out: &mut Vec<u8>, texts: impl Iterator<Item = &'a str>) {
    out.push(b'[');
    for (position, text) in texts.enumerate() {
        if position > 0 {
            out.push(b',');
        }
        string(out, text);
    }
    out.push(b']');
}

pub fn boolean(out: &mut Vec<u8>, value: bool) {
    out.extend_from_slice(if value { b"true" } else { b"false" });
}

pub fn integer(out: &mut Vec<u8>, value: impl itoa::Integer) {
    out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
}

#[expect(clippy::expect_used, reason = "serializing a number into a Vec cannot fail")]
pub fn number(out: &mut Vec<u8>, value: f64) {
    serde_json::to_writer(out, &value).expect("a number always serializes");
}

pub fn optional_number(out: &mut Vec<u8>, value: Option<f64>) {
    match value {
        Some(value) => number(out, value),
        None => out.extend_from_slice(b"null"),
    }
}

#[cfg(test)]
mod tests {
    use super::needs_escaping;

    #[test]
    fn every_byte_that_json_escapes_is_found_at_every_position() {
        for byte in 0..=u8::MAX {
            let expected = byte < 0x20 || byte == b'"' || byte == b'\\';
            for position in 0..20 {
                let mut text = [b'a'; 20];
                text[position] = byte;
                assert_eq!(needs_escaping(&text), expected, "byte {byte:#04x} at {position}");
            }
        }
    }
}
