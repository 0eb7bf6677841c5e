//! Tables of the OCPP 1.6 feature profiles beyond Core: reservations, local authorisation
//! lists, charging profiles, firmware updates, diagnostics requests with their uploaded files,
//! and the history of firmware and diagnostics status notifications.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Reservations {
    Table,
    Id,
    StationId,
    ConnectorId,
    IdTag,
    ParentIdTag,
    ExpiryDate,
    State,
    StationStatus,
    TransactionId,
    RequestedBy,
    CreatedAt,
    EndedAt,
}

#[derive(DeriveIden)]
enum LocalAuthLists {
    Table,
    StationId,
    Version,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum LocalAuthListEntries {
    Table,
    StationId,
    IdTagKey,
    IdTag,
    Status,
    ExpiryDate,
    ParentIdTag,
}

#[derive(DeriveIden)]
enum ChargingProfiles {
    Table,
    Id,
    StationId,
    ConnectorId,
    ChargingProfileId,
    StackLevel,
    Purpose,
    Kind,
    TransactionId,
    Profile,
    State,
    InstalledAt,
    EndedAt,
}

#[derive(DeriveIden)]
enum FirmwareUpdates {
    Table,
    Id,
    StationId,
    Location,
    RetrieveDate,
    Retries,
    RetryInterval,
    RequestedBy,
    RequestedAt,
}

#[derive(DeriveIden)]
enum DiagnosticsRequests {
    Table,
    Id,
    StationId,
    Token,
    Location,
    StartTime,
    StopTime,
    FileName,
    RequestedBy,
    RequestedAt,
    UploadedName,
    StoredPath,
    Size,
    UploadedAt,
}

#[derive(DeriveIden)]
enum StatusNotifications {
    Table,
    Id,
    StationId,
    Kind,
    Status,
    At,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Reservations::Table)
                    .if_not_exists()
                    .col(pk_auto(Reservations::Id))
                    .col(string_len(Reservations::StationId, 48))
                    .col(integer(Reservations::ConnectorId))
                    .col(string_len(Reservations::IdTag, 20))
                    .col(string_len_null(Reservations::ParentIdTag, 20))
                    .col(timestamp_with_time_zone(Reservations::ExpiryDate))
                    .col(string_len(Reservations::State, 16))
                    .col(string_len_null(Reservations::StationStatus, 16))
                    .col(integer_null(Reservations::TransactionId))
                    .col(string_len_null(Reservations::RequestedBy, 255))
                    .col(timestamp_with_time_zone(Reservations::CreatedAt))
                    .col(timestamp_with_time_zone_null(Reservations::EndedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_reservations_station_state")
                    .table(Reservations::Table)
                    .col(Reservations::StationId)
                    .col(Reservations::State)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LocalAuthLists::Table)
                    .if_not_exists()
                    .col(string_len(LocalAuthLists::StationId, 48).primary_key())
                    .col(integer(LocalAuthLists::Version))
                    .col(timestamp_with_time_zone(LocalAuthLists::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LocalAuthListEntries::Table)
                    .if_not_exists()
                    .col(string_len(LocalAuthListEntries::StationId, 48))
                    .col(string_len(LocalAuthListEntries::IdTagKey, 20))
                    .col(string_len(LocalAuthListEntries::IdTag, 20))
                    .col(string_len(LocalAuthListEntries::Status, 16))
                    .col(timestamp_with_time_zone_null(
                        LocalAuthListEntries::ExpiryDate,
                    ))
                    .col(string_len_null(LocalAuthListEntries::ParentIdTag, 20))
                    .primary_key(
                        Index::create()
                            .col(LocalAuthListEntries::StationId)
                            .col(LocalAuthListEntries::IdTagKey),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ChargingProfiles::Table)
                    .if_not_exists()
                    .col(pk_auto(ChargingProfiles::Id))
                    .col(string_len(ChargingProfiles::StationId, 48))
                    .col(integer(ChargingProfiles::ConnectorId))
                    .col(integer(ChargingProfiles::ChargingProfileId))
                    .col(integer(ChargingProfiles::StackLevel))
                    .col(string_len(ChargingProfiles::Purpose, 32))
                    .col(string_len(ChargingProfiles::Kind, 16))
                    .col(integer_null(ChargingProfiles::TransactionId))
                    .col(text(ChargingProfiles::Profile))
                    .col(string_len(ChargingProfiles::State, 16))
                    .col(timestamp_with_time_zone(ChargingProfiles::InstalledAt))
                    .col(timestamp_with_time_zone_null(ChargingProfiles::EndedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_charging_profiles_station_state")
                    .table(ChargingProfiles::Table)
                    .col(ChargingProfiles::StationId)
                    .col(ChargingProfiles::State)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(FirmwareUpdates::Table)
                    .if_not_exists()
                    .col(pk_auto(FirmwareUpdates::Id))
                    .col(string_len(FirmwareUpdates::StationId, 48))
                    .col(text(FirmwareUpdates::Location))
                    .col(timestamp_with_time_zone(FirmwareUpdates::RetrieveDate))
                    .col(integer_null(FirmwareUpdates::Retries))
                    .col(integer_null(FirmwareUpdates::RetryInterval))
                    .col(string_len_null(FirmwareUpdates::RequestedBy, 255))
                    .col(timestamp_with_time_zone(FirmwareUpdates::RequestedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_firmware_updates_station")
                    .table(FirmwareUpdates::Table)
                    .col(FirmwareUpdates::StationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DiagnosticsRequests::Table)
                    .if_not_exists()
                    .col(pk_auto(DiagnosticsRequests::Id))
                    .col(string_len(DiagnosticsRequests::StationId, 48))
                    .col(string_len_null(DiagnosticsRequests::Token, 64).unique_key())
                    .col(text(DiagnosticsRequests::Location))
                    .col(timestamp_with_time_zone_null(
                        DiagnosticsRequests::StartTime,
                    ))
                    .col(timestamp_with_time_zone_null(DiagnosticsRequests::StopTime))
                    .col(string_len_null(DiagnosticsRequests::FileName, 255))
                    .col(string_len_null(DiagnosticsRequests::RequestedBy, 255))
                    .col(timestamp_with_time_zone(DiagnosticsRequests::RequestedAt))
                    .col(string_len_null(DiagnosticsRequests::UploadedName, 255))
                    .col(text_null(DiagnosticsRequests::StoredPath))
                    .col(big_integer_null(DiagnosticsRequests::Size))
                    .col(timestamp_with_time_zone_null(
                        DiagnosticsRequests::UploadedAt,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_diagnostics_requests_station")
                    .table(DiagnosticsRequests::Table)
                    .col(DiagnosticsRequests::StationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StatusNotifications::Table)
                    .if_not_exists()
                    .col(pk_auto(StatusNotifications::Id))
                    .col(string_len(StatusNotifications::StationId, 48))
                    .col(string_len(StatusNotifications::Kind, 16))
                    .col(string_len(StatusNotifications::Status, 32))
                    .col(timestamp_with_time_zone(StatusNotifications::At))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_status_notifications_station")
                    .table(StatusNotifications::Table)
                    .col(StatusNotifications::StationId)
                    .col(StatusNotifications::At)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            StatusNotifications::Table.into_iden(),
            DiagnosticsRequests::Table.into_iden(),
            FirmwareUpdates::Table.into_iden(),
            ChargingProfiles::Table.into_iden(),
            LocalAuthListEntries::Table.into_iden(),
            LocalAuthLists::Table.into_iden(),
            Reservations::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
