//! The parameters of a proximity search (SPEC §4), parsed from a query string.

use crate::domain::{iso, vocabulary, FieldError};
use crate::search::gazetteer::{Gazetteer, Place};

pub const KM_PER_MILE: f64 = 1.609344;
const DEFAULT_RADIUS_KM: f64 = 50.0;
const DEFAULT_LIMIT: usize = 20;
const MAX_OFFSET: usize = 10_000;

/// A parsed, checked search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchQuery {
    /// Where distances are measured from; `None` lists telehealth clinicians
    /// licensed in `licensed_in`, by id.
    pub center: Option<Place>,
    pub radius_km: f64,
    pub profession: Option<&'static str>,
    pub specialty: Option<&'static str>,
    /// Every one must match.
    pub approaches: Vec<&'static str>,
    /// Every one must match.
    pub criteria: Vec<&'static str>,
    pub telehealth: Option<bool>,
    pub accepting: Option<bool>,
    pub prescriber: Option<bool>,
    pub language: Option<String>,
    pub licensed_in: Option<String>,
    pub limit: usize,
    pub offset: usize,
}

/// The raw parameters as sent, kept so a form can show them again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchParams {
    pub pairs: Vec<(String, String)>,
}

impl SearchParams {
    pub fn from_query_string(query: &str) -> SearchParams {
        let pairs = url::form_urlencoded::parse(query.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.trim().to_string()))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        SearchParams { pairs }
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    pub fn all(&self, name: &str) -> Vec<&str> {
        self.pairs.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect()
    }
}

const KNOWN: &[&str] = &[
    "near",
    "lat",
    "lon",
    "radius_km",
    "radius_mi",
    "specialty",
    "profession",
    "approach",
    "criteria",
    "telehealth",
    "accepting",
    "prescriber",
    "language",
    "licensed_in",
    "limit",
    "offset",
];

impl SearchQuery {
    /// Checks every parameter, naming each bad one; resolves `near` to a place.
    pub fn parse(params: &SearchParams, gazetteer: &Gazetteer) -> Result<SearchQuery, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field: &str, message: &str| errors.push(FieldError::new(field, message));
        for (name, _) in &params.pairs {
            if name.is_empty() {
                fail("query", "has a value without a parameter name");
            } else if !KNOWN.contains(&name.as_str()) {
                fail(name, "is not a search parameter");
            }
        }
        let number = |name: &str, fail: &mut dyn FnMut(&str, &str)| -> Option<f64> {
            let text = params.get(name)?;
            match text.parse::<f64>() {
                Ok(n) if n.is_finite() => Some(n),
                _ => {
                    fail(name, "must be a number");
                    None
                }
            }
        };
        let whole = |name: &str, range: std::ops::RangeInclusive<usize>, fail: &mut dyn FnMut(&str, &str)| {
            let text = params.get(name)?;
            match text.parse::<usize>() {
                Ok(n) if range.contains(&n) => Some(n),
                _ => {
                    fail(name, &format!("must be a whole number from {} to {}", range.start(), range.end()));
                    None
                }
            }
        };
        let flag = |name: &str, fail: &mut dyn FnMut(&str, &str)| match params.get(name)? {
            "true" | "1" | "yes" | "on" => Some(true),
            "false" | "0" | "no" | "off" => Some(false),
            _ => {
                fail(name, "must be true or false");
                None
            }
        };

        let lat = number("lat", &mut fail);
        let lon = number("lon", &mut fail);
        let center = match (params.get("near"), lat, lon) {
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
                fail("near", "give either near or lat and lon, not both");
                None
            }
            (Some(near), None, None) => {
                let place = gazetteer.resolve(near);
                if place.is_none() {
                    fail("near", &format!("no place called '{near}' was found; try a US ZIP code or 'City, ST'"));
                }
                place
            }
            (None, Some(lat), Some(lon)) => {
                let mut ok = true;
                if !(-90.0..=90.0).contains(&lat) {
                    fail("lat", "must be between -90 and 90");
                    ok = false;
                }
                if !(-180.0..=180.0).contains(&lon) {
                    fail("lon", "must be between -180 and 180");
                    ok = false;
                }
                ok.then(|| Place { lat, lon, label: format!("{lat:.4}, {lon:.4}") })
            }
            (None, Some(_), None) => {
                fail("lon", "is required with lat");
                None
            }
            (None, None, Some(_)) => {
                fail("lat", "is required with lon");
                None
            }
            (None, None, None) => None,
        };

        let radius_km = match (number("radius_km", &mut fail), number("radius_mi", &mut fail)) {
            (Some(_), Some(_)) => {
                fail("radius_km", "give either radius_km or radius_mi, not both");
                DEFAULT_RADIUS_KM
            }
            (Some(km), None) => km,
            (None, Some(mi)) => mi * KM_PER_MILE,
            (None, None) => DEFAULT_RADIUS_KM,
        };
        if !(1.0..=500.0).contains(&radius_km) {
            let field = if params.get("radius_mi").is_some() { "radius_mi" } else { "radius_km" };
            fail(field, "must be from 1 to 500 km (about 0.6 to 310 miles)");
        }

        let profession =
            code(params.get("profession"), "profession", &mut fail, |c| vocabulary::profession(c).map(|p| p.code));
        let specialty = code(params.get("specialty"), "specialty", &mut fail, |c| {
            vocabulary::find(vocabulary::SPECIALTIES, c).map(|t| t.code)
        });
        let approaches = codes(params.all("approach"), "approach", vocabulary::TAPER_APPROACHES, &mut fail);
        let criteria = codes(params.all("criteria"), "criteria", vocabulary::CRITERIA, &mut fail);
        let telehealth = flag("telehealth", &mut fail);
        let accepting = flag("accepting", &mut fail);
        let prescriber = flag("prescriber", &mut fail);
        let language = params.get("language").map(str::to_ascii_lowercase);
        if language.as_deref().is_some_and(|l| !iso::is_language(l)) {
            fail("language", "must be an ISO 639-1 code such as en or es");
        }
        let licensed_in = params.get("licensed_in").map(str::to_ascii_uppercase);
        if licensed_in.as_deref().is_some_and(|r| !iso::is_subdivision(r)) {
            fail("licensed_in", "must be an ISO 3166-2 code such as US-OR");
        }
        let limit = whole("limit", 1..=100, &mut fail).unwrap_or(DEFAULT_LIMIT);
        let offset = whole("offset", 0..=MAX_OFFSET, &mut fail).unwrap_or(0);

        let located = center.is_some() || params.get("near").is_some() || lat.is_some() || lon.is_some();
        if !located && licensed_in.is_none() {
            fail("near", "give a place (near, or lat and lon), or telehealth=true with licensed_in");
        }
        if !located && telehealth == Some(false) {
            fail("telehealth", "without a place, the search lists telehealth clinicians only");
        }

        if !errors.is_empty() {
            // One message per parameter: the first, most specific one.
            let mut named = Vec::new();
            errors.retain(|e| {
                !named.contains(&e.field) && {
                    named.push(e.field.clone());
                    true
                }
            });
            return Err(errors);
        }
        Ok(SearchQuery {
            // Without a place, clinicians licensed in a region are found by telehealth.
            telehealth: if center.is_none() { Some(true) } else { telehealth },
            center,
            radius_km,
            profession,
            specialty,
            approaches,
            criteria,
            accepting,
            prescriber,
            language,
            licensed_in,
            limit,
            offset,
        })
    }
}

fn code(
    value: Option<&str>,
    field: &str,
    fail: &mut dyn FnMut(&str, &str),
    known: impl Fn(&str) -> Option<&'static str>,
) -> Option<&'static str> {
    let value = value?;
    let found = known(value);
    if found.is_none() {
        fail(field, &format!("'{value}' is not a known code; see /api/v1/vocabulary"));
    }
    found
}

fn codes(
    values: Vec<&str>,
    field: &str,
    terms: &'static [vocabulary::Term],
    fail: &mut dyn FnMut(&str, &str),
) -> Vec<&'static str> {
    let mut found = Vec::new();
    for value in values {
        match vocabulary::find(terms, value) {
            Some(term) if !found.contains(&term.code) => found.push(term.code),
            Some(_) => {}
            None => fail(field, &format!("'{value}' is not a known code; see /api/v1/vocabulary")),
        }
    }
    found
}
