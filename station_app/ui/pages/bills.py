"""缴费 — bill payments: take the villager's money, pay the bill on the platform app, then mark
it succeeded (with the platform's reference) or failed (everything refunded). A returning
account fills in "same as last time"; a mobile number names its operator by itself."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QCompleter, QHBoxLayout, QLabel,
                               QPushButton, QWidget)

from station_app.core.validate import clean, parse_money
from station_app.ui import services as svc
from station_app.ui.i18n import tr_core
from station_app.ui.pages.base import Page
from station_app.ui.scanner import make_scan_field
from station_app.ui.widgets import (big_edit, coded_combo, fill_table, form, local_time,
                                    main_button, method_combo, money, plain_table, sized,
                                    enter_moves_on)


class BillsPage(Page):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        bills = svc.bills  # loaded with the station, before any page but check-in is built
        self.rows: list = []
        heading = sized(QLabel(self.tr("Bill payments")), 18, bold=True)
        self.kind = coded_combo(bills.KINDS, 14)
        self.account = make_scan_field(big_edit(self.tr("Mobile number or account number"), 15))
        self.provider = big_edit(self.tr("Provider (filled in when known)"), 14)
        self.holder = big_edit(self.tr("Account holder's name"), 14)
        self.amount = big_edit(self.tr("Amount, e.g. 100"), 15)
        self.fee = big_edit(self.tr("Fee (0 if none)"), 14)
        self.method = method_combo()
        self.done_now = sized(QCheckBox(self.tr("Already paid on the platform")), 13)
        self.reference = big_edit(self.tr("Platform reference (流水号), if shown"), 13)
        self.same = sized(QPushButton(self.tr("Same as last time")), 13)
        self.take_button = main_button(self.tr("Take payment"), 14, 40)
        fields = QHBoxLayout()  # two columns: the list below keeps its height at 1366×768
        fields.addLayout(form([(self.tr("Kind"), self.kind), (self.tr("Account"), self.account),
                               (self.tr("Provider"), self.provider),
                               (self.tr("Holder"), self.holder)]), 1)
        fields.addLayout(form([(self.tr("Amount"), self.amount), (self.tr("Fee"), self.fee),
                               (self.tr("Paid with"), self.method), ("", self.done_now),
                               (self.tr("Reference"), self.reference)]), 1)
        actions = QHBoxLayout()
        actions.addWidget(self.same)
        actions.addStretch(1)
        actions.addWidget(self.take_button)

        self.table = plain_table([self.tr("Time"), self.tr("Kind"), self.tr("Provider"),
                                  self.tr("Account"), self.tr("Holder"), self.tr("Amount"),
                                  self.tr("Status")])
        self.succeeded_button = sized(QPushButton(self.tr("Succeeded…")), 13)
        self.failed_button = sized(QPushButton(self.tr("Failed: refund…")), 13)
        self.receipt_button = sized(QPushButton(self.tr("Print receipt (Ctrl+P)")), 13)
        list_bar = QHBoxLayout()
        list_bar.addWidget(sized(QLabel(self.tr("Today's and pending payments")), 14, bold=True), 1)
        for b in (self.succeeded_button, self.failed_button, self.receipt_button):
            list_bar.addWidget(b)

        self.arrange(heading, self.banner, fields, actions, list_bar, (self.table, 1))

        self.account.editingFinished.connect(self.guess_provider)
        self.kind.currentIndexChanged.connect(self.guess_provider)
        self.same.clicked.connect(self.same_as_last_time)
        self.take_button.clicked.connect(self.take)
        # 缴费单位 fills itself from the account: Enter goes past it (Tab or a click reaches it).
        enter_moves_on([self.account, self.holder, self.amount, self.fee], self.take)
        self.succeeded_button.clicked.connect(self.mark_succeeded)
        self.failed_button.clicked.connect(self.mark_failed)
        self.receipt_button.clicked.connect(self.print_current)
        self.receipt_table = self.table

    def activate(self) -> None:
        self.refresh()
        self.account.setFocus()

    def guess_provider(self) -> None:
        kind, account = self.kind.currentData(), clean(self.account.text())
        county = self.ctx.store.config
        # The county's providers of this kind, offered as the keeper types.
        completer = QCompleter(list(county.providers(kind)), self.provider)
        self.provider.setCompleter(completer)
        if kind == "phone":
            guessed = svc.bills.guess_phone_provider(account)
        else:
            guessed = county.default_provider(kind)
        if guessed:
            self.provider.setText(guessed)

    def same_as_last_time(self) -> None:
        account, store = clean(self.account.text()), self.ctx.store

        def fill(last):
            if last is None:
                self.banner.info(self.tr("No earlier payment for this account."))
                return
            self.kind.setCurrentIndex(self.kind.findData(last.kind))
            self.provider.setText(last.provider)
            self.holder.setText(last.holder)
            self.amount.setText(money(last.amount_fen).lstrip("¥"))
            self.fee.setText(money(last.fee_fen).lstrip("¥"))
            self.banner.info(self.tr("Filled in from {day}.").format(day=local_time(last.at, "%Y-%m-%d")))

        self.call(lambda: svc.bills.last_payment(store, account=account), fill)

    def take(self) -> None:
        values = dict(kind=self.kind.currentData(), account=self.account.text(),
                      holder=self.holder.text(), provider=self.provider.text(),
                      method=self.method.currentData(), reference=self.reference.text(),
                      succeeded=self.done_now.isChecked())
        amount, fee, store, op = self.amount.text(), self.fee.text(), self.ctx.store, self.ctx.op_id

        def work():
            return svc.bills.take_payment(store, op, amount_fen=parse_money(amount, low=1),
                                          fee_fen=parse_money(fee or "0"), **values)

        def done(bill):
            self.banner.ok(self.tr("Taken: {amount} + fee {fee} for {provider} {account}.").format(
                amount=money(bill.amount_fen), fee=money(bill.fee_fen), provider=bill.provider,
                account=bill.account))
            for field in (self.account, self.provider, self.holder, self.amount, self.fee,
                          self.reference):
                field.clear()
            self.done_now.setChecked(False)
            self.refresh()
            self.account.setFocus()

        self.call(work, done)

    def refresh(self) -> None:
        store = self.ctx.store

        def load():
            pending = svc.bills.pending(store)
            seen = {b.id for b in pending}
            return pending + [b for b in svc.bills.recent(store, 50) if b.id not in seen]

        def show(rows):
            self.rows = rows
            fill_table(self.table, [[local_time(b.at), tr_core(svc.bills.KINDS[b.kind]), b.provider,
                                     b.account, b.holder, money(b.amount_fen + b.fee_fen),
                                     tr_core(svc.bills.STATUSES[b.status])] for b in rows])

        self.call(load, show)

    def selected(self):
        return self.selected_row(self.table, self.rows, self.tr("Select a payment in the list first."))

    def mark_succeeded(self) -> None:
        bill = self.selected()
        if bill is None:
            return
        reference = self.ask_text(self.tr("Payment succeeded"),
                                  self.tr("Platform reference (流水号), if shown:"))
        if reference is None:
            return
        store, op = self.ctx.store, self.ctx.op_id
        self.call(lambda: svc.bills.confirm(store, op, bill.id, reference=reference),
                  self.after_write(self.tr("Marked as succeeded."), self.refresh))

    def mark_failed(self) -> None:
        bill = self.selected()
        if bill is None:
            return
        reason = self.ask_text(self.tr("Payment failed"),
                               self.tr("Why did it fail? Everything is refunded."), required=True)
        if reason is None:
            return
        store, op = self.ctx.store, self.ctx.op_id
        self.call(lambda: svc.bills.fail_and_refund(store, op, bill.id, reason),
                  self.after_write(self.tr("Refunded {total}.").format(
                      total=money(bill.amount_fen + bill.fee_fen)), self.refresh))
