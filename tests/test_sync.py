"""Sync against a real county center on loopback, on SQLite and on PostgreSQL: enrollment,
uploads, the ledger both ends print, USB bundles, and every bad request refused with nothing
stored."""

import gzip
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select, update

from station_app.core import county_config, drawer, people, settings
from station_app.core.people import SYSTEM
from sync import client, protocol
from sync.center import schema
from sync.protocol import ProtocolError
from tests.sync_helpers import STATION, activity, assert_in_step, enroll, sync_until_done
from tests.test_county_config import BODY

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def enrolled(store, keeper, center, db):
    return enroll(store, keeper.id, center.url, db)


def held(db) -> int:
    with db.read() as conn:
        return conn.execute(select(func.count()).select_from(schema.event)).scalar()


def test_a_station_syncs_and_both_ends_print_the_same_ledger(store, keeper, db, enrolled):
    activity(store, keeper.id, 40)
    first = client.sync_round(store)
    assert first.sent_events == store.head()[0] and first.pending == 0
    assert_in_step(store, db)
    activity(store, keeper.id, 10)
    second = client.sync_round(store)
    assert second.sent_events == 12 and second.batches == 1
    assert client.sync_round(store).sent_events == 0
    assert_in_step(store, db)
    assert [h["ok"] for h in client.history(store)] == [True, True, True]
    info = db.station(STATION)
    assert (info.status, info.hw_seq) == ("active", store.head()[0])


def test_the_two_commands_print_identical_ledger_documents(station, store, keeper, center,
                                                          enrolled):
    activity(store, keeper.id, 15)
    client.sync_round(store)
    station_doc = subprocess.run(
        [sys.executable, "-m", "station_app", "--data-dir", str(station.data_dir), "ledger",
         "--month", "2026-11", "--format", "json"], cwd=ROOT, capture_output=True, check=True)
    center_doc = subprocess.run(
        [sys.executable, "-m", "sync.center", "--db", center.db_url, "ledger", "--station-id",
         STATION, "--month", "2026-11", "--format", "json"], cwd=ROOT, capture_output=True,
        check=True)
    assert center_doc.stdout == station_doc.stdout
    assert json.loads(center_doc.stdout)["totals"]["in_fen"] > 0


def test_enrollment_codes_work_once_and_not_after_they_expire(store, keeper, center, db):
    code = db.add_station(STATION, "测试站")
    with pytest.raises(ProtocolError) as wrong:
        client.enroll(store, center.url, STATION, "AAAA-AAAA", keeper.id)
    assert (wrong.value.status, wrong.value.code) == (403, "bad_code")
    client.enroll(store, center.url, STATION, code, keeper.id)
    with pytest.raises(ProtocolError) as used:
        client.enroll(store, center.url, STATION, code, keeper.id)
    assert (used.value.status, used.value.code) == (403, "used_code")
    late = db.rekey_station(STATION)  # an enrolled station gets a new code only this way
    with db.write() as conn:
        conn.execute(update(schema.enrollment).values(expires_at="2000-01-01T00:00:00.000Z")
                     .where(schema.enrollment.c.used_at.is_(None)))
    with pytest.raises(ProtocolError) as expired:
        client.enroll(store, center.url, STATION, late, keeper.id)
    assert (expired.value.status, expired.value.code) == (403, "expired_code")
    assert client.load_state(store).center_key == db.public_key  # pinned from the first answer


def _post(center, station_id: str, body: bytes, key: bytes | None, path_station: str = None):
    path = protocol.batch_path(path_station or station_id)
    headers = protocol.sign_request(key, station_id, "POST", path, body) if key else {}
    return requests.post(center.url + path, data=body, headers=headers, timeout=30)


def _events(store):
    return [e.as_json() for e in store.events()]


def _receiver(store, db):
    """The center taking a body signed with this station's key, as its API hands it over
    (ingest.receive looked up at each call, so a test may wrap what it calls)."""
    from station_app.core.signing import private_key
    from sync.center import ingest

    key, path = private_key(store), protocol.batch_path(STATION)
    return lambda body: ingest.receive(db, STATION, path, body, protocol.sign_bytes(
        key, protocol.request_message("POST", path, body)))


def _three_batches(store) -> tuple[list[dict], list[bytes]]:
    """The station's events, and its journal as batches of 3, 3 and the rest."""
    events = _events(store)
    return events, [protocol.encode_batch(STATION, events[a:b])
                    for a, b in ((0, 3), (3, 6), (6, len(events)))]


def test_bad_requests_get_a_clear_4xx_and_nothing_is_stored(store, keeper, center, db, enrolled,
                                                             tmp_path):
    from station_app.core.signing import private_key

    activity(store, keeper.id, 10)
    key, events = private_key(store), _events(store)
    good = protocol.encode_batch(STATION, events)
    other_key = protocol.new_private_key()
    doc = json.loads(gzip.decompress(good))
    doc["prev_hash"] = "1" * 64
    unlinked = gzip.compress(json.dumps(doc).encode())
    # A second, enrolled station: S1's signed batch replayed as S2's must fail.
    from station_app.core.station import open_station
    other = open_station(tmp_path / "other")
    enroll(other.store, SYSTEM, center.url, db, station_id="610102-002")
    other.close()
    cases = {
        "forged": (_post(center, STATION, good, other_key), 401, "bad_signature"),
        "missing": (_post(center, STATION, good, None), 401, "missing_signature"),
        "unknown": (_post(center, "999999-999", good, key), 401, "unknown_station"),
        "replayed": (_post(center, STATION, good, key, path_station="610102-002"), 401,
                     "bad_signature"),
        "truncated": (_post(center, STATION, good[:len(good) // 2], key), 400, "bad_gzip"),
        "bomb": (_post(center, STATION, gzip.compress(b" " * (protocol.MAX_INFLATED + 1)), key),
                 413, "too_large"),
        "oversized": (_post(center, STATION, b"\x1f\x8b" + b"x" * protocol.MAX_BODY, key), 413,
                      "too_large"),
        "malformed": (_post(center, STATION, gzip.compress(b"{\"v\": 1, "), key), 400,
                      "malformed"),
        "unlinked": (_post(center, STATION, unlinked, key), 400, "broken_chain"),
    }
    for name, (response, status, code) in cases.items():
        assert (name, response.status_code, response.json()["error"]) == (name, status, code)
        assert response.json()["detail"]
    db.revoke_station(STATION)
    revoked = _post(center, STATION, good, key)
    assert (revoked.status_code, revoked.json()["error"]) == (403, "revoked")
    with pytest.raises(ProtocolError, match="revoked"):
        client.sync_round(store)
    assert held(db) == 0 and db.flags() == []


def test_a_key_replaced_elsewhere_no_longer_stores_batches(store, keeper, center, db, enrolled):
    """The center keeps the key a station's batches last held under; a re-enrollment done by
    another process (here: the test's own connection) must still win over what it keeps."""
    from station_app.core.signing import private_key

    activity(store, keeper.id, 6)
    key, events = private_key(store), _events(store)
    first = _post(center, STATION, protocol.encode_batch(STATION, events[:3]), key)
    assert first.status_code == 200  # the center now knows this key
    new_key = protocol.new_private_key()
    db.enroll(STATION, db.rekey_station(STATION), protocol.public_key_of(new_key))
    rest = protocol.encode_batch(STATION, events[3:])
    stale = _post(center, STATION, rest, key)
    assert (stale.status_code, stale.json()["error"]) == (401, "bad_signature")
    assert held(db) == 3
    assert _post(center, STATION, rest, new_key).status_code == 200
    assert held(db) == len(events)


def test_an_upload_cut_short_still_writes_down_every_verified_mark(store, keeper, db, enrolled,
                                                                  monkeypatch):
    """The mark is written once a second and when the upload ends, however it ends: after a
    failure the station's written mark is exactly what the center acknowledged."""
    activity(store, keeper.id, 12)
    monkeypatch.setattr(client, "MARK_SAVE_S", 3600.0)  # only the end writes it down
    uploader = client.Uploader(store)
    uploader.batch_events = 5
    posts, post = [], uploader._post

    def failing_after_two(*args):
        posts.append(1)
        if len(posts) > 2:  # a refusal: nothing in round() itself writes the state then
            raise ProtocolError(400, "malformed", "refused for the test")
        return post(*args)

    monkeypatch.setattr(uploader, "_post", failing_after_two)
    with pytest.raises(ProtocolError):
        uploader.round()
    acked = db.station(STATION).hw_seq
    assert acked >= 10 and client.load_state(store).acked_seq == acked  # two batches of 5


def test_a_batch_that_overtakes_the_one_before_is_a_gap_and_the_upload_recovers(
        store, keeper, db, enrolled):
    """One plain path: a later batch that reaches the station's row first finds the mark
    short and is answered with where to start; nothing of it is kept, and the batches sent
    again in order all land."""
    activity(store, keeper.id, 10)
    (events, bodies), receive_signed = _three_batches(store), _receiver(store, db)
    with pytest.raises(ProtocolError) as gap:
        receive_signed(bodies[1])
    assert (gap.value.code, gap.value.extra) == ("gap", {"expected_from": 1})
    assert held(db) == 0
    assert [receive_signed(body)["hw_seq"] for body in bodies] == [3, 6, len(events)]
    assert held(db) == len(events) and db.flags() == []
    client.sync_round(store)
    assert_in_step(store, db)


def _storm(center, stations: dict, rounds: int, copies: int = 6, size: int = 150) -> list:
    """Issue 20's duplicate storm: each station's batches in turn, each POSTed ``copies``
    times at once (a client retrying after timeouts), every station at the same time.
    The answers' (status, error or hw_seq)."""
    from concurrent.futures import ThreadPoolExecutor

    from station_app.core.signing import private_key

    answers = []

    def one(post):
        response = post()
        body = response.json()
        return response.status_code, body.get("error", body.get("hw_seq"))

    with ThreadPoolExecutor(copies * len(stations)) as pool:
        for n in range(rounds):
            posts = []
            for station_id, store in stations.items():
                events, key = _events(store)[n * size:(n + 1) * size], private_key(store)
                body = protocol.encode_batch(station_id, events)
                posts += [lambda s=station_id, b=body, k=key: _post(center, s, b, k)] * copies
            answers += list(pool.map(one, posts))
    return answers


def test_copies_of_a_batch_sent_at_once_store_it_once_and_all_get_its_ack(
        center_db, center, db, store, keeper, enrolled, tmp_path):
    """Issue 20, item 1: on PostgreSQL uploads stopped for minutes (sessions idle in
    transaction, duplicates waiting on their rows). Every copy is now acked, the events are
    held once, and no session is left waiting."""
    from station_app.core.station import open_station

    other = open_station(tmp_path / "other")
    enroll(other.store, SYSTEM, center.url, db, station_id="610102-002")
    stations = {STATION: store, "610102-002": other.store}
    other_keeper = people.create_operator(other.store, SYSTEM, "李站长", people.KEEPER, "1234")
    drawer.open_drawer(other.store, other_keeper.id, 20000)
    activity(store, keeper.id, 250)
    activity(other.store, other_keeper.id, 250)
    rounds = min(s.head()[0] for s in stations.values()) // 150
    answers = _storm(center, stations, rounds)
    assert {status for status, _ in answers} == {200}, answers
    for station_id, s in stations.items():
        assert db.station(station_id).hw_seq == rounds * 150
        assert len(db.events(station_id, 1, limit=10 ** 6)) == rounds * 150
    if db.dialect == "postgresql":
        from sqlalchemy import text
        with db.engine.connect() as conn:
            waiting = conn.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND (state = 'idle in transaction' OR wait_event_type = 'Lock')")).scalar()
        assert waiting == 0
    health = requests.get(center.url + "/api/v1/health", timeout=10)
    assert health.status_code == 200 and health.json()["stored"] >= 2 * rounds
    for s in stations.values():
        sync_until_done(client.Uploader(s))
    assert_in_step(store, db)
    other.close()


@pytest.mark.parametrize("center_db", ["postgresql"], indirect=True)
def test_health_says_stalled_while_a_batch_cannot_be_stored(store, keeper, db, enrolled,
                                                            monkeypatch):
    """/health answers whether batches are being stored, not that the process is up: with
    the station's row held elsewhere, a batch waits, and past STALLED_S health is a 503."""
    from sqlalchemy import text

    from sync.center import storage
    from tests.xsession import wait_for

    monkeypatch.setattr(storage, "STALLED_S", 0.2)
    assert db.health()["status"] == "ok"
    activity(store, keeper.id, 5)
    body, answers = protocol.encode_batch(STATION, _events(store)), []
    with db.engine.connect() as other:
        other.execute(text("SELECT 1 FROM station WHERE station_id = :s FOR UPDATE"),
                      {"s": STATION})
        sender = threading.Thread(target=lambda: answers.append(_receiver(store, db)(body)))
        sender.start()
        report = wait_for(lambda: db.health()["stalled"] and db.health(), timeout=20,
                          what="health to see the stalled batch")
        assert report["status"] == "stalled" and report["storing"] == 1
        other.rollback()
    sender.join(30)
    assert answers[0]["hw_seq"] == store.head()[0]
    assert db.health()["status"] == "ok" and db.health()["stored"] == 1


def test_resends_are_no_ops_and_a_different_event_is_a_flagged_conflict(store, keeper, center,
                                                                          db, enrolled):
    from station_app.core.signing import private_key

    activity(store, keeper.id, 10)
    key, events = private_key(store), _events(store)
    body = protocol.encode_batch(STATION, events)
    first, again = _post(center, STATION, body, key), _post(center, STATION, body, key)
    assert first.status_code == again.status_code == 200
    assert again.json()["hw_seq"] == len(events) and held(db) == len(events)
    gap = _post(center, STATION, protocol.encode_batch(STATION, events[-1:]), key)
    assert gap.status_code == 200  # all held already: a no-op
    activity(store, keeper.id, 5)
    newer = _events(store)
    skip = _post(center, STATION, protocol.encode_batch(STATION, newer[len(events) + 2:]), key)
    assert (skip.status_code, skip.json()["error"]) == (409, "gap")
    assert skip.json()["expected_from"] == len(events) + 1
    forked = [dict(e) for e in events[:4]]
    forked[3]["payload"] = {**forked[3]["payload"], "note": "edited"}
    from station_app.core.canonical import event_hash, hashed_part
    forked[3]["hash"] = event_hash(forked[3]["prev_hash"], hashed_part(forked[3]))
    conflict = _post(center, STATION, protocol.encode_batch(STATION, forked), key)
    assert (conflict.status_code, conflict.json()["error"]) == (409, "conflict")
    assert [(f["seq"], f["kind"]) for f in db.flags(STATION)] == [(4, "conflict")]
    assert held(db) == len(events)
    client.sync_round(store)  # the station's own queue is unaffected
    assert_in_step(store, db)


def _line(seq: int, **changes) -> dict:
    return {"seq": seq, "record_id": "r1", "date": "2026-11-22", "category": "bill_amount",
            "method": "cash", "in_fen": 100, "out_fen": 0, "description": "电费", **changes}


def _nul_line(seq: int) -> dict:
    """A ledger line the center can read but PostgreSQL cannot hold: text with a NUL in it."""
    return _line(seq, description="电费\x00")


@pytest.mark.parametrize("line", [lambda seq: {"in_fen": "lots"}, _nul_line],
                         ids=["not a ledger line", "text with a NUL"])
def test_content_the_center_cannot_interpret_is_stored_flagged_and_does_not_block(
        store, keeper, center, db, enrolled, line):
    from station_app.core.signing import private_key

    activity(store, keeper.id, 5)
    client.sync_round(store)
    events = _events(store)
    odd = dict(events[-1])
    odd.update(seq=len(events) + 1, prev_hash=events[-1]["hash"], kind="future.thing",
               payload={"rows": {"ledger_line": {"x": line(len(events) + 1)}}})
    from station_app.core.canonical import event_hash, hashed_part
    odd["hash"] = event_hash(odd["prev_hash"], hashed_part(odd))
    answer = _post(center, STATION, protocol.encode_batch(STATION, [odd]), private_key(store))
    assert answer.status_code == 200 and answer.json()["hw_seq"] == odd["seq"]
    assert [(f["seq"], f["kind"]) for f in db.flags(STATION)] == [(odd["seq"], "uninterpretable")]
    assert db.events(STATION, odd["seq"])[0]["payload"] == odd["payload"]


@pytest.mark.parametrize("center_db", ["sqlite", "postgresql"], indirect=True)
def test_signed_content_the_ledger_cannot_count_is_flagged_and_the_month_still_prints(
        store, keeper, center, db, enrolled, tmp_path):
    """Issue 20, item 5: a signed batch with a time "zzz", a ledger date 2025-12-99, method
    "bitcoin" and 10^15 fen was stored unflagged, and the month's ledger then failed in every
    format. Such events are kept (the chain needs them), flagged, and counted nowhere."""
    from station_app.core.canonical import event_hash, hashed_part
    from station_app.core.signing import private_key

    activity(store, keeper.id, 5)
    client.sync_round(store)
    events = _events(store)
    odd = [({"recorded_at": "zzz"}, {}), ({"recorded_at": "2026-11-31T10:00:00.000Z"}, {}),
           ({}, {"date": "2025-12-99"}), ({}, {"method": "bitcoin"}),
           ({}, {"in_fen": 10 ** 15}), ({}, {"category": "lottery"})]
    forged, prev = [], events[-1]
    for n, (event_changes, line_changes) in enumerate(odd):
        seq = len(events) + n + 1
        ev = {**prev, "seq": seq, "prev_hash": prev["hash"], "kind": "bill.taken",
              "event_id": f"forged-{n}", "entity_id": f"forged-{n}", **event_changes,
              "payload": {"rows": {"ledger_line": {f"L{n}": _line(seq, **line_changes)}}}}
        ev["hash"] = event_hash(ev["prev_hash"], hashed_part(ev))
        forged.append(ev)
        prev = ev
    before = db.ledger(STATION, "2026-11")
    answer = _post(center, STATION, protocol.encode_batch(STATION, forged), private_key(store))
    assert answer.status_code == 200 and answer.json()["hw_seq"] == forged[-1]["seq"]
    assert [(f["seq"], f["kind"]) for f in db.flags(STATION)] == \
        [(ev["seq"], "uninterpretable") for ev in forged]
    assert db.ledger(STATION, "2026-11") == before  # nothing of them counted
    for month in ("2026-11", "2025-12"):
        for fmt in ("json", "csv", "xlsx", "pdf"):
            out = tmp_path / f"{month}.{fmt}"
            printed = subprocess.run(
                [sys.executable, "-m", "sync.center", "--db", center.db_url, "ledger",
                 "--station-id", STATION, "--month", month, "--format", fmt, "--out", str(out)],
                cwd=ROOT, capture_output=True, text=True)
            assert printed.returncode == 0, printed.stderr
            assert out.stat().st_size > 0


def test_a_usb_bundle_imports_once_however_often_it_is_carried(station, store, keeper, center,
                                                               db, enrolled, tmp_path):
    activity(store, keeper.id, 30)
    client.sync_round(store)  # part of it went online already…
    activity(store, keeper.id, 30)
    bundle = tmp_path / "stick" / "bundle.vsb"
    export = subprocess.run(
        [sys.executable, "-m", "station_app", "--data-dir", str(station.data_dir),
         "export-bundle", "--out", str(bundle)], cwd=ROOT, capture_output=True, text=True)
    assert export.returncode == 0, export.stderr
    from sync.center.bundles import import_bundle

    first = import_bundle(db, bundle.read_bytes())
    assert first.new_events == 36 and first.hw_seq == store.head()[0]
    assert import_bundle(db, bundle.read_bytes()).new_events == 0
    full, _ = client.export_bundle(store)  # the mark did not move: the whole tail again
    assert import_bundle(db, full).new_events == 0
    assert client.sync_round(store).sent_events == 0  # and online agrees
    assert_in_step(store, db)
    cli = subprocess.run([sys.executable, "-m", "sync.center", "--db", center.db_url,
                          "import-bundle", str(bundle)], cwd=ROOT, capture_output=True, text=True)
    assert cli.returncode == 0 and "0 new events" in cli.stdout


def test_a_station_with_no_link_enrolls_by_bundle(store, keeper, db, tmp_path):
    activity(store, keeper.id, 10)
    code = db.add_station(STATION, "测试站")
    data, count = client.export_bundle(store, STATION, code)
    assert count == store.head()[0]
    from sync.center.bundles import import_bundle

    assert import_bundle(db, data).new_events == count
    assert db.station(STATION).status == "active"
    with pytest.raises(ProtocolError) as bad:
        import_bundle(db, data[: len(data) // 2])
    assert bad.value.status == 400


def test_the_countys_reply_on_the_stick_marks_the_records_synced_and_brings_the_rules(
        station, store, keeper, center, db, tmp_path):
    """A station with no link at all: its bundle goes to the county, the reply comes back."""
    activity(store, keeper.id, 10)
    code = db.add_station(STATION, "测试站")
    bundle, reply_file = tmp_path / "stick" / "bundle.vsb", tmp_path / "stick" / "reply.vsr"
    client.write_bundle(store, bundle, STATION, code)
    version = db.publish_config({k: v for k, v in BODY.items() if k in county_config.SECTIONS})
    cli = subprocess.run([sys.executable, "-m", "sync.center", "--db", center.db_url,
                          "import-bundle", str(bundle), "--reply", str(reply_file)],
                         cwd=ROOT, capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr
    assert client.status(store).pending == store.head()[0]  # nothing is synced before the reply

    imported = subprocess.run(
        [sys.executable, "-m", "station_app", "--data-dir", str(station.data_dir),
         "import-reply", str(reply_file)], cwd=ROOT, capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr
    assert "configuration version 1 applied" in imported.stdout
    state = client.load_state(store)
    assert (state.center_key, state.center_url) == (db.public_key, "")  # pinned; no address
    with store.read() as conn:  # applied by the command's process, not this store's
        assert county_config.load(conn).version == version
    assert settings.station_settings(store).free_days == 5
    # Applying the rules was a record of its own: pending until the next bundle carries it.
    assert client.status(store).pending == 1 and state.acked_seq == store.head()[0] - 1
    again = client.import_reply(store, reply_file.read_bytes())
    assert (again.newly_acked, again.pending) == (0, 1)  # carried twice: nothing twice
    with pytest.raises(client.NotEnrolled, match="USB"):  # no address: the loop stays idle
        client.Uploader(store).round()
    client.write_bundle(store, bundle)
    from sync.center.bundles import import_bundle, reply

    assert import_bundle(db, bundle.read_bytes()).new_events == 1
    assert client.import_reply(store, reply(db, STATION)).newly_acked == 1
    assert_in_step(store, db)


def test_a_reply_that_does_not_check_out_changes_nothing(store, keeper, db, enrolled, tmp_path):
    from sync.center.bundles import reply
    from sync.center.storage import init_center

    activity(store, keeper.id, 5)
    client.sync_round(store)
    activity(store, keeper.id, 5)
    db.publish_config({k: v for k, v in BODY.items() if k in county_config.SECTIONS})
    good = json.loads(reply(db, STATION))
    other_county = init_center(str(tmp_path / "other.sqlite3"))
    other_county.add_station(STATION, "测试站")
    forged_mark = {**good, "ack": {**good["ack"], "hw_seq": good["ack"]["hw_seq"] + 5}}
    forged_rules = {**good, "config": {**good["config"], "version": 9}}
    cases = {
        "not a reply": b"PK\x03\x04 a zip file",
        "another station's": protocol.make_reply("610102-999", db.public_key, good["ack"], None),
        "another county's": reply(other_county, STATION),
        "a forged mark": json.dumps(forged_mark).encode(),
        "forged rules": json.dumps(forged_rules).encode(),
    }
    before = (client.load_state(store), store.head(), store.config.version)
    for name, data in cases.items():
        with pytest.raises(ProtocolError) as refused:
            client.import_reply(store, data)
        assert refused.value.status in (400, 413, 502), name
        assert (client.load_state(store), store.head(), store.config.version) == before, name
    other_county.close()


def test_configuration_comes_down_signed_versioned_and_applied(store, keeper, db, enrolled):
    assert client.sync_round(store).config_version == 0
    body = {k: v for k, v in BODY.items() if k in county_config.SECTIONS}
    version = db.publish_config(body)
    result = client.sync_round(store)
    assert result.config_version == version == 1
    assert "configuration version 1 applied" in result.notes
    assert result.pending == 0  # its config.applied event went up in the same round
    assert store.config.version == 1 and settings.station_settings(store).free_days == 5
    activity(store, keeper.id, 5)  # made under version 1, and the county sees that
    assert client.sync_round(store).sent_events == 7  # shelf, 5 parcels, bill
    assert_in_step(store, db)
    held = db.events(STATION, 1, limit=10 ** 9)
    assert [e["kind"] for e in held].count("config.applied") == 1
    assert held[-1]["payload"]["config_version"] == 1
    assert not db.flags()
    info = db.station(STATION)  # what the workspace shows: the version run, nothing left to send
    assert (info.config_version, info.reported_head) == (1, store.head()[0])
    activity(store, keeper.id, 30)
    uploader = client.Uploader(store)
    uploader.batch_events = 10
    posts, post = [], uploader._post

    def first_only(*args):  # the link drops after the first batch
        posts.append(1)
        if len(posts) > 1:
            raise ProtocolError(400, "malformed", "refused for the test")
        return post(*args)

    uploader._post = first_only
    with pytest.raises(ProtocolError):
        uploader.round()
    info = db.station(STATION)
    assert info.reported_head == store.head()[0] > info.hw_seq  # the county sees what is left
    # the county cannot publish what its stations would refuse
    for bad in ({"fees": {}}, {"overdue": {"free_days": 3, "fee_per_day_fen": 0.5}},
                {"carriers": [{"code": "ZJS", "zh": "宅急送", "en": "ZJS", "patterns": ["(A+)+"]}]}):
        with pytest.raises(county_config.ConfigError):
            db.publish_config(bad)
    assert db.config_version() == 1


def test_the_openapi_document_describes_the_station_api(center):
    spec = requests.get(center.url + "/openapi.json", timeout=10).json()
    assert {f"{protocol.API}/enroll", f"{protocol.API}/stations/{{station_id}}/batches",
            f"{protocol.API}/stations/{{station_id}}/head"} <= set(spec["paths"])


@pytest.mark.parametrize("center_db", ["postgresql"], indirect=True)
def test_a_batch_blocked_on_a_lock_is_answered_busy_not_held_forever(store, keeper, db, enrolled,
                                                                     monkeypatch):
    """Issue 20's stall: duplicates of a batch blocked in PostgreSQL on its rows, while it
    waited in Python for a turn they held. No lock wait outlasts storage.LOCK_TIMEOUT_MS: the
    batch is answered 503 busy with nothing stored, and a later send goes through."""
    from sqlalchemy import text

    from sync.center import storage
    from sync.protocol import ProtocolError

    monkeypatch.setattr(storage, "LOCK_TIMEOUT_MS", 300)
    quick = storage.open_center(db.engine.url.render_as_string(hide_password=False))
    activity(store, keeper.id, 5)
    body = protocol.encode_batch(STATION, _events(store))
    before = held(db)
    with db.engine.connect() as other:  # another session holds the station's row
        other.execute(text("SELECT 1 FROM station WHERE station_id = :s FOR UPDATE"), {"s": STATION})
        with pytest.raises(ProtocolError) as refused:
            _receiver(store, quick)(body)
        other.rollback()
    assert refused.value.status == 503 and refused.value.code == "busy"
    assert held(db) == before
    assert _receiver(store, quick)(body)["hw_seq"] == store.head()[0]
    quick.close()


def test_an_older_code_cannot_hijack_a_station(store, keeper, center, db):
    """Issue 20, item 2: add-station twice, the station enrolls with the second code; the first,
    never used, must not re-key it (it used to, and a forged ledger then landed). Re-keying is
    the staff's rekey-station, which voids every code."""
    first, second = db.add_station(STATION, "石门村站"), db.add_station(STATION, "石门村站")
    with pytest.raises(ProtocolError, match="replaced_code"):  # a newer code voids the older
        db.enroll(STATION, first, protocol.public_key_of(protocol.new_private_key()))
    client.enroll(store, center.url, STATION, second, keeper.id)
    thief = protocol.public_key_of(protocol.new_private_key())
    with pytest.raises(ProtocolError, match="replaced_code"):
        db.enroll(STATION, first, thief)
    with pytest.raises(ValueError, match="rekey-station"):  # no fresh code for an enrolled one
        db.add_station(STATION, "石门村站")
    for bad in ("bad id!", "石门 2", "x" * 41, "a/b"):  # ids a station could never send
        with pytest.raises(ValueError, match="610102-001"):
            db.add_station(bad, "石门村站")
    activity(store, keeper.id, 5)
    sync_until_done(client.Uploader(store))  # the real station still syncs
    assert_in_step(store, db)
    code = db.rekey_station(STATION)
    with pytest.raises(ProtocolError, match="used_code"):  # spent, and still spent
        db.enroll(STATION, second, thief)
    db.enroll(STATION, code, thief)  # the one new code, once
    with pytest.raises(ProtocolError, match="already_enrolled|used_code"):
        db.enroll(STATION, code, thief)


@pytest.mark.parametrize("center_db", ["sqlite", "postgresql"], indirect=True)
def test_a_station_id_with_a_nul_or_too_long_is_a_400_on_both_backends(center):
    """Issue 20, item 6: /stations/%00/head was a 500 on PostgreSQL (its text cannot hold a
    NUL). Ids are checked before any lookup, alike on both backends."""
    for bad in ("%00", "a%00b", "x" * 41, "%1F"):
        answer = requests.get(f"{center.url}/api/v1/stations/{bad}/head", timeout=10)
        assert (answer.status_code, answer.json()["error"]) == (400, "malformed"), bad
    answer = requests.post(f"{center.url}/api/v1/enroll", timeout=10, json={
        "station_id": "a\u0000b", "code": "AAAA-AAAA", "public_key": "x"})
    assert answer.status_code == 400


def test_enrollment_attempts_are_limited_recorded_and_logged(store, keeper, center, db,
                                                              caplog):
    """Issue 20, item 3: 3,000 wrong codes went through at 417/s, none logged. Failures now
    count per address and per station: past the limit a 429 with Retry-After comes before any
    code is looked at; each failure is recorded and logged. A new code from staff starts the
    station's count again."""
    from sync.center import storage

    db.add_station(STATION, "测试站")
    public_key = protocol.public_key_of(protocol.new_private_key())
    url = f"{center.url}/api/v1/enroll"

    def attempt(station_id=STATION, code="AAAA-AAAA"):
        return requests.post(url, json={"station_id": station_id, "code": code,
                                         "public_key": public_key}, timeout=10)

    answers = [attempt() for _ in range(storage.ENROLL_LIMITS["station"] + 1)]
    assert [a.status_code for a in answers[:-1]] == [403] * storage.ENROLL_LIMITS["station"]
    assert answers[-1].status_code == 429 and answers[-1].json()["error"] == "too_many_attempts"
    assert 0 < int(answers[-1].headers["Retry-After"]) <= 15 * 60
    with pytest.raises(ProtocolError) as told:  # the keeper is told, not "will keep trying"
        client.enroll(store, center.url, STATION, "AAAA-AAAA", keeper.id)
    assert told.value.code == "too_many_attempts" and told.value.extra["retry_after"] > 0
    with db.read() as conn:
        recorded = conn.execute(select(schema.enrollment_attempt.c.station_id,
                                       schema.enrollment_attempt.c.outcome)).all()
    assert recorded == [(STATION, "bad_code")] * storage.ENROLL_LIMITS["station"]
    # The same address, other station ids, up to the address's own limit.
    others = [attempt(station_id=f"610102-{n:03d}").status_code
              for n in range(100, 100 + storage.ENROLL_LIMITS["address"])]
    assert others.count(403) == storage.ENROLL_LIMITS["address"] - \
        storage.ENROLL_LIMITS["station"] and others[-1] == 429
    # In-process too, where the log can be read: the keeper's own address is a new one.
    code = db.add_station(STATION, "测试站")  # staff issue a new code: the count starts again
    with caplog.at_level("WARNING", logger="sync.center.storage"):
        with pytest.raises(ProtocolError, match="bad_code"):
            db.enroll(STATION, "BBBB-BBBB", public_key, address="10.0.0.9")
    assert "enrollment refused (bad_code)" in caplog.text and "10.0.0.9" in caplog.text
    db.enroll(STATION, code, public_key, address="10.0.0.10")  # the right code still works
    assert db.station(STATION).public_key == public_key


def test_an_enrollment_body_is_read_under_a_limit(center):
    """Issue 20, item 4: /enroll read a 200 MiB body into memory. It is refused past 4 KiB,
    declared or streamed."""
    url = f"{center.url}/api/v1/enroll"
    declared = requests.post(url, data=b"{" + b" " * (10 * 1024 * 1024) + b"}",
                             headers={"Content-Type": "application/json"}, timeout=30)
    assert (declared.status_code, declared.json()["error"]) == (413, "too_large")

    def chunks():
        yield b'{"station_id": "'
        for _ in range(1000):
            yield b"x" * 1024

    streamed = requests.post(url, data=chunks(), headers={"Content-Type": "application/json"},
                             timeout=30)
    assert (streamed.status_code, streamed.json()["error"]) == (413, "too_large")


def test_a_captured_request_cannot_be_replayed_and_a_stale_one_changes_nothing(
        store, keeper, center, db, enrolled):
    """Issue 20, item 8: a captured signed GET head worked forever and refreshed "last seen".
    Signed requests now carry a time and a nonce: a replay within the window is refused, a
    request outside it too (with the center's time), and neither changes anything."""
    from station_app.core.signing import private_key

    key, path = private_key(store), f"{protocol.API}/stations/{STATION}/head"
    uploader = client.Uploader(store)
    uploader.round()  # the station's clock (2026-11-20 in these tests) is off: it learns by how much
    assert uploader.clock_skew.days >= 1
    headers = protocol.sign_request(key, STATION, "GET", path)
    first = requests.get(center.url + path, headers=headers, timeout=10)
    assert first.status_code == 200
    seen = db.station(STATION).last_seen_at
    replayed = requests.get(center.url + path, headers=headers, timeout=10)
    assert (replayed.status_code, replayed.json()["error"]) == (401, "replayed")
    old = protocol.sign_request(key, STATION, "GET", path, when="2026-01-01T00:00:00.000Z")
    stale = requests.get(center.url + path, headers=old, timeout=10)
    assert (stale.status_code, stale.json()["error"]) == (401, "stale_request")
    assert stale.json()["server_time"] > "2026-01-01"
    assert db.station(STATION).last_seen_at == seen  # neither moved "last seen"
    # A batch: replayed, or stale, nothing of it is stored.
    activity(store, keeper.id, 5)
    body = protocol.encode_batch(STATION, _events(store))
    batch_path = protocol.batch_path(STATION)
    old = protocol.sign_request(key, STATION, "POST", batch_path, body, "2026-01-01T00:00:00.000Z")
    stale = requests.post(center.url + batch_path, data=body, headers=old, timeout=10)
    assert (stale.status_code, stale.json()["error"]) == (401, "stale_request")
    before = held(db)
    fresh = protocol.sign_request(key, STATION, "POST", batch_path, body)
    del fresh[protocol.NONCE_HEADER]  # and one without its nonce
    assert requests.post(center.url + batch_path, data=body, headers=fresh,
                         timeout=10).status_code == 401
    assert held(db) == before and db.station(STATION).last_seen_at == seen
    uploader.round()
    assert_in_step(store, db)


def test_the_cards_fingerprint_refuses_another_centers_first_answer(store, keeper, center, db,
                                                                    tmp_path):
    """Issue 20, item 7: a station with no link pinned whatever key its first reply carried
    (a forged one: a ¥50/day fee, an announcement with a bank account), then refused the
    county's real reply. With the card's fingerprint the forged first answer is refused,
    online and by USB alike, and nothing is kept."""
    from sync.center.bundles import import_bundle, reply
    from sync.center.storage import open_center
    from tests.centers import CenterProcess, new_center

    code = db.add_station(STATION, "测试站")
    for typo, error in (("0000-0000-0000-0000", "wrong_center_key"),
                        ("garbage", "bad_fingerprint")):  # mistyped: the code is not spent
        with pytest.raises(ProtocolError) as refused:
            client.enroll(store, center.url, STATION, code, keeper.id, center_key=typo)
        assert refused.value.code == error
    assert db.station(STATION).public_key is None and client.load_state(store) is None
    impostor = CenterProcess(new_center(str(tmp_path / "impostor.sqlite3"))).start()
    fake = open_center(impostor.db_url)
    fake_code = fake.add_station(STATION, "测试站")
    with pytest.raises(ProtocolError) as refused:
        client.enroll(store, impostor.url, STATION, fake_code, keeper.id,
                      center_key=db.fingerprint)
    assert refused.value.code == "wrong_center_key" and client.load_state(store) is None
    assert fake.station(STATION).public_key is None  # the code never reached the impostor
    # By USB: the bundle keeps the card's fingerprint; a reply from another county is refused.
    activity(store, keeper.id, 3)
    bundle = tmp_path / "b.vsb"
    client.write_bundle(store, bundle, STATION, code, keeper.id,
                        center_key=db.fingerprint.lower().replace("-", " "))
    fake.publish_config({"overdue": {"free_days": 1, "fee_per_day_fen": 5000}})
    with pytest.raises(ProtocolError) as forged:
        client.import_reply(store, reply(fake, STATION))
    assert forged.value.code == "wrong_center_key" and client.load_state(store) is None
    import_bundle(db, bundle.read_bytes())
    result = client.import_reply(store, reply(db, STATION))
    assert result.acked_seq == store.head()[0]
    assert client.load_state(store).center_key == db.public_key
    fake.close()
    impostor.stop()
