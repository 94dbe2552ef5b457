//! Moderator sessions, kept server-side so that logging out really ends them.

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
    /// Whether the account has two factors on.
    pub two_factor: bool,
}

/// What a new session hands back once: the cookie's secret and the CSRF token.
pub struct NewSession {
    pub token: String,
    pub csrf_token: String,
    pub expires_at: NaiveDateTime,
    pub awaiting_code: bool,
}

impl ModeratorSession {
    /// Starts a session with fresh secrets, and sweeps away expired ones.
    #[tracing::instrument(level = "debug", skip_all, fields(moderator_id = moderator_id))]
    pub fn start(
        conn: &mut AnyConnection,
        moderator_id: i64,
        ttl: std::time::Duration,
        awaiting_code: bool,
    ) -> QueryResult<NewSession> {
        let now = super::now();
        diesel::delete(moderator_sessions::table.filter(moderator_sessions::expires_at.le(now))).execute(conn)?;
        let session = NewSession {
            token: token::generate(),
            csrf_token: token::generate(),
            expires_at: now + chrono::Duration::seconds(ttl.as_secs() as i64),
            awaiting_code,
        };
        diesel::insert_into(moderator_sessions::table)
            .values((
                moderator_sessions::token_hash.eq(token::hash(&session.token)),
                moderator_sessions::moderator_id.eq(moderator_id),
                moderator_sessions::csrf_token.eq(&session.csrf_token),
                moderator_sessions::created_at.eq(now),
                moderator_sessions::expires_at.eq(session.expires_at),
                moderator_sessions::awaiting_code.eq(awaiting_code),
            ))
            .execute(conn)?;
        Ok(session)
    }

    /// The unexpired session a cookie's token opens, while its account is enabled.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn find(conn: &mut AnyConnection, token: &str) -> QueryResult<Option<ModeratorSession>> {
        type Row = (i64, String, String, NaiveDateTime, String, bool, Option<NaiveDateTime>);
        let row: Option<Row> = moderator_sessions::table
            .inner_join(moderators::table)
            .filter(moderator_sessions::token_hash.eq(token::hash(token)))
            .filter(moderator_sessions::expires_at.gt(super::now()))
            .filter(moderators::disabled_at.is_null())
            .select((
                moderator_sessions::moderator_id,
                moderators::username,
                moderator_sessions::csrf_token,
                moderator_sessions::expires_at,
                moderators::role,
                moderator_sessions::awaiting_code,
                moderators::totp_enabled_at,
            ))
            .first(conn)
            .optional()?;
        let Some((moderator_id, username, csrf_token, expires_at, role, awaiting_code, totp_enabled_at)) = row else {
            return Ok(None);
        };
        let role = Role::try_from(role).map_err(|error| diesel::result::Error::DeserializationError(error.into()))?;
        Ok(Some(ModeratorSession {
            moderator_id,
            username,
            csrf_token,
            expires_at,
            role,
            awaiting_code,
            two_factor: totp_enabled_at.is_some(),
        }))
    }

    /// The code has been given: the session is a full one now.
    pub fn complete(conn: &mut AnyConnection, token: &str) -> QueryResult<()> {
        diesel::update(moderator_sessions::table.filter(moderator_sessions::token_hash.eq(token::hash(token))))
            .set(moderator_sessions::awaiting_code.eq(false))
            .execute(conn)
            .map(drop)
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub fn end(conn: &mut AnyConnection, token: &str) -> QueryResult<()> {
        diesel::delete(moderator_sessions::table.filter(moderator_sessions::token_hash.eq(token::hash(token))))
            .execute(conn)?;
        Ok(())
    }
}
