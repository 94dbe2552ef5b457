//! The workbench in words: the review page, the queue, the audit trail and the
//! reports show every code of every vocabulary by its name, in English and in
//! Spanish, and edits and the trail show each changed field's value before and after.

use serde_json::{json, Value};

use crate::helpers::{spawn_app, visible_text, ListingBuilder, ModeratorSession, TestApp};

/// Every code a page must not show: each vocabulary's codes, the listing's
/// field names, the audit actions and statuses written with underscores, the
/// region and language codes the listings use, and the API's own words.
async fn codes(app: &TestApp) -> (Vec<String>, Vec<String>) {
    let vocabulary: Value = app.get("/api/v1/vocabulary").await.json();
    let mut inside_words: Vec<String> =
        ["professions", "specialties", "taper_approaches", "criteria", "payment_options"]
            .iter()
            .chain(&["questions", "report_reasons"])
            .flat_map(|list| {
                vocabulary[list].as_array().unwrap().iter().map(|term| term["code"].as_str().unwrap().to_string())
            })
            // Codes that are also ordinary words ("other", "closed") are checked by their labels elsewhere.
            .filter(|code| code.contains('_'))
            .collect();
    let Value::Object(fields) = ListingBuilder::new().build() else { unreachable!() };
    inside_words.extend(fields.keys().filter(|field| field.contains('_')).cloned());
    inside_words.extend(
        [
            "resolve_report",
            "reminder_soon",
            "reminder_due",
            "recover_link",
            "invite_moderator",
            "reset_two_factor",
            "submission.status",
            "report.status",
            "postal_code",
            "/api/v1",
            "moderator:",
            "operator:",
        ]
        .map(String::from),
    );
    let whole_words =
        ["US-OR", "US-WA", "CA-BC", "GB-SCT", "zh", "ht", "true", "false", "superseded"].map(String::from);
    (inside_words, whole_words.to_vec())
}

/// Fails naming the page and the code when a page's visible text shows one.
fn assert_no_code(page: &str, html: &str, (inside_words, whole_words): &(Vec<String>, Vec<String>)) {
    let text = visible_text(html);
    let words: Vec<&str> = text.split(|c: char| !(c.is_alphanumeric() || c == '-')).collect();
    for code in inside_words {
        assert!(!text.contains(code.as_str()), "the {page} shows the code {code:?}:\n{text}");
    }
    for code in whole_words {
        assert!(!words.contains(&code.as_str()), "the {page} shows the code {code:?}:\n{text}");
    }
}

async fn page(app: &TestApp, who: &ModeratorSession, path: &str) -> String {
    let reply = app.request("GET", path, &[("cookie", &who.cookie)], None).await;
    assert_eq!(reply.status, 200, "{path}: {}", reply.text);
    reply.text
}

/// Pending listings that between them use every profession, specialty,
/// approach, criterion and way to pay, four regions and four languages.
async fn every_code_pending(app: &TestApp) -> Vec<i64> {
    let vocabulary: Value = app.get("/api/v1/vocabulary").await.json();
    let codes = |list: &str| -> Vec<String> {
        vocabulary[list].as_array().unwrap().iter().map(|term| term["code"].as_str().unwrap().to_string()).collect()
    };
    let (professions, specialties) = (codes("professions"), codes("specialties"));
    let mut submissions = Vec::new();
    for n in 0..professions.len().max(specialties.len()) {
        let listing = ListingBuilder::new()
            .named(&format!("Dr. Every Code {n}"))
            .with("npi", Value::Null)
            .profession(&professions[n % professions.len()])
            .specialty(&specialties[n % specialties.len()])
            .approaches(&codes("taper_approaches").iter().map(String::as_str).collect::<Vec<_>>())
            .criteria(&codes("criteria").iter().map(String::as_str).collect::<Vec<_>>())
            .paid_by(&codes("payment_options").iter().map(String::as_str).collect::<Vec<_>>())
            .with("self_pay_first_visit", json!({"min": 120, "max": 200}))
            .licensed_in(&["US-OR", "US-WA", "CA-BC", "GB-SCT"])
            .speaking(&["en", "es", "zh", "ht"])
            .answering("slow_taper", "Most people can just stop.")
            .build();
        let submitted = app.submit(&listing).await;
        submissions.push(submitted.submission_id);
    }
    submissions
}

#[actix_rt::test]
async fn the_queue_the_review_page_and_the_audit_trail_show_no_code_in_either_language() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    let codes = codes(&app).await;
    let pending = every_code_pending(&app).await;
    let public = app.publish(&ines, &ListingBuilder::new().named("Dr. Changing Mind").build()).await;
    let edit = ListingBuilder::new()
        .named("Dr. Changing Mind")
        .specialty("primary_care")
        .accepting_new_patients(false)
        .paid_by(&["self_pay", "sliding_scale"])
        .licensed_in(&["US-WA"])
        .speaking(&["en", "zh"])
        .approaches(&["micro_taper", "liquid_titration"])
        .criteria(&["ashton_manual"])
        .build();
    let edited = app.manage("PUT", &public.token, Some(&edit)).await;
    assert_eq!(edited.status, 202, "{}", edited.text);
    let edit_id: i64 = edited.json::<Value>()["submission_id"].as_i64().unwrap();

    for prefix in ["", "/es"] {
        assert_no_code("queue", &page(&app, &ines, &format!("{prefix}/moderate")).await, &codes);
        for id in pending.iter().chain([&edit_id]) {
            let review = page(&app, &ines, &format!("{prefix}/moderate/submissions/{id}")).await;
            assert_no_code("review page", &review, &codes);
        }
    }
    let review = visible_text(&page(&app, &ines, &format!("/moderate/submissions/{edit_id}")).await);
    assert!(review.contains("Dr. Changing Mind, listing ") && review.contains(": edit"), "titled by name and number");
    assert!(review.contains("Specialty Psychiatry Primary care"), "the change in words: {review}");
    assert!(review.contains("Washington") && review.contains("Chinese"), "{review}");
    let first = visible_text(&page(&app, &ines, &format!("/es/moderate/submissions/{}", pending[0])).await);
    assert!(first.contains("Oregón") || first.contains("Oregon"), "{first}");
    assert!(first.contains("Columbia Británica") && first.contains("chino"), "{first}");

    for id in pending.iter().chain([&edit_id]) {
        assert_eq!(app.approve(&ines, *id).await.status, 200);
    }
    for prefix in ["", "/es"] {
        let trail = page(&app, &ines, &format!("{prefix}/moderate/audit")).await;
        assert_no_code("audit trail", &trail, &codes);
        let record = page(&app, &ines, &format!("{prefix}/moderate/listings/{}", public.listing_id)).await;
        assert_no_code("listing's record", &record, &codes);
    }
    let trail = visible_text(&page(&app, &ines, "/moderate/audit").await);
    assert!(trail.contains("Specialty: Psychiatry → Primary care"), "the value before and after: {trail}");
    assert!(trail.contains("Approved") && trail.contains("ines (moderator)"), "{trail}");
    let options = page(&app, &ines, "/es/moderate/audit").await;
    assert!(options.contains(">Resolvió un aviso</option>"), "the action filter in words");
}

#[actix_rt::test]
async fn reports_are_grouped_by_listing_naming_the_clinician_with_a_count() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    let codes = codes(&app).await;
    let listings = app.insert_public([
        ListingBuilder::new().named("Dr. Often Reported").build(),
        ListingBuilder::new().named("Dr. Once Reported").build(),
    ]);
    let vocabulary: Value = app.get("/api/v1/vocabulary").await.json();
    let reasons: Vec<&str> =
        vocabulary["report_reasons"].as_array().unwrap().iter().map(|term| term["code"].as_str().unwrap()).collect();
    {
        let mut conn = app.connect();
        for n in 0..7 {
            let reason = reasons[n % reasons.len()];
            benzowise::db::reports::Report::create(&mut conn, listings[0].listing_id, reason, Some("See the phone."))
                .unwrap();
        }
        benzowise::db::reports::Report::create(&mut conn, listings[1].listing_id, "closed", None).unwrap();
    }
    for prefix in ["", "/es"] {
        assert_no_code("reports page", &page(&app, &ines, &format!("{prefix}/moderate/reports")).await, &codes);
    }
    let text = visible_text(&page(&app, &ines, "/moderate/reports").await);
    let often = text.find("Dr. Often Reported").expect("the clinician is named");
    let once = text.find("Dr. Once Reported").expect("each listing once");
    assert!(often < once, "the listing reported earliest first");
    assert!(text.contains("2 listings have open reports"), "{text}");
    assert!(text.contains("7 open reports") && text.contains("1 open report"), "{text}");
    assert!(text.contains("2 more open reports"), "five shown, the rest on the listing's page: {text}");
    assert_eq!(text.matches("Dr. Often Reported").count(), 1, "one group a listing");
    let spanish = visible_text(&page(&app, &ines, "/es/moderate/reports").await);
    assert!(spanish.contains("7 avisos abiertos"), "{spanish}");
}
