use clap::Parser;

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
