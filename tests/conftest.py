import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from station_app.core import drawer, people, shelves  # noqa: E402
from station_app.core.clock import FixedClock  # noqa: E402
from station_app.core.station import open_station  # noqa: E402

CHINA = timezone(timedelta(hours=8))
pytest_plugins = ["tests.gui"]  # the `gui` fixture


@pytest.fixture
def clock():
    return FixedClock(datetime(2026, 11, 20, 9, 30, tzinfo=CHINA))


@pytest.fixture
def station(tmp_path: Path, clock):
    st = open_station(tmp_path / "data", clock=clock)
    yield st
    st.close()


@pytest.fixture
def store(station):
    return station.store


@pytest.fixture
def keeper(store):
    """The keeper, who has opened today's cash drawer with a ¥200 float."""
    op = people.create_operator(store, people.SYSTEM, "王站长", people.KEEPER, "1234")
    drawer.open_drawer(store, op.id, 20000)
    return op


@pytest.fixture
def assistant(store, keeper):
    return people.create_operator(store, keeper.id, "李店员", people.ASSISTANT, "5678")


@pytest.fixture
def shelved(store, keeper):
    """A station with shelves A (3 layers of 3) and B (2 layers of 2)."""
    shelves.add_shelf(store, keeper.id, "A", 3, 3)
    shelves.add_shelf(store, keeper.id, "B", 2, 2)
    return store


@pytest.fixture(scope="session")
def pg_cluster():
    """One throwaway PostgreSQL cluster for the session; each test gets its own database."""
    from tests.centers import PostgresCluster

    cluster = PostgresCluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def center_db(request, tmp_path):
    """A county center database URL, on each backend the center supports."""
    from tests.centers import new_center

    if request.param == "sqlite":
        return new_center(str(tmp_path / "center.sqlite3"))
    return new_center(request.getfixturevalue("pg_cluster").new_database())


@pytest.fixture
def center(center_db):
    """The center as its own process on loopback."""
    from tests.centers import CenterProcess

    proc = CenterProcess(center_db).start()
    yield proc
    proc.stop()


@pytest.fixture
def db(center):
    """The same center's database, opened in the test to look at what it holds."""
    from sync.center.storage import open_center

    handle = open_center(center.db_url)
    yield handle
    handle.close()
