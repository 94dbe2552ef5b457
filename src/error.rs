//! One error type for the whole service, mapped to HTTP here and nowhere else.

use crate::i18n::{Lang, Text};
use crate::places::Place;
use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("some fields are not valid")]
    Validation(Vec<FieldError>),
    #[error("{0}")]
    BadRequest(String),
    #[error("not found")]
    NotFound,
    #[error("this address answers only {allow}")]
    MethodNotAllowed { allow: String },
    #[error("{0}")]
    Conflict(String),
    #[error("authentication required")]
    Unauthorized,
    /// The password was right, but two factors are on and no code came with it.
    #[error("a two-factor code is required: send it as `code` with the username and password")]
    CodeRequired,
    /// Two factors are required here and this moderator has not set them up.
    #[error("two-factor authentication must be set up first, at /moderate/two-factor")]
    EnrolmentRequired,
    #[error("{0}")]
    Forbidden(&'static str),
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("the request body is larger than {limit} bytes")]
    PayloadTooLarge { limit: usize },
    #[error("the request body did not arrive in time")]
    BodyTimedOut,
    #[error("the request's headers are larger than {limit} bytes")]
    HeadersTooLarge { limit: usize },
    #[error("the request body must be JSON (Content-Type: application/json)")]
    UnsupportedMediaType,
    #[error("the database is unavailable")]
    Unavailable(#[source] diesel::r2d2::PoolError),
    #[error("the database does not answer")]
    NotReady,
    #[error("the request took longer than {limit_secs} seconds; please try again")]
    TimedOut { limit_secs: u64 },
    #[error(transparent)]
    Database(diesel::result::Error),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<diesel::result::Error> for AppError {
    fn from(error: diesel::result::Error) -> Self {
        match error {
            diesel::result::Error::NotFound => AppError::NotFound,
            other => AppError::Database(other),
        }
    }
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(error: diesel::r2d2::PoolError) -> Self {
        AppError::Unavailable(error)
    }
}

/// One bad field of a request, as reported in a problem's `errors`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FieldError {
    pub field: String,
    /// In English, as the API gives it.
    pub message: String,
    /// The message's id and arguments, so that a page can say it in its reader's language.
    #[serde(skip)]
    text: Option<Text>,
    /// For a place (`near`) that several go by, each of them, the largest
    /// first; for one that none goes by, close spellings. Each one's `label`
    /// finds it when sent as `near`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Place>,
}

impl FieldError {
    /// A message from the catalogue (`locales/*.ftl`).
    pub fn new(field: &str, text: Text) -> Self {
        Self { field: field.to_string(), message: Lang::En.text(&text), text: Some(text), candidates: Vec::new() }
    }

    /// A message from the catalogue, with the places the field could mean.
    pub fn with_candidates(field: &str, text: Text, candidates: Vec<Place>) -> Self {
        Self { candidates, ..Self::new(field, text) }
    }

    /// A message for the API and other words for pages, whose readers know
    /// neither the API's codes nor its field names.
    pub fn worded(field: &str, api: Text, page: Text) -> Self {
        Self { text: Some(page), ..Self::new(field, api) }
    }

    /// A message written by a library (a JSON parser's, say), which has no translation.
    pub fn untranslated(field: &str, message: &str) -> Self {
        Self { field: field.to_string(), message: message.to_string(), text: None, candidates: Vec::new() }
    }

    /// Whether the message is the catalogue's `id`.
    pub fn is(&self, id: &str) -> bool {
        self.text.as_ref().is_some_and(|text| text.id() == id)
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        self.text.as_ref().map_or_else(|| self.message.clone(), |text| lang.text(text))
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Problem {
    /// A URI reference naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Every bad field, for validation failures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

impl AppError {
    /// This error and every error beneath it, outermost first, for the log.
    pub fn cause_chain(&self) -> String {
        let mut chain = self.to_string();
        let mut cause = std::error::Error::source(self);
        while let Some(error) = cause {
            chain.push_str(": ");
            chain.push_str(&error.to_string());
            cause = error.source();
        }
        chain
    }

    fn slug(&self) -> &'static str {
        match self {
            AppError::Validation(_) => "validation",
            AppError::BadRequest(_) => "bad-request",
            AppError::NotFound => "not-found",
            AppError::MethodNotAllowed { .. } => "method-not-allowed",
            AppError::Conflict(_) => "conflict",
            AppError::Unauthorized => "unauthorized",
            AppError::CodeRequired => "code-required",
            AppError::EnrolmentRequired => "two-factor-required",
            AppError::Forbidden(_) => "forbidden",
            AppError::TooManyRequests { .. } => "rate-limited",
            AppError::PayloadTooLarge { .. } => "payload-too-large",
            AppError::HeadersTooLarge { .. } => "headers-too-large",
            AppError::BodyTimedOut => "body-timeout",
            AppError::UnsupportedMediaType => "unsupported-media-type",
            AppError::Unavailable(_) | AppError::NotReady => "unavailable",
            AppError::TimedOut { .. } => "timeout",
            AppError::Database(_) | AppError::Internal(_) => "internal",
        }
    }

    pub fn problem(&self) -> Problem {
        let status = self.status_code();
        let detail = match self {
            AppError::Database(_) | AppError::Internal(_) => {
                "Something went wrong on our side. The x-request-id header identifies this request in our logs."
                    .to_string()
            }
            AppError::Validation(errors) if errors.len() == 1 => {
                format!("{} {}", errors[0].field, errors[0].message)
            }
            other => other.to_string(),
        };
        Problem {
            kind: format!("/problems/{}", self.slug()),
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            status: status.as_u16(),
            detail,
            errors: match self {
                AppError::Validation(errors) => errors.clone(),
                _ => Vec::new(),
            },
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Unauthorized | AppError::CodeRequired => StatusCode::UNAUTHORIZED,
            AppError::EnrolmentRequired => StatusCode::FORBIDDEN,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::HeadersTooLarge { .. } => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            AppError::BodyTimedOut => StatusCode::REQUEST_TIMEOUT,
            AppError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Unavailable(_) | AppError::NotReady | AppError::TimedOut { .. } => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            AppError::Database(_) | AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if self.status_code().is_server_error() {
            tracing::error!(error = %self.cause_chain(), "request failed");
        }
        let mut response = HttpResponse::build(self.status_code());
        response.content_type("application/problem+json");
        match self {
            AppError::TooManyRequests { retry_after_secs } => {
                response.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            AppError::Unauthorized | AppError::CodeRequired => {
                response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            AppError::MethodNotAllowed { allow } => {
                response.insert_header((header::ALLOW, allow.as_str()));
            }
            _ => {}
        }
        response.json(self.problem())
    }
}

/// An error on the FHIR routes (`/fhir/…`), answered as a FHIR
/// `OperationOutcome` in `application/fhir+json`; a bad parameter is a `400`,
/// as FHIR servers answer it, rather than the API's `422`.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct FhirError(#[from] pub AppError);

impl FhirError {
    /// The OperationOutcome's issue type for this error.
    fn issue_code(&self) -> &'static str {
        match &self.0 {
            AppError::Validation(_) | AppError::BadRequest(_) => "invalid",
            AppError::NotFound => "not-found",
            AppError::MethodNotAllowed { .. } | AppError::UnsupportedMediaType => "not-supported",
            AppError::TooManyRequests { .. } => "throttled",
            AppError::PayloadTooLarge { .. } | AppError::HeadersTooLarge { .. } => "too-long",
            AppError::TimedOut { .. } | AppError::BodyTimedOut => "timeout",
            AppError::Unavailable(_) | AppError::NotReady => "transient",
            AppError::Unauthorized | AppError::CodeRequired => "login",
            AppError::EnrolmentRequired | AppError::Forbidden(_) => "forbidden",
            AppError::Conflict(_) => "conflict",
            AppError::Database(_) | AppError::Internal(_) => "exception",
        }
    }

    /// The `OperationOutcome`, `resourceType` first as FHIR JSON is written:
    /// one issue per bad parameter, else one for the error.
    pub fn operation_outcome(&self) -> String {
        let issue = |diagnostics: String| serde_json::json!({"severity": "error", "code": self.issue_code(), "diagnostics": diagnostics});
        let issues: Vec<serde_json::Value> = match &self.0 {
            AppError::Validation(errors) => {
                errors.iter().map(|error| issue(format!("{}: {}", error.field, error.message))).collect()
            }
            AppError::NotFound => vec![issue(
                "There is no such resource here: only approved listings are published, as the types that \
                 /fhir/metadata names"
                    .to_string(),
            )],
            other => vec![issue(other.problem().detail)],
        };
        let issues = serde_json::Value::Array(issues);
        format!(r#"{{"resourceType":"OperationOutcome","issue":{issues}}}"#)
    }
}

impl ResponseError for FhirError {
    fn status_code(&self) -> StatusCode {
        match &self.0 {
            AppError::Validation(_) => StatusCode::BAD_REQUEST,
            other => other.status_code(),
        }
    }

    fn error_response(&self) -> HttpResponse {
        if self.status_code().is_server_error() {
            tracing::error!(error = %self.0.cause_chain(), "request failed");
        }
        let mut response = HttpResponse::build(self.status_code());
        response.content_type("application/fhir+json");
        match &self.0 {
            AppError::TooManyRequests { retry_after_secs } => {
                response.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            AppError::MethodNotAllowed { allow } => {
                response.insert_header((header::ALLOW, allow.as_str()));
            }
            _ => {}
        }
        response.body(self.operation_outcome())
    }
}
