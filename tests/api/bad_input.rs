use benzowise::web::api::submissions::SubmissionCreated;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, ListingBuilder};
use benzowise::error::Problem;

const JSON: (&str, &str) = ("content-type", "application/json");

#[actix_rt::test]
async fn malformed_json_is_a_400_problem() {
    let app = spawn_app().await;
    let reply = app.request("POST", "/api/v1/submissions", &[JSON], Some(b"{\"full_name\": ".to_vec())).await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.header("content-type"), Some("application/problem+json"));
    let problem: Problem = reply.json();
    assert_eq!(problem.status, 400);
    assert!(!problem.kind.is_empty() && !problem.title.is_empty() && !problem.detail.is_empty(), "{problem:?}");
}

#[actix_rt::test]
async fn invalid_utf8_is_a_400_problem() {
    let app = spawn_app().await;
    let body = b"{\"full_name\": \"Dr \xff\xfe\"}".to_vec();
    let reply = app.request("POST", "/api/v1/submissions", &[JSON], Some(body)).await;
    assert_eq!(reply.status, 400);
}

#[actix_rt::test]
async fn a_value_of_the_wrong_type_names_its_field() {
    let app = spawn_app().await;
    let listing = ListingBuilder::new().with("telehealth", json!("yes")).build();
    let reply = app.post_json("/api/v1/submissions", &listing).await;
    assert_eq!(reply.status, 422);
    assert_eq!(reply.error_fields(), ["telehealth"]);

    let listing = ListingBuilder::new().with("answers", json!({"slow_taper": 5})).build();
    let reply = app.post_json("/api/v1/submissions", &listing).await;
    assert_eq!(reply.error_fields(), ["answers.slow_taper"]);
}

#[actix_rt::test]
async fn an_unknown_field_is_named() {
    let app = spawn_app().await;
    let listing = ListingBuilder::new().with("telehealt", json!(true)).build();
    let reply = app.post_json("/api/v1/submissions", &listing).await;
    assert_eq!(reply.status, 422);
    assert_eq!(reply.error_fields(), ["telehealt"]);
}

#[actix_rt::test]
async fn a_body_that_is_not_an_object_is_refused() {
    let app = spawn_app().await;
    let reply = app.post_json("/api/v1/submissions", &json!([1, 2, 3])).await;
    assert_eq!(reply.status, 422);
    assert_eq!(reply.error_fields(), ["body"]);
}

#[actix_rt::test]
async fn an_oversized_body_is_a_413() {
    let app = spawn_app().await;
    let listing = ListingBuilder::new().with("statement", json!("x".repeat(300_000))).build();
    let reply = app.post_json("/api/v1/submissions", &listing).await;
    assert_eq!(reply.status, 413);
    assert_eq!(reply.header("content-type"), Some("application/problem+json"));
}

#[actix_rt::test]
async fn a_body_that_is_not_json_is_a_415() {
    let app = spawn_app().await;
    let reply = app
        .request("POST", "/api/v1/submissions", &[("content-type", "text/plain")], Some(b"full_name=x".to_vec()))
        .await;
    assert_eq!(reply.status, 415);
}

#[actix_rt::test]
async fn unknown_routes_and_bad_ids_are_404_problems() {
    let app = spawn_app().await;
    for path in [
        "/api/v1/nothing-here",
        "/api/v1/clinicians/abc",
        "/api/v1/clinicians/99999999999999999999",
        "/api/v1/clinicians/42",
    ] {
        let reply = app.get(path).await;
        assert_eq!(reply.status, 404, "{path}");
        assert_eq!(reply.header("content-type"), Some("application/problem+json"), "{path}");
    }
}

#[actix_rt::test]
async fn sql_in_a_value_is_only_ever_data() {
    let app = spawn_app().await;
    let listing = ListingBuilder::new().with("city", json!("Portland' OR '1'='1")).build();
    let reply = app.post_json("/api/v1/submissions", &listing).await;
    assert_eq!(reply.status, 201, "{}", reply.text);
    let manage = app.manage_status(&reply.json::<SubmissionCreated>().manage_token).await;
    assert_eq!(manage.listing.unwrap().city, "Portland' OR '1'='1");
}

#[actix_rt::test]
async fn bad_event_paging_names_the_parameter() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let reply = app.as_moderator(&moderator, "GET", "/api/v1/moderation/events?limit=0", None).await;
    assert_eq!(reply.status, 422);
    assert_eq!(reply.error_fields(), ["limit"]);
    let reply = app.as_moderator(&moderator, "GET", "/api/v1/moderation/events?limit=abc", None).await;
    assert_eq!(reply.status, 422);
}

#[actix_rt::test]
async fn a_documented_address_asked_with_another_method_is_a_405_naming_the_allowed_ones() {
    let app = spawn_app().await;
    for (method, path, allowed) in [
        ("DELETE", "/api/v1/clinicians/7", "GET"),
        ("TRACE", "/api/v1/manage", "GET, PUT, DELETE"),
        ("PUT", "/healthz", "GET"),
    ] {
        let reply = app.request(method, path, &[], None).await;
        assert_eq!(reply.status, 405, "{method} {path}");
        assert_eq!(reply.header("allow"), Some(allowed), "{method} {path}");
        assert_eq!(reply.header("content-type"), Some("application/problem+json"));
    }
    assert_eq!(app.request("DELETE", "/api/v1/nothing-here", &[], None).await.status, 404);
}

#[actix_rt::test]
async fn api_times_are_rfc_3339_in_utc() {
    let app = spawn_app().await;
    let published = ListingBuilder::new().insert_public(&app);
    // Read untyped: the test is about the text on the wire.
    let listing: Value = app.public_listing(published.listing_id).await.json();
    let reviewed = listing["last_reviewed_at"].as_str().unwrap();
    assert!(chrono::DateTime::parse_from_rfc3339(reviewed).is_ok() && reviewed.ends_with('Z'), "{reviewed}");
}

#[actix_rt::test]
async fn a_nul_character_is_refused_with_a_problem_not_a_server_error() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let submitted = app.submit(&ListingBuilder::new().build()).await;
    let login =
        app.post_json("/api/v1/moderator/session", &json!({"username": "mi\u{0}ra", "password": "x\u{0}"})).await;
    assert_eq!(login.status, 401, "{}", login.text);
    let coded = json!({"username": "mira", "password": "a long moderator password", "code": "12\u{0}456"});
    assert!(app.post_json("/api/v1/moderator/session", &coded).await.status < 500);
    let reject = format!("/api/v1/moderation/submissions/{}/reject", submitted.submission_id);
    let reply = app.as_moderator(&moderator, "POST", &reject, Some(&json!({"reason": "No\u{0}pe"}))).await;
    assert_eq!(reply.status, 422, "{}", reply.text);
    assert_eq!(reply.error_fields(), ["reason"]);
    let found = app.as_moderator(&moderator, "GET", "/api/v1/moderation/clinicians?q=a%00b", None).await;
    assert_eq!(found.status, 422, "{}", found.text);
    let report = json!({"reason": "inaccurate", "details": "bad\u{0}"});
    let public = ListingBuilder::new().insert_public(&app);
    assert_eq!(app.report(public.listing_id, &report).await.status, 422);
    let mut listing = ListingBuilder::new().build();
    listing["full_name"] = json!("Dr. Nul\u{0}Byte");
    let reply = app.post_json("/api/v1/submissions", &listing).await;
    assert_eq!(reply.status, 422, "{}", reply.text);
}
