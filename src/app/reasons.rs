//! Ready-made rejection reasons: admins keep a short list in both languages;
//! a moderator picks one and may add words of their own.

use super::AppState;
use crate::db::listings::Listing;
use crate::db::reasons::ReadyReason;
use crate::db::submissions::Submission;
use crate::domain::limits::MAX_NOTE;
use crate::domain::moderation::required_note;
use crate::domain::FieldErrors;
use crate::error::{AppError, FieldError};
use crate::i18n::{Lang, Text};

pub async fn list(state: &AppState) -> Result<Vec<ReadyReason>, AppError> {
    state.db(|conn| Ok(ReadyReason::all(conn)?)).await
}

/// A reason's words as an admin typed them, each language required.
pub struct ReasonForm {
    pub text_en: Option<String>,
    pub text_es: Option<String>,
}

impl ReasonForm {
    fn parse(self) -> Result<(String, String), AppError> {
        let mut errors = FieldErrors::new();
        let en = errors.required_text("text_en", self.text_en, MAX_NOTE);
        let es = errors.required_text("text_es", self.text_es, MAX_NOTE);
        errors.check()?;
        Ok((en.unwrap_or_default(), es.unwrap_or_default()))
    }
}

pub async fn add(state: &AppState, form: ReasonForm) -> Result<(), AppError> {
    let (en, es) = form.parse()?;
    state.db(move |conn| Ok(ReadyReason::add(conn, &en, &es).map(|_| ())?)).await
}

pub async fn change(state: &AppState, id: i64, form: ReasonForm) -> Result<(), AppError> {
    let (en, es) = form.parse()?;
    state.db(move |conn| Ok(ReadyReason::change(conn, id, &en, &es)?)).await
}

pub async fn remove(state: &AppState, id: i64) -> Result<(), AppError> {
    state.db(move |conn| Ok(ReadyReason::remove(conn, id)?)).await
}

/// The reason a rejection gives: the ready-made one chosen, in the
/// clinician's language, then what the moderator typed; either may be left out.
pub async fn compose(
    state: &AppState,
    submission_id: i64,
    ready: Option<i64>,
    typed: Option<String>,
) -> Result<String, AppError> {
    let Some(ready) = ready else { return required_note("reason", typed) };
    let text = state
        .db(move |conn| {
            let Ok(reason) = ReadyReason::find(conn, ready) else {
                // Removed by an admin while the page was open.
                let error = FieldError::new("ready_reason", Text::new("moderate-error-ready-reason"));
                return Err(AppError::Validation(vec![error]));
            };
            let listing_id = Submission::find(conn, submission_id)?.listing_id;
            let listing = Listing::find(conn, listing_id)?;
            Ok::<_, AppError>(reason.text(Lang::from_code(&listing.language).unwrap_or_default()).to_string())
        })
        .await?;
    let typed = typed.map(|words| words.trim().to_string()).filter(|words| !words.is_empty());
    required_note("reason", Some(typed.map_or_else(|| text.clone(), |words| format!("{text}\n\n{words}"))))
}
