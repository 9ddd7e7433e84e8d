"""Sync end to end on loopback, on SQLite and PostgreSQL: one busy station's year (~117,000
events) through the real uploader to a real center process, then 50 stations of ~2,000 events
each uploading at once.

    .venv/bin/python bench/sync.py [--backends sqlite,postgresql] [--stations 50]

Figures: events per second from the first request to the last ack, and batch bytes on the wire
per event; beside a baseline measured in the same run on the same database: the same event rows
inserted raw (driver executemany, one transaction) into a copy of the center's event table,
the median of four such inserts, two just before the upload and two just after it. The run
also checks that the center ends up holding exactly the stations' events.
Targets: PostgreSQL end to end >= 5,000 events/s, one station and 50 at once (issue 20, the
one plain storing path); <= 80 bytes per event (issue 4).
The stations are built once through the real services and cached in bench/.cache/.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.cache import cached_station, working_copy  # noqa: E402
from bench.ledger import build_year  # noqa: E402
from station_app.core import runtime  # noqa: E402
from station_app.core.people import SYSTEM  # noqa: E402
from station_app.core.station import open_station  # noqa: E402
from sync import client  # noqa: E402
from sync.center import schema  # noqa: E402
from sync.center.storage import open_center  # noqa: E402
from tests.centers import CenterProcess, PostgresCluster, new_center  # noqa: E402

COLUMNS = tuple(c.name for c in schema.event.columns)


def station_ids(stations: list) -> list[str]:
    return [f"bench-{n:03d}" for n in range(len(stations))]


def enroll(stations: list, center_url: str, db) -> None:
    for n, (station, station_id) in enumerate(zip(stations, station_ids(stations))):
        code = db.add_station(station_id, f"站 {n}")
        client.enroll(station.store, center_url, station_id, code, SYSTEM)


def upload(stations: list) -> tuple[float, int, int]:
    """Time the enrolled stations' uploads running at once: (s, events, bytes)."""
    totals = {"events": 0, "bytes": 0}
    lock = threading.Lock()

    def run(station):
        uploader = client.Uploader(station.store)
        while True:
            try:
                result = uploader.round()
            except client.Retry:
                continue
            with lock:
                totals["events"] += result.sent_events
                totals["bytes"] += result.bytes_sent
            if result.pending == 0:
                return

    threads = [threading.Thread(target=run, args=(s,)) for s in stations]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0, totals["events"], totals["bytes"]


def journal_rows(stations: list) -> list[tuple]:
    """The center's event rows for the stations' journals (all but received_at), read from the
    journals: the baseline can then run before the upload as well as after it."""
    rows = []
    for station, station_id in zip(stations, station_ids(stations)):
        with station.store.read() as conn:
            rows += [(station_id, *r) for r in conn.connection.driver_connection.execute(
                f"SELECT {', '.join(COLUMNS[1:-1])} FROM journal ORDER BY seq")]
    return rows


def check_arrived(db, rows: list[tuple]) -> None:
    """The center holds exactly the journals' events: a fast upload that lost one is no figure."""
    from sqlalchemy import text

    with db.engine.connect() as conn:
        held = [tuple(r) for r in conn.execute(text(
            f"SELECT {', '.join(COLUMNS[:-1])} FROM event ORDER BY station_id, seq"))]
    if held != rows:
        raise SystemExit("the center does not hold exactly the stations' events")


def raw_inserts(db, rows: list[tuple], runs: int) -> list[float]:
    """Seconds for each of ``runs`` raw inserts of ``rows`` (with a received_at) into an
    empty copy of the center's event table, in one transaction."""
    from sqlalchemy import text

    rows = [(*r, "2026-01-01T00:00:00.000Z") for r in rows]
    with db.engine.connect() as conn:
        driver = conn.connection.driver_connection
        marks = ", ".join(["?" if db.dialect == "sqlite" else "%s"] * len(COLUMNS))
        sql = f"INSERT INTO event_baseline ({', '.join(COLUMNS)}) VALUES ({marks})"
        times = []
        for _ in range(runs):
            conn.execute(text("DROP TABLE IF EXISTS event_baseline"))
            if db.dialect == "sqlite":
                conn.execute(text("CREATE TABLE event_baseline AS SELECT * FROM event WHERE 0"))
                conn.execute(text("CREATE UNIQUE INDEX ix_eb ON event_baseline (station_id, seq)"))
            else:
                conn.execute(text("CREATE TABLE event_baseline (LIKE event INCLUDING ALL)"))
            conn.commit()
            t0 = time.perf_counter()
            cursor = driver.cursor()
            if db.dialect == "sqlite":
                driver.execute("BEGIN IMMEDIATE")
            cursor.executemany(sql, rows)
            driver.commit()
            times.append(time.perf_counter() - t0)
        conn.execute(text("DROP TABLE event_baseline"))
        conn.commit()
    return times


def measure(label: str, db_url: str, cached: Path, copies: int) -> None:
    works = [working_copy(cached, "bench-sync-") for _ in range(copies)]
    stations = [open_station(w) for w in works]
    center = CenterProcess(new_center(db_url)).start()
    db = open_center(db_url)
    runtime.tune()  # as `station-app sync` does before it reads the journal
    try:
        enroll(stations, center.url, db)
        rows = journal_rows(stations)  # enrolling wrote an event
        # This machine's speed wanders over tens of seconds: baselines on both sides of the
        # upload, so a change of pace during it does not land on one side of the ratio.
        before = raw_inserts(db, rows, 2)
        elapsed, events, sent = upload(stations)
        check_arrived(db, rows)
        base = statistics.median(before + raw_inserts(db, rows, 2))
        rate, base_rate = events / elapsed, events / base
        print(f"{label:<34}{events:>9,}{rate:>11,.0f}{base_rate:>11,.0f}"
              f"{rate / base_rate:>9.1%}{sent / events:>10.1f}", flush=True)
    finally:
        db.close()
        center.stop()
        for s in stations:
            s.close()
        for w in works:
            shutil.rmtree(w, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--stations", type=int, default=50)
    ap.add_argument("--days", type=int, default=365, help="the big station's history")
    args = ap.parse_args()
    year = cached_station(f"ledger-{args.days}d", f"a busy station's {args.days} days",
                          lambda where: build_year(where, args.days))
    week = cached_station("ledger-7d", "a busy station's week (~2,000 events)",
                          lambda where: build_year(where, 7))
    cluster = PostgresCluster().start() if "postgresql" in args.backends else None
    tmp = Path(tempfile.mkdtemp(prefix="bench-sync-center-"))
    try:
        print(f"\n{'run':<34}{'events':>9}{'ev/s e2e':>11}{'ev/s raw':>11}{'e2e/raw':>9}"
              f"{'B/event':>10}")
        for backend in args.backends.split(","):
            for label, cached, copies in ((f"{backend}: 1 station, {args.days} days", year, 1),
                                          (f"{backend}: {args.stations} stations at once", week,
                                           args.stations)):
                url = (cluster.new_database() if backend == "postgresql"
                       else str(tmp / f"{len(list(tmp.iterdir()))}.sqlite3"))
                measure(label, url, cached, copies)
        print("\ntargets: PostgreSQL ev/s e2e >= 5,000; B/event (gzip'd batch bytes) <= 80")
    finally:
        if cluster:
            cluster.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
