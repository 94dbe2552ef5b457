//! A clinician's listing: the request shape (`ListingInput`), and the
//! trustworthy content (`NewListing`) that only `NewListing::parse` builds.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::{Validate, ValidationErrors, ValidationErrorsKind};

use super::{iso, npi, vocabulary};
use crate::domain::FieldError;
use crate::search::gazetteer::Gazetteer;

/// The answers to the three first-visit questions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    pub typical_duration: Option<String>,
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    pub dependence_plan: Option<String>,
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
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

/// A listing as a clinician sends it (SPEC §2). Every field is optional here
/// so that one request can be told about every missing or bad field at once.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ListingInput {
    #[validate(length(min = 2, max = 120, message = "must be 2 to 120 characters"))]
    pub full_name: Option<String>,
    #[validate(length(max = 60, message = "must be at most 60 characters"))]
    pub credentials: Option<String>,
    pub profession: Option<String>,
    pub specialty: Option<String>,
    pub taxonomy_code: Option<String>,
    pub npi: Option<String>,
    #[validate(length(max = 160, message = "must be at most 160 characters"))]
    pub practice_name: Option<String>,
    #[validate(length(max = 200, message = "must be at most 200 characters"))]
    pub address_line: Option<String>,
    #[validate(length(max = 100, message = "must be at most 100 characters"))]
    pub city: Option<String>,
    pub region: Option<String>,
    #[validate(length(max = 12, message = "must be at most 12 characters"))]
    pub postal_code: Option<String>,
    pub country: Option<String>,
    #[validate(range(min = -90.0, max = 90.0, message = "must be between -90 and 90"))]
    pub latitude: Option<f64>,
    #[validate(range(min = -180.0, max = 180.0, message = "must be between -180 and 180"))]
    pub longitude: Option<f64>,
    pub phone: Option<String>,
    #[validate(length(max = 300, message = "must be at most 300 characters"))]
    pub website: Option<String>,
    #[validate(email(message = "must be an email address"))]
    pub public_email: Option<String>,
    #[validate(email(message = "must be an email address"))]
    pub contact_email: Option<String>,
    pub telehealth: Option<bool>,
    pub licensed_regions: Option<Vec<String>>,
    pub accepting_new_patients: Option<bool>,
    pub languages: Option<Vec<String>>,
    pub taper_approaches: Option<Vec<String>>,
    pub criteria: Option<Vec<String>>,
    #[validate(range(min = 1, max = 50, message = "must be a whole number from 1 to 50"))]
    pub max_monthly_reduction_pct: Option<i64>,
    #[validate(nested)]
    pub answers: Option<Answers>,
    #[validate(length(max = 4000, message = "must be at most 4000 characters"))]
    pub statement: Option<String>,
    /// Left empty by people; a filled one marks a bot and is silently dropped.
    pub website_url_confirm: Option<String>,
}

/// Where a listing's coordinates came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LocationSource {
    Given,
    PostalCode,
    City,
}

/// The content of a listing after parsing: every rule of SPEC §2 holds.
/// Stored as JSON, both for submissions and for the approved public version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ListingContent {
    pub full_name: String,
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
    pub location_source: LocationSource,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub public_email: Option<String>,
    pub contact_email: String,
    pub telehealth: bool,
    pub licensed_regions: Vec<String>,
    pub accepting_new_patients: bool,
    pub languages: Vec<String>,
    pub taper_approaches: Vec<String>,
    pub criteria: Vec<String>,
    pub max_monthly_reduction_pct: Option<u8>,
    pub answers: Answers,
    pub statement: Option<String>,
}

impl ListingContent {
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
                vocabulary::red_flags_in(text).into_iter().map(move |phrase| RedFlag { field: field.clone(), phrase })
            })
            .collect()
    }
}

/// What a search result shows of a listing: public fields only. Kept beside
/// the approved content so the search index can load without parsing it all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListingSummary {
    pub demo: bool,
    pub full_name: String,
    pub credentials: Option<String>,
    pub profession: String,
    pub prescriber: bool,
    pub specialty: String,
    pub practice_name: Option<String>,
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
}

impl ListingSummary {
    pub fn of(content: &ListingContent, demo: bool) -> ListingSummary {
        ListingSummary {
            demo,
            full_name: content.full_name.clone(),
            credentials: content.credentials.clone(),
            profession: content.profession.clone(),
            prescriber: content.prescriber(),
            specialty: content.specialty.clone(),
            practice_name: content.practice_name.clone(),
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
        }
    }

    /// A plain physician's summary at a place, for unit tests to vary.
    #[cfg(test)]
    pub fn example(full_name: &str, latitude: f64, longitude: f64) -> ListingSummary {
        ListingSummary {
            demo: false,
            full_name: full_name.to_string(),
            credentials: None,
            profession: "physician".to_string(),
            prescriber: true,
            specialty: "psychiatry".to_string(),
            practice_name: None,
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
        }
    }
}

/// A red-flag phrase found in one field.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct RedFlag {
    pub field: String,
    pub phrase: &'static str,
}

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

static TAXONOMY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9]{3}[0-9A-Z]{6}X$").unwrap());
static US_POSTAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9]{5}(-[0-9]{4})?$").unwrap());
static OTHER_POSTAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9A-Za-z][0-9A-Za-z -]{0,10}[0-9A-Za-z]$").unwrap());

impl NewListing {
    /// Turns a clinician's input into listing content, or names every bad field.
    pub fn parse(input: ListingInput, gazetteer: &Gazetteer) -> Result<Parsed, Vec<FieldError>> {
        if input.website_url_confirm.as_deref().is_some_and(|v| !v.trim().is_empty()) {
            return Ok(Parsed::Honeypot);
        }
        let input = input.normalized();
        let mut errors = match input.validate() {
            Ok(()) => Vec::new(),
            Err(e) => validation_errors(&e, ""),
        };
        let mut fail = |field: &str, message: &str| errors.push(FieldError::new(field, message));

        for (field, value) in input.single_line_fields() {
            if value.is_some_and(|v| v.chars().any(char::is_control)) {
                fail(field, "must be a single line of text without control characters");
            }
        }
        let full_name = required(&input.full_name, "full_name", &mut fail);
        let profession = code_of(&input.profession, "profession", &mut fail, |c| vocabulary::profession(c).is_some());
        let specialty = code_of(&input.specialty, "specialty", &mut fail, |c| {
            vocabulary::find(vocabulary::SPECIALTIES, c).is_some()
        });
        if let Some(code) = &input.taxonomy_code {
            if !TAXONOMY.is_match(code) {
                fail("taxonomy_code", "must be a 10-character NUCC code like 2084P0800X");
            }
        }
        if let Some(number) = &input.npi {
            if !npi::is_valid(number) {
                fail("npi", "must be a 10-digit NPI with a valid check digit");
            }
        }
        let city = required(&input.city, "city", &mut fail);
        let country = input.country.clone().unwrap_or_else(|| "US".to_string());
        let country_ok = iso::is_country(&country);
        if !country_ok {
            fail("country", "must be an ISO 3166-1 alpha-2 code such as US, CA or GB");
        }
        if let Some(region) = &input.region {
            if country_ok && !iso::is_region_of(&country, region) {
                fail("region", "must be a state, province or region code such as OR");
            }
        }
        if let Some(postal) = &input.postal_code {
            let ok = if country == "US" { US_POSTAL.is_match(postal) } else { OTHER_POSTAL.is_match(postal) };
            if !ok {
                fail(
                    "postal_code",
                    if country == "US" {
                        "must be a US ZIP code: 12345 or 12345-6789"
                    } else {
                        "must be a postal code of letters, digits, spaces or hyphens"
                    },
                );
            }
        }
        if let Some(phone) = &input.phone {
            let allowed = phone.chars().all(|c| c.is_ascii_digit() || " +()-.".contains(c));
            let digits = phone.chars().filter(char::is_ascii_digit).count();
            let length = phone.chars().count();
            if !allowed || !(7..=25).contains(&length) || digits < 7 {
                fail("phone", "must be 7 to 25 characters of digits, spaces and + ( ) - .");
            }
        }
        if let Some(website) = &input.website {
            let ok = url::Url::parse(website)
                .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some());
            if !ok {
                fail("website", "must be a web address starting with http:// or https://");
            }
        }
        if input.contact_email.is_none() {
            fail("contact_email", "is required");
        }
        let licensed_regions = codes_of(&input.licensed_regions, "licensed_regions", &mut fail, iso::is_subdivision);
        let languages = match &input.languages {
            Some(list) if !list.is_empty() => {
                codes_of(&input.languages, "languages", &mut fail, iso::is_language).unwrap_or_else(|| list.clone())
            }
            _ => vec!["en".to_string()],
        };
        let taper_approaches =
            in_vocabulary(&input.taper_approaches, "taper_approaches", vocabulary::TAPER_APPROACHES, &mut fail);
        let criteria = in_vocabulary(&input.criteria, "criteria", vocabulary::CRITERIA, &mut fail);

        let location = match (input.latitude, input.longitude) {
            (Some(lat), Some(lon)) => Some((lat, lon, LocationSource::Given)),
            (Some(_), None) => {
                fail("longitude", "is required when latitude is given");
                None
            }
            (None, Some(_)) => {
                fail("latitude", "is required when longitude is given");
                None
            }
            (None, None) => {
                let by_postal = input
                    .postal_code
                    .as_deref()
                    .filter(|_| country == "US")
                    .and_then(|zip| gazetteer.zip(zip))
                    .map(|p| (p.lat, p.lon, LocationSource::PostalCode));
                let by_city = || {
                    city.as_deref()
                        .and_then(|c| gazetteer.city(c, input.region.as_deref(), &country))
                        .map(|p| (p.lat, p.lon, LocationSource::City))
                };
                let found = by_postal.or_else(by_city);
                if found.is_none() && city.is_some() && country_ok {
                    fail(
                        "city",
                        "could not be found on the map; check the city and postal code, or give latitude and longitude",
                    );
                }
                found
            }
        };

        if !errors.is_empty() {
            errors.sort_by(|a, b| a.field.cmp(&b.field));
            errors.dedup_by(|a, b| a.field == b.field);
            return Err(errors);
        }
        let (latitude, longitude, location_source) = location.expect("location checked above");
        Ok(Parsed::Listing(NewListing(ListingContent {
            full_name: full_name.expect("checked above"),
            credentials: input.credentials,
            profession: profession.expect("checked above"),
            specialty: specialty.expect("checked above"),
            taxonomy_code: input.taxonomy_code,
            npi: input.npi,
            practice_name: input.practice_name,
            address_line: input.address_line,
            city: city.expect("checked above"),
            region: input.region,
            postal_code: input.postal_code,
            country,
            latitude,
            longitude,
            location_source,
            phone: input.phone,
            website: input.website,
            public_email: input.public_email,
            contact_email: input.contact_email.expect("checked above"),
            telehealth: input.telehealth.unwrap_or(false),
            licensed_regions: licensed_regions.unwrap_or_default(),
            accepting_new_patients: input.accepting_new_patients.unwrap_or(false),
            languages,
            taper_approaches,
            criteria,
            max_monthly_reduction_pct: input.max_monthly_reduction_pct.map(|p| p as u8),
            answers: input.answers.unwrap_or_default(),
            statement: input.statement,
        })))
    }

    pub fn content(&self) -> &ListingContent {
        &self.0
    }

    pub fn into_content(self) -> ListingContent {
        self.0
    }
}

impl ListingInput {
    fn single_line_fields(&self) -> [(&'static str, Option<&str>); 7] {
        [
            ("full_name", self.full_name.as_deref()),
            ("credentials", self.credentials.as_deref()),
            ("practice_name", self.practice_name.as_deref()),
            ("address_line", self.address_line.as_deref()),
            ("city", self.city.as_deref()),
            ("phone", self.phone.as_deref()),
            ("website", self.website.as_deref()),
        ]
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
        clean_list(&mut self.licensed_regions, |s| s.to_ascii_uppercase());
        clean_list(&mut self.languages, |s| s.to_ascii_lowercase());
        clean_list(&mut self.taper_approaches, str::to_string);
        clean_list(&mut self.criteria, str::to_string);
        self
    }
}

fn required(value: &Option<String>, field: &str, fail: &mut impl FnMut(&str, &str)) -> Option<String> {
    if value.is_none() {
        fail(field, "is required");
    }
    value.clone()
}

fn code_of(
    value: &Option<String>,
    field: &str,
    fail: &mut impl FnMut(&str, &str),
    known: impl Fn(&str) -> bool,
) -> Option<String> {
    match value {
        None => {
            fail(field, "is required");
            None
        }
        Some(code) if known(code) => Some(code.clone()),
        Some(code) => {
            fail(field, &format!("'{code}' is not a known code; see /api/v1/vocabulary"));
            None
        }
    }
}

/// Checks each code of a list; `None` when any is bad (the failure names them).
fn codes_of(
    list: &Option<Vec<String>>,
    field: &str,
    fail: &mut impl FnMut(&str, &str),
    known: impl Fn(&str) -> bool,
) -> Option<Vec<String>> {
    let items = list.clone().unwrap_or_default();
    let unknown: Vec<&str> = items.iter().map(String::as_str).filter(|c| !known(c)).collect();
    if unknown.is_empty() {
        Some(items)
    } else {
        fail(field, &format!("unknown codes: {}", unknown.join(", ")));
        None
    }
}

/// Checks a list against a vocabulary and returns it in the vocabulary's order.
fn in_vocabulary(
    list: &Option<Vec<String>>,
    field: &str,
    terms: &'static [vocabulary::Term],
    fail: &mut impl FnMut(&str, &str),
) -> Vec<String> {
    let items = codes_of(list, field, fail, |c| vocabulary::find(terms, c).is_some()).unwrap_or_default();
    terms.iter().filter(|t| items.iter().any(|i| i == t.code)).map(|t| t.code.to_string()).collect()
}

/// Flattens validator's nested errors into one message per field.
fn validation_errors(errors: &ValidationErrors, prefix: &str) -> Vec<FieldError> {
    let mut out = Vec::new();
    for (field, kind) in errors.errors() {
        let name = format!("{prefix}{field}");
        match kind {
            ValidationErrorsKind::Field(list) => {
                if let Some(first) = list.first() {
                    let message = first.message.as_deref().unwrap_or("is not valid");
                    out.push(FieldError::new(&name, message));
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
