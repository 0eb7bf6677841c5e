//! Who may do what: the caller's [`Auth`] from the request, and the checks resolvers make
//! (roles, station scope, a driver's own id tags).

use std::sync::Arc;

use async_graphql::Context as GqlContext;

use super::error::ApiError;
use crate::{auth::Principal, context::Context};

/// The caller of one request, from its bearer token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Auth {
    /// No token was given.
    Anonymous,
    /// A token was given and is valid.
    Principal(Principal),
    /// A token was given and refused; the reason is shown when an operation needs it.
    Invalid(String),
}

impl Auth {
    /// Reads `Authorization: Bearer <token>` (or a bare token).
    pub fn from_bearer(app: &Context, value: Option<&str>) -> Self {
        let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            return Self::Anonymous;
        };
        let token = value
            .strip_prefix("Bearer ")
            .or_else(|| value.strip_prefix("bearer "))
            .unwrap_or(value)
            .trim();
        match app.keys.verify(token) {
            Ok(principal) => Self::Principal(principal),
            Err(e) => Self::Invalid(e.to_string()),
        }
    }
}

/// The application behind the schema.
pub fn app<'a>(ctx: &GqlContext<'a>) -> &'a Arc<Context> {
    ctx.data_unchecked::<Arc<Context>>()
}

/// The authenticated caller, or `UNAUTHENTICATED`.
pub fn principal<'a>(ctx: &GqlContext<'a>) -> Result<&'a Principal, ApiError> {
    match ctx.data_opt::<Auth>() {
        Some(Auth::Principal(p)) => Ok(p),
        Some(Auth::Invalid(reason)) => Err(ApiError::Unauthenticated(reason.clone())),
        _ => Err(ApiError::Unauthenticated(
            "this operation needs a bearer token".into(),
        )),
    }
}

/// A caller with one of the staff roles (admin, operator, viewer).
pub fn staff<'a>(ctx: &GqlContext<'a>) -> Result<&'a Principal, ApiError> {
    let p = principal(ctx)?;
    if p.role.is_staff() {
        Ok(p)
    } else {
        Err(forbidden(p, "staff"))
    }
}

/// A caller who may operate (admin, operator).
pub fn operator<'a>(ctx: &GqlContext<'a>) -> Result<&'a Principal, ApiError> {
    let p = principal(ctx)?;
    if p.role.can_operate() {
        Ok(p)
    } else {
        Err(forbidden(p, "operator"))
    }
}

/// An operator whose token covers every station: what reaches every station at once (id
/// tags, which every station accepts) is beyond any station scope.
pub fn fleet_operator<'a>(ctx: &GqlContext<'a>) -> Result<&'a Principal, ApiError> {
    let p = operator(ctx)?;
    if p.stations.is_none() {
        Ok(p)
    } else {
        Err(ApiError::Forbidden(
            "id tags are valid at every station: creating, changing or deleting one needs a \
             token that is not limited to some stations"
                .into(),
        ))
    }
}

fn forbidden(p: &Principal, needed: &str) -> ApiError {
    ApiError::Forbidden(format!(
        "the {} role may not do this ({needed} needed)",
        p.role
    ))
}

/// `FORBIDDEN` unless the caller's token covers `station_id`.
pub fn station_access(p: &Principal, station_id: &str) -> Result<(), ApiError> {
    if p.may_access(station_id) {
        Ok(())
    } else {
        Err(ApiError::Forbidden(format!(
            "this token does not cover station {station_id}"
        )))
    }
}

/// A staff caller whose token covers `station_id`.
pub fn staff_for<'a>(ctx: &GqlContext<'a>, station_id: &str) -> Result<&'a Principal, ApiError> {
    let p = staff(ctx)?;
    station_access(p, station_id)?;
    Ok(p)
}
