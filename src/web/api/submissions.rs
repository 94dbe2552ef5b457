//! New listings sent by clinicians.

use std::sync::atomic::Ordering;

use actix_web::{post, web, HttpRequest, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::submissions::{Created, Submission};
use crate::domain::listing::{ListingInput, NewListing, Parsed};
use crate::domain::token;
use crate::error::{AppError, Problem};
use crate::web::extract::{client_key, ApiJson};
use crate::web::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct SubmissionCreated {
    pub submission_id: i64,
    /// The id the listing will have in public routes once approved.
    pub listing_id: i64,
    pub status: &'static str,
    /// Shown once: keep it to edit or withdraw the listing. Only its hash is stored.
    pub manage_token: String,
    pub manage_url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Received {
    pub status: &'static str,
}

/// Parses a listing, or fails with every bad field named.
pub fn parse_listing(state: &AppState, input: ListingInput) -> Result<Parsed, AppError> {
    NewListing::parse(input, state.gazetteer).map_err(AppError::Validation)
}

/// Stores a parsed new listing for review, counting it against the client's
/// submission limit; returns its ids and the manage token, which only this
/// caller ever sees (the database keeps its hash).
pub async fn store_new_listing(
    state: &AppState,
    req: &HttpRequest,
    listing: NewListing,
) -> Result<(Created, String), AppError> {
    state.submissions.hit(&client_key(req))?;
    let manage_token = token::generate();
    let hash = token::hash(&manage_token);
    let created = state.db(move |conn| Submission::create_listing(conn, &listing, &hash, false)).await?;
    state.metrics.submissions.fetch_add(1, Ordering::Relaxed);
    tracing::info!(listing_id = created.listing_id, submission_id = created.submission_id, "listing submitted");
    Ok((created, manage_token))
}

/// Submits a new listing for review.
#[utoipa::path(
    tag = "clinician",
    request_body = ListingInput,
    responses(
        (status = 201, body = SubmissionCreated),
        (status = 202, description = "Accepted (and dropped: the honeypot was filled)", body = Received),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 413, body = Problem, content_type = "application/problem+json"),
        (status = 415, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/submissions")]
#[tracing::instrument(skip_all)]
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: ApiJson<ListingInput>,
) -> Result<HttpResponse, AppError> {
    state.submissions.check(&client_key(&req))?;
    let listing = match parse_listing(&state, body.0)? {
        Parsed::Listing(listing) => listing,
        Parsed::Honeypot => {
            state.metrics.honeypot_drops.fetch_add(1, Ordering::Relaxed);
            return Ok(HttpResponse::Accepted().json(Received { status: "pending" }));
        }
    };
    let (created, manage_token) = store_new_listing(&state, &req, listing).await?;
    Ok(HttpResponse::Created().json(SubmissionCreated {
        submission_id: created.submission_id,
        listing_id: created.listing_id,
        status: "pending",
        manage_url: state.manage_url(&manage_token),
        manage_token,
    }))
}
