//! A listing's phone numbers: several, each with what it is for (voice, fax,
//! text, TTY) and an optional extension, through the API, the form and the
//! manage page; the profile shows each by its kind, and `phone` stays the
//! main voice number for the clients that read it.

use benzowise::i18n::Lang;
use serde_json::{json, Value};

use crate::forms::filled_form;
use crate::helpers::{form_body, spawn_app, visible_text, ListingBuilder, FORM};

#[actix_rt::test]
async fn numbers_keep_their_kinds_and_the_first_voice_number_stays_the_phone() {
    let app = spawn_app().await;
    let numbers = json!([
        {"number": "(503) 555-0101", "kind": "fax"},
        {"number": "(503) 555-0102", "kind": "voice", "extension": "204"},
        {"number": "(503) 555-0103", "kind": "text"},
        {"number": "(503) 555-0104", "kind": "TTY"},
        {"number": " (503) 555-0103 ", "kind": "text"},
    ]);
    let loaded = ListingBuilder::new().without("phone").with("phones", numbers).insert_public(&app);
    let public: Value = app.public_listing(loaded.listing_id).await.json();
    assert_eq!(public["phone"], "(503) 555-0102", "the first voice number is the main one");
    assert_eq!(public["phones"].as_array().map(Vec::len), Some(4), "a number given twice is kept once");
    assert_eq!(public["phones"][1], json!({"number": "(503) 555-0102", "kind": "voice", "extension": "204"}));
    assert_eq!(public["phones"][3]["kind"], "tty");

    let profile = app.get(&format!("/clinicians/{}", loaded.listing_id)).await;
    let text = visible_text(&profile.text);
    for line in [
        "Fax (503) 555-0101",
        "Phone (503) 555-0102 ext. 204",
        "Text messages (503) 555-0103",
        "TTY (text telephone) (503) 555-0104",
    ] {
        assert!(text.contains(line), "the profile shows “{line}”:\n{text}");
    }
    assert!(profile.text.contains(r#"href="tel:5035550102;ext=204""#), "the extension is dialled");
    assert!(profile.text.contains(r#"href="sms:5035550103""#), "a text number opens messages");
    assert!(!profile.text.contains("tel:5035550101"), "a fax is not a link to call");
    let spanish = visible_text(&app.get(&format!("/es/clinicians/{}", loaded.listing_id)).await.text);
    assert!(spanish.contains("Teléfono (503) 555-0102 extensión 204"), "{spanish}");
    assert!(spanish.contains("Mensajes de texto (503) 555-0103"), "{spanish}");

    app.wait_until_searchable([&loaded]).await;
    let search: Value = app.get("/api/v1/clinicians?near=97201").await.json();
    assert_eq!(search["results"][0]["phone"], "(503) 555-0102", "results show the main number");
}

#[actix_rt::test]
async fn phone_alone_is_the_one_voice_number_and_replaces_the_main_one_sent_with_the_rest() {
    let app = spawn_app().await;
    let alone = ListingBuilder::new().insert_public(&app);
    let public: Value = app.public_listing(alone.listing_id).await.json();
    assert_eq!(public["phones"], json!([{"number": "(503) 555-0100", "kind": "voice"}]));

    // A client that reads and writes `phone` alone changes the main number and keeps the others.
    let mut edited: Value = app.manage("GET", &alone.manage_token, None).await.json();
    assert!(edited["listing"].is_object(), "{edited}");
    let mut listing = edited["listing"].take();
    listing["phones"] = json!([{"number": "(503) 555-0100"}, {"number": "(503) 555-0199", "kind": "fax"}]);
    listing["phone"] = json!("(503) 555-0111");
    let reply = app.manage("PUT", &alone.manage_token, Some(&listing)).await;
    assert_eq!(reply.status, 202, "{}", reply.text);
    let pending = app.manage_status(&alone.manage_token).await.listing.expect("the edit waiting for review");
    let numbers: Vec<(&str, &str)> = pending.phones.iter().map(|p| (p.number.as_str(), p.kind.code())).collect();
    assert_eq!(numbers, [("(503) 555-0111", "voice"), ("(503) 555-0199", "fax")]);
}

#[actix_rt::test]
async fn each_bad_number_is_named_on_the_api() {
    let app = spawn_app().await;
    let numbers = json!([
        {"number": "12"},
        {"number": "(503) 555-0101", "kind": "pager", "extension": "x1"},
        {"kind": "fax"},
    ]);
    let reply = app.post_json("/api/v1/submissions", &ListingBuilder::new().with("phones", numbers).build()).await;
    assert_eq!(reply.status, 422, "{}", reply.text);
    assert_eq!(reply.error_fields(), ["phones[0].number", "phones[1].extension", "phones[1].kind", "phones[2].number"]);

    let eleven: Vec<Value> = (0..11).map(|n| json!({"number": format!("(503) 555-01{n:02}")})).collect();
    let reply =
        app.post_json("/api/v1/submissions", &ListingBuilder::new().with("phones", json!(eleven)).build()).await;
    assert_eq!((reply.status, reply.error_fields()), (422, vec!["phones".to_string()]), "{}", reply.text);
}

/// A filled-in form with three phone rows, the second left empty.
fn form_with_numbers(third: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut fields = filled_form();
    fields.extend([
        ("phones.0.number", "(503) 555-0102"),
        ("phones.0.kind", "voice"),
        ("phones.0.extension", "7"),
        ("phones.1.number", ""),
        ("phones.1.kind", "voice"),
        ("phones.1.extension", ""),
        ("phones.2.number", third),
        ("phones.2.kind", "tty"),
        ("phones.2.extension", ""),
    ]);
    fields
}

#[actix_rt::test]
async fn the_form_takes_a_number_a_row_and_the_manage_page_gives_them_back() {
    let app = spawn_app().await;
    let refused = app.request("POST", "/submit", &[FORM], Some(form_body(&form_with_numbers("555")))).await;
    assert_eq!(refused.status, 422, "{}", refused.text);
    // The empty row is left out: the bad number is shown again as the second row, with its error.
    assert!(refused.text.contains(r##"href="#phones.1.number""##), "the summary links to the row");
    assert!(visible_text(&refused.text).contains("Number 2 – Number"), "and names it");
    assert!(refused.text.contains(r#"id="phones.1.number" name="phones.1.number" value="555" aria-invalid="true""#));

    let sent = app.request("POST", "/submit", &[FORM], Some(form_body(&form_with_numbers("(503) 555-0104")))).await;
    assert_eq!(sent.status, 201, "{}", sent.text);
    let token = sent.text.split("/manage/").nth(1).unwrap().split('"').next().unwrap().to_string();
    let listing = app.manage_status(&token).await.listing.unwrap();
    assert_eq!(listing.phone.as_deref(), Some("(503) 555-0102"));
    let numbers: Vec<_> =
        listing.phones.iter().map(|p| (p.number.as_str(), p.kind.code(), p.extension.as_deref())).collect();
    assert_eq!(numbers, [("(503) 555-0102", "voice", Some("7")), ("(503) 555-0104", "tty", None)]);

    for (lang, path) in [(Lang::En, format!("/manage/{token}")), (Lang::Es, format!("/es/manage/{token}"))] {
        let page = app.get(&path).await;
        assert!(page.text.contains(r#"name="phones.1.number" value="(503) 555-0104""#), "{lang:?}: {}", page.text);
        assert!(page.text.contains(r#"<option value="tty" selected>"#), "the kind is chosen");
        assert!(page.text.contains(r#"name="phones.2.number" value="""#), "a row to add another");
        assert!(visible_text(&page.text).contains(&lang.t("form-phones")));
    }
}
