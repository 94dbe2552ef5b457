use benzowise::app::listings::PublicListing;
use benzowise::db::schema::listings;
use benzowise::domain::moderation::SubmissionStatus;
use benzowise::domain::token;
use benzowise::web::api::submissions::{Received, SubmissionCreated};
use diesel::prelude::*;
use serde_json::json;

use crate::helpers::{spawn_app, ListingBuilder};
use benzowise::error::Problem;

#[actix_rt::test]
async fn a_valid_submission_is_pending_and_returns_its_manage_token_once() {
    let app = spawn_app().await;
    let reply = app.post_json("/api/v1/submissions", &ListingBuilder::new().build()).await;

    assert_eq!(reply.status, 201, "{}", reply.text);
    let created: SubmissionCreated = reply.json();
    assert_eq!(created.status, SubmissionStatus::Pending);
    assert_eq!(created.manage_token.len(), 64);
    assert_eq!(created.manage_url, format!("http://benzowise.test/manage/{}", created.manage_token));
    assert!(created.listing_id > 0);
    assert!(created.submission_id > 0);
}

#[actix_rt::test]
async fn a_pending_listing_is_not_public() {
    let app = spawn_app().await;
    let submitted = app.submit(&ListingBuilder::new().build()).await;

    let reply = app.public_listing(submitted.listing_id).await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.header("content-type"), Some("application/problem+json"));
}

#[actix_rt::test]
async fn only_a_hash_of_the_manage_token_is_stored() {
    let app = spawn_app().await;
    let submitted = app.submit(&ListingBuilder::new().build()).await;

    let stored: String = listings::table
        .find(submitted.listing_id)
        .select(listings::manage_token_hash)
        .first(&mut app.connect())
        .unwrap();
    assert_ne!(stored, submitted.token);
    assert_eq!(stored, token::hash(&submitted.token));
}

#[actix_rt::test]
async fn a_filled_honeypot_is_accepted_but_nothing_is_kept() {
    let app = spawn_app().await;
    let bot = ListingBuilder::new().with("website_url_confirm", json!("http://spam.example")).build();

    let reply = app.post_json("/api/v1/submissions", &bot).await;

    assert_eq!(reply.status, 202);
    assert_eq!(reply.json::<Received>().status, SubmissionStatus::Pending);
    assert!(!reply.text.contains("manage_token"));
    let count: i64 = listings::table.count().get_result(&mut app.connect()).unwrap();
    assert_eq!(count, 0);
}

#[actix_rt::test]
async fn an_edit_with_the_honeypot_filled_needs_the_token_and_is_refused() {
    let app = spawn_app().await;
    let submitted = app.submit(&ListingBuilder::new().build()).await;
    let bot = ListingBuilder::new().with("website_url_confirm", json!("http://spam.example")).build();

    assert_eq!(app.manage("PUT", &"0".repeat(64), Some(&bot)).await.status, 401);
    let reply = app.manage("PUT", &submitted.token, Some(&bot)).await;
    assert_eq!(reply.status, 422);
    assert_eq!(reply.error_fields(), ["website_url_confirm"]);
}

#[actix_rt::test]
async fn every_bad_field_is_named_in_one_reply() {
    let app = spawn_app().await;
    let listing = ListingBuilder::new()
        .with("full_name", json!("X"))
        .with("profession", json!("shaman"))
        .without("specialty")
        .with("taxonomy_code", json!("12345"))
        .with("npi", json!("1234567890"))
        .with("country", json!("ZZ"))
        .with("phone", json!("call me maybe"))
        .with("website", json!("javascript:alert(1)"))
        .with("public_email", json!("not an email"))
        .without("contact_email")
        .with("licensed_regions", json!(["US-XX"]))
        .with("languages", json!(["english"]))
        .with("taper_approaches", json!(["cold_turkey"]))
        .with("criteria", json!(["fast"]))
        .with("max_monthly_reduction_pct", json!(90))
        .with("statement", json!("x".repeat(4001)))
        .build();

    let reply = app.post_json("/api/v1/submissions", &listing).await;

    assert_eq!(reply.status, 422, "{}", reply.text);
    assert_eq!(reply.header("content-type"), Some("application/problem+json"));
    assert_eq!(reply.json::<Problem>().status, 422);
    let mut fields = reply.error_fields();
    fields.sort();
    assert_eq!(
        fields,
        [
            "contact_email",
            "country",
            "criteria",
            "full_name",
            "languages",
            "licensed_regions",
            "max_monthly_reduction_pct",
            "npi",
            "phone",
            "profession",
            "public_email",
            "specialty",
            "statement",
            "taper_approaches",
            "taxonomy_code",
            "website",
        ]
    );
}

#[actix_rt::test]
async fn a_us_postal_code_must_be_a_zip_and_city_is_required() {
    let app = spawn_app().await;
    let listing = ListingBuilder::new().with("postal_code", json!("ABC")).without("city").build();

    let reply = app.post_json("/api/v1/submissions", &listing).await;

    assert_eq!(reply.status, 422);
    assert_eq!(reply.error_fields(), ["city", "postal_code"]);
}

#[actix_rt::test]
async fn answers_over_their_length_are_named_by_path() {
    let app = spawn_app().await;
    let listing = ListingBuilder::new().answering("slow_taper", &"y".repeat(2001)).build();

    let reply = app.post_json("/api/v1/submissions", &listing).await;

    assert_eq!(reply.status, 422);
    assert_eq!(reply.error_fields(), ["answers.slow_taper"]);
}

#[actix_rt::test]
async fn out_of_range_coordinates_are_refused() {
    let app = spawn_app().await;
    let listing = ListingBuilder::new().at(95.0, -181.0).build();

    let reply = app.post_json("/api/v1/submissions", &listing).await;

    assert_eq!(reply.status, 422);
    assert_eq!(reply.error_fields(), ["latitude", "longitude"]);
}

#[actix_rt::test]
async fn a_place_that_cannot_be_found_asks_for_coordinates() {
    let app = spawn_app().await;
    let listing = ListingBuilder::new().in_city("Nowhere At All", "OR").build();

    let reply = app.post_json("/api/v1/submissions", &listing).await;

    assert_eq!(reply.status, 422);
    assert_eq!(reply.error_fields(), ["city"]);
}

#[actix_rt::test]
async fn a_script_tag_or_sql_in_a_name_is_kept_as_plain_text() {
    let app = spawn_app().await;
    let (moderator, name) =
        (app.login_moderator("mira").await, "<script>alert(1)</script> Robert'); DROP TABLE listings;--");
    let submitted = app.publish(&moderator, &ListingBuilder::new().named(name).build()).await;

    let reply = app.public_listing(submitted.listing_id).await;

    assert_eq!(reply.status, 200);
    assert_eq!(reply.json::<PublicListing>().full_name, name);
    assert_eq!(reply.header("content-type"), Some("application/json"));
}
