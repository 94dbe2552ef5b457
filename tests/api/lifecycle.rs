use serde_json::json;

use crate::helpers::{spawn_app, ListingBuilder};

#[actix_rt::test]
async fn an_approved_listing_is_public_without_its_private_contact_email() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let submitted = app.publish(&moderator, &ListingBuilder::new().build()).await;

    let reply = app.get(&format!("/api/v1/clinicians/{}", submitted.listing_id)).await;

    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.json["full_name"], "Dr. Rowan Whitfield");
    assert_eq!(reply.json["prescriber"], true);
    assert_eq!(reply.json["public_email"], "office@example.org");
    assert!(reply.json.get("contact_email").is_none());
    assert!(!reply.text.contains("rowan.private@example.org"));
    assert!(reply.json["last_reviewed_at"].is_string());
}

#[actix_rt::test]
async fn coordinates_come_from_the_zip_code_and_then_the_city() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let by_zip = app.publish(&moderator, &ListingBuilder::new().with("postal_code", json!("97201")).build()).await;
    let by_city = app
        .publish(
            &moderator,
            &ListingBuilder::new()
                .without("postal_code")
                .with("city", json!("Seattle"))
                .with("region", json!("WA"))
                .build(),
        )
        .await;

    let zip = app.get(&format!("/api/v1/clinicians/{}", by_zip.listing_id)).await.json;
    let city = app.get(&format!("/api/v1/clinicians/{}", by_city.listing_id)).await.json;

    assert!((zip["latitude"].as_f64().unwrap() - 45.50).abs() < 0.1, "{zip}");
    assert!((zip["longitude"].as_f64().unwrap() + 122.69).abs() < 0.1, "{zip}");
    assert!((city["latitude"].as_f64().unwrap() - 47.61).abs() < 0.1, "{city}");
}

#[actix_rt::test]
async fn a_rejection_needs_a_reason_which_the_clinician_then_sees() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let submitted = app.submit(&ListingBuilder::new().build()).await;
    let path = format!("/api/v1/moderation/submissions/{}/reject", submitted.submission_id);

    let without_reason = app.as_moderator(&moderator, "POST", &path, Some(&json!({"reason": "  "}))).await;
    assert_eq!(without_reason.status, 422);
    assert_eq!(without_reason.error_fields(), ["reason"]);

    let reply = app.as_moderator(&moderator, "POST", &path, Some(&json!({"reason": "Please add your NPI."}))).await;
    assert_eq!(reply.status, 200, "{}", reply.text);

    let manage = app.manage("GET", &submitted.token, None).await;
    assert_eq!(manage.json["status"], "rejected");
    assert_eq!(manage.json["public"], false);
    assert_eq!(manage.json["latest_submission"]["rejection_reason"], "Please add your NPI.");
    assert_eq!(app.get(&format!("/api/v1/clinicians/{}", submitted.listing_id)).await.status, 404);
}

#[actix_rt::test]
async fn an_edit_waits_for_review_while_the_approved_version_stays_public() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let submitted = app.publish(&moderator, &ListingBuilder::new().build()).await;
    let public_path = format!("/api/v1/clinicians/{}", submitted.listing_id);

    let edit = ListingBuilder::new()
        .with("full_name", json!("Dr. Rowan Whitfield-Ames"))
        .with("telehealth", json!(false))
        .build();
    let reply = app.manage("PUT", &submitted.token, Some(&edit)).await;
    assert_eq!(reply.status, 202, "{}", reply.text);
    let edit_id = reply.json["submission_id"].as_i64().unwrap();

    assert_eq!(app.get(&public_path).await.json["full_name"], "Dr. Rowan Whitfield");
    let queue = app.as_moderator(&moderator, "GET", "/api/v1/moderation/queue", None).await;
    let item = &queue.json[0];
    assert_eq!(item["kind"], "edit");
    let mut changed: Vec<&str> =
        item["changed_fields"].as_array().unwrap().iter().map(|c| c["field"].as_str().unwrap()).collect();
    changed.sort();
    assert_eq!(changed, ["full_name", "telehealth"]);
    assert_eq!(item["changed_fields"][0]["from"], "Dr. Rowan Whitfield");

    assert_eq!(app.approve(&moderator, edit_id).await.status, 200);
    let public = app.get(&public_path).await.json;
    assert_eq!(public["full_name"], "Dr. Rowan Whitfield-Ames");
    assert_eq!(public["telehealth"], false);
}

#[actix_rt::test]
async fn a_withdrawn_listing_leaves_public_view_at_once() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let submitted = app.publish(&moderator, &ListingBuilder::new().build()).await;
    app.manage("PUT", &submitted.token, Some(&ListingBuilder::new().build())).await;

    let reply = app.manage("DELETE", &submitted.token, None).await;

    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.json["status"], "withdrawn");
    assert_eq!(reply.json["latest_submission"]["status"], "withdrawn");
    assert_eq!(app.get(&format!("/api/v1/clinicians/{}", submitted.listing_id)).await.status, 404);
    let queue = app.as_moderator(&moderator, "GET", "/api/v1/moderation/queue", None).await;
    assert_eq!(queue.json, json!([]));
    assert_eq!(app.manage("DELETE", &submitted.token, None).await.status, 409);
}

#[actix_rt::test]
async fn a_suspended_listing_is_hidden_until_reinstated() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let submitted = app.publish(&moderator, &ListingBuilder::new().build()).await;
    let public_path = format!("/api/v1/clinicians/{}", submitted.listing_id);
    let suspend = format!("/api/v1/moderation/clinicians/{}/suspend", submitted.listing_id);
    let reinstate = format!("/api/v1/moderation/clinicians/{}/reinstate", submitted.listing_id);

    assert_eq!(app.as_moderator(&moderator, "POST", &suspend, Some(&json!({}))).await.status, 422);
    let reply =
        app.as_moderator(&moderator, "POST", &suspend, Some(&json!({"reason": "Complaint under review"}))).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(app.get(&public_path).await.status, 404);
    assert_eq!(app.manage("GET", &submitted.token, None).await.json["suspension_reason"], "Complaint under review");
    assert_eq!(app.as_moderator(&moderator, "POST", &suspend, Some(&json!({"reason": "again"}))).await.status, 409);

    let reply = app.as_moderator(&moderator, "POST", &reinstate, Some(&json!({"note": "Resolved"}))).await;
    assert_eq!(reply.status, 200);
    assert_eq!(app.get(&public_path).await.status, 200);
}

#[actix_rt::test]
async fn the_second_decision_on_a_submission_conflicts() {
    let app = spawn_app().await;
    let first = app.login_moderator("mira").await;
    let second = app.login_moderator("noor").await;
    let submitted = app.submit(&ListingBuilder::new().build()).await;

    assert_eq!(app.approve(&first, submitted.submission_id).await.status, 200);
    let path = format!("/api/v1/moderation/submissions/{}/reject", submitted.submission_id);
    let reply = app.as_moderator(&second, "POST", &path, Some(&json!({"reason": "late"}))).await;

    assert_eq!(reply.status, 409);
    assert_eq!(reply.header("content-type"), Some("application/problem+json"));
}

#[actix_rt::test]
async fn of_two_simultaneous_decisions_exactly_one_wins() {
    let app = spawn_app().await;
    let first = app.login_moderator("mira").await;
    let second = app.login_moderator("noor").await;
    for _ in 0..5 {
        let submitted = app.submit(&ListingBuilder::new().build()).await;
        let reject = format!("/api/v1/moderation/submissions/{}/reject", submitted.submission_id);
        let body = json!({"reason": "duplicate"});
        let (a, b) = futures_util::future::join(
            app.approve(&first, submitted.submission_id),
            app.as_moderator(&second, "POST", &reject, Some(&body)),
        )
        .await;
        let mut statuses = [a.status, b.status];
        statuses.sort();
        assert_eq!(statuses, [200, 409], "{} / {}", a.text, b.text);
    }
}

#[actix_rt::test]
async fn every_decision_is_in_the_audit_trail_newest_first() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let submitted = app.publish(&moderator, &ListingBuilder::new().build()).await;
    let suspend = format!("/api/v1/moderation/clinicians/{}/suspend", submitted.listing_id);
    app.as_moderator(&moderator, "POST", &suspend, Some(&json!({"reason": "Checking licence"}))).await;
    app.manage("DELETE", &submitted.token, None).await;

    let reply = app.as_moderator(&moderator, "GET", "/api/v1/moderation/events", None).await;

    assert_eq!(reply.status, 200);
    let events = reply.json.as_array().unwrap();
    let actions: Vec<&str> = events.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["withdraw", "suspend", "approve"]);
    assert_eq!(events[0]["actor"], "clinician");
    assert_eq!(events[1]["actor"], "moderator:mira");
    assert_eq!(events[1]["reason"], "Checking licence");
    assert_eq!(events[1]["changes"], json!([{"field": "status", "from": "approved", "to": "suspended"}]));
    let approved_fields: Vec<&str> =
        events[2]["changes"].as_array().unwrap().iter().map(|c| c["field"].as_str().unwrap()).collect();
    assert!(approved_fields.contains(&"full_name") && approved_fields.contains(&"status"), "{approved_fields:?}");
    assert!(events.iter().all(|e| e["listing_id"] == submitted.listing_id && e["occurred_at"].is_string()));
}

#[actix_rt::test]
async fn the_queue_is_oldest_first_and_shows_red_flags() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let calm = app.submit(&ListingBuilder::new().build()).await;
    let flagged = app
        .submit(
            &ListingBuilder::new()
                .with("answers", json!({"dependence_plan": "Patients can JUST STOP; a two-week taper works."}))
                .with("statement", json!("Benzos are not addictive."))
                .build(),
        )
        .await;

    let reply = app.as_moderator(&moderator, "GET", "/api/v1/moderation/queue", None).await;

    let queue = reply.json.as_array().unwrap();
    assert_eq!(queue.len(), 2);
    assert_eq!(queue[0]["submission_id"], calm.submission_id);
    assert_eq!(queue[0]["red_flags"], json!([]));
    assert_eq!(queue[1]["submission_id"], flagged.submission_id);
    assert_eq!(
        queue[1]["red_flags"],
        json!([
            {"field": "answers.dependence_plan", "phrase": "just stop"},
            {"field": "answers.dependence_plan", "phrase": "two-week taper"},
            {"field": "statement", "phrase": "not addictive"},
        ])
    );
    assert_eq!(queue[1]["listing"]["contact_email"], "rowan.private@example.org");
}

#[actix_rt::test]
async fn a_rejected_listing_can_be_sent_again_and_approved() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let submitted = app.submit(&ListingBuilder::new().without("npi").build()).await;
    let reject = format!("/api/v1/moderation/submissions/{}/reject", submitted.submission_id);
    app.as_moderator(&moderator, "POST", &reject, Some(&json!({"reason": "Add your NPI"}))).await;

    let reply = app.manage("PUT", &submitted.token, Some(&ListingBuilder::new().build())).await;
    assert_eq!(reply.status, 202);
    assert_eq!(app.manage("GET", &submitted.token, None).await.json["status"], "pending");
    assert_eq!(app.approve(&moderator, reply.json["submission_id"].as_i64().unwrap()).await.status, 200);

    let public = app.get(&format!("/api/v1/clinicians/{}", submitted.listing_id)).await;
    assert_eq!(public.json["npi"], "1234567893");
}
