//! Proximity search and place look-up.

use actix_web::web::{Json, Query};
use actix_web::{get, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::openapi::path::{Parameter, ParameterIn};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::Required;
use utoipa::{IntoParams, ToSchema};

use super::{problems, query_parameter};
use crate::domain::{schema, FieldErrors};
use crate::error::{AppError, Problem};
use crate::places::Place;
use crate::search::index::SearchResult;
use crate::search::json::{self, key};
use crate::search::query::{SearchParameters, SearchParams, SearchQuery};
use crate::web::State;

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResponse<'a> {
    /// Where distances are measured from; null for a telehealth search by region.
    pub center: Option<&'a Place>,
    pub radius_km: Option<f64>,
    /// Every match, not only this page.
    pub total: usize,
    /// Nearest first, ties by id.
    pub results: Vec<SearchResult<'a>>,
}

impl SearchResponse<'_> {
    /// The response as the JSON its `Serialize` writes, faster (see `search::json`).
    #[expect(clippy::expect_used, reason = "serializing a place into a Vec cannot fail")]
    pub fn to_json(&self) -> Vec<u8> {
        // Twenty results come to about 12 KB: one allocation, no regrowth.
        let mut out = Vec::with_capacity(16 * 1024);
        key!(out, first "center");
        serde_json::to_writer(&mut out, &self.center).expect("a place always serializes");
        key!(out, "radius_km");
        json::optional_number(&mut out, self.radius_km);
        key!(out, "total");
        json::integer(&mut out, self.total);
        key!(out, "results");
        out.push(b'[');
        for (i, result) in self.results.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            result.write_json(&mut out);
        }
        out.extend_from_slice(b"]}");
        out
    }
}

/// Clinicians near a place, nearest first, with filters.
#[utoipa::path(
    params(SearchParameters),
    responses(
        (status = 200, body = SearchResponse),
        (status = 422, description = "A bad parameter, or a place that was not found (`near`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/clinicians")]
#[tracing::instrument(level = "debug", skip_all)]
pub async fn search(state: State, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let params = SearchParams::from_query_string(req.query_string());
    let query = SearchQuery::parse(&params, state.gazetteer)?;
    let body = state.search.index.search_with(&query, |page| {
        SearchResponse {
            center: query.center.as_ref(),
            radius_km: query.center.as_ref().map(|_| query.radius_km),
            total: page.total,
            results: page.results,
        }
        .to_json()
    });
    Ok(HttpResponse::Ok().content_type("application/json").body(body))
}

#[derive(Debug, Deserialize)]
pub struct PlaceLookup {
    /// What was typed so far.
    pub q: Option<String>,
    pub limit: Option<usize>,
}

/// The longest `q` that `places` looks up, in characters.
const MAX_TYPED: usize = 100;
/// The most places `places` suggests, and how many when not asked.
const MAX_PLACES: usize = 50;
const DEFAULT_PLACES: usize = 10;

// By hand: the derive drops `required` from a parameter with its own schema.
impl IntoParams for PlaceLookup {
    fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        let typed = schema::not_blank().max_length(Some(MAX_TYPED)).description(Some(
            "What was typed so far: a name prefix, optionally `, ST` or `, CC`, or at least three digits of a US ZIP \
             code; 1 to 100 characters once trimmed.",
        ));
        let limit = ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(1))
            .maximum(Some(MAX_PLACES))
            .default(Some(DEFAULT_PLACES.into()));
        vec![query_parameter("q", Required::True, typed), query_parameter("limit", Required::False, limit)]
    }
}

/// Places matching what was typed, best first, for autocomplete.
#[utoipa::path(params(PlaceLookup), responses((status = 200, body = Vec<Place>), problems::Invalid))]
#[get("/places")]
#[tracing::instrument(level = "debug", skip_all)]
pub async fn places(state: State, lookup: Query<PlaceLookup>) -> Result<Json<Vec<Place>>, AppError> {
    let mut errors = FieldErrors::new();
    let typed = lookup.q.as_deref().map(str::trim).unwrap_or("");
    if typed.is_empty() || typed.chars().count() > MAX_TYPED {
        errors.add_range("q", "field-error-length-between", 1, MAX_TYPED);
    }
    let limit = lookup.limit.unwrap_or(DEFAULT_PLACES);
    if !(1..=MAX_PLACES).contains(&limit) {
        errors.add_range("limit", "field-error-from-to", 1, MAX_PLACES);
    }
    errors.check()?;
    Ok(Json(state.gazetteer.suggest(typed, limit)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::listing::ListingSummary;
    use crate::search::index::SearchIndex;
    use crate::search::query::SearchQuery;

    fn listing(full_name: &str, city: &str, latitude: f64, optional: bool) -> ListingSummary {
        ListingSummary {
            demo: optional,
            credentials: optional.then(|| "MD, \"DO\"".to_string()),
            practice_name: optional.then(|| "Back\\slash\tclinic".to_string()),
            city: city.to_string(),
            region: optional.then(|| "OR".to_string()),
            licensed_regions: if optional { vec!["US-OR".to_string(), "US-WA".to_string()] } else { Vec::new() },
            accepting_new_patients: !optional,
            languages: if optional { vec!["en".to_string(), "es".to_string()] } else { Vec::new() },
            criteria: if optional { vec!["patient_sets_pace".to_string()] } else { Vec::new() },
            confirmed_on: optional.then(|| chrono::NaiveDate::from_ymd_opt(2026, 12, 2)).flatten(),
            ..ListingSummary::example(full_name, latitude, -122.676_207_123_456_7)
        }
    }

    /// The fast writer must produce exactly what serde writes, whatever the text holds.
    #[test]
    fn the_fast_json_is_byte_for_byte_what_serde_writes() {
        let index = SearchIndex::new();
        let names = [
            "Plain Name",
            "Quote \" and \\ back",
            "</script><script>alert(1)</script>",
            "Ünïcödé 🌿 名前",
            "Control \u{1}\u{1f}\n",
        ];
        for (i, name) in names.iter().enumerate() {
            let id = i as i64 + 1;
            index.upsert(id, &listing(name, &format!("City {name}"), 45.5 + i as f64 * 0.01, i % 2 == 0));
        }
        let near = SearchQuery {
            center: Some(Place {
                lat: 45.52,
                lon: -122.68,
                label: "Portland, \"OR\"".to_string(),
                region: Some("US-OR".to_string()),
                ..Place::default()
            }),
            radius_km: 50.0,
            limit: 20,
            ..SearchQuery::default()
        };
        let by_region = SearchQuery {
            telehealth: Some(true),
            licensed_in: Some("US-OR".to_string()),
            radius_km: 50.0,
            limit: 20,
            ..SearchQuery::default()
        };
        for query in [near, by_region] {
            index.search_with(&query, |page| {
                assert!(!page.results.is_empty());
                let response = SearchResponse {
                    center: query.center.as_ref(),
                    radius_km: query.center.as_ref().map(|_| query.radius_km),
                    total: page.total,
                    results: page.results,
                };
                let fast = String::from_utf8(response.to_json()).unwrap();
                assert_eq!(fast, serde_json::to_string(&response).unwrap());
            });
        }
    }
}
