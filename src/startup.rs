//! Builds the application, binds its listener (port 0 in tests) and runs it.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use futures_util::future::Either;
use futures_util::StreamExt;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::dev::{Payload, Server, Service, ServiceRequest};
use actix_web::error::PayloadError;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::{header, Method};
use actix_web::middleware::{from_fn, DefaultHeaders, Next};
use actix_web::{web, App, HttpMessage, HttpRequest, HttpResponse, HttpServer, ResponseError};
use tracing_actix_web::{RequestId, TracingLogger};

use crate::app::hsds::ids::ListingIds;
use crate::app::{digest, AppState};
use crate::config::Settings;
use crate::db;
use crate::error::{AppError, FhirError};
use crate::mail::Mailer;
use crate::places::Gazetteer;
use crate::search::sync::SearchSync;
use crate::views::locale::Locale;
use crate::web::request_span::RequestSpan;

/// Request line and headers together; actix-web's own ceiling is far higher.
const MAX_REQUEST_HEAD_BYTES: usize = 16 * 1024;

pub struct Application {
    port: u16,
    server: Server,
}

impl Application {
    /// Connects, migrates and binds; the server starts when `run_until_stopped` is awaited.
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        let pool = db::pool(&settings.database, settings.pool_size)?;
        let setup_pool = pool.clone();
        // Parsing the gazetteer takes a few tenths of a second: do it while the index loads.
        std::thread::spawn(Gazetteer::shared);
        let public_url = settings.public_url.clone();
        let (applied, hsds_ids, search, load_time) = web::block(move || -> anyhow::Result<_> {
            let mut conn = setup_pool.get()?;
            let applied = db::migrate(&mut conn)?;
            let hsds_ids = ListingIds::of_directory(&mut conn, public_url.as_deref())?;
            drop(conn);
            let started = std::time::Instant::now();
            Ok((applied, hsds_ids, SearchSync::load(&setup_pool)?, started.elapsed()))
        })
        .await??;
        if !applied.is_empty() {
            tracing::info!(?applied, "migrations applied");
        }
        tracing::info!(listings = search.index.len(), ?load_time, "search index loaded");
        let listener = TcpListener::bind(&settings.bind)
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", settings.bind))?;
        let port = listener.local_addr()?.port();
        let mailer = Mailer::new(&settings.mail.transport, &settings.mail.from)?;
        tracing::info!(transport = ?settings.mail.transport, "mail goes out through this transport");
        let state = web::Data::new(AppState::new(pool, settings, Arc::new(search), mailer, hsds_ids));
        actix_web::rt::spawn(keep_search_in_step(state.clone()));
        actix_web::rt::spawn(send_mail(state.clone()));
        actix_web::rt::spawn(keep_listings_fresh(state.clone()));
        actix_web::rt::spawn(share_rate_limits(state.clone()));
        let server = run(listener, state)?;
        Ok(Application { port, server })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// Delivers the outbox's due mail, and runs the sweeps that write mail.
async fn send_mail(state: web::Data<AppState>) {
    let mut ticks = actix_web::rt::time::interval(state.settings.mail.poll_interval);
    loop {
        ticks.tick().await;
        let (mail_from, links, every) =
            (state.settings.mail.from.clone(), state.links(), state.settings.mail.digest_every);
        let digests = state.db(move |conn| Ok(digest::write_due(conn, &mail_from, &links, every, db::now())?)).await;
        if let Err(error) = digests {
            tracing::warn!(%error, "the moderators' digest could not be written");
        }
        if let Err(error) = crate::app::outbox::deliver_due(&state).await {
            tracing::warn!(%error, "the outbox could not be read");
        }
    }
}

/// How often `serve` sends due confirmation reminders and lapses overdue listings.
const FRESHNESS_SWEEP_EVERY: Duration = Duration::from_secs(5 * 60);

/// The freshness sweep, from start-up on; several instances may run it at once.
async fn keep_listings_fresh(state: web::Data<AppState>) {
    let mut ticks = actix_web::rt::time::interval(FRESHNESS_SWEEP_EVERY);
    loop {
        ticks.tick().await;
        match crate::app::freshness::sweep(&state, chrono::Utc::now().date_naive()).await {
            Ok(report) if !report.done.is_empty() => tracing::info!(%report, "freshness sweep"),
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "the freshness sweep failed"),
        }
    }
}

/// How often read counts are shared with other instances, and ended windows swept.
const SHARE_READS_EVERY: Duration = Duration::from_secs(1);
const SWEEP_LIMITS_EVERY_TICKS: u32 = 60;

/// Shares this instance's read counts every second and sweeps ended
/// rate-limit windows every minute.
async fn share_rate_limits(state: web::Data<AppState>) {
    let mut ticks = actix_web::rt::time::interval(SHARE_READS_EVERY);
    for tick in 0u32.. {
        ticks.tick().await;
        let shared = state.clone();
        let sweep = tick % SWEEP_LIMITS_EVERY_TICKS == 0;
        let done = state
            .db(move |conn| {
                shared.reads.share(conn, crate::app::sessions::unix_now())?;
                if sweep {
                    db::rate_limits::sweep(conn, db::now())?;
                }
                Ok(())
            })
            .await;
        if let Err(error) = done {
            tracing::warn!(%error, "rate limits could not be shared");
        }
    }
}

/// Applies changes made by other instances sharing the database.
async fn keep_search_in_step(state: web::Data<AppState>) {
    let mut ticks = actix_web::rt::time::interval(state.settings.search_sync_interval);
    loop {
        ticks.tick().await;
        let sync = state.search.clone();
        if let Err(error) = state.db(move |conn| Ok(sync.catch_up(conn)?)).await {
            tracing::warn!(%error, "search index could not catch up");
        }
    }
}

fn security_headers(settings: &Settings) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "no-referrer"))
        .add(("X-Frame-Options", "DENY"))
        .add((
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ))
        .add(("Permissions-Policy", "geolocation=(self), camera=(), microphone=()"))
        .add(("Cross-Origin-Opener-Policy", "same-origin"));
    if settings.cookie_secure {
        headers.add(("Strict-Transport-Security", "max-age=31536000; includeSubDomains"))
    } else {
        headers
    }
}

/// Private answers (a clinician's listing, the moderators' workbench, a
/// recovery, a claim, the history sheet) and every answer to an unsafe
/// method are never stored by a browser or a cache.
fn is_private(method: &Method, path: &str) -> bool {
    const PRIVATE: [&str; 7] = [
        "/manage",
        "/moderate",
        "/history",
        "/api/v1/manage",
        "/api/v1/moderation",
        "/api/v1/moderator",
        "/api/v1/submissions",
    ];
    let claim = path.starts_with("/clinicians/") && path.contains("/claim");
    !matches!(*method, Method::GET | Method::HEAD) || claim || PRIVATE.iter().any(|prefix| path.starts_with(prefix))
}

/// Reads counted against `READ_REQUESTS_PER_MINUTE`: the public API, `/hsds` and `/fhir`.
fn is_counted_read(method: &Method, path: &str) -> bool {
    let public_api = path.starts_with("/api/") && !is_private(method, path);
    matches!(*method, Method::GET | Method::HEAD)
        && (public_api || path.starts_with("/hsds/") || path.starts_with("/fhir/"))
}

/// Refuses a read past the client's limit (as the route's kind of error),
/// and marks private answers `no-store`.
async fn limit_reads_and_keep_private(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let private = is_private(req.method(), req.path());
    if let (true, Some(state)) = (is_counted_read(req.method(), req.path()), req.app_data::<web::Data<AppState>>()) {
        let client = crate::web::client::client_address(req.request()).to_string();
        if let Err(error) = state.reads.hit(&client, crate::app::sessions::unix_now()) {
            let fhir = req.path().starts_with("/fhir/");
            return Ok(req.into_response(if fhir {
                FhirError(error).error_response()
            } else {
                error.error_response()
            }));
        }
    }
    let mut response = next.call(req).await?.map_into_boxed_body();
    if private {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    Ok(response)
}

/// The 431 for a request line and headers over `MAX_REQUEST_HEAD_BYTES`.
fn oversized_head(req: &ServiceRequest) -> Option<AppError> {
    let target = req.uri().path_and_query().map_or(0, |target| target.as_str().len());
    let headers: usize = req.headers().iter().map(|(name, value)| name.as_str().len() + value.len() + 4).sum();
    (target + headers > MAX_REQUEST_HEAD_BYTES).then_some(AppError::HeadersTooLarge { limit: MAX_REQUEST_HEAD_BYTES })
}

/// A request's body must arrive within `limit` of its head; after that, reading
/// it fails with `TimedOut` (a 408 for JSON bodies), so a trickling client
/// cannot hold a request open for ever.
fn with_body_deadline(req: ServiceRequest, limit: Duration) -> ServiceRequest {
    let has_body =
        req.headers().contains_key(header::CONTENT_LENGTH) || req.headers().contains_key(header::TRANSFER_ENCODING);
    if !has_body {
        return req;
    }
    let deadline = actix_web::rt::time::Instant::now() + limit;
    let (request, payload) = req.into_parts();
    let timed = futures_util::stream::unfold(Some(payload), move |payload| async move {
        let mut payload = payload?;
        let left = deadline.saturating_duration_since(actix_web::rt::time::Instant::now());
        match actix_web::rt::time::timeout(left, payload.next()).await {
            Ok(Some(chunk)) => Some((chunk, Some(payload))),
            Ok(None) => None,
            Err(_) => {
                let late = std::io::Error::new(std::io::ErrorKind::TimedOut, "the request body took too long");
                Some((Err(PayloadError::Io(late)), None))
            }
        }
    });
    ServiceRequest::from_parts(request, Payload::Stream { payload: Box::pin(timed) })
}

/// `HEAD` is answered as `GET` is: the connection's encoder still knows the
/// request was `HEAD` and sends the headers without the body.
fn head_as_get(mut req: ServiceRequest) -> ServiceRequest {
    if req.method() == Method::HEAD {
        req.head_mut().method = Method::GET;
    }
    req
}

/// Unknown addresses: a problem document under `/api`, a page elsewhere; a
/// documented API address asked with another method gets 405 and `Allow`.
async fn not_found(req: HttpRequest) -> HttpResponse {
    if let Some(allow) = crate::web::api::allowed_methods(req.method().as_str(), req.path()) {
        AppError::MethodNotAllowed { allow }.error_response()
    } else if req.path().starts_with("/api/") {
        AppError::NotFound.error_response()
    } else {
        let locale = req.extensions().get::<Locale>().cloned().unwrap_or_else(Locale::english);
        crate::web::html::HtmlError(AppError::NotFound).page(&locale)
    }
}

/// An address whose parts do not fit its route (`/clinicians/abc`): not
/// found, said as the API says it under its prefixes and as a page elsewhere.
fn not_found_here(path: &str) -> actix_web::Error {
    if ["/api/", "/hsds/", "/fhir/"].iter().any(|prefix| path.starts_with(prefix)) {
        AppError::NotFound.into()
    } else {
        crate::web::html::HtmlError(AppError::NotFound).into()
    }
}

/// Names the request's id in the answer, and counts the answer for `/metrics`.
async fn tag_and_count(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let request_id = req.extensions().get::<RequestId>().copied();
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let mut response = next.call(req).await?;
    if let Some(value) = request_id.and_then(|id| HeaderValue::from_str(&id.to_string()).ok()) {
        response.headers_mut().insert(HeaderName::from_static("x-request-id"), value);
    }
    if let Some(state) = state {
        state.metrics.count_response(response.status().as_u16());
    }
    Ok(response)
}

pub fn run(listener: TcpListener, state: web::Data<AppState>) -> anyhow::Result<Server> {
    let client_timeout = state.settings.client_timeout;
    // Blocking threads only wait for database connections beyond the pool's
    // size; each idle one also keeps its allocator's memory.
    let blocking_threads = state.settings.pool_size as usize;
    let server = HttpServer::new(move || {
        App::new()
            // Innermost, so it sees the path without its language prefix.
            .wrap(from_fn(limit_reads_and_keep_private))
            .wrap_fn(|req, srv| {
                let response = srv.call(crate::web::language::read(req));
                async move { Ok(crate::web::language::finish(response.await?)) }
            })
            .wrap_fn(|req, srv| srv.call(head_as_get(req)))
            .wrap_fn(move |req, srv| srv.call(with_body_deadline(req, client_timeout)))
            .wrap_fn(|req, srv| {
                let response = match oversized_head(&req) {
                    Some(error) if req.path().starts_with("/fhir/") => {
                        Either::Left(std::future::ready(Ok(req.into_response(FhirError(error).error_response()))))
                    }
                    Some(error) => Either::Left(std::future::ready(Ok(req.into_response(error.error_response())))),
                    None => Either::Right(srv.call(req)),
                };
                async move { Ok(response.await?.map_into_boxed_body()) }
            })
            .wrap(security_headers(&state.settings))
            .wrap(from_fn(tag_and_count))
            // gzip or brotli, as the client accepts: a results page is a quarter of its size.
            .wrap(actix_web::middleware::Compress::default())
            .wrap(TracingLogger::<RequestSpan>::new())
            .app_data(state.clone())
            .app_data(web::PathConfig::default().error_handler(|_, req| not_found_here(req.path())))
            .app_data(web::QueryConfig::default().error_handler(|error, _| {
                AppError::Validation(vec![crate::error::FieldError::untranslated("query", &error.to_string())]).into()
            }))
            .configure(crate::web::api::routes)
            .configure(crate::web::hsds::routes)
            .configure(crate::web::fhir::routes)
            .configure(crate::web::html::routes)
            .default_service(web::to(not_found))
    })
    .client_request_timeout(client_timeout)
    .worker_max_blocking_threads(blocking_threads)
    .shutdown_timeout(30)
    .listen(listener)?
    .run();
    Ok(server)
}
