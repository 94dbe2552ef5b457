//! The place parser: how long `Gazetteer::look_up` takes to read what a
//! patient typed, over a mix of the forms people type (towns with or without
//! a comma, with region codes or names, St/Ft/Mt, common names, ZIP and ZIP+4,
//! Canadian, British and Australian postal codes, names several towns share),
//! and apart from it the misspellings, which search for close spellings.
//!
//!     cargo bench --bench places                # add -- --rounds 50 for a longer run
//!
//! Prints the median, the 90th and 99th percentile per look-up, for each group.

#![allow(clippy::expect_used)] // a benchmark that cannot set up should stop at once

use std::hint::black_box;
use std::time::Instant;

use benzowise::places::{Gazetteer, Lookup};

const TYPED: &[&str] = &[
    "Seattle WA",
    "seattle, washington",
    "Portland, Oregon",
    "portland or",
    "Marfa Texas",
    "Saint Louis MO",
    "Ft Worth, TX",
    "Mt Vernon, WA",
    "New York",
    "NYC",
    "LA",
    "Washington DC",
    "Kansas City Kansas",
    "Salt Lake City, Utah",
    "Toronto, Ontario",
    "Victoria BC",
    "London, UK",
    "Edinburgh, Scotland",
    "Perth, Western Australia",
    "Brisbane QLD",
    "Paris, FR",
    "Springfield",
    "Portland",
    "Boston",
    "97201",
    "79843-1234",
    "Portland, OR 97201",
    "M5V 2T6",
    "SW1A 1AA",
    "EH1",
    "2000",
    "Sydney NSW 2000",
];

const MISSPELT: &[&str] = &["Portlnd, OR", "Seatle WA", "Sacremento", "Pittsburg PA", "Albuquerqe"];

fn percentile(sorted: &[f64], share: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * share).round() as usize]
}

/// Times every text `rounds` times, one look-up at a time; prints and returns the median in µs.
fn measure(name: &str, gazetteer: &Gazetteer, texts: &[&str], rounds: usize) -> f64 {
    let mut micros = Vec::with_capacity(texts.len() * rounds);
    for _ in 0..rounds {
        for text in texts {
            let start = Instant::now();
            let found = gazetteer.look_up(black_box(text));
            micros.push(start.elapsed().as_secs_f64() * 1e6);
            black_box(found);
        }
    }
    micros.sort_by(f64::total_cmp);
    let median = percentile(&micros, 0.5);
    println!(
        "| {name} | {} | {median:.1} µs | {:.1} µs | {:.1} µs |",
        micros.len(),
        percentile(&micros, 0.9),
        percentile(&micros, 0.99)
    );
    median
}

fn main() {
    let rounds = std::env::args()
        .skip_while(|arg| arg != "--rounds")
        .nth(1)
        .map_or(200, |rounds| rounds.parse().expect("--rounds takes a number"));
    let start = Instant::now();
    let gazetteer = Gazetteer::shared();
    println!("gazetteer loaded in {:.2} s", start.elapsed().as_secs_f64());
    let answers = TYPED.iter().filter(|text| !matches!(gazetteer.look_up(text), Lookup::NotFound(_))).count();
    assert_eq!(answers, TYPED.len(), "every typed place is found or is a question");
    println!("| look-ups | count | median | p90 | p99 |");
    println!("|---|---|---|---|---|");
    measure("typed places (mix of the forms)", gazetteer, TYPED, rounds);
    measure("misspelt places (close spellings)", gazetteer, MISSPELT, rounds.div_ceil(20));
}
