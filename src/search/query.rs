//! The parameters of a proximity search, parsed from a query string.

use std::sync::LazyLock;

use serde_json::json;
use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn, ParameterStyle};
use utoipa::openapi::schema::{ArrayBuilder, Object, ObjectBuilder, Type};
use utoipa::openapi::Required;
use utoipa::IntoParams;

use crate::domain::{schema, vocabulary, FieldErrors};
use crate::error::AppError;
use crate::i18n::Text;
use crate::places::{iso, Gazetteer, Lookup, Place};

pub const KM_PER_MILE: f64 = 1.609344;
pub const DEFAULT_RADIUS_KM: f64 = 50.0;
pub const MAX_RADIUS_KM: f64 = 500.0;
const DEFAULT_LIMIT: usize = 20;
const MAX_LIMIT: usize = 100;
pub const MAX_OFFSET: usize = 10_000;

/// The messages for a `near` that names several places, none, or none but close spellings.
pub const PLACE_AMBIGUOUS: &str = "field-error-place-ambiguous";
pub const PLACE_NOT_FOUND: &str = "field-error-place-not-found";
pub const PLACE_CLOSE: &str = "field-error-place-close";

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
    /// Any one matches: a patient who can pay one way or another.
    pub payment: Vec<&'static str>,
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

    /// The parameters as a query string, each name and value encoded.
    pub fn to_query_string(&self) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query.extend_pairs(self.pairs.iter());
        query.finish()
    }

    pub fn all(&self, name: &str) -> Vec<&str> {
        self.pairs.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect()
    }
}

/// The search parameters, for the OpenAPI document: one object whose
/// properties are the query parameters (`style: form`, `explode: true`), so
/// that the rules between them can be stated too.
///
/// Its properties are the one list of parameter names: the parser takes
/// exactly these, so the document and the parser cannot drift apart.
pub struct SearchParameters;

impl IntoParams for SearchParameters {
    fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        let parameter = ParameterBuilder::new()
            .name("search")
            .parameter_in(ParameterIn::Query)
            .required(Required::True)
            .style(Some(ParameterStyle::Form))
            .explode(Some(true))
            .description(Some("Each property is a query parameter of its own."))
            .schema(Some(search_schema()));
        vec![parameter.build()]
    }
}

/// The search's parameters and the rules between them (`search_rules`).
fn search_schema() -> Object {
    let number =
        |min: f64, max: f64| ObjectBuilder::new().schema_type(Type::Number).minimum(Some(min)).maximum(Some(max));
    let whole = |min: usize, max: usize, default: usize| {
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(min))
            .maximum(Some(max))
            .default(Some(default.into()))
    };
    let repeated = |terms: &'static [vocabulary::Term], description: &str| {
        ArrayBuilder::new().items(schema::term_codes(terms)).description(Some(description))
    };
    let (min_mi, max_mi) = radius_mi_bounds();
    let flag = |description: &str| ObjectBuilder::new().schema_type(Type::Boolean).description(Some(description));
    schema::closed(ObjectBuilder::new())
        .property("near", near_schema())
        .property("lat", number(-90.0, 90.0).description(Some("With `lon`, instead of `near`.")))
        .property("lon", number(-180.0, 180.0).description(Some("With `lat`, instead of `near`.")))
        .property("radius_km", number(1.0, MAX_RADIUS_KM).default(Some(DEFAULT_RADIUS_KM.into())))
        .property(
            "radius_mi",
            number(min_mi, max_mi).description(Some("Instead of `radius_km`: 1 to 500 km in miles.")),
        )
        .property("profession", schema::profession())
        .property("specialty", schema::specialty())
        .property("approach", repeated(vocabulary::TAPER_APPROACHES, "Repeatable; every one must match."))
        .property("criteria", repeated(vocabulary::CRITERIA, "Repeatable; every one must match."))
        .property("payment", repeated(vocabulary::PAYMENT_OPTIONS, "Repeatable; a listing that takes any one matches."))
        .property("telehealth", flag("Offers telehealth (or, with `false`, does not); without a place, only `true`."))
        .property("accepting", flag("Accepting new patients (or not)."))
        .property("prescriber", flag("Can prescribe (or not)."))
        .property("language", schema::codes(iso::language_codes().iter().copied()).description(Some("ISO 639-1.")))
        .property(
            "licensed_in",
            schema::string().pattern(Some(iso::subdivision_pattern())).description(Some(
                "ISO 3166-2, e.g. `US-WA`; without a place, lists the telehealth clinicians licensed there, by id.",
            )),
        )
        .property("limit", whole(1, MAX_LIMIT, DEFAULT_LIMIT))
        .property("offset", whole(0, MAX_OFFSET, 0))
        .extensions(Some(search_rules()))
        .build()
}

/// `near` as people type it.
fn near_schema() -> ObjectBuilder {
    schema::not_blank()
        .description(Some(
            "A place as people type it: a US ZIP code (`97201`, `97201-1234`), a Canadian postal code (`M5V 2T6`, \
             placed by its first three characters), a British postcode (`SW1A 1AA`, by its sector; not Northern \
             Ireland's) or an Australian one (`2000`); or a town, alone or with its state, province, territory, \
             nation or country, by code or name, with or without a comma (`Seattle WA`, `Portland, Oregon`, \
             `Toronto, Ontario`, `Paris, FR`), and common names (`NYC`, `LA`, `DC`). A name that several towns \
             go by, none much larger than the others, is a 422 naming `near` whose error lists them as \
             `candidates` (each `label` finds one); an unknown place is a 422 naming `near`, its `candidates` \
             the towns spelt closest.",
        ))
        .examples(["97201", "Portland, OR", "seattle wa", "London, GB"])
}

/// The rules between the parameters: a place (`near`, or `lat` with `lon`)
/// or, without one, `licensed_in` for a telehealth search; `near` not with
/// coordinates; `radius_km` not with `radius_mi`.
fn search_rules() -> utoipa::openapi::extensions::Extensions {
    schema::keywords([
        ("dependentRequired", json!({"lat": ["lon"], "lon": ["lat"]})),
        (
            "not",
            json!({"anyOf": [
                {"required": ["near", "lat"]},
                {"required": ["near", "lon"]},
                {"required": ["radius_km", "radius_mi"]},
            ]}),
        ),
        (
            "anyOf",
            json!([
                {"required": ["near"]},
                {"required": ["lat"]},
                {"required": ["licensed_in"], "properties": {"telehealth": {"const": true}}},
            ]),
        ),
    ])
}

/// The radius in miles that `radius_mi` takes: exactly the floats whose
/// product with `KM_PER_MILE` falls within 1 to `MAX_RADIUS_KM`.
fn radius_mi_bounds() -> (f64, f64) {
    let mut min = 1.0 / KM_PER_MILE;
    while min * KM_PER_MILE < 1.0 {
        min = min.next_up();
    }
    while (min.next_down() * KM_PER_MILE) >= 1.0 {
        min = min.next_down();
    }
    let mut max = MAX_RADIUS_KM / KM_PER_MILE;
    while max * KM_PER_MILE > MAX_RADIUS_KM {
        max = max.next_down();
    }
    while max.next_up() * KM_PER_MILE <= MAX_RADIUS_KM {
        max = max.next_up();
    }
    (min, max)
}

/// The names `SearchParameters` documents.
static KNOWN: LazyLock<Vec<String>> = LazyLock::new(|| search_schema().properties.into_keys().collect());

/// Reads the parameters one by one, noting each bad one.
struct Reader<'a> {
    params: &'a SearchParams,
    errors: FieldErrors,
}

impl Reader<'_> {
    fn number(&mut self, name: &str) -> Option<f64> {
        let text = self.params.get(name)?;
        match text.parse::<f64>() {
            Ok(number) if number.is_finite() => Some(number),
            _ => {
                self.errors.add(name, Text::new("field-error-not-a-number"));
                None
            }
        }
    }

    fn whole(&mut self, name: &str, range: std::ops::RangeInclusive<usize>) -> Option<usize> {
        let text = self.params.get(name)?;
        match text.parse::<usize>() {
            Ok(number) if range.contains(&number) => Some(number),
            _ => {
                self.errors.add_range(name, "field-error-whole-number-between", range.start(), range.end());
                None
            }
        }
    }

    fn flag(&mut self, name: &str) -> Option<bool> {
        match self.params.get(name)? {
            "true" | "1" | "yes" | "on" => Some(true),
            "false" | "0" | "no" | "off" => Some(false),
            _ => {
                self.errors.add(name, Text::new("field-error-true-or-false"));
                None
            }
        }
    }

    /// The known codes among every value of `name`, each once.
    fn codes(&mut self, name: &str, terms: &'static [vocabulary::Term]) -> Vec<&'static str> {
        let mut found =
            self.errors.codes(name, self.params.all(name), |code| vocabulary::find(terms, code).map(|term| term.code));
        let mut seen = Vec::new();
        found.retain(|code| {
            !seen.contains(code) && {
                seen.push(*code);
                true
            }
        });
        found
    }

    fn check_names(&mut self) {
        for (name, _) in &self.params.pairs {
            if name.is_empty() {
                let page = Text::new("field-error-unnamed-parameter-in-words");
                self.errors.add_worded("query", Text::new("field-error-unnamed-parameter"), page);
            } else if !KNOWN.iter().any(|known| known == name) {
                let page = Text::new("field-error-unknown-parameter-in-words").arg("name", name.clone());
                self.errors.add_worded(name, Text::new("field-error-unknown-parameter"), page);
            }
        }
    }

    /// `near`, or `lat` and `lon`; `None` when neither (or when bad, and named).
    fn center(&mut self, gazetteer: &Gazetteer) -> Option<Place> {
        let (lat, lon) = (self.number("lat"), self.number("lon"));
        match (self.params.get("near"), lat, lon) {
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
                let page = Text::new("field-error-near-and-coordinates-in-words");
                self.errors.add_worded("near", Text::new("field-error-near-and-coordinates"), page);
                None
            }
            (Some(near), None, None) => self.place(gazetteer, near),
            (None, Some(lat), Some(lon)) => self.point(gazetteer, lat, lon),
            (None, Some(_), None) => {
                let page = Text::new("field-error-coordinates-in-words");
                self.errors.add_worded("lon", Text::new("field-error-lon-with-lat"), page);
                None
            }
            (None, None, Some(_)) => {
                let page = Text::new("field-error-coordinates-in-words");
                self.errors.add_worded("lat", Text::new("field-error-lat-with-lon"), page);
                None
            }
            (None, None, None) => None,
        }
    }

    /// The place `near` names; else notes the candidates it could mean, or close spellings.
    fn place(&mut self, gazetteer: &Gazetteer, near: &str) -> Option<Place> {
        let (id, candidates) = match gazetteer.look_up(near) {
            Lookup::Found(place) => return Some(place),
            Lookup::Ambiguous(candidates) => (PLACE_AMBIGUOUS, candidates),
            Lookup::NotFound(close) if close.is_empty() => (PLACE_NOT_FOUND, close),
            Lookup::NotFound(close) => (PLACE_CLOSE, close),
        };
        let labels: Vec<&str> = candidates.iter().map(|place| place.label.as_str()).collect();
        let message = Text::new(id).arg("place", near.to_string()).arg("places", labels.join("; "));
        self.errors.add_with_candidates("near", message, candidates);
        None
    }

    fn point(&mut self, gazetteer: &Gazetteer, lat: f64, lon: f64) -> Option<Place> {
        if !(-90.0..=90.0).contains(&lat) {
            self.errors.add_range("lat", "field-error-between", -90, 90);
        }
        if !(-180.0..=180.0).contains(&lon) {
            self.errors.add_range("lon", "field-error-between", -180, 180);
        }
        let in_range = (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon);
        in_range.then(|| Place {
            lat,
            lon,
            label: format!("{lat:.4}, {lon:.4}"),
            region: gazetteer.region_at(lat, lon),
            ..Place::default()
        })
    }

    fn radius_km(&mut self) -> f64 {
        let radius_km = match (self.number("radius_km"), self.number("radius_mi")) {
            (Some(_), Some(_)) => {
                let page = Text::new("field-error-radius-km-and-mi-in-words");
                self.errors.add_worded("radius_km", Text::new("field-error-radius-km-and-mi"), page);
                DEFAULT_RADIUS_KM
            }
            (Some(km), None) => km,
            (None, Some(miles)) => miles * KM_PER_MILE,
            (None, None) => DEFAULT_RADIUS_KM,
        };
        if !(1.0..=MAX_RADIUS_KM).contains(&radius_km) {
            let field = if self.params.get("radius_mi").is_some() { "radius_mi" } else { "radius_km" };
            self.errors.add(field, Text::new("field-error-radius"));
        }
        radius_km
    }

    /// A code of `name`'s list, when one was given.
    fn code(&mut self, name: &str, known: impl Fn(&str) -> Option<&'static str>) -> Option<&'static str> {
        let value = self.params.get(name)?;
        self.errors.code(name, value, known)
    }

    /// An ISO code in its canonical case, when given and `valid`.
    fn iso_code(
        &mut self,
        name: &str,
        case: fn(&str) -> String,
        valid: fn(&str) -> bool,
        hint: Text,
    ) -> Option<String> {
        let code = self.params.get(name).map(case)?;
        if !valid(&code) {
            let page = Text::new("field-error-not-a-choice").arg("value", code.clone());
            self.errors.add_worded(name, hint, page);
        }
        Some(code)
    }
}

impl SearchQuery {
    /// The nearest `limit` matches beyond this search's radius, once it found
    /// `found` within it; the same filters, out to the largest radius.
    pub fn beyond_radius(&self, found: usize, limit: usize) -> Option<SearchQuery> {
        (self.center.is_some() && self.radius_km < MAX_RADIUS_KM).then(|| SearchQuery {
            radius_km: MAX_RADIUS_KM,
            offset: found,
            limit,
            ..self.clone()
        })
    }

    /// Telehealth clinicians licensed in the region of this search's place,
    /// with the same filters; `None` when the place's region is not known.
    pub fn licensed_in_its_region(&self, limit: usize) -> Option<SearchQuery> {
        let region = self.center.as_ref()?.region.clone()?;
        Some(SearchQuery {
            center: None,
            telehealth: Some(true),
            licensed_in: Some(region),
            offset: 0,
            limit,
            ..self.clone()
        })
    }

    /// Checks every parameter, naming each bad one; resolves `near` to a place.
    pub fn parse(params: &SearchParams, gazetteer: &Gazetteer) -> Result<SearchQuery, AppError> {
        let mut reader = Reader { params, errors: FieldErrors::new() };
        reader.check_names();
        let center = reader.center(gazetteer);
        let radius_km = reader.radius_km();
        let profession = reader.code("profession", |code| vocabulary::profession(code).map(|term| term.code));
        let specialty =
            reader.code("specialty", |code| vocabulary::find(vocabulary::SPECIALTIES, code).map(|term| term.code));
        let approaches = reader.codes("approach", vocabulary::TAPER_APPROACHES);
        let criteria = reader.codes("criteria", vocabulary::CRITERIA);
        let payment = reader.codes("payment", vocabulary::PAYMENT_OPTIONS);
        let telehealth = reader.flag("telehealth");
        let accepting = reader.flag("accepting");
        let prescriber = reader.flag("prescriber");
        let language = reader.iso_code(
            "language",
            str::to_ascii_lowercase,
            iso::is_language,
            Text::new("field-error-language-code"),
        );
        let licensed_in = reader.iso_code(
            "licensed_in",
            str::to_ascii_uppercase,
            iso::is_subdivision,
            Text::new("field-error-subdivision-code"),
        );
        let limit = reader.whole("limit", 1..=MAX_LIMIT).unwrap_or(DEFAULT_LIMIT);
        let offset = reader.whole("offset", 0..=MAX_OFFSET).unwrap_or(0);

        let located = ["near", "lat", "lon"].iter().any(|name| params.get(name).is_some());
        if !located && licensed_in.is_none() {
            reader.errors.add_worded(
                "near",
                Text::new("field-error-no-place"),
                Text::new("field-error-no-place-in-words"),
            );
        }
        if !located && telehealth == Some(false) {
            reader.errors.add("telehealth", Text::new("field-error-telehealth-only"));
        }
        reader.errors.check()?;
        Ok(SearchQuery {
            // Without a place, clinicians licensed in a region are found by telehealth.
            telehealth: if center.is_none() { Some(true) } else { telehealth },
            center,
            radius_km,
            profession,
            specialty,
            approaches,
            criteria,
            payment,
            accepting,
            prescriber,
            language,
            licensed_in,
            limit,
            offset,
        })
    }
}
