//! FHIR reads and searches over the public listings. A read is one row. A
//! search near a place (`location.near`) or by `specialty` asks the in-memory
//! search index for a page of ids, then reads those rows; `_lastUpdated` and
//! plain paging read an index on `(status, updated_at, id)`. No request reads
//! the whole directory: pages hold at most 100 resources and start at most
//! 10,000 in; the NDJSON export is the way to everything.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime};
use serde_json::{json, Value};

use super::code_systems::CodeList;
use super::plan_net::ListingResources;
use super::types::{pruned, Base, ResourceType};
use crate::app::listings::{self, PublicListing};
use crate::app::{AppState, Links};
use crate::db::listings::{Listing, UpdatedBetween};
use crate::domain::{vocabulary, FieldErrors};
use crate::error::AppError;
use crate::i18n::Text;
use crate::places::Place;
use crate::search::index::CatalogueQuery;
use crate::search::query::{SearchParams, SearchQuery, DEFAULT_RADIUS_KM, KM_PER_MILE, MAX_OFFSET, MAX_RADIUS_KM};

pub const DEFAULT_COUNT: usize = 20;
pub const MAX_COUNT: usize = 100;

/// Parameters every search takes.
const COMMON_PARAMETERS: [&str; 5] = ["_id", "_lastUpdated", "_count", "_offset", "_format"];

/// A resource type that can be searched, and what it takes besides the
/// common parameters.
pub struct Searchable {
    pub kind: ResourceType,
    /// The parameter that finds resources near a point, nearest first.
    pub near: Option<&'static str>,
    /// The definition of the type's `specialty` parameter, when it has one.
    pub specialty: Option<&'static str>,
    /// Its `_include` parameters, and the type each brings in.
    pub includes: &'static [(&'static str, ResourceType)],
}

pub const SEARCHABLE: [Searchable; 4] = [
    Searchable {
        kind: ResourceType::PractitionerRole,
        near: Some("location.near"),
        specialty: Some("http://hl7.org/fhir/SearchParameter/PractitionerRole-specialty"),
        includes: &[
            ("practitioner", ResourceType::Practitioner),
            ("location", ResourceType::Location),
            ("service", ResourceType::HealthcareService),
            ("organization", ResourceType::Organization),
        ],
    },
    Searchable {
        kind: ResourceType::HealthcareService,
        near: Some("location.near"),
        specialty: Some("http://hl7.org/fhir/SearchParameter/HealthcareService-specialty"),
        includes: &[("location", ResourceType::Location), ("organization", ResourceType::Organization)],
    },
    Searchable {
        kind: ResourceType::Location,
        near: Some("near"),
        specialty: None,
        includes: &[("organization", ResourceType::Organization)],
    },
    Searchable { kind: ResourceType::Practitioner, near: None, specialty: None, includes: &[] },
];

impl Searchable {
    fn knows(&self, name: &str) -> bool {
        COMMON_PARAMETERS.contains(&name)
            || (name == "_include" && !self.includes.is_empty())
            || (name == "specialty" && self.specialty.is_some())
            || self.near == Some(name)
    }

    /// The `_include` values this type takes, such as `PractitionerRole:location`.
    pub fn include_values(&self) -> Vec<String> {
        self.includes.iter().map(|(name, _)| format!("{}:{name}", self.kind.name())).collect()
    }
}

/// A place and how far from it.
struct Near {
    lat: f64,
    lon: f64,
    radius_km: f64,
}

/// A search's parameters, checked.
struct Criteria {
    ids: Option<Vec<i64>>,
    updated: UpdatedBetween,
    near: Option<Near>,
    specialty: Option<&'static str>,
    count: usize,
    offset: usize,
    includes: Vec<ResourceType>,
}

/// Reads a search's parameters one by one, noting each bad one.
struct Reader<'a> {
    params: &'a SearchParams,
    errors: FieldErrors,
}

impl Reader<'_> {
    fn check_names(&mut self, known: impl Fn(&str) -> bool) {
        for (name, _) in &self.params.pairs {
            if name.is_empty() {
                self.errors.add("query", Text::new("field-error-unnamed-parameter"));
            } else if !known(name) {
                self.errors.add(name, Text::new("field-error-unknown-parameter"));
            }
        }
    }

    /// `_format`, which may only ask for JSON.
    fn format(&mut self) {
        for format in self.params.all("_format") {
            if !["json", "application/json", "application/fhir+json"].contains(&format) {
                self.errors.add("_format", Text::new("field-error-fhir-format"));
            }
        }
    }

    fn whole(&mut self, name: &str, max: usize, default: usize) -> usize {
        let Some(text) = self.params.get(name) else { return default };
        match text.parse::<usize>() {
            Ok(number) if number <= max => number,
            _ => {
                self.errors.add_range(name, "field-error-whole-number-between", 0, max);
                default
            }
        }
    }

    /// The listing ids every `_id` names (each a list separated by commas);
    /// an id that is not a listing's matches nothing.
    fn ids(&mut self) -> Option<Vec<i64>> {
        let mut wanted: Option<Vec<i64>> = None;
        for value in self.params.all("_id") {
            let ids: Vec<i64> = value.split(',').filter_map(listing_id).collect();
            if value.split(',').count() > MAX_COUNT {
                self.errors.add("_id", Text::new("field-error-fhir-too-many-ids").arg("max", MAX_COUNT.to_string()));
            }
            wanted = Some(match wanted {
                // Repeated, `_id` means every one of them at once.
                Some(earlier) => earlier.into_iter().filter(|id| ids.contains(id)).collect(),
                None => ids,
            });
        }
        wanted
    }

    /// Every `_lastUpdated`, each a date or time after an optional prefix,
    /// narrowing one window.
    fn last_updated(&mut self) -> UpdatedBetween {
        let mut between = UpdatedBetween::default();
        for value in self.params.all("_lastUpdated") {
            match last_updated_window(value) {
                Some((from, before)) => {
                    if let Some(from) = from {
                        between.from = Some(between.from.map_or(from, |earlier| earlier.max(from)));
                    }
                    if let Some(before) = before {
                        between.before = Some(between.before.map_or(before, |earlier| earlier.min(before)));
                    }
                }
                None => self.errors.add("_lastUpdated", Text::new("field-error-fhir-date")),
            }
        }
        between
    }

    /// One specialty of ours: `code`, or `system|code` with our system.
    fn specialty(&mut self, base: &Base) -> Option<&'static str> {
        let values = self.params.all("specialty");
        let value = *values.first()?;
        if values.len() > 1 || value.contains(',') {
            self.errors.add("specialty", Text::new("field-error-fhir-one-value"));
            return None;
        }
        let ours = CodeList::Specialty.url(base);
        let code = match value.split_once('|') {
            Some((system, code)) if system.is_empty() || system == ours => code,
            Some(_) => {
                self.errors.add("specialty", Text::new("field-error-fhir-system").arg("system", ours));
                return None;
            }
            None => value,
        };
        let found = vocabulary::find(vocabulary::SPECIALTIES, code).map(|term| term.code);
        if found.is_none() {
            self.errors
                .add("specialty", Text::new("field-error-fhir-code").arg("code", code.to_string()).arg("system", ours));
        }
        found
    }

    /// `latitude|longitude|distance|units`; the distance defaults to the API's radius (50 km)
    /// and the units to `km` (`mi` and `[mi_i]` are miles, `m` metres).
    fn near(&mut self, name: &str) -> Option<Near> {
        let text = self.params.get(name)?;
        let parts: Vec<&str> = text.split('|').collect();
        let number = |part: &str| part.parse::<f64>().ok().filter(|number| number.is_finite());
        let point = match parts.as_slice() {
            [lat, lon, ..] if parts.len() <= 4 => number(lat).zip(number(lon)),
            _ => None,
        };
        let Some((lat, lon)) =
            point.filter(|(lat, lon)| (-90.0..=90.0).contains(lat) && (-180.0..=180.0).contains(lon))
        else {
            self.errors.add(name, Text::new("field-error-fhir-near"));
            return None;
        };
        let km_per_unit = match parts.get(3).copied().unwrap_or("") {
            "" | "km" => 1.0,
            "mi" | "[mi_i]" => KM_PER_MILE,
            "m" => 0.001,
            _ => {
                self.errors.add(name, Text::new("field-error-fhir-units"));
                return None;
            }
        };
        let radius_km = match parts.get(2).copied().unwrap_or("") {
            "" => DEFAULT_RADIUS_KM,
            distance => match number(distance) {
                Some(distance) => distance * km_per_unit,
                None => {
                    self.errors.add(name, Text::new("field-error-fhir-near"));
                    return None;
                }
            },
        };
        if !(1.0..=MAX_RADIUS_KM).contains(&radius_km) {
            self.errors.add(name, Text::new("field-error-radius"));
            return None;
        }
        Some(Near { lat, lon, radius_km })
    }

    /// The types `_include` brings in, each once.
    fn includes(&mut self, searchable: &Searchable) -> Vec<ResourceType> {
        let mut found = Vec::new();
        for value in self.params.all("_include") {
            let parts: Vec<&str> = value.split(':').collect();
            let matching: Vec<ResourceType> = match parts.as_slice() {
                [source, name, target @ ..] if *source == searchable.kind.name() && target.len() <= 1 => searchable
                    .includes
                    .iter()
                    .filter(|(param, kind)| {
                        (*name == "*" || name == param) && target.first().is_none_or(|target| *target == kind.name())
                    })
                    .map(|(_, kind)| *kind)
                    .collect(),
                _ => Vec::new(),
            };
            if matching.is_empty() {
                let allowed = searchable.include_values().join(", ");
                self.errors.add("_include", Text::new("field-error-fhir-include").arg("allowed", allowed));
            }
            for kind in matching {
                if !found.contains(&kind) {
                    found.push(kind);
                }
            }
        }
        found
    }
}

/// A listing id as a FHIR id: digits without a leading zero.
fn listing_id(id: &str) -> Option<i64> {
    let canonical = !id.is_empty() && !id.starts_with('0') && id.bytes().all(|byte| byte.is_ascii_digit());
    canonical.then(|| id.parse().ok()).flatten()
}

/// The window of times a `_lastUpdated` value asks for: `[from, before)`.
fn last_updated_window(value: &str) -> Option<(Option<NaiveDateTime>, Option<NaiveDateTime>)> {
    let (prefix, date) = match value.get(..2) {
        Some(prefix) if prefix.bytes().all(|byte| byte.is_ascii_lowercase()) => (prefix, &value[2..]),
        _ => ("eq", value),
    };
    let (start, end) = span(date)?;
    Some(match prefix {
        "eq" => (Some(start), Some(end)),
        "gt" | "sa" => (Some(end), None),
        "ge" => (Some(start), None),
        "lt" | "eb" => (None, Some(start)),
        "le" => (None, Some(end)),
        _ => return None,
    })
}

/// The time a FHIR date or dateTime names, as wide as its precision: `2026`
/// is the whole year, `2026-12-03T10:00Z` the whole minute. Times are UTC.
fn span(text: &str) -> Option<(NaiveDateTime, NaiveDateTime)> {
    if !text.is_ascii() {
        return None;
    }
    let day = |year: i32, month: u32, day: u32| NaiveDate::from_ymd_opt(year, month, day)?.and_hms_opt(0, 0, 0);
    let digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    match text.len() {
        4 if digits(text) => {
            let year = text.parse().ok()?;
            Some((day(year, 1, 1)?, day(year + 1, 1, 1)?))
        }
        7 if digits(&text[..4]) && &text[4..5] == "-" && digits(&text[5..]) => {
            let (year, month): (i32, u32) = (text[..4].parse().ok()?, text[5..].parse().ok()?);
            let next = if month == 12 { day(year + 1, 1, 1)? } else { day(year, month + 1, 1)? };
            Some((day(year, month, 1)?, next))
        }
        10 => {
            let start = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?.and_hms_opt(0, 0, 0)?;
            Some((start, start + Duration::days(1)))
        }
        _ => {
            let (date, time) = text.split_once('T')?;
            // `hh:mm` then a zone: a whole minute. Otherwise seconds, perhaps with a fraction.
            let to_the_minute = time.len() >= 6 && !time[5..6].eq(":");
            let full = if to_the_minute { format!("{date}T{}:00{}", &time[..5], &time[5..]) } else { text.to_string() };
            let start = DateTime::parse_from_rfc3339(&full).ok()?.naive_utc();
            let width = if to_the_minute {
                Duration::minutes(1)
            } else {
                let fraction = time.get(8..).and_then(|rest| rest.strip_prefix('.')).unwrap_or("");
                let places = fraction.bytes().take_while(u8::is_ascii_digit).count().min(9) as u32;
                Duration::nanoseconds(10_i64.pow(9 - places))
            };
            Some((start, start + width))
        }
    }
}

impl Criteria {
    fn parse(searchable: &Searchable, params: &SearchParams, base: &Base) -> Result<Criteria, AppError> {
        let mut reader = Reader { params, errors: FieldErrors::new() };
        reader.check_names(|name| searchable.knows(name));
        reader.format();
        let ids = reader.ids();
        let updated = reader.last_updated();
        let near = searchable.near.and_then(|name| reader.near(name));
        let specialty = reader.specialty(base);
        let count = reader.whole("_count", MAX_COUNT, DEFAULT_COUNT);
        let offset = reader.whole("_offset", MAX_OFFSET, 0);
        let includes = reader.includes(searchable);
        // The search index answers a place and a specialty; the database `_lastUpdated`.
        let from_index = searchable.near.filter(|near| params.get(near).is_some()).or(specialty.map(|_| "specialty"));
        if let Some(other) = from_index {
            let not_with: &[&str] = if other == "specialty" { &["_lastUpdated"] } else { &["_id", "_lastUpdated"] };
            for name in not_with.iter().filter(|name| params.get(name).is_some()) {
                reader.errors.add(name, Text::new("field-error-fhir-not-with").arg("other", other));
            }
        }
        reader.errors.sort_by_field();
        reader.errors.finish(Some(Criteria { ids, updated, near, specialty, count, offset, includes }))
    }

    /// How many listings match in all, and this page of them.
    async fn find(self, state: &AppState) -> Result<(usize, Vec<PublicListing>), AppError> {
        let (count, offset, updated) = (self.count, self.offset, self.updated);
        if let Some(near) = &self.near {
            let query = SearchQuery {
                center: Some(Place {
                    lat: near.lat,
                    lon: near.lon,
                    label: format!("{:.4}, {:.4}", near.lat, near.lon),
                    ..Place::default()
                }),
                radius_km: near.radius_km,
                specialty: self.specialty,
                limit: count,
                offset,
                ..SearchQuery::default()
            };
            let (total, ids): (usize, Vec<i64>) = state
                .search
                .index
                .search_with(&query, |page| (page.total, page.results.iter().map(|result| result.id).collect()));
            // Nearest first, as the index found them.
            let rows = state.db(move |conn| Ok(Listing::public_among(conn, &ids)?)).await?;
            return Ok((total, rows.into_iter().map(Into::into).collect()));
        }
        if let Some(specialty) = self.specialty {
            // Across the directory, by id; among the `_id`s when there are any.
            let filters = SearchQuery { specialty: Some(specialty), ..SearchQuery::default() };
            let among = self.ids.map(|mut ids| {
                ids.sort_unstable();
                ids.dedup();
                ids
            });
            let (total, ids) = state.search.index.catalogue(&CatalogueQuery {
                filters: &filters,
                text: None,
                among: among.as_deref(),
                offset,
                limit: count,
            });
            let rows = state.db(move |conn| Ok(Listing::public_among(conn, &ids)?)).await?;
            return Ok((total, rows.into_iter().map(Into::into).collect()));
        }
        if let Some(ids) = self.ids {
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
}

/// Where a page of results stands among all of them.
struct Paging {
    total: usize,
    count: usize,
    offset: usize,
}

/// A `searchset` Bundle: the matches, then what `_include` brought in, with
/// `self`, `previous` and `next` links that keep every parameter.
fn searchset(
    base: &Base,
    kind: ResourceType,
    params: &SearchParams,
    paging: Paging,
    matches: Vec<Value>,
    included: Vec<Value>,
) -> Value {
    let Paging { total, count, offset } = paging;
    let page = |offset: Option<usize>| {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in params.pairs.iter().filter(|(name, _)| offset.is_none() || name != "_offset") {
            query.append_pair(name, value);
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
    };
    let previous = (count > 0 && offset > 0)
        .then(|| json!({"relation": "previous", "url": page(Some(offset.saturating_sub(count)))}));
    let next_offset = offset + count;
    let next = (count > 0 && next_offset < total && next_offset <= MAX_OFFSET)
        .then(|| json!({"relation": "next", "url": page(Some(next_offset))}));
    let entry = |resource: Value, mode: &str| {
        let full_url = base.url(&format!(
            "{}/{}",
            resource["resourceType"].as_str().unwrap_or_default(),
            resource["id"].as_str().unwrap_or_default()
        ));
        json!({"fullUrl": full_url, "resource": resource, "search": {"mode": mode}})
    };
    let entries: Vec<Value> = matches
        .into_iter()
        .map(|resource| entry(resource, "match"))
        .chain(included.into_iter().map(|resource| entry(resource, "include")))
        .collect();
    pruned(json!({
        "resourceType": "Bundle",
        "type": "searchset",
        "total": total,
        "link": [{"relation": "self", "url": page(None)}, previous, next],
        "entry": entries,
    }))
}

/// Refuses every parameter but `_format`, for reads and `metadata`.
fn only_format(query: &str) -> Result<(), AppError> {
    let params = SearchParams::from_query_string(query);
    let mut reader = Reader { params: &params, errors: FieldErrors::new() };
    reader.check_names(|name| name == "_format");
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
    let listing = listings::public_listing(state, listing_id(id).ok_or(AppError::NotFound)?).await?;
    ListingResources::new(&listing, &base).resource(kind).ok_or(AppError::NotFound)
}

/// `GET /fhir/{type}?…`: a `searchset` Bundle.
pub async fn search(state: &AppState, type_name: &str, query: &str) -> Result<Value, AppError> {
    let kind = ResourceType::parse(type_name).ok_or(AppError::NotFound)?;
    let base = Base::of(&state.links());
    let params = SearchParams::from_query_string(query);
    if kind == ResourceType::CodeSystem {
        return search_code_systems(&base, &params);
    }
    let searchable = SEARCHABLE.iter().find(|searchable| searchable.kind == kind).ok_or_else(|| {
        AppError::BadRequest(format!(
            "{type_name} is read by id here (GET /fhir/{type_name}/{{id}}); search PractitionerRole with \
             _include=PractitionerRole:organization to find them"
        ))
    })?;
    let criteria = Criteria::parse(searchable, &params, &base)?;
    let (count, offset, includes) = (criteria.count, criteria.offset, criteria.includes.clone());
    let (total, listings) = criteria.find(state).await?;
    let mut matches = Vec::with_capacity(listings.len());
    let mut included = Vec::new();
    for listing in &listings {
        let resources = ListingResources::new(listing, &base);
        matches.extend(resources.resource(kind));
        included.extend(includes.iter().filter_map(|include| resources.resource(*include)));
    }
    Ok(searchset(&base, kind, &params, Paging { total, count, offset }, matches, included))
}

/// Our code systems, by `_id` or `url`.
fn search_code_systems(base: &Base, params: &SearchParams) -> Result<Value, AppError> {
    let mut reader = Reader { params, errors: FieldErrors::new() };
    reader.check_names(|name| ["_id", "url", "_count", "_offset", "_format"].contains(&name));
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
    let matches = found.into_iter().skip(offset).take(count).map(|list| list.code_system(base)).collect();
    Ok(searchset(base, ResourceType::CodeSystem, params, Paging { total, count, offset }, matches, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f").unwrap()
    }

    #[test]
    fn a_date_spans_its_precision() {
        assert_eq!(span("2026"), Some((at("2026-01-01 00:00:00"), at("2027-01-01 00:00:00"))));
        assert_eq!(span("2026-12"), Some((at("2026-12-01 00:00:00"), at("2027-01-01 00:00:00"))));
        assert_eq!(span("2026-02-28"), Some((at("2026-02-28 00:00:00"), at("2026-03-01 00:00:00"))));
        assert_eq!(span("2026-12-03T10:15+01:00"), Some((at("2026-12-03 09:15:00"), at("2026-12-03 09:16:00"))));
        assert_eq!(span("2026-12-03T10:15:30Z"), Some((at("2026-12-03 10:15:30"), at("2026-12-03 10:15:31"))));
        assert_eq!(span("2026-12-03T10:15:30.25Z"), Some((at("2026-12-03 10:15:30.25"), at("2026-12-03 10:15:30.26"))));
        for bad in ["", "20", "2026-13", "2026-12-32", "2026-12-03T10:15", "2026-12-03T25:00:00Z", "dos mil", "2026-1é"]
        {
            assert_eq!(span(bad), None, "{bad}");
        }
    }

    #[test]
    fn prefixes_open_or_close_the_window() {
        let (start, end) = (Some(at("2026-12-03 00:00:00")), Some(at("2026-12-04 00:00:00")));
        assert_eq!(last_updated_window("2026-12-03"), Some((start, end)));
        assert_eq!(last_updated_window("ge2026-12-03"), Some((start, None)));
        assert_eq!(last_updated_window("gt2026-12-03"), Some((end, None)));
        assert_eq!(last_updated_window("lt2026-12-03"), Some((None, start)));
        assert_eq!(last_updated_window("le2026-12-03"), Some((None, end)));
        assert_eq!(last_updated_window("ne2026-12-03"), None);
        assert_eq!(last_updated_window("ap2026-12-03"), None);
    }

    #[test]
    fn listing_ids_are_canonical_numbers() {
        assert_eq!(listing_id("17"), Some(17));
        for other in ["017", "+17", "-1", "", "region-US-OR", "99999999999999999999"] {
            assert_eq!(listing_id(other), None, "{other}");
        }
    }
}
