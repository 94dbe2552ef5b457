//! The domain's rules as JSON Schema, for the OpenAPI document: the code
//! lists, patterns and limits that `NewListing::parse`, `NewReport::parse`,
//! the notes' checks and the search's parser enforce, built from the same
//! lists and patterns so that the document states what the server refuses.
//!
//! Texts are trimmed before the rules are checked, and a blank optional text
//! counts as absent. The schemas describe the canonical form: a required text
//! without blanks at its ends (so its length is the one checked), codes in
//! their canonical case.
//!
//! utoipa's schema model has no `not`, `if`/`then`, `contains` or
//! `dependentRequired`; `keywords` writes those beside the others as JSON.

use serde_json::{json, Value};
use utoipa::openapi::extensions::Extensions;
use utoipa::openapi::schema::{
    AdditionalProperties, Array, ArrayBuilder, ArrayItems, Object, ObjectBuilder, SchemaFormat, SchemaType, Type,
};

use super::limits::{MAX_EMAIL, MAX_INSURERS, MAX_MESSAGE, MAX_NOTE, MAX_PRICE};
use super::vocabulary::{self, Term, SELF_PAY};
use crate::i18n::Lang;
use crate::places::iso;

/// What `str::trim` takes away: the characters Unicode calls White_Space.
const SPACE: &str = r"\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";
/// Control characters (Unicode's Cc), which one-line texts refuse.
const CONTROL: &str = r"\x00-\x1f\x7f-\x9f";

/// A NUCC taxonomy code, as `taxonomy_code` takes it.
pub const TAXONOMY_PATTERN: &str = r"^[0-9]{3}[0-9A-Z]{6}X$";
/// A US ZIP code, `12345` or `12345-6789`.
pub const US_POSTAL_PATTERN: &str = r"^[0-9]{5}(-[0-9]{4})?$";
/// A postal code elsewhere: letters, digits, spaces and hyphens, beginning
/// and ending with a letter or digit, 2 to 12 characters.
pub const OTHER_POSTAL_PATTERN: &str = r"^[0-9A-Za-z][0-9A-Za-z -]{0,10}[0-9A-Za-z]$";
/// A valid email address as HTML defines it, which is what the server checks;
/// the local part is at most 64 characters.
const EMAIL_PATTERN: &str = r"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$";

/// JSON Schema keywords that utoipa's model lacks, written as they are.
pub fn keywords(pairs: impl IntoIterator<Item = (&'static str, Value)>) -> Extensions {
    pairs.into_iter().collect()
}

pub fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

/// `schema` or null: the server reads a null as an absent value.
pub fn or_null(schema: ObjectBuilder) -> ObjectBuilder {
    let mut object = schema.build();
    if let SchemaType::Type(one) = object.schema_type {
        object.schema_type = SchemaType::from_iter([one, Type::Null]);
    }
    if let Some(values) = &mut object.enum_values {
        values.push(Value::Null);
    }
    ObjectBuilder::from(object)
}

/// A list or null.
fn list_or_null(items: impl Into<ArrayItems>) -> ArrayBuilder {
    ArrayBuilder::new().schema_type(SchemaType::from_iter([Type::Array, Type::Null])).items(items)
}

pub fn codes<'a>(values: impl IntoIterator<Item = &'a str>) -> ObjectBuilder {
    string().enum_values(Some(values.into_iter().map(str::to_string)))
}

pub fn term_codes(terms: &[Term]) -> ObjectBuilder {
    codes(terms.iter().map(|term| term.code))
}

/// One line of text of at most `max` characters; blank counts as absent.
fn one_line(max: usize) -> ObjectBuilder {
    string().max_length(Some(max)).pattern(Some(format!("^[^{CONTROL}]*$")))
}

/// One line of text of `min` to `max` characters without blanks at its ends.
fn trimmed_line(min: usize, max: usize) -> ObjectBuilder {
    let inner = format!("[^{SPACE}{CONTROL}]");
    let pattern = format!("^{inner}([^{CONTROL}]*{inner})?$");
    string().min_length(Some(min)).max_length(Some(max)).pattern(Some(pattern))
}

/// Free text of at most `max` characters, without NUL (which PostgreSQL cannot store).
fn free_text(max: usize) -> ObjectBuilder {
    string().max_length(Some(max)).pattern(Some(r"^[^\x00]*$"))
}

/// Like `free_text`, and not blank.
pub fn required_free_text(max: usize) -> ObjectBuilder {
    string().min_length(Some(1)).max_length(Some(max)).pattern(Some(format!(r"^[^\x00]*[^{SPACE}\x00][^\x00]*$")))
}

/// An email address as HTML's forms take it, which is what the server checks.
/// No `format: email`: that is RFC 5322's stricter rule (no dot at the start
/// of the local part, say), and the document would then refuse addresses the
/// server takes.
pub fn email() -> ObjectBuilder {
    string().pattern(Some(EMAIL_PATTERN))
}

/// Text with at least one character that is not blank.
pub fn not_blank() -> ObjectBuilder {
    string().pattern(Some(format!("[^{SPACE}]")))
}

// The fields of a listing (`ListingInput`), named as they are.

pub fn full_name() -> Object {
    trimmed_line(2, 120).description(Some("2 to 120 characters, one line.")).build()
}

pub fn family_name() -> Object {
    or_null(trimmed_line(1, 80).description(Some(
        "The family name (surname) alone, 1 to 80 characters, one line; when absent it is derived from `full_name` \
         and marked for moderators to check.",
    )))
    .build()
}

pub fn given_names() -> Object {
    or_null(one_line(120).description(Some("Given names, separated by spaces; at most 120 characters, one line.")))
        .build()
}

pub fn credentials() -> Object {
    or_null(one_line(60).description(Some("At most 60 characters, e.g. \"MD, FAPA\"; one line."))).build()
}

pub fn profession() -> Object {
    codes(vocabulary::PROFESSIONS.iter().map(|term| term.code))
        .description(Some("A code from `professions` in the vocabulary."))
        .build()
}

pub fn specialty() -> Object {
    term_codes(vocabulary::SPECIALTIES).description(Some("A code from `specialties` in the vocabulary.")).build()
}

pub fn taxonomy_code() -> Object {
    or_null(string().pattern(Some(TAXONOMY_PATTERN)))
        .description(Some("A NUCC taxonomy code, e.g. `2084P0800X`."))
        .build()
}

pub fn npi() -> Object {
    or_null(string().pattern(Some("^[0-9]{10}$")))
        .description(Some(
            "A US National Provider Identifier: 10 digits, the last a Luhn check digit over `80840` followed by \
             the first nine.",
        ))
        .build()
}

pub fn practice_name() -> Object {
    or_null(one_line(160)).build()
}

pub fn address_line() -> Object {
    or_null(one_line(200)).build()
}

pub fn city() -> Object {
    trimmed_line(1, 100)
        .description(Some(
            "Without `latitude` and `longitude`, the listing is placed by its US ZIP code, else by this city in \
             `country` (and `region`), which must then be found on the service's map.",
        ))
        .build()
}

pub fn region() -> Object {
    or_null(string().pattern(Some(format!("^{}$", iso::OTHER_REGION_PATTERN))))
        .description(Some(
            "The state, province or region code within `country`: for US, CA and AU one of its own (see the \
             rules below); elsewhere 1 to 3 capital letters or digits.",
        ))
        .build()
}

pub fn postal_code() -> Object {
    or_null(string().max_length(Some(12)).pattern(Some(OTHER_POSTAL_PATTERN)))
        .description(Some(
            "For `US` a ZIP code, `12345` or `12345-6789`; elsewhere 2 to 12 letters, digits, spaces or hyphens.",
        ))
        .build()
}

pub fn country() -> Object {
    or_null(codes(iso::country_codes())).description(Some("An ISO 3166-1 alpha-2 code; absent means `US`.")).build()
}

pub fn latitude() -> Object {
    or_null(ObjectBuilder::new().schema_type(Type::Number).minimum(Some(-90)).maximum(Some(90)))
        .description(Some("Given together with `longitude` or not at all."))
        .build()
}

pub fn longitude() -> Object {
    or_null(ObjectBuilder::new().schema_type(Type::Number).minimum(Some(-180)).maximum(Some(180)))
        .description(Some("Given together with `latitude` or not at all."))
        .build()
}

/// 7 to 25 characters of digits, spaces and `+ ( ) - .`, at least 7 of them digits.
fn phone_number_text() -> ObjectBuilder {
    string()
        .min_length(Some(7))
        .max_length(Some(25))
        .pattern(Some(r"^[ +().-]*([0-9][ +().-]*){7,}$"))
        .description(Some("7 to 25 characters of digits, spaces and `+ ( ) - .`, at least 7 of them digits."))
}

pub fn phone() -> Object {
    or_null(phone_number_text()).build()
}

pub fn phone_number() -> Object {
    phone_number_text().build()
}

pub fn time_of_day() -> Object {
    string()
        .pattern(Some("^([01][0-9]|2[0-3]):[0-5][0-9]$"))
        .description(Some("`HH:MM` on a 24-hour clock, such as `08:30`."))
        .build()
}

pub fn phone_extension() -> Object {
    or_null(string().pattern(Some("^[0-9]{1,10}$"))).description(Some("1 to 10 digits.")).build()
}

pub fn website() -> Object {
    // RFC 3986's characters, so that every address the pattern takes is a URI.
    let part = r"([A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*";
    let label = "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?";
    // The last label begins with a letter: one that is a number makes the host an IPv4 address.
    let host = format!(r"({label}\.)*[A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?");
    let port = "(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4})";
    let pattern = format!(r"^[Hh][Tt][Tt][Pp][Ss]?://{host}(:{port})?(/{part})?(\?{part})?(#{part})?$");
    or_null(string().max_length(Some(300)).format(Some(SchemaFormat::Custom("uri".to_string()))).pattern(Some(pattern)))
        .description(Some("An `http://` or `https://` address with a host, at most 300 characters."))
        .build()
}

pub fn public_email() -> Object {
    or_null(email().description(Some("Shown publicly."))).build()
}

pub fn contact_email() -> Object {
    email().description(Some("Private: only moderators and the clinician see it.")).build()
}

pub fn licensed_regions() -> Array {
    list_or_null(string().pattern(Some(iso::subdivision_pattern())))
        .description(Some("ISO 3166-2 codes where the clinician may see patients by telehealth, e.g. `US-OR`."))
        .build()
}

pub fn languages() -> Array {
    list_or_null(codes(iso::language_codes().iter().copied()))
        .description(Some("ISO 639-1 codes; absent or empty means `[\"en\"]`."))
        .build()
}

pub fn taper_approaches() -> Array {
    list_or_null(term_codes(vocabulary::TAPER_APPROACHES))
        .description(Some("Codes from `taper_approaches` in the vocabulary."))
        .build()
}

pub fn criteria() -> Array {
    list_or_null(term_codes(vocabulary::CRITERIA)).description(Some("Codes from `criteria` in the vocabulary.")).build()
}

pub fn payment_options() -> Array {
    list_or_null(term_codes(vocabulary::PAYMENT_OPTIONS))
        .description(Some("Codes from `payment_options` in the vocabulary; absent means \"ask the practice\"."))
        .build()
}

pub fn insurers() -> Array {
    list_or_null(trimmed_line(2, 80))
        .max_items(Some(MAX_INSURERS))
        .description(Some("Private insurers' names; only with `private_insurance` among `payment_options`."))
        .build()
}

/// One end of a price range.
pub fn price() -> Object {
    ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(0)).maximum(Some(MAX_PRICE)).build()
}

pub fn max_monthly_reduction_pct() -> Object {
    or_null(ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(1)).maximum(Some(50)))
        .description(Some("The fastest pace usually used, as a percentage of the current dose per month."))
        .build()
}

pub fn answer() -> Object {
    or_null(string().max_length(Some(2000))).build()
}

pub fn statement() -> Object {
    or_null(string().max_length(Some(4000)).description(Some("May span several lines; shown as plain text."))).build()
}

pub fn website_url_confirm() -> Object {
    or_null(string().max_length(Some(0)))
        .description(Some(
            "A honeypot that people leave empty. When it is filled, a submission is answered 202 and nothing is \
             kept, and a new version is refused.",
        ))
        .build()
}

/// The rules between a listing's fields, for `ListingInput`'s schema: the
/// region and postal code of its country, and the payment options that
/// prices go with.
///
/// That `latitude` and `longitude` come together, and that insurers go with
/// `private_insurance`, are said in their descriptions only: with either,
/// schemathesis' generator gives up on the schema (its canonical form grows
/// with each rule's branches times the listing's properties).
pub fn listing_rules() -> Extensions {
    let priced = ["self_pay_first_visit", "self_pay_follow_up"]
        .map(|field| json!({"properties": {field: {"type": "object"}}, "required": [field]}));
    let prices = json!({
        "if": {"anyOf": priced},
        "then": {
            "properties": {"payment_options": {"type": "array", "contains": {"enum": SELF_PAY}}},
            "required": ["payment_options"],
        },
    });
    keywords([("allOf", json!([country_rule(), prices]))])
}

/// The rules between a further place's fields, for `LocationInput`'s schema:
/// the region and postal code of its country.
pub fn location_rules() -> Extensions {
    keywords([("allOf", json!([country_rule()]))])
}

/// The region and postal code an address may have in its country (`US` when absent).
fn country_rule() -> Value {
    let us = json!({"properties": {
        "country": {"enum": ["US", null]},
        "region": {"enum": region_codes("US")},
        "postal_code": {"pattern": US_POSTAL_PATTERN},
    }});
    let listed = iso::LISTED_REGION_COUNTRIES.iter().filter(|country| **country != "US").map(|country| {
        json!({"properties": {"country": {"const": country}, "region": {"enum": region_codes(country)}}, "required": ["country"]})
    });
    let others: Vec<&str> =
        iso::country_codes().filter(|country| !iso::LISTED_REGION_COUNTRIES.contains(country)).collect();
    let unlisted = json!({"properties": {"country": {"enum": others}}, "required": ["country"]});
    let countries: Vec<Value> = [us].into_iter().chain(listed).chain([unlisted]).collect();
    json!({"anyOf": countries})
}

/// A listing as a clinician might send it, for the document's example.
pub fn listing_example() -> Value {
    json!({
        "full_name": "Dr. Example Person",
        "credentials": "MD",
        "profession": "physician",
        "specialty": "psychiatry",
        "npi": "1234567893",
        "city": "Portland",
        "region": "OR",
        "postal_code": "97201",
        "contact_email": "me@example.org",
        "telehealth": true,
        "licensed_regions": ["US-OR"],
        "accepting_new_patients": true,
        "languages": ["en", "es"],
        "taper_approaches": ["symptom_guided", "micro_taper"],
        "criteria": ["slow_taper_supported", "patient_sets_pace", "no_abrupt_stops"],
        "payment_options": ["medicare", "private_insurance", "self_pay"],
        "insurers": ["Aetna"],
        "self_pay_first_visit": {"min": 150, "max": 250},
        "max_monthly_reduction_pct": 10,
        "answers": {"slow_taper": "Yes, for as long as it takes."},
    })
}

/// A country's region codes, or null.
fn region_codes(country: &str) -> Vec<Value> {
    iso::region_codes_of(country).into_iter().map(Value::from).chain([Value::Null]).collect()
}

// Other requests.

pub fn report_reason() -> Object {
    term_codes(vocabulary::REPORT_REASONS).description(Some("A code from `report_reasons` in the vocabulary.")).build()
}

pub fn report_details() -> Object {
    or_null(free_text(super::report::MAX_DETAILS)).description(Some("What is wrong.")).build()
}

/// The address of someone claiming a listing.
pub fn claim_email() -> Object {
    email().max_length(Some(MAX_EMAIL)).description(Some("Where the claimer can be reached.")).build()
}

/// A claimer's optional message to the moderators.
pub fn claim_message() -> Object {
    or_null(free_text(MAX_MESSAGE)).description(Some("Anything the moderators should know.")).build()
}

/// A moderator's optional note.
pub fn optional_note() -> Object {
    or_null(free_text(MAX_NOTE)).build()
}

/// A note or reason a moderator must give.
pub fn required_note() -> Object {
    required_free_text(MAX_NOTE).build()
}

/// The languages the site's labels come in.
pub fn label_language() -> Object {
    codes(Lang::ALL.iter().map(|lang| lang.code())).build()
}

/// An object that takes no keys but its own.
pub fn closed(object: ObjectBuilder) -> ObjectBuilder {
    object.additional_properties(Some(AdditionalProperties::FreeForm(false)))
}

#[cfg(test)]
mod tests {
    use utoipa::openapi::RefOr;
    use utoipa::PartialSchema;
    use validator::Validate;

    use super::*;
    use crate::domain::listing::{ListingInput, NewListing, Parsed};
    use crate::places::Gazetteer;

    /// `ListingInput`'s properties as the document states them.
    fn listing_properties() -> Vec<(String, Value)> {
        let RefOr::T(schema) = ListingInput::schema() else { panic!("an inline schema") };
        let Value::Object(schema) = serde_json::to_value(schema).unwrap() else { panic!("an object") };
        let Some(Value::Object(properties)) = schema.get("properties").cloned() else { panic!("properties") };
        properties.into_iter().collect()
    }

    /// Whether validator's rules take `value` as the listing's `field`.
    fn validator_takes(field: &str, value: Value) -> bool {
        let input: ListingInput = serde_json::from_value(json!({ field: value })).unwrap();
        input.validate().err().is_none_or(|errors| !errors.errors().contains_key(field))
    }

    #[test]
    fn the_documented_lengths_and_ranges_are_the_validators() {
        for (field, property) in listing_properties() {
            let number = |key: &str| property.get(key).and_then(Value::as_f64);
            if let (Some(min), Some(max)) = (number("minimum"), number("maximum")) {
                let step = if property["type"][0] == "integer" { 1.0 } else { 0.001 };
                assert!(validator_takes(&field, json!(min)) && validator_takes(&field, json!(max)), "{field}");
                assert!(
                    !validator_takes(&field, json!(min - step)) && !validator_takes(&field, json!(max + step)),
                    "{field}"
                );
            }
            // Lengths that validator checks; the others are the parser's, with rules of their own.
            let Some(max) = number("maxLength") else { continue };
            // A minimum of 1 is the parser's: a blank text is absent, and then "is required".
            let min = number("minLength").unwrap_or(1.0).max(1.0);
            let text = |length: f64| json!("a".repeat(length as usize));
            if validator_takes(&field, text(max + 1.0)) || !validator_takes(&field, text(min)) {
                continue;
            }
            assert!(validator_takes(&field, text(max)), "{field} takes {max} characters");
            assert!(min < 2.0 || !validator_takes(&field, text(min - 1.0)), "{field} needs {min}");
        }
    }

    #[test]
    fn the_documented_example_is_a_listing_the_server_takes() {
        let input: ListingInput = serde_json::from_value(listing_example()).unwrap();
        assert!(matches!(NewListing::parse(input, Gazetteer::shared()), Ok(Parsed::Listing(_))));
    }

    /// Whether `pattern` (as the regex crate reads it, which agrees with
    /// ECMA 262 on these) matches `text`.
    fn matches(pattern: &str, text: &str) -> bool {
        regex::Regex::new(pattern).unwrap().is_match(text)
    }

    #[test]
    fn the_blank_characters_are_those_trim_takes_away() {
        let blank = regex::Regex::new(&format!("^[{SPACE}]$")).unwrap();
        for character in (0..=0x10_ffff).filter_map(char::from_u32) {
            assert_eq!(blank.is_match(&character.to_string()), character.is_whitespace(), "{:?}", character);
        }
    }

    #[test]
    fn a_required_line_has_no_blank_ends_and_no_control_characters() {
        let pattern = trimmed_line(2, 120).build().pattern.unwrap();
        for good in ["Dr. Ann Lee", "李 明", "A"] {
            assert!(matches(&pattern, good), "{good}");
        }
        for bad in [" Ann", "Ann ", "Ann\u{3000}", "An\nn", "Ann\t", "", "\u{85}Ann"] {
            assert!(!matches(&pattern, bad), "{bad:?}");
        }
        let note = required_free_text(10).build().pattern.unwrap();
        assert!(matches(&note, " a\nb ") && !matches(&note, " \n\u{a0}") && !matches(&note, "a\u{0}"));
    }

    #[test]
    fn the_email_pattern_takes_what_the_server_takes() {
        use validator::ValidateEmail;
        for address in ["me@example.org", "a.b+c@sub.example.co.uk", "x@localhost", "o'neil@x.io"] {
            assert!(matches(EMAIL_PATTERN, address) && address.validate_email(), "{address}");
        }
        for address in
            ["me@", "@example.org", "a b@x.org", "me@-x.org", "me@x_y.org", &format!("{}@x.org", "a".repeat(65))]
        {
            assert!(!matches(EMAIL_PATTERN, address), "{address}");
        }
    }

    #[test]
    fn a_website_the_pattern_takes_is_one_the_server_takes() {
        let pattern = website().pattern.unwrap();
        for address in ["https://example.org", "HTTP://a.b.example:8080/x/y?q=1&r=%20#top", "http://localhost/"] {
            assert!(matches(&pattern, address), "{address}");
            let url = url::Url::parse(address).unwrap();
            assert!(matches!(url.scheme(), "http" | "https") && url.host_str().is_some(), "{address}");
        }
        for address in
            ["ftp://example.org", "https://", "https://1.2.3.4.5", "https://x.org/a b", "https://x.org:99999"]
        {
            assert!(!matches(&pattern, address), "{address}");
        }
    }

    #[test]
    fn a_phone_needs_seven_digits_of_its_few_characters() {
        let pattern = phone().pattern.unwrap();
        assert!(matches(&pattern, "+1 (503) 555-0100") && matches(&pattern, "5550100"));
        assert!(!matches(&pattern, "555-010") && !matches(&pattern, "555 0100 ext 2"));
    }
}
