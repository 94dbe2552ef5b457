//! `/` and `/search`: the search form and its results.

use actix_web::http::StatusCode;
use actix_web::{get, HttpRequest, HttpResponse};

use super::{html_response, HtmlError};
use crate::error::AppError;
use crate::search::query::{SearchParams, SearchQuery, PLACE_AMBIGUOUS};
use crate::views;
use crate::views::locale::Locale;
use crate::views::search::{Nearby, LICENSED_SHOWN, NEAREST_BEYOND};
use crate::web::State;

/// The form's `radius` and `unit` become the API's `radius_mi` or `radius_km`.
fn search_params(req: &HttpRequest) -> (SearchParams, SearchParams) {
    let shown = SearchParams::from_query_string(req.query_string());
    let radius = shown.get("radius").map(str::to_string);
    let unit = if shown.get("unit") == Some("km") { "radius_km" } else { "radius_mi" };
    let mut pairs: Vec<(String, String)> =
        shown.pairs.iter().filter(|(k, _)| k != "radius" && k != "unit").cloned().collect();
    if let Some(radius) = radius {
        pairs.push((unit.to_string(), radius));
    }
    (shown, SearchParams { pairs })
}

/// Below this many matches near a place, the page also shows the nearest
/// beyond the radius and the telehealth clinicians licensed in its region.
const FEW: usize = 3;

/// The results, and what helps when a search from a place finds few (or
/// asks for telehealth): the nearest beyond the radius, the telehealth
/// clinicians licensed in the place's region.
fn results_page(state: &State, locale: &Locale, shown: &SearchParams, query: &SearchQuery) -> maud::Markup {
    let index = &state.search.index;
    let telehealth_ticked = query.center.is_some() && query.telehealth == Some(true);
    // Most searches need nothing more: render from the one search; only a sparse one, or one for telehealth, searches again.
    let found = match index.search_with(query, |page| {
        let few = query.center.is_some() && page.total < FEW;
        (!few && !telehealth_ticked)
            .then(|| views::search::results(locale, shown, query, &page, &Nearby::default()))
            .ok_or((page.total, page.results.len()))
    }) {
        Ok(markup) => return markup,
        Err(found) => found,
    };
    let (total, listed) = found;
    // Enough of each to fill its section after leaving out those the page lists already.
    let beyond = (total < FEW).then(|| query.beyond_radius(total, NEAREST_BEYOND + LICENSED_SHOWN)).flatten();
    let licensed_here = query.licensed_in_its_region(LICENSED_SHOWN + listed + NEAREST_BEYOND + 1);
    index.search_with_more(query, [beyond.as_ref(), licensed_here.as_ref()], |page, [beyond, licensed]| {
        let region = licensed_here.as_ref().and_then(|query| query.licensed_in.as_deref());
        let nearby = Nearby { beyond: beyond.as_ref(), licensed_here: region.zip(licensed.as_ref()) };
        views::search::results(locale, shown, query, &page, &nearby)
    })
}

#[get("/")]
#[tracing::instrument(level = "debug", skip_all)]
pub async fn home(locale: Locale, req: HttpRequest) -> HttpResponse {
    html_response(StatusCode::OK, views::search::home(&locale, &search_params(&req).0))
}

#[get("/search")]
#[tracing::instrument(level = "debug", skip_all)]
pub async fn results(state: State, locale: Locale, req: HttpRequest) -> HttpResponse {
    let (shown, params) = search_params(&req);
    match SearchQuery::parse(&params, state.gazetteer) {
        Ok(query) => html_response(StatusCode::OK, results_page(&state, &locale, &shown, &query)),
        Err(AppError::Validation(errors)) => match errors.as_slice() {
            // The one question is which place: a page of choices, not an error.
            [only] if only.is(PLACE_AMBIGUOUS) => {
                let typed = shown.get("near").unwrap_or_default();
                html_response(StatusCode::OK, views::search::which_place(&locale, &shown, typed, &only.candidates))
            }
            _ => html_response(StatusCode::UNPROCESSABLE_ENTITY, views::search::with_errors(&locale, &shown, &errors)),
        },
        Err(other) => HtmlError(other).page(&locale),
    }
}
