//! Claims on unclaimed listings, and the one-time links that confirm them
//! (kept only as hashes). Not `claims.rs`: that is moderators marking the
//! submissions they review.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{claim_links, claims};
use super::{write_transaction, AnyConnection, MultiBackend};
use crate::domain::claim::NewClaim;
use crate::error::AppError;

/// Where a claim stands.
pub const PENDING: &str = "pending";
pub const APPROVED: &str = "approved";
pub const REJECTED: &str = "rejected";

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = claims, check_for_backend(MultiBackend))]
pub struct ListingClaim {
    pub id: i64,
    pub listing_id: i64,
    pub email: String,
    pub npi: Option<String>,
    pub message: Option<String>,
    pub status: String,
    pub by_link: bool,
    pub created_at: NaiveDateTime,
    pub decided_at: Option<NaiveDateTime>,
    pub decided_by: Option<i64>,
    pub reason: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = claims)]
struct ClaimInsert<'a> {
    listing_id: i64,
    email: &'a str,
    npi: Option<&'a str>,
    message: Option<&'a str>,
    status: &'a str,
    by_link: bool,
    created_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = claim_links)]
struct ClaimLinkInsert<'a> {
    token_hash: &'a str,
    claim_id: i64,
    created_at: NaiveDateTime,
    expires_at: NaiveDateTime,
}

/// A confirmation link as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = claim_links, check_for_backend(MultiBackend))]
pub struct ClaimLink {
    pub claim_id: i64,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
}

impl ListingClaim {
    /// A new pending claim; `by_link` when a mailed link is to confirm it.
    #[tracing::instrument(level = "debug", skip_all, fields(listing_id = listing_id))]
    pub fn create(conn: &mut AnyConnection, listing_id: i64, claim: &NewClaim, by_link: bool) -> QueryResult<i64> {
        diesel::insert_into(claims::table)
            .values(ClaimInsert {
                listing_id,
                email: claim.email(),
                npi: claim.npi(),
                message: claim.message(),
                status: PENDING,
                by_link,
                created_at: super::now(),
            })
            .returning(claims::id)
            .get_result(conn)
    }

    pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<ListingClaim> {
        claims::table.find(id).select(ListingClaim::as_select()).first(conn)
    }

    /// Claims waiting for a moderator, the oldest first.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn waiting(conn: &mut AnyConnection, limit: i64) -> QueryResult<Vec<ListingClaim>> {
        claims::table
            .filter(claims::status.eq(PENDING))
            .filter(claims::by_link.eq(false))
            .order((claims::created_at, claims::id))
            .limit(limit)
            .select(ListingClaim::as_select())
            .load(conn)
    }

    /// Decides a pending claim. The update only matches a pending row, so of
    /// two decisions at once the second conflicts.
    #[tracing::instrument(level = "debug", skip_all, fields(id = id))]
    pub fn decide(
        conn: &mut AnyConnection,
        id: i64,
        status: &str,
        moderator_id: Option<i64>,
        reason: Option<&str>,
    ) -> Result<ListingClaim, AppError> {
        let decided = diesel::update(claims::table.find(id).filter(claims::status.eq(PENDING)))
            .set((
                claims::status.eq(status),
                claims::decided_at.eq(Some(super::now())),
                claims::decided_by.eq(moderator_id),
                claims::reason.eq(reason),
            ))
            .execute(conn)?;
        let claim = ListingClaim::find(conn, id)?;
        if decided == 0 {
            return Err(AppError::Conflict("this claim was already decided".into()));
        }
        Ok(claim)
    }

    /// Every other claim still pending on a listing that is now claimed.
    pub fn close_others(conn: &mut AnyConnection, listing_id: i64, reason: &str) -> QueryResult<usize> {
        diesel::update(claims::table.filter(claims::listing_id.eq(listing_id)).filter(claims::status.eq(PENDING)))
            .set((claims::status.eq(REJECTED), claims::decided_at.eq(Some(super::now())), claims::reason.eq(reason)))
            .execute(conn)
    }
}

impl ClaimLink {
    pub fn create(
        conn: &mut AnyConnection,
        hash: &str,
        claim_id: i64,
        now: NaiveDateTime,
        expires_at: NaiveDateTime,
    ) -> QueryResult<()> {
        diesel::insert_into(claim_links::table)
            .values(ClaimLinkInsert { token_hash: hash, claim_id, created_at: now, expires_at })
            .execute(conn)
            .map(drop)
    }

    pub fn find(conn: &mut AnyConnection, hash: &str) -> QueryResult<Option<ClaimLink>> {
        claim_links::table.find(hash).select(ClaimLink::as_select()).first(conn).optional()
    }

    /// Marks the link used if it is unused and unexpired at `now`, and gives
    /// its claim; one `UPDATE`, so of two racing requests only one gets it.
    pub fn use_once(conn: &mut AnyConnection, hash: &str, now: NaiveDateTime) -> QueryResult<Option<i64>> {
        write_transaction(conn, |conn| {
            let usable = claim_links::table
                .find(hash)
                .filter(claim_links::used_at.is_null())
                .filter(claim_links::expires_at.gt(now));
            if diesel::update(usable).set(claim_links::used_at.eq(Some(now))).execute(conn)? == 0 {
                return Ok(None);
            }
            claim_links::table.find(hash).select(claim_links::claim_id).first(conn).map(Some)
        })
    }
}
