//! The audit trail in the API: [`AuditTrail`], the extension that records every top-level
//! mutation field (so that no mutation can be left out: it sees them all, by name, with their
//! arguments and variables resolved, their result or error), and `auditLog`, the trail for
//! administrators, newest first.

use std::sync::Arc;

use async_graphql::{
    Context, ID, InputObject, Object, Request, Result, ServerError, ServerResult, Value, Variables,
    extensions::{
        Extension, ExtensionContext, ExtensionFactory, NextPrepareRequest, NextResolve, ResolveInfo,
    },
    parser::types::{Field, OperationType},
};
use chrono::{DateTime, Utc};
use entity::audit_log;
use sea_orm::{ColumnTrait, Condition, EntityTrait, Order, QueryFilter};

use super::{
    account::{AccountRole, ClientAddr},
    error::ApiError,
    guard::{Auth, principal},
    pagination::{Page, PageArgs, rows},
};
use crate::{
    auth::Role,
    context::Context as App,
    use_case::audit::{self, Entry},
};

/// Records every top-level mutation field in the audit trail before its answer goes out.
pub struct AuditTrail;

impl ExtensionFactory for AuditTrail {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(AuditTrailExtension)
    }
}

struct AuditTrailExtension;

/// A mutation's variables, kept for its fields' arguments (only for mutations).
struct MutationVariables(Variables);

/// The JSON arguments of `field`, variables resolved (absent variables: null).
fn arguments(field: &Field, variables: Option<&Variables>) -> serde_json::Value {
    let mut object = serde_json::Map::new();
    for (name, value) in &field.arguments {
        let value = value
            .node
            .clone()
            .into_const_with(|var| {
                Ok::<_, ()>(
                    variables
                        .and_then(|v| v.get(&var).cloned())
                        .unwrap_or(Value::Null),
                )
            })
            .ok()
            .and_then(|v| v.into_json().ok())
            .unwrap_or_default();
        object.insert(name.node.to_string(), value);
    }
    serde_json::Value::Object(object)
}

/// The code of an error, as the client sees it.
fn code_of(error: &ServerError) -> String {
    error
        .extensions
        .as_ref()
        .and_then(|e| e.get("code"))
        .and_then(|code| match code {
            Value::String(s) => Some(s.clone()),
            _ => None,
        })
        .unwrap_or_else(|| "BAD_USER_INPUT".into())
}

#[async_trait::async_trait]
impl Extension for AuditTrailExtension {
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        mut request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        // The document was parsed (and measured) by `DocumentLimits`, which runs first.
        let name = request.operation_name.clone();
        let mutation = request.parsed_query().is_ok_and(|doc| {
            super::document::operation_type(doc, name.as_deref()) == Some(OperationType::Mutation)
        });
        if mutation {
            let variables = MutationVariables(request.variables.clone());
            request.data.insert(variables);
        }
        next.run(ctx, request).await
    }

    async fn resolve(
        &self,
        ctx: &ExtensionContext<'_>,
        info: ResolveInfo<'_>,
        next: NextResolve<'_>,
    ) -> ServerResult<Option<Value>> {
        let top_level_mutation = info.path_node.parent.is_none()
            && info.parent_type == "Mutation"
            && !info.is_for_introspection;
        let Some(app) = ctx.data_opt::<Arc<App>>().filter(|_| top_level_mutation) else {
            return next.run(ctx, info).await;
        };
        let variables = ctx.data_opt::<MutationVariables>().map(|v| &v.0);
        let arguments = arguments(info.field, variables);
        let (sub, role) = match ctx.data_opt::<Auth>() {
            Some(Auth::Principal(p)) => (Some(p.sub.clone()), Some(p.role.to_string())),
            _ => (None, None),
        };
        let mut entry = Entry {
            sub,
            role,
            address: ctx.data_opt::<ClientAddr>().and_then(|c| c.0),
            action: info.name.to_owned(),
            target: audit::target_of(&arguments),
            arguments,
            outcome: String::new(),
            answer: None,
        };
        let login = entry.action == "login";
        if login {
            // Who logs in is the account, not the token the request may carry.
            entry.sub = None;
            entry.role = None;
        }
        let pending = audit::Pending::new(app.clone(), entry);
        let (result, note) = audit::noted(next.run(ctx, info)).await;
        let mut entry = pending.finish();
        entry.outcome = match &result {
            Ok(_) => audit::OK.into(),
            Err(e) => code_of(e),
        };
        entry.answer = note.answer;
        if login {
            match (&result, note.principal) {
                (Ok(_), Some((sub, role))) => {
                    entry.sub = Some(sub);
                    entry.role = Some(role);
                }
                _ => {
                    // Only the first characters of the username tried: people type
                    // passwords into it.
                    entry.action = "loginFailed".into();
                    entry.target = entry
                        .target
                        .map(|u| u.chars().take(audit::FAILED_USERNAME).collect());
                    if let Some(username) = entry.arguments.get_mut("username") {
                        *username = entry.target.clone().into();
                    }
                }
            }
        }
        audit::record(app, entry).await;
        result
    }
}

/// One action of the audit trail.
pub struct AuditEntry(audit_log::Model);

#[Object]
impl AuditEntry {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// When the action ended.
    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }
    /// The token's subject (an account's username); null without a valid token (a failed
    /// login, a registration).
    async fn sub(&self) -> Option<&str> {
        self.0.sub.as_deref()
    }
    async fn role(&self) -> Option<AccountRole> {
        self.0
            .role
            .as_deref()
            .and_then(|r| r.parse::<Role>().ok())
            .map(Into::into)
    }
    /// The client's address (behind a trusted proxy, the one it forwarded).
    async fn address(&self) -> Option<&str> {
        self.0.address.as_deref()
    }
    /// The mutation's name, `loginFailed` for a login refused, `rest:<METHOD> <path>` for the
    /// REST API.
    async fn action(&self) -> &str {
        &self.0.action
    }
    /// What it was about: a station id, an id tag, a username, …
    async fn target(&self) -> Option<&str> {
        self.0.target.as_deref()
    }
    /// The arguments as a JSON object; secrets (passwords, keys, tokens, …) are `"***"`.
    async fn arguments(&self) -> &str {
        &self.0.arguments
    }
    /// `OK`, or the error's `extensions.code` (`CANCELLED`: the answer never went out; for
    /// the REST API, its error code).
    async fn outcome(&self) -> &str {
        &self.0.outcome
    }
    /// A remote command's answer from the station: its `status` (`Accepted`, …), `answered`
    /// for an answer without one, or `CallError:<code>`, `Timeout`, `Offline`.
    async fn answer(&self) -> Option<&str> {
        self.0.answer.as_deref()
    }
}

/// What `auditLog` lists; every field given must match.
#[derive(InputObject, Default)]
pub struct AuditLogFilter {
    pub sub: Option<String>,
    pub action: Option<String>,
    pub target: Option<String>,
    pub outcome: Option<String>,
    /// From this time on (inclusive).
    pub since: Option<DateTime<Utc>>,
    /// Before this time.
    pub until: Option<DateTime<Utc>>,
}

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// The audit trail, newest first (administrators whose token covers every station): every
    /// action of an account or token that changed something, logins and failed logins.
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        filter: Option<AuditLogFilter>,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<Page<AuditEntry>> {
        let p = principal(ctx)?;
        if p.role != Role::Admin {
            return Err(ApiError::Forbidden(format!(
                "the {} role may not read the audit trail (admin needed)",
                p.role
            ))
            .into());
        }
        if p.stations.is_some() {
            return Err(ApiError::Forbidden(
                "the audit trail covers every station and account: reading it needs a token \
                 that is not limited to some stations"
                    .into(),
            )
            .into());
        }
        let filter = filter.unwrap_or_default();
        let mut condition = Condition::all();
        if let Some(sub) = filter.sub {
            condition = condition.add(audit_log::Column::Sub.eq(sub));
        }
        if let Some(action) = filter.action {
            condition = condition.add(audit_log::Column::Action.eq(action));
        }
        if let Some(target) = filter.target {
            condition = condition.add(audit_log::Column::Target.eq(target));
        }
        if let Some(outcome) = filter.outcome {
            condition = condition.add(audit_log::Column::Outcome.eq(outcome));
        }
        if let Some(since) = filter.since {
            condition = condition.add(audit_log::Column::At.gte(since));
        }
        if let Some(until) = filter.until {
            condition = condition.add(audit_log::Column::At.lt(until));
        }
        Ok(rows(
            ctx,
            PageArgs {
                after,
                before,
                first,
                last,
            },
            audit_log::Entity::find().filter(condition),
            &[(audit_log::Column::Id, Order::Desc)],
            AuditEntry,
        )
        .await?)
    }
}
