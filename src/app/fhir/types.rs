//! What every FHIR document here shares: the resource types, the server's
//! base address, and how times and JSON are written.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::Value;

use crate::app::Links;
use crate::i18n::Lang;

/// When this FHIR interface or the vocabulary it publishes last changed: the
/// `date` and `meta.lastUpdated` of the CapabilityStatement and the code
/// systems. Change it with either.
pub const PUBLISHED: &str = "2026-12-03T00:00:00Z";

/// Where Plan-Net's profiles are, before each one's name.
macro_rules! plan_net_profile {
    () => {
        "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-"
    };
}

/// The resource types this server has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResourceType {
    Practitioner,
    PractitionerRole,
    Location,
    HealthcareService,
    Organization,
    CodeSystem,
}

impl ResourceType {
    pub const ALL: [ResourceType; 6] = [
        ResourceType::Practitioner,
        ResourceType::PractitionerRole,
        ResourceType::Location,
        ResourceType::HealthcareService,
        ResourceType::Organization,
        ResourceType::CodeSystem,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ResourceType::Practitioner => "Practitioner",
            ResourceType::PractitionerRole => "PractitionerRole",
            ResourceType::Location => "Location",
            ResourceType::HealthcareService => "HealthcareService",
            ResourceType::Organization => "Organization",
            ResourceType::CodeSystem => "CodeSystem",
        }
    }

    pub fn parse(name: &str) -> Option<ResourceType> {
        ResourceType::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// The Plan-Net profile a resource of this type made from a listing
    /// declares and conforms to; `None` for our CodeSystems.
    pub fn profile(self) -> Option<&'static str> {
        Some(match self {
            ResourceType::Practitioner => concat!(plan_net_profile!(), "Practitioner"),
            ResourceType::PractitionerRole => concat!(plan_net_profile!(), "PractitionerRole"),
            ResourceType::Location => concat!(plan_net_profile!(), "Location"),
            ResourceType::HealthcareService => concat!(plan_net_profile!(), "HealthcareService"),
            ResourceType::Organization => concat!(plan_net_profile!(), "Organization"),
            ResourceType::CodeSystem => return None,
        })
    }
}

/// The FHIR base address, `PUBLIC_URL` + `/fhir`: the start of every
/// `fullUrl`, link and canonical URL of our code systems.
#[derive(Debug, Clone)]
pub struct Base(String);

impl Base {
    pub fn of(links: &Links) -> Base {
        Base(links.to(Lang::En, "/fhir"))
    }

    /// `path` under the base, such as `Practitioner/17`.
    pub fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.0)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A page of the site the base is on, such as a listing's profile.
    pub fn page(&self, path: &str) -> String {
        format!("{}{path}", self.0.strip_suffix("/fhir").unwrap_or(&self.0))
    }

    /// A base at `url`, for tests.
    #[cfg(test)]
    pub fn at(url: &str) -> Base {
        Base(url.to_string())
    }
}

/// A FHIR `instant`, to the second, in UTC.
pub fn instant(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// `value` without nulls, empty strings, empty lists or empty objects: FHIR
/// JSON leaves an element out rather than send it empty.
pub fn pruned(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter().map(|(key, value)| (key, pruned(value))).filter(|(_, v)| !is_empty(v)).collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(pruned).filter(|v| !is_empty(v)).collect()),
        other => other,
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.is_empty(),
        Value::Bool(_) | Value::Number(_) => false,
    }
}

/// A document as JSON, with `resourceType` first in every resource (the
/// other keys follow in order), as FHIR JSON is written and streamed.
pub fn to_json(value: &Value) -> Vec<u8> {
    let mut out = Vec::with_capacity(2048);
    write_json(&mut out, value);
    out
}

fn write_json(out: &mut Vec<u8>, value: &Value) {
    match value {
        Value::Object(map) => {
            out.push(b'{');
            let first = map.get_key_value("resourceType");
            let rest = map.iter().filter(|(key, _)| *key != "resourceType");
            for (i, (key, value)) in first.into_iter().chain(rest).enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_json(out, &Value::String(key.clone()));
                out.push(b':');
                write_json(out, value);
            }
            out.push(b'}');
        }
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_json(out, item);
            }
            out.push(b']');
        }
        // A scalar always serializes; `to_string` is serde_json's own writer.
        scalar => out.extend_from_slice(scalar.to_string().as_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn empty_elements_are_left_out_and_resource_type_comes_first() {
        let document = pruned(json!({
            "resourceType": "Bundle",
            "entry": [{"resource": {"resourceType": "Location", "alias": [], "name": "A \"quoted\" name", "meta": {}}}],
            "id": null,
            "total": 0,
        }));
        let text = String::from_utf8(to_json(&document)).unwrap();
        assert_eq!(
            text,
            r#"{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Location","name":"A \"quoted\" name"}}],"total":0}"#
        );
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), document);
    }
}
