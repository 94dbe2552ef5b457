//! Submissions: each version a clinician sends, pending until a moderator decides.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::events::{Actor, Event, Subject};
use super::listings::{Listing, ListingInsertForm};
use super::schema::{events, listings, submission_claims, submissions};
use super::{write_transaction, AnyConnection, MultiBackend};
use crate::domain::listing::{lookup_key, Choices, ListingContent, NewListing};
use crate::domain::moderation::{
    changed_fields, AuditAction, FieldChange, ListingStatus, SubmissionKind, SubmissionStatus,
};
use crate::error::AppError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = submissions, check_for_backend(MultiBackend))]
pub struct Submission {
    pub id: i64,
    pub listing_id: i64,
    #[diesel(deserialize_as = String)]
    kind: SubmissionKind,
    #[diesel(deserialize_as = String)]
    status: SubmissionStatus,
    content: String,
    pub submitted_at: NaiveDateTime,
    pub decided_at: Option<NaiveDateTime>,
    pub decision_note: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = submissions)]
struct SubmissionInsertForm<'a> {
    listing_id: i64,
    kind: &'a str,
    status: &'a str,
    content: String,
    submitted_at: NaiveDateTime,
    name_key: String,
    city_key: String,
    npi: Option<&'a str>,
    flagged: bool,
    email_key: String,
    region_code: Option<String>,
}

/// Which pending submissions a moderator wants to see.
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    pub kind: Option<SubmissionKind>,
    pub flagged_only: bool,
    /// Only those sent before this time (waiting longer than some days).
    pub submitted_before: Option<NaiveDateTime>,
    /// Only listings in this region ("US-OR").
    pub region: Option<String>,
    /// Only those whose name holds this, or whose city, NPI, contact email or listing number it is.
    pub search: Option<String>,
    /// Leave out what another moderator than this one opened after this time.
    pub hide_claimed: Option<(i64, NaiveDateTime)>,
}

/// Where a page of the queue starts.
#[derive(Debug, Clone, Copy)]
pub enum QueuePosition {
    /// After this submission id.
    After(i64),
    /// Past this many submissions.
    Skip(i64),
}

/// `LIKE` that matches `key` anywhere, its wildcards taken as themselves.
fn containing(key: &str) -> String {
    format!("%{}%", key.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
}

/// A version whose name holds `term`, or whose city, NPI, contact email or listing number it is.
fn search_condition(
    term: &str,
) -> Box<dyn BoxableExpression<submissions::table, MultiBackend, SqlType = diesel::sql_types::Bool>> {
    let key = lookup_key(term);
    let mut condition: Box<dyn BoxableExpression<submissions::table, MultiBackend, SqlType = diesel::sql_types::Bool>> =
        Box::new(
            submissions::name_key
                .like(containing(&key))
                .escape('\\')
                .or(submissions::city_key.eq(key.clone()))
                .or(submissions::email_key.eq(key))
                .or(submissions::npi.eq(term.trim().to_string()).assume_not_null()),
        );
    if let Ok(number) = term.trim().trim_start_matches('#').parse::<i64>() {
        condition = Box::new(condition.or(submissions::listing_id.eq(number)));
    }
    condition
}

/// How many submissions wait, in all and by what a moderator filters on.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, ToSchema)]
pub struct QueueCounts {
    pub pending: i64,
    pub new: i64,
    pub edits: i64,
    pub flagged: i64,
    /// Waiting longer than the number of days asked about.
    pub waiting: i64,
}

/// Another listing that may be the same clinician.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Duplicate {
    pub listing_id: i64,
    pub submission_id: i64,
    pub submission_status: SubmissionStatus,
    pub full_name: String,
    pub city: String,
    /// `npi` (the same NPI) or `name_and_city`.
    pub matched_on: String,
}

/// The ids a new listing gets.
#[derive(Debug, Clone, Copy)]
pub struct Created {
    pub listing_id: i64,
    pub submission_id: i64,
}

impl Submission {
    pub fn kind(&self) -> SubmissionKind {
        self.kind
    }

    pub fn status(&self) -> SubmissionStatus {
        self.status
    }

    pub fn content(&self) -> Result<ListingContent, AppError> {
        serde_json::from_str(&self.content).map_err(|e| AppError::Internal(e.into()))
    }

    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
    pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<Submission> {
        submissions::table.find(id).select(Submission::as_select()).first(conn)
    }

    /// The most recent version sent for a listing.
    #[tracing::instrument(level = "debug", skip_all, fields(listing_id = listing_id))]
    pub fn latest_for(conn: &mut AnyConnection, listing_id: i64) -> QueryResult<Option<Submission>> {
        submissions::table
            .filter(submissions::listing_id.eq(listing_id))
            .order(submissions::id.desc())
            .select(Submission::as_select())
            .first(conn)
            .optional()
    }

    /// The pending submissions `filter` keeps.
    fn matching(filter: &QueueFilter) -> submissions::BoxedQuery<'static, MultiBackend> {
        let mut query =
            submissions::table.filter(submissions::status.eq(SubmissionStatus::Pending.as_str())).into_boxed();
        if let Some(kind) = filter.kind {
            query = query.filter(submissions::kind.eq(kind.as_str()));
        }
        if filter.flagged_only {
            query = query.filter(submissions::flagged.eq(true));
        }
        if let Some(before) = filter.submitted_before {
            query = query.filter(submissions::submitted_at.lt(before));
        }
        if let Some(region) = &filter.region {
            query = query.filter(submissions::region_code.eq(region.clone()));
        }
        if let Some(term) = &filter.search {
            query = query.filter(search_condition(term));
        }
        if let Some((moderator_id, since)) = filter.hide_claimed {
            let claimed_by_another = submission_claims::table
                .filter(submission_claims::submission_id.eq(submissions::id))
                .filter(submission_claims::claimed_at.gt(since))
                .filter(submission_claims::moderator_id.ne(moderator_id));
            query = query.filter(diesel::dsl::not(diesel::dsl::exists(claimed_by_another)));
        }
        query
    }

    /// A page of pending submissions with their listings, oldest first, from
    /// `position`: after a submission id (so none is seen twice or skipped
    /// while others are decided), or past a number of them (numbered pages).
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn pending_page(
        conn: &mut AnyConnection,
        filter: &QueueFilter,
        position: QueuePosition,
        limit: i64,
    ) -> QueryResult<Vec<(Submission, Listing)>> {
        let mut query = Self::matching(filter);
        query = match position {
            QueuePosition::After(after) => query.filter(submissions::id.gt(after)),
            QueuePosition::Skip(skipped) => query.offset(skipped),
        };
        let page: Vec<Submission> =
            query.order(submissions::id).limit(limit).select(Submission::as_select()).load(conn)?;
        let ids: Vec<i64> = page.iter().map(|submission| submission.listing_id).collect();
        let mut listings: Vec<Listing> =
            listings::table.filter(listings::id.eq_any(ids)).select(Listing::as_select()).load(conn)?;
        Ok(page
            .into_iter()
            .filter_map(|submission| {
                let at = listings.iter().position(|listing| listing.id == submission.listing_id)?;
                // One pending version a listing: each listing is taken once.
                Some((submission, listings.swap_remove(at)))
            })
            .collect())
    }

    /// How many pending submissions `filter` keeps.
    pub fn count_matching(conn: &mut AnyConnection, filter: &QueueFilter) -> QueryResult<i64> {
        Self::matching(filter).count().get_result(conn)
    }

    /// The regions of the listings waiting for review ("US-OR"), in code order.
    pub fn regions_waiting(conn: &mut AnyConnection) -> QueryResult<Vec<String>> {
        let regions: Vec<Option<String>> = submissions::table
            .filter(submissions::status.eq(SubmissionStatus::Pending.as_str()))
            .filter(submissions::region_code.is_not_null())
            .select(submissions::region_code)
            .distinct()
            .order(submissions::region_code)
            .load(conn)?;
        Ok(regions.into_iter().flatten().collect())
    }

    /// The oldest pending submission other than `current` that `filter` keeps:
    /// the one after it in the queue, else the first.
    pub fn next_pending(conn: &mut AnyConnection, filter: &QueueFilter, current: i64) -> QueryResult<Option<i64>> {
        if let Some((submission, _)) = Self::pending_page(conn, filter, QueuePosition::After(current), 1)?.first() {
            return Ok(Some(submission.id));
        }
        let first = Self::pending_page(conn, filter, QueuePosition::After(0), 1)?;
        Ok(first.first().map(|(submission, _)| submission.id).filter(|id| *id != current))
    }

    pub fn queue_counts(conn: &mut AnyConnection, waiting_since: NaiveDateTime) -> QueryResult<QueueCounts> {
        let pending = || submissions::table.filter(submissions::status.eq(SubmissionStatus::Pending.as_str()));
        Ok(QueueCounts {
            pending: pending().count().get_result(conn)?,
            new: pending().filter(submissions::kind.eq(SubmissionKind::New.as_str())).count().get_result(conn)?,
            edits: pending().filter(submissions::kind.eq(SubmissionKind::Edit.as_str())).count().get_result(conn)?,
            flagged: pending().filter(submissions::flagged.eq(true)).count().get_result(conn)?,
            waiting: pending().filter(submissions::submitted_at.lt(waiting_since)).count().get_result(conn)?,
        })
    }

    /// Listings other than `listing_id` whose pending or approved versions have
    /// the same NPI, or the same name in the same city: likely the same clinician.
    pub fn duplicates_of(
        conn: &mut AnyConnection,
        listing_id: i64,
        content: &ListingContent,
    ) -> QueryResult<Vec<Duplicate>> {
        let name_key = lookup_key(&content.full_name);
        let city_key = lookup_key(&content.city);
        let mut query = submissions::table
            .filter(submissions::listing_id.ne(listing_id))
            .filter(
                submissions::status
                    .eq(SubmissionStatus::Pending.as_str())
                    .or(submissions::status.eq(SubmissionStatus::Approved.as_str())),
            )
            .into_boxed();
        let same_name = submissions::name_key.eq(name_key.clone()).and(submissions::city_key.eq(city_key));
        query = match content.npi.as_deref() {
            Some(npi) => query.filter(same_name.or(submissions::npi.eq(npi))),
            None => query.filter(same_name),
        };
        let found: Vec<Submission> =
            query.order(submissions::id.desc()).limit(20).select(Submission::as_select()).load(conn)?;
        let mut seen = std::collections::HashSet::new();
        Ok(found
            .into_iter()
            .filter(|submission| seen.insert(submission.listing_id))
            .filter_map(|submission| {
                let other = submission.content().ok()?;
                let same_npi = other.npi.is_some() && other.npi == content.npi;
                Some(Duplicate {
                    listing_id: submission.listing_id,
                    submission_id: submission.id,
                    submission_status: submission.status(),
                    full_name: other.full_name.clone(),
                    city: other.city.clone(),
                    matched_on: if same_npi { "npi" } else { "name_and_city" }.to_string(),
                })
            })
            .collect())
    }

    /// Every version of a listing, newest first.
    pub fn versions_of(conn: &mut AnyConnection, listing_id: i64, limit: i64) -> QueryResult<Vec<Submission>> {
        submissions::table
            .filter(submissions::listing_id.eq(listing_id))
            .order(submissions::id.desc())
            .limit(limit)
            .select(Submission::as_select())
            .load(conn)
    }

    /// A page of listings, newest first, with a version whose name contains
    /// `term`, or whose city, NPI, contact email or number it is.
    pub fn find_listings(conn: &mut AnyConnection, term: &str, offset: i64, limit: i64) -> QueryResult<Vec<i64>> {
        submissions::table
            .filter(search_condition(term))
            .select(submissions::listing_id)
            .distinct()
            .order(submissions::listing_id.desc())
            .offset(offset)
            .limit(limit)
            .load(conn)
    }

    /// How many listings `find_listings` finds in all.
    pub fn count_found(conn: &mut AnyConnection, term: &str) -> QueryResult<i64> {
        submissions::table
            .filter(search_condition(term))
            .select(diesel::dsl::count(submissions::listing_id).aggregate_distinct())
            .get_result(conn)
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub fn count_pending(conn: &mut AnyConnection) -> QueryResult<i64> {
        submissions::table.filter(submissions::status.eq(SubmissionStatus::Pending.as_str())).count().get_result(conn)
    }

    /// A brand-new listing, pending review; only the hash of its manage token is kept.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn create_listing(
        conn: &mut AnyConnection,
        listing: &NewListing,
        manage_token_hash: &str,
        is_demo: bool,
    ) -> Result<Created, AppError> {
        write_transaction(conn, |conn| {
            let now = super::now();
            let listing_id = diesel::insert_into(listings::table)
                .values(ListingInsertForm {
                    status: ListingStatus::Pending.as_str(),
                    manage_token_hash,
                    is_demo,
                    created_at: now,
                    updated_at: now,
                    contact_email_key: &listing.content().contact_email.to_lowercase(),
                })
                .returning(listings::id)
                .get_result(conn)?;
            let submission_id = insert(conn, listing_id, SubmissionKind::New, listing.content())?;
            Ok(Created { listing_id, submission_id })
        })
    }

    /// A new version of an existing listing. It replaces any version still
    /// pending, so the queue holds one version a listing and a stream of
    /// edits does not pile up rows (a pending version the audit trail names
    /// is kept, marked superseded); the approved version stays public until
    /// a moderator decides.
    #[tracing::instrument(level = "debug", skip_all, fields(listing_id = listing_id))]
    pub fn create_edit(conn: &mut AnyConnection, listing_id: i64, listing: &NewListing) -> Result<i64, AppError> {
        write_transaction(conn, |conn| {
            let current = Listing::find(conn, listing_id)?;
            let named_in_the_audit_trail =
                events::table.filter(events::submission_id.eq(submissions::id.nullable())).select(events::id);
            diesel::delete(submissions::table)
                .filter(submissions::listing_id.eq(listing_id))
                .filter(submissions::status.eq(SubmissionStatus::Pending.as_str()))
                .filter(diesel::dsl::not(diesel::dsl::exists(named_in_the_audit_trail)))
                .execute(conn)?;
            diesel::update(submissions::table)
                .filter(submissions::listing_id.eq(listing_id))
                .filter(submissions::status.eq(SubmissionStatus::Pending.as_str()))
                .set(submissions::status.eq(SubmissionStatus::Superseded.as_str()))
                .execute(conn)?;
            let kind = if current.approved_content().is_some() { SubmissionKind::Edit } else { SubmissionKind::New };
            let submission_id = insert(conn, listing_id, kind, listing.content())?;
            let status = current.status().resubmit();
            diesel::update(listings::table.find(listing_id))
                .set((listings::status.eq(status.as_str()), listings::updated_at.eq(super::now())))
                .execute(conn)?;
            if kind == SubmissionKind::New {
                // Never approved: the latest version's address is the one to recover by.
                Listing::set_contact_email_key(conn, listing_id, &listing.content().contact_email)?;
            }
            Ok(submission_id)
        })
    }

    /// Publishes a pending version: a new listing goes public, an edit replaces
    /// the public content at once.
    /// Returns the listing's id.
    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
    /// An imported listing's fields left to be chosen are filled from `choices` first.
    pub fn approve(
        conn: &mut AnyConnection,
        id: i64,
        actor: &Actor,
        note: Option<&str>,
        choices: &Choices,
    ) -> Result<i64, AppError> {
        write_transaction(conn, |conn| {
            let mut submission = claim(conn, id, SubmissionStatus::Approved, actor, note)?;
            let listing = Listing::find(conn, submission.listing_id)?;
            let mut content = submission.content()?;
            if content.choose(choices)? {
                submission.content = serde_json::to_string(&content).map_err(|e| AppError::Internal(e.into()))?;
                diesel::update(submissions::table.find(id))
                    .set(submissions::content.eq(&submission.content))
                    .execute(conn)?;
            }
            let mut changes = changed_fields(listing.approved_content().as_ref(), &content);
            let status = listing.status().approve();
            if status != listing.status() {
                changes.push(FieldChange::new("status", listing.status().as_str(), status.as_str()));
            }
            let now = super::now();
            diesel::update(listings::table.find(listing.id))
                .set((
                    listings::status.eq(status.as_str()),
                    listings::content.eq(&submission.content),
                    listings::contact_email_key.eq(content.contact_email.to_lowercase()),
                    listings::updated_at.eq(now),
                    listings::last_reviewed_at.eq(now),
                    // Approval confirms the details as of now, for the yearly re-confirmation.
                    listings::confirmed_at.eq(Some(now)),
                ))
                .execute(conn)?;
            Listing::sync_summary(conn, listing.id)?;
            Event::record(conn, actor, "approve", subject(&submission), note, &changes)?;
            Ok(listing.id)
        })
    }

    /// Declines a pending version with a reason the clinician will see.
    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
    pub fn reject(conn: &mut AnyConnection, id: i64, actor: &Actor, reason: &str) -> Result<(), AppError> {
        write_transaction(conn, |conn| {
            let submission = claim(conn, id, SubmissionStatus::Rejected, actor, Some(reason))?;
            let listing = Listing::find(conn, submission.listing_id)?;
            let status = listing.status().reject();
            let mut changes = vec![FieldChange::new("submission.status", "pending", "rejected")];
            if status != listing.status() {
                changes.push(FieldChange::new("status", listing.status().as_str(), status.as_str()));
                diesel::update(listings::table.find(listing.id))
                    .set((listings::status.eq(status.as_str()), listings::updated_at.eq(super::now())))
                    .execute(conn)?;
            }
            Event::record(conn, actor, "reject", subject(&submission), Some(reason), &changes)?;
            Ok(())
        })
    }
}

/// A confirmed claim on an unclaimed listing: its approved version, with the
/// claimer's address as the contact email, is stored as a version decided at
/// once (nothing public changes, so there is nothing to review); the listing
/// is claimed and takes the new manage token. A claimed listing conflicts.
#[tracing::instrument(level = "debug", skip_all, fields(listing_id = listing_id))]
pub fn publish_claim(
    conn: &mut AnyConnection,
    listing_id: i64,
    email: &str,
    manage_token_hash: &str,
    actor: &Actor,
) -> Result<(), AppError> {
    write_transaction(conn, |conn| {
        let listing = Listing::find(conn, listing_id)?;
        let content = listing.approved_content().filter(|_| listing.status().is_public());
        let Some(mut content) = content.filter(|_| !listing.claimed) else {
            return Err(AppError::Conflict("this listing is not open to a claim".into()));
        };
        content.contact_email = email.to_string();
        let submission_id = insert(conn, listing_id, SubmissionKind::Edit, &content)?;
        let now = super::now();
        diesel::update(submissions::table.find(submission_id))
            .set((
                submissions::status.eq(SubmissionStatus::Approved.as_str()),
                submissions::decided_at.eq(now),
                submissions::decided_by.eq(actor.moderator_id()),
            ))
            .execute(conn)?;
        let json = serde_json::to_string(&content).map_err(|error| AppError::Internal(error.into()))?;
        diesel::update(listings::table.find(listing_id))
            .set((
                listings::content.eq(Some(json)),
                listings::contact_email_key.eq(email.to_lowercase()),
                listings::claimed.eq(true),
                listings::manage_token_hash.eq(manage_token_hash),
                listings::updated_at.eq(now),
                // Approved from a public list, never confirmed by the clinician
                // who now holds it: their yearly reminder asks them to.
                listings::confirmed_at.eq(None::<chrono::NaiveDateTime>),
            ))
            .execute(conn)?;
        Listing::sync_summary(conn, listing_id)?;
        let subject = Subject { listing_id: Some(listing_id), submission_id: Some(submission_id), report_id: None };
        let changes = [FieldChange::new("claimed", false, true)];
        Event::record(conn, actor, AuditAction::Claim.as_str(), subject, None, &changes)?;
        Ok(())
    })
}

fn subject(submission: &Submission) -> Subject {
    Subject { listing_id: Some(submission.listing_id), submission_id: Some(submission.id), report_id: None }
}

#[expect(clippy::expect_used, reason = "listing content is plain data and always serializes")]
fn insert(
    conn: &mut AnyConnection,
    listing_id: i64,
    kind: SubmissionKind,
    content: &ListingContent,
) -> QueryResult<i64> {
    diesel::insert_into(submissions::table)
        .values(SubmissionInsertForm {
            listing_id,
            kind: kind.as_str(),
            status: SubmissionStatus::Pending.as_str(),
            content: serde_json::to_string(content).expect("listing content serializes"),
            submitted_at: super::now(),
            name_key: lookup_key(&content.full_name),
            city_key: lookup_key(&content.city),
            npi: content.npi.as_deref(),
            flagged: !content.red_flags().is_empty(),
            email_key: lookup_key(&content.contact_email),
            region_code: content.region.as_ref().map(|region| format!("{}-{region}", content.country).to_uppercase()),
        })
        .returning(submissions::id)
        .get_result(conn)
}

/// Records a decision on a pending submission. The update only matches a
/// pending row, so of two moderators deciding at once the second conflicts.
fn claim(
    conn: &mut AnyConnection,
    id: i64,
    decision: SubmissionStatus,
    actor: &Actor,
    note: Option<&str>,
) -> Result<Submission, AppError> {
    let submission = Submission::find(conn, id)?;
    submission.status().decide(decision)?;
    let claimed = diesel::update(submissions::table.find(id))
        .filter(submissions::status.eq(SubmissionStatus::Pending.as_str()))
        .set((
            submissions::status.eq(decision.as_str()),
            submissions::decided_at.eq(super::now()),
            submissions::decided_by.eq(actor.moderator_id()),
            submissions::decision_note.eq(note),
        ))
        .execute(conn)?;
    if claimed == 0 {
        return Err(AppError::Conflict("this submission was already decided".into()));
    }
    Ok(submission)
}
