"""`station-app --self-test`: proof that a build works — offscreen, a temporary database migrated
from nothing, the translations loaded and effective, and the real start-up path: the window
shown, the data opened on the worker, the PIN prompt up, every page built."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from pathlib import Path

START_TIMEOUT_MS = 60_000


def run_self_test(lang: str | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

        from station_app.core import parcels, people, shelves
        from station_app.core.station import open_station
        from station_app.core.verify import verify
        from station_app.reports.parcel_docs import shelf_labels
        from station_app.reports.pdf import write_pdf
        from station_app.ui.app import make_app, start_window
        from station_app.ui.login import LoginDialog

        app = make_app()
        lang = lang or "zh_CN"
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp)
            station = open_station(data)
            keeper = people.create_operator(station.store, people.SYSTEM, "自检", people.KEEPER, "0000")
            shelves.add_shelf(station.store, keeper.id, "A", 2, 5)
            parcel = parcels.check_in(station.store, keeper.id, "SF1234567890123",
                                      phone="13812345678", name="张三").parcel  # pypinyin
            label = write_pdf(shelf_labels([parcel], "自检"), data / "label.pdf")  # font, QR
            station.close()
            if parcel.pickup_code != "A-1-0123" or label.stat().st_size < 2000:
                raise RuntimeError("check-in or label printing failed")

            failures: list[BaseException] = []
            loop = QEventLoop()
            window = start_window(app, data, lang, on_failed=lambda e: (failures.append(e), loop.quit()))
            window.ready.connect(loop.quit)
            QTimer.singleShot(START_TIMEOUT_MS, loop.quit)
            loop.exec()
            if failures:
                raise failures[0]
            if not isinstance(window.login_dialog, LoginDialog):
                raise RuntimeError("the station did not open to the PIN prompt")
            if lang == "zh_CN" and QCoreApplication.translate("CheckInPage", "Check in") == "Check in":
                raise RuntimeError("the Chinese catalogue loaded but does not translate")
            pages = window.pages  # every page's module is in the build and constructs
            ok = window.isVisible() and len(pages) == len(window.SLOTS) and verify(window.ctx.store).ok
            window.close()
            window.ctx.worker.shutdown()
            window.ctx.station.close()
        if not ok:
            raise RuntimeError("the main window did not come up")
        print(f"self-test OK: window '{window.windowTitle()}', {len(pages)} pages")
        return 0
    except Exception:
        traceback.print_exc()
        print("self-test FAILED", file=sys.stderr)
        return 1
