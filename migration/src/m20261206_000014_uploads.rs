//! Uploaded files kept in the database (`--upload-store database`), so that every node of a
//! cluster can hand out a file a station uploaded to any one of them: the file's bytes in
//! numbered chunks of at most 1 MiB, keyed by its request and the upload's own random part
//! name (two uploads racing to one address never mix their chunks).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum UploadChunks {
    Table,
    RequestId,
    Part,
    Seq,
    Data,
}

#[derive(DeriveIden)]
enum DiagnosticsRequests {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(UploadChunks::Table)
                    .if_not_exists()
                    .col(integer(UploadChunks::RequestId))
                    .col(string_len(UploadChunks::Part, 64))
                    .col(integer(UploadChunks::Seq))
                    .col(blob(UploadChunks::Data))
                    .primary_key(
                        Index::create()
                            .col(UploadChunks::RequestId)
                            .col(UploadChunks::Part)
                            .col(UploadChunks::Seq),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(UploadChunks::Table, UploadChunks::RequestId)
                            .to(DiagnosticsRequests::Table, DiagnosticsRequests::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(UploadChunks::Table).to_owned())
            .await
    }
}
