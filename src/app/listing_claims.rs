//! Claiming an unclaimed (imported) listing. A claimer at the domain of the
//! listing's website or public email confirms by a mailed one-time link;
//! anyone else waits for a moderator. Either way the claimer becomes the
//! listing's clinician: it is claimed, mail goes to them, and a new manage
//! link is mailed to them. The claimer is told nothing private.

use chrono::Duration;

use super::letters::{self, Letter, Recipient};
use super::nppes::{self, NpiCheck};
use super::recovery::{link_usable, Unusable};
use super::{AppState, Links};
use crate::db::events::{Actor, Event, Subject};
use crate::db::listing_claims::{ClaimLink, ListingClaim, APPROVED, REJECTED};
use crate::db::listings::Listing;
use crate::db::submissions::publish_claim;
use crate::db::{write_transaction, AnyConnection};
use crate::domain::claim::NewClaim;
use crate::domain::moderation::{AuditAction, FieldChange};
use crate::domain::token;
use crate::error::AppError;
use crate::i18n::Lang;

/// How long a confirmation link works.
const LINK_LIFETIME: Duration = Duration::hours(24);
/// Claims from one client in an hour, whatever the listings.
pub(super) const PER_CLIENT_PER_HOUR: u32 = 10;
/// Claims on one listing in a day: enough for its clinician to retry, too
/// few to flood the moderators or an address at the practice.
pub(super) const PER_LISTING_PER_DAY: u32 = 5;
/// Why the other claims on a listing end when one is accepted.
const CLAIMED_BY_ANOTHER: &str = "claimed";

/// A claim waiting for a moderator, with what the public profile says and
/// what the registry says of the NPI given.
#[derive(Debug)]
pub struct WaitingClaim {
    pub claim: ListingClaim,
    pub listing_name: String,
    pub npi_check: Option<NpiCheck>,
}

/// Takes a claim on public listing `listing_id`, counted against the
/// client's and the listing's limits. A claimed listing conflicts (the
/// profile says so already); otherwise the answer is the same whatever follows.
#[tracing::instrument(skip_all, fields(listing_id = listing_id))]
pub async fn file(
    state: &AppState,
    client: &str,
    lang: Lang,
    listing_id: i64,
    claim: NewClaim,
) -> Result<(), AppError> {
    let (links, mail_from) = (state.links(), state.settings.mail.from.clone());
    let (by_client, by_listing, client) =
        (state.claims_by_client.clone(), state.claims_by_listing.clone(), client.to_string());
    state
        .db(move |conn| {
            let listing = Listing::find_public(conn, listing_id)?;
            if listing.claimed {
                return Err(AppError::Conflict("this listing is already claimed".into()));
            }
            by_client.take(conn, &client)?;
            if let Err(refused) = by_listing.take(conn, &listing_id.to_string()) {
                by_client.give_back(conn, &client)?;
                return Err(refused);
            }
            let by_link = claim.shares_domain(&listing.content.details);
            write_transaction(conn, |conn| {
                let claim_id = ListingClaim::create(conn, listing_id, &claim, by_link)?;
                if by_link {
                    let to = Recipient { lang, listing_id, name: &listing.content.full_name, address: claim.email() };
                    mail_link(conn, &links, &mail_from, claim_id, &to)?;
                }
                Ok(())
            })
        })
        .await?;
    tracing::info!("claim filed");
    Ok(())
}

fn mail_link(
    conn: &mut AnyConnection,
    links: &Links,
    mail_from: &str,
    claim_id: i64,
    to: &Recipient,
) -> Result<(), AppError> {
    let (secret, now) = (token::generate(), crate::db::now());
    ClaimLink::create(conn, &token::hash(&secret), claim_id, now, now + LINK_LIFETIME)?;
    let link = links.to(to.lang, &format!("/claim/{secret}"));
    letters::send_to(conn, mail_from, to, &Letter::ClaimLink { link })?;
    Ok(())
}

/// Whether a confirmation link would work now; changes nothing.
#[tracing::instrument(skip_all)]
pub async fn check(state: &AppState, secret: String) -> Result<Result<(), Unusable>, AppError> {
    state
        .db(move |conn| {
            let found = ClaimLink::find(conn, &token::hash(&secret))?;
            Ok(link_usable(found.map(|link| (link.used_at, link.expires_at)), crate::db::now()))
        })
        .await
}

/// Uses a confirmation link: the claimer becomes the listing's clinician.
/// Gives the listing's id.
#[tracing::instrument(skip_all)]
pub async fn confirm(state: &AppState, secret: String, lang: Lang) -> Result<Result<i64, Unusable>, AppError> {
    let (links, mail_from) = (state.links(), state.settings.mail.from.clone());
    state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let (hash, now) = (token::hash(&secret), crate::db::now());
                let Some(claim_id) = ClaimLink::use_once(conn, &hash, now)? else {
                    let found = ClaimLink::find(conn, &hash)?.map(|link| (link.used_at, link.expires_at));
                    return Ok(Err(link_usable(found, now).err().unwrap_or(Unusable::Used)));
                };
                let claim = ListingClaim::decide(conn, claim_id, APPROVED, None, None)?;
                make_clinician(conn, &links, &mail_from, &claim, &Actor::Clinician, lang)?;
                Ok(Ok(claim.listing_id))
            })
        })
        .await
}

/// Hands the listing to the claimer and mails them its new manage link.
fn make_clinician(
    conn: &mut AnyConnection,
    links: &Links,
    mail_from: &str,
    claim: &ListingClaim,
    actor: &Actor,
    lang: Lang,
) -> Result<(), AppError> {
    let manage_token = token::generate();
    publish_claim(conn, claim.listing_id, &claim.email, &token::hash(&manage_token), actor)?;
    Listing::set_language(conn, claim.listing_id, lang.code())?;
    ListingClaim::close_others(conn, claim.listing_id, CLAIMED_BY_ANOTHER)?;
    let listing = Listing::find(conn, claim.listing_id)?;
    let content = listing.approved_content().ok_or(AppError::NotFound)?;
    let manage_link = links.to(lang, &format!("/manage/{manage_token}"));
    letters::send(conn, mail_from, &listing, &content, &Letter::Claimed { manage_link })?;
    Ok(())
}

/// Claims waiting for a moderator, the oldest first, with the registry's verdict on each NPI.
#[tracing::instrument(skip_all)]
pub async fn waiting(state: &AppState, limit: i64) -> Result<Vec<WaitingClaim>, AppError> {
    state
        .db(move |conn| {
            let current = nppes::current(conn)?;
            let mut found = Vec::new();
            for claim in ListingClaim::waiting(conn, limit)? {
                let Some(content) = Listing::find(conn, claim.listing_id)?.approved_content() else { continue };
                let mut details = content.details.clone();
                details.npi = claim.npi.clone();
                let npi_check = nppes::check(conn, current.as_ref(), &details)?;
                found.push(WaitingClaim { claim, listing_name: content.full_name.clone(), npi_check });
            }
            Ok(found)
        })
        .await
}

/// A moderator accepts a claim: as a confirmation link would.
#[tracing::instrument(skip_all, fields(claim_id = claim_id))]
pub async fn approve(state: &AppState, actor: Actor, claim_id: i64) -> Result<(), AppError> {
    let (links, mail_from) = (state.links(), state.settings.mail.from.clone());
    state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let claim = ListingClaim::decide(conn, claim_id, APPROVED, actor.moderator_id(), None)?;
                let lang = Lang::from_code(&Listing::find(conn, claim.listing_id)?.language).unwrap_or_default();
                make_clinician(conn, &links, &mail_from, &claim, &actor, lang)
            })
        })
        .await
}

/// A moderator declines a claim; the reason is mailed to the claimer, and audited.
#[tracing::instrument(skip_all, fields(claim_id = claim_id))]
pub async fn reject(state: &AppState, actor: Actor, claim_id: i64, reason: String) -> Result<(), AppError> {
    let mail_from = state.settings.mail.from.clone();
    state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let claim = ListingClaim::decide(conn, claim_id, REJECTED, actor.moderator_id(), Some(&reason))?;
                let listing = Listing::find(conn, claim.listing_id)?;
                let name = listing.approved_content().map(|content| content.full_name.clone()).unwrap_or_default();
                let lang = Lang::from_code(&listing.language).unwrap_or_default();
                let to = Recipient { lang, listing_id: listing.id, name: &name, address: &claim.email };
                letters::send_to(conn, &mail_from, &to, &Letter::ClaimRejected { reason: reason.clone() })?;
                let subject = Subject { listing_id: Some(listing.id), ..Subject::default() };
                let changes = [FieldChange::new("claim.status", "pending", "rejected")];
                let action = AuditAction::RejectClaim.as_str();
                Event::record(conn, &actor, action, subject, Some(&reason), &changes)?;
                Ok(())
            })
        })
        .await
}
