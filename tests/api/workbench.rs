//! The moderators' workbench: the queue a page at a time with filters and
//! counts, one submission per page (red flags marked, NPI linked, likely
//! duplicates named, the next one opening after a decision), the listing
//! finder and a listing's record, the audit trail's pages and filters, and
//! accounts (roles, invitations, disabling).

use std::collections::HashSet;

use benzowise::app::moderation::{FoundListing, QueuePage};
use benzowise::db::events::Event;
use serde_json::json;

use crate::helpers::{form_body, spawn_app, ListingBuilder, ModeratorSession, Reply, TestApp, FORM};

const PASSWORD: &str = "a long moderator password";

fn pending_listings(app: &TestApp, how_many: usize) -> Vec<i64> {
    let listings = (0..how_many)
        .map(|n| ListingBuilder::new().named(&format!("Dr. Queue Number {n}")).with("npi", json!(null)).build());
    app.insert_pending(listings).into_iter().map(|loaded| loaded.listing_id).collect()
}

pub async fn page(app: &TestApp, who: &ModeratorSession, path: &str) -> Reply {
    app.request("GET", path, &[("cookie", &who.cookie)], None).await
}

/// The submission ids a queue page links to, in order.
pub fn linked_submissions(html: &str) -> Vec<i64> {
    html.split("href=\"/moderate/submissions/")
        .skip(1)
        .filter_map(|rest| rest.split(['"', '?']).next()?.parse().ok())
        .collect()
}

/// The next page's address on an HTML page, if it has one.
fn next_link(html: &str) -> Option<String> {
    let link = html.split(" rel=\"next\"").next()?.rsplit("href=\"").next()?;
    html.contains(" rel=\"next\"").then(|| link.split('"').next().unwrap().replace("&amp;", "&"))
}

#[actix_rt::test]
async fn every_pending_submission_appears_exactly_once_across_the_pages() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    pending_listings(&app, 57);

    // The API, ten at a time, while decisions are taken between pages.
    let mut seen = Vec::new();
    let mut after = 0;
    loop {
        let reply =
            app.as_moderator(&ines, "GET", &format!("/api/v1/moderation/queue?limit=10&after={after}"), None).await;
        let page: QueuePage = reply.json();
        assert!(reply.text.len() < 60_000, "a page is {} bytes", reply.text.len());
        seen.extend(page.items.iter().map(|item| item.submission_id));
        if seen.len() == 20 {
            assert_eq!(app.approve(&ines, seen[3]).await.status, 200, "deciding one already seen moves nothing");
        }
        match page.next_after {
            Some(next) => after = next,
            None => break,
        }
    }
    assert_eq!(seen.len(), 57);
    assert_eq!(seen.iter().collect::<HashSet<_>>().len(), 57, "none twice");
    assert!(seen.windows(2).all(|pair| pair[0] < pair[1]), "oldest first");

    // The pages of the site, 25 at a time.
    let mut linked = Vec::new();
    let mut path = Some("/moderate".to_string());
    while let Some(at) = path {
        let reply = page(&app, &ines, &at).await;
        assert_eq!(reply.status, 200);
        assert!(reply.text.len() < 60_000, "{at} is {} bytes", reply.text.len());
        linked.extend(linked_submissions(&reply.text));
        path = next_link(&reply.text);
    }
    let waiting: Vec<i64> = seen.iter().copied().filter(|id| *id != seen[3]).collect();
    assert_eq!(linked, waiting, "every waiting submission, once, in order");
}

#[actix_rt::test]
async fn the_queue_counts_and_filters_new_listings_edits_and_red_flags() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    pending_listings(&app, 3);
    let flagged = app
        .submit(
            &ListingBuilder::new()
                .named("Dr. Quick Stop")
                .answering("slow_taper", "Most people can just stop.")
                .build(),
        )
        .await;
    let public = app.publish(&ines, &ListingBuilder::new().named("Dr. Edit Me").build()).await;
    let edit = ListingBuilder::new().named("Dr. Edit Me").stating("Now also by video.").build();
    assert_eq!(app.manage("PUT", &public.token, Some(&edit)).await.status, 202);

    let all: QueuePage = app.as_moderator(&ines, "GET", "/api/v1/moderation/queue", None).await.json();
    assert_eq!((all.counts.pending, all.counts.new, all.counts.edits, all.counts.flagged), (5, 4, 1, 1));
    let red: QueuePage = app.as_moderator(&ines, "GET", "/api/v1/moderation/queue?flagged=true", None).await.json();
    assert_eq!(red.items.iter().map(|item| item.submission_id).collect::<Vec<_>>(), [flagged.submission_id]);
    let edits: QueuePage = app.as_moderator(&ines, "GET", "/api/v1/moderation/queue?kind=edit", None).await.json();
    assert_eq!(edits.items.iter().map(|item| item.listing_id).collect::<Vec<_>>(), [public.listing_id]);
    let old: QueuePage = app.as_moderator(&ines, "GET", "/api/v1/moderation/queue?waiting_days=3", None).await.json();
    assert!(old.items.is_empty() && old.counts.waiting == 0, "nothing has waited three days");
    for bad in ["kind=both", "limit=0", "limit=51", "after=-1", "waiting_days=0", "flagged=maybe", "colour=red"] {
        let reply = app.as_moderator(&ines, "GET", &format!("/api/v1/moderation/queue?{bad}"), None).await;
        assert_eq!(reply.status, 422, "{bad}: {}", reply.text);
    }

    let html = page(&app, &ines, "/moderate?flagged=1").await.text;
    assert!(html.contains("5 waiting: 4 new listings, 1 edits, 1 with red flags"), "{html}");
    assert_eq!(linked_submissions(&html), [flagged.submission_id]);
    assert!(html.contains(r#"name="flagged" value="1" checked"#), "the filter stays chosen");
}

#[actix_rt::test]
async fn a_review_marks_red_flags_links_the_npi_warns_of_duplicates_and_opens_the_next() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    let listed = app.publish(&ines, &ListingBuilder::new().named("Dr. Rowan Whitfield").build()).await;
    let twin = ListingBuilder::new()
        .named("Dr. Rowan Whitfield")
        .answering("slow_taper", "Honestly, most patients can just stop.")
        .build();
    let first = app.submit(&twin).await;
    let second = app
        .submit(
            &ListingBuilder::new().named("Dr. Someone Else").with("npi", json!(null)).in_city("Eugene", "OR").build(),
        )
        .await;

    let review = page(&app, &ines, &format!("/moderate/submissions/{}", first.submission_id)).await;
    assert_eq!(review.status, 200);
    let html = &review.text;
    assert!(html.contains(r#"<mark class="flag">just stop</mark>"#), "the phrase is marked where it is: {html}");
    assert!(html.contains(r#"href="https://npiregistry.cms.hhs.gov/provider-view/1234567893""#));
    let warning = &html[html.find(r#"id="duplicates""#).expect("a duplicate warning")..];
    assert!(warning.contains(&format!("/moderate/listings/{}", listed.listing_id)) && warning.contains("same NPI"));
    assert!(review.text.len() < 60_000);
    let other = page(&app, &ines, &format!("/moderate/submissions/{}", second.submission_id)).await.text;
    assert!(!other.contains(r#"id="duplicates""#), "no warning without a match");

    let csrf = [("csrf_token", ines.csrf.as_str())];
    let approve = format!("/moderate/submissions/{}/approve", first.submission_id);
    let decided = app.request("POST", &approve, &[FORM, ("cookie", &ines.cookie)], Some(form_body(&csrf))).await;
    assert_eq!(decided.status, 303);
    let next = decided.header("location").unwrap();
    assert!(next.starts_with(&format!("/moderate/submissions/{}?done=approved", second.submission_id)), "{next}");

    let reject = format!("/moderate/submissions/{}/reject", second.submission_id);
    let no_reason = app.request("POST", &reject, &[FORM, ("cookie", &ines.cookie)], Some(form_body(&csrf))).await;
    assert_eq!(no_reason.status, 422);
    assert!(no_reason.text.contains(r#"id="reason-error""#), "the error is beside the field");
    let body = form_body(&[("csrf_token", ines.csrf.as_str()), ("reason", "Please add your practice's address.")]);
    let last = app.request("POST", &reject, &[FORM, ("cookie", &ines.cookie)], Some(body)).await;
    assert_eq!(last.header("location"), Some("/moderate?done=rejected"), "the queue, once it is empty");
}

#[actix_rt::test]
async fn moderators_find_any_listing_and_suspend_and_reinstate_it_on_its_page() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    let public =
        app.publish(&ines, &ListingBuilder::new().named("Dr. Alma Ferreira").in_city("Bend", "OR").build()).await;
    let pending =
        app.submit(&ListingBuilder::new().named("Dr. Alma Ortiz").with("npi", json!("1245319599")).build()).await;

    let find = |q: &'static str| {
        let app = &app;
        let ines = &ines;
        async move {
            let reply = app.as_moderator(ines, "GET", &format!("/api/v1/moderation/clinicians?q={q}"), None).await;
            assert_eq!(reply.status, 200, "{}", reply.text);
            reply.json::<Vec<FoundListing>>().into_iter().map(|found| found.listing_id).collect::<Vec<_>>()
        }
    };
    assert_eq!(find("alma").await, [pending.listing_id, public.listing_id], "by name, newest first");
    assert_eq!(find("1245319599").await, [pending.listing_id], "by NPI");
    assert_eq!(find("bend").await, [public.listing_id], "by city");
    let number = public.listing_id.to_string();
    assert!(
        page(&app, &ines, &format!("/moderate/listings?q={number}")).await.text.contains("Dr. Alma Ferreira"),
        "by number"
    );
    assert_eq!(page(&app, &ines, "/moderate/listings?q=%20").await.status, 422);
    assert!(page(&app, &ines, "/moderate/listings?q=%27%3B%20DROP%20TABLE%20listings%3B--")
        .await
        .text
        .contains("No listing matches"));

    let path = format!("/moderate/listings/{}", public.listing_id);
    let record = page(&app, &ines, &path).await.text;
    assert!(record.contains("public") && record.contains("/moderate/submissions/"), "status and versions");
    let status = format!("{path}/status");
    let headers = [FORM, ("cookie", ines.cookie.as_str())];
    let unexplained = form_body(&[("csrf_token", &ines.csrf), ("action", "suspend")]);
    assert_eq!(app.request("POST", &status, &headers, Some(unexplained)).await.status, 422);
    let suspend = form_body(&[("csrf_token", &ines.csrf), ("action", "suspend"), ("reason", "Licence under review")]);
    let suspended = app.request("POST", &status, &headers, Some(suspend)).await;
    assert_eq!(suspended.header("location"), Some(format!("{path}?done=suspended").as_str()));
    assert_eq!(app.public_listing(public.listing_id).await.status, 404);
    let record = page(&app, &ines, &path).await.text;
    assert!(record.contains("suspended") && record.contains("Licence under review"), "{record}");
    let reinstate = form_body(&[("csrf_token", &ines.csrf), ("action", "reinstate")]);
    assert_eq!(app.request("POST", &status, &headers, Some(reinstate)).await.status, 303);
    assert_eq!(app.public_listing(public.listing_id).await.status, 200);
    let history = page(&app, &ines, &path).await.text;
    let history = crate::helpers::visible_text(&history);
    assert!(
        history.contains("Suspended the listing")
            && history.contains("Reinstated the listing")
            && history.contains("Approved"),
        "{history}"
    );
}

#[actix_rt::test]
async fn the_audit_trail_pages_and_filters_by_moderator_action_listing_and_day() {
    let app = spawn_app().await;
    let ines = app.login_moderator("ines").await;
    let omar = app.login_moderator("omar").await;
    let first = app.publish(&ines, &ListingBuilder::new().named("Dr. One").build()).await;
    let second = app.publish(&omar, &ListingBuilder::new().named("Dr. Two").build()).await;
    assert_eq!(app.suspend(&omar, first.listing_id, "Checking").await.status, 200);

    let events = |query: String| {
        let (app, ines) = (&app, &ines);
        async move {
            let reply = app.as_moderator(ines, "GET", &format!("/api/v1/moderation/events?{query}"), None).await;
            assert_eq!(reply.status, 200, "{query}: {}", reply.text);
            reply.json::<Vec<Event>>()
        }
    };
    let all = events(String::new()).await;
    assert_eq!(all.iter().map(|event| event.action.as_str()).collect::<Vec<_>>(), ["suspend", "approve", "approve"]);
    let mut walked = Vec::new();
    let mut query = "limit=1".to_string();
    loop {
        let page = events(query.clone()).await;
        let Some(last) = page.last() else { break };
        walked.push(last.id);
        query = format!("limit=1&before={}", last.id);
    }
    assert_eq!(walked, all.iter().map(|event| event.id).collect::<Vec<_>>(), "each event once, newest first");

    let by_action = events("action=approve".into()).await;
    assert_eq!(by_action.len(), 2);
    let by_listing = events(format!("listing_id={}", first.listing_id)).await;
    assert!(by_listing.iter().all(|event| event.listing_id == Some(first.listing_id)) && by_listing.len() == 2);
    let today = chrono::Utc::now().date_naive();
    assert_eq!(events(format!("from={today}&to={today}")).await.len(), 3);
    assert!(events(format!("to={}", today.pred_opt().unwrap())).await.is_empty());
    let bad_filters = [
        "action=delete",
        "from=yesterday",
        "limit=1000",
        "before=-4",
        "moderator_id=0",
        "listing_id=-1",
        &format!("from={today}&to=2020-01-01"),
    ];
    for bad in bad_filters {
        let reply = app.as_moderator(&ines, "GET", &format!("/api/v1/moderation/events?{bad}"), None).await;
        assert_eq!(reply.status, 422, "{bad}: {}", reply.text);
    }

    let html = page(&app, &ines, "/moderate/audit?action=suspend").await.text;
    assert!(html.contains("Checking") && !html.contains(&format!(">{}</a>", second.listing_id)), "{html}");
    let omar_only = page(&app, &ines, "/moderate/audit").await.text;
    let omar_option = omar_only.split("<option value=\"").find(|option| option.contains(">omar<")).unwrap();
    let omar_id = omar_option.split('"').next().unwrap();
    let filtered = page(&app, &ines, &format!("/moderate/audit?moderator={omar_id}")).await.text;
    assert!(
        filtered.contains("Checking")
            && filtered.matches("omar (moderator)").count() == 2
            && !filtered.contains("ines (moderator)")
    );
    let wrong = page(&app, &ines, "/moderate/audit?from=2026-13-40").await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.text.contains(r#"value="2026-13-40""#), "the typed value stays");
}

/// An admin's session, through the API.
async fn admin(app: &TestApp, name: &str) -> ModeratorSession {
    app.add_admin(name, PASSWORD);
    let reply = app.login(name, PASSWORD).await;
    let cookie = reply.header("set-cookie").unwrap().split(';').next().unwrap().to_string();
    ModeratorSession { cookie, csrf: reply.json::<benzowise::web::api::session::SessionStarted>().csrf_token }
}

#[actix_rt::test]
async fn admins_invite_moderators_with_a_link_that_works_once_and_for_72_hours() {
    let app = spawn_app().await;
    let root = admin(&app, "root").await;
    let headers = [FORM, ("cookie", root.cookie.as_str())];
    let invite =
        |name: &str, email: &str| form_body(&[("csrf_token", &root.csrf), ("username", name), ("email", email)]);

    let bad = app.request("POST", "/moderate/moderators/invite", &headers, Some(invite("", "not an address"))).await;
    assert_eq!(bad.status, 422);
    assert!(bad.text.contains(r#"id="username-error""#) && bad.text.contains(r#"id="email-error""#));
    assert!(bad.text.contains(r#"value="not an address""#), "what was typed stays");
    let taken =
        app.request("POST", "/moderate/moderators/invite", &headers, Some(invite("root", "r@example.org"))).await;
    assert_eq!(taken.status, 422);

    let sent =
        app.request("POST", "/moderate/moderators/invite", &headers, Some(invite("lena", "lena@example.org"))).await;
    assert_eq!(sent.status, 200, "{}", sent.text);
    let link = crate::two_factor::element_text(&sent.text, "invite-link").to_string();
    let path = link.strip_prefix("http://benzowise.test").unwrap().to_string();
    assert_eq!(app.get(&path).await.status, 200);
    use diesel::RunQueryDsl;
    let mailed: Vec<Recipient> =
        diesel::sql_query("SELECT recipient FROM outbox WHERE kind = 'invite'").load(&mut app.connect()).unwrap();
    assert_eq!(mailed.iter().map(|row| row.recipient.as_str()).collect::<Vec<_>>(), ["lena@example.org"], "and mailed");

    let mismatched = form_body(&[("password", PASSWORD), ("password_again", "another long password")]);
    let refused = app.request("POST", &path, &[FORM], Some(mismatched)).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text.contains(r#"id="password_again-error""#));
    let joined = app
        .request("POST", &path, &[FORM], Some(form_body(&[("password", PASSWORD), ("password_again", PASSWORD)])))
        .await;
    assert_eq!((joined.status, joined.header("location")), (303, Some("/moderate/two-factor")));
    assert_eq!(app.login("lena", PASSWORD).await.status, 200, "the account exists with its password");
    assert_eq!(app.get(&path).await.status, 404, "the link worked once");

    let again =
        app.request("POST", "/moderate/moderators/invite", &headers, Some(invite("noor", "noor@example.org"))).await;
    let late = crate::two_factor::element_text(&again.text, "invite-link")
        .strip_prefix("http://benzowise.test")
        .unwrap()
        .to_string();
    app.connect_and_run("UPDATE moderator_invites SET expires_at = created_at WHERE username = 'noor'");
    assert_eq!(app.get(&late).await.status, 404, "an expired link opens nothing");

    let list = page(&app, &root, "/moderate/moderators").await.text;
    let lena = &list[list.find("\">lena<").expect("lena is listed")..];
    let lena = &lena[..lena.find("</tr>").unwrap()];
    assert!(
        lena.contains("lena@example.org") && lena.contains("\">moderator</td>") && lena.contains("\">no</td>"),
        "{lena}"
    );
}

#[actix_rt::test]
async fn a_disabled_moderator_is_logged_out_at_once_and_cannot_log_in_again() {
    let app = spawn_app().await;
    let root = admin(&app, "root").await;
    let omar = app.login_moderator("omar").await;
    assert_eq!(page(&app, &omar, "/moderate").await.status, 200);

    let list = page(&app, &root, "/moderate/moderators").await.text;
    let omar_row = &list[list.find("\">omar<").unwrap()..];
    assert!(!omar_row[..omar_row.find("</tr>").unwrap()].contains("never"), "the last log-in is shown");
    let action = list
        .split("action=\"")
        .find(|rest| rest.contains("Disable omar"))
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let done = app
        .request("POST", &action, &[FORM, ("cookie", &root.cookie)], Some(form_body(&[("csrf_token", &root.csrf)])))
        .await;
    assert_eq!(done.header("location"), Some("/moderate/moderators?done=disabled"));

    assert_eq!(
        app.as_moderator(&omar, "GET", "/api/v1/moderation/queue", None).await.status,
        401,
        "the open session ended"
    );
    assert!(page(&app, &omar, "/moderate").await.text.contains(r#"action="/moderate/login""#));
    assert_eq!(app.login("omar", PASSWORD).await.status, 401);
    let trail = app.audit_events(&root).await;
    assert_eq!((trail[0].action.as_str(), trail[0].reason.as_deref()), ("disable_moderator", Some("omar")));

    let own = list.split("action=\"").any(|rest| rest.contains("Disable root"));
    assert!(!own, "an admin is not offered to disable themselves");
}

#[actix_rt::test]
async fn only_admins_see_and_change_accounts() {
    let app = spawn_app().await;
    let omar = app.login_moderator("omar").await;
    assert_eq!(page(&app, &omar, "/moderate/moderators").await.status, 403);
    let body = form_body(&[("csrf_token", &omar.csrf), ("username", "eve"), ("email", "eve@example.org")]);
    let headers = [FORM, ("cookie", omar.cookie.as_str())];
    assert_eq!(app.request("POST", "/moderate/moderators/invite", &headers, Some(body)).await.status, 403);
    assert_eq!(
        app.request("POST", "/moderate/moderators/1/disable", &headers, Some(form_body(&[("csrf_token", &omar.csrf)])))
            .await
            .status,
        403
    );
    assert!(
        !page(&app, &omar, "/moderate").await.text.contains("/moderate/moderators"),
        "no link to what they cannot open"
    );
}

#[derive(diesel::QueryableByName)]
struct Recipient {
    #[diesel(sql_type = diesel::sql_types::Text)]
    recipient: String,
}

#[actix_rt::test]
async fn an_admin_revokes_an_open_invitation_and_its_link_stops_working() {
    let app = spawn_app().await;
    let root = admin(&app, "root").await;
    let headers = [FORM, ("cookie", root.cookie.as_str())];
    let body = form_body(&[("csrf_token", &root.csrf), ("username", "lena"), ("email", "lena@example.org")]);
    let sent = app.request("POST", "/moderate/moderators/invite", &headers, Some(body)).await;
    let link = crate::two_factor::element_text(&sent.text, "invite-link").to_string();
    let path = link.strip_prefix("http://benzowise.test").unwrap().to_string();

    let list = page(&app, &root, "/moderate/moderators").await.text;
    assert!(list.contains("Invitations not yet used") && list.contains("Revoke the invitation for lena"), "{list}");
    let action = list.split(r#"action="/moderate/invitations/"#).nth(1).unwrap().split('"').next().unwrap();
    let revoke = format!("/moderate/invitations/{action}");
    let without_csrf = app.request("POST", &revoke, &headers, Some(form_body(&[]))).await;
    assert_eq!(without_csrf.status, 403);
    let revoked = app.request("POST", &revoke, &headers, Some(form_body(&[("csrf_token", &root.csrf)]))).await;
    assert_eq!((revoked.status, revoked.header("location")), (303, Some("/moderate/moderators?done=revoked")));

    assert_eq!(app.get(&path).await.status, 404, "the link opens nothing");
    let joined = app
        .request("POST", &path, &[FORM], Some(form_body(&[("password", PASSWORD), ("password_again", PASSWORD)])))
        .await;
    assert_eq!(joined.status, 404);
    assert_eq!(
        app.request("POST", &revoke, &headers, Some(form_body(&[("csrf_token", &root.csrf)]))).await.status,
        404
    );
    let events = app.audit_events(&root).await;
    assert_eq!(events[0].action, "revoke_invitation");
    assert_eq!(events[0].reason.as_deref(), Some("lena"));
}
