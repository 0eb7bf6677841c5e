//! Remote commands as mutations: each sends its OCPP call to the station and returns the
//! station's typed answer, or `STATION_OFFLINE`, `STATION_TIMEOUT`, `STATION_ERROR`,
//! `BAD_USER_INPUT`, `NOT_FOUND`.

use async_graphql::{Context, ID, Object, Result, SimpleObject};

use super::{
    enums,
    error::ApiError,
    guard::{app, principal},
};
use crate::use_case::command::{OnBehalf, Refused};
use ocpp::v16::CiString;

#[derive(SimpleObject)]
pub struct RemoteStartTransactionResult {
    pub status: enums::RemoteStartStopStatus,
}

#[derive(SimpleObject)]
pub struct RemoteStopTransactionResult {
    pub status: enums::RemoteStartStopStatus,
}

#[derive(SimpleObject)]
pub struct ResetResult {
    pub status: enums::ResetStatus,
}

#[derive(SimpleObject)]
pub struct UnlockConnectorResult {
    pub status: enums::UnlockStatus,
}

#[derive(SimpleObject)]
pub struct ChangeAvailabilityResult {
    pub status: enums::AvailabilityStatus,
}

#[derive(SimpleObject)]
pub struct ChangeConfigurationResult {
    pub status: enums::ConfigurationStatus,
}

#[derive(SimpleObject)]
pub struct ClearCacheResult {
    pub status: enums::ClearCacheStatus,
}

#[derive(SimpleObject)]
pub struct ConfigurationKey {
    pub key: String,
    pub readonly: bool,
    pub value: Option<String>,
}

#[derive(SimpleObject)]
pub struct GetConfigurationResult {
    pub configuration_key: Vec<ConfigurationKey>,
    pub unknown_key: Vec<String>,
}

#[derive(SimpleObject)]
pub struct DataTransferResult {
    pub status: enums::DataTransferStatus,
    pub data: Option<String>,
}

pub(super) fn on_behalf<'a>(ctx: &Context<'a>) -> Result<OnBehalf<'a>, ApiError> {
    Ok(OnBehalf {
        ctx: app(ctx),
        caller: principal(ctx)?,
    })
}

impl ApiError {
    pub(super) fn refused(station_id: &str, refused: Refused) -> Self {
        match refused {
            Refused::Forbidden(m) => Self::Forbidden(m),
            Refused::NotFound(m) => Self::NotFound(m),
            Refused::Invalid { field, message } => {
                Self::BadUserInput(format!("{field}: {message}"))
            }
            Refused::Command(e) => Self::command(station_id, e),
            Refused::BudgetExhausted(m) => Self::BudgetExhausted(m),
            Refused::ConnectorOccupied(m) => Self::ConnectorOccupied(m),
            Refused::Unsupported(m) => Self::UnsupportedByStation(m),
            Refused::Store => Self::Internal,
        }
    }
}

#[derive(Default)]
pub struct CommandMutation;

#[Object]
impl CommandMutation {
    /// Asks the station to start a transaction for `idTag`, on `connectorId` or one it chooses,
    /// optionally with a TX_PROFILE charging profile for it (Smart Charging; staff only).
    async fn remote_start_transaction(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        id_tag: String,
        connector_id: Option<i32>,
        charging_profile: Option<super::smart_charging::ChargingProfile>,
    ) -> Result<RemoteStartTransactionResult> {
        let status = on_behalf(ctx)?
            .remote_start(
                &station_id,
                &id_tag,
                connector_id,
                charging_profile.map(Into::into),
            )
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(RemoteStartTransactionResult {
            status: status.into(),
        })
    }

    /// Asks the station to stop a transaction.
    async fn remote_stop_transaction(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        transaction_id: i32,
    ) -> Result<RemoteStopTransactionResult> {
        let status = on_behalf(ctx)?
            .remote_stop(&station_id, transaction_id)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(RemoteStopTransactionResult {
            status: status.into(),
        })
    }

    /// Asks the station to reboot (`SOFT`: after stopping transactions; `HARD`: at once).
    async fn reset(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        #[graphql(name = "type")] kind: enums::ResetType,
    ) -> Result<ResetResult> {
        let status = on_behalf(ctx)?
            .reset(&station_id, kind.into())
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(ResetResult {
            status: status.into(),
        })
    }

    /// Asks the station to unlock a connector.
    async fn unlock_connector(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        connector_id: i32,
    ) -> Result<UnlockConnectorResult> {
        let status = on_behalf(ctx)?
            .unlock_connector(&station_id, connector_id)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(UnlockConnectorResult {
            status: status.into(),
        })
    }

    /// Makes a connector (0: the whole station) operative or inoperative.
    async fn change_availability(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        connector_id: i32,
        #[graphql(name = "type")] kind: enums::AvailabilityType,
    ) -> Result<ChangeAvailabilityResult> {
        let status = on_behalf(ctx)?
            .change_availability(&station_id, connector_id, kind.into())
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(ChangeAvailabilityResult {
            status: status.into(),
        })
    }

    /// Sets a configuration key on the station.
    async fn change_configuration(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        key: String,
        value: String,
    ) -> Result<ChangeConfigurationResult> {
        let status = on_behalf(ctx)?
            .change_configuration(&station_id, &key, &value)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(ChangeConfigurationResult {
            status: status.into(),
        })
    }

    /// Reads configuration keys from the station (all of them when `keys` is absent).
    async fn get_configuration(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        keys: Option<Vec<String>>,
    ) -> Result<GetConfigurationResult> {
        let answer = on_behalf(ctx)?
            .get_configuration(&station_id, keys.as_deref())
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(GetConfigurationResult {
            configuration_key: answer
                .configuration_key
                .into_iter()
                .map(|kv| ConfigurationKey {
                    key: kv.key.into_string(),
                    readonly: kv.readonly,
                    value: kv.value.map(CiString::into_string),
                })
                .collect(),
            unknown_key: answer
                .unknown_key
                .into_iter()
                .map(CiString::into_string)
                .collect(),
        })
    }

    /// Asks the station to clear its authorisation cache.
    async fn clear_cache(&self, ctx: &Context<'_>, station_id: ID) -> Result<ClearCacheResult> {
        let status = on_behalf(ctx)?
            .clear_cache(&station_id)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(ClearCacheResult {
            status: status.into(),
        })
    }

    /// Sends vendor-specific data to the station.
    async fn data_transfer(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        vendor_id: String,
        message_id: Option<String>,
        data: Option<String>,
    ) -> Result<DataTransferResult> {
        let answer = on_behalf(ctx)?
            .data_transfer(&station_id, &vendor_id, message_id.as_deref(), data)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(DataTransferResult {
            status: answer.status.into(),
            data: answer.data,
        })
    }
}

#[derive(SimpleObject)]
pub struct TriggerMessageResult {
    pub status: enums::TriggerMessageStatus,
}

/// Remote Trigger, merged after the feature profiles' mutations.
#[derive(Default)]
pub struct RemoteTriggerMutation;

#[Object]
impl RemoteTriggerMutation {
    /// Remote Trigger: asks the station to send a message now.
    async fn trigger_message(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        requested_message: enums::MessageTrigger,
        connector_id: Option<i32>,
    ) -> Result<TriggerMessageResult> {
        let status = on_behalf(ctx)?
            .trigger_message(&station_id, requested_message.into(), connector_id)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(TriggerMessageResult {
            status: status.into(),
        })
    }
}
