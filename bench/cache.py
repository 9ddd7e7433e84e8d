"""Benchmark databases are built once (through the real services, minutes) and cached per
schema under bench/.cache/; each run works on a fresh copy, so runs never see each other."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable

from station_app.db.migrate import HEAD_REVISION

# BENCH_CACHE: tests run every bench at a tiny size on an empty cache, so a stale one hides nothing.
CACHE = Path(os.environ.get("BENCH_CACHE") or Path(__file__).resolve().parent / ".cache")
# Bumped when what the services write changes without a schema change (2: derived row IDs).
FORMAT = 2


def cached_station(name: str, what: str, build: Callable[[Path], None]) -> Path:
    """The cached database file for ``name`` at this schema, built by ``build(dir)`` if missing.
    One cache per schema: an older one would be migrated (and backed up) on every run."""
    cached = CACHE / f"{name}-schema{HEAD_REVISION}-f{FORMAT}" / "station.sqlite3"
    if not cached.exists():
        print(f"building {what} (once, cached in {cached.parent})…", flush=True)
        t0 = time.perf_counter()
        building = cached.parent.with_suffix(".building")
        shutil.rmtree(building, ignore_errors=True)
        build(building)
        building.rename(cached.parent)
        print(f"  built in {time.perf_counter() - t0:.0f} s", flush=True)
    return cached


def working_copy(cached: Path, prefix: str) -> Path:
    """A fresh data dir holding a copy of ``cached``, written through to disk before timing."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    shutil.copy(cached, work / "station.sqlite3")
    os.sync()
    return work
