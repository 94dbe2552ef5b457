//! Submissions: each version a clinician sends, pending until a moderator decides.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::events::{Actor, Event, Subject};
use super::listings::{Listing, ListingInsertForm};
use super::schema::{listings, submissions};
use super::{write_transaction, AnyConnection, MultiBackend};
use crate::domain::listing::{ListingContent, NewListing};
use crate::domain::moderation::{changed_fields, FieldChange, ListingStatus, SubmissionKind, SubmissionStatus};
use crate::error::AppError;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = submissions, check_for_backend(MultiBackend))]
pub struct Submission {
    pub id: i64,
    pub listing_id: i64,
    #[diesel(deserialize_as = String)]
    kind: SubmissionKind,
    #[diesel(deserialize_as = String)]
    status: SubmissionStatus,
    content: String,
    pub submitted_at: NaiveDateTime,
    pub decided_at: Option<NaiveDateTime>,
    pub decision_note: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = submissions)]
struct SubmissionInsertForm<'a> {
    listing_id: i64,
    kind: &'a str,
    status: &'a str,
    content: String,
    submitted_at: NaiveDateTime,
}

/// The ids a new listing gets.
#[derive(Debug, Clone, Copy)]
pub struct Created {
    pub listing_id: i64,
    pub submission_id: i64,
}

impl Submission {
    pub fn kind(&self) -> SubmissionKind {
        self.kind
    }

    pub fn status(&self) -> SubmissionStatus {
        self.status
    }

    pub fn content(&self) -> Result<ListingContent, AppError> {
        serde_json::from_str(&self.content).map_err(|e| AppError::Internal(e.into()))
    }

    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
    pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<Submission> {
        submissions::table.find(id).select(Submission::as_select()).first(conn)
    }

    /// The most recent version sent for a listing.
    #[tracing::instrument(level = "debug", skip_all, fields(listing_id = listing_id))]
    pub fn latest_for(conn: &mut AnyConnection, listing_id: i64) -> QueryResult<Option<Submission>> {
        submissions::table
            .filter(submissions::listing_id.eq(listing_id))
            .order(submissions::id.desc())
            .select(Submission::as_select())
            .first(conn)
            .optional()
    }

    /// Pending submissions with their listings, oldest first.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn pending_queue(conn: &mut AnyConnection) -> QueryResult<Vec<(Submission, Listing)>> {
        submissions::table
            .inner_join(listings::table)
            .filter(submissions::status.eq(SubmissionStatus::Pending.as_str()))
            .order((submissions::submitted_at, submissions::id))
            .select((Submission::as_select(), Listing::as_select()))
            .load(conn)
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub fn count_pending(conn: &mut AnyConnection) -> QueryResult<i64> {
        submissions::table.filter(submissions::status.eq(SubmissionStatus::Pending.as_str())).count().get_result(conn)
    }

    /// A brand-new listing, pending review; only the hash of its manage token is kept.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn create_listing(
        conn: &mut AnyConnection,
        listing: &NewListing,
        manage_token_hash: &str,
        is_demo: bool,
    ) -> Result<Created, AppError> {
        write_transaction(conn, |conn| {
            let now = super::now();
            let listing_id = diesel::insert_into(listings::table)
                .values(ListingInsertForm {
                    status: ListingStatus::Pending.as_str(),
                    manage_token_hash,
                    is_demo,
                    created_at: now,
                    updated_at: now,
                })
                .returning(listings::id)
                .get_result(conn)?;
            let submission_id = insert(conn, listing_id, SubmissionKind::New, listing.content())?;
            Ok(Created { listing_id, submission_id })
        })
    }

    /// A new version of an existing listing. It replaces any version still
    /// pending; the approved version stays public until a moderator decides.
    #[tracing::instrument(level = "debug", skip_all, fields(listing_id = listing_id))]
    pub fn create_edit(conn: &mut AnyConnection, listing_id: i64, listing: &NewListing) -> Result<i64, AppError> {
        write_transaction(conn, |conn| {
            let current = Listing::find(conn, listing_id)?;
            diesel::update(submissions::table)
                .filter(submissions::listing_id.eq(listing_id))
                .filter(submissions::status.eq(SubmissionStatus::Pending.as_str()))
                .set(submissions::status.eq(SubmissionStatus::Superseded.as_str()))
                .execute(conn)?;
            let kind = if current.approved_content().is_some() { SubmissionKind::Edit } else { SubmissionKind::New };
            let submission_id = insert(conn, listing_id, kind, listing.content())?;
            let status = current.status().resubmit();
            diesel::update(listings::table.find(listing_id))
                .set((listings::status.eq(status.as_str()), listings::updated_at.eq(super::now())))
                .execute(conn)?;
            Ok(submission_id)
        })
    }

    /// Publishes a pending version: a new listing goes public, an edit replaces
    /// the public content at once.
    /// Returns the listing's id.
    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
    pub fn approve(conn: &mut AnyConnection, id: i64, actor: &Actor, note: Option<&str>) -> Result<i64, AppError> {
        write_transaction(conn, |conn| {
            let submission = claim(conn, id, SubmissionStatus::Approved, actor, note)?;
            let listing = Listing::find(conn, submission.listing_id)?;
            let content = submission.content()?;
            let mut changes = changed_fields(listing.approved_content().as_ref(), &content);
            let status = listing.status().approve();
            if status != listing.status() {
                changes.push(FieldChange::new("status", listing.status().as_str(), status.as_str()));
            }
            let now = super::now();
            diesel::update(listings::table.find(listing.id))
                .set((
                    listings::status.eq(status.as_str()),
                    listings::content.eq(&submission.content),
                    listings::updated_at.eq(now),
                    listings::last_reviewed_at.eq(now),
                    // Approval confirms the details as of now, for the yearly re-confirmation.
                    listings::confirmed_at.eq(Some(now)),
                ))
                .execute(conn)?;
            Listing::sync_summary(conn, listing.id)?;
            Event::record(conn, actor, "approve", subject(&submission), note, &changes)?;
            Ok(listing.id)
        })
    }

    /// Declines a pending version with a reason the clinician will see.
    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
    pub fn reject(conn: &mut AnyConnection, id: i64, actor: &Actor, reason: &str) -> Result<(), AppError> {
        write_transaction(conn, |conn| {
            let submission = claim(conn, id, SubmissionStatus::Rejected, actor, Some(reason))?;
            let listing = Listing::find(conn, submission.listing_id)?;
            let status = listing.status().reject();
            let mut changes = vec![FieldChange::new("submission.status", "pending", "rejected")];
            if status != listing.status() {
                changes.push(FieldChange::new("status", listing.status().as_str(), status.as_str()));
                diesel::update(listings::table.find(listing.id))
                    .set((listings::status.eq(status.as_str()), listings::updated_at.eq(super::now())))
                    .execute(conn)?;
            }
            Event::record(conn, actor, "reject", subject(&submission), Some(reason), &changes)?;
            Ok(())
        })
    }
}

fn subject(submission: &Submission) -> Subject {
    Subject { listing_id: Some(submission.listing_id), submission_id: Some(submission.id), report_id: None }
}

#[expect(clippy::expect_used, reason = "listing content is plain data and always serializes")]
fn insert(
    conn: &mut AnyConnection,
    listing_id: i64,
    kind: SubmissionKind,
    content: &ListingContent,
) -> QueryResult<i64> {
    diesel::insert_into(submissions::table)
        .values(SubmissionInsertForm {
            listing_id,
            kind: kind.as_str(),
            status: SubmissionStatus::Pending.as_str(),
            content: serde_json::to_string(content).expect("listing content serializes"),
            submitted_at: super::now(),
        })
        .returning(submissions::id)
        .get_result(conn)
}

/// Records a decision on a pending submission. The update only matches a
/// pending row, so of two moderators deciding at once the second conflicts.
fn claim(
    conn: &mut AnyConnection,
    id: i64,
    decision: SubmissionStatus,
    actor: &Actor,
    note: Option<&str>,
) -> Result<Submission, AppError> {
    let submission = Submission::find(conn, id)?;
    submission.status().decide(decision)?;
    let claimed = diesel::update(submissions::table.find(id))
        .filter(submissions::status.eq(SubmissionStatus::Pending.as_str()))
        .set((
            submissions::status.eq(decision.as_str()),
            submissions::decided_at.eq(super::now()),
            submissions::decided_by.eq(actor.moderator_id()),
            submissions::decision_note.eq(note),
        ))
        .execute(conn)?;
    if claimed == 0 {
        return Err(AppError::Conflict("this submission was already decided".into()));
    }
    Ok(submission)
}
