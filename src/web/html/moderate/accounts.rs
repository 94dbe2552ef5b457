//! Accounts: the admins' list of moderators and invitations, the page an
//! invitation opens, setting up two factors, and the ready-made rejection
//! reasons admins keep.

use actix_web::http::{header, StatusCode};
use actix_web::web::{Bytes, Path};
use actix_web::{get, post, HttpRequest, HttpResponse};

use super::{bench, gate, moderator, open_gate, see_other, Fields, Gate};
use crate::app::accounts::{self, require_admin, InviteForm};
use crate::app::reasons::{self, ReasonForm};
use crate::app::two_factor;
use crate::error::AppError;
use crate::views::locale::Locale;
use crate::views::moderate::{self as views};
use crate::web::extract::Moderator;
use crate::web::html::{form_pairs, html_response, HtmlError};
use crate::web::session_cookie::session_cookie;
use crate::web::State;

#[get("/moderate/moderators")]
#[tracing::instrument(skip_all)]
pub async fn moderators(state: State, locale: Locale, req: HttpRequest) -> Result<HttpResponse, HtmlError> {
    let moderator = open_gate!(state, locale, req);
    require_admin(moderator.session.role)?;
    let (list, invitations) = (accounts::list(&state).await?, accounts::open_invitations(&state).await?);
    let markup = views::accounts::moderators(
        &locale,
        &bench(&moderator),
        (&list, &invitations),
        &Default::default(),
        super::notice(&req).as_ref(),
    );
    Ok(html_response(StatusCode::OK, markup))
}

#[post("/moderate/moderators/invite")]
#[tracing::instrument(skip_all)]
pub async fn invite(state: State, locale: Locale, req: HttpRequest, body: Bytes) -> Result<HttpResponse, HtmlError> {
    let fields = Fields(form_pairs(&body));
    let moderator = moderator(&state, &req, &fields).await?;
    require_admin(moderator.session.role)?;
    let (username, email) = (fields.get("username").unwrap_or_default(), fields.get("email").unwrap_or_default());
    let admin = fields.get("admin").is_some_and(|value| value == "1");
    let form = InviteForm { username: Some(username.clone()), email: Some(email.clone()), admin };
    let (status, link, errors) = match accounts::invite(&state, moderator.actor(), locale.lang, form).await {
        Ok(link) => (StatusCode::OK, Some(link), Vec::new()),
        Err(AppError::Validation(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, None, errors),
        Err(other) => return Err(other.into()),
    };
    // After an invitation the form is empty again, ready for the next one.
    let keep = |typed: String| if link.is_some() { String::new() } else { typed };
    let (username, email) = (keep(username), keep(email));
    let form = views::accounts::InviteForm {
        username: &username,
        email: &email,
        admin: admin && link.is_none(),
        errors: &errors,
        link: link.as_deref(),
    };
    let (list, invitations) = (accounts::list(&state).await?, accounts::open_invitations(&state).await?);
    let markup = views::accounts::moderators(&locale, &bench(&moderator), (&list, &invitations), &form, None);
    Ok(html_response(status, markup))
}

#[post("/moderate/moderators/{id}/{change}")]
#[tracing::instrument(skip_all)]
pub async fn set_disabled(
    state: State,
    locale: Locale,
    req: HttpRequest,
    path: Path<(i64, String)>,
    body: Bytes,
) -> Result<HttpResponse, HtmlError> {
    let moderator = moderator(&state, &req, &Fields(form_pairs(&body))).await?;
    require_admin(moderator.session.role)?;
    let (id, change) = path.into_inner();
    let disabled = match change.as_str() {
        "disable" => true,
        "enable" => false,
        _ => return Err(AppError::NotFound.into()),
    };
    accounts::set_disabled(&state, moderator.actor(), id, disabled).await?;
    let done = if disabled { "disabled" } else { "enabled" };
    Ok(see_other(locale.href(&format!("/moderate/moderators?done={done}"))))
}

#[post("/moderate/invitations/{id}/revoke")]
#[tracing::instrument(skip_all)]
pub async fn revoke(
    state: State,
    locale: Locale,
    req: HttpRequest,
    id: Path<String>,
    body: Bytes,
) -> Result<HttpResponse, HtmlError> {
    let moderator = moderator(&state, &req, &Fields(form_pairs(&body))).await?;
    require_admin(moderator.session.role)?;
    accounts::revoke_invitation(&state, moderator.actor(), id.into_inner()).await?;
    Ok(see_other(locale.href("/moderate/moderators?done=revoked")))
}

#[get("/moderate/invite/{secret}")]
#[tracing::instrument(skip_all)]
pub async fn invitation(state: State, locale: Locale, secret: Path<String>) -> Result<HttpResponse, HtmlError> {
    let secret = secret.into_inner();
    let open = accounts::invitation(&state, secret.clone()).await?;
    Ok(html_response(StatusCode::OK, views::accounts::invitation(&locale, &secret, &open, &[])))
}

#[post("/moderate/invite/{secret}")]
#[tracing::instrument(skip_all)]
pub async fn join(state: State, locale: Locale, secret: Path<String>, body: Bytes) -> Result<HttpResponse, HtmlError> {
    let secret = secret.into_inner();
    let fields = Fields(form_pairs(&body));
    match accounts::accept_invite(&state, secret.clone(), fields.get("password"), fields.get("password_again")).await {
        Ok(session) => Ok(HttpResponse::SeeOther()
            .cookie(session_cookie(&state, &session.token))
            .insert_header((header::LOCATION, locale.href("/moderate/two-factor")))
            .finish()),
        Err(AppError::Validation(errors)) => {
            let open = accounts::invitation(&state, secret.clone()).await?;
            let markup = views::accounts::invitation(&locale, &secret, &open, &errors);
            Ok(html_response(StatusCode::UNPROCESSABLE_ENTITY, markup))
        }
        Err(other) => Err(other.into()),
    }
}

/// The moderator who may set up two factors: logged in past any code owed,
/// whether or not two factors are required yet.
async fn enrolling(req: &HttpRequest) -> Result<Moderator, AppError> {
    let moderator = Moderator::from_cookie(req).await?;
    if moderator.session.awaiting_code {
        return Err(AppError::Unauthorized);
    }
    Ok(moderator)
}

#[get("/moderate/two-factor")]
#[tracing::instrument(skip_all)]
pub async fn enrolment(state: State, locale: Locale, req: HttpRequest) -> Result<HttpResponse, HtmlError> {
    let moderator = match enrolling(&req).await {
        Ok(moderator) => moderator,
        Err(AppError::Unauthorized) => return Ok(see_other(locale.href("/moderate"))),
        Err(other) => return Err(other.into()),
    };
    let setup = two_factor::enrolment(&state, moderator.session.moderator_id, moderator.token.clone()).await?;
    let required = state.settings.require_two_factor;
    Ok(html_response(StatusCode::OK, views::accounts::enrolment(&locale, &bench(&moderator), &setup, &[], required)))
}

#[post("/moderate/two-factor")]
#[tracing::instrument(skip_all)]
pub async fn enrol(state: State, locale: Locale, req: HttpRequest, body: Bytes) -> Result<HttpResponse, HtmlError> {
    let fields = Fields(form_pairs(&body));
    let moderator = enrolling(&req).await?;
    moderator.check_csrf(fields.get("csrf_token").as_deref())?;
    let id = moderator.session.moderator_id;
    match two_factor::confirm(&state, id, moderator.token.clone(), fields.get("code")).await {
        Ok(codes) => {
            Ok(html_response(StatusCode::OK, views::accounts::recovery_codes(&locale, &bench(&moderator), &codes)))
        }
        Err(AppError::Validation(errors)) => {
            let setup = two_factor::enrolment(&state, id, moderator.token.clone()).await?;
            let required = state.settings.require_two_factor;
            let markup = views::accounts::enrolment(&locale, &bench(&moderator), &setup, &errors, required);
            Ok(html_response(StatusCode::UNPROCESSABLE_ENTITY, markup))
        }
        Err(other) => Err(other.into()),
    }
}

#[get("/moderate/reasons")]
#[tracing::instrument(skip_all)]
pub async fn reason_list(state: State, locale: Locale, req: HttpRequest) -> Result<HttpResponse, HtmlError> {
    let moderator = open_gate!(state, locale, req);
    require_admin(moderator.session.role)?;
    let list = reasons::list(&state).await?;
    let markup = views::reasons::reasons(&locale, &bench(&moderator), &list, None, super::notice(&req).as_ref());
    Ok(html_response(StatusCode::OK, markup))
}

#[post("/moderate/reasons")]
#[tracing::instrument(skip_all)]
pub async fn add_reason(
    state: State,
    locale: Locale,
    req: HttpRequest,
    body: Bytes,
) -> Result<HttpResponse, HtmlError> {
    change_reasons(state, locale, req, None, body).await
}

#[post("/moderate/reasons/{id}")]
#[tracing::instrument(skip_all)]
pub async fn change_reason(
    state: State,
    locale: Locale,
    req: HttpRequest,
    id: Path<i64>,
    body: Bytes,
) -> Result<HttpResponse, HtmlError> {
    change_reasons(state, locale, req, Some(id.into_inner()), body).await
}

/// Adds a reason (no `id`), or saves or removes one, then shows the list again.
async fn change_reasons(
    state: State,
    locale: Locale,
    req: HttpRequest,
    id: Option<i64>,
    body: Bytes,
) -> Result<HttpResponse, HtmlError> {
    let fields = Fields(form_pairs(&body));
    let moderator = moderator(&state, &req, &fields).await?;
    require_admin(moderator.session.role)?;
    let (text_en, text_es) = (fields.get("text_en"), fields.get("text_es"));
    let form = ReasonForm { text_en: text_en.clone(), text_es: text_es.clone() };
    let changed = match (id, fields.get("action").as_deref()) {
        (None, _) => reasons::add(&state, form).await.map(|()| "reason-added"),
        (Some(id), Some("remove")) => reasons::remove(&state, id).await.map(|()| "reason-removed"),
        (Some(id), _) => reasons::change(&state, id, form).await.map(|()| "reason-saved"),
    };
    match changed {
        Ok(done) => Ok(see_other(locale.href(&format!("/moderate/reasons?done={done}")))),
        Err(AppError::Validation(errors)) => {
            let list = reasons::list(&state).await?;
            let (text_en, text_es) = (text_en.unwrap_or_default(), text_es.unwrap_or_default());
            let typed = views::reasons::ReasonTyped { id, text_en: &text_en, text_es: &text_es, errors: &errors };
            let markup = views::reasons::reasons(&locale, &bench(&moderator), &list, Some(&typed), None);
            Ok(html_response(StatusCode::UNPROCESSABLE_ENTITY, markup))
        }
        Err(other) => Err(other.into()),
    }
}
