//! A listing at several places: up to four further ones beside the main
//! address, each found by search (the listing once, at its nearest place),
//! shown on the profile and its map, given by HSDS as a service at each
//! location, and taken by the form a row each.

use benzowise::i18n::Lang;
use serde_json::{json, Value};

use crate::forms::filled_form;
use crate::helpers::{form_body, spawn_app, visible_text, ListingBuilder, FORM};

/// Portland (the main address), Salem by its coordinates and Eugene by its ZIP code.
fn at_three_places() -> Value {
    ListingBuilder::new()
        .with(
            "other_locations",
            json!([
                {"name": "Salem Clinic", "address_line": "100 Court St NE", "city": "Salem", "region": "OR", "postal_code": "97301",
                 "latitude": 44.9429, "longitude": -123.0351, "phone": "(503) 555-0177"},
                {"city": "Eugene", "region": "OR", "postal_code": "97401"},
            ]),
        )
        .build()
}

#[actix_rt::test]
async fn a_listing_at_three_places_is_found_near_each_and_listed_once() {
    let app = spawn_app().await;
    let loaded = app.insert_public(vec![at_three_places()]).remove(0);
    app.wait_until_searchable([&loaded]).await;

    for (near, city) in [("97201", "Portland"), ("Salem, OR", "Salem"), ("97401", "Eugene")] {
        let found = app.search(&format!("near={}&radius_km=15", near.replace(' ', "%20").replace(',', "%2C"))).await;
        assert_eq!(found.ids(), [loaded.listing_id], "found near {near}");
        assert_eq!(found.results[0].city, city, "shown at its place near {near}");
        assert!(found.results[0].distance_km.unwrap() < 15.0);
    }
    // Every place within reach of one search: the listing is counted and listed once, at its nearest.
    let wide = app.search("near=Salem%2C%20OR&radius_km=200").await;
    assert_eq!((wide.total, wide.ids()), (1, vec![loaded.listing_id]));
    assert_eq!(wide.results[0].city, "Salem");

    let public: Value = app.public_listing(loaded.listing_id).await.json();
    let places = public["other_locations"].as_array().expect("further places");
    assert_eq!(places.len(), 2);
    assert_eq!(places[0]["location_source"], "given");
    assert_eq!(places[1]["location_source"], "postal_code", "Eugene is placed by its ZIP code");
    assert_eq!(places[1]["country"], "US");
}

#[actix_rt::test]
async fn the_profile_lists_each_place_and_its_map_has_a_pin_for_each() {
    let app = spawn_app().await;
    let loaded = app.insert_public(vec![at_three_places()]).remove(0);
    for (lang, prefix) in [(Lang::En, ""), (Lang::Es, "/es")] {
        let path = format!("{prefix}/clinicians/{}", loaded.listing_id);
        let page = app.get(&path).await;
        let text = visible_text(&page.text);
        assert!(text.contains(&lang.t("profile-other-locations")), "{lang:?}: {text}");
        assert!(text.contains("Salem Clinic") && text.contains("100 Court St NE"), "{text}");
        assert!(text.contains("97401"), "{text}");
        assert!(page.text.contains(r#"href="tel:5035550177""#), "the place's own phone is a link");
        assert_eq!(page.text.matches(r#"class="pin""#).count(), 3, "a pin for each place");
    }
}

#[actix_rt::test]
async fn hsds_gives_a_service_at_each_location() {
    let app = spawn_app().await;
    let loaded = app.insert_public(vec![at_three_places()]);
    app.wait_until_searchable(&loaded).await;
    let services: Value = app.get("/hsds/services").await.json();
    let service = &services["contents"][0];
    let at = service["service_at_locations"].as_array().expect("services at locations");
    assert_eq!(at.len(), 3, "{service}");
    let names: Vec<&str> = at.iter().map(|one| one["location"]["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Portland, OR, US", "Salem, OR, US", "Eugene, OR, US"]);
    assert_eq!(at[1]["location"]["addresses"][0]["address_1"], "100 Court St NE");
    let second = at[1]["id"].as_str().unwrap();
    let reply = app.get(&format!("/hsds/service_at_locations/{second}")).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.json::<Value>()["id"], service["id"], "the further place's service is the listing's");
}

#[actix_rt::test]
async fn bad_places_are_named_and_five_further_ones_are_too_many() {
    let app = spawn_app().await;
    let places = json!([{"region": "OR"}, {"city": "Salem", "region": "ZZ", "postal_code": "ABC", "latitude": 44.9}]);
    let reply =
        app.post_json("/api/v1/submissions", &ListingBuilder::new().with("other_locations", places).build()).await;
    assert_eq!(reply.status, 422, "{}", reply.text);
    assert_eq!(
        reply.error_fields(),
        [
            "other_locations[0].city",
            "other_locations[1].longitude",
            "other_locations[1].postal_code",
            "other_locations[1].region"
        ]
    );
    let five: Vec<Value> = (0..5).map(|_| json!({"city": "Salem", "region": "OR"})).collect();
    let reply =
        app.post_json("/api/v1/submissions", &ListingBuilder::new().with("other_locations", json!(five)).build()).await;
    assert_eq!((reply.status, reply.error_fields()), (422, vec!["other_locations".to_string()]), "{}", reply.text);
}

#[actix_rt::test]
async fn the_form_takes_a_place_a_row_and_the_manage_page_gives_them_back() {
    let app = spawn_app().await;
    let mut fields = filled_form();
    fields.extend([
        ("other_locations.0.city", "Salem"),
        ("other_locations.0.region", "Oregon"),
        ("other_locations.0.country", "US"),
        ("other_locations.0.latitude", "north"),
    ]);
    let refused = app.request("POST", "/submit", &[FORM], Some(form_body(&fields))).await;
    assert_eq!(refused.status, 422, "{}", refused.text);
    assert!(refused.text.contains(r##"href="#other_locations.0.latitude""##), "the summary links to the row");

    fields.retain(|(name, _)| *name != "other_locations.0.latitude");
    let sent = app.request("POST", "/submit", &[FORM], Some(form_body(&fields))).await;
    assert_eq!(sent.status, 201, "{}", sent.text);
    let token = sent.text.split("/manage/").nth(1).unwrap().split('"').next().unwrap().to_string();
    let listing = app.manage_status(&token).await.listing.unwrap();
    let salem = &listing.other_locations[0];
    assert_eq!((salem.city.as_str(), salem.region.as_deref()), ("Salem", Some("OR")), "the region by its name");

    let page = app.get(&format!("/manage/{token}")).await;
    assert!(page.text.contains(r#"name="other_locations.0.city" value="Salem""#), "{}", page.text);
    assert!(page.text.contains(r#"name="other_locations.0.country" value="""#), "the United States goes unsaid");
    assert!(!page.text.contains(r#"name="other_locations.1.city""#), "no empty place until one is added");
    assert!(page.text.contains(r#"name="add_row" value="other_locations""#), "a button adds one");
    assert!(visible_text(&page.text).contains(&Lang::En.t("form-other-locations")));

    // The button brings the form back as it was, with an empty place more, and keeps nothing yet.
    let mut adding = fields.clone();
    adding.push(("add_row", "other_locations"));
    let added = app.request("POST", &format!("/manage/{token}"), &[FORM], Some(form_body(&adding))).await;
    assert_eq!(added.status, 200, "{}", added.text);
    assert!(added.text.contains(r#"name="other_locations.0.city" value="Salem""#));
    assert!(added.text.contains(r#"name="other_locations.1.city" value="""#), "{}", added.text);
    let blank = app.request("POST", "/submit", &[FORM], Some(form_body(&[("add_row", "other_locations")]))).await;
    assert_eq!(blank.status, 200, "a new form with a place to fill in, no errors yet: {}", blank.text);
    assert!(blank.text.contains(r#"name="other_locations.0.city" value="""#));
}

#[actix_rt::test]
async fn fhir_gives_a_location_for_each_place_and_the_role_names_them_all() {
    let app = spawn_app().await;
    let loaded = app.insert_public(vec![at_three_places()]).remove(0);
    app.wait_until_searchable([&loaded]).await;
    let id = loaded.listing_id;
    let salem: Value = app.get(&format!("/fhir/Location/{id}-2")).await.json();
    assert_eq!(
        (salem["id"].as_str(), salem["name"].as_str()),
        (Some(format!("{id}-2").as_str()), Some("Salem Clinic"))
    );
    assert_eq!(salem["address"]["city"], "Salem");
    assert_eq!(salem["telecom"][0]["value"], "(503) 555-0177");
    assert_eq!(app.get(&format!("/fhir/Location/{id}-4")).await.status, 404, "there are two further places");
    assert_eq!(app.get(&format!("/fhir/Practitioner/{id}-2")).await.status, 404, "only Locations have parts");

    let role: Value = app.get(&format!("/fhir/PractitionerRole/{id}")).await.json();
    let references: Vec<&str> =
        role["location"].as_array().unwrap().iter().map(|r| r["reference"].as_str().unwrap()).collect();
    assert_eq!(references, [format!("Location/{id}"), format!("Location/{id}-2"), format!("Location/{id}-3")]);
    let bundle: Value =
        app.get(&format!("/fhir/PractitionerRole?_id={id}&_include=PractitionerRole:location")).await.json();
    let included = bundle["entry"].as_array().unwrap().iter().filter(|e| e["resource"]["resourceType"] == "Location");
    assert_eq!(included.count(), 3, "{bundle}");
}
