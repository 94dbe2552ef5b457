//! The moderators' work: the queue, decisions, suspensions, reports, audit trail.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::letters::{self, Letter};
use super::AppState;
use crate::db::events::{Actor, Event};
use crate::db::listings::Listing;
use crate::db::outbox::{self, DeliveryStatus, OutboxMessage};
use crate::db::reports::Report;
use crate::db::submissions::Submission;
use crate::db::{write_transaction, AnyConnection};
use crate::domain::listing::{ListingContent, RedFlag};
use crate::domain::moderation::{changed_fields, FieldChange, ListingStatus, ReportStatus, SubmissionKind};
use crate::error::AppError;
use crate::i18n::Lang;

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
    let (links, mail_from) = (state.links(), state.settings.mail.from.clone());
    state
        .db(move |conn| {
            let listing_id = write_transaction(conn, |conn| {
                let listing_id = Submission::approve(conn, submission_id, &actor, note.as_deref())?;
                tell_clinician(conn, &mail_from, listing_id, |lang| Letter::Approved {
                    profile_link: links.to(lang, &format!("/clinicians/{listing_id}")),
                })?;
                Ok::<_, AppError>(listing_id)
            })?;
            Ok(search.refresh(conn, listing_id)?)
        })
        .await
}

/// Rejects a submission with a reason the clinician will see, and mails it to them.
#[tracing::instrument(skip(state, reason))]
pub async fn reject(state: &AppState, actor: Actor, submission_id: i64, reason: String) -> Result<(), AppError> {
    let mail_from = state.settings.mail.from.clone();
    state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                Submission::reject(conn, submission_id, &actor, &reason)?;
                // The rejected version's address: a new listing has no other.
                let submission = Submission::find(conn, submission_id)?;
                let listing = Listing::find(conn, submission.listing_id)?;
                let letter = Letter::Rejected { reason: reason.clone() };
                letters::send(conn, &mail_from, &listing, &submission.content()?, &letter)?;
                Ok(())
            })
        })
        .await
}

/// Writes a letter to the clinician of an approved listing, at its public contact address.
fn tell_clinician(
    conn: &mut AnyConnection,
    mail_from: &str,
    listing_id: i64,
    letter: impl FnOnce(Lang) -> Letter,
) -> Result<(), AppError> {
    let listing = Listing::find(conn, listing_id)?;
    if let Some(content) = listing.approved_content() {
        let letter = letter(Lang::from_code(&listing.language).unwrap_or_default());
        letters::send(conn, mail_from, &listing, &content, &letter)?;
    }
    Ok(())
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
    let (links, mail_from) = (state.links(), state.settings.mail.from.clone());
    state
        .db(move |conn| {
            let status = write_transaction(conn, |conn| {
                let status = match &change {
                    ListingChange::Suspend { reason } => {
                        let status = Listing::suspend(conn, listing_id, &actor, reason)?;
                        tell_clinician(conn, &mail_from, listing_id, |_| Letter::Suspended { reason: reason.clone() })?;
                        status
                    }
                    ListingChange::Reinstate { note } => {
                        let status = Listing::reinstate(conn, listing_id, &actor, note.as_deref())?;
                        tell_clinician(conn, &mail_from, listing_id, |lang| Letter::Reinstated {
                            profile_link: links.to(lang, &format!("/clinicians/{listing_id}")),
                        })?;
                        status
                    }
                };
                Ok::<_, AppError>(status)
            })?;
            search.refresh(conn, listing_id)?;
            Ok(status)
        })
        .await
}

/// Mail that failed every try, newest first, for moderators to follow up by hand.
pub async fn undelivered_mail(state: &AppState, limit: i64) -> Result<Vec<OutboxMessage>, AppError> {
    state.db(move |conn| Ok(outbox::with_status(conn, DeliveryStatus::Failed, limit)?)).await
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
