//! Station authentication (OCPP 1.6 Security Whitepaper): each station's security profile
//! (null: the server's default) and the salted hash of its AuthorizationKey.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Stations {
    Table,
    SecurityProfile,
    AuthorizationKeyHash,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(Stations::Table)
                    .add_column(integer_null(Stations::SecurityProfile))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Stations::Table)
                    .add_column(string_len_null(Stations::AuthorizationKeyHash, 128))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Stations::Table)
                    .drop_column(Stations::AuthorizationKeyHash)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Stations::Table)
                    .drop_column(Stations::SecurityProfile)
                    .to_owned(),
            )
            .await
    }
}
