"""Coverage (issue 22, item 4): the county's administrative villages imported from a CSV (UTF-8 or
GBK, all or nothing, every bad line named), and which of them have an active station."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import func, select

from sync.center import schema
from sync.center.coverage import coverage
from sync.center.storage import open_center
from tests.centers import ROOT, new_center

LIST = "乡镇,行政村\n城关镇,石门村\n城关镇,杨家庄\n\n北塬乡,河湾村\n北塬乡,后沟村\n"


def county(*args, **kw):
    return subprocess.run([sys.executable, "-m", "sync.center", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, **kw)


@pytest.fixture
def center(tmp_path):
    url = new_center(str(tmp_path / "county.sqlite3"))
    db = open_center(url)
    db.add_station("610102-001", "石门村站", "石门村", "城关镇")
    db.add_station("610102-009", "外村站", "外村", "城关镇")
    with db.write() as conn:  # both joined: active
        conn.execute(schema.station.update().values(status="active", public_key="k" * 43))
    yield url, db
    db.close()


def villages(db) -> int:
    with db.read() as conn:
        return conn.execute(select(func.count()).select_from(schema.village)).scalar()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_a_village_list_imports_and_coverage_follows(center, tmp_path, encoding):
    url, db = center
    path = tmp_path / "villages.csv"
    path.write_bytes(LIST.encode(encoding))
    done = county("--db", url, "import-villages", str(path))
    assert done.returncode == 0 and "4 villages" in done.stdout, done.stderr
    townships, unlisted = coverage(db)
    assert [(t.name, t.villages, t.covered, t.uncovered) for t in townships] == [
        ("北塬乡", 2, 0, ["后沟村", "河湾村"]), ("城关镇", 2, 1, ["杨家庄"])]
    assert unlisted == [("城关镇", "外村")]


@pytest.mark.parametrize("text, problem", [
    ("城关镇,石门村\n城关镇,石门村\n", "line 2: 石门村 (城关镇) is listed already on line 1"),
    ("城关镇,石门村\n北塬乡\n", "line 2: a line is: township, village"),
    ("城关镇,石门村,多余\n", "line 1: a line is: township, village"),
    ("\n\n", "lists no villages"),
])
def test_a_bad_file_names_its_lines_and_imports_nothing(center, tmp_path, text, problem):
    url, db = center
    good = tmp_path / "good.csv"
    good.write_text(LIST, encoding="utf-8")
    assert county("--db", url, "import-villages", str(good)).returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_text(text, encoding="utf-8")
    refused = county("--db", url, "import-villages", str(bad))
    assert refused.returncode == 2 and problem in refused.stderr, refused.stderr
    assert "nothing changed" in refused.stderr and villages(db) == 4  # the old list stands


def test_a_file_that_is_not_text_or_far_too_big_is_refused(center, tmp_path):
    url, db = center
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 4)
    assert "neither UTF-8 nor GBK" in county("--db", url, "import-villages", str(binary)).stderr
    huge = tmp_path / "huge.csv"
    huge.write_bytes(b"a,b\n" * (2 * 1024 * 1024))
    assert "over 5 MB" in county("--db", url, "import-villages", str(huge)).stderr
    assert villages(db) == 0


def test_the_coverage_page(center, tmp_path):
    from fastapi.testclient import TestClient

    from sync.center.api import create_app
    from sync.center.web import accounts

    url, db = center
    accounts.add_user(db, "viewer", "viewer", "a-long-password-1")
    app = TestClient(create_app(db))
    app.post("/login", data={"username": "viewer", "password": "a-long-password-1"})
    assert "还没有导入" in app.get("/coverage").text
    path = tmp_path / "villages.csv"
    path.write_text(LIST, encoding="utf-8")
    county("--db", url, "import-villages", str(path))
    page = app.get("/coverage").text
    assert "全县 4 个行政村中有 1 个设有在用站点：覆盖率 25.0%" in page
    assert "后沟村、河湾村" in page and "外村" in page
