//! A listing's text in the index: the fields a search result shows and the
//! ones the open standards search by, kept as one string, and matched
//! without regard to case or accents.
//!
//! Matching folds each side once: a query's words when it is read, and a
//! listing's text when the listing is indexed. Most texts are ASCII, where
//! folding is lower-casing and a comparison that ignores ASCII case does it
//! in place; for any other text the folded copy is stored after the fields,
//! so no request folds a listing's text again.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Between the fields of a stored text.
pub const SEPARATOR: char = '\u{1f}';
/// Before the folded copy of a text that is not ASCII.
const FOLDED: char = '\u{1e}';

/// The fields of a listing's stored text, in their order there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    FullName,
    Credentials,
    Practice,
    City,
    Region,
    Country,
    Phone,
    FamilyName,
    GivenNames,
    PostalCode,
    TaxonomyCode,
}

pub const FIELDS: usize = 11;

/// The text to store for `fields`, each in `TextField`'s order; separators
/// and the folding marker inside a field are dropped.
pub fn stored(fields: [&str; FIELDS]) -> Box<str> {
    let clean = |field: &str| field.replace([SEPARATOR, FOLDED], "");
    let shown = fields.map(clean).join(&SEPARATOR.to_string());
    if shown.is_ascii() {
        return shown.into_boxed_str();
    }
    let folded = fold(&shown);
    format!("{shown}{FOLDED}{folded}").into_boxed_str()
}

/// The fields as shown, without any folded copy.
pub fn shown(text: &str) -> &str {
    text.split(FOLDED).next().unwrap_or(text)
}

/// Lower case, without accents: "José" and "JOSE" both fold to "jose".
pub fn fold(text: &str) -> String {
    text.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

fn field_of(text: &str, field: TextField) -> &str {
    text.split(SEPARATOR).nth(field as usize).unwrap_or("")
}

/// One field of a stored text, as shown.
pub fn field(text: &str, field: TextField) -> &str {
    field_of(shown(text), field)
}

/// The folded form of the whole text, and whether it must still be read
/// ignoring ASCII case (the text is ASCII, so no copy is stored).
fn searchable(text: &str) -> (&str, bool) {
    match text.split_once(FOLDED) {
        Some((_, folded)) => (folded, false),
        None => (text, true),
    }
}

/// Whether `needle` (folded) starts at `at` in `haystack`.
fn starts_at(haystack: &[u8], at: usize, needle: &[u8], ascii: bool) -> bool {
    haystack.get(at..at + needle.len()).is_some_and(|part| {
        if ascii {
            part.eq_ignore_ascii_case(needle)
        } else {
            part == needle
        }
    })
}

/// Where a folded needle may match: anywhere, or only at the start of a word.
/// Only the places that hold the needle's first byte (in either case, for
/// text read ignoring ASCII case) are compared, found by `memchr`, which
/// skips the rest many bytes at a time: every HSDS `search=` reads every
/// public listing's text.
fn occurs(haystack: &str, needle: &str, ascii: bool, word_start: bool) -> bool {
    let (bytes, wanted) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = wanted.first() else { return true };
    let (lower, upper) = if ascii { (first.to_ascii_lowercase(), first.to_ascii_uppercase()) } else { (first, first) };
    memchr::memchr2_iter(lower, upper, bytes).any(|at| {
        let begins_word = at == 0 || matches!(bytes[at - 1], b' ' | b'-' | b'\'' | b'.' | b'(');
        (!word_start || begins_word) && starts_at(bytes, at, wanted, ascii)
    })
}

/// Whether a folded needle occurs anywhere in a stored text's fields.
pub fn contains(text: &str, needle: &str) -> bool {
    let (searched, ascii) = searchable(text);
    occurs(searched, needle, ascii, false)
}

/// How a FHIR `string` parameter compares: the start of any word of the
/// field, case and accents aside (its default); the whole field exactly
/// (`:exact`); or anywhere in it (`:contains`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matching {
    WordStart,
    Exact,
    Contains,
}

/// Any of `values` in any of `fields`, compared as `matching` says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextMatch {
    fields: Vec<TextField>,
    values: Vec<String>,
    matching: Matching,
}

impl TextMatch {
    pub fn new(fields: &[TextField], values: &[&str], matching: Matching) -> TextMatch {
        let values =
            values.iter().map(|value| if matching == Matching::Exact { value.to_string() } else { fold(value) });
        TextMatch { fields: fields.to_vec(), values: values.collect(), matching }
    }

    pub fn accepts(&self, text: &str) -> bool {
        let (searched, ascii) = searchable(text);
        self.fields.iter().any(|field| {
            let (folded, shown) = (field_of(searched, *field), field_of(shown(text), *field));
            self.values.iter().any(|value| match self.matching {
                Matching::Exact => shown == value,
                Matching::Contains => occurs(folded, value, ascii, false),
                Matching::WordStart => occurs(folded, value, ascii, true),
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(full_name: &str, city: &str) -> Box<str> {
        stored([full_name, "MD", "", city, "OR", "US", "", "", "", "97201", ""])
    }

    #[test]
    fn matching_ignores_case_and_accents_on_both_sides() {
        let stored = text("Dr. José Núñez", "Portland");
        assert_eq!(field_of(shown(&stored), TextField::FullName), "Dr. José Núñez");
        assert!(contains(&stored, &fold("NUNEZ")));
        assert!(contains(&text("Ann Lee", "Bend"), &fold("ANN L")));
        assert!(contains(&text("Pat Pappas", "Philomath"), &fold("APPA")), "after false starts");
        assert!(!contains(&text("Pat Pappas", "Philomath"), &fold("pappy")));
        let name = |value: &str, matching| TextMatch::new(&[TextField::FullName], &[value], matching);
        assert!(name("jos", Matching::WordStart).accepts(&stored));
        assert!(!name("ose", Matching::WordStart).accepts(&stored));
        assert!(name("núñ", Matching::WordStart).accepts(&stored), "a word that is not the first");
        assert!(name("ose", Matching::Contains).accepts(&stored));
        assert!(name("Dr. José Núñez", Matching::Exact).accepts(&stored));
        assert!(!name("dr. josé núñez", Matching::Exact).accepts(&stored));
    }

    #[test]
    fn each_field_is_matched_alone() {
        let stored = text("Ann Lee", "Portland");
        let city = |value: &str| TextMatch::new(&[TextField::City], &[value, "nowhere"], Matching::WordStart);
        assert!(city("port").accepts(&stored));
        assert!(!city("ann").accepts(&stored));
        assert!(TextMatch::new(&[TextField::PostalCode], &["97201"], Matching::Exact).accepts(&stored));
    }
}
