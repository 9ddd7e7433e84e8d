"""The journal: one event per change, a gapless hash chain, and verify catching every tamper."""

import json
import sqlite3

import pytest
from sqlalchemy import select

from station_app.core import parcels
from station_app.core.canonical import GENESIS_HASH, canonical_json
from station_app.core.errors import UserError
from station_app.core.models import Parcel
from station_app.core.verify import verify


@pytest.fixture
def busy(shelved, keeper):
    """Five check-ins and a pickup."""
    ids = [parcels.check_in(shelved, keeper.id, f"SF10000000000{i:02d}", phone=f"1380000000{i}",
                            name=f"张{i}").parcel.id for i in range(5)]
    parcels.pickup(shelved, keeper.id, ids[:2])
    return shelved


def raw(station):
    return sqlite3.connect(station.db_path)


def test_each_write_is_exactly_one_event_with_a_linked_chain(busy):
    events = list(busy.events())
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert events[0].prev_hash == GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in zip(events, events[1:]))
    assert [e.kind for e in events[-6:]] == ["parcel.checked_in"] * 5 + ["parcel.picked_up"]
    assert verify(busy).ok


def test_refused_input_writes_no_event(busy, keeper):
    before = busy.head()
    with pytest.raises(UserError):
        parcels.check_in(busy, keeper.id, "SF1000000000003", phone="13800000003", name="张3")
    assert busy.head() == before


def test_a_transaction_without_event_is_rolled_back(busy):
    before = busy.head()
    with pytest.raises(RuntimeError):
        with busy.write("x") as tx:
            tx.insert(Parcel, tracking_no="X", carrier="SF", recipient_name="a",
                      recipient_initials="a", phone_last4="0000", shelf="A", layer=1,
                      pickup_code="A-1-XXXX", status="in_stock", checked_in_at="t")
    assert busy.head() == before and verify(busy).ok


def _parcel_row(tx, tracking_no):
    return tx.insert(Parcel, tracking_no=tracking_no, carrier="SF", recipient_name="a",
                     recipient_initials="a", phone_last4="0000", shelf="A", layer=1,
                     pickup_code=f"A-1-{tracking_no[-4:]}", status="in_stock", checked_in_at="t")


@pytest.mark.parametrize("core_read", [False, True], ids=["driver only", "Core joins"])
def test_a_failed_write_leaves_nothing_and_the_next_one_commits(busy, core_read):
    """The write transaction is begun on the driver; a service reading through Core inside it
    joins it, and the commit or rollback must end it either way."""
    before = busy.head()
    with pytest.raises(UserError):
        with busy.write("x") as tx:
            _parcel_row(tx, "XX0000009991")
            if core_read:
                tx.conn.execute(select(Parcel.id).limit(1)).all()
            raise UserError("refused")
    assert busy.head() == before
    with busy.write("x") as tx:
        if core_read:
            tx.conn.execute(select(Parcel.id).limit(1)).all()
        parcel_id = _parcel_row(tx, "XX0000009992")
        tx.event("parcel.checked_in", parcel_id)
    with busy.read() as conn:
        numbers = conn.execute(select(Parcel.tracking_no).where(
            Parcel.tracking_no.startswith("XX"))).scalars().all()
    assert numbers == ["XX0000009992"] and busy.head()[0] == before[0] + 1
    assert verify(busy).ok


def test_floats_never_enter_the_journal(busy):
    with pytest.raises(TypeError):
        canonical_json({"amount": 1.5})
    before = busy.head()
    with pytest.raises(TypeError):  # in a row value, and in what the event says beside the rows
        with busy.write("x") as tx:
            tx.insert(Parcel, tracking_no="XX0000009993", layer=1.0)
    with pytest.raises(TypeError):
        with busy.write("x") as tx:
            tx.event("parcel.checked_in", _parcel_row(tx, "XX0000009994"), weight={"g": [1.5]})
    assert busy.head() == before


def test_an_integer_past_64_bits_reads_back_exactly(busy):
    """orjson would read it as a float without a word (tried as a faster journal reader): the
    journal is read with the standard parser, which keeps it exact, and it still verifies."""
    with busy.write("x") as tx:
        tx.event("parcel.checked_in", _parcel_row(tx, "XX0000009995"),
                 big={"n": 2 ** 70, "m": -(2 ** 64)})
    last = list(busy.events(busy.head()[0]))[0]
    assert last.payload["big"] == {"n": 2 ** 70, "m": -(2 ** 64)}
    assert verify(busy).ok


def tamper(station, sql, params=()):
    con = raw(station)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute(sql, params)
    con.commit()
    con.close()


def test_edited_journal_payload_is_caught(station, busy):
    seq, row = raw(station).execute(
        "SELECT seq, payload FROM journal WHERE payload LIKE '%张1%' ORDER BY seq").fetchone()
    edited = canonical_json(json.loads(row.replace("张1", "李1"))).decode()
    tamper(station, "UPDATE journal SET payload=? WHERE seq=?", (edited, seq))
    report = verify(busy)
    assert not report.ok and report.first_bad_seq == seq


def test_edited_journal_kind_is_caught(station, busy):
    tamper(station, "UPDATE journal SET kind='parcel.returned' WHERE seq=4")
    assert verify(busy).first_bad_seq == 4


def test_deleted_journal_row_is_caught(station, busy):
    tamper(station, "DELETE FROM journal WHERE seq=6")
    assert verify(busy).first_bad_seq == 6


def test_deleted_last_journal_row_is_caught_by_the_rows(station, busy):
    last = busy.head()[0]
    tamper(station, "DELETE FROM journal WHERE seq=?", (last,))
    report = verify(busy)
    assert not report.ok  # the pickup's rows no longer have an event


def test_inserted_journal_row_is_caught(station, busy):
    con = raw(station)
    cols = [r[1] for r in con.execute("PRAGMA table_info(journal)")]
    row = dict(zip(cols, con.execute("SELECT * FROM journal WHERE seq=4").fetchone()))
    con.close()
    tamper(station, "UPDATE journal SET seq=seq+1000")
    tamper(station, "UPDATE journal SET seq=seq-999 WHERE seq>=1004")  # open a hole at 4
    tamper(station, "UPDATE journal SET seq=seq-1000 WHERE seq>1000")
    row.update(seq=4, event_id="f" * 32)
    tamper(station, f"INSERT INTO journal ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})",
           tuple(row[c] for c in cols))
    assert verify(busy).first_bad_seq == 4


def test_reordered_journal_rows_are_caught(station, busy):
    tamper(station, "UPDATE journal SET seq=-1 WHERE seq=4")
    tamper(station, "UPDATE journal SET seq=4 WHERE seq=5")
    tamper(station, "UPDATE journal SET seq=5 WHERE seq=-1")
    assert verify(busy).first_bad_seq == 4


def test_edited_business_row_is_caught(station, busy):
    tamper(station, "UPDATE parcel SET recipient_name='李鬼' WHERE tracking_no='SF1000000000003'")
    report = verify(busy)
    seq = raw(station).execute("SELECT max(seq) FROM journal WHERE kind='parcel.checked_in'").fetchone()[0]
    assert not report.ok and report.first_bad_seq == seq - 1
    assert "recipient_name" in report.problems[0].text


def test_deleted_business_row_is_caught(station, busy):
    tamper(station, "DELETE FROM parcel WHERE tracking_no='SF1000000000004'")
    assert not verify(busy).ok


def test_smuggled_business_row_is_caught(station, busy):
    tamper(station, "INSERT INTO villager (id, name, initials, created_at) VALUES ('x', '黑户', 'hh', 't')")
    report = verify(busy)
    assert not report.ok and "no journal event" in report.problems[-1].text


def test_local_columns_are_not_journaled(busy):
    assert all("pin_hash" not in json.dumps(e.payload) for e in busy.events())
