//! Where a service is offered: its physical locations (the first is the
//! listing's place; the others are kept for the moderator), a virtual
//! location (telehealth), and else its organization's location.

use serde_json::json;

use super::fields::{Candidate, Origin};
use super::links::Package;
use super::tables::Row;
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
    let is_virtual =
        |location: &&Row| location.get("location_type").is_some_and(|kind| kind.eq_ignore_ascii_case("virtual"));
    let mut physical: Vec<&Row> =
        places.iter().filter_map(|(_, location)| *location).filter(|l| !is_virtual(l)).collect();
    if places.iter().filter_map(|(_, location)| *location).any(|location| is_virtual(&location)) {
        candidate.input.insert("telehealth".to_string(), json!(true));
    }
    if physical.is_empty() {
        // A service with no place of its own is offered where its organization is.
        let organization_id = organization.and_then(|org| org.get("id")).unwrap_or_default();
        physical.extend(
            (package.tables.all("location").iter())
                .filter(|location| location.get("organization_id") == Some(organization_id) && !is_virtual(location)),
        );
    }
    for (n, location) in physical.iter().enumerate() {
        let address = location.get("id").and_then(|location_id| Package::first(&package.addresses, location_id));
        if n == 0 {
            read_location(candidate, package, location, address);
        } else {
            candidate.keep_unread(package, "location", location, &["id", "organization_id"]);
            if let Some(address) = address {
                candidate.keep_unread(package, "address", address, &["id", "location_id"]);
            }
        }
    }
    places
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
    for field in ["latitude", "longitude"] {
        match location.get(field).map(str::parse::<f64>) {
            Some(Ok(value)) => candidate.input.insert(field.to_string(), json!(value)).map_or((), drop),
            Some(Err(_)) => {
                let file = package.tables.file("location");
                candidate.problems.push(format!("{file} line {}, column {field}: must be a number", location.line));
                // A point is both coordinates: the other one alone is no further problem.
                candidate.unreadable.extend(["latitude", "longitude"]);
            }
            None => {}
        }
        candidate.origins.entry(field).or_insert(Origin { table: "location", column: field, row: location });
    }
    if let Some(address) = address {
        read_address(candidate, package, address);
        return;
    }
    let Some(name) = location.get("name") else { return };
    let origin = Origin { table: "location", column: "name", row: location };
    let mut parts: Vec<&str> = name.split(", ").collect();
    let mut set = |field: &'static str, value: String| {
        candidate.input.insert(field.to_string(), json!(value));
        candidate.origins.entry(field).or_insert(origin);
    };
    if parts.len() > 1 && parts.last().is_some_and(|last| iso::is_country(last)) {
        set("country", parts.pop().unwrap_or_default().to_string());
    }
    if parts.len() > 1 {
        set("region", parts.pop().unwrap_or_default().to_string());
    }
    set("city", parts.join(", "));
}

/// The street, city, region, postal code and country of an address; the
/// suite or unit goes on the street's line: "100 Main St, Suite 200".
fn read_address<'a>(candidate: &mut Candidate<'a>, package: &Package<'a>, address: &'a Row) {
    candidate.keep_unread(package, "address", address, ADDRESS_READ);
    for (field, column) in [
        ("address_line", "address_1"),
        ("city", "city"),
        ("region", "state_province"),
        ("postal_code", "postal_code"),
        ("country", "country"),
    ] {
        if let Some(value) = address.get(column) {
            candidate.input.insert(field.to_string(), json!(value));
            candidate.origins.entry(field).or_insert(Origin { table: "address", column, row: address });
        }
    }
    if let Some(unit) = address.get("address_2") {
        let street = [address.get("address_1"), Some(unit)].into_iter().flatten().collect::<Vec<_>>().join(", ");
        candidate.input.insert("address_line".to_string(), json!(street));
        candidate.origins.entry("address_line").or_insert(Origin {
            table: "address",
            column: "address_2",
            row: address,
        });
    }
}
