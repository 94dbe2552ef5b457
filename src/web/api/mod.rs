//! The JSON API under `/api/v1`, and its OpenAPI document.

pub mod clinicians;
pub mod manage;
pub mod moderation;
pub mod ops;
mod problems;
pub mod search;
pub mod session;
pub mod submissions;
pub mod vocabulary;

use std::sync::LazyLock;

use actix_web::{get, web, HttpResponse};
use utoipa::openapi::path::{Operation, Parameter, ParameterBuilder, ParameterIn, PathItem};
use utoipa::openapi::security::{
    ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Required, ResponseBuilder, Schema};
use utoipa::{Modify, OpenApi};

use crate::domain::schema;

#[derive(OpenApi)]
#[openapi(
    info(title = "benzowise", description = "A moderated directory of clinicians who support gradual, patient-led benzodiazepine tapering. Information, not medical advice."),
    paths(ops::healthz, ops::readyz, ops::metrics),
    nest((path = "/api/v1", api = V1), (path = "/api", api = Meta)),
    modifiers(&SecuritySchemes, &BodyErrors, &AccessRules, &ListingRules),
)]
pub struct ApiDoc;

#[derive(OpenApi)]
#[openapi(paths(
    search::search,
    search::places,
    clinicians::show,
    clinicians::report,
    clinicians::claim,
    vocabulary::show,
    submissions::create,
    manage::show,
    manage::update,
    manage::withdraw,
    manage::confirm,
    manage::rotate_token,
    manage::recover,
    session::login,
    session::logout,
    moderation::queue,
    moderation::find,
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

/// Every operation that reads a body can also answer 400 (malformed), 413 (too
/// large) and 415 (not JSON); said once here rather than on each handler.
struct BodyErrors;

impl Modify for BodyErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            for (_, operation) in operations(item).filter(|(_, operation)| operation.request_body.is_some()) {
                add_problem(operation, "400", "The body is not well-formed JSON or not UTF-8");
                add_problem(operation, "413", "The body is larger than 128 KiB");
                add_problem(operation, "415", "The body is not sent as application/json");
            }
        }
    }
}

/// What follows from an operation's address, said once rather than on each
/// handler: its tag, the credential it needs, the problems a missing
/// credential (401) or CSRF token (403) gives, and the read limit (429).
struct AccessRules;

impl Modify for AccessRules {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            for (method, operation) in operations(item) {
                let (tag, credential) = access(path, method);
                operation.tags = Some(vec![tag.to_string()]);
                if method == "GET" && credential.is_none() && path.starts_with("/api/") {
                    add_problem(operation, "429", "More reads from this client than READ_REQUESTS_PER_MINUTE");
                }
                let Some(scheme) = credential else { continue };
                operation.security = Some(vec![SecurityRequirement::new(scheme, Vec::<String>::new())]);
                add_problem(operation, "401", "No valid manage token or moderator session");
                if scheme == "session" && method != "GET" {
                    add_problem(operation, "403", "No valid CSRF token");
                }
            }
        }
    }
}

/// The rules between a listing's fields, which attributes on single fields
/// cannot state, and an example.
struct ListingRules;

impl Modify for ListingRules {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let schemas = &mut openapi.components.get_or_insert_with(Default::default).schemas;
        if let Some(RefOr::T(Schema::Object(listing))) = schemas.get_mut("ListingInput") {
            listing.extensions.get_or_insert_with(Default::default).merge(schema::listing_rules());
            listing.examples = vec![schema::listing_example()];
        }
        if let Some(RefOr::T(Schema::Object(place))) = schemas.get_mut("LocationInput") {
            place.extensions.get_or_insert_with(Default::default).merge(schema::location_rules());
        }
    }
}

/// The tag of the operation at `path`, and the security scheme it needs.
fn access(path: &str, method: &str) -> (&'static str, Option<&'static str>) {
    match path {
        "/api/v1/submissions" => ("clinician", None),
        "/api/v1/manage/recovery" => ("clinician", None),
        manage if manage.starts_with("/api/v1/manage") => ("clinician", Some("manage_token")),
        moderation if moderation.starts_with("/api/v1/moderation") => ("moderator", Some("session")),
        "/api/v1/moderator/session" if method == "DELETE" => ("moderator", Some("session")),
        "/api/v1/moderator/session" => ("moderator", None),
        public if public.starts_with("/api/v1/") => ("public", None),
        _ => ("operations", None),
    }
}

/// A query parameter described by its own schema.
fn query_parameter(name: &str, required: Required, schema: impl Into<RefOr<Schema>>) -> Parameter {
    ParameterBuilder::new().name(name).parameter_in(ParameterIn::Query).required(required).schema(Some(schema)).build()
}

/// Documents a problem answer unless the operation already says one for `status`.
fn add_problem(operation: &mut Operation, status: &str, description: &str) {
    let problem = ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build();
    let response = ResponseBuilder::new().description(description).content("application/problem+json", problem);
    operation.responses.responses.entry(status.to_string()).or_insert(RefOr::T(response.build()));
}

fn operations(item: &mut PathItem) -> impl Iterator<Item = (&'static str, &mut Operation)> {
    [
        ("GET", item.get.as_mut()),
        ("PUT", item.put.as_mut()),
        ("POST", item.post.as_mut()),
        ("DELETE", item.delete.as_mut()),
        ("PATCH", item.patch.as_mut()),
    ]
    .into_iter()
    .filter_map(|(method, operation)| operation.map(|operation| (method, operation)))
}

/// The documented paths, as segments (`{id}` matches any one), with their methods.
static DOCUMENTED_ROUTES: LazyLock<Vec<(Vec<String>, Vec<&'static str>)>> = LazyLock::new(|| {
    let mut document = ApiDoc::openapi();
    document
        .paths
        .paths
        .iter_mut()
        .map(|(path, item)| {
            let segments = path.split('/').map(str::to_string).collect();
            (segments, operations(item).map(|(method, _)| method).collect())
        })
        .collect()
});

/// For a documented path asked with a method it does not answer: the methods it does.
pub fn allowed_methods(method: &str, path: &str) -> Option<String> {
    let asked: Vec<&str> = path.split('/').collect();
    DOCUMENTED_ROUTES.iter().find_map(|(segments, methods)| {
        let same = segments.len() == asked.len()
            && segments.iter().zip(&asked).all(|(known, part)| known.starts_with('{') || known == part);
        (same && !methods.contains(&method)).then(|| methods.join(", "))
    })
}

/// This document.
#[utoipa::path(responses((status = 200, description = "OpenAPI 3 document")))]
#[get("/openapi.json")]
#[tracing::instrument(skip_all)]
#[expect(clippy::expect_used, reason = "the document is built from types; its test serializes it")]
pub async fn openapi_document() -> HttpResponse {
    // Built once: it cannot change while the process runs, and building it
    // for every request made it the slowest route (about 3,000 a second).
    static DOCUMENT: LazyLock<String> =
        LazyLock::new(|| serde_json::to_string(&ApiDoc::openapi()).expect("the OpenAPI document serializes"));
    HttpResponse::Ok().content_type("application/json").body(DOCUMENT.as_str())
}

/// Mounts the API: versioned routes under `/api/v1`, operations at the root.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api/v1")
            .service(search::search)
            .service(search::places)
            .service(clinicians::show)
            .service(clinicians::report)
            .service(clinicians::claim)
            .service(vocabulary::show)
            .service(submissions::create)
            .service(manage::show)
            .service(manage::update)
            .service(manage::withdraw)
            .service(manage::confirm)
            .service(manage::rotate_token)
            .service(manage::recover)
            .service(session::login)
            .service(session::logout)
            .service(moderation::queue)
            .service(moderation::find)
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
