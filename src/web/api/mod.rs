//! The JSON API under `/api/v1`, and its OpenAPI document.

pub mod clinicians;
pub mod manage;
pub mod moderation;
pub mod ops;
pub mod search;
pub mod session;
pub mod submissions;
pub mod vocabulary;

use actix_web::{get, web};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "benzowise", description = "A moderated directory of clinicians who support gradual, patient-led benzodiazepine tapering. Information, not medical advice."),
    paths(ops::healthz, ops::readyz, ops::metrics),
    nest((path = "/api/v1", api = V1), (path = "/api", api = Meta)),
    modifiers(&SecuritySchemes),
)]
pub struct ApiDoc;

#[derive(OpenApi)]
#[openapi(paths(
    search::search,
    search::places,
    clinicians::show,
    clinicians::report,
    vocabulary::show,
    submissions::create,
    manage::show,
    manage::update,
    manage::withdraw,
    manage::rotate_token,
    session::login,
    session::logout,
    moderation::queue,
    moderation::approve,
    moderation::reject,
    moderation::suspend,
    moderation::reinstate,
    moderation::reports,
    moderation::resolve_report,
    moderation::events,
))]
struct V1;

#[derive(OpenApi)]
#[openapi(paths(openapi_document))]
struct Meta;

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "manage_token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("benzowise_session"))),
        );
    }
}

/// This document.
#[utoipa::path(tag = "operations", responses((status = 200, description = "OpenAPI 3 document")))]
#[get("/openapi.json")]
pub async fn openapi_document() -> web::Json<utoipa::openapi::OpenApi> {
    web::Json(ApiDoc::openapi())
}

/// Mounts the API: versioned routes under `/api/v1`, operations at the root.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api/v1")
            .service(search::search)
            .service(search::places)
            .service(clinicians::show)
            .service(clinicians::report)
            .service(vocabulary::show)
            .service(submissions::create)
            .service(manage::show)
            .service(manage::update)
            .service(manage::withdraw)
            .service(manage::rotate_token)
            .service(session::login)
            .service(session::logout)
            .service(moderation::queue)
            .service(moderation::approve)
            .service(moderation::reject)
            .service(moderation::suspend)
            .service(moderation::reinstate)
            .service(moderation::reports)
            .service(moderation::resolve_report)
            .service(moderation::events),
    )
    .service(web::scope("/api").service(openapi_document))
    .service(ops::healthz)
    .service(ops::readyz)
    .service(ops::metrics);
}
