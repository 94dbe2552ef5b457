//! Reading a package's tables: every table of the HSDS descriptor the
//! package has, from a zip or a directory, each row with its line as it
//! streams in; and the rows of a few services held together to be read.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context};

use crate::app::hsds::package::{tables, Table};

/// One CSV row: its line in the file (the header is line 1) and its filled cells.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: usize,
    pub cells: HashMap<String, String>,
}

impl Row {
    pub fn get(&self, column: &str) -> Option<&str> {
        self.cells.get(column).map(String::as_str)
    }

    /// Whether this location row is a virtual one (telehealth), not a place.
    pub fn is_virtual_location(&self) -> bool {
        self.get("location_type").is_some_and(|kind| kind.eq_ignore_ascii_case("virtual"))
    }
}

/// Some of a package's tables: the rows of a few services and of what links
/// to them, each table with its file name and its rows in file order.
#[derive(Default)]
pub struct Tables {
    rows: HashMap<String, (String, Vec<Row>)>,
}

/// The most a table's file may inflate to, and the most rows the package may
/// hold: far beyond the largest directory's package, and a bound on the disk
/// an import takes, so that a small zip that inflates to terabytes is
/// refused early.
const MAX_TABLE_BYTES: u64 = 2 << 30;
const MAX_PACKAGE_ROWS: usize = 100_000_000;

/// Hands every row of every table the package has (a zip or a directory) to
/// `each`, as it streams in; the package's tables in the descriptor's order.
pub fn read_each(source: &Path, mut each: impl FnMut(&Table, Row) -> anyhow::Result<()>) -> anyhow::Result<()> {
    let mut archive = if source.is_dir() {
        None
    } else {
        let file = std::fs::File::open(source).with_context(|| format!("cannot open {}", source.display()))?;
        Some(zip::ZipArchive::new(file).with_context(|| format!("{} is not a zip file", source.display()))?)
    };
    let mut read_so_far = 0;
    for table in tables()? {
        let mut each = |row: Row| each(&table, row);
        match &mut archive {
            Some(archive) => {
                let Some(name) = entry_name(archive, &table) else { continue };
                let entry = archive.by_name(&name)?;
                // Refused before reading when the archive says so; the
                // read below is capped all the same, for an archive that lies.
                if entry.size() > MAX_TABLE_BYTES {
                    return Err(too_large(&table));
                }
                read_rows(entry, &table, &mut read_so_far, &mut each)?
            }
            None => {
                let path = source.join(&table.path);
                if !path.exists() {
                    continue;
                }
                let file = std::fs::File::open(&path).with_context(|| format!("cannot read {}", path.display()))?;
                read_rows(file, &table, &mut read_so_far, &mut each)?
            }
        }
    }
    Ok(())
}

impl Tables {
    /// Adds `rows` of `table` (whose file is `file`); rows already there stay first.
    pub fn extend(&mut self, table: &str, file: &str, rows: impl IntoIterator<Item = Row>) {
        let (_, held) = self.rows.entry(table.to_string()).or_insert_with(|| (file.to_string(), Vec::new()));
        held.extend(rows);
    }

    /// Puts each table's rows back in file order.
    pub fn sort_by_line(&mut self) {
        for (_, rows) in self.rows.values_mut() {
            rows.sort_by_key(|row| row.line);
        }
    }

    pub fn all(&self, table: &str) -> &[Row] {
        self.rows.get(table).map_or(&[], |(_, rows)| rows.as_slice())
    }

    /// The names of the tables the package has.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.rows.keys().map(String::as_str)
    }

    pub fn file<'a>(&'a self, table: &'a str) -> &'a str {
        self.rows.get(table).map_or(table, |(file, _)| file.as_str())
    }

    /// The rows of `table` grouped by the value of `column`.
    pub fn by<'a>(&'a self, table: &str, column: &str) -> HashMap<&'a str, Vec<&'a Row>> {
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
fn read_rows(
    file: impl Read,
    table: &Table,
    read_so_far: &mut usize,
    each: &mut impl FnMut(Row) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut capped = file.take(MAX_TABLE_BYTES + 1);
    let mut reader = csv::Reader::from_reader(&mut capped);
    let headers = reader.headers().with_context(|| format!("{}: the header line", table.path))?.clone();
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
        each(Row { line, cells })?;
    }
    if reader.get_ref().limit() == 0 {
        return Err(too_large(table));
    }
    Ok(())
}
