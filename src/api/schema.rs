//! The one schema: every API module's queries, mutations and subscriptions merged in the order
//! of the published SDL, the request limits as extensions, and the SDL itself.

use std::sync::Arc;

use async_graphql::{MergedObject, MergedSubscription, SDLExportOptions, Schema};

use super::{
    account, alert, audit, budget, command, device_model, firmware, fleet, id_tag, journal, limits,
    loaders, local_list, meter_rollup, provisioning, reservation, security_ext, smart_charging,
    station, station_credentials, subscription, transaction, usage,
};
use crate::context::Context;

/// Every query.
#[derive(MergedObject, Default)]
pub struct Query(
    station::StationQuery,
    transaction::TransactionQuery,
    id_tag::IdTagQuery,
    journal::JournalQuery,
    usage::UsageQuery,
    meter_rollup::MeterRollupQuery,
    account::AccountQuery,
    reservation::ReservationQuery,
    local_list::LocalListQuery,
    smart_charging::SmartChargingQuery,
    firmware::FirmwareQuery,
    security_ext::SecurityQuery,
    fleet::FleetQuery,
    alert::AlertQuery,
    audit::AuditQuery,
);

/// Every mutation.
#[derive(MergedObject, Default)]
pub struct Mutation(
    command::CommandMutation,
    station::StationMutation,
    station_credentials::StationSecurityMutation,
    id_tag::IdTagMutation,
    account::AccountMutation,
    firmware::FirmwareMutation,
    local_list::LocalListMutation,
    reservation::ReservationMutation,
    smart_charging::SmartChargingMutation,
    command::RemoteTriggerMutation,
    security_ext::SecurityMutation,
    budget::BudgetMutation,
    alert::AlertMutation,
    device_model::DeviceModelMutation,
    provisioning::ProvisioningMutation,
);

/// Every subscription.
#[derive(MergedSubscription, Default)]
pub struct Subscription(
    subscription::LiveSubscription,
    security_ext::SecuritySubscription,
    fleet::FleetSubscription,
    alert::AlertSubscription,
);

/// The schema type.
pub type ChargegateSchema = Schema<Query, Mutation, Subscription>;

/// Builds the schema for a running application, with the limits of its settings.
pub fn build_schema(ctx: Arc<Context>) -> ChargegateSchema {
    let settings = &ctx.settings;
    let limits = &settings.limits;
    let mut builder = Schema::build(
        Query::default(),
        Mutation::default(),
        Subscription::default(),
    )
    .limit_depth(settings.query_depth_limit)
    .limit_complexity(settings.query_complexity_limit)
    // First: refuses a document before anything else walks it.
    .extension(limits::DocumentLimits {
        selections: limits.query_selection_limit,
        aliases: settings.query_alias_limit,
    })
    .extension(limits::QueryTimeout {
        queries: limits.query_timeout.0,
        mutations: mutation_timeout(settings),
    })
    .extension(limits::OperationLimit)
    .extension(super::metrics::OperationMetrics(ctx.clone()))
    .extension(super::traces::OperationSpans(ctx.clone()))
    .extension(limits::ErrorCodes)
    // Inside the others: sees each mutation field's own result or error.
    .extension(audit::AuditTrail)
    .data(loaders::loader(ctx.clone()))
    .data(account::owned_tags_loader(ctx.clone()))
    .data(ctx.clone());
    if !settings.introspection {
        // "Did you mean …?" would name the fields introspection hides.
        builder = builder.disable_introspection().disable_suggestions();
    }
    builder.finish()
}

/// A mutation may wait for a station for the whole command timeout, and then some: it gets
/// the query timeout on top, so a command is never cut short by it (zero: no limit).
fn mutation_timeout(settings: &crate::Settings) -> std::time::Duration {
    let queries = settings.limits.query_timeout.0;
    if queries.is_zero() {
        return queries;
    }
    queries + settings.command_timeout.0
}

/// The published schema: SDL with sorted fields, as in `graphql/schema.graphql`.
pub fn sdl() -> String {
    Schema::build(
        Query::default(),
        Mutation::default(),
        Subscription::default(),
    )
    .finish()
    .sdl_with_options(
        SDLExportOptions::new()
            .sorted_fields()
            .sorted_arguments()
            .sorted_enum_items(),
    )
}
