//! `/` and `/search`: the search form and its results.

use actix_web::http::StatusCode;
use actix_web::{get, HttpRequest, HttpResponse};

use actix_web::ResponseError;

use super::{html_response, HtmlError};
use crate::error::AppError;
use crate::search::query::{SearchParams, SearchQuery};
use crate::views;
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

#[get("/")]
#[tracing::instrument(level = "debug", skip_all)]
pub async fn home(req: HttpRequest) -> HttpResponse {
    html_response(StatusCode::OK, views::search::home(&search_params(&req).0))
}

#[get("/search")]
#[tracing::instrument(level = "debug", skip_all)]
pub async fn results(state: State, req: HttpRequest) -> HttpResponse {
    let (shown, params) = search_params(&req);
    match SearchQuery::parse(&params, state.gazetteer) {
        Ok(query) => {
            let markup = state.search.index.search_with(&query, |page| views::search::results(&shown, &query, &page));
            html_response(StatusCode::OK, markup)
        }
        Err(AppError::Validation(errors)) => {
            html_response(StatusCode::UNPROCESSABLE_ENTITY, views::search::with_errors(&shown, &errors))
        }
        Err(other) => HtmlError(other).error_response(),
    }
}
