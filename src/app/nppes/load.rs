//! `benzowise nppes load`: a dissemination file (CSV, or the zip CMS
//! publishes) streamed in batches into a load of its own, which then
//! replaces the registry (a full file) or updates it (a weekly file) in one
//! short transaction, and opens a report on each listed listing whose NPI
//! it deactivates.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use anyhow::{bail, Context};
use chrono::NaiveDate;

use crate::db::nppes::{self, LoadCounts, NppesLoad};
use crate::db::reports::Report;
use crate::db::{write_transaction, AnyConnection};
use crate::domain::nppes::file::{self, LoadKind};
use crate::domain::nppes::record::{Columns, Provider, Row};

/// The report reason of a listing whose NPI the registry deactivated.
pub const DEACTIVATED_REASON: &str = "npi_deactivated";

/// How many rows go to the database in one transaction.
const BATCH: usize = 5000;

/// What a load did.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub kind: LoadKind,
    pub file_name: String,
    pub file_date: Option<NaiveDate>,
    pub counts: LoadCounts,
    /// Reports opened on listed listings whose NPI this file deactivates.
    pub reports: usize,
}

impl std::fmt::Display for Loaded {
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let action = match self.kind {
            LoadKind::Full => "replaced the registry",
            LoadKind::Weekly => "updated the registry",
        };
        let dated = self.file_date.map_or_else(|| "undated".to_string(), |day| format!("of {day}"));
        write!(
            out,
            "{} {dated} {action}: {} rows read, {} individuals, {} deactivated NPIs; {} report(s) opened on listed NPIs it deactivates",
            self.file_name, self.counts.rows_read, self.counts.individuals, self.counts.deactivated, self.reports
        )
    }
}

/// Counts the bytes read through it, for the progress bar.
struct Counting<R> {
    inner: R,
    read: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.read += read as u64;
        Ok(read)
    }
}

/// Loads `path`; `kind` overrides what its name says (see `file::is_weekly_name`).
/// `progress` hears the bytes read so far and in all.
pub fn load(
    conn: &mut AnyConnection,
    path: &Path,
    kind: Option<LoadKind>,
    mut progress: impl FnMut(u64, u64),
) -> anyhow::Result<Loaded> {
    let shown = path.display().to_string();
    let opened = File::open(path).with_context(|| format!("cannot open {shown}"))?;
    let is_zip = path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("zip"));
    if !is_zip {
        let total = opened.metadata().map(|meta| meta.len()).unwrap_or(0);
        let name = path.file_name().map_or_else(|| shown.clone(), |name| name.to_string_lossy().into_owned());
        return load_from(conn, BufReader::new(opened), (&name, total), kind, &mut progress);
    }
    let mut archive = zip::ZipArchive::new(opened).with_context(|| format!("{shown} is not a zip file"))?;
    let names: Vec<String> = archive.file_names().filter_map(|name| name.ok().map(|name| name.into_owned())).collect();
    let csvs: Vec<&String> = names.iter().filter(|name| name.to_ascii_lowercase().ends_with(".csv")).collect();
    let entry = match names.iter().find(|name| file::is_provider_entry(name)) {
        Some(name) => name.clone(),
        None if csvs.len() == 1 => csvs[0].clone(),
        None => bail!("{shown} holds no npidata_pfile_….csv, the providers' file of an NPPES dissemination zip"),
    };
    let kind = kind.or_else(|| file::is_weekly_name(&shown).then_some(LoadKind::Weekly));
    let reader = archive.by_name(&entry).with_context(|| format!("cannot read {entry} in {shown}"))?;
    let total = reader.size();
    load_from(conn, BufReader::new(reader), (&entry, total), kind, &mut progress)
}

fn load_from(
    conn: &mut AnyConnection,
    reader: impl Read,
    (name, total): (&str, u64),
    kind: Option<LoadKind>,
    progress: &mut impl FnMut(u64, u64),
) -> anyhow::Result<Loaded> {
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(Counting { inner: reader, read: 0 });
    let header = csv.byte_headers().with_context(|| format!("cannot read the header of {name}"))?.clone();
    let columns = Columns::from_header(&header).with_context(|| format!("{name} cannot be loaded"))?;
    let kind = kind.unwrap_or(if file::is_weekly_name(name) { LoadKind::Weekly } else { LoadKind::Full });
    let load_id = NppesLoad::start(conn, name, kind)?;
    let read = read_rows(conn, &mut csv, &columns, load_id, &mut |done| progress(done, total));
    let finished = read.and_then(|counts| {
        if kind == LoadKind::Full && counts.rows_read == 0 {
            bail!("{name} has no rows; the registry loaded before is kept");
        }
        let file_date = match file::span(name) {
            Some((_, to)) => Some(to),
            None => NppesLoad::newest_update(conn, load_id)?,
        };
        let reports = swap(conn, load_id, kind, counts, file_date)?;
        Ok(Loaded { kind, file_name: name.to_string(), file_date, counts, reports })
    });
    if finished.is_err() {
        NppesLoad::fail(conn, load_id)?;
    }
    NppesLoad::clear(conn)?;
    finished
}

/// Reads every row into the load, a batch a transaction.
fn read_rows<R: Read>(
    conn: &mut AnyConnection,
    csv: &mut csv::Reader<Counting<R>>,
    columns: &Columns,
    load_id: i64,
    progress: &mut impl FnMut(u64),
) -> anyhow::Result<LoadCounts> {
    let mut counts = LoadCounts::default();
    let mut batch: Vec<Provider> = Vec::with_capacity(BATCH);
    let mut record = csv::ByteRecord::new();
    loop {
        let more = csv
            .read_byte_record(&mut record)
            .with_context(|| format!("cannot read the row after line {}", csv.position().line()))?;
        if more {
            counts.rows_read += 1;
            match columns.read(&record) {
                Row::Individual(provider) => {
                    counts.individuals += 1;
                    batch.push(provider);
                }
                Row::Deactivated(provider) => {
                    counts.deactivated += 1;
                    batch.push(provider);
                }
                Row::Skipped => {}
            }
        }
        if batch.len() >= BATCH || (!more && !batch.is_empty()) {
            NppesLoad::insert(conn, load_id, &batch)?;
            batch.clear();
            progress(csv.get_ref().read);
        }
        if !more {
            return Ok(counts);
        }
    }
}

/// Makes the load the registry in use (a full file, or the first file of
/// all) or folds it into the current one (a weekly file), and opens the
/// reports its deactivations call for, in one transaction.
fn swap(
    conn: &mut AnyConnection,
    load_id: i64,
    kind: LoadKind,
    counts: LoadCounts,
    file_date: Option<NaiveDate>,
) -> anyhow::Result<usize> {
    let reports = write_transaction(conn, |conn| {
        let current = NppesLoad::current(conn)?;
        let mut reports = 0;
        for (npi, day) in NppesLoad::newly_deactivated(conn, load_id, current.as_ref().map(|load| load.id))? {
            for listing_id in nppes::listed_with_npi(conn, &npi)? {
                let details = format!("NPPES: NPI {npi}, {day}");
                Report::create(conn, listing_id, DEACTIVATED_REASON, Some(&details))?;
                reports += 1;
            }
        }
        match (kind, current) {
            (LoadKind::Weekly, Some(current)) => NppesLoad::merge(conn, load_id, current.id, counts, file_date)?,
            _ => NppesLoad::make_current(conn, load_id, counts, file_date)?,
        }
        Ok::<_, diesel::result::Error>(reports)
    })?;
    Ok(reports)
}
