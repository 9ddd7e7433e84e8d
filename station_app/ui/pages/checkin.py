"""入库 — check-in: scan, phone (or last 4 + name), Enter. The cursor always knows where to go."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from station_app.core import messages as m
from station_app.core.carriers import OTHER
from station_app.core.errors import UserError
from station_app.core.validate import parse_tracking
from station_app.ui import services as svc
from station_app.ui.i18n import error_text
from station_app.ui.pages.base import Page
from station_app.ui.scanner import latin_field, make_scan_field
from station_app.ui.widgets import (big_edit, carrier_combo, carrier_label, fill_carriers, fill_table, form,
                                    main_button, money, plain_table, sized)


class CheckInPage(Page):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.batch_id: str | None = None  # minted with the batch's first parcel
        self.batch: list[svc.parcels.ParcelInfo] = []
        self._unfinished: str | None = None  # a waybill scanned and not yet checked in
        self.on_print_label = None  # set by the window: prints the last parcel's label
        self.on_arrivals = None

        heading = sized(QLabel(self.tr("Check in parcels")), 18, bold=True)
        self.scan = make_scan_field(big_edit(self.tr("Scan or type the tracking number"), 20))
        self.carrier = carrier_combo()
        self.phone = big_edit(self.tr("Mobile number, or its last 4 digits"))
        latin_field(self.phone)
        self.name = big_edit(self.tr("Recipient's name"))
        self.shelf = QComboBox()
        sized(self.shelf, 14)
        self.submit = main_button(self.tr("Check in (Enter)"))

        fields = form([(self.tr("Tracking no."), self.scan), (self.tr("Courier"), self.carrier),
                       (self.tr("Phone"), self.phone), (self.tr("Name"), self.name),
                       (self.tr("Shelf"), self.shelf)])

        self.count = sized(QLabel(), 14, bold=True)
        new_batch = QPushButton(self.tr("New batch"))
        new_batch.clicked.connect(self.new_batch)
        self.label_button = QPushButton(self.tr("Print label (Ctrl+P)"))
        self.label_button.clicked.connect(lambda: self.on_print_label and self.on_print_label())
        arrivals = QPushButton(self.tr("Arrival list (Ctrl+T)"))
        arrivals.clicked.connect(lambda: self.on_arrivals and self.on_arrivals())
        bar = QHBoxLayout()
        bar.addWidget(self.count)
        bar.addStretch(1)
        for b in (self.label_button, arrivals, new_batch):
            sized(b, 12)
            bar.addWidget(b)

        self.table = plain_table([self.tr("Pickup code"), self.tr("Tracking no."), self.tr("Courier"),
                                  self.tr("Recipient"), self.tr("Phone")])
        self.arrange(heading, fields, self.submit, self.banner, bar, (self.table, 1))

        self.scan.returnPressed.connect(self._scan_entered)
        self.scan.textEdited.connect(lambda _t: self._guess_carrier())
        self.phone.returnPressed.connect(self._phone_entered)
        self.name.returnPressed.connect(self.check_in)
        self.submit.clicked.connect(self.check_in)
        self._update_count()

    def activate(self) -> None:
        fill_carriers(self.carrier, self.ctx.store.config.carriers)
        self.refresh_shelves()
        self.scan.setFocus()
        self.scan.selectAll()

    def refresh_shelves(self) -> None:
        def show(rows):
            current = self.shelf.currentData()
            self.shelf.clear()
            self.shelf.addItem(self.tr("Automatic"), "")
            for s in rows:
                self.shelf.addItem(self.tr("Shelf {code} ({free} free)").format(
                    code=s.code, free=s.capacity - s.in_stock), s.code)
            index = self.shelf.findData(current)
            self.shelf.setCurrentIndex(max(index, 0))
        self.call(lambda: svc.shelves.shelves(self.ctx.store), show)

    def handle_scan(self, text: str) -> bool:
        """A scan is always a new parcel: nothing typed for the one before carries over. One
        scanned but not checked in yet is not dropped without a word."""
        unfinished = self._unfinished
        self.scan.setText(text)
        self.phone.clear()
        self.name.clear()
        self._scan_entered()
        if unfinished and unfinished != self._unfinished:
            self.banner.info(self.tr("{old} was not checked in: it had no phone yet. Scan it again "
                                     "after this one. Now: {new}.").format(old=unfinished, new=text))
        return True

    def _guess_carrier(self) -> list[str]:
        try:
            fits = svc.parcels.suggest_carriers(self.ctx.store, self.scan.text())
        except UserError:
            return []
        self.carrier.setCurrentIndex(max(self.carrier.findData(fits[0]), 0))
        return fits

    def _scan_entered(self) -> None:
        if not self.scan.text().strip():
            return  # Enter on an empty field: the last check-in's confirmation stays
        try:
            parse_tracking(self.scan.text())
        except UserError as exc:
            self.banner.error(error_text(exc))
            self.scan.selectAll()
            return
        self._unfinished = self.scan.text().strip().upper()  # until checked in, or found on the shelf
        fits = self._guess_carrier()
        if len(fits) > 1:
            self.banner.info(self.tr("This number fits {list}: check the courier.").format(
                list=" / ".join(carrier_label(c) for c in fits)))
        elif fits == [OTHER]:
            self.banner.info(self.tr("Unknown number format: choose the courier if you know it."))
        else:
            self.banner.clear_message()
        self.phone.setFocus()
        self.phone.selectAll()
        number = self.scan.text()

        def on_shelf(parcel):  # said now, before the keeper types a phone and a name for it
            if parcel is not None and parcel.status == svc.parcels.IN_STOCK and self.scan.text() == number:
                self.banner.error(error_text(UserError(
                    m.ALREADY_IN_STOCK, tracking_no=parcel.tracking_no, code=parcel.pickup_code)))
                self.phone.clear()
                self.name.clear()
                self._unfinished = None
                self._focus(self.scan)
        self.call(lambda: svc.parcels.find_by_tracking(self.ctx.store, number), on_shelf)

    @staticmethod
    def _focus(field) -> None:
        field.setFocus()
        field.selectAll()

    def _wrong_field(self, exc: BaseException):
        """The field a refusal is about, so the cursor goes there with its text selected."""
        template = getattr(exc, "template", None)
        by_field = {self.phone: (m.BAD_PHONE, m.BAD_LAST4, m.PHONE_NEEDED),
                    self.name: (m.NAME_NEEDED, m.NEW_PHONE_NAME_NEEDED, m.BAD_NAME)}
        return next((f for f, templates in by_field.items() if template in templates), self.scan)

    def _phone_entered(self) -> None:
        """A full number of a known villager fills in the name; otherwise ask for it."""
        self.name.setFocus()
        self.name.selectAll()
        self.name_from_phone(self.phone, self.name)

    def check_in(self) -> None:
        if not self.submit.isEnabled():
            return  # Enter pressed again while the last one is being written
        if self.batch_id is None:
            from station_app.core.canonical import new_id  # uuid and hashlib stay out of start-up

            self.batch_id = new_id()
        kwargs = dict(**self.person(self.phone, self.name), carrier=self.carrier.currentData(), shelf=self.shelf.currentData(),
                      batch_id=self.batch_id)
        number, op = self.scan.text(), self.ctx.op_id
        self.submit.setEnabled(False)

        def done(result: svc.parcels.CheckInResult):
            self.submit.setEnabled(True)
            p = result.parcel
            self.batch.insert(0, p)
            self._update_count()
            message = self.tr("Checked in: pickup code {code} — {name}").format(
                code=p.pickup_code, name=p.recipient_name)
            if result.purchase is not None:  # the goods a villager asked the keeper to buy
                message += "\n" + self.tr("Agent purchase for {name}: {items}. Balance due at "
                                           "hand-over: {balance}.").format(
                    name=result.purchase.villager_name, items=result.purchase.items,
                    balance=money(result.purchase.balance_fen))
            self.banner.ok(message)
            for field in (self.scan, self.phone, self.name):
                field.clear()
            self._unfinished = None
            self.refresh_shelves()
            self.scan.setFocus()

        def failed(exc):
            self.submit.setEnabled(True)
            self.banner.error(error_text(exc))
            self._focus(self._wrong_field(exc))

        self.call(lambda: svc.parcels.check_in(self.ctx.store, op, number, **kwargs), done, failed)

    def new_batch(self) -> None:
        self.batch_id = None
        self.batch = []
        self._update_count()
        self.banner.info(self.tr("New batch started."))
        self.scan.setFocus()

    def print_current(self) -> None:
        if self.on_print_label:
            self.on_print_label()

    def last_parcel(self) -> svc.parcels.ParcelInfo | None:
        return self.batch[0] if self.batch else None

    def _update_count(self) -> None:
        self.count.setText(self.tr("This batch: {n} parcel(s)").format(n=len(self.batch)))
        fill_table(self.table, [[p.pickup_code, p.tracking_no, carrier_label(p.carrier),
                                 p.recipient_name, p.masked_phone] for p in self.batch[:500]])
