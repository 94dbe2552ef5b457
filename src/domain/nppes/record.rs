//! A dissemination file's row as the directory keeps it, read by column
//! name: individuals (entity type 1), and deactivated NPIs, which NPPES
//! writes with only the number and the date.

use chrono::NaiveDate;
use csv::ByteRecord;

const NPI: &str = "NPI";
const ENTITY_TYPE: &str = "Entity Type Code";
const LAST_NAME: &str = "Provider Last Name (Legal Name)";
const FIRST_NAME: &str = "Provider First Name";
const MIDDLE_NAME: &str = "Provider Middle Name";
const CREDENTIAL: &str = "Provider Credential Text";
const CITY: &str = "Provider Business Practice Location Address City Name";
const STATE: &str = "Provider Business Practice Location Address State Name";
const POSTAL_CODE: &str = "Provider Business Practice Location Address Postal Code";
const PHONE: &str = "Provider Business Practice Location Address Telephone Number";
const LAST_UPDATE: &str = "Last Update Date";
const DEACTIVATED: &str = "NPI Deactivation Date";
const REACTIVATED: &str = "NPI Reactivation Date";

/// Every column the directory reads that each file has; the numbered
/// taxonomy and licence columns are read as far as a file has them.
pub const REQUIRED: &[&str] = &[
    NPI,
    ENTITY_TYPE,
    LAST_NAME,
    FIRST_NAME,
    MIDDLE_NAME,
    CREDENTIAL,
    CITY,
    STATE,
    POSTAL_CODE,
    PHONE,
    LAST_UPDATE,
    DEACTIVATED,
    REACTIVATED,
];

/// How many taxonomies and licences a row has at most.
pub const NUMBERED: usize = 15;

/// A header without some of the columns the directory reads.
#[derive(Debug, thiserror::Error)]
#[error("this is not an NPPES data dissemination file: its header has no column {}", .0.join(", "))]
pub struct MissingColumns(pub Vec<&'static str>);

/// One taxonomy or licence group's columns.
#[derive(Debug, Clone, Copy)]
struct Numbered {
    taxonomy: usize,
    switch: Option<usize>,
    licence_state: Option<usize>,
}

/// Where each column the directory reads is in a file.
#[derive(Debug, Clone)]
pub struct Columns {
    fixed: Vec<usize>,
    numbered: Vec<Numbered>,
}

/// A provider of the registry, or a deactivated NPI with only its dates.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Provider {
    pub npi: String,
    pub last_name: String,
    pub first_name: String,
    pub middle_name: String,
    pub credential: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    pub phone: Option<String>,
    pub taxonomy_code: Option<String>,
    /// Each licence's state code once, in the file's order.
    pub licence_states: Vec<String>,
    pub last_update: Option<NaiveDate>,
    pub deactivated_on: Option<NaiveDate>,
    pub reactivated_on: Option<NaiveDate>,
}

impl Provider {
    /// Deactivated and not reactivated since.
    pub fn is_deactivated(&self) -> bool {
        is_deactivated(self.deactivated_on, self.reactivated_on)
    }
}

/// Whether an NPI deactivated on `deactivated` is still deactivated.
pub fn is_deactivated(deactivated: Option<NaiveDate>, reactivated: Option<NaiveDate>) -> bool {
    match (deactivated, reactivated) {
        (Some(off), Some(on)) => on < off,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// What a row is to the directory.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Individual(Provider),
    /// A deactivated NPI: the number and its dates only.
    Deactivated(Provider),
    /// An organization, or a row without a valid NPI.
    Skipped,
}

impl Columns {
    /// Finds the columns by name; a missing one is an error naming every one missing.
    pub fn from_header(header: &ByteRecord) -> Result<Columns, MissingColumns> {
        let names: Vec<String> =
            header.iter().map(|name| text(name).trim_start_matches('\u{feff}').to_string()).collect();
        let find = |wanted: &str| names.iter().position(|name| name == wanted);
        let missing: Vec<&'static str> = REQUIRED.iter().copied().filter(|name| find(name).is_none()).collect();
        if !missing.is_empty() {
            return Err(MissingColumns(missing));
        }
        let fixed = REQUIRED.iter().filter_map(|name| find(name)).collect();
        let numbered = (1..=NUMBERED)
            .map_while(|n| {
                Some(Numbered {
                    taxonomy: find(&format!("Healthcare Provider Taxonomy Code_{n}"))?,
                    switch: find(&format!("Healthcare Provider Primary Taxonomy Switch_{n}")),
                    licence_state: find(&format!("Provider License Number State Code_{n}")),
                })
            })
            .collect();
        Ok(Columns { fixed, numbered })
    }

    /// The field of a fixed column, trimmed; empty when the row is short.
    fn field(&self, record: &ByteRecord, name: &str) -> String {
        let at = REQUIRED.iter().position(|wanted| *wanted == name).and_then(|i| self.fixed.get(i));
        at.and_then(|at| record.get(*at)).map(|bytes| text(bytes).trim().to_string()).unwrap_or_default()
    }

    fn optional(&self, record: &ByteRecord, name: &str) -> Option<String> {
        Some(self.field(record, name)).filter(|value| !value.is_empty())
    }

    /// Reads one row; bytes that are not UTF-8 become U+FFFD.
    pub fn read(&self, record: &ByteRecord) -> Row {
        let npi = self.field(record, NPI);
        if npi.len() != 10 || !npi.bytes().all(|b| b.is_ascii_digit()) {
            return Row::Skipped;
        }
        let date = |name| date(&self.field(record, name));
        let provider = Provider {
            npi,
            last_update: date(LAST_UPDATE),
            deactivated_on: date(DEACTIVATED),
            reactivated_on: date(REACTIVATED),
            ..Provider::default()
        };
        match self.field(record, ENTITY_TYPE).as_str() {
            "1" => Row::Individual(self.individual(record, provider)),
            "" if provider.deactivated_on.is_some() => Row::Deactivated(provider),
            _ => Row::Skipped,
        }
    }

    fn individual(&self, record: &ByteRecord, provider: Provider) -> Provider {
        let numbered = |at: Option<usize>| at.and_then(|at| record.get(at)).map(|bytes| text(bytes).trim().to_string());
        let taxonomies: Vec<(String, bool)> = (self.numbered.iter())
            .filter_map(|group| {
                let code = numbered(Some(group.taxonomy)).filter(|code| !code.is_empty())?;
                Some((code, numbered(group.switch).is_some_and(|switch| switch.eq_ignore_ascii_case("Y"))))
            })
            .collect();
        let primary = taxonomies.iter().find(|(_, primary)| *primary).or(taxonomies.first());
        let mut licence_states: Vec<String> = Vec::new();
        for state in self.numbered.iter().filter_map(|group| numbered(group.licence_state)) {
            if !state.is_empty() && !licence_states.contains(&state) {
                licence_states.push(state);
            }
        }
        Provider {
            last_name: self.field(record, LAST_NAME),
            first_name: self.field(record, FIRST_NAME),
            middle_name: self.field(record, MIDDLE_NAME),
            credential: self.optional(record, CREDENTIAL),
            city: self.optional(record, CITY),
            state: self.optional(record, STATE),
            postal_code: self.optional(record, POSTAL_CODE),
            phone: self.optional(record, PHONE),
            taxonomy_code: primary.map(|(code, _)| code.clone()),
            licence_states,
            ..provider
        }
    }
}

fn text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// NPPES writes dates as `MM/DD/YYYY`; ISO dates are read too.
pub fn date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%m/%d/%Y").or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(extra: &[&str]) -> ByteRecord {
        let mut names: Vec<&str> = REQUIRED.to_vec();
        names.extend_from_slice(extra);
        ByteRecord::from(names)
    }

    fn row(columns: &[&str], values: &[(&str, &str)]) -> ByteRecord {
        ByteRecord::from(
            columns
                .iter()
                .map(|name| values.iter().find(|(n, _)| n == name).map_or("", |(_, v)| *v).to_string())
                .collect::<Vec<_>>(),
        )
    }

    #[test]
    fn a_header_without_the_columns_names_each_missing_one() {
        let error = Columns::from_header(&ByteRecord::from(vec!["NPI", "Name"])).unwrap_err();
        assert!(error.0.contains(&ENTITY_TYPE) && error.0.contains(&DEACTIVATED) && !error.0.contains(&NPI));
        assert!(error.to_string().starts_with("this is not an NPPES data dissemination file"));
    }

    #[test]
    fn an_individual_has_its_primary_taxonomy_and_each_licence_state_once() {
        let extra = [
            "Healthcare Provider Taxonomy Code_1",
            "Provider License Number State Code_1",
            "Healthcare Provider Primary Taxonomy Switch_1",
            "Healthcare Provider Taxonomy Code_2",
            "Provider License Number State Code_2",
            "Healthcare Provider Primary Taxonomy Switch_2",
            "Provider License Number State Code_3",
        ];
        let columns_names: Vec<&str> = REQUIRED.iter().copied().chain(extra).collect();
        let columns = Columns::from_header(&header(&extra)).unwrap();
        let record = row(
            &columns_names,
            &[
                (NPI, "1234567893"),
                (ENTITY_TYPE, "1"),
                (LAST_NAME, "WHITFIELD"),
                (FIRST_NAME, "ROWAN"),
                (extra[0], "207Q00000X"),
                (extra[1], "OR"),
                (extra[2], "N"),
                (extra[3], "2084P0800X"),
                (extra[4], "WA"),
                (extra[5], "Y"),
                (LAST_UPDATE, "07/08/2021"),
            ],
        );
        let Row::Individual(provider) = columns.read(&record) else { panic!("an individual") };
        assert_eq!(provider.taxonomy_code.as_deref(), Some("2084P0800X"));
        assert_eq!(provider.licence_states, ["OR", "WA"]);
        assert_eq!(provider.last_update, NaiveDate::from_ymd_opt(2021, 7, 8));
    }

    #[test]
    fn deactivated_rows_organizations_and_bad_numbers_are_told_apart() {
        let columns = Columns::from_header(&header(&[])).unwrap();
        let deactivated = row(REQUIRED, &[(NPI, "1234567893"), (DEACTIVATED, "05/19/2026")]);
        assert!(matches!(columns.read(&deactivated), Row::Deactivated(p) if p.is_deactivated()));
        assert_eq!(columns.read(&row(REQUIRED, &[(NPI, "1234567893"), (ENTITY_TYPE, "2")])), Row::Skipped);
        assert_eq!(columns.read(&row(REQUIRED, &[(NPI, "12345"), (ENTITY_TYPE, "1")])), Row::Skipped);
        let reactivated = (NaiveDate::from_ymd_opt(2020, 1, 1), NaiveDate::from_ymd_opt(2021, 1, 1));
        assert!(!is_deactivated(reactivated.0, reactivated.1));
    }
}
