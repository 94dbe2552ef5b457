//! The maps drawn into the results page and the profile, read back out of the
//! HTML: pins where the listings are, numbered as in the list, and only towns
//! inside the radius. The projection is written again here from its
//! description (azimuthal equidistant: great-circle distance from the centre
//! along the initial bearing, north up), not taken from the library.

use benzowise::places::Gazetteer;
use regex::Regex;
use serde_json::json;

use crate::helpers::{spawn_app, ListingBuilder, Place, TestApp};

const KM_PER_MILE: f64 = 1.609344;
const EARTH_RADIUS_KM: f64 = 6_371.008_8;
/// The map's coordinates are rounded to a tenth; a pin may be this far off.
const TOLERANCE: f64 = 1.0;

/// Listings around Portland, OR, all within 25 miles of its centre.
const AROUND_PORTLAND: [(&str, f64, f64); 5] = [
    ("Dr. Ada North", 45.60, -122.60),
    ("Dr. Ben West", 45.45, -122.80),
    ("Dr. Cy East", 45.52, -122.40),
    ("Dr. Dee South", 45.30, -122.70),
    ("Dr. Eve Far", 45.70, -122.95),
];

#[actix_rt::test]
async fn pins_are_where_the_results_are_and_numbered_as_in_the_list() {
    let app = spawn_app().await;
    insert_around_portland(&app).await;
    let center = search_center(&app, "Portland, OR").await;

    let reply = app.get("/search?near=Portland%2C+OR&radius=25&unit=mi").await;

    assert_eq!(reply.status, 200, "{}", reply.text);
    let map = DrawnMap::read(&reply.text, "results-map");
    let list = listed_names(&reply.text);
    assert_eq!(list.first_number, 1);
    assert_eq!(list.names.len(), 5);
    assert_pins_match_the_list(&map, &list, &center, 25.0 * KM_PER_MILE, &AROUND_PORTLAND);
}

#[actix_rt::test]
async fn on_a_later_page_the_pins_go_on_numbering_as_the_list_does() {
    let app = spawn_app().await;
    insert_around_portland(&app).await;
    let center = search_center(&app, "Portland, OR").await;

    let reply = app.get("/search?near=Portland%2C+OR&radius=25&unit=mi&limit=2&offset=2").await;

    let map = DrawnMap::read(&reply.text, "results-map");
    let list = listed_names(&reply.text);
    assert_eq!(list.first_number, 3);
    assert_eq!(
        map.pins.iter().map(|pin| pin.number).collect::<Vec<_>>(),
        [4, 3],
        "the first pin is drawn last, on top"
    );
    assert_pins_match_the_list(&map, &list, &center, 25.0 * KM_PER_MILE, &AROUND_PORTLAND);
    assert!(map.title.contains("numbers 3 to 4 on this page are"), "{}", map.title);
}

#[actix_rt::test]
async fn the_text_alternative_says_how_many_within_what_distance_of_where_and_the_nearest() {
    let app = spawn_app().await;
    insert_around_portland(&app).await;
    let center = search_center(&app, "Portland, OR").await;
    let nearest_km = AROUND_PORTLAND
        .iter()
        .map(|(_, lat, lon)| haversine_km(center.lat, center.lon, *lat, *lon))
        .fold(f64::INFINITY, f64::min);

    let reply = app.get("/search?near=Portland%2C+OR&radius=25&unit=mi").await;

    let map = DrawnMap::read(&reply.text, "results-map");
    let expected = format!(
        "5 clinicians within 25 miles of Portland, Oregon; the nearest is {:.1} miles away.",
        nearest_km / KM_PER_MILE
    );
    assert_eq!(map.title, expected);
    assert!(reply.text.contains(r#"role="img" aria-labelledby="results-map-title""#));
    assert_eq!(map.ring_labels, ["25 mi", "12.5 mi"], "rings say their distance, not only their look");
    assert!(map.description.contains("Numbered pins match the numbered list"), "{}", map.description);
    for pin in &map.pins {
        assert!(pin.title.ends_with(" miles away"), "{}", pin.title);
    }
}

#[actix_rt::test]
async fn a_search_in_kilometres_is_drawn_and_described_in_kilometres() {
    let app = spawn_app().await;
    let leeds = search_center(&app, "Leeds, GB").await;
    let placed = [("Dr. Ivy Moor", leeds.lat + 0.05, leeds.lon)];
    let published = ListingBuilder::new()
        .named(placed[0].0)
        .with("country", json!("GB"))
        .without("region")
        .without("postal_code")
        .with("city", json!("Leeds"))
        .at(placed[0].1, placed[0].2)
        .insert_public(&app);
    app.wait_until_searchable([&published]).await;

    let reply = app.get("/search?near=Leeds%2C+GB&radius=50&unit=km").await;

    assert_eq!(reply.status, 200, "{}", reply.text);
    let map = DrawnMap::read(&reply.text, "results-map");
    let away = haversine_km(leeds.lat, leeds.lon, placed[0].1, placed[0].2);
    let expected =
        format!("1 clinician within 50 kilometres of Leeds, England; the nearest is {away:.1} kilometres away.");
    assert_eq!(map.title, expected);
    assert_eq!(map.ring_labels, ["50 km", "25 km"]);
    assert_pins_match_the_list(&map, &listed_names(&reply.text), &leeds, 50.0, &placed);
    assert_towns_are_the_largest_inside(&map, &leeds, 50.0);
}

#[actix_rt::test]
async fn the_towns_named_are_the_largest_inside_the_radius() {
    let app = spawn_app().await;
    insert_around_portland(&app).await;
    for (near, radius_mi) in [("Portland, OR", 25.0), ("Portland, OR", 5.0), ("New York City, NY", 100.0)] {
        let center = search_center(&app, near).await;
        let path = format!("/search?{}&radius={radius_mi}&unit=mi", near_parameter(near));

        let reply = app.get(&path).await;

        let map = DrawnMap::read(&reply.text, "results-map");
        assert!(!map.towns.is_empty(), "{near}: no town named");
        assert_towns_are_the_largest_inside(&map, &center, radius_mi * KM_PER_MILE);
    }
}

#[actix_rt::test]
async fn a_telehealth_search_by_region_has_no_map() {
    let app = spawn_app().await;
    let published = ListingBuilder::new().named("Dr. Remote Only").licensed_in(&["US-OR"]).insert_public(&app);
    app.wait_until_searchable([&published]).await;

    let reply = app.get("/search?telehealth=true&licensed_in=US-OR").await;

    assert_eq!(reply.status, 200, "{}", reply.text);
    assert!(reply.text.contains("Dr. Remote Only"));
    assert!(!reply.text.contains("<svg"), "no centre, no map");
}

#[actix_rt::test]
async fn a_profile_has_a_small_map_of_its_location() {
    let app = spawn_app().await;
    let (lat, lon) = (45.5231, -122.6765);
    let published = ListingBuilder::new().named("Dr. Rowan Whitfield").at(lat, lon).insert_public(&app);

    let reply = app.get(&format!("/clinicians/{}", published.listing_id)).await;

    assert_eq!(reply.status, 200, "{}", reply.text);
    assert!(reply.text.contains("Directions on OpenStreetMap"), "the directions link stays");
    let map = DrawnMap::read(&reply.text, "location-map");
    assert_eq!(map.title, "Map around 100 Example Street, Portland, Oregon, United States");
    assert_eq!(map.ring_labels, ["25 km (15.5 mi)", "12.5 km (7.8 mi)"], "the rings are the scale");
    let [pin] = map.pins.as_slice() else { panic!("one pin: {:?}", map.pins) };
    assert!((pin.x - map.size / 2.0).abs() <= TOLERANCE && (pin.y - map.size / 2.0).abs() <= TOLERANCE);
    let here = Place { lat, lon, label: String::new() };
    assert_towns_are_the_largest_inside(&map, &here, 25.0);
    assert!(map.description.contains("Portland"), "{}", map.description);
}

#[actix_rt::test]
async fn names_on_the_map_are_escaped() {
    let app = spawn_app().await;
    let published = ListingBuilder::new().named("Dr. <b>Bold</b> & Co").insert_public(&app);
    app.wait_until_searchable([&published]).await;

    let reply = app.get("/search?near=97201&radius=25&unit=mi").await;

    let map = DrawnMap::read(&reply.text, "results-map");
    assert!(map.svg.contains("<title>1. Dr. &lt;b&gt;Bold&lt;/b&gt; &amp; Co, "), "{}", map.svg);
    assert!(!reply.text.contains("<b>Bold</b>"));
}

#[actix_rt::test]
async fn a_page_of_twenty_results_with_its_map_stays_under_60_kb() {
    let app = spawn_app().await;
    let listing = |number: usize| {
        let (lat, lon) = (45.52 + (number % 5) as f64 * 0.03, -122.68 + (number / 5) as f64 * 0.03);
        ListingBuilder::new().named(&format!("Dr. Alexandra Montgomery-Fitzwilliam {number}")).at(lat, lon).build()
    };
    let published = app.insert_public((0..25).map(listing));
    app.wait_until_searchable(&published).await;

    let reply = app.get("/search?near=Portland%2C+OR&radius=25&unit=mi&limit=20").await;

    assert_eq!(DrawnMap::read(&reply.text, "results-map").pins.len(), 20);
    eprintln!("results page with 20 results and its map: {:.1} KB", reply.text.len() as f64 / 1024.0);
    assert!(reply.text.len() < 60 * 1024, "{} bytes", reply.text.len());
}

async fn insert_around_portland(app: &TestApp) {
    let listings =
        AROUND_PORTLAND.iter().map(|(name, lat, lon)| ListingBuilder::new().named(name).at(*lat, *lon).build());
    let published = app.insert_public(listings);
    app.wait_until_searchable(&published).await;
}

/// Where the API says a search for `near` is centred.
async fn search_center(app: &TestApp, near: &str) -> Place {
    app.search(&near_parameter(near)).await.center.expect("a centre")
}

fn near_parameter(near: &str) -> String {
    url::form_urlencoded::Serializer::new(String::new()).append_pair("near", near).finish()
}

/// Each pin is where its listing was `placed`, and carries the number and
/// name the list gives it.
fn assert_pins_match_the_list(
    map: &DrawnMap,
    list: &ListedNames,
    center: &Place,
    radius_km: f64,
    placed: &[(&str, f64, f64)],
) {
    assert_eq!(map.pins.len(), list.names.len(), "one pin per result on the page");
    let units_per_km = map.units_per_km(radius_km);
    for pin in &map.pins {
        let listed = &list.names[pin.number - list.first_number];
        assert_eq!(&pin.name, listed, "pin {} is the list's number {}", pin.number, pin.number);
        let &(_, lat, lon) = placed.iter().find(|(name, _, _)| name == listed).expect("a listing this test placed");
        let (x, y) = projected(center, lat, lon, map.size / 2.0, units_per_km);
        assert!(
            (pin.x - x).abs() <= TOLERANCE && (pin.y - y).abs() <= TOLERANCE,
            "{listed}: pin at ({}, {}), expected ({x:.1}, {y:.1})",
            pin.x,
            pin.y
        );
    }
}

/// At most five towns are named, each inside the radius with its dot where
/// the town is, among the fifteen most populous inside, and the most
/// populous of all among them.
fn assert_towns_are_the_largest_inside(map: &DrawnMap, center: &Place, radius_km: f64) {
    let mut inside: Vec<_> = Gazetteer::shared()
        .towns()
        .filter(|town| haversine_km(center.lat, center.lon, town.lat, town.lon) <= radius_km)
        .collect();
    inside.sort_by(|a, b| b.population.cmp(&a.population).then_with(|| a.name.cmp(b.name)));
    let units_per_km = map.units_per_km(radius_km);
    for drawn in &map.towns {
        let matching = inside.iter().find(|town| {
            let (x, y) = projected(center, town.lat, town.lon, map.size / 2.0, units_per_km);
            town.name == drawn.name && (drawn.x - x).abs() <= TOLERANCE && (drawn.y - y).abs() <= TOLERANCE
        });
        assert!(
            matching.is_some(),
            "{} is drawn at ({}, {}), but no town of that name is there inside the radius",
            drawn.name,
            drawn.x,
            drawn.y
        );
    }
    assert!(map.towns.len() <= 5, "{} towns named", map.towns.len());
    let tried: Vec<&str> = inside.iter().take(15).map(|town| town.name).collect();
    for drawn in &map.towns {
        assert!(tried.contains(&drawn.name.as_str()), "{} is not among the fifteen largest: {tried:?}", drawn.name);
    }
    if let Some(largest) = inside.first() {
        assert!(map.towns.iter().any(|drawn| drawn.name == largest.name), "{} is not named", largest.name);
    }
}

/// Azimuthal equidistant: at the great-circle distance from the centre, in
/// the direction of the initial bearing, north up, `y` growing southward.
fn projected(center: &Place, lat: f64, lon: f64, half: f64, units_per_km: f64) -> (f64, f64) {
    let (from_lat, to_lat) = (center.lat.to_radians(), lat.to_radians());
    let delta_lon = (lon - center.lon).to_radians();
    let bearing = (delta_lon.sin() * to_lat.cos())
        .atan2(from_lat.cos() * to_lat.sin() - from_lat.sin() * to_lat.cos() * delta_lon.cos());
    let reach = haversine_km(center.lat, center.lon, lat, lon) * units_per_km;
    (half + reach * bearing.sin(), half - reach * bearing.cos())
}

fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let half_chord = ((phi2 - phi1) / 2.0).sin().powi(2)
        + phi1.cos() * phi2.cos() * ((lon2 - lon1).to_radians() / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * half_chord.sqrt().asin()
}

/// The names in the result list, with the number its `<ol start>` gives the first.
struct ListedNames {
    first_number: usize,
    names: Vec<String>,
}

fn listed_names(html: &str) -> ListedNames {
    let start = Regex::new(r#"<ol class="cards" start="(\d+)">"#).unwrap();
    let first_number = start.captures(html).expect("a result list")[1].parse().unwrap();
    let card = Regex::new(r#"<li class="card"><h2><a href="/clinicians/\d+[^"]*">([^<]*?)(?:, [^<,]*)?</a>"#).unwrap();
    let names = card.captures_iter(html).map(|found| unescape(&found[1])).collect();
    ListedNames { first_number, names }
}

/// A map read back from the page's SVG.
struct DrawnMap {
    svg: String,
    size: f64,
    title: String,
    description: String,
    /// Outer ring first.
    ring_radii: Vec<f64>,
    ring_labels: Vec<String>,
    pins: Vec<DrawnPin>,
    towns: Vec<DrawnTown>,
}

#[derive(Debug)]
struct DrawnPin {
    x: f64,
    y: f64,
    number: usize,
    name: String,
    title: String,
}

struct DrawnTown {
    name: String,
    x: f64,
    y: f64,
}

impl DrawnMap {
    fn read(html: &str, id: &str) -> DrawnMap {
        let svg_start = html.find(&format!(r#"<svg class="map {id}""#)).unwrap_or_else(|| panic!("no {id} in {html}"));
        let svg_end = svg_start + html[svg_start..].find("</svg>").expect("the svg ends");
        let svg = &html[svg_start..svg_end];
        let one = |pattern: &str| {
            Regex::new(pattern).unwrap().captures(svg).unwrap_or_else(|| panic!("{pattern}"))[1].to_string()
        };
        let size = one(r#"viewBox="0 0 ([\d.]+) [\d.]+""#).parse().unwrap();
        let rings = Regex::new(r#"<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)">"#).unwrap();
        let ring_group = one(r#"<g class="rings" fill="none">(.*?)</g>"#);
        let ring_radii: Vec<f64> = rings
            .captures_iter(&ring_group)
            .map(|ring| {
                let (x, y): (f64, f64) = (ring[1].parse().unwrap(), ring[2].parse().unwrap());
                assert!(x == size / 2.0 && y == size / 2.0, "rings are centred on the map");
                ring[3].parse().unwrap()
            })
            .collect();
        let pin = Regex::new(r#"<g class="pin" transform="translate\(([-\d.]+) ([-\d.]+)\)"><title>([^<]*)</title>"#)
            .unwrap();
        let pin_title = Regex::new(r"^(?:(\d+)\. )?(.*?)(?:, [\d.]+ (?:miles?|kilometres?) away)?$").unwrap();
        let pins = pin
            .captures_iter(svg)
            .map(|found| {
                let title = unescape(&found[3]);
                let parts = pin_title.captures(&title).unwrap();
                DrawnPin {
                    x: found[1].parse().unwrap(),
                    y: found[2].parse().unwrap(),
                    number: parts.get(1).map_or(0, |number| number.as_str().parse().unwrap()),
                    name: parts[2].to_string(),
                    title: title.clone(),
                }
            })
            .collect();
        let town = Regex::new(r#"<g class="town"><circle cx="([-\d.]+)" cy="([-\d.]+)" r="[\d.]+"></circle><text [^>]*>([^<]*)</text></g>"#).unwrap();
        let towns = town
            .captures_iter(svg)
            .map(|found| DrawnTown {
                name: unescape(&found[3]),
                x: found[1].parse().unwrap(),
                y: found[2].parse().unwrap(),
            })
            .collect();
        let ring_label = Regex::new(r#"<text class="ring-label" [^>]*>([^<]*)</text>"#).unwrap();
        DrawnMap {
            size,
            title: unescape(&one(&format!(r#"<title id="{id}-title">([^<]*)</title>"#))),
            description: unescape(&one(&format!(r#"<desc id="{id}-description">([^<]*)</desc>"#))),
            ring_labels: ring_label.captures_iter(svg).map(|found| unescape(&found[1])).collect(),
            ring_radii,
            pins,
            towns,
            svg: svg.to_string(),
        }
    }

    /// The scale, read from the outer ring, which must fit the square with a margin.
    fn units_per_km(&self, radius_km: f64) -> f64 {
        let outer = self.ring_radii[0];
        assert!(outer < self.size / 2.0 && outer > self.size / 3.0, "the ring fits with a margin: r = {outer}");
        assert!((self.ring_radii[1] - outer / 2.0).abs() <= 0.1, "the inner ring is at half the radius");
        outer / radius_km
    }
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}
