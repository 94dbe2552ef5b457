//! Sharp edges: limits under concurrency, secrets in debug output, odd
//! database URLs and stored values, and `HEAD` requests.

use std::process::Command;

use benzowise::db::schema::listings;
use benzowise::db::Database;
use diesel::{ExpressionMethods, RunQueryDsl};
use futures_util::future::join_all;

use crate::helpers::{spawn_app, spawn_app_with, ListingBuilder};

#[actix_rt::test]
async fn concurrent_submissions_from_one_client_are_accepted_exactly_up_to_the_limit() {
    let app = spawn_app_with(|settings| settings.submissions_per_hour = 20).await;
    let listing = ListingBuilder::new().build();

    let replies = join_all((0..50).map(|_| app.post_json("/api/v1/submissions", &listing))).await;

    let accepted = replies.iter().filter(|reply| reply.status == 201).count();
    let refused = replies.iter().filter(|reply| reply.status == 429).count();
    assert_eq!((accepted, refused), (20, 30));
}

#[test]
fn a_database_url_shows_no_password_in_debug_output() {
    let database = Database::from_url("postgres://directory:s3cret-pw@db.example:5432/benzowise").unwrap();
    let shown = format!("{database:?}");
    assert!(!shown.contains("s3cret-pw"), "{shown}");
    assert!(shown.contains("db.example"), "{shown}");
}

#[test]
fn the_password_of_an_unreachable_database_never_reaches_the_output() {
    let output = Command::new(env!("CARGO_BIN_EXE_benzowise"))
        .arg("migrate")
        .env("DATABASE_URL", "postgres://directory:s3cret-pw@127.0.0.1:1/nothing")
        .output()
        .expect("the binary runs");
    assert!(!output.status.success());
    let printed = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(printed.contains("127.0.0.1"), "{printed}");
    assert!(!printed.contains("s3cret-pw"), "{printed}");
}

#[test]
fn an_unknown_database_scheme_stops_with_the_schemes_it_takes() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_benzowise"))
        .arg("migrate")
        .current_dir(dir.path())
        .env("DATABASE_URL", "mysql://root@127.0.0.1/benzowise")
        .output()
        .expect("the binary runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("mysql://") && stderr.contains("sqlite://") && stderr.contains("postgres://"), "{stderr}");
    let created: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(created.is_empty(), "no SQLite file is made of the URL: {created:?}");
}

#[actix_rt::test]
async fn a_status_no_version_writes_is_a_server_error_and_the_server_goes_on() {
    let app = spawn_app().await;
    let submitted = app.submit(&ListingBuilder::new().build()).await;
    diesel::update(listings::table).set(listings::status.eq("archived")).execute(&mut app.connect()).unwrap();

    let reply = app.manage("GET", &submitted.token, None).await;
    assert_eq!(reply.status, 500);
    assert_eq!(reply.header("content-type"), Some("application/problem+json"));
    assert_eq!(app.get("/healthz").await.status, 200);
    assert_eq!(app.manage("GET", &submitted.token, None).await.status, 500, "the same answer again");
}

#[actix_rt::test]
async fn head_is_answered_like_get_without_a_body() {
    let app = spawn_app().await;
    for path in ["/", "/healthz", "/api/v1/clinicians?near=97201", "/api/openapi.json", "/static/style.css"] {
        let get = app.get(path).await;
        let head = app.request("HEAD", path, &[], None).await;
        assert_eq!((head.status, get.status), (200, 200), "{path}");
        assert_eq!(head.header("content-type"), get.header("content-type"), "{path}");
        assert!(head.text.is_empty(), "{path} sent a body to HEAD");
    }
    assert_eq!(app.request("HEAD", "/no-such-page", &[], None).await.status, 404);
}
