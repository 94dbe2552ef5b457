//! Two-factor authentication for moderators: enrolment with a QR code and one
//! confirming code, the code at log-in (a field of the JSON log-in, a second
//! step on the site), single-use codes and recovery codes, the throttle, and
//! `BENZOWISE_ENV=production`, where nothing works before enrolment.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use diesel::QueryableByName;
use serde_json::{json, Value};
use totp_rs::{Algorithm, Secret, TOTP};

use crate::helpers::{form_body, spawn_app, spawn_app_with, ModeratorSession, TestApp, FORM};

const PASSWORD: &str = "a long moderator password";

/// The moderator's authenticator app, set up from the secret the enrolment page shows.
pub struct Authenticator(TOTP);

impl Authenticator {
    /// The code the app shows `steps_back` 30-second steps ago (0: now).
    pub fn code(&self, steps_back: u64) -> String {
        self.0.generate(now() - steps_back * 30)
    }
}

fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs()
}

/// Waits out the last seconds of a 30-second step, so that a code computed
/// here is checked by the server in the same step.
pub async fn fresh_step() {
    let into_step = now() % 30;
    if into_step >= 27 {
        actix_rt::time::sleep(Duration::from_secs(30 - into_step + 1)).await;
    }
}

/// The text of the element with this id on a page.
pub fn element_text<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page.find(&format!(r#"id="{id}""#)).unwrap_or_else(|| panic!("no #{id} in {page}"));
    let open = start + page[start..].find('>').unwrap() + 1;
    &page[open..open + page[open..].find('<').unwrap()]
}

/// Enrols a logged-in moderator with the code of the step before this one,
/// so that the current step's code is still fresh for the next log-in.
/// Returns their authenticator and their recovery codes.
pub async fn enrol(app: &TestApp, who: &ModeratorSession) -> (Authenticator, Vec<String>) {
    let page = app.request("GET", "/moderate/two-factor", &[("cookie", &who.cookie)], None).await;
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(page.text.contains("<svg"), "the QR code is drawn on the server");
    let app_totp = authenticator_for(&page.text);
    fresh_step().await;
    let body = form_body(&[("csrf_token", &who.csrf), ("code", &app_totp.code(1))]);
    let done = app.request("POST", "/moderate/two-factor", &[FORM, ("cookie", &who.cookie)], Some(body)).await;
    assert_eq!(done.status, 200, "{}", done.text);
    let list = &done.text[done.text.find(r#"id="recovery-codes""#).unwrap()..];
    let list = &list[..list.find("</ul>").unwrap()];
    let codes = list.split("<code>").skip(1).map(|code| code[..code.find('<').unwrap()].to_string()).collect();
    (app_totp, codes)
}

async fn log_in(app: &TestApp, name: &str, code: Option<&str>) -> crate::helpers::Reply {
    let mut body = json!({"username": name, "password": PASSWORD});
    if let Some(code) = code {
        body["code"] = json!(code);
    }
    app.post_json("/api/v1/moderator/session", &body).await
}

fn problem_type(reply: &crate::helpers::Reply) -> String {
    reply.json::<Value>()["type"].as_str().unwrap_or_default().to_string()
}

#[actix_rt::test]
async fn enrolment_shows_a_qr_code_and_turns_on_only_with_a_right_code() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    let cookie = [("cookie", ines.cookie.as_str())];

    let page = app.request("GET", "/moderate/two-factor", &cookie, None).await;
    let secret = element_text(&page.text, "totp-secret").to_string();
    assert_eq!(secret.len(), 32, "a 160-bit secret in base32: {secret}");
    let again = app.request("GET", "/moderate/two-factor", &cookie, None).await;
    assert_eq!(element_text(&again.text, "totp-secret"), secret, "reloading keeps the secret being set up");

    let wrong = form_body(&[("csrf_token", &ines.csrf), ("code", "000000")]);
    let refused = app.request("POST", "/moderate/two-factor", &[FORM, cookie[0]], Some(wrong)).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text.contains(r#"id="code-error""#), "the error is beside the field");
    assert_eq!(log_in(&app, "ines", None).await.status, 200, "still off after a wrong code");

    let (_, codes) = enrol(&app, &ines).await;
    assert_eq!(codes.len(), 10);
    assert_eq!(codes.iter().collect::<std::collections::HashSet<_>>().len(), 10);
    let on = app.request("GET", "/moderate/two-factor", &cookie, None).await;
    assert!(on.text.contains("10 recovery codes are left"), "{}", on.text);
    assert!(!on.text.contains(&secret), "the secret is never shown again");
}

#[actix_rt::test]
async fn the_json_log_in_takes_the_code_and_refuses_wrong_reused_and_stale_ones() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    let (authenticator, _) = enrol(&app, &ines).await;

    let without = log_in(&app, "ines", None).await;
    assert_eq!((without.status, problem_type(&without).as_str()), (401, "/problems/code-required"));
    assert_eq!(log_in(&app, "ines", Some("123456")).await.status, 401);
    assert_eq!(log_in(&app, "ines", Some(&authenticator.code(1))).await.status, 401, "the enrolment's code was used");
    assert_eq!(log_in(&app, "ines", Some(&authenticator.code(3))).await.status, 401, "a code from 90 s ago");

    let code = authenticator.code(0);
    let accepted = log_in(&app, "ines", Some(&code)).await;
    assert_eq!(accepted.status, 200, "{}", accepted.text);
    assert_eq!(log_in(&app, "ines", Some(&code)).await.status, 401, "a code works once");
    assert_eq!(log_in(&app, "ines", Some(&authenticator.code(1))).await.status, 401, "older than the last one used");

    let cookie = accepted.header("set-cookie").unwrap().split(';').next().unwrap().to_string();
    let queue = app.request("GET", "/api/v1/moderation/queue", &[("cookie", &cookie)], None).await;
    assert_eq!(queue.status, 200, "a session with both factors works");
}

#[actix_rt::test]
async fn each_recovery_code_opens_the_account_once() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    let (_, codes) = enrol(&app, &ines).await;

    assert_eq!(log_in(&app, "ines", Some(&codes[0])).await.status, 200);
    assert_eq!(log_in(&app, "ines", Some(&codes[0])).await.status, 401, "used up");
    let typed_loosely = codes[1].to_uppercase().replace('-', " ");
    assert_eq!(log_in(&app, "ines", Some(&typed_loosely)).await.status, 200, "case and dashes do not matter");
    let page = app.request("GET", "/moderate/two-factor", &[("cookie", &ines.cookie)], None).await;
    assert!(page.text.contains("8 recovery codes are left"), "{}", page.text);
}

#[actix_rt::test]
async fn wrong_codes_count_toward_the_log_in_throttle() {
    let app = spawn_app_with(|settings| settings.login_max_failures = 3).await;
    let ines = app.login_moderator("ines").await;
    let (authenticator, _) = enrol(&app, &ines).await;
    for _ in 0..3 {
        assert_eq!(log_in(&app, "ines", Some("999999")).await.status, 401);
    }
    let throttled = log_in(&app, "ines", Some(&authenticator.code(0))).await;
    assert_eq!(throttled.status, 429, "even the right code waits once the limit is reached");
    assert!(throttled.header("retry-after").is_some());
}

#[actix_rt::test]
async fn the_site_asks_for_the_code_after_the_password_and_the_half_session_opens_nothing() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    let (authenticator, _) = enrol(&app, &ines).await;

    let body = form_body(&[("username", "ines"), ("password", PASSWORD)]);
    let reply = app.request("POST", "/moderate/login", &[FORM], Some(body)).await;
    assert_eq!(reply.status, 303);
    let cookie = reply.header("set-cookie").unwrap().split(';').next().unwrap().to_string();
    let page = app.request("GET", "/moderate", &[("cookie", &cookie)], None).await;
    assert!(page.text.contains(r#"action="/moderate/login/code""#), "the second step: {}", page.text);
    let csrf = page.text.split(r#"name="csrf_token" value=""#).nth(1).unwrap().split('"').next().unwrap().to_string();
    let reports = app.request("GET", "/moderate/reports", &[("cookie", &cookie)], None).await;
    assert_eq!(reports.status, 303, "no workbench page before the code");
    let api = app.request("GET", "/api/v1/moderation/queue", &[("cookie", &cookie)], None).await;
    assert_eq!(api.status, 401, "nor the API");

    let wrong = form_body(&[("csrf_token", &csrf), ("code", "000000")]);
    let refused = app.request("POST", "/moderate/login/code", &[FORM, ("cookie", &cookie)], Some(wrong)).await;
    assert_eq!(refused.status, 401);
    fresh_step().await;
    let right = form_body(&[("csrf_token", &csrf), ("code", &authenticator.code(0))]);
    let passed = app.request("POST", "/moderate/login/code", &[FORM, ("cookie", &cookie)], Some(right)).await;
    assert_eq!(passed.status, 303);
    let renewed = passed.header("set-cookie").unwrap().split(';').next().unwrap().to_string();
    assert_ne!(renewed, cookie, "the code gives a new session");
    let queue = app.request("GET", "/moderate", &[("cookie", &renewed)], None).await;
    assert!(queue.text.contains("<h1>Waiting for review</h1>"), "the queue opens: {}", queue.text);
    let before = app.request("GET", "/api/v1/moderation/queue", &[("cookie", &cookie)], None).await;
    assert_eq!(before.status, 401, "the cookie from before the code opens nothing");
}

#[actix_rt::test]
async fn in_production_a_moderator_without_two_factors_can_only_enrol() {
    let app = spawn_app_with(|settings| settings.require_two_factor = true).await;
    let ines = app.login_moderator("ines").await;
    let queue = app.as_moderator(&ines, "GET", "/api/v1/moderation/queue", None).await;
    assert_eq!((queue.status, problem_type(&queue).as_str()), (403, "/problems/two-factor-required"));
    let page = app.request("GET", "/moderate", &[("cookie", &ines.cookie)], None).await;
    assert_eq!((page.status, page.header("location")), (303, Some("/moderate/two-factor")));
    let enrolment = app.request("GET", "/moderate/two-factor", &[("cookie", &ines.cookie)], None).await;
    assert!(enrolment.text.contains("requires them of every moderator"), "{}", enrolment.text);

    enrol(&app, &ines).await;
    assert_eq!(app.as_moderator(&ines, "GET", "/api/v1/moderation/queue", None).await.status, 200);
    assert_eq!(app.request("GET", "/moderate", &[("cookie", &ines.cookie)], None).await.status, 200);
}

#[actix_rt::test]
async fn neither_the_secret_nor_a_recovery_code_is_stored_in_the_clear() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    let page = app.request("GET", "/moderate/two-factor", &[("cookie", &ines.cookie)], None).await;
    let secret = element_text(&page.text, "totp-secret").to_string();
    let (_, codes) = enrol(&app, &ines).await;

    use diesel::RunQueryDsl;
    let mut conn = app.connect();
    let sealed: Option<String> = diesel::sql_query("SELECT totp_secret FROM moderators WHERE username = 'ines'")
        .get_result::<Sealed>(&mut conn)
        .unwrap()
        .totp_secret;
    let sealed = sealed.expect("a sealed secret");
    let raw = hex_of_base32(&secret);
    assert!(!sealed.contains(&secret) && !sealed.contains(&raw), "sealed, not encoded: {sealed}");
    let stored: Vec<Stored> =
        diesel::sql_query("SELECT code_hash FROM moderator_recovery_codes").load(&mut conn).unwrap();
    assert_eq!(stored.len(), 10);
    for code in &codes {
        let letters: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        assert!(stored.iter().all(|row| !row.code_hash.contains(&letters)));
    }
}

#[derive(QueryableByName)]
struct Sealed {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    totp_secret: Option<String>,
}

#[derive(QueryableByName)]
struct Stored {
    #[diesel(sql_type = diesel::sql_types::Text)]
    code_hash: String,
}

fn hex_of_base32(secret: &str) -> String {
    Secret::Encoded(secret.to_string()).to_bytes().unwrap().iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The secret shown on the enrolment page, as an authenticator app would read it.
fn authenticator_for(page: &str) -> Authenticator {
    let bytes = Secret::Encoded(element_text(page, "totp-secret").to_string()).to_bytes().unwrap();
    Authenticator(TOTP::new(Algorithm::SHA1, 6, 0, 30, bytes, None, "moderator".into()).unwrap())
}

#[actix_rt::test]
async fn a_pending_secret_is_never_shown_to_another_session() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    // Someone with the stolen password opens the enrolment page first.
    let thief = app.session_for("ines").await;
    let stolen = app.request("GET", "/moderate/two-factor", &[("cookie", &thief.cookie)], None).await;
    let stolen_secret = element_text(&stolen.text, "totp-secret").to_string();

    let own = app.request("GET", "/moderate/two-factor", &[("cookie", &ines.cookie)], None).await;
    assert_ne!(element_text(&own.text, "totp-secret"), stolen_secret, "each session sets up its own secret");
    enrol(&app, &ines).await;

    fresh_step().await;
    let with_stolen = log_in(&app, "ines", Some(&authenticator_for(&stolen.text).code(0))).await;
    assert_eq!(with_stolen.status, 401, "the secret another session was shown opens nothing");
    let thiefs_page = app.request("GET", "/moderate/two-factor", &[("cookie", &thief.cookie)], None).await;
    assert_eq!(thiefs_page.status, 303, "the thief's session ended when two factors went on");
}

#[actix_rt::test]
async fn a_secret_is_confirmed_only_against_the_session_that_was_shown_it() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    let other = app.session_for("ines").await;
    let page = app.request("GET", "/moderate/two-factor", &[("cookie", &ines.cookie)], None).await;
    let authenticator = authenticator_for(&page.text);

    fresh_step().await;
    let body = form_body(&[("csrf_token", &other.csrf), ("code", &authenticator.code(0))]);
    let elsewhere = app.request("POST", "/moderate/two-factor", &[FORM, ("cookie", &other.cookie)], Some(body)).await;

    assert_eq!(elsewhere.status, 422, "another session has no such secret");
    assert_eq!(log_in(&app, "ines", None).await.status, 200, "two factors are still off");
}

#[actix_rt::test]
async fn turning_two_factors_on_ends_the_sessions_that_never_gave_a_code() {
    let app = spawn_app_with(|settings| settings.require_two_factor = true).await;
    let ines = app.login_moderator("ines").await;
    let password_only = app.session_for("ines").await;
    let before = app.as_moderator(&password_only, "GET", "/api/v1/moderation/queue", None).await;
    assert_eq!((before.status, problem_type(&before).as_str()), (403, "/problems/two-factor-required"));

    enrol(&app, &ines).await;

    let after = app.as_moderator(&password_only, "GET", "/api/v1/moderation/queue", None).await;
    assert_eq!(after.status, 401, "not promoted by another session's code");
    assert_eq!(app.as_moderator(&ines, "GET", "/api/v1/moderation/queue", None).await.status, 200);
}

#[actix_rt::test]
async fn a_new_password_or_a_reset_ends_every_session_of_the_account() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    app.add_moderator("ines", "a brand new moderator password");
    assert_eq!(app.as_moderator(&ines, "GET", "/api/v1/moderation/queue", None).await.status, 401);

    let again = app.login("ines", "a brand new moderator password").await;
    assert_eq!(again.status, 200);
    let cookie = again.header("set-cookie").unwrap().split(';').next().unwrap().to_string();
    benzowise::db::moderators::Moderator::reset_two_factor(&mut app.connect(), "ines").unwrap();
    let reset = app.request("GET", "/api/v1/moderation/queue", &[("cookie", &cookie)], None).await;
    assert_eq!(reset.status, 401);
}

#[actix_rt::test]
async fn a_cross_site_log_in_is_refused() {
    let app = spawn_app().await;
    app.add_moderator("mira", PASSWORD);
    let body = || Some(form_body(&[("username", "mira"), ("password", PASSWORD)]));

    for headers in [
        vec![FORM, ("sec-fetch-site", "cross-site")],
        vec![FORM, ("sec-fetch-site", "same-site")],
        vec![FORM, ("origin", "https://attacker.example")],
        vec![FORM, ("origin", "null")],
    ] {
        let refused = app.request("POST", "/moderate/login", &headers, body()).await;
        assert_eq!(refused.status, 403, "{headers:?}");
        assert!(refused.header("set-cookie").is_none(), "{headers:?}");
    }
    let origin = app.address.clone();
    for headers in [vec![FORM, ("sec-fetch-site", "same-origin")], vec![FORM, ("origin", origin.as_str())], vec![FORM]]
    {
        assert_eq!(app.request("POST", "/moderate/login", &headers, body()).await.status, 303, "{headers:?}");
    }
}

#[actix_rt::test]
async fn a_session_ends_after_its_idle_time() {
    let app = spawn_app_with(|settings| settings.session_idle = Duration::from_secs(2)).await;
    let ines = app.login_moderator("ines").await;
    assert_eq!(app.as_moderator(&ines, "GET", "/api/v1/moderation/queue", None).await.status, 200);

    actix_rt::time::sleep(Duration::from_millis(3500)).await;

    assert_eq!(app.as_moderator(&ines, "GET", "/api/v1/moderation/queue", None).await.status, 401);
}
