//! The moderators' work: the queue, decisions, suspensions, reports, audit trail.

use actix_web::{get, post, web};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, IntoResponses, ToSchema};

use crate::db::events::{Actor, Event};
use crate::db::listings::Listing;
use crate::db::reports::Report;
use crate::db::submissions::Submission;
use crate::db::AnyConnection;
use crate::domain::listing::{ListingContent, RedFlag};
use crate::domain::moderation::{changed_fields, FieldChange, ListingStatus, ReportStatus, SubmissionKind};
use crate::domain::FieldError;
use crate::error::{AppError, Problem};
use crate::web::extract::{ApiJson, Moderator};
use crate::web::state::AppState;

/// Approves a submission and puts the listing's new public state into search.
pub async fn approve_submission(state: &AppState, actor: Actor, id: i64, note: Option<String>) -> Result<(), AppError> {
    let search = state.search.clone();
    state
        .db(move |conn| {
            let listing = Submission::approve(conn, id, &actor, note.as_deref())?;
            Ok(search.refresh(conn, listing)?)
        })
        .await
}

/// A moderator's change to an approved listing's standing.
pub enum ListingChange {
    Suspend(String),
    Reinstate(Option<String>),
}

/// Suspends or reinstates a listing, and updates search at once.
pub async fn set_listing_status(
    state: &AppState,
    actor: Actor,
    id: i64,
    change: ListingChange,
) -> Result<ListingStatus, AppError> {
    let search = state.search.clone();
    state
        .db(move |conn| {
            let status = match &change {
                ListingChange::Suspend(reason) => Listing::suspend(conn, id, &actor, reason)?,
                ListingChange::Reinstate(note) => Listing::reinstate(conn, id, &actor, note.as_deref())?,
            };
            search.refresh(conn, id)?;
            Ok(status)
        })
        .await
}

pub fn actor(moderator: &Moderator) -> Actor {
    Actor::Moderator { id: moderator.session.moderator_id, username: moderator.session.username.clone() }
}

/// A trimmed, non-empty text of at most `max` characters, or a field error.
pub fn text(value: Option<String>, field: &str, required: bool, max: usize) -> Result<Option<String>, AppError> {
    let value = value.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    match &value {
        None if required => Err(AppError::Validation(vec![FieldError::new(field, "is required")])),
        Some(v) if v.chars().count() > max => {
            Err(AppError::Validation(vec![FieldError::new(field, &format!("must be at most {max} characters"))]))
        }
        _ => Ok(value),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QueueItem {
    pub submission_id: i64,
    pub listing_id: i64,
    pub kind: SubmissionKind,
    #[serde(serialize_with = "crate::domain::utc::rfc3339")]
    pub submitted_at: NaiveDateTime,
    pub listing_status: ListingStatus,
    pub red_flags: Vec<RedFlag>,
    /// For edits: each field that differs from the public version.
    pub changed_fields: Vec<FieldChange>,
    /// The submitted version, private contact email included.
    pub listing: ListingContent,
}

/// Pending submissions, oldest first, with red flags and changed fields.
#[utoipa::path(
    tag = "moderator",
    security(("session" = [])),
    responses(
        (status = 200, body = Vec<QueueItem>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/moderation/queue")]
pub async fn queue(state: web::Data<AppState>, _moderator: Moderator) -> Result<web::Json<Vec<QueueItem>>, AppError> {
    Ok(web::Json(state.db(queue_items).await?))
}

/// Pending submissions with what a moderator must see, oldest first.
pub fn queue_items(conn: &mut AnyConnection) -> Result<Vec<QueueItem>, AppError> {
    Submission::pending_queue(conn)?
        .into_iter()
        .map(|(submission, listing)| {
            let content = submission.content()?;
            let changed = match submission.kind() {
                SubmissionKind::Edit => changed_fields(listing.approved_content().as_ref(), &content),
                SubmissionKind::New => Vec::new(),
            };
            Ok(QueueItem {
                submission_id: submission.id,
                listing_id: listing.id,
                kind: submission.kind(),
                submitted_at: submission.submitted_at,
                listing_status: listing.status(),
                red_flags: content.red_flags(),
                changed_fields: changed,
                listing: content,
            })
        })
        .collect()
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

/// What a moderator's decision can meet, for the OpenAPI document.
#[derive(IntoResponses)]
#[allow(dead_code)]
pub enum DecisionProblems {
    #[response(status = 401, description = "No moderator session", content_type = "application/problem+json")]
    Unauthorized(#[to_schema] Problem),
    #[response(status = 403, description = "No valid CSRF token", content_type = "application/problem+json")]
    Forbidden(#[to_schema] Problem),
    #[response(
        status = 404,
        description = "No such submission, listing or report",
        content_type = "application/problem+json"
    )]
    NotFound(#[to_schema] Problem),
    #[response(
        status = 409,
        description = "Already decided, or not allowed in the current status",
        content_type = "application/problem+json"
    )]
    Conflict(#[to_schema] Problem),
    #[response(status = 422, description = "A missing or bad field", content_type = "application/problem+json")]
    Invalid(#[to_schema] Problem),
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Decided {
    pub id: i64,
    pub status: &'static str,
}

/// Approves a pending submission: it becomes the public version at once.
#[utoipa::path(
    tag = "moderator",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Submission id")),
    request_body = NoteInput,
    responses(
        (status = 200, body = Decided),
        DecisionProblems,
    )
)]
#[post("/moderation/submissions/{id}/approve")]
pub async fn approve(
    state: web::Data<AppState>,
    moderator: Moderator,
    id: web::Path<i64>,
    body: ApiJson<NoteInput>,
) -> Result<web::Json<Decided>, AppError> {
    let id = id.into_inner();
    let note = text(body.0.note, "note", false, 2000)?;
    let actor = actor(&moderator);
    approve_submission(&state, actor, id, note).await?;
    Ok(web::Json(Decided { id, status: "approved" }))
}

/// Rejects a pending submission with a reason the clinician will see.
#[utoipa::path(
    tag = "moderator",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Submission id")),
    request_body = ReasonInput,
    responses(
        (status = 200, body = Decided),
        DecisionProblems,
    )
)]
#[post("/moderation/submissions/{id}/reject")]
pub async fn reject(
    state: web::Data<AppState>,
    moderator: Moderator,
    id: web::Path<i64>,
    body: ApiJson<ReasonInput>,
) -> Result<web::Json<Decided>, AppError> {
    let id = id.into_inner();
    let reason = text(body.0.reason, "reason", true, 2000)?.unwrap_or_default();
    let actor = actor(&moderator);
    state.db(move |conn| Submission::reject(conn, id, &actor, &reason)).await?;
    Ok(web::Json(Decided { id, status: "rejected" }))
}

/// Takes an approved listing out of public view.
#[utoipa::path(
    tag = "moderator",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Listing id")),
    request_body = ReasonInput,
    responses(
        (status = 200, body = Decided),
        DecisionProblems,
    )
)]
#[post("/moderation/clinicians/{id}/suspend")]
pub async fn suspend(
    state: web::Data<AppState>,
    moderator: Moderator,
    id: web::Path<i64>,
    body: ApiJson<ReasonInput>,
) -> Result<web::Json<Decided>, AppError> {
    let id = id.into_inner();
    let reason = text(body.0.reason, "reason", true, 2000)?.unwrap_or_default();
    let actor = actor(&moderator);
    let status = set_listing_status(&state, actor, id, ListingChange::Suspend(reason)).await?;
    Ok(web::Json(Decided { id, status: status.as_str() }))
}

/// Brings a suspended listing back into public view.
#[utoipa::path(
    tag = "moderator",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Listing id")),
    request_body = NoteInput,
    responses(
        (status = 200, body = Decided),
        DecisionProblems,
    )
)]
#[post("/moderation/clinicians/{id}/reinstate")]
pub async fn reinstate(
    state: web::Data<AppState>,
    moderator: Moderator,
    id: web::Path<i64>,
    body: ApiJson<NoteInput>,
) -> Result<web::Json<Decided>, AppError> {
    let id = id.into_inner();
    let note = text(body.0.note, "note", false, 2000)?;
    let actor = actor(&moderator);
    let status = set_listing_status(&state, actor, id, ListingChange::Reinstate(note)).await?;
    Ok(web::Json(Decided { id, status: status.as_str() }))
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
#[utoipa::path(
    tag = "moderator",
    security(("session" = [])),
    params(ReportFilter),
    responses(
        (status = 200, body = Vec<Report>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/moderation/reports")]
pub async fn reports(
    state: web::Data<AppState>,
    _moderator: Moderator,
    filter: web::Query<ReportFilter>,
) -> Result<web::Json<Vec<Report>>, AppError> {
    let status = match filter.status.as_deref().unwrap_or("open") {
        "open" => Some(ReportStatus::Open),
        "resolved" => Some(ReportStatus::Resolved),
        "all" => None,
        _ => return Err(AppError::Validation(vec![FieldError::new("status", "must be open, resolved or all")])),
    };
    let reports = state.db(move |conn| Ok(Report::list(conn, status)?)).await?;
    Ok(web::Json(reports))
}

/// Closes a report with a note of what was done.
#[utoipa::path(
    tag = "moderator",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Report id")),
    request_body = NoteInput,
    responses(
        (status = 200, body = Decided),
        DecisionProblems,
    )
)]
#[post("/moderation/reports/{id}/resolve")]
pub async fn resolve_report(
    state: web::Data<AppState>,
    moderator: Moderator,
    id: web::Path<i64>,
    body: ApiJson<NoteInput>,
) -> Result<web::Json<Decided>, AppError> {
    let id = id.into_inner();
    let note = text(body.0.note, "note", true, 2000)?.unwrap_or_default();
    let actor = actor(&moderator);
    state.db(move |conn| Report::resolve(conn, id, &actor, &note)).await?;
    Ok(web::Json(Decided { id, status: "resolved" }))
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
    /// 0 or more, default 0.
    #[param(minimum = 0)]
    pub offset: Option<i64>,
}

/// The audit trail, newest first.
#[utoipa::path(
    tag = "moderator",
    security(("session" = [])),
    params(EventFilter),
    responses(
        (status = 200, body = Vec<Event>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/moderation/events")]
pub async fn events(
    state: web::Data<AppState>,
    _moderator: Moderator,
    filter: web::Query<EventFilter>,
) -> Result<web::Json<Vec<Event>>, AppError> {
    let limit = filter.limit.unwrap_or(50);
    let offset = filter.offset.unwrap_or(0);
    let mut errors = Vec::new();
    if !(1..=200).contains(&limit) {
        errors.push(FieldError::new("limit", "must be from 1 to 200"));
    }
    if !(0..=1_000_000).contains(&offset) {
        errors.push(FieldError::new("offset", "must be from 0 to 1000000"));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let listing = filter.listing_id;
    let events = state.db(move |conn| Ok(Event::list(conn, listing, limit, offset)?)).await?;
    Ok(web::Json(events))
}
