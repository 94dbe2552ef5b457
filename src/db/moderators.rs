//! Moderator accounts: argon2id password hashes, roles, the sealed TOTP
//! secret, recovery codes (hashed) and invitations (hashed links).

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::schema::{moderator_invites, moderator_recovery_codes, moderators};
use super::sessions::ModeratorSession;
use super::{AnyConnection, MultiBackend};
use crate::domain::moderation::Role;
use crate::domain::token;
use crate::error::AppError;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = moderators, check_for_backend(MultiBackend))]
pub struct Moderator {
    pub id: i64,
    pub username: String,
    password_hash: String,
    #[diesel(deserialize_as = String)]
    pub role: Role,
    pub email: Option<String>,
    pub created_at: NaiveDateTime,
    pub disabled_at: Option<NaiveDateTime>,
    pub last_login_at: Option<NaiveDateTime>,
    /// Sealed; see `domain::two_factor::SecretSealer`.
    pub totp_secret: Option<String>,
    pub totp_enabled_at: Option<NaiveDateTime>,
}

/// A moderator as the admins' list shows them.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ModeratorAccount {
    pub id: i64,
    pub username: String,
    pub role: Role,
    pub email: Option<String>,
    #[serde(with = "crate::domain::utc")]
    pub created_at: NaiveDateTime,
    #[serde(with = "crate::domain::utc::optional")]
    pub last_login_at: Option<NaiveDateTime>,
    pub two_factor: bool,
    pub disabled: bool,
}

impl From<Moderator> for ModeratorAccount {
    fn from(moderator: Moderator) -> Self {
        ModeratorAccount {
            id: moderator.id,
            username: moderator.username,
            role: moderator.role,
            email: moderator.email,
            created_at: moderator.created_at,
            last_login_at: moderator.last_login_at,
            two_factor: moderator.totp_enabled_at.is_some(),
            disabled: moderator.disabled_at.is_some(),
        }
    }
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
    pub fn two_factor_enabled(&self) -> bool {
        self.totp_enabled_at.is_some()
    }

    /// Adds a moderator, or sets a new password for an existing one, which
    /// ends their sessions; `Admin` makes an existing moderator an admin,
    /// `Moderator` keeps their role.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn upsert(conn: &mut AnyConnection, username: &str, password: &str, role: Role) -> Result<bool, AppError> {
        let hash = hash_password(password);
        let account = moderators::table.filter(moderators::username.eq(username));
        let updated = diesel::update(account).set(moderators::password_hash.eq(&hash)).execute(conn)?;
        if updated == 0 {
            Self::insert(conn, username, &hash, role, None)?;
            return Ok(true);
        }
        let id: i64 = account.select(moderators::id).first(conn)?;
        ModeratorSession::end_all_of(conn, id, None)?;
        if role == Role::Admin {
            diesel::update(account).set(moderators::role.eq(role.as_str())).execute(conn)?;
        }
        Ok(false)
    }

    fn insert(
        conn: &mut AnyConnection,
        username: &str,
        password_hash: &str,
        role: Role,
        email: Option<&str>,
    ) -> QueryResult<i64> {
        diesel::insert_into(moderators::table)
            .values((
                moderators::username.eq(username),
                moderators::password_hash.eq(password_hash),
                moderators::role.eq(role.as_str()),
                moderators::email.eq(email),
                moderators::created_at.eq(super::now()),
            ))
            .returning(moderators::id)
            .get_result(conn)
    }

    /// Sets or clears the address a moderator's digests go to.
    pub fn set_email(conn: &mut AnyConnection, username: &str, email: Option<&str>) -> QueryResult<()> {
        diesel::update(moderators::table.filter(moderators::username.eq(username)))
            .set(moderators::email.eq(email))
            .execute(conn)
            .map(drop)
    }

    /// Every moderator still able to log in who has an address, by id: `(id, email)`.
    pub fn mail_addresses(conn: &mut AnyConnection) -> QueryResult<Vec<(i64, String)>> {
        moderators::table
            .filter(moderators::email.is_not_null())
            .filter(moderators::disabled_at.is_null())
            .order(moderators::id)
            .select((moderators::id, moderators::email.assume_not_null()))
            .load(conn)
    }

    /// The enabled moderator whose username and password these are.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn authenticate(conn: &mut AnyConnection, username: &str, password: &str) -> QueryResult<Option<Moderator>> {
        // No username holds a NUL, and PostgreSQL refuses to compare one.
        if username.contains('\0') {
            verify(password, &DUMMY_HASH);
            return Ok(None);
        }
        let found = moderators::table
            .filter(moderators::username.eq(username))
            .select(Moderator::as_select())
            .first(conn)
            .optional()?;
        Ok(match found {
            Some(moderator) if verify(password, &moderator.password_hash) && moderator.disabled_at.is_none() => {
                Some(moderator)
            }
            Some(_) => None,
            None => {
                verify(password, &DUMMY_HASH);
                None
            }
        })
    }

    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
    pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<Moderator> {
        moderators::table.find(id).select(Moderator::as_select()).first(conn)
    }

    pub fn find_by_username(conn: &mut AnyConnection, username: &str) -> QueryResult<Option<Moderator>> {
        moderators::table
            .filter(moderators::username.eq(username))
            .select(Moderator::as_select())
            .first(conn)
            .optional()
    }

    /// Every account, admins first, then by name.
    pub fn all(conn: &mut AnyConnection) -> QueryResult<Vec<Moderator>> {
        moderators::table.order((moderators::role, moderators::username)).select(Moderator::as_select()).load(conn)
    }

    pub fn record_login(conn: &mut AnyConnection, id: i64) -> QueryResult<()> {
        diesel::update(moderators::table.find(id))
            .set(moderators::last_login_at.eq(super::now()))
            .execute(conn)
            .map(drop)
    }

    /// Disables an account and ends its sessions at once, or enables it again.
    pub fn set_disabled(conn: &mut AnyConnection, id: i64, disabled: bool) -> QueryResult<()> {
        let disabled_at = disabled.then(super::now);
        diesel::update(moderators::table.find(id)).set(moderators::disabled_at.eq(disabled_at)).execute(conn)?;
        if disabled {
            ModeratorSession::end_all_of(conn, id, None)?;
        }
        Ok(())
    }

    /// Turns two factors on with the sealed secret a session confirmed and
    /// fresh recovery codes (only their hashes kept). False when they were on already.
    pub fn enable_two_factor(
        conn: &mut AnyConnection,
        id: i64,
        sealed_secret: &str,
        step: u64,
        code_hashes: &[String],
    ) -> QueryResult<bool> {
        let enabled = diesel::update(moderators::table.find(id).filter(moderators::totp_enabled_at.is_null()))
            .set((
                moderators::totp_secret.eq(sealed_secret),
                moderators::totp_enabled_at.eq(super::now()),
                moderators::totp_last_step.eq(step as i64),
            ))
            .execute(conn)?;
        if enabled == 0 {
            return Ok(false);
        }
        diesel::delete(moderator_recovery_codes::table.filter(moderator_recovery_codes::moderator_id.eq(id)))
            .execute(conn)?;
        for hash in code_hashes {
            diesel::insert_into(moderator_recovery_codes::table)
                .values((moderator_recovery_codes::code_hash.eq(hash), moderator_recovery_codes::moderator_id.eq(id)))
                .execute(conn)?;
        }
        Ok(true)
    }

    /// Accepts a TOTP step only if it is later than the last one accepted, in
    /// one statement, so a code cannot be used twice even by two requests at once.
    pub fn accept_step(conn: &mut AnyConnection, id: i64, step: u64) -> QueryResult<bool> {
        let step = step as i64;
        let updated = diesel::update(
            moderators::table
                .find(id)
                .filter(moderators::totp_last_step.is_null().or(moderators::totp_last_step.lt(step))),
        )
        .set(moderators::totp_last_step.eq(step))
        .execute(conn)?;
        Ok(updated == 1)
    }

    /// Turns two factors off, with the recovery codes, and ends the account's
    /// sessions, for a moderator who lost both their phone and their codes.
    /// False when there is no such account.
    pub fn reset_two_factor(conn: &mut AnyConnection, username: &str) -> QueryResult<bool> {
        let Some(account) = Self::find_by_username(conn, username)? else { return Ok(false) };
        diesel::update(moderators::table.find(account.id))
            .set((
                moderators::totp_secret.eq(None::<String>),
                moderators::totp_enabled_at.eq(None::<NaiveDateTime>),
                moderators::totp_last_step.eq(None::<i64>),
            ))
            .execute(conn)?;
        diesel::delete(moderator_recovery_codes::table.filter(moderator_recovery_codes::moderator_id.eq(account.id)))
            .execute(conn)?;
        ModeratorSession::end_all_of(conn, account.id, None)?;
        Ok(true)
    }

    /// Uses up a recovery code; false when it is unknown or already used.
    pub fn use_recovery_code(conn: &mut AnyConnection, id: i64, code_hash: &str) -> QueryResult<bool> {
        let updated = diesel::update(
            moderator_recovery_codes::table
                .filter(moderator_recovery_codes::code_hash.eq(code_hash))
                .filter(moderator_recovery_codes::moderator_id.eq(id))
                .filter(moderator_recovery_codes::used_at.is_null()),
        )
        .set(moderator_recovery_codes::used_at.eq(super::now()))
        .execute(conn)?;
        Ok(updated == 1)
    }

    pub fn recovery_codes_left(conn: &mut AnyConnection, id: i64) -> QueryResult<i64> {
        moderator_recovery_codes::table
            .filter(moderator_recovery_codes::moderator_id.eq(id))
            .filter(moderator_recovery_codes::used_at.is_null())
            .count()
            .get_result(conn)
    }
}

/// An admin's invitation, open until it is used or 72 hours pass.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = moderator_invites, check_for_backend(MultiBackend))]
pub struct Invite {
    pub username: String,
    pub email: String,
    #[diesel(deserialize_as = String)]
    pub role: Role,
}

/// An invitation still waiting to be used, as the admins' list shows it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = moderator_invites, check_for_backend(MultiBackend))]
pub struct OpenInvite {
    /// Names the invitation in the admins' revoke form; the link's secret
    /// cannot be worked out from it.
    pub token_hash: String,
    pub username: String,
    pub email: String,
    pub expires_at: NaiveDateTime,
}

/// How long an invitation link works.
pub const INVITE_HOURS: i64 = 72;

impl Invite {
    /// Writes an invitation and returns the link's secret (only its hash is kept).
    pub fn create(
        conn: &mut AnyConnection,
        username: &str,
        email: &str,
        role: Role,
        invited_by: i64,
    ) -> QueryResult<String> {
        let secret = token::generate();
        let now = super::now();
        diesel::insert_into(moderator_invites::table)
            .values((
                moderator_invites::token_hash.eq(token::hash(&secret)),
                moderator_invites::username.eq(username),
                moderator_invites::email.eq(email),
                moderator_invites::role.eq(role.as_str()),
                moderator_invites::invited_by.eq(invited_by),
                moderator_invites::created_at.eq(now),
                moderator_invites::expires_at.eq(now + chrono::Duration::hours(INVITE_HOURS)),
            ))
            .execute(conn)?;
        Ok(secret)
    }

    /// The unused, unexpired invitation a link's secret opens.
    pub fn find_open(conn: &mut AnyConnection, secret: &str) -> QueryResult<Option<Invite>> {
        moderator_invites::table
            .filter(moderator_invites::token_hash.eq(token::hash(secret)))
            .filter(moderator_invites::used_at.is_null())
            .filter(moderator_invites::expires_at.gt(super::now()))
            .select(Invite::as_select())
            .first(conn)
            .optional()
    }

    /// Every invitation still open, the newest first.
    pub fn open_ones(conn: &mut AnyConnection) -> QueryResult<Vec<OpenInvite>> {
        moderator_invites::table
            .filter(moderator_invites::used_at.is_null())
            .filter(moderator_invites::expires_at.gt(super::now()))
            .order(moderator_invites::created_at.desc())
            .select(OpenInvite::as_select())
            .load(conn)
    }

    /// Ends an open invitation before its time: its link stops working.
    /// `None` when it was not open.
    pub fn revoke(conn: &mut AnyConnection, token_hash: &str) -> QueryResult<Option<String>> {
        let now = super::now();
        let open = moderator_invites::table
            .find(token_hash)
            .filter(moderator_invites::used_at.is_null())
            .filter(moderator_invites::expires_at.gt(now));
        let username: Option<String> = open.select(moderator_invites::username).first(conn).optional()?;
        if username.is_some() {
            diesel::update(open).set(moderator_invites::expires_at.eq(now)).execute(conn)?;
        }
        Ok(username)
    }

    /// Uses the invitation up and creates its account with the chosen password;
    /// `None` when the link is used, expired or unknown.
    pub fn accept(conn: &mut AnyConnection, secret: &str, password: &str) -> Result<Option<i64>, AppError> {
        let Some(invite) = Self::find_open(conn, secret)? else { return Ok(None) };
        if Moderator::find_by_username(conn, &invite.username)?.is_some() {
            return Err(AppError::Conflict(format!("a moderator named {} exists already", invite.username)));
        }
        let used = diesel::update(
            moderator_invites::table
                .filter(moderator_invites::token_hash.eq(token::hash(secret)))
                .filter(moderator_invites::used_at.is_null()),
        )
        .set(moderator_invites::used_at.eq(super::now()))
        .execute(conn)?;
        if used == 0 {
            return Ok(None);
        }
        let id = Moderator::insert(conn, &invite.username, &hash_password(password), invite.role, Some(&invite.email))?;
        Ok(Some(id))
    }
}
