"""盘点 — stock-take: scan every parcel on the shelves; each scan says at once whether it belongs;
Finish records the count and lists what is missing and what should not be there."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QTabWidget, QWidget

from station_app.core.validate import clean
from station_app.ui import services as svc
from station_app.ui.lazy_model import LazyTableModel
from station_app.ui.pages.base import Page
from station_app.ui.scanner import make_scan_field
from station_app.ui.widgets import (big_edit, carrier_label, fill_table, lazy_table, local_time,
                                    main_button, plain_table, sized)


class StocktakePage(Page):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.scanned: list[tuple[str, svc.parcels.ParcelInfo | None]] = []
        heading = sized(QLabel(self.tr("Stock-take")), 18, bold=True)
        hint = sized(QLabel(self.tr("Scan every parcel on the shelves, shelf by shelf, then press "
                                    "Finish. Parcels not scanned are listed as missing.")), 13)
        hint.setWordWrap(True)
        self.scan = make_scan_field(big_edit(self.tr("Scan a parcel on the shelf"), 18))
        self.progress = sized(QLabel(), 14, bold=True)
        self.finish_button = main_button(self.tr("Finish stock-take"), 14, 40)
        restart = sized(QPushButton(self.tr("Start over")), 13)
        bar = QHBoxLayout()
        bar.addWidget(self.progress, 1)
        bar.addWidget(restart)
        bar.addWidget(self.finish_button)

        self.scanned_table = plain_table([self.tr("Scanned"), self.tr("Pickup code"),
                                          self.tr("Recipient"), self.tr("Result")])
        store = ctx.store
        self.shelf_model = LazyTableModel(
            ctx.worker, [self.tr("Pickup code"), self.tr("Recipient"), self.tr("Phone"),
                         self.tr("Courier"), self.tr("Tracking no."), self.tr("Checked in")],
            fetch=lambda after, n: svc.parcels.in_stock_page(store, after, n),
            key=svc.parcels.page_key,
            cells=lambda p: [p.pickup_code, p.recipient_name, p.masked_phone,
                             carrier_label(p.carrier), p.tracking_no, local_time(p.checked_in_at)],
            on_error=self.show_error, parent=self)
        self.shelf_table = lazy_table(self.shelf_model)
        self.missing_table = plain_table([self.tr("Pickup code"), self.tr("Recipient"),
                                          self.tr("Phone"), self.tr("Tracking no."),
                                          self.tr("Checked in")])
        self.unexpected_table = plain_table([self.tr("Tracking no."), self.tr("What it is")])
        self.tabs = sized(QTabWidget(), 13)
        self.tabs.addTab(self.scanned_table, self.tr("Scanned"))
        self.tabs.addTab(self.shelf_table, self.tr("On the shelf"))
        self.tabs.addTab(self.missing_table, self.tr("Missing"))
        self.tabs.addTab(self.unexpected_table, self.tr("Unexpected"))

        self.arrange(heading, hint, self.scan, self.banner, bar, (self.tabs, 1))

        self.scan.returnPressed.connect(lambda: self.handle_scan(self.scan.text()))
        self.finish_button.clicked.connect(self.finish)
        restart.clicked.connect(self.start_over)
        self._show_progress()

    def activate(self) -> None:
        self.shelf_model.reload()
        self.scan.setFocus()

    def handle_scan(self, text: str) -> bool:
        number = clean(text).upper()
        self.scan.clear()
        if not number:
            return True
        if any(n == number for n, _ in self.scanned):
            self.banner.info(self.tr("{number} was already scanned.").format(number=number))
            return True

        def show(found):
            self.scanned.insert(0, (number, found))
            self._show_scans()
            if found is not None and found.status == svc.parcels.IN_STOCK:
                self.banner.ok(self.tr("✓ {code} — {name}").format(code=found.pickup_code,
                                                                   name=found.recipient_name))
            else:
                self.banner.error(self.tr("{number} should not be on the shelf: {why}").format(
                    number=number, why=self._why(found)))

        self.call(lambda: svc.parcels.find_by_tracking(self.ctx.store, number), show)
        return True

    def _why(self, found: svc.parcels.ParcelInfo | None) -> str:
        if found is None:
            return self.tr("never checked in")
        if found.status == svc.parcels.PICKED_UP:
            return self.tr("picked up on {day}").format(day=local_time(found.done_at, "%Y-%m-%d"))
        return self.tr("returned to the courier on {day}").format(
            day=local_time(found.done_at, "%Y-%m-%d"))

    def _show_scans(self) -> None:
        fill_table(self.scanned_table, [
            [n, p.pickup_code if p else "", p.recipient_name if p else "",
             self.tr("On the list") if p and p.status == svc.parcels.IN_STOCK else self._why(p)]
            for n, p in self.scanned])
        self._show_progress()

    def _show_progress(self) -> None:
        ok = sum(1 for _, p in self.scanned if p and p.status == svc.parcels.IN_STOCK)
        self.progress.setText(self.tr("Scanned {n}: {ok} on the list, {bad} should not be there").format(
            n=len(self.scanned), ok=ok, bad=len(self.scanned) - ok))
        self.finish_button.setEnabled(bool(self.scanned))

    def finish(self) -> None:
        numbers = [n for n, _ in reversed(self.scanned)]

        def done(result: svc.parcels.StocktakeResult):
            fill_table(self.missing_table, [[p.pickup_code, p.recipient_name, p.masked_phone,
                                             p.tracking_no, local_time(p.checked_in_at)]
                                            for p in result.missing])
            whats = {n: self._why(p) for n, p in self.scanned}
            fill_table(self.unexpected_table, [[n, whats.get(n, "")] for n in result.unexpected])
            summary = self.tr("Stock-take recorded: {found} of {expected} found, {missing} missing, "
                              "{unexpected} unexpected.").format(
                found=len(result.found), expected=result.expected, missing=len(result.missing),
                unexpected=len(result.unexpected))
            if result.missing or result.unexpected:
                self.banner.error(summary)
                self.tabs.setCurrentWidget(self.missing_table if result.missing
                                           else self.unexpected_table)
            else:
                self.banner.ok(summary)
            self.scanned = []
            self._show_scans()

        self.call(lambda: svc.parcels.stocktake(self.ctx.store, self.ctx.op_id, numbers), done)

    def start_over(self) -> None:
        if self.scanned and QMessageBox.question(
                self, self.tr("Start over"),
                self.tr("Forget the {n} scans so far?").format(n=len(self.scanned))
        ) != QMessageBox.StandardButton.Yes:
            return
        self.scanned = []
        self._show_scans()
        self.banner.clear_message()
        self.scan.setFocus()
