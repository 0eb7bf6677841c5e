//! The journal keeps frames over `--journal-max-frame` cut short: each such row records the
//! whole frame's size in bytes and its SHA-256 (both empty for a row that holds its whole frame).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OcppMessages {
    Table,
    PayloadSize,
    PayloadSha256,
}

/// One column per statement: SQLite adds only one at a time.
fn add(column: ColumnDef) -> TableAlterStatement {
    Table::alter()
        .table(OcppMessages::Table)
        .add_column(column)
        .to_owned()
}

fn remove(column: OcppMessages) -> TableAlterStatement {
    Table::alter()
        .table(OcppMessages::Table)
        .drop_column(column)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(add(big_integer_null(OcppMessages::PayloadSize)))
            .await?;
        manager
            .alter_table(add(string_len_null(OcppMessages::PayloadSha256, 64)))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(remove(OcppMessages::PayloadSha256))
            .await?;
        manager.alter_table(remove(OcppMessages::PayloadSize)).await
    }
}
