//! Public listings: one listing by id, and reports about it.

use actix_web::http::StatusCode;
use actix_web::web::Path;
use actix_web::{get, post, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::problems;
use crate::app::listings::{self, Found, PublicListing};
use crate::app::reports;
use crate::domain::moderation::ReportStatus;
use crate::domain::report::NewReport;
use crate::domain::schema;
use crate::error::{AppError, Problem};
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
