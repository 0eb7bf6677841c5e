//! Alerts: the rules operators set (`alert_rules`), the webhooks alerts go to (`webhooks`), the
//! alerts raised (`alerts`, one row per alert, unique by its dedupe key so that two nodes raising
//! the same alert store one), their outbox (`alert_deliveries`: one row per alert and
//! destination, leased by the node delivering it), and the Resets chargegate sent
//! (`alert_resets`, which tell an asked-for reboot from an unexpected one).

use sea_orm_migration::{prelude::*, schema::*, sea_orm::DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AlertRules {
    Table,
    Id,
    Name,
    Kind,
    Enabled,
    StationId,
    Minutes,
    Count,
    Days,
    EmailTo,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Webhooks {
    Table,
    Id,
    Name,
    Url,
    Secret,
    Enabled,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Alerts {
    Table,
    Id,
    RuleId,
    Kind,
    StationId,
    DedupeKey,
    Summary,
    Details,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AlertDeliveries {
    Table,
    Id,
    AlertId,
    Channel,
    Target,
    State,
    Attempts,
    NextAttemptMs,
    LeaseUntilMs,
    LeaseNode,
    LastError,
    CreatedAt,
    DeliveredAt,
}

#[derive(DeriveIden)]
enum AlertResets {
    Table,
    StationId,
    SentAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AlertRules::Table)
                    .col(pk_auto(AlertRules::Id))
                    .col(string_len(AlertRules::Name, 100))
                    .col(string_len(AlertRules::Kind, 32))
                    .col(boolean(AlertRules::Enabled))
                    .col(string_len_null(AlertRules::StationId, 48))
                    .col(integer_null(AlertRules::Minutes))
                    .col(integer_null(AlertRules::Count))
                    .col(integer_null(AlertRules::Days))
                    .col(text_null(AlertRules::EmailTo))
                    .col(timestamp_with_time_zone(AlertRules::CreatedAt))
                    .col(timestamp_with_time_zone(AlertRules::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Webhooks::Table)
                    .col(pk_auto(Webhooks::Id))
                    .col(string_len(Webhooks::Name, 100))
                    .col(text(Webhooks::Url))
                    .col(string_len(Webhooks::Secret, 200))
                    .col(boolean(Webhooks::Enabled))
                    .col(timestamp_with_time_zone(Webhooks::CreatedAt))
                    .col(timestamp_with_time_zone(Webhooks::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Alerts::Table)
                    .col(string_len(Alerts::Id, 32).primary_key())
                    .col(integer(Alerts::RuleId))
                    .col(string_len(Alerts::Kind, 32))
                    .col(string_len_null(Alerts::StationId, 48))
                    .col(string_len(Alerts::DedupeKey, 200))
                    .col(text(Alerts::Summary))
                    .col(text(Alerts::Details))
                    .col(timestamp_with_time_zone(Alerts::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_alerts_dedupe_key")
                    .table(Alerts::Table)
                    .col(Alerts::DedupeKey)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_alerts_created_at")
                    .table(Alerts::Table)
                    .col(Alerts::CreatedAt)
                    .to_owned(),
            )
            .await?;
        let id = if manager.get_database_backend() == DbBackend::Sqlite {
            big_integer(AlertDeliveries::Id).primary_key().take()
        } else {
            big_pk_auto(AlertDeliveries::Id)
        };
        manager
            .create_table(
                Table::create()
                    .table(AlertDeliveries::Table)
                    .col(id)
                    .col(string_len(AlertDeliveries::AlertId, 32))
                    .col(string_len(AlertDeliveries::Channel, 16))
                    .col(text(AlertDeliveries::Target))
                    .col(string_len(AlertDeliveries::State, 16))
                    .col(integer(AlertDeliveries::Attempts))
                    .col(big_integer(AlertDeliveries::NextAttemptMs))
                    .col(big_integer_null(AlertDeliveries::LeaseUntilMs))
                    .col(string_len_null(AlertDeliveries::LeaseNode, 32))
                    .col(text_null(AlertDeliveries::LastError))
                    .col(timestamp_with_time_zone(AlertDeliveries::CreatedAt))
                    .col(timestamp_with_time_zone_null(AlertDeliveries::DeliveredAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_alert_deliveries_due")
                    .table(AlertDeliveries::Table)
                    .col(AlertDeliveries::State)
                    .col(AlertDeliveries::NextAttemptMs)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_alert_deliveries_alert")
                    .table(AlertDeliveries::Table)
                    .col(AlertDeliveries::AlertId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AlertResets::Table)
                    .col(string_len(AlertResets::StationId, 48).primary_key())
                    .col(timestamp_with_time_zone(AlertResets::SentAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AlertResets::Table.into_iden(),
            AlertDeliveries::Table.into_iden(),
            Alerts::Table.into_iden(),
            Webhooks::Table.into_iden(),
            AlertRules::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
