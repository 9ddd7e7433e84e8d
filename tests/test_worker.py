"""The DB worker: results and errors both come back on the GUI thread, in order."""

import threading

import shiboken6

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


def test_callbacks_for_a_destroyed_widget_are_dropped_but_the_work_is_done(qtbot):
    from PySide6.QtWidgets import QLabel

    worker = DbWorker()
    label = QLabel()
    gate, done, seen = threading.Event(), [], []
    worker.run(lambda: (gate.wait(5), done.append(1)), lambda _r: seen.append(label.text()),
               owner=label)
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label))
    with qtbot.waitSignal(worker.busy_changed, check_params_cb=lambda busy: not busy, timeout=5000):
        gate.set()
    assert done == [1] and seen == []
    worker.shutdown()


def test_a_lazy_list_drops_pages_from_before_a_reload(qtbot):
    """The keeper reloads while a page is still being read: the old page must not appear."""
    from station_app.ui.lazy_model import LazyTableModel

    worker = DbWorker()
    gate = threading.Event()
    generation = iter(["old", "new"])

    def fetch(after, n):
        tag = next(generation)
        if tag == "old":
            gate.wait(5)
        start = 0 if after is None else after + 1
        return [(tag, i) for i in range(start, min(start + n, 5))]

    model = LazyTableModel(worker, ["tag", "n"], fetch, key=lambda r: r[1],
                           cells=lambda r: [r[0], str(r[1])], page_size=3)
    model.fetchMore()  # "old": blocked on the gate
    model.reload()  # "new": queued behind it
    gate.set()
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert model.rows == [("new", 0), ("new", 1), ("new", 2)] and not model.complete
    model.fetch = lambda after, n: [("new", i) for i in range(after + 1, 5)]
    model.fetchMore()
    qtbot.waitUntil(lambda: model.complete)
    assert [r[1] for r in model.rows] == [0, 1, 2, 3, 4]
    worker.shutdown()
