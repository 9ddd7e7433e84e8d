"""Starting the GUI: fonts, language, the main window, then the database (migrated, backed up)
and the login."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from station_app.core import runtime
from station_app.core.datadir import peek_language
from station_app.resources import CJK_FONT, resources_dir
from station_app.ui import services as svc
from station_app.ui.context import AppContext
from station_app.ui.i18n import LANGUAGES, install_translators
from station_app.ui.login import IdleWatcher
from station_app.ui.scanner import ScannerFilter
from station_app.ui.worker import DbWorker

if TYPE_CHECKING:
    from station_app.core.station import Station

# Windows counter PCs have YaHei; elsewhere (and as the fallback) the font we ship.
WINDOW_FILE = "window.ini"  # this computer's window size and place, beside its data
FONT_FAMILIES = ["Microsoft YaHei UI", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC"]


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("station-app")
    app.setApplicationDisplayName("村站助手")
    QFontDatabase.addApplicationFont(str(resources_dir() / CJK_FONT))
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(12)
    app.setFont(font)
    # Tick boxes big enough to hit with an unpractised mouse hand.
    app.setStyleSheet("QCheckBox::indicator, QTableView::indicator { width: 22px; height: 22px; }")
    return app


def build_session(app: QApplication, station: Station | None, lang: str | None):
    """Everything the window needs, made once: worker, scanner filter, idle lock, language.
    Without a station (the normal start) the idle minutes arrive when it has been opened."""
    prefs = svc.settings.local_prefs(station.store) if station is not None else None
    lang = lang or (prefs.language if prefs else "zh_CN")
    translators = install_translators(app, lang)
    worker = DbWorker(app)
    scanner = ScannerFilter(app)  # both watch the whole app once the main window installs them
    idle = IdleWatcher(prefs.idle_lock_min if prefs else 0, app)
    ctx = AppContext(station, worker, lang, files_dir=prefs.files_dir if prefs else "")
    return ctx, scanner, idle, translators


def start_window(app: QApplication, data_dir: Path, lang: str | None = None, on_failed=None):
    """Show the window, then open the database: the keeper sees the counter as soon as Qt can
    paint it, and the PIN prompt as soon as the data has been checked (about as long again)."""
    from station_app.ui.main_window import MainWindow

    lang = lang or peek_language(data_dir)
    ctx, scanner, idle, translators = build_session(app, None, lang if lang in LANGUAGES else None)
    window = MainWindow(ctx, scanner, idle)
    window.translators = translators  # Qt does not own them
    window.show_as_left(data_dir / WINDOW_FILE)
    window.open_station(data_dir, on_failed)
    return window


def run_gui(data_dir: Path, lang: str | None = None) -> int:
    logging.basicConfig(level=logging.INFO)
    app = make_app()
    window = start_window(app, data_dir, lang)
    QTimer.singleShot(2000, runtime.tune)  # once painted and open, not before the first paint
    code = app.exec()
    window.ctx.worker.shutdown()  # a confirmed check-in still commits
    if window.ctx.station is not None:
        window.ctx.station.close()
    return 1 if window.failed_to_open else code
