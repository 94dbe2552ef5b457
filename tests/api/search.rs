//! Proximity search, checked against an oracle that computes the expected
//! set and order itself.

use benzowise::app::manage::EditReceived;
use geo::{point, Distance, Haversine};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use serde_json::Value;

use crate::helpers::{spawn_app, spawn_app_on, ListingBuilder, Place, SearchReply, TestApp};

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
const PAYMENTS: &[&str] =
    &["medicare", "medicaid", "private_insurance", "tricare", "self_pay", "sliding_scale", "free_care"];
const LANGUAGES: &[&str] = &["en", "es", "fr", "vi"];
const REGIONS: &[&str] = &["US-OR", "US-WA", "US-CA"];
const PORTLAND: (f64, f64) = (45.5152, -122.6784);

/// A search parameter and how to draw a random value for it.
type Filter<'a> = (&'a str, &'a dyn Fn(&mut StdRng) -> String);

fn km_between(from: (f64, f64), to: (f64, f64)) -> f64 {
    Haversine.distance(point!(x: from.1, y: from.0), point!(x: to.1, y: to.0)) / 1000.0
}

fn subset<'a>(rng: &mut StdRng, items: &[&'a str], chance: f64) -> Vec<&'a str> {
    items.iter().copied().filter(|_| rng.random_bool(chance)).collect()
}

fn random_point(rng: &mut StdRng) -> (f64, f64) {
    (PORTLAND.0 + rng.random_range(-1.1..1.1), PORTLAND.1 + rng.random_range(-1.5..1.5))
}

/// A random listing placed within about 120 km of Portland; one in four
/// practises at two to five places.
fn random_listing(rng: &mut StdRng, number: usize) -> Value {
    let (lat, lon) = random_point(rng);
    // A few listings share one spot, to exercise ties broken by id.
    let (lat, lon) = if number.is_multiple_of(10) { (45.52, -122.68) } else { (lat, lon) };
    let further: Vec<(f64, f64)> = match rng.random_range(0..4) {
        0 => (0..rng.random_range(1..=4)).map(|_| random_point(rng)).collect(),
        _ => Vec::new(),
    };
    let mut languages = vec!["en"];
    languages.extend(subset(rng, &LANGUAGES[1..], 0.3));
    ListingBuilder::new()
        .named(&format!("Clinician {number}"))
        .at(lat, lon)
        .profession(PROFESSIONS.choose(rng).unwrap())
        .specialty(SPECIALTIES.choose(rng).unwrap())
        .approaches(&subset(rng, APPROACHES, 0.4))
        .criteria(&subset(rng, CRITERIA, 0.5))
        .offering_telehealth(rng.random_bool(0.5))
        .accepting_new_patients(rng.random_bool(0.6))
        .speaking(&languages)
        .licensed_in(&subset(rng, REGIONS, 0.4))
        .paid_by(&subset(rng, PAYMENTS, 0.35))
        .also_at(&further)
        .build()
}

/// Each place of a listing, the main one first.
fn places(listing: &Value) -> Vec<(f64, f64)> {
    let point = |place: &Value| (place["latitude"].as_f64().unwrap(), place["longitude"].as_f64().unwrap());
    let further = listing["other_locations"].as_array().into_iter().flatten().map(point);
    [point(listing)].into_iter().chain(further).collect()
}

/// The distance from `center` to a listing's nearest place.
fn nearest_km(center: (f64, f64), listing: &Value) -> f64 {
    places(listing).into_iter().map(|place| km_between(center, place)).fold(f64::INFINITY, f64::min)
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
        // Any one way to pay is enough.
        .filter(|(_, l)| all("payment").is_empty() || all("payment").iter().any(|p| has(l, "payment_options", p)))
        .map(|(id, l)| (*id, nearest_km(center, l)))
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

/// Stores `count` random public listings, and waits until search finds them.
async fn insert_random(app: &TestApp, count: usize, rng: &mut StdRng) -> Vec<(i64, Value)> {
    let listings: Vec<Value> = (0..count).map(|number| random_listing(rng, number)).collect();
    let inserted = app.insert_public(listings.clone());
    app.wait_until_searchable(&inserted).await;
    inserted.iter().map(|loaded| loaded.listing_id).zip(listings).collect()
}

#[actix_rt::test]
async fn random_searches_match_the_oracle_in_set_order_and_distance() {
    let app = spawn_app().await;
    let mut rng = StdRng::seed_from_u64(7);
    let listings = insert_random(&app, 160, &mut rng).await;

    for round in 0..120 {
        let mut params = vec![
            ("lat", format!("{:.5}", PORTLAND.0 + rng.random_range(-0.8..0.8))),
            ("lon", format!("{:.5}", PORTLAND.1 + rng.random_range(-0.8..0.8))),
            ("radius_km", format!("{}", rng.random_range(1..200))),
            ("limit", "100".to_string()),
        ];
        let filters: [Filter; 12] = [
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
            ("payment", &|r| PAYMENTS.choose(r).unwrap().to_string()),
            ("payment", &|r| PAYMENTS.choose(r).unwrap().to_string()),
        ];
        for (name, value) in filters {
            if rng.random_bool(0.2) {
                params.push((name, value(&mut rng)));
            }
        }
        let want = expected(&listings, &params);
        let found = app.search(&query_string(&params)).await;
        let got: Vec<(i64, f64)> = found.results.iter().map(|hit| (hit.id, hit.distance_km.unwrap())).collect();
        assert_eq!(found.total, want.len(), "round {round}: {params:?}");
        let want_page: Vec<(i64, f64)> = want.iter().take(100).copied().collect();
        assert_eq!(
            got.iter().map(|g| g.0).collect::<Vec<_>>(),
            want_page.iter().map(|w| w.0).collect::<Vec<_>>(),
            "round {round}: {params:?}"
        );
        for ((_, got_km), (_, want_km)) in got.iter().zip(&want_page) {
            assert!((got_km - want_km).abs() < 0.001, "{got_km} vs {want_km}");
        }
        // Each result shows the place its distance is to: the nearest.
        let center = (params[0].1.parse().unwrap(), params[1].1.parse().unwrap());
        for hit in &found.results {
            let shown_km = km_between(center, (hit.latitude, hit.longitude));
            assert!((shown_km - hit.distance_km.unwrap()).abs() < 0.001, "round {round}: {hit:?}");
        }
    }
}

#[actix_rt::test]
async fn pages_concatenate_to_the_full_list() {
    let app = spawn_app().await;
    let mut rng = StdRng::seed_from_u64(11);
    let listings = insert_random(&app, 45, &mut rng).await;
    let base = vec![("lat", "45.5".to_string()), ("lon", "-122.6".to_string()), ("radius_km", "150".to_string())];
    let want: Vec<i64> = expected(&listings, &base).into_iter().map(|(id, _)| id).collect();

    let mut pages = Vec::new();
    for offset in (0..want.len() + 7).step_by(7) {
        let page = app.search(&format!("{}&limit=7&offset={offset}", query_string(&base))).await;
        assert_eq!(page.total, want.len());
        pages.extend(page.ids());
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
        ("seattle wa", 47.61, -122.33),
        ("Portland, ME", 43.66, -70.26),
        ("London, GB", 51.51, -0.13),
        ("London, UK", 51.51, -0.13),
        ("Seattle", 47.61, -122.33),
        ("Montreal, CA", 45.51, -73.59),
    ] {
        let found = app.search(&format!("near={}", near.replace(' ', "%20").replace(',', "%2C"))).await;
        let center = found.center.unwrap();
        assert!((center.lat - lat).abs() < 0.05, "{near}: {center:?}");
        assert!((center.lon - lon).abs() < 0.05, "{near}: {center:?}");
        assert!(!center.label.is_empty(), "{near}: {center:?}");
        assert_eq!(found.radius_km, Some(50.0));
    }
    let found = app.search("lat=45.5&lon=-122.6&radius_mi=10").await;
    assert!((found.radius_km.unwrap() - 16.09344).abs() < 1e-9);
}

#[actix_rt::test]
async fn places_suggests_the_most_populous_matches_first() {
    let app = spawn_app().await;
    let places: Vec<Place> = app.get("/api/v1/places?q=Seat").await.json();
    assert_eq!(places[0].label, "Seattle, WA");
    let places: Vec<Place> = app.get("/api/v1/places?q=portland%2C%20me&limit=3").await.json();
    assert_eq!(places[0].label, "Portland, ME");
    let places: Vec<Place> = app.get("/api/v1/places?q=972").await.json();
    assert!(places.iter().all(|place| place.label.starts_with("972")), "{places:?}");
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
    let licensed = ListingBuilder::new().licensed_in(&["US-WA"]).insert_public(&app);
    let elsewhere = ListingBuilder::new().licensed_in(&["US-OR"]).insert_public(&app);
    let in_person = ListingBuilder::new().offering_telehealth(false).licensed_in(&["US-WA"]).insert_public(&app);
    let far_away = ListingBuilder::new().at(25.76, -80.19).licensed_in(&["US-WA"]).insert_public(&app);
    app.wait_until_searchable([&licensed, &elsewhere, &in_person, &far_away]).await;

    let found = app.search("telehealth=true&licensed_in=US-WA").await;

    assert!(found.center.is_none());
    assert_eq!(found.total, 2);
    assert_eq!(found.ids(), [licensed.listing_id, far_away.listing_id]);
    assert_eq!(found.results[0].distance_km, None);
}

#[actix_rt::test]
async fn search_shows_only_public_listings_and_follows_every_change_at_once() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let near_portland = "near=97201";

    let submitted = app.submit(&ListingBuilder::new().build()).await;
    assert_eq!(app.search(near_portland).await.total, 0);

    app.approve(&moderator, submitted.submission_id).await;
    let reply = app.get(&format!("/api/v1/clinicians?{near_portland}")).await;
    assert_eq!(reply.json::<SearchReply>().total, 1);
    assert!(!reply.text.contains("contact_email"));

    let renamed = ListingBuilder::new().named("Dr. Renamed").build();
    let edit = app.manage("PUT", &submitted.token, Some(&renamed)).await;
    assert_eq!(app.search(near_portland).await.results[0].full_name, "Dr. Rowan Whitfield");
    app.approve(&moderator, edit.json::<EditReceived>().submission_id).await;
    assert_eq!(app.search(near_portland).await.results[0].full_name, "Dr. Renamed");

    app.suspend(&moderator, submitted.listing_id, "check").await;
    assert_eq!(app.search(near_portland).await.total, 0);
    app.reinstate(&moderator, submitted.listing_id, "checked").await;
    assert_eq!(app.search(near_portland).await.total, 1);

    app.manage("DELETE", &submitted.token, None).await;
    assert_eq!(app.search(near_portland).await.total, 0);
}

#[actix_rt::test]
async fn another_instance_on_the_same_database_catches_up() {
    let app = spawn_app().await;
    let other = spawn_app_on(app.database.clone()).await;
    let moderator = app.login_moderator("mira").await;

    app.publish(&moderator, &ListingBuilder::new().build()).await;

    other.get_until("/api/v1/clinicians?near=97201", |reply| reply.json::<SearchReply>().total == 1).await;
}

#[actix_rt::test]
async fn an_instance_started_on_a_database_with_public_listings_finds_every_one() {
    let app = spawn_app().await;
    let inserted = app.insert_public((0..8).map(|_| ListingBuilder::new().build()));
    let (withdrawn, published) = inserted.split_last().unwrap();
    app.manage("DELETE", &withdrawn.manage_token, None).await;

    // The index is loaded before the new instance answers, by two readers
    // that each take half of the ids.
    let restarted = spawn_app_on(app.database.clone()).await;
    let found = restarted.search("near=97201&limit=100").await;
    let mut found_ids = found.ids();
    found_ids.sort_unstable();
    let mut published_ids: Vec<i64> = published.iter().map(|loaded| loaded.listing_id).collect();
    published_ids.sort_unstable();
    assert_eq!(found_ids, published_ids);
    assert_eq!(found.total, 7);
}
