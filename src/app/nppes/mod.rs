//! The national provider registry in use: what it says of a listing's NPI,
//! the date an approval records when it matched, and what is loaded.

pub mod load;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::db::listings::Listing;
use crate::db::nppes::{self, NppesLoad};
use crate::db::submissions::Submission;
use crate::db::AnyConnection;
use crate::domain::listing::ListingDetails;
use crate::domain::nppes::labels;
use crate::domain::nppes::record::Provider;
use crate::domain::nppes::verdict::{self, Difference, Verdict};
use crate::error::AppError;
use crate::i18n::Lang;

/// An NPI's entry in the loaded registry.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RegistryEntry {
    /// First, middle and last name, as the registry writes them.
    pub name: String,
    pub credential: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    pub phone: Option<String>,
    /// The primary NUCC taxonomy code.
    pub taxonomy_code: Option<String>,
    /// Its NUCC label in English, when the directory has one.
    pub taxonomy_label: Option<String>,
    /// The state of every licence, each once.
    pub licence_states: Vec<String>,
    pub last_update: Option<NaiveDate>,
    pub deactivated_on: Option<NaiveDate>,
    pub reactivated_on: Option<NaiveDate>,
}

impl From<Provider> for RegistryEntry {
    fn from(provider: Provider) -> Self {
        let name = [&provider.first_name, &provider.middle_name, &provider.last_name]
            .into_iter()
            .filter(|part| !part.is_empty())
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ");
        RegistryEntry {
            name,
            taxonomy_label: (provider.taxonomy_code.as_deref())
                .and_then(labels::label_text)
                .map(|text| Lang::En.text(&text)),
            credential: provider.credential,
            city: provider.city,
            state: provider.state,
            postal_code: provider.postal_code,
            phone: provider.phone,
            taxonomy_code: provider.taxonomy_code,
            licence_states: provider.licence_states,
            last_update: provider.last_update,
            deactivated_on: provider.deactivated_on,
            reactivated_on: provider.reactivated_on,
        }
    }
}

/// A listing's NPI beside the loaded registry.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct NpiCheck {
    pub npi: String,
    pub verdict: Verdict,
    /// With `differs`: the name, the state, or both.
    pub differs: Vec<Difference>,
    /// False when no registry file is loaded: the verdict is then `not_in_file`.
    pub file_loaded: bool,
    /// The day the loaded file runs to.
    pub file_date: Option<NaiveDate>,
    pub registry: Option<RegistryEntry>,
}

/// What the loaded registry says of a listing's NPI; none without an NPI.
pub fn check(
    conn: &mut AnyConnection,
    current: Option<&NppesLoad>,
    listing: &ListingDetails,
) -> Result<Option<NpiCheck>, AppError> {
    let Some(npi) = listing.npi.clone() else { return Ok(None) };
    let entry = match current {
        Some(current) => nppes::lookup(conn, current, &npi)?,
        None => None,
    };
    let (verdict, differs) = verdict::judge(listing, entry.as_ref());
    Ok(Some(NpiCheck {
        npi,
        verdict,
        differs,
        file_loaded: current.is_some(),
        file_date: current.and_then(|load| load.file_date),
        registry: entry.map(RegistryEntry::from),
    }))
}

/// The registry in use, if a file is loaded.
pub fn current(conn: &mut AnyConnection) -> Result<Option<NppesLoad>, AppError> {
    Ok(NppesLoad::current(conn)?)
}

/// What a listing had before a version of it is approved: its NPI and the
/// day that NPI was checked.
pub struct BeforeApproval {
    npi: Option<String>,
    verified_on: Option<NaiveDate>,
}

/// Reads, before the approval writes anything, what `verify_at_approval`
/// compares with; reading first keeps the approval's locks in its own order.
pub fn before_approval(conn: &mut AnyConnection, submission_id: i64) -> Result<BeforeApproval, AppError> {
    let listing_id = Submission::find(conn, submission_id)?.listing_id;
    let listing = Listing::find(conn, listing_id)?;
    Ok(BeforeApproval {
        npi: listing.approved_content().and_then(|content| content.npi.clone()),
        verified_on: listing.npi_verified_on,
    })
}

/// Records, once a submission is approved, the day its NPI matched the
/// registry; a version whose NPI does not match clears it. With no file
/// loaded, an unchanged NPI keeps the day it was checked before.
pub fn verify_at_approval(
    conn: &mut AnyConnection,
    submission_id: i64,
    before: BeforeApproval,
) -> Result<(), AppError> {
    let submission = Submission::find(conn, submission_id)?;
    let content = submission.content()?;
    let current = NppesLoad::current(conn)?;
    let verified = match check(conn, current.as_ref(), &content)? {
        Some(check) if check.verdict == Verdict::Matches => Some(chrono::Utc::now().date_naive()),
        Some(check) if !check.file_loaded && before.npi == content.npi => before.verified_on,
        _ => None,
    };
    Ok(Listing::set_npi_verified_on(conn, submission.listing_id, verified)?)
}

/// What `benzowise nppes status` says: the registry in use, and the loads
/// before it, newest first.
pub fn status_lines(conn: &mut AnyConnection) -> Result<Vec<String>, AppError> {
    let loads = NppesLoad::recent(conn, 10)?;
    if !loads.iter().any(|load| load.status == nppes::status::CURRENT) {
        let mut lines = vec!["no NPPES file is loaded; load one with `benzowise nppes load FILE`".to_string()];
        lines.extend(loads.iter().map(describe));
        return Ok(lines);
    }
    Ok(loads.iter().map(describe).collect())
}

fn describe(load: &NppesLoad) -> String {
    let dated = load.file_date.map_or_else(|| "undated".to_string(), |day| format!("of {day}"));
    let loaded = load.loaded_at.map_or_else(
        || format!("started {} UTC, not finished", load.started_at.format("%Y-%m-%d %H:%M")),
        |at| format!("loaded {} UTC", at.format("%Y-%m-%d %H:%M")),
    );
    format!(
        "{}: {} file {} {dated}, {loaded}: {} rows read, {} individuals, {} deactivated NPIs",
        load.status,
        load.kind().as_str(),
        load.file_name,
        load.rows_read,
        load.individuals,
        load.deactivated
    )
}
