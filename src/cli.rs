//! The `benzowise` command line.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use anyhow::{bail, Context};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use crate::app::accounts::MIN_PASSWORD;
use crate::app::freshness::{self, SweepSettings};
use crate::app::seed::{self, Publication, SeedBatch};
use crate::app::{fhir, hsds, listings, nppes, Links};
use crate::config::Settings;
use crate::db::events::{Actor, Event, Subject};
use crate::db::listings::Listing;
use crate::db::moderators::Moderator;
use crate::db::{self, AnyConnection};
use crate::domain::listing::Provenance;
use crate::domain::moderation::{AuditAction, Role};
use crate::domain::nppes::file::LoadKind;
use crate::places::Gazetteer;
use crate::startup::Application;

#[derive(Debug, Parser)]
#[command(name = "benzowise", version, about = "A moderated directory of benzo-wise clinicians")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run migrations, then serve the site and the API.
    Serve {
        /// Load the fictional demo listings when the directory is empty.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations.
    Migrate,
    /// Load listings from a JSON or CSV file; prints each listing's manage token.
    Seed {
        file: PathBuf,
        /// Publish the listings at once, or leave them for moderators.
        #[arg(long, value_enum, default_value = "approved")]
        status: SeedStatus,
        /// Mark the listings as fictional demo listings.
        #[arg(long)]
        demo: bool,
    },
    /// Manage moderator accounts.
    Moderator {
        #[command(subcommand)]
        command: ModeratorCommand,
    },
    /// Copy a SQLite database, while it is in use, to a new file (PostgreSQL: use pg_dump).
    Backup { path: PathBuf },
    /// Write the approved directory (public fields only): CSV and JSON to
    /// standard output, the open standards' packages to PATH.
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Where a package goes (a .zip for HSDS, a directory for FHIR NDJSON).
        path: Option<PathBuf>,
    },
    /// Read another directory's listings as pending submissions, for moderators to review.
    Import {
        #[arg(long, value_enum)]
        format: ImportFormat,
        /// The package: a .zip file or a directory of its files.
        path: PathBuf,
        /// Write the refused services here as CSV, in the columns `seed`
        /// reads, with each one's problems, to fix and load again.
        #[arg(long)]
        rejects: Option<PathBuf>,
        /// Import nothing when any service is refused.
        #[arg(long)]
        strict: bool,
        /// Report what would be imported, and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// The national provider registry (CMS NPPES) that submissions' NPIs are checked against.
    Nppes {
        #[command(subcommand)]
        command: NppesCommand,
    },
    /// Send due confirmation reminders and lapse overdue listings; safe to run
    /// again, or beside `serve`, which runs it every few minutes.
    Freshness {
        /// Sweep as on this day (YYYY-MM-DD) instead of today, in UTC.
        #[arg(long)]
        as_of: Option<NaiveDate>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ModeratorCommand {
    /// Add a moderator (or set a new password); the password is read from standard input.
    Add {
        name: String,
        /// An admin, who may also invite and disable moderators.
        #[arg(long)]
        admin: bool,
        /// Where the digest of waiting work goes.
        #[arg(long)]
        email: Option<String>,
    },
    /// Turn off a moderator's two factors and recovery codes, and end their
    /// sessions, when they lost both; they set two factors up again at their
    /// next log-in.
    ResetTwoFactor { name: String },
}

#[derive(Debug, Subcommand)]
pub enum NppesCommand {
    /// Load a dissemination file (its zip, or the npidata_pfile CSV). A full
    /// file replaces the registry; a weekly one (named so by CMS, or with
    /// --weekly) updates it.
    Load {
        file: PathBuf,
        /// Take the file for a weekly update whatever its name.
        #[arg(long, conflicts_with = "full")]
        weekly: bool,
        /// Take the file for the full registry whatever its name.
        #[arg(long)]
        full: bool,
    },
    /// Say which file is loaded, of what day, and when it was loaded.
    Status,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SeedStatus {
    Approved,
    Pending,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
    /// An HSDS 3.0 tabular data package (a zip file).
    Hsds,
    /// FHIR R4 Bulk Data: one NDJSON file per resource type in a directory.
    FhirNdjson,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ImportFormat {
    /// An HSDS 3.0 tabular data package.
    Hsds,
}

fn open(settings: &Settings) -> anyhow::Result<AnyConnection> {
    settings
        .database
        .connect()
        .with_context(|| format!("cannot connect to the {} database", settings.database.backend_name()))
}

/// A connection to a database brought up to date first.
fn connect(settings: &Settings) -> anyhow::Result<AnyConnection> {
    let mut conn = open(settings)?;
    db::migrate(&mut conn)?;
    Ok(conn)
}

pub async fn run(cli: Cli, settings: Settings) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve { demo } => serve(settings, demo).await,
        Command::Migrate => {
            let applied = db::migrate(&mut open(&settings)?)?;
            println!("{} migration(s) applied", applied.len());
            Ok(())
        }
        Command::Seed { file, status, demo } => {
            let provenance = if demo { Provenance::Demo } else { Provenance::Clinician };
            seed(&settings, &file, status, provenance)
        }
        Command::Moderator { command: ModeratorCommand::ResetTwoFactor { name } } => {
            let mut conn = connect(&settings)?;
            let reset = db::write_transaction(&mut conn, |conn| {
                let found = Moderator::reset_two_factor(conn, &name)?;
                if found {
                    let operator = Actor::Operator("reset-two-factor");
                    Event::record(
                        conn,
                        &operator,
                        AuditAction::ResetTwoFactor.as_str(),
                        Subject::default(),
                        Some(&name),
                        &[],
                    )?;
                }
                Ok::<_, diesel::result::Error>(found)
            })?;
            if !reset {
                bail!("there is no moderator named {name:?}");
            }
            println!("two factors of {name} are off; they set them up again at their next log-in");
            Ok(())
        }
        Command::Moderator { command: ModeratorCommand::Add { name, admin, email } } => {
            let role = if admin { Role::Admin } else { Role::Moderator };
            add_moderator(&settings, &name, role, email.as_deref())
        }
        Command::Backup { path } => {
            let mut conn = open(&settings)?;
            db::backup(&mut conn, &path)?;
            println!("backed up to {}", path.display());
            Ok(())
        }
        Command::Export { format, path } => export(&settings, format, path),
        Command::Import { format: ImportFormat::Hsds, path, rejects, strict, dry_run } => {
            import_hsds(&settings, &path, rejects.as_deref(), hsds::import::Options { strict, dry_run })
        }
        Command::Nppes { command } => nppes(&settings, command),
        Command::Freshness { as_of } => {
            let mut conn = connect(&settings)?;
            let as_of = as_of.unwrap_or_else(|| chrono::Utc::now().date_naive());
            let report = freshness::sweep_with(&mut conn, &SweepSettings::of(&settings), as_of)?;
            println!("{report}");
            Ok(())
        }
    }
}

/// How many rows a long command handles between two updates of its progress bar.
const PROGRESS_STEP: usize = 1000;

/// A progress bar on standard error with the rate and the time left. indicatif
/// draws nothing when standard error is not a terminal, so scripts and CI logs
/// stay clean.
pub fn progress_bar(rows: u64, what: &'static str) -> ProgressBar {
    let bar = ProgressBar::new(rows);
    if let Ok(style) = ProgressStyle::with_template("{msg} {wide_bar} {human_pos}/{human_len} · {per_sec} · {eta} left")
    {
        bar.set_style(style);
    }
    bar.set_message(what);
    bar
}

/// Loads listings from a file and prints each one's manage token as CSV.
fn seed(settings: &Settings, file: &std::path::Path, status: SeedStatus, provenance: Provenance) -> anyhow::Result<()> {
    let batch = SeedBatch::read(file)?;
    // A file may mark its listings as demo ones itself.
    let provenance = if batch.demo { Provenance::Demo } else { provenance };
    let publication = match status {
        SeedStatus::Approved => Publication::Approved,
        SeedStatus::Pending => Publication::Pending,
    };
    let mut listings = batch.parse(Gazetteer::shared())?;
    let mut conn = connect(settings)?;
    let bar = progress_bar(listings.len() as u64, "seed");
    let mut loaded = Vec::with_capacity(listings.len());
    while !listings.is_empty() {
        let rest = listings.split_off(listings.len().min(PROGRESS_STEP));
        let batch = std::mem::replace(&mut listings, rest);
        loaded.extend(seed::load(&mut conn, batch, publication, provenance)?);
        bar.set_position(loaded.len() as u64);
    }
    bar.finish_and_clear();
    print_tokens(&loaded)?;
    eprintln!("{} listing(s) loaded as {status:?}", loaded.len());
    Ok(())
}

/// Writes the approved directory in `format`: CSV and JSON to standard
/// output, packages to `path`.
fn export(settings: &Settings, format: ExportFormat, path: Option<PathBuf>) -> anyhow::Result<()> {
    let mut conn = connect(settings)?;
    let text = match (format, path) {
        (ExportFormat::Csv | ExportFormat::Json, Some(path)) => {
            bail!("--format csv and json write to standard output; leave out {}", path.display())
        }
        (ExportFormat::Hsds, None) => bail!("--format hsds needs the path of the zip file to write"),
        (ExportFormat::Hsds, Some(path)) => {
            let ids = hsds::ids::ListingIds::of_directory(&mut conn, settings.public_url.as_deref())?;
            let publisher = hsds::Publisher::of(ids, Links::of(settings));
            let bar = progress_bar(Listing::count_public(&mut conn)? as u64, "export");
            let written = hsds::package::export(&mut conn, &publisher, &path, |done| bar.set_position(done as u64))?;
            bar.finish_and_clear();
            eprintln!("{written} listing(s) written to {}", path.display());
            return Ok(());
        }
        (ExportFormat::Csv, None) => seed::export_csv(listings::all_public(&mut conn)?)?,
        (ExportFormat::Json, None) => seed::export_json(listings::all_public(&mut conn)?)?,
        (ExportFormat::FhirNdjson, None) => {
            bail!("--format fhir-ndjson writes one file per resource type: name the directory, as in `export --format fhir-ndjson DIR`")
        }
        (ExportFormat::FhirNdjson, Some(dir)) => return export_fhir_ndjson(settings, &mut conn, &dir),
    };
    std::io::stdout().write_all(text.as_bytes())?;
    Ok(())
}

/// The error of a command that did part of its work: the process exits with
/// status 2, after the command said what it did and what it refused.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct PartlyDone(pub String);

/// Imports an HSDS package as pending listings and prints each one's manage
/// token as CSV; what was skipped or refused goes to standard error.
fn import_hsds(
    settings: &Settings,
    path: &std::path::Path,
    rejects: Option<&std::path::Path>,
    options: hsds::import::Options,
) -> anyhow::Result<()> {
    let mut conn = connect(settings)?;
    let mut report = ImportReport {
        bar: progress_bar(0, "import"),
        tokens: tokens_writer()?,
        rejects: rejects.map(seed::Rejects::create).transpose()?,
    };
    let imported = hsds::import::import(&mut conn, path, Gazetteer::shared(), options, &mut report)?;
    report.bar.finish_and_clear();
    report.tokens.flush()?;
    if let (Some(rejects), Some(path)) = (report.rejects, rejects) {
        let written = rejects.finish()?;
        eprintln!("{written} refused service(s) written to {}", path.display());
    }
    eprintln!(
        "{} service(s) imported as pending ({} unclaimed, {} with a profession or specialty to be chosen), \
         {} imported before and left alone, {} skipped, {} refused",
        imported.stored,
        imported.unclaimed,
        imported.to_be_chosen,
        imported.already,
        imported.skipped,
        imported.refused
    );
    match (imported.refused, options) {
        (0, _) => Ok(()),
        (_, hsds::import::Options { dry_run: true, .. }) => {
            Err(PartlyDone("a dry run: nothing was written".into()).into())
        }
        (_, hsds::import::Options { strict: true, .. }) => {
            Err(PartlyDone("nothing was imported (--strict): fix the refused services and try again".into()).into())
        }
        (refused, _) => Err(PartlyDone(format!("{refused} service(s) refused; the others were imported")).into()),
    }
}

/// An import told as it goes: tokens on standard output, skips and refusals
/// on standard error (above the progress bar), refused services in the rejects file.
struct ImportReport {
    bar: ProgressBar,
    tokens: csv::Writer<std::io::Stdout>,
    rejects: Option<seed::Rejects>,
}

impl hsds::import::Report for ImportReport {
    fn stored(&mut self, loaded: &seed::Loaded) -> anyhow::Result<()> {
        write_token(&mut self.tokens, loaded)
    }

    fn skipped(&mut self, what: &str) -> anyhow::Result<()> {
        self.bar.suspend(|| eprintln!("skipped {what}"));
        Ok(())
    }

    fn refused(&mut self, refused: &hsds::import::Refused) -> anyhow::Result<()> {
        self.bar.suspend(|| refused.problems.iter().for_each(|problem| eprintln!("refused {problem}")));
        match &mut self.rejects {
            Some(rejects) => rejects.add(&refused.problems.join("; "), &refused.listing),
            None => Ok(()),
        }
    }

    fn progress(&mut self, read: usize, total: usize) {
        self.bar.set_length(total as u64);
        self.bar.set_position(read as u64);
    }
}

/// Loads an NPPES file with a progress bar of the bytes read, or says what is loaded.
fn nppes(settings: &Settings, command: NppesCommand) -> anyhow::Result<()> {
    let mut conn = connect(settings)?;
    match command {
        NppesCommand::Load { file, weekly, full } => {
            let kind = match (weekly, full) {
                (true, _) => Some(LoadKind::Weekly),
                (_, true) => Some(LoadKind::Full),
                _ => None,
            };
            let bar = ProgressBar::new(0);
            if let Ok(style) =
                ProgressStyle::with_template("nppes {wide_bar} {bytes}/{total_bytes} · {bytes_per_sec} · {eta} left")
            {
                bar.set_style(style);
            }
            let loaded = nppes::load::load(&mut conn, &file, kind, |done, total| {
                bar.set_length(total);
                bar.set_position(done);
            })?;
            bar.finish_and_clear();
            println!("{loaded}");
        }
        NppesCommand::Status => {
            for line in nppes::status_lines(&mut conn)? {
                println!("{line}");
            }
        }
    }
    Ok(())
}

/// Each loaded listing's manage token, as CSV on standard output.
fn print_tokens(loaded: &[seed::Loaded]) -> anyhow::Result<()> {
    let mut out = tokens_writer()?;
    for listing in loaded {
        write_token(&mut out, listing)?;
    }
    out.flush()?;
    Ok(())
}

/// Standard output as the CSV of manage tokens, its header written.
fn tokens_writer() -> anyhow::Result<csv::Writer<std::io::Stdout>> {
    let mut out = csv::Writer::from_writer(std::io::stdout());
    out.write_record(["listing_id", "full_name", "manage_token"])?;
    Ok(out)
}

fn write_token(out: &mut csv::Writer<std::io::Stdout>, listing: &seed::Loaded) -> anyhow::Result<()> {
    out.write_record([&listing.listing_id.to_string(), &listing.full_name, &listing.manage_token])?;
    Ok(())
}

/// Writes the FHIR NDJSON files into `dir`, a batch of listings at a time,
/// and says on standard error how many resources of each type went where.
fn export_fhir_ndjson(settings: &Settings, conn: &mut AnyConnection, dir: &std::path::Path) -> anyhow::Result<()> {
    let bar = progress_bar(Listing::count_public(conn)?.try_into().unwrap_or(0), "export");
    let base = fhir::Base::of(&Links::of(settings));
    let written = fhir::write_ndjson(conn, dir, &base, |listings| bar.inc(listings as u64))?;
    bar.finish_and_clear();
    for (kind, count) in written {
        eprintln!("{count} {} resource(s) in {}", kind.name(), dir.join(format!("{}.ndjson", kind.name())).display());
    }
    Ok(())
}

/// Adds a moderator, or sets a new password, reading it from standard input.
fn add_moderator(settings: &Settings, name: &str, role: Role, email: Option<&str>) -> anyhow::Result<()> {
    let name = name.trim().to_string();
    if name.is_empty() || name.len() > 200 {
        bail!("the moderator name must be 1 to 200 characters");
    }
    if let Some(email) = email {
        email.parse::<lettre::Address>().with_context(|| format!("--email {email:?} is not a mail address"))?;
    }
    let mut password = String::new();
    std::io::stdin().lock().read_line(&mut password)?;
    let password = password.trim_end_matches(['\r', '\n']);
    if password.chars().count() < MIN_PASSWORD {
        bail!("the password must be at least {MIN_PASSWORD} characters");
    }
    let mut conn = connect(settings)?;
    let created = Moderator::upsert(&mut conn, &name, password, role)?;
    if email.is_some() {
        Moderator::set_email(&mut conn, &name, email)?;
    }
    println!("moderator {name} {}", if created { "added" } else { "updated" });
    Ok(())
}

async fn serve(settings: Settings, demo: bool) -> anyhow::Result<()> {
    if demo {
        let mut conn = connect(&settings)?;
        let loaded = actix_web::web::block(move || seed::load_demo_if_empty(&mut conn)).await??;
        if loaded > 0 {
            tracing::info!(loaded, "fictional demo listings loaded");
        }
    }
    let application = Application::build(settings.clone()).await?;
    tracing::info!(bind = %settings.bind, port = application.port(), backend = settings.database.backend_name(), "serving");
    application.run_until_stopped().await?;
    Ok(())
}
