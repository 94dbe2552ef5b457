use benzowise::domain::moderation::ListingStatus;
use benzowise::web::api::manage::TokenRotated;
use benzowise::web::api::session::SessionStarted;
use serde_json::json;

use crate::helpers::{spawn_app, spawn_app_with, ListingBuilder};

#[actix_rt::test]
async fn moderation_routes_need_a_session() {
    let app = spawn_app().await;
    for (method, path) in [
        ("GET", "/api/v1/moderation/queue"),
        ("GET", "/api/v1/moderation/reports"),
        ("GET", "/api/v1/moderation/events"),
        ("POST", "/api/v1/moderation/submissions/1/approve"),
        ("POST", "/api/v1/moderation/clinicians/1/suspend"),
        ("DELETE", "/api/v1/moderator/session"),
    ] {
        let reply = app.send_json(method, path, &json!({}), &[]).await;
        assert_eq!(reply.status, 401, "{method} {path}");
        assert_eq!(reply.header("content-type"), Some("application/problem+json"));
    }
}

#[actix_rt::test]
async fn unsafe_moderator_requests_need_the_csrf_token() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let submitted = app.submit(&ListingBuilder::new().build()).await;
    let path = format!("/api/v1/moderation/submissions/{}/approve", submitted.submission_id);

    let missing = app.send_json("POST", &path, &json!({}), &[("cookie", &moderator.cookie)]).await;
    let wrong =
        app.send_json("POST", &path, &json!({}), &[("cookie", &moderator.cookie), ("x-csrf-token", "guess")]).await;

    assert_eq!(missing.status, 403);
    assert_eq!(wrong.status, 403);
    assert_eq!(app.manage_status(&submitted.token).await.status, ListingStatus::Pending);
    let safe = app.request("GET", "/api/v1/moderation/queue", &[("cookie", &moderator.cookie)], None).await;
    assert_eq!(safe.status, 200);
}

#[actix_rt::test]
async fn the_session_cookie_is_http_only_and_same_site_strict() {
    let app = spawn_app().await;
    app.add_moderator("mira", "a long moderator password");

    let reply = app.login("mira", "a long moderator password").await;

    assert_eq!(reply.status, 200);
    assert!(reply.json::<SessionStarted>().csrf_token.len() >= 32);
    let cookie = reply.header("set-cookie").unwrap();
    assert!(cookie.starts_with("benzowise_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
}

#[actix_rt::test]
async fn the_secure_flag_is_set_when_configured() {
    let app = spawn_app_with(|s| s.cookie_secure = true).await;
    app.add_moderator("mira", "a long moderator password");

    let reply = app.login("mira", "a long moderator password").await;

    assert!(reply.header("set-cookie").unwrap().contains("Secure"));
    assert!(reply.header("strict-transport-security").is_some());
}

#[actix_rt::test]
async fn a_wrong_password_is_refused_and_repeated_failures_are_throttled() {
    let app = spawn_app_with(|s| s.login_max_failures = 3).await;
    app.add_moderator("mira", "a long moderator password");

    for _ in 0..3 {
        let reply = app.login("mira", "wrong password").await;
        assert_eq!(reply.status, 401);
        assert!(reply.header("set-cookie").is_none());
    }
    let throttled = app.login("mira", "a long moderator password").await;

    assert_eq!(throttled.status, 429);
    assert!(throttled.header("retry-after").unwrap().parse::<u64>().unwrap() > 0);
}

#[actix_rt::test]
async fn an_unknown_moderator_is_refused_like_a_wrong_password() {
    let app = spawn_app().await;
    let reply = app.login("nobody", "whatever it is").await;
    assert_eq!(reply.status, 401);
}

#[actix_rt::test]
async fn a_session_cookie_not_signed_with_the_servers_key_is_refused() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let (token, signature) = moderator.cookie.rsplit_once('.').unwrap();
    let forged_signature = format!("{token}.{}", "0".repeat(signature.len()));

    for cookie in [token.to_string(), forged_signature] {
        let headers = [("cookie", cookie.as_str())];
        let reply = app.request("GET", "/api/v1/moderation/queue", &headers, None).await;
        assert_eq!(reply.status, 401, "{cookie}");
    }
    assert_eq!(app.as_moderator(&moderator, "GET", "/api/v1/moderation/queue", None).await.status, 200);
}

#[actix_rt::test]
async fn logging_out_ends_the_session_on_the_server() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;

    let reply = app.as_moderator(&moderator, "DELETE", "/api/v1/moderator/session", None).await;
    assert_eq!(reply.status, 204);

    let replayed = app.as_moderator(&moderator, "GET", "/api/v1/moderation/queue", None).await;
    assert_eq!(replayed.status, 401);
}

#[actix_rt::test]
async fn a_manage_token_opens_only_its_own_listing() {
    let app = spawn_app().await;
    let first = app.submit(&ListingBuilder::new().build()).await;
    let second = app.submit(&ListingBuilder::new().named("Dr. Noor Adeyemi").build()).await;

    let opened = app.manage_status(&second.token).await;
    assert_eq!(opened.listing_id, second.listing_id);
    assert_ne!(opened.listing_id, first.listing_id);

    assert_eq!(app.manage("GET", "not-a-token", None).await.status, 401);
    assert_eq!(app.request("GET", "/api/v1/manage", &[], None).await.status, 401);
    assert_eq!(app.manage("DELETE", "not-a-token", None).await.status, 401);
}

#[actix_rt::test]
async fn a_rotated_manage_token_replaces_the_old_one() {
    let app = spawn_app().await;
    let submitted = app.submit(&ListingBuilder::new().build()).await;

    let bearer = format!("Bearer {}", submitted.token);
    let reply = app.request("POST", "/api/v1/manage/token", &[("authorization", &bearer)], None).await;

    assert_eq!(reply.status, 200, "{}", reply.text);
    let rotated: TokenRotated = reply.json();
    assert_ne!(rotated.manage_token, submitted.token);
    assert_eq!(app.manage("GET", &submitted.token, None).await.status, 401);
    assert_eq!(app.manage_status(&rotated.manage_token).await.listing_id, submitted.listing_id);
}

#[actix_rt::test]
async fn over_https_the_session_cookie_is_host_prefixed_and_still_opens_the_session() {
    let app = spawn_app_with(|s| s.cookie_secure = true).await;
    app.add_moderator("mira", "a long moderator password");

    let reply = app.login("mira", "a long moderator password").await;
    let cookie = reply.header("set-cookie").unwrap().to_string();

    assert!(cookie.starts_with("__Host-benzowise_session="), "{cookie}");
    assert!(cookie.contains("Path=/") && cookie.contains("Secure") && !cookie.contains("Domain"), "{cookie}");
    let pair = cookie.split(';').next().unwrap();
    let queue = app.request("GET", "/api/v1/moderation/queue", &[("cookie", pair)], None).await;
    assert_eq!(queue.status, 200);
    let unprefixed = pair.replacen("__Host-", "", 1);
    assert_eq!(app.request("GET", "/api/v1/moderation/queue", &[("cookie", &unprefixed)], None).await.status, 401);
}

#[actix_rt::test]
async fn private_answers_are_never_stored_and_public_ones_may_be() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let created = app.post_json("/api/v1/submissions", &ListingBuilder::new().build()).await;
    let token = created.json::<serde_json::Value>()["manage_token"].as_str().unwrap().to_string();
    let bearer = format!("Bearer {token}");
    let public = ListingBuilder::new().insert_public(&app);

    let private = [
        created,
        app.request("GET", "/api/v1/manage", &[("authorization", &bearer)], None).await,
        app.get(&format!("/manage/{token}")).await,
        app.get(&format!("/es/manage/{token}")).await,
        app.get("/manage/recovery").await,
        app.get("/moderate").await,
        app.request("GET", "/moderate/audit", &[("cookie", &moderator.cookie)], None).await,
        app.as_moderator(&moderator, "GET", "/api/v1/moderation/queue", None).await,
        app.post_form("/submit", &[("full_name", "x")]).await,
    ];
    for reply in &private {
        assert_eq!(reply.header("cache-control"), Some("no-store"), "{} {}", reply.status, reply.text);
    }
    for path in [format!("/api/v1/clinicians/{}", public.listing_id), "/search?near=97201".into(), "/".into()] {
        assert_ne!(app.get(&path).await.header("cache-control"), Some("no-store"), "{path}");
    }
}

#[actix_rt::test]
async fn metrics_answer_only_with_their_token_when_one_is_set() {
    let app = spawn_app_with(|s| s.metrics_token = Some("a metrics token of some length".into())).await;

    assert_eq!(app.get("/metrics").await.status, 401);
    let wrong = app.request("GET", "/metrics", &[("authorization", "Bearer guess")], None).await;
    assert_eq!(wrong.status, 401);
    let right =
        app.request("GET", "/metrics", &[("authorization", "Bearer a metrics token of some length")], None).await;
    assert_eq!(right.status, 200);
    assert!(right.text.contains("benzowise_"), "{}", right.text);
    assert_eq!(spawn_app().await.get("/metrics").await.status, 200, "without a token set, as before");
}

#[actix_rt::test]
async fn names_that_reorder_their_own_text_are_refused() {
    let app = spawn_app().await;
    for (field, value) in [
        ("full_name", "Dr. Ann\u{202E}etihW"),
        ("practice_name", "Clinic \u{2066}isolated\u{2069}"),
        ("credentials", "MD\u{202B}"),
    ] {
        let reply =
            app.post_json("/api/v1/submissions", &ListingBuilder::new().with(field, json!(value)).build()).await;
        assert_eq!(reply.status, 422, "{field}");
        assert_eq!(reply.error_fields(), [field]);
    }
    let insurers = ListingBuilder::new().with("insurers", json!(["Aetna", "Blue \u{202D}Cross"])).build();
    assert_eq!(app.post_json("/api/v1/submissions", &insurers).await.error_fields(), ["insurers"]);
    let accented = ListingBuilder::new().named("Dr. Ana María Núñez-Ибрагимова").build();
    assert_eq!(app.post_json("/api/v1/submissions", &accented).await.status, 201, "other letters are welcome");
}
