//! `benzowise import --format hsds` of a generated package written the way a
//! 211 writes one: an organization per service, AIRS and NUCC terms, one
//! service in ten at three places, phones of several kinds, languages in
//! ISO 639-3, weekly hours, cost options, a third of the services with no
//! email (imported unclaimed) and one in fifty not active (skipped), loaded
//! into SQLite by the real binary.
//!
//!     cargo bench --bench import                       # 1,000,000 services
//!     cargo bench --bench import -- --services 100000  # a quick run
//!
//! Prints the time to import, the import's peak resident memory (VmHWM of
//! the child process, read while it runs) and the database's size.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a benchmark that cannot set up should stop at once

mod measured;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

const FIRST: &[&str] = &["Ana", "Rowan", "James", "Maria", "Wei", "Fatima", "John", "Priya"];
const LAST: &[&str] = &["Smith", "Garcia", "Nguyen", "Johnson", "Whitfield", "Okafor", "Muller", "Kowalski"];
const CREDENTIALS: &[&str] = &["MD", "DO", "NP", "PA-C", "PharmD", "PsyD", "LCSW", "LPC"];
/// Cities with their state and a point, around which the places are spread.
const CITIES: &[(&str, &str, f64, f64)] = &[
    ("Portland", "OR", 45.52, -122.68),
    ("Seattle", "WA", 47.61, -122.33),
    ("Oakland", "CA", 37.80, -122.27),
    ("Austin", "TX", 30.27, -97.74),
    ("Buffalo", "NY", 42.89, -78.88),
    ("Tampa", "FL", 27.95, -82.46),
    ("Chicago", "IL", 41.88, -87.63),
    ("Erie", "PA", 42.13, -80.09),
];
/// The package's terms: NUCC provider taxonomy codes, then AIRS/211 terms.
const TERMS: &[(&str, &str, &str)] = &[
    ("2084P0800X", "Psychiatry", "NUCC"),
    ("207Q00000X", "Family Medicine", "NUCC"),
    ("363L00000X", "Nurse Practitioner", "NUCC"),
    ("363A00000X", "Physician Assistant", "NUCC"),
    ("183500000X", "Pharmacist", "NUCC"),
    ("103T00000X", "Psychologist", "NUCC"),
    ("1041C0700X", "Clinical Social Worker", "NUCC"),
    ("101YM0800X", "Mental Health Counselor", "NUCC"),
    ("RP-1400.8000-650", "Substance Use Disorder Counseling", "AIRS/211"),
    ("LH-2600.1700", "Telemedicine", "AIRS/211"),
];

/// The package's CSV files, each with its header line.
struct Files {
    files: Vec<(&'static str, BufWriter<File>)>,
}

impl Files {
    fn create(dir: &Path) -> Files {
        let tables: &[(&'static str, &str)] = &[
            ("organizations.csv", "id,name,description,email,website"),
            ("services.csv", "id,organization_id,name,description,url,email,status,fees_description,eligibility_description,licenses,last_modified"),
            ("locations.csv", "id,location_type,organization_id,name,latitude,longitude"),
            ("addresses.csv", "id,location_id,address_1,address_2,city,state_province,postal_code,country,address_type"),
            ("service_at_location.csv", "id,service_id,location_id,description"),
            ("phones.csv", "id,location_id,service_id,organization_id,contact_id,service_at_location_id,number,extension,type"),
            ("languages.csv", "id,service_id,name,code"),
            ("attributes.csv", "id,link_id,taxonomy_term_id,link_type,link_entity,value"),
            ("schedules.csv", "id,service_id,freq,byday,opens_at,closes_at,description"),
            ("cost_options.csv", "id,service_id,option,currency,amount,amount_description"),
            ("taxonomy_terms.csv", "id,code,name,taxonomy"),
        ];
        let files = tables
            .iter()
            .map(|(name, header)| {
                let mut file = BufWriter::with_capacity(1 << 20, File::create(dir.join(name)).unwrap());
                writeln!(file, "{header}").unwrap();
                (*name, file)
            })
            .collect();
        Files { files }
    }

    fn row(&mut self, name: &str, cells: &[&str]) {
        let (_, file) = self.files.iter_mut().find(|(file, _)| *file == name).expect("a known file");
        let quoted: Vec<String> = cells.iter().map(|cell| format!("\"{}\"", cell.replace('"', "\"\""))).collect();
        writeln!(file, "{}", quoted.join(",")).unwrap();
    }

    fn finish(self) -> u64 {
        self.files.into_iter().map(|(_, file)| file.into_inner().unwrap().metadata().unwrap().len()).sum()
    }
}

/// A UUID-shaped id: the record's kind, then its number.
fn id(kind: u16, n: usize) -> String {
    format!("6f1e0a10-{kind:04x}-4000-8000-{n:012x}")
}

fn write_service(files: &mut Files, i: usize) {
    let (org, service) = (id(1, i), id(2, i));
    let name = format!("{} {}", FIRST[i % FIRST.len()], LAST[(i / 8) % LAST.len()]);
    let email = if i % 3 == 2 { String::new() } else { format!("clinician{i}@example.org") };
    let status = if i % 50 == 49 { "inactive" } else { "active" };
    files.row("organizations.csv", &[&org, &format!("{name} Health"), "A small practice.", "", ""]);
    files.row(
        "services.csv",
        &[
            &service,
            &org,
            &name,
            "Outpatient care including slow, patient-led benzodiazepine tapers, with support between visits.",
            "",
            &email,
            status,
            "Sliding scale; no one is turned away",
            "Adults 18 and over",
            CREDENTIALS[i % CREDENTIALS.len()],
            "2026-11-20T10:00:00Z",
        ],
    );
    let places = if i.is_multiple_of(10) { 3 } else { 1 };
    for place in 0..places {
        write_place(files, i, place, &org, &service);
    }
    files.row(
        "phones.csv",
        &[&id(6, 2 * i), "", &service, "", "", "", &format!("503-555-{:04}", i % 10_000), "", "voice"],
    );
    if i.is_multiple_of(3) {
        let fax = format!("503-555-{:04}", (i + 1) % 10_000);
        files.row("phones.csv", &[&id(6, 2 * i + 1), "", &service, "", "", "", &fax, "", "fax"]);
    }
    files.row("languages.csv", &[&id(8, 2 * i), &service, "English", "eng"]);
    if i.is_multiple_of(4) {
        files.row("languages.csv", &[&id(8, 2 * i + 1), &service, "Spanish", "spa"]);
    }
    let nucc = id(11, i % 8);
    files.row("attributes.csv", &[&id(12, 2 * i), &service, &nucc, "provider_taxonomy", "service", ""]);
    files.row("attributes.csv", &[&id(12, 2 * i + 1), &service, &id(11, 8), "service_type", "service", ""]);
    files.row("schedules.csv", &[&id(13, i), &service, "WEEKLY", "MO,TU,WE,TH,FR", "08:30:00", "17:00:00", "Weekdays"]);
    if i.is_multiple_of(2) {
        files.row("cost_options.csv", &[&id(14, i), &service, "Sliding scale fee", "USD", "", "Based on income"]);
    }
}

fn write_place(files: &mut Files, i: usize, place: usize, org: &str, service: &str) {
    let n = 3 * i + place;
    let (city, state, lat, lon) = CITIES[(i + place) % CITIES.len()];
    let spread = |salt: usize| ((n * 7919 + salt) % 1000) as f64 / 2000.0 - 0.25;
    let (lat, lon) = (format!("{:.5}", lat + spread(1)), format!("{:.5}", lon + spread(2)));
    let location = id(3, n);
    files.row("locations.csv", &[&location, "physical", org, &format!("{city} clinic"), &lat, &lon]);
    let street = format!("{} Main St", 100 + n % 9000);
    let suite = if place == 0 { "Suite 200" } else { "" };
    let postal_code = format!("{:05}", 10_000 + n % 89_999);
    files.row("addresses.csv", &[&id(4, n), &location, &street, suite, city, state, &postal_code, "US", "physical"]);
    files.row("service_at_location.csv", &[&id(5, n), service, &location, ""]);
}

/// Writes the package's files into `dir`; returns their size in bytes.
fn generate(dir: &Path, services: usize) -> u64 {
    let mut files = Files::create(dir);
    for (n, (code, name, taxonomy)) in TERMS.iter().enumerate() {
        files.row("taxonomy_terms.csv", &[&id(11, n), code, name, taxonomy]);
    }
    for i in 0..services {
        write_service(&mut files, i);
    }
    files.finish()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let services = args
        .iter()
        .position(|arg| arg == "--services")
        .and_then(|at| args.get(at + 1))
        .map_or(1_000_000, |count| count.replace(['_', ','], "").parse().expect("--services takes a number"));
    let dir = tempfile::tempdir().expect("a temporary directory");
    let package = dir.path().join("package");
    std::fs::create_dir(&package).unwrap();
    let started = Instant::now();
    let bytes = generate(&package, services);
    println!(
        "generated {services} services, {:.2} GB of CSV, in {:.1} s",
        bytes as f64 / 1e9,
        started.elapsed().as_secs_f64()
    );

    let database = dir.path().join("benzowise.db");
    let (tokens, told) = (dir.path().join("tokens.csv"), dir.path().join("stderr.txt"));
    let started = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_benzowise"))
        .args(["import", "--format", "hsds", package.to_str().unwrap()])
        .env("DATABASE_URL", format!("sqlite://{}", database.display()))
        .env("RUST_LOG", "warn")
        .stdout(File::create(&tokens).unwrap())
        .stderr(File::create(&told).unwrap())
        .spawn()
        .expect("the binary runs");
    let (status, elapsed, peak) = measured::wait_watching(child, started);
    let said = std::fs::read_to_string(&told).unwrap_or_default();
    assert!(status.success(), "the import failed: {}", said.lines().rev().take(5).collect::<Vec<_>>().join("\n"));
    let stored = std::fs::read_to_string(&tokens).unwrap().lines().count() - 1;
    println!("{}", said.lines().last().unwrap_or_default());
    println!("import: {elapsed:.1} s, {:.0} services/s, {stored} listings stored", services as f64 / elapsed);
    println!("peak resident memory of the import (VmHWM): {} MiB", peak / 1024);
    println!("SQLite database afterwards: {:.2} GB", measured::size_of(&database) as f64 / 1e9);
}
