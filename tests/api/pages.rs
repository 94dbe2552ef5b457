//! The HTML pages, read as a browser without JavaScript would get them.

use benzowise::domain::moderation::ListingStatus;
use serde_json::json;

use crate::helpers::{form_body, spawn_app, ListingBuilder, TestApp, FORM};

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
    // The optional location button is a same-origin script, allowed by the CSP; nothing inline.
    assert!(reply.text.contains(r#"<script src="/static/locate."#) && reply.text.contains(r#".js" defer></script>"#));
    assert!(!reply.text.contains("<script>"));
    let script = app.get("/static/locate.js").await;
    assert!(script.header("content-type").unwrap().starts_with("text/javascript"));
    assert!(script.text.contains("geolocation"));
}

#[actix_rt::test]
async fn search_results_show_readable_cards_with_escaped_text() {
    let app = spawn_app().await;
    let published = ListingBuilder::new().named("Dr. <b>Bold</b> Whitfield").insert_public(&app);
    app.wait_until_searchable([&published]).await;

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
    let published =
        app.insert_public((0..3).map(|number| ListingBuilder::new().named(&format!("Clinician {number}")).build()));
    app.wait_until_searchable(&published).await;
    let reply = app.get("/search?near=97201&limit=2").await;
    assert!(reply.text.contains("Showing 1–2 of 3 clinicians"));
    assert!(reply.text.contains("/search?near=97201&amp;limit=2&amp;offset=2"));
    let next = app.get("/search?near=97201&limit=2&offset=2").await;
    assert!(next.text.contains("Showing 3–3 of 3 clinicians"));
}

#[actix_rt::test]
async fn demo_listings_are_marked_fictional_wherever_they_appear() {
    let app = spawn_app().await;
    benzowise::app::seed::load_demo_if_empty(&mut app.connect()).unwrap();
    let reply = app.get_until("/search?near=Portland%2C+OR", |reply| reply.text.contains("Demo: fictional")).await;
    assert!(reply.text.contains("Demo listings are fictional."));
}

#[actix_rt::test]
async fn the_submit_form_offers_every_field() {
    let app = spawn_app().await;
    let reply = app.get("/submit").await;
    assert_eq!(reply.status, 200);
    for field in [
        "full_name",
        "credentials",
        "profession",
        "specialty",
        "taxonomy_code",
        "npi",
        "practice_name",
        "address_line",
        "city",
        "region",
        "postal_code",
        "country",
        "phones.0.number",
        "phones.0.kind",
        "phones.0.extension",
        "website",
        "public_email",
        "contact_email",
        "telehealth",
        "licensed_regions",
        "accepting_new_patients",
        "languages",
        "taper_approaches",
        "criteria",
        "max_monthly_reduction_pct",
        "answers.typical_duration",
        "answers.dependence_plan",
        "answers.slow_taper",
        "statement",
        "website_url_confirm",
    ] {
        assert!(reply.text.contains(&format!(r#"name="{field}""#)), "{field} missing");
    }
}

#[actix_rt::test]
async fn a_bad_submission_comes_back_with_values_kept_and_errors_beside_fields() {
    let app = spawn_app().await;
    let body = form_body(&[
        ("full_name", "Dr. Kept Value"),
        ("profession", "physician"),
        ("city", "Portland"),
        ("postal_code", "97201"),
        ("npi", "1234567890"),
        ("taper_approaches", "micro_taper"),
        ("answers.slow_taper", "Yes, slowly."),
    ]);

    let reply = app.request("POST", "/submit", &[FORM], Some(body)).await;

    assert_eq!(reply.status, 422);
    assert!(reply.text.contains(r#"value="Dr. Kept Value""#));
    assert!(reply.text.contains(r#"value="micro_taper" checked"#));
    assert!(reply.text.contains("Yes, slowly."));
    for field in ["specialty", "npi", "contact_email"] {
        assert!(reply.text.contains(&format!(r#"id="{field}-error""#)), "{field}");
        assert!(reply.text.contains(&format!(r##"href="#{field}""##)), "{field}");
    }
}

#[actix_rt::test]
async fn a_good_submission_shows_the_manage_link_once_and_waits_for_review() {
    let app = spawn_app().await;
    let body = form_body(&[
        ("full_name", "Dr. Form Person"),
        ("profession", "nurse_practitioner"),
        ("specialty", "psychiatry"),
        ("city", "Portland"),
        ("region", "OR"),
        ("postal_code", "97201"),
        ("contact_email", "form@example.org"),
        ("telehealth", "true"),
        ("licensed_regions", "US-OR"),
        ("licensed_regions", "US-WA"),
        ("languages", "en"),
        ("languages", "es"),
        ("criteria", "no_abrupt_stops"),
        ("criteria", "patient_sets_pace"),
    ]);

    let reply = app.request("POST", "/submit", &[FORM], Some(body)).await;

    assert_eq!(reply.status, 201, "{}", reply.text);
    assert!(reply.text.contains("Save this link now"));
    let token = reply.text.split("/manage/").nth(1).unwrap().split('"').next().unwrap().to_string();
    let manage = app.manage_status(&token).await;
    assert_eq!(manage.status, ListingStatus::Pending);
    let listing = manage.listing.unwrap();
    assert_eq!(listing.licensed_regions, ["US-OR", "US-WA"]);
    assert_eq!(listing.criteria, ["patient_sets_pace", "no_abrupt_stops"]);
    assert!(listing.telehealth);
}

#[actix_rt::test]
async fn the_manage_page_shows_status_and_reason_and_edits_with_a_prefilled_form() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let submitted = app.submit(&ListingBuilder::new().build()).await;
    app.reject(&moderator, submitted.submission_id, "Please add your licence number.").await;
    let path = format!("/manage/{}", submitted.token);

    let page = app.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Please add your licence number."));
    assert!(page.text.contains(r#"value="Dr. Rowan Whitfield""#));
    assert!(page.text.contains(r#"value="micro_taper" checked"#));
    assert!(page.text.contains(r#"value="US-OR" checked"#) && page.text.contains(r#"value="US-WA" checked"#));

    let bad = app.request("POST", &path, &[FORM], Some(form_body(&[("full_name", "X")]))).await;
    assert_eq!(bad.status, 422);
    assert!(bad.text.contains(r#"id="full_name-error""#));

    let fields = [
        ("full_name", "Dr. Rowan Whitfield"),
        ("profession", "physician"),
        ("specialty", "psychiatry"),
        ("city", "Portland"),
        ("postal_code", "97201"),
        ("contact_email", "rowan@example.org"),
        ("npi", "1234567893"),
    ];
    let sent = app.request("POST", &path, &[FORM], Some(form_body(&fields))).await;
    assert_eq!(sent.status, 200);
    assert!(sent.text.contains("waiting for review"));
    assert_eq!(app.manage_status(&submitted.token).await.status, ListingStatus::Pending);
}

#[actix_rt::test]
async fn withdrawing_from_the_manage_page_needs_confirmation() {
    let app = spawn_app().await;
    let published = ListingBuilder::new().insert_public(&app);
    app.wait_until_searchable([&published]).await;
    let path = format!("/manage/{}/withdraw", published.manage_token);

    let unconfirmed = app.request("POST", &path, &[FORM], Some(Vec::new())).await;
    assert!(unconfirmed.text.contains("Nothing changed"));
    assert_eq!(app.public_listing(published.listing_id).await.status, 200);

    let confirmed = app.request("POST", &path, &[FORM], Some(form_body(&[("confirm", "yes")]))).await;
    assert!(confirmed.text.contains("withdrawn"));
    assert_eq!(app.public_listing(published.listing_id).await.status, 404);
    assert!(!app.get("/search?near=97201").await.text.contains("Dr. Rowan Whitfield"));
}

#[actix_rt::test]
async fn a_wrong_manage_link_is_refused_with_a_page() {
    let app = spawn_app().await;
    let reply = app.get("/manage/not-a-real-token").await;
    assert_eq!(reply.status, 401);
    assert!(reply.text.contains("does not open a listing"));
}

/// Logs in through the HTML form; returns the cookie and the page's CSRF token.
async fn moderator_page_login(app: &TestApp) -> (String, String) {
    app.add_moderator("ines", "a long moderator password");
    let body = form_body(&[("username", "ines"), ("password", "a long moderator password")]);
    let reply = app.request("POST", "/moderate/login", &[FORM], Some(body)).await;
    assert_eq!(reply.status, 303);
    let cookie = reply.header("set-cookie").unwrap().split(';').next().unwrap().to_string();
    let page = app.request("GET", "/moderate", &[("cookie", &cookie)], None).await;
    let csrf = page.text.split(r#"name="csrf_token" value=""#).nth(1).unwrap().split('"').next().unwrap().to_string();
    (cookie, csrf)
}

#[actix_rt::test]
async fn moderators_log_in_review_the_queue_and_approve_with_the_csrf_token() {
    let app = spawn_app().await;
    assert!(app.get("/moderate").await.text.contains(r#"action="/moderate/login""#));
    let listing = ListingBuilder::new().stating("Most can just stop.").build();
    let submitted = app.submit(&listing).await;
    let (cookie, csrf) = moderator_page_login(&app).await;

    let queue = app.request("GET", "/moderate", &[("cookie", &cookie)], None).await;
    assert!(queue.text.contains(&format!(r#"href="/moderate/submissions/{}""#, submitted.submission_id)));
    let page = app
        .request("GET", &format!("/moderate/submissions/{}", submitted.submission_id), &[("cookie", &cookie)], None)
        .await;
    assert!(page.text.contains("Red flags"));
    assert!(page.text.contains("just stop"));
    assert!(page.text.contains("rowan.private@example.org"));

    let approve = format!("/moderate/submissions/{}/approve", submitted.submission_id);
    let forged = app.request("POST", &approve, &[FORM, ("cookie", &cookie)], Some(form_body(&[("note", "ok")]))).await;
    assert_eq!(forged.status, 403);
    let reply =
        app.request("POST", &approve, &[FORM, ("cookie", &cookie)], Some(form_body(&[("csrf_token", &csrf)]))).await;
    assert_eq!(reply.status, 303);
    assert_eq!(app.public_listing(submitted.listing_id).await.status, 200);

    let again =
        app.request("POST", &approve, &[FORM, ("cookie", &cookie)], Some(form_body(&[("csrf_token", &csrf)]))).await;
    assert_eq!(again.status, 409);
    let audit = app.request("GET", "/moderate/audit", &[("cookie", &cookie)], None).await;
    assert!(audit.text.contains("ines (moderator)"));
}

#[actix_rt::test]
async fn moderators_suspend_and_reject_from_the_page() {
    let app = spawn_app().await;
    let published = ListingBuilder::new().insert_public(&app);
    let pending = app.submit(&ListingBuilder::new().build()).await;
    let (cookie, csrf) = moderator_page_login(&app).await;
    let headers = [FORM, ("cookie", cookie.as_str())];

    let status = format!("/moderate/listings/{}/status", published.listing_id);
    let no_reason = form_body(&[("csrf_token", &csrf), ("action", "suspend")]);
    assert_eq!(app.request("POST", &status, &headers, Some(no_reason)).await.status, 422);
    let suspend = form_body(&[("csrf_token", &csrf), ("action", "suspend"), ("reason", "Checking")]);
    assert_eq!(app.request("POST", &status, &headers, Some(suspend)).await.status, 303);
    assert_eq!(app.public_listing(published.listing_id).await.status, 404);

    let reject = format!("/moderate/submissions/{}/reject", pending.submission_id);
    let body = form_body(&[("csrf_token", &csrf), ("reason", "Add an NPI")]);
    assert_eq!(app.request("POST", &reject, &headers, Some(body)).await.status, 303);
    let latest = app.manage_status(&pending.token).await.latest_submission.unwrap();
    assert_eq!(latest.rejection_reason.as_deref(), Some("Add an NPI"));
}

#[actix_rt::test]
async fn a_moderator_verifies_an_unclaimed_listing_by_phone_and_it_counts_as_its_confirmation() {
    let app = spawn_app().await;
    let unclaimed = ListingBuilder::new().insert_public(&app);
    let claimed = ListingBuilder::new().named("Dr. Other Person").insert_public(&app);
    app.connect_and_run(&format!(
        "UPDATE listings SET claimed = FALSE, confirmed_at = NULL WHERE id = {}",
        unclaimed.listing_id
    ));
    let (cookie, csrf) = moderator_page_login(&app).await;
    let headers = [FORM, ("cookie", cookie.as_str())];
    let record = |id: i64| format!("/moderate/listings/{id}");
    let page = app.request("GET", &record(unclaimed.listing_id), &[("cookie", &cookie)], None).await;
    assert!(page.text.contains(r#"value="reverify""#), "an unclaimed listing can be verified by phone");
    let page = app.request("GET", &record(claimed.listing_id), &[("cookie", &cookie)], None).await;
    assert!(!page.text.contains(r#"value="reverify""#), "a claimed one is its clinician's to confirm");

    let today = chrono::Utc::now().date_naive();
    let status = format!("{}/status", record(unclaimed.listing_id));
    for day in [(today + chrono::Days::new(1)).to_string(), "last week".to_string()] {
        let body = form_body(&[("csrf_token", &csrf), ("action", "reverify"), ("verified_on", &day)]);
        let reply = app.request("POST", &status, &headers, Some(body)).await;
        assert_eq!(reply.status, 422, "{day} is refused");
        assert!(reply.text.contains("must be a day, today or before"));
    }
    let body = form_body(&[("csrf_token", &csrf), ("action", "reverify"), ("verified_on", &today.to_string())]);
    assert_eq!(app.request("POST", &status, &headers, Some(body)).await.status, 303);
    let public: serde_json::Value = app.public_listing(unclaimed.listing_id).await.json();
    assert!(public["confirmed_at"].is_string(), "the check counts as this year's confirmation: {public}");
    let moderator = app.login_moderator("mod").await;
    let events = app.audit_events(&moderator).await;
    let verified = events.iter().find(|event| event.action == "reverify").expect("audited");
    assert_eq!(verified.reason.as_deref(), Some(format!("verified by phone on {today}").as_str()));
    assert_eq!(verified.listing_id, Some(unclaimed.listing_id));

    let status = format!("{}/status", record(claimed.listing_id));
    let body = form_body(&[("csrf_token", &csrf), ("action", "reverify"), ("verified_on", &today.to_string())]);
    assert_eq!(app.request("POST", &status, &headers, Some(body)).await.status, 409);
}

#[actix_rt::test]
async fn a_wrong_password_on_the_page_is_refused() {
    let app = spawn_app().await;
    app.add_moderator("ines", "a long moderator password");
    let body = form_body(&[("username", "ines"), ("password", "wrong")]);
    let reply = app.request("POST", "/moderate/login", &[FORM], Some(body)).await;
    assert_eq!(reply.status, 401);
    assert!(reply.text.contains("Wrong username or password."));
    assert!(reply.header("set-cookie").is_none());
}

#[actix_rt::test]
async fn every_page_with_its_stylesheet_and_script_stays_under_60_kb() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let statement = "I taper at the pace my patients set, and we pause when symptoms are hard. ".repeat(8);
    let listing =
        |number: usize| ListingBuilder::new().named(&format!("Dr. Clinician Number {number}")).stating(&statement);
    let published = app.insert_public((0..40).map(|number| listing(number).build()));
    app.wait_until_searchable(&published).await;
    let mut pending = Vec::new();
    for number in 40..60 {
        pending.push(app.submit(&listing(number).build()).await);
    }
    for _ in 0..30 {
        let report = json!({"reason": "inaccurate", "details": "The phone number on this listing no longer works."});
        app.report(published[0].listing_id, &report).await;
    }
    let bad_submission = form_body(&[("full_name", "X"), ("postal_code", "9720"), ("statement", &statement)]);
    let cookie = [("cookie", moderator.cookie.as_str())];
    let assets = app.get("/static/style.css").await.text.len() + app.get("/static/locate.js").await.text.len();
    let workbench_css = app.get("/static/workbench.css").await.text.len();

    let mut sizes = Vec::new();
    for (name, reply) in [
        ("home", app.get("/").await),
        ("search, 100 results", app.get("/search?near=97201&limit=100").await),
        ("profile", app.get(&format!("/clinicians/{}", published[0].listing_id)).await),
        ("questions", app.get("/questions").await),
        ("submit", app.get("/submit").await),
        ("submit with errors", app.request("POST", "/submit", &[FORM], Some(bad_submission)).await),
        ("manage", app.get(&format!("/manage/{}", published[1].manage_token)).await),
        ("moderation queue", app.request("GET", "/moderate", &cookie, None).await),
        (
            "a submission",
            app.request("GET", &format!("/moderate/submissions/{}", pending[0].submission_id), &cookie, None).await,
        ),
        ("reports", app.request("GET", "/moderate/reports", &cookie, None).await),
        (
            "a listing's record",
            app.request("GET", &format!("/moderate/listings/{}", published[0].listing_id), &cookie, None).await,
        ),
        ("listing finder", app.request("GET", "/moderate/listings?q=clinician", &cookie, None).await),
        ("audit trail", app.request("GET", "/moderate/audit", &cookie, None).await),
    ] {
        assert!(reply.status < 500, "{name}: {}", reply.status);
        // The moderators' pages also link their own stylesheet.
        let moderation = reply.text.contains("/static/workbench.");
        let total = reply.text.len() + assets + if moderation { workbench_css } else { 0 };
        sizes.push(format!("{name} {:.1} KB", total as f64 / 1024.0));
        // Before compression: gzip or brotli sends about a quarter of it.
        assert!(total <= 60 * 1024, "{name} is {total} bytes with its stylesheet and script");
    }
    eprintln!("page sizes with stylesheet and script: {}", sizes.join(", "));
}
