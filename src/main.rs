//! The `chargegate` command: `serve` (the default) runs the central system, `migrate` brings
//! the database schema up to date and exits.

use std::io::IsTerminal;

use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

use chargegate::{App, Settings, config::redact_url, store::Store};

#[derive(Parser)]
#[command(
    name = "chargegate",
    version,
    about = "OCPP 1.6J central system for EV charging stations"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    settings: Settings,
}

#[derive(Subcommand)]
enum Command {
    /// Run the central system (what a bare `chargegate` does).
    Serve,
    /// Apply pending database migrations, then exit.
    Migrate,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_ansi(std::io::stdout().is_terminal())
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| {
            EnvFilter::new("info,sqlx=warn,sea_orm=warn,sea_orm_migration=warn")
        }))
        .init();
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => App::build(cli.settings).await?.run_until_signalled().await,
        Command::Migrate => {
            let store = Store::open(&cli.settings).await?;
            store.close().await;
            tracing::info!(database = %redact_url(&cli.settings.database_url), "migrations applied");
            Ok(())
        }
    }
}
