//! Lost-link recovery: a clinician who lost their manage link asks by contact
//! email, gets a one-time link by mail, and uses it to replace the manage
//! token. Whoever asks learns nothing of whether the address is known.

use chrono::{Duration, NaiveDateTime};
use validator::ValidateEmail;

use super::letters::{self, Letter};
use super::AppState;
use crate::db::events::{Actor, Event, Subject};
use crate::db::listings::Listing;
use crate::db::recovery::{self, RecoveryToken};
use crate::db::write_transaction;
use crate::domain::limits::MAX_EMAIL;
use crate::domain::token;
use crate::domain::FieldErrors;
use crate::error::AppError;
use crate::i18n::{Lang, Text};

/// How long a recovery link works.
const LINK_LIFETIME: Duration = Duration::hours(24);
/// Expired links are kept this long, so that a late click is told "expired"
/// rather than "unknown", then deleted.
const KEEP_EXPIRED: Duration = Duration::days(30);
/// Requests for one address in an hour: enough for a typo or a slow mail,
/// too few to flood a clinician's inbox.
pub(super) const PER_ADDRESS_PER_HOUR: u32 = 5;
/// Requests from one client in an hour, whatever the addresses.
pub(super) const PER_CLIENT_PER_HOUR: u32 = 20;

/// The address a recovery is asked for: well-formed, and compared ignoring case.
#[derive(Debug, Clone)]
pub struct RecoveryAddress(String);

impl RecoveryAddress {
    pub fn parse(email: Option<String>) -> Result<RecoveryAddress, AppError> {
        let mut errors = FieldErrors::new();
        let email = errors.required_text("email", email, MAX_EMAIL);
        if email.as_ref().is_some_and(|email| !email.validate_email()) {
            errors.add("email", Text::new("field-error-email"));
        }
        errors.finish(email).map(|email| RecoveryAddress(email.to_lowercase()))
    }
}

/// Why a recovery link does not open a listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unusable {
    /// No link like it was ever sent (or it was deleted long after expiring).
    Unknown,
    Used,
    Expired,
}

/// What using a recovery link gives: the listing and its new manage token.
#[derive(Debug)]
pub struct Recovered {
    pub listing_id: i64,
    /// The secret, shown once; the database keeps only its hash.
    pub manage_token: String,
}

/// Mails a recovery link for every listing whose current contact email is
/// `address`, counted against the client's and the address's hourly limits.
/// The answer is the same whether or not any listing matched.
#[tracing::instrument(skip_all)]
pub async fn request(state: &AppState, client: &str, address: RecoveryAddress) -> Result<(), AppError> {
    let (links, mail_from) = (state.links(), state.settings.mail.from.clone());
    let (by_client, by_address, client) =
        (state.recoveries_by_client.clone(), state.recoveries_by_address.clone(), client.to_string());
    let mailed = state
        .db(move |conn| {
            by_client.take(conn, &client)?;
            by_address.take(conn, &address.0)?;
            // Read through the index before taking SQLite's write lock, so
            // submissions do not wait behind the look-up.
            let listings = recovery::listings_with_contact_email(conn, &address.0)?;
            write_transaction(conn, |conn| {
                let now = crate::db::now();
                RecoveryToken::forget_expired_before(conn, now - KEEP_EXPIRED)?;
                for (listing, content) in &listings {
                    let secret = token::generate();
                    RecoveryToken::create(conn, &token::hash(&secret), listing.id, now, now + LINK_LIFETIME)?;
                    let lang = Lang::from_code(&listing.language).unwrap_or_default();
                    let link = links.to(lang, &format!("/manage/recover/{secret}"));
                    letters::send(conn, &mail_from, listing, content, &Letter::Recovery { link })?;
                }
                Ok::<_, AppError>(listings.len())
            })
        })
        .await?;
    tracing::info!(mailed, "recovery asked");
    Ok(())
}

/// Whether a recovery link would open its listing now; changes nothing.
#[tracing::instrument(skip_all)]
pub async fn check(state: &AppState, secret: String) -> Result<Result<(), Unusable>, AppError> {
    state
        .db(move |conn| {
            let found = RecoveryToken::find(conn, &token::hash(&secret))?;
            Ok(usable(found.as_ref(), crate::db::now()))
        })
        .await
}

/// Uses a recovery link: the listing gets a new manage token (the old one
/// stops working at once), the link and any others sent for the listing
/// stop working, and the audit trail records it.
#[tracing::instrument(skip_all)]
pub async fn redeem(state: &AppState, secret: String) -> Result<Result<Recovered, Unusable>, AppError> {
    let recovered = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let (hash, now) = (token::hash(&secret), crate::db::now());
                let Some(listing_id) = RecoveryToken::use_once(conn, &hash, now)? else {
                    // Refused by `use_once`, so `usable` says why; `Used` stands for a race lost.
                    let found = RecoveryToken::find(conn, &hash)?;
                    return Ok(Err(usable(found.as_ref(), now).err().unwrap_or(Unusable::Used)));
                };
                let manage_token = token::generate();
                Listing::set_manage_token_hash(conn, listing_id, &token::hash(&manage_token))?;
                RecoveryToken::end_all_for(conn, listing_id, now)?;
                let subject = Subject { listing_id: Some(listing_id), ..Subject::default() };
                Event::record(conn, &Actor::Clinician, "recover_link", subject, None, &[])?;
                Ok::<_, AppError>(Ok(Recovered { listing_id, manage_token }))
            })
        })
        .await?;
    if let Ok(recovered) = &recovered {
        tracing::info!(listing_id = recovered.listing_id, "manage link recovered");
    }
    Ok(recovered)
}

/// Whether a stored link (if any) is usable at `now`.
fn usable(found: Option<&RecoveryToken>, now: NaiveDateTime) -> Result<(), Unusable> {
    link_usable(found.map(|link| (link.used_at, link.expires_at)), now)
}

/// Whether a one-time link, found as `(used_at, expires_at)` or not found, is usable at `now`.
pub(super) fn link_usable(
    found: Option<(Option<NaiveDateTime>, NaiveDateTime)>,
    now: NaiveDateTime,
) -> Result<(), Unusable> {
    match found {
        None => Err(Unusable::Unknown),
        Some((Some(_), _)) => Err(Unusable::Used),
        Some((None, expires_at)) if expires_at <= now => Err(Unusable::Expired),
        Some(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(expires_at: NaiveDateTime, used_at: Option<NaiveDateTime>) -> RecoveryToken {
        RecoveryToken { listing_id: 1, created_at: expires_at - LINK_LIFETIME, expires_at, used_at }
    }

    #[test]
    fn a_link_works_until_it_is_used_or_expires() {
        let now = crate::db::now();
        assert_eq!(usable(None, now), Err(Unusable::Unknown));
        assert_eq!(usable(Some(&link(now + Duration::hours(1), None)), now), Ok(()));
        assert_eq!(usable(Some(&link(now + Duration::hours(1), Some(now))), now), Err(Unusable::Used));
        assert_eq!(usable(Some(&link(now, None)), now), Err(Unusable::Expired));
    }

    #[test]
    fn an_address_is_required_well_formed_and_compared_in_lower_case() {
        let parsed = RecoveryAddress::parse(Some("  Rowan@Example.ORG ".into())).unwrap();
        assert_eq!(parsed.0, "rowan@example.org");
        for bad in [None, Some("   ".into()), Some("rowan".into()), Some(format!("{}@example.org", "x".repeat(250)))] {
            let Err(AppError::Validation(errors)) = RecoveryAddress::parse(bad.clone()) else {
                panic!("{bad:?} should be refused");
            };
            assert_eq!(errors[0].field, "email", "{bad:?}");
        }
    }
}
