//! `/clinicians/{id}/claim` (someone says an unclaimed listing is theirs) and
//! `/claim/{token}` (the one-time link that confirms it).

use actix_web::http::StatusCode;
use actix_web::web::{Bytes, Path};
use actix_web::{get, post, HttpRequest, HttpResponse};

use super::{form_pairs, html_response, private, HtmlError};
use crate::app::listing_claims;
use crate::app::listings::{self, PublicListing};
use crate::app::recovery::Unusable;
use crate::domain::claim::NewClaim;
use crate::error::AppError;
use crate::views;
use crate::views::claim::ClaimForm;
use crate::views::locale::Locale;
use crate::web::extract::{client_key, same_site_only};
use crate::web::State;

/// The listing, while it is public and unclaimed: a claimed one conflicts.
async fn open_to_claim(state: &State, id: i64) -> Result<PublicListing, AppError> {
    let listing = listings::public_listing(state, id).await?;
    if listing.claimed {
        return Err(AppError::Conflict("this listing is already claimed".into()));
    }
    Ok(listing)
}

#[get("/clinicians/{id}/claim")]
#[tracing::instrument(skip(state, locale))]
pub async fn form(state: State, locale: Locale, id: Path<i64>) -> Result<HttpResponse, HtmlError> {
    let listing = open_to_claim(&state, id.into_inner()).await?;
    let markup = views::claim::form(&locale, listing.id, &listing.full_name, &ClaimForm::default(), &[]);
    Ok(html_response(StatusCode::OK, markup))
}

#[post("/clinicians/{id}/claim")]
#[tracing::instrument(skip_all)]
pub async fn claim(
    state: State,
    locale: Locale,
    req: HttpRequest,
    id: Path<i64>,
    body: Bytes,
) -> Result<HttpResponse, HtmlError> {
    same_site_only(&req, &state.settings)?;
    let listing = open_to_claim(&state, id.into_inner()).await?;
    let pairs = form_pairs(&body);
    let field = |name: &str| pairs.iter().find(|(key, _)| key == name).map(|(_, value)| value.clone());
    // A person never fills the hidden field: a bot is answered as anyone, and nothing is kept.
    if field("website_url_confirm").is_some_and(|value| !value.trim().is_empty()) {
        return Ok(html_response(StatusCode::OK, views::claim::sent(&locale, listing.id)));
    }
    let (email, npi, message) = (field("email"), field("npi"), field("message"));
    let claim = match NewClaim::parse(email.clone(), npi.clone(), message.clone()) {
        Ok(claim) => claim,
        Err(AppError::Validation(errors)) => {
            let typed = ClaimForm {
                email: email.as_deref().unwrap_or(""),
                npi: npi.as_deref().unwrap_or(""),
                message: message.as_deref().unwrap_or(""),
            };
            let markup = views::claim::form(&locale, listing.id, &listing.full_name, &typed, &errors);
            return Ok(html_response(StatusCode::UNPROCESSABLE_ENTITY, markup));
        }
        Err(other) => return Err(other.into()),
    };
    listing_claims::file(&state, &client_key(&req), locale.lang, listing.id, claim).await?;
    Ok(html_response(StatusCode::OK, views::claim::sent(&locale, listing.id)))
}

#[get("/claim/{token}")]
#[tracing::instrument(skip_all)]
pub async fn open(state: State, locale: Locale, token: Path<String>) -> Result<HttpResponse, HtmlError> {
    let token = token.into_inner();
    Ok(match listing_claims::check(&state, token.clone()).await? {
        Ok(()) => private(html_response(StatusCode::OK, views::claim::confirm(&locale, &token))),
        Err(why) => refused(&locale, why),
    })
}

#[post("/claim/{token}")]
#[tracing::instrument(skip_all)]
pub async fn confirm(
    state: State,
    locale: Locale,
    req: HttpRequest,
    token: Path<String>,
) -> Result<HttpResponse, HtmlError> {
    same_site_only(&req, &state.settings)?;
    Ok(match listing_claims::confirm(&state, token.into_inner(), locale.lang).await? {
        Ok(listing_id) => private(html_response(StatusCode::OK, views::claim::done(&locale, listing_id))),
        Err(why) => refused(&locale, why),
    })
}

/// A link that no longer works: `410 Gone` once used or expired, `404` when never sent.
fn refused(locale: &Locale, why: Unusable) -> HttpResponse {
    let status = if why == Unusable::Unknown { StatusCode::NOT_FOUND } else { StatusCode::GONE };
    html_response(status, views::claim::unusable(locale, why))
}
