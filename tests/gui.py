"""The GUI under test: the main window on a test station, a simulated scanner and typist.

Timing is simulated through the scanner filter's clock, so a "scanner" types 5 ms apart and a
"person" 200 ms apart, with no sleeps. Waiting is on the DB worker going idle.
"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from station_app.ui.app import build_session
from station_app.ui.main_window import MainWindow


class KeyClock:
    """Each key press the filter sees advances time by ``step`` seconds."""

    def __init__(self):
        self.now = 1000.0
        self.step = 0.2

    def __call__(self):
        self.now += self.step
        return self.now


@pytest.fixture
def gui(qtbot, qapp, station, shelved, keeper):
    ctx, scanner, idle, translators = build_session(qapp, station, "zh_CN")
    keys = KeyClock()
    scanner._clock = keys
    ctx.operator = keeper
    window = MainWindow(ctx, scanner, idle)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_idle(qtbot, ctx)
    yield window, ctx, keys
    wait_idle(qtbot, ctx)
    qapp.removeEventFilter(scanner)
    qapp.removeEventFilter(idle)
    for t in translators:
        qapp.removeTranslator(t)
    ctx.worker.shutdown()


def wait_idle(qtbot, ctx):
    qtbot.waitUntil(lambda: ctx.worker.pending == 0, timeout=10_000)


def scan(qtbot, keys, widget, text):
    keys.now += 1.0  # the keeper's hand leaves the keyboard before the scanner fires
    keys.step = 0.005
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    keys.step = 0.2


def type_(qtbot, keys, widget, text, enter=True):
    """A person typing; Chinese arrives as an input-method commit, as a real IME sends it."""
    keys.step = 0.2
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)
