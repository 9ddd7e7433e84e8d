"""便民服务 — other counter services: POS cash withdrawal (助农取款: the card pays, the drawer
pays out cash), tickets and printing; each with its fee and a receipt."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from station_app.core.ledger import METHODS
from station_app.core.validate import parse_money
from station_app.ui import services as svc
from station_app.ui.i18n import tr_core
from station_app.ui.pages.base import Page
from station_app.ui.widgets import (big_edit, coded_combo, fill_table, form, local_time,
                                    main_button, method_combo, money, plain_table, sized,
                                    enter_moves_on)


class ServicesPage(Page):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.rows: list = []
        heading = sized(QLabel(self.tr("Other services")), 18, bold=True)
        self.kind = coded_combo(svc.other_services.KINDS, 14)
        self.amount = big_edit(self.tr("Amount, e.g. 500"), 15)
        self.fee = big_edit(self.tr("Fee (0 if none)"), 14)
        self.card = big_edit(self.tr("Last 4 digits of the bank card"), 14)
        self.description = big_edit(self.tr("What, e.g. train ticket Xi'an–Lanzhou"), 14, 200)
        self.method = method_combo()
        self.hint = sized(QLabel(), 13)
        self.hint.setWordWrap(True)
        self.record_button = main_button(self.tr("Record"), 14, 40)
        fields = QHBoxLayout()
        fields.addLayout(form([(self.tr("Service"), self.kind), (self.tr("Amount"), self.amount),
                               (self.tr("Fee"), self.fee)]), 1)
        fields.addLayout(form([(self.tr("Card"), self.card),
                               (self.tr("Description"), self.description),
                               (self.tr("Paid with"), self.method)]), 1)
        actions = QHBoxLayout()
        actions.addWidget(self.hint, 1)
        actions.addWidget(self.record_button)

        self.table = plain_table([self.tr("Time"), self.tr("Service"), self.tr("Description"),
                                  self.tr("Amount"), self.tr("Fee"), self.tr("Paid with")])
        self.receipt_button = sized(QPushButton(self.tr("Print receipt (Ctrl+P)")), 13)
        list_bar = QHBoxLayout()
        list_bar.addWidget(sized(QLabel(self.tr("Recent services")), 14, bold=True), 1)
        list_bar.addWidget(self.receipt_button)

        self.arrange(heading, self.banner, fields, actions, list_bar, (self.table, 1))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.record_button.clicked.connect(self.record)
        enter_moves_on([self.amount, self.fee, self.card, self.description], self.record)
        self.receipt_button.clicked.connect(self.print_current)
        self.receipt_table = self.table
        self._kind_changed()

    def activate(self) -> None:
        self.refresh()
        self.amount.setFocus()

    def _kind_changed(self) -> None:
        pos = self.kind.currentData() == "pos_cash"
        self.card.setEnabled(pos)
        self.hint.setText(self.tr("The villager's card pays the amount on the POS terminal; give "
                                  "the same amount in cash from the drawer.") if pos else "")

    def record(self) -> None:
        values = dict(kind=self.kind.currentData(), method=self.method.currentData(),
                      description=self.description.text(), card_last4=self.card.text())
        amount, fee, store, op = self.amount.text(), self.fee.text(), self.ctx.store, self.ctx.op_id

        def work():
            return svc.other_services.record(store, op, amount_fen=parse_money(amount, low=1),
                                             fee_fen=parse_money(fee or "0"), **values)

        def done(rec):
            self.banner.ok(self.tr("Recorded: {service} {amount}.").format(
                service=self.kind.currentText(), amount=money(rec.amount_fen)))
            for field in (self.amount, self.fee, self.card, self.description):
                field.clear()
            self.refresh()
            self.amount.setFocus()

        self.call(work, done)

    def refresh(self) -> None:
        def show(rows):
            self.rows = rows
            fill_table(self.table, [[local_time(r.at), tr_core(svc.other_services.KINDS[r.kind]),
                                     r.description or (f"****{r.card_last4}" if r.card_last4 else ""),
                                     money(r.amount_fen), money(r.fee_fen),
                                     tr_core(METHODS.get(r.method, r.method))] for r in rows])

        self.call(lambda: svc.other_services.recent(self.ctx.store, 100), show)
