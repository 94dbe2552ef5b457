//! Stored times are UTC without an offset; the API writes them as RFC 3339
//! with `Z`, as its document's `date-time` format promises, and reads them
//! back the same way. Use as `#[serde(with = "crate::domain::utc")]`.

use chrono::{DateTime, NaiveDateTime, SecondsFormat};
use serde::{Deserialize, Deserializer, Serializer};

pub fn serialize<S: Serializer>(time: &NaiveDateTime, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&time.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true))
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDateTime, D::Error> {
    let text = String::deserialize(deserializer)?;
    DateTime::parse_from_rfc3339(&text).map(|time| time.naive_utc()).map_err(serde::de::Error::custom)
}

/// The same for a time that may be absent (`null`).
pub mod optional {
    use super::*;

    pub fn serialize<S: Serializer>(time: &Option<NaiveDateTime>, serializer: S) -> Result<S::Ok, S::Error> {
        match time {
            Some(time) => super::serialize(time, serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDateTime>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|text| DateTime::parse_from_rfc3339(&text).map(|time| time.naive_utc()))
            .transpose()
            .map_err(serde::de::Error::custom)
    }
}
