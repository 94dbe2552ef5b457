//! A clinician managing their own listing with the token they were given.

use actix_web::{delete, get, post, put, web, HttpResponse};
use chrono::NaiveDateTime;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::listings::Listing;
use crate::db::submissions::Submission;
use crate::db::AnyConnection;
use crate::domain::listing::{ListingContent, ListingInput, Parsed};
use crate::domain::moderation::{ListingStatus, SubmissionKind, SubmissionStatus};
use crate::domain::{token, FieldError};
use crate::error::{AppError, Problem};
use crate::web::api::submissions::parse_listing;
use crate::web::extract::{ApiJson, ManageToken};
use crate::web::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct SubmissionSummary {
    pub submission_id: i64,
    pub kind: SubmissionKind,
    pub status: SubmissionStatus,
    #[serde(serialize_with = "crate::domain::utc::rfc3339")]
    pub submitted_at: NaiveDateTime,
    #[serde(serialize_with = "crate::domain::utc::rfc3339_or_null")]
    pub decided_at: Option<NaiveDateTime>,
    /// The moderator's reason, when the submission was rejected.
    pub rejection_reason: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ManageView {
    pub listing_id: i64,
    pub status: ListingStatus,
    /// Whether the listing is in the public directory now.
    pub public: bool,
    /// Why a moderator suspended the listing.
    pub suspension_reason: Option<String>,
    pub latest_submission: Option<SubmissionSummary>,
    /// The most recently sent version, private fields included.
    pub listing: Option<ListingContent>,
}

/// The listing a manage token opens; an unknown token is `401`, not `404`.
pub fn listing_for(conn: &mut AnyConnection, token: &ManageToken) -> Result<Listing, AppError> {
    Listing::find_by_token_hash(conn, &token::hash(&token.0))?.ok_or(AppError::Unauthorized)
}

/// What the clinician holding `token` may see of their listing.
pub fn manage_view_for(conn: &mut AnyConnection, token: &ManageToken) -> Result<ManageView, AppError> {
    let listing = listing_for(conn, token)?;
    manage_view(conn, listing)
}

pub fn manage_view(conn: &mut AnyConnection, listing: Listing) -> Result<ManageView, AppError> {
    let latest = Submission::latest_for(conn, listing.id)?;
    let content = match &latest {
        Some(submission) => Some(submission.content()?),
        None => listing.approved_content(),
    };
    Ok(ManageView {
        listing_id: listing.id,
        status: listing.status(),
        public: listing.status().is_public(),
        suspension_reason: listing.status_reason.clone(),
        latest_submission: latest.map(|s| SubmissionSummary {
            submission_id: s.id,
            kind: s.kind(),
            status: s.status(),
            submitted_at: s.submitted_at,
            decided_at: s.decided_at,
            rejection_reason: (s.status() == SubmissionStatus::Rejected).then(|| s.decision_note.clone()).flatten(),
        }),
        listing: content,
    })
}

/// The listing's status, its latest submission and any rejection reason.
#[utoipa::path(
    tag = "clinician",
    security(("manage_token" = [])),
    responses(
        (status = 200, body = ManageView),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/manage")]
pub async fn show(state: web::Data<AppState>, token: ManageToken) -> Result<web::Json<ManageView>, AppError> {
    Ok(web::Json(state.db(move |conn| manage_view_for(conn, &token)).await?))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EditReceived {
    pub submission_id: i64,
    pub listing_id: i64,
    pub status: &'static str,
}

/// Sends a full new version; it waits for review while the approved one stays public.
#[utoipa::path(
    tag = "clinician",
    security(("manage_token" = [])),
    request_body = ListingInput,
    responses(
        (status = 202, body = EditReceived),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/manage")]
#[tracing::instrument(skip_all)]
pub async fn update(
    state: web::Data<AppState>,
    token: ManageToken,
    body: ApiJson<ListingInput>,
) -> Result<HttpResponse, AppError> {
    let parsed = parse_listing(&state, body.0)?;
    let (listing_id, submission_id) = state
        .db(move |conn| {
            let current = listing_for(conn, &token)?;
            // Bots without a token were refused above; a person never fills the hidden field.
            let Parsed::Listing(listing) = parsed else {
                return Err(AppError::Validation(vec![FieldError::new("website_url_confirm", "must be left empty")]));
            };
            Ok((current.id, Submission::create_edit(conn, current.id, &listing)?))
        })
        .await?;
    Ok(HttpResponse::Accepted().json(EditReceived { submission_id, listing_id, status: "pending" }))
}

/// Withdraws the listing: it leaves every public view at once.
#[utoipa::path(
    tag = "clinician",
    security(("manage_token" = [])),
    responses(
        (status = 200, body = ManageView),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/manage")]
pub async fn withdraw(state: web::Data<AppState>, token: ManageToken) -> Result<web::Json<ManageView>, AppError> {
    let search = state.search.clone();
    let view = state
        .db(move |conn| {
            let listing = listing_for(conn, &token)?;
            Listing::withdraw(conn, listing.id)?;
            search.refresh(conn, listing.id)?;
            let withdrawn = Listing::find(conn, listing.id)?;
            manage_view(conn, withdrawn)
        })
        .await?;
    Ok(web::Json(view))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenRotated {
    /// The new secret, shown once; the old one no longer works.
    pub manage_token: String,
    pub manage_url: String,
}

/// Replaces the manage token, for example after the link was shared by mistake.
#[utoipa::path(
    tag = "clinician",
    security(("manage_token" = [])),
    responses(
        (status = 200, body = TokenRotated),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/manage/token")]
pub async fn rotate_token(state: web::Data<AppState>, token: ManageToken) -> Result<web::Json<TokenRotated>, AppError> {
    let manage_token = token::generate();
    let hash = token::hash(&manage_token);
    state
        .db(move |conn| {
            let listing = listing_for(conn, &token)?;
            Ok(Listing::set_manage_token_hash(conn, listing.id, &hash)?)
        })
        .await?;
    Ok(web::Json(TokenRotated { manage_url: state.manage_url(&manage_token), manage_token }))
}
