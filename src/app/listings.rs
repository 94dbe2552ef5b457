//! What the public reads of the directory: approved listings.

use chrono::{DateTime, Utc};
use diesel::QueryResult;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::AppState;
use crate::db::listings::{ApprovedListing, Listing};
use crate::db::AnyConnection;
use crate::domain::listing::Answers;
use crate::domain::payment::PriceRange;
use crate::domain::vocabulary;
use crate::error::AppError;

/// Everything public about an approved listing. `contact_email` is private
/// and never appears here.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PublicListing {
    pub id: i64,
    /// True for the fictional demo listings.
    pub demo: bool,
    pub full_name: String,
    pub credentials: Option<String>,
    pub profession: String,
    pub profession_label: String,
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
    /// Empty when the clinician has not said: "ask the practice".
    pub payment_options: Vec<String>,
    pub insurers: Vec<String>,
    /// In the currency of `country`.
    pub self_pay_first_visit: Option<PriceRange>,
    pub self_pay_follow_up: Option<PriceRange>,
    pub max_monthly_reduction_pct: Option<u8>,
    pub answers: Answers,
    pub statement: Option<String>,
    pub last_reviewed_at: Option<DateTime<Utc>>,
}

impl From<ApprovedListing> for PublicListing {
    fn from(listing: ApprovedListing) -> Self {
        let content = listing.content;
        let profession = vocabulary::profession(&content.profession);
        PublicListing {
            id: listing.id,
            demo: listing.is_demo,
            profession_label: profession.map_or("", |term| term.label).to_string(),
            prescriber: profession.is_some_and(|term| term.prescriber),
            full_name: content.full_name,
            credentials: content.credentials,
            profession: content.profession,
            specialty: content.specialty,
            taxonomy_code: content.taxonomy_code,
            npi: content.npi,
            practice_name: content.practice_name,
            address_line: content.address_line,
            city: content.city,
            region: content.region,
            postal_code: content.postal_code,
            country: content.country,
            latitude: content.latitude,
            longitude: content.longitude,
            phone: content.phone,
            website: content.website,
            public_email: content.public_email,
            telehealth: content.telehealth,
            licensed_regions: content.licensed_regions,
            accepting_new_patients: content.accepting_new_patients,
            languages: content.languages,
            taper_approaches: content.taper_approaches,
            criteria: content.criteria,
            payment_options: content.payment_options,
            insurers: content.insurers,
            self_pay_first_visit: content.self_pay_first_visit,
            self_pay_follow_up: content.self_pay_follow_up,
            max_monthly_reduction_pct: content.max_monthly_reduction_pct,
            answers: content.answers,
            statement: content.statement,
            last_reviewed_at: listing.last_reviewed_at.map(|time| time.and_utc()),
        }
    }
}

/// One listing, only while it is public; anything else is `NotFound`.
pub async fn public_listing(state: &AppState, id: i64) -> Result<PublicListing, AppError> {
    state.db(move |conn| Ok(Listing::find_public(conn, id)?.into())).await
}

/// Every public listing, by id, for exports.
pub fn all_public(conn: &mut AnyConnection) -> QueryResult<Vec<PublicListing>> {
    Ok(Listing::all_public(conn)?.into_iter().map(Into::into).collect())
}
