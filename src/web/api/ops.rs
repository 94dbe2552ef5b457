//! Health, readiness and metrics for whoever runs the service.

use actix_web::{get, HttpResponse};

use crate::db::listings::Listing;
use crate::db::submissions::Submission;
use crate::error::{AppError, Problem};
use crate::web::State;

/// The process is up.
#[utoipa::path(responses((status = 200, body = String, content_type = "text/plain")))]
#[get("/healthz")]
#[tracing::instrument(skip_all)]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok")
}

/// The database answers.
#[utoipa::path(
    responses(
        (status = 200, body = String, content_type = "text/plain"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/readyz")]
#[tracing::instrument(skip_all)]
pub async fn readyz(state: State) -> Result<HttpResponse, AppError> {
    if state.db(|conn| Ok(crate::db::ping(conn))).await? {
        Ok(HttpResponse::Ok().content_type("text/plain").body("ready"))
    } else {
        Err(AppError::NotReady)
    }
}

/// Counters and gauges in the Prometheus text format.
#[utoipa::path(responses((status = 200, body = String, content_type = "text/plain")))]
#[get("/metrics")]
#[tracing::instrument(skip_all)]
pub async fn metrics(state: State) -> Result<HttpResponse, AppError> {
    let (listings, pending) =
        state.db(|conn| Ok((Listing::count_by_status(conn)?, Submission::count_pending(conn)?))).await?;
    Ok(HttpResponse::Ok().content_type("text/plain; version=0.0.4").body(state.metrics.render(&listings, pending)))
}
