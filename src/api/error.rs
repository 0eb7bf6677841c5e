//! API errors: every failure a client can see, each with its `extensions.code`. Internals (SQL,
//! stack traces) are logged here and never returned.

use async_graphql::ErrorExtensions as _;

use ocpp::rpc::CommandError;

use crate::{
    store::StoreError,
    use_case::{account::AccountError, id_tag::IdTagError, usage::UsageError},
};

/// An error of the GraphQL API.
///
/// Deliberately not `Display`: async-graphql turns any `Display` error into a plain error
/// without extensions, so the only way from here to a GraphQL error is the `From` below, which
/// always sets `extensions.code`.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    Unauthenticated(String),
    Forbidden(String),
    BadUserInput(String),
    NotFound(String),
    Conflict(String),
    StationOffline(String),
    StationTimeout(String),
    /// The station may be connected to another node, which cannot be reached now.
    StationUnreachable(String),
    StationError {
        station: String,
        code: String,
        description: String,
    },
    RateLimited,
    /// The right password of an account that registered itself and waits for approval.
    AccountPending(String),
    /// A bound on what clients may make the server hold was reached (e.g. pending accounts).
    LimitExceeded(String),
    Lagged(u64),
    /// An id tag's energy budget (or its owner's) is used up.
    BudgetExhausted(String),
    /// The connector is in use by another session.
    ConnectorOccupied(String),
    /// The station's OCPP version has no such command.
    UnsupportedByStation(String),
    Internal,
}

impl ApiError {
    /// The message shown to the client.
    pub fn message(&self) -> String {
        match self {
            Self::Unauthenticated(m)
            | Self::Forbidden(m)
            | Self::BadUserInput(m)
            | Self::NotFound(m)
            | Self::Conflict(m)
            | Self::BudgetExhausted(m)
            | Self::ConnectorOccupied(m)
            | Self::UnsupportedByStation(m)
            | Self::AccountPending(m)
            | Self::LimitExceeded(m) => m.clone(),
            Self::StationOffline(station) => format!("station {station} is not connected"),
            Self::StationTimeout(station) => format!("station {station} did not answer in time"),
            Self::StationUnreachable(reason) => reason.clone(),
            Self::StationError {
                station,
                code,
                description,
            } => format!("station {station} answered {code}: {description}"),
            Self::RateLimited => "too many attempts; try again later".to_owned(),
            Self::Lagged(n) => {
                format!("the subscription fell {n} events behind and was ended; subscribe again")
            }
            Self::Internal => "internal error".to_owned(),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated(_) => "UNAUTHENTICATED",
            Self::Forbidden(_) => "FORBIDDEN",
            Self::BadUserInput(_) => "BAD_USER_INPUT",
            Self::NotFound(_) => "NOT_FOUND",
            Self::Conflict(_) => "CONFLICT",
            Self::StationOffline(_) => "STATION_OFFLINE",
            Self::StationTimeout(_) => "STATION_TIMEOUT",
            Self::StationUnreachable(_) => "STATION_UNREACHABLE",
            Self::StationError { .. } => "STATION_ERROR",
            Self::RateLimited => "RATE_LIMITED",
            Self::AccountPending(_) => "ACCOUNT_PENDING",
            Self::LimitExceeded(_) => "LIMIT_EXCEEDED",
            Self::Lagged(_) => "LAGGED",
            Self::BudgetExhausted(_) => "BUDGET_EXHAUSTED",
            Self::ConnectorOccupied(_) => "CONNECTOR_OCCUPIED",
            Self::UnsupportedByStation(_) => "UNSUPPORTED_BY_STATION",
            Self::Internal => "INTERNAL",
        }
    }

    /// A command's failure, for `station`.
    pub fn command(station: &str, error: CommandError) -> Self {
        match error {
            CommandError::Offline | CommandError::Disconnected => {
                Self::StationOffline(station.to_owned())
            }
            CommandError::Timeout(_) => Self::StationTimeout(station.to_owned()),
            CommandError::Unreachable(reason) => Self::StationUnreachable(reason),
            CommandError::CallError {
                code, description, ..
            } => Self::StationError {
                station: station.to_owned(),
                code,
                description,
            },
            CommandError::InvalidResponse(reason) => Self::StationError {
                station: station.to_owned(),
                code: "InvalidResponse".to_owned(),
                description: reason,
            },
        }
    }
}

impl From<ApiError> for async_graphql::Error {
    fn from(error: ApiError) -> Self {
        async_graphql::Error::new(error.message()).extend_with(|_, e| {
            e.set("code", error.code());
            if let ApiError::StationError {
                code, description, ..
            } = &error
            {
                e.set("ocppErrorCode", code.as_str());
                e.set("ocppErrorDescription", description.as_str());
            }
        })
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        tracing::error!(error = %e, "storage failed while serving the API");
        Self::Internal
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(e: sea_orm::DbErr) -> Self {
        tracing::error!(error = %e, "database query failed");
        Self::Internal
    }
}

impl From<IdTagError> for ApiError {
    fn from(e: IdTagError) -> Self {
        match e {
            IdTagError::Invalid(m) => Self::BadUserInput(m),
            IdTagError::Exists(_) => Self::Conflict(e.to_string()),
            IdTagError::NotFound(_) => Self::NotFound(e.to_string()),
            IdTagError::Store(e) => e.into(),
        }
    }
}

impl From<AccountError> for ApiError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::Invalid(m) => Self::BadUserInput(m),
            AccountError::Exists(_) => Self::Conflict(e.to_string()),
            AccountError::NotFound(_) => Self::NotFound(e.to_string()),
            AccountError::WrongCredentials => Self::Unauthenticated(e.to_string()),
            // Not UNAUTHENTICATED: the caller's token is fine (clients sign out on that code).
            AccountError::WrongPassword => Self::BadUserInput(e.to_string()),
            AccountError::Pending => Self::AccountPending(e.to_string()),
            AccountError::NotAnAccount(_) => Self::Forbidden(e.to_string()),
            AccountError::TooManyPending(_) => Self::LimitExceeded(e.to_string()),
            AccountError::RateLimited => Self::RateLimited,
            AccountError::Forbidden(m) => Self::Forbidden(m),
            AccountError::Store(e) => e.into(),
        }
    }
}

impl From<UsageError> for ApiError {
    fn from(e: UsageError) -> Self {
        match e {
            UsageError::EmptyRange | UsageError::TooManyPeriods | UsageError::InvalidIdTag(_) => {
                Self::BadUserInput(e.to_string())
            }
            UsageError::StationNotCovered(_) => Self::Forbidden(e.to_string()),
            UsageError::Db(e) => e.into(),
        }
    }
}

/// Results of resolvers.
pub type ApiResult<T> = Result<T, ApiError>;
