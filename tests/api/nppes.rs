//! The national provider registry (NPPES): `benzowise nppes load` and
//! `status`, the verdict on every submission, `npi_verified_on` at approval
//! (profile, API, HSDS, FHIR), and the report a weekly deactivation opens.

use std::io::Write;

use benzowise::app::listings::PublicListing;
use benzowise::app::moderation::QueueItem;
use benzowise::db::reports::Report;
use serde_json::{json, Value};

use crate::cli::{benzowise, stdout};
use crate::helpers::{spawn_app, visible_text, ListingBuilder, ModeratorSession, Submitted, TestApp};

/// The columns of a dissemination file the directory reads, with some of
/// the others between them, which it ignores.
const COLUMNS: &[&str] = &[
    "NPI",
    "Entity Type Code",
    "Replacement NPI",
    "Employer Identification Number (EIN)",
    "Provider Organization Name (Legal Business Name)",
    "Provider Last Name (Legal Name)",
    "Provider First Name",
    "Provider Middle Name",
    "Provider Name Prefix Text",
    "Provider Credential Text",
    "Provider First Line Business Practice Location Address",
    "Provider Business Practice Location Address City Name",
    "Provider Business Practice Location Address State Name",
    "Provider Business Practice Location Address Postal Code",
    "Provider Business Practice Location Address Country Code (If outside U.S.)",
    "Provider Business Practice Location Address Telephone Number",
    "Provider Enumeration Date",
    "Last Update Date",
    "NPI Deactivation Reason Code",
    "NPI Deactivation Date",
    "NPI Reactivation Date",
    "Provider Sex Code",
    "Healthcare Provider Taxonomy Code_1",
    "Provider License Number_1",
    "Provider License Number State Code_1",
    "Healthcare Provider Primary Taxonomy Switch_1",
    "Healthcare Provider Taxonomy Code_2",
    "Provider License Number_2",
    "Provider License Number State Code_2",
    "Healthcare Provider Primary Taxonomy Switch_2",
    "Is Sole Proprietor",
];

/// The listing builder's own clinician: matches.
pub const WHITFIELD: &str = "1234567893";
/// In the file under another name.
const OTHER_NAME: &str = "1987654328";
/// Deactivated, written as NPPES writes such a row.
const DEACTIVATED: &str = "1555555550";
/// An organization's number: not kept, so not in the file.
const ORGANIZATION: &str = "1666666668";
/// A name with a byte that is not UTF-8.
const LATIN1: &str = "1444444446";

fn row(values: &[(&str, &str)]) -> Vec<u8> {
    let fields: Vec<String> = COLUMNS
        .iter()
        .map(|name| values.iter().find(|(column, _)| column == name).map_or("", |(_, value)| *value))
        .map(|value| if value.contains(',') { format!("\"{value}\"") } else { value.to_string() })
        .collect();
    format!("{}\n", fields.join(",")).into_bytes()
}

/// A small dissemination file: header, then the rows.
fn dissemination_file(rows: &[Vec<u8>]) -> Vec<u8> {
    let header = COLUMNS.iter().map(|name| format!("\"{name}\"")).collect::<Vec<_>>().join(",");
    let mut file = format!("{header}\n").into_bytes();
    rows.iter().for_each(|row| file.extend_from_slice(row));
    file
}

fn individual(npi: &str, first: &str, last: &str, state: &str) -> Vec<u8> {
    row(&[
        ("NPI", npi),
        ("Entity Type Code", "1"),
        ("Provider Last Name (Legal Name)", last),
        ("Provider First Name", first),
        ("Provider Middle Name", "Q"),
        ("Provider Name Prefix Text", "DR."),
        ("Provider Credential Text", "M.D."),
        ("Provider First Line Business Practice Location Address", "100 EXAMPLE STREET, SUITE 2"),
        ("Provider Business Practice Location Address City Name", "PORTLAND"),
        ("Provider Business Practice Location Address State Name", state),
        ("Provider Business Practice Location Address Postal Code", "972011234"),
        ("Provider Business Practice Location Address Telephone Number", "5035550100"),
        ("Last Update Date", "07/08/2026"),
        ("Healthcare Provider Taxonomy Code_1", "207Q00000X"),
        ("Provider License Number_1", "MD12345"),
        ("Provider License Number State Code_1", "OR"),
        ("Healthcare Provider Primary Taxonomy Switch_1", "N"),
        ("Healthcare Provider Taxonomy Code_2", "2084P0800X"),
        ("Provider License Number_2", "MD9876"),
        ("Provider License Number State Code_2", "WA"),
        ("Healthcare Provider Primary Taxonomy Switch_2", "Y"),
    ])
}

fn deactivated(npi: &str, day: &str) -> Vec<u8> {
    row(&[("NPI", npi), ("NPI Deactivation Date", day)])
}

/// The full file: four kept rows, an organization skipped.
pub fn full_file() -> Vec<u8> {
    let mut latin1 = individual(LATIN1, "ANA", "MU@OZ", "OR");
    let at = latin1.iter().position(|b| *b == b'@').unwrap();
    latin1[at] = 0xD1; // Ñ in Latin-1
    dissemination_file(&[
        individual(WHITFIELD, "ROWAN", "WHITFIELD", "OR"),
        individual(OTHER_NAME, "JANE", "DOE", "OR"),
        deactivated(DEACTIVATED, "05/19/2026"),
        row(&[
            ("NPI", ORGANIZATION),
            ("Entity Type Code", "2"),
            ("Provider Organization Name (Legal Business Name)", "RIVERBEND CLINIC LLC"),
        ]),
        latin1,
    ])
}

pub fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

fn zipped(dir: &tempfile::TempDir, zip_name: &str, entry: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(zip_name);
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("NPPES_Data_Dissemination_Readme.pdf", options).unwrap();
    zip.write_all(b"%PDF").unwrap();
    zip.start_file(entry.replace(".csv", "_fileheader.csv"), options).unwrap();
    zip.write_all(bytes.split(|b| *b == b'\n').next().unwrap()).unwrap();
    zip.start_file(entry, options).unwrap();
    zip.write_all(bytes).unwrap();
    zip.finish().unwrap();
    path.to_string_lossy().into_owned()
}

pub const FULL_NAME: &str = "npidata_pfile_20050523-20261109.csv";

pub fn load(app: &TestApp, path: &str) -> String {
    stdout(&benzowise(&app.database, &["nppes", "load", path], ""))
}

#[actix_rt::test]
async fn nppes_load_reads_a_csv_by_column_name_and_status_says_what_is_loaded() {
    let app = spawn_app().await;
    let before = stdout(&benzowise(&app.database, &["nppes", "status"], ""));
    assert!(before.starts_with("no NPPES file is loaded"), "{before}");
    let dir = tempfile::tempdir().unwrap();
    let output = benzowise(&app.database, &["nppes", "load", &write(&dir, FULL_NAME, &full_file())], "");
    let said = stdout(&output);
    assert!(
        said.contains("2026-11-09 replaced the registry: 5 rows read, 3 individuals, 1 deactivated NPIs"),
        "{said}"
    );
    assert!(!String::from_utf8_lossy(&output.stderr).contains('\r'), "no progress bar off a terminal");
    let status = stdout(&benzowise(&app.database, &["nppes", "status"], ""));
    assert!(status.starts_with(&format!("current: full file {FULL_NAME} of 2026-11-09, loaded ")), "{status}");
}

#[actix_rt::test]
async fn a_zip_loads_its_providers_file_and_a_later_full_file_replaces_the_registry() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().unwrap();
    let said = load(&app, &zipped(&dir, "NPPES_Data_Dissemination_November_2026.zip", FULL_NAME, &full_file()));
    assert!(said.contains("3 individuals, 1 deactivated NPIs"), "{said}");
    let smaller = dissemination_file(&[individual(WHITFIELD, "ROWAN", "WHITFIELD", "OR")]);
    let said = load(&app, &write(&dir, "npidata_pfile_20050523-20261207.csv", &smaller));
    assert!(said.contains("replaced the registry: 1 rows read"), "{said}");
    let status = stdout(&benzowise(&app.database, &["nppes", "status"], ""));
    assert!(status.starts_with("current: full file npidata_pfile_20050523-20261207.csv"), "{status}");
    assert!(status.contains(&format!("replaced: full file {FULL_NAME}")), "{status}");
    let moderator = app.login_moderator("nina").await;
    app.submit(&ListingBuilder::new().with("npi", json!(OTHER_NAME)).build()).await;
    assert_eq!(verdicts(&app, &moderator).await, [(OTHER_NAME.to_string(), "not_in_file".to_string())]);
}

#[actix_rt::test]
async fn a_file_that_is_not_nppes_is_refused_with_what_it_lacks() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().unwrap();
    let not_nppes = write(&dir, "listings.csv", b"NPI,Name\n1234567893,Rowan\n");
    let output = benzowise(&app.database, &["nppes", "load", &not_nppes], "");
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(said.contains("not an NPPES data dissemination file") && said.contains("Entity Type Code"), "{said}");
    assert!(!said.contains("panicked"), "{said}");
    let empty_zip = zipped(&dir, "other.zip", "pl_pfile_20050523-20261109.csv", b"NPI\n");
    let output = benzowise(&app.database, &["nppes", "load", &empty_zip], "");
    assert!(String::from_utf8_lossy(&output.stderr).contains("holds no npidata_pfile"), "{output:?}");
    let status = stdout(&benzowise(&app.database, &["nppes", "status"], ""));
    assert!(status.starts_with("no NPPES file is loaded"), "{status}");
}

async fn verdicts(app: &TestApp, moderator: &ModeratorSession) -> Vec<(String, String)> {
    let items: Vec<Value> = serde_json::from_str::<Value>(
        &app.as_moderator(moderator, "GET", "/api/v1/moderation/queue?limit=50", None).await.text,
    )
    .unwrap()["items"]
        .as_array()
        .unwrap()
        .clone();
    items
        .iter()
        .map(|item| {
            let check = &item["npi_registry"];
            (check["npi"].as_str().unwrap().to_string(), check["verdict"].as_str().unwrap().to_string())
        })
        .collect()
}

async fn page(app: &TestApp, who: &ModeratorSession, path: &str) -> String {
    let reply = app.request("GET", path, &[("cookie", &who.cookie)], None).await;
    assert_eq!(reply.status, 200, "{path}: {}", reply.text);
    visible_text(&reply.text)
}

/// One submission for each verdict, sent after the full file is loaded: the
/// builder's own (matches), in another state, another name, deactivated,
/// not in the file, and a name read from a byte that is not UTF-8.
async fn submit_every_verdict(app: &TestApp) -> Vec<Submitted> {
    let dir = tempfile::tempdir().unwrap();
    load(app, &write(&dir, FULL_NAME, &full_file()));
    let listings = [
        ListingBuilder::new(),
        ListingBuilder::new().in_city("Austin", "TX").licensed_in(&["US-TX"]),
        ListingBuilder::new().with("npi", json!(OTHER_NAME)),
        ListingBuilder::new().with("npi", json!(DEACTIVATED)),
        ListingBuilder::new().with("npi", json!(ORGANIZATION)),
        ListingBuilder::new().named("Dr. Ana Muñoz").with("npi", json!(LATIN1)),
    ];
    let mut submitted = Vec::new();
    for listing in listings {
        submitted.push(app.submit(&listing.build()).await);
    }
    submitted
}

#[actix_rt::test]
async fn the_queue_gives_each_submission_its_registry_entry_and_verdict() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("nina").await;
    app.submit(&ListingBuilder::new().build()).await;
    let items: Vec<QueueItem> = app.moderation_queue(&moderator).await;
    let unchecked = items[0].npi_registry.as_ref().unwrap();
    assert!(!unchecked.file_loaded && unchecked.registry.is_none(), "{unchecked:?}");
    assert_eq!(serde_json::to_value(unchecked.verdict).unwrap(), json!("not_in_file"));

    submit_every_verdict(&app).await;
    // The first, sent before the file was loaded, is checked as the queue is read.
    let expected = [
        (WHITFIELD, "matches"),
        (WHITFIELD, "matches"),
        (WHITFIELD, "differs"),
        (OTHER_NAME, "differs"),
        (DEACTIVATED, "deactivated"),
        (ORGANIZATION, "not_in_file"),
        (LATIN1, "differs"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect();
    assert_eq!(verdicts(&app, &moderator).await, expected);
    let items: Vec<QueueItem> = app.moderation_queue(&moderator).await;
    let entry = items[1].npi_registry.as_ref().unwrap().registry.as_ref().unwrap();
    assert_eq!((entry.name.as_str(), entry.credential.as_deref()), ("ROWAN Q WHITFIELD", Some("M.D.")));
    assert_eq!(entry.taxonomy_code.as_deref(), Some("2084P0800X"), "the primary one, though second");
    assert_eq!(entry.licence_states, ["OR", "WA"]);
    assert_eq!(entry.taxonomy_label.as_deref(), Some("Psychiatry & Neurology, Psychiatry"));
    let differs = serde_json::to_value(&items[2].npi_registry).unwrap();
    assert_eq!(differs["differs"], json!(["state"]));
    assert!(items[6].npi_registry.as_ref().unwrap().registry.as_ref().unwrap().name.contains("MU\u{FFFD}OZ"));
}

#[actix_rt::test]
async fn the_submission_page_says_each_verdict_in_words_in_both_languages() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("nina").await;
    let unchecked = app.submit(&ListingBuilder::new().build()).await;
    let text = page(&app, &moderator, &format!("/moderate/submissions/{}", unchecked.submission_id)).await;
    assert!(text.contains("No registry file is loaded, so NPI 1234567893 could not be checked"), "{text}");

    let submitted = submit_every_verdict(&app).await;
    let path = |n: usize| format!("/moderate/submissions/{}", submitted[n].submission_id);
    let matched = page(&app, &moderator, &path(0)).await;
    for words in [
        "The registry's entry for NPI 1234567893 matches",
        "ROWAN Q WHITFIELD",
        "Portland",
        "Psychiatry & Neurology, Psychiatry (2084P0800X)",
        "Oregon, Washington",
        "The loaded registry file runs to November 9, 2026",
    ] {
        assert!(matched.to_lowercase().contains(&words.to_lowercase()), "{words}: {matched}");
    }
    let state = page(&app, &moderator, &path(1)).await;
    assert!(state.contains("Red flag: the listing's state is neither the registry's practice state"), "{state}");
    assert!(page(&app, &moderator, &path(2)).await.contains("Red flag: the name in the registry differs"));
    let deactivated = page(&app, &moderator, &path(3)).await;
    assert!(deactivated.contains("Red flag: the registry lists NPI 1555555550 as deactivated on May 19, 2026"));
    assert!(page(&app, &moderator, &path(4)).await.contains("NPI 1666666668 is not in the loaded registry file"));
    let spanish = page(&app, &moderator, &format!("/es{}", path(3))).await;
    let words = "Señal de alerta: el registro indica que el NPI 1555555550 se desactivó el 19 de mayo de 2026";
    assert!(spanish.contains(words), "{spanish}");
    let spanish = page(&app, &moderator, &format!("/es{}", path(0))).await;
    assert!(spanish.contains("coincide con el nombre y el estado"), "{spanish}");
    assert!(spanish.contains("Psiquiatría y neurología, psiquiatría"), "{spanish}");
    assert!(page(&app, &moderator, &format!("/es{}", path(4))).await.contains("no está en el archivo del registro"));
}

#[actix_rt::test]
async fn approving_a_matching_npi_records_the_day_on_the_profile_and_in_the_standards() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("nina").await;
    let dir = tempfile::tempdir().unwrap();
    load(&app, &write(&dir, FULL_NAME, &full_file()));
    let matched = app.publish(&moderator, &ListingBuilder::new().build()).await;
    let differs = app.publish(&moderator, &ListingBuilder::new().with("npi", json!(OTHER_NAME)).build()).await;
    let today = chrono::Utc::now().date_naive();

    let listing: PublicListing = app.public_listing(matched.listing_id).await.json();
    assert_eq!(listing.npi_verified_on, Some(today));
    let raw: Value = app.public_listing(differs.listing_id).await.json();
    assert!(raw["npi_verified_on"].is_null(), "{raw}");

    let english = visible_text(&app.get(&format!("/en/clinicians/{}", matched.listing_id)).await.text);
    let month = today.format("%B %Y").to_string();
    assert!(
        english.contains(&format!("NPI checked against the national provider registry (NPPES) on {month}")),
        "{english}"
    );
    let spanish = visible_text(&app.get(&format!("/es/clinicians/{}", matched.listing_id)).await.text);
    assert!(
        spanish.contains("NPI comprobado en el registro nacional de proveedores de salud (NPPES) en "),
        "{spanish}"
    );
    assert!(
        !visible_text(&app.get(&format!("/en/clinicians/{}", differs.listing_id)).await.text).contains("NPI checked")
    );

    let practitioner = practitioner_with_npi(&app, WHITFIELD).await;
    let npi =
        practitioner["identifier"].as_array().unwrap().iter().find(|id| id["value"] == WHITFIELD).unwrap().clone();
    assert_eq!(npi["period"]["start"], json!(today.to_string()), "{practitioner}");
    let services: Value = app.get("/hsds/services?per_page=50").await.json();
    let service = services["contents"].as_array().unwrap().iter().find(|s| s["name"] == "Dr. Rowan Whitfield").unwrap();
    assert_eq!(service["assured_date"], json!(today.to_string()), "{service}");
    assert!(service.get("assurer_email").is_none());
}

/// The Practitioner whose identifiers include this NPI.
async fn practitioner_with_npi(app: &TestApp, npi: &str) -> Value {
    let bundle: Value = app.get("/fhir/Practitioner?_count=50").await.json();
    let entries = bundle["entry"].as_array().unwrap_or_else(|| panic!("a searchset: {bundle}"));
    let has_npi = |resource: &&Value| resource["identifier"].as_array().unwrap().iter().any(|id| id["value"] == npi);
    entries.iter().map(|entry| &entry["resource"]).find(has_npi).unwrap_or_else(|| panic!("{npi}: {bundle}")).clone()
}

#[actix_rt::test]
async fn a_weekly_file_that_deactivates_a_listed_npi_opens_one_report() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("nina").await;
    let dir = tempfile::tempdir().unwrap();
    load(&app, &write(&dir, FULL_NAME, &full_file()));
    let listed = app.publish(&moderator, &ListingBuilder::new().build()).await;
    let weekly =
        dissemination_file(&[deactivated(WHITFIELD, "11/20/2026"), individual(ORGANIZATION, "LEE", "PARK", "OR")]);
    let weekly = write(&dir, "npidata_pfile_20261116-20261122.csv", &weekly);
    let said = load(&app, &weekly);
    assert!(
        said.contains("updated the registry: 2 rows read, 1 individuals, 1 deactivated NPIs; 1 report(s) opened"),
        "{said}"
    );
    assert!(load(&app, &weekly).contains("0 report(s) opened"), "the same deactivation again opens none");

    let reports: Vec<Report> = app.as_moderator(&moderator, "GET", "/api/v1/moderation/reports", None).await.json();
    assert_eq!(reports.len(), 1, "{reports:?}");
    assert_eq!((reports[0].listing_id, reports[0].reason.as_str()), (listed.listing_id, "npi_deactivated"));
    let text = page(&app, &moderator, "/moderate/reports").await;
    assert!(text.contains("The national provider registry (NPPES) lists the NPI as deactivated"), "{text}");

    // The weekly file updated the registry: the rest of the full file stays.
    app.submit(&ListingBuilder::new().with("npi", json!(OTHER_NAME)).build()).await;
    app.submit(&ListingBuilder::new().named("Dr. Lee Park").with("npi", json!(ORGANIZATION)).build()).await;
    let expected: Vec<(String, String)> = [(OTHER_NAME, "differs"), (ORGANIZATION, "matches")]
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    assert_eq!(verdicts(&app, &moderator).await, expected);
    let status = stdout(&benzowise(&app.database, &["nppes", "status"], ""));
    assert!(status.starts_with("merged: weekly file npidata_pfile_20261116-20261122.csv of 2026-11-22"), "{status}");
}

#[actix_rt::test]
async fn a_submission_page_keeps_working_while_a_file_loads() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("nina").await;
    let dir = tempfile::tempdir().unwrap();
    load(&app, &write(&dir, FULL_NAME, &full_file()));
    let submitted = app.submit(&ListingBuilder::new().build()).await;
    let rows: Vec<Vec<u8>> =
        (0..60_000).map(|n| individual(&format!("{}", 1_100_000_000 + n), "ANA", "PARK", "OR")).collect();
    let bigger = write(&dir, "npidata_pfile_20050523-20261207.csv", &dissemination_file(&rows));
    let mut loading = std::process::Command::new(env!("CARGO_BIN_EXE_benzowise"))
        .args(["nppes", "load", &bigger])
        .env("DATABASE_URL", crate::helpers::database_url(&app.database))
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let path = format!("/moderate/submissions/{}", submitted.submission_id);
    let (old, new) = ("matches the listing's name and state", "NPI 1234567893 is not in the loaded registry file");
    let mut before_the_swap = 0;
    while loading.try_wait().unwrap().is_none() {
        let text = page(&app, &moderator, &path).await;
        assert!(text.contains(old) || text.contains(new), "one registry or the other, whole: {text}");
        before_the_swap += usize::from(text.contains(old));
    }
    assert!(loading.wait().unwrap().success());
    assert!(before_the_swap > 0, "the page was read, from the old registry, while the file loaded");
    let text = page(&app, &moderator, &path).await;
    assert!(text.contains("NPI 1234567893 is not in the loaded registry file"), "the new file replaced the old");
}
