//! Listings: one row per clinician, holding the approved public version.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::events::{Actor, Event, Subject};
use super::schema::{listing_summaries, listings, submissions};
use super::{write_transaction, AnyConnection, MultiBackend};
use crate::domain::listing::{ListingContent, ListingSummary};
use crate::domain::moderation::{AuditAction, FieldChange, ListingStatus, SubmissionStatus};
use crate::error::AppError;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = listings, check_for_backend(MultiBackend))]
pub struct Listing {
    pub id: i64,
    #[diesel(deserialize_as = String)]
    status: ListingStatus,
    content: Option<String>,
    pub status_reason: Option<String>,
    pub is_demo: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub last_reviewed_at: Option<NaiveDateTime>,
    /// The language the clinician used on the site (a `Lang` code), for their mail.
    pub language: String,
    pub confirmed_at: Option<NaiveDateTime>,
    /// False for an imported listing no clinician has claimed yet.
    pub claimed: bool,
    /// `hsds:<service id>` for a listing imported from an HSDS package.
    pub import_key: Option<String>,
    /// The day the NPI matched the loaded national provider registry at approval.
    pub npi_verified_on: Option<chrono::NaiveDate>,
}

#[derive(Insertable)]
#[diesel(table_name = listings)]
pub struct ListingInsertForm<'a> {
    pub status: &'a str,
    pub manage_token_hash: &'a str,
    pub is_demo: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// The contact email in lower case, which lost-link requests look up.
    pub contact_email_key: &'a str,
}

/// An approved listing as the public sees it.
#[derive(Debug, Clone)]
pub struct ApprovedListing {
    pub id: i64,
    pub content: ListingContent,
    pub is_demo: bool,
    pub last_reviewed_at: Option<NaiveDateTime>,
    /// When the clinician last said the details are correct (approval counts).
    pub confirmed_at: Option<NaiveDateTime>,
    /// When the listing last changed in any way (its content, its status, a confirmation).
    pub updated_at: NaiveDateTime,
    pub claimed: bool,
    pub import_key: Option<String>,
    pub npi_verified_on: Option<chrono::NaiveDate>,
}

/// A window of `updated_at`, from (inclusive) and before (exclusive), either
/// end open when `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UpdatedBetween {
    pub from: Option<NaiveDateTime>,
    pub before: Option<NaiveDateTime>,
}

impl UpdatedBetween {
    pub fn contains(&self, time: NaiveDateTime) -> bool {
        self.from.is_none_or(|from| time >= from) && self.before.is_none_or(|before| time < before)
    }
}

/// A public listing's dates that decide when its clinician must confirm it again.
#[derive(Debug, Clone, Copy, Queryable)]
pub struct ConfirmationDates {
    pub id: i64,
    pub confirmed_at: Option<NaiveDateTime>,
    pub last_reviewed_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

impl ConfirmationDates {
    /// When the details were last known to be right: confirmed, else reviewed, else sent.
    pub fn last_confirmed(&self) -> NaiveDateTime {
        self.confirmed_at.or(self.last_reviewed_at).unwrap_or(self.created_at)
    }
}

impl Listing {
    pub fn status(&self) -> ListingStatus {
        self.status
    }

    /// The approved version, if there has ever been one.
    pub fn approved_content(&self) -> Option<ListingContent> {
        self.content.as_deref().and_then(|json| serde_json::from_str(json).ok())
    }

    /// The public version, while the listing is public.
    pub fn into_public(self) -> Option<ApprovedListing> {
        if self.status().is_public() {
            self.public()
        } else {
            None
        }
    }

    fn public(self) -> Option<ApprovedListing> {
        Some(ApprovedListing {
            id: self.id,
            content: self.approved_content()?,
            is_demo: self.is_demo,
            last_reviewed_at: self.last_reviewed_at,
            confirmed_at: self.confirmed_at,
            updated_at: self.updated_at,
            claimed: self.claimed,
            import_key: self.import_key,
            npi_verified_on: self.npi_verified_on,
        })
    }

    /// Public listings changed within `between`, by that time and then id,
    /// as an index on `(status, updated_at, id)` reads them.
    fn public_updated_query(between: UpdatedBetween) -> listings::BoxedQuery<'static, MultiBackend> {
        let mut query = listings::table.filter(listings::status.eq(ListingStatus::Approved.as_str())).into_boxed();
        if let Some(from) = between.from {
            query = query.filter(listings::updated_at.ge(from));
        }
        if let Some(before) = between.before {
            query = query.filter(listings::updated_at.lt(before));
        }
        query
    }

    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
    pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<Listing> {
        listings::table.find(id).select(Listing::as_select()).first(conn)
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub fn find_by_token_hash(conn: &mut AnyConnection, hash: &str) -> QueryResult<Option<Listing>> {
        listings::table.filter(listings::manage_token_hash.eq(hash)).select(Listing::as_select()).first(conn).optional()
    }

    /// One listing, only when it is public.
    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
    pub fn find_public(conn: &mut AnyConnection, id: i64) -> QueryResult<ApprovedListing> {
        listings::table
            .find(id)
            .filter(listings::status.eq(ListingStatus::Approved.as_str()))
            .select(Listing::as_select())
            .first(conn)?
            .public()
            .ok_or(diesel::result::Error::NotFound)
    }

    /// The public listing imported with `import_key`.
    pub fn find_public_imported(conn: &mut AnyConnection, import_key: &str) -> QueryResult<ApprovedListing> {
        listings::table
            .filter(listings::import_key.eq(import_key))
            .filter(listings::status.eq(ListingStatus::Approved.as_str()))
            .select(Listing::as_select())
            .first(conn)?
            .public()
            .ok_or(diesel::result::Error::NotFound)
    }

    /// Every public listing, by id.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn all_public(conn: &mut AnyConnection) -> QueryResult<Vec<ApprovedListing>> {
        let rows = listings::table
            .filter(listings::status.eq(ListingStatus::Approved.as_str()))
            .order(listings::id)
            .select(Listing::as_select())
            .load(conn)?;
        Ok(rows.into_iter().filter_map(Listing::public).collect())
    }

    /// Up to `limit` public listings with ids above `after`, by id: exports
    /// read the directory a batch at a time instead of holding all of it.
    #[tracing::instrument(level = "debug", skip_all, fields(after = after, limit = limit))]
    pub fn public_after(conn: &mut AnyConnection, after: i64, limit: i64) -> QueryResult<Vec<ApprovedListing>> {
        let rows = listings::table
            .filter(listings::status.eq(ListingStatus::Approved.as_str()))
            .filter(listings::id.gt(after))
            .order(listings::id)
            .limit(limit)
            .select(Listing::as_select())
            .load(conn)?;
        Ok(rows.into_iter().filter_map(Listing::public).collect())
    }

    /// The id and last change of up to `limit` public listings with ids
    /// above `after`, by id: what a sitemap lists, without reading content.
    #[tracing::instrument(level = "debug", skip_all, fields(after = after, limit = limit))]
    pub fn public_changes_after(
        conn: &mut AnyConnection,
        after: i64,
        limit: i64,
    ) -> QueryResult<Vec<(i64, NaiveDateTime)>> {
        listings::table
            .filter(listings::status.eq(ListingStatus::Approved.as_str()))
            .filter(listings::content.is_not_null())
            .filter(listings::id.gt(after))
            .order(listings::id)
            .limit(limit)
            .select((listings::id, listings::updated_at))
            .load(conn)
    }

    /// The id just before the `skip`-th public listing by id (0 before the
    /// first): where a sitemap file that starts `skip` listings in begins.
    #[tracing::instrument(level = "debug", skip_all, fields(skip = skip))]
    pub fn public_id_before(conn: &mut AnyConnection, skip: i64) -> QueryResult<i64> {
        if skip == 0 {
            return Ok(0);
        }
        let before: Option<i64> = listings::table
            .filter(listings::status.eq(ListingStatus::Approved.as_str()))
            .filter(listings::content.is_not_null())
            .order(listings::id)
            .offset(skip - 1)
            .select(listings::id)
            .first(conn)
            .optional()?;
        Ok(before.unwrap_or(i64::MAX))
    }

    /// The public listings among `ids`, in the order of `ids`.
    #[tracing::instrument(level = "debug", skip_all, fields(count = ids.len()))]
    pub fn public_among(conn: &mut AnyConnection, ids: &[i64]) -> QueryResult<Vec<ApprovedListing>> {
        let rows = listings::table
            .filter(listings::status.eq(ListingStatus::Approved.as_str()))
            .filter(listings::id.eq_any(ids))
            .select(Listing::as_select())
            .load(conn)?;
        let mut found: Vec<ApprovedListing> = rows.into_iter().filter_map(Listing::public).collect();
        found.sort_by_key(|listing| ids.iter().position(|id| *id == listing.id));
        Ok(found)
    }

    /// The ids of public listings approved on or after `since`, ascending.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn public_reviewed_since(conn: &mut AnyConnection, since: NaiveDateTime) -> QueryResult<Vec<i64>> {
        listings::table
            .filter(listings::status.eq(ListingStatus::Approved.as_str()))
            .filter(listings::last_reviewed_at.ge(since))
            .order(listings::id)
            .select(listings::id)
            .load(conn)
    }

    /// Which of `keys` (where imported listings came from) are taken already.
    #[tracing::instrument(level = "debug", skip_all, fields(count = keys.len()))]
    pub fn imported_already(conn: &mut AnyConnection, keys: &[String]) -> QueryResult<Vec<String>> {
        let mut taken = Vec::new();
        // A few hundred keys per query stay below every backend's parameter limit.
        for chunk in keys.chunks(500) {
            taken.extend(
                listings::table
                    .filter(listings::import_key.eq_any(chunk))
                    .select(listings::import_key.assume_not_null())
                    .load::<String>(conn)?,
            );
        }
        Ok(taken)
    }

    /// Records where an imported listing came from.
    pub fn set_import_key(conn: &mut AnyConnection, id: i64, key: &str, claimed: bool) -> QueryResult<()> {
        diesel::update(listings::table.find(id))
            .set((listings::import_key.eq(key), listings::claimed.eq(claimed)))
            .execute(conn)
            .map(drop)
    }

    /// A page of the public listings changed within `between`, the least
    /// recently changed first, ties by id.
    #[tracing::instrument(level = "debug", skip_all, fields(limit = limit, offset = offset))]
    pub fn public_updated(
        conn: &mut AnyConnection,
        between: UpdatedBetween,
        limit: i64,
        offset: i64,
    ) -> QueryResult<Vec<ApprovedListing>> {
        let rows = Listing::public_updated_query(between)
            .order((listings::updated_at, listings::id))
            .limit(limit)
            .offset(offset)
            .select(Listing::as_select())
            .load(conn)?;
        Ok(rows.into_iter().filter_map(Listing::public).collect())
    }

    /// How many public listings changed within `between`.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn count_public_updated(conn: &mut AnyConnection, between: UpdatedBetween) -> QueryResult<i64> {
        Listing::public_updated_query(between).count().get_result(conn)
    }

    /// How many listings are public.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn count_public(conn: &mut AnyConnection) -> QueryResult<i64> {
        listing_summaries::table.count().get_result(conn)
    }

    /// The highest id of a public listing, 0 when there is none.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn last_public_id(conn: &mut AnyConnection) -> QueryResult<i64> {
        let last = listing_summaries::table.select(diesel::dsl::max(listing_summaries::listing_id));
        Ok(last.first::<Option<i64>>(conn)?.unwrap_or(0))
    }

    /// The search summaries of up to `limit` public listings with ids above
    /// `after` and at most `up_to`, by id.
    #[tracing::instrument(level = "debug", skip_all, fields(after = after, up_to = up_to, limit = limit))]
    pub fn public_summaries_between(
        conn: &mut AnyConnection,
        after: i64,
        up_to: i64,
        limit: i64,
    ) -> QueryResult<Vec<(i64, ListingSummary)>> {
        let rows: Vec<(i64, String)> = listing_summaries::table
            .filter(listing_summaries::listing_id.gt(after))
            .filter(listing_summaries::listing_id.le(up_to))
            .order(listing_summaries::listing_id)
            .limit(limit)
            .select((listing_summaries::listing_id, listing_summaries::summary))
            .load(conn)?;
        Ok(rows.into_iter().filter_map(|(id, json)| Some((id, serde_json::from_str(&json).ok()?))).collect())
    }

    /// The search summary of a listing if it is public now.
    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
    pub fn public_summary(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<ListingSummary>> {
        let json: Option<String> =
            listing_summaries::table.find(id).select(listing_summaries::summary).first(conn).optional()?;
        Ok(json.and_then(|json| serde_json::from_str(&json).ok()))
    }

    /// Keeps `listing_summaries` to exactly the public listings: call after
    /// any change to a listing's status or approved content.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn sync_summary(conn: &mut AnyConnection, id: i64) -> QueryResult<()> {
        diesel::delete(listing_summaries::table.find(id)).execute(conn)?;
        let listing = Listing::find(conn, id)?;
        if let (true, Some(content)) = (listing.status().is_public(), listing.approved_content()) {
            let summary = ListingSummary {
                confirmed_on: listing.confirmed_at.map(|time| time.date()),
                ..ListingSummary::of(&content, listing.is_demo)
            };
            let summary = serde_json::to_string(&summary)
                .map_err(|error| diesel::result::Error::SerializationError(error.into()))?;
            diesel::insert_into(listing_summaries::table)
                .values((listing_summaries::listing_id.eq(id), listing_summaries::summary.eq(summary)))
                .execute(conn)?;
        }
        Ok(())
    }

    /// `(status, count)` for every status in use.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn count_by_status(conn: &mut AnyConnection) -> QueryResult<Vec<(String, i64)>> {
        listings::table.group_by(listings::status).select((listings::status, diesel::dsl::count_star())).load(conn)
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub fn count(conn: &mut AnyConnection) -> QueryResult<i64> {
        listings::table.count().get_result(conn)
    }

    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
    pub fn set_npi_verified_on(conn: &mut AnyConnection, id: i64, day: Option<chrono::NaiveDate>) -> QueryResult<()> {
        diesel::update(listings::table.find(id)).set(listings::npi_verified_on.eq(day)).execute(conn).map(|_| ())
    }

    pub fn set_language(conn: &mut AnyConnection, id: i64, code: &str) -> QueryResult<()> {
        diesel::update(listings::table.find(id)).set(listings::language.eq(code)).execute(conn).map(drop)
    }

    pub fn set_contact_email_key(conn: &mut AnyConnection, id: i64, email: &str) -> QueryResult<()> {
        diesel::update(listings::table.find(id))
            .set(listings::contact_email_key.eq(email.to_lowercase()))
            .execute(conn)
            .map(drop)
    }

    pub fn set_manage_token_hash(conn: &mut AnyConnection, id: i64, hash: &str) -> QueryResult<()> {
        diesel::update(listings::table.find(id)).set(listings::manage_token_hash.eq(hash)).execute(conn)?;
        Ok(())
    }

    /// The clinician takes the listing out of the directory; pending versions are dropped.
    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
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

    /// The clinician says whether they are accepting new patients: the approved
    /// version says so at once, without review. `false` when there is no
    /// approved version, or it already said so.
    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
    pub fn set_accepting(conn: &mut AnyConnection, id: i64, accepting: bool) -> Result<bool, AppError> {
        write_transaction(conn, |conn| {
            let listing = Listing::find(conn, id)?;
            let Some(mut content) = listing.approved_content().filter(|c| c.accepting_new_patients != accepting) else {
                return Ok(false);
            };
            content.details.accepting_new_patients = accepting;
            let json = serde_json::to_string(&content).map_err(|error| AppError::Internal(error.into()))?;
            diesel::update(listings::table.find(id))
                .set((listings::content.eq(Some(json)), listings::updated_at.eq(super::now())))
                .execute(conn)?;
            Listing::sync_summary(conn, id)?;
            let changes = [FieldChange::new("accepting_new_patients", !accepting, accepting)];
            let subject = Subject { listing_id: Some(id), ..Subject::default() };
            Event::record(conn, &Actor::Clinician, AuditAction::Availability.as_str(), subject, None, &changes)?;
            Ok(true)
        })
    }

    /// The clinician says the details are still correct: `confirmed_at` is now,
    /// and a lapsed listing is public again at once.
    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
    pub fn confirm(conn: &mut AnyConnection, id: i64) -> Result<ListingStatus, AppError> {
        Listing::mark_confirmed(conn, id, &Actor::Clinician, AuditAction::Confirm.as_str(), None)
    }

    /// A moderator's check of an unclaimed listing, which has no clinician to
    /// confirm it: it counts as the yearly confirmation, and brings a lapsed
    /// listing back, as a clinician's would. A claimed listing is its
    /// clinician's to confirm.
    pub fn reverify(
        conn: &mut AnyConnection,
        id: i64,
        actor: &Actor,
        verified_on: chrono::NaiveDate,
    ) -> Result<ListingStatus, AppError> {
        write_transaction(conn, |conn| {
            if Listing::find(conn, id)?.claimed {
                return Err(AppError::Conflict("a claimed listing is confirmed by its clinician".into()));
            }
            let reason = format!("verified by phone on {verified_on}");
            Listing::mark_confirmed(conn, id, actor, AuditAction::Reverify.as_str(), Some(&reason))
        })
    }

    fn mark_confirmed(
        conn: &mut AnyConnection,
        id: i64,
        actor: &Actor,
        action: &str,
        reason: Option<&str>,
    ) -> Result<ListingStatus, AppError> {
        write_transaction(conn, |conn| {
            let listing = Listing::find(conn, id)?;
            let status = listing.status().confirm()?;
            let now = super::now();
            diesel::update(listings::table.find(id))
                .set((
                    listings::status.eq(status.as_str()),
                    listings::confirmed_at.eq(Some(now)),
                    listings::updated_at.eq(now),
                ))
                .execute(conn)?;
            Listing::sync_summary(conn, id)?;
            let mut changes = vec![FieldChange::new("confirmed_at", listing.confirmed_at, now)];
            if status != listing.status() {
                changes.push(FieldChange::new("status", listing.status().as_str(), status.as_str()));
            }
            let subject = Subject { listing_id: Some(id), ..Subject::default() };
            Event::record(conn, actor, action, subject, reason, &changes)?;
            Ok(status)
        })
    }

    /// Public listings, not demo ones, last confirmed before `before`, by id.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn confirmed_before(conn: &mut AnyConnection, before: NaiveDateTime) -> QueryResult<Vec<ConfirmationDates>> {
        listings::table
            .filter(listings::status.eq(ListingStatus::Approved.as_str()))
            .filter(listings::is_demo.eq(false))
            .filter(
                listings::confirmed_at.lt(before).or(listings::confirmed_at.is_null().and(
                    listings::last_reviewed_at
                        .lt(before)
                        .or(listings::last_reviewed_at.is_null().and(listings::created_at.lt(before))),
                )),
            )
            .order(listings::id)
            .select((listings::id, listings::confirmed_at, listings::last_reviewed_at, listings::created_at))
            .load(conn)
    }

    /// Hides a public listing its clinician did not confirm in time; false,
    /// changing nothing, when it is no longer public or was confirmed since
    /// `seen` was read (another sweep or the clinician got there first).
    #[tracing::instrument(level = "debug", skip_all, fields(id = seen.id))]
    pub fn lapse(conn: &mut AnyConnection, seen: &ConfirmationDates, actor: &Actor, reason: &str) -> QueryResult<bool> {
        write_transaction(conn, |conn| {
            let still_approved =
                listings::table.find(seen.id).filter(listings::status.eq(ListingStatus::Approved.as_str()));
            let lapsed = (listings::status.eq(ListingStatus::Lapsed.as_str()), listings::updated_at.eq(super::now()));
            let changed = match seen.confirmed_at {
                Some(confirmed) => diesel::update(still_approved.filter(listings::confirmed_at.eq(confirmed)))
                    .set(lapsed)
                    .execute(conn)?,
                None => {
                    diesel::update(still_approved.filter(listings::confirmed_at.is_null())).set(lapsed).execute(conn)?
                }
            };
            if changed == 0 {
                return Ok(false);
            }
            Listing::sync_summary(conn, seen.id)?;
            let change = FieldChange::new("status", ListingStatus::Approved.as_str(), ListingStatus::Lapsed.as_str());
            let subject = Subject { listing_id: Some(seen.id), ..Subject::default() };
            Event::record(conn, actor, "lapse", subject, Some(reason), &[change])?;
            Ok(true)
        })
    }

    /// Lapsed listings, the longest lapsed first, for moderators.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn lapsed(conn: &mut AnyConnection, limit: i64) -> QueryResult<Vec<Listing>> {
        listings::table
            .filter(listings::status.eq(ListingStatus::Lapsed.as_str()))
            .order((listings::updated_at, listings::id))
            .limit(limit)
            .select(Listing::as_select())
            .load(conn)
    }

    /// A moderator takes an approved listing out of public view, with a reason.
    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
    pub fn suspend(conn: &mut AnyConnection, id: i64, actor: &Actor, reason: &str) -> Result<ListingStatus, AppError> {
        write_transaction(conn, |conn| {
            let listing = Listing::find(conn, id)?;
            let status = listing.status().suspend()?;
            listing.change_status(conn, status, Some(reason), actor, "suspend", Some(reason))?;
            Ok(status)
        })
    }

    /// A moderator brings a suspended listing back.
    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
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
        Listing::sync_summary(conn, self.id)?;
        let change = FieldChange::new("status", self.status().as_str(), status.as_str());
        let subject = Subject { listing_id: Some(self.id), ..Subject::default() };
        Event::record(conn, actor, action, subject, reason, &[change])
    }
}
