//! The OCPP 2.0.1 device model of each station: one row per reported attribute of a variable of
//! a component (as NotifyReport, GetVariables and SetVariables leave it), with the variable's
//! characteristics. Absent key parts are stored as sentinels (`""` for an instance, `0` for an
//! EVSE or connector id) so that one primary key holds on SQLite and PostgreSQL alike.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DeviceModelVariables {
    Table,
    StationId,
    ComponentName,
    ComponentInstance,
    EvseId,
    ConnectorId,
    VariableName,
    VariableInstance,
    AttributeType,
    Value,
    Mutability,
    Persistent,
    Constant,
    DataType,
    Unit,
    MinLimit,
    MaxLimit,
    ValuesList,
    SupportsMonitoring,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use DeviceModelVariables as D;
        manager
            .create_table(
                Table::create()
                    .table(D::Table)
                    .col(string_len(D::StationId, 48))
                    .col(string_len(D::ComponentName, 50))
                    .col(string_len(D::ComponentInstance, 50))
                    .col(integer(D::EvseId))
                    .col(integer(D::ConnectorId))
                    .col(string_len(D::VariableName, 50))
                    .col(string_len(D::VariableInstance, 50))
                    .col(string_len(D::AttributeType, 8))
                    .col(text_null(D::Value))
                    .col(string_len_null(D::Mutability, 10))
                    .col(boolean_null(D::Persistent))
                    .col(boolean_null(D::Constant))
                    .col(string_len_null(D::DataType, 16))
                    .col(string_len_null(D::Unit, 16))
                    .col(double_null(D::MinLimit))
                    .col(double_null(D::MaxLimit))
                    .col(text_null(D::ValuesList))
                    .col(boolean_null(D::SupportsMonitoring))
                    .col(timestamp_with_time_zone(D::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(D::StationId)
                            .col(D::ComponentName)
                            .col(D::ComponentInstance)
                            .col(D::EvseId)
                            .col(D::ConnectorId)
                            .col(D::VariableName)
                            .col(D::VariableInstance)
                            .col(D::AttributeType),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DeviceModelVariables::Table).to_owned())
            .await
    }
}
