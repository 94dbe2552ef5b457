//! A public listing as Da Vinci PDex Plan-Net shapes a directory entry: the
//! clinician (`Practitioner`), their role with its specialty and new-patient
//! status (`PractitionerRole`), where they practise (`Location`), the taper
//! support itself (`HealthcareService`) and, when the listing names one, the
//! practice (`Organization`). Every resource's id is the listing's id; a
//! listing's further places are Locations of their own, `{id}-2` to `{id}-5`
//! as the profile numbers them.

use serde_json::{json, Value};

use super::code_systems::CodeList;
use super::types::{instant, pruned, Base, ResourceType};
use crate::app::listings::PublicListing;
use crate::domain::hours::OpeningHours;
use crate::domain::location::PracticeLocation;
use crate::domain::phone::{Phone, PhoneKind};

const PLAN_NET_NEW_PATIENTS: &str = "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/newpatients";
const PLAN_NET_DELIVERY_METHOD: &str =
    "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/delivery-method";
const PLAN_NET_ACCEPTING_PATIENTS: &str = "http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/AcceptingPatientsCS";
const PLAN_NET_DELIVERY_METHODS: &str = "http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/DeliveryMethodCS";
const PLAN_NET_PROVIDER_ROLES: &str = "http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/ProviderRoleCS";
const PLAN_NET_SERVICE_CATEGORIES: &str =
    "http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/HealthcareServiceCategoryCS";
pub const NUCC_TAXONOMY: &str = "http://nucc.org/provider-taxonomy";
const US_NPI: &str = "http://hl7.org/fhir/sid/us-npi";
const BCP_47: &str = "urn:ietf:bcp:47";
/// The extension of a phone number (FHIR R4 core).
const CONTACT_POINT_EXTENSION: &str = "http://hl7.org/fhir/StructureDefinition/contactpoint-extension";
const ORGANIZATION_TYPES: &str = "http://terminology.hl7.org/CodeSystem/organization-type";
const V3_ACT_REASON: &str = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
const ISO_3166_2: &str = "urn:iso:std:iso:3166:-2";

/// The Plan-Net provider role nearest to each of our professions.
fn provider_role(profession: &str) -> Option<(&'static str, &'static str)> {
    Some(match profession {
        "physician" => ("ph", "Physician"),
        "nurse_practitioner" => ("apn", "Advanced Practice Nursing Providers"),
        "physician_assistant" => ("pa", "Physician Assistant"),
        "pharmacist" => ("rx", "Pharmacy Service Providers"),
        "psychologist" => ("py", "Psychologist"),
        "therapist" => ("bh", "Behavioral Health & Social Service Providers"),
        _ => return None,
    })
}

/// The resources of one public listing, each made when asked for.
pub struct ListingResources<'a> {
    listing: &'a PublicListing,
    base: &'a Base,
}

impl<'a> ListingResources<'a> {
    pub fn new(listing: &'a PublicListing, base: &'a Base) -> ListingResources<'a> {
        ListingResources { listing, base }
    }

    /// The resource of `kind`; `None` for an Organization when no practice
    /// is named, and for CodeSystems, which are not made from listings.
    pub fn resource(&self, kind: ResourceType) -> Option<Value> {
        let resource = match kind {
            ResourceType::Practitioner => self.practitioner(),
            ResourceType::PractitionerRole => self.practitioner_role(),
            ResourceType::Location => self.location(),
            ResourceType::HealthcareService => self.healthcare_service(),
            ResourceType::Organization => self.organization()?,
            ResourceType::CodeSystem => return None,
        };
        Some(pruned(resource))
    }

    fn id(&self) -> String {
        self.listing.id.to_string()
    }

    /// Every resource of `kind`: for a Location, the main place's and then
    /// each further place's.
    pub fn all_of(&self, kind: ResourceType) -> Vec<Value> {
        let mut all: Vec<Value> = self.resource(kind).into_iter().collect();
        if kind == ResourceType::Location {
            all.extend(
                self.listing.other_locations.iter().enumerate().map(|(n, place)| self.further_location(n, place)),
            );
        }
        all
    }

    /// The further place numbered `number` (2 to 5, as the profile numbers them) as a Location.
    pub fn further_location_numbered(&self, number: usize) -> Option<Value> {
        let n = number.checked_sub(2)?;
        self.listing.other_locations.get(n).map(|place| pruned(self.further_location(n, place)))
    }

    /// A reference to each Location of the listing.
    fn locations(&self) -> Vec<Value> {
        let further = (2..self.listing.other_locations.len() + 2)
            .map(|number| json!({"reference": format!("Location/{}-{number}", self.listing.id)}));
        [self.reference(ResourceType::Location, None)].into_iter().chain(further).collect()
    }

    /// When the listing last changed; the fictional demo listings are
    /// tagged as HL7 tags test data, so that no one loads them as real.
    fn meta(&self, kind: ResourceType) -> Value {
        let demo =
            self.listing.demo.then(|| json!({"system": V3_ACT_REASON, "code": "HTEST", "display": "test health data"}));
        json!({"lastUpdated": instant(self.listing.updated_at), "profile": [kind.profile()], "tag": [demo]})
    }

    fn reference(&self, kind: ResourceType, display: Option<&str>) -> Value {
        json!({"reference": format!("{}/{}", kind.name(), self.listing.id), "display": display})
    }

    /// The practice, when the listing names one.
    fn practice(&self) -> Option<Value> {
        self.listing.practice_name.as_deref().map(|name| self.reference(ResourceType::Organization, Some(name)))
    }

    fn codings(&self, list: CodeList, codes: &[String]) -> Vec<Value> {
        codes.iter().filter_map(|code| list.coding(self.base, code)).map(|coding| json!({"coding": [coding]})).collect()
    }

    /// Each number as a contact point: `sms` for text messages, `other` for a
    /// TTY (FHIR has no code of its own for one), the extension in the core
    /// `contactpoint-extension`.
    fn phones(&self) -> Vec<Value> {
        let point = |phone: &Phone| {
            let system = match phone.kind {
                PhoneKind::Voice => "phone",
                PhoneKind::Fax => "fax",
                PhoneKind::Text => "sms",
                PhoneKind::Tty => "other",
            };
            let extension =
                phone.extension.as_ref().map(|digits| json!([{"url": CONTACT_POINT_EXTENSION, "valueString": digits}]));
            json!({"extension": extension, "system": system, "value": phone.number, "use": "work"})
        };
        self.listing.phones.iter().map(point).collect()
    }

    /// The opening hours, a day each, with the names of the fields of times
    /// (`availableStartTime` on a role, `openingTime` on a location).
    fn opening_hours(&self, opens: &str, closes: &str) -> Vec<Value> {
        let one = |hours: &OpeningHours| {
            let mut time = serde_json::Map::new();
            time.insert("daysOfWeek".into(), json!([hours.day.code()]));
            time.insert(opens.into(), json!(format!("{}:00", hours.opens)));
            time.insert(closes.into(), json!(format!("{}:00", hours.closes)));
            Value::Object(time)
        };
        self.listing.opening_hours.iter().map(one).collect()
    }

    fn telecom(&self) -> Value {
        let listing = self.listing;
        let mut points = self.phones();
        points.extend(
            [
                listing.public_email.as_ref().map(|email| json!({"system": "email", "value": email, "use": "work"})),
                listing.website.as_ref().map(|website| json!({"system": "url", "value": website, "use": "work"})),
            ]
            .into_iter()
            .flatten(),
        );
        Value::Array(points)
    }

    /// The role's ways to reach the clinician: their own, then the listing's
    /// page in the directory, so that every role has one as Plan-Net asks.
    fn role_telecom(&self) -> Value {
        let mut telecom = self.telecom();
        let page = self.base.page(&format!("/clinicians/{}", self.listing.id));
        if let Some(points) = telecom.as_array_mut() {
            points.push(json!({"system": "url", "value": page, "use": "work", "rank": 10}));
        }
        telecom
    }

    /// The listing's number in this directory, and the NPI when it has one,
    /// in use from the day it matched the national provider registry.
    fn identifiers(&self) -> Value {
        let listing = self.listing;
        let period = listing.npi_verified_on.map(|day| json!({"start": day.to_string()}));
        json!([
            listing.npi.as_ref().map(|npi| json!({"use": "official", "system": US_NPI, "value": npi, "period": period})),
            {"use": "secondary", "system": self.base.url("sid/listing"), "value": self.id()},
        ])
    }

    fn address(&self) -> Value {
        let listing = self.listing;
        json!({
            "use": "work",
            "line": [listing.address_line],
            "city": listing.city,
            "state": listing.region,
            "postalCode": listing.postal_code,
            "country": listing.country,
        })
    }

    fn languages(&self) -> Vec<Value> {
        self.listing.languages.iter().map(|code| json!({"coding": [{"system": BCP_47, "code": code}]})).collect()
    }

    /// The NUCC taxonomy code when the listing has one, beside our specialty.
    fn specialty(&self) -> Value {
        let listing = self.listing;
        let nucc = listing.taxonomy_code.as_ref().map(|code| json!({"system": NUCC_TAXONOMY, "code": code}));
        json!([{"coding": [nucc, CodeList::Specialty.coding(self.base, &listing.specialty)]}])
    }

    /// Plan-Net's `newpatients`: accepting new patients, or not.
    fn new_patients(&self) -> Value {
        let (code, display) =
            if self.listing.accepting_new_patients { ("newpt", "Accepting") } else { ("nopt", "Not Accepting") };
        json!({
            "url": PLAN_NET_NEW_PATIENTS,
            "extension": [{
                "url": "acceptingPatients",
                "valueCodeableConcept": {"coding": [{"system": PLAN_NET_ACCEPTING_PATIENTS, "code": code, "display": display}]},
            }],
        })
    }

    fn practitioner(&self) -> Value {
        let listing = self.listing;
        let credentials: Vec<&str> = listing
            .credentials
            .as_deref()
            .map(|credentials| credentials.split(',').map(str::trim).collect())
            .unwrap_or_default();
        json!({
            "resourceType": "Practitioner",
            "id": self.id(),
            "meta": self.meta(ResourceType::Practitioner),
            "identifier": self.identifiers(),
            "active": true,
            "name": [{
                "use": "official",
                "text": listing.full_name,
                "family": listing.family_name,
                "given": listing.given_names.split_whitespace().collect::<Vec<_>>(),
                "suffix": credentials,
            }],
            "communication": self.languages(),
        })
    }

    fn practitioner_role(&self) -> Value {
        let listing = self.listing;
        let role = provider_role(&listing.profession)
            .map(|(code, display)| json!({"system": PLAN_NET_PROVIDER_ROLES, "code": code, "display": display}));
        json!({
            "resourceType": "PractitionerRole",
            "id": self.id(),
            "meta": self.meta(ResourceType::PractitionerRole),
            "extension": [self.new_patients()],
            "active": true,
            "practitioner": self.reference(ResourceType::Practitioner, Some(&listing.full_name)),
            "organization": self.practice(),
            "code": [{
                "coding": [role, CodeList::Profession.coding(self.base, &listing.profession)],
                "text": listing.profession_label,
            }],
            "specialty": self.specialty(),
            "location": self.locations(),
            "healthcareService": [self.reference(ResourceType::HealthcareService, None)],
            "telecom": self.role_telecom(),
            "availableTime": self.opening_hours("availableStartTime", "availableEndTime"),
        })
    }

    fn location(&self) -> Value {
        let listing = self.listing;
        json!({
            "resourceType": "Location",
            "id": self.id(),
            "meta": self.meta(ResourceType::Location),
            "status": "active",
            "name": listing.practice_name.as_ref().unwrap_or(&listing.full_name),
            "telecom": self.phones(),
            "hoursOfOperation": self.opening_hours("openingTime", "closingTime"),
            "address": self.address(),
            "position": {"longitude": listing.longitude, "latitude": listing.latitude},
            "managingOrganization": self.practice(),
        })
    }

    /// The `n`-th further place (0 the first) as a Location: its own name,
    /// address, point and phone.
    fn further_location(&self, n: usize, place: &PracticeLocation) -> Value {
        let listing = self.listing;
        let name = place.name.as_ref().or(listing.practice_name.as_ref()).unwrap_or(&listing.full_name);
        let phone = place.phone.as_ref().map(|number| json!({"system": "phone", "value": number, "use": "work"}));
        json!({
            "resourceType": "Location",
            "id": format!("{}-{}", listing.id, n + 2),
            "meta": self.meta(ResourceType::Location),
            "status": "active",
            "name": name,
            "telecom": [phone],
            "address": {
                "use": "work",
                "line": [place.address_line],
                "city": place.city,
                "state": place.region,
                "postalCode": place.postal_code,
                "country": place.country,
            },
            "position": {"longitude": place.longitude, "latitude": place.latitude},
            "managingOrganization": self.practice(),
        })
    }

    /// Plan-Net's `delivery-method` of one type: `physical` or `virtual`.
    fn delivery_method(code: &str, display: &str) -> Value {
        json!({
            "url": PLAN_NET_DELIVERY_METHOD,
            "extension": [{
                "url": "type",
                "valueCodeableConcept": {"coding": [{"system": PLAN_NET_DELIVERY_METHODS, "code": code, "display": display}]},
            }],
        })
    }

    /// Each region the clinician is licensed in, as the service's coverage
    /// area: a reference to the region by its ISO 3166-2 code.
    fn coverage_area(&self) -> Vec<Value> {
        (self.listing.licensed_regions.iter())
            .map(|code| json!({"identifier": {"system": ISO_3166_2, "value": code}, "display": code}))
            .collect()
    }

    fn healthcare_service(&self) -> Value {
        let listing = self.listing;
        let virtual_delivery = listing.telehealth.then(|| Self::delivery_method("virtual", "Virtual"));
        let mut characteristics = self.codings(CodeList::Criterion, &listing.criteria);
        characteristics.extend(self.codings(CodeList::PaymentOption, &listing.payment_options));
        json!({
            "resourceType": "HealthcareService",
            "id": self.id(),
            "meta": self.meta(ResourceType::HealthcareService),
            "extension": [Self::delivery_method("physical", "Physical"), virtual_delivery, self.new_patients()],
            "active": true,
            "providedBy": self.practice(),
            "category": [{"coding": [{"system": PLAN_NET_SERVICE_CATEGORIES, "code": "behav", "display": "Behavioral Health"}]}],
            "type": self.codings(CodeList::TaperApproach, &listing.taper_approaches),
            "specialty": self.specialty(),
            "location": self.locations(),
            "name": format!("Benzodiazepine tapering with {}", listing.full_name),
            "comment": listing.statement,
            "telecom": self.telecom(),
            "coverageArea": self.coverage_area(),
            "communication": self.languages(),
            "characteristic": characteristics,
        })
    }

    fn organization(&self) -> Option<Value> {
        let listing = self.listing;
        let name = listing.practice_name.as_ref()?;
        Some(json!({
            "resourceType": "Organization",
            "id": self.id(),
            "meta": self.meta(ResourceType::Organization),
            "active": true,
            "type": [{"coding": [{"system": ORGANIZATION_TYPES, "code": "prov", "display": "Healthcare Provider"}]}],
            "name": name,
            "telecom": self.telecom(),
            "address": [self.address()],
        }))
    }
}
