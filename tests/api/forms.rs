//! The clinician's form and the pages around it speak in words: choices by
//! name, errors that name fields by their labels in the form's order and
//! link to them, error pages that lead on, and the manage page.

use benzowise::app::manage::{EditReceived, ManageStatus};
use benzowise::app::seed::Loaded;
use benzowise::domain::listing::LocationSource;
use benzowise::domain::moderation::ListingStatus;
use benzowise::i18n::Lang;
use serde_json::{json, Value};

use crate::helpers::{form_body, spawn_app, visible_text, ListingBuilder, TestApp, FORM};

/// The form's fields as a clinician fills them in: regions and languages ticked by name.
pub fn filled_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("full_name", "Dr. Form Person"),
        ("profession", "nurse_practitioner"),
        ("specialty", "psychiatry"),
        ("city", "Portland"),
        ("region", "Oregon"),
        ("postal_code", "97201"),
        ("country", "US"),
        ("contact_email", "form@example.org"),
        ("telehealth", "true"),
        ("licensed_regions", "US-OR"),
        ("licensed_regions", "US-WA"),
        ("languages", "en"),
        ("languages", "ht"),
        ("criteria", "no_abrupt_stops"),
    ]
}

/// Every code and field name a page must not show in its text: the
/// vocabulary's codes (those with an underscore: the others are words such as
/// "psychiatry"), the named regions' codes, the listing's field names, and the API's paths.
async fn codes_and_names(app: &TestApp) -> Vec<String> {
    let vocabulary: Value = app.get("/api/v1/vocabulary").await.json();
    let mut words: Vec<String> = vocabulary
        .as_object()
        .unwrap()
        .values()
        .filter_map(Value::as_array)
        .flatten()
        .filter_map(|term| term["code"].as_str())
        .filter(|code| code.contains('_'))
        .map(str::to_string)
        .collect();
    assert!(words.contains(&"micro_taper".to_string()) && words.contains(&"sliding_scale".to_string()));
    let listing = ListingBuilder::new().build();
    words.extend(listing.as_object().unwrap().keys().filter(|name| name.contains('_')).cloned());
    words.extend(["answers.slow_taper", "self_pay_first_visit.min", "location_source", "/api/"].map(str::to_string));
    words.extend(["US-OR", "US-WA", "US-NY", "CA-ON", "GB-SCT", "AU-NSW"].map(str::to_string));
    words
}

fn assert_speaks_in_words(page: &str, words: &[String], what: &str) {
    let text = visible_text(page);
    for word in words {
        assert!(!text.contains(word.as_str()), "{what} shows “{word}”:\n{text}");
    }
}

#[actix_rt::test]
async fn the_form_offers_every_choice_by_name_without_codes_in_both_languages() {
    let app = spawn_app().await;
    let words = codes_and_names(&app).await;
    let published = ListingBuilder::new().licensed_in(&["US-OR", "CA-ON"]).speaking(&["en", "ht"]).insert_public(&app);

    for (lang, path) in [(Lang::En, "/submit"), (Lang::Es, "/es/submit")] {
        let page = app.get(path).await;
        assert_eq!(page.status, 200);
        assert_speaks_in_words(&page.text, &words, path);
        let text = visible_text(&page.text);
        for name in [lang.t("region-US-OR"), lang.t("region-CA-QC"), lang.t("language-ht"), lang.t("country-MX")] {
            assert!(text.contains(&name), "{path} names {name}");
        }
        assert!(!page.text.contains(r#"name="latitude""#), "no coordinates until the address cannot be placed");
        assert!(page.text.contains(r#"<option value="US" selected>"#), "the country is chosen from names");

        // With an error in every kind of field, codes sent by a form changed by hand included.
        let wrong = [
            ("full_name", "X"),
            ("profession", "shaman"),
            ("specialty", "primary_care"),
            ("npi", "12"),
            ("city", "Nowhere-on-the-map"),
            ("region", "Oregan"),
            ("country", "ZZ"),
            ("licensed_regions", "US-XX"),
            ("languages", "english"),
            ("taper_approaches", "cold_turkey"),
            ("criteria", "fast_taper"),
            ("payment_options", "bitcoin_only"),
            ("insurers", "Aetna"),
            ("self_pay_first_visit.min", "90"),
            ("answers.slow_taper", &"x".repeat(2001)),
        ];
        let errors = app.request("POST", path, &[FORM], Some(form_body(&wrong))).await;
        assert_eq!(errors.status, 422);
        assert_speaks_in_words(&errors.text, &words, &format!("{path} with errors"));
    }

    for path in [format!("/manage/{}", published.manage_token), format!("/es/manage/{}", published.manage_token)] {
        let page = app.get(&path).await;
        assert_speaks_in_words(&page.text, &words, "the manage page");
        for ticked in ["US-OR", "CA-ON", "en"] {
            assert!(page.text.contains(&format!(r#"value="{ticked}" checked"#)), "{ticked} stays ticked");
        }
        assert!(page.text.contains(r#"<option value="ht" selected>"#), "a language from the list stays chosen");
        assert!(page.text.contains(r#"name="region" value="Oregon""#) || page.text.contains(r#"value="Oregón""#));
    }
}

#[actix_rt::test]
async fn a_form_filled_in_by_name_is_read_as_codes_and_kept_as_typed_when_wrong() {
    let app = spawn_app().await;

    let sent = app.request("POST", "/submit", &[FORM], Some(form_body(&filled_form()))).await;
    assert_eq!(sent.status, 201, "{}", sent.text);
    let token = sent.text.split("/manage/").nth(1).unwrap().split('"').next().unwrap().to_string();
    let listing = app.manage_status(&token).await.listing.unwrap();
    assert_eq!(listing.region.as_deref(), Some("OR"));
    assert_eq!(listing.licensed_regions, ["US-OR", "US-WA"]);
    assert_eq!(listing.languages, ["en", "ht"]);

    let mut misspelt = filled_form();
    misspelt.retain(|(name, _)| *name != "region");
    misspelt.push(("region", "Oregan"));
    let refused = app.request("POST", "/submit", &[FORM], Some(form_body(&misspelt))).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text.contains(r#"value="Oregan""#), "shown back as typed, not upper-cased");
    assert!(!visible_text(&refused.text).contains("OREGAN"));
    assert!(visible_text(&refused.text).contains(&Lang::En.t("field-error-region-in-words")));
}

#[actix_rt::test]
async fn the_error_summary_names_each_field_by_its_label_in_the_forms_order_and_links_to_it() {
    let app = spawn_app().await;
    let fields = [
        // Sent in another order than the form's.
        ("statement", &"x".repeat(4001)[..]),
        ("payment_options", "self_pay"),
        ("self_pay_first_visit.min", "90"),
        ("self_pay_first_visit.max", "40"),
        ("npi", "1234567890"),
        ("full_name", "X"),
        ("city", "Portland"),
        ("postal_code", "97201"),
        ("profession", "physician"),
        ("specialty", "psychiatry"),
    ];
    for lang in Lang::ALL {
        let path = if lang == Lang::Es { "/es/submit" } else { "/submit" };
        let reply = app.request("POST", path, &[FORM], Some(form_body(&fields))).await;
        assert_eq!(reply.status, 422);
        let summary = reply.text.split(r#"id="errors""#).nth(1).unwrap().split("</div>").next().unwrap();
        let links: Vec<&str> =
            summary.split(r##"href="#"##).skip(1).map(|rest| rest.split('"').next().unwrap()).collect();
        assert_eq!(
            links,
            ["full_name", "npi", "contact_email", "self_pay_first_visit.max", "statement"],
            "in the form's order"
        );
        let text = visible_text(summary);
        for label in
            ["form-full-name", "form-npi", "form-contact-email", "form-self-pay-first-visit-max", "form-statement"]
        {
            assert!(text.contains(&lang.t(label)), "{label} named by its label: {text}");
        }
        assert!(text.contains(&lang.t("field-error-price-below-min-in-words")), "{text}");
        assert!(!text.contains("full_name") && !text.contains(".max") && !text.contains(": min"));
        for id in links {
            assert!(reply.text.contains(&format!(r#"id="{id}""#)), "the link {id} leads to its field");
            assert!(reply.text.contains(&format!(r#"id="{id}-error""#)), "the field {id} repeats the message");
        }
    }
}

#[actix_rt::test]
async fn an_address_that_cannot_be_placed_says_so_and_offers_coordinates() {
    let app = spawn_app().await;
    let mut lost = filled_form();
    lost.retain(|(name, _)| !["city", "postal_code", "region"].contains(name));
    lost.push(("city", "Nowhere-on-the-map"));

    let refused = app.request("POST", "/submit", &[FORM], Some(form_body(&lost))).await;
    assert_eq!(refused.status, 422);
    let text = visible_text(&refused.text);
    assert!(text.contains(&Lang::En.t("field-error-city-not-on-map-in-words")), "{text}");
    assert!(refused.text.contains("<details") && refused.text.contains(r#"name="latitude""#));

    lost.extend([("latitude", "45.52"), ("longitude", "-122.68")]);
    let placed = app.request("POST", "/submit", &[FORM], Some(form_body(&lost))).await;
    assert_eq!(placed.status, 201, "{}", placed.text);
}

async fn accepting(app: &TestApp, listing_id: i64) -> bool {
    app.public_listing(listing_id).await.json::<Value>()["accepting_new_patients"].as_bool().unwrap()
}

#[actix_rt::test]
async fn availability_is_public_at_once_and_audited_while_other_changes_wait() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let published: Loaded = ListingBuilder::new().insert_public(&app);
    let token = &published.manage_token;
    let listing_id = published.listing_id;

    let closed = app.manage("PUT", token, Some(&ListingBuilder::new().accepting_new_patients(false).build())).await;
    assert_eq!(closed.status, 200, "{}", closed.text);
    assert!(!accepting(&app, listing_id).await, "public at once");
    assert!(app.moderation_queue(&moderator).await.is_empty(), "nothing to review");
    let events = app.audit_events(&moderator).await;
    let event = events.iter().find(|event| event.action == "availability").expect("an audit event");
    assert_eq!((event.actor.as_str(), event.listing_id), ("clinician", Some(listing_id)));
    assert_eq!(event.changes[0].field, "accepting_new_patients");
    assert_eq!((&event.changes[0].from, &event.changes[0].to), (&json!(true), &json!(false)));
    assert!(!app.manage_status(token).await.listing.unwrap().accepting_new_patients, "the manage view says so too");

    let reopened_and_renamed = ListingBuilder::new().named("Dr. Rowan Whitfield-Ames").accepting_new_patients(true);
    let both = app.manage("PUT", token, Some(&reopened_and_renamed.build())).await;
    assert_eq!(both.status, 202, "{}", both.text);
    assert_eq!(both.json::<EditReceived>().published, ["accepting_new_patients"]);
    assert!(accepting(&app, listing_id).await);
    let public: Value = app.public_listing(listing_id).await.json();
    assert_eq!(public["full_name"], "Dr. Rowan Whitfield", "the new name waits for review");
    assert_eq!(app.moderation_queue(&moderator).await.len(), 1);
}

#[actix_rt::test]
async fn unticking_accepting_on_the_manage_page_says_it_is_public_at_once() {
    let app = spawn_app().await;
    let published = ListingBuilder::new().insert_public(&app);
    let path = format!("/manage/{}", published.manage_token);
    let page = app.get(&path).await;
    // The form as the page fills it in, with the box unticked.
    let form: Vec<(String, String)> = form_fields(&page.text)
        .into_iter()
        .filter(|(name, _)| name != "accepting_new_patients" && name != "confirm")
        .collect();
    let form: Vec<(&str, &str)> = form.iter().map(|(name, value)| (name.as_str(), value.as_str())).collect();

    let sent = app.request("POST", &path, &[FORM], Some(form_body(&form))).await;

    assert_eq!(sent.status, 200, "{}", sent.text);
    assert!(visible_text(&sent.text).contains(&Lang::En.t("manage-notice-now-not-accepting")));
    assert!(sent.text.contains(r#"<p class="notice" role="status"><strong>"#), "in the success style");
    assert!(!accepting(&app, published.listing_id).await);
}

/// The values a page's listing form sends as it is: text boxes, ticked boxes,
/// chosen options and text areas (enough for the forms here).
fn form_fields(page: &str) -> Vec<(String, String)> {
    let form = page.split(r#"id="listing-form""#).nth(1).unwrap().split("</form>").next().unwrap();
    let attribute = |tag: &str, name: &str| {
        tag.split(&format!(r#" {name}=""#)).nth(1).map(|rest| rest.split('"').next().unwrap().to_string())
    };
    let unescape =
        |text: &str| text.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    let mut fields = Vec::new();
    for tag in form.split('<').skip(1) {
        let head = tag.split('>').next().unwrap();
        if head.starts_with("input") {
            let checkable = head.contains(r#"type="checkbox""#);
            if let (Some(name), Some(value)) = (attribute(head, "name"), attribute(head, "value")) {
                if !checkable || head.contains(" checked") {
                    fields.push((name, unescape(&value)));
                }
            }
        } else if head.starts_with("textarea") {
            let text = tag.split_once('>').unwrap().1;
            fields.push((attribute(head, "name").unwrap(), unescape(text)));
        }
    }
    for select in form.split("<select").skip(1) {
        let name = attribute(select.split('>').next().unwrap(), "name").unwrap();
        for option in select.split("</select>").next().unwrap().split("<option").filter(|o| o.contains(" selected")) {
            fields.push((name.clone(), attribute(option, "value").unwrap()));
        }
    }
    fields
}

#[actix_rt::test]
async fn the_manage_views_listing_is_accepted_back_unchanged() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let submitted = app.submit(&ListingBuilder::new().without("family_name").build()).await;
    app.approve(&moderator, submitted.submission_id).await;
    let read: Value = app.manage("GET", &submitted.token, None).await.json();
    assert!(read["listing"]["location_source"].is_string(), "{read}");

    let sent = app.manage("PUT", &submitted.token, Some(&read["listing"])).await;

    assert_eq!(sent.status, 202, "{}", sent.text);
    let again: ManageStatus = app.manage_status(&submitted.token).await;
    let listing = again.listing.unwrap();
    assert_eq!(listing.location_source, LocationSource::PostalCode, "placed from the address again, not fixed");
    assert!(listing.names_derived, "the names are derived again from the full name");
    assert_eq!(again.status, ListingStatus::Approved);
}

#[actix_rt::test]
async fn a_clinicians_address_that_is_not_a_number_is_a_page_not_found() {
    let app = spawn_app().await;
    for (path, lang) in [("/clinicians/abc", Lang::En), ("/es/clinicians/abc", Lang::Es), ("/clinicians/1/x", Lang::En)]
    {
        let reply = app.get(path).await;
        assert_eq!(reply.status, 404, "{path}");
        assert!(reply.header("content-type").unwrap().starts_with("text/html"), "{path}");
        let text = visible_text(&reply.text);
        assert!(
            text.contains(&lang.t("error-title-listing-gone")) || text.contains(&lang.t("error-title-404")),
            "{text}"
        );
        assert!(reply.text.contains(&format!(r#"href="{}""#, if lang == Lang::Es { "/es/" } else { "/" })));
    }
    let api = app.get("/api/v1/clinicians/abc").await;
    assert_eq!(api.header("content-type"), Some("application/problem+json"), "the API keeps its problems");
}

#[actix_rt::test]
async fn error_pages_are_headed_in_words_and_lead_on() {
    let app = spawn_app().await;

    let dead = app.get(&format!("/manage/{}", "0".repeat(64))).await;
    assert_eq!(dead.status, 401);
    assert!(visible_text(&dead.text).contains("This link no longer works"));
    assert!(dead.text.contains(r#"href="/manage/recovery""#) && dead.text.contains("Get a new link"));

    let missing = app.get("/no/such/page").await;
    assert!(visible_text(&missing.text).contains("Page not found"));

    let spanish = app.get(&format!("/es/manage/{}", "0".repeat(64))).await;
    assert!(visible_text(&spanish.text).contains(&Lang::Es.t("error-title-manage-link")));
    assert!(spanish.text.contains(r#"href="/es/manage/recovery""#));

    let ended = app.post_form("/moderate/submissions/1/approve", &[("csrf_token", "x")]).await;
    assert_eq!(ended.status, 401);
    assert!(visible_text(&ended.text).contains("Please sign in again"));
    assert!(ended.text.contains(r#"href="/moderate?back=%2Fmoderate%2Fsubmissions%2F1""#), "{}", ended.text);
    let door = app.get("/moderate?back=%2Fmoderate%2Fsubmissions%2F1").await;
    assert!(door.text.contains(r#"name="back" value="/moderate/submissions/1""#), "the log-in comes back");
    app.add_moderator("ines", crate::helpers::MODERATOR_PASSWORD);
    let fields =
        [("username", "ines"), ("password", crate::helpers::MODERATOR_PASSWORD), ("back", "/moderate/submissions/1")];
    let signed_in = app.post_form("/moderate/login", &fields).await;
    assert_eq!((signed_in.status, signed_in.header("location")), (303, Some("/moderate/submissions/1")));
    let elsewhere =
        [("username", "ines"), ("password", crate::helpers::MODERATOR_PASSWORD), ("back", "//evil.example")];
    assert_eq!(app.post_form("/moderate/login", &elsewhere).await.header("location"), Some("/moderate"));

    let page_without_a_session = app.get("/moderate/audit").await;
    assert_eq!(page_without_a_session.header("location"), Some("/moderate?back=%2Fmoderate%2Faudit"));
}

#[actix_rt::test]
async fn a_decision_made_first_by_another_moderator_leads_back_to_the_queue() {
    let app = spawn_app().await;
    let submitted = app.submit(&ListingBuilder::new().build()).await;
    let (first, second) = (app.login_moderator("mira").await, app.login_moderator("noor").await);
    assert_eq!(app.approve(&first, submitted.submission_id).await.status, 200);

    let path = format!("/moderate/submissions/{}/approve", submitted.submission_id);
    let headers = [FORM, ("cookie", second.cookie.as_str())];
    let late = app.request("POST", &path, &headers, Some(form_body(&[("csrf_token", &second.csrf)]))).await;

    assert_eq!(late.status, 409, "{}", late.text);
    assert!(visible_text(&late.text).contains("Someone decided this first"));
    assert!(late.text.contains(r#"href="/moderate""#) && late.text.contains("Back to the queue"));
}

#[actix_rt::test]
async fn the_same_report_from_the_same_client_is_counted_once_a_day() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let published = ListingBuilder::new().insert_public(&app);
    let id = published.listing_id;
    let report = json!({"reason": "not_benzo_wise", "details": "Told me to stop at once."});

    let first: Value = app.report(id, &report).await.json();
    let again: Value = app.report(id, &report).await.json();
    let other: Value = app.report(id, &json!({"reason": "closed"})).await.json();

    assert_eq!(first["report_id"], again["report_id"]);
    assert_ne!(first["report_id"], other["report_id"]);
    let reports: Vec<Value> = app.as_moderator(&moderator, "GET", "/api/v1/moderation/reports", None).await.json();
    assert_eq!(reports.len(), 2, "{reports:?}");
}

#[actix_rt::test]
async fn the_report_form_answers_at_the_form_with_its_thanks() {
    let app = spawn_app().await;
    let published = ListingBuilder::new().insert_public(&app);
    let profile = app.get(&format!("/clinicians/{}", published.listing_id)).await;
    let action = format!(r##"action="/clinicians/{}/reports#report""##, published.listing_id);
    assert!(profile.text.contains(&action), "the answer opens at the form");
    assert!(profile.text.contains(r#"id="report""#));

    let path = format!("/clinicians/{}/reports", published.listing_id);
    let sent = app.post_form(&path, &[("reason", "inaccurate")]).await;
    assert!(sent.text.contains(r#"<p class="notice" role="status"><strong>"#));
    assert!(visible_text(&sent.text).contains(&Lang::En.t("profile-report-thanks")));

    let refused = app.post_form(&path, &[("reason", "because")]).await;
    assert_eq!(refused.status, 422);
    let text = visible_text(&refused.text);
    assert!(text.contains(&Lang::En.t("field-error-report-reason-in-words")) && !text.contains("/api/"), "{text}");
    let summary = refused.text.split(r#"id="errors""#).nth(1).unwrap().split("</div>").next().unwrap();
    assert!(summary.contains(r##"href="#reason""##) && summary.contains(&Lang::En.t("profile-report-reason")));
}

#[actix_rt::test]
async fn a_search_without_a_place_says_what_to_give_in_words() {
    let app = spawn_app().await;
    for (path, lang) in [("/search?specialty=psychiatry", Lang::En), ("/es/search?specialty=psychiatry", Lang::Es)] {
        let reply = app.get(path).await;
        let text = visible_text(&reply.text);
        assert!(text.contains(&lang.t("field-error-no-place-in-words")), "{text}");
        for code in ["near", "lat and lon", "telehealth=true", "licensed_in", "/api/"] {
            assert!(!text.contains(code), "{path} shows {code}");
        }
    }
}

#[actix_rt::test]
async fn the_manage_page_follows_the_listings_status() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let submitted = app.submit(&ListingBuilder::new().build()).await;
    let path = format!("/manage/{}", submitted.token);
    let text = |reply: crate::helpers::Reply| visible_text(&reply.text);

    assert!(text(app.get(&path).await).contains(&Lang::En.t("manage-change-lead-pending")));
    app.approve(&moderator, submitted.submission_id).await;
    assert!(text(app.get(&path).await).contains(&Lang::En.t("manage-change-lead-approved")));
    app.manage("PUT", &submitted.token, Some(&ListingBuilder::new().named("Dr. Rowan Whitfield-Ames").build())).await;
    let waiting = text(app.get(&path).await);
    assert!(waiting.contains(&Lang::En.t("manage-status-approved-edit-waiting")), "{waiting}");
    app.manage("DELETE", &submitted.token, None).await;
    let withdrawn = text(app.get(&path).await);
    assert!(withdrawn.contains(&Lang::En.t("manage-change-lead-withdrawn")));
    assert!(!withdrawn.contains("stays public"), "{withdrawn}");
}

#[actix_rt::test]
async fn a_workbench_forms_error_summary_names_the_field_by_its_label_and_links_to_it() {
    let app = spawn_app().await;
    let submitted = app.submit(&ListingBuilder::new().build()).await;
    let moderator = app.login_moderator("mira").await;
    let path = format!("/moderate/submissions/{}/reject", submitted.submission_id);
    let headers = [FORM, ("cookie", moderator.cookie.as_str())];

    let refused = app.request("POST", &path, &headers, Some(form_body(&[("csrf_token", &moderator.csrf)]))).await;

    assert_eq!(refused.status, 422, "{}", refused.text);
    let summary = refused.text.split(r#"id="errors""#).nth(1).unwrap().split("</div>").next().unwrap();
    assert!(summary.contains(r##"href="#reason""##), "{summary}");
    let text = visible_text(summary);
    assert!(text.contains(&format!("{}: {}", Lang::En.t("moderate-field-reason"), Lang::En.t("field-error-required"))));
    assert!(!text.contains("reason:"), "{text}");
}

#[actix_rt::test]
async fn the_lost_link_form_sums_up_its_error_by_its_label() {
    let app = spawn_app().await;
    let refused = app.post_form("/manage/recovery", &[("email", "not an address")]).await;
    assert_eq!(refused.status, 422, "{}", refused.text);
    let summary = refused.text.split(r#"id="errors""#).nth(1).unwrap().split("</div>").next().unwrap();
    assert!(summary.contains(r##"href="#email""##) && summary.contains(&Lang::En.t("recovery-email")), "{summary}");
}
