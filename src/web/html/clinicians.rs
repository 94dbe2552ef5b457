//! `/clinicians/{id}` (the public profile and its report form) and `/questions`.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};

use super::{form_pairs, html_response, HtmlError};
use crate::db::listings::Listing;
use crate::db::reports::Report;
use crate::views;
use crate::views::profile::ReportState;
use crate::web::api::clinicians::{parse_report, ReportInput};
use crate::web::extract::client_key;
use crate::web::state::AppState;

#[get("/clinicians/{id}")]
pub async fn show(state: web::Data<AppState>, id: web::Path<i64>) -> Result<HttpResponse, HtmlError> {
    let id = id.into_inner();
    let listing = state.db(move |conn| Ok(Listing::find_public(conn, id)?)).await?;
    Ok(html_response(StatusCode::OK, views::profile::profile(&listing, ReportState::Blank)))
}

#[post("/clinicians/{id}/reports")]
pub async fn report(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
    body: web::Bytes,
) -> Result<HttpResponse, HtmlError> {
    let id = id.into_inner();
    let listing = state.db(move |conn| Ok(Listing::find_public(conn, id)?)).await?;
    let pairs = form_pairs(&body);
    let field = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let (reason, details) = (field("reason"), field("details"));
    let input = ReportInput { reason: reason.clone(), details: details.clone() };
    let (reason_code, details_text) = match parse_report(input) {
        Ok(parsed) => parsed,
        Err(crate::error::AppError::Validation(errors)) => {
            let state = ReportState::Invalid {
                reason: reason.as_deref().unwrap_or(""),
                details: details.as_deref().unwrap_or(""),
                errors: &errors,
            };
            return Ok(html_response(StatusCode::UNPROCESSABLE_ENTITY, views::profile::profile(&listing, state)));
        }
        Err(other) => return Err(other.into()),
    };
    state.reports.hit(&client_key(&req))?;
    state.db(move |conn| Ok(Report::create(conn, id, &reason_code, details_text.as_deref())?)).await?;
    Ok(html_response(StatusCode::OK, views::profile::profile(&listing, ReportState::Sent)))
}

#[get("/questions")]
pub async fn questions() -> HttpResponse {
    html_response(StatusCode::OK, views::profile::questions())
}
