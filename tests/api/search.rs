//! Proximity search, checked against an oracle that computes the expected
//! set and order itself.

use geo::{point, Distance, Haversine};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, spawn_app_on, ListingBuilder, ModeratorSession, TestApp};

const PROFESSIONS: &[&str] =
    &["physician", "nurse_practitioner", "physician_assistant", "pharmacist", "psychologist", "therapist"];
const PRESCRIBERS: &[&str] = &["physician", "nurse_practitioner", "physician_assistant", "pharmacist"];
const SPECIALTIES: &[&str] = &[
    "psychiatry",
    "primary_care",
    "geriatrics",
    "addiction_medicine",
    "neurology",
    "pharmacotherapy",
    "psychotherapy",
    "other",
];
const APPROACHES: &[&str] = &[
    "symptom_guided",
    "micro_taper",
    "liquid_titration",
    "dry_cut_weighed",
    "hyperbolic",
    "diazepam_crossover",
    "direct_taper",
    "cut_and_hold",
    "tapering_strips",
    "reduce_and_maintain",
];
const CRITERIA: &[&str] = &[
    "slow_taper_supported",
    "patient_sets_pace",
    "no_abrupt_stops",
    "plans_exit_at_start",
    "non_drug_support",
    "combination_caution",
    "withdrawal_history_respected",
    "accepts_transfers",
    "ashton_manual",
];
const LANGUAGES: &[&str] = &["en", "es", "fr", "vi"];
const REGIONS: &[&str] = &["US-OR", "US-WA", "US-CA"];
const PORTLAND: (f64, f64) = (45.5152, -122.6784);

/// A search parameter and how to draw a random value for it.
type Filter<'a> = (&'a str, &'a dyn Fn(&mut StdRng) -> String);

fn km_between(a: (f64, f64), b: (f64, f64)) -> f64 {
    Haversine.distance(point!(x: a.1, y: a.0), point!(x: b.1, y: b.0)) / 1000.0
}

fn subset<'a>(rng: &mut StdRng, items: &[&'a str], chance: f64) -> Vec<&'a str> {
    items.iter().copied().filter(|_| rng.random_bool(chance)).collect()
}

/// A random listing placed within about 120 km of Portland.
fn random_listing(rng: &mut StdRng, n: usize) -> Value {
    let (lat, lon) = (PORTLAND.0 + rng.random_range(-1.1..1.1), PORTLAND.1 + rng.random_range(-1.5..1.5));
    // A few listings share one spot, to exercise ties broken by id.
    let (lat, lon) = if n.is_multiple_of(10) { (45.52, -122.68) } else { (lat, lon) };
    let mut languages = vec!["en"];
    languages.extend(subset(rng, &LANGUAGES[1..], 0.3));
    ListingBuilder::new()
        .with("full_name", json!(format!("Clinician {n}")))
        .with("latitude", json!(lat))
        .with("longitude", json!(lon))
        .with("profession", json!(PROFESSIONS.choose(rng).unwrap()))
        .with("specialty", json!(SPECIALTIES.choose(rng).unwrap()))
        .with("taper_approaches", json!(subset(rng, APPROACHES, 0.4)))
        .with("criteria", json!(subset(rng, CRITERIA, 0.5)))
        .with("telehealth", json!(rng.random_bool(0.5)))
        .with("accepting_new_patients", json!(rng.random_bool(0.6)))
        .with("languages", json!(languages))
        .with("licensed_regions", json!(subset(rng, REGIONS, 0.4)))
        .build()
}

/// The listings a search should return, in order, computed from scratch.
fn expected(listings: &[(i64, Value)], params: &[(&str, String)]) -> Vec<(i64, f64)> {
    let get = |name: &str| params.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str());
    let all = |name: &str| params.iter().filter(|(k, _)| *k == name).map(|(_, v)| v.as_str()).collect::<Vec<_>>();
    let center = (get("lat").unwrap().parse().unwrap(), get("lon").unwrap().parse().unwrap());
    let radius: f64 = get("radius_km").unwrap().parse().unwrap();
    let has = |listing: &Value, field: &str, code: &str| listing[field].as_array().unwrap().iter().any(|c| c == code);
    let mut matches: Vec<(i64, f64)> = listings
        .iter()
        .filter(|(_, l)| get("profession").is_none_or(|p| l["profession"] == p))
        .filter(|(_, l)| get("specialty").is_none_or(|s| l["specialty"] == s))
        .filter(|(_, l)| all("approach").iter().all(|a| has(l, "taper_approaches", a)))
        .filter(|(_, l)| all("criteria").iter().all(|c| has(l, "criteria", c)))
        .filter(|(_, l)| get("telehealth").is_none_or(|t| l["telehealth"] == (t == "true")))
        .filter(|(_, l)| get("accepting").is_none_or(|a| l["accepting_new_patients"] == (a == "true")))
        .filter(|(_, l)| {
            get("prescriber").is_none_or(|p| PRESCRIBERS.contains(&l["profession"].as_str().unwrap()).to_string() == p)
        })
        .filter(|(_, l)| get("language").is_none_or(|lang| has(l, "languages", lang)))
        .filter(|(_, l)| get("licensed_in").is_none_or(|r| has(l, "licensed_regions", r)))
        .map(|(id, l)| (*id, km_between(center, (l["latitude"].as_f64().unwrap(), l["longitude"].as_f64().unwrap()))))
        .filter(|(_, km)| *km <= radius)
        .collect();
    matches.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    matches
}

fn query_string(params: &[(&str, String)]) -> String {
    params
        .iter()
        .map(|(k, v)| format!("{k}={}", v.replace(' ', "%20").replace(',', "%2C")))
        .collect::<Vec<_>>()
        .join("&")
}

async fn publish_random(
    app: &TestApp,
    moderator: &ModeratorSession,
    count: usize,
    rng: &mut StdRng,
) -> Vec<(i64, Value)> {
    let mut listings = Vec::new();
    for n in 0..count {
        let listing = random_listing(rng, n);
        let submitted = app.publish(moderator, &listing).await;
        listings.push((submitted.listing_id, listing));
    }
    listings
}

#[actix_rt::test]
async fn random_searches_match_the_oracle_in_set_order_and_distance() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let mut rng = StdRng::seed_from_u64(7);
    let listings = publish_random(&app, &moderator, 160, &mut rng).await;

    for round in 0..120 {
        let mut params = vec![
            ("lat", format!("{:.5}", PORTLAND.0 + rng.random_range(-0.8..0.8))),
            ("lon", format!("{:.5}", PORTLAND.1 + rng.random_range(-0.8..0.8))),
            ("radius_km", format!("{}", rng.random_range(1..200))),
            ("limit", "100".to_string()),
        ];
        let filters: [Filter; 10] = [
            ("profession", &|r| PROFESSIONS.choose(r).unwrap().to_string()),
            ("specialty", &|r| SPECIALTIES.choose(r).unwrap().to_string()),
            ("approach", &|r| APPROACHES.choose(r).unwrap().to_string()),
            ("criteria", &|r| CRITERIA.choose(r).unwrap().to_string()),
            ("telehealth", &|r| r.random_bool(0.5).to_string()),
            ("accepting", &|r| r.random_bool(0.5).to_string()),
            ("prescriber", &|r| r.random_bool(0.5).to_string()),
            ("language", &|r| LANGUAGES.choose(r).unwrap().to_string()),
            ("licensed_in", &|r| REGIONS.choose(r).unwrap().to_string()),
            ("approach", &|r| APPROACHES.choose(r).unwrap().to_string()),
        ];
        for (name, value) in filters {
            if rng.random_bool(0.2) {
                params.push((name, value(&mut rng)));
            }
        }
        let want = expected(&listings, &params);
        let reply = app.get(&format!("/api/v1/clinicians?{}", query_string(&params))).await;
        assert_eq!(reply.status, 200, "{}", reply.text);
        let got: Vec<(i64, f64)> = reply.json["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["id"].as_i64().unwrap(), r["distance_km"].as_f64().unwrap()))
            .collect();
        assert_eq!(reply.json["total"], want.len(), "round {round}: {params:?}");
        let want_page: Vec<(i64, f64)> = want.iter().take(100).copied().collect();
        assert_eq!(
            got.iter().map(|g| g.0).collect::<Vec<_>>(),
            want_page.iter().map(|w| w.0).collect::<Vec<_>>(),
            "round {round}: {params:?}"
        );
        for ((_, got_km), (_, want_km)) in got.iter().zip(&want_page) {
            assert!((got_km - want_km).abs() < 0.001, "{got_km} vs {want_km}");
        }
    }
}

#[actix_rt::test]
async fn pages_concatenate_to_the_full_list() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let mut rng = StdRng::seed_from_u64(11);
    let listings = publish_random(&app, &moderator, 45, &mut rng).await;
    let base = vec![("lat", "45.5".to_string()), ("lon", "-122.6".to_string()), ("radius_km", "150".to_string())];
    let want: Vec<i64> = expected(&listings, &base).into_iter().map(|(id, _)| id).collect();

    let mut pages = Vec::new();
    for offset in (0..want.len() + 7).step_by(7) {
        let reply = app.get(&format!("/api/v1/clinicians?{}&limit=7&offset={offset}", query_string(&base))).await;
        assert_eq!(reply.json["total"], want.len());
        pages.extend(reply.json["results"].as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()));
    }
    assert_eq!(pages, want);
}

#[actix_rt::test]
async fn each_form_of_place_is_understood() {
    let app = spawn_app().await;
    for (near, lat, lon) in [
        ("97201", 45.51, -122.69),
        ("97201-1234", 45.51, -122.69),
        ("Portland, OR", 45.52, -122.68),
        ("portland", 45.52, -122.68),
        ("Portland, ME", 43.66, -70.26),
        ("London, GB", 51.51, -0.13),
        ("London, UK", 51.51, -0.13),
        ("Seattle", 47.61, -122.33),
        ("Montreal, CA", 45.51, -73.59),
    ] {
        let reply = app.get(&format!("/api/v1/clinicians?near={}", near.replace(' ', "%20").replace(',', "%2C"))).await;
        assert_eq!(reply.status, 200, "{near}: {}", reply.text);
        let center = &reply.json["center"];
        assert!((center["lat"].as_f64().unwrap() - lat).abs() < 0.05, "{near}: {center}");
        assert!((center["lon"].as_f64().unwrap() - lon).abs() < 0.05, "{near}: {center}");
        assert!(center["label"].is_string());
        assert_eq!(reply.json["radius_km"], 50.0);
    }
    let reply = app.get("/api/v1/clinicians?lat=45.5&lon=-122.6&radius_mi=10").await;
    assert!((reply.json["radius_km"].as_f64().unwrap() - 16.09344).abs() < 1e-9);
}

#[actix_rt::test]
async fn places_suggests_the_most_populous_matches_first() {
    let app = spawn_app().await;
    let reply = app.get("/api/v1/places?q=Seat").await;
    assert_eq!(reply.json[0]["label"], "Seattle, WA");
    let reply = app.get("/api/v1/places?q=portland%2C%20me&limit=3").await;
    assert_eq!(reply.json[0]["label"], "Portland, ME");
    let reply = app.get("/api/v1/places?q=972").await;
    assert!(reply.json.as_array().unwrap().iter().all(|p| p["label"].as_str().unwrap().starts_with("972")));
    assert_eq!(app.get("/api/v1/places").await.error_fields(), ["q"]);
}

#[actix_rt::test]
async fn bad_parameters_are_422_problems_naming_the_parameter() {
    let app = spawn_app().await;
    for (query, field) in [
        ("near=97201&radius_km=0", "radius_km"),
        ("near=97201&radius_km=501", "radius_km"),
        ("near=97201&radius_mi=400", "radius_mi"),
        ("lat=95&lon=0", "lat"),
        ("lat=45&lon=-181", "lon"),
        ("lat=abc&lon=0", "lat"),
        ("lat=45", "lon"),
        ("near=97201&limit=0", "limit"),
        ("near=97201&limit=101", "limit"),
        ("near=97201&offset=10001", "offset"),
        ("near=97201&specialty=astrology", "specialty"),
        ("near=97201&approach=cold_turkey", "approach"),
        ("near=97201&criteria=fast", "criteria"),
        ("near=97201&telehealth=maybe", "telehealth"),
        ("near=97201&language=klingon", "language"),
        ("near=97201&licensed_in=XX-YY", "licensed_in"),
        ("near=Atlantis%2C%20ZZ", "near"),
        ("near=97201&colour=blue", "colour"),
        ("near=97201&=blue", "query"),
        ("", "near"),
        ("near=97201%27%20OR%201%3D1--", "near"),
    ] {
        let reply = app.get(&format!("/api/v1/clinicians?{query}")).await;
        assert_eq!(reply.status, 422, "{query}: {}", reply.text);
        assert_eq!(reply.header("content-type"), Some("application/problem+json"));
        assert_eq!(reply.error_fields(), [field], "{query}");
    }
}

#[actix_rt::test]
async fn telehealth_clinicians_licensed_in_a_region_are_listed_without_a_place() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let licensed =
        app.publish(&moderator, &ListingBuilder::new().with("licensed_regions", json!(["US-WA"])).build()).await;
    app.publish(&moderator, &ListingBuilder::new().with("licensed_regions", json!(["US-OR"])).build()).await;
    app.publish(
        &moderator,
        &ListingBuilder::new().with("telehealth", json!(false)).with("licensed_regions", json!(["US-WA"])).build(),
    )
    .await;
    let far_away = app
        .publish(
            &moderator,
            &ListingBuilder::new()
                .with("latitude", json!(25.76))
                .with("longitude", json!(-80.19))
                .with("licensed_regions", json!(["US-WA"]))
                .build(),
        )
        .await;

    let reply = app.get("/api/v1/clinicians?telehealth=true&licensed_in=US-WA").await;

    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.json["center"], Value::Null);
    assert_eq!(reply.json["total"], 2);
    let ids: Vec<i64> = reply.json["results"].as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [licensed.listing_id, far_away.listing_id]);
    assert_eq!(reply.json["results"][0]["distance_km"], Value::Null);
}

#[actix_rt::test]
async fn search_shows_only_public_listings_and_follows_every_change_at_once() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let search = "/api/v1/clinicians?near=97201";
    let total = |reply: &crate::helpers::Reply| reply.json["total"].as_u64().unwrap();

    let submitted = app.submit(&ListingBuilder::new().build()).await;
    assert_eq!(total(&app.get(search).await), 0);

    app.approve(&moderator, submitted.submission_id).await;
    let found = app.get(search).await;
    assert_eq!(total(&found), 1);
    assert!(found.json["results"][0].get("contact_email").is_none());

    let edit = app
        .manage("PUT", &submitted.token, Some(&ListingBuilder::new().with("full_name", json!("Dr. Renamed")).build()))
        .await;
    assert_eq!(app.get(search).await.json["results"][0]["full_name"], "Dr. Rowan Whitfield");
    app.approve(&moderator, edit.json["submission_id"].as_i64().unwrap()).await;
    assert_eq!(app.get(search).await.json["results"][0]["full_name"], "Dr. Renamed");

    let suspend = format!("/api/v1/moderation/clinicians/{}/suspend", submitted.listing_id);
    app.as_moderator(&moderator, "POST", &suspend, Some(&json!({"reason": "check"}))).await;
    assert_eq!(total(&app.get(search).await), 0);
    let reinstate = format!("/api/v1/moderation/clinicians/{}/reinstate", submitted.listing_id);
    app.as_moderator(&moderator, "POST", &reinstate, Some(&json!({}))).await;
    assert_eq!(total(&app.get(search).await), 1);

    app.manage("DELETE", &submitted.token, None).await;
    assert_eq!(total(&app.get(search).await), 0);
}

#[actix_rt::test]
async fn another_instance_on_the_same_database_catches_up() {
    let app = spawn_app().await;
    let other = spawn_app_on(app.database.clone()).await;
    let moderator = app.login_moderator("mira").await;

    let submitted = app.publish(&moderator, &ListingBuilder::new().build()).await;

    let mut seen = 0;
    for _ in 0..40 {
        seen = other.get("/api/v1/clinicians?near=97201").await.json["total"].as_u64().unwrap();
        if seen == 1 {
            break;
        }
        actix_rt::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(seen, 1, "listing {} never reached the other instance", submitted.listing_id);
}

#[actix_rt::test]
async fn an_instance_started_on_a_database_with_public_listings_finds_every_one() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let mut published = Vec::new();
    for _ in 0..7 {
        published.push(app.publish(&moderator, &ListingBuilder::new().build()).await.listing_id);
    }
    let withdrawn = app.publish(&moderator, &ListingBuilder::new().build()).await;
    app.manage("DELETE", &withdrawn.token, None).await;

    // The index is loaded before the new instance answers, by two readers
    // that each take half of the ids.
    let restarted = spawn_app_on(app.database.clone()).await;
    let found = restarted.get("/api/v1/clinicians?near=97201&limit=100").await.json;
    let mut ids: Vec<i64> = found["results"].as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect();
    ids.sort_unstable();
    published.sort_unstable();
    assert_eq!(ids, published);
    assert_eq!(found["total"], 7);
}
