"""`station-app --self-test`: proof that a build works — offscreen, a temporary database migrated
from nothing, the translations loaded and effective, the main window built and shown."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from pathlib import Path


def run_self_test(lang: str | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtCore import QCoreApplication

        from station_app.core import parcels, people, shelves
        from station_app.core.station import open_station
        from station_app.core.verify import verify
        from station_app.reports.parcel_docs import shelf_labels
        from station_app.reports.pdf import write_pdf
        from station_app.ui.app import build_session, make_app
        from station_app.ui.main_window import MainWindow

        app = make_app()
        with tempfile.TemporaryDirectory() as tmp:
            station = open_station(Path(tmp))
            ctx, scanner, idle, _tr = build_session(app, station, lang or "zh_CN")
            if (lang or "zh_CN") == "zh_CN":
                translated = QCoreApplication.translate("CheckInPage", "Check in")
                if translated == "Check in":
                    raise RuntimeError("the Chinese catalogue loaded but does not translate")
            ctx.operator = people.create_operator(station.store, people.SYSTEM, "自检", people.KEEPER, "0000")
            shelves.add_shelf(station.store, ctx.operator.id, "A", 2, 5)
            parcel = parcels.check_in(station.store, ctx.operator.id, "SF1234567890123",
                                      phone="13812345678", name="张三").parcel  # pypinyin
            label = write_pdf(shelf_labels([parcel], "自检"), Path(tmp) / "label.pdf")  # font, QR
            if parcel.pickup_code != "A-1-0123" or label.stat().st_size < 2000:
                raise RuntimeError("check-in or label printing failed")
            window = MainWindow(ctx, scanner, idle)
            window.show()
            app.processEvents()
            ok = window.isVisible() and len(window.pages) >= 2 and verify(station.store).ok
            window.close()
            ctx.worker.shutdown()
            station.close()
        if not ok:
            raise RuntimeError("the main window did not come up")
        print(f"self-test OK: window '{window.windowTitle()}', {len(window.pages)} pages")
        return 0
    except Exception:
        traceback.print_exc()
        print("self-test FAILED", file=sys.stderr)
        return 1
