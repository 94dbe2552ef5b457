//! The moderators' work: the queue, decisions, suspensions, reports, audit trail.

use actix_web::web::{Json, Path, Query};
use actix_web::{get, post};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::problems;
use crate::app::moderation::{self, ListingChange, QueueItem};
use crate::db::events::Event;
use crate::db::reports::Report;
use crate::domain::moderation::{optional_note, required_note, ReportStatus, SubmissionStatus};
use crate::domain::FieldErrors;
use crate::error::AppError;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::web::extract::{ApiJson, Moderator};
use crate::web::State;

/// Pending submissions, oldest first, with red flags and changed fields.
#[utoipa::path(responses((status = 200, body = Vec<QueueItem>)))]
#[get("/moderation/queue")]
#[tracing::instrument(skip_all)]
pub async fn queue(state: State, _moderator: Moderator) -> Result<Json<Vec<QueueItem>>, AppError> {
    Ok(Json(moderation::queue(&state).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteInput {
    /// An optional note for the audit trail (required to resolve a report).
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonInput {
    /// Why; shown to the clinician on their manage page.
    pub reason: Option<String>,
}

/// What a moderator's decision answers.
type Decision = Result<Json<Decided>, AppError>;

/// A decision taken: the submission's, listing's or report's new status.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Decided {
    pub id: i64,
    pub status: String,
}

/// Approves a pending submission: it becomes the public version at once.
#[utoipa::path(params(("id" = i64, Path, description = "Submission id")), request_body = NoteInput,
    responses((status = 200, body = Decided), problems::NotFound, problems::Conflict, problems::Invalid))]
#[post("/moderation/submissions/{id}/approve")]
#[tracing::instrument(skip_all)]
pub async fn approve(state: State, moderator: Moderator, id: Path<i64>, body: ApiJson<NoteInput>) -> Decision {
    let id = id.into_inner();
    let note = optional_note("note", body.0.note)?;
    moderation::approve(&state, moderator.actor(), id, note).await?;
    Ok(Json(Decided { id, status: SubmissionStatus::Approved.as_str().into() }))
}

/// Rejects a pending submission with a reason the clinician will see.
#[utoipa::path(params(("id" = i64, Path, description = "Submission id")), request_body = ReasonInput,
    responses((status = 200, body = Decided), problems::NotFound, problems::Conflict, problems::Invalid))]
#[post("/moderation/submissions/{id}/reject")]
#[tracing::instrument(skip_all)]
pub async fn reject(state: State, moderator: Moderator, id: Path<i64>, body: ApiJson<ReasonInput>) -> Decision {
    let id = id.into_inner();
    let reason = required_note("reason", body.0.reason)?;
    moderation::reject(&state, moderator.actor(), id, reason).await?;
    Ok(Json(Decided { id, status: SubmissionStatus::Rejected.as_str().into() }))
}

/// Takes an approved listing out of public view.
#[utoipa::path(params(("id" = i64, Path, description = "Listing id")), request_body = ReasonInput,
    responses((status = 200, body = Decided), problems::NotFound, problems::Conflict, problems::Invalid))]
#[post("/moderation/clinicians/{id}/suspend")]
#[tracing::instrument(skip_all)]
pub async fn suspend(state: State, moderator: Moderator, id: Path<i64>, body: ApiJson<ReasonInput>) -> Decision {
    let id = id.into_inner();
    let reason = required_note("reason", body.0.reason)?;
    let status = moderation::change_listing(&state, moderator.actor(), id, ListingChange::Suspend { reason }).await?;
    Ok(Json(Decided { id, status: status.as_str().into() }))
}

/// Brings a suspended listing back into public view.
#[utoipa::path(params(("id" = i64, Path, description = "Listing id")), request_body = NoteInput,
    responses((status = 200, body = Decided), problems::NotFound, problems::Conflict, problems::Invalid))]
#[post("/moderation/clinicians/{id}/reinstate")]
#[tracing::instrument(skip_all)]
pub async fn reinstate(state: State, moderator: Moderator, id: Path<i64>, body: ApiJson<NoteInput>) -> Decision {
    let id = id.into_inner();
    let note = optional_note("note", body.0.note)?;
    let status = moderation::change_listing(&state, moderator.actor(), id, ListingChange::Reinstate { note }).await?;
    Ok(Json(Decided { id, status: status.as_str().into() }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ReportFilter {
    /// `open` (default), `resolved` or `all`.
    #[param(pattern = "^(open|resolved|all)$")]
    pub status: Option<String>,
}

/// Reports from the public, oldest first.
#[utoipa::path(params(ReportFilter), responses((status = 200, body = Vec<Report>), problems::Invalid))]
#[get("/moderation/reports")]
#[tracing::instrument(skip_all)]
pub async fn reports(
    state: State,
    _moderator: Moderator,
    filter: Query<ReportFilter>,
) -> Result<Json<Vec<Report>>, AppError> {
    let status = match filter.status.as_deref().unwrap_or("open") {
        "open" => Some(ReportStatus::Open),
        "resolved" => Some(ReportStatus::Resolved),
        "all" => None,
        _ => return Err(AppError::Validation(vec![FieldError::new("status", Text::new("field-error-report-status"))])),
    };
    Ok(Json(moderation::reports(&state, status).await?))
}

/// Closes a report with a note of what was done.
#[utoipa::path(params(("id" = i64, Path, description = "Report id")), request_body = NoteInput,
    responses((status = 200, body = Decided), problems::NotFound, problems::Conflict, problems::Invalid))]
#[post("/moderation/reports/{id}/resolve")]
#[tracing::instrument(skip_all)]
pub async fn resolve_report(state: State, moderator: Moderator, id: Path<i64>, body: ApiJson<NoteInput>) -> Decision {
    let id = id.into_inner();
    let note = required_note("note", body.0.note)?;
    moderation::resolve_report(&state, moderator.actor(), id, note).await?;
    Ok(Json(Decided { id, status: ReportStatus::Resolved.as_str().into() }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct EventFilter {
    /// Only events about this listing.
    pub listing_id: Option<i64>,
    /// 1..200, default 50.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// 0..1000000, default 0.
    #[param(minimum = 0, maximum = 1000000)]
    pub offset: Option<i64>,
}

/// The audit trail, newest first.
#[utoipa::path(params(EventFilter), responses((status = 200, body = Vec<Event>), problems::Invalid))]
#[get("/moderation/events")]
#[tracing::instrument(skip_all)]
pub async fn events(
    state: State,
    _moderator: Moderator,
    filter: Query<EventFilter>,
) -> Result<Json<Vec<Event>>, AppError> {
    let limit = filter.limit.unwrap_or(50);
    let offset = filter.offset.unwrap_or(0);
    let mut errors = FieldErrors::new();
    if !(1..=200).contains(&limit) {
        errors.add_range("limit", "field-error-from-to", 1, 200);
    }
    if !(0..=1_000_000).contains(&offset) {
        errors.add_range("offset", "field-error-from-to", 0, 1_000_000);
    }
    errors.check()?;
    Ok(Json(moderation::events(&state, filter.listing_id, limit, offset).await?))
}
