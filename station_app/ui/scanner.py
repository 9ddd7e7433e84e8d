"""Telling a keyboard-wedge barcode scanner from a person typing, once, for the whole window.

A scanner "types" a whole number in a burst (keys a few ms apart) and ends it with Enter, Tab,
CR+LF or nothing at all, pressing Shift for every capital; a person is far slower. The rules:

- Key gaps are read from the key event's own timestamp (when the key was pressed, from the
  window system) where it has one, so a person's typing that reaches a busy app all at once is
  not taken for a scan. Modifier-only keys (Shift, CapsLock, NumLock…) are not keys of the burst.
- A burst is at least ``MIN_LENGTH`` characters, each under ``MAX_GAP_S`` after the one before,
  not all the same (a key held down repeats fast too). It ends with Enter (main or keypad), Tab,
  or ``END_GAP_S`` of silence; an LF (or a second Enter) straight after its Enter is swallowed
  (within twice the burst's own slowest key gap: a person's next Enter is never that quick).
- In a text field the keys go in as they come (typing never lags) and a finished burst is taken
  back out; anywhere else (a button, a list, a question box) printable keys are held back for a
  moment, so a scan can never press a dialog's button by its letter, and are replayed when they
  turn out to be typing.
- The finished scan goes to ``route(text, target)``: the main window gives it to the page at hand
  (which does what Enter would have done there), or to a text field of an open dialog; anything
  else (a question box, a PIN field) refuses it with a beep and ``refused``.
"""

from __future__ import annotations

import logging
import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QTextEdit,
                               QWidget)

log = logging.getLogger(__name__)
MAX_GAP_S = 0.030  # keys of a burst come under ~30 ms apart
END_GAP_S = 0.080  # silence that ends a burst sent without a suffix
MIN_LENGTH = 6
MODIFIERS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta,
             Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock, Qt.Key.Key_ScrollLock, Qt.Key.Key_Super_L,
             Qt.Key.Key_Super_R, Qt.Key.Key_Hyper_L, Qt.Key.Key_Hyper_R, Qt.Key.Key_Mode_switch}
ENTERS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
SCAN_FIELD = "scanField"  # a property: this field takes scans as typed input (make_scan_field)


def is_text_input(widget: QObject | None) -> bool:
    return isinstance(widget, (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit))


def press_enter(widget: QWidget) -> None:
    """What typing Enter in ``widget`` does (a line edit's returnPressed, a dialog's default
    button), by a real key event, so no page needs a second code path for scans."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier,
                                                 "\r"))


class ScannerFilter(QObject):
    scanned = Signal(str)  # every recognised scan, wherever it went
    refused = Signal(str)  # a scan that had nowhere to go (a question box was open)

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] | None = None,
                 max_gap: float = MAX_GAP_S, min_length: int = MIN_LENGTH,
                 end_gap: float = END_GAP_S):
        super().__init__(parent)
        self._clock = clock  # tests: simulated time; otherwise the events' own timestamps
        self._max_gap = max_gap
        self._min_length = min_length
        # Set by the main window; until then (and in a filter on its own) a scan is refused.
        self.route: Callable[[str, QWidget | None], bool] = lambda _text, _target: False
        self._end = QTimer(self)
        self._end.setSingleShot(True)
        self._end.setInterval(int(end_gap * 1000))
        self._end.timeout.connect(self._timed_out)
        self._passing = False  # events we send ourselves go straight through
        self._tail_until = -1.0  # an LF or second Enter before this time belongs to the scan
        self._reset()

    def _reset(self) -> None:
        self._chars: list[str] = []
        self._slowest = 0.0  # the burst's largest gap between keys
        self._held: list[QKeyEvent] = []
        self._last = -1.0
        self._target: QWidget | None = None
        self._before = ""
        self._end.stop()

    def _now(self, event: QKeyEvent) -> float:
        if self._clock is not None:
            return self._clock()
        stamp = event.timestamp()
        return stamp / 1000.0 if stamp else time.monotonic()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if self._passing or event.type() != QEvent.Type.KeyPress or obj is not QApplication.focusWidget():
            return False
        key = event.key()
        if key in MODIFIERS:
            return False
        now = self._now(event)
        mods = event.modifiers()
        if now <= self._tail_until and (key in ENTERS or (
                key in (Qt.Key.Key_J, Qt.Key.Key_M) and mods & Qt.KeyboardModifier.ControlModifier)):
            self._tail_until = -1.0
            return True  # the LF of a CR+LF suffix
        fast = self._last >= 0 and now - self._last <= self._max_gap
        if key in ENTERS or key == Qt.Key.Key_Tab:
            if fast and self._is_burst():
                self._finish(enter_seen=key in ENTERS, now=now)
                return True
            self._flush()
            return False
        text = event.text()
        if not text or not text.isprintable() or mods & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self._flush()
            return False
        if not fast:
            self._flush()
            self._target = QApplication.focusWidget()
            self._before = self._target.text() if isinstance(self._target, QLineEdit) else ""
        if fast:
            self._slowest = max(self._slowest, now - self._last)
        self._chars.append(text)
        self._last = now
        self._end.start()
        if is_text_input(self._target):
            return False
        self._held.append(QKeyEvent(event.type(), key, mods, text, event.isAutoRepeat(), event.count()))
        return True

    def _is_burst(self) -> bool:
        return len(self._chars) >= self._min_length and len(set(self._chars)) > 1

    def _timed_out(self) -> None:
        if self._is_burst():
            self._finish(enter_seen=False, now=-1.0)
        else:
            self._flush()

    def _flush(self) -> None:
        """Not a scan after all: held keys reach their widget as the person typed them."""
        held, target = self._held, self._target
        self._reset()
        if held and target is not None:
            self._passing = True
            try:
                for event in held:
                    QApplication.sendEvent(target, event)
            finally:
                self._passing = False

    def _finish(self, enter_seen: bool, now: float) -> None:
        burst, target, before = "".join(self._chars), self._target, self._before
        tail = min(self._max_gap, max(2 * self._slowest, 0.004))
        self._reset()
        self._tail_until = now + tail if enter_seen else -1.0
        if isinstance(target, QLineEdit) and target.text().endswith(burst):
            target.setText(before)
        log.info("scan %s", burst)
        self.scanned.emit(burst)
        if not self.route(burst, target):
            QApplication.beep()
            self.refused.emit(burst)

    def deliver(self, text: str, field: QLineEdit) -> None:
        """A scan typed into ``field`` as if by hand, Enter included."""
        field.setText(text)
        self._passing = True
        try:
            press_enter(field)
        finally:
            self._passing = False


def accepts_scan(widget: QWidget | None) -> bool:
    """A field a scan may be typed into: a visible, enabled, editable line edit that shows what
    is typed (never a PIN field)."""
    return (isinstance(widget, QLineEdit) and widget.isEnabled() and not widget.isReadOnly()
            and widget.echoMode() == QLineEdit.EchoMode.Normal and widget.isVisible())


def latin_field(edit: QLineEdit) -> QLineEdit:
    """A field for digits and codes (a phone, a PIN): no input method, so a Chinese IME left on
    cannot turn what is typed or scanned into pinyin candidates."""
    edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText)
    return edit


def make_scan_field(edit: QLineEdit) -> QLineEdit:
    """A field that takes a scan as typed input, Enter included (a search, a waybill number);
    latin only, like every field a scanner types into."""
    edit.setProperty(SCAN_FIELD, True)
    return latin_field(edit)
