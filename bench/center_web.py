"""The county workspace's pages on PostgreSQL, for a county of many stations with a year of
records each: the stations page, a station's page and a month's ledger page, fetched over HTTP
from a real center process as a signed-in officer.

    .venv/bin/python bench/center_web.py [--stations 300] [--days 365] [--runs 40]

The county is bulk-loaded: one demo station's year is imported through the center's own path
(a USB bundle), then copied under new station ids in SQL (the issue allows this). Figures: p50
and p95 in ms of each page, beside a baseline measured in the same run: the raw SQL each page
needs (the same statements, through the driver, no rendering). Target (issue 21): every page
p95 <= 200 ms. The demo station is built once through the real services, cached in bench/.cache/.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.cache import cached_station, working_copy  # noqa: E402
from station_app.core.station import open_station  # noqa: E402
from sync import client  # noqa: E402
from sync.center import schema  # noqa: E402
from sync.center.bundles import import_bundle  # noqa: E402
from sync.center.storage import open_center  # noqa: E402
from sync.center.web import accounts  # noqa: E402
from tests.centers import CenterProcess, PostgresCluster, new_center  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MONTH = "2026-11"
PASSWORD = "a-long-password-1"
TOWNSHIPS = ("城关镇", "北塬乡", "河湾镇", "南山乡", "东川镇", "西坪乡")


def build_demo(days: int):
    def build(where: Path) -> None:
        subprocess.run([sys.executable, "-m", "station_app", "--data-dir", str(where), "demo",
                        "--days", str(days), "--seed", "5", "--until", "2026-11-30"],
                       cwd=ROOT, check=True, capture_output=True)
    return build


def load_county(url: str, cached: Path, stations: int) -> list[str]:
    """The first station through a bundle, the rest copied in SQL; their ids."""
    from sqlalchemy import text

    db = open_center(url)
    first = "bench-000"
    work = working_copy(cached, "bench-web-")
    station = open_station(work)
    code = db.add_station(first, "站 000", "村 000", TOWNSHIPS[0])
    import_bundle(db, client.export_bundle(station.store, first, code)[0])
    station.close()
    ids = [first] + [f"bench-{n:03d}" for n in range(1, stations)]
    events = ", ".join(c.name for c in schema.event.columns if c.name != "station_id")
    entries = ", ".join(c.name for c in schema.ledger_entry.columns if c.name != "station_id")
    now = db.now()
    rng = random.Random(7)
    with db.engine.begin() as conn:
        for n, sid in enumerate(ids[1:], start=1):
            conn.execute(text(
                "INSERT INTO station (station_id, name, village, township, public_key, status, "
                "created_at, enrolled_at, hw_seq, hw_hash, last_seen_at, reported_head, "
                "config_version) SELECT :sid, :name, :village, :township, public_key, status, "
                "created_at, enrolled_at, hw_seq, hw_hash, :seen, reported_head, config_version "
                "FROM station WHERE station_id = :src"),
                {"sid": sid, "name": f"站 {n:03d}", "village": f"村 {n:03d}",
                 "township": TOWNSHIPS[n % len(TOWNSHIPS)], "src": first,
                 "seen": now if rng.random() < 0.8 else "2026-11-20T02:00:00.000Z"})
            conn.execute(text(f"INSERT INTO event (station_id, {events}) SELECT :sid, {events} "
                              "FROM event WHERE station_id = :src"), {"sid": sid, "src": first})
            conn.execute(text(f"INSERT INTO ledger_entry (station_id, {entries}) SELECT :sid, "
                              f"{entries} FROM ledger_entry WHERE station_id = :src"),
                         {"sid": sid, "src": first})
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    accounts.add_user(db, "bench", "viewer", PASSWORD)
    db.close()
    return ids


def timed(fetch, runs: int) -> list[float]:
    fetch()  # the first, with cold caches, is not a figure
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fetch()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]


def raw_queries(url: str):
    """The statements each page runs, straight through the driver."""
    from sqlalchemy import select

    from station_app.core.monthly import ENTRY_FIELDS, check_month, month_window_utc
    from sync.center.web import views

    db = open_center(url)

    def stations_sql():
        flags = (select(schema.flag.c.station_id).group_by(schema.flag.c.station_id).subquery())
        with db.read() as conn:
            conn.execute(select(schema.station).outerjoin(
                flags, flags.c.station_id == schema.station.c.station_id)).all()

    def station_sql(sid):
        views.station_detail(db, sid)  # its three selects and one station row

    def ledger_sql(sid):
        first, nxt = check_month(MONTH)
        lo, hi = month_window_utc(MONTH)
        le, ev = schema.ledger_entry, schema.event
        with db.read() as conn:
            conn.execute(select(*(le.c[f] for f in ENTRY_FIELDS)).where(
                le.c.station_id == sid, le.c.date >= first, le.c.date < nxt)
                .order_by(le.c.seq, le.c.line_id)).all()
            conn.execute(select(ev.c.kind, ev.c.recorded_at, ev.c.utc_offset_min).where(
                ev.c.station_id == sid, ev.c.recorded_at >= lo, ev.c.recorded_at < hi)).all()
    return db, stations_sql, station_sql, ledger_sql


def main() -> None:
    import requests

    ap = argparse.ArgumentParser()
    ap.add_argument("--stations", type=int, default=300)
    ap.add_argument("--days", type=int, default=365, help="each station's history")
    ap.add_argument("--runs", type=int, default=40)
    args = ap.parse_args()
    cached = cached_station(f"demo-{args.days}d", f"a demo station's {args.days} days",
                            build_demo(args.days))
    cluster = PostgresCluster().start()
    try:
        url = new_center(cluster.new_database())
        t0 = time.perf_counter()
        ids = load_county(url, cached, args.stations)
        db, stations_sql, station_sql, ledger_sql = raw_queries(url)
        held = db.station(ids[0]).hw_seq
        print(f"county: {len(ids)} stations × {held:,} events = {len(ids) * held:,} events "
              f"(loaded in {time.perf_counter() - t0:.0f} s)")
        center = CenterProcess(url).start()
        try:
            web = requests.Session()
            web.post(center.url + "/login", data={"username": "bench", "password": PASSWORD},
                     timeout=30).raise_for_status()
            rng = random.Random(1)

            def page(path_of):
                def fetch():
                    answer = web.get(center.url + path_of(rng.choice(ids)), timeout=30)
                    answer.raise_for_status()
                return fetch

            cases = [
                ("stations page", page(lambda _s: "/stations"), stations_sql),
                ("a station's page", page(lambda s: f"/stations/{s}"),
                 lambda: station_sql(rng.choice(ids))),
                (f"a month's ledger ({MONTH})", page(lambda s: f"/stations/{s}/ledger/{MONTH}"),
                 lambda: ledger_sql(rng.choice(ids))),
            ]
            print(f"\n{'page':<28}{'p50 ms':>9}{'p95 ms':>9}{'raw p50':>9}{'raw p95':>9}"
                  f"{'p95/raw':>9}")
            for label, fetch, raw in cases:
                times, base = timed(fetch, args.runs), timed(raw, args.runs)
                print(f"{label:<28}{statistics.median(times):>9.1f}{p95(times):>9.1f}"
                      f"{statistics.median(base):>9.1f}{p95(base):>9.1f}"
                      f"{p95(times) / p95(base):>8.1f}×", flush=True)
            print("\ntarget: every page p95 <= 200 ms")
        finally:
            center.stop()
            db.close()
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
