//! What the service does, one module per group of use cases: plain values in,
//! domain results or `AppError` out. The JSON and HTML handlers, the command
//! line and the seeder all call it; it knows nothing of HTTP.

pub mod accounts;
pub mod digest;
pub mod fhir;
pub mod freshness;
pub mod hsds;
pub mod letters;
pub mod listing_claims;
pub mod listings;
pub mod manage;
pub mod metrics;
pub mod moderation;
pub mod nppes;
pub mod outbox;
pub mod reasons;
pub mod recovery;
pub mod reports;
pub mod seed;
pub mod sessions;
pub mod sitemap;
mod state;
pub mod submissions;
pub mod throttle;
pub mod two_factor;

pub use state::{AppState, Links};
