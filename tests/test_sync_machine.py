"""Random interleavings of station activity, uploads, lost and cut connections, duplicate
batches and center restarts (SIGKILL), against a real center process behind the fault proxy.
After every step the center holds a gapless prefix of the station's journal, never a
duplicate; at the end one clean round brings it level and both ledgers agree."""

import shutil
import tempfile
from datetime import datetime
from pathlib import Path

import requests
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from station_app.core import drawer, people
from station_app.core.clock import FixedClock
from station_app.core.station import open_station
from sync import client, protocol
from sync.center.storage import open_center
from tests.centers import CenterProcess, new_center
from tests.conftest import CHINA
from tests.faultproxy import Cut, FaultProxy, LoseAnswer
from tests.sync_helpers import STATION, activity, assert_in_step, enroll, sync_until_done


class SyncMachine(RuleBasedStateMachine):
    @initialize()
    def start(self):
        self.dir = Path(tempfile.mkdtemp(prefix="sync-machine-"))
        self.station = open_station(self.dir / "station",
                                    clock=FixedClock(datetime(2026, 11, 3, 9, 0, tzinfo=CHINA)))
        self.store = self.station.store
        self.keeper = people.create_operator(self.store, people.SYSTEM, "王站长", people.KEEPER,
                                             "1234").id
        drawer.open_drawer(self.store, self.keeper, 20000)
        self.center = CenterProcess(new_center(str(self.dir / "center.sqlite3"))).start()
        self.db = open_center(self.center.db_url)
        enroll(self.store, self.keeper, self.center.url, self.db)
        self.proxy = FaultProxy(self.center.port)
        state = client.load_state(self.store)
        state.center_url = self.proxy.url
        state.save(self.store)
        self.uploader = client.Uploader(self.store)
        self.sent: list[bytes] = []

    @rule(n=st.integers(1, 40))
    def work(self, n):
        activity(self.store, self.keeper, n)

    @rule(size=st.sampled_from([1, 7, 50, 200]))
    def send(self, size):
        self.uploader.batch_events = size
        try:
            self.uploader.round()
        except client.Retry:
            pass

    @rule(offset=st.integers(0, 4000), up=st.booleans())
    def cut_next(self, offset, up):
        self.proxy.faults.append(Cut("up" if up else "down", offset))
        self.uploader.session.close()

    @rule()
    def lose_next_answer(self):
        self.proxy.faults.append(LoseAnswer())
        self.uploader.session.close()

    @rule(start=st.integers(0, 300), size=st.integers(1, 60))
    def duplicate(self, start, size):
        """An old batch sent again straight to the center, as a confused second sender would."""
        from station_app.core.signing import private_key

        events = [e.as_json() for e in self.store.events()][start:start + size]
        if events and events[0]["seq"] <= self.db.station(STATION).hw_seq + 1:
            body = protocol.encode_batch(STATION, events)
            path = protocol.batch_path(STATION)
            answer = requests.post(self.center.url + path, data=body, timeout=30, headers=(
                protocol.sign_request(private_key(self.store), STATION, "POST", path, body)))
            assert answer.status_code == 200, answer.text

    @rule()
    def restart_center(self):
        self.center.kill()
        self.center = CenterProcess(self.center.db_url).start()
        self.proxy.upstream_ports = [self.center.port]

    @invariant()
    def center_holds_a_prefix(self):
        held = self.db.events(STATION, 1, limit=10 ** 9)
        local = [(e.seq, e.hash) for e in self.store.events()]
        assert [(e["seq"], e["hash"]) for e in held] == local[:len(held)]
        assert self.db.station(STATION).hw_seq == len(held)

    def teardown(self):
        try:
            self.proxy.faults.clear()
            sync_until_done(self.uploader)
            assert_in_step(self.store, self.db)
            assert self.db.flags() == []
        finally:
            self.proxy.close()
            self.center.stop()
            self.db.close()
            self.station.close()
            shutil.rmtree(self.dir, ignore_errors=True)


SyncMachine.TestCase.settings = settings(
    max_examples=8, stateful_step_count=12, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
test_sync_machine = SyncMachine.TestCase
