//! The moderators' work: the queue, decisions, suspensions, reports, audit trail.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::AppState;
use crate::db::events::{Actor, Event};
use crate::db::listings::Listing;
use crate::db::reports::Report;
use crate::db::submissions::Submission;
use crate::db::AnyConnection;
use crate::domain::listing::{ListingContent, RedFlag};
use crate::domain::moderation::{changed_fields, FieldChange, ListingStatus, ReportStatus, SubmissionKind};
use crate::error::AppError;

/// A pending submission with what a moderator must see to decide it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct QueueItem {
    pub submission_id: i64,
    pub listing_id: i64,
    pub kind: SubmissionKind,
    pub submitted_at: DateTime<Utc>,
    pub listing_status: ListingStatus,
    pub red_flags: Vec<RedFlag>,
    /// For edits: each field that differs from the public version.
    pub changed_fields: Vec<FieldChange>,
    /// The submitted version, private contact email included.
    pub listing: ListingContent,
}

/// What the moderators' dashboard shows at once.
pub struct Workload {
    pub queue: Vec<QueueItem>,
    pub open_reports: Vec<Report>,
    pub recent_events: Vec<Event>,
}

/// How many audit events the dashboard shows.
const RECENT_EVENTS: i64 = 50;

/// A moderator's change to an approved listing's standing.
pub enum ListingChange {
    Suspend { reason: String },
    Reinstate { note: Option<String> },
}

fn queue_items(conn: &mut AnyConnection) -> Result<Vec<QueueItem>, AppError> {
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
                submitted_at: submission.submitted_at.and_utc(),
                listing_status: listing.status(),
                red_flags: content.red_flags(),
                changed_fields: changed,
                listing: content,
            })
        })
        .collect()
}

/// Pending submissions, oldest first, with red flags and changed fields.
pub async fn queue(state: &AppState) -> Result<Vec<QueueItem>, AppError> {
    state.db(queue_items).await
}

/// The queue, the open reports and the latest audit events.
pub async fn workload(state: &AppState) -> Result<Workload, AppError> {
    state
        .db(|conn| {
            Ok(Workload {
                queue: queue_items(conn)?,
                open_reports: Report::list(conn, Some(ReportStatus::Open))?,
                recent_events: Event::list(conn, None, RECENT_EVENTS, 0)?,
            })
        })
        .await
}

/// Approves a submission and puts the listing's new public state into search.
#[tracing::instrument(skip(state, note))]
pub async fn approve(state: &AppState, actor: Actor, submission_id: i64, note: Option<String>) -> Result<(), AppError> {
    let search = state.search.clone();
    state
        .db(move |conn| {
            let listing = Submission::approve(conn, submission_id, &actor, note.as_deref())?;
            Ok(search.refresh(conn, listing)?)
        })
        .await
}

/// Rejects a submission with a reason the clinician will see.
#[tracing::instrument(skip(state, reason))]
pub async fn reject(state: &AppState, actor: Actor, submission_id: i64, reason: String) -> Result<(), AppError> {
    state.db(move |conn| Submission::reject(conn, submission_id, &actor, &reason)).await
}

/// Suspends or reinstates a listing, and updates search at once.
#[tracing::instrument(skip(state, change))]
pub async fn change_listing(
    state: &AppState,
    actor: Actor,
    listing_id: i64,
    change: ListingChange,
) -> Result<ListingStatus, AppError> {
    let search = state.search.clone();
    state
        .db(move |conn| {
            let status = match &change {
                ListingChange::Suspend { reason } => Listing::suspend(conn, listing_id, &actor, reason)?,
                ListingChange::Reinstate { note } => Listing::reinstate(conn, listing_id, &actor, note.as_deref())?,
            };
            search.refresh(conn, listing_id)?;
            Ok(status)
        })
        .await
}

/// Reports of one status (all when `None`), oldest first.
pub async fn reports(state: &AppState, status: Option<ReportStatus>) -> Result<Vec<Report>, AppError> {
    state.db(move |conn| Ok(Report::list(conn, status)?)).await
}

/// Closes a report with a note of what was done.
#[tracing::instrument(skip(state, note))]
pub async fn resolve_report(state: &AppState, actor: Actor, report_id: i64, note: String) -> Result<(), AppError> {
    state.db(move |conn| Report::resolve(conn, report_id, &actor, &note)).await
}

/// A page of the audit trail, newest first, optionally about one listing.
pub async fn events(
    state: &AppState,
    listing_id: Option<i64>,
    limit: i64,
    offset: i64,
) -> Result<Vec<Event>, AppError> {
    state.db(move |conn| Ok(Event::list(conn, listing_id, limit, offset)?)).await
}
