//! Relay connections over offset pages: `first`/`after` and `last`/`before`, with `totalCount`.
//! Cursors are positions in the list's order; treat them as opaque.
//!
//! A paginated list of stored rows is a few lines: the field's complexity is [`cost`], its
//! arguments end with `after`, `before`, `first`, `last`, and it returns [`rows`] of its query.
//! [`paginate_window`] is the one place that turns the arguments into a window and the window
//! into a connection; a list whose page is not a plain `OFFSET … LIMIT` (the journal's byte
//! budget) calls it with its own fetch. Plain lists with a `limit` argument check it with
//! [`list_limit`].

use std::future::Future;

use async_graphql::{
    Context, SimpleObject,
    connection::{Connection, Edge},
};
use sea_orm::{EntityTrait, Order, PaginatorTrait, QueryOrder, QuerySelect, Select};

use super::{error::ApiError, guard::app};

/// Extra fields of every connection.
#[derive(SimpleObject, Debug)]
pub struct TotalCount {
    /// How many items match, over all pages.
    pub total_count: u64,
}

/// A page of `N`.
pub type Page<N> = Connection<usize, N, TotalCount>;

/// Items per page when neither `first` nor `last` is given.
pub const DEFAULT_PAGE: usize = 50;
/// Most items one page may ask for.
pub const MAX_PAGE: usize = 1000;

/// The complexity of a paginated field: its page size times what each item costs. Keeps
/// nested lists (stations × transactions × meter values) within the complexity limit.
pub fn cost(first: Option<i32>, last: Option<i32>, child_complexity: usize) -> usize {
    let size = first
        .or(last)
        .map_or(DEFAULT_PAGE, |n| (n.max(0) as usize).min(MAX_PAGE));
    size.saturating_mul(child_complexity).saturating_add(1)
}

/// Most rows a plain list (a `limit` argument, not a connection) returns.
const MAX_LIMIT: i32 = 500;

/// The `limit` argument of a plain list: 1 to `MAX_LIMIT`.
pub fn list_limit(value: i32) -> Result<u64, ApiError> {
    if !(1..=MAX_LIMIT).contains(&value) {
        return Err(ApiError::BadUserInput(format!(
            "limit: must be between 1 and {MAX_LIMIT}"
        )));
    }
    Ok(value as u64)
}

/// Pagination arguments as received.
#[derive(Clone, Debug, Default)]
pub struct PageArgs {
    pub after: Option<String>,
    pub before: Option<String>,
    pub first: Option<i32>,
    pub last: Option<i32>,
}

fn cursor(value: Option<&str>, name: &str) -> Result<Option<usize>, ApiError> {
    value
        .map(|v| {
            v.parse::<usize>().map_err(|_| {
                ApiError::BadUserInput(format!("`{name}` is not a cursor of this list"))
            })
        })
        .transpose()
}

fn size(value: Option<i32>, name: &str) -> Result<Option<usize>, ApiError> {
    match value {
        None => Ok(None),
        Some(n) if n < 0 => Err(ApiError::BadUserInput(format!(
            "`{name}` must not be negative"
        ))),
        Some(n) if n as usize > MAX_PAGE => Err(ApiError::BadUserInput(format!(
            "`{name}` may be at most {MAX_PAGE}"
        ))),
        Some(n) => Ok(Some(n as usize)),
    }
}

/// A page of `query`'s rows in `order` (the count reads `query` unordered), each mapped by
/// `map`, from the read pool.
pub async fn rows<E, N>(
    ctx: &Context<'_>,
    args: PageArgs,
    query: Select<E>,
    order: &[(E::Column, Order)],
    map: impl FnMut(E::Model) -> N,
) -> Result<Page<N>, ApiError>
where
    E: EntityTrait,
    E::Model: Sync,
    N: async_graphql::OutputType,
{
    let db = app(ctx).store.reader();
    paginate(
        args,
        {
            let counting = query.clone();
            async move { Ok(counting.count(db).await?) }
        },
        |offset, limit| async move {
            let ordered = order
                .iter()
                .fold(query, |q, (column, how)| q.order_by(*column, how.clone()));
            let rows = ordered.offset(offset).limit(limit).all(db).await?;
            Ok(rows.into_iter().map(map).collect())
        },
    )
    .await
}

/// Counts, works out the window, fetches `(offset, limit)` and builds the connection.
pub async fn paginate<N, C, F, FF>(args: PageArgs, count: C, fetch: FF) -> Result<Page<N>, ApiError>
where
    N: async_graphql::OutputType,
    C: Future<Output = Result<u64, ApiError>>,
    FF: FnOnce(u64, u64) -> F,
    F: Future<Output = Result<Vec<N>, ApiError>>,
{
    paginate_window(args, count, |offset, limit, _| fetch(offset, limit)).await
}

/// As [`paginate`], for a fetch that may return fewer items than asked (a page with a byte
/// budget): it gets `(offset, limit, from_end)`, and when it returns fewer it keeps the first
/// ones, or the last ones when `from_end` (the page counts back from its end: `last`). The
/// page is then cut short on that side: `hasNextPage` (or `hasPreviousPage`) is true and the
/// cursors go on from where it stops.
pub async fn paginate_window<N, C, F, FF>(
    args: PageArgs,
    count: C,
    fetch: FF,
) -> Result<Page<N>, ApiError>
where
    N: async_graphql::OutputType,
    C: Future<Output = Result<u64, ApiError>>,
    FF: FnOnce(u64, u64, bool) -> F,
    F: Future<Output = Result<Vec<N>, ApiError>>,
{
    let after = cursor(args.after.as_deref(), "after")?;
    let before = cursor(args.before.as_deref(), "before")?;
    let first = size(args.first, "first")?;
    let last = size(args.last, "last")?;
    let total = count.await? as usize;

    let mut start = after.map_or(0, |a| a.saturating_add(1)).min(total);
    let mut end = before.unwrap_or(total).min(total).max(start);
    match (first, last) {
        (Some(first), _) => end = end.min(start + first),
        (None, None) => end = end.min(start + DEFAULT_PAGE),
        _ => {}
    }
    if let Some(last) = last {
        start = start.max(end.saturating_sub(last));
    }
    let from_end = last.is_some();
    let nodes = fetch(start as u64, (end - start) as u64, from_end).await?;
    if nodes.len() < end - start {
        if from_end {
            start = end - nodes.len();
        } else {
            end = start + nodes.len();
        }
    }
    let mut connection = Connection::with_additional_fields(
        start > 0,
        end < total,
        TotalCount {
            total_count: total as u64,
        },
    );
    connection.edges.extend(
        nodes
            .into_iter()
            .enumerate()
            .map(|(i, node)| Edge::new(start + i, node)),
    );
    Ok(connection)
}
