//! Reports from the public about a listing.

use super::AppState;
use crate::db::listings::Listing;
use crate::db::reports::Report;
use crate::domain::report::NewReport;
use crate::error::AppError;

/// Records a report about a public listing, counting it against the client's
/// report limit; returns the report's id. The same report (listing and
/// reason) from the same client within a day is counted once: the answer
/// names the report already made.
#[tracing::instrument(skip(state, report))]
pub async fn file(state: &AppState, client: &str, listing_id: i64, report: NewReport) -> Result<i64, AppError> {
    let (reports, same_report, client) = (state.reports.clone(), state.same_report.clone(), client.to_string());
    state
        .db(move |conn| {
            reports.take(conn, &client)?;
            Listing::find_public(conn, listing_id)?;
            let first_today = same_report.allows(conn, &format!("{client} {listing_id} {}", report.reason))?;
            let earlier = if first_today { None } else { Report::latest_about(conn, listing_id, report.reason)? };
            match earlier {
                Some(id) => Ok(id),
                None => Ok(Report::create(conn, listing_id, report.reason, report.details.as_deref())?),
            }
        })
        .await
}
