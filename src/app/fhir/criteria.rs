//! A search's parameters, read and checked against the table of what each
//! type takes (`parameters.rs`): every bad one is named at once, and an
//! unknown one is refused, or under `Prefer: handling=lenient` ignored and
//! reported.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime};

use super::code_systems::CodeList;
use super::parameters::{Searchable, Selects, DEFAULT_COUNT, MAX_COUNT, MAX_ENTRIES, RESULT_PARAMETERS};
use super::plan_net::NUCC_TAXONOMY;
use super::types::{Base, ResourceType};
use crate::db::listings::UpdatedBetween;
use crate::domain::listing::is_taxonomy_code;
use crate::domain::{vocabulary, FieldErrors};
use crate::error::AppError;
use crate::i18n::Text;
use crate::search::index::Condition;
use crate::search::query::{SearchParams, DEFAULT_RADIUS_KM, KM_PER_MILE, MAX_OFFSET, MAX_RADIUS_KM};
use crate::search::text::{Matching, TextMatch};

/// A place and how far from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Near {
    pub lat: f64,
    pub lon: f64,
    pub radius_km: f64,
}

/// What a Bundle shows of the matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shown {
    /// `_summary=count`: the total alone.
    pub count_only: bool,
    /// `_total=none`: no total.
    pub without_total: bool,
    /// `_elements`: only these top-level elements of each match.
    pub elements: Option<Vec<String>>,
}

/// A search's parameters, checked.
#[derive(Debug)]
pub struct Criteria {
    pub ids: Option<Vec<i64>>,
    pub updated: UpdatedBetween,
    pub near: Option<Near>,
    pub conditions: Vec<Condition>,
    /// The page size asked for, and the one served (lower with includes).
    pub asked_count: usize,
    pub count: usize,
    pub offset: usize,
    /// The types of the listing's other resources each page brings in.
    pub includes: Vec<ResourceType>,
    pub shown: Shown,
    /// Parameters ignored under `Prefer: handling=lenient`.
    pub ignored: Vec<String>,
}

/// Reads a search's parameters one by one, noting each bad one.
pub struct Reader<'a> {
    pub params: &'a SearchParams,
    pub errors: FieldErrors,
}

impl<'a> Reader<'a> {
    pub fn new(params: &'a SearchParams) -> Reader<'a> {
        Reader { params, errors: FieldErrors::new() }
    }

    /// Refuses, or when `lenient` returns, the parameters `known` does not know.
    pub fn check_names(&mut self, known: impl Fn(&str) -> bool, lenient: bool) -> Vec<String> {
        let mut ignored = Vec::new();
        for (name, _) in &self.params.pairs {
            if name.is_empty() {
                self.errors.add("query", Text::new("field-error-unnamed-parameter"));
            } else if !known(name) && lenient {
                ignored.push(name.clone());
            } else if !known(name) {
                self.errors.add(name, Text::new("field-error-unknown-parameter"));
            }
        }
        ignored
    }

    /// `_format`, which may only ask for JSON.
    pub fn format(&mut self) {
        for format in self.params.all("_format") {
            if !["json", "application/json", "application/fhir+json"].contains(&format) {
                self.errors.add("_format", Text::new("field-error-fhir-format"));
            }
        }
    }

    pub fn whole(&mut self, name: &str, max: usize, default: usize) -> usize {
        let Some(text) = self.params.get(name) else { return default };
        match text.parse::<usize>() {
            Ok(number) if number <= max => number,
            _ => {
                self.errors.add_range(name, "field-error-whole-number-between", 0, max);
                default
            }
        }
    }

    /// One value out of `allowed` for `name`, if given.
    fn one_of(&mut self, name: &str, allowed: &[&str]) -> Option<&'a str> {
        let value = self.params.get(name)?;
        if !allowed.contains(&value) {
            self.errors.add(name, Text::new("field-error-fhir-one-of").arg("allowed", allowed.join(", ")));
        }
        Some(value)
    }

    fn shown(&mut self) -> Shown {
        let summary = self.one_of("_summary", &["count", "false"]);
        let total = self.one_of("_total", &["none", "estimate", "accurate"]);
        let elements = self
            .params
            .get("_elements")
            .map(|list| list.split(',').map(str::trim).filter(|name| !name.is_empty()).map(str::to_string).collect());
        Shown { count_only: summary == Some("count"), without_total: total == Some("none"), elements }
    }

    /// The ids an `_id` or reference parameter names (each a list separated
    /// by commas, any of which matches); an id that is not a listing's, or
    /// a reference to another server, matches nothing.
    fn ids(&mut self, name: &str, target: Option<ResourceType>, base: &Base) -> Option<Vec<i64>> {
        let values = self.params.all(name);
        if values.is_empty() {
            return None;
        }
        let mut wanted: Option<Vec<i64>> = None;
        for value in values {
            if value.split(',').count() > MAX_COUNT {
                self.errors.add(name, Text::new("field-error-fhir-too-many-ids").arg("max", MAX_COUNT.to_string()));
            }
            let ids: Vec<i64> = value.split(',').filter_map(|one| referenced_id(one, target, base)).collect();
            // Repeated, a parameter means every one of them at once.
            wanted = Some(match wanted {
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

    /// A specialty parameter: codes of ours or NUCC taxonomy codes, each as
    /// `code` or `system|code`, separated by commas, any of which matches.
    fn specialty(&mut self, name: &str, value: &str, base: &Base) -> Option<Condition> {
        let ours = CodeList::Specialty.url(base);
        let (mut our_codes, mut taxonomy_codes) = (Vec::new(), Vec::new());
        for item in value.split(',') {
            let (system, code) = item.split_once('|').unwrap_or(("", item));
            let our_term =
                vocabulary::find(vocabulary::SPECIALTIES, code).filter(|_| system.is_empty() || system == ours);
            if let Some(term) = our_term {
                our_codes.push(term.code);
            } else if (system.is_empty() || system == NUCC_TAXONOMY) && is_taxonomy_code(code) {
                taxonomy_codes.push(code.to_string());
            } else if !system.is_empty() && system != ours && system != NUCC_TAXONOMY {
                let systems = format!("{ours} or {NUCC_TAXONOMY}");
                self.errors.add(name, Text::new("field-error-fhir-system").arg("system", systems));
                return None;
            } else {
                let text = Text::new("field-error-fhir-code").arg("code", code.to_string()).arg("system", ours);
                self.errors.add(name, text);
                return None;
            }
        }
        Some(Condition::Specialty { ours: our_codes, taxonomy_codes })
    }

    /// `latitude|longitude|distance|units`; the distance defaults to the API's radius (50 km)
    /// and the units to `km` (`mi` and `[mi_i]` are miles, `m` metres).
    fn near(&mut self, name: &str, text: &str) -> Option<Near> {
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
            "" => Some(DEFAULT_RADIUS_KM),
            distance => number(distance).map(|distance| distance * km_per_unit),
        };
        match radius_km {
            Some(radius_km) if (1.0..=MAX_RADIUS_KM).contains(&radius_km) => Some(Near { lat, lon, radius_km }),
            Some(_) => {
                self.errors.add(name, Text::new("field-error-radius"));
                None
            }
            None => {
                self.errors.add(name, Text::new("field-error-fhir-near"));
                None
            }
        }
    }

    /// The types `_include` or `_revinclude` bring in, each once.
    fn includes(&mut self, searchable: &Searchable) -> Vec<ResourceType> {
        let mut found = Vec::new();
        let mut add = |kinds: Vec<ResourceType>| {
            for kind in kinds {
                if !found.contains(&kind) {
                    found.push(kind);
                }
            }
        };
        for value in self.params.all("_include") {
            let matching = included(value, searchable.kind, searchable.includes.iter().copied());
            if matching.is_empty() {
                let allowed = searchable.include_values().join(", ");
                self.errors.add("_include", Text::new("field-error-fhir-include").arg("allowed", allowed));
            }
            add(matching);
        }
        for value in self.params.all("_revinclude") {
            let matching = revincluded(value, searchable);
            if matching.is_empty() {
                let allowed = searchable.revinclude_values().join(", ");
                self.errors.add("_revinclude", Text::new("field-error-fhir-include").arg("allowed", allowed));
            }
            add(matching);
        }
        found
    }
}

/// The types an `_include` value such as `PractitionerRole:location` (or
/// `PractitionerRole:*`, or with a target type) names among `includes`.
fn included(
    value: &str,
    source: ResourceType,
    includes: impl Iterator<Item = (&'static str, ResourceType)>,
) -> Vec<ResourceType> {
    let parts: Vec<&str> = value.split(':').collect();
    match parts.as_slice() {
        [from, name, target @ ..] if *from == source.name() && target.len() <= 1 => includes
            .filter(|(param, kind)| {
                (*name == "*" || name == param) && target.first().is_none_or(|target| *target == kind.name())
            })
            .map(|(_, kind)| kind)
            .collect(),
        _ => Vec::new(),
    }
}

/// The types a `_revinclude` value such as `PractitionerRole:practitioner` names.
fn revincluded(value: &str, searchable: &Searchable) -> Vec<ResourceType> {
    searchable
        .revincludes
        .iter()
        .filter(|(source, name)| {
            let parts: Vec<&str> = value.split(':').collect();
            match parts.as_slice() {
                [from, param, target @ ..] if target.len() <= 1 => {
                    *from == source.name()
                        && (*param == "*" || param == name)
                        && target.first().is_none_or(|target| *target == searchable.kind.name())
                }
                _ => false,
            }
        })
        .map(|(source, _)| *source)
        .collect()
}

/// A listing's id from `17`, `Practitioner/17` or the absolute address of
/// `Practitioner/17` here, when the type is `target`'s.
fn referenced_id(reference: &str, target: Option<ResourceType>, base: &Base) -> Option<i64> {
    let local = reference.strip_prefix(base.as_str()).and_then(|rest| rest.strip_prefix('/')).unwrap_or(reference);
    match (local.split_once('/'), target) {
        (None, _) => listing_id(local),
        (Some((kind, id)), Some(target)) if kind == target.name() => listing_id(id),
        _ => None,
    }
}

/// A listing id as a FHIR id: digits without a leading zero.
pub fn listing_id(id: &str) -> Option<i64> {
    let canonical = !id.is_empty() && !id.starts_with('0') && id.bytes().all(|byte| byte.is_ascii_digit());
    canonical.then(|| id.parse().ok()).flatten()
}

/// How a `string` parameter's modifier compares.
fn matching(modifier: Option<&str>) -> Option<Matching> {
    match modifier {
        None => Some(Matching::WordStart),
        Some("exact") => Some(Matching::Exact),
        Some("contains") => Some(Matching::Contains),
        Some(_) => None,
    }
}

impl Criteria {
    pub fn parse(
        searchable: &Searchable,
        params: &SearchParams,
        base: &Base,
        lenient: bool,
    ) -> Result<Criteria, AppError> {
        let mut reader = Reader::new(params);
        let known = |name: &str| {
            let (bare, modifier) = name.split_once(':').map_or((name, None), |(bare, modifier)| (bare, Some(modifier)));
            RESULT_PARAMETERS.contains(&name)
                || searchable.parameter(bare).is_some_and(|parameter| {
                    modifier.is_none() || matches!(parameter.selects, Selects::Text(_)) && matching(modifier).is_some()
                })
        };
        let ignored = reader.check_names(known, lenient);
        reader.format();
        let mut criteria = Criteria {
            ids: None,
            updated: reader.last_updated(),
            near: None,
            conditions: Vec::new(),
            asked_count: reader.whole("_count", MAX_COUNT, DEFAULT_COUNT),
            count: 0,
            offset: reader.whole("_offset", MAX_OFFSET, 0),
            includes: reader.includes(searchable),
            shown: reader.shown(),
            ignored,
        };
        criteria.select(&mut reader, searchable, base);
        criteria.count = criteria.asked_count.min(MAX_ENTRIES / (1 + criteria.includes.len()));
        if searchable.needs_practice() {
            criteria.conditions.push(Condition::Practice);
        }
        criteria.refuse_mixtures(&mut reader, searchable);
        reader.errors.sort_by_field();
        reader.errors.finish(Some(criteria))
    }

    /// Reads each selecting parameter the type takes.
    fn select(&mut self, reader: &mut Reader, searchable: &Searchable, base: &Base) {
        let params = reader.params;
        for (name, value) in &params.pairs {
            let (bare, modifier) = name.split_once(':').map_or((name.as_str(), None), |(bare, m)| (bare, Some(m)));
            let Some(parameter) = searchable.parameter(bare) else { continue };
            match parameter.selects {
                Selects::Text(fields) => {
                    let values: Vec<&str> = value.split(',').filter(|one| !one.is_empty()).collect();
                    let how = matching(modifier).unwrap_or(Matching::WordStart);
                    self.conditions.push(Condition::Text(TextMatch::new(fields, &values, how)));
                }
                Selects::Specialty => self.conditions.extend(reader.specialty(name, value, base)),
                Selects::Near if self.near.is_none() => self.near = reader.near(name, value),
                Selects::Near => reader.errors.add(name, Text::new("field-error-fhir-one-value")),
                Selects::Id | Selects::Reference(_) | Selects::LastUpdated => {}
            }
        }
        let references = searchable.parameters.iter().filter_map(|parameter| match parameter.selects {
            Selects::Id => Some((parameter.name, None)),
            Selects::Reference(kind) => Some((parameter.name, Some(kind))),
            _ => None,
        });
        for (name, kind) in references.collect::<Vec<_>>() {
            if let Some(ids) = reader.ids(name, kind, base) {
                self.ids = Some(match self.ids.take() {
                    Some(earlier) => earlier.into_iter().filter(|id| ids.contains(id)).collect(),
                    None => ids,
                });
                if kind == Some(ResourceType::Organization) {
                    self.conditions.push(Condition::Practice);
                }
            }
        }
    }

    /// The search index answers nearness (with one specialty of ours at
    /// most) and the other conditions; the database `_lastUpdated`: a search
    /// cannot ask both.
    fn refuse_mixtures(&self, reader: &mut Reader, searchable: &Searchable) {
        let near_name = searchable.parameters.iter().find(|parameter| parameter.selects == Selects::Near);
        let near_name = near_name.map(|parameter| parameter.name);
        let by_database = self.updated != UpdatedBetween::default();
        let mut refuse = |name: &str, other: &str| {
            reader.errors.add(name, Text::new("field-error-fhir-not-with").arg("other", other.to_string()))
        };
        if let Some(near) = near_name.filter(|_| self.near.is_some()) {
            let one_specialty = |condition: &Condition| matches!(condition, Condition::Specialty { ours, taxonomy_codes } if ours.len() == 1 && taxonomy_codes.is_empty());
            if self.ids.is_some() {
                refuse("_id", near);
            }
            if by_database {
                refuse("_lastUpdated", near);
            }
            if self.conditions.iter().any(|condition| !one_specialty(condition)) || self.conditions.len() > 1 {
                refuse(near, "parameters other than one specialty of ours");
            }
        } else if by_database && !self.conditions.is_empty() {
            refuse("_lastUpdated", "the parameters that match text, specialties or practices");
        }
    }

    /// The one specialty of ours a search near a place asks for.
    pub fn near_specialty(&self) -> Option<&'static str> {
        self.conditions.iter().find_map(|condition| match condition {
            Condition::Specialty { ours, .. } => ours.first().copied(),
            _ => None,
        })
    }
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
        _ => date_time_span(text),
    }
}

/// A dateTime to the minute (`hh:mm` then a zone) or the second, perhaps with a fraction.
fn date_time_span(text: &str) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let (date, time) = text.split_once('T')?;
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

    #[test]
    fn a_reference_names_a_listing_through_its_own_type_only() {
        let base = Base::at("http://benzowise.test/fhir");
        let practitioner = Some(ResourceType::Practitioner);
        assert_eq!(referenced_id("Practitioner/17", practitioner, &base), Some(17));
        assert_eq!(referenced_id("17", practitioner, &base), Some(17));
        assert_eq!(referenced_id("http://benzowise.test/fhir/Practitioner/17", practitioner, &base), Some(17));
        assert_eq!(referenced_id("Location/17", practitioner, &base), None);
        assert_eq!(referenced_id("http://elsewhere.test/fhir/Practitioner/17", practitioner, &base), None);
    }
}
