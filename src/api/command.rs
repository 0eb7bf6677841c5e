//! Remote commands as mutations: each sends its OCPP call to the station and returns the
//! station's typed answer, or `STATION_OFFLINE`, `STATION_TIMEOUT`, `STATION_ERROR`,
//! `BAD_USER_INPUT`, `NOT_FOUND`.

use async_graphql::{Context, ID, Object, Result, SimpleObject};
use entity::{id_tag, station, transaction};
use sea_orm::EntityTrait;

use super::{
    enums,
    error::ApiError,
    guard::{app, principal, station_access},
};
use crate::{
    auth::{Principal, Role},
    commands::{self, CommandError},
    ocpp::{
        inbound::DataTransferRequest,
        outbound::{self, Command},
        types::CiString,
    },
};

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

fn text<const N: usize>(value: &str, field: &str) -> Result<CiString<N>, ApiError> {
    CiString::new(value).map_err(|e| ApiError::BadUserInput(format!("{field}: {e}")))
}

fn at_least(value: i32, min: i32, field: &str) -> Result<i32, ApiError> {
    if value < min {
        return Err(ApiError::BadUserInput(format!(
            "{field} must be at least {min}"
        )));
    }
    Ok(value)
}

/// The caller may command the station, which exists: staff who operate, or (when `driver_ok`)
/// a driver, whose further checks are the caller's. Runs before any argument is checked, so
/// that an anonymous or unauthorised caller learns nothing from input errors.
async fn target<'a>(
    ctx: &Context<'a>,
    station_id: &str,
    driver_ok: bool,
) -> Result<&'a Principal, ApiError> {
    let p = principal(ctx)?;
    if !(p.role.can_operate() || (driver_ok && p.role == Role::Driver)) {
        return Err(ApiError::Forbidden(format!(
            "the {} role may not send commands to stations",
            p.role
        )));
    }
    station_access(p, station_id)?;
    let exists = station::Entity::find_by_id(station_id)
        .one(app(ctx).store.reader())
        .await?
        .is_some();
    if !exists {
        return Err(ApiError::NotFound(format!("no station {station_id}")));
    }
    Ok(p)
}

async fn send<C: Command>(
    ctx: &Context<'_>,
    station_id: &str,
    command: C,
) -> Result<C::Response, ApiError> {
    let p = principal(ctx)?;
    let result = commands::send(app(ctx), station_id, &command).await;
    match &result {
        Ok(_) => {
            tracing::info!(station = %station_id, action = C::ACTION, by = %p.sub, "command answered")
        }
        Err(e) => {
            tracing::info!(station = %station_id, action = C::ACTION, by = %p.sub, error = %e, "command failed")
        }
    }
    result.map_err(|e: CommandError| ApiError::command(station_id, e))
}

/// A driver may use only tags they own.
async fn owns_tag(ctx: &Context<'_>, p: &Principal, key: &str) -> Result<(), ApiError> {
    let tag = id_tag::Entity::find_by_id(key)
        .one(app(ctx).store.reader())
        .await?;
    if tag.is_some_and(|t| t.owner.as_deref() == Some(p.sub.as_str())) {
        Ok(())
    } else {
        Err(ApiError::Forbidden(
            "drivers may use only their own id tags".into(),
        ))
    }
}

#[derive(Default)]
pub struct CommandMutation;

#[Object]
impl CommandMutation {
    /// Asks the station to start a transaction for `idTag`, on `connectorId` or one it chooses.
    async fn remote_start_transaction(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        id_tag: String,
        connector_id: Option<i32>,
    ) -> Result<RemoteStartTransactionResult> {
        let p = target(ctx, &station_id, true).await?;
        let id_tag = text::<20>(&id_tag, "idTag")?;
        let connector_id = connector_id
            .map(|c| at_least(c, 1, "connectorId"))
            .transpose()?;
        if p.role == Role::Driver {
            owns_tag(ctx, p, &id_tag.key()).await?;
        }
        let answer = send(
            ctx,
            &station_id,
            outbound::RemoteStartTransaction {
                connector_id,
                id_tag,
            },
        )
        .await?;
        Ok(RemoteStartTransactionResult {
            status: answer.status.into(),
        })
    }

    /// Asks the station to stop a transaction.
    async fn remote_stop_transaction(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        transaction_id: i32,
    ) -> Result<RemoteStopTransactionResult> {
        let p = target(ctx, &station_id, true).await?;
        if p.role == Role::Driver {
            let tx = transaction::Entity::find_by_id(transaction_id)
                .one(app(ctx).store.reader())
                .await
                .map_err(ApiError::from)?
                .filter(|t| t.station_id == station_id.as_str())
                .ok_or_else(|| {
                    ApiError::NotFound(format!(
                        "no transaction {transaction_id} on {}",
                        *station_id
                    ))
                })?;
            owns_tag(ctx, p, &tx.id_tag_key).await?;
        }
        let answer = send(
            ctx,
            &station_id,
            outbound::RemoteStopTransaction { transaction_id },
        )
        .await?;
        Ok(RemoteStopTransactionResult {
            status: answer.status.into(),
        })
    }

    /// Asks the station to reboot (`SOFT`: after stopping transactions; `HARD`: at once).
    async fn reset(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        #[graphql(name = "type")] kind: enums::ResetType,
    ) -> Result<ResetResult> {
        target(ctx, &station_id, false).await?;
        let answer = send(ctx, &station_id, outbound::Reset { kind: kind.into() }).await?;
        Ok(ResetResult {
            status: answer.status.into(),
        })
    }

    /// Asks the station to unlock a connector.
    async fn unlock_connector(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        connector_id: i32,
    ) -> Result<UnlockConnectorResult> {
        target(ctx, &station_id, false).await?;
        let connector_id = at_least(connector_id, 1, "connectorId")?;
        let answer = send(ctx, &station_id, outbound::UnlockConnector { connector_id }).await?;
        Ok(UnlockConnectorResult {
            status: answer.status.into(),
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
        target(ctx, &station_id, false).await?;
        let connector_id = at_least(connector_id, 0, "connectorId")?;
        let answer = send(
            ctx,
            &station_id,
            outbound::ChangeAvailability {
                connector_id,
                kind: kind.into(),
            },
        )
        .await?;
        Ok(ChangeAvailabilityResult {
            status: answer.status.into(),
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
        target(ctx, &station_id, false).await?;
        let key = text::<50>(&key, "key")?;
        let value = text::<500>(&value, "value")?;
        let answer = send(
            ctx,
            &station_id,
            outbound::ChangeConfiguration { key, value },
        )
        .await?;
        Ok(ChangeConfigurationResult {
            status: answer.status.into(),
        })
    }

    /// Reads configuration keys from the station (all of them when `keys` is absent).
    async fn get_configuration(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        keys: Option<Vec<String>>,
    ) -> Result<GetConfigurationResult> {
        target(ctx, &station_id, false).await?;
        let key = keys
            .map(|keys| {
                keys.iter()
                    .map(|k| text::<50>(k, "keys"))
                    .collect::<Result<Vec<_>, _>>()
            })
            .transpose()?;
        let answer = send(ctx, &station_id, outbound::GetConfiguration { key }).await?;
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
        target(ctx, &station_id, false).await?;
        let answer = send(ctx, &station_id, outbound::ClearCache {}).await?;
        Ok(ClearCacheResult {
            status: answer.status.into(),
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
        target(ctx, &station_id, false).await?;
        let vendor_id = text::<255>(&vendor_id, "vendorId")?;
        let message_id = message_id
            .map(|m| text::<50>(&m, "messageId"))
            .transpose()?;
        let answer = send(
            ctx,
            &station_id,
            DataTransferRequest {
                vendor_id,
                message_id,
                data,
            },
        )
        .await?;
        Ok(DataTransferResult {
            status: answer.status.into(),
            data: answer.data,
        })
    }
}
