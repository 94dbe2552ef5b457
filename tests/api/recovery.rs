//! Lost-link recovery: a clinician who lost their manage link gets a one-time
//! link by mail that replaces it; whoever asks learns nothing of whether an
//! address is known.

use benzowise::i18n::Lang;
use serde_json::json;

use crate::helpers::{ListingBuilder, Reply, TestApp};
use crate::mail_server::{spawn_app_with_mail, MailServer, ReceivedMail};

/// Where links in mail and on pages point (`PUBLIC_URL` in the tests).
const SITE: &str = "http://benzowise.test";

/// The path of the first link to the site in `text` that contains `path`.
fn site_path_in(text: &str, path: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '"')
        .filter_map(|word| word.strip_prefix(SITE))
        .find(|link| link.contains(path))
        .unwrap_or_else(|| panic!("a link to {path} in {text}"))
        .to_string()
}

fn recovery_path(mail: &ReceivedMail) -> String {
    site_path_in(&mail.body, "/manage/recover/")
}

async fn ask_by_form(app: &TestApp, email: &str) -> Reply {
    app.post_form("/manage/recovery", &[("email", email)]).await
}

async fn ask_by_api(app: &TestApp, email: &str) -> Reply {
    app.post_json("/api/v1/manage/recovery", &json!({ "email": email })).await
}

#[actix_rt::test]
async fn a_lost_link_is_replaced_through_a_mailed_link_that_works_once() {
    let Some(server) = MailServer::start() else { return };
    let app = spawn_app_with_mail(&server).await;
    let moderator = app.login_moderator("mira").await;
    let listing = ListingBuilder::new().named("Dr. Ada Lost").contact("ada.lost@example.org").build();
    let submitted = app.submit(&listing).await;
    assert_eq!(app.approve(&moderator, submitted.submission_id).await.status, 200);
    server.wait_for(2).await; // the receipt and the approval

    let form = app.get("/submit").await;
    assert!(form.text.contains(r#"href="/manage/recovery""#), "the submission page offers recovery");
    let asked = ask_by_form(&app, "  Ada.LOST@example.org ").await;
    assert_eq!(asked.status, 200, "{}", asked.text);
    assert!(asked.text.contains(&Lang::En.t("recovery-sent-title")));

    let mail = server.wait_for(3).await.remove(2);
    assert_eq!(mail.to, "ada.lost@example.org");
    assert_eq!(mail.subject, Lang::En.t("mail-recovery-subject"));
    assert!(mail.body.contains("Dr. Ada Lost"), "{}", mail.body);
    let link = recovery_path(&mail);
    let opened = app.get(&link).await;
    assert_eq!(opened.status, 200, "{}", opened.text);
    assert!(opened.text.contains(&Lang::En.t("recovery-confirm-button")));
    assert_eq!(opened.header("cache-control"), Some("no-store"));
    assert_eq!(app.manage("GET", &submitted.token, None).await.status, 200, "opening the link changes nothing");

    let recovered = app.post_form(&link, &[]).await;
    assert_eq!(recovered.status, 200, "{}", recovered.text);
    let manage = site_path_in(&recovered.text, "/manage/");
    let new_token = manage.strip_prefix("/manage/").unwrap();
    assert_ne!(new_token, submitted.token);
    assert_eq!(app.manage("GET", &submitted.token, None).await.status, 401, "the old token no longer works");
    assert_eq!(app.manage_status(new_token).await.listing_id, submitted.listing_id);
    assert_eq!(app.get(&manage).await.status, 200, "the new manage page opens");

    let again = app.post_form(&link, &[]).await;
    assert_eq!(again.status, 410, "the link works once: {}", again.text);
    assert!(again.text.contains(&Lang::En.t("recovery-used")));
    assert_eq!(app.get(&link).await.status, 410);
    assert_eq!(app.manage_status(new_token).await.listing_id, submitted.listing_id, "a second try changes nothing");

    let events = app.audit_events(&moderator).await;
    assert!(events
        .iter()
        .any(|event| event.action == "recover_link" && event.listing_id == Some(submitted.listing_id)));
}

#[actix_rt::test]
async fn an_unknown_address_gets_the_same_answer_and_no_mail() {
    let Some(server) = MailServer::start() else { return };
    let app = spawn_app_with_mail(&server).await;
    // Never approved: the address of the version sent is the one that counts.
    app.submit(&ListingBuilder::new().contact("known@example.org").build()).await;
    server.wait_for(1).await;

    let unknown_page = ask_by_form(&app, "nobody@example.org").await;
    let unknown_api = ask_by_api(&app, "nobody@example.org").await;
    let known_page = ask_by_form(&app, "known@example.org").await;
    let known_api = ask_by_api(&app, "known@example.org").await;

    assert_eq!((unknown_page.status, unknown_page.text), (known_page.status, known_page.text));
    assert_eq!((unknown_api.status, &unknown_api.text), (202, &known_api.text));
    // Mail goes out in the order it was written: the known address's two
    // links arrive after anything the unknown one could have caused.
    let received = server.wait_for(3).await;
    actix_rt::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(server.received().len(), 3, "{received:#?}");
    assert!(received.iter().all(|mail| mail.to == "known@example.org"), "{received:#?}");
    assert_ne!(recovery_path(&received[1]), recovery_path(&received[2]), "each request has its own link");
}

#[actix_rt::test]
async fn a_spanish_speaking_clinician_recovers_in_spanish() {
    let Some(server) = MailServer::start() else { return };
    let app = spawn_app_with_mail(&server).await;
    let listing = ListingBuilder::new().named("Dra. Inés Olvido").contact("ines@example.org").build();
    let sent = app.send_json("POST", "/api/v1/submissions", &listing, &[("accept-language", "es")]).await;
    assert_eq!(sent.status, 201, "{}", sent.text);
    server.wait_for(1).await;

    assert_eq!(ask_by_api(&app, "INES@example.org").await.status, 202);
    let mail = server.wait_for(2).await.remove(1);
    assert_eq!(mail.subject, Lang::Es.t("mail-recovery-subject"));
    assert!(mail.body.contains("Estimado/a Dra. Inés Olvido"), "{}", mail.body);
    let link = recovery_path(&mail);
    assert!(link.starts_with("/es/manage/recover/"), "{link}");

    let opened = app.get(&link).await;
    assert!(
        opened.text.contains(r#"<html lang="es">"#) && opened.text.contains(&Lang::Es.t("recovery-confirm-button"))
    );
    let recovered = app.post_form(&link, &[]).await;
    assert_eq!(recovered.status, 200, "{}", recovered.text);
    assert!(recovered.text.contains(&Lang::Es.t("recovery-done-save")));
    let manage = site_path_in(&recovered.text, "/manage/");
    assert!(manage.starts_with("/es/manage/"), "{manage}");
    assert_eq!(app.get(&manage).await.status, 200);
}

#[actix_rt::test]
async fn recovery_is_limited_per_address_and_per_client() {
    let app = crate::helpers::spawn_app().await;
    app.submit(&ListingBuilder::new().contact("busy@example.org").build()).await;

    for _ in 0..5 {
        assert_eq!(ask_by_api(&app, "busy@example.org").await.status, 202);
    }
    let limited = ask_by_api(&app, "BUSY@example.org").await;
    assert_eq!(limited.status, 429, "{}", limited.text);
    assert_eq!(limited.header("content-type"), Some("application/problem+json"));
    assert!(limited.header("retry-after").is_some());
    let page = ask_by_form(&app, "busy@example.org").await;
    assert_eq!(page.status, 429, "the page shares the limit");

    // Other addresses from the same client, up to 20 requests in all.
    for number in 0..13 {
        assert_eq!(ask_by_api(&app, &format!("other{number}@example.org")).await.status, 202);
    }
    assert_eq!(ask_by_api(&app, "one.more@example.org").await.status, 429, "the client's limit");
}

#[actix_rt::test]
async fn a_bad_address_is_named_and_nothing_is_counted() {
    let app = crate::helpers::spawn_app().await;
    for body in [json!({}), json!({ "email": "not-an-address" }), json!({ "email": "   " })] {
        let reply = app.post_json("/api/v1/manage/recovery", &body).await;
        assert_eq!(reply.status, 422, "{body}: {}", reply.text);
        assert_eq!(reply.error_fields(), ["email"], "{body}");
    }
    let unknown_field =
        app.post_json("/api/v1/manage/recovery", &json!({ "email": "a@example.org", "name": "x" })).await;
    assert_eq!(unknown_field.status, 422, "{}", unknown_field.text);

    let page =
        app.request("POST", "/es/manage/recovery", &[crate::helpers::FORM], Some(b"email=ana%40".to_vec())).await;
    assert_eq!(page.status, 422);
    assert!(page.text.contains(r#"value="ana@""#), "the value stays: {}", page.text);
    assert!(page.text.contains("debe ser una dirección de correo electrónico"), "{}", page.text);

    for _ in 0..5 {
        assert_eq!(ask_by_api(&app, "a@example.org").await.status, 202, "bad requests used none of the limit");
    }
}

#[actix_rt::test]
async fn an_unknown_or_expired_link_gets_a_kind_page() {
    let Some(server) = MailServer::start() else { return };
    let app = spawn_app_with_mail(&server).await;
    let unknown = app.get("/manage/recover/0123456789abcdef").await;
    assert_eq!(unknown.status, 404);
    assert!(
        unknown.text.contains(&Lang::En.t("recovery-unknown")) && unknown.text.contains(r#"href="/manage/recovery""#)
    );
    assert_eq!(app.post_form("/manage/recover/0123456789abcdef", &[]).await.status, 404);

    let submitted = app.submit(&ListingBuilder::new().contact("late@example.org").build()).await;
    assert_eq!(ask_by_api(&app, "late@example.org").await.status, 202);
    let link = recovery_path(&server.wait_for(2).await[1]);
    // As if its 24 hours had passed.
    app.connect_and_run("UPDATE recovery_tokens SET expires_at = created_at");
    let expired = app.post_form(&link, &[]).await;
    assert_eq!(expired.status, 410, "{}", expired.text);
    assert!(expired.text.contains(&Lang::En.t("recovery-expired")));
    assert_eq!(app.manage("GET", &submitted.token, None).await.status, 200, "the old token still works");
}

#[actix_rt::test]
async fn the_recovery_operation_is_documented_and_needs_no_token() {
    let app = crate::helpers::spawn_app().await;
    let document: serde_json::Value = app.get("/api/openapi.json").await.json();
    let operation = &document["paths"]["/api/v1/manage/recovery"]["post"];
    assert!(operation["security"].is_null(), "{operation}");
    assert_eq!(operation["tags"], json!(["clinician"]));
    for status in ["202", "422", "429"] {
        assert!(operation["responses"][status].is_object(), "{status} in {operation}");
    }
    assert!(operation["responses"]["401"].is_null(), "{operation}");
}
