//! Facts about the directory itself that every process reads from the
//! database rather than from its own settings, so that `serve` and every
//! command agree.

use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};

use super::schema::directory_settings;
use super::AnyConnection;

const HSDS_NAMESPACE: &str = "hsds_namespace";

/// The directory's HSDS id namespace: the one stored, else `first` stored
/// now. Two processes starting at once agree on whichever was stored first.
pub fn hsds_namespace(conn: &mut AnyConnection, first: &str) -> QueryResult<String> {
    if let Some(stored) = stored(conn)? {
        return Ok(stored);
    }
    let inserted = diesel::insert_into(directory_settings::table)
        .values((directory_settings::name.eq(HSDS_NAMESPACE), directory_settings::value.eq(first)))
        .execute(conn);
    match inserted {
        Ok(_) | Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {}
        Err(other) => return Err(other),
    }
    stored(conn)?.ok_or(Error::NotFound)
}

fn stored(conn: &mut AnyConnection) -> QueryResult<Option<String>> {
    directory_settings::table.find(HSDS_NAMESPACE).select(directory_settings::value).first(conn).optional()
}
