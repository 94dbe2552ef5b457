//! The in-memory proximity index of public listings.
//!
//! Listings sit in a grid of 0.2° cells, each split into 4 × 4 sub-cells.
//! A cell keeps the main places of its listings sorted by sub-cell in
//! parallel arrays (id, filter bits, unit vector), the filter bits also
//! transposed into bitsets, and the 3-D box around the unit vectors of the
//! cell and of each sub-cell; the further places of listings at several
//! places are kept apart, each with its main place. A query skips what is
//! out of range, counts what lies wholly inside the radius with popcounts or
//! one pass over filter bits, computes distances only on the edge (in single
//! precision where a member is only counted), and ranks only members near
//! enough to reach the requested page.
//! Chord length between unit vectors orders points exactly as great-circle
//! distance does; near the edge, haversine decides, so results are exact:
//! nearest first, ties by id.
//!
//! Writes are rare (moderation), so a cell is rebuilt whole when a member
//! joins or leaves it; reads take a shared lock.

use std::cmp::Ordering;
use std::collections::{BTreeSet, BinaryHeap, HashMap};
use std::sync::{LazyLock, RwLock};

use geo::{point, Distance, Haversine};
use serde::Serialize;
use utoipa::ToSchema;

use super::json::{self, key};
use super::query::{SearchQuery, KM_PER_MILE};
use super::text::{self, TextField, TextMatch, SEPARATOR};
use crate::domain::listing::{ListingSummary, PlaceSummary};
use crate::domain::vocabulary::{CRITERIA, PAYMENT_OPTIONS, PROFESSIONS, SPECIALTIES, TAPER_APPROACHES};
use crate::places::iso;

/// The mean Earth radius that `geo::Haversine` uses.
const EARTH_RADIUS_KM: f64 = 6_371.008_8;
const CELL_DEGREES: f64 = 0.2;
const SUBDIVISIONS: i32 = 4;
const LON_CELLS: i32 = (360.0 / CELL_DEGREES) as i32;
const LAT_CELLS: i32 = (180.0 / CELL_DEGREES) as i32;
/// Touched cells from which rebuilding is shared among threads.
const PARALLEL_REBUILD: usize = 256;
/// Squared-chord band around the radius within which haversine decides.
const EDGE_BAND: f64 = 1e-9;
/// The most a unit vector moves when its coordinates are rounded to single
/// precision: √3 half-units in the last place of a value below 1, rounded up.
const ROUNDING: f64 = 6e-8;

// Filter bits: one per code of each vocabulary, then yes/no bits for the
// flags, then a bit every member has.
const PROFESSION_BIT: u32 = 0;
const SPECIALTY_BIT: u32 = PROFESSION_BIT + PROFESSIONS.len() as u32;
const APPROACH_BIT: u32 = SPECIALTY_BIT + SPECIALTIES.len() as u32;
const CRITERION_BIT: u32 = APPROACH_BIT + TAPER_APPROACHES.len() as u32;
const PAYMENT_BIT: u32 = CRITERION_BIT + CRITERIA.len() as u32;
const TELEHEALTH_BIT: u32 = PAYMENT_BIT + PAYMENT_OPTIONS.len() as u32;
const ACCEPTING_BIT: u32 = TELEHEALTH_BIT + 2;
const PRESCRIBER_BIT: u32 = ACCEPTING_BIT + 2;
const PRESENT_BIT: u32 = PRESCRIBER_BIT + 2;
/// Set on the main place's member of a listing that has further places, so
/// that ranking keeps one candidate for the listing.
const SEVERAL_BIT: u32 = PRESENT_BIT + 1;
const BITS: usize = SEVERAL_BIT as usize + 1;
const _: () = assert!(BITS <= 64, "filter bits must fit in a u64");

/// Bit of a yes/no flag: `bit` when true, `bit + 1` when false.
fn flag_bit(bit: u32, value: bool) -> u64 {
    1 << if value { bit } else { bit + 1 }
}

fn code_bit(codes: &[&str], code: &str, base: u32) -> u64 {
    codes.iter().position(|c| *c == code).map_or(0, |i| 1 << (base + i as u32))
}

fn codes_of<T>(terms: &'static [T], code: fn(&'static T) -> &'static str) -> Vec<&'static str> {
    terms.iter().map(code).collect()
}

static PROFESSION_CODES: LazyLock<Vec<&str>> = LazyLock::new(|| codes_of(PROFESSIONS, |p| p.code));
static SPECIALTY_CODES: LazyLock<Vec<&str>> = LazyLock::new(|| codes_of(SPECIALTIES, |t| t.code));
static APPROACH_CODES: LazyLock<Vec<&str>> = LazyLock::new(|| codes_of(TAPER_APPROACHES, |t| t.code));
static CRITERION_CODES: LazyLock<Vec<&str>> = LazyLock::new(|| codes_of(CRITERIA, |t| t.code));
static PAYMENT_CODES: LazyLock<Vec<&str>> = LazyLock::new(|| codes_of(PAYMENT_OPTIONS, |t| t.code));

fn profession_bit(code: &str) -> u64 {
    code_bit(&PROFESSION_CODES, code, PROFESSION_BIT)
}

fn specialty_bit(code: &str) -> u64 {
    code_bit(&SPECIALTY_CODES, code, SPECIALTY_BIT)
}

fn approach_bit(code: &str) -> u64 {
    code_bit(&APPROACH_CODES, code, APPROACH_BIT)
}

fn criterion_bit(code: &str) -> u64 {
    code_bit(&CRITERION_CODES, code, CRITERION_BIT)
}

fn payment_bit(code: &str) -> u64 {
    code_bit(&PAYMENT_CODES, code, PAYMENT_BIT)
}

/// One bit per language of `iso::language_codes` (fewer than 256).
type Languages = [u64; 4];

fn language_bits(codes: &[String]) -> Languages {
    let mut bits = [0u64; 4];
    for language_index in codes.iter().filter_map(|code| iso::language_index(code)) {
        bits[language_index / 64] |= 1 << (language_index % 64);
    }
    bits
}

fn unit_vector(lat: f64, lon: f64) -> [f64; 3] {
    let (lat, lon) = (lat.to_radians(), lon.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

fn rough(point: &[f64; 3]) -> [f32; 3] {
    point.map(|value| value as f32)
}

fn rough_chord2(from: &[f32; 3], to: &[f64; 3]) -> f64 {
    chord2(&from.map(f64::from), to)
}

fn chord2(from: &[f64; 3], to: &[f64; 3]) -> f64 {
    let (delta_x, delta_y, delta_z) = (from[0] - to[0], from[1] - to[1], from[2] - to[2]);
    delta_x * delta_x + delta_y * delta_y + delta_z * delta_z
}

fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    Haversine.distance(point!(x: lon1, y: lat1), point!(x: lon2, y: lat2)) / 1000.0
}

fn optional(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}

/// Rows count from the south pole, columns from 180° W, in units of `degrees`.
fn row_of(lat: f64, degrees: f64) -> i32 {
    ((lat + 90.0) / degrees).floor() as i32
}

fn column_of(lon: f64, degrees: f64) -> i32 {
    ((lon + 180.0) / degrees).floor() as i32
}

fn grid_position(row: i32, column: i32) -> u32 {
    (row.clamp(0, LAT_CELLS - 1) * LON_CELLS + column.rem_euclid(LON_CELLS)) as u32
}

fn cell_of(lat: f64, lon: f64) -> u32 {
    grid_position(row_of(lat, CELL_DEGREES), column_of(lon, CELL_DEGREES))
}

fn sub_cell_of(lat: f64, lon: f64) -> i32 {
    let sub = CELL_DEGREES / f64::from(SUBDIVISIONS);
    row_of(lat, sub).rem_euclid(SUBDIVISIONS) * SUBDIVISIONS + column_of(lon, sub).rem_euclid(SUBDIVISIONS)
}

/// One public listing, compactly: what filters need and what a result shows.
struct Entry {
    /// The fields of `text::TextField` joined by `SEPARATOR` (cheaper in
    /// memory than storing where each ends), and their folded copy when
    /// they are not ASCII.
    text: Box<str>,
    regions: Box<[u16]>,
    languages: Languages,
    lat: f64,
    lon: f64,
    mask: u64,
    demo: bool,
    confirmed_on: Option<chrono::NaiveDate>,
    /// The listing's further places, each a member of the cell it lies in.
    others: Box<[PlaceSummary]>,
}

impl Entry {
    /// `(latitude, longitude)` of each place, the main one first.
    fn points(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        [(self.lat, self.lon)].into_iter().chain(self.others.iter().map(|place| (place.latitude, place.longitude)))
    }

    /// The grid positions of the cells its places are members of.
    fn positions(&self) -> Vec<u32> {
        let mut positions: Vec<u32> = self.points().map(|(lat, lon)| cell_of(lat, lon)).collect();
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}

/// The axis-aligned box around some unit vectors.
#[derive(Debug, Clone, Copy)]
struct Bounds {
    low: [f64; 3],
    high: [f64; 3],
}

impl Bounds {
    fn around(points: &[[f64; 3]]) -> Bounds {
        let mut bounds = Bounds { low: [f64::MAX; 3], high: [f64::MIN; 3] };
        for point in points {
            for ((low, high), value) in bounds.low.iter_mut().zip(bounds.high.iter_mut()).zip(point) {
                *low = low.min(*value);
                *high = high.max(*value);
            }
        }
        bounds
    }

    /// Smallest and largest squared chord from `point` to the box.
    fn chord2_range(&self, point: &[f64; 3]) -> (f64, f64) {
        let (mut near, mut far) = (0.0, 0.0);
        for ((low, high), value) in self.low.iter().zip(&self.high).zip(point) {
            let gap = (low - value).max(value - high).max(0.0);
            near += gap * gap;
            let reach = (value - low).abs().max((value - high).abs());
            far += reach * reach;
        }
        (near, far)
    }
}

/// The box of a sub-cell in single precision, rounded outwards so it still
/// holds every member: half the size, so twice as many share a cache line.
#[derive(Debug, Clone, Copy)]
struct CompactBounds {
    low: [f32; 3],
    high: [f32; 3],
}

impl CompactBounds {
    fn enclosing(bounds: &Bounds) -> CompactBounds {
        let down = |value: f64| {
            let rounded = value as f32;
            if f64::from(rounded) > value {
                rounded.next_down()
            } else {
                rounded
            }
        };
        let up = |value: f64| {
            let rounded = value as f32;
            if f64::from(rounded) < value {
                rounded.next_up()
            } else {
                rounded
            }
        };
        CompactBounds { low: bounds.low.map(down), high: bounds.high.map(up) }
    }

    fn widened(&self) -> Bounds {
        Bounds { low: self.low.map(f64::from), high: self.high.map(f64::from) }
    }
}

/// A run of a cell's main places that share a sub-cell.
struct SubCell {
    start: u32,
    end: u32,
    bounds: CompactBounds,
}

/// Places of listings as parallel arrays: id, unit vector, and the filter
/// bits transposed into bitsets.
struct Members {
    ids: Vec<u32>,
    points: Vec<[f64; 3]>,
    /// The unit vectors in single precision: half the memory to read where
    /// a member is only counted, decided in full precision near the radius.
    rough: Vec<[f32; 3]>,
    /// For each bit, `words` words over the members, so counting members is
    /// a few ANDs and a popcount per 64 of them, and the words of
    /// neighbouring members lie side by side.
    bitsets: Vec<u64>,
    words: usize,
}

impl Members {
    fn of(members: &[Member]) -> Members {
        let words = members.len().div_ceil(64);
        let mut bitsets = vec![0; BITS * words];
        for (member_index, member) in members.iter().enumerate() {
            for bit in (0..BITS).filter(|b| member.mask & (1 << b) != 0) {
                bitsets[bit * words + member_index / 64] |= 1 << (member_index % 64);
            }
        }
        Members {
            ids: members.iter().map(|m| m.id).collect(),
            points: members.iter().map(|m| m.point).collect(),
            rough: members.iter().map(|m| rough(&m.point)).collect(),
            bitsets,
            words,
        }
    }

    /// For each 64 members of `start..end`, those that pass `filter`.
    fn matching_words<'a>(
        &'a self,
        start: usize,
        end: usize,
        filter: &'a Filter,
    ) -> impl Iterator<Item = (usize, u64)> + 'a {
        (start / 64..end.div_ceil(64)).map(move |w| {
            let first = w * 64;
            let mut word = filter.all.iter().fold(!0u64, |acc, b| acc & self.bitsets[b * self.words + w]);
            if !filter.any.is_empty() {
                word &= filter.any.iter().fold(0u64, |acc, b| acc | self.bitsets[b * self.words + w]);
            }
            if first < start {
                word &= !0 << (start - first);
            }
            if end < first + 64 {
                word &= !0 >> (first + 64 - end);
            }
            (first, word)
        })
    }

    fn count_matching(&self, start: usize, end: usize, filter: &Filter) -> usize {
        self.matching_words(start, end, filter).map(|(_, word)| word.count_ones() as usize).sum()
    }

    fn has(&self, member: usize, bit: usize) -> bool {
        (self.bitsets[bit * self.words + member / 64] >> (member % 64)) & 1 == 1
    }
}

/// The further places of listings at several places that lie in one cell,
/// kept apart from the main places: those are counted by popcount, as each
/// listing has one, while a further place is looked at one by one, so that
/// its listing counts once, by its main place when that is in reach.
struct FurtherPlaces {
    places: Members,
    /// The unit vector of each further place's main place, in single precision.
    mains: Vec<[f32; 3]>,
    bounds: Bounds,
}

/// The places in one grid cell: the main places sorted by sub-cell, and
/// the further places apart.
struct Cell {
    mains: Members,
    /// The box around every place of the cell, main and further.
    bounds: Bounds,
    sub_cells: Vec<SubCell>,
    further: Option<Box<FurtherPlaces>>,
}

/// A member as a cell is built from it: one place of a listing.
struct Member {
    id: u32,
    sub_cell: i32,
    mask: u64,
    point: [f64; 3],
    /// For a further place, its listing's main place.
    main: Option<[f64; 3]>,
}

impl Cell {
    fn build(members: Vec<Member>) -> Cell {
        let (mut mains, mut further): (Vec<Member>, Vec<Member>) = members.into_iter().partition(|m| m.main.is_none());
        mains.sort_by_key(|m| (m.sub_cell, m.id));
        further.sort_by_key(|m| m.id);
        let points: Vec<[f64; 3]> = mains.iter().chain(&further).map(|m| m.point).collect();
        let mut sub_cells = Vec::new();
        let mut start = 0;
        while start < mains.len() {
            let end = start + mains[start..].iter().take_while(|m| m.sub_cell == mains[start].sub_cell).count();
            let bounds = CompactBounds::enclosing(&Bounds::around(&points[start..end]));
            sub_cells.push(SubCell { start: start as u32, end: end as u32, bounds });
            start = end;
        }
        let further = (!further.is_empty()).then(|| {
            Box::new(FurtherPlaces {
                places: Members::of(&further),
                mains: further.iter().filter_map(|m| m.main.as_ref().map(rough)).collect(),
                bounds: Bounds::around(&points[mains.len()..]),
            })
        });
        Cell { mains: Members::of(&mains), bounds: Bounds::around(&points), sub_cells, further }
    }

    /// The ids of listings with a place in the cell, some more than once.
    fn ids(&self) -> impl Iterator<Item = u32> + '_ {
        let further = self.further.iter().flat_map(|further| further.places.ids.iter());
        self.mains.ids.iter().chain(further).copied()
    }
}

/// Filters beyond the bits: a language and a licensed region.
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
        let languages_ok = self.languages.is_none_or(|want| (0..4).all(|w| entry.languages[w] & want[w] == want[w]));
        languages_ok && self.region.is_none_or(|r| entry.regions.contains(&r))
    }
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

/// The `wanted` nearest matches seen so far.
struct Nearest {
    heap: BinaryHeap<Candidate>,
    wanted: usize,
}

impl Nearest {
    /// Whether something at squared chord `near` could still enter the page.
    fn could_take(&self, near: f64) -> bool {
        self.heap.len() < self.wanted || self.heap.peek().is_some_and(|worst| near <= worst.chord2)
    }

    fn offer(&mut self, candidate: Candidate) {
        if self.heap.len() < self.wanted {
            self.heap.push(candidate);
        } else if self.heap.peek().is_some_and(|worst| candidate < *worst) {
            self.heap.pop();
            self.heap.push(candidate);
        }
    }

    /// Offers one place of a listing at several: the listing holds one
    /// candidate, at its nearest place offered.
    fn offer_place(&mut self, candidate: Candidate) {
        match self.heap.iter().find(|held| held.id == candidate.id) {
            Some(held) if held.chord2 <= candidate.chord2 => {}
            Some(_) => {
                self.heap.retain(|held| held.id != candidate.id);
                self.heap.push(candidate);
            }
            None => self.offer(candidate),
        }
    }
}

/// What a proximity search gathers as it visits cells.
struct Scan<'a> {
    entries: &'a [Option<Entry>],
    /// Matching listings counted by their main place.
    total: usize,
    /// Matching listings counted by a further place (their main place out of
    /// reach), once for each such place: deduplicated at the end.
    by_further: Vec<u32>,
    nearest: Nearest,
    /// Scratch space reused from cell to cell: (near, far, sub-cell index).
    subs: Vec<(f64, f64, usize)>,
}

/// One proximity query, resolved for the index.
struct Probe<'a> {
    lat: f64,
    lon: f64,
    radius_km: f64,
    center: [f64; 3],
    limit2: f64,
    /// The band around `limit2` within which a squared chord from a rough
    /// point cannot tell: the band of haversine, and the most that rounding
    /// each coordinate to single precision moves a chord near the radius.
    rough_band: f64,
    filter: Filter,
    extra: Extra<'a>,
}

impl Probe<'_> {
    /// Whether a listing's main place, whose chord is too close to the
    /// radius to tell, is within it.
    #[expect(clippy::expect_used, reason = "every id in a cell has an entry; the index is built that way")]
    fn main_on_edge_within(&self, entries: &[Option<Entry>], id: u32) -> bool {
        let entry = entries[id as usize].as_ref().expect("indexed ids have entries");
        haversine_km(self.lat, self.lon, entry.lat, entry.lon) <= self.radius_km
    }

    /// Whether any further place of a listing is within the radius, for
    /// one whose chord is too close to it to tell.
    #[expect(clippy::expect_used, reason = "every id in a cell has an entry; the index is built that way")]
    fn further_on_edge_within(&self, entries: &[Option<Entry>], id: u32) -> bool {
        let entry = entries[id as usize].as_ref().expect("indexed ids have entries");
        entry.others.iter().any(|at| haversine_km(self.lat, self.lon, at.latitude, at.longitude) <= self.radius_km)
    }

    /// Whether a member at squared chord `d2` is within the radius; `on_edge`
    /// decides when the chord is within `band` of the radius's, too close to tell.
    #[inline]
    fn within(&self, inside: bool, (d2, band): (f64, f64), on_edge: impl FnOnce() -> bool) -> bool {
        inside || if (d2 - self.limit2).abs() > band { d2 < self.limit2 } else { on_edge() }
    }

    /// The squared chord from the centre to a member, and the band it tells
    /// within: in full precision for ranking, from its rough point otherwise.
    #[inline]
    fn chord2_to(&self, members: &Members, member: usize, precise: bool) -> (f64, f64) {
        if precise {
            (chord2(&members.points[member], &self.center), EDGE_BAND)
        } else {
            (rough_chord2(&members.rough[member], &self.center), self.rough_band)
        }
    }

    /// `(nearest chord², farthest chord² or 0 when the cell is inside, index)`
    /// of each of the cell's sub-cells the radius can reach.
    #[inline]
    fn sub_cells_in_reach(&self, cell: &Cell, cell_inside: bool, subs: &mut Vec<(f64, f64, usize)>) {
        subs.clear();
        subs.extend(
            cell.sub_cells
                .iter()
                .enumerate()
                .map(|(sub_index, sub)| {
                    let (near, far) = sub.bounds.widened().chord2_range(&self.center);
                    (near, if cell_inside { 0.0 } else { far }, sub_index)
                })
                .filter(|(near, _, _)| *near <= self.limit2 + EDGE_BAND),
        );
    }

    /// Counts and ranks the places of one cell: its main places, then its further places.
    fn visit(&self, cell: &Cell, scan: &mut Scan<'_>) {
        let (near, far) = cell.bounds.chord2_range(&self.center);
        if near > self.limit2 + EDGE_BAND {
            return;
        }
        let cell_inside = far < self.limit2 - EDGE_BAND;
        if cell_inside && !scan.nearest.could_take(near) && self.extra.is_empty() {
            scan.total += cell.mains.count_matching(0, cell.mains.ids.len(), &self.filter);
        } else {
            self.visit_sub_cells(cell, cell_inside, scan.nearest.could_take(near), scan);
        }
        if let Some(further) = &cell.further {
            self.visit_further(further, scan);
        }
    }

    /// Counts and ranks the main places of a cell that the radius reaches
    /// in part, or that may enter the page, a sub-cell at a time.
    fn visit_sub_cells(&self, cell: &Cell, cell_inside: bool, rank_cell: bool, scan: &mut Scan<'_>) {
        let mut subs = std::mem::take(&mut scan.subs);
        self.sub_cells_in_reach(cell, cell_inside, &mut subs);
        // Nearest first, so the page fills with near members and the rest are only counted.
        if rank_cell {
            subs.sort_by(|a, b| a.0.total_cmp(&b.0));
        }
        for &(near, far, sub_index) in subs.iter() {
            let sub = &cell.sub_cells[sub_index];
            let (start, end) = (sub.start as usize, sub.end as usize);
            let inside = far < self.limit2 - EDGE_BAND;
            let rank = scan.nearest.could_take(near);
            if inside && !rank && self.extra.is_empty() {
                scan.total += cell.mains.count_matching(start, end, &self.filter);
            } else {
                self.visit_mains(&cell.mains, (start, end), inside, rank, scan);
            }
        }
        scan.subs = subs;
    }

    /// Counts and ranks the main places of `start..end` that pass the filter one by one.
    fn visit_mains(
        &self,
        mains: &Members,
        (start, end): (usize, usize),
        inside: bool,
        rank: bool,
        scan: &mut Scan<'_>,
    ) {
        for (first, mut members) in mains.matching_words(start, end, &self.filter) {
            while members != 0 {
                let member = first + members.trailing_zeros() as usize;
                members &= members - 1;
                // The id is read only when needed: counting seldom needs it.
                if !self.extra.is_empty() && !self.extra.accepts(mains.ids[member]) {
                    continue;
                }
                let chord = self.chord2_to(mains, member, rank);
                // Counted without a branch: on the edge of the radius
                // about half the members are in, unpredictably.
                let within = self.within(inside, chord, || self.main_on_edge_within(scan.entries, mains.ids[member]));
                scan.total += usize::from(within);
                if rank && within {
                    let candidate = Candidate { chord2: chord.0, id: mains.ids[member] };
                    if mains.has(member, SEVERAL_BIT as usize) {
                        scan.nearest.offer_place(candidate);
                    } else {
                        scan.nearest.offer(candidate);
                    }
                }
            }
        }
    }

    /// Counts and ranks a cell's further places: a listing whose main place
    /// is within reach is counted by it, so a further place counts only when
    /// its main place is not.
    fn visit_further(&self, further: &FurtherPlaces, scan: &mut Scan<'_>) {
        let (near, far) = further.bounds.chord2_range(&self.center);
        if near > self.limit2 + EDGE_BAND {
            return;
        }
        let inside = far < self.limit2 - EDGE_BAND;
        let rank = scan.nearest.could_take(near);
        let places = &further.places;
        for (first, mut members) in places.matching_words(0, places.ids.len(), &self.filter) {
            while members != 0 {
                let member = first + members.trailing_zeros() as usize;
                members &= members - 1;
                // As for main places, the id is read only when needed.
                let id = || places.ids[member];
                if !self.extra.is_empty() && !self.extra.accepts(id()) {
                    continue;
                }
                let main = (rough_chord2(&further.mains[member], &self.center), self.rough_band);
                let main_within = self.within(false, main, || self.main_on_edge_within(scan.entries, id()));
                if main_within && !rank {
                    continue;
                }
                let chord @ (d2, _) = self.chord2_to(places, member, rank);
                // On the edge, whether any further place is within: the listing counts once either way.
                if self.within(inside, chord, || self.further_on_edge_within(scan.entries, id())) {
                    if !main_within {
                        scan.by_further.push(id());
                    }
                    if rank {
                        scan.nearest.offer_place(Candidate { chord2: d2, id: id() });
                    }
                }
            }
        }
    }
}

/// The filter bits a query asks for, as masks: every bit of `all`, and at
/// least one bit of `any` when it has any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Wanted {
    all: u64,
    any: u64,
}

impl Wanted {
    fn accepts(self, mask: u64) -> bool {
        mask & self.all == self.all && (self.any == 0 || mask & self.any != 0)
    }
}

/// The bitsets a member must match: every one of `all` and, when `any` is
/// not empty, one of `any`.
struct Filter {
    all: Vec<usize>,
    any: Vec<usize>,
}

impl Filter {
    /// `all` holds only `PRESENT_BIT` when nothing else is asked (bits past
    /// the last member are clear in every bitset, so any filter bit already
    /// excludes them).
    fn of(wanted: Wanted) -> Filter {
        let bits = |mask: u64| (0..BITS).filter(|b| mask & (1 << b) != 0).collect();
        let filters = wanted.all & !(1 << PRESENT_BIT);
        Filter { all: bits(if filters == 0 { wanted.all } else { filters }), any: bits(wanted.any) }
    }
}

/// One search result: a listing's summary and its distance, borrowed from
/// the index while it is read.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchResult<'a> {
    pub id: i64,
    /// True for the fictional demo listings.
    pub demo: bool,
    pub full_name: &'a str,
    pub credentials: Option<&'a str>,
    pub profession: &'static str,
    pub prescriber: bool,
    pub specialty: &'static str,
    pub practice_name: Option<&'a str>,
    /// The main voice number, as the clinician wrote it.
    pub phone: Option<&'a str>,
    /// The place nearest the search centre (the main one without a centre):
    /// its city, region, country and point.
    pub city: &'a str,
    pub region: Option<&'a str>,
    pub country: &'a str,
    pub latitude: f64,
    pub longitude: f64,
    pub telehealth: bool,
    #[schema(value_type = Vec<String>)]
    pub licensed_regions: Regions<'a>,
    pub accepting_new_patients: bool,
    #[schema(value_type = Vec<String>)]
    pub languages: CodeSet,
    #[schema(value_type = Vec<String>)]
    pub taper_approaches: CodeSet,
    #[schema(value_type = Vec<String>)]
    pub criteria: CodeSet,
    #[schema(value_type = Vec<String>)]
    pub payment_options: CodeSet,
    /// The day the clinician last confirmed the details.
    pub confirmed_on: Option<chrono::NaiveDate>,
    /// Great-circle distance from the search centre; null without one.
    pub distance_km: Option<f64>,
    pub distance_mi: Option<f64>,
}

impl SearchResult<'_> {
    /// Appends the result as the JSON its `Serialize` writes, faster (see `json`).
    pub fn write_json(&self, out: &mut Vec<u8>) {
        key!(out, first "id");
        json::integer(out, self.id);
        key!(out, "demo");
        json::boolean(out, self.demo);
        key!(out, "full_name");
        json::string(out, self.full_name);
        key!(out, "credentials");
        json::optional_string(out, self.credentials);
        key!(out, "profession");
        json::string(out, self.profession);
        key!(out, "prescriber");
        json::boolean(out, self.prescriber);
        key!(out, "specialty");
        json::string(out, self.specialty);
        key!(out, "practice_name");
        json::optional_string(out, self.practice_name);
        key!(out, "phone");
        json::optional_string(out, self.phone);
        key!(out, "city");
        json::string(out, self.city);
        key!(out, "region");
        json::optional_string(out, self.region);
        key!(out, "country");
        json::string(out, self.country);
        key!(out, "latitude");
        json::number(out, self.latitude);
        key!(out, "longitude");
        json::number(out, self.longitude);
        key!(out, "telehealth");
        json::boolean(out, self.telehealth);
        key!(out, "licensed_regions");
        json::strings(out, self.licensed_regions.iter());
        key!(out, "accepting_new_patients");
        json::boolean(out, self.accepting_new_patients);
        key!(out, "languages");
        json::strings(out, self.languages.iter());
        key!(out, "taper_approaches");
        json::strings(out, self.taper_approaches.iter());
        key!(out, "criteria");
        json::strings(out, self.criteria.iter());
        key!(out, "payment_options");
        json::strings(out, self.payment_options.iter());
        key!(out, "confirmed_on");
        json::optional_string(out, self.confirmed_on.map(|day| day.to_string()).as_deref());
        key!(out, "distance_km");
        json::optional_number(out, self.distance_km);
        key!(out, "distance_mi");
        json::optional_number(out, self.distance_mi);
        out.push(b'}');
    }
}

/// The codes whose bits are set, serialized as a list without allocating.
#[derive(Debug, Clone, Copy)]
pub struct CodeSet {
    bits: [u64; 4],
    codes: &'static [&'static str],
}

impl CodeSet {
    /// The codes in order, visiting only the set bits (bits past the last
    /// code, which belong to other vocabularies, end the list).
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        let (mut word, mut rest) = (0, self.bits[0]);
        std::iter::from_fn(move || {
            while rest == 0 {
                word += 1;
                rest = *self.bits.get(word)?;
            }
            let bit = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            self.codes.get(word * 64 + bit).copied()
        })
    }
}

impl Serialize for CodeSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// A listing's licensed regions, serialized as a list of codes.
#[derive(Debug, Clone, Copy)]
pub struct Regions<'a> {
    ids: &'a [u16],
    codes: &'a [String],
}

impl<'a> Regions<'a> {
    pub fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.ids.iter().map(|id| self.codes[*id as usize].as_str())
    }
}

impl Serialize for Regions<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// A listing on a page: its id, its distance from the search centre (none
/// without one), and which of its places that is (0 the main one).
struct Hit {
    id: u32,
    distance_km: Option<f64>,
    place: usize,
}

/// How many listings match in all, and the requested page of them.
pub struct SearchPage<'a> {
    pub total: usize,
    pub results: Vec<SearchResult<'a>>,
}

#[derive(Default)]
struct Inner {
    /// Grid position → cell.
    cells: HashMap<u32, Cell>,
    /// Indexed by listing id.
    entries: Vec<Option<Entry>>,
    region_codes: Vec<String>,
    region_ids: HashMap<String, u16>,
    /// Listing ids licensed in each region, for searches without a place.
    by_region: HashMap<u16, BTreeSet<u32>>,
    len: usize,
}

#[derive(Default)]
pub struct SearchIndex {
    inner: RwLock<Inner>,
}

impl SearchIndex {
    pub fn new() -> SearchIndex {
        SearchIndex::default()
    }

    #[expect(
        clippy::expect_used,
        reason = "a poisoned lock means an update panicked half-way; serving on would hide it"
    )]
    pub fn len(&self) -> usize {
        self.inner.read().expect("search index lock").len
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds a public listing, or replaces its previous version.
    pub fn upsert(&self, id: i64, summary: &ListingSummary) {
        self.extend([(id, summary.clone())]);
    }

    /// Takes a listing out of search (no effect if it is not there).
    #[expect(
        clippy::expect_used,
        reason = "a poisoned lock means an update panicked half-way; serving on would hide it"
    )]
    pub fn remove(&self, id: i64) {
        if let Ok(id) = u32::try_from(id) {
            let mut inner = self.inner.write().expect("search index lock");
            let positions = inner.detach(id);
            inner.rebuild(positions.into_iter().map(|position| (position, Vec::new())).collect());
        }
    }

    /// Adds or replaces many listings, rebuilding each touched cell once.
    #[expect(
        clippy::expect_used,
        reason = "a poisoned lock means an update panicked half-way; serving on would hide it"
    )]
    pub fn extend(&self, listings: impl IntoIterator<Item = (i64, ListingSummary)>) {
        let mut inner = self.inner.write().expect("search index lock");
        // Grid position → ids joining that cell.
        let mut touched: HashMap<u32, Vec<u32>> = HashMap::new();
        for (id, summary) in listings {
            let Ok(id) = u32::try_from(id) else { continue };
            for left in inner.detach(id) {
                touched.entry(left).or_default();
            }
            for joined in inner.attach(id, &summary) {
                touched.entry(joined).or_default().push(id);
            }
        }
        inner.rebuild(touched.into_iter().collect());
    }

    /// Runs a search and hands the page to `use_page` while the index is
    /// read, so results borrow from it instead of being copied.
    #[expect(
        clippy::expect_used,
        reason = "a poisoned lock means an update panicked half-way; serving on would hide it"
    )]
    pub fn search_with<R>(&self, query: &SearchQuery, use_page: impl FnOnce(SearchPage<'_>) -> R) -> R {
        let inner = self.inner.read().expect("search index lock");
        use_page(inner.page(query))
    }

    /// A search and more under one read of the index, so that they agree;
    /// a further search that is `None` gives `None`.
    #[expect(
        clippy::expect_used,
        reason = "a poisoned lock means an update panicked half-way; serving on would hide it"
    )]
    pub fn search_with_more<const N: usize, R>(
        &self,
        query: &SearchQuery,
        more: [Option<&SearchQuery>; N],
        use_pages: impl FnOnce(SearchPage<'_>, [Option<SearchPage<'_>>; N]) -> R,
    ) -> R {
        let inner = self.inner.read().expect("search index lock");
        use_pages(inner.page(query), more.map(|further| further.map(|further| inner.page(further))))
    }
}

/// What a catalogue page asks of the index: the filters of a search (its
/// place, radius and region aside), words in the listing's text, further
/// conditions, and optionally the only ids to consider.
pub struct CatalogueQuery<'a> {
    pub filters: &'a SearchQuery,
    /// Matched in any case, accents aside, against name, credentials,
    /// practice, city, region, country, family and given names, postal code
    /// and taxonomy code.
    pub text: Option<&'a str>,
    /// Every one must hold.
    pub conditions: &'a [Condition],
    /// Ascending ids; `None` considers every listing.
    pub among: Option<&'a [i64]>,
    pub offset: usize,
    pub limit: usize,
}

/// A condition on a listing beyond the search's filters.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    Text(TextMatch),
    /// One of these specialties of ours, or of these NUCC taxonomy codes.
    Specialty {
        ours: Vec<&'static str>,
        taxonomy_codes: Vec<String>,
    },
    /// The listing names a practice.
    Practice,
    /// Within this distance of a point.
    Within {
        lat: f64,
        lon: f64,
        radius_km: f64,
    },
}

impl Condition {
    fn accepts(&self, entry: &Entry) -> bool {
        let field = |field| text::field(&entry.text, field);
        match self {
            Condition::Text(matching) => matching.accepts(&entry.text),
            Condition::Specialty { ours, taxonomy_codes } => {
                ours.iter().any(|code| entry.mask & specialty_bit(code) != 0)
                    || taxonomy_codes.iter().any(|code| field(TextField::TaxonomyCode) == code)
            }
            Condition::Practice => !field(TextField::Practice).is_empty(),
            Condition::Within { lat, lon, radius_km } => {
                entry.points().any(|(at_lat, at_lon)| haversine_km(*lat, *lon, at_lat, at_lon) <= *radius_km)
            }
        }
    }
}

impl Inner {
    /// Whether the listing with this id is public and passes the query.
    fn accepts(&self, query: &CatalogueQuery<'_>, wanted: Wanted, words: Option<&str>, id: usize) -> bool {
        self.entries.get(id).and_then(Option::as_ref).is_some_and(|entry| {
            wanted.accepts(entry.mask)
                && words.is_none_or(|words| text::contains(&entry.text, words))
                && query.conditions.iter().all(|condition| condition.accepts(entry))
        })
    }

    /// The ids a catalogue query considers, from the first above `after`.
    fn candidates<'a>(&self, query: &CatalogueQuery<'a>, after: usize) -> Box<dyn Iterator<Item = usize> + 'a> {
        match query.among {
            Some(ids) => Box::new(ids.iter().filter_map(|&id| usize::try_from(id).ok()).filter(move |&id| id >= after)),
            None => Box::new(after..self.entries.len()),
        }
    }
}

impl SearchIndex {
    /// The listings a catalogue query accepts, by id: how many in all and the
    /// ids of the requested page. For paging through the directory (HSDS,
    /// FHIR) rather than a patient's search near a place.
    #[expect(
        clippy::expect_used,
        reason = "a poisoned lock means an update panicked half-way; serving on would hide it"
    )]
    pub fn catalogue(&self, query: &CatalogueQuery<'_>) -> (usize, Vec<i64>) {
        let inner = self.inner.read().expect("search index lock");
        let (wanted, words) = (Inner::wanted(query.filters), query.text.map(text::fold));
        let mut total = 0;
        let mut page = Vec::new();
        for id in inner.candidates(query, 0).filter(|&id| inner.accepts(query, wanted, words.as_deref(), id)) {
            if total >= query.offset && page.len() < query.limit {
                page.push(id as i64);
            }
            total += 1;
        }
        (total, page)
    }

    /// The next `limit` ids above `after` that a catalogue query accepts
    /// (its offset aside): for reading every match a batch at a time.
    #[expect(
        clippy::expect_used,
        reason = "a poisoned lock means an update panicked half-way; serving on would hide it"
    )]
    pub fn catalogue_after(&self, query: &CatalogueQuery<'_>, after: i64) -> Vec<i64> {
        let inner = self.inner.read().expect("search index lock");
        let (wanted, words) = (Inner::wanted(query.filters), query.text.map(text::fold));
        let first = usize::try_from(after.saturating_add(1)).unwrap_or(0);
        let accepted = inner.candidates(query, first).filter(|&id| inner.accepts(query, wanted, words.as_deref(), id));
        accepted.take(query.limit).map(|id| id as i64).collect()
    }
}

impl Inner {
    fn page(&self, query: &SearchQuery) -> SearchPage<'_> {
        let (total, hits) = self.search(query);
        SearchPage { total, results: hits.into_iter().map(|hit| self.result(hit)).collect() }
    }

    fn region_id(&mut self, code: &str) -> Option<u16> {
        if let Some(id) = self.region_ids.get(code) {
            return Some(*id);
        }
        let id = u16::try_from(self.region_codes.len()).ok()?;
        self.region_codes.push(code.to_string());
        self.region_ids.insert(code.to_string(), id);
        Some(id)
    }

    /// Records a listing's entry; returns the grid positions whose cells need rebuilding.
    fn attach(&mut self, id: u32, summary: &ListingSummary) -> Vec<u32> {
        let mut mask = profession_bit(&summary.profession)
            | specialty_bit(&summary.specialty)
            | flag_bit(TELEHEALTH_BIT, summary.telehealth)
            | flag_bit(ACCEPTING_BIT, summary.accepting_new_patients)
            | flag_bit(PRESCRIBER_BIT, summary.prescriber)
            | 1 << PRESENT_BIT;
        mask |= summary.taper_approaches.iter().fold(0, |m, c| m | approach_bit(c));
        mask |= summary.criteria.iter().fold(0, |m, c| m | criterion_bit(c));
        mask |= summary.payment_options.iter().fold(0, |m, c| m | payment_bit(c));
        let regions: Box<[u16]> = summary.licensed_regions.iter().filter_map(|r| self.region_id(r)).collect();
        for region in regions.iter() {
            self.by_region.entry(*region).or_default().insert(id);
        }
        let text = text::stored([
            summary.full_name.as_str(),
            summary.credentials.as_deref().unwrap_or(""),
            summary.practice_name.as_deref().unwrap_or(""),
            summary.city.as_str(),
            summary.region.as_deref().unwrap_or(""),
            summary.country.as_str(),
            summary.phone.as_deref().unwrap_or(""),
            summary.family_name.as_str(),
            summary.given_names.as_str(),
            summary.postal_code.as_deref().unwrap_or(""),
            summary.taxonomy_code.as_deref().unwrap_or(""),
        ]);
        let index = id as usize;
        if self.entries.len() <= index {
            self.entries.resize_with(index + 1, || None);
        }
        self.entries[index] = Some(Entry {
            text,
            regions,
            languages: language_bits(&summary.languages),
            lat: summary.latitude,
            lon: summary.longitude,
            mask,
            demo: summary.demo,
            confirmed_on: summary.confirmed_on,
            others: summary.other_locations.clone().into_boxed_slice(),
        });
        self.len += 1;
        self.entries[index].as_ref().map(Entry::positions).unwrap_or_default()
    }

    /// Forgets a listing's entry; returns the grid positions whose cells need rebuilding.
    fn detach(&mut self, id: u32) -> Vec<u32> {
        let Some(entry) = self.entries.get_mut(id as usize).and_then(Option::take) else { return Vec::new() };
        for region in entry.regions.iter() {
            if let Some(ids) = self.by_region.get_mut(region) {
                ids.remove(&id);
            }
        }
        self.len -= 1;
        entry.positions()
    }

    /// Rebuilds each cell at `(position, joining)` from its members that are
    /// still there and those joining, on every core when there are many (at
    /// start-up this is a tenth of loading, with nothing else left to run).
    #[expect(clippy::expect_used, reason = "a cell builder that panicked leaves the index incomplete")]
    fn rebuild(&mut self, touched: Vec<(u32, Vec<u32>)>) {
        let threads = if touched.len() < PARALLEL_REBUILD {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        };
        let this = &*self;
        let build = |part: &[(u32, Vec<u32>)]| -> Vec<(u32, Option<Cell>)> {
            part.iter().map(|(position, joining)| (*position, this.build_cell(*position, joining))).collect()
        };
        let built: Vec<(u32, Option<Cell>)> = if threads == 1 {
            build(&touched)
        } else {
            std::thread::scope(|scope| {
                let parts: Vec<_> = touched
                    .chunks(touched.len().div_ceil(threads))
                    .map(|part| scope.spawn(move || build(part)))
                    .collect();
                parts.into_iter().flat_map(|part| part.join().expect("building a cell does not panic")).collect()
            })
        };
        for (position, cell) in built {
            match cell {
                Some(cell) => self.cells.insert(position, cell),
                None => self.cells.remove(&position),
            };
        }
    }

    /// A cell's members that are still there and those joining, built anew;
    /// `None` when none is left.
    fn build_cell(&self, position: u32, joining: &[u32]) -> Option<Cell> {
        let mut ids: Vec<u32> = self.cells.get(&position).map(|c| c.ids().collect()).unwrap_or_default();
        ids.extend_from_slice(joining);
        ids.sort_unstable();
        ids.dedup();
        let members: Vec<Member> = ids
            .into_iter()
            .filter_map(|id| Some((id, self.entries.get(id as usize)?.as_ref()?)))
            .flat_map(|(id, entry)| {
                let main = unit_vector(entry.lat, entry.lon);
                let several = u64::from(!entry.others.is_empty()) << SEVERAL_BIT;
                let here = entry.points().enumerate().filter(move |(_, (lat, lon))| cell_of(*lat, *lon) == position);
                here.map(move |(n, (lat, lon))| Member {
                    id,
                    sub_cell: sub_cell_of(lat, lon),
                    mask: if n == 0 { entry.mask | several } else { entry.mask },
                    point: unit_vector(lat, lon),
                    main: (n > 0).then_some(main),
                })
            })
            .collect();
        (!members.is_empty()).then(|| Cell::build(members))
    }

    fn wanted(query: &SearchQuery) -> Wanted {
        let mut all = query.profession.map_or(0, profession_bit) | query.specialty.map_or(0, specialty_bit);
        all |= query.approaches.iter().fold(0, |m, c| m | approach_bit(c));
        all |= query.criteria.iter().fold(0, |m, c| m | criterion_bit(c));
        all |= query.telehealth.map_or(0, |v| flag_bit(TELEHEALTH_BIT, v));
        all |= query.accepting.map_or(0, |v| flag_bit(ACCEPTING_BIT, v));
        all |= query.prescriber.map_or(0, |v| flag_bit(PRESCRIBER_BIT, v));
        let any: u64 = query.payment.iter().fold(0, |m, c| m | payment_bit(c));
        // One way to pay is simply required, which the counting of whole cells handles faster.
        match any.count_ones() {
            1 => Wanted { all: all | any | 1 << PRESENT_BIT, any: 0 },
            _ => Wanted { all: all | 1 << PRESENT_BIT, any },
        }
    }

    /// The number of matches and the requested page as `(id, distance)`.
    fn search(&self, query: &SearchQuery) -> (usize, Vec<Hit>) {
        let wanted = Self::wanted(query);
        let region = match &query.licensed_in {
            Some(code) => match self.region_ids.get(code) {
                Some(id) => Some(*id),
                None => return (0, Vec::new()),
            },
            None => None,
        };
        let extra = Extra {
            languages: query.language.as_ref().map(|l| language_bits(std::slice::from_ref(l))),
            region,
            entries: &self.entries,
        };
        match &query.center {
            Some(center) => {
                let angle = query.radius_km / EARTH_RADIUS_KM;
                let limit2 = (2.0 * (angle / 2.0).sin()).powi(2);
                let probe = Probe {
                    lat: center.lat,
                    lon: center.lon,
                    radius_km: query.radius_km,
                    center: unit_vector(center.lat, center.lon),
                    limit2,
                    rough_band: EDGE_BAND + 2.0 * limit2.sqrt() * ROUNDING + ROUNDING * ROUNDING,
                    filter: Filter::of(wanted),
                    extra,
                };
                self.search_near(query, &probe, angle)
            }
            None => self.search_region(query, wanted, &extra),
        }
    }

    /// Telehealth clinicians licensed in a region, by id.
    #[expect(clippy::expect_used, reason = "every id in a cell has an entry; the index is built that way")]
    fn search_region(&self, query: &SearchQuery, wanted: Wanted, extra: &Extra) -> (usize, Vec<Hit>) {
        let Some(ids) = extra.region.and_then(|r| self.by_region.get(&r)) else {
            return (0, Vec::new());
        };
        let mut total = 0;
        let mut page = Vec::new();
        for &id in ids {
            let entry = self.entries[id as usize].as_ref().expect("indexed ids have entries");
            if wanted.accepts(entry.mask) && extra.accepts(id) {
                if total >= query.offset && page.len() < query.limit {
                    page.push(Hit { id, distance_km: None, place: 0 });
                }
                total += 1;
            }
        }
        (total, page)
    }

    fn search_near(&self, query: &SearchQuery, probe: &Probe, angle: f64) -> (usize, Vec<Hit>) {
        let mut cells: Vec<(f64, &Cell)> = self
            .cells_around(probe.lat, probe.lon, angle)
            .map(|cell| (cell.bounds.chord2_range(&probe.center).0, cell))
            .filter(|(near, _)| *near <= probe.limit2 + EDGE_BAND)
            .collect();
        cells.sort_by(|a, b| a.0.total_cmp(&b.0));
        let wanted = query.offset + query.limit;
        let mut scan = Scan {
            entries: &self.entries,
            total: 0,
            by_further: Vec::new(),
            nearest: Nearest { heap: BinaryHeap::with_capacity(wanted + 1), wanted },
            subs: Vec::with_capacity((SUBDIVISIONS * SUBDIVISIONS) as usize),
        };
        for (_, cell) in cells {
            probe.visit(cell, &mut scan);
        }
        self.warm_up(scan.nearest.heap.iter().map(|c| c.id));
        let mut ranked: Vec<Hit> = scan.nearest.heap.into_iter().map(|c| self.nearest_place(probe, c.id)).collect();
        let km = |hit: &Hit| hit.distance_km.unwrap_or(f64::INFINITY);
        ranked.sort_by(|a, b| km(a).total_cmp(&km(b)).then(a.id.cmp(&b.id)));
        scan.by_further.sort_unstable();
        scan.by_further.dedup();
        (scan.total + scan.by_further.len(), ranked.into_iter().skip(query.offset).collect())
    }

    /// A listing's place nearest the probe's centre, and its distance.
    #[expect(clippy::expect_used, reason = "every id in a cell has an entry; the index is built that way")]
    fn nearest_place(&self, probe: &Probe, id: u32) -> Hit {
        let entry = self.entries[id as usize].as_ref().expect("indexed ids have entries");
        let distances = entry.points().map(|(lat, lon)| haversine_km(probe.lat, probe.lon, lat, lon));
        let (place, km) = distances.enumerate().min_by(|a, b| a.1.total_cmp(&b.1)).unwrap_or((0, f64::INFINITY));
        Hit { id, distance_km: Some(km), place }
    }

    /// Every cell that may hold a point within `angle` radians of the point.
    fn cells_around(&self, lat: f64, lon: f64, angle: f64) -> impl Iterator<Item = &Cell> {
        let reach = angle.to_degrees() + 1e-6;
        let (south, north) = ((lat - reach).max(-90.0), (lat + reach).min(90.0));
        let rows = row_of(south, CELL_DEGREES).max(0)..=row_of(north, CELL_DEGREES).min(LAT_CELLS - 1);
        let widest = south.abs().max(north.abs());
        let columns = if widest >= 89.9 || angle.sin() >= widest.to_radians().cos() {
            0..=LON_CELLS - 1
        } else {
            let half = (angle.sin() / widest.to_radians().cos()).asin().to_degrees() + 1e-6;
            let first = column_of(lon - half, CELL_DEGREES);
            first..=column_of(lon + half, CELL_DEGREES).min(first + LON_CELLS - 1)
        };
        rows.flat_map(move |row| columns.clone().map(move |column| grid_position(row, column)))
            .filter_map(|position| self.cells.get(&position))
    }

    /// Reads the entries of the page's listings, the ends of their text and
    /// their regions in one pass of independent loads. At a million listings
    /// these are cache misses, and most of a result's cost: this way they
    /// overlap instead of arriving one result at a time.
    fn warm_up(&self, ids: impl Iterator<Item = u32>) {
        let entries = ids.filter_map(|id| self.entries.get(id as usize)?.as_ref());
        let touched = entries.fold(0u32, |sum, entry| {
            let text = entry.text.as_bytes();
            let ends = [text.first(), text.last()].map(|byte| u32::from(byte.copied().unwrap_or(0)));
            sum.wrapping_add(ends[0] + ends[1] + u32::from(entry.regions.first().copied().unwrap_or(0)))
        });
        std::hint::black_box(touched);
    }

    #[expect(clippy::expect_used, reason = "every id in a cell has an entry; the index is built that way")]
    fn result(&self, hit: Hit) -> SearchResult<'_> {
        let Hit { id, distance_km, place } = hit;
        let entry = self.entries[id as usize].as_ref().expect("indexed ids have entries");
        // One pass over a short text: cheaper than a searcher per field.
        let mut fields = [""; 7];
        let (mut field, mut start) = (0, 0);
        let shown = text::shown(&entry.text);
        for (offset, byte) in shown.bytes().enumerate().chain([(shown.len(), SEPARATOR as u8)]) {
            if byte == SEPARATOR as u8 {
                if let Some(slot) = fields.get_mut(field) {
                    *slot = &shown[start..offset];
                }
                (field, start) = (field + 1, offset + 1);
            }
            if field == fields.len() {
                break;
            }
        }
        let [full_name, credentials, practice_name, city, region, country, phone] = fields;
        let (city, region, country, latitude, longitude) = match place.checked_sub(1).and_then(|i| entry.others.get(i))
        {
            Some(other) => {
                (other.city.as_str(), other.region.as_deref(), other.country.as_str(), other.latitude, other.longitude)
            }
            None => (city, optional(region), country, entry.lat, entry.lon),
        };
        let code_set =
            |base: u32, codes: &'static [&'static str]| CodeSet { bits: [entry.mask >> base, 0, 0, 0], codes };
        let first = |set: CodeSet| set.iter().next().unwrap_or("");
        SearchResult {
            id: i64::from(id),
            demo: entry.demo,
            full_name,
            credentials: optional(credentials),
            profession: first(code_set(PROFESSION_BIT, &PROFESSION_CODES)),
            prescriber: entry.mask & flag_bit(PRESCRIBER_BIT, true) != 0,
            specialty: first(code_set(SPECIALTY_BIT, &SPECIALTY_CODES)),
            practice_name: optional(practice_name),
            phone: optional(phone),
            city,
            region,
            country,
            latitude,
            longitude,
            telehealth: entry.mask & flag_bit(TELEHEALTH_BIT, true) != 0,
            licensed_regions: Regions { ids: &entry.regions, codes: &self.region_codes },
            accepting_new_patients: entry.mask & flag_bit(ACCEPTING_BIT, true) != 0,
            languages: CodeSet { bits: entry.languages, codes: iso::language_codes() },
            taper_approaches: code_set(APPROACH_BIT, &APPROACH_CODES),
            criteria: code_set(CRITERION_BIT, &CRITERION_CODES),
            payment_options: code_set(PAYMENT_BIT, &PAYMENT_CODES),
            confirmed_on: entry.confirmed_on,
            distance_km: distance_km.map(|km| (km * 1000.0).round() / 1000.0),
            distance_mi: distance_km.map(|km| (km / KM_PER_MILE * 1000.0).round() / 1000.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use geo::{point, Destination, Haversine};

    use super::{haversine_km, Bounds, CompactBounds, SearchIndex, PARALLEL_REBUILD};
    use crate::domain::listing::{ListingSummary, PlaceSummary};
    use crate::places::Place;
    use crate::search::query::SearchQuery;

    #[test]
    fn a_load_over_many_cells_finds_every_listing_once() {
        // 40 rows of 50 listings 0.25° apart, each in a cell of its own, so
        // the cells are built on several threads.
        let listings: Vec<(i64, ListingSummary)> = (0..2000)
            .map(|i| {
                let (lat, lon) = (40.0 + f64::from(i / 50) * 0.25, -120.0 + f64::from(i % 50) * 0.25);
                (i64::from(i) + 1, ListingSummary::example(&format!("Clinician {i}"), lat, lon))
            })
            .collect();
        assert!(listings.len() > PARALLEL_REBUILD);
        let index = SearchIndex::new();
        index.extend(listings.clone());
        assert_eq!(index.len(), listings.len());
        for (id, listing) in &listings {
            let here =
                Place { lat: listing.latitude, lon: listing.longitude, label: String::new(), ..Place::default() };
            let query = SearchQuery { center: Some(here), radius_km: 1.0, limit: 20, ..SearchQuery::default() };
            let found = index.search_with(&query, |page| (page.total, page.results.iter().map(|r| r.id).collect()));
            assert_eq!(found, (1, vec![*id]), "{}", listing.full_name);
        }
    }

    #[test]
    fn places_centimetres_either_side_of_the_radius_are_told_apart() {
        // Counting reads points in single precision, which moves them by up
        // to half a metre: at this radius that is more than the band within
        // which haversine decides, and each place must still be decided
        // exactly, main places and further places alike.
        let (lat, lon, radius_km) = (45.5, -122.6, 480.0);
        let mut listings = Vec::new();
        for bearing in (0..360).step_by(3) {
            for offset_m in [-0.5, -0.2, -0.05, 0.05, 0.2, 0.5] {
                let at =
                    Haversine.destination(point!(x: lon, y: lat), f64::from(bearing), radius_km * 1000.0 + offset_m);
                let id = listings.len() as i64 + 1;
                let listing = if id % 2 == 0 {
                    ListingSummary::example(&format!("Clinician {id}"), at.y(), at.x())
                } else {
                    // The main place far out of reach, a further place on the edge.
                    let mut listing = ListingSummary::example(&format!("Clinician {id}"), 30.0, -100.0);
                    let (city, region, country) = ("Edge".to_string(), None, "US".to_string());
                    listing.other_locations =
                        vec![PlaceSummary { city, region, country, latitude: at.y(), longitude: at.x() }];
                    listing
                };
                listings.push((id, listing));
            }
        }
        let nearest_km = |listing: &ListingSummary| {
            let further = listing.other_locations.iter().map(|at| haversine_km(lat, lon, at.latitude, at.longitude));
            further.fold(haversine_km(lat, lon, listing.latitude, listing.longitude), f64::min)
        };
        let within = listings.iter().filter(|(_, listing)| nearest_km(listing) <= radius_km).count();
        assert!(within > 0 && within < listings.len());
        let index = SearchIndex::new();
        index.extend(listings);
        // A page of one leaves nearly every listing to be counted; a page of all ranks them.
        for limit in [1, 1000] {
            let here = Place { lat, lon, label: String::new(), ..Place::default() };
            let query = SearchQuery { center: Some(here), radius_km, limit, ..SearchQuery::default() };
            assert_eq!(index.search_with(&query, |page| page.total), within, "a page of {limit}");
        }
    }

    #[test]
    fn compact_boxes_still_hold_every_point() {
        // Values that f32 cannot hold exactly, on both sides of zero and near ±1.
        let values =
            [0.1, -0.1, 0.999_999_999_9, -0.999_999_999_9, 1e-12, -1e-12, std::f64::consts::FRAC_1_SQRT_2, 0.0, 1.0];
        for &low in &values {
            for &high in values.iter().filter(|&&high| high >= low) {
                let exact = Bounds { low: [low; 3], high: [high; 3] };
                let widened = CompactBounds::enclosing(&exact).widened();
                for axis in 0..3 {
                    assert!(widened.low[axis] <= low && high <= widened.high[axis], "{low}..{high}");
                }
            }
        }
    }
}
