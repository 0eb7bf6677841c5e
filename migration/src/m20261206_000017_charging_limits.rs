//! What OCPP 2.0.1 stations report about charging, each table bounded per station
//! (`--max-charging-reports`): the charging profiles a station says it holds
//! (ReportChargingProfiles), the external limits in force on it (NotifyChargingLimit, removed on
//! ClearedChargingLimit) and the charging needs of the EV on each EVSE (NotifyEVChargingNeeds).
//! New tables only: no existing row is touched.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ReportedChargingProfiles {
    Table,
    Id,
    StationId,
    EvseId,
    ChargingLimitSource,
    ChargingProfileId,
    StackLevel,
    Purpose,
    Kind,
    TransactionId,
    RequestId,
    Profile,
    ReportedAt,
}

#[derive(DeriveIden)]
enum ChargingLimits {
    Table,
    Id,
    StationId,
    EvseId,
    ChargingLimitSource,
    IsGridCritical,
    Schedules,
    SchedulesOmitted,
    NotifiedAt,
}

#[derive(DeriveIden)]
enum EvChargingNeeds {
    Table,
    Id,
    StationId,
    EvseId,
    RequestedEnergyTransfer,
    DepartureTime,
    MaxScheduleTuples,
    AcParameters,
    DcParameters,
    ReceivedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ReportedChargingProfiles as R;
        manager
            .create_table(
                Table::create()
                    .table(R::Table)
                    .col(pk_auto(R::Id))
                    .col(string_len(R::StationId, 48))
                    .col(integer(R::EvseId))
                    .col(string_len(R::ChargingLimitSource, 8))
                    .col(integer(R::ChargingProfileId))
                    .col(integer(R::StackLevel))
                    .col(string_len(R::Purpose, 40))
                    .col(string_len(R::Kind, 16))
                    .col(string_len_null(R::TransactionId, 36))
                    .col(integer(R::RequestId))
                    .col(text_null(R::Profile))
                    .col(timestamp_with_time_zone(R::ReportedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("reported_charging_profiles_key")
                    .table(R::Table)
                    .col(R::StationId)
                    .col(R::ChargingLimitSource)
                    .col(R::EvseId)
                    .col(R::ChargingProfileId)
                    .unique()
                    .to_owned(),
            )
            .await?;

        use ChargingLimits as L;
        manager
            .create_table(
                Table::create()
                    .table(L::Table)
                    .col(pk_auto(L::Id))
                    .col(string_len(L::StationId, 48))
                    .col(integer(L::EvseId))
                    .col(string_len(L::ChargingLimitSource, 8))
                    .col(boolean_null(L::IsGridCritical))
                    .col(text_null(L::Schedules))
                    .col(boolean(L::SchedulesOmitted))
                    .col(timestamp_with_time_zone(L::NotifiedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("charging_limits_key")
                    .table(L::Table)
                    .col(L::StationId)
                    .col(L::EvseId)
                    .col(L::ChargingLimitSource)
                    .unique()
                    .to_owned(),
            )
            .await?;

        use EvChargingNeeds as N;
        manager
            .create_table(
                Table::create()
                    .table(N::Table)
                    .col(pk_auto(N::Id))
                    .col(string_len(N::StationId, 48))
                    .col(integer(N::EvseId))
                    .col(string_len(N::RequestedEnergyTransfer, 16))
                    .col(timestamp_with_time_zone_null(N::DepartureTime))
                    .col(integer_null(N::MaxScheduleTuples))
                    .col(text_null(N::AcParameters))
                    .col(text_null(N::DcParameters))
                    .col(timestamp_with_time_zone(N::ReceivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ev_charging_needs_key")
                    .table(N::Table)
                    .col(N::StationId)
                    .col(N::EvseId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ReportedChargingProfiles::Table.into_iden(),
            ChargingLimits::Table.into_iden(),
            EvChargingNeeds::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
