//! The one place that maps what a station sends to a use case: each OCPP 1.6 request (typed by
//! `ocpp::v16::Request::parse`) goes to its use case, and the typed answer is encoded for the
//! session to send. Storage failures become `InternalError` (the station retries); nothing about
//! them reaches the station.

use std::sync::Arc;

use ocpp::rpc::CallError;
use ocpp::v16::{RegistrationStatus, Request};
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

fn encode<T: Serialize>(response: &T) -> Outcome {
    let payload = serde_json::value::to_raw_value(response).map_err(|_| CallError::internal())?;
    Ok(Answer {
        payload,
        registration: None,
    })
}

/// A use case's answer, encoded; its failure (storage) is `InternalError`.
fn reply<T: Serialize, E>(result: Result<T, E>) -> Outcome {
    encode(&result.map_err(|_| CallError::internal())?)
}

/// Runs the use case of one request.
pub async fn dispatch(ctx: Arc<Context>, station: Arc<str>, req: Request) -> Outcome {
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
