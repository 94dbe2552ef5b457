//! A listing's fields and their values as moderators read them: each field by
//! its label and each code by its name, as edit diffs and the audit trail
//! show them ("Payment: Medicare → Medicare, Self-pay").

use serde_json::Value;

use crate::domain::hours::OpeningHours;
use crate::domain::location::PracticeLocation;
use crate::domain::payment::PriceRange;
use crate::domain::phone::Phone;
use crate::domain::vocabulary::{self, PAYMENT_OPTIONS, QUESTIONS, SPECIALTIES};
use crate::i18n::{Lang, Text};
use crate::views::words;

/// A field's label, from its name in a listing or an audit event's change
/// (`answers.slow_taper` is the question); an unknown name reads in words.
pub fn label(lang: Lang, field: &str) -> String {
    if let Some(question) = field.strip_prefix("answers.") {
        if let Some(term) = vocabulary::find(QUESTIONS, question) {
            return term.label(lang);
        }
    }
    let id = match field {
        "full_name" => "form-full-name",
        "family_name" => "form-family-name",
        "given_names" => "form-given-names",
        "credentials" => "form-credentials",
        "profession" => "form-profession",
        "specialty" => "form-specialty",
        "taxonomy_code" => "form-taxonomy-code",
        "npi" => "form-npi",
        "practice_name" => "form-practice-name",
        "address_line" => "form-address-line",
        "city" => "form-city",
        "postal_code" => "form-postal-code",
        "phone" => "form-phone",
        "phones" => "form-phones",
        "opening_hours" => "form-hours",
        "other_locations" => "form-other-locations",
        "website" => "form-website",
        "public_email" => "form-public-email",
        "contact_email" => "form-contact-email",
        "insurers" => "form-insurers",
        "statement" => "form-statement",
        "max_monthly_reduction_pct" => "form-max-reduction",
        "payment_options" => "form-payment",
        "telehealth" => "moderate-field-telehealth",
        "accepting_new_patients" => "moderate-field-accepting",
        "taper_approaches" => "moderate-field-approaches",
        "criteria" => "moderate-field-criteria",
        "region" => "moderate-field-region",
        "country" => "moderate-field-country",
        "latitude" => "moderate-field-latitude",
        "longitude" => "moderate-field-longitude",
        "licensed_regions" => "moderate-field-licensed-regions",
        "languages" => "moderate-field-languages",
        "names_derived" => "moderate-field-names-derived",
        "self_pay_first_visit" => "moderate-field-self-pay-first-visit",
        "self_pay_follow_up" => "moderate-field-self-pay-follow-up",
        "location_source" => "moderate-field-location-source",
        "status" => "moderate-field-status",
        "submission.status" => "moderate-field-submission-status",
        "report.status" => "moderate-field-report-status",
        "confirmed_at" => "moderate-field-confirmed-at",
        other => return other.replace(['_', '.'], " "),
    };
    lang.t(id)
}

/// A field's value in words: codes by their names, yes or no, prices with
/// their currency (`country` is the listing's, for regions and prices).
pub fn value(lang: Lang, field: &str, value: &Value, country: &str) -> String {
    let names = |name: &dyn Fn(&str) -> String| match value {
        Value::Array(codes) => codes.iter().map(|code| name(code.as_str().unwrap_or_default())).collect::<Vec<_>>(),
        Value::String(code) => vec![name(code)],
        _ => Vec::new(),
    };
    let term = |list: &'static [vocabulary::Term]| {
        move |code: &str| vocabulary::find(list, code).map_or_else(|| code.to_string(), |term| term.label(lang))
    };
    let status = |prefix: &'static str| move |code: &str| lang.text(&Text::new(format!("{prefix}{code}")));
    let named = match (field, value) {
        (_, Value::Null) => return lang.t("moderate-value-empty"),
        (_, Value::String(text)) if text.is_empty() => return lang.t("moderate-value-empty"),
        (_, Value::Array(items)) if items.is_empty() => return lang.t("moderate-value-empty"),
        (_, Value::Bool(yes)) => return lang.t(if *yes { "moderate-yes" } else { "moderate-no" }),
        ("phones", _) => {
            return serde_json::from_value::<Vec<Phone>>(value.clone())
                .map_or_else(|_| value.to_string(), |phones| words::phones_in_words(lang, &phones))
        }
        ("opening_hours", _) => {
            return serde_json::from_value::<Vec<OpeningHours>>(value.clone())
                .map_or_else(|_| value.to_string(), |hours| words::opening_hours_list(lang, &hours))
        }
        ("other_locations", _) => {
            return serde_json::from_value::<Vec<PracticeLocation>>(value.clone())
                .map_or_else(|_| value.to_string(), |places| words::locations_in_words(lang, &places))
        }
        ("self_pay_first_visit" | "self_pay_follow_up", _) => {
            return serde_json::from_value::<PriceRange>(value.clone())
                .map_or_else(|_| value.to_string(), |range| range.display(lang, country))
        }
        ("profession", _) => names(&|code| {
            vocabulary::profession(code).map_or_else(|| code.to_string(), |profession| profession.label(lang))
        }),
        ("specialty", _) => names(&term(SPECIALTIES)),
        ("payment_options", _) => names(&term(PAYMENT_OPTIONS)),
        ("taper_approaches", _) => {
            names(&|code| Some(words::approach_name(lang, code)).filter(|n| !n.is_empty()).unwrap_or(code.into()))
        }
        ("criteria", _) => {
            names(&|code| Some(words::criterion_name(lang, code)).filter(|n| !n.is_empty()).unwrap_or(code.into()))
        }
        ("licensed_regions", _) => names(&|code| words::region(lang, code)),
        ("region", _) => names(&|code| words::region(lang, &format!("{country}-{code}"))),
        ("languages", _) => names(&|code| words::language(lang, code)),
        ("country", _) => names(&|code| words::country(lang, code)),
        ("location_source", _) => names(&status("moderate-location-source-")),
        ("status", _) => names(&status("moderate-status-")),
        ("submission.status", _) => names(&status("moderate-submission-status-")),
        ("report.status", _) => names(&status("moderate-report-status-")),
        ("confirmed_at", Value::String(moment)) => {
            return chrono::NaiveDateTime::parse_from_str(moment, "%Y-%m-%dT%H:%M:%S%.f")
                .map_or_else(|_| moment.clone(), |moment| super::when(lang, moment))
        }
        (_, Value::String(text)) => return text.clone(),
        (_, Value::Array(items)) => {
            items.iter().map(|item| item.as_str().map_or_else(|| item.to_string(), str::to_string)).collect()
        }
        (_, other) => return other.to_string(),
    };
    named.join(", ")
}

/// The country a set of changes is about: the one it changes to, else the
/// listing's, else the United States.
pub fn country_of<'a>(
    changes: impl IntoIterator<Item = (&'a str, &'a Value)>,
    listing_country: Option<&'a str>,
) -> String {
    changes
        .into_iter()
        .find(|(field, _)| *field == "country")
        .and_then(|(_, value)| value.as_str())
        .or(listing_country)
        .unwrap_or("US")
        .to_string()
}

/// At most `max` characters of a value, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn codes_read_as_their_names_in_both_languages() {
        let en = |field: &str, raw: Value| value(Lang::En, field, &raw, "US");
        assert_eq!(en("specialty", json!("primary_care")), Lang::En.t("vocab-specialty-primary_care"));
        assert_eq!(en("payment_options", json!(["self_pay"])), Lang::En.t("vocab-payment-self_pay"));
        assert_eq!(en("licensed_regions", json!(["US-WA", "US-OR"])), "Washington, Oregon");
        assert_eq!(en("region", json!("OR")), "Oregon");
        assert_eq!(en("accepting_new_patients", json!(false)), "no");
        assert_eq!(en("taper_approaches", json!(["micro_taper"])), "Micro-taper");
        assert_eq!(value(Lang::Es, "languages", &json!(["en", "es"]), "US"), "inglés, español");
        assert_eq!(value(Lang::Es, "status", &json!("approved"), "US"), Lang::Es.t("moderate-status-approved"));
        assert_eq!(en("phone", Value::Null), "(empty)");
        assert_eq!(label(Lang::En, "answers.slow_taper"), Lang::En.t("vocab-question-slow_taper"));
        assert_eq!(label(Lang::En, "something_new"), "something new");
    }

    #[test]
    fn long_values_are_cut_at_a_character() {
        assert_eq!(shorten("añadir más", 5), "añadi…");
        assert_eq!(shorten("short", 5), "short");
    }
}
