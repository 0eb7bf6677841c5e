//! One attribute (Actual, Target, MinSet, MaxSet) of one variable of one component of an OCPP
//! 2.0.1 station's device model, with the variable's characteristics, as the station last
//! reported it (NotifyReport) or answered it (GetVariables, SetVariables). Absent key parts are
//! sentinels: `""` for an instance, `0` for an EVSE or connector id.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "device_model_variables")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub station_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub component_name: String,
    /// `""`: the component has no instance.
    #[sea_orm(primary_key, auto_increment = false)]
    pub component_instance: String,
    /// `0`: the component is not of an EVSE.
    #[sea_orm(primary_key, auto_increment = false)]
    pub evse_id: i32,
    /// `0`: the component is not of one connector.
    #[sea_orm(primary_key, auto_increment = false)]
    pub connector_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub variable_name: String,
    /// `""`: the variable has no instance.
    #[sea_orm(primary_key, auto_increment = false)]
    pub variable_instance: String,
    /// `Actual`, `Target`, `MinSet` or `MaxSet`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub attribute_type: String,
    /// The attribute's value as sent (none for a write-only variable).
    pub value: Option<String>,
    /// `ReadOnly`, `WriteOnly` or `ReadWrite`; null when not reported.
    pub mutability: Option<String>,
    pub persistent: Option<bool>,
    pub constant: Option<bool>,
    /// The characteristics' `dataType` (`string`, `decimal`, `integer`, `dateTime`, `boolean`,
    /// `OptionList`, `SequenceList`, `MemberList`); null when none were reported.
    pub data_type: Option<String>,
    pub unit: Option<String>,
    pub min_limit: Option<f64>,
    pub max_limit: Option<f64>,
    pub values_list: Option<String>,
    pub supports_monitoring: Option<bool>,
    /// When the row was last written.
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
