//! Mail through a real SMTP server: the receipt with a working manage link,
//! the decisions, in the clinician's language, and nothing lost or repeated
//! while the server is down.

use benzowise::db::moderators::Moderator;
use benzowise::i18n::Lang;
use std::collections::HashSet;

use crate::helpers::{form_body, ListingBuilder};
use crate::mail_server::{spawn_app_with_mail, MailServer, ReceivedMail};

/// The first link in a message that contains `path`.
fn link_in(mail: &ReceivedMail, path: &str) -> String {
    mail.body
        .split_whitespace()
        .find(|word| word.starts_with("http") && word.contains(path))
        .unwrap_or_else(|| panic!("a link to {path} in {mail:#?}"))
        .to_string()
}

/// A mailed link's path: the tests' `PUBLIC_URL` is `http://benzowise.test`.
fn path_of(link: &str) -> String {
    link.replace("http://benzowise.test", "")
}

#[actix_rt::test]
async fn a_clinician_hears_of_each_step_and_the_mailed_link_works() {
    let Some(server) = MailServer::start() else { return };
    let app = spawn_app_with_mail(&server).await;
    let moderator = app.login_moderator("mira").await;

    let listing = ListingBuilder::new().named("Dr. Mae Postal").contact("mae.postal@example.org").build();
    let submitted = app.submit(&listing).await;
    let receipt = &server.wait_for(1).await[0];
    assert_eq!(receipt.to, "mae.postal@example.org");
    assert_eq!(receipt.subject, Lang::En.t("mail-received-subject"));
    assert!(receipt.body.contains("Dr. Mae Postal"));
    let manage = path_of(&link_in(receipt, "/manage/"));
    assert!(manage.ends_with(&submitted.token), "the mailed link is the manage link: {manage}");
    let page = app.get(&manage).await;
    assert_eq!(page.status, 200, "the mailed link opens the manage page");
    assert!(page.text.contains("Dr. Mae Postal"));

    assert_eq!(app.approve(&moderator, submitted.submission_id).await.status, 200);
    let approved = &server.wait_for(2).await[1];
    assert_eq!(approved.subject, Lang::En.t("mail-approved-subject"));
    assert!(link_in(approved, "/clinicians/").ends_with(&format!("/clinicians/{}", submitted.listing_id)));

    let suspended = app.suspend(&moderator, submitted.listing_id, "Complaints about abrupt stops").await;
    assert_eq!(suspended.status, 200, "{}", suspended.text);
    let mail = &server.wait_for(3).await[2];
    assert_eq!(mail.subject, Lang::En.t("mail-suspended-subject"));
    assert!(mail.body.contains("Complaints about abrupt stops"), "the reason arrives");

    let edit = app.manage("PUT", &submitted.token, Some(&listing)).await;
    assert_eq!(edit.status, 202, "{}", edit.text);
    let pending = app.moderation_queue(&moderator).await;
    app.reject(&moderator, pending[0].submission_id, "The NPI does not match the name").await;
    let rejected = &server.wait_for(4).await[3];
    assert_eq!(rejected.subject, Lang::En.t("mail-rejected-subject"));
    assert!(rejected.body.contains("The NPI does not match the name"), "the reason arrives");

    let ids: HashSet<_> = server.received().iter().map(|mail| mail.message_id.clone()).collect();
    assert_eq!(ids.len(), 4, "each message has its own Message-ID");
}

#[actix_rt::test]
async fn a_clinician_who_used_the_spanish_site_gets_spanish_mail() {
    let Some(server) = MailServer::start() else { return };
    let app = spawn_app_with_mail(&server).await;
    let fields = [
        ("full_name", "Dra. Lucía Correo"),
        ("profession", "physician"),
        ("specialty", "psychiatry"),
        ("address_line", "1 Main St"),
        ("city", "Portland"),
        ("region", "OR"),
        ("postal_code", "97201"),
        ("country", "US"),
        ("contact_email", "lucia@example.org"),
        ("languages", "es"),
        ("criteria", "patient_sets_pace"),
    ];
    let page = app
        .request(
            "POST",
            "/es/submit",
            &[("content-type", "application/x-www-form-urlencoded")],
            Some(form_body(&fields)),
        )
        .await;
    assert_eq!(page.status, 201, "{}", page.text);
    let receipt = &server.wait_for(1).await[0];
    assert_eq!(receipt.subject, Lang::Es.t("mail-received-subject"));
    assert!(receipt.body.contains("Dra. Lucía Correo") && receipt.body.contains("Gracias"), "{}", receipt.body);
    let manage = link_in(receipt, "/manage/");
    assert!(manage.contains("/es/manage/"), "the link opens in Spanish: {manage}");
    let page = app.get(&path_of(&manage)).await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains(r#"<html lang="es">"#));
}

#[actix_rt::test]
async fn mail_waits_out_an_outage_and_arrives_once() {
    let Some(mut server) = MailServer::start() else { return };
    let app = spawn_app_with_mail(&server).await;
    server.stop();
    let committed = 5;
    for number in 0..committed {
        let listing = ListingBuilder::new()
            .named(&format!("Dr. Outage {number}"))
            .contact(&format!("outage{number}@example.org"))
            .build();
        app.submit(&listing).await;
    }
    // The sender tries while the server is down: every message fails once and waits its back-off.
    let failed_once = || async {
        let mut conn = app.connect();
        use diesel::prelude::*;
        use diesel::sql_types::BigInt;
        #[derive(QueryableByName)]
        struct Count {
            #[diesel(sql_type = BigInt)]
            count: i64,
        }
        diesel::sql_query("SELECT COUNT(*) AS count FROM outbox WHERE attempts >= 1 AND status = 'pending'")
            .get_result::<Count>(&mut conn)
            .unwrap()
            .count
    };
    let started = std::time::Instant::now();
    while failed_once().await < committed {
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "the sender tried during the outage");
        actix_rt::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(server.received().is_empty());
    server.resume();
    // Bring the retries forward rather than wait out the 30-second back-off.
    app.connect_and_run("UPDATE outbox SET next_attempt_at = created_at");
    let received = server.wait_for(committed as usize).await;
    actix_rt::time::sleep(std::time::Duration::from_millis(500)).await;
    let received_again = server.received();
    assert_eq!(received_again.len(), received.len(), "no message arrives twice");
    let recipients: HashSet<_> = received_again.iter().map(|mail| mail.to.clone()).collect();
    assert_eq!(recipients.len(), committed as usize, "every committed message arrived");
}

#[actix_rt::test]
async fn moderators_get_one_digest_while_work_waits() {
    let Some(server) = MailServer::start() else { return };
    // Digests go at most once per clock hour: start well inside one.
    let into_hour = chrono::Utc::now().timestamp() % 3600;
    if into_hour > 3600 - 30 {
        actix_rt::time::sleep(std::time::Duration::from_secs((3600 - into_hour + 1) as u64)).await;
    }
    let app = spawn_app_with_mail(&server).await;
    app.add_moderator("ines", "a long moderator password");
    app.add_moderator("omar", "a long moderator password");
    for number in 0..2 {
        app.submit(&ListingBuilder::new().named(&format!("Dr. Waiting {number}")).build()).await;
    }
    server.wait_for(2).await;
    // The address comes after both submissions, so the digest cannot be
    // written between them, however slowly they arrive.
    Moderator::set_email(&mut app.connect(), "ines", Some("ines@example.org")).unwrap();
    let received = server.wait_for(3).await;
    let digests: Vec<_> = received.iter().filter(|mail| mail.to == "ines@example.org").collect();
    assert_eq!(digests.len(), 1, "one digest, to the moderator with an address: {received:#?}");
    assert_eq!(digests[0].subject, "2 items are waiting for review");
    assert!(digests[0].body.contains("2 submissions and 0 open reports") && digests[0].body.contains("/moderate"));

    app.submit(&ListingBuilder::new().named("Dr. Waiting Later").build()).await;
    server.wait_for(4).await;
    actix_rt::time::sleep(std::time::Duration::from_millis(600)).await;
    let later = server.received().into_iter().filter(|mail| mail.to == "ines@example.org").count();
    assert_eq!(later, 1, "at most one digest an hour, however often the sender looks");
}

#[actix_rt::test]
async fn mail_that_fails_every_try_is_shown_to_moderators() {
    // Nothing listens on this port: every try fails at once.
    let nowhere = format!("smtp://127.0.0.1:{}", crate::helpers::free_port());
    let app = crate::helpers::spawn_app_with(move |settings| {
        settings.mail.transport = benzowise::mail::MailTransport::Smtp(benzowise::mail::SmtpUrl::new(nowhere));
    })
    .await;
    app.submit(&ListingBuilder::new().named("Dr. Unreachable").contact("nobody@example.org").build()).await;
    let status = || {
        use benzowise::db::schema::outbox;
        use diesel::prelude::*;
        outbox::table.select((outbox::status, outbox::attempts)).first::<(String, i32)>(&mut app.connect()).unwrap()
    };
    let started = std::time::Instant::now();
    while status().1 == 0 {
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "the sender tried");
        actix_rt::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // Skip the back-off of the tries in between: the last one is due now.
    app.connect_and_run("UPDATE outbox SET attempts = 7, next_attempt_at = created_at");
    while status().0 != "failed" {
        assert!(started.elapsed() < std::time::Duration::from_secs(40), "the eighth failure is final: {:?}", status());
        actix_rt::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(status(), ("failed".to_string(), 8));

    let moderator = app.login_moderator("mira").await;
    let page = app.request("GET", "/moderate", &[("cookie", &moderator.cookie)], None).await.text;
    assert!(page.contains(&Lang::En.t("moderate-undelivered-heading")));
    assert!(
        page.contains("To nobody@example.org: “We received your listing”") && page.contains("tried 8 times"),
        "{page}"
    );
}
