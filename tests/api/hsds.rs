//! The HSDS 3.0 API, package and import, checked with the specification's
//! own schemas: API replies with `check-jsonschema` against schemas compiled
//! by `compiletojsonschema`, packages with `frictionless validate`. Without
//! those tools (`.ci/hsds-tools` installs them) the validations are skipped
//! with a message, unless `BENZOWISE_INTEROP_TESTS=required`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

use crate::cli::{benzowise, stdout};
use crate::helpers::{fresh_database, spawn_app, spawn_app_on, ListingBuilder, TestApp};

/// The specification's files, as the repository keeps them.
fn specification() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("standards/hsds-3.0")
}

/// The validators' directory, or `None` (after saying so) when they are not installed.
fn tools() -> Option<PathBuf> {
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci-cache/hsds-venv/bin");
    if bin.join("frictionless").is_file() && bin.join("check-jsonschema").is_file() {
        return Some(bin);
    }
    assert!(
        std::env::var("BENZOWISE_INTEROP_TESTS").as_deref() != Ok("required"),
        "BENZOWISE_INTEROP_TESTS=required but the HSDS validators are not installed (.ci/hsds-tools)"
    );
    eprintln!("skipped: the HSDS validators are not installed; run .ci/hsds-tools to check against the specification");
    None
}

/// Checks each document against the specification's schema for `object`
/// (such as `service`), with every reference resolved.
fn assert_valid(tools: &Path, object: &str, documents: &[Value]) {
    let dir = tempfile::tempdir().unwrap();
    let compiled = Command::new(tools.join("compiletojsonschema"))
        .args(["-s", &format!("{object}.json")])
        .current_dir(specification().join("schema"))
        .output()
        .unwrap();
    assert!(compiled.status.success(), "{}", String::from_utf8_lossy(&compiled.stderr));
    let schema = dir.path().join("schema.json");
    std::fs::write(&schema, &compiled.stdout).unwrap();
    let files: Vec<PathBuf> = documents
        .iter()
        .enumerate()
        .map(|(n, document)| {
            let file = dir.path().join(format!("{object}-{n}.json"));
            std::fs::write(&file, document.to_string()).unwrap();
            file
        })
        .collect();
    assert!(!files.is_empty(), "nothing to validate as {object}");
    let checked =
        Command::new(tools.join("check-jsonschema")).arg("--schemafile").arg(&schema).args(&files).output().unwrap();
    assert!(
        checked.status.success(),
        "{object} is not valid HSDS 3.0:\n{}{}",
        String::from_utf8_lossy(&checked.stdout),
        String::from_utf8_lossy(&checked.stderr)
    );
}

/// Three public listings that between them use every kind of record, and
/// one pending; returns once they can be found.
async fn directory(app: &TestApp) {
    let numbers = json!([{"number": "(503) 555-0100"}, {"number": "(503) 555-0109", "kind": "tty", "extension": "12"}]);
    let public = app.insert_public([
        ListingBuilder::new()
            .with("phones", numbers)
            .with("opening_hours", json!([{"day": "mon", "opens": "08:30", "closes": "17:00"}]))
            .build(),
        ListingBuilder::new()
            .named("Dr. Amara Okafor")
            .in_city("Salem", "OR")
            .without("address_line")
            .without("practice_name")
            .without("phone")
            .without("npi")
            .without("taxonomy_code")
            .approaches(&["hyperbolic"])
            .paid_by(&["medicaid", "sliding_scale"])
            .offering_telehealth(false)
            .accepting_new_patients(false)
            .build(),
        ListingBuilder::new()
            .named("Dr. Wen Li")
            .near("98101")
            .profession("nurse_practitioner")
            .specialty("primary_care")
            .build(),
    ]);
    app.insert_pending([ListingBuilder::new().named("Dr. Pending Person").build()]);
    app.wait_until_searchable(&public).await;
}

async fn page(app: &TestApp, path: &str) -> Value {
    let reply = app.get(path).await;
    assert_eq!(reply.status, 200, "{path}: {}", reply.text);
    reply.json()
}

fn names(page: &Value) -> Vec<String> {
    page["contents"].as_array().unwrap().iter().map(|item| item["name"].as_str().unwrap().to_string()).collect()
}

/// The names of the services of a page of services at locations.
async fn names_at_locations(app: &TestApp, page_path: &str) -> Vec<String> {
    let at_locations = page(app, page_path).await;
    let mut names = Vec::new();
    for item in at_locations["contents"].as_array().unwrap() {
        assert!(item["location"]["latitude"].is_number(), "each with its location: {item}");
        let id = item["id"].as_str().unwrap();
        names.push(page(app, &format!("/hsds/service_at_locations/{id}")).await["name"].as_str().unwrap().to_string());
    }
    names
}

#[actix_rt::test]
async fn the_hsds_api_serves_public_listings_as_the_specification_defines_them() {
    let app = spawn_app().await;
    directory(&app).await;

    let about = page(&app, "/hsds/").await;
    assert_eq!(about["version"], "3.0");
    assert_eq!(about["openapi_url"], "http://benzowise.test/hsds/openapi.json");
    let openapi = page(&app, "/hsds/openapi.json").await;
    assert_eq!(openapi["servers"][0]["url"], "http://benzowise.test/hsds");
    assert!(openapi["paths"]["/services/{id}"].is_object(), "the specification's own paths");

    let services = page(&app, "/hsds/services?per_page=2").await;
    assert_eq!(
        (services["total_items"].as_u64(), services["total_pages"].as_u64(), services["size"].as_u64()),
        (Some(3), Some(2), Some(2))
    );
    assert_eq!((services["first_page"].as_bool(), services["last_page"].as_bool()), (Some(true), Some(false)));
    let second = page(&app, "/hsds/services?per_page=2&page=2").await;
    assert_eq!((second["last_page"].as_bool(), second["empty"].as_bool()), (Some(true), Some(false)));
    let mut all = names(&services);
    all.extend(names(&second));
    assert_eq!(all, ["Dr. Rowan Whitfield", "Dr. Amara Okafor", "Dr. Wen Li"], "pending listings are not public");

    let whitfield = &services["contents"][0];
    let id = whitfield["id"].as_str().unwrap();
    assert_eq!(page(&app, &format!("/hsds/services/{id}")).await, *whitfield, "a service reads the same alone");
    assert_eq!(whitfield["organization"]["name"], "Riverbend Clinic");
    let phones: Vec<_> = whitfield["phones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|phone| (phone["number"].as_str(), phone["type"].as_str(), phone["extension"].as_u64()))
        .collect();
    assert_eq!(
        phones,
        [(Some("(503) 555-0100"), Some("voice"), None), (Some("(503) 555-0109"), Some("textphone"), Some(12))],
        "every number with its RFC 6350 type and its extension"
    );
    let location = &whitfield["service_at_locations"][0]["location"];
    assert_eq!(location["addresses"][0]["postal_code"], "97201");
    let regions: Vec<&str> =
        whitfield["service_areas"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(regions, ["US-OR", "US-WA"], "telehealth regions are service areas");
    let terms: Vec<&str> = (whitfield["attributes"].as_array().unwrap().iter())
        .map(|attribute| attribute["taxonomy_term"]["code"].as_str().unwrap())
        .collect();
    for code in ["physician", "psychiatry", "micro_taper", "patient_sets_pace", "telehealth", "npi"] {
        assert!(terms.contains(&code), "{code} is a term of the service: {terms:?}");
    }
    let okafor = &services["contents"][1];
    assert_eq!(okafor["service_at_locations"][0]["location"]["name"], "Salem, OR, US", "no street: placed by name");
    assert_eq!(okafor["service_at_locations"][0]["location"]["addresses"], json!([]));
    assert_eq!(okafor["organization"]["name"], "Dr. Amara Okafor", "without a practice, the clinician's own");

    let organizations = page(&app, "/hsds/organizations").await;
    let at_locations = page(&app, "/hsds/service_at_locations").await;
    let taxonomies = page(&app, "/hsds/taxonomies").await;
    let terms = page(&app, "/hsds/taxonomy_terms?per_page=100").await;
    assert_eq!(terms["total_items"], terms["size"], "every term on one page");
    let organization_id = organizations["contents"][0]["id"].as_str().unwrap();
    let term_id = terms["contents"][1]["id"].as_str().unwrap();
    let taxonomy_id = taxonomies["contents"][0]["id"].as_str().unwrap();
    for path in [
        format!("/hsds/organizations/{organization_id}"),
        format!("/hsds/taxonomy_terms/{term_id}"),
        format!("/hsds/taxonomies/{taxonomy_id}"),
        format!("/hsds/service_at_locations/{}", at_locations["contents"][0]["id"].as_str().unwrap()),
    ] {
        page(&app, &path).await;
    }

    let Some(tools) = tools() else { return };
    let contents = |page: &Value| page["contents"].as_array().unwrap().clone();
    let mut services = contents(&services);
    services.extend(contents(&second));
    let at_location_id = at_locations["contents"][0]["id"].as_str().unwrap();
    services.push(page(&app, &format!("/hsds/service_at_locations/{at_location_id}")).await);
    assert_valid(&tools, "service", &services);
    assert_valid(&tools, "organization", &contents(&organizations));
    assert_valid(&tools, "service_at_location", &contents(&at_locations));
    assert_valid(&tools, "taxonomy", &contents(&taxonomies));
    assert_valid(&tools, "taxonomy_term", &contents(&terms));
}

#[actix_rt::test]
async fn hsds_lists_filter_by_term_words_date_organization_and_nearness() {
    let app = spawn_app().await;
    directory(&app).await;
    let terms = page(&app, "/hsds/taxonomy_terms?search=hyperbolic").await;
    assert_eq!(terms["total_items"], 1, "{terms}");
    let hyperbolic = terms["contents"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(terms["contents"][0]["code"], "hyperbolic");
    assert_eq!(
        names(&page(&app, &format!("/hsds/services?taxonomy_term_id={hyperbolic}")).await),
        ["Dr. Amara Okafor"]
    );

    let top = page(&app, "/hsds/taxonomy_terms?top_only=true").await;
    let top_codes: Vec<&str> =
        top["contents"].as_array().unwrap().iter().map(|t| t["code"].as_str().unwrap()).collect();
    assert_eq!(
        top_codes,
        ["profession", "specialty", "taper_approach", "criterion", "payment_option", "feature", "detail"]
    );
    let approaches = top["contents"][2]["id"].as_str().unwrap();
    let below = page(&app, &format!("/hsds/taxonomy_terms?parent_id={approaches}")).await;
    assert_eq!(below["total_items"], 10, "every taper approach is a term below its group");
    let professions = top["contents"][0]["id"].as_str().unwrap();
    let with_a_profession = page(&app, &format!("/hsds/services?taxonomy_term_id={professions}")).await;
    assert_eq!(with_a_profession["total_items"], 3, "every service has a term of the profession group");

    assert_eq!(names(&page(&app, "/hsds/services?search=salem").await), ["Dr. Amara Okafor"], "words in a place");
    assert_eq!(names(&page(&app, "/hsds/services?search=WHITFIELD").await), ["Dr. Rowan Whitfield"]);
    assert_eq!(page(&app, "/hsds/services?modified_after=2000-01-01").await["total_items"], 3);
    assert_eq!(page(&app, "/hsds/services?modified_after=2999-01-01T00:00:00Z").await["total_items"], 0);
    let other_term = "6f1c2b1e-0000-4000-8000-000000000000";
    assert_eq!(page(&app, &format!("/hsds/services?taxonomy_term_id={other_term}")).await["empty"], true);

    let services = page(&app, "/hsds/services").await;
    let organization = services["contents"][2]["organization_id"].as_str().unwrap();
    assert_eq!(names(&page(&app, &format!("/hsds/services?organization_id={organization}")).await), ["Dr. Wen Li"]);

    // Seattle's 98101 is about 280 km from Portland and 340 km from Salem.
    let near = names_at_locations(&app, "/hsds/service_at_locations?postcode=98101&proximity=300000").await;
    assert_eq!(near, ["Dr. Wen Li", "Dr. Rowan Whitfield"], "nearest first, within the distance");
    assert_eq!(names_at_locations(&app, "/hsds/service_at_locations?postcode=98101").await, ["Dr. Wen Li"]);
}

#[actix_rt::test]
async fn hsds_reads_answer_404_for_unknown_ids_and_problems_for_bad_parameters() {
    let app = spawn_app().await;
    directory(&app).await;
    let services = page(&app, "/hsds/services").await;
    let id = services["contents"][0]["id"].as_str().unwrap();
    // The same listing's organization id does not name a service.
    let organization = services["contents"][0]["organization_id"].as_str().unwrap();
    for path in [
        format!("/hsds/services/{organization}"),
        "/hsds/services/not-a-uuid".to_string(),
        "/hsds/services/00000000-0000-0000-0000-000000000000".to_string(),
        "/hsds/taxonomy_terms/00000000-0000-0000-0000-000000000000".to_string(),
    ] {
        assert_eq!(app.get(&path).await.status, 404, "{path}");
    }
    assert_eq!(page(&app, &format!("/hsds/services/{id}")).await["name"], "Dr. Rowan Whitfield");

    for (query, field) in [
        ("/hsds/services?page=first", "page"),
        ("/hsds/services?per_page=1.5", "per_page"),
        ("/hsds/services?modified_after=yesterday", "modified_after"),
        ("/hsds/services?format=xml", "format"),
        ("/hsds/service_at_locations?postcode=97201&proximity=-5", "proximity"),
        ("/hsds/taxonomy_terms?top_only=maybe", "top_only"),
        ("/hsds/organizations?full=yes&api_key=abc", "full"),
    ] {
        let reply = app.get(query).await;
        assert_eq!(reply.status, 422, "{query}: {}", reply.text);
        assert_eq!(reply.header("content-type"), Some("application/problem+json"), "{query}");
        assert_eq!(reply.error_fields(), [field.to_string()], "{query}: {}", reply.text);
    }
    // What names nothing here finds nothing: an id that is not a UUID, a
    // postcode that is not on the map (a Canadian one).
    for query in [
        "/hsds/services?taxonomy_term_id=1%27%20OR%201=1",
        "/hsds/services?organization_id=17",
        "/hsds/service_at_locations?postcode=K1A%200B1",
        "/hsds/service_at_locations?postcode=00000",
        "/hsds/taxonomy_terms?parent_id=profession",
    ] {
        let reply = app.get(query).await;
        assert_eq!(reply.status, 200, "{query}: {}", reply.text);
        assert_eq!(reply.json::<Value>()["total_items"], 0, "{query}");
    }
}

#[actix_rt::test]
async fn hsds_lists_take_what_the_specification_allows_and_ignore_what_it_does_not_define() {
    let app = spawn_app().await;
    directory(&app).await;
    let all = page(&app, "/hsds/services").await;
    let total = all["total_items"].as_u64().unwrap();
    // Larger than the largest page: served at the largest; page 0 and below: the first.
    let large = page(&app, "/hsds/services?per_page=100000000000000000000000000000&page=0").await;
    assert_eq!((large["page_number"].as_u64(), large["size"].as_u64()), (Some(1), Some(total)));
    assert_eq!(page(&app, "/hsds/services?per_page=-3&page=-1").await["size"], 1);
    // Gateways add parameters of their own; the lists ignore them, and those
    // of other lists.
    let gateway = page(&app, "/hsds/services?api_key=secret&postcode=97201&top_only=maybe").await;
    assert_eq!(gateway["total_items"], total);
    let about = page(&app, "/hsds/openapi.json").await;
    let described = about["components"]["parameters"]["per_page"]["description"].as_str().unwrap();
    assert!(described.contains("at most 100"), "{described}");

    // Every match, one record a line, without pages.
    let streamed = app.get("/hsds/services?format=ndjson&per_page=1").await;
    assert_eq!((streamed.status, streamed.header("content-type")), (200, Some("application/x-ndjson")));
    let lines: Vec<Value> = streamed.text.lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    assert_eq!(lines.len() as u64, total);
    assert_eq!(lines[0], all["contents"][0], "a line is the record a page holds");
    let near = app.get("/hsds/service_at_locations?format=ndjson&postcode=97201&search=whitfield").await;
    assert_eq!(near.text.lines().count(), 1, "{}", near.text);
    for list in ["organizations", "taxonomies", "taxonomy_terms"] {
        let reply = app.get(&format!("/hsds/{list}?format=ndjson")).await;
        let paged = page(&app, &format!("/hsds/{list}?per_page=100")).await;
        assert_eq!(reply.text.lines().count() as u64, paged["total_items"].as_u64().unwrap(), "{list}");
    }

    // Other methods: 405 with a JSON body and the methods allowed.
    for (method, path) in [("POST", "/hsds/services"), ("DELETE", "/hsds/organizations"), ("PUT", "/hsds/")] {
        let reply = app.request(method, path, &[], None).await;
        assert_eq!((reply.status, reply.header("allow")), (405, Some("GET, HEAD")), "{method} {path}");
        assert_eq!(reply.json::<Value>()["status"], 405, "{method} {path}");
    }
}

/// Runs `frictionless validate` on an unpacked package; fails the test on any error.
/// Checks the package in `dir` with the HSDS validators, when they are installed.
pub fn assert_valid_package_if_tools(dir: &Path) {
    if let Some(tools) = tools() {
        assert_valid_package(&tools, dir);
    }
}

fn assert_valid_package(tools: &Path, dir: &Path) {
    let checked = Command::new(tools.join("frictionless"))
        .args(["validate", "--json", "datapackage.json"])
        .current_dir(dir)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&checked.stdout).unwrap_or_else(|_| {
        panic!(
            "frictionless said: {}{}",
            String::from_utf8_lossy(&checked.stdout),
            String::from_utf8_lossy(&checked.stderr)
        )
    });
    assert_eq!(report["valid"], true, "the package is not valid HSDS 3.0: {report:#}");
}

pub fn unzip(file: &Path, into: &Path) {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    archive.extract(into).unwrap();
}

/// The package's tables as text, with the dates of review (which differ
/// between directories) left out.
pub fn tables_without_dates(dir: &Path) -> Vec<(String, String)> {
    let mut tables: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "csv"))
        .map(|path| {
            let mut reader = csv::Reader::from_path(&path).unwrap();
            let headers = reader.headers().unwrap().clone();
            let rows: Vec<String> = reader
                .records()
                .map(|record| {
                    let record = record.unwrap();
                    headers
                        .iter()
                        .zip(record.iter())
                        .filter(|(column, _)| *column != "last_modified")
                        .map(|(_, cell)| cell)
                        .collect::<Vec<_>>()
                        .join("|")
                })
                .collect();
            (path.file_name().unwrap().to_string_lossy().to_string(), rows.join("\n"))
        })
        .collect();
    tables.sort();
    tables
}

#[actix_rt::test]
async fn an_hsds_package_round_trips_through_import_moderation_and_export() {
    let source = spawn_app().await;
    directory(&source).await;
    let work = tempfile::tempdir().unwrap();
    let package = work.path().join("directory.zip");
    let exported = benzowise(&source.database, &["export", "--format", "hsds", package.to_str().unwrap()], "");
    stdout(&exported);
    assert!(String::from_utf8_lossy(&exported.stderr).contains("3 listing(s) written"));
    let first = work.path().join("first");
    unzip(&package, &first);
    let services = std::fs::read_to_string(first.join("services.csv")).unwrap();
    assert_eq!(services.lines().count(), 4, "three public services and the header:\n{services}");
    assert!(!services.contains("rowan.private@example.org") && !services.contains("Pending"), "public only");

    let (database, _dir) = fresh_database();
    let target = spawn_app_on(database).await;
    let imported = stdout(&benzowise(&target.database, &["import", "--format", "hsds", package.to_str().unwrap()], ""));
    assert_eq!(imported.lines().count(), 4, "a manage token for each imported listing:\n{imported}");
    let again = benzowise(&target.database, &["import", "--format", "hsds", first.to_str().unwrap()], "");
    stdout(&again);
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("0 service(s) imported as pending")
            && String::from_utf8_lossy(&again.stderr).contains("3 imported before"),
        "the same package twice adds nothing: {}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(
        target.get("/hsds/services").await.json::<Value>()["total_items"],
        0,
        "imported listings wait for review"
    );

    let moderator = target.login_moderator("mod").await;
    let queue = target.moderation_queue(&moderator).await;
    assert_eq!(queue.len(), 3);
    for item in &queue {
        assert_eq!(target.approve(&moderator, item.submission_id).await.status, 200);
    }
    let events = target.audit_events(&moderator).await;
    assert_eq!(events.iter().filter(|event| event.action == "import").count(), 3, "each import is in the audit trail");

    let second_package = work.path().join("again.zip");
    stdout(&benzowise(&target.database, &["export", "--format", "hsds", second_package.to_str().unwrap()], ""));
    let second = work.path().join("second");
    unzip(&second_package, &second);
    assert_eq!(tables_without_dates(&first), tables_without_dates(&second), "the same services, ids and all");

    let Some(tools) = tools() else { return };
    assert_valid_package(&tools, &first);
}

#[actix_rt::test]
async fn a_strict_hsds_import_names_every_bad_row_and_loads_nothing() {
    let source = spawn_app().await;
    directory(&source).await;
    let work = tempfile::tempdir().unwrap();
    let package = work.path().join("directory.zip");
    stdout(&benzowise(&source.database, &["export", "--format", "hsds", package.to_str().unwrap()], ""));
    let dir = work.path().join("unpacked");
    unzip(&package, &dir);
    let replace = |file: &str, from: &str, to: &str| {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} holds {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    replace("services.csv", "Dr. Amara Okafor", "D");
    replace("locations.csv", "45.", "north of 45.");
    replace("addresses.csv", ",OR,", ",Oregon Territory,");

    let (database, _dir) = fresh_database();
    let target = spawn_app_on(database).await;
    let output = benzowise(&target.database, &["import", "--format", "hsds", dir.to_str().unwrap(), "--strict"], "");
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("nothing was imported (--strict)"), "{said}");
    assert_eq!(said.lines().filter(|line| line.contains(".csv line")).count(), 3, "one line a problem:\n{said}");
    for problem in [
        "services.csv line 3, column name",
        "locations.csv line 2, column latitude",
        "addresses.csv line 2, column state_province",
    ] {
        assert!(said.contains(problem), "{problem} is named:\n{said}");
    }
    let mut conn = target.connect();
    assert_eq!(benzowise::db::listings::Listing::count(&mut conn).unwrap(), 0, "nothing was loaded");
}

#[actix_rt::test]
async fn a_package_that_inflates_beyond_its_limit_is_refused_with_a_clear_message() {
    use std::io::Write;
    let app = spawn_app().await;
    let work = tempfile::tempdir().unwrap();
    let bomb = work.path().join("bomb.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("services.csv", stored).unwrap();
    zip.write_all(b"id,name,status\n00000000-0000-0000-0000-000000000000,A name,active\n").unwrap();
    zip.finish().unwrap();
    // The archive says that its table inflates to 3 GiB, as a small zip of
    // gigabytes of repeated rows would; the import believes it and reads nothing.
    let mut bytes = std::fs::read(&bomb).unwrap();
    for (signature, size_at) in [([0x50, 0x4b, 0x03, 0x04], 22), ([0x50, 0x4b, 0x01, 0x02], 24)] {
        let header = bytes.windows(4).position(|window| window == signature).unwrap();
        bytes[header + size_at..header + size_at + 4].copy_from_slice(&(3u32 << 30).to_le_bytes());
    }
    std::fs::write(&bomb, bytes).unwrap();

    let output = benzowise(&app.database, &["import", "--format", "hsds", bomb.to_str().unwrap()], "");

    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("services.csv is larger than 2048 MiB once unpacked"), "{said}");
    assert!(said.contains("nothing was imported"), "{said}");
    assert_eq!(benzowise::db::listings::Listing::count(&mut app.connect()).unwrap(), 0);
}
