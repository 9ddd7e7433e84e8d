"""What the sync tests share: station activity with money in it, enrollment against a real
center, and the invariant every test ends on (the center holds exactly the station's events,
the chain verifies, both ledgers are the same document)."""

from __future__ import annotations

import itertools

from station_app.core import bills, monthly, parcels, shelves
from station_app.core.canonical import GENESIS_HASH, event_hash, hashed_part
from sync import client
from sync.center.storage import Center

STATION = "610102-001"
_tracking = itertools.count(1)


def activity(store, operator: str, n: int = 20) -> None:
    """n parcels checked in and n/5 bill payments (ledger lines), all through the services."""
    if not shelves.shelves(store):
        shelves.add_shelf(store, operator, "A", 9, 500)
    for _ in range(n):
        k = next(_tracking)
        parcels.check_in(store, operator, f"YT{7000000000000 + k}", phone=f"1390000{k % 10000:04d}",
                         name="张三")
        if k % 5 == 0:
            bills.take_payment(store, operator, kind="phone", account=f"1390000{k % 10000:04d}",
                               holder="张三", amount_fen=1000 + k, fee_fen=100)


def enroll(store, operator: str, center_url: str, db: Center, station_id: str = STATION,
           session=None) -> client.SyncState:
    code = db.add_station(station_id, "测试站")
    return client.enroll(store, center_url, station_id, code, operator, session=session)


def sync_until_done(uploader: client.Uploader, limit: int = 200) -> int:
    """Rounds until one succeeds; how many failed first. The retry loop itself (its waits)
    is SyncLoop's; here only its outcome matters."""
    for failures in range(limit):
        try:
            uploader.round()
            return failures
        except client.Retry:
            continue
    raise AssertionError(f"no successful round in {limit} tries")


def assert_in_step(store, db: Center, months=("2026-11",), station_id: str = STATION) -> None:
    local = [e.as_json() for e in store.events()]
    held = db.events(station_id, 1, limit=10 ** 9)
    assert [(e["seq"], e["hash"]) for e in held] == [(e["seq"], e["hash"]) for e in local]
    prev = GENESIS_HASH
    for e in held:  # the chain verifies from the stored rows alone
        assert e["prev_hash"] == prev
        assert event_hash(prev, hashed_part(e)) == e["hash"]
        prev = e["hash"]
    for month in months:
        assert db.ledger(station_id, month) == monthly.ledger_document(store, month)
    assert client.status(store).pending == 0
