//! The moderator's session cookie, as the API and the pages set and clear it.

use actix_web::cookie::{time, Cookie, SameSite};

use crate::app::AppState;
use crate::config::Settings;

/// The cookie's name. Over HTTPS it carries the `__Host-` prefix, which
/// browsers accept only on a `Secure` cookie for the whole site set by the
/// site itself, so no sibling subdomain can plant or shadow it.
pub fn session_cookie_name(settings: &Settings) -> &'static str {
    if settings.cookie_secure {
        "__Host-benzowise_session"
    } else {
        "benzowise_session"
    }
}

/// The session cookie, signed with `SESSION_KEY`: `HttpOnly`, `SameSite=Strict`,
/// `Secure` when configured, living as long as the session.
pub fn session_cookie(state: &AppState, token: &str) -> Cookie<'static> {
    let max_age = time::Duration::seconds(state.settings.session_ttl.as_secs() as i64);
    cookie(state, state.settings.session_key.sign(token), max_age)
}

/// The cookie that tells the browser to forget its session.
pub fn ended_session_cookie(state: &AppState) -> Cookie<'static> {
    cookie(state, String::new(), time::Duration::ZERO)
}

fn cookie(state: &AppState, value: String, max_age: time::Duration) -> Cookie<'static> {
    Cookie::build(session_cookie_name(&state.settings), value)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.settings.cookie_secure)
        .max_age(max_age)
        .finish()
}
