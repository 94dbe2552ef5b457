//! Rate-limit counters in the database, so that every instance sharing it
//! counts against the same limits. A key counts hits in a fixed window that
//! starts with its first hit; expired rows are swept away.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::rate_limits;
use super::{write_transaction, AnyConnection};

/// What asking for one more hit gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    Granted,
    /// The window is full until this many seconds from now.
    Refused {
        retry_after_secs: u64,
    },
}

/// The key's window, restarted when it has ended.
fn restart_ended(conn: &mut AnyConnection, key: &str, window: chrono::Duration, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(rate_limits::table.find(key).filter(rate_limits::window_ends_at.le(now)))
        .set((rate_limits::hits.eq(0), rate_limits::window_ends_at.eq(now + window)))
        .execute(conn)
        .map(drop)
}

/// Adds `hits` to the key's window if the result stays within `most`; the
/// condition and the addition are one `UPDATE`, so concurrent requests on
/// any instance cannot pass the limit together.
fn add_within(conn: &mut AnyConnection, key: &str, hits: i64, most: i64) -> QueryResult<bool> {
    let updated = diesel::update(rate_limits::table.find(key).filter(rate_limits::hits.le(most - hits)))
        .set(rate_limits::hits.eq(rate_limits::hits + hits))
        .execute(conn)?;
    Ok(updated == 1)
}

/// Starts the key's first window with `hits`; false when another request
/// started it first (in a savepoint, so a transaction around it goes on).
fn start(conn: &mut AnyConnection, key: &str, hits: i64, window_ends_at: NaiveDateTime) -> QueryResult<bool> {
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(rate_limits::table)
            .values((
                rate_limits::key.eq(key),
                rate_limits::hits.eq(hits),
                rate_limits::window_ends_at.eq(window_ends_at),
            ))
            .execute(conn)
    });
    match inserted {
        Ok(_) => Ok(true),
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => Ok(false),
        Err(other) => Err(other),
    }
}

fn window_end(conn: &mut AnyConnection, key: &str) -> QueryResult<Option<NaiveDateTime>> {
    rate_limits::table.find(key).select(rate_limits::window_ends_at).first(conn).optional()
}

/// Counts one hit for `key` if its window holds fewer than `most`.
#[tracing::instrument(level = "debug", skip_all)]
pub fn take(
    conn: &mut AnyConnection,
    key: &str,
    most: u32,
    window: std::time::Duration,
    now: NaiveDateTime,
) -> QueryResult<Taken> {
    let window = chrono::Duration::seconds(window.as_secs().max(1) as i64);
    write_transaction(conn, |conn| {
        restart_ended(conn, key, window, now)?;
        for _ in 0..2 {
            if add_within(conn, key, 1, i64::from(most))? {
                return Ok(Taken::Granted);
            }
            match window_end(conn, key)? {
                Some(ends_at) => {
                    let left = (ends_at - now).num_seconds().max(1) as u64;
                    return Ok(Taken::Refused { retry_after_secs: left });
                }
                None if most == 0 => return Ok(Taken::Refused { retry_after_secs: window.num_seconds() as u64 }),
                // Lost a race to start the window: count within it.
                None if !start(conn, key, 1, now + window)? => continue,
                None => return Ok(Taken::Granted),
            }
        }
        Ok(Taken::Refused { retry_after_secs: 1 })
    })
}

/// Adds `hits` counted elsewhere (none: only reads) to `key`'s window,
/// whatever the limit, and returns the window's count: how instances share
/// counts they keep in memory.
#[tracing::instrument(level = "debug", skip_all)]
pub fn add(
    conn: &mut AnyConnection,
    key: &str,
    hits: u32,
    window: std::time::Duration,
    now: NaiveDateTime,
) -> QueryResult<u64> {
    let window = chrono::Duration::seconds(window.as_secs().max(1) as i64);
    write_transaction(conn, |conn| {
        let hits = i64::from(hits);
        if hits > 0 {
            restart_ended(conn, key, window, now)?;
            // Lost a race to start the window: add to the one just started.
            if !add_to(conn, key, hits)? && !start(conn, key, hits, now + window)? {
                add_to(conn, key, hits)?;
            }
        }
        let count: Option<i64> = rate_limits::table.find(key).select(rate_limits::hits).first(conn).optional()?;
        Ok(count.unwrap_or(0).max(0) as u64)
    })
}

fn add_to(conn: &mut AnyConnection, key: &str, hits: i64) -> QueryResult<bool> {
    let updated = diesel::update(rate_limits::table.find(key))
        .set(rate_limits::hits.eq(rate_limits::hits + hits))
        .execute(conn)?;
    Ok(updated == 1)
}

/// Takes back one hit, for an attempt that turned out well.
pub fn give_back(conn: &mut AnyConnection, key: &str) -> QueryResult<()> {
    diesel::update(rate_limits::table.find(key).filter(rate_limits::hits.gt(0)))
        .set(rate_limits::hits.eq(rate_limits::hits - 1))
        .execute(conn)
        .map(drop)
}

/// Forgets every hit of `key`, such as the failures before a good log-in.
pub fn forget(conn: &mut AnyConnection, key: &str) -> QueryResult<()> {
    diesel::delete(rate_limits::table.find(key)).execute(conn).map(drop)
}

/// Deletes windows that have ended; they would only be restarted.
#[tracing::instrument(level = "debug", skip_all)]
pub fn sweep(conn: &mut AnyConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(rate_limits::table.filter(rate_limits::window_ends_at.le(now))).execute(conn)
}
