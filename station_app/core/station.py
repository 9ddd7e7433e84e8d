"""Opening a station's data folder (its layout is in :mod:`station_app.core.datadir`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from station_app.core.clock import SystemClock
from station_app.core.datadir import DB_NAME
from station_app.core.errors import DiskFull, is_disk_full
from station_app.core.journal import Store
from station_app.core.settings import local_prefs
from station_app.db.backup import backup_to, daily_backup, timestamped_name
from station_app.db.migrate import open_database


@dataclass
class Station:
    data_dir: Path
    store: Store

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_NAME

    def backup_dir(self) -> Path:
        chosen = local_prefs(self.store).backup_dir
        return Path(chosen) if chosen else self.data_dir / "backups"

    def daily_backup(self) -> Path | None:
        return daily_backup(self.store.engine, self.backup_dir(), local_prefs(self.store).backup_keep,
                            self.store.clock.now())

    def backup_now(self) -> Path:
        """A copy on demand (before lending the PC, before an update), kept beside the daily ones."""
        return backup_to(self.store.engine, self.backup_dir() / timestamped_name("manual", self.store.clock.now()))

    def close(self) -> None:
        self.store.close()


def open_station(data_dir: Path, clock=None) -> Station:
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    clock = clock or SystemClock()
    try:
        engine = open_database(data_dir / DB_NAME, data_dir / "backups", clock.now())
    except Exception as exc:  # a full disk is the keeper's to fix: said so, not a traceback
        if is_disk_full(exc):
            raise DiskFull() from exc
        raise
    return Station(data_dir, Store(engine, clock))
