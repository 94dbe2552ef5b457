//! The `benzowise` binary's commands, run as a user would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use benzowise::app::listings::PublicListing;
use benzowise::db::moderators::Moderator;
use benzowise::db::Database;
use benzowise::domain::moderation::Role;
use serde_json::json;

use crate::helpers::{database_url, spawn_app, spawn_app_on, ListingBuilder};

pub fn benzowise(database: &Database, args: &[&str], stdin: &str) -> Output {
    benzowise_with(database, args, stdin, &[])
}

pub fn benzowise_with(database: &Database, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_benzowise"))
        .args(args)
        .envs(env.iter().copied())
        .env("DATABASE_URL", database_url(database))
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

pub fn stdout(output: &Output) -> String {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// A CSV export with the private contact column `seed` needs, for every row.
fn with_contact_column(csv: &str) -> String {
    csv.lines()
        .enumerate()
        .map(|(i, line)| if i == 0 { format!("{line},contact_email") } else { format!("{line},back@example.org") })
        .collect::<Vec<_>>()
        .join("\n")
}

#[actix_rt::test]
async fn seeded_listings_are_public_and_export_round_trips_through_csv() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().unwrap();
    let json_file = dir.path().join("listings.json");
    let listings = json!([
        ListingBuilder::new().build(),
        ListingBuilder::new().named("Dr. Noor Adeyemi").offering_telehealth(false).build(),
    ]);
    std::fs::write(&json_file, listings.to_string()).unwrap();

    let output = benzowise(&app.database, &["seed", json_file.to_str().unwrap()], "");
    let seeded = stdout(&output);
    assert_eq!(seeded.lines().count(), 3, "{seeded}");
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.ends_with("2 listing(s) loaded as Approved\n") && !said.contains('\r'),
        "no progress bar off a terminal: {said:?}"
    );
    assert_eq!(app.public_listing(2).await.json::<PublicListing>().full_name, "Dr. Noor Adeyemi");

    let csv = stdout(&benzowise(&app.database, &["export", "--format", "csv"], ""));
    assert!(!csv.contains("rowan.private@example.org"), "exports are public fields only");
    let exported: Vec<PublicListing> =
        serde_json::from_str(&stdout(&benzowise(&app.database, &["export", "--format", "json"], ""))).unwrap();
    assert_eq!(exported.len(), 2);

    // A CSV export plus the private contact column seeds the same listings back.
    let with_contact = with_contact_column(&csv);
    let csv_file = dir.path().join("listings.csv");
    std::fs::write(&csv_file, with_contact).unwrap();
    stdout(&benzowise(&app.database, &["seed", csv_file.to_str().unwrap(), "--status", "pending"], ""));
    let moderator = app.login_moderator("mira").await;
    let queued = app.moderation_queue(&moderator).await;
    assert_eq!(queued.len(), 2);
    assert_eq!(queued[1].listing.full_name, "Dr. Noor Adeyemi");
    assert!(!queued[1].listing.telehealth);
    assert_eq!(queued[0].listing.languages, ["en", "es"]);
}

#[actix_rt::test]
async fn a_seed_with_a_bad_row_loads_nothing_and_names_the_row() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("listings.json");
    let listings = json!([ListingBuilder::new().build(), ListingBuilder::new().with("npi", json!("1")).build()]);
    std::fs::write(&file, listings.to_string()).unwrap();

    let output = benzowise(&app.database, &["seed", file.to_str().unwrap()], "");

    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("row 2: npi"));
    assert_eq!(app.public_listing(1).await.status, 404);
}

#[actix_rt::test]
async fn a_moderator_added_on_the_command_line_can_log_in() {
    let app = spawn_app().await;

    let added = stdout(&benzowise(&app.database, &["moderator", "add", "ines"], "a long moderator password\n"));

    assert!(added.contains("added"));
    assert_eq!(app.login("ines", "a long moderator password").await.status, 200);
    let short = benzowise(&app.database, &["moderator", "add", "theo"], "short\n");
    assert!(!short.status.success());

    let with_address = ["moderator", "add", "ines", "--email", "ines@example.org"];
    assert!(benzowise(&app.database, &with_address, "a long moderator password\n").status.success());
    let addresses = Moderator::mail_addresses(&mut app.connect()).unwrap();
    assert_eq!(addresses.iter().map(|(_, email)| email.as_str()).collect::<Vec<_>>(), ["ines@example.org"]);
    let not_an_address = ["moderator", "add", "theo", "--email", "theo at example"];
    assert!(!benzowise(&app.database, &not_an_address, "a long moderator password\n").status.success());

    let admin = ["moderator", "add", "root", "--admin", "--email", "root@example.org"];
    assert!(benzowise(&app.database, &admin, "a long moderator password\n").status.success());
    let role_of = |name: &str| Moderator::find_by_username(&mut app.connect(), name).unwrap().unwrap().role;
    assert_eq!((role_of("root"), role_of("ines")), (Role::Admin, Role::Moderator));
    let new_password = benzowise(&app.database, &["moderator", "add", "root"], "another long password\n");
    assert!(new_password.status.success());
    assert_eq!(role_of("root"), Role::Admin, "a new password keeps the role");
}

#[actix_rt::test]
async fn an_operator_resets_the_two_factors_of_a_moderator_who_lost_phone_and_codes() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    crate::two_factor::enrol(&app, &ines).await;
    let password_only = json!({"username": "ines", "password": "a long moderator password"});
    assert_eq!(app.post_json("/api/v1/moderator/session", &password_only).await.status, 401);

    let reset = benzowise(&app.database, &["moderator", "reset-two-factor", "ines"], "");
    assert!(reset.status.success(), "{}", String::from_utf8_lossy(&reset.stderr));
    assert_eq!(app.as_moderator(&ines, "GET", "/api/v1/moderation/queue", None).await.status, 401, "sessions ended");
    assert_eq!(app.post_json("/api/v1/moderator/session", &password_only).await.status, 200, "two factors are off");
    let unknown = benzowise(&app.database, &["moderator", "reset-two-factor", "nobody"], "");
    assert!(!unknown.status.success());
}

#[test]
fn an_unreachable_postgres_url_reports_the_backends_own_error() {
    let database = Database::Postgres("postgres://nobody@127.0.0.1:1/nothing".into());
    let output = benzowise(&database, &["migrate"], "");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("postgresql") && stderr.contains("127.0.0.1"), "{stderr}");
}

#[test]
fn production_mode_will_not_start_without_a_long_session_key() {
    let database = Database::Sqlite(tempfile::tempdir().unwrap().path().join("b.db").to_string_lossy().into_owned());
    let production = ("BENZOWISE_ENV", "production");

    let missing = benzowise_with(&database, &["serve"], "", &[production, ("SESSION_KEY", "")]);
    assert!(!missing.status.success());
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(stderr.contains("SESSION_KEY is required when BENZOWISE_ENV=production"), "{stderr}");

    let short = benzowise_with(&database, &["serve"], "", &[production, ("SESSION_KEY", "hunter2-hunter2")]);
    assert!(!short.status.success());
    let stderr = String::from_utf8_lossy(&short.stderr);
    assert!(stderr.contains("SESSION_KEY is too short"), "{stderr}");
    assert!(!stderr.contains("hunter2"), "the key is never printed");
}

#[actix_rt::test]
async fn a_backup_restores_every_listing() {
    let app = spawn_app().await;
    let first = ListingBuilder::new().insert_public(&app);
    let second = ListingBuilder::new().named("Dr. Noor Adeyemi").insert_public(&app);
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");

    let output = benzowise(&app.database, &["backup", copy.to_str().unwrap()], "");

    if let Database::Postgres(_) = app.database {
        assert!(!output.status.success());
        assert!(String::from_utf8_lossy(&output.stderr).contains("pg_dump"));
        return;
    }
    stdout(&output);
    let restored = spawn_app_on(Database::Sqlite(copy.to_string_lossy().into_owned())).await;
    for listing in [first.listing_id, second.listing_id] {
        assert_eq!(restored.public_listing(listing).await.status, 200);
    }
    assert_eq!(restored.search("near=97201").await.total, 2);
    assert!(!benzowise(&app.database, &["backup", copy.to_str().unwrap()], "").status.success(), "never overwrites");
}

#[actix_rt::test]
async fn a_csv_export_cannot_run_formulas_in_a_spreadsheet_and_still_seeds_back() {
    let app = spawn_app().await;
    let formula = "=HYPERLINK(\"http://attacker.example\",\"Dr. Click\")";
    ListingBuilder::new()
        .named(formula)
        .with("practice_name", json!("@SUM(1+1)"))
        .with(
            "other_locations",
            json!([{"name": "Salem, clinic days", "city": "Salem", "region": "OR", "postal_code": "97301"}]),
        )
        .insert_public(&app);

    let csv = stdout(&benzowise(&app.database, &["export", "--format", "csv"], ""));

    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| row.get(headers.iter().position(|column| column == name).unwrap()).unwrap().to_string();
    assert_eq!(cell("full_name"), format!("'{formula}"));
    assert_eq!(cell("practice_name"), "'@SUM(1+1)");
    assert!(cell("longitude").starts_with("-122."), "numbers stay numbers: {}", cell("longitude"));

    let dir = tempfile::tempdir().unwrap();
    let with_contact = with_contact_column(&csv);
    let csv_file = dir.path().join("listings.csv");
    std::fs::write(&csv_file, with_contact).unwrap();
    let (database, _db_dir) = crate::helpers::fresh_database();
    let target = spawn_app_on(database).await;
    stdout(&benzowise(&target.database, &["seed", csv_file.to_str().unwrap()], ""));
    let seeded: PublicListing = target.public_listing(1).await.json();
    assert_eq!((seeded.full_name.as_str(), seeded.practice_name.as_deref()), (formula, Some("@SUM(1+1)")));
    let salem = &seeded.other_locations[0];
    assert_eq!(
        (salem.name.as_deref(), salem.city.as_str()),
        (Some("Salem, clinic days"), "Salem"),
        "a further place too"
    );
}
