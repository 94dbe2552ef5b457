//! A listing's opening hours: a day and the times it opens and closes, as
//! many as a week needs, through the API, the form and the manage page;
//! shown on the profile in the reader's clock, and given to HSDS as weekly
//! schedules and to FHIR as available times.

use benzowise::i18n::Lang;
use serde_json::{json, Value};

use crate::forms::filled_form;
use crate::helpers::{form_body, spawn_app, visible_text, ListingBuilder, FORM};

fn week() -> Value {
    json!([
        {"day": "tue", "opens": "13:00", "closes": "17:30"},
        {"day": "mon", "opens": "08:30", "closes": "12:00"},
        {"day": "tue", "opens": "08:30", "closes": "12:00"},
    ])
}

#[actix_rt::test]
async fn opening_hours_come_in_the_week_s_order_and_read_in_the_reader_s_clock() {
    let app = spawn_app().await;
    let loaded = ListingBuilder::new().with("opening_hours", week()).insert_public(&app);
    let public: Value = app.public_listing(loaded.listing_id).await.json();
    let days: Vec<(&str, &str)> = public["opening_hours"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["day"].as_str().unwrap(), h["opens"].as_str().unwrap()))
        .collect();
    assert_eq!(days, [("mon", "08:30"), ("tue", "08:30"), ("tue", "13:00")]);

    let english = visible_text(&app.get(&format!("/clinicians/{}", loaded.listing_id)).await.text);
    assert!(
        english.contains("Hours Monday 8:30 AM – 12:00 PM Tuesday 8:30 AM – 12:00 PM Tuesday 1:00 PM – 5:30 PM"),
        "{english}"
    );
    let spanish = visible_text(&app.get(&format!("/es/clinicians/{}", loaded.listing_id)).await.text);
    assert!(spanish.contains("Horario lunes 8:30 – 12:00 martes 8:30 – 12:00 martes 13:00 – 17:30"), "{spanish}");

    let services: Value = app.get("/hsds/services").await.json();
    let schedules: Vec<(&str, &str, &str)> = services["contents"][0]["schedules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["byday"].as_str().unwrap(), s["opens_at"].as_str().unwrap(), s["freq"].as_str().unwrap()))
        .collect();
    assert_eq!(schedules, [("MO", "08:30:00", "WEEKLY"), ("TU", "08:30:00", "WEEKLY"), ("TU", "13:00:00", "WEEKLY")]);

    let role: Value = app.get(&format!("/fhir/PractitionerRole/{}", loaded.listing_id)).await.json();
    assert_eq!(
        role["availableTime"][2],
        json!({"daysOfWeek": ["tue"], "availableStartTime": "13:00:00", "availableEndTime": "17:30:00"})
    );
    let location: Value = app.get(&format!("/fhir/Location/{}", loaded.listing_id)).await.json();
    assert_eq!(location["hoursOfOperation"][0]["openingTime"], "08:30:00");
}

#[actix_rt::test]
async fn each_bad_opening_is_named_on_the_api() {
    let app = spawn_app().await;
    let hours = json!([
        {"day": "someday", "opens": "08:30", "closes": "17:00"},
        {"day": "mon", "opens": "8:30", "closes": "17:00"},
        {"day": "fri", "opens": "17:00", "closes": "09:00"},
        {"day": "sat", "opens": "09:00"},
    ]);
    let reply = app.post_json("/api/v1/submissions", &ListingBuilder::new().with("opening_hours", hours).build()).await;
    assert_eq!(reply.status, 422, "{}", reply.text);
    assert_eq!(
        reply.error_fields(),
        ["opening_hours[0].day", "opening_hours[1].opens", "opening_hours[2].closes", "opening_hours[3].closes"]
    );
    let too_many: Vec<Value> = (0..22)
        .map(|n| json!({"day": "mon", "opens": format!("{:02}:00", n), "closes": format!("{:02}:30", n)}))
        .collect();
    let reply = app
        .post_json("/api/v1/submissions", &ListingBuilder::new().with("opening_hours", json!(too_many)).build())
        .await;
    assert_eq!(reply.error_fields(), ["opening_hours"], "{}", reply.text);
}

#[actix_rt::test]
async fn the_form_takes_an_opening_a_row_and_the_manage_page_gives_them_back() {
    let app = spawn_app().await;
    let mut fields = filled_form();
    fields.extend([
        ("opening_hours.0.day", "wed"),
        ("opening_hours.0.opens", "09:00"),
        ("opening_hours.0.closes", "08:00"),
        ("opening_hours.1.day", "mon"),
        ("opening_hours.1.opens", ""),
        ("opening_hours.1.closes", ""),
    ]);
    let refused = app.request("POST", "/submit", &[FORM], Some(form_body(&fields))).await;
    assert_eq!(refused.status, 422, "{}", refused.text);
    assert!(refused.text.contains(r##"href="#opening_hours.0.closes""##), "the summary links to the row");
    assert!(visible_text(&refused.text).contains("Opening 1 – Closes"), "and names it");

    let closes = fields.iter().position(|(name, _)| *name == "opening_hours.0.closes").unwrap();
    fields[closes].1 = "17:00";
    let sent = app.request("POST", "/submit", &[FORM], Some(form_body(&fields))).await;
    assert_eq!(sent.status, 201, "{}", sent.text);
    let token = sent.text.split("/manage/").nth(1).unwrap().split('"').next().unwrap().to_string();
    let listing = app.manage_status(&token).await.listing.unwrap();
    let hours: Vec<_> =
        listing.opening_hours.iter().map(|h| (h.day.code(), h.opens.as_str(), h.closes.as_str())).collect();
    assert_eq!(hours, [("wed", "09:00", "17:00")], "the empty row is left out");

    for (lang, path) in [(Lang::En, format!("/manage/{token}")), (Lang::Es, format!("/es/manage/{token}"))] {
        let page = app.get(&path).await;
        assert!(page.text.contains(r#"<option value="wed" selected>"#), "{lang:?}: the day is chosen");
        assert!(page
            .text
            .contains(r#"type="time" id="opening_hours.0.closes" name="opening_hours.0.closes" value="17:00""#));
        assert!(visible_text(&page.text).contains(&lang.t("form-hours")));
    }
}
