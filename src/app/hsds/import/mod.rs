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
//!
//! The package is laid out on disk first and read a thousand services at a
//! time, and what becomes of each is told as it happens, so that the memory
//! an import takes does not grow with the package.

mod fields;
mod links;
mod places;
mod service;
mod staged;
mod tables;

use std::collections::HashSet;
use std::path::Path;

use serde_json::{Map, Value};

use self::fields::Candidate;
use self::links::Package;
use self::staged::StagedPackage;
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

/// How many services are read, and their listings stored in one transaction, at a time.
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

/// Hears what becomes of each service as the import goes, so that nothing
/// about a million services need be held until the end.
pub trait Report {
    fn stored(&mut self, loaded: &Loaded) -> anyhow::Result<()>;
    /// A service that is no clinician's listing, with its line and reason.
    fn skipped(&mut self, what: &str) -> anyhow::Result<()>;
    fn refused(&mut self, refused: &Refused) -> anyhow::Result<()>;
    /// How many of the package's services have been read.
    fn progress(&mut self, read: usize, total: usize);
}

/// What an import did, counted.
#[derive(Debug, Default)]
pub struct Imported {
    pub stored: usize,
    /// Services imported before, left alone.
    pub already: usize,
    pub skipped: usize,
    pub refused: usize,
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
/// clinicians' services as pending listings, telling `report` of each.
pub fn import(
    conn: &mut AnyConnection,
    source: &Path,
    gazetteer: &Gazetteer,
    options: Options,
    report: &mut impl Report,
) -> anyhow::Result<Imported> {
    let mut package = StagedPackage::load(source)?;
    let mut imported = read_all(conn, &mut package, gazetteer, !options.dry_run && !options.strict, report)?;
    if options.strict && !options.dry_run && imported.refused == 0 {
        // Every service read well: read again to store, saying only what is stored.
        imported.stored = read_all(conn, &mut package, gazetteer, true, &mut OnlyStored(report))?.stored;
    }
    Ok(imported)
}

/// Reads every service a batch at a time, storing the ready ones when `store`.
fn read_all(
    conn: &mut AnyConnection,
    package: &mut StagedPackage,
    gazetteer: &Gazetteer,
    store: bool,
    report: &mut impl Report,
) -> anyhow::Result<Imported> {
    let total = package.service_count()?;
    let mut services =
        Services { repeated: package.repeated_service_ids()?.into_iter().collect(), ..Services::default() };
    let (mut after, mut read) = (0, 0);
    while let Some((tables, last)) = package.batch_after(after, BATCH)? {
        after = last;
        read += tables.all("service").len();
        let ready = services.read(conn, &tables, gazetteer, report)?;
        if store {
            let stored = db::write_transaction(conn, |conn| {
                ready.iter().map(|ready| self::store(conn, ready)).collect::<Result<Vec<_>, AppError>>()
            })?;
            for loaded in &stored {
                report.stored(loaded)?;
            }
            services.imported.stored += stored.len();
        }
        report.progress(read, total);
    }
    Ok(services.imported)
}

/// The services read so far: what became of them, and the ids to watch for twice.
#[derive(Default)]
struct Services {
    imported: Imported,
    /// Service ids that more than one row has, and those of them already read.
    repeated: HashSet<String>,
    seen: HashSet<String>,
}

impl Services {
    /// The batch's services: the ready ones returned, the others counted and reported.
    fn read(
        &mut self,
        conn: &mut AnyConnection,
        tables: &Tables,
        gazetteer: &Gazetteer,
        report: &mut impl Report,
    ) -> anyhow::Result<Vec<Ready>> {
        let package = Package::of(tables);
        let services = tables.all("service");
        let keys: Vec<String> = services.iter().map(|service| import_key(service.get("id"))).collect();
        let taken: HashSet<String> = Listing::imported_already(conn, &keys)?.into_iter().collect();
        let mut ready = Vec::new();
        let file = tables.file("service");
        for (service, key) in services.iter().zip(keys) {
            if taken.contains(&key) {
                self.imported.already += 1;
                continue;
            }
            let outcome = match service::read(&package, service) {
                Err(skip) => {
                    self.imported.skipped += 1;
                    report.skipped(&format!("{file} line {}: {skip}", service.line))?;
                    continue;
                }
                Ok(candidate)
                    if self.repeated.contains(service.get("id").unwrap_or_default())
                        && !self.seen.insert(key.clone()) =>
                {
                    let problem = format!("{file} line {}, column id: the same service appears twice", service.line);
                    Err(Refused { problems: vec![problem], listing: candidate.input })
                }
                Ok(candidate) => prepare(tables, candidate, gazetteer, key),
            };
            match outcome {
                Ok(service) => {
                    self.imported.ready += 1;
                    self.imported.unclaimed += usize::from(!service.claimed);
                    self.imported.to_be_chosen += usize::from(!service.listing.content().to_be_chosen().is_empty());
                    ready.push(service);
                }
                Err(refused) => {
                    self.imported.refused += 1;
                    report.refused(&refused)?;
                }
            }
        }
        Ok(ready)
    }
}

/// A report that hears only what is stored: the second reading of a strict
/// import, whose skips the first reading told.
struct OnlyStored<'a, R>(&'a mut R);

impl<R: Report> Report for OnlyStored<'_, R> {
    fn stored(&mut self, loaded: &Loaded) -> anyhow::Result<()> {
        self.0.stored(loaded)
    }
    fn skipped(&mut self, _: &str) -> anyhow::Result<()> {
        Ok(())
    }
    fn refused(&mut self, _: &Refused) -> anyhow::Result<()> {
        Ok(())
    }
    fn progress(&mut self, read: usize, total: usize) {
        self.0.progress(read, total)
    }
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
