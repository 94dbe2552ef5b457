//! Moderator sessions, kept server-side so that logging out really ends them.
//! Each session records for itself which factors it has given, and keeps the
//! TOTP secret it is enrolling, which no other session ever sees.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{moderator_sessions, moderators};
use super::AnyConnection;
use crate::domain::moderation::Role;
use crate::domain::token;

/// A live session as the request handlers see it.
#[derive(Debug, Clone)]
pub struct ModeratorSession {
    pub moderator_id: i64,
    pub username: String,
    pub csrf_token: String,
    pub expires_at: NaiveDateTime,
    pub role: Role,
    /// Past the password, still owing a two-factor code: good for nothing else.
    pub awaiting_code: bool,
    /// Whether this session gave a second factor (at log-in, or by enrolling).
    pub two_factor: bool,
}

/// What a new session hands back once: the cookie's secret and the CSRF token.
pub struct NewSession {
    pub token: String,
    pub csrf_token: String,
    pub expires_at: NaiveDateTime,
    pub awaiting_code: bool,
}

/// How far a new session has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Factors {
    /// The password, on an account without two factors.
    Password,
    /// The password; the code is still owed.
    AwaitingCode,
    /// The password and a second factor.
    Both,
}

/// A session's last-seen time is written at most once in this many seconds
/// (or half its idle time, if shorter), not on every request.
const TOUCH_EVERY_SECS: i64 = 60;

impl ModeratorSession {
    /// Starts a session with fresh secrets, and sweeps away expired ones.
    #[tracing::instrument(level = "debug", skip_all, fields(moderator_id = moderator_id))]
    pub fn start(
        conn: &mut AnyConnection,
        moderator_id: i64,
        ttl: std::time::Duration,
        factors: Factors,
    ) -> QueryResult<NewSession> {
        let now = super::now();
        diesel::delete(moderator_sessions::table.filter(moderator_sessions::expires_at.le(now))).execute(conn)?;
        let session = NewSession {
            token: token::generate(),
            csrf_token: token::generate(),
            expires_at: now + chrono::Duration::seconds(ttl.as_secs() as i64),
            awaiting_code: factors == Factors::AwaitingCode,
        };
        diesel::insert_into(moderator_sessions::table)
            .values((
                moderator_sessions::token_hash.eq(token::hash(&session.token)),
                moderator_sessions::moderator_id.eq(moderator_id),
                moderator_sessions::csrf_token.eq(&session.csrf_token),
                moderator_sessions::created_at.eq(now),
                moderator_sessions::expires_at.eq(session.expires_at),
                moderator_sessions::last_seen_at.eq(now),
                moderator_sessions::awaiting_code.eq(session.awaiting_code),
                moderator_sessions::second_factor.eq(factors == Factors::Both),
            ))
            .execute(conn)?;
        Ok(session)
    }

    /// The session a cookie's token opens: unexpired, used within `idle`, and
    /// of an enabled account. Using it counts as activity.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn find(
        conn: &mut AnyConnection,
        token: &str,
        idle: std::time::Duration,
    ) -> QueryResult<Option<ModeratorSession>> {
        type Row = (i64, String, String, NaiveDateTime, String, bool, bool, NaiveDateTime);
        let now = super::now();
        let hash = token::hash(token);
        let row: Option<Row> = moderator_sessions::table
            .inner_join(moderators::table)
            .filter(moderator_sessions::token_hash.eq(&hash))
            .filter(moderator_sessions::expires_at.gt(now))
            .filter(moderator_sessions::last_seen_at.gt(now - chrono::Duration::seconds(idle.as_secs() as i64)))
            .filter(moderators::disabled_at.is_null())
            .select((
                moderator_sessions::moderator_id,
                moderators::username,
                moderator_sessions::csrf_token,
                moderator_sessions::expires_at,
                moderators::role,
                moderator_sessions::awaiting_code,
                moderator_sessions::second_factor,
                moderator_sessions::last_seen_at,
            ))
            .first(conn)
            .optional()?;
        let Some((moderator_id, username, csrf_token, expires_at, role, awaiting_code, two_factor, last_seen_at)) = row
        else {
            return Ok(None);
        };
        let touch_every = (idle.as_secs() as i64 / 2).clamp(1, TOUCH_EVERY_SECS);
        if (now - last_seen_at).num_seconds() >= touch_every {
            diesel::update(moderator_sessions::table.find(&hash))
                .set(moderator_sessions::last_seen_at.eq(now))
                .execute(conn)?;
        }
        let role = Role::try_from(role).map_err(|error| diesel::result::Error::DeserializationError(error.into()))?;
        Ok(Some(ModeratorSession { moderator_id, username, csrf_token, expires_at, role, awaiting_code, two_factor }))
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub fn end(conn: &mut AnyConnection, token: &str) -> QueryResult<()> {
        diesel::delete(moderator_sessions::table.filter(moderator_sessions::token_hash.eq(token::hash(token))))
            .execute(conn)?;
        Ok(())
    }

    /// Ends every session of an account, but `keep` (a session's token) if given.
    pub fn end_all_of(conn: &mut AnyConnection, moderator_id: i64, keep: Option<&str>) -> QueryResult<()> {
        let kept = keep.map(token::hash).unwrap_or_default();
        diesel::delete(
            moderator_sessions::table
                .filter(moderator_sessions::moderator_id.eq(moderator_id))
                .filter(moderator_sessions::token_hash.ne(kept)),
        )
        .execute(conn)
        .map(drop)
    }

    /// The sealed TOTP secret this session is enrolling, if it has one.
    pub fn pending_secret(conn: &mut AnyConnection, token: &str) -> QueryResult<Option<String>> {
        moderator_sessions::table
            .find(token::hash(token))
            .select(moderator_sessions::pending_totp_secret)
            .first(conn)
            .optional()
            .map(Option::flatten)
    }

    /// Keeps the sealed secret this session enrols, for it alone.
    pub fn set_pending_secret(conn: &mut AnyConnection, token: &str, sealed: &str) -> QueryResult<()> {
        diesel::update(moderator_sessions::table.find(token::hash(token)))
            .set(moderator_sessions::pending_totp_secret.eq(sealed))
            .execute(conn)
            .map(drop)
    }

    /// The session gave its second factor by enrolling: it keeps working,
    /// without the secret it no longer needs to hold.
    pub fn mark_enrolled(conn: &mut AnyConnection, token: &str) -> QueryResult<()> {
        diesel::update(moderator_sessions::table.find(token::hash(token)))
            .set((
                moderator_sessions::second_factor.eq(true),
                moderator_sessions::pending_totp_secret.eq(None::<String>),
            ))
            .execute(conn)
            .map(drop)
    }
}
