//! Where a service is offered: its physical locations (the first is the
//! listing's main place, the next four its further places, any more kept
//! for the moderator), a virtual location (telehealth), and else its
//! organization's first location (the others kept for the moderator).

use serde_json::{json, Map, Value};

use super::fields::{Candidate, Origin};
use super::links::Package;
use super::tables::Row;
use crate::app::hsds::records::place_name;
use crate::domain::location::MAX_LOCATIONS;
use crate::places::iso;

/// The location's columns a listing holds; the others are kept.
const LOCATION_READ: &[&str] = &["id", "organization_id", "name", "latitude", "longitude", "location_type"];
const ADDRESS_READ: &[&str] = &[
    "id",
    "location_id",
    "address_1",
    "address_2",
    "city",
    "state_province",
    "postal_code",
    "country",
    "address_type",
];

/// Reads the service's place into `candidate`; returns each of its
/// service-at-locations with the location it names.
pub fn read<'a>(
    candidate: &mut Candidate<'a>,
    package: &Package<'a>,
    service: &'a Row,
    organization: Option<&'a Row>,
) -> Vec<(&'a Row, Option<&'a Row>)> {
    let id = service.get("id").unwrap_or_default();
    let places: Vec<(&Row, Option<&Row>)> = (package.service_at_locations.get(id).into_iter().flatten())
        .map(|at| (*at, at.get("location_id").and_then(|location| Package::first(&package.locations, location))))
        .collect();
    let mut physical: Vec<&Row> =
        places.iter().filter_map(|(_, location)| *location).filter(|l| !l.is_virtual_location()).collect();
    if places.iter().filter_map(|(_, location)| *location).any(|location| location.is_virtual_location()) {
        candidate.input.insert("telehealth".to_string(), json!(true));
    }
    // The service's own places are the listing's; its organization's are not all the clinician's.
    let own = physical.len();
    if physical.is_empty() {
        // A service with no place of its own is offered where its organization is.
        let organization_id = organization.and_then(|org| org.get("id")).unwrap_or_default();
        physical.extend((package.tables.all("location").iter()).filter(|location| {
            location.get("organization_id") == Some(organization_id) && !location.is_virtual_location()
        }));
    }
    for (n, location) in physical.iter().enumerate() {
        let address = location.get("id").and_then(|location_id| Package::first(&package.addresses, location_id));
        match n {
            0 => read_location(candidate, package, location, address),
            n if n < MAX_LOCATIONS.min(own) => read_further_place(candidate, package, location, address),
            _ => {
                candidate.keep_unread(package, "location", location, &["id", "organization_id"]);
                if let Some(address) = address {
                    candidate.keep_unread(package, "address", address, &["id", "location_id"]);
                }
            }
        }
    }
    places
}

/// A further place: its point, its address or else the place its name
/// says, and the name of the practice there (the location's, unless it is
/// the place's own, as the directory's export names locations).
fn read_further_place<'a>(
    candidate: &mut Candidate<'a>,
    package: &Package<'a>,
    location: &'a Row,
    address: Option<&'a Row>,
) {
    candidate.keep_unread(package, "location", location, LOCATION_READ);
    let mut place = Map::new();
    for (field, value) in read_point(candidate, package, location).unwrap_or_default() {
        place.insert(field.to_string(), json!(value));
    }
    let fields = match address {
        Some(address) => {
            candidate.keep_unread(package, "address", address, ADDRESS_READ);
            address_fields(address).into_iter().map(|(field, _, value)| (field, value)).collect()
        }
        None => location.get("name").map(place_of_name).unwrap_or_default(),
    };
    for (field, value) in fields {
        place.insert(field.to_string(), json!(value));
    }
    let said = |field: &str| place.get(field).and_then(Value::as_str).map(str::to_string);
    let own_name = place_name(
        &said("city").unwrap_or_default(),
        said("region").as_deref(),
        &said("country").unwrap_or_else(|| "US".into()),
    );
    if let Some(name) = location.get("name").filter(|name| address.is_some() && *name != own_name) {
        place.insert("name".to_string(), json!(name));
    }
    candidate.push("other_locations", Value::Object(place), Origin { table: "location", column: "id", row: location });
}

/// The location's point and place: from its address when it has one, else
/// from its name as the export writes it ("City, Region, CC").
fn read_location<'a>(
    candidate: &mut Candidate<'a>,
    package: &Package<'a>,
    location: &'a Row,
    address: Option<&'a Row>,
) {
    candidate.keep_unread(package, "location", location, LOCATION_READ);
    match read_point(candidate, package, location) {
        Some(point) => point
            .into_iter()
            .for_each(|(field, value)| candidate.input.insert(field.into(), json!(value)).map_or((), drop)),
        // A point is both coordinates: the other one alone is no further problem.
        None => candidate.unreadable.extend(["latitude", "longitude"]),
    }
    for field in ["latitude", "longitude"] {
        candidate.origins.entry(field).or_insert(Origin { table: "location", column: field, row: location });
    }
    if let Some(address) = address {
        read_address(candidate, package, address);
        return;
    }
    let Some(name) = location.get("name") else { return };
    let origin = Origin { table: "location", column: "name", row: location };
    for (field, value) in place_of_name(name) {
        candidate.set(field, json!(value), origin);
    }
}

/// The coordinates a location gives, as `(field, value)`; `None`, each bad
/// one named in the candidate's problems, when one is not a number.
fn read_point(
    candidate: &mut Candidate<'_>,
    package: &Package<'_>,
    location: &Row,
) -> Option<Vec<(&'static str, f64)>> {
    let mut point = Vec::new();
    let mut readable = true;
    for field in ["latitude", "longitude"] {
        match location.get(field).map(str::parse::<f64>) {
            Some(Ok(value)) => point.push((field, value)),
            Some(Err(_)) => {
                let file = package.tables.file("location");
                candidate.problems.push(format!("{file} line {}, column {field}: must be a number", location.line));
                readable = false;
            }
            None => {}
        }
    }
    readable.then_some(point)
}

/// The city, region and country a location's name gives as the export
/// writes it ("City, Region, CC"); a name of one part is the city's.
fn place_of_name(name: &str) -> Vec<(&'static str, String)> {
    let mut parts: Vec<&str> = name.split(", ").collect();
    let mut fields = Vec::new();
    if parts.len() > 1 && parts.last().is_some_and(|last| iso::is_country(last)) {
        fields.push(("country", parts.pop().unwrap_or_default().to_string()));
    }
    if parts.len() > 1 {
        fields.push(("region", parts.pop().unwrap_or_default().to_string()));
    }
    fields.push(("city", parts.join(", ")));
    fields
}

/// The street, city, region, postal code and country of an address; the
/// suite or unit goes on the street's line: "100 Main St, Suite 200".
fn read_address<'a>(candidate: &mut Candidate<'a>, package: &Package<'a>, address: &'a Row) {
    candidate.keep_unread(package, "address", address, ADDRESS_READ);
    for (field, column, value) in address_fields(address) {
        candidate.set(field, json!(value), Origin { table: "address", column, row: address });
    }
}

/// `(field, column, value)` of each part of an address a listing holds,
/// the suite or unit (`address_2`) on the street's line.
fn address_fields(address: &Row) -> Vec<(&'static str, &'static str, String)> {
    let mut fields: Vec<(&'static str, &'static str, String)> = [
        ("address_line", "address_1"),
        ("city", "city"),
        ("region", "state_province"),
        ("postal_code", "postal_code"),
        ("country", "country"),
    ]
    .into_iter()
    .filter_map(|(field, column)| address.get(column).map(|value| (field, column, value.to_string())))
    .collect();
    if let Some(unit) = address.get("address_2") {
        let street: Vec<&str> = [address.get("address_1"), Some(unit)].into_iter().flatten().collect();
        fields.retain(|(field, _, _)| *field != "address_line");
        fields.insert(0, ("address_line", "address_2", street.join(", ")));
    }
    fields
}
