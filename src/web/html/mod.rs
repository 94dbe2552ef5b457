//! The HTML pages. They call the same domain and database code as the API.

pub mod clinicians;
pub mod manage;
pub mod moderate;
pub mod search;
pub mod submit;

use actix_web::http::header::ContentType;
use actix_web::http::StatusCode;
use actix_web::{get, web, HttpResponse, ResponseError};

use crate::error::AppError;
use crate::views::layout::message_page;

const STYLESHEET: &str = include_str!("../../../static/style.css");
const LOCATE_SCRIPT: &str = include_str!("../../../static/locate.js");

/// A file built into the binary, cached by browsers for an hour.
fn static_file(content_type: &'static str, body: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("content-type", content_type))
        .insert_header(("cache-control", "public, max-age=3600"))
        .body(body)
}

#[get("/static/style.css")]
async fn stylesheet() -> HttpResponse {
    static_file("text/css; charset=utf-8", STYLESHEET)
}

#[get("/static/locate.js")]
async fn locate_script() -> HttpResponse {
    static_file("text/javascript; charset=utf-8", LOCATE_SCRIPT)
}

pub fn html_response(status: actix_web::http::StatusCode, markup: maud::Markup) -> HttpResponse {
    HttpResponse::build(status).insert_header(ContentType::html()).body(markup.into_string())
}

/// The fields of a form body, in order (repeated names repeat).
pub fn form_pairs(body: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(body).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

/// An `AppError` shown as an HTML page with the same status.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct HtmlError(#[from] pub AppError);

impl ResponseError for HtmlError {
    fn status_code(&self) -> StatusCode {
        self.0.status_code()
    }

    fn error_response(&self) -> HttpResponse {
        let problem = self.0.problem();
        let message = match &self.0 {
            AppError::NotFound => "There is no public listing or page at this address.".to_string(),
            AppError::Unauthorized => {
                "This link does not open a listing. Check that you copied the whole link.".to_string()
            }
            AppError::TooManyRequests { retry_after_secs } => {
                format!(
                    "Too many requests from your address. Please try again in {} minutes.",
                    retry_after_secs.div_ceil(60)
                )
            }
            _ => problem.detail,
        };
        let mut response = html_response(self.status_code(), message_page(&problem.title, &message));
        if let AppError::TooManyRequests { retry_after_secs } = &self.0 {
            response.headers_mut().insert(
                actix_web::http::header::RETRY_AFTER,
                actix_web::http::header::HeaderValue::from(*retry_after_secs),
            );
        }
        response
    }
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(stylesheet)
        .service(locate_script)
        .service(search::home)
        .service(search::results)
        .service(clinicians::show)
        .service(clinicians::report)
        .service(clinicians::questions)
        .service(submit::form)
        .service(submit::submit)
        .service(manage::show)
        .service(manage::edit)
        .service(manage::withdraw)
        .service(moderate::dashboard)
        .service(moderate::login)
        .service(moderate::logout)
        .service(moderate::decide)
        .service(moderate::resolve)
        .service(moderate::listing_status);
}
