"""A full disk at the station (issue 20, item 11): it gave a raw sqlite3.OperationalError
traceback, and `backup` left a `.part` file behind. On a real small filesystem (a 4 MB tmpfs
mounted over the data folder) filled to the last byte: a clear Chinese message in the GUI and
the CLI, nothing confirmed lost, no half files, and everything works again once space is
freed."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from station_app.core import parcels
from station_app.core.errors import DiskFull
from station_app.core.verify import verify
from tests.gui import scan, type_, wait_idle

ROOT = Path(__file__).resolve().parents[1]
DISK_FULL_ZH = "电脑的磁盘满了，这一笔没有保存。"


@pytest.fixture
def small_disk(tmp_path):
    """tmp_path/data on its own 4 MB filesystem (mounting needs root, which CI has)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root (CI runs as root)")
    data = tmp_path / "data"
    data.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(data)], check=True)
    yield data
    subprocess.run(["umount", "-l", str(data)], check=True)


def fill(folder: Path, store=None) -> Path:
    """Write a filler file until the filesystem is full; the station's WAL is emptied first,
    so its next write must grow the file."""
    if store is not None:
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def test_a_full_disk_refuses_the_write_loses_nothing_and_passes(small_disk, station, shelved,
                                                                store, keeper):
    parcels.check_in(store, keeper.id, "YT7000000000001", phone="13900001111", name="张三")
    head = store.head()
    filler = fill(small_disk, store)
    with pytest.raises(DiskFull):
        parcels.check_in(store, keeper.id, "YT7000000000002", phone="13900002222", name="李四")
    assert store.head() == head  # nothing half-written
    filler.unlink()
    parcels.check_in(store, keeper.id, "YT7000000000002", phone="13900002222", name="李四")
    assert store.head()[0] == head[0] + 1
    assert verify(store).ok


def test_backup_on_a_full_disk_says_so_in_chinese_and_leaves_no_half_file(
        small_disk, station, shelved, store, keeper):
    parcels.check_in(store, keeper.id, "YT7000000000001", phone="13900001111", name="张三")
    station.close()
    backups = small_disk / "backups"
    filler = fill(small_disk)
    out = backups / "copy.vsbak"
    refused = subprocess.run([sys.executable, "-m", "station_app", "--data-dir", str(small_disk),
                              "backup", "--out", str(out)], cwd=ROOT, capture_output=True,
                             text=True, timeout=120)
    assert refused.returncode == 2 and DISK_FULL_ZH in refused.stderr, refused.stderr
    assert "Traceback" not in refused.stderr
    assert not out.exists() and not list(small_disk.rglob("*.part"))
    filler.unlink()
    made = subprocess.run([sys.executable, "-m", "station_app", "--data-dir", str(small_disk),
                           "backup", "--out", str(out)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    assert out.exists() and not list(backups.glob("*.part"))


def test_the_counter_says_the_disk_is_full_and_checks_in_once_space_is_freed(
        small_disk, qtbot, gui, store):
    window, ctx, keys = gui
    page = window.checkin
    filler = fill(small_disk, store)
    scan(qtbot, keys, page.scan, "SF1234567890123")
    type_(qtbot, keys, page.phone, "13812345678")
    type_(qtbot, keys, page.name, "张三")
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and DISK_FULL_ZH in page.banner.text(), \
        page.banner.text()
    assert page.scan.text() == "SF1234567890123"  # what the keeper typed is still there
    filler.unlink()
    page.check_in()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok" and "入库成功" in page.banner.text(), page.banner.text()
