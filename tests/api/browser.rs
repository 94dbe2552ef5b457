//! The three journeys in headless Chromium through WebDriver: a patient searches and opens a
//! profile, a clinician submits (first with mistakes), a moderator approves, and the new listing
//! is then found. Every page visited is checked with axe-core for WCAG 2.2 A and AA rules, and the
//! same journeys are walked again with JavaScript switched off. The search's map and a profile's
//! map are checked with axe-core at a phone's width and a desktop's, with JavaScript and without.
//!
//! They need `chromium`, `chromium-driver` and `npm ci` (for axe-core). Without chromedriver or
//! axe-core they are skipped with a message, unless `BENZOWISE_BROWSER_TESTS=required` (as in
//! `.ci/run`).

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use benzowise::db::listing_claims::{ClaimLink, ListingClaim};
use benzowise::domain::{claim::NewClaim, token};
use benzowise::i18n::{self, Lang};

use fantoccini::wd::PrintConfiguration;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

use crate::helpers::{free_port, spawn_app, ListingBuilder, TestApp};
use crate::nppes::{full_file, load, write, FULL_NAME, WHITFIELD};

const AXE_RULE_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

#[actix_rt::test]
async fn the_three_journeys_work_and_every_page_passes_axe() {
    let Some(browser) = Browser::start(Scripts::On).await else { return };
    let app = spawn_app().await;
    walk_the_journeys(&app, &browser, Lang::En).await;
    browser.close().await;
}

#[actix_rt::test]
async fn the_three_journeys_work_without_javascript() {
    let Some(browser) = Browser::start(Scripts::Off).await else { return };
    let app = spawn_app().await;
    walk_the_journeys(&app, &browser, Lang::En).await;
    browser.close().await;
}

#[actix_rt::test]
async fn the_journeys_read_in_spanish_and_every_page_passes_axe() {
    let Some(browser) = Browser::start(Scripts::On).await else { return };
    let app = spawn_app().await;
    walk_the_journeys(&app, &browser, Lang::Es).await;
    browser.close().await;
}

#[actix_rt::test]
async fn the_journeys_read_in_spanish_without_javascript() {
    let Some(browser) = Browser::start(Scripts::Off).await else { return };
    let app = spawn_app().await;
    walk_the_journeys(&app, &browser, Lang::Es).await;
    browser.close().await;
}

#[actix_rt::test]
async fn the_moderators_workbench_journeys_work_and_every_page_passes_axe() {
    let Some(browser) = Browser::start(Scripts::On).await else { return };
    let app = spawn_app().await;
    walk_the_workbench(&app, &browser).await;
    browser.close().await;
}

#[actix_rt::test]
async fn the_moderators_workbench_journeys_work_without_javascript() {
    let Some(browser) = Browser::start(Scripts::Off).await else { return };
    let app = spawn_app().await;
    walk_the_workbench(&app, &browser).await;
    browser.close().await;
}

#[actix_rt::test]
async fn the_workbench_pages_pass_axe_on_a_phone_and_a_desktop_in_both_languages() {
    let Some(browser) = Browser::start(Scripts::On).await else { return };
    let app = spawn_app().await;
    check_the_workbench_at_both_widths(&app, &browser).await;
    browser.close().await;
}

#[actix_rt::test]
async fn the_maps_pass_axe_on_a_phone_and_a_desktop() {
    let Some(browser) = Browser::start(Scripts::On).await else { return };
    let app = spawn_app().await;
    check_the_maps(&app, &browser).await;
    browser.close().await;
}

#[actix_rt::test]
async fn the_maps_pass_axe_on_a_phone_and_a_desktop_without_javascript() {
    let Some(browser) = Browser::start(Scripts::Off).await else { return };
    let app = spawn_app().await;
    check_the_maps(&app, &browser).await;
    browser.close().await;
}

#[actix_rt::test]
async fn a_first_search_s_pages_pass_axe_on_a_phone_and_a_desktop_in_both_languages() {
    let Some(browser) = Browser::start(Scripts::On).await else { return };
    let app = spawn_app().await;
    check_a_first_search(&app, &browser).await;
    browser.close().await;
}

#[actix_rt::test]
async fn a_first_search_s_pages_work_without_javascript() {
    let Some(browser) = Browser::start(Scripts::Off).await else { return };
    let app = spawn_app().await;
    check_a_first_search(&app, &browser).await;
    browser.close().await;
}

#[actix_rt::test]
async fn the_listing_form_its_errors_and_the_pages_that_lead_on_pass_axe_on_a_phone_and_a_desktop() {
    let Some(browser) = Browser::start(Scripts::On).await else { return };
    let app = spawn_app().await;
    check_the_forms_in_words(&app, &browser).await;
    browser.close().await;
}

#[actix_rt::test]
async fn the_listing_form_its_errors_and_the_pages_that_lead_on_work_without_javascript() {
    let Some(browser) = Browser::start(Scripts::Off).await else { return };
    let app = spawn_app().await;
    check_the_forms_in_words(&app, &browser).await;
    browser.close().await;
}

/// The submission form (blank, then with its error summary, whose first link
/// leads to its field), the manage page with a notice, the coordinates
/// offered for an address off the map, a report's thanks and the error pages
/// that lead on, at 360 and 1280 px, in each language.
async fn check_the_forms_in_words(app: &TestApp, browser: &Browser) {
    let published = ListingBuilder::new().insert_public(app);
    for lang in Lang::ALL {
        let prefix = if lang == Lang::En { String::new() } else { format!("/{}", lang.code()) };
        for (width, height) in [(360, 800), (1280, 900)] {
            browser.resize(width, height).await;
            let shot = |page: &str| format!("form-{page}-{}-{width}", lang.code());
            browser.open(app, &format!("{prefix}/submit")).await;
            browser.assert_nothing_wider_than_the_window().await;
            browser.check(&format!("the form, {width} px"), lang).await;
            browser.screenshot_at("#licensed_regions", &shot("licences")).await;
            browser.screenshot_at("#languages", &shot("languages")).await;

            browser.type_into("full_name", "X").await;
            browser.type_into("city", "Nowhere-on-the-map").await;
            let oregon = browser.client.find(Locator::Css("input[name=licensed_regions][value=US-OR]")).await.unwrap();
            oregon.click().await.unwrap();
            browser.submit_listing_form().await;
            browser.assert_nothing_wider_than_the_window().await;
            browser.check(&format!("the form's errors, {width} px"), lang).await;
            browser.screenshot_at("#errors", &shot("errors")).await;
            browser.screenshot_at("#city", &shot("off-the-map")).await;
            assert!(browser.client.find(Locator::Css("details input#latitude")).await.is_ok(), "coordinates offered");
            assert_eq!(browser.value_of("full_name").await, "X");
            browser.client.find(Locator::Css("#errors li a")).await.unwrap().click().await.unwrap();
            let address = browser.client.current_url().await.unwrap().to_string();
            assert!(address.ends_with("#full_name"), "the first problem is the full name: {address}");

            let manage = format!("{prefix}/manage/{}", published.manage_token);
            browser.open(app, &manage).await;
            browser.click(Locator::Css("form#listing-form > div > button[type=submit]")).await;
            browser.assert_nothing_wider_than_the_window().await;
            browser.check(&format!("the manage page with a notice, {width} px"), lang).await;
            browser.screenshot_at("main", &shot("manage")).await;

            browser.open(app, &format!("{prefix}/clinicians/{}", published.listing_id)).await;
            browser.choose("reason", "inaccurate").await;
            browser.click(Locator::Css("form[action*='/reports'] button")).await;
            assert!(browser.client.current_url().await.unwrap().as_str().ends_with("#report"), "back at the form");
            browser.check(&format!("a report's thanks, {width} px"), lang).await;

            for (page, path) in
                [("dead-link", format!("/manage/{}", "0".repeat(64))), ("not-a-number", "/clinicians/abc".into())]
            {
                browser.open(app, &format!("{prefix}{path}")).await;
                browser.assert_nothing_wider_than_the_window().await;
                browser.check(&format!("{page}, {width} px"), lang).await;
            }
        }
    }
}

/// A claim on `listing_id` by an address at the practice's domain, and the
/// path of the one-time link its mail would carry.
fn claim_link(app: &TestApp, listing_id: i64) -> String {
    let mut conn = app.connect();
    let claim = NewClaim::parse(Some("ada@example.org".into()), None, None).unwrap();
    let claim_id = ListingClaim::create(&mut conn, listing_id, &claim, true).unwrap();
    let (secret, now) = (token::generate(), benzowise::db::now());
    ClaimLink::create(&mut conn, &token::hash(&secret), claim_id, now, now + chrono::Duration::hours(24)).unwrap();
    format!("/claim/{secret}")
}

/// "Which Springfield?", close spellings, results with chips, the page with
/// nobody near (no map above the first result on a phone), the history sheet
/// and the question sheet, at 360 and 1280 px, in each language.
async fn check_a_first_search(app: &TestApp, browser: &Browser) {
    let published = app.insert_public([
        ListingBuilder::new().named("Dr. Micro Near").near("97201").approaches(&["micro_taper"]).build(),
        ListingBuilder::new().named("Dr. Remote Texas").near("97201").licensed_in(&["US-TX"]).build(),
    ]);
    app.wait_until_searchable(&published).await;
    // A listing added from a public list, which someone may claim.
    let unclaimed = published[1].listing_id;
    app.connect_and_run(&format!("UPDATE listings SET claimed = FALSE WHERE id = {unclaimed}"));
    let (unclaimed_profile, claim_form) =
        (format!("/clinicians/{unclaimed}"), format!("/clinicians/{unclaimed}/claim"));
    for lang in Lang::ALL {
        let prefix = if lang == Lang::En { String::new() } else { format!("/{}", lang.code()) };
        for (width, height) in [(360, 800), (1280, 900)] {
            browser.resize(width, height).await;
            let pages = [
                ("unclaimed profile", unclaimed_profile.as_str()),
                ("claim form", claim_form.as_str()),
                ("which Springfield", "/search?near=Springfield&prescriber=true"),
                ("did you mean", "/search?near=Portlnd%2C+OR"),
                ("results with chips", "/search?near=97201&radius=25&unit=mi&approach=micro_taper&telehealth=true"),
                ("nobody near", "/search?near=79843&radius=5&unit=mi"),
                ("history form", "/history"),
                ("question sheet", "/questions"),
            ];
            for (page, path) in pages {
                browser.open(app, &format!("{prefix}{path}")).await;
                browser.assert_nothing_wider_than_the_window().await;
                browser.check(&format!("{page}, {width} px"), lang).await;
                browser.screenshot(&format!("first-search-{}-{}-{width}", page.replace(' ', "-"), lang.code())).await;
            }
            browser.open(app, &format!("{prefix}{claim_form}")).await;
            browser.click(Locator::Css("form[action$='/claim'] button[type=submit]")).await;
            browser.check(&format!("claim form with its errors, {width} px"), lang).await;
            // The mailed link's page, then the page after its button; the listing is unclaimed again after.
            browser.open(app, &format!("{prefix}{}", claim_link(app, unclaimed))).await;
            browser.check(&format!("claim link, {width} px"), lang).await;
            browser.click(Locator::Css("main form button[type=submit]")).await;
            assert!(browser.path().await.contains("/claim/"), "the confirmation stays on the link's page");
            browser.check(&format!("claim confirmed, {width} px"), lang).await;
            browser.screenshot(&format!("first-search-claim-confirmed-{}-{width}", lang.code())).await;
            app.connect_and_run(&format!("UPDATE listings SET claimed = FALSE WHERE id = {unclaimed}"));
            browser.open(app, &format!("{prefix}/search?near=79843&radius=5&unit=mi")).await;
            let first_card = browser.client.find(Locator::Css("li.card")).await.unwrap().rectangle().await.unwrap();
            let map = browser.client.find(Locator::Css("svg.results-map")).await.unwrap();
            let (_, map_top, _, map_height) = map.rectangle().await.unwrap();
            let shown = map.is_displayed().await.unwrap();
            assert!(!shown || map_top > first_card.1, "at {width} px no map above the first result");
            assert!(width > 600 || (!shown && map_height == 0.0), "no empty map on a phone");

            browser.open(app, &format!("{prefix}/history")).await;
            browser.type_into("medicines", "diazepam 5 mg").await;
            browser.click(Locator::Css("form[action$='/history'] button[type=submit]")).await;
            assert!(browser.text().await.contains("diazepam 5 mg"), "the sheet carries what was typed");
            let address = browser.client.current_url().await.unwrap().to_string();
            assert!(!address.contains("diazepam"), "nothing typed in the address: {address}");
            browser.check(&format!("history sheet, {width} px"), lang).await;
            let print = browser.client.find(Locator::Css("button[data-print]")).await.unwrap();
            assert_eq!(print.is_displayed().await.unwrap(), browser.scripts == Scripts::On, "Print where scripts run");
        }
    }
}

async fn walk_the_journeys(app: &TestApp, browser: &Browser, lang: Lang) {
    // English at the neutral addresses; another language as a reader who chose it.
    let prefix = if lang == Lang::En { String::new() } else { format!("/{}", lang.code()) };
    let at = |path: &str| format!("{prefix}{path}");
    let existing = ListingBuilder::new().named("Dr. Rowan Whitfield").insert_public(app);
    app.wait_until_searchable([&existing]).await;

    // A patient searches by ZIP code from the home page and opens a profile.
    browser.open(app, &at("/")).await;
    let script_ran = browser.text().await.contains(&lang.t("search-form-locate"));
    assert_eq!(script_ran, browser.scripts == Scripts::On, "the optional script runs only when scripts are on");
    browser.check("home", lang).await;
    browser.type_into("near", "97201").await;
    browser.click(Locator::Css(&format!("form[action='{}'] button[type=submit]", at("/search")))).await;
    assert!(browser.path().await.starts_with(&at("/search")));
    assert!(browser.text().await.contains("Dr. Rowan Whitfield"));
    browser.check("search", lang).await;
    browser.screenshot(&format!("search-{}", lang.code())).await;
    browser.click(Locator::XPath("//a[contains(., 'Dr. Rowan Whitfield')]")).await;
    assert!(browser.path().await.starts_with(&at("/clinicians/")));
    assert!(browser.text().await.contains("Riverbend Clinic"));
    browser.check("profile", lang).await;
    browser.screenshot(&format!("profile-{}", lang.code())).await;
    assert!((1..=2).contains(&browser.printed_pages().await), "a profile prints on one or two pages");
    browser.open(app, &at("/questions")).await;
    browser.check("questions", lang).await;
    assert!((1..=2).contains(&browser.printed_pages().await), "the first-visit sheet prints on one or two pages");

    // A clinician submits with mistakes, sees them beside the fields, corrects them.
    browser.open(app, &at("/submit")).await;
    browser.check("submit", lang).await;
    browser.type_into("full_name", "Dr. Imogen Hale").await;
    browser.type_into("postal_code", "9810").await;
    browser.type_into("contact_email", "imogen.private@example.org").await;
    browser.submit_listing_form().await;
    let page = browser.text().await;
    assert!(page.contains(&lang.t("field-error-us-zip-code")), "{page}");
    assert_eq!(browser.value_of("full_name").await, "Dr. Imogen Hale", "values are kept");
    browser.check("submit with errors", lang).await;
    browser.screenshot(&format!("submit-with-errors-{}", lang.code())).await;
    browser.choose("profession", "psychologist").await;
    browser.choose("specialty", "psychotherapy").await;
    browser.clear_and_type("postal_code", "98101").await;
    browser.type_into("city", "Seattle").await;
    browser.type_into("region", "WA").await;
    browser.tick("criteria-patient_sets_pace").await;
    browser.submit_listing_form().await;
    assert!(browser.text().await.contains(&lang.t("submit-save-link")));
    browser.check("submission received", lang).await;
    let manage_link = browser.attribute(Locator::Css(".token a"), "href").await;

    // A moderator logs in and approves it.
    let moderator = format!("mira-{}", lang.code());
    app.add_moderator(&moderator, "a long moderator password");
    browser.open(app, &at("/moderate")).await;
    browser.check("moderator log-in", lang).await;
    browser.type_into("username", &moderator).await;
    browser.type_into("password", "a long moderator password").await;
    browser.click(Locator::Css(&format!("form[action='{}'] button", at("/moderate/login")))).await;
    assert!(browser.text().await.contains("Dr. Imogen Hale"));
    browser.check("moderation queue", lang).await;
    browser.screenshot(&format!("queue-{}", lang.code())).await;
    browser.click(Locator::XPath("//a[contains(., 'Dr. Imogen Hale')]")).await;
    browser.check("a submission", lang).await;
    browser.click(Locator::XPath("//form[contains(@action, '/approve')]//button")).await;
    assert!(browser.text().await.contains(&lang.t("moderate-queue-empty")));

    // The patient now finds the new listing, and the clinician sees it approved.
    browser.open(app, &at("/search?near=98101&radius=10&unit=mi")).await;
    assert!(browser.text().await.contains("Dr. Imogen Hale"));
    browser.goto(&manage_link.replace("http://benzowise.test", &app.address)).await;
    assert!(browser.path().await.starts_with(&at("/manage/")), "the manage link keeps the language");
    assert!(browser.text().await.contains(&lang.t("manage-status-approved")));
    browser.check("manage", lang).await;
}

/// An admin invites a moderator, who chooses a password and sets up two factors with a code
/// computed here, logs in with password and code, opens the next submission, sees its red flag
/// marked and the duplicate warning, approves it and sees the next open; finds a listing by name,
/// suspends and reinstates it; and is logged out at once when the admin disables the account.
async fn walk_the_workbench(app: &TestApp, browser: &Browser) {
    let lang = Lang::En;
    let password = "a long moderator password";
    app.add_admin("root", password);
    let listed = ListingBuilder::new().named("Dr. Rowan Whitfield").insert_public(app);
    let twin =
        ListingBuilder::new().named("Dr. Rowan Whitfield").answering("slow_taper", "Most patients can just stop.");
    app.insert_pending([twin.build(), ListingBuilder::new().named("Dr. Next In Line").build()]);
    let log_in = |name: &'static str| async move {
        browser.open(app, "/moderate").await;
        browser.type_into("username", name).await;
        browser.type_into("password", password).await;
        browser.click(Locator::Css("form[action='/moderate/login'] button")).await;
    };
    let log_out = || browser.click(Locator::Css("form[action='/moderate/logout'] button"));

    // The admin invites Lena.
    log_in("root").await;
    browser.open(app, "/moderate/moderators").await;
    browser.check("moderators", lang).await;
    browser.type_into("username", "lena").await;
    browser.type_into("email", "lena@example.org").await;
    browser.click(Locator::Css("form[action='/moderate/moderators/invite'] button")).await;
    browser.check("invitation sent", lang).await;
    let link = browser.client.find(Locator::Id("invite-link")).await.unwrap().text().await.unwrap();
    log_out().await;

    // Lena chooses a password and sets up two factors.
    browser.goto(&link.replace("http://benzowise.test", &app.address)).await;
    browser.check("invitation", lang).await;
    browser.type_into("password", password).await;
    browser.type_into("password_again", password).await;
    browser.click(Locator::Css("form[action^='/moderate/invite/'] button")).await;
    assert_eq!(browser.path().await, "/moderate/two-factor");
    browser.check("two-factor set-up", lang).await;
    browser.screenshot("two-factor-set-up").await;
    let secret = browser.client.find(Locator::Id("totp-secret")).await.unwrap().text().await.unwrap();
    let bytes = totp_rs::Secret::Encoded(secret).to_bytes().unwrap();
    let totp = totp_rs::TOTP::new(totp_rs::Algorithm::SHA1, 6, 0, 30, bytes, None, "lena".into()).unwrap();
    let code = |steps_back: u64| {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
        totp.generate(now - steps_back * 30)
    };
    crate::two_factor::fresh_step().await;
    browser.type_into("code", &code(1)).await;
    browser.click(Locator::Css("form[action='/moderate/two-factor'] button")).await;
    assert_eq!(browser.client.find_all(Locator::Css("#recovery-codes li")).await.unwrap().len(), 10);
    browser.check("recovery codes", lang).await;
    log_out().await;

    // Lena logs in with her password and a code, and works through the queue.
    log_in("lena").await;
    browser.check("two-factor code", lang).await;
    crate::two_factor::fresh_step().await;
    browser.type_into("code", &code(0)).await;
    browser.click(Locator::Css("form[action='/moderate/login/code'] button")).await;
    browser.check("queue", lang).await;
    browser.click(Locator::XPath("//table//a[contains(., 'Dr. Rowan Whitfield')]")).await;
    browser.check("submission with a red flag", lang).await;
    browser.screenshot("review").await;
    let marked = browser.client.find(Locator::Css("mark.flag")).await.unwrap().text().await.unwrap();
    assert_eq!(marked, "just stop");
    let warning = browser.client.find(Locator::Id("duplicates")).await.unwrap().text().await.unwrap();
    assert!(warning.contains("same NPI"), "{warning}");
    browser.click(Locator::XPath("//form[contains(@action, '/approve')]//button")).await;
    assert!(browser.text().await.contains("Dr. Next In Line"), "the next submission opens");
    assert!(browser.path().await.starts_with("/moderate/submissions/"));
    browser.check("next submission", lang).await;

    // She finds the public listing by name, suspends it and reinstates it.
    browser.open(app, "/moderate/listings").await;
    browser.type_into("q", "rowan").await;
    browser.click(Locator::Css("form[action='/moderate/listings'] button")).await;
    browser.check("listing finder", lang).await;
    browser.click(Locator::Css(&format!("a[href='/moderate/listings/{}']", listed.listing_id))).await;
    browser.check("a listing's record", lang).await;
    browser.type_into("reason", "Licence under review").await;
    browser.click(Locator::Css("button[value='suspend']")).await;
    assert!(browser.text().await.contains("Licence under review"));
    assert_eq!(app.public_listing(listed.listing_id).await.status, 404);
    browser.click(Locator::Css("button[value='reinstate']")).await;
    assert_eq!(app.public_listing(listed.listing_id).await.status, 200);
    browser.check("a reinstated listing", lang).await;

    // The admin disables her account: her open session stops working.
    let admin_session = app.login("root", password).await;
    let cookie = admin_session.header("set-cookie").unwrap().split(';').next().unwrap().to_string();
    let csrf = admin_session.json::<Value>()["csrf_token"].as_str().unwrap().to_string();
    let list = app.request("GET", "/moderate/moderators", &[("cookie", &cookie)], None).await.text;
    let action = list
        .split("action=\"")
        .find(|rest| rest.contains("Disable lena"))
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let body = crate::helpers::form_body(&[("csrf_token", &csrf)]);
    let form = ("content-type", "application/x-www-form-urlencoded");
    assert_eq!(app.request("POST", &action, &[form, ("cookie", &cookie)], Some(body)).await.status, 303);
    browser.open(app, "/moderate/audit").await;
    assert_eq!(browser.path().await, "/moderate", "sent back to log in");
    assert!(browser.text().await.contains(&lang.t("moderate-login-title")));
}

/// The queue (with a claim by another moderator), a new listing and an edit under review, the
/// reports, the listing finder and a listing's record, the audit trail, the moderators and the
/// ready-made reasons, 360 px and 1280 px wide, in each language: no axe violation, and nothing
/// wider than the window.
async fn check_the_workbench_at_both_widths(app: &TestApp, browser: &Browser) {
    let password = "a long moderator password";
    app.add_admin("root", password);
    let omar = app.login_moderator("omar").await;
    let public = app.insert_public([ListingBuilder::new().named("Dr. Rowan Whitfield").build()]);
    let (first, last) =
        (["Ana", "Bruno", "Chen", "Dalia", "Emeka", "Farah"], ["Ortega", "Lindqvist", "Okafor", "Nakamura", "Haddad"]);
    app.insert_pending((0..30).map(|n| {
        let listing = ListingBuilder::new()
            .named(&format!("Dr. {} {}-{}", first[n % 6], last[n % 5], last[(n / 6) % 5]))
            .with("npi", Value::Null)
            .in_city(["Portland", "Eugene", "Salem"][n % 3], "OR");
        let listing = if n % 4 == 0 { listing.answering("slow_taper", "Most people can just stop.") } else { listing };
        listing.build()
    }));
    let edit = ListingBuilder::new().named("Dr. Rowan Whitfield").specialty("primary_care").paid_by(&["self_pay"]);
    assert_eq!(app.manage("PUT", &public[0].manage_token, Some(&edit.build())).await.status, 202);
    benzowise::db::reports::Report::create(&mut app.connect(), public[0].listing_id, "inaccurate", Some("Old phone."))
        .unwrap();
    let queue: Vec<i64> = app.moderation_queue(&omar).await.iter().map(|item| item.submission_id).collect();
    let claimed = format!("/moderate/submissions/{}", queue[1]);
    app.request("GET", &claimed, &[("cookie", &omar.cookie)], None).await;
    assert_eq!(app.approve(&omar, queue[2]).await.status, 200);
    let edit_id = *queue.last().unwrap();
    // A claim from an address elsewhere waits on the claims page, with its NPI's registry verdict.
    let unclaimed = app.insert_public([ListingBuilder::new().named("Dr. Claire Unclaimed").build()])[0].listing_id;
    app.connect_and_run(&format!("UPDATE listings SET claimed = FALSE WHERE id = {unclaimed}"));
    let claim = NewClaim::parse(
        Some("claire@mail.example.net".into()),
        Some(WHITFIELD.into()),
        Some("I moved my practice here last spring.".into()),
    );
    ListingClaim::create(&mut app.connect(), unclaimed, &claim.unwrap(), false).unwrap();
    // The edit's NPI is in the registry: its page shows the entry and the verdict.
    let registry = tempfile::tempdir().unwrap();
    load(app, &write(&registry, FULL_NAME, &full_file()));

    browser.open(app, "/moderate").await;
    browser.type_into("username", "root").await;
    browser.type_into("password", password).await;
    browser.click(Locator::Css("form[action='/moderate/login'] button")).await;
    for lang in Lang::ALL {
        let prefix = if lang == Lang::En { String::new() } else { format!("/{}", lang.code()) };
        for (width, height) in [(360, 800), (1280, 900)] {
            browser.resize(width, height).await;
            let pages = [
                ("queue", "/moderate".to_string()),
                ("review", format!("/moderate/submissions/{}", queue[0])),
                ("claimed review", claimed.clone()),
                ("edit review", format!("/moderate/submissions/{edit_id}")),
                ("reports", "/moderate/reports".into()),
                ("claims", "/moderate/claims".into()),
                ("listing finder", "/moderate/listings?q=waiting".into()),
                ("listing record", format!("/moderate/listings/{}", public[0].listing_id)),
                ("audit trail", "/moderate/audit".into()),
                ("moderators", "/moderate/moderators".into()),
                ("ready reasons", "/moderate/reasons".into()),
            ];
            for (page, path) in pages {
                browser.open(app, &format!("{prefix}{path}")).await;
                browser.assert_nothing_wider_than_the_window().await;
                browser.check(&format!("workbench {page}, {width} px"), lang).await;
                if matches!(page, "queue" | "review" | "edit review" | "claims") {
                    // Tall enough to show the tables below the filters.
                    browser.resize(width, 2000).await;
                    browser.screenshot(&format!("workbench-{}-{}-{width}", page.replace(' ', "-"), lang.code())).await;
                    browser.resize(width, height).await;
                }
            }
        }
    }
}

/// A results page with its map, and a profile with its own, 360 px and 1280 px wide: no axe
/// violation, nothing wider than the window, the map across a phone's width and beside the list
/// on a desktop. The search chooses a way to pay, so its "More choices" are open and checked too.
async fn check_the_maps(app: &TestApp, browser: &Browser) {
    let listings = (0..12).map(|number| {
        let (lat, lon) = (45.45 + (number % 4) as f64 * 0.04, -122.75 + (number / 4) as f64 * 0.06);
        ListingBuilder::new()
            .named(&format!("Dr. Pin Number {number}"))
            .at(lat, lon)
            .paid_by(&["medicare", "self_pay"])
            .build()
    });
    let published = app.insert_public(listings);
    app.wait_until_searchable(&published).await;
    for (width, height) in [(360, 800), (1280, 900)] {
        browser.resize(width, height).await;
        browser.open(app, "/search?near=Portland%2C+OR&radius=25&unit=mi&payment=medicare").await;
        assert!(browser.text().await.contains("Showing 1–12 of 12 clinicians"));
        let (map_left, map_width) = browser.horizontal_extent("svg.results-map").await;
        let (list_left, list_width) = browser.horizontal_extent("ol.cards").await;
        if width < 600 {
            assert!(map_width >= 280.0, "at {width} px the map is {map_width} px wide");
        } else {
            assert!(map_left >= list_left + list_width, "at {width} px the map is beside the list");
        }
        browser.assert_nothing_wider_than_the_window().await;
        browser.axe(&format!("results with a map, {width} px")).await;
        browser.screenshot(&format!("results-map-{width}")).await;

        browser.open(app, &format!("/clinicians/{}", published[0].listing_id)).await;
        assert!(browser.horizontal_extent("svg.location-map").await.1 >= 200.0, "the profile's map at {width} px");
        browser.assert_nothing_wider_than_the_window().await;
        browser.axe(&format!("profile with a map, {width} px")).await;
        browser.screenshot(&format!("profile-map-{width}")).await;
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Scripts {
    On,
    Off,
}

struct Browser {
    client: Client,
    driver: Child,
    scripts: Scripts,
    _profile: tempfile::TempDir,
}

impl Browser {
    async fn start(scripts: Scripts) -> Option<Browser> {
        let chromedriver = find_chromedriver();
        let missing = match &chromedriver {
            None => Some("chromedriver"),
            Some(_) if !axe_core_path().is_file() => Some("axe-core"),
            Some(_) => None,
        };
        if let Some(missing) = missing {
            assert!(
                std::env::var("BENZOWISE_BROWSER_TESTS").as_deref() != Ok("required"),
                "BENZOWISE_BROWSER_TESTS=required but {missing} is not installed"
            );
            eprintln!(
                "skipped: {missing} is not installed; install chromium and chromium-driver and run `npm ci` \
                 to run the browser tests"
            );
            return None;
        }
        let chromedriver = chromedriver?;
        let port = free_port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile = tempfile::tempdir().unwrap();
        let mut options = json!({
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1200,900",
                format!("--user-data-dir={}", profile.path().display()),
            ],
        });
        if Path::new("/usr/bin/chromium").exists() {
            options["binary"] = json!("/usr/bin/chromium");
        }
        if scripts == Scripts::Off {
            options["prefs"] = json!({"profile.managed_default_content_settings.javascript": 2});
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".into(), options);
        wait_for_port(port);
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a WebDriver session");
        Some(Browser { client, driver, scripts, _profile: profile })
    }

    /// Ends the session; dropping the browser then stops chromedriver.
    async fn close(self) {
        self.client.clone().close().await.expect("the session ends");
    }

    async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("the page loads");
    }

    async fn open(&self, app: &TestApp, path: &str) {
        self.goto(&app.url(path)).await;
    }

    async fn path(&self) -> String {
        self.client.current_url().await.unwrap().path().to_string()
    }

    async fn text(&self) -> String {
        self.client.find(Locator::Css("body")).await.unwrap().text().await.unwrap()
    }

    async fn type_into(&self, id: &str, text: &str) {
        let field = self.client.find(Locator::Id(id)).await.unwrap_or_else(|_| panic!("a field #{id}"));
        field.send_keys(text).await.unwrap();
    }

    async fn clear_and_type(&self, id: &str, text: &str) {
        self.client.find(Locator::Id(id)).await.unwrap().clear().await.unwrap();
        self.type_into(id, text).await;
    }

    async fn choose(&self, select_id: &str, value: &str) {
        let select = self.client.find(Locator::Id(select_id)).await.unwrap();
        select.select_by_value(value).await.unwrap_or_else(|_| panic!("{select_id} offers {value}"));
    }

    /// Clicks something that loads a new page, and waits until the old one is gone.
    async fn click(&self, target: Locator<'_>) {
        let old_page = self.client.find(Locator::Css("html")).await.unwrap();
        let element = self.client.find(target).await.unwrap_or_else(|e| panic!("{target:?} is on the page: {e}"));
        element.click().await.unwrap();
        for _ in 0..200 {
            if old_page.tag_name().await.is_err() {
                return;
            }
            actix_rt::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("clicking {target:?} loaded no new page");
    }

    async fn tick(&self, id: &str) {
        self.client.find(Locator::Id(id)).await.unwrap().click().await.unwrap();
    }

    async fn submit_listing_form(&self) {
        self.click(Locator::Css("form[method=post] > div > button[type=submit]")).await;
    }

    async fn value_of(&self, id: &str) -> String {
        self.attribute(Locator::Id(id), "value").await
    }

    async fn attribute(&self, target: Locator<'_>, name: &str) -> String {
        let element = self.client.find(target).await.unwrap();
        element.attr(name).await.unwrap().unwrap_or_default()
    }

    /// Checks the page is in `lang` (for another language than English: without a sentence of
    /// the English catalogue), then runs axe-core on it (when scripts are on) and fails on any
    /// WCAG 2.2 A/AA violation.
    async fn check(&self, page: &str, lang: Lang) {
        assert_eq!(self.attribute(Locator::Css("html"), "lang").await, lang.code(), "the {page} page's language");
        if lang != Lang::En {
            let text = self.text().await;
            let title = self.client.title().await.unwrap();
            let left =
                english_sentences().iter().find(|sentence| text.contains(*sentence) || title.contains(*sentence));
            assert!(left.is_none(), "the {page} page in {} shows English: {left:?}\n{text}", lang.code());
        }
        if self.scripts == Scripts::Off {
            return;
        }
        self.axe(page).await;
    }

    /// Runs axe-core on the page and fails on any WCAG 2.2 A/AA violation. WebDriver runs it
    /// also when the page's own scripts are switched off, but then the browser calls back into no
    /// script, timers included: axe's next-turn callbacks are run as promise reactions, which still
    /// run, and its guard timers (for frames and preloads that never answer) are left unset.
    async fn axe(&self, page: &str) {
        let axe = std::fs::read_to_string(axe_core_path())
            .expect("axe-core is installed: run `npm ci` in the repository (see README)");
        if self.scripts == Scripts::Off {
            let timers_as_promises = "window.setTimeout = (callback, delay, ...values) => { \
                if (!delay) { Promise.resolve().then(() => callback(...values)); } return 0; }; \
                window.clearTimeout = () => {};";
            self.client.execute(timers_as_promises, vec![]).await.expect("timers replaced");
        }
        self.client.execute(&format!("{axe}\nreturn true;"), vec![]).await.expect("axe-core loads");
        let run = r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: arguments[0] } })
               .then(result => done(result.violations.map(v => ({
                   id: v.id, impact: v.impact, help: v.help,
                   nodes: v.nodes.map(n => n.target.join(' ')) }))))
               .catch(error => done([{ id: 'axe-error', help: String(error), nodes: [] }]));
        "#;
        let violations = self.client.execute_async(run, vec![json!(AXE_RULE_TAGS)]).await.expect("axe runs");
        let violations = violations.as_array().cloned().unwrap_or_default();
        assert!(violations.is_empty(), "axe found violations on the {page} page: {}", describe(&violations));
    }

    async fn resize(&self, width: u32, height: u32) {
        self.client.set_window_size(width, height).await.expect("the window resizes");
    }

    /// Where an element starts from the left and how wide it is, in CSS pixels.
    async fn horizontal_extent(&self, css: &str) -> (f64, f64) {
        let element = self.client.find(Locator::Css(css)).await.unwrap_or_else(|_| panic!("{css} is on the page"));
        let (left, _, width, _) = element.rectangle().await.unwrap();
        (left, width)
    }

    async fn assert_nothing_wider_than_the_window(&self) {
        let widths = "return [document.documentElement.scrollWidth, window.innerWidth];";
        let widths: Vec<f64> = serde_json::from_value(self.client.execute(widths, vec![]).await.unwrap()).unwrap();
        assert!(widths[0] <= widths[1], "the page is {} px wide in a window of {} px", widths[0], widths[1]);
    }

    /// How many A4 pages the page prints on, with its print stylesheet.
    async fn printed_pages(&self) -> usize {
        let pdf = self.client.print(PrintConfiguration::default()).await.expect("a PDF");
        let page = b"/Type /Page";
        pdf.windows(page.len() + 1).filter(|w| w.starts_with(page) && w[page.len()] != b's').count()
    }

    /// Scrolls `css` to the top of the window, then saves a screenshot.
    async fn screenshot_at(&self, css: &str, name: &str) {
        let scroll = "document.querySelector(arguments[0]).scrollIntoView(); return true;";
        self.client.execute(scroll, vec![json!(css)]).await.expect("the element scrolls into view");
        self.screenshot(name).await;
    }

    /// Saves a PNG of the page in `target/tmp/screenshots` (the README's images come from there).
    async fn screenshot(&self, name: &str) {
        if self.scripts == Scripts::Off {
            return;
        }
        let png = self.client.screenshot().await.expect("a screenshot");
        let directory = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
        std::fs::create_dir_all(&directory).unwrap();
        std::fs::write(directory.join(format!("{name}.png")), png).unwrap();
    }
}

/// Also when a test fails half-way, so no chromedriver outlives its test.
impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn wait_for_port(port: u16) {
    for _ in 0..100 {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("chromedriver did not open port {port}");
}

fn find_chromedriver() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join("chromedriver")).find(|candidate| candidate.is_file())
}

/// The fixed parts, of two words or more, of every English message that another language
/// says differently: none may appear on a page in that language.
fn english_sentences() -> &'static [String] {
    static SENTENCES: OnceLock<Vec<String>> = OnceLock::new();
    SENTENCES.get_or_init(|| {
        let placeholder = regex::Regex::new(r"\{[^}]*\}").unwrap();
        i18n::message_ids(Lang::En)
            .into_iter()
            .filter(|id| Lang::En.t(id.clone()) != Lang::Es.t(id.clone()))
            .flat_map(|id| {
                let english = Lang::En.t(id);
                placeholder.split(&english).map(str::trim).map(str::to_string).collect::<Vec<_>>()
            })
            .filter(|fragment| fragment.split_whitespace().count() >= 2)
            .collect()
    })
}

fn axe_core_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js")
}

fn describe(violations: &[Value]) -> String {
    serde_json::to_string_pretty(violations).unwrap_or_default()
}
