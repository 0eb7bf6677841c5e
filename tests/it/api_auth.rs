//! Authentication and authorisation: every way a token is refused, the role matrix, station
//! scoping, accounts and login with its rate limit.

use chargegate::auth::Role;
use chargegate::config::ExternalAlgorithm;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};

use crate::support::{TestApp, spawn};

const ME: &str = "{ me { sub role stations } }";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/it/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn claims(extra: Value) -> Value {
    let mut claims = json!({
        "sub": "someone",
        "exp": chrono::Utc::now().timestamp() + 3600,
        "aud": "chargegate",
        "role": "viewer",
    });
    for (k, v) in extra.as_object().unwrap() {
        if v.is_null() {
            claims.as_object_mut().unwrap().remove(k);
        } else {
            claims[k] = v.clone();
        }
    }
    claims
}

fn sign(claims: &Value, alg: Algorithm, key: &EncodingKey) -> String {
    jsonwebtoken::encode(&Header::new(alg), claims, key).unwrap()
}

fn secret_key(app: &TestApp) -> EncodingKey {
    let path = app.ctx().settings.jwt_secret_path();
    EncodingKey::from_secret(std::fs::read_to_string(path).unwrap().trim().as_bytes())
}

async fn refused(app: &TestApp, token: &str) -> String {
    let (code, message) = app.err(Some(token), ME, json!({})).await;
    assert_eq!(code, "UNAUTHENTICATED", "{message}");
    message
}

#[chargegate_test]
async fn every_bad_token_is_unauthenticated() {
    let app = spawn(|_| {}).await;
    let key = secret_key(&app);
    // The generated secret signs valid tokens.
    let good = sign(&claims(json!({})), Algorithm::HS256, &key);
    assert_eq!(app.ok(&good, ME, json!({})).await["me"]["sub"], "someone");

    assert_eq!(app.err(None, ME, json!({})).await.0, "UNAUTHENTICATED");
    refused(&app, "not-a-jwt").await;
    assert!(
        refused(
            &app,
            &sign(&claims(json!({"exp": 1000})), Algorithm::HS256, &key)
        )
        .await
        .contains("expired")
    );
    let later = chrono::Utc::now().timestamp() + 600;
    assert!(
        refused(
            &app,
            &sign(&claims(json!({"nbf": later})), Algorithm::HS256, &key)
        )
        .await
        .contains("not valid yet")
    );
    assert!(
        refused(
            &app,
            &sign(&claims(json!({"aud": "billing"})), Algorithm::HS256, &key)
        )
        .await
        .contains("audience")
    );
    refused(
        &app,
        &sign(&claims(json!({"role": null})), Algorithm::HS256, &key),
    )
    .await;
    refused(
        &app,
        &sign(
            &claims(json!({"role": "superuser"})),
            Algorithm::HS256,
            &key,
        ),
    )
    .await;
    refused(
        &app,
        &sign(&claims(json!({"sub": null})), Algorithm::HS256, &key),
    )
    .await;
    refused(
        &app,
        &sign(&claims(json!({"aud": null})), Algorithm::HS256, &key),
    )
    .await;
    // Another secret; an algorithm not on the allow-list.
    refused(
        &app,
        &sign(
            &claims(json!({})),
            Algorithm::HS256,
            &EncodingKey::from_secret(&[7u8; 32]),
        ),
    )
    .await;
    refused(&app, &sign(&claims(json!({})), Algorithm::HS512, &key)).await;
    // alg: none.
    let unsigned = {
        use base64::Engine as _;
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        format!(
            "{}.{}.",
            b64.encode(br#"{"alg":"none","typ":"JWT"}"#),
            b64.encode(claims(json!({"role": "admin"})).to_string())
        )
    };
    refused(&app, &unsigned).await;
    // An RS256 token when no public key is configured.
    let rsa = EncodingKey::from_rsa_pem(&fixture("rs256-private.pem")).unwrap();
    refused(&app, &sign(&claims(json!({})), Algorithm::RS256, &rsa)).await;
    // Logging in needs no token, so a stale one in the header does not stand in the way.
    app.ok(&app.admin(), "mutation { createAccount(username: \"newcomer\", password: \"long enough pw\", role: VIEWER) { username } }", json!({})).await;
    let logged = app
        .gql(
            Some("stale.token.here"),
            "mutation { login(username: \"newcomer\", password: \"long enough pw\") { role } }",
            json!({}),
        )
        .await;
    assert_eq!(logged["data"]["login"]["role"], "VIEWER", "{logged}");
    app.stop().await;
}

#[chargegate_test]
async fn tokens_of_an_outside_identity_provider() {
    for (alg, algorithm, private, public, wrong) in [
        (
            ExternalAlgorithm::Rs256,
            Algorithm::RS256,
            "rs256-private.pem",
            "rs256-public.pem",
            "es256-private.pem",
        ),
        (
            ExternalAlgorithm::Es256,
            Algorithm::ES256,
            "es256-private.pem",
            "es256-public.pem",
            "rs256-private.pem",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let public_path = dir.path().join("idp.pem");
        std::fs::write(&public_path, fixture(public)).unwrap();
        let app = spawn(|s| {
            s.jwt_public_key = Some(public_path.clone());
            s.jwt_algorithm = alg;
        })
        .await;
        let key = match algorithm {
            Algorithm::RS256 => EncodingKey::from_rsa_pem(&fixture(private)).unwrap(),
            _ => EncodingKey::from_ec_pem(&fixture(private)).unwrap(),
        };
        let token = sign(
            &claims(json!({"sub": "idp-user", "role": "operator"})),
            algorithm,
            &key,
        );
        assert_eq!(
            app.ok(&token, ME, json!({})).await["me"],
            json!({"sub": "idp-user", "role": "OPERATOR", "stations": null})
        );
        // The other kind of key is not accepted.
        let other = match algorithm {
            Algorithm::RS256 => sign(
                &claims(json!({})),
                Algorithm::ES256,
                &EncodingKey::from_ec_pem(&fixture(wrong)).unwrap(),
            ),
            _ => sign(
                &claims(json!({})),
                Algorithm::RS256,
                &EncodingKey::from_rsa_pem(&fixture(wrong)).unwrap(),
            ),
        };
        refused(&app, &other).await;
        // Chargegate's own tokens still work beside the provider's.
        assert_eq!(
            app.ok(&app.admin(), ME, json!({})).await["me"]["role"],
            "ADMIN"
        );
        app.stop().await;
    }
}

/// One request per row of the role matrix: which roles may do it.
#[chargegate_test]
async fn the_role_matrix() {
    let app = spawn(|_| {}).await;
    let admin = app.admin();
    app.ok(
        &admin,
        "mutation { approveStation(id: \"CP-M\") { id } }",
        json!({}),
    )
    .await;
    let operations: Vec<(&str, &str, [bool; 4])> = vec![
        // query, name, allowed for [admin, operator, viewer, driver]
        (
            "{ stations { totalCount } }",
            "stations",
            [true, true, true, true],
        ),
        (
            "{ transactions { totalCount } }",
            "transactions",
            [true, true, true, true],
        ),
        (
            "{ idTags { totalCount } }",
            "idTags",
            [true, true, true, true],
        ),
        (
            "{ ocppMessages(stationId: \"CP-M\") { totalCount } }",
            "ocppMessages",
            [true, true, true, false],
        ),
        (
            "{ unmatchedStops { totalCount } }",
            "unmatchedStops",
            [true, true, true, false],
        ),
        (
            "{ accounts { username } }",
            "accounts",
            [true, true, false, false],
        ),
        (
            "mutation { createIdTag(input: {idTag: \"MATRIX\"}) { idTag } }",
            "createIdTag",
            [true, true, false, false],
        ),
        (
            "mutation { approveStation(id: \"CP-M\") { id } }",
            "approveStation",
            [true, true, false, false],
        ),
        (
            "mutation { clearCache(stationId: \"CP-M\") { status } }",
            "clearCache",
            [true, true, false, false],
        ),
        (
            "mutation { createAccount(username: \"matrix\", password: \"long enough pw\", role: VIEWER) { username } }",
            "createAccount",
            [true, false, false, false],
        ),
    ];
    let tokens = [
        app.token(Role::Admin, "a", None),
        app.token(Role::Operator, "o", None),
        app.token(Role::Viewer, "v", None),
        app.token(Role::Driver, "d", None),
    ];
    for (query, name, allowed) in operations {
        for (token, allowed) in tokens.iter().zip(allowed) {
            let response = app.gql(Some(token), query, json!({})).await;
            let code = response["errors"][0]["extensions"]["code"].as_str();
            if allowed {
                // Allowed: it ran (a command may still find the station offline, and a second
                // create finds a CONFLICT), and nothing broke.
                assert!(
                    matches!(code, None | Some("STATION_OFFLINE" | "CONFLICT")),
                    "{name} should be allowed: {response}"
                );
            } else {
                assert_eq!(
                    code,
                    Some("FORBIDDEN"),
                    "{name} should be forbidden: {response}"
                );
            }
        }
    }
    app.stop().await;
}

#[chargegate_test]
async fn tokens_limited_to_stations_see_and_command_only_those() {
    let app = spawn(|_| {}).await;
    let _a = app.booted_station("CP-A").await;
    let mut b = app.booted_station("CP-B").await;
    let scoped = app.token(Role::Operator, "site-a", Some(&["CP-A"]));
    let ids = app
        .ok(
            &scoped,
            "{ stations { nodes { id } totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(
        ids["stations"],
        json!({"nodes": [{"id": "CP-A"}], "totalCount": 1})
    );
    let (code, _) = app
        .err(Some(&scoped), "{ station(id: \"CP-B\") { id } }", json!({}))
        .await;
    assert_eq!(code, "FORBIDDEN");
    let (code, _) = app
        .err(
            Some(&scoped),
            "mutation { reset(stationId: \"CP-B\", type: SOFT) { status } }",
            json!({}),
        )
        .await;
    assert_eq!(code, "FORBIDDEN");
    assert!(b.silent_for(std::time::Duration::from_millis(200)).await);
    let (code, _) = app
        .err(
            Some(&scoped),
            "{ ocppMessages(stationId: \"CP-B\") { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(code, "FORBIDDEN");
    app.stop().await;
}

#[chargegate_test]
async fn drivers_see_and_use_only_their_own_id_tags() {
    let app = spawn(|_| {}).await;
    let admin = app.admin();
    for (tag, owner) in [("MINE", "dana"), ("THEIRS", "erik")] {
        app.ok(&admin, "mutation($t: String!, $o: String) { createIdTag(input: {idTag: $t, owner: $o}) { idTag } }", json!({"t": tag, "o": owner})).await;
    }
    let mut cp = app.booted_station("CP-D").await;
    let mine = cp.call("StartTransaction", json!({"connectorId": 1, "idTag": "MINE", "meterStart": 0, "timestamp": "2024-05-01T10:00:00Z"})).await["transactionId"].clone();
    let theirs = cp.call("StartTransaction", json!({"connectorId": 2, "idTag": "THEIRS", "meterStart": 0, "timestamp": "2024-05-01T10:00:00Z"})).await["transactionId"].clone();
    let dana = app.token(Role::Driver, "dana", None);

    let listed = app
        .ok(
            &dana,
            "{ transactions { nodes { id idTag } } idTags { nodes { idTag } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        listed["transactions"]["nodes"],
        json!([{"id": mine, "idTag": "MINE"}])
    );
    assert_eq!(listed["idTags"]["nodes"], json!([{"idTag": "MINE"}]));
    // Someone else's transaction or tag looks like none at all.
    let hidden = app
        .ok(
            &dana,
            "query($id: Int!) { transaction(id: $id) { id } idTag(idTag: \"THEIRS\") { idTag } }",
            json!({"id": theirs}),
        )
        .await;
    assert_eq!(hidden, json!({"transaction": null, "idTag": null}));
    // The station's connectors show only her transaction.
    for connector in [1, 2] {
        cp.call(
            "StatusNotification",
            json!({"connectorId": connector, "errorCode": "NoError", "status": "Charging"}),
        )
        .await;
    }
    let station = app
        .ok(
            &dana,
            "{ station(id: \"CP-D\") { connectors { connectorId currentTransaction { id } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        station["station"]["connectors"],
        json!([{"connectorId": 1, "currentTransaction": {"id": mine}}, {"connectorId": 2, "currentTransaction": null}])
    );

    // Remote start with her own tag is allowed, with someone else's not.
    let (code, _) = app
        .err(Some(&dana), "mutation { remoteStartTransaction(stationId: \"CP-D\", idTag: \"THEIRS\") { status } }", json!({}))
        .await;
    assert_eq!(code, "FORBIDDEN");
    let (code, _) = app
        .err(Some(&dana), "mutation($t: Int!) { remoteStopTransaction(stationId: \"CP-D\", transactionId: $t) { status } }", json!({"t": theirs}))
        .await;
    assert_eq!(code, "FORBIDDEN");
    let request = app.gql_spawned(
        &dana,
        "mutation($t: Int!) { remoteStopTransaction(stationId: \"CP-D\", transactionId: $t) { status } }",
        json!({"t": mine}),
    );
    let (id, action, _) = cp.server_call().await;
    assert_eq!(action, "RemoteStopTransaction");
    cp.reply(&id, json!({"status": "Accepted"})).await;
    assert_eq!(
        request.await.unwrap()["data"]["remoteStopTransaction"]["status"],
        "ACCEPTED"
    );
    // Other commands are staff-only.
    let (code, _) = app
        .err(
            Some(&dana),
            "mutation { reset(stationId: \"CP-D\", type: SOFT) { status } }",
            json!({}),
        )
        .await;
    assert_eq!(code, "FORBIDDEN");
    app.stop().await;
}

#[chargegate_test]
async fn accounts_and_login() {
    let app = spawn(|_| {}).await;
    let admin = app.admin();
    let created = app
        .ok(&admin, "mutation { createAccount(username: \"olga\", password: \"correct horse\", role: OPERATOR, stations: [\"CP-1\"]) { username role stations } }", json!({}))
        .await;
    assert_eq!(
        created["createAccount"],
        json!({"username": "olga", "role": "OPERATOR", "stations": ["CP-1"]})
    );
    let (code, _) = app
        .err(Some(&admin), "mutation { createAccount(username: \"olga\", password: \"correct horse\", role: VIEWER) { username } }", json!({}))
        .await;
    assert_eq!(code, "CONFLICT");
    let (code, _) = app
        .err(Some(&admin), "mutation { createAccount(username: \"short\", password: \"short\", role: VIEWER) { username } }", json!({}))
        .await;
    assert_eq!(code, "BAD_USER_INPUT");

    let login = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token role expiresAt } }";
    let logged = app
        .gql(None, login, json!({"u": "olga", "p": "correct horse"}))
        .await;
    let token = logged["data"]["login"]["token"]
        .as_str()
        .expect("a token")
        .to_owned();
    assert_eq!(logged["data"]["login"]["role"], "OPERATOR");
    assert_eq!(
        app.ok(&token, ME, json!({})).await["me"],
        json!({"sub": "olga", "role": "OPERATOR", "stations": ["CP-1"]})
    );

    // The stored hash is argon2id, never the password.
    let stored = chargegate::use_case::account::get(app.ctx(), "olga")
        .await
        .unwrap()
        .unwrap();
    assert!(
        stored.password_hash.starts_with("$argon2id$"),
        "{}",
        stored.password_hash
    );
    assert!(!stored.password_hash.contains("correct horse"));

    // Wrong passwords, then the limit: the right password is refused while limited.
    for _ in 0..5 {
        let (code, _) = app
            .err(None, login, json!({"u": "olga", "p": "wrong"}))
            .await;
        assert_eq!(code, "UNAUTHENTICATED");
    }
    let (code, _) = app
        .err(None, login, json!({"u": "olga", "p": "correct horse"}))
        .await;
    assert_eq!(code, "RATE_LIMITED");
    // An unknown user is refused like a wrong password.
    let (code, message) = app
        .err(None, login, json!({"u": "nobody", "p": "whatever pw"}))
        .await;
    assert_eq!(
        (code.as_str(), message.as_str()),
        ("UNAUTHENTICATED", "wrong username or password")
    );

    // Update and delete.
    let updated = app
        .ok(&admin, "mutation { updateAccount(username: \"olga\", role: VIEWER, stations: null) { role stations } }", json!({}))
        .await;
    assert_eq!(
        updated["updateAccount"],
        json!({"role": "VIEWER", "stations": null})
    );
    assert_eq!(
        app.ok(
            &admin,
            "mutation { deleteAccount(username: \"olga\") }",
            json!({})
        )
        .await["deleteAccount"],
        true
    );
    assert_eq!(
        app.ok(
            &admin,
            "mutation { deleteAccount(username: \"olga\") }",
            json!({})
        )
        .await["deleteAccount"],
        false
    );
    let (code, _) = app
        .err(
            Some(&admin),
            "mutation { updateAccount(username: \"olga\", role: ADMIN) { role } }",
            json!({}),
        )
        .await;
    assert_eq!(code, "NOT_FOUND");
    app.stop().await;
}

/// What drivers and station-scoped tokens see of lists, usage and live readings.
#[chargegate_test]
async fn scoped_callers_see_only_their_share() {
    let app = spawn(|_| {}).await;
    let admin = app.admin();
    for (tag, owner) in [("MINE", "dana"), ("THEIRS", "erik")] {
        app.ok(&admin, "mutation($t: String!, $o: String) { createIdTag(input: {idTag: $t, owner: $o}) { idTag } }", json!({"t": tag, "o": owner})).await;
    }
    let mut a = app.booted_station("CP-A").await;
    let mut b = app.booted_station("CP-B").await;
    let mine = a.call("StartTransaction", json!({"connectorId": 1, "idTag": "MINE", "meterStart": 0, "timestamp": "2024-05-01T10:00:00Z"})).await["transactionId"].clone();
    a.call(
        "StopTransaction",
        json!({"transactionId": mine, "meterStop": 1000, "timestamp": "2024-05-01T11:00:00Z"}),
    )
    .await;
    let theirs = b.call("StartTransaction", json!({"connectorId": 1, "idTag": "THEIRS", "meterStart": 0, "timestamp": "2024-05-01T10:00:00Z"})).await["transactionId"].clone();
    b.call("MeterValues", json!({"connectorId": 1, "transactionId": theirs, "meterValue": [{"timestamp": "2024-05-01T10:30:00Z", "sampledValue": [{"value": "4000"}]}]})).await;
    b.call(
        "StopTransaction",
        json!({"transactionId": -1, "meterStop": 1, "timestamp": "2024-05-01T12:00:00Z"}),
    )
    .await;
    b.call(
        "StatusNotification",
        json!({"connectorId": 1, "errorCode": "NoError", "status": "Charging"}),
    )
    .await;

    let usage = "{ usage(from: \"2024-05-01T00:00:00Z\", to: \"2024-05-02T00:00:00Z\", groupBy: DAY) { totals { energyKwh sessions connectorUtilisation } } }";
    let dana = app.token(Role::Driver, "dana", None);
    assert_eq!(
        app.ok(&dana, usage, json!({})).await["usage"]["totals"],
        json!({"energyKwh": 1.0, "sessions": 1, "connectorUtilisation": null})
    );
    let site_a = app.token(Role::Viewer, "site-a", Some(&["CP-A"]));
    assert_eq!(
        app.ok(&site_a, usage, json!({})).await["usage"]["totals"]["energyKwh"],
        1.0
    );
    let (code, _) = app.err(Some(&site_a), "{ usage(from: \"2024-05-01T00:00:00Z\", to: \"2024-05-02T00:00:00Z\", groupBy: DAY, stationId: \"CP-B\") { totals { sessions } } }", json!({})).await;
    assert_eq!(code, "FORBIDDEN");
    assert_eq!(
        app.ok(
            &site_a,
            "{ unmatchedStops { totalCount } transactions { totalCount } }",
            json!({})
        )
        .await,
        json!({"unmatchedStops": {"totalCount": 0}, "transactions": {"totalCount": 1}})
    );
    assert_eq!(
        app.ok(&admin, "{ unmatchedStops { totalCount } }", json!({}))
            .await["unmatchedStops"]["totalCount"],
        1
    );

    // Live readings and hardware details of someone else's charger are not a driver's business.
    let reading = "{ station(id: \"CP-B\") { iccid chargePointSerialNumber connectors { lastMeterReading { transactionId } } } }";
    let seen = app.ok(&dana, reading, json!({})).await;
    assert_eq!(
        seen["station"]["connectors"][0]["lastMeterReading"],
        json!(null)
    );
    let staff = app.ok(&admin, reading, json!({})).await;
    assert_eq!(
        staff["station"]["connectors"][0]["lastMeterReading"]["transactionId"],
        theirs
    );
    let erik = app.token(Role::Driver, "erik", None);
    assert_eq!(
        app.ok(&erik, reading, json!({})).await["station"]["connectors"][0]["lastMeterReading"]["transactionId"],
        theirs
    );
    app.ok(
        &admin,
        "mutation { approveStation(id: \"CP-HW\") { id } }",
        json!({}),
    )
    .await;
    let hw = app.ok(&erik, "{ station(id: \"CP-A\") { vendor model iccid imsi firmwareVersion chargeBoxSerialNumber meterSerialNumber meterType } }", json!({})).await;
    assert_eq!(
        hw["station"],
        json!({"vendor": "VendorA", "model": "SingleSocketCharger", "iccid": null, "imsi": null, "firmwareVersion": null, "chargeBoxSerialNumber": null, "meterSerialNumber": null, "meterType": null})
    );
    app.stop().await;
}

#[chargegate_test]
async fn station_lists_on_accounts_and_tokens_mean_what_they_say() {
    let app = spawn(|_| {}).await;
    let admin = app.admin();
    let (code, _) = app
        .err(Some(&admin), "mutation { createAccount(username: \"nowhere\", password: \"long enough pw\", role: OPERATOR, stations: []) { username } }", json!({}))
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    // A station id with a comma stays one station.
    let odd = app
        .ok(&admin, "mutation { createAccount(username: \"odd\", password: \"long enough pw\", role: OPERATOR, stations: [\"A,B\"]) { stations } }", json!({}))
        .await;
    assert_eq!(odd["createAccount"]["stations"], json!(["A,B"]));
    // A token whose list is empty sees nothing.
    let _cp = app.booted_station("CP-1").await;
    let none = app.token(Role::Viewer, "none", Some(&[]));
    assert_eq!(
        app.ok(&none, "{ stations { totalCount } }", json!({}))
            .await["stations"]["totalCount"],
        0
    );
    app.stop().await;
}

#[chargegate_test]
async fn logins_are_limited_per_address_and_under_concurrency() {
    let app = spawn(|_| {}).await;
    let admin = app.admin();
    app.ok(&admin, "mutation { createAccount(username: \"target\", password: \"correct horse\", role: VIEWER) { username } }", json!({})).await;
    let login = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { role } }";

    // 20 parallel wrong attempts for one user: no more than the 5 allowed get to the check.
    let attempts: Vec<_> = (0..20)
        .map(|_| {
            let addr = app.addr;
            tokio::spawn(async move {
                reqwest::Client::new()
                    .post(format!("http://{addr}/graphql"))
                    .json(&json!({"query": login, "variables": {"u": "target", "p": "wrong"}}))
                    .send()
                    .await
                    .unwrap()
                    .json::<Value>()
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut codes = Vec::new();
    for attempt in attempts {
        codes.push(crate::gql::first_error(&attempt.await.unwrap()).0);
    }
    assert_eq!(
        codes.iter().filter(|c| *c == "UNAUTHENTICATED").count(),
        5,
        "{codes:?}"
    );
    assert_eq!(codes.iter().filter(|c| *c == "RATE_LIMITED").count(), 15);

    // One address trying many usernames is stopped after 20 attempts (5 were used above).
    let mut limited = None;
    for n in 0..20 {
        let (code, _) = app
            .err(None, login, json!({"u": format!("user{n}"), "p": "wrong"}))
            .await;
        if code == "RATE_LIMITED" {
            limited = Some(n);
            break;
        }
    }
    assert_eq!(
        limited,
        Some(15),
        "the 21st attempt from one address is refused"
    );
    // Over the WebSocket, the same address is limited too.
    let mut ws = crate::gql::GqlWs::open(&app, &admin).await;
    ws.subscribe("1", login, json!({"u": "someone", "p": "wrong"}))
        .await;
    let answer = ws.next("1").await;
    assert_eq!(
        answer["errors"][0]["extensions"]["code"], "RATE_LIMITED",
        "{answer}"
    );
    app.stop().await;
}

#[chargegate_test]
async fn behind_a_trusted_load_balancer_logins_are_counted_per_real_client() {
    let app = spawn(|s| s.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]).await;
    let login = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { role } }";
    let attempt = |client: &'static str, n: usize| {
        let addr = app.addr;
        async move {
            let response: Value = reqwest::Client::new()
                .post(format!("http://{addr}/graphql"))
                // What HAProxy's `option forwardfor` adds; the first entry is the client's own
                // claim, which is not believed.
                .header("x-forwarded-for", format!("6.6.6.6, {client}"))
                .json(&json!({"query": login, "variables": {"u": format!("u{n}"), "p": "wrong"}}))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            crate::gql::first_error(&response).0
        }
    };
    // 20 attempts use up one client's allowance...
    for n in 0..20 {
        assert_eq!(attempt("203.0.113.1", n).await, "UNAUTHENTICATED");
    }
    assert_eq!(attempt("203.0.113.1", 20).await, "RATE_LIMITED");
    // ...not the balancer's, nor another client's behind it (even one claiming the same
    // first entry).
    assert_eq!(attempt("203.0.113.2", 21).await, "UNAUTHENTICATED");
    app.stop().await;
}
