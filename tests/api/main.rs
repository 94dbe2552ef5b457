mod auth;
mod bad_input;
mod helpers;
mod lifecycle;
mod operations;
mod reports;
mod submissions;
