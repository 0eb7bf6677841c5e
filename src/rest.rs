//! The seed's HTTP API, `/api/v1/centralsystem/...`, for the clients that already use it: the
//! connected stations, and one POST per remote command with the seed's bodies and OCPP-spelled
//! answers. It calls the same checked command path as GraphQL ([`OnBehalf`]) with the same
//! tokens and roles; its OpenAPI document is generated from the route table below. Bodies are
//! read after the token is checked, up to `--max-request-size` (`serve::body::read_limited`).

use std::{net::SocketAddr, sync::Arc};

use axum::{
    Json, Router,
    body::{Body, Bytes},
    extract::{ConnectInfo, Path, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use serde::{Deserialize, de::DeserializeOwned};
use serde_json::{Value, json};

use ocpp::rpc::CommandError;

use crate::{
    auth::Principal,
    context::Context,
    serve::body::{BodyError, read_limited},
    use_case::{
        audit::{self, Entry},
        command::{OnBehalf, Refused},
        firmware::{self, DownloadRefused, StoredFile},
    },
};
use ocpp::v16::{
    AvailabilityStatus, AvailabilityType, ClearCacheStatus, ConfigurationStatus,
    RemoteStartStopStatus, ResetStatus, ResetType, UnlockStatus,
};

/// Where the API lives.
pub const BASE: &str = "/api/v1/centralsystem";

/// An error answer: `{"error": {"code", "message", …}}` with its HTTP status.
#[derive(Debug)]
pub(crate) struct Failure {
    status: StatusCode,
    code: &'static str,
    message: String,
    extra: Option<(&'static str, Value)>,
}

impl Failure {
    pub(crate) fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            extra: None,
        }
    }

    fn with(mut self, key: &'static str, value: Value) -> Self {
        self.extra = Some((key, value));
        self
    }

    fn refused(station: &str, refused: Refused) -> Self {
        match refused {
            Refused::Forbidden(m) => Self::new(StatusCode::FORBIDDEN, "FORBIDDEN", m),
            Refused::NotFound(m) => Self::new(StatusCode::NOT_FOUND, "NOT_FOUND", m),
            Refused::Invalid { field, message } => Self::new(
                StatusCode::BAD_REQUEST,
                "BAD_USER_INPUT",
                format!("{field}: {message}"),
            )
            .with("field", json!(field)),
            Refused::BudgetExhausted(m) => Self::new(StatusCode::CONFLICT, "BUDGET_EXHAUSTED", m),
            Refused::ConnectorOccupied(m) => {
                Self::new(StatusCode::CONFLICT, "CONNECTOR_OCCUPIED", m)
            }
            Refused::Unsupported(m) => {
                Self::new(StatusCode::UNPROCESSABLE_ENTITY, "UNSUPPORTED_BY_STATION", m)
            }
            Refused::Store => Self::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "INTERNAL",
                "internal error",
            ),
            Refused::Command(CommandError::Offline | CommandError::Disconnected) => Self::new(
                StatusCode::CONFLICT,
                "STATION_OFFLINE",
                format!("station {station} is not connected"),
            ),
            Refused::Command(CommandError::Unreachable(reason)) => Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "STATION_UNREACHABLE",
                reason,
            ),
            Refused::Command(CommandError::Timeout(_)) => Self::new(
                StatusCode::GATEWAY_TIMEOUT,
                "STATION_TIMEOUT",
                format!("station {station} did not answer in time"),
            ),
            Refused::Command(CommandError::CallError {
                code, description, ..
            }) => Self::new(
                StatusCode::BAD_GATEWAY,
                "STATION_ERROR",
                format!("station {station} answered {code}: {description}"),
            )
            .with("ocppErrorCode", json!(code)),
            Refused::Command(CommandError::InvalidResponse(reason)) => Self::new(
                StatusCode::BAD_GATEWAY,
                "STATION_ERROR",
                format!("station {station} answered outside the OCPP schema: {reason}"),
            )
            .with("ocppErrorCode", json!("InvalidResponse")),
        }
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let mut error = json!({"code": self.code, "message": self.message});
        if let Some((key, value)) = self.extra {
            error[key] = value;
        }
        let mut response = (self.status, Json(json!({ "error": error }))).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

type Answer = Result<Json<Value>, Failure>;

pub(crate) fn caller(ctx: &Context, headers: &HeaderMap) -> Result<Principal, Failure> {
    let value = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| {
            Failure::new(
                StatusCode::UNAUTHORIZED,
                "UNAUTHENTICATED",
                "a bearer token is needed",
            )
        })?;
    let token = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
        .unwrap_or(value);
    ctx.keys
        .verify(token.trim())
        .map_err(|e| Failure::new(StatusCode::UNAUTHORIZED, "UNAUTHENTICATED", e.to_string()))
}

impl From<BodyError> for Failure {
    fn from(e: BodyError) -> Self {
        Self::new(e.status(), e.code(), e.message())
    }
}

/// Most characters of a body's field path or error quoted back (serde quotes the value).
const QUOTED: usize = 200;

/// Reads a JSON body (an empty one counts as `{}`), naming the field that is wrong.
fn body<T: DeserializeOwned>(bytes: &Bytes) -> Result<T, Failure> {
    let text = if bytes.iter().all(u8::is_ascii_whitespace) {
        &b"{}"[..]
    } else {
        &bytes[..]
    };
    let mut deserializer = serde_json::Deserializer::from_slice(text);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let field: String = e.path().to_string().chars().take(QUOTED).collect();
        let inner = e.into_inner().to_string();
        let message: String = inner
            .split(" at line ")
            .next()
            .unwrap_or(&inner)
            .chars()
            .take(QUOTED)
            .collect();
        let failure = Failure::new(
            StatusCode::BAD_REQUEST,
            "BAD_USER_INPUT",
            if field == "." {
                format!("body: {message}")
            } else {
                format!("{field}: {message}")
            },
        );
        if field == "." {
            failure
        } else {
            failure.with("field", json!(field))
        }
    })
}

fn status(value: &str) -> Json<Value> {
    Json(json!({ "status": value }))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ChangeAvailabilityBody {
    connector_id: i32,
    #[serde(rename = "type")]
    kind: AvailabilityType,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ChangeConfigurationBody {
    key: String,
    value: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct GetConfigurationBody {
    #[serde(default)]
    key: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StartTransactionBody {
    id_tag: String,
    #[serde(default)]
    connector_id: Option<i32>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StopTransactionBody {
    transaction_id: i32,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ResetBody {
    #[serde(rename = "type")]
    kind: ResetType,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct UnlockConnectorBody {
    connector_id: i32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EmptyBody {}

async fn clients(State(ctx): State<Arc<Context>>, headers: HeaderMap) -> Answer {
    let p = caller(&ctx, &headers)?;
    let connected = ctx.cache.connected_stations().await.map_err(|e| {
        tracing::warn!(error = %e, "status cache unavailable");
        Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "INTERNAL",
            "internal error",
        )
    })?;
    let visible: Vec<String> = connected
        .into_iter()
        .filter(|id| p.may_access(id))
        .collect();
    Ok(Json(json!(visible)))
}

/// The command routes share this shape: token, body, the checked command path, the answer;
/// each call is recorded in the audit trail (as `rest:POST <path>`) before it is answered.
macro_rules! command_route {
    ($name:ident, $body:ty, |$on:ident, $id:ident, $b:ident| $call:expr) => {
        async fn $name(
            State(ctx): State<Arc<Context>>,
            ConnectInfo(peer): ConnectInfo<SocketAddr>,
            Path($id): Path<String>,
            headers: HeaderMap,
            request: Body,
        ) -> Answer {
            let caller = caller(&ctx, &headers);
            let mut arguments = json!({ "stationId": $id });
            let entry = Entry {
                sub: caller.as_ref().ok().map(|p| p.sub.clone()),
                role: caller.as_ref().ok().map(|p| p.role.to_string()),
                address: Some(ctx.settings.client_ip(peer.ip(), forwarded_for(&headers))),
                action: concat!("rest:POST ", "/api/v1/centralsystem/clients/{id}/", stringify!($name))
                    .to_owned(),
                target: Some($id.clone()),
                ..Entry::default()
            };
            let pending = audit::Pending::new(ctx.clone(), entry);
            let (answer, note) = audit::noted(async {
                let caller = caller?;
                let bytes = read_limited(request, &ctx.settings.limits).await?;
                if let (Ok(Value::Object(given)), Some(into)) = (
                    serde_json::from_slice::<Value>(&bytes),
                    arguments.as_object_mut(),
                ) {
                    into.extend(given);
                }
                let $b: $body = body(&bytes)?;
                let $on = OnBehalf {
                    ctx: &ctx,
                    caller: &caller,
                };
                $call.await.map_err(|e| Failure::refused(&$id, e))
            })
            .await;
            let mut entry = pending.finish();
            entry.arguments = arguments;
            entry.outcome = match &answer {
                Ok(_) => audit::OK.to_owned(),
                Err(failure) => failure.code.to_owned(),
            };
            entry.answer = note.answer;
            audit::record(&ctx, entry).await;
            answer
        }
    };
}

/// The `X-Forwarded-For` header (believed only from a trusted proxy, see `Settings::client_ip`).
fn forwarded_for(headers: &HeaderMap) -> Option<&str> {
    headers.get("x-forwarded-for").and_then(|v| v.to_str().ok())
}

command_route!(
    change_availability,
    ChangeAvailabilityBody,
    |on, id, b| async {
        let answer: AvailabilityStatus =
            on.change_availability(&id, b.connector_id, b.kind).await?;
        Ok(status(answer.as_str()))
    }
);
command_route!(
    change_configuration,
    ChangeConfigurationBody,
    |on, id, b| async {
        let answer: ConfigurationStatus = on.change_configuration(&id, &b.key, &b.value).await?;
        Ok(status(answer.as_str()))
    }
);
command_route!(clear_cache, EmptyBody, |on, id, _b| async {
    let answer: ClearCacheStatus = on.clear_cache(&id).await?;
    Ok(status(answer.as_str()))
});
command_route!(get_configuration, GetConfigurationBody, |on, id, b| async {
    let answer = on.get_configuration(&id, b.key.as_deref()).await?;
    Ok(Json(serde_json::to_value(answer).unwrap_or_default()))
});
command_route!(start_transaction, StartTransactionBody, |on, id, b| async {
    let answer: RemoteStartStopStatus = on
        .remote_start(&id, &b.id_tag, b.connector_id, None)
        .await?;
    Ok(status(answer.as_str()))
});
command_route!(stop_transaction, StopTransactionBody, |on, id, b| async {
    let answer: RemoteStartStopStatus = on.remote_stop(&id, b.transaction_id).await?;
    Ok(status(answer.as_str()))
});
command_route!(reset, ResetBody, |on, id, b| async {
    let answer: ResetStatus = on.reset(&id, b.kind).await?;
    Ok(status(answer.as_str()))
});
command_route!(unlock_connector, UnlockConnectorBody, |on, id, b| async {
    let answer: UnlockStatus = on.unlock_connector(&id, b.connector_id).await?;
    Ok(status(answer.as_str()))
});

/// One documented route.
struct RouteDoc {
    method: &'static str,
    /// Below [`BASE`], in OpenAPI form (`{id}`).
    path: &'static str,
    operation: &'static str,
    summary: &'static str,
    request: Option<Value>,
    response: Value,
}

fn enum_schema<T: Copy>(values: &[T], wire: fn(T) -> &'static str) -> Value {
    json!({"type": "string", "enum": values.iter().map(|v| wire(*v)).collect::<Vec<_>>()})
}

fn status_schema<T: Copy>(values: &[T], wire: fn(T) -> &'static str) -> Value {
    json!({"type": "object", "required": ["status"], "properties": {"status": enum_schema(values, wire)}})
}

fn object(required: &[&str], properties: Value) -> Value {
    let mut schema =
        json!({"type": "object", "additionalProperties": false, "properties": properties});
    // OpenAPI 3.0 wants a non-empty `required`, or none at all.
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    schema
}

/// Every route of this API, with what it takes and answers; the router and the OpenAPI
/// document are both built from it.
fn table() -> Vec<(RouteDoc, axum::routing::MethodRouter<Arc<Context>>)> {
    let string = |max: u32| json!({"type": "string", "maxLength": max});
    let connector = |min: i32| json!({"type": "integer", "minimum": min});
    vec![
        (
            RouteDoc {
                method: "get",
                path: "/clients",
                operation: "listClients",
                summary: "Ids of the connected stations the token may see",
                request: None,
                response: json!({"type": "array", "items": {"type": "string"}}),
            },
            get(clients),
        ),
        (
            RouteDoc {
                method: "post",
                path: "/clients/{id}/change_availability",
                operation: "changeAvailability",
                summary: "ChangeAvailability: make a connector (0: the whole station) operative or inoperative",
                request: Some(object(
                    &["connectorId", "type"],
                    json!({"connectorId": connector(0), "type": enum_schema(AvailabilityType::ALL, AvailabilityType::as_str)}),
                )),
                response: status_schema(AvailabilityStatus::ALL, AvailabilityStatus::as_str),
            },
            post(change_availability),
        ),
        (
            RouteDoc {
                method: "post",
                path: "/clients/{id}/change_configuration",
                operation: "changeConfiguration",
                summary: "ChangeConfiguration: set a configuration key",
                request: Some(object(
                    &["key", "value"],
                    json!({"key": string(50), "value": string(500)}),
                )),
                response: status_schema(ConfigurationStatus::ALL, ConfigurationStatus::as_str),
            },
            post(change_configuration),
        ),
        (
            RouteDoc {
                method: "post",
                path: "/clients/{id}/clear_cache",
                operation: "clearCache",
                summary: "ClearCache: clear the station's authorisation cache (no body)",
                request: None,
                response: status_schema(ClearCacheStatus::ALL, ClearCacheStatus::as_str),
            },
            post(clear_cache),
        ),
        (
            RouteDoc {
                method: "post",
                path: "/clients/{id}/get_configuration",
                operation: "getConfiguration",
                summary: "GetConfiguration: read configuration keys (all of them without `key`)",
                request: Some(object(
                    &[],
                    json!({"key": {"type": "array", "items": string(50)}}),
                )),
                response: json!({"type": "object", "properties": {
                    "configurationKey": {"type": "array", "items": {"type": "object", "required": ["key", "readonly"], "properties": {
                        "key": string(50), "readonly": {"type": "boolean"}, "value": string(500)}}},
                    "unknownKey": {"type": "array", "items": string(50)}}}),
            },
            post(get_configuration),
        ),
        (
            RouteDoc {
                method: "post",
                path: "/clients/{id}/start_transaction",
                operation: "startTransaction",
                summary: "RemoteStartTransaction for an id tag; without connectorId the station chooses",
                request: Some(object(
                    &["idTag"],
                    json!({"idTag": string(20), "connectorId": connector(1)}),
                )),
                response: status_schema(RemoteStartStopStatus::ALL, RemoteStartStopStatus::as_str),
            },
            post(start_transaction),
        ),
        (
            RouteDoc {
                method: "post",
                path: "/clients/{id}/stop_transaction",
                operation: "stopTransaction",
                summary: "RemoteStopTransaction",
                request: Some(object(
                    &["transactionId"],
                    json!({"transactionId": {"type": "integer"}}),
                )),
                response: status_schema(RemoteStartStopStatus::ALL, RemoteStartStopStatus::as_str),
            },
            post(stop_transaction),
        ),
        (
            RouteDoc {
                method: "post",
                path: "/clients/{id}/reset",
                operation: "reset",
                summary: "Reset: reboot the station (Soft after stopping transactions, Hard at once)",
                request: Some(object(
                    &["type"],
                    json!({"type": enum_schema(ResetType::ALL, ResetType::as_str)}),
                )),
                response: status_schema(ResetStatus::ALL, ResetStatus::as_str),
            },
            post(reset),
        ),
        (
            RouteDoc {
                method: "post",
                path: "/clients/{id}/unlock_connector",
                operation: "unlockConnector",
                summary: "UnlockConnector",
                request: Some(object(
                    &["connectorId"],
                    json!({"connectorId": connector(1)}),
                )),
                response: status_schema(UnlockStatus::ALL, UnlockStatus::as_str),
            },
            post(unlock_connector),
        ),
    ]
}

/// The OpenAPI 3 document of this API.
pub fn openapi() -> Value {
    let mut paths = serde_json::Map::new();
    for (doc, _) in table() {
        let mut operation = json!({
            "operationId": doc.operation,
            "summary": doc.summary,
            "security": [{"bearer": []}],
            "responses": {
                "200": {"description": "the station's answer, in OCPP spelling", "content": {"application/json": {"schema": doc.response}}},
                "400": {"$ref": "#/components/responses/BadRequest"},
                "401": {"$ref": "#/components/responses/Unauthenticated"},
                "403": {"$ref": "#/components/responses/Forbidden"},
            }
        });
        if doc.path.contains("{id}") {
            operation["parameters"] = json!([{"name": "id", "in": "path", "required": true, "description": "the station (charge point) id", "schema": {"type": "string", "maxLength": 48}}]);
            let responses = operation["responses"]
                .as_object_mut()
                .expect("responses object");
            responses.insert(
                "404".into(),
                json!({"$ref": "#/components/responses/NotFound"}),
            );
            responses.insert(
                "409".into(),
                json!({"$ref": "#/components/responses/StationOffline"}),
            );
            responses.insert(
                "502".into(),
                json!({"$ref": "#/components/responses/StationError"}),
            );
            responses.insert(
                "504".into(),
                json!({"$ref": "#/components/responses/StationTimeout"}),
            );
        }
        if let Some(request) = doc.request {
            // A body without required fields may be left out.
            let required = request.get("required").is_some();
            operation["requestBody"] =
                json!({"required": required, "content": {"application/json": {"schema": request}}});
        }
        let entry = paths
            .entry(format!("{BASE}{}", doc.path))
            .or_insert_with(|| json!({}));
        entry[doc.method] = operation;
    }
    let error = |description: &str| json!({"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}});
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "chargegate central system API (seed compatible)",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The seed's /api/v1/centralsystem endpoints. The GraphQL API at /graphql covers the same commands and much more."
        },
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
                    "code": {"type": "string", "enum": ["BAD_USER_INPUT", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "STATION_OFFLINE", "STATION_TIMEOUT", "STATION_ERROR", "STATION_UNREACHABLE", "INTERNAL"]},
                    "message": {"type": "string"},
                    "field": {"type": "string", "description": "BAD_USER_INPUT: the body field that is wrong"},
                    "ocppErrorCode": {"type": "string", "description": "STATION_ERROR: the station's CallError code"}}}}}
            },
            "responses": {
                "BadRequest": error("the body or an argument is invalid (`field` names it)"),
                "Unauthenticated": error("no token, or the token was refused"),
                "Forbidden": error("the role or the token's stations do not allow it"),
                "NotFound": error("no such station"),
                "StationOffline": error("the station is not connected"),
                "StationError": error("the station answered with a CallError (`ocppErrorCode`)"),
                "StationTimeout": error("the station did not answer in time"),
                "StationUnreachable": error("the station may be connected to another node, which cannot be reached now"),
            }
        }
    })
}

async fn openapi_document() -> Json<Value> {
    Json(openapi())
}

/// Staff with access to the station download an uploaded diagnostics file
/// (`/uploads/diagnostics/{id}`, with their bearer token).
async fn download(
    State(ctx): State<Arc<Context>>,
    Path(id): Path<i32>,
    headers: HeaderMap,
) -> Result<Response, Failure> {
    let who = caller(&ctx, &headers)?;
    let not_found = || {
        Failure::new(
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
            format!("no uploaded file {id}"),
        )
    };
    let (stored, name) = firmware::uploaded_file(&ctx, &who, id)
        .await
        .map_err(|refused| match refused {
            DownloadRefused::NotFound(_) => not_found(),
            DownloadRefused::Forbidden => {
                Failure::new(StatusCode::FORBIDDEN, "FORBIDDEN", refused.to_string())
            }
            DownloadRefused::Unavailable => Failure::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "INTERNAL",
                "try again later",
            ),
        })?;
    let body = match stored {
        StoredFile::Disk(path) => {
            let file = tokio::fs::File::open(path).await.map_err(|_| not_found())?;
            Body::from_stream(tokio_util::io::ReaderStream::new(file))
        }
        StoredFile::Database { request_id, part } => {
            // One piece in memory at a time, read as the client takes them.
            let pieces = futures_util::stream::unfold(Some(0i32), move |seq| {
                let ctx = ctx.clone();
                let part = part.clone();
                async move {
                    let seq = seq?;
                    match firmware::chunk(&ctx, request_id, &part, seq).await {
                        Ok(Some(data)) => Some((Ok(data), Some(seq + 1))),
                        Ok(None) => None,
                        Err(e) => {
                            tracing::warn!(error = %e, request = request_id, "cannot read an uploaded file");
                            Some((Err(std::io::Error::other("cannot read the file")), None))
                        }
                    }
                }
            });
            Body::from_stream(pieces)
        }
    };
    let disposition = format!("attachment; filename=\"{name}\"");
    let mut response = Response::new(body);
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// The routes of this API, with the staff download of uploaded diagnostics files.
pub fn routes() -> Router<Arc<Context>> {
    let mut router = Router::new()
        .route("/api/v1/openapi.json", get(openapi_document))
        .route("/uploads/diagnostics/{id}", get(download));
    for (doc, handler) in table() {
        router = router.route(&format!("{BASE}{}", doc.path), handler);
    }
    router
}
