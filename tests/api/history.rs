//! The history sheet for a first visit: what is typed comes back on the
//! sheet and goes nowhere else: not into the address, a cache, a log line
//! or the database.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use benzowise::db::Database;
use benzowise::i18n::Lang;
use benzowise::t;

use crate::helpers::{database_url, form_body, free_port, fresh_database, spawn_app, FORM};

const FIELDS: [&str; 6] = ["medicines", "since", "reductions", "symptoms", "want", "questions"];

/// A marker no page, log or database holds by chance.
fn marker(field: &str) -> String {
    format!("zq{field}{}", &benzowise::domain::token::generate()[..12])
}

#[actix_rt::test]
async fn the_sheet_carries_what_was_typed_and_no_cache_keeps_either_page() {
    let app = spawn_app().await;
    for lang in Lang::ALL {
        let prefix = if lang == Lang::En { "" } else { "/es" };
        let form = app.get(&format!("{prefix}/history")).await;
        assert_eq!(form.status, 200);
        assert_eq!(form.header("cache-control"), Some("no-store"));
        assert!(form.text.contains(r#"method="post""#) && form.text.contains(&t!(lang, "history-title")));
        let typed: Vec<(String, String)> =
            FIELDS.iter().map(|field| (field.to_string(), format!("{} <b>&", marker(field)))).collect();
        let fields: Vec<(&str, &str)> = typed.iter().map(|(name, value)| (name.as_str(), value.as_str())).collect();
        let sheet = app.request("POST", &format!("{prefix}/history"), &[FORM], Some(form_body(&fields))).await;
        assert_eq!(sheet.status, 200);
        assert_eq!(sheet.header("cache-control"), Some("no-store"));
        assert!(sheet.text.contains(&t!(lang, "history-sheet-title")));
        for (_, value) in &typed {
            let shown = value.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
            assert!(sheet.text.contains(&shown), "{value} on the sheet, escaped");
        }
        assert!(sheet.text.contains(r#"action="/es/history""#) == (lang == Lang::Es), "the language kept");
    }
    let empty = app.request("POST", "/history", &[FORM], Some(form_body(&[]))).await;
    assert_eq!(empty.status, 200);
    assert!(empty.text.contains(&t!(Lang::En, "history-sheet-not-given")));
}

/// Every file under `dir`, read whole.
fn files_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_under(&path));
        } else if let Ok(bytes) = std::fs::read(&path) {
            found.push((path.display().to_string(), bytes));
        }
    }
    found
}

/// The files that hold the database: the SQLite file and its journals, or PostgreSQL's data directory.
fn database_files(database: &Database) -> Vec<(String, Vec<u8>)> {
    match database {
        Database::Sqlite(path) => files_under(Path::new(path).parent().unwrap()),
        Database::Postgres(_) => {
            use diesel::{Connection, QueryableByName, RunQueryDsl};
            #[derive(QueryableByName)]
            struct Setting {
                #[diesel(sql_type = diesel::sql_types::Text)]
                data_directory: String,
            }
            let mut conn = diesel::PgConnection::establish(&database_url(database)).unwrap();
            diesel::sql_query("CHECKPOINT").execute(&mut conn).unwrap();
            let setting: Setting = diesel::sql_query("SHOW data_directory").get_result(&mut conn).unwrap();
            files_under(Path::new(&setting.data_directory))
        }
    }
}

#[actix_rt::test]
async fn what_is_typed_is_in_no_log_line_and_no_byte_of_the_database() {
    let (database, dir) = fresh_database();
    let logs = tempfile::tempdir().unwrap();
    let log_path = logs.path().join("serve.log");
    let port = free_port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_benzowise"))
        .arg("serve")
        .env("DATABASE_URL", database_url(&database))
        .env("BIND", format!("127.0.0.1:{port}"))
        .env("RUST_LOG", "trace")
        .env("MAIL_DIR", logs.path().join("mail"))
        .stdout(Stdio::from(std::fs::File::create(&log_path).unwrap()))
        .stderr(Stdio::from(std::fs::File::create(logs.path().join("serve.err")).unwrap()))
        .spawn()
        .expect("the binary runs");
    let client = awc::Client::builder().timeout(Duration::from_secs(30)).finish();
    let base = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    while client.get(format!("{base}/healthz")).send().await.is_err() {
        assert!(started.elapsed() < Duration::from_secs(60), "the server starts");
        actix_rt::time::sleep(Duration::from_millis(200)).await;
    }
    let markers: Vec<String> = FIELDS.iter().map(|field| marker(field)).collect();
    let fields: Vec<(&str, &str)> = FIELDS.iter().copied().zip(markers.iter().map(String::as_str)).collect();
    let mut reply =
        client.post(format!("{base}/history")).insert_header(FORM).send_body(form_body(&fields)).await.unwrap();
    let body = String::from_utf8(reply.body().await.unwrap().to_vec()).unwrap();
    assert!(markers.iter().all(|marker| body.contains(marker)), "the sheet carries every field");
    // Something else afterwards, so the request's own log lines are written out.
    client.get(format!("{base}/healthz")).send().await.unwrap();
    actix_rt::time::sleep(Duration::from_millis(500)).await;
    server.kill().unwrap();
    server.wait().unwrap();

    let mut logged = std::fs::read_to_string(&log_path).unwrap();
    logged.push_str(&std::fs::read_to_string(logs.path().join("serve.err")).unwrap());
    assert!(logged.contains("TRACE"), "logging at trace level: {}", &logged[..logged.len().min(2000)]);
    for marker in &markers {
        assert!(!logged.contains(marker.as_str()), "{marker} in the log");
    }
    for (file, bytes) in database_files(&database) {
        for marker in &markers {
            assert!(!bytes.windows(marker.len()).any(|window| window == marker.as_bytes()), "{marker} in {file}");
        }
    }
    drop(dir);
}
