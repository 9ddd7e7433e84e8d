"""Telling a keyboard-wedge barcode scanner from a person typing, once, for the whole window.

A scanner "types" a whole number in a burst (keys a few ms apart) and ends with Enter; a person
is far slower. Keys are let through as they come (so typing never lags); when a burst ends in
Enter, the filter takes the burst back out of the line edit it landed in, swallows the Enter, and
emits ``scanned`` so the window can route the number to the task at hand.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QLineEdit

MAX_GAP_S = 0.030  # the "keystrokes under ~30 ms apart"
MIN_LENGTH = 6


class ScannerFilter(QObject):
    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic,
                 max_gap: float = MAX_GAP_S, min_length: int = MIN_LENGTH):
        super().__init__(parent)
        self._clock = clock
        self._max_gap = max_gap
        self._min_length = min_length
        self._reset()

    def _reset(self) -> None:
        self._chars: list[str] = []
        self._last = -1.0
        self._edit: QLineEdit | None = None
        self._before = ""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() != QEvent.Type.KeyPress or obj is not QApplication.focusWidget():
            return False
        now = self._clock()
        fast = self._last >= 0 and now - self._last <= self._max_gap
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            burst = "".join(self._chars)
            edit, before = self._edit, self._before
            self._reset()
            if fast and len(burst) >= self._min_length:
                if edit is not None and edit.text().endswith(burst):
                    edit.setText(before)
                self.scanned.emit(burst)
                return True
            return False
        text = event.text()
        if not text or not text.isprintable() or event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self._reset()
            return False
        if not fast:
            self._reset()
            self._edit = obj if isinstance(obj, QLineEdit) else None
            self._before = self._edit.text() if self._edit else ""
        self._chars.append(text)
        self._last = now
        return False


def make_scan_field(edit: QLineEdit) -> QLineEdit:
    """A field that receives scans: no input method, so a Chinese IME left on cannot turn the
    digits into pinyin candidates."""
    edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText)
    return edit
