//! Server → station commands: send a typed OCPP command to a connected station and get its
//! typed answer, the station's CALLERROR, a timeout, or an immediate "offline".
//!
//! One call is outstanding per station at a time; others wait their turn in the session's
//! queue, and the timeout covers the wait. An answer that arrives after the timeout is dropped by
//! the session, never matched to a later call.

use std::time::Duration;

use serde_json::value::RawValue;
use tokio::sync::oneshot;

use crate::app::Context;
use crate::ocpp::{outbound::Command, payload::decode, registry::OutboundCall};

/// Why a command produced no answer.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum CommandError {
    /// The station is not connected (or disconnected before the command was sent).
    #[error("station is not connected")]
    Offline,
    /// No answer within the command timeout.
    #[error("station did not answer within {0:?}")]
    Timeout(Duration),
    /// The station answered with a CALLERROR.
    #[error("station answered {code}: {description}")]
    CallError {
        code: String,
        description: String,
        details: serde_json::Value,
    },
    /// The station's CALLRESULT does not match the action's schema.
    #[error("station's answer is not valid: {0}")]
    InvalidResponse(String),
    /// The connection closed after the command was sent, before its answer.
    #[error("station disconnected before answering")]
    Disconnected,
}

/// Sends `command` to `station_id` and waits for its typed answer.
pub async fn send<C: Command>(
    ctx: &Context,
    station_id: &str,
    command: &C,
) -> Result<C::Response, CommandError> {
    let payload = serde_json::value::to_raw_value(command)
        .map_err(|e| CommandError::InvalidResponse(format!("cannot encode command: {e}")))?;
    let answer = send_raw(ctx, station_id, C::ACTION, payload).await?;
    decode::<C::Response>(&answer).map_err(|e| CommandError::InvalidResponse(e.to_string()))
}

/// Sends an already-encoded CALL payload; returns the raw CALLRESULT payload.
pub async fn send_raw(
    ctx: &Context,
    station_id: &str,
    action: &'static str,
    payload: Box<RawValue>,
) -> Result<Box<RawValue>, CommandError> {
    let session = ctx.registry.get(station_id).ok_or(CommandError::Offline)?;
    let timeout = ctx.settings.command_timeout.0;
    let (reply, answer) = oneshot::channel();
    let call = Box::new(OutboundCall {
        action,
        payload,
        reply,
    });
    let exchange = async {
        session
            .sender
            .send(call)
            .await
            .map_err(|_| CommandError::Offline)?;
        answer.await.map_err(|_| CommandError::Disconnected)?
    };
    tokio::time::timeout(timeout, exchange)
        .await
        .map_err(|_| CommandError::Timeout(timeout))?
}
