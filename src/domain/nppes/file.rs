//! What a dissemination file's name says: whether it is the full file or a
//! weekly update, and the day it runs to.

use chrono::NaiveDate;

/// How a load changes the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadKind {
    /// The whole registry, replacing what was loaded before.
    Full,
    /// The week's changes, folded into the current registry.
    Weekly,
}

impl LoadKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LoadKind::Full => "full",
            LoadKind::Weekly => "weekly",
        }
    }

    pub fn from_code(code: &str) -> LoadKind {
        if code == "weekly" {
            LoadKind::Weekly
        } else {
            LoadKind::Full
        }
    }
}

/// The first day of every full file CMS publishes: the registry's start.
const REGISTRY_START: &str = "20050523";

/// The days `npidata_pfile_20050523-20261109.csv` spans, from and to.
pub fn span(name: &str) -> Option<(NaiveDate, NaiveDate)> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let rest = base.strip_prefix("npidata_pfile_")?;
    let from = NaiveDate::parse_from_str(rest.get(..8)?, "%Y%m%d").ok()?;
    let to = NaiveDate::parse_from_str(rest.get(9..17)?, "%Y%m%d").ok()?;
    (rest.as_bytes().get(8) == Some(&b'-')).then_some((from, to))
}

/// A file named like CMS's weekly files: a span that does not start on the
/// registry's first day. Every other name is taken for a full file.
pub fn is_weekly_name(name: &str) -> bool {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name).to_ascii_lowercase();
    if base.contains("weekly") {
        return true;
    }
    span(&base).is_some_and(|(from, _)| from.format("%Y%m%d").to_string() != REGISTRY_START)
}

/// Whether a zip archive's entry is the providers' file (not its header-only
/// twin, nor the other names, practice locations or endpoints files).
pub fn is_provider_entry(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name).to_ascii_lowercase();
    base.starts_with("npidata_pfile") && base.ends_with(".csv") && !base.contains("fileheader")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_and_weekly_names_are_told_apart_and_dated() {
        let full = "npidata_pfile_20050523-20261109.csv";
        assert_eq!(span(full).map(|(_, to)| to), NaiveDate::from_ymd_opt(2026, 11, 9));
        assert!(!is_weekly_name(full));
        assert!(is_weekly_name("/data/npidata_pfile_20261102-20261108.csv"));
        assert!(is_weekly_name("NPPES_Data_Dissemination_110226_110826_Weekly.zip"));
        assert!(!is_weekly_name("providers.csv"));
        assert_eq!(span("npidata_pfile_2026.csv"), None);
    }

    #[test]
    fn only_the_providers_file_of_an_archive_is_read() {
        assert!(is_provider_entry("npidata_pfile_20050523-20261109.csv"));
        assert!(!is_provider_entry("npidata_pfile_20050523-20261109_fileheader.csv"));
        assert!(!is_provider_entry("pl_pfile_20050523-20261109.csv"));
    }
}
