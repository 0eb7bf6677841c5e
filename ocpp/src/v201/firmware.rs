//! Firmware management (block L): UpdateFirmware, its status notifications, and publishing firmware
//! to local controllers.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::rpc::{CallError, Payload};
use crate::types::ocpp_enum;

// UpdateFirmware

/// UpdateFirmware request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateFirmwareRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_interval: Option<i32>,
    pub request_id: i32,
    pub firmware: Firmware,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for UpdateFirmwareRequest {}
command!(UpdateFirmwareRequest => UpdateFirmwareResponse, "UpdateFirmware");

/// UpdateFirmware response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateFirmwareResponse {
    pub status: UpdateFirmwareStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for UpdateFirmwareResponse {}

// FirmwareStatusNotification

/// FirmwareStatusNotification request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FirmwareStatusNotificationRequest {
    pub status: FirmwareStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for FirmwareStatusNotificationRequest {}

/// FirmwareStatusNotification response (the CSMS's answer).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FirmwareStatusNotificationResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for FirmwareStatusNotificationResponse {}

// PublishFirmware

/// PublishFirmware request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PublishFirmwareRequest {
    pub location: CiString<512>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<i32>,
    pub checksum: CiString<32>,
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_interval: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for PublishFirmwareRequest {}
command!(PublishFirmwareRequest => PublishFirmwareResponse, "PublishFirmware");

/// PublishFirmware response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PublishFirmwareResponse {
    pub status: GenericStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for PublishFirmwareResponse {}

// PublishFirmwareStatusNotification

/// PublishFirmwareStatusNotification request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PublishFirmwareStatusNotificationRequest {
    pub status: PublishFirmwareStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Vec<CiString<512>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for PublishFirmwareStatusNotificationRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.location {
            count(at, "location", v.len(), 1, usize::MAX)?;
        }
        Ok(())
    }
}

impl Payload for PublishFirmwareStatusNotificationRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

/// PublishFirmwareStatusNotification response (the CSMS's answer).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PublishFirmwareStatusNotificationResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for PublishFirmwareStatusNotificationResponse {}

// UnpublishFirmware

/// UnpublishFirmware request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UnpublishFirmwareRequest {
    pub checksum: CiString<32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for UnpublishFirmwareRequest {}
command!(UnpublishFirmwareRequest => UnpublishFirmwareResponse, "UnpublishFirmware");

/// UnpublishFirmware response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UnpublishFirmwareResponse {
    pub status: UnpublishFirmwareStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for UnpublishFirmwareResponse {}

// Data types and enumerations of this block only.

ocpp_enum!(
    /// `FirmwareStatusEnumType`.
    FirmwareStatusEnum {
        Downloaded = "Downloaded",
        DownloadFailed = "DownloadFailed",
        Downloading = "Downloading",
        DownloadScheduled = "DownloadScheduled",
        DownloadPaused = "DownloadPaused",
        Idle = "Idle",
        InstallationFailed = "InstallationFailed",
        Installing = "Installing",
        Installed = "Installed",
        InstallRebooting = "InstallRebooting",
        InstallScheduled = "InstallScheduled",
        InstallVerificationFailed = "InstallVerificationFailed",
        InvalidSignature = "InvalidSignature",
        SignatureVerified = "SignatureVerified",
    }
);

ocpp_enum!(
    /// `PublishFirmwareStatusEnumType`.
    PublishFirmwareStatusEnum {
        Idle = "Idle",
        DownloadScheduled = "DownloadScheduled",
        Downloading = "Downloading",
        Downloaded = "Downloaded",
        Published = "Published",
        DownloadFailed = "DownloadFailed",
        DownloadPaused = "DownloadPaused",
        InvalidChecksum = "InvalidChecksum",
        ChecksumVerified = "ChecksumVerified",
        PublishFailed = "PublishFailed",
    }
);

ocpp_enum!(
    /// `UnpublishFirmwareStatusEnumType`.
    UnpublishFirmwareStatusEnum {
        DownloadOngoing = "DownloadOngoing",
        NoFirmware = "NoFirmware",
        Unpublished = "Unpublished",
    }
);

ocpp_enum!(
    /// `UpdateFirmwareStatusEnumType`.
    UpdateFirmwareStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
        AcceptedCanceled = "AcceptedCanceled",
        InvalidCertificate = "InvalidCertificate",
        RevokedCertificate = "RevokedCertificate",
    }
);

/// `FirmwareType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Firmware {
    pub location: CiString<512>,
    pub retrieve_date_time: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub install_date_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_certificate: Option<CiString<5500>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<CiString<800>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
