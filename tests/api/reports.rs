use benzowise::db::reports::Report;
use benzowise::domain::moderation::ReportStatus;
use benzowise::web::api::clinicians::ReportReceived;
use serde_json::json;

use crate::helpers::{spawn_app, spawn_app_with, ListingBuilder};

#[actix_rt::test]
async fn a_report_reaches_the_moderators_and_is_resolved_once() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let listing = ListingBuilder::new().insert_public(&app);

    let reply = app
        .report(listing.listing_id, &json!({"reason": "not_benzo_wise", "details": "Told me to stop in two weeks."}))
        .await;
    assert_eq!(reply.status, 202, "{}", reply.text);
    let report_id = reply.json::<ReportReceived>().report_id;

    let open: Vec<Report> = app.as_moderator(&moderator, "GET", "/api/v1/moderation/reports", None).await.json();
    assert_eq!(open[0].id, report_id);
    assert_eq!(open[0].reason, "not_benzo_wise");
    assert_eq!(open[0].status, ReportStatus::Open);

    let resolve = format!("/api/v1/moderation/reports/{report_id}/resolve");
    assert_eq!(app.as_moderator(&moderator, "POST", &resolve, Some(&json!({}))).await.status, 422);
    let reply = app.as_moderator(&moderator, "POST", &resolve, Some(&json!({"note": "Spoke with the clinic"}))).await;
    assert_eq!(reply.status, 200);
    assert_eq!(app.as_moderator(&moderator, "POST", &resolve, Some(&json!({"note": "again"}))).await.status, 409);

    let open: Vec<Report> = app.as_moderator(&moderator, "GET", "/api/v1/moderation/reports", None).await.json();
    assert!(open.is_empty());
    let all: Vec<Report> =
        app.as_moderator(&moderator, "GET", "/api/v1/moderation/reports?status=all", None).await.json();
    assert_eq!(all[0].resolution_note.as_deref(), Some("Spoke with the clinic"));
    let events = app.audit_events(&moderator).await;
    assert_eq!(events[0].action, "resolve_report");
    assert_eq!(events[0].report_id, Some(report_id));
}

#[actix_rt::test]
async fn a_report_needs_a_known_reason_and_a_public_listing() {
    let app = spawn_app().await;
    let pending = app.submit(&ListingBuilder::new().build()).await;
    let public = ListingBuilder::new().insert_public(&app);

    let reply = app.report(public.listing_id, &json!({"reason": "meh", "details": "x".repeat(2001)})).await;
    assert_eq!(reply.status, 422);
    assert_eq!(reply.error_fields(), ["reason", "details"]);

    let reply = app.report(pending.listing_id, &json!({"reason": "other"})).await;
    assert_eq!(reply.status, 404);
}

#[actix_rt::test]
async fn reports_and_submissions_are_rate_limited_per_client() {
    let app = spawn_app_with(|settings| {
        settings.reports_per_hour = 2;
        settings.submissions_per_hour = 2;
    })
    .await;
    let listing = ListingBuilder::new().insert_public(&app);

    for _ in 0..2 {
        assert_eq!(app.report(listing.listing_id, &json!({"reason": "other"})).await.status, 202);
    }
    let limited = app.report(listing.listing_id, &json!({"reason": "other"})).await;
    assert_eq!(limited.status, 429);
    assert!(limited.header("retry-after").is_some());

    for _ in 0..2 {
        app.submit(&ListingBuilder::new().build()).await;
    }
    let limited = app.post_json("/api/v1/submissions", &ListingBuilder::new().build()).await;
    assert_eq!(limited.status, 429);
}
