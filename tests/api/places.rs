//! Places carry the ISO 3166-2 code of their region: a search's centre and the
//! suggestions from `/api/v1/places`.

use serde_json::Value;

use crate::helpers::{spawn_app, TestApp};

/// A query string of `pairs`, encoded as a browser would.
fn query(pairs: &[(&str, &str)]) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.extend_pairs(pairs);
    query.finish()
}

/// The `center` of a search, read from the raw reply.
async fn center(app: &TestApp, pairs: &[(&str, &str)]) -> Value {
    let reply = app.get(&format!("/api/v1/clinicians?{}", query(pairs))).await;
    assert_eq!(reply.status, 200, "{pairs:?}: {}", reply.text);
    reply.json::<Value>()["center"].clone()
}

/// The places suggested for what was typed.
async fn suggestions(app: &TestApp, typed: &str) -> Vec<Value> {
    let reply = app.get(&format!("/api/v1/places?{}", query(&[("q", typed)]))).await;
    assert_eq!(reply.status, 200, "{typed}: {}", reply.text);
    reply.json()
}

#[actix_rt::test]
async fn a_search_centre_names_its_region() {
    let app = spawn_app().await;
    let places = [
        ("79843", "US-TX"),
        ("Marfa, TX", "US-TX"),
        ("Toronto, CA", "CA-ON"),
        ("Edinburgh, GB", "GB-SCT"),
        ("Cardiff, UK", "GB-WLS"),
        ("Sydney, AU", "AU-NSW"),
        ("Montréal, CA", "CA-QC"),
        ("97201", "US-OR"),
        ("10001", "US-NY"),
        ("99501", "US-AK"),
        ("96813", "US-HI"),
        ("20001", "US-DC"),
        ("00901", "US-PR"),
        ("02108", "US-MA"),
        ("60601", "US-IL"),
        ("33101", "US-FL"),
        ("84101", "US-UT"),
        ("06390", "US-NY"),
    ];
    for (near, region) in places {
        let center = center(&app, &[("near", near), ("radius_mi", "25")]).await;
        assert_eq!(center["region"], region, "{near}: {center}");
    }
    let paris = center(&app, &[("near", "Paris, FR"), ("radius_mi", "25")]).await;
    assert!(paris.get("region").is_some_and(Value::is_null), "{paris}");
}

#[actix_rt::test]
async fn a_point_takes_the_region_of_the_nearest_town() {
    let app = spawn_app().await;
    let marfa = center(&app, &[("lat", "30.3095"), ("lon", "-104.0206"), ("radius_km", "40")]).await;
    assert_eq!(marfa["region"], "US-TX", "{marfa}");
    let toronto = center(&app, &[("lat", "43.6532"), ("lon", "-79.3832")]).await;
    assert_eq!(toronto["region"], "CA-ON", "{toronto}");
    let pacific = center(&app, &[("lat", "0"), ("lon", "-150")]).await;
    assert!(pacific.get("region").is_some_and(Value::is_null), "{pacific}");
}

#[actix_rt::test]
async fn suggested_places_name_their_regions() {
    let app = spawn_app().await;
    let marfa = suggestions(&app, "Marfa, TX").await;
    assert_eq!(marfa.first().map(|place| &place["region"]), Some(&Value::from("US-TX")), "{marfa:?}");
    let toronto = suggestions(&app, "Toronto, CA").await;
    assert_eq!(toronto.first().map(|place| &place["region"]), Some(&Value::from("CA-ON")), "{toronto:?}");
    let perth = suggestions(&app, "Perth, AU").await;
    assert_eq!(perth.first().map(|place| &place["region"]), Some(&Value::from("AU-WA")), "{perth:?}");
    let zips = suggestions(&app, "798").await;
    assert!(!zips.is_empty() && zips.iter().all(|place| place["region"] == "US-TX"), "{zips:?}");
    let paris = suggestions(&app, "Paris, FR").await;
    assert!(!paris.is_empty() && paris.iter().all(|place| place["region"].is_null()), "{paris:?}");
}

#[actix_rt::test]
async fn the_api_description_documents_the_region() {
    let app = spawn_app().await;
    let description: Value = app.get("/api/openapi.json").await.json();
    let region = &description["components"]["schemas"]["Place"]["properties"]["region"];
    assert!(region.is_object(), "{}", description["components"]["schemas"]["Place"]);
}
