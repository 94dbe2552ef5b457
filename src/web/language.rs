//! Which language a page is in: a `/en/` or `/es/` prefix in the address (the
//! person chose; removed before routing, so every page exists in every
//! language), else the choice made earlier in the visit (a session cookie),
//! else the browser's `Accept-Language`, else English.

use std::future::{ready, Ready};

use actix_web::body::BoxBody;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderValue, ACCEPT_LANGUAGE, VARY};
use actix_web::http::Uri;
use actix_web::{FromRequest, HttpMessage, HttpRequest};

use crate::app::AppState;
use crate::i18n::Lang;
use crate::views::locale::Locale;
use crate::web::html::HtmlError;

const COOKIE: &str = "lang";

/// Finds the request's language, takes its prefix off the path, and leaves
/// the `Locale` for handlers.
pub fn read(mut req: ServiceRequest) -> ServiceRequest {
    let (chosen, rest) = split_prefix(req.path());
    let query = req.query_string();
    let path = if query.is_empty() { rest.to_string() } else { format!("{rest}?{query}") };
    let lang = chosen
        .or_else(|| req.cookie(COOKIE).and_then(|cookie| Lang::from_code(cookie.value())))
        .or_else(|| {
            let header = req.headers().get(ACCEPT_LANGUAGE)?.to_str().ok()?;
            Lang::preferred_by(header)
        })
        .unwrap_or_default();
    if chosen.is_some() {
        if let Ok(uri) = path.parse::<Uri>() {
            req.match_info_mut().get_mut().update(&uri);
            req.head_mut().uri = uri;
        }
    }
    let country = req.headers().get(ACCEPT_LANGUAGE).and_then(|header| visitor_country(header.to_str().ok()?));
    let site = req.app_data::<actix_web::web::Data<AppState>>().map(|state| state.links().site().to_string());
    let locale = Locale::new(lang, chosen.is_some(), path).with_visitor_country(country);
    req.extensions_mut().insert(locale.on_site(site.as_deref().unwrap_or("")));
    req
}

/// The country of the browser's first language that names one: `en-GB` → `GB`,
/// `es-419` (a region, not a country) → none.
fn visitor_country(accept_language: &str) -> Option<String> {
    accept_language.split(',').find_map(|entry| {
        let tag = entry.split(';').next()?.trim();
        let region =
            tag.split('-').skip(1).find(|part| part.len() == 2 && part.bytes().all(|b| b.is_ascii_alphabetic()))?;
        Some(region.to_ascii_uppercase())
    })
}

/// Keeps a chosen language for the rest of the visit, tells caches which
/// headers chose it otherwise, and puts an error page into the language and
/// the place it was met (each has its own way on).
pub fn finish<B: actix_web::body::MessageBody + 'static>(response: ServiceResponse<B>) -> ServiceResponse<BoxBody> {
    let locale = response.request().extensions().get::<Locale>().cloned().unwrap_or_default();
    let error_page = response.response().error().and_then(|error| error.as_error::<HtmlError>());
    let mut response = match error_page {
        Some(error) => {
            let page = error.page(&locale);
            let (request, _) = response.into_parts();
            ServiceResponse::new(request, page)
        }
        _ => response.map_into_boxed_body(),
    };
    if locale.is_in_address() {
        let cookie =
            Cookie::build(COOKIE, locale.lang.code()).path("/").same_site(SameSite::Lax).http_only(true).finish();
        // A header that will not fit is no reason to fail the page.
        let _ = response.response_mut().add_cookie(&cookie);
    } else {
        response.headers_mut().append(VARY, HeaderValue::from_static("Accept-Language, Cookie"));
    }
    response
}

/// `/es/search` → (Spanish, `/search`); `/es` → (Spanish, `/`).
fn split_prefix(path: &str) -> (Option<Lang>, &str) {
    for lang in Lang::ALL {
        if let Some(rest) = path.strip_prefix('/').and_then(|path| path.strip_prefix(lang.code())) {
            if rest.is_empty() {
                return (Some(lang), "/");
            }
            if rest.starts_with('/') {
                return (Some(lang), rest);
            }
        }
    }
    (None, path)
}

impl FromRequest for Locale {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(req.extensions().get::<Locale>().cloned().unwrap_or_else(Locale::english)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_visitor_s_country_comes_from_the_first_language_that_names_one() {
        assert_eq!(visitor_country("en-GB,en;q=0.9").as_deref(), Some("GB"));
        assert_eq!(visitor_country("es-419,es;q=0.9,en-AU;q=0.5").as_deref(), Some("AU"));
        assert_eq!(visitor_country("zh-Hant-TW").as_deref(), Some("TW"));
        assert_eq!(visitor_country("en, es"), None);
    }

    #[test]
    fn prefixes_name_a_language_only_as_a_whole_segment() {
        assert_eq!(split_prefix("/es/search"), (Some(Lang::Es), "/search"));
        assert_eq!(split_prefix("/es"), (Some(Lang::Es), "/"));
        assert_eq!(split_prefix("/en/"), (Some(Lang::En), "/"));
        assert_eq!(split_prefix("/essay"), (None, "/essay"));
        assert_eq!(split_prefix("/search"), (None, "/search"));
    }
}
