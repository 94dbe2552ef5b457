//! What the public reads of the directory: approved listings.

use chrono::{DateTime, Utc};
use diesel::QueryResult;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::AppState;
use crate::db::listings::{ApprovedListing, Listing};
use crate::db::AnyConnection;
use crate::domain::listing::ListingDetails;
use crate::domain::moderation::ListingStatus;
use crate::domain::vocabulary;
use crate::error::AppError;
use crate::i18n::Lang;

/// Everything public about an approved listing: its details, which hold no
/// private field, and what follows from them. Reads as its details.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PublicListing {
    pub id: i64,
    /// True for the fictional demo listings.
    pub demo: bool,
    pub profession_label: String,
    /// Derived from the profession: a taper needs a prescriber.
    pub prescriber: bool,
    #[serde(flatten)]
    pub details: ListingDetails,
    pub last_reviewed_at: Option<DateTime<Utc>>,
    /// When the clinician last said the details are still correct (approval counts).
    pub confirmed_at: Option<DateTime<Utc>>,
    /// The day the NPI matched the national provider registry (NPPES) at approval.
    #[serde(default)]
    pub npi_verified_on: Option<chrono::NaiveDate>,
    /// When the listing last changed in any way. Not in the API's answer:
    /// the open standards' documents carry it as their own last-modified time.
    #[serde(skip)]
    pub updated_at: DateTime<Utc>,
    /// False for a listing added from a public list that its clinician has
    /// not claimed yet.
    pub claimed: bool,
    /// Where an imported listing came from (`hsds:<service id>`): its HSDS
    /// ids are the ones it had there. Not in the API's answer.
    #[serde(skip)]
    pub import_key: Option<String>,
}

impl std::ops::Deref for PublicListing {
    type Target = ListingDetails;

    fn deref(&self) -> &ListingDetails {
        &self.details
    }
}

impl From<ApprovedListing> for PublicListing {
    fn from(listing: ApprovedListing) -> Self {
        let details = listing.content.details;
        let profession = vocabulary::profession(&details.profession);
        PublicListing {
            id: listing.id,
            demo: listing.is_demo,
            profession_label: profession.map_or_else(String::new, |term| term.label(Lang::En)),
            prescriber: profession.is_some_and(|term| term.prescriber),
            details,
            last_reviewed_at: listing.last_reviewed_at.map(|time| time.and_utc()),
            confirmed_at: listing.confirmed_at.map(|time| time.and_utc()),
            npi_verified_on: listing.npi_verified_on,
            updated_at: listing.updated_at.and_utc(),
            claimed: listing.claimed,
            import_key: listing.import_key,
        }
    }
}

/// One listing, only while it is public; anything else is `NotFound`.
pub async fn public_listing(state: &AppState, id: i64) -> Result<PublicListing, AppError> {
    state.db(move |conn| Ok(Listing::find_public(conn, id)?.into())).await
}

/// What the public finds at a listing's address.
#[derive(Debug)]
pub enum Found {
    Public(Box<PublicListing>),
    /// Hidden until its clinician confirms the details again: a `410 Gone`
    /// rather than a `404`, so that a saved link says the listing existed.
    Lapsed,
}

/// A listing as the public may see it; `NotFound` unless it is public or lapsed.
pub async fn find(state: &AppState, id: i64) -> Result<Found, AppError> {
    state
        .db(move |conn| {
            let listing = Listing::find(conn, id)?;
            if listing.status() == ListingStatus::Lapsed {
                return Ok(Found::Lapsed);
            }
            let public = listing.into_public().ok_or(AppError::NotFound)?;
            Ok(Found::Public(Box::new(public.into())))
        })
        .await
}

/// Every public listing, by id, for exports.
pub fn all_public(conn: &mut AnyConnection) -> QueryResult<Vec<PublicListing>> {
    Ok(Listing::all_public(conn)?.into_iter().map(Into::into).collect())
}

/// How many public listings an export reads in one query.
const EXPORT_BATCH: i64 = 1000;

/// Hands the public listings to `each` a batch at a time, by id, so that an
/// export of a million listings holds one batch in memory, not the directory.
pub fn each_public_batch<E: From<diesel::result::Error>>(
    conn: &mut AnyConnection,
    mut each: impl FnMut(Vec<PublicListing>) -> Result<(), E>,
) -> Result<(), E> {
    let mut after = 0;
    loop {
        let batch = Listing::public_after(conn, after, EXPORT_BATCH)?;
        let Some(last) = batch.last() else { return Ok(()) };
        after = last.id;
        each(batch.into_iter().map(Into::into).collect())?;
    }
}
