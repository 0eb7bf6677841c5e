//! GraphQL clients for the tests: over HTTP (reqwest) and over WebSocket, speaking
//! `graphql-transport-ws` or the legacy `graphql-ws` protocol.

use std::time::Duration;

use chargegate::auth::Role;
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::{
    MaybeTlsStream, WebSocketStream,
    tungstenite::{Message, client::IntoClientRequest, http::HeaderValue},
};

use crate::support::{PATIENCE, Station, TestApp};

impl TestApp {
    /// A token signed by the app's own key.
    pub fn token(&self, role: Role, sub: &str, stations: Option<&[&str]>) -> String {
        self.ctx()
            .keys
            .issue(
                sub,
                role,
                stations.map(|s| s.iter().map(|s| s.to_string()).collect()),
                Duration::from_secs(3600),
            )
            .expect("token")
            .0
    }

    pub fn admin(&self) -> String {
        self.token(Role::Admin, "root", None)
    }

    /// Sends one GraphQL request; returns the whole response body.
    pub async fn gql(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        self.gql_body(token, json!({"query": query, "variables": variables}))
            .await
    }

    /// Sends one GraphQL request on a task of its own (for mutations that wait for a station
    /// the test answers meanwhile); the task yields the whole response body.
    pub fn gql_spawned(
        &self,
        token: &str,
        query: &str,
        variables: Value,
    ) -> tokio::task::JoinHandle<Value> {
        let (addr, token, body) = (
            self.addr,
            token.to_owned(),
            json!({"query": query, "variables": variables}),
        );
        tokio::spawn(async move {
            reqwest::Client::new()
                .post(format!("http://{addr}/graphql"))
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .expect("HTTP request")
                .json::<Value>()
                .await
                .expect("JSON response")
        })
    }

    /// Sends any JSON body to `/graphql`.
    pub async fn gql_body(&self, token: Option<&str>, body: Value) -> Value {
        let mut request = reqwest::Client::new()
            .post(format!("http://{}/graphql", self.addr))
            .json(&body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("HTTP request");
        assert!(response.status().is_success(), "HTTP {}", response.status());
        response.json().await.expect("JSON response")
    }

    /// The `data` of a request that must succeed.
    pub async fn ok(&self, token: &str, query: &str, variables: Value) -> Value {
        let response = self.gql(Some(token), query, variables).await;
        assert!(
            response.get("errors").is_none(),
            "unexpected errors: {response}"
        );
        response["data"].clone()
    }

    /// The first error's `extensions.code` and message, of a request that must fail.
    pub async fn err(
        &self,
        token: Option<&str>,
        query: &str,
        variables: Value,
    ) -> (String, String) {
        let response = self.gql(token, query, variables).await;
        first_error(&response)
    }
}

/// The first error's code and message; fails if there is none or it has no code.
pub fn first_error(response: &Value) -> (String, String) {
    let error = &response["errors"][0];
    assert!(error.is_object(), "expected an error: {response}");
    let code = error["extensions"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("error without extensions.code: {response}"))
        .to_owned();
    (
        code,
        error["message"].as_str().unwrap_or_default().to_owned(),
    )
}

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// A subscription client.
pub struct GqlWs {
    ws: Socket,
    legacy: bool,
}

impl GqlWs {
    /// Connects with `protocol` and sends `connection_init` with `payload`; returns the first
    /// answer (`connection_ack` on success).
    pub async fn connect(app: &TestApp, protocol: &str, payload: Value) -> (Self, Value) {
        let mut request = format!("ws://{}/graphql/ws", app.addr)
            .into_client_request()
            .unwrap();
        request.headers_mut().insert(
            "Sec-WebSocket-Protocol",
            HeaderValue::from_str(protocol).unwrap(),
        );
        let (ws, _) = tokio_tungstenite::connect_async(request)
            .await
            .expect("ws connect");
        let mut client = Self {
            ws,
            legacy: protocol == "graphql-ws",
        };
        client
            .send(json!({"type": "connection_init", "payload": payload}))
            .await;
        let first = client.recv().await;
        (client, first)
    }

    /// Connected and acknowledged, with `token` in the `connection_init` payload.
    pub async fn open(app: &TestApp, token: &str) -> Self {
        let (client, ack) = Self::connect(
            app,
            "graphql-transport-ws",
            json!({"Authorization": format!("Bearer {token}")}),
        )
        .await;
        assert_eq!(ack["type"], "connection_ack", "{ack}");
        client
    }

    pub async fn send(&mut self, message: Value) {
        self.ws
            .send(Message::text(message.to_string()))
            .await
            .expect("ws send");
    }

    /// The next protocol message (keep-alives skipped); `Value::Null` when the socket closed.
    pub async fn recv(&mut self) -> Value {
        loop {
            let message = tokio::time::timeout(PATIENCE, self.ws.next())
                .await
                .expect("a message in time");
            match message {
                Some(Ok(Message::Text(text))) => {
                    let value: Value = serde_json::from_str(&text).unwrap();
                    if matches!(value["type"].as_str(), Some("ka" | "ping" | "pong")) {
                        if value["type"] == "ping" {
                            self.send(json!({"type": "pong"})).await;
                        }
                        continue;
                    }
                    return value;
                }
                Some(Ok(Message::Close(frame))) => {
                    return json!({"type": "closed", "code": frame.map(|f| u16::from(f.code))});
                }
                Some(Ok(_)) => continue,
                None | Some(Err(_)) => return json!({"type": "closed"}),
            }
        }
    }

    /// Starts subscription `id`.
    pub async fn subscribe(&mut self, id: &str, query: &str, variables: Value) {
        let kind = if self.legacy { "start" } else { "subscribe" };
        self.send(
            json!({"id": id, "type": kind, "payload": {"query": query, "variables": variables}}),
        )
        .await;
    }

    /// The next result of subscription `id`: its `payload` (with `data` or `errors`).
    pub async fn next(&mut self, id: &str) -> Value {
        loop {
            let message = self.recv().await;
            match message["type"].as_str() {
                Some("next" | "data") if message["id"] == id => return message["payload"].clone(),
                Some("error") if message["id"] == id => {
                    return json!({"errors": message["payload"].clone()});
                }
                Some("complete") if message["id"] == id => return json!({"complete": true}),
                Some("closed") => return message,
                _ => continue,
            }
        }
    }
}

/// Runs `$trigger` until subscription `$id` on `$ws` yields its next result, and returns it.
/// Subscriptions start asynchronously, so the first trigger may come before the server follows
/// the bus; triggering again is how the test waits for it, without sleeping.
#[macro_export]
macro_rules! next_after {
    ($ws:expr, $id:expr, $trigger:block) => {{
        let mut attempts = 0;
        loop {
            $trigger;
            match tokio::time::timeout(std::time::Duration::from_millis(300), $ws.next($id)).await {
                Ok(payload) => break payload,
                Err(_) => {
                    attempts += 1;
                    assert!(attempts < 30, "subscription {} got nothing", $id);
                }
            }
        }
    }};
}

/// Runs `query` as an administrator while `cp` answers the one CALL it causes with `answer`;
/// returns the CALL the station saw (action, payload) and the GraphQL response.
pub async fn through_station(
    app: &TestApp,
    cp: &mut Station,
    query: &str,
    variables: Value,
    answer: Value,
) -> (String, Value, Value) {
    let request = app.gql_spawned(&app.admin(), query, variables);
    let (id, action, payload) = cp.server_call().await;
    cp.reply(&id, answer).await;
    (action, payload, request.await.unwrap())
}
