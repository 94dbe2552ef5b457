//! Moderators logging in (password, then a two-factor code) and out.

use super::AppState;
use crate::db::moderators::Moderator;
use crate::db::sessions::{ModeratorSession, NewSession};
use crate::db::AnyConnection;
use crate::domain::two_factor::{is_totp_code, recovery_code_hash, SecretSealer};
use crate::domain::FieldErrors;
use crate::error::AppError;
use crate::i18n::Text;

/// The longest username, password or code looked at, in bytes.
pub const MAX_CREDENTIAL: usize = 1000;

/// What a moderator types to log in.
pub struct Credentials {
    pub username: Option<String>,
    pub password: Option<String>,
    /// A TOTP code or a recovery code; the JSON API sends it with the password.
    pub code: Option<String>,
}

/// When the second factor is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeStep {
    /// On a page of its own after the password (the site).
    Later,
    /// In the same request as the password (the JSON API).
    WithPassword,
}

fn credential(errors: &mut FieldErrors, field: &str, value: Option<String>) -> Option<String> {
    let value = errors.require(field, value.filter(|value| !value.is_empty()))?;
    if value.len() > MAX_CREDENTIAL {
        errors.add(field, Text::new("field-error-too-many-bytes").arg("max", MAX_CREDENTIAL.to_string()));
        return None;
    }
    Some(value)
}

/// Keys the log-in throttle counts under: the client, and the account, so
/// that guessing codes from many addresses is throttled too.
fn throttle_keys(client: &str, username: &str) -> [String; 2] {
    [client.to_string(), format!("account:{username}")]
}

/// Checks a moderator's password (and code, when it comes with it) and starts
/// a session, throttling a client and an account after repeated failures.
/// With two factors on and `CodeStep::Later`, the session starts awaiting its code.
#[tracing::instrument(skip(state, credentials))]
pub async fn log_in(
    state: &AppState,
    client: &str,
    credentials: Credentials,
    step: CodeStep,
) -> Result<(String, NewSession), AppError> {
    let mut errors = FieldErrors::new();
    let username = credential(&mut errors, "username", credentials.username);
    let password = credential(&mut errors, "password", credentials.password);
    let (username, password) = errors.finish(username.zip(password))?;
    let code = match credentials.code.filter(|code| !code.trim().is_empty()) {
        Some(code) if code.len() > MAX_CREDENTIAL => return Err(AppError::Unauthorized),
        other => other,
    };
    let keys = throttle_keys(client, &username);
    for key in &keys {
        state.failed_logins.check(key)?;
    }
    let ttl = state.settings.session_ttl;
    let sealer = SecretSealer::new(&state.settings.session_key);
    let outcome = state
        .db(move |conn| {
            let Some(account) = Moderator::authenticate(conn, &username, &password)? else {
                return Ok(Err(AppError::Unauthorized));
            };
            let awaiting_code = match (account.two_factor_enabled(), code, step) {
                (false, _, _) => false,
                (true, None, CodeStep::Later) => true,
                (true, None, CodeStep::WithPassword) => return Ok(Err(AppError::CodeRequired)),
                (true, Some(code), _) => {
                    if !code_is_good(conn, &sealer, &account, &code)? {
                        return Ok(Err(AppError::Unauthorized));
                    }
                    false
                }
            };
            if !awaiting_code {
                Moderator::record_login(conn, account.id)?;
            }
            Ok(Ok((account.username, ModeratorSession::start(conn, account.id, ttl, awaiting_code)?)))
        })
        .await?;
    match outcome {
        Ok((username, session)) => {
            if !session.awaiting_code {
                keys.iter().for_each(|key| state.failed_logins.clear(key));
            }
            tracing::info!(moderator = %username, "moderator passed the password");
            Ok((username, session))
        }
        Err(error) => {
            keys.iter().for_each(|key| state.failed_logins.record(key));
            tracing::warn!(client, "failed moderator login");
            Err(error)
        }
    }
}

/// The second step on the site: the code for a session that passed the password.
#[tracing::instrument(skip_all)]
pub async fn give_code(
    state: &AppState,
    client: &str,
    session_token: String,
    code: Option<String>,
) -> Result<(), AppError> {
    let session = current(state, session_token.clone()).await?;
    let keys = throttle_keys(client, &session.username);
    for key in &keys {
        state.failed_logins.check(key)?;
    }
    let code = code.map(|code| code.trim().to_string()).filter(|code| !code.is_empty() && code.len() <= MAX_CREDENTIAL);
    let sealer = SecretSealer::new(&state.settings.session_key);
    let accepted = state
        .db(move |conn| {
            let account = Moderator::find(conn, session.moderator_id)?;
            let good = match code {
                Some(code) => code_is_good(conn, &sealer, &account, &code)?,
                None => false,
            };
            if good {
                ModeratorSession::complete(conn, &session_token)?;
                Moderator::record_login(conn, account.id)?;
            }
            Ok(good)
        })
        .await?;
    if accepted {
        keys.iter().for_each(|key| state.failed_logins.clear(key));
        Ok(())
    } else {
        keys.iter().for_each(|key| state.failed_logins.record(key));
        Err(AppError::Unauthorized)
    }
}

/// Whether a typed code opens this account: a TOTP code of this step or the
/// one before that no earlier log-in used, or an unused recovery code (used up now).
fn code_is_good(
    conn: &mut AnyConnection,
    sealer: &SecretSealer,
    account: &Moderator,
    typed: &str,
) -> Result<bool, AppError> {
    let typed = typed.trim();
    if is_totp_code(typed) {
        let Some(secret) = account.totp_secret.as_deref().and_then(|sealed| sealer.open(sealed)) else {
            return Ok(false);
        };
        let Some(step) = secret.step_of(typed, unix_now()) else { return Ok(false) };
        Ok(Moderator::accept_step(conn, account.id, step)?)
    } else {
        Ok(Moderator::use_recovery_code(conn, account.id, &recovery_code_hash(typed))?)
    }
}

pub fn unix_now() -> u64 {
    chrono::Utc::now().timestamp().max(0) as u64
}

/// The session a cookie's secret opens; an unknown or expired one, or one of
/// a disabled account, is `401`.
pub async fn current(state: &AppState, session_token: String) -> Result<ModeratorSession, AppError> {
    state.db(move |conn| Ok(ModeratorSession::find(conn, &session_token)?)).await?.ok_or(AppError::Unauthorized)
}

/// Ends a session on the server.
pub async fn log_out(state: &AppState, session_token: String) -> Result<(), AppError> {
    state.db(move |conn| Ok(ModeratorSession::end(conn, &session_token)?)).await
}
