//! Per-client fixed-window rate limits, kept in memory (one process).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::error::AppError;

pub struct RateLimiter {
    limit: u32,
    window: Duration,
    hits: Mutex<HashMap<String, (Instant, u32)>>,
}

/// Beyond this many tracked clients, expired windows are swept away.
const SWEEP_ABOVE: usize = 10_000;

impl RateLimiter {
    pub fn new(limit: u32, window: Duration) -> Self {
        Self { limit, window, hits: Mutex::new(HashMap::new()) }
    }

    /// Counts one hit for `key`, or refuses it when the window is full. The
    /// check and the count happen under one lock, so concurrent requests
    /// cannot slip past the limit together.
    pub fn hit(&self, key: &str) -> Result<(), AppError> {
        let mut hits = self.lock();
        let window = self.window;
        if hits.len() > SWEEP_ABOVE {
            hits.retain(|_, (start, _)| start.elapsed() < window);
        }
        let (start, count) = hits.entry(key.to_string()).or_insert((Instant::now(), 0));
        if start.elapsed() >= window {
            (*start, *count) = (Instant::now(), 0);
        }
        if *count >= self.limit {
            let left = window.saturating_sub(start.elapsed()).as_secs().max(1);
            return Err(AppError::TooManyRequests { retry_after_secs: left });
        }
        *count += 1;
        Ok(())
    }

    /// Refuses without counting when `key` has used up its window.
    pub fn check(&self, key: &str) -> Result<(), AppError> {
        match self.lock().get(key) {
            Some((start, count)) if *count >= self.limit && start.elapsed() < self.window => {
                let left = self.window.saturating_sub(start.elapsed()).as_secs().max(1);
                Err(AppError::TooManyRequests { retry_after_secs: left })
            }
            _ => Ok(()),
        }
    }

    /// Counts one hit for `key`, such as a failed login; at the limit there
    /// is nothing more to count, and `check` refuses already.
    pub fn record(&self, key: &str) {
        let _at_the_limit = self.hit(key);
    }

    /// Forgets `key`, e.g. after a successful login.
    pub fn clear(&self, key: &str) {
        self.lock().remove(key);
    }

    /// The counts; a panic elsewhere while holding them leaves them usable.
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (Instant, u32)>> {
        self.hits.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
