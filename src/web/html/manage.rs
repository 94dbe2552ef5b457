//! `/manage/{token}`: a clinician's private page to see, edit or withdraw their listing.

use actix_web::http::StatusCode;
use actix_web::web::{Bytes, Path};
use actix_web::{get, post, HttpRequest, HttpResponse};

use super::submit::parse_form;
use super::{form_pairs, html_response, HtmlError};
use crate::app::{manage, AppState};
use crate::domain::listing::Parsed;
use crate::i18n::Text;
use crate::views;
use crate::views::locale::Locale;
use crate::web::extract::client_key;
use crate::web::State;

async fn page(
    state: &AppState,
    locale: &Locale,
    token: String,
    notice: Option<Text>,
) -> Result<HttpResponse, HtmlError> {
    let status = manage::status(state, token.clone()).await?;
    Ok(html_response(StatusCode::OK, views::manage::manage(locale, &token, &status, None, notice.as_ref())))
}

#[get("/manage/{token}")]
#[tracing::instrument(skip_all)]
pub async fn show(state: State, locale: Locale, token: Path<String>) -> Result<HttpResponse, HtmlError> {
    page(&state, &locale, token.into_inner(), None).await
}

#[post("/manage/{token}")]
#[tracing::instrument(skip_all)]
pub async fn edit(
    state: State,
    locale: Locale,
    req: HttpRequest,
    token: Path<String>,
    body: Bytes,
) -> Result<HttpResponse, HtmlError> {
    let token = token.into_inner();
    let pairs = form_pairs(&body);
    let listing = match parse_form(&state, &pairs) {
        Ok(Parsed::Listing(listing)) => listing,
        Ok(Parsed::Honeypot) => return page(&state, &locale, token, None).await,
        Err(errors) => {
            let status = manage::status(&state, token.clone()).await?;
            let markup = views::manage::manage(&locale, &token, &status, Some((&pairs, &errors)), None);
            return Ok(html_response(StatusCode::UNPROCESSABLE_ENTITY, markup));
        }
    };
    manage::edit(&state, &client_key(&req), token.clone(), listing).await?;
    page(&state, &locale, token, Some(Text::new("manage-notice-edited"))).await
}

#[post("/manage/{token}/withdraw")]
#[tracing::instrument(skip_all)]
pub async fn withdraw(
    state: State,
    locale: Locale,
    token: Path<String>,
    body: Bytes,
) -> Result<HttpResponse, HtmlError> {
    let token = token.into_inner();
    if !form_pairs(&body).iter().any(|(name, value)| name == "confirm" && value == "yes") {
        return page(&state, &locale, token, Some(Text::new("manage-notice-unconfirmed"))).await;
    }
    manage::withdraw(&state, token.clone()).await?;
    page(&state, &locale, token, Some(Text::new("manage-notice-withdrawn"))).await
}

/// "My details are still correct": a lapsed listing is public again at once.
#[post("/manage/{token}/confirm")]
#[tracing::instrument(skip_all)]
pub async fn confirm(state: State, locale: Locale, token: Path<String>) -> Result<HttpResponse, HtmlError> {
    let token = token.into_inner();
    let status = manage::confirm(&state, token.clone()).await?;
    let notice = Text::new("manage-notice-confirmed");
    Ok(html_response(StatusCode::OK, views::manage::manage(&locale, &token, &status, None, Some(&notice))))
}
