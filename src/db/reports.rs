//! Reports from the public about a listing, and their resolution.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::events::{Actor, Event, Subject};
use super::schema::reports;
use super::{write_transaction, AnyConnection, MultiBackend};
use crate::domain::moderation::{FieldChange, ReportStatus};
use crate::error::AppError;

#[derive(Debug, Clone, Queryable, Selectable, Serialize, Deserialize, ToSchema)]
#[diesel(table_name = reports, check_for_backend(MultiBackend))]
pub struct Report {
    pub id: i64,
    pub listing_id: i64,
    pub reason: String,
    pub details: Option<String>,
    #[diesel(deserialize_as = String)]
    pub status: ReportStatus,
    #[serde(with = "crate::domain::utc")]
    pub created_at: NaiveDateTime,
    #[serde(with = "crate::domain::utc::optional")]
    pub resolved_at: Option<NaiveDateTime>,
    pub resolution_note: Option<String>,
}

impl Report {
    #[tracing::instrument(level = "debug", skip_all, fields(listing_id = listing_id))]
    pub fn create(conn: &mut AnyConnection, listing_id: i64, reason: &str, details: Option<&str>) -> QueryResult<i64> {
        diesel::insert_into(reports::table)
            .values((
                reports::listing_id.eq(listing_id),
                reports::reason.eq(reason),
                reports::details.eq(details),
                reports::status.eq(ReportStatus::Open.as_str()),
                reports::created_at.eq(super::now()),
            ))
            .returning(reports::id)
            .get_result(conn)
    }

    /// The newest report about a listing for `reason`, if any.
    #[tracing::instrument(level = "debug", skip_all, fields(listing_id = listing_id))]
    pub fn latest_about(conn: &mut AnyConnection, listing_id: i64, reason: &str) -> QueryResult<Option<i64>> {
        reports::table
            .filter(reports::listing_id.eq(listing_id))
            .filter(reports::reason.eq(reason))
            .order(reports::id.desc())
            .select(reports::id)
            .first(conn)
            .optional()
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub fn count_open(conn: &mut AnyConnection) -> QueryResult<i64> {
        reports::table.filter(reports::status.eq(ReportStatus::Open.as_str())).count().get_result(conn)
    }

    /// A page of reports of one status (all when `None`), oldest first, after the report `after`.
    pub fn page(
        conn: &mut AnyConnection,
        status: Option<ReportStatus>,
        after: i64,
        limit: i64,
    ) -> QueryResult<Vec<Report>> {
        let mut query = reports::table.select(Report::as_select()).filter(reports::id.gt(after)).into_boxed();
        if let Some(status) = status {
            query = query.filter(reports::status.eq(status.as_str()));
        }
        query.order(reports::id).limit(limit).load(conn)
    }

    /// Listings with open reports, the one reported earliest first, as
    /// `(listing id, how many open reports)`.
    pub fn open_by_listing(conn: &mut AnyConnection, offset: i64, limit: i64) -> QueryResult<Vec<(i64, i64)>> {
        reports::table
            .filter(reports::status.eq(ReportStatus::Open.as_str()))
            .group_by(reports::listing_id)
            .select((reports::listing_id, diesel::dsl::count_star()))
            .order(diesel::dsl::min(reports::id))
            .offset(offset)
            .limit(limit)
            .load(conn)
    }

    /// How many listings have open reports.
    pub fn count_reported_listings(conn: &mut AnyConnection) -> QueryResult<i64> {
        reports::table
            .filter(reports::status.eq(ReportStatus::Open.as_str()))
            .select(diesel::dsl::count(reports::listing_id).aggregate_distinct())
            .get_result(conn)
    }

    /// The open reports about one listing, oldest first.
    pub fn open_about(conn: &mut AnyConnection, listing_id: i64, limit: i64) -> QueryResult<Vec<Report>> {
        reports::table
            .filter(reports::listing_id.eq(listing_id))
            .filter(reports::status.eq(ReportStatus::Open.as_str()))
            .order(reports::id)
            .limit(limit)
            .select(Report::as_select())
            .load(conn)
    }

    /// Reports about one listing, newest first.
    pub fn about(conn: &mut AnyConnection, listing_id: i64, limit: i64) -> QueryResult<Vec<Report>> {
        reports::table
            .filter(reports::listing_id.eq(listing_id))
            .order(reports::id.desc())
            .limit(limit)
            .select(Report::as_select())
            .load(conn)
    }

    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
    pub fn resolve(conn: &mut AnyConnection, id: i64, actor: &Actor, note: &str) -> Result<(), AppError> {
        write_transaction(conn, |conn| {
            let report: Report = reports::table.find(id).select(Report::as_select()).first(conn)?;
            if report.status != ReportStatus::Open {
                return Err(AppError::Conflict("this report was already resolved".into()));
            }
            diesel::update(reports::table.find(id))
                .set((
                    reports::status.eq(ReportStatus::Resolved.as_str()),
                    reports::resolved_at.eq(super::now()),
                    reports::resolved_by.eq(actor.moderator_id()),
                    reports::resolution_note.eq(note),
                ))
                .execute(conn)?;
            let change = FieldChange::new("report.status", "open", "resolved");
            let subject = Subject { listing_id: Some(report.listing_id), report_id: Some(id), submission_id: None };
            Event::record(conn, actor, "resolve_report", subject, Some(note), &[change])?;
            Ok(())
        })
    }
}
