//! The `searchset` Bundle a search answers: its matches, then what
//! `_include` and `_revinclude` brought in, with `self`, `previous` and
//! `next` links that keep every parameter, and what `_summary`, `_total`,
//! `_elements` and a lenient search's ignored parameters ask it to show.

use serde_json::{json, Value};

use super::criteria::Shown;
use super::types::{pruned, Base, ResourceType};
use crate::search::query::{SearchParams, MAX_OFFSET};

/// FHIR's tag for a resource sent with only some of its elements.
const SUBSETTED: &str = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

/// Where a page of results stands among all of them: `asked` is the page
/// size asked for, `count` the one served.
pub struct Paging {
    pub total: usize,
    pub asked: usize,
    pub count: usize,
    pub offset: usize,
}

/// The address of this search at `offset` (this page when `None`), with the
/// page size served.
fn page_link(base: &Base, kind: ResourceType, params: &SearchParams, paging: &Paging, offset: Option<usize>) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    let lowered = paging.count != paging.asked;
    let replaced = |name: &str| (offset.is_some() && name == "_offset") || (lowered && name == "_count");
    for (name, value) in params.pairs.iter().filter(|(name, _)| !replaced(name)) {
        query.append_pair(name, value);
    }
    if lowered {
        query.append_pair("_count", &paging.count.to_string());
    }
    if let Some(offset) = offset {
        query.append_pair("_offset", &offset.to_string());
    }
    let query = query.finish();
    let url = base.url(kind.name());
    if query.is_empty() {
        url
    } else {
        format!("{url}?{query}")
    }
}

/// A match with only the elements `_elements` names (and those every
/// resource keeps), tagged as such.
fn subset(resource: Value, elements: &[String]) -> Value {
    let Value::Object(mut fields) = resource else { return resource };
    fields.retain(|key, _| ["resourceType", "id", "meta"].contains(&key.as_str()) || elements.contains(key));
    let tag = json!({"system": SUBSETTED, "code": "SUBSETTED", "display": "subsetted"});
    let meta = fields.entry("meta").or_insert_with(|| json!({}));
    match meta.get_mut("tag").and_then(Value::as_array_mut) {
        Some(tags) => tags.push(tag),
        None => meta["tag"] = json!([tag]),
    }
    Value::Object(fields)
}

/// An OperationOutcome naming the parameters a lenient search ignored.
fn ignored_outcome(ignored: &[String]) -> Value {
    let issues: Vec<Value> = ignored
        .iter()
        .map(|name| {
            json!({
                "severity": "warning",
                "code": "not-supported",
                "diagnostics": format!("The parameter {name} is not supported here and was ignored."),
            })
        })
        .collect();
    json!({"resourceType": "OperationOutcome", "issue": issues})
}

pub fn searchset(
    base: &Base,
    kind: ResourceType,
    params: &SearchParams,
    paging: Paging,
    (matches, included): (Vec<Value>, Vec<Value>),
    shown: &Shown,
    ignored: &[String],
) -> Value {
    let (count, offset) = (paging.count, paging.offset);
    let previous = (count > 0 && offset > 0).then(|| {
        json!({"relation": "previous", "url": page_link(base, kind, params, &paging, Some(offset.saturating_sub(count)))})
    });
    let next_offset = offset + count;
    let next = (count > 0 && !shown.count_only && next_offset < paging.total && next_offset <= MAX_OFFSET)
        .then(|| json!({"relation": "next", "url": page_link(base, kind, params, &paging, Some(next_offset))}));
    let entry = |resource: Value, mode: &str| {
        let full_url = base.url(&format!(
            "{}/{}",
            resource["resourceType"].as_str().unwrap_or_default(),
            resource["id"].as_str().unwrap_or_default()
        ));
        json!({"fullUrl": full_url, "resource": resource, "search": {"mode": mode}})
    };
    let matches = matches.into_iter().map(|resource| match &shown.elements {
        Some(elements) => subset(resource, elements),
        None => resource,
    });
    let outcome =
        (!ignored.is_empty()).then(|| json!({"resource": ignored_outcome(ignored), "search": {"mode": "outcome"}}));
    let entries: Vec<Value> = matches
        .map(|resource| entry(resource, "match"))
        .chain(included.into_iter().map(|resource| entry(resource, "include")))
        .chain(outcome)
        .collect();
    pruned(json!({
        "resourceType": "Bundle",
        "type": "searchset",
        "total": (!shown.without_total).then_some(paging.total),
        "link": [{"relation": "self", "url": page_link(base, kind, params, &paging, None)}, previous, next],
        "entry": entries,
    }))
}
