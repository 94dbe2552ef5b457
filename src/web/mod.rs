pub mod api;
pub mod client;
pub mod conditional;
pub mod extract;
pub mod fhir;
pub mod hsds;
pub mod html;
pub mod language;
pub mod request_span;
pub mod session_cookie;

/// What every handler is given: the application's shared state.
pub type State = actix_web::web::Data<crate::app::AppState>;
