//! The in-memory proximity index of public listings.
//!
//! Listings sit in a grid of 0.25° cells. Each cell keeps its members as
//! parallel arrays (id, filter bits, unit vector) and the 3-D box around its
//! unit vectors, so a query can skip a cell that is out of range, count a cell
//! that lies wholly inside the radius with one pass over its filter bits, and
//! compute distances only where they decide membership or the nearest page.
//! Chord length between unit vectors orders points exactly as great-circle
//! distance does, so results are exact: nearest first, ties by id.

use std::cmp::Ordering;
use std::collections::{BTreeSet, BinaryHeap, HashMap};
use std::sync::RwLock;

use geo::{point, Distance, Haversine};
use serde::Serialize;
use utoipa::ToSchema;

use super::query::{SearchQuery, KM_PER_MILE};
use crate::domain::listing::ListingSummary;
use crate::domain::vocabulary::{self, CRITERIA, PROFESSIONS, SPECIALTIES, TAPER_APPROACHES};

/// The mean Earth radius that `geo::Haversine` uses.
const EARTH_RADIUS_KM: f64 = 6_371.008_8;
const CELL_DEGREES: f64 = 0.25;
const LON_CELLS: i32 = (360.0 / CELL_DEGREES) as i32;

// Filter bits: one per code of each vocabulary, then yes/no bits for the flags.
const PROFESSION_BIT: u32 = 0;
const SPECIALTY_BIT: u32 = PROFESSION_BIT + PROFESSIONS.len() as u32;
const APPROACH_BIT: u32 = SPECIALTY_BIT + SPECIALTIES.len() as u32;
const CRITERION_BIT: u32 = APPROACH_BIT + TAPER_APPROACHES.len() as u32;
const TELEHEALTH_BIT: u32 = CRITERION_BIT + CRITERIA.len() as u32;
const ACCEPTING_BIT: u32 = TELEHEALTH_BIT + 2;
const PRESCRIBER_BIT: u32 = ACCEPTING_BIT + 2;
const _: () = assert!(PRESCRIBER_BIT + 2 <= 64, "filter bits must fit in a u64");

/// Bit of a yes/no flag: `bit` when true, `bit + 1` when false.
fn flag_bit(bit: u32, value: bool) -> u64 {
    1 << if value { bit } else { bit + 1 }
}

fn code_bit<T>(list: &[T], code: &str, base: u32, code_of: impl Fn(&T) -> &str) -> u64 {
    list.iter().position(|t| code_of(t) == code).map_or(0, |i| 1 << (base + i as u32))
}

fn profession_bit(code: &str) -> u64 {
    code_bit(PROFESSIONS, code, PROFESSION_BIT, |p| p.code)
}

fn specialty_bit(code: &str) -> u64 {
    code_bit(SPECIALTIES, code, SPECIALTY_BIT, |t| t.code)
}

fn approach_bit(code: &str) -> u64 {
    code_bit(TAPER_APPROACHES, code, APPROACH_BIT, |t| t.code)
}

fn criterion_bit(code: &str) -> u64 {
    code_bit(CRITERIA, code, CRITERION_BIT, |t| t.code)
}

/// Codes of `list` whose bits are set in `mask`.
fn codes_in<T>(
    mask: u64,
    list: &'static [T],
    base: u32,
    code_of: impl Fn(&'static T) -> &'static str,
) -> Vec<&'static str> {
    list.iter().enumerate().filter(|(i, _)| mask & (1 << (base + *i as u32)) != 0).map(|(_, t)| code_of(t)).collect()
}

type Languages = [u64; 3];

fn language_bits(codes: &[String]) -> Languages {
    let mut bits = [0u64; 3];
    for code in codes {
        if let Some(i) = crate::domain::iso::language_index(code) {
            bits[i / 64] |= 1 << (i % 64);
        }
    }
    bits
}

fn unit_vector(lat: f64, lon: f64) -> [f64; 3] {
    let (lat, lon) = (lat.to_radians(), lon.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

fn chord2(a: &[f64; 3], b: &[f64; 3]) -> f64 {
    let (x, y, z) = (a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    x * x + y * y + z * z
}

fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    Haversine.distance(point!(x: lon1, y: lat1), point!(x: lon2, y: lat2)) / 1000.0
}

fn cell_of(lat: f64, lon: f64) -> (i32, i32) {
    let row = (lat / CELL_DEGREES).floor() as i32;
    let column = ((lon + 180.0) / CELL_DEGREES).floor() as i32;
    (row, column.rem_euclid(LON_CELLS))
}

/// One public listing, compactly: what filters need and what a result shows.
struct Entry {
    /// full name, credentials, practice name, city, region, country, joined by U+001F.
    text: Box<str>,
    regions: Box<[u16]>,
    languages: Languages,
    lat: f64,
    lon: f64,
    mask: u64,
    demo: bool,
    /// Where the entry sits in its cell's arrays.
    slot: u32,
}

const SEPARATOR: char = '\u{1f}';

#[derive(Default)]
struct Cell {
    ids: Vec<u32>,
    masks: Vec<u64>,
    points: Vec<[f64; 3]>,
    /// The box around every unit vector ever placed here (never shrinks, so
    /// it stays a safe bound after removals).
    low: [f64; 3],
    high: [f64; 3],
}

impl Cell {
    fn push(&mut self, id: u32, mask: u64, point: [f64; 3]) -> u32 {
        if self.ids.is_empty() {
            self.low = point;
            self.high = point;
        }
        for axis in 0..3 {
            self.low[axis] = self.low[axis].min(point[axis]);
            self.high[axis] = self.high[axis].max(point[axis]);
        }
        self.ids.push(id);
        self.masks.push(mask);
        self.points.push(point);
        (self.ids.len() - 1) as u32
    }

    /// Removes the member at `slot`; returns the id moved into its place.
    fn swap_remove(&mut self, slot: u32) -> Option<u32> {
        let slot = slot as usize;
        self.ids.swap_remove(slot);
        self.masks.swap_remove(slot);
        self.points.swap_remove(slot);
        self.ids.get(slot).copied()
    }

    /// Smallest and largest squared chord from `q` to the cell's box.
    fn chord2_bounds(&self, q: &[f64; 3]) -> (f64, f64) {
        let (mut near, mut far) = (0.0, 0.0);
        for axis in 0..3 {
            let below = self.low[axis] - q[axis];
            let above = q[axis] - self.high[axis];
            let gap = below.max(above).max(0.0);
            near += gap * gap;
            let reach = (q[axis] - self.low[axis]).abs().max((q[axis] - self.high[axis]).abs());
            far += reach * reach;
        }
        (near, far)
    }
}

#[derive(Default)]
struct Inner {
    cells: HashMap<(i32, i32), Cell>,
    /// Indexed by listing id.
    entries: Vec<Option<Entry>>,
    region_codes: Vec<String>,
    region_ids: HashMap<String, u16>,
    /// Listing ids licensed in each region, for searches without a place.
    by_region: HashMap<u16, BTreeSet<u32>>,
    len: usize,
}

/// One search result: a listing's summary and its distance.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchResult {
    pub id: i64,
    /// True for the fictional demo listings.
    pub demo: bool,
    pub full_name: String,
    pub credentials: Option<String>,
    pub profession: &'static str,
    pub prescriber: bool,
    pub specialty: &'static str,
    pub practice_name: Option<String>,
    pub city: String,
    pub region: Option<String>,
    pub country: String,
    pub latitude: f64,
    pub longitude: f64,
    pub telehealth: bool,
    pub licensed_regions: Vec<String>,
    pub accepting_new_patients: bool,
    pub languages: Vec<&'static str>,
    pub taper_approaches: Vec<&'static str>,
    pub criteria: Vec<&'static str>,
    /// Great-circle distance from the search centre; null without one.
    pub distance_km: Option<f64>,
    pub distance_mi: Option<f64>,
}

/// A page of results and how many match in all.
#[derive(Debug, Clone)]
pub struct SearchPage {
    pub total: usize,
    pub results: Vec<SearchResult>,
}

/// A candidate for the nearest page, ordered by distance then id.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    chord2: f64,
    id: u32,
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.chord2.total_cmp(&other.chord2).then(self.id.cmp(&other.id))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// What every match must have, beyond the filter bits.
struct Extra<'a> {
    languages: Option<Languages>,
    region: Option<u16>,
    entries: &'a [Option<Entry>],
}

impl Extra<'_> {
    fn is_empty(&self) -> bool {
        self.languages.is_none() && self.region.is_none()
    }

    fn accepts(&self, id: u32) -> bool {
        let Some(entry) = self.entries.get(id as usize).and_then(Option::as_ref) else { return false };
        let languages_ok = self.languages.is_none_or(|want| (0..3).all(|w| entry.languages[w] & want[w] == want[w]));
        languages_ok && self.region.is_none_or(|r| entry.regions.contains(&r))
    }
}

#[derive(Default)]
pub struct SearchIndex {
    inner: RwLock<Inner>,
}

impl SearchIndex {
    pub fn new() -> SearchIndex {
        SearchIndex::default()
    }

    pub fn len(&self) -> usize {
        self.inner.read().expect("search index lock").len
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds a public listing, or replaces its previous version.
    pub fn upsert(&self, id: i64, summary: &ListingSummary) {
        let Ok(id) = u32::try_from(id) else { return };
        let mut inner = self.inner.write().expect("search index lock");
        inner.remove(id);
        inner.insert(id, summary);
    }

    /// Takes a listing out of search (no effect if it is not there).
    pub fn remove(&self, id: i64) {
        if let Ok(id) = u32::try_from(id) {
            self.inner.write().expect("search index lock").remove(id);
        }
    }

    /// Loads many listings under one lock.
    pub fn extend(&self, listings: impl IntoIterator<Item = (i64, ListingSummary)>) {
        let mut inner = self.inner.write().expect("search index lock");
        for (id, summary) in listings {
            if let Ok(id) = u32::try_from(id) {
                inner.remove(id);
                inner.insert(id, &summary);
            }
        }
    }

    pub fn search(&self, query: &SearchQuery) -> SearchPage {
        let inner = self.inner.read().expect("search index lock");
        inner.search(query)
    }
}

impl Inner {
    fn region_id(&mut self, code: &str) -> Option<u16> {
        if let Some(id) = self.region_ids.get(code) {
            return Some(*id);
        }
        let id = u16::try_from(self.region_codes.len()).ok()?;
        self.region_codes.push(code.to_string());
        self.region_ids.insert(code.to_string(), id);
        Some(id)
    }

    fn insert(&mut self, id: u32, s: &ListingSummary) {
        let mut mask = profession_bit(&s.profession)
            | specialty_bit(&s.specialty)
            | flag_bit(TELEHEALTH_BIT, s.telehealth)
            | flag_bit(ACCEPTING_BIT, s.accepting_new_patients)
            | flag_bit(PRESCRIBER_BIT, s.prescriber);
        mask |= s.taper_approaches.iter().fold(0, |m, c| m | approach_bit(c));
        mask |= s.criteria.iter().fold(0, |m, c| m | criterion_bit(c));
        let regions: Box<[u16]> = s.licensed_regions.iter().filter_map(|r| self.region_id(r)).collect();
        for region in regions.iter() {
            self.by_region.entry(*region).or_default().insert(id);
        }
        let text = [
            s.full_name.as_str(),
            s.credentials.as_deref().unwrap_or(""),
            s.practice_name.as_deref().unwrap_or(""),
            s.city.as_str(),
            s.region.as_deref().unwrap_or(""),
            s.country.as_str(),
        ]
        .join(&SEPARATOR.to_string());
        let point = unit_vector(s.latitude, s.longitude);
        let slot = self.cells.entry(cell_of(s.latitude, s.longitude)).or_default().push(id, mask, point);
        let index = id as usize;
        if self.entries.len() <= index {
            self.entries.resize_with(index + 1, || None);
        }
        self.entries[index] = Some(Entry {
            text: text.into_boxed_str(),
            regions,
            languages: language_bits(&s.languages),
            lat: s.latitude,
            lon: s.longitude,
            mask,
            demo: s.demo,
            slot,
        });
        self.len += 1;
    }

    fn remove(&mut self, id: u32) {
        let Some(entry) = self.entries.get_mut(id as usize).and_then(Option::take) else { return };
        let key = cell_of(entry.lat, entry.lon);
        if let Some(cell) = self.cells.get_mut(&key) {
            if let Some(moved) = cell.swap_remove(entry.slot) {
                if let Some(Some(moved_entry)) = self.entries.get_mut(moved as usize) {
                    moved_entry.slot = entry.slot;
                }
            }
            if cell.ids.is_empty() {
                self.cells.remove(&key);
            }
        }
        for region in entry.regions.iter() {
            if let Some(ids) = self.by_region.get_mut(region) {
                ids.remove(&id);
            }
        }
        self.len -= 1;
    }

    fn required_mask(query: &SearchQuery) -> u64 {
        let mut mask = query.profession.map_or(0, profession_bit) | query.specialty.map_or(0, specialty_bit);
        mask |= query.approaches.iter().fold(0, |m, c| m | approach_bit(c));
        mask |= query.criteria.iter().fold(0, |m, c| m | criterion_bit(c));
        mask |= query.telehealth.map_or(0, |v| flag_bit(TELEHEALTH_BIT, v));
        mask |= query.accepting.map_or(0, |v| flag_bit(ACCEPTING_BIT, v));
        mask |= query.prescriber.map_or(0, |v| flag_bit(PRESCRIBER_BIT, v));
        mask
    }

    fn search(&self, query: &SearchQuery) -> SearchPage {
        let need = Self::required_mask(query);
        let region = match &query.licensed_in {
            Some(code) => match self.region_ids.get(code) {
                Some(id) => Some(*id),
                None => return SearchPage { total: 0, results: Vec::new() },
            },
            None => None,
        };
        let extra = Extra {
            languages: query.language.as_ref().map(|l| language_bits(std::slice::from_ref(l))),
            region,
            entries: &self.entries,
        };
        match &query.center {
            Some(center) => self.search_near(query, center.lat, center.lon, need, &extra),
            None => self.search_region(query, need, &extra),
        }
    }

    /// Telehealth clinicians licensed in a region, by id.
    fn search_region(&self, query: &SearchQuery, need: u64, extra: &Extra) -> SearchPage {
        let Some(ids) = extra.region.and_then(|r| self.by_region.get(&r)) else {
            return SearchPage { total: 0, results: Vec::new() };
        };
        let mut total = 0;
        let mut results = Vec::new();
        for &id in ids {
            let entry = self.entries[id as usize].as_ref().expect("indexed ids have entries");
            if entry.mask & need == need && extra.accepts(id) {
                if total >= query.offset && results.len() < query.limit {
                    results.push(self.result(id, entry, None));
                }
                total += 1;
            }
        }
        SearchPage { total, results }
    }

    fn search_near(&self, query: &SearchQuery, lat: f64, lon: f64, need: u64, extra: &Extra) -> SearchPage {
        let q = unit_vector(lat, lon);
        let angle = query.radius_km / EARTH_RADIUS_KM;
        let limit2 = (2.0 * (angle / 2.0).sin()).powi(2);
        // Within this band of the radius, haversine decides, so membership
        // agrees exactly with the distances reported.
        let band = 1e-9;
        let wanted = query.offset + query.limit;

        let mut cells: Vec<(f64, bool, &Cell)> = self
            .cells_around(lat, lon, angle)
            .filter_map(|cell| {
                let (near, far) = cell.chord2_bounds(&q);
                (near <= limit2 + band).then_some((near, far < limit2 - band, cell))
            })
            .collect();
        cells.sort_by(|a, b| a.0.total_cmp(&b.0));

        let mut total = 0;
        let mut nearest: BinaryHeap<Candidate> = BinaryHeap::with_capacity(wanted + 1);
        for (near, inside, cell) in cells {
            let could_rank = nearest.len() < wanted || nearest.peek().is_some_and(|worst| near <= worst.chord2);
            if inside && !could_rank {
                total += if extra.is_empty() {
                    cell.masks.iter().filter(|&&m| m & need == need).count()
                } else {
                    cell.masks.iter().zip(&cell.ids).filter(|(&m, &id)| m & need == need && extra.accepts(id)).count()
                };
                continue;
            }
            for i in 0..cell.ids.len() {
                if cell.masks[i] & need != need {
                    continue;
                }
                let id = cell.ids[i];
                if !extra.is_empty() && !extra.accepts(id) {
                    continue;
                }
                let d2 = chord2(&cell.points[i], &q);
                let within = if (d2 - limit2).abs() <= band {
                    let entry = self.entries[id as usize].as_ref().expect("indexed ids have entries");
                    haversine_km(lat, lon, entry.lat, entry.lon) <= query.radius_km
                } else {
                    d2 < limit2
                };
                if !within {
                    continue;
                }
                total += 1;
                let candidate = Candidate { chord2: d2, id };
                if nearest.len() < wanted {
                    nearest.push(candidate);
                } else if nearest.peek().is_some_and(|worst| candidate < *worst) {
                    nearest.pop();
                    nearest.push(candidate);
                }
            }
        }
        let mut ranked: Vec<(f64, u32)> = nearest
            .into_iter()
            .map(|c| {
                let entry = self.entries[c.id as usize].as_ref().expect("indexed ids have entries");
                (haversine_km(lat, lon, entry.lat, entry.lon), c.id)
            })
            .collect();
        ranked.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let results = ranked
            .into_iter()
            .skip(query.offset)
            .map(|(km, id)| self.result(id, self.entries[id as usize].as_ref().expect("indexed"), Some(km)))
            .collect();
        SearchPage { total, results }
    }

    /// Every cell that may hold a point within `angle` radians of the point.
    fn cells_around(&self, lat: f64, lon: f64, angle: f64) -> impl Iterator<Item = &Cell> {
        let reach = angle.to_degrees() + 1e-6;
        let (south, north) = (lat - reach, lat + reach);
        let rows = (south / CELL_DEGREES).floor() as i32..=(north.min(90.0) / CELL_DEGREES).floor() as i32;
        let widest = south.abs().max(north.abs());
        let columns: Vec<i32> = if widest >= 89.9 || angle.sin() >= widest.to_radians().cos() {
            (0..LON_CELLS).collect()
        } else {
            let half = (angle.sin() / widest.to_radians().cos()).asin().to_degrees() + 1e-6;
            let first = ((lon - half + 180.0) / CELL_DEGREES).floor() as i32;
            let last = ((lon + half + 180.0) / CELL_DEGREES).floor() as i32;
            (first..=last.min(first + LON_CELLS - 1)).map(|c| c.rem_euclid(LON_CELLS)).collect()
        };
        rows.flat_map(move |row| columns.clone().into_iter().map(move |column| (row, column)))
            .filter_map(|key| self.cells.get(&key))
    }

    fn result(&self, id: u32, entry: &Entry, distance_km: Option<f64>) -> SearchResult {
        let mut parts = entry.text.split(SEPARATOR);
        let mut next = || parts.next().unwrap_or("").to_string();
        let optional = |s: String| (!s.is_empty()).then_some(s);
        let (full_name, credentials, practice_name, city, region, country) =
            (next(), optional(next()), optional(next()), next(), optional(next()), next());
        let profession = codes_in(entry.mask, PROFESSIONS, PROFESSION_BIT, |p| p.code).first().copied().unwrap_or("");
        SearchResult {
            id: i64::from(id),
            demo: entry.demo,
            full_name,
            credentials,
            profession,
            prescriber: vocabulary::profession(profession).is_some_and(|p| p.prescriber),
            specialty: codes_in(entry.mask, SPECIALTIES, SPECIALTY_BIT, |t| t.code).first().copied().unwrap_or(""),
            practice_name,
            city,
            region,
            country,
            latitude: entry.lat,
            longitude: entry.lon,
            telehealth: entry.mask & flag_bit(TELEHEALTH_BIT, true) != 0,
            licensed_regions: entry.regions.iter().map(|r| self.region_codes[*r as usize].clone()).collect(),
            accepting_new_patients: entry.mask & flag_bit(ACCEPTING_BIT, true) != 0,
            languages: crate::domain::iso::languages_in(&entry.languages),
            taper_approaches: codes_in(entry.mask, TAPER_APPROACHES, APPROACH_BIT, |t| t.code),
            criteria: codes_in(entry.mask, CRITERIA, CRITERION_BIT, |t| t.code),
            distance_km: distance_km.map(|km| (km * 1000.0).round() / 1000.0),
            distance_mi: distance_km.map(|km| (km / KM_PER_MILE * 1000.0).round() / 1000.0),
        }
    }
}
