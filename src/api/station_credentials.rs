//! Station credentials in the API: provisioning and rotating a station's AuthorizationKey
//! (`setStationAuthorizationKey`) and setting its security profile
//! (`setStationSecurityProfile`). Operators and administrators only; lowering a profile is for
//! administrators. Keys are never returned or logged: the Station type shows only
//! `hasAuthorizationKey`.

use async_graphql::{Context, ID, Object, Result, SimpleObject};
use entity::station;
use sea_orm::EntityTrait;

use super::{
    enums,
    error::ApiError,
    guard::{app, operator, station_access},
    station::Station,
};
use crate::{
    auth::Role,
    use_case::{
        command::{OnBehalf, Refused},
        station_credentials::{self, AUTHORIZATION_KEY, SecurityError},
    },
};

/// The result of `setStationAuthorizationKey`.
#[derive(SimpleObject)]
pub struct SetAuthorizationKeyResult {
    /// The station's answer to ChangeConfiguration(AuthorizationKey) when the key was sent to
    /// it (the key is stored only if this is `ACCEPTED`); null when it was stored directly.
    pub status: Option<enums::ConfigurationStatus>,
    /// The station as stored now.
    pub station: Station,
}

impl From<SecurityError> for ApiError {
    fn from(e: SecurityError) -> Self {
        match e {
            SecurityError::NotFound(m) => Self::NotFound(m),
            SecurityError::Invalid(m) => Self::BadUserInput(m),
            SecurityError::Store => Self::Internal,
        }
    }
}

fn refused(station_id: &str, refused: Refused) -> ApiError {
    match refused {
        Refused::Forbidden(m) => ApiError::Forbidden(m),
        Refused::NotFound(m) => ApiError::NotFound(m),
        Refused::Invalid { field, message } => {
            ApiError::BadUserInput(format!("{field}: {message}"))
        }
        Refused::Command(e) => ApiError::command(station_id, e),
        Refused::BudgetExhausted(m) => ApiError::BudgetExhausted(m),
        Refused::ConnectorOccupied(m) => ApiError::ConnectorOccupied(m),
        Refused::Unsupported(m) => ApiError::UnsupportedByStation(m),
        Refused::Store => ApiError::Internal,
    }
}

async fn row(ctx: &Context<'_>, station_id: &str) -> Result<station::Model, ApiError> {
    station::Entity::find_by_id(station_id)
        .one(app(ctx).store.reader())
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("no station {station_id}")))
}

#[derive(Default)]
pub struct StationSecurityMutation;

#[Object]
impl StationSecurityMutation {
    /// Sets a station's AuthorizationKey, its HTTP Basic password for security profiles 1 and
    /// 2: 16 to 20 bytes written as 32 to 40 hexadecimal digits. Only its salted hash is
    /// stored. With `sendToStation: true` the key is sent to the (connected) station with
    /// ChangeConfiguration and stored only if the station answers Accepted (it then reconnects
    /// with it), as the Security Whitepaper's A01 requires; without (the default), it is stored at once: for
    /// a station that already has this key (provisioned at installation). The station must be
    /// registered (`approveStation` registers one that never connected).
    async fn set_station_authorization_key(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        key: String,
        send_to_station: Option<bool>,
    ) -> Result<SetAuthorizationKeyResult> {
        let send_to_station = send_to_station.unwrap_or(false);
        let p = operator(ctx)?;
        station_access(p, &station_id)?;
        station_credentials::key_bytes(&key)
            .map_err(|m| ApiError::BadUserInput(format!("key: {m}")))?;
        let status = if send_to_station {
            let status = OnBehalf {
                ctx: app(ctx),
                caller: p,
            }
            .change_configuration(&station_id, AUTHORIZATION_KEY, &key)
            .await
            .map_err(|e| refused(&station_id, e))?;
            Some(status.into())
        } else {
            row(ctx, &station_id).await?;
            station_credentials::store_key(app(ctx), &station_id, &key)
                .await
                .map_err(ApiError::from)?;
            tracing::info!(station = %station_id.as_str(), by = %p.sub, "AuthorizationKey set (provisioned)");
            None
        };
        Ok(SetAuthorizationKeyResult {
            status,
            station: Station(row(ctx, &station_id).await?),
        })
    }

    /// Sets the security profile a station must connect with (0–3), without telling the
    /// station: for provisioning, and the only way to lower one (administrators only; OCPP
    /// may never lower it, whitepaper A00.FR.005). Refused when the station could not connect
    /// with it here: profiles 1 and 2 need its AuthorizationKey, 2 and 3 need `--tls-listen`,
    /// 3 needs `--tls-client-ca`. To move a connected station up, send ChangeConfiguration of
    /// `SecurityProfile` instead; it is stored when the station accepts.
    async fn set_station_security_profile(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        profile: i32,
    ) -> Result<Station> {
        let p = operator(ctx)?;
        station_access(p, &station_id)?;
        let profile = u8::try_from(profile)
            .ok()
            .filter(|p| *p <= station_credentials::MAX_PROFILE)
            .ok_or_else(|| {
                ApiError::BadUserInput("profile: a security profile is 0, 1, 2 or 3".into())
            })?;
        let current = row(ctx, &station_id).await?;
        let was = station_credentials::profile_of(app(ctx), current.security_profile);
        if profile < was && p.role != Role::Admin {
            return Err(ApiError::Forbidden(format!(
                "only an administrator may lower a security profile (station {} uses {was})",
                station_id.as_str()
            ))
            .into());
        }
        station_credentials::prerequisites(
            app(ctx),
            profile,
            current.authorization_key_hash.is_some(),
        )
        .map_err(|m| ApiError::BadUserInput(format!("profile: {m}")))?;
        station_credentials::store_profile(app(ctx), &station_id, profile)
            .await
            .map_err(ApiError::from)?;
        tracing::info!(station = %station_id.as_str(), from = was, to = profile, by = %p.sub, "security profile set");
        Ok(Station(row(ctx, &station_id).await?))
    }
}
