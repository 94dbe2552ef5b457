//! The append-only audit trail.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::schema::events;
use super::{AnyConnection, MultiBackend};
use crate::domain::moderation::FieldChange;

/// Who did something.
#[derive(Debug, Clone)]
pub enum Actor {
    Moderator {
        id: i64,
        username: String,
    },
    Clinician,
    Public,
    /// A command-line operation such as `seed`.
    Operator(&'static str),
}

impl Actor {
    fn label(&self) -> String {
        match self {
            Actor::Moderator { username, .. } => format!("moderator:{username}"),
            Actor::Clinician => "clinician".to_string(),
            Actor::Public => "public".to_string(),
            Actor::Operator(what) => format!("operator:{what}"),
        }
    }

    pub fn moderator_id(&self) -> Option<i64> {
        match self {
            Actor::Moderator { id, .. } => Some(*id),
            _ => None,
        }
    }
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = events, check_for_backend(MultiBackend))]
struct EventRow {
    id: i64,
    occurred_at: NaiveDateTime,
    actor: String,
    action: String,
    listing_id: Option<i64>,
    submission_id: Option<i64>,
    report_id: Option<i64>,
    reason: Option<String>,
    changes: String,
}

/// One audit event as shown to moderators.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Event {
    pub id: i64,
    #[serde(with = "crate::domain::utc")]
    pub occurred_at: NaiveDateTime,
    pub actor: String,
    pub action: String,
    pub listing_id: Option<i64>,
    pub submission_id: Option<i64>,
    pub report_id: Option<i64>,
    pub reason: Option<String>,
    pub changes: Vec<FieldChange>,
}

/// What an event is about.
#[derive(Debug, Default)]
pub struct Subject {
    pub listing_id: Option<i64>,
    pub submission_id: Option<i64>,
    pub report_id: Option<i64>,
}

#[derive(Insertable)]
#[diesel(table_name = events)]
struct EventInsertForm<'a> {
    occurred_at: NaiveDateTime,
    actor: String,
    moderator_id: Option<i64>,
    action: &'a str,
    listing_id: Option<i64>,
    submission_id: Option<i64>,
    report_id: Option<i64>,
    reason: Option<&'a str>,
    changes: String,
}

impl Event {
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn record(
        conn: &mut AnyConnection,
        actor: &Actor,
        action: &str,
        subject: Subject,
        reason: Option<&str>,
        changes: &[FieldChange],
    ) -> QueryResult<()> {
        let changes =
            serde_json::to_string(changes).map_err(|error| diesel::result::Error::SerializationError(error.into()))?;
        diesel::insert_into(events::table)
            .values(EventInsertForm {
                occurred_at: super::now(),
                actor: actor.label(),
                moderator_id: actor.moderator_id(),
                action,
                listing_id: subject.listing_id,
                submission_id: subject.submission_id,
                report_id: subject.report_id,
                reason,
                changes,
            })
            .execute(conn)?;
        Ok(())
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub fn latest_id(conn: &mut AnyConnection) -> QueryResult<i64> {
        Ok(events::table.select(diesel::dsl::max(events::id)).first::<Option<i64>>(conn)?.unwrap_or(0))
    }

    /// The note of the first event of `action` about a listing, such as what
    /// its import kept.
    pub fn first_note(conn: &mut AnyConnection, listing_id: i64, action: &str) -> QueryResult<Option<String>> {
        let note: Option<Option<String>> = events::table
            .filter(events::listing_id.eq(listing_id))
            .filter(events::action.eq(action))
            .order(events::id)
            .select(events::reason)
            .first(conn)
            .optional()?;
        Ok(note.flatten())
    }

    /// `(event id, listing id)` of events after `after`, oldest first.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn listings_changed_after(conn: &mut AnyConnection, after: i64) -> QueryResult<Vec<(i64, i64)>> {
        let rows: Vec<(i64, Option<i64>)> = events::table
            .filter(events::id.gt(after))
            .order(events::id)
            .select((events::id, events::listing_id))
            .load(conn)?;
        Ok(rows.into_iter().filter_map(|(event, listing)| Some((event, listing?))).collect())
    }

    /// A page of the trail, newest first, before the event `before` (pages by
    /// id, which stays fast however deep the page), keeping what `filter` asks.
    #[tracing::instrument(level = "debug", skip_all, fields(limit = limit))]
    pub fn page(
        conn: &mut AnyConnection,
        filter: &EventFilter,
        before: Option<i64>,
        limit: i64,
    ) -> QueryResult<Vec<Event>> {
        let mut query = events::table.select(EventRow::as_select()).into_boxed();
        if let Some(before) = before {
            query = query.filter(events::id.lt(before));
        }
        if let Some(id) = filter.listing_id {
            query = query.filter(events::listing_id.eq(id));
        }
        if let Some(id) = filter.moderator_id {
            query = query.filter(events::moderator_id.eq(id));
        }
        if let Some(action) = &filter.action {
            query = query.filter(events::action.eq(action.clone()));
        }
        if let Some(from) = filter.from {
            query = query.filter(events::occurred_at.ge(from));
        }
        if let Some(until) = filter.until {
            query = query.filter(events::occurred_at.lt(until));
        }
        let rows = query.order(events::id.desc()).limit(limit).load(conn)?;
        Ok(rows
            .into_iter()
            .map(|row| Event {
                id: row.id,
                occurred_at: row.occurred_at,
                actor: row.actor,
                action: row.action,
                listing_id: row.listing_id,
                submission_id: row.submission_id,
                report_id: row.report_id,
                reason: row.reason,
                changes: serde_json::from_str(&row.changes).unwrap_or_default(),
            })
            .collect())
    }
}

/// Which audit events to show; every part is optional.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub listing_id: Option<i64>,
    pub moderator_id: Option<i64>,
    pub action: Option<String>,
    /// From this time on (inclusive).
    pub from: Option<NaiveDateTime>,
    /// Before this time.
    pub until: Option<NaiveDateTime>,
}
