#!/usr/bin/env python3
"""Times migration 19 (the compact meter layout) on a database filled by the previous version.

Creates a database with `--old` (a chargegate binary from before migration 19: its schema, up
to migration 18), fills `meter_values` with `--samples` samples (200 stations x 2 connectors,
5 measurands per reading, one reading a minute, in transactions), then runs `--new`'s
`migrate` and reports its time per million samples and the meter tables' bytes before and
after. SQLite and/or PostgreSQL (127.0.0.1:5432, database created and dropped here).

    bench/migrate_meter.py --old OLD --new NEW [--samples 1000000] [--backends sqlite,pg]
"""

import argparse
import os
import sqlite3
import subprocess
import tempfile
import time

MEASURANDS = [("Energy.Active.Import.Register", "Wh"), ("Power.Active.Import", "W"),
              ("Current.Import", "A"), ("Voltage", "V"), ("SoC", "Percent")]
STATIONS, CONNECTORS = 200, 2


def psql(sql, db="test"):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-At", "-c", sql],
                          capture_output=True, text=True, check=True).stdout.strip()


def migrate(binary, url):
    env = dict(os.environ, RUST_LOG="warn")
    start = time.monotonic()
    subprocess.run([binary, "migrate", "--database-url", url], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    return time.monotonic() - start


def rows(samples):
    """The previous version's rows: (station, connector, tx, time, value, measurand, unit)."""
    readings = samples // len(MEASURANDS)
    series = STATIONS * CONNECTORS
    for r in range(readings):
        s = r % series
        minute = r // series
        station, connector = f"CP-{s // CONNECTORS:05}", 1 + s % CONNECTORS
        tx = 1 + s + series * (minute // 120)
        t = f"2026-01-01 {minute // 60 % 24:02}:{minute % 60:02}:00+00:00"
        day = minute // 1440
        if day:
            t = f"2026-{1 + day // 28 % 12:02}-{1 + day % 28:02} {t[11:]}"
        for i, (m, unit) in enumerate(MEASURANDS):
            value = str(1000 * minute + s) if i == 0 else f"{(minute * 7 + i) % 400}.{i}"
            yield station, connector, tx, t, value, m, unit


def sqlite_sizes(path):
    with sqlite3.connect(path) as db:
        tables = dict(db.execute("select name, tbl_name from sqlite_master "
                                 "where type in ('table', 'index')").fetchall())
        out = {}
        for name, size in db.execute("select name, sum(pgsize) from dbstat group by name"):
            t = tables.get(name, name)
            out[t] = out.get(t, 0) + size
    return {k: v for k, v in out.items() if k.startswith("meter_")}


def pg_sizes(db):
    out = psql("select relname, pg_total_relation_size(oid) from pg_class where relkind = 'r' "
               "and relname like 'meter_%'", db)
    return {line.split("|")[0]: int(line.split("|")[1]) for line in out.splitlines() if line}


def run_sqlite(opts, workdir):
    path = os.path.join(workdir, "migrate.sqlite")
    url = f"sqlite://{path}"
    migrate(opts.old, url)
    with sqlite3.connect(path) as db:
        db.executemany(
            "insert into meter_values (station_id, connector_id, transaction_id, "
            "reported_transaction_id, source, timestamp, value, numeric_value, context, format, "
            "measurand, phase, location, unit, received_at) values "
            "(?, ?, ?, ?, 'MeterValues', ?, ?, ?, 'Sample.Periodic', 'Raw', ?, NULL, 'Outlet', ?, ?)",
            ((st, c, tx, tx, t, v, float(v), m, u, t) for st, c, tx, t, v, m, u in rows(opts.samples)))
    before = sqlite_sizes(path)
    seconds = migrate(opts.new, url)
    return seconds, before, sqlite_sizes(path)


def run_pg(opts):
    name = f"bench_migrate_{os.getpid()}"
    psql(f"create database {name}")
    try:
        url = f"postgres://postgres@127.0.0.1:5432/{name}"
        migrate(opts.old, url)
        readings = opts.samples // len(MEASURANDS)
        series = STATIONS * CONNECTORS
        psql(f"""insert into meter_values (station_id, connector_id, transaction_id,
            reported_transaction_id, source, timestamp, value, numeric_value, context, format,
            measurand, phase, location, unit, received_at)
            select 'CP-' || lpad(((r % {series}) / {CONNECTORS})::text, 5, '0'),
                   1 + (r % {series}) % {CONNECTORS},
                   1 + r % {series} + {series} * ((r / {series}) / 120),
                   1 + r % {series} + {series} * ((r / {series}) / 120),
                   'MeterValues', t, v, v::float8, 'Sample.Periodic', 'Raw', m.name, NULL,
                   'Outlet', m.unit, t
            from generate_series(0, {readings - 1}) as r
            cross join lateral (select timestamptz '2026-01-01' + (r / {series}) * interval '1 minute' as t) as tt
            cross join (values (0, 'Energy.Active.Import.Register', 'Wh'), (1, 'Power.Active.Import', 'W'),
                               (2, 'Current.Import', 'A'), (3, 'Voltage', 'V'), (4, 'SoC', 'Percent'))
                       as m(i, name, unit)
            cross join lateral (select case m.i when 0 then (1000 * (r / {series}) + r % {series})::text
                                else (((r / {series}) * 7 + m.i) % 400)::text || '.' || m.i end as v) as vv
            order by r, m.i""", name)
        psql("vacuum analyze meter_values", name)
        before = pg_sizes(name)
        seconds = migrate(opts.new, url)
        psql("vacuum analyze", name)
        return seconds, before, pg_sizes(name)
    finally:
        psql(f"drop database if exists {name} with (force)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", required=True, help="a chargegate binary before migration 19")
    parser.add_argument("--new", required=True, help="a chargegate binary with migration 19")
    parser.add_argument("--samples", type=int, default=1_000_000)
    parser.add_argument("--backends", default="sqlite,pg")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        for backend in opts.backends.split(","):
            seconds, before, after = (run_sqlite(opts, workdir) if backend == "sqlite"
                                      else run_pg(opts))
            millions = opts.samples / 1e6
            print(f"{backend}: {opts.samples:,} samples migrated in {seconds:.1f} s "
                  f"({seconds / millions:.1f} s per million); meter tables "
                  f"{sum(before.values()) / opts.samples:.1f} -> {sum(after.values()) / opts.samples:.1f} "
                  f"bytes per sample ({before} -> {after})")


if __name__ == "__main__":
    main()
