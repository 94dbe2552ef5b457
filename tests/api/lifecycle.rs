use benzowise::app::listings::PublicListing;
use benzowise::app::manage::{EditReceived, ManageStatus};
use benzowise::domain::moderation::{FieldChange, ListingStatus, SubmissionKind, SubmissionStatus};
use serde_json::json;

use crate::helpers::{spawn_app, ListingBuilder};

#[actix_rt::test]
async fn an_approved_listing_is_public_without_its_private_contact_email() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let submitted = app.publish(&moderator, &ListingBuilder::new().build()).await;

    let reply = app.public_listing(submitted.listing_id).await;

    assert_eq!(reply.status, 200, "{}", reply.text);
    let listing: PublicListing = reply.json();
    assert_eq!(listing.full_name, "Dr. Rowan Whitfield");
    assert!(listing.prescriber);
    assert_eq!(listing.public_email.as_deref(), Some("office@example.org"));
    assert!(!reply.text.contains("contact_email"));
    assert!(!reply.text.contains("rowan.private@example.org"));
    assert!(listing.last_reviewed_at.is_some());
}

#[actix_rt::test]
async fn coordinates_come_from_the_zip_code_and_then_the_city() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let by_zip = app.publish(&moderator, &ListingBuilder::new().near("97201").build()).await;
    let by_city = app.publish(&moderator, &ListingBuilder::new().in_city("Seattle", "WA").build()).await;

    let zip: PublicListing = app.public_listing(by_zip.listing_id).await.json();
    let city: PublicListing = app.public_listing(by_city.listing_id).await.json();

    assert!((zip.latitude - 45.50).abs() < 0.1, "{zip:?}");
    assert!((zip.longitude + 122.69).abs() < 0.1, "{zip:?}");
    assert!((city.latitude - 47.61).abs() < 0.1, "{city:?}");
}

#[actix_rt::test]
async fn a_rejection_needs_a_reason_which_the_clinician_then_sees() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let submitted = app.submit(&ListingBuilder::new().build()).await;

    let without_reason = app.reject(&moderator, submitted.submission_id, "  ").await;
    assert_eq!(without_reason.status, 422);
    assert_eq!(without_reason.error_fields(), ["reason"]);

    let reply = app.reject(&moderator, submitted.submission_id, "Please add your NPI.").await;
    assert_eq!(reply.status, 200, "{}", reply.text);

    let manage = app.manage_status(&submitted.token).await;
    assert_eq!(manage.status, ListingStatus::Rejected);
    assert!(!manage.public);
    assert_eq!(manage.latest_submission.unwrap().rejection_reason.as_deref(), Some("Please add your NPI."));
    assert_eq!(app.public_listing(submitted.listing_id).await.status, 404);
}

#[actix_rt::test]
async fn an_edit_waits_for_review_while_the_approved_version_stays_public() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let published = ListingBuilder::new().insert_public(&app);

    let edit = ListingBuilder::new().named("Dr. Rowan Whitfield-Ames").offering_telehealth(false).build();
    let reply = app.manage("PUT", &published.manage_token, Some(&edit)).await;
    assert_eq!(reply.status, 202, "{}", reply.text);
    let received: EditReceived = reply.json();

    let public: PublicListing = app.public_listing(published.listing_id).await.json();
    assert_eq!(public.full_name, "Dr. Rowan Whitfield");
    let queue = app.moderation_queue(&moderator).await;
    let item = &queue[0];
    assert_eq!(item.kind, SubmissionKind::Edit);
    let mut changed: Vec<&str> = item.changed_fields.iter().map(|change| change.field.as_str()).collect();
    changed.sort();
    // The family name derived from the new display name changed with it.
    assert_eq!(changed, ["family_name", "full_name", "telehealth"]);
    let full_name = item.changed_fields.iter().find(|change| change.field == "full_name").unwrap();
    assert_eq!(full_name.from, "Dr. Rowan Whitfield");

    assert_eq!(app.approve(&moderator, received.submission_id).await.status, 200);
    let public: PublicListing = app.public_listing(published.listing_id).await.json();
    assert_eq!(public.full_name, "Dr. Rowan Whitfield-Ames");
    assert!(!public.telehealth);
}

#[actix_rt::test]
async fn a_withdrawn_listing_leaves_public_view_at_once() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let published = ListingBuilder::new().insert_public(&app);
    app.manage("PUT", &published.manage_token, Some(&ListingBuilder::new().build())).await;

    let reply = app.manage("DELETE", &published.manage_token, None).await;

    assert_eq!(reply.status, 200, "{}", reply.text);
    let withdrawn: ManageStatus = reply.json();
    assert_eq!(withdrawn.status, ListingStatus::Withdrawn);
    assert_eq!(withdrawn.latest_submission.unwrap().status, SubmissionStatus::Withdrawn);
    assert_eq!(app.public_listing(published.listing_id).await.status, 404);
    assert!(app.moderation_queue(&moderator).await.is_empty());
    assert_eq!(app.manage("DELETE", &published.manage_token, None).await.status, 409);
}

#[actix_rt::test]
async fn a_suspended_listing_is_hidden_until_reinstated() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let published = ListingBuilder::new().insert_public(&app);
    let suspend = format!("/api/v1/moderation/clinicians/{}/suspend", published.listing_id);

    assert_eq!(app.as_moderator(&moderator, "POST", &suspend, Some(&json!({}))).await.status, 422);
    let reply = app.suspend(&moderator, published.listing_id, "Complaint under review").await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(app.public_listing(published.listing_id).await.status, 404);
    let manage = app.manage_status(&published.manage_token).await;
    assert_eq!(manage.suspension_reason.as_deref(), Some("Complaint under review"));
    assert_eq!(app.suspend(&moderator, published.listing_id, "again").await.status, 409);

    let reply = app.reinstate(&moderator, published.listing_id, "Resolved").await;
    assert_eq!(reply.status, 200);
    assert_eq!(app.public_listing(published.listing_id).await.status, 200);
}

#[actix_rt::test]
async fn the_second_decision_on_a_submission_conflicts() {
    let app = spawn_app().await;
    let first = app.login_moderator("mira").await;
    let second = app.login_moderator("noor").await;
    let submitted = app.submit(&ListingBuilder::new().build()).await;

    assert_eq!(app.approve(&first, submitted.submission_id).await.status, 200);
    let reply = app.reject(&second, submitted.submission_id, "late").await;

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
        let (approval, rejection) = futures_util::future::join(
            app.approve(&first, submitted.submission_id),
            app.reject(&second, submitted.submission_id, "duplicate"),
        )
        .await;
        let mut statuses = [approval.status, rejection.status];
        statuses.sort();
        assert_eq!(statuses, [200, 409], "{} / {}", approval.text, rejection.text);
    }
}

#[actix_rt::test]
async fn every_decision_is_in_the_audit_trail_newest_first() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let submitted = app.publish(&moderator, &ListingBuilder::new().build()).await;
    app.suspend(&moderator, submitted.listing_id, "Checking licence").await;
    app.manage("DELETE", &submitted.token, None).await;

    let events = app.audit_events(&moderator).await;

    let actions: Vec<&str> = events.iter().map(|event| event.action.as_str()).collect();
    assert_eq!(actions, ["withdraw", "suspend", "approve"]);
    assert_eq!(events[0].actor, "clinician");
    assert_eq!(events[1].actor, "moderator:mira");
    assert_eq!(events[1].reason.as_deref(), Some("Checking licence"));
    assert_eq!(events[1].changes, [FieldChange::new("status", "approved", "suspended")]);
    let approved_fields: Vec<&str> = events[2].changes.iter().map(|change| change.field.as_str()).collect();
    assert!(approved_fields.contains(&"full_name") && approved_fields.contains(&"status"), "{approved_fields:?}");
    assert!(events.iter().all(|event| event.listing_id == Some(submitted.listing_id)));
}

#[actix_rt::test]
async fn the_queue_is_oldest_first_and_shows_red_flags() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let calm = app.submit(&ListingBuilder::new().build()).await;
    let flagged = app
        .submit(
            &ListingBuilder::new()
                .answering("dependence_plan", "Patients can JUST STOP; a two-week taper works.")
                .stating("Benzos are not addictive.")
                .build(),
        )
        .await;

    let queue = app.moderation_queue(&moderator).await;

    assert_eq!(queue.len(), 2);
    assert_eq!(queue[0].submission_id, calm.submission_id);
    assert!(queue[0].red_flags.is_empty());
    assert_eq!(queue[1].submission_id, flagged.submission_id);
    let red_flags: Vec<(&str, &str)> =
        queue[1].red_flags.iter().map(|flag| (flag.field.as_str(), flag.phrase.as_str())).collect();
    assert_eq!(
        red_flags,
        [
            ("answers.dependence_plan", "just stop"),
            ("answers.dependence_plan", "two-week taper"),
            ("statement", "not addictive"),
        ]
    );
    assert_eq!(queue[1].listing.contact_email, "rowan.private@example.org");
}

#[actix_rt::test]
async fn a_rejected_listing_can_be_sent_again_and_approved() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let submitted = app.submit(&ListingBuilder::new().without("npi").build()).await;
    app.reject(&moderator, submitted.submission_id, "Add your NPI").await;

    let reply = app.manage("PUT", &submitted.token, Some(&ListingBuilder::new().build())).await;
    assert_eq!(reply.status, 202);
    assert_eq!(app.manage_status(&submitted.token).await.status, ListingStatus::Pending);
    assert_eq!(app.approve(&moderator, reply.json::<EditReceived>().submission_id).await.status, 200);

    let public: PublicListing = app.public_listing(submitted.listing_id).await.json();
    assert_eq!(public.npi.as_deref(), Some("1234567893"));
}
