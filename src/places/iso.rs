//! ISO code lists used to check countries, regions and languages, and their
//! English names.

use std::collections::HashMap;
use std::sync::OnceLock;

/// ISO 3166-1 alpha-2 country codes (officially assigned).
const COUNTRIES: &str =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ \
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR \
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP \
KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT \
MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW \
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG \
UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// US states, the District of Columbia and the inhabited territories (ISO 3166-2:US).
const US_REGIONS: &str = "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ \
NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC AS GU MP PR UM VI";

/// Canadian provinces and territories (ISO 3166-2:CA).
const CA_REGIONS: &str = "AB BC MB NB NL NS NT NU ON PE QC SK YT";

/// Australian states and territories (ISO 3166-2:AU).
const AU_REGIONS: &str = "ACT NSW NT QLD SA TAS VIC WA";

/// ISO 639-1 two-letter language codes.
const LANGUAGES: &str = "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy \
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik \
io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt \
my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so \
sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// English short names of the countries in `COUNTRIES`, as `code name` entries between bars.
const COUNTRY_NAMES: &str = "AD Andorra|AE United Arab Emirates|AF Afghanistan|AG Antigua and Barbuda|AI Anguilla|\
AL Albania|AM Armenia|AO Angola|AQ Antarctica|AR Argentina|AS American Samoa|AT Austria|AU Australia|AW Aruba|\
AX Åland Islands|AZ Azerbaijan|BA Bosnia and Herzegovina|BB Barbados|BD Bangladesh|BE Belgium|BF Burkina Faso|\
BG Bulgaria|BH Bahrain|BI Burundi|BJ Benin|BL Saint Barthélemy|BM Bermuda|BN Brunei|BO Bolivia|\
BQ Bonaire, Sint Eustatius and Saba|BR Brazil|BS Bahamas|BT Bhutan|BV Bouvet Island|BW Botswana|BY Belarus|BZ Belize|\
CA Canada|CC Cocos (Keeling) Islands|CD Democratic Republic of the Congo|CF Central African Republic|\
CG Republic of the Congo|CH Switzerland|CI Côte d'Ivoire|CK Cook Islands|CL Chile|CM Cameroon|CN China|CO Colombia|\
CR Costa Rica|CU Cuba|CV Cabo Verde|CW Curaçao|CX Christmas Island|CY Cyprus|CZ Czechia|DE Germany|DJ Djibouti|\
DK Denmark|DM Dominica|DO Dominican Republic|DZ Algeria|EC Ecuador|EE Estonia|EG Egypt|EH Western Sahara|ER Eritrea|\
ES Spain|ET Ethiopia|FI Finland|FJ Fiji|FK Falkland Islands|FM Micronesia|FO Faroe Islands|FR France|GA Gabon|\
GB United Kingdom|GD Grenada|GE Georgia|GF French Guiana|GG Guernsey|GH Ghana|GI Gibraltar|GL Greenland|GM Gambia|\
GN Guinea|GP Guadeloupe|GQ Equatorial Guinea|GR Greece|GS South Georgia and the South Sandwich Islands|GT Guatemala|\
GU Guam|GW Guinea-Bissau|GY Guyana|HK Hong Kong|HM Heard Island and McDonald Islands|HN Honduras|HR Croatia|HT Haiti|\
HU Hungary|ID Indonesia|IE Ireland|IL Israel|IM Isle of Man|IN India|IO British Indian Ocean Territory|IQ Iraq|\
IR Iran|IS Iceland|IT Italy|JE Jersey|JM Jamaica|JO Jordan|JP Japan|KE Kenya|KG Kyrgyzstan|KH Cambodia|KI Kiribati|\
KM Comoros|KN Saint Kitts and Nevis|KP North Korea|KR South Korea|KW Kuwait|KY Cayman Islands|KZ Kazakhstan|LA Laos|\
LB Lebanon|LC Saint Lucia|LI Liechtenstein|LK Sri Lanka|LR Liberia|LS Lesotho|LT Lithuania|LU Luxembourg|LV Latvia|\
LY Libya|MA Morocco|MC Monaco|MD Moldova|ME Montenegro|MF Saint Martin (French part)|MG Madagascar|\
MH Marshall Islands|MK North Macedonia|ML Mali|MM Myanmar|MN Mongolia|MO Macao|MP Northern Mariana Islands|\
MQ Martinique|MR Mauritania|MS Montserrat|MT Malta|MU Mauritius|MV Maldives|MW Malawi|MX Mexico|MY Malaysia|\
MZ Mozambique|NA Namibia|NC New Caledonia|NE Niger|NF Norfolk Island|NG Nigeria|NI Nicaragua|NL Netherlands|\
NO Norway|NP Nepal|NR Nauru|NU Niue|NZ New Zealand|OM Oman|PA Panama|PE Peru|PF French Polynesia|PG Papua New Guinea|\
PH Philippines|PK Pakistan|PL Poland|PM Saint Pierre and Miquelon|PN Pitcairn|PR Puerto Rico|PS Palestine|\
PT Portugal|PW Palau|PY Paraguay|QA Qatar|RE Réunion|RO Romania|RS Serbia|RU Russia|RW Rwanda|SA Saudi Arabia|\
SB Solomon Islands|SC Seychelles|SD Sudan|SE Sweden|SG Singapore|SH Saint Helena, Ascension and Tristan da Cunha|\
SI Slovenia|SJ Svalbard and Jan Mayen|SK Slovakia|SL Sierra Leone|SM San Marino|SN Senegal|SO Somalia|SR Suriname|\
SS South Sudan|ST Sao Tome and Principe|SV El Salvador|SX Sint Maarten (Dutch part)|SY Syria|SZ Eswatini|\
TC Turks and Caicos Islands|TD Chad|TF French Southern Territories|TG Togo|TH Thailand|TJ Tajikistan|TK Tokelau|\
TL Timor-Leste|TM Turkmenistan|TN Tunisia|TO Tonga|TR Türkiye|TT Trinidad and Tobago|TV Tuvalu|TW Taiwan|TZ Tanzania|\
UA Ukraine|UG Uganda|UM United States Minor Outlying Islands|US United States|UY Uruguay|UZ Uzbekistan|\
VA Vatican City|VC Saint Vincent and the Grenadines|VE Venezuela|VG British Virgin Islands|VI U.S. Virgin Islands|\
VN Vietnam|VU Vanuatu|WF Wallis and Futuna|WS Samoa|YE Yemen|YT Mayotte|ZA South Africa|ZM Zambia|ZW Zimbabwe";

/// English names of the languages in `LANGUAGES`.
const LANGUAGE_NAMES: &str = "aa Afar|ab Abkhazian|ae Avestan|af Afrikaans|ak Akan|am Amharic|an Aragonese|ar Arabic|\
as Assamese|av Avaric|ay Aymara|az Azerbaijani|ba Bashkir|be Belarusian|bg Bulgarian|bi Bislama|bm Bambara|\
bn Bengali|bo Tibetan|br Breton|bs Bosnian|ca Catalan|ce Chechen|ch Chamorro|co Corsican|cr Cree|cs Czech|\
cu Church Slavonic|cv Chuvash|cy Welsh|da Danish|de German|dv Dhivehi|dz Dzongkha|ee Ewe|el Greek|en English|\
eo Esperanto|es Spanish|et Estonian|eu Basque|fa Persian|ff Fula|fi Finnish|fj Fijian|fo Faroese|fr French|\
fy Western Frisian|ga Irish|gd Scottish Gaelic|gl Galician|gn Guarani|gu Gujarati|gv Manx|ha Hausa|he Hebrew|\
hi Hindi|ho Hiri Motu|hr Croatian|ht Haitian Creole|hu Hungarian|hy Armenian|hz Herero|ia Interlingua|id Indonesian|\
ie Interlingue|ig Igbo|ii Sichuan Yi|ik Inupiaq|io Ido|is Icelandic|it Italian|iu Inuktitut|ja Japanese|jv Javanese|\
ka Georgian|kg Kongo|ki Kikuyu|kj Kuanyama|kk Kazakh|kl Greenlandic|km Khmer|kn Kannada|ko Korean|kr Kanuri|\
ks Kashmiri|ku Kurdish|kv Komi|kw Cornish|ky Kyrgyz|la Latin|lb Luxembourgish|lg Ganda|li Limburgish|ln Lingala|\
lo Lao|lt Lithuanian|lu Luba-Katanga|lv Latvian|mg Malagasy|mh Marshallese|mi Māori|mk Macedonian|ml Malayalam|\
mn Mongolian|mr Marathi|ms Malay|mt Maltese|my Burmese|na Nauru|nb Norwegian Bokmål|nd North Ndebele|ne Nepali|\
ng Ndonga|nl Dutch|nn Norwegian Nynorsk|no Norwegian|nr South Ndebele|nv Navajo|ny Chichewa|oc Occitan|oj Ojibwa|\
om Oromo|or Odia|os Ossetian|pa Punjabi|pi Pali|pl Polish|ps Pashto|pt Portuguese|qu Quechua|rm Romansh|rn Rundi|\
ro Romanian|ru Russian|rw Kinyarwanda|sa Sanskrit|sc Sardinian|sd Sindhi|se Northern Sami|sg Sango|si Sinhala|\
sk Slovak|sl Slovenian|sm Samoan|sn Shona|so Somali|sq Albanian|sr Serbian|ss Swati|st Southern Sotho|su Sundanese|\
sv Swedish|sw Swahili|ta Tamil|te Telugu|tg Tajik|th Thai|ti Tigrinya|tk Turkmen|tl Tagalog|tn Tswana|to Tongan|\
tr Turkish|ts Tsonga|tt Tatar|tw Twi|ty Tahitian|ug Uyghur|uk Ukrainian|ur Urdu|uz Uzbek|ve Venda|vi Vietnamese|\
vo Volapük|wa Walloon|wo Wolof|xh Xhosa|yi Yiddish|yo Yoruba|za Zhuang|zh Chinese|zu Zulu";

/// English names of the first-level subdivisions (ISO 3166-2) of the countries
/// in `REGION_COUNTRIES`: US states, the District of Columbia and the outlying
/// areas; Canadian provinces and territories; the UK's four nations; Australian
/// states and territories. The UK's lower levels (counties, council areas,
/// boroughs) are not named here.
const REGION_NAMES: &str = "US-AK Alaska|US-AL Alabama|US-AR Arkansas|US-AS American Samoa|US-AZ Arizona|\
US-CA California|US-CO Colorado|US-CT Connecticut|US-DC District of Columbia|US-DE Delaware|US-FL Florida|\
US-GA Georgia|US-GU Guam|US-HI Hawaii|US-IA Iowa|US-ID Idaho|US-IL Illinois|US-IN Indiana|US-KS Kansas|\
US-KY Kentucky|US-LA Louisiana|US-MA Massachusetts|US-MD Maryland|US-ME Maine|US-MI Michigan|US-MN Minnesota|\
US-MO Missouri|US-MP Northern Mariana Islands|US-MS Mississippi|US-MT Montana|US-NC North Carolina|\
US-ND North Dakota|US-NE Nebraska|US-NH New Hampshire|US-NJ New Jersey|US-NM New Mexico|US-NV Nevada|US-NY New York|\
US-OH Ohio|US-OK Oklahoma|US-OR Oregon|US-PA Pennsylvania|US-PR Puerto Rico|US-RI Rhode Island|US-SC South Carolina|\
US-SD South Dakota|US-TN Tennessee|US-TX Texas|US-UM United States Minor Outlying Islands|US-UT Utah|US-VA Virginia|\
US-VI U.S. Virgin Islands|US-VT Vermont|US-WA Washington|US-WI Wisconsin|US-WV West Virginia|US-WY Wyoming|\
CA-AB Alberta|CA-BC British Columbia|CA-MB Manitoba|CA-NB New Brunswick|CA-NL Newfoundland and Labrador|\
CA-NS Nova Scotia|CA-NT Northwest Territories|CA-NU Nunavut|CA-ON Ontario|CA-PE Prince Edward Island|CA-QC Quebec|\
CA-SK Saskatchewan|CA-YT Yukon|GB-ENG England|GB-NIR Northern Ireland|GB-SCT Scotland|GB-WLS Wales|\
AU-ACT Australian Capital Territory|AU-NSW New South Wales|AU-NT Northern Territory|AU-QLD Queensland|\
AU-SA South Australia|AU-TAS Tasmania|AU-VIC Victoria|AU-WA Western Australia";

/// The countries whose regions are named, by code and English name.
pub const REGION_COUNTRIES: [(&str, &str); 4] =
    [("US", "United States"), ("CA", "Canada"), ("GB", "United Kingdom"), ("AU", "Australia")];

fn listed(list: &str, code: &str) -> bool {
    !code.is_empty() && !code.contains(' ') && list.split_ascii_whitespace().any(|c| c == code)
}

pub fn is_country(code: &str) -> bool {
    code.len() == 2 && listed(COUNTRIES, code)
}

pub fn is_language(code: &str) -> bool {
    code.len() == 2 && listed(LANGUAGES, code)
}

/// The ISO 639-1 codes in a fixed order, for compact bit sets.
pub fn language_codes() -> &'static [&'static str] {
    static CODES: std::sync::LazyLock<Vec<&'static str>> =
        std::sync::LazyLock::new(|| LANGUAGES.split_ascii_whitespace().collect());
    &CODES
}

/// The position of a language in `language_codes` (kept in alphabetical order).
pub fn language_index(code: &str) -> Option<usize> {
    language_codes().binary_search(&code).ok()
}

/// Whether `region` is a subdivision code of `country` (the part after the
/// hyphen in ISO 3166-2). Countries whose lists are not kept here accept any
/// one to three uppercase letters or digits.
pub fn is_region_of(country: &str, region: &str) -> bool {
    match country {
        "US" => listed(US_REGIONS, region),
        "CA" => listed(CA_REGIONS, region),
        "AU" => listed(AU_REGIONS, region),
        _ => (1..=3).contains(&region.len()) && region.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
    }
}

/// Whether `code` is an ISO 3166-2 subdivision such as `US-OR`.
pub fn is_subdivision(code: &str) -> bool {
    match code.split_once('-') {
        Some((country, region)) => is_country(country) && is_region_of(country, region),
        None => false,
    }
}

/// Whether `code` names a US state or territory.
pub fn is_us_region(code: &str) -> bool {
    listed(US_REGIONS, code)
}

/// The entries of a `code name|code name` table, in the table's order.
fn entries(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    table.split('|').filter_map(|entry| entry.trim().split_once(' '))
}

/// A table of names, read once into a map from code to name.
struct Names {
    table: &'static str,
    by_code: OnceLock<HashMap<&'static str, &'static str>>,
}

impl Names {
    const fn new(table: &'static str) -> Names {
        Names { table, by_code: OnceLock::new() }
    }

    fn get(&self, code: &str) -> Option<&'static str> {
        self.by_code.get_or_init(|| entries(self.table).collect()).get(code).copied()
    }
}

static COUNTRY: Names = Names::new(COUNTRY_NAMES);
static LANGUAGE: Names = Names::new(LANGUAGE_NAMES);
static REGION: Names = Names::new(REGION_NAMES);

/// The English short name of an ISO 3166-1 alpha-2 country code ("GB" → "United Kingdom").
pub fn country_name(code: &str) -> Option<&'static str> {
    COUNTRY.get(code)
}

/// The English name of an ISO 639-1 language code ("ht" → "Haitian Creole").
pub fn language_name(code: &str) -> Option<&'static str> {
    LANGUAGE.get(code)
}

/// The English name of a first-level ISO 3166-2 subdivision of one of the
/// `REGION_COUNTRIES` ("US-OR" → "Oregon", "GB-SCT" → "Scotland").
pub fn region_name(code: &str) -> Option<&'static str> {
    REGION.get(code)
}

/// The named regions of a country as `(code, name)`, by name; empty for a
/// country outside `REGION_COUNTRIES`.
pub fn regions_of(country: &str) -> Vec<(&'static str, &'static str)> {
    let mut regions: Vec<_> =
        entries(REGION_NAMES).filter(|(code, _)| code.split_once('-').is_some_and(|(of, _)| of == country)).collect();
    regions.sort_by_key(|&(_, name)| name);
    regions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_are_sorted_for_binary_search() {
        assert!(language_codes().windows(2).all(|pair| pair[0] < pair[1]));
        assert_eq!(language_index("aa"), Some(0));
        assert_eq!(language_codes()[language_index("zu").unwrap()], "zu");
    }

    #[test]
    fn knows_common_codes_and_refuses_made_up_ones() {
        assert!(is_country("US") && is_country("GB") && !is_country("UK") && !is_country("U"));
        assert!(is_language("en") && is_language("es") && !is_language("xx"));
        assert!(is_subdivision("US-OR") && is_subdivision("GB-ENG") && !is_subdivision("US-XX"));
        assert!(!is_subdivision("OR"));
    }

    /// Every code a list holds, then every entry of a table of names.
    fn codes(list: &'static str) -> Vec<&'static str> {
        list.split_ascii_whitespace().collect()
    }

    #[test]
    fn every_listed_country_and_language_has_a_name_and_no_other_code_does() {
        assert_eq!(entries(COUNTRY_NAMES).map(|(code, _)| code).collect::<Vec<_>>(), codes(COUNTRIES));
        assert_eq!(entries(LANGUAGE_NAMES).map(|(code, _)| code).collect::<Vec<_>>(), codes(LANGUAGES));
        let mut names = entries(COUNTRY_NAMES).chain(entries(LANGUAGE_NAMES)).chain(entries(REGION_NAMES));
        assert!(names.all(|(_, name)| !name.is_empty() && name.trim() == name && !name.contains("  ")));
        assert_eq!(codes(COUNTRIES).len(), 249);
        assert_eq!(codes(LANGUAGES).len(), 183);
    }

    #[test]
    fn every_region_of_the_four_countries_has_a_name() {
        for (country, list) in [("US", US_REGIONS), ("CA", CA_REGIONS), ("AU", AU_REGIONS), ("GB", "ENG NIR SCT WLS")] {
            let mut named: Vec<&str> = regions_of(country)
                .iter()
                .map(|(code, _)| code.split_once('-').map_or("", |(_, region)| region))
                .collect();
            let mut listed = codes(list);
            named.sort_unstable();
            listed.sort_unstable();
            assert_eq!(named, listed, "{country}");
        }
        assert!(entries(REGION_NAMES).all(|(code, _)| is_subdivision(code)));
        assert_eq!(entries(REGION_NAMES).count(), 57 + 13 + 4 + 8);
        assert!(REGION_COUNTRIES.iter().all(|&(code, name)| country_name(code) == Some(name)));
    }

    #[test]
    fn regions_come_in_name_order() {
        for (country, _) in REGION_COUNTRIES {
            let regions = regions_of(country);
            assert!(regions.windows(2).all(|pair| pair[0].1 < pair[1].1), "{country}");
        }
        assert_eq!(regions_of("GB").first(), Some(&("GB-ENG", "England")));
        assert_eq!(regions_of("CA").first(), Some(&("CA-AB", "Alberta")));
        assert!(regions_of("FR").is_empty() && regions_of("").is_empty() && regions_of("U").is_empty());
    }

    #[test]
    fn names_read_as_people_say_them() {
        let regions = [
            ("US-OR", "Oregon"),
            ("US-DC", "District of Columbia"),
            ("US-PR", "Puerto Rico"),
            ("US-VI", "U.S. Virgin Islands"),
            ("CA-QC", "Quebec"),
            ("CA-NL", "Newfoundland and Labrador"),
            ("GB-SCT", "Scotland"),
            ("GB-NIR", "Northern Ireland"),
            ("AU-NSW", "New South Wales"),
            ("AU-ACT", "Australian Capital Territory"),
        ];
        for (code, name) in regions {
            assert_eq!(region_name(code), Some(name));
        }
        let languages = [("en", "English"), ("es", "Spanish"), ("zh", "Chinese"), ("ht", "Haitian Creole")];
        for (code, name) in languages {
            assert_eq!(language_name(code), Some(name));
        }
        let countries =
            [("US", "United States"), ("GB", "United Kingdom"), ("KR", "South Korea"), ("CI", "Côte d'Ivoire")];
        for (code, name) in countries {
            assert_eq!(country_name(code), Some(name));
        }
        assert_eq!(region_name("US-XX"), None);
        assert_eq!(region_name("OR"), None);
        assert_eq!(region_name("GB-KEN"), None);
        assert_eq!(language_name("EN"), None);
        assert_eq!(country_name("UK"), None);
        assert_eq!(country_name("us"), None);
    }
}
