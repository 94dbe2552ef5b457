//! Whole numbers as JSON may write them: `10` or `10.0`. JSON itself does not
//! tell the two apart, JSON Schema counts both as integers, and the HTML form
//! already takes both.

use serde::de::Error;
use serde::{Deserialize, Deserializer};

/// An optional whole number, for `#[serde(default, deserialize_with = …)]`;
/// a fractional one is refused.
pub fn optional<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    let Some(number) = Option::<serde_json::Number>::deserialize(deserializer)? else {
        return Ok(None);
    };
    if let Some(whole) = number.as_i64() {
        return Ok(Some(whole));
    }
    // i64::MAX as f64 rounds up to 2^63, which is out of range itself.
    let in_range = |float: f64| float.fract() == 0.0 && float >= i64::MIN as f64 && float < i64::MAX as f64;
    match number.as_f64() {
        Some(float) if in_range(float) => Ok(Some(float as i64)),
        _ => Err(D::Error::custom(format_args!("invalid value: {number}, expected a whole number"))),
    }
}

#[cfg(test)]
mod tests {
    #[derive(Debug, serde::Deserialize)]
    struct Amount {
        #[serde(default, deserialize_with = "super::optional")]
        value: Option<i64>,
    }

    fn read(json: &str) -> Result<Option<i64>, String> {
        serde_json::from_str::<Amount>(json).map(|amount| amount.value).map_err(|error| error.to_string())
    }

    #[test]
    fn a_whole_number_may_be_written_with_a_decimal_point() {
        assert_eq!(read(r#"{"value": 20}"#), Ok(Some(20)));
        assert_eq!(read(r#"{"value": 20.0}"#), Ok(Some(20)));
        assert_eq!(read(r#"{"value": -3e2}"#), Ok(Some(-300)));
        assert_eq!(read(r#"{"value": null}"#), Ok(None));
        assert_eq!(read("{}"), Ok(None));
    }

    #[test]
    fn a_fraction_a_number_out_of_range_or_a_text_is_refused() {
        assert!(read(r#"{"value": 20.5}"#).unwrap_err().contains("expected a whole number"));
        assert!(read(r#"{"value": 1e300}"#).unwrap_err().contains("expected a whole number"));
        assert!(read(r#"{"value": 18446744073709551615}"#).unwrap_err().contains("expected a whole number"));
        assert!(read(r#"{"value": "5"}"#).unwrap_err().starts_with("invalid type: string"));
    }
}
