//! The Security Whitepaper's records: security events, certificate signing requests, GetLog and
//! SignedUpdateFirmware requests, and the log and signed-firmware status notifications.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SecurityEvents {
    Table,
    Id,
    StationId,
    EventType,
    Timestamp,
    TechInfo,
    ReceivedAt,
}

#[derive(DeriveIden)]
enum CertificateSigningRequests {
    Table,
    Id,
    StationId,
    Csr,
    CommonName,
    Organization,
    State,
    Reason,
    CertificateChain,
    SignedBy,
    SentAt,
    StationStatus,
    AnsweredAt,
    ReceivedAt,
}

#[derive(DeriveIden)]
enum LogRequests {
    Table,
    Id,
    StationId,
    RequestId,
    LogType,
    RemoteLocation,
    OldestTimestamp,
    LatestTimestamp,
    Retries,
    RetryInterval,
    RequestedBy,
    RequestedAt,
    Status,
    Filename,
    Error,
}

#[derive(DeriveIden)]
enum SignedFirmwareUpdates {
    Table,
    Id,
    StationId,
    RequestId,
    Location,
    RetrieveDateTime,
    InstallDateTime,
    SigningCertificate,
    Signature,
    Retries,
    RetryInterval,
    RequestedBy,
    RequestedAt,
    Status,
    Error,
}

#[derive(DeriveIden)]
enum LogStatusNotifications {
    Table,
    Id,
    StationId,
    RequestId,
    Status,
    ReceivedAt,
}

#[derive(DeriveIden)]
enum SignedFirmwareStatusNotifications {
    Table,
    Id,
    StationId,
    RequestId,
    Status,
    ReceivedAt,
}

/// An index on `(station_id, second)` of `table`.
fn by_station(
    name: &str,
    table: impl IntoIden,
    station: impl IntoIden,
    second: impl IntoIden,
) -> IndexCreateStatement {
    Index::create()
        .name(name)
        .table(table)
        .col(station)
        .col(second)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SecurityEvents::Table)
                    .if_not_exists()
                    .col(pk_auto(SecurityEvents::Id))
                    .col(string_len(SecurityEvents::StationId, 48))
                    .col(string_len(SecurityEvents::EventType, 50))
                    .col(timestamp_with_time_zone(SecurityEvents::Timestamp))
                    .col(string_len_null(SecurityEvents::TechInfo, 255))
                    .col(timestamp_with_time_zone(SecurityEvents::ReceivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(by_station(
                "idx_security_events_station",
                SecurityEvents::Table,
                SecurityEvents::StationId,
                SecurityEvents::Id,
            ))
            .await?;
        // A notification sent again (after a lost answer) is stored once.
        manager
            .create_index(
                Index::create()
                    .name("uq_security_events")
                    .table(SecurityEvents::Table)
                    .col(SecurityEvents::StationId)
                    .col(SecurityEvents::EventType)
                    .col(SecurityEvents::Timestamp)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CertificateSigningRequests::Table)
                    .if_not_exists()
                    .col(pk_auto(CertificateSigningRequests::Id))
                    .col(string_len(CertificateSigningRequests::StationId, 48))
                    .col(text(CertificateSigningRequests::Csr))
                    .col(text_null(CertificateSigningRequests::CommonName))
                    .col(text_null(CertificateSigningRequests::Organization))
                    .col(string_len(CertificateSigningRequests::State, 24))
                    .col(text_null(CertificateSigningRequests::Reason))
                    .col(text_null(CertificateSigningRequests::CertificateChain))
                    .col(string_len_null(CertificateSigningRequests::SignedBy, 255))
                    .col(timestamp_with_time_zone_null(
                        CertificateSigningRequests::SentAt,
                    ))
                    .col(string_len_null(
                        CertificateSigningRequests::StationStatus,
                        16,
                    ))
                    .col(timestamp_with_time_zone_null(
                        CertificateSigningRequests::AnsweredAt,
                    ))
                    .col(timestamp_with_time_zone(
                        CertificateSigningRequests::ReceivedAt,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(by_station(
                "idx_csrs_station",
                CertificateSigningRequests::Table,
                CertificateSigningRequests::StationId,
                CertificateSigningRequests::Id,
            ))
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_csrs_state")
                    .table(CertificateSigningRequests::Table)
                    .col(CertificateSigningRequests::State)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(LogRequests::Table)
                    .if_not_exists()
                    .col(pk_auto(LogRequests::Id))
                    .col(string_len(LogRequests::StationId, 48))
                    .col(integer(LogRequests::RequestId))
                    .col(string_len(LogRequests::LogType, 32))
                    .col(string_len(LogRequests::RemoteLocation, 512))
                    .col(timestamp_with_time_zone_null(LogRequests::OldestTimestamp))
                    .col(timestamp_with_time_zone_null(LogRequests::LatestTimestamp))
                    .col(integer_null(LogRequests::Retries))
                    .col(integer_null(LogRequests::RetryInterval))
                    .col(string_len(LogRequests::RequestedBy, 255))
                    .col(timestamp_with_time_zone(LogRequests::RequestedAt))
                    .col(string_len_null(LogRequests::Status, 32))
                    .col(string_len_null(LogRequests::Filename, 255))
                    .col(text_null(LogRequests::Error))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(by_station(
                "idx_log_requests_station",
                LogRequests::Table,
                LogRequests::StationId,
                LogRequests::RequestId,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SignedFirmwareUpdates::Table)
                    .if_not_exists()
                    .col(pk_auto(SignedFirmwareUpdates::Id))
                    .col(string_len(SignedFirmwareUpdates::StationId, 48))
                    .col(integer(SignedFirmwareUpdates::RequestId))
                    .col(string_len(SignedFirmwareUpdates::Location, 512))
                    .col(timestamp_with_time_zone(
                        SignedFirmwareUpdates::RetrieveDateTime,
                    ))
                    .col(timestamp_with_time_zone_null(
                        SignedFirmwareUpdates::InstallDateTime,
                    ))
                    .col(text(SignedFirmwareUpdates::SigningCertificate))
                    .col(text(SignedFirmwareUpdates::Signature))
                    .col(integer_null(SignedFirmwareUpdates::Retries))
                    .col(integer_null(SignedFirmwareUpdates::RetryInterval))
                    .col(string_len(SignedFirmwareUpdates::RequestedBy, 255))
                    .col(timestamp_with_time_zone(SignedFirmwareUpdates::RequestedAt))
                    .col(string_len_null(SignedFirmwareUpdates::Status, 32))
                    .col(text_null(SignedFirmwareUpdates::Error))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(by_station(
                "idx_signed_firmware_updates_station",
                SignedFirmwareUpdates::Table,
                SignedFirmwareUpdates::StationId,
                SignedFirmwareUpdates::RequestId,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(LogStatusNotifications::Table)
                    .if_not_exists()
                    .col(pk_auto(LogStatusNotifications::Id))
                    .col(string_len(LogStatusNotifications::StationId, 48))
                    .col(integer_null(LogStatusNotifications::RequestId))
                    .col(string_len(LogStatusNotifications::Status, 32))
                    .col(timestamp_with_time_zone(LogStatusNotifications::ReceivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(by_station(
                "idx_log_status_station",
                LogStatusNotifications::Table,
                LogStatusNotifications::StationId,
                LogStatusNotifications::Id,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SignedFirmwareStatusNotifications::Table)
                    .if_not_exists()
                    .col(pk_auto(SignedFirmwareStatusNotifications::Id))
                    .col(string_len(SignedFirmwareStatusNotifications::StationId, 48))
                    .col(integer_null(SignedFirmwareStatusNotifications::RequestId))
                    .col(string_len(SignedFirmwareStatusNotifications::Status, 32))
                    .col(timestamp_with_time_zone(
                        SignedFirmwareStatusNotifications::ReceivedAt,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(by_station(
                "idx_signed_firmware_status_station",
                SignedFirmwareStatusNotifications::Table,
                SignedFirmwareStatusNotifications::StationId,
                SignedFirmwareStatusNotifications::Id,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            SignedFirmwareStatusNotifications::Table.into_iden(),
            LogStatusNotifications::Table.into_iden(),
            SignedFirmwareUpdates::Table.into_iden(),
            LogRequests::Table.into_iden(),
            CertificateSigningRequests::Table.into_iden(),
            SecurityEvents::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
