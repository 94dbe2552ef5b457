//! Moderators logging in and out.

use super::AppState;
use crate::db::moderators::Moderator;
use crate::db::sessions::{ModeratorSession, NewSession};
use crate::domain::FieldErrors;
use crate::error::AppError;
use crate::i18n::Text;

/// The longest username or password looked at, in bytes.
const MAX_CREDENTIAL: usize = 1000;

/// Checks a moderator's credentials and starts a session, throttling a client
/// after repeated failures.
#[tracing::instrument(skip(state, username, password))]
pub async fn log_in(
    state: &AppState,
    client: &str,
    username: Option<String>,
    password: Option<String>,
) -> Result<(Moderator, NewSession), AppError> {
    let mut errors = FieldErrors::new();
    let mut credential = |field: &str, value: Option<String>| {
        let value = errors.require(field, value.filter(|value| !value.is_empty()))?;
        if value.len() > MAX_CREDENTIAL {
            errors.add(field, Text::new("field-error-too-many-bytes").arg("max", MAX_CREDENTIAL.to_string()));
            return None;
        }
        Some(value)
    };
    let (username, password) = (credential("username", username), credential("password", password));
    let (username, password) = errors.finish(username.zip(password))?;
    state.failed_logins.check(client)?;
    let ttl = state.settings.session_ttl;
    let found = state
        .db(move |conn| match Moderator::authenticate(conn, &username, &password)? {
            Some(account) => {
                let session = ModeratorSession::start(conn, account.id, ttl)?;
                Ok(Some((account, session)))
            }
            None => Ok(None),
        })
        .await?;
    match found {
        Some((account, session)) => {
            state.failed_logins.clear(client);
            tracing::info!(moderator = %account.username, "moderator logged in");
            Ok((account, session))
        }
        None => {
            state.failed_logins.record(client);
            tracing::warn!(client, "failed moderator login");
            Err(AppError::Unauthorized)
        }
    }
}

/// The session a cookie's secret opens; an unknown or expired one is `401`.
pub async fn current(state: &AppState, session_token: String) -> Result<ModeratorSession, AppError> {
    state.db(move |conn| Ok(ModeratorSession::find(conn, &session_token)?)).await?.ok_or(AppError::Unauthorized)
}

/// Ends a session on the server.
pub async fn log_out(state: &AppState, session_token: String) -> Result<(), AppError> {
    state.db(move |conn| Ok(ModeratorSession::end(conn, &session_token)?)).await
}
