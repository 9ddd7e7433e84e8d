"""Starting the GUI: fonts, language, the database (migrated, backed up), login, main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from station_app.core import people
from station_app.core.settings import local_prefs
from station_app.core.station import Station, open_station
from station_app.ui.context import AppContext
from station_app.resources import CJK_FONT, resources_dir
from station_app.ui.i18n import install_translators
from station_app.ui.login import FirstRunDialog, IdleWatcher, LoginDialog
from station_app.ui.scanner import ScannerFilter
from station_app.ui.worker import DbWorker

log = logging.getLogger(__name__)

# Windows counter PCs have YaHei; elsewhere (and as the fallback) the font we ship.
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


def build_session(app: QApplication, station: Station, lang: str | None):
    """Everything the window needs, made once: worker, scanner filter, idle lock, language."""
    prefs = local_prefs(station.store)
    lang = lang or prefs.language
    translators = install_translators(app, lang)
    worker = DbWorker(app)
    scanner = ScannerFilter(app)  # both watch the whole app once the main window installs them
    idle = IdleWatcher(prefs.idle_lock_min, app)
    ctx = AppContext(station, worker, lang)
    return ctx, scanner, idle, translators


def run_gui(data_dir: Path, lang: str | None = None) -> int:
    from station_app.ui.main_window import MainWindow

    logging.basicConfig(level=logging.INFO)
    app = make_app()
    try:
        station = open_station(data_dir)
    except Exception as exc:  # the keeper must see why, in both languages, before anything else
        QMessageBox.critical(None, "村站助手", f"无法打开数据库 / Cannot open the database:\n{exc}")
        return 1
    ctx, scanner, idle, _translators = build_session(app, station, lang)
    ctx.worker.run(station.daily_backup, lambda made: made and log.info("daily backup %s", made))
    operators = people.operators(station.store)
    dialog = FirstRunDialog(ctx) if not operators else LoginDialog(ctx, operators)
    if not dialog.exec():
        ctx.worker.shutdown()
        station.close()
        return 0
    window = MainWindow(ctx, scanner, idle)
    window.show()
    code = app.exec()
    ctx.worker.shutdown()
    station.close()
    return code
