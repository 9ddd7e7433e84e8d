"""代购 — agent purchases: take the villager's order and deposit, order it on the platform, note
the tracking number when it ships (the parcel desk then recognises it at check-in), and hand
it over for the balance; or cancel / return it with the deposit refunded."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from station_app.core.validate import parse_money
from station_app.ui import services as svc
from station_app.ui.i18n import tr_core
from station_app.ui.pages.base import Page
from station_app.ui.widgets import (big_edit, coded_combo, fill_table, form, local_time,
                                    main_button, method_combo, money, plain_table, right_aligned,
                                    sized, enter_moves_on)


class PurchasesPage(Page):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        purchases = svc.purchases
        heading = sized(QLabel(self.tr("Agent purchases")), 18, bold=True)
        self.phone = big_edit(self.tr("Mobile number, or its last 4 digits"), 14)
        self.name = big_edit(self.tr("Villager's name"), 14)
        self.items = big_edit(self.tr("What to buy, e.g. 电动车电瓶 48V"), 14, 200)
        self.platform = coded_combo(purchases.PLATFORMS, 14)
        self.price = big_edit(self.tr("Price on the platform"), 14)
        self.shipping = big_edit(self.tr("Shipping (0 if free)"), 14)
        self.fee = big_edit(self.tr("Service fee (0 if none)"), 14)
        self.deposit = big_edit(self.tr("Deposit paid now (0 if none)"), 14)
        self.method = method_combo()
        self.request_button = main_button(self.tr("Take the order"), 14, 40)
        fields = QHBoxLayout()
        fields.addLayout(form([(self.tr("Phone"), self.phone), (self.tr("Name"), self.name),
                               (self.tr("Items"), self.items),
                               (self.tr("Platform"), self.platform)]), 1)
        fields.addLayout(form([(self.tr("Price"), self.price), (self.tr("Shipping"), self.shipping),
                               (self.tr("Service fee"), self.fee), (self.tr("Deposit"), self.deposit),
                               (self.tr("Paid with"), self.method)]), 1)
        actions = right_aligned(self.request_button)

        self.table = plain_table([self.tr("Taken"), self.tr("Villager"), self.tr("Items"),
                                  self.tr("Platform"), self.tr("Total"), self.tr("Deposit"),
                                  self.tr("Balance"), self.tr("Status"), self.tr("Tracking no.")])
        self.receipt_table = self.table
        self.ordered_button = sized(QPushButton(self.tr("Ordered…")), 13)
        self.shipped_button = sized(QPushButton(self.tr("Shipped…")), 13)
        self.hand_button = sized(QPushButton(self.tr("Hand over…")), 13)
        self.cancel_button = sized(QPushButton(self.tr("Cancel…")), 13)
        self.return_button = sized(QPushButton(self.tr("Return…")), 13)
        self.receipt_button = sized(QPushButton(self.tr("Print receipt (Ctrl+P)")), 13)
        list_bar = QHBoxLayout()
        list_bar.addWidget(sized(QLabel(self.tr("Open purchases")), 14, bold=True), 1)
        for b in (self.ordered_button, self.shipped_button, self.hand_button, self.cancel_button,
                  self.return_button, self.receipt_button):
            list_bar.addWidget(b)
        self.arrange(heading, self.banner, fields, actions, list_bar, (self.table, 1))

        self.phone.editingFinished.connect(lambda: self.name_from_phone(self.phone, self.name))
        self.request_button.clicked.connect(self.take_order)
        enter_moves_on([self.phone, self.name, self.items, self.price, self.shipping, self.fee,
                        self.deposit], self.take_order)
        self.ordered_button.clicked.connect(self.mark_ordered)
        self.shipped_button.clicked.connect(lambda: self.mark_shipped())
        self.hand_button.clicked.connect(self.hand_over)
        self.cancel_button.clicked.connect(lambda: self.refund("cancel"))
        self.return_button.clicked.connect(lambda: self.refund("return_goods"))
        self.receipt_button.clicked.connect(self.print_current)

    def activate(self) -> None:
        self.refresh()
        self.phone.setFocus()

    def handle_scan(self, text: str) -> bool:
        """A scan with an ordered purchase selected is its tracking number."""
        chosen = self._chosen(quiet=True)
        if chosen is None or chosen.status not in (svc.purchases.ORDERED, svc.purchases.SHIPPED):
            return False
        self.mark_shipped(text)
        return True

    def take_order(self) -> None:
        texts = dict(items=self.items.text(), platform=self.platform.currentData(),
                     deposit_method=self.method.currentData(), **self.person(self.phone, self.name))
        amounts = (self.price.text(), self.shipping.text(), self.fee.text(), self.deposit.text())
        store, op = self.ctx.store, self.ctx.op_id

        def work():
            price, shipping, fee, deposit = (parse_money(amounts[0], low=1),
                                             *(parse_money(a or "0") for a in amounts[1:]))
            return svc.purchases.request(store, op, price_fen=price, shipping_fen=shipping,
                                         service_fee_fen=fee, deposit_fen=deposit, **texts)

        def done(p):
            self.banner.ok(self.tr("Order taken for {name}: {items}, total {total}, deposit {deposit}, "
                                   "balance {balance}.").format(
                name=p.villager_name, items=p.items, total=money(p.total_fen),
                deposit=money(p.deposit_fen), balance=money(p.balance_fen)))
            for field in (self.phone, self.name, self.items, self.price, self.shipping, self.fee,
                          self.deposit):
                field.clear()
            self.refresh(select_id=p.id)
            self.phone.setFocus()

        self.call(work, done)

    def refresh(self, select_id: str | None = None) -> None:
        statuses = svc.purchases.STATUSES

        def show(rows):
            self.rows = rows
            fill_table(self.table, [[local_time(p.created_at), p.villager_name, p.items,
                                     tr_core(svc.purchases.PLATFORMS[p.platform]), money(p.total_fen),
                                     money(p.deposit_fen), money(p.balance_fen),
                                     tr_core(statuses[p.status]), p.tracking_no or ""]
                                    for p in rows])
            ids = [p.id for p in rows]
            if select_id in ids:
                self.table.selectRow(ids.index(select_id))

        self.call(lambda: svc.purchases.open_purchases(self.ctx.store), show)

    def _chosen(self, quiet: bool = False):
        return self.selected_row(self.table, self.rows,
                                 None if quiet else self.tr("Select a purchase in the list first."))

    def _step(self, work, message: str, purchase_id: str) -> None:
        self.call(work, self.after_write(message, lambda: self.refresh(select_id=purchase_id)))

    def mark_ordered(self) -> None:
        p = self._chosen()
        if p is None:
            return
        order_no = self.ask_text(self.tr("Ordered on the platform"),
                                 self.tr("The platform's order number:"), required=True)
        if order_no is None:
            return
        method = self.ask_method(self.tr("Ordered on the platform"),
                                 self.tr("You paid the platform with:"), "alipay")
        if method is None:
            return
        store, op = self.ctx.store, self.ctx.op_id
        self._step(lambda: svc.purchases.mark_ordered(store, op, p.id, order_no, method),
                   self.tr("Ordered: {items}. {cost} paid to the platform.").format(
                       items=p.items, cost=money(p.price_fen + p.shipping_fen)), p.id)

    def mark_shipped(self, tracking: str | None = None) -> None:
        p = self._chosen()
        if p is None:
            return
        if tracking is None:
            tracking = self.ask_text(self.tr("Shipped"), self.tr(
                "The tracking number (the parcel desk will recognise it at check-in):"))
            if tracking is None:
                return
        store, op = self.ctx.store, self.ctx.op_id

        def done(status):
            if status == svc.purchases.ARRIVED:
                self.banner.ok(self.tr("That parcel is already on the shelf: {name}'s purchase has "
                                       "arrived.").format(name=p.villager_name))
            else:
                self.banner.ok(self.tr("Tracking number noted. Check-in will say whose it is."))
            self.refresh(select_id=p.id)

        self.call(lambda: svc.purchases.mark_shipped(store, op, p.id, tracking), done)

    def hand_over(self) -> None:
        p = self._chosen()
        if p is None:
            return
        method = self.ask_method(self.tr("Hand over"), self.tr(
            "{name} takes {items} and pays the balance of {balance} with:").format(
                name=p.villager_name, items=p.items, balance=money(p.balance_fen)))
        if method is None:
            return
        store, op = self.ctx.store, self.ctx.op_id
        self._step(lambda: svc.purchases.hand_over(store, op, p.id, method),
                   self.tr("Handed over to {name}; balance {balance} taken.").format(
                       name=p.villager_name, balance=money(p.balance_fen)), p.id)

    def refund(self, action: str) -> None:
        """Cancel (not yet arrived) or return (arrived): the deposit goes back."""
        p = self._chosen()
        if p is None:
            return
        title = self.tr("Cancel the purchase") if action == "cancel" else self.tr("Return the goods")
        reason = self.ask_text(title, self.tr("Why? The deposit of {deposit} is refunded.").format(
            deposit=money(p.deposit_fen)), required=True)
        if reason is None:
            return
        store, op = self.ctx.store, self.ctx.op_id
        self._step(lambda: getattr(svc.purchases, action)(store, op, p.id, reason),
                   self.tr("{status}: {deposit} refunded to {name}.").format(
                       status=title, deposit=money(p.deposit_fen), name=p.villager_name), p.id)
