//! Public listings: one listing by id, and reports about it.

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::db::listings::{Listing, PublicListing};
use crate::db::reports::Report;
use crate::domain::listing::Answers;
use crate::domain::{vocabulary, FieldError};
use crate::error::{AppError, Problem};
use crate::web::extract::{client_key, ApiJson};
use crate::web::state::AppState;

/// Everything public about an approved listing. `contact_email` is private
/// and never appears here.
#[derive(Debug, Serialize, ToSchema)]
pub struct ListingView {
    pub id: i64,
    /// True for the fictional demo listings.
    pub demo: bool,
    pub full_name: String,
    pub credentials: Option<String>,
    pub profession: String,
    pub profession_label: &'static str,
    /// Derived from the profession: a taper needs a prescriber.
    pub prescriber: bool,
    pub specialty: String,
    pub taxonomy_code: Option<String>,
    pub npi: Option<String>,
    pub practice_name: Option<String>,
    pub address_line: Option<String>,
    pub city: String,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub country: String,
    pub latitude: f64,
    pub longitude: f64,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub public_email: Option<String>,
    pub telehealth: bool,
    pub licensed_regions: Vec<String>,
    pub accepting_new_patients: bool,
    pub languages: Vec<String>,
    pub taper_approaches: Vec<String>,
    pub criteria: Vec<String>,
    pub max_monthly_reduction_pct: Option<u8>,
    pub answers: Answers,
    pub statement: Option<String>,
    #[serde(serialize_with = "crate::domain::utc::rfc3339_or_null")]
    pub last_reviewed_at: Option<NaiveDateTime>,
}

impl From<PublicListing> for ListingView {
    fn from(listing: PublicListing) -> Self {
        let c = listing.content;
        ListingView {
            id: listing.id,
            demo: listing.is_demo,
            profession_label: vocabulary::profession(&c.profession).map_or("", |p| p.label),
            prescriber: vocabulary::profession(&c.profession).is_some_and(|p| p.prescriber),
            full_name: c.full_name,
            credentials: c.credentials,
            profession: c.profession,
            specialty: c.specialty,
            taxonomy_code: c.taxonomy_code,
            npi: c.npi,
            practice_name: c.practice_name,
            address_line: c.address_line,
            city: c.city,
            region: c.region,
            postal_code: c.postal_code,
            country: c.country,
            latitude: c.latitude,
            longitude: c.longitude,
            phone: c.phone,
            website: c.website,
            public_email: c.public_email,
            telehealth: c.telehealth,
            licensed_regions: c.licensed_regions,
            accepting_new_patients: c.accepting_new_patients,
            languages: c.languages,
            taper_approaches: c.taper_approaches,
            criteria: c.criteria,
            max_monthly_reduction_pct: c.max_monthly_reduction_pct,
            answers: c.answers,
            statement: c.statement,
            last_reviewed_at: listing.last_reviewed_at,
        }
    }
}

/// One approved listing.
#[utoipa::path(
    tag = "public",
    params(("id" = i64, Path, description = "Listing id")),
    responses(
        (status = 200, body = ListingView),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/clinicians/{id}")]
pub async fn show(state: web::Data<AppState>, id: web::Path<i64>) -> Result<web::Json<ListingView>, AppError> {
    let id = id.into_inner();
    let listing = state.db(move |conn| Ok(Listing::find_public(conn, id)?)).await?;
    Ok(web::Json(listing.into()))
}

/// A report from the public about a listing.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportInput {
    /// A code from `report_reasons` in the vocabulary.
    pub reason: Option<String>,
    /// What is wrong, up to 2000 characters.
    pub details: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReportReceived {
    pub report_id: i64,
    pub status: &'static str,
}

/// Tells the moderators about a problem with an approved listing.
#[utoipa::path(
    tag = "public",
    params(("id" = i64, Path, description = "Listing id")),
    request_body = ReportInput,
    responses(
        (status = 202, body = ReportReceived),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/clinicians/{id}/reports")]
pub async fn report(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
    body: ApiJson<ReportInput>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (reason, details) = parse_report(body.0)?;
    state.reports.hit(&client_key(&req))?;
    let report_id = state
        .db(move |conn| {
            Listing::find_public(conn, id)?;
            Ok(Report::create(conn, id, &reason, details.as_deref())?)
        })
        .await?;
    Ok(HttpResponse::Accepted().json(ReportReceived { report_id, status: "open" }))
}

pub fn parse_report(input: ReportInput) -> Result<(String, Option<String>), AppError> {
    let mut errors = Vec::new();
    let reason = input.reason.map(|r| r.trim().to_string()).unwrap_or_default();
    if vocabulary::find(vocabulary::REPORT_REASONS, &reason).is_none() {
        errors.push(FieldError::new("reason", "must be one of the report reasons in /api/v1/vocabulary"));
    }
    let details = input.details.map(|d| d.trim().to_string()).filter(|d| !d.is_empty());
    if details.as_ref().is_some_and(|d| d.chars().count() > 2000) {
        errors.push(FieldError::new("details", "must be at most 2000 characters"));
    }
    if errors.is_empty() {
        Ok((reason, details))
    } else {
        Err(AppError::Validation(errors))
    }
}
