//! Keeping listings true over time. A public listing is due for confirmation
//! `CONFIRM_EVERY_DAYS` after its clinician last confirmed it (approval
//! counts). The sweep reminds them 30 days before the due date and on it, and
//! hides the listing (`lapsed`) 60 days after it; confirming brings it back.
//!
//! Each step happens once per listing and due date however often the sweep
//! runs, and on however many processes: a reminder is an outbox message with
//! a once-only key, and its audit event is written only when the message was,
//! in the same transaction; a lapse is a conditional update.

use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::letters::{self, Letter};
use super::{AppState, Links};
use crate::config::Settings;
use crate::db::events::{Actor, Event, Subject};
use crate::db::listings::{ConfirmationDates, Listing};
use crate::db::{write_transaction, AnyConnection};
use crate::domain::moderation::ListingStatus;
use crate::error::AppError;
use crate::i18n::Lang;

/// The first reminder goes this many days before the due date.
pub const REMIND_DAYS_BEFORE: u32 = 30;
/// A listing lapses this many days after its due date.
pub const LAPSE_DAYS_AFTER: u32 = 60;
/// Who the audit trail says did it.
const SWEEPER: Actor = Actor::Operator("freshness");
/// Where a reminder sends a clinician who lost their private link. The
/// manage token is kept only as a hash, so a reminder cannot carry the
/// private link itself; it asks for it, and points here for a new one.
const LOST_LINK_PATH: &str = "/manage/recovery";

/// One thing the sweep did for one listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The reminder 30 days before the due date.
    ReminderSoon,
    /// The reminder on the due date.
    ReminderDue,
    /// Hidden, 60 days after the due date.
    Lapsed,
}

impl Step {
    /// The audit trail's action for the step.
    pub fn action(self) -> &'static str {
        match self {
            Step::ReminderSoon => "reminder_soon",
            Step::ReminderDue => "reminder_due",
            Step::Lapsed => "lapse",
        }
    }

    /// What a listing last confirmed on `confirmed` needs on `as_of`, with its
    /// due date: only the latest step, so a sweep that did not run for a
    /// while never sends a "due in 30 days" after the due date.
    pub fn on(as_of: NaiveDate, confirmed: NaiveDate, every_days: u32) -> Option<(NaiveDate, Step)> {
        let due = confirmed.checked_add_days(Days::new(u64::from(every_days)))?;
        let step = if as_of >= due.checked_add_days(Days::new(u64::from(LAPSE_DAYS_AFTER)))? {
            Step::Lapsed
        } else if as_of >= due {
            Step::ReminderDue
        } else if as_of >= due.checked_sub_days(Days::new(u64::from(REMIND_DAYS_BEFORE)))? {
            Step::ReminderSoon
        } else {
            return None;
        };
        Some((due, step))
    }
}

/// A step done for a listing, and the due date it was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Done {
    pub listing_id: i64,
    pub due: NaiveDate,
    pub step: Step,
}

/// What one sweep did; a step another sweep did first is not in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SweepReport {
    pub as_of: NaiveDate,
    pub done: Vec<Done>,
}

impl SweepReport {
    pub fn count(&self, step: Step) -> usize {
        self.done.iter().filter(|done| done.step == step).count()
    }
}

impl std::fmt::Display for SweepReport {
    /// One line per step, then the totals: what `benzowise freshness` prints.
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for done in &self.done {
            writeln!(out, "{:<14} listing {:<8} due {}", done.step.action(), done.listing_id, done.due)?;
        }
        write!(
            out,
            "as of {}: {} reminder(s) {REMIND_DAYS_BEFORE} days ahead, {} on the due date, {} listing(s) lapsed",
            self.as_of,
            self.count(Step::ReminderSoon),
            self.count(Step::ReminderDue),
            self.count(Step::Lapsed),
        )
    }
}

/// What the sweep needs of the settings, so that it runs without a server.
#[derive(Debug, Clone)]
pub struct SweepSettings {
    pub links: Links,
    pub mail_from: String,
    pub confirm_every_days: u32,
}

impl SweepSettings {
    pub fn of(settings: &Settings) -> SweepSettings {
        SweepSettings {
            links: Links::of(settings),
            mail_from: settings.mail.from.clone(),
            confirm_every_days: settings.mail.confirm_every_days,
        }
    }
}

/// Sends the reminders due on `as_of` and lapses the overdue listings, and
/// updates this process's search at once (others follow the audit trail).
pub async fn sweep(state: &AppState, as_of: NaiveDate) -> Result<SweepReport, AppError> {
    let settings = SweepSettings::of(&state.settings);
    let search = state.search.clone();
    state
        .db(move |conn| {
            let report = sweep_with(conn, &settings, as_of)?;
            for done in report.done.iter().filter(|done| done.step == Step::Lapsed) {
                search.refresh(conn, done.listing_id)?;
            }
            Ok(report)
        })
        .await
}

/// The sweep on one connection, for the command line.
pub fn sweep_with(
    conn: &mut AnyConnection,
    settings: &SweepSettings,
    as_of: NaiveDate,
) -> Result<SweepReport, AppError> {
    let mut report = SweepReport { as_of, done: Vec::new() };
    for seen in Listing::confirmed_before(conn, first_not_due(as_of, settings.confirm_every_days))? {
        let Some((due, step)) = Step::on(as_of, seen.last_confirmed().date(), settings.confirm_every_days) else {
            continue;
        };
        let done = match step {
            Step::ReminderSoon | Step::ReminderDue => remind(conn, settings, &seen, due, step)?,
            Step::Lapsed => lapse(conn, settings, &seen, due)?,
        };
        if done {
            report.done.push(Done { listing_id: seen.id, due, step });
        }
    }
    Ok(report)
}

/// Listings last confirmed at or after this time need nothing on `as_of`.
fn first_not_due(as_of: NaiveDate, every_days: u32) -> NaiveDateTime {
    let days_back = i64::from(every_days) - i64::from(REMIND_DAYS_BEFORE) - 1;
    (as_of - chrono::Duration::days(days_back)).and_time(chrono::NaiveTime::MIN)
}

/// Writes one reminder and its audit event; false when it was written before.
fn remind(
    conn: &mut AnyConnection,
    settings: &SweepSettings,
    seen: &ConfirmationDates,
    due: NaiveDate,
    step: Step,
) -> Result<bool, AppError> {
    write_transaction(conn, |conn| {
        let listing = Listing::find(conn, seen.id)?;
        // Confirmed, withdrawn or suspended since it was read: nothing to remind.
        if listing.status() != ListingStatus::Approved || listing.confirmed_at != seen.confirmed_at {
            return Ok(false);
        }
        let Some(content) = listing.approved_content() else { return Ok(false) };
        let link = lost_link(settings, &listing);
        let letter = match step {
            Step::ReminderSoon => Letter::ReminderSoon { due, link },
            _ => Letter::ReminderDue { due, link },
        };
        if !letters::send(conn, &settings.mail_from, &listing, &content, &letter)? {
            return Ok(false);
        }
        let subject = Subject { listing_id: Some(seen.id), ..Subject::default() };
        Event::record(conn, &SWEEPER, step.action(), subject, Some(&format!("confirmation due {due}")), &[])?;
        Ok(true)
    })
}

/// Hides a listing not confirmed in time and tells its clinician; false when
/// it was confirmed, or lapsed by another sweep, since it was read.
fn lapse(
    conn: &mut AnyConnection,
    settings: &SweepSettings,
    seen: &ConfirmationDates,
    due: NaiveDate,
) -> Result<bool, AppError> {
    write_transaction(conn, |conn| {
        let reason = format!("not confirmed by {due}, the due date, nor in the {LAPSE_DAYS_AFTER} days after");
        if !Listing::lapse(conn, seen, &SWEEPER, &reason)? {
            return Ok(false);
        }
        let listing = Listing::find(conn, seen.id)?;
        if let Some(content) = listing.approved_content() {
            let letter = Letter::Lapsed { due, link: lost_link(settings, &listing) };
            letters::send(conn, &settings.mail_from, &listing, &content, &letter)?;
        }
        Ok(true)
    })
}

/// A lapsed listing as moderators see it.
#[derive(Debug, Serialize, Deserialize)]
pub struct LapsedListing {
    pub listing_id: i64,
    pub full_name: String,
    /// Where the reminders went, for a moderator who wants to write too.
    pub contact_email: String,
    pub confirmed_at: Option<DateTime<Utc>>,
}

/// How many listings are lapsed, and the `limit` that lapsed longest ago.
pub async fn lapsed(state: &AppState, limit: i64) -> Result<(usize, Vec<LapsedListing>), AppError> {
    state
        .db(move |conn| {
            let total = Listing::count_by_status(conn)?
                .into_iter()
                .find(|(status, _)| status == ListingStatus::Lapsed.as_str())
                .map_or(0, |(_, count)| usize::try_from(count).unwrap_or(usize::MAX));
            let listings = Listing::lapsed(conn, limit)?
                .into_iter()
                .filter_map(|listing| {
                    let content = listing.approved_content()?;
                    Some(LapsedListing {
                        listing_id: listing.id,
                        full_name: content.full_name.clone(),
                        contact_email: content.contact_email,
                        confirmed_at: listing.confirmed_at.map(|time| time.and_utc()),
                    })
                })
                .collect();
            Ok((total, listings))
        })
        .await
}

fn lost_link(settings: &SweepSettings, listing: &Listing) -> String {
    settings.links.to(Lang::from_code(&listing.language).unwrap_or_default(), LOST_LINK_PATH)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn each_day_of_the_year_asks_for_the_latest_step_only() {
        let confirmed = day("2026-01-10");
        let step = |as_of: &str| Step::on(day(as_of), confirmed, 365);
        let due = day("2027-01-10");
        assert_eq!(step("2026-12-10"), None);
        assert_eq!(step("2026-12-11"), Some((due, Step::ReminderSoon)));
        assert_eq!(step("2027-01-09"), Some((due, Step::ReminderSoon)));
        assert_eq!(step("2027-01-10"), Some((due, Step::ReminderDue)));
        assert_eq!(step("2027-03-10"), Some((due, Step::ReminderDue)));
        assert_eq!(step("2027-03-11"), Some((due, Step::Lapsed)));
    }

    #[test]
    fn the_query_cut_off_keeps_every_listing_with_a_step() {
        let as_of = day("2026-12-11");
        let cut_off = first_not_due(as_of, 365);
        // Confirmed on 2026-01-10: the reminder 30 days ahead is due on 2026-12-11.
        assert!(day("2026-01-10").and_time(chrono::NaiveTime::MIN) < cut_off);
        assert!(day("2026-01-10").and_hms_opt(23, 59, 59).unwrap_or_default() < cut_off);
        assert_eq!(Step::on(as_of, day("2026-01-11"), 365), None);
        assert!(day("2026-01-11").and_time(chrono::NaiveTime::MIN) >= cut_off);
    }
}
