//! Offline place look-up: US ZIP centroids and GeoNames cities, from `seeds/`.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
use utoipa::ToSchema;

use super::iso;

const ZIP_CSV: &str = include_str!("../../seeds/us_zip_centroids.csv");
const CITIES_CSV: &str = include_str!("../../seeds/cities.csv");

/// A place that a search can be centred on.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Place {
    pub lat: f64,
    pub lon: f64,
    pub label: String,
}

struct City {
    name: String,
    country: String,
    admin1: String,
    population: u32,
    lat: f64,
    lon: f64,
}

impl City {
    fn place(&self) -> Place {
        let qualifier = if self.country == "US" { &self.admin1 } else { &self.country };
        Place { lat: self.lat, lon: self.lon, label: format!("{}, {}", self.name, qualifier) }
    }
}

pub struct Gazetteer {
    zips: HashMap<u32, (f64, f64)>,
    cities: Vec<City>,
    /// Normalised name → city indices, most populous first.
    by_name: HashMap<String, Vec<u32>>,
    /// `(normalised name, index)` sorted by name, for prefix look-ups.
    sorted_names: Vec<(String, u32)>,
}

impl Gazetteer {
    /// The gazetteer built into the binary, loaded once per process.
    #[expect(clippy::expect_used, reason = "the gazetteer is built into the binary; its tests parse it")]
    pub fn shared() -> &'static Gazetteer {
        static SHARED: OnceLock<Gazetteer> = OnceLock::new();
        SHARED.get_or_init(|| Gazetteer::from_csv(ZIP_CSV, CITIES_CSV).expect("the bundled gazetteer parses"))
    }

    pub fn from_csv(zip_csv: &str, cities_csv: &str) -> Result<Gazetteer, csv::Error> {
        let mut zips = HashMap::new();
        for row in csv::Reader::from_reader(zip_csv.as_bytes()).records() {
            let row = row?;
            if let (Ok(zip), Ok(lat), Ok(lon)) = (row[0].parse::<u32>(), row[1].parse(), row[2].parse()) {
                zips.insert(zip, (lat, lon));
            }
        }
        let mut cities = Vec::new();
        for row in csv::Reader::from_reader(cities_csv.as_bytes()).records() {
            let row = row?;
            if let (Ok(population), Ok(lat), Ok(lon)) = (row[4].parse(), row[5].parse(), row[6].parse()) {
                cities.push(City {
                    name: row[1].to_string(),
                    country: row[2].to_string(),
                    admin1: row[3].to_string(),
                    population,
                    lat,
                    lon,
                });
            }
        }
        let mut by_name: HashMap<String, Vec<u32>> = HashMap::new();
        for (index, city) in cities.iter().enumerate() {
            by_name.entry(normalize(&city.name)).or_default().push(index as u32);
        }
        for indices in by_name.values_mut() {
            indices.sort_by_key(|&i| std::cmp::Reverse(cities[i as usize].population));
        }
        let mut sorted_names: Vec<(String, u32)> =
            by_name.iter().flat_map(|(name, ids)| ids.iter().map(move |&i| (name.clone(), i))).collect();
        sorted_names.sort();
        Ok(Gazetteer { zips, cities, by_name, sorted_names })
    }

    /// The centroid of a US ZIP code (`12345` or `12345-6789`).
    pub fn zip(&self, text: &str) -> Option<Place> {
        let five = text.trim().split('-').next()?;
        if five.len() != 5 || !five.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (lat, lon) = *self.zips.get(&five.parse().ok()?)?;
        Some(Place { lat, lon, label: five.to_string() })
    }

    /// The most populous city of that name in `country`, in `region` when the
    /// region matches one (GeoNames uses state codes for the US only).
    pub fn city(&self, name: &str, region: Option<&str>, country: &str) -> Option<Place> {
        let candidates = self.by_name.get(&normalize(name))?;
        let in_country = || candidates.iter().map(|&i| &self.cities[i as usize]).filter(|c| c.country == country);
        let in_region = region.and_then(|r| in_country().find(|c| c.admin1.eq_ignore_ascii_case(r)));
        in_region.or_else(|| in_country().next()).map(City::place)
    }

    /// Resolves what a patient typed: a US ZIP, `City, ST`, `City, CC`,
    /// `City, ST, US` or a bare city name (the most populous match wins).
    pub fn resolve(&self, text: &str) -> Option<Place> {
        if let Some(place) = self.zip(text) {
            return Some(place);
        }
        let parts: Vec<&str> = text.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [name] => {
                let best = self.by_name.get(&normalize(name))?.first()?;
                Some(self.cities[*best as usize].place())
            }
            [name, qualifier] => {
                let qualifier = qualifier.to_ascii_uppercase();
                if iso::is_us_region(&qualifier) {
                    self.city_in_region(name, &qualifier, "US")
                        .or_else(|| self.city(name, None, country_alias(&qualifier)))
                } else {
                    self.city(name, None, country_alias(&qualifier))
                }
            }
            [name, region, country] => {
                self.city_in_region(name, &region.to_ascii_uppercase(), country_alias(&country.to_ascii_uppercase()))
            }
            _ => None,
        }
    }

    fn city_in_region(&self, name: &str, region: &str, country: &str) -> Option<Place> {
        let candidates = self.by_name.get(&normalize(name))?;
        candidates
            .iter()
            .map(|&i| &self.cities[i as usize])
            .find(|c| c.country == country && c.admin1 == region)
            .map(City::place)
    }

    /// Places whose name starts with what was typed, most populous first; the
    /// part after a comma narrows by state or country code.
    pub fn suggest(&self, text: &str, limit: usize) -> Vec<Place> {
        let text = text.trim();
        if text.len() >= 3 && text.bytes().all(|b| b.is_ascii_digit()) {
            return self.zip_prefix(text, limit);
        }
        let (name, qualifier) = match text.split_once(',') {
            Some((name, qualifier)) => (name, Some(qualifier.trim().to_ascii_uppercase())),
            None => (text, None),
        };
        let prefix = normalize(name);
        if prefix.is_empty() {
            return Vec::new();
        }
        let start = self.sorted_names.partition_point(|(n, _)| n.as_str() < prefix.as_str());
        let mut matches: Vec<&City> = self.sorted_names[start..]
            .iter()
            .take_while(|(n, _)| n.starts_with(&prefix))
            .map(|&(_, i)| &self.cities[i as usize])
            .filter(|c| match &qualifier {
                Some(code) if !code.is_empty() => {
                    c.admin1.starts_with(code.as_str()) && c.country == "US"
                        || c.country.starts_with(country_alias(code))
                }
                _ => true,
            })
            .collect();
        matches.sort_by(|a, b| b.population.cmp(&a.population).then_with(|| a.name.cmp(&b.name)));
        matches.into_iter().take(limit).map(City::place).collect()
    }

    fn zip_prefix(&self, digits: &str, limit: usize) -> Vec<Place> {
        let mut zips: Vec<String> =
            self.zips.keys().map(|z| format!("{z:05}")).filter(|z| z.starts_with(digits)).collect();
        zips.sort();
        zips.iter().take(limit).filter_map(|z| self.zip(z)).collect()
    }
}

/// "UK" is what most people type for the United Kingdom.
fn country_alias(code: &str) -> &str {
    match code {
        "UK" => "GB",
        other => other,
    }
}

/// Case-, accent- and punctuation-insensitive form of a place name.
pub fn normalize(name: &str) -> String {
    let folded: String = name
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c == '-' || c == '\'' || c == '.' { ' ' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_form_of_place() {
        let gazetteer = Gazetteer::shared();
        let portland = gazetteer.resolve("Portland, OR").unwrap();
        assert!((portland.lat - 45.52).abs() < 0.1, "{portland:?}");
        assert_eq!(gazetteer.resolve("portland").unwrap().label, "Portland, OR");
        assert_eq!(gazetteer.resolve("London, UK").unwrap().label, "London, GB");
        assert!(gazetteer.resolve("97201").is_some() && gazetteer.resolve("97201-1234").is_some());
        assert_eq!(gazetteer.resolve("sant julia de loria").unwrap().label, "Sant Julià de Lòria, AD");
        assert!(gazetteer.resolve("Nowhereville, ZZ").is_none());
        assert_eq!(gazetteer.suggest("Seat", 3)[0].label, "Seattle, WA");
    }
}
