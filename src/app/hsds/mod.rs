//! The directory in Open Referral's Human Services Data Specification (HSDS
//! 3.0): the read-only API's pages and records, the tabular package that
//! `export --format hsds` writes, and the import of such a package.
//!
//! Lists page through the search index, never the database: only the
//! listings on the requested page are read.

pub mod ids;
pub mod import;
pub mod package;
pub mod records;
pub mod taxonomy;
pub mod values;

use std::sync::Arc;

use chrono::NaiveDateTime;
use futures_util::Stream;
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use self::ids::{Kind, ListingIds};
use self::records::ListingRecords;
use self::taxonomy::{Group, TaxonomyTerm};
use super::listings::PublicListing;
use super::{AppState, Links};
use crate::db::listings::Listing;
use crate::error::AppError;
use crate::places::Place;
use crate::search::index::{CatalogueQuery, Condition};
use crate::search::query::SearchQuery;

/// The HSDS version the API and package follow.
pub const VERSION: &str = "3.0";
pub const DEFAULT_PER_PAGE: usize = 50;
pub const MAX_PER_PAGE: usize = 100;

/// What the API reads to build records: the deployment's ids and links.
#[derive(Debug, Clone)]
pub struct Publisher {
    pub ids: ListingIds,
    pub links: Links,
}

impl Publisher {
    pub fn of(ids: ListingIds, links: Links) -> Publisher {
        Publisher { ids, links }
    }

    pub fn records(&self, listing: &PublicListing) -> ListingRecords {
        ListingRecords::of(listing, &self.ids, &self.links)
    }
}

/// Which page of a list, counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub number: usize,
    pub per_page: usize,
}

impl PageRequest {
    fn offset(self) -> usize {
        (self.number - 1).saturating_mul(self.per_page)
    }
}

/// A page as the HSDS API returns lists.
#[derive(Debug, Serialize)]
pub struct Page {
    pub total_items: usize,
    pub total_pages: usize,
    pub page_number: usize,
    pub size: usize,
    pub first_page: bool,
    pub last_page: bool,
    pub empty: bool,
    pub contents: Vec<Value>,
}

impl Page {
    fn of(total_items: usize, request: PageRequest, contents: Vec<Value>) -> Page {
        let total_pages = total_items.div_ceil(request.per_page);
        Page {
            total_items,
            total_pages,
            page_number: request.number,
            size: contents.len(),
            first_page: request.number == 1,
            last_page: request.number >= total_pages,
            empty: total_items == 0,
            contents,
        }
    }

    /// A page of a list held whole in memory (the taxonomy).
    pub fn slice(all: Vec<Value>, request: PageRequest) -> Page {
        let total = all.len();
        let contents = all.into_iter().skip(request.offset()).take(request.per_page).collect();
        Page::of(total, request, contents)
    }
}

/// The filters the lists of services, locations and organizations share.
#[derive(Debug, Clone, Default)]
pub struct CatalogueFilter {
    /// Words in a name, practice or place, in any case.
    pub search: Option<String>,
    pub modified_after: Option<NaiveDateTime>,
    /// A term of the directory's taxonomy.
    pub term: Option<&'static TaxonomyTerm>,
    /// Only what this organization (a listing's practice) provides.
    pub organization_id: Option<Uuid>,
    /// `false` when the filter names something that is not here (a
    /// taxonomy, term, organization or postcode), so nothing matches.
    pub ours: bool,
}

/// A nearness filter: the centroid of a postal code and a distance.
#[derive(Debug, Clone)]
pub struct Near {
    pub place: Place,
    pub radius_km: f64,
}

/// What `GET /hsds/` says of the API.
pub fn about(links: &Links) -> Value {
    serde_json::json!({
        "version": VERSION,
        // No profile narrows the specification here: the base one applies.
        "profile": "https://docs.openreferral.org/en/latest/",
        "openapi_url": links.to(crate::i18n::Lang::En, "/hsds/openapi.json"),
    })
}

/// The specification's description of the API (Open Referral, CC BY-SA 4.0).
const OPENAPI: &str = include_str!("../../../standards/hsds-3.0/schema/openapi.json");

/// The specification's description of the API, titled and addressed for this deployment.
pub fn openapi(links: &Links) -> Result<Value, AppError> {
    let mut document: Value = serde_json::from_str(OPENAPI).map_err(anyhow::Error::from)?;
    document["info"]["title"] = "benzowise: HSDS 3.0 API".into();
    document["info"]["description"] =
        "The public listings of benzowise, a directory of clinicians who support gradual, patient-led benzodiazepine tapering, in Open Referral's Human Services Data Specification 3.0. Read-only.".into();
    document["servers"] = serde_json::json!([{ "url": links.to(crate::i18n::Lang::En, "/hsds") }]);
    let parameters = &mut document["components"]["parameters"];
    parameters["per_page"]["description"] = format!(
        "Number of results requested in a single page. This server serves at most {MAX_PER_PAGE} a page: a larger \
         number is served as {MAX_PER_PAGE}, a number below 1 as 1; the default is {DEFAULT_PER_PAGE}."
    )
    .into();
    parameters["page"]["description"] =
        "Page number of paginated result, from 1; 0 or a number below it is the first page.".into();
    parameters["format"]["description"] =
        "`json` (the default) for a page, or `ndjson` to stream every match, one record a line, without pages.".into();
    Ok(document)
}

/// The search filters a taxonomy term stands for. The profession and
/// specialty groups stand for every service, which has one term of each;
/// `Err` for a term that is a fact with a value, or another whole group,
/// which the index cannot filter on.
fn filters_of(term: Option<&'static TaxonomyTerm>) -> Result<SearchQuery, AppError> {
    let mut query = SearchQuery::default();
    let Some(term) = term else { return Ok(query) };
    let not_filterable = || {
        AppError::BadRequest(format!(
            "taxonomy_term_id: services cannot be filtered on the term {:?}; choose one of the codes below a group other than \"detail\"",
            term.name
        ))
    };
    let Some(code) = term.code else {
        return match term.group {
            Group::Profession | Group::Specialty => Ok(query),
            _ => Err(not_filterable()),
        };
    };
    match term.group {
        Group::Profession => query.profession = Some(code),
        Group::Specialty => query.specialty = Some(code),
        Group::TaperApproach => query.approaches = vec![code],
        Group::Criterion => query.criteria = vec![code],
        Group::PaymentOption => query.payment = vec![code],
        Group::Feature if code == taxonomy::TELEHEALTH => query.telehealth = Some(true),
        Group::Feature => query.accepting = Some(true),
        Group::Detail => return Err(not_filterable()),
    }
    Ok(query)
}

/// How a list shows each listing: as the specification's service, service
/// at location or organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// A service with everything about it nested.
    Service,
    /// A service at its location, with the location.
    ServiceAtLocation,
    Organization,
}

/// What a list's filters ask of the search index.
struct Selection {
    filters: SearchQuery,
    text: Option<String>,
    among: Option<Vec<i64>>,
    conditions: Vec<Condition>,
    /// Nearest first from this place; otherwise by id.
    nearest_first: Option<Near>,
}

impl Selection {
    /// The catalogue query of this selection, by id.
    fn query(&self, offset: usize, limit: usize) -> CatalogueQuery<'_> {
        CatalogueQuery {
            filters: &self.filters,
            text: self.text.as_deref(),
            conditions: &self.conditions,
            among: self.among.as_deref(),
            offset,
            limit,
        }
    }

    /// The same matches by id, nearness becoming a condition.
    fn by_id(mut self) -> Selection {
        if let Some(near) = self.nearest_first.take() {
            let (lat, lon, radius_km) = (near.place.lat, near.place.lon, near.radius_km);
            self.conditions.push(Condition::Within { lat, lon, radius_km });
        }
        self
    }
}

/// The selection `filter` and `near` make; `None` when nothing can match.
/// Nearness alone (with taxonomy terms) is answered nearest first; with
/// words, a date or an organization, by id.
async fn select(
    state: &AppState,
    publisher: &Publisher,
    filter: CatalogueFilter,
    near: Option<Near>,
) -> Result<Option<Selection>, AppError> {
    if !filter.ours {
        return Ok(None);
    }
    let filters = filters_of(filter.term)?;
    let among = match (filter.organization_id, filter.modified_after) {
        (Some(id), _) => Some(publisher.ids.listing(Kind::Organization, &id).into_iter().collect::<Vec<_>>()),
        (None, Some(since)) => Some(state.db(move |conn| Ok(Listing::public_reviewed_since(conn, since)?)).await?),
        (None, None) => None,
    };
    let by_id = filter.search.is_some() || among.is_some();
    let selection = Selection { filters, text: filter.search, among, conditions: Vec::new(), nearest_first: near };
    Ok(Some(if by_id { selection.by_id() } else { selection }))
}

/// The records of these listings, in their order, each shown as `shown` says.
async fn records(state: &AppState, publisher: &Publisher, ids: Vec<i64>, shown: Shown) -> Result<Vec<Value>, AppError> {
    let listings = state.db(move |conn| Ok(Listing::public_among(conn, &ids)?)).await?;
    Ok(listings
        .into_iter()
        .map(|listing| {
            let records = publisher.records(&listing.into());
            match shown {
                Shown::Service => records.full_service(&publisher.links),
                Shown::ServiceAtLocation => records.service_at_location_with_location(0),
                Shown::Organization => records.organization,
            }
        })
        .collect())
}

/// A page of public listings that pass `filter`, nearest first when `near`
/// is given alone and by id otherwise, each shown as `shown` says.
pub async fn listings_page(
    state: &AppState,
    publisher: &Publisher,
    filter: CatalogueFilter,
    near: Option<Near>,
    request: PageRequest,
    shown: Shown,
) -> Result<Page, AppError> {
    let Some(mut selection) = select(state, publisher, filter, near).await? else {
        return Ok(Page::of(0, request, Vec::new()));
    };
    let (total, ids) = match selection.nearest_first.take() {
        Some(near) => {
            let filters = &mut selection.filters;
            filters.center = Some(near.place);
            filters.radius_km = near.radius_km;
            filters.offset = request.offset();
            filters.limit = request.per_page;
            state.search.index.search_with(filters, |page| (page.total, page.results.iter().map(|r| r.id).collect()))
        }
        None => state.search.index.catalogue(&selection.query(request.offset(), request.per_page)),
    };
    Ok(Page::of(total, request, records(state, publisher, ids, shown).await?))
}

/// How many listings `every_listing` reads at once.
const EVERY_BATCH: usize = 500;

/// Where `every_listing` stands.
enum Cursor {
    Start(CatalogueFilter, Option<Near>),
    After(Arc<Selection>, i64),
    Done,
}

/// Every public listing that passes `filter` (and is near, when `near` is
/// given), by id, a batch of records at a time: what `format=ndjson`
/// streams, holding one batch in memory however many match.
pub fn every_listing(
    state: Arc<AppState>,
    publisher: Publisher,
    filter: CatalogueFilter,
    near: Option<Near>,
    shown: Shown,
) -> impl Stream<Item = Result<Vec<Value>, AppError>> {
    futures_util::stream::unfold(Cursor::Start(filter, near), move |cursor| {
        let (state, publisher) = (state.clone(), publisher.clone());
        async move {
            let (selection, after) = match cursor {
                Cursor::Done => return None,
                Cursor::After(selection, after) => (selection, after),
                Cursor::Start(filter, near) => match select(&state, &publisher, filter, near).await {
                    Ok(Some(selection)) => (Arc::new(selection.by_id()), 0),
                    Ok(None) => return None,
                    Err(error) => return Some((Err(error), Cursor::Done)),
                },
            };
            let ids = state.search.index.catalogue_after(&selection.query(0, EVERY_BATCH), after);
            let last = *ids.last()?;
            match records(&state, &publisher, ids, shown).await {
                Ok(batch) => Some((Ok(batch), Cursor::After(selection, last))),
                Err(error) => Some((Err(error), Cursor::Done)),
            }
        }
    })
}

/// The records of the public listing an id of `kind` names; `NotFound` otherwise.
async fn records_of(
    state: &AppState,
    publisher: &Publisher,
    kind: Kind,
    id: &Uuid,
) -> Result<ListingRecords, AppError> {
    // A service at a further location names its listing with its ordinal.
    let ours = match kind {
        Kind::ServiceAtLocation => publisher.ids.listing_of_part(kind, id),
        _ => publisher.ids.listing(kind, id),
    };
    // An id of another directory names the listing imported from it, if any.
    let imported =
        ids::origin(kind, id).map(|(origin, number)| format!("hsds:{}", origin.id(Kind::Service, number, 0)));
    let listing = state
        .db(move |conn| match (ours, imported) {
            (Some(listing_id), _) => Ok(Listing::find_public(conn, listing_id)?),
            (None, Some(key)) => Ok(Listing::find_public_imported(conn, &key)?),
            (None, None) => Err(AppError::NotFound),
        })
        .await?;
    let records = publisher.records(&listing.into());
    // The id must be one of the listing's own, not merely lead to it.
    let named = [&records.service, &records.organization]
        .into_iter()
        .chain(&records.services_at_location)
        .any(|record| record.get("id").and_then(Value::as_str) == Some(id.to_string().as_str()));
    if named {
        Ok(records)
    } else {
        Err(AppError::NotFound)
    }
}

pub async fn service(state: &AppState, publisher: &Publisher, id: &Uuid) -> Result<Value, AppError> {
    Ok(records_of(state, publisher, Kind::Service, id).await?.full_service(&publisher.links))
}

/// The service offered at a service-at-location, as the specification's
/// `/service_at_locations/{id}` answers: the full service.
pub async fn service_at_location(state: &AppState, publisher: &Publisher, id: &Uuid) -> Result<Value, AppError> {
    Ok(records_of(state, publisher, Kind::ServiceAtLocation, id).await?.full_service(&publisher.links))
}

pub async fn organization(state: &AppState, publisher: &Publisher, id: &Uuid) -> Result<Value, AppError> {
    Ok(records_of(state, publisher, Kind::Organization, id).await?.organization)
}

/// The directory's one taxonomy, when `search` finds it.
pub fn taxonomies(links: &Links, search: Option<&str>) -> Vec<Value> {
    let all = [taxonomy::taxonomy(links)];
    all.into_iter().filter(|taxonomy| search.is_none_or(|words| mentions(taxonomy, words))).collect()
}

pub fn taxonomy(links: &Links, id: &Uuid) -> Result<Value, AppError> {
    (*id == taxonomy::taxonomy_id()).then(|| taxonomy::taxonomy(links)).ok_or(AppError::NotFound)
}

/// Which taxonomy terms to list.
#[derive(Debug, Clone, Default)]
pub struct TermFilter {
    pub search: Option<String>,
    pub taxonomy_id: Option<Uuid>,
    pub parent_id: Option<Uuid>,
    pub top_only: bool,
}

pub fn taxonomy_terms(links: &Links, filter: &TermFilter) -> Vec<Value> {
    taxonomy::terms()
        .iter()
        .filter(|_| filter.taxonomy_id.is_none_or(|id| id == taxonomy::taxonomy_id()))
        .map(|term| term.record(links))
        .filter(|term| !filter.top_only || term["parent_id"].is_null())
        .filter(|term| filter.parent_id.is_none_or(|parent| term["parent_id"] == parent.to_string()))
        .filter(|term| filter.search.as_deref().is_none_or(|words| mentions(term, words)))
        .collect()
}

pub fn taxonomy_term(links: &Links, id: &Uuid) -> Result<Value, AppError> {
    taxonomy::find(id).map(|term| term.record(links)).ok_or(AppError::NotFound)
}

/// Whether a record's code, name or description contains `words` (lower case).
fn mentions(record: &Value, words: &str) -> bool {
    ["code", "name", "description"]
        .iter()
        .any(|field| record[field].as_str().is_some_and(|text| text.to_lowercase().contains(words)))
}
