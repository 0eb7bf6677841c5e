#!/usr/bin/env python3
"""The benchmark suite behind BENCHMARKS.md (run it with `bench/run`).

Starts each server under test on a fresh database, drives it with `chargegate simulate` on the
same machine, checks what was stored, and prints a run's tables (as in bench/HISTORY.md). Servers: chargegate
on SQLite and on PostgreSQL, the bare tokio-tungstenite ceiling (bench/bare_server.rs) and the two
peers in bench/peers/. Every JSON report is kept under bench/results/<date>/.

Usage: bench/run [--quick] [--only a,b,c,d,e,f,g,h,i,j] [--skip-peers] [--servers chargegate,bare,...]
                 [--baseline PATH]

Scenario f (not in the default set) is the operators' console in a real browser: 20,000
stations connected, then bench/console.mjs (Chromium, headless) measures its pages (see there).
Scenario g (not in the default set either) is the drivers' app on a throttled phone network:
bench/app.mjs measures it at 360 × 740 under Lighthouse's "Fast 3G" and DevTools' "Fast 3G"
(see there), against 200 connected stations. Scenario h (not in the default set) is the
MeterValues path of running sessions: 200 stations charging in a closed loop, with `--baseline`
an earlier build (run 16: the build before metrics, alerts, the audit trail and traces; run 15:
before energy budgets), and chargegate again with a budget on every tag (never reached, checked
on every MeterValues). Scenario i (not in the default set) is OCPP 2.0.1 beside 1.6, on SQLite and
PostgreSQL in one run: (c)'s durable closed loop (200 stations, 1 connector, 5 measurands) as 1.6
MeterValues, then with every connector in a session (1.6 MeterValues with the transaction id), then
the same sessions with `--ocpp 2.0.1` (the meter values in TransactionEvent Updated,
MeterValuePeriodic), and (c)'s closed loop with `--ocpp 2.0.1` (2.0.1 MeterValues, no session);
each 2.0.1 row gives its ratio to the 1.6 rows of its database. The bar: 2.0.1 TransactionEvents
stored durably at no less than 0.9 × 1.6 MeterValues in sessions (like for like: a
TransactionEvent always belongs to a transaction, and a sample of a transaction costs more than
one without, in both versions); the ratio to the sessionless 1.6 row is printed beside it.
Scenario j (not in the default set) is meter data on disk (issue 25): (c)'s closed loop with the
journal off and on, chargegate then `--baseline` (when given), on SQLite and PostgreSQL, and
after each run the bytes per sample of the meter tables and per frame of the journal (tables
with their indexes: SQLite's dbstat, PostgreSQL's pg_total_relation_size). Run it with
`CHARGEGATE_JOURNAL_STATION_RATE=0`, so that the journal's byte budget skips no frame.

`--baseline PATH` also runs another chargegate binary (an earlier build) as the servers
`baseline` (SQLite) and `baseline-pg` (PostgreSQL), right after chargegate in every scenario, so
that a change is measured before and after in one run (driven by the same simulator).
"""

import argparse
import datetime
import gzip
import json
import os
import platform
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.path.join(os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target"), "release")
CHARGEGATE = os.path.join(TARGET, "chargegate")
BARE = os.path.join(TARGET, "examples/bare-server")
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/test"
SECRET = "bench-secret-bench-secret-bench-secret"
PEERS = ["ocpp-rpc", "python-ocpp"]
BASELINE = None  # --baseline: the binary of the `baseline` and `baseline-pg` servers


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql(sql, db="test"):
    return subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-tAc", sql],
        check=True, capture_output=True, text=True).stdout.strip()


class Server:
    """One server under test, on a fresh database, in the foreground of its own process."""

    def __init__(self, kind, workdir, journal=True, extra=()):
        self.kind, self.workdir, self.journal = kind, workdir, journal
        self.port = free_port()
        self.db = os.path.join(workdir, f"{kind}-{self.port}.sqlite")
        self.pg = None
        env = dict(os.environ, RUST_LOG="warn", CHARGEGATE_JWT_SECRET=SECRET)
        env.pop("DATABASE_URL", None)
        if kind in ("chargegate", "chargegate-pg", "baseline", "baseline-pg"):
            if kind.endswith("-pg"):
                self.pg = f"bench_{os.getpid()}_{self.port}"
                psql(f"create database {self.pg}")
                url = f"postgres://postgres@127.0.0.1:5432/{self.pg}"
            else:
                url = f"sqlite://{self.db}"
            self.database_url = url
            binary = BASELINE if kind.startswith("baseline") else CHARGEGATE
            cmd = [binary, "serve", "--listen", f"127.0.0.1:{self.port}",
                   "--database-url", url, "--journal", "on" if journal else "off", *extra]
        elif kind == "bare":
            cmd = [BARE, f"127.0.0.1:{self.port}"]
        else:
            cmd = [os.path.join(ROOT, "bench/peers", kind, "run.sh"), str(self.port), self.db]
        self.proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE,
                                     stderr=open(os.path.join(workdir, f"{kind}.log"), "ab"))
        self.wait_listening()

    def wait_listening(self):
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"{self.kind} exited with {self.proc.returncode}")
                time.sleep(0.1)
        raise RuntimeError(f"{self.kind} did not listen on {self.port}")

    @property
    def url(self):
        return f"ws://127.0.0.1:{self.port}/ocpp"

    def token(self):
        return subprocess.run(
            [CHARGEGATE, "token", "--sub", "bench", "--role", "admin", "--ttl", "2h"],
            env=dict(os.environ, CHARGEGATE_JWT_SECRET=SECRET), check=True,
            capture_output=True, text=True).stdout.strip()

    def stop(self):
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def query(self, sql):
        """Rows of `sql` on the server's database (after stop())."""
        if self.pg:
            out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", self.pg,
                                  "-At", "-F", "\t", "-c", sql],
                                 capture_output=True, text=True, check=True).stdout
            return [tuple(line.split("\t")) for line in out.splitlines() if line]
        with sqlite3.connect(self.db) as db:
            return db.execute(sql).fetchall()

    def tables(self):
        """Names of the tables."""
        if self.pg:
            sql = "select tablename from pg_tables where schemaname = 'public'"
        else:
            sql = "select name from sqlite_master where type = 'table'"
        return {row[0] for row in self.query(sql)}

    def has_column(self, table, column):
        """Whether `table` has `column`."""
        if self.pg:
            sql = ("select column_name from information_schema.columns "
                   f"where table_name = '{table}'")
            return column in {row[0] for row in self.query(sql)}
        return column in {row[1] for row in self.query(f"pragma table_info({table})")}

    def sizes(self):
        """Bytes each table takes with its indexes (after stop())."""
        if self.pg:
            rows = self.query("select relname, pg_total_relation_size(oid) from pg_class "
                              "where relkind = 'r' and relnamespace = 'public'::regnamespace")
            return {name: int(size) for name, size in rows}
        with sqlite3.connect(self.db) as db:
            db.execute("pragma wal_checkpoint(truncate)")
            tables = dict(db.execute("select name, tbl_name from sqlite_master "
                                     "where type in ('table', 'index')").fetchall())
            out = {}
            for name, size in db.execute("select name, sum(pgsize) from dbstat group by name"):
                table = tables.get(name, name)
                out[table] = out.get(table, 0) + size
            return out

    def count(self, what):
        """Rows stored, after stop(): stations booted, connector states, meter samples."""
        chargegate = self.kind.startswith(("chargegate", "baseline"))
        if what == "samples" and chargegate and "meter_readings" in self.tables():
            # The compact layout: the samples packed in each reading.
            packed = self.query("select samples from meter_readings")
            return sum(count_packed(bytes.fromhex(p[0][2:]) if isinstance(p[0], str) else p[0])
                       for p in packed)
        if what == "frames" and chargegate and self.has_column("ocpp_messages", "answer_type"):
            # Since migration 23 a row may keep its CALL's answer too.
            sql = "select count(*) + count(answer_type) from ocpp_messages"
            return int(psql(sql, self.pg)) if self.pg else self.query(sql)[0][0]
        sql = {
            "stations": "select count(*) from stations where "
                        + ("last_boot_at is not null" if chargegate else "1=1"),
            "connectors": "select count(*) from " + ("connectors" if chargegate else "connector_status"),
            "samples": "select count(*) from meter_values",
            "frames": "select count(*) from ocpp_messages",
        }[what]
        if self.kind == "bare":
            return None
        if self.pg:
            return int(psql(sql, self.pg))
        with sqlite3.connect(self.db) as db:
            return db.execute(sql).fetchone()[0]

    def cleanup(self):
        if self.pg:
            psql(f"drop database if exists {self.pg} with (force)")
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(self.db + suffix)
            except FileNotFoundError:
                pass


def count_packed(b):
    """Samples in a reading's packed `samples` (entity/src/samples.rs, version 1)."""
    def varint(i):
        n = shift = 0
        while True:
            byte = b[i]
            i += 1
            n |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return n, i
    i, n = 1, 0
    while i < len(b):
        header = b[i]
        i += 1
        for bit in range(6):
            if header & (1 << bit):
                code = b[i]
                i += 1
                if code == 0xFF:
                    length, i = varint(i)
                    i += length
        kind = header >> 6
        if kind == 0:
            _, i = varint(i)
        elif kind == 1:
            _, i = varint(i + 1)
        else:
            length, i = varint(i)
            i += length
            if kind == 3:
                i += 9 if b[i] == 1 else 1
        n += 1
    return n


def simulate(server, *args, token=False):
    cmd = [CHARGEGATE, "simulate", server.url, "--json", "--quiet",
           "--watch-pid", str(server.proc.pid), *map(str, args)]
    if token:
        cmd += ["--token", server.token()]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if not out.stdout.strip():
        raise RuntimeError(f"simulate failed ({out.returncode}): {out.stderr[-2000:]}")
    report = json.loads(out.stdout)
    report["clean"] = out.returncode == 0
    return report


def run_case(results, workdir, name, kind, sim_args, counts=(), journal=True, token=False,
             label=None, extra=(), setup=None):
    """`label`: the row's name in the results, when it is not the server's (a variant);
    `extra`: more `serve` arguments; `setup(server)`: runs before the simulator."""
    if results["_servers"] is not None and kind not in results["_servers"]:
        return None
    label = label or kind
    log(f"-- {name}: {label}")
    server = Server(kind, workdir, journal=journal, extra=extra)
    try:
        if setup:
            setup(server)
        report = simulate(server, *sim_args, token=token)
    finally:
        server.stop()
    report["stored"] = {what: server.sizes() if what == "sizes" else server.count(what)
                        for what in counts}
    server.cleanup()
    results.setdefault(name, {})[label] = report
    with open(os.path.join(results["_dir"], f"{name}-{label}.json"), "w") as f:
        json.dump(report, f, indent=2)
    log(f"   ready {report['ready_seconds']} s, {report['total']['per_second']:.0f}/s, "
        f"p99 {report['total']['latency']['p99_ms']} ms, clean {report['clean']}, "
        f"stored {report['stored']}")
    return report


def budgets(server, n, limit_wh=1e9):
    """(h): an id tag per simulated connector (`{station}-1`), each with a weekly energy budget
    far beyond what the run delivers (checked on every MeterValues, never reached)."""
    token = server.token()
    for i in range(n):
        tag = f"sim-{i:05}-1"
        for query in [
            f'mutation {{ createIdTag(input: {{idTag: "{tag}"}}) {{ idTag }} }}',
            f'mutation {{ setIdTagBudget(idTag: "{tag}", budget: {{limitWh: {limit_wh}, '
            f'period: WEEK}}) {{ idTag }} }}',
        ]:
            answer = graphql(server.port, token, query)
            if answer.get("errors"):
                raise RuntimeError(f"budget setup failed: {answer['errors']}")


# (i)'s rows per database: 1.6 and 2.0.1, outside sessions and in them.
V201_ROWS = ["1.6 MeterValues", "1.6 MeterValues in sessions",
             "2.0.1 TransactionEvent Updated in sessions", "2.0.1 MeterValues"]
# The bar of (i): 2.0.1 TransactionEvents at no less than this share of 1.6 MeterValues of a
# transaction.
V201_BAR = 0.9


def load_action(report):
    """The paced load's figures in a report: 2.0.1's TransactionEvent Updated when it ran
    (in sessions), else MeterValues (either version), else DataTransfer."""
    actions = report["actions"]
    for name in ("TransactionEvent Updated", "MeterValues", "DataTransfer"):
        a = actions.get(name)
        if a and a["timed"]:
            return name, a
    return None, None


CONSOLE_USER, CONSOLE_PASSWORD = "bench", "bench-console-passphrase"


def web_stale():
    """Whether web/dist is missing or older than one of the console's sources."""
    try:
        built = os.path.getmtime(os.path.join(ROOT, "web/dist/index.html"))
    except OSError:
        return True
    sources = [os.path.join(ROOT, p) for p in ("graphql/schema.graphql", "web/index.html",
                                                "web/package-lock.json", "web/vite.config.ts")]
    for folder in ("web/src", "web/public"):
        for base, dirs, files in os.walk(os.path.join(ROOT, folder)):
            dirs[:] = [d for d in dirs if d != "gql"]  # generated by the build itself
            sources += [os.path.join(base, f) for f in files]
    return any(os.path.getmtime(p) > built for p in sources if os.path.exists(p))


def console_size():
    """The console's JavaScript, gzipped (level 9), counted as web/tests/size.test.mjs counts it:
    every chunk reachable from web/dist/index.html through static and dynamic imports."""
    dist = os.path.join(ROOT, "web/dist")
    with open(os.path.join(dist, "index.html")) as f:
        html = f.read()
    entry = re.findall(r'(?:src|href)="/(assets/[^"]+\.js)"', html)
    queue, seen, total, raw, files = list(entry), set(), 0, 0, {}
    while queue:
        name = queue.pop()
        if name in seen:
            continue
        seen.add(name)
        with open(os.path.join(dist, name), "rb") as f:
            code = f.read()
        size = len(gzip.compress(code, 9, mtime=0))
        files[name] = size
        total += size
        raw += len(code)
        queue += ["assets/" + m.decode() for m in
                  re.findall(rb"[\"'`](?:\./|/assets/)([\w.-]+\.js)[\"'`]", code)]
    return {"files": len(seen), "gzip_bytes": total, "raw_bytes": raw,
            "entry_gzip_bytes": sum(files[e] for e in entry if e in files), "by_file": files}


def graphql(port, token, query):
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", data=json.dumps({"query": query}).encode(),
        headers={"content-type": "application/json", "authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=30) as res:
        return json.load(res)


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))


def console_case(results, workdir, quick, runs=None, hold=None):
    """(f) The console in Chromium with a fleet connected (bench/console.mjs measures)."""
    stations = 2000 if quick else 20000
    runs = runs or (3 if quick else 10)
    hold = hold or (20 if quick else 120)
    log(f"-- console: chargegate, {stations:,} stations")
    report = {"size": console_size(), "stations": stations}
    log(f"   console JavaScript {report['size']['gzip_bytes'] / 1024:.1f} KB gzipped "
        f"in {report['size']['files']} files")
    # Unknown id tags are accepted (and remembered), so that the simulated sessions start.
    server = Server("chargegate", workdir, extra=["--unknown-id-tags", "accept"])
    sims = []
    try:
        subprocess.run([CHARGEGATE, "user", "add", "--username", CONSOLE_USER, "--role", "admin",
                        "--database-url", server.database_url],
                       env=dict(os.environ, CHARGEGATE_PASSWORD=CONSOLE_PASSWORD, RUST_LOG="warn"),
                       check=True, capture_output=True)
        # `ulimit -n` is 20,000 per process here, and a process holding 20,000 sockets needs a few
        # descriptors more: 200 of the 20,000 stations register and leave (offline, as some are
        # in any fleet), the other 19,800 stay connected, from two simulators of 9,900 each
        # started one after the other (so that their handshakes stay under the server's cap per
        # source address).
        offline = stations // 100
        online = stations - offline
        simulate(server, "-n", offline, "--first-index", online, "--connectors", 2,
                 "--meter-interval", 0, "--warmup", "0s", "--duration", "0")
        token = server.token()
        start, connected, sims = time.time(), 0, []
        for first, count in [(0, online // 2), (online // 2, online - online // 2)]:
            # Every connector charges 20 minutes, then pauses 10 (the first sessions staggered
            # over those 10 minutes); MeterValues every 30 s while charging. A tag per connector
            # (accepted and remembered as unknown tags): one tag charges at one place at a time.
            sims.append(subprocess.Popen(
                [CHARGEGATE, "simulate", server.url, "--json", "-n", str(count),
                 "--first-index", str(first), "--connectors", "2",
                 "--meter-interval", "30s", "--charge-for", "20m", "--pause", "10m",
                 "--id-tag", "{station}-{connector}",
                 "--ready-timeout", "300s", "--warmup", "0s", "--duration", "3h",
                 "--watch-pid", str(server.proc.pid)],
                stdout=subprocess.PIPE,
                stderr=open(os.path.join(workdir, "console-simulate.log"), "ab")))
            while time.time() - start < 600 and sims[-1].poll() is None:
                try:
                    data = graphql(server.port, token,
                                   "{ stations(connected: true, first: 1) { totalCount } }")
                    connected = data["data"]["stations"]["totalCount"]
                except Exception as e:  # the server is busy with the storm: ask again
                    log(f"   (stations connected: {e})")
                if connected >= first + count:
                    break
                time.sleep(2)
        report["connected"] = connected
        report["connect_seconds"] = round(time.time() - start, 1)
        log(f"   {connected:,} stations connected after {report['connect_seconds']} s; "
            "30 s for the first sessions")
        time.sleep(5 if quick else 30)
        report["server_rss_mib_before"] = rss_kib(server.proc.pid) / 1024
        out = subprocess.run(
            ["node", os.path.join(ROOT, "bench/console.mjs"), "--url", f"http://127.0.0.1:{server.port}",
             "--user", CONSOLE_USER, "--password", CONSOLE_PASSWORD, "--runs", str(runs),
             "--hold", str(hold)], stdout=subprocess.PIPE, text=True)
        if out.returncode != 0 or not out.stdout.strip():
            raise RuntimeError(f"bench/console.mjs failed ({out.returncode})")
        report["browser"] = json.loads(out.stdout)
        report["server_rss_mib_after"] = rss_kib(server.proc.pid) / 1024
        with sqlite3.connect(server.db) as db:
            report["rows"] = {}
            for table in ("stations", "connectors", "transactions", "meter_values", "id_tags"):
                try:
                    report["rows"][table] = db.execute(f"select count(*) from {table}").fetchone()[0]
                except sqlite3.Error:
                    pass
    finally:
        report["simulators"] = []
        for sim in sims:
            sim.send_signal(signal.SIGINT)
        for sim in sims:
            try:
                sim_out, _ = sim.communicate(timeout=180)
                report["simulators"].append(json.loads(sim_out) if sim_out.strip() else None)
            except (subprocess.TimeoutExpired, json.JSONDecodeError):
                sim.kill()
                sim.wait()
        server.stop()
        server.cleanup()
    results["console"] = report
    with open(os.path.join(results["_dir"], "console-chargegate.json"), "w") as f:
        json.dump(report, f, indent=2)
    return report


APP_DRIVER, APP_PASSWORD, APP_TAG = "bench-driver", "bench-driver-passphrase", "BENCH-DRIVER"


def app_size():
    """The drivers' app's JavaScript, gzipped, as web/tests/size.test.mjs counts it (from
    web/dist/app.html through static and dynamic imports)."""
    dist = os.path.join(ROOT, "web/dist")
    with open(os.path.join(dist, "app.html")) as f:
        html = f.read()
    queue = re.findall(r'(?:src|href)="/(assets/[^"]+\.js)"', html)
    seen, total = set(), 0
    while queue:
        name = queue.pop()
        if name in seen:
            continue
        seen.add(name)
        with open(os.path.join(dist, name), "rb") as f:
            code = f.read()
        total += len(gzip.compress(code, 9, mtime=0))
        queue += ["assets/" + m.decode() for m in
                  re.findall(rb"[\"'`](?:\./|/assets/)([\w.-]+\.js)[\"'`]", code)]
    return {"files": len(seen), "gzip_bytes": total}


def app_case(results, workdir, quick, runs=None):
    """(g) The drivers' app in Chromium on a throttled phone network (bench/app.mjs measures)."""
    stations = 200
    runs = runs or (3 if quick else 10)
    log(f"-- app: chargegate, {stations} stations, {runs} rounds per network profile")
    report = {"size": app_size(), "stations": stations}
    server = Server("chargegate", workdir)
    sim = None
    try:
        subprocess.run([CHARGEGATE, "user", "add", "--username", APP_DRIVER, "--role", "driver",
                        "--database-url", server.database_url],
                       env=dict(os.environ, CHARGEGATE_PASSWORD=APP_PASSWORD, RUST_LOG="warn"),
                       check=True, capture_output=True)
        token = server.token()
        graphql(server.port, token,
                f'mutation {{ createIdTag(input: {{idTag: "{APP_TAG}", owner: "{APP_DRIVER}"}}) {{ idTag }} }}')
        sim = subprocess.Popen(
            [CHARGEGATE, "simulate", server.url, "--json", "-n", str(stations), "--connectors", "2",
             "--meter-interval", "0", "--warmup", "0s", "--duration", "1h",
             "--watch-pid", str(server.proc.pid)],
            stdout=subprocess.PIPE, stderr=open(os.path.join(workdir, "app-simulate.log"), "ab"))
        deadline, connected = time.time() + 120, 0
        while time.time() < deadline and connected < stations:
            data = graphql(server.port, token, "{ stations(connected: true, first: 1) { totalCount } }")
            connected = data["data"]["stations"]["totalCount"]
            time.sleep(1)
        report["connected"] = connected
        station = graphql(server.port, token, "{ stations(first: 1) { nodes { id } } }")["data"]["stations"]["nodes"][0]["id"]
        out = subprocess.run(
            ["node", os.path.join(ROOT, "bench/app.mjs"), "--url", f"http://127.0.0.1:{server.port}",
             "--user", APP_DRIVER, "--password", APP_PASSWORD, "--station", station,
             "--runs", str(runs)], stdout=subprocess.PIPE, text=True)
        if out.returncode != 0 or not out.stdout.strip():
            raise RuntimeError(f"bench/app.mjs failed ({out.returncode})")
        report["browser"] = json.loads(out.stdout)
    finally:
        if sim:
            sim.send_signal(signal.SIGINT)
            try:
                sim.communicate(timeout=120)
            except subprocess.TimeoutExpired:
                sim.kill()
                sim.wait()
        server.stop()
        server.cleanup()
    results["app"] = report
    with open(os.path.join(results["_dir"], "app-chargegate.json"), "w") as f:
        json.dump(report, f, indent=2)
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the suite")
    parser.add_argument("--only", default="a,b,c,d,e", help="scenarios to run")
    parser.add_argument("--skip-peers", action="store_true")
    parser.add_argument("--servers", help="run only these servers (comma-separated)")
    parser.add_argument("--baseline", help="an earlier chargegate binary to measure beside this one")
    parser.add_argument("--console-runs", type=int, help="(f): rounds in the browser (10)")
    parser.add_argument("--console-hold", type=int, help="(f): seconds on each page for memory (120)")
    parser.add_argument("--app-runs", type=int, help="(g): rounds per network profile (10)")
    opts = parser.parse_args()
    global BASELINE
    BASELINE = os.path.abspath(opts.baseline) if opts.baseline else None
    base = ["baseline"] if BASELINE else []
    base_pg = ["baseline-pg"] if BASELINE else []
    scenarios = set(opts.only.split(","))
    fleet = 2000 if opts.quick else 19000
    seconds = 5 if opts.quick else 20

    if scenarios & {"f", "g"} and web_stale():
        # The console's assets are embedded in the binary: built first (only when a source is
        # newer than the build, since every build rewrites them and so relinks the binary).
        log("building the console (web/dist)")
        web = os.path.join(ROOT, "web")
        if not os.path.isdir(os.path.join(web, "node_modules")):
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=web, check=True,
                           stdout=subprocess.DEVNULL)
        subprocess.run(["npm", "run", "build"], cwd=web, check=True, stdout=subprocess.DEVNULL)
    log("building the release binaries and the peers")
    bare = ["--example", "bare-server"] if scenarios - {"f", "g"} else []
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "chargegate", *bare],
                   cwd=ROOT, check=True)
    peers = [] if opts.skip_peers or not scenarios - {"f", "g"} else PEERS
    if opts.servers:
        peers = [p for p in peers if p in opts.servers.split(",")]
    for peer in peers:
        subprocess.run([os.path.join(ROOT, "bench/peers", peer, "setup.sh")], check=True,
                       stdout=subprocess.DEVNULL)

    date = datetime.date.today().isoformat()
    results = {"_dir": os.path.join(ROOT, "bench/results", date),
               "_servers": opts.servers.split(",") if opts.servers else None}
    os.makedirs(results["_dir"], exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="chargegate-bench-")
    try:
        if scenarios & {"a", "b"}:
            # (a) idle memory and (b) the reconnect storm: one run per server.
            for kind in ["chargegate", *base, "bare", *peers]:
                run_case(results, workdir, "storm", kind,
                         ["-n", fleet, "--connectors", 2, "--meter-interval", 0,
                          "--ready-timeout", "240s", "--warmup", "10s", "--duration", "5s"],
                         counts=("stations", "connectors"))
        if "c" in scenarios:
            closed = ["-n", 200, "--connectors", 1, "--closed-loop", "--measurands", 5,
                      "--warmup", "3s", "--duration", f"{seconds}s"]
            for kind in ["chargegate", *base, "chargegate-pg", *base_pg, "bare", *peers]:
                run_case(results, workdir, "meter-closed", kind, closed, counts=("samples",))
            for kind, rate in [("chargegate", 15000), *[(b, 15000) for b in base],
                               ("chargegate-pg", 10000), *[(b, 10000) for b in base_pg]]:
                run_case(results, workdir, f"meter-open-{rate}", kind,
                         ["-n", 1000, "--connectors", 1, "--rate", rate, "--measurands", 5,
                          "--warmup", "3s", "--duration", f"{seconds}s"], counts=("samples",))
            nothing = ["-n", 200, "--connectors", 1, "--closed-loop", "--message",
                       "data-transfer", "--warmup", "3s", "--duration", f"{seconds}s"]
            for kind in ["chargegate", *base]:
                run_case(results, workdir, "no-persistence", kind, nothing, journal=False)
            run_case(results, workdir, "no-persistence", "bare", nothing)
        if "d" in scenarios:
            fleet_args = ["-n", fleet, "--connectors", 2, "--meter-interval", "10s",
                          "--measurands", 5, "--ready-timeout", "240s", "--warmup", "15s",
                          "--duration", "60s" if not opts.quick else "15s"]
            for kind in ["chargegate", *base]:
                run_case(results, workdir, "fleet", kind,
                         fleet_args + ["--subscribers", 100, "--commands", 5],
                         counts=("samples",), token=True)
            # The same with each station's two connectors sampling at the same moment: the
            # second MeterValues waits for the first one's answer (one CALL at a time).
            run_case(results, workdir, "fleet", "chargegate",
                     fleet_args + ["--aligned-connectors", "--subscribers", 100, "--commands", 5],
                     counts=("samples",), token=True, label="chargegate, connectors aligned")
            for kind in ["bare", *peers]:
                run_case(results, workdir, "fleet", kind, fleet_args, counts=("samples",))
        if "e" in scenarios:
            run_case(results, workdir, "commands", "chargegate",
                     ["-n", 1000, "--meter-interval", 0, "--commands", 50,
                      "--warmup", "3s", "--duration", f"{seconds}s"], token=True)
        if "h" in scenarios:
            # (h) MeterValues of running sessions, closed loop (every sample carries its
            # transaction id): the MeterValues path with energy budgets, before and after.
            n = 200
            sessions = ["-n", n, "--connectors", 1, "--closed-loop", "--measurands", 5,
                        "--charge-for", "1h", "--pause", "1s", "--id-tag", "{station}-{connector}",
                        "--warmup", "5s", "--duration", f"{seconds}s"]
            accept = ["--unknown-id-tags", "accept"]
            for kind in ["chargegate", *base, "chargegate-pg", *base_pg]:
                run_case(results, workdir, "meter-sessions", kind, sessions, counts=("samples",),
                         extra=accept)
            for kind in ["chargegate", "chargegate-pg"]:
                run_case(results, workdir, "meter-sessions", kind, sessions, counts=("samples",),
                         extra=accept, setup=lambda server: budgets(server, n),
                         label=f"{kind}, budget on every tag")
        if "i" in scenarios:
            # (i) OCPP 2.0.1 beside 1.6: (c)'s closed loop, then in sessions, each in both versions.
            closed = ["-n", 200, "--connectors", 1, "--closed-loop", "--measurands", 5,
                      "--warmup", "3s", "--duration", f"{seconds}s"]
            # Every connector charges for the whole run (the first sessions start within a
            # second, well inside the warm-up), so the window's load is all in transactions.
            sessions = ["-n", 200, "--connectors", 1, "--closed-loop", "--measurands", 5,
                        "--charge-for", "1h", "--pause", "1s", "--id-tag", "{station}-{connector}",
                        "--warmup", "5s", "--duration", f"{seconds}s"]
            accept = ["--unknown-id-tags", "accept"]
            for kind in ["chargegate", "chargegate-pg"]:
                for label, sim_args, extra in [
                        (V201_ROWS[0], closed, ()),
                        (V201_ROWS[1], sessions, accept),
                        (V201_ROWS[2], sessions + ["--ocpp", "2.0.1"], accept),
                        (V201_ROWS[3], closed + ["--ocpp", "2.0.1"], ())]:
                    run_case(results, workdir, "ocpp-2.0.1", kind, sim_args, counts=("samples",),
                             extra=extra, label=f"{kind}, {label}")
        if "j" in scenarios:
            # (j) Meter data on disk and its write speed (issue 25): (c)'s closed loop, with the
            # journal off and on, this build beside `--baseline`, on SQLite and PostgreSQL;
            # then the bytes each sample (tables and indexes) and each journal frame take.
            closed = ["-n", 200, "--connectors", 1, "--closed-loop", "--measurands", 5,
                      "--warmup", "3s", "--duration", f"{seconds}s"]
            for kind in ["chargegate", *base, "chargegate-pg", *base_pg]:
                for journal in (False, True):
                    run_case(results, workdir, "meter-storage", kind, closed,
                             counts=("samples", "frames", "sizes"), journal=journal,
                             label=f"{kind}, journal {'on' if journal else 'off'}")
        if "f" in scenarios:
            console_case(results, workdir, opts.quick, opts.console_runs, opts.console_hold)
        if "g" in scenarios:
            app_case(results, workdir, opts.quick, opts.app_runs)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(render(results, fleet))


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, {platform.system()} {platform.release()}"


def render(results, fleet):
    """A run's tables (as bench/HISTORY.md keeps them), from this run."""
    out = [f"Run of {datetime.date.today().isoformat()} on {machine()}; "
           f"reports in {os.path.relpath(results['_dir'], ROOT)}/.", ""]

    storm = results.get("storm", {})
    if storm:
        bare = storm.get("bare", {})
        bare_kib = (bare.get("server") or {}).get("rss_kib_per_station")
        out += ["### (a) Idle stations and (b) reconnect storm", "",
                f"{fleet:,} stations × 2 connectors connecting at once; Boot + 3 StatusNotifications each.",
                "", "| Server | Ready (all accepted) | Stations stored | Connector rows | KiB per idle station | × bare | Clean |",
                "|---|---|---|---|---|---|---|"]
        for kind, r in storm.items():
            kib = (r.get("server") or {}).get("rss_kib_per_station")
            s = r["stored"]
            ready = f"{r['ready_seconds']:.2f} s" if r["ready_seconds"] else "not all"
            out.append(f"| {kind} | {ready} | {s.get('stations') or '–'} | {s.get('connectors') or '–'} | "
                       f"{kib:.1f} | {ratio(kib, bare_kib)} | {r['clean']} |" if kib is not None else
                       f"| {kind} | {ready} | – | – | – | – | {r['clean']} |")
        out.append("")

    def meter_table(name, title):
        rows = results.get(name, {})
        if not rows:
            return
        base = rows.get("bare", {}).get("total", {}).get("per_second")
        out.extend([f"### {title}", "",
                    "| Server | Messages/s | × bare | p50 | p99 | p99.9 | Acknowledged | Rows stored (≥ 5 × acknowledged) | CPU share | Clean |",
                    "|---|---|---|---|---|---|---|---|---|---|"])
        for kind, r in rows.items():
            meter = next(iter(a for n, a in r["actions"].items() if n in ("MeterValues", "DataTransfer")), None)
            rate, lat = r["total"]["per_second"], r["total"]["latency"]
            acked = meter["answered"] if meter else 0
            stored = r["stored"].get("samples")
            if stored is not None:
                stored = f"{stored:,} {'ok' if stored >= 5 * acked else 'MISSING'}"
            share = (r.get("server") or {}).get("cpu_share_of_machine")
            out.append(f"| {kind} | {rate:,.0f} | {ratio(rate, base)} | {lat['p50_ms']} ms | {lat['p99_ms']} ms | "
                       f"{lat['p999_ms']} ms | {acked:,} | {stored or '–'} | "
                       f"{share * 100:.0f} % | {r['clean']} |" if share is not None else
                       f"| {kind} | {rate:,.0f} | {ratio(rate, base)} | {lat['p50_ms']} ms | {lat['p99_ms']} ms | "
                       f"{lat['p999_ms']} ms | {acked:,} | {stored or '–'} | – | {r['clean']} |")
        out.append("")

    meter_table("meter-closed", "(c) Durable MeterValues, 5 measurands, 200 stations in a closed loop")
    meter_table("meter-open-15000", "(c) Open loop at 15,000 MeterValues/s (1,000 stations), SQLite")
    meter_table("meter-open-10000", "(c) Open loop at 10,000 MeterValues/s (1,000 stations), PostgreSQL")
    meter_table("no-persistence", "(c) Nothing to store: DataTransfer (unknown vendor), journal off, closed loop")
    meter_table("meter-sessions", "(h) MeterValues of running sessions (each with its transaction id), "
                "5 measurands, 200 stations in a closed loop; `baseline` is the `--baseline` build")

    out += render_v201(results.get("ocpp-2.0.1", {}))
    out += render_storage(results.get("meter-storage", {}))

    fleet_rows = results.get("fleet", {})
    if fleet_rows:
        base = (fleet_rows.get("bare", {}).get("server") or {}).get("cpu_share_of_machine")
        out += ["### (d) The fleet", "",
                f"{fleet:,} stations × 2 connectors, MeterValues (5 measurands) every 10 s per connector; "
                "chargegate also serves 100 GraphQL subscribers (one station each) and 5 GraphQL commands/s.",
                "", "| Server | MeterValues/s | p50 | p99 | p99.9 | CPU share of 2 cores | × bare | Subscriber p50 / p99 / p99.9 | Clean |",
                "|---|---|---|---|---|---|---|---|---|"]
        for kind, r in fleet_rows.items():
            m = r["actions"].get("MeterValues", {})
            lat = m.get("latency", {})
            share = (r.get("server") or {}).get("cpu_share_of_machine")
            sub = r["subscribers"].get("latency")
            subs = f"{sub['p50_ms']} / {sub['p99_ms']} / {sub['p999_ms']} ms" if sub else "–"
            out.append(f"| {kind} | {m.get('per_second', 0):,.0f} | {lat.get('p50_ms')} ms | {lat.get('p99_ms')} ms | "
                       f"{lat.get('p999_ms')} ms | {share * 100 if share else 0:.1f} % | {ratio(share, base)} | {subs} | {r['clean']} |")
        out.append("")

    for name, title in [("fleet", "under the fleet load"), ("commands", "1,000 idle stations")]:
        r = results.get(name, {}).get("chargegate")
        if r and "GraphQL getConfiguration" in r["actions"]:
            c = r["actions"]["GraphQL getConfiguration"]
            l = c["latency"]
            out += [f"### (e) GraphQL command round trip, {title}", "",
                    f"`getConfiguration` mutation → station → answer: {c['timed']:,} timed, "
                    f"p50 {l['p50_ms']} ms, p99 {l['p99_ms']} ms, p99.9 {l['p999_ms']} ms, "
                    f"max {l['max_ms']} ms, errors {c['call_errors']}.", ""]
    out += render_console(results.get("console"))
    out += render_app(results.get("app"))
    return "\n".join(out)


METER_TABLES = ("meter_values", "meter_latest", "meter_readings", "meter_series")


def render_storage(rows):
    """(j): bytes per sample and per journal frame, and the durable rate, journal off and on."""
    if not rows:
        return []
    out = ["### (j) Meter data on disk", "",
           "(c)'s closed loop (200 stations × 1 connector, 5 measurands per MeterValues), journal off "
           "and on. Bytes per sample: the meter tables (`" + "`, `".join(METER_TABLES) + "`, those "
           "that exist) with their indexes over the samples stored; per frame: the journal's tables "
           "with their indexes over its rows.", "",
           "| Server | Journal | MeterValues/s | × baseline | p99 | Samples | Bytes/sample | Frames | "
           "Bytes/frame | Clean |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for label, r in rows.items():
        kind, journal = label.split(", journal ")
        meter = r["actions"].get("MeterValues", {})
        rate = meter.get("per_second") or r["total"]["per_second"]
        base_kind = kind.replace("chargegate", "baseline")
        base = rows.get(f"{base_kind}, journal {journal}") if base_kind != kind else None
        base_rate = ((base or {}).get("actions", {}).get("MeterValues", {}).get("per_second")
                     if base else None)
        st = r["stored"]
        sizes = st.get("sizes") or {}
        meter_bytes = sum(v for k, v in sizes.items() if k in METER_TABLES)
        journal_bytes = sum(v for k, v in sizes.items()
                            if k.startswith(("ocpp_messages", "journal")))
        samples, frames = st.get("samples") or 0, st.get("frames") or 0
        per_sample = f"{meter_bytes / samples:.1f}" if samples else "–"
        per_frame = f"{journal_bytes / frames:.0f}" if frames and journal == "on" else "–"
        out.append(f"| {kind} | {journal} | {rate:,.0f} | {ratio(rate, base_rate)} | "
                   f"{r['total']['latency']['p99_ms']} ms | {samples:,} | {per_sample} | {frames:,} | "
                   f"{per_frame} | {r['clean']} |")
    out.append("")
    return out


def ratio(value, base):
    return f"{value / base:.2f}" if value is not None and base else "–"


def render_v201(rows):
    """(i): 2.0.1 beside 1.6, each row's load rate against its database's 1.6 rows."""
    if not rows:
        return []
    out = ["### (i) OCPP 2.0.1 beside 1.6", "",
           "200 stations × 1 connector in a closed loop, 5 measurands; \"in sessions\": every connector "
           "charging for the whole window (the 2.0.1 meter values then go in TransactionEvent Updated, "
           "triggerReason MeterValuePeriodic, seqNo counting up). Rate: the load's answers per second "
           "in the window (MeterValues, or TransactionEvent Updated).", "",
           "| Server | Load | Rate/s | × 1.6 MeterValues | × 1.6 in sessions | p50 | p99 | p99.9 | "
           "Acknowledged | Rows stored (≥ 5 × acknowledged) | CPU share | Clean |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    bars = []
    for kind in ["chargegate", "chargegate-pg"]:
        of = {label: rows.get(f"{kind}, {label}") for label in V201_ROWS}
        rate = {label: (load_action(r)[1] or {}).get("per_second") if r else None
                for label, r in of.items()}
        for label, r in of.items():
            if not r:
                continue
            name, a = load_action(r)
            a = a or {"per_second": 0, "answered": 0, "latency": r["total"]["latency"]}
            lat = a["latency"]
            stored = r["stored"].get("samples")
            if stored is not None:
                stored = f"{stored:,} {'ok' if stored >= 5 * a['answered'] else 'MISSING'}"
            share = (r.get("server") or {}).get("cpu_share_of_machine")
            ratios = ["–", "–"]
            if label.startswith("2.0.1"):
                ratios = [f"{a['per_second'] / rate[base]:.2f}" if rate[base] else "–"
                          for base in V201_ROWS[:2]]
            out.append(f"| {kind} | {label} ({name or 'none'}) | {a['per_second']:,.0f} | {ratios[0]} | "
                       f"{ratios[1]} | {lat['p50_ms']} ms | {lat['p99_ms']} ms | {lat['p999_ms']} ms | "
                       f"{a['answered']:,} | {stored or '–'} | "
                       f"{f'{share * 100:.0f} %' if share is not None else '–'} | {r['clean']} |")
        # A TransactionEvent always belongs to a transaction: it is measured against 1.6's
        # MeterValues of a transaction (like for like), and shown beside the sessionless rate.
        events, like, sessionless = (rate[V201_ROWS[2]], rate[V201_ROWS[1]], rate[V201_ROWS[0]])
        if events and like:
            ratio = events / like
            beside = f", {events / sessionless:.2f} × sessionless" if sessionless else ""
            bars.append(f"{kind}: {ratio:.2f} ({'met' if ratio >= V201_BAR else 'NOT met'}{beside})")
    out.append("")
    if bars:
        out += [f"Bar: 2.0.1 TransactionEvent Updated ≥ {V201_BAR} × 1.6 MeterValues in sessions, "
                "one run — " + "; ".join(bars) + ".", ""]
    return out


def render_console(c):
    """(f): the console's figures (milliseconds: median / p90 / max over the rounds)."""
    if not c:
        return []
    b = c.get("browser") or {}
    size = c["size"]
    ms = lambda s: (f"{s['median']} / {s['p90']} / {s['max']} ms" if s.get("n") else "–")
    out = ["### (f) The console", "",
           f"{c['stations']:,} stations, {c['connected']:,} of them connected (2 connectors, charging 20 min "
           f"in 30, MeterValues every 30 s); Chromium {b.get('chromium', '?')} headless, "
           f"{b.get('runs', 0)} rounds, each in a fresh browser context. The console's JavaScript: "
           f"**{size['gzip_bytes'] / 1024:.1f} KB** gzipped in {size['files']} files "
           f"({size['entry_gzip_bytes'] / 1024:.1f} KB loaded at first; bar 300 KB).", "",
           "| View | median / p90 / max | Bar | Met | Failed |", "|---|---|---|---|---|"]
    views = b.get("views", {})
    for key, label, bar in [
            ("login_ready", "Cold load of `/` → sign-in form interactive", 1000),
            ("sign_in", "Sign in → the overview's counts shown", None),
            ("overview_reload", "Signed in, cold cache: load of `/` → the overview's counts", 1000),
            ("stations_open", "Stations: click → first page of the table", 300),
            ("page_turn", "Stations: Next → the next page shown", 300),
            ("search", "Stations: search, Enter → the table shows the matches", 300),
            ("search_typed", "Stations: search only typed → the matches (the page's 300 ms debounce included)", None)]:
        v = views.get(key, {})
        met = "–" if bar is None or not v.get("n") else ("yes" if v["p90"] <= bar else "no")
        out.append(f"| {label} | {ms(v)} | {f'{bar} ms' if bar else '–'} | {met} | {v.get('failed', '–')} |")
    out += ["", "GraphQL as the page made it: over HTTP, Chromium's timing (request sent → first byte; "
            "and the whole request); subscriptions, `subscribe` → the first event; and the same "
            "queries replayed from Node one at a time (with `BenchFleetSummary`: `fleetSummary`, "
            "every field):", "",
            "| View: operation | Requests | Server's answer (to first byte) | Whole request | Replayed |",
            "|---|---|---|---|---|"]
    replay = b.get("replay", {})
    seen = set()
    for key, g in sorted(b.get("graphql", {}).items()):
        op = key.split(": ", 1)[1]
        seen.add(op)
        out.append(f"| {key} | {g['total']['n']} | {ms(g['wait'])} | {ms(g['total'])} | "
                   f"{ms(replay[op]) if op in replay else '–'} |")
    for op, r in sorted(replay.items()):
        if op not in seen:
            out.append(f"| (replayed only) {op} | – | – | – | {ms(r)} |")
    out += ["", "The tab's memory (renderer process of the page; JS heap from CDP), bar 200 MB:", "",
            "| Page, held | Renderer RSS at the end / max | PSS | Private (the context's renderers together) | After a forced GC: RSS / private | JS heap used at the end / max | DOM nodes | WebSocket frames received |",
            "|---|---|---|---|---|---|---|---|"]
    for name, m in (b.get("memory") or {}).items():
        f = m["final"]
        out.append(f"| {name} (`{m['path']}`), {m['seconds']} s | {f['renderer_rss_mib']} / "
                   f"{m['max_renderer_rss_mib']} MiB | {f['renderer_pss_mib']} MiB | "
                   f"{f['renderer_private_mib']} MiB ({f['context_private_mib']} MiB) | "
                   f"{(m.get('after_gc') or {}).get('renderer_rss_mib', '–')} / "
                   f"{(m.get('after_gc') or {}).get('renderer_private_mib', '–')} MiB | "
                   f"{f['js_heap_used_mib']} / {m['max_js_heap_used_mib']} MiB | {f['dom_nodes']} | "
                   f"{f['ws_frames_received']} |")
    out.append("")
    return out


def render_app(a):
    """(g): the drivers' app's figures (milliseconds: median / p90 / max over the rounds)."""
    if not a:
        return []
    b = a.get("browser") or {}
    size = b.get("size") or {}
    ms = lambda s: (f"{s['median']} / {s['p90']} / {s['max']} ms" if s.get("n") else "–")
    out = ["### (g) The drivers' app on a phone network", "",
           f"Chromium {b.get('chromium', '?')} headless at 360 × 740, {b.get('runs', 0)} rounds per "
           f"profile, each view in a fresh browser context (empty cache, no service worker; "
           f"\"again\": the same context reloaded once its service worker is active); "
           f"{a['stations']} stations ({a.get('connected', '?')} connected); the CPU not throttled. "
           f"The app's JavaScript: **{a['size']['gzip_bytes'] / 1024:.1f} KB** gzipped in "
           f"{a['size']['files']} files ({size.get('entry_gzip_bytes', 0) / 1024:.1f} KB loaded at "
           "first; bar 150 KB).", "",
           "| Profile | Sign-in form | Sign in → stations | Signed in: /app/ → stations (bytes) | Again, from the service worker | QR link → Start enabled | Bar 1.5 s met (p90) |",
           "|---|---|---|---|---|---|---|"]
    names = {"fast3g": "Lighthouse \"Fast 3G\" (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up)",
             "devtools-fast3g": "DevTools \"Fast 3G\" (562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up)",
             "none": "loopback, not throttled"}
    for profile, p in (b.get("profiles") or {}).items():
        v = p["views"]
        bytes_ = v.get("home_bytes", {})
        met = all(v.get(k, {}).get("n") and v[k]["p90"] <= 1500 for k in ("login_ready", "home_ready", "qr_ready"))
        out.append(f"| {names.get(profile, profile)} | {ms(v.get('login_ready', {}))} | {ms(v.get('sign_in', {}))} | "
                   f"{ms(v.get('home_ready', {}))} ({bytes_.get('median', 0) / 1024:.0f} KB) | "
                   f"{ms(v.get('home_repeat', {}))} | {ms(v.get('qr_ready', {}))} | {'yes' if met else 'no'} |")
    out.append("")
    return out


if __name__ == "__main__":
    main()
