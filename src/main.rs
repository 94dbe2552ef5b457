use clap::Parser;

/// glibc's allocator spent half of start-up consolidating free chunks while
/// the search index loaded; mimalloc does not, and fragments less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use benzowise::cli::{self, Cli};
use benzowise::config::Settings;

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    dotenvy::dotenv().ok();
    benzowise::telemetry::init();
    let cli = Cli::parse();
    let settings = Settings::from_env()?;
    cli::run(cli, settings).await
}
