//! The audit trail: what an account or token changed, whoever's front door it came through
//! (every GraphQL mutation, the seed's REST commands, logins and failed logins). An [`Entry`]
//! is masked (secrets by argument name, recursively), cut to its bounds and stored durably
//! before the caller gets its answer ([`record`]); a remote command's answer from the station
//! is noted on the way ([`noted`], [`note_answer`]) whatever the client selected. The table is
//! bounded by age (`--audit-retention`) and by rows (`--audit-max-rows`, and
//! `--audit-max-anonymous-rows` for callers without a valid token), pruned every hour and
//! after every tenth of a bound written ([`prune`]).

use std::{
    cell::RefCell,
    future::Future,
    net::IpAddr,
    sync::{Arc, atomic::Ordering},
    time::Duration,
};

use chrono::{DateTime, SubsecRound, Utc};
use entity::audit_log;
use ocpp::rpc::CommandError;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde_json::{Map, Value};

use crate::{context::Context, store::StoreError};

/// What replaces a secret.
pub const MASK: &str = "***";
/// Longest string kept in the arguments (longer ones are cut, with `…`).
const MAX_STRING: usize = 512;
/// Most items of one list kept in the arguments.
const MAX_ITEMS: usize = 100;
/// Longest arguments text stored; larger ones are replaced by their size.
const MAX_ARGUMENTS: usize = 16 * 1024;
/// Characters of a username kept when its login failed (people type passwords into it).
pub const FAILED_USERNAME: usize = 32;
/// How often the trail is pruned even when few rows were written.
pub const PRUNE_EVERY: Duration = Duration::from_secs(3600);
/// Rows deleted per statement when pruning, so that other writes interleave.
const SLICE: u64 = 5000;

/// One action, before it is stored.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Entry {
    pub sub: Option<String>,
    pub role: Option<String>,
    pub address: Option<IpAddr>,
    /// A mutation's name, `login`, `loginFailed`, `rest:<METHOD> <path>`.
    pub action: String,
    pub target: Option<String>,
    /// The arguments as given; masked and cut by [`record`].
    pub arguments: Value,
    /// `OK` or the error's code.
    pub outcome: String,
    /// A remote command's answer from the station.
    pub answer: Option<String>,
}

/// The outcome of an action that succeeded.
pub const OK: &str = "OK";

/// Whether an argument's name says it holds a secret: passwords, secrets, tokens, private
/// keys, authorization keys, keys (`key` itself, except as the name in a key/value pair).
fn secret_name(name: &str) -> bool {
    let name: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "password",
        "secret",
        "token",
        "privatekey",
        "authorizationkey",
        "apikey",
    ]
    .iter()
    .any(|s| name.contains(s))
        || name == "key"
}

/// Masks the secrets of `value` in place, recursively: every member whose name says it holds
/// a secret, and the `value` of a key/value pair (ChangeConfiguration) whose `key` names one,
/// or of a variable to set (2.0.1's SetVariables) whose `variable` names one.
pub fn mask(value: &mut Value) {
    match value {
        Value::Object(members) => {
            let named_by = ["key", "variable"]
                .into_iter()
                .find(|n| members.contains_key(*n) && members.contains_key("value"));
            let pair = named_by.is_some();
            let secret_pair = named_by
                .and_then(|n| members.get(n))
                .and_then(Value::as_str)
                .is_some_and(secret_name_or_pair_key);
            for (name, member) in members.iter_mut() {
                let secret = if Some(name.as_str()) == named_by {
                    false
                } else if pair && name == "value" {
                    secret_pair
                } else {
                    secret_name(name)
                };
                if secret {
                    if !member.is_null() {
                        *member = Value::String(MASK.into());
                    }
                } else {
                    mask(member);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(mask),
        _ => {}
    }
}

/// A configuration key that names a secret (`AuthorizationKey`, a vendor's `…Password`).
fn secret_name_or_pair_key(key: &str) -> bool {
    secret_name(key) || key.eq_ignore_ascii_case("key")
}

/// What an action is about, from its arguments: the first of `stationId`, `id`, `username`,
/// `idTag`, `reservationId`, `transactionId` (also inside an `input` object).
pub fn target_of(arguments: &Value) -> Option<String> {
    const NAMES: [&str; 6] = [
        "stationId",
        "id",
        "username",
        "idTag",
        "reservationId",
        "transactionId",
    ];
    let find = |object: &Map<String, Value>| {
        NAMES.iter().find_map(|name| match object.get(*name)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
    };
    let object = arguments.as_object()?;
    find(object).or_else(|| find(object.get("input")?.as_object()?))
}

/// `s` without NUL characters (PostgreSQL cannot store them) and at most `max` characters.
fn clean(s: &str, max: usize) -> String {
    let mut out: String = s
        .chars()
        .take(max)
        .map(|c| if c == '\0' { '\u{FFFD}' } else { c })
        .collect();
    if s.chars().nth(max).is_some() {
        out.pop();
        out.push('…');
    }
    out
}

/// Cuts strings and lists in `value` to their bounds.
fn clip(value: &mut Value) {
    match value {
        Value::String(s) if s.len() > MAX_STRING || s.contains('\0') => {
            *s = clean(s, MAX_STRING);
        }
        Value::Array(items) => {
            items.truncate(MAX_ITEMS);
            items.iter_mut().for_each(clip);
        }
        Value::Object(members) => members.values_mut().for_each(clip),
        _ => {}
    }
}

/// The stored text of `arguments`: masked, cut, at most [`MAX_ARGUMENTS`] bytes.
pub fn stored_arguments(mut arguments: Value) -> String {
    mask(&mut arguments);
    clip(&mut arguments);
    let text = arguments.to_string();
    if text.len() <= MAX_ARGUMENTS {
        return text;
    }
    serde_json::json!({ "truncated": true, "bytes": text.len() }).to_string()
}

fn row(entry: &Entry, at: DateTime<Utc>) -> audit_log::ActiveModel {
    audit_log::ActiveModel {
        id: NotSet,
        at: Set(at),
        sub: Set(entry.sub.as_deref().map(|s| clean(s, 255))),
        role: Set(entry.role.as_deref().map(|s| clean(s, 16))),
        address: Set(entry.address.map(|a| a.to_string())),
        action: Set(clean(&entry.action, 96)),
        target: Set(entry.target.as_deref().map(|s| clean(s, 255))),
        arguments: Set(stored_arguments(entry.arguments.clone())),
        outcome: Set(clean(&entry.outcome, 64)),
        answer: Set(entry.answer.as_deref().map(|s| clean(s, 128))),
    }
}

/// Stores `entry` and returns once it is committed (the caller answers after it). The write
/// runs on a task of its own, so a caller that goes away meanwhile (a client that hung up, a
/// query timeout) cannot cancel it. A row the database refuses is logged whole at ERROR
/// (target `audit`) and counted in `chargegate_audit_rows_lost_total`, so it is never lost silently.
pub async fn record(ctx: &Arc<Context>, entry: Entry) {
    // Microseconds, as PostgreSQL keeps them: the same row reads the same on both backends.
    let at = Utc::now().trunc_subsecs(6);
    let model = row(&entry, at);
    let anonymous = entry.sub.is_none();
    let app = ctx.clone();
    let written = tokio::spawn(async move { app.store.insert(model).await.map(|_| ()) }).await;
    match written {
        Ok(Ok(())) => after_write(ctx, anonymous),
        Ok(Err(e)) => lost(ctx, &entry, &e.to_string()),
        Err(e) => lost(ctx, &entry, &e.to_string()),
    }
}

fn lost(ctx: &Context, entry: &Entry, why: &str) {
    ctx.metrics.audit_rows_lost.inc();
    let row = serde_json::to_string(&Entry {
        arguments: serde_json::from_str(&stored_arguments(entry.arguments.clone()))
            .unwrap_or_default(),
        ..entry.clone()
    })
    .unwrap_or_default();
    tracing::error!(target: "audit", error = why, row = %row, "audit row not stored");
}

/// Counts a written row and starts a pruning after every tenth of the bound that the row
/// counts against, unless one is running (which then goes round again if as many rows were
/// written meanwhile).
fn after_write(ctx: &Arc<Context>, anonymous: bool) {
    let limits = &ctx.settings.limits;
    let bound = if anonymous {
        limits.audit_max_anonymous_rows
    } else {
        limits.audit_max_rows
    };
    let every = (bound / 10).max(1);
    let written = ctx.audit.since_prune.fetch_add(1, Ordering::Relaxed) + 1;
    if written < every || ctx.audit.pruning.swap(true, Ordering::AcqRel) {
        return;
    }
    let ctx = ctx.clone();
    tokio::spawn(async move {
        loop {
            ctx.audit.since_prune.store(0, Ordering::Relaxed);
            if let Err(e) = prune(&ctx).await {
                tracing::warn!(error = %e, "audit pruning failed");
            }
            ctx.audit.pruning.store(false, Ordering::Release);
            let again = ctx.audit.since_prune.load(Ordering::Relaxed) >= every;
            if !again || ctx.audit.pruning.swap(true, Ordering::AcqRel) {
                return;
            }
        }
    });
}

/// Deletes the rows past `--audit-retention`, the anonymous rows beyond
/// `--audit-max-anonymous-rows` and any beyond `--audit-max-rows`, oldest first. Returns how
/// many were deleted.
pub async fn prune(ctx: &Context) -> Result<u64, StoreError> {
    let mut deleted = 0;
    let retention = ctx.settings.audit_retention.0;
    if !retention.is_zero()
        && let Ok(retention) = chrono::Duration::from_std(retention)
    {
        let before = Utc::now() - retention;
        deleted += delete_where(ctx, Doomed::Before(before)).await?;
    }
    let limits = &ctx.settings.limits;
    for (anonymous, keep) in [
        (true, limits.audit_max_anonymous_rows),
        (false, limits.audit_max_rows),
    ] {
        let mut query = audit_log::Entity::find()
            .select_only()
            .column(audit_log::Column::Id);
        if anonymous {
            query = query.filter(audit_log::Column::Sub.is_null());
        }
        let threshold = query
            .order_by_desc(audit_log::Column::Id)
            .offset(keep)
            .limit(1)
            .into_tuple::<i64>()
            .one(ctx.store.reader())
            .await?;
        if let Some(last) = threshold {
            deleted += delete_where(ctx, Doomed::UpTo { last, anonymous }).await?;
        }
    }
    if deleted > 0 {
        tracing::info!(deleted, "pruned the audit trail");
    }
    Ok(deleted)
}

/// Which rows a pruning deletes.
#[derive(Clone, Copy)]
enum Doomed {
    /// Those of actions before this time.
    Before(DateTime<Utc>),
    /// Those with ids up to `last` (only anonymous ones when `anonymous`).
    UpTo { last: i64, anonymous: bool },
}

/// Deletes the `doomed` rows, oldest first, a slice at a time.
async fn delete_where(ctx: &Context, doomed: Doomed) -> Result<u64, StoreError> {
    let mut total = 0;
    loop {
        let deleted = ctx
            .store
            .write(move |txn| {
                Box::pin(async move {
                    use audit_log::{Column, Entity};
                    use sea_orm::sea_query::{Expr, ExprTrait, Order, Query};
                    let mut oldest = Query::select()
                        .column(Column::Id)
                        .from(Entity)
                        .order_by(Column::Id, Order::Asc)
                        .limit(SLICE)
                        .to_owned();
                    match doomed {
                        Doomed::Before(before) => {
                            oldest.and_where(Expr::col(Column::At).lt(before));
                        }
                        Doomed::UpTo { last, anonymous } => {
                            oldest.and_where(Expr::col(Column::Id).lte(last));
                            if anonymous {
                                oldest.and_where(Expr::col(Column::Sub).is_null());
                            }
                        }
                    }
                    let result = Entity::delete_many()
                        .filter(Column::Id.in_subquery(oldest))
                        .exec(txn)
                        .await?;
                    Ok(result.rows_affected)
                })
            })
            .await?;
        total += deleted;
        if deleted < SLICE {
            return Ok(total);
        }
    }
}

/// Prunes the trail every [`PRUNE_EVERY`] until shutdown.
pub async fn run_pruner(ctx: Arc<Context>) {
    let mut every = tokio::time::interval(PRUNE_EVERY);
    loop {
        tokio::select! {
            () = ctx.shutdown.cancelled() => return,
            _ = every.tick() => {}
        }
        if ctx.audit.pruning.swap(true, Ordering::AcqRel) {
            continue;
        }
        if let Err(e) = prune(&ctx).await {
            tracing::warn!(error = %e, "audit pruning failed");
        }
        ctx.audit.pruning.store(false, Ordering::Release);
    }
}

/// The outcome recorded for an action whose answer never came: the client went away, or the
/// operation's timeout stopped it.
pub const CANCELLED: &str = "CANCELLED";

/// An action under way: recorded as [`CANCELLED`] if dropped before [`Pending::finish`].
pub struct Pending {
    app: Arc<Context>,
    entry: Option<Entry>,
}

impl Pending {
    pub fn new(app: Arc<Context>, entry: Entry) -> Self {
        Self {
            app,
            entry: Some(entry),
        }
    }

    /// The entry back, to be completed and [`record`]ed.
    pub fn finish(mut self) -> Entry {
        self.entry.take().unwrap_or_default()
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Some(mut entry) = self.entry.take() {
            entry.outcome = CANCELLED.into();
            let app = self.app.clone();
            match tokio::runtime::Handle::try_current() {
                Ok(runtime) => {
                    runtime.spawn(async move { record(&app, entry).await });
                }
                // Dropped outside a runtime (at its very end): the log keeps the row.
                Err(_) => lost(&app, &entry, "the runtime is gone"),
            }
        }
    }
}

/// What an action noted while it ran: the station's answer to its command, the account a
/// login signed in.
#[derive(Clone, Debug, Default)]
pub struct Note {
    pub answer: Option<String>,
    pub principal: Option<(String, String)>,
}

tokio::task_local! {
    static NOTE: RefCell<Note>;
}

/// Runs `action`, collecting what it notes ([`note_answer`], [`note_login`]).
pub async fn noted<F: Future>(action: F) -> (F::Output, Note) {
    NOTE.scope(RefCell::new(Note::default()), async move {
        let output = action.await;
        (output, NOTE.with(|n| n.take()))
    })
    .await
}

/// Notes a station's answer to a command (its `status`, or that it answered): a no-op outside
/// [`noted`].
pub fn note_answer(answer: &str) {
    let status = serde_json::from_str::<Value>(answer)
        .ok()
        .and_then(|v| v.get("status").and_then(Value::as_str).map(str::to_owned))
        .unwrap_or_else(|| "answered".into());
    let _ = NOTE.try_with(|n| n.borrow_mut().answer = Some(status));
}

/// Notes why a command got no answer.
pub fn note_no_answer(error: &CommandError) {
    let what = match error {
        CommandError::Offline | CommandError::Disconnected => "Offline".to_owned(),
        CommandError::Timeout(_) => "Timeout".to_owned(),
        CommandError::CallError { code, .. } => format!("CallError:{code}"),
        CommandError::InvalidResponse(_) => "InvalidResponse".to_owned(),
        CommandError::Unreachable(_) => "Unreachable".to_owned(),
    };
    let _ = NOTE.try_with(|n| n.borrow_mut().answer = Some(what));
}

/// Notes the account a login signed in, with its role.
pub fn note_login(username: &str, role: &str) {
    let _ = NOTE.try_with(|n| {
        n.borrow_mut().principal = Some((username.to_owned(), role.to_owned()));
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn secrets_are_masked_by_name_at_any_depth() {
        let mut args = json!({
            "username": "ana",
            "password": "hunter2",
            "currentPassword": "a", "newPassword": "b",
            "stationId": "CP1",
            "key": "00112233445566778899aabbccddeeff",
            "input": {"clientSecret": "s", "list": [{"private_key": "k", "apiToken": "t"}]},
            "keys": ["HeartbeatInterval"],
            "password2": null,
        });
        mask(&mut args);
        assert_eq!(
            args,
            json!({
                "username": "ana",
                "password": MASK,
                "currentPassword": MASK, "newPassword": MASK,
                "stationId": "CP1",
                "key": MASK,
                "input": {"clientSecret": MASK, "list": [{"private_key": MASK, "apiToken": MASK}]},
                "keys": ["HeartbeatInterval"],
                "password2": null,
            })
        );
    }

    #[test]
    fn a_configuration_pair_masks_the_value_of_a_secret_key_only() {
        let mut secret = json!({"stationId": "CP1", "key": "AuthorizationKey", "value": "0011"});
        mask(&mut secret);
        assert_eq!(
            secret,
            json!({"stationId": "CP1", "key": "AuthorizationKey", "value": MASK})
        );
        let mut plain = json!({"key": "HeartbeatInterval", "value": "300"});
        mask(&mut plain);
        assert_eq!(plain, json!({"key": "HeartbeatInterval", "value": "300"}));
        // 2.0.1's SetVariables: the variable names the secret.
        let mut set = json!({"variables": [
            {"component": "SecurityCtrlr", "variable": "BasicAuthPassword", "value": "s3cret"},
            {"component": "OCPPCommCtrlr", "variable": "HeartbeatInterval", "value": "300"}
        ]});
        mask(&mut set);
        assert_eq!(set["variables"][0]["value"], MASK);
        assert_eq!(set["variables"][0]["variable"], "BasicAuthPassword");
        assert_eq!(set["variables"][1]["value"], "300");
    }

    #[test]
    fn the_target_is_the_first_known_argument() {
        assert_eq!(
            target_of(&json!({"stationId": "CP1", "idTag": "T"})),
            Some("CP1".into())
        );
        assert_eq!(
            target_of(&json!({"input": {"idTag": "TAG"}})),
            Some("TAG".into())
        );
        assert_eq!(target_of(&json!({"reservationId": 7})), Some("7".into()));
        assert_eq!(target_of(&json!({"other": 1})), None);
    }

    #[test]
    fn arguments_are_bounded() {
        let long = "x".repeat(10_000);
        let stored = stored_arguments(json!({"note": long, "nul": "a\0b"}));
        let back: Value = serde_json::from_str(&stored).unwrap();
        assert_eq!(back["note"].as_str().unwrap().chars().count(), MAX_STRING);
        assert_eq!(back["nul"], "a\u{FFFD}b");
        let many: Vec<String> = (0..MAX_ITEMS * 3).map(|i| format!("{i:0>400}")).collect();
        let stored = stored_arguments(json!({ "list": many }));
        assert!(stored.len() <= MAX_ARGUMENTS, "{}", stored.len());
    }
}
