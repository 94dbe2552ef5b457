//! Claims on pending submissions: who opened one last, and when. A claim only
//! tells the other moderators; deciding still conflicts for the second.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::schema::{moderators, submission_claims};
use super::{write_transaction, AnyConnection};

/// How long an opened submission stays marked as someone's, in minutes.
pub const CLAIM_MINUTES: i64 = 15;

/// A live claim: the moderator reviewing a submission, since when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Claim {
    pub submission_id: i64,
    pub moderator_id: i64,
    pub username: String,
    #[serde(with = "crate::domain::utc")]
    pub since: NaiveDateTime,
}

/// Claims made after this moment are still live.
pub fn live_since() -> NaiveDateTime {
    super::now() - chrono::Duration::minutes(CLAIM_MINUTES)
}

impl Claim {
    /// The live claims on these submissions.
    pub fn on(conn: &mut AnyConnection, submission_ids: &[i64]) -> QueryResult<Vec<Claim>> {
        let rows: Vec<(i64, i64, String, NaiveDateTime)> = submission_claims::table
            .inner_join(moderators::table)
            .filter(submission_claims::submission_id.eq_any(submission_ids))
            .filter(submission_claims::claimed_at.gt(live_since()))
            .select((
                submission_claims::submission_id,
                submission_claims::moderator_id,
                moderators::username,
                submission_claims::claimed_at,
            ))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(|(submission_id, moderator_id, username, since)| Claim {
                submission_id,
                moderator_id,
                username,
                since,
            })
            .collect())
    }

    /// Marks a submission as this moderator's from now, unless another
    /// moderator's claim on it is still live; returns the claim that holds.
    pub fn take(conn: &mut AnyConnection, submission_id: i64, moderator_id: i64) -> QueryResult<Option<Claim>> {
        let taken = write_transaction(conn, |conn| {
            let held = Self::on(conn, &[submission_id])?.pop();
            if held.as_ref().is_some_and(|claim| claim.moderator_id != moderator_id) {
                return Ok(held);
            }
            // Only this moderator's claim or a lapsed one: another's, made since
            // it was read above, stays, and the insert below then conflicts.
            let replaceable = submission_claims::table.find(submission_id).filter(
                submission_claims::moderator_id.eq(moderator_id).or(submission_claims::claimed_at.le(live_since())),
            );
            diesel::delete(replaceable).execute(conn)?;
            diesel::insert_into(submission_claims::table)
                .values((
                    submission_claims::submission_id.eq(submission_id),
                    submission_claims::moderator_id.eq(moderator_id),
                    submission_claims::claimed_at.eq(super::now()),
                ))
                .execute(conn)?;
            Ok(Self::on(conn, &[submission_id])?.pop())
        });
        match taken {
            // Another moderator opened it at the same moment, and theirs came first.
            Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
                Ok(Self::on(conn, &[submission_id])?.pop())
            }
            other => other,
        }
    }
}
