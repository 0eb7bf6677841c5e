//! The OCPP 2.0.1 side of a simulated station: the same station, timers and queue as 1.6's,
//! its messages in 2.0.1's shape, valid against the official schemas.
//!
//! - BootNotification with a reason (`PowerUp`, `RemoteReset` after a Reset, `Triggered`) and
//!   the station's identity; StatusNotification per EVSE (each EVSE has connector 1), `Occupied`
//!   while charging.
//! - Transactions as TransactionEvents: Authorize, then `Started` (the id token, the EVSE, the
//!   energy register as `Transaction.Begin`; the station's own transaction id), `Updated` with
//!   `triggerReason` `MeterValuePeriodic` for the paced meter load (the same measurands 1.6
//!   sends as MeterValues; `seqNo` counting up through the transaction), `Ended` with the
//!   register as `Transaction.End` and the stop reason. The paced load of a connector without a
//!   transaction goes out as 2.0.1 MeterValues (`evseId`).
//! - Every command a CSMS may send is answered with a valid response; RequestStart/Stop
//!   Transaction, Reset, ChangeAvailability, TriggerMessage, Get/SetVariables (heartbeat and
//!   meter intervals), GetBaseReport/GetReport (with a NotifyReport), UnlockConnector and
//!   GetTransactionStatus act as a station would; the rest are taken without effect, or refused
//!   where the simulated station has nothing to offer (certificates, logs, firmware, display).
//!
//! The stats count TransactionEvents by event type (`TransactionEvent Started`, `… Updated`,
//! `… Ended`), so that the meter-carrying `Updated` compares with 1.6's MeterValues.

use std::{fmt::Write as _, time::Instant};

use serde_json::{Value, json};

use super::{Cycle, Kind, Plan, Station, stamp, status_answer};

/// The stats' names of the TransactionEvents.
pub const STARTED: &str = "TransactionEvent Started";
pub const UPDATED: &str = "TransactionEvent Updated";
pub const ENDED: &str = "TransactionEvent Ended";

/// 1.6's measurands as 2.0.1 names them (2.0.1 has no Temperature: Frequency instead).
const MEASURANDS: [(&str, &str, Option<&str>); 8] = [
    ("Energy.Active.Import.Register", "Wh", None),
    ("Power.Active.Import", "W", None),
    ("Current.Import", "A", Some("L1")),
    ("Voltage", "V", Some("L1-N")),
    ("SoC", "Percent", None),
    ("Current.Offered", "A", None),
    ("Power.Offered", "W", None),
    ("Frequency", "Hz", None),
];

/// The device model variables a simulated station has: component, variable, writable.
const VARIABLES: [(&str, &str, bool); 3] = [
    ("OCPPCommCtrlr", "HeartbeatInterval", true),
    ("SampledDataCtrlr", "TxUpdatedInterval", true),
    ("SampledDataCtrlr", "TxUpdatedMeasurands", false),
];

/// A station's own id of its `n`th transaction: the run's start (milliseconds since 1970, in
/// hexadecimal) and `n`, unique to the station across runs against the same server.
fn transaction_id(plan: &Plan, n: i64) -> String {
    let started = plan.epoch.1.duration_since(std::time::UNIX_EPOCH);
    format!("{:x}-{n}", started.map_or(0, |d| d.as_millis()))
}

/// The 2.0.1 status of a connector said in 1.6's words (`Charging`, `Unavailable`, …).
fn connector_status(status16: &str) -> &'static str {
    match status16 {
        "Charging" => "Occupied",
        "Unavailable" => "Unavailable",
        _ => "Available",
    }
}

/// Writes `[{"timestamp":…,"sampledValue":[…]}]`: the station's `measurands` first measurands
/// with the connector's energy register, in `context`.
fn write_meter_value(
    out: &mut String,
    plan: &Plan,
    at: &str,
    energy_wh: u64,
    charging: bool,
    context: &str,
) {
    let _ = write!(out, r#"[{{"timestamp":"{at}","sampledValue":["#);
    for (i, (measurand, unit, phase)) in MEASURANDS.iter().take(plan.measurands).enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(r#"{"value":"#);
        let _ = match i {
            0 => write!(out, "{energy_wh}"),
            1 | 6 => write!(out, "{}", if charging { 7_200 } else { 0 }),
            2 | 5 => write!(out, "{}", if charging { "32.0" } else { "0.0" }),
            3 => write!(out, "230.1"),
            4 => write!(out, "{}", 20 + energy_wh % 80),
            _ => write!(out, "50.0"),
        };
        let _ = write!(
            out,
            r#","context":"{context}","measurand":"{measurand}","unitOfMeasure":{{"unit":"{unit}"}}"#
        );
        if let Some(phase) = phase {
            let _ = write!(out, r#","phase":"{phase}""#);
        }
        out.push('}');
    }
    out.push_str("]}]");
}

/// One energy register reading in `context` (Transaction.Begin, Transaction.End).
fn register(at: &str, energy_wh: u64, context: &str) -> Value {
    json!([{
        "timestamp": at,
        "sampledValue": [{
            "value": energy_wh,
            "context": context,
            "measurand": "Energy.Active.Import.Register",
            "unitOfMeasure": {"unit": "Wh"}
        }]
    }])
}

impl Station {
    /// The station's own id of connector `c`'s transaction.
    fn transaction_of(&self, plan: &Plan, c: usize) -> Option<String> {
        self.connectors[c]
            .transaction
            .map(|n| transaction_id(plan, n))
    }

    /// The connector whose transaction has the station's id `id`.
    fn connector_with_transaction(&self, plan: &Plan, id: &str) -> Option<usize> {
        (0..self.connectors.len()).find(|c| self.transaction_of(plan, *c).as_deref() == Some(id))
    }

    fn next_seq_no(&mut self, c: usize) -> u32 {
        let connector = &mut self.connectors[c];
        let seq_no = connector.seq_no;
        connector.seq_no += 1;
        seq_no
    }

    /// StatusNotification of EVSE `evse_id`'s connector 1 (nothing for connector 0: 2.0.1
    /// reports connectors only).
    pub(super) fn push_evse_status(
        &mut self,
        plan: &Plan,
        evse_id: u32,
        status16: &str,
        last: bool,
    ) {
        if evse_id == 0 {
            return;
        }
        let now = Instant::now();
        let payload = format!(
            r#"{{"timestamp":"{}","connectorStatus":"{}","evseId":{evse_id},"connectorId":1}}"#,
            stamp(plan.wall(now)),
            connector_status(status16)
        );
        self.push(
            plan,
            "StatusNotification",
            payload,
            now,
            Kind::Status { last },
        );
    }

    /// TransactionEvent `Started` on connector `c`: a new transaction of the station's, for
    /// `token` (authorized locally, or started remotely with `remote_start_id`).
    pub(super) fn push_started(
        &mut self,
        plan: &Plan,
        c: usize,
        token: String,
        token_type: String,
        remote_start_id: Option<i64>,
        now: Instant,
    ) {
        self.last_tx += 1;
        let n = self.last_tx;
        let connector = &mut self.connectors[c];
        connector.cycle = Cycle::Busy;
        connector.transaction = Some(n);
        connector.seq_no = 0;
        let at = stamp(plan.wall(now));
        let mut info =
            json!({ "transactionId": transaction_id(plan, n), "chargingState": "Charging" });
        if let Some(id) = remote_start_id {
            info["remoteStartId"] = json!(id);
        }
        let payload = json!({
            "eventType": "Started",
            "timestamp": at,
            "triggerReason": if remote_start_id.is_some() { "RemoteStart" } else { "Authorized" },
            "seqNo": self.next_seq_no(c),
            "transactionInfo": info,
            "idToken": { "idToken": token, "type": token_type },
            "evse": { "id": self.connectors[c].id, "connectorId": 1 },
            "meterValue": register(&at, self.connectors[c].energy_wh, "Transaction.Begin"),
        })
        .to_string();
        let connector = &mut self.connectors[c];
        connector.id_tag = Some(token);
        connector.token_type = Some(token_type);
        connector.remote_start_id = remote_start_id;
        self.push_labelled(
            plan,
            "TransactionEvent",
            STARTED,
            payload,
            now,
            Kind::Start(c),
        );
    }

    /// The answer to `Started`: charging, or (the token not accepted) ended at once.
    pub(super) fn on_started(
        &mut self,
        plan: &Plan,
        c: usize,
        status: Option<String>,
        now: Instant,
    ) {
        // No idTokenInfo: nothing against the token.
        if status.as_deref().is_none_or(|s| s == "Accepted") {
            let connector = &mut self.connectors[c];
            connector.cycle = Cycle::Charging;
            connector.next_cycle = plan.charge_for.map(|d| now + d);
            let id = connector.id;
            self.push_status(plan, id, "Charging", false);
        } else {
            self.push_stop(plan, c, "DeAuthorized", now);
        }
    }

    /// TransactionEvent `Ended` of connector `c`'s transaction; `reason` in 1.6's words
    /// (`Local`, `Remote`, `DeAuthorized`, `HardReset`, `SoftReset`).
    pub(super) fn push_ended(&mut self, plan: &Plan, c: usize, reason: &str, now: Instant) {
        let Some(id) = self.transaction_of(plan, c) else {
            return;
        };
        self.connectors[c].cycle = Cycle::Busy;
        let (trigger, stopped) = match reason {
            "Remote" => ("RemoteStop", "Remote"),
            "DeAuthorized" => ("Deauthorized", "DeAuthorized"),
            "HardReset" | "SoftReset" => ("ResetCommand", "ImmediateReset"),
            _ => ("StopAuthorized", "Local"),
        };
        let at = stamp(plan.wall(now));
        let mut payload = json!({
            "eventType": "Ended",
            "timestamp": at,
            "triggerReason": trigger,
            "seqNo": self.next_seq_no(c),
            "transactionInfo": { "transactionId": id, "stoppedReason": stopped },
            "meterValue": register(&at, self.connectors[c].energy_wh, "Transaction.End"),
        });
        let connector = &self.connectors[c];
        // Stopped with the card: the card is named.
        if let (Some(token), Some(kind), "StopAuthorized") =
            (&connector.id_tag, &connector.token_type, trigger)
        {
            payload["idToken"] = json!({ "idToken": token, "type": kind });
        }
        self.push_labelled(
            plan,
            "TransactionEvent",
            ENDED,
            payload.to_string(),
            now,
            Kind::Stop(c),
        );
    }

    /// The paced load of connector `c`, due at `scheduled`: TransactionEvent `Updated`
    /// (MeterValuePeriodic) while it charges, MeterValues otherwise.
    pub(super) fn push_meter_201(&mut self, plan: &Plan, c: usize, scheduled: Instant) {
        let seconds = self.meter_interval.map_or(1.0, |d| d.as_secs_f64());
        let connector = &mut self.connectors[c];
        let charging = connector.cycle == Cycle::Charging;
        let power_w: u64 = if charging { 7_200 } else { 0 };
        connector.energy_wh += (power_w as f64 * seconds / 3600.0) as u64 + u64::from(charging);
        if charging && connector.transaction.is_some() {
            self.push_updated(plan, c, scheduled, false);
        } else {
            self.push_meter_values(plan, c, scheduled, "Sample.Periodic");
        }
    }

    /// TransactionEvent `Updated` with connector `c`'s meter values (periodic, or triggered).
    fn push_updated(&mut self, plan: &Plan, c: usize, scheduled: Instant, triggered: bool) {
        let Some(id) = self.transaction_of(plan, c) else {
            return;
        };
        let seq_no = self.next_seq_no(c);
        let connector = &self.connectors[c];
        let (trigger, context) = if triggered {
            ("Trigger", "Trigger")
        } else {
            ("MeterValuePeriodic", "Sample.Periodic")
        };
        let at = stamp(plan.wall(scheduled));
        let mut payload = String::with_capacity(256 + 128 * plan.measurands);
        let _ = write!(
            payload,
            r#"{{"eventType":"Updated","timestamp":"{at}","triggerReason":"{trigger}","seqNo":{seq_no},"transactionInfo":{{"transactionId":"{id}"}},"meterValue":"#
        );
        let charging = connector.cycle == Cycle::Charging;
        write_meter_value(
            &mut payload,
            plan,
            &at,
            connector.energy_wh,
            charging,
            context,
        );
        payload.push('}');
        self.push_labelled(
            plan,
            "TransactionEvent",
            UPDATED,
            payload,
            scheduled,
            Kind::Meter,
        );
    }

    /// MeterValues (2.0.1) of EVSE `c`, in `context`.
    fn push_meter_values(&mut self, plan: &Plan, c: usize, scheduled: Instant, context: &str) {
        let connector = &self.connectors[c];
        let at = stamp(plan.wall(scheduled));
        let mut payload = String::with_capacity(128 + 128 * plan.measurands);
        let _ = write!(payload, r#"{{"evseId":{},"meterValue":"#, connector.id);
        let charging = connector.cycle == Cycle::Charging;
        write_meter_value(
            &mut payload,
            plan,
            &at,
            connector.energy_wh,
            charging,
            context,
        );
        payload.push('}');
        self.push(plan, "MeterValues", payload, scheduled, Kind::Meter);
    }

    /// A 2.0.1 command from the CSMS: the answer, or `None` for one a CSMS does not send.
    pub(super) fn on_server_call_201(
        &mut self,
        plan: &Plan,
        action: &str,
        p: &Value,
    ) -> Option<Value> {
        let now = Instant::now();
        Some(match action {
            "RequestStartTransaction" => self.request_start(plan, p, now),
            "RequestStopTransaction" => self.request_stop(plan, p, now),
            "Reset" => self.reset_201(plan, p, now),
            "ChangeAvailability" => self.change_availability_201(plan, p),
            "TriggerMessage" => self.trigger_201(plan, p, now),
            "GetVariables" => self.get_variables(plan, p),
            "SetVariables" => self.set_variables(p, now),
            "GetBaseReport" => self.report(plan, p, None, now),
            "GetReport" => {
                let wanted = p["componentVariable"].as_array().filter(|w| !w.is_empty());
                self.report(plan, p, wanted, now)
            }
            "UnlockConnector" => self.unlock(p),
            "GetTransactionStatus" => self.transaction_status(plan, p),
            "ClearVariableMonitoring" => {
                let ids = p["id"].as_array().cloned().unwrap_or_default();
                let results: Vec<Value> = ids
                    .into_iter()
                    .map(|id| json!({ "status": "NotFound", "id": id }))
                    .collect();
                json!({ "clearMonitoringResult": results })
            }
            "SetVariableMonitoring" => {
                let data = p["setMonitoringData"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                let results: Vec<Value> = data
                    .into_iter()
                    .map(|d| {
                        json!({
                            "status": "UnsupportedMonitorType",
                            "type": d["type"],
                            "severity": d["severity"],
                            "component": d["component"],
                            "variable": d["variable"],
                        })
                    })
                    .collect();
                json!({ "setMonitoringResult": results })
            }
            _ => return fixed_answer(action),
        })
    }

    /// RequestStartTransaction: a transaction on the EVSE named (or the first idle one),
    /// started at once for the id token given (no Authorize first).
    fn request_start(&mut self, plan: &Plan, p: &Value, now: Instant) -> Value {
        let wanted = match p.get("evseId") {
            Some(id) => self.connector_with_id(id),
            None => self.connectors.iter().position(|c| c.cycle == Cycle::Idle),
        };
        let token = p.pointer("/idToken/idToken").and_then(Value::as_str);
        let kind = p.pointer("/idToken/type").and_then(Value::as_str);
        match (wanted, token, kind, p["remoteStartId"].as_i64()) {
            (Some(c), Some(token), Some(kind), Some(remote_start_id))
                if self.connectors[c].cycle == Cycle::Idle =>
            {
                self.connectors[c].next_cycle = None;
                let (token, kind) = (token.to_owned(), kind.to_owned());
                self.push_started(plan, c, token, kind, Some(remote_start_id), now);
                status_answer("Accepted")
            }
            _ => status_answer("Rejected"),
        }
    }

    /// RequestStopTransaction: ends the transaction of the station's id given, if it charges.
    fn request_stop(&mut self, plan: &Plan, p: &Value, now: Instant) -> Value {
        let wanted = p["transactionId"]
            .as_str()
            .and_then(|id| self.connector_with_transaction(plan, id));
        match wanted {
            Some(c) if self.connectors[c].cycle == Cycle::Charging => {
                self.push_stop(plan, c, "Remote", now);
                status_answer("Accepted")
            }
            _ => status_answer("Rejected"),
        }
    }

    /// Reset of the station (an EVSE's alone is refused): `Immediate` ends every transaction
    /// and reconnects once they are sent; `OnIdle` waits for the last transaction to end.
    fn reset_201(&mut self, plan: &Plan, p: &Value, now: Instant) -> Value {
        if p.get("evseId").is_some() {
            return status_answer("Rejected");
        }
        self.boot_reason = "RemoteReset";
        if p["type"] == "Immediate" {
            for c in 0..self.connectors.len() {
                if self.connectors[c].cycle == Cycle::Charging {
                    self.push_stop(plan, c, "HardReset", now);
                }
            }
        } else if self.connectors.iter().any(|c| c.transaction.is_some()) {
            self.reset_when_idle = true;
            return status_answer("Scheduled");
        }
        self.reset_after_drain = true;
        status_answer("Accepted")
    }

    /// ChangeAvailability of the station or an EVSE: the new status reported at once, or
    /// `Scheduled` while a transaction runs there.
    fn change_availability_201(&mut self, plan: &Plan, p: &Value) -> Value {
        let status = if p["operationalStatus"] == "Inoperative" {
            "Unavailable"
        } else {
            "Available"
        };
        let chosen: Vec<usize> = match p.pointer("/evse/id").and_then(Value::as_u64) {
            None | Some(0) => (0..self.connectors.len()).collect(),
            Some(id) => match self.connector_with_id(&json!(id)) {
                Some(c) => vec![c],
                None => return status_answer("Rejected"),
            },
        };
        if chosen
            .iter()
            .any(|c| self.connectors[*c].cycle != Cycle::Idle)
        {
            return status_answer("Scheduled");
        }
        for c in chosen {
            let id = self.connectors[c].id;
            self.push_status(plan, id, status, false);
        }
        status_answer("Accepted")
    }

    /// TriggerMessage: queues the message asked for (of the EVSE named, or of every EVSE).
    fn trigger_201(&mut self, plan: &Plan, p: &Value, now: Instant) -> Value {
        let evse = match p.pointer("/evse/id") {
            Some(id) => match self.connector_with_id(id) {
                Some(c) => Some(c),
                None => return status_answer("Rejected"),
            },
            None => None,
        };
        let chosen: Vec<usize> = (0..self.connectors.len())
            .filter(|c| evse.is_none_or(|w| w == *c))
            .collect();
        match p["requestedMessage"].as_str() {
            Some("BootNotification") => {
                self.boot_reason = "Triggered";
                self.push_boot(plan, now);
            }
            Some("Heartbeat") => {
                self.push(plan, "Heartbeat", "{}".into(), now, Kind::Heartbeat);
            }
            Some("StatusNotification") => {
                for c in chosen {
                    let connector = &self.connectors[c];
                    let status = if connector.cycle == Cycle::Charging {
                        "Charging"
                    } else {
                        "Available"
                    };
                    let id = connector.id;
                    self.push_status(plan, id, status, false);
                }
            }
            Some("MeterValues") => {
                for c in chosen {
                    self.push_meter_values(plan, c, now, "Trigger");
                }
            }
            Some("TransactionEvent") => {
                let charging: Vec<usize> = chosen
                    .into_iter()
                    .filter(|c| self.connectors[*c].cycle == Cycle::Charging)
                    .collect();
                if charging.is_empty() {
                    return status_answer("Rejected");
                }
                for c in charging {
                    self.push_updated(plan, c, now, true);
                }
            }
            Some("LogStatusNotification") => self.push_idle(plan, "LogStatusNotification", now),
            Some("FirmwareStatusNotification") => {
                self.push_idle(plan, "FirmwareStatusNotification", now);
            }
            Some("PublishFirmwareStatusNotification") => {
                self.push_idle(plan, "PublishFirmwareStatusNotification", now);
            }
            // No key to sign with.
            Some(
                "SignChargingStationCertificate" | "SignV2GCertificate" | "SignCombinedCertificate",
            ) => return status_answer("Rejected"),
            _ => return status_answer("NotImplemented"),
        }
        status_answer("Accepted")
    }

    /// The value of device model variable `VARIABLES[i]`.
    fn variable(&self, plan: &Plan, i: usize) -> String {
        match VARIABLES[i].1 {
            "HeartbeatInterval" => self.heartbeat.as_secs().to_string(),
            "TxUpdatedInterval" => self.meter_interval.map_or(0, |d| d.as_secs()).to_string(),
            _ => MEASURANDS
                .iter()
                .take(plan.measurands)
                .map(|m| m.0)
                .collect::<Vec<_>>()
                .join(","),
        }
    }

    /// Which of [`VARIABLES`] a request's component and variable name, or the status saying
    /// what is unknown.
    fn find_variable(item: &Value) -> Result<usize, &'static str> {
        let component = item.pointer("/component/name").and_then(Value::as_str);
        let variable = item.pointer("/variable/name").and_then(Value::as_str);
        if !VARIABLES.iter().any(|v| Some(v.0) == component) {
            return Err("UnknownComponent");
        }
        VARIABLES
            .iter()
            .position(|v| Some(v.0) == component && Some(v.1) == variable)
            .ok_or("UnknownVariable")
    }

    /// GetVariables: each variable's actual value, or why there is none.
    fn get_variables(&self, plan: &Plan, p: &Value) -> Value {
        let data = p["getVariableData"]
            .as_array()
            .map_or(&[][..], Vec::as_slice);
        let results: Vec<Value> = data
            .iter()
            .map(|item| {
                let mut result =
                    json!({ "component": item["component"], "variable": item["variable"] });
                if let Some(kind) = item.get("attributeType") {
                    result["attributeType"] = kind.clone();
                }
                let actual = item["attributeType"].as_str().is_none_or(|a| a == "Actual");
                match Self::find_variable(item) {
                    Err(status) => result["attributeStatus"] = json!(status),
                    Ok(_) if !actual => {
                        result["attributeStatus"] = json!("NotSupportedAttributeType")
                    }
                    Ok(i) => {
                        result["attributeStatus"] = json!("Accepted");
                        result["attributeValue"] = json!(self.variable(plan, i));
                    }
                }
                result
            })
            .collect();
        json!({ "getVariableResult": results })
    }

    /// SetVariables: the heartbeat interval and the meter sample interval (the station's
    /// `SampledDataCtrlr.TxUpdatedInterval`, 0 for none) change; the rest is refused.
    fn set_variables(&mut self, p: &Value, now: Instant) -> Value {
        let data = p["setVariableData"].as_array().cloned().unwrap_or_default();
        let results: Vec<Value> = data
            .iter()
            .map(|item| {
                let value = item["attributeValue"]
                    .as_str()
                    .and_then(|v| v.parse::<u64>().ok());
                let actual = item["attributeType"].as_str().is_none_or(|a| a == "Actual");
                let status = match (Self::find_variable(item), value) {
                    (Err(status), _) => status,
                    (Ok(_), _) if !actual => "NotSupportedAttributeType",
                    (Ok(i), Some(secs)) if VARIABLES[i].1 == "HeartbeatInterval" && secs > 0 => {
                        self.heartbeat = std::time::Duration::from_secs(secs);
                        self.next_heartbeat = Some(now + self.heartbeat);
                        "Accepted"
                    }
                    (Ok(i), Some(secs)) if VARIABLES[i].1 == "TxUpdatedInterval" => {
                        self.meter_interval =
                            (secs > 0).then(|| std::time::Duration::from_secs(secs));
                        for c in &mut self.connectors {
                            c.next_meter = self.meter_interval.map(|d| now + d);
                        }
                        "Accepted"
                    }
                    (Ok(_), _) => "Rejected",
                };
                let mut result = json!({
                    "attributeStatus": status,
                    "component": item["component"],
                    "variable": item["variable"],
                });
                if let Some(kind) = item.get("attributeType") {
                    result["attributeType"] = kind.clone();
                }
                result
            })
            .collect();
        json!({ "setVariableResult": results })
    }

    /// GetBaseReport / GetReport: `Accepted` and a NotifyReport of the variables (those named
    /// in `wanted`, when given), or `EmptyResultSet` when none matches.
    fn report(
        &mut self,
        plan: &Plan,
        p: &Value,
        wanted: Option<&Vec<Value>>,
        now: Instant,
    ) -> Value {
        let matches = |i: usize| {
            wanted.is_none_or(|wanted| {
                wanted.iter().any(|w| {
                    let component = w.pointer("/component/name").and_then(Value::as_str);
                    let variable = w.pointer("/variable/name").and_then(Value::as_str);
                    component == Some(VARIABLES[i].0)
                        && variable.is_none_or(|v| v == VARIABLES[i].1)
                })
            })
        };
        let data: Vec<Value> = (0..VARIABLES.len())
            .filter(|i| matches(*i))
            .map(|i| {
                let (component, variable, writable) = VARIABLES[i];
                let data_type = if variable == "TxUpdatedMeasurands" {
                    "MemberList"
                } else {
                    "integer"
                };
                json!({
                    "component": { "name": component },
                    "variable": { "name": variable },
                    "variableAttribute": [{
                        "type": "Actual",
                        "value": self.variable(plan, i),
                        "mutability": if writable { "ReadWrite" } else { "ReadOnly" },
                    }],
                    "variableCharacteristics": { "dataType": data_type, "supportsMonitoring": false },
                })
            })
            .collect();
        if data.is_empty() {
            return status_answer("EmptyResultSet");
        }
        let report = json!({
            "requestId": p["requestId"].as_i64().unwrap_or(0),
            "generatedAt": stamp(plan.wall(now)),
            "seqNo": 0,
            "tbc": false,
            "reportData": data,
        });
        self.push(plan, "NotifyReport", report.to_string(), now, Kind::Other);
        status_answer("Accepted")
    }

    /// UnlockConnector: unlocked, unless a transaction holds the cable or there is no such
    /// connector.
    fn unlock(&self, p: &Value) -> Value {
        let c = self.connector_with_id(&p["evseId"]);
        match c {
            Some(c) if p["connectorId"] == 1 => {
                if self.connectors[c].transaction.is_some() {
                    status_answer("OngoingAuthorizedTransaction")
                } else {
                    status_answer("Unlocked")
                }
            }
            _ => status_answer("UnknownConnector"),
        }
    }

    /// GetTransactionStatus: whether the transaction named runs, and whether TransactionEvents
    /// (of it, or of any transaction) wait to be sent.
    fn transaction_status(&self, plan: &Plan, p: &Value) -> Value {
        let waiting = |id: Option<&str>| {
            self.queue.iter().any(|out| {
                out.action == "TransactionEvent" && id.is_none_or(|id| out.payload.contains(id))
            })
        };
        match p["transactionId"].as_str() {
            Some(id) => json!({
                "messagesInQueue": waiting(Some(id)),
                "ongoingIndicator": self.connector_with_transaction(plan, id).is_some(),
            }),
            None => json!({ "messagesInQueue": waiting(None) }),
        }
    }
}

/// The answer to a command the simulated station takes without acting on it, or refuses for
/// want of what it needs; `None` for an action a CSMS does not send.
fn fixed_answer(action: &str) -> Option<Value> {
    Some(match action {
        // Authorization cache and local list, reservations, smart charging, monitoring: taken,
        // not kept.
        "ClearCache"
        | "SendLocalList"
        | "ReserveNow"
        | "CancelReservation"
        | "SetChargingProfile"
        | "ClearChargingProfile"
        | "SetMonitoringBase"
        | "SetMonitoringLevel" => status_answer("Accepted"),
        "GetLocalListVersion" => json!({ "versionNumber": 0 }),
        "GetChargingProfiles" => status_answer("NoProfiles"),
        "GetMonitoringReport" => status_answer("EmptyResultSet"),
        "ClearDisplayMessage" | "GetDisplayMessages" => status_answer("Unknown"),
        "CostUpdated" => json!({}),
        "DataTransfer" => status_answer("UnknownVendorId"),
        // No schedule, certificate store, logs, firmware, display, network profiles or
        // customer data to offer.
        "GetCompositeSchedule"
        | "CertificateSigned"
        | "InstallCertificate"
        | "GetLog"
        | "UpdateFirmware"
        | "PublishFirmware"
        | "SetNetworkProfile"
        | "SetDisplayMessage"
        | "CustomerInformation" => status_answer("Rejected"),
        "DeleteCertificate" | "GetInstalledCertificateIds" => status_answer("NotFound"),
        "UnpublishFirmware" => status_answer("NoFirmware"),
        _ => return None,
    })
}
