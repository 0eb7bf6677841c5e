//! The `chargegate` command: `serve` (the default) runs the central system, `migrate` brings
//! the database schema up to date and exits, `health` asks a running node how it is,
//! `simulate` runs simulated charge points against a server.

use std::io::IsTerminal;

use clap::{Parser, Subcommand};
use tracing_subscriber::{EnvFilter, Layer, util::SubscriberInitExt};

/// mimalloc instead of the system allocator: after a reconnect storm glibc's malloc keeps much
/// of the storm's peak resident (bench/HISTORY.md, scenario a).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use chargegate::{
    App, Settings,
    auth::Role,
    config::{HumanDuration, LogFormat, redact_url},
    store::Store,
};

#[derive(Parser)]
#[command(
    name = "chargegate",
    version,
    about = "OCPP 1.6J and 2.0.1 central system for EV charging stations"
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
    /// Print the GraphQL schema (SDL), as published in graphql/schema.graphql.
    Schema,
    /// Ask a running server for GET /health; exits 0 only when it answers 200 (for container
    /// health checks, without curl in the image).
    Health {
        /// The URL to ask (http only); by default this node's `--listen` port on this host.
        #[arg(long)]
        url: Option<String>,
    },
    /// Run simulated charge points against an OCPP 1.6J or 2.0.1 server and report throughput,
    /// latency and errors (for demos, setup checks and load tests).
    Simulate(Box<chargegate::simulate::SimulateArgs>),
    /// Manage API accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Print a signed API token (for a first login, scripts or integrators).
    Token {
        /// The token's subject (`sub`), e.g. a username.
        #[arg(long)]
        sub: String,
        /// admin, operator, viewer or driver.
        #[arg(long)]
        role: Role,
        /// Lifetime, e.g. 1h or 30d.
        #[arg(long, default_value = "1h")]
        ttl: HumanDuration,
        /// Limit the token to these stations (comma-separated).
        #[arg(long, value_delimiter = ',')]
        stations: Option<Vec<String>>,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account. The password is read from CHARGEGATE_PASSWORD, or from standard input.
    Add {
        #[arg(long)]
        username: String,
        /// admin, operator, viewer or driver.
        #[arg(long)]
        role: Role,
        /// Limit the account to these stations (comma-separated).
        #[arg(long, value_delimiter = ',')]
        stations: Option<Vec<String>>,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    // Logs go to standard error; standard output is for what a command prints (a token, the
    // schema).
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn,sea_orm_migration=warn"));
    let logs = tracing_subscriber::fmt::layer().with_writer(std::io::stderr);
    let logs = match cli.settings.log_format {
        LogFormat::Text => logs.with_ansi(std::io::stderr().is_terminal()).boxed(),
        // One JSON object a line: timestamp, level, fields (with message), target, spans.
        LogFormat::Json => logs.json().with_ansi(false).boxed(),
    };
    // Traces only for the server (`serve`), and only with an endpoint.
    let traces = match (&cli.settings.otlp_endpoint, &cli.command) {
        (Some(endpoint), None | Some(Command::Serve)) => Some(chargegate::traces::start(
            endpoint,
            &cli.settings.otlp_service_name,
            cli.settings.otlp_queue as usize,
        )?),
        _ => None,
    };
    // The spans made for export are never logged (src/traces.rs).
    chargegate::traces::subscriber(logs, filter, traces.as_ref()).init();
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let files = chargegate::serve::raise_open_file_limit();
            tracing::debug!(open_file_limit = ?files, "open-file limit");
            let served = App::build(cli.settings).await?.run_until_signalled().await;
            if let Some(traces) = traces {
                traces.flush().await;
            }
            served
        }
        Command::Migrate => {
            let store = Store::open(&cli.settings).await?;
            store.close().await;
            tracing::info!(database = %redact_url(&cli.settings.database_url), "migrations applied");
            Ok(())
        }
        Command::Simulate(args) => {
            // Tens of thousands of stations: a socket each.
            chargegate::serve::raise_open_file_limit();
            let interrupt = tokio_util::sync::CancellationToken::new();
            let on_signal = interrupt.clone();
            tokio::spawn(async move {
                if tokio::signal::ctrl_c().await.is_ok() {
                    on_signal.cancel();
                }
            });
            let json = args.json;
            let report = chargegate::simulate::run(*args, interrupt).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{}", report.text());
            }
            if !report.clean() {
                std::process::exit(2);
            }
            Ok(())
        }
        Command::Schema => {
            print!("{}", chargegate::api::sdl());
            Ok(())
        }
        Command::Health { url } => {
            let url = url.unwrap_or_else(|| chargegate::health::local_url(cli.settings.listen));
            let (status, body) =
                chargegate::health::check(&url, std::time::Duration::from_secs(5))?;
            println!("{body}");
            if status != 200 {
                anyhow::bail!("{url} answered {status}");
            }
            Ok(())
        }
        Command::Token {
            sub,
            role,
            ttl,
            stations,
        } => {
            let keys = chargegate::auth::Keys::from_settings(&cli.settings)?;
            let (token, expires) = keys.issue(&sub, role, stations, ttl.0)?;
            eprintln!("token for {sub} ({role}), valid until {expires}:");
            println!("{token}");
            Ok(())
        }
        Command::User(UserCommand::Add {
            username,
            role,
            stations,
        }) => {
            let password = match std::env::var("CHARGEGATE_PASSWORD") {
                Ok(password) => password,
                Err(_) => {
                    eprintln!("password for {username}:");
                    let mut line = String::new();
                    std::io::stdin().read_line(&mut line)?;
                    line.trim_end_matches(['\r', '\n']).to_owned()
                }
            };
            let ctx = chargegate::app::open(cli.settings).await?;
            let by = chargegate::use_case::account::Grantor::unlimited();
            let created = chargegate::use_case::account::create(
                &ctx, &by, &username, &password, role, stations,
            )
            .await;
            ctx.store.close().await;
            let account = created?;
            eprintln!(
                "account {} created with role {}",
                account.username, account.role
            );
            Ok(())
        }
    }
}
