//! The mutations only OCPP 2.0.1 has beside the device model's (`api::device_model`):
//! `setNetworkProfile`, `getTransactionStatus`, `getChargingProfiles`, `customerInformation`.
//! Each is for operators and admins, and refused with `UNSUPPORTED_BY_STATION` for a 1.6
//! station, with nothing sent.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};

use super::{
    device_model::{StatusInfo, mirror_as},
    error::ApiError,
};
use crate::use_case::provisioning::{
    ApnSettings, Customer, NetworkProfile, ProfileCriteria, VpnSettings,
};
use ocpp::v201 as wire;

mirror_as!(
    /// The OCPP version a network profile connects with (OCPP20 is 2.0.1).
    "NetworkProfileOcppVersion" OcppVersionEnum {
        Ocpp12,
        Ocpp15,
        Ocpp16,
        Ocpp20
    }
);
mirror_as!(
    /// The transport a network profile uses.
    "OcppTransport" OcppTransportEnum {
        Json,
        Soap
    }
);
mirror_as!(
    /// The station's network interface a profile uses.
    "OcppInterface" OcppInterfaceEnum {
        Wired0,
        Wired1,
        Wired2,
        Wired3,
        Wireless0,
        Wireless1,
        Wireless2,
        Wireless3
    }
);
mirror_as!(
    /// How the station authenticates to a mobile network's access point.
    "ApnAuthentication" ApnAuthenticationEnum {
        Chap,
        None,
        Pap,
        Auto
    }
);
mirror_as!(
    /// The kind of a VPN.
    "VpnType" VpnEnum {
        #[graphql(name = "IKEV2")]
        IkEv2,
        #[graphql(name = "IPSEC")]
        IpSec,
        #[graphql(name = "L2TP")]
        L2Tp,
        Pptp
    }
);
mirror_as!(
    /// The station's answer to setNetworkProfile.
    "SetNetworkProfileStatus" SetNetworkProfileStatusEnum {
        Accepted,
        Rejected,
        Failed
    }
);
mirror_as!(
    /// What an OCPP 2.0.1 charging profile is for.
    "ChargingProfilePurposeV201" ChargingProfilePurposeEnum {
        ChargingStationExternalConstraints,
        ChargingStationMaxProfile,
        TxDefaultProfile,
        TxProfile
    }
);
mirror_as!(
    /// Who set a charging limit: an energy management system, the system operator, the
    /// charging station operator, or another.
    "ChargingLimitSource" ChargingLimitSourceEnum {
        Ems,
        Other,
        So,
        Cso
    }
);
mirror_as!(
    /// The station's answer to getChargingProfiles (`NO_PROFILES`: none match, no report
    /// follows).
    "GetChargingProfileStatus" GetChargingProfileStatusEnum {
        Accepted,
        NoProfiles
    }
);
mirror_as!(
    /// The station's answer to customerInformation.
    "CustomerInformationStatus" CustomerInformationStatusEnum {
        Accepted,
        Rejected,
        Invalid
    }
);
mirror_as!(
    /// The kind of an OCPP 2.0.1 id token.
    "IdTokenType" IdTokenEnum {
        Central,
        Emaid,
        Iso14443,
        Iso15693,
        KeyCode,
        Local,
        MacAddress,
        NoAuthorization
    }
);

/// A mobile network's access point for a network profile.
#[derive(InputObject)]
pub struct ApnInput {
    /// The access point's name (up to 512 characters).
    pub apn: String,
    /// Its user name (up to 20 characters).
    pub apn_user_name: Option<String>,
    /// Its password (up to 20 characters; masked in the audit trail).
    pub apn_password: Option<String>,
    /// The SIM card's PIN.
    pub sim_pin: Option<i32>,
    /// The preferred network, as MCC and MNC (up to 6 characters).
    pub preferred_network: Option<String>,
    /// Use only the preferred network.
    pub use_only_preferred_network: Option<bool>,
    /// How to authenticate.
    pub apn_authentication: ApnAuthenticationEnum,
}

/// A VPN for a network profile.
#[derive(InputObject)]
pub struct VpnInput {
    /// The VPN server (up to 512 characters).
    pub server: String,
    /// The user (up to 20 characters).
    pub user: String,
    /// The group (up to 20 characters).
    pub group: Option<String>,
    /// The password (up to 20 characters; masked in the audit trail).
    pub password: String,
    /// The shared key (up to 255 characters; masked in the audit trail).
    pub key: String,
    /// The kind of VPN.
    #[graphql(name = "type")]
    pub kind: VpnEnum,
}

/// How the station is to reach a CSMS.
#[derive(InputObject)]
pub struct NetworkProfileInput {
    /// The OCPP version to connect with.
    pub ocpp_version: OcppVersionEnum,
    /// The transport (JSON by default).
    pub ocpp_transport: Option<OcppTransportEnum>,
    /// The CSMS's URL, `ws://` or `wss://` (up to 512 characters).
    pub ocpp_csms_url: String,
    /// Seconds a message may wait for its answer.
    pub message_timeout: i32,
    /// The security profile to connect with (0 to 3).
    pub security_profile: i32,
    /// The network interface to use.
    pub ocpp_interface: OcppInterfaceEnum,
    /// The mobile network's access point, for a wireless interface.
    pub apn: Option<ApnInput>,
    /// A VPN to connect through.
    pub vpn: Option<VpnInput>,
}

/// Which installed charging profiles to report (all given must match; none: all).
#[derive(InputObject, Default)]
pub struct ChargingProfileCriteriaInput {
    /// Of this purpose.
    pub charging_profile_purpose: Option<ChargingProfilePurposeEnum>,
    /// At this stack level.
    pub stack_level: Option<i32>,
    /// With one of these ids (up to 100).
    pub charging_profile_ids: Option<Vec<i32>>,
    /// Set by one of these sources.
    pub charging_limit_sources: Option<Vec<ChargingLimitSourceEnum>>,
}

/// An OCPP 2.0.1 id token.
#[derive(InputObject)]
pub struct IdTokenInput {
    /// The token (up to 36 characters).
    pub id_token: String,
    /// Its kind.
    #[graphql(name = "type")]
    pub kind: IdTokenEnum,
}

/// `setNetworkProfile`'s answer.
#[derive(SimpleObject)]
pub struct SetNetworkProfileResult {
    /// Whether the station stored the profile.
    pub status: SetNetworkProfileStatusEnum,
    /// Why, when the station says.
    pub status_info: Option<StatusInfo>,
}

/// `getTransactionStatus`' answer.
#[derive(SimpleObject)]
pub struct GetTransactionStatusResult {
    /// Whether the transaction is still ongoing at the station (null when no transaction was
    /// named).
    pub ongoing_indicator: Option<bool>,
    /// Whether the station still has messages of it (of any transaction, when none was named)
    /// waiting to be sent.
    pub messages_in_queue: bool,
}

/// `getChargingProfiles`' answer; the profiles arrive later as ReportChargingProfiles.
#[derive(SimpleObject)]
pub struct GetChargingProfilesResult {
    /// Whether the station will report profiles.
    pub status: GetChargingProfileStatusEnum,
    /// The request id its reports carry.
    pub request_id: i32,
    /// Why, when the station says.
    pub status_info: Option<StatusInfo>,
}

/// `customerInformation`'s answer; a report arrives later as NotifyCustomerInformation.
#[derive(SimpleObject)]
pub struct CustomerInformationResult {
    /// Whether the station will do it.
    pub status: CustomerInformationStatusEnum,
    /// The request id its reports carry.
    pub request_id: i32,
    /// Why, when the station says.
    pub status_info: Option<StatusInfo>,
}

#[derive(Default)]
pub struct ProvisioningMutation;

#[Object]
impl ProvisioningMutation {
    /// OCPP 2.0.1: stores a network connection profile, `connectionData`, in the station's
    /// slot `configurationSlot` (SetNetworkProfile); the station uses it once its NetworkConfigurationPriority names
    /// the slot. Operators and admins; a 1.6 station: `UNSUPPORTED_BY_STATION`.
    async fn set_network_profile(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        configuration_slot: i32,
        connection_data: NetworkProfileInput,
    ) -> Result<SetNetworkProfileResult> {
        let p = connection_data;
        let profile = NetworkProfile {
            ocpp_version: p.ocpp_version.into(),
            ocpp_transport: p.ocpp_transport.unwrap_or(OcppTransportEnum::Json).into(),
            csms_url: p.ocpp_csms_url,
            message_timeout: p.message_timeout,
            security_profile: p.security_profile,
            ocpp_interface: p.ocpp_interface.into(),
            apn: p.apn.map(|a| ApnSettings {
                apn: a.apn,
                user_name: a.apn_user_name,
                password: a.apn_password,
                sim_pin: a.sim_pin,
                preferred_network: a.preferred_network,
                use_only_preferred_network: a.use_only_preferred_network,
                authentication: a.apn_authentication.into(),
            }),
            vpn: p.vpn.map(|v| VpnSettings {
                server: v.server,
                user: v.user,
                group: v.group,
                password: v.password,
                key: v.key,
                kind: v.kind.into(),
            }),
        };
        let answer = super::command::on_behalf(ctx)?
            .set_network_profile(&station_id, configuration_slot, &profile)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(SetNetworkProfileResult {
            status: answer.status.into(),
            status_info: StatusInfo::of(answer.status_info),
        })
    }

    /// OCPP 2.0.1: asks the station whether a transaction (`transactionId`, its central id as
    /// in `Transaction.id`; the station gets its own id of it) is still ongoing and whether it
    /// has messages of it queued (GetTransactionStatus); no `transactionId`: whether any
    /// messages are queued. Operators and admins; a 1.6 station: `UNSUPPORTED_BY_STATION`.
    async fn get_transaction_status(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        transaction_id: Option<i32>,
    ) -> Result<GetTransactionStatusResult> {
        let answer = super::command::on_behalf(ctx)?
            .get_transaction_status(&station_id, transaction_id)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(GetTransactionStatusResult {
            ongoing_indicator: answer.ongoing_indicator,
            messages_in_queue: answer.messages_in_queue,
        })
    }

    /// OCPP 2.0.1: asks the station to report its installed charging profiles that match
    /// `criteria` (none: all), of EVSE `evseId` (0: the station's own; none: all), with
    /// `requestId` (none: a fresh one) (GetChargingProfiles); they arrive as
    /// ReportChargingProfiles. Operators and admins; a
    /// 1.6 station: `UNSUPPORTED_BY_STATION`.
    async fn get_charging_profiles(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        request_id: Option<i32>,
        evse_id: Option<i32>,
        criteria: Option<ChargingProfileCriteriaInput>,
    ) -> Result<GetChargingProfilesResult> {
        let c = criteria.unwrap_or_default();
        let criteria = ProfileCriteria {
            purpose: c.charging_profile_purpose.map(Into::into),
            stack_level: c.stack_level,
            profile_ids: c.charging_profile_ids.unwrap_or_default(),
            limit_sources: c
                .charging_limit_sources
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
        };
        let (answer, request_id) = super::command::on_behalf(ctx)?
            .get_charging_profiles(&station_id, request_id, evse_id, &criteria)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(GetChargingProfilesResult {
            status: answer.status.into(),
            request_id,
            status_info: StatusInfo::of(answer.status_info),
        })
    }

    /// OCPP 2.0.1: asks the station to `report` and/or `clear` what it holds of one customer
    /// (CustomerInformation), named by `customerIdentifier` (up to 64 characters), `idToken`
    /// and/or `customerCertificate` (the hash data of the customer's ISO 15118 contract
    /// certificate), with a fresh request id; a report arrives
    /// as NotifyCustomerInformation. Operators and admins; a 1.6 station:
    /// `UNSUPPORTED_BY_STATION`.
    #[allow(clippy::too_many_arguments)]
    async fn customer_information(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        report: bool,
        clear: bool,
        customer_identifier: Option<String>,
        id_token: Option<IdTokenInput>,
        customer_certificate: Option<super::security_ext::CertificateHashData>,
    ) -> Result<CustomerInformationResult> {
        let customer = Customer {
            identifier: customer_identifier,
            id_token: id_token.map(|t| (t.id_token, t.kind.into())),
            certificate: customer_certificate.map(|h| {
                (
                    h.hash_algorithm.into(),
                    h.issuer_name_hash,
                    h.issuer_key_hash,
                    h.serial_number,
                )
            }),
        };
        let (answer, request_id) = super::command::on_behalf(ctx)?
            .customer_information(&station_id, report, clear, &customer)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(CustomerInformationResult {
            status: answer.status.into(),
            request_id,
            status_info: StatusInfo::of(answer.status_info),
        })
    }
}
