//! Mail waiting to go out. Rows are written inside the transaction of the
//! change that causes them, and claimed by one sender at a time: a claim is a
//! lease, so mail claimed by a process that died goes out after the lease.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use diesel::sql_types::{BigInt, Integer, Timestamp};

use super::schema::outbox;
use super::{write_transaction, AnyConnection, MultiBackend};

/// After this many failed tries a message is marked failed and shown to moderators.
pub const MAX_ATTEMPTS: i32 = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryStatus {
    Pending,
    /// Claimed by a sender until `next_attempt_at`.
    Sending,
    Sent,
    Failed,
}

impl DeliveryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::Pending => "pending",
            DeliveryStatus::Sending => "sending",
            DeliveryStatus::Sent => "sent",
            DeliveryStatus::Failed => "failed",
        }
    }
}

/// A message to write into the outbox.
#[derive(Debug, Clone)]
pub struct NewMessage {
    pub kind: &'static str,
    pub listing_id: Option<i64>,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    /// Set for a message that must go once whoever writes it (a reminder for
    /// one due date); otherwise each message is its own.
    pub once_key: Option<String>,
}

#[derive(Debug, Clone, Queryable, QueryableByName, Selectable)]
#[diesel(table_name = outbox, check_for_backend(MultiBackend))]
pub struct OutboxMessage {
    pub id: i64,
    pub message_id: String,
    pub kind: String,
    pub listing_id: Option<i64>,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = outbox)]
struct OutboxInsert<'a> {
    message_id: &'a str,
    dedupe_key: &'a str,
    kind: &'a str,
    listing_id: Option<i64>,
    recipient: &'a str,
    subject: &'a str,
    body: &'a str,
    status: &'a str,
    attempts: i32,
    next_attempt_at: NaiveDateTime,
    created_at: NaiveDateTime,
}

/// Writes `message` (in the caller's transaction, as a savepoint); false when
/// a message with its `once_key` was written before.
pub fn enqueue(conn: &mut AnyConnection, message: &NewMessage, message_id: &str) -> QueryResult<bool> {
    let now = super::now();
    let inserted = write_transaction(conn, |conn| {
        diesel::insert_into(outbox::table)
            .values(OutboxInsert {
                message_id,
                dedupe_key: message.once_key.as_deref().unwrap_or(message_id),
                kind: message.kind,
                listing_id: message.listing_id,
                recipient: &message.recipient,
                subject: &message.subject,
                body: &message.body,
                status: DeliveryStatus::Pending.as_str(),
                attempts: 0,
                next_attempt_at: now,
                created_at: now,
            })
            .execute(conn)
    });
    match inserted {
        Ok(_) => Ok(true),
        Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) if message.once_key.is_some() => {
            Ok(false)
        }
        Err(other) => Err(other),
    }
}

/// Claims up to `limit` messages that are due (or whose claim has lapsed)
/// until `lease_until`. On PostgreSQL, rows another sender holds are skipped.
pub fn claim_due(
    conn: &mut AnyConnection,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<OutboxMessage>> {
    let skip_locked = if let AnyConnection::Postgresql(_) = conn { "FOR UPDATE SKIP LOCKED" } else { "" };
    let sql = format!(
        "UPDATE outbox SET status = 'sending', next_attempt_at = $1 \
         WHERE id IN (SELECT id FROM outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= $2 \
                      ORDER BY next_attempt_at, id LIMIT $3 {skip_locked}) \
         RETURNING id, message_id, kind, listing_id, recipient, subject, body, status, attempts, last_error, created_at"
    );
    write_transaction(conn, |conn| {
        diesel::sql_query(sql)
            .bind::<Timestamp, _>(lease_until)
            .bind::<Timestamp, _>(now)
            .bind::<BigInt, _>(limit)
            .load(conn)
    })
}

pub fn mark_sent(conn: &mut AnyConnection, id: i64) -> QueryResult<()> {
    diesel::update(outbox::table.find(id))
        .set((outbox::status.eq(DeliveryStatus::Sent.as_str()), outbox::sent_at.eq(Some(super::now()))))
        .execute(conn)
        .map(drop)
}

/// Records a failed try: again at `retry_at`, or failed for good after `MAX_ATTEMPTS`.
pub fn mark_failed_attempt(conn: &mut AnyConnection, id: i64, error: &str, retry_at: NaiveDateTime) -> QueryResult<()> {
    let error: String = error.chars().take(500).collect();
    diesel::sql_query(
        "UPDATE outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2, \
         status = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE 'pending' END WHERE id = $4",
    )
    .bind::<diesel::sql_types::Text, _>(error)
    .bind::<Timestamp, _>(retry_at)
    .bind::<Integer, _>(MAX_ATTEMPTS)
    .bind::<BigInt, _>(id)
    .execute(conn)
    .map(drop)
}

/// Messages of one status, newest first.
pub fn with_status(conn: &mut AnyConnection, status: DeliveryStatus, limit: i64) -> QueryResult<Vec<OutboxMessage>> {
    outbox::table
        .filter(outbox::status.eq(status.as_str()))
        .order(outbox::id.desc())
        .limit(limit)
        .select(OutboxMessage::as_select())
        .load(conn)
}

/// How many messages have each status.
pub fn count_by_status(conn: &mut AnyConnection) -> QueryResult<Vec<(String, i64)>> {
    outbox::table.group_by(outbox::status).select((outbox::status, diesel::dsl::count_star())).load(conn)
}
