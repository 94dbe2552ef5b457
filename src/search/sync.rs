//! Keeps the in-memory index in step with the database.
//!
//! A write in this process refreshes the listings it touched at once. Every
//! change to what is public is also an audit event, so the event table doubles
//! as a change feed: each process polls it and refreshes the listings named in
//! new events, which keeps several instances sharing one PostgreSQL in step
//! within one poll interval.

use std::collections::BTreeSet;
use std::sync::{mpsc, Arc, Mutex};

use diesel::QueryResult;

use super::index::SearchIndex;
use crate::db::events::Event;
use crate::db::listings::Listing;
use crate::db::{AnyConnection, Pool, PooledConnection};

/// Events are re-read this far back: PostgreSQL hands out ids before commit,
/// so a slow transaction can commit an id lower than one already seen.
const REREAD_EVENTS: i64 = 256;

/// Listings read per query while the index loads.
const LOAD_PAGE: i64 = 10_000;

pub struct SearchSync {
    pub index: Arc<SearchIndex>,
    /// Ids of the events already applied, back to `REREAD_EVENTS` below the newest.
    applied: Mutex<BTreeSet<i64>>,
}

impl SearchSync {
    /// Builds the index from every public listing. Reading and parsing the
    /// stored summaries is the slower half of loading, so when the pool has a
    /// second connection free, two threads read half of the ids each while
    /// this one indexes what they send; only a few pages are held at a time.
    #[expect(clippy::expect_used, reason = "a reader that panicked leaves the index incomplete; start-up must stop")]
    pub fn load(pool: &Pool) -> anyhow::Result<SearchSync> {
        let mut first = pool.get()?;
        let latest = Event::latest_id(&mut first)?;
        let last_id = Listing::last_public_id(&mut first)?;
        let mut connections: Vec<PooledConnection> = std::iter::once(first).chain(pool.try_get()).collect();
        let share = last_id / connections.len() as i64 + 1;
        let index = SearchIndex::new();
        let (pages, received) = mpsc::sync_channel(2);
        std::thread::scope(|scope| {
            let readers: Vec<_> = connections
                .iter_mut()
                .zip(0..)
                .map(|(conn, part)| {
                    let pages = pages.clone();
                    let (mut after, up_to) = (part * share, (part + 1) * share);
                    scope.spawn(move || -> QueryResult<()> {
                        loop {
                            let page = Listing::public_summaries_between(conn, after, up_to, LOAD_PAGE)?;
                            let Some((last, _)) = page.last() else { return Ok(()) };
                            after = *last;
                            if pages.send(page).is_err() {
                                return Ok(());
                            }
                        }
                    })
                })
                .collect();
            // The readers hold the only senders now, so `received` ends when they do.
            drop(pages);
            index.extend(received.into_iter().flatten());
            readers.into_iter().try_for_each(|reader| reader.join().expect("an index reader does not panic"))
        })?;
        let applied = ((latest - REREAD_EVENTS).max(0)..=latest).collect();
        Ok(SearchSync { index: Arc::new(index), applied: Mutex::new(applied) })
    }

    /// Puts a listing's current public state into the index.
    pub fn refresh(&self, conn: &mut AnyConnection, listing_id: i64) -> QueryResult<()> {
        match Listing::public_summary(conn, listing_id)? {
            Some(summary) => self.index.upsert(listing_id, &summary),
            None => self.index.remove(listing_id),
        }
        Ok(())
    }

    /// Applies changes recorded since the last call; returns how many listings it refreshed.
    #[expect(
        clippy::expect_used,
        reason = "a poisoned lock means a refresh panicked half-way; serving on would hide it"
    )]
    pub fn catch_up(&self, conn: &mut AnyConnection) -> QueryResult<usize> {
        let newest_applied = self.applied.lock().expect("sync lock").last().copied().unwrap_or(0);
        let changes = Event::listings_changed_after(conn, newest_applied - REREAD_EVENTS)?;
        let fresh: Vec<(i64, i64)> = {
            let applied = self.applied.lock().expect("sync lock");
            changes.into_iter().filter(|(event, _)| !applied.contains(event)).collect()
        };
        let listings: BTreeSet<i64> = fresh.iter().map(|(_, listing)| *listing).collect();
        for listing in &listings {
            self.refresh(conn, *listing)?;
        }
        let mut applied = self.applied.lock().expect("sync lock");
        applied.extend(fresh.iter().map(|(event, _)| *event));
        if let Some(&newest) = applied.last() {
            applied.retain(|event| *event > newest - REREAD_EVENTS);
        }
        Ok(listings.len())
    }
}
