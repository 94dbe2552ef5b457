//! New listings sent by clinicians.

use actix_web::{post, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::problems;
use crate::app::submissions::{self, Outcome};
use crate::domain::listing::{ListingInput, NewListing};
use crate::domain::moderation::SubmissionStatus;
use crate::error::AppError;
use crate::views::locale::Locale;
use crate::web::extract::{client_key, ApiJson};
use crate::web::State;

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SubmissionCreated {
    pub submission_id: i64,
    /// The id the listing will have in public routes once approved.
    pub listing_id: i64,
    pub status: SubmissionStatus,
    /// Shown once: keep it to edit or withdraw the listing. Only its hash is stored.
    pub manage_token: String,
    pub manage_url: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Received {
    pub status: SubmissionStatus,
}

/// Submits a new listing for review.
#[utoipa::path(
    request_body = ListingInput,
    responses(
        (status = 201, body = SubmissionCreated),
        (status = 202, description = "Accepted (and dropped: the honeypot was filled)", body = Received),
        problems::Invalid,
        problems::RateLimited,
    )
)]
#[post("/submissions")]
#[tracing::instrument(skip_all)]
pub async fn create(
    state: State,
    locale: Locale,
    req: HttpRequest,
    body: ApiJson<ListingInput>,
) -> Result<HttpResponse, AppError> {
    let client = client_key(&req);
    let parsed = NewListing::parse(body.0, state.gazetteer)?;
    Ok(match submissions::submit(&state, &client, parsed, locale.lang).await? {
        Outcome::Stored(receipt) => HttpResponse::Created().json(SubmissionCreated {
            submission_id: receipt.submission_id,
            listing_id: receipt.listing_id,
            status: SubmissionStatus::Pending,
            manage_token: receipt.manage_token,
            manage_url: receipt.manage_url,
        }),
        Outcome::Dropped => HttpResponse::Accepted().json(Received { status: SubmissionStatus::Pending }),
    })
}
