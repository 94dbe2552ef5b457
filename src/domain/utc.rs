//! Stored times are UTC without an offset; the API writes them as RFC 3339
//! with `Z`, as its document's `date-time` format promises.

use chrono::{NaiveDateTime, SecondsFormat};
use serde::Serializer;

pub fn rfc3339<S: Serializer>(time: &NaiveDateTime, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&time.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true))
}

pub fn rfc3339_or_null<S: Serializer>(time: &Option<NaiveDateTime>, serializer: S) -> Result<S::Ok, S::Error> {
    match time {
        Some(time) => rfc3339(time, serializer),
        None => serializer.serialize_none(),
    }
}
