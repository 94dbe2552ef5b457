//! A clinician's name split as FHIR's `HumanName` (and Plan-Net, which
//! requires a family name) wants it: the family name and the given names,
//! beside the display name the clinician writes as they like. A listing
//! without them has them derived from the display name, marked as derived
//! for moderators to check.

/// Honorifics written before a name, compared without case or dots.
const PREFIXES: [&str; 10] = ["dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "mx", "dra", "sr"];

/// Generational suffixes and common credentials written after a name.
const SUFFIXES: [&str; 22] = [
    "jr", "sr", "ii", "iii", "iv", "md", "do", "mbbs", "phd", "psyd", "np", "pa", "pa-c", "rn", "aprn", "fnp", "pmhnp",
    "lcsw", "lpc", "lmft", "pharmd", "dnp",
];

/// Words that begin a family name rather than end the given names
/// ("Ludwig van Beethoven", "María de la Cruz").
const PARTICLES: [&str; 12] = ["van", "von", "de", "del", "della", "der", "da", "das", "dos", "du", "la", "le"];

/// A family name and given names, and whether they were derived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    pub family: String,
    /// Separated by single spaces; empty when only one name is known.
    pub given: String,
}

fn folded(word: &str) -> String {
    word.trim_matches(|c: char| c == '.' || c == ',').to_lowercase()
}

/// The family name and given names in a display name such as "Dr. Ana
/// María de la Cruz, MD": honorifics and credentials dropped, the last
/// name (with any particles before it) as the family name, the rest given.
/// A one-word name is all family name.
pub fn derive(display_name: &str) -> PersonName {
    let before_credentials = display_name.split(',').next().unwrap_or(display_name);
    let mut words: Vec<&str> = before_credentials.split_whitespace().collect();
    while words.len() > 1 && PREFIXES.contains(&folded(words[0]).as_str()) {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|last| SUFFIXES.contains(&folded(last).as_str())) {
        words.pop();
    }
    let Some(mut family_start) = words.len().checked_sub(1) else {
        return PersonName { family: display_name.trim().to_string(), given: String::new() };
    };
    while family_start > 1 && PARTICLES.contains(&folded(words[family_start - 1]).as_str()) {
        family_start -= 1;
    }
    PersonName { family: words[family_start..].join(" "), given: words[..family_start].join(" ") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(name: &str) -> (String, String) {
        let derived = derive(name);
        (derived.family, derived.given)
    }

    #[test]
    fn honorifics_and_credentials_are_not_names() {
        assert_eq!(split("Dr. Jane Q. Doe, MD"), ("Doe".into(), "Jane Q.".into()));
        assert_eq!(split("Sam Okafor PhD"), ("Okafor".into(), "Sam".into()));
        assert_eq!(split("Prof. Lee Jr."), ("Lee".into(), "".into()));
    }

    #[test]
    fn particles_stay_with_the_family_name() {
        assert_eq!(split("Dra. Ana María de la Cruz"), ("de la Cruz".into(), "Ana María".into()));
        assert_eq!(split("Ludwig van Beethoven"), ("van Beethoven".into(), "Ludwig".into()));
    }

    #[test]
    fn a_single_word_is_the_family_name() {
        assert_eq!(split("Okafor"), ("Okafor".into(), "".into()));
        assert_eq!(split("Dr."), ("Dr.".into(), "".into()));
    }
}
