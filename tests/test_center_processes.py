"""The center as several processes on one PostgreSQL database (issue 20): three `county-center
serve` processes behind a round-robin loopback proxy, a dozen stations syncing at once, the
duplicate storm beside them, and one process SIGKILLed and started again mid-run. The database
alone keeps order and uniqueness: every ledger equals its station's, nothing is held twice,
nothing stalls, and no answer is a 500. Also `serve --workers N`, and SQLite refusing it."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
import requests

from station_app.core import drawer, people
from station_app.core.people import SYSTEM
from station_app.core.station import open_station
from sync import client, protocol
from tests.centers import ROOT, CenterProcess
from tests.faultproxy import FaultProxy
from tests.sync_helpers import activity, assert_in_step, enroll, sync_until_done
from tests.xsession import wait_for

STATIONS = 12
STORM_STATIONS = 2


def _station(tmp_path, n: int):
    station = open_station(tmp_path / f"s{n}")
    keeper = people.create_operator(station.store, SYSTEM, f"站长{n}", people.KEEPER, "1234")
    drawer.open_drawer(station.store, keeper.id, 20000)
    return station, keeper


def _post_until_answered(url: str, body: bytes, sign) -> int:
    """A copy's status; a connection the killed process dropped is tried again, as the
    station's uploader does (signing each try afresh, as it does)."""
    for _attempt in range(10):
        try:
            return requests.post(url, data=body, headers=sign(), timeout=60).status_code
        except requests.ConnectionError:
            continue
    raise AssertionError("no center process answered")


def _storm(url: str, station_id: str, store, size: int = 50, copies: int = 6) -> list[int]:
    """Each batch of the station POSTed ``copies`` times at once (a client retrying after
    timeouts), each copy on its own connection, so on different processes; the statuses."""
    from concurrent.futures import ThreadPoolExecutor

    from station_app.core.signing import private_key

    events, key, statuses = [e.as_json() for e in store.events()], private_key(store), []
    path = protocol.batch_path(station_id)
    with ThreadPoolExecutor(copies) as pool:
        for start in range(0, len(events) - size + 1, size):
            body = protocol.encode_batch(station_id, events[start:start + size])
            sign = (lambda b=body: protocol.sign_request(key, station_id, "POST", path, b))
            statuses += pool.map(lambda _n: _post_until_answered(url + path, body, sign),
                                 range(copies))
    return statuses


def test_three_center_processes_keep_every_ledger_exact(pg_cluster, tmp_path):
    from sync.center.storage import open_center

    url = pg_cluster.new_database()
    subprocess.run([sys.executable, "-m", "sync.center", "--db", url, "init"], cwd=ROOT,
                   check=True, capture_output=True)
    centers = [CenterProcess(url).start() for _ in range(3)]
    proxy = FaultProxy([c.port for c in centers])
    db = open_center(url)
    stations = [_station(tmp_path, n) for n in range(STATIONS + STORM_STATIONS)]
    ids = [f"610102-{n:03d}" for n in range(len(stations))]
    try:
        for (station, keeper), station_id in zip(stations, ids):
            enroll(station.store, keeper.id, proxy.url, db, station_id=station_id)
            activity(station.store, keeper.id, 300 if station_id in ids[STATIONS:] else 40)
        failures: list[BaseException] = []

        def guarded(work):
            def run():
                try:
                    work()
                except BaseException as exc:  # noqa: BLE001 - reported by the test
                    failures.append(exc)
            return threading.Thread(target=run)

        def sync(station, keeper, rounds=3):
            for _ in range(rounds):
                sync_until_done(client.Uploader(station.store))
                activity(station.store, keeper.id, 10)
            sync_until_done(client.Uploader(station.store))

        storm_statuses: list[int] = []
        workers = [guarded(lambda s=s, k=k: sync(s, k)) for s, k in stations[:STATIONS]]
        workers += [guarded(lambda s=s, i=i: storm_statuses.extend(_storm(proxy.url, i, s.store)))
                    for (s, _k), i in zip(stations[STATIONS:], ids[STATIONS:])]
        for worker in workers:
            worker.start()
        # Mid-run: once batches are landing, one process dies without warning, then comes back.
        wait_for(lambda: sum(s.hw_seq for s in db.stations()) > 400, timeout=120,
                 what="batches to land")
        victim = centers[1]
        victim.kill()
        centers[1] = CenterProcess(url, port=victim.port).start()
        for worker in workers:
            worker.join(300)
        assert not [w for w in workers if w.is_alive()], "a station's sync stalled"
        assert not failures, failures
        for (station, _keeper), station_id in zip(stations, ids):
            if station_id in ids[STATIONS:]:
                sync_until_done(client.Uploader(station.store))  # the storm's rest, if any
            assert_in_step(station.store, db, station_id=station_id)
            held = db.events(station_id, 1, limit=10 ** 6)
            assert len(held) == len({e["seq"] for e in held}) == db.station(station_id).hw_seq
        assert storm_statuses and set(storm_statuses) == {200}, storm_statuses
        assert 500 not in proxy.statuses, proxy.statuses
        assert db.flags() == []
        print(f"\n{len(ids)} stations, {sum(s.hw_seq for s in db.stations())} events held; "
              f"answers through the proxy {dict(sorted(proxy.statuses.items()))}; "
              f"storm copies {len(storm_statuses)}, all 200")
        for center in centers:
            health = requests.get(center.url + "/api/v1/health", timeout=10).json()
            assert health["status"] == "ok" and health["storing"] == 0
    finally:
        proxy.close()
        for center in centers:
            center.stop()
        for station, _keeper in stations:
            station.close()
        db.close()


def test_serve_workers_shares_one_port_on_postgresql(pg_cluster, store, keeper):
    url = pg_cluster.new_database()
    subprocess.run([sys.executable, "-m", "sync.center", "--db", url, "init"], cwd=ROOT,
                   check=True, capture_output=True)
    center = CenterProcess(url, workers=2).start()
    try:
        from sync.center.storage import open_center

        db = open_center(url)
        enroll(store, keeper.id, center.url, db)
        activity(store, keeper.id, 30)
        sync_until_done(client.Uploader(store))
        assert_in_step(store, db)
        db.close()
    finally:
        center.stop()


def test_a_sqlite_center_refuses_several_workers(tmp_path):
    db = tmp_path / "center.sqlite3"
    subprocess.run([sys.executable, "-m", "sync.center", "--db", str(db), "init"], cwd=ROOT,
                   check=True, capture_output=True)
    refused = subprocess.run([sys.executable, "-m", "sync.center", "--db", str(db), "serve",
                              "--port", "0", "--workers", "3"], cwd=ROOT, capture_output=True,
                             text=True, timeout=60)
    assert refused.returncode == 2 and "PostgreSQL" in refused.stderr


@pytest.mark.parametrize("workers", ["0", "x"])
def test_serve_refuses_a_nonsense_worker_count(tmp_path, workers):
    refused = subprocess.run([sys.executable, "-m", "sync.center", "--db",
                              str(tmp_path / "c.sqlite3"), "serve", "--workers", workers],
                             cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2 and "workers" in refused.stderr
