//! New listings sent by clinicians.

use std::sync::atomic::Ordering;

use super::letters::{self, Letter};
use super::AppState;
use crate::db::listings::Listing;
use crate::db::submissions::{Created, Submission};
use crate::db::{write_transaction, AnyConnection};
use crate::domain::listing::{NewListing, Parsed, Provenance};
use crate::domain::token;
use crate::error::AppError;
use crate::i18n::Lang;

/// What a clinician is told once their listing is stored for review.
#[derive(Debug)]
pub struct Receipt {
    pub listing_id: i64,
    pub submission_id: i64,
    /// The secret, shown once; the database keeps only its hash.
    pub manage_token: String,
    pub manage_url: String,
}

/// What became of a submission.
#[derive(Debug)]
pub enum Outcome {
    Stored(Receipt),
    /// The honeypot was filled: answered politely, nothing kept.
    Dropped,
}

/// Stores a parsed submission for review, counting it against the client's
/// submission limit first, and writes the clinician a receipt with their
/// manage link in `lang`, the language they used, in the same transaction.
/// An address gets a few receipts a day at most, since nobody has shown it
/// is theirs: later listings are stored all the same, and "Lost your link?"
/// mails their links.
#[tracing::instrument(skip_all, fields(client))]
pub async fn submit(state: &AppState, client: &str, parsed: Parsed, lang: Lang) -> Result<Outcome, AppError> {
    let listing = match parsed {
        Parsed::Listing(listing) => listing,
        Parsed::Honeypot => {
            state.metrics.honeypot_drops.fetch_add(1, Ordering::Relaxed);
            return Ok(Outcome::Dropped);
        }
    };
    let (links, client) = (state.links(), client.to_string());
    let mail_from = state.settings.mail.from.clone();
    let (submissions, receipts) = (state.submissions.clone(), state.receipts_by_address.clone());
    let (created, manage_token, manage_url) = state
        .db(move |conn| {
            submissions.take(conn, &client)?;
            write_transaction(conn, |conn| {
                let (created, manage_token) = create(conn, &listing, Provenance::Clinician)?;
                Listing::set_language(conn, created.listing_id, lang.code())?;
                let stored = Listing::find(conn, created.listing_id)?;
                let manage_url = links.to(lang, &format!("/manage/{manage_token}"));
                if receipts.allows(conn, &listing.content().contact_email.to_lowercase())? {
                    let letter = Letter::Received { manage_link: manage_url.clone() };
                    letters::send(conn, &mail_from, &stored, listing.content(), &letter)?;
                } else {
                    tracing::info!(
                        listing_id = created.listing_id,
                        "receipt not mailed: the address had its receipts for today"
                    );
                }
                Ok((created, manage_token, manage_url))
            })
        })
        .await?;
    state.metrics.submissions.fetch_add(1, Ordering::Relaxed);
    tracing::info!(listing_id = created.listing_id, submission_id = created.submission_id, "listing submitted");
    Ok(Outcome::Stored(Receipt {
        listing_id: created.listing_id,
        submission_id: created.submission_id,
        manage_url,
        manage_token,
    }))
}

/// Stores a new listing with a fresh manage token; returns its ids and the token.
pub fn create(
    conn: &mut AnyConnection,
    listing: &NewListing,
    provenance: Provenance,
) -> Result<(Created, String), AppError> {
    let manage_token = token::generate();
    let demo = provenance == Provenance::Demo;
    let created = Submission::create_listing(conn, listing, &token::hash(&manage_token), demo)?;
    Ok((created, manage_token))
}
