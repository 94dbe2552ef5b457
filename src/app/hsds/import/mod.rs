//! `benzowise import --format hsds`: an HSDS 3.0 tabular package in, each
//! clinician's service as a *pending* listing, so everything imported still
//! passes moderation.
//!
//! Profession and specialty come from the directory's own terms, else a NUCC
//! taxonomy code, else credentials (see `domain::crosswalk`); where nothing
//! names them they are left for the moderator to choose. A service with no
//! email anywhere is imported unclaimed. What a listing cannot hold is kept
//! in the audit trail with its file, line and column. Services that are not
//! active, or not a clinician's, are skipped with their reason; a service
//! with a bad value is refused with its file, line and column, and the rest
//! are imported (all or nothing with `strict`). A service imported once
//! (known by its id) is not imported again.

mod fields;
mod links;
mod places;
mod service;
mod tables;

use std::collections::HashSet;
use std::path::Path;

use serde_json::{Map, Value};

use self::fields::Candidate;
use self::links::Package;
use self::tables::Tables;
use crate::app::seed::Loaded;
use crate::app::submissions;
use crate::db::events::{Actor, Event, Subject};
use crate::db::listings::Listing;
use crate::db::{self, AnyConnection};
use crate::domain::listing::{Gaps, ListingInput, NewListing, Parsed, Provenance};
use crate::domain::moderation::AuditAction;
use crate::error::AppError;
use crate::places::Gazetteer;

/// How many listings one transaction stores.
const BATCH: usize = 1000;

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Import nothing when any service is refused.
    pub strict: bool,
    /// Report what would be imported, and write nothing.
    pub dry_run: bool,
}

/// A service the import refused, with what was read of it.
pub struct Refused {
    pub problems: Vec<String>,
    /// The listing's fields as read, for a person to fix.
    pub listing: Map<String, Value>,
}

/// What an import did.
#[derive(Default)]
pub struct Imported {
    pub loaded: Vec<Loaded>,
    /// Services imported before, left alone.
    pub already: usize,
    /// Services that are no clinician's listing, each with its line and reason.
    pub skipped: Vec<String>,
    pub refused: Vec<Refused>,
    /// Services read well: stored, unless the import was a dry run or strict
    /// and some were refused.
    pub ready: usize,
    /// Of those, listings with no email anywhere (unclaimed), and listings
    /// whose profession or specialty a moderator must choose.
    pub unclaimed: usize,
    pub to_be_chosen: usize,
}

/// A service read well, to be stored.
struct Ready {
    listing: NewListing,
    key: String,
    kept: Vec<String>,
    claimed: bool,
}

/// Reads the package at `source` (a zip file or a directory) and stores its
/// clinicians' services as pending listings; `progress` hears how many are stored.
pub fn import(
    conn: &mut AnyConnection,
    source: &Path,
    gazetteer: &Gazetteer,
    options: Options,
    mut progress: impl FnMut(usize, usize),
) -> anyhow::Result<Imported> {
    let tables = Tables::read(source)?;
    let mut imported = Imported::default();
    let mut ready = read_services(conn, &tables, gazetteer, &mut imported)?;
    imported.ready = ready.len();
    imported.unclaimed = ready.iter().filter(|service| !service.claimed).count();
    imported.to_be_chosen = ready.iter().filter(|service| !service.listing.content().to_be_chosen().is_empty()).count();
    if options.dry_run || (options.strict && !imported.refused.is_empty()) {
        return Ok(imported);
    }
    let total = ready.len();
    while !ready.is_empty() {
        let rest = ready.split_off(ready.len().min(BATCH));
        let batch = std::mem::replace(&mut ready, rest);
        let stored = db::write_transaction(conn, |conn| {
            batch.iter().map(|ready| store(conn, ready)).collect::<Result<Vec<_>, AppError>>()
        })?;
        imported.loaded.extend(stored);
        progress(imported.loaded.len(), total);
    }
    Ok(imported)
}

/// Every service read: the ready ones returned, the others counted in `imported`.
fn read_services(
    conn: &mut AnyConnection,
    tables: &Tables,
    gazetteer: &Gazetteer,
    imported: &mut Imported,
) -> anyhow::Result<Vec<Ready>> {
    let package = Package::of(tables);
    let services = tables.all("service");
    let keys: Vec<String> = services.iter().map(|service| import_key(service.get("id"))).collect();
    let taken: HashSet<String> = Listing::imported_already(conn, &keys)?.into_iter().collect();
    let mut seen = HashSet::new();
    let mut ready = Vec::new();
    let file = tables.file("service");
    for (service, key) in services.iter().zip(keys) {
        if taken.contains(&key) {
            imported.already += 1;
            continue;
        }
        let candidate = match service::read(&package, service) {
            Ok(candidate) => candidate,
            Err(skip) => {
                imported.skipped.push(format!("{file} line {}: {skip}", service.line));
                continue;
            }
        };
        if !seen.insert(key.clone()) {
            let problem = format!("{file} line {}, column id: the same service appears twice", service.line);
            imported.refused.push(Refused { problems: vec![problem], listing: candidate.input });
            continue;
        }
        match prepare(tables, candidate, gazetteer, key) {
            Ok(service) => ready.push(service),
            Err(refused) => imported.refused.push(refused),
        }
    }
    Ok(ready)
}

/// The candidate parsed into a listing, with what it leaves for later.
fn prepare(
    tables: &Tables,
    mut candidate: Candidate<'_>,
    gazetteer: &Gazetteer,
    key: String,
) -> Result<Ready, Refused> {
    let to_be_chosen = ["profession", "specialty"]
        .into_iter()
        .filter(|field| !candidate.has(field))
        .map(|field| {
            if field == "profession" {
                crate::domain::listing::TO_BE_CHOSEN_PROFESSION
            } else {
                crate::domain::listing::TO_BE_CHOSEN_SPECIALTY
            }
        })
        .collect();
    let gaps = Gaps { to_be_chosen, unclaimed: !candidate.has("contact_email") };
    let mut problems = std::mem::take(&mut candidate.problems);
    match parse(tables, &candidate, gazetteer, &gaps) {
        Ok(listing) if problems.is_empty() => {
            Ok(Ready { listing, key, kept: candidate.kept, claimed: !gaps.unclaimed })
        }
        Ok(_) => Err(Refused { problems, listing: candidate.input }),
        Err(found) => {
            problems.extend(found);
            Err(Refused { problems, listing: candidate.input })
        }
    }
}

fn import_key(service_id: Option<&str>) -> String {
    format!("hsds:{}", service_id.unwrap_or_default())
}

/// Stores one listing as pending, and what it came with for the moderator.
fn store(conn: &mut AnyConnection, ready: &Ready) -> Result<Loaded, AppError> {
    let (created, manage_token) = submissions::create(conn, &ready.listing, Provenance::Clinician)?;
    Listing::set_import_key(conn, created.listing_id, &ready.key, ready.claimed)?;
    // The first line says where the listing came from; each further line is
    // one thing the listing cannot hold, which the review page lists.
    let mut note = format!("imported from an HSDS package, service {}", ready.key.trim_start_matches("hsds:"));
    for kept in &ready.kept {
        note.push('\n');
        note.push_str(&kept.replace('\n', " "));
    }
    let subject =
        Subject { listing_id: Some(created.listing_id), submission_id: Some(created.submission_id), report_id: None };
    Event::record(conn, &Actor::Operator("import"), AuditAction::Import.as_str(), subject, Some(&note), &[])?;
    // An unclaimed listing has no manage link: its token is never shown.
    let manage_token = if ready.claimed { manage_token } else { String::new() };
    Ok(Loaded { listing_id: created.listing_id, full_name: ready.listing.content().full_name.clone(), manage_token })
}

/// The candidate checked by the rules of a submission; each problem names
/// the file, line and column it came from.
fn parse(
    tables: &Tables,
    candidate: &Candidate<'_>,
    gazetteer: &Gazetteer,
    gaps: &Gaps,
) -> Result<NewListing, Vec<String>> {
    let service = candidate.service;
    let at_service = |column: &str, message: &str| {
        format!("{} line {}, column {column}: {message}", tables.file("service"), service.line)
    };
    let input: ListingInput = serde_json::from_value(Value::Object(candidate.input.clone()))
        .map_err(|error| vec![at_service("id", &format!("cannot be read as a listing: {error}"))])?;
    match NewListing::parse_with_gaps(input, gazetteer, gaps) {
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
                    None => format!("{} line {} ({field})", tables.file("service"), service.line),
                };
                format!("{problem}: {} {}", error.field, error.message)
            })
            .collect()),
        Err(other) => Err(vec![at_service("id", &other.to_string())]),
    }
}
