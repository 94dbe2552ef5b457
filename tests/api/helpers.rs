//! `spawn_app()`: the real application on port 0 with a fresh database
//! (SQLite file, or a fresh PostgreSQL schema when `TEST_DATABASE_URL` is set),
//! typed replies, and `ListingBuilder` for the listings tests send.

use std::time::{Duration, Instant};

use awc::http::header::HeaderMap;
use benzowise::app::listings::PublicListing;
use benzowise::app::manage::ManageStatus;
use benzowise::app::moderation::{QueueItem, QueuePage};
use benzowise::app::seed::{self, Loaded, Publication, SeedBatch};
use benzowise::config::{MailSettings, Settings};
use benzowise::db::events::Event;
use benzowise::db::moderators::Moderator;
use benzowise::db::{AnyConnection, Database};
use benzowise::domain::listing::Provenance;
use benzowise::domain::moderation::Role;
use benzowise::domain::token::SessionKey;
use benzowise::error::Problem;
use benzowise::mail::MailTransport;
use benzowise::places::Gazetteer;
use benzowise::startup::Application;
use benzowise::web::api::session::SessionStarted;
use benzowise::web::api::submissions::SubmissionCreated;
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};

/// The password `login_moderator` gives every account it makes.
pub const MODERATOR_PASSWORD: &str = "a long moderator password";

/// How long a test waits for something the app does in the background, such
/// as its search index syncing with rows written behind its back.
const BACKGROUND_DEADLINE: Duration = Duration::from_secs(5);

pub struct TestApp {
    pub address: String,
    pub database: Database,
    client: awc::Client,
    _dir: Option<tempfile::TempDir>,
}

/// A response, read whole.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub text: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    /// The body read as JSON of type `T` (`Value` for untyped); fails the test when it is not one.
    pub fn json<T: DeserializeOwned>(&self) -> T {
        serde_json::from_str(&self.text)
            .unwrap_or_else(|error| panic!("the body is not a {}: {error}\n{}", std::any::type_name::<T>(), self.text))
    }

    /// The fields named in a problem's `errors`.
    pub fn error_fields(&self) -> Vec<String> {
        self.json::<Problem>().errors.into_iter().map(|error| error.field).collect()
    }
}

/// A search reply (`GET /api/v1/clinicians`), with what tests read of it.
#[derive(Debug, Deserialize)]
pub struct SearchReply {
    pub center: Option<Place>,
    pub radius_km: Option<f64>,
    pub total: usize,
    pub results: Vec<SearchHit>,
}

impl SearchReply {
    pub fn ids(&self) -> Vec<i64> {
        self.results.iter().map(|hit| hit.id).collect()
    }
}

/// One listing found by a search.
#[derive(Debug, Deserialize)]
pub struct SearchHit {
    pub id: i64,
    pub full_name: String,
    /// Of the place nearest the search centre.
    pub city: String,
    pub latitude: f64,
    pub longitude: f64,
    pub distance_km: Option<f64>,
}

/// A place as the API writes it: a search's centre, or a suggestion from `/api/v1/places`.
#[derive(Debug, Deserialize)]
pub struct Place {
    pub lat: f64,
    pub lon: f64,
    pub label: String,
}

fn test_settings(database: Database) -> Settings {
    Settings {
        database,
        bind: "127.0.0.1:0".into(),
        public_url: Some("http://benzowise.test".into()),
        cookie_secure: false,
        session_key: SessionKey::new("a test session key of at least 32 characters").unwrap(),
        session_ttl: Duration::from_secs(3600),
        session_idle: Duration::from_secs(3600),
        require_two_factor: false,
        pool_size: 4,
        login_max_failures: 5,
        login_window: Duration::from_secs(900),
        submissions_per_hour: 10_000,
        reports_per_hour: 10_000,
        read_requests_per_minute: 0,
        trusted_proxies: Vec::new(),
        metrics_token: None,
        search_sync_interval: Duration::from_secs(1),
        request_timeout: Duration::from_secs(30),
        client_timeout: Duration::from_secs(10),
        mail: MailSettings {
            // Mail tests point this at a real SMTP server; the others keep their mail in files.
            transport: MailTransport::Files(std::env::temp_dir().join("benzowise-test-mail")),
            from: "benzowise <no-reply@benzowise.test>".into(),
            poll_interval: Duration::from_millis(100),
            digest_every: Duration::from_secs(3600),
            confirm_every_days: 365,
        },
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

pub async fn spawn_app_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
    let (database, dir) = fresh_database();
    start(database, dir, configure).await
}

/// A second instance sharing an existing app's database.
pub async fn spawn_app_on(database: Database) -> TestApp {
    spawn_app_on_with(database, |_| {}).await
}

/// A second instance sharing an existing app's database, with its own settings.
pub async fn spawn_app_on_with(database: Database, configure: impl FnOnce(&mut Settings)) -> TestApp {
    start(database, None, |s| {
        s.search_sync_interval = Duration::from_millis(100);
        configure(s);
    })
    .await
}

async fn start(database: Database, dir: Option<tempfile::TempDir>, configure: impl FnOnce(&mut Settings)) -> TestApp {
    let mut settings = test_settings(database.clone());
    configure(&mut settings);
    let application = Application::build(settings).await.expect("the application starts");
    let address = format!("http://127.0.0.1:{}", application.port());
    actix_rt::spawn(application.run_until_stopped());
    // Connections idle longer than the server keeps them (5 s) are not reused,
    // so a test that pauses for a slow command does not send on a closed one.
    let connector = awc::Connector::new().conn_keep_alive(Duration::from_secs(3));
    let client =
        awc::Client::builder().connector(connector).timeout(Duration::from_secs(60)).disable_redirects().finish();
    TestApp { address, database, client, _dir: dir }
}

/// A new, empty database: a SQLite file in a temporary directory, or a fresh
/// schema in `TEST_DATABASE_URL`.
pub fn fresh_database() -> (Database, Option<tempfile::TempDir>) {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => {
            let schema = format!("test_{}", &benzowise::domain::token::generate()[..16]);
            let mut admin = PgConnection::establish(&url).expect("TEST_DATABASE_URL is reachable");
            admin.batch_execute(&format!("CREATE SCHEMA {schema}")).expect("a fresh schema");
            let separator = if url.contains('?') { '&' } else { '?' };
            (Database::Postgres(format!("{url}{separator}options=-csearch_path%3D{schema}")), None)
        }
        _ => {
            let dir = tempfile::tempdir().expect("a temporary directory");
            let path = dir.path().join("benzowise.db");
            (Database::Sqlite(path.to_string_lossy().into_owned()), Some(dir))
        }
    }
}

/// The URL the binary takes for a database.
pub fn database_url(database: &Database) -> String {
    match database {
        Database::Postgres(url) => url.clone(),
        Database::Sqlite(path) => format!("sqlite://{path}"),
    }
}

/// A URL-encoded form body, as a browser sends it.
pub fn form_body(fields: &[(&str, &str)]) -> Vec<u8> {
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in fields {
        form.append_pair(name, value);
    }
    form.finish().into_bytes()
}

pub const FORM: (&str, &str) = ("content-type", "application/x-www-form-urlencoded");

/// A port nothing listens on at the moment of asking.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub fn connect(&self) -> AnyConnection {
        self.database.connect().expect("the test database")
    }

    /// Runs SQL straight on the database, for a test that must move time or break things.
    pub fn connect_and_run(&self, sql: &str) {
        self.connect().batch_execute(sql).expect("the SQL runs");
    }

    pub async fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: Option<Vec<u8>>) -> Reply {
        let method = awc::http::Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = self.client.request(method, self.url(path));
        for (name, value) in headers {
            request = request.insert_header((*name, *value));
        }
        let mut response = match body {
            Some(bytes) => request.send_body(bytes).await,
            None => request.send().await,
        }
        .expect("the server answers");
        let bytes = response.body().limit(50 * 1024 * 1024).await.expect("a body");
        let text = String::from_utf8_lossy(&bytes).into_owned();
        Reply { status: response.status().as_u16(), headers: response.headers().clone(), text }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.request("GET", path, &[], None).await
    }

    /// Asks again until the reply is `done`; fails the test when it never is.
    pub async fn get_until(&self, path: &str, done: impl Fn(&Reply) -> bool) -> Reply {
        let started = Instant::now();
        loop {
            let reply = self.get(path).await;
            if done(&reply) {
                return reply;
            }
            assert!(started.elapsed() < BACKGROUND_DEADLINE, "GET {path} never gave the reply awaited: {}", reply.text);
            actix_rt::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// `GET /api/v1/clinicians/{id}`: public listings only, read from the database.
    pub async fn public_listing(&self, listing_id: i64) -> Reply {
        self.get(&format!("/api/v1/clinicians/{listing_id}")).await
    }

    /// A search with these query parameters; it must succeed.
    pub async fn search(&self, query: &str) -> SearchReply {
        let reply = self.get(&format!("/api/v1/clinicians?{query}")).await;
        assert_eq!(reply.status, 200, "{query}: {}", reply.text);
        reply.json()
    }

    pub async fn send_json(&self, method: &str, path: &str, body: &Value, headers: &[(&str, &str)]) -> Reply {
        let mut all = vec![("content-type", "application/json")];
        all.extend_from_slice(headers);
        self.request(method, path, &all, Some(serde_json::to_vec(body).unwrap())).await
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        self.request("POST", path, &[FORM], Some(form_body(fields))).await
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> Reply {
        self.send_json("POST", path, body, &[]).await
    }

    /// Submits a listing and expects it to be received.
    pub async fn submit(&self, listing: &Value) -> Submitted {
        let reply = self.post_json("/api/v1/submissions", listing).await;
        assert_eq!(reply.status, 201, "submission refused: {}", reply.text);
        let created: SubmissionCreated = reply.json();
        Submitted { listing_id: created.listing_id, submission_id: created.submission_id, token: created.manage_token }
    }

    pub async fn manage(&self, method: &str, token: &str, body: Option<&Value>) -> Reply {
        let bearer = format!("Bearer {token}");
        match body {
            Some(body) => self.send_json(method, "/api/v1/manage", body, &[("authorization", &bearer)]).await,
            None => self.request(method, "/api/v1/manage", &[("authorization", &bearer)], None).await,
        }
    }

    /// What the clinician holding this manage token sees of their listing.
    pub async fn manage_status(&self, token: &str) -> ManageStatus {
        let reply = self.manage("GET", token, None).await;
        assert_eq!(reply.status, 200, "{}", reply.text);
        reply.json()
    }

    /// Reports a public listing to the moderators.
    pub async fn report(&self, listing_id: i64, report: &Value) -> Reply {
        self.post_json(&format!("/api/v1/clinicians/{listing_id}/reports"), report).await
    }

    pub fn add_moderator(&self, name: &str, password: &str) {
        Moderator::upsert(&mut self.connect(), name, password, Role::Moderator).expect("a moderator account");
    }

    pub fn add_admin(&self, name: &str, password: &str) {
        Moderator::upsert(&mut self.connect(), name, password, Role::Admin).expect("an admin account");
    }

    pub async fn login(&self, name: &str, password: &str) -> Reply {
        self.post_json("/api/v1/moderator/session", &json!({"username": name, "password": password})).await
    }

    /// A new moderator account, logged in.
    pub async fn login_moderator(&self, name: &str) -> ModeratorSession {
        self.add_moderator(name, MODERATOR_PASSWORD);
        self.session_for(name).await
    }

    /// One more session of a moderator `login_moderator` made.
    pub async fn session_for(&self, name: &str) -> ModeratorSession {
        let reply = self.login(name, MODERATOR_PASSWORD).await;
        assert_eq!(reply.status, 200, "login failed: {}", reply.text);
        let cookie = reply
            .headers
            .get_all("set-cookie")
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("benzowise_session="))
            .expect("a session cookie")
            .split(';')
            .next()
            .unwrap()
            .to_string();
        ModeratorSession { cookie, csrf: reply.json::<SessionStarted>().csrf_token }
    }

    pub async fn as_moderator(&self, who: &ModeratorSession, method: &str, path: &str, body: Option<&Value>) -> Reply {
        let headers = [("cookie", who.cookie.as_str()), ("x-csrf-token", who.csrf.as_str())];
        match body {
            Some(body) => self.send_json(method, path, body, &headers).await,
            None => self.request(method, path, &headers, None).await,
        }
    }

    /// The first page of the moderation queue: pending submissions, oldest first.
    pub async fn moderation_queue(&self, who: &ModeratorSession) -> Vec<QueueItem> {
        let reply = self.as_moderator(who, "GET", "/api/v1/moderation/queue?limit=50", None).await;
        assert_eq!(reply.status, 200, "{}", reply.text);
        reply.json::<QueuePage>().items
    }

    /// The audit trail, newest first.
    pub async fn audit_events(&self, who: &ModeratorSession) -> Vec<Event> {
        let reply = self.as_moderator(who, "GET", "/api/v1/moderation/events", None).await;
        assert_eq!(reply.status, 200, "{}", reply.text);
        reply.json()
    }

    pub async fn approve(&self, who: &ModeratorSession, submission_id: i64) -> Reply {
        let path = format!("/api/v1/moderation/submissions/{submission_id}/approve");
        self.as_moderator(who, "POST", &path, Some(&json!({}))).await
    }

    pub async fn reject(&self, who: &ModeratorSession, submission_id: i64, reason: &str) -> Reply {
        let path = format!("/api/v1/moderation/submissions/{submission_id}/reject");
        self.as_moderator(who, "POST", &path, Some(&json!({ "reason": reason }))).await
    }

    pub async fn suspend(&self, who: &ModeratorSession, listing_id: i64, reason: &str) -> Reply {
        let path = format!("/api/v1/moderation/clinicians/{listing_id}/suspend");
        self.as_moderator(who, "POST", &path, Some(&json!({ "reason": reason }))).await
    }

    pub async fn reinstate(&self, who: &ModeratorSession, listing_id: i64, note: &str) -> Reply {
        let path = format!("/api/v1/moderation/clinicians/{listing_id}/reinstate");
        self.as_moderator(who, "POST", &path, Some(&json!({ "note": note }))).await
    }

    /// Submits a listing and has a moderator approve it.
    pub async fn publish(&self, who: &ModeratorSession, listing: &Value) -> Submitted {
        let submitted = self.submit(listing).await;
        assert_eq!(self.approve(who, submitted.submission_id).await.status, 200);
        submitted
    }

    /// Stores listings as approved straight through the library, as `benzowise seed`
    /// does, for tests that need public listings but are not about submitting and
    /// approving them. `GET /api/v1/clinicians/{id}` sees them at once; search only
    /// after `wait_until_searchable`.
    pub fn insert_public(&self, listings: impl IntoIterator<Item = Value>) -> Vec<Loaded> {
        let batch = SeedBatch { demo: false, listings: listings.into_iter().collect() };
        let parsed = batch.parse(Gazetteer::shared()).expect("valid listings");
        seed::load(&mut self.connect(), parsed, Publication::Approved, Provenance::Clinician).expect("stored listings")
    }

    /// Stores listings as pending submissions, as `benzowise seed --status pending` does.
    pub fn insert_pending(&self, listings: impl IntoIterator<Item = Value>) -> Vec<Loaded> {
        let batch = SeedBatch { demo: false, listings: listings.into_iter().collect() };
        let parsed = batch.parse(Gazetteer::shared()).expect("valid listings");
        seed::load(&mut self.connect(), parsed, Publication::Pending, Provenance::Clinician).expect("stored listings")
    }

    /// Waits until search finds each listing: the running app's index learns of
    /// rows written behind its back at its next sync (`search_sync_interval`).
    pub async fn wait_until_searchable(&self, listings: impl IntoIterator<Item = &Loaded>) {
        for listing_id in listings.into_iter().map(|loaded| loaded.listing_id) {
            let listing: PublicListing = self.public_listing(listing_id).await.json();
            let around =
                format!("/api/v1/clinicians?lat={}&lon={}&radius_km=1&limit=100", listing.latitude, listing.longitude);
            self.get_until(&around, |reply| reply.json::<SearchReply>().ids().contains(&listing_id)).await;
        }
    }
}

/// A listing submitted over HTTP, with the manage token its clinician was given.
pub struct Submitted {
    pub listing_id: i64,
    pub submission_id: i64,
    pub token: String,
}

pub struct ModeratorSession {
    pub cookie: String,
    pub csrf: String,
}

/// A complete, valid listing; tests change what they need with the named
/// methods, or with `with`/`without` for input no clinician should send.
pub struct ListingBuilder(Value);

impl ListingBuilder {
    pub fn new() -> Self {
        ListingBuilder(json!({
            "full_name": "Dr. Rowan Whitfield",
            "credentials": "MD",
            "profession": "physician",
            "specialty": "psychiatry",
            "taxonomy_code": "2084P0800X",
            "npi": "1234567893",
            "practice_name": "Riverbend Clinic",
            "address_line": "100 Example Street",
            "city": "Portland",
            "region": "OR",
            "postal_code": "97201",
            "country": "US",
            "phone": "(503) 555-0100",
            "website": "https://example.org/whitfield",
            "public_email": "office@example.org",
            "contact_email": "rowan.private@example.org",
            "telehealth": true,
            "licensed_regions": ["US-OR", "US-WA"],
            "accepting_new_patients": true,
            "languages": ["en", "es"],
            "taper_approaches": ["symptom_guided", "micro_taper"],
            "criteria": ["slow_taper_supported", "patient_sets_pace", "no_abrupt_stops"],
            "max_monthly_reduction_pct": 10,
            "answers": {
                "typical_duration": "A few weeks at most when I start them.",
                "dependence_plan": "A slow taper, paced by the patient.",
                "slow_taper": "Yes, a year or more when needed."
            },
            "statement": "I taper slowly."
        }))
    }

    pub fn named(self, full_name: &str) -> Self {
        self.with("full_name", json!(full_name))
    }

    /// The private address the directory writes to.
    pub fn contact(self, email: &str) -> Self {
        self.with("contact_email", json!(email))
    }

    /// Placed by a US ZIP code: no latitude or longitude is given, so the
    /// coordinates come from the ZIP code.
    pub fn near(self, zip_code: &str) -> Self {
        self.without("latitude").without("longitude").with("country", json!("US")).with("postal_code", json!(zip_code))
    }

    /// Placed by its city alone: no coordinates or ZIP code come first.
    pub fn in_city(self, city: &str, region: &str) -> Self {
        self.without("latitude")
            .without("longitude")
            .without("postal_code")
            .with("city", json!(city))
            .with("region", json!(region))
    }

    /// Placed at these coordinates, whatever its address.
    pub fn at(self, latitude: f64, longitude: f64) -> Self {
        self.with("latitude", json!(latitude)).with("longitude", json!(longitude))
    }

    /// Also practising at these coordinates, each a further place in Salem.
    pub fn also_at(self, points: &[(f64, f64)]) -> Self {
        let places: Vec<Value> = points
            .iter()
            .map(|(latitude, longitude)| json!({"city": "Salem", "region": "OR", "latitude": latitude, "longitude": longitude}))
            .collect();
        self.with("other_locations", json!(places))
    }

    pub fn profession(self, code: &str) -> Self {
        self.with("profession", json!(code))
    }

    pub fn specialty(self, code: &str) -> Self {
        self.with("specialty", json!(code))
    }

    pub fn approaches(self, codes: &[&str]) -> Self {
        self.with("taper_approaches", json!(codes))
    }

    pub fn criteria(self, codes: &[&str]) -> Self {
        self.with("criteria", json!(codes))
    }

    /// The ways a patient can pay.
    pub fn paid_by(self, codes: &[&str]) -> Self {
        self.with("payment_options", json!(codes))
    }

    pub fn speaking(self, languages: &[&str]) -> Self {
        self.with("languages", json!(languages))
    }

    pub fn licensed_in(self, regions: &[&str]) -> Self {
        self.with("licensed_regions", json!(regions))
    }

    pub fn offering_telehealth(self, telehealth: bool) -> Self {
        self.with("telehealth", json!(telehealth))
    }

    pub fn accepting_new_patients(self, accepting: bool) -> Self {
        self.with("accepting_new_patients", json!(accepting))
    }

    /// Answers one of the first-visit questions; the other answers stay.
    pub fn answering(mut self, question: &str, answer: &str) -> Self {
        self.0["answers"][question] = json!(answer);
        self
    }

    pub fn stating(self, statement: &str) -> Self {
        self.with("statement", json!(statement))
    }

    pub fn with(mut self, field: &str, value: Value) -> Self {
        self.0[field] = value;
        self
    }

    pub fn without(mut self, field: &str) -> Self {
        self.0.as_object_mut().unwrap().remove(field);
        self
    }

    pub fn build(self) -> Value {
        self.0
    }

    /// Stores the listing as approved without going through HTTP; see `TestApp::insert_public`.
    pub fn insert_public(self, app: &TestApp) -> Loaded {
        app.insert_public([self.build()]).remove(0)
    }
}

/// The text a reader sees on a page: no tags, attributes, scripts or styles,
/// entities read, spaces run together.
pub fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        text.push(' ');
        let tag = &rest[start..];
        let skip_to = ["<script", "<style"]
            .iter()
            .find(|open| tag.starts_with(**open))
            .and_then(|open| tag.find(&format!("</{}>", &open[1..])))
            .unwrap_or(0);
        rest = tag[skip_to..].split_once('>').map_or("", |(_, after)| after);
    }
    text.push_str(rest);
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
