//! The OCPP 2.0.1 half of the one request → use-case map (`dispatch` holds the 1.6 half): each
//! 2.0.1 request goes to the use case that keeps its meaning in the one model, translated where
//! 1.6 already has that use case (boot, heartbeat, data transfer, security events, certificate
//! signing, firmware and log status, each to the request its `requestId` names); NotifyReport
//! fills the device model; NotifyEvent, NotifyMonitoringReport and NotifyCustomerInformation
//! are kept (`use_case::station_report`), and so are reported charging profiles, external
//! limits and EV charging needs (`use_case::charging_report`). What has no home in
//! the model yet is validated, journaled and answered (README, "OCPP 2.0.1 support": each
//! message's "stored" column says which).

use std::sync::Arc;

use ocpp::rpc::CallError;
use ocpp::types::CiString;
use ocpp::v16::{self, security_ext};
use ocpp::v201::{self as v, Request};

use super::answer::{Answer, Outcome, encode, reply};
use crate::{
    context::Context,
    use_case::{
        charging_report,
        firmware::{self, RequestOf},
        security_ext as security, station, station_report as reports, transaction_event,
    },
};

/// Runs the use case of one 2.0.1 request.
pub async fn dispatch(ctx: Arc<Context>, station: Arc<str>, req: Request) -> Outcome {
    let app = &ctx;
    let ctx = &*ctx;
    let id = &station;
    match req {
        Request::BootNotification(r) => boot(ctx, id, r).await,
        Request::Heartbeat(_) => {
            let at = station::heartbeat(ctx, id)
                .await
                .map_err(|_| CallError::internal())?;
            encode(&v::HeartbeatResponse {
                current_time: at.current_time,
                custom_data: None,
            })
        }
        Request::StatusNotification(r) => {
            reply(transaction_event::status_notification(ctx, id, r).await)
        }
        Request::Authorize(r) => reply(transaction_event::authorize(ctx, r).await),
        Request::TransactionEvent(r) => {
            transaction_event::check_units(r.meter_value.as_deref().unwrap_or_default())?;
            reply(transaction_event::transaction_event(ctx, id, r).await)
        }
        Request::MeterValues(r) => {
            transaction_event::check_units(&r.meter_value)?;
            reply(transaction_event::meter_values(ctx, id, r).await)
        }
        Request::DataTransfer(r) => {
            let as_16 = v16::DataTransferRequest {
                vendor_id: r.vendor_id,
                message_id: r.message_id,
                data: r.data.map(|d| d.to_string()),
            };
            let answer = station::data_transfer(ctx, id, &as_16)
                .await
                .map_err(|_| CallError::internal())?;
            encode(&v::DataTransferResponse {
                status: v::DataTransferStatusEnum::from_wire(answer.status.as_str())
                    .unwrap_or(v::DataTransferStatusEnum::UnknownVendorId),
                status_info: None,
                data: None,
                custom_data: None,
            })
        }
        Request::SecurityEventNotification(r) => {
            let as_16 = security_ext::SecurityEventNotificationRequest {
                kind: r.kind,
                timestamp: r.timestamp,
                tech_info: r.tech_info,
            };
            security::security_event(ctx, id, as_16)
                .await
                .map_err(|_| CallError::internal())?;
            encode(&v::SecurityEventNotificationResponse { custom_data: None })
        }
        Request::SignCertificate(r) => {
            let certificate_type = r.certificate_type;
            let as_16 = security_ext::SignCertificateRequest { csr: r.csr };
            let (answer, signing) = security::sign_certificate(app, id, as_16)
                .await
                .map_err(|_| CallError::internal())?;
            let answer = encode(&v::SignCertificateResponse {
                status: v::GenericStatusEnum::from_wire(answer.status.as_str())
                    .unwrap_or(v::GenericStatusEnum::Rejected),
                status_info: None,
                custom_data: None,
            })?;
            // Last, with no await after it: the answer goes out before the CertificateSigned.
            if let Some(signing) = signing {
                signing.for_v201(certificate_type).spawn();
            }
            Ok(answer)
        }
        Request::FirmwareStatusNotification(r) => {
            firmware_status(ctx, id, r).await?;
            encode(&v::FirmwareStatusNotificationResponse { custom_data: None })
        }
        Request::LogStatusNotification(r) => {
            log_status(ctx, id, r).await?;
            encode(&v::LogStatusNotificationResponse { custom_data: None })
        }
        // The device model, kept before the part is answered.
        Request::NotifyReport(r) => {
            reply(crate::use_case::device_model::notify_report(ctx, id, r).await)
        }
        // Kept, bounded, before they are answered (a storage failure is the station's
        // InternalError, and it sends them again).
        Request::NotifyEvent(r) => reply(reports::notify_event(ctx, id, r).await),
        Request::NotifyMonitoringReport(r) => {
            reply(reports::notify_monitoring_report(ctx, id, r).await)
        }
        Request::NotifyCustomerInformation(r) => {
            reply(reports::notify_customer_information(ctx, id, r).await)
        }
        // Journaled and answered; display messages are not kept (README, "OCPP 2.0.1
        // support").
        Request::NotifyDisplayMessages(_) => {
            encode(&v::NotifyDisplayMessagesResponse { custom_data: None })
        }
        // What the station reports about charging (`use_case::charging_report`).
        Request::NotifyChargingLimit(r) => reply(charging_report::notify_limit(ctx, id, r).await),
        Request::ClearedChargingLimit(r) => reply(charging_report::cleared_limit(ctx, id, r).await),
        Request::ReportChargingProfiles(r) => {
            reply(charging_report::report_profiles(ctx, id, r).await)
        }
        Request::ReservationStatusUpdate(r) => {
            let expired = r.reservation_update_status == v::ReservationUpdateStatusEnum::Expired;
            crate::use_case::reservation::ended_at_station(ctx, id, r.reservation_id, expired)
                .await
                .map_err(|_| CallError::internal())?;
            encode(&v::ReservationStatusUpdateResponse { custom_data: None })
        }
        Request::PublishFirmwareStatusNotification(_) => {
            encode(&v::PublishFirmwareStatusNotificationResponse { custom_data: None })
        }
        // Kept, and answered Rejected: no schedule will follow, the central system does not
        // plan ISO 15118 charging.
        Request::NotifyEVChargingNeeds(r) => {
            reply(charging_report::ev_charging_needs(ctx, id, r).await)
        }
        Request::NotifyEVChargingSchedule(_) => encode(&v::NotifyEVChargingScheduleResponse {
            status: v::GenericStatusEnum::Accepted,
            status_info: None,
            custom_data: None,
        }),
        // Contract certificates and OCSP are not offered (no V2G root or OCSP responder here).
        Request::Get15118EVCertificate(_) => encode(&v::Get15118EVCertificateResponse {
            status: v::Iso15118EvCertificateStatusEnum::Failed,
            status_info: None,
            exi_response: CiString::new("").map_err(|_| CallError::internal())?,
            custom_data: None,
        }),
        Request::GetCertificateStatus(_) => encode(&v::GetCertificateStatusResponse {
            status: v::GetCertificateStatusEnum::Failed,
            status_info: None,
            ocsp_result: None,
            custom_data: None,
        }),
    }
}

/// BootNotification (2.0.1): the station's identity stored as 1.6's is, its registration
/// answered (and kept by the session).
async fn boot(ctx: &Context, id: &Arc<str>, r: v::BootNotificationRequest) -> Outcome {
    let cs = r.charging_station;
    let modem = cs.modem.as_ref();
    let identity = station::Identity {
        vendor: cs.vendor_name.to_string(),
        model: cs.model.to_string(),
        serial_number: cs.serial_number.as_ref().map(ToString::to_string),
        box_serial_number: None,
        firmware_version: cs.firmware_version.as_ref().map(ToString::to_string),
        iccid: modem
            .and_then(|m| m.iccid.as_ref())
            .map(ToString::to_string),
        imsi: modem.and_then(|m| m.imsi.as_ref()).map(ToString::to_string),
        meter_type: None,
        meter_serial_number: None,
    };
    let (status, now) = station::booted(ctx, id, identity)
        .await
        .map_err(|_| CallError::internal())?;
    let mut answer: Answer = encode(&v::BootNotificationResponse {
        current_time: ocpp::types::Timestamp(now),
        interval: station::heartbeat_interval(ctx),
        status: v::RegistrationStatusEnum::from_wire(status.as_str())
            .unwrap_or(v::RegistrationStatusEnum::Rejected),
        status_info: None,
        custom_data: None,
    })?;
    answer.registration = Some(status);
    Ok(answer)
}

/// FirmwareStatusNotification (2.0.1): a status of an `updateFirmware` request (or, without a
/// request id, an `Idle` station) goes where a 1.6 FirmwareStatusNotification goes, shown as
/// the 1.6 status next to it and kept as sent in the history; one of a `signedUpdateFirmware`
/// request, or of a request id nobody here sent, is the Security Whitepaper's
/// SignedFirmwareStatusNotification (whose statuses are 2.0.1's).
async fn firmware_status(
    ctx: &Context,
    id: &Arc<str>,
    r: v::FirmwareStatusNotificationRequest,
) -> Result<(), CallError> {
    let failed = |_| CallError::internal();
    let of = match r.request_id {
        Some(request_id) => firmware::firmware_request_of(ctx, id, request_id)
            .await
            .map_err(|e| {
                tracing::warn!(error = %e, "cannot read firmware requests");
                CallError::internal()
            })?,
        None => None,
    };
    if of == Some(RequestOf::Plain)
        || (r.request_id.is_none() && r.status == v::FirmwareStatusEnum::Idle)
    {
        let shown = firmware::firmware_status_16(r.status);
        let now = chrono::Utc::now();
        return station::firmware_status_as(ctx, id, shown, r.status.as_str(), now)
            .await
            .map_err(failed);
    }
    if let (Some(status), Some(request_id)) = (
        security_ext::SignedFirmwareStatus::from_wire(r.status.as_str()),
        r.request_id,
    ) {
        let as_16 = security_ext::SignedFirmwareStatusNotificationRequest {
            status,
            request_id: Some(request_id),
        };
        security::signed_firmware_status(ctx, id, as_16)
            .await
            .map_err(failed)?;
    }
    Ok(())
}

/// LogStatusNotification (2.0.1): a status of a `getDiagnostics` request goes where a 1.6
/// DiagnosticsStatusNotification goes (shown as the 1.6 status, kept as sent in the history);
/// any other is the security extension's LogStatusNotification, matched to its `getLog`.
async fn log_status(
    ctx: &Context,
    id: &Arc<str>,
    r: v::LogStatusNotificationRequest,
) -> Result<(), CallError> {
    let failed = |_| CallError::internal();
    let of = match r.request_id {
        Some(request_id) => firmware::log_request_of(ctx, id, request_id)
            .await
            .map_err(|e| {
                tracing::warn!(error = %e, "cannot read log requests");
                CallError::internal()
            })?,
        None => None,
    };
    if of == Some(RequestOf::Plain) {
        let shown = firmware::diagnostics_status_16(r.status);
        let now = chrono::Utc::now();
        return station::diagnostics_status_as(ctx, id, shown, r.status.as_str(), now)
            .await
            .map_err(failed);
    }
    if let Some(status) = security_ext::UploadLogStatus::from_wire(r.status.as_str()) {
        let as_16 = security_ext::LogStatusNotificationRequest {
            status,
            request_id: r.request_id,
        };
        security::log_status(ctx, id, as_16).await.map_err(failed)?;
    }
    Ok(())
}
