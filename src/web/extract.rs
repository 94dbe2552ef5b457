//! Request extractors that turn every bad input into a clear `AppError`.

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::error::PayloadError;
use actix_web::http::{header, Method};
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use futures_util::StreamExt;
use serde::de::DeserializeOwned;

use crate::app::sessions;
use crate::config::Settings;
use crate::db::events::Actor;
use crate::db::sessions::ModeratorSession;
use crate::domain::token::constant_time_eq;
use crate::error::AppError;
use crate::error::FieldError;
use crate::web::session_cookie::session_cookie_name;
use crate::web::State;

/// The largest JSON body accepted: room for every text field at its longest.
pub const JSON_LIMIT: usize = 128 * 1024;

/// A JSON body, read up to `JSON_LIMIT`. Malformed JSON or invalid UTF-8 is a
/// 400; a value of the wrong type or a missing or unknown field is a 422
/// naming the field.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for ApiJson<T> {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let content_type = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
        let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        let is_json = essence == "application/json" || essence.ends_with("+json");
        let declared_length = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if !is_json {
                return Err(AppError::UnsupportedMediaType);
            }
            if declared_length.is_some_and(|n| n > JSON_LIMIT) {
                return Err(AppError::PayloadTooLarge { limit: JSON_LIMIT });
            }
            let mut body = Vec::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|error| match error {
                    PayloadError::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => AppError::BodyTimedOut,
                    other => AppError::BadRequest(format!("could not read the body: {other}")),
                })?;
                if body.len() + chunk.len() > JSON_LIMIT {
                    return Err(AppError::PayloadTooLarge { limit: JSON_LIMIT });
                }
                body.extend_from_slice(&chunk);
            }
            parse_json(&body).map(ApiJson)
        })
    }
}

pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, AppError> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        json_error(&path, &inner)
    })?;
    deserializer.end().map_err(|e| json_error(".", &e))?;
    Ok(value)
}

fn json_error(path: &str, error: &serde_json::Error) -> AppError {
    use serde_json::error::Category;
    let message = error.to_string();
    // serde_json appends the position; people need the field instead.
    let message = message.split(" at line ").next().unwrap_or(&message).to_string();
    match error.classify() {
        Category::Data => {
            let named = message.split('`').nth(1).filter(|_| message.contains(" field `"));
            let field = match (path, named) {
                // serde names a missing field's parent in the path, the field in the message.
                (".", Some(name)) => name.to_string(),
                (path, Some(name)) if message.starts_with("missing field") => format!("{path}.{name}"),
                // A top-level array or scalar instead of an object.
                (path, _) if path == "." || path.starts_with('[') => "body".to_string(),
                (path, _) => path.to_string(),
            };
            let message = message.split(", expected one of").next().unwrap_or(&message).to_string();
            AppError::Validation(vec![FieldError::untranslated(&field, &message)])
        }
        Category::Syntax | Category::Eof | Category::Io => {
            AppError::BadRequest(format!("the body is not valid JSON: {message}"))
        }
    }
}

/// The secret a clinician got at submission, from `Authorization: Bearer …`.
pub struct ManageToken(pub String);

impl FromRequest for ManageToken {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let token = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty());
        ready(token.map(|t| ManageToken(t.to_string())).ok_or(AppError::Unauthorized))
    }
}

pub const CSRF_HEADER: &str = "x-csrf-token";

/// A logged-in moderator. Unsafe methods also need the session's CSRF token
/// in the `X-CSRF-Token` header.
pub struct Moderator {
    pub session: ModeratorSession,
    /// The cookie's secret, to end the session at logout.
    pub token: String,
}

impl Moderator {
    /// The session the request's cookie opens, whatever its stage (CSRF not checked).
    pub async fn from_cookie(req: &HttpRequest) -> Result<Moderator, AppError> {
        let state = req.app_data::<State>().cloned().ok_or(AppError::Unauthorized)?;
        let cookie = req.cookie(session_cookie_name(&state.settings)).ok_or(AppError::Unauthorized)?;
        let token = state.settings.session_key.verify(cookie.value()).ok_or(AppError::Unauthorized)?.to_string();
        let session = sessions::current(&state, token.clone()).await?;
        Ok(Moderator { session, token })
    }

    /// Only a session past every factor it owes; where two factors are required
    /// (`BENZOWISE_ENV=production`), only one whose account has them on.
    pub fn ready(self, settings: &Settings) -> Result<Moderator, AppError> {
        if self.session.awaiting_code {
            return Err(AppError::Unauthorized);
        }
        if settings.require_two_factor && !self.session.two_factor {
            return Err(AppError::EnrolmentRequired);
        }
        Ok(self)
    }

    /// The moderator as the audit trail names them.
    pub fn actor(&self) -> Actor {
        Actor::Moderator { id: self.session.moderator_id, username: self.session.username.clone() }
    }

    /// Refuses an unsafe request whose CSRF token is not this session's.
    pub fn check_csrf(&self, sent: Option<&str>) -> Result<(), AppError> {
        match sent {
            Some(sent) if constant_time_eq(sent, &self.session.csrf_token) => Ok(()),
            _ => Err(AppError::Forbidden("a valid CSRF token is required")),
        }
    }
}

impl FromRequest for Moderator {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state = req.app_data::<State>().cloned().ok_or(AppError::Unauthorized)?;
            let moderator = Moderator::from_cookie(&req).await?.ready(&state.settings)?;
            if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
                moderator.check_csrf(req.headers().get(CSRF_HEADER).and_then(|v| v.to_str().ok()))?;
            }
            Ok(moderator)
        })
    }
}

/// Refuses an unsafe request that a browser sent from another site, such as
/// a form on an attacker's page posting the attacker's password to log the
/// victim's browser in. Browsers say where a request comes from in
/// `Sec-Fetch-Site`, and older ones in `Origin`; a request with neither did
/// not come from another site's page.
pub fn same_site_only(req: &HttpRequest, settings: &Settings) -> Result<(), AppError> {
    let refused = Err(AppError::Forbidden("a request from another site is refused"));
    if let Some(site) = req.headers().get("sec-fetch-site") {
        return match site.to_str() {
            Ok("same-origin" | "none") => Ok(()),
            _ => refused,
        };
    }
    let Some(origin) = req.headers().get(header::ORIGIN).and_then(|v| v.to_str().ok()) else { return Ok(()) };
    let info = req.connection_info();
    let served_at = format!("{}://{}", info.scheme(), info.host());
    let public = settings.public_url.as_deref().and_then(|url| url::Url::parse(url).ok());
    if origin == served_at || public.is_some_and(|url| url.origin().ascii_serialization() == origin) {
        Ok(())
    } else {
        refused
    }
}

/// The client address used for rate limits: the one the request's log lines name.
pub fn client_key(req: &HttpRequest) -> String {
    crate::web::client::client_address(req).to_string()
}
