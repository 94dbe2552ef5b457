//! `/clinicians/{id}` (the public profile and its report form) and `/questions`.

use actix_web::http::StatusCode;
use actix_web::web::{Bytes, Path};
use actix_web::{get, post, HttpRequest, HttpResponse};

use super::{form_pairs, html_response, HtmlError};
use crate::app::listings::{self, Found};
use crate::app::reports;
use crate::domain::report::NewReport;
use crate::error::AppError;
use crate::search::query::SearchParams;
use crate::views;
use crate::views::locale::Locale;
use crate::views::profile::ReportState;
use crate::web::conditional;
use crate::web::extract::client_key;
use crate::web::State;

/// The longest search a profile links back to.
const MOST_BACK: usize = 2_000;

/// A profile opened from a search's card carries the search as its query,
/// for its link back to the results.
#[get("/clinicians/{id}")]
#[tracing::instrument(skip(state, locale, req))]
pub async fn show(state: State, locale: Locale, id: Path<i64>, req: HttpRequest) -> Result<HttpResponse, HtmlError> {
    // Read and written again, so the link carries nothing but encoded search parameters.
    let back = Some(req.query_string()).filter(|query| !query.is_empty() && query.len() <= MOST_BACK);
    let back = back.map(|query| SearchParams::from_query_string(query).to_query_string());
    match listings::find(&state, id.into_inner()).await? {
        Found::Public(listing) => {
            let page = views::profile::profile(&locale, &listing, ReportState::Blank, back.as_deref());
            Ok(conditional::respond(
                &req,
                StatusCode::OK,
                "text/html; charset=utf-8",
                page.into_string().into_bytes(),
                None,
            ))
        }
        Found::Lapsed => Ok(html_response(StatusCode::GONE, views::profile::lapsed(&locale))),
    }
}

#[post("/clinicians/{id}/reports")]
#[tracing::instrument(skip_all)]
pub async fn report(
    state: State,
    locale: Locale,
    req: HttpRequest,
    id: Path<i64>,
    body: Bytes,
) -> Result<HttpResponse, HtmlError> {
    let id = id.into_inner();
    let listing = listings::public_listing(&state, id).await?;
    let pairs = form_pairs(&body);
    let field = |name: &str| pairs.iter().find(|(key, _)| key == name).map(|(_, value)| value.clone());
    let (reason, details) = (field("reason"), field("details"));
    let report = match NewReport::parse(reason.clone(), details.clone()) {
        Ok(report) => report,
        Err(AppError::Validation(errors)) => {
            let state = ReportState::Invalid {
                reason: reason.as_deref().unwrap_or(""),
                details: details.as_deref().unwrap_or(""),
                errors: &errors,
            };
            return Ok(html_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::profile::profile(&locale, &listing, state, None),
            ));
        }
        Err(other) => return Err(other.into()),
    };
    reports::file(&state, &client_key(&req), id, report).await?;
    Ok(html_response(StatusCode::OK, views::profile::profile(&locale, &listing, ReportState::Sent, None)))
}

#[get("/questions")]
#[tracing::instrument(skip_all)]
pub async fn questions(locale: Locale) -> HttpResponse {
    html_response(StatusCode::OK, views::profile::questions(&locale))
}
