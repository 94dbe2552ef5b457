//! One public listing as HSDS 3.0 records: an organization (the practice,
//! or the clinician's own when none is named), a service (the taper support),
//! its locations (the main one first) with their addresses and a service at
//! each, phones, opening hours as schedules, languages, telehealth regions as service
//! areas, and the directory's terms as attributes.

use serde_json::{json, Value};

use super::ids::{Kind, ListingIds};
use super::taxonomy::{self, Group};
use super::values::{record, with};
use crate::app::listings::PublicListing;
use crate::app::Links;
use crate::domain::hours::OpeningHours;
use crate::domain::phone::{Phone, PhoneKind};
use crate::domain::vocabulary;
use crate::i18n::Lang;

/// A listing's records, one field per HSDS table it has rows in.
#[derive(Debug, Clone)]
pub struct ListingRecords {
    pub organization: Value,
    pub service: Value,
    /// The main place first, then each further one.
    pub locations: Vec<Value>,
    /// The addresses of those places that have a whole one, by `location_id`.
    pub addresses: Vec<Value>,
    pub phones: Vec<Value>,
    pub schedules: Vec<Value>,
    pub languages: Vec<Value>,
    pub service_areas: Vec<Value>,
    pub attributes: Vec<Value>,
    /// The service at each location, in the locations' order.
    pub services_at_location: Vec<Value>,
}

impl ListingRecords {
    pub fn of(listing: &PublicListing, ids: &ListingIds, links: &Links) -> ListingRecords {
        let (ids, number) = super::ids::identity(ids, listing.id, listing.import_key.as_deref());
        let ids = RecordIds { ids, number };
        let places = places(listing);
        let (locations, addresses) = places
            .iter()
            .enumerate()
            .map(|(n, place)| location_and_address(place, n, &ids))
            .unzip::<_, _, Vec<_>, Vec<_>>();
        ListingRecords {
            organization: organization(listing, &ids, links),
            service: service(listing, &ids, links),
            locations,
            addresses: addresses.into_iter().flatten().collect(),
            phones: phones(listing, &ids),
            schedules: schedules(listing, &ids),
            languages: (listing.languages.iter().enumerate())
                .map(|(n, code)| {
                    record(json!({ "id": ids.id(Kind::Language, n), "service_id": ids.service(), "code": code }))
                })
                .collect(),
            service_areas: service_areas(listing, &ids),
            attributes: attributes(listing, &ids),
            services_at_location: (0..places.len())
                .map(|n| {
                    json!({
                        "id": ids.id(Kind::ServiceAtLocation, n),
                        "service_id": ids.service(),
                        "location_id": ids.id(Kind::Location, n),
                    })
                })
                .collect(),
        }
    }

    /// Every row with the name of its table in the tabular package.
    pub fn rows(&self) -> Vec<(&'static str, &Value)> {
        let mut rows = vec![("organization", &self.organization), ("service", &self.service)];
        rows.extend(self.locations.iter().map(|row| ("location", row)));
        rows.extend(self.services_at_location.iter().map(|row| ("service_at_location", row)));
        rows.extend(self.addresses.iter().map(|row| ("address", row)));
        rows.extend(self.phones.iter().map(|row| ("phone", row)));
        rows.extend(self.schedules.iter().map(|row| ("schedule", row)));
        rows.extend(self.languages.iter().map(|row| ("language", row)));
        rows.extend(self.service_areas.iter().map(|row| ("service_area", row)));
        rows.extend(self.attributes.iter().map(|row| ("attribute", row)));
        rows
    }

    /// A location with its address nested.
    fn full_location(&self, location: &Value) -> Value {
        let own = self.addresses.iter().filter(|address| address["location_id"] == location["id"]).cloned().collect();
        with(location, [("addresses", Value::Array(own))])
    }

    /// The service with everything about it nested, as `GET /services/{id}` gives it.
    pub fn full_service(&self, links: &Links) -> Value {
        let services_at_location =
            (0..self.services_at_location.len()).map(|n| self.service_at_location_with_location(n));
        let attributes = self.attributes.iter().map(|attribute| with_term(attribute, links)).collect();
        with(
            &self.service,
            [
                ("organization", self.organization.clone()),
                ("service_at_locations", Value::Array(services_at_location.collect())),
                ("phones", Value::Array(self.phones.clone())),
                ("schedules", Value::Array(self.schedules.clone())),
                ("languages", Value::Array(self.languages.clone())),
                ("service_areas", Value::Array(self.service_areas.clone())),
                ("attributes", Value::Array(attributes)),
            ],
        )
    }

    /// The service at its `n`-th location (0 the main one), with the location nested.
    pub fn service_at_location_with_location(&self, n: usize) -> Value {
        let (Some(at), Some(location)) = (self.services_at_location.get(n), self.locations.get(n)) else {
            return Value::Null;
        };
        with(at, [("location", self.full_location(location))])
    }
}

/// The ids of one listing's records: a namespace and the listing's number in it.
struct RecordIds {
    ids: ListingIds,
    number: i64,
}

impl RecordIds {
    fn id(&self, kind: Kind, ordinal: usize) -> uuid::Uuid {
        self.ids.id(kind, self.number, ordinal)
    }

    fn service(&self) -> uuid::Uuid {
        self.id(Kind::Service, 0)
    }
}

/// Each number with its RFC 6350 type, as HSDS names them, and its extension.
fn phones(listing: &PublicListing, ids: &RecordIds) -> Vec<Value> {
    let phone = |(n, phone): (usize, &Phone)| {
        let kind = match phone.kind {
            PhoneKind::Tty => "textphone",
            other => other.code(),
        };
        let extension = phone.extension.as_deref().and_then(|digits| digits.parse::<u64>().ok());
        record(json!({
            "id": ids.id(Kind::Phone, n), "service_id": ids.service(),
            "number": phone.number, "extension": extension, "type": kind,
        }))
    };
    listing.phones.iter().enumerate().map(phone).collect()
}

/// Each opening as a weekly schedule on its day.
fn schedules(listing: &PublicListing, ids: &RecordIds) -> Vec<Value> {
    let schedule = |(n, hours): (usize, &OpeningHours)| {
        record(json!({
            "id": ids.id(Kind::Schedule, n), "service_id": ids.service(),
            "freq": "WEEKLY", "wkst": "MO", "byday": hours.day.ical(),
            // The tabular package's `time` type has seconds.
            "opens_at": format!("{}:00", hours.opens), "closes_at": format!("{}:00", hours.closes),
        }))
    };
    listing.opening_hours.iter().enumerate().map(schedule).collect()
}

/// The practice, or the clinician's own when none is named.
fn organization(listing: &PublicListing, ids: &RecordIds, links: &Links) -> Value {
    let profession = vocabulary::profession(&listing.profession).map_or_else(String::new, |p| p.label(Lang::En));
    record(json!({
        "id": ids.id(Kind::Organization, 0),
        "name": listing.practice_name.as_deref().unwrap_or(&listing.full_name),
        "description": format!("The practice of {}, {}.", listing.full_name, profession.to_lowercase()),
        "email": listing.public_email,
        "website": listing.website,
        "uri": links.to(Lang::En, &format!("/clinicians/{}", listing.id)),
    }))
}

/// The taper support the clinician offers.
fn service(listing: &PublicListing, ids: &RecordIds, links: &Links) -> Value {
    record(json!({
        "id": ids.service(),
        "organization_id": ids.id(Kind::Organization, 0),
        "name": listing.full_name,
        "description": listing.statement,
        "url": website_or_profile(listing, links),
        "email": listing.public_email,
        "status": "active",
        "licenses": listing.credentials,
        "last_modified": listing.last_reviewed_at.map(|time| time.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        // The directory's own review; no public address of its reviewers
        // exists, so `assurer_email` is left out.
        "assured_date": listing.last_reviewed_at.map(|time| time.format("%Y-%m-%d").to_string()),
    }))
}

/// Where the clinician practises, and its street address when it is whole.
/// One place of a listing, as its location and address records need it.
struct PlaceFields<'a> {
    address_line: Option<&'a str>,
    city: &'a str,
    region: Option<&'a str>,
    postal_code: Option<&'a str>,
    country: &'a str,
    latitude: f64,
    longitude: f64,
}

/// The listing's places, the main one first.
fn places(listing: &PublicListing) -> Vec<PlaceFields<'_>> {
    let main = PlaceFields {
        address_line: listing.address_line.as_deref(),
        city: &listing.city,
        region: listing.region.as_deref(),
        postal_code: listing.postal_code.as_deref(),
        country: &listing.country,
        latitude: listing.latitude,
        longitude: listing.longitude,
    };
    let others = listing.other_locations.iter().map(|other| PlaceFields {
        address_line: other.address_line.as_deref(),
        city: &other.city,
        region: other.region.as_deref(),
        postal_code: other.postal_code.as_deref(),
        country: &other.country,
        latitude: other.latitude,
        longitude: other.longitude,
    });
    [main].into_iter().chain(others).collect()
}

/// The `n`-th place's location and, when it has a whole one, its address.
fn location_and_address(place: &PlaceFields<'_>, n: usize, ids: &RecordIds) -> (Value, Option<Value>) {
    let location = record(json!({
        "id": ids.id(Kind::Location, n),
        "location_type": "physical",
        "organization_id": ids.id(Kind::Organization, 0),
        "name": place_name(place.city, place.region, place.country),
        "latitude": place.latitude,
        "longitude": place.longitude,
    }));
    // HSDS requires a street, state and postal code of an address: a
    // place without them is placed by its location's name and point.
    let address = match (place.address_line, place.region, place.postal_code) {
        (Some(street), Some(region), Some(postal_code)) => Some(record(json!({
            "id": ids.id(Kind::Address, n),
            "location_id": ids.id(Kind::Location, n),
            "address_1": street,
            "city": place.city,
            "state_province": region,
            "postal_code": postal_code,
            "country": place.country,
            "address_type": "physical",
        }))),
        _ => None,
    };
    (location, address)
}

/// Telehealth regions as service areas.
fn service_areas(listing: &PublicListing, ids: &RecordIds) -> Vec<Value> {
    (listing.licensed_regions.iter().enumerate())
        .filter(|_| listing.telehealth)
        .map(|(n, region)| {
            record(json!({
                "id": ids.id(Kind::ServiceArea, n),
                "service_id": ids.service(),
                "name": region,
                "description": format!("Telehealth for people in {region} (ISO 3166-2), where the clinician is licensed."),
            }))
        })
        .collect()
}

/// The directory's terms as attributes of the service.
fn attributes(listing: &PublicListing, ids: &RecordIds) -> Vec<Value> {
    terms_of(listing)
        .enumerate()
        .map(|(n, (group, code, value))| {
            record(json!({
                "id": ids.id(Kind::Attribute, n),
                "link_id": ids.service(),
                "taxonomy_term_id": taxonomy::term_id(group, code),
                "link_type": group.code(),
                "link_entity": "service",
                "value": value,
            }))
        })
        .collect()
}

/// `(group, code, value)` of every term a listing carries, in a fixed order.
fn terms_of(listing: &PublicListing) -> impl Iterator<Item = (Group, &str, Option<String>)> {
    fn codes(group: Group, codes: &[String]) -> impl Iterator<Item = (Group, &str, Option<String>)> {
        codes.iter().map(move |code| (group, code.as_str(), None))
    }
    let feature = |on: bool, code| on.then_some((Group::Feature, code, None));
    let detail = |value: Option<String>, code| value.map(|value| (Group::Detail, code, Some(value)));
    [(Group::Profession, listing.profession.as_str(), None), (Group::Specialty, listing.specialty.as_str(), None)]
        .into_iter()
        .chain(codes(Group::TaperApproach, &listing.taper_approaches))
        .chain(codes(Group::Criterion, &listing.criteria))
        .chain(codes(Group::PaymentOption, &listing.payment_options))
        .chain(feature(listing.telehealth, taxonomy::TELEHEALTH))
        .chain(feature(listing.accepting_new_patients, taxonomy::ACCEPTING_NEW_PATIENTS))
        .chain(detail(listing.npi.clone(), taxonomy::NPI))
        .chain(detail(listing.taxonomy_code.clone(), taxonomy::NUCC_TAXONOMY_CODE))
        .chain(detail(
            listing.max_monthly_reduction_pct.map(|pct| pct.to_string()),
            taxonomy::MAX_MONTHLY_REDUCTION_PCT,
        ))
}

/// A location's name: its city, region and country, such as "Portland, OR, US".
pub fn place_name(city: &str, region: Option<&str>, country: &str) -> String {
    [Some(city), region, Some(country)].into_iter().flatten().collect::<Vec<_>>().join(", ")
}

fn website_or_profile(listing: &PublicListing, links: &Links) -> String {
    listing.website.clone().unwrap_or_else(|| links.to(Lang::En, &format!("/clinicians/{}", listing.id)))
}

/// An attribute with its taxonomy term nested.
fn with_term(attribute: &Value, links: &Links) -> Value {
    let term = (attribute.get("taxonomy_term_id").and_then(Value::as_str))
        .and_then(|id| id.parse().ok())
        .and_then(|id| taxonomy::find(&id))
        .map(|term| term.record(links));
    with(attribute, [("taxonomy_term", term.unwrap_or(Value::Null))])
}
