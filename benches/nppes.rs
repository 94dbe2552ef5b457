//! `benzowise nppes load` of a generated full dissemination file: every one
//! of NPPES's 330 columns (the real names of those the directory reads,
//! plausible fillers in the others), individuals, organizations and
//! deactivated rows in about the real file's shares, loaded into SQLite by
//! the real binary.
//!
//!     cargo bench --bench nppes                   # 8,000,000 rows, about 8 GB of CSV
//!     cargo bench --bench nppes -- --rows 200000  # a quick run
//!
//! Prints the time to load, the load's peak resident memory (VmHWM of the
//! child process, read while it runs) and the database's size.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a benchmark that cannot set up should stop at once

mod measured;

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// The columns before the numbered groups, as CMS names them.
const LEADING: &[&str] = &[
    "NPI",
    "Entity Type Code",
    "Replacement NPI",
    "Employer Identification Number (EIN)",
    "Provider Organization Name (Legal Business Name)",
    "Provider Last Name (Legal Name)",
    "Provider First Name",
    "Provider Middle Name",
    "Provider Name Prefix Text",
    "Provider Name Suffix Text",
    "Provider Credential Text",
    "Provider Other Organization Name",
    "Provider Other Organization Name Type Code",
    "Provider Other Last Name",
    "Provider Other First Name",
    "Provider Other Middle Name",
    "Provider Other Name Prefix Text",
    "Provider Other Name Suffix Text",
    "Provider Other Credential Text",
    "Provider Other Last Name Type Code",
    "Provider First Line Business Mailing Address",
    "Provider Second Line Business Mailing Address",
    "Provider Business Mailing Address City Name",
    "Provider Business Mailing Address State Name",
    "Provider Business Mailing Address Postal Code",
    "Provider Business Mailing Address Country Code (If outside U.S.)",
    "Provider Business Mailing Address Telephone Number",
    "Provider Business Mailing Address Fax Number",
    "Provider First Line Business Practice Location Address",
    "Provider Second Line Business Practice Location Address",
    "Provider Business Practice Location Address City Name",
    "Provider Business Practice Location Address State Name",
    "Provider Business Practice Location Address Postal Code",
    "Provider Business Practice Location Address Country Code (If outside U.S.)",
    "Provider Business Practice Location Address Telephone Number",
    "Provider Business Practice Location Address Fax Number",
    "Provider Enumeration Date",
    "Last Update Date",
    "NPI Deactivation Reason Code",
    "NPI Deactivation Date",
    "NPI Reactivation Date",
    "Provider Sex Code",
    "Authorized Official Last Name",
    "Authorized Official First Name",
    "Authorized Official Middle Name",
    "Authorized Official Title or Position",
    "Authorized Official Telephone Number",
];

/// The columns after the numbered groups.
const TRAILING: &[&str] = &[
    "Is Sole Proprietor",
    "Is Organization Subpart",
    "Parent Organization LBN",
    "Parent Organization TIN",
    "Authorized Official Name Prefix Text",
    "Authorized Official Name Suffix Text",
    "Authorized Official Credential Text",
    "Certification Date",
];

fn header() -> Vec<String> {
    let mut names: Vec<String> = LEADING.iter().map(|name| name.to_string()).collect();
    for n in 1..=15 {
        names.push(format!("Healthcare Provider Taxonomy Code_{n}"));
        names.push(format!("Provider License Number_{n}"));
        names.push(format!("Provider License Number State Code_{n}"));
        names.push(format!("Healthcare Provider Primary Taxonomy Switch_{n}"));
    }
    for n in 1..=50 {
        names.push(format!("Other Provider Identifier_{n}"));
        names.push(format!("Other Provider Identifier Type Code_{n}"));
        names.push(format!("Other Provider Identifier State_{n}"));
        names.push(format!("Other Provider Identifier Issuer_{n}"));
    }
    names.extend(TRAILING.iter().map(|name| name.to_string()));
    names.extend((1..=15).map(|n| format!("Healthcare Provider Taxonomy Group_{n}")));
    names
}

const LAST: &[&str] = &["SMITH", "GARCIA", "NGUYEN", "JOHNSON", "WHITFIELD", "OKAFOR", "MULLER", "KOWALSKI"];
const FIRST: &[&str] = &["ANA", "ROWAN", "JAMES", "MARIA", "WEI", "FATIMA", "JOHN", "PRIYA"];
const STATES: &[&str] = &["OR", "WA", "CA", "TX", "NY", "FL", "IL", "PA"];
const CITIES: &[&str] = &["PORTLAND", "SEATTLE", "OAKLAND", "AUSTIN", "BUFFALO", "TAMPA", "CHICAGO", "ERIE"];
const CREDENTIALS: &[&str] = &["M.D.", "D.O.", "NP", "PA-C", "PHARMD", "PHD", "LCSW", "LPC"];
const TAXONOMIES: &[&str] =
    &["2084P0800X", "207Q00000X", "207R00000X", "363LF0000X", "363A00000X", "103TC0700X", "1041C0700X", "101YM0800X"];

/// One row's fields by column position: `None` is an empty field.
struct Row<'a> {
    positions: &'a HashMap<String, usize>,
    fields: Vec<Option<String>>,
    i: usize,
}

impl Row<'_> {
    fn set(&mut self, name: &str, value: String) {
        if let Some(at) = self.positions.get(name) {
            self.fields[*at] = Some(value);
        }
    }

    fn pick(&self, list: &[&str], salt: usize) -> String {
        list[(self.i / 7 + salt) % list.len()].to_string()
    }

    fn day(&self) -> String {
        let i = self.i;
        format!("{:02}/{:02}/20{:02}", i % 12 + 1, i % 28 + 1, 10 + i % 16)
    }

    /// Row `i`: about one in twenty deactivated (NPPES leaves all but two
    /// fields empty), one in five an organization, the rest individuals.
    fn fill(&mut self, i: usize) {
        self.i = i;
        self.fields.iter_mut().for_each(|field| *field = None);
        self.set("NPI", format!("{}", 1_000_000_000 + i));
        match i % 20 {
            0 => self.set("NPI Deactivation Date", self.day()),
            1..=4 => self.organization(),
            _ => self.individual(),
        }
        if !i.is_multiple_of(20) {
            self.addresses();
        }
    }

    fn organization(&mut self) {
        self.set("Entity Type Code", "2".into());
        self.set(
            "Provider Organization Name (Legal Business Name)",
            format!("{} HEALTH GROUP LLC", self.pick(LAST, 1)),
        );
        self.set("Employer Identification Number (EIN)", "<UNAVAIL>".into());
        self.set("Authorized Official Last Name", self.pick(LAST, 2));
        self.set("Authorized Official First Name", self.pick(FIRST, 3));
        self.set("Is Organization Subpart", "N".into());
    }

    fn individual(&mut self) {
        let i = self.i;
        self.set("Entity Type Code", "1".into());
        self.set("Provider Last Name (Legal Name)", self.pick(LAST, 0));
        self.set("Provider First Name", self.pick(FIRST, 1));
        self.set("Provider Middle Name", self.pick(FIRST, 2)[..1].to_string());
        self.set("Provider Credential Text", CREDENTIALS[i % CREDENTIALS.len()].into());
        self.set("Provider Sex Code", ["F", "M"][i % 2].into());
        self.set("Is Sole Proprietor", "N".into());
        self.set("Healthcare Provider Taxonomy Code_1", self.pick(TAXONOMIES, 0));
        self.set("Provider License Number_1", format!("L{}", i % 99_991));
        self.set("Provider License Number State Code_1", self.pick(STATES, 0));
        self.set("Healthcare Provider Primary Taxonomy Switch_1", "Y".into());
        if i.is_multiple_of(3) {
            self.set("Healthcare Provider Taxonomy Code_2", self.pick(TAXONOMIES, 3));
            self.set("Provider License Number_2", format!("M{}", i % 77_773));
            self.set("Provider License Number State Code_2", self.pick(STATES, 5));
            self.set("Healthcare Provider Primary Taxonomy Switch_2", "N".into());
        }
        self.set("Other Provider Identifier_1", format!("{}", 100_000 + i % 900_000));
        self.set("Other Provider Identifier Type Code_1", "05".into());
        self.set("Other Provider Identifier State_1", self.pick(STATES, 0));
    }

    fn addresses(&mut self) {
        let i = self.i;
        self.set("Provider First Line Business Mailing Address", format!("{} MAIN ST", 100 + i % 9000));
        self.set("Provider First Line Business Practice Location Address", format!("{} MAIN ST", 100 + i % 9000));
        for kind in ["Mailing", "Practice Location"] {
            self.set(&format!("Provider Business {kind} Address City Name"), self.pick(CITIES, 0));
            self.set(&format!("Provider Business {kind} Address State Name"), self.pick(STATES, 0));
            let postal_code = format!("{:05}{:04}", 10_000 + i % 89_999, i % 10_000);
            self.set(&format!("Provider Business {kind} Address Postal Code"), postal_code);
            self.set(&format!("Provider Business {kind} Address Country Code (If outside U.S.)"), "US".into());
            self.set(&format!("Provider Business {kind} Address Telephone Number"), format!("503555{:04}", i % 10_000));
        }
        self.set("Provider Enumeration Date", "05/23/2007".into());
        self.set("Last Update Date", self.day());
        self.set("Certification Date", "07/08/2021".into());
    }
}

/// Writes the file as CMS does: every field quoted.
fn generate(path: &Path, rows: usize) -> u64 {
    let columns = header();
    assert_eq!(columns.len(), 330, "NPPES has 330 columns");
    let mut file = BufWriter::with_capacity(1 << 20, File::create(path).expect("the generated file"));
    let quoted = |field: &str| format!("\"{field}\"");
    writeln!(file, "{}", columns.iter().map(|name| quoted(name)).collect::<Vec<_>>().join(",")).unwrap();
    let positions: HashMap<String, usize> = columns.iter().enumerate().map(|(at, name)| (name.clone(), at)).collect();
    let mut row = Row { positions: &positions, fields: vec![None; columns.len()], i: 0 };
    let mut line = String::new();
    for i in 0..rows {
        row.fill(i);
        line.clear();
        for (n, field) in row.fields.iter().enumerate() {
            if n > 0 {
                line.push(',');
            }
            line.push('"');
            line.push_str(field.as_deref().unwrap_or(""));
            line.push('"');
        }
        line.push('\n');
        file.write_all(line.as_bytes()).unwrap();
    }
    file.flush().unwrap();
    std::fs::metadata(path).unwrap().len()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rows = args
        .iter()
        .position(|arg| arg == "--rows")
        .and_then(|at| args.get(at + 1))
        .map_or(8_000_000, |rows| rows.replace(['_', ','], "").parse().expect("--rows takes a number"));
    let dir = tempfile::tempdir().expect("a temporary directory");
    let csv = dir.path().join("npidata_pfile_20050523-20261109.csv");
    let started = Instant::now();
    let bytes = generate(&csv, rows);
    println!("generated {rows} rows, {:.2} GB, in {:.1} s", bytes as f64 / 1e9, started.elapsed().as_secs_f64());

    let database = dir.path().join("benzowise.db");
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_benzowise"))
        .args(["nppes", "load", csv.to_str().unwrap()])
        .env("DATABASE_URL", format!("sqlite://{}", database.display()))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let stdout = child.stdout.take().unwrap();
    let (status, elapsed, peak) = measured::wait_watching(child, started);
    let said = std::io::read_to_string(stdout).unwrap_or_default();
    assert!(status.success(), "the load failed: {said}");
    println!("{}", said.trim());
    println!(
        "loaded in {elapsed:.1} s ({:.0} rows/s), peak RSS {:.0} MiB, database {:.2} GB",
        rows as f64 / elapsed,
        peak as f64 / 1024.0,
        measured::size_of(&database) as f64 / 1e9
    );
}
