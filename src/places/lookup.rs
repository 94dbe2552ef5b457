//! What a patient typed, read as a place: a postal code, or a town with or
//! without its region or country, in any case, spacing and punctuation
//! ("seattle wa", "Portland, Oregon", "Ft Worth, TX", "NYC").

use super::fuzzy::{allowed_edits, distance_within};
use super::gazetteer::{City, Gazetteer, Place};
use super::names::{normalize, town_key, NAMES};
use super::postcodes::Postcode;

/// A second town of the same name at least this share of the largest's
/// population makes a bare name a question: "Portland" (Oregon, Maine) is
/// one, "Paris" (France; Paris, Texas) is not.
const AMBIGUOUS_SHARE: f64 = 0.1;
/// The most towns a question lists, and the most close spellings offered.
const MOST_CANDIDATES: usize = 10;
const MOST_SUGGESTIONS: usize = 5;
/// Longer texts are not place names; reading them would only cost time.
const MOST_WORDS: usize = 12;
/// Close spellings are looked for in texts up to this long, with up to this
/// many words after the town: each reading costs a pass over every name.
const MOST_LETTERS_SPELT_CLOSE: usize = 60;
const MOST_QUALIFIER_WORDS: usize = 4;

/// What a typed place turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    Found(Place),
    /// Several places go by that name and none stands out; the largest first.
    Ambiguous(Vec<Place>),
    /// Nothing goes by that name; close spellings, the closest and largest first.
    NotFound(Vec<Place>),
}

impl Lookup {
    /// The place found, else the candidates or close spellings.
    pub fn places(self) -> Vec<Place> {
        match self {
            Lookup::Found(place) => vec![place],
            Lookup::Ambiguous(places) | Lookup::NotFound(places) => places,
        }
    }
}

/// What may follow a town's name: a region (any of several that share an
/// abbreviation, "WA"), a country, both, or nothing.
#[derive(Debug, Clone, Copy)]
struct Qualifier<'a> {
    regions: &'a [&'static str],
    country: Option<&'static str>,
}

impl Qualifier<'_> {
    const NONE: Qualifier<'static> = Qualifier { regions: &[], country: None };

    fn admits(&self, city: &City) -> bool {
        let in_region = self.regions.is_empty() || city.region.is_some_and(|code| self.regions.contains(&code));
        in_region && self.country.is_none_or(|country| city.in_country(country))
    }
}

/// The normalised words typed, and how many of them come before the first comma.
struct Words {
    words: Vec<String>,
    before_comma: usize,
}

impl Words {
    fn of(text: &str) -> Words {
        let mut parts = text.split(',').map(normalize).filter(|part| !part.is_empty());
        let first: Vec<String> =
            parts.next().map(|part| part.split(' ').map(str::to_string).collect()).unwrap_or_default();
        let before_comma = first.len();
        let mut words = first;
        words.extend(parts.flat_map(|part| part.split(' ').map(str::to_string).collect::<Vec<_>>()));
        Words { words, before_comma }
    }

    /// Each way to split the words into a town and what follows it, the longest town first.
    fn splits(&self) -> impl Iterator<Item = (String, &[String])> + '_ {
        (1..=self.before_comma).rev().map(|town| (town_key(&self.words[..town].join(" ")), &self.words[town..]))
    }
}

impl Gazetteer {
    /// Reads what a patient typed as a place.
    pub fn look_up(&self, text: &str) -> Lookup {
        if let Some(found) = self.postcode_in(text) {
            return found;
        }
        let words = Words::of(text);
        if words.words.len() > MOST_WORDS {
            return Lookup::NotFound(Vec::new());
        }
        for (town, rest) in words.splits() {
            let Some(named) = self.by_name.get(&town) else { continue };
            let qualifiers = qualifiers(rest);
            let found: Vec<&City> = named
                .iter()
                .map(|&i| &self.cities[i as usize])
                .filter(|city| qualifiers.iter().any(|qualifier| qualifier.admits(city)))
                .collect();
            if !found.is_empty() {
                return choose(found);
            }
        }
        Lookup::NotFound(self.close_spellings(&words))
    }

    /// The place a typed text names, when it names one for certain.
    pub fn resolve(&self, text: &str) -> Option<Place> {
        match self.look_up(text) {
            Lookup::Found(place) => Some(place),
            _ => None,
        }
    }

    /// A postal code alone, or after the town it is in ("Portland, OR 97201",
    /// "London SW1A 1AA"), optionally with its country; `None` when the text
    /// holds none.
    fn postcode_in(&self, text: &str) -> Option<Lookup> {
        let upper = text.to_ascii_uppercase();
        let mut words: Vec<&str> = upper.split([' ', ',', '\t']).filter(|word| !word.is_empty()).collect();
        let mut country = None;
        if let Some(last) = words.last().and_then(|word| NAMES.country(&normalize(word))).filter(|_| words.len() > 1) {
            country = Some(last);
            words.pop();
        }
        // The whole text as a code, else its last two words or its last word.
        let takes =
            [words.len(), 2, 1].into_iter().enumerate().filter(|&(i, take)| take > 0 && (i == 0 || take < words.len()));
        for (_, take) in takes {
            let (before, code) = words.split_at(words.len() - take);
            let readings: Vec<Postcode> = Postcode::readings(code)
                .into_iter()
                .filter(|reading| country.is_none_or(|country| reading.country() == country))
                .filter(|reading| before.is_empty() || reading.is_distinctive() || ends_with_region(before))
                .collect();
            let places: Vec<Place> = readings.iter().filter_map(|reading| self.postcode(reading)).collect();
            match places.len() {
                0 if !readings.is_empty() && before.is_empty() => return Some(Lookup::NotFound(Vec::new())),
                0 => {}
                1 => return places.into_iter().next().map(Lookup::Found),
                _ => return Some(Lookup::Ambiguous(places)),
            }
        }
        None
    }

    fn postcode(&self, reading: &Postcode) -> Option<Place> {
        match reading {
            Postcode::Us(five) => self.zip(five),
            Postcode::Canada { area, written } => self.postal_area(&format!("CA {area}"), written),
            Postcode::Britain { district, sector, written } => sector
                .as_ref()
                .and_then(|sector| self.postal_area(&format!("GB {sector}"), written))
                .or_else(|| self.postal_area(&format!("GB {district}"), written)),
            Postcode::Australia(code) => self.postal_area(&format!("AU {code}"), code),
        }
    }

    /// Towns spelt close to what was typed, in its region or country if one
    /// was named (itself spelt right or close).
    fn close_spellings(&self, words: &Words) -> Vec<Place> {
        let mut found: Vec<(usize, u32)> = Vec::new();
        if words.words.iter().map(String::len).sum::<usize>() > MOST_LETTERS_SPELT_CLOSE {
            return Vec::new();
        }
        for (town, rest) in words.splits().filter(|(_, rest)| rest.len() <= MOST_QUALIFIER_WORDS) {
            // A region or country that cannot be read even spelt close does not narrow the town.
            let mut qualifiers = qualifiers_close_to(rest);
            if qualifiers.is_empty() {
                qualifiers.push(Qualifier::NONE);
            }
            for qualifier in &qualifiers {
                found.extend(self.towns_spelt_close_to(&town, qualifier));
            }
        }
        found.sort_by_key(|&(edits, city)| (edits, std::cmp::Reverse(self.cities[city as usize].population)));
        let mut places: Vec<Place> = Vec::new();
        for (_, city) in found {
            let place = self.cities[city as usize].place();
            if places.len() < MOST_SUGGESTIONS && !places.iter().any(|known| known.label == place.label) {
                places.push(place);
            }
        }
        places
    }

    /// `(edits, city)` for the towns within the allowed edits of `key` that the qualifier admits.
    fn towns_spelt_close_to(&self, key: &str, qualifier: &Qualifier) -> Vec<(usize, u32)> {
        let limit = allowed_edits(key.len());
        let close = |name: &str| distance_within(key.as_bytes(), name.as_bytes(), limit);
        if !qualifier.regions.is_empty() {
            let in_regions = qualifier.regions.iter().filter_map(|region| self.by_region.get(region)).flatten();
            return in_regions.filter_map(|&i| Some((close(&self.cities[i as usize].key)?, i))).collect();
        }
        self.by_name
            .iter()
            .filter_map(|(name, ids)| Some((close(name)?, ids)))
            .filter_map(|(edits, ids)| {
                let city = ids.iter().copied().find(|&i| qualifier.admits(&self.cities[i as usize]))?;
                Some((edits, city))
            })
            .collect()
    }
}

/// Found towns, the largest first: one that stands out, or a question.
fn choose(mut found: Vec<&City>) -> Lookup {
    found.sort_by_key(|city| std::cmp::Reverse(city.population));
    let mut distinct: Vec<(u32, Place)> = Vec::new();
    for city in found {
        let place = city.place();
        if distinct.len() < MOST_CANDIDATES && !distinct.iter().any(|(_, known)| known.label == place.label) {
            distinct.push((city.population, place));
        }
    }
    let largest = f64::from(distinct.first().map_or(0, |(population, _)| *population));
    let rival = distinct.get(1).is_some_and(|(population, _)| f64::from(*population) >= largest * AMBIGUOUS_SHARE);
    let mut places: Vec<Place> = distinct.into_iter().map(|(_, place)| place).collect();
    if rival {
        Lookup::Ambiguous(places)
    } else {
        Lookup::Found(places.swap_remove(0))
    }
}

/// Every reading of the words after a town as a region, a country, or a
/// region then its country; `[NONE]` for no words, empty when they are neither.
fn qualifiers(rest: &[String]) -> Vec<Qualifier<'static>> {
    if rest.is_empty() {
        return vec![Qualifier::NONE];
    }
    let mut readings = Vec::new();
    for split in 0..=rest.len() {
        let (region, country) = (&rest[..split], &rest[split..]);
        let regions = match region {
            [] => Some(&[][..]),
            words => Some(NAMES.regions(&words.join(" "))).filter(|regions| !regions.is_empty()),
        };
        let country = match country {
            [] => Some(None),
            words => NAMES.country(&words.join(" ")).map(Some),
        };
        if let (Some(regions), Some(country)) = (regions, country) {
            readings.push(Qualifier { regions, country });
        }
    }
    readings
}

/// `qualifiers`, or failing them the regions whose names are spelt close to the words.
fn qualifiers_close_to(rest: &[String]) -> Vec<Qualifier<'static>> {
    let exact = qualifiers(rest);
    if !exact.is_empty() {
        return exact;
    }
    let typed = rest.join(" ");
    let limit = allowed_edits(typed.len());
    NAMES
        .region_words()
        .filter(|(name, _)| distance_within(typed.as_bytes(), name.as_bytes(), limit).is_some())
        .map(|(_, regions)| Qualifier { regions, country: None })
        .collect()
}

/// Whether the words before a postal code end with a region's name or abbreviation ("OR 97201").
fn ends_with_region(before: &[&str]) -> bool {
    (1..=before.len().min(4))
        .any(|take| !NAMES.regions(&normalize(&before[before.len() - take..].join(" "))).is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn landed(text: &str) -> String {
        match Gazetteer::shared().look_up(text) {
            Lookup::Found(place) => format!("{} [{}]", place.label, place.region.unwrap_or_default()),
            other => format!("{other:?}"),
        }
    }

    /// Fails naming every typed text that lands elsewhere than wanted.
    fn assert_lands(typed: &[(&str, &str)]) {
        let wrong: Vec<String> = typed
            .iter()
            .filter(|(text, want)| landed(text) != *want)
            .map(|(text, want)| format!("{text}: {} (want {want})", landed(text)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn towns_are_found_as_people_type_them() {
        let typed = [
            ("Seattle WA", "Seattle, WA [US-WA]"),
            ("seattle, washington", "Seattle, WA [US-WA]"),
            ("Portland, Oregon", "Portland, OR [US-OR]"),
            ("portland or", "Portland, OR [US-OR]"),
            ("Marfa Texas", "Marfa, TX [US-TX]"),
            ("Saint Louis MO", "St. Louis, MO [US-MO]"),
            ("St Louis MO", "St. Louis, MO [US-MO]"),
            ("Ft Worth, TX", "Fort Worth, TX [US-TX]"),
            ("Mt Vernon, WA", "Mount Vernon, WA [US-WA]"),
            ("New York", "New York City, NY [US-NY]"),
            ("NYC", "New York City, NY [US-NY]"),
            ("new york, ny", "New York City, NY [US-NY]"),
            ("LA", "Los Angeles, CA [US-CA]"),
            ("DC", "Washington, DC [US-DC]"),
            ("Washington, D.C.", "Washington, DC [US-DC]"),
            ("Kansas City Kansas", "Kansas City, KS [US-KS]"),
            ("Toronto Ontario", "Toronto, Ontario [CA-ON]"),
            ("Victoria BC", "Victoria, British Columbia [CA-BC]"),
            ("Perth, Western Australia", "Perth, Western Australia [AU-WA]"),
            ("perth wa", "Perth, Western Australia [AU-WA]"),
            ("Edinburgh, Scotland", "Edinburgh, Scotland [GB-SCT]"),
            ("London, UK", "London, England [GB-ENG]"),
            ("Portland, OR, USA", "Portland, OR [US-OR]"),
            ("Paris, FR", "Paris, FR []"),
            ("Toronto, CA", "Toronto, Ontario [CA-ON]"),
            ("Salt Lake City, Utah", "Salt Lake City, UT [US-UT]"),
            ("Port Washington, NY", "Port Washington, NY [US-NY]"),
            ("Santa Fe, Nuevo México", "Santa Fe, NM [US-NM]"),
        ];
        assert_lands(&typed);
    }

    #[test]
    fn postal_codes_are_found() {
        let typed = [
            ("97201", "97201 [US-OR]"),
            ("79843-1234", "79843 [US-TX]"),
            ("Portland, OR 97201", "97201 [US-OR]"),
            ("M5V 2T6", "M5V 2T6 [CA-ON]"),
            ("k1a0b1", "K1A 0B1 [CA-ON]"),
            ("SW1A 1AA", "SW1A 1AA [GB-ENG]"),
            ("eh1 1yz", "EH1 1YZ [GB-SCT]"),
            ("CF10", "CF10 [GB-WLS]"),
            ("2000", "2000 [AU-NSW]"),
            ("Sydney NSW 2000", "2000 [AU-NSW]"),
            ("3000, Australia", "3000 [AU-VIC]"),
        ];
        assert_lands(&typed);
        assert_eq!(Gazetteer::shared().look_up("BT1 1AA"), Lookup::NotFound(Vec::new()), "no Northern Irish data");
    }

    fn labels(places: Vec<Place>) -> Vec<String> {
        places.into_iter().map(|place| place.label).collect()
    }

    #[test]
    fn a_name_several_towns_share_is_a_question() {
        let Lookup::Ambiguous(springfields) = Gazetteer::shared().look_up("Springfield") else { panic!("a question") };
        assert_eq!(
            labels(springfields)[..4],
            ["Springfield, MO", "Springfield, MA", "Springfield, IL", "Springfield, OR"]
        );
        let Lookup::Ambiguous(portlands) = Gazetteer::shared().look_up("portland") else { panic!("a question") };
        assert_eq!(labels(portlands)[..2], ["Portland, OR", "Portland, ME"]);
        assert!(matches!(Gazetteer::shared().look_up("Paris"), Lookup::Found(place) if place.label == "Paris, FR"));
    }

    #[test]
    fn a_misspelt_town_gets_close_spellings() {
        let Lookup::NotFound(close) = Gazetteer::shared().look_up("Portlnd, OR") else { panic!("not found") };
        assert_eq!(labels(close).first().map(String::as_str), Some("Portland, OR"));
        let Lookup::NotFound(close) = Gazetteer::shared().look_up("Seatle") else { panic!("not found") };
        assert_eq!(labels(close).first().map(String::as_str), Some("Seattle, WA"));
        let Lookup::NotFound(close) = Gazetteer::shared().look_up("Portland, Oregn") else { panic!("not found") };
        assert_eq!(labels(close).first().map(String::as_str), Some("Portland, OR"));
        assert_eq!(Gazetteer::shared().look_up("Xqzzyx"), Lookup::NotFound(Vec::new()));
    }
}
