//! Conditional requests: a read answers with an `ETag` (a hash of what it
//! sends) and, when it knows, `Last-Modified`; a client that already holds
//! that version gets `304 Not Modified` and no body.

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

/// A weak validator: the same body may go out compressed or not.
fn etag_of(body: &[u8]) -> String {
    format!("W/\"{}\"", &hex::encode(Sha256::digest(body))[..24])
}

/// Whether the request's validators say the client holds this version:
/// `If-None-Match` when sent, else `If-Modified-Since`.
fn not_modified(req: &HttpRequest, etag: &str, last_modified: Option<DateTime<Utc>>) -> bool {
    let headers = req.headers();
    if let Some(tags) = headers.get(header::IF_NONE_MATCH).and_then(|value| value.to_str().ok()) {
        let weak = |tag: &str| tag.trim().trim_start_matches("W/").to_string();
        return tags.split(',').any(|tag| tag.trim() == "*" || weak(tag) == weak(etag));
    }
    let since = headers.get(header::IF_MODIFIED_SINCE).and_then(|value| value.to_str().ok());
    match (since.and_then(|text| DateTime::parse_from_rfc2822(text).ok()), last_modified) {
        (Some(since), Some(modified)) => modified.timestamp() <= since.timestamp(),
        _ => false,
    }
}

/// `body` as a `200` of `content_type` with its validators, or a `304`
/// when the client already holds it.
pub fn respond(
    req: &HttpRequest,
    status: StatusCode,
    content_type: &str,
    body: Vec<u8>,
    last_modified: Option<DateTime<Utc>>,
) -> HttpResponse {
    let etag = etag_of(&body);
    let modified = last_modified.map(|time| time.format("%a, %d %b %Y %H:%M:%S GMT").to_string());
    let fresh = status == StatusCode::OK && not_modified(req, &etag, last_modified);
    let mut response = if fresh { HttpResponse::NotModified() } else { HttpResponse::build(status) };
    response.insert_header((header::ETAG, etag));
    if let Some(modified) = modified.and_then(|text| HeaderValue::from_str(&text).ok()) {
        response.insert_header((header::LAST_MODIFIED, modified));
    }
    if fresh {
        response.finish()
    } else {
        response.content_type(content_type).body(body)
    }
}
