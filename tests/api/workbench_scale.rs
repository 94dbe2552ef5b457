//! The workbench with many waiting: numbered pages, the queue's search and
//! filters, claims between two moderators, ready-made rejection reasons, and
//! the listing finder's pages.

use benzowise::app::moderation::QueuePage;
use futures_util::future::join;
use serde_json::{json, Value};

use crate::helpers::{form_body, spawn_app, visible_text, ListingBuilder, ModeratorSession, Submitted, TestApp, FORM};
use crate::workbench::{linked_submissions, page};

/// The ids of the pending submissions, oldest first, through the API.
async fn pending_ids(app: &TestApp, who: &ModeratorSession) -> Vec<i64> {
    app.moderation_queue(who).await.into_iter().map(|item| item.submission_id).collect()
}

/// 58 waiting listings in Portland, one in Seattle, and one with an NPI and a mixed-case email.
async fn sixty_waiting(app: &TestApp) -> (Submitted, Submitted) {
    let listings = (0..58).map(|n| {
        ListingBuilder::new()
            .named(&format!("Dr. Paged Person {n}"))
            .with("npi", json!(null))
            .contact(&format!("paged{n}@example.org"))
    });
    app.insert_pending(listings.map(ListingBuilder::build));
    let seattle = ListingBuilder::new().named("Dr. Quinn Harbor").in_city("Seattle", "WA").with("npi", json!(null));
    let seattle = app.submit(&seattle.build()).await;
    let with_npi =
        app.submit(&ListingBuilder::new().named("Dr. Numbered Nell").contact("Nell.Private@Example.org").build()).await;
    (seattle, with_npi)
}

#[actix_rt::test]
async fn the_queue_says_which_page_of_how_many_and_links_each() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    sixty_waiting(&app).await;
    let all = pending_ids(&app, &ines).await;
    assert_eq!(all.len(), 50, "the API's largest page");

    let first = page(&app, &ines, "/moderate").await.text;
    let text = visible_text(&first);
    assert!(text.contains("Page 1 of 3") && text.contains("60 submissions match"), "{text}");
    assert!(first.contains(r#"href="/moderate?page=3""#) && first.contains(r#"aria-current="page""#));
    let mut linked = Vec::new();
    for number in 1..=3 {
        let html = page(&app, &ines, &format!("/moderate?page={number}")).await.text;
        assert!(visible_text(&html).contains(&format!("Page {number} of 3")));
        assert!(html.len() < 60_000);
        linked.extend(linked_submissions(&html));
    }
    assert_eq!(linked.len(), 60, "every waiting submission once");
    assert!(linked.windows(2).all(|pair| pair[0] < pair[1]), "oldest first");
    assert_eq!(&linked[..50], &all[..], "the same order as the API");
    let spanish = visible_text(&page(&app, &ines, "/es/moderate?page=2").await.text);
    assert!(spanish.contains("Página 2 de 3") && spanish.contains("Coinciden 60 envíos"), "{spanish}");
}

#[actix_rt::test]
async fn the_queue_searches_by_name_city_npi_email_and_number_and_filters_by_region_and_wait() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    let (seattle, with_npi) = sixty_waiting(&app).await;
    let found = |query: String| {
        let (app, ines) = (&app, &ines);
        async move { linked_submissions(&page(app, ines, &format!("/moderate?{query}")).await.text) }
    };
    assert_eq!(found("q=quinn+harbor".into()).await, [seattle.submission_id], "by name");
    assert_eq!(found("q=Seattle".into()).await, [seattle.submission_id], "by city");
    assert_eq!(found("q=1234567893".into()).await, [with_npi.submission_id], "by NPI");
    assert_eq!(found("q=nell.private%40example.org".into()).await, [with_npi.submission_id], "by email, any case");
    assert_eq!(found(format!("q={}", with_npi.listing_id)).await, [with_npi.submission_id], "by listing number");
    assert_eq!(found("region=US-WA".into()).await, [seattle.submission_id], "by region");
    assert_eq!(found("q=paged+person+5".into()).await.len(), 9, "5 and 50 to 57");
    assert!(found("q=%25".into()).await.is_empty(), "a wildcard is a character like any other");
    let wa = page(&app, &ines, "/moderate?region=US-WA").await.text;
    assert!(wa.contains(r#"<option value="US-WA" selected>Washington</option>"#), "regions by name: {wa}");

    let old: Vec<i64> = pending_ids(&app, &ines).await[..3].to_vec();
    let ids = old.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    app.connect_and_run(&format!("UPDATE submissions SET submitted_at = '2020-01-01 00:00:00' WHERE id IN ({ids})"));
    assert_eq!(found("waiting_days=30".into()).await, old, "by how long it has waited");
    let api: QueuePage =
        app.as_moderator(&ines, "GET", "/api/v1/moderation/queue?q=seattle&region=US-WA", None).await.json();
    assert_eq!((api.total, api.items[0].submission_id), (1, seattle.submission_id));
    let too_long = format!("/api/v1/moderation/queue?q={}", "x".repeat(201));
    assert_eq!(app.as_moderator(&ines, "GET", &too_long, None).await.status, 422);
}

#[actix_rt::test]
async fn opening_a_submission_claims_it_for_15_minutes_while_decisions_still_conflict() {
    let app = spawn_app().await;
    let alice = app.login_moderator("alice").await;
    let omar = app.login_moderator("omar").await;
    let first = app.submit(&ListingBuilder::new().named("Dr. First Come").build()).await;
    let second = app.submit(&ListingBuilder::new().named("Dr. Second Come").with("npi", json!(null)).build()).await;
    let review = format!("/moderate/submissions/{}", first.submission_id);

    // Both open it at the same moment: one holds it, the other is told who.
    let (by_alice, by_omar) = join(page(&app, &alice, &review), page(&app, &omar, &review)).await;
    let (alice_text, omar_text) = (visible_text(&by_alice.text), visible_text(&by_omar.text));
    let holder = if alice_text.contains("You are reviewing") { "alice" } else { "omar" };
    let (holder_text, other_text, other) =
        if holder == "alice" { (&alice_text, &omar_text, &omar) } else { (&omar_text, &alice_text, &alice) };
    assert!(holder_text.contains("You are reviewing (since "), "{holder_text}");
    assert!(other_text.contains(&format!("{holder} is reviewing (since ")), "{other_text}");
    let claims: Vec<Value> = app.as_moderator(other, "GET", "/api/v1/moderation/queue", None).await.json::<Value>()
        ["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["claim"].clone())
        .collect();
    assert_eq!(claims[0]["username"], holder);
    assert!(claims[1].is_null(), "the second is nobody's");

    // The other sees it in the queue, and can hide it.
    let queue = visible_text(&page(&app, other, "/moderate").await.text);
    assert!(queue.contains(&format!("{holder} is reviewing")), "{queue}");
    let hidden = page(&app, other, "/moderate?hide_claimed=1").await.text;
    assert_eq!(linked_submissions(&hidden), [second.submission_id]);
    let holder_session = if holder == "alice" { &alice } else { &omar };
    let own = page(&app, holder_session, "/moderate?hide_claimed=1").await.text;
    assert_eq!(linked_submissions(&own), [first.submission_id, second.submission_id], "one's own claims stay");

    // Deciding stays the authority: of two at once, one is refused.
    let (a, b) = join(app.approve(&alice, first.submission_id), app.approve(&omar, first.submission_id)).await;
    let mut statuses = [a.status, b.status];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409]);

    // After 15 minutes a claim no longer shows.
    let path = format!("/moderate/submissions/{}", second.submission_id);
    assert!(visible_text(&page(&app, &alice, &path).await.text).contains("You are reviewing"));
    assert!(visible_text(&page(&app, &omar, &path).await.text).contains("alice is reviewing"));
    app.connect_and_run("UPDATE submission_claims SET claimed_at = '2020-01-01 00:00:00'");
    assert!(!visible_text(&page(&app, &alice, "/moderate").await.text).contains("is reviewing"));
    assert!(visible_text(&page(&app, &omar, &path).await.text).contains("You are reviewing"), "and can be taken");
}

/// An admin's session, through the API.
async fn admin(app: &TestApp, name: &str) -> ModeratorSession {
    app.add_admin(name, "a long moderator password");
    let reply = app.login(name, "a long moderator password").await;
    let cookie = reply.header("set-cookie").unwrap().split(';').next().unwrap().to_string();
    ModeratorSession { cookie, csrf: reply.json::<benzowise::web::api::session::SessionStarted>().csrf_token }
}

/// The `value` and text of each ready-made reason offered on a review page.
fn offered(html: &str) -> Vec<(String, String)> {
    let select = html.split(r#"<select id="ready_reason""#).nth(1).expect("a select of ready reasons");
    let select = &select[..select.find("</select>").unwrap()];
    select
        .split("<option value=\"")
        .skip(2)
        .map(|option| {
            let (value, rest) = option.split_once('"').unwrap();
            (value.to_string(), rest.split_once('>').unwrap().1.split('<').next().unwrap().to_string())
        })
        .collect()
}

#[actix_rt::test]
async fn admins_keep_ready_reasons_in_english_and_spanish() {
    let app = spawn_app().await;
    let root = admin(&app, "root").await;
    let omar = app.login_moderator("omar").await;
    let headers = [FORM, ("cookie", root.cookie.as_str())];
    assert_eq!(page(&app, &omar, "/moderate/reasons").await.status, 403, "admins only");

    let list = page(&app, &root, "/moderate/reasons").await;
    assert_eq!((list.status, list.text.matches("<textarea").count()), (200, 4 * 2 + 2), "four ready, and a new one");
    let half = form_body(&[("csrf_token", &root.csrf), ("text_en", "Please add your licence number.")]);
    let refused = app.request("POST", "/moderate/reasons", &headers, Some(half)).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text.contains(r#"id="text_es-error""#) && refused.text.contains("Please add your licence number."));
    let body = form_body(&[
        ("csrf_token", &root.csrf),
        ("text_en", "Please add your licence number."),
        ("text_es", "Añada su número de licencia."),
    ]);
    let added = app.request("POST", "/moderate/reasons", &headers, Some(body)).await;
    assert_eq!(added.header("location"), Some("/moderate/reasons?done=reason-added"));
    let remove = form_body(&[("csrf_token", &root.csrf), ("action", "remove")]);
    assert_eq!(app.request("POST", "/moderate/reasons/1", &headers, Some(remove.clone())).await.status, 303);
    assert_eq!(app.request("POST", "/moderate/reasons/1", &headers, Some(remove)).await.status, 404);
    let change = form_body(&[
        ("csrf_token", &root.csrf),
        ("action", "save"),
        ("text_en", "The address is incomplete."),
        ("text_es", "La dirección está incompleta."),
    ]);
    assert_eq!(app.request("POST", "/moderate/reasons/3", &headers, Some(change)).await.status, 303);
    let list = page(&app, &root, "/moderate/reasons").await.text;
    assert!(list.contains("The address is incomplete.") && list.contains("Añada su número de licencia."));
    assert!(!list.contains(r#"id="text_en-1""#), "the removed one is gone");
}

/// A rejection with a ready-made reason: its text in the clinician's language, then what the moderator typed.
#[actix_rt::test]
async fn a_ready_reason_fills_the_rejection_in_the_clinicians_language() {
    let app = spawn_app().await;
    let root = admin(&app, "root").await;
    let omar = app.login_moderator("omar").await;
    let headers = [FORM, ("cookie", root.cookie.as_str())];
    let remove = form_body(&[("csrf_token", &root.csrf), ("action", "remove")]);
    assert_eq!(app.request("POST", "/moderate/reasons/1", &headers, Some(remove)).await.status, 303);
    let english = app.submit(&ListingBuilder::new().named("Dr. Reads English").build()).await;
    let spanish = app.submit(&ListingBuilder::new().named("Dr. Lee Español").with("npi", json!(null)).build()).await;
    app.connect_and_run(&format!("UPDATE listings SET language = 'es' WHERE id = {}", spanish.listing_id));
    let review = page(&app, &omar, &format!("/moderate/submissions/{}", english.submission_id)).await.text;
    let offered_en = offered(&review);
    assert_eq!(offered_en.len(), 3, "{offered_en:?}");
    assert!(offered_en
        .iter()
        .any(|(value, text)| value == "3" && text.starts_with("The practice address is incomplete.")));
    let in_spanish = page(&app, &omar, &format!("/es/moderate/submissions/{}", english.submission_id)).await.text;
    assert!(offered(&in_spanish)
        .iter()
        .any(|(_, text)| text.starts_with("La dirección de la consulta está incompleta.")));

    let reject = |submission_id: i64, fields: Vec<(&'static str, &'static str)>| {
        let (app, omar) = (&app, &omar);
        async move {
            let mut fields = fields;
            fields.push(("csrf_token", omar.csrf.as_str()));
            let path = format!("/moderate/submissions/{submission_id}/reject");
            app.request("POST", &path, &[FORM, ("cookie", &omar.cookie)], Some(form_body(&fields))).await
        }
    };
    assert_eq!(reject(english.submission_id, vec![]).await.status, 422, "a reason of some kind");
    let gone = reject(english.submission_id, vec![("ready_reason", "1")]).await;
    assert_eq!(gone.status, 422, "a reason removed meanwhile");
    assert!(gone.text.contains(r#"id="ready_reason-error""#));
    let done =
        reject(english.submission_id, vec![("ready_reason", "3"), ("reason", "Add the suite number too.")]).await;
    assert_eq!(done.status, 303);
    let status: Value = app.manage("GET", &english.token, None).await.json();
    let reason = "The practice address is incomplete. Please add the street address and postal code.";
    let expected = format!("{reason}\n\nAdd the suite number too.");
    assert_eq!(status["latest_submission"]["rejection_reason"], expected.as_str(), "{status}");
    assert_eq!(reject(spanish.submission_id, vec![("ready_reason", "3")]).await.status, 303);
    let status: Value = app.manage("GET", &spanish.token, None).await.json();
    let razon = "La dirección de la consulta está incompleta. Añada la calle y el código postal.";
    assert_eq!(status["latest_submission"]["rejection_reason"], razon, "in the clinician's language");
}

#[actix_rt::test]
async fn the_listing_finder_pages_its_results_and_says_how_many_matched() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    app.insert_public((0..57).map(|n| ListingBuilder::new().named(&format!("Dr. Findable {n}")).build()));
    let first = page(&app, &ines, "/moderate/listings?q=findable").await.text;
    let text = visible_text(&first);
    assert!(text.contains("57 listings match") && text.contains("Page 1 of 2"), "{text}");
    assert_eq!(first.matches("href=\"/moderate/listings/").count(), 50);
    let second = page(&app, &ines, "/moderate/listings?q=findable&page=2").await.text;
    assert_eq!(second.matches("href=\"/moderate/listings/").count(), 7);
    assert!(visible_text(&second).contains("Page 2 of 2"));
    let spanish = visible_text(&page(&app, &ines, "/es/moderate/listings?q=findable").await.text);
    assert!(spanish.contains("Coinciden 57 fichas") && spanish.contains("Página 1 de 2"), "{spanish}");
}
