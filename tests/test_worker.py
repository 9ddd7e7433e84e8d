"""The DB worker: results and errors both come back on the GUI thread, in order."""

import threading

from station_app.ui.worker import DbWorker


def test_results_and_errors_come_back_on_the_gui_thread(qtbot):
    worker = DbWorker()
    gui_thread = threading.get_ident()
    seen = []

    def boom():
        raise ValueError("refused")

    with qtbot.waitSignal(worker.busy_changed, check_params_cb=lambda busy: not busy, timeout=5000):
        worker.run(lambda: threading.get_ident(), lambda r: seen.append(("ok", r != gui_thread, threading.get_ident() == gui_thread)))
        worker.run(boom, None, lambda e: seen.append(("err", str(e), threading.get_ident() == gui_thread)))
    assert seen == [("ok", True, True), ("err", "refused", True)]
    worker.shutdown()


def test_an_unhandled_error_is_reported_not_swallowed(qtbot):
    worker = DbWorker()
    with qtbot.waitSignal(worker.failed, timeout=5000) as signal:
        worker.run(lambda: 1 / 0)
    assert "division" in signal.args[0]
    worker.shutdown()
