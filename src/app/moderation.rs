//! The moderators' work: the queue, decisions, suspensions, reports, audit trail.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::letters::{self, Letter};
use super::nppes::{self, NpiCheck};
use super::AppState;
use crate::db::claims::{self, Claim};
use crate::db::events::{Actor, Event, EventFilter};
use crate::db::listings::Listing;
use crate::db::outbox::{self, DeliveryStatus, OutboxMessage};
use crate::db::reports::Report;
use crate::db::submissions::{Duplicate, QueueCounts, QueueFilter, QueuePosition, Submission};
use crate::db::{write_transaction, AnyConnection};
use crate::domain::listing::{Choices, ListingContent, RedFlag};
use crate::domain::moderation::{
    changed_fields, AuditAction, FieldChange, ListingStatus, ReportStatus, SubmissionKind, SubmissionStatus,
};
use crate::domain::FieldErrors;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::i18n::Text;

/// A submission with what a moderator must see to decide it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct QueueItem {
    pub submission_id: i64,
    pub listing_id: i64,
    pub kind: SubmissionKind,
    pub submitted_at: DateTime<Utc>,
    pub listing_status: ListingStatus,
    pub red_flags: Vec<RedFlag>,
    /// For edits: each field that differs from the public version.
    pub changed_fields: Vec<FieldChange>,
    /// The submitted version, private contact email included.
    pub listing: ListingContent,
    /// The moderator who opened it in the last 15 minutes, if any.
    pub claim: Option<Claim>,
    /// What the loaded national provider registry says of its NPI; none without an NPI.
    #[serde(default)]
    pub npi_registry: Option<NpiCheck>,
}

impl QueueItem {
    fn of(submission: &Submission, listing: &Listing) -> Result<QueueItem, AppError> {
        let content = submission.content()?;
        let changed = match submission.kind() {
            SubmissionKind::Edit => changed_fields(listing.approved_content().as_ref(), &content),
            SubmissionKind::New => Vec::new(),
        };
        Ok(QueueItem {
            submission_id: submission.id,
            listing_id: listing.id,
            kind: submission.kind(),
            submitted_at: submission.submitted_at.and_utc(),
            listing_status: listing.status(),
            red_flags: content.red_flags(),
            changed_fields: changed,
            listing: content,
            claim: None,
            npi_registry: None,
        })
    }
}

/// What a moderator asks of the queue: which submissions, and from where.
#[derive(Debug, Clone)]
pub struct QueueQuery {
    pub kind: Option<SubmissionKind>,
    pub flagged_only: bool,
    /// Only those waiting longer than this many days.
    pub waiting_days: Option<u32>,
    /// Only listings in this region ("US-OR").
    pub region: Option<String>,
    /// A name or part of one, a city, an NPI, a contact email or a listing number.
    pub search: Option<String>,
    /// Leave out what other moderators have open.
    pub hide_claimed: bool,
    /// The moderator asking: their own claims are never hidden.
    pub viewer: i64,
    pub position: QueuePosition,
    pub limit: i64,
}

impl Default for QueueQuery {
    fn default() -> Self {
        QueueQuery {
            kind: None,
            flagged_only: false,
            waiting_days: None,
            region: None,
            search: None,
            hide_claimed: false,
            viewer: 0,
            position: QueuePosition::After(0),
            limit: 25,
        }
    }
}

/// The queue counts `waiting` as longer than this many days unless asked otherwise.
pub const WAITING_DAYS: u32 = 7;

impl QueueQuery {
    fn filter(&self) -> QueueFilter {
        QueueFilter {
            kind: self.kind,
            flagged_only: self.flagged_only,
            submitted_before: self.waiting_days.map(days_ago),
            region: self.region.clone(),
            search: self.search.clone(),
            hide_claimed: self.hide_claimed.then(|| (self.viewer, claims::live_since())),
        }
    }
}

fn days_ago(days: u32) -> chrono::NaiveDateTime {
    crate::db::now() - chrono::Duration::days(i64::from(days))
}

/// One page of the queue and the counts over all of it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct QueuePage {
    pub counts: QueueCounts,
    /// How many submissions the filter keeps, on every page.
    pub total: i64,
    pub items: Vec<QueueItem>,
    /// The `after` that gives the next page; none on the last.
    pub next_after: Option<i64>,
    /// The regions of every listing waiting ("US-OR"), to filter by.
    pub regions: Vec<String>,
}

/// Pending submissions, oldest first, with red flags, changed fields and claims.
pub async fn queue(state: &AppState, query: QueueQuery) -> Result<QueuePage, AppError> {
    state
        .db(move |conn| {
            let counts = Submission::queue_counts(conn, days_ago(query.waiting_days.unwrap_or(WAITING_DAYS)))?;
            let filter = query.filter();
            let total = Submission::count_matching(conn, &filter)?;
            let mut rows = Submission::pending_page(conn, &filter, query.position, query.limit + 1)?;
            let more = rows.len() as i64 > query.limit;
            rows.truncate(query.limit as usize);
            let mut items = rows
                .iter()
                .map(|(submission, listing)| QueueItem::of(submission, listing))
                .collect::<Result<Vec<_>, _>>()?;
            let registry = nppes::current(conn)?;
            for item in &mut items {
                item.npi_registry = nppes::check(conn, registry.as_ref(), &item.listing)?;
            }
            let ids: Vec<i64> = items.iter().map(|item| item.submission_id).collect();
            let mut held = Claim::on(conn, &ids)?;
            for item in &mut items {
                item.claim = held
                    .iter()
                    .position(|claim| claim.submission_id == item.submission_id)
                    .map(|at| held.swap_remove(at));
            }
            let next_after = more.then(|| items.last().map(|item| item.submission_id)).flatten();
            Ok(QueuePage { counts, total, items, next_after, regions: Submission::regions_waiting(conn)? })
        })
        .await
}

/// One submission on its own page: everything in it, where it stands, and
/// the listings that may be the same clinician.
pub struct Review {
    pub item: QueueItem,
    pub status: SubmissionStatus,
    pub decision_note: Option<String>,
    pub duplicates: Vec<Duplicate>,
    /// The submission to open after this one is decided.
    pub next: Option<i64>,
    /// For an imported listing, what its source held that the listing cannot
    /// (a table, line and column each).
    pub kept_from_import: Vec<String>,
}

/// Opens a submission for the moderator `query` names: a pending one becomes
/// theirs for 15 minutes, unless another moderator opened it first.
pub async fn review(state: &AppState, submission_id: i64, query: QueueQuery) -> Result<Review, AppError> {
    state
        .db(move |conn| {
            let submission = Submission::find(conn, submission_id)?;
            let listing = Listing::find(conn, submission.listing_id)?;
            let mut item = QueueItem::of(&submission, &listing)?;
            if submission.status() == SubmissionStatus::Pending {
                item.claim = Claim::take(conn, submission_id, query.viewer)?;
            }
            let import_note = Event::first_note(conn, listing.id, AuditAction::Import.as_str())?;
            let registry = nppes::current(conn)?;
            item.npi_registry = nppes::check(conn, registry.as_ref(), &item.listing)?;
            Ok(Review {
                kept_from_import: import_note
                    .iter()
                    .flat_map(|note| note.lines().skip(1))
                    .map(str::to_string)
                    .collect(),
                duplicates: Submission::duplicates_of(conn, listing.id, &item.listing)?,
                next: Submission::next_pending(conn, &query.filter(), submission_id)?,
                status: submission.status(),
                decision_note: submission.decision_note.clone(),
                item,
            })
        })
        .await
}

/// The submission to open once `current` is decided, among those `query` keeps.
pub async fn next_in_queue(state: &AppState, query: QueueQuery, current: i64) -> Result<Option<i64>, AppError> {
    state.db(move |conn| Ok(Submission::next_pending(conn, &query.filter(), current)?)).await
}

/// The longest search term the finder takes, in characters.
pub const MAX_SEARCH: usize = 200;

/// A finder's search term: one to 200 characters once trimmed.
pub fn required_search(term: String) -> Result<String, AppError> {
    let mut errors = FieldErrors::new();
    let term = errors.required_text("q", Some(term.trim().to_string()), MAX_SEARCH);
    errors.finish(term)
}

/// The audit trail's filter from what a moderator asked; a day range that
/// ends before it starts is an error on `to`.
pub fn audit_filter(
    errors: &mut FieldErrors,
    listing_id: Option<i64>,
    moderator_id: Option<i64>,
    action: Option<AuditAction>,
    (from, to): (Option<NaiveDate>, Option<NaiveDate>),
) -> EventFilter {
    if let (Some(from), Some(to)) = (from, to) {
        if to < from {
            errors.add("to", Text::new("field-error-date-before-from"));
        }
    }
    EventFilter {
        listing_id,
        moderator_id,
        action: action.map(|action| action.as_str().to_string()),
        from: from.map(|day| day.and_time(NaiveTime::MIN)),
        until: to.and_then(|day| day.succ_opt()).map(|day| day.and_time(NaiveTime::MIN)),
    }
}

/// A listing as the finder shows it: its latest version's name, city and NPI.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct FoundListing {
    pub listing_id: i64,
    pub status: ListingStatus,
    pub full_name: String,
    pub city: String,
    pub npi: Option<String>,
}

/// One page of the finder's results, and how many matched in all.
pub struct Found {
    pub total: i64,
    pub listings: Vec<FoundListing>,
}

/// How many listings a page of the finder shows.
pub const FOUND_SHOWN: i64 = 50;

/// Listings of any status by name, NPI, city, contact email or number, newest
/// first, `FOUND_SHOWN` at a time from the page `page` (from 0).
pub async fn find_listings(state: &AppState, term: String, page: i64) -> Result<Found, AppError> {
    state
        .db(move |conn| {
            let listings = Submission::find_listings(conn, &term, page * FOUND_SHOWN, FOUND_SHOWN)?
                .into_iter()
                .map(|id| {
                    let listing = Listing::find(conn, id)?;
                    let latest = Submission::latest_for(conn, id)?.ok_or(AppError::NotFound)?.content()?;
                    Ok(FoundListing {
                        listing_id: id,
                        status: listing.status(),
                        full_name: latest.full_name.clone(),
                        city: latest.city.clone(),
                        npi: latest.npi.clone(),
                    })
                })
                .collect::<Result<_, AppError>>()?;
            Ok(Found { total: Submission::count_found(conn, &term)?, listings })
        })
        .await
}

/// Everything moderators know of one listing.
pub struct ListingRecord {
    pub listing: Listing,
    /// The latest version sent, approved or not.
    pub latest: ListingContent,
    pub versions: Vec<Submission>,
    pub reports: Vec<Report>,
    pub events: Vec<Event>,
}

/// How many versions, reports and events a listing's page shows; the audit
/// trail page filtered by listing has the rest.
const HISTORY_SHOWN: i64 = 30;

pub async fn listing_record(state: &AppState, listing_id: i64) -> Result<ListingRecord, AppError> {
    state
        .db(move |conn| {
            let listing = Listing::find(conn, listing_id)?;
            let versions = Submission::versions_of(conn, listing_id, HISTORY_SHOWN)?;
            let latest = versions.first().ok_or(AppError::NotFound)?.content()?;
            let filter = EventFilter { listing_id: Some(listing_id), ..EventFilter::default() };
            Ok(ListingRecord {
                latest,
                versions,
                reports: Report::about(conn, listing_id, HISTORY_SHOWN)?,
                events: Event::page(conn, &filter, None, HISTORY_SHOWN)?,
                listing,
            })
        })
        .await
}

/// A moderator's change to an approved listing's standing.
pub enum ListingChange {
    Suspend {
        reason: String,
    },
    Reinstate {
        note: Option<String>,
    },
    /// A moderator checked an unclaimed listing by phone on that day.
    Reverify {
        verified_on: chrono::NaiveDate,
    },
}

/// Approves a submission and puts the listing's new public state into search.
#[tracing::instrument(skip(state, note))]
pub async fn approve(
    state: &AppState,
    actor: Actor,
    submission_id: i64,
    note: Option<String>,
    choices: Choices,
) -> Result<(), AppError> {
    let search = state.search.clone();
    let (links, mail_from) = (state.links(), state.settings.mail.from.clone());
    state
        .db(move |conn| {
            let listing_id = write_transaction(conn, |conn| {
                let before = nppes::before_approval(conn, submission_id)?;
                let listing_id = Submission::approve(conn, submission_id, &actor, note.as_deref(), &choices)?;
                nppes::verify_at_approval(conn, submission_id, before)?;
                tell_clinician(conn, &mail_from, listing_id, |lang| Letter::Approved {
                    profile_link: links.to(lang, &format!("/clinicians/{listing_id}")),
                })?;
                Ok::<_, AppError>(listing_id)
            })?;
            Ok(search.refresh(conn, listing_id)?)
        })
        .await
}

/// Rejects a submission with a reason the clinician will see, and mails it to them.
#[tracing::instrument(skip(state, reason))]
pub async fn reject(state: &AppState, actor: Actor, submission_id: i64, reason: String) -> Result<(), AppError> {
    let mail_from = state.settings.mail.from.clone();
    state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                Submission::reject(conn, submission_id, &actor, &reason)?;
                // The rejected version's address: a new listing has no other.
                let submission = Submission::find(conn, submission_id)?;
                let listing = Listing::find(conn, submission.listing_id)?;
                let letter = Letter::Rejected { reason: reason.clone() };
                letters::send(conn, &mail_from, &listing, &submission.content()?, &letter)?;
                Ok(())
            })
        })
        .await
}

/// Writes a letter to the clinician of an approved listing, at its public contact address.
fn tell_clinician(
    conn: &mut AnyConnection,
    mail_from: &str,
    listing_id: i64,
    letter: impl FnOnce(Lang) -> Letter,
) -> Result<(), AppError> {
    let listing = Listing::find(conn, listing_id)?;
    if let Some(content) = listing.approved_content() {
        let letter = letter(Lang::from_code(&listing.language).unwrap_or_default());
        letters::send(conn, mail_from, &listing, &content, &letter)?;
    }
    Ok(())
}

/// Suspends, reinstates or re-verifies a listing, and updates search at once.
#[tracing::instrument(skip(state, change))]
pub async fn change_listing(
    state: &AppState,
    actor: Actor,
    listing_id: i64,
    change: ListingChange,
) -> Result<ListingStatus, AppError> {
    let search = state.search.clone();
    let (links, mail_from) = (state.links(), state.settings.mail.from.clone());
    state
        .db(move |conn| {
            let status = write_transaction(conn, |conn| {
                let status = match &change {
                    ListingChange::Suspend { reason } => {
                        let status = Listing::suspend(conn, listing_id, &actor, reason)?;
                        tell_clinician(conn, &mail_from, listing_id, |_| Letter::Suspended { reason: reason.clone() })?;
                        status
                    }
                    ListingChange::Reinstate { note } => {
                        let status = Listing::reinstate(conn, listing_id, &actor, note.as_deref())?;
                        tell_clinician(conn, &mail_from, listing_id, |lang| Letter::Reinstated {
                            profile_link: links.to(lang, &format!("/clinicians/{listing_id}")),
                        })?;
                        status
                    }
                    ListingChange::Reverify { verified_on } => {
                        Listing::reverify(conn, listing_id, &actor, *verified_on)?
                    }
                };
                Ok::<_, AppError>(status)
            })?;
            search.refresh(conn, listing_id)?;
            Ok(status)
        })
        .await
}

/// Mail that failed every try, newest first, for moderators to follow up by hand.
pub async fn undelivered_mail(state: &AppState, limit: i64) -> Result<Vec<OutboxMessage>, AppError> {
    state.db(move |conn| Ok(outbox::with_status(conn, DeliveryStatus::Failed, limit)?)).await
}

/// A page of reports of one status (all when `None`), oldest first, after the report `after`.
pub async fn reports(
    state: &AppState,
    status: Option<ReportStatus>,
    after: i64,
    limit: i64,
) -> Result<Vec<Report>, AppError> {
    state.db(move |conn| Ok(Report::page(conn, status, after, limit)?)).await
}

/// The open reports about one listing, with the clinician it names.
pub struct ReportGroup {
    pub listing_id: i64,
    pub full_name: String,
    /// How many reports are open, shown or not.
    pub open: i64,
    /// The oldest open ones, at most `REPORTS_PER_LISTING`.
    pub reports: Vec<Report>,
}

/// A page of reported listings, and how many there are in all.
pub struct ReportGroups {
    pub listings: i64,
    pub groups: Vec<ReportGroup>,
}

/// How many of one listing's open reports its group shows; its page has the rest.
pub const REPORTS_PER_LISTING: i64 = 5;

/// Open reports grouped by listing, the listing reported earliest first,
/// `per_page` listings from the page `page` (from 0).
pub async fn report_groups(state: &AppState, page: i64, per_page: i64) -> Result<ReportGroups, AppError> {
    state
        .db(move |conn| {
            let groups = Report::open_by_listing(conn, page * per_page, per_page)?
                .into_iter()
                .map(|(listing_id, open)| {
                    let content = match Listing::find(conn, listing_id)?.approved_content() {
                        Some(content) => content,
                        None => Submission::latest_for(conn, listing_id)?.ok_or(AppError::NotFound)?.content()?,
                    };
                    let reports = Report::open_about(conn, listing_id, REPORTS_PER_LISTING)?;
                    Ok(ReportGroup { listing_id, full_name: content.full_name.clone(), open, reports })
                })
                .collect::<Result<_, AppError>>()?;
            Ok(ReportGroups { listings: Report::count_reported_listings(conn)?, groups })
        })
        .await
}

/// Closes a report with a note of what was done.
#[tracing::instrument(skip(state, note))]
pub async fn resolve_report(state: &AppState, actor: Actor, report_id: i64, note: String) -> Result<(), AppError> {
    state.db(move |conn| Report::resolve(conn, report_id, &actor, &note)).await
}

/// A page of the audit trail, newest first, before the event `before`.
pub async fn events(
    state: &AppState,
    filter: EventFilter,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Event>, AppError> {
    state.db(move |conn| Ok(Event::page(conn, &filter, before, limit)?)).await
}
