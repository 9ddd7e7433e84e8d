"""日结 — the cash drawer: open the day with the counted float, put cash in or take it out with a
reason, close with the counted cash. The Z report shows what came in and went out, in cash by
category and per payment method (for reconciling the phone wallets). A customer after the close
is served in a new session of the same day (交班), with its own float and Z number."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QWidget)

from station_app.core.errors import UserError
from station_app.core.ledger import CATEGORIES, METHODS
from station_app.core.validate import parse_money
from station_app.ui import services as svc
from station_app.ui.i18n import error_text, tr_core
from station_app.ui.pages.base import Page
from station_app.ui.printing import print_z_report
from station_app.ui.widgets import (big_edit, fill_table, local_time, main_button, money,
                                    plain_table, sized, enter_moves_on)


class DrawerPage(Page):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.drawer = None  # the open session (DrawerInfo), if any
        self.shown = None  # the Z report on screen (today's, open or closed)
        heading = sized(QLabel(self.tr("Cash drawer")), 18, bold=True)
        self.status = sized(QLabel(), 15, bold=True)
        self.status.setWordWrap(True)

        self.float_edit = big_edit(self.tr("Float counted, e.g. 200"), 15)
        self.open_button = main_button(self.tr("Open today's drawer"), 14, 40)
        self.open_row = QWidget()
        open_layout = QHBoxLayout(self.open_row)
        open_layout.setContentsMargins(0, 0, 0, 0)
        open_layout.addWidget(sized(QLabel(self.tr("Cash in the drawer now:")), 14))
        open_layout.addWidget(self.float_edit, 1)
        open_layout.addWidget(self.open_button)

        self.direction = sized(QComboBox(), 14)
        self.direction.addItem(self.tr("Put cash in"), "in")
        self.direction.addItem(self.tr("Take cash out"), "out")
        self.move_amount = big_edit(self.tr("Amount"), 15)
        self.move_reason = big_edit(self.tr("Reason, e.g. change from the bank"), 14)
        self.move_button = sized(QPushButton(self.tr("Record")), 14, bold=True)
        self.counted = big_edit(self.tr("Cash counted at closing"), 15)
        self.close_button = main_button(self.tr("Close the day"), 14, 40)
        self.work_row = QWidget()
        grid = QGridLayout(self.work_row)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.direction, 0, 0)
        grid.addWidget(self.move_amount, 0, 1)
        grid.addWidget(self.move_reason, 0, 2)
        grid.addWidget(self.move_button, 0, 3)
        grid.addWidget(sized(QLabel(self.tr("Count the cash, then:")), 14), 1, 0)
        grid.addWidget(self.counted, 1, 1)
        grid.addWidget(self.close_button, 1, 2, 1, 2)
        grid.setColumnStretch(2, 1)

        self.z_title = sized(QLabel(), 14, bold=True)
        self.print_z = sized(QPushButton(self.tr("Print Z report")), 13)
        self.print_z.clicked.connect(
            lambda: self.shown and print_z_report(self, self.ctx, self.shown.drawer.id))
        z_bar = QHBoxLayout()
        z_bar.addWidget(self.z_title, 1)
        z_bar.addWidget(self.print_z)
        self.methods = plain_table([self.tr("Payment method"), self.tr("In"), self.tr("Out"),
                                    self.tr("Net")])
        self.cash = plain_table([self.tr("Cash by category"), self.tr("In"), self.tr("Out")])
        tables = QHBoxLayout()
        tables.addWidget(self.methods, 1)
        tables.addWidget(self.cash, 1)
        self.history = plain_table([self.tr("Day"), self.tr("Z no."), self.tr("Float"),
                                    self.tr("Should hold"), self.tr("Counted"),
                                    self.tr("Difference")])

        self.arrange(heading, self.status, self.banner, self.open_row, self.work_row,
                     z_bar, (tables, 2), sized(QLabel(self.tr("Recent sessions")), 14, bold=True),
                     (self.history, 1))

        self.open_button.clicked.connect(self.open_day)
        self.float_edit.returnPressed.connect(self.open_day)
        self.move_button.clicked.connect(self.move_cash)
        enter_moves_on([self.move_amount, self.move_reason], self.move_cash)
        self.close_button.clicked.connect(self.close_day)
        self.counted.returnPressed.connect(self.close_day)

    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        store = self.ctx.store

        def load():
            current = svc.drawer.current(store)
            shown = current or svc.drawer.today_closed(store)
            report = svc.drawer.z_report(store, shown.id) if shown else None
            return current, report, svc.drawer.sessions(store, limit=30)

        self.call(load, self._show)

    def _show(self, loaded) -> None:
        current, report, history = loaded
        self.drawer = current
        self.open_row.setVisible(current is None)
        self.open_button.setText(self.tr("Open a new session") if report is not None
                                 else self.tr("Open today's drawer"))
        self.work_row.setVisible(current is not None)
        if current is None and report is None:
            self.status.setText(self.tr("The drawer is not open today. Count the cash in it and "
                                        "open the day before taking money."))
            self.float_edit.setFocus()
        elif current is None:
            d = report.drawer
            self.status.setText(self.tr("Closed today (Z report no. {z}): counted {counted}, "
                                        "difference {diff}. A customer now? Count the cash and open "
                                        "a new session; the closed one stays as it is.").format(
                z=d.z_no, counted=money(d.counted_fen), diff=money(d.difference_fen)))
            self.float_edit.setFocus()
        else:
            self.status.setText(self.tr("Open since {since} ({day}), float {float}. The drawer "
                                        "should now hold {cash} in cash.").format(
                since=local_time(current.opened_at, "%H:%M"), day=current.business_date,
                float=money(current.float_fen), cash=money(current.expected_fen)))
            self.move_amount.setFocus()
        self._show_report(report)
        fill_table(self.history, [
            [d.business_date, str(d.z_no or ""), money(d.float_fen), money(d.expected_fen or 0),
             money(d.counted_fen) if d.counted_fen is not None else self.tr("open"),
             money(d.difference_fen) if d.difference_fen is not None else ""] for d in history])

    def _show_report(self, report) -> None:
        self.shown = report
        self.z_title.setVisible(report is not None)
        self.print_z.setVisible(report is not None)
        if report is None:
            fill_table(self.methods, [])
            fill_table(self.cash, [])
            return
        d = report.drawer
        self.z_title.setText(self.tr("Z report {day}{z}: {records} records").format(
            day=d.business_date, z=self.tr("  No. {n}").format(n=d.z_no) if d.z_no else "",
            records=report.records))
        fill_table(self.methods, [[tr_core(METHODS.get(t.key, t.key)), money(t.in_fen),
                                   money(t.out_fen), money(t.net_fen)] for t in report.by_method])
        fill_table(self.cash, [[tr_core(CATEGORIES.get(t.key, t.key)), money(t.in_fen),
                                money(t.out_fen)] for t in report.cash_by_category])

    def open_day(self) -> None:
        text, store, op = self.float_edit.text(), self.ctx.store, self.ctx.op_id

        def done(info):
            self.float_edit.clear()
            self.banner.ok(self.tr("The drawer is open with a float of {float}.").format(
                float=money(info.float_fen)))
            self.refresh()

        self.call(lambda: svc.drawer.open_drawer(store, op, parse_money(text)), done)

    def move_cash(self) -> None:
        direction = self.direction.currentData()
        amount, reason = self.move_amount.text(), self.move_reason.text()
        store, op = self.ctx.store, self.ctx.op_id

        def done(_):
            self.move_amount.clear()
            self.move_reason.clear()
            self.banner.ok(self.tr("Recorded."))
            self.refresh()

        self.call(lambda: svc.drawer.move_cash(store, op, direction, parse_money(amount, low=1),
                                                reason), done)

    def close_day(self) -> None:
        if self.drawer is None:
            return
        text, store, op = self.counted.text(), self.ctx.store, self.ctx.op_id
        try:
            counted = parse_money(text)
        except UserError as exc:
            self.banner.error(error_text(exc))
            return
        expected = self.drawer.expected_fen
        if QMessageBox.question(
                self, self.tr("Close the day"),
                self.tr("Close {day}? The drawer should hold {expected}; you counted {counted} "
                        "(difference {diff}). A closed session is never reopened; a later customer "
                        "is served in a new one.").format(
                    day=self.drawer.business_date, expected=money(expected),
                    counted=money(counted), diff=money(counted - expected))
        ) != QMessageBox.StandardButton.Yes:
            return

        def done(info):
            self.counted.clear()
            self.banner.ok(self.tr("Day closed: Z report no. {z}, difference {diff}.").format(
                z=info.z_no, diff=money(info.difference_fen)))
            self.refresh()

        self.call(lambda: svc.drawer.close_drawer(store, op, counted), done)
