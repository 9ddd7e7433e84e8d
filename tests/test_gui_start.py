"""Start-up as a keeper meets it: the window first, then the data opened on the worker and the
PIN prompt over the window; the lock screen; a database that cannot be opened."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from station_app.core import people, settings, shelves
from station_app.core.datadir import DB_NAME, peek_language
from station_app.core.station import open_station
from station_app.ui.app import start_window
from station_app.ui.login import FirstRunDialog, LoginDialog
from tests.gui import KeyClock, type_, wait_idle


@pytest.fixture
def started(qtbot, qapp):
    """start_window() as `station-app` calls it; cleans up what it installed on the app."""
    windows = []

    def start(data_dir: Path):
        window = start_window(qapp, data_dir)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield start
    for window in windows:
        wait_idle(qtbot, window.ctx)
        window.ctx.worker.shutdown()
        if window.ctx.station is not None:
            window.ctx.station.close()
        for f in window.app_filters:
            qapp.removeEventFilter(f)
        for t in window.translators:
            qapp.removeTranslator(t)


def _station_with_keeper(data: Path) -> None:
    st = open_station(data)
    keeper = people.create_operator(st.store, people.SYSTEM, "王站长", people.KEEPER, "1234")
    shelves.add_shelf(st.store, keeper.id, "A", 2, 5)
    st.close()


def _pin(qtbot, dialog, pin: str) -> None:
    dialog.pin.clear()
    qtbot.keyClicks(dialog.pin, pin)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)


def test_the_window_comes_first_then_the_pin_prompt(qtbot, started, tmp_path):
    data = tmp_path / "data"
    _station_with_keeper(data)
    window = started(data)
    assert window.isVisible() and window._locked and window.ctx.station is None
    assert not window.centralWidget().isEnabled()  # nothing behind the prompt takes keys
    qtbot.waitUntil(lambda: isinstance(window.login_dialog, LoginDialog)
                    and window.login_dialog.isVisible(), timeout=10_000)
    assert window.ctx.station is not None
    _pin(qtbot, window.login_dialog, "9999")
    qtbot.waitUntil(lambda: window.login_dialog.banner.kind == "error", timeout=10_000)
    assert window._locked
    _pin(qtbot, window.login_dialog, "1234")
    qtbot.waitUntil(lambda: not window._locked, timeout=10_000)
    wait_idle(qtbot, window.ctx)
    assert window.centralWidget().isEnabled() and window.current_page() is window.checkin
    assert "王站长" in window.operator_label.text()
    assert window.station_label.text().startswith("村级电商服务站")


def test_a_new_station_is_set_up_at_first_start(qtbot, started, tmp_path):
    window = started(tmp_path / "new")
    qtbot.waitUntil(lambda: isinstance(window.login_dialog, FirstRunDialog), timeout=10_000)
    dialog, keys = window.login_dialog, KeyClock()
    type_(qtbot, keys, dialog.station_name, "石门村电商服务站", enter=False)
    type_(qtbot, keys, dialog.keeper, "王站长", enter=False)
    type_(qtbot, keys, dialog.pin, "2468", enter=False)
    type_(qtbot, keys, dialog.pin2, "2468", enter=False)
    dialog.create()
    qtbot.waitUntil(lambda: not window._locked, timeout=10_000)
    wait_idle(qtbot, window.ctx)
    store = window.ctx.store
    assert settings.station_settings(store).station_name == "石门村电商服务站"
    assert [s.code for s in shelves.shelves(store)] == ["A", "B", "C"]
    assert window.ctx.operator.name == "王站长" and window.ctx.operator.is_keeper


def test_the_lock_screen_lets_nobody_past_without_a_pin(qtbot, gui):
    window, ctx, keys = gui
    window.lock()
    qtbot.waitUntil(lambda: window.login_dialog is not None and window.login_dialog.isVisible(),
                    timeout=10_000)
    dialog = window.login_dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and window._locked and not window.centralWidget().isEnabled()
    _pin(qtbot, dialog, "1234")
    qtbot.waitUntil(lambda: not window._locked, timeout=10_000)
    assert not dialog.isVisible() and window.centralWidget().isEnabled()


def test_a_database_that_cannot_be_opened_is_reported_and_left_alone(qtbot, started, tmp_path,
                                                                     monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    damaged = b"SQLite format 3\x00" + b"\xff" * 5000
    (data / DB_NAME).write_bytes(damaged)
    told = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: told.append(text))
    window = started(data)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert "无法打开数据库" in told[0] and window.login_dialog is None
    assert window.failed_to_open and not window.isVisible()  # run_gui then exits 1
    assert (data / DB_NAME).read_bytes() == damaged


def test_the_language_is_read_before_the_database_is_opened(tmp_path, station, keeper):
    assert peek_language(tmp_path / "nowhere") is None
    assert peek_language(station.data_dir) is None  # never chosen: the caller's default
    settings.change_local_prefs(station.store, keeper.id, language="en")
    assert peek_language(station.data_dir) == "en"
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / DB_NAME).write_bytes(b"not a database at all" * 100)
    assert peek_language(damaged) is None
