"""The scanner filter with key events as wedge scanners really send them (offscreen; the same
bursts also run through a real X server in tests/test_real_window.py): Shift around every
capital, CapsLock and NumLock presses, keypad Enter, Tab or CR+LF suffixes, no suffix at all."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui import wait_idle

SHIFT = Qt.KeyboardModifier.ShiftModifier


def scanner_types(qtbot, keys, text, suffix=(Qt.Key.Key_Return,), caps_lock=False):
    """Keys 5 ms apart, as a scanner sends them, each to whatever has the focus then."""
    keys.now += 1.0
    keys.step = 0.005
    if caps_lock:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_CapsLock)
    for ch in text:
        target = QApplication.focusWidget()
        if ch.isupper():
            qtbot.keyPress(target, Qt.Key.Key_Shift, SHIFT)
            qtbot.keyClick(target, ch, SHIFT)
            qtbot.keyRelease(target, Qt.Key.Key_Shift)
        else:
            qtbot.keyClick(target, ch)
    for key in suffix:
        modifier = Qt.KeyboardModifier.KeypadModifier if key == Qt.Key.Key_Enter else \
            Qt.KeyboardModifier.NoModifier
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    keys.step = 0.2


def has_focus_in(dialog):
    focus = QApplication.focusWidget()
    return focus is not None and focus.window() is dialog


@pytest.mark.parametrize("suffix", [
    (Qt.Key.Key_Return,), (Qt.Key.Key_Enter,), (Qt.Key.Key_Tab,),
    (Qt.Key.Key_Return, Qt.Key.Key_Return)], ids=["enter", "keypad-enter", "tab", "cr-lf"])
def test_a_scan_with_shifted_capitals_fills_the_waybill_and_moves_on_like_enter(qtbot, gui, suffix):
    window, ctx, keys = gui
    page = window.checkin
    page.scan.setFocus()
    scanner_types(qtbot, keys, "SF1357924680135", suffix)
    wait_idle(qtbot, ctx)
    assert page.scan.text() == "SF1357924680135"
    assert page.carrier.currentData() == "SF"
    assert page.phone.hasFocus()  # where Enter puts it; the LF of CR+LF went nowhere
    keys.step = 0.2
    qtbot.keyClicks(page.phone, "13812345678")
    assert page.scan.text() == "SF1357924680135" and page.phone.text() == "13812345678"


def test_caps_lock_and_a_scan_without_a_suffix(qtbot, gui):
    window, ctx, keys = gui
    page = window.checkin
    page.scan.setFocus()
    scanner_types(qtbot, keys, "JT0001234567890", suffix=(), caps_lock=True)
    qtbot.waitUntil(page.phone.hasFocus, timeout=2000)  # the burst ends by its silence
    assert page.scan.text() == "JT0001234567890"


def test_a_scan_into_the_phone_field_is_a_new_parcel_and_clears_the_last_one(qtbot, gui):
    window, ctx, keys = gui
    page = window.checkin
    page.scan.setText("YT1234567890123")
    page.phone.setText("13812345678")
    page.name.setText("张三")
    page.name.setFocus()
    scanner_types(qtbot, keys, "SF1357924680135")
    wait_idle(qtbot, ctx)
    assert (page.scan.text(), page.phone.text(), page.name.text()) == ("SF1357924680135", "", "")
    assert page.phone.hasFocus()


def test_a_person_typing_is_never_a_scan(qtbot, gui):
    window, ctx, keys = gui
    page = window.checkin
    seen = []
    window.scanner.scanned.connect(seen.append)
    page.scan.setFocus()
    keys.step = 0.12  # a quick typist: still far slower than 30 ms a key
    qtbot.keyClicks(page.scan, "SF1357924680135")
    assert page.scan.text() == "SF1357924680135" and seen == []


def test_a_scan_while_a_question_is_open_is_refused_and_presses_nothing(qtbot, gui):
    window, ctx, keys = gui
    box = QMessageBox(QMessageBox.Icon.Question, "?", "Check it in now?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    box.open()
    qtbot.waitUntil(lambda: has_focus_in(box))
    box.button(QMessageBox.StandardButton.Yes).setFocus()
    refused = []
    window.scanner.refused.connect(refused.append)
    scanner_types(qtbot, keys, "YT1234567890123")  # Y is the Yes button's letter, Enter its key
    assert refused == ["YT1234567890123"] and box.isVisible() and box.result() == 0
    box.reject()
    assert "YT1234567890123" in window.current_page().banner.text()


def test_a_key_on_a_button_that_is_not_a_scan_still_reaches_it(qtbot, gui):
    window, ctx, keys = gui
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    box.button(QMessageBox.StandardButton.Yes).setText("是(&Y)")
    box.open()
    qtbot.waitUntil(lambda: has_focus_in(box))
    keys.now += 1.0
    qtbot.keyClick(QApplication.focusWidget(), "y")  # held back a moment, then delivered
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=2000)
    assert box.result() == QMessageBox.StandardButton.Yes
