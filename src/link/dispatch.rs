//! The one place that maps what a station sends to a use case: each OCPP 1.6 request (typed by
//! `ocpp::v16::Request::parse`) goes to its use case here, each 2.0.1 request (typed by
//! `ocpp::v201::Request::parse`) in `dispatch_v201`, and the typed answer is encoded for the
//! session to send. Storage failures become `InternalError` (the station retries); nothing about
//! them reaches the station.

use std::sync::Arc;

use ocpp::rpc::{CallError, Version};
use ocpp::v16::{Bounds, RegistrationStatus, Request};
use ocpp::v201;
use serde::Serialize;
use serde_json::value::RawValue;

use crate::{
    context::Context,
    use_case::{security_ext, station, transaction},
};

/// The answer to a station's CALL.
pub type Outcome = Result<Answer, CallError>;

/// An encoded answer, and what it changes in the session.
pub struct Answer {
    pub payload: Box<RawValue>,
    /// A BootNotification changes what the station may send next.
    pub registration: Option<RegistrationStatus>,
}

/// A station's request, of the version its connection speaks.
#[derive(Debug)]
pub enum Inbound {
    V16(Request),
    V201(v201::Request),
}

impl Inbound {
    /// Decodes `action`'s payload for `version`; `max_id` bounds connector (1.6) and EVSE
    /// (2.0.1) ids (`--max-connector-id`).
    pub fn parse(
        version: Version,
        action: &str,
        payload: &RawValue,
        max_id: u32,
    ) -> Result<Self, CallError> {
        match version {
            Version::V16 => Request::parse(action, payload, Bounds {
                max_connector_id: max_id,
            })
            .map(Self::V16),
            Version::V201 => v201::Request::parse(action, payload, v201::Bounds {
                max_evse_id: max_id,
            })
            .map(Self::V201),
        }
    }

    pub fn action(&self) -> &'static str {
        match self {
            Self::V16(r) => r.action(),
            Self::V201(r) => r.action(),
        }
    }

    /// How many sampled values it carries (each becomes a stored row).
    pub fn sampled_values(&self) -> usize {
        match self {
            Self::V16(r) => r.sampled_values(),
            Self::V201(r) => r.sampled_values(),
        }
    }

    /// The one request a station that is not accepted may send.
    pub fn is_boot_notification(&self) -> bool {
        matches!(
            self,
            Self::V16(Request::BootNotification(_)) | Self::V201(v201::Request::BootNotification(_))
        )
    }
}

pub(super) fn encode<T: Serialize>(response: &T) -> Outcome {
    let payload = serde_json::value::to_raw_value(response).map_err(|_| CallError::internal())?;
    Ok(Answer {
        payload,
        registration: None,
    })
}

/// A use case's answer, encoded; its failure (storage) is `InternalError`.
pub(super) fn reply<T: Serialize, E>(result: Result<T, E>) -> Outcome {
    encode(&result.map_err(|_| CallError::internal())?)
}

/// Runs the use case of one request, of either version.
pub async fn dispatch(ctx: Arc<Context>, station: Arc<str>, req: Inbound) -> Outcome {
    match req {
        Inbound::V16(req) => dispatch_v16(ctx, station, req).await,
        Inbound::V201(req) => super::dispatch_v201::dispatch(ctx, station, req).await,
    }
}

/// Runs the use case of one OCPP 1.6 request.
async fn dispatch_v16(ctx: Arc<Context>, station: Arc<str>, req: Request) -> Outcome {
    let app = &ctx;
    let ctx = &*ctx;
    let id = &station;
    match req {
        Request::Authorize(r) => reply(transaction::authorize(ctx, r).await),
        Request::BootNotification(r) => {
            let response = station::boot(ctx, id, r)
                .await
                .map_err(|_| CallError::internal())?;
            let mut answer = encode(&response)?;
            answer.registration = Some(response.status);
            Ok(answer)
        }
        Request::DataTransfer(r) => reply(station::data_transfer(ctx, id, &r).await),
        Request::DiagnosticsStatusNotification(r) => {
            reply(station::diagnostics_status(ctx, id, r).await)
        }
        Request::FirmwareStatusNotification(r) => reply(station::firmware_status(ctx, id, r).await),
        Request::Heartbeat(_) => reply(station::heartbeat(ctx, id).await),
        Request::MeterValues(r) => reply(transaction::meter_values(ctx, id, r).await),
        Request::StartTransaction(r) => reply(transaction::start(ctx, id, r).await),
        Request::StatusNotification(r) => reply(station::status_notification(ctx, id, r).await),
        Request::StopTransaction(r) => reply(transaction::stop(ctx, id, r).await),
        Request::SecurityEventNotification(r) => {
            reply(security_ext::security_event(ctx, id, r).await)
        }
        Request::SignCertificate(r) => {
            let (response, signing) = security_ext::sign_certificate(app, id, r)
                .await
                .map_err(|_| CallError::internal())?;
            let answer = encode(&response)?;
            // Last, with no await after it: the answer goes out before the CertificateSigned.
            if let Some(signing) = signing {
                signing.spawn();
            }
            Ok(answer)
        }
        Request::LogStatusNotification(r) => reply(security_ext::log_status(ctx, id, r).await),
        Request::SignedFirmwareStatusNotification(r) => {
            reply(security_ext::signed_firmware_status(ctx, id, r).await)
        }
    }
}
