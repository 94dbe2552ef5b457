//! Claiming an unclaimed listing: by a mailed link when the address shares
//! the practice's domain, else through a moderator; refused for a claimed
//! listing; the same answer whether or not a claim is pending; limited.

use benzowise::i18n::Lang;
use serde_json::{json, Value};

use crate::helpers::{form_body, spawn_app, ListingBuilder, TestApp, FORM};
use crate::mail_server::{spawn_app_with_mail, MailServer, ReceivedMail};

/// A public listing as an import leaves it: unclaimed, with no contact email.
/// Its website is `example.org` and its public email `office@example.org`.
fn unclaimed(app: &TestApp, name: &str) -> i64 {
    let loaded = ListingBuilder::new().named(name).insert_public(app);
    app.connect_and_run(&format!(
        "UPDATE listings SET claimed = FALSE, \
         content = replace(content, '\"contact_email\":\"rowan.private@example.org\"', '\"contact_email\":\"\"') \
         WHERE id = {}",
        loaded.listing_id
    ));
    loaded.listing_id
}

fn claim_path(id: i64) -> String {
    format!("/api/v1/clinicians/{id}/claim")
}

/// The first link in a message that contains `path`, as a path on the site.
fn path_in(mail: &ReceivedMail, path: &str) -> String {
    let link = mail.body.split_whitespace().find(|word| word.starts_with("http") && word.contains(path));
    link.unwrap_or_else(|| panic!("a link to {path} in {mail:#?}")).replace("http://benzowise.test", "")
}

async fn public(app: &TestApp, id: i64) -> Value {
    app.public_listing(id).await.json()
}

#[actix_rt::test]
async fn an_address_at_the_practice_claims_by_the_mailed_link() {
    let Some(server) = MailServer::start() else { return };
    let app = spawn_app_with_mail(&server).await;
    let id = unclaimed(&app, "Dr. Ada Claim");
    let profile = app.get(&format!("/clinicians/{id}")).await;
    assert!(profile.text.contains(&format!(r#"href="/clinicians/{id}/claim""#)), "the profile offers the claim");

    let reply = app.post_json(&claim_path(id), &json!({"email": "Ada@Example.org"})).await;
    assert_eq!(reply.status, 202, "{}", reply.text);
    let mail = &server.wait_for(1).await[0];
    assert_eq!(
        (mail.to.as_str(), mail.subject.as_str()),
        ("ada@example.org", Lang::En.t("mail-claim-link-subject").as_str())
    );
    let link = path_in(mail, "/claim/");
    assert_eq!(app.get(&link).await.status, 200, "opening the link changes nothing");
    assert_eq!(public(&app, id).await["claimed"], json!(false));

    let done = app.request("POST", &link, &[FORM], Some(Vec::new())).await;
    assert_eq!(done.status, 200, "{}", done.text);
    assert_eq!(public(&app, id).await["claimed"], json!(true));
    assert_eq!(app.request("POST", &link, &[FORM], Some(Vec::new())).await.status, 410, "the link works once");
    let profile = app.get(&format!("/clinicians/{id}")).await;
    assert!(!profile.text.contains("not yet confirmed by the clinician"), "{}", profile.text);

    let manage_mail = &server.wait_for(2).await[1];
    assert_eq!(
        (manage_mail.to.as_str(), manage_mail.subject.as_str()),
        ("ada@example.org", Lang::En.t("mail-claimed-subject").as_str())
    );
    let manage = path_in(manage_mail, "/manage/");
    let token = manage.rsplit('/').next().unwrap();
    let status = app.manage("GET", token, None).await;
    assert_eq!(status.status, 200, "the mailed manage link works: {}", status.text);
    assert!(status.text.contains("ada@example.org"), "the claimer is the contact now");
    let moderator = app.login_moderator("mira").await;
    assert!(app
        .audit_events(&moderator)
        .await
        .iter()
        .any(|event| event.action == "claim" && event.listing_id == Some(id)));
}

/// The claims page as a moderator sees it.
async fn claims_page(app: &TestApp, cookie: &str) -> String {
    let page = app.request("GET", "/moderate/claims", &[("cookie", cookie)], None).await;
    assert_eq!(page.status, 200, "{}", page.text);
    page.text
}

/// The id of the first claim a claims page offers to decide.
fn first_claim(page: &str) -> String {
    let start = page.find("/moderate/claims/").expect("a waiting claim") + "/moderate/claims/".len();
    page[start..].split('/').next().unwrap().to_string()
}

#[actix_rt::test]
async fn any_other_address_waits_for_a_moderator_who_accepts_or_declines() {
    let Some(server) = MailServer::start() else { return };
    let app = spawn_app_with_mail(&server).await;
    let (first, second) = (unclaimed(&app, "Dr. Bo Claim"), unclaimed(&app, "Dr. Cy Claim"));
    let moderator = app.login_moderator("mira").await;
    let headers = [FORM, ("cookie", moderator.cookie.as_str())];

    let claim = json!({"email": "bo@elsewhere.test", "npi": "1234567893", "message": "I moved practices"});
    assert_eq!(app.post_json(&claim_path(first), &claim).await.status, 202);
    let page = claims_page(&app, &moderator.cookie).await;
    assert!(page.contains("Dr. Bo Claim") && page.contains("bo@elsewhere.test") && page.contains("I moved practices"));
    assert!(page.contains("1234567893"), "the NPI and its registry verdict are shown");
    let accept = format!("/moderate/claims/{}/approve", first_claim(&page));
    let no_token = app.request("POST", &accept, &headers, Some(form_body(&[]))).await;
    assert_eq!(no_token.status, 403, "the workbench form needs its CSRF token");
    let accepted = app.request("POST", &accept, &headers, Some(form_body(&[("csrf_token", &moderator.csrf)]))).await;
    assert_eq!(accepted.status, 303, "{}", accepted.text);
    assert_eq!(public(&app, first).await["claimed"], json!(true));
    let mail = &server.wait_for(1).await[0];
    assert_eq!(
        (mail.to.as_str(), mail.subject.as_str()),
        ("bo@elsewhere.test", Lang::En.t("mail-claimed-subject").as_str())
    );
    let token = path_in(mail, "/manage/").rsplit('/').next().unwrap().to_string();
    assert_eq!(app.manage("GET", &token, None).await.status, 200, "the mailed manage link works");

    assert_eq!(app.post_json(&claim_path(second), &json!({"email": "cy@elsewhere.test"})).await.status, 202);
    let page = claims_page(&app, &moderator.cookie).await;
    let decline = format!("/moderate/claims/{}/reject", first_claim(&page));
    let no_reason = app.request("POST", &decline, &headers, Some(form_body(&[("csrf_token", &moderator.csrf)]))).await;
    assert_eq!(no_reason.status, 422, "declining needs a reason");
    let fields = [("csrf_token", moderator.csrf.as_str()), ("reason", "The name does not match the registry")];
    assert_eq!(app.request("POST", &decline, &headers, Some(form_body(&fields))).await.status, 303);
    let mail = &server.wait_for(2).await[1];
    assert_eq!(
        (mail.to.as_str(), mail.subject.as_str()),
        ("cy@elsewhere.test", Lang::En.t("mail-claim-rejected-subject").as_str())
    );
    assert!(mail.body.contains("The name does not match the registry"));
    assert_eq!(public(&app, second).await["claimed"], json!(false));
    let events = app.audit_events(&moderator).await;
    assert!(events.iter().any(|event| event.action == "reject_claim" && event.listing_id == Some(second)));
}

#[actix_rt::test]
async fn a_claimed_listing_cannot_be_claimed_and_a_missing_one_is_not_found() {
    let app = spawn_app().await;
    let claimed = ListingBuilder::new().insert_public(&app).listing_id;
    let reply = app.post_json(&claim_path(claimed), &json!({"email": "someone@example.org"})).await;
    assert_eq!(reply.status, 409, "{}", reply.text);
    assert_eq!(reply.header("content-type"), Some("application/problem+json"));
    assert_eq!(app.get(&format!("/clinicians/{claimed}/claim")).await.status, 409);
    let profile = app.get(&format!("/clinicians/{claimed}")).await;
    assert!(!profile.text.contains("/claim\""), "a claimed profile offers no claim");
    assert_eq!(app.post_json(&claim_path(9999), &json!({"email": "someone@example.org"})).await.status, 404);
}

#[actix_rt::test]
async fn bad_claim_fields_are_named_on_the_api_and_beside_the_page_fields() {
    let app = spawn_app().await;
    let id = unclaimed(&app, "Dr. Di Claim");
    let reply = app.post_json(&claim_path(id), &json!({"email": "nobody", "npi": "123"})).await;
    assert_eq!(reply.status, 422, "{}", reply.text);
    assert_eq!(reply.error_fields(), ["email", "npi"]);
    assert_eq!(app.post_json(&claim_path(id), &json!({"email": "a@b.test", "extra": 1})).await.status, 422);
    for (prefix, words) in [("", "must be an email address"), ("/es", "debe ser una dirección de correo electrónico")]
    {
        let page = app.post_form(&format!("{prefix}/clinicians/{id}/claim"), &[("email", "nobody")]).await;
        assert_eq!(page.status, 422, "{}", page.text);
        assert!(page.text.contains(r#"id="email-error""#) && page.text.contains(words), "{}", page.text);
    }
    let es = app.get(&format!("/es/clinicians/{id}/claim")).await;
    assert!(es.status == 200 && es.text.contains("Reclamar esta ficha"), "{}", es.text);
    assert!(!es.text.contains("rowan.private@example.org"), "nothing private is shown");
}

#[actix_rt::test]
async fn the_answer_is_the_same_with_or_without_a_pending_claim() {
    let app = spawn_app().await;
    let (by_link, by_moderator) = (unclaimed(&app, "Dr. Ed Claim"), unclaimed(&app, "Dr. Fay Claim"));
    for (id, email) in [(by_link, "ed@example.org"), (by_moderator, "fay@elsewhere.test")] {
        let first = app.post_json(&claim_path(id), &json!({"email": email})).await;
        let again = app.post_json(&claim_path(id), &json!({"email": email})).await;
        assert_eq!((first.status, &first.text), (again.status, &again.text));
        let page = app.post_form(&format!("/clinicians/{id}/claim"), &[("email", email)]).await;
        assert_eq!(page.status, 200, "{}", page.text);
        assert!(page.text.contains("Claim received"));
    }
    let a = app.post_json(&claim_path(by_link), &json!({"email": "x@example.org"})).await;
    let b = app.post_json(&claim_path(by_moderator), &json!({"email": "x@elsewhere.test"})).await;
    assert_eq!((a.status, a.text), (b.status, b.text), "nor does it say which way the claim goes");
}

#[actix_rt::test]
async fn claims_are_limited_per_listing_and_per_client() {
    let app = spawn_app().await;
    let ids = [unclaimed(&app, "Dr. Gil Claim"), unclaimed(&app, "Dr. Hal Claim"), unclaimed(&app, "Dr. Ivy Claim")];
    for _ in 0..5 {
        assert_eq!(app.post_json(&claim_path(ids[0]), &json!({"email": "g@elsewhere.test"})).await.status, 202);
    }
    let limited = app.post_json(&claim_path(ids[0]), &json!({"email": "g@elsewhere.test"})).await;
    assert_eq!(limited.status, 429, "the listing's limit: {}", limited.text);
    assert!(limited.header("retry-after").is_some());
    // Five taken by the first listing and the one refused given back: five more from this client.
    let mut statuses = Vec::new();
    for round in 0..6 {
        let id = ids[1 + round % 2];
        statuses.push(app.post_json(&claim_path(id), &json!({"email": "h@elsewhere.test"})).await.status);
    }
    assert_eq!(statuses, [202, 202, 202, 202, 202, 429], "the client's limit");
}
