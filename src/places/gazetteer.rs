//! Offline place look-up: US ZIP centroids, GeoNames cities, and the postal
//! codes of Canada, Great Britain and Australia, from `seeds/`.

use std::collections::HashMap;
use std::sync::OnceLock;

use geo::{point, Distance, Haversine};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::names::{normalize, town_key, CITY_ALIASES, NAMES};

const ZIP_CSV: &str = include_str!("../../seeds/us_zip_centroids.csv");
const CITIES_CSV: &str = include_str!("../../seeds/cities.csv");
/// Cities the GeoNames extract leaves out, in its columns.
const ADDED_CITIES_CSV: &str = include_str!("../../seeds/cities_added.csv");
const POSTCODES_CSV: &str = include_str!("../../seeds/postcodes.csv");
/// The town each ZIP code is named after (`zip,town`).
const ZIP_TOWNS_CSV: &str = include_str!("../../seeds/us_zip_towns.csv");
/// The mean Earth radius that `geo::Haversine` uses.
const EARTH_RADIUS_KM: f64 = 6_371.008_8;
/// Slack for rounding at the edges of the cheap pre-filters; haversine decides.
const FILTER_SLACK_DEGREES: f64 = 1e-6;
/// A population that makes a city worth looking at first for a map's labels.
const LARGE_CITY: u32 = 50_000;
/// How near a city must be for a point to take its region, or its name.
const REGION_REACH_KM: f64 = 50.0;
/// A point this near a large town is named after it rather than after a
/// nearer small one: 10001 is in New York City more than in Chelsea.
const TOWN_REACH_KM: f64 = 5.0;

/// The US state or territory of each run of three-digit ZIP prefixes, as USPS
/// assigns them: `first prefix, state` pairs in order, each run lasting to the
/// next; `-` marks prefixes unassigned or for military mail (AA, AE, AP).
const ZIP_PREFIX_STATES: &str = "000 - 005 NY 006 PR 008 VI 009 PR 010 MA 028 RI 030 NH 039 ME 050 VT 055 MA 056 VT \
060 CT 070 NJ 090 - 100 NY 150 PA 197 DE 200 DC 201 VA 202 DC 206 MD 220 VA 247 WV 269 - 270 NC 290 SC 300 GA 320 FL \
340 - 341 FL 350 AL 370 TN 386 MS 398 GA 400 KY 428 - 430 OH 460 IN 480 MI 500 IA 529 - 530 WI 550 MN 568 - 569 DC \
570 SD 578 - 580 ND 589 - 590 MT 600 IL 630 MO 659 - 660 KS 680 NE 694 - 700 LA 715 - 716 AR 730 OK 732 - 733 TX \
734 OK 750 TX 800 CO 817 - 820 WY 832 ID 839 - 840 UT 848 - 850 AZ 866 - 870 NM 885 TX 886 - 889 NV 899 - 900 CA \
962 - 967 HI 969 GU 970 OR 980 WA 995 AK";

/// ZIP codes whose state is not their prefix's: Fishers Island, NY; Texhoma,
/// TX; Alta, WY; American Samoa; the Northern Mariana Islands.
const ZIP_STATE_EXCEPTIONS: &str = "06390 NY 73960 TX 83414 WY 96799 AS 96950 MP 96951 MP 96952 MP";

/// GeoNames' first-level codes for Canada and Australia beside ISO 3166-2's
/// (for the US and the UK they are ISO's already).
const CA_ADMIN1: &str = "01 AB 02 BC 03 MB 04 NB 05 NL 07 NS 08 ON 09 PE 10 QC 11 SK 12 YT 13 NT 14 NU";
const AU_ADMIN1: &str = "01 ACT 02 NSW 03 NT 04 QLD 05 SA 06 TAS 07 VIC 08 WA";

/// A place that a search can be centred on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Place {
    pub lat: f64,
    pub lon: f64,
    /// How the place is written for a search, which finds it again:
    /// `Portland, OR` in the US, `Toronto, Ontario` in Canada, the UK and
    /// Australia, `Paris, FR` elsewhere; the postal code for one.
    pub label: String,
    /// The ISO 3166-2 code of the place's first-level subdivision, for US
    /// states, DC and territories, Canadian provinces and territories, the
    /// UK's nations and Australian states and territories; null elsewhere or
    /// when not known.
    #[schema(example = "US-TX")]
    pub region: Option<String>,
    /// The town's own name ("Marfa"), for pages: a ZIP code's is the town it
    /// is named after; `None` for other postal codes and for a point
    /// (`Gazetteer::town_near` names one).
    #[serde(skip)]
    pub town: Option<String>,
    /// The ISO 3166-1 code of the place's country, when known.
    #[serde(skip)]
    pub country: Option<String>,
}

/// A city as a map draws it, for orientation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Town<'a> {
    pub name: &'a str,
    pub population: u32,
    pub lat: f64,
    pub lon: f64,
}

pub(super) struct City {
    pub(super) name: String,
    /// `town_key` of the name.
    pub(super) key: String,
    /// GeoNames' country: Puerto Rico and the other US territories are countries of their own there.
    country: String,
    /// The ISO 3166-2 code of the city's first-level subdivision, where pages
    /// name it (`iso::is_named_region`).
    pub(super) region: Option<&'static str>,
    pub(super) population: u32,
    lat: f64,
    lon: f64,
}

impl City {
    pub(super) fn place(&self) -> Place {
        let label = match (self.country.as_str(), self.region) {
            // The US territories too: "San Juan, PR".
            (_, Some(code)) if code.starts_with("US-") => format!("{}, {}", self.name, &code[3..]),
            (_, Some(code)) => format!("{}, {}", self.name, NAMES.english(code).unwrap_or(code)),
            (country, None) => format!("{}, {country}", self.name),
        };
        Place {
            lat: self.lat,
            lon: self.lon,
            label,
            region: self.region.map(str::to_string),
            town: Some(self.name.clone()),
            country: Some(self.country_code().to_string()),
        }
    }

    /// The ISO 3166-1 country, counting the US territories as the US, as ISO 3166-2 does.
    fn country_code(&self) -> &str {
        self.region.and_then(|code| code.get(..2)).unwrap_or(&self.country)
    }

    pub(super) fn in_country(&self, country: &str) -> bool {
        self.country == country || self.country_code() == country
    }

    fn town(&self) -> Town<'_> {
        Town { name: &self.name, population: self.population, lat: self.lat, lon: self.lon }
    }
}

/// The ISO 3166-2 code of a GeoNames city's region, where pages name it.
fn city_region(country: &str, admin1: &str) -> Option<&'static str> {
    let (country, region) = match country {
        "US" | "GB" => (country, admin1),
        "CA" => ("CA", lookup(CA_ADMIN1, admin1)?),
        "AU" => ("AU", lookup(AU_ADMIN1, admin1)?),
        territory @ ("PR" | "GU" | "VI" | "AS" | "MP" | "UM") => ("US", territory),
        _ => return None,
    };
    NAMES.named(&format!("{country}-{region}"))
}

/// A city's position beside its index, in a list sorted by latitude: nearby
/// cities are then a slice found by binary search, read without chasing pointers.
#[derive(Clone, Copy)]
struct Located {
    lat: f64,
    lon: f64,
    city: u32,
}

/// The centre of a postal area and its region.
#[derive(Clone, Copy)]
struct Centre {
    lat: f64,
    lon: f64,
    region: &'static str,
}

pub struct Gazetteer {
    zips: HashMap<u32, (f64, f64)>,
    /// The town each ZIP code is named after.
    zip_towns: HashMap<u32, Box<str>>,
    /// `"CA M5V"`, `"GB SW1A"`, `"GB SW1A 1"`, `"AU 2000"` → centre.
    postcodes: HashMap<String, Centre>,
    pub(super) cities: Vec<City>,
    /// `town_key` → city indices, most populous first; common names too ("nyc").
    pub(super) by_name: HashMap<String, Vec<u32>>,
    /// ISO 3166-2 code → its cities' indices.
    pub(super) by_region: HashMap<&'static str, Vec<u32>>,
    /// `(town key, index)` sorted by key, for prefix look-ups.
    sorted_names: Vec<(String, u32)>,
    /// Every city, south to north.
    by_latitude: Vec<Located>,
    /// Cities of at least `LARGE_CITY` people, south to north.
    large_by_latitude: Vec<Located>,
}

impl Gazetteer {
    /// The gazetteer built into the binary, loaded once per process.
    #[expect(clippy::expect_used, reason = "the gazetteer is built into the binary; its tests parse it")]
    pub fn shared() -> &'static Gazetteer {
        static SHARED: OnceLock<Gazetteer> = OnceLock::new();
        SHARED.get_or_init(|| {
            let mut gazetteer = Gazetteer::from_csv(ZIP_CSV, &[CITIES_CSV, ADDED_CITIES_CSV], POSTCODES_CSV)
                .expect("the bundled gazetteer parses");
            gazetteer.name_zips(ZIP_TOWNS_CSV).expect("the bundled ZIP towns parse");
            gazetteer
        })
    }

    /// A gazetteer of ZIP centroids, cities (`geonames_id,name,country,admin1,population,lat,lon`)
    /// and other postal codes (`country,code,lat,lon,region`).
    pub fn from_csv(zip_csv: &str, cities_csvs: &[&str], postcodes_csv: &str) -> Result<Gazetteer, csv::Error> {
        let mut zips = HashMap::new();
        for row in csv::Reader::from_reader(zip_csv.as_bytes()).records() {
            let row = row?;
            if let (Ok(zip), Ok(lat), Ok(lon)) = (row[0].parse::<u32>(), row[1].parse(), row[2].parse()) {
                zips.insert(zip, (lat, lon));
            }
        }
        let mut postcodes = HashMap::new();
        for row in csv::Reader::from_reader(postcodes_csv.as_bytes()).records() {
            let row = row?;
            if let (Ok(lat), Ok(lon), Some(region)) = (row[2].parse(), row[3].parse(), NAMES.named(&row[4])) {
                postcodes.insert(format!("{} {}", &row[0], &row[1]), Centre { lat, lon, region });
            }
        }
        let cities = read_cities(cities_csvs)?;
        Ok(Gazetteer::index(zips, postcodes, cities))
    }

    /// Names each ZIP code after its town (`zip,town`); the first name of a code counts.
    pub fn name_zips(&mut self, zip_towns_csv: &str) -> Result<(), csv::Error> {
        for row in csv::Reader::from_reader(zip_towns_csv.as_bytes()).records() {
            let row = row?;
            if let Ok(zip) = row[0].parse::<u32>() {
                self.zip_towns.entry(zip).or_insert_with(|| row[1].into());
            }
        }
        Ok(())
    }

    fn index(zips: HashMap<u32, (f64, f64)>, postcodes: HashMap<String, Centre>, cities: Vec<City>) -> Gazetteer {
        let mut by_name: HashMap<String, Vec<u32>> = HashMap::new();
        let mut by_region: HashMap<&'static str, Vec<u32>> = HashMap::new();
        for (index, city) in cities.iter().enumerate() {
            by_name.entry(city.key.clone()).or_default().push(index as u32);
            if let Some(region) = city.region {
                by_region.entry(region).or_default().push(index as u32);
            }
        }
        for indices in by_name.values_mut() {
            indices.sort_by_key(|&i| std::cmp::Reverse(cities[i as usize].population));
        }
        let mut sorted_names: Vec<(String, u32)> =
            by_name.iter().flat_map(|(name, ids)| ids.iter().map(move |&i| (name.clone(), i))).collect();
        sorted_names.sort();
        add_aliases(&mut by_name, &cities);
        let mut by_latitude: Vec<Located> = (0..cities.len() as u32)
            .map(|index| Located { lat: cities[index as usize].lat, lon: cities[index as usize].lon, city: index })
            .collect();
        by_latitude.sort_by(|a, b| a.lat.total_cmp(&b.lat));
        let large_by_latitude = by_latitude
            .iter()
            .filter(|located| cities[located.city as usize].population >= LARGE_CITY)
            .copied()
            .collect();
        let zip_towns = HashMap::new();
        Gazetteer {
            zips,
            zip_towns,
            postcodes,
            cities,
            by_name,
            by_region,
            sorted_names,
            by_latitude,
            large_by_latitude,
        }
    }

    /// The centroid of a US ZIP code (`12345` or `12345-6789`).
    pub fn zip(&self, text: &str) -> Option<Place> {
        let five = text.trim().split('-').next()?;
        if five.len() != 5 || !five.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let zip = five.parse().ok()?;
        let (lat, lon) = *self.zips.get(&zip)?;
        let region = zip_state(five).map(|state| format!("US-{state}"));
        let town = self.zip_towns.get(&zip).map(|town| town.to_string());
        Some(Place { lat, lon, label: five.to_string(), region, town, country: Some("US".to_string()) })
    }

    /// The centre of a Canadian, British or Australian postal area (`"CA M5V"`),
    /// labelled as `written`.
    pub(super) fn postal_area(&self, key: &str, written: &str) -> Option<Place> {
        let centre = self.postcodes.get(key)?;
        Some(Place {
            lat: centre.lat,
            lon: centre.lon,
            label: written.to_string(),
            region: Some(centre.region.to_string()),
            town: None,
            country: centre.region.get(..2).map(str::to_string),
        })
    }

    /// The region (as in `Place::region`) of the city nearest the point, if
    /// one is within 50 km; `None` further from any city, or when the nearest
    /// city is in a country whose regions are not named.
    pub fn region_at(&self, lat: f64, lon: f64) -> Option<String> {
        if !(-90.0..=90.0).contains(&lat) || !lon.is_finite() {
            return None;
        }
        let circle = Circle::new(lat, lon, REGION_REACH_KM);
        let (_, nearest) = circle.around(&self.by_latitude).min_by(|one, other| one.0.total_cmp(&other.0))?;
        self.cities[nearest as usize].region.map(str::to_string)
    }

    /// The town a point is best named after: the most populous within 5 km,
    /// else the nearest within 50 km, in `region` when given (a postal area's
    /// own); `None` further from any.
    pub fn town_near(&self, lat: f64, lon: f64, region: Option<&str>) -> Option<Place> {
        if !(-90.0..=90.0).contains(&lat) || !lon.is_finite() {
            return None;
        }
        let circle = Circle::new(lat, lon, REGION_REACH_KM);
        let in_region =
            |&(_, city): &(f64, u32)| region.is_none_or(|region| self.cities[city as usize].region == Some(region));
        let around: Vec<(f64, u32)> = circle.around(&self.by_latitude).filter(in_region).collect();
        let largest_close = around
            .iter()
            .filter(|(distance_km, _)| *distance_km <= TOWN_REACH_KM)
            .max_by_key(|(_, city)| self.cities[*city as usize].population);
        let nearest = || around.iter().min_by(|one, other| one.0.total_cmp(&other.0));
        let (_, city) = largest_close.or_else(nearest)?;
        Some(self.cities[*city as usize].place())
    }

    /// The most populous city of that name in `country`, in `region` (a
    /// listing's: `OR`, `ON`) when one is there.
    pub fn city(&self, name: &str, region: Option<&str>, country: &str) -> Option<Place> {
        let candidates = self.by_name.get(&town_key(&normalize(name)))?;
        let in_country = || candidates.iter().map(|&i| &self.cities[i as usize]).filter(|c| c.in_country(country));
        let code = region.map(|region| format!("{country}-{}", region.trim().to_ascii_uppercase()));
        let in_region = code.and_then(|code| in_country().find(|c| c.region == Some(code.as_str())));
        in_region.or_else(|| in_country().next()).map(City::place)
    }

    /// Places whose name starts with what was typed, most populous first; the
    /// part after a comma narrows by region or country. What starts no name
    /// is read whole, so "seattle wa" still suggests Seattle.
    pub fn suggest(&self, text: &str, limit: usize) -> Vec<Place> {
        let text = text.trim();
        if text.len() >= 3 && text.bytes().all(|b| b.is_ascii_digit()) {
            return self.zip_prefix(text, limit);
        }
        let (name, qualifier) = match text.split_once(',') {
            Some((name, qualifier)) => (name, normalize(qualifier)),
            None => (text, String::new()),
        };
        let prefix = town_key(&normalize(name));
        if prefix.is_empty() {
            return Vec::new();
        }
        let start = self.sorted_names.partition_point(|(n, _)| n.as_str() < prefix.as_str());
        let mut matches: Vec<&City> = self.sorted_names[start..]
            .iter()
            .take_while(|(n, _)| n.starts_with(&prefix))
            .map(|&(_, i)| &self.cities[i as usize])
            .filter(|city| qualifier.is_empty() || qualifies(city, &qualifier))
            .collect();
        matches.sort_by(|a, b| b.population.cmp(&a.population).then_with(|| a.name.cmp(&b.name)));
        if matches.is_empty() {
            return self.look_up(text).places().into_iter().take(limit).collect();
        }
        let mut places: Vec<Place> = Vec::new();
        for place in matches.into_iter().map(City::place) {
            if places.len() == limit {
                break;
            }
            if !places.iter().any(|known| known.label == place.label) {
                places.push(place);
            }
        }
        places
    }
    /// The `count` most populous cities whose centre is within `radius_km` of
    /// the point by great-circle distance, most populous first (ties by name).
    ///
    /// The search page asks on every request. Large cities are looked at
    /// first, and all cities only when fewer than `count` large ones are
    /// inside; either way only the latitude band that can hold such cities is
    /// read, and haversine runs only on those within a longitude bound. In a
    /// release build that took 0.5 to 55 µs a call for radii of 25 to 480 km
    /// in cities and countryside, against 5 ms for reading every city.
    pub fn largest_within(&self, lat: f64, lon: f64, radius_km: f64, count: usize) -> Vec<Town<'_>> {
        if count == 0 || radius_km.is_nan() || radius_km < 0.0 {
            return Vec::new();
        }
        let circle = Circle::new(lat, lon, radius_km);
        let mut inside = self.cities_within(&self.large_by_latitude, &circle);
        if inside.len() < count {
            inside = self.cities_within(&self.by_latitude, &circle);
        }
        let most_populous_first =
            |a: &&City, b: &&City| b.population.cmp(&a.population).then_with(|| a.name.cmp(&b.name));
        if inside.len() > count {
            inside.select_nth_unstable_by(count - 1, most_populous_first);
            inside.truncate(count);
        }
        inside.sort_unstable_by(most_populous_first);
        inside.into_iter().map(City::town).collect()
    }

    fn cities_within(&self, by_latitude: &[Located], circle: &Circle) -> Vec<&City> {
        circle.around(by_latitude).map(|(_, city)| &self.cities[city as usize]).collect()
    }

    /// Every city, in no particular order.
    pub fn towns(&self) -> impl Iterator<Item = Town<'_>> {
        self.cities.iter().map(City::town)
    }

    fn zip_prefix(&self, digits: &str, limit: usize) -> Vec<Place> {
        let mut zips: Vec<String> =
            self.zips.keys().map(|z| format!("{z:05}")).filter(|z| z.starts_with(digits)).collect();
        zips.sort();
        zips.iter().take(limit).filter_map(|z| self.zip(z)).collect()
    }
}

/// Every city of the CSV files, with the common names some go by.
fn read_cities(csvs: &[&str]) -> Result<Vec<City>, csv::Error> {
    let mut cities = Vec::new();
    for text in csvs {
        for row in csv::Reader::from_reader(text.as_bytes()).records() {
            let row = row?;
            if let (Ok(population), Ok(lat), Ok(lon)) = (row[4].parse(), row[5].parse(), row[6].parse()) {
                cities.push(City {
                    name: row[1].to_string(),
                    key: town_key(&normalize(&row[1])),
                    country: row[2].to_string(),
                    region: city_region(&row[2], &row[3]),
                    population,
                    lat,
                    lon,
                });
            }
        }
    }
    Ok(cities)
}

/// Files the cities of `CITY_ALIASES` under the names people call them too.
fn add_aliases(by_name: &mut HashMap<String, Vec<u32>>, cities: &[City]) {
    for line in CITY_ALIASES.lines() {
        let Some((aliases, city)) = line.split_once('=') else { continue };
        let Some((name, region)) = city.split_once(", ") else { continue };
        let key = town_key(&normalize(name));
        let Some(&index) =
            by_name.get(&key).and_then(|ids| ids.iter().find(|&&i| cities[i as usize].region == Some(region)))
        else {
            continue;
        };
        for alias in aliases.split('|') {
            let ids = by_name.entry(town_key(alias)).or_default();
            ids.insert(0, index);
            ids.sort_by_key(|&i| std::cmp::Reverse(cities[i as usize].population));
        }
    }
}

/// Whether a city is in the region or country whose name, code or
/// abbreviation starts with `qualifier` (normalised).
fn qualifies(city: &City, qualifier: &str) -> bool {
    let region = city.region.unwrap_or_default();
    let abbreviation = region.get(3..).unwrap_or_default().to_ascii_lowercase();
    let english = NAMES.english(region).map(normalize).unwrap_or_default();
    abbreviation.starts_with(qualifier)
        || english.starts_with(qualifier)
        || city.country_code().to_ascii_lowercase().starts_with(qualifier)
        || NAMES.country(qualifier).is_some_and(|country| city.in_country(country))
}

/// A circle on the Earth, with the bounds that cheaply rule out most cities.
struct Circle {
    lat: f64,
    lon: f64,
    radius_km: f64,
    /// No point inside is further north or south than this, in degrees.
    band: f64,
    /// No point inside is further east or west than this, in degrees.
    reach: f64,
}

impl Circle {
    fn new(lat: f64, lon: f64, radius_km: f64) -> Circle {
        let angular_radius = radius_km / EARTH_RADIUS_KM;
        let band = angular_radius.to_degrees() + FILTER_SLACK_DEGREES;
        let reach = longitude_reach(lat, angular_radius) + FILTER_SLACK_DEGREES;
        Circle { lat, lon, radius_km, band, reach }
    }

    /// `(distance in km, city index)` for each city of `by_latitude` inside.
    fn around<'a>(&'a self, by_latitude: &'a [Located]) -> impl Iterator<Item = (f64, u32)> + 'a {
        let start = by_latitude.partition_point(|located| located.lat < self.lat - self.band);
        let end = by_latitude.partition_point(|located| located.lat <= self.lat + self.band);
        by_latitude[start..end]
            .iter()
            .filter(|located| longitude_gap(located.lon, self.lon) <= self.reach)
            .map(|located| (haversine_km(self.lat, self.lon, located.lat, located.lon), located.city))
            .filter(|&(distance_km, _)| distance_km <= self.radius_km)
    }
}

/// The US state or territory of a five-digit ZIP code, from its prefix.
fn zip_state(five: &str) -> Option<&'static str> {
    if let Some(state) = lookup(ZIP_STATE_EXCEPTIONS, five) {
        return Some(state);
    }
    let prefix = five.get(..3)?;
    let (_, state) = pairs(ZIP_PREFIX_STATES).take_while(|&(first, _)| first <= prefix).last()?;
    (state != "-").then_some(state)
}

/// The words of a table taken two at a time.
fn pairs(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut words = table.split_ascii_whitespace();
    std::iter::from_fn(move || Some((words.next()?, words.next()?)))
}

/// The word after `key` in a table of pairs.
fn lookup(table: &'static str, key: &str) -> Option<&'static str> {
    pairs(table).find(|&(first, _)| first == key).map(|(_, second)| second)
}

fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    Haversine.distance(point!(x: lon1, y: lat1), point!(x: lon2, y: lat2)) / 1000.0
}

/// How far east or west, in degrees, a circle of `angular_radius` (radians)
/// around a point at `lat` reaches: where a meridian touches the circle. A
/// circle over a pole reaches every longitude.
fn longitude_reach(lat: f64, angular_radius: f64) -> f64 {
    let ratio = angular_radius.sin() / lat.to_radians().cos();
    if angular_radius >= std::f64::consts::FRAC_PI_2 || !(0.0..1.0).contains(&ratio) {
        180.0
    } else {
        ratio.asin().to_degrees()
    }
}

/// Degrees between two longitudes, the short way round (0 to 180).
fn longitude_gap(one: f64, other: f64) -> f64 {
    let gap = (one - other).abs() % 360.0;
    gap.min(360.0 - gap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::iso;

    #[test]
    fn finds_each_form_of_place() {
        let gazetteer = Gazetteer::shared();
        let portland = gazetteer.resolve("Portland, OR").unwrap();
        assert!((portland.lat - 45.52).abs() < 0.1, "{portland:?}");
        assert_eq!(gazetteer.resolve("seattle").unwrap().label, "Seattle, WA");
        assert_eq!(gazetteer.resolve("London, UK").unwrap().label, "London, England");
        assert!(gazetteer.resolve("97201").is_some() && gazetteer.resolve("97201-1234").is_some());
        assert_eq!(gazetteer.resolve("sant julia de loria").unwrap().label, "Sant Julià de Lòria, AD");
        assert!(gazetteer.resolve("Nowhereville, ZZ").is_none());
        assert_eq!(gazetteer.suggest("Seat", 3)[0].label, "Seattle, WA");
    }

    /// What `largest_within` must find, by reading every city.
    fn largest_by_scan(lat: f64, lon: f64, radius_km: f64, count: usize) -> Vec<Town<'static>> {
        let mut inside: Vec<Town> = Gazetteer::shared()
            .towns()
            .filter(|town| haversine_km(lat, lon, town.lat, town.lon) <= radius_km)
            .collect();
        inside.sort_by(|a, b| b.population.cmp(&a.population).then_with(|| a.name.cmp(b.name)));
        inside.truncate(count);
        inside
    }

    #[test]
    fn the_largest_cities_within_a_radius_are_those_a_full_scan_finds() {
        let gazetteer = Gazetteer::shared();
        let searches = [
            (45.5152, -122.6784, 40.0),  // Portland, OR
            (40.7128, -74.0060, 482.0),  // New York, 300 miles
            (-17.7134, 178.0650, 300.0), // Fiji, across the antimeridian
            (78.2232, 15.6267, 500.0),   // Svalbard, near the pole
            (51.5072, -0.1276, 1.0),     // London, a tiny radius
            (0.0, -150.0, 100.0),        // the open Pacific: nothing
        ];
        for (lat, lon, radius_km) in searches {
            let found = gazetteer.largest_within(lat, lon, radius_km, 5);
            assert_eq!(found, largest_by_scan(lat, lon, radius_km, 5), "{lat}, {lon} within {radius_km} km");
        }
        let portland = gazetteer.largest_within(45.5152, -122.6784, 40.0, 5);
        assert_eq!(portland.first().map(|town| town.name), Some("Portland"));
        assert!(gazetteer.largest_within(45.5152, -122.6784, 40.0, 0).is_empty());
    }

    fn region(place: Option<Place>) -> Option<String> {
        place.and_then(|place| place.region)
    }

    #[test]
    fn cities_carry_the_iso_code_of_their_region() {
        let gazetteer = Gazetteer::shared();
        let cities = [
            ("Marfa, TX", "US-TX"),
            ("Adams Morgan, DC", "US-DC"),
            ("Toronto, CA", "CA-ON"),
            ("Vancouver, CA", "CA-BC"),
            ("Montréal", "CA-QC"),
            ("Calgary", "CA-AB"),
            ("Winnipeg", "CA-MB"),
            ("Moncton", "CA-NB"),
            ("St. John's, CA", "CA-NL"),
            ("Halifax, CA", "CA-NS"),
            ("Charlottetown", "CA-PE"),
            ("Saskatoon", "CA-SK"),
            ("Whitehorse", "CA-YT"),
            ("Yellowknife", "CA-NT"),
            ("Iqaluit", "CA-NU"),
            ("London, UK", "GB-ENG"),
            ("Edinburgh", "GB-SCT"),
            ("Cardiff", "GB-WLS"),
            ("Belfast", "GB-NIR"),
            ("Canberra", "AU-ACT"),
            ("Sydney, AU", "AU-NSW"),
            ("Darwin, AU", "AU-NT"),
            ("Brisbane", "AU-QLD"),
            ("Adelaide", "AU-SA"),
            ("Hobart, Tasmania", "AU-TAS"),
            ("Melbourne, AU", "AU-VIC"),
            ("Perth, AU", "AU-WA"),
            ("San Juan, PR", "US-PR"),
        ];
        for (text, code) in cities {
            assert_eq!(region(gazetteer.resolve(text)).as_deref(), Some(code), "{text}");
        }
        assert_eq!(region(gazetteer.resolve("Paris, FR")), None);
        assert_eq!(region(gazetteer.city("Springfield", Some("IL"), "US")).as_deref(), Some("US-IL"));
        assert_eq!(region(gazetteer.city("Portland", Some("ME"), "US")).as_deref(), Some("US-ME"));
        assert_eq!(region(gazetteer.city("London", Some("ON"), "CA")).as_deref(), Some("CA-ON"));
        assert!(gazetteer.suggest("Spring, TX", 10).iter().all(|place| place.region.as_deref() == Some("US-TX")));
        assert!(gazetteer
            .cities
            .iter()
            .filter(|city| ["US", "CA", "GB", "AU"].contains(&city.country.as_str()))
            .all(|city| city.region.is_some()));
    }

    #[test]
    fn zip_codes_carry_their_state_from_the_prefix() {
        let gazetteer = Gazetteer::shared();
        // ZIP code and state, including ones whose state differs from their prefix's.
        let zips = "97201 OR 10001 NY 79843 TX 99501 AK 96813 HI 20001 DC 00901 PR 00802 VI 96910 GU 96950 MP \
                    96799 AS 02108 MA 60601 IL 33101 FL 84101 UT 06390 NY 06320 CT 83414 WY 73960 TX 89501 NV \
                    88001 NM 20601 MD 22201 VA";
        let words: Vec<&str> = zips.split_whitespace().collect();
        for pair in words.chunks(2) {
            let code = format!("US-{}", pair[1]);
            assert_eq!(region(gazetteer.zip(pair[0])).as_deref(), Some(code.as_str()), "{}", pair[0]);
        }
        assert_eq!(region(gazetteer.resolve("79843-1234")).as_deref(), Some("US-TX"));
        assert!(gazetteer.suggest("798", 5).iter().all(|place| place.region.as_deref() == Some("US-TX")));
        for zip in gazetteer.zips.keys() {
            let place = gazetteer.zip(&format!("{zip:05}"));
            assert!(region(place).is_some_and(|code| iso::is_named_region(&code)), "{zip:05}");
        }
    }

    #[test]
    fn a_point_takes_the_region_of_the_nearest_city() {
        let gazetteer = Gazetteer::shared();
        let points = [
            ((30.3095, -104.0206), Some("US-TX")),  // Marfa
            ((45.5152, -122.6784), Some("US-OR")),  // Portland
            ((45.6387, -122.6615), Some("US-WA")),  // Vancouver, WA, across the river
            ((43.6532, -79.3832), Some("CA-ON")),   // Toronto
            ((55.9533, -3.1883), Some("GB-SCT")),   // Edinburgh
            ((-33.8688, 151.2093), Some("AU-NSW")), // Sydney
            ((48.8566, 2.3522), None),              // Paris
            ((32.5149, -117.0382), None),           // Tijuana, nearer than San Diego
            ((0.0, -150.0), None),                  // the open Pacific
        ];
        for ((lat, lon), code) in points {
            assert_eq!(gazetteer.region_at(lat, lon).as_deref(), code, "{lat}, {lon}");
        }
        assert_eq!(gazetteer.region_at(f64::NAN, 0.0), None);
        assert_eq!(gazetteer.region_at(91.0, 0.0), None);
    }

    #[test]
    fn the_region_serializes_as_a_code_or_null() {
        let gazetteer = Gazetteer::shared();
        let marfa = serde_json::to_value(gazetteer.zip("79843")).unwrap();
        assert_eq!(marfa["region"], "US-TX");
        let paris = serde_json::to_value(gazetteer.resolve("Paris, FR")).unwrap();
        assert!(paris.get("region").is_some_and(serde_json::Value::is_null));
    }
}
