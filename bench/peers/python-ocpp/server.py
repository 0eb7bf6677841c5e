"""Benchmark peer: a minimal OCPP 1.6J central system on mobilityhouse `ocpp` (v16 ChargePoint,
schema validation on, as by default) served by `websockets`, storing durably in one SQLite file
(stdlib sqlite3, WAL, synchronous=FULL).

Usage: python server.py PORT DBFILE   (prints "listening on PORT" when ready; stops on SIGTERM/SIGINT)
"""

import asyncio
import logging
import signal
import sqlite3
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from urllib.parse import unquote, urlsplit

from ocpp.routing import on
from ocpp.v16 import ChargePoint as BaseChargePoint
from ocpp.v16 import call_result
from ocpp.v16.datatypes import IdTagInfo
from ocpp.v16.enums import Action, AuthorizationStatus, DataTransferStatus, RegistrationStatus
from websockets.asyncio.server import serve
from websockets.exceptions import ConnectionClosed

SCHEMA = """
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
"""
INSERT_SAMPLE = """INSERT INTO meter_values (station_id, connector_id, transaction_id, timestamp,
  value, measurand, unit, phase, context, location) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""


class Store:
    """One SQLite connection, used only from one worker thread so that commits (fsync) do not
    block the event loop. Each method is one transaction, committed before it returns."""

    def __init__(self, path):
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite")
        self.db = self.pool.submit(self._open, path).result()

    @staticmethod
    def _open(path):
        db = sqlite3.connect(path, check_same_thread=False)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        db.executescript(SCHEMA)
        return db

    async def run(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self.pool, fn, *args)

    def boot(self, station, vendor, model):
        with self.db:
            self.db.execute(
                """INSERT INTO stations (id, vendor, model, last_boot_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET vendor = excluded.vendor, model = excluded.model,
                last_boot_at = excluded.last_boot_at""",
                (station, vendor, model, now()),
            )

    def status(self, station, connector, status, error_code, timestamp):
        with self.db:
            self.db.execute(
                """INSERT INTO connector_status (station_id, connector_id, status, error_code, timestamp)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (station_id, connector_id) DO UPDATE SET
                status = excluded.status, error_code = excluded.error_code, timestamp = excluded.timestamp""",
                (station, connector, status, error_code, timestamp),
            )

    def start(self, station, connector, id_tag, meter_start, timestamp):
        with self.db:
            cur = self.db.execute(
                """INSERT INTO transactions (station_id, connector_id, id_tag, meter_start, started_at)
                VALUES (?, ?, ?, ?, ?)""",
                (station, connector, id_tag, meter_start, timestamp),
            )
            return cur.lastrowid

    def stop(self, station, transaction_id, meter_stop, timestamp, meter_values):
        with self.db:
            row = self.db.execute(
                """UPDATE transactions SET meter_stop = ?, stopped_at = ? WHERE id = ? AND station_id = ?
                RETURNING connector_id""",
                (meter_stop, timestamp, transaction_id, station),
            ).fetchone()
            self._samples(station, row[0] if row else None, transaction_id, meter_values)

    def meter_values(self, station, connector, transaction_id, meter_values):
        with self.db:
            self._samples(station, connector, transaction_id, meter_values)

    def _samples(self, station, connector, transaction_id, meter_values):
        # Keys are snake_case here: the ocpp library converts the payload before calling handlers.
        self.db.executemany(
            INSERT_SAMPLE,
            [
                (station, connector, transaction_id, mv["timestamp"], s["value"], s.get("measurand"),
                 s.get("unit"), s.get("phase"), s.get("context"), s.get("location"))
                for mv in meter_values or []
                for s in mv["sampled_value"]
            ],
        )

    def close(self):
        self.pool.submit(self.db.close).result()
        self.pool.shutdown()


def now():
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


ACCEPTED = IdTagInfo(status=AuthorizationStatus.accepted)


class ChargePoint(BaseChargePoint):
    def __init__(self, id, connection, store):
        super().__init__(id, connection)
        self.store = store

    @on(Action.boot_notification)
    async def on_boot_notification(self, charge_point_vendor, charge_point_model, **_):
        await self.store.run(self.store.boot, self.id, charge_point_vendor, charge_point_model)
        return call_result.BootNotification(
            current_time=now(), interval=300, status=RegistrationStatus.accepted
        )

    @on(Action.heartbeat)
    def on_heartbeat(self):
        return call_result.Heartbeat(current_time=now())

    @on(Action.status_notification)
    async def on_status_notification(self, connector_id, error_code, status, timestamp=None, **_):
        await self.store.run(self.store.status, self.id, connector_id, status, error_code, timestamp or now())
        return call_result.StatusNotification()

    @on(Action.authorize)
    def on_authorize(self, id_tag):
        return call_result.Authorize(id_tag_info=ACCEPTED)

    @on(Action.start_transaction)
    async def on_start_transaction(self, connector_id, id_tag, meter_start, timestamp, **_):
        tx_id = await self.store.run(self.store.start, self.id, connector_id, id_tag, meter_start, timestamp)
        return call_result.StartTransaction(transaction_id=tx_id, id_tag_info=ACCEPTED)

    @on(Action.stop_transaction)
    async def on_stop_transaction(self, meter_stop, timestamp, transaction_id, id_tag=None,
                                  transaction_data=None, **_):
        await self.store.run(self.store.stop, self.id, transaction_id, meter_stop, timestamp, transaction_data)
        return call_result.StopTransaction(id_tag_info=ACCEPTED if id_tag else None)

    @on(Action.meter_values)
    async def on_meter_values(self, connector_id, meter_value, transaction_id=None):
        await self.store.run(self.store.meter_values, self.id, connector_id, transaction_id, meter_value)
        return call_result.MeterValues()

    @on(Action.data_transfer)
    def on_data_transfer(self, vendor_id, **_):
        return call_result.DataTransfer(status=DataTransferStatus.unknown_vendor_id)


async def main(port, db_path):
    store = Store(db_path)

    async def on_connect(websocket):
        if websocket.subprotocol != "ocpp1.6":
            await websocket.close(1002, "subprotocol ocpp1.6 required")
            return
        station_id = unquote(urlsplit(websocket.request.path).path.rsplit("/", 1)[-1])
        try:
            await ChargePoint(station_id, websocket, store).start()
        except ConnectionClosed:
            pass

    stop = asyncio.get_running_loop().create_future()
    for sig in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set_result, None)

    # websockets' defaults are kept (pings every 20 s, compression if the client asks for it);
    # only the listen backlog is raised from asyncio's 100 so that bursts of connects are not dropped.
    async with serve(on_connect, "127.0.0.1", port, subprotocols=["ocpp1.6"], backlog=4096):
        print(f"listening on {port}", flush=True)
        await stop
    store.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python server.py PORT DBFILE")
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
