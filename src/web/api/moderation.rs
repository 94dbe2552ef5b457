//! The moderators' work: the queue, decisions, suspensions, reports, audit trail.

use actix_web::web::{Json, Path, Query};
use actix_web::{get, post};
use serde::{Deserialize, Serialize};
use utoipa::openapi::path::{Parameter, ParameterIn};
use utoipa::openapi::schema::Object;
use utoipa::openapi::Required;
use utoipa::{IntoParams, ToSchema};

use super::{problems, query_parameter};
use chrono::NaiveDate;

use crate::app::moderation::{
    self, audit_filter, required_search, FoundListing, ListingChange, QueuePage, QueueQuery, MAX_SEARCH,
};
use crate::db::events::Event;
use crate::db::reports::Report;
use crate::db::submissions::QueuePosition;
use crate::domain::listing::Choices;
use crate::domain::moderation::{
    optional_note, required_note, AuditAction, ReportStatus, SubmissionKind, SubmissionStatus,
};
use crate::domain::{schema, FieldErrors};
use crate::error::AppError;
use crate::i18n::Text;
use crate::web::extract::{ApiJson, Moderator};
use crate::web::State;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct QueueParams {
    /// Only new listings, or only edits of public ones.
    pub kind: Option<SubmissionKind>,
    /// Only submissions with red-flag phrases.
    pub flagged: Option<bool>,
    /// Only those waiting longer than this many days; also what `counts.waiting` counts (default 7).
    #[param(minimum = 1, maximum = 3650)]
    pub waiting_days: Option<u32>,
    /// A name or part of one, a city, an NPI, a contact email or a listing number.
    #[param(max_length = 200, pattern = r"^[^\x00]*$")]
    pub q: Option<String>,
    /// Only listings in this region (ISO 3166-2, such as `US-OR`).
    pub region: Option<String>,
    /// The page after this submission id (the previous page's `next_after`).
    #[param(minimum = 0)]
    pub after: Option<i64>,
    /// 1..50, default 20: each item carries a whole submission.
    #[param(minimum = 1, maximum = 50)]
    pub limit: Option<i64>,
}

/// The largest page of reports and events, which are small.
const MAX_PAGE: i64 = 100;
/// The largest page of the queue, whose items carry whole submissions: about
/// 55 KB at 50.
const MAX_QUEUE_PAGE: i64 = 50;

/// Checks a page's `limit` (1 to `max`) and `after` or `before` (ids are never negative).
fn page_bounds(
    errors: &mut FieldErrors,
    (limit, default, max): (Option<i64>, i64, i64),
    position: (&str, Option<i64>),
) -> i64 {
    let limit = limit.unwrap_or(default);
    if !(1..=max).contains(&limit) {
        errors.add_range("limit", "field-error-from-to", 1, max);
    }
    if position.1.is_some_and(|id| id < 0) {
        errors.add_range(position.0, "field-error-from-to", 0, i64::MAX);
    }
    limit
}

/// Pending submissions, oldest first, a page at a time, with red flags,
/// changed fields and the counts of the whole queue.
#[utoipa::path(params(QueueParams), responses((status = 200, body = QueuePage), problems::Invalid))]
#[get("/moderation/queue")]
#[tracing::instrument(skip_all)]
pub async fn queue(
    state: State,
    moderator: Moderator,
    params: Query<QueueParams>,
) -> Result<Json<QueuePage>, AppError> {
    let params = params.into_inner();
    let mut errors = FieldErrors::new();
    let limit = page_bounds(&mut errors, (params.limit, 20, MAX_QUEUE_PAGE), ("after", params.after));
    if params.waiting_days.is_some_and(|days| !(1..=3650).contains(&days)) {
        errors.add_range("waiting_days", "field-error-from-to", 1, 3650);
    }
    let search = errors.text("q", params.q, MAX_SEARCH);
    errors.check()?;
    let query = QueueQuery {
        kind: params.kind,
        flagged_only: params.flagged.unwrap_or(false),
        waiting_days: params.waiting_days,
        region: params.region.map(|region| region.trim().to_uppercase()),
        search,
        hide_claimed: false,
        viewer: moderator.session.moderator_id,
        position: QueuePosition::After(params.after.unwrap_or(0)),
        limit,
    };
    Ok(Json(moderation::queue(&state, query).await?))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindParams {
    /// A name or part of one, an NPI, a city, or a listing number.
    pub q: String,
}

// By hand: the derive drops `required` from a parameter with its own schema.
impl IntoParams for FindParams {
    fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        let term = schema::required_free_text(MAX_SEARCH)
            .description(Some("A name or part of one, an NPI, a city, or a listing number."));
        vec![query_parameter("q", Required::True, term)]
    }
}

/// Listings of any status by name, NPI, city or number, newest first (at most 50).
#[utoipa::path(params(FindParams), responses((status = 200, body = Vec<FoundListing>), problems::Invalid))]
#[get("/moderation/clinicians")]
#[tracing::instrument(skip_all)]
pub async fn find(
    state: State,
    _moderator: Moderator,
    params: Query<FindParams>,
) -> Result<Json<Vec<FoundListing>>, AppError> {
    let term = required_search(params.into_inner().q)?;
    Ok(Json(moderation::find_listings(&state, term, 0).await?.listings))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteInput {
    /// An optional note for the audit trail.
    #[schema(schema_with = schema::optional_note)]
    pub note: Option<String>,
}

/// An approval: an optional note and, for an imported listing whose
/// profession or specialty was left to be chosen, the codes chosen.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproveInput {
    /// An optional note for the audit trail.
    #[schema(schema_with = schema::optional_note)]
    pub note: Option<String>,
    /// Required when the submission's profession is to be chosen.
    pub profession: Option<String>,
    /// Required when the submission's specialty is to be chosen.
    pub specialty: Option<String>,
}

/// What was done about a report: a note the moderator must give.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResolutionInput {
    #[schema(schema_with = schema::required_note, required = true)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonInput {
    /// Why; shown to the clinician on their manage page.
    #[schema(schema_with = schema::required_note, required = true)]
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
#[utoipa::path(params(("id" = i64, Path, description = "Submission id")), request_body = ApproveInput,
    responses((status = 200, body = Decided), problems::NotFound, problems::Conflict, problems::Invalid))]
#[post("/moderation/submissions/{id}/approve")]
#[tracing::instrument(skip_all)]
pub async fn approve(state: State, moderator: Moderator, id: Path<i64>, body: ApiJson<ApproveInput>) -> Decision {
    let id = id.into_inner();
    let ApproveInput { note, profession, specialty } = body.0;
    let note = optional_note("note", note)?;
    moderation::approve(&state, moderator.actor(), id, note, Choices { profession, specialty }).await?;
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
    #[param(schema_with = report_filter)]
    pub status: Option<String>,
    /// The page after this report id.
    #[param(minimum = 0)]
    pub after: Option<i64>,
    /// 1..100, default 50.
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
}

/// The reports each `status` of `ReportFilter` lists: `None` for all.
const REPORT_FILTERS: [(&str, Option<ReportStatus>); 3] =
    [("open", Some(ReportStatus::Open)), ("resolved", Some(ReportStatus::Resolved)), ("all", None)];

fn report_filter() -> Object {
    schema::codes(REPORT_FILTERS.iter().map(|(name, _)| *name))
        .description(Some("`open` (default), `resolved` or `all`."))
        .build()
}

/// Reports from the public, oldest first, a page at a time.
#[utoipa::path(params(ReportFilter), responses((status = 200, body = Vec<Report>), problems::Invalid))]
#[get("/moderation/reports")]
#[tracing::instrument(skip_all)]
pub async fn reports(
    state: State,
    _moderator: Moderator,
    filter: Query<ReportFilter>,
) -> Result<Json<Vec<Report>>, AppError> {
    let mut errors = FieldErrors::new();
    let limit = page_bounds(&mut errors, (filter.limit, 50, MAX_PAGE), ("after", filter.after));
    let asked = filter.status.as_deref().unwrap_or("open");
    let status = match REPORT_FILTERS.iter().find(|(name, _)| *name == asked) {
        Some((_, status)) => *status,
        None => {
            errors.add("status", Text::new("field-error-report-status"));
            None
        }
    };
    errors.check()?;
    Ok(Json(moderation::reports(&state, status, filter.after.unwrap_or(0), limit).await?))
}

/// Closes a report with a note of what was done.
#[utoipa::path(params(("id" = i64, Path, description = "Report id")), request_body = ResolutionInput,
    responses((status = 200, body = Decided), problems::NotFound, problems::Conflict, problems::Invalid))]
#[post("/moderation/reports/{id}/resolve")]
#[tracing::instrument(skip_all)]
pub async fn resolve_report(
    state: State,
    moderator: Moderator,
    id: Path<i64>,
    body: ApiJson<ResolutionInput>,
) -> Decision {
    let id = id.into_inner();
    let note = required_note("note", body.0.note)?;
    moderation::resolve_report(&state, moderator.actor(), id, note).await?;
    Ok(Json(Decided { id, status: ReportStatus::Resolved.as_str().into() }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct EventParams {
    /// Only events about this listing.
    #[param(minimum = 1)]
    pub listing_id: Option<i64>,
    /// Only this moderator's decisions.
    #[param(minimum = 1)]
    pub moderator_id: Option<i64>,
    /// Only this kind of event.
    #[param(inline)]
    pub action: Option<AuditAction>,
    /// From this day on (UTC, inclusive).
    pub from: Option<NaiveDate>,
    /// Up to this day (UTC, inclusive).
    pub to: Option<NaiveDate>,
    /// The page before this event id (the previous page's last `id`).
    #[param(minimum = 0)]
    pub before: Option<i64>,
    /// 1..100, default 50.
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
}

/// The audit trail, newest first, a page at a time.
#[utoipa::path(params(EventParams), responses((status = 200, body = Vec<Event>), problems::Invalid))]
#[get("/moderation/events")]
#[tracing::instrument(skip_all)]
pub async fn events(
    state: State,
    _moderator: Moderator,
    params: Query<EventParams>,
) -> Result<Json<Vec<Event>>, AppError> {
    let params = params.into_inner();
    let mut errors = FieldErrors::new();
    let limit = page_bounds(&mut errors, (params.limit, 50, MAX_PAGE), ("before", params.before));
    // Ids start at 1: a smaller one is a mistake, not a filter that matches nothing.
    for (field, id) in [("listing_id", params.listing_id), ("moderator_id", params.moderator_id)] {
        if id.is_some_and(|id| id < 1) {
            errors.add_range(field, "field-error-from-to", 1, i64::MAX);
        }
    }
    let filter =
        audit_filter(&mut errors, params.listing_id, params.moderator_id, params.action, (params.from, params.to));
    errors.check()?;
    Ok(Json(moderation::events(&state, filter, params.before, limit).await?))
}
