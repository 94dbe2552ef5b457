//! Listings: one row per clinician, holding the approved public version.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::events::{Actor, Event, Subject};
use super::schema::{listings, submissions};
use super::{write_transaction, AnyConnection, MultiBackend};
use crate::domain::listing::{ListingContent, ListingSummary};
use crate::domain::moderation::{FieldChange, ListingStatus, SubmissionStatus};
use crate::error::AppError;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = listings, check_for_backend(MultiBackend))]
pub struct Listing {
    pub id: i64,
    status: String,
    content: Option<String>,
    pub status_reason: Option<String>,
    pub is_demo: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub last_reviewed_at: Option<NaiveDateTime>,
}

#[derive(Insertable)]
#[diesel(table_name = listings)]
pub struct ListingInsertForm<'a> {
    pub status: &'a str,
    pub manage_token_hash: &'a str,
    pub is_demo: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// An approved listing as the public sees it.
#[derive(Debug, Clone)]
pub struct PublicListing {
    pub id: i64,
    pub content: ListingContent,
    pub is_demo: bool,
    pub last_reviewed_at: Option<NaiveDateTime>,
}

impl Listing {
    pub fn status(&self) -> ListingStatus {
        ListingStatus::from_stored(&self.status)
    }

    /// The approved version, if there has ever been one.
    pub fn approved_content(&self) -> Option<ListingContent> {
        self.content.as_deref().and_then(|json| serde_json::from_str(json).ok())
    }

    fn public(self) -> Option<PublicListing> {
        Some(PublicListing {
            id: self.id,
            content: self.approved_content()?,
            is_demo: self.is_demo,
            last_reviewed_at: self.last_reviewed_at,
        })
    }

    pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<Listing> {
        listings::table.find(id).select(Listing::as_select()).first(conn)
    }

    pub fn find_by_token_hash(conn: &mut AnyConnection, hash: &str) -> QueryResult<Option<Listing>> {
        listings::table.filter(listings::manage_token_hash.eq(hash)).select(Listing::as_select()).first(conn).optional()
    }

    /// One listing, only when it is public.
    pub fn find_public(conn: &mut AnyConnection, id: i64) -> QueryResult<PublicListing> {
        listings::table
            .find(id)
            .filter(listings::status.eq(ListingStatus::Approved.as_str()))
            .select(Listing::as_select())
            .first(conn)?
            .public()
            .ok_or(diesel::result::Error::NotFound)
    }

    /// Every public listing, by id.
    pub fn all_public(conn: &mut AnyConnection) -> QueryResult<Vec<PublicListing>> {
        let rows = listings::table
            .filter(listings::status.eq(ListingStatus::Approved.as_str()))
            .order(listings::id)
            .select(Listing::as_select())
            .load(conn)?;
        Ok(rows.into_iter().filter_map(Listing::public).collect())
    }

    /// The search summary of every public listing.
    pub fn public_summaries(conn: &mut AnyConnection) -> QueryResult<Vec<(i64, ListingSummary)>> {
        let rows: Vec<(i64, Option<String>)> = listings::table
            .filter(listings::status.eq(ListingStatus::Approved.as_str()))
            .select((listings::id, listings::summary))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, summary)| Some((id, serde_json::from_str(summary.as_deref()?).ok()?)))
            .collect())
    }

    /// The search summary of a listing if it is public now.
    pub fn public_summary(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<ListingSummary>> {
        let summary: Option<Option<String>> = listings::table
            .find(id)
            .filter(listings::status.eq(ListingStatus::Approved.as_str()))
            .select(listings::summary)
            .first(conn)
            .optional()?;
        Ok(summary.flatten().and_then(|json| serde_json::from_str(&json).ok()))
    }

    /// `(status, count)` for every status in use.
    pub fn count_by_status(conn: &mut AnyConnection) -> QueryResult<Vec<(String, i64)>> {
        listings::table.group_by(listings::status).select((listings::status, diesel::dsl::count_star())).load(conn)
    }

    pub fn count(conn: &mut AnyConnection) -> QueryResult<i64> {
        listings::table.count().get_result(conn)
    }

    pub fn set_manage_token_hash(conn: &mut AnyConnection, id: i64, hash: &str) -> QueryResult<()> {
        diesel::update(listings::table.find(id)).set(listings::manage_token_hash.eq(hash)).execute(conn)?;
        Ok(())
    }

    /// The clinician takes the listing out of the directory; pending versions are dropped.
    pub fn withdraw(conn: &mut AnyConnection, id: i64) -> Result<ListingStatus, AppError> {
        write_transaction(conn, |conn| {
            let listing = Listing::find(conn, id)?;
            let status = listing.status().withdraw()?;
            diesel::update(submissions::table)
                .filter(submissions::listing_id.eq(id))
                .filter(submissions::status.eq(SubmissionStatus::Pending.as_str()))
                .set(submissions::status.eq(SubmissionStatus::Withdrawn.as_str()))
                .execute(conn)?;
            listing.change_status(conn, status, None, &Actor::Clinician, "withdraw", None)?;
            Ok(status)
        })
    }

    /// A moderator takes an approved listing out of public view, with a reason.
    pub fn suspend(conn: &mut AnyConnection, id: i64, actor: &Actor, reason: &str) -> Result<ListingStatus, AppError> {
        write_transaction(conn, |conn| {
            let listing = Listing::find(conn, id)?;
            let status = listing.status().suspend()?;
            listing.change_status(conn, status, Some(reason), actor, "suspend", Some(reason))?;
            Ok(status)
        })
    }

    /// A moderator brings a suspended listing back.
    pub fn reinstate(
        conn: &mut AnyConnection,
        id: i64,
        actor: &Actor,
        note: Option<&str>,
    ) -> Result<ListingStatus, AppError> {
        write_transaction(conn, |conn| {
            let listing = Listing::find(conn, id)?;
            let status = listing.status().reinstate()?;
            listing.change_status(conn, status, None, actor, "reinstate", note)?;
            Ok(status)
        })
    }

    fn change_status(
        &self,
        conn: &mut AnyConnection,
        status: ListingStatus,
        status_reason: Option<&str>,
        actor: &Actor,
        action: &str,
        reason: Option<&str>,
    ) -> QueryResult<()> {
        diesel::update(listings::table.find(self.id))
            .set((
                listings::status.eq(status.as_str()),
                listings::status_reason.eq(status_reason),
                listings::updated_at.eq(super::now()),
            ))
            .execute(conn)?;
        let change = FieldChange::new("status", self.status().as_str(), status.as_str());
        let subject = Subject { listing_id: Some(self.id), ..Subject::default() };
        Event::record(conn, actor, action, subject, reason, &[change])
    }
}
