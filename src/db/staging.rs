//! A temporary SQLite file that holds the rows of a package being imported,
//! each findable by the ids in its columns, so that an import reads a few
//! services at a time with everything linked to them, and its memory stays
//! the same however large the package. The file goes when the store is dropped.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sqlite::SqliteConnection;

diesel::table! {
    /// One CSV row: its table (an index into the package's tables), its line
    /// in the file and its filled cells as a JSON object.
    staged_rows (id) {
        id -> BigInt,
        tbl -> SmallInt,
        line -> BigInt,
        cells -> Text,
    }
}

diesel::table! {
    /// One id in a row: the row, its table, which column holds the id and the id.
    staged_links (row) {
        row -> BigInt,
        tbl -> SmallInt,
        col -> SmallInt,
        key -> Text,
    }
}

diesel::allow_tables_to_appear_in_same_query!(staged_rows, staged_links);

/// A row as it was stored.
#[derive(Queryable)]
pub struct StagedRow {
    pub id: i64,
    pub line: i64,
    pub cells: String,
}

/// One row to store: its table, line, cells (JSON) and `(column, id)` pairs.
pub struct NewRow {
    pub table: i16,
    pub line: i64,
    pub cells: String,
    pub links: Vec<(i16, String)>,
}

pub struct Staging {
    conn: SqliteConnection,
    next_id: i64,
    pending: Vec<NewRow>,
    _dir: tempfile::TempDir,
}

/// Rows stored per statement, within SQLite's limit on bound values.
const ROWS_PER_INSERT: usize = 500;
/// Ids looked up per query, within the same limit.
const KEYS_PER_QUERY: usize = 1000;

impl Staging {
    /// An empty store in a new temporary directory. Nothing in it needs to
    /// survive a crash, so it is written without a journal or syncs.
    pub fn create() -> anyhow::Result<Staging> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("package.db");
        let mut conn = SqliteConnection::establish(&path.to_string_lossy())?;
        conn.batch_execute(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536; \
             PRAGMA temp_store = FILE; BEGIN; \
             CREATE TABLE staged_rows (id INTEGER PRIMARY KEY, tbl INTEGER NOT NULL, line INTEGER NOT NULL, \
                                       cells TEXT NOT NULL); \
             CREATE TABLE staged_links (row INTEGER NOT NULL, tbl INTEGER NOT NULL, col INTEGER NOT NULL, \
                                        key TEXT NOT NULL);",
        )?;
        Ok(Staging { conn, next_id: 1, pending: Vec::new(), _dir: dir })
    }

    /// Stores a row (in batches); rows keep the order they are added in.
    pub fn add(&mut self, row: NewRow) -> anyhow::Result<()> {
        self.pending.push(row);
        if self.pending.len() >= ROWS_PER_INSERT {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> anyhow::Result<()> {
        let mut rows = Vec::with_capacity(self.pending.len());
        let mut links = Vec::new();
        for row in self.pending.drain(..) {
            let id = self.next_id;
            self.next_id += 1;
            for (col, key) in row.links {
                links.push((
                    staged_links::row.eq(id),
                    staged_links::tbl.eq(row.table),
                    staged_links::col.eq(col),
                    staged_links::key.eq(key),
                ));
            }
            rows.push((
                staged_rows::id.eq(id),
                staged_rows::tbl.eq(row.table),
                staged_rows::line.eq(row.line),
                staged_rows::cells.eq(row.cells),
            ));
        }
        diesel::insert_into(staged_rows::table).values(&rows).execute(&mut self.conn)?;
        for links in links.chunks(ROWS_PER_INSERT) {
            diesel::insert_into(staged_links::table).values(links).execute(&mut self.conn)?;
        }
        Ok(())
    }

    /// Ends the loading: stores what is left and indexes the ids, which is
    /// quicker once than row by row.
    pub fn finish_loading(&mut self) -> anyhow::Result<()> {
        self.flush()?;
        self.conn.batch_execute("CREATE INDEX staged_links_by_key ON staged_links (tbl, col, key); COMMIT;")?;
        Ok(())
    }

    /// How many rows `table` has.
    pub fn count(&mut self, table: i16) -> anyhow::Result<usize> {
        let count: i64 = staged_rows::table.filter(staged_rows::tbl.eq(table)).count().get_result(&mut self.conn)?;
        Ok(usize::try_from(count).unwrap_or(usize::MAX))
    }

    /// The next `limit` rows of `table` after the row `after` (0 to start).
    pub fn rows_after(&mut self, table: i16, after: i64, limit: usize) -> anyhow::Result<Vec<StagedRow>> {
        Ok(staged_rows::table
            .filter(staged_rows::tbl.eq(table).and(staged_rows::id.gt(after)))
            .order(staged_rows::id)
            .limit(i64::try_from(limit).unwrap_or(i64::MAX))
            .select((staged_rows::id, staged_rows::line, staged_rows::cells))
            .load(&mut self.conn)?)
    }

    /// The rows of `table` that hold one of `keys` in one of `columns`, each once, in file order.
    pub fn rows_linked(&mut self, table: i16, columns: &[i16], keys: &[&str]) -> anyhow::Result<Vec<StagedRow>> {
        let mut found: Vec<StagedRow> = Vec::new();
        for keys in keys.chunks(KEYS_PER_QUERY) {
            let linked = staged_links::table
                .filter(staged_links::tbl.eq(table))
                .filter(staged_links::col.eq_any(columns))
                .filter(staged_links::key.eq_any(keys))
                .select(staged_links::row);
            found.extend(
                staged_rows::table
                    .filter(staged_rows::id.eq_any(linked))
                    .select((staged_rows::id, staged_rows::line, staged_rows::cells))
                    .load::<StagedRow>(&mut self.conn)?,
            );
        }
        found.sort_by_key(|row| row.id);
        found.dedup_by_key(|row| row.id);
        Ok(found)
    }

    /// The ids that more than one row of `table` holds in `column`.
    pub fn repeated_keys(&mut self, table: i16, column: i16) -> anyhow::Result<Vec<String>> {
        use diesel::dsl::count_star;
        Ok(staged_links::table
            .filter(staged_links::tbl.eq(table).and(staged_links::col.eq(column)))
            .group_by(staged_links::key)
            .having(count_star().gt(1))
            .select(staged_links::key)
            .load(&mut self.conn)?)
    }
}
