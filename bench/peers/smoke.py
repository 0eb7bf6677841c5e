"""Smoke test of the benchmark peers: starts each peer (its run.sh) on a fresh SQLite file, plays
one station through the Core messages checking every answer's shape, checks the stored rows, then
holds 2,000 concurrent booted connections idle for 5 s (env SMOKE_CONNECTIONS, SMOKE_HOLD), and
stops the peer with SIGTERM.

Run with the python-ocpp peer's venv (it has `websockets`), after both setup.sh:
  bench/peers/python-ocpp/.venv/bin/python bench/peers/smoke.py [ocpp-rpc] [python-ocpp]
"""

import asyncio
import itertools
import json
import os
import resource
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime

from websockets.asyncio.client import connect

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = ["ocpp-rpc", "python-ocpp"]
CONNECTIONS = int(os.environ.get("SMOKE_CONNECTIONS", 2000))
HOLD = float(os.environ.get("SMOKE_HOLD", 5))  # seconds the connections stay idle
TS = "2026-11-24T10:00:00Z"
SAMPLES = [
    {"value": "1234", "measurand": "Energy.Active.Import.Register", "unit": "Wh"},
    {"value": "7.2", "measurand": "Power.Active.Import", "unit": "kW"},
    {"value": "16.0", "measurand": "Current.Import", "unit": "A", "phase": "L1"},
    {"value": "230.1", "measurand": "Voltage", "unit": "V", "phase": "L1-N"},
    {"value": "54", "measurand": "SoC", "unit": "Percent"},
]
failures = []
passed = 0
ids = itertools.count(1)


def check(name, ok, detail=""):
    global passed
    passed += bool(ok)
    print(f"  {'ok  ' if ok else 'FAIL'} {name}{'' if ok else f': {detail}'}")
    if not ok:
        failures.append(name)


def is_time(v):
    try:
        datetime.fromisoformat(v.replace("Z", "+00:00"))
        return True
    except (AttributeError, ValueError):
        return False


async def call(ws, action, payload):
    uid = str(next(ids))
    await ws.send(json.dumps([2, uid, action, payload]))
    msg = json.loads(await asyncio.wait_for(ws.recv(), 10))
    assert msg[1] == uid, msg
    return msg


def open_station(port, station):
    # No compression or client pings: a plain station, like the load tools.
    return connect(f"ws://127.0.0.1:{port}/ocpp/{station}", subprotocols=["ocpp1.6"],
                   compression=None, ping_interval=None, open_timeout=60, max_queue=None)


async def functional(port, db_path):
    async with open_station(port, "CP-SMOKE") as ws:
        check("subprotocol ocpp1.6", ws.subprotocol == "ocpp1.6", ws.subprotocol)

        def result(name, msg, pred):
            check(name, msg[0] == 3 and pred(msg[2]), msg)
            return msg[2] if msg[0] == 3 else {}

        r = await call(ws, "BootNotification", {"chargePointVendor": "Smoke", "chargePointModel": "S1"})
        result("BootNotification", r, lambda p: p.get("status") == "Accepted" and p.get("interval") == 300
               and is_time(p.get("currentTime")) and len(p) == 3)
        r = await call(ws, "StatusNotification", {"connectorId": 1, "errorCode": "NoError",
                                                  "status": "Preparing", "timestamp": TS})
        result("StatusNotification", r, lambda p: p == {})
        r = await call(ws, "Authorize", {"idTag": "TAG1"})
        result("Authorize", r, lambda p: p == {"idTagInfo": {"status": "Accepted"}})
        r = await call(ws, "StartTransaction", {"connectorId": 1, "idTag": "TAG1", "meterStart": 1000,
                                                "timestamp": TS})
        p = result("StartTransaction", r, lambda p: type(p.get("transactionId")) is int
                   and p.get("idTagInfo") == {"status": "Accepted"})
        tx = p.get("transactionId")
        r = await call(ws, "MeterValues", {"connectorId": 1, "transactionId": tx,
                                           "meterValue": [{"timestamp": TS, "sampledValue": SAMPLES}]})
        result("MeterValues (5 sampledValues)", r, lambda p: p == {})
        r = await call(ws, "StopTransaction", {"transactionId": tx, "idTag": "TAG1", "meterStop": 1234,
                                               "timestamp": "2026-11-24T10:30:00Z", "reason": "Local"})
        result("StopTransaction with idTag", r, lambda p: p == {"idTagInfo": {"status": "Accepted"}})
        r = await call(ws, "StartTransaction", {"connectorId": 1, "idTag": "TAG1", "meterStart": 1234,
                                                "timestamp": TS})
        p = result("second StartTransaction: new id", r, lambda p: p.get("transactionId") not in (None, tx))
        r = await call(ws, "StopTransaction", {"transactionId": p.get("transactionId"), "meterStop": 1300,
                                               "timestamp": "2026-11-24T10:40:00Z"})
        result("StopTransaction without idTag", r, lambda p: p == {})
        r = await call(ws, "Heartbeat", {})
        result("Heartbeat", r, lambda p: is_time(p.get("currentTime")) and len(p) == 1)
        r = await call(ws, "DataTransfer", {"vendorId": "com.example"})
        result("DataTransfer", r, lambda p: p == {"status": "UnknownVendorId"})
        r = await call(ws, "BootNotification", {"chargePointVendor": "Smoke"})
        check("invalid BootNotification -> CALLERROR (validation on)", r[0] == 4, r)
        print(f"    (error code: {r[2] if r[0] == 4 else '-'})")

    db = sqlite3.connect(db_path)
    q = lambda sql, *a: db.execute(sql, a).fetchall()
    check("journal_mode wal", q("PRAGMA journal_mode") == [("wal",)])
    check("stations row", q("SELECT vendor, model FROM stations WHERE id='CP-SMOKE'") == [("Smoke", "S1")],
          q("SELECT * FROM stations"))
    check("connector_status row", q("SELECT status, error_code FROM connector_status WHERE station_id='CP-SMOKE'")
          == [("Preparing", "NoError")], q("SELECT * FROM connector_status"))
    check("transactions rows", q("SELECT connector_id, id_tag, meter_start, meter_stop FROM transactions "
                                 "WHERE station_id='CP-SMOKE' ORDER BY id")
          == [(1, "TAG1", 1000, 1234), (1, "TAG1", 1234, 1300)], q("SELECT * FROM transactions"))
    rows = q("SELECT transaction_id, timestamp, value, measurand, unit, phase FROM meter_values "
             "WHERE station_id='CP-SMOKE' ORDER BY rowid")
    want = [(tx, TS, s["value"], s["measurand"], s["unit"], s.get("phase")) for s in SAMPLES]
    check("5 meter_values rows", rows == want, rows)
    db.close()


async def concurrent(port, pid):
    sem = asyncio.Semaphore(256)  # handshakes in flight at once
    t0 = time.monotonic()

    async def one(i):
        async with sem:
            ws = await open_station(port, f"CP-{i:05d}")
            r = await call(ws, "BootNotification", {"chargePointVendor": "Smoke", "chargePointModel": "S1"})
            assert r[0] == 3 and r[2]["status"] == "Accepted", r
            return ws

    results = await asyncio.gather(*(one(i) for i in range(CONNECTIONS)), return_exceptions=True)
    socks = [r for r in results if not isinstance(r, BaseException)]
    errors = [r for r in results if isinstance(r, BaseException)]
    elapsed = time.monotonic() - t0
    check(f"{CONNECTIONS} connections booted", not errors, f"{len(errors)} failed, first: {errors[:1]!r}")
    print(f"    connect + boot of {len(socks)}: {elapsed:.1f} s; server RSS {rss_kib(pid)} KiB")
    await asyncio.sleep(HOLD)
    print(f"    after {HOLD:g} s idle: server RSS {rss_kib(pid)} KiB")
    alive = sum(1 for ws in socks if ws.state.name == "OPEN")
    hb = await asyncio.gather(*(call(ws, "Heartbeat", {}) for ws in socks), return_exceptions=True)
    ok = sum(1 for r in hb if not isinstance(r, BaseException) and r[0] == 3)
    check(f"all open after {HOLD:g} s and answering Heartbeat", alive == ok == CONNECTIONS,
          f"open={alive} answered={ok}")
    await asyncio.gather(*(ws.close() for ws in socks), return_exceptions=True)


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def smoke(peer):
    port = free_port()
    print(f"== {peer} (port {port})")
    with tempfile.TemporaryDirectory() as tmp:
        db_path = os.path.join(tmp, "peer.db")
        proc = subprocess.Popen([os.path.join(HERE, peer, "run.sh"), str(port), db_path],
                                stdout=subprocess.PIPE, text=True)
        try:
            line = await asyncio.wait_for(asyncio.to_thread(proc.stdout.readline), 30)
            check("prints 'listening on PORT'", line.strip() == f"listening on {port}", line)
            if proc.poll() is not None or line.strip() != f"listening on {port}":
                return
            await functional(port, db_path)
            await concurrent(port, proc.pid)
            t0 = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(30)
            check("exits cleanly on SIGTERM", code == 0, f"exit code {code}")
            print(f"    stopped in {time.monotonic() - t0:.2f} s")
            db = sqlite3.connect(db_path)
            n = db.execute("SELECT count(*) FROM stations").fetchone()[0]
            check(f"{CONNECTIONS + 1} stations stored", n == CONNECTIONS + 1, n)
            db.close()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def main():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    for peer in sys.argv[1:] or PEERS:
        asyncio.run(smoke(peer))
    if failures:
        print(f"failed: {', '.join(failures)}")
    print(f"{passed} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
