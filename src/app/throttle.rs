//! Rate limits, counted in the database so that every instance sharing it
//! keeps to the same ones. An attempt is counted before the work it guards,
//! in the statement that checks the limit, so concurrent requests cannot slip
//! past it together; an attempt that turns out well can be taken back.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use crate::db::rate_limits::{self, Taken};
use crate::db::AnyConnection;
use crate::domain::token;
use crate::error::AppError;

/// At most `most` attempts a `window` for each client, account or address.
#[derive(Debug, Clone)]
pub struct Limit {
    name: &'static str,
    most: u32,
    window: Duration,
}

impl Limit {
    pub fn new(name: &'static str, most: u32, window: Duration) -> Limit {
        Limit { name, most, window }
    }

    /// The row's key: the limit's name and a hash of whom it counts, so that
    /// addresses and usernames are not kept in the table as they are.
    fn key(&self, who: &str) -> String {
        format!("{}:{}", self.name, &token::hash(who)[..32])
    }

    /// Counts one attempt by `who`, or refuses it (`429`) when the window is full.
    pub fn take(&self, conn: &mut AnyConnection, who: &str) -> Result<(), AppError> {
        match rate_limits::take(conn, &self.key(who), self.most, self.window, crate::db::now())? {
            Taken::Granted => Ok(()),
            Taken::Refused { retry_after_secs } => Err(AppError::TooManyRequests { retry_after_secs }),
        }
    }

    /// Counts one attempt by `who` if the window has room; false when it is full.
    pub fn allows(&self, conn: &mut AnyConnection, who: &str) -> Result<bool, AppError> {
        match self.take(conn, who) {
            Ok(()) => Ok(true),
            Err(AppError::TooManyRequests { .. }) => Ok(false),
            Err(other) => Err(other),
        }
    }

    /// Takes one attempt of each `who`, or none: a refusal gives back those taken.
    pub fn take_each(&self, conn: &mut AnyConnection, who: &[&str]) -> Result<(), AppError> {
        for (taken, one) in who.iter().enumerate() {
            if let Err(refused) = self.take(conn, one) {
                for earlier in &who[..taken] {
                    self.give_back(conn, earlier)?;
                }
                return Err(refused);
            }
        }
        Ok(())
    }

    /// Takes back an attempt counted by `take`.
    pub fn give_back(&self, conn: &mut AnyConnection, who: &str) -> Result<(), AppError> {
        Ok(rate_limits::give_back(conn, &self.key(who))?)
    }

    /// Forgets every attempt of `who` in the window, such as the failures before a good log-in.
    pub fn forget(&self, conn: &mut AnyConnection, who: &str) -> Result<(), AppError> {
        Ok(rate_limits::forget(conn, &self.key(who))?)
    }
}

/// Reads are too many to write each one to the database: each instance
/// counts a client's reads in memory, within clock minutes, and every second
/// adds what it counted to the shared count and learns the total. Instances
/// agree within that second, which is what a limit on reads needs.
pub struct ReadLimit {
    most: u32,
    counts: Mutex<HashMap<String, ReadCount>>,
}

#[derive(Debug, Default)]
struct ReadCount {
    minute: u64,
    /// Counted here since the last `share`.
    unshared: u32,
    /// The count of every instance at the last `share`.
    shared: u64,
}

impl ReadLimit {
    /// At most `most` reads a minute per client; 0 for no limit.
    pub fn new(most: u32) -> ReadLimit {
        ReadLimit { most, counts: Mutex::new(HashMap::new()) }
    }

    /// Counts a read by `client`, or refuses it until the next minute.
    pub fn hit(&self, client: &str, unix_now: u64) -> Result<(), AppError> {
        if self.most == 0 {
            return Ok(());
        }
        let minute = unix_now / 60;
        let mut counts = self.lock();
        let count = counts.entry(client.to_string()).or_default();
        if count.minute != minute {
            *count = ReadCount { minute, ..ReadCount::default() };
        }
        if count.shared + u64::from(count.unshared) >= u64::from(self.most) {
            return Err(AppError::TooManyRequests { retry_after_secs: 60 - unix_now % 60 });
        }
        count.unshared += 1;
        Ok(())
    }

    /// Adds this instance's new counts to the shared ones and learns the
    /// totals of every client it has seen this minute, which other instances
    /// may have added to; forgets the minutes that are over.
    pub fn share(&self, conn: &mut AnyConnection, unix_now: u64) -> Result<(), AppError> {
        let minute = unix_now / 60;
        let seen: Vec<(String, u32)> = {
            let mut counts = self.lock();
            counts.retain(|_, count| count.minute == minute);
            counts.iter_mut().map(|(client, count)| (client.clone(), std::mem::take(&mut count.unshared))).collect()
        };
        // One transaction for them all: one commit a second, however many clients.
        crate::db::write_transaction(conn, |conn| {
            for (client, hits) in seen {
                // The minute is in the key, so every instance counts the same minute;
                // the row outlives it a little and is then swept.
                let key = format!("read:{minute}:{}", &token::hash(&client)[..32]);
                let total = rate_limits::add(conn, &key, hits, Duration::from_secs(120), crate::db::now())?;
                if let Some(count) = self.lock().get_mut(&client).filter(|count| count.minute == minute) {
                    count.shared = total;
                }
            }
            Ok(())
        })
    }

    /// The counts; a panic elsewhere while holding them leaves them usable.
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, ReadCount>> {
        self.counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
