//! The black-box tests: the real application against a real database.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step should stop the test where it failed

mod auth;
mod bad_input;
mod browser;
mod cli;
mod durability;
mod edges;
mod fhir;
mod first_search;
mod freshness;
mod helpers;
mod history;
mod hsds;
mod language;
mod lifecycle;
mod limits;
mod machines;
mod mail;
mod mail_server;
mod map;
mod nearby;
mod openapi;
mod operations;
mod pages;
mod payment;
mod places;
mod proxy;
mod recovery;
mod reports;
mod search;
mod server;
mod submissions;
mod two_factor;
mod workbench;
mod workbench_scale;
mod workbench_words;
