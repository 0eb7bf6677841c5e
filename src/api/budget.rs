//! Energy budgets in the API: `setIdTagBudget` and `setAccountBudget` for operators, and the
//! `EnergyBudget` (limit, period, used, remaining) that id tags, accounts and `me` carry.

use async_graphql::{Context, Enum, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};

use super::{
    account::Account,
    error::ApiError,
    guard::{app, fleet_operator},
    id_tag::IdTag,
    loaders::{BudgetOf, Loaders},
};
use crate::use_case::budget::{self, Budget, BudgetError, Period, Standing, Subject};

/// How often a budget starts again: calendar month or ISO week (from Monday), in the server's
/// budget time zone (`CHARGEGATE_BUDGET_UTC_OFFSET`).
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum BudgetPeriod {
    Week,
    Month,
}

impl From<Period> for BudgetPeriod {
    fn from(p: Period) -> Self {
        match p {
            Period::Week => Self::Week,
            Period::Month => Self::Month,
        }
    }
}

impl From<BudgetPeriod> for Period {
    fn from(p: BudgetPeriod) -> Self {
        match p {
            BudgetPeriod::Week => Self::Week,
            BudgetPeriod::Month => Self::Month,
        }
    }
}

/// An energy budget and what its current period has used. Sessions count in the period they
/// started in, running ones with their energy so far.
#[derive(SimpleObject)]
pub struct EnergyBudget {
    pub limit_wh: f64,
    pub period: BudgetPeriod,
    pub period_start: DateTime<Utc>,
    pub period_end: DateTime<Utc>,
    pub used_wh: f64,
    /// `limitWh - usedWh`, never below 0.
    pub remaining_wh: f64,
    /// Used up: the tag(s) it covers are answered Blocked until `periodEnd`.
    pub exhausted: bool,
}

impl From<Standing> for EnergyBudget {
    fn from(s: Standing) -> Self {
        Self {
            limit_wh: s.budget.limit_wh,
            period: s.budget.period.into(),
            period_start: s.period_start,
            period_end: s.period_end,
            used_wh: s.used_wh,
            remaining_wh: s.remaining_wh(),
            exhausted: s.exhausted(),
        }
    }
}

/// A budget to set: at most `limitWh` per period (0 to 10 GWh).
#[derive(InputObject)]
pub struct EnergyBudgetInput {
    pub limit_wh: f64,
    pub period: BudgetPeriod,
}

impl From<BudgetError> for ApiError {
    fn from(e: BudgetError) -> Self {
        match e {
            BudgetError::InvalidLimit => Self::BadUserInput(e.to_string()),
            BudgetError::NoIdTag(_) | BudgetError::NoAccount(_) => Self::NotFound(e.to_string()),
            BudgetError::Store(s) => s.into(),
        }
    }
}

/// The budget of `subject` with what its current period used, if it has one (batched over a
/// list by the DataLoader).
pub(super) async fn of(ctx: &Context<'_>, subject: Subject) -> Result<Option<EnergyBudget>> {
    let standing = ctx
        .data_unchecked::<Loaders>()
        .load_one(BudgetOf(subject))
        .await?;
    Ok(standing.map(EnergyBudget::from))
}

#[derive(Default)]
pub struct BudgetMutation;

#[Object]
impl BudgetMutation {
    /// Sets (or with null clears) an id tag's energy budget (operators whose token is not
    /// limited to some stations). Its sessions over the budget are answered Blocked, and a
    /// running one is stopped when it reaches it.
    async fn set_id_tag_budget(
        &self,
        ctx: &Context<'_>,
        id_tag: String,
        budget: Option<EnergyBudgetInput>,
    ) -> Result<IdTag> {
        fleet_operator(ctx)?;
        let app = app(ctx);
        let key = crate::use_case::id_tag::IdTagText::new(id_tag.as_str())
            .map_err(|e| ApiError::BadUserInput(format!("idTag: {e}")))?
            .key();
        budget::set(app, Subject::Tag(key.clone()), budget.map(budget_of))
            .await
            .map_err(ApiError::from)?;
        let tag = crate::use_case::id_tag::get(app, &id_tag)
            .await
            .map_err(ApiError::from)?
            .ok_or_else(|| ApiError::NotFound(format!("no id tag {id_tag:?}")))?;
        Ok(IdTag(tag))
    }

    /// Sets (or with null clears) the energy budget of an account over all the tags it owns
    /// (operators whose token is not limited to some stations).
    async fn set_account_budget(
        &self,
        ctx: &Context<'_>,
        username: String,
        budget: Option<EnergyBudgetInput>,
    ) -> Result<Account> {
        fleet_operator(ctx)?;
        let app = app(ctx);
        budget::set(
            app,
            Subject::Account(username.clone()),
            budget.map(budget_of),
        )
        .await
        .map_err(ApiError::from)?;
        let account = crate::use_case::account::get(app, &username)
            .await
            .map_err(ApiError::from)?
            .ok_or_else(|| ApiError::NotFound(format!("no account {username:?}")))?;
        Ok(Account(account))
    }
}

fn budget_of(input: EnergyBudgetInput) -> Budget {
    Budget {
        limit_wh: input.limit_wh,
        period: input.period.into(),
    }
}
