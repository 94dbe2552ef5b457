//! Rate limits that hold: counted before the work under concurrent requests
//! on real threads, shared by instances through the database, kept per
//! client behind a real reverse proxy (nginx) in front of two `benzowise
//! serve` processes, and the limits on edits, receipts and reads.

use std::sync::Barrier;
use std::time::Duration;

use benzowise::app::seed::{self, Publication, SeedBatch};
use benzowise::db::moderators::Moderator;
use benzowise::db::schema::{outbox, submissions};
use benzowise::domain::listing::Provenance;
use benzowise::domain::moderation::Role;
use benzowise::places::Gazetteer;
use diesel::prelude::*;
use serde_json::{json, Value};

use crate::helpers::{fresh_database, spawn_app, spawn_app_on_with, spawn_app_with, ListingBuilder, TestApp};
use crate::proxy::Proxy;
use crate::server::{exchange, exchange_json, Answer, Server};
use crate::two_factor::enrol;

const PASSWORD: &str = "a long moderator password";

/// The statuses of `requests` sent all at once, each from its own real thread.
async fn all_at_once(address: String, requests: usize, body: Value) -> Vec<u16> {
    actix_rt::task::spawn_blocking(move || {
        let start = Barrier::new(requests);
        std::thread::scope(|scope| {
            let threads: Vec<_> = (0..requests)
                .map(|_| {
                    scope.spawn(|| {
                        start.wait();
                        exchange_json(&address, "127.0.0.1", "/api/v1/moderator/session", &body, &[]).status
                    })
                })
                .collect();
            threads.into_iter().map(|thread| thread.join().unwrap()).collect()
        })
    })
    .await
    .unwrap()
}

fn count(statuses: &[u16], status: u16) -> usize {
    statuses.iter().filter(|&&s| s == status).count()
}

fn host(app: &TestApp) -> String {
    app.address.trim_start_matches("http://").to_string()
}

#[actix_rt::test]
async fn concurrent_wrong_passwords_are_checked_no_more_often_than_the_limit() {
    let app = spawn_app_with(|s| s.login_max_failures = 5).await;
    app.add_moderator("mira", PASSWORD);

    let statuses = all_at_once(host(&app), 120, json!({"username": "mira", "password": "a wrong guess"})).await;

    assert_eq!(count(&statuses, 401), 5, "exactly the limit is checked: {statuses:?}");
    assert_eq!(count(&statuses, 429), 115, "{statuses:?}");
}

#[actix_rt::test]
async fn concurrent_wrong_codes_are_checked_no_more_often_than_the_limit() {
    let app = spawn_app_with(|s| s.login_max_failures = 5).await;
    let ines = app.login_moderator("ines").await;
    enrol(&app, &ines).await;

    let guess = json!({"username": "ines", "password": PASSWORD, "code": "000000"});
    let statuses = all_at_once(host(&app), 200, guess).await;

    assert_eq!(count(&statuses, 401), 5, "exactly the limit is checked: {statuses:?}");
    assert_eq!(count(&statuses, 429), 195, "{statuses:?}");
}

#[actix_rt::test]
async fn failed_log_ins_on_one_instance_count_on_another() {
    let first = spawn_app_with(|s| s.login_max_failures = 4).await;
    let second = spawn_app_on_with(first.database.clone(), |s| s.login_max_failures = 4).await;
    first.add_moderator("mira", PASSWORD);

    for app in [&first, &second, &first, &second] {
        assert_eq!(app.login("mira", "a wrong guess").await.status, 401);
    }

    assert_eq!(first.login("mira", PASSWORD).await.status, 429);
    assert_eq!(second.login("mira", PASSWORD).await.status, 429);
}

#[actix_rt::test]
async fn one_manage_token_cannot_fill_the_queue() {
    let app = spawn_app().await;
    let submitted = app.submit(&ListingBuilder::new().build()).await;

    let mut statuses = Vec::new();
    for number in 0..12 {
        let edit = ListingBuilder::new().stating(&format!("Edit number {number}")).build();
        statuses.push(app.manage("PUT", &submitted.token, Some(&edit)).await.status);
    }

    assert_eq!(statuses, [[202; 10].as_slice(), &[429, 429]].concat(), "ten edits an hour");
    let versions: i64 = submissions::table
        .filter(submissions::listing_id.eq(submitted.listing_id))
        .count()
        .get_result(&mut app.connect())
        .unwrap();
    assert_eq!(versions, 1, "each edit replaced the one waiting");
    let waiting = app.manage_status(&submitted.token).await;
    assert_eq!(waiting.listing.unwrap().statement.as_deref(), Some("Edit number 9"));
}

#[actix_rt::test]
async fn an_address_gets_at_most_three_receipts_a_day_and_every_listing_is_kept() {
    let app = spawn_app().await;
    let address = "flooded@example.org";

    let mut listings = Vec::new();
    for number in 0..5 {
        let listing = ListingBuilder::new().named(&format!("Dr. Number {number}")).contact(address).build();
        listings.push(app.submit(&listing).await);
    }

    assert_eq!(mailed(&app, address, "received"), 3);
    for listing in &listings {
        assert_eq!(app.manage_status(&listing.token).await.listing_id, listing.listing_id, "stored all the same");
    }
    let asked = app.post_json("/api/v1/manage/recovery", &json!({"email": address})).await;
    assert_eq!(asked.status, 202);
    assert_eq!(mailed(&app, address, "recovery"), 5, "a lost link reaches every listing");
}

/// How many letters of a kind the outbox holds for an address.
fn mailed(app: &TestApp, address: &str, kind: &str) -> i64 {
    outbox::table
        .filter(outbox::recipient.eq(address))
        .filter(outbox::kind.eq(kind))
        .count()
        .get_result(&mut app.connect())
        .unwrap()
}

#[actix_rt::test]
async fn reads_past_the_limit_get_429_with_retry_after_in_the_route_s_own_kind() {
    let app = spawn_app_with(|s| s.read_requests_per_minute = 4).await;
    wait_for_a_fresh_minute().await;

    for path in ["/api/v1/vocabulary", "/hsds/taxonomies", "/fhir/metadata", "/api/v1/places?q=port"] {
        assert_eq!(app.get(path).await.status, 200, "{path}");
    }
    let api = app.get("/api/v1/vocabulary").await;
    let fhir = app.get("/fhir/metadata").await;

    assert_eq!(api.status, 429);
    assert_eq!(api.header("content-type"), Some("application/problem+json"));
    assert!(api.header("retry-after").unwrap().parse::<u64>().unwrap() <= 60);
    assert_eq!((fhir.status, fhir.json::<Value>()["resourceType"].as_str()), (429, Some("OperationOutcome")));
    for path in ["/healthz", "/search?near=97201", "/"] {
        assert_ne!(app.get(path).await.status, 429, "{path} is not a counted read");
    }
}

/// Waits for a new clock minute when this one is nearly over, since reads are
/// counted within clock minutes.
async fn wait_for_a_fresh_minute() {
    let second = chrono::Utc::now().timestamp() % 60;
    if second > 40 {
        actix_rt::time::sleep(Duration::from_secs((61 - second) as u64)).await;
    }
}

/// Two instances on one database behind nginx, each client on its own
/// loopback address: five bad log-ins from one client lock out that client
/// (and that account), not every moderator; forged `X-Forwarded-For`
/// headers change nothing; submissions, reports and reads are counted per
/// client across both instances; and the logs name the real client.
#[actix_rt::test]
async fn behind_a_reverse_proxy_limits_hold_per_client_across_two_instances() {
    let (database, _dir) = fresh_database();
    let settings: Vec<(&str, String)> = vec![
        ("TRUSTED_PROXIES", "127.0.0.1".into()),
        ("LOGIN_MAX_FAILURES", "5".into()),
        ("SUBMISSIONS_PER_HOUR", "3".into()),
        ("REPORTS_PER_HOUR", "2".into()),
        ("READ_REQUESTS_PER_MINUTE", "20".into()),
        ("RUST_LOG", "info".into()),
    ];
    let servers = [Server::start_with(&database, &settings), Server::start_with(&database, &settings)];
    let Some(proxy) = Proxy::start(&[servers[0].port(), servers[1].port()]) else { return };
    let mut conn = database.connect().unwrap();
    for name in ["mira", "noor"] {
        Moderator::upsert(&mut conn, name, PASSWORD, Role::Moderator).unwrap();
    }
    let batch = SeedBatch { demo: false, listings: vec![ListingBuilder::new().build()] };
    let listing =
        seed::load(&mut conn, batch.parse(Gazetteer::shared()).unwrap(), Publication::Approved, Provenance::Clinician)
            .unwrap()
            .remove(0)
            .listing_id;
    let address = proxy.address.clone();

    actix_rt::task::spawn_blocking(move || {
        log_ins_are_limited_per_client(&address);
        submissions_and_reports_are_limited_per_client(&address, listing);
        reads_are_limited_per_client(&address);
    })
    .await
    .unwrap();

    let logs = servers[0].log_text() + &servers[1].log_text();
    assert!(logs.contains("http.client_ip=127.0.0.2"), "the logs name the client: {logs}");
    assert!(!logs.contains("203.0.113.") && !logs.contains("http.client_ip=127.0.0.1 "), "{logs}");
}

fn log_in(proxy: &str, from: &str, username: &str, password: &str, forged: &str) -> Answer {
    let body = json!({"username": username, "password": password});
    exchange_json(proxy, from, "/api/v1/moderator/session", &body, &[("x-forwarded-for", forged)])
}

fn log_ins_are_limited_per_client(proxy: &str) {
    for number in 0..5 {
        let forged = format!("203.0.113.{number}");
        assert_eq!(log_in(proxy, "127.0.0.2", "mira", "a wrong guess", &forged).status, 401);
    }
    let locked = log_in(proxy, "127.0.0.2", "noor", PASSWORD, "203.0.113.99");
    assert_eq!(locked.status, 429, "the client is locked out, whatever it forwards");
    assert!(locked.header("retry-after").is_some() && locked.body.contains("rate-limited"), "{}", locked.body);
    assert_eq!(log_in(proxy, "127.0.0.3", "noor", PASSWORD, "127.0.0.2").status, 200, "another client is not");
    assert_eq!(log_in(proxy, "127.0.0.4", "mira", PASSWORD, "").status, 429, "the account guessed at is");
}

fn submissions_and_reports_are_limited_per_client(proxy: &str, listing: i64) {
    let submit = |from: &str, number: usize| {
        let listing = ListingBuilder::new().contact(&format!("client-{from}-{number}@example.org")).build();
        exchange_json(proxy, from, "/api/v1/submissions", &listing, &[]).status
    };
    assert_eq!((0..4).map(|number| submit("127.0.0.5", number)).collect::<Vec<_>>(), [201, 201, 201, 429]);
    assert_eq!(submit("127.0.0.6", 0), 201);
    let report = |from: &str| {
        let body = json!({"reason": "inaccurate", "details": "The phone number is out of service."});
        exchange_json(proxy, from, &format!("/api/v1/clinicians/{listing}/reports"), &body, &[]).status
    };
    assert_eq!([report("127.0.0.5"), report("127.0.0.5"), report("127.0.0.5")], [202, 202, 429]);
    assert_eq!(report("127.0.0.6"), 202);
}

fn reads_are_limited_per_client(proxy: &str) {
    let second = chrono::Utc::now().timestamp() % 60;
    if second > 45 {
        std::thread::sleep(Duration::from_secs((61 - second) as u64));
    }
    let read = |from: &str| exchange(proxy, from, "GET", "/api/v1/vocabulary", &[], b"").status;
    assert!((0..20).all(|_| read("127.0.0.7") == 200));
    // The instances share what they counted every second.
    std::thread::sleep(Duration::from_millis(3500));
    assert_eq!(read("127.0.0.7"), 429, "twenty reads a minute, over both instances");
    assert_eq!(read("127.0.0.8"), 200);
}

#[actix_rt::test]
async fn a_forwarded_for_from_an_untrusted_peer_is_neither_believed_nor_logged() {
    let (database, _dir) = fresh_database();
    let server = Server::start_with(&database, &[("LOGIN_MAX_FAILURES", "2".into()), ("RUST_LOG", "info".into())]);
    Moderator::upsert(&mut database.connect().unwrap(), "mira", PASSWORD, Role::Moderator).unwrap();
    let address = server.address.clone();

    let statuses = actix_rt::task::spawn_blocking(move || {
        (0..3)
            .map(|number| {
                log_in(&address, "127.0.0.1", "mira", "a wrong guess", &format!("198.51.100.{number}")).status
            })
            .collect::<Vec<_>>()
    })
    .await
    .unwrap();

    assert_eq!(statuses, [401, 401, 429]);
    let log = server.log_text();
    assert!(log.contains("http.client_ip=127.0.0.1"), "{log}");
    assert!(!log.contains("198.51.100."), "{log}");
}

#[actix_rt::test]
async fn secrets_in_paths_never_reach_the_log() {
    let (database, _dir) = fresh_database();
    let server = Server::start_with(&database, &[("RUST_LOG", "debug".into())]);
    let client = awc::Client::new();
    let mut created =
        client.post(server.url("/api/v1/submissions")).send_json(&ListingBuilder::new().build()).await.unwrap();
    let token = created.json::<Value>().await.unwrap()["manage_token"].as_str().unwrap().to_string();
    let unknown = "ab".repeat(32);

    for (method, path) in [
        ("GET", format!("/manage/{token}")),
        ("GET", format!("/es/manage/{token}")),
        ("POST", format!("/manage/{token}/withdraw")),
        ("POST", format!("/manage/{token}/withdraw")),
        ("GET", format!("/manage/recover/{unknown}")),
        ("GET", format!("/moderate/invite/{unknown}")),
    ] {
        let request = client.request(method.parse().unwrap(), server.url(&path));
        request.insert_header(("content-type", "application/x-www-form-urlencoded")).send_body("").await.unwrap();
    }
    let log = server.log_text();
    assert!(log.contains("http.target=/manage/[redacted]/withdraw"), "one line a request at debug: {log}");
    assert!(!log.contains(&token) && !log.contains(&unknown), "no secret in the log: {log}");
}
