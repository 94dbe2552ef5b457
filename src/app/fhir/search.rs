//! FHIR reads and searches over the public listings. A read is one row. A
//! search near a place asks the in-memory search index for a page of ids,
//! nearest first; one that matches text, specialties, practices or
//! references pages through the index's catalogue by id; `_lastUpdated` and
//! plain paging read an index on `(status, updated_at, id)`. Only the rows
//! of the page are then read. No request reads the whole directory: a page
//! holds at most `MAX_ENTRIES` resources, includes counted, and starts at
//! most 10,000 in; the NDJSON export is the way to everything.

use serde_json::Value;

use super::bundle::{searchset, Paging};
use super::code_systems::CodeList;
use super::criteria::{listing_id, Criteria, Reader, Shown};
use super::parameters::{Searchable, DEFAULT_COUNT, MAX_COUNT};
use super::plan_net::ListingResources;
use super::types::{Base, ResourceType};
use crate::app::listings::{self, PublicListing};
use crate::app::{AppState, Links};
use crate::db::listings::{Listing, UpdatedBetween};
use crate::error::AppError;
use crate::places::Place;
use crate::search::index::CatalogueQuery;
use crate::search::query::{SearchParams, SearchQuery, MAX_OFFSET};

/// How many listings match in all, and this page of them.
type Found = (usize, Vec<PublicListing>);

/// Refuses every parameter but `_format`, for reads and `metadata`.
fn only_format(query: &str) -> Result<(), AppError> {
    let params = SearchParams::from_query_string(query);
    let mut reader = Reader::new(&params);
    reader.check_names(|name| name == "_format", false);
    reader.format();
    reader.errors.check()
}

/// `GET /fhir/metadata`.
pub fn metadata(links: &Links, query: &str) -> Result<Value, AppError> {
    only_format(query)?;
    Ok(super::capability::statement(&Base::of(links)))
}

/// `GET /fhir/{type}/{id}`: one resource; `NotFound` unless its listing is public.
pub async fn read(state: &AppState, type_name: &str, id: &str, query: &str) -> Result<Value, AppError> {
    only_format(query)?;
    let kind = ResourceType::parse(type_name).ok_or(AppError::NotFound)?;
    let base = Base::of(&state.links());
    if kind == ResourceType::CodeSystem {
        return CodeList::find(id).map(|list| list.code_system(&base)).ok_or(AppError::NotFound);
    }
    // A further place's Location is `{listing}-{number}`.
    let (listing, number) = match id.split_once('-') {
        Some((listing, number)) if kind == ResourceType::Location => (listing, Some(number)),
        _ => (id, None),
    };
    let listing = listings::public_listing(state, listing_id(listing).ok_or(AppError::NotFound)?).await?;
    let resources = ListingResources::new(&listing, &base);
    match number {
        None => resources.resource(kind),
        Some(number) => listing_id(number).and_then(|n| resources.further_location_numbered(n as usize)),
    }
    .ok_or(AppError::NotFound)
}

/// `GET /fhir/{type}?…`: a `searchset` Bundle. `lenient` is `Prefer:
/// handling=lenient`: unknown parameters are then ignored and named in the
/// Bundle instead of refused.
pub async fn search(state: &AppState, type_name: &str, query: &str, lenient: bool) -> Result<Value, AppError> {
    let kind = ResourceType::parse(type_name).ok_or(AppError::NotFound)?;
    let base = Base::of(&state.links());
    let params = SearchParams::from_query_string(query);
    if kind == ResourceType::CodeSystem {
        return search_code_systems(&base, &params, lenient);
    }
    let searchable = Searchable::of(kind).ok_or(AppError::NotFound)?;
    let criteria = Criteria::parse(searchable, &params, &base, lenient)?;
    let (paging, includes, shown, ignored) = (
        Paging { total: 0, asked: criteria.asked_count, count: criteria.count, offset: criteria.offset },
        criteria.includes.clone(),
        criteria.shown.clone(),
        criteria.ignored.clone(),
    );
    let (total, listings) = find(criteria, state).await?;
    let mut matches = Vec::with_capacity(listings.len());
    let mut included = Vec::new();
    for listing in &listings {
        let resources = ListingResources::new(listing, &base);
        matches.extend(resources.resource(kind));
        included.extend(includes.iter().flat_map(|include| resources.all_of(*include)));
    }
    let paging = Paging { total, ..paging };
    Ok(searchset(&base, kind, &params, paging, (matches, included), &shown, &ignored))
}

/// The listings a search finds: near a place from the index, by text,
/// specialty or practice from its catalogue, and otherwise by when they
/// last changed from the database.
async fn find(criteria: Criteria, state: &AppState) -> Result<Found, AppError> {
    let count = if criteria.shown.count_only { 0 } else { criteria.count };
    if criteria.near.is_some() {
        return near(criteria, count, state).await;
    }
    if !criteria.conditions.is_empty() {
        return catalogue(criteria, count, state).await;
    }
    by_last_change(criteria, count, state).await
}

/// Reads the rows of a page of ids, in their order.
async fn rows(state: &AppState, ids: Vec<i64>) -> Result<Vec<PublicListing>, AppError> {
    let rows = state.db(move |conn| Ok(Listing::public_among(conn, &ids)?)).await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

async fn near(criteria: Criteria, count: usize, state: &AppState) -> Result<Found, AppError> {
    let Some(near) = criteria.near else { return Ok((0, Vec::new())) };
    let query = SearchQuery {
        center: Some(Place {
            lat: near.lat,
            lon: near.lon,
            label: format!("{:.4}, {:.4}", near.lat, near.lon),
            ..Place::default()
        }),
        radius_km: near.radius_km,
        specialty: criteria.near_specialty(),
        limit: count,
        offset: criteria.offset,
        ..SearchQuery::default()
    };
    let (total, ids): (usize, Vec<i64>) = state
        .search
        .index
        .search_with(&query, |page| (page.total, page.results.iter().map(|result| result.id).collect()));
    Ok((total, rows(state, ids).await?))
}

/// By id, across the directory or among the ids the search names.
async fn catalogue(criteria: Criteria, count: usize, state: &AppState) -> Result<Found, AppError> {
    let among = criteria.ids.map(|mut ids| {
        ids.sort_unstable();
        ids.dedup();
        ids
    });
    let (total, ids) = state.search.index.catalogue(&CatalogueQuery {
        filters: &SearchQuery::default(),
        text: None,
        conditions: &criteria.conditions,
        among: among.as_deref(),
        offset: criteria.offset,
        limit: count,
    });
    Ok((total, rows(state, ids).await?))
}

/// Least recently changed first, or among the ids named, by id.
async fn by_last_change(criteria: Criteria, count: usize, state: &AppState) -> Result<Found, AppError> {
    let (offset, updated) = (criteria.offset, criteria.updated);
    if let Some(ids) = criteria.ids {
        return state
            .db(move |conn| {
                let mut rows = Listing::public_among(conn, &ids)?;
                rows.retain(|row| updated.contains(row.updated_at));
                rows.sort_by_key(|row| row.id);
                let total = rows.len();
                Ok((total, rows.into_iter().skip(offset).take(count).map(Into::into).collect()))
            })
            .await;
    }
    // Every public listing is in the search index: counting them there reads no table.
    let indexed = (updated == UpdatedBetween::default()).then(|| state.search.index.len());
    state
        .db(move |conn| {
            let total = match indexed {
                Some(total) => total,
                None => usize::try_from(Listing::count_public_updated(conn, updated)?).unwrap_or(0),
            };
            let rows = Listing::public_updated(conn, updated, count as i64, offset as i64)?;
            Ok((total, rows.into_iter().map(Into::into).collect()))
        })
        .await
}

/// Our code systems, by `_id` or `url`.
fn search_code_systems(base: &Base, params: &SearchParams, lenient: bool) -> Result<Value, AppError> {
    let mut reader = Reader::new(params);
    let ignored = reader.check_names(
        |name| ["_id", "url", "_count", "_offset", "_format", "_summary", "_total"].contains(&name),
        lenient,
    );
    reader.format();
    let count = reader.whole("_count", MAX_COUNT, DEFAULT_COUNT);
    let offset = reader.whole("_offset", MAX_OFFSET, 0);
    reader.errors.check()?;
    let wanted =
        |name: &str, value: String| params.all(name).iter().all(|asked| asked.split(',').any(|one| one == value));
    let found: Vec<CodeList> = CodeList::ALL
        .into_iter()
        .filter(|list| wanted("_id", list.id().to_string()) && wanted("url", list.url(base)))
        .collect();
    let total = found.len();
    let shown = Shown {
        count_only: params.get("_summary") == Some("count"),
        without_total: params.get("_total") == Some("none"),
        elements: None,
    };
    let matches = found.into_iter().skip(offset).take(if shown.count_only { 0 } else { count });
    let matches = matches.map(|list| list.code_system(base)).collect();
    let paging = Paging { total, asked: count, count, offset };
    Ok(searchset(base, ResourceType::CodeSystem, params, paging, (matches, Vec::new()), &shown, &ignored))
}
