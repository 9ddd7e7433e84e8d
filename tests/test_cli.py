"""The `station-app` command as an engineer or a county officer would use it."""

import json
import sqlite3
import subprocess
import sys

import pytest


def run(*args, check=True):
    result = subprocess.run([sys.executable, "-m", "station_app", *map(str, args)],
                            capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(result.stdout + result.stderr)
    return result


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    data = tmp_path_factory.mktemp("demo") / "data"
    out = run("--data-dir", data, "demo", "--days", "3", "--seed", "5").stdout
    assert "PIN 1234" in out
    return data


def test_demo_verifies_and_journal_prints_json_lines(demo_dir):
    assert run("--data-dir", demo_dir, "verify").stdout.startswith("OK")
    lines = run("--data-dir", demo_dir, "journal", "--from-seq", "3").stdout.splitlines()
    events = [json.loads(line) for line in lines]
    assert events[0]["seq"] == 3 and all(b["prev_hash"] == a["hash"] for a, b in zip(events, events[1:]))
    assert {"seq", "kind", "entity_id", "recorded_at", "payload", "prev_hash", "hash"} <= events[0].keys()


def test_demo_refuses_a_data_dir_with_records(demo_dir):
    result = run("--data-dir", demo_dir, "demo", check=False)
    assert result.returncode == 2 and "已有记录" in result.stderr  # the keeper's language


def test_verify_names_the_first_bad_seq(demo_dir, tmp_path):
    copy = tmp_path / "copy"
    run("--data-dir", demo_dir, "backup", "--out", copy / "station.sqlite3")
    con = sqlite3.connect(copy / "station.sqlite3")
    con.execute("UPDATE journal SET operator='someone' WHERE seq=42")
    con.commit()
    con.close()
    result = run("--data-dir", copy, "verify", check=False)
    assert result.returncode == 1 and "first bad seq 42" in result.stderr


def test_backup_and_restore_round_trip(demo_dir, tmp_path):
    backup = tmp_path / "b.sqlite3"
    run("--data-dir", demo_dir, "backup", "--out", backup)
    target = tmp_path / "fresh"
    run("--data-dir", target, "restore", backup)
    assert run("--data-dir", target, "journal").stdout == run("--data-dir", demo_dir, "journal").stdout


def test_restore_refuses_a_tampered_backup_and_changes_nothing(demo_dir, tmp_path):
    backup = tmp_path / "b.sqlite3"
    run("--data-dir", demo_dir, "backup", "--out", backup)
    con = sqlite3.connect(backup)
    con.execute("UPDATE parcel SET recipient_phone='13900000000' WHERE rowid=3")
    con.commit()
    con.close()
    before = run("--data-dir", demo_dir, "journal").stdout
    result = run("--data-dir", demo_dir, "restore", backup, check=False)
    assert result.returncode == 2 and "does not verify" in result.stderr
    assert run("--data-dir", demo_dir, "journal").stdout == before


def test_restore_refuses_garbage(demo_dir, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    result = run("--data-dir", demo_dir, "restore", junk, check=False)
    assert result.returncode == 2


def test_restore_refuses_an_empty_file_an_empty_station_and_another_stations_backup(
        demo_dir, tmp_path):
    """Issue 20, item 11: a 0-byte file replaced the live database with an empty one, and
    another station's intact backup went in without a word."""
    import shutil

    demo_dir = shutil.copytree(demo_dir, tmp_path / "station")  # the module's demo stays as it is
    before = run("--data-dir", demo_dir, "journal").stdout
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    result = run("--data-dir", demo_dir, "restore", empty, check=False)
    assert result.returncode == 2 and "not a database backup" in result.stderr
    blank = tmp_path / "blank"
    from station_app.core.station import open_station

    open_station(blank).close()  # a station opened once, with no records
    run("--data-dir", blank, "backup", "--out", tmp_path / "blank.sqlite3")
    result = run("--data-dir", demo_dir, "restore", tmp_path / "blank.sqlite3", check=False)
    assert result.returncode == 2 and "holds no records" in result.stderr
    other = tmp_path / "other"
    run("--data-dir", other, "demo", "--days", "1", "--seed", "6")
    run("--data-dir", other, "backup", "--out", tmp_path / "other.sqlite3")
    result = run("--data-dir", demo_dir, "restore", tmp_path / "other.sqlite3", check=False)
    assert result.returncode == 2 and "another station" in result.stderr
    assert run("--data-dir", demo_dir, "journal").stdout == before  # nothing changed, any time
    run("--data-dir", demo_dir, "restore", tmp_path / "other.sqlite3", "--other-station")
    assert run("--data-dir", demo_dir, "journal").stdout == run("--data-dir", other, "journal").stdout


def test_a_mistyped_data_dir_is_refused_and_nothing_is_made(tmp_path):
    """A trial found `--data-dir nodir verify` printing "OK: 0 events" after making an empty
    station there; every command but the app itself and `demo` now needs a station."""
    missing = tmp_path / "nodir"
    for command in (["verify"], ["journal"], ["sync"], ["backup", "--out", str(tmp_path / "b")],
                    ["ledger", "--month", "2026-11"]):
        result = run("--data-dir", missing, *command, check=False)
        assert result.returncode == 2 and "没有站点的数据" in result.stderr, (command, result)
    assert not missing.exists()
