pub mod api;
pub mod extract;
pub mod html;
