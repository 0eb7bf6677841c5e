//! Builds the application (database and migrations, status cache, event bus, HTTP router with the
//! OCPP endpoint, the APIs and the web console), runs it, and shuts it down cleanly: sockets
//! closed, pending writes flushed.

use std::{
    hash::{BuildHasher, RandomState},
    net::SocketAddr,
    sync::Arc,
    time::Duration,
};

use anyhow::Context as _;
use axum::Router;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::{
    api,
    auth::Keys,
    bus::{Bus, memory::MemoryBus, redis::RedisBus},
    cache::{StatusCache, memory::MemoryCache, redis::RedisCache},
    config::{Settings, redact_url},
    context::Context,
    link::{Link, node::LocalNode},
    metrics::{Handshake, Metrics},
    rest,
    serve::Connections,
    store::Store,
    throttle::{LoginThrottle, RegistrationLimiter},
    web,
};

/// How long sessions get to finish their in-flight message at shutdown.
const SESSION_DRAIN: Duration = Duration::from_secs(10);
/// How often old journal rows are pruned.
const PRUNE_EVERY: Duration = Duration::from_secs(3600);

/// Opens a [`Context`]: checks the settings, loads the token keys, opens the database (running
/// migrations) and sets up the cache, the bus and the station link; serves nothing yet.
pub async fn open(settings: Settings) -> anyhow::Result<Arc<Context>> {
    settings.validate().map_err(anyhow::Error::msg)?;
    crate::use_case::security_ext::check_settings(&settings).map_err(anyhow::Error::msg)?;
    let keys = Keys::from_settings(&settings)?;
    let store = Store::open(&settings).await?;
    let metrics = Metrics::new();
    let (batch_sizes, batch_seconds) = store.batch_histograms();
    metrics.register(
        "store_writer_batch_size",
        "Jobs per batch the database writers took (each one transaction)",
        batch_sizes,
    );
    metrics.register_seconds(
        "store_writer_batch_duration",
        "Time a writer's batch took, written and committed",
        batch_seconds,
    );
    let seed = RandomState::new().hash_one(std::process::id());
    let node_id = format!("{seed:016x}");
    let shutdown = CancellationToken::new();
    let stopped = CancellationToken::new();
    let (cache, bus) = shared_state(&settings, &node_id, &stopped, &metrics).await?;
    let credentials = crate::store::credentials::credentials_loader(store.reader().clone());
    let context = Arc::new(Context {
        node_id,
        stations: Arc::new(Link::new(seed as u32, &settings.limits)),
        cache,
        bus,
        store,
        keys,
        login_throttle: LoginThrottle::default(),
        station_logins: Default::default(),
        new_stations: RegistrationLimiter::new(settings.limits.new_stations_per_address),
        credentials,
        refused_handshakes: Default::default(),
        budgets: Default::default(),
        open_transactions: Default::default(),
        metrics,
        alerts: Default::default(),
        audit: Default::default(),
        shutdown,
        stopped,
        settings,
    });
    context
        .bus
        .attach(Arc::new(LocalNode(Arc::downgrade(&context))));
    Ok(context)
}

/// The status cache and bus: in memory, or in Redis when `REDIS_URL` is set. A Redis that
/// cannot be reached at start is not fatal: stations are served and the cache is repaired
/// once it is back.
async fn shared_state(
    settings: &Settings,
    node_id: &str,
    stopped: &CancellationToken,
    metrics: &Metrics,
) -> anyhow::Result<(Arc<dyn StatusCache>, Arc<dyn Bus>)> {
    let Some(url) = &settings.redis_url else {
        return Ok((Arc::new(MemoryCache::new()), Arc::new(MemoryBus::new())));
    };
    let prefix = settings.redis_prefix.as_str();
    let conn = crate::cache::redis::connection(url)?;
    let cache = RedisCache::new(conn.clone(), prefix, settings.presence_ttl.0)
        .counting_errors(metrics.redis_errors.clone());
    let bus = RedisBus::start(url, conn, prefix, node_id, stopped.clone())?;
    match cache.ping().await {
        Ok(()) => tracing::info!(redis = %redact_url(url), prefix, "status cache and bus in Redis"),
        Err(e) => {
            tracing::warn!(redis = %redact_url(url), error = %e, "Redis is unreachable; serving stations without it until it is back")
        }
    }
    Ok((Arc::new(cache), Arc::new(bus)))
}

/// A running chargegate server.
pub struct App {
    context: Arc<Context>,
    addr: SocketAddr,
    server: JoinHandle<std::io::Result<()>>,
    pruner: JoinHandle<()>,
    reservations: JoinHandle<()>,
    /// Watches running sessions under energy budgets and stops them at the budget.
    budgets: JoinHandle<()>,
    presence: JoinHandle<()>,
    /// Alerts: the event rules, the periodic rules and the deliverer.
    alerts: [JoinHandle<()>; 3],
    /// Prunes the audit trail (age and row bounds).
    audit: JoinHandle<()>,
    /// Rolls up meter readings and deletes old raw ones (`use_case::meter_rollup`).
    rollups: JoinHandle<()>,
    /// The TLS listener's address and server task, with `--tls-listen`.
    tls: Option<(SocketAddr, JoinHandle<std::io::Result<()>>)>,
    /// The metrics listener's address and server task, with `--metrics-listen`.
    metrics: Option<(SocketAddr, JoinHandle<std::io::Result<()>>)>,
    /// Both listeners' connections: the handshake caps and counts.
    connections: Arc<Connections>,
}

impl App {
    /// Opens the database (running migrations), binds the listen address (port 0 picks a free
    /// port) and starts serving.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let context = open(settings).await?;
        let deliverer = crate::notify::Deliverer::from_settings(&context)?;
        let listener = crate::serve::listen(context.settings.listen)
            .with_context(|| format!("cannot listen on {}", context.settings.listen))?;
        let addr = listener.local_addr()?;
        let mut apis = Router::new()
            .merge(api::routes(context.clone()))
            .merge(rest::routes())
            .merge(crate::link::upload::routes(context.settings.upload_max_mib))
            .merge(web::graphiql(context.settings.graphiql));
        if let Some(cors) = api::cors(&context.settings.cors_origins) {
            apis = apis.layer(cors);
        }
        // `/metrics` on the main port, unless `--metrics-listen` gives it a port of its own.
        let metrics_listener = match context.settings.metrics_listen {
            Some(at) => Some(
                crate::serve::listen(at)
                    .with_context(|| format!("cannot listen on {at} for the metrics"))?,
            ),
            None => {
                apis = apis.merge(api::metrics_routes());
                None
            }
        };
        let router: Router = Router::new()
            .merge(crate::link::endpoint::routes())
            .merge(apis)
            // The console at `/` and its client-side routes: the fallback.
            .merge(web::routes())
            .with_state(context.clone());
        let limits = &context.settings.limits;
        crate::serve::check_file_limit(limits);
        let connections = Connections::counting_tls_failures(
            &context.settings,
            context.metrics.handshake(Handshake::TlsFailure).clone(),
        );
        let tls = crate::link::tls::serve(&context, router.clone(), connections.clone())?;
        let server = crate::serve::spawn(
            listener,
            router,
            None,
            connections.clone(),
            limits,
            context.shutdown.clone(),
        );
        let metrics = match metrics_listener {
            Some(listener) => {
                let at = listener.local_addr()?;
                let router: Router = api::metrics_routes().with_state(context.clone());
                let server = crate::serve::spawn(
                    listener,
                    router,
                    None,
                    connections.clone(),
                    limits,
                    context.shutdown.clone(),
                );
                tracing::info!(addr = %at, "metrics at http://{at}/metrics");
                Some((at, server))
            }
            None => None,
        };
        let pruner = tokio::spawn(prune_journal(context.clone()));
        let reservations = tokio::spawn(expire_reservations(context.clone()));
        let budgets = tokio::spawn(crate::use_case::budget::run_stopper(context.clone()));
        let presence = tokio::spawn(crate::link::node::keep_presence(context.clone()));
        let alerts = [
            tokio::spawn(crate::use_case::alert::run_events(context.clone())),
            tokio::spawn(crate::use_case::alert::run_periodic(context.clone())),
            tokio::spawn(deliverer.run(context.clone())),
        ];
        let audit = tokio::spawn(crate::use_case::audit::run_pruner(context.clone()));
        let rollups = tokio::spawn(crate::use_case::meter_rollup::run(context.clone()));
        tracing::info!(%addr, node = %context.node_id, "chargegate listening; stations connect to ws://{addr}/ocpp/{{chargePointId}}, the API is at http://{addr}/graphql, the console at http://{addr}/");
        Ok(Self {
            context,
            addr,
            server,
            pruner,
            reservations,
            budgets,
            presence,
            alerts,
            audit,
            rollups,
            tls,
            metrics,
            connections,
        })
    }

    /// Both listeners' connections: how many are in their handshake, what was refused or
    /// timed out.
    pub fn connections(&self) -> &Arc<Connections> {
        &self.connections
    }

    /// The address actually bound.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The TLS listener's address actually bound, with `--tls-listen`.
    pub fn tls_addr(&self) -> Option<SocketAddr> {
        self.tls.as_ref().map(|(addr, _)| *addr)
    }

    /// The metrics listener's address actually bound, with `--metrics-listen`.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics.as_ref().map(|(addr, _)| *addr)
    }

    pub fn context(&self) -> &Arc<Context> {
        &self.context
    }

    /// Serves until Ctrl-C or SIGTERM, then shuts down.
    pub async fn run_until_signalled(self) -> anyhow::Result<()> {
        shutdown_signal().await;
        tracing::info!("shutting down");
        self.stop().await
    }

    /// Stops accepting connections, closes every station socket after its in-flight message is
    /// answered, writes everything queued and closes the database.
    pub async fn stop(self) -> anyhow::Result<()> {
        let ctx = self.context;
        ctx.shutdown.cancel();
        // A delivery under way is dropped at once (its lease runs out; it is sent again).
        for task in &self.alerts {
            task.abort();
        }
        let sessions = &crate::link::of(&ctx).sessions;
        sessions.close();
        if tokio::time::timeout(SESSION_DRAIN, sessions.wait())
            .await
            .is_err()
        {
            tracing::warn!(
                remaining = sessions.len(),
                "sessions did not finish in time"
            );
        }
        let served = self.server.await;
        if let Some((_, tls)) = self.tls {
            match tls.await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => tracing::warn!(error = %e, "TLS server failed"),
                Err(e) => tracing::warn!(error = %e, "TLS server task failed"),
            }
        }
        if let Some((_, metrics)) = self.metrics {
            match metrics.await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => tracing::warn!(error = %e, "metrics server failed"),
                Err(e) => tracing::warn!(error = %e, "metrics server task failed"),
            }
        }
        self.pruner.abort();
        self.reservations.abort();
        self.budgets.abort();
        self.presence.abort();
        self.audit.abort();
        self.rollups.abort();
        ctx.stopped.cancel();
        // The last events (stations disconnecting) reach the other nodes before we exit.
        ctx.bus.flushed().await;
        ctx.store.close().await;
        served
            .context("server task failed")?
            .context("server failed")?;
        tracing::info!("stopped");
        Ok(())
    }
}

async fn prune_journal(ctx: Arc<Context>) {
    let retention = ctx.settings.journal_retention.0;
    if retention.is_zero() {
        return;
    }
    let Ok(retention) = chrono::Duration::from_std(retention) else {
        return;
    };
    let mut every = tokio::time::interval(PRUNE_EVERY);
    loop {
        tokio::select! {
            () = ctx.shutdown.cancelled() => return,
            _ = every.tick() => {}
        }
        match ctx
            .store
            .prune_journal(chrono::Utc::now() - retention)
            .await
        {
            Ok(0) => {}
            Ok(n) => tracing::info!(deleted = n, "pruned old journal rows"),
            Err(e) => tracing::warn!(error = %e, "journal pruning failed"),
        }
    }
}

/// Closes reservations whose expiry date has passed (the station drops them by itself).
async fn expire_reservations(ctx: Arc<Context>) {
    let mut every = tokio::time::interval(crate::use_case::reservation::EXPIRY_SWEEP);
    loop {
        tokio::select! {
            () = ctx.shutdown.cancelled() => return,
            _ = every.tick() => {}
        }
        match crate::use_case::reservation::expire(&ctx).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(expired = n, "reservations expired"),
            Err(e) => tracing::warn!(error = %e, "reservation expiry failed"),
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}
