//! The OpenAPI document read as a client reads it, then checked against the
//! server: the code lists, limits, required fields and parameter names it
//! states are the ones the server enforces, so the two cannot drift apart.

use serde_json::{json, Value};

use crate::helpers::{spawn_app, ListingBuilder, TestApp};

async fn document(app: &TestApp) -> Value {
    let reply = app.get("/api/openapi.json").await;
    assert_eq!(reply.status, 200);
    reply.json()
}

fn component<'a>(document: &'a Value, name: &str) -> &'a Value {
    &document["components"]["schemas"][name]
}

/// The one parameter of the search: an object whose properties are the query parameters.
fn search_parameters(document: &Value) -> &Value {
    let parameters = document["paths"]["/api/v1/clinicians"]["get"]["parameters"].as_array().unwrap();
    assert_eq!(parameters.len(), 1, "{parameters:?}");
    assert_eq!((parameters[0]["style"].as_str(), parameters[0]["explode"].as_bool()), (Some("form"), Some(true)));
    &parameters[0]["schema"]
}

/// The codes an `enum` allows (null aside).
fn allowed(schema: &Value) -> Vec<String> {
    let values = schema["enum"].as_array().unwrap_or_else(|| panic!("no enum in {schema}"));
    values.iter().filter_map(Value::as_str).map(str::to_string).collect()
}

fn number(schema: &Value, keyword: &str) -> f64 {
    schema[keyword].as_f64().unwrap_or_else(|| panic!("no {keyword} in {schema}"))
}

#[actix_rt::test]
async fn every_code_field_is_an_enum_of_the_vocabularys_codes() {
    let app = spawn_app().await;
    let document = document(&app).await;
    let vocabulary: Value = app.get("/api/v1/vocabulary").await.json();
    let served = |list: &str| -> Vec<String> {
        vocabulary[list].as_array().unwrap().iter().map(|term| term["code"].as_str().unwrap().to_string()).collect()
    };
    let listing = &component(&document, "ListingInput")["properties"];
    assert_eq!(allowed(&listing["profession"]), served("professions"));
    assert_eq!(allowed(&listing["specialty"]), served("specialties"));
    assert_eq!(allowed(&listing["taper_approaches"]["items"]), served("taper_approaches"));
    assert_eq!(allowed(&listing["criteria"]["items"]), served("criteria"));
    assert_eq!(allowed(&listing["payment_options"]["items"]), served("payment_options"));
    assert_eq!(allowed(&component(&document, "ReportInput")["properties"]["reason"]), served("report_reasons"));
    let search = &search_parameters(&document)["properties"];
    assert_eq!(allowed(&search["profession"]), served("professions"));
    assert_eq!(allowed(&search["approach"]["items"]), served("taper_approaches"));
    assert_eq!(allowed(&search["criteria"]["items"]), served("criteria"));
    assert_eq!(allowed(&search["payment"]["items"]), served("payment_options"));
    let answers: Vec<String> =
        component(&document, "Answers")["properties"].as_object().unwrap().keys().cloned().collect();
    let mut questions = served("questions");
    questions.sort();
    assert_eq!(answers, questions);
}

#[actix_rt::test]
async fn the_search_takes_its_documented_bounds_and_refuses_what_lies_beyond() {
    let app = spawn_app().await;
    let document = document(&app).await;
    let search = &search_parameters(&document)["properties"];
    let status = |query: String| {
        let app = &app;
        async move {
            let reply = app.get(&format!("/api/v1/clinicians?near=97201&{query}")).await;
            let fields = if reply.status == 422 { reply.error_fields() } else { Vec::new() };
            (reply.status, fields)
        }
    };
    let refused = |name: &str| (422, vec![name.to_string()]);
    let max_km = number(&search["radius_km"], "maximum");
    assert_eq!(max_km, 500.0);
    assert_eq!(status(format!("radius_km={max_km}")).await.0, 200);
    assert_eq!(status(format!("radius_km={}", max_km + 0.001)).await, refused("radius_km"));
    // The bounds in miles are exact: the nearest floats beyond them are refused.
    for (bound, beyond) in [("minimum", f64::next_down as fn(f64) -> f64), ("maximum", f64::next_up)] {
        let miles = number(&search["radius_mi"], bound);
        assert_eq!(status(format!("radius_mi={miles}")).await.0, 200, "{bound} {miles}");
        assert_eq!(status(format!("radius_mi={}", beyond(miles))).await, refused("radius_mi"), "{bound} {miles}");
    }
    for name in ["limit", "offset"] {
        let (min, max) = (number(&search[name], "minimum"), number(&search[name], "maximum"));
        assert_eq!(status(format!("{name}={max}")).await.0, 200);
        assert_eq!(status(format!("{name}={}", max + 1.0)).await, refused(name));
        assert_eq!(status(format!("{name}={min}")).await.0, 200);
    }
    assert_eq!(status("limit=0".to_string()).await, refused("limit"));
}

#[actix_rt::test]
async fn the_search_knows_exactly_the_documented_parameters_and_their_rules() {
    let app = spawn_app().await;
    let document = document(&app).await;
    let parameters = search_parameters(&document);
    assert_eq!(parameters["additionalProperties"], false);
    for name in parameters["properties"].as_object().unwrap().keys() {
        let reply = app.get(&format!("/api/v1/clinicians?licensed_in=US-WA&{name}=1")).await;
        let unknown = reply.status == 422 && reply.text.contains("is not a search parameter");
        assert!(!unknown, "{name} is documented but refused as unknown: {}", reply.text);
    }
    let reply = app.get("/api/v1/clinicians?licensed_in=US-WA&radius=25").await;
    assert_eq!((reply.status, reply.error_fields()), (422, vec!["radius".to_string()]));
    // A place, or else a region: the document requires one of them, as the server does.
    let branches = parameters["anyOf"].as_array().unwrap();
    let required: Vec<&Value> = branches.iter().map(|branch| &branch["required"][0]).collect();
    assert_eq!(required, [&json!("near"), &json!("lat"), &json!("licensed_in")]);
    assert_eq!(app.get("/api/v1/clinicians?limit=5").await.error_fields(), ["near"]);
    assert_eq!(parameters["dependentRequired"], json!({"lat": ["lon"], "lon": ["lat"]}));
    assert_eq!(app.get("/api/v1/clinicians?lat=45.5").await.error_fields(), ["lon"]);
}

#[actix_rt::test]
async fn a_listing_is_refused_for_each_documented_rule_it_breaks() {
    let app = spawn_app().await;
    let document = document(&app).await;
    let listing = component(&document, "ListingInput");
    let refused_on = |reply: crate::helpers::Reply| {
        assert_eq!(reply.status, 422, "{}", reply.text);
        reply.error_fields()
    };
    for field in listing["required"].as_array().unwrap().iter().map(|field| field.as_str().unwrap()) {
        let reply = app.post_json("/api/v1/submissions", &ListingBuilder::new().without(field).build()).await;
        assert_eq!(refused_on(reply), [field]);
    }
    assert_eq!(listing["additionalProperties"], false);
    let unknown = ListingBuilder::new().with("nickname", json!("Ro")).build();
    assert_eq!(refused_on(app.post_json("/api/v1/submissions", &unknown).await), ["nickname"]);
    let longest = number(&listing["properties"]["full_name"], "maxLength") as usize;
    let named = |length: usize| ListingBuilder::new().named(&"N".repeat(length)).build();
    assert_eq!(app.post_json("/api/v1/submissions", &named(longest)).await.status, 201);
    assert_eq!(refused_on(app.post_json("/api/v1/submissions", &named(longest + 1)).await), ["full_name"]);
    let pace = &listing["properties"]["max_monthly_reduction_pct"];
    // Sent as 50.0: an integer in JSON Schema may be written with a decimal point.
    let paced = |pct: f64| ListingBuilder::new().with("max_monthly_reduction_pct", json!(pct)).build();
    assert_eq!(app.post_json("/api/v1/submissions", &paced(number(pace, "maximum"))).await.status, 201);
    let too_fast = paced(number(pace, "maximum") + 1.0);
    assert_eq!(refused_on(app.post_json("/api/v1/submissions", &too_fast).await), ["max_monthly_reduction_pct"]);
    // The region follows the country, as the rules beside the fields say.
    let rules = listing["allOf"].to_string();
    assert!(rules.contains("\"QC\"") && rules.contains("\"NSW\""), "{rules}");
    let misplaced =
        ListingBuilder::new().at(45.52, -122.68).with("country", json!("CA")).with("region", json!("OR")).build();
    assert_eq!(refused_on(app.post_json("/api/v1/submissions", &misplaced).await), ["region"]);
    // The example the document gives is one the server takes.
    let example = &listing["examples"][0];
    assert_eq!(app.post_json("/api/v1/submissions", example).await.status, 201, "{example}");
}
