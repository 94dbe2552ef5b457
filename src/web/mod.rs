pub mod api;
pub mod extract;
pub mod html;
pub mod session_cookie;
