//! `/moderate`: log-in, the queue, reports, suspensions and the audit trail.
//! Every form carries the session's CSRF token.

use actix_web::http::{header, StatusCode};
use actix_web::web::{Bytes, Path, Query};
use actix_web::{get, post, HttpRequest, HttpResponse};

use super::{form_pairs, html_response, HtmlError};
use crate::app::freshness;
use crate::app::moderation::{self, ListingChange};
use crate::app::sessions;
use crate::domain::moderation::{optional_note, required_note};
use crate::error::AppError;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::t;
use crate::views;
use crate::views::locale::Locale;
use crate::views::moderate::Dashboard;
use crate::web::extract::{client_key, Moderator};
use crate::web::session_cookie::{ended_session_cookie, session_cookie};
use crate::web::State;

/// A form's fields by name.
struct Fields(Vec<(String, String)>);

impl Fields {
    fn get(&self, name: &str) -> Option<String> {
        self.0.iter().find(|(key, _)| key == name).map(|(_, value)| value.clone())
    }
}

fn back_to_dashboard(locale: &Locale, done: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, locale.href(&format!("/moderate?done={done}")))).finish()
}

/// The logged-in moderator, after checking the form's CSRF token.
async fn moderator(req: &HttpRequest, fields: &Fields) -> Result<Moderator, AppError> {
    let moderator = Moderator::from_cookie(req).await?;
    moderator.check_csrf(fields.get("csrf_token").as_deref())?;
    Ok(moderator)
}

/// Lapsed listings shown on the dashboard, those that lapsed longest ago first.
const LAPSED_SHOWN: i64 = 20;
/// Mail that failed for good, newest first.
const UNDELIVERED_SHOWN: i64 = 20;

#[get("/moderate")]
#[tracing::instrument(skip_all)]
pub async fn dashboard(state: State, locale: Locale, req: HttpRequest) -> Result<HttpResponse, HtmlError> {
    let moderator = match Moderator::from_cookie(&req).await {
        Ok(moderator) => moderator,
        Err(AppError::Unauthorized) => return Ok(html_response(StatusCode::OK, views::moderate::login(&locale, None))),
        Err(other) => return Err(other.into()),
    };
    let workload = moderation::workload(&state).await?;
    let (lapsed_count, lapsed) = freshness::lapsed(&state, LAPSED_SHOWN).await?;
    let undelivered = moderation::undelivered_mail(&state, UNDELIVERED_SHOWN).await?;
    let done = Query::<std::collections::HashMap<String, String>>::from_query(req.query_string())
        .ok()
        .and_then(|q| q.get("done").cloned());
    let notice = match done.as_deref() {
        Some("approved") => Some("moderate-notice-approved"),
        Some("rejected") => Some("moderate-notice-rejected"),
        Some("resolved") => Some("moderate-notice-resolved"),
        Some("suspended") => Some("moderate-notice-suspended"),
        Some("reinstated") => Some("moderate-notice-reinstated"),
        _ => None,
    }
    .map(Text::new);
    let page = views::moderate::dashboard(
        &locale,
        &Dashboard {
            username: &moderator.session.username,
            csrf_token: &moderator.session.csrf_token,
            queue: &workload.queue,
            reports: &workload.open_reports,
            events: &workload.recent_events,
            lapsed: (lapsed_count, &lapsed),
            undelivered: &undelivered,
            notice,
        },
    );
    Ok(html_response(StatusCode::OK, page))
}

#[post("/moderate/login")]
#[tracing::instrument(skip_all)]
pub async fn login(state: State, locale: Locale, req: HttpRequest, body: Bytes) -> HttpResponse {
    let fields = Fields(form_pairs(&body));
    match sessions::log_in(&state, &client_key(&req), fields.get("username"), fields.get("password")).await {
        Ok((_, session)) => HttpResponse::SeeOther()
            .cookie(session_cookie(&state, &session.token))
            .insert_header((header::LOCATION, locale.href("/moderate")))
            .finish(),
        Err(AppError::TooManyRequests { retry_after_secs }) => {
            let message = t!(locale, "moderate-login-too-many", minutes = retry_after_secs.div_ceil(60));
            let mut response =
                html_response(StatusCode::TOO_MANY_REQUESTS, views::moderate::login(&locale, Some(&message)));
            response.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from(retry_after_secs));
            response
        }
        Err(_) => html_response(
            StatusCode::UNAUTHORIZED,
            views::moderate::login(&locale, Some(&t!(locale, "moderate-login-wrong"))),
        ),
    }
}

#[post("/moderate/logout")]
#[tracing::instrument(skip_all)]
pub async fn logout(state: State, locale: Locale, req: HttpRequest, body: Bytes) -> Result<HttpResponse, HtmlError> {
    let moderator = moderator(&req, &Fields(form_pairs(&body))).await?;
    sessions::log_out(&state, moderator.token).await?;
    Ok(HttpResponse::SeeOther()
        .cookie(ended_session_cookie(&state))
        .insert_header((header::LOCATION, locale.href("/moderate")))
        .finish())
}

#[post("/moderate/submissions/{id}/{decision}")]
#[tracing::instrument(skip_all)]
pub async fn decide(
    state: State,
    locale: Locale,
    req: HttpRequest,
    path: Path<(i64, String)>,
    body: Bytes,
) -> Result<HttpResponse, HtmlError> {
    let fields = Fields(form_pairs(&body));
    let moderator = moderator(&req, &fields).await?;
    let (id, decision) = path.into_inner();
    match decision.as_str() {
        "approve" => {
            let note = optional_note("note", fields.get("note"))?;
            moderation::approve(&state, moderator.actor(), id, note).await?;
            Ok(back_to_dashboard(&locale, "approved"))
        }
        "reject" => {
            let reason = required_note("reason", fields.get("reason"))?;
            moderation::reject(&state, moderator.actor(), id, reason).await?;
            Ok(back_to_dashboard(&locale, "rejected"))
        }
        _ => Err(AppError::NotFound.into()),
    }
}

#[post("/moderate/reports/{id}/resolve")]
#[tracing::instrument(skip_all)]
pub async fn resolve(
    state: State,
    locale: Locale,
    req: HttpRequest,
    id: Path<i64>,
    body: Bytes,
) -> Result<HttpResponse, HtmlError> {
    let fields = Fields(form_pairs(&body));
    let moderator = moderator(&req, &fields).await?;
    let note = required_note("note", fields.get("note"))?;
    moderation::resolve_report(&state, moderator.actor(), id.into_inner(), note).await?;
    Ok(back_to_dashboard(&locale, "resolved"))
}

#[post("/moderate/clinicians/status")]
#[tracing::instrument(skip_all)]
pub async fn listing_status(
    state: State,
    locale: Locale,
    req: HttpRequest,
    body: Bytes,
) -> Result<HttpResponse, HtmlError> {
    let fields = Fields(form_pairs(&body));
    let moderator = moderator(&req, &fields).await?;
    let id: i64 = fields.get("listing_id").and_then(|value| value.trim().parse().ok()).ok_or_else(|| {
        AppError::Validation(vec![FieldError::new("listing_id", Text::new("moderate-error-listing-number"))])
    })?;
    let (change, done) = match fields.get("action").as_deref() {
        Some("suspend") => {
            (ListingChange::Suspend { reason: required_note("reason", fields.get("reason"))? }, "suspended")
        }
        Some("reinstate") => {
            (ListingChange::Reinstate { note: optional_note("reason", fields.get("reason"))? }, "reinstated")
        }
        _ => return Err(AppError::BadRequest("choose suspend or reinstate".into()).into()),
    };
    moderation::change_listing(&state, moderator.actor(), id, change).await?;
    Ok(back_to_dashboard(&locale, done))
}
