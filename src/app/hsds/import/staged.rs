//! A package laid out on disk (`db::staging`), read back a few services at a
//! time: each batch of services with every row the import looks up for them
//! (their places, organizations, contacts, phones, terms…), so that reading a
//! million services takes the memory of one batch.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use anyhow::Context;

use super::links::{LINK_COLUMNS, READ_TABLES};
use super::tables::{self, Row, Tables};
use crate::app::hsds::package::{self, Table};
use crate::db::staging::{NewRow, StagedRow, Staging};

/// The columns a row is found by: its own id, then the ids it links to.
const ID: i16 = 0;

fn column_code(column: &str) -> Option<i16> {
    std::iter::once("id").chain(LINK_COLUMNS.iter().copied()).position(|name| name == column).map(|at| at as i16)
}

/// The codes of every link column.
fn link_codes() -> Vec<i16> {
    LINK_COLUMNS.iter().filter_map(|column| column_code(column)).collect()
}

pub struct StagedPackage {
    staging: Staging,
    /// The descriptor's tables; a table's code is its place here.
    tables: Vec<Table>,
    /// The files the package has, by table code.
    files: HashMap<i16, String>,
}

impl StagedPackage {
    /// Reads every table of the package at `source` onto disk.
    pub fn load(source: &Path) -> anyhow::Result<StagedPackage> {
        let tables = package::tables()?;
        let mut staging = Staging::create().context("a temporary file for the package")?;
        let mut files = HashMap::new();
        tables::read_each(source, |table, row| {
            let code = tables.iter().position(|known| known.name == table.name).unwrap_or_default() as i16;
            files.entry(code).or_insert_with(|| table.path.clone());
            let links =
                (row.cells.iter()).filter_map(|(column, key)| Some((column_code(column)?, key.clone()))).collect();
            let cells = serde_json::to_string(&row.cells)?;
            staging.add(NewRow { table: code, line: row.line as i64, cells, links })
        })?;
        staging.finish_loading()?;
        Ok(StagedPackage { staging, tables, files })
    }

    fn code(&self, table: &str) -> i16 {
        self.tables.iter().position(|known| known.name == table).unwrap_or_default() as i16
    }

    /// The file a table's rows came from (its name in the descriptor when the package has none).
    pub fn file(&self, table: &str) -> String {
        self.files.get(&self.code(table)).cloned().unwrap_or_else(|| table.to_string())
    }

    pub fn service_count(&mut self) -> anyhow::Result<usize> {
        let service = self.code("service");
        self.staging.count(service)
    }

    /// The service ids that more than one service row has.
    pub fn repeated_service_ids(&mut self) -> anyhow::Result<Vec<String>> {
        let service = self.code("service");
        self.staging.repeated_keys(service, ID)
    }

    /// The next `limit` services after the one stored as `after` (0 to start),
    /// with every row the import looks up for them; and where the next batch starts.
    pub fn batch_after(&mut self, after: i64, limit: usize) -> anyhow::Result<Option<(Tables, i64)>> {
        let services = self.staging.rows_after(self.code("service"), after, limit)?;
        let Some(last) = services.last().map(|row| row.id) else { return Ok(None) };
        let mut batch = Batch { package: self, tables: Tables::default(), held: HashMap::new() };
        batch.gather(services)?;
        Ok(Some((batch.tables, last)))
    }
}

/// One batch being gathered: the lookups of `links::Package`, made on disk.
struct Batch<'a> {
    package: &'a mut StagedPackage,
    tables: Tables,
    /// The stored rows already in `tables`, by table.
    held: HashMap<String, HashSet<i64>>,
}

impl Batch<'_> {
    fn gather(&mut self, services: Vec<StagedRow>) -> anyhow::Result<()> {
        let services = self.keep("service", services)?;
        let service_ids = column_values(&services, "id");
        let organization_ids = column_values(&services, "organization_id");
        let places = self.linked("service_at_location", &["service_id"], &service_ids)?;
        let own_location_ids = column_values(&places, "location_id");
        let mut locations = self.linked("location", &["id"], &own_location_ids)?;
        self.linked("organization", &["id"], &organization_ids)?;
        // A service with no physical place of its own is offered where its organization is.
        let placeless = organizations_of_placeless(&services, &places, &locations);
        locations.extend(self.linked("location", &["organization_id"], &placeless)?);
        self.linked("address", &["location_id"], &column_values(&locations, "id"))?;

        let mut keys = service_ids.clone();
        keys.extend(column_values(&places, "id"));
        keys.extend(column_values(&locations, "id"));
        keys.extend(organization_ids);
        for table in ["contact", "phone", "schedule"] {
            self.linked_anyhow(table, &keys)?;
        }
        for table in ["language", "service_area", "cost_option"] {
            self.linked(table, &["service_id"], &service_ids)?;
        }
        let attributes = self.linked("attribute", &["link_id"], &service_ids)?;
        self.linked("taxonomy_term", &["id"], &column_values(&attributes, "taxonomy_term_id"))?;
        let others: Vec<String> = (self.package.files.keys())
            .filter_map(|code| self.package.tables.get(usize::try_from(*code).ok()?))
            .map(|table| table.name.clone())
            .filter(|name| !READ_TABLES.contains(&name.as_str()))
            .collect();
        for table in others {
            self.linked_anyhow(&table, &keys)?;
        }
        self.tables.sort_by_line();
        Ok(())
    }

    /// The rows of `table` holding one of `keys` in one of `columns`, kept in the batch.
    fn linked(&mut self, table: &str, columns: &[&str], keys: &[String]) -> anyhow::Result<Vec<Row>> {
        let codes: Vec<i16> = columns.iter().filter_map(|column| column_code(column)).collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let table_code = self.package.code(table);
        let rows = self.package.staging.rows_linked(table_code, &codes, &keys)?;
        self.keep(table, rows)
    }

    /// The rows of `table` linked to one of `keys` through any link column.
    fn linked_anyhow(&mut self, table: &str, keys: &[String]) -> anyhow::Result<Vec<Row>> {
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let table_code = self.package.code(table);
        let rows = self.package.staging.rows_linked(table_code, &link_codes(), &keys)?;
        self.keep(table, rows)
    }

    /// Rows read back into the batch's tables, each once; returns those new to it.
    fn keep(&mut self, table: &str, rows: Vec<StagedRow>) -> anyhow::Result<Vec<Row>> {
        let held = self.held.entry(table.to_string()).or_default();
        let rows = (rows.into_iter())
            .filter(|row| held.insert(row.id))
            .map(|row| {
                let cells = serde_json::from_str(&row.cells).context("a stored row")?;
                Ok(Row { line: usize::try_from(row.line).unwrap_or_default(), cells })
            })
            .collect::<anyhow::Result<Vec<Row>>>()?;
        self.tables.extend(table, &self.package.file(table), rows.iter().cloned());
        Ok(rows)
    }
}

/// Each filled value of `column` in `rows`, once.
fn column_values(rows: &[Row], column: &str) -> Vec<String> {
    let mut values: Vec<String> = rows.iter().filter_map(|row| row.get(column)).map(str::to_string).collect();
    values.sort_unstable();
    values.dedup();
    values
}

/// The organizations of the services none of whose own places is a physical location.
fn organizations_of_placeless(services: &[Row], places: &[Row], locations: &[Row]) -> Vec<String> {
    let physical: HashSet<&str> =
        locations.iter().filter(|location| !location.is_virtual_location()).filter_map(|row| row.get("id")).collect();
    let placed: HashSet<&str> = (places.iter())
        .filter(|place| place.get("location_id").is_some_and(|location| physical.contains(location)))
        .filter_map(|place| place.get("service_id"))
        .collect();
    (services.iter())
        .filter(|service| !service.get("id").is_some_and(|id| placed.contains(id)))
        .filter_map(|service| service.get("organization_id").map(str::to_string))
        .collect()
}
