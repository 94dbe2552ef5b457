//! Who to call in an emergency, by country: the one table of numbers the
//! pages show. Each line names where the number was checked, so that it is
//! easy to check again and to extend to another country.

/// A number to call, as the country writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// The message naming the service (`urgent-line-…`).
    pub name: &'static str,
    /// As people read it: "988", "1-800-662-4357", "116 123".
    pub number: &'static str,
    /// Where it was checked.
    pub source: &'static str,
}

impl Line {
    /// The `tel:` address: the digits alone, with the country code for a long number.
    pub fn tel(&self) -> String {
        let digits: String = self.number.chars().filter(char::is_ascii_digit).collect();
        match digits.strip_prefix('1').filter(|rest| rest.len() == 10) {
            Some(rest) => format!("tel:+1{rest}"),
            None => format!("tel:{digits}"),
        }
    }
}

const fn line(name: &'static str, number: &'static str, source: &'static str) -> Line {
    Line { name, number, source }
}

/// ISO 3166-1 code → the numbers, the emergency services first.
pub const LINES: [(&str, &[Line]); 4] = [
    (
        "US",
        &[
            line("urgent-line-emergency", "911", "https://www.911.gov/"),
            line("urgent-line-us-988", "988", "https://988lifeline.org/"),
            line(
                "urgent-line-us-samhsa",
                "1-800-662-4357",
                "https://www.samhsa.gov/find-help/helplines/national-helpline",
            ),
        ],
    ),
    (
        "CA",
        &[
            line("urgent-line-emergency", "911", "https://crtc.gc.ca/eng/phone/911/gen.htm"),
            line("urgent-line-ca-988", "988", "https://988.ca/"),
        ],
    ),
    (
        "GB",
        &[
            line(
                "urgent-line-emergency",
                "999",
                "https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-call-999/",
            ),
            line(
                "urgent-line-gb-111",
                "111",
                "https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-use-111/",
            ),
            line(
                "urgent-line-gb-samaritans",
                "116 123",
                "https://www.samaritans.org/how-we-can-help/contact-samaritan/",
            ),
        ],
    ),
    (
        "AU",
        &[
            line("urgent-line-emergency", "000", "https://www.triplezero.gov.au/"),
            line("urgent-line-au-lifeline", "13 11 14", "https://www.lifeline.org.au/"),
        ],
    ),
];

/// The country whose numbers a page shows when it knows no other: the
/// directory's listings are mostly in the United States.
pub const DEFAULT_COUNTRY: &str = "US";

/// The numbers for a country, if the table has it.
pub fn lines_for(country: &str) -> Option<&'static [Line]> {
    LINES.iter().find(|(code, _)| *code == country).map(|(_, lines)| *lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_dial_as_written() {
        let us = lines_for("US").unwrap();
        assert_eq!(us.iter().map(Line::tel).collect::<Vec<_>>(), ["tel:911", "tel:988", "tel:+18006624357"]);
        let gb = lines_for("GB").unwrap();
        assert_eq!(gb[2].tel(), "tel:116123");
        assert_eq!(lines_for("AU").unwrap()[1].tel(), "tel:131114");
        assert!(lines_for("FR").is_none());
    }

    #[test]
    fn every_line_names_a_service_and_a_source() {
        for (country, lines) in LINES {
            assert_eq!(lines[0].name, "urgent-line-emergency", "{country}: the emergency number first");
            for line in lines {
                assert!(line.source.starts_with("https://"), "{country} {}", line.number);
                for lang in crate::i18n::Lang::ALL {
                    assert!(crate::i18n::message_ids(lang).iter().any(|id| id == line.name), "{}", line.name);
                }
            }
        }
    }
}
