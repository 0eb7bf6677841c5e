//! Energy budgets: at most so many Wh per calendar week or month for one id tag, or for all the
//! tags an account owns. What a period has used, the gate that answers `Blocked` once a budget
//! is used up (Authorize, StartTransaction, local lists), and the watch that stops a running
//! session with RemoteStopTransaction when it reaches its budget.
//!
//! A session counts in the period it started in (by the station's start time), with its energy
//! so far while it runs (`transaction_register`, kept by the database). Periods are cut in the
//! budget time zone (`--budget-utc-offset`).

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use entity::{energy_budget, id_tag, transaction, transaction_register};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QuerySelect,
};

use crate::{
    auth::{Principal, Role},
    context::Context,
    context::{StopRequest, Watched},
    store::StoreError,
    use_case::command::OnBehalf,
};
use ocpp::v16::{AuthorizationStatus, IdTagInfo, Measurand, MeterValue, UnitOfMeasure};

/// The transaction flag of a session whose budget was used up (`transaction::flags`).
pub const FLAG: &str = "budget_exhausted";

/// The largest budget accepted: 10 GWh, far beyond any driver's month.
pub const MAX_LIMIT_WH: f64 = 1e10;
/// How often each node re-reads the budgets of running sessions (other sessions of the same
/// account move what is left of a shared budget).
pub const REFRESH_EVERY: std::time::Duration = std::time::Duration::from_secs(60);
/// Rows per `IN (…)` list.
const CHUNK: usize = 500;

/// How often a budget starts again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// ISO week: Monday 00:00 to the next Monday, in the budget time zone.
    Week,
    /// Calendar month: the 1st 00:00 to the next 1st, in the budget time zone.
    Month,
}

impl Period {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Week => "week",
            Self::Month => "month",
        }
    }

    pub fn from_stored(s: &str) -> Option<Self> {
        match s {
            "week" => Some(Self::Week),
            "month" => Some(Self::Month),
            _ => None,
        }
    }

    /// The period holding `now`: its start and end (exclusive), in UTC.
    pub fn bounds(self, now: DateTime<Utc>, zone: FixedOffset) -> (DateTime<Utc>, DateTime<Utc>) {
        let local = now.with_timezone(&zone).date_naive();
        let (start, end) = match self {
            Self::Week => {
                let monday =
                    local - Duration::days(i64::from(local.weekday().num_days_from_monday()));
                (monday, monday + Duration::days(7))
            }
            Self::Month => {
                let first =
                    NaiveDate::from_ymd_opt(local.year(), local.month(), 1).unwrap_or(local);
                let next = if local.month() == 12 {
                    NaiveDate::from_ymd_opt(local.year() + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(local.year(), local.month() + 1, 1)
                }
                .unwrap_or(first + Duration::days(31));
                (first, next)
            }
        };
        let at = |d: NaiveDate| {
            zone.from_local_datetime(&d.and_hms_opt(0, 0, 0).unwrap_or_default())
                .single()
                .map_or(now, |t| t.with_timezone(&Utc))
        };
        (at(start), at(end))
    }
}

/// A budget as set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Budget {
    pub limit_wh: f64,
    pub period: Period,
}

/// Whom a budget is for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    /// One id tag, by its key (folded to lower case).
    Tag(String),
    /// Every tag an account owns, by the account's username.
    Account(String),
}

impl Subject {
    fn kind(&self) -> &'static str {
        match self {
            Self::Tag(_) => "tag",
            Self::Account(_) => "account",
        }
    }

    fn key(&self) -> &str {
        match self {
            Self::Tag(k) | Self::Account(k) => k,
        }
    }
}

/// A budget and what its current period has used.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    pub budget: Budget,
    pub period_start: DateTime<Utc>,
    pub period_end: DateTime<Utc>,
    pub used_wh: f64,
}

impl Standing {
    pub fn remaining_wh(&self) -> f64 {
        (self.budget.limit_wh - self.used_wh).max(0.0)
    }

    pub fn exhausted(&self) -> bool {
        self.used_wh >= self.budget.limit_wh
    }
}

/// Why a budget change was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BudgetError {
    #[error("limitWh must be a number from 0 to 10,000,000,000")]
    InvalidLimit,
    #[error("no id tag {0:?}")]
    NoIdTag(String),
    #[error("no account {0:?}")]
    NoAccount(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn budget_of(row: &energy_budget::Model) -> Option<Budget> {
    Some(Budget {
        limit_wh: row.limit_wh,
        period: Period::from_stored(&row.period)?,
    })
}

/// Sets (or with `None` clears) the budget of an id tag (by its key) or an account; the tag or
/// account must exist. Running sessions follow the new budget at once on this node, within
/// [`REFRESH_EVERY`] on the others.
pub async fn set(
    ctx: &Context,
    subject: Subject,
    budget: Option<Budget>,
) -> Result<(), BudgetError> {
    if let Some(b) = budget
        && !(b.limit_wh.is_finite() && (0.0..=MAX_LIMIT_WH).contains(&b.limit_wh))
    {
        return Err(BudgetError::InvalidLimit);
    }
    let db = ctx.store.reader();
    match &subject {
        Subject::Tag(key) => {
            if id_tag::Entity::find_by_id(key.as_str())
                .one(db)
                .await
                .map_err(StoreError::from)?
                .is_none()
            {
                return Err(BudgetError::NoIdTag(key.clone()));
            }
        }
        Subject::Account(name) => {
            if entity::account::Entity::find_by_id(name.as_str())
                .one(db)
                .await
                .map_err(StoreError::from)?
                .is_none()
            {
                return Err(BudgetError::NoAccount(name.clone()));
            }
        }
    }
    let now = Utc::now();
    let (kind, key) = (subject.kind().to_owned(), subject.key().to_owned());
    ctx.store
        .write(move |txn| {
            let (kind, key) = (kind.clone(), key.clone());
            Box::pin(async move {
                energy_budget::Entity::delete_by_id((kind.clone(), key.clone()))
                    .exec(txn)
                    .await?;
                if let Some(b) = budget {
                    energy_budget::Entity::insert(energy_budget::ActiveModel {
                        subject: Set(kind),
                        subject_key: Set(key),
                        limit_wh: Set(b.limit_wh),
                        period: Set(b.period.as_str().to_owned()),
                        created_at: Set(now),
                        updated_at: Set(now),
                    })
                    .exec_without_returning(txn)
                    .await?;
                }
                Ok(())
            })
        })
        .await?;
    if let Err(e) = refresh(ctx).await {
        tracing::warn!(error = %e, "budget watch not refreshed");
    }
    Ok(())
}

/// The keys of the tags a subject covers.
async fn tag_keys<C: ConnectionTrait>(db: &C, subject: &Subject) -> Result<Vec<String>, DbErr> {
    match subject {
        Subject::Tag(key) => Ok(vec![key.clone()]),
        Subject::Account(name) => {
            id_tag::Entity::find()
                .select_only()
                .column(id_tag::Column::IdTagKey)
                .filter(id_tag::Column::Owner.eq(name.as_str()))
                .into_tuple()
                .all(db)
                .await
        }
    }
}

/// Id, tag key, start, meter start and meter stop of a transaction.
type SessionRow = (i32, String, DateTime<Utc>, i64, Option<i64>);

/// A session as budgets count it.
#[derive(Clone, Debug)]
struct Counted {
    id: i32,
    id_tag_key: String,
    start: DateTime<Utc>,
    energy_wh: f64,
}

/// The sessions of `keys` started in `[from, to)` (or still running, when `running`), with
/// their energy: meter stop minus start, or for a running one its newest register reading
/// minus start (never below zero).
async fn sessions<C: ConnectionTrait>(
    db: &C,
    keys: &[String],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    running: bool,
) -> Result<Vec<Counted>, DbErr> {
    let mut out = Vec::new();
    for chunk in keys.chunks(CHUNK) {
        let mut when = Condition::all()
            .add(transaction::Column::StartTime.gte(from))
            .add(transaction::Column::StartTime.lt(to));
        if running {
            when = Condition::any()
                .add(when)
                .add(transaction::Column::StopTime.is_null());
        }
        let rows: Vec<SessionRow> = transaction::Entity::find()
            .select_only()
            .column(transaction::Column::Id)
            .column(transaction::Column::IdTagKey)
            .column(transaction::Column::StartTime)
            .column(transaction::Column::MeterStart)
            .column(transaction::Column::MeterStop)
            .filter(transaction::Column::IdTagKey.is_in(chunk.iter().cloned()))
            .filter(when)
            .into_tuple()
            .all(db)
            .await?;
        let open: Vec<i32> = rows.iter().filter(|r| r.4.is_none()).map(|r| r.0).collect();
        let mut register: HashMap<i32, f64> = HashMap::new();
        for ids in open.chunks(CHUNK) {
            let found = transaction_register::Entity::find()
                .filter(transaction_register::Column::TransactionId.is_in(ids.iter().copied()))
                .all(db)
                .await?;
            register.extend(found.into_iter().map(|r| (r.transaction_id, r.register_wh)));
        }
        out.extend(
            rows.into_iter()
                .map(|(id, key, start, meter_start, meter_stop)| {
                    let energy = match meter_stop {
                        Some(stop) => (stop - meter_start) as f64,
                        None => register.get(&id).map_or(0.0, |wh| wh - meter_start as f64),
                    };
                    Counted {
                        id,
                        id_tag_key: key,
                        start,
                        energy_wh: if energy.is_finite() {
                            energy.max(0.0)
                        } else {
                            0.0
                        },
                    }
                }),
        );
    }
    Ok(out)
}

/// The standings of many subjects at once (those without a budget are left out): a few
/// statements whatever their number (for lists, and for the two budgets binding one tag).
pub async fn standings<C: ConnectionTrait>(
    db: &C,
    subjects: &[Subject],
    zone: FixedOffset,
    now: DateTime<Utc>,
) -> Result<HashMap<Subject, Standing>, DbErr> {
    let mut budgets: HashMap<Subject, Budget> = HashMap::new();
    for chunk in subjects.chunks(CHUNK) {
        let mut any = Condition::any();
        for subject in chunk {
            any = any.add(
                Condition::all()
                    .add(energy_budget::Column::Subject.eq(subject.kind()))
                    .add(energy_budget::Column::SubjectKey.eq(subject.key())),
            );
        }
        for row in energy_budget::Entity::find().filter(any).all(db).await? {
            let subject = match row.subject.as_str() {
                "tag" => Subject::Tag(row.subject_key.clone()),
                _ => Subject::Account(row.subject_key.clone()),
            };
            if let Some(budget) = budget_of(&row) {
                budgets.insert(subject, budget);
            }
        }
    }
    if budgets.is_empty() {
        return Ok(HashMap::new());
    }
    // Tag key -> the subjects (among those asked) that cover it.
    let mut covering: HashMap<String, Vec<&Subject>> = HashMap::new();
    let accounts: Vec<String> = budgets
        .keys()
        .filter_map(|s| match s {
            Subject::Account(name) => Some(name.clone()),
            Subject::Tag(_) => None,
        })
        .collect();
    for subject in budgets.keys() {
        if let Subject::Tag(key) = subject {
            covering.entry(key.clone()).or_default().push(subject);
        }
    }
    for chunk in accounts.chunks(CHUNK) {
        let owned: Vec<(String, Option<String>)> = id_tag::Entity::find()
            .select_only()
            .column(id_tag::Column::IdTagKey)
            .column(id_tag::Column::Owner)
            .filter(id_tag::Column::Owner.is_in(chunk.iter().cloned()))
            .into_tuple()
            .all(db)
            .await?;
        for (key, owner) in owned {
            let Some(owner) = owner else { continue };
            if let Some((subject, _)) = budgets.get_key_value(&Subject::Account(owner)) {
                covering.entry(key).or_default().push(subject);
            }
        }
    }
    let keys: Vec<String> = covering.keys().cloned().collect();
    let earliest = budgets
        .values()
        .map(|b| b.period.bounds(now, zone).0)
        .min()
        .unwrap_or(now);
    let latest = budgets
        .values()
        .map(|b| b.period.bounds(now, zone).1)
        .max()
        .unwrap_or(now);
    let mut used: HashMap<&Subject, f64> = HashMap::new();
    for s in sessions(db, &keys, earliest, latest, false).await? {
        for subject in covering.get(&s.id_tag_key).into_iter().flatten() {
            let (from, to) = budgets[*subject].period.bounds(now, zone);
            if s.start >= from && s.start < to {
                *used.entry(*subject).or_default() += s.energy_wh;
            }
        }
    }
    Ok(budgets
        .iter()
        .map(|(subject, budget)| {
            let (period_start, period_end) = budget.period.bounds(now, zone);
            let standing = Standing {
                budget: *budget,
                period_start,
                period_end,
                used_wh: used.get(subject).copied().unwrap_or(0.0),
            };
            (subject.clone(), standing)
        })
        .collect())
}

/// The subjects whose budgets bind a tag: its own, and its owner's.
fn subjects_of(tag: &id_tag::Model) -> Vec<Subject> {
    let mut subjects = vec![Subject::Tag(tag.id_tag_key.clone())];
    if let Some(owner) = &tag.owner {
        subjects.push(Subject::Account(owner.clone()));
    }
    subjects
}

/// The standings of the budgets that bind `tag` (none when it has no budget).
pub async fn standings_of_tag<C: ConnectionTrait>(
    db: &C,
    tag: &id_tag::Model,
    zone: FixedOffset,
    now: DateTime<Utc>,
) -> Result<Vec<Standing>, DbErr> {
    Ok(standings(db, &subjects_of(tag), zone, now)
        .await?
        .into_values()
        .collect())
}

/// Whether a budget that binds `tag` (its own, or its owner's) is used up.
pub async fn exhausted<C: ConnectionTrait>(
    db: &C,
    tag: &id_tag::Model,
    zone: FixedOffset,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    Ok(standings_of_tag(db, tag, zone, now)
        .await?
        .iter()
        .any(Standing::exhausted))
}

/// The gate: an `Accepted` answer for a tag whose budget is used up becomes `Blocked`; whether
/// it did.
pub async fn gate<C: ConnectionTrait>(
    db: &C,
    tag: &id_tag::Model,
    info: &mut IdTagInfo,
    zone: FixedOffset,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    if info.status == AuthorizationStatus::Accepted && exhausted(db, tag, zone, now).await? {
        info.status = AuthorizationStatus::Blocked;
        return Ok(true);
    }
    Ok(false)
}

/// The MeterValues path: a map look-up, and nothing more for a session not under a budget.
pub fn meter_values(
    ctx: &Context,
    station_id: &str,
    transaction_id: Option<i32>,
    values: &[MeterValue],
) {
    let Some(transaction_id) = transaction_id else {
        return;
    };
    if !ctx.budgets.contains(transaction_id) {
        return;
    }
    if let Some(register) = register_wh(values) {
        ctx.budgets.reading(station_id, transaction_id, register);
    }
}

/// The highest total energy register reading (no phase, Wh or kWh) in `values`, in Wh.
fn register_wh(values: &[MeterValue]) -> Option<f64> {
    values
        .iter()
        .flat_map(|mv| mv.sampled_value.iter())
        .filter(|sv| {
            sv.measurand_or_default() == Measurand::EnergyActiveImportRegister && sv.phase.is_none()
        })
        .filter_map(|sv| {
            let value = sv.numeric()?;
            match sv.unit_or_default() {
                UnitOfMeasure::Wh => Some(value),
                UnitOfMeasure::KWh => Some(value * 1000.0),
                _ => None,
            }
        })
        .filter(|v| v.is_finite())
        .reduce(f64::max)
}

/// A session just started with `tag`: watched when a budget binds it.
pub async fn started(
    ctx: &Context,
    station_id: &str,
    transaction_id: i32,
    meter_start: i64,
    tag: &id_tag::Model,
) -> Result<(), DbErr> {
    let db = ctx.store.reader();
    let now = Utc::now();
    let standings = standings_of_tag(db, tag, ctx.settings.budget_utc_offset, now).await?;
    if let Some(allowance_wh) = standings
        .iter()
        .map(Standing::remaining_wh)
        .reduce(f64::min)
    {
        ctx.budgets.watch(
            transaction_id,
            Watched {
                station_id: station_id.to_owned(),
                meter_start,
                allowance_wh,
                stopping: false,
            },
            true,
        );
    }
    Ok(())
}

/// Re-reads every running session under a budget and what each may still deliver (a few
/// queries, whatever the number of sessions).
pub async fn refresh(ctx: &Context) -> Result<usize, DbErr> {
    let began = ctx.budgets.begin_refresh();
    let db = ctx.store.reader();
    let zone = ctx.settings.budget_utc_offset;
    let now = Utc::now();
    let budgets: Vec<energy_budget::Model> = energy_budget::Entity::find().all(db).await?;
    if budgets.is_empty() {
        ctx.budgets.replace(HashMap::new(), began);
        return Ok(0);
    }
    let mut by_subject: HashMap<Subject, Budget> = HashMap::new();
    for row in &budgets {
        let Some(budget) = budget_of(row) else {
            continue;
        };
        let subject = match row.subject.as_str() {
            "tag" => Subject::Tag(row.subject_key.clone()),
            "account" => Subject::Account(row.subject_key.clone()),
            _ => continue,
        };
        by_subject.insert(subject, budget);
    }
    // Tag key -> the subjects that bind it.
    let mut binding: HashMap<String, Vec<Subject>> = HashMap::new();
    for subject in by_subject.keys() {
        match subject {
            Subject::Tag(key) => binding
                .entry(key.clone())
                .or_default()
                .push(subject.clone()),
            Subject::Account(_) => {
                for key in tag_keys(db, subject).await? {
                    binding.entry(key).or_default().push(subject.clone());
                }
            }
        }
    }
    let keys: Vec<String> = binding.keys().cloned().collect();
    let earliest = by_subject
        .values()
        .map(|b| b.period.bounds(now, zone).0)
        .min()
        .unwrap_or(now);
    let counted = sessions(db, &keys, earliest, now + Duration::days(1), true).await?;
    // What each subject's current period used.
    let mut used: HashMap<&Subject, f64> = HashMap::new();
    for s in &counted {
        for subject in binding.get(&s.id_tag_key).into_iter().flatten() {
            let (from, to) = by_subject[subject].period.bounds(now, zone);
            if s.start >= from && s.start < to {
                *used.entry(subject).or_default() += s.energy_wh;
            }
        }
    }
    let mut all = HashMap::new();
    for s in counted.iter() {
        let Some(subjects) = binding.get(&s.id_tag_key) else {
            continue;
        };
        let mut allowance: Option<f64> = None;
        for subject in subjects {
            let budget = by_subject[subject];
            let (from, to) = budget.period.bounds(now, zone);
            let own = if s.start >= from && s.start < to {
                s.energy_wh
            } else {
                0.0
            };
            let others = used.get(subject).copied().unwrap_or(0.0) - own;
            let left = (budget.limit_wh - others).max(0.0);
            allowance = Some(allowance.map_or(left, |a: f64| a.min(left)));
        }
        if let Some(allowance_wh) = allowance {
            all.insert(s.id, allowance_wh);
        }
    }
    let details = running_details(db, &all.keys().copied().collect::<Vec<_>>()).await?;
    let watched: HashMap<i32, Watched> = details
        .into_iter()
        .filter_map(|(id, station_id, meter_start)| {
            Some((
                id,
                Watched {
                    station_id,
                    meter_start,
                    allowance_wh: *all.get(&id)?,
                    stopping: false,
                },
            ))
        })
        .collect();
    let n = watched.len();
    ctx.budgets.replace(watched, began);
    Ok(n)
}

/// Station and meter start of the running transactions among `ids`.
async fn running_details<C: ConnectionTrait>(
    db: &C,
    ids: &[i32],
) -> Result<Vec<(i32, String, i64)>, DbErr> {
    let mut out = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        let rows: Vec<(i32, String, i64)> = transaction::Entity::find()
            .select_only()
            .column(transaction::Column::Id)
            .column(transaction::Column::StationId)
            .column(transaction::Column::MeterStart)
            .filter(transaction::Column::StopTime.is_null())
            .filter(transaction::Column::Id.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        out.extend(rows);
    }
    Ok(out)
}

/// Who stops sessions at their budget (in logs and the station's journal).
fn budget_principal() -> Principal {
    Principal {
        sub: "chargegate (energy budget)".into(),
        role: Role::Admin,
        stations: None,
        expires_at: DateTime::<Utc>::MAX_UTC,
    }
}

/// Stops one session at its budget: checks again against the database (the watch's figures
/// may be a refresh old), flags the transaction `budget_exhausted`, and sends
/// RemoteStopTransaction. A session found within its budget after all is watched with its new
/// allowance; a stop that fails is tried again at its next MeterValues.
pub async fn stop_at_budget(ctx: &Context, request: StopRequest) {
    let StopRequest {
        station_id,
        transaction_id,
    } = request;
    match still_over(ctx, transaction_id).await {
        Ok(Some(true)) => {}
        Ok(Some(false)) | Ok(None) => return,
        Err(e) => {
            tracing::warn!(station = %station_id, transaction = transaction_id, error = %e, "budget not checked");
            ctx.budgets.stop_failed(transaction_id);
            return;
        }
    }
    if let Err(e) = flag(ctx, transaction_id).await {
        tracing::warn!(transaction = transaction_id, error = %e, "budget flag not stored");
    }
    crate::use_case::alert::budget_reached(ctx, &station_id, transaction_id).await;
    let caller = budget_principal();
    let on_behalf = OnBehalf {
        ctx,
        caller: &caller,
    };
    match on_behalf.remote_stop(&station_id, transaction_id).await {
        Ok(status) => {
            tracing::info!(station = %station_id, transaction = transaction_id, ?status, "session stopped at its energy budget");
            if status != ocpp::v16::RemoteStartStopStatus::Accepted {
                ctx.budgets.stop_failed(transaction_id);
            }
        }
        Err(e) => {
            tracing::warn!(station = %station_id, transaction = transaction_id, error = ?e, "stop at the energy budget failed");
            ctx.budgets.stop_failed(transaction_id);
        }
    }
}

/// Whether the running session is still over a budget that binds its tag (`None`: it ended,
/// or its tag is gone). A session within after all gets its new allowance.
async fn still_over(ctx: &Context, transaction_id: i32) -> Result<Option<bool>, DbErr> {
    let db = ctx.store.reader();
    let Some(tx) = transaction::Entity::find_by_id(transaction_id)
        .one(db)
        .await?
    else {
        ctx.budgets.ended(transaction_id);
        return Ok(None);
    };
    if tx.stop_time.is_some() {
        ctx.budgets.ended(transaction_id);
        return Ok(None);
    }
    let Some(tag) = id_tag::Entity::find_by_id(tx.id_tag_key.as_str())
        .one(db)
        .await?
    else {
        ctx.budgets.ended(transaction_id);
        return Ok(None);
    };
    let now = Utc::now();
    let standings = standings_of_tag(db, &tag, ctx.settings.budget_utc_offset, now).await?;
    if standings.iter().any(Standing::exhausted) {
        return Ok(Some(true));
    }
    // Within after all: what is left now, from this session's energy so far.
    let so_far = transaction_register::Entity::find_by_id(transaction_id)
        .one(db)
        .await?
        .map_or(0.0, |r| (r.register_wh - tx.meter_start as f64).max(0.0));
    match standings
        .iter()
        .map(Standing::remaining_wh)
        .reduce(f64::min)
    {
        Some(left) => ctx.budgets.watch(
            transaction_id,
            Watched {
                station_id: tx.station_id,
                meter_start: tx.meter_start,
                allowance_wh: so_far + left,
                stopping: false,
            },
            false,
        ),
        None => ctx.budgets.ended(transaction_id),
    }
    Ok(Some(false))
}

/// Flags the transaction `budget_exhausted` (chargegate stopped it at its budget).
async fn flag(ctx: &Context, transaction_id: i32) -> Result<(), StoreError> {
    ctx.store
        .write(move |txn| {
            Box::pin(async move {
                let Some(tx) = transaction::Entity::find_by_id(transaction_id)
                    .one(txn)
                    .await?
                else {
                    return Ok(());
                };
                if tx.flags.split(',').any(|f| f == FLAG) {
                    return Ok(());
                }
                let flags = if tx.flags.is_empty() {
                    FLAG.to_owned()
                } else {
                    format!("{},{FLAG}", tx.flags)
                };
                transaction::Entity::update_many()
                    .col_expr(
                        transaction::Column::Flags,
                        sea_orm::sea_query::Expr::value(flags),
                    )
                    .filter(transaction::Column::Id.eq(transaction_id))
                    .exec(txn)
                    .await?;
                Ok(())
            })
        })
        .await
}

/// The stopper: one per node, stops the sessions the watch queues, one at a time.
pub async fn run_stopper(ctx: std::sync::Arc<Context>) {
    let Some(mut queue) = ctx.budgets.take_queue() else {
        return;
    };
    let mut every = tokio::time::interval(REFRESH_EVERY);
    loop {
        tokio::select! {
            () = ctx.shutdown.cancelled() => return,
            request = queue.recv() => match request {
                Some(request) => stop_at_budget(&ctx, request).await,
                None => return,
            },
            _ = every.tick() => {
                if let Err(e) = refresh(&ctx).await {
                    tracing::warn!(error = %e, "budget watch not refreshed");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::BudgetWatch;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn periods_are_cut_in_the_budget_time_zone() {
        let utc = FixedOffset::east_opt(0).unwrap();
        let wib = FixedOffset::east_opt(7 * 3600).unwrap();
        // 2026-12-31 20:00 UTC is 2027-01-01 03:00 in Jakarta.
        let now = at("2026-12-31T20:00:00Z");
        assert_eq!(
            Period::Month.bounds(now, utc),
            (at("2026-12-01T00:00:00Z"), at("2027-01-01T00:00:00Z"))
        );
        assert_eq!(
            Period::Month.bounds(now, wib),
            (at("2026-12-31T17:00:00Z"), at("2027-01-31T17:00:00Z"))
        );
        // 2026-12-06 is a Sunday: its week started on Monday the 30th of November.
        assert_eq!(
            Period::Week.bounds(at("2026-12-06T12:00:00Z"), utc),
            (at("2026-11-30T00:00:00Z"), at("2026-12-07T00:00:00Z"))
        );
    }

    #[test]
    fn register_readings_in_kwh_and_wh_with_the_default_measurand() {
        let values: Vec<MeterValue> = serde_json::from_value(serde_json::json!([
            {"timestamp": "2026-12-06T10:00:00Z", "sampledValue": [
                {"value": "1500"},
                {"value": "2.5", "unit": "kWh", "measurand": "Energy.Active.Import.Register"},
                {"value": "9999", "measurand": "Power.Active.Import", "unit": "W"},
                {"value": "7000", "measurand": "Energy.Active.Import.Register", "phase": "L1"}
            ]}
        ]))
        .unwrap();
        assert_eq!(register_wh(&values), Some(2500.0));
        assert_eq!(register_wh(&[]), None);
    }

    #[test]
    fn the_watch_queues_a_stop_once_at_the_allowance() {
        let watch = BudgetWatch::default();
        let mut queue = watch.take_queue().unwrap();
        watch.watch(
            7,
            Watched {
                station_id: "CP1".into(),
                meter_start: 1000,
                allowance_wh: 500.0,
                stopping: false,
            },
            false,
        );
        let reading = |wh: &str| -> Vec<MeterValue> {
            serde_json::from_value(serde_json::json!([
                {"timestamp": "2026-12-06T10:00:00Z", "sampledValue": [{"value": wh}]}
            ]))
            .unwrap()
        };
        watch.reading("CP1", 7, register_wh(&reading("1499")).unwrap());
        assert!(queue.try_recv().is_err());
        // Another station's transaction 7 is not this one.
        watch.reading("CP2", 7, register_wh(&reading("5000")).unwrap());
        assert!(queue.try_recv().is_err());
        watch.reading("CP1", 7, register_wh(&reading("1500")).unwrap());
        assert_eq!(queue.try_recv().unwrap().transaction_id, 7);
        watch.reading("CP1", 7, register_wh(&reading("1600")).unwrap());
        assert!(queue.try_recv().is_err(), "one stop at a time");
        watch.stop_failed(7);
        watch.reading("CP1", 7, register_wh(&reading("1700")).unwrap());
        assert_eq!(queue.try_recv().unwrap().transaction_id, 7);
        watch.ended(7);
        assert!(watch.is_empty());
    }

    #[test]
    fn a_refresh_keeps_what_was_watched_since_it_began_and_a_stale_one_changes_nothing() {
        let watch = BudgetWatch::default();
        let w = |allowance_wh: f64| Watched {
            station_id: "CP1".into(),
            meter_start: 0,
            allowance_wh,
            stopping: false,
        };
        let stale = watch.begin_refresh();
        let fresh = watch.begin_refresh();
        // A session started while both refreshes read the database.
        watch.watch(1, w(10.0), true);
        watch.replace(HashMap::from([(2, w(20.0))]), fresh);
        assert!(watch.contains(1) && watch.contains(2));
        // The older refresh, finishing last, read before session 2's budget: ignored.
        watch.replace(HashMap::new(), stale);
        assert!(watch.contains(1) && watch.contains(2));
        // The next refresh is the truth for what was watched before it began.
        let next = watch.begin_refresh();
        watch.replace(HashMap::from([(2, w(20.0))]), next);
        assert!(!watch.contains(1) && watch.contains(2));
    }

    #[test]
    fn the_stop_queue_is_bounded_and_a_session_left_out_asks_again() {
        let watch = BudgetWatch::default();
        let mut queue = watch.take_queue().unwrap();
        let over = BudgetWatch::STOP_QUEUE as i32 + 1;
        for id in 0..over {
            watch.watch(
                id,
                Watched {
                    station_id: "CP1".into(),
                    meter_start: 0,
                    allowance_wh: 1.0,
                    stopping: false,
                },
                false,
            );
            watch.reading("CP1", id, 2.0);
        }
        let mut queued = Vec::new();
        while let Ok(request) = queue.try_recv() {
            queued.push(request.transaction_id);
        }
        assert_eq!(
            queued.len(),
            BudgetWatch::STOP_QUEUE,
            "the queue holds at most its bound"
        );
        assert!(!queued.contains(&(over - 1)));
        // The one left out is asked for again at its next reading, now that there is room.
        watch.reading("CP1", over - 1, 3.0);
        assert_eq!(queue.try_recv().unwrap().transaction_id, over - 1);
    }
}
