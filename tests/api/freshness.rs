//! The yearly confirmation: reminders 30 days before the due date and on it,
//! a lapse 60 days after it, and the clinician's "My details are still
//! correct" bringing the listing back at once. Time moves with
//! `benzowise freshness --as-of`, run as an operator's cron would.

use std::process::{Command, Output, Stdio};

use benzowise::app::listings::PublicListing;
use benzowise::app::manage::ManageStatus;
use benzowise::db::schema::{events, listings, outbox};
use benzowise::domain::moderation::ListingStatus;
use benzowise::error::Problem;
use benzowise::i18n::Lang;
use chrono::{Days, NaiveDate};
use diesel::prelude::*;

use crate::helpers::{database_url, form_body, spawn_app, spawn_app_on, ListingBuilder, SearchReply, TestApp, FORM};

const SITE: &str = "https://benzowise.example";

fn freshness_command(app: &TestApp, as_of: NaiveDate) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_benzowise"));
    command
        .args(["freshness", "--as-of", &as_of.to_string()])
        .env("DATABASE_URL", database_url(&app.database))
        .env("PUBLIC_URL", SITE)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

fn printed(output: Output) -> String {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// `benzowise freshness --as-of DAY`; what it printed.
fn sweep(app: &TestApp, as_of: NaiveDate) -> String {
    printed(freshness_command(app, as_of).output().expect("the binary runs"))
}

/// The counts on the summary line: reminders ahead, reminders on the day, lapses.
fn counts(printed: &str) -> (usize, usize, usize) {
    let summary = printed.lines().last().unwrap();
    let numbers: Vec<usize> = summary
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .map(|part| part.parse().unwrap())
        .collect();
    // "as of YYYY-MM-DD: A reminder(s) 30 days ahead, B on the due date, C listing(s) lapsed"
    let [.., ahead, _thirty, due, lapsed] = numbers[..] else { panic!("{summary}") };
    (ahead, due, lapsed)
}

/// `(kind, once key, recipient, subject, body)` of the mail written about a listing.
fn mail_about(app: &TestApp, listing_id: i64) -> Vec<(String, String, String, String, String)> {
    outbox::table
        .filter(outbox::listing_id.eq(listing_id))
        .order(outbox::id)
        .select((outbox::kind, outbox::dedupe_key, outbox::recipient, outbox::subject, outbox::body))
        .load(&mut app.connect())
        .unwrap()
}

fn reminders_about(app: &TestApp, listing_id: i64) -> Vec<(String, String)> {
    mail_about(app, listing_id)
        .into_iter()
        .filter(|(kind, ..)| kind.starts_with("reminder") || kind == "lapsed")
        .map(|(kind, key, ..)| (kind, key))
        .collect()
}

/// `(actor, action)` of a listing's audit events, oldest first.
fn events_about(app: &TestApp, listing_id: i64) -> Vec<(String, String)> {
    events::table
        .filter(events::listing_id.eq(listing_id))
        .order(events::id)
        .select((events::actor, events::action))
        .load(&mut app.connect())
        .unwrap()
}

/// The day a listing's confirmation is due: a year after its approval.
async fn due_date(app: &TestApp, listing_id: i64) -> NaiveDate {
    let listing: PublicListing = app.public_listing(listing_id).await.json();
    listing.confirmed_at.expect("approval confirms").date_naive().checked_add_days(Days::new(365)).unwrap()
}

fn days(date: NaiveDate, offset: i64) -> NaiveDate {
    date + chrono::Duration::days(offset)
}

async fn found_near(app: &TestApp, listing_id: i64) -> bool {
    app.search("near=97201&radius_km=50&limit=100").await.ids().contains(&listing_id)
}

#[actix_rt::test]
async fn reminders_come_a_month_ahead_and_on_the_day_then_the_listing_lapses_until_confirmed() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let published =
        app.publish(&moderator, &ListingBuilder::new().near("97201").contact("rowan@example.org").build()).await;
    let id = published.listing_id;
    let due = due_date(&app, id).await;
    let status = app.manage_status(&published.token).await;
    assert!(status.confirmed_at.is_some(), "the manage view says when it was last confirmed");

    assert_eq!(counts(&sweep(&app, days(due, -31))), (0, 0, 0), "nothing before the month ahead");
    assert!(reminders_about(&app, id).is_empty());

    let month_ahead = sweep(&app, days(due, -30));
    assert!(month_ahead.contains(&format!("reminder_soon  listing {id}")), "{month_ahead}");
    assert_eq!(counts(&month_ahead), (1, 0, 0));
    let soon = mail_about(&app, id).pop().unwrap();
    assert_eq!((soon.0.as_str(), soon.1), ("reminder-soon", format!("reminder-soon:{id}:{due}")));
    assert_eq!(soon.2, "rowan@example.org");
    assert!(soon.4.contains(&format!("{SITE}/manage/recovery")), "a way to a new private link: {}", soon.4);
    assert!(soon.4.contains("My details are still correct"), "{}", soon.4);
    assert_eq!(counts(&sweep(&app, days(due, -29))), (0, 0, 0), "the month-ahead reminder goes once");

    assert_eq!(counts(&sweep(&app, due)), (0, 1, 0));
    assert_eq!(counts(&sweep(&app, days(due, 59))), (0, 0, 0), "the reminder on the day goes once");
    assert!(found_near(&app, id).await, "still public in the 60 days after the due date");
    assert_eq!(app.public_listing(id).await.status, 200);

    assert_eq!(counts(&sweep(&app, days(due, 60))), (0, 0, 1));
    assert_eq!(
        reminders_about(&app, id),
        [
            ("reminder-soon".to_string(), format!("reminder-soon:{id}:{due}")),
            ("reminder-due".to_string(), format!("reminder-due:{id}:{due}")),
            ("lapsed".to_string(), format!("lapsed:{id}:{due}")),
        ]
    );
    let gone = app.public_listing(id).await;
    assert_eq!(gone.status, 410, "{}", gone.text);
    assert_eq!(gone.header("content-type"), Some("application/problem+json"));
    assert_eq!(gone.json::<Problem>().status, 410);
    let page = app.get(&format!("/clinicians/{id}")).await;
    assert_eq!(page.status, 410);
    assert!(page.text.contains("This listing is not shown for now"), "a kind page: {}", page.text);
    // The app learns of the lapse, written by another process, from the audit trail.
    app.get_until("/api/v1/clinicians?near=97201&radius_km=50&limit=100", |reply| {
        !reply.json::<SearchReply>().ids().contains(&id)
    })
    .await;
    let status = app.manage_status(&published.token).await;
    assert_eq!((status.status, status.public), (ListingStatus::Lapsed, false));
    let dashboard = app.request("GET", "/moderate", &[("cookie", &moderator.cookie)], None).await;
    assert!(dashboard.text.contains("Lapsed listings (1)"), "{}", dashboard.text);
    assert!(dashboard.text.contains(&format!("(listing {id}, rowan@example.org)")));
    assert_eq!(counts(&sweep(&app, days(due, 61))), (0, 0, 0), "a listing lapses once");

    let bearer = format!("Bearer {}", published.token);
    let confirmed = app.request("POST", "/api/v1/manage/confirm", &[("authorization", &bearer)], None).await;

    assert_eq!(confirmed.status, 200, "{}", confirmed.text);
    let confirmed: ManageStatus = confirmed.json();
    assert_eq!((confirmed.status, confirmed.public), (ListingStatus::Approved, true));
    // Stored to the second, so it may equal the approval's in a fast run.
    assert!(confirmed.confirmed_at >= status.confirmed_at);
    assert!(found_near(&app, id).await, "back in search at once, without a new review");
    let public: PublicListing = app.public_listing(id).await.json();
    assert_eq!(public.confirmed_at, confirmed.confirmed_at);
    assert!(app.moderation_queue(&moderator).await.is_empty(), "no new review");
    let dashboard = app.request("GET", "/moderate", &[("cookie", &moderator.cookie)], None).await;
    assert!(dashboard.text.contains("Lapsed listings (0)"));
    let trail = events_about(&app, id);
    let actions: Vec<&str> = trail.iter().map(|(_, action)| action.as_str()).collect();
    assert_eq!(actions, ["approve", "reminder_soon", "reminder_due", "lapse", "confirm"]);
    assert_eq!(trail[1].0, "operator:freshness");
    assert_eq!(trail[4].0, "clinician");
}

#[actix_rt::test]
async fn an_unclaimed_listing_gets_no_mail_and_lapses_on_schedule_until_verified_by_phone() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let published = app.publish(&moderator, &ListingBuilder::new().near("97201").build()).await;
    let id = published.listing_id;
    // As an import leaves a listing: no clinician behind it, no address to write to.
    app.connect_and_run(&format!(
        "UPDATE listings SET claimed = FALSE, \
         content = replace(content, '\"contact_email\":\"rowan.private@example.org\"', '\"contact_email\":\"\"') \
         WHERE id = {id}"
    ));
    let due = due_date(&app, id).await;
    sweep(&app, days(due, -30));
    sweep(&app, due);
    assert_eq!(counts(&sweep(&app, days(due, 60))).2, 1, "it lapses when its year is up");
    assert!(reminders_about(&app, id).is_empty(), "no reminder and no lapse notice: nobody to send them to");
    assert_eq!(app.public_listing(id).await.status, 410);

    let record = format!("/moderate/listings/{id}/status");
    let today = chrono::Utc::now().date_naive().to_string();
    let fields = [("csrf_token", moderator.csrf.as_str()), ("action", "reverify"), ("verified_on", today.as_str())];
    let reply = app.request("POST", &record, &[FORM, ("cookie", &moderator.cookie)], Some(form_body(&fields))).await;
    assert_eq!(reply.status, 303, "{}", reply.text);
    assert_eq!(app.public_listing(id).await.status, 200, "a moderator's check by phone brings it back");
    let actions: Vec<String> = events_about(&app, id).into_iter().map(|(_, action)| action).collect();
    assert_eq!(actions, ["approve", "lapse", "reverify"], "what a clinician would be reminded of is not written");
}

#[actix_rt::test]
async fn the_manage_page_button_confirms_and_profiles_and_cards_say_when() {
    let app = spawn_app().await;
    let moderator = app.login_moderator("mira").await;
    let submitted = app
        .send_json(
            "POST",
            "/api/v1/submissions",
            &ListingBuilder::new().near("97201").build(),
            &[("accept-language", "es")],
        )
        .await;
    assert_eq!(submitted.status, 201, "{}", submitted.text);
    let submitted: serde_json::Value = submitted.json();
    let (id, token) = (submitted["listing_id"].as_i64().unwrap(), submitted["manage_token"].as_str().unwrap());
    let submission_id = submitted["submission_id"].as_i64().unwrap();
    assert_eq!(app.approve(&moderator, submission_id).await.status, 200);
    let due = due_date(&app, id).await;
    let this_month = Lang::Es.month_year(days(due, -365));

    let card = app.get("/es/search?near=97201").await;
    assert!(
        card.text.contains(&format!("Datos confirmados por el profesional de la salud en {this_month}")),
        "{}",
        card.text
    );
    let profile = app.get(&format!("/clinicians/{id}")).await;
    assert!(profile
        .text
        .contains(&format!("Details confirmed by the clinician in {}", Lang::En.month_year(days(due, -365)))));

    sweep(&app, days(due, 60));
    let reminder = &mail_about(&app, id)[2];
    assert_eq!(reminder.0, "lapsed");
    assert!(reminder.4.contains(&format!("{SITE}/es/manage/recovery")), "in the clinician's language: {}", reminder.4);
    assert!(reminder.4.contains("Mis datos siguen siendo correctos"), "{}", reminder.4);
    let page = app.get(&format!("/es/manage/{token}")).await;
    assert!(page.text.contains(&format!(r#"action="/es/manage/{token}/confirm""#)), "{}", page.text);
    assert_eq!(app.get(&format!("/es/clinicians/{id}")).await.status, 410);

    let confirmed = app.post_form(&format!("/es/manage/{token}/confirm"), &[]).await;

    assert_eq!(confirmed.status, 200, "{}", confirmed.text);
    assert!(confirmed.text.contains("Sus datos quedan confirmados por un año más."), "{}", confirmed.text);
    assert_eq!(app.public_listing(id).await.status, 200);
    assert!(found_near(&app, id).await);
    let withdrawn = app.manage("DELETE", token, None).await;
    assert_eq!(withdrawn.status, 200);
    let bearer = format!("Bearer {token}");
    let refused = app.request("POST", "/api/v1/manage/confirm", &[("authorization", &bearer)], None).await;
    assert_eq!(refused.status, 409, "a withdrawn listing is not brought back by confirming: {}", refused.text);
}

/// Enough listings that sweeps started together work on them at the same time.
const LISTINGS: usize = 120;

#[actix_rt::test]
async fn sweeps_run_twice_or_side_by_side_write_each_reminder_and_lapse_once() {
    let app = spawn_app().await;
    let listings: Vec<i64> = app
        .insert_public(
            (0..LISTINGS).map(|i| ListingBuilder::new().named(&format!("Dr. Clinician {i}")).near("97201").build()),
        )
        .into_iter()
        .map(|loaded| loaded.listing_id)
        .collect();
    let due = due_date(&app, listings[0]).await;

    for (as_of, expected) in
        [(days(due, -30), (LISTINGS, 0, 0)), (due, (0, LISTINGS, 0)), (days(due, 60), (0, 0, LISTINGS))]
    {
        let side_by_side: Vec<_> =
            (0..3).map(|_| freshness_command(&app, as_of).spawn().expect("the binary runs")).collect();
        let reports: Vec<_> =
            side_by_side.into_iter().map(|child| counts(&printed(child.wait_with_output().unwrap()))).collect();
        let total = reports.iter().fold((0, 0, 0), |sum, one| (sum.0 + one.0, sum.1 + one.1, sum.2 + one.2));
        assert_eq!(total, expected, "as of {as_of}, each step once among {reports:?}");
        assert_eq!(counts(&sweep(&app, as_of)), (0, 0, 0), "and once more does nothing");
    }
    for id in listings {
        let kinds: Vec<String> = reminders_about(&app, id).into_iter().map(|(kind, _)| kind).collect();
        assert_eq!(kinds, ["reminder-soon", "reminder-due", "lapsed"], "listing {id}");
        let actions: Vec<String> = events_about(&app, id).into_iter().map(|(_, action)| action).collect();
        assert_eq!(actions, ["approve", "reminder_soon", "reminder_due", "lapse"], "listing {id}");
    }
}

#[actix_rt::test]
async fn demo_listings_are_never_reminded_nor_lapsed() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.json");
    std::fs::write(&file, serde_json::json!({"demo": true, "listings": [ListingBuilder::new().build()]}).to_string())
        .unwrap();
    let seeded = Command::new(env!("CARGO_BIN_EXE_benzowise"))
        .args(["seed", file.to_str().unwrap()])
        .env("DATABASE_URL", database_url(&app.database))
        .output()
        .unwrap();
    printed(seeded);
    let due = due_date(&app, 1).await;

    assert_eq!(counts(&sweep(&app, days(due, 400))), (0, 0, 0));
    assert_eq!(app.public_listing(1).await.status, 200);
}

#[actix_rt::test]
async fn serve_sweeps_as_it_starts() {
    let app = spawn_app().await;
    let id = app.insert_public([ListingBuilder::new().near("97201").build()]).remove(0).listing_id;
    // Last confirmed 61 days more than a year ago: past the lapse.
    let long_ago = chrono::Utc::now().naive_utc() - chrono::Duration::days(365 + 61);
    diesel::update(listings::table.find(id))
        .set(listings::confirmed_at.eq(Some(long_ago)))
        .execute(&mut app.connect())
        .unwrap();

    let second = spawn_app_on(app.database.clone()).await;

    second.get_until(&format!("/api/v1/clinicians/{id}"), |reply| reply.status == 410).await;
    second
        .get_until("/api/v1/clinicians?near=97201&radius_km=50&limit=100", |reply| {
            !reply.json::<SearchReply>().ids().contains(&id)
        })
        .await;
    assert_eq!(
        reminders_about(&app, id),
        [("lapsed".to_string(), format!("lapsed:{id}:{}", days(long_ago.date(), 365)))]
    );
}
