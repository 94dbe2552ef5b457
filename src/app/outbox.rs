//! Mail out: a use case writes a message with the change that causes it
//! (`queue`, inside its transaction); the sender in `serve` delivers what is
//! due, retrying with growing back-off, and gives up after
//! `MAX_ATTEMPTS`, leaving the message for moderators to see.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::QueryResult;
use rand::RngCore;

use super::AppState;
use crate::db::outbox::{self, NewMessage, OutboxMessage};
use crate::db::AnyConnection;
use crate::error::AppError;
use crate::mail::{Email, Mailer};

/// How long a claimed message is a sender's before another may try it.
const LEASE: Duration = Duration::from_secs(120);
/// Messages claimed per round.
const BATCH: i64 = 20;

/// Writes `message` into the outbox with a new `Message-ID`; false when it
/// has a `once_key` that was used before.
pub fn queue(conn: &mut AnyConnection, mail_from: &str, message: &NewMessage) -> QueryResult<bool> {
    outbox::enqueue(conn, message, &new_message_id(mail_from))
}

/// `<random@domain-of-MAIL_FROM>`.
fn new_message_id(mail_from: &str) -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    let domain = mail_from
        .rsplit_once('@')
        .map(|(_, domain)| domain.trim_end_matches('>').trim())
        .filter(|domain| !domain.is_empty())
        .unwrap_or("benzowise.invalid");
    format!("<{}@{domain}>", hex::encode(bytes))
}

/// The wait before try number `attempts + 1`: 30 s, 1 min, 2 min, … up to an hour.
fn back_off(attempts: i32) -> Duration {
    let doublings = u32::try_from(attempts.clamp(0, 7)).unwrap_or(0);
    Duration::from_secs(30 * 2u64.pow(doublings)).min(Duration::from_secs(3600))
}

/// What one round of delivery did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub failed: usize,
}

/// Delivers every message that is due now, in rounds of `BATCH`.
pub async fn deliver_due(state: &AppState) -> Result<Round, AppError> {
    let mut total = Round::default();
    loop {
        let now = crate::db::now();
        let lease_until = now + chrono::Duration::from_std(LEASE).unwrap_or_default();
        let claimed = state.db(move |conn| Ok(outbox::claim_due(conn, now, lease_until, BATCH)?)).await?;
        if claimed.is_empty() {
            return Ok(total);
        }
        for message in claimed {
            let delivered = deliver(state.mailer.clone(), message.clone()).await;
            let id = message.id;
            match delivered {
                Ok(()) => {
                    total.sent += 1;
                    state.db(move |conn| Ok(outbox::mark_sent(conn, id)?)).await?;
                    tracing::info!(id, kind = message.kind, "mail sent");
                }
                Err(error) => {
                    total.failed += 1;
                    let retry_at = retry_time(crate::db::now(), message.attempts);
                    tracing::warn!(id, kind = message.kind, attempts = message.attempts + 1, %error, "mail not sent");
                    state.db(move |conn| Ok(outbox::mark_failed_attempt(conn, id, &error, retry_at)?)).await?;
                }
            }
        }
    }
}

fn retry_time(now: NaiveDateTime, attempts: i32) -> NaiveDateTime {
    now + chrono::Duration::from_std(back_off(attempts)).unwrap_or_default()
}

async fn deliver(mailer: Arc<Mailer>, message: OutboxMessage) -> Result<(), String> {
    let email =
        Email { message_id: message.message_id, to: message.recipient, subject: message.subject, body: message.body };
    tokio::task::spawn_blocking(move || mailer.send(&email))
        .await
        .unwrap_or_else(|failed| Err(format!("the sending task failed: {failed}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_and_stop_at_an_hour() {
        assert_eq!(back_off(0), Duration::from_secs(30));
        assert_eq!(back_off(1), Duration::from_secs(60));
        assert_eq!(back_off(6), Duration::from_secs(1920));
        assert_eq!(back_off(7), Duration::from_secs(3600));
        assert_eq!(back_off(40), Duration::from_secs(3600));
    }

    #[test]
    fn message_ids_are_unique_and_name_the_sender_domain() {
        let first = new_message_id("benzowise <no-reply@benzowise.example>");
        assert!(first.starts_with('<') && first.ends_with("@benzowise.example>"), "{first}");
        assert_ne!(first, new_message_id("no-reply@benzowise.example"));
    }
}
