//! A clinician's listing: the request shape (`ListingInput`), and the
//! trustworthy content (`NewListing`) that only `NewListing::parse` builds.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::{Validate, ValidationError, ValidationErrors, ValidationErrorsKind};

use super::hours::{self, HoursInput, OpeningHours};
use super::location::{self, AddressFields, LocationInput, Point, PracticeLocation};
use super::payment::{self, Payment, PriceInput, PriceRange};
use super::person_name::{self, PersonName};
use super::phone::{self, Phone, PhoneInput};
use super::{npi, schema, vocabulary, whole_number, FieldErrors};
use crate::error::{AppError, FieldError};
use crate::i18n::{Lang, Text};
use crate::places::{iso, Gazetteer};

/// The answers to the three first-visit questions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    #[schema(schema_with = schema::answer)]
    pub typical_duration: Option<String>,
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    #[schema(schema_with = schema::answer)]
    pub dependence_plan: Option<String>,
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    #[schema(schema_with = schema::answer)]
    pub slow_taper: Option<String>,
}

impl Answers {
    /// `(question code, answer)` for each answer given.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            ("typical_duration", &self.typical_duration),
            ("dependence_plan", &self.dependence_plan),
            ("slow_taper", &self.slow_taper),
        ]
        .into_iter()
        .filter_map(|(code, answer)| answer.as_deref().map(|a| (code, a)))
    }
}

/// A listing as a clinician sends it. Every field is optional here
/// so that one request can be told about every missing or bad field at once.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ListingInput {
    #[validate(length(min = 2, max = 120, message = "must be 2 to 120 characters"))]
    #[schema(schema_with = schema::full_name, required = true)]
    pub full_name: Option<String>,
    /// The family name (surname) alone; derived from `full_name` when absent.
    #[validate(length(min = 1, max = 80, message = "must be 1 to 80 characters"))]
    #[schema(schema_with = schema::family_name)]
    pub family_name: Option<String>,
    /// Given names, separated by spaces; derived with the family name when that is absent.
    #[validate(length(max = 120, message = "must be at most 120 characters"))]
    #[schema(schema_with = schema::given_names)]
    pub given_names: Option<String>,
    #[validate(length(max = 60, message = "must be at most 60 characters"))]
    #[schema(schema_with = schema::credentials)]
    pub credentials: Option<String>,
    #[schema(schema_with = schema::profession, required = true)]
    pub profession: Option<String>,
    #[schema(schema_with = schema::specialty, required = true)]
    pub specialty: Option<String>,
    #[schema(schema_with = schema::taxonomy_code)]
    pub taxonomy_code: Option<String>,
    #[schema(schema_with = schema::npi)]
    pub npi: Option<String>,
    #[validate(length(max = 160, message = "must be at most 160 characters"))]
    #[schema(schema_with = schema::practice_name)]
    pub practice_name: Option<String>,
    #[validate(length(max = 200, message = "must be at most 200 characters"))]
    #[schema(schema_with = schema::address_line)]
    pub address_line: Option<String>,
    #[validate(length(max = 100, message = "must be at most 100 characters"))]
    #[schema(schema_with = schema::city, required = true)]
    pub city: Option<String>,
    #[schema(schema_with = schema::region)]
    pub region: Option<String>,
    #[validate(length(max = 12, message = "must be at most 12 characters"))]
    #[schema(schema_with = schema::postal_code)]
    pub postal_code: Option<String>,
    #[schema(schema_with = schema::country)]
    pub country: Option<String>,
    #[validate(range(min = -90.0, max = 90.0, message = "must be between -90 and 90"))]
    #[schema(schema_with = schema::latitude)]
    pub latitude: Option<f64>,
    #[validate(range(min = -180.0, max = 180.0, message = "must be between -180 and 180"))]
    #[schema(schema_with = schema::longitude)]
    pub longitude: Option<f64>,
    /// The main voice number; it replaces the first voice number of `phones`.
    #[schema(schema_with = schema::phone)]
    pub phone: Option<String>,
    /// Every number with its kind, at most 10; one given twice is kept once.
    #[schema(max_items = 10)]
    pub phones: Option<Vec<PhoneInput>>,
    /// When the practice sees patients, at most 21 openings; one given twice is kept once.
    #[schema(max_items = 21)]
    pub opening_hours: Option<Vec<HoursInput>>,
    /// Further places the clinician practises at, at most four (five with the main address).
    #[validate(nested)]
    #[schema(max_items = 4)]
    pub other_locations: Option<Vec<LocationInput>>,
    #[validate(length(max = 300, message = "must be at most 300 characters"))]
    #[schema(schema_with = schema::website)]
    pub website: Option<String>,
    #[validate(email(message = "must be an email address"))]
    #[schema(schema_with = schema::public_email)]
    pub public_email: Option<String>,
    #[validate(email(message = "must be an email address"))]
    #[schema(schema_with = schema::contact_email, required = true)]
    pub contact_email: Option<String>,
    pub telehealth: Option<bool>,
    #[schema(schema_with = schema::licensed_regions)]
    pub licensed_regions: Option<Vec<String>>,
    pub accepting_new_patients: Option<bool>,
    #[schema(schema_with = schema::languages)]
    pub languages: Option<Vec<String>>,
    #[schema(schema_with = schema::taper_approaches)]
    pub taper_approaches: Option<Vec<String>>,
    #[schema(schema_with = schema::criteria)]
    pub criteria: Option<Vec<String>>,
    /// Codes from `payment_options` in the vocabulary; absent means "ask the practice".
    #[schema(schema_with = schema::payment_options)]
    pub payment_options: Option<Vec<String>>,
    /// Private insurers' names, each 2 to 80 characters, at most 20.
    #[schema(schema_with = schema::insurers)]
    pub insurers: Option<Vec<String>>,
    pub self_pay_first_visit: Option<PriceInput>,
    pub self_pay_follow_up: Option<PriceInput>,
    #[validate(range(min = 1, max = 50, message = "must be a whole number from 1 to 50"))]
    #[schema(schema_with = schema::max_monthly_reduction_pct)]
    #[serde(default, deserialize_with = "whole_number::optional")]
    pub max_monthly_reduction_pct: Option<i64>,
    #[validate(nested)]
    pub answers: Option<Answers>,
    #[validate(length(max = 4000, message = "must be at most 4000 characters"))]
    #[schema(schema_with = schema::statement)]
    pub statement: Option<String>,
    /// Left empty by people; a filled one marks a bot and is silently dropped.
    #[schema(schema_with = schema::website_url_confirm)]
    pub website_url_confirm: Option<String>,
    /// Read-only, as `GET /api/v1/manage` gives it, so that its `listing`
    /// can be sent back as it came: other than `given`, the coordinates sent
    /// with it were found from the address, and are found from it again.
    #[serde(default, skip_serializing)]
    #[schema(read_only)]
    pub location_source: Option<LocationSource>,
    /// Read-only, as `GET /api/v1/manage` gives it: `true` means the family
    /// and given names sent with it were derived from `full_name`, and are
    /// derived from it again.
    #[serde(default, skip_serializing)]
    #[schema(read_only)]
    pub names_derived: Option<bool>,
}

/// Whether a listing names a real clinician or one of the fictional demo people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provenance {
    Clinician,
    Demo,
}

pub use super::location::LocationSource;

/// What a listing says in public: everything a clinician sends except the
/// private contact email and how the location was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ListingDetails {
    pub full_name: String,
    /// Empty only in content stored before names were asked, until
    /// `db::names::derive_missing` runs.
    #[serde(default)]
    pub family_name: String,
    /// Separated by single spaces; may be empty.
    #[serde(default)]
    pub given_names: String,
    /// The two names above were derived from `full_name`, not given: moderators check them.
    #[serde(default)]
    pub names_derived: bool,
    pub credentials: Option<String>,
    pub profession: String,
    pub specialty: String,
    pub taxonomy_code: Option<String>,
    pub npi: Option<String>,
    pub practice_name: Option<String>,
    pub address_line: Option<String>,
    pub city: String,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub country: String,
    pub latitude: f64,
    pub longitude: f64,
    /// The main number: the first voice one of `phones`.
    pub phone: Option<String>,
    /// Every number with its kind.
    #[serde(default)]
    pub phones: Vec<Phone>,
    /// In the week's order.
    #[serde(default)]
    pub opening_hours: Vec<OpeningHours>,
    /// Further places, in the clinician's order; none in listings from before they were asked.
    #[serde(default)]
    pub other_locations: Vec<PracticeLocation>,
    pub website: Option<String>,
    pub public_email: Option<String>,
    pub telehealth: bool,
    pub licensed_regions: Vec<String>,
    pub accepting_new_patients: bool,
    pub languages: Vec<String>,
    pub taper_approaches: Vec<String>,
    pub criteria: Vec<String>,
    /// Empty in listings from before payment was asked: "ask the practice".
    #[serde(default)]
    pub payment_options: Vec<String>,
    #[serde(default)]
    pub insurers: Vec<String>,
    #[serde(default)]
    pub self_pay_first_visit: Option<PriceRange>,
    #[serde(default)]
    pub self_pay_follow_up: Option<PriceRange>,
    pub max_monthly_reduction_pct: Option<u8>,
    pub answers: Answers,
    pub statement: Option<String>,
}

/// The content of a listing after parsing: every rule of `NewListing::parse` holds.
/// Stored as JSON, both for submissions and for the approved public version,
/// with the details' fields at the top level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ListingContent {
    #[serde(flatten)]
    pub details: ListingDetails,
    pub location_source: LocationSource,
    /// Private: only moderators and the clinician see it.
    pub contact_email: String,
}

/// A listing's content reads as its details, which is what most code wants.
impl std::ops::Deref for ListingContent {
    type Target = ListingDetails;

    fn deref(&self) -> &ListingDetails {
        &self.details
    }
}

impl ListingContent {
    /// The coded fields an import left empty for a moderator to choose
    /// before the listing can be approved.
    pub fn to_be_chosen(&self) -> Vec<&'static str> {
        [(TO_BE_CHOSEN_PROFESSION, &self.profession), (TO_BE_CHOSEN_SPECIALTY, &self.specialty)]
            .into_iter()
            .filter(|(_, code)| code.is_empty())
            .map(|(field, _)| field)
            .collect()
    }

    /// Fills the fields left to be chosen from `choices`; names each one
    /// still missing or not a known code. Returns whether anything changed.
    pub fn choose(&mut self, choices: &Choices) -> Result<bool, AppError> {
        let mut errors = FieldErrors::new();
        let to_be_chosen = self.to_be_chosen();
        for field in &to_be_chosen {
            let (chosen, known, slot) = match *field {
                TO_BE_CHOSEN_PROFESSION => {
                    let chosen = choices.profession.as_deref().map(str::trim);
                    (
                        chosen,
                        chosen.is_some_and(|code| vocabulary::profession(code).is_some()),
                        &mut self.details.profession,
                    )
                }
                _ => {
                    let chosen = choices.specialty.as_deref().map(str::trim);
                    let known = chosen.is_some_and(|code| vocabulary::find(vocabulary::SPECIALTIES, code).is_some());
                    (chosen, known, &mut self.details.specialty)
                }
            };
            match chosen {
                Some(code) if known => *slot = code.to_string(),
                _ => errors.add(field, Text::new("field-error-to-be-chosen")),
            }
        }
        errors.finish(Some(!to_be_chosen.is_empty()))
    }

    pub fn prescriber(&self) -> bool {
        vocabulary::profession(&self.profession).is_some_and(|p| p.prescriber)
    }

    /// Every red-flag phrase in the answers and statement, with the field it is in.
    pub fn red_flags(&self) -> Vec<RedFlag> {
        let answers = self.answers.iter().map(|(code, text)| (format!("answers.{code}"), text));
        let statement = self.statement.as_deref().map(|s| ("statement".to_string(), s));
        answers
            .chain(statement)
            .flat_map(|(field, text)| {
                vocabulary::red_flags_in(text)
                    .into_iter()
                    .map(move |phrase| RedFlag { field: field.clone(), phrase: phrase.to_string() })
            })
            .collect()
    }
}

/// A name or city as moderators' look-ups compare it: lower case, single spaces.
pub fn lookup_key(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// What a search result shows of a listing: public fields only. Kept beside
/// the approved content so the search index can load without parsing it all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListingSummary {
    pub demo: bool,
    pub full_name: String,
    /// The next four are absent in summaries stored before FHIR searched them.
    #[serde(default)]
    pub family_name: String,
    #[serde(default)]
    pub given_names: String,
    #[serde(default)]
    pub postal_code: Option<String>,
    #[serde(default)]
    pub taxonomy_code: Option<String>,
    pub credentials: Option<String>,
    pub profession: String,
    pub prescriber: bool,
    pub specialty: String,
    pub practice_name: Option<String>,
    /// Absent in summaries stored before cards showed it; the migration
    /// `summaries_phone` adds it to those.
    #[serde(default)]
    pub phone: Option<String>,
    pub city: String,
    pub region: Option<String>,
    pub country: String,
    pub latitude: f64,
    pub longitude: f64,
    pub telehealth: bool,
    pub licensed_regions: Vec<String>,
    pub accepting_new_patients: bool,
    pub languages: Vec<String>,
    pub taper_approaches: Vec<String>,
    pub criteria: Vec<String>,
    /// Absent in summaries stored before payment was asked.
    #[serde(default)]
    pub payment_options: Vec<String>,
    /// The day the clinician last confirmed the details; absent in summaries
    /// stored before confirmation was asked.
    #[serde(default)]
    pub confirmed_on: Option<chrono::NaiveDate>,
    /// The listing's further places; absent in summaries stored before there were any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_locations: Vec<PlaceSummary>,
}

/// What a search result shows of one further place, when it is the nearest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceSummary {
    pub city: String,
    pub region: Option<String>,
    pub country: String,
    pub latitude: f64,
    pub longitude: f64,
}

impl PlaceSummary {
    fn of(place: &PracticeLocation) -> PlaceSummary {
        PlaceSummary {
            city: place.city.clone(),
            region: place.region.clone(),
            country: place.country.clone(),
            latitude: place.latitude,
            longitude: place.longitude,
        }
    }
}

impl ListingSummary {
    pub fn of(content: &ListingContent, demo: bool) -> ListingSummary {
        ListingSummary {
            demo,
            full_name: content.full_name.clone(),
            family_name: content.family_name.clone(),
            given_names: content.given_names.clone(),
            postal_code: content.postal_code.clone(),
            taxonomy_code: content.taxonomy_code.clone(),
            credentials: content.credentials.clone(),
            profession: content.profession.clone(),
            prescriber: content.prescriber(),
            specialty: content.specialty.clone(),
            practice_name: content.practice_name.clone(),
            phone: content.phone.clone(),
            city: content.city.clone(),
            region: content.region.clone(),
            country: content.country.clone(),
            latitude: content.latitude,
            longitude: content.longitude,
            telehealth: content.telehealth,
            licensed_regions: content.licensed_regions.clone(),
            accepting_new_patients: content.accepting_new_patients,
            languages: content.languages.clone(),
            taper_approaches: content.taper_approaches.clone(),
            criteria: content.criteria.clone(),
            payment_options: content.payment_options.clone(),
            confirmed_on: None,
            other_locations: content.other_locations.iter().map(PlaceSummary::of).collect(),
        }
    }

    /// A plain physician's summary at a place, for unit tests to vary.
    #[cfg(test)]
    pub fn example(full_name: &str, latitude: f64, longitude: f64) -> ListingSummary {
        ListingSummary {
            demo: false,
            full_name: full_name.to_string(),
            family_name: full_name.rsplit(' ').next().unwrap_or(full_name).to_string(),
            given_names: String::new(),
            postal_code: None,
            taxonomy_code: None,
            credentials: None,
            profession: "physician".to_string(),
            prescriber: true,
            specialty: "psychiatry".to_string(),
            practice_name: None,
            phone: None,
            city: "Portland".to_string(),
            region: None,
            country: "US".to_string(),
            latitude,
            longitude,
            telehealth: true,
            licensed_regions: Vec::new(),
            accepting_new_patients: true,
            languages: Vec::new(),
            taper_approaches: vec!["micro_taper".to_string()],
            criteria: Vec::new(),
            payment_options: Vec::new(),
            confirmed_on: None,
            other_locations: Vec::new(),
        }
    }
}

/// A red-flag phrase found in one field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RedFlag {
    pub field: String,
    pub phrase: String,
}

/// The fields a listing read from another list may leave for later.
#[derive(Debug, Clone, Default)]
pub struct Gaps {
    /// `profession` and `specialty`, when nothing in the source named them.
    pub to_be_chosen: Vec<&'static str>,
    /// No email anywhere in the source: the listing waits for its clinician to claim it.
    pub unclaimed: bool,
}

/// What a moderator chose for the fields an import left to be chosen.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct Choices {
    /// A profession code, for a listing whose profession is to be chosen.
    pub profession: Option<String>,
    /// A specialty code, for a listing whose specialty is to be chosen.
    pub specialty: Option<String>,
}

pub const TO_BE_CHOSEN_PROFESSION: &str = "profession";
pub const TO_BE_CHOSEN_SPECIALTY: &str = "specialty";

/// A listing that has passed every rule; the only way in is `parse`.
#[derive(Debug, Clone)]
pub struct NewListing(ListingContent);

/// What parsing a submission can give.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // made once per request and matched at once
pub enum Parsed {
    Listing(NewListing),
    /// The honeypot was filled: accept politely, keep nothing.
    Honeypot,
}

// The patterns are constants: they compile, or no test would pass.
#[expect(clippy::unwrap_used, reason = "a literal pattern")]
static TAXONOMY: LazyLock<Regex> = LazyLock::new(|| Regex::new(schema::TAXONOMY_PATTERN).unwrap());

/// Whether `code` has the form of a NUCC provider taxonomy code, such as `2084P0800X`.
pub fn is_taxonomy_code(code: &str) -> bool {
    TAXONOMY.is_match(code)
}

/// Who the clinician is: name, profession and specialty.
struct Practitioner {
    full_name: String,
    names: PersonName,
    names_derived: bool,
    profession: String,
    specialty: String,
}

/// The coded lists of a listing, each in its canonical order.
struct Codes {
    licensed_regions: Vec<String>,
    languages: Vec<String>,
    taper_approaches: Vec<String>,
    criteria: Vec<String>,
}

impl NewListing {
    /// Turns a clinician's input into listing content, or names every bad field.
    pub fn parse(input: ListingInput, gazetteer: &Gazetteer) -> Result<Parsed, AppError> {
        if input.website_url_confirm.as_deref().is_some_and(|v| !v.trim().is_empty()) {
            return Ok(Parsed::Honeypot);
        }
        let input = input.normalized().without_derived_values();
        let mut errors = FieldErrors::new();
        check_shape(&input, &mut errors);
        let practitioner = practitioner(&input, &mut errors);
        let (city, country, location) = main_address(&input, gazetteer, &mut errors);
        let other_locations = location::parse(input.other_locations.as_deref().unwrap_or(&[]), gazetteer, &mut errors);
        let contact_email = errors.require("contact_email", input.contact_email.clone());
        let codes = codes(&input, &mut errors);
        let phones = phone::parse(input.phone.as_deref(), input.phones.as_deref(), &mut errors);
        let opening_hours = hours::parse(input.opening_hours.as_deref(), &mut errors);
        let payment = payment(&input, &mut errors);
        // validator's errors come in no fixed order.
        errors.sort_by_field();
        // Each part is absent only when `errors` says why.
        let required = (|| Some((practitioner?, city?, country?, location?, contact_email?)))();
        let (practitioner, city, country, location, contact_email) = errors.finish(required)?;
        let details = ListingDetails {
            full_name: practitioner.full_name,
            family_name: practitioner.names.family,
            given_names: practitioner.names.given,
            names_derived: practitioner.names_derived,
            credentials: input.credentials,
            profession: practitioner.profession,
            specialty: practitioner.specialty,
            taxonomy_code: input.taxonomy_code,
            npi: input.npi,
            practice_name: input.practice_name,
            address_line: input.address_line,
            city,
            region: input.region,
            postal_code: input.postal_code,
            country,
            latitude: location.latitude,
            longitude: location.longitude,
            phone: phone::main_number(&phones),
            phones,
            opening_hours,
            other_locations,
            website: input.website,
            public_email: input.public_email,
            telehealth: input.telehealth.unwrap_or(false),
            licensed_regions: codes.licensed_regions,
            accepting_new_patients: input.accepting_new_patients.unwrap_or(false),
            languages: codes.languages,
            taper_approaches: codes.taper_approaches,
            criteria: codes.criteria,
            payment_options: payment.options,
            insurers: payment.insurers,
            self_pay_first_visit: payment.first_visit,
            self_pay_follow_up: payment.follow_up,
            max_monthly_reduction_pct: input.max_monthly_reduction_pct.and_then(|pct| u8::try_from(pct).ok()),
            answers: input.answers.unwrap_or_default(),
            statement: input.statement,
        };
        Ok(Parsed::Listing(NewListing(ListingContent { details, location_source: location.source, contact_email })))
    }

    /// Parses a listing read from another list, where some of what a
    /// submission requires may be missing: the fields `gaps` names are
    /// checked as if filled, then left empty for a moderator to choose (a
    /// profession or specialty) or a clinician to claim (the contact email).
    pub fn parse_with_gaps(mut input: ListingInput, gazetteer: &Gazetteer, gaps: &Gaps) -> Result<Parsed, AppError> {
        for field in &gaps.to_be_chosen {
            match *field {
                TO_BE_CHOSEN_PROFESSION => input.profession = Some("physician".to_string()),
                _ => input.specialty = Some("other".to_string()),
            }
        }
        if gaps.unclaimed {
            input.contact_email = Some("unclaimed@example.invalid".to_string());
        }
        let parsed = NewListing::parse(input, gazetteer)?;
        let Parsed::Listing(NewListing(mut content)) = parsed else { return Ok(parsed) };
        for field in &gaps.to_be_chosen {
            match *field {
                TO_BE_CHOSEN_PROFESSION => content.details.profession.clear(),
                _ => content.details.specialty.clear(),
            }
        }
        if gaps.unclaimed {
            content.contact_email.clear();
        }
        Ok(Parsed::Listing(NewListing(content)))
    }

    pub fn content(&self) -> &ListingContent {
        &self.0
    }

    pub fn into_content(self) -> ListingContent {
        self.0
    }
}

/// Embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069)
/// make a name read otherwise than it is stored, so that one listing can pass
/// for another; no name needs them.
fn reorders_text(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
}

/// validator's rules, single lines and the web address.
fn check_shape(input: &ListingInput, errors: &mut FieldErrors) {
    if let Err(shape) = input.validate() {
        errors.extend(validation_errors(&shape, ""));
    }
    check_single_lines(input, errors);
    check_website(input, errors);
}

fn check_single_lines(input: &ListingInput, errors: &mut FieldErrors) {
    let insurers = input.insurers.iter().flatten().map(|name| ("insurers".to_string(), Some(name.as_str())));
    let places = input.other_locations.iter().flatten().enumerate().flat_map(|(index, place)| {
        let fields = place.single_line_fields();
        fields.map(|(field, value)| (format!("other_locations[{index}].{field}"), value))
    });
    let main = input.single_line_fields().map(|(field, value)| (field.to_string(), value));
    for (field, value) in main.into_iter().chain(insurers).chain(places) {
        let field = field.as_str();
        if value.is_some_and(|v| v.chars().any(char::is_control)) {
            errors.add(field, Text::new("field-error-single-line"));
        } else if value.is_some_and(reorders_text) {
            errors.add(field, Text::new("field-error-direction-controls"));
        }
    }
}

fn check_website(input: &ListingInput, errors: &mut FieldErrors) {
    if let Some(website) = &input.website {
        let web_address = url::Url::parse(website)
            .is_ok_and(|address| matches!(address.scheme(), "http" | "https") && address.host_str().is_some());
        if !web_address {
            errors.add("website", Text::new("field-error-web-address"));
        }
    }
}

fn practitioner(input: &ListingInput, errors: &mut FieldErrors) -> Option<Practitioner> {
    let full_name = errors.require("full_name", input.full_name.clone());
    let profession = errors
        .require("profession", input.profession.as_deref())
        .and_then(|code| errors.code("profession", code, |code| vocabulary::profession(code).map(|term| term.code)));
    let specialty = errors.require("specialty", input.specialty.as_deref()).and_then(|code| {
        errors.code("specialty", code, |code| vocabulary::find(vocabulary::SPECIALTIES, code).map(|term| term.code))
    });
    if input.taxonomy_code.as_deref().is_some_and(|code| !TAXONOMY.is_match(code)) {
        errors.add("taxonomy_code", Text::new("field-error-taxonomy-code"));
    }
    if input.npi.as_deref().is_some_and(|number| !npi::is_valid(number)) {
        errors.add("npi", Text::new("field-error-npi"));
    }
    let full_name = full_name?;
    let (names, names_derived) = match &input.family_name {
        Some(family) => {
            let given = input.given_names.as_deref().unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
            (PersonName { family: family.clone(), given }, false)
        }
        None => (person_name::derive(&full_name), true),
    };
    Some(Practitioner {
        full_name,
        names,
        names_derived,
        profession: profession?.to_string(),
        specialty: specialty?.to_string(),
    })
}

/// The main address's city and country, and its point on the map.
fn main_address(
    input: &ListingInput,
    gazetteer: &Gazetteer,
    errors: &mut FieldErrors,
) -> (Option<String>, Option<String>, Option<Point>) {
    let address = AddressFields {
        prefix: String::new(),
        city: input.city.as_deref(),
        region: input.region.as_deref(),
        postal_code: input.postal_code.as_deref(),
        country: input.country.as_deref(),
        latitude: input.latitude,
        longitude: input.longitude,
    };
    let (city, country) = address.city_and_country(errors);
    let point = address.point(city.as_deref(), country.as_deref(), gazetteer, errors);
    (city, country, point)
}

fn payment(input: &ListingInput, errors: &mut FieldErrors) -> Payment {
    payment::parse(
        input.payment_options.as_deref(),
        input.insurers.as_deref(),
        input.self_pay_first_visit.as_ref(),
        input.self_pay_follow_up.as_ref(),
        errors,
    )
}

fn codes(input: &ListingInput, errors: &mut FieldErrors) -> Codes {
    let listed = |list: &Option<Vec<String>>| list.clone().unwrap_or_default();
    let known = |check: fn(&str) -> bool| move |code: &str| check(code).then(|| code.to_string());
    let licensed_regions = errors.codes(
        "licensed_regions",
        listed(&input.licensed_regions).iter().map(String::as_str),
        known(iso::is_subdivision),
    );
    // ISO 639-3 codes are kept as ISO 639-1 codes where the language has one.
    let language = |code: &str| iso::language_code(code).map(str::to_string);
    let mut languages = errors.codes("languages", listed(&input.languages).iter().map(String::as_str), language);
    if languages.is_empty() {
        languages.push("en".to_string());
    }
    Codes {
        licensed_regions,
        languages,
        taper_approaches: in_vocabulary(
            &input.taper_approaches,
            "taper_approaches",
            vocabulary::TAPER_APPROACHES,
            errors,
        ),
        criteria: in_vocabulary(&input.criteria, "criteria", vocabulary::CRITERIA, errors),
    }
}

/// The known codes of a list, in the vocabulary's order.
fn in_vocabulary(
    list: &Option<Vec<String>>,
    field: &str,
    terms: &'static [vocabulary::Term],
    errors: &mut FieldErrors,
) -> Vec<String> {
    let values = list.iter().flatten().map(String::as_str);
    let found = errors.codes(field, values, |code| vocabulary::find(terms, code).map(|term| term.code));
    terms.iter().filter(|term| found.contains(&term.code)).map(|term| term.code.to_string()).collect()
}

impl ListingInput {
    fn single_line_fields(&self) -> [(&'static str, Option<&str>); 9] {
        [
            ("full_name", self.full_name.as_deref()),
            ("family_name", self.family_name.as_deref()),
            ("given_names", self.given_names.as_deref()),
            ("credentials", self.credentials.as_deref()),
            ("practice_name", self.practice_name.as_deref()),
            ("address_line", self.address_line.as_deref()),
            ("city", self.city.as_deref()),
            ("phone", self.phone.as_deref()),
            ("website", self.website.as_deref()),
        ]
    }

    /// Drops what a listing read back from the API derived rather than was
    /// given, so that it is derived again from what may have changed.
    fn without_derived_values(mut self) -> Self {
        if self.location_source.take().is_some_and(|source| source != LocationSource::Given) {
            (self.latitude, self.longitude) = (None, None);
        }
        if self.names_derived.take() == Some(true) {
            (self.family_name, self.given_names) = (None, None);
        }
        self
    }

    /// Trims every text, turns blanks into absent values, and puts codes in
    /// their canonical case, so that the rules see what a person meant.
    fn normalized(mut self) -> Self {
        fn clean(value: &mut Option<String>) {
            *value = value.take().map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        }
        fn clean_list(list: &mut Option<Vec<String>>, case: fn(&str) -> String) {
            if let Some(items) = list {
                let mut seen = Vec::new();
                for item in items.drain(..).map(|i| case(i.trim())).filter(|i| !i.is_empty()) {
                    if !seen.contains(&item) {
                        seen.push(item);
                    }
                }
                *items = seen;
            }
        }
        for field in [
            &mut self.full_name,
            &mut self.family_name,
            &mut self.given_names,
            &mut self.credentials,
            &mut self.profession,
            &mut self.specialty,
            &mut self.taxonomy_code,
            &mut self.npi,
            &mut self.practice_name,
            &mut self.address_line,
            &mut self.city,
            &mut self.region,
            &mut self.postal_code,
            &mut self.country,
            &mut self.phone,
            &mut self.website,
            &mut self.public_email,
            &mut self.contact_email,
            &mut self.statement,
        ] {
            clean(field);
        }
        for field in [&mut self.country, &mut self.region, &mut self.taxonomy_code] {
            *field = field.take().map(|v| v.to_ascii_uppercase());
        }
        if let Some(answers) = &mut self.answers {
            clean(&mut answers.typical_duration);
            clean(&mut answers.dependence_plan);
            clean(&mut answers.slow_taper);
        }
        self.other_locations =
            self.other_locations.take().map(|places| places.into_iter().map(LocationInput::normalized).collect());
        clean_list(&mut self.licensed_regions, |s| s.to_ascii_uppercase());
        clean_list(&mut self.languages, |s| s.to_ascii_lowercase());
        clean_list(&mut self.taper_approaches, str::to_string);
        clean_list(&mut self.criteria, str::to_string);
        self
    }
}

/// Flattens validator's nested errors into one message per field.
fn validation_errors(errors: &ValidationErrors, prefix: &str) -> Vec<FieldError> {
    let mut out = Vec::new();
    for (field, kind) in errors.errors() {
        let name = format!("{prefix}{field}");
        match kind {
            ValidationErrorsKind::Field(list) => {
                if let Some(first) = list.first() {
                    out.push(field_error(&name, first));
                }
            }
            ValidationErrorsKind::Struct(inner) => out.extend(validation_errors(inner, &format!("{name}."))),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    out.extend(validation_errors(inner, &format!("{name}[{index}].")));
                }
            }
        }
    }
    out
}

/// validator's error as the catalogue's message that says the same in English;
/// the English alone when the catalogue has no such message.
fn field_error(field: &str, error: &ValidationError) -> FieldError {
    let message = error.message.as_deref().unwrap_or("is not valid");
    // Bounds are literals such as 120 or -90.0, written as the messages write them: 120, -90.
    let bound = |name: &str| error.params.get(name).and_then(serde_json::Value::as_f64).map(|n| n.to_string());
    let between =
        |id: &'static str, min: &str, max: &str| Text::new(id).arg("min", min.to_string()).arg("max", max.to_string());
    let candidates = match (error.code.as_ref(), bound("min"), bound("max")) {
        ("length", None, Some(max)) => vec![Text::new("field-error-too-long").arg("max", max)],
        ("length", Some(min), Some(max)) => vec![between("field-error-length-between", &min, &max)],
        // Whole numbers and coordinates are worded differently.
        ("range", Some(min), Some(max)) => {
            vec![between("field-error-between", &min, &max), between("field-error-whole-number-between", &min, &max)]
        }
        ("email", ..) => vec![Text::new("field-error-email")],
        _ => Vec::new(),
    };
    candidates
        .into_iter()
        .find(|text| Lang::En.text(text) == message)
        .map_or_else(|| FieldError::untranslated(field, message), |text| FieldError::new(field, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validators_messages_come_from_the_catalogue_in_the_same_english() {
        let input = ListingInput {
            full_name: Some("x".into()),
            credentials: Some("x".repeat(61)),
            latitude: Some(91.0),
            contact_email: Some("nobody".into()),
            max_monthly_reduction_pct: Some(0),
            answers: Some(Answers { slow_taper: Some("x".repeat(2001)), ..Answers::default() }),
            ..ListingInput::default()
        };
        let Err(shape) = input.validate() else { panic!("expected validator's errors") };
        let mut found: Vec<String> = validation_errors(&shape, "")
            .iter()
            .map(|error| format!("{}: {} | {}", error.field, error.message, error.message_in(Lang::Es)))
            .collect();
        found.sort();
        assert_eq!(
            found,
            [
                "answers.slow_taper: must be at most 2000 characters | debe tener como máximo 2000 caracteres",
                "contact_email: must be an email address | debe ser una dirección de correo electrónico",
                "credentials: must be at most 60 characters | debe tener como máximo 60 caracteres",
                "full_name: must be 2 to 120 characters | debe tener entre 2 y 120 caracteres",
                "latitude: must be between -90 and 90 | debe estar entre -90 y 90",
                "max_monthly_reduction_pct: must be a whole number from 1 to 50 | debe ser un número entero del 1 al 50",
            ]
        );
    }

    #[test]
    fn a_validator_message_the_catalogue_lacks_keeps_its_english() {
        let error = ValidationError::new("range").with_message("must be odd".into());
        assert_eq!(field_error("x", &error).message_in(Lang::Es), "must be odd");
    }
}
