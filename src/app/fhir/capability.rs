//! The CapabilityStatement of `GET /fhir/metadata`, made from the same
//! tables the searches read, so that it says exactly what is served.

use serde_json::{json, Value};

use super::search::{Searchable, DEFAULT_COUNT, MAX_COUNT, SEARCHABLE};
use super::types::{pruned, Base, ResourceType, PUBLISHED};
use crate::search::query::{DEFAULT_RADIUS_KM, MAX_OFFSET, MAX_RADIUS_KM};

const READ: [&str; 1] = ["read"];
const READ_AND_SEARCH: [&str; 2] = ["read", "search-type"];

fn parameter(name: &str, definition: &str, kind: &str, documentation: &str) -> Value {
    json!({"name": name, "definition": definition, "type": kind, "documentation": documentation})
}

/// The parameters of a searchable listing type.
fn parameters(searchable: &Searchable, base: &Base) -> Vec<Value> {
    let mut parameters = vec![
        parameter(
            "_id",
            "http://hl7.org/fhir/SearchParameter/Resource-id",
            "token",
            "One or more ids separated by commas (at most 100); the id is the listing's number.",
        ),
        parameter(
            "_lastUpdated",
            "http://hl7.org/fhir/SearchParameter/Resource-lastUpdated",
            "date",
            "When the listing last changed, with the prefixes eq (default), gt, ge, lt, le, sa or eb; repeat it for \
             a range. Results come least recently changed first. Not with the place parameter or specialty.",
        ),
    ];
    if let Some(near) = searchable.near {
        parameters.push(parameter(
            near,
            "http://hl7.org/fhir/SearchParameter/Location-near",
            "special",
            &format!(
                "latitude|longitude|distance|units, such as 45.52|-122.68|25|km: listings within the distance of \
                 the point, nearest first. The distance defaults to {DEFAULT_RADIUS_KM} km and must come to 1 to \
                 {MAX_RADIUS_KM} km; units are km (default), m, mi or [mi_i]."
            ),
        ));
    }
    if let Some(definition) = searchable.specialty {
        let system = base.url("CodeSystem/specialty");
        parameters.push(parameter(
            "specialty",
            definition,
            "token",
            &format!(
                "One code of {system} (as code or {system}|code): with the place parameter, nearest first; alone \
                 (or with _id), by id; not with _lastUpdated. NUCC taxonomy codes are shown in specialty but not \
                 searched."
            ),
        ));
    }
    parameters
}

fn resource(kind: ResourceType, interactions: &[&str], documentation: &str) -> Value {
    json!({
        "type": kind.name(),
        "documentation": documentation,
        "interaction": interactions.iter().map(|code| json!({"code": code})).collect::<Vec<_>>(),
    })
}

/// What a client may ask of this server.
pub fn statement(base: &Base) -> Value {
    let mut resources: Vec<Value> = SEARCHABLE
        .iter()
        .map(|searchable| {
            let mut described = resource(
                searchable.kind,
                &READ_AND_SEARCH,
                "One for each approved listing; its id is the listing's number.",
            );
            described["searchInclude"] = json!(searchable.include_values());
            described["searchParam"] = json!(parameters(searchable, base));
            described
        })
        .collect();
    resources.push(resource(
        ResourceType::Organization,
        &READ,
        "The practice of each approved listing that names one; its id is the listing's number. Found through \
         _include=PractitionerRole:organization.",
    ));
    let mut code_systems = resource(
        ResourceType::CodeSystem,
        &READ_AND_SEARCH,
        "The directory's own vocabulary: its codes and English displays, with Spanish designations.",
    );
    code_systems["searchParam"] = json!([
        parameter(
            "_id",
            "http://hl7.org/fhir/SearchParameter/Resource-id",
            "token",
            "profession, specialty, taper-approach, benzo-wise-criterion or payment-option."
        ),
        parameter(
            "url",
            "http://hl7.org/fhir/SearchParameter/CodeSystem-url",
            "uri",
            "The canonical URL, which is also where the code system is read."
        ),
    ]);
    resources.push(code_systems);
    pruned(json!({
        "resourceType": "CapabilityStatement",
        "id": "benzowise",
        "meta": {"lastUpdated": PUBLISHED},
        "url": base.url("metadata"),
        "version": env!("CARGO_PKG_VERSION"),
        "name": "BenzowiseDirectory",
        "title": "benzowise: the directory of benzo-wise clinicians in FHIR R4",
        "status": "active",
        "experimental": false,
        "date": PUBLISHED,
        "publisher": "benzowise",
        "description": "Read-only FHIR R4 access to the approved listings of benzowise, a moderated public directory \
            of clinicians who support gradual, patient-led benzodiazepine tapering. The resources are shaped after \
            Da Vinci PDex Plan-Net (its newpatients and delivery-method extensions and its code systems) without \
            claiming its profiles. The directory is information, not medical advice.",
        "kind": "instance",
        "software": {"name": "benzowise", "version": env!("CARGO_PKG_VERSION")},
        "implementation": {"description": "benzowise", "url": base.as_str()},
        "fhirVersion": "4.0.1",
        "format": ["json"],
        "rest": [{
            "mode": "server",
            "documentation": format!(
                "Searches answer a searchset Bundle with total and self, previous and next links. _count sets the \
                 page size (0 to {MAX_COUNT}, default {DEFAULT_COUNT}) and _offset where it starts (0 to \
                 {MAX_OFFSET}); _format may only ask for JSON. An unknown parameter or a bad value is a 400 with an \
                 OperationOutcome, an unknown id a 404. Everything at once: the NDJSON export \
                 (benzowise export --format fhir-ndjson DIR)."
            ),
            "resource": resources,
        }],
    }))
}
