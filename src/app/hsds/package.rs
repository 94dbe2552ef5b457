//! The HSDS 3.0 tabular data package: `datapackage.json` (the
//! specification's own, naming every table and column) and one CSV file per
//! table, zipped. Written a batch of listings at a time through one
//! temporary CSV file per table, so memory stays flat however large the
//! directory.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::Context;
use serde::Deserialize;
use serde_json::Value;
use zip::write::SimpleFileOptions;

use super::{taxonomy, Publisher};
use crate::app::listings::{self, PublicListing};
use crate::db::AnyConnection;

/// The specification's package descriptor (Open Referral, CC BY-SA 4.0).
pub const DATAPACKAGE: &str = include_str!("../../../standards/hsds-3.0/datapackage.json");

/// One table of the package: its name, its file and its columns in order.
#[derive(Debug, Clone, Deserialize)]
pub struct Table {
    pub name: String,
    pub path: String,
    schema: TableSchema,
}

#[derive(Debug, Clone, Deserialize)]
struct TableSchema {
    fields: Vec<Column>,
}

#[derive(Debug, Clone, Deserialize)]
struct Column {
    name: String,
}

impl Table {
    pub fn columns(&self) -> impl Iterator<Item = &str> {
        self.schema.fields.iter().map(|column| column.name.as_str())
    }
}

/// Every table the specification defines, in its order.
pub fn tables() -> anyhow::Result<Vec<Table>> {
    #[derive(Deserialize)]
    struct Descriptor {
        resources: Vec<Table>,
    }
    let descriptor: Descriptor = serde_json::from_str(DATAPACKAGE).context("the HSDS package descriptor")?;
    Ok(descriptor.resources)
}

/// A record's value as a CSV cell: text as it is, numbers and booleans as JSON writes them.
pub fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    }
}

/// One CSV file being written, for one table.
struct TableFile {
    table: Table,
    file: tempfile::NamedTempFile,
    writer: csv::Writer<BufWriter<File>>,
}

impl TableFile {
    fn create(table: Table) -> anyhow::Result<TableFile> {
        let file = tempfile::NamedTempFile::new()?;
        let mut writer = csv::Writer::from_writer(BufWriter::new(file.reopen()?));
        writer.write_record(table.columns())?;
        Ok(TableFile { table, file, writer })
    }

    fn write(&mut self, record: &Value) -> anyhow::Result<()> {
        let cells: Vec<String> = self.table.columns().map(|column| cell(record.get(column))).collect();
        self.writer.write_record(&cells)?;
        Ok(())
    }
}

/// Writes the public directory to `path` as an HSDS package; `progress` hears
/// how many listings are written after each batch. Returns how many.
pub fn export(
    conn: &mut AnyConnection,
    publisher: &Publisher,
    path: &Path,
    mut progress: impl FnMut(usize),
) -> anyhow::Result<usize> {
    let mut files = tables()?.into_iter().map(TableFile::create).collect::<anyhow::Result<Vec<_>>>()?;
    let names: Vec<String> = files.iter().map(|file| file.table.name.clone()).collect();
    let index_of = |table: &str| {
        names.iter().position(|name| name == table).with_context(|| format!("the package has a {table} table"))
    };
    let (taxonomy_file, term_file) = (index_of("taxonomy")?, index_of("taxonomy_term")?);
    files[taxonomy_file].write(&taxonomy::taxonomy(&publisher.links))?;
    for term in taxonomy::terms() {
        files[term_file].write(&term.record(&publisher.links))?;
    }
    let mut written = 0;
    listings::each_public_batch(conn, |batch: Vec<PublicListing>| -> anyhow::Result<()> {
        for listing in &batch {
            let records = publisher.records(listing);
            for (table, row) in records.rows() {
                files[index_of(table)?].write(row)?;
            }
        }
        written += batch.len();
        progress(written);
        Ok(())
    })?;

    let mut zip = zip::ZipWriter::new(BufWriter::new(
        File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
    ));
    let mut options =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    if let Some(written_at) = zip_time(chrono::Utc::now().naive_utc()) {
        options = options.last_modified_time(written_at);
    }
    zip.start_file("datapackage.json", options)?;
    zip.write_all(DATAPACKAGE.as_bytes())?;
    for file in files {
        let TableFile { table, file, writer } = file;
        writer.into_inner().map_err(|error| error.into_error())?.flush()?;
        zip.start_file(table.path.as_str(), options)?;
        std::io::copy(&mut file.reopen()?, &mut zip)?;
    }
    zip.finish()?.flush()?;
    Ok(written)
}

/// A time as zip files record it (to two seconds, years 1980 to 2107).
fn zip_time(time: chrono::NaiveDateTime) -> Option<zip::DateTime> {
    use chrono::{Datelike, Timelike};
    let narrow = |value: u32| u8::try_from(value).ok();
    zip::DateTime::from_date_and_time(
        u16::try_from(time.year()).ok()?,
        narrow(time.month())?,
        narrow(time.day())?,
        narrow(time.hour())?,
        narrow(time.minute())?,
        narrow(time.second())?,
    )
    .ok()
}
