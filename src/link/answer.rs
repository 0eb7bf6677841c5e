//! A station's CALL answered: the encoded payload for the session to send, or the CallError,
//! whatever the OCPP version (shared by `dispatch` and `dispatch_v201`).

use ocpp::rpc::CallError;
use ocpp::v16::RegistrationStatus;
use serde::Serialize;
use serde_json::value::RawValue;

/// The answer to a station's CALL.
pub type Outcome = Result<Answer, CallError>;

/// An encoded answer, and what it changes in the session.
pub struct Answer {
    pub payload: Box<RawValue>,
    /// A BootNotification changes what the station may send next.
    pub registration: Option<RegistrationStatus>,
}

/// A typed answer, encoded.
pub fn encode<T: Serialize>(response: &T) -> Outcome {
    let payload = serde_json::value::to_raw_value(response).map_err(|_| CallError::internal())?;
    Ok(Answer {
        payload,
        registration: None,
    })
}

/// A use case's answer, encoded; its failure (storage) is `InternalError`.
pub fn reply<T: Serialize, E>(result: Result<T, E>) -> Outcome {
    encode(&result.map_err(|_| CallError::internal())?)
}
