//! How a listing compares with its NPI's entry in the registry.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use utoipa::ToSchema;

use super::record::Provider;
use crate::domain::listing::ListingDetails;

/// What the registry says of a listing's NPI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The registry's name and state agree with the listing's.
    Matches,
    /// The name or the state differs: a red flag.
    Differs,
    /// The NPI is deactivated: a red flag.
    Deactivated,
    /// The loaded file has no such NPI, or no file is loaded.
    NotInFile,
}

/// What differs between a listing and its registry entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Difference {
    Name,
    State,
}

/// The verdict on a listing beside its entry (none when the file has none),
/// and what differs.
pub fn judge(listing: &ListingDetails, entry: Option<&Provider>) -> (Verdict, Vec<Difference>) {
    let Some(entry) = entry else { return (Verdict::NotInFile, Vec::new()) };
    if entry.is_deactivated() {
        return (Verdict::Deactivated, Vec::new());
    }
    let mut differences = Vec::new();
    if !same_person(listing, entry) {
        differences.push(Difference::Name);
    }
    if !same_state(listing, entry) {
        differences.push(Difference::State);
    }
    let verdict = if differences.is_empty() { Verdict::Matches } else { Verdict::Differs };
    (verdict, differences)
}

/// Lower case, accents off, and only letters and digits, as words.
pub fn fold(text: &str) -> Vec<String> {
    let plain: String = text
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { ' ' })
        .collect();
    plain.split_whitespace().map(str::to_string).collect()
}

/// The registry's first name and every word of its last name are among the
/// listing's names; middle names may be left out or given.
fn same_person(listing: &ListingDetails, entry: &Provider) -> bool {
    let words: Vec<String> = [listing.full_name.as_str(), &listing.family_name, &listing.given_names]
        .iter()
        .flat_map(|name| fold(name))
        .collect();
    let first = fold(&entry.first_name);
    let last = fold(&entry.last_name);
    let has = |word: &String| words.contains(word);
    !last.is_empty() && last.iter().all(has) && first.first().is_none_or(has)
}

/// The listing's state is the registry's practice state or one it is licensed in;
/// a listing outside the United States, or without a state, is not compared.
fn same_state(listing: &ListingDetails, entry: &Provider) -> bool {
    let Some(region) = listing.region.as_deref().map(str::trim).filter(|_| listing.country == "US") else {
        return true;
    };
    let region = region.to_ascii_uppercase();
    entry.state.as_deref().is_none_or(|state| state.eq_ignore_ascii_case(&region))
        || entry.licence_states.iter().any(|state| state.eq_ignore_ascii_case(&region))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(full_name: &str, region: &str) -> ListingDetails {
        let mut content: crate::domain::listing::ListingContent = serde_json::from_value(serde_json::json!({
            "full_name": full_name, "credentials": null, "profession": "physician", "specialty": "psychiatry",
            "taxonomy_code": null, "npi": "1234567893", "practice_name": null, "address_line": null,
            "city": "Portland", "region": region, "postal_code": null, "country": "US", "latitude": 45.5,
            "longitude": -122.6, "phone": null, "website": null, "public_email": null, "telehealth": false,
            "licensed_regions": [], "accepting_new_patients": true, "languages": ["en"], "taper_approaches": [],
            "criteria": [], "max_monthly_reduction_pct": null, "answers": {}, "statement": null,
            "location_source": "given", "contact_email": "a@example.org",
        }))
        .unwrap();
        content.details.family_name = String::new();
        content.details
    }

    fn entry(first: &str, last: &str, state: &str) -> Provider {
        Provider {
            npi: "1234567893".into(),
            first_name: first.into(),
            last_name: last.into(),
            middle_name: "Q".into(),
            state: Some(state.into()),
            licence_states: vec!["WA".into()],
            ..Provider::default()
        }
    }

    #[test]
    fn names_match_folded_with_titles_accents_and_middle_names_aside() {
        let entry = entry("JOSÉ", "GARCIA-LOPEZ", "OR");
        assert_eq!(judge(&listing("Dr. Jose María García López", "OR"), Some(&entry)), (Verdict::Matches, vec![]));
        assert_eq!(judge(&listing("Dr. Ana García López", "OR"), Some(&entry)).1, [Difference::Name]);
    }

    #[test]
    fn a_state_differs_unless_practised_or_licensed_there() {
        let entry = entry("ROWAN", "WHITFIELD", "OR");
        assert_eq!(judge(&listing("Rowan Whitfield", "WA"), Some(&entry)).0, Verdict::Matches);
        assert_eq!(judge(&listing("Rowan Whitfield", "TX"), Some(&entry)), (Verdict::Differs, vec![Difference::State]));
    }

    #[test]
    fn deactivated_and_absent_numbers_have_their_own_verdicts() {
        let mut deactivated = entry("ROWAN", "WHITFIELD", "OR");
        deactivated.deactivated_on = chrono::NaiveDate::from_ymd_opt(2026, 5, 1);
        assert_eq!(judge(&listing("Rowan Whitfield", "OR"), Some(&deactivated)).0, Verdict::Deactivated);
        assert_eq!(judge(&listing("Rowan Whitfield", "OR"), None).0, Verdict::NotInFile);
    }
}
