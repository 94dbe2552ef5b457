//! Reports, the listing finder and a listing's record, and the audit trail.

use actix_web::http::StatusCode;
use actix_web::web::{Bytes, Path};
use actix_web::{get, post, HttpRequest, HttpResponse};
use chrono::NaiveDate;

use super::{bench, gate, moderator, open_gate, params, see_other, Fields, Gate};
use crate::app::accounts;
use crate::app::moderation::{self, audit_filter, required_search, ListingChange, FOUND_SHOWN};
use crate::domain::moderation::{optional_note, required_note, AuditAction};
use crate::domain::FieldErrors;
use crate::error::AppError;
use crate::i18n::Text;
use crate::views::locale::Locale;
use crate::views::moderate::audit::{AuditForm, AuditPage};
use crate::views::moderate::{self as views, Pages};
use crate::web::html::{form_pairs, html_response, HtmlError};
use crate::web::State;

/// Reported listings on one page, the one reported earliest first.
const REPORTED_LISTINGS_PAGE: i64 = 10;

/// The page number asked for (from 1), as the number of pages to skip.
fn pages_to_skip(req: &HttpRequest) -> i64 {
    params(req).get("page").and_then(|page| page.parse::<i64>().ok()).filter(|page| *page >= 1).unwrap_or(1) - 1
}

#[get("/moderate/reports")]
#[tracing::instrument(skip_all)]
pub async fn reports(state: State, locale: Locale, req: HttpRequest) -> Result<HttpResponse, HtmlError> {
    let moderator = open_gate!(state, locale, req);
    let skip = pages_to_skip(&req);
    let groups = moderation::report_groups(&state, skip, REPORTED_LISTINGS_PAGE).await?;
    let pages = Pages::of(skip + 1, groups.listings, REPORTED_LISTINGS_PAGE);
    let markup =
        views::reports::open_reports(&locale, &bench(&moderator), &groups, &pages, super::notice(&req).as_ref());
    Ok(html_response(StatusCode::OK, markup))
}

#[post("/moderate/reports/{id}/resolve")]
#[tracing::instrument(skip_all)]
pub async fn resolve(
    state: State,
    locale: Locale,
    req: HttpRequest,
    id: Path<i64>,
    body: Bytes,
) -> Result<HttpResponse, HtmlError> {
    let fields = Fields(form_pairs(&body));
    let moderator = moderator(&state, &req, &fields).await?;
    let note = required_note("note", fields.get("note"))?;
    moderation::resolve_report(&state, moderator.actor(), id.into_inner(), note).await?;
    Ok(see_other(locale.href("/moderate/reports?done=resolved")))
}

#[get("/moderate/listings")]
#[tracing::instrument(skip_all)]
pub async fn find(state: State, locale: Locale, req: HttpRequest) -> Result<HttpResponse, HtmlError> {
    let moderator = open_gate!(state, locale, req);
    let term = params(&req).get("q").cloned();
    let skip = pages_to_skip(&req);
    let (found, errors) = match term.clone().map(required_search) {
        None => (None, Vec::new()),
        Some(Ok(term)) => (Some(moderation::find_listings(&state, term, skip).await?), Vec::new()),
        Some(Err(AppError::Validation(errors))) => (None, errors),
        Some(Err(other)) => return Err(other.into()),
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let pages = found.as_ref().map(|found| Pages::of(skip + 1, found.total, FOUND_SHOWN));
    let found = found.as_ref().zip(pages.as_ref());
    let markup = views::listings::finder(&locale, &bench(&moderator), &term.unwrap_or_default(), found, &errors);
    Ok(html_response(status, markup))
}

#[get("/moderate/listings/{id}")]
#[tracing::instrument(skip_all)]
pub async fn listing(state: State, locale: Locale, req: HttpRequest, id: Path<i64>) -> Result<HttpResponse, HtmlError> {
    let moderator = open_gate!(state, locale, req);
    let record = moderation::listing_record(&state, id.into_inner()).await?;
    let markup = views::listings::record(&locale, &bench(&moderator), &record, &[], super::notice(&req).as_ref());
    Ok(html_response(StatusCode::OK, markup))
}

#[post("/moderate/listings/{id}/status")]
#[tracing::instrument(skip_all)]
pub async fn listing_status(
    state: State,
    locale: Locale,
    req: HttpRequest,
    id: Path<i64>,
    body: Bytes,
) -> Result<HttpResponse, HtmlError> {
    let fields = Fields(form_pairs(&body));
    let moderator = moderator(&state, &req, &fields).await?;
    let id = id.into_inner();
    let change =
        match fields.get("action").as_deref() {
            Some("suspend") => required_note("reason", fields.get("reason"))
                .map(|reason| (ListingChange::Suspend { reason }, "suspended")),
            Some("reinstate") => optional_note("reason", fields.get("reason"))
                .map(|note| (ListingChange::Reinstate { note }, "reinstated")),
            Some("reverify") => verified_on(fields.get("verified_on"))
                .map(|verified_on| (ListingChange::Reverify { verified_on }, "reverified")),
            _ => return Err(AppError::BadRequest("choose suspend, reinstate or reverify".into()).into()),
        };
    match change {
        Ok((change, done)) => {
            moderation::change_listing(&state, moderator.actor(), id, change).await?;
            Ok(see_other(locale.href(&format!("/moderate/listings/{id}?done={done}"))))
        }
        Err(AppError::Validation(errors)) => {
            let record = moderation::listing_record(&state, id).await?;
            let markup = views::listings::record(&locale, &bench(&moderator), &record, &errors, None);
            Ok(html_response(StatusCode::UNPROCESSABLE_ENTITY, markup))
        }
        Err(other) => Err(other.into()),
    }
}

/// The day a moderator checked a listing: a date, not after today.
fn verified_on(typed: Option<String>) -> Result<NaiveDate, AppError> {
    let day = typed.as_deref().map(str::trim).and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok());
    match day.filter(|day| *day <= chrono::Utc::now().date_naive()) {
        Some(day) => Ok(day),
        None => {
            let mut errors = FieldErrors::new();
            errors.add("verified_on", Text::new("field-error-verified-on"));
            errors.finish(None)
        }
    }
}

/// Audit events on one page, newest first.
const AUDIT_PAGE: i64 = 25;

#[get("/moderate/audit")]
#[tracing::instrument(skip_all)]
pub async fn audit(state: State, locale: Locale, req: HttpRequest) -> Result<HttpResponse, HtmlError> {
    let moderator = open_gate!(state, locale, req);
    let params = params(&req);
    let typed = |name: &str| params.get(name).map(|value| value.trim().to_string()).unwrap_or_default();
    let form = AuditForm {
        moderator: typed("moderator"),
        action: typed("action"),
        listing: typed("listing"),
        from: typed("from"),
        to: typed("to"),
    };
    let mut errors = FieldErrors::new();
    let number = |errors: &mut FieldErrors, field: &str, value: &str| -> Option<i64> {
        if value.is_empty() {
            return None;
        }
        let parsed = value.trim_start_matches('#').parse().ok().filter(|number: &i64| *number > 0);
        if parsed.is_none() {
            errors.add(field, Text::new("moderate-error-listing-number"));
        }
        parsed
    };
    let day = |errors: &mut FieldErrors, field: &str, value: &str| -> Option<NaiveDate> {
        if value.is_empty() {
            return None;
        }
        let parsed = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok();
        if parsed.is_none() {
            errors.add(field, Text::new("field-error-date"));
        }
        parsed
    };
    let listing_id = number(&mut errors, "listing", &form.listing);
    let moderator_id = form.moderator.parse().ok();
    let action = AuditAction::try_from(form.action.clone()).ok();
    let (from, to) = (day(&mut errors, "from", &form.from), day(&mut errors, "to", &form.to));
    let filter = audit_filter(&mut errors, listing_id, moderator_id, action, (from, to));
    let errors = match errors.check() {
        Ok(()) => Vec::new(),
        Err(AppError::Validation(errors)) => errors,
        Err(other) => return Err(other.into()),
    };
    let before = params.get("before").and_then(|before| before.parse().ok()).filter(|before: &i64| *before > 0);
    let mut events =
        if errors.is_empty() { moderation::events(&state, filter, before, AUDIT_PAGE + 1).await? } else { Vec::new() };
    let older = (events.len() as i64 > AUDIT_PAGE).then(|| events[AUDIT_PAGE as usize - 1].id);
    events.truncate(AUDIT_PAGE as usize);
    let moderators = accounts::list(&state).await?;
    let page = AuditPage { form: &form, moderators: &moderators, events: &events, older, errors: &errors };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok(html_response(status, views::audit::trail(&locale, &bench(&moderator), &page)))
}
