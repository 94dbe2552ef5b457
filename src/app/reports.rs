//! Reports from the public about a listing.

use super::AppState;
use crate::db::listings::Listing;
use crate::db::reports::Report;
use crate::domain::report::NewReport;
use crate::error::AppError;

/// Records a report about a public listing, counting it against the client's
/// report limit; returns the report's id.
#[tracing::instrument(skip(state, report))]
pub async fn file(state: &AppState, client: &str, listing_id: i64, report: NewReport) -> Result<i64, AppError> {
    let (reports, client) = (state.reports.clone(), client.to_string());
    state
        .db(move |conn| {
            reports.take(conn, &client)?;
            Listing::find_public(conn, listing_id)?;
            Ok(Report::create(conn, listing_id, report.reason, report.details.as_deref())?)
        })
        .await
}
