//! A service as it is being read: the listing's fields with the cell each
//! came from, and what the listing cannot hold, kept with its file, line and
//! column for the moderator.

use std::collections::HashMap;

use serde_json::{json, Map, Value};

use super::links::Package;
use super::tables::Row;

/// Where a listing's field came from, to name it in a problem.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    pub table: &'a str,
    pub column: &'static str,
    pub row: &'a Row,
}

impl<'a> Origin<'a> {
    pub fn of(table: &'a str, column: &'static str, row: &'a Row) -> Self {
        Origin { table, column, row }
    }

    /// An attribute's term, which names the field it fills.
    pub fn attribute(row: &'a Row) -> Self {
        Origin::of("attribute", "taxonomy_term_id", row)
    }
}

/// A service read from the package, ready to parse.
pub struct Candidate<'a> {
    pub service: &'a Row,
    pub input: Map<String, Value>,
    /// Listing field → the cell it was read from.
    pub origins: HashMap<&'static str, Origin<'a>>,
    /// What the listing cannot hold, for the moderator.
    pub kept: Vec<String>,
    /// Fields whose cells could not be read, already reported.
    pub unreadable: Vec<&'static str>,
    /// Problems found while reading, each naming its file, line and column.
    pub problems: Vec<String>,
}

impl<'a> Candidate<'a> {
    pub fn new(service: &'a Row) -> Candidate<'a> {
        Candidate {
            service,
            input: Map::new(),
            origins: HashMap::new(),
            kept: Vec::new(),
            unreadable: Vec::new(),
            problems: Vec::new(),
        }
    }

    pub fn set(&mut self, field: &'static str, value: Value, origin: Origin<'a>) {
        self.input.insert(field.to_string(), value);
        self.origins.entry(field).or_insert(origin);
    }

    /// Adds `value` to the list `field` unless it is there already.
    pub fn push(&mut self, field: &'static str, value: Value, origin: Origin<'a>) {
        if let Value::Array(items) = self.input.entry(field).or_insert_with(|| Value::Array(Vec::new())) {
            if !items.contains(&value) {
                items.push(value);
            }
        }
        self.origins.entry(field).or_insert(origin);
    }

    pub fn has(&self, field: &str) -> bool {
        self.input.contains_key(field)
    }

    /// Sets each `(field, column)` whose cell `row` of `table` fills.
    pub fn copy(&mut self, table: &'a str, row: &'a Row, columns: &[(&'static str, &'static str)]) {
        for &(field, column) in columns {
            if let Some(value) = row.get(column) {
                self.set(field, json!(value), Origin::of(table, column, row));
            }
        }
    }

    /// Keeps every filled cell of `row` but `read` ones, for the moderator.
    pub fn keep_unread(&mut self, package: &Package, table: &str, row: &Row, read: &[&str]) {
        let mut cells: Vec<(&String, &String)> =
            row.cells.iter().filter(|(column, _)| !read.contains(&column.as_str())).collect();
        cells.sort();
        for (column, value) in cells {
            self.kept.push(format!("{} line {}, {column}: {value}", package.tables.file(table), row.line));
        }
    }

    /// Keeps a whole row the listing has no place for.
    pub fn keep_row(&mut self, package: &Package, table: &str, row: &Row) {
        self.keep_unread(package, table, row, &["id", "service_id", "location_id", "organization_id", "link_id"]);
    }
}
