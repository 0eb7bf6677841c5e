//! The connection for reads, behind the database breaker: every statement fails at once while
//! the database is known to be unreachable, and each one's outcome tells the breaker whether
//! the database answered. It is a SeaORM connection like any other (`.one(store.reader())`).

use std::sync::Arc;

use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbBackend, DbErr, ExecResult, QueryResult, Statement,
};

use super::breaker::Breaker;

/// The read pool guarded by the store's breaker. Cheap to clone.
#[derive(Clone)]
pub struct Reader {
    db: DatabaseConnection,
    breaker: Arc<Breaker>,
}

impl Reader {
    pub(super) fn new(db: DatabaseConnection, breaker: Arc<Breaker>) -> Self {
        Self { db, breaker }
    }

    /// The pool itself, without the breaker (tests, and tools that must see every error).
    pub fn connection(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Runs `operation` unless the breaker refuses it (or opens meanwhile), and tells the
    /// breaker how it went.
    async fn guarded<T>(
        &self,
        operation: impl Future<Output = Result<T, DbErr>>,
    ) -> Result<T, DbErr> {
        self.breaker.guard(operation).await
    }

    /// Whether the database answers a ping (at once `false` while it is known unreachable).
    pub async fn ping(&self) -> bool {
        self.guarded(self.db.ping()).await.is_ok()
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for Reader {
    fn get_database_backend(&self) -> DbBackend {
        self.db.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.guarded(self.db.execute_raw(stmt)).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.guarded(self.db.execute_unprepared(sql)).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.guarded(self.db.query_one_raw(stmt)).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.guarded(self.db.query_all_raw(stmt)).await
    }

    fn support_returning(&self) -> bool {
        self.db.support_returning()
    }
}
