//! Moderator sessions, kept server-side so that logging out really ends them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{moderator_sessions, moderators};
use super::AnyConnection;
use crate::domain::token;

/// A live session as the request handlers see it.
#[derive(Debug, Clone)]
pub struct ModeratorSession {
    pub moderator_id: i64,
    pub username: String,
    pub csrf_token: String,
    pub expires_at: NaiveDateTime,
}

/// What a new session hands back once: the cookie's secret and the CSRF token.
pub struct NewSession {
    pub token: String,
    pub csrf_token: String,
    pub expires_at: NaiveDateTime,
}

impl ModeratorSession {
    /// Starts a session with fresh secrets, and sweeps away expired ones.
    #[tracing::instrument(level = "debug", skip_all, fields(moderator_id = moderator_id))]
    pub fn start(conn: &mut AnyConnection, moderator_id: i64, ttl: std::time::Duration) -> QueryResult<NewSession> {
        let now = super::now();
        diesel::delete(moderator_sessions::table.filter(moderator_sessions::expires_at.le(now))).execute(conn)?;
        let session = NewSession {
            token: token::generate(),
            csrf_token: token::generate(),
            expires_at: now + chrono::Duration::seconds(ttl.as_secs() as i64),
        };
        diesel::insert_into(moderator_sessions::table)
            .values((
                moderator_sessions::token_hash.eq(token::hash(&session.token)),
                moderator_sessions::moderator_id.eq(moderator_id),
                moderator_sessions::csrf_token.eq(&session.csrf_token),
                moderator_sessions::created_at.eq(now),
                moderator_sessions::expires_at.eq(session.expires_at),
            ))
            .execute(conn)?;
        Ok(session)
    }

    /// The unexpired session a cookie's token opens.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn find(conn: &mut AnyConnection, token: &str) -> QueryResult<Option<ModeratorSession>> {
        let row: Option<(i64, String, String, NaiveDateTime)> = moderator_sessions::table
            .inner_join(moderators::table)
            .filter(moderator_sessions::token_hash.eq(token::hash(token)))
            .filter(moderator_sessions::expires_at.gt(super::now()))
            .select((
                moderator_sessions::moderator_id,
                moderators::username,
                moderator_sessions::csrf_token,
                moderator_sessions::expires_at,
            ))
            .first(conn)
            .optional()?;
        Ok(row.map(|(moderator_id, username, csrf_token, expires_at)| ModeratorSession {
            moderator_id,
            username,
            csrf_token,
            expires_at,
        }))
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub fn end(conn: &mut AnyConnection, token: &str) -> QueryResult<()> {
        diesel::delete(moderator_sessions::table.filter(moderator_sessions::token_hash.eq(token::hash(token))))
            .execute(conn)?;
        Ok(())
    }
}
