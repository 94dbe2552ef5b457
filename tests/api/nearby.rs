//! When few are near: the nearest beyond the radius and the telehealth
//! clinicians licensed in the searched place's region, on the results page
//! itself; and names instead of codes on pages.

use benzowise::i18n::Lang;
use benzowise::t;
use benzowise::views::words;

use crate::helpers::{spawn_app, ListingBuilder, TestApp};

/// Marfa, TX: far from everyone in these tests.
const MARFA: &str = "79843";

/// The results page for `query`, in `lang` as a reader who chose it would see it.
async fn results_page_in(app: &TestApp, lang: Lang, query: &str) -> String {
    let prefix = if lang == Lang::En { String::new() } else { format!("/{}", lang.code()) };
    let reply = app.get(&format!("{prefix}/search?{query}")).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    reply.text
}

async fn results_page(app: &TestApp, query: &str) -> String {
    results_page_in(app, Lang::En, query).await
}

/// The text of the section headed `heading` up to the next section.
fn section<'a>(page: &'a str, heading: &str) -> &'a str {
    let start = page.find(heading).unwrap_or_else(|| panic!("a section headed {heading:?}"));
    let rest = &page[start..];
    &rest[..rest[1..].find("<section").map_or(rest.len(), |end| end + 1)]
}

#[actix_rt::test]
async fn a_search_with_no_one_near_shows_the_nearest_beyond_and_telehealth_in_the_state() {
    few_near_shows_more(Lang::En).await;
}

#[actix_rt::test]
async fn the_same_in_spanish() {
    few_near_shows_more(Lang::Es).await;
}

/// What the home form without JavaScript sends from Marfa, and what the patient then reads, in `lang`.
async fn few_near_shows_more(lang: Lang) {
    let app = spawn_app().await;
    let listings = app.insert_public([
        // In Texas, far from Marfa: Alpine is near, El Paso further, Austin far.
        ListingBuilder::new().named("Dr. Alpine Near").in_city("Alpine", "TX").offering_telehealth(false).build(),
        ListingBuilder::new().named("Dr. El Paso").in_city("El Paso", "TX").offering_telehealth(false).build(),
        ListingBuilder::new()
            .named("Dr. Therapist Alpine")
            .in_city("Alpine", "TX")
            .profession("therapist")
            .specialty("psychotherapy")
            .build(),
        // In Oregon, licensed for telehealth in Texas.
        ListingBuilder::new()
            .named("Dr. Remote Texas")
            .near("97201")
            .offering_telehealth(true)
            .licensed_in(&["US-TX"])
            .build(),
        ListingBuilder::new()
            .named("Dr. Remote Oregon")
            .near("97201")
            .offering_telehealth(true)
            .licensed_in(&["US-OR"])
            .build(),
    ]);
    app.wait_until_searchable(&listings).await;

    let page = results_page_in(&app, lang, &format!("near={MARFA}&radius=5&unit=mi&prescriber=true")).await;
    assert!(page.contains(&lang.t("search-results-none")), "nobody within 5 miles");
    let beyond = section(&page, &lang.t("search-beyond-heading"));
    let alpine = beyond.find("Dr. Alpine Near").expect("the nearest prescriber beyond the radius");
    let el_paso = beyond.find("Dr. El Paso").expect("the next one");
    assert!(alpine < el_paso, "nearest first");
    let miles = if lang == Lang::En { "miles (" } else { "millas (" };
    assert!(beyond.contains(miles) && beyond.contains(" km)"), "with their distance");
    assert!(!beyond.contains("Dr. Therapist Alpine"), "the prescriber filter still holds");

    let texas = words::region(lang, "US-TX");
    let telehealth = section(&page, &t!(lang, "search-licensed-heading", region = texas.clone()));
    assert!(telehealth.contains("Dr. Remote Texas"));
    assert!(!telehealth.contains("Dr. Remote Oregon"), "licensed elsewhere");
    let prefix = if lang == Lang::En { String::new() } else { format!("/{}", lang.code()) };
    let link = telehealth
        .split("href=\"")
        .filter_map(|rest| rest.split('"').next())
        .find(|href| href.starts_with(&format!("{prefix}/search?")))
        .expect("a link to all of them, in the same language");
    let link = link.replace("&amp;", "&");
    assert!(link.contains("licensed_in=US-TX") && link.contains("telehealth=true") && link.contains("prescriber=true"));
    assert!(!link.contains("near="), "the list of all is by licence, not distance: {link}");
    let all = results_page_in(&app, lang, link.split_once("/search?").map_or("", |(_, query)| query)).await;
    assert!(all.contains(&t!(lang, "search-results-licensed", region = texas)) && all.contains("Dr. Remote Texas"));
}

#[actix_rt::test]
async fn a_search_that_finds_enough_adds_nothing() {
    let app = spawn_app().await;
    let listings = app.insert_public((0..3).map(|number| {
        ListingBuilder::new().named(&format!("Dr. Portland {number}")).near("97201").licensed_in(&["US-OR"]).build()
    }));
    app.wait_until_searchable(&listings).await;
    let page = results_page(&app, "near=97201&radius=25&unit=mi").await;
    assert!(page.contains("Showing 1–3 of 3 clinicians"));
    assert!(!page.contains("The nearest a little further away") && !page.contains("By telehealth, licensed in"));
}

#[actix_rt::test]
async fn the_api_says_which_region_a_search_is_centred_in() {
    let app = spawn_app().await;
    for (near, region) in [(MARFA, Some("US-TX")), ("Toronto, CA", Some("CA-ON")), ("Paris, FR", None)] {
        let query = url::form_urlencoded::Serializer::new(String::new()).append_pair("near", near).finish();
        let reply = app.get(&format!("/api/v1/clinicians?{query}")).await.json::<serde_json::Value>();
        assert_eq!(reply["center"]["region"].as_str(), region, "{near}");
    }
    let by_point = app.get("/api/v1/clinicians?lat=30.3095&lon=-104.0206").await.json::<serde_json::Value>();
    assert_eq!(by_point["center"]["region"], "US-TX", "a point in Marfa is in Texas");
}

#[actix_rt::test]
async fn pages_name_languages_regions_and_countries() {
    let app = spawn_app().await;
    let listing = ListingBuilder::new().insert_public(&app);
    let profile = app.get(&format!("/clinicians/{}", listing.listing_id)).await.text;
    assert!(profile.contains("licensed in Oregon, Washington"), "not US-OR, US-WA");
    assert!(profile.contains("English, Spanish"), "not en, es");
    assert!(profile.contains("Portland, Oregon, United States"));

    let home = app.get("/").await.text;
    assert!(home.contains(r#"<optgroup label="Canada">"#) && home.contains(r#"<option value="CA-QC">Quebec</option>"#));
    let searched = results_page(&app, "licensed_in=US-WA&telehealth=true").await;
    assert!(searched.contains(r#"<option value="US-WA" selected>Washington</option>"#));
    assert!(searched.contains("Telehealth clinicians licensed in Washington"));
}
