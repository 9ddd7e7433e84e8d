"""The main window: service areas on the left (F-keys), the page in the middle, and a status bar
with the station, who is at the counter, and the clock."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QSize, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QMainWindow, QMessageBox, QStackedWidget, QWidget)

from station_app import __version__
from station_app.core import parcels, people
from station_app.core.settings import station_settings
from station_app.ui.context import AppContext
from station_app.ui.i18n import error_text
from station_app.ui.login import IdleWatcher, LoginDialog
from station_app.ui.pages.checkin import CheckInPage
from station_app.ui.pages.overdue import OverduePage
from station_app.ui.pages.pickup import PickupPage
from station_app.ui.pages.sends import SendsPage
from station_app.ui.pages.settings import SettingsPage
from station_app.ui.pages.stocktake import StocktakePage
from station_app.ui.widgets import sized

PAGE_KEYS = ("F1", "F2", "F3", "F4", "F5", "F9")


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, scanner, idle: IdleWatcher | None = None):
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("村站助手 · Village Station Assistant"))
        self.resize(1366, 768)
        self.setMinimumSize(QSize(1000, 640))

        self.checkin = CheckInPage(ctx)
        self.pickup = PickupPage(ctx)
        self.sends = SendsPage(ctx)
        self.overdue = OverduePage(ctx)
        self.stocktake = StocktakePage(ctx)
        self.settings = SettingsPage(ctx)
        self.pages = [self.checkin, self.pickup, self.sends, self.overdue, self.stocktake,
                      self.settings]
        self.nav = QListWidget()
        self.nav.setFixedWidth(190)
        self.nav.setIconSize(QSize(24, 24))
        sized(self.nav, 15, bold=True)
        self.nav.setStyleSheet("QListWidget { background:#1f3b57; color:white; border:none; }"
                               "QListWidget::item { padding:14px 10px; }"
                               "QListWidget::item:selected { background:#2f6db0; }")
        self.stack = QStackedWidget()
        for page, key in zip(self.pages, PAGE_KEYS):
            QListWidgetItem(f"{page.page_title()}  {key}", self.nav)
            self.stack.addWidget(page)
            QShortcut(QKeySequence(key), self, activated=lambda p=page: self.show_page(p))
        self.nav.currentRowChanged.connect(self._row_changed)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.station_label = sized(QLabel(), 12)
        self.operator_label = sized(QLabel(), 12)
        self.busy_label = sized(QLabel(), 12)
        self.clock_label = sized(QLabel(), 12, bold=True)
        bar = self.statusBar()
        bar.addWidget(self.station_label)
        bar.addWidget(self.operator_label)
        bar.addWidget(self.busy_label, 1)
        bar.addPermanentWidget(self.clock_label)
        self.clock = QTimer(self)  # parented: stops with the window
        self.clock.timeout.connect(self._tick)
        self.clock.start(1000)
        self._tick()
        ctx.worker.busy_changed.connect(self._show_busy)  # methods: disconnected when we close
        ctx.worker.failed.connect(self.busy_label.setText)

        QShortcut(QKeySequence("F6"), self, activated=self.print_last_label)
        QShortcut(QKeySequence("F7"), self, activated=self.show_arrivals)
        QShortcut(QKeySequence("Ctrl+L"), self, activated=self.lock)
        self.checkin.on_print_label = self.print_last_label
        self.checkin.on_arrivals = self.show_arrivals
        scanner.scanned.connect(self.route_scan)
        self.settings.on_station_changed = self.refresh_status
        if idle is not None:
            idle.idle.connect(self.lock)
            self.settings.on_idle_changed = idle.set_minutes
        self._locked = False
        self.refresh_status()
        self.show_page(self.checkin)
        self._filters = [f for f in (scanner, idle) if f is not None]

    def showEvent(self, event) -> None:  # noqa: N802
        """The scanner and idle filters go in once the window is up: an app-wide Python filter
        sees every event, and building and first painting the window sends thousands of them
        (half its start-up time) that no keeper typed."""
        super().showEvent(event)
        if self._filters:
            QTimer.singleShot(0, self._install_filters)

    def _install_filters(self) -> None:
        app = QApplication.instance()
        for f in self._filters:
            app.installEventFilter(f)
        self._filters = []

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentIndex(row)
            self.pages[row].activate()

    def show_page(self, page) -> None:
        self.nav.setCurrentRow(self.pages.index(page))

    def current_page(self):
        return self.pages[self.stack.currentIndex()]

    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    def _tick(self) -> None:
        self.clock_label.setText(QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm:ss"))

    def refresh_status(self) -> None:
        op = self.ctx.operator
        role = self.tr("Keeper") if op and op.is_keeper else self.tr("Assistant")
        self.operator_label.setText(self.tr("Operator: {name} ({role})").format(
            name=op.name if op else "-", role=role))

        def show(s):
            ident = f" [{s.station_id}]" if s.station_id else ""
            self.station_label.setText(f"{s.station_name}{ident}   v{__version__}")
        self.ctx.worker.run(lambda: station_settings(self.ctx.store), show, owner=self)

    def route_scan(self, text: str) -> None:
        """A scanner burst: the page at hand takes it, or we look the number up."""
        if self._locked or self.current_page().handle_scan(text):
            return

        def found(parcel):
            if parcel is not None and parcel.status == parcels.IN_STOCK:
                self.show_page(self.pickup)
                self.pickup.handle_scan(text)
            elif parcel is None:
                answer = QMessageBox.question(
                    self, self.tr("Unknown parcel"),
                    self.tr("{number} is not at this station. Check it in now?").format(number=text))
                if answer == QMessageBox.StandardButton.Yes:
                    self.show_page(self.checkin)
                    self.checkin.handle_scan(text)
            else:
                self.current_page().banner.info(self.tr("{number}: already {status} on {when}.").format(
                    number=text, status=self.status_text(parcel.status), when=parcel.done_at[:10]))

        self.ctx.worker.run(lambda: parcels.find_by_tracking(self.ctx.store, text), found,
                            lambda e: self.current_page().banner.error(error_text(e)), owner=self)

    def status_text(self, status: str) -> str:
        return {parcels.IN_STOCK: self.tr("on the shelf"), parcels.PICKED_UP: self.tr("picked up"),
                parcels.RETURNED: self.tr("returned to the courier")}.get(status, status)

    def lock(self) -> None:
        if self._locked:
            return
        self._locked = True

        def ask(ops):
            dialog = LoginDialog(self.ctx, ops, self, locked=True)
            dialog.exec()
            self._locked = False
            self.refresh_status()
            self.current_page().activate()

        self.ctx.worker.run(lambda: people.operators(self.ctx.store), ask, owner=self)

    def print_last_label(self) -> None:
        from station_app.ui.printing import print_labels

        parcel = self.checkin.last_parcel()
        if parcel is None:
            self.checkin.banner.info(self.tr("Check a parcel in first, then print its label."))
            return
        print_labels(self, self.ctx, [parcel])

    def show_arrivals(self) -> None:
        from station_app.ui.printing import ArrivalDialog

        ArrivalDialog(self.ctx, self).exec()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.clock.stop()
        super().closeEvent(event)


