//! The seed's HTTP API: Tables 9–17 replayed against a live server with station `123`
//! connected, every error status, and the OpenAPI document against the routes actually served.

use chargegate::auth::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{Station, TestApp, spawn};

const BASE: &str = "/api/v1/centralsystem";

async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut request = reqwest::Client::new().request(method, format!("http://{}{path}", app.addr));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// POSTs while the station answers the CALL it causes; returns the CALL and the HTTP answer.
async fn through(
    app: &TestApp,
    cp: &mut Station,
    path: &str,
    body: Option<Value>,
    answer: Value,
) -> ((String, Value), (StatusCode, Value)) {
    let (addr, path, token) = (app.addr, format!("{BASE}{path}"), app.admin());
    let request = tokio::spawn(async move {
        let mut request = reqwest::Client::new()
            .post(format!("http://{addr}{path}"))
            .bearer_auth(token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        (response.status(), response.json::<Value>().await.unwrap())
    });
    let (id, action, payload) = cp.server_call().await;
    cp.reply(&id, answer).await;
    ((action, payload), request.await.unwrap())
}

#[chargegate_test]
async fn the_seed_tables_9_to_17() {
    let app = spawn(|_| {}).await;
    let admin = app.admin();
    let mut cp = app.booted_station("123").await;

    // Table 9: the connected stations.
    let (status, clients) = call(
        &app,
        Method::GET,
        &format!("{BASE}/clients"),
        Some(&admin),
        None,
    )
    .await;
    assert_eq!((status, clients), (StatusCode::OK, json!(["123"])));

    let cases: Vec<(&str, Option<Value>, Value, &str, Value)> = vec![
        // Table 10
        (
            "/clients/123/change_availability",
            Some(json!({"connectorId": 1, "type": "Inoperative"})),
            json!({"status": "Accepted"}),
            "ChangeAvailability",
            json!({"connectorId": 1, "type": "Inoperative"}),
        ),
        // Table 11
        (
            "/clients/123/change_configuration",
            Some(json!({"key": "HeartbeatInterval", "value": "300"})),
            json!({"status": "Accepted"}),
            "ChangeConfiguration",
            json!({"key": "HeartbeatInterval", "value": "300"}),
        ),
        // Table 12 (no body)
        (
            "/clients/123/clear_cache",
            None,
            json!({"status": "Accepted"}),
            "ClearCache",
            json!({}),
        ),
        // Table 13
        (
            "/clients/123/get_configuration",
            Some(json!({"key": ["HeartbeatInterval", "Key2"]})),
            json!({"configurationKey": [{"key": "HeartbeatInterval", "readonly": false, "value": "300"}], "unknownKey": ["Key2"]}),
            "GetConfiguration",
            json!({"key": ["HeartbeatInterval", "Key2"]}),
        ),
        // Table 14: without connectorId, the station chooses.
        (
            "/clients/123/start_transaction",
            Some(json!({"idTag": "12345"})),
            json!({"status": "Accepted"}),
            "RemoteStartTransaction",
            json!({"idTag": "12345"}),
        ),
        // Table 15
        (
            "/clients/123/stop_transaction",
            Some(json!({"transactionId": 1})),
            json!({"status": "Accepted"}),
            "RemoteStopTransaction",
            json!({"transactionId": 1}),
        ),
        // Table 16
        (
            "/clients/123/reset",
            Some(json!({"type": "Soft"})),
            json!({"status": "Accepted"}),
            "Reset",
            json!({"type": "Soft"}),
        ),
        // Table 17
        (
            "/clients/123/unlock_connector",
            Some(json!({"connectorId": 1})),
            json!({"status": "Unlocked"}),
            "UnlockConnector",
            json!({"connectorId": 1}),
        ),
    ];
    for (path, body, answer, action, call_payload) in cases {
        let ((seen_action, seen_payload), (status, response)) =
            through(&app, &mut cp, path, body, answer.clone()).await;
        assert_eq!(seen_action, action, "{path}");
        assert_eq!(seen_payload, call_payload, "{path}");
        assert_eq!(status, StatusCode::OK, "{path}: {response}");
        assert_eq!(
            response, answer,
            "{path}: the station's answer in OCPP spelling"
        );
    }
    // Start with a connector, and the other answers of the seed's enumerations.
    let ((_, payload), (_, response)) = through(
        &app,
        &mut cp,
        "/clients/123/start_transaction",
        Some(json!({"idTag": "12345", "connectorId": 2})),
        json!({"status": "Rejected"}),
    )
    .await;
    assert_eq!(payload, json!({"connectorId": 2, "idTag": "12345"}));
    assert_eq!(response, json!({"status": "Rejected"}));
    let (_, (_, response)) = through(
        &app,
        &mut cp,
        "/clients/123/change_configuration",
        Some(json!({"key": "K", "value": "V"})),
        json!({"status": "RebootRequired"}),
    )
    .await;
    assert_eq!(response, json!({"status": "RebootRequired"}));
    app.stop().await;
}

#[chargegate_test]
async fn every_error_status() {
    let app = spawn(|s| {
        s.command_timeout = chargegate::config::HumanDuration(std::time::Duration::from_millis(300))
    })
    .await;
    let admin = app.admin();
    let reset = |station: &str| format!("{BASE}/clients/{station}/reset");
    let error = |v: &Value| {
        (
            v["error"]["code"].as_str().unwrap_or_default().to_owned(),
            v["error"]["message"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        )
    };

    // 401: no token, a bad token.
    let (status, body) = call(
        &app,
        Method::POST,
        &reset("123"),
        None,
        Some(json!({"type": "Soft"})),
    )
    .await;
    assert_eq!(
        (status, error(&body).0.as_str()),
        (StatusCode::UNAUTHORIZED, "UNAUTHENTICATED")
    );
    let (status, _) = call(
        &app,
        Method::GET,
        &format!("{BASE}/clients"),
        Some("nope"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // 403: a viewer, and a token for other stations.
    let viewer = app.token(Role::Viewer, "v", None);
    let (status, body) = call(
        &app,
        Method::POST,
        &reset("123"),
        Some(&viewer),
        Some(json!({"type": "Soft"})),
    )
    .await;
    assert_eq!(
        (status, error(&body).0.as_str()),
        (StatusCode::FORBIDDEN, "FORBIDDEN")
    );
    // 404: unknown station.
    let (status, body) = call(
        &app,
        Method::POST,
        &reset("NOBODY"),
        Some(&admin),
        Some(json!({"type": "Soft"})),
    )
    .await;
    assert_eq!(
        (status, error(&body).0.as_str()),
        (StatusCode::NOT_FOUND, "NOT_FOUND")
    );
    // 409: a known station that is offline.
    drop(app.booted_station("GONE").await);
    crate::support::eventually("GONE offline", || async {
        chargegate::link::of(app.ctx())
            .registry
            .get("GONE")
            .is_none()
            .then_some(())
    })
    .await;
    let (status, body) = call(
        &app,
        Method::POST,
        &reset("GONE"),
        Some(&admin),
        Some(json!({"type": "Soft"})),
    )
    .await;
    assert_eq!(
        (status, error(&body).0.as_str()),
        (StatusCode::CONFLICT, "STATION_OFFLINE")
    );

    let mut cp = app.booted_station("123").await;
    let scoped = app.token(Role::Operator, "elsewhere", Some(&["OTHER"]));
    let (status, _) = call(
        &app,
        Method::POST,
        &reset("123"),
        Some(&scoped),
        Some(json!({"type": "Soft"})),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, clients) = call(
        &app,
        Method::GET,
        &format!("{BASE}/clients"),
        Some(&scoped),
        None,
    )
    .await;
    assert_eq!(
        (status, clients),
        (StatusCode::OK, json!([])),
        "only the stations the token may see"
    );

    // 400: bad bodies, naming the field.
    for (path, body, field) in [
        ("/clients/123/reset", json!({"type": "Warm"}), "type"),
        ("/clients/123/reset", json!({}), ""),
        (
            "/clients/123/change_availability",
            json!({"connectorId": "1", "type": "Operative"}),
            "connectorId",
        ),
        (
            "/clients/123/unlock_connector",
            json!({"connectorId": 0}),
            "connectorId",
        ),
        (
            "/clients/123/start_transaction",
            json!({"idTag": "123456789012345678901"}),
            "idTag",
        ),
        (
            "/clients/123/stop_transaction",
            json!({"transactionId": 1, "extra": true}),
            "extra",
        ),
    ] {
        let (status, response) = call(
            &app,
            Method::POST,
            &format!("{BASE}{path}"),
            Some(&admin),
            Some(body.clone()),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path} {body}: {response}");
        assert_eq!(error(&response).0, "BAD_USER_INPUT");
        if !field.is_empty() {
            assert_eq!(response["error"]["field"], field, "{response}");
        }
    }
    let (status, _) = reqwest::Client::new()
        .post(format!("http://{}{BASE}/clients/123/reset", app.addr))
        .bearer_auth(&admin)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .map(|r| (r.status(), ()))
        .unwrap();
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        cp.silent_for(std::time::Duration::from_millis(100)).await,
        "nothing was sent for bad requests"
    );

    // 504: the station does not answer; 502: it answers a CallError.
    let (status, body) = call(
        &app,
        Method::POST,
        &reset("123"),
        Some(&admin),
        Some(json!({"type": "Soft"})),
    )
    .await;
    assert_eq!(
        (status, error(&body).0.as_str()),
        (StatusCode::GATEWAY_TIMEOUT, "STATION_TIMEOUT")
    );
    let _ = cp.server_call().await;
    let (addr, token) = (app.addr, admin.clone());
    let request = tokio::spawn(async move {
        let response = reqwest::Client::new()
            .post(format!("http://{addr}{BASE}/clients/123/reset"))
            .bearer_auth(token)
            .json(&json!({"type": "Hard"}))
            .send()
            .await
            .unwrap();
        (response.status(), response.json::<Value>().await.unwrap())
    });
    let (id, _, _) = cp.server_call().await;
    cp.reply_error(&id, "NotSupported", "no reset here").await;
    let (status, body) = request.await.unwrap();
    assert_eq!(
        (status, error(&body).0.as_str()),
        (StatusCode::BAD_GATEWAY, "STATION_ERROR")
    );
    assert_eq!(body["error"]["ocppErrorCode"], "NotSupported");
    app.stop().await;
}

#[chargegate_test]
async fn the_openapi_document_lists_every_route_served() {
    let app = spawn(|_| {}).await;
    let (status, document) = call(&app, Method::GET, "/api/v1/openapi.json", None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(document, chargegate::rest::openapi());
    assert_eq!(document["openapi"], "3.0.3");
    let paths = document["paths"].as_object().unwrap();
    // Every route of the seed's Tables 9–17 is documented…
    for route in [
        "/clients",
        "/clients/{id}/change_availability",
        "/clients/{id}/change_configuration",
        "/clients/{id}/clear_cache",
        "/clients/{id}/get_configuration",
        "/clients/{id}/start_transaction",
        "/clients/{id}/stop_transaction",
        "/clients/{id}/reset",
        "/clients/{id}/unlock_connector",
    ] {
        assert!(
            paths.contains_key(&format!("{BASE}{route}")),
            "{route} not documented"
        );
    }
    // …and every documented operation is served (it asks for a token rather than not existing).
    let mut operations = 0;
    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            let (status, _) = call(
                &app,
                method.to_uppercase().parse().unwrap(),
                &path.replace("{id}", "123"),
                None,
                None,
            )
            .await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{method} {path}");
            operations += 1;
        }
    }
    assert_eq!(operations, 9);
    // OpenAPI 3.0 forbids an empty `required` list (checked with openapi-spec-validator too).
    fn no_empty_required(value: &Value) -> bool {
        match value {
            Value::Object(map) => map
                .iter()
                .all(|(k, v)| !(k == "required" && v == &json!([])) && no_empty_required(v)),
            Value::Array(items) => items.iter().all(no_empty_required),
            _ => true,
        }
    }
    assert!(no_empty_required(&document));
    // Enumerations come from the code's OCPP types.
    let reset = &paths[&format!("{BASE}/clients/{{id}}/reset")]["post"];
    assert_eq!(
        reset["requestBody"]["content"]["application/json"]["schema"]["properties"]["type"]["enum"],
        json!(["Hard", "Soft"])
    );
    let unlock = &paths[&format!("{BASE}/clients/{{id}}/unlock_connector")]["post"];
    assert_eq!(
        unlock["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["status"]
            ["enum"],
        json!(["Unlocked", "UnlockFailed", "NotSupported"])
    );
    app.stop().await;
}
