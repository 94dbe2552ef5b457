//! Health, readiness and metrics for whoever runs the service.

use actix_web::http::header;
use actix_web::{get, HttpRequest, HttpResponse};

use crate::db::listings::Listing;
use crate::db::submissions::Submission;
use crate::domain::token::constant_time_eq;
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

/// Counters and gauges in the Prometheus text format; with `METRICS_TOKEN`
/// set, only for a request that sends it as a bearer token.
#[utoipa::path(responses(
    (status = 200, body = String, content_type = "text/plain"),
    (status = 401, body = Problem, content_type = "application/problem+json"),
))]
#[get("/metrics")]
#[tracing::instrument(skip_all)]
pub async fn metrics(state: State, req: HttpRequest) -> Result<HttpResponse, AppError> {
    if let Some(expected) = &state.settings.metrics_token {
        let sent = req.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
        let sent = sent.and_then(|value| value.strip_prefix("Bearer ")).map(str::trim).unwrap_or("");
        if !constant_time_eq(sent, expected) {
            return Err(AppError::Unauthorized);
        }
    }
    let (listings, pending) =
        state.db(|conn| Ok((Listing::count_by_status(conn)?, Submission::count_pending(conn)?))).await?;
    Ok(HttpResponse::Ok().content_type("text/plain; version=0.0.4").body(state.metrics.render(&listings, pending)))
}
