//! What OCPP 2.0.1 stations report of their monitors and customers, and the request ids of
//! firmware and diagnostics requests sent to them: `station_events` (NotifyEvent),
//! `variable_monitors` (NotifyMonitoringReport, one row per monitor), and
//! `customer_information_reports` (NotifyCustomerInformation, one row per request, its parts
//! joined); `request_id` and `status` (the station's answer) on `firmware_updates` and
//! `diagnostics_requests`, null on 1.6 requests and on every row made before. Every existing
//! row is kept.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum FirmwareUpdates {
    Table,
    StationId,
    RequestId,
    Status,
}

#[derive(DeriveIden)]
enum DiagnosticsRequests {
    Table,
    StationId,
    RequestId,
    Status,
}

#[derive(DeriveIden)]
enum StationEvents {
    Table,
    Id,
    StationId,
    EventId,
    Timestamp,
    Trigger,
    Cause,
    ActualValue,
    TechCode,
    TechInfo,
    Cleared,
    TransactionId,
    ComponentName,
    ComponentInstance,
    EvseId,
    ConnectorId,
    VariableName,
    VariableInstance,
    VariableMonitoringId,
    EventNotificationType,
    ReceivedAt,
}

#[derive(DeriveIden)]
enum VariableMonitors {
    Table,
    StationId,
    MonitorId,
    ComponentName,
    ComponentInstance,
    EvseId,
    ConnectorId,
    VariableName,
    VariableInstance,
    Transaction,
    Kind,
    Value,
    Severity,
    RequestId,
    ReportedAt,
}

#[derive(DeriveIden)]
enum CustomerInformationReports {
    Table,
    Id,
    StationId,
    RequestId,
    Data,
    Parts,
    Complete,
    Truncated,
    GeneratedAt,
    ReceivedAt,
}

/// An index on `(station_id, second)` of `table`.
fn by_station(
    name: &str,
    table: impl IntoIden + 'static,
    station: impl IntoIden + 'static,
    second: impl IntoIden + 'static,
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
        // One column per statement: SQLite alters one at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(FirmwareUpdates::Table)
                    .add_column(integer_null(FirmwareUpdates::RequestId))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(FirmwareUpdates::Table)
                    .add_column(string_len_null(FirmwareUpdates::Status, 32))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(by_station(
                "ix_firmware_updates_request",
                FirmwareUpdates::Table,
                FirmwareUpdates::StationId,
                FirmwareUpdates::RequestId,
            ))
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(DiagnosticsRequests::Table)
                    .add_column(integer_null(DiagnosticsRequests::RequestId))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(DiagnosticsRequests::Table)
                    .add_column(string_len_null(DiagnosticsRequests::Status, 32))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(by_station(
                "ix_diagnostics_requests_request",
                DiagnosticsRequests::Table,
                DiagnosticsRequests::StationId,
                DiagnosticsRequests::RequestId,
            ))
            .await?;

        use StationEvents as E;
        manager
            .create_table(
                Table::create()
                    .table(E::Table)
                    .col(pk_auto(E::Id))
                    .col(string_len(E::StationId, 48))
                    .col(integer(E::EventId))
                    .col(timestamp_with_time_zone(E::Timestamp))
                    .col(string_len(E::Trigger, 16))
                    .col(integer_null(E::Cause))
                    .col(text(E::ActualValue))
                    .col(string_len_null(E::TechCode, 50))
                    .col(text_null(E::TechInfo))
                    .col(boolean_null(E::Cleared))
                    .col(string_len_null(E::TransactionId, 36))
                    .col(string_len(E::ComponentName, 50))
                    .col(string_len(E::ComponentInstance, 50))
                    .col(integer(E::EvseId))
                    .col(integer(E::ConnectorId))
                    .col(string_len(E::VariableName, 50))
                    .col(string_len(E::VariableInstance, 50))
                    .col(integer_null(E::VariableMonitoringId))
                    .col(string_len(E::EventNotificationType, 24))
                    .col(timestamp_with_time_zone(E::ReceivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(by_station(
                "ix_station_events_station",
                E::Table,
                E::StationId,
                E::Id,
            ))
            .await?;

        use VariableMonitors as M;
        manager
            .create_table(
                Table::create()
                    .table(M::Table)
                    .col(string_len(M::StationId, 48))
                    .col(integer(M::MonitorId))
                    .col(string_len(M::ComponentName, 50))
                    .col(string_len(M::ComponentInstance, 50))
                    .col(integer(M::EvseId))
                    .col(integer(M::ConnectorId))
                    .col(string_len(M::VariableName, 50))
                    .col(string_len(M::VariableInstance, 50))
                    .col(boolean(M::Transaction))
                    .col(string_len(M::Kind, 24))
                    .col(double(M::Value))
                    .col(integer(M::Severity))
                    .col(integer(M::RequestId))
                    .col(timestamp_with_time_zone(M::ReportedAt))
                    .primary_key(Index::create().col(M::StationId).col(M::MonitorId))
                    .to_owned(),
            )
            .await?;

        use CustomerInformationReports as C;
        manager
            .create_table(
                Table::create()
                    .table(C::Table)
                    .col(pk_auto(C::Id))
                    .col(string_len(C::StationId, 48))
                    .col(integer(C::RequestId))
                    .col(text(C::Data))
                    .col(integer(C::Parts))
                    .col(boolean(C::Complete))
                    .col(boolean(C::Truncated))
                    .col(timestamp_with_time_zone(C::GeneratedAt))
                    .col(timestamp_with_time_zone(C::ReceivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_customer_information_reports")
                    .table(C::Table)
                    .col(C::StationId)
                    .col(C::RequestId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CustomerInformationReports::Table.into_iden(),
            VariableMonitors::Table.into_iden(),
            StationEvents::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .drop_index(
                Index::drop()
                    .name("ix_diagnostics_requests_request")
                    .table(DiagnosticsRequests::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ix_firmware_updates_request")
                    .table(FirmwareUpdates::Table)
                    .to_owned(),
            )
            .await?;
        for column in [DiagnosticsRequests::RequestId, DiagnosticsRequests::Status] {
            manager
                .alter_table(
                    Table::alter()
                        .table(DiagnosticsRequests::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for column in [FirmwareUpdates::RequestId, FirmwareUpdates::Status] {
            manager
                .alter_table(
                    Table::alter()
                        .table(FirmwareUpdates::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
