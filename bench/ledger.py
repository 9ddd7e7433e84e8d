"""One month's ledger of a busy station's year, as JSON and as the PDF report.

    .venv/bin/python bench/ledger.py [--days 365] [--runs 5]

The year (~300 events a day, ~110,000 events) is written once through the real services, a
day at a time (drawer opened, the van's parcels, pickups, sends, purchases, produce, bills,
other services, drawer closed), with synchronous=OFF while building only; it is cached in
bench/.cache/. Each figure is the p50 of several runs, beside a baseline measured in the same
run: a raw SQL sum over the same month's ledger lines.
Targets (issue 3): JSON <= 1 s, PDF <= 5 s.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from station_app.core import (drawer, monthly, parcels, people, purchases, sends,  # noqa: E402
                              shelves)
from station_app.core.clock import FixedClock  # noqa: E402
from station_app.core.errors import UserError  # noqa: E402
from station_app.core.station import open_station  # noqa: E402
from station_app.demo import (CARRIER_WEIGHTS, GIVEN, SURNAMES, _demo_money_day,  # noqa: E402
                              _demo_send, tracking_number)
from station_app.reports.ledger_docs import ledger_json, write_report_pdf  # noqa: E402

from bench.cache import cached_station, working_copy  # noqa: E402

def build_year(path: Path, days: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    start = datetime(2025, 1, 1, 8, 0).astimezone()
    clock = FixedClock(start)
    station = open_station(path, clock=clock)
    store = station.store
    with store.write("system") as tx:  # building only: measurements run with FULL
        tx.event("bench.build_started", "bench")
    store._writer.connection.driver_connection.execute("PRAGMA synchronous=OFF")
    keeper = people.create_operator(store, people.SYSTEM, "王站长", people.KEEPER, "1234")
    for code in "ABCDEF":
        shelves.add_shelf(store, keeper.id, code, 6, 40)
    villagers = [(rng.choice(SURNAMES) + rng.choice(GIVEN), f"13{i:03d}{rng.randint(0, 999999):06d}")
                 for i in range(600)]
    carriers, weights = zip(*CARRIER_WEIGHTS.items())
    counts: dict[str, int] = {k: 0 for k in ("checked_in", "purchases", "produce", "bills", "services")}
    for day in range(days):
        day_start = start + timedelta(days=day)
        clock.set(day_start)
        drawer.open_drawer(store, keeper.id, 500_000)
        for _ in range(rng.randint(80, 120)):
            clock.advance(seconds=20)
            name, phone = rng.choice(villagers)
            carrier = rng.choices(carriers, weights)[0]
            try:
                parcels.check_in(store, keeper.id, tracking_number(rng, carrier), name=name,
                                 phone=phone, carrier=carrier)
            except UserError:
                break
        for _ in range(5):
            _demo_money_day(store, keeper.id, keeper.id, rng, villagers, clock, counts)
        clock.set(day_start.replace(hour=15))
        stock = parcels.in_stock_page(store, limit=10_000)
        for p in stock:
            if rng.random() < 0.5:
                clock.advance(seconds=30)
                fee = rng.choice([0, 0, 0, 100])
                purchase = purchases.by_parcel(store, p.id)
                if purchase is not None:  # an agent purchase leaves against its balance
                    purchases.hand_over(store, keeper.id, purchase.id)
                else:
                    parcels.pickup(store, keeper.id, [p.id], fee_fen=fee, method="cash")
        for _ in range(rng.randint(5, 12)):
            clock.advance(minutes=3)
            _demo_send(store, keeper.id, rng, villagers)
        clock.set(day_start.replace(hour=18))
        for carrier in {s.carrier for s in sends.open_sends(store)}:
            sends.hand_over(store, keeper.id, carrier)
        stale = [p for p in parcels.overdue(store) if p.days_held >= 7]
        if stale:
            parcels.return_to_courier(store, keeper.id, [p.id for p in stale], "超期")
        clock.set(day_start.replace(hour=20))
        drawer.close_drawer(store, keeper.id, drawer.current(store).expected_fen)
        if day % 30 == 29:
            print(f"  day {day + 1}: {store.head()[0]:,} events", flush=True)
    station.close()


def p50(fn, runs: int) -> float:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--month", default="2025-10")
    args = ap.parse_args()
    cached = cached_station(f"ledger-{args.days}d", f"a busy station's {args.days} days",
                            lambda where: build_year(where, args.days))
    work = working_copy(cached, "bench-ledger-")
    try:
        station = open_station(work)
        store = station.store
        events = store.head()[0]
        first, nxt = monthly.check_month(args.month)
        raw = sqlite3.connect(work / "station.sqlite3")
        sql = "SELECT count(*), sum(in_fen), sum(out_fen) FROM ledger_line WHERE date >= ? AND date < ?"
        lines, _, _ = raw.execute(sql, (first, nxt)).fetchone()
        print(f"database: {events:,} journal events over {args.days} days; {args.month}: {lines:,} ledger lines")

        base = p50(lambda: raw.execute(sql, (first, nxt)).fetchone(), args.runs * 4)
        as_json = p50(lambda: ledger_json(monthly.ledger_document(store, args.month)), args.runs)
        pdf_path = work / "ledger.pdf"
        as_pdf = p50(lambda: write_report_pdf(monthly.month_report(store, args.month), pdf_path),
                     max(3, args.runs // 2))
        raw.close()
        station.close()
        print(f"\n{'measure':<40}{'p50 s':>10}{'ratio':>12}   target")
        print(f"{'baseline: raw SQL sum over the month':<40}{base:>10.4f}{1:>11.0f}x")
        print(f"{'ledger JSON (document + bytes)':<40}{as_json:>10.3f}{as_json / base:>11.0f}x   <= 1 s")
        print(f"{'ledger PDF (monthly report)':<40}{as_pdf:>10.3f}{as_pdf / base:>11.0f}x   <= 5 s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
