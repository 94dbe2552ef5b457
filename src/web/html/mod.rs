//! The HTML pages. They call the same domain and database code as the API.

pub mod search;

use actix_web::http::header::ContentType;
use actix_web::{get, web, HttpResponse};

const STYLESHEET: &str = include_str!("../../../static/style.css");

#[get("/static/style.css")]
async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("content-type", "text/css; charset=utf-8"))
        .insert_header(("cache-control", "public, max-age=3600"))
        .body(STYLESHEET)
}

pub fn html_response(status: actix_web::http::StatusCode, markup: maud::Markup) -> HttpResponse {
    HttpResponse::build(status).insert_header(ContentType::html()).body(markup.into_string())
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(stylesheet).service(search::home).service(search::results);
}
