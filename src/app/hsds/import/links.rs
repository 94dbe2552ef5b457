//! A package's rows found by the ids that link them: a service's locations,
//! contacts, phones and the rest, wherever in the package they hang.

use std::collections::HashMap;

use super::tables::{Row, Tables};

/// Rows grouped by the id in one of their link columns.
pub type Linked<'a> = HashMap<&'a str, Vec<&'a Row>>;

/// The tables the import reads into listings; the rows of every other table
/// that link to a service are kept for the moderator.
pub const READ_TABLES: &[&str] = &[
    "organization",
    "service",
    "service_at_location",
    "location",
    "address",
    "phone",
    "schedule",
    "contact",
    "language",
    "service_area",
    "attribute",
    "taxonomy_term",
    "taxonomy",
    "cost_option",
    "metadata",
    "meta_table_description",
];

/// The columns through which a row names the record it belongs to.
pub const LINK_COLUMNS: &[&str] =
    &["service_id", "service_at_location_id", "location_id", "organization_id", "contact_id", "link_id"];

pub struct Package<'a> {
    pub tables: &'a Tables,
    pub organizations: Linked<'a>,
    pub service_at_locations: Linked<'a>,
    pub locations: Linked<'a>,
    pub addresses: Linked<'a>,
    /// Phones and contacts by the service, place, location, organization or
    /// contact they belong to.
    pub phones: Linked<'a>,
    pub contacts: Linked<'a>,
    /// Schedules by the service, place or location they belong to.
    pub schedules: Linked<'a>,
    pub languages: Linked<'a>,
    pub service_areas: Linked<'a>,
    pub attributes: Linked<'a>,
    pub terms: Linked<'a>,
    pub cost_options: Linked<'a>,
    /// `(table, row)` of the tables not read, by the record they link to.
    pub others: HashMap<&'a str, Vec<(&'a str, &'a Row)>>,
}

impl<'a> Package<'a> {
    pub fn of(tables: &'a Tables) -> Package<'a> {
        let linked = |table: &str| linked(tables, table, LINK_COLUMNS);
        let mut others: HashMap<&str, Vec<(&str, &Row)>> = HashMap::new();
        for table in tables.names().filter(|name| !READ_TABLES.contains(name)) {
            for row in tables.all(table) {
                for key in LINK_COLUMNS.iter().filter_map(|column| row.get(column)) {
                    others.entry(key).or_default().push((table, row));
                }
            }
        }
        Package {
            tables,
            organizations: tables.by("organization", "id"),
            service_at_locations: tables.by("service_at_location", "service_id"),
            locations: tables.by("location", "id"),
            addresses: tables.by("address", "location_id"),
            phones: linked("phone"),
            contacts: linked("contact"),
            schedules: linked("schedule"),
            languages: tables.by("language", "service_id"),
            service_areas: tables.by("service_area", "service_id"),
            attributes: tables.by("attribute", "link_id"),
            terms: tables.by("taxonomy_term", "id"),
            cost_options: tables.by("cost_option", "service_id"),
            others,
        }
    }

    /// The rows `grouped` holds for each of `keys`, in order, each once.
    pub fn rows_of(grouped: &Linked<'a>, keys: &[&str]) -> Vec<&'a Row> {
        let mut rows: Vec<&Row> = Vec::new();
        for row in keys.iter().filter_map(|key| grouped.get(key)).flatten() {
            if !rows.iter().any(|seen| std::ptr::eq(*seen, *row)) {
                rows.push(row);
            }
        }
        rows
    }

    pub fn first(grouped: &Linked<'a>, key: &str) -> Option<&'a Row> {
        grouped.get(key).and_then(|rows| rows.first().copied())
    }
}

/// The rows of `table` grouped by the value of each of `columns`.
fn linked<'a>(tables: &'a Tables, table: &str, columns: &[&str]) -> Linked<'a> {
    let mut grouped: Linked<'a> = HashMap::new();
    for row in tables.all(table) {
        for key in columns.iter().filter_map(|column| row.get(column)) {
            grouped.entry(key).or_default().push(row);
        }
    }
    grouped
}
