//! Public listings: one listing by id, reports about it, and claims on it.

use actix_web::http::StatusCode;
use actix_web::web::Path;
use actix_web::{get, post, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::problems;
use crate::app::listing_claims;
use crate::app::listings::{self, Found, PublicListing};
use crate::app::reports;
use crate::domain::claim::NewClaim;
use crate::domain::moderation::ReportStatus;
use crate::domain::report::NewReport;
use crate::domain::schema;
use crate::error::{AppError, Problem};
use crate::i18n::Lang;
use crate::web::extract::{client_key, ApiJson};
use crate::web::State;

/// One approved listing; a lapsed one (not confirmed by its clinician in time) is `410 Gone`.
#[utoipa::path(params(("id" = i64, Path, description = "Listing id")),
    responses((status = 200, body = PublicListing), problems::NotFound, problems::Gone))]
#[get("/clinicians/{id}")]
#[tracing::instrument(skip(state))]
pub async fn show(state: State, id: Path<i64>) -> Result<HttpResponse, AppError> {
    match listings::find(&state, id.into_inner()).await? {
        Found::Public(listing) => Ok(HttpResponse::Ok().json(listing)),
        Found::Lapsed => Ok(HttpResponse::Gone().content_type("application/problem+json").json(Problem {
            kind: "/problems/lapsed".to_string(),
            title: "Gone".to_string(),
            status: StatusCode::GONE.as_u16(),
            detail: "This listing is hidden until its clinician confirms that the details are still correct."
                .to_string(),
            errors: Vec::new(),
        })),
    }
}

/// A report from the public about a listing.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportInput {
    /// A code from `report_reasons` in the vocabulary.
    #[schema(schema_with = schema::report_reason, required = true)]
    pub reason: Option<String>,
    /// What is wrong, up to 2000 characters.
    #[schema(schema_with = schema::report_details)]
    pub details: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ReportReceived {
    pub report_id: i64,
    pub status: ReportStatus,
}

/// Tells the moderators about a problem with an approved listing.
#[utoipa::path(params(("id" = i64, Path, description = "Listing id")), request_body = ReportInput,
    responses((status = 202, body = ReportReceived), problems::NotFound, problems::Invalid, problems::RateLimited))]
#[post("/clinicians/{id}/reports")]
#[tracing::instrument(skip_all)]
pub async fn report(
    state: State,
    req: HttpRequest,
    id: Path<i64>,
    body: ApiJson<ReportInput>,
) -> Result<HttpResponse, AppError> {
    let ReportInput { reason, details } = body.0;
    let report = NewReport::parse(reason, details)?;
    let report_id = reports::file(&state, &client_key(&req), id.into_inner(), report).await?;
    Ok(HttpResponse::Accepted().json(ReportReceived { report_id, status: ReportStatus::Open }))
}

/// Someone saying an unclaimed listing is theirs.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimInput {
    #[schema(schema_with = schema::claim_email, required = true)]
    pub email: Option<String>,
    /// Their NPI, which helps a moderator check the claim.
    #[schema(schema_with = schema::npi)]
    pub npi: Option<String>,
    #[schema(schema_with = schema::claim_message)]
    pub message: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ClaimReceived {
    /// The same whatever follows from the claim.
    pub detail: String,
}

/// Claims an unclaimed listing (one added from a public list, `claimed:
/// false`). An address at the domain of the listing's website or public
/// email is mailed a one-time confirmation link (valid 24 hours); any other
/// claim waits for a moderator. The answer is the same either way, and
/// whether or not a claim is already pending. A claimed listing is a `409`.
/// Limited per client and per listing.
#[utoipa::path(params(("id" = i64, Path, description = "Listing id")), request_body = ClaimInput,
    responses((status = 202, body = ClaimReceived), problems::NotFound, problems::Conflict, problems::Invalid,
        problems::RateLimited))]
#[post("/clinicians/{id}/claim")]
#[tracing::instrument(skip_all)]
pub async fn claim(
    state: State,
    req: HttpRequest,
    id: Path<i64>,
    body: ApiJson<ClaimInput>,
) -> Result<HttpResponse, AppError> {
    let ClaimInput { email, npi, message } = body.0;
    let claim = NewClaim::parse(email, npi, message)?;
    listing_claims::file(&state, &client_key(&req), Lang::En, id.into_inner(), claim).await?;
    let detail = "The claim was received. If the address can confirm it, a one-time link has been mailed there; \
                  otherwise a moderator will look at it and write to the address."
        .to_string();
    Ok(HttpResponse::Accepted().json(ClaimReceived { detail }))
}
