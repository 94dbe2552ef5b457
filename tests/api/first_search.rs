//! A patient's first search: places as people type them, the "Which
//! Springfield?" question, close spellings, results that read at a glance,
//! and urgent help for the country searched.

use std::collections::HashSet;

use benzowise::error::Problem;
use benzowise::i18n::Lang;
use benzowise::t;
use regex::Regex;
use serde_json::Value;

use crate::helpers::{spawn_app, ListingBuilder, TestApp};

fn encoded(pairs: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish()
}

/// The centre a search from `near` lands on, as `label [region]`.
async fn landed(app: &TestApp, near: &str) -> String {
    let reply = app.get(&format!("/api/v1/clinicians?{}", encoded(&[("near", near)]))).await;
    assert_eq!(reply.status, 200, "{near}: {}", reply.text);
    let center = &reply.json::<Value>()["center"];
    format!("{} [{}]", center["label"].as_str().unwrap_or(""), center["region"].as_str().unwrap_or(""))
}

#[actix_rt::test]
async fn places_are_found_however_they_are_typed() {
    let app = spawn_app().await;
    let typed = [
        ("Seattle WA", "Seattle, WA [US-WA]"),
        ("seattle, washington", "Seattle, WA [US-WA]"),
        ("  SEATTLE ,  wa ", "Seattle, WA [US-WA]"),
        ("Portland, Oregon", "Portland, OR [US-OR]"),
        ("portland or", "Portland, OR [US-OR]"),
        ("Marfa Texas", "Marfa, TX [US-TX]"),
        ("Saint Louis MO", "St. Louis, MO [US-MO]"),
        ("St. Louis, MO", "St. Louis, MO [US-MO]"),
        ("Ft Worth, TX", "Fort Worth, TX [US-TX]"),
        ("Fort Worth Texas", "Fort Worth, TX [US-TX]"),
        ("Mt. Vernon, WA", "Mount Vernon, WA [US-WA]"),
        ("New York", "New York City, NY [US-NY]"),
        ("NYC", "New York City, NY [US-NY]"),
        ("LA", "Los Angeles, CA [US-CA]"),
        ("DC", "Washington, DC [US-DC]"),
        ("Washington DC", "Washington, DC [US-DC]"),
        ("Toronto, Ontario", "Toronto, Ontario [CA-ON]"),
        ("halifax nova scotia", "Halifax, Nova Scotia [CA-NS]"),
        ("Québec, QC", "Québec, Quebec [CA-QC]"),
        ("Cardiff, Wales", "Cardiff, Wales [GB-WLS]"),
        ("Belfast Northern Ireland", "Belfast, Northern Ireland [GB-NIR]"),
        ("Perth, Western Australia", "Perth, Western Australia [AU-WA]"),
        ("Brisbane QLD", "Brisbane, Queensland [AU-QLD]"),
        ("Santa Fe, Nuevo México", "Santa Fe, NM [US-NM]"),
        ("79843", "79843 [US-TX]"),
        ("79843-1234", "79843 [US-TX]"),
        ("Portland, OR 97201", "97201 [US-OR]"),
        ("M5V 2T6", "M5V 2T6 [CA-ON]"),
        ("h2x1y4", "H2X 1Y4 [CA-QC]"),
        ("SW1A 1AA", "SW1A 1AA [GB-ENG]"),
        ("EH1", "EH1 [GB-SCT]"),
        ("2000", "2000 [AU-NSW]"),
        ("Melbourne VIC 3000", "3000 [AU-VIC]"),
    ];
    let mut wrong = Vec::new();
    for (near, want) in typed {
        let got = landed(&app, near).await;
        if got != want {
            wrong.push(format!("{near:?} → {got} (want {want})"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The `near` error of a search's 422 problem.
async fn near_error(app: &TestApp, near: &str) -> benzowise::error::FieldError {
    let reply = app.get(&format!("/api/v1/clinicians?{}", encoded(&[("near", near)]))).await;
    assert_eq!(reply.status, 422, "{near}: {}", reply.text);
    let problem: Problem = reply.json();
    assert_eq!(problem.errors.len(), 1, "{}", reply.text);
    problem.errors.into_iter().next().unwrap()
}

fn labels(error: &benzowise::error::FieldError) -> Vec<&str> {
    error.candidates.iter().map(|place| place.label.as_str()).collect()
}

#[actix_rt::test]
async fn a_name_several_towns_share_is_a_422_naming_near_with_the_candidates() {
    let app = spawn_app().await;
    let springfield = near_error(&app, "Springfield").await;
    assert_eq!(springfield.field, "near");
    assert_eq!(labels(&springfield)[..3], ["Springfield, MO", "Springfield, MA", "Springfield, IL"]);
    assert!(springfield.message.contains("could be several places"), "{}", springfield.message);
    let portland = near_error(&app, "Portland").await;
    assert_eq!(labels(&portland)[..2], ["Portland, OR", "Portland, ME"]);
    // Each candidate's label finds it.
    for label in labels(&springfield) {
        assert_eq!(landed(&app, label).await.split(" [").next(), Some(label));
    }
}

#[actix_rt::test]
async fn a_misspelt_place_is_a_422_with_close_spellings_and_an_unknown_one_says_what_works() {
    let app = spawn_app().await;
    let portland = near_error(&app, "Portlnd, OR").await;
    assert_eq!(labels(&portland).first(), Some(&"Portland, OR"));
    assert!(portland.message.contains("did you mean Portland, OR"), "{}", portland.message);
    let seattle = near_error(&app, "Seatle WA").await;
    assert_eq!(labels(&seattle).first(), Some(&"Seattle, WA"));
    let nowhere = near_error(&app, "Xqzzyxville").await;
    assert!(nowhere.candidates.is_empty());
    assert!(nowhere.message.contains("a Canadian postal code"), "{}", nowhere.message);
    let belfast = near_error(&app, "BT1 1AA").await;
    assert!(belfast.message.contains("Northern Ireland"), "{}", belfast.message);
}

/// A page, in `lang` as a reader who chose it would see it.
async fn page_in(app: &TestApp, lang: Lang, path: &str) -> (u16, String) {
    let prefix = if lang == Lang::En { String::new() } else { format!("/{}", lang.code()) };
    let reply = app.get(&format!("{prefix}{path}")).await;
    (reply.status, reply.text)
}

/// Every `href` of a page, unescaped.
fn links(page: &str) -> Vec<String> {
    let href = Regex::new(r#"href="([^"]*)""#).unwrap();
    href.captures_iter(page).map(|found| found[1].replace("&amp;", "&")).collect()
}

#[actix_rt::test]
async fn which_springfield_lists_the_candidates_each_keeping_the_other_choices() {
    let app = spawn_app().await;
    for lang in Lang::ALL {
        let (status, page) = page_in(&app, lang, "/search?near=Springfield&radius=50&unit=mi&prescriber=true").await;
        assert_eq!(status, 200);
        assert!(page.contains(&t!(lang, "search-which-title", place = "Springfield")), "{page}");
        let missouri = if lang == Lang::En { "Springfield, Missouri" } else { "Springfield, Misuri" };
        assert!(page.contains(missouri), "the region by name: {page}");
        let choices: Vec<String> =
            links(&page).into_iter().filter(|href| href.contains("near=Springfield%2C")).collect();
        assert!(choices.len() >= 4, "{choices:?}");
        assert!(choices[0].contains("near=Springfield%2C+MO"), "the largest first: {choices:?}");
        assert!(
            choices.iter().all(|href| href.contains("prescriber=true") && href.contains("radius=50")),
            "{choices:?}"
        );
        let (status, chosen) = page_in(&app, lang, choices[0].trim_start_matches("/es")).await;
        assert_eq!(status, 200);
        assert!(chosen.contains(&t!(lang, "search-results-near", place = missouri)), "{chosen}");
    }
}

#[actix_rt::test]
async fn a_misspelt_place_on_the_page_offers_close_spellings_as_links() {
    let app = spawn_app().await;
    for lang in Lang::ALL {
        let (status, page) = page_in(&app, lang, "/search?near=Portlnd%2C+OR&accepting=true").await;
        assert_eq!(status, 422);
        assert!(page.contains(&t!(lang, "search-did-you-mean")), "{page}");
        let portland = links(&page).into_iter().find(|href| href.contains("near=Portland%2C+OR")).expect("a link");
        assert!(portland.contains("accepting=true"), "{portland}");
    }
}

#[actix_rt::test]
async fn a_zip_search_names_its_town_and_a_point_names_the_nearest() {
    let app = spawn_app().await;
    for lang in Lang::ALL {
        let texas = benzowise::views::words::region(lang, "US-TX");
        let (_, zip) = page_in(&app, lang, "/search?near=79843&radius=25&unit=mi").await;
        let marfa = format!("Marfa, {texas} (79843)");
        assert!(zip.contains(&t!(lang, "search-results-near", place = marfa)), "{zip}");
        let (_, point) = page_in(&app, lang, "/search?lat=30.3095&lon=-104.0206&radius=25&unit=mi").await;
        assert!(point.contains(&t!(lang, "search-results-near", place = format!("Marfa, {texas}"))), "{point}");
    }
}

#[actix_rt::test]
async fn results_show_chips_for_choices_and_phone_links_and_no_one_twice() {
    let app = spawn_app().await;
    let listings = app.insert_public([
        ListingBuilder::new()
            .named("Dr. Near One")
            .near("97201")
            .approaches(&["micro_taper"])
            .licensed_in(&["US-OR"])
            .build(),
        ListingBuilder::new()
            .named("Dr. Near Two")
            .near("97201")
            .approaches(&["micro_taper"])
            .licensed_in(&["US-OR"])
            .build(),
        // Far from Portland, licensed in Oregon: beyond the radius.
        ListingBuilder::new()
            .named("Dr. Far Telehealth")
            .near("79843")
            .approaches(&["micro_taper"])
            .licensed_in(&["US-OR"])
            .build(),
    ]);
    app.wait_until_searchable(&listings).await;
    let (status, page) =
        page_in(&app, Lang::En, "/search?near=97201&radius=10&unit=mi&approach=micro_taper&telehealth=true").await;
    assert_eq!(status, 200);
    // Chips: each takes its own choice off and keeps the others.
    let hrefs = links(&page);
    let without_approach = hrefs
        .iter()
        .find(|href| href.contains("telehealth=true") && !href.contains("approach") && href.contains("near=97201"));
    assert!(without_approach.is_some(), "a chip for the approach: {hrefs:?}");
    assert!(page.contains("Micro-taper") && page.contains("Remove"), "{page}");
    assert!(page.contains(&t!(Lang::En, "search-form-more-chosen", count = 2, total = "2")), "the count of choices");
    // The form comes before the first result.
    assert!(page.find("role=\"search\"") < page.find("Dr. Near One"), "the form above the results");
    // Phones.
    assert!(page.contains(r#"href="tel:5035550100""#), "a tel: link on the card");
    // Telehealth beyond the radius, and nobody twice.
    assert!(page.contains("Dr. Far Telehealth"), "licensed in Oregon, beyond 10 miles");
    let card = Regex::new(r#"href="/clinicians/(\d+)\?"#).unwrap();
    let ids: Vec<&str> = card.captures_iter(&page).map(|found| found.get(1).unwrap().as_str()).collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len(), "no one twice: {ids:?}");
    assert!(page.contains(&t!(Lang::En, "search-licensed-above", count = 2, total = "2", region = "Oregon")), "{page}");
}

#[actix_rt::test]
async fn with_nobody_near_there_is_no_map_and_the_advice_names_the_choices_made() {
    let app = spawn_app().await;
    let remote =
        ListingBuilder::new().named("Dr. Remote Texas").near("97201").licensed_in(&["US-TX"]).insert_public(&app);
    app.wait_until_searchable([&remote]).await;
    let (_, none_chosen) = page_in(&app, Lang::En, "/search?near=79843&radius=5&unit=mi").await;
    let map = none_chosen.find("map-without-results").expect("the map, for wide screens");
    assert!(none_chosen.find("class=\"card\"").is_some_and(|card| card < map), "no map above the first result");
    assert!(none_chosen.contains(&t!(Lang::En, "search-results-empty-none-chosen")));
    let licensed = none_chosen.find("By telehealth, licensed in Texas").expect("telehealth licensed there");
    let beyond = none_chosen.find(&t!(Lang::En, "search-beyond-heading")).expect("the nearest beyond");
    assert!(licensed < beyond, "telehealth licensed there comes first");
    let (_, chosen) = page_in(&app, Lang::En, "/search?near=79843&radius=5&unit=mi&approach=liquid_titration").await;
    assert!(
        chosen.contains(&t!(Lang::En, "search-results-empty-remove")) && chosen.contains("Liquid titration"),
        "{chosen}"
    );
}

/// The `tel:` links of a page's urgent help.
fn urgent_numbers(page: &str) -> Vec<String> {
    let start = page.find("class=\"urgent\"").expect("urgent help");
    let section = &page[start..start + page[start..].find("</section>").unwrap()];
    let tel = Regex::new(r#"href="(tel:[^"]*)""#).unwrap();
    tel.captures_iter(section).map(|found| found[1].to_string()).collect()
}

#[actix_rt::test]
async fn urgent_help_gives_the_numbers_of_the_country_searched_on_every_page() {
    let app = spawn_app().await;
    let countries = [
        ("97201", vec!["tel:911", "tel:988", "tel:+18006624357"]),
        ("Toronto, Ontario", vec!["tel:911", "tel:988"]),
        ("Leeds, England", vec!["tel:999", "tel:111", "tel:116123"]),
        ("Sydney, NSW", vec!["tel:000", "tel:131114"]),
    ];
    for lang in Lang::ALL {
        for (near, numbers) in &countries {
            let (_, page) = page_in(&app, lang, &format!("/search?{}", encoded(&[("near", near)]))).await;
            assert_eq!(urgent_numbers(&page), *numbers, "{near} in {lang:?}");
            assert!(page.contains(&t!(lang, "urgent-advice")), "the advice, in the page's language");
            assert_eq!(page.matches("class=\"urgent\"").count(), 2, "at the top and in the footer");
        }
    }
    let toronto =
        ListingBuilder::new().in_city("Toronto", "ON").with("country", serde_json::json!("CA")).without("npi");
    let toronto = toronto.licensed_in(&["CA-ON"]).insert_public(&app);
    let (_, profile) = page_in(&app, Lang::Es, &format!("/clinicians/{}", toronto.listing_id)).await;
    assert_eq!(urgent_numbers(&profile), ["tel:911", "tel:988"], "a profile: its country's");
    for path in ["/", "/questions", "/history", "/submit"] {
        for lang in Lang::ALL {
            let (_, page) = page_in(&app, lang, path).await;
            assert_eq!(urgent_numbers(&page), ["tel:911", "tel:988", "tel:+18006624357"], "{path}: the default");
        }
    }
    let british = app.request("GET", "/questions", &[("accept-language", "en-GB,en;q=0.9")], None).await;
    assert_eq!(urgent_numbers(&british.text), ["tel:999", "tel:111", "tel:116123"], "the visitor's country");
    let australian = app.request("GET", "/", &[("accept-language", "es-AU")], None).await;
    assert_eq!(urgent_numbers(&australian.text), ["tel:000", "tel:131114"]);
}

#[actix_rt::test]
async fn a_profile_links_back_to_the_search_it_came_from_and_to_the_sheets() {
    let app = spawn_app().await;
    let listing = ListingBuilder::new().insert_public(&app);
    app.wait_until_searchable([&listing]).await;
    let (_, results) = page_in(&app, Lang::Es, "/search?near=97201&radius=25&unit=mi&prescriber=true").await;
    let card =
        links(&results).into_iter().find(|href| href.starts_with(&format!("/es/clinicians/{}?", listing.listing_id)));
    let (_, profile) = page_in(&app, Lang::Es, card.expect("a card").trim_start_matches("/es")).await;
    let hrefs = links(&profile);
    let back = hrefs.iter().find(|href| href.starts_with("/es/search?")).expect("back to the results");
    assert!(back.contains("near=97201") && back.contains("prescriber=true"), "{back}");
    assert!(hrefs.iter().any(|href| href == "/es/questions") && hrefs.iter().any(|href| href == "/es/history"));
    assert!(profile.contains("data-print"), "a print button");
    let (_, plain) = page_in(&app, Lang::En, &format!("/clinicians/{}?near=%3Cscript%3E", listing.listing_id)).await;
    assert!(!plain.contains("<script>") && plain.contains("/search?near=%3Cscript%3E"), "only encoded parameters");
}
