//! Where a clinician practises: the checks an address and its point go
//! through, for the listing's main address and for each further place
//! (`other_locations`), which has its own address, point and phone.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::phone::is_phone_number;
use super::{schema, FieldErrors};
use crate::i18n::Text;
use crate::places::{iso, Gazetteer, Place};

/// The most places a listing may name, its main address included.
pub const MAX_LOCATIONS: usize = 5;

/// Where a point's coordinates came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LocationSource {
    Given,
    PostalCode,
    City,
}

/// A further place as a clinician sends it; as for the main address, an absent country is `US`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LocationInput {
    /// The practice's name at this place, when it differs from the listing's.
    #[validate(length(max = 160, message = "must be at most 160 characters"))]
    #[schema(schema_with = schema::practice_name)]
    pub name: Option<String>,
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
    /// The voice number of this place.
    #[schema(schema_with = schema::phone)]
    pub phone: Option<String>,
    /// Read-only, as `GET /api/v1/manage` gives it: other than `given`, the
    /// coordinates sent with it are found again from the address.
    #[serde(default, skip_serializing)]
    #[schema(read_only)]
    pub location_source: Option<LocationSource>,
}

/// A further place, checked and on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PracticeLocation {
    pub name: Option<String>,
    pub address_line: Option<String>,
    pub city: String,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub country: String,
    pub latitude: f64,
    pub longitude: f64,
    pub location_source: LocationSource,
    pub phone: Option<String>,
}

/// A point on the map and how it was found.
pub struct Point {
    pub latitude: f64,
    pub longitude: f64,
    pub source: LocationSource,
}

/// The address fields of one place, as sent, and the prefix that names
/// them in errors (`""` for the main address, `other_locations[1].`).
pub struct AddressFields<'a> {
    pub prefix: String,
    pub city: Option<&'a str>,
    pub region: Option<&'a str>,
    pub postal_code: Option<&'a str>,
    pub country: Option<&'a str>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

// The patterns are constants: they compile, or no test would pass.
#[expect(clippy::unwrap_used, reason = "a literal pattern")]
static US_POSTAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(schema::US_POSTAL_PATTERN).unwrap());
#[expect(clippy::unwrap_used, reason = "a literal pattern")]
static OTHER_POSTAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(schema::OTHER_POSTAL_PATTERN).unwrap());

impl AddressFields<'_> {
    fn field(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// The city, and the country when it is a known one (`US` when not
    /// given); the region and postal code are checked against it.
    pub fn city_and_country(&self, errors: &mut FieldErrors) -> (Option<String>, Option<String>) {
        let city = errors.require(&self.field("city"), self.city.map(str::to_string));
        let country = self.country.unwrap_or("US").to_string();
        if !iso::is_country(&country) {
            let (api, page) = (Text::new("field-error-country-code"), Text::new("field-error-country-in-words"));
            errors.add_worded(&self.field("country"), api, page);
            return (city, None);
        }
        if self.region.is_some_and(|region| !iso::is_region_of(&country, region)) {
            let (api, page) = (Text::new("field-error-region-code"), Text::new("field-error-region-in-words"));
            errors.add_worded(&self.field("region"), api, page);
        }
        if let Some(postal) = self.postal_code {
            if country == "US" && !US_POSTAL.is_match(postal) {
                errors.add(&self.field("postal_code"), Text::new("field-error-us-zip-code"));
            } else if country != "US" && !OTHER_POSTAL.is_match(postal) {
                errors.add(&self.field("postal_code"), Text::new("field-error-postal-code"));
            }
        }
        (city, Some(country))
    }

    /// The coordinates given, or else those of the US ZIP code, or else of the city.
    pub fn point(
        &self,
        city: Option<&str>,
        country: Option<&str>,
        gazetteer: &Gazetteer,
        errors: &mut FieldErrors,
    ) -> Option<Point> {
        match (self.latitude, self.longitude) {
            (Some(latitude), Some(longitude)) => Some(Point { latitude, longitude, source: LocationSource::Given }),
            (Some(_), None) => {
                errors.add(&self.field("longitude"), Text::new("field-error-longitude-with-latitude"));
                None
            }
            (None, Some(_)) => {
                errors.add(&self.field("latitude"), Text::new("field-error-latitude-with-longitude"));
                None
            }
            // A missing city or unknown country is already named.
            (None, None) => self.found(city?, country?, gazetteer, errors),
        }
    }

    fn found(&self, city: &str, country: &str, gazetteer: &Gazetteer, errors: &mut FieldErrors) -> Option<Point> {
        let at = |place: Place, source| Point { latitude: place.lat, longitude: place.lon, source };
        let by_postal_code = self
            .postal_code
            .filter(|_| country == "US")
            .and_then(|zip| gazetteer.zip(zip))
            .map(|place| at(place, LocationSource::PostalCode));
        let found = by_postal_code
            .or_else(|| gazetteer.city(city, self.region, country).map(|place| at(place, LocationSource::City)));
        if found.is_none() {
            let page = Text::new("field-error-city-not-on-map-in-words");
            errors.add_worded(&self.field("city"), Text::new("field-error-city-not-on-map"), page);
        }
        found
    }
}

impl LocationInput {
    /// Trims every text, turns blanks into absent values and puts codes in
    /// their canonical case; coordinates that were found rather than given
    /// are dropped, to be found again from what may have changed.
    pub fn normalized(mut self) -> Self {
        for field in [
            &mut self.name,
            &mut self.address_line,
            &mut self.city,
            &mut self.region,
            &mut self.postal_code,
            &mut self.country,
            &mut self.phone,
        ] {
            *field = field.take().map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        }
        for field in [&mut self.country, &mut self.region] {
            *field = field.take().map(|v| v.to_ascii_uppercase());
        }
        if self.location_source.take().is_some_and(|source| source != LocationSource::Given) {
            (self.latitude, self.longitude) = (None, None);
        }
        self
    }

    /// The fields that must hold one line of text, with their names.
    pub fn single_line_fields(&self) -> [(&'static str, Option<&str>); 4] {
        [
            ("name", self.name.as_deref()),
            ("address_line", self.address_line.as_deref()),
            ("city", self.city.as_deref()),
            ("phone", self.phone.as_deref()),
        ]
    }

    fn address(&self, index: usize) -> AddressFields<'_> {
        AddressFields {
            prefix: format!("other_locations[{index}]."),
            city: self.city.as_deref(),
            region: self.region.as_deref(),
            postal_code: self.postal_code.as_deref(),
            country: self.country.as_deref(),
            latitude: self.latitude,
            longitude: self.longitude,
        }
    }
}

/// The further places, each checked as the main address is, at most
/// `MAX_LOCATIONS - 1`; each bad part is named (`other_locations[1].city`).
/// `sent` must be normalized.
pub fn parse(sent: &[LocationInput], gazetteer: &Gazetteer, errors: &mut FieldErrors) -> Vec<PracticeLocation> {
    if sent.len() >= MAX_LOCATIONS {
        let most = (MAX_LOCATIONS - 1).to_string();
        errors.add("other_locations", Text::new("field-error-too-many-locations").arg("max", most));
    }
    let mut places = Vec::new();
    for (index, input) in sent.iter().enumerate() {
        let address = input.address(index);
        let (city, country) = address.city_and_country(errors);
        let point = address.point(city.as_deref(), country.as_deref(), gazetteer, errors);
        if input.phone.as_deref().is_some_and(|number| !is_phone_number(number)) {
            errors.add(&format!("other_locations[{index}].phone"), Text::new("field-error-phone"));
        }
        let (Some(city), Some(country), Some(point)) = (city, country, point) else { continue };
        places.push(PracticeLocation {
            name: input.name.clone(),
            address_line: input.address_line.clone(),
            city,
            region: input.region.clone(),
            postal_code: input.postal_code.clone(),
            country,
            latitude: point.latitude,
            longitude: point.longitude,
            location_source: point.source,
            phone: input.phone.clone(),
        });
    }
    places
}
