//! Accounts for the API (users who log in and the role they act with) and the owner of an id
//! tag (the account whose driver uses it).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Username,
    PasswordHash,
    Role,
    Stations,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum IdTags {
    Table,
    Owner,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Accounts::Table)
                    .if_not_exists()
                    .col(string_len(Accounts::Username, 64).primary_key())
                    .col(string(Accounts::PasswordHash))
                    .col(string_len(Accounts::Role, 16))
                    .col(text_null(Accounts::Stations))
                    .col(timestamp_with_time_zone(Accounts::CreatedAt))
                    .col(timestamp_with_time_zone(Accounts::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(IdTags::Table)
                    .add_column(string_len_null(IdTags::Owner, 255))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_id_tags_owner")
                    .table(IdTags::Table)
                    .col(IdTags::Owner)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_id_tags_owner")
                    .table(IdTags::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(IdTags::Table)
                    .drop_column(IdTags::Owner)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(Accounts::Table).if_exists().to_owned())
            .await
    }
}
