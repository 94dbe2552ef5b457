//! What each resource type is searched by: the one table that the searches
//! read and the CapabilityStatement describes, so that it says exactly what
//! is served. Every resource made from a listing has the listing's id, so a
//! reference to any of them names the listing, and `_include` and
//! `_revinclude` both bring in another resource of the same listing.

use super::types::ResourceType;
use crate::search::text::TextField;

pub const DEFAULT_COUNT: usize = 20;
pub const MAX_COUNT: usize = 100;
/// The most resources one page carries, matches and the resources
/// `_include` and `_revinclude` bring in together: with includes, `_count`
/// is lowered so that the page stays within it.
pub const MAX_ENTRIES: usize = 100;

/// Parameters every search takes that select nothing: paging and what the
/// Bundle shows.
pub const RESULT_PARAMETERS: [&str; 8] =
    ["_count", "_offset", "_format", "_summary", "_total", "_elements", "_include", "_revinclude"];

/// The address of a search parameter Plan-Net defines.
macro_rules! plan_net {
    ($name:literal) => {
        concat!("http://hl7.org/fhir/us/davinci-pdex-plan-net/SearchParameter/", $name)
    };
}

/// What a parameter selects by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selects {
    /// The listing's number.
    Id,
    /// When the listing last changed.
    LastUpdated,
    /// A reference to the listing's resource of this type.
    Reference(ResourceType),
    /// Words in these parts of the listing, as FHIR `string` parameters match.
    Text(&'static [TextField]),
    /// Our specialty codes or NUCC taxonomy codes.
    Specialty,
    /// Nearness to a point.
    Near,
}

/// One search parameter of a type.
#[derive(Debug)]
pub struct Parameter {
    pub name: &'static str,
    /// The FHIR search parameter type: `token`, `string`, `reference`, `date` or `special`.
    pub kind: &'static str,
    /// Where the parameter is defined (a chained one: the parameter at the end of its chain).
    pub definition: &'static str,
    pub selects: Selects,
}

const fn parameter(name: &'static str, kind: &'static str, definition: &'static str, selects: Selects) -> Parameter {
    Parameter { name, kind, definition, selects }
}

const ID: Parameter = parameter("_id", "token", "http://hl7.org/fhir/SearchParameter/Resource-id", Selects::Id);
const LAST_UPDATED: Parameter =
    parameter("_lastUpdated", "date", "http://hl7.org/fhir/SearchParameter/Resource-lastUpdated", Selects::LastUpdated);
const NEAR: &str = "http://hl7.org/fhir/SearchParameter/Location-near";

const NAMES: &[TextField] = &[TextField::FullName, TextField::FamilyName, TextField::GivenNames];
const CITY: &[TextField] = &[TextField::City];
const STATE: &[TextField] = &[TextField::Region];
const POSTAL_CODE: &[TextField] = &[TextField::PostalCode];
const PRACTICE: &[TextField] = &[TextField::Practice];

/// A resource type that can be searched: its parameters, the resources of
/// the listing `_include` brings in (`{type}:{name}`), and those
/// `_revinclude` brings in (`{source}:{name}`).
pub struct Searchable {
    pub kind: ResourceType,
    pub parameters: &'static [Parameter],
    pub includes: &'static [(&'static str, ResourceType)],
    pub revincludes: &'static [(ResourceType, &'static str)],
}

pub const SEARCHABLE: [Searchable; 5] = [
    Searchable {
        kind: ResourceType::PractitionerRole,
        parameters: &[
            ID,
            LAST_UPDATED,
            parameter(
                "practitioner",
                "reference",
                plan_net!("practitionerrole-practitioner"),
                Selects::Reference(ResourceType::Practitioner),
            ),
            parameter(
                "location",
                "reference",
                plan_net!("practitionerrole-location"),
                Selects::Reference(ResourceType::Location),
            ),
            parameter(
                "organization",
                "reference",
                plan_net!("practitionerrole-organization"),
                Selects::Reference(ResourceType::Organization),
            ),
            parameter(
                "service",
                "reference",
                plan_net!("practitionerrole-service"),
                Selects::Reference(ResourceType::HealthcareService),
            ),
            parameter("specialty", "token", plan_net!("practitionerrole-specialty"), Selects::Specialty),
            parameter("location.near", "special", NEAR, Selects::Near),
            parameter("practitioner.name", "string", plan_net!("practitioner-name"), Selects::Text(NAMES)),
            parameter("location.address-city", "string", plan_net!("location-address-city"), Selects::Text(CITY)),
            parameter("location.address-state", "string", plan_net!("location-address-state"), Selects::Text(STATE)),
            parameter(
                "location.address-postalcode",
                "string",
                plan_net!("location-address-postalcode"),
                Selects::Text(POSTAL_CODE),
            ),
            parameter("organization.name", "string", plan_net!("organization-name"), Selects::Text(PRACTICE)),
        ],
        includes: &[
            ("practitioner", ResourceType::Practitioner),
            ("location", ResourceType::Location),
            ("service", ResourceType::HealthcareService),
            ("organization", ResourceType::Organization),
        ],
        revincludes: &[],
    },
    Searchable {
        kind: ResourceType::Practitioner,
        parameters: &[
            ID,
            LAST_UPDATED,
            parameter("name", "string", plan_net!("practitioner-name"), Selects::Text(NAMES)),
            parameter(
                "family",
                "string",
                plan_net!("practitioner-family-name"),
                Selects::Text(&[TextField::FamilyName]),
            ),
            parameter("given", "string", plan_net!("practitioner-given-name"), Selects::Text(&[TextField::GivenNames])),
        ],
        includes: &[],
        revincludes: &[(ResourceType::PractitionerRole, "practitioner")],
    },
    Searchable {
        kind: ResourceType::Location,
        parameters: &[
            ID,
            LAST_UPDATED,
            parameter("near", "special", NEAR, Selects::Near),
            parameter("address-city", "string", plan_net!("location-address-city"), Selects::Text(CITY)),
            parameter("address-state", "string", plan_net!("location-address-state"), Selects::Text(STATE)),
            parameter(
                "address-postalcode",
                "string",
                plan_net!("location-address-postalcode"),
                Selects::Text(POSTAL_CODE),
            ),
            parameter(
                "organization",
                "reference",
                plan_net!("location-organization"),
                Selects::Reference(ResourceType::Organization),
            ),
        ],
        includes: &[("organization", ResourceType::Organization)],
        revincludes: &[(ResourceType::PractitionerRole, "location"), (ResourceType::HealthcareService, "location")],
    },
    Searchable {
        kind: ResourceType::HealthcareService,
        parameters: &[
            ID,
            LAST_UPDATED,
            parameter("name", "string", plan_net!("healthcareservice-name"), Selects::Text(&[TextField::FullName])),
            parameter("specialty", "token", plan_net!("healthcareservice-specialty"), Selects::Specialty),
            parameter(
                "location",
                "reference",
                plan_net!("healthcareservice-location"),
                Selects::Reference(ResourceType::Location),
            ),
            parameter(
                "organization",
                "reference",
                plan_net!("healthcareservice-organization"),
                Selects::Reference(ResourceType::Organization),
            ),
            parameter("location.near", "special", NEAR, Selects::Near),
        ],
        includes: &[("location", ResourceType::Location), ("organization", ResourceType::Organization)],
        revincludes: &[(ResourceType::PractitionerRole, "service")],
    },
    Searchable {
        kind: ResourceType::Organization,
        parameters: &[ID, parameter("name", "string", plan_net!("organization-name"), Selects::Text(PRACTICE))],
        includes: &[],
        revincludes: &[
            (ResourceType::PractitionerRole, "organization"),
            (ResourceType::HealthcareService, "organization"),
        ],
    },
];

impl Searchable {
    pub fn of(kind: ResourceType) -> Option<&'static Searchable> {
        SEARCHABLE.iter().find(|searchable| searchable.kind == kind)
    }

    pub fn parameter(&self, name: &str) -> Option<&'static Parameter> {
        self.parameters.iter().find(|parameter| parameter.name == name)
    }

    /// The `_include` values this type takes, such as `PractitionerRole:location`.
    pub fn include_values(&self) -> Vec<String> {
        self.includes.iter().map(|(name, _)| format!("{}:{name}", self.kind.name())).collect()
    }

    /// The `_revinclude` values this type takes, such as `PractitionerRole:practitioner`.
    pub fn revinclude_values(&self) -> Vec<String> {
        self.revincludes.iter().map(|(source, name)| format!("{}:{name}", source.name())).collect()
    }

    /// Whether every resource found must come from a listing that names a
    /// practice: only those have an Organization.
    pub fn needs_practice(&self) -> bool {
        self.kind == ResourceType::Organization
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_definition_is_plan_nets_or_fhirs_own() {
        for searchable in &SEARCHABLE {
            for parameter in searchable.parameters {
                assert!(
                    parameter.definition.starts_with(plan_net!(""))
                        || parameter.definition.starts_with("http://hl7.org/fhir/SearchParameter/"),
                    "{}",
                    parameter.name
                );
            }
        }
    }
}
