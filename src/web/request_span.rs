//! The span every request's log lines carry: method, route, the redacted
//! target, the client's address as `client` worked it out, and the status.
//! Secrets in paths (manage, recovery and invitation links) never reach it.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::{Error, HttpMessage};
use tracing::Span;
use tracing_actix_web::{DefaultRootSpanBuilder, RequestId, RootSpanBuilder};

use super::client::{self, ClientAddress};
use super::State;

/// The shortest run of hex digits taken for a secret: every link secret is
/// 64, while listing numbers and the parts of a UUID are far shorter.
const SECRET_MIN_HEX: usize = 32;

/// `target` with every secret-like run of hex digits replaced.
pub fn redacted(target: &str) -> String {
    let mut out = String::with_capacity(target.len());
    let mut run = String::new();
    for character in target.chars().chain(std::iter::once('\0')) {
        if character.is_ascii_hexdigit() {
            run.push(character);
            continue;
        }
        out.push_str(if run.len() >= SECRET_MIN_HEX { "[redacted]" } else { &run });
        run.clear();
        if character != '\0' {
            out.push(character);
        }
    }
    out
}

pub struct RequestSpan;

impl RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let trusted = request.app_data::<State>().map(|state| state.settings.trusted_proxies.as_slice()).unwrap_or(&[]);
        let client = client::resolve(request.peer_addr().map(|peer| peer.ip()), request.headers(), trusted);
        request.extensions_mut().insert::<ClientAddress>(client);
        let request_id = request.extensions().get::<RequestId>().copied();
        let target = request.uri().path_and_query().map_or_else(String::new, |target| redacted(target.as_str()));
        tracing::info_span!(
            "HTTP request",
            http.method = %request.method(),
            http.target = %target,
            http.client_ip = %client,
            http.status_code = tracing::field::Empty,
            request_id = %request_id.map(|id| id.to_string()).unwrap_or_default(),
            otel.status_code = tracing::field::Empty,
            exception.message = tracing::field::Empty,
            exception.details = tracing::field::Empty,
        )
    }

    /// Records the status, and at `debug` logs one line a request: an access log.
    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, Error>) {
        DefaultRootSpanBuilder::on_request_end(span.clone(), outcome);
        span.in_scope(|| tracing::debug!("answered"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_in_paths_are_redacted_and_ids_are_kept() {
        let token = "0123456789abcdef".repeat(4);
        assert_eq!(redacted(&format!("/es/manage/{token}/withdraw")), "/es/manage/[redacted]/withdraw");
        assert_eq!(redacted(&format!("/manage/recover/{token}")), "/manage/recover/[redacted]");
        assert_eq!(redacted(&format!("/moderate/invite/{token}?x=1")), "/moderate/invite/[redacted]?x=1");
        let uuid = "/hsds/services/1b4e28ba-2fa1-11d2-883f-0016d3cca427";
        assert_eq!(redacted(uuid), uuid);
        assert_eq!(redacted("/clinicians/12345?near=97201"), "/clinicians/12345?near=97201");
    }
}
