"""The county workspace through its pages (TestClient on the center's own app): every route as
nobody, a viewer and an admin; sign-in, its limits and sessions; bad input answered with a page
and nothing changed; ledger downloads byte for byte what `county-center ledger` writes; the
audit chain; and every word of the templates in the catalogue."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import update

from sync import client
from sync.center import schema
from sync.center.bundles import import_bundle
from sync.center.storage import open_center
from sync.center.web import accounts
from tests.sync_helpers import STATION, activity

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "a-long-password-1"
MONTH = "2026-11"
READ_ROUTES = ["/stations", f"/stations/{STATION}", f"/stations/{STATION}/ledger/{MONTH}",
               f"/stations/{STATION}/ledger/{MONTH}/download?format=csv", "/flags", "/audit",
               "/stations?township=城关镇&status=red&q=石门", "/config", "/coverage"]


@pytest.fixture
def county(center_db, store, keeper):
    """A center holding one synced station (by USB bundle, in process), with an admin and a
    viewer; on SQLite and on PostgreSQL (center_db)."""
    db_path = center_db
    center = open_center(db_path)
    code = center.add_station(STATION, "石门村站<script>alert(1)</script>", "石门村", "城关镇")
    activity(store, keeper.id, 12)
    data, _count = client.export_bundle(store, STATION, code)
    import_bundle(center, data)
    accounts.add_user(center, "admin", "admin", PASSWORD)
    accounts.add_user(center, "viewer", "viewer", PASSWORD)
    yield center, db_path
    center.close()


@pytest.fixture
def app(county):
    from fastapi.testclient import TestClient

    from sync.center.api import create_app

    return TestClient(create_app(county[0]))


def signed_in(app, username: str):
    answer = app.post("/login", data={"username": username, "password": PASSWORD, "next": "/"},
                      follow_redirects=False)
    assert answer.status_code == 303, answer.text
    return app


def csrf_of(app) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', app.get("/stations").text)[1]


@pytest.mark.parametrize("path", READ_ROUTES + ["/"])
def test_nobody_is_sent_to_sign_in(app, path):
    answer = app.get(path, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/login")


@pytest.mark.parametrize("role", ["viewer", "admin"])
@pytest.mark.parametrize("path", READ_ROUTES)
def test_staff_read_every_page_in_chinese(app, role, path):
    signed_in(app, role)
    answer = app.get(path)
    assert answer.status_code == 200, answer.text
    if "download" not in path:
        assert "县级电商公共服务中心工作台" in answer.text
        assert "<script>alert(1)</script>" not in answer.text  # escaped everywhere
        assert answer.headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_pages_speak_english_when_chosen_and_remember_it(app):
    signed_in(app, "viewer")
    assert "Stations" in app.get("/stations?lang=en").text
    assert "Records held" in app.get(f"/stations/{STATION}").text  # the cookie keeps it
    assert "中心已收记录" in app.get(f"/stations/{STATION}?lang=zh_CN").text


def test_a_wrong_password_is_refused_counted_and_limited(app, county):
    center, _ = county
    for _ in range(accounts.LOGIN_LIMITS["username"]):
        answer = app.post("/login", data={"username": "admin", "password": "wrong", "next": "/"})
        assert answer.status_code == 401 and "用户名或密码不对" in answer.text
    limited = app.post("/login", data={"username": "admin", "password": PASSWORD, "next": "/"})
    assert limited.status_code == 429 and "分钟后再试" in limited.text
    assert int(limited.headers["Retry-After"]) > 0
    assert app.get("/stations", follow_redirects=False).status_code == 303  # not signed in
    with center.read() as conn:
        from sync.center import audit
        actions = [e["action"] for e in audit.entries(conn)]
    assert actions.count("login.failed") == accounts.LOGIN_LIMITS["username"]


def test_signing_out_needs_the_forms_token_and_ends_the_session(app):
    signed_in(app, "admin")
    refused = app.post("/logout", data={"csrf": "forged"})
    assert refused.status_code == 403 and "不是从本工作台提交的" in refused.text
    assert app.get("/stations").status_code == 200  # still signed in: nothing changed
    token = app.cookies.get("vs_staff")
    out = app.post("/logout", data={"csrf": csrf_of(app)}, follow_redirects=False)
    assert out.status_code == 303
    app.cookies.set("vs_staff", token)  # the old cookie kept by someone: worth nothing now
    assert app.get("/stations", follow_redirects=False).status_code == 303


def test_expired_revoked_forged_and_disabled_sessions_sign_in_again(app, county):
    center, _ = county
    signed_in(app, "viewer")
    with center.write() as conn:
        conn.execute(update(schema.staff_session).values(expires_at="2000-01-01T00:00:00.000Z"))
    assert app.get("/stations", follow_redirects=False).status_code == 303
    app.cookies.set("vs_staff", "forged" * 10)
    assert app.get("/stations", follow_redirects=False).status_code == 303
    signed_in(app, "viewer")
    accounts.disable_user(center, "viewer")
    assert app.get("/stations", follow_redirects=False).status_code == 303
    refused = app.post("/login", data={"username": "viewer", "password": PASSWORD})
    assert refused.status_code == 401


@pytest.mark.parametrize("path, status, words", [
    (f"/stations/{STATION}/ledger/2026-13", 400, "不是月份"),
    (f"/stations/{STATION}/ledger/2026-13/download?format=pdf", 400, "不是月份"),
    (f"/stations/{STATION}/ledger/{MONTH}/download?format=exe", 400, "不提供这种文件"),
    ("/stations/999999-999", 404, "没有站点"),
    ("/stations/" + "x" * 500, 404, "没有站点"),
    ("/stations/%2E%2E", 404, "没有站点"),
    ("/stations/a%2Fb", 404, ""),
    ("/audit?before=x", 400, "无法办理"),
    ("/no-such-page", 404, "没有这个页面"),
])
def test_bad_input_gets_a_page_that_says_so(app, path, status, words):
    signed_in(app, "admin")
    answer = app.get(path)
    assert answer.status_code == status and "text/html" in answer.headers["content-type"]
    assert words in answer.text


def test_a_huge_form_is_refused_before_it_is_read(app):
    answer = app.post("/login", content=b"username=" + b"x" * (200 * 1024),
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status_code == 413


def test_a_next_address_off_this_site_goes_home(app):
    answer = app.post("/login", data={"username": "admin", "password": PASSWORD,
                                      "next": "//evil.example/x"}, follow_redirects=False)
    assert answer.headers["location"] == "/"


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "csv", "json"])
def test_ledger_downloads_are_what_the_command_writes(app, county, tmp_path, fmt):
    center, db_path = county
    signed_in(app, "viewer")
    download = app.get(f"/stations/{STATION}/ledger/{MONTH}/download?format={fmt}")
    assert download.status_code == 200
    out = tmp_path / f"cli.{fmt}"
    subprocess.run([sys.executable, "-m", "sync.center", "--db", db_path, "ledger",
                    "--station-id", STATION, "--month", MONTH, "--format", fmt, "--out", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    assert download.content == out.read_bytes()
    if fmt == "csv":
        assert download.content.startswith(b"\xef\xbb\xbf")  # Chinese Excel opens it as UTF-8
    with center.read() as conn:
        from sync.center import audit
        assert audit.entries(conn, limit=1)[0]["action"] == "ledger.export"


def test_the_audit_chain_shows_an_edited_row(app, county):
    center, _ = county
    signed_in(app, "admin")
    assert "全部" in app.get("/audit").text and "核对无误" in app.get("/audit").text
    with center.write() as conn:
        conn.execute(update(schema.staff_audit).where(schema.staff_audit.c.seq == 2)
                     .values(username="someone-else"))
    page = app.get("/audit").text
    assert "日志从第 2 条起对不上" in page


def test_every_word_of_the_templates_is_in_the_catalogue():
    from station_app.reports.catalog import ts_translator
    from sync.center.web.words import WORDS

    templates = ROOT / "sync" / "center" / "web" / "templates"
    used = {m[1] for f in templates.glob("*.html")
            for m in re.findall(r'''\bt\((["'])(.*?)\1\)''', f.read_text())}
    assert used - set(WORDS) == set(), "add these to sync/center/web/words.py, then make lupdate"
    zh = ts_translator("zh_CN")
    untranslated = [w for w in WORDS if zh("web", w) == w]
    assert untranslated == []


ADMIN_FORMS = [("/stations-new", {"station_id": "610102-050", "name": "新站"}),
               (f"/stations/{STATION}/code", {}),
               (f"/stations/{STATION}/revoke", {"reason": "测试"}),
               (f"/stations/{STATION}/township", {"township": "北塬乡"}),
               ("/users", {"username": "zhang", "role": "viewer", "password": PASSWORD,
                           "again": PASSWORD}),
               ("/users/viewer/disable", {}),
               ("/sessions/0000/end", {}),
               ("/config/edit", {"body": "{}"}),
               ("/config/quick", {"free_days": "1"}),
               ("/config/publish", {"body": '{"overdue": {"free_days": 1, "fee_per_day_fen": 1}}'})]


@pytest.mark.parametrize("path, fields", ADMIN_FORMS)
def test_admin_forms_refuse_nobody_a_viewer_and_a_missing_token(app, county, path, fields):
    center, _ = county
    before = _state(center)
    assert app.post(path, data=fields, follow_redirects=False).status_code == 303  # to sign-in
    signed_in(app, "viewer")
    answer = app.post(path, data={**fields, "csrf": csrf_of(app)})
    assert answer.status_code == 403 and "只有管理员" in answer.text
    app.cookies.clear()
    signed_in(app, "admin")
    assert app.post(path, data={**fields, "csrf": "forged"}).status_code == 403
    assert _state(center) == before  # none of it changed anything


def _state(center):
    with center.read() as conn:
        return ([tuple(r) for r in conn.execute(schema.station.select()).all()],
                [tuple(r) for r in conn.execute(schema.staff_user.select()).all()],
                [tuple(r) for r in conn.execute(schema.config.select()).all()])


@pytest.mark.parametrize("path", ["/stations-new", "/users", "/config/edit"])
def test_admin_pages_are_refused_to_a_viewer(app, path):
    signed_in(app, "viewer")
    assert app.get(path).status_code == 403
    app.cookies.clear()
    signed_in(app, "admin")
    assert app.get(path).status_code == 200


def test_an_admin_adds_a_station_and_gets_its_card(app, county, tmp_path, monkeypatch):
    center, _ = county
    signed_in(app, "admin")
    card = app.post("/stations-new", data={"csrf": csrf_of(app), "station_id": "610102-050",
                                           "name": "新庄<b>站</b>", "township": "北塬乡",
                                           "village": "新庄"})
    assert card.status_code == 200 and "站点加入卡" in card.text
    assert "新庄&lt;b&gt;站&lt;/b&gt;" in card.text
    code = re.search(r"[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", card.text)[0]
    png = tmp_path / "qr.png"
    png.write_bytes(__import__("base64").b64decode(
        re.search(r'src="data:image/png;base64,([^"]+)"', card.text)[1]))
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True,
                             text=True, check=True).stdout.strip()
    assert decoded == f"VSENROLL|http://testserver|610102-050|{code}|{center.fingerprint}"
    info = center.station("610102-050")
    assert (info.name, info.township, info.status) == ("新庄<b>站</b>", "北塬乡", "pending")
    again = app.post("/stations-new", data={"csrf": csrf_of(app), "station_id": "610102-050",
                                            "name": "重复"})
    assert again.status_code == 400 and "已有站点" in again.text
    bad = app.post("/stations-new", data={"csrf": csrf_of(app), "station_id": "bad id",
                                          "name": "x"})
    assert bad.status_code == 400 and "站点需要名称" in bad.text
    monkeypatch.setenv("COUNTY_CENTER_URL", "http://127.0.0.1:8600")  # a card no station can use
    local = app.post("/stations-new", data={"csrf": csrf_of(app), "station_id": "610102-051",
                                            "name": "本机站"})
    assert "只在本机有效" in local.text
    monkeypatch.delenv("COUNTY_CENTER_URL")
    # A new code voids the first; the first is then refused as replaced.
    second = app.post("/stations/610102-050/code", data={"csrf": csrf_of(app)})
    assert second.status_code == 200
    from sync.protocol import ProtocolError, new_private_key, public_key_of
    with pytest.raises(ProtocolError, match="replaced_code"):
        center.enroll("610102-050", code, public_key_of(new_private_key()))
    with center.read() as conn:
        from sync.center import audit
        actions = [(e["action"], e["username"]) for e in audit.entries(conn, limit=3)]
    assert ("station.add", "admin") in actions and ("station.code", "admin") in actions


def test_a_joined_station_gets_a_new_code_only_for_a_new_pc(app, county):
    center, _ = county
    signed_in(app, "admin")
    unconfirmed = app.post(f"/stations/{STATION}/code", data={"csrf": csrf_of(app)})
    assert unconfirmed.status_code == 400 and "换了新电脑" in unconfirmed.text
    assert center.station(STATION).public_key is not None  # nothing changed
    confirmed = app.post(f"/stations/{STATION}/code", data={"csrf": csrf_of(app),
                                                           "new_pc": "yes"})
    assert confirmed.status_code == 200 and center.station(STATION).public_key is None


def test_revoking_needs_a_reason_which_is_audited(app, county):
    center, _ = county
    signed_in(app, "admin")
    assert app.post(f"/stations/{STATION}/revoke",
                    data={"csrf": csrf_of(app), "reason": " "}).status_code == 400
    assert center.station(STATION).status == "active"
    done = app.post(f"/stations/{STATION}/revoke", follow_redirects=False,
                    data={"csrf": csrf_of(app), "reason": "站长离职，设备收回"})
    assert done.status_code == 303 and center.station(STATION).status == "revoked"
    assert "站长离职，设备收回" in app.get("/audit").text
    page = app.get(done.headers["location"]).text
    assert "站点已停用" in page and "由 admin 停用：站长离职，设备收回" in page
    assert app.post(f"/stations/{STATION}/code", data={"csrf": csrf_of(app)}).status_code == 409
    saved = app.post(f"/stations/{STATION}/township",
                     data={"csrf": csrf_of(app), "township": "北塬乡"})
    assert center.station(STATION).township == "北塬乡" and "乡镇已保存" in saved.text
    assert "城关镇 → 北塬乡" in app.get("/audit").text


def test_an_admin_manages_accounts_and_sessions(app, county):
    center, _ = county
    signed_in(app, "admin")
    token = csrf_of(app)
    for fields, words in (({"password": PASSWORD, "again": "other-password-2"}, "两次输入的密码不一样"),
                          ({"password": "short", "again": "short"}, "至少要 10 个字符"),
                          ({"username": "admin"}, "已有账号")):
        answer = app.post("/users", data={"csrf": token, "username": "zhang", "role": "viewer",
                                          "password": PASSWORD, "again": PASSWORD, **fields})
        assert answer.status_code == 400 and words in answer.text
    assert app.post("/users", follow_redirects=False, data={
        "csrf": token, "username": "zhang", "role": "viewer", "password": PASSWORD,
        "again": PASSWORD}).status_code == 303
    assert [u["username"] for u in accounts.users(center)] == ["admin", "viewer", "zhang"]
    assert app.post("/users/admin/disable", data={"csrf": token}).status_code == 400
    from fastapi.testclient import TestClient

    from sync.center.api import create_app
    other = signed_in(TestClient(create_app(center)), "viewer")
    viewers = [s["id"] for s in accounts.sessions(center) if s["username"] == "viewer"]
    assert app.post(f"/sessions/{viewers[0]}/end", data={"csrf": token},
                    follow_redirects=False).status_code == 303
    assert other.get("/stations", follow_redirects=False).status_code == 303  # signed out
    app.post("/users/viewer/disable", data={"csrf": token})
    assert [u["disabled"] for u in accounts.users(center)] == [False, True, False]


def test_an_admin_publishes_rules_checked_as_the_command_checks_them(app, county):
    """An officer's trial published a version with every section but one gone, with no
    preview. Now each edit shows what would change first (a removed section said in red), an
    edit that changes nothing is refused, and only the preview's button publishes."""
    center, _ = county
    signed_in(app, "admin")
    form = app.get("/config/edit").text
    assert "免费保管天数" in form and "&#34;carriers&#34;" in form  # the built-in rules to start
    token = csrf_of(app)
    for body, words in (('{"overdue": ', "JSON 第 1 行"), ("[]", "必须是一个对象"),
                        ('{"overdue": {"free_days": 3, "fee_per_day_fen": 0.5}}',
                         "overdue.fee_per_day_fen：应为 0 到 10000 之间的整数"),
                        ('{"fees": {}}', "没有“fees”这一部分"),
                        ('{"carriers": 5}', "carriers：应为最多 200 项的列表")):
        refused = app.post("/config/edit", data={"csrf": token, "body": body})
        assert refused.status_code == 400 and words in refused.text, body
        assert "没有发布" in refused.text and "whole number" not in refused.text
    assert center.config_version() == 0  # nothing published
    preview = app.post("/config/quick", data={"csrf": token, "free_days": "5",
                                              "fee_yuan": "1.50", "title": "停电通知",
                                              "text": "周六上午停电"})
    assert preview.status_code == 200 and "将要改动的内容" in preview.text
    assert center.config_version() == 0  # a preview publishes nothing
    body = re.search(r'name="body" value="([^"]*)"', preview.text)[1]
    import html
    done = app.post("/config/publish", follow_redirects=False,
                    data={"csrf": token, "body": html.unescape(body)})
    assert done.status_code == 303 and center.config_version() == 1
    published = center.config_document()["body"]
    assert published["overdue"] == {"free_days": 5, "fee_per_day_fen": 150}
    assert published["announcements"][0]["title"] == "停电通知"
    assert "carriers" in published  # the quick form changes only what it shows
    same = app.post("/config/quick", data={"csrf": token, "free_days": "5", "fee_yuan": "1.50"})
    assert same.status_code == 400 and "没有任何改动" in same.text
    narrowed = app.post("/config/edit", data={"csrf": token, "body": '{"overdue": {"free_days": '
                                                                     '7, "fee_per_day_fen": 100}}'})
    assert "以下部分将被删除" in narrowed.text and "carriers" in narrowed.text
    app.post("/config/publish", data={"csrf": token, "body": '{"overdue": {"free_days": 7, '
                                                            '"fee_per_day_fen": 100}}'})
    page = app.get("/config?a=1&b=2").text
    assert "从 v1 到 v2" in page and "&#34;free_days&#34;: 7" in page
    with center.read() as conn:
        from sync.center import audit
        entries = [(e["action"], e["target"], e["username"]) for e in audit.entries(conn, limit=2)]
        assert entries == [("config.publish", "v2", "admin"), ("config.publish", "v1", "admin")]
        assert "carriers" in audit.entries(conn, limit=1)[0]["detail"]  # what changed, audited
    assert app.get("/config?b=9").status_code == 404


def test_staff_sessions_and_station_signatures_open_nothing_of_each_other(app, county, store):
    """A staff cookie is no station's signature, and a station's signed request no staff
    session: each side refuses the other's credentials."""
    from station_app.core.signing import private_key
    from sync import protocol

    signed_in(app, "admin")
    head = app.get(f"/api/v1/stations/{STATION}/head")  # with the staff cookie only
    assert head.status_code == 401 and head.json()["error"] == "missing_signature"
    app.cookies.clear()
    path = f"/api/v1/stations/{STATION}/head"
    headers = protocol.sign_request(private_key(store), STATION, "GET", path)
    assert app.get(path, headers=headers).status_code == 200  # the station's own request
    headers = protocol.sign_request(private_key(store), STATION, "GET", "/stations")
    assert app.get("/stations", headers=headers, follow_redirects=False).status_code == 303


def test_a_stations_days_of_contact_are_counted_once_a_day(app, county, store):
    """Contact history: a batch and a fresh head each count the county's day, once."""
    from station_app.core.signing import private_key
    from sync import protocol

    center, _ = county
    path = f"/api/v1/stations/{STATION}/head"
    for _ in range(2):
        headers = protocol.sign_request(private_key(store), STATION, "GET", path)
        assert app.get(path, headers=headers).status_code == 200
    with center.read() as conn:
        days = conn.execute(schema.station_contact.select()).all()
    assert len(days) == 1  # the bundle's batch and two heads: one day
    signed_in(app, "viewer")
    assert "最近 60 天中有 1 天" in app.get(f"/stations/{STATION}").text


def test_a_stations_attendance_calendar(app, county, store):
    """考勤: the month day by day in the station's local dates, open (any record) and online
    (reached the center), and the month's online rate so far."""
    from sync.center.web import views

    center, _ = county
    days = views.attendance(center, STATION, MONTH)
    busy = [d["date"] for week in days["weeks"] for d in week if d and d["busy"]]
    local = {e.as_json()["recorded_at"] for e in store.events()}
    assert busy and days["days_open"] == len(busy) and len(local) >= 1
    assert all(d.startswith(MONTH) for d in busy)
    signed_in(app, "viewer")
    page = app.get(f"/stations/{STATION}?month={MONTH}").text
    assert f"{MONTH} 考勤" in page and "开门" in page
    assert app.get(f"/stations/{STATION}?month=2026-13").status_code == 400
