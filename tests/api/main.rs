mod auth;
mod bad_input;
mod cli;
mod helpers;
mod lifecycle;
mod operations;
mod reports;
mod submissions;
