//! The seed's acceptance cases, Tables 1–8: each station → server message answered, checked
//! field by field, and what it reported found in the database.

use chrono::{DateTime, Utc};
use entity::{connector, station, transaction};
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::{Backend, TestApp, spawn_on};

fn time(value: &Value) -> DateTime<Utc> {
    let text = value
        .as_str()
        .unwrap_or_else(|| panic!("{value} is not a string"));
    assert!(text.ends_with('Z'), "{text} is not UTC");
    DateTime::parse_from_rfc3339(text)
        .unwrap_or_else(|e| panic!("{text} is not RFC 3339: {e}"))
        .with_timezone(&Utc)
}

fn recent(t: DateTime<Utc>) {
    let age = (Utc::now() - t).num_seconds().abs();
    assert!(age < 60, "{t} is not the server's current time");
}

/// Stores an id tag as an operator would.
pub async fn add_tag(
    app: &TestApp,
    tag: &str,
    status: &str,
    expiry: Option<DateTime<Utc>>,
    parent: Option<&str>,
) {
    let row = entity::id_tag::ActiveModel {
        id_tag_key: Set(tag.to_lowercase()),
        id_tag: Set(tag.to_owned()),
        status: Set(status.to_owned()),
        expiry_date: Set(expiry),
        parent_id_tag: Set(parent.map(str::to_owned)),
        parent_id_tag_key: Set(parent.map(str::to_lowercase)),
        owner: Set(None),
        auto_created: Set(false),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
    };
    app.ctx()
        .store
        .write(move |txn| {
            let row = row.clone();
            Box::pin(async move {
                entity::id_tag::Entity::insert(row)
                    .exec_without_returning(txn)
                    .await?;
                Ok(())
            })
        })
        .await
        .expect("tag stored");
}

async fn seed_tables(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    add_tag(&app, "12345", "Accepted", None, Some("FLEET")).await;
    let mut cp = app.station("123").await;

    // Table 2: BootNotification
    let boot = cp
        .call(
            "BootNotification",
            json!({"chargePointVendor": "VendorA", "chargePointModel": "SingleSocketCharger"}),
        )
        .await;
    assert_eq!(boot["status"], "Accepted");
    recent(time(&boot["currentTime"]));
    assert_eq!(boot["interval"], 300);
    assert_eq!(boot.as_object().unwrap().len(), 3, "{boot}");
    let row = station::Entity::find_by_id("123")
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.vendor.as_deref(), Some("VendorA"));
    assert_eq!(row.model.as_deref(), Some("SingleSocketCharger"));
    assert_eq!(row.registration_status, "Accepted");
    assert!(row.last_boot_at.is_some() && row.first_seen_at.is_some());

    // Table 1: Authorize
    let auth = cp.call("Authorize", json!({"idTag": "12345"})).await;
    assert_eq!(
        auth,
        json!({"idTagInfo": {"status": "Accepted", "parentIdTag": "FLEET"}})
    );
    let unknown = cp.call("Authorize", json!({"idTag": "NOBODY"})).await;
    assert_eq!(unknown, json!({"idTagInfo": {"status": "Invalid"}}));

    // Table 3: DataTransfer
    let dt = cp
        .call(
            "DataTransfer",
            json!({"vendorId": "VendorA", "messageId": "customMsg", "data": "Some data"}),
        )
        .await;
    assert_eq!(dt, json!({"status": "UnknownVendorId"}));

    // Table 4: Heartbeat
    let hb = cp.call("Heartbeat", json!({})).await;
    recent(time(&hb["currentTime"]));
    assert_eq!(hb.as_object().unwrap().len(), 1);
    let row = station::Entity::find_by_id("123")
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert!(row.last_heartbeat_at.is_some());

    // Table 7: StatusNotification
    let status = cp
        .call(
            "StatusNotification",
            json!({"connectorId": 1, "errorCode": "NoError", "status": "Available"}),
        )
        .await;
    assert_eq!(status, json!({}));
    let conn = connector::Entity::find_by_id(("123".to_owned(), 1))
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (conn.status.as_str(), conn.error_code.as_str()),
        ("Available", "NoError")
    );

    // Table 6: StartTransaction
    let start = cp
        .call(
            "StartTransaction",
            json!({"connectorId": 1, "idTag": "12345", "meterStart": 0, "timestamp": "2024-05-01T10:00:00Z"}),
        )
        .await;
    let tx_id = start["transactionId"]
        .as_i64()
        .expect("integer transactionId");
    assert!(tx_id > 0);
    assert_eq!(
        start["idTagInfo"],
        json!({"status": "Accepted", "parentIdTag": "FLEET"})
    );

    // Table 5: MeterValues with every sampledValue attribute
    let mv = cp
        .call(
            "MeterValues",
            json!({"connectorId": 1, "transactionId": tx_id, "meterValue": [{
                "timestamp": "2024-05-01T10:05:00Z",
                "sampledValue": [{"value": "12.5", "context": "Sample.Periodic", "format": "Raw",
                    "measurand": "Energy.Active.Import.Register", "phase": "L1", "location": "Outlet", "unit": "kWh"}]
            }]}),
        )
        .await;
    assert_eq!(mv, json!({}));
    let samples = crate::support::samples_where(app.db(), |s| s.station_id == "123").await;
    assert_eq!(samples.len(), 1);
    let s = &samples[0];
    assert_eq!(s.transaction_id, Some(tx_id as i32));
    assert_eq!(s.connector_id, 1);
    assert_eq!(s.value, "12.5");
    assert_eq!(s.numeric_value, Some(12.5));
    assert_eq!(
        (
            s.context.as_str(),
            s.format.as_str(),
            s.measurand.as_str(),
            s.phase.as_deref(),
            s.location.as_str(),
            s.unit.as_str()
        ),
        (
            "Sample.Periodic",
            "Raw",
            "Energy.Active.Import.Register",
            Some("L1"),
            "Outlet",
            "kWh"
        )
    );
    assert_eq!(s.timestamp, time(&json!("2024-05-01T10:05:00Z")));

    // Table 8: StopTransaction
    let stop = cp
        .call(
            "StopTransaction",
            json!({"idTag": "12345", "timestamp": "2024-05-01T11:00:00Z", "meterStop": 25, "transactionId": tx_id}),
        )
        .await;
    assert_eq!(
        stop,
        json!({"idTagInfo": {"status": "Accepted", "parentIdTag": "FLEET"}})
    );
    let tx = transaction::Entity::find_by_id(tx_id as i32)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!((tx.meter_start, tx.meter_stop), (0, Some(25)));
    assert_eq!(tx.stop_time, Some(time(&json!("2024-05-01T11:00:00Z"))));
    assert_eq!(tx.stop_reason.as_deref(), Some("Local"));
    assert_eq!(tx.flags, "");

    // Every frame in and out is in the journal, in order.
    let journal = crate::support::eventually("the journal", || async {
        let frames = crate::support::journal_frames(app.db(), Some("123")).await;
        (frames.len() == 18).then_some(frames)
    })
    .await;
    let actions: Vec<_> = journal
        .iter()
        .map(|r| {
            (
                r.direction.as_str(),
                r.message_type,
                r.action.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(actions[0], ("in", Some(2), "BootNotification"));
    assert_eq!(actions[1], ("out", Some(3), "BootNotification"));
    assert_eq!(actions[17], ("out", Some(3), "StopTransaction"));
    assert!(journal[0].payload.contains("SingleSocketCharger"));
    assert_eq!(journal[0].message_id, journal[1].message_id);
    app.stop().await;
}
on_both_backends!(seed_tables);

async fn data_transfer_for_a_configured_vendor(backend: Backend) {
    let Some(app) = spawn_on(backend, |s| {
        s.data_transfer_vendors = vec!["VendorA".into()]
    })
    .await
    else {
        return;
    };
    let mut cp = app.booted_station("CP-DT").await;
    let dt = cp
        .call(
            "DataTransfer",
            json!({"vendorId": "VendorA", "messageId": "customMsg", "data": "Some data"}),
        )
        .await;
    assert_eq!(dt, json!({"status": "Accepted"}));
    let other = cp
        .call("DataTransfer", json!({"vendorId": "VendorB"}))
        .await;
    assert_eq!(other, json!({"status": "UnknownVendorId"}));
    app.stop().await;
}
on_both_backends!(data_transfer_for_a_configured_vendor);

async fn firmware_and_diagnostics_status_are_stored(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let mut cp = app.booted_station("CP-FW").await;
    assert_eq!(
        cp.call(
            "FirmwareStatusNotification",
            json!({"status": "Installing"})
        )
        .await,
        json!({})
    );
    assert_eq!(
        cp.call(
            "DiagnosticsStatusNotification",
            json!({"status": "Uploaded"})
        )
        .await,
        json!({})
    );
    let row = station::Entity::find_by_id("CP-FW")
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.firmware_status.as_deref(), Some("Installing"));
    assert_eq!(row.diagnostics_status.as_deref(), Some("Uploaded"));
    assert!(row.firmware_status_at.is_some() && row.diagnostics_status_at.is_some());
    app.stop().await;
}
on_both_backends!(firmware_and_diagnostics_status_are_stored);
