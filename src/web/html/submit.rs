//! `/submit`: the clinician's form, without JavaScript.

use actix_web::http::StatusCode;
use actix_web::web::Bytes;
use actix_web::{get, post, HttpRequest, HttpResponse};
use serde_json::{Map, Value};

use super::{form_pairs, html_response, HtmlError};
use crate::app::submissions::{self, Outcome};
use crate::app::AppState;
use crate::domain::listing::{ListingInput, NewListing, Parsed};
use crate::error::AppError;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::t;
use crate::views;
use crate::views::form_rows::{adds_a_row, FormRow, RowGroup, GROUPS};
use crate::views::locale::Locale;
use crate::views::words;
use crate::web::extract::client_key;
use crate::web::State;

/// The form's fields as the API's `ListingInput`: checkboxes and lists
/// repeat a name, insurers come one a line, `group.key` names fill the nested
/// `answers` and prices, phone numbers and opening hours come a row each
/// (`phones.N.number`), and a region may be typed by its name.
pub(super) fn listing_input(pairs: &[(String, String)]) -> Result<ListingInput, Vec<FieldError>> {
    let mut object = Map::new();
    let mut errors: Vec<FieldError> = pairs
        .iter()
        .map(|(name, value)| (name.as_str(), value.trim()))
        .filter(|(_, value)| !value.is_empty())
        .filter_map(|(name, value)| place_field(&mut object, name, value).err())
        .collect();
    region_by_name(&mut object);
    for group in GROUPS {
        let mut rows = Vec::new();
        for (index, row) in group.rows(pairs).iter().enumerate() {
            match row_object(group, index, row) {
                Ok(row) => rows.push(row),
                Err(error) => errors.push(error),
            }
        }
        if !rows.is_empty() {
            object.insert(group.name.into(), Value::Array(rows));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Only a form changed by hand sends fields the listing does not have.
    serde_json::from_value(Value::Object(object)).map_err(|_| vec![unreadable()])
}

/// A row as the API takes it (a `PhoneInput`, an `HoursInput`, a
/// `LocationInput`), its blank parts absent, its coordinates numbers and its
/// region by code.
fn row_object(group: &RowGroup, index: usize, row: &FormRow) -> Result<Value, FieldError> {
    let mut object = Map::new();
    for part in group.parts.iter().map(|part| part.name) {
        let value = row.get(part);
        if value.is_empty() {
            continue;
        }
        let value = match part {
            "latitude" | "longitude" => number(&format!("{}[{index}].{part}", group.name), value)?,
            _ => Value::from(value),
        };
        object.insert(part.to_string(), value);
    }
    country_by_name(&mut object);
    region_by_name(&mut object);
    Ok(Value::Object(object))
}

/// A coordinate as typed, such as `45.52`.
fn number(name: &str, value: &str) -> Result<Value, FieldError> {
    match value.parse::<f64>().ok().and_then(serde_json::Number::from_f64) {
        Some(number) => Ok(Value::Number(number)),
        None => Err(FieldError::new(name, Text::new("form-error-number"))),
    }
}

/// An error about the whole form, which only a form changed by hand can cause.
fn unreadable() -> FieldError {
    FieldError::new("form", Text::new("form-error-unreadable"))
}

/// A further place's country typed by its name ("Canadá") or code ("ca")
/// as its code ("CA"); an unknown one is left as typed, for the listing's
/// rules to refuse.
fn country_by_name(object: &mut Map<String, Value>) {
    if let Some(Value::String(country)) = object.get_mut("country") {
        if let Some(code) = words::country_code(country) {
            *country = code.to_string();
        }
    }
}

/// A region typed by its name ("Oregon", "Oregón") or code ("or") as the
/// code the listing keeps ("OR"); an unknown one is left as typed, for the
/// listing's rules to refuse.
fn region_by_name(object: &mut Map<String, Value>) {
    let country = object.get("country").and_then(Value::as_str).unwrap_or("US").to_string();
    if let Some(Value::String(region)) = object.get_mut("region") {
        if let Some(code) = words::region_code(&country, region) {
            *region = code.to_string();
        }
    }
}

/// Puts one form field where `ListingInput` expects it.
fn place_field(object: &mut Map<String, Value>, name: &str, value: &str) -> Result<(), FieldError> {
    let text = |text: &str| Value::String(text.to_string());
    let list = |items: Vec<Value>| Value::Array(items);
    let placed = match name {
        // Read a row at a time, the empty ones left out.
        _ if GROUPS.iter().any(|group| group.holds(name)) => return Ok(()),
        "taper_approaches" | "criteria" | "payment_options" | "licensed_regions" | "languages" => {
            if let Value::Array(items) = object.entry(name).or_insert_with(|| list(Vec::new())) {
                items.push(text(value));
            }
            return Ok(());
        }
        // Names may hold commas: one a line.
        "insurers" => list(value.lines().map(str::trim).filter(|line| !line.is_empty()).map(text).collect()),
        "telehealth" | "accepting_new_patients" => Value::Bool(value == "true"),
        "latitude" | "longitude" => number(name, value)?,
        "max_monthly_reduction_pct" => whole(name, value)?,
        _ => match name.split_once('.') {
            Some((group, key)) => {
                let inner = if group == "answers" { text(value) } else { whole(name, value)? };
                if let Value::Object(fields) = object.entry(group).or_insert_with(|| Value::Object(Map::new())) {
                    fields.insert(key.to_string(), inner);
                }
                return Ok(());
            }
            None => text(value),
        },
    };
    object.insert(name.to_string(), placed);
    Ok(())
}

/// A whole number as typed, such as `10` or `10.0`.
fn whole(name: &str, value: &str) -> Result<Value, FieldError> {
    match value.parse::<f64>() {
        Ok(number) if number.fract() == 0.0 && number.abs() < 1e15 => Ok(Value::from(number as i64)),
        _ => Err(FieldError::new(name, Text::new("form-error-whole-number"))),
    }
}

#[get("/submit")]
#[tracing::instrument(skip_all)]
pub async fn form(locale: Locale) -> HttpResponse {
    html_response(StatusCode::OK, views::submit::form(&locale, &[], &[]))
}

/// The form's fields parsed as a listing; a bad one is shown again with its errors.
pub(super) fn parse_form(state: &AppState, pairs: &[(String, String)]) -> Result<Parsed, Vec<FieldError>> {
    let input = listing_input(pairs)?;
    match NewListing::parse(input, state.gazetteer) {
        Ok(parsed) => Ok(parsed),
        Err(AppError::Validation(errors)) => Err(errors),
        // `parse` reports bad fields as `Validation`; nothing else is the clinician's to fix.
        Err(other) => {
            tracing::warn!(error = %other.cause_chain(), "a listing form could not be parsed");
            Err(vec![unreadable()])
        }
    }
}

#[post("/submit")]
#[tracing::instrument(skip_all)]
pub async fn submit(state: State, locale: Locale, req: HttpRequest, body: Bytes) -> Result<HttpResponse, HtmlError> {
    let pairs = form_pairs(&body);
    if adds_a_row(&pairs) {
        return Ok(html_response(StatusCode::OK, views::submit::form(&locale, &pairs, &[])));
    }
    let parsed = match parse_form(&state, &pairs) {
        Ok(parsed) => parsed,
        Err(errors) => {
            return Ok(html_response(StatusCode::UNPROCESSABLE_ENTITY, views::submit::form(&locale, &pairs, &errors)))
        }
    };
    Ok(match submissions::submit(&state, &client_key(&req), parsed, locale.lang).await? {
        Outcome::Stored(receipt) => {
            let markup = views::submit::received(&locale, receipt.listing_id, &receipt.manage_url);
            html_response(StatusCode::CREATED, markup)
        }
        Outcome::Dropped => {
            let (title, thanks) = (t!(locale, "submit-received-title"), t!(locale, "submit-dropped"));
            let markup = views::layout::message_page(&locale, &title, &thanks, &views::layout::WayOn::search(&locale));
            html_response(StatusCode::OK, markup)
        }
    })
}
