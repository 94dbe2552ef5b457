//! The NUCC health care provider taxonomy codes the directory cares about,
//! each labelled in the message catalogue as `nucc-<code>`, and the families
//! they belong to (`nucc-family-<first four>`), which label the other codes
//! of a family. A code of no family here is shown as the code.

use crate::i18n::{Lang, Text};

/// Codes with a label of their own.
pub const CODES: &[&str] = &[
    "2084P0800X",
    "2084P0802X",
    "2084P0804X",
    "2084P0805X",
    "2084N0400X",
    "2084A0401X",
    "207Q00000X",
    "207QA0401X",
    "207QG0300X",
    "207R00000X",
    "207RA0401X",
    "207RG0300X",
    "208D00000X",
    "363L00000X",
    "363LF0000X",
    "363LP0808X",
    "363LA2200X",
    "363LG0600X",
    "363LP2300X",
    "363A00000X",
    "363AM0700X",
    "183500000X",
    "1835P0018X",
    "1835P1300X",
    "1835P0200X",
    "1835G0303X",
    "103T00000X",
    "103TC0700X",
    "103TA0400X",
    "101Y00000X",
    "101YM0800X",
    "101YA0400X",
    "101YP2500X",
    "1041C0700X",
    "106H00000X",
];

/// The first four characters of the families labelled as a whole.
pub const FAMILIES: &[&str] = &["2084", "207Q", "207R", "363L", "363A", "1835", "103T", "101Y", "1041"];

/// The message that labels `code`, if the directory has one.
pub fn label_text(code: &str) -> Option<Text> {
    if CODES.contains(&code) {
        return Some(Text::new(format!("nucc-{code}")));
    }
    let family = code.get(..4)?;
    FAMILIES.contains(&family).then(|| Text::new(format!("nucc-family-{family}")))
}

/// "Psychiatry & Neurology, Psychiatry (2084P0800X)", or the code alone when it has no label.
pub fn describe(lang: Lang, code: &str) -> String {
    match label_text(code) {
        Some(text) => format!("{} ({code})", lang.text(&text)),
        None => code.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_a_family_take_its_label_and_others_are_shown_as_codes() {
        assert!(describe(Lang::En, "2084P0800X").starts_with("Psychiatry"));
        assert!(describe(Lang::Es, "2084P0800X").contains("Psiquiatría"));
        assert!(describe(Lang::En, "363LX0001X").starts_with("Nurse Practitioner"));
        assert_eq!(describe(Lang::En, "390200000X"), "390200000X");
    }

    #[test]
    fn every_code_and_family_has_its_label_in_both_languages() {
        let texts =
            CODES.iter().map(|code| format!("nucc-{code}")).chain(FAMILIES.iter().map(|f| format!("nucc-family-{f}")));
        for id in texts {
            for lang in [Lang::En, Lang::Es] {
                assert_ne!(lang.text(&Text::new(id.clone())), id, "{id} in {lang:?}");
            }
        }
    }
}
