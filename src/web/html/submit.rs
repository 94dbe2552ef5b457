//! `/submit`: the clinician's form, without JavaScript.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde_json::{Map, Value};

use super::{form_pairs, html_response, HtmlError};
use crate::app::submissions::{self, Outcome};
use crate::app::AppState;
use crate::domain::listing::{ListingInput, NewListing, Parsed};
use crate::error::AppError;
use crate::error::FieldError;
use crate::views;
use crate::web::extract::client_key;

/// The form's fields as the API's `ListingInput`: checkboxes repeat a name,
/// licences and languages are typed as comma-separated codes.
pub(super) fn listing_input(pairs: &[(String, String)]) -> Result<ListingInput, Vec<FieldError>> {
    let mut object = Map::new();
    let mut answers = Map::new();
    let mut errors = Vec::new();
    for (name, value) in pairs {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match name.as_str() {
            "taper_approaches" | "criteria" => {
                let list = object.entry(name.clone()).or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(items) = list {
                    items.push(Value::String(value.to_string()));
                }
            }
            "licensed_regions" | "languages" => {
                let items = value.split([',', ' ', ';']).filter(|s| !s.is_empty()).map(|s| Value::String(s.into()));
                object.insert(name.clone(), Value::Array(items.collect()));
            }
            "telehealth" | "accepting_new_patients" => {
                object.insert(name.clone(), Value::Bool(value == "true"));
            }
            "latitude" | "longitude" | "max_monthly_reduction_pct" => match value.parse::<f64>() {
                Ok(n) if name == "max_monthly_reduction_pct" && n.fract() == 0.0 => {
                    object.insert(name.clone(), Value::from(n as i64));
                }
                Ok(n) if name != "max_monthly_reduction_pct" => {
                    object.insert(name.clone(), serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number));
                }
                _ => errors.push(FieldError::new(name, "must be a number")),
            },
            other => match other.strip_prefix("answers.") {
                Some(question) => {
                    answers.insert(question.to_string(), Value::String(value.to_string()));
                }
                None => {
                    object.insert(other.to_string(), Value::String(value.to_string()));
                }
            },
        }
    }
    if !answers.is_empty() {
        object.insert("answers".into(), Value::Object(answers));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    serde_json::from_value(Value::Object(object)).map_err(|e| vec![FieldError::new("form", &e.to_string())])
}

#[get("/submit")]
#[tracing::instrument(skip_all)]
pub async fn form() -> HttpResponse {
    html_response(StatusCode::OK, views::submit::form(&[], &[]))
}

/// The form's fields parsed as a listing; a bad one is shown again with its errors.
pub(super) fn parse_form(state: &AppState, pairs: &[(String, String)]) -> Result<Parsed, Vec<FieldError>> {
    let input = listing_input(pairs)?;
    match NewListing::parse(input, state.gazetteer) {
        Ok(parsed) => Ok(parsed),
        Err(AppError::Validation(errors)) => Err(errors),
        Err(other) => Err(vec![FieldError::new("form", &other.to_string())]),
    }
}

#[post("/submit")]
#[tracing::instrument(skip_all)]
pub async fn submit(state: web::Data<AppState>, req: HttpRequest, body: web::Bytes) -> Result<HttpResponse, HtmlError> {
    let pairs = form_pairs(&body);
    let parsed = match parse_form(&state, &pairs) {
        Ok(parsed) => parsed,
        Err(errors) => {
            return Ok(html_response(StatusCode::UNPROCESSABLE_ENTITY, views::submit::form(&pairs, &errors)))
        }
    };
    Ok(match submissions::submit(&state, &client_key(&req), parsed).await? {
        Outcome::Stored(receipt) => {
            html_response(StatusCode::CREATED, views::submit::received(receipt.listing_id, &receipt.manage_url))
        }
        Outcome::Dropped => {
            let thanks = "Thank you. A moderator will review your listing.";
            html_response(StatusCode::OK, views::layout::message_page("Submission received", thanks))
        }
    })
}
