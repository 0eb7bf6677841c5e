//! The audit trail (issue 23, item 4): every mutation of the schema leaves a row (the schema is
//! walked by introspection over HTTP and each mutation called with generated arguments);
//! secrets are masked; the address is the client's (X-Forwarded-For only from a trusted
//! proxy); logins and failed logins; a remote command's answer from the station, over GraphQL
//! and REST; `auditLog`'s filters, pages and its refusal to anyone but administrators; pruning
//! by age and by rows (failed logins from anywhere cannot grow the table past its bound). Real
//! server on port 0, on SQLite and PostgreSQL.

use chargegate::auth::Role;
use entity::audit_log;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use serde_json::{Map, Value, json};

use crate::on_both_backends;
use crate::support::{Backend, TestApp, eventually, spawn_on};

const LOGIN: &str =
    "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token role } }";
const AUDIT_LOG: &str =
    "query($f: AuditLogFilter, $first: Int, $after: String, $last: Int, $before: String) {
  auditLog(filter: $f, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id at sub role address action target arguments outcome answer } }
  }
}";

/// Prunes once the pruning that the last writes started in the background (after every tenth
/// of a bound) has ended, so that the two do not race over the same rows.
async fn prune_when_settled(app: &TestApp) {
    use std::sync::atomic::Ordering;
    eventually("the background pruning to end", || async {
        (!app.ctx().audit.pruning.load(Ordering::Acquire)).then_some(())
    })
    .await;
    chargegate::use_case::audit::prune(app.ctx()).await.unwrap();
}

/// Every row of the trail, oldest first.
async fn all_rows(app: &TestApp) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .order_by_asc(audit_log::Column::Id)
        .all(app.db())
        .await
        .unwrap()
}

async fn rows_of(app: &TestApp, action: &str) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .order_by_asc(audit_log::Column::Id)
        .all(app.db())
        .await
        .unwrap()
}

async fn create_account(app: &TestApp, username: &str, password: &str, role: &str) {
    app.ok(
        &app.admin(),
        &format!(
            "mutation($u: String!, $p: String!) {{ createAccount(username: $u, password: $p, role: {role}) {{ username }} }}"
        ),
        json!({"u": username, "p": password}),
    )
    .await;
}

// ---------------------------------------------------------------------------------------------
// Every mutation of the schema leaves a row.

const INTROSPECTION: &str = "{
  __schema {
    mutationType { fields(includeDeprecated: true) { name args { name type { ...T } } type { ...T } } }
    types { name kind enumValues { name } inputFields { name type { ...T } } }
  }
}
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";

/// A value of `ty` (an introspected `__Type`), built from the schema's types.
fn value_of(ty: &Value, types: &Map<String, Value>, depth: usize) -> Value {
    match ty["kind"].as_str().unwrap() {
        "NON_NULL" => value_of(&ty["ofType"], types, depth),
        "LIST" => json!([value_of(&ty["ofType"], types, depth)]),
        "SCALAR" => match ty["name"].as_str().unwrap() {
            "Int" => json!(1),
            "Float" => json!(1.5),
            "Boolean" => json!(false),
            "ID" => json!("CP-AUDIT"),
            "DateTime" => json!("2030-01-01T00:00:00Z"),
            _ => json!("audit-value"),
        },
        "ENUM" => {
            let name = ty["name"].as_str().unwrap();
            types[name]["enumValues"][0]["name"].clone()
        }
        "INPUT_OBJECT" => {
            let name = ty["name"].as_str().unwrap();
            let mut object = Map::new();
            if depth < 4 {
                for field in types[name]["inputFields"].as_array().unwrap() {
                    if field["type"]["kind"] == "NON_NULL" {
                        object.insert(
                            field["name"].as_str().unwrap().to_owned(),
                            value_of(&field["type"], types, depth + 1),
                        );
                    }
                }
            }
            Value::Object(object)
        }
        other => panic!("no input value of kind {other}"),
    }
}

/// The type as written in a variable definition (`[String!]!`).
fn type_ref(ty: &Value) -> String {
    match ty["kind"].as_str().unwrap() {
        "NON_NULL" => format!("{}!", type_ref(&ty["ofType"])),
        "LIST" => format!("[{}]", type_ref(&ty["ofType"])),
        _ => ty["name"].as_str().unwrap().to_owned(),
    }
}

/// The named type under the wrappers.
fn named(ty: &Value) -> &Value {
    match ty["kind"].as_str().unwrap() {
        "NON_NULL" | "LIST" => named(&ty["ofType"]),
        _ => ty,
    }
}

/// Calls every mutation the schema has, as an administrator, with a value for each required
/// argument (it may well be refused: a station that does not exist, a tag that is not there):
/// each must leave a row named after it (a refused login: `loginFailed`).
async fn every_mutation_leaves_a_row(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let schema = app.ok(&admin, INTROSPECTION, json!({})).await;
    let types: Map<String, Value> = schema["__schema"]["types"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["name"].as_str().unwrap().to_owned(), t.clone()))
        .collect();
    let fields = schema["__schema"]["mutationType"]["fields"]
        .as_array()
        .unwrap();
    assert!(fields.len() >= 40, "only {} mutations?", fields.len());
    let mut missing = Vec::new();
    for field in fields {
        let name = field["name"].as_str().unwrap();
        let mut definitions = Vec::new();
        let mut uses = Vec::new();
        let mut variables = Map::new();
        for arg in field["args"].as_array().unwrap() {
            if arg["type"]["kind"] != "NON_NULL" {
                continue;
            }
            let arg_name = arg["name"].as_str().unwrap();
            definitions.push(format!("${arg_name}: {}", type_ref(&arg["type"])));
            uses.push(format!("{arg_name}: ${arg_name}"));
            variables.insert(arg_name.to_owned(), value_of(&arg["type"], &types, 0));
        }
        let selection = match named(&field["type"])["kind"].as_str().unwrap() {
            "OBJECT" | "INTERFACE" | "UNION" => " { __typename }",
            _ => "",
        };
        let query = format!(
            "mutation{} {{ {name}{}{selection} }}",
            if definitions.is_empty() {
                String::new()
            } else {
                format!("({})", definitions.join(", "))
            },
            if uses.is_empty() {
                String::new()
            } else {
                format!("({})", uses.join(", "))
            },
        );
        let before = all_rows(&app).await.len();
        let response = app
            .gql(Some(&admin), &query, Value::Object(variables))
            .await;
        let rows = all_rows(&app).await;
        let recorded = rows[before..]
            .iter()
            .any(|row| row.action == name || (name == "login" && row.action == "loginFailed"));
        if !recorded {
            missing.push(format!("{name}: {response}"));
        }
        // Whatever happened, the outcome is OK or the code the client got.
        if let Some(row) = rows[before..].iter().find(|r| r.action.contains(name)) {
            let expected = response["errors"][0]["extensions"]["code"]
                .as_str()
                .unwrap_or("OK");
            assert_eq!(row.outcome, expected, "{name}: {response}");
        }
    }
    assert!(
        missing.is_empty(),
        "mutations without an audit row: {missing:#?}"
    );
    app.stop().await;
}
on_both_backends!(every_mutation_leaves_a_row);

// ---------------------------------------------------------------------------------------------
// Logins, failed logins, masking, the address.

/// A login is recorded with the account it signed in; a failed one with the username tried
/// and no `sub`; no password, old or new, is stored anywhere in the trail.
async fn logins_failed_logins_and_masking(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    create_account(&app, "olga", "olga's secret words", "OPERATOR").await;
    let token = app
        .gql(
            None,
            LOGIN,
            json!({"u": "olga", "p": "olga's secret words"}),
        )
        .await;
    let olga = token["data"]["login"]["token"].as_str().unwrap().to_owned();
    let (code, _) = app
        .err(None, LOGIN, json!({"u": "olga", "p": "a wrong guess here"}))
        .await;
    assert_eq!(code, "UNAUTHENTICATED");
    app.ok(
        &olga,
        "mutation { changePassword(currentPassword: \"olga's secret words\", newPassword: \"olga's newer words\") }",
        json!({}),
    )
    .await;
    // An AuthorizationKey sent with ChangeConfiguration (the station is not connected).
    app.err(
        Some(&app.admin()),
        "mutation { changeConfiguration(stationId: \"CP-X\", key: \"AuthorizationKey\", value: \"00112233445566778899aabbccddeeff\") { status } }",
        json!({}),
    )
    .await;

    let login = rows_of(&app, "login").await;
    assert_eq!(login.len(), 1, "{login:?}");
    assert_eq!(login[0].sub.as_deref(), Some("olga"));
    assert_eq!(login[0].role.as_deref(), Some("operator"));
    assert_eq!(login[0].outcome, "OK");
    assert_eq!(login[0].target.as_deref(), Some("olga"));
    assert_eq!(login[0].address.as_deref(), Some("127.0.0.1"));
    let args: Value = serde_json::from_str(&login[0].arguments).unwrap();
    assert_eq!(args, json!({"username": "olga", "password": "***"}));

    let failed = rows_of(&app, "loginFailed").await;
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0].sub, None);
    assert_eq!(failed[0].role, None);
    assert_eq!(failed[0].target.as_deref(), Some("olga"));
    assert_eq!(failed[0].outcome, "UNAUTHENTICATED");

    let change = rows_of(&app, "changePassword").await;
    assert_eq!(change[0].sub.as_deref(), Some("olga"));
    let args: Value = serde_json::from_str(&change[0].arguments).unwrap();
    assert_eq!(
        args,
        json!({"currentPassword": "***", "newPassword": "***"})
    );
    let config = rows_of(&app, "changeConfiguration").await;
    let args: Value = serde_json::from_str(&config[0].arguments).unwrap();
    assert_eq!(
        args,
        json!({"stationId": "CP-X", "key": "AuthorizationKey", "value": "***"})
    );
    assert_eq!(config[0].target.as_deref(), Some("CP-X"));
    assert_eq!(config[0].outcome, "NOT_FOUND");

    for row in all_rows(&app).await {
        let text = format!("{row:?}");
        for secret in [
            "secret words",
            "newer words",
            "wrong guess",
            "00112233445566778899aabbccddeeff",
        ] {
            assert!(!text.contains(secret), "{secret:?} stored: {text}");
        }
    }
    app.stop().await;
}
on_both_backends!(logins_failed_logins_and_masking);

/// The address is the one the login throttles count: `X-Forwarded-For` only when the peer is
/// a trusted proxy, the peer's own address otherwise.
async fn the_address_believes_only_trusted_proxies(backend: Backend) {
    for (trusted, expected) in [(false, "127.0.0.1"), (true, "203.0.113.9")] {
        let Some(app) = spawn_on(backend, |s| {
            if trusted {
                s.trusted_proxies = vec!["127.0.0.0/8".parse().unwrap()];
            }
        })
        .await
        else {
            return;
        };
        let response: Value = reqwest::Client::new()
            .post(format!("http://{}/graphql", app.addr))
            .header("x-forwarded-for", "203.0.113.9")
            .json(&json!({"query": LOGIN, "variables": {"u": "nobody", "p": "nothing at all"}}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(response["errors"].is_array(), "{response}");
        let failed = rows_of(&app, "loginFailed").await;
        assert_eq!(failed.len(), 1);
        assert_eq!(
            failed[0].address.as_deref(),
            Some(expected),
            "trusted: {trusted}"
        );
        app.stop().await;
    }
}
on_both_backends!(the_address_believes_only_trusted_proxies);

// ---------------------------------------------------------------------------------------------
// A remote command's answer.

/// The station's answer is recorded with its command: `Rejected` (outcome OK: the station
/// answered), a CallError (outcome `STATION_ERROR`, answer `CallError:<code>`), and through the
/// REST API (`rest:POST …`, the caller's `sub`).
async fn a_remote_commands_answer_is_recorded(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let mut station = app.booted_station("CP-AUDIT-1").await;
    let reset = "mutation { reset(stationId: \"CP-AUDIT-1\", type: SOFT) { status } }";

    let asked = app.gql_spawned(&admin, reset, json!({}));
    let (id, action, _) = station.server_call().await;
    assert_eq!(action, "Reset");
    station.reply(&id, json!({"status": "Rejected"})).await;
    let answered = asked.await.unwrap();
    assert_eq!(
        answered["data"]["reset"]["status"], "REJECTED",
        "{answered}"
    );

    let asked = app.gql_spawned(&admin, reset, json!({}));
    let (id, _, _) = station.server_call().await;
    station.reply_error(&id, "NotSupported", "not here").await;
    let answered = asked.await.unwrap();
    assert_eq!(
        answered["errors"][0]["extensions"]["code"], "STATION_ERROR",
        "{answered}"
    );

    let resets = rows_of(&app, "reset").await;
    assert_eq!(resets.len(), 2, "{resets:?}");
    assert_eq!(resets[0].outcome, "OK");
    assert_eq!(resets[0].answer.as_deref(), Some("Rejected"));
    assert_eq!(resets[0].target.as_deref(), Some("CP-AUDIT-1"));
    assert_eq!(resets[0].sub.as_deref(), Some("root"));
    assert_eq!(resets[0].role.as_deref(), Some("admin"));
    let args: Value = serde_json::from_str(&resets[0].arguments).unwrap();
    assert_eq!(args, json!({"stationId": "CP-AUDIT-1", "type": "SOFT"}));
    assert_eq!(resets[1].outcome, "STATION_ERROR");
    assert_eq!(resets[1].answer.as_deref(), Some("CallError:NotSupported"));

    // The seed's REST API, on the same command path.
    let operator = app.token(Role::Operator, "rita", None);
    let addr = app.addr;
    let rest = tokio::spawn(async move {
        reqwest::Client::new()
            .post(format!(
                "http://{addr}/api/v1/centralsystem/clients/CP-AUDIT-1/reset"
            ))
            .bearer_auth(operator)
            .json(&json!({"type": "Hard"}))
            .send()
            .await
            .unwrap()
            .json::<Value>()
            .await
            .unwrap()
    });
    let (id, action, _) = station.server_call().await;
    assert_eq!(action, "Reset");
    station.reply(&id, json!({"status": "Accepted"})).await;
    assert_eq!(rest.await.unwrap(), json!({"status": "Accepted"}));
    let rest_rows = rows_of(&app, "rest:POST /api/v1/centralsystem/clients/{id}/reset").await;
    assert_eq!(rest_rows.len(), 1, "{:?}", all_rows(&app).await);
    assert_eq!(rest_rows[0].sub.as_deref(), Some("rita"));
    assert_eq!(rest_rows[0].role.as_deref(), Some("operator"));
    assert_eq!(rest_rows[0].outcome, "OK");
    assert_eq!(rest_rows[0].answer.as_deref(), Some("Accepted"));
    assert_eq!(rest_rows[0].address.as_deref(), Some("127.0.0.1"));
    let args: Value = serde_json::from_str(&rest_rows[0].arguments).unwrap();
    assert_eq!(args, json!({"stationId": "CP-AUDIT-1", "type": "Hard"}));

    // Without a token: recorded without a `sub`, refused.
    let refused = reqwest::Client::new()
        .post(format!(
            "http://{}/api/v1/centralsystem/clients/CP-AUDIT-1/clear_cache",
            app.addr
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 401);
    let cleared = rows_of(
        &app,
        "rest:POST /api/v1/centralsystem/clients/{id}/clear_cache",
    )
    .await;
    assert_eq!(cleared.len(), 1);
    assert_eq!(cleared[0].sub, None);
    assert_eq!(cleared[0].outcome, "UNAUTHENTICATED");
    app.stop().await;
}
on_both_backends!(a_remote_commands_answer_is_recorded);

// ---------------------------------------------------------------------------------------------
// auditLog: administrators only, filters, pages.

async fn audit_log_filters_pages_and_refuses_others(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    for tag in ["AUD-1", "AUD-2", "AUD-3"] {
        app.ok(
            &admin,
            "mutation($t: String!) { createIdTag(input: {idTag: $t}) { idTag } }",
            json!({"t": tag}),
        )
        .await;
    }
    let other = app.token(Role::Operator, "otto", None);
    app.err(
        Some(&other),
        "mutation { createIdTag(input: {idTag: \"AUD-1\"}) { idTag } }",
        json!({}),
    )
    .await;
    app.err(None, LOGIN, json!({"u": "mallory", "p": "guess guess"}))
        .await;

    let page = |filter: Value, extra: Value| {
        let mut variables = json!({"f": filter});
        variables
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        variables
    };
    // Newest first; every action.
    let all = app
        .ok(&admin, AUDIT_LOG, page(json!(null), json!({})))
        .await;
    let edges = all["auditLog"]["edges"].as_array().unwrap();
    assert_eq!(all["auditLog"]["totalCount"], 5);
    let actions: Vec<&str> = edges
        .iter()
        .map(|e| e["node"]["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "loginFailed",
            "createIdTag",
            "createIdTag",
            "createIdTag",
            "createIdTag"
        ]
    );
    assert_eq!(edges[1]["node"]["outcome"], "CONFLICT");
    assert_eq!(edges[1]["node"]["sub"], "otto");
    assert_eq!(edges[1]["node"]["role"], "OPERATOR");
    assert_eq!(edges[4]["node"]["target"], "AUD-1");
    assert_eq!(edges[0]["node"]["sub"], Value::Null);

    let count = |filter: Value| {
        let app = &app;
        let admin = admin.clone();
        async move {
            let data = app.ok(&admin, AUDIT_LOG, json!({"f": filter})).await;
            data["auditLog"]["totalCount"].as_u64().unwrap()
        }
    };
    assert_eq!(count(json!({"sub": "root"})).await, 3);
    assert_eq!(count(json!({"sub": "otto"})).await, 1);
    assert_eq!(count(json!({"action": "createIdTag"})).await, 4);
    assert_eq!(count(json!({"action": "loginFailed"})).await, 1);
    assert_eq!(count(json!({"target": "AUD-1"})).await, 2);
    assert_eq!(count(json!({"outcome": "OK"})).await, 3);
    assert_eq!(
        count(json!({"outcome": "CONFLICT", "sub": "otto"})).await,
        1
    );
    assert_eq!(count(json!({"until": "2000-01-01T00:00:00Z"})).await, 0);
    assert_eq!(count(json!({"since": "2000-01-01T00:00:00Z"})).await, 5);
    let newest = edges[0]["node"]["at"].as_str().unwrap();
    assert_eq!(count(json!({"since": newest})).await, 1);
    assert_eq!(count(json!({"until": newest})).await, 4);

    // Pages of two, forwards and backwards.
    let first = app
        .ok(&admin, AUDIT_LOG, page(json!(null), json!({"first": 2})))
        .await;
    let info = &first["auditLog"]["pageInfo"];
    assert_eq!(info["hasNextPage"], true);
    assert_eq!(info["hasPreviousPage"], false);
    let next = app
        .ok(
            &admin,
            AUDIT_LOG,
            page(json!(null), json!({"first": 2, "after": info["endCursor"]})),
        )
        .await;
    let ids = |data: &Value| -> Vec<String> {
        data["auditLog"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["node"]["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let all_ids = ids(&all);
    assert_eq!(ids(&first), all_ids[0..2]);
    assert_eq!(ids(&next), all_ids[2..4]);
    let last = app
        .ok(&admin, AUDIT_LOG, page(json!(null), json!({"last": 2})))
        .await;
    assert_eq!(ids(&last), all_ids[3..5]);
    let before = app
        .ok(
            &admin,
            AUDIT_LOG,
            page(
                json!(null),
                json!({"last": 2, "before": last["auditLog"]["pageInfo"]["startCursor"]}),
            ),
        )
        .await;
    assert_eq!(ids(&before), all_ids[1..3]);

    // Administrators only.
    for role in [Role::Operator, Role::Viewer, Role::Driver] {
        let token = app.token(role, "someone", None);
        let (code, _) = app.err(Some(&token), AUDIT_LOG, json!({})).await;
        assert_eq!(code, "FORBIDDEN", "{role}");
    }
    let limited = app.token(Role::Admin, "local-admin", Some(&["CP-1"]));
    let (code, _) = app.err(Some(&limited), AUDIT_LOG, json!({})).await;
    assert_eq!(code, "FORBIDDEN", "an administrator of some stations only");
    let (code, _) = app.err(None, AUDIT_LOG, json!({})).await;
    assert_eq!(code, "UNAUTHENTICATED");
    app.stop().await;
}
on_both_backends!(audit_log_filters_pages_and_refuses_others);

// ---------------------------------------------------------------------------------------------
// Bounds: age and rows.

/// Failed logins from anywhere fill at most `--audit-max-anonymous-rows`: the oldest go,
/// automatically after each tenth of the bound written and at each pruning, and the staff's
/// rows stay. Rows older than `--audit-retention` are pruned.
async fn pruning_keeps_the_trail_within_its_bounds(backend: Backend) {
    let Some(app) = spawn_on(backend, |s| {
        s.limits.audit_max_anonymous_rows = 5;
        s.limits.audit_max_rows = 15;
    })
    .await
    else {
        return;
    };
    let admin = app.admin();
    app.ok(
        &admin,
        "mutation { createIdTag(input: {idTag: \"KEEP-ME\"}) { idTag } }",
        json!({}),
    )
    .await;
    for n in 0..30 {
        app.gql(
            None,
            LOGIN,
            json!({"u": format!("guess{n}"), "p": "not a password"}),
        )
        .await;
    }
    let anonymous = || async {
        audit_log::Entity::find()
            .filter(audit_log::Column::Sub.is_null())
            .count(app.db())
            .await
            .unwrap()
    };
    // Pruned on the way (each write past a tenth of the bound starts one).
    eventually("the anonymous rows pruned", || async {
        (anonymous().await <= 6).then_some(())
    })
    .await;
    prune_when_settled(&app).await;
    assert_eq!(anonymous().await, 5);
    let kept = rows_of(&app, "loginFailed").await;
    let targets: Vec<_> = kept.iter().map(|r| r.target.clone().unwrap()).collect();
    assert_eq!(
        targets,
        ["guess25", "guess26", "guess27", "guess28", "guess29"]
    );
    assert_eq!(
        rows_of(&app, "createIdTag").await.len(),
        1,
        "the staff's row stays"
    );

    // All rows: at most 15; the oldest go first.
    for n in 0..15 {
        app.ok(
            &admin,
            "mutation($t: String!) { createIdTag(input: {idTag: $t}) { idTag } }",
            json!({"t": format!("MORE-{n}")}),
        )
        .await;
    }
    prune_when_settled(&app).await;
    let rows = all_rows(&app).await;
    assert_eq!(rows.len(), 15);
    assert_eq!(rows[0].target.as_deref(), Some("MORE-0"));

    // Age: a row from 400 days ago goes (the retention is 365 days by default).
    let ancient = audit_log::ActiveModel {
        at: Set(chrono::Utc::now() - chrono::Duration::days(400)),
        sub: Set(Some("root".into())),
        role: Set(Some("admin".into())),
        action: Set("ancient".into()),
        arguments: Set("{}".into()),
        outcome: Set("OK".into()),
        ..Default::default()
    };
    // Through the store's writer (SQLite's read pool is read-only).
    app.ctx().store.insert(ancient).await.unwrap();
    assert_eq!(rows_of(&app, "ancient").await.len(), 1);
    prune_when_settled(&app).await;
    assert!(rows_of(&app, "ancient").await.is_empty());
    assert_eq!(all_rows(&app).await.len(), 15);
    app.stop().await;
}
on_both_backends!(pruning_keeps_the_trail_within_its_bounds);
