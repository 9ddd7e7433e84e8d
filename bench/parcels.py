"""Check-in and pickup-search latency on a station holding 200,000 parcels and their journal.

    .venv/bin/python bench/parcels.py [--parcels 200000] [--runs 1000]

History is built once (cached in bench/.cache/) by writing, for each parcel, the same journal
transaction the services write (check-in, then pickup for all but the last ~1,000), many to one
commit so building takes a minute rather than an hour. Measurements then go through the real
services with synchronous=FULL, beside baselines measured in the same run on the same file
system: a raw sqlite3 insert + commit with the same pragmas, and a raw indexed select.
Targets (issue 2): check-in p95 <= 3x its baseline; every search p95 <= 10 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from station_app.core import parcels, people, shelves  # noqa: E402
from station_app.core.clock import FixedClock, SystemClock  # noqa: E402
from station_app.core.canonical import new_id  # noqa: E402
from station_app.core.journal import Tx  # noqa: E402
from station_app.core.models import Parcel, Pickup, Villager  # noqa: E402
from station_app.core.pinyin import initials  # noqa: E402
from station_app.core.station import open_station  # noqa: E402
from station_app.db.engine import PRAGMAS  # noqa: E402
from station_app.demo import GIVEN, SURNAMES  # noqa: E402

from bench.cache import cached_station, working_copy  # noqa: E402

IN_STOCK_LEFT = 1000
SHELVES = "ABCDEFGH"


def build_history(path: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    start = SystemClock().now() - timedelta(days=700)
    clock = FixedClock(start)
    station = open_station(path, clock=clock)
    store = station.store
    keeper = people.create_operator(store, people.SYSTEM, "王站长", people.KEEPER, "1234")
    for code in SHELVES:
        shelves.add_shelf(store, keeper.id, code, 9, 100)
    villagers = []
    config = store.config  # the built-in rules: every event carries their version
    with store.engine.connect() as conn:
        # Building only (measurements use FULL); set on the driver, outside any transaction.
        conn.connection.driver_connection.execute("PRAGMA synchronous=OFF")
        seq, prev = store.head()
        seq += 1

        def append(write):
            nonlocal seq, prev
            tx = Tx(conn, seq, prev, clock.now(), keeper.id, None, config)
            write(tx)
            event = tx._append()
            seq, prev = seq + 1, event.hash

        for i in range(2000):
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN)[0] if i % 3 else "")
            phone = f"1{rng.choice('3456789')}{i:04d}{rng.randint(0, 99999):05d}"
            vid = new_id()
            villagers.append((vid, name, phone, initials(name)))
            append(lambda tx, v=(vid, name, phone): (
                tx.insert(Villager, id=v[0], name=v[1], phone=v[2], phone_last4=v[2][-4:],
                          initials=initials(v[1]), created_at=tx.now_text),
                tx.event("villager.added", v[0])))
        conn.commit()
        stock: list[tuple[str, int]] = []
        step = timedelta(days=700) / n
        for i in range(n):
            clock.advance(seconds=step.total_seconds())
            vid, name, phone, ini = rng.choice(villagers)
            number = f"78{i:012d}"
            shelf = SHELVES[i % len(SHELVES)]
            layer = 1 + (i // len(SHELVES)) % 9
            pid = new_id()
            code = f"{shelf}-{layer}-{number[-4:]}"
            append(lambda tx: (tx.insert(Parcel, id=pid, tracking_no=number, carrier="ZTO",
                                         villager_id=vid, recipient_name=name,
                                         recipient_initials=ini, recipient_phone=phone,
                                         phone_last4=phone[-4:], shelf=shelf, layer=layer,
                                         pickup_code=code, status="in_stock",
                                         checked_in_at=tx.now_text),
                               tx.event("parcel.checked_in", pid)))
            stock.append((pid, vid))
            if i < n - IN_STOCK_LEFT and len(stock) > 40:
                # Villagers collect a few days later: pick up the oldest waiting parcel.
                old_pid, old_vid = stock.pop(0)
                pick = new_id()
                append(lambda tx: (tx.insert(Pickup, id=pick, villager_id=old_vid, collected_by="本人",
                                             proxy=False, parcel_count=1, fee_fen=0, at=tx.now_text),
                                   tx.update(Parcel, old_pid, status="picked_up", pickup_id=pick,
                                             done_at=tx.now_text),
                                   tx.event("parcel.picked_up", pick)))
            if i % 5000 == 0:
                conn.commit()
        conn.commit()
    station.close()


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def timed(fn, runs: int, first: int = 0) -> list[float]:
    out = []
    for i in range(first, first + runs):
        t0 = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def raw_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in PRAGMAS:
        conn.execute(pragma)
    return conn


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--parcels", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=1000)
    args = ap.parse_args()

    cached = cached_station(f"parcels-{args.parcels}", f"{args.parcels:,} parcels of history",
                            lambda where: build_history(where, args.parcels))
    work = working_copy(cached, "bench-parcels-")
    try:
        station = open_station(work)
        store = station.store
        keeper = people.operators(store)[0]
        with store.read() as conn:
            total = conn.exec_driver_sql("SELECT count(*) FROM parcel").scalar()
            events = conn.exec_driver_sql("SELECT count(*) FROM journal").scalar()
            stock = conn.exec_driver_sql(
                "SELECT pickup_code, phone_last4, recipient_initials FROM parcel "
                "WHERE status='in_stock' ORDER BY random() LIMIT 200").all()
        print(f"database: {total:,} parcels, {events:,} journal events, {IN_STOCK_LEFT:,} on the shelf")

        villagers = people.find_villagers(store, "13", limit=500)
        rng = random.Random(1)

        def check_in(i):
            parcels.check_in(store, keeper.id, f"SF{9_000_000_000_000 + i}",
                             phone=rng.choice(villagers).phone)

        raw = raw_connection(work / "raw.sqlite3")
        raw.execute("CREATE TABLE parcel (id TEXT PRIMARY KEY, tracking_no TEXT, status TEXT, "
                    "pickup_code TEXT, checked_in_at TEXT)")

        def raw_insert(i):
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT INTO parcel VALUES (?, ?, 'in_stock', ?, ?)",
                        (new_id(), f"SF{i}", f"A-1-{i:04d}", "2026-11-22T00:00:00.000Z"))
            raw.execute("COMMIT")

        # Not a target, a reading aid: the same two rows check-in must write (the parcel with all
        # its indexes, and its journal event), raw, on a copy of this database. What check-in
        # adds above this line is the service itself: validation, villager, shelf place, hashing.
        # A copy, because a second writer on the station's own file would empty the app's page
        # cache before every round, which never happens at a counter (the app is its only writer).
        shutil.copy(work / "station.sqlite3", work / "floor.sqlite3")
        floor_db = raw_connection(work / "floor.sqlite3")
        payload = '{"rows":{"parcel":{"x":{"carrier":"SF","recipient_name":"张三"}}}}'

        def floor_write(i):
            floor_db.execute("BEGIN IMMEDIATE")
            seq = floor_db.execute("SELECT max(seq) FROM journal").fetchone()[0] + 1
            pid = new_id()
            floor_db.execute(
                "INSERT INTO parcel (id, tracking_no, carrier, villager_id, recipient_name, "
                "recipient_initials, recipient_phone, phone_last4, shelf, layer, pickup_code, status, "
                "checked_in_at) VALUES (?, ?, 'SF', NULL, '张三', 'zs', '13800000000', '0000', 'Z', 1, ?, "
                "'in_stock', '2026-11-22T00:00:00.000Z')", (pid, f"FL{i:013d}", f"Z-1-{i:05d}"))
            floor_db.execute(
                "INSERT INTO journal (seq, event_id, kind, entity_id, recorded_at, utc_offset_min, "
                "operator, payload, prev_hash, hash) VALUES (?, ?, 'parcel.checked_in', ?, "
                "'2026-11-22T00:00:00.000Z', 480, 'bench', ?, ?, ?)",
                (seq, new_id(), pid, payload * 4, "0" * 64, "1" * 64))
            floor_db.execute("COMMIT")

        # The copy's write-back would otherwise land on whichever fsyncs come first; and the
        # three run in interleaved rounds, so any drift of the disk hits them alike.
        os.sync()
        checkin, base_insert, floor = [], [], []
        rounds = 10
        for r in range(rounds):
            first, count = r * args.runs // rounds, args.runs // rounds
            checkin += timed(check_in, count, first)
            base_insert += timed(raw_insert, count, first)
            floor += timed(floor_write, count, first)
        raw.close()
        floor_db.close()

        searches = {
            "code": [r.pickup_code for r in stock],
            "phone last 4": [r.phone_last4 for r in stock],
            "pinyin initials": [r.recipient_initials[:2] for r in stock],
        }
        results = {name: timed(lambda i, q=queries: parcels.find_in_stock(store, q[i % len(q)]),
                               args.runs) for name, queries in searches.items()}
        indexed = raw_connection(work / "station.sqlite3")
        base_select = timed(lambda i: indexed.execute(
            "SELECT id, tracking_no, pickup_code FROM parcel WHERE status='in_stock' AND phone_last4=?",
            (searches["phone last 4"][i % 200],)).fetchall(), args.runs)
        indexed.close()
        station.close()

        print(f"\n{'measure':<32}{'p50 ms':>10}{'p95 ms':>10}{'p95 ratio':>12}   target")
        c50, c95 = percentiles(checkin)
        b50, b95 = percentiles(base_insert)
        print(f"{'baseline: raw insert + commit':<32}{b50:>10.2f}{b95:>10.2f}")
        f50, f95 = percentiles(floor)
        print(f"{'(floor: raw parcel + journal)':<32}{f50:>10.2f}{f95:>10.2f}{f95 / b95:>11.2f}x")
        print(f"{'check-in (service, committed)':<32}{c50:>10.2f}{c95:>10.2f}{c95 / b95:>11.2f}x   <= 3x")
        s50, s95 = percentiles(base_select)
        print(f"{'baseline: raw indexed select':<32}{s50:>10.3f}{s95:>10.3f}")
        for name, samples in results.items():
            p50, p95 = percentiles(samples)
            print(f"{'search by ' + name:<32}{p50:>10.3f}{p95:>10.3f}{p95 / s95:>11.1f}x   p95 <= 10 ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
