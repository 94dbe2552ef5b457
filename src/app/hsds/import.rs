//! `benzowise import --format hsds`: an HSDS 3.0 tabular package in, each
//! service with a name and a location as a *pending* listing, so everything
//! imported still passes moderation.
//!
//! Terms of the directory's own taxonomy become the listing's profession,
//! specialty, approaches, criteria and the rest; any other term, and any
//! service area that is not a region code, is kept in the audit trail for the
//! moderator to see. Every row problem is reported by file, line and column,
//! and nothing is loaded if there is any. A service imported once (known by
//! its id) is not imported again.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context};
use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::package::{tables, Table};
use super::taxonomy::{self, Group};
use crate::app::seed::Loaded;
use crate::app::submissions;
use crate::db::events::{Actor, Event, Subject};
use crate::db::listings::Listing;
use crate::db::{self, AnyConnection};
use crate::domain::listing::{ListingInput, NewListing, Parsed, Provenance};
use crate::domain::moderation::AuditAction;
use crate::error::AppError;
use crate::places::{iso, Gazetteer};

/// How many listings one transaction stores.
const BATCH: usize = 1000;

/// One CSV row: its line in the file (the header is line 1) and its filled cells.
#[derive(Debug, Clone)]
struct Row {
    line: usize,
    cells: HashMap<String, String>,
}

impl Row {
    fn get(&self, column: &str) -> Option<&str> {
        self.cells.get(column).map(String::as_str)
    }
}

/// The package's tables that the import reads, each with its file name.
struct Tables {
    rows: HashMap<String, (String, Vec<Row>)>,
}

/// The most a table's file may inflate to, and the most rows the package may
/// hold: far beyond a community directory's package, and a bound on the
/// memory an import takes, so that a small zip that inflates to gigabytes is
/// refused early.
const MAX_TABLE_BYTES: u64 = 256 << 20;
const MAX_PACKAGE_ROWS: usize = 1_000_000;

impl Tables {
    fn read(source: &Path) -> anyhow::Result<Tables> {
        let mut archive = if source.is_dir() {
            None
        } else {
            let file = std::fs::File::open(source).with_context(|| format!("cannot open {}", source.display()))?;
            Some(zip::ZipArchive::new(file).with_context(|| format!("{} is not a zip file", source.display()))?)
        };
        let mut rows = HashMap::new();
        let mut read_so_far = 0;
        for table in tables()? {
            let table_rows = match &mut archive {
                Some(archive) => match entry_name(archive, &table) {
                    Some(name) => {
                        let entry = archive.by_name(&name)?;
                        // Refused before reading when the archive says so; the
                        // read below is capped all the same, for an archive that lies.
                        if entry.size() > MAX_TABLE_BYTES {
                            return Err(too_large(&table));
                        }
                        read_rows(entry, &table, &mut read_so_far)?
                    }
                    None => continue,
                },
                None => {
                    let path = source.join(&table.path);
                    if !path.exists() {
                        continue;
                    }
                    let file = std::fs::File::open(&path).with_context(|| format!("cannot read {}", path.display()))?;
                    read_rows(file, &table, &mut read_so_far)?
                }
            };
            rows.insert(table.name.clone(), (table.path.clone(), table_rows));
        }
        Ok(Tables { rows })
    }

    fn all(&self, table: &str) -> &[Row] {
        self.rows.get(table).map_or(&[], |(_, rows)| rows.as_slice())
    }

    fn file<'a>(&'a self, table: &'a str) -> &'a str {
        self.rows.get(table).map_or(table, |(file, _)| file.as_str())
    }

    /// The rows of `table` grouped by the value of `column`.
    fn by<'a>(&'a self, table: &str, column: &str) -> HashMap<&'a str, Vec<&'a Row>> {
        let mut grouped: HashMap<&str, Vec<&Row>> = HashMap::new();
        for row in self.all(table) {
            if let Some(key) = row.get(column) {
                grouped.entry(key).or_default().push(row);
            }
        }
        grouped
    }
}

/// The name of a table's file in a zip, wherever in the archive it sits.
fn entry_name(archive: &zip::ZipArchive<std::fs::File>, table: &Table) -> Option<String> {
    let wanted = format!("/{}", table.path);
    archive
        .file_names()
        .filter_map(Result::ok)
        .find(|name| *name == table.path || name.ends_with(&wanted))
        .map(|name| name.into_owned())
}

fn too_large(table: &Table) -> anyhow::Error {
    anyhow::anyhow!("{} is larger than {} MiB once unpacked: nothing was imported", table.path, MAX_TABLE_BYTES >> 20)
}

/// A table's rows, read as they stream in, within `MAX_TABLE_BYTES` and
/// (counting the rows of the tables read before) `MAX_PACKAGE_ROWS`.
fn read_rows(file: impl Read, table: &Table, read_so_far: &mut usize) -> anyhow::Result<Vec<Row>> {
    let mut capped = file.take(MAX_TABLE_BYTES + 1);
    let mut reader = csv::Reader::from_reader(&mut capped);
    let headers = reader.headers().with_context(|| format!("{}: the header line", table.path))?.clone();
    let mut rows = Vec::new();
    let mut records = csv::StringRecord::new();
    for line in 2.. {
        match reader.read_record(&mut records) {
            Ok(true) => {}
            Ok(false) => break,
            // Cut off at the limit, the last record may be broken: the size is the problem.
            Err(_) if reader.get_ref().limit() == 0 => return Err(too_large(table)),
            Err(error) => {
                return Err(error).with_context(|| format!("{} line {line} (UTF-8 CSV expected)", table.path))
            }
        }
        let record = &records;
        *read_so_far += 1;
        if *read_so_far > MAX_PACKAGE_ROWS {
            bail!(
                "the package has more than {MAX_PACKAGE_ROWS} rows (at {} line {line}): nothing was imported",
                table.path
            );
        }
        let cells = headers
            .iter()
            .zip(record.iter())
            .filter(|(_, cell)| !cell.trim().is_empty())
            .map(|(column, cell)| (column.to_string(), cell.trim().to_string()))
            .collect();
        rows.push(Row { line, cells });
    }
    if reader.get_ref().limit() == 0 {
        return Err(too_large(table));
    }
    Ok(rows)
}

/// Where a listing's field came from, to name it in a problem.
#[derive(Debug, Clone, Copy)]
struct Origin<'a> {
    table: &'a str,
    column: &'static str,
    row: &'a Row,
}

impl<'a> Origin<'a> {
    fn of(table: &'a str, column: &'static str, row: &'a Row) -> Self {
        Origin { table, column, row }
    }

    /// An attribute's term, which names the field it fills.
    fn attribute(row: &'a Row) -> Self {
        Origin::of("attribute", "taxonomy_term_id", row)
    }
}

/// A service read from the package, ready to parse.
struct Candidate<'a> {
    service: &'a Row,
    input: Map<String, Value>,
    /// Listing field → the cell it was read from.
    origins: HashMap<&'static str, Origin<'a>>,
    /// What the listing cannot hold, for the moderator.
    kept: Vec<String>,
    /// Fields whose cells could not be read, already reported.
    unreadable: Vec<&'static str>,
}

impl<'a> Candidate<'a> {
    fn set(&mut self, field: &'static str, value: Value, origin: Origin<'a>) {
        self.input.insert(field.to_string(), value);
        self.origins.entry(field).or_insert(origin);
    }

    fn push(&mut self, field: &'static str, value: &str, origin: Origin<'a>) {
        if let Value::Array(items) = self.input.entry(field).or_insert_with(|| Value::Array(Vec::new())) {
            items.push(Value::String(value.to_string()));
        }
        self.origins.entry(field).or_insert(origin);
    }

    /// Sets each `(field, column)` whose cell `row` of `table` fills.
    fn copy(&mut self, table: &'a str, row: &'a Row, columns: &[(&'static str, &'static str)]) {
        for &(field, column) in columns {
            if let Some(value) = row.get(column) {
                self.set(field, json!(value), Origin::of(table, column, row));
            }
        }
    }
}

/// What an import did.
#[derive(Default)]
pub struct Imported {
    pub loaded: Vec<Loaded>,
    /// Services imported before, left alone.
    pub already: usize,
    /// Services without a location, with the line of each: not a clinician's listing.
    pub skipped: Vec<String>,
}

/// Reads the package at `source` (a zip file or a directory) and stores its
/// services as pending listings; `progress` hears how many are stored.
pub fn import(
    conn: &mut AnyConnection,
    source: &Path,
    gazetteer: &Gazetteer,
    mut progress: impl FnMut(usize, usize),
) -> anyhow::Result<Imported> {
    let tables = Tables::read(source)?;
    let mut imported = Imported::default();
    let mut problems = Vec::new();
    let candidates = candidates(&tables, &mut imported.skipped, &mut problems);
    let keys: Vec<String> = candidates.iter().map(|c| import_key(c.service)).collect();
    let taken: HashSet<String> = Listing::imported_already(conn, &keys)?.into_iter().collect();
    let mut listings = Vec::new();
    let mut seen = HashSet::new();
    for (candidate, key) in candidates.into_iter().zip(keys) {
        if !seen.insert(key.clone()) {
            let line = candidate.service.line;
            problems.push(format!("{} line {line}, column id: the same service appears twice", tables.file("service")));
            continue;
        }
        if taken.contains(&key) {
            imported.already += 1;
            continue;
        }
        match parse(&tables, &candidate, gazetteer) {
            Ok(listing) => listings.push((listing, key, candidate.kept)),
            Err(found) => problems.extend(found),
        }
    }
    if !problems.is_empty() {
        bail!("nothing was imported; fix these and try again:\n{}", problems.join("\n"));
    }
    let total = listings.len();
    while !listings.is_empty() {
        let rest = listings.split_off(listings.len().min(BATCH));
        let batch = std::mem::replace(&mut listings, rest);
        let stored = db::write_transaction(conn, |conn| {
            batch.iter().map(|(l, k, kept)| store(conn, l, k, kept)).collect::<Result<Vec<_>, AppError>>()
        })?;
        imported.loaded.extend(stored);
        progress(imported.loaded.len(), total);
    }
    Ok(imported)
}

fn import_key(service: &Row) -> String {
    format!("hsds:{}", service.get("id").unwrap_or_default())
}

/// Stores one listing as pending, and what it came with for the moderator.
fn store(conn: &mut AnyConnection, listing: &NewListing, key: &str, kept: &[String]) -> Result<Loaded, AppError> {
    let (created, manage_token) = submissions::create(conn, listing, Provenance::Clinician)?;
    Listing::set_import_key(conn, created.listing_id, key)?;
    let mut note = format!("imported from an HSDS package, service {}", key.trim_start_matches("hsds:"));
    if !kept.is_empty() {
        note.push_str(&format!("; not in the listing, kept here: {}", kept.join("; ")));
    }
    let subject =
        Subject { listing_id: Some(created.listing_id), submission_id: Some(created.submission_id), report_id: None };
    Event::record(conn, &Actor::Operator("import"), AuditAction::Import.as_str(), subject, Some(&note), &[])?;
    Ok(Loaded { listing_id: created.listing_id, full_name: listing.content().full_name.clone(), manage_token })
}

/// Every service with a location, read into a listing's fields.
fn candidates<'a>(tables: &'a Tables, skipped: &mut Vec<String>, problems: &mut Vec<String>) -> Vec<Candidate<'a>> {
    let organizations = tables.by("organization", "id");
    let service_at_locations = tables.by("service_at_location", "service_id");
    let locations = tables.by("location", "id");
    let addresses = tables.by("address", "location_id");
    let phones = tables.by("phone", "service_id");
    let languages = tables.by("language", "service_id");
    let service_areas = tables.by("service_area", "service_id");
    let attributes = tables.by("attribute", "link_id");
    let contacts = tables.by("contact", "service_id");
    let term_names: HashMap<&str, &str> =
        tables.all("taxonomy_term").iter().filter_map(|term| Some((term.get("id")?, term.get("name")?))).collect();
    let first =
        |grouped: &HashMap<&str, Vec<&'a Row>>, key: &str| grouped.get(key).and_then(|rows| rows.first().copied());
    let mut found = Vec::new();
    for service in tables.all("service") {
        let id = service.get("id").unwrap_or_default();
        let location = first(&service_at_locations, id)
            .and_then(|at| at.get("location_id"))
            .and_then(|location_id| first(&locations, location_id));
        let Some(location) = location else {
            skipped.push(format!("{} line {}: no location", tables.file("service"), service.line));
            continue;
        };
        let mut candidate =
            Candidate { service, input: Map::new(), origins: HashMap::new(), kept: Vec::new(), unreadable: Vec::new() };
        candidate.copy(
            "service",
            service,
            &[
                ("full_name", "name"),
                ("credentials", "licenses"),
                ("statement", "description"),
                ("website", "url"),
                ("public_email", "email"),
            ],
        );
        let organization = service.get("organization_id").and_then(|org| first(&organizations, org));
        read_contact_and_practice(&mut candidate, service, organization, first(&contacts, id));
        read_location(
            &mut candidate,
            location,
            first(&addresses, location.get("id").unwrap_or_default()),
            problems,
            tables,
        );
        if let Some(phone) = first(&phones, id).filter(|phone| phone.get("number").is_some()) {
            candidate.set("phone", json!(phone.get("number")), Origin::of("phone", "number", phone));
        }
        read_languages_and_areas(&mut candidate, languages.get(id), service_areas.get(id));
        for attribute in attributes.get(id).into_iter().flatten() {
            read_attribute(&mut candidate, attribute, &term_names);
        }
        found.push(candidate);
    }
    found
}

/// The contact email (the service's, else its organization's, else its
/// contact's) and the practice (the organization's name, when it is not the
/// service's own).
fn read_contact_and_practice<'a>(
    candidate: &mut Candidate<'a>,
    service: &'a Row,
    organization: Option<&'a Row>,
    contact: Option<&'a Row>,
) {
    let contact_email = [
        (service, "service"),
        (organization.unwrap_or(service), "organization"),
        (contact.unwrap_or(service), "contact"),
    ]
    .into_iter()
    .find_map(|(row, table)| row.get("email").map(|email| (email, table, row)));
    if let Some((email, table, row)) = contact_email {
        candidate.set("contact_email", json!(email), Origin::of(table, "email", row));
    }
    if let Some(practice) =
        organization.and_then(|org| org.get("name")).filter(|name| Some(*name) != service.get("name"))
    {
        candidate.set(
            "practice_name",
            json!(practice),
            Origin::of("organization", "name", organization.unwrap_or(service)),
        );
    }
}

/// Languages by code and licensed regions from service areas named by an ISO
/// subdivision code; what cannot be read so is kept in words for moderators.
fn read_languages_and_areas<'a>(
    candidate: &mut Candidate<'a>,
    languages: Option<&Vec<&'a Row>>,
    areas: Option<&Vec<&'a Row>>,
) {
    for language in languages.into_iter().flatten() {
        match language.get("code") {
            Some(code) => candidate.push("languages", &code.to_lowercase(), Origin::of("language", "code", language)),
            None => candidate.kept.extend(language.get("name").map(|name| format!("language {name}"))),
        }
    }
    for area in areas.into_iter().flatten() {
        match area.get("name") {
            Some(region) if iso::is_subdivision(region) => {
                candidate.push("licensed_regions", region, Origin::of("service_area", "name", area))
            }
            Some(name) => candidate.kept.push(format!("service area {name}")),
            None => {}
        }
    }
}

/// The location's point and place: from its address when it has one, else
/// from its name as the export writes it ("City, Region, CC").
fn read_location<'a>(
    candidate: &mut Candidate<'a>,
    location: &'a Row,
    address: Option<&'a Row>,
    problems: &mut Vec<String>,
    tables: &Tables,
) {
    for field in ["latitude", "longitude"] {
        match location.get(field).map(str::parse::<f64>) {
            Some(Ok(value)) => candidate.set(field, json!(value), Origin::of("location", field, location)),
            Some(Err(_)) => {
                problems.push(format!(
                    "{} line {}, column {field}: must be a number",
                    tables.file("location"),
                    location.line
                ));
                // A point is both coordinates: the other one alone is no further problem.
                candidate.unreadable.extend(["latitude", "longitude"]);
            }
            None => {}
        }
    }
    if let Some(address) = address {
        candidate.copy(
            "address",
            address,
            &[
                ("address_line", "address_1"),
                ("city", "city"),
                ("region", "state_province"),
                ("postal_code", "postal_code"),
                ("country", "country"),
            ],
        );
        return;
    }
    let Some(name) = location.get("name") else { return };
    let origin = Origin::of("location", "name", location);
    let mut parts: Vec<&str> = name.split(", ").collect();
    if parts.len() > 1 && parts.last().is_some_and(|last| iso::is_country(last)) {
        candidate.set("country", json!(parts.pop()), origin);
    }
    if parts.len() > 1 {
        candidate.set("region", json!(parts.pop()), origin);
    }
    candidate.set("city", json!(parts.join(", ")), origin);
}

/// One attribute: a term of ours fills a field, any other is kept for the moderator.
fn read_attribute<'a>(candidate: &mut Candidate<'a>, attribute: &'a Row, term_names: &HashMap<&str, &str>) {
    let term_id = attribute.get("taxonomy_term_id").unwrap_or_default();
    let ours =
        term_id.parse::<Uuid>().ok().and_then(|id| taxonomy::find(&id)).and_then(|term| Some((term.group, term.code?)));
    let Some((group, code)) = ours else {
        let name = term_names.get(term_id).copied().unwrap_or(term_id);
        let value = attribute.get("value").map(|value| format!(": {value}")).unwrap_or_default();
        candidate.kept.push(format!("term {name}{value}"));
        return;
    };
    let value = attribute.get("value").unwrap_or_default();
    match (group, code) {
        (Group::Profession, _) => candidate.set("profession", json!(code), Origin::attribute(attribute)),
        (Group::Specialty, _) => candidate.set("specialty", json!(code), Origin::attribute(attribute)),
        (Group::TaperApproach, _) => candidate.push("taper_approaches", code, Origin::attribute(attribute)),
        (Group::Criterion, _) => candidate.push("criteria", code, Origin::attribute(attribute)),
        (Group::PaymentOption, _) => candidate.push("payment_options", code, Origin::attribute(attribute)),
        (Group::Feature, taxonomy::TELEHEALTH) => {
            candidate.set("telehealth", json!(true), Origin::attribute(attribute))
        }
        (Group::Feature, _) => candidate.set("accepting_new_patients", json!(true), Origin::attribute(attribute)),
        (Group::Detail, taxonomy::NPI) => candidate.set("npi", json!(value), Origin::attribute(attribute)),
        (Group::Detail, taxonomy::NUCC_TAXONOMY_CODE) => {
            candidate.set("taxonomy_code", json!(value), Origin::attribute(attribute))
        }
        (Group::Detail, _) => {
            let pct = value.parse::<i64>().map_or_else(|_| json!(value), |pct| json!(pct));
            candidate.set("max_monthly_reduction_pct", pct, Origin::attribute(attribute))
        }
    }
}

/// The candidate checked by the rules of a submission; each problem names
/// the file, line and column it came from.
fn parse(tables: &Tables, candidate: &Candidate<'_>, gazetteer: &Gazetteer) -> Result<NewListing, Vec<String>> {
    let service = candidate.service;
    let at_service = |column: &str, message: &str| {
        format!("{} line {}, column {column}: {message}", tables.file("service"), service.line)
    };
    let input: ListingInput = serde_json::from_value(Value::Object(candidate.input.clone()))
        .map_err(|error| vec![at_service("id", &format!("cannot be read as a listing: {error}"))])?;
    match NewListing::parse(input, gazetteer) {
        Ok(Parsed::Listing(listing)) => Ok(listing),
        Ok(Parsed::Honeypot) => Err(vec![at_service("id", "cannot be read as a listing")]),
        Err(AppError::Validation(errors)) => Err(errors
            .into_iter()
            .filter(|error| !candidate.unreadable.iter().any(|field| error.field == *field))
            .map(|error| {
                let field = error.field.split(['[', '.']).next().unwrap_or_default();
                let problem = match candidate.origins.get(field) {
                    Some(origin) => {
                        format!("{} line {}, column {}", tables.file(origin.table), origin.row.line, origin.column)
                    }
                    None if field == "contact_email" => {
                        return at_service("email", "a service needs an email address to reach the clinician (on the service, its organization or a contact)");
                    }
                    None => format!("{} line {} ({field})", tables.file("service"), service.line),
                };
                format!("{problem}: {} {}", error.field, error.message)
            })
            .collect()),
        Err(other) => Err(vec![at_service("id", &other.to_string())]),
    }
}
