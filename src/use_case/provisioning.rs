//! The commands only OCPP 2.0.1 has beside its device model (`use_case::device_model`), sent on
//! an API caller's behalf: SetNetworkProfile (where and how the station connects),
//! GetTransactionStatus (by our central transaction id, sent as the station's own),
//! GetChargingProfiles (the profiles then arrive as ReportChargingProfiles) and
//! CustomerInformation (a customer's data reported and/or cleared). A 1.6 station is refused
//! each of them at once, with nothing sent.

use sea_orm::EntityTrait;

use crate::use_case::{
    command::{OnBehalf, Refused, at_least, text},
    device_model::{next_request_id, only_v201},
};
use ocpp::rpc::Command;
use ocpp::v16::security_ext::HashAlgorithm;
use ocpp::v201::{
    Apn, ApnAuthenticationEnum, ChargingLimitSourceEnum, ChargingProfileCriterion,
    ChargingProfilePurposeEnum, CustomerInformationRequest, CustomerInformationResponse,
    GetChargingProfilesRequest, GetChargingProfilesResponse, GetTransactionStatusRequest,
    GetTransactionStatusResponse, IdToken, IdTokenEnum, NetworkConnectionProfile,
    OcppInterfaceEnum, OcppTransportEnum, OcppVersionEnum, SetNetworkProfileRequest,
    SetNetworkProfileResponse, Vpn, VpnEnum,
};

/// A mobile network's access point (SetNetworkProfile).
#[derive(Clone, Debug, PartialEq)]
pub struct ApnSettings {
    pub apn: String,
    pub user_name: Option<String>,
    pub password: Option<String>,
    pub sim_pin: Option<i32>,
    pub preferred_network: Option<String>,
    pub use_only_preferred_network: Option<bool>,
    pub authentication: ApnAuthenticationEnum,
}

/// A VPN the station connects through (SetNetworkProfile).
#[derive(Clone, Debug, PartialEq)]
pub struct VpnSettings {
    pub server: String,
    pub user: String,
    pub group: Option<String>,
    pub password: String,
    pub key: String,
    pub kind: VpnEnum,
}

/// How the station is to reach a CSMS (SetNetworkProfile's `connectionData`).
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkProfile {
    pub ocpp_version: OcppVersionEnum,
    pub ocpp_transport: OcppTransportEnum,
    /// `ws://` or `wss://`.
    pub csms_url: String,
    /// Seconds.
    pub message_timeout: i32,
    /// 0 to 3.
    pub security_profile: i32,
    pub ocpp_interface: OcppInterfaceEnum,
    pub apn: Option<ApnSettings>,
    pub vpn: Option<VpnSettings>,
}

impl NetworkProfile {
    fn wire(&self) -> Result<NetworkConnectionProfile, Refused> {
        let url = self.csms_url.to_ascii_lowercase();
        if !(url.starts_with("ws://") || url.starts_with("wss://")) {
            return Err(Refused::Invalid {
                field: "ocppCsmsUrl",
                message: "must be a ws:// or wss:// URL".into(),
            });
        }
        if !(0..=3).contains(&self.security_profile) {
            return Err(Refused::Invalid {
                field: "securityProfile",
                message: "must be 0 to 3".into(),
            });
        }
        let apn = self
            .apn
            .as_ref()
            .map(|a| {
                Ok::<_, Refused>(Apn {
                    apn: text(&a.apn, "apn")?,
                    apn_user_name: a
                        .user_name
                        .as_deref()
                        .map(|u| text(u, "apnUserName"))
                        .transpose()?,
                    apn_password: a
                        .password
                        .as_deref()
                        .map(|p| text(p, "apnPassword"))
                        .transpose()?,
                    sim_pin: a.sim_pin.map(|p| at_least(p, 0, "simPin")).transpose()?,
                    preferred_network: a
                        .preferred_network
                        .as_deref()
                        .map(|n| text(n, "preferredNetwork"))
                        .transpose()?,
                    use_only_preferred_network: a.use_only_preferred_network,
                    apn_authentication: a.authentication,
                    custom_data: None,
                })
            })
            .transpose()?;
        let vpn = self
            .vpn
            .as_ref()
            .map(|v| {
                Ok::<_, Refused>(Vpn {
                    server: text(&v.server, "server")?,
                    user: text(&v.user, "user")?,
                    group: v.group.as_deref().map(|g| text(g, "group")).transpose()?,
                    password: text(&v.password, "password")?,
                    key: text(&v.key, "key")?,
                    kind: v.kind,
                    custom_data: None,
                })
            })
            .transpose()?;
        Ok(NetworkConnectionProfile {
            apn,
            ocpp_version: self.ocpp_version,
            ocpp_transport: self.ocpp_transport,
            ocpp_csms_url: text(&self.csms_url, "ocppCsmsUrl")?,
            message_timeout: at_least(self.message_timeout, 0, "messageTimeout")?,
            security_profile: self.security_profile,
            ocpp_interface: self.ocpp_interface,
            vpn,
            custom_data: None,
        })
    }
}

/// Which installed charging profiles to report (GetChargingProfiles); nothing given: all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProfileCriteria {
    pub purpose: Option<ChargingProfilePurposeEnum>,
    pub stack_level: Option<i32>,
    pub profile_ids: Vec<i32>,
    pub limit_sources: Vec<ChargingLimitSourceEnum>,
}

/// Whose data CustomerInformation is about: at least one of them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Customer {
    pub identifier: Option<String>,
    pub id_token: Option<(String, IdTokenEnum)>,
    /// The customer's ISO 15118 contract certificate, by its hash data: (algorithm, issuer
    /// name hash, issuer key hash, serial number).
    pub certificate: Option<(HashAlgorithm, String, String, String)>,
}

impl OnBehalf<'_> {
    /// SetNetworkProfile: stores a connection profile in one of the station's slots.
    pub async fn set_network_profile(
        &self,
        station_id: &str,
        configuration_slot: i32,
        profile: &NetworkProfile,
    ) -> Result<SetNetworkProfileResponse, Refused> {
        let version = self.permit(station_id, false).await?;
        only_v201(version, station_id, SetNetworkProfileRequest::ACTION)?;
        let command = SetNetworkProfileRequest {
            configuration_slot: at_least(configuration_slot, 0, "configurationSlot")?,
            connection_data: profile.wire()?,
            custom_data: None,
        };
        self.send(station_id, command).await
    }

    /// GetTransactionStatus: whether a transaction (our central id; none: any) is still
    /// ongoing at the station and whether it still has messages of it queued.
    pub async fn get_transaction_status(
        &self,
        station_id: &str,
        transaction_id: Option<i32>,
    ) -> Result<GetTransactionStatusResponse, Refused> {
        let version = self.permit(station_id, false).await?;
        only_v201(version, station_id, GetTransactionStatusRequest::ACTION)?;
        let own = match transaction_id {
            None => None,
            Some(id) => {
                let tx = entity::transaction::Entity::find_by_id(id)
                    .one(self.ctx.store.reader())
                    .await?
                    .filter(|t| t.station_id == station_id)
                    .ok_or_else(|| {
                        Refused::NotFound(format!("no transaction {id} on {station_id}"))
                    })?;
                // The station knows its transaction by its own id.
                let own = tx.station_transaction_id.ok_or_else(|| {
                    Refused::Unsupported(format!("transaction {id} was not started by OCPP 2.0.1"))
                })?;
                Some(text(&own, "transactionId")?)
            }
        };
        let command = GetTransactionStatusRequest {
            transaction_id: own,
            custom_data: None,
        };
        self.send(station_id, command).await
    }

    /// GetChargingProfiles: asks for the installed profiles meeting `criteria` (of one EVSE, 0:
    /// the station's own, none: all); they arrive later as ReportChargingProfiles with the
    /// returned request id (`request_id`, or a fresh one).
    pub async fn get_charging_profiles(
        &self,
        station_id: &str,
        request_id: Option<i32>,
        evse_id: Option<i32>,
        criteria: &ProfileCriteria,
    ) -> Result<(GetChargingProfilesResponse, i32), Refused> {
        let version = self.permit(station_id, false).await?;
        only_v201(version, station_id, GetChargingProfilesRequest::ACTION)?;
        let request_id = match request_id {
            Some(r) => at_least(r, 0, "requestId")?,
            None => next_request_id(),
        };
        let mut sources: Vec<ChargingLimitSourceEnum> = Vec::new();
        for s in &criteria.limit_sources {
            if !sources.contains(s) {
                sources.push(*s);
            }
        }
        if criteria.profile_ids.len() > super::device_model::MAX_ITEMS {
            return Err(Refused::Invalid {
                field: "chargingProfileIds",
                message: format!("at most {} ids", super::device_model::MAX_ITEMS),
            });
        }
        let command = GetChargingProfilesRequest {
            request_id,
            evse_id: evse_id.map(|e| at_least(e, 0, "evseId")).transpose()?,
            charging_profile: ChargingProfileCriterion {
                charging_profile_purpose: criteria.purpose,
                stack_level: criteria
                    .stack_level
                    .map(|s| at_least(s, 0, "stackLevel"))
                    .transpose()?,
                charging_profile_id: (!criteria.profile_ids.is_empty())
                    .then(|| criteria.profile_ids.clone()),
                charging_limit_source: (!sources.is_empty()).then_some(sources),
                custom_data: None,
            },
            custom_data: None,
        };
        Ok((self.send(station_id, command).await?, request_id))
    }

    /// CustomerInformation: asks the station to report (NotifyCustomerInformation, with the
    /// returned request id) and/or clear what it holds of one customer.
    pub async fn customer_information(
        &self,
        station_id: &str,
        report: bool,
        clear: bool,
        customer: &Customer,
    ) -> Result<(CustomerInformationResponse, i32), Refused> {
        let version = self.permit(station_id, false).await?;
        only_v201(version, station_id, CustomerInformationRequest::ACTION)?;
        if customer.identifier.is_none()
            && customer.id_token.is_none()
            && customer.certificate.is_none()
        {
            return Err(Refused::Invalid {
                field: "customerIdentifier",
                message:
                    "name the customer: customerIdentifier, idToken and/or customerCertificate"
                        .into(),
            });
        }
        let request_id = next_request_id();
        let command = CustomerInformationRequest {
            customer_certificate: customer
                .certificate
                .as_ref()
                .map(|(algorithm, name, key, serial)| {
                    super::security_ext::checked_hash_data_201(*algorithm, name, key, serial)
                })
                .transpose()?,
            id_token: customer
                .id_token
                .as_ref()
                .map(|(token, kind)| {
                    Ok::<_, Refused>(IdToken {
                        additional_info: None,
                        id_token: text(token, "idToken")?,
                        kind: *kind,
                        custom_data: None,
                    })
                })
                .transpose()?,
            request_id,
            report,
            clear,
            customer_identifier: customer
                .identifier
                .as_deref()
                .map(|c| text(c, "customerIdentifier"))
                .transpose()?,
            custom_data: None,
        };
        Ok((self.send(station_id, command).await?, request_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> NetworkProfile {
        NetworkProfile {
            ocpp_version: OcppVersionEnum::Ocpp20,
            ocpp_transport: OcppTransportEnum::Json,
            csms_url: "wss://csms.example/ocpp".into(),
            message_timeout: 30,
            security_profile: 2,
            ocpp_interface: OcppInterfaceEnum::Wired0,
            apn: None,
            vpn: None,
        }
    }

    #[test]
    fn a_network_profile_is_checked_before_it_is_sent() {
        assert!(profile().wire().is_ok());
        let http = NetworkProfile {
            csms_url: "https://csms.example".into(),
            ..profile()
        };
        assert!(matches!(
            http.wire(),
            Err(Refused::Invalid {
                field: "ocppCsmsUrl",
                ..
            })
        ));
        let four = NetworkProfile {
            security_profile: 4,
            ..profile()
        };
        assert!(matches!(
            four.wire(),
            Err(Refused::Invalid {
                field: "securityProfile",
                ..
            })
        ));
        let long_user = NetworkProfile {
            vpn: Some(VpnSettings {
                server: "vpn.example".into(),
                user: "u".repeat(21),
                group: None,
                password: "p".into(),
                key: "k".into(),
                kind: VpnEnum::IkEv2,
            }),
            ..profile()
        };
        assert!(matches!(
            long_user.wire(),
            Err(Refused::Invalid { field: "user", .. })
        ));
    }
}
