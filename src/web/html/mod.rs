//! The HTML pages. They call the same domain and database code as the API.

pub mod claim;
pub mod clinicians;
pub mod history;
pub mod machines;
pub mod manage;
pub mod moderate;
pub mod recovery;
pub mod search;
pub mod submit;

use actix_web::http::header::ContentType;
use actix_web::http::StatusCode;
use actix_web::{get, web, HttpResponse, ResponseError};

use crate::assets::{Asset, FAVICON};
use crate::error::AppError;
use crate::i18n::Text;
use crate::t;
use crate::views::layout::{message_page, WayOn};
use crate::views::locale::Locale;

/// A file built into the binary: under its fingerprinted name cached for a
/// year as immutable, under its plain name (asked for by pages from before
/// fingerprints) for an hour.
#[get("/static/{file}")]
async fn static_file(req: actix_web::HttpRequest) -> Result<HttpResponse, HtmlError> {
    let (asset, fingerprinted) = Asset::at(req.path()).ok_or(AppError::NotFound)?;
    let cache = if fingerprinted { "public, max-age=31536000, immutable" } else { "public, max-age=3600" };
    Ok(HttpResponse::Ok()
        .insert_header(("content-type", asset.content_type()))
        .insert_header(("cache-control", cache))
        .body(asset.content()))
}

#[get("/favicon.ico")]
async fn favicon() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("content-type", "image/x-icon"))
        .insert_header(("cache-control", "public, max-age=86400"))
        .body(FAVICON)
}

pub fn html_response(status: actix_web::http::StatusCode, markup: maud::Markup) -> HttpResponse {
    HttpResponse::build(status).insert_header(ContentType::html()).body(markup.into_string())
}

/// A page holding a secret, or what someone typed about themselves: no cache may keep it.
pub fn private(mut response: HttpResponse) -> HttpResponse {
    response
        .headers_mut()
        .insert(actix_web::http::header::CACHE_CONTROL, actix_web::http::header::HeaderValue::from_static("no-store"));
    response
}

/// The fields of a form body, in order (repeated names repeat).
pub fn form_pairs(body: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(body).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

/// An `AppError` shown as an HTML page with the same status.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct HtmlError(#[from] pub AppError);

impl HtmlError {
    /// The error as a page in the reader's language, with the same status,
    /// headed in words and linking the way on from where the reader is.
    pub fn page(&self, locale: &Locale) -> HttpResponse {
        let status = self.status_code();
        let known = ERROR_STATUSES.contains(&status.as_u16());
        let situation = Situation::of(locale.this_page(), status);
        let (title, message) = match (&self.0, situation) {
            (AppError::TooManyRequests { retry_after_secs }, _) => {
                (status_title(locale, status), t!(locale, "error-too-many", minutes = retry_after_secs.div_ceil(60)))
            }
            (_, Some(situation)) => (locale.lang.t(situation.title()), locale.lang.t(situation.detail())),
            _ if known => {
                (status_title(locale, status), locale.text(&Text::new(format!("error-detail-{}", status.as_u16()))))
            }
            _ => (t!(locale, "error-title-other"), t!(locale, "error-detail-other")),
        };
        let way_on = situation.map_or_else(|| WayOn::search(locale), |situation| situation.way_on(locale));
        let mut response = html_response(status, message_page(locale, &title, &message, &way_on));
        if let AppError::TooManyRequests { retry_after_secs } = &self.0 {
            response.headers_mut().insert(
                actix_web::http::header::RETRY_AFTER,
                actix_web::http::header::HeaderValue::from(*retry_after_secs),
            );
        }
        response
    }
}

/// An error where the reader was, with its own words and way on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Situation {
    /// A manage link that opens nothing: replaced, or copied in part.
    DeadManageLink,
    /// A moderator whose session ended before they sent something.
    SessionEnded,
    /// A decision another moderator made first.
    DecidedFirst,
    /// A profile that is not (or no longer) in the directory.
    ListingGone,
}

impl Situation {
    fn of(path: &str, status: StatusCode) -> Option<Situation> {
        match (status.as_u16(), path) {
            (401, path) if path.starts_with("/manage/") => Some(Situation::DeadManageLink),
            (401, path) if path.starts_with("/moderate") => Some(Situation::SessionEnded),
            (409, path) if path.starts_with("/moderate/submissions/") => Some(Situation::DecidedFirst),
            (404 | 410, path) if path.starts_with("/clinicians/") => Some(Situation::ListingGone),
            _ => None,
        }
    }

    fn title(self) -> &'static str {
        match self {
            Situation::DeadManageLink => "error-title-manage-link",
            Situation::SessionEnded => "error-title-session-ended",
            Situation::DecidedFirst => "error-title-decided-first",
            Situation::ListingGone => "error-title-listing-gone",
        }
    }

    fn detail(self) -> &'static str {
        match self {
            Situation::DeadManageLink => "error-detail-manage-link",
            Situation::SessionEnded => "error-detail-session-ended",
            Situation::DecidedFirst => "error-detail-decided-first",
            Situation::ListingGone => "error-detail-listing-gone",
        }
    }

    fn way_on(self, locale: &Locale) -> WayOn {
        let (path, words) = match self {
            Situation::DeadManageLink => ("/manage/recovery".to_string(), "error-way-new-link"),
            Situation::SessionEnded => (moderate::sign_in_and_return(locale.this_page()), "error-way-sign-in"),
            Situation::DecidedFirst => ("/moderate".to_string(), "error-way-queue"),
            Situation::ListingGone => ("/".to_string(), "error-way-search"),
        };
        WayOn { href: locale.href(&path), text: locale.lang.t(words) }
    }
}

/// The statuses an error page has its own words for (`error-title-N`, `error-detail-N`).
const ERROR_STATUSES: [u16; 16] = [400, 401, 403, 404, 405, 408, 409, 410, 413, 415, 422, 429, 431, 500, 503, 504];

fn status_title(locale: &Locale, status: StatusCode) -> String {
    locale.text(&Text::new(format!("error-title-{}", status.as_u16())))
}

impl ResponseError for HtmlError {
    fn status_code(&self) -> StatusCode {
        self.0.status_code()
    }

    /// In English; the language middleware puts it into the reader's language.
    fn error_response(&self) -> HttpResponse {
        self.page(&Locale::english())
    }
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(static_file)
        .service(favicon)
        .service(machines::robots)
        .service(machines::index)
        .service(machines::pages)
        .service(machines::profiles)
        .service(search::home)
        .service(search::results)
        .service(clinicians::show)
        .service(clinicians::report)
        .service(claim::form)
        .service(claim::claim)
        .service(claim::open)
        .service(claim::confirm)
        .service(clinicians::questions)
        .service(history::form)
        .service(history::sheet)
        .service(submit::form)
        .service(submit::submit)
        // Before `manage::show` and `manage::edit`, whose `/manage/{token}` would take these.
        .service(recovery::form)
        .service(recovery::ask)
        .service(recovery::open)
        .service(recovery::redeem)
        .service(manage::show)
        .service(manage::edit)
        .service(manage::withdraw)
        .service(manage::confirm)
        .service(moderate::queue)
        .service(moderate::login)
        .service(moderate::code)
        .service(moderate::logout)
        .service(moderate::review)
        .service(moderate::decide)
        .service(moderate::records::reports)
        .service(moderate::claims::waiting)
        .service(moderate::claims::approve)
        .service(moderate::claims::reject)
        .service(moderate::records::resolve)
        .service(moderate::records::find)
        .service(moderate::records::listing)
        .service(moderate::records::listing_status)
        .service(moderate::records::audit)
        .service(moderate::accounts::moderators)
        .service(moderate::accounts::invite)
        .service(moderate::accounts::set_disabled)
        .service(moderate::accounts::revoke)
        .service(moderate::accounts::reason_list)
        .service(moderate::accounts::add_reason)
        .service(moderate::accounts::change_reason)
        .service(moderate::accounts::invitation)
        .service(moderate::accounts::join)
        .service(moderate::accounts::enrolment)
        .service(moderate::accounts::enrol);
}
