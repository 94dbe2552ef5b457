//! Codes as people read them on pages: places, regions and languages by name.

use crate::places::iso;

/// A region's name from its ISO 3166-2 code ("US-OR" → "Oregon"), or the code.
pub fn region(code: &str) -> &str {
    iso::region_name(code).unwrap_or(code)
}

/// "Portland, Oregon, United States" from a listing's city, region code (as
/// listings store it, without the country: "OR") and country code.
pub fn place(city: &str, region_code: Option<&str>, country: &str) -> String {
    let mut words = vec![city.to_string()];
    if let Some(code) = region_code {
        words.push(iso::region_name(&format!("{country}-{code}")).unwrap_or(code).to_string());
    }
    words.push(iso::country_name(country).unwrap_or(country).to_string());
    words.join(", ")
}

/// "Oregon, Washington" from region codes.
pub fn regions<'a>(codes: impl IntoIterator<Item = &'a str>) -> String {
    codes.into_iter().map(region).collect::<Vec<_>>().join(", ")
}

/// "English, Spanish" from ISO 639-1 codes.
pub fn languages<'a>(codes: impl IntoIterator<Item = &'a str>) -> String {
    codes.into_iter().map(|code| iso::language_name(code).unwrap_or(code)).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_as_names() {
        assert_eq!(place("Portland", Some("OR"), "US"), "Portland, Oregon, United States");
        assert_eq!(place("Leeds", None, "GB"), "Leeds, United Kingdom");
        assert_eq!(regions(["US-OR", "US-WA"]), "Oregon, Washington");
        assert_eq!(languages(["en", "es"]), "English, Spanish");
    }

    #[test]
    fn an_unknown_code_reads_as_itself() {
        assert_eq!(place("Springfield", Some("ZZ"), "US"), "Springfield, ZZ, United States");
        assert_eq!(languages(["en", "xx"]), "English, xx");
    }
}
