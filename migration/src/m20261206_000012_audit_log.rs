//! The audit trail (`audit_log`): one row per action of an account or token that changes
//! something (every GraphQL mutation, the seed's REST commands, logins and failed logins), with
//! an index per filter of `auditLog`; newest first is the id's order.

use sea_orm_migration::{prelude::*, schema::*, sea_orm::DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    At,
    Sub,
    Role,
    Address,
    Action,
    Target,
    Arguments,
    Outcome,
    Answer,
}

/// A 64-bit key assigned by the database (on SQLite the rowid, as for the journal: the table
/// only ever loses its oldest rows).
fn big_id(manager: &SchemaManager, column: impl IntoIden) -> ColumnDef {
    if manager.get_database_backend() == DbBackend::Sqlite {
        big_integer(column).primary_key().take()
    } else {
        big_pk_auto(column)
    }
}

/// `(name, column)`: each filter's column, indexed with the id for newest-first pages.
const FILTERS: [(&str, AuditLog); 4] = [
    ("idx_audit_log_sub", AuditLog::Sub),
    ("idx_audit_log_action", AuditLog::Action),
    ("idx_audit_log_target", AuditLog::Target),
    ("idx_audit_log_outcome", AuditLog::Outcome),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .if_not_exists()
                    .col(big_id(manager, AuditLog::Id))
                    .col(timestamp_with_time_zone(AuditLog::At))
                    .col(string_len_null(AuditLog::Sub, 255))
                    .col(string_len_null(AuditLog::Role, 16))
                    .col(string_len_null(AuditLog::Address, 45))
                    .col(string_len(AuditLog::Action, 96))
                    .col(string_len_null(AuditLog::Target, 255))
                    .col(text(AuditLog::Arguments))
                    .col(string_len(AuditLog::Outcome, 64))
                    .col(string_len_null(AuditLog::Answer, 128))
                    .to_owned(),
            )
            .await?;
        for (name, column) in FILTERS {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(AuditLog::Table)
                        .col(column)
                        .col(AuditLog::Id)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("idx_audit_log_at")
                    .table(AuditLog::Table)
                    .col(AuditLog::At)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AuditLog::Table).to_owned())
            .await
    }
}
