//! HSDS records as JSON objects: what is not known is left out, and
//! related records are nested under their own names.

use serde_json::{Map, Value};

/// The object without its null fields: HSDS leaves out what is not known.
pub fn record(value: Value) -> Value {
    match value {
        Value::Object(fields) => Value::Object(fields.into_iter().filter(|(_, value)| !value.is_null()).collect()),
        other => other,
    }
}

pub fn with<const N: usize>(object: &Value, nested: [(&str, Value); N]) -> Value {
    let mut fields: Map<String, Value> = object.as_object().cloned().unwrap_or_default();
    fields.extend(nested.into_iter().map(|(name, value)| (name.to_string(), value)));
    Value::Object(fields)
}
