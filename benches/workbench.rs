//! The moderators' workbench at scale: `cargo bench --bench workbench` (see the README).
//!
//! On SQLite and then on PostgreSQL it fills a directory with 10,000 pending
//! submissions (a tenth of them edits, a twentieth with red flags), 2,000 open
//! reports and 1,000,000 audit events, starts the real application, logs in a
//! moderator, and asks every moderation page and API list, first pages and
//! deep ones, filtered and not, `--repeat` times each. It prints the median and
//! slowest answer and the size of each, and the query plans of the heavy queries.
//!
//! Options (after `--`): `--pending 10000`, `--reports 2000`, `--events 1000000`,
//! `--repeat 20`, `--no-postgres`, `--postgres URL` (default
//! postgres://postgres@127.0.0.1:5432/test; a database `benzowise_bench_workbench`
//! is made there and dropped afterwards).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark that cannot set up should stop at once

use std::time::{Duration, Instant};

use benzowise::app::seed::{self, Publication, SeedBatch};
use benzowise::config::Settings;
use benzowise::db::moderators::Moderator;
use benzowise::db::reports::Report;
use benzowise::db::{self, AnyConnection, Database};
use benzowise::domain::listing::Provenance;
use benzowise::domain::moderation::Role;
use benzowise::places::Gazetteer;
use benzowise::startup::Application;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::Text;
use serde_json::{json, Value};

const PASSWORD: &str = "a long benchmark password";
const FIRST: &[&str] = &["Ana", "Ben", "Chen", "Dara", "Eli", "Farah", "Gus", "Hana", "Ivo", "Jude", "Kai", "Lior"];
const LAST: &[&str] = &["Smith", "Garcia", "Nguyen", "Okafor", "Rossi", "Kowalski", "Haddad", "Silva", "Kim", "Brown"];
const CITIES: &[(&str, &str, &str)] = &[
    ("Portland", "OR", "97201"),
    ("Seattle", "WA", "98101"),
    ("Denver", "CO", "80202"),
    ("Austin", "TX", "78701"),
    ("Boston", "MA", "02108"),
    ("Chicago", "IL", "60601"),
];

struct Options {
    pending: usize,
    reports: usize,
    events: usize,
    repeat: usize,
    postgres: Option<String>,
}

fn options() -> Options {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let number = |name: &str, default: usize| value(name).map_or(default, |n| n.parse().expect("a number"));
    Options {
        pending: number("--pending", 10_000),
        reports: number("--reports", 2_000),
        events: number("--events", 1_000_000),
        repeat: number("--repeat", 20).max(1),
        postgres: (!args.iter().any(|a| a == "--no-postgres"))
            .then(|| value("--postgres").unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/test".into())),
    }
}

/// A valid listing; every `n` differs in name, city and NPI-lessness.
fn listing(n: usize, flagged: bool) -> Value {
    let (city, region, zip) = CITIES[n % CITIES.len()];
    let answer = if flagged { "Most people can just stop after two weeks." } else { "As long as you need." };
    json!({
        "full_name": format!("Dr. {} {} {n}", FIRST[n % FIRST.len()], LAST[(n / FIRST.len()) % LAST.len()]),
        "credentials": "MD", "profession": "physician", "specialty": "psychiatry",
        "city": city, "region": region, "postal_code": zip, "country": "US",
        "contact_email": format!("clinician{n}@example.org"), "phone": "+1 503 555 0100",
        "telehealth": n.is_multiple_of(3), "licensed_regions": if n.is_multiple_of(3) { vec![format!("US-{region}")] } else { vec![] },
        "accepting_new_patients": true, "languages": ["en"],
        "taper_approaches": ["micro_taper"], "criteria": ["patient_sets_pace", "slow_taper_supported"],
        "answers": {"typical_duration": "Usually a year or more.", "dependence_plan": "We go at your pace.", "slow_taper": answer},
        "statement": "I taper at the pace my patients set.",
    })
}

fn load(conn: &mut AnyConnection, values: Vec<Value>, publication: Publication) -> Vec<i64> {
    let batch = SeedBatch { demo: false, listings: values };
    let parsed = batch.parse(Gazetteer::shared()).expect("valid listings");
    db::write_transaction(conn, |conn| seed::load(conn, parsed, publication, Provenance::Clinician))
        .expect("stored")
        .into_iter()
        .map(|loaded| loaded.listing_id)
        .collect()
}

/// Fills the directory: public listings (some with reports and pending edits),
/// new pending listings, moderators, and the audit trail.
fn fill(conn: &mut AnyConnection, options: &Options) {
    let started = Instant::now();
    let edits = options.pending / 10;
    let public =
        load(conn, (0..options.reports.max(edits)).map(|n| listing(n, false)).collect(), Publication::Approved);
    let new = options.pending - edits;
    load(conn, (0..new).map(|n| listing(100_000 + n, n % 20 == 0)).collect(), Publication::Pending);
    db::write_transaction(conn, |conn| {
        for (n, id) in public.iter().take(edits).enumerate() {
            let parsed =
                SeedBatch { demo: false, listings: vec![listing(n, n % 20 == 0)] }.parse(Gazetteer::shared()).unwrap();
            benzowise::db::submissions::Submission::create_edit(conn, *id, &parsed[0]).unwrap();
        }
        for id in public.iter().take(options.reports) {
            Report::create(conn, *id, "inaccurate", Some("The phone number no longer works."))?;
        }
        Ok::<_, diesel::result::Error>(())
    })
    .unwrap();
    for n in 0..5 {
        Moderator::upsert(
            conn,
            &format!("moderator-{n}"),
            PASSWORD,
            if n == 0 { Role::Admin } else { Role::Moderator },
        )
        .unwrap();
    }
    let listings = public.len() as i64;
    let sql = match conn {
        AnyConnection::Sqlite(_) => format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {events})
             INSERT INTO events (occurred_at, actor, moderator_id, action, listing_id, submission_id, report_id, reason, changes)
             SELECT datetime('2023-01-01', '+' || (i * 60) || ' seconds'), 'moderator:moderator-' || (i % 5), 1 + (i % 5),
                 CASE i % 4 WHEN 0 THEN 'approve' WHEN 1 THEN 'reject' WHEN 2 THEN 'suspend' ELSE 'reinstate' END,
                 1 + (i % {listings}), NULL, NULL, 'a reason', '[]' FROM n",
            events = options.events
        ),
        AnyConnection::Postgresql(_) => format!(
            "INSERT INTO events (occurred_at, actor, moderator_id, action, listing_id, submission_id, report_id, reason, changes)
             SELECT TIMESTAMP '2023-01-01' + i * INTERVAL '60 seconds', 'moderator:moderator-' || (i % 5), 1 + (i % 5),
                 (ARRAY['approve', 'reject', 'suspend', 'reinstate'])[1 + i % 4],
                 1 + (i % {listings}), NULL, NULL, 'a reason', '[]' FROM generate_series(1, {events}) AS i",
            events = options.events
        ),
    };
    conn.batch_execute(&sql).unwrap();
    if let AnyConnection::Postgresql(pg) = conn {
        pg.batch_execute("ANALYZE").unwrap();
    } else {
        conn.batch_execute("ANALYZE").unwrap();
    }
    eprintln!("  filled in {:.1} s", started.elapsed().as_secs_f64());
}

/// The plans of the heavy queries, as the database will run them.
fn explain(conn: &mut AnyConnection) {
    let queries = [
        ("queue page", "SELECT s.id FROM submissions s JOIN listings l ON l.id = s.listing_id WHERE s.id IN (SELECT id FROM submissions WHERE status = 'pending') ORDER BY s.id LIMIT 26 OFFSET 1500"),
        ("queue search", "SELECT count(*) FROM submissions WHERE status = 'pending' AND (name_key LIKE '%garcia%' ESCAPE '\\' OR city_key = 'garcia' OR email_key = 'garcia' OR npi = 'garcia')"),
        ("queue, red flags only", "SELECT s.id FROM submissions s WHERE s.status = 'pending' AND s.flagged AND s.id > 0 ORDER BY s.id LIMIT 26"),
        ("queue count", "SELECT count(*) FROM submissions WHERE status = 'pending' AND kind = 'edit'"),
        ("duplicates", "SELECT id FROM submissions WHERE listing_id <> 1 AND (status = 'pending' OR status = 'approved') AND ((name_key = 'dr. ana smith 0' AND city_key = 'portland') OR npi = '1234567893') ORDER BY id DESC LIMIT 20"),
        ("finder", "SELECT DISTINCT listing_id FROM submissions WHERE name_key LIKE '%smith%' ESCAPE '\\' OR city_key = 'smith' OR npi = 'smith' ORDER BY listing_id DESC LIMIT 50"),
        ("audit page, deep", "SELECT id FROM events WHERE id < 500000 ORDER BY id DESC LIMIT 51"),
        ("audit by action", "SELECT id FROM events WHERE action = 'suspend' AND id < 900000 ORDER BY id DESC LIMIT 51"),
        ("audit by moderator", "SELECT id FROM events WHERE moderator_id = 3 ORDER BY id DESC LIMIT 51"),
        ("audit by listing", "SELECT id FROM events WHERE listing_id = 123 ORDER BY id DESC LIMIT 51"),
        ("audit by days", "SELECT id FROM events WHERE occurred_at >= '2024-01-01' AND occurred_at < '2024-01-02' ORDER BY id DESC LIMIT 51"),
        ("open reports page", "SELECT id FROM reports WHERE status = 'open' AND id > 0 ORDER BY id LIMIT 21"),
    ];
    for (name, sql) in queries {
        println!("  {name}:");
        for line in plan_of(conn, sql) {
            println!("      {line}");
        }
    }
}

/// `EXPLAIN QUERY PLAN` on SQLite, `EXPLAIN` on PostgreSQL, one line per step.
fn plan_of(conn: &mut AnyConnection, sql: &str) -> Vec<String> {
    #[derive(QueryableByName)]
    struct SqlitePlan {
        #[diesel(sql_type = Text)]
        detail: String,
    }
    #[derive(QueryableByName)]
    struct PgPlan {
        #[diesel(sql_type = Text, column_name = "QUERY PLAN")]
        plan: String,
    }
    match conn {
        AnyConnection::Sqlite(_) => {
            let rows = diesel::sql_query(format!("EXPLAIN QUERY PLAN {sql}")).load::<SqlitePlan>(conn).unwrap();
            rows.into_iter().map(|row| row.detail).collect()
        }
        AnyConnection::Postgresql(_) => {
            let rows = diesel::sql_query(format!("EXPLAIN {sql}")).load::<PgPlan>(conn).unwrap();
            rows.into_iter().map(|row| row.plan).collect()
        }
    }
}

struct Client {
    address: String,
    cookie: String,
}

impl Client {
    /// One request on a connection of its own, as a browser's first would be:
    /// on a kept-alive connection the client's delayed acknowledgements would
    /// add some 40 ms to answers the server sends in more than one write.
    async fn get(&self, path: &str) -> (u16, usize) {
        let (address, request) = (
            self.address.clone(),
            format!(
                "GET {path} HTTP/1.1\r\nHost: {}\r\nCookie: {}\r\nConnection: close\r\n\r\n",
                self.address, self.cookie
            ),
        );
        actix_rt::task::spawn_blocking(move || {
            use std::io::{Read, Write};
            let mut stream = std::net::TcpStream::connect(address).unwrap();
            stream.set_nodelay(true).unwrap();
            stream.write_all(request.as_bytes()).unwrap();
            let mut reply = Vec::new();
            stream.read_to_end(&mut reply).unwrap();
            let head_end = reply.windows(4).position(|w| w == b"\r\n\r\n").expect("an HTTP answer") + 4;
            let status = String::from_utf8_lossy(&reply[9..12]).parse().unwrap();
            (status, reply.len() - head_end)
        })
        .await
        .unwrap()
    }
}

async fn measure(database: Database, options: &Options) {
    let mut conn = database.connect().unwrap();
    db::migrate(&mut conn).unwrap();
    fill(&mut conn, options);
    explain(&mut conn);
    let url = match &database {
        Database::Postgres(url) => url.clone(),
        Database::Sqlite(path) => format!("sqlite://{path}"),
    };
    std::env::set_var("DATABASE_URL", &url);
    std::env::set_var("BIND", "127.0.0.1:0");
    std::env::set_var("SESSION_KEY", "a benchmark session key of at least 32 characters");
    std::env::set_var("MAIL_DIR", std::env::temp_dir().join("benzowise-bench-mail"));
    std::env::set_var("RUST_LOG", "error");
    let application = Application::build(Settings::from_env().unwrap()).await.unwrap();
    let base = format!("http://127.0.0.1:{}", application.port());
    actix_rt::spawn(application.run_until_stopped());
    let http = awc::Client::builder().timeout(Duration::from_secs(60)).finish();
    let mut login = http
        .post(format!("{base}/api/v1/moderator/session"))
        .send_json(&json!({"username": "moderator-0", "password": PASSWORD}))
        .await
        .unwrap();
    let cookie = login.cookie("benzowise_session").expect("a session").to_string();
    let _ = login.body().await;
    let client = Client { address: base.trim_start_matches("http://").to_string(), cookie };
    let some_pending: i64 = {
        #[derive(QueryableByName)]
        struct Id {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            id: i64,
        }
        let middle = options.pending / 2;
        diesel::sql_query(format!(
            "SELECT id FROM submissions WHERE status = 'pending' ORDER BY id LIMIT 1 OFFSET {middle}"
        ))
        .get_result::<Id>(&mut conn)
        .unwrap()
        .id
    };
    let paths = [
        "/moderate".to_string(),
        format!("/moderate?page={}", options.pending / 50),
        "/moderate?flagged=1".into(),
        "/moderate?kind=edit".into(),
        "/moderate?waiting_days=1".into(),
        "/moderate?q=garcia".into(),
        "/moderate?q=seattle&region=US-WA".into(),
        "/moderate?q=clinician100042%40example.org".into(),
        "/moderate?hide_claimed=1".into(),
        format!("/moderate/submissions/{some_pending}"),
        "/moderate/reports".into(),
        "/moderate/reports?page=20".into(),
        "/moderate/listings?q=smith".into(),
        "/moderate/listings?q=smith&page=3".into(),
        "/moderate/listings/123".into(),
        "/moderate/audit".into(),
        "/moderate/audit?before=500000".into(),
        "/moderate/audit?action=suspend".into(),
        "/moderate/audit?moderator=3&before=900000".into(),
        "/moderate/audit?listing=123".into(),
        "/moderate/audit?from=2024-01-01&to=2024-01-01".into(),
        "/moderate/moderators".into(),
        "/api/v1/moderation/queue".into(),
        "/api/v1/moderation/queue?limit=50".into(),
        format!("/api/v1/moderation/queue?after={some_pending}&flagged=true"),
        "/api/v1/moderation/reports".into(),
        "/api/v1/moderation/reports?limit=100&after=1000".into(),
        "/api/v1/moderation/events".into(),
        "/api/v1/moderation/events?limit=100&before=500000".into(),
        "/api/v1/moderation/events?action=reject&moderator_id=2".into(),
        "/api/v1/moderation/clinicians?q=garcia".into(),
    ];
    println!("  {:<58} {:>8} {:>8} {:>9}", "page", "median", "slowest", "size");
    for path in &paths {
        let mut times = Vec::new();
        let mut size = 0;
        for _ in 0..options.repeat {
            let started = Instant::now();
            let (status, bytes) = client.get(path).await;
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            assert_eq!(status, 200, "{path}");
            size = bytes;
        }
        times.sort_by(f64::total_cmp);
        let flag = if size > 60 * 1024 { "  OVER 60 KB" } else { "" };
        println!(
            "  {path:<58} {:>6.1} ms {:>6.1} ms {:>6.1} KB{flag}",
            times[times.len() / 2],
            times[times.len() - 1],
            size as f64 / 1024.0
        );
    }
}

fn main() {
    let options = options();
    let system = actix_rt::System::new();
    println!(
        "workbench: {} pending submissions, {} open reports, {} audit events, {} tries per page",
        options.pending, options.reports, options.events, options.repeat
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("workbench.db");
    println!("SQLite");
    system.block_on(measure(Database::Sqlite(file.to_string_lossy().into_owned()), &options));
    if let Some(url) = &options.postgres {
        let name = "benzowise_bench_workbench";
        let mut admin = PgConnection::establish(url).expect("PostgreSQL is reachable");
        admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).unwrap();
        admin.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
        let (base, _) = url.rsplit_once('/').unwrap();
        println!("PostgreSQL");
        system.block_on(measure(Database::Postgres(format!("{base}/{name}")), &options));
        admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).unwrap();
    }
}
