//! The FHIR R4 API under `/fhir` and the NDJSON export, as a FHIR client
//! and a plan loading files would use them. Every document served is checked
//! by three independent validators, the npm package `fhir` (FHIR.js,
//! `tests/fhir/validate.js`), fhirkit-rs (`tests/fhir/validate.py`) and
//! fhircraft against the Plan-Net 1.2.0 profiles (`tests/fhir/plan_net.py`),
//! with zero errors allowed.
//!
//! The validators need `npm ci`, `.ci/fhir-tools` and `.ci/plan-net-tools`. Without one, the
//! validation tests are skipped with a message, unless
//! `BENZOWISE_INTEROP_TESTS=required` (as in `.ci/run`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use benzowise::app::seed::{self, Loaded, Publication, SeedBatch};
use benzowise::domain::listing::Provenance;
use benzowise::places::Gazetteer;
use serde_json::{json, Value};

use crate::cli::{benzowise, benzowise_with};
use crate::helpers::{spawn_app, ListingBuilder, Reply, TestApp};

const BASE: &str = "http://benzowise.test/fhir";

/// A listing with every field the mapping reads.
fn full_listing() -> ListingBuilder {
    ListingBuilder::new()
        .with("credentials", json!("MD, FAPA"))
        .with("family_name", json!("Whitfield"))
        .with("given_names", json!("Rowan  Ellis"))
        .paid_by(&["medicare", "self_pay"])
        .approaches(&["symptom_guided", "hyperbolic"])
        .criteria(&["slow_taper_supported", "ashton_manual"])
        .with(
            "phones",
            json!([
                {"number": "(503) 555-0100"},
                {"number": "(503) 555-0101", "kind": "fax"},
                {"number": "(503) 555-0102", "kind": "text"},
                {"number": "(503) 555-0103", "kind": "tty", "extension": "12"},
            ]),
        )
        .with("opening_hours", json!([{"day": "mon", "opens": "08:30", "closes": "17:00"}]))
}

/// A listing with only what a submission needs: no practice, NPI, taxonomy
/// code, telephone, web site or telehealth, and not taking new patients.
fn bare_listing() -> ListingBuilder {
    let mut listing = ListingBuilder::new()
        .named("Dr. Sam Okafor")
        .specialty("neurology")
        .offering_telehealth(false)
        .licensed_in(&[])
        .accepting_new_patients(false)
        .approaches(&[])
        .criteria(&[]);
    for field in ["credentials", "taxonomy_code", "npi", "practice_name", "address_line", "phone", "website"] {
        listing = listing.without(field);
    }
    listing.without("public_email").without("statement").without("answers").without("max_monthly_reduction_pct")
}

/// GET under `/fhir`; every answer there is FHIR JSON.
async fn fhir(app: &TestApp, path: &str) -> Reply {
    let reply = app.get(&format!("/fhir/{path}")).await;
    assert_eq!(reply.header("content-type"), Some("application/fhir+json"), "{path}: {}", reply.text);
    reply
}

/// GET that must succeed, as JSON.
async fn fhir_ok(app: &TestApp, path: &str) -> Value {
    let reply = fhir(app, path).await;
    assert_eq!(reply.status, 200, "{path}: {}", reply.text);
    reply.json()
}

/// GET that must fail with `status` and an OperationOutcome; its diagnostics.
async fn fhir_fails(app: &TestApp, path: &str, status: u16) -> Vec<String> {
    let reply = fhir(app, path).await;
    assert_eq!(reply.status, status, "{path}: {}", reply.text);
    let outcome: Value = reply.json();
    assert_eq!(outcome["resourceType"], "OperationOutcome", "{path}");
    outcome["issue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|issue| issue["diagnostics"].as_str().unwrap().to_string())
        .collect()
}

fn entries<'a>(bundle: &'a Value, mode: &str) -> Vec<&'a Value> {
    bundle["entry"].as_array().map_or(Vec::new(), |entries| {
        entries.iter().filter(|entry| entry["search"]["mode"] == mode).map(|entry| &entry["resource"]).collect()
    })
}

fn ids(resources: &[&Value]) -> Vec<String> {
    resources
        .iter()
        .map(|resource| format!("{}/{}", resource["resourceType"].as_str().unwrap(), resource["id"].as_str().unwrap()))
        .collect()
}

fn link<'a>(bundle: &'a Value, relation: &str) -> Option<&'a str> {
    bundle["link"].as_array()?.iter().find(|link| link["relation"] == relation)?["url"].as_str()
}

/// `https://…/fhir/X?y` → `X?y`, to follow a link on the test server.
fn path_of(url: &str) -> &str {
    url.strip_prefix(BASE)
        .and_then(|rest| rest.strip_prefix('/'))
        .unwrap_or_else(|| panic!("{url} is not under {BASE}"))
}

/// Stores a fictional demo listing, approved, as `serve --demo` does.
fn insert_demo(app: &TestApp, listing: Value) -> i64 {
    let parsed = SeedBatch { demo: true, listings: vec![listing] }.parse(Gazetteer::shared()).unwrap();
    seed::load(&mut app.connect(), parsed, Publication::Approved, Provenance::Demo).unwrap()[0].listing_id
}

async fn publish(app: &TestApp, listings: Vec<Value>) -> Vec<Loaded> {
    let loaded = app.insert_public(listings);
    app.wait_until_searchable(&loaded).await;
    loaded
}

#[actix_rt::test]
async fn a_listing_reads_as_plan_net_shaped_resources_that_share_its_id() {
    let app = spawn_app().await;
    let loaded = publish(&app, vec![full_listing().build(), bare_listing().build()]).await;
    let (full, bare) = (loaded[0].listing_id, loaded[1].listing_id);

    let practitioner = fhir_ok(&app, &format!("Practitioner/{full}")).await;
    assert_eq!(practitioner["id"], full.to_string());
    let profile = "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-Practitioner";
    assert_eq!(practitioner["meta"]["profile"], json!([profile]));
    assert_eq!(
        practitioner["identifier"],
        json!([
            {"use": "official", "system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"},
            {"use": "secondary", "system": format!("{BASE}/sid/listing"), "value": full.to_string()},
        ])
    );
    assert_eq!(
        practitioner["name"],
        json!([{
            "use": "official",
            "text": "Dr. Rowan Whitfield",
            "family": "Whitfield",
            "given": ["Rowan", "Ellis"],
            "suffix": ["MD", "FAPA"],
        }])
    );
    let languages: Vec<&str> = practitioner["communication"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["coding"][0]["code"].as_str().unwrap())
        .collect();
    assert_eq!(languages, ["en", "es"]);
    assert!(practitioner["meta"]["lastUpdated"].as_str().unwrap().ends_with('Z'));

    let role = fhir_ok(&app, &format!("PractitionerRole/{full}")).await;
    assert_eq!(role["practitioner"]["reference"], format!("Practitioner/{full}"));
    assert_eq!(
        role["organization"],
        json!({"reference": format!("Organization/{full}"), "display": "Riverbend Clinic"})
    );
    assert_eq!(role["location"][0]["reference"], format!("Location/{full}"));
    assert_eq!(role["healthcareService"][0]["reference"], format!("HealthcareService/{full}"));
    assert_eq!(
        role["specialty"][0]["coding"],
        json!([
            {"system": "http://nucc.org/provider-taxonomy", "code": "2084P0800X"},
            {"system": format!("{BASE}/CodeSystem/specialty"), "code": "psychiatry", "display": "Psychiatry"},
        ])
    );
    assert_eq!(role["code"][0]["coding"][0]["code"], "ph");
    let new_patients = &role["extension"][0];
    assert_eq!(new_patients["url"], "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/newpatients");
    assert_eq!(new_patients["extension"][0]["url"], "acceptingPatients");
    assert_eq!(new_patients["extension"][0]["valueCodeableConcept"]["coding"][0]["code"], "newpt");
    let telecom: Vec<(&str, &str)> = role["telecom"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["system"].as_str().unwrap(), t["value"].as_str().unwrap()))
        .collect();
    let profile_page = format!("http://benzowise.test/clinicians/{full}");
    assert_eq!(
        telecom,
        [
            ("phone", "(503) 555-0100"),
            ("fax", "(503) 555-0101"),
            ("sms", "(503) 555-0102"),
            ("other", "(503) 555-0103"),
            ("email", "office@example.org"),
            ("url", "https://example.org/whitfield"),
            ("url", profile_page.as_str())
        ]
    );

    assert_eq!(
        role["telecom"][3]["extension"],
        json!([{"url": "http://hl7.org/fhir/StructureDefinition/contactpoint-extension", "valueString": "12"}]),
        "a TTY's extension"
    );

    let location = fhir_ok(&app, &format!("Location/{full}")).await;
    assert_eq!(location["telecom"].as_array().map(Vec::len), Some(4), "every number of the practice");
    assert_eq!(location["name"], "Riverbend Clinic");
    assert_eq!(location["address"]["line"], json!(["100 Example Street"]));
    assert_eq!(
        (location["address"]["state"].as_str(), location["address"]["postalCode"].as_str()),
        (Some("OR"), Some("97201"))
    );
    assert!((location["position"]["latitude"].as_f64().unwrap() - 45.5).abs() < 0.5, "{location}");

    let service = fhir_ok(&app, &format!("HealthcareService/{full}")).await;
    let delivery: Vec<&str> = service["extension"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["url"] == "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/delivery-method")
        .map(|e| e["extension"][0]["valueCodeableConcept"]["coding"][0]["code"].as_str().unwrap())
        .collect();
    assert_eq!(delivery, ["physical", "virtual"]);
    let approaches: Vec<&str> =
        service["type"].as_array().unwrap().iter().map(|t| t["coding"][0]["code"].as_str().unwrap()).collect();
    assert_eq!(approaches, ["symptom_guided", "hyperbolic"]);
    assert_eq!(service["type"][0]["coding"][0]["system"], format!("{BASE}/CodeSystem/taper-approach"));
    let characteristics: Vec<(&str, &str)> = service["characteristic"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["coding"][0]["system"].as_str().unwrap(), c["coding"][0]["code"].as_str().unwrap()))
        .collect();
    let criterion = format!("{BASE}/CodeSystem/benzo-wise-criterion");
    let payment = format!("{BASE}/CodeSystem/payment-option");
    assert_eq!(
        characteristics,
        [
            (criterion.as_str(), "slow_taper_supported"),
            (criterion.as_str(), "ashton_manual"),
            (payment.as_str(), "medicare"),
            (payment.as_str(), "self_pay")
        ]
    );
    let region =
        |code: &str| json!({"identifier": {"system": "urn:iso:std:iso:3166:-2", "value": code}, "display": code});
    assert_eq!(service["coverageArea"], json!([region("US-OR"), region("US-WA")]));
    assert_eq!(service["comment"], "I taper slowly.");

    let organization = fhir_ok(&app, &format!("Organization/{full}")).await;
    assert_eq!(organization["name"], "Riverbend Clinic");

    // The bare listing leaves out what it does not say, and has no practice;
    // its names were derived from its display name.
    let role = fhir_ok(&app, &format!("PractitionerRole/{bare}")).await;
    assert!(role.get("organization").is_none(), "{role}");
    assert_eq!(
        role["telecom"],
        json!([{"system": "url", "value": format!("http://benzowise.test/clinicians/{bare}"), "use": "work", "rank": 10}])
    );
    assert_eq!(role["specialty"][0]["coding"].as_array().unwrap().len(), 1, "no NUCC code without a taxonomy code");
    assert_eq!(role["extension"][0]["extension"][0]["valueCodeableConcept"]["coding"][0]["code"], "nopt");
    let practitioner = fhir_ok(&app, &format!("Practitioner/{bare}")).await;
    assert_eq!(practitioner["identifier"].as_array().unwrap().len(), 1, "the listing's own, no NPI: {practitioner}");
    assert_eq!(
        (practitioner["name"][0]["family"].as_str(), practitioner["name"][0]["given"][0].as_str()),
        (Some("Okafor"), Some("Sam"))
    );
    assert_eq!(fhir_ok(&app, &format!("Location/{bare}")).await["name"], "Dr. Sam Okafor");
    let service = fhir_ok(&app, &format!("HealthcareService/{bare}")).await;
    assert_eq!(service["extension"].as_array().unwrap().len(), 2, "physical delivery and new patients only: {service}");
    fhir_fails(&app, &format!("Organization/{bare}"), 404).await;

    // Only the fictional demo listings are tagged as test data.
    assert!(practitioner["meta"].get("tag").is_none());
    let demo = insert_demo(&app, full_listing().named("Dr. Demo Person").build());
    for kind in ["Practitioner", "PractitionerRole", "Location", "HealthcareService", "Organization"] {
        let tags = &fhir_ok(&app, &format!("{kind}/{demo}")).await["meta"]["tag"];
        assert_eq!(tags[0]["system"], "http://terminology.hl7.org/CodeSystem/v3-ActReason", "{kind}");
        assert_eq!(tags[0]["code"], "HTEST", "{kind}");
    }

    // The private contact address is in no resource.
    for kind in ["Practitioner", "PractitionerRole", "Location", "HealthcareService", "Organization"] {
        assert!(!fhir(&app, &format!("{kind}/{full}")).await.text.contains("rowan.private@example.org"));
    }
}

#[actix_rt::test]
async fn a_search_near_a_place_finds_roles_nearest_first_with_what_they_reference() {
    let app = spawn_app().await;
    // Portland, Salem (70 km) and Eugene (170 km), and a neurologist in Portland.
    let loaded = publish(
        &app,
        vec![
            full_listing().named("Dr. Near").at(45.52, -122.68).build(),
            full_listing().named("Dr. Middle").at(44.94, -123.03).build(),
            full_listing().named("Dr. Far").at(44.05, -123.09).without("practice_name").build(),
            bare_listing().at(45.52, -122.67).build(),
        ],
    )
    .await;
    let id = |i: usize| loaded[i].listing_id.to_string();

    let near = "PractitionerRole?location.near=45.52|-122.68|200|km&specialty=psychiatry&_include=PractitionerRole:*";
    let bundle = fhir_ok(&app, near).await;
    assert_eq!((bundle["type"].as_str(), bundle["total"].as_u64()), (Some("searchset"), Some(3)));
    assert_eq!(ids(&entries(&bundle, "match")), [0, 1, 2].map(|i| format!("PractitionerRole/{}", id(i))));
    let included = ids(&entries(&bundle, "include"));
    assert_eq!(included.len(), 3 * 3 + 2, "Practitioner, Location and HealthcareService of each, two practices");
    assert!(
        included.contains(&format!("Organization/{}", id(1))) && !included.contains(&format!("Organization/{}", id(2)))
    );
    let first_entry = &bundle["entry"][0];
    assert_eq!(first_entry["fullUrl"], format!("{BASE}/PractitionerRole/{}", id(0)));

    // The same search by our specialty's system, in miles, a page at a time.
    let system = format!("{BASE}/CodeSystem/specialty");
    let paged = format!("PractitionerRole?location.near=45.52|-122.68|125|mi&specialty={system}|psychiatry&_count=2");
    let first = fhir_ok(&app, &paged).await;
    assert_eq!(first["total"], 3);
    assert_eq!(ids(&entries(&first, "match")).len(), 2);
    assert!(link(&first, "previous").is_none());
    let second = fhir_ok(&app, path_of(link(&first, "next").expect("a next page"))).await;
    assert_eq!(ids(&entries(&second, "match")), [format!("PractitionerRole/{}", id(2))]);
    assert!(link(&second, "next").is_none());
    assert_eq!(path_of(link(&second, "self").unwrap()), path_of(link(&first, "next").unwrap()));

    // Only what is within the distance; the neurologist when no specialty is asked.
    let close = fhir_ok(&app, "PractitionerRole?location.near=45.52|-122.68|10").await;
    assert_eq!(
        ids(&entries(&close, "match")),
        [format!("PractitionerRole/{}", id(0)), format!("PractitionerRole/{}", id(3))]
    );
    let services =
        fhir_ok(&app, "HealthcareService?location.near=45.52|-122.68|10|km&_include=HealthcareService:location").await;
    assert_eq!(ids(&entries(&services, "include")), [format!("Location/{}", id(0)), format!("Location/{}", id(3))]);
    let locations = fhir_ok(&app, "Location?near=44.05|-123.09|5|km").await;
    assert_eq!(ids(&entries(&locations, "match")), [format!("Location/{}", id(2))]);
    // A specialty alone searches the whole directory, by id; with `_id`, among those.
    let neurology = fhir_ok(&app, "PractitionerRole?specialty=neurology").await;
    assert_eq!(ids(&entries(&neurology, "match")), [format!("PractitionerRole/{}", id(3))]);
    let psychiatry =
        fhir_ok(&app, &format!("HealthcareService?specialty=psychiatry&_id={},{},{}", id(2), id(0), id(3))).await;
    assert_eq!(ids(&entries(&psychiatry, "match")), [0, 2].map(|i| format!("HealthcareService/{}", id(i))));
    let none = fhir_ok(&app, "PractitionerRole?location.near=0|0|10|km&_count=0").await;
    assert_eq!(none["total"], 0);
    assert!(none.get("entry").is_none());
}

#[actix_rt::test]
async fn ids_and_last_updated_find_listings_with_paging_links() {
    let app = spawn_app().await;
    let loaded =
        publish(&app, (0..5).map(|i| full_listing().named(&format!("Dr. Number {i}")).build()).collect()).await;
    let id = |i: usize| loaded[i].listing_id;
    app.connect_and_run(&format!("UPDATE listings SET updated_at = '2020-03-04 05:06:07' WHERE id = {}", id(3)));

    let by_id = fhir_ok(&app, &format!("Practitioner?_id={},{},999999", id(1), id(4))).await;
    assert_eq!(by_id["total"], 2);
    assert_eq!(ids(&entries(&by_id, "match")), [format!("Practitioner/{}", id(1)), format!("Practitioner/{}", id(4))]);

    let old = fhir_ok(&app, "PractitionerRole?_lastUpdated=lt2021").await;
    assert_eq!(ids(&entries(&old, "match")), [format!("PractitionerRole/{}", id(3))]);
    assert_eq!(entries(&old, "match")[0]["meta"]["lastUpdated"], "2020-03-04T05:06:07Z");
    let that_second = fhir_ok(&app, "PractitionerRole?_lastUpdated=2020-03-04T05:06:07Z").await;
    assert_eq!(that_second["total"], 1);
    let range = fhir_ok(&app, "Location?_lastUpdated=ge2020-03&_lastUpdated=lt2020-03-04T05:06Z").await;
    assert_eq!(range["total"], 0, "the minute before it");
    let recent = fhir_ok(&app, "PractitionerRole?_lastUpdated=gt2021-01-01&_count=3").await;
    assert_eq!(recent["total"], 4);
    assert_eq!(ids(&entries(&recent, "match")).len(), 3);
    let next = link(&recent, "next").expect("a next page");
    assert!(next.contains("_lastUpdated=gt2021-01-01") && next.contains("_offset=3"), "{next}");
    assert_eq!(entries(&fhir_ok(&app, path_of(next)).await, "match").len(), 1);

    // Without parameters, every public listing, least recently changed first.
    let all = fhir_ok(&app, "PractitionerRole").await;
    assert_eq!(all["total"], 5);
    assert_eq!(ids(&entries(&all, "match"))[0], format!("PractitionerRole/{}", id(3)));
    let includes =
        fhir_ok(&app, &format!("PractitionerRole?_id={}&_include=PractitionerRole:practitioner:Practitioner", id(0)))
            .await;
    assert_eq!(ids(&entries(&includes, "include")), [format!("Practitioner/{}", id(0))]);
}

#[actix_rt::test]
async fn only_public_listings_are_served() {
    let app = spawn_app().await;
    let pending = app.insert_pending([full_listing().build()])[0].listing_id;
    let public = publish(&app, vec![full_listing().named("Dr. Public").build()]).await[0].listing_id;
    let moderator = app.login_moderator("mira").await;
    fhir_fails(&app, &format!("PractitionerRole/{pending}"), 404).await;
    assert_eq!(fhir_ok(&app, "PractitionerRole").await["total"], 1);

    assert_eq!(app.suspend(&moderator, public, "checking the licence").await.status, 200);
    fhir_fails(&app, &format!("Practitioner/{public}"), 404).await;
    assert_eq!(fhir_ok(&app, &format!("Practitioner?_id={public}")).await["total"], 0);
    app.get_until("/fhir/PractitionerRole", |reply| reply.json::<Value>()["total"] == 0).await;
}

/// Three listings to search: Whitfield in Portland with a NUCC code and a
/// practice, de la Cruz in Bend (her names derived from her display name),
/// and Núñez in Salem with a practice.
async fn three_to_search(app: &TestApp) -> [i64; 3] {
    let loaded = publish(
        app,
        vec![
            full_listing().build(),
            bare_listing().named("Dra. Ana María de la Cruz").in_city("Bend", "OR").build(),
            full_listing()
                .named("Dr. José Núñez")
                .with("family_name", json!("Núñez"))
                .with("given_names", json!("José"))
                .specialty("geriatrics")
                .with("taxonomy_code", json!("207QG0300X"))
                .with("practice_name", json!("Núñez Family Care"))
                .near("97301")
                .with("city", json!("Salem"))
                .build(),
        ],
    )
    .await;
    [loaded[0].listing_id, loaded[1].listing_id, loaded[2].listing_id]
}

/// The ids of a search's matches, as `Type/id`.
async fn found(app: &TestApp, path: &str) -> Vec<String> {
    ids(&entries(&fhir_ok(app, path).await, "match"))
}

#[actix_rt::test]
async fn plan_nets_searches_find_listings_by_name_place_practice_and_reference() {
    let app = spawn_app().await;
    let [whitfield, cruz, nunez] = three_to_search(&app).await;
    let practitioners = |ids: &[i64]| ids.iter().map(|id| format!("Practitioner/{id}")).collect::<Vec<_>>();
    assert_eq!(found(&app, "Practitioner?family=cruz").await, practitioners(&[cruz]));
    assert_eq!(found(&app, "Practitioner?family=de%20la").await, practitioners(&[cruz]));
    assert_eq!(found(&app, "Practitioner?given=ANA").await, practitioners(&[cruz]));
    assert_eq!(found(&app, "Practitioner?name=nunez").await, practitioners(&[nunez]), "accents aside");
    assert_eq!(found(&app, "Practitioner?name=ruiz,rowan").await, practitioners(&[whitfield]), "any of several");
    assert_eq!(found(&app, "Practitioner?name:exact=Dr.%20Jos%C3%A9%20N%C3%BA%C3%B1ez").await, practitioners(&[nunez]));
    assert!(found(&app, "Practitioner?name:exact=dr.%20jos%C3%A9%20n%C3%BA%C3%B1ez").await.is_empty());
    assert_eq!(found(&app, "Practitioner?name:contains=hitfi").await, practitioners(&[whitfield]));
    assert!(found(&app, "Practitioner?name=hitfi").await.is_empty(), "the start of a word by default");

    let locations = |ids: &[i64]| ids.iter().map(|id| format!("Location/{id}")).collect::<Vec<_>>();
    assert_eq!(found(&app, "Location?address-city=port").await, locations(&[whitfield]));
    assert_eq!(found(&app, "Location?address-state=or").await, locations(&[whitfield, cruz, nunez]));
    assert_eq!(found(&app, "Location?address-postalcode=973").await, locations(&[nunez]));
    assert_eq!(found(&app, &format!("Location?organization=Organization/{nunez}")).await, locations(&[nunez]));

    let organizations = fhir_ok(&app, "Organization").await;
    assert_eq!(organizations["total"], 2, "only listings that name a practice have one");
    assert_eq!(found(&app, "Organization?name=riverbend").await, [format!("Organization/{whitfield}")]);
    assert_eq!(found(&app, "HealthcareService?name=whitfield").await, [format!("HealthcareService/{whitfield}")]);

    let roles = |ids: &[i64]| ids.iter().map(|id| format!("PractitionerRole/{id}")).collect::<Vec<_>>();
    let both = format!("PractitionerRole?practitioner=Practitioner/{whitfield},{BASE}/Practitioner/{nunez}");
    assert_eq!(found(&app, &both).await, roles(&[whitfield, nunez]));
    assert!(found(&app, &format!("PractitionerRole?practitioner=Location/{whitfield}")).await.is_empty());
    assert!(found(&app, &format!("PractitionerRole?organization=Organization/{cruz}")).await.is_empty());
    assert_eq!(found(&app, &format!("PractitionerRole?location=Location/{cruz}")).await, roles(&[cruz]));
    assert_eq!(found(&app, &format!("PractitionerRole?service={nunez}")).await, roles(&[nunez]));
    assert_eq!(found(&app, "PractitionerRole?practitioner.name=cruz").await, roles(&[cruz]));
    assert_eq!(found(&app, "PractitionerRole?location.address-city=salem").await, roles(&[nunez]));
    assert_eq!(found(&app, "PractitionerRole?organization.name=nunez").await, roles(&[nunez]));
    assert_eq!(found(&app, "PractitionerRole?location.address-postalcode=97201").await, roles(&[whitfield]));

    let nucc = "http://nucc.org/provider-taxonomy";
    assert_eq!(found(&app, &format!("PractitionerRole?specialty={nucc}|2084P0800X")).await, roles(&[whitfield]));
    assert_eq!(found(&app, "PractitionerRole?specialty=neurology,geriatrics").await, roles(&[cruz, nunez]));
    let mixed = format!("HealthcareService?specialty={nucc}|207QG0300X,{BASE}/CodeSystem/specialty|neurology");
    assert_eq!(found(&app, &mixed).await.len(), 2);
}

#[actix_rt::test]
async fn revincludes_summaries_totals_elements_and_lenient_handling_shape_the_bundle() {
    let app = spawn_app().await;
    let [whitfield, _, nunez] = three_to_search(&app).await;
    let bundle =
        fhir_ok(&app, &format!("Practitioner?_id={whitfield}&_revinclude=PractitionerRole:practitioner")).await;
    assert_eq!(ids(&entries(&bundle, "include")), [format!("PractitionerRole/{whitfield}")]);
    let path = format!("Location?_id={nunez}&_revinclude=PractitionerRole:location&_revinclude=HealthcareService:*");
    let bundle = fhir_ok(&app, &path).await;
    assert_eq!(
        ids(&entries(&bundle, "include")),
        [format!("PractitionerRole/{nunez}"), format!("HealthcareService/{nunez}")]
    );
    let bundle = fhir_ok(
        &app,
        "Organization?_revinclude=PractitionerRole:organization&_revinclude=HealthcareService:organization",
    )
    .await;
    assert_eq!((entries(&bundle, "match").len(), entries(&bundle, "include").len()), (2, 4));
    let said = fhir_fails(&app, "Practitioner?_revinclude=Location:organization", 400).await;
    assert_eq!(said, ["_revinclude: must be one of PractitionerRole:practitioner"]);

    let counted = fhir_ok(&app, "Practitioner?_summary=count").await;
    assert_eq!((counted["total"].as_u64(), counted.get("entry")), (Some(3), None));
    assert!(link(&counted, "next").is_none());
    let untotalled = fhir_ok(&app, "Practitioner?_total=none").await;
    assert!(untotalled.get("total").is_none() && entries(&untotalled, "match").len() == 3);
    assert_eq!(fhir_ok(&app, "Practitioner?_total=accurate").await["total"], 3);

    let subset = fhir_ok(&app, &format!("Practitioner?_id={whitfield}&_elements=name,gender")).await;
    let practitioner = entries(&subset, "match")[0];
    let mut keys: Vec<&String> = practitioner.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["id", "meta", "name", "resourceType"]);
    assert!(practitioner["meta"]["tag"].as_array().unwrap().iter().any(|tag| tag["code"] == "SUBSETTED"));

    fhir_fails(&app, "PractitionerRole?api_key=secret&_count=1", 400).await;
    let lenient = app
        .request(
            "GET",
            "/fhir/PractitionerRole?api_key=secret&_count=1",
            &[("prefer", "return=representation; handling=lenient")],
            None,
        )
        .await;
    assert_eq!(lenient.status, 200, "{}", lenient.text);
    let bundle: Value = lenient.json();
    assert_eq!(entries(&bundle, "match").len(), 1);
    let outcome = entries(&bundle, "outcome")[0];
    assert_eq!(outcome["issue"][0]["diagnostics"], "The parameter api_key is not supported here and was ignored.");
    let bad_value =
        app.request("GET", "/fhir/PractitionerRole?_count=many", &[("prefer", "handling=lenient")], None).await;
    assert_eq!(bad_value.status, 400, "a bad value of a known parameter is still refused");
}

#[actix_rt::test]
async fn a_page_carries_at_most_a_hundred_resources_includes_counted() {
    let app = spawn_app().await;
    let listings = (0..23).map(|n| full_listing().named(&format!("Dr. Many {n}")).build()).collect();
    publish(&app, listings).await;
    let bundle = fhir_ok(&app, "PractitionerRole?_count=100&_include=PractitionerRole:*").await;
    let entries_served = bundle["entry"].as_array().unwrap().len();
    assert_eq!(entries(&bundle, "match").len(), 20, "100 resources, five for each listing");
    assert_eq!(entries_served, 100);
    assert!(link(&bundle, "self").unwrap().contains("_count=20"), "the links say the page size served");
    let next = link(&bundle, "next").unwrap();
    assert!(next.contains("_count=20") && next.contains("_offset=20"), "{next}");
    assert_eq!(entries(&fhir_ok(&app, path_of(next)).await, "match").len(), 3);
    let plain = fhir_ok(&app, "PractitionerRole?_count=100").await;
    assert_eq!(entries(&plain, "match").len(), 23, "without includes the page is as asked");
}

#[actix_rt::test]
async fn bad_parameters_unknown_addresses_and_other_methods_answer_an_operation_outcome() {
    let app = spawn_app().await;
    let id = publish(&app, vec![full_listing().build()]).await[0].listing_id;

    let said = fhir_fails(&app, "PractitionerRole?name=Smith&_count=500&_sort=name", 400).await;
    assert_eq!(
        said,
        [
            "_count: must be a whole number from 0 to 100",
            "_sort: is not a search parameter",
            "name: is not a search parameter"
        ]
    );
    let said = fhir_fails(&app, "PractitionerRole?specialty=psychiatry&_lastUpdated=ge2020", 400).await;
    assert_eq!(
        said,
        ["_lastUpdated: cannot be combined with the parameters that match text, specialties or practices"]
    );
    let said = fhir_fails(&app, "PractitionerRole?location.near=45|-122&_id=1", 400).await;
    assert_eq!(said, ["_id: cannot be combined with location.near"]);
    let said = fhir_fails(
        &app,
        "PractitionerRole?specialty=http://nucc.org/provider-taxonomy|2084P0800X&location.near=45|-122",
        400,
    )
    .await;
    assert_eq!(said, ["location.near: cannot be combined with parameters other than one specialty of ours"]);
    let said = fhir_fails(&app, "PractitionerRole?specialty=http://snomed.info/sct|394587001", 400).await;
    assert_eq!(
        said,
        [format!(
            "specialty: searches only the codes of {BASE}/CodeSystem/specialty or http://nucc.org/provider-taxonomy"
        )]
    );
    let said = fhir_fails(&app, "Practitioner?name:missing=true&_summary=text&_total=some", 400).await;
    assert_eq!(
        said,
        [
            "_summary: must be one of count, false",
            "_total: must be one of none, estimate, accurate",
            "name:missing: is not a search parameter"
        ]
    );
    let said = fhir_fails(&app, "PractitionerRole?specialty=cardiology&location.near=45|-122", 400).await;
    assert_eq!(said, [format!("specialty: 'cardiology' is not a code of {BASE}/CodeSystem/specialty")]);
    for near in ["45", "north|west", "91|0", "45|-122|2000|km", "45|-122|5|furlongs", "45|-122|0.1"] {
        fhir_fails(&app, &format!("PractitionerRole?location.near={near}"), 400).await;
    }
    for updated in ["yesterday", "ne2026-01-01", "2026-02-30", "2026-12-03T10:00"] {
        fhir_fails(&app, &format!("PractitionerRole?_lastUpdated={updated}"), 400).await;
    }
    let said = fhir_fails(&app, "Location?_include=PractitionerRole:practitioner&_offset=10001&_format=xml", 400).await;
    assert_eq!(said.len(), 3, "{said:?}");
    fhir_fails(&app, "PractitionerRole?_lastUpdated=ge2020&location.near=45|-122", 400).await;
    fhir_fails(&app, "CapabilityStatement", 404).await;
    fhir_fails(&app, &format!("Practitioner/{id}?_elements=name"), 400).await;
    fhir_fails(&app, "metadata?mode=terminology", 400).await;
    assert_eq!(fhir(&app, &format!("Practitioner/{id}?_format=json")).await.status, 200);

    for missing in [
        "Practitioner/999999",
        "Practitioner/0",
        &format!("Practitioner/0{id}"),
        "Patient/1",
        "CodeSystem/icd-10",
        "",
        "Practitioner/1/_history",
    ] {
        fhir_fails(&app, missing, 404).await;
    }
    let posted = app
        .request("POST", "/fhir/PractitionerRole", &[("content-type", "application/fhir+json")], Some(b"{}".to_vec()))
        .await;
    assert_eq!((posted.status, posted.header("allow")), (405, Some("GET, HEAD")));
    assert_eq!(posted.json::<Value>()["issue"][0]["code"], "not-supported");
    let deleted = app.request("DELETE", &format!("/fhir/Practitioner/{id}"), &[], None).await;
    assert_eq!((deleted.status, deleted.header("content-type")), (405, Some("application/fhir+json")));
    let head = app.request("HEAD", "/fhir/metadata", &[], None).await;
    assert_eq!((head.status, head.text.as_str()), (200, ""));
}

#[actix_rt::test]
async fn metadata_and_the_code_systems_say_what_is_served() {
    let app = spawn_app().await;
    let statement = fhir_ok(&app, "metadata").await;
    assert_eq!(
        (statement["resourceType"].as_str(), statement["fhirVersion"].as_str()),
        (Some("CapabilityStatement"), Some("4.0.1"))
    );
    let resources = statement["rest"][0]["resource"].as_array().unwrap();
    let role = resources.iter().find(|r| r["type"] == "PractitionerRole").unwrap();
    let names: Vec<&str> =
        role["searchParam"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "_id",
            "_lastUpdated",
            "practitioner",
            "location",
            "organization",
            "service",
            "specialty",
            "location.near",
            "practitioner.name",
            "location.address-city",
            "location.address-state",
            "location.address-postalcode",
            "organization.name",
            "_summary",
            "_total"
        ]
    );
    assert_eq!(role["searchInclude"].as_array().unwrap().len(), 4);
    assert_eq!(
        role["supportedProfile"],
        json!(["http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-PractitionerRole"])
    );
    let organization = resources.iter().find(|r| r["type"] == "Organization").unwrap();
    assert_eq!(organization["interaction"], json!([{"code": "read"}, {"code": "search-type"}]));
    assert_eq!(
        organization["searchRevInclude"],
        json!(["PractitionerRole:organization", "HealthcareService:organization"])
    );
    let practitioner = resources.iter().find(|r| r["type"] == "Practitioner").unwrap();
    assert_eq!(practitioner["searchRevInclude"], json!(["PractitionerRole:practitioner"]));
    // Every parameter listed is one a search takes.
    for resource in resources {
        for parameter in resource["searchParam"].as_array().unwrap() {
            let path =
                format!("{}?{}=1&_count=0", resource["type"].as_str().unwrap(), parameter["name"].as_str().unwrap());
            let reply = fhir(&app, &path).await;
            assert!(!reply.text.contains("is not a search parameter"), "{path}: {}", reply.text);
        }
    }

    let approaches = fhir_ok(&app, "CodeSystem/taper-approach").await;
    assert_eq!(approaches["url"], format!("{BASE}/CodeSystem/taper-approach"));
    assert_eq!((approaches["count"].as_u64(), approaches["content"].as_str()), (Some(10), Some("complete")));
    assert_eq!(approaches["concept"][1]["code"], "micro_taper");
    assert_eq!(approaches["concept"][1]["display"], "Micro-taper");
    assert_eq!(approaches["concept"][1]["definition"], "Very small reductions made daily or every few days");
    let criteria = fhir_ok(&app, "CodeSystem/benzo-wise-criterion").await;
    assert_eq!(criteria["concept"][8]["display"], "Familiar with the Ashton Manual");
    assert_eq!(criteria["concept"][8]["designation"][0], json!({"language": "es", "value": "Conoce el Manual Ashton"}));
    let all = fhir_ok(&app, "CodeSystem").await;
    assert_eq!(all["total"], 5);
    let found = fhir_ok(&app, &format!("CodeSystem?url={BASE}/CodeSystem/specialty")).await;
    assert_eq!(ids(&entries(&found, "match")), ["CodeSystem/specialty"]);
}

/// Every kind of document the API serves, as a client would see them.
async fn every_kind_of_document(app: &TestApp, full: i64, bare: i64) -> Vec<String> {
    let mut paths = vec![
        "metadata".to_string(),
        "CodeSystem".to_string(),
        format!("Organization/{full}"),
        "PractitionerRole?location.near=45.52|-122.68|100|km&specialty=psychiatry&_include=PractitionerRole:*"
            .to_string(),
        "HealthcareService?location.near=45.52|-122.68|100&_include=HealthcareService:*".to_string(),
        "Location?near=45.52|-122.68|100|km&_include=Location:organization".to_string(),
        "Practitioner?_lastUpdated=ge2020-01-01&_count=1".to_string(),
        "PractitionerRole?specialty=neurology&_include=PractitionerRole:location".to_string(),
        "Practitioner?family=whit&_revinclude=PractitionerRole:practitioner".to_string(),
        "Location?address-city=portland&_revinclude=PractitionerRole:location&_revinclude=HealthcareService:location"
            .to_string(),
        "Organization?name=riverbend&_revinclude=PractitionerRole:organization".to_string(),
        "PractitionerRole?specialty=http://nucc.org/provider-taxonomy|2084P0800X,neurology&_summary=count".to_string(),
        format!("PractitionerRole?practitioner=Practitioner/{full}&_include=PractitionerRole:*&_total=none"),
    ];
    for kind in ["Practitioner", "PractitionerRole", "Location", "HealthcareService"] {
        paths.extend([format!("{kind}/{full}"), format!("{kind}/{bare}")]);
    }

    for list in ["profession", "specialty", "taper-approach", "benzo-wise-criterion", "payment-option"] {
        paths.push(format!("CodeSystem/{list}"));
    }
    let mut documents = Vec::new();
    for path in &paths {
        documents.push(fhir_ok(app, path).await.to_string());
    }
    let lenient = app.request("GET", "/fhir/PractitionerRole?api_key=x", &[("prefer", "handling=lenient")], None).await;
    documents.push(lenient.text);
    // Errors: a bad search, an unknown id, another method.
    documents.push(fhir(app, "PractitionerRole?_count=-1&color=blue").await.text);
    documents.push(fhir(app, "Practitioner/999999").await.text);
    documents.push(app.request("PUT", "/fhir/Practitioner/1", &[], Some(b"{}".to_vec())).await.text);
    documents
}

#[actix_rt::test]
async fn every_document_the_api_serves_passes_both_validators() {
    let Some(validators) = Validators::find() else { return };
    let app = spawn_app().await;
    let loaded = publish(&app, vec![full_listing().build(), bare_listing().build()]).await;
    let mut documents = every_kind_of_document(&app, loaded[0].listing_id, loaded[1].listing_id).await;
    let demo = insert_demo(&app, full_listing().named("Dr. Demo Person").build());
    documents.push(fhir_ok(&app, &format!("PractitionerRole/{demo}")).await.to_string());
    // A listing at two places: the further one is a Location of its own, which its role names.
    let places = publish(&app, vec![full_listing().named("Dr. Two Places").also_at(&[(44.9429, -123.0351)]).build()]);
    let two = places.await[0].listing_id;
    for path in [format!("Location/{two}-2"), format!("PractitionerRole?_id={two}&_include=PractitionerRole:location")]
    {
        documents.push(fhir_ok(&app, &path).await.to_string());
    }
    assert!(documents.iter().all(|document| !document.contains('\n')), "one document a line");
    validators.assert_valid("the API's documents", &documents.join("\n"));
}

#[actix_rt::test]
async fn the_ndjson_export_writes_one_file_per_type_that_both_validators_accept() {
    let app = spawn_app().await;
    let loaded =
        publish(&app, vec![full_listing().build(), bare_listing().build(), full_listing().named("Dr. Third").build()])
            .await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fhir");
    let output = benzowise_with(
        &app.database,
        &["export", "--format", "fhir-ndjson", out.to_str().unwrap()],
        "",
        &[("PUBLIC_URL", "http://benzowise.test")],
    );
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{said}");
    assert!(said.contains("3 Practitioner resource(s)") && said.contains("2 Organization resource(s)"), "{said}");
    assert!(!said.contains('\r'), "no progress bar off a terminal: {said:?}");

    let read = |kind: &str| std::fs::read_to_string(out.join(format!("{kind}.ndjson"))).unwrap();
    let lines =
        |kind: &str| read(kind).lines().map(|line| serde_json::from_str::<Value>(line).unwrap()).collect::<Vec<_>>();
    for (kind, count) in [
        ("Practitioner", 3),
        ("PractitionerRole", 3),
        ("Location", 3),
        ("HealthcareService", 3),
        ("Organization", 2),
        ("CodeSystem", 5),
    ] {
        assert_eq!(lines(kind).len(), count, "{kind}");
    }
    assert!(std::fs::read_dir(&out).unwrap().all(|entry| !entry
        .unwrap()
        .file_name()
        .to_string_lossy()
        .ends_with(".partial")));
    // A line of the export is the resource the API serves, with the same id.
    let role = lines("PractitionerRole").remove(1);
    assert_eq!(role, fhir_ok(&app, &format!("PractitionerRole/{}", loaded[1].listing_id)).await);
    assert!(read("PractitionerRole").starts_with(r#"{"resourceType":"PractitionerRole","#));

    // Again into the same directory: the files are replaced, not added to.
    assert!(benzowise(&app.database, &["export", "--format", "fhir-ndjson", out.to_str().unwrap()], "")
        .status
        .success());
    assert_eq!(lines("Practitioner").len(), 3);
    let refused = benzowise(&app.database, &["export", "--format", "fhir-ndjson"], "");
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("name the directory"));

    let Some(validators) = Validators::find() else { return };
    let files: Vec<PathBuf> = std::fs::read_dir(&out).unwrap().map(|entry| entry.unwrap().path()).collect();
    validators.assert_files_valid(&files);
}

/// The three validators' driver scripts, when every validator is installed.
struct Validators {
    python: PathBuf,
    plan_net: PathBuf,
}

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

impl Validators {
    /// Every validator; `None`, with a message, when one is missing (a
    /// failure instead under `BENZOWISE_INTEROP_TESTS=required`).
    fn find() -> Option<Validators> {
        let python = repository().join(".ci-cache/fhir-venv/bin/python");
        let plan_net = repository().join(".ci-cache/plan-net-venv/bin/python");
        let node_ok = Command::new("node").arg("--version").output().is_ok_and(|output| output.status.success())
            && repository().join("node_modules/fhir/package.json").is_file();
        let imports = |python: &Path, module: &str| {
            Command::new(python)
                .args(["-c", &format!("import {module}")])
                .output()
                .is_ok_and(|output| output.status.success())
        };
        let plan_net_ok = imports(&plan_net, "fhircraft")
            && repository().join(".ci-cache/plan-net/hl7.fhir.us.davinci-pdex-plan-net/package/package.json").is_file();
        let missing = match (node_ok, imports(&python, "fhirkit"), plan_net_ok) {
            (true, true, true) => return Some(Validators { python, plan_net }),
            (false, _, _) => "node and the npm package fhir (npm ci)",
            (true, false, _) => "fhirkit-rs (.ci/fhir-tools)",
            (true, true, false) => "fhircraft and the Plan-Net package (.ci/plan-net-tools)",
        };
        assert!(
            std::env::var("BENZOWISE_INTEROP_TESTS").as_deref() != Ok("required"),
            "BENZOWISE_INTEROP_TESTS=required but {missing} is not installed"
        );
        eprintln!(
            "skipped: {missing} is not installed; run `npm ci` and `.ci/fhir-tools` to validate the FHIR documents"
        );
        None
    }

    fn commands(&self) -> [Command; 3] {
        let mut node = Command::new("node");
        node.arg(repository().join("tests/fhir/validate.js"));
        let mut python = Command::new(&self.python);
        python.arg(repository().join("tests/fhir/validate.py"));
        let mut plan_net = Command::new(&self.plan_net);
        plan_net.arg(repository().join("tests/fhir/plan_net.py"));
        [node, python, plan_net]
    }

    /// Runs both validators on NDJSON given on standard input; fails the test
    /// on any error, showing what each validator said.
    fn assert_valid(&self, what: &str, ndjson: &str) {
        for mut command in self.commands() {
            let mut child =
                command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
            child.stdin.take().unwrap().write_all(ndjson.as_bytes()).unwrap();
            check(what, child.wait_with_output().unwrap(), ndjson.lines().count());
        }
    }

    fn assert_files_valid(&self, files: &[PathBuf]) {
        let resources = files.iter().map(|file| std::fs::read_to_string(file).unwrap().lines().count()).sum();
        for mut command in self.commands() {
            check("the NDJSON export", command.args(files).output().unwrap(), resources);
        }
    }
}

/// A validator's verdict: it ran, read every resource and found no error.
fn check(what: &str, output: std::process::Output, resources: usize) {
    let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    let summary = said.lines().last().unwrap_or_default();
    assert!(output.status.success(), "{what} is not valid:\n{said}");
    assert!(summary.contains(&format!("validated {resources} resource(s): 0 error(s)")), "{what}: {summary}");
    eprintln!("{what}: {summary}");
}

#[actix_rt::test]
async fn family_and_given_names_are_asked_for_derived_when_left_out_and_derived_once_for_older_listings() {
    use benzowise::db::schema::{listings, names_to_derive};
    use diesel::prelude::*;

    let app = spawn_app().await;
    let form = app.get("/submit").await.text;
    assert!(form.contains(r#"name="family_name""#) && form.contains(r#"name="given_names""#), "the form asks");
    let given = app
        .submit(
            &ListingBuilder::new()
                .named("Dr. Ana María de la Cruz Soto")
                .with("family_name", json!("de la Cruz Soto"))
                .with("given_names", json!("Ana María"))
                .build(),
        )
        .await;
    let derived = app.submit(&ListingBuilder::new().named("Dr. Sam Okafor, MD").build()).await;
    let moderator = app.login_moderator("mira").await;
    let review = |id: i64| {
        let path = format!("/moderate/submissions/{id}");
        let (app, moderator) = (&app, &moderator);
        async move { app.as_moderator(moderator, "GET", &path, None).await }
    };
    let page = review(derived.submission_id).await.text;
    assert!(
        page.contains("Okafor (family name), Sam (given names)") && page.contains("derived from the full name"),
        "moderators see it"
    );
    let page = review(given.submission_id).await.text;
    assert!(
        page.contains("de la Cruz Soto (family name), Ana María (given names)")
            && !page.contains("derived from the full name")
    );
    for submitted in [&given, &derived] {
        assert_eq!(app.approve(&moderator, submitted.submission_id).await.status, 200);
    }
    let name = |practitioner: Value| practitioner["name"][0].clone();
    let cruz = name(fhir_ok(&app, &format!("Practitioner/{}", given.listing_id)).await);
    assert_eq!((cruz["family"].as_str(), cruz["given"].clone()), (Some("de la Cruz Soto"), json!(["Ana", "María"])));
    let okafor = name(fhir_ok(&app, &format!("Practitioner/{}", derived.listing_id)).await);
    assert_eq!((okafor["family"].as_str(), okafor["given"].clone()), (Some("Okafor"), json!(["Sam"])));

    // A listing stored before names were asked: the migration listed it,
    // and the next start derives its names once.
    let mut conn = app.connect();
    let stored: Option<String> =
        listings::table.find(given.listing_id).select(listings::content).first(&mut conn).unwrap();
    let mut old: Value = serde_json::from_str(&stored.unwrap()).unwrap();
    for key in ["family_name", "given_names", "names_derived"] {
        old.as_object_mut().unwrap().remove(key);
    }
    diesel::update(listings::table.find(given.listing_id))
        .set(listings::content.eq(old.to_string()))
        .execute(&mut conn)
        .unwrap();
    diesel::insert_into(names_to_derive::table)
        .values((names_to_derive::kind.eq("listing"), names_to_derive::id.eq(given.listing_id)))
        .execute(&mut conn)
        .unwrap();
    assert!(benzowise(&app.database, &["migrate"], "").status.success());
    let stored: Option<String> =
        listings::table.find(given.listing_id).select(listings::content).first(&mut conn).unwrap();
    let named: Value = serde_json::from_str(&stored.unwrap()).unwrap();
    assert_eq!(
        (named["family_name"].as_str(), named["given_names"].as_str()),
        (Some("Soto"), Some("Ana María de la Cruz"))
    );
    assert_eq!(named["names_derived"], true);
    let left: i64 = names_to_derive::table.count().get_result(&mut conn).unwrap();
    assert_eq!(left, 0, "derived once: the list is empty");
}
