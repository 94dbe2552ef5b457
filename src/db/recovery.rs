//! Recovery links: one-time secrets that replace a lost manage token, kept
//! only as hashes; and the look-up of listings by their contact email.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::listings::Listing;
use super::schema::{listings, recovery_tokens};
use super::submissions::Submission;
use super::{write_transaction, AnyConnection, MultiBackend};
use crate::domain::listing::ListingContent;
use crate::error::AppError;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = recovery_tokens, check_for_backend(MultiBackend))]
pub struct RecoveryToken {
    pub listing_id: i64,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
}

#[derive(Insertable)]
#[diesel(table_name = recovery_tokens)]
struct RecoveryTokenInsert<'a> {
    token_hash: &'a str,
    listing_id: i64,
    created_at: NaiveDateTime,
    expires_at: NaiveDateTime,
}

impl RecoveryToken {
    #[tracing::instrument(level = "debug", skip_all, fields(listing_id = listing_id))]
    pub fn create(
        conn: &mut AnyConnection,
        hash: &str,
        listing_id: i64,
        now: NaiveDateTime,
        expires_at: NaiveDateTime,
    ) -> QueryResult<()> {
        diesel::insert_into(recovery_tokens::table)
            .values(RecoveryTokenInsert { token_hash: hash, listing_id, created_at: now, expires_at })
            .execute(conn)
            .map(drop)
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub fn find(conn: &mut AnyConnection, hash: &str) -> QueryResult<Option<RecoveryToken>> {
        recovery_tokens::table.find(hash).select(RecoveryToken::as_select()).first(conn).optional()
    }

    /// Marks the token used if it is unused and unexpired at `now`, and gives
    /// the listing it opens. The check and the mark are one `UPDATE`, so of
    /// two requests racing with the same link only one gets the listing.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn use_once(conn: &mut AnyConnection, hash: &str, now: NaiveDateTime) -> QueryResult<Option<i64>> {
        write_transaction(conn, |conn| {
            let usable = recovery_tokens::table
                .find(hash)
                .filter(recovery_tokens::used_at.is_null())
                .filter(recovery_tokens::expires_at.gt(now));
            let marked = diesel::update(usable).set(recovery_tokens::used_at.eq(Some(now))).execute(conn)?;
            if marked == 0 {
                return Ok(None);
            }
            recovery_tokens::table.find(hash).select(recovery_tokens::listing_id).first(conn).map(Some)
        })
    }

    /// Ends every other link still out for a listing, once one has replaced its token.
    #[tracing::instrument(level = "debug", skip_all, fields(listing_id = listing_id))]
    pub fn end_all_for(conn: &mut AnyConnection, listing_id: i64, now: NaiveDateTime) -> QueryResult<()> {
        diesel::update(recovery_tokens::table)
            .filter(recovery_tokens::listing_id.eq(listing_id))
            .filter(recovery_tokens::used_at.is_null())
            .set(recovery_tokens::used_at.eq(Some(now)))
            .execute(conn)
            .map(drop)
    }

    /// Deletes links that expired before `cutoff`; they can only ever be refused.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn forget_expired_before(conn: &mut AnyConnection, cutoff: NaiveDateTime) -> QueryResult<usize> {
        diesel::delete(recovery_tokens::table.filter(recovery_tokens::expires_at.lt(cutoff))).execute(conn)
    }
}

/// Every listing (demo listings aside) whose current contact email is
/// `email`, ignoring case, with that current content: the approved version,
/// or for a listing never approved, the latest version sent. Found through
/// the index on `contact_email_key`; the parsed content decides.
#[tracing::instrument(level = "debug", skip_all)]
pub fn listings_with_contact_email(
    conn: &mut AnyConnection,
    email: &str,
) -> Result<Vec<(Listing, ListingContent)>, AppError> {
    let wanted = email.to_lowercase();
    let candidates: Vec<Listing> = listings::table
        .filter(listings::contact_email_key.eq(&wanted))
        .filter(listings::is_demo.eq(false))
        .order(listings::id)
        .select(Listing::as_select())
        .load(conn)?;
    let mut found = Vec::new();
    for listing in candidates {
        let content = match listing.approved_content() {
            Some(content) => content,
            None => match Submission::latest_for(conn, listing.id)? {
                Some(latest) => latest.content()?,
                None => continue,
            },
        };
        if content.contact_email.to_lowercase() == wanted {
            found.push((listing, content));
        }
    }
    Ok(found)
}
