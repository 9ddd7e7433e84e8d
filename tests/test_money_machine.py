"""Random sequences of every money operation, voids and drawer days, against a model of the
cash that should be in the drawer: the drawer agrees with the model, each void nets its record
to zero, the month's ledger totals are the sums of its entries, and verify passes."""

import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from station_app.core import (bills, drawer, monthly, other_services, people, produce, purchases,
                              voids)
from station_app.core.clock import FixedClock
from station_app.core.errors import UserError
from station_app.core.station import open_station
from station_app.core.verify import verify
from tests.conftest import CHINA

fen = st.integers(min_value=1, max_value=50_000)
method = st.sampled_from(["cash", "wechat"])


class MoneyMachine(RuleBasedStateMachine):
    @initialize()
    def start(self):
        self.dir = Path(tempfile.mkdtemp(prefix="money-machine-"))
        self.clock = FixedClock(datetime(2026, 11, 3, 9, 0, tzinfo=CHINA))
        self.station = open_station(self.dir, clock=self.clock)
        self.store = self.station.store
        self.keeper = people.create_operator(self.store, people.SYSTEM, "王站长", people.KEEPER, "1234")
        self.float = 0
        self.session_cash = 0  # cash in minus cash out since the drawer opened, by the model
        self.cash_of: dict[str, int] = {}  # record -> its net cash effect so far
        self.records: list[str] = []
        self.voided: set[str] = set()
        self.pending_bills: list[str] = []
        self.consignments: list[str] = []
        self.open_purchases: list[str] = []
        self.is_open = False

    def teardown(self):
        if hasattr(self, "station"):
            try:
                self.check_ledger_and_chain()
            finally:
                self.station.close()
            shutil.rmtree(self.dir, ignore_errors=True)

    def _cash(self, record_id: str, delta: int) -> None:
        self.cash_of[record_id] = self.cash_of.get(record_id, 0) + delta
        self.session_cash += delta

    def _try(self, fn, *args, **kw):
        """Run a service; a refusal (not enough cash, payout above what is due...) is fine as
        long as it changed nothing, which the model then checks."""
        before = self.store.head()
        try:
            return fn(*args, **kw)
        except UserError:
            assert self.store.head() == before
            return None

    # the drawer

    @precondition(lambda self: not self.is_open)
    @rule(float_fen=st.integers(min_value=0, max_value=100_000))
    def open_day(self, float_fen):
        drawer.open_drawer(self.store, self.keeper.id, float_fen)
        self.float, self.session_cash, self.is_open = float_fen, 0, True

    @precondition(lambda self: self.is_open)
    @rule(slip=st.integers(min_value=-500, max_value=500))
    def close_day(self, slip):
        expected = self.float + self.session_cash
        closed = drawer.close_drawer(self.store, self.keeper.id, max(0, expected + slip))
        assert closed.expected_fen == expected
        assert closed.difference_fen == max(0, expected + slip) - expected
        self.is_open = False
        self.clock.advance(days=1)

    @precondition(lambda self: self.is_open)
    @rule(direction=st.sampled_from(["in", "out"]), amount=fen)
    def move(self, direction, amount):
        move_id = self._try(drawer.move_cash, self.store, self.keeper.id, direction, amount, "换零钱")
        if move_id:
            self._cash(move_id, amount if direction == "in" else -amount)
            self.records.append(move_id)

    # bills

    @precondition(lambda self: self.is_open)
    @rule(amount=fen, fee=st.integers(min_value=0, max_value=500), how=method)
    def take_bill(self, amount, fee, how):
        bill = bills.take_payment(self.store, self.keeper.id, kind="power", account="0601",
                                  holder="张三", amount_fen=amount, fee_fen=fee, method=how)
        self._cash(bill.id, amount + fee if how == "cash" else 0)
        self.records.append(bill.id)
        self.pending_bills.append(bill.id)

    @precondition(lambda self: self.is_open and self.pending_bills)
    @rule(data=st.data(), fail=st.booleans())
    def settle_bill(self, data, fail):
        bill_id = data.draw(st.sampled_from(self.pending_bills))
        if bill_id in self.voided:
            return
        self.pending_bills.remove(bill_id)
        if fail:
            bill = next(b for b in bills.recent(self.store, 10_000) if b.id == bill_id)
            bills.fail_and_refund(self.store, self.keeper.id, bill_id, "失败")
            self._cash(bill_id, -(bill.amount_fen + bill.fee_fen) if bill.method == "cash" else 0)
        else:
            bills.confirm(self.store, self.keeper.id, bill_id)

    # other services

    @precondition(lambda self: self.is_open)
    @rule(kind=st.sampled_from(["pos_cash", "ticket", "printing"]), amount=fen,
          fee=st.integers(min_value=0, max_value=300), how=method)
    def service(self, kind, amount, fee, how):
        svc = self._try(other_services.record, self.store, self.keeper.id, kind=kind,
                        amount_fen=amount, fee_fen=fee, method=how, card_last4="6217")
        if svc:
            paid = fee if how == "cash" else 0
            if kind == "pos_cash":
                self._cash(svc.id, -amount + paid)
            else:
                self._cash(svc.id, (amount if how == "cash" else 0) + paid)
            self.records.append(svc.id)

    # produce

    @precondition(lambda self: self.is_open)
    @rule(grams=st.integers(min_value=1, max_value=20_000), price=st.integers(1, 5000),
          consign=st.booleans(), how=method)
    def intake(self, grams, price, consign, how):
        got = self._try(produce.take_in, self.store, self.keeper.id, name="李四",
                        phone="13900001111", product="枸杞", gross_g=grams + 100, tare_g=100,
                        unit_price_fen=price, mode="consign" if consign else "buyout",
                        commission_bp=800, method=how)
        if got:
            self._cash(got.id, -got.amount_fen if not consign and how == "cash" else 0)
            self.records.append(got.id)
            if consign:
                self.consignments.append(got.id)

    @precondition(lambda self: self.is_open and self.consignments)
    @rule(data=st.data(), grams=st.integers(1, 20_000), price=st.integers(1, 9000), how=method)
    def sell_consignment(self, data, grams, price, how):
        intake_id = data.draw(st.sampled_from(self.consignments))
        sale = self._try(produce.sell, self.store, self.keeper.id, intake_id=intake_id,
                         weight_g=grams, price_unit="kg", unit_price_fen=price, buyer="商贩",
                         method=how)
        if sale:
            self._cash(sale.id, sale.amount_fen if how == "cash" else 0)
            self.records.append(sale.id)

    @precondition(lambda self: self.is_open and self.consignments)
    @rule(data=st.data(), amount=fen, how=method)
    def pay_farmer(self, data, amount, how):
        intake_id = data.draw(st.sampled_from(self.consignments))
        payout = self._try(produce.pay_out, self.store, self.keeper.id, intake_id, amount, how)
        if payout:
            self._cash(payout, -amount if how == "cash" else 0)
            self.records.append(payout)

    # agent purchases

    @precondition(lambda self: self.is_open)
    @rule(price=fen, deposit=st.integers(0, 5000), how=method)
    def request_purchase(self, price, deposit, how):
        p = purchases.request(self.store, self.keeper.id, name="张三", phone="13812345678",
                              items="化肥", platform="pdd", price_fen=price + deposit,
                              service_fee_fen=300, deposit_fen=deposit, deposit_method=how)
        self._cash(p.id, deposit if how == "cash" else 0)
        self.records.append(p.id)
        self.open_purchases.append(p.id)

    @precondition(lambda self: self.is_open and self.open_purchases)
    @rule(data=st.data(), step=st.sampled_from(["order", "hand_over", "cancel"]), how=method)
    def purchase_step(self, data, step, how):
        pid = data.draw(st.sampled_from(self.open_purchases))
        p = purchases.get(self.store, pid)
        if pid in self.voided:
            return
        if step == "order" and p.status == "requested":
            purchases.mark_ordered(self.store, self.keeper.id, pid, "PDD-1", paid_with="wechat")
        elif step == "hand_over" and p.status == "ordered":
            purchases.hand_over(self.store, self.keeper.id, pid, balance_method=how)
            self._cash(pid, p.balance_fen if how == "cash" else 0)
            self.open_purchases.remove(pid)
        elif step == "cancel":
            purchases.cancel(self.store, self.keeper.id, pid, "不要了")
            self._cash(pid, -p.deposit_fen if p.deposit_method == "cash" else 0)
            self.open_purchases.remove(pid)

    # voids

    @precondition(lambda self: self.is_open and self.records)
    @rule(data=st.data())
    def void_one(self, data):
        record_id = data.draw(st.sampled_from(self.records))
        if self._try(voids.void, self.store, self.keeper.id, record_id, "录错了") is None:
            return
        self.voided.add(record_id)
        self._cash(record_id, -self.cash_of.get(record_id, 0))
        with self.store.read() as conn:
            total = conn.exec_driver_sql("SELECT sum(in_fen - out_fen) FROM ledger_line "
                                         "WHERE record_id = ?", (record_id,)).scalar()
        assert (total or 0) == 0

    # invariants

    @invariant()
    def drawer_holds_what_the_model_says(self):
        if getattr(self, "is_open", False):
            assert drawer.current(self.store).expected_fen == self.float + self.session_cash

    def check_ledger_and_chain(self):
        doc = monthly.ledger_document(self.store, "2026-11")
        totals = doc["totals"]
        assert totals["in_fen"] == sum(e["in_fen"] for e in doc["entries"])
        assert totals["out_fen"] == sum(e["out_fen"] for e in doc["entries"])
        for key in ("by_category", "by_method"):
            assert sum(v["in_fen"] for v in totals[key].values()) == totals["in_fen"]
            assert sum(v["out_fen"] for v in totals[key].values()) == totals["out_fen"]
        assert verify(self.store).ok

    @invariant()
    def every_few_steps_the_whole_record_holds(self):
        if hasattr(self, "store") and self.store.head()[0] % 7 == 0:
            self.check_ledger_and_chain()


MoneyMachine.TestCase.settings = settings(max_examples=40, stateful_step_count=30, deadline=None,
                                          suppress_health_check=[HealthCheck.too_slow])
test_money_operations_keep_the_books_straight = MoneyMachine.TestCase
