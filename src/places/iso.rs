//! ISO code lists used to check countries, regions and languages.

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
}
