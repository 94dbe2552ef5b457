//! `/manage/{token}`: a clinician's private page to see, edit or withdraw their listing.

use actix_web::http::StatusCode;
use actix_web::web::{Bytes, Path};
use actix_web::{get, post, HttpResponse};

use super::submit::parse_form;
use super::{form_pairs, html_response, HtmlError};
use crate::app::{manage, AppState};
use crate::domain::listing::Parsed;
use crate::views;
use crate::web::State;

async fn page(state: &AppState, token: String, notice: Option<&str>) -> Result<HttpResponse, HtmlError> {
    let status = manage::status(state, token.clone()).await?;
    Ok(html_response(StatusCode::OK, views::manage::manage(&token, &status, None, notice)))
}

#[get("/manage/{token}")]
#[tracing::instrument(skip_all)]
pub async fn show(state: State, token: Path<String>) -> Result<HttpResponse, HtmlError> {
    page(&state, token.into_inner(), None).await
}

#[post("/manage/{token}")]
#[tracing::instrument(skip_all)]
pub async fn edit(state: State, token: Path<String>, body: Bytes) -> Result<HttpResponse, HtmlError> {
    let token = token.into_inner();
    let pairs = form_pairs(&body);
    let listing = match parse_form(&state, &pairs) {
        Ok(Parsed::Listing(listing)) => listing,
        Ok(Parsed::Honeypot) => return page(&state, token, None).await,
        Err(errors) => {
            let status = manage::status(&state, token.clone()).await?;
            let markup = views::manage::manage(&token, &status, Some((&pairs, &errors)), None);
            return Ok(html_response(StatusCode::UNPROCESSABLE_ENTITY, markup));
        }
    };
    manage::edit(&state, token.clone(), listing).await?;
    page(&state, token, Some("Thank you. Your new version is waiting for review.")).await
}

#[post("/manage/{token}/withdraw")]
#[tracing::instrument(skip_all)]
pub async fn withdraw(state: State, token: Path<String>, body: Bytes) -> Result<HttpResponse, HtmlError> {
    let token = token.into_inner();
    if !form_pairs(&body).iter().any(|(name, value)| name == "confirm" && value == "yes") {
        return page(&state, token, Some("Nothing changed: tick the box to confirm that you want to withdraw.")).await;
    }
    manage::withdraw(&state, token.clone()).await?;
    page(&state, token, Some("Your listing is withdrawn and no longer public.")).await
}
