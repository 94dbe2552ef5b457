//! What a page's `<head>` tells the machines that read it besides its
//! title: a description written for each kind of page, whether to index it,
//! and on a profile, Open Graph for link previews and schema.org JSON-LD
//! about the clinician.

use maud::PreEscaped;
use serde_json::{json, Value};

use super::locale::Locale;
use super::words;
use crate::app::listings::PublicListing;
use crate::domain::vocabulary::{self, SPECIALTIES};
use crate::i18n::Lang;
use crate::t;

/// The paths (after any language prefix) of the pages that are nobody's
/// business but their reader's: robots.txt disallows them and they say
/// `noindex`. A listing's claim page is `/clinicians/{id}/claim`.
pub const PRIVATE_PATHS: [&str; 4] = ["/moderate", "/manage", "/history", "/clinicians/*/claim"];

/// Whether `path` (without its language prefix) is one of `PRIVATE_PATHS`.
pub fn is_private(path: &str) -> bool {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let under = |prefix: &str| path == prefix || path.starts_with(&format!("{prefix}/"));
    under("/moderate")
        || under("/manage")
        || under("/history")
        || path.strip_prefix("/clinicians/").is_some_and(|rest| rest.split('/').nth(1) == Some("claim"))
}

/// A page's description, and what else it says about itself.
#[derive(Debug, Clone, Default)]
pub struct Head {
    pub description: String,
    /// The Open Graph title of a page meant to be shared (a profile's).
    pub open_graph_title: Option<String>,
    pub json_ld: Option<Value>,
}

impl Head {
    /// The description of the kind of page at the locale's address.
    pub fn of_page(locale: &Locale) -> Head {
        let path = locale.this_page().split('?').next().unwrap_or("/");
        let description = match path {
            "/search" => t!(locale, "meta-description-search"),
            "/questions" => t!(locale, "meta-description-questions"),
            "/submit" => t!(locale, "meta-description-submit"),
            _ => t!(locale, "meta-description-home"),
        };
        Head { description, ..Head::default() }
    }

    /// A profile's: from the clinician's name, profession, town and
    /// approaches, with Open Graph and JSON-LD.
    pub fn of_profile(locale: &Locale, listing: &PublicListing) -> Head {
        let lang = locale.lang;
        let profession = vocabulary::profession(&listing.profession).map(|term| term.label(lang)).unwrap_or_default();
        let place = words::place(lang, &listing.city, listing.region.as_deref(), &listing.country);
        let approaches: Vec<String> =
            listing.taper_approaches.iter().map(|code| words::approach_name(lang, code)).collect();
        let description = if approaches.is_empty() {
            t!(
                locale,
                "meta-description-profile",
                name = listing.full_name.as_str(),
                profession = profession,
                place = place
            )
        } else {
            t!(
                locale,
                "meta-description-profile-approaches",
                name = listing.full_name.as_str(),
                profession = profession,
                place = place,
                approaches = approaches.join(", ")
            )
        };
        Head {
            description,
            open_graph_title: Some(format!("{} · benzowise", listing.full_name)),
            json_ld: Some(json_ld(locale, listing)),
        }
    }
}

/// schema.org's type for a clinician: `Physician` (a prescriber's
/// practice) for those who can prescribe a taper, `MedicalBusiness` for
/// the psychologists and therapists who support one.
fn schema_type(prescriber: bool) -> &'static str {
    if prescriber {
        "Physician"
    } else {
        "MedicalBusiness"
    }
}

/// schema.org's `MedicalSpecialty` names for our specialties, where one fits.
fn medical_specialty(code: &str) -> Option<&'static str> {
    Some(match code {
        "psychiatry" => "Psychiatric",
        "primary_care" => "PrimaryCare",
        "geriatrics" => "Geriatric",
        "neurology" => "Neurologic",
        "pharmacotherapy" => "PharmacySpecialty",
        _ => return None,
    })
}

/// The clinician as schema.org describes one: name, address, place on the
/// map, telephone, languages, specialty, and the practice when named.
fn json_ld(locale: &Locale, listing: &PublicListing) -> Value {
    let specialty = vocabulary::find(SPECIALTIES, &listing.specialty).map(|term| term.label(Lang::En));
    let address = json!({
        "@type": "PostalAddress",
        "streetAddress": listing.address_line,
        "addressLocality": listing.city,
        "addressRegion": listing.region,
        "postalCode": listing.postal_code,
        "addressCountry": listing.country,
    });
    let practice = listing.practice_name.as_ref().map(
        |name| json!({"@type": "MedicalOrganization", "name": name, "address": address, "telephone": listing.phone}),
    );
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": schema_type(listing.prescriber),
        "@id": locale.absolute_href(&format!("/clinicians/{}", listing.id)),
        "url": locale.absolute_href(&format!("/clinicians/{}", listing.id)),
        "name": listing.full_name,
        "address": address,
        "geo": {"@type": "GeoCoordinates", "latitude": listing.latitude, "longitude": listing.longitude},
        "telephone": listing.phone,
        "email": listing.public_email,
        "sameAs": listing.website,
        "availableLanguage": listing.languages.iter().map(|code| words::language(Lang::En, code)).collect::<Vec<_>>(),
        "medicalSpecialty": medical_specialty(&listing.specialty).map(|name| format!("https://schema.org/{name}")),
        "knowsAbout": specialty,
        "isAcceptingNewPatients": listing.accepting_new_patients,
        "parentOrganization": practice,
    });
    if let Value::Object(fields) = &mut ld {
        fields.retain(|_, value| !value.is_null());
    }
    ld
}

/// JSON for a `<script type="application/ld+json">`: a script element's
/// text is not HTML-escaped, so every `<`, `>` and `&` (and the two line
/// separators JavaScript reads as line ends) is written as a JSON escape,
/// and no text in it can close the element.
pub fn script_json(value: &Value) -> PreEscaped<String> {
    let text = value.to_string();
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => safe.push_str("\\u003c"),
            '>' => safe.push_str("\\u003e"),
            '&' => safe.push_str("\\u0026"),
            '\u{2028}' => safe.push_str("\\u2028"),
            '\u{2029}' => safe.push_str("\\u2029"),
            other => safe.push(other),
        }
    }
    PreEscaped(safe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_text_closes_the_script_element_and_the_json_reads_the_same() {
        let value = json!({"name": "</script><script>alert(1)</script> & <!-- \u{2028}"});
        let PreEscaped(text) = script_json(&value);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'), "{text}");
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), value);
    }

    #[test]
    fn private_pages_are_known_by_their_paths() {
        for private in ["/moderate", "/moderate/queue?page=2", "/manage/abc", "/history", "/clinicians/7/claim"] {
            assert!(is_private(private), "{private}");
        }
        for public in ["/", "/search?near=moderate", "/clinicians/7", "/managers", "/questions"] {
            assert!(!is_private(public), "{public}");
        }
    }
}
