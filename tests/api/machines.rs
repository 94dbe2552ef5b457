//! The directory as search engines read it: each page's description,
//! canonical address and alternates in both languages, `noindex` where a page
//! is private, a profile's Open Graph and JSON-LD, robots.txt and the
//! sitemaps; and what every client gains: compression, fingerprinted static
//! files, conditional requests and the icons.

use std::process::{Command, Stdio};

use serde_json::Value;

use crate::helpers::{database_url, spawn_app, spawn_app_with, ListingBuilder, TestApp};

const SITE: &str = "https://benzowise.example";

async fn app_on_site() -> TestApp {
    spawn_app_with(|settings| settings.public_url = Some(SITE.to_string())).await
}

/// The `content` of `<meta name=…>` or `property=…`, or the `href` of
/// `<link rel=… hreflang=…>`, read out of a page's head.
fn attribute_after(page: &str, opening: &str, attribute: &str) -> Option<String> {
    let start = page.find(opening)?;
    let tag = &page[start..start + page[start..].find('>')?];
    let value = tag.split(&format!("{attribute}=\"")).nth(1)?;
    Some(value[..value.find('"')?].replace("&amp;", "&").replace("&quot;", "\""))
}

fn meta(page: &str, name: &str) -> Option<String> {
    attribute_after(page, &format!("<meta name=\"{name}\""), "content")
        .or_else(|| attribute_after(page, &format!("<meta property=\"{name}\""), "content"))
}

fn link(page: &str, rel: &str) -> Option<String> {
    attribute_after(page, &format!("<link rel=\"{rel}\""), "href")
}

fn alternate(page: &str, hreflang: &str) -> Option<String> {
    attribute_after(page, &format!("<link rel=\"alternate\" hreflang=\"{hreflang}\""), "href")
}

/// The JSON-LD of a page, parsed.
fn json_ld(page: &str) -> Value {
    let start = page.find("<script type=\"application/ld+json\">").expect("JSON-LD") + 35;
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).unwrap()
}

#[actix_rt::test]
async fn every_public_page_kind_describes_itself_with_absolute_alternates_in_both_languages() {
    let app = app_on_site().await;
    let loaded = ListingBuilder::new().insert_public(&app);
    let id = loaded.listing_id;
    app.wait_until_searchable([&loaded]).await;
    let kinds = [
        "/".to_string(),
        "/search?near=97201".to_string(),
        format!("/clinicians/{id}"),
        "/questions".into(),
        "/submit".into(),
    ];
    let mut descriptions = Vec::new();
    for path in &kinds {
        for lang in ["en", "es"] {
            let address = if path == "/" { format!("/{lang}") } else { format!("/{lang}{path}") };
            let reply = app.get(&address).await;
            assert_eq!(reply.status, 200, "{address}");
            let page = &reply.text;
            let description = meta(page, "description").unwrap_or_else(|| panic!("{address} has no description"));
            assert!(description.len() > 50, "{address}: {description}");
            descriptions.push(description);
            assert_eq!(link(page, "canonical"), Some(format!("{SITE}/{lang}{path}")), "{address}");
            assert_eq!(alternate(page, "en"), Some(format!("{SITE}/en{path}")), "{address}");
            assert_eq!(alternate(page, "es"), Some(format!("{SITE}/es{path}")), "{address}");
            assert_eq!(alternate(page, "x-default"), Some(format!("{SITE}{path}")), "{address}");
            assert!(meta(page, "robots").is_none(), "{address} is public");
            assert!(page.contains("type=\"image/svg+xml\""), "{address}: the SVG icon");
        }
    }
    descriptions.sort();
    descriptions.dedup();
    assert_eq!(descriptions.len(), kinds.len() * 2, "each kind of page, in each language, has its own description");

    // Private pages say noindex, and repeat their address nowhere.
    for private in ["/moderate", "/es/moderate", "/manage/recovery"] {
        let page = app.get(private).await.text;
        assert_eq!(meta(&page, "robots").as_deref(), Some("noindex, nofollow"), "{private}");
        assert!(link(&page, "canonical").is_none() && alternate(&page, "en").is_none(), "{private}");
    }
}

#[actix_rt::test]
async fn a_profile_carries_open_graph_and_json_ld_that_no_clinician_text_can_break() {
    let app = app_on_site().await;
    let hostile = "Clínica </script><script>alert(1)</script> & Co";
    let id = ListingBuilder::new()
        .with("practice_name", serde_json::json!(hostile))
        .stating("I write </script> in my statement, and <!-- too.")
        .approaches(&["micro_taper", "hyperbolic"])
        .insert_public(&app)
        .listing_id;
    let page = app.get(&format!("/en/clinicians/{id}")).await.text;
    let description = meta(&page, "description").unwrap();
    assert!(description.contains("Dr. Rowan Whitfield") && description.contains("Portland"), "{description}");
    assert!(description.contains("Micro-taper") && description.contains("Physician"), "{description}");
    assert_eq!(meta(&page, "og:title").as_deref(), Some("Dr. Rowan Whitfield · benzowise"));
    assert_eq!(meta(&page, "og:description"), Some(description));
    assert_eq!(meta(&page, "og:url"), Some(format!("{SITE}/en/clinicians/{id}")));

    let ld = json_ld(&page);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "Physician");
    assert_eq!(ld["name"], "Dr. Rowan Whitfield");
    assert_eq!(ld["address"]["addressLocality"], "Portland");
    assert_eq!(ld["address"]["postalCode"], "97201");
    assert!(ld["geo"]["latitude"].is_number() && ld["geo"]["longitude"].is_number());
    assert_eq!(ld["telephone"], "(503) 555-0100");
    assert_eq!(ld["availableLanguage"], serde_json::json!(["English", "Spanish"]));
    assert_eq!(ld["medicalSpecialty"], "https://schema.org/Psychiatric");
    assert_eq!(ld["parentOrganization"]["@type"], "MedicalOrganization");
    assert_eq!(ld["parentOrganization"]["name"], hostile, "the text survives whole");
    // The only script elements are the JSON-LD and the page's own file: no text closed one early.
    let inline_scripts = page.matches("<script").count() - page.matches("<script src=\"/static/").count();
    assert_eq!(inline_scripts, 1, "{page}");
    assert_eq!(page.matches("</script>").count(), page.matches("<script").count());

    let therapist = ListingBuilder::new().named("Sam Rivera").profession("therapist").insert_public(&app).listing_id;
    let ld = json_ld(&app.get(&format!("/es/clinicians/{therapist}")).await.text);
    assert_eq!(ld["@type"], "MedicalBusiness", "not a prescriber");
    assert_eq!(ld["url"], format!("{SITE}/es/clinicians/{therapist}"));
}

/// `benzowise freshness --as-of DAY`, as an operator's cron runs it.
fn lapse_everything(app: &TestApp) {
    let far = (chrono::Utc::now() + chrono::Duration::days(800)).date_naive().to_string();
    let output = Command::new(env!("CARGO_BIN_EXE_benzowise"))
        .args(["freshness", "--as-of", &far])
        .env("DATABASE_URL", database_url(&app.database))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[actix_rt::test]
async fn robots_and_the_sitemaps_list_every_public_profile_and_nothing_else() {
    let app = app_on_site().await;
    let public = ListingBuilder::new().insert_public(&app).listing_id;
    let suspended = ListingBuilder::new().named("Dr. Suspended").insert_public(&app).listing_id;
    let pending = app.insert_pending([ListingBuilder::new().named("Dr. Pending").build()])[0].listing_id;
    let moderator = app.login_moderator("mira").await;
    assert_eq!(app.suspend(&moderator, suspended, "checking").await.status, 200);

    let robots = app.get("/robots.txt").await;
    assert_eq!(robots.header("content-type"), Some("text/plain; charset=utf-8"));
    for line in ["Disallow: /moderate", "Disallow: /manage", "Disallow: /history", "Disallow: /es/clinicians/*/claim"] {
        assert!(robots.text.lines().any(|l| l == line), "{line}: {}", robots.text);
    }
    assert!(robots.text.contains(&format!("Sitemap: {SITE}/sitemap.xml")));

    let index = app.get("/sitemap.xml").await;
    assert_eq!(index.header("content-type"), Some("application/xml; charset=utf-8"));
    assert!(index.text.contains(&format!("<loc>{SITE}/sitemaps/pages.xml</loc>")), "{}", index.text);
    assert!(index.text.contains(&format!("<loc>{SITE}/sitemaps/clinicians-1.xml</loc>")), "{}", index.text);
    assert!(!index.text.contains("clinicians-2.xml"));
    let pages = app.get("/sitemaps/pages.xml").await.text;
    assert!(pages.contains(&format!("<loc>{SITE}/es/questions</loc>")), "{pages}");

    let file = app.get("/sitemaps/clinicians-1.xml").await.text;
    assert!(file.starts_with("<?xml") && file.trim_end().ends_with("</urlset>"), "{file}");
    for lang in ["en", "es"] {
        assert!(file.contains(&format!("<loc>{SITE}/{lang}/clinicians/{public}</loc><lastmod>")), "{file}");
    }
    assert!(file.contains(&format!("hreflang=\"x-default\" href=\"{SITE}/clinicians/{public}\"")));
    for hidden in [suspended, pending] {
        assert!(!file.contains(&format!("/clinicians/{hidden}<")), "{hidden} is not public: {file}");
    }
    assert_eq!(file.matches("<url>").count(), 2);
    assert_eq!(app.get("/sitemaps/clinicians-2.xml").await.status, 404);

    // A listing that lapses leaves it.
    lapse_everything(&app);
    let file = app.get("/sitemaps/clinicians-1.xml").await.text;
    assert_eq!(file.matches("<url>").count(), 0, "{file}");
}

#[actix_rt::test]
async fn pages_json_and_static_files_are_compressed_and_static_files_are_cached_a_year() {
    let app = spawn_app().await;
    let home = app.get("/").await.text;
    let stylesheet = attribute_after(&home, "<link rel=\"stylesheet\"", "href").unwrap();
    assert!(stylesheet.starts_with("/static/style.") && stylesheet.len() > "/static/style.css".len(), "{stylesheet}");
    let script = app.get("/search?near=97201").await.text;
    let script = script.split("<script src=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    for (path, kind) in [
        ("/".to_string(), "text/html"),
        ("/api/v1/vocabulary".to_string(), "application/json"),
        (stylesheet.clone(), "text/css"),
        (script.clone(), "text/javascript"),
    ] {
        for encoding in ["gzip", "br"] {
            let reply = app.request("GET", &path, &[("accept-encoding", encoding)], None).await;
            assert_eq!(reply.status, 200, "{path}");
            assert_eq!(reply.header("content-encoding"), Some(encoding), "{path}");
            assert!(reply.header("content-type").unwrap().starts_with(kind), "{path}");
        }
    }
    for path in [&stylesheet, &script] {
        let reply = app.get(path).await;
        assert_eq!(reply.header("cache-control"), Some("public, max-age=31536000, immutable"), "{path}");
    }
    // Pages from before fingerprints still find the stylesheet.
    assert_eq!(app.get("/static/style.css").await.header("cache-control"), Some("public, max-age=3600"));
    assert_eq!(app.get("/static/style.000000000000.css").await.status, 404);

    let favicon = app.get("/favicon.ico").await;
    assert_eq!((favicon.status, favicon.header("content-type")), (200, Some("image/x-icon")));
    let icon = attribute_after(&home, "<link rel=\"icon\" href=\"/static/", "href").unwrap();
    let icon = app.get(&icon).await;
    assert_eq!(icon.header("content-type"), Some("image/svg+xml"));
    assert!(icon.text.starts_with("<svg"));
}

#[actix_rt::test]
async fn profiles_and_hsds_and_fhir_reads_answer_conditional_requests() {
    let app = spawn_app().await;
    let loaded = ListingBuilder::new().insert_public(&app);
    let id = loaded.listing_id;
    app.wait_until_searchable([&loaded]).await;
    let service = app.get("/hsds/services").await.json::<Value>()["contents"][0]["id"].as_str().unwrap().to_string();
    for path in [format!("/clinicians/{id}"), format!("/fhir/Practitioner/{id}"), format!("/hsds/services/{service}")] {
        let first = app.get(&path).await;
        assert_eq!(first.status, 200, "{path}");
        let etag = first.header("etag").unwrap_or_else(|| panic!("{path} has no ETag")).to_string();
        let again = app.request("GET", &path, &[("if-none-match", &etag)], None).await;
        assert_eq!((again.status, again.text.as_str()), (304, ""), "{path}");
        assert_eq!(again.header("etag"), Some(etag.as_str()));
        let other = app.request("GET", &path, &[("if-none-match", "W/\"another\"")], None).await;
        assert_eq!(other.status, 200, "{path}");
    }
    let read = app.get(&format!("/fhir/Practitioner/{id}")).await;
    let modified = read.header("last-modified").expect("a FHIR resource knows when it last changed").to_string();
    let since =
        app.request("GET", &format!("/fhir/Practitioner/{id}"), &[("if-modified-since", &modified)], None).await;
    assert_eq!(since.status, 304);
    let before = "Mon, 01 Jan 2001 00:00:00 GMT";
    let stale = app.request("GET", &format!("/fhir/Practitioner/{id}"), &[("if-modified-since", before)], None).await;
    assert_eq!(stale.status, 200);
}
