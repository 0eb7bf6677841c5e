//! OCPP 2.0.1 beside 1.6 in one model: the version each station speaks (`1.6` for every station
//! stored before), a transaction's own id from a 2.0.1 station (unique per station) and its id
//! token's type, the status a 2.0.1 EVSE reported as sent beside the one-set status, and the
//! status of each connector of a 2.0.1 EVSE. Every existing row keeps its meaning: the new
//! columns are null (or `1.6`) for what 1.6 stations stored.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Stations {
    Table,
    OcppVersion,
}

#[derive(DeriveIden)]
enum Transactions {
    Table,
    StationId,
    StationTransactionId,
    IdTokenType,
}

#[derive(DeriveIden)]
enum Connectors {
    Table,
    OcppStatus,
}

#[derive(DeriveIden)]
enum EvseConnectors {
    Table,
    StationId,
    EvseId,
    ConnectorId,
    Status,
    StatusTimestamp,
    UpdatedAt,
}

const TRANSACTION_INDEX: &str = "idx_transactions_station_transaction_id";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        let added = [
            (
                Stations::Table.into_iden(),
                string_len(Stations::OcppVersion, 8).default("1.6").to_owned(),
            ),
            (
                Transactions::Table.into_iden(),
                string_len_null(Transactions::StationTransactionId, 36),
            ),
            (
                Transactions::Table.into_iden(),
                string_len_null(Transactions::IdTokenType, 20),
            ),
            (
                Connectors::Table.into_iden(),
                string_len_null(Connectors::OcppStatus, 20),
            ),
        ];
        for (table, mut column) in added {
            manager
                .alter_table(Table::alter().table(table).add_column(&mut column).to_owned())
                .await?;
        }
        // Null for 1.6 transactions; both backends let nulls repeat in a unique index.
        manager
            .create_index(
                Index::create()
                    .name(TRANSACTION_INDEX)
                    .table(Transactions::Table)
                    .col(Transactions::StationId)
                    .col(Transactions::StationTransactionId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EvseConnectors::Table)
                    .col(string_len(EvseConnectors::StationId, 48))
                    .col(integer(EvseConnectors::EvseId))
                    .col(integer(EvseConnectors::ConnectorId))
                    .col(string_len(EvseConnectors::Status, 20))
                    .col(timestamp_with_time_zone_null(EvseConnectors::StatusTimestamp))
                    .col(timestamp_with_time_zone(EvseConnectors::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(EvseConnectors::StationId)
                            .col(EvseConnectors::EvseId)
                            .col(EvseConnectors::ConnectorId),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(EvseConnectors::Table).to_owned())
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name(TRANSACTION_INDEX)
                    .table(Transactions::Table)
                    .to_owned(),
            )
            .await?;
        let dropped = [
            (Connectors::Table.into_iden(), Connectors::OcppStatus.into_iden()),
            (Transactions::Table.into_iden(), Transactions::IdTokenType.into_iden()),
            (
                Transactions::Table.into_iden(),
                Transactions::StationTransactionId.into_iden(),
            ),
            (Stations::Table.into_iden(), Stations::OcppVersion.into_iden()),
        ];
        for (table, column) in dropped {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
