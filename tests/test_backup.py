"""The automatic daily backup: one copy a day, the newest N kept, each a verifiable database."""

from datetime import datetime, timedelta

import pytest

from station_app.core import settings
from station_app.core.errors import UserError
from station_app.core.station import open_station
from station_app.core.verify import verify
from station_app.db.backup import daily_backup


def test_one_copy_a_day_and_only_the_newest_kept(station, keeper, tmp_path):
    folder = tmp_path / "usb"
    day = datetime(2026, 11, 1, 9)
    made = [daily_backup(station.store.engine, folder, keep=3, today=day + timedelta(days=i))
            for i in range(5)]
    assert all(made)
    assert daily_backup(station.store.engine, folder, keep=3, today=day + timedelta(days=4, hours=5)) is None
    kept = sorted(p.name[:14] for p in folder.glob("daily-*.sqlite3"))
    assert kept == ["daily-20261103", "daily-20261104", "daily-20261105"]
    restored = open_station(tmp_path / "r")
    restored.close()
    (tmp_path / "r" / "station.sqlite3").write_bytes(made[-1].read_bytes())
    copy = open_station(tmp_path / "r")
    assert verify(copy.store).ok and copy.store.head() == station.store.head()
    copy.close()


def test_backup_folder_follows_the_keepers_choice(station, keeper, assistant, tmp_path):
    with pytest.raises(UserError):
        settings.change_local_prefs(station.store, assistant.id, backup_dir=str(tmp_path / "x"))
    settings.change_local_prefs(station.store, keeper.id, backup_dir=str(tmp_path / "stick"), backup_keep=2)
    assert station.daily_backup().parent == tmp_path / "stick"
