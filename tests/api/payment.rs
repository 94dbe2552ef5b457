//! What a patient can pay with: on the listing, in every export, and as a
//! search filter (the filter's oracle is in `search`).

use benzowise::app::listings::PublicListing;
use benzowise::app::seed::{self, SeedBatch};
use benzowise::db::schema::{listing_summaries, listings};
use benzowise::domain::payment::PriceRange;
use benzowise::places::Gazetteer;
use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, ListingBuilder, FORM};

const EVERY_WAY_TO_PAY: [&str; 7] =
    ["medicare", "medicaid", "private_insurance", "tricare", "self_pay", "sliding_scale", "free_care"];

fn paying_listing() -> ListingBuilder {
    ListingBuilder::new()
        .paid_by(&EVERY_WAY_TO_PAY)
        .with("insurers", json!(["Blue Cross, Blue Shield", "Aetna"]))
        .with("self_pay_first_visit", json!({"min": 150, "max": 250}))
        .with("self_pay_follow_up", json!({"min": 90, "max": 90}))
}

#[actix_rt::test]
async fn every_way_to_pay_and_the_prices_reach_the_clinician_and_the_public() {
    let app = spawn_app().await;
    let submitted = app.submit(&paying_listing().build()).await;
    let sent = app.manage_status(&submitted.token).await.listing.expect("the sent version");
    assert_eq!(sent.payment_options, EVERY_WAY_TO_PAY);
    assert_eq!(sent.insurers, ["Blue Cross, Blue Shield", "Aetna"]);

    let public = paying_listing().insert_public(&app);
    let listing: PublicListing = app.public_listing(public.listing_id).await.json();
    assert_eq!(listing.payment_options, EVERY_WAY_TO_PAY);
    assert_eq!(listing.self_pay_first_visit, Some(PriceRange { min: 150, max: 250 }));
    assert_eq!(listing.self_pay_follow_up, Some(PriceRange { min: 90, max: 90 }));
    let page = app.get(&format!("/clinicians/{}", public.listing_id)).await.text;
    assert!(page.contains("$150–$250") && page.contains("$90"), "the profile shows the prices in dollars");
    assert!(page.contains("TRICARE (military insurance)") && page.contains("Blue Cross, Blue Shield"));
}

#[actix_rt::test]
async fn bad_codes_prices_and_insurers_are_422s_naming_the_field() {
    let app = spawn_app().await;
    let cases = [
        (ListingBuilder::new().paid_by(&["cash", "medicaid"]), "payment_options"),
        (paying_listing().with("self_pay_first_visit", json!({"min": 300, "max": 200})), "self_pay_first_visit.max"),
        (paying_listing().with("self_pay_follow_up", json!({"min": -5, "max": 20})), "self_pay_follow_up.min"),
        (paying_listing().with("self_pay_follow_up", json!({"min": 5, "max": 100001})), "self_pay_follow_up.max"),
        (paying_listing().with("self_pay_follow_up", json!({"min": 5})), "self_pay_follow_up.max"),
        (paying_listing().with("self_pay_follow_up", json!({"min": "5", "max": 9})), "self_pay_follow_up.min"),
        (paying_listing().with("insurers", json!(["A"])), "insurers"),
        (
            paying_listing().with("insurers", json!((0..21).map(|n| format!("Insurer {n}")).collect::<Vec<_>>())),
            "insurers",
        ),
        (ListingBuilder::new().paid_by(&["medicaid"]).with("insurers", json!(["Aetna"])), "insurers"),
        (
            ListingBuilder::new().paid_by(&["medicaid"]).with("self_pay_first_visit", json!({"min": 1, "max": 2})),
            "self_pay_first_visit",
        ),
    ];
    for (listing, field) in cases {
        let reply = app.post_json("/api/v1/submissions", &listing.build()).await;
        assert_eq!(reply.status, 422, "{field}: {}", reply.text);
        assert!(reply.error_fields().iter().any(|named| named == field), "{field}: {}", reply.text);
    }
    let search = app.get("/api/v1/clinicians?near=97201&payment=cash").await;
    assert_eq!(search.status, 422);
    assert_eq!(search.error_fields(), ["payment"]);
}

#[actix_rt::test]
async fn a_listing_from_before_payment_was_asked_stays_public_and_says_ask_the_practice() {
    let app = spawn_app().await;
    let loaded = ListingBuilder::new().insert_public(&app);
    let mut conn = app.connect();
    let without_payment = |json: String| {
        let mut value: Value = serde_json::from_str(&json).unwrap();
        for field in ["payment_options", "insurers", "self_pay_first_visit", "self_pay_follow_up"] {
            value.as_object_mut().unwrap().remove(field);
        }
        value.to_string()
    };
    let content: Option<String> =
        listings::table.find(loaded.listing_id).select(listings::content).first(&mut conn).unwrap();
    diesel::update(listings::table.find(loaded.listing_id))
        .set(listings::content.eq(without_payment(content.unwrap())))
        .execute(&mut conn)
        .unwrap();
    let summary: String =
        listing_summaries::table.find(loaded.listing_id).select(listing_summaries::summary).first(&mut conn).unwrap();
    diesel::update(listing_summaries::table.find(loaded.listing_id))
        .set(listing_summaries::summary.eq(without_payment(summary)))
        .execute(&mut conn)
        .unwrap();

    let listing: PublicListing = app.public_listing(loaded.listing_id).await.json();
    assert!(listing.payment_options.is_empty() && listing.self_pay_first_visit.is_none());
    let page = app.get(&format!("/clinicians/{}", loaded.listing_id)).await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Ask the practice"), "{}", page.text);
}

#[actix_rt::test]
async fn the_form_takes_payment_and_shows_it_again_for_editing() {
    let app = spawn_app().await;
    let fields = [
        ("full_name", "Dr. Ines Carvalho"),
        ("profession", "physician"),
        ("specialty", "psychiatry"),
        ("city", "Portland"),
        ("region", "OR"),
        ("postal_code", "97201"),
        ("contact_email", "ines@example.org"),
        ("payment_options", "medicare"),
        ("payment_options", "self_pay"),
        ("payment_options", "private_insurance"),
        ("insurers", "Blue Cross, Blue Shield\r\nKaiser Permanente\r\n"),
        ("self_pay_first_visit.min", "120"),
        ("self_pay_first_visit.max", "200"),
    ];
    let reply = app.post_form("/submit", &fields).await;
    assert_eq!(reply.status, 201, "{}", reply.text);
    let link = reply.text.split("/manage/").nth(1).and_then(|rest| rest.split('"').next()).expect("a manage link");
    let status = app.manage_status(link).await;
    let sent = status.listing.expect("the sent version");
    assert_eq!(sent.payment_options, ["medicare", "private_insurance", "self_pay"]);
    assert_eq!(sent.insurers, ["Blue Cross, Blue Shield", "Kaiser Permanente"]);
    assert_eq!(sent.self_pay_first_visit, Some(PriceRange { min: 120, max: 200 }));

    let edit_page = app.get(&format!("/manage/{link}")).await.text;
    assert!(edit_page.contains(r#"name="self_pay_first_visit.max" value="200""#), "{edit_page}");
    assert!(edit_page.contains(r#"value="self_pay" checked"#), "{edit_page}");

    let bad = [fields.as_slice(), &[("self_pay_follow_up.min", "40"), ("self_pay_follow_up.max", "ten")]].concat();
    let reply = app.request("POST", "/submit", &[FORM], Some(crate::helpers::form_body(&bad))).await;
    assert_eq!(reply.status, 422);
    assert!(reply.text.contains("self_pay_follow_up.max"), "the form names the bad price");
}

#[actix_rt::test]
async fn payment_survives_a_csv_export_and_seed() {
    let app = spawn_app().await;
    paying_listing().insert_public(&app);
    ListingBuilder::new().named("Dr. Plain Fees").insert_public(&app);
    let exported = seed::export_csv(benzowise::app::listings::all_public(&mut app.connect()).unwrap()).unwrap();

    // An export is public, so the private contact email a seed needs is added back.
    let mut rows = csv::Reader::from_reader(exported.as_bytes());
    let mut with_contact = csv::Writer::from_writer(Vec::new());
    with_contact.write_record(rows.headers().unwrap().iter().chain(["contact_email"])).unwrap();
    for row in rows.records() {
        with_contact.write_record(row.unwrap().iter().chain(["office@example.org"])).unwrap();
    }
    let batch = SeedBatch::from_csv(&String::from_utf8(with_contact.into_inner().unwrap()).unwrap()).unwrap();
    let parsed = batch.parse(Gazetteer::shared()).unwrap();
    let by_name = |name: &str| parsed.iter().find(|listing| listing.content().full_name == name).unwrap().content();
    let again = by_name("Dr. Rowan Whitfield");
    assert_eq!(again.payment_options, EVERY_WAY_TO_PAY);
    assert_eq!(again.insurers, ["Blue Cross, Blue Shield", "Aetna"]);
    assert_eq!(again.self_pay_first_visit, Some(PriceRange { min: 150, max: 250 }));
    assert_eq!(again.self_pay_follow_up, Some(PriceRange { min: 90, max: 90 }));
    assert!(by_name("Dr. Plain Fees").payment_options.is_empty());
}

#[actix_rt::test]
async fn a_search_by_ways_to_pay_finds_listings_that_take_any_of_them() {
    let app = spawn_app().await;
    let listings = [
        ("Dr. Medicare Only", vec!["medicare"]),
        ("Dr. Free Care", vec!["free_care"]),
        ("Dr. Both", vec!["medicare", "free_care"]),
        ("Dr. Cash", vec!["self_pay"]),
        ("Dr. Unsaid", vec![]),
    ];
    let inserted = app.insert_public(
        listings
            .iter()
            .map(|(name, codes)| ListingBuilder::new().named(name).at(45.52, -122.68).paid_by(codes).build()),
    );
    app.wait_until_searchable(&inserted).await;
    let names = |codes: &[&str]| {
        let mut names: Vec<&str> = listings
            .iter()
            .filter(|(_, taken)| taken.iter().any(|code| codes.contains(code)))
            .map(|(name, _)| *name)
            .collect();
        names.sort_unstable();
        names
    };
    for codes in [vec!["medicare"], vec!["medicare", "free_care"], vec!["tricare"], vec!["self_pay", "free_care"]] {
        let query: String = codes.iter().map(|code| format!("&payment={code}")).collect();
        let found = app.search(&format!("lat=45.52&lon=-122.68&radius_km=5{query}")).await;
        let ids = found.ids();
        let mut found_names: Vec<&str> = inserted
            .iter()
            .filter(|loaded| ids.contains(&loaded.listing_id))
            .map(|loaded| listings.iter().find(|(name, _)| *name == loaded.full_name).unwrap().0)
            .collect();
        found_names.sort_unstable();
        assert_eq!(found_names, names(&codes), "payment {codes:?}");
        assert_eq!(found.total, names(&codes).len());
    }
}

#[actix_rt::test]
async fn result_cards_say_how_to_pay() {
    let app = spawn_app().await;
    let listings = app.insert_public([
        ListingBuilder::new().named("Dr. Takes Medicaid").near("97201").paid_by(&["medicaid", "sliding_scale"]).build(),
        ListingBuilder::new().named("Dr. Says Nothing").near("97201").build(),
    ]);
    app.wait_until_searchable(&listings).await;
    let page = app.get("/search?near=97201&radius=5&unit=mi").await.text;
    // Past the map, whose pins also carry the names.
    let card =
        |name: &str| page.split("<li class=\"card\">").skip(1).find(|card| card.contains(name)).unwrap().to_string();
    assert!(card("Dr. Takes Medicaid").contains("Payment: Medicaid, Sliding-scale fees"));
    assert!(card("Dr. Says Nothing").contains("Payment: ask the practice"));
}
