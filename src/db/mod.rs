//! The database: one connection type for SQLite and PostgreSQL, the pool, and
//! the embedded migrations. Each aggregate has its own module of queries.

pub mod claims;
pub mod events;
pub mod listing_claims;
pub mod listings;
pub mod moderators;
pub mod names;
pub mod nppes;
pub mod outbox;
pub mod rate_limits;
pub mod reasons;
pub mod recovery;
pub mod reports;
pub mod schema;
pub mod sessions;
pub mod settings;
pub mod staging;
pub mod submissions;

use chrono::SubsecRound;
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::pg::PgConnection;
use diesel::r2d2::{self, ManageConnection};
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, ConnectionError};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

pub type Pool = r2d2::Pool<Manager>;
pub type PooledConnection = r2d2::PooledConnection<Manager>;

/// Which backend a `DATABASE_URL` names. Its `Debug` hides a password.
#[derive(Clone, PartialEq, Eq)]
pub enum Database {
    Postgres(String),
    /// A file path (`sqlite://` stripped).
    Sqlite(String),
}

/// A `DATABASE_URL` whose scheme names no backend this service has.
#[derive(Debug, thiserror::Error)]
#[error("DATABASE_URL must be a file path, sqlite://PATH or postgres://…; {scheme}:// is not supported")]
pub struct UnknownScheme {
    scheme: String,
}

impl Database {
    pub fn from_url(url: &str) -> Result<Database, UnknownScheme> {
        match url.split_once("://") {
            Some(("postgres" | "postgresql", _)) => Ok(Database::Postgres(url.to_string())),
            Some(("sqlite", path)) => Ok(Database::Sqlite(path.to_string())),
            // A scheme is letters, digits, `+`, `-` and `.`; anything else before `://` is part of a path.
            Some((scheme, _)) if scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) => {
                Err(UnknownScheme { scheme: scheme.to_string() })
            }
            _ => Ok(Database::Sqlite(url.to_string())),
        }
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            Database::Postgres(_) => "postgresql",
            Database::Sqlite(_) => "sqlite",
        }
    }

    /// Opens a connection with the backend's own error on failure, and sets
    /// SQLite up for concurrent use: WAL, a busy timeout, foreign keys, and
    /// `synchronous=FULL` so that an acknowledged write survives a crash.
    pub fn connect(&self) -> Result<AnyConnection, ConnectionError> {
        match self {
            Database::Postgres(url) => Ok(AnyConnection::Postgresql(PgConnection::establish(url)?)),
            Database::Sqlite(path) => {
                let mut conn = SqliteConnection::establish(path)?;
                conn.batch_execute(
                    "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; \
                     PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;",
                )
                .map_err(ConnectionError::CouldntSetupConfiguration)?;
                Ok(AnyConnection::Sqlite(conn))
            }
        }
    }
}

impl std::fmt::Debug for Database {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Database::Postgres(url) => {
                let shown = match url::Url::parse(url) {
                    Ok(mut parsed) if parsed.password().is_some() => {
                        // Setting a password fails only for URLs that cannot have one.
                        let _cannot_fail = parsed.set_password(Some("***"));
                        parsed.to_string()
                    }
                    Ok(parsed) => parsed.to_string(),
                    Err(_) => "(not a valid URL)".to_string(),
                };
                formatter.debug_tuple("Postgres").field(&shown).finish()
            }
            Database::Sqlite(path) => formatter.debug_tuple("Sqlite").field(path).finish(),
        }
    }
}

/// An r2d2 manager that picks the backend from the URL itself, because
/// `AnyConnection::establish` tries every backend and hides the real error.
#[derive(Debug)]
pub struct Manager(Database);

impl ManageConnection for Manager {
    type Connection = AnyConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<AnyConnection, r2d2::Error> {
        self.0.connect().map_err(r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut AnyConnection) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1").map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut AnyConnection) -> bool {
        false
    }
}

/// Connects (failing with the backend's own message) and builds the pool.
pub fn pool(database: &Database, max_size: u32) -> anyhow::Result<Pool> {
    // Connect once up front so a bad URL or a down server is reported plainly.
    database
        .connect()
        .map_err(|e| anyhow::anyhow!("cannot connect to the {} database: {e}", database.backend_name()))?;
    let pool = r2d2::Pool::builder()
        .max_size(max_size)
        .min_idle(Some(1))
        .connection_timeout(std::time::Duration::from_secs(10))
        .build(Manager(database.clone()))?;
    Ok(pool)
}

/// Applies every pending migration of the connection's backend.
#[tracing::instrument(level = "debug", skip_all)]
pub fn migrate(conn: &mut AnyConnection) -> anyhow::Result<Vec<String>> {
    let applied = match conn {
        AnyConnection::Postgresql(pg) => pg.run_pending_migrations(POSTGRES_MIGRATIONS),
        AnyConnection::Sqlite(sqlite) => sqlite.run_pending_migrations(SQLITE_MIGRATIONS),
    }
    .map_err(|e| anyhow::anyhow!("migration failed: {e}"))?;
    let applied = applied.iter().map(ToString::to_string).collect();
    let named = names::derive_missing(conn)?;
    if named > 0 {
        tracing::info!(named, "family and given names derived from display names");
    }
    Ok(applied)
}

/// Writes a consistent copy of a SQLite database to a new file while it is
/// in use (`VACUUM INTO`). PostgreSQL has its own tools: `pg_dump`.
#[tracing::instrument(level = "debug", skip_all)]
pub fn backup(conn: &mut AnyConnection, path: &std::path::Path) -> anyhow::Result<()> {
    if path.exists() {
        anyhow::bail!("{} already exists; choose a new file", path.display());
    }
    match conn {
        AnyConnection::Sqlite(sqlite) => {
            let target = path.to_str().ok_or_else(|| anyhow::anyhow!("the backup path must be valid UTF-8"))?;
            sqlite.batch_execute(&format!("VACUUM INTO '{}'", target.replace('\'', "''")))?;
            Ok(())
        }
        AnyConnection::Postgresql(_) => {
            anyhow::bail!("for PostgreSQL, use pg_dump: pg_dump --format=custom --file=PATH \"$DATABASE_URL\"")
        }
    }
}

/// Whether the database answers.
#[tracing::instrument(level = "debug", skip_all)]
pub fn ping(conn: &mut AnyConnection) -> bool {
    conn.batch_execute("SELECT 1").is_ok()
}

/// The time stored with every row: UTC without a zone, which both backends keep.
pub fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc().trunc_subsecs(0)
}

/// A transaction that takes SQLite's write lock at its start, so that a
/// read-then-write cannot fail with a stale snapshot under concurrent writers.
/// Inside another transaction it is a savepoint, so a use case can put several
/// writes (a decision and the mail it causes) into one transaction.
pub fn write_transaction<T, E>(
    conn: &mut AnyConnection,
    work: impl FnOnce(&mut AnyConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    let AnyConnection::Sqlite(sqlite) = conn else { return conn.transaction(work) };
    if AnsiTransactionManager::transaction_manager_status_mut(sqlite).transaction_depth()?.is_some() {
        return conn.transaction(work);
    }
    AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")?;
    let outcome = work(conn);
    if let AnyConnection::Sqlite(sqlite) = conn {
        if outcome.is_ok() {
            <AnsiTransactionManager as TransactionManager<SqliteConnection>>::commit_transaction(sqlite)?;
        } else {
            <AnsiTransactionManager as TransactionManager<SqliteConnection>>::rollback_transaction(sqlite)?;
        }
    }
    outcome
}
