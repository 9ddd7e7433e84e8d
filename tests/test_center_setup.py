"""Creating a county center and keeping its key (issue 20, items 9 and 10): only `init` creates
a database, every other command refuses a missing one; the signing key lives in an owner-only
file, never in a table, and a key file that is not the center's own is refused."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

from sqlalchemy import delete, insert, select

from sync import protocol
from sync.center import schema
from sync.center.storage import KEY_SETTING, engine_for, open_center, write_transaction
from tests.centers import ROOT


def county(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sync.center", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def test_only_init_creates_a_center_and_other_commands_refuse_a_missing_one(tmp_path):
    db = tmp_path / "county.sqlite3"
    for command in (["stations"], ["flags"], ["serve", "--port", "0"],
                    ["add-station", "--station-id", "610102-001", "--name", "石门村站"]):
        refused = county("--db", str(db), *command)
        assert refused.returncode == 2 and "init" in refused.stderr, (command, refused.stderr)
        assert "Traceback" not in refused.stderr
    assert list(tmp_path.iterdir()) == []  # a mistyped --db creates nothing
    made = county("--db", str(db), "init")
    assert made.returncode == 0, made.stderr
    key_file = tmp_path / "county.sqlite3.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert county("--db", str(db), "stations").returncode == 0
    again = county("--db", str(db), "init")
    assert again.returncode == 2 and "exists already" in again.stderr


def test_the_key_is_in_its_file_and_nowhere_in_the_database(tmp_path):
    db = tmp_path / "county.sqlite3"
    assert county("--db", str(db), "init").returncode == 0
    key_hex = (tmp_path / "county.sqlite3.key").read_text().strip()
    center = open_center(str(db))
    assert center.key.hex() == key_hex
    with center.read() as conn:
        values = [v for (v,) in conn.execute(select(schema.center_setting.c.value))]
    center.close()
    assert key_hex not in " ".join(values) and protocol.public_key_of(bytes.fromhex(key_hex)) \
        in values
    assert bytes.fromhex(key_hex) not in db.read_bytes() and key_hex.encode() not in \
        db.read_bytes()


def test_a_key_file_that_is_not_the_centers_own_is_refused(tmp_path):
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert county("--db", str(first), "init").returncode == 0
    assert county("--db", str(second), "init").returncode == 0
    wrong = county("--db", str(first), "--key-file", str(tmp_path / "b.sqlite3.key"), "stations")
    assert wrong.returncode == 2 and "not this center's" in wrong.stderr
    (tmp_path / "a.sqlite3.key").chmod(0o644)
    loose = county("--db", str(first), "stations")
    assert loose.returncode == 2 and "chmod 600" in loose.stderr
    (tmp_path / "a.sqlite3.key").unlink()
    missing = county("--db", str(first), "stations")
    assert missing.returncode == 2 and "missing" in missing.stderr


def test_a_center_from_before_the_key_file_has_its_key_moved_out(tmp_path):
    """Centers made before this kept the private key in center_setting: on opening, it is
    written to the owner-only file and deleted from the table; the stations still trust it."""
    db = tmp_path / "county.sqlite3"
    assert county("--db", str(db), "init").returncode == 0
    key_file = tmp_path / "county.sqlite3.key"
    old_key = bytes.fromhex(key_file.read_text().strip())
    key_file.unlink()
    engine = engine_for(str(db))
    with write_transaction(engine) as conn:  # as such a center's table was
        conn.execute(delete(schema.center_setting))
        conn.execute(insert(schema.center_setting).values(key=KEY_SETTING, value=old_key.hex()))
    engine.dispose()
    center = open_center(str(db))
    assert center.key == old_key and stat.S_IMODE(key_file.stat().st_mode) == 0o600
    with center.read() as conn:
        keys = [k for (k,) in conn.execute(select(schema.center_setting.c.key))]
    center.close()
    assert KEY_SETTING not in keys


def test_a_mistyped_postgresql_database_is_a_clear_refusal(pg_cluster):
    url = pg_cluster.url("no_such_county")
    refused = county("--db", url, "stations")
    assert refused.returncode == 2 and "database" in refused.stderr
    assert "Traceback" not in refused.stderr
    empty = pg_cluster.new_database()  # exists, but holds no county center
    refused = county("--db", empty, "stations")
    assert refused.returncode == 2 and "init" in refused.stderr
    made = county("--db", empty, "init")
    assert made.returncode == 0, made.stderr
    assert county("--db", empty, "stations").returncode == 0
