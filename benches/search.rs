//! The search benchmark: `cargo bench --bench search` (see the README).
//!
//! For each size it generates synthetic approved listings clustered like
//! real clinicians (around US cities, in proportion to population), then runs
//! one query mix ("within 40 km of a city, one or two filters, nearest 20")
//!   1. in-process against the search index,
//!   2. over HTTP with wrk against the real `benzowise serve` binary, beside a
//!      minimal actix-web JSON handler measured in the same run, and
//!   3. against PostgreSQL + PostGIS (a GiST index on geography) as the peer,
//!
//! and prints medians, p99s, throughput, memory, start-up time and ratios.
//!
//! Options (after `--`): `--sizes 100000,1000000`, `--queries 20000`,
//! `--passes 5` (in-process), `--seconds 10` (per wrk run), `--no-http`, `--no-postgis`,
//! `--postgres URL` (default postgres://postgres@127.0.0.1:5432/test).
//!
//! `--costly` measures requests that cost far more than a search (an HSDS
//! `search=`, a FHIR search with four `_include`s at `_count=100`, a lost-link
//! request), each alone and then sent back to back while wrk runs the search
//! mix with 4 connections, against the binary in `BENZOWISE_BIN` (default:
//! this build's), so that two builds can be compared under the same load.
//!
//! `--streams` reads every sitemap file and then the HSDS `format=ndjson`
//! stream of every service from the real binary (or `BENZOWISE_BIN`), and
//! prints the time, the bytes and the server's resident memory before and at
//! its peak.
//!
//! `--load` runs the load test instead: wrk with 128 connections for
//! `--seconds` (use 60) against search and then against profile pages of the
//! real binary, while a client keeps submitting listings, and prints p50, p99,
//! requests per second and every answer that was not a 2xx.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark that cannot set up should stop at once

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use benzowise::db::schema::{listing_summaries, listings};
use benzowise::domain::listing::{Answers, ListingContent, ListingDetails, ListingSummary};
use benzowise::domain::location::{LocationSource, PracticeLocation};
use benzowise::domain::vocabulary::{Term, CRITERIA, PAYMENT_OPTIONS, PROFESSIONS, SPECIALTIES, TAPER_APPROACHES};
use benzowise::places::Gazetteer;
use benzowise::search::index::SearchIndex;
use benzowise::search::query::{SearchParams, SearchQuery};
use benzowise::web::api::search::SearchResponse;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

/// The same allocator as the `benzowise` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RADIUS_KM: f64 = 40.0;
const LANGUAGES: &[&str] = &["es", "fr", "zh", "vi", "ko", "ar", "ru", "pt"];

struct Options {
    sizes: Vec<usize>,
    queries: usize,
    passes: usize,
    seconds: u64,
    http: bool,
    postgis: bool,
    postgres: String,
    load: bool,
    costly: bool,
    streams: bool,
}

fn options() -> Options {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    Options {
        sizes: value("--sizes")
            .map(|s| s.split(',').map(|n| n.trim().parse().expect("--sizes takes numbers")).collect())
            .unwrap_or_else(|| vec![100_000, 1_000_000]),
        queries: value("--queries").map_or(20_000, |q| q.parse().expect("--queries takes a number")),
        passes: value("--passes").map_or(5, |p| p.parse().expect("--passes takes a number")).max(1),
        seconds: value("--seconds").map_or(10, |s| s.parse().expect("--seconds takes a number")),
        http: !args.iter().any(|a| a == "--no-http"),
        postgis: !args.iter().any(|a| a == "--no-postgis"),
        postgres: value("--postgres").unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/test".into()),
        load: args.iter().any(|a| a == "--load"),
        costly: args.iter().any(|a| a == "--costly"),
        streams: args.iter().any(|a| a == "--streams"),
    }
}

/// US cities with their populations, the weights for where clinicians and patients are.
struct Cities {
    places: Vec<(f64, f64, f64)>,
    cumulative: Vec<f64>,
}

impl Cities {
    fn load() -> Cities {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/cities.csv")).unwrap();
        let mut places = Vec::new();
        for row in csv::Reader::from_reader(text.as_bytes()).records() {
            let row = row.unwrap();
            if &row[2] == "US" {
                let population: f64 = row[4].parse().unwrap_or(0.0);
                if population >= 1000.0 {
                    places.push((row[5].parse().unwrap(), row[6].parse().unwrap(), population));
                }
            }
        }
        let mut total = 0.0;
        let cumulative = places.iter().map(|p| {
            total += p.2;
            total
        });
        let cumulative = cumulative.collect();
        Cities { places, cumulative }
    }

    /// A city, chosen in proportion to population.
    fn pick(&self, rng: &mut StdRng) -> (f64, f64, f64) {
        let target = rng.random_range(0.0..*self.cumulative.last().unwrap());
        self.places[self.cumulative.partition_point(|c| *c < target)]
    }
}

fn gaussian(rng: &mut StdRng) -> f64 {
    let (u, v): (f64, f64) = (rng.random_range(f64::EPSILON..1.0), rng.random());
    (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
}

fn some<'a, T>(rng: &mut StdRng, items: &'a [T], chance: f64) -> Vec<&'a T> {
    items.iter().filter(|_| rng.random_bool(chance)).collect()
}

/// A point around a city chosen by population: larger cities spread
/// further, about 2 km for a town, 18 km for New York.
fn scattered(rng: &mut StdRng, cities: &Cities) -> (f64, f64) {
    let (lat, lon, population) = cities.pick(rng);
    let spread_km = 2.0 + 4.0 * (population / 1000.0).log10();
    let lat = (lat + gaussian(rng) * spread_km / 111.2).clamp(-89.9, 89.9);
    let lon = lon + gaussian(rng) * spread_km / (111.2 * lat.to_radians().cos());
    (lat, ((lon + 540.0) % 360.0) - 180.0)
}

/// One listing in `SEVERAL_PLACES` practises at two to five places: the
/// further ones in the same region as the main one (a second office, a
/// clinic day in a nearby town), about 30 km away and rarely over 100.
const SEVERAL_PLACES: u32 = 20;

fn other_locations(rng: &mut StdRng, lat: f64, lon: f64) -> Vec<PracticeLocation> {
    if rng.random_ratio(SEVERAL_PLACES - 1, SEVERAL_PLACES) {
        return Vec::new();
    }
    (0..rng.random_range(1..=4))
        .map(|_| {
            let latitude = (lat + gaussian(rng) * 0.3).clamp(-89.9, 89.9);
            let longitude = lon + gaussian(rng) * 0.3 / latitude.to_radians().cos();
            PracticeLocation {
                name: None,
                address_line: Some("1 Other Street".into()),
                city: "Other City".into(),
                region: Some("OR".into()),
                postal_code: None,
                country: "US".into(),
                latitude,
                longitude: ((longitude + 540.0) % 360.0) - 180.0,
                location_source: LocationSource::Given,
                phone: None,
            }
        })
        .collect()
}

fn generate(count: usize, cities: &Cities) -> Vec<ListingContent> {
    let mut rng = StdRng::seed_from_u64(count as u64);
    // Its own generator, so the main places are those of listings at one place only.
    let mut places_rng = StdRng::seed_from_u64(count as u64 + 1);
    (0..count)
        .map(|n| {
            let (lat, lon) = scattered(&mut rng, cities);
            let mut languages = vec!["en".to_string()];
            languages.extend(some(&mut rng, LANGUAGES, 0.08).into_iter().map(|l| l.to_string()));
            let details = ListingDetails {
                full_name: format!("Synthetic Clinician {n}"),
                family_name: format!("Clinician {n}"),
                given_names: "Synthetic".into(),
                names_derived: false,
                credentials: Some("MD".into()),
                profession: PROFESSIONS.choose(&mut rng).unwrap().code.into(),
                specialty: SPECIALTIES.choose(&mut rng).unwrap().code.into(),
                taxonomy_code: None,
                npi: None,
                practice_name: Some(format!("Practice {}", n % 5000)),
                address_line: Some(format!("{} Example Street", n % 9000)),
                city: "Synthetic City".into(),
                region: Some("OR".into()),
                postal_code: None,
                country: "US".into(),
                latitude: lat,
                longitude: lon,
                phone: Some("(503) 555-0100".into()),
                phones: vec![benzowise::domain::phone::Phone::voice("(503) 555-0100")],
                opening_hours: Vec::new(),
                other_locations: other_locations(&mut places_rng, lat, lon),
                website: None,
                public_email: None,
                telehealth: rng.random_bool(0.5),
                licensed_regions: vec!["US-OR".into()],
                accepting_new_patients: rng.random_bool(0.6),
                languages,
                taper_approaches: some(&mut rng, TAPER_APPROACHES, 0.35).into_iter().map(|t| t.code.into()).collect(),
                criteria: some(&mut rng, CRITERIA, 0.5).into_iter().map(|t| t.code.into()).collect(),
                payment_options: some(&mut rng, PAYMENT_OPTIONS, 0.35).into_iter().map(|t| t.code.into()).collect(),
                insurers: Vec::new(),
                self_pay_first_visit: None,
                self_pay_follow_up: None,
                max_monthly_reduction_pct: Some(10),
                answers: Answers {
                    typical_duration: Some("A few weeks when I start them; many patients arrive after years.".into()),
                    dependence_plan: Some("A slow taper the patient paces, with holds when symptoms flare.".into()),
                    slow_taper: Some("Yes, a year or more when needed.".into()),
                },
                statement: Some("Synthetic benchmark listing.".into()),
            };
            ListingContent {
                details,
                location_source: LocationSource::Given,
                contact_email: format!("clinician{n}@example.org"),
            }
        })
        .collect()
}

/// The query mix: a city (by population), 40 km, one or two filters, nearest 20.
fn query_mix(count: usize, cities: &Cities) -> Vec<Vec<(String, String)>> {
    let mut rng = StdRng::seed_from_u64(42);
    (0..count)
        .map(|_| {
            let (lat, lon, _) = cities.pick(&mut rng);
            let mut params = vec![
                ("lat".to_string(), format!("{lat:.5}")),
                ("lon".to_string(), format!("{lon:.5}")),
                ("radius_km".to_string(), RADIUS_KM.to_string()),
                ("limit".to_string(), "20".to_string()),
            ];
            for _ in 0..rng.random_range(1..=2) {
                let code = |terms: &[Term], rng: &mut StdRng| terms.choose(rng).unwrap().code.to_string();
                let filter: Vec<(&str, String)> = match rng.random_range(0..8) {
                    0 => vec![("specialty", code(SPECIALTIES, &mut rng))],
                    1 => vec![("profession", PROFESSIONS.choose(&mut rng).unwrap().code.to_string())],
                    2 => vec![("approach", code(TAPER_APPROACHES, &mut rng))],
                    3 => vec![("criteria", code(CRITERIA, &mut rng))],
                    4 => vec![("telehealth", "true".to_string())],
                    5 => vec![("accepting", "true".to_string())],
                    // One or two ways to pay: a listing that takes either matches.
                    6 => (0..rng.random_range(1..=2)).map(|_| ("payment", code(PAYMENT_OPTIONS, &mut rng))).collect(),
                    _ => vec![("prescriber", "true".to_string())],
                };
                if !params.iter().any(|(name, _)| name == filter[0].0) {
                    params.extend(filter.into_iter().map(|(name, value)| (name.to_string(), value)));
                }
            }
            params
        })
        .collect()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

struct Latency {
    median_us: f64,
    p99_us: f64,
    per_second: f64,
}

fn summarize(mut micros: Vec<f64>) -> Latency {
    micros.sort_by(f64::total_cmp);
    let mean = micros.iter().sum::<f64>() / micros.len() as f64;
    Latency { median_us: percentile(&micros, 0.5), p99_us: percentile(&micros, 0.99), per_second: 1e6 / mean }
}

fn rss_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

/// Several timed passes over the same queries.
struct Passes {
    /// The pass whose median is the middle one.
    middle: Latency,
    fastest_median_us: f64,
    slowest_median_us: f64,
    /// What `run` returned, on average per query.
    mean_output: f64,
}

/// Times `run` on every query, `passes` times over. On a shared virtual
/// machine speed can drift by ±15% from one second to the next, so a single
/// pass can land in a fast or a slow stretch: the middle pass is reported,
/// with the spread.
fn timed_passes(passes: usize, queries: &[SearchQuery], mut run: impl FnMut(&SearchQuery) -> usize) -> Passes {
    let mut output = 0usize;
    let mut measured: Vec<Latency> = (0..passes)
        .map(|_| {
            let micros = queries.iter().map(|query| {
                let started = Instant::now();
                output += std::hint::black_box(run(query));
                started.elapsed().as_secs_f64() * 1e6
            });
            summarize(micros.collect())
        })
        .collect();
    measured.sort_by(|a, b| a.median_us.total_cmp(&b.median_us));
    let (fastest_median_us, slowest_median_us) = (measured[0].median_us, measured[passes - 1].median_us);
    Passes {
        middle: measured.swap_remove(passes / 2),
        fastest_median_us,
        slowest_median_us,
        mean_output: output as f64 / (passes * queries.len()) as f64,
    }
}

/// What the index costs in-process: the search alone, and the search with the
/// JSON body the API writes for it.
struct InProcess {
    search: Passes,
    with_json: Passes,
    build_s: f64,
    index_mb: f64,
}

fn in_process(listings: &[ListingContent], queries: &[SearchQuery], passes: usize) -> InProcess {
    let before = rss_mb(std::process::id());
    let started = Instant::now();
    let index = SearchIndex::new();
    index.extend(listings.iter().enumerate().map(|(i, c)| (i as i64 + 1, ListingSummary::of(c, false))));
    let build_s = started.elapsed().as_secs_f64();
    let index_mb = rss_mb(std::process::id()) - before;
    for query in queries.iter().take(2000) {
        index.search_with(query, |page| std::hint::black_box(page.results.len()));
    }
    // The page passes through `black_box`, so building its results is timed too.
    let search =
        timed_passes(passes, queries, |query| index.search_with(query, |page| std::hint::black_box(page).total));
    let with_json = timed_passes(passes, queries, |query| {
        let body = index.search_with(query, |page| {
            SearchResponse {
                center: query.center.as_ref(),
                radius_km: Some(query.radius_km),
                total: page.total,
                results: page.results,
            }
            .to_json()
        });
        body.len()
    });
    InProcess { search, with_json, build_s, index_mb }
}

/// The generated listings' shape; a new one makes new database files.
const DATA_VERSION: u32 = 3;

/// A SQLite database holding the listings as approved, as `serve` would find it.
fn sqlite_database(listings: &[ListingContent], dir: &Path) -> PathBuf {
    let path = dir.join(format!("bench-v{DATA_VERSION}-{}.db", listings.len()));
    if path.exists() {
        return path;
    }
    let partial = dir.join(format!("bench-v{DATA_VERSION}-{}.db.partial", listings.len()));
    let _ = std::fs::remove_file(&partial);
    let database = benzowise::db::Database::Sqlite(partial.to_string_lossy().into_owned());
    benzowise::db::migrate(&mut database.connect().unwrap()).unwrap();
    let mut conn = SqliteConnection::establish(&partial.to_string_lossy()).unwrap();
    conn.batch_execute("PRAGMA synchronous = OFF; PRAGMA journal_mode = WAL;").unwrap();
    let now = chrono::Utc::now().naive_utc();
    conn.transaction::<_, diesel::result::Error, _>(|conn| {
        for (chunk_index, chunk) in listings.chunks(1000).enumerate() {
            let rows: Vec<_> = chunk
                .iter()
                .enumerate()
                .map(|(i, content)| {
                    (
                        listings::status.eq("approved"),
                        listings::content.eq(serde_json::to_string(content).unwrap()),
                        listings::manage_token_hash.eq(format!("bench-{}", chunk_index * 1000 + i)),
                        listings::is_demo.eq(false),
                        listings::created_at.eq(now),
                        listings::updated_at.eq(now),
                        listings::last_reviewed_at.eq(Some(now)),
                    )
                })
                .collect();
            diesel::insert_into(listings::table).values(rows).execute(conn)?;
            let summaries: Vec<_> = chunk
                .iter()
                .enumerate()
                .map(|(i, content)| {
                    (
                        listing_summaries::listing_id.eq((chunk_index * 1000 + i + 1) as i64),
                        listing_summaries::summary
                            .eq(serde_json::to_string(&ListingSummary::of(content, false)).unwrap()),
                    )
                })
                .collect();
            diesel::insert_into(listing_summaries::table).values(summaries).execute(conn)?;
        }
        Ok(())
    })
    .unwrap();
    drop(conn);
    std::fs::rename(&partial, &path).unwrap();
    path
}

/// Sends one request on a fresh connection; returns the status code.
fn http_status(port: u16, request: &str) -> Option<u16> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.write_all(request.as_bytes()).ok()?;
    let mut reply = String::new();
    stream.read_to_string(&mut reply).ok()?;
    reply.split_whitespace().nth(1)?.parse().ok()
}

fn http_get(port: u16, path: &str) -> Option<u16> {
    http_status(port, &format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
}

fn http_post_json(port: u16, path: &str, body: &str) -> Option<u16> {
    let head = "Host: localhost\r\nContent-Type: application/json\r\nConnection: close";
    http_status(port, &format!("POST {path} HTTP/1.1\r\n{head}\r\nContent-Length: {}\r\n\r\n{body}", body.len()))
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `benzowise serve` on the database; returns it, its port and how long it took to be ready.
fn start_server(database: &Path) -> (Server, u16, f64) {
    let port = free_port();
    let started = Instant::now();
    let binary = std::env::var("BENZOWISE_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_benzowise").to_string());
    let child = Command::new(binary)
        .arg("serve")
        .env("DATABASE_URL", database)
        .env("BIND", format!("127.0.0.1:{port}"))
        .env("RUST_LOG", "warn")
        .env("SUBMISSIONS_PER_HOUR", "1000000")
        .env("READ_REQUESTS_PER_MINUTE", "0")
        .stdout(Stdio::null())
        .spawn()
        .expect("the benzowise binary starts");
    let server = Server(child);
    while http_get(port, "/readyz") != Some(200) {
        assert!(started.elapsed() < Duration::from_secs(120), "the server did not become ready");
        std::thread::sleep(Duration::from_millis(20));
    }
    (server, port, started.elapsed().as_secs_f64())
}

/// A minimal actix-web JSON handler on its own runtime, the yardstick for HTTP overhead.
fn start_minimal_server() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            actix_web::HttpServer::new(|| {
                actix_web::App::new().route(
                    "/",
                    actix_web::web::get().to(|| async { actix_web::web::Json(serde_json::json!({"ok": true})) }),
                )
            })
            .workers(2)
            .listen(listener)
            .unwrap()
            .run()
            .await
            .unwrap()
        })
    });
    while http_get(port, "/") != Some(200) {
        std::thread::sleep(Duration::from_millis(10));
    }
    port
}

struct WrkRun {
    per_second: f64,
    median_us: f64,
    p99_us: f64,
    non_2xx: u64,
}

fn wrk(port: u16, paths_file: &Path, seconds: u64, connections: u32) -> WrkRun {
    let script = paths_file.with_extension("lua");
    std::fs::write(
        &script,
        "local paths = {}\nfor line in io.lines(os.getenv('BENCH_PATHS')) do paths[#paths + 1] = line end\n\
         local i = math.random(#paths)\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format('GET', paths[i])\nend\n",
    )
    .unwrap();
    let output = Command::new("wrk")
        .args(["-t2", &format!("-c{connections}"), &format!("-d{seconds}s"), "--latency", "-s"])
        .arg(&script)
        .arg(format!("http://127.0.0.1:{port}"))
        .env("BENCH_PATHS", paths_file)
        .output()
        .expect("wrk runs (apt-get install wrk)");
    let text = String::from_utf8_lossy(&output.stdout);
    let number_after = |label: &str| -> Option<&str> {
        text.lines().find(|l| l.trim_start().starts_with(label)).and_then(|l| l.split_whitespace().nth(1))
    };
    let micros = |value: &str| -> f64 {
        let (number, unit) = value.split_at(value.find(|c: char| c.is_alphabetic()).unwrap_or(value.len()));
        let number: f64 = number.parse().unwrap_or(f64::NAN);
        match unit {
            "us" => number,
            "ms" => number * 1e3,
            "s" => number * 1e6,
            _ => f64::NAN,
        }
    };
    let non_2xx = text
        .lines()
        .find(|l| l.contains("Non-2xx"))
        .and_then(|l| l.split(':').nth(1))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    WrkRun {
        per_second: number_after("Requests/sec:").and_then(|v| v.parse().ok()).unwrap_or(f64::NAN),
        median_us: number_after("50%").map_or(f64::NAN, micros),
        p99_us: number_after("99%").map_or(f64::NAN, micros),
        non_2xx,
    }
}

/// wrk with 128 connections on search, then on profile pages, while one client
/// keeps submitting new listings (about 20 a second) as clinicians would.
fn load_test(database: &Path, size: usize, search_paths: &Path, data_dir: &Path, seconds: u64) {
    let (server, port, startup_s) = start_server(database);
    let mut rng = StdRng::seed_from_u64(7);
    let profile_paths = data_dir.join("profiles.txt");
    let profiles: Vec<String> = (0..20_000).map(|_| format!("/clinicians/{}", rng.random_range(1..=size))).collect();
    std::fs::write(&profile_paths, profiles.join("\n") + "\n").unwrap();

    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let submitter = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut statuses = std::collections::BTreeMap::<String, u64>::new();
            let template = include_str!("../fuzz/seeds/listing/valid.json");
            for n in 0.. {
                if stop.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
                let body = template.replace("Dr. Rowan Whitfield", &format!("Dr. Load Test {n}"));
                let status =
                    http_post_json(port, "/api/v1/submissions", &body).map_or("no answer".into(), |s| s.to_string());
                *statuses.entry(status).or_default() += 1;
                std::thread::sleep(Duration::from_millis(50));
            }
            statuses
        })
    };
    let search = wrk(port, search_paths, seconds, 128);
    let profile = wrk(port, &profile_paths, seconds, 128);
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let submissions = submitter.join().unwrap();
    let rss = rss_mb(server.0.id());

    println!("server ready in {startup_s:.2} s; wrk -t2 -c128 -d{seconds}s; RSS {rss:.0} MB after the runs");
    println!("| what | p50 | p99 | req/s | non-2xx |");
    println!("|---|---|---|---|---|");
    for (what, run) in
        [("GET /api/v1/clinicians (search mix)", &search), ("GET /clinicians/{id} (profile page)", &profile)]
    {
        println!(
            "| {what} | {:.0} µs | {:.0} µs | {:.0} | {} |",
            run.median_us, run.p99_us, run.per_second, run.non_2xx
        );
    }
    let answers: Vec<String> = submissions.iter().map(|(status, count)| format!("{count} × {status}")).collect();
    println!("submissions meanwhile: {}", answers.join(", "));
}

/// One request from a loopback address of its own (every 127.x.y.z is this
/// machine), so that per-client limits count it apart; its status and size.
fn exchange_from(source: std::net::Ipv4Addr, port: u16, request: &str) -> (u16, usize) {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None).unwrap();
    socket.bind(&std::net::SocketAddr::from((source, 0)).into()).unwrap();
    socket.connect(&std::net::SocketAddr::from(([127, 0, 0, 1], port)).into()).unwrap();
    let mut stream: TcpStream = socket.into();
    stream.write_all(request.as_bytes()).unwrap();
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply).unwrap();
    let text = String::from_utf8_lossy(&reply);
    let status = text.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, text.split_once("\r\n\r\n").map_or(0, |(_, body)| body.len()))
}

/// A loopback address not used before in this run: per-client limits then
/// count every request apart, on this build and an older one alike.
fn next_source() -> std::net::Ipv4Addr {
    static USED: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(2);
    let n = USED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    std::net::Ipv4Addr::from(0x7f00_0000 + 2 + n % 0xff_fff0)
}

/// A costly request, and the request it sends for its n-th time.
struct Costly {
    name: &'static str,
    request: fn(usize) -> String,
}

const COSTLY: [Costly; 3] = [
    Costly {
        name: "GET /hsds/services?search=practice&per_page=50",
        request: |_| {
            "GET /hsds/services?search=practice&per_page=50 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .into()
        },
    },
    Costly {
        name: "GET /fhir/PractitionerRole?_count=100 with 4 _include",
        request: |_| {
            let includes = ["practitioner", "location", "organization", "service"]
                .map(|name| format!("_include=PractitionerRole:{name}"))
                .join("&");
            format!("GET /fhir/PractitionerRole?_count=100&{includes} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        },
    },
    Costly {
        name: "POST /api/v1/manage/recovery (an unknown address)",
        request: |n| {
            let body = format!("{{\"email\": \"nobody{n}@example.org\"}}");
            format!(
                "POST /api/v1/manage/recovery HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            )
        },
    },
];

/// Each costly request alone (the median of 20, from fresh client addresses),
/// then sent back to back for `seconds` while wrk runs the search mix with 4
/// connections; prints the search's latency beside it, and the time of a
/// submission meanwhile.
fn costly_test(database: &Path, search_paths: &Path, seconds: u64) {
    let (_server, port, _) = start_server(database);
    let baseline = wrk(port, search_paths, seconds, 4);
    println!(
        "| request | alone (median) | size | sent meanwhile | search p50 / p99 meanwhile | a submission meanwhile |"
    );
    println!("|---|---|---|---|---|---|");
    println!("| (none) | | | | {:.1} / {:.1} ms | |", baseline.median_us / 1e3, baseline.p99_us / 1e3);
    for costly in &COSTLY {
        let mut alone = Vec::new();
        let mut size = 0;
        for n in 0..20 {
            let started = Instant::now();
            let (status, bytes) = exchange_from(next_source(), port, &(costly.request)(n));
            alone.push(started.elapsed().as_secs_f64() * 1e3);
            assert!(status < 300, "{}: {status}", costly.name);
            size = bytes;
        }
        alone.sort_by(f64::total_cmp);
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let sender = {
            let (stop, request) = (stop.clone(), costly.request);
            std::thread::spawn(move || {
                let mut sent = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    exchange_from(next_source(), port, &request(sent));
                    sent += 1;
                }
                sent
            })
        };
        let submitting = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_secs(seconds / 2));
            let body = include_str!("../fuzz/seeds/listing/valid.json");
            let started = Instant::now();
            http_post_json(port, "/api/v1/submissions", body);
            started.elapsed().as_secs_f64() * 1e3
        });
        let search = wrk(port, search_paths, seconds, 4);
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let sent = sender.join().unwrap();
        println!(
            "| {} | {:.1} ms | {:.0} KB | {:.0} a second | {:.1} / {:.1} ms | {:.0} ms |",
            costly.name,
            alone[alone.len() / 2],
            size as f64 / 1024.0,
            sent as f64 / seconds as f64,
            search.median_us / 1e3,
            search.p99_us / 1e3,
            submitting.join().unwrap()
        );
    }
}

fn postgis(url: &str, listings: &[ListingContent], mix: &[Vec<(String, String)>]) -> Result<Latency, String> {
    let mut conn = PgConnection::establish(url).map_err(|e| e.to_string())?;
    conn.batch_execute("CREATE EXTENSION IF NOT EXISTS postgis")
        .map_err(|e| format!("PostGIS is not available ({e}); apt-get install postgresql-15-postgis-3"))?;
    let table = format!("bench_listings_{}", listings.len());
    let count: i64 = diesel::sql_query(format!("SELECT count(*) AS n FROM {table}"))
        .get_result::<Count>(&mut conn)
        .map(|c| c.n)
        .unwrap_or(-1);
    if count != listings.len() as i64 {
        conn.batch_execute(&format!(
            "DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (id BIGINT PRIMARY KEY, geog geography(Point, 4326) NOT NULL, \
             profession TEXT, specialty TEXT, approaches TEXT[], criteria TEXT[], telehealth BOOL, accepting BOOL, \
             prescriber BOOL, languages TEXT[])"
        ))
        .map_err(|e| e.to_string())?;
        let array = |items: &[String]| {
            format!("ARRAY[{}]::TEXT[]", items.iter().map(|i| format!("'{i}'")).collect::<Vec<_>>().join(","))
        };
        for (chunk_index, chunk) in listings.chunks(5000).enumerate() {
            let values: Vec<String> = chunk
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    format!(
                        "({}, ST_SetSRID(ST_MakePoint({}, {}), 4326)::geography, '{}', '{}', {}, {}, {}, {}, {}, {})",
                        chunk_index * 5000 + i + 1,
                        c.longitude,
                        c.latitude,
                        c.profession,
                        c.specialty,
                        array(&c.taper_approaches),
                        array(&c.criteria),
                        c.telehealth,
                        c.accepting_new_patients,
                        c.prescriber(),
                        array(&c.languages)
                    )
                })
                .collect();
            conn.batch_execute(&format!("INSERT INTO {table} VALUES {}", values.join(",")))
                .map_err(|e| e.to_string())?;
        }
        conn.batch_execute(&format!("CREATE INDEX ON {table} USING GIST (geog); ANALYZE {table};"))
            .map_err(|e| e.to_string())?;
    }
    let sql: Vec<(f64, f64, String)> = mix
        .iter()
        .map(|params| {
            let get = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
            let mut conditions = String::new();
            for (name, value) in params {
                let condition = match name.as_str() {
                    "profession" | "specialty" => format!(" AND {name} = '{value}'"),
                    "approach" => format!(" AND '{value}' = ANY(approaches)"),
                    "criteria" => format!(" AND '{value}' = ANY(criteria)"),
                    "telehealth" | "accepting" | "prescriber" => format!(" AND {name} = {value}"),
                    _ => continue,
                };
                conditions.push_str(&condition);
            }
            let query = format!(
                "SELECT id, ST_Distance(geog, c, false) AS distance, count(*) OVER () AS total \
                 FROM {table}, (SELECT ST_SetSRID(ST_MakePoint($2, $1), 4326)::geography AS c) AS centre \
                 WHERE ST_DWithin(geog, c, {}, false){conditions} ORDER BY distance, id LIMIT 20",
                RADIUS_KM * 1000.0
            );
            (get("lat").unwrap().parse().unwrap(), get("lon").unwrap().parse().unwrap(), query)
        })
        .collect();
    let run = |conn: &mut PgConnection, (lat, lon, query): &(f64, f64, String)| {
        diesel::sql_query(query).bind::<Double, _>(*lat).bind::<Double, _>(*lon).load::<Row>(conn).map(|r| r.len())
    };
    for q in sql.iter().take(200) {
        run(&mut conn, q).map_err(|e| e.to_string())?;
    }
    let micros = sql
        .iter()
        .map(|q| {
            let started = Instant::now();
            run(&mut conn, q).unwrap();
            started.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    Ok(summarize(micros))
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
#[allow(dead_code)]
struct Row {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Double)]
    distance: f64,
    #[diesel(sql_type = BigInt)]
    total: i64,
}

fn main() {
    let options = options();
    let gazetteer = Gazetteer::shared();
    let cities = Cities::load();
    let data_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&data_dir).unwrap();
    let mix = query_mix(options.queries, &cities);
    let queries: Vec<SearchQuery> = mix
        .iter()
        .map(|pairs| SearchQuery::parse(&SearchParams { pairs: pairs.clone() }, gazetteer).expect("a valid query"))
        .collect();
    let paths_file = data_dir.join("paths.txt");
    let paths: Vec<String> = mix
        .iter()
        .map(|pairs| {
            let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("/api/v1/clinicians?{}", query.join("&"))
        })
        .collect();
    std::fs::write(&paths_file, paths.join("\n") + "\n").unwrap();
    let minimal_port = (options.http && !options.load).then(start_minimal_server);
    let minimal_paths = data_dir.join("minimal.txt");
    std::fs::write(&minimal_paths, "/\n").unwrap();

    println!(
        "benzowise search benchmark: {} queries, radius {RADIUS_KM} km, 1-2 filters, nearest 20, exact total",
        options.queries
    );
    println!(
        "machine: {} cores; wrk -t2 -c64 -d{}s\n",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        options.seconds
    );
    for &size in &options.sizes {
        let generated = Instant::now();
        let listings = generate(size, &cities);
        println!("== {size} listings (generated in {:.1} s)", generated.elapsed().as_secs_f64());
        if options.load || options.costly {
            let database = sqlite_database(&listings, &data_dir);
            drop(listings);
            if options.costly {
                costly_test(&database, &paths_file, options.seconds);
            } else {
                load_test(&database, size, &paths_file, &data_dir, options.seconds);
            }
            continue;
        }
        if options.streams {
            let database = sqlite_database(&listings, &data_dir);
            drop(listings);
            streams(&database);
            continue;
        }

        let measured = in_process(&listings, &queries, options.passes);
        let search = &measured.search.middle;
        println!(
            "in-process index: built in {:.2} s, +{:.0} MB; mean total per query {:.0}; mean JSON body {:.0} bytes",
            measured.build_s, measured.index_mb, measured.search.mean_output, measured.with_json.mean_output
        );
        println!(
            "in-process rows: the middle of {} passes; pass medians {:.1}–{:.1} µs (search), {:.1}–{:.1} µs (+ JSON)",
            options.passes,
            measured.search.fastest_median_us,
            measured.search.slowest_median_us,
            measured.with_json.fastest_median_us,
            measured.with_json.slowest_median_us
        );
        println!("| what | median | p99 | throughput | ratio |");
        println!("|---|---|---|---|---|");
        println!(
            "| search index, in-process (1 thread) | {:.1} µs | {:.1} µs | {:.0} q/s | |",
            search.median_us, search.p99_us, search.per_second
        );
        let with_json = &measured.with_json.middle;
        println!(
            "| search + JSON response body, in-process | {:.1} µs | {:.1} µs | {:.0} q/s | |",
            with_json.median_us, with_json.p99_us, with_json.per_second
        );
        if options.postgis {
            match postgis(&options.postgres, &listings, &mix[..mix.len().min(3000)]) {
                Ok(peer) => {
                    println!(
                        "| PostgreSQL + PostGIS GiST (1 client) | {:.1} µs | {:.1} µs | {:.0} q/s | index is {:.0}× faster (median) |",
                        peer.median_us,
                        peer.p99_us,
                        peer.per_second,
                        peer.median_us / search.median_us
                    );
                }
                Err(error) => println!("| PostgreSQL + PostGIS | skipped: {error} | | | |"),
            }
        }
        if let Some(minimal_port) = minimal_port {
            let database = sqlite_database(&listings, &data_dir);
            drop(listings);
            let (server, port, startup_s) = start_server(&database);
            let idle_mb = rss_mb(server.0.id());
            let minimal = wrk(minimal_port, &minimal_paths, options.seconds, 64);
            let http = wrk(port, &paths_file, options.seconds, 64);
            let loaded_mb = rss_mb(server.0.id());
            println!(
                "| minimal actix-web JSON handler, HTTP | {:.0} µs | {:.0} µs | {:.0} req/s | |",
                minimal.median_us, minimal.p99_us, minimal.per_second
            );
            println!(
                "| GET /api/v1/clinicians, HTTP | {:.0} µs | {:.0} µs | {:.0} req/s | {:.0}% of minimal{} |",
                http.median_us,
                http.p99_us,
                http.per_second,
                100.0 * http.per_second / minimal.per_second,
                if http.non_2xx > 0 { format!(", {} non-2xx", http.non_2xx) } else { String::new() }
            );
            println!(
                "\nserver: ready in {startup_s:.2} s; RSS {idle_mb:.0} MB after start, {loaded_mb:.0} MB after load"
            );
        }
        println!();
    }
}

/// GET on a fresh connection, reading the answer as it comes without keeping
/// it: the status, the bytes received (head and body) and the seconds taken.
fn http_get_counted(port: u16, path: &str) -> (u16, usize, f64) {
    let started = Instant::now();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let mut buffer = vec![0u8; 1 << 16];
    let (mut received, mut head) = (0, Vec::new());
    loop {
        let read = stream.read(&mut buffer).unwrap();
        if read == 0 {
            break;
        }
        if head.len() < 16 {
            head.extend_from_slice(&buffer[..read.min(16)]);
        }
        received += read;
    }
    let status = String::from_utf8_lossy(&head).split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, received, started.elapsed().as_secs_f64())
}

/// Runs `work` while sampling the server's resident memory every 5 ms: what
/// it returns, and the peak in MB.
fn with_peak_rss<T>(pid: u32, work: impl FnOnce() -> T) -> (T, f64) {
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sampler = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut peak: f64 = 0.0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                peak = peak.max(rss_mb(pid));
                std::thread::sleep(Duration::from_millis(5));
            }
            peak.max(rss_mb(pid))
        })
    };
    let done = work();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    (done, sampler.join().unwrap())
}

/// Every sitemap file, then every service as NDJSON: what streaming the
/// whole directory costs in time and memory.
fn streams(database: &Path) {
    let (server, port, startup_s) = start_server(database);
    let pid = server.0.id();
    println!("server ready in {startup_s:.2} s, RSS {:.0} MB", rss_mb(pid));
    let before = rss_mb(pid);
    let ((files, urls_bytes), sitemap_peak) = with_peak_rss(pid, || {
        let started = Instant::now();
        let mut bytes = 0;
        let mut file = 1;
        loop {
            let (status, received, _) = http_get_counted(port, &format!("/sitemaps/clinicians-{file}.xml"));
            if status != 200 {
                break;
            }
            bytes += received;
            file += 1;
        }
        ((file - 1, started.elapsed().as_secs_f64()), bytes)
    });
    let (files, seconds) = files;
    println!(
        "every sitemap file ({files}): {seconds:.1} s, {:.0} MB; server RSS {before:.0} MB before, {sitemap_peak:.0} MB at the peak",
        urls_bytes as f64 / 1e6
    );
    let before = rss_mb(pid);
    let ((status, bytes, seconds), ndjson_peak) =
        with_peak_rss(pid, || http_get_counted(port, "/hsds/services?format=ndjson"));
    assert_eq!(status, 200);
    println!(
        "GET /hsds/services?format=ndjson: {seconds:.1} s, {:.0} MB; server RSS {before:.0} MB before, {ndjson_peak:.0} MB at the peak",
        bytes as f64 / 1e6
    );
}
