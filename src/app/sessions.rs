//! Moderators logging in (password, then a two-factor code) and out.

use super::AppState;
use crate::db::moderators::Moderator;
use crate::db::sessions::{Factors, ModeratorSession, NewSession};
use crate::db::{write_transaction, AnyConnection};
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

/// Whom the log-in throttle counts: the client, and the account, so that
/// guessing codes from many addresses is throttled too.
fn throttle_keys(client: &str, username: &str) -> [String; 2] {
    [client.to_string(), format!("account:{username}")]
}

/// Checks a moderator's password (and code, when it comes with it) and starts
/// a session, throttling a client and an account after repeated failures.
/// The attempt is counted before the password is checked, so concurrent
/// guesses cannot pass the limit together; a good log-in forgets the count.
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
    let (limit, ttl) = (state.failed_logins.clone(), state.settings.session_ttl);
    let sealer = SecretSealer::new(&state.settings.session_key);
    let outcome = state
        .db(move |conn| {
            let who = [keys[0].as_str(), keys[1].as_str()];
            limit.take_each(conn, &who)?;
            let attempt = Attempt { username: &username, password: &password, code, step };
            let outcome = attempt.start_session(conn, &sealer, ttl);
            match &outcome {
                Ok((_, session)) if !session.awaiting_code => who.iter().try_for_each(|one| limit.forget(conn, one))?,
                // The password was right: no failure; the code still has to come.
                Ok(_) => who.iter().try_for_each(|one| limit.give_back(conn, one))?,
                Err(_) => {}
            }
            Ok(outcome)
        })
        .await?;
    match &outcome {
        Ok((username, _)) => tracing::info!(moderator = %username, "moderator passed the password"),
        Err(_) => tracing::warn!(client, "failed moderator login"),
    }
    outcome
}

/// One log-in's credentials, checked against the account.
struct Attempt<'a> {
    username: &'a str,
    password: &'a str,
    code: Option<String>,
    step: CodeStep,
}

impl Attempt<'_> {
    fn start_session(
        self,
        conn: &mut AnyConnection,
        sealer: &SecretSealer,
        ttl: std::time::Duration,
    ) -> Result<(String, NewSession), AppError> {
        let Some(account) = Moderator::authenticate(conn, self.username, self.password)? else {
            return Err(AppError::Unauthorized);
        };
        let factors = match (account.two_factor_enabled(), self.code, self.step) {
            (false, _, _) => Factors::Password,
            (true, None, CodeStep::Later) => Factors::AwaitingCode,
            (true, None, CodeStep::WithPassword) => return Err(AppError::CodeRequired),
            (true, Some(code), _) if code_is_good(conn, sealer, &account, &code)? => Factors::Both,
            (true, Some(_), _) => return Err(AppError::Unauthorized),
        };
        if factors != Factors::AwaitingCode {
            Moderator::record_login(conn, account.id)?;
        }
        Ok((account.username, ModeratorSession::start(conn, account.id, ttl, factors)?))
    }
}

/// The second step on the site: the code for a session that passed the
/// password. A good code ends that session and starts a new one, so that a
/// cookie seen before the code is worth nothing after it.
#[tracing::instrument(skip_all)]
pub async fn give_code(
    state: &AppState,
    client: &str,
    session_token: String,
    code: Option<String>,
) -> Result<NewSession, AppError> {
    let session = current(state, session_token.clone()).await?;
    if !session.awaiting_code {
        return Err(AppError::Unauthorized);
    }
    let keys = throttle_keys(client, &session.username);
    let code = code.map(|code| code.trim().to_string()).filter(|code| !code.is_empty() && code.len() <= MAX_CREDENTIAL);
    let (limit, ttl) = (state.failed_logins.clone(), state.settings.session_ttl);
    let sealer = SecretSealer::new(&state.settings.session_key);
    let renewed = state
        .db(move |conn| {
            let who = [keys[0].as_str(), keys[1].as_str()];
            limit.take_each(conn, &who)?;
            let account = Moderator::find(conn, session.moderator_id)?;
            let good = match code {
                Some(code) => code_is_good(conn, &sealer, &account, &code)?,
                None => false,
            };
            if !good {
                return Err(AppError::Unauthorized);
            }
            who.iter().try_for_each(|one| limit.forget(conn, one))?;
            write_transaction(conn, |conn| {
                ModeratorSession::end(conn, &session_token)?;
                Moderator::record_login(conn, account.id)?;
                Ok(ModeratorSession::start(conn, account.id, ttl, Factors::Both)?)
            })
        })
        .await;
    if let Err(AppError::Unauthorized) = &renewed {
        tracing::warn!(client, "wrong two-factor code");
    }
    renewed
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

/// The session a cookie's secret opens; an unknown, expired or idle one, or one
/// of a disabled account, is `401`.
pub async fn current(state: &AppState, session_token: String) -> Result<ModeratorSession, AppError> {
    let idle = state.settings.session_idle;
    state.db(move |conn| Ok(ModeratorSession::find(conn, &session_token, idle)?)).await?.ok_or(AppError::Unauthorized)
}

/// Ends a session on the server.
pub async fn log_out(state: &AppState, session_token: String) -> Result<(), AppError> {
    state.db(move |conn| Ok(ModeratorSession::end(conn, &session_token)?)).await
}
