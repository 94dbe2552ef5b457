//! Setting up a moderator's second factor: a secret shown as a QR code and as
//! text, confirmed by one code before it is on, and ten recovery codes.

use super::sessions::unix_now;
use super::AppState;
use crate::db::moderators::Moderator;
use crate::db::sessions::ModeratorSession;
use crate::db::write_transaction;
use crate::domain::two_factor::{recovery_code_hash, recovery_codes, SecretSealer, TotpSecret};
use crate::error::AppError;
use crate::error::FieldError;
use crate::i18n::Text;

/// What the enrolment page shows.
pub struct Enrolment {
    /// Already on: nothing to set up.
    pub enabled: bool,
    pub recovery_codes_left: i64,
    /// The secret waiting for its first code, as text and as a QR code (SVG);
    /// empty when two factors are on.
    pub secret_base32: String,
    pub qr_svg: String,
}

/// The secret this session is setting up: the one it is waiting with already
/// (so that reloading the page does not undo a scanned code), else a fresh
/// one. A secret belongs to the session that made it: another session of
/// the same account, such as one opened with a stolen password, gets its own
/// and never sees this one.
pub async fn enrolment(state: &AppState, moderator_id: i64, session_token: String) -> Result<Enrolment, AppError> {
    let sealer = SecretSealer::new(&state.settings.session_key);
    state
        .db(move |conn| {
            let account = Moderator::find(conn, moderator_id)?;
            let recovery_codes_left = Moderator::recovery_codes_left(conn, moderator_id)?;
            if account.two_factor_enabled() {
                let (secret_base32, qr_svg) = (String::new(), String::new());
                return Ok(Enrolment { enabled: true, recovery_codes_left, secret_base32, qr_svg });
            }
            let waiting =
                ModeratorSession::pending_secret(conn, &session_token)?.and_then(|sealed| sealer.open(&sealed));
            let secret = match waiting {
                Some(secret) => secret,
                None => {
                    let secret = TotpSecret::generate();
                    ModeratorSession::set_pending_secret(conn, &session_token, &sealer.seal(&secret))?;
                    secret
                }
            };
            Ok(Enrolment {
                enabled: false,
                recovery_codes_left,
                qr_svg: secret.qr_svg(&account.username).unwrap_or_default(),
                secret_base32: secret.base32(),
            })
        })
        .await
}

/// Turns two factors on once a code from the app matches the secret this
/// session is waiting with, and ends the account's other sessions, none of
/// which gave a code; returns the recovery codes, shown this once and stored
/// only as hashes.
#[tracing::instrument(skip(state, session_token, code))]
pub async fn confirm(
    state: &AppState,
    moderator_id: i64,
    session_token: String,
    code: Option<String>,
) -> Result<Vec<String>, AppError> {
    let sealer = SecretSealer::new(&state.settings.session_key);
    let wrong = || AppError::Validation(vec![FieldError::new("code", Text::new("field-error-totp-code"))]);
    let code = code.map(|code| code.trim().to_string()).filter(|code| !code.is_empty()).ok_or_else(wrong)?;
    state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let sealed = ModeratorSession::pending_secret(conn, &session_token)?;
                let secret = sealed.as_deref().and_then(|sealed| sealer.open(sealed)).ok_or_else(wrong)?;
                let step = secret.step_of(&code, unix_now()).ok_or_else(wrong)?;
                let codes = recovery_codes();
                let hashes: Vec<String> = codes.iter().map(|code| recovery_code_hash(code)).collect();
                let sealed = sealed.unwrap_or_default();
                if !Moderator::enable_two_factor(conn, moderator_id, &sealed, step, &hashes)? {
                    return Err(AppError::Conflict("two-factor authentication is on already".into()));
                }
                ModeratorSession::mark_enrolled(conn, &session_token)?;
                ModeratorSession::end_all_of(conn, moderator_id, Some(&session_token))?;
                Ok(codes)
            })
        })
        .await
}
