pub mod api;
pub mod extract;
pub mod html;
pub mod metrics;
pub mod state;
pub mod throttle;
