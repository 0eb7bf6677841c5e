//! Accounts for drivers (issue 22): a caller changes its own password; drivers register
//! themselves (off by default, pending until an operator approves, in bounded numbers,
//! rate-limited per address); operators manage drivers' accounts and only those; an account's
//! id tags; the migration that adds `pending`. Real server on port 0 over HTTP, on SQLite and
//! PostgreSQL.

use chargegate::auth::Role;
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::{Backend, TestApp, TestDb, spawn_on};

const LOGIN: &str =
    "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token role } }";
const CHANGE: &str =
    "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }";
const REGISTER: &str = "mutation($u: String!, $p: String!) { register(username: $u, password: $p) { username role pending stations } }";
const APPROVE: &str =
    "mutation($u: String!) { approveAccount(username: $u) { username role pending } }";
const CREATE: &str = "mutation($u: String!, $r: AccountRole!, $s: [ID!]) { createAccount(username: $u, password: \"long enough pw\", role: $r, stations: $s) { username role pending stations } }";
const UPDATE: &str = "mutation($u: String!, $p: String, $r: AccountRole, $s: [ID!]) { updateAccount(username: $u, password: $p, role: $r, stations: $s) { username role stations } }";
const DELETE: &str = "mutation($u: String!) { deleteAccount(username: $u) }";
const ACCOUNTS: &str =
    "query($p: Boolean) { accounts(pending: $p) { username role pending idTags { idTag owner } } }";

/// The first error's code of a request that must fail.
async fn code(app: &TestApp, token: Option<&str>, query: &str, variables: Value) -> String {
    app.err(token, query, variables).await.0
}

/// Registers without a token, counting the attempt; the whole response.
async fn register(app: &TestApp, attempts: &mut u32, username: &str, password: &str) -> Value {
    *attempts += 1;
    app.gql(None, REGISTER, json!({"u": username, "p": password}))
        .await
}

/// Logs in; the token, or the error's code.
async fn login(app: &TestApp, username: &str, password: &str) -> Result<String, String> {
    let response = app
        .gql(None, LOGIN, json!({"u": username, "p": password}))
        .await;
    match response["data"]["login"]["token"].as_str() {
        Some(token) => Ok(token.to_owned()),
        None => Err(crate::gql::first_error(&response).0),
    }
}

async fn usernames(app: &TestApp, token: &str, pending: Option<bool>) -> Vec<String> {
    let listed = app.ok(token, ACCOUNTS, json!({"p": pending})).await;
    listed["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["username"].as_str().unwrap().to_owned())
        .collect()
}

/// A caller changes its own password: the old one stops working, the new one works; a wrong
/// current password, a new password that breaks the rules, a token of no account and too many
/// wrong attempts are refused, each with its code.
async fn change_password(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    app.ok(
        &admin,
        "mutation { createAccount(username: \"dina\", password: \"first password\", role: DRIVER) { username } }",
        json!({}),
    )
    .await;
    let dina = login(&app, "dina", "first password").await.unwrap();

    let wrong = json!({"c": "not my password", "n": "second password"});
    let (wrong_code, message) = app.err(Some(&dina), CHANGE, wrong).await;
    assert_eq!(wrong_code, "BAD_USER_INPUT", "{message}");
    assert!(message.contains("current password"), "{message}");
    let short = json!({"c": "first password", "n": "short"});
    let (short_code, message) = app.err(Some(&dina), CHANGE, short).await;
    assert_eq!(short_code, "BAD_USER_INPUT");
    assert!(message.contains("at least 10 characters"), "{message}");
    assert!(login(&app, "dina", "first password").await.is_ok());

    let changed = app
        .ok(
            &dina,
            CHANGE,
            json!({"c": "first password", "n": "second password"}),
        )
        .await;
    assert_eq!(changed["changePassword"], true);
    assert_eq!(
        login(&app, "dina", "first password").await,
        Err("UNAUTHENTICATED".to_owned())
    );
    let again = login(&app, "dina", "second password").await.unwrap();
    // Any role changes its own: an administrator's account too.
    app.ok(
        &admin,
        "mutation { createAccount(username: \"boss\", password: \"boss password\", role: ADMIN) { username } }",
        json!({}),
    )
    .await;
    let boss = login(&app, "boss", "boss password").await.unwrap();
    let boss_change = json!({"c": "boss password", "n": "better boss password"});
    app.ok(&boss, CHANGE, boss_change).await;
    assert!(login(&app, "boss", "better boss password").await.is_ok());

    // A token that is no account's (`chargegate token`, an outside provider), or none.
    let ghost = app.token(Role::Operator, "ghost", None);
    let any = json!({"c": "whatever it is", "n": "whatever it becomes"});
    assert_eq!(
        code(&app, Some(&ghost), CHANGE, any.clone()).await,
        "FORBIDDEN"
    );
    assert_eq!(code(&app, None, CHANGE, any).await, "UNAUTHENTICATED");

    // Wrong current passwords count as failed logins of that username: after five, even the
    // right one is refused for a while.
    for _ in 0..5 {
        let wrong = json!({"c": "a wrong guess!", "n": "third password"});
        assert_eq!(
            code(&app, Some(&again), CHANGE, wrong).await,
            "BAD_USER_INPUT"
        );
    }
    let right = json!({"c": "second password", "n": "third password"});
    assert_eq!(
        code(&app, Some(&again), CHANGE, right).await,
        "RATE_LIMITED"
    );
    assert_eq!(
        login(&app, "dina", "second password").await,
        Err("RATE_LIMITED".to_owned())
    );
    app.stop().await;
}
on_both_backends!(change_password);

/// Off by default: `selfRegistration` says so and `register` is FORBIDDEN, creating nothing.
async fn registration_is_off_by_default(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let flag = app.gql(None, "{ selfRegistration }", json!({})).await;
    assert_eq!(flag["data"], json!({"selfRegistration": false}), "{flag}");
    let attempt = json!({"u": "newcomer", "p": "long enough pw"});
    assert_eq!(code(&app, None, REGISTER, attempt).await, "FORBIDDEN");
    assert!(usernames(&app, &app.admin(), None).await.is_empty());
    app.stop().await;
}
on_both_backends!(registration_is_off_by_default);

/// With self-registration on: a driver registers without a token and is pending; logging in
/// says ACCOUNT_PENDING only with the right password; an operator lists and approves it, and
/// then it logs in as a driver. Taken usernames (accounts, or owners of id tags), bad input,
/// the bound on pending accounts and the per-address rate are refused, each with its code.
async fn drivers_register_and_operators_approve(backend: Backend) {
    let Some(app) = spawn_on(backend, |s| {
        s.self_registration = true;
        s.limits.max_pending_accounts = 2;
    })
    .await
    else {
        return;
    };
    let admin = app.admin();
    let operator = app.token(Role::Operator, "op", None);
    let flag = app.gql(None, "{ selfRegistration }", json!({})).await;
    assert_eq!(flag["data"], json!({"selfRegistration": true}), "{flag}");

    // Every register call counts against this client's address.
    let mut attempts = 0;

    let created = register(&app, &mut attempts, "newdriver", "my own password").await;
    assert_eq!(
        created["data"]["register"],
        json!({"username": "newdriver", "role": "DRIVER", "pending": true, "stations": null}),
        "{created}"
    );
    let codes = [
        ("newdriver", "another password", "CONFLICT"),
        ("bad name!", "long enough pw", "BAD_USER_INPUT"),
        ("shorty", "short", "BAD_USER_INPUT"),
    ];
    for (username, password, expected) in codes {
        let response = register(&app, &mut attempts, username, password).await;
        assert_eq!(crate::gql::first_error(&response).0, expected, "{username}");
    }

    // Pending: a wrong password is just wrong; the right one says why it cannot log in.
    assert_eq!(
        login(&app, "newdriver", "not the password").await,
        Err("UNAUTHENTICATED".to_owned())
    );
    assert_eq!(
        login(&app, "newdriver", "my own password").await,
        Err("ACCOUNT_PENDING".to_owned())
    );

    // A username that owns id tags is taken: a newcomer must not inherit them.
    app.ok(
        &admin,
        "mutation { createIdTag(input: {idTag: \"OLD-CARD\", owner: \"leaver\"}) { idTag } }",
        json!({}),
    )
    .await;
    let response = register(&app, &mut attempts, "leaver", "long enough pw").await;
    assert_eq!(crate::gql::first_error(&response).0, "CONFLICT");

    // The bound on pending accounts (2 here).
    let second = register(&app, &mut attempts, "second", "long enough pw").await;
    assert_eq!(second["data"]["register"]["pending"], true, "{second}");
    let full = register(&app, &mut attempts, "third", "long enough pw").await;
    let (full_code, message) = crate::gql::first_error(&full);
    assert_eq!(full_code, "LIMIT_EXCEEDED", "{message}");

    // Operators list the pending accounts and approve them; viewers and drivers may not.
    assert_eq!(
        usernames(&app, &operator, Some(true)).await,
        ["newdriver", "second"]
    );
    assert!(usernames(&app, &operator, Some(false)).await.is_empty());
    for token in [
        app.token(Role::Viewer, "v", None),
        app.token(Role::Driver, "newdriver", None),
    ] {
        let attempt = json!({"u": "newdriver"});
        assert_eq!(
            code(&app, Some(&token), APPROVE, attempt).await,
            "FORBIDDEN"
        );
    }
    let missing = json!({"u": "nobody"});
    assert_eq!(
        code(&app, Some(&operator), APPROVE, missing).await,
        "NOT_FOUND"
    );
    let approved = app.ok(&operator, APPROVE, json!({"u": "newdriver"})).await;
    assert_eq!(
        approved["approveAccount"],
        json!({"username": "newdriver", "role": "DRIVER", "pending": false})
    );
    // Approving again changes nothing.
    let again = app.ok(&admin, APPROVE, json!({"u": "newdriver"})).await;
    assert_eq!(again["approveAccount"]["pending"], false);
    let token = login(&app, "newdriver", "my own password").await.unwrap();
    let me = app.ok(&token, "{ me { sub role } }", json!({})).await;
    assert_eq!(me["me"], json!({"sub": "newdriver", "role": "DRIVER"}));

    // One place freed: the next registration fits; an operator turns one down by deleting it.
    let third = register(&app, &mut attempts, "third", "long enough pw").await;
    assert_eq!(third["data"]["register"]["pending"], true, "{third}");
    let turned_down = app.ok(&operator, DELETE, json!({"u": "second"})).await;
    assert_eq!(turned_down["deleteAccount"], true);
    assert_eq!(usernames(&app, &admin, Some(true)).await, ["third"]);

    // Per address, like login: 20 attempts in 15 minutes, whatever became of them.
    while attempts < 20 {
        let response = register(&app, &mut attempts, "bad name!", "long enough pw").await;
        assert_eq!(crate::gql::first_error(&response).0, "BAD_USER_INPUT");
    }
    let response = register(&app, &mut attempts, "late-comer", "long enough pw").await;
    assert_eq!(crate::gql::first_error(&response).0, "RATE_LIMITED");
    assert_eq!(usernames(&app, &admin, Some(true)).await, ["third"]);
    app.stop().await;
}
on_both_backends!(drivers_register_and_operators_approve);

/// Operators create, change (password, stations) and delete drivers' accounts, and only those:
/// no other role given or raised to, no other account touched or listed. A token limited to
/// some stations keeps its rules; viewers manage nothing.
async fn operators_manage_drivers_accounts(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let operator = app.token(Role::Operator, "op", None);
    let new = |u: &str, r: &str| json!({"u": u, "r": r, "s": null});

    let created = app.ok(&operator, CREATE, new("d1", "DRIVER")).await;
    assert_eq!(
        created["createAccount"],
        json!({"username": "d1", "role": "DRIVER", "pending": false, "stations": null})
    );
    for role in ["OPERATOR", "VIEWER", "ADMIN"] {
        let (refused, message) = app.err(Some(&operator), CREATE, new("x", role)).await;
        assert_eq!(refused, "FORBIDDEN", "{role}: {message}");
    }
    assert_eq!(
        login(&app, "x", "long enough pw").await.unwrap_err(),
        "UNAUTHENTICATED"
    );

    // A driver's password and stations; never its role.
    let reset = json!({"u": "d1", "p": "reset by operator"});
    app.ok(&operator, UPDATE, reset).await;
    assert!(login(&app, "d1", "reset by operator").await.is_ok());
    let limited = app
        .ok(&operator, UPDATE, json!({"u": "d1", "s": ["CP-1"]}))
        .await;
    assert_eq!(limited["updateAccount"]["stations"], json!(["CP-1"]));
    let raise = json!({"u": "d1", "r": "OPERATOR"});
    assert_eq!(
        code(&app, Some(&operator), UPDATE, raise).await,
        "FORBIDDEN"
    );

    // Other roles' accounts are out of reach, and out of its list.
    app.ok(&admin, CREATE, new("v1", "VIEWER")).await;
    app.ok(&admin, CREATE, new("op2", "OPERATOR")).await;
    for user in ["v1", "op2"] {
        let password = json!({"u": user, "p": "taken over now"});
        assert_eq!(
            code(&app, Some(&operator), UPDATE, password).await,
            "FORBIDDEN"
        );
        let delete = json!({"u": user});
        assert_eq!(
            code(&app, Some(&operator), DELETE, delete).await,
            "FORBIDDEN"
        );
    }
    assert_eq!(usernames(&app, &operator, None).await, ["d1"]);
    assert_eq!(usernames(&app, &admin, None).await, ["d1", "op2", "v1"]);

    // A token limited to some stations: only drivers limited to some of them.
    let scoped = app.token(Role::Operator, "site-op", Some(&["CP-1", "CP-2"]));
    assert_eq!(
        code(&app, Some(&scoped), CREATE, new("d2", "DRIVER")).await,
        "FORBIDDEN"
    );
    let inside = json!({"u": "d2", "r": "DRIVER", "s": ["CP-2"]});
    app.ok(&scoped, CREATE, inside).await;
    assert_eq!(usernames(&app, &scoped, None).await, ["d1", "d2"]);

    // Viewers and drivers manage no accounts.
    for token in [
        app.token(Role::Viewer, "v1", None),
        app.token(Role::Driver, "d1", None),
    ] {
        assert_eq!(
            code(&app, Some(&token), CREATE, new("d3", "DRIVER")).await,
            "FORBIDDEN"
        );
        assert_eq!(
            code(&app, Some(&token), ACCOUNTS, json!({})).await,
            "FORBIDDEN"
        );
    }

    let deleted = app.ok(&operator, DELETE, json!({"u": "d1"})).await;
    assert_eq!(deleted["deleteAccount"], true);
    let again = app.ok(&operator, DELETE, json!({"u": "d1"})).await;
    assert_eq!(again["deleteAccount"], false);
    assert_eq!(
        login(&app, "d1", "reset by operator").await.unwrap_err(),
        "UNAUTHENTICATED"
    );
    app.stop().await;
}
on_both_backends!(operators_manage_drivers_accounts);

/// `Account.idTags`: the tags whose owner is the account, for staff; others are refused.
async fn an_accounts_id_tags(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    for user in ["dina", "eko", "fajar"] {
        app.ok(&admin, CREATE, json!({"u": user, "r": "DRIVER", "s": null}))
            .await;
    }
    for (tag, owner) in [
        ("TAG-B", json!("dina")),
        ("TAG-A", json!("dina")),
        ("TAG-C", json!("eko")),
        ("TAG-D", json!(null)),
    ] {
        app.ok(
            &admin,
            "mutation($t: String!, $o: String) { createIdTag(input: {idTag: $t, owner: $o}) { idTag } }",
            json!({"t": tag, "o": owner}),
        )
        .await;
    }
    let operator = app.token(Role::Operator, "op", None);
    let listed = app.ok(&operator, ACCOUNTS, json!({})).await;
    assert_eq!(
        listed["accounts"],
        json!([
            {"username": "dina", "role": "DRIVER", "pending": false,
             "idTags": [{"idTag": "TAG-A", "owner": "dina"}, {"idTag": "TAG-B", "owner": "dina"}]},
            {"username": "eko", "role": "DRIVER", "pending": false,
             "idTags": [{"idTag": "TAG-C", "owner": "eko"}]},
            {"username": "fajar", "role": "DRIVER", "pending": false, "idTags": []},
        ])
    );
    // Moving a tag to another owner moves it between accounts.
    app.ok(
        &admin,
        "mutation { updateIdTag(idTag: \"TAG-B\", input: {owner: \"fajar\"}) { idTag } }",
        json!({}),
    )
    .await;
    let listed = app.ok(&admin, ACCOUNTS, json!({})).await;
    let tags = |i: usize| listed["accounts"][i]["idTags"].clone();
    assert_eq!(tags(0), json!([{"idTag": "TAG-A", "owner": "dina"}]));
    assert_eq!(tags(2), json!([{"idTag": "TAG-B", "owner": "fajar"}]));
    app.stop().await;
}
on_both_backends!(an_accounts_id_tags);

/// Migration 11 adds `accounts.pending`: the accounts already stored are not pending, and it
/// can be undone and done again.
async fn the_pending_migration_keeps_existing_accounts_approved(backend: Backend) {
    let Some((_db, db)) = TestDb::connect(backend).await else {
        return;
    };
    let before = crate::support::migrations_before("m20261206_000011_account_pending");
    let from_it_on = crate::support::migrations_from("m20261206_000011_account_pending");
    Migrator::up(&db, Some(before)).await.unwrap();
    let backend_kind = db.get_database_backend();
    db.execute_raw(Statement::from_string(
        backend_kind,
        "INSERT INTO accounts (username, password_hash, role, stations, created_at, updated_at) \
         VALUES ('old-timer', 'x', 'operator', NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    ))
    .await
    .unwrap();
    Migrator::up(&db, None).await.unwrap();
    let pending = || async {
        let row = db
            .query_one_raw(Statement::from_string(
                backend_kind,
                "SELECT pending FROM accounts WHERE username = 'old-timer'",
            ))
            .await
            .unwrap()
            .expect("the account is still there");
        row.try_get::<bool>("", "pending").unwrap()
    };
    assert!(!pending().await);
    Migrator::down(&db, Some(from_it_on)).await.unwrap();
    Migrator::up(&db, None).await.unwrap();
    assert!(!pending().await);
    db.close().await.unwrap();
}
on_both_backends!(the_pending_migration_keeps_existing_accounts_approved);

#[chargegate_test]
fn help_lists_the_account_settings() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_chargegate"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&output.stdout);
    for name in [
        "--self-registration",
        "CHARGEGATE_SELF_REGISTRATION",
        "--max-pending-accounts",
        "CHARGEGATE_MAX_PENDING_ACCOUNTS",
    ] {
        assert!(help.contains(name), "{name} missing from --help:\n{help}");
    }
}
