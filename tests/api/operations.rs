use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use benzowise::db::Database;
use diesel::connection::SimpleConnection;
use serde_json::Value;

use crate::helpers::{spawn_app, spawn_app_with, ListingBuilder, TestApp};
use benzowise::error::Problem;

#[actix_rt::test]
async fn health_and_readiness_answer() {
    let app = spawn_app().await;
    assert_eq!(app.get("/healthz").await.status, 200);
    assert_eq!(app.get("/readyz").await.status, 200);
}

#[actix_rt::test]
async fn metrics_count_listings_and_responses() {
    let app = spawn_app().await;
    app.submit(&ListingBuilder::new().build()).await;

    let reply = app.get("/metrics").await;

    assert_eq!(reply.status, 200);
    assert!(reply.text.contains("benzowise_listings{status=\"pending\"} 1"), "{}", reply.text);
    assert!(reply.text.contains("benzowise_pending_submissions 1"));
    assert!(reply.text.contains("benzowise_submissions_total 1"));
    assert!(reply.text.contains("benzowise_http_responses_total{class=\"2xx\"}"));
}

#[actix_rt::test]
async fn every_response_carries_security_headers_and_a_request_id() {
    let app = spawn_app().await;
    let reply = app.get("/api/v1/vocabulary").await;
    assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(reply.header("referrer-policy"), Some("no-referrer"));
    assert!(reply.header("content-security-policy").unwrap().contains("frame-ancestors 'none'"));
    assert!(reply.header("x-request-id").is_some());
}

#[actix_rt::test]
async fn the_vocabulary_lists_every_code_with_labels() {
    let app = spawn_app().await;
    let vocabulary: Value = app.get("/api/v1/vocabulary").await.json();
    let count = |list: &str| vocabulary[list].as_array().unwrap().len();
    assert_eq!(count("professions"), 6);
    assert_eq!(vocabulary["professions"][5]["code"], "therapist");
    assert_eq!(vocabulary["professions"][5]["prescriber"], false);
    assert_eq!(count("specialties"), 8);
    assert_eq!(count("taper_approaches"), 10);
    assert_eq!(count("criteria"), 9);
    assert_eq!(count("red_flags"), 15);
}

#[actix_rt::test]
async fn the_openapi_document_covers_every_route() {
    let app = spawn_app().await;
    let reply = app.get("/api/openapi.json").await;
    assert_eq!(reply.status, 200);
    let document: Value = reply.json();
    assert!(document["openapi"].as_str().unwrap().starts_with("3."));
    let paths = document["paths"].as_object().unwrap();
    for path in [
        "/api/v1/clinicians/{id}",
        "/api/v1/clinicians/{id}/reports",
        "/api/v1/vocabulary",
        "/api/v1/submissions",
        "/api/v1/manage",
        "/api/v1/moderator/session",
        "/api/v1/moderation/queue",
        "/api/v1/moderation/submissions/{id}/approve",
        "/api/v1/moderation/submissions/{id}/reject",
        "/api/v1/moderation/clinicians/{id}/suspend",
        "/api/v1/moderation/clinicians/{id}/reinstate",
        "/api/v1/moderation/reports",
        "/api/v1/moderation/reports/{id}/resolve",
        "/api/v1/moderation/events",
        "/healthz",
        "/readyz",
        "/metrics",
        "/api/openapi.json",
    ] {
        assert!(paths.contains_key(path), "{path} missing from {:?}", paths.keys().collect::<Vec<_>>());
    }
    assert_eq!(paths["/api/v1/manage"].as_object().unwrap().len(), 3);
}

#[actix_rt::test]
async fn moderator_decisions_document_their_problems() {
    let app = spawn_app().await;
    let document: Value = app.get("/api/openapi.json").await.json();
    let responses =
        document["paths"]["/api/v1/moderation/submissions/{id}/approve"]["post"]["responses"].as_object().unwrap();
    let mut codes: Vec<&str> = responses.keys().map(String::as_str).collect();
    codes.sort();
    assert_eq!(codes, ["200", "400", "401", "403", "404", "409", "413", "415", "422"]);
    assert!(responses["409"]["content"]["application/problem+json"].is_object());
}

#[actix_rt::test]
async fn a_request_stuck_on_a_locked_database_is_answered_503_and_the_server_goes_on() {
    let app = spawn_app_with(|settings| settings.request_timeout = Duration::from_secs(1)).await;
    let mut blocker = app.connect();
    let lock = match app.database {
        Database::Sqlite(_) => "BEGIN IMMEDIATE",
        Database::Postgres(_) => "BEGIN; LOCK TABLE submissions IN EXCLUSIVE MODE",
    };
    blocker.batch_execute(lock).unwrap();

    let started = Instant::now();
    let api = app.post_json("/api/v1/submissions", &ListingBuilder::new().build()).await;
    assert_eq!(api.status, 503);
    assert_eq!(api.header("content-type"), Some("application/problem+json"));
    assert_eq!(api.json::<Problem>().kind, "/problems/timeout");
    let form = [
        ("full_name", "Dr. Page"),
        ("profession", "physician"),
        ("specialty", "psychiatry"),
        ("city", "Portland"),
        ("region", "OR"),
        ("contact_email", "p@example.org"),
    ];
    let page = app.post_form("/submit", &form).await;
    assert_eq!(page.status, 503);
    assert!(page.header("content-type").unwrap().starts_with("text/html"));
    assert!(started.elapsed() < Duration::from_secs(5), "answered at the limit, not at the lock's end");

    blocker.batch_execute("ROLLBACK").unwrap();
    assert_eq!(app.get("/readyz").await.status, 200);
}

/// Sends raw bytes and returns what the server answered before closing or going quiet.
/// Runs on its own thread: the test's thread also runs the server's control task.
async fn raw_exchange(app: &TestApp, request: &[u8]) -> String {
    let address = app.address.trim_start_matches("http://").to_string();
    let request = request.to_vec();
    actix_rt::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(address).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
        stream.write_all(&request).unwrap();
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer).into_owned()
    })
    .await
    .unwrap()
}

#[actix_rt::test]
async fn a_client_that_never_finishes_its_request_head_gets_a_408() {
    let app = spawn_app_with(|settings| settings.client_timeout = Duration::from_secs(1)).await;
    let answer = raw_exchange(&app, b"GET / HTTP/1.1\r\nHost: benzowise.test\r\nX-Slow: ").await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert_eq!(app.get("/healthz").await.status, 200);
}

#[actix_rt::test]
async fn a_body_that_never_finishes_arriving_gets_a_408() {
    let app = spawn_app_with(|settings| settings.client_timeout = Duration::from_secs(1)).await;
    let head = "POST /api/v1/submissions HTTP/1.1\r\nHost: benzowise.test\r\nContent-Type: application/json\r\n\
                Content-Length: 500\r\n\r\n{\"full_name\": ";
    let answer = raw_exchange(&app, head.as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("/problems/body-timeout"), "{answer}");
}

#[actix_rt::test]
async fn oversized_request_heads_are_refused_with_a_4xx() {
    let app = spawn_app().await;
    let big = app.request("GET", "/api/v1/vocabulary", &[("x-big", &"a".repeat(20 * 1024))], None).await;
    assert_eq!(big.status, 431);
    assert_eq!(big.json::<Problem>().kind, "/problems/headers-too-large");
    let normal = app.request("GET", "/api/v1/vocabulary", &[("x-normal", &"a".repeat(4 * 1024))], None).await;
    assert_eq!(normal.status, 200);
    let many: String = (0..200).map(|n| format!("X-Header-{n}: {n}\r\n")).collect();
    let answer = raw_exchange(&app, format!("GET / HTTP/1.1\r\nHost: benzowise.test\r\n{many}\r\n").as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 431") || answer.starts_with("HTTP/1.1 400"), "{answer}");
}
