//! `/manage/{token}`: a clinician's private page to see, edit or withdraw their listing.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};

use super::submit::listing_input;
use super::{form_pairs, html_response, HtmlError};
use crate::db::listings::Listing;
use crate::db::submissions::Submission;
use crate::domain::listing::{NewListing, Parsed};
use crate::views;
use crate::web::api::manage::{listing_for, manage_view_for};
use crate::web::extract::ManageToken;
use crate::web::state::AppState;

async fn page(state: &AppState, token: String, notice: Option<&str>) -> Result<HttpResponse, HtmlError> {
    let key = ManageToken(token.clone());
    let view = state.db(move |conn| manage_view_for(conn, &key)).await?;
    Ok(html_response(StatusCode::OK, views::manage::manage(&token, &view, None, notice)))
}

#[get("/manage/{token}")]
pub async fn show(state: web::Data<AppState>, token: web::Path<String>) -> Result<HttpResponse, HtmlError> {
    page(&state, token.into_inner(), None).await
}

#[post("/manage/{token}")]
pub async fn edit(
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, HtmlError> {
    let token = token.into_inner();
    let pairs = form_pairs(&body);
    let listing = match listing_input(&pairs).and_then(|input| NewListing::parse(input, state.gazetteer)) {
        Ok(Parsed::Listing(listing)) => listing,
        Ok(Parsed::Honeypot) => return page(&state, token, None).await,
        Err(errors) => {
            let key = ManageToken(token.clone());
            let view = state.db(move |conn| manage_view_for(conn, &key)).await?;
            let markup = views::manage::manage(&token, &view, Some((&pairs, &errors)), None);
            return Ok(html_response(StatusCode::UNPROCESSABLE_ENTITY, markup));
        }
    };
    let key = ManageToken(token.clone());
    state
        .db(move |conn| {
            let current = listing_for(conn, &key)?;
            Submission::create_edit(conn, current.id, &listing)
        })
        .await?;
    page(&state, token, Some("Thank you. Your new version is waiting for review.")).await
}

#[post("/manage/{token}/withdraw")]
pub async fn withdraw(
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, HtmlError> {
    let token = token.into_inner();
    if !form_pairs(&body).iter().any(|(k, v)| k == "confirm" && v == "yes") {
        return page(&state, token, Some("Nothing changed: tick the box to confirm that you want to withdraw.")).await;
    }
    let (key, search) = (ManageToken(token.clone()), state.search.clone());
    state
        .db(move |conn| {
            let listing = listing_for(conn, &key)?;
            Listing::withdraw(conn, listing.id)?;
            Ok(search.refresh(conn, listing.id)?)
        })
        .await?;
    page(&state, token, Some("Your listing is withdrawn and no longer public.")).await
}
