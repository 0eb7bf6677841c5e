//! The fleet at a glance in the API: `fleetSummary` (a query, and a subscription that
//! re-counts every few seconds and tells only changes) and `attention`. Staff only.

use std::{sync::Arc, time::Duration};

use async_graphql::{Context, Enum, ID, Object, Result, SimpleObject, Subscription};
use chrono::{DateTime, Utc};
use futures_util::Stream;

use super::{
    enums,
    error::ApiError,
    guard::{app, staff},
    pagination::list_limit,
};
use crate::{
    auth::Principal,
    context::Context as AppContext,
    use_case::fleet::{self, FleetError, Summary},
};

impl From<FleetError> for ApiError {
    fn from(e: FleetError) -> Self {
        match e {
            FleetError::Invalid(m) => Self::BadUserInput(m),
            FleetError::Cache => Self::Internal,
            FleetError::Store(e) => e.into(),
            FleetError::Db(e) => e.into(),
        }
    }
}

/// How many connectors have one status.
#[derive(SimpleObject, Clone, PartialEq)]
pub struct ConnectorStatusCount {
    pub status: enums::ChargePointStatus,
    pub count: i32,
}

/// Counts over the fleet a token covers.
#[derive(SimpleObject, Clone)]
pub struct FleetSummary {
    /// Stations the token covers.
    pub stations: i32,
    /// Stations with a connection now.
    pub online: i32,
    /// Stations without a connection now.
    pub offline: i32,
    /// Stations whose BootNotification is answered Pending.
    pub pending: i32,
    /// Stations whose BootNotification is answered Rejected.
    pub rejected: i32,
    /// Connectors (not connector 0) by their last status.
    pub connectors: Vec<ConnectorStatusCount>,
    /// Transactions running now.
    pub active_transactions: i32,
    /// Energy delivered since `since`, Wh.
    pub energy_wh: f64,
    pub since: DateTime<Utc>,
    /// When it was counted.
    pub at: DateTime<Utc>,
}

fn int(n: u64) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

impl From<Summary> for FleetSummary {
    fn from(s: Summary) -> Self {
        Self {
            stations: int(s.stations),
            online: int(s.online),
            offline: int(s.offline),
            pending: int(s.pending),
            rejected: int(s.rejected),
            connectors: s
                .connectors
                .into_iter()
                .map(|(status, n)| ConnectorStatusCount {
                    status: status.into(),
                    count: int(n),
                })
                .collect(),
            active_transactions: int(s.active_transactions),
            energy_wh: s.energy_wh,
            since: s.since,
            at: Utc::now(),
        }
    }
}

/// What an attention item is about.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttentionKind {
    /// A connector's last status is Faulted (detail: its error code).
    ConnectorFaulted,
    /// An accepted station without a connection (since: when it was last seen).
    StationOffline,
    /// A station whose BootNotification is answered Pending.
    StationPending,
    /// This node refused a station's OCPP handshake (detail: the HTTP status and reason).
    HandshakeRefused,
    /// A SecurityEventNotification (detail: its type).
    SecurityEvent,
}

impl From<fleet::AttentionKind> for AttentionKind {
    fn from(k: fleet::AttentionKind) -> Self {
        match k {
            fleet::AttentionKind::ConnectorFaulted => Self::ConnectorFaulted,
            fleet::AttentionKind::StationOffline => Self::StationOffline,
            fleet::AttentionKind::StationPending => Self::StationPending,
            fleet::AttentionKind::HandshakeRefused => Self::HandshakeRefused,
            fleet::AttentionKind::SecurityEvent => Self::SecurityEvent,
        }
    }
}

/// Something that needs an operator's attention.
#[derive(SimpleObject)]
pub struct AttentionItem {
    pub kind: AttentionKind,
    pub station_id: ID,
    pub connector_id: Option<i32>,
    /// Since when (or when it happened).
    pub since: Option<DateTime<Utc>>,
    /// The error code, refusal reason or security event type.
    pub detail: Option<String>,
}

#[derive(Default)]
pub struct FleetQuery;

#[Object]
impl FleetQuery {
    /// What needs an operator's attention now, most recent first: faulted connectors, stations
    /// offline or pending, handshakes refused (on this node, last 24 h) and security events
    /// (last 24 h).
    async fn attention(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 100)] limit: i32,
    ) -> Result<Vec<AttentionItem>> {
        let p = staff(ctx)?;
        let limit = list_limit(limit)?;
        let items = fleet::attention(app(ctx), p, limit)
            .await
            .map_err(ApiError::from)?;
        Ok(items
            .into_iter()
            .map(|i| AttentionItem {
                kind: i.kind.into(),
                station_id: ID(i.station_id),
                connector_id: i.connector_id,
                since: i.since,
                detail: i.detail,
            })
            .collect())
    }

    /// Counts over the fleet the token covers: stations by connection and registration,
    /// connectors by status, running transactions, energy delivered since `since` (default:
    /// midnight UTC today).
    async fn fleet_summary(
        &self,
        ctx: &Context<'_>,
        since: Option<DateTime<Utc>>,
    ) -> Result<FleetSummary> {
        let p = staff(ctx)?;
        let summary = fleet::summary(app(ctx), p, since)
            .await
            .map_err(ApiError::from)?;
        Ok(summary.into())
    }
}

/// Shortest and longest interval between counts of the `fleetSummary` subscription, seconds.
const EVERY: std::ops::RangeInclusive<i32> = 2..=300;

#[derive(Default)]
pub struct FleetSubscription;

#[Subscription]
impl FleetSubscription {
    /// The fleet summary, at once and then whenever it changes, at most once every
    /// `everySeconds` (2–300).
    async fn fleet_summary(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 5)] every_seconds: i32,
        since: Option<DateTime<Utc>>,
    ) -> Result<impl Stream<Item = Result<FleetSummary>> + use<>> {
        let caller = staff(ctx)?.clone();
        if !EVERY.contains(&every_seconds) {
            return Err(ApiError::BadUserInput(format!(
                "everySeconds: must be between {} and {}",
                EVERY.start(),
                EVERY.end()
            ))
            .into());
        }
        let app = app(ctx).clone();
        let every = Duration::from_secs(every_seconds as u64);
        Ok(recount(app, caller, since, every))
    }
}

/// Counts at once, then every `every`, yielding only changed summaries; ends with an error
/// when counting fails and with `UNAUTHENTICATED` when the caller's token expires.
fn recount(
    app: Arc<AppContext>,
    caller: Principal,
    since: Option<DateTime<Utc>>,
    every: Duration,
) -> impl Stream<Item = Result<FleetSummary>> {
    let left = (caller.expires_at - Utc::now())
        .to_std()
        .unwrap_or_default();
    let deadline = tokio::time::Instant::now()
        .checked_add(left)
        .unwrap_or_else(|| tokio::time::Instant::now() + Duration::from_secs(86_400 * 365));
    let state = (app, caller, None::<Summary>, true);
    futures_util::stream::unfold(Some(state), move |state| async move {
        let (app, caller, mut last, mut first) = state?;
        loop {
            if !first {
                tokio::select! {
                    () = tokio::time::sleep(every) => {}
                    () = tokio::time::sleep_until(deadline) => {
                        let expired = ApiError::Unauthenticated("the token has expired".into());
                        return Some((Err(expired.into()), None));
                    }
                }
            }
            first = false;
            match fleet::summary(&app, &caller, since).await {
                Ok(summary) if last.as_ref() == Some(&summary) => continue,
                Ok(summary) => {
                    last = Some(summary.clone());
                    return Some((Ok(summary.into()), Some((app, caller, last, first))));
                }
                Err(e) => return Some((Err(ApiError::from(e).into()), None)),
            }
        }
    })
}
