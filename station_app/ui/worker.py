"""All database work runs here, off the GUI thread, one job at a time (SQLite has one writer).

``worker.run(fn, on_done, on_error)`` queues ``fn``; exactly one of the callbacks is called on the
GUI thread when it finishes — the error path always fires, so a page never waits forever. Given an
``owner``, the callbacks are dropped if that widget has been destroyed meanwhile (the window closed
while a page was still waiting): the work itself has still been done.
"""

from __future__ import annotations

import logging
import traceback
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)


class DbWorker(QObject):
    _finished = Signal(object, object, object, object, object)  # owner, on_done, on_error, result, error
    busy_changed = Signal(bool)
    failed = Signal(str)  # an unexpected error nobody handled: shown in the status bar

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="station-db")
        self._pending = 0
        self._closed = False
        # Queued even from the GUI thread: a job already done when its callback is attached would
        # otherwise deliver synchronously inside run(), re-entering the caller.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        return self._pending

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            owner: QObject | None = None) -> None:
        if self._closed:  # the app is exiting: no keeper action can reach here any more
            log.warning("a job was requested after shutdown and not run")
            return
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        future = self._executor.submit(fn)
        future.add_done_callback(lambda f: self._emit(f, owner, on_done, on_error))

    def _emit(self, future: Future, owner, on_done, on_error) -> None:
        error = future.exception()
        self._finished.emit(owner, on_done, on_error, None if error else future.result(), error)

    def _deliver(self, owner, on_done, on_error, result, error) -> None:
        self._pending -= 1
        try:
            if owner is not None and not shiboken6.isValid(owner):
                return
            if error is not None:
                if on_error is not None:
                    on_error(error)
                else:
                    log.error("background job failed: %s", "".join(
                        traceback.format_exception(error)))
                    self.failed.emit(str(error))
            elif on_done is not None:
                on_done(result)
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)

    def shutdown(self) -> None:
        """Finish queued work (a confirmed check-in must still commit), then stop the thread."""
        self._closed = True
        self._executor.shutdown(wait=True)
