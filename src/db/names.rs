//! The one-time derivation of family and given names for the listings and
//! submissions stored before the form asked for them: the migration that
//! added the names listed every such row in `names_to_derive`, and each
//! start works through what is left of that list.

use diesel::prelude::*;
use serde_json::Value;

use super::listings::Listing;
use super::schema::{listings, names_to_derive, submissions};
use super::AnyConnection;
use crate::domain::person_name;

/// How many rows one transaction rewrites.
const BATCH: i64 = 500;

/// Gives every listed row its derived names, marked `names_derived`; the
/// listings' search summaries are written again with them. Returns how many
/// rows were rewritten.
#[tracing::instrument(level = "debug", skip_all)]
pub fn derive_missing(conn: &mut AnyConnection) -> QueryResult<usize> {
    let mut rewritten = 0;
    loop {
        let batch: Vec<(String, i64)> = names_to_derive::table
            .select((names_to_derive::kind, names_to_derive::id))
            .order((names_to_derive::kind, names_to_derive::id))
            .limit(BATCH)
            .load(conn)?;
        if batch.is_empty() {
            return Ok(rewritten);
        }
        conn.transaction(|conn| {
            for (kind, id) in &batch {
                rewritten += usize::from(derive_one(conn, kind, *id)?);
                diesel::delete(names_to_derive::table.find((kind, id))).execute(conn)?;
            }
            QueryResult::Ok(())
        })?;
    }
}

fn derive_one(conn: &mut AnyConnection, kind: &str, id: i64) -> QueryResult<bool> {
    let content: Option<String> = match kind {
        "listing" => listings::table.find(id).select(listings::content).first(conn).optional()?.flatten(),
        _ => submissions::table.find(id).select(submissions::content).first(conn).optional()?,
    };
    let Some(named) = content.as_deref().and_then(with_derived_names) else { return Ok(false) };
    if kind == "listing" {
        diesel::update(listings::table.find(id)).set(listings::content.eq(named)).execute(conn)?;
        Listing::sync_summary(conn, id)?;
    } else {
        diesel::update(submissions::table.find(id)).set(submissions::content.eq(named)).execute(conn)?;
    }
    Ok(true)
}

/// The content with names derived from its `full_name`, or `None` when it
/// already has a family name (or is not a listing's content).
fn with_derived_names(content: &str) -> Option<String> {
    let mut value: Value = serde_json::from_str(content).ok()?;
    let object = value.as_object_mut()?;
    if object.get("family_name").and_then(Value::as_str).is_some_and(|family| !family.is_empty()) {
        return None;
    }
    let derived = person_name::derive(object.get("full_name")?.as_str()?);
    object.insert("family_name".into(), derived.family.into());
    object.insert("given_names".into(), derived.given.into());
    object.insert("names_derived".into(), true.into());
    Some(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_content_without_a_family_name_is_rewritten() {
        let named = with_derived_names(r#"{"full_name":"Dr. Ana Ruiz","city":"Bend"}"#).unwrap();
        let named: Value = serde_json::from_str(&named).unwrap();
        assert_eq!((named["family_name"].as_str(), named["given_names"].as_str()), (Some("Ruiz"), Some("Ana")));
        assert_eq!((named["names_derived"].as_bool(), named["city"].as_str()), (Some(true), Some("Bend")));
        assert_eq!(with_derived_names(r#"{"full_name":"Ana Ruiz","family_name":"Ruiz Soto"}"#), None);
    }
}
