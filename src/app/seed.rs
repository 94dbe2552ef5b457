//! Loading listings in bulk (`benzowise seed`, `serve --demo`) and exporting
//! the approved directory (`benzowise export`). CSV and JSON use the listing's
//! field names; in CSV, lists are separated by `;`, and nested fields are
//! columns named `group.key` (`answers.slow_taper`, `self_pay_first_visit.min`).

use anyhow::{bail, Context};
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::listings::PublicListing;
use super::submissions;
use crate::db::events::Actor;
use crate::db::listings::Listing;
use crate::db::submissions::Submission;
use crate::db::AnyConnection;
use crate::domain::listing::{ListingInput, NewListing, Parsed, Provenance};
use crate::error::AppError;
use crate::places::Gazetteer;

/// The fictional demo listings shipped in `seeds/`.
pub const DEMO_LISTINGS: &str = include_str!("../../seeds/demo_listings.json");

const LIST_FIELDS: &[&str] =
    &["licensed_regions", "languages", "taper_approaches", "criteria", "payment_options", "insurers"];
const BOOL_FIELDS: &[&str] = &["telehealth", "accepting_new_patients"];
const NUMBER_FIELDS: &[&str] = &[
    "latitude",
    "longitude",
    "max_monthly_reduction_pct",
    "self_pay_first_visit.min",
    "self_pay_first_visit.max",
    "self_pay_follow_up.min",
    "self_pay_follow_up.max",
];
/// Columns an export adds that are derived, not submitted; a seed skips them.
/// (`problem` is what a rejects file says was wrong with the row.)
const DERIVED_COLUMNS: &[&str] = &[
    "id",
    "demo",
    "profession_label",
    "prescriber",
    "last_reviewed_at",
    "confirmed_at",
    "npi_verified_on",
    "claimed",
    "names_derived",
    "problem",
];

/// A JSON seed file: a bare array of listings, or an object that also says
/// whether they are demo listings.
#[derive(Deserialize)]
#[serde(untagged)]
enum SeedFile {
    Listings(Vec<Value>),
    Described {
        #[serde(default)]
        demo: bool,
        listings: Vec<Value>,
    },
}

/// Listings read from a file, not yet checked.
pub struct SeedBatch {
    pub demo: bool,
    pub listings: Vec<Value>,
}

impl SeedBatch {
    pub fn from_json(text: &str) -> anyhow::Result<SeedBatch> {
        Ok(match serde_json::from_str(text).context("the JSON seed is not an array or {\"listings\": [...]}")? {
            SeedFile::Listings(listings) => SeedBatch { demo: false, listings },
            SeedFile::Described { demo, listings } => SeedBatch { demo, listings },
        })
    }

    pub fn from_csv(text: &str) -> anyhow::Result<SeedBatch> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers()?.clone();
        let mut listings = Vec::new();
        for record in reader.records() {
            let record = record?;
            let mut object = Map::new();
            for (column, cell) in headers.iter().zip(record.iter()) {
                let cell = undefused(cell.trim());
                if cell.is_empty() || DERIVED_COLUMNS.contains(&column) {
                    continue;
                }
                // `group.key` columns, such as `answers.slow_taper`, fill a nested object.
                match column.split_once('.') {
                    Some((group, key)) => {
                        if let Value::Object(fields) = object.entry(group).or_insert_with(|| Value::Object(Map::new()))
                        {
                            fields.insert(key.to_string(), csv_value(column, cell));
                        }
                    }
                    None => {
                        object.insert(column.to_string(), csv_value(column, cell));
                    }
                }
            }
            listings.push(Value::Object(object));
        }
        Ok(SeedBatch { demo: false, listings })
    }

    /// Reads a seed file; `.csv` files are CSV, anything else JSON.
    pub fn read(path: &std::path::Path) -> anyhow::Result<SeedBatch> {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) {
            SeedBatch::from_csv(&text)
        } else {
            SeedBatch::from_json(&text)
        }
    }

    /// Checks every listing by the same rules as a submission; any bad one
    /// fails the whole batch, naming each row (1-based) and field.
    pub fn parse(self, gazetteer: &Gazetteer) -> anyhow::Result<Vec<NewListing>> {
        let mut parsed = Vec::new();
        let mut problems = Vec::new();
        for (index, value) in self.listings.into_iter().enumerate() {
            let row = index + 1;
            let input = match serde_json::from_value::<ListingInput>(value) {
                Ok(input) => input,
                Err(error) => {
                    problems.push(format!("row {row}: {error}"));
                    continue;
                }
            };
            match NewListing::parse(input, gazetteer) {
                Ok(Parsed::Listing(listing)) => parsed.push(listing),
                Ok(Parsed::Honeypot) => problems.push(format!("row {row}: website_url_confirm must be empty")),
                Err(AppError::Validation(errors)) => {
                    problems.extend(errors.into_iter().map(|e| format!("row {row}: {} {}", e.field, e.message)))
                }
                Err(other) => problems.push(format!("row {row}: {other}")),
            }
        }
        if !problems.is_empty() {
            bail!("nothing was loaded; fix these and try again:\n{}", problems.join("\n"));
        }
        Ok(parsed)
    }
}

fn csv_value(column: &str, cell: &str) -> Value {
    match column {
        "phones" => return phones_from_cell(cell),
        "opening_hours" => return opening_hours_from_cell(cell),
        // Written as JSON: a place has too many parts for separators; a bad one is left for the rules to name.
        "other_locations" => return serde_json::from_str(cell).unwrap_or_else(|_| Value::String(cell.to_string())),
        _ => {}
    }
    if LIST_FIELDS.contains(&column) {
        return Value::Array(cell.split(';').map(|s| Value::String(s.trim().to_string())).collect());
    }
    if BOOL_FIELDS.contains(&column) {
        match cell.to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => return Value::Bool(true),
            "false" | "no" | "0" => return Value::Bool(false),
            _ => {}
        }
    }
    if NUMBER_FIELDS.contains(&column) {
        if let Some(number) = cell
            .parse::<i64>()
            .ok()
            .map(Value::from)
            .or_else(|| cell.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map(Value::Number))
        {
            return number;
        }
    }
    Value::String(cell.to_string())
}

/// A listing that was loaded, with the manage token its clinician needs.
pub struct Loaded {
    pub listing_id: i64,
    pub full_name: String,
    pub manage_token: String,
}

/// Whether loaded listings are published at once or wait for moderators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publication {
    Approved,
    Pending,
}

/// Stores parsed listings, approved (recorded in the audit trail as done by
/// the operator) or left pending for moderators.
pub fn load(
    conn: &mut AnyConnection,
    listings: Vec<NewListing>,
    publication: Publication,
    provenance: Provenance,
) -> anyhow::Result<Vec<Loaded>> {
    let actor = Actor::Operator("seed");
    let mut loaded = Vec::with_capacity(listings.len());
    for listing in listings {
        let (created, manage_token) = submissions::create(conn, &listing, provenance)?;
        if publication == Publication::Approved {
            let choices = Default::default();
            Submission::approve(conn, created.submission_id, &actor, Some("loaded from a seed file"), &choices)?;
        }
        loaded.push(Loaded {
            listing_id: created.listing_id,
            full_name: listing.into_content().details.full_name,
            manage_token,
        });
    }
    Ok(loaded)
}

/// Loads the demo listings when the directory has no listings at all.
pub fn load_demo_if_empty(conn: &mut AnyConnection) -> anyhow::Result<usize> {
    if Listing::count(conn)? > 0 {
        return Ok(0);
    }
    let batch = SeedBatch::from_json(DEMO_LISTINGS)?;
    let listings = batch.parse(Gazetteer::shared())?;
    Ok(load(conn, listings, Publication::Approved, Provenance::Demo)?.len())
}

/// The approved directory as JSON: an array of public listings.
pub fn export_json(listings: Vec<PublicListing>) -> anyhow::Result<String> {
    Ok(serde_json::to_string_pretty(&listings)?)
}

/// The approved directory as CSV, in the columns `seed` reads back.
pub fn export_csv(listings: Vec<PublicListing>) -> anyhow::Result<String> {
    let rows: Vec<Vec<(String, String)>> =
        listings.iter().map(|listing| Ok(flatten(serde_json::to_value(listing)?))).collect::<anyhow::Result<_>>()?;
    // Every column any listing has, in field order: a price given by only
    // some listings still gets its `.min` and `.max` columns.
    let mut columns: Vec<&str> = Vec::new();
    for (column, _) in rows.iter().flatten() {
        if !columns.contains(&column.as_str()) {
            columns.push(column);
        }
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&columns)?;
    for row in &rows {
        let cell = |column: &str| row.iter().find(|(name, _)| name == column).map_or("", |(_, cell)| cell.as_str());
        writer.write_record(columns.iter().map(|column| defused(cell(column)).into_owned()))?;
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}

/// What a spreadsheet would run as a formula (a cell starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) is written after a `'`, which
/// spreadsheets read as "this is text"; numbers such as a longitude of
/// -122.68 stay as they are. `seed` takes the `'` off again.
fn defused(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) && cell.parse::<f64>().is_err() {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as `export --format csv` wrote it, without the `'` of `defused`.
fn undefused(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// Listings another list could not give well, written to a CSV that `seed`
/// reads once fixed: a `problem` column naming what to fix, then the
/// listing's columns as read. Rows wait in a temporary file until `finish`,
/// since the columns are known only once every row is in.
pub struct Rejects {
    path: std::path::PathBuf,
    spool: std::io::BufWriter<tempfile::NamedTempFile>,
    count: usize,
}

impl Rejects {
    pub fn create(path: &std::path::Path) -> anyhow::Result<Rejects> {
        let spool = std::io::BufWriter::new(tempfile::NamedTempFile::new()?);
        Ok(Rejects { path: path.to_path_buf(), spool, count: 0 })
    }

    pub fn add(&mut self, problem: &str, listing: &Map<String, Value>) -> anyhow::Result<()> {
        use std::io::Write;
        serde_json::to_writer(&mut self.spool, &(problem, listing))?;
        self.spool.write_all(b"\n")?;
        self.count += 1;
        Ok(())
    }

    /// Writes the CSV; returns how many rows it holds.
    pub fn finish(self) -> anyhow::Result<usize> {
        let spool = self.spool.into_inner().map_err(|error| error.into_error())?;
        let rows = || -> anyhow::Result<_> {
            let lines = std::io::BufRead::lines(std::io::BufReader::new(spool.reopen()?));
            Ok(lines.map(|line| -> anyhow::Result<(String, Vec<(String, String)>)> {
                let (problem, listing): (String, Value) = serde_json::from_str(&line?)?;
                Ok((problem, flatten(listing)))
            }))
        };
        // What an import may leave to be chosen comes first, empty, to fill in.
        let mut columns: Vec<String> = ["problem", "profession", "specialty"].map(String::from).to_vec();
        for row in rows()? {
            for (column, _) in row?.1 {
                if !columns.contains(&column) {
                    columns.push(column);
                }
            }
        }
        let path = &self.path;
        let mut writer = csv::Writer::from_path(path).with_context(|| format!("cannot write {}", path.display()))?;
        writer.write_record(&columns)?;
        for row in rows()? {
            let (problem, cells) = row?;
            let cell = |column: &str| match column {
                "problem" => problem.clone(),
                _ => cells.iter().find(|(name, _)| name == column).map_or_else(String::new, |(_, cell)| cell.clone()),
            };
            writer.write_record(columns.iter().map(|column| defused(&cell(column)).into_owned()))?;
        }
        writer.flush()?;
        Ok(self.count)
    }
}

/// `(column, cell)` pairs of one listing, in field order.
fn flatten(value: Value) -> Vec<(String, String)> {
    let Value::Object(map) = value else { return Vec::new() };
    let mut cells = Vec::new();
    for (key, value) in map {
        match value {
            Value::Object(inner) => {
                cells.extend(inner.into_iter().map(|(k, v)| (format!("{key}.{k}"), cell(v))));
            }
            Value::Array(phones) if key == "phones" => cells.push((key, phones_cell(phones))),
            Value::Array(hours) if key == "opening_hours" => cells.push((key, opening_hours_cell(hours))),
            Value::Array(places) if key == "other_locations" => {
                let json = if places.is_empty() { String::new() } else { Value::Array(places).to_string() };
                cells.push((key, json));
            }
            other => cells.push((key, cell(other))),
        }
    }
    cells
}

/// Phone numbers in one cell, as `kind:number` or `kind:number:extension`
/// separated by `;` (a number has neither character): `voice:(503) 555-0100;fax:(503) 555-0101`.
fn phones_cell(phones: Vec<Value>) -> String {
    let one = |phone: &Value| {
        let part = |name: &str| phone.get(name).and_then(Value::as_str).filter(|text| !text.is_empty());
        let mut parts = vec![part("kind").unwrap_or("voice"), part("number").unwrap_or_default()];
        parts.extend(part("extension"));
        parts.join(":")
    };
    phones.iter().map(one).collect::<Vec<_>>().join(";")
}

/// The numbers of a `phones` cell; one without a kind is a voice number.
fn phones_from_cell(cell: &str) -> Value {
    let one = |item: &str| match item.split_once(':') {
        None => json!({ "number": item }),
        Some((kind, rest)) => match rest.split_once(':') {
            None => json!({ "kind": kind.trim(), "number": rest.trim() }),
            Some((number, extension)) => {
                json!({ "kind": kind.trim(), "number": number.trim(), "extension": extension.trim() })
            }
        },
    };
    cell.split(';').map(str::trim).filter(|item| !item.is_empty()).map(one).collect()
}

/// Opening hours in one cell, as `day opens-closes` separated by `;`:
/// `mon 08:30-12:00;mon 13:00-17:00;fri 08:30-12:00`.
fn opening_hours_cell(hours: Vec<Value>) -> String {
    let part = |one: &Value, name: &str| one.get(name).and_then(Value::as_str).unwrap_or_default().to_string();
    let one = |one: &Value| format!("{} {}-{}", part(one, "day"), part(one, "opens"), part(one, "closes"));
    hours.iter().map(one).collect::<Vec<_>>().join(";")
}

/// The openings of an `opening_hours` cell; a part that is missing is left
/// out, for the listing's rules to name.
fn opening_hours_from_cell(cell: &str) -> Value {
    let one = |item: &str| {
        let (day, times) = item.split_once(' ').unwrap_or((item, ""));
        let (opens, closes) = times.split_once('-').unwrap_or((times, ""));
        let parts = [("day", day), ("opens", opens), ("closes", closes)].map(|(name, value)| (name, value.trim()));
        let filled = parts.into_iter().filter(|(_, value)| !value.is_empty());
        Value::Object(filled.map(|(name, value)| (name.to_string(), json!(value))).collect())
    };
    cell.split(';').map(str::trim).filter(|item| !item.is_empty()).map(one).collect()
}

fn cell(value: Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s,
        Value::Array(items) => items.into_iter().map(cell).collect::<Vec<_>>().join(";"),
        other => other.to_string(),
    }
}
