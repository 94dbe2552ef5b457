//! `spawn_app()`: the real application on port 0 with a fresh database
//! (SQLite file, or a fresh PostgreSQL schema when `TEST_DATABASE_URL` is set).

use std::time::Duration;

use awc::http::header::HeaderMap;
use benzowise::config::Settings;
use benzowise::db::moderators::Moderator;
use benzowise::db::{AnyConnection, Database};
use benzowise::domain::token::SessionKey;
use benzowise::startup::Application;
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use serde_json::{json, Value};

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
    pub json: Value,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The fields named in a problem's `errors`.
    pub fn error_fields(&self) -> Vec<String> {
        self.json["errors"]
            .as_array()
            .map(|errors| errors.iter().map(|e| e["field"].as_str().unwrap_or("").to_string()).collect())
            .unwrap_or_default()
    }
}

fn test_settings(database: Database) -> Settings {
    Settings {
        database,
        bind: "127.0.0.1:0".into(),
        public_url: Some("http://benzowise.test".into()),
        cookie_secure: false,
        session_key: SessionKey::new("a test session key of at least 32 characters").unwrap(),
        session_ttl: Duration::from_secs(3600),
        pool_size: 4,
        login_max_failures: 5,
        login_window: Duration::from_secs(900),
        submissions_per_hour: 10_000,
        reports_per_hour: 10_000,
        search_sync_interval: Duration::from_secs(1),
        request_timeout: Duration::from_secs(30),
        client_timeout: Duration::from_secs(10),
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
    start(database, None, |s| s.search_sync_interval = Duration::from_millis(100)).await
}

async fn start(database: Database, dir: Option<tempfile::TempDir>, configure: impl FnOnce(&mut Settings)) -> TestApp {
    let mut settings = test_settings(database.clone());
    configure(&mut settings);
    let application = Application::build(settings).await.expect("the application starts");
    let address = format!("http://127.0.0.1:{}", application.port());
    actix_rt::spawn(application.run_until_stopped());
    let client = awc::Client::builder().timeout(Duration::from_secs(60)).disable_redirects().finish();
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
    for (k, v) in fields {
        form.append_pair(k, v);
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
        Reply {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            json: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            text,
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.request("GET", path, &[], None).await
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
        Submitted {
            listing_id: reply.json["listing_id"].as_i64().unwrap(),
            submission_id: reply.json["submission_id"].as_i64().unwrap(),
            token: reply.json["manage_token"].as_str().unwrap().to_string(),
        }
    }

    pub async fn manage(&self, method: &str, token: &str, body: Option<&Value>) -> Reply {
        let bearer = format!("Bearer {token}");
        match body {
            Some(body) => self.send_json(method, "/api/v1/manage", body, &[("authorization", &bearer)]).await,
            None => self.request(method, "/api/v1/manage", &[("authorization", &bearer)], None).await,
        }
    }

    pub fn add_moderator(&self, name: &str, password: &str) {
        Moderator::upsert(&mut self.connect(), name, password).expect("a moderator account");
    }

    pub async fn login(&self, name: &str, password: &str) -> Reply {
        self.post_json("/api/v1/moderator/session", &json!({"username": name, "password": password})).await
    }

    /// A new moderator account, logged in.
    pub async fn login_moderator(&self, name: &str) -> ModeratorSession {
        let password = "a long moderator password";
        self.add_moderator(name, password);
        let reply = self.login(name, password).await;
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
        ModeratorSession { cookie, csrf: reply.json["csrf_token"].as_str().unwrap().to_string() }
    }

    pub async fn as_moderator(&self, who: &ModeratorSession, method: &str, path: &str, body: Option<&Value>) -> Reply {
        let headers = [("cookie", who.cookie.as_str()), ("x-csrf-token", who.csrf.as_str())];
        match body {
            Some(body) => self.send_json(method, path, body, &headers).await,
            None => self.request(method, path, &headers, None).await,
        }
    }

    pub async fn approve(&self, who: &ModeratorSession, submission_id: i64) -> Reply {
        let path = format!("/api/v1/moderation/submissions/{submission_id}/approve");
        self.as_moderator(who, "POST", &path, Some(&json!({}))).await
    }

    /// Submits a listing and has a moderator approve it.
    pub async fn publish(&self, who: &ModeratorSession, listing: &Value) -> Submitted {
        let submitted = self.submit(listing).await;
        assert_eq!(self.approve(who, submitted.submission_id).await.status, 200);
        submitted
    }
}

pub struct Submitted {
    pub listing_id: i64,
    pub submission_id: i64,
    pub token: String,
}

pub struct ModeratorSession {
    pub cookie: String,
    pub csrf: String,
}

/// A complete, valid listing; tests change what they need with `with`/`without`.
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
}
