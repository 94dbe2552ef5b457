//! ISO code lists used to check countries, regions and languages. Their names,
//! in each language, are in the message catalogue (`country-US`,
//! `region-US-OR`, `language-es`).

/// ISO 3166-1 alpha-2 country codes (officially assigned).
const COUNTRIES: &str =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ \
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR \
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP \
KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT \
MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW \
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG \
UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// The first-level subdivisions (ISO 3166-2) of the `REGION_COUNTRIES`, which
/// pages name (`region-<code>` in the message catalogue): US states, the
/// District of Columbia and the outlying areas; Canadian provinces and
/// territories; the UK's four nations; Australian states and territories. The
/// UK's lower levels (counties, council areas, boroughs) are valid codes too,
/// but not named.
const REGIONS: &str =
    "US-AK US-AL US-AR US-AS US-AZ US-CA US-CO US-CT US-DC US-DE US-FL US-GA US-GU US-HI US-IA US-ID US-IL US-IN \
US-KS US-KY US-LA US-MA US-MD US-ME US-MI US-MN US-MO US-MP US-MS US-MT US-NC US-ND US-NE US-NH US-NJ US-NM US-NV \
US-NY US-OH US-OK US-OR US-PA US-PR US-RI US-SC US-SD US-TN US-TX US-UM US-UT US-VA US-VI US-VT US-WA US-WI US-WV \
US-WY \
CA-AB CA-BC CA-MB CA-NB CA-NL CA-NS CA-NT CA-NU CA-ON CA-PE CA-QC CA-SK CA-YT \
GB-ENG GB-NIR GB-SCT GB-WLS \
AU-ACT AU-NSW AU-NT AU-QLD AU-SA AU-TAS AU-VIC AU-WA";

/// The countries whose regions pages name.
pub const REGION_COUNTRIES: [&str; 4] = ["US", "CA", "GB", "AU"];

/// The countries whose region codes must be one of their named regions; any
/// other country takes `OTHER_REGION_PATTERN`.
pub const LISTED_REGION_COUNTRIES: [&str; 3] = ["US", "CA", "AU"];

/// The region codes of a country outside `LISTED_REGION_COUNTRIES`, as a
/// regular expression: one to three capital letters or digits.
pub const OTHER_REGION_PATTERN: &str = "[0-9A-Z]{1,3}";

/// ISO 639-1 two-letter language codes.
const LANGUAGES: &str = "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy \
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik \
io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt \
my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so \
sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// ISO 639-3 codes of languages without an ISO 639-1 code that clinicians
/// and community directories here list: sign languages, the Chinese
/// languages, Indigenous languages of the Americas, Arabic and Kurdish
/// varieties, Philippine languages, creoles.
const LANGUAGES_639_3: &str = "acm apc arz ary ase bfi bho ceb chr ckb cmn fil hak haw hmn ilo jam kea kmr lkt \
mai mam mfs nan pap prs quc tzh tzo wuu yua yue zap";

fn listed(list: &str, code: &str) -> bool {
    !code.is_empty() && !code.contains(' ') && list.split_ascii_whitespace().any(|c| c == code)
}

pub fn is_country(code: &str) -> bool {
    code.len() == 2 && listed(COUNTRIES, code)
}

/// Every ISO 3166-1 alpha-2 code, in alphabetical order.
pub fn country_codes() -> impl Iterator<Item = &'static str> {
    COUNTRIES.split_ascii_whitespace()
}

/// Whether listings keep `code` as it is: an ISO 639-1 code, or an ISO
/// 639-3 code of `LANGUAGES_639_3`.
pub fn is_language(code: &str) -> bool {
    language_index(code).is_some()
}

/// The code a listing keeps for a language given by its ISO 639-1 or ISO
/// 639-3 code in any case: the ISO 639-1 code where the language has one
/// ("spa" → "es"), else the ISO 639-3 code ("yue"); `None` for a code that
/// names no language, or one the directory has no name for.
pub fn language_code(code: &str) -> Option<&'static str> {
    let code = code.trim().to_ascii_lowercase();
    let kept = language_codes().binary_search(&code.as_str()).ok().map(|index| language_codes()[index]);
    kept.or_else(|| isolang::Language::from_639_3(&code)?.to_639_1().filter(|short| is_language(short)))
}

/// The English name of any ISO 639-3 code (`None` for other codes): a name
/// to tell a moderator what an import could not keep.
pub fn language_name_639_3(code: &str) -> Option<&'static str> {
    isolang::Language::from_639_3(&code.trim().to_ascii_lowercase()).map(|language| language.to_name())
}

/// The codes of `is_language` in alphabetical order, for compact bit sets.
pub fn language_codes() -> &'static [&'static str] {
    static CODES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        let mut codes: Vec<&str> =
            LANGUAGES.split_ascii_whitespace().chain(LANGUAGES_639_3.split_ascii_whitespace()).collect();
        codes.sort_unstable();
        codes
    });
    &CODES
}

/// The position of a language in `language_codes` (kept in alphabetical order).
pub fn language_index(code: &str) -> Option<usize> {
    language_codes().binary_search(&code).ok()
}

/// Whether `region` is a subdivision code of `country` (the part after the
/// hyphen in ISO 3166-2). Countries whose lists are not kept here, and the
/// UK's lower levels, accept any one to three uppercase letters or digits.
pub fn is_region_of(country: &str, region: &str) -> bool {
    if LISTED_REGION_COUNTRIES.contains(&country) {
        regions().any(|code| code.split_once('-') == Some((country, region)))
    } else {
        (1..=3).contains(&region.len()) && region.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    }
}

/// A regular expression matching exactly the codes `is_subdivision` takes,
/// for documents that state the rule (JSON Schema reads it as ECMA 262 does).
pub fn subdivision_pattern() -> String {
    let listed =
        LISTED_REGION_COUNTRIES.iter().map(|country| format!("{country}-({})", region_codes_of(country).join("|")));
    let others: Vec<&str> = country_codes().filter(|country| !LISTED_REGION_COUNTRIES.contains(country)).collect();
    let others = format!("({})-{OTHER_REGION_PATTERN}", others.join("|"));
    format!("^({})$", listed.chain([others]).collect::<Vec<_>>().join("|"))
}

/// The named regions of a country without the country ("AL", …), as a
/// listing's `region` gives them.
pub fn region_codes_of(country: &str) -> Vec<&'static str> {
    regions_of(country).into_iter().filter_map(|code| code.split_once('-').map(|(_, region)| region)).collect()
}

/// Whether `code` is an ISO 3166-2 subdivision such as `US-OR`.
pub fn is_subdivision(code: &str) -> bool {
    match code.split_once('-') {
        Some((country, region)) => is_country(country) && is_region_of(country, region),
        None => false,
    }
}

/// Whether `code` is a first-level subdivision of one of the
/// `REGION_COUNTRIES`, which pages can name ("US-OR", "GB-SCT"; not "GB-KEN").
pub fn is_named_region(code: &str) -> bool {
    regions().any(|named| named == code)
}

/// Whether `code` names a US state or territory ("OR", without the country).
pub fn is_us_region(code: &str) -> bool {
    is_region_of("US", code)
}

/// The named regions of a country as ISO 3166-2 codes ("US-AL", …); empty for
/// a country outside `REGION_COUNTRIES`.
pub fn regions_of(country: &str) -> Vec<&'static str> {
    regions().filter(|code| code.split_once('-').is_some_and(|(of, _)| of == country)).collect()
}

fn regions() -> impl Iterator<Item = &'static str> {
    REGIONS.split_ascii_whitespace()
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
        assert!(is_subdivision("GB-KEN") && is_subdivision("FR-75"));
        assert!(!is_subdivision("OR") && !is_subdivision("US-") && !is_subdivision("US-US-OR"));
        assert!(is_us_region("OR") && is_us_region("PR") && !is_us_region("ON") && !is_us_region(""));
        assert!(is_region_of("CA", "QC") && !is_region_of("CA", "OR") && is_region_of("AU", "NSW"));
    }

    #[test]
    fn languages_are_kept_by_their_shortest_code() {
        assert_eq!(language_code("spa"), Some("es"));
        assert_eq!(language_code("ES"), Some("es"));
        assert_eq!(language_code("yue"), Some("yue"));
        assert_eq!(language_code("ase"), Some("ase"));
        assert_eq!(language_code("xx"), None);
        assert_eq!(language_code("tlh"), None, "Klingon has an ISO 639-3 code but no name here");
        assert_eq!(language_name_639_3("tlh"), Some("Klingon"));
    }

    #[test]
    fn the_code_lists_have_every_code_once() {
        let codes = |list: &'static str| list.split_ascii_whitespace().collect::<Vec<_>>();
        for list in [COUNTRIES, LANGUAGES, LANGUAGES_639_3, REGIONS] {
            let mut sorted = codes(list);
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), codes(list).len());
        }
        assert_eq!(codes(COUNTRIES).len(), 249);
        assert_eq!(codes(LANGUAGES).len(), 183);
        assert!(language_codes().len() <= 256, "a listing's languages are a 256-bit set in the index");
        assert!(codes(LANGUAGES_639_3)
            .iter()
            .all(|code| isolang::Language::from_639_3(code).is_some_and(|language| language.to_639_1().is_none())));
    }

    #[test]
    fn the_subdivision_pattern_takes_exactly_the_codes_is_subdivision_takes() {
        let pattern = regex::Regex::new(&subdivision_pattern()).unwrap();
        let mut samples: Vec<String> = regions().map(str::to_string).collect();
        samples.extend(
            ["GB-KEN", "FR-75", "DE-BY", "JP-13", "US-XX", "US-or", "CA-OR", "AU-TASX", "FR-7501"].map(String::from),
        );
        samples.extend(["UK-ENG", "US", "US-", "-OR", "US-US-OR", "fr-75", "FR-", "FR-7 5"].map(String::from));
        for code in &samples {
            assert_eq!(pattern.is_match(code), is_subdivision(code), "{code}");
        }
        assert_eq!(region_codes_of("AU"), ["ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA"]);
    }

    #[test]
    fn the_named_regions_are_the_first_level_of_four_countries() {
        let counts: Vec<usize> = REGION_COUNTRIES.iter().map(|country| regions_of(country).len()).collect();
        assert_eq!(counts, [57, 13, 4, 8]);
        assert_eq!(regions().count(), 57 + 13 + 4 + 8);
        assert!(regions().all(|code| is_subdivision(code) && is_named_region(code)));
        assert!(REGION_COUNTRIES.iter().all(|country| is_country(country)));
        assert!(is_named_region("GB-SCT") && is_named_region("US-DC") && is_named_region("AU-ACT"));
        assert!(!is_named_region("US-XX") && !is_named_region("OR") && !is_named_region("GB-KEN"));
        assert!(regions_of("FR").is_empty() && regions_of("").is_empty() && regions_of("U").is_empty());
    }
}
