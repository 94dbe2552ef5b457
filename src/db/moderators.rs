//! Moderator accounts, with argon2id password hashes.

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;
use diesel::prelude::*;

use super::schema::moderators;
use super::{AnyConnection, MultiBackend};
use crate::error::AppError;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = moderators, check_for_backend(MultiBackend))]
pub struct Moderator {
    pub id: i64,
    pub username: String,
    password_hash: String,
}

/// Checked against when the username is unknown, so that a wrong username
/// takes as long as a wrong password.
static DUMMY_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| hash_password("not a real password"));

#[expect(clippy::expect_used, reason = "argon2 with default parameters hashes any input")]
pub fn hash_password(password: &str) -> String {
    Argon2::default().hash_password(password.as_bytes()).expect("argon2 hashes any input").to_string()
}

fn verify(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

impl Moderator {
    /// Adds a moderator, or sets a new password for an existing one.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn upsert(conn: &mut AnyConnection, username: &str, password: &str) -> Result<bool, AppError> {
        let hash = hash_password(password);
        let updated = diesel::update(moderators::table.filter(moderators::username.eq(username)))
            .set(moderators::password_hash.eq(&hash))
            .execute(conn)?;
        if updated == 0 {
            diesel::insert_into(moderators::table)
                .values((
                    moderators::username.eq(username),
                    moderators::password_hash.eq(&hash),
                    moderators::created_at.eq(super::now()),
                ))
                .execute(conn)?;
        }
        Ok(updated == 0)
    }

    /// Sets or clears the address a moderator's digests go to.
    pub fn set_email(conn: &mut AnyConnection, username: &str, email: Option<&str>) -> QueryResult<()> {
        diesel::update(moderators::table.filter(moderators::username.eq(username)))
            .set(moderators::email.eq(email))
            .execute(conn)
            .map(drop)
    }

    /// Every moderator with an address, by id: `(id, email)`.
    pub fn mail_addresses(conn: &mut AnyConnection) -> QueryResult<Vec<(i64, String)>> {
        moderators::table
            .filter(moderators::email.is_not_null())
            .order(moderators::id)
            .select((moderators::id, moderators::email.assume_not_null()))
            .load(conn)
    }

    /// The moderator whose username and password these are.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn authenticate(conn: &mut AnyConnection, username: &str, password: &str) -> QueryResult<Option<Moderator>> {
        let found = moderators::table
            .filter(moderators::username.eq(username))
            .select(Moderator::as_select())
            .first(conn)
            .optional()?;
        Ok(match found {
            Some(moderator) if verify(password, &moderator.password_hash) => Some(moderator),
            Some(_) => None,
            None => {
                verify(password, &DUMMY_HASH);
                None
            }
        })
    }

    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
    pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<Moderator>> {
        moderators::table.find(id).select(Moderator::as_select()).first(conn).optional()
    }
}
