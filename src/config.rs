//! Typed settings from the environment (see `.env.example`). `Debug` names
//! the backend but never prints the database URL, which may hold a password.

use std::time::Duration;

use anyhow::{bail, Context};

use crate::db::Database;
use crate::domain::token::{SessionKey, SESSION_KEY_MIN_LEN};
use crate::mail::{MailTransport, SmtpUrl};

#[derive(Clone)]
pub struct Settings {
    pub database: Database,
    pub bind: String,
    /// The address people reach the service at, used to build manage links.
    pub public_url: Option<String>,
    pub cookie_secure: bool,
    /// Signs session cookies; required when `BENZOWISE_ENV=production`.
    pub session_key: SessionKey,
    pub session_ttl: Duration,
    /// A session ends after this long without a request.
    pub session_idle: Duration,
    /// Every moderator must have two factors on before doing anything else
    /// (`BENZOWISE_ENV=production`).
    pub require_two_factor: bool,
    pub pool_size: u32,
    pub login_max_failures: u32,
    pub login_window: Duration,
    pub submissions_per_hour: u32,
    pub reports_per_hour: u32,
    /// Reads of the public API, `/hsds` and `/fhir` a client may make in a minute; 0 for no limit.
    pub read_requests_per_minute: u32,
    /// The reverse proxies whose `Forwarded` and `X-Forwarded-For` name the client.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// The bearer token `/metrics` asks for, when set.
    pub metrics_token: Option<String>,
    /// How often the search index applies changes made by other instances.
    pub search_sync_interval: Duration,
    /// The longest a request may wait on the database before the client gets a 503.
    pub request_timeout: Duration,
    /// How long a client may take to send a request's head before a 408.
    pub client_timeout: Duration,
    pub mail: MailSettings,
}

/// Mail: where it goes, who it is from, and the rhythms of what is sent.
#[derive(Debug, Clone)]
pub struct MailSettings {
    pub transport: MailTransport,
    pub from: String,
    /// How often the outbox looks for mail to send.
    pub poll_interval: Duration,
    /// At most one digest to moderators in this time.
    pub digest_every: Duration,
    /// A listing is due for confirmation this long after the last one.
    pub confirm_every_days: u32,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Settings")
            .field("backend", &self.database.backend_name())
            .field("bind", &self.bind)
            .field("public_url", &self.public_url)
            .field("cookie_secure", &self.cookie_secure)
            .field("session_ttl", &self.session_ttl)
            .field("session_idle", &self.session_idle)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("pool_size", &self.pool_size)
            .field("mail", &self.mail)
            .finish_non_exhaustive()
    }
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

fn number<T: std::str::FromStr>(name: &str, default: T) -> anyhow::Result<T>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    match var(name) {
        Some(text) => text.parse().with_context(|| format!("{name} must be a number, not {text:?}")),
        None => Ok(default),
    }
}

fn flag(name: &str, default: bool) -> anyhow::Result<bool> {
    match var(name).as_deref() {
        None => Ok(default),
        Some("0" | "false") => Ok(false),
        Some("1" | "true") => Ok(true),
        Some(other) => bail!("{name} must be true or false, not {other:?}"),
    }
}

impl Settings {
    pub fn from_env() -> anyhow::Result<Settings> {
        let production = match var("BENZOWISE_ENV").as_deref() {
            None | Some("development") => false,
            Some("production") => true,
            Some(other) => bail!("BENZOWISE_ENV must be development or production, not {other:?}"),
        };
        Ok(Settings {
            database: Database::from_url(&var("DATABASE_URL").unwrap_or_else(|| "benzowise.db".into()))?,
            bind: var("BIND").unwrap_or_else(|| "127.0.0.1:8080".into()),
            public_url: var("PUBLIC_URL").map(|u| u.trim_end_matches('/').to_string()),
            cookie_secure: flag("COOKIE_SECURE", production)?,
            session_key: session_key(production)?,
            session_ttl: Duration::from_secs(60 * number("SESSION_TTL_MINUTES", 480u64)?),
            session_idle: Duration::from_secs(60 * number("SESSION_IDLE_MINUTES", 60u64)?.max(1)),
            require_two_factor: production,
            pool_size: number("DATABASE_POOL_SIZE", 8)?,
            login_max_failures: number("LOGIN_MAX_FAILURES", 5)?,
            login_window: Duration::from_secs(number("LOGIN_WINDOW_SECONDS", 900)?),
            submissions_per_hour: number("SUBMISSIONS_PER_HOUR", 20)?,
            reports_per_hour: number("REPORTS_PER_HOUR", 30)?,
            read_requests_per_minute: number("READ_REQUESTS_PER_MINUTE", 600)?,
            trusted_proxies: trusted_proxies(var("TRUSTED_PROXIES").as_deref().unwrap_or(""))?,
            metrics_token: var("METRICS_TOKEN"),
            search_sync_interval: Duration::from_millis(number("SEARCH_SYNC_MS", 1000u64)?.max(10)),
            request_timeout: Duration::from_secs(number("REQUEST_TIMEOUT_SECONDS", 30)?),
            client_timeout: Duration::from_secs(number("CLIENT_TIMEOUT_SECONDS", 10)?),
            mail: mail_settings()?,
        })
    }
}

/// `TRUSTED_PROXIES`: addresses or CIDR blocks, separated by commas or spaces.
fn trusted_proxies(list: &str) -> anyhow::Result<Vec<ipnet::IpNet>> {
    list.split([',', ' '])
        .filter(|item| !item.is_empty())
        .map(|item| {
            item.parse::<ipnet::IpNet>()
                .or_else(|_| item.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .with_context(|| {
                    format!("TRUSTED_PROXIES: {item:?} is neither an address nor a CIDR block such as 10.0.0.0/8")
                })
        })
        .collect()
}

/// `SMTP_URL`, or `.eml` files in `MAIL_DIR` (default: `mail/` beside the database).
fn mail_settings() -> anyhow::Result<MailSettings> {
    let transport = match var("SMTP_URL") {
        Some(url) => MailTransport::Smtp(SmtpUrl::new(url)),
        None => {
            let beside_database = var("DATABASE_URL")
                .filter(|url| !url.starts_with("postgres"))
                .map(|url| std::path::PathBuf::from(url.trim_start_matches("sqlite://")))
                .and_then(|file| file.parent().map(|dir| dir.join("mail")))
                .unwrap_or_else(|| "mail".into());
            MailTransport::Files(var("MAIL_DIR").map_or(beside_database, Into::into))
        }
    };
    Ok(MailSettings {
        transport,
        from: var("MAIL_FROM").unwrap_or_else(|| "benzowise <no-reply@benzowise.invalid>".into()),
        poll_interval: Duration::from_millis(number("MAIL_POLL_MS", 2000u64)?.max(10)),
        digest_every: Duration::from_secs(60 * number("MODERATOR_DIGEST_MINUTES", 60u64)?),
        confirm_every_days: number("CONFIRM_EVERY_DAYS", 365)?,
    })
}

/// `SESSION_KEY`, checked without ever echoing it. Outside production a missing
/// key is replaced by a random one, so sessions end when the process does.
fn session_key(production: bool) -> anyhow::Result<SessionKey> {
    match var("SESSION_KEY") {
        Some(key) => SessionKey::new(&key).with_context(|| {
            format!("SESSION_KEY is too short: use at least {SESSION_KEY_MIN_LEN} random characters, such as the output of `openssl rand -hex 32`")
        }),
        None if production => bail!(
            "SESSION_KEY is required when BENZOWISE_ENV=production: set it to at least {SESSION_KEY_MIN_LEN} random characters, such as the output of `openssl rand -hex 32`"
        ),
        None => Ok(SessionKey::random()),
    }
}
