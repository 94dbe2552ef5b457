//! What every use case shares: the pool, settings, gazetteer, search and limits.

use std::sync::Arc;

use super::hsds::ids::ListingIds;
use super::metrics::Metrics;
use super::throttle::{Limit, ReadLimit};
use crate::config::Settings;
use crate::db::{AnyConnection, Pool};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::mail::Mailer;
use crate::places::Gazetteer;
use crate::search::sync::SearchSync;

pub struct AppState {
    pub pool: Pool,
    pub settings: Settings,
    pub gazetteer: &'static Gazetteer,
    pub metrics: Metrics,
    pub search: Arc<SearchSync>,
    /// Failed log-ins (wrong passwords and codes), by client and by account.
    pub failed_logins: Limit,
    pub submissions: Limit,
    /// Edits sent with one manage token, and by one client.
    pub edits_by_listing: Limit,
    pub edits_by_client: Limit,
    pub reports: Limit,
    /// One report of a kind about a listing by a client a day: a repeat is counted once.
    pub same_report: Limit,
    /// Lost-link requests, by client and by address asked for.
    pub recoveries_by_client: Limit,
    pub recoveries_by_address: Limit,
    /// Claims on unclaimed listings, by client and by listing.
    pub claims_by_client: Limit,
    pub claims_by_listing: Limit,
    /// Receipts mailed to one contact address in a day.
    pub receipts_by_address: Limit,
    /// Reads of the public API, `/hsds` and `/fhir`, by client.
    pub reads: ReadLimit,
    pub mailer: Arc<Mailer>,
    /// The directory's HSDS ids, read from its database at start.
    pub hsds_ids: ListingIds,
}

const HOUR: std::time::Duration = std::time::Duration::from_secs(3600);
const DAY: std::time::Duration = std::time::Duration::from_secs(24 * 3600);
/// Edits one listing may send in an hour: room to fix mistakes, not to fill the queue.
const EDITS_PER_LISTING_PER_HOUR: u32 = 10;
/// Receipts one contact address gets in a day; later submissions are stored
/// all the same, and "Lost your link?" still mails their links.
const RECEIPTS_PER_ADDRESS_PER_DAY: u32 = 3;

impl AppState {
    pub fn new(
        pool: Pool,
        settings: Settings,
        search: Arc<SearchSync>,
        mailer: Mailer,
        hsds_ids: ListingIds,
    ) -> AppState {
        AppState {
            hsds_ids,
            pool,
            mailer: Arc::new(mailer),
            search,
            gazetteer: Gazetteer::shared(),
            metrics: Metrics::default(),
            failed_logins: Limit::new("login", settings.login_max_failures, settings.login_window),
            submissions: Limit::new("submission", settings.submissions_per_hour, HOUR),
            edits_by_listing: Limit::new("edit-listing", EDITS_PER_LISTING_PER_HOUR, HOUR),
            edits_by_client: Limit::new("edit-client", settings.submissions_per_hour, HOUR),
            reports: Limit::new("report", settings.reports_per_hour, HOUR),
            same_report: Limit::new("report-same", 1, DAY),
            recoveries_by_client: Limit::new("recovery-client", super::recovery::PER_CLIENT_PER_HOUR, HOUR),
            recoveries_by_address: Limit::new("recovery-address", super::recovery::PER_ADDRESS_PER_HOUR, HOUR),
            claims_by_client: Limit::new("claim-client", super::listing_claims::PER_CLIENT_PER_HOUR, HOUR),
            claims_by_listing: Limit::new("claim-listing", super::listing_claims::PER_LISTING_PER_DAY, DAY),
            receipts_by_address: Limit::new("receipt-address", RECEIPTS_PER_ADDRESS_PER_DAY, DAY),
            reads: ReadLimit::new(settings.read_requests_per_minute),
            settings,
        }
    }

    /// Runs database work on the blocking thread pool with a pooled connection.
    /// Past `REQUEST_TIMEOUT_SECONDS` the client gets a 503 instead of waiting on
    /// (the work itself finishes or rolls back on its own).
    pub async fn db<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> Result<T, AppError> + Send + 'static,
    {
        let pool = self.pool.clone();
        let blocking = tokio::task::spawn_blocking(move || {
            let mut conn = pool.get()?;
            work(&mut conn)
        });
        let limit = self.settings.request_timeout;
        match tokio::time::timeout(limit, blocking).await {
            Ok(done) => done.map_err(|failed| AppError::Internal(anyhow::anyhow!("blocking task failed: {failed}")))?,
            Err(_) => Err(AppError::TimedOut { limit_secs: limit.as_secs() }),
        }
    }

    /// The private link a clinician uses to manage their listing.
    pub fn manage_url(&self, token: &str) -> String {
        self.links().to(Lang::En, &format!("/manage/{token}"))
    }

    /// Absolute links to the site, for mail and API answers.
    pub fn links(&self) -> Links {
        Links::of(&self.settings)
    }
}

/// Builds absolute links to the site; cheap to clone into database work.
#[derive(Debug, Clone)]
pub struct Links(String);

impl Links {
    /// Links to the site as `settings` name it: `PUBLIC_URL`, else the bound address.
    pub fn of(settings: &Settings) -> Links {
        Links(settings.public_url.clone().unwrap_or_else(|| format!("http://{}", settings.bind)))
    }

    /// The site's address, without a trailing slash.
    pub fn site(&self) -> &str {
        &self.0
    }

    /// `path` on the site; in a language other than English the link keeps it.
    pub fn to(&self, lang: Lang, path: &str) -> String {
        if lang == Lang::En {
            format!("{}{path}", self.0)
        } else {
            format!("{}/{}{path}", self.0, lang.code())
        }
    }
}
