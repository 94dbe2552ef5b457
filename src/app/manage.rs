//! A clinician managing their own listing with the token they were given.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::AppState;
use crate::db::listings::Listing;
use crate::db::submissions::Submission;
use crate::db::AnyConnection;
use crate::domain::listing::{ListingContent, NewListing};
use crate::domain::moderation::{changed_fields, ListingStatus, SubmissionKind, SubmissionStatus};
use crate::domain::token;
use crate::error::AppError;

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SubmissionSummary {
    pub submission_id: i64,
    pub kind: SubmissionKind,
    pub status: SubmissionStatus,
    pub submitted_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    /// The moderator's reason, when the submission was rejected.
    pub rejection_reason: Option<String>,
}

/// What the clinician holding a manage token sees of their listing.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ManageStatus {
    pub listing_id: i64,
    pub status: ListingStatus,
    /// Whether the listing is in the public directory now.
    pub public: bool,
    /// Why a moderator suspended the listing.
    pub suspension_reason: Option<String>,
    /// When the clinician last said the details are still correct (approval counts).
    pub confirmed_at: Option<DateTime<Utc>>,
    pub latest_submission: Option<SubmissionSummary>,
    /// The version waiting or refused, else the public one as it is now,
    /// private fields included; `PUT /api/v1/manage` takes it back as it is.
    pub listing: Option<ListingContent>,
}

/// An edit waiting for review.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct EditReceived {
    pub submission_id: i64,
    pub listing_id: i64,
    pub status: SubmissionStatus,
    /// The fields the public listing shows already, without review
    /// (`accepting_new_patients` alone); every other change waits.
    #[serde(default)]
    pub published: Vec<String>,
}

/// What became of an edit.
#[derive(Debug)]
pub enum Edited {
    /// Waiting for review.
    Review(EditReceived),
    /// Only whether the clinician accepts new patients changed: it is public
    /// at once, with nothing to review.
    Published(Box<ManageStatus>),
}

/// The listing a manage token opens; an unknown token is `401`, not `404`.
fn listing_for(conn: &mut AnyConnection, manage_token: &str) -> Result<Listing, AppError> {
    Listing::find_by_token_hash(conn, &token::hash(manage_token))?.ok_or(AppError::Unauthorized)
}

fn status_of(conn: &mut AnyConnection, listing: Listing) -> Result<ManageStatus, AppError> {
    let latest = Submission::latest_for(conn, listing.id)?;
    // An approved version may have changed since without review (availability).
    let content = match &latest {
        Some(submission) if submission.status() != SubmissionStatus::Approved => Some(submission.content()?),
        _ => listing.approved_content(),
    };
    Ok(ManageStatus {
        listing_id: listing.id,
        status: listing.status(),
        public: listing.status().is_public(),
        suspension_reason: listing.status_reason.clone(),
        confirmed_at: listing.confirmed_at.map(|time| time.and_utc()),
        latest_submission: latest.map(|submission| SubmissionSummary {
            submission_id: submission.id,
            kind: submission.kind(),
            status: submission.status(),
            submitted_at: submission.submitted_at.and_utc(),
            decided_at: submission.decided_at.map(|time| time.and_utc()),
            rejection_reason: (submission.status() == SubmissionStatus::Rejected)
                .then(|| submission.decision_note.clone())
                .flatten(),
        }),
        listing: content,
    })
}

/// The listing's status, its latest submission and any rejection reason.
#[tracing::instrument(skip_all)]
pub async fn status(state: &AppState, manage_token: String) -> Result<ManageStatus, AppError> {
    state
        .db(move |conn| {
            let listing = listing_for(conn, &manage_token)?;
            status_of(conn, listing)
        })
        .await
}

/// Sends a full new version: whether the clinician accepts new patients is
/// public at once; anything else waits for review, the approved version
/// staying public meanwhile. Edits are limited by listing and by client, so
/// one token cannot flood the queue.
#[tracing::instrument(skip_all)]
pub async fn edit(
    state: &AppState,
    client: &str,
    manage_token: String,
    listing: NewListing,
) -> Result<Edited, AppError> {
    let (by_listing, by_client) = (state.edits_by_listing.clone(), state.edits_by_client.clone());
    let (client, search) = (client.to_string(), state.search.clone());
    state
        .db(move |conn| {
            let current = listing_for(conn, &manage_token)?;
            by_listing.take(conn, &current.id.to_string())?;
            by_client.take(conn, &client)?;
            let published = Listing::set_accepting(conn, current.id, listing.content().accepting_new_patients)?;
            if published {
                search.refresh(conn, current.id)?;
                if only_availability_changed(conn, &current, &listing)? {
                    let now = Listing::find(conn, current.id)?;
                    return Ok(Edited::Published(Box::new(status_of(conn, now)?)));
                }
            }
            let submission_id = Submission::create_edit(conn, current.id, &listing)?;
            let published = if published { vec![AVAILABILITY.to_string()] } else { Vec::new() };
            let received =
                EditReceived { submission_id, listing_id: current.id, status: SubmissionStatus::Pending, published };
            Ok(Edited::Review(received))
        })
        .await
}

/// The one field a clinician changes without review.
const AVAILABILITY: &str = "accepting_new_patients";

/// Whether an edit of a public listing differs from it in availability
/// alone, with no other version waiting (which the edit would replace).
fn only_availability_changed(
    conn: &mut AnyConnection,
    current: &Listing,
    listing: &NewListing,
) -> Result<bool, AppError> {
    if current.status() != ListingStatus::Approved {
        return Ok(false);
    }
    let waiting = Submission::latest_for(conn, current.id)?.is_some_and(|s| s.status() == SubmissionStatus::Pending);
    let changes = changed_fields(current.approved_content().as_ref(), listing.content());
    Ok(!waiting && changes.iter().all(|change| change.field == AVAILABILITY))
}

/// Withdraws the listing: it leaves every public view at once.
#[tracing::instrument(skip_all)]
pub async fn withdraw(state: &AppState, manage_token: String) -> Result<ManageStatus, AppError> {
    let search = state.search.clone();
    state
        .db(move |conn| {
            let listing = listing_for(conn, &manage_token)?;
            Listing::withdraw(conn, listing.id)?;
            search.refresh(conn, listing.id)?;
            let withdrawn = Listing::find(conn, listing.id)?;
            status_of(conn, withdrawn)
        })
        .await
}

/// The clinician says the details are still correct: a lapsed listing is
/// public again at once, without a new review.
#[tracing::instrument(skip_all)]
pub async fn confirm(state: &AppState, manage_token: String) -> Result<ManageStatus, AppError> {
    let search = state.search.clone();
    state
        .db(move |conn| {
            let listing = listing_for(conn, &manage_token)?;
            Listing::confirm(conn, listing.id)?;
            search.refresh(conn, listing.id)?;
            let confirmed = Listing::find(conn, listing.id)?;
            status_of(conn, confirmed)
        })
        .await
}

/// Replaces the manage token; the old one stops working at once. Returns the new one.
#[tracing::instrument(skip_all)]
pub async fn replace_token(state: &AppState, manage_token: String) -> Result<String, AppError> {
    let new_token = token::generate();
    let hash = token::hash(&new_token);
    state
        .db(move |conn| {
            let listing = listing_for(conn, &manage_token)?;
            Ok(Listing::set_manage_token_hash(conn, listing.id, &hash)?)
        })
        .await?;
    Ok(new_token)
}
