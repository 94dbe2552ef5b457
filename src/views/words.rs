//! Codes as people read them on pages: places, regions and languages by name,
//! in the reader's language (`country-<code>`, `region-<code>`,
//! `language-<code>` in the message catalogue). A code without a name reads as
//! itself.

use crate::domain::hours::{OpeningHours, Weekday};
use crate::domain::location::PracticeLocation;
use crate::domain::phone::{Phone, PhoneKind};
use crate::domain::vocabulary::{self, CRITERIA, TAPER_APPROACHES};
use crate::i18n::{Lang, Text};
use crate::places::iso;

/// A country's name from its ISO 3166-1 code ("US" → "United States"), or the code.
/// Every country by its name, in the reader's alphabetical order.
pub fn countries_by_name(lang: Lang) -> Vec<(&'static str, String)> {
    let mut countries: Vec<(&'static str, String)> =
        iso::country_codes().map(|code| (code, country(lang, code))).collect();
    countries.sort_by_cached_key(|(_, name)| sort_key(name));
    countries
}

pub fn country(lang: Lang, code: &str) -> String {
    if iso::is_country(code) {
        lang.text(&Text::new(format!("country-{code}")))
    } else {
        code.to_string()
    }
}

/// A region's name from its ISO 3166-2 code ("US-OR" → "Oregon"), or the code.
pub fn region(lang: Lang, code: &str) -> String {
    if iso::is_named_region(code) {
        lang.text(&Text::new(format!("region-{code}")))
    } else {
        code.to_string()
    }
}

/// A language's name from its ISO 639-1 code ("es" → "Spanish", "español"), or the code.
pub fn language(lang: Lang, code: &str) -> String {
    if iso::is_language(code) {
        lang.text(&Text::new(format!("language-{code}")))
    } else {
        code.to_string()
    }
}

/// "Portland, Oregon, United States" from a listing's city, region code (as
/// listings store it, without the country: "OR") and country code.
pub fn place(lang: Lang, city: &str, region_code: Option<&str>, country_code: &str) -> String {
    let mut words = vec![city.to_string()];
    if let Some(code) = region_code {
        let full = format!("{country_code}-{code}");
        words.push(if iso::is_named_region(&full) { region(lang, &full) } else { code.to_string() });
    }
    words.push(country(lang, country_code));
    words.join(", ")
}

/// Further places in one line, for the moderators: each one's name,
/// street, place, postal code and phone, separated by semicolons.
pub fn locations_in_words(lang: Lang, places: &[PracticeLocation]) -> String {
    let one = |other: &PracticeLocation| {
        let mut parts: Vec<String> = other.name.iter().chain(&other.address_line).cloned().collect();
        let town = place(lang, &other.city, other.region.as_deref(), &other.country);
        parts.push(other.postal_code.as_ref().map_or(town.clone(), |postal| format!("{town} {postal}")));
        parts.extend(other.phone.clone());
        parts.join(", ")
    };
    places.iter().map(one).collect::<Vec<_>>().join("; ")
}

/// A `tel:` address for a phone number as a clinician wrote it: its digits, and a leading `+`.
pub fn tel_href(phone: &str) -> String {
    let dialled: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    format!("tel:{dialled}")
}

/// Where a number is reached from a link: `tel:` (with its extension, as
/// RFC 3966 writes one) or `sms:`; a fax has none.
pub fn phone_href(phone: &Phone) -> Option<String> {
    let tel = tel_href(&phone.number);
    match (phone.kind, &phone.extension) {
        (PhoneKind::Fax, _) => None,
        (PhoneKind::Text, _) => Some(tel.replacen("tel:", "sms:", 1)),
        (_, Some(extension)) => Some(format!("{tel};ext={extension}")),
        (_, None) => Some(tel),
    }
}

/// An extension as read after its number: "ext. 204".
pub fn phone_extension(lang: Lang, extension: &str) -> String {
    crate::t!(lang, "phone-extension-short", extension = extension)
}

/// "Phone 503 555 0100, Fax 503 555 0101 ext. 12".
pub fn phones_in_words(lang: Lang, phones: &[Phone]) -> String {
    let one = |phone: &Phone| {
        let extension = phone.extension.as_deref().map(|extension| format!(" {}", phone_extension(lang, extension)));
        format!("{} {}{}", phone_kind(lang, phone.kind), phone.number, extension.unwrap_or_default())
    };
    phones.iter().map(one).collect::<Vec<_>>().join(", ")
}

/// What a number is for, as a profile labels it: "Phone", "Fax", "Text", "TTY".
pub fn phone_kind(lang: Lang, kind: PhoneKind) -> String {
    lang.t(format!("phone-kind-{}", kind.code()))
}

/// A day's name: "Monday".
pub fn weekday(lang: Lang, day: Weekday) -> String {
    lang.t(format!("weekday-{}", day.code()))
}

/// A time of day (`17:30`) as a reader's clock shows it: "5:30 PM" in
/// English, "17:30" in Spanish.
pub fn time_of_day(lang: Lang, time: &str) -> String {
    let Ok(parsed) = chrono::NaiveTime::parse_from_str(time, "%H:%M") else { return time.to_string() };
    match lang {
        Lang::En => parsed.format("%-I:%M %p").to_string(),
        _ => parsed.format("%-H:%M").to_string(),
    }
}

/// One opening in words: "Monday 8:30 AM – 5:00 PM".
pub fn opening_hours(lang: Lang, hours: &OpeningHours) -> String {
    let (opens, closes) = (time_of_day(lang, &hours.opens), time_of_day(lang, &hours.closes));
    format!("{} {opens} – {closes}", weekday(lang, hours.day))
}

/// Every opening in words, separated by commas.
pub fn opening_hours_list(lang: Lang, hours: &[OpeningHours]) -> String {
    hours.iter().map(|one| opening_hours(lang, one)).collect::<Vec<_>>().join(", ")
}

/// "Oregon, Washington" from region codes.
pub fn regions<'a>(lang: Lang, codes: impl IntoIterator<Item = &'a str>) -> String {
    codes.into_iter().map(|code| region(lang, code)).collect::<Vec<_>>().join(", ")
}

/// "English, Spanish" from ISO 639-1 codes.
pub fn languages<'a>(lang: Lang, codes: impl IntoIterator<Item = &'a str>) -> String {
    codes.into_iter().map(|code| language(lang, code)).collect::<Vec<_>>().join(", ")
}

/// The named regions of a country as `(code, name)`, in the reader's
/// alphabetical order; empty for a country outside `iso::REGION_COUNTRIES`.
pub fn regions_of(lang: Lang, country_code: &str) -> Vec<(&'static str, String)> {
    let mut named: Vec<_> = iso::regions_of(country_code).into_iter().map(|code| (code, region(lang, code))).collect();
    named.sort_by_cached_key(|(_, name)| sort_key(name));
    named
}

/// The code a listing keeps for a region of `country_code` ("OR"), from its
/// name in any language or its code, whatever the case and accents
/// ("oregón", "or", "US-OR"); `None` for a country whose regions have no names
/// here, or a name that is none of them.
pub fn region_code(country_code: &str, typed: &str) -> Option<&'static str> {
    let typed = sort_key(typed.trim());
    iso::regions_of(country_code).into_iter().find_map(|code| {
        let (_, short) = code.split_once('-')?;
        let names = Lang::ALL.map(|lang| sort_key(&region(lang, code)));
        let matches = names.contains(&typed) || typed == sort_key(short) || typed == sort_key(code);
        matches.then_some(short)
    })
}

/// The ISO code of a country, from its name in any language or its code,
/// whatever the case and accents ("España", "spain", "es"); `None` for
/// anything else.
pub fn country_code(typed: &str) -> Option<&'static str> {
    let typed = sort_key(typed.trim());
    iso::country_codes()
        .find(|code| typed == sort_key(code) || Lang::ALL.iter().any(|lang| typed == sort_key(&country(*lang, code))))
}

/// A name as dictionaries order it: accents and case do not count, so
/// "Míchigan" comes before "Minnesota".
pub fn sort_key(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|letter| match letter {
            'á' | 'à' | 'â' | 'ä' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

/// A taper approach's short name ("Micro-taper"); the vocabulary's label has
/// the full meaning. Empty for a code that is not an approach.
pub fn approach_name(lang: Lang, code: &str) -> String {
    match vocabulary::find(TAPER_APPROACHES, code) {
        Some(approach) => lang.text(&Text::new(format!("vocab-approach-name-{}", approach.code))),
        None => String::new(),
    }
}

/// A benzo-wise practice's short name ("No abrupt stops"), for cards and
/// chips; the vocabulary's label is the full sentence. Empty for a code that is not one.
pub fn criterion_name(lang: Lang, code: &str) -> String {
    match vocabulary::find(CRITERIA, code) {
        Some(criterion) => lang.text(&Text::new(format!("vocab-criterion-name-{}", criterion.code))),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_as_names() {
        assert_eq!(place(Lang::En, "Portland", Some("OR"), "US"), "Portland, Oregon, United States");
        assert_eq!(place(Lang::En, "Leeds", None, "GB"), "Leeds, United Kingdom");
        assert_eq!(regions(Lang::En, ["US-OR", "US-WA"]), "Oregon, Washington");
        assert_eq!(languages(Lang::En, ["en", "es"]), "English, Spanish");
    }

    #[test]
    fn codes_read_as_names_in_spanish() {
        assert_eq!(place(Lang::Es, "Santa Fe", Some("NM"), "US"), "Santa Fe, Nuevo México, Estados Unidos");
        assert_eq!(place(Lang::Es, "Cardiff", Some("WLS"), "GB"), "Cardiff, Gales, Reino Unido");
        assert_eq!(regions(Lang::Es, ["US-NM"]), "Nuevo México");
        assert_eq!(
            regions(Lang::Es, ["US-NC", "CA-BC", "GB-SCT", "AU-NSW"]),
            "Carolina del Norte, Columbia Británica, Escocia, Nueva Gales del Sur"
        );
        assert_eq!(languages(Lang::Es, ["en", "es", "zh", "ht"]), "inglés, español, chino, criollo haitiano");
        assert_eq!(country(Lang::Es, "DE"), "Alemania");
        assert_eq!(language(Lang::Es, "xx"), "xx");
    }

    #[test]
    fn names_read_as_people_say_them() {
        let regions = [
            ("US-OR", "Oregon"),
            ("US-DC", "District of Columbia"),
            ("US-PR", "Puerto Rico"),
            ("US-VI", "U.S. Virgin Islands"),
            ("CA-QC", "Quebec"),
            ("CA-NL", "Newfoundland and Labrador"),
            ("GB-SCT", "Scotland"),
            ("GB-NIR", "Northern Ireland"),
            ("AU-NSW", "New South Wales"),
            ("AU-ACT", "Australian Capital Territory"),
        ];
        for (code, name) in regions {
            assert_eq!(region(Lang::En, code), name);
        }
        for (code, name) in [("en", "English"), ("es", "Spanish"), ("zh", "Chinese"), ("ht", "Haitian Creole")] {
            assert_eq!(language(Lang::En, code), name);
        }
        let countries =
            [("US", "United States"), ("GB", "United Kingdom"), ("KR", "South Korea"), ("CI", "Côte d'Ivoire")];
        for (code, name) in countries {
            assert_eq!(country(Lang::En, code), name);
        }
    }

    #[test]
    fn an_unknown_code_reads_as_itself() {
        assert_eq!(place(Lang::En, "Springfield", Some("ZZ"), "US"), "Springfield, ZZ, United States");
        assert_eq!(place(Lang::Es, "Maidstone", Some("KEN"), "GB"), "Maidstone, KEN, Reino Unido");
        assert_eq!(languages(Lang::En, ["en", "xx"]), "English, xx");
        assert_eq!(region(Lang::Es, "US-XX"), "US-XX");
        assert_eq!(region(Lang::En, "OR"), "OR");
        assert_eq!(country(Lang::En, "UK"), "UK");
        assert_eq!(country(Lang::En, "us"), "us");
        assert_eq!(language(Lang::En, "EN"), "EN");
    }

    /// Every code the ISO lists accept has a name in every language.
    #[test]
    fn every_code_has_a_name_in_every_language() {
        for lang in Lang::ALL {
            let ids = crate::i18n::message_ids(lang);
            let codes = |prefix: &str| ids.iter().filter_map(|id| id.strip_prefix(prefix)).collect::<Vec<_>>();
            let countries = codes("country-");
            assert!(countries.iter().all(|code| iso::is_country(code)), "{}", lang.code());
            assert_eq!(countries.len(), 249, "{}", lang.code());
            let languages: Vec<&str> = codes("language-").into_iter().filter(|code| *code != "own-name").collect();
            assert_eq!(languages, iso::language_codes(), "{}", lang.code());
            let regions = codes("region-");
            let named: Vec<&str> = iso::REGION_COUNTRIES.iter().flat_map(|country| iso::regions_of(country)).collect();
            assert_eq!(regions, named, "{}", lang.code());
        }
    }

    #[test]
    fn regions_come_in_the_readers_name_order() {
        for lang in Lang::ALL {
            for country_code in iso::REGION_COUNTRIES {
                let named = regions_of(lang, country_code);
                assert_eq!(named.len(), iso::regions_of(country_code).len());
                assert!(named.windows(2).all(|pair| sort_key(&pair[0].1) < sort_key(&pair[1].1)), "{country_code}");
            }
        }
        assert_eq!(regions_of(Lang::En, "GB").first(), Some(&("GB-ENG", "England".to_string())));
        assert_eq!(regions_of(Lang::Es, "GB").first(), Some(&("GB-SCT", "Escocia".to_string())));
        assert_eq!(regions_of(Lang::En, "CA").first(), Some(&("CA-AB", "Alberta".to_string())));
        let spanish: Vec<String> = regions_of(Lang::Es, "US").into_iter().map(|(_, name)| name).collect();
        let michigan = spanish.iter().position(|name| name == "Míchigan");
        let minnesota = spanish.iter().position(|name| name == "Minnesota");
        assert!(michigan.is_some() && michigan < minnesota);
        assert!(regions_of(Lang::Es, "FR").is_empty());
    }

    #[test]
    fn approaches_have_short_names_in_both_languages() {
        assert_eq!(approach_name(Lang::En, "micro_taper"), "Micro-taper");
        assert_eq!(approach_name(Lang::Es, "micro_taper"), "Microrreducción");
        assert_eq!(approach_name(Lang::En, "hyperbolic"), "Hyperbolic (percentage) cuts");
        assert_eq!(approach_name(Lang::Es, "unknown"), "");
        for lang in Lang::ALL {
            let ids = crate::i18n::message_ids(lang);
            for approach in TAPER_APPROACHES {
                assert!(ids.contains(&format!("vocab-approach-name-{}", approach.code)), "{}", approach.code);
            }
            for criterion in CRITERIA {
                assert!(ids.contains(&format!("vocab-criterion-name-{}", criterion.code)), "{}", criterion.code);
            }
        }
    }
}
