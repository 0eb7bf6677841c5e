//! The first schema: stations, connectors, id tags, transactions, unmatched stops, meter values
//! and the OCPP message journal.

use sea_orm_migration::{prelude::*, schema::*, sea_orm::DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Stations {
    Table,
    Id,
    RegistrationStatus,
    Vendor,
    Model,
    ChargePointSerialNumber,
    ChargeBoxSerialNumber,
    FirmwareVersion,
    Iccid,
    Imsi,
    MeterType,
    MeterSerialNumber,
    FirmwareStatus,
    FirmwareStatusAt,
    DiagnosticsStatus,
    DiagnosticsStatusAt,
    CreatedAt,
    FirstSeenAt,
    LastSeenAt,
    LastBootAt,
    LastHeartbeatAt,
}

#[derive(DeriveIden)]
enum Connectors {
    Table,
    StationId,
    ConnectorId,
    Status,
    ErrorCode,
    Info,
    VendorId,
    VendorErrorCode,
    StatusTimestamp,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum IdTags {
    Table,
    IdTagKey,
    IdTag,
    Status,
    ExpiryDate,
    ParentIdTag,
    ParentIdTagKey,
    AutoCreated,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Transactions {
    Table,
    Id,
    StationId,
    ConnectorId,
    IdTag,
    IdTagKey,
    StartIdTagStatus,
    MeterStart,
    StartTime,
    ReservationId,
    MeterStop,
    StopTime,
    StopReason,
    StopIdTag,
    StartedReceivedAt,
    StoppedReceivedAt,
    Flags,
}

#[derive(DeriveIden)]
enum UnmatchedStops {
    Table,
    Id,
    StationId,
    ReportedTransactionId,
    Kind,
    IdTag,
    MeterStop,
    Timestamp,
    Reason,
    ReceivedAt,
}

#[derive(DeriveIden)]
enum MeterValues {
    Table,
    Id,
    StationId,
    ConnectorId,
    TransactionId,
    ReportedTransactionId,
    Source,
    Timestamp,
    Value,
    NumericValue,
    Context,
    Format,
    Measurand,
    Phase,
    Location,
    Unit,
    ReceivedAt,
}

#[derive(DeriveIden)]
enum OcppMessages {
    Table,
    Id,
    StationId,
    Direction,
    MessageType,
    MessageId,
    Action,
    Payload,
    CreatedAt,
}

/// A 64-bit key assigned by the database. On SQLite a plain `INTEGER PRIMARY KEY` (the rowid,
/// without `AUTOINCREMENT`'s extra bookkeeping on every insert): these tables only ever lose
/// their oldest rows, so ids are not reused while newer rows exist.
fn big_id(manager: &SchemaManager, column: impl IntoIden) -> ColumnDef {
    if manager.get_database_backend() == DbBackend::Sqlite {
        big_integer(column).primary_key().take()
    } else {
        big_pk_auto(column)
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Stations::Table)
                    .if_not_exists()
                    .col(string_len(Stations::Id, 48).primary_key())
                    .col(string_len(Stations::RegistrationStatus, 16))
                    .col(string_null(Stations::Vendor))
                    .col(string_null(Stations::Model))
                    .col(string_null(Stations::ChargePointSerialNumber))
                    .col(string_null(Stations::ChargeBoxSerialNumber))
                    .col(string_null(Stations::FirmwareVersion))
                    .col(string_null(Stations::Iccid))
                    .col(string_null(Stations::Imsi))
                    .col(string_null(Stations::MeterType))
                    .col(string_null(Stations::MeterSerialNumber))
                    .col(string_null(Stations::FirmwareStatus))
                    .col(timestamp_with_time_zone_null(Stations::FirmwareStatusAt))
                    .col(string_null(Stations::DiagnosticsStatus))
                    .col(timestamp_with_time_zone_null(Stations::DiagnosticsStatusAt))
                    .col(timestamp_with_time_zone(Stations::CreatedAt))
                    .col(timestamp_with_time_zone_null(Stations::FirstSeenAt))
                    .col(timestamp_with_time_zone_null(Stations::LastSeenAt))
                    .col(timestamp_with_time_zone_null(Stations::LastBootAt))
                    .col(timestamp_with_time_zone_null(Stations::LastHeartbeatAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Connectors::Table)
                    .if_not_exists()
                    .col(string_len(Connectors::StationId, 48))
                    .col(integer(Connectors::ConnectorId))
                    .col(string(Connectors::Status))
                    .col(string(Connectors::ErrorCode))
                    .col(string_null(Connectors::Info))
                    .col(string_null(Connectors::VendorId))
                    .col(string_null(Connectors::VendorErrorCode))
                    .col(timestamp_with_time_zone_null(Connectors::StatusTimestamp))
                    .col(timestamp_with_time_zone(Connectors::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(Connectors::StationId)
                            .col(Connectors::ConnectorId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Connectors::Table, Connectors::StationId)
                            .to(Stations::Table, Stations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(IdTags::Table)
                    .if_not_exists()
                    .col(string(IdTags::IdTagKey).primary_key())
                    .col(string(IdTags::IdTag))
                    .col(string_len(IdTags::Status, 16))
                    .col(timestamp_with_time_zone_null(IdTags::ExpiryDate))
                    .col(string_null(IdTags::ParentIdTag))
                    .col(string_null(IdTags::ParentIdTagKey))
                    .col(boolean(IdTags::AutoCreated))
                    .col(timestamp_with_time_zone(IdTags::CreatedAt))
                    .col(timestamp_with_time_zone(IdTags::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_id_tags_parent")
                    .table(IdTags::Table)
                    .col(IdTags::ParentIdTagKey)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Transactions::Table)
                    .if_not_exists()
                    .col(pk_auto(Transactions::Id))
                    .col(string_len(Transactions::StationId, 48))
                    .col(integer(Transactions::ConnectorId))
                    .col(string(Transactions::IdTag))
                    .col(string(Transactions::IdTagKey))
                    .col(string_len(Transactions::StartIdTagStatus, 16))
                    .col(big_integer(Transactions::MeterStart))
                    .col(timestamp_with_time_zone(Transactions::StartTime))
                    .col(integer_null(Transactions::ReservationId))
                    .col(big_integer_null(Transactions::MeterStop))
                    .col(timestamp_with_time_zone_null(Transactions::StopTime))
                    .col(string_null(Transactions::StopReason))
                    .col(string_null(Transactions::StopIdTag))
                    .col(timestamp_with_time_zone(Transactions::StartedReceivedAt))
                    .col(timestamp_with_time_zone_null(
                        Transactions::StoppedReceivedAt,
                    ))
                    .col(string(Transactions::Flags).default(""))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Transactions::Table, Transactions::StationId)
                            .to(Stations::Table, Stations::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // The retry identity of a StartTransaction: a repeat of the same start stores nothing new.
        manager
            .create_index(
                Index::create()
                    .name("uq_transactions_start")
                    .table(Transactions::Table)
                    .col(Transactions::StationId)
                    .col(Transactions::ConnectorId)
                    .col(Transactions::IdTag)
                    .col(Transactions::StartTime)
                    .col(Transactions::MeterStart)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_transactions_station_start")
                    .table(Transactions::Table)
                    .col(Transactions::StationId)
                    .col(Transactions::StartTime)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_transactions_id_tag_key")
                    .table(Transactions::Table)
                    .col(Transactions::IdTagKey)
                    .col(Transactions::StopTime)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(UnmatchedStops::Table)
                    .if_not_exists()
                    .col(pk_auto(UnmatchedStops::Id))
                    .col(string_len(UnmatchedStops::StationId, 48))
                    .col(integer(UnmatchedStops::ReportedTransactionId))
                    .col(string_len(UnmatchedStops::Kind, 32))
                    .col(string_null(UnmatchedStops::IdTag))
                    .col(big_integer(UnmatchedStops::MeterStop))
                    .col(timestamp_with_time_zone(UnmatchedStops::Timestamp))
                    .col(string_null(UnmatchedStops::Reason))
                    .col(timestamp_with_time_zone(UnmatchedStops::ReceivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_unmatched_stops_retry")
                    .table(UnmatchedStops::Table)
                    .col(UnmatchedStops::StationId)
                    .col(UnmatchedStops::ReportedTransactionId)
                    .col(UnmatchedStops::Timestamp)
                    .col(UnmatchedStops::MeterStop)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(MeterValues::Table)
                    .if_not_exists()
                    .col(big_id(manager, MeterValues::Id))
                    .col(string_len(MeterValues::StationId, 48))
                    .col(integer(MeterValues::ConnectorId))
                    .col(integer_null(MeterValues::TransactionId))
                    .col(integer_null(MeterValues::ReportedTransactionId))
                    .col(string_len(MeterValues::Source, 24))
                    .col(timestamp_with_time_zone(MeterValues::Timestamp))
                    .col(text(MeterValues::Value))
                    .col(double_null(MeterValues::NumericValue))
                    .col(string_len(MeterValues::Context, 32))
                    .col(string_len(MeterValues::Format, 16))
                    .col(string_len(MeterValues::Measurand, 40))
                    .col(string_len_null(MeterValues::Phase, 8))
                    .col(string_len(MeterValues::Location, 16))
                    .col(string_len(MeterValues::Unit, 16))
                    .col(timestamp_with_time_zone(MeterValues::ReceivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_meter_values_transaction")
                    .table(MeterValues::Table)
                    .col(MeterValues::TransactionId)
                    .to_owned(),
            )
            .await?;
        // One sample per (station, connector, time, measurand, phase, location, context,
        // reported transaction): a MeterValues sent again after a reconnect is not stored twice.
        // It also serves look-ups by station, connector and time. (An expression index: the same
        // SQL on both backends.)
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX uq_meter_values_sample ON meter_values \
                 (station_id, connector_id, timestamp, measurand, COALESCE(phase, ''), location, \
                 context, COALESCE(reported_transaction_id, 0))",
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OcppMessages::Table)
                    .if_not_exists()
                    .col(big_id(manager, OcppMessages::Id))
                    .col(string_len(OcppMessages::StationId, 48))
                    .col(string_len(OcppMessages::Direction, 3))
                    .col(small_integer_null(OcppMessages::MessageType))
                    .col(string_len_null(OcppMessages::MessageId, 36))
                    .col(string_len_null(OcppMessages::Action, 64))
                    .col(text(OcppMessages::Payload))
                    .col(timestamp_with_time_zone(OcppMessages::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_ocpp_messages_station")
                    .table(OcppMessages::Table)
                    .col(OcppMessages::StationId)
                    .col(OcppMessages::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_ocpp_messages_created")
                    .table(OcppMessages::Table)
                    .col(OcppMessages::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            OcppMessages::Table.into_iden(),
            MeterValues::Table.into_iden(),
            UnmatchedStops::Table.into_iden(),
            Transactions::Table.into_iden(),
            IdTags::Table.into_iden(),
            Connectors::Table.into_iden(),
            Stations::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
