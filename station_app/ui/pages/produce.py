"""收购 / 代卖 — produce: weigh a farmer's produce in (gross, tare, 扣杂, net, grade, price per
斤 or kg) and buy it out or take it on consignment, with a slip for the farmer; sell it on to a
buyer or channel (linked to the send that ships it); pay consignment farmers what their sales
brought in; and see the stock on hand."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTabWidget,
                               QVBoxLayout, QWidget)

from station_app.core.errors import UserError
from station_app.core.validate import (parse_kg, parse_money, parse_percent_bp,
                                       percent_text)
from station_app.ui import services as svc
from station_app.ui.i18n import tr_core
from station_app.ui.pages.base import Page
from station_app.ui.printing import print_receipt
from station_app.ui.widgets import (big_edit, fill_table, form, local_time, main_button,
                                    method_combo, money, plain_table, right_aligned, sized, unit_price, enter_moves_on,
                                    weight_words)


def choice_combo(items, editable: bool = False) -> QComboBox:
    """A combo of (label, data) pairs; an editable one takes free text too (a new product)."""
    combo = sized(QComboBox(), 14)
    combo.setEditable(editable)
    for label, data in items:
        combo.addItem(label, data)
    return combo


def side_by_side(price, unit) -> QHBoxLayout:
    """A price and its unit (斤 or kg) on one form row."""
    row = QHBoxLayout()
    row.addWidget(price, 2)
    row.addWidget(unit, 1)
    return row


def tab(*parts) -> QWidget:
    page = QWidget()
    column = QVBoxLayout(page)
    for part in parts:
        item, stretch = part if isinstance(part, tuple) else (part, 0)
        (column.addLayout if isinstance(item, QHBoxLayout) else column.addWidget)(item, stretch)
    return page


class ProducePage(Page):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        produce = svc.produce
        self.intakes: list = []
        self.sales: list = []
        self.consigned: list = []
        heading = sized(QLabel(self.tr("Produce: buying in, consignment and sales")), 18, bold=True)
        units = [(tr_core(label), code) for code, label in produce.UNITS.items()]

        # --- weigh in ------------------------------------------------------------------------
        self.phone = big_edit(self.tr("Mobile number, or its last 4 digits"), 14)
        self.name = big_edit(self.tr("Farmer's name"), 14)
        self.product = choice_combo([(p, p) for p in produce.PRODUCTS], editable=True)
        self.grade = choice_combo([(g, g) for g in produce.GRADES], editable=True)
        self.mode = choice_combo([(tr_core(label), code) for code, label in produce.MODES.items()])
        self.commission = big_edit(self.tr("Commission %, e.g. 5"), 14)
        self.gross = big_edit(self.tr("Gross kg on the scale"), 15)
        self.tare = big_edit(self.tr("Tare kg (baskets, bags)"), 14)
        self.deduct = big_edit(self.tr("扣杂 kg (impurities, wet)"), 14)
        self.price = big_edit(self.tr("Price, e.g. 3.20"), 15)
        self.unit = choice_combo(units)
        self.method = method_combo()
        self.sum_label = sized(QLabel(" "), 15, bold=True)
        self.slip = sized(QCheckBox(self.tr("Print the slip for the farmer")), 13)
        self.slip.setChecked(True)
        self.intake_button = main_button(self.tr("Weigh in"), 14, 40)
        price_row = side_by_side(self.price, self.unit)
        fields = QHBoxLayout()
        fields.addLayout(form([(self.tr("Phone"), self.phone), (self.tr("Name"), self.name),
                               (self.tr("Product"), self.product), (self.tr("Grade"), self.grade),
                               (self.tr("Mode"), self.mode),
                               (self.tr("Commission"), self.commission)]), 1)
        fields.addLayout(form([(self.tr("Gross"), self.gross), (self.tr("Tare"), self.tare),
                               (self.tr("Deduction"), self.deduct), (self.tr("Price"), price_row),
                               (self.tr("Paid with"), self.method)]), 1)
        intake_bar = QHBoxLayout()
        intake_bar.addWidget(self.sum_label, 1)
        intake_bar.addWidget(self.slip)
        intake_bar.addWidget(self.intake_button)
        self.intake_table = plain_table([self.tr("Time"), self.tr("Farmer"), self.tr("Product"),
                                         self.tr("Net"), self.tr("Unit price"), self.tr("Amount"),
                                         self.tr("Mode")])
        # "48 斤（24 公斤）" is read whole: the weight takes the width it needs.
        self.intake_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

        # --- sell ----------------------------------------------------------------------------
        self.source = sized(QComboBox(), 14)
        self.sell_weight = big_edit(self.tr("kg sold"), 15)
        self.sell_price = big_edit(self.tr("Price, e.g. 4.00"), 15)
        self.sell_unit = choice_combo(units)
        self.buyer = big_edit(self.tr("Buyer's name or shop"), 14)
        self.channel = choice_combo([(tr_core(label), code)
                                     for code, label in produce.CHANNELS.items()])
        self.sell_method = method_combo()
        self.send = sized(QComboBox(), 13)
        self.sell_button = main_button(self.tr("Record the sale"), 14, 40)
        sell_price_row = side_by_side(self.sell_price, self.sell_unit)
        sell_fields = QHBoxLayout()
        sell_fields.addLayout(form([(self.tr("Source"), self.source), (self.tr("Weight"), self.sell_weight),
                                    (self.tr("Price"), sell_price_row)]), 1)
        sell_fields.addLayout(form([(self.tr("Buyer"), self.buyer), (self.tr("Channel"), self.channel),
                                    (self.tr("Paid with"), self.sell_method),
                                    (self.tr("Shipped by"), self.send)]), 1)
        sell_bar = right_aligned(self.sell_button)
        self.sale_table = plain_table([self.tr("Time"), self.tr("Product"), self.tr("Buyer"),
                                       self.tr("Channel"), self.tr("Weight"), self.tr("Amount"),
                                       self.tr("Source")])

        # --- consignments and stock ----------------------------------------------------------
        self.consign_table = plain_table([self.tr("Taken in"), self.tr("Farmer"), self.tr("Product"),
                                          self.tr("Net"), self.tr("Left"), self.tr("Sold for"),
                                          self.tr("Commission"), self.tr("Paid"), self.tr("Due")])
        self.payout_button = main_button(self.tr("Pay the farmer…"), 13, 36)
        pay_bar = QHBoxLayout()
        pay_bar.addWidget(sized(QLabel(self.tr("Consignments on hand or still owing their farmer")),
                                13), 1)
        pay_bar.addWidget(self.payout_button)
        self.stock_table = plain_table([self.tr("Product"), self.tr("Station's own"),
                                        self.tr("Consigned"), self.tr("On hand"), self.tr("Sold")])

        self.tabs = sized(QTabWidget(), 13)
        self.tabs.addTab(tab(fields, intake_bar, (self.intake_table, 1)), self.tr("Weigh in"))
        self.tabs.addTab(tab(sell_fields, sell_bar, (self.sale_table, 1)), self.tr("Sell"))
        self.tabs.addTab(tab(pay_bar, (self.consign_table, 1)), self.tr("Consignments"))
        self.tabs.addTab(tab((self.stock_table, 1)), self.tr("Stock"))
        self.receipt_button = sized(QPushButton(self.tr("Print receipt (Ctrl+P)")), 13)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.receipt_button)
        self.arrange(top, self.banner, (self.tabs, 1))

        self.phone.editingFinished.connect(lambda: self.name_from_phone(self.phone, self.name))
        for edit in (self.gross, self.tare, self.deduct, self.price):
            edit.textChanged.connect(self.show_sum)
        self.unit.currentIndexChanged.connect(self.show_sum)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.product.currentTextChanged.connect(self._product_changed)
        self._quoted = ""  # the reference price this page last filled in, not typed by the keeper
        self.intake_button.clicked.connect(self.weigh_in)
        enter_moves_on([self.phone, self.name, self.gross, self.tare, self.deduct, self.price],
                       self.weigh_in)
        enter_moves_on([self.sell_weight, self.sell_price, self.buyer], self.sell)
        self.sell_button.clicked.connect(self.sell)
        self.payout_button.clicked.connect(self.pay_out)
        self.receipt_button.clicked.connect(self.print_current)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self._mode_changed()

    # Ctrl+P prints from the list on the tab at hand (the payout list prints nothing by itself)
    @property
    def receipt_table(self):
        return {0: self.intake_table, 1: self.sale_table}.get(self.tabs.currentIndex())

    @property
    def rows(self):
        return self.intakes if self.tabs.currentIndex() == 0 else self.sales

    def activate(self) -> None:
        names = self.ctx.store.config.product_names()
        if [self.product.itemText(i) for i in range(self.product.count())] != names:
            typed = self.product.currentText()
            self.product.clear()
            self.product.addItems(names)
            self.product.setCurrentText(typed)
        self.refresh()
        (self.phone if self.tabs.currentIndex() == 0 else self.sell_weight).setFocus()

    def _product_changed(self, product: str) -> None:
        """The county's reference price for the product, as a start the keeper may change."""
        reference = self.ctx.station and self.ctx.store.config.reference(product.strip())
        if not reference:
            self.price.setPlaceholderText(self.tr("Price, e.g. 3.20"))
            if self._quoted and self.price.text() == self._quoted:
                self.price.clear()  # the last product's reference is not this one's price
            self._quoted = ""
            return
        unit = self.unit.itemText(self.unit.findData(reference.unit))
        quoted = money(reference.reference_price_fen).lstrip("¥")
        self.price.setPlaceholderText(self.tr("County reference {price} {unit}").format(
            price=quoted, unit=unit))
        if self.price.text() in ("", self._quoted):
            self.unit.setCurrentIndex(self.unit.findData(reference.unit))
            self.price.setText(quoted)
            self._quoted = quoted

    def _mode_changed(self) -> None:
        consign = self.mode.currentData() == svc.produce.CONSIGN
        self.commission.setEnabled(consign)
        self.method.setEnabled(not consign)
        self.show_sum()

    def _weights(self) -> tuple[int, int, int]:
        return (parse_kg(self.gross.text()), parse_kg(self.tare.text() or "0", low_g=0),
                parse_kg(self.deduct.text() or "0", low_g=0))

    def show_sum(self) -> None:
        """Net weight and amount as the keeper types, before anything is written."""
        try:
            gross, tare, deduct = self._weights()
            price = parse_money(self.price.text(), low=1)
        except UserError:
            self.sum_label.setText(" ")
            return
        net = gross - tare - deduct
        if net <= 0:
            self.sum_label.setText(self.tr("Net weight {net}: nothing left to weigh in.").format(
                net=weight_words(net)))
            return
        amount = svc.produce.amount_for(net, self.unit.currentData(), price)
        unit = self.unit.currentData()
        self.sum_label.setText(self.tr("Net weight {net} × {price} = {amount}").format(
            net=weight_words(net, unit), price=unit_price(price, unit), amount=money(amount)))

    def weigh_in(self) -> None:
        texts = dict(product=self.product.currentText(), grade=self.grade.currentText(), mode=self.mode.currentData(),
                     price_unit=self.unit.currentData(), method=self.method.currentData(),
                     **self.person(self.phone, self.name))
        price, commission = self.price.text(), self.commission.text()
        store, op, consign = self.ctx.store, self.ctx.op_id, texts["mode"] == svc.produce.CONSIGN
        weights = self.gross.text(), self.tare.text(), self.deduct.text()

        def work():
            gross, tare, deduct = (parse_kg(weights[0]), parse_kg(weights[1] or "0", low_g=0),
                                   parse_kg(weights[2] or "0", low_g=0))
            bp = parse_percent_bp(commission, svc.produce.MAX_COMMISSION_BP) if consign else 0
            return svc.produce.take_in(store, op, gross_g=gross, tare_g=tare, deduct_g=deduct,
                                       unit_price_fen=parse_money(price, low=1), commission_bp=bp,
                                       **texts)

        def done(intake):
            if intake.mode == svc.produce.CONSIGN:
                text = self.tr("Taken on consignment from {name}: {product} {net}, about {amount}; "
                               "paid after the sale less {commission}.").format(
                    name=intake.farmer_name, product=intake.product, net=weight_words(intake.net_g, intake.price_unit),
                    amount=money(intake.amount_fen), commission=percent_text(intake.commission_bp))
            else:
                text = self.tr("Bought from {name}: {product} {net}. Pay {amount}.").format(
                    name=intake.farmer_name, product=intake.product, net=weight_words(intake.net_g, intake.price_unit),
                    amount=money(intake.amount_fen))
            self.banner.ok(text)
            for field in (self.phone, self.name, self.gross, self.tare, self.deduct, self.price):
                field.clear()
            self.refresh()
            if self.slip.isChecked():
                print_receipt(self, self.ctx, intake.id)
            self.phone.setFocus()

        self.call(work, done)

    def sell(self) -> None:
        source = self.source.currentData()
        if source is None:
            self.banner.info(self.tr("Nothing on hand to sell: weigh produce in first."))
            return
        kind, ref = source
        values = dict(price_unit=self.sell_unit.currentData(), buyer=self.buyer.text(),
                      channel=self.channel.currentData(), method=self.sell_method.currentData(),
                      send_id=self.send.currentData(),
                      **({"intake_id": ref} if kind == "consign" else {"product": ref}))
        weight, price, store, op = (self.sell_weight.text(), self.sell_price.text(), self.ctx.store,
                                    self.ctx.op_id)

        def work():
            return svc.produce.sell(store, op, weight_g=parse_kg(weight),
                                    unit_price_fen=parse_money(price, low=1), **values)

        def done(sale):
            self.banner.ok(self.tr("Sold {product} {weight} to {buyer} for {amount}.").format(
                product=sale.product, weight=weight_words(sale.weight_g), buyer=sale.buyer,
                amount=money(sale.amount_fen)))
            for field in (self.sell_weight, self.sell_price, self.buyer):
                field.clear()
            self.refresh()

        self.call(work, done)

    def pay_out(self) -> None:
        chosen = self.selected_row(self.consign_table, self.consigned,
                                   self.tr("Select a consignment in the list first."))
        if chosen is None:
            return
        if chosen.due_fen <= 0:
            self.banner.info(self.tr("Nothing is due to {name} yet: none of it has been sold.").format(
                name=chosen.intake.farmer_name))
            return
        amount = self.ask_text(self.tr("Pay the farmer"), self.tr(
            "{name} is owed {due} for {product}. Amount to pay now:").format(
                name=chosen.intake.farmer_name, due=money(chosen.due_fen),
                product=chosen.intake.product))
        if amount is None:
            return
        method = self.ask_method(self.tr("Pay the farmer"), self.tr("Paid with:"))
        if method is None:
            return
        store, op, intake_id = self.ctx.store, self.ctx.op_id, chosen.intake.id

        def work():
            return svc.produce.pay_out(store, op, intake_id, parse_money(amount or "0", low=1), method)

        def done(payout_id):
            self.banner.ok(self.tr("Paid {name}.").format(name=chosen.intake.farmer_name))
            self.refresh()
            print_receipt(self, self.ctx, payout_id)

        self.call(work, done)

    def refresh(self) -> None:
        store, which = self.ctx.store, self.tabs.currentIndex()
        produce = svc.produce
        if which == 0:
            def show_intakes(rows):
                self.intakes = rows
                fill_table(self.intake_table, [
                    [local_time(i.at), i.farmer_name, f"{i.product} {i.grade}".strip(),
                     weight_words(i.net_g, i.price_unit), unit_price(i.unit_price_fen, i.price_unit),
                     money(i.amount_fen), tr_core(produce.MODES[i.mode])] for i in rows])
            self.call(lambda: produce.recent_intakes(store, 100), show_intakes)
        elif which == 1:
            self.call(lambda: (produce.stock(store), produce.consignments(store),
                               svc.sends.open_sends(store), produce.recent_sales(store, 100)),
                      self._show_sales)
        elif which == 2:
            def show_consigned(rows):
                self.consigned = rows
                fill_table(self.consign_table, [
                    [local_time(c.intake.at, "%Y-%m-%d"), c.intake.farmer_name, c.intake.product,
                     weight_words(c.intake.net_g), weight_words(c.left_g), money(c.sold_fen),
                     money(c.commission_fen), money(c.paid_fen), money(c.due_fen)] for c in rows])
            self.call(lambda: produce.consignments(store), show_consigned)
        else:
            self.call(lambda: produce.stock(store), lambda rows: fill_table(self.stock_table, [
                [s.product, weight_words(s.bought_g), weight_words(s.consigned_g),
                 weight_words(s.on_hand_g), weight_words(s.sold_g)] for s in rows]))

    def _show_sales(self, found) -> None:
        stock, consigned, sends, sales = found
        kept = self.source.currentData()
        self.source.clear()
        for line in stock:
            if line.bought_g > 0:
                self.source.addItem(self.tr("Station stock: {product} ({left})").format(
                    product=line.product, left=weight_words(line.bought_g)), ("stock", line.product))
        for c in consigned:
            if c.left_g > 0:
                self.source.addItem(self.tr("Consigned by {name}: {product} ({left})").format(
                    name=c.intake.farmer_name, product=c.intake.product,
                    left=weight_words(c.left_g)), ("consign", c.intake.id))
        if kept is not None and self.source.findData(kept) >= 0:
            self.source.setCurrentIndex(self.source.findData(kept))
        self.send.clear()
        self.send.addItem(self.tr("— not shipped by courier —"), None)
        for s in sends:
            self.send.addItem(f"{s.receiver_name} · {s.item} · {local_time(s.accepted_at)}", s.id)
        self.sales = sales
        channels = svc.produce.CHANNELS
        fill_table(self.sale_table, [
            [local_time(s.at), s.product, s.buyer, tr_core(channels[s.channel]),
             weight_words(s.weight_g, s.price_unit), money(s.amount_fen),
             self.tr("Consignment") if s.intake_id else self.tr("Station stock")] for s in sales])
