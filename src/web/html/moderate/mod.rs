//! `/moderate`: log-in with its second step, the queue, one submission at a
//! time, and the decisions. Every form that changes something carries the
//! session's CSRF token.

pub mod accounts;
pub mod claims;
pub mod records;

use std::collections::HashMap;

use actix_web::http::{header, StatusCode};
use actix_web::web::{Bytes, Path};
use actix_web::{get, post, HttpRequest, HttpResponse};

use super::{form_pairs, html_response, HtmlError};
use crate::app::freshness;
use crate::app::moderation::{self, QueueQuery, MAX_SEARCH};
use crate::app::reasons;
use crate::app::sessions::{self, CodeStep, Credentials};
use crate::db::submissions::QueuePosition;
use crate::domain::listing::Choices;
use crate::domain::moderation::{optional_note, SubmissionKind};
use crate::error::AppError;
use crate::i18n::Text;
use crate::t;
use crate::views::locale::Locale;
use crate::views::moderate::queue::{filter_query, DecisionForm, Elsewhere};
use crate::views::moderate::{self as views, Bench};
use crate::web::extract::{client_key, same_site_only, Moderator};
use crate::web::session_cookie::{ended_session_cookie, session_cookie};
use crate::web::State;

/// A form's fields by name.
struct Fields(Vec<(String, String)>);

impl Fields {
    fn get(&self, name: &str) -> Option<String> {
        self.0.iter().find(|(key, _)| key == name).map(|(_, value)| value.clone())
    }
}

/// The query string's parameters by name (the last of a repeated one).
fn params(req: &HttpRequest) -> HashMap<String, String> {
    url::form_urlencoded::parse(req.query_string().as_bytes()).into_owned().collect()
}

fn see_other(location: String) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, location)).finish()
}

/// The moderator ready to work, after checking the form's CSRF token.
async fn moderator(state: &State, req: &HttpRequest, fields: &Fields) -> Result<Moderator, AppError> {
    same_site_only(req, &state.settings)?;
    let moderator = Moderator::from_cookie(req).await?.ready(&state.settings)?;
    moderator.check_csrf(fields.get("csrf_token").as_deref())?;
    Ok(moderator)
}

/// Who may see a workbench page: a moderator ready to work, or a response
/// that takes anyone else where they must go first.
enum Gate {
    Open(Moderator),
    Closed(HttpResponse),
}

async fn gate(state: &State, locale: &Locale, req: &HttpRequest) -> Result<Gate, AppError> {
    // The log-in and its second step are shown at `/moderate`; other pages send people there.
    let at_the_door = req.path().ends_with("/moderate");
    let moderator = match Moderator::from_cookie(req).await {
        Ok(moderator) => moderator,
        Err(AppError::Unauthorized) if at_the_door => {
            let back = params(req).remove("back").filter(|back| is_workbench_page(back));
            return Ok(Gate::Closed(html_response(StatusCode::OK, views::login(locale, None, back.as_deref()))));
        }
        Err(AppError::Unauthorized) => {
            return Ok(Gate::Closed(see_other(locale.href(&sign_in_and_return(locale.this_page())))))
        }
        Err(other) => return Err(other),
    };
    if moderator.session.awaiting_code {
        return Ok(Gate::Closed(if at_the_door {
            html_response(StatusCode::OK, views::code(locale, &moderator.session.csrf_token, None))
        } else {
            see_other(locale.href("/moderate"))
        }));
    }
    match moderator.ready(&state.settings) {
        Ok(moderator) => Ok(Gate::Open(moderator)),
        Err(AppError::EnrolmentRequired) => Ok(Gate::Closed(see_other(locale.href("/moderate/two-factor")))),
        Err(other) => Err(other),
    }
}

/// Opens the gate or answers for it.
macro_rules! open_gate {
    ($state:expr, $locale:expr, $req:expr) => {
        match gate(&$state, &$locale, &$req).await? {
            Gate::Open(moderator) => moderator,
            Gate::Closed(response) => return Ok(response),
        }
    };
}
use open_gate;

fn bench(moderator: &Moderator) -> Bench<'_> {
    Bench {
        username: &moderator.session.username,
        csrf_token: &moderator.session.csrf_token,
        role: moderator.session.role,
    }
}

/// What the last action did, from `?done=` after a redirect.
fn notice(req: &HttpRequest) -> Option<Text> {
    let id = match params(req).get("done").map(String::as_str) {
        Some("approved") => "moderate-notice-approved",
        Some("rejected") => "moderate-notice-rejected",
        Some("resolved") => "moderate-notice-resolved",
        Some("claim-approved") => "moderate-notice-claim-approved",
        Some("claim-rejected") => "moderate-notice-claim-rejected",
        Some("suspended") => "moderate-notice-suspended",
        Some("reinstated") => "moderate-notice-reinstated",
        Some("disabled") => "moderate-notice-disabled",
        Some("enabled") => "moderate-notice-enabled",
        Some("revoked") => "moderate-notice-revoked",
        Some("reason-added") => "moderate-notice-reason-added",
        Some("reason-saved") => "moderate-notice-reason-saved",
        Some("reason-removed") => "moderate-notice-reason-removed",
        _ => return None,
    };
    Some(Text::new(id))
}

/// The queue's filter from the query string, for the moderator asking; what
/// cannot be read is left out.
fn queue_query(req: &HttpRequest, moderator: &Moderator) -> QueueQuery {
    let params = params(req);
    let set = |name: &str| params.get(name).map(|value| value.trim().to_string()).filter(|value| !value.is_empty());
    let page: i64 = set("page").and_then(|page| page.parse().ok()).filter(|page| *page >= 1).unwrap_or(1);
    QueueQuery {
        kind: params.get("kind").and_then(|kind| SubmissionKind::try_from(kind.clone()).ok()),
        flagged_only: params.get("flagged").is_some_and(|flagged| flagged == "1"),
        waiting_days: set("waiting_days").and_then(|days| days.parse().ok()).filter(|days| (1..=3650).contains(days)),
        region: set("region").map(|region| region.to_uppercase()),
        search: set("q").map(|term| term.chars().take(MAX_SEARCH).collect()),
        hide_claimed: params.get("hide_claimed").is_some_and(|hide| hide == "1"),
        viewer: moderator.session.moderator_id,
        position: QueuePosition::Skip((page - 1).saturating_mul(QUEUE_PAGE)),
        limit: QUEUE_PAGE,
    }
}

/// Submissions on one page of the queue: small enough to stay well under 60 KB.
const QUEUE_PAGE: i64 = 25;
/// Lapsed listings shown under the queue, those that lapsed longest ago first.
const LAPSED_SHOWN: i64 = 20;
/// Mail that failed for good, newest first.
const UNDELIVERED_SHOWN: i64 = 20;

#[get("/moderate")]
#[tracing::instrument(skip_all)]
pub async fn queue(state: State, locale: Locale, req: HttpRequest) -> Result<HttpResponse, HtmlError> {
    let moderator = open_gate!(state, locale, req);
    let filter = queue_query(&req, &moderator);
    let page = moderation::queue(&state, filter.clone()).await?;
    let (lapsed_count, lapsed) = freshness::lapsed(&state, LAPSED_SHOWN).await?;
    let undelivered = moderation::undelivered_mail(&state, UNDELIVERED_SHOWN).await?;
    let elsewhere = Elsewhere { lapsed: (lapsed_count, &lapsed), undelivered: &undelivered };
    let markup = views::queue::queue(&locale, &bench(&moderator), &filter, &page, &elsewhere, notice(&req).as_ref());
    Ok(html_response(StatusCode::OK, markup))
}

#[get("/moderate/submissions/{id}")]
#[tracing::instrument(skip_all)]
pub async fn review(state: State, locale: Locale, req: HttpRequest, id: Path<i64>) -> Result<HttpResponse, HtmlError> {
    let moderator = open_gate!(state, locale, req);
    let filter = queue_query(&req, &moderator);
    let shown = moderation::review(&state, id.into_inner(), filter.clone()).await?;
    let ready = reasons::list(&state).await?;
    let form = DecisionForm { ready: &ready, ..DecisionForm::default() };
    let markup = views::queue::review(&locale, &bench(&moderator), &filter, &shown, &form, notice(&req).as_ref());
    Ok(html_response(StatusCode::OK, markup))
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
    let moderator = moderator(&state, &req, &fields).await?;
    let (id, decision) = path.into_inner();
    let filter = queue_query(&req, &moderator);
    let ready_reason = fields.get("ready_reason").and_then(|id| id.parse().ok());
    let decided = match decision.as_str() {
        "approve" => match optional_note("note", fields.get("note")) {
            Ok(note) => {
                let choices = Choices { profession: fields.get("profession"), specialty: fields.get("specialty") };
                moderation::approve(&state, moderator.actor(), id, note, choices).await.map(|()| "approved")
            }
            Err(error) => Err(error),
        },
        "reject" => match reasons::compose(&state, id, ready_reason, fields.get("reason")).await {
            Ok(reason) => moderation::reject(&state, moderator.actor(), id, reason).await.map(|()| "rejected"),
            Err(error) => Err(error),
        },
        _ => return Err(AppError::NotFound.into()),
    };
    let done = match decided {
        Ok(done) => done,
        Err(AppError::Validation(errors)) => {
            let shown = moderation::review(&state, id, filter.clone()).await?;
            let ready = reasons::list(&state).await?;
            let (note, reason) = (fields.get("note").unwrap_or_default(), fields.get("reason").unwrap_or_default());
            let form =
                DecisionForm { note: &note, reason: &reason, ready: &ready, chosen: ready_reason, errors: &errors };
            let markup = views::queue::review(&locale, &bench(&moderator), &filter, &shown, &form, None);
            return Ok(html_response(StatusCode::UNPROCESSABLE_ENTITY, markup));
        }
        Err(other) => return Err(other.into()),
    };
    // The next submission opens, keeping the queue's filter.
    let keep = filter_query(&filter, None);
    let separator = if keep.is_empty() { '?' } else { '&' };
    let next = moderation::next_in_queue(&state, filter, id).await?;
    Ok(see_other(match next {
        Some(next) => locale.href(&format!("/moderate/submissions/{next}{keep}{separator}done={done}")),
        None => locale.href(&format!("/moderate{keep}{separator}done={done}")),
    }))
}

/// The log-in page, which after signing in goes back to `path` (a page of
/// the workbench; a form's address goes back to the page the form was on).
pub fn sign_in_and_return(path: &str) -> String {
    let page = match path.split('/').collect::<Vec<_>>().as_slice() {
        ["", "moderate", kind @ ("submissions" | "listings"), id, _] => format!("/moderate/{kind}/{id}"),
        ["", "moderate", "reports", ..] => "/moderate/reports".to_string(),
        _ if is_workbench_page(path) => path.to_string(),
        _ => return "/moderate".to_string(),
    };
    let back: String = url::form_urlencoded::byte_serialize(page.as_bytes()).collect();
    format!("/moderate?back={back}")
}

/// Whether a page to go back to after signing in is one of the workbench's
/// own (never another site's, nor the log-in itself).
fn is_workbench_page(path: &str) -> bool {
    path.starts_with("/moderate/") && !path.starts_with("/moderate/login") && !path.contains("//")
}

#[post("/moderate/login")]
#[tracing::instrument(skip_all)]
pub async fn login(state: State, locale: Locale, req: HttpRequest, body: Bytes) -> Result<HttpResponse, HtmlError> {
    same_site_only(&req, &state.settings)?;
    let fields = Fields(form_pairs(&body));
    let back = fields.get("back").filter(|back| is_workbench_page(back));
    let credentials = Credentials { username: fields.get("username"), password: fields.get("password"), code: None };
    Ok(match sessions::log_in(&state, &client_key(&req), credentials, CodeStep::Later).await {
        Ok((_, session)) => with_session(&state, &session.token, locale.href(back.as_deref().unwrap_or("/moderate"))),
        Err(AppError::TooManyRequests { retry_after_secs }) => {
            let page = views::login(&locale, Some(&too_many_words(&locale, retry_after_secs)), back.as_deref());
            too_many(retry_after_secs, page)
        }
        Err(_) => {
            let page = views::login(&locale, Some(&t!(locale, "moderate-login-wrong")), back.as_deref());
            html_response(StatusCode::UNAUTHORIZED, page)
        }
    })
}

/// Sends the browser on with a new session's cookie.
fn with_session(state: &State, token: &str, location: String) -> HttpResponse {
    HttpResponse::SeeOther().cookie(session_cookie(state, token)).insert_header((header::LOCATION, location)).finish()
}

fn too_many_words(locale: &Locale, retry_after_secs: u64) -> String {
    t!(locale, "moderate-login-too-many", minutes = retry_after_secs.div_ceil(60))
}

fn too_many(retry_after_secs: u64, page: maud::Markup) -> HttpResponse {
    let mut response = html_response(StatusCode::TOO_MANY_REQUESTS, page);
    response.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from(retry_after_secs));
    response
}

/// The log-in's second step.
#[post("/moderate/login/code")]
#[tracing::instrument(skip_all)]
pub async fn code(state: State, locale: Locale, req: HttpRequest, body: Bytes) -> Result<HttpResponse, HtmlError> {
    same_site_only(&req, &state.settings)?;
    let fields = Fields(form_pairs(&body));
    let moderator = Moderator::from_cookie(&req).await?;
    moderator.check_csrf(fields.get("csrf_token").as_deref())?;
    let csrf_token = moderator.session.csrf_token.clone();
    Ok(match sessions::give_code(&state, &client_key(&req), moderator.token, fields.get("code")).await {
        Ok(session) => with_session(&state, &session.token, locale.href("/moderate")),
        Err(AppError::TooManyRequests { retry_after_secs }) => {
            let words = too_many_words(&locale, retry_after_secs);
            too_many(retry_after_secs, views::code(&locale, &csrf_token, Some(&words)))
        }
        Err(AppError::Unauthorized) => html_response(
            StatusCode::UNAUTHORIZED,
            views::code(&locale, &csrf_token, Some(&t!(locale, "moderate-code-wrong"))),
        ),
        Err(other) => return Err(other.into()),
    })
}

#[post("/moderate/logout")]
#[tracing::instrument(skip_all)]
pub async fn logout(state: State, locale: Locale, req: HttpRequest, body: Bytes) -> Result<HttpResponse, HtmlError> {
    // Any session may end, also one that still owes its code.
    let moderator = Moderator::from_cookie(&req).await?;
    moderator.check_csrf(Fields(form_pairs(&body)).get("csrf_token").as_deref())?;
    sessions::log_out(&state, moderator.token).await?;
    Ok(HttpResponse::SeeOther()
        .cookie(ended_session_cookie(&state))
        .insert_header((header::LOCATION, locale.href("/moderate")))
        .finish())
}
