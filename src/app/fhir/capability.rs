//! The CapabilityStatement of `GET /fhir/metadata`, made from the table the
//! searches read (`parameters.rs`), so that it says exactly what is served.

use serde_json::{json, Value};

use super::parameters::{Parameter, Searchable, Selects, DEFAULT_COUNT, MAX_COUNT, MAX_ENTRIES, SEARCHABLE};
use super::types::{pruned, Base, ResourceType, PUBLISHED};
use crate::search::query::{DEFAULT_RADIUS_KM, MAX_OFFSET, MAX_RADIUS_KM};

/// What a parameter does here, in words.
fn documentation(parameter: &Parameter, base: &Base) -> String {
    match parameter.selects {
        Selects::Id => "One or more ids separated by commas (at most 100); the id is the listing's number.".into(),
        Selects::LastUpdated => "When the listing last changed, with the prefixes eq (default), gt, ge, lt, le, sa \
            or eb; repeat it for a range. Results come least recently changed first. Not with a place, text, \
            specialty or practice."
            .into(),
        Selects::Reference(kind) => format!(
            "{kind}/id, its full address here, or the id alone; several separated by commas, any of which matches. \
             Every resource of a listing has the listing's number as its id.",
            kind = kind.name()
        ),
        Selects::Text(_) => "Matches the start of any word, in any case and without regard to accents; :exact \
            matches the whole value as written, :contains any part. Several values separated by commas: any of \
            them matches."
            .into(),
        Selects::Specialty => {
            let system = base.url("CodeSystem/specialty");
            format!(
                "Codes of {system} or NUCC provider taxonomy codes (http://nucc.org/provider-taxonomy), each as code \
                 or system|code, separated by commas: any of them matches. With a place, one code of {system}."
            )
        }
        Selects::Near => format!(
            "latitude|longitude|distance|units, such as 45.52|-122.68|25|km: listings within the distance of the \
             point, nearest first. The distance defaults to {DEFAULT_RADIUS_KM} km and must come to 1 to \
             {MAX_RADIUS_KM} km; units are km (default), m, mi or [mi_i]. Not with _id, _lastUpdated, text or \
             references."
        ),
    }
}

fn search_parameters(searchable: &Searchable, base: &Base) -> Vec<Value> {
    let mut described: Vec<Value> = searchable
        .parameters
        .iter()
        .map(|parameter| {
            json!({
                "name": parameter.name,
                "definition": parameter.definition,
                "type": parameter.kind,
                "documentation": documentation(parameter, base),
            })
        })
        .collect();
    described.push(json!({
        "name": "_summary",
        "type": "token",
        "documentation": "count: the total alone, without entries.",
    }));
    described.push(json!({
        "name": "_total",
        "type": "token",
        "documentation": "none leaves the total out; estimate and accurate both give the exact total.",
    }));
    described
}

/// A searchable type, as the statement lists it.
fn searchable_resource(searchable: &Searchable, base: &Base) -> Value {
    let kind = searchable.kind;
    json!({
        "type": kind.name(),
        "supportedProfile": [kind.profile()],
        "documentation": if kind == ResourceType::Organization {
            "One for each approved listing that names its practice; its id is the listing's number."
        } else {
            "One for each approved listing; its id is the listing's number."
        },
        "interaction": [{"code": "read"}, {"code": "search-type"}],
        "searchInclude": searchable.include_values(),
        "searchRevInclude": searchable.revinclude_values(),
        "searchParam": search_parameters(searchable, base),
    })
}

fn code_systems() -> Value {
    json!({
        "type": ResourceType::CodeSystem.name(),
        "documentation": "The directory's own vocabulary: its codes and English displays, with Spanish designations.",
        "interaction": [{"code": "read"}, {"code": "search-type"}],
        "searchParam": [
            {
                "name": "_id",
                "definition": "http://hl7.org/fhir/SearchParameter/Resource-id",
                "type": "token",
                "documentation": "profession, specialty, taper-approach, benzo-wise-criterion or payment-option.",
            },
            {
                "name": "url",
                "definition": "http://hl7.org/fhir/SearchParameter/CodeSystem-url",
                "type": "uri",
                "documentation": "The canonical URL, which is also where the code system is read.",
            },
        ],
    })
}

fn rest_documentation() -> String {
    format!(
        "Searches answer a searchset Bundle with total and self, previous and next links. _count sets the page \
         size (0 to {MAX_COUNT}, default {DEFAULT_COUNT}) and _offset where it starts (0 to {MAX_OFFSET}). A page \
         carries at most {MAX_ENTRIES} resources, those _include and _revinclude bring in counted: with them, \
         _count is lowered to fit and the links say the size served. _elements sends only the elements named of \
         each match (tagged SUBSETTED); _format may only ask for JSON. An unknown parameter or a bad value is a \
         400 with an OperationOutcome, an unknown id a 404; with the header Prefer: handling=lenient, unknown \
         parameters are ignored instead and named in an OperationOutcome entry of the Bundle. Everything at \
         once: the NDJSON export (benzowise export --format fhir-ndjson DIR)."
    )
}

/// What a client may ask of this server.
pub fn statement(base: &Base) -> Value {
    let mut resources: Vec<Value> = SEARCHABLE.iter().map(|searchable| searchable_resource(searchable, base)).collect();
    resources.push(code_systems());
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
            of clinicians who support gradual, patient-led benzodiazepine tapering. Every resource made from a \
            listing declares and conforms to its Da Vinci PDex Plan-Net 1.2.0 profile; the searches are those of \
            Plan-Net that the directory's data can answer, listed below. The directory is information, not \
            medical advice.",
        "kind": "instance",
        "software": {"name": "benzowise", "version": env!("CARGO_PKG_VERSION")},
        "implementation": {"description": "benzowise", "url": base.as_str()},
        "fhirVersion": "4.0.1",
        "format": ["json"],
        "rest": [{"mode": "server", "documentation": rest_documentation(), "resource": resources}],
    }))
}
