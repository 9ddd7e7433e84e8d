"""取件 — pickup: find by code, phone, last 4, name, pinyin initials or a scan; hand over all of a
villager's parcels at once; a family member may collect on their behalf."""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QTableWidgetItem, QWidget)

from station_app.ui import services as svc
from station_app.ui.i18n import error_text
from station_app.ui.pages.base import Page
from station_app.ui.scanner import make_scan_field
from station_app.ui.widgets import (big_edit, carrier_label, local_time, main_button, method_combo,
                                    money, plain_table, sized)


class PickupPage(Page):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.found: list[svc.parcels.ParcelInfo] = []
        self._last_query: str | None = None
        heading = sized(QLabel(self.tr("Hand parcels over")), 18, bold=True)
        self.search = make_scan_field(big_edit(
            self.tr("Pickup code, phone, last 4 digits, name or pinyin initials (e.g. zsm)"), 18))
        self.table = plain_table(["", self.tr("Pickup code"), self.tr("Recipient"), self.tr("Phone"),
                                  self.tr("Courier"), self.tr("Checked in"), self.tr("Days"),
                                  self.tr("Fee")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(lambda _i: self._update_total())
        self.proxy = big_edit(self.tr("Collected by a family member? Their name"), 14)
        self.method = method_combo()
        self.total = sized(QLabel(), 15, bold=True)
        self.confirm = main_button(self.tr("Hand over (Enter)"))

        bottom = QHBoxLayout()
        bottom.addWidget(self.proxy, 2)
        bottom.addWidget(sized(QLabel(self.tr("Fee paid by")), 13))
        bottom.addWidget(self.method)
        bottom.addWidget(self.total, 1)
        bottom.addWidget(self.confirm)

        # The last hand-over stays in sight whatever the keeper looks up next.
        self.last_done = sized(QLabel(""), 13)
        self.last_done.setStyleSheet("color:#14532d;")
        self.arrange(heading, self.search, self.banner, self.last_done, (self.table, 1), bottom)

        self.search.returnPressed.connect(self._search_or_confirm)
        self.proxy.returnPressed.connect(self.hand_over)
        self.confirm.clicked.connect(self.hand_over)
        self._update_total()

    def activate(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def handle_scan(self, text: str) -> bool:
        """A scan on this page: find that parcel and tick it. Scans build up one pickup (the
        parcels are in the keeper's hand); a number not on the shelf starts over, empty."""
        if any(p.tracking_no == text.upper() for p in self.found):
            self._tick(text.upper())
            return True
        self.search.setText(text)
        self.find(scanned=True)
        return True

    def _search_or_confirm(self) -> None:
        """Enter on the search that produced the list hands over what is ticked; Enter on an
        empty search does nothing (the last pickup's confirmation stays); otherwise it searches."""
        text = self.search.text()
        if not text.strip():
            return
        if self.found and text == self._last_query:
            self.hand_over()
        else:
            self.find()

    def find(self, scanned: bool = False) -> None:
        """Look up; the list shows only what this lookup found (a scan that finds a parcel adds
        it to the scans before). Until the answer is in nothing is listed, so Enter hands over
        nothing, and a lookup that finds nothing leaves nothing ticked."""
        text = self.search.text()
        self._last_query = text
        before, kept = self.found, {p.id for p in self.ticked()}
        self.found = []
        self._fill(set())

        def show(found):
            if self.search.text() != text:
                return  # the keeper has typed on: this answer is for a lookup no longer shown
            if scanned and found:
                known = {p.id for p in found}
                self.found = [p for p in before if p.id not in known] + found
                ticked = kept | known
            else:
                self.found, ticked = found, {p.id for p in found}
            self._fill(ticked)
            if not found:
                self.banner.error(self.tr("Nothing on the shelf for “{q}”.").format(q=text))
            else:
                names = sorted({p.recipient_name for p in self.found})
                self.banner.info(self.tr("{n} parcel(s) for {names}. Check them, then press Enter.")
                                 .format(n=len(self.found), names="、".join(names)))
            self.search.selectAll()

        def failed(exc):
            self.banner.error(error_text(exc))
            self.search.selectAll()

        store = self.ctx.store
        parcels = svc.parcels
        self.call(lambda: parcels.with_fees_now(store, parcels.find_in_stock(store, text)), show, failed)

    def _fill(self, ticked: set[str]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.found))
        for r, p in enumerate(self.found):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Checked if p.id in ticked else Qt.CheckState.Unchecked)
            check.setData(Qt.ItemDataRole.UserRole, p.id)
            self.table.setItem(r, 0, check)
            for c, text in enumerate([p.pickup_code, p.recipient_name, p.masked_phone,
                                      carrier_label(p.carrier), local_time(p.checked_in_at),
                                      str(p.days_held), money(p.fee_due_fen)], start=1):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self._update_total()

    def _tick(self, tracking_no: str) -> None:
        for r, p in enumerate(self.found):
            if p.tracking_no == tracking_no:
                self.table.item(r, 0).setCheckState(Qt.CheckState.Checked)

    def ticked(self) -> list[svc.parcels.ParcelInfo]:
        return [p for r, p in enumerate(self.found)
                if self.table.item(r, 0) and self.table.item(r, 0).checkState() == Qt.CheckState.Checked]

    def _update_total(self) -> None:
        chosen = self.ticked()
        fee = sum(p.fee_due_fen for p in chosen)
        self.total.setText(self.tr("{n} selected · fee {fee}").format(n=len(chosen), fee=money(fee)))
        self.method.setEnabled(fee > 0)
        self.confirm.setEnabled(bool(chosen))

    def hand_over(self) -> None:
        chosen = self.ticked()
        ids = [p.id for p in chosen]
        fee = sum(p.fee_due_fen for p in chosen)
        proxy, method, op = self.proxy.text(), self.method.currentData(), self.ctx.op_id

        def done(_pickup_id):
            codes = "、".join(p.pickup_code for p in chosen)
            extra = self.tr(" Collect {fee}.").format(fee=money(fee)) if fee else ""
            said = self.tr("Handed over {n} parcel(s): {codes}.").format(n=len(ids), codes=codes) + extra
            self.banner.ok(said)
            self.last_done.setText(self.tr("Last pickup: {what}").format(what=said))
            self.found = []
            self._fill(set())
            self.proxy.clear()
            self.search.clear()
            self._last_query = None
            self.search.setFocus()

        self.call(lambda: svc.parcels.pickup(self.ctx.store, op, ids, proxy_name=proxy, fee_fen=fee,
                                         method=method), done)


