//! The read-only HSDS 3.0 API under `/hsds/`, as the specification's
//! `openapi.json` defines it: public listings as services, organizations,
//! locations, and the directory's taxonomy. As the specification's gateways
//! expect, a parameter it does not define for a list is ignored; a bad value
//! of one it defines is a 422 naming it. `format=ndjson` streams every
//! match, one record a line.

use actix_web::http::StatusCode;
use actix_web::web::{self, Path, Query};
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use chrono::{NaiveDate, NaiveDateTime};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use crate::app::hsds::taxonomy::{self, find as find_term};
use crate::app::hsds::{self, CatalogueFilter, Near, PageRequest, Publisher, Shown, TermFilter};
use crate::error::{AppError, FieldError};
use crate::search::query::MAX_RADIUS_KM;
use crate::web::{conditional, State};

/// How far from a postcode's centroid `service_at_locations` looks without `proximity`.
const DEFAULT_PROXIMITY_M: f64 = 50_000.0;
/// Pages past this one are empty at any page size the API serves.
const LAST_PAGE: i128 = 1_000_000;

/// `path` under `/hsds`, answering GET (and HEAD) with `handler` and any
/// other method with a 405 that names them.
fn get<F, Args>(path: &str, handler: F) -> actix_web::Resource
where
    F: actix_web::Handler<Args>,
    Args: actix_web::FromRequest + 'static,
    F::Output: actix_web::Responder + 'static,
{
    web::resource(path).route(web::get().to(handler)).default_service(web::to(method_not_allowed))
}

async fn method_not_allowed() -> HttpResponse {
    AppError::MethodNotAllowed { allow: "GET, HEAD".to_string() }.error_response()
}

pub fn routes(config: &mut web::ServiceConfig) {
    config.service(
        web::scope("/hsds")
            .service(get("", about))
            .service(get("/", about))
            .service(get("/openapi.json", openapi))
            .service(get("/services", services))
            .service(get("/services/{id}", service))
            .service(get("/service_at_locations", services_at_locations))
            .service(get("/service_at_locations/{id}", service_at_location))
            .service(get("/organizations", organizations))
            .service(get("/organizations/{id}", organization))
            .service(get("/taxonomies", taxonomies))
            .service(get("/taxonomies/{id}", one_taxonomy))
            .service(get("/taxonomy_terms", taxonomy_terms))
            .service(get("/taxonomy_terms/{id}", taxonomy_term)),
    );
}

/// Every query parameter the specification defines for any list; each
/// handler reads those its list takes, and any other parameter is ignored.
#[derive(Debug, Default, Deserialize)]
struct ListParams {
    page: Option<String>,
    per_page: Option<String>,
    search: Option<String>,
    format: Option<String>,
    full: Option<String>,
    full_service: Option<String>,
    minimal: Option<String>,
    modified_after: Option<String>,
    taxonomy_term_id: Option<String>,
    taxonomy_id: Option<String>,
    organization_id: Option<String>,
    postcode: Option<String>,
    proximity: Option<String>,
    top_only: Option<String>,
    parent_id: Option<String>,
}

impl ListParams {
    /// The parameters with blank text left out, as if not given: a client
    /// that sends `format=` means the default. (A blank number or boolean is
    /// still a bad one.)
    fn without_blanks(self) -> ListParams {
        let present = |value: Option<String>| value.filter(|text| !text.trim().is_empty());
        ListParams {
            search: present(self.search),
            format: present(self.format),
            modified_after: present(self.modified_after),
            taxonomy_term_id: present(self.taxonomy_term_id),
            taxonomy_id: present(self.taxonomy_id),
            organization_id: present(self.organization_id),
            postcode: present(self.postcode),
            proximity: present(self.proximity),
            parent_id: present(self.parent_id),
            ..self
        }
    }
}

/// Reads the parameters, collecting every problem to report them at once.
struct Reader<'a> {
    params: &'a ListParams,
    errors: Vec<FieldError>,
}

/// A whole number as the specification's `integer` parameters take it, of any size.
fn integer(text: &str) -> Option<i128> {
    let digits = text.trim().strip_prefix(['+', '-']).unwrap_or(text.trim());
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    // Past 38 digits the value is only ever clamped, so its size is enough.
    let value = digits.get(..38).unwrap_or(digits).parse::<i128>().ok()?;
    Some(if text.trim().starts_with('-') { -value } else { value })
}

impl<'a> Reader<'a> {
    fn new(params: &'a ListParams) -> Self {
        Reader { params, errors: Vec::new() }
    }

    fn refuse(&mut self, field: &str, message: &str) {
        self.errors.push(FieldError::untranslated(field, message));
    }

    /// A whole number, served within `min..=max`.
    fn clamped(&mut self, field: &str, value: Option<&str>, default: usize, min: i128, max: i128) -> usize {
        match value.map(integer) {
            None => default,
            Some(Some(number)) => usize::try_from(number.clamp(min, max)).unwrap_or(default),
            Some(None) => {
                self.refuse(field, "must be a whole number");
                default
            }
        }
    }

    /// The page asked for: page 0 (or less) is the first, and a page size
    /// above the largest is served at the largest; and whether it is asked
    /// for as NDJSON, every match without pages.
    fn page(&mut self) -> (PageRequest, bool) {
        let number = self.clamped("page", self.params.page.as_deref(), 1, 1, LAST_PAGE);
        let max = hsds::MAX_PER_PAGE as i128;
        let per_page = self.clamped("per_page", self.params.per_page.as_deref(), hsds::DEFAULT_PER_PAGE, 1, max);
        let ndjson = match self.params.format.as_deref().map(str::trim) {
            None | Some("json") => false,
            Some("ndjson") => true,
            Some(_) => {
                self.refuse("format", "must be json, or ndjson for every match one record a line");
                false
            }
        };
        for (field, value) in [
            ("full", &self.params.full),
            ("full_service", &self.params.full_service),
            ("minimal", &self.params.minimal),
        ] {
            if value.as_deref().is_some_and(|value| value != "true" && value != "false") {
                self.refuse(field, "must be true or false");
            }
        }
        (PageRequest { number, per_page }, ndjson)
    }

    fn search(&self) -> Option<String> {
        self.params.search.as_deref().map(str::trim).filter(|words| !words.is_empty()).map(str::to_lowercase)
    }

    /// An id filter: `Err(())` for one that is not a UUID, which names nothing here.
    fn id(value: Option<&str>) -> Option<Result<Uuid, ()>> {
        value.map(|text| text.trim().parse::<Uuid>().map_err(|_| ()))
    }

    fn catalogue_filter(&mut self) -> CatalogueFilter {
        let term_id = Self::id(self.params.taxonomy_term_id.as_deref());
        let taxonomy_id = Self::id(self.params.taxonomy_id.as_deref());
        let organization_id = Self::id(self.params.organization_id.as_deref());
        let term = term_id.and_then(Result::ok).and_then(|id| find_term(&id));
        let modified_after = self.params.modified_after.as_deref().and_then(|text| {
            let parsed = parse_time(text.trim());
            if parsed.is_none() {
                self.refuse("modified_after", "must be a date (2026-01-31) or a date and time (2026-01-31T12:00:00Z)");
            }
            parsed
        });
        let named_here = term_id.is_none_or(|_| term.is_some())
            && taxonomy_id.is_none_or(|id| id == Ok(taxonomy::taxonomy_id()))
            && organization_id.is_none_or(|id| id.is_ok());
        CatalogueFilter {
            search: self.search(),
            modified_after,
            term,
            organization_id: organization_id.and_then(Result::ok),
            ours: named_here,
        }
    }

    /// The postcode's centroid and how far from it; `Err(())` for a postcode
    /// that is not on the map, near which nothing is listed.
    fn near(&mut self, state: &State) -> Result<Option<Near>, ()> {
        let Some(postcode) = self.params.postcode.as_deref().filter(|text| !text.trim().is_empty()) else {
            return Ok(None);
        };
        let radius_m = match self.params.proximity.as_deref().map(|text| text.trim().parse::<f64>()) {
            None => DEFAULT_PROXIMITY_M,
            Some(Ok(metres)) if metres > 0.0 && metres.is_finite() => metres.min(MAX_RADIUS_KM * 1000.0),
            Some(_) => {
                self.refuse("proximity", "must be a distance in metres above 0");
                DEFAULT_PROXIMITY_M
            }
        };
        let place = state.gazetteer.zip(postcode).ok_or(())?;
        Ok(Some(Near { place, radius_km: radius_m / 1000.0 }))
    }

    fn finish<T>(self, value: T) -> Result<T, AppError> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(AppError::Validation(self.errors))
        }
    }
}

/// `2026-01-31`, `2026-01-31T12:00:00`, or with an offset (read as UTC).
fn parse_time(text: &str) -> Option<NaiveDateTime> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|time| time.naive_utc())
        .ok()
        .or_else(|| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").ok())
        .or_else(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok().and_then(|day| day.and_hms_opt(0, 0, 0)))
}

fn json<T: Serialize>(body: &T) -> HttpResponse {
    HttpResponse::Ok().json(body)
}

/// One record, with its validators: a client holding it gets a `304`.
fn record(req: &HttpRequest, record: &Value) -> HttpResponse {
    let modified = record["last_modified"].as_str().and_then(|time| time.parse().ok());
    conditional::respond(req, StatusCode::OK, "application/json", record.to_string().into_bytes(), modified)
}

/// Every record, one JSON object a line, as it is made.
fn ndjson(records: impl futures_util::Stream<Item = Result<Vec<Value>, AppError>> + 'static) -> HttpResponse {
    let lines = records.map(|batch| {
        batch.map(|records| {
            let mut bytes = Vec::with_capacity(records.len() * 2048);
            for record in records {
                // A JSON value always serializes.
                let _ = serde_json::to_writer(&mut bytes, &record);
                bytes.push(b'\n');
            }
            actix_web::web::Bytes::from(bytes)
        })
    });
    HttpResponse::Ok().content_type("application/x-ndjson").streaming(lines)
}

fn publisher(state: &State) -> Publisher {
    Publisher::of(state.hsds_ids, state.links())
}

/// A path's id as a UUID; anything else names nothing here.
fn id_of(id: &str) -> Result<Uuid, AppError> {
    id.parse().map_err(|_| AppError::NotFound)
}

async fn about(state: State) -> HttpResponse {
    json(&hsds::about(&state.links()))
}

async fn openapi(state: State) -> Result<HttpResponse, AppError> {
    Ok(json(&hsds::openapi(&state.links())?))
}

/// A page (or with `format=ndjson`, every one) of the public listings, each
/// shown as `shown`; only services at locations are found by nearness.
async fn listings(state: &State, params: ListParams, shown: Shown) -> Result<HttpResponse, AppError> {
    let params = params.without_blanks();
    let mut reader = Reader::new(&params);
    let ((page, all), mut filter) = (reader.page(), reader.catalogue_filter());
    let near = match shown {
        Shown::ServiceAtLocation => reader.near(state).unwrap_or_else(|()| {
            filter.ours = false;
            None
        }),
        Shown::Service | Shown::Organization => None,
    };
    if shown == Shown::Organization {
        filter = CatalogueFilter { search: filter.search, ours: true, ..CatalogueFilter::default() };
    }
    reader.finish(())?;
    if all {
        let records = hsds::every_listing(state.clone().into_inner(), publisher(state), filter, near, shown);
        return Ok(ndjson(records));
    }
    Ok(json(&hsds::listings_page(state, &publisher(state), filter, near, page, shown).await?))
}

async fn services(state: State, params: Query<ListParams>) -> Result<HttpResponse, AppError> {
    listings(&state, params.into_inner(), Shown::Service).await
}

async fn service(state: State, id: Path<String>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    Ok(record(&req, &hsds::service(&state, &publisher(&state), &id_of(&id)?).await?))
}

async fn services_at_locations(state: State, params: Query<ListParams>) -> Result<HttpResponse, AppError> {
    listings(&state, params.into_inner(), Shown::ServiceAtLocation).await
}

async fn service_at_location(state: State, id: Path<String>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    Ok(record(&req, &hsds::service_at_location(&state, &publisher(&state), &id_of(&id)?).await?))
}

async fn organizations(state: State, params: Query<ListParams>) -> Result<HttpResponse, AppError> {
    listings(&state, params.into_inner(), Shown::Organization).await
}

async fn organization(state: State, id: Path<String>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    Ok(record(&req, &hsds::organization(&state, &publisher(&state), &id_of(&id)?).await?))
}

/// A list held whole in memory: a page of it, or every record as NDJSON.
fn small_list(all: Vec<Value>, page: PageRequest, every: bool) -> HttpResponse {
    if every {
        ndjson(futures_util::stream::iter([Ok(all)]))
    } else {
        json(&hsds::Page::slice(all, page))
    }
}

async fn taxonomies(state: State, params: Query<ListParams>) -> Result<HttpResponse, AppError> {
    let params = params.into_inner().without_blanks();
    let mut reader = Reader::new(&params);
    let (page, every) = reader.page();
    let search = reader.search();
    reader.finish(())?;
    Ok(small_list(hsds::taxonomies(&state.links(), search.as_deref()), page, every))
}

async fn one_taxonomy(state: State, id: Path<String>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    Ok(record(&req, &hsds::taxonomy(&state.links(), &id_of(&id)?)?))
}

async fn taxonomy_terms(state: State, params: Query<ListParams>) -> Result<HttpResponse, AppError> {
    let params = params.into_inner().without_blanks();
    let mut reader = Reader::new(&params);
    let (page, every) = reader.page();
    let top_only = match params.top_only.as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => {
            reader.refuse("top_only", "must be true or false");
            false
        }
    };
    let id = |value: Option<&str>| Reader::id(value).map(|id| id.unwrap_or_else(|()| Uuid::nil()));
    let filter = TermFilter {
        search: reader.search(),
        taxonomy_id: id(params.taxonomy_id.as_deref()),
        parent_id: id(params.parent_id.as_deref()),
        top_only,
    };
    reader.finish(())?;
    Ok(small_list(hsds::taxonomy_terms(&state.links(), &filter), page, every))
}

async fn taxonomy_term(state: State, id: Path<String>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    Ok(record(&req, &hsds::taxonomy_term(&state.links(), &id_of(&id)?)?))
}
