//! FHIR R4 (Plan-Net shaped), read-only, under `/fhir`: `metadata`, reads
//! by id and searches, all in `application/fhir+json`. Every error here,
//! unknown addresses and methods included, is an `OperationOutcome`.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse, ResponseError};
use serde_json::Value;

use crate::app::fhir;
use crate::error::{AppError, FhirError};
use crate::web::{conditional, State};

fn fhir_json(document: &Value) -> HttpResponse {
    HttpResponse::Ok().content_type("application/fhir+json").body(fhir::to_json(document))
}

#[tracing::instrument(level = "debug", skip_all)]
async fn metadata(state: State, req: HttpRequest) -> Result<HttpResponse, FhirError> {
    Ok(fhir_json(&fhir::metadata(&state.links(), req.query_string())?))
}

/// Whether the client asked, with `Prefer: handling=lenient`, for unknown
/// parameters to be ignored rather than refused.
fn lenient(req: &HttpRequest) -> bool {
    req.headers().get_all("prefer").filter_map(|value| value.to_str().ok()).any(|value| {
        value.split([',', ';']).any(|preference| preference.trim().eq_ignore_ascii_case("handling=lenient"))
    })
}

#[tracing::instrument(level = "debug", skip_all)]
async fn search(state: State, kind: web::Path<String>, req: HttpRequest) -> Result<HttpResponse, FhirError> {
    Ok(fhir_json(&fhir::search(&state, &kind, req.query_string(), lenient(&req)).await?))
}

/// One resource, with its validators: a client holding it gets a `304`.
#[tracing::instrument(level = "debug", skip_all)]
async fn read(state: State, path: web::Path<(String, String)>, req: HttpRequest) -> Result<HttpResponse, FhirError> {
    let (kind, id) = path.into_inner();
    let resource = fhir::read(&state, &kind, &id, req.query_string()).await?;
    let last_updated = resource["meta"]["lastUpdated"].as_str().and_then(|time| time.parse().ok());
    let body = fhir::to_json(&resource);
    Ok(conditional::respond(&req, StatusCode::OK, "application/fhir+json", body, last_updated))
}

async fn method_not_allowed() -> HttpResponse {
    FhirError(AppError::MethodNotAllowed { allow: "GET, HEAD".to_string() }).error_response()
}

async fn not_found() -> HttpResponse {
    FhirError(AppError::NotFound).error_response()
}

/// Mounts `/fhir`.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/fhir")
            .service(
                web::resource("/metadata").route(web::get().to(metadata)).default_service(web::to(method_not_allowed)),
            )
            .service(web::resource("/{type}").route(web::get().to(search)).default_service(web::to(method_not_allowed)))
            .service(
                web::resource("/{type}/{id}").route(web::get().to(read)).default_service(web::to(method_not_allowed)),
            )
            .default_service(web::to(not_found)),
    );
}
