use crate::helpers::{spawn_app, ListingBuilder};

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
    let reply = app.get("/api/v1/vocabulary").await;
    assert_eq!(reply.json["professions"].as_array().unwrap().len(), 6);
    assert_eq!(reply.json["professions"][5]["code"], "therapist");
    assert_eq!(reply.json["professions"][5]["prescriber"], false);
    assert_eq!(reply.json["specialties"].as_array().unwrap().len(), 8);
    assert_eq!(reply.json["taper_approaches"].as_array().unwrap().len(), 10);
    assert_eq!(reply.json["criteria"].as_array().unwrap().len(), 9);
    assert_eq!(reply.json["red_flags"].as_array().unwrap().len(), 7);
}

#[actix_rt::test]
async fn the_openapi_document_covers_every_route() {
    let app = spawn_app().await;
    let reply = app.get("/api/openapi.json").await;
    assert_eq!(reply.status, 200);
    assert!(reply.json["openapi"].as_str().unwrap().starts_with("3."));
    let paths = reply.json["paths"].as_object().unwrap();
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
    let doc = app.get("/api/openapi.json").await.json;
    let responses =
        doc["paths"]["/api/v1/moderation/submissions/{id}/approve"]["post"]["responses"].as_object().unwrap();
    let mut codes: Vec<&str> = responses.keys().map(String::as_str).collect();
    codes.sort();
    assert_eq!(codes, ["200", "401", "403", "404", "409", "422"]);
    assert!(responses["409"]["content"]["application/problem+json"].is_object());
}
