"""Nothing a keeper confirmed is lost: a process checking parcels in is SIGKILLed at random
moments; afterwards the database verifies and every check-in it reported is there."""

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from station_app.core import parcels
from station_app.core.station import open_station
from station_app.core.verify import verify

WRITER = Path(__file__).with_name("kill_writer.py")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_sigkill_at_random_moments_loses_nothing_confirmed(tmp_path):
    rng = random.Random(20261122)
    data = tmp_path / "data"
    confirmed: list[str] = []
    for round_ in range(20):
        # Each child numbers from its own block: a kill between a commit and its print leaves a
        # parcel the test never heard of, which a restart from the last printed number would hit.
        start = round_ * 1_000  # and distinct last 4 digits, so pickup codes never run out
        child = subprocess.Popen([sys.executable, str(WRITER), str(data), str(start)],
                                 stdout=subprocess.PIPE, text=True, env={**os.environ})
        assert child.stdout.readline().strip() == "ready"
        for _ in range(rng.randint(1, 25)):  # kill after a random number of commits...
            confirmed.append(child.stdout.readline().strip())
        os.kill(child.pid, signal.SIGKILL)  # ...while the next one is somewhere in flight
        rest = child.stdout.read().split()  # lines already written before the kill landed
        child.wait()
        confirmed.extend(rest)
        station = open_station(data)
        report = verify(station.store)
        assert report.ok, report.problems[:3]
        stock = {p.tracking_no for p in parcels.in_stock_page(station.store, limit=100_000)}
        missing = [n for n in confirmed if n not in stock]
        assert not missing
        station.close()
    assert len(confirmed) >= 20
