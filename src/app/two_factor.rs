//! Setting up a moderator's second factor: a secret shown as a QR code and as
//! text, confirmed by one code before it is on, and ten recovery codes.

use super::sessions::unix_now;
use super::AppState;
use crate::db::moderators::Moderator;
use crate::domain::two_factor::{recovery_code_hash, recovery_codes, SecretSealer, TotpSecret};
use crate::error::AppError;
use crate::error::FieldError;
use crate::i18n::Text;

/// What the enrolment page shows.
pub struct Enrolment {
    /// Already on: nothing to set up.
    pub enabled: bool,
    pub recovery_codes_left: i64,
    /// The secret waiting for its first code, as text and as a QR code (SVG).
    pub secret_base32: String,
    pub qr_svg: String,
}

/// The secret a moderator is setting up: the one waiting already (so that
/// reloading the page does not undo a scanned code), else a fresh one.
pub async fn enrolment(state: &AppState, moderator_id: i64) -> Result<Enrolment, AppError> {
    let sealer = SecretSealer::new(&state.settings.session_key);
    state
        .db(move |conn| {
            let account = Moderator::find(conn, moderator_id)?;
            let waiting = match (&account.totp_secret, account.totp_enabled_at) {
                (Some(sealed), None) => sealer.open(sealed),
                _ => None,
            };
            let secret = match waiting {
                Some(secret) => secret,
                None => {
                    let secret = TotpSecret::generate();
                    if account.totp_enabled_at.is_none() {
                        Moderator::set_pending_secret(conn, moderator_id, &sealer.seal(&secret))?;
                    }
                    secret
                }
            };
            Ok(Enrolment {
                enabled: account.two_factor_enabled(),
                recovery_codes_left: Moderator::recovery_codes_left(conn, moderator_id)?,
                qr_svg: secret.qr_svg(&account.username).unwrap_or_default(),
                secret_base32: secret.base32(),
            })
        })
        .await
}

/// Turns two factors on once a code from the app matches the waiting secret;
/// returns the recovery codes, shown this once and stored only as hashes.
#[tracing::instrument(skip(state, code))]
pub async fn confirm(state: &AppState, moderator_id: i64, code: Option<String>) -> Result<Vec<String>, AppError> {
    let sealer = SecretSealer::new(&state.settings.session_key);
    let wrong = || AppError::Validation(vec![FieldError::new("code", Text::new("field-error-totp-code"))]);
    let code = code.map(|code| code.trim().to_string()).filter(|code| !code.is_empty()).ok_or_else(wrong)?;
    state
        .db(move |conn| {
            let account = Moderator::find(conn, moderator_id)?;
            if account.two_factor_enabled() {
                return Err(AppError::Conflict("two-factor authentication is on already".into()));
            }
            let secret = account.totp_secret.as_deref().and_then(|sealed| sealer.open(sealed)).ok_or_else(wrong)?;
            let step = secret.step_of(&code, unix_now()).ok_or_else(wrong)?;
            let codes = recovery_codes();
            let hashes: Vec<String> = codes.iter().map(|code| recovery_code_hash(code)).collect();
            Moderator::enable_two_factor(conn, moderator_id, step, &hashes)?;
            Ok(codes)
        })
        .await
}
