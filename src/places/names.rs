//! The words people type for regions and countries, and the common names
//! of a few cities, as the place parser matches them: after `normalize`.

use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Each named region (`iso::is_named_region`): its ISO 3166-2 code, then its
/// English name (the one labels use), then other names people write for it,
/// the Spanish ones among them; its postal abbreviation (the code's second
/// part) is always taken too.
const REGIONS: &str = "\
US-AK Alaska
US-AL Alabama
US-AR Arkansas
US-AS American Samoa|Samoa Americana
US-AZ Arizona
US-CA California|Calif
US-CO Colorado
US-CT Connecticut
US-DC District of Columbia|Distrito de Columbia|D C
US-DE Delaware
US-FL Florida|Fla
US-GA Georgia
US-GU Guam
US-HI Hawaii|Hawái
US-IA Iowa
US-ID Idaho
US-IL Illinois
US-IN Indiana
US-KS Kansas
US-KY Kentucky
US-LA Louisiana|Luisiana
US-MA Massachusetts|Mass
US-MD Maryland
US-ME Maine
US-MI Michigan|Míchigan
US-MN Minnesota
US-MO Missouri|Misuri
US-MP Northern Mariana Islands|Islas Marianas del Norte
US-MS Mississippi|Misisipi
US-MT Montana
US-NC North Carolina|Carolina del Norte|N Carolina
US-ND North Dakota|Dakota del Norte|N Dakota
US-NE Nebraska
US-NH New Hampshire|Nuevo Hampshire
US-NJ New Jersey|Nueva Jersey
US-NM New Mexico|Nuevo México
US-NV Nevada
US-NY New York|Nueva York
US-OH Ohio
US-OK Oklahoma
US-OR Oregon|Oregón
US-PA Pennsylvania|Pensilvania|Penn
US-PR Puerto Rico
US-RI Rhode Island
US-SC South Carolina|Carolina del Sur|S Carolina
US-SD South Dakota|Dakota del Sur|S Dakota
US-TN Tennessee|Tenn
US-TX Texas|Tex
US-UM United States Minor Outlying Islands|Islas menores alejadas de EE. UU.
US-UT Utah
US-VA Virginia
US-VI U.S. Virgin Islands|Islas Vírgenes de EE. UU.|Virgin Islands
US-VT Vermont
US-WA Washington|Wash
US-WI Wisconsin
US-WV West Virginia|Virginia Occidental|W Virginia
US-WY Wyoming
CA-AB Alberta
CA-BC British Columbia|Columbia Británica
CA-MB Manitoba
CA-NB New Brunswick|Nuevo Brunswick
CA-NL Newfoundland and Labrador|Terranova y Labrador|Newfoundland|Labrador|Nfld
CA-NS Nova Scotia|Nueva Escocia
CA-NT Northwest Territories|Territorios del Noroeste|NWT
CA-NU Nunavut
CA-ON Ontario|Ont
CA-PE Prince Edward Island|Isla del Príncipe Eduardo|PEI
CA-QC Quebec|Québec
CA-SK Saskatchewan|Sask
CA-YT Yukon|Yukón|Yukon Territory
GB-ENG England|Inglaterra
GB-NIR Northern Ireland|Irlanda del Norte|NI
GB-SCT Scotland|Escocia
GB-WLS Wales|Gales
AU-ACT Australian Capital Territory|Territorio de la Capital Australiana
AU-NSW New South Wales|Nueva Gales del Sur
AU-NT Northern Territory|Territorio del Norte
AU-QLD Queensland|Qld
AU-SA South Australia|Australia Meridional
AU-TAS Tasmania
AU-VIC Victoria
AU-WA Western Australia|Australia Occidental";

/// Names of the countries whose regions are named, besides their ISO codes
/// (which every country is known by).
const COUNTRIES: &str = "\
US United States|United States of America|USA|U S|U S A|America|Estados Unidos|EEUU|EE UU
CA Canada|Canadá
GB United Kingdom|UK|U K|Great Britain|Britain|Reino Unido|Gran Bretaña
AU Australia|Aus";

/// What people call a few large cities, beside their gazetteer names:
/// `name people type|…=gazetteer name, region`.
pub(super) const CITY_ALIASES: &str = "\
nyc|new york=New York City, US-NY
la=Los Angeles, US-CA
dc|washington dc=Washington, US-DC";

/// The table's words, normalised, each with the regions or country it names.
pub(super) struct Names {
    /// Normalised name or abbreviation → ISO 3166-2 codes ("wa" → US-WA, AU-WA).
    regions: HashMap<String, Vec<&'static str>>,
    /// Normalised name → ISO 3166-1 code.
    countries: HashMap<String, &'static str>,
    /// ISO 3166-2 code → English name.
    english: HashMap<&'static str, &'static str>,
}

pub(super) static NAMES: LazyLock<Names> = LazyLock::new(Names::build);

impl Names {
    fn build() -> Names {
        let mut regions: HashMap<String, Vec<&'static str>> = HashMap::new();
        let mut english = HashMap::new();
        for (code, names) in table(REGIONS) {
            english.insert(code, names[0]);
            let abbreviation = code.split_once('-').map_or(code, |(_, region)| region);
            for name in names.iter().copied().chain([abbreviation]) {
                let codes = regions.entry(normalize(name)).or_default();
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
        let mut countries = HashMap::new();
        for (code, names) in table(COUNTRIES) {
            for name in names {
                countries.insert(normalize(name), code);
            }
        }
        Names { regions, countries, english }
    }

    /// The regions a normalised word or phrase names, if any.
    pub(super) fn regions(&self, phrase: &str) -> &[&'static str] {
        self.regions.get(phrase).map_or(&[], Vec::as_slice)
    }

    /// The country a normalised phrase names: one of ours by name, or any by its ISO code.
    pub(super) fn country(&self, phrase: &str) -> Option<&'static str> {
        if let Some(code) = self.countries.get(phrase) {
            return Some(code);
        }
        let upper = phrase.to_ascii_uppercase();
        super::iso::country_codes().find(|code| *code == upper)
    }

    /// The named region with this ISO 3166-2 code, as a code that lives as long as the process.
    pub(super) fn named(&self, code: &str) -> Option<&'static str> {
        self.english.get_key_value(code).map(|(code, _)| *code)
    }

    /// A region's English name ("CA-ON" → "Ontario").
    pub(super) fn english(&self, code: &str) -> Option<&'static str> {
        self.english.get(code).copied()
    }

    /// Every normalised region name, for close spellings.
    pub(super) fn region_words(&self) -> impl Iterator<Item = (&str, &[&'static str])> {
        self.regions.iter().map(|(name, codes)| (name.as_str(), codes.as_slice()))
    }
}

/// `CODE Name|Other name` lines as `(code, names)`.
fn table(lines: &'static str) -> impl Iterator<Item = (&'static str, Vec<&'static str>)> {
    lines.lines().filter_map(|line| {
        let (code, names) = line.split_once(' ')?;
        Some((code, names.split('|').collect()))
    })
}

/// Case-, accent- and punctuation-insensitive form of a place name.
pub fn normalize(name: &str) -> String {
    let folded: String = name
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c == '-' || c == '\'' || c == '.' || c == '’' { ' ' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key a town's name is filed under: normalised, with the words written
/// short or long in town names made one ("Saint Louis", "St. Louis" → "st louis";
/// "Ft Worth" → "fort worth"; "Mt Vernon" → "mount vernon").
pub fn town_key(normalized: &str) -> String {
    normalized
        .split(' ')
        .map(|word| match word {
            "saint" => "st",
            "sainte" => "ste",
            "ft" => "fort",
            "mt" => "mount",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::iso;

    #[test]
    fn every_named_region_has_its_names_and_abbreviation() {
        let names = &*NAMES;
        let named: Vec<&str> = iso::REGION_COUNTRIES.iter().flat_map(|country| iso::regions_of(country)).collect();
        for code in &named {
            let abbreviation = normalize(code.split_once('-').map_or("", |(_, region)| region));
            assert!(names.regions(&abbreviation).contains(code), "{code}");
            assert!(names.english(code).is_some(), "{code}");
        }
        assert_eq!(table(REGIONS).count(), named.len());
        assert_eq!(names.regions("wa"), ["US-WA", "AU-WA"]);
        assert_eq!(names.regions("nueva york"), ["US-NY"]);
        assert_eq!(names.country("reino unido"), Some("GB"));
        assert_eq!(names.country("fr"), Some("FR"));
        assert_eq!(names.country("zz"), None);
    }

    #[test]
    fn town_names_are_filed_with_their_short_words_made_one() {
        assert_eq!(town_key(&normalize("Saint Louis")), town_key(&normalize("St. Louis")));
        assert_eq!(town_key(&normalize("Ft Worth")), "fort worth");
        assert_eq!(town_key(&normalize("Mt. Vernon")), "mount vernon");
        assert_eq!(town_key(&normalize("Sainte-Foy")), "ste foy");
    }
}
