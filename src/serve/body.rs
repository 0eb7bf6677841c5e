//! Request bodies of the HTTP APIs (`POST /graphql`, `/api/v1`), read up to
//! `--max-request-size`: a body whose `Content-Length` says it is larger is refused before any
//! of it is read, a chunked one as soon as it passes the limit, and one that takes longer than
//! `--body-read-timeout` to arrive is dropped. What is wrong is said without quoting the body.

use std::time::Duration;

use async_graphql::BatchRequest;
use axum::{
    body::{Body, Bytes, HttpBody as _},
    http::{HeaderMap, StatusCode, header},
};
use futures_util::StreamExt;

use crate::config::Limits;

/// Why a body was not taken.
#[derive(Debug)]
pub enum BodyError {
    TooLarge(usize),
    TimedOut(Duration),
    /// The connection failed while the body was read.
    Broken,
    /// `multipart/form-data`: the API takes no uploads.
    Multipart,
    /// Not a GraphQL request in JSON; the line and column where that shows.
    NotGraphql {
        json: bool,
        line: usize,
        column: usize,
    },
}

impl BodyError {
    pub fn status(&self) -> StatusCode {
        match self {
            Self::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::TimedOut(_) => StatusCode::REQUEST_TIMEOUT,
            Self::Multipart => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Broken | Self::NotGraphql { .. } => StatusCode::BAD_REQUEST,
        }
    }

    /// The GraphQL `extensions.code` (and the REST API's `code`).
    pub fn code(&self) -> &'static str {
        match self {
            Self::TimedOut(_) => "TIMEOUT",
            _ => "BAD_USER_INPUT",
        }
    }

    pub fn message(&self) -> String {
        match self {
            Self::TooLarge(limit) => format!("the request body is larger than {limit} bytes"),
            Self::TimedOut(limit) => format!(
                "the request body did not arrive within {}s",
                limit.as_secs_f64()
            ),
            Self::Broken => "the request body could not be read".to_owned(),
            Self::Multipart => "multipart requests are not taken: the API has no uploads".into(),
            Self::NotGraphql { json, line, column } => format!(
                "the body is not {} (line {line}, column {column})",
                if *json {
                    "a GraphQL request (`query`, `operationName`, `variables`) or a list of them"
                } else {
                    "JSON"
                }
            ),
        }
    }
}

/// The whole body, if it is at most `limits.max_request_size` and arrives within
/// `limits.body_read_timeout` (zero: no time limit).
pub async fn read_limited(body: Body, limits: &Limits) -> Result<Bytes, BodyError> {
    let limit = limits.max_request_size.bytes();
    // hyper's hint is the Content-Length when there is one.
    if body.size_hint().lower() > limit as u64 {
        return Err(BodyError::TooLarge(limit));
    }
    let timeout = limits.body_read_timeout.0;
    if timeout.is_zero() {
        return collect(body, limit).await;
    }
    tokio::time::timeout(timeout, collect(body, limit))
        .await
        .unwrap_or(Err(BodyError::TimedOut(timeout)))
}

/// Reads chunks until the end, or until they pass `limit`.
async fn collect(body: Body, limit: usize) -> Result<Bytes, BodyError> {
    let mut chunks = body.into_data_stream();
    let mut whole = Vec::new();
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk.map_err(|_| BodyError::Broken)?;
        if whole.len() + chunk.len() > limit {
            return Err(BodyError::TooLarge(limit));
        }
        whole.extend_from_slice(&chunk);
    }
    Ok(whole.into())
}

/// A `POST /graphql` body: a request or a batch in JSON (whatever the content type says,
/// except multipart).
pub async fn graphql_batch(
    headers: &HeaderMap,
    body: Body,
    limits: &Limits,
) -> Result<BatchRequest, BodyError> {
    let multipart = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("multipart/")
        });
    if multipart {
        return Err(BodyError::Multipart);
    }
    let bytes = read_limited(body, limits).await?;
    serde_json::from_slice(&bytes).map_err(|e| BodyError::NotGraphql {
        json: e.is_data(),
        line: e.line(),
        column: e.column(),
    })
}
