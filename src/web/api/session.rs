//! Moderator log-in and log-out.

use actix_web::{delete, post, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{AnyOfBuilder, Schema};
use utoipa::ToSchema;

use super::problems;
use crate::app::sessions::{self, CodeStep, MAX_CREDENTIAL};
use crate::domain::schema;
use crate::error::{AppError, Problem};
use crate::web::extract::{client_key, ApiJson, Moderator, CSRF_HEADER};
use crate::web::session_cookie::{ended_session_cookie, session_cookie};
use crate::web::State;

/// No `Debug`: it holds a password.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    // Optional in Rust so that a missing one is named in a 422, not a parse error.
    #[schema(schema_with = credential, required = true)]
    pub username: Option<String>,
    #[schema(schema_with = credential, required = true)]
    pub password: Option<String>,
    /// The six-digit code from the moderator's authenticator app, or one of
    /// their recovery codes; required once two factors are on.
    #[schema(nullable = false, min_length = 1, max_length = 1000)]
    pub code: Option<String>,
}

/// A username or password: not empty, and at most `MAX_CREDENTIAL` bytes of
/// UTF-8, which JSON Schema cannot count; any quarter as many characters fit,
/// and so do as many ASCII ones.
fn credential() -> Schema {
    let most = |max: usize| schema::string().min_length(Some(1)).max_length(Some(max));
    AnyOfBuilder::new()
        .item(most(MAX_CREDENTIAL / 4))
        .item(most(MAX_CREDENTIAL).pattern(Some(r"^[\x00-\x7f]*$")))
        .description(Some(format!("At most {MAX_CREDENTIAL} bytes of UTF-8.")))
        .build()
        .into()
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SessionStarted {
    /// Send it as `X-CSRF-Token` with every unsafe moderator request.
    pub csrf_token: String,
    pub username: String,
    pub expires_at: DateTime<Utc>,
}

/// Logs a moderator in: a fresh `HttpOnly`, `SameSite=Strict` session cookie.
#[utoipa::path(
    request_body = Credentials,
    responses(
        (status = 200, body = SessionStarted),
        (status = 401, description = "Wrong username, password or code, or a code is required", body = Problem, content_type = "application/problem+json"),
        problems::Invalid,
        (status = 429, description = "Too many failed attempts", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/moderator/session")]
#[tracing::instrument(skip_all)]
pub async fn login(state: State, req: HttpRequest, body: ApiJson<Credentials>) -> Result<HttpResponse, AppError> {
    let ApiJson(Credentials { username, password, code }) = body;
    let credentials = sessions::Credentials { username, password, code };
    let (username, session) = sessions::log_in(&state, &client_key(&req), credentials, CodeStep::WithPassword).await?;
    Ok(HttpResponse::Ok().cookie(session_cookie(&state, &session.token)).json(SessionStarted {
        csrf_token: session.csrf_token,
        username,
        expires_at: session.expires_at.and_utc(),
    }))
}

/// Logs out: the session ends on the server, and the cookie is cleared.
#[utoipa::path(responses((status = 204)))]
#[delete("/moderator/session")]
#[tracing::instrument(skip_all)]
pub async fn logout(state: State, req: HttpRequest) -> Result<HttpResponse, AppError> {
    // Any session may end, also one that still owes two factors.
    let moderator = Moderator::from_cookie(&req).await?;
    moderator.check_csrf(req.headers().get(CSRF_HEADER).and_then(|v| v.to_str().ok()))?;
    sessions::log_out(&state, moderator.token).await?;
    Ok(HttpResponse::NoContent().cookie(ended_session_cookie(&state)).finish())
}
