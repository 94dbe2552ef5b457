//! Public listings: one listing by id, and reports about it.

use actix_web::web::{Json, Path};
use actix_web::{get, post, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::problems;
use crate::app::listings::{self, PublicListing};
use crate::app::reports;
use crate::domain::moderation::ReportStatus;
use crate::domain::report::NewReport;
use crate::error::AppError;
use crate::web::extract::{client_key, ApiJson};
use crate::web::State;

/// One approved listing.
#[utoipa::path(params(("id" = i64, Path, description = "Listing id")),
    responses((status = 200, body = PublicListing), problems::NotFound))]
#[get("/clinicians/{id}")]
#[tracing::instrument(skip(state))]
pub async fn show(state: State, id: Path<i64>) -> Result<Json<PublicListing>, AppError> {
    Ok(Json(listings::public_listing(&state, id.into_inner()).await?))
}

/// A report from the public about a listing.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportInput {
    /// A code from `report_reasons` in the vocabulary.
    pub reason: Option<String>,
    /// What is wrong, up to 2000 characters.
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
