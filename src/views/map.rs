//! Maps drawn on the server as inline SVG: a search's area with its numbered
//! results, and where a listing is. No tiles, no script and no outside
//! server, so they print and work offline; the largest towns around are named
//! so a reader can find their bearings.
//!
//! The projection is azimuthal equidistant, centred on the map's centre: a
//! point is drawn at its great-circle distance from the centre, in its
//! compass direction (the initial bearing), north up. A ring of radius r is
//! then exactly the edge of what lies within r, so every result of a search
//! falls inside its ring, and a town inside the ring is inside the radius.
//! Across the widest search (500 km) shapes stretch by about 0.1%.

use geo::{point, Bearing, Distance, Haversine, Point};
use maud::{html, Markup};

use crate::i18n::{Arg, Lang, Text};
use crate::places::{Gazetteer, Town};
use crate::search::index::{SearchPage, SearchResult};
use crate::search::query::{SearchQuery, KM_PER_MILE};
use crate::t;
use crate::views::locale::Locale;

/// The side of the square viewBox, in its own units: about a CSS pixel each
/// when a phone 360 px wide shows the map across its width.
const SIZE: f64 = 320.0;
/// Between the outer ring and the map's edge, room for the ring's label.
const MARGIN: f64 = 28.0;
/// How many towns are named at most, the most populous first.
const TOWNS_SHOWN: usize = 5;
/// How many of the most populous towns are tried, as some cannot be named
/// (a borough on top of its city, a name that would cover the pins).
const TOWNS_TRIED: usize = 15;
/// Around a listing, the towns within this distance are named.
const NEARBY_KM: f64 = 25.0;
const PIN_RADIUS: f64 = 10.0;
/// A pin grows by this much for each digit past the second.
const PIN_GROWTH_PER_DIGIT: f64 = 3.0;
const TOWN_DOT_RADIUS: f64 = 2.5;
/// Half the width of the cross at a search's centre.
const CROSS_ARM: f64 = 8.0;
/// Room a label takes (12-unit text, see `static/style.css`), estimated
/// generously so that labels placed apart do not touch.
const LABEL_HEIGHT: f64 = 13.0;
const LABEL_CHARACTER_WIDTH: f64 = 7.0;
/// Gap between a town's dot and its label.
const LABEL_GAP: f64 = 5.0;
/// A town nearer than this to one already named adds nothing (a district of
/// a city, such as South Boston beside Boston), and is left off.
const TOWN_SPACING: f64 = 20.0;

/// Where points go on a square map: azimuthal equidistant (see the module
/// comment), with `radius_km` from the centre reaching `MARGIN` short of the
/// square's edge.
pub struct Projection {
    center: Point,
    half: f64,
    units_per_km: f64,
}

impl Projection {
    pub fn new(lat: f64, lon: f64, radius_km: f64, size: f64) -> Projection {
        let half = size / 2.0;
        Projection { center: point!(x: lon, y: lat), half, units_per_km: (half - MARGIN) / radius_km }
    }

    /// Where a place is drawn: `x` grows eastward, `y` southward.
    pub fn point(&self, lat: f64, lon: f64) -> (f64, f64) {
        let (km, bearing) = self.distance_and_bearing(lat, lon);
        let (east, north) = bearing.to_radians().sin_cos();
        let reach = self.units(km);
        (self.half + reach * east, self.half - reach * north)
    }

    /// A distance on the ground as a length on the map.
    pub fn units(&self, km: f64) -> f64 {
        km * self.units_per_km
    }

    /// Great-circle kilometres from the centre, and the compass bearing in
    /// degrees (0 north, 90 east).
    fn distance_and_bearing(&self, lat: f64, lon: f64) -> (f64, f64) {
        let there = point!(x: lon, y: lat);
        (Haversine.distance(self.center, there) / 1000.0, Haversine.bearing(self.center, there))
    }
}

/// The unit distances are shown in: what the searcher chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DistanceUnit {
    Miles,
    Kilometres,
}

impl DistanceUnit {
    /// How many of this unit make `km` kilometres.
    fn amount(self, km: f64) -> f64 {
        match self {
            DistanceUnit::Miles => km / KM_PER_MILE,
            DistanceUnit::Kilometres => km,
        }
    }

    fn abbreviation(self) -> &'static str {
        match self {
            DistanceUnit::Miles => "mi",
            DistanceUnit::Kilometres => "km",
        }
    }

    /// This unit alone, for a map's `units`.
    fn alone(self) -> &'static [DistanceUnit] {
        match self {
            DistanceUnit::Miles => &[DistanceUnit::Miles],
            DistanceUnit::Kilometres => &[DistanceUnit::Kilometres],
        }
    }

    /// An amount with `decimals` digits and the unit spelled out: "1 mile",
    /// "2.5 kilometres", "3,2 millas".
    fn spelled(self, lang: Lang, amount: f64, decimals: usize) -> String {
        let id = match self {
            DistanceUnit::Miles => "map-miles",
            DistanceUnit::Kilometres => "map-kilometres",
        };
        // The number as written chooses the form, so "1.0" is plural in English as "1" is not.
        let text = Text::new(id)
            .arg("amount", lang.number(amount, decimals))
            .arg("count", Arg::WrittenNumber(format!("{amount:.decimals$}")));
        lang.text(&text)
    }

    /// An amount to a tenth at most, with the unit spelled out: "25 miles", "12.5 miles".
    fn spelled_short(self, lang: Lang, amount: f64) -> String {
        let (rounded, decimals) = to_tenth(amount);
        self.spelled(lang, rounded, decimals)
    }
}

/// The map of a search: its centre, its radius as a ring (and a ring at half
/// the radius), each result on the page as a pin numbered as in the list, and
/// the largest towns inside the radius. Nothing for a search without a centre.
/// `place` is the centre as the page names it ("Marfa, Texas").
pub fn results_map(locale: &Locale, query: &SearchQuery, page: &SearchPage, unit: DistanceUnit, place: &str) -> Markup {
    let Some(center) = &query.center else { return html! {} };
    let lang = locale.lang;
    let projection = Projection::new(center.lat, center.lon, query.radius_km, SIZE);
    let pins: Vec<Pin> = page
        .results
        .iter()
        .zip(query.offset + 1..)
        .map(|(result, number)| Pin {
            at: projection.point(result.latitude, result.longitude),
            number: Some(number),
            title: t!(
                lang,
                "map-pin",
                number = lang.count(number),
                name = result.full_name.to_string(),
                distance = away(lang, result, unit)
            ),
        })
        .collect();
    draw(Map {
        id: "results-map",
        title: results_summary(lang, query, page, unit, place),
        about: t!(lang, "map-results-about"),
        radius_km: query.radius_km,
        units: unit.alone(),
        projection,
        marks_centre: true,
        towns: Gazetteer::shared().largest_within(center.lat, center.lon, query.radius_km, TOWNS_TRIED),
        pins,
        lang,
    })
}

/// A result's distance as its card shows it, in `unit`: "1.2 miles".
fn away(lang: Lang, result: &SearchResult, unit: DistanceUnit) -> String {
    unit.spelled(lang, unit.amount(result.distance_km.unwrap_or_default()), 1)
}

/// The text alternative of a search's map: how many clinicians, within what
/// distance of where, and how far away its pins are.
fn results_summary(lang: Lang, query: &SearchQuery, page: &SearchPage, unit: DistanceUnit, place: &str) -> String {
    let summary = t!(
        lang,
        "map-results-summary",
        count = page.total,
        total = lang.count(page.total),
        radius = unit.spelled_short(lang, unit.amount(query.radius_km)),
        place = place.to_string()
    );
    let first_number = lang.count(query.offset + 1);
    match page.results.as_slice() {
        [] => format!("{summary}."),
        [nearest, ..] if query.offset == 0 => {
            t!(lang, "map-summary-nearest", summary = summary, distance = away(lang, nearest, unit))
        }
        [only] => {
            t!(lang, "map-summary-one-pin", summary = summary, number = first_number, distance = away(lang, only, unit))
        }
        [first, .., last] => t!(
            lang,
            "map-summary-pins",
            summary = summary,
            first = first_number,
            last = lang.count(query.offset + page.results.len()),
            nearest = away(lang, first, unit),
            farthest = away(lang, last, unit)
        ),
    }
}

/// A small map of a listing's places, for a profile: a pin at each (the
/// main one first, numbered as the profile lists them when there are
/// several; `label` says what is there) and the largest towns around the
/// main one, with rings at `NEARBY_KM`, or far enough to hold every place,
/// and half of it as the scale, in kilometres and miles.
pub fn location_map(locale: &Locale, places: &[(f64, f64, String)]) -> Markup {
    let lang = locale.lang;
    let Some((lat, lon, label)) = places.first() else { return html! {} };
    let (lat, lon) = (*lat, *lon);
    let farthest = places
        .iter()
        .map(|(there_lat, there_lon, _)| {
            Haversine.distance(point!(x: lon, y: lat), point!(x: *there_lon, y: *there_lat))
        })
        .fold(0.0, f64::max)
        / 1000.0;
    // A tenth beyond the farthest place, in whole tens of kilometres.
    let radius_km = NEARBY_KM.max((farthest * 1.1 / 10.0).ceil() * 10.0);
    let projection = Projection::new(lat, lon, radius_km, SIZE);
    let towns = Gazetteer::shared().largest_within(lat, lon, radius_km, TOWNS_TRIED);
    let numbered = places.len() > 1;
    let pins = places
        .iter()
        .enumerate()
        .map(|(n, (lat, lon, title))| Pin {
            at: projection.point(*lat, *lon),
            number: numbered.then_some(n + 1),
            title: title.clone(),
        })
        .collect();
    draw(Map {
        id: "location-map",
        title: t!(lang, "map-location-title", place = label.to_string()),
        about: t!(lang, "map-location-about", place = label.to_string()),
        radius_km,
        units: &[DistanceUnit::Kilometres, DistanceUnit::Miles],
        pins,
        projection,
        marks_centre: false,
        towns,
        lang,
    })
}

/// What `draw` draws.
struct Map<'a> {
    /// Unique on the page; the title's and description's ids start with it.
    id: &'static str,
    /// The text alternative: what the map shows.
    title: String,
    /// How to read the map, the first sentence of its description.
    about: String,
    /// The outer ring's distance, the projection's radius; the inner ring is at half.
    radius_km: f64,
    /// Distances are written in the first unit, then in the others in brackets.
    units: &'static [DistanceUnit],
    projection: Projection,
    /// Whether to mark the centre with a cross.
    marks_centre: bool,
    /// The most populous towns inside the outer ring, most populous first;
    /// up to `TOWNS_SHOWN` of them are named.
    towns: Vec<Town<'a>>,
    pins: Vec<Pin>,
    /// The language of its words and numbers.
    lang: Lang,
}

struct Pin {
    at: (f64, f64),
    number: Option<usize>,
    title: String,
}

/// A town's dot and where its name goes.
struct TownLabel<'a> {
    name: &'a str,
    dot: (f64, f64),
    text_at: (f64, f64),
    anchor: &'static str,
    /// From the centre, for the description.
    km: f64,
    bearing: f64,
}

fn draw(map: Map) -> Markup {
    let title_id = format!("{}-title", map.id);
    let description_id = format!("{}-description", map.id);
    let middle = tenths(map.projection.half);
    let outer = map.projection.half - MARGIN;
    let rings = [outer, outer / 2.0];
    let ring_labels: Vec<((f64, f64), String)> = [map.radius_km, map.radius_km / 2.0]
        .iter()
        .zip(rings)
        .map(|(km, radius)| {
            ((map.projection.half, map.projection.half - radius - LABEL_GAP), distance_label(map.lang, *km, map.units))
        })
        .collect();
    let mut taken: Vec<Area> = ring_labels.iter().map(|(at, label)| Area::label(*at, "middle", label)).collect();
    taken.push(NORTH_ARROW_AREA);
    let mut avoid: Vec<Area> = map.pins.iter().map(|pin| Area::around(pin.at, pin_radius(pin.number))).collect();
    if map.marks_centre {
        avoid.push(Area::around((map.projection.half, map.projection.half), CROSS_ARM));
    }
    let towns = place_town_labels(&map.towns, &map.projection, &mut taken, &avoid);
    let cross_start = tenths(map.projection.half - CROSS_ARM);
    let cross_width = tenths(2.0 * CROSS_ARM);
    let description = describe(&map, &towns);
    html! {
        svg class=(format!("map {}", map.id)) viewBox=(format!("0 0 {SIZE} {SIZE}")) width="100%" role="img"
            aria-labelledby=(title_id) aria-describedby=(description_id) {
            title id=(title_id) { (map.title) }
            desc id=(description_id) { (description) }
            rect.ground width=(SIZE) height=(SIZE) fill="#fff" {}
            g.rings fill="none" {
                @for radius in rings { circle cx=(middle) cy=(middle) r=(tenths(radius)) {} }
            }
            @for ((x, y), label) in &ring_labels { text.ring-label x=(tenths(*x)) y=(tenths(*y)) { (label) } }
            g.north { path d="M16 34V10m-5 6 5-6 5 6" {} text x="16" y="48" { "N" } }
            @if map.marks_centre {
                path.centre d=(format!("M{cross_start} {middle}h{cross_width}M{middle} {cross_start}v{cross_width}")) {}
            }
            @for town in &towns {
                g.town {
                    circle cx=(tenths(town.dot.0)) cy=(tenths(town.dot.1)) r=(TOWN_DOT_RADIUS) {}
                    text x=(tenths(town.text_at.0)) y=(tenths(town.text_at.1)) text-anchor=(town.anchor) { (town.name) }
                }
            }
            // The first pin is drawn last, on top: the nearest result stays readable.
            @for pin in map.pins.iter().rev() {
                g.pin transform=(format!("translate({} {})", tenths(pin.at.0), tenths(pin.at.1))) {
                    title { (pin.title) }
                    circle r=(pin_radius(pin.number)) {}
                    @match pin.number { Some(number) => text { (number) }, None => circle.hole r="3" {} }
                }
            }
        }
    }
}

/// The description: how to read the map, what the rings mark, and where the
/// named towns are, so the picture's content is also in words.
fn describe(map: &Map, towns: &[TownLabel]) -> String {
    let lang = map.lang;
    let mut description = t!(
        lang,
        "map-description",
        about = map.about.clone(),
        outer = distance_label(lang, map.radius_km, map.units),
        inner = distance_label(lang, map.radius_km / 2.0, map.units)
    );
    if !towns.is_empty() {
        let whereabouts = |town: &TownLabel| match map.units.first() {
            Some(unit) if to_tenth(unit.amount(town.km)).0 != 0.0 => t!(
                lang,
                "map-town-direction",
                town = town.name.to_string(),
                distance = distance_label(lang, town.km, map.units),
                direction = lang.t(compass_word(town.bearing))
            ),
            _ => t!(lang, "map-town-centre", town = town.name.to_string()),
        };
        let list = towns.iter().map(whereabouts).collect::<Vec<_>>().join("; ");
        description += " ";
        description += &t!(lang, "map-towns", towns = list);
    }
    description
}

/// Names up to `TOWNS_SHOWN` towns, most populous first, each where its
/// label fits: around its dot, inside the map and clear of the labels
/// already placed. The largest town is always named, over as few of `avoid`
/// (the pins) as can be; the others only clear of them too, or not at all,
/// as a half-hidden name misleads more than a missing one.
fn place_town_labels<'a>(
    towns: &[Town<'a>],
    projection: &Projection,
    taken: &mut Vec<Area>,
    avoid: &[Area],
) -> Vec<TownLabel<'a>> {
    let mut labels = Vec::new();
    for town in towns {
        if labels.len() == TOWNS_SHOWN {
            break;
        }
        let dot = projection.point(town.lat, town.lon);
        if labels.iter().any(|named: &TownLabel| (named.dot.0 - dot.0).hypot(named.dot.1 - dot.1) < TOWN_SPACING) {
            continue;
        }
        let spots = label_spots(dot, town.name);
        let covered = |area: &Area| avoid.iter().filter(|other| other.overlaps(area)).count();
        let most_covered = if labels.is_empty() { usize::MAX } else { 0 };
        let spot = spots
            .iter()
            .filter(|(_, _, area)| area.fits(SIZE) && !taken.iter().any(|other| other.overlaps(area)))
            .filter(|(_, _, area)| covered(area) <= most_covered)
            // The first of the least covered, as `min_by_key` keeps the first of equals.
            .min_by_key(|(_, _, area)| covered(area));
        if let Some((text_at, anchor, area)) = spot {
            taken.push(*area);
            taken.push(Area::around(dot, TOWN_DOT_RADIUS));
            let (km, bearing) = projection.distance_and_bearing(town.lat, town.lon);
            labels.push(TownLabel { name: town.name, dot, text_at: *text_at, anchor, km, bearing });
        }
    }
    labels
}

/// Where a label can go around a dot, in order of preference (beside, above
/// or below, then at a corner): the text's anchor point, its `text-anchor`,
/// and the room it takes.
fn label_spots(dot: (f64, f64), name: &str) -> [((f64, f64), &'static str, Area); 8] {
    let (dot_x, dot_y) = dot;
    let (above, beside, below) = (dot_y - LABEL_GAP, dot_y + LABEL_HEIGHT / 3.0, dot_y + LABEL_GAP + LABEL_HEIGHT);
    let spot = |at: (f64, f64), anchor: &'static str| (at, anchor, Area::label(at, anchor, name));
    [
        spot((dot_x + LABEL_GAP, beside), "start"),
        spot((dot_x - LABEL_GAP, beside), "end"),
        spot((dot_x, above), "middle"),
        spot((dot_x, below), "middle"),
        spot((dot_x + LABEL_GAP, above), "start"),
        spot((dot_x - LABEL_GAP, above), "end"),
        spot((dot_x + LABEL_GAP, below), "start"),
        spot((dot_x - LABEL_GAP, below), "end"),
    ]
}

/// What the north arrow in the top left corner covers.
const NORTH_ARROW_AREA: Area = Area { left: 6.0, top: 6.0, right: 26.0, bottom: 52.0 };

/// A rectangle on the map, for keeping labels apart.
#[derive(Debug, Clone, Copy)]
struct Area {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

impl Area {
    fn around((x, y): (f64, f64), radius: f64) -> Area {
        Area { left: x - radius, top: y - radius, right: x + radius, bottom: y + radius }
    }

    /// The room a label takes when its baseline is at `at`, aligned by `anchor`.
    fn label(at: (f64, f64), anchor: &str, text: &str) -> Area {
        let width = text.chars().count() as f64 * LABEL_CHARACTER_WIDTH;
        let left = match anchor {
            "start" => at.0,
            "end" => at.0 - width,
            _ => at.0 - width / 2.0,
        };
        Area { left, top: at.1 - LABEL_HEIGHT, right: left + width, bottom: at.1 + LABEL_HEIGHT / 4.0 }
    }

    fn overlaps(&self, other: &Area) -> bool {
        self.left < other.right && other.left < self.right && self.top < other.bottom && other.top < self.bottom
    }

    fn fits(&self, size: f64) -> bool {
        self.left >= 0.0 && self.top >= 0.0 && self.right <= size && self.bottom <= size
    }
}

/// A distance for a label, in the first unit and the others in brackets:
/// "25 km (15.5 mi)"; the abbreviations are the same in every language.
fn distance_label(lang: Lang, km: f64, units: &[DistanceUnit]) -> String {
    let mut amounts = units.iter().map(|unit| {
        let (amount, decimals) = to_tenth(unit.amount(km));
        format!("{} {}", lang.number(amount, decimals), unit.abbreviation())
    });
    let first = amounts.next().unwrap_or_default();
    let others: Vec<String> = amounts.collect();
    if others.is_empty() {
        first
    } else {
        format!("{first} ({})", others.join(", "))
    }
}

/// Pins grow with their number's digits, so that 10 000 still fits in one.
fn pin_radius(number: Option<usize>) -> f64 {
    let digits = number.map_or(1, |number| number.to_string().len());
    PIN_RADIUS + PIN_GROWTH_PER_DIGIT * digits.saturating_sub(2) as f64
}

/// The message id of the compass point nearest a bearing.
fn compass_word(bearing: f64) -> &'static str {
    const WORDS: [&str; 8] = [
        "map-compass-north",
        "map-compass-north-east",
        "map-compass-east",
        "map-compass-south-east",
        "map-compass-south",
        "map-compass-south-west",
        "map-compass-west",
        "map-compass-north-west",
    ];
    WORDS[((bearing.rem_euclid(360.0) + 22.5) / 45.0) as usize % 8]
}

/// A number to a tenth at most, "12" rather than "12.0", for coordinates,
/// which keeps the page small; `to_tenth` is the same for people to read.
fn tenths(value: f64) -> String {
    to_tenth(value).0.to_string()
}

/// A number rounded to a tenth, and how many decimals show it: none when it
/// is whole, as in ring labels ("25 mi", "12.5 mi").
fn to_tenth(value: f64) -> (f64, usize) {
    // Adding zero turns -0.0 into 0.0.
    let rounded = (value * 10.0).round() / 10.0 + 0.0;
    (rounded, if rounded.fract() == 0.0 { 0 } else { 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_projection_keeps_distances_from_the_centre_and_their_directions() {
        let projection = Projection::new(45.0, -122.0, 100.0, SIZE);
        let middle = SIZE / 2.0;
        assert_eq!(projection.point(45.0, -122.0), (middle, middle));
        // One degree of latitude north is about 111.2 km straight up.
        let (north_x, north_y) = projection.point(46.0, -122.0);
        let upward = middle - north_y - projection.units(111.195);
        assert!((north_x - middle).abs() < 1e-9 && upward.abs() < 0.01, "{north_x}, {north_y}");
        // A point 100 km away in any direction lies on the ring.
        let ring = middle - MARGIN;
        for (lat, lon) in [(45.0, -120.73), (44.36, -121.1), (45.63, -122.9)] {
            let (drawn_x, drawn_y) = projection.point(lat, lon);
            let km = Haversine.distance(point!(x: -122.0, y: 45.0), point!(x: lon, y: lat)) / 1000.0;
            let drawn = ((drawn_x - middle).powi(2) + (drawn_y - middle).powi(2)).sqrt();
            assert!((drawn - ring * km / 100.0).abs() < 1e-6, "{lat}, {lon}");
        }
    }

    #[test]
    fn numbers_are_short_and_compass_words_round_to_the_nearest() {
        assert_eq!(tenths(12.0), "12");
        assert_eq!(tenths(12.345), "12.3");
        assert_eq!(tenths(-0.04), "0");
        assert_eq!(tenths(25.0 / 2.0), "12.5");
        assert_eq!(Lang::En.t(compass_word(0.0)), "north");
        assert_eq!(Lang::En.t(compass_word(350.0)), "north");
        assert_eq!(Lang::En.t(compass_word(100.0)), "east");
        assert_eq!(Lang::En.t(compass_word(225.0)), "south-west");
        assert_eq!(Lang::Es.t(compass_word(225.0)), "suroeste");
    }

    #[test]
    fn distances_are_spelled_in_the_readers_language() {
        assert_eq!(DistanceUnit::Miles.spelled_short(Lang::En, 1.0), "1 mile");
        assert_eq!(DistanceUnit::Miles.spelled(Lang::En, 1.0, 1), "1.0 miles");
        assert_eq!(DistanceUnit::Kilometres.spelled_short(Lang::En, 2.5), "2.5 kilometres");
        assert_eq!(DistanceUnit::Kilometres.spelled_short(Lang::Es, 2.5), "2,5 kilómetros");
        assert_eq!(DistanceUnit::Miles.spelled_short(Lang::Es, 1.0), "1 milla");
        assert_eq!(distance_label(Lang::Es, 25.0, &[DistanceUnit::Kilometres, DistanceUnit::Miles]), "25 km (15,5 mi)");
    }

    #[test]
    fn a_profile_map_is_described_in_the_readers_language() {
        let portland = [(45.5152, -122.6784, "Portland".to_string())];
        let spanish = location_map(&Locale::new(Lang::Es, true, "/clinicians/1"), &portland).into_string();
        assert!(spanish.contains("Mapa de los alrededores de Portland"), "{spanish}");
        assert!(spanish.contains("El norte está arriba") && spanish.contains("25 km (15,5 mi)"), "{spanish}");
        let english = location_map(&Locale::english(), &portland).into_string();
        assert!(english.contains("Map around Portland") && english.contains("North is up"), "{english}");
    }

    #[test]
    fn a_profile_map_reaches_every_place_and_numbers_their_pins() {
        // Salem is about 70 km from Portland.
        let places = [(45.5152, -122.6784, "Portland".to_string()), (44.9429, -123.0351, "Salem".to_string())];
        let map = location_map(&Locale::english(), &places).into_string();
        assert!(map.contains("80 km"), "the outer ring holds Salem: {map}");
        assert_eq!(map.matches("class=\"pin\"").count(), 2, "{map}");
        assert!(map.contains(">2</text>"), "the second pin is numbered: {map}");
    }

    #[test]
    fn labels_never_overlap_and_stay_inside_the_map() {
        let projection = Projection::new(45.5152, -122.6784, 40.0, SIZE);
        let towns = Gazetteer::shared().largest_within(45.5152, -122.6784, 40.0, 12);
        let mut taken = vec![NORTH_ARROW_AREA];
        let labels = place_town_labels(&towns, &projection, &mut taken, &[]);
        assert!(!labels.is_empty());
        let areas: Vec<Area> =
            labels.iter().map(|label| Area::label(label.text_at, label.anchor, label.name)).collect();
        for (index, area) in areas.iter().enumerate() {
            assert!(area.fits(SIZE), "{}", labels[index].name);
            assert!(!areas[index + 1..].iter().any(|other| other.overlaps(area)), "{}", labels[index].name);
            assert!(!area.overlaps(&NORTH_ARROW_AREA));
        }
    }
}
