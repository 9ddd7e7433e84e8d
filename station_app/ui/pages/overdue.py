"""滞留/退回 — overdue and returns: parcels held past the free days with the fee due so far, a
reminder text for the village group, and sending parcels back to the courier with a reason (any
parcel on the shelf can be scanned in here: a refused one is returned the same day)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QWidget

from station_app.core.validate import clean, mask_name
from station_app.ui import services as svc
from station_app.ui.lazy_model import LazyTableModel
from station_app.ui.pages.base import Page
from station_app.ui.printing import PaperDialog
from station_app.ui.scanner import make_scan_field
from station_app.ui.widgets import (big_edit, carrier_label, lazy_table, local_time, main_button,
                                    money, sized)


class OverduePage(Page):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        heading = sized(QLabel(self.tr("Overdue parcels and returns")), 18, bold=True)
        self.rules = sized(QLabel(), 13)
        self.scan = make_scan_field(big_edit(
            self.tr("Scan a parcel to tick it — any parcel on the shelf can be returned"), 15))
        store = ctx.store
        self.model = LazyTableModel(
            ctx.worker,
            ["", self.tr("Pickup code"), self.tr("Recipient"), self.tr("Phone"), self.tr("Courier"),
             self.tr("Tracking no."), self.tr("Checked in"), self.tr("Days"), self.tr("Fee")],
            fetch=lambda after, n: svc.parcels.overdue(store, after, n), key=svc.parcels.page_key,
            ident=lambda p: p.id, checkable=True,
            cells=lambda p: ["", p.pickup_code, p.recipient_name, p.masked_phone,
                             carrier_label(p.carrier), p.tracking_no, local_time(p.checked_in_at),
                             str(p.days_held), money(p.fee_due_fen)],
            on_error=self.show_error, parent=self)
        self.table = lazy_table(self.model)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.count = sized(QLabel(), 14, bold=True)
        self.reason = sized(QComboBox(), 14)
        self.reason.setEditable(True)
        for text in (self.tr("Not collected in time"), self.tr("Refused by the recipient"),
                     self.tr("Wrong address"), self.tr("Damaged")):
            self.reason.addItem(text)
        self.return_button = main_button(self.tr("Return ticked to courier"), 14, 40)
        remind = sized(QPushButton(self.tr("Reminder for WeChat")), 13)

        top = QHBoxLayout()
        top.addWidget(self.rules, 1)
        top.addWidget(remind)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(sized(QLabel(self.tr("Reason")), 14))
        bottom.addWidget(self.reason, 1)
        bottom.addWidget(self.return_button)
        self.arrange(heading, top, self.scan, self.banner, (self.table, 1), bottom)

        self.scan.returnPressed.connect(lambda: self.handle_scan(self.scan.text()))
        self.return_button.clicked.connect(self.return_ticked)
        remind.clicked.connect(self.reminder)
        self.model.checks_changed.connect(self._update_count)
        self.model.loaded.connect(lambda _n: self._update_count())
        self.extra: set[str] = set()  # scanned in though not overdue
        self.free_days = 0
        self.paper: PaperDialog | None = None

    def activate(self) -> None:
        self.reload()
        self.scan.setFocus()

    def reload(self) -> None:
        def show(s):
            self.free_days = s.free_days
            self.rules.setText(self.tr("Free for {days} day(s), then {fee} a day.").format(
                days=s.free_days, fee=money(s.overdue_fee_fen)))
        self.call(lambda: svc.settings.station_settings(self.ctx.store), show)
        self.extra: set[str] = set()
        self.model.reload()

    def _update_count(self) -> None:
        more = "" if self.model.complete else "+"
        chosen = self.model.checked_rows()
        self.count.setText(self.tr("{n}{more} overdue · {k} ticked").format(
            n=len(self.model.rows) - len(self.extra), more=more, k=len(chosen)))
        self.return_button.setEnabled(bool(chosen))

    def handle_scan(self, text: str) -> bool:
        """Tick the scanned parcel; one that is not overdue yet joins the list ticked."""
        def show(found):
            if found is None or found.status != svc.parcels.IN_STOCK:
                self.banner.error(self.tr("“{q}” is not on the shelf.").format(q=text))
            else:
                known = self.model.find(found.id)
                if known is None:
                    self.model.add_front(found)
                    if found.days_held <= self.free_days:
                        self.extra.add(found.id)
                    known = found
                self.model.set_checked(known, True)
                self.banner.info(self.tr("Ticked {code} — {name}.").format(
                    code=found.pickup_code, name=found.recipient_name))
            self.scan.clear()

        store = self.ctx.store

        def work():
            found = svc.parcels.find_by_tracking(store, text)
            if found is None and clean(text):
                by_code = svc.parcels.find_in_stock(store, text)
                found = by_code[0] if len(by_code) == 1 else None
            return svc.parcels.with_fees_now(store, [found])[0] if found else None

        self.call(work, show)
        return True

    def return_ticked(self) -> None:
        chosen = self.model.checked_rows()
        ids, reason, op = [p.id for p in chosen], self.reason.currentText(), self.ctx.op_id

        def done(_batch):
            self.banner.ok(self.tr("{n} parcel(s) returned to the courier: {codes}.").format(
                n=len(ids), codes="、".join(p.pickup_code for p in chosen)))
            self.reload()

        self.call(lambda: svc.parcels.return_to_courier(self.ctx.store, op, ids, reason), done)

    def reminder(self) -> None:
        """The whole overdue list with masked names, to paste into the village group."""
        def show(late):
            lines = [self.tr("These parcels are overdue; please collect them soon:")]
            lines += [f"{p.pickup_code}  {mask_name(p.recipient_name)}  {p.masked_phone}  "
                      + self.tr("{days} days").format(days=p.days_held) for p in late]
            self.paper = PaperDialog(self, self.tr("Overdue reminder"), "overdue.pdf",
                                     self.tr("Copy for WeChat"))
            self.paper.pdf_button.hide()
            self.paper.print_button.hide()
            self.paper.show_content("\n".join(lines), [])
            self.paper.open()
        self.call(lambda: svc.parcels.overdue(self.ctx.store), show)
