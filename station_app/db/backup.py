"""Backups: a consistent copy of the live database while the app runs, and a checked restore.

Copies are made with ``VACUUM INTO`` a temporary name and renamed into place, so a power cut
mid-backup leaves the previous copies and a stray temp file, never a half-written "backup".
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from station_app.core.errors import DiskFull, IntegrityError, is_disk_full

BACKUP_SUFFIX = ".sqlite3"
DAILY_PREFIX = "daily-"


def timestamped_name(prefix: str, when: datetime) -> str:
    """``when`` comes from the station's clock, like every time the app writes down."""
    return f"{prefix}-{when:%Y%m%d-%H%M%S}{BACKUP_SUFFIX}"


def backup_to(engine: Engine, dest: Path) -> Path:
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        raw = engine.raw_connection()  # autocommit at the driver: VACUUM refuses a transaction
        try:
            raw.driver_connection.execute("VACUUM INTO ?", (str(tmp),))
        finally:
            raw.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)  # never a half copy left behind
        if is_disk_full(exc):
            raise DiskFull() from exc
        raise
    return dest


def daily_backup(engine: Engine, folder: Path, keep: int, today: datetime) -> Path | None:
    """Make today's copy unless one exists; keep the newest ``keep`` daily copies. ``today`` is
    the station clock's now."""
    folder = Path(folder)
    stamp = f"{DAILY_PREFIX}{today:%Y%m%d}"
    existing = sorted(folder.glob(f"{DAILY_PREFIX}*{BACKUP_SUFFIX}")) if folder.exists() else []
    made = None
    if not any(p.name.startswith(stamp) for p in existing):
        made = backup_to(engine, folder / f"{stamp}-{today:%H%M%S}{BACKUP_SUFFIX}")
        existing = sorted(folder.glob(f"{DAILY_PREFIX}*{BACKUP_SUFFIX}"))
    for old in existing[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return made


def check_copy(path: Path) -> None:
    """Raise unless ``path`` is an intact SQLite file (the station-level checks come after)."""
    if not Path(path).is_file():
        raise IntegrityError(f"{path}: no such file")
    with open(path, "rb") as fh:  # an empty or truncated file opens as an empty database
        if fh.read(16) != b"SQLite format 3\x00":
            raise IntegrityError(f"{path} is not a database backup (empty, cut short or another "
                                 "kind of file); nothing was changed")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise IntegrityError(f"{path} is not a readable database ({exc})") from exc
    if result != ["ok"]:
        raise IntegrityError(f"{path} is damaged: " + "; ".join(result[:3]))


def replace_database(source: Path, target: Path) -> None:
    """Put ``source`` in place of ``target`` atomically, dropping the old WAL and shared memory."""
    tmp = target.with_name(target.name + ".restore")
    shutil.copyfile(source, tmp)
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    os.replace(tmp, target)
