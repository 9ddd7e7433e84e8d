"""The counter as a keeper meets it: the real app in a real X window (Xvfb + openbox, 1366×768
with a taskbar's room), driven by real X key events from xdotool as a wedge scanner and a keeper
send them. Offscreen tests never saw the failures these catch: Shift around every capital broke
the scanner's burst, and a scan left the focus where the next typing corrupted the waybill."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from station_app.core import drawer, parcels, people, shelves
from station_app.core.station import open_station
from tests.xsession import ROOT, SCREEN, TASKBAR, RealApp, XDisplay

PHONE = "13812345678"


@pytest.fixture(scope="module")
def display(tmp_path_factory):
    x = XDisplay(tmp_path_factory.mktemp("x")).start()
    yield x
    x.stop()


@pytest.fixture
def data_dir(tmp_path):
    """A station as a keeper leaves it in the morning: shelves, the drawer open, one villager
    (张三) with a parcel waiting."""
    data = tmp_path / "data"
    station = open_station(data)
    store = station.store
    keeper = people.create_operator(store, people.SYSTEM, "王站长", people.KEEPER, "1234")
    drawer.open_drawer(store, keeper.id, 20000)
    shelves.add_shelf(store, keeper.id, "A", 3, 9)
    parcels.check_in(store, keeper.id, "YT9000000000001", phone=PHONE, name="张三")
    station.close()
    return data


@pytest.fixture
def app(display, data_dir):
    running = RealApp(display, data_dir)
    running.log_in()
    yield running
    display.screenshot(data_dir.parent / "last.png")
    running.quit()


def journal(data_dir) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "station_app", "--data-dir", str(data_dir), "journal"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def checked_in(data_dir) -> dict[str, dict]:
    """Tracking number → the parcel row each check-in event wrote."""
    rows = {}
    for event in journal(data_dir):
        if event["kind"] == "parcel.checked_in":
            for row in event["payload"]["rows"]["parcel"].values():
                rows[row["tracking_no"]] = row
    return rows


def test_scanner_check_ins_of_alphanumeric_waybills(app, data_dir):
    """Capitals come with Shift; suffixes differ between scanners; the phone typed after the
    scan goes into 电话, never onto the end of the waybill."""
    # The counter opens on 入库 (check-in), the cursor in 快递单号.
    for number, suffix in (("SF1357924680135", "Return"), ("JT0001234567890", "KP_Enter"),
                           ("YT1234567890123", "Tab"), ("JDVA12345678901", "Return Return"),
                           ("773123456789012", "")):
        app.scan(number, suffix)
        app.wait_log(rf"scan {number}")
        app.type(PHONE)  # a known villager's number: 姓名 may stay empty
        app.key("Return")  # in 姓名: check in
        app.wait_log(rf"banner ok: 入库成功：取件码 A-\d-{number[-4:]}")
    rows = checked_in(data_dir)
    for number, carrier in (("SF1357924680135", "SF"), ("JT0001234567890", "JT"),
                            ("YT1234567890123", "YTO"), ("JDVA12345678901", "JD"),
                            ("773123456789012", "STO")):
        assert number in rows, sorted(rows)
        assert rows[number]["carrier"] == carrier and rows[number]["recipient_phone"] == PHONE


def test_a_duplicate_waybill_is_told_at_scan_time(app, data_dir):
    # The counter opens on 入库 (check-in), the cursor in 快递单号.
    app.scan("YT9000000000001")
    app.wait_log(r"banner error: .*YT9000000000001.*已经在架上")


def test_pickup_with_a_failed_lookup_in_between_hands_over_nothing_wrong(app, data_dir):
    app.key("F2")
    app.wait_log(r"page pickup")
    app.type("5678")
    app.wait_log(r"banner info: 张三 有 1 件快递")
    app.type("0000")  # somebody else, with nothing on the shelf
    app.wait_log(r"banner error: .*0000")
    app.key("Return")  # Enter again: the previous villager's parcel must not go
    app.key("ctrl+a")
    app.type("5678")
    app.wait_log(r"banner info: 张三 有 1 件快递")
    app.key("Return")
    app.wait_log(r"banner ok: 已取件 1 件")
    pickups = [e for e in journal(data_dir) if e["kind"] == "parcel.picked_up"]
    assert len(pickups) == 1


def test_a_form_error_and_its_correction(app, data_dir):
    """A 10-digit phone is refused; the cursor goes back to 电话 with it selected, so typing the
    right number replaces it."""
    # The counter opens on 入库 (check-in), the cursor in 快递单号.
    app.scan("SF2468013579246")
    app.wait_log(r"scan SF2468013579246")
    app.type("1381234567")  # ten digits
    app.type("李四")
    app.wait_log(r"banner error: .*1381234567.*手机号")
    app.type(PHONE)  # replaces the selected wrong number
    app.key("Return")
    app.wait_log(r"banner ok: 入库成功：取件码 A-\d-9246")
    row = checked_in(data_dir)["SF2468013579246"]
    assert row["recipient_phone"] == PHONE


def test_the_window_fits_a_1366x768_screen_with_a_taskbar(app, display):
    window = app.main_window()
    state = display.run("xprop", "-id", window, "_NET_WM_STATE")
    assert "_NET_WM_STATE_MAXIMIZED_VERT" in state and "_NET_WM_STATE_MAXIMIZED_HORZ" in state, state
    info = display.run("xwininfo", "-id", window)
    top = int(re.search(r"Absolute upper-left Y:\s+(-?\d+)", info).group(1))
    height = int(re.search(r"Height:\s+(\d+)", info).group(1))
    width = int(re.search(r"Width:\s+(\d+)", info).group(1))
    assert width <= SCREEN[0] and top >= 0 and top + height <= SCREEN[1] - TASKBAR, info


@pytest.mark.parametrize("key,page", [("ctrl+f", "villagers"), ("ctrl+b", "sync"), ("F12", "ledger")])
def test_shortcuts_work_from_a_filled_text_box_and_leave_it_alone(app, data_dir, key, page):
    """Ctrl+U, the sync key once, clears the line in a Linux text box instead."""
    app.type("SF1111222233334", enter=False)  # typed by hand into 快递单号, not yet entered
    app.key(key)
    app.wait_log(rf"page {page}")
    app.key("F1")
    app.wait_log(r"page checkin")
    app.key("Return")  # the waybill is still there
    app.type(PHONE)
    app.key("Return")
    app.wait_log(r"banner ok: 入库成功：取件码 A-\d-3334")


def test_enter_again_and_again_checks_in_once_and_keeps_the_confirmation(app, data_dir):
    app.scan("SF3579246801357")
    app.wait_log(r"scan SF3579246801357")
    app.type(PHONE)
    app.key("Return", "Return", "Return", "Return")  # an impatient keeper
    app.wait_log(r"banner ok: 入库成功：取件码 A-\d-1357")
    app.scan("SF1111111111118")  # a sync point: everything typed before has been handled
    app.wait_log(r"scan SF1111111111118")
    assert "banner error" not in app.log()
    assert sum(1 for n in checked_in(data_dir) if n == "SF3579246801357") == 1


def test_a_scan_at_pickup_finds_and_ticks_the_parcel_and_enter_hands_it_over(app, data_dir):
    app.key("F2")
    app.wait_log(r"page pickup")
    app.scan("YT9000000000001")
    app.wait_log(r"banner info: 张三 有 1 件快递")
    app.key("Return")
    app.wait_log(r"banner ok: 已取件 1 件")


def test_a_scan_in_the_send_forms_waybill_field_is_typed_there(app, data_dir):
    app.key("F3")
    app.wait_log(r"page sends")
    app.type("13900001111")  # 寄件人电话, Enter walks the form
    for text in ("赵六", "钱七", "021-5555", "上海市浦东新区", "核桃", "2.5", "18"):
        app.type(text)
    app.key("alt+i", "alt+s")  # 实名 and 验视 ticked from the keyboard; the cursor stays in 运单号
    app.scan("YT5555666677778")  # in 运单号: typed there, and its Enter accepts the send
    app.wait_log(r"banner ok: ")
    sends = [e for e in journal(data_dir) if e["kind"] == "send.accepted"]
    rows = [r for e in sends for r in e["payload"]["rows"]["send"].values()]
    assert [r.get("tracking_no") for r in rows] == ["YT5555666677778"]


def test_a_scan_in_the_ledger_lookup_searches_for_it(app, data_dir):
    app.key("F12")
    app.wait_log(r"page ledger")
    app.scan("YT9000000000001")
    app.wait_log(r"scan YT9000000000001")
    assert "未入库的快递" not in app.log()  # not taken for a parcel to look up
