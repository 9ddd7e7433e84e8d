"""村民往来 — one villager's history at the station: find them by name, phone, last 4 or pinyin
initials and see every parcel, send, purchase, produce, bill and service, newest first, with
what the station holds for them (purchase deposits) and owes them (consignment money)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from station_app.core.validate import mask_phone
from station_app.ui import services as svc
from station_app.ui.i18n import tr_core
from station_app.ui.pages.base import Page
from station_app.ui.scanner import make_scan_field
from station_app.ui.widgets import big_edit, fill_table, local_time, money, plain_table, sized


class VillagersPage(Page):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.found: list = []
        self.rows: list = []
        heading = sized(QLabel(self.tr("Villagers")), 18, bold=True)
        self.search = make_scan_field(big_edit(
            self.tr("Name, mobile number, last 4 digits or pinyin initials (e.g. zsm), then Enter"), 16))
        self.people = plain_table([self.tr("Name"), self.tr("Phone")])
        self.people.setMaximumWidth(320)
        self.summary = sized(QLabel(" "), 15, bold=True)
        self.summary.setWordWrap(True)
        self.history = plain_table([self.tr("Time"), self.tr("What"), self.tr("Details"),
                                    self.tr("Amount"), self.tr("Status")])
        self.receipt_table = self.history
        self.receipt_button = sized(QPushButton(self.tr("Print receipt (Ctrl+P)")), 13)
        right = QHBoxLayout()
        right.addWidget(self.summary, 1)
        right.addWidget(self.receipt_button)
        body = QHBoxLayout()
        body.addWidget(self.people)
        column = QWidget()
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(right)
        inner.addWidget(self.history, 1)
        body.addWidget(column, 1)
        self.arrange(heading, self.search, self.banner, (body, 1))

        self.search.returnPressed.connect(self.find)
        self.people.itemSelectionChanged.connect(self.show_selected)
        self.receipt_button.clicked.connect(self.print_current)

    def activate(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def receipt_id(self, row) -> str | None:
        return None if row.kind == "parcel" else row.record_id

    def find(self) -> None:
        text, store = self.search.text(), self.ctx.store

        def show(found):
            self.found = found
            fill_table(self.people, [[v.name, mask_phone(v.phone, v.phone_last4)] for v in found])
            if not found:
                self.banner.info(self.tr("No villager matches “{text}”.").format(text=text.strip()))
                self.summary.setText(" ")
                fill_table(self.history, [])
                return
            self.banner.clear_message()
            self.people.selectRow(0)

        self.call(lambda: svc.people.find_villagers(store, text, limit=50), show)

    def show_selected(self) -> None:
        row = self.people.currentRow()
        if not 0 <= row < len(self.found):
            return
        who, store = self.found[row], self.ctx.store
        self.call(lambda: svc.history.villager_history(store, who.id), self._show_history)

    @staticmethod
    def _what(entry) -> str:
        kinds = svc.other_services.KINDS
        return tr_core(kinds[entry.what]) if entry.kind == "service" and entry.what in kinds \
            else entry.what

    def _show_history(self, h) -> None:
        history = svc.history
        self.rows = h.entries
        self.summary.setText(self.tr("{name}: deposits held for purchases {held} · consignment "
                                     "money due {due} · the station owes {total} in all").format(
            name=h.villager.name, held=money(h.deposits_held_fen), due=money(h.payouts_due_fen),
            total=money(h.balance_fen)))
        fill_table(self.history, [[local_time(e.at, "%Y-%m-%d %H:%M"), tr_core(history.KINDS[e.kind]),
                                   self._what(e), money(e.amount_fen) if e.amount_fen else "",
                                   tr_core(history.status_label(e.kind, e.status))]
                                  for e in h.entries])
