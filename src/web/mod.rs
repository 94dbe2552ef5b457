pub mod api;
pub mod extract;
pub mod metrics;
pub mod state;
pub mod throttle;
