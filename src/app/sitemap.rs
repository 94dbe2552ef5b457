//! What the sitemaps list: every public profile in each language, with when
//! it last changed, in files of at most 50,000 addresses (the sitemaps
//! protocol's limit) under one index. A file is read from the database a
//! batch at a time, so memory stays flat however large the directory.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use futures_util::Stream;

use super::AppState;
use crate::db::listings::Listing;
use crate::error::AppError;
use crate::i18n::Lang;

/// The sitemaps protocol's most addresses in one file.
pub const URLS_PER_FILE: usize = 50_000;
/// Each profile is listed once in each language.
pub const LISTINGS_PER_FILE: usize = URLS_PER_FILE / Lang::ALL.len();
/// How many listings one query reads.
const BATCH: usize = 1000;

/// How many files of profiles the index names.
pub fn files(state: &AppState) -> usize {
    state.search.index.len().div_ceil(LISTINGS_PER_FILE).max(1)
}

/// The public listings of file `number` (from 1): `(id, last change)`, a
/// batch at a time.
pub fn listings_in_file(
    state: Arc<AppState>,
    number: usize,
) -> impl Stream<Item = Result<Vec<(i64, DateTime<Utc>)>, AppError>> {
    let skip = (number.saturating_sub(1) * LISTINGS_PER_FILE) as i64;
    futures_util::stream::unfold((None, 0usize), move |(after, listed): (Option<i64>, usize)| {
        let state = state.clone();
        async move {
            let wanted = BATCH.min(LISTINGS_PER_FILE - listed);
            if wanted == 0 {
                return None;
            }
            let batch = state
                .db(move |conn| {
                    let after = match after {
                        Some(after) => after,
                        None => Listing::public_id_before(conn, skip)?,
                    };
                    Ok(Listing::public_changes_after(conn, after, wanted as i64)?)
                })
                .await;
            match batch {
                Ok(rows) if rows.is_empty() => None,
                Ok(rows) => {
                    let last = rows.last().map(|(id, _)| *id);
                    let listed = listed + rows.len();
                    let rows = rows.into_iter().map(|(id, changed)| (id, changed.and_utc())).collect();
                    Some((Ok(rows), (last, listed)))
                }
                Err(error) => Some((Err(error), (Some(i64::MAX), LISTINGS_PER_FILE))),
            }
        }
    })
}
