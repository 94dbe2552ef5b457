//! `/robots.txt`, the sitemap index `/sitemap.xml` and its files under
//! `/sitemaps/`: what search engines read to find the profiles.

use actix_web::web::{Bytes, Path};
use actix_web::{get, HttpResponse};
use futures_util::StreamExt;

use super::HtmlError;
use crate::app::sitemap;
use crate::error::AppError;
use crate::views::sitemap as views;
use crate::web::State;

const XML: &str = "application/xml; charset=utf-8";

#[get("/robots.txt")]
pub async fn robots(state: State) -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain; charset=utf-8").body(views::robots(state.links().site()))
}

#[get("/sitemap.xml")]
pub async fn index(state: State) -> HttpResponse {
    HttpResponse::Ok().content_type(XML).body(views::index(state.links().site(), sitemap::files(&state)))
}

#[get("/sitemaps/pages.xml")]
pub async fn pages(state: State) -> HttpResponse {
    HttpResponse::Ok().content_type(XML).body(views::pages(state.links().site()))
}

/// One file of profiles, streamed as the database is read.
#[get("/sitemaps/clinicians-{number}.xml")]
pub async fn profiles(state: State, number: Path<usize>) -> Result<HttpResponse, HtmlError> {
    let number = number.into_inner();
    if number == 0 || number > sitemap::files(&state) {
        return Err(AppError::NotFound.into());
    }
    let site = state.links().site().to_string();
    let urls = sitemap::listings_in_file(state.into_inner(), number).map(move |batch| {
        batch.map(|listings| {
            let urls: String = listings
                .into_iter()
                .map(|(id, changed)| views::page_urls(&site, &format!("/clinicians/{id}"), Some(changed)))
                .collect();
            Bytes::from(urls)
        })
    });
    let whole = futures_util::stream::once(async { Ok(Bytes::from_static(views::URLSET_START.as_bytes())) })
        .chain(urls)
        .chain(futures_util::stream::once(async { Ok(Bytes::from_static(views::URLSET_END.as_bytes())) }));
    Ok(HttpResponse::Ok().content_type(XML).streaming(whole))
}
