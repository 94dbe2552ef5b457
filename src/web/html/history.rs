//! `/history`: the history sheet for a first visit. What a patient types
//! is health data: it is only shown back, never stored and never logged
//! (no field is recorded in a span or event), and the answers say
//! `Cache-Control: no-store`.

use actix_web::http::StatusCode;
use actix_web::web::Bytes;
use actix_web::{get, post, HttpResponse};

use super::{form_pairs, html_response, private};
use crate::views;
use crate::views::history::{FIELDS, MOST_CHARACTERS};
use crate::views::locale::Locale;

/// A page that no cache may keep.
fn not_stored(markup: maud::Markup) -> HttpResponse {
    private(html_response(StatusCode::OK, markup))
}

#[get("/history")]
#[tracing::instrument(skip_all)]
pub async fn form(locale: Locale) -> HttpResponse {
    not_stored(views::history::blank(&locale))
}

#[post("/history")]
#[tracing::instrument(skip_all)]
pub async fn sheet(locale: Locale, body: Bytes) -> HttpResponse {
    // The sheet's own fields only, each cut to the longest the form takes.
    let answers: Vec<(String, String)> = form_pairs(&body)
        .into_iter()
        .filter(|(name, _)| FIELDS.iter().any(|(field, ..)| field == name))
        .map(|(name, value)| (name, value.trim().chars().take(MOST_CHARACTERS).collect()))
        .collect();
    not_stored(views::history::sheet(&locale, &answers))
}
