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

    /// Counts one hit for `key`; refuses it when the window is full.
    pub fn hit(&self, key: &str) -> Result<(), AppError> {
        self.check(key)?;
        self.record(key);
        Ok(())
    }

    /// Refuses without counting when `key` has used up its window.
    pub fn check(&self, key: &str) -> Result<(), AppError> {
        let hits = self.hits.lock().expect("rate limiter lock");
        match hits.get(key) {
            Some((start, count)) if *count >= self.limit && start.elapsed() < self.window => {
                let left = self.window.saturating_sub(start.elapsed()).as_secs().max(1);
                Err(AppError::TooManyRequests { retry_after_secs: left })
            }
            _ => Ok(()),
        }
    }

    /// Counts one hit for `key`, such as a failed login.
    pub fn record(&self, key: &str) {
        let mut hits = self.hits.lock().expect("rate limiter lock");
        if hits.len() > SWEEP_ABOVE {
            let window = self.window;
            hits.retain(|_, (start, _)| start.elapsed() < window);
        }
        let entry = hits.entry(key.to_string()).or_insert((Instant::now(), 0));
        if entry.0.elapsed() >= self.window {
            *entry = (Instant::now(), 0);
        }
        entry.1 += 1;
    }

    /// Forgets `key`, e.g. after a successful login.
    pub fn clear(&self, key: &str) {
        self.hits.lock().expect("rate limiter lock").remove(key);
    }
}
