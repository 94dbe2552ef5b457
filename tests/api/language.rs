//! Pages in the reader's language: the browser's preference until the person
//! chooses, a chosen language kept in links and for the visit, alternates
//! named, error pages and the vocabulary in Spanish.

use benzowise::i18n::Lang;
use serde_json::Value;

use crate::helpers::{spawn_app, ListingBuilder, TestApp};

async fn page(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> crate::helpers::Reply {
    app.request("GET", path, headers, None).await
}

fn html_lang(page: &str) -> &str {
    let start = page.find("<html lang=\"").expect("an <html lang>") + "<html lang=\"".len();
    &page[start..start + page[start..].find('"').expect("a closing quote")]
}

#[actix_rt::test]
async fn the_browser_chooses_until_the_person_does() {
    let app = spawn_app().await;

    let english = page(&app, "/", &[]).await;
    assert_eq!(html_lang(&english.text), "en");
    assert!(english.text.contains(&Lang::En.t("site-nav-find")));

    let spanish = page(&app, "/", &[("Accept-Language", "es-MX,es;q=0.9,en;q=0.8")]).await;
    assert_eq!(spanish.status, 200);
    assert_eq!(html_lang(&spanish.text), "es");
    assert!(spanish.text.contains(&Lang::Es.t("site-nav-find")));
    assert!(spanish.header("vary").is_some_and(|vary| vary.contains("Accept-Language")), "caches keep the two apart");
    assert!(spanish.text.contains(r#"action="/search""#), "links stay neutral: the browser still decides");

    // Choosing English on a Spanish browser wins, in the address and for the rest of the visit.
    let chosen = page(&app, "/en/", &[("Accept-Language", "es")]).await;
    assert_eq!(html_lang(&chosen.text), "en");
    let cookie = chosen.header("set-cookie").expect("the choice is kept for the visit");
    assert!(cookie.starts_with("lang=en") && !cookie.contains("Max-Age") && !cookie.contains("Expires"), "{cookie}");
    let later = page(&app, "/questions", &[("Accept-Language", "es"), ("Cookie", "lang=en")]).await;
    assert_eq!(html_lang(&later.text), "en");
}

#[actix_rt::test]
async fn a_chosen_language_stays_in_every_link_and_names_the_other() {
    let app = spawn_app().await;
    let reply = page(&app, "/es/search?near=97201&radius=10&unit=mi", &[]).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let text = &reply.text;
    assert_eq!(html_lang(text), "es");
    assert!(text.contains(r#"href="/es/submit""#) && text.contains(r#"href="/es/questions""#), "links keep /es/");
    assert!(!text.contains(r#"href="/submit""#), "no link drops the language");
    let here = "/search?near=97201&amp;radius=10&amp;unit=mi";
    // The alternates are absolute, on the site's address.
    let alternate = |hreflang: &str| {
        let link = text.split(&format!(r#"<link rel="alternate" hreflang="{hreflang}" href=""#)).nth(1).unwrap();
        link[..link.find('"').unwrap()].to_string()
    };
    assert!(alternate("en").starts_with("http") && alternate("en").ends_with(&format!("/en{here}")), "the English one");
    assert!(alternate("es").ends_with(&format!("/es{here}")), "the Spanish alternate");
    let neutral = alternate("x-default");
    assert!(neutral.ends_with(here) && !neutral.ends_with(&format!("/es{here}")), "the neutral address: {neutral}");
    assert!(text.contains(&format!(r#"href="/en{here}" hreflang="en" lang="en">English<"#)), "a switch to English");
    assert!(reply.header("set-cookie").is_some_and(|cookie| cookie.starts_with("lang=es")));
}

#[actix_rt::test]
async fn a_prefix_is_a_whole_segment_and_the_api_ignores_it() {
    let app = spawn_app().await;
    assert_eq!(page(&app, "/es", &[]).await.status, 200);
    assert_eq!(page(&app, "/essay", &[]).await.status, 404);
    let vocabulary: Value = page(&app, "/es/api/v1/vocabulary", &[]).await.json();
    assert_eq!(vocabulary["professions"][0]["label"], Lang::En.t("vocab-profession-physician"), "the API is neutral");
}

#[actix_rt::test]
async fn error_pages_speak_the_readers_language() {
    let app = spawn_app().await;
    let missing = page(&app, "/es/clinicians/999999", &[]).await;
    assert_eq!(missing.status, 404);
    assert_eq!(html_lang(&missing.text), "es");
    assert!(missing.text.contains(&Lang::Es.t("error-title-listing-gone")));
    assert!(missing.text.contains(&Lang::Es.t("error-detail-listing-gone")));
    assert!(missing.text.contains(r#"href="/es/""#), "the way back keeps the language");

    let by_browser = page(&app, "/no-such-page", &[("Accept-Language", "es")]).await;
    assert_eq!(by_browser.status, 404);
    assert!(by_browser.text.contains(&Lang::Es.t("error-detail-404")));
}

#[actix_rt::test]
async fn the_vocabulary_has_spanish_labels_and_refuses_unknown_languages() {
    let app = spawn_app().await;
    let spanish: Value = page(&app, "/api/v1/vocabulary?lang=es", &[]).await.json();
    let english: Value = page(&app, "/api/v1/vocabulary", &[]).await.json();
    assert_eq!(spanish["taper_approaches"][1]["code"], english["taper_approaches"][1]["code"], "codes do not change");
    assert_eq!(spanish["taper_approaches"][1]["label"], Lang::Es.t("vocab-approach-micro_taper"));
    assert_ne!(spanish["taper_approaches"][1]["label"], english["taper_approaches"][1]["label"]);

    let unknown = page(&app, "/api/v1/vocabulary?lang=xx", &[]).await;
    assert_eq!(unknown.status, 422, "{}", unknown.text);
    assert_eq!(unknown.error_fields(), ["lang"]);
}

#[actix_rt::test]
async fn spanish_results_give_distances_with_a_decimal_comma() {
    let app = spawn_app().await;
    let listings = app.insert_public([ListingBuilder::new().named("Dr. Coma Decimal").near("97201").build()]);
    app.wait_until_searchable(&listings).await;
    let english = page(&app, "/search?near=97209&radius=25&unit=km", &[]).await.text;
    let spanish = page(&app, "/es/search?near=97209&radius=25&unit=km", &[]).await.text;
    let distance = |page: &str, separator: char| {
        let at = page.find(" km)").expect("a card's distance in km");
        let number: String = page[..at].chars().rev().take_while(|c| c.is_ascii_digit() || *c == separator).collect();
        number.chars().rev().collect::<String>()
    };
    let (in_english, in_spanish) = (distance(&english, '.'), distance(&spanish, ','));
    assert!(in_english.contains('.'), "{in_english}");
    assert_eq!(in_spanish, in_english.replace('.', ","));
}
