"""The uploader and the center through a proxy that breaks things: connections cut at random
byte offsets either way, an answer lost after the commit, a 503 with Retry-After, a gateway
answering 200 with a web page, the center SIGKILLed mid-batch and restarted, duplicate and
concurrent senders, the station's clock a day or five years off. After each, the center holds
exactly the station's events, the chain verifies and both ledgers are the same document."""

import random
import threading
from datetime import timedelta

import pytest

from sync import client, protocol
from tests.centers import CenterProcess
from tests.faultproxy import Cut, FaultProxy, LoseAnswer, http_answer
from tests.helpers import next_day
from tests.sync_helpers import activity, assert_in_step, enroll, sync_until_done


@pytest.fixture
def proxy(store, keeper, center, db):
    """An enrolled station whose every request goes through the fault proxy."""
    enroll(store, keeper.id, center.url, db)
    fault_proxy = FaultProxy(center.port)
    state = client.load_state(store)
    state.center_url = fault_proxy.url
    state.save(store)
    yield fault_proxy
    fault_proxy.close()


@pytest.mark.parametrize("batch", [protocol.BATCH_EVENTS, 6], ids=["batches", "small batches"])
@pytest.mark.parametrize("direction", ["up", "down"])
def test_connections_cut_at_random_offsets(store, keeper, db, proxy, direction, batch,
                                           monkeypatch):
    """Small batches: a round sends several, two in flight at a time, and cuts land among them."""
    monkeypatch.setattr(protocol, "BATCH_EVENTS", batch)
    rng = random.Random(f"cut-{direction}-{batch}")
    uploader = client.Uploader(store)
    failures = 0
    for _ in range(8):
        activity(store, keeper.id, rng.randint(1, 30))
        proxy.faults.extend(Cut(direction, rng.randint(0, 3000)) for _ in range(rng.randint(1, 3)))
        failures += sync_until_done(uploader)
    assert failures > 0  # the faults did bite
    assert_in_step(store, db)


def test_an_answer_lost_after_the_commit_is_not_sent_twice(store, keeper, db, proxy):
    activity(store, keeper.id, 20)
    uploader = client.Uploader(store)
    uploader.round()  # connection up and idle
    activity(store, keeper.id, 20)
    before = db.station("610102-001").hw_seq
    proxy.faults.append(LoseAnswer())  # the next connection: head is answered, then lost
    proxy.faults.append(LoseAnswer())
    uploader.session.close()
    with pytest.raises(client.Retry):
        uploader.round()
    with pytest.raises(client.Retry):
        uploader.round()
    result = uploader.round()
    assert db.station("610102-001").hw_seq == store.head()[0] > before
    assert result.sent_events <= store.head()[0] - before
    assert_in_step(store, db)


def test_503_with_retry_after_and_a_gateway_web_page_are_retried(store, keeper, db, proxy):
    activity(store, keeper.id, 10)
    uploader = client.Uploader(store)
    proxy.faults.append(http_answer("503 Service Unavailable", b"busy", "text/plain",
                                    "Retry-After: 120\r\n"))
    with pytest.raises(client.Retry) as busy:
        uploader.round()
    assert busy.value.retry_after == 120
    assert client.backoff_delay(0, busy.value.retry_after, rng=lambda: 0.0) == 120
    proxy.faults.append(http_answer("200 OK", b"<html>Please log in to the Wi-Fi</html>",
                                    "text/html"))
    uploader.session.close()
    with pytest.raises(client.Retry, match="not the center"):
        uploader.round()
    assert client.status(store).pending == store.head()[0]  # the mark did not move
    assert client.status(store).offline_since
    # A 409 without its reason (what an answer cut inside its headers reads as) is not the
    # center refusing anything: asked again, not a conflict that stops the queue.
    proxy.faults.append(http_answer("409 Conflict", b"", "text/plain"))
    uploader.session.close()
    with pytest.raises(client.Retry, match="without its reason"):
        uploader.round()
    assert not client.load_state(store).problem
    uploader.session.close()
    uploader.round()
    assert client.status(store).offline_since == ""
    assert_in_step(store, db)


def test_the_center_sigkilled_mid_batch_and_restarted_loses_nothing(store, keeper, center, db,
                                                                   proxy):
    rng = random.Random("kill")
    uploader = client.Uploader(store)
    current = {"center": center}
    try:
        for _ in range(4):
            activity(store, keeper.id, 100)
            threshold, killed = rng.randint(500, 6000), threading.Event()

            def kill_past(sent, threshold=threshold, killed=killed):
                if sent > threshold and not killed.is_set():
                    killed.set()
                    current["center"].kill()

            proxy.on_upload = kill_past
            with pytest.raises(client.Retry):
                while True:  # rounds until the kill lands in one
                    uploader.round()
                    activity(store, keeper.id, 100)
            assert killed.is_set()
            proxy.on_upload = lambda _sent: None
            current["center"] = CenterProcess(center.db_url).start()
            proxy.upstream_ports = [current["center"].port]
            sync_until_done(uploader)
    finally:
        if current["center"] is not center:
            current["center"].stop()
    assert_in_step(store, db)


def test_duplicate_and_concurrent_senders(store, keeper, center, db, proxy):
    from station_app.core.signing import private_key

    activity(store, keeper.id, 300)
    senders = [client.Uploader(store) for _ in range(3)]
    for sender in senders:
        sender.batch_events = 40
    errors = []

    def run(sender):
        try:
            sync_until_done(sender)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(s,)) for s in senders]
    for t in threads:
        t.start()
    events = [e.as_json() for e in store.events()]
    path, key = protocol.batch_path("610102-001"), private_key(store)
    import requests

    for body in protocol.split_batches(events, "610102-001", max_events=50)[:3]:
        requests.post(center.url + path, data=body, timeout=30,
                      headers=protocol.sign_request(key, "610102-001", "POST", path, body))
    for t in threads:
        t.join()
    assert errors == []
    assert db.flags() == []
    assert_in_step(store, db)


@pytest.mark.parametrize("skew", [timedelta(days=1), timedelta(days=-1),
                                  timedelta(days=5 * 365), timedelta(days=-5 * 365)],
                         ids=["+1d", "-1d", "+5y", "-5y"])
def test_a_station_clock_far_off_still_syncs_exactly(store, keeper, clock, db, proxy, skew):
    activity(store, keeper.id, 10)
    next_day(store, keeper.id, clock, days=skew.days)
    activity(store, keeper.id, 10)
    sync_until_done(client.Uploader(store))
    months = {"2026-11", clock.now().strftime("%Y-%m")}
    assert_in_step(store, db, months=sorted(months))
