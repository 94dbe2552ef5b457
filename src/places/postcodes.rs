//! Postal codes as people type them: US ZIP codes (and ZIP+4), Canadian
//! postal codes (by their first three characters, the forward sortation
//! area), British postcodes (by sector, else district; not Northern
//! Ireland's) and Australian postcodes.

/// A postal code in the form its country writes it, and where to look it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Postcode {
    /// Five digits.
    Us(String),
    /// The forward sortation area ("M5V"), and the whole code as written ("M5V 2T6").
    Canada { area: String, written: String },
    /// The district ("SW1A"), the sector if given ("SW1A 1"), the whole code as written.
    Britain { district: String, sector: Option<String>, written: String },
    /// Four digits.
    Australia(String),
}

impl Postcode {
    /// The ISO 3166-1 code of the code's country.
    pub(super) fn country(&self) -> &'static str {
        match self {
            Postcode::Us(_) => "US",
            Postcode::Canada { .. } => "CA",
            Postcode::Britain { .. } => "GB",
            Postcode::Australia(_) => "AU",
        }
    }

    /// Whether the code could hardly be anything else (letters and digits
    /// mixed), so that it counts after a town's name ("London SW1A 1AA")
    /// without a region before it, unlike a number ("Paris 75001").
    pub(super) fn is_distinctive(&self) -> bool {
        matches!(self, Postcode::Canada { .. } | Postcode::Britain { .. })
    }

    /// Every reading of `words` (upper case, split at spaces) as a postal code.
    /// One text can be two: "E1W" is a London district and could be a Canadian area.
    pub(super) fn readings(words: &[&str]) -> Vec<Postcode> {
        let compact: String = words.concat();
        let mut found = Vec::new();
        let digits = compact.bytes().all(|b| b.is_ascii_digit());
        match (digits, compact.len(), words) {
            (true, 5, _) => found.push(Postcode::Us(compact.clone())),
            (true, 9, [_] | [_, _]) => found.push(Postcode::Us(compact[..5].to_string())),
            (true, 4, [_]) => found.push(Postcode::Australia(compact.clone())),
            _ => {}
        }
        if let [zip] = words {
            if let Some((five, four)) = zip.split_once('-') {
                let all_digits = |text: &str| text.bytes().all(|b| b.is_ascii_digit());
                if five.len() == 5 && four.len() == 4 && all_digits(five) && all_digits(four) {
                    found.push(Postcode::Us(five.to_string()));
                }
            }
        }
        if is_canadian(&compact) {
            let written =
                if compact.len() == 6 { format!("{} {}", &compact[..3], &compact[3..]) } else { compact.clone() };
            found.push(Postcode::Canada { area: compact[..3].to_string(), written });
        }
        if let Some(british) = british(words, &compact) {
            found.push(british);
        }
        found
    }
}

/// `A1A` or `A1A1A1`, with the letters Canada Post uses.
fn is_canadian(compact: &str) -> bool {
    let bytes = compact.as_bytes();
    let letter =
        |b: u8, first: bool| b.is_ascii_uppercase() && !b"DFIOQU".contains(&b) && !(first && (b == b'W' || b == b'Z'));
    let shape = |i: usize| if i.is_multiple_of(2) { letter(bytes[i], i == 0) } else { bytes[i].is_ascii_digit() };
    (bytes.len() == 3 || bytes.len() == 6) && (0..bytes.len()).all(shape)
}

/// An outward code: one or two letters, a digit, then a letter or digit or nothing.
fn is_outward(code: &str) -> bool {
    let bytes = code.as_bytes();
    let letters = bytes.iter().take_while(|b| b.is_ascii_uppercase()).count();
    let rest = &bytes[letters.min(bytes.len())..];
    (1..=2).contains(&letters)
        && matches!(rest, [d] | [d, _] if d.is_ascii_digit())
        && rest.iter().all(u8::is_ascii_alphanumeric)
}

/// A British postcode whole ("SW1A 1AA", "SW1A1AA"), by sector ("SW1A 1") or by district ("SW1A").
fn british(words: &[&str], compact: &str) -> Option<Postcode> {
    let written = words.join(" ");
    if is_outward(compact) {
        return Some(Postcode::Britain { district: compact.to_string(), sector: None, written });
    }
    if let [outward, sector] = words {
        if is_outward(outward) && sector.len() == 1 && sector.as_bytes()[0].is_ascii_digit() {
            return Some(Postcode::Britain { district: outward.to_string(), sector: Some(written.clone()), written });
        }
    }
    let inward = compact.get(compact.len().checked_sub(3)?..)?.as_bytes();
    let outward = &compact[..compact.len() - 3];
    let whole_inward = inward[0].is_ascii_digit() && inward[1..].iter().all(u8::is_ascii_uppercase);
    (whole_inward && is_outward(outward)).then(|| Postcode::Britain {
        district: outward.to_string(),
        sector: Some(format!("{outward} {}", char::from(inward[0]))),
        written: format!("{outward} {}", &compact[compact.len() - 3..]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Postcode> {
        let upper = text.to_ascii_uppercase();
        Postcode::readings(&upper.split_whitespace().collect::<Vec<_>>())
    }

    #[test]
    fn each_country_s_forms_are_read() {
        assert_eq!(read("97201"), [Postcode::Us("97201".into())]);
        assert_eq!(read("97201-1234"), [Postcode::Us("97201".into())]);
        assert_eq!(read("97201 1234"), [Postcode::Us("97201".into())]);
        assert_eq!(read("2000"), [Postcode::Australia("2000".into())]);
        assert_eq!(read("m5v 2t6"), [Postcode::Canada { area: "M5V".into(), written: "M5V 2T6".into() }]);
        assert_eq!(read("M5V2T6"), [Postcode::Canada { area: "M5V".into(), written: "M5V 2T6".into() }]);
        let westminster =
            Postcode::Britain { district: "SW1A".into(), sector: Some("SW1A 1".into()), written: "SW1A 1AA".into() };
        assert_eq!(read("sw1a 1aa"), std::slice::from_ref(&westminster));
        assert_eq!(read("SW1A1AA"), [westminster]);
        assert_eq!(read("EH1"), [Postcode::Britain { district: "EH1".into(), sector: None, written: "EH1".into() }]);
        assert_eq!(read("E1W").len(), 2, "a London district, and the shape of a Canadian area");
        for text in ["Portland", "1234567", "W1A 1AAA", "D1A 1A1", "", "12 34"] {
            assert!(read(text).is_empty(), "{text}");
        }
    }
}
