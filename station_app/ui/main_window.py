"""The main window: service areas on the left (F-keys), the page in the middle, and a status bar
with the station, who is at the counter, and the clock."""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, QTimer,
                            Signal)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel, QListWidget, QPushButton,
                               QListWidgetItem, QMainWindow, QMessageBox, QStackedWidget, QWidget)

from station_app import __version__
from station_app.ui import services as svc
from station_app.ui.context import AppContext
from station_app.ui.i18n import error_text
from station_app.ui.login import FirstRunDialog, IdleWatcher, LoginDialog
from station_app.ui.pages.base import Page
from station_app.ui.scanner import SCAN_FIELD, accepts_scan
from station_app.ui.widgets import sized

log = logging.getLogger(__name__)


class PageSlot:
    """A page built (and its module imported) the first time it is shown: start-up builds only
    the check-in page, and the nav lists them all from these titles."""

    def __init__(self, key: str, module: str, cls: str, title: str):
        self.key, self.module, self.cls, self.title = key, module, cls, title

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, window, owner=None):
        return self if window is None else window.page(self.name)

    def build(self, ctx: AppContext) -> Page:
        module = importlib.import_module(f"station_app.ui.pages.{self.module}")
        return getattr(module, self.cls)(ctx)

    def nav_text(self) -> str:
        return f"{QCoreApplication.translate(self.cls, self.title)}  {self.key}"


class MainWindow(QMainWindow):
    checkin = PageSlot("F1", "checkin", "CheckInPage", QT_TRANSLATE_NOOP("CheckInPage", "Check in"))
    pickup = PageSlot("F2", "pickup", "PickupPage", QT_TRANSLATE_NOOP("PickupPage", "Pickup"))
    sends = PageSlot("F3", "sends", "SendsPage", QT_TRANSLATE_NOOP("SendsPage", "Send"))
    purchases = PageSlot("F6", "purchases", "PurchasesPage",
                         QT_TRANSLATE_NOOP("PurchasesPage", "Agent purchases"))
    produce = PageSlot("F7", "produce", "ProducePage", QT_TRANSLATE_NOOP("ProducePage", "Produce"))
    bills = PageSlot("F10", "bills", "BillsPage", QT_TRANSLATE_NOOP("BillsPage", "Bill payments"))
    services = PageSlot("F11", "services", "ServicesPage",
                        QT_TRANSLATE_NOOP("ServicesPage", "Other services"))
    villagers = PageSlot("Ctrl+F", "villagers", "VillagersPage",
                         QT_TRANSLATE_NOOP("VillagersPage", "Villagers"))
    overdue = PageSlot("F4", "overdue", "OverduePage", QT_TRANSLATE_NOOP("OverduePage", "Overdue"))
    stocktake = PageSlot("F5", "stocktake", "StocktakePage",
                         QT_TRANSLATE_NOOP("StocktakePage", "Stock-take"))
    drawer = PageSlot("F8", "drawer", "DrawerPage", QT_TRANSLATE_NOOP("DrawerPage", "Cash drawer"))
    ledger = PageSlot("F12", "ledger", "LedgerPage", QT_TRANSLATE_NOOP("LedgerPage", "Ledger"))
    sync = PageSlot("Ctrl+B", "sync", "SyncPage", QT_TRANSLATE_NOOP("SyncPage", "County sync"))
    settings = PageSlot("F9", "settings", "SettingsPage", QT_TRANSLATE_NOOP("SettingsPage", "Settings"))
    SLOTS = (checkin, pickup, sends, purchases, produce, bills, services, villagers, overdue,
             stocktake, drawer, ledger, sync, settings)

    ready = Signal()  # the station is open and the PIN prompt is up

    def __init__(self, ctx: AppContext, scanner, idle: IdleWatcher | None = None):
        """With ``ctx.operator`` set (tests, self-test) the window starts unlocked on an open
        station; otherwise it starts locked and :meth:`open_station` brings in the data."""
        super().__init__()
        self.ctx = ctx
        self.idle = idle
        self.setWindowTitle(self.tr("村站助手 · Village Station Assistant"))
        self.resize(1280, 680)  # un-maximized, it still fits a 1366×768 screen with a taskbar
        self.setMinimumSize(QSize(1000, 600))

        self._built: dict[str, Page] = {}
        self.nav = QListWidget()
        self.nav.setFixedWidth(190)
        self.nav.setIconSize(QSize(24, 24))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        sized(self.nav, 15, bold=True)
        self.nav.setStyleSheet("QListWidget { background:#1f3b57; color:white; border:none; }"
                               "QListWidget::item { padding:9px 10px; }"
                               "QListWidget::item:selected { background:#2f6db0; }")
        self.stack = QStackedWidget()
        for slot in self.SLOTS:
            QListWidgetItem(slot.nav_text(), self.nav)
            QShortcut(QKeySequence(slot.key), self,
                      activated=lambda n=slot.name: self.show_page(self.page(n)))
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
        self.sync_label = sized(QPushButton(), 12)
        self.sync_label.setFlat(True)
        self.sync_label.setVisible(False)
        self.sync_label.clicked.connect(lambda: self.show_page(self.sync))
        self.sync_runner = None
        bar = self.statusBar()
        bar.addWidget(self.station_label)
        bar.addWidget(self.operator_label)
        bar.addWidget(self.busy_label, 1)
        bar.addPermanentWidget(self.sync_label)
        bar.addPermanentWidget(self.clock_label)
        self.clock = QTimer(self)  # parented: stops with the window
        self.clock.timeout.connect(self._tick)
        self.clock.start(1000)
        self._tick()
        ctx.worker.busy_changed.connect(self._show_busy)  # methods: disconnected when we close
        ctx.worker.failed.connect(self.busy_label.setText)

        QShortcut(QKeySequence("Ctrl+P"), self, activated=lambda: self.current_page().print_current())
        QShortcut(QKeySequence("Ctrl+T"), self, activated=self.show_arrivals)
        QShortcut(QKeySequence("Ctrl+L"), self, activated=self.lock)
        self.scanner = scanner
        scanner.route = self.route_scan
        scanner.refused.connect(self._scan_refused)
        if idle is not None:
            idle.idle.connect(self.lock)
        self.login_dialog: QDialog | None = None
        self.failed_to_open = False
        self.app_filters = [f for f in (scanner, idle) if f is not None]
        self._after_paint = [self._install_filters]
        self._locked = False
        if ctx.operator is None:
            self._set_locked(True)
        self.show_page(self.checkin)
        if not self._locked:
            self.refresh_status()

    def page(self, name: str) -> Page:
        page = self._built.get(name)
        if page is None:
            page = self._built[name] = getattr(type(self), name).build(self.ctx)
            page.watch_inputs()
            hooks = {"checkin": {"on_print_label": self.print_last_label,
                                 "on_arrivals": self.show_arrivals},
                     "settings": {"on_station_changed": self.refresh_status,
                                  "on_idle_changed": self.idle.set_minutes if self.idle else None}}
            for hook, fn in hooks.get(name, {}).items():
                setattr(page, hook, fn)
            if name == "sync" and self.sync_runner is not None:
                page.attach(self.sync_runner)
            self.stack.addWidget(page)
        return page

    @property
    def pages(self) -> list[Page]:
        """Every page, built now if it was not yet (the self-test, screenshots)."""
        return [self.page(slot.name) for slot in self.SLOTS]

    def paintEvent(self, event) -> None:  # noqa: N802
        """What waits for the first paint: the scanner and idle filters (an app-wide Python filter
        sees every event, and building and painting the window sends thousands that no keeper
        typed) and opening the station (its imports would compete with the paint for the GIL)."""
        super().paintEvent(event)
        if self._after_paint:
            QTimer.singleShot(0, self, self._run_after_paint)

    def _run_after_paint(self) -> None:
        waiting, self._after_paint = self._after_paint, []
        for fn in waiting:
            fn()

    def _install_filters(self) -> None:
        app = QApplication.instance()
        for f in self.app_filters:
            app.installEventFilter(f)

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.SLOTS):
            page = self.page(self.SLOTS[row].name)
            log.info("page %s", self.SLOTS[row].name)
            previous = self.stack.currentWidget()
            if previous is not None and previous is not page:
                previous.leave()
            self.stack.setCurrentWidget(page)
            if not self._locked:
                page.activate()

    def show_page(self, page: Page) -> None:
        row = next(i for i, slot in enumerate(self.SLOTS) if self._built.get(slot.name) is page)
        self.nav.setCurrentRow(row)

    def current_page(self) -> Page:
        return self.stack.currentWidget()

    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    def _tick(self) -> None:
        self.clock_label.setText(f"{self.ctx.clock.now():%Y-%m-%d %H:%M:%S}")

    def refresh_status(self) -> None:
        op = self.ctx.operator
        role = self.tr("Keeper") if op and op.is_keeper else self.tr("Assistant")
        self.operator_label.setText(self.tr("Operator: {name} ({role})").format(
            name=op.name, role=role) if op else "")
        self.ctx.worker.run(lambda: svc.settings.station_settings(self.ctx.store),
                            self._show_station, owner=self)

    def _show_station(self, s) -> None:
        ident = f" [{s.station_id}]" if s.station_id else ""
        self.station_label.setText(f"{s.station_name}{ident}   v{__version__}")

    def route_scan(self, text: str, target: QWidget | None = None) -> bool:
        """A scanner burst. An open dialog owns the keyboard: the scan is typed into its text
        field, or refused. Otherwise the page at hand takes it, else a scan field it landed in
        takes it as typed (Enter included), else we look the number up. False: refused."""
        dialog = QApplication.activeModalWidget()
        if dialog is not None or (target is not None and target.window() is not self):
            take = getattr(dialog or target.window(), "take_scan", None)
            if take is not None and take(text):  # a dialog that reads scans itself (a QR code)
                return True
            if accepts_scan(target):
                self.scanner.deliver(text, target)
                return True
            return False
        if self._locked:
            return False
        if self.current_page().handle_scan(text):
            return True
        if accepts_scan(target) and target.property(SCAN_FIELD) and self.current_page().isAncestorOf(target):
            self.scanner.deliver(text, target)
            return True
        self._look_up(text)
        return True

    def _scan_refused(self, text: str) -> None:
        if not self._locked:
            self.current_page().banner.error(self.tr(
                "The scan {number} was not taken: a question was open. Answer it, then scan "
                "again.").format(number=text))

    def _look_up(self, text: str) -> None:
        """A number scanned where no field wanted it: on the shelf → pickup; unknown → offer
        check-in; otherwise say what became of it."""
        def found(parcel):
            if parcel is not None and parcel.status == svc.parcels.IN_STOCK:
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

        self.ctx.worker.run(lambda: svc.parcels.find_by_tracking(self.ctx.store, text), found,
                            lambda e: self.current_page().banner.error(error_text(e)), owner=self)

    def status_text(self, status: str) -> str:
        parcels = svc.parcels
        return {parcels.IN_STOCK: self.tr("on the shelf"), parcels.PICKED_UP: self.tr("picked up"),
                parcels.RETURNED: self.tr("returned to the courier")}.get(status, status)

    def open_station(self, data_dir: Path, on_failed=None) -> None:
        """Open (migrate, check) the station on the worker, then ask who is at the counter.
        The opening job sets ``ctx.station`` itself, so nothing queued after it finds it shut.
        A failure is told to the keeper and closes the window, unless ``on_failed`` takes it."""
        ctx = self.ctx
        self.station_label.setText(self.tr("Opening the station's data…"))

        def work():
            ctx.station = svc.station.open_station(data_dir, clock=ctx.clock)
            store, settings = ctx.store, svc.settings
            store.config  # noqa: B018 - read here, so pages find the county's rules in memory
            return (settings.station_settings(store), settings.local_prefs(store),
                    svc.people.operators(store))

        def opened(found):
            station, prefs, operators = found
            self._show_station(station)
            if self.idle is not None:
                self.idle.set_minutes(prefs.idle_lock_min)
            ctx.files_dir = prefs.files_dir
            ctx.worker.run(ctx.station.daily_backup,
                           lambda made: made and log.info("daily backup %s", made))
            self.start_sync()
            self._ask_login(operators, starting=True)

        def failed(exc):  # both languages: the catalogue may be the wrong one for this keeper
            self.failed_to_open = True
            if on_failed is not None:
                on_failed(exc)
                return
            QMessageBox.critical(self, "村站助手",
                                 f"无法打开数据库 / Cannot open the database:\n{error_text(exc)}")
            self.close()

        self._after_paint.append(lambda: ctx.worker.run(work, opened, failed, owner=self))
        self.update()  # painted already (the window was shown first): paints again, then runs
        QTimer.singleShot(1000, self, self._run_after_paint)  # never painted (started minimised)

    def start_sync(self) -> None:
        """Uploads run from the moment the station is open, on a thread of their own."""
        from station_app.ui.sync_runner import SyncRunner

        self.sync_runner = SyncRunner(self.ctx.store, self)
        self.sync_runner.changed.connect(self._show_sync)
        if "sync" in self._built:  # the page was opened before: it works through this runner too
            self._built["sync"].attach(self.sync_runner)
        self.sync_runner.start()

    def _show_sync(self, status) -> None:
        from station_app.ui.sync_runner import status_text

        self.sync_label.setVisible(True)
        self.sync_label.setText(status_text(status))
        self.sync_label.setStyleSheet("color:#b00020; font-weight:bold;" if status.problem else "")

    def lock(self) -> None:
        if self._locked:
            return
        self._set_locked(True)
        self.ctx.worker.run(lambda: svc.people.operators(self.ctx.store), self._ask_login,
                            owner=self)

    def _ask_login(self, operators, starting: bool = False) -> None:
        if starting and not operators:
            dialog = FirstRunDialog(self.ctx, self)
        else:
            dialog = LoginDialog(self.ctx, operators, self, locked=not starting)
        dialog.accepted.connect(self._unlock)
        if starting:  # not logging in at start means not starting
            dialog.rejected.connect(self.close)
        self.login_dialog = dialog
        dialog.open()
        log.info("PIN prompt up")
        self.ready.emit()

    def _unlock(self) -> None:
        log.info("unlocked: %s", self.ctx.operator.name if self.ctx.operator else "")
        self.login_dialog = None
        self._set_locked(False)
        self.refresh_status()
        self.current_page().activate()

    def _set_locked(self, locked: bool) -> None:
        """While locked nothing behind the PIN prompt takes keys, clicks or scans; what the
        page said was for whoever was at the counter, not for who logs in next."""
        self._locked = locked
        if locked and self.stack.currentWidget() is not None:
            self.current_page().leave()
        self.centralWidget().setEnabled(not locked)

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

    def show_as_left(self, settings_file: Path) -> None:
        """Maximized the first time (a 1366×768 screen has a taskbar and a title bar to leave
        room for, and every page's bottom buttons must show); afterwards as the keeper left it."""
        from PySide6.QtCore import QSettings

        self._window_settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
        saved = self._window_settings.value("geometry")
        if saved is not None and self.restoreGeometry(saved):
            maximized = self._window_settings.value("maximized", True) in (True, "true")
            self.showMaximized() if maximized else self.show()
        else:
            self.showMaximized()

    def closeEvent(self, event) -> None:  # noqa: N802
        settings = getattr(self, "_window_settings", None)
        if settings is not None:
            settings.setValue("geometry", self.saveGeometry())
            settings.setValue("maximized", self.isMaximized())
            settings.sync()
        self.clock.stop()
        if self.sync_runner is not None:
            self.sync_runner.stop()
        super().closeEvent(event)


