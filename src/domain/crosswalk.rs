//! What other lists say about a clinician, read as the directory's own
//! profession and specialty: NUCC provider taxonomy codes (as NPPES and
//! HSDS packages from 211s carry them) and the credentials written after a
//! name ("MD", "PA-C", "LCSW").
//!
//! A crosswalk only ever gives what the code or credential says for sure;
//! the rest is left for a moderator to choose.

/// A profession, and the specialty when the source names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub profession: &'static str,
    pub specialty: Option<&'static str>,
}

const fn reading(profession: &'static str, specialty: Option<&'static str>) -> Reading {
    Reading { profession, specialty }
}

/// NUCC codes, or their leading characters for a whole group, most precise
/// first: the first entry that `code` starts with wins.
const TAXONOMY: &[(&str, Reading)] = &[
    ("2084P0800X", reading("physician", Some("psychiatry"))),
    ("2084P0804X", reading("physician", Some("psychiatry"))),
    ("2084P0805X", reading("physician", Some("geriatrics"))),
    ("2084P0802X", reading("physician", Some("addiction_medicine"))),
    ("2084A0401X", reading("physician", Some("addiction_medicine"))),
    ("2084N0400X", reading("physician", Some("neurology"))),
    ("207QA0401X", reading("physician", Some("addiction_medicine"))),
    ("207QG0300X", reading("physician", Some("geriatrics"))),
    ("207Q", reading("physician", Some("primary_care"))),
    ("207RA0401X", reading("physician", Some("addiction_medicine"))),
    ("207RG0300X", reading("physician", Some("geriatrics"))),
    ("207R", reading("physician", Some("primary_care"))),
    ("208D00000X", reading("physician", Some("primary_care"))),
    ("20", reading("physician", None)),
    ("363LP0808X", reading("nurse_practitioner", Some("psychiatry"))),
    ("363LG0600X", reading("nurse_practitioner", Some("geriatrics"))),
    ("363LF0000X", reading("nurse_practitioner", Some("primary_care"))),
    ("363LA2200X", reading("nurse_practitioner", Some("primary_care"))),
    ("363LP2300X", reading("nurse_practitioner", Some("primary_care"))),
    ("363L", reading("nurse_practitioner", None)),
    ("363A", reading("physician_assistant", None)),
    ("1835", reading("pharmacist", Some("pharmacotherapy"))),
    ("103T", reading("psychologist", Some("psychotherapy"))),
    ("1041C0700X", reading("therapist", Some("psychotherapy"))),
    ("101Y", reading("therapist", Some("psychotherapy"))),
    ("106H", reading("therapist", Some("psychotherapy"))),
];

/// The profession (and specialty) a NUCC taxonomy code names, if it is a
/// clinician's code the directory lists.
pub fn taxonomy(code: &str) -> Option<Reading> {
    let code = code.trim().to_ascii_uppercase();
    TAXONOMY.iter().find(|(prefix, _)| code.starts_with(prefix)).map(|(_, reading)| *reading)
}

/// Credentials as written after a name, without dots; each is also taken in
/// capitals ("PHARMD"), never in lower case, so that "do" in a title is a word.
const CREDENTIALS: &[(&str, Reading)] = &[
    ("MD", reading("physician", None)),
    ("DO", reading("physician", None)),
    ("MBBS", reading("physician", None)),
    ("PMHNP", reading("nurse_practitioner", Some("psychiatry"))),
    ("PMHNP-BC", reading("nurse_practitioner", Some("psychiatry"))),
    ("FNP", reading("nurse_practitioner", Some("primary_care"))),
    ("FNP-C", reading("nurse_practitioner", Some("primary_care"))),
    ("FNP-BC", reading("nurse_practitioner", Some("primary_care"))),
    ("NP", reading("nurse_practitioner", None)),
    ("APRN", reading("nurse_practitioner", None)),
    ("CRNP", reading("nurse_practitioner", None)),
    ("PA", reading("physician_assistant", None)),
    ("PA-C", reading("physician_assistant", None)),
    ("PharmD", reading("pharmacist", Some("pharmacotherapy"))),
    ("RPh", reading("pharmacist", Some("pharmacotherapy"))),
    ("BCPP", reading("pharmacist", Some("pharmacotherapy"))),
    ("PsyD", reading("psychologist", Some("psychotherapy"))),
    ("LCSW", reading("therapist", Some("psychotherapy"))),
    ("LICSW", reading("therapist", Some("psychotherapy"))),
    ("LPC", reading("therapist", Some("psychotherapy"))),
    ("LPCC", reading("therapist", Some("psychotherapy"))),
    ("LMHC", reading("therapist", Some("psychotherapy"))),
    ("LMFT", reading("therapist", Some("psychotherapy"))),
];

/// The profession the credentials in `text` name ("Ana Ruiz, MD, FAPA" →
/// physician). The prescribing credential wins over another ("MD, LCSW"):
/// it is the one a taper needs.
pub fn credentials(text: &str) -> Option<Reading> {
    let words = text.split([',', ' ', '/', ';', '(', ')']).map(|word| word.trim().replace('.', ""));
    let is = |word: &str, credential: &str| word == credential || word == credential.to_ascii_uppercase();
    let found: Vec<Reading> = words
        .filter_map(|word| {
            CREDENTIALS.iter().find(|(credential, _)| is(&word, credential)).map(|(_, reading)| *reading)
        })
        .collect();
    let prescribing = |reading: &&Reading| {
        crate::domain::vocabulary::profession(reading.profession).is_some_and(|profession| profession.prescriber)
    };
    found.iter().find(prescribing).or(found.first()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taxonomy_codes_name_professions_and_the_specialties_they_say() {
        assert_eq!(taxonomy("2084P0800X"), Some(reading("physician", Some("psychiatry"))));
        assert_eq!(taxonomy("207Q00000X"), Some(reading("physician", Some("primary_care"))));
        assert_eq!(taxonomy("207QA0401X"), Some(reading("physician", Some("addiction_medicine"))));
        assert_eq!(taxonomy("363LP0808X"), Some(reading("nurse_practitioner", Some("psychiatry"))));
        assert_eq!(taxonomy("363LX0001X"), Some(reading("nurse_practitioner", None)));
        assert_eq!(taxonomy("363AM0700X"), Some(reading("physician_assistant", None)));
        assert_eq!(taxonomy("1835P1300X"), Some(reading("pharmacist", Some("pharmacotherapy"))));
        assert_eq!(taxonomy("103TC0700X"), Some(reading("psychologist", Some("psychotherapy"))));
        assert_eq!(taxonomy("1041C0700X"), Some(reading("therapist", Some("psychotherapy"))));
        assert_eq!(taxonomy("101YA0400X"), Some(reading("therapist", Some("psychotherapy"))));
        assert_eq!(taxonomy("106H00000X"), Some(reading("therapist", Some("psychotherapy"))));
        assert_eq!(taxonomy("261QM0801X"), None, "a clinic, not a clinician");
    }

    #[test]
    fn credentials_name_a_profession_and_a_prescriber_wins() {
        assert_eq!(credentials("Ana Ruiz, MD, FAPA"), Some(reading("physician", None)));
        assert_eq!(credentials("PA-C"), Some(reading("physician_assistant", None)));
        assert_eq!(credentials("Pharm.D., BCPP"), Some(reading("pharmacist", Some("pharmacotherapy"))));
        assert_eq!(credentials("LCSW, M.D."), Some(reading("physician", None)));
        assert_eq!(credentials("PMHNP-BC"), Some(reading("nurse_practitioner", Some("psychiatry"))));
        assert_eq!(credentials("Peer support specialist"), None);
        assert_eq!(credentials("Dorothy Ramirez"), None, "a name is not a credential");
        assert_eq!(credentials("What we do"), None, "a word in lower case is a word");
    }
}
