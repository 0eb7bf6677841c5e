//! When a diagnostics upload address stops working: `upload_expires_at` on each GetDiagnostics
//! request that was given an address on this server (null for requests made before this
//! migration: those expire `--upload-ttl` after they were requested).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DiagnosticsRequests {
    Table,
    UploadExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(DiagnosticsRequests::Table)
                    .add_column(timestamp_with_time_zone_null(
                        DiagnosticsRequests::UploadExpiresAt,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(DiagnosticsRequests::Table)
                    .drop_column(DiagnosticsRequests::UploadExpiresAt)
                    .to_owned(),
            )
            .await
    }
}
