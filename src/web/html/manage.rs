//! `/manage/{token}`: a clinician's private page to see, edit or withdraw their listing.

use actix_web::http::StatusCode;
use actix_web::web::{Bytes, Path};
use actix_web::{get, post, HttpRequest, HttpResponse};

use super::submit::parse_form;
use super::{form_pairs, html_response, HtmlError};
use crate::app::manage::Edited;
use crate::app::{manage, AppState};
use crate::domain::listing::Parsed;
use crate::views;
use crate::views::form_rows::adds_a_row;
use crate::views::layout::Notice;
use crate::views::locale::Locale;
use crate::web::extract::client_key;
use crate::web::State;

async fn page(
    state: &AppState,
    locale: &Locale,
    token: String,
    notice: Option<Notice>,
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
    if adds_a_row(&pairs) {
        let status = manage::status(&state, token.clone()).await?;
        return Ok(html_response(
            StatusCode::OK,
            views::manage::manage(&locale, &token, &status, Some((&pairs, &[])), None),
        ));
    }
    let listing = match parse_form(&state, &pairs) {
        Ok(Parsed::Listing(listing)) => listing,
        Ok(Parsed::Honeypot) => return page(&state, &locale, token, None).await,
        Err(errors) => {
            let status = manage::status(&state, token.clone()).await?;
            let markup = views::manage::manage(&locale, &token, &status, Some((&pairs, &errors)), None);
            return Ok(html_response(StatusCode::UNPROCESSABLE_ENTITY, markup));
        }
    };
    let accepting = listing.content().accepting_new_patients;
    let notice = match manage::edit(&state, &client_key(&req), token.clone(), listing).await? {
        Edited::Published(_) => {
            Notice::success(if accepting { "manage-notice-now-accepting" } else { "manage-notice-now-not-accepting" })
        }
        Edited::Review(received) if received.published.is_empty() => Notice::success("manage-notice-edited"),
        Edited::Review(_) => Notice::success("manage-notice-edited-availability-public"),
    };
    page(&state, &locale, token, Some(notice)).await
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
        return page(&state, &locale, token, Some(Notice::warning("manage-notice-unconfirmed"))).await;
    }
    manage::withdraw(&state, token.clone()).await?;
    page(&state, &locale, token, Some(Notice::success("manage-notice-withdrawn"))).await
}

/// "My details are still correct": a lapsed listing is public again at once.
#[post("/manage/{token}/confirm")]
#[tracing::instrument(skip_all)]
pub async fn confirm(state: State, locale: Locale, token: Path<String>) -> Result<HttpResponse, HtmlError> {
    let token = token.into_inner();
    let status = manage::confirm(&state, token.clone()).await?;
    let notice = Notice::success("manage-notice-confirmed");
    Ok(html_response(StatusCode::OK, views::manage::manage(&locale, &token, &status, None, Some(&notice))))
}
