use clap::Parser;

/// glibc's allocator spent half of start-up consolidating free chunks while
/// the search index loaded; mimalloc does not, and fragments less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use benzowise::cli::{self, Cli};
use benzowise::config::Settings;

#[actix_web::main]
async fn main() -> std::process::ExitCode {
    dotenvy::dotenv().ok();
    benzowise::telemetry::init();
    let cli = Cli::parse();
    let done = match Settings::from_env() {
        Ok(settings) => cli::run(cli, settings).await,
        Err(error) => Err(error),
    };
    match done {
        Ok(()) => std::process::ExitCode::SUCCESS,
        // Part of the work was done, and said so: status 2.
        Err(error) if error.downcast_ref::<cli::PartlyDone>().is_some() => {
            eprintln!("{error}");
            std::process::ExitCode::from(2)
        }
        Err(error) => {
            eprintln!("Error: {error:?}");
            std::process::ExitCode::FAILURE
        }
    }
}
