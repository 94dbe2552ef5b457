//! The read-only HSDS 3.0 API under `/hsds/`, as the specification's
//! `openapi.json` defines it: public listings as services, organizations,
//! locations, and the directory's taxonomy.

use actix_web::web::{self, Path, Query};
use actix_web::HttpResponse;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::app::hsds::taxonomy::{self, find as find_term};
use crate::app::hsds::{self, CatalogueFilter, Near, PageRequest, Publisher, Shown, TermFilter};
use crate::error::{AppError, FieldError};
use crate::search::query::MAX_RADIUS_KM;
use crate::web::State;

/// How far from a postcode's centroid `service_at_locations` looks without `proximity`.
const DEFAULT_PROXIMITY_M: f64 = 50_000.0;

pub fn routes(config: &mut web::ServiceConfig) {
    config.service(
        web::scope("/hsds")
            .route("", web::get().to(about))
            .route("/", web::get().to(about))
            .route("/openapi.json", web::get().to(openapi))
            .route("/services", web::get().to(services))
            .route("/services/{id}", web::get().to(service))
            .route("/service_at_locations", web::get().to(services_at_locations))
            .route("/service_at_locations/{id}", web::get().to(service_at_location))
            .route("/organizations", web::get().to(organizations))
            .route("/organizations/{id}", web::get().to(organization))
            .route("/taxonomies", web::get().to(taxonomies))
            .route("/taxonomies/{id}", web::get().to(one_taxonomy))
            .route("/taxonomy_terms", web::get().to(taxonomy_terms))
            .route("/taxonomy_terms/{id}", web::get().to(taxonomy_term)),
    );
}

/// Every query parameter the specification defines for any list; each
/// handler refuses the ones its list does not take.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
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

/// Reads the parameters, collecting every problem to report them at once.
struct Reader<'a> {
    params: &'a ListParams,
    errors: Vec<FieldError>,
}

impl<'a> Reader<'a> {
    fn new(params: &'a ListParams) -> Self {
        Reader { params, errors: Vec::new() }
    }

    fn refuse(&mut self, field: &str, message: &str) {
        self.errors.push(FieldError::untranslated(field, message));
    }

    /// Refuses the parameters this list does not take.
    fn only(&mut self, taken: &[&str]) {
        let given = [
            ("modified_after", self.params.modified_after.is_some()),
            ("taxonomy_term_id", self.params.taxonomy_term_id.is_some()),
            ("taxonomy_id", self.params.taxonomy_id.is_some()),
            ("organization_id", self.params.organization_id.is_some()),
            ("postcode", self.params.postcode.is_some()),
            ("proximity", self.params.proximity.is_some()),
            ("top_only", self.params.top_only.is_some()),
            ("parent_id", self.params.parent_id.is_some()),
        ];
        for (name, _) in given.into_iter().filter(|(name, given)| *given && !taken.contains(name)) {
            self.refuse(name, "is not a parameter of this list");
        }
    }

    fn whole_number(&mut self, field: &str, value: Option<&str>, default: usize, max: usize) -> usize {
        match value.map(|text| text.trim().parse::<usize>()) {
            None => default,
            Some(Ok(number)) if (1..=max).contains(&number) => number,
            Some(_) => {
                self.refuse(field, &format!("must be a whole number from 1 to {max}"));
                default
            }
        }
    }

    fn page(&mut self) -> PageRequest {
        let number = self.whole_number("page", self.params.page.as_deref(), 1, 1_000_000);
        let per_page =
            self.whole_number("per_page", self.params.per_page.as_deref(), hsds::DEFAULT_PER_PAGE, hsds::MAX_PER_PAGE);
        if self.params.format.as_deref().is_some_and(|format| format != "json") {
            self.refuse("format", "must be json, the only format this API gives");
        }
        for (field, value) in [
            ("full", &self.params.full),
            ("full_service", &self.params.full_service),
            ("minimal", &self.params.minimal),
        ] {
            if value.as_deref().is_some_and(|value| value != "true" && value != "false") {
                self.refuse(field, "must be true or false");
            }
        }
        PageRequest { number, per_page }
    }

    fn search(&self) -> Option<String> {
        self.params.search.as_deref().map(str::trim).filter(|words| !words.is_empty()).map(str::to_lowercase)
    }

    fn uuid(&mut self, field: &str, value: Option<&str>) -> Option<Uuid> {
        let parsed = value.map(|text| text.trim().parse::<Uuid>());
        if let Some(Err(_)) = parsed {
            self.refuse(field, "must be a UUID");
        }
        parsed.and_then(Result::ok)
    }

    fn catalogue_filter(&mut self) -> CatalogueFilter {
        let term_id = self.uuid("taxonomy_term_id", self.params.taxonomy_term_id.as_deref());
        let taxonomy_id = self.uuid("taxonomy_id", self.params.taxonomy_id.as_deref());
        let organization_id = self.uuid("organization_id", self.params.organization_id.as_deref());
        let term = term_id.and_then(|id| find_term(&id));
        let modified_after = self.params.modified_after.as_deref().and_then(|text| {
            let parsed = parse_time(text.trim());
            if parsed.is_none() {
                self.refuse("modified_after", "must be a date (2026-01-31) or a date and time (2026-01-31T12:00:00Z)");
            }
            parsed
        });
        CatalogueFilter {
            search: self.search(),
            modified_after,
            term,
            organization_id,
            ours: term_id.is_none_or(|_| term.is_some()) && taxonomy_id.is_none_or(|id| id == taxonomy::taxonomy_id()),
        }
    }

    fn near(&mut self, state: &State) -> Option<Near> {
        let proximity = self.params.proximity.as_deref().map(|text| text.trim().parse::<f64>());
        let radius_m = match proximity {
            None => DEFAULT_PROXIMITY_M,
            Some(Ok(metres)) if metres > 0.0 && metres <= MAX_RADIUS_KM * 1000.0 => metres,
            Some(_) => {
                self.refuse(
                    "proximity",
                    &format!("must be a distance in metres above 0 and at most {}", MAX_RADIUS_KM * 1000.0),
                );
                DEFAULT_PROXIMITY_M
            }
        };
        let Some(postcode) = self.params.postcode.as_deref() else {
            if proximity.is_some() {
                self.refuse("proximity", "needs a postcode to measure from");
            }
            return None;
        };
        if self.params.search.is_some() || self.params.modified_after.is_some() {
            self.refuse("postcode", "cannot be combined with search or modified_after");
        }
        match state.gazetteer.zip(postcode) {
            Some(place) => Some(Near { place, radius_km: radius_m / 1000.0 }),
            None => {
                self.refuse("postcode", "must be a US ZIP code that is known here");
                None
            }
        }
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

fn publisher(state: &State) -> Publisher {
    Publisher::of(state.links())
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

/// The filters each list of listings takes besides paging and `search`.
fn filters_taken(shown: Shown) -> &'static [&'static str] {
    match shown {
        Shown::Service => &["modified_after", "taxonomy_term_id", "taxonomy_id", "organization_id"],
        Shown::ServiceAtLocation => {
            &["modified_after", "taxonomy_term_id", "taxonomy_id", "organization_id", "postcode", "proximity"]
        }
        Shown::Organization => &[],
    }
}

/// A page of public listings, each shown as `shown`; only services at
/// locations are found by nearness.
async fn listings(state: &State, params: &ListParams, shown: Shown) -> Result<HttpResponse, AppError> {
    let mut reader = Reader::new(params);
    reader.only(filters_taken(shown));
    let (page, filter) = (reader.page(), reader.catalogue_filter());
    let near = if shown == Shown::ServiceAtLocation { reader.near(state) } else { None };
    reader.finish(())?;
    Ok(json(&hsds::listings_page(state, &publisher(state), filter, near, page, shown).await?))
}

async fn services(state: State, params: Query<ListParams>) -> Result<HttpResponse, AppError> {
    listings(&state, &params, Shown::Service).await
}

async fn service(state: State, id: Path<String>) -> Result<HttpResponse, AppError> {
    Ok(json(&hsds::service(&state, &publisher(&state), &id_of(&id)?).await?))
}

async fn services_at_locations(state: State, params: Query<ListParams>) -> Result<HttpResponse, AppError> {
    listings(&state, &params, Shown::ServiceAtLocation).await
}

async fn service_at_location(state: State, id: Path<String>) -> Result<HttpResponse, AppError> {
    Ok(json(&hsds::service_at_location(&state, &publisher(&state), &id_of(&id)?).await?))
}

async fn organizations(state: State, params: Query<ListParams>) -> Result<HttpResponse, AppError> {
    listings(&state, &params, Shown::Organization).await
}

async fn organization(state: State, id: Path<String>) -> Result<HttpResponse, AppError> {
    Ok(json(&hsds::organization(&state, &publisher(&state), &id_of(&id)?).await?))
}

async fn taxonomies(state: State, params: Query<ListParams>) -> Result<HttpResponse, AppError> {
    let mut reader = Reader::new(&params);
    reader.only(&[]);
    let page = reader.page();
    let search = reader.search();
    reader.finish(())?;
    Ok(json(&hsds::taxonomies(&state.links(), search.as_deref(), page)))
}

async fn one_taxonomy(state: State, id: Path<String>) -> Result<HttpResponse, AppError> {
    Ok(json(&hsds::taxonomy(&state.links(), &id_of(&id)?)?))
}

async fn taxonomy_terms(state: State, params: Query<ListParams>) -> Result<HttpResponse, AppError> {
    let mut reader = Reader::new(&params);
    reader.only(&["taxonomy_id", "top_only", "parent_id"]);
    let page = reader.page();
    let top_only = match params.top_only.as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => {
            reader.refuse("top_only", "must be true or false");
            false
        }
    };
    let filter = TermFilter {
        search: reader.search(),
        taxonomy_id: reader.uuid("taxonomy_id", params.taxonomy_id.as_deref()),
        parent_id: reader.uuid("parent_id", params.parent_id.as_deref()),
        top_only,
    };
    reader.finish(())?;
    Ok(json(&hsds::taxonomy_terms(&state.links(), &filter, page)))
}

async fn taxonomy_term(state: State, id: Path<String>) -> Result<HttpResponse, AppError> {
    Ok(json(&hsds::taxonomy_term(&state.links(), &id_of(&id)?)?))
}
