//! The HTML pages, read as a browser without JavaScript would get them.

use serde_json::json;

use crate::helpers::{spawn_app, ListingBuilder};

#[actix_rt::test]
async fn the_home_page_explains_and_offers_the_search_form() {
    let app = spawn_app().await;
    let reply = app.get("/").await;
    assert_eq!(reply.status, 200);
    assert!(reply.header("content-type").unwrap().starts_with("text/html"));
    assert!(reply.text.contains("benzo-wise clinician"));
    assert!(reply.text.contains(r#"<form class="stack" method="get" action="/search""#));
    assert!(reply.text.contains("Information, not medical advice."));
    assert!(reply.text.contains("GeoNames"));
    let css = app.get("/static/style.css").await;
    assert!(css.header("content-type").unwrap().starts_with("text/css"));
}

#[actix_rt::test]
async fn search_results_show_readable_cards_with_escaped_text() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let listing = ListingBuilder::new().with("full_name", json!("Dr. <b>Bold</b> Whitfield")).build();
    let published = app.publish(&moderator, &listing).await;

    let reply = app.get("/search?near=97201&radius=25&unit=mi").await;

    assert_eq!(reply.status, 200, "{}", reply.text);
    assert!(reply.text.contains("Dr. &lt;b&gt;Bold&lt;/b&gt; Whitfield"));
    assert!(!reply.text.contains("<b>Bold</b>"));
    assert!(reply.text.contains(&format!("/clinicians/{}", published.listing_id)));
    assert!(reply.text.contains("Prescriber"));
    assert!(reply.text.contains("Micro-taper"));
    assert!(reply.text.contains("Lets the patient set the pace"));
    assert!(reply.text.contains("miles ("));
    assert!(!reply.text.contains("rowan.private@example.org"));
    // The form keeps what was asked.
    assert!(reply.text.contains(r#"value="97201""#));
    assert!(reply.text.contains(r#"<option value="25" selected>"#));
}

#[actix_rt::test]
async fn an_empty_result_suggests_what_to_try() {
    let app = spawn_app().await;
    let reply = app.get("/search?near=Seattle").await;
    assert_eq!(reply.status, 200);
    assert!(reply.text.contains("choose a larger distance"));
    assert!(reply.text.contains("telehealth"));
}

#[actix_rt::test]
async fn a_bad_search_comes_back_with_the_error_beside_the_field() {
    let app = spawn_app().await;
    let reply = app.get("/search?near=Atlantis%2C+ZZ&radius=25&unit=km").await;
    assert_eq!(reply.status, 422);
    assert!(reply.text.contains(r#"id="near-error""#));
    assert!(reply.text.contains(r##"href="#near""##));
    assert!(reply.text.contains(r#"value="Atlantis, ZZ""#));
    assert!(reply.text.contains(r#"<option value="km" selected>"#));
}

#[actix_rt::test]
async fn results_are_paged_with_links_that_keep_the_search() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    for n in 0..3 {
        app.publish(&moderator, &ListingBuilder::new().with("full_name", json!(format!("Clinician {n}"))).build())
            .await;
    }
    let reply = app.get("/search?near=97201&limit=2").await;
    assert!(reply.text.contains("Showing 1–2 of 3 clinicians"));
    assert!(reply.text.contains("/search?near=97201&amp;limit=2&amp;offset=2"));
    let next = app.get("/search?near=97201&limit=2&offset=2").await;
    assert!(next.text.contains("Showing 3–3 of 3 clinicians"));
}

#[actix_rt::test]
async fn demo_listings_are_marked_fictional_wherever_they_appear() {
    let app = spawn_app().await;
    benzowise::seed::load_demo_if_empty(&mut app.connect()).unwrap();
    let mut reply = app.get("/search?near=Portland%2C+OR").await;
    for _ in 0..40 {
        if reply.text.contains("Demo: fictional") {
            break;
        }
        actix_rt::time::sleep(std::time::Duration::from_millis(100)).await;
        reply = app.get("/search?near=Portland%2C+OR").await;
    }
    assert!(reply.text.contains("Demo: fictional"));
    assert!(reply.text.contains("Demo listings are fictional."));
}
