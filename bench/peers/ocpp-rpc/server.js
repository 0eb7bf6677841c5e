// Benchmark peer: a minimal OCPP 1.6J central system on ocpp-rpc (RPCServer, strictMode on),
// storing durably in one SQLite file (better-sqlite3, WAL, synchronous=FULL).
// Usage: node server.js PORT DBFILE   (prints "listening on PORT" when ready; stops on SIGTERM/SIGINT)
'use strict';
const http = require('node:http');
const { RPCServer } = require('ocpp-rpc');
const Database = require('better-sqlite3');

const [port, dbFile] = [Number(process.argv[2]), process.argv[3]];
if (!port || !dbFile) {
    console.error('usage: node server.js PORT DBFILE');
    process.exit(2);
}

const db = new Database(dbFile);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`
  CREATE TABLE IF NOT EXISTS stations (
    id TEXT PRIMARY KEY, vendor TEXT, model TEXT, last_boot_at TEXT);
  CREATE TABLE IF NOT EXISTS connector_status (
    station_id TEXT NOT NULL, connector_id INTEGER NOT NULL, status TEXT, error_code TEXT,
    timestamp TEXT, PRIMARY KEY (station_id, connector_id));
  CREATE TABLE IF NOT EXISTS transactions (
    id INTEGER PRIMARY KEY AUTOINCREMENT, station_id TEXT NOT NULL, connector_id INTEGER,
    id_tag TEXT, meter_start INTEGER, started_at TEXT, meter_stop INTEGER, stopped_at TEXT);
  CREATE TABLE IF NOT EXISTS meter_values (
    station_id TEXT NOT NULL, connector_id INTEGER, transaction_id INTEGER, timestamp TEXT,
    value TEXT, measurand TEXT, unit TEXT, phase TEXT, context TEXT, location TEXT);
`);

const q = {
    boot: db.prepare(`INSERT INTO stations (id, vendor, model, last_boot_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET vendor = excluded.vendor, model = excluded.model,
        last_boot_at = excluded.last_boot_at`),
    status: db.prepare(`INSERT INTO connector_status (station_id, connector_id, status, error_code, timestamp)
        VALUES (?, ?, ?, ?, ?) ON CONFLICT (station_id, connector_id) DO UPDATE SET
        status = excluded.status, error_code = excluded.error_code, timestamp = excluded.timestamp`),
    start: db.prepare(`INSERT INTO transactions (station_id, connector_id, id_tag, meter_start, started_at)
        VALUES (?, ?, ?, ?, ?)`),
    stop: db.prepare(`UPDATE transactions SET meter_stop = ?, stopped_at = ? WHERE id = ? AND station_id = ?
        RETURNING connector_id`),
    sample: db.prepare(`INSERT INTO meter_values (station_id, connector_id, transaction_id, timestamp,
        value, measurand, unit, phase, context, location) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
};

// One row per sampledValue; called inside a transaction.
function insertMeterValues(stationId, connectorId, transactionId, meterValues = []) {
    for (const mv of meterValues) {
        for (const s of mv.sampledValue) {
            q.sample.run(stationId, connectorId, transactionId ?? null, mv.timestamp, s.value,
                s.measurand ?? null, s.unit ?? null, s.phase ?? null, s.context ?? null, s.location ?? null);
        }
    }
}
const meterValuesTx = db.transaction(insertMeterValues);
const stopTx = db.transaction((id, p) => {
    const tx = q.stop.get(p.meterStop, p.timestamp, p.transactionId, id);
    insertMeterValues(id, tx?.connector_id ?? null, p.transactionId, p.transactionData);
});

const now = () => new Date().toISOString();
const accepted = { status: 'Accepted' };

const server = new RPCServer({ protocols: ['ocpp1.6'], strictMode: true });
server.auth((accept, reject, handshake) =>
    handshake.protocols.has('ocpp1.6') ? accept() : reject(400, 'subprotocol ocpp1.6 required'));

server.on('client', (client) => {
    const id = client.identity;
    client.on('strictValidationFailure', ({ error }) => console.error(`${id}: strict validation failure: ${error.message}`));
    client.handle('BootNotification', ({ params }) => {
        q.boot.run(id, params.chargePointVendor, params.chargePointModel, now());
        return { status: 'Accepted', currentTime: now(), interval: 300 };
    });
    client.handle('Heartbeat', () => ({ currentTime: now() }));
    client.handle('StatusNotification', ({ params }) => {
        q.status.run(id, params.connectorId, params.status, params.errorCode, params.timestamp ?? now());
        return {};
    });
    client.handle('Authorize', () => ({ idTagInfo: accepted }));
    client.handle('StartTransaction', ({ params }) => {
        const r = q.start.run(id, params.connectorId, params.idTag, params.meterStart, params.timestamp);
        return { transactionId: Number(r.lastInsertRowid), idTagInfo: accepted };
    });
    client.handle('StopTransaction', ({ params }) => {
        stopTx(id, params);
        return params.idTag ? { idTagInfo: accepted } : {};
    });
    client.handle('MeterValues', ({ params }) => {
        meterValuesTx(id, params.connectorId, params.transactionId, params.meterValue);
        return {};
    });
    client.handle('DataTransfer', () => ({ status: 'UnknownVendorId' }));
});

// Our own HTTP server (instead of server.listen) only to pass a listen backlog above Node's 511.
const httpServer = http.createServer((req, res) => { res.statusCode = 404; res.end(); });
httpServer.on('upgrade', server.handleUpgrade);
httpServer.listen(port, '127.0.0.1', 4096, () => console.log(`listening on ${port}`));

let stopping = false;
async function shutdown() {
    if (stopping) return;
    stopping = true;
    httpServer.close();
    await server.close({ code: 1001, force: true });
    db.close();
    process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
