"""Start-up migrations: every released schema upgrades (after a backup) and still verifies;
a newer, foreign or damaged database is refused untouched."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from station_app.core.errors import IntegrityError
from station_app.core.datadir import DB_NAME
from station_app.core.station import open_station
from station_app.core.verify import verify
from station_app.db.migrate import NewerDatabase, head_revision

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "schemas").glob("*.sqlite3"))


def test_there_is_a_fixture_for_the_newest_schema():
    assert f"{head_revision()}.sqlite3" in {p.name for p in FIXTURES}


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_each_released_schema_opens_upgrades_and_verifies(tmp_path, fixture):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(fixture, data / DB_NAME)
    station = open_station(data)
    report = verify(station.store)
    assert report.ok and report.events > 100
    station.close()
    backups = list((data / "backups").glob("before-upgrade-*")) if (data / "backups").exists() else []
    assert bool(backups) == (fixture.stem != head_revision())


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def test_a_newer_database_is_refused_and_left_untouched(tmp_path):
    data = tmp_path / "data"
    open_station(data).close()
    con = sqlite3.connect(data / DB_NAME)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    before = _bytes(data / DB_NAME)
    with pytest.raises(NewerDatabase):
        open_station(data)
    assert _bytes(data / DB_NAME) == before


def test_a_foreign_database_is_refused(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    con = sqlite3.connect(data / DB_NAME)
    con.execute("CREATE TABLE recipes (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(IntegrityError):
        open_station(data)


def test_a_damaged_database_is_refused(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_NAME).write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    with pytest.raises(Exception):
        open_station(data)


def test_the_fast_start_up_head_matches_alembics_head():
    from station_app.db.migrate import HEAD_REVISION

    assert HEAD_REVISION == head_revision()


def test_the_models_match_what_the_migrations_build(tmp_path):
    """A new database is built by the migrations, the code reads it through the models: a
    change made to one and not the other shows here."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from station_app.core.models import Base

    station = open_station(tmp_path / "data")
    with station.store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    station.close()
    assert differences == []
