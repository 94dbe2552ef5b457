//! `/manage/recovery` (ask for a new manage link by contact email) and
//! `/manage/recover/{token}` (the one-time link the mail carries).

use actix_web::http::StatusCode;
use actix_web::web::{Bytes, Path};
use actix_web::{get, post, HttpRequest, HttpResponse};

use super::{form_pairs, html_response, private, HtmlError};
use crate::app::recovery::{self, RecoveryAddress, Unusable};
use crate::error::AppError;
use crate::views;
use crate::views::locale::Locale;
use crate::web::extract::client_key;
use crate::web::State;

#[get("/manage/recovery")]
#[tracing::instrument(skip_all)]
pub async fn form(locale: Locale) -> HttpResponse {
    html_response(StatusCode::OK, views::recovery::ask(&locale, "", None))
}

#[post("/manage/recovery")]
#[tracing::instrument(skip_all)]
pub async fn ask(state: State, locale: Locale, req: HttpRequest, body: Bytes) -> Result<HttpResponse, HtmlError> {
    let email = form_pairs(&body).into_iter().find(|(name, _)| name == "email").map(|(_, value)| value);
    let address = match RecoveryAddress::parse(email.clone()) {
        Ok(address) => address,
        Err(AppError::Validation(errors)) => {
            let markup = views::recovery::ask(&locale, email.as_deref().unwrap_or(""), errors.first());
            return Ok(html_response(StatusCode::UNPROCESSABLE_ENTITY, markup));
        }
        Err(other) => return Err(other.into()),
    };
    recovery::request(&state, &client_key(&req), address).await?;
    Ok(html_response(StatusCode::OK, views::recovery::asked(&locale)))
}

#[get("/manage/recover/{token}")]
#[tracing::instrument(skip_all)]
pub async fn open(state: State, locale: Locale, token: Path<String>) -> Result<HttpResponse, HtmlError> {
    let token = token.into_inner();
    Ok(match recovery::check(&state, token.clone()).await? {
        Ok(()) => private(html_response(StatusCode::OK, views::recovery::confirm(&locale, &token))),
        Err(why) => refused(&locale, why),
    })
}

#[post("/manage/recover/{token}")]
#[tracing::instrument(skip_all)]
pub async fn redeem(state: State, locale: Locale, token: Path<String>) -> Result<HttpResponse, HtmlError> {
    Ok(match recovery::redeem(&state, token.into_inner()).await? {
        Ok(recovered) => {
            let manage_url = state.links().to(locale.lang, &format!("/manage/{}", recovered.manage_token));
            let markup = views::recovery::recovered(&locale, recovered.listing_id, &manage_url);
            private(html_response(StatusCode::OK, markup))
        }
        Err(why) => refused(&locale, why),
    })
}

/// A link that no longer works: `410 Gone` once used or expired, `404` when never sent.
fn refused(locale: &Locale, why: Unusable) -> HttpResponse {
    let status = if why == Unusable::Unknown { StatusCode::NOT_FOUND } else { StatusCode::GONE };
    html_response(status, views::recovery::unusable(locale, why))
}
