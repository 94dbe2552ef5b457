//! `/moderate/claims`: claims on unclaimed listings that wait for a
//! moderator, and the decisions on them.

use actix_web::http::StatusCode;
use actix_web::web::{Bytes, Path};
use actix_web::{get, post, HttpRequest, HttpResponse};

use super::{bench, gate, moderator, open_gate, see_other, Fields, Gate};
use crate::app::listing_claims;
use crate::domain::moderation::required_note;
use crate::views::locale::Locale;
use crate::views::moderate as views;
use crate::web::html::{form_pairs, html_response, HtmlError};
use crate::web::State;

/// Claims shown at once; the oldest wait the longest.
const SHOWN: i64 = 50;

#[get("/moderate/claims")]
#[tracing::instrument(skip_all)]
pub async fn waiting(state: State, locale: Locale, req: HttpRequest) -> Result<HttpResponse, HtmlError> {
    let moderator = open_gate!(state, locale, req);
    let claims = listing_claims::waiting(&state, SHOWN).await?;
    let markup = views::claims::waiting_claims(&locale, &bench(&moderator), &claims, super::notice(&req).as_ref());
    Ok(html_response(StatusCode::OK, markup))
}

#[post("/moderate/claims/{id}/approve")]
#[tracing::instrument(skip_all)]
pub async fn approve(
    state: State,
    locale: Locale,
    req: HttpRequest,
    id: Path<i64>,
    body: Bytes,
) -> Result<HttpResponse, HtmlError> {
    let fields = Fields(form_pairs(&body));
    let moderator = moderator(&state, &req, &fields).await?;
    listing_claims::approve(&state, moderator.actor(), id.into_inner()).await?;
    Ok(see_other(locale.href("/moderate/claims?done=claim-approved")))
}

#[post("/moderate/claims/{id}/reject")]
#[tracing::instrument(skip_all)]
pub async fn reject(
    state: State,
    locale: Locale,
    req: HttpRequest,
    id: Path<i64>,
    body: Bytes,
) -> Result<HttpResponse, HtmlError> {
    let fields = Fields(form_pairs(&body));
    let moderator = moderator(&state, &req, &fields).await?;
    let reason = required_note("reason", fields.get("reason"))?;
    listing_claims::reject(&state, moderator.actor(), id.into_inner(), reason).await?;
    Ok(see_other(locale.href("/moderate/claims?done=claim-rejected")))
}
