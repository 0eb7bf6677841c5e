//! Keeping a station's rows of a table to its newest few: the bound on the per-station reports
//! OCPP 2.0.1 stations send (events, customer information, charging reports).

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

/// Removes `station_id`'s rows beyond its newest `limit` (by `id`, which grows with each row
/// written: the rows written longest ago go first); returns how many were removed. One indexed
/// look-up finds the newest row to drop, one delete drops it and every older one.
pub async fn keep_newest<E, C>(
    db: &C,
    station: E::Column,
    id: E::Column,
    station_id: &str,
    limit: u64,
) -> Result<u64, DbErr>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let cutoff: Option<i32> = E::find()
        .select_only()
        .column(id)
        .filter(station.eq(station_id))
        .order_by_desc(id)
        .offset(limit)
        .limit(1)
        .into_tuple()
        .one(db)
        .await?;
    let Some(cutoff) = cutoff else {
        return Ok(0);
    };
    Ok(E::delete_many()
        .filter(station.eq(station_id))
        .filter(id.lte(cutoff))
        .exec(db)
        .await?
        .rows_affected)
}
