//! The loaded national provider registry: each load's rows beside the
//! others, only the current load read, and the swap that makes a new one
//! current in one short transaction.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{listings, nppes_loads, nppes_providers, submissions};
use super::{write_transaction, AnyConnection, MultiBackend};
use crate::domain::listing::ListingContent;
use crate::domain::moderation::ListingStatus;
use crate::domain::nppes::file::LoadKind;
use crate::domain::nppes::record::{is_deactivated, Provider};

/// Where a load stands.
pub mod status {
    pub const LOADING: &str = "loading";
    pub const CURRENT: &str = "current";
    /// A weekly load folded into the current one.
    pub const MERGED: &str = "merged";
    pub const REPLACED: &str = "replaced";
    pub const FAILED: &str = "failed";
}

/// One load of a dissemination file.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = nppes_loads, check_for_backend(MultiBackend))]
pub struct NppesLoad {
    pub id: i64,
    pub file_name: String,
    pub file_date: Option<NaiveDate>,
    kind: String,
    pub status: String,
    pub rows_read: i64,
    pub individuals: i64,
    pub deactivated: i64,
    pub started_at: NaiveDateTime,
    pub loaded_at: Option<NaiveDateTime>,
}

/// What a load counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadCounts {
    pub rows_read: i64,
    pub individuals: i64,
    pub deactivated: i64,
}

#[derive(Insertable)]
#[diesel(table_name = nppes_providers)]
struct ProviderRow<'a> {
    load_id: i64,
    npi: &'a str,
    last_name: &'a str,
    first_name: &'a str,
    middle_name: &'a str,
    credential: Option<&'a str>,
    city: Option<&'a str>,
    state: Option<&'a str>,
    postal_code: Option<&'a str>,
    phone: Option<&'a str>,
    taxonomy_code: Option<&'a str>,
    licence_states: String,
    last_update: Option<NaiveDate>,
    deactivated_on: Option<NaiveDate>,
    reactivated_on: Option<NaiveDate>,
}

impl<'a> ProviderRow<'a> {
    fn of(load_id: i64, provider: &'a Provider) -> ProviderRow<'a> {
        ProviderRow {
            load_id,
            npi: &provider.npi,
            last_name: &provider.last_name,
            first_name: &provider.first_name,
            middle_name: &provider.middle_name,
            credential: provider.credential.as_deref(),
            city: provider.city.as_deref(),
            state: provider.state.as_deref(),
            postal_code: provider.postal_code.as_deref(),
            phone: provider.phone.as_deref(),
            taxonomy_code: provider.taxonomy_code.as_deref(),
            licence_states: provider.licence_states.join(" "),
            last_update: provider.last_update,
            deactivated_on: provider.deactivated_on,
            reactivated_on: provider.reactivated_on,
        }
    }
}

/// A row as stored, read back.
#[derive(Queryable, Selectable)]
#[diesel(table_name = nppes_providers, check_for_backend(MultiBackend))]
struct StoredProvider {
    npi: String,
    last_name: String,
    first_name: String,
    middle_name: String,
    credential: Option<String>,
    city: Option<String>,
    state: Option<String>,
    postal_code: Option<String>,
    phone: Option<String>,
    taxonomy_code: Option<String>,
    licence_states: String,
    last_update: Option<NaiveDate>,
    deactivated_on: Option<NaiveDate>,
    reactivated_on: Option<NaiveDate>,
}

impl From<StoredProvider> for Provider {
    fn from(row: StoredProvider) -> Provider {
        Provider {
            npi: row.npi,
            last_name: row.last_name,
            first_name: row.first_name,
            middle_name: row.middle_name,
            credential: row.credential,
            city: row.city,
            state: row.state,
            postal_code: row.postal_code,
            phone: row.phone,
            taxonomy_code: row.taxonomy_code,
            licence_states: row.licence_states.split_whitespace().map(str::to_string).collect(),
            last_update: row.last_update,
            deactivated_on: row.deactivated_on,
            reactivated_on: row.reactivated_on,
        }
    }
}

/// How many rows one insert statement carries: under SQLite's and
/// PostgreSQL's limits on bound values at 15 a row.
const ROWS_PER_STATEMENT: usize = 1000;

/// How many old rows one delete removes, so that no statement holds the
/// database long while a replaced load is cleared.
const ROWS_PER_DELETE: i64 = 10_000;

impl NppesLoad {
    pub fn kind(&self) -> LoadKind {
        LoadKind::from_code(&self.kind)
    }

    /// A new load, not read until it is finished.
    pub fn start(conn: &mut AnyConnection, file_name: &str, kind: LoadKind) -> QueryResult<i64> {
        diesel::insert_into(nppes_loads::table)
            .values((
                nppes_loads::file_name.eq(file_name),
                nppes_loads::kind.eq(kind.as_str()),
                nppes_loads::status.eq(status::LOADING),
                nppes_loads::started_at.eq(super::now()),
            ))
            .returning(nppes_loads::id)
            .get_result(conn)
    }

    /// Stores a batch of a load's rows in one transaction; an NPI the load
    /// already has keeps its first row.
    pub fn insert(conn: &mut AnyConnection, load_id: i64, providers: &[Provider]) -> QueryResult<()> {
        let rows: Vec<ProviderRow> = providers.iter().map(|provider| ProviderRow::of(load_id, provider)).collect();
        write_transaction(conn, |conn| {
            for chunk in rows.chunks(ROWS_PER_STATEMENT) {
                // Many rows a statement need the backend's own connection.
                match conn {
                    AnyConnection::Sqlite(sqlite) => {
                        diesel::insert_or_ignore_into(nppes_providers::table).values(chunk).execute(sqlite)?
                    }
                    AnyConnection::Postgresql(pg) => diesel::insert_into(nppes_providers::table)
                        .values(chunk)
                        .on_conflict_do_nothing()
                        .execute(pg)?,
                };
            }
            Ok(())
        })
    }

    /// The newest `Last Update Date` of a load, to date a file whose name has none.
    pub fn newest_update(conn: &mut AnyConnection, load_id: i64) -> QueryResult<Option<NaiveDate>> {
        nppes_providers::table
            .filter(nppes_providers::load_id.eq(load_id))
            .select(diesel::dsl::max(nppes_providers::last_update))
            .first(conn)
    }

    pub fn current(conn: &mut AnyConnection) -> QueryResult<Option<NppesLoad>> {
        nppes_loads::table
            .filter(nppes_loads::status.eq(status::CURRENT))
            .order(nppes_loads::id.desc())
            .select(NppesLoad::as_select())
            .first(conn)
            .optional()
    }

    /// Loads newest first: what `nppes status` tells.
    pub fn recent(conn: &mut AnyConnection, limit: i64) -> QueryResult<Vec<NppesLoad>> {
        nppes_loads::table.order(nppes_loads::id.desc()).limit(limit).select(NppesLoad::as_select()).load(conn)
    }

    /// NPIs of the load `new` that it deactivates: deactivated there, and not
    /// already deactivated on the same day in the load `current`. Only NPIs
    /// some submission names are looked at.
    pub fn newly_deactivated(
        conn: &mut AnyConnection,
        new: i64,
        current: Option<i64>,
    ) -> QueryResult<Vec<(String, NaiveDate)>> {
        let named =
            submissions::table.filter(submissions::npi.is_not_null()).select(submissions::npi.assume_not_null());
        let incoming: Vec<(String, Option<NaiveDate>, Option<NaiveDate>)> = nppes_providers::table
            .filter(nppes_providers::load_id.eq(new))
            .filter(nppes_providers::deactivated_on.is_not_null())
            .filter(nppes_providers::npi.eq_any(named))
            .select((nppes_providers::npi, nppes_providers::deactivated_on, nppes_providers::reactivated_on))
            .load(conn)?;
        let mut newly = Vec::new();
        for (npi, off, on) in incoming {
            let (Some(day), true) = (off, is_deactivated(off, on)) else { continue };
            let before = match current {
                Some(current) => lookup_in(conn, current, &npi)?,
                None => None,
            };
            if !before.is_some_and(|before| before.is_deactivated() && before.deactivated_on == Some(day)) {
                newly.push((npi, day));
            }
        }
        Ok(newly)
    }

    /// Makes a full load current and marks the one before replaced; its rows
    /// are left for `clear` to delete.
    pub fn make_current(
        conn: &mut AnyConnection,
        id: i64,
        counts: LoadCounts,
        file_date: Option<NaiveDate>,
    ) -> QueryResult<()> {
        diesel::update(nppes_loads::table.filter(nppes_loads::status.eq(status::CURRENT)))
            .set(nppes_loads::status.eq(status::REPLACED))
            .execute(conn)?;
        finish(conn, id, status::CURRENT, counts, file_date)
    }

    /// Folds a weekly load into the current one: its rows replace the current
    /// rows of the same NPIs, and the rest stay.
    pub fn merge(
        conn: &mut AnyConnection,
        id: i64,
        into: i64,
        counts: LoadCounts,
        file_date: Option<NaiveDate>,
    ) -> QueryResult<()> {
        // Both ids are numbers: nothing of a file reaches this SQL.
        diesel::sql_query(format!(
            "DELETE FROM nppes_providers WHERE load_id = {into} \
             AND npi IN (SELECT npi FROM nppes_providers WHERE load_id = {id})"
        ))
        .execute(conn)?;
        diesel::update(nppes_providers::table.filter(nppes_providers::load_id.eq(id)))
            .set(nppes_providers::load_id.eq(into))
            .execute(conn)?;
        finish(conn, id, status::MERGED, counts, file_date)
    }

    /// Marks a load that did not finish.
    pub fn fail(conn: &mut AnyConnection, id: i64) -> QueryResult<()> {
        diesel::update(nppes_loads::table.find(id)).set(nppes_loads::status.eq(status::FAILED)).execute(conn)?;
        Ok(())
    }

    /// Deletes the rows of replaced and failed loads, a few thousand at a time.
    pub fn clear(conn: &mut AnyConnection) -> QueryResult<u64> {
        let stale: Vec<i64> = nppes_loads::table
            .filter(nppes_loads::status.eq_any([status::REPLACED, status::FAILED]))
            .select(nppes_loads::id)
            .load(conn)?;
        let mut deleted = 0;
        for load in stale {
            loop {
                let npis: Vec<String> = nppes_providers::table
                    .filter(nppes_providers::load_id.eq(load))
                    .select(nppes_providers::npi)
                    .limit(ROWS_PER_DELETE)
                    .load(conn)?;
                if npis.is_empty() {
                    break;
                }
                let rows = nppes_providers::table.filter(nppes_providers::load_id.eq(load));
                deleted += diesel::delete(rows.filter(nppes_providers::npi.eq_any(&npis))).execute(conn)? as u64;
            }
        }
        Ok(deleted)
    }
}

fn finish(
    conn: &mut AnyConnection,
    id: i64,
    to: &str,
    counts: LoadCounts,
    file_date: Option<NaiveDate>,
) -> QueryResult<()> {
    diesel::update(nppes_loads::table.find(id))
        .set((
            nppes_loads::status.eq(to),
            nppes_loads::rows_read.eq(counts.rows_read),
            nppes_loads::individuals.eq(counts.individuals),
            nppes_loads::deactivated.eq(counts.deactivated),
            nppes_loads::file_date.eq(file_date),
            nppes_loads::loaded_at.eq(Some(super::now())),
        ))
        .execute(conn)?;
    Ok(())
}

fn lookup_in(conn: &mut AnyConnection, load_id: i64, npi: &str) -> QueryResult<Option<Provider>> {
    let row: Option<StoredProvider> = nppes_providers::table
        .filter(nppes_providers::load_id.eq(load_id))
        .filter(nppes_providers::npi.eq(npi))
        .select(StoredProvider::as_select())
        .first(conn)
        .optional()?;
    Ok(row.map(Provider::from))
}

/// The current registry's entry for an NPI.
pub fn lookup(conn: &mut AnyConnection, current: &NppesLoad, npi: &str) -> QueryResult<Option<Provider>> {
    lookup_in(conn, current.id, npi)
}

/// The approved listings whose public version names this NPI.
pub fn listed_with_npi(conn: &mut AnyConnection, npi: &str) -> QueryResult<Vec<i64>> {
    let rows: Vec<(i64, Option<String>)> = listings::table
        .inner_join(submissions::table)
        .filter(submissions::npi.eq(npi))
        .filter(listings::status.eq(ListingStatus::Approved.as_str()))
        .select((listings::id, listings::content))
        .distinct()
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(_, content)| {
            let content = content.as_deref().and_then(|json| serde_json::from_str::<ListingContent>(json).ok());
            content.is_some_and(|content| content.npi.as_deref() == Some(npi))
        })
        .map(|(id, _)| id)
        .collect())
}
