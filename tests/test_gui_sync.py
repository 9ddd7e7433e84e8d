"""The county sync as the keeper meets it: join by scanning the county's QR code, the status
bar going from "not joined" to "synced", the sync page's history, and a wrong code refused in
Chinese with nothing changed."""

import pytest

from station_app.core import parcels
from sync import client
from sync.center.storage import open_center
from tests.centers import CenterProcess, new_center
from tests.gui import wait_idle
from tests.sync_helpers import STATION


@pytest.fixture
def county(tmp_path):
    center = CenterProcess(new_center(str(tmp_path / "county.sqlite3"))).start()
    db = open_center(center.db_url)
    yield center, db
    db.close()
    center.stop()


def test_joining_by_qr_code_and_syncing_from_the_status_bar(qtbot, gui, county, store, keeper):
    window, ctx, keys = gui
    center, db = county
    parcels.check_in(store, keeper.id, "YT7000000000001", phone="13900001111", name="张三")
    window.start_sync()  # the first round runs at once: not joined yet
    qtbot.waitUntil(lambda: window.sync_label.isVisible(), timeout=10_000)
    assert window.sync_label.text() == "未加入县中心"
    page = window.page("sync")
    window.show_page(page)
    wait_idle(qtbot, ctx)
    code = db.add_station(STATION, "测试站")
    page.enroll()
    dialog = page.dialog
    card = f"|{db.fingerprint}"  # the county's QR code carries its key's fingerprint
    assert page.handle_scan(f"VSENROLL|{center.url}|{STATION}|AAAA-AAAA{card}")  # a wrong code
    assert dialog.center_key.text() == db.fingerprint
    dialog.accept()
    qtbot.waitUntil(lambda: page.banner.kind == "error", timeout=10_000)
    assert "不是为这个站点编号发放的" in page.banner.text()
    assert client.load_state(store) is None  # nothing changed
    page.enroll()
    page.handle_scan(f"VSENROLL|{center.url}|{STATION}|{code}{card}")
    with qtbot.waitSignal(window.sync_runner.changed, timeout=20_000,
                          check_params_cb=lambda s: s.enrolled and s.pending == 0):
        page.dialog.accept()
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("已同步"), timeout=10_000)
    assert db.station(STATION).hw_seq == store.head()[0]
    qtbot.waitUntil(lambda: page.history.rowCount() >= 1, timeout=10_000)
    assert page.history.item(0, 1).text() == "完成"
    window.sync_runner.stop()


def test_sync_now_waits_for_a_county_center_and_says_why(qtbot, gui, store):
    window, ctx, _keys = gui
    window.start_sync()
    page = window.page("sync")
    window.show_page(page)
    qtbot.waitUntil(lambda: page.center.text().strip() != "", timeout=10_000)
    assert not page.sync_button.isEnabled() and "县中心" in page.sync_button.toolTip()
    assert "县中心" in page.center.text()
    window.sync_runner.stop()


def test_a_station_without_a_link_reads_the_countys_reply_from_the_stick(qtbot, gui, county,
                                                                        store, keeper, tmp_path):
    window, ctx, _keys = gui
    center, db = county
    parcels.check_in(store, keeper.id, "YT7000000000002", phone="13900002222", name="李四")
    code = db.add_station(STATION, "测试站")
    window.start_sync()
    page = window.page("sync")
    window.show_page(page)
    wait_idle(qtbot, ctx)
    bundle = tmp_path / "bundle.vsb"
    # Not joined: the bundle asks for the county's codes and carries them; without the
    # one-time code nothing is written.
    page.bundle_to(str(bundle))
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=10_000)
    dialog = page.dialog
    dialog.station_id.setText(STATION)
    dialog.accept()  # stays open, keeps what was typed, says what is missing
    assert dialog.isVisible() and dialog.station_id.text() == STATION
    assert dialog.problem.text() == "还缺：一次性加入码。" and dialog.code.hasFocus()
    assert not bundle.exists()
    assert page.handle_scan(f"VSENROLL|{center.url}|{STATION}|{code}|{db.fingerprint}")
    page.dialog.accept()
    qtbot.waitUntil(lambda: page.banner.kind == "ok", timeout=10_000)
    assert page.banner.text() == f"U盘包已导出：{store.head()[0]} 条记录。请交给县中心。"
    from sync.center.bundles import import_bundle, reply

    import_bundle(db, bundle.read_bytes())
    assert db.station(STATION).hw_seq == store.head()[0]  # enrolled by the bundle, and stored
    (tmp_path / "reply.vsr").write_bytes(reply(db, STATION))
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a reply")
    page.take_reply(str(tmp_path / "photo.jpg"))
    qtbot.waitUntil(lambda: page.banner.kind == "error", timeout=10_000)
    assert page.banner.text() == "这个文件不是县中心的回执。"
    assert client.load_state(store) is None  # nothing changed
    page.take_reply(str(tmp_path / "reply.vsr"))
    qtbot.waitUntil(lambda: page.banner.kind == "ok", timeout=10_000)
    assert f"县中心已收到本站第 {store.head()[0]} 条及以前的记录" in page.banner.text()
    assert client.status(store).pending == 0
    qtbot.waitUntil(lambda: page.state.text().startswith("已同步"), timeout=10_000)
    # The history says what happened, beside the network rounds.
    qtbot.waitUntil(lambda: page.history.rowCount() > 0 and page.history.item(0, 2).text()
                    == f"从U盘读取县中心回执：又确认 {store.head()[0]} 条记录", timeout=10_000)
    window.sync_runner.stop()


def test_a_station_id_taken_with_an_earlier_bundle_needs_no_code_again(qtbot, gui):
    from station_app.ui.pages.sync import EnrollDialog

    dialog = EnrollDialog(by_bundle=True, known_id=STATION)
    qtbot.addWidget(dialog)
    dialog.station_id.setText(STATION)
    dialog.accept()
    assert dialog.result() == EnrollDialog.DialogCode.Accepted
    other = EnrollDialog(by_bundle=True, known_id=STATION)
    qtbot.addWidget(other)
    other.station_id.setText("610102-002")  # another id: its code is missing
    other.accept()
    assert other.result() != EnrollDialog.DialogCode.Accepted and "一次性加入码" in other.problem.text()


def test_a_scanned_card_refuses_a_center_signing_with_another_key(qtbot, gui, county, store,
                                                                  keeper, tmp_path):
    """Issue 20, item 7: the QR card carries the county key's fingerprint; an answer signed by
    any other key (here: another center at the card's address) is refused in Chinese, and
    nothing is pinned."""
    window, ctx, _keys = gui
    center, db = county
    impostor = CenterProcess(new_center(str(tmp_path / "impostor.sqlite3"))).start()
    fake = open_center(impostor.db_url)
    code = fake.add_station(STATION, "测试站")
    window.start_sync()
    page = window.page("sync")
    window.show_page(page)
    wait_idle(qtbot, ctx)
    page.enroll()
    page.handle_scan(f"VSENROLL|{impostor.url}|{STATION}|{code}|{db.fingerprint}")
    page.dialog.accept()
    qtbot.waitUntil(lambda: page.banner.kind == "error", timeout=10_000)
    assert "不是您卡上的县中心" in page.banner.text() and "什么都没有发送" in page.banner.text()
    assert fake.station(STATION).public_key is None  # the code never reached the impostor
    assert client.load_state(store) is None
    window.sync_runner.stop()
    fake.close()
    impostor.stop()
