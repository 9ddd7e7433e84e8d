"""Villagers' produce (代卖/收购): weighed in, bought out or taken on consignment, sold on.

Weights are integer grams and prices integer fen per 斤 (500 g) or per kg, as the keeper
prices it; an amount is rounded half up to the fen once, from grams, never through floats.
Stock on hand and what a consignment still owes its farmer are sums over live (not voided)
records, never stored totals that could drift from them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from station_app.core import messages as m
from station_app.core.drawer import require_cash
from station_app.core.errors import UserError
from station_app.core.ledger import check_method
from station_app.core.messages import QT_TRANSLATE_NOOP
from station_app.core.models import ProduceIntake, ProducePayout, ProduceSale, Send, columns_of
from station_app.core.people import parse_person, resolve_villager
from station_app.core.validate import (
    UNIT_GRAMS,
    check_fen,
    check_grams,
    format_fen,
    kg_number,
    parse_name,
    parse_text,
)
from station_app.core.voids import not_voided, require_live

BUYOUT, CONSIGN = "buyout", "consign"
MODES = {BUYOUT: QT_TRANSLATE_NOOP("core", "Buy-out (收购, paid now)"),
         CONSIGN: QT_TRANSLATE_NOOP("core", "Consignment (代卖, paid after the sale)")}
UNITS = {"jin": QT_TRANSLATE_NOOP("core", "per jin (斤)"), "kg": QT_TRANSLATE_NOOP("core", "per kg")}
MAX_COMMISSION_BP = 5000
# What a village station usually takes in, until the county's catalogue names its own; free
# text is accepted too.
PRODUCTS = ["枸杞", "苹果", "核桃", "红枣", "小米", "土鸡蛋", "蜂蜜", "花椒", "土豆", "香菇"]
GRADES = ["特级", "一级", "二级", "统货"]
CHANNELS = {
    "dealer": QT_TRANSLATE_NOOP("core", "Dealer (收购商)"),
    "online": QT_TRANSLATE_NOOP("core", "Online shop"),
    "market": QT_TRANSLATE_NOOP("core", "Market"),
    "coop": QT_TRANSLATE_NOOP("core", "Cooperative"),
    "other": QT_TRANSLATE_NOOP("core", "Other"),
}


def amount_for(grams: int, unit: str, unit_price_fen: int) -> int:
    unit_g = UNIT_GRAMS[unit]
    return (grams * unit_price_fen + unit_g // 2) // unit_g


def commission_for(sold_fen: int, commission_bp: int) -> int:
    return (sold_fen * commission_bp + 5000) // 10000


@dataclass(frozen=True)
class IntakeInfo:
    id: str
    villager_id: str
    farmer_name: str
    product: str
    grade: str
    gross_g: int
    tare_g: int
    deduct_g: int
    net_g: int
    price_unit: str
    unit_price_fen: int
    amount_fen: int
    mode: str
    commission_bp: int
    method: str | None
    at: str


_INTAKE_COLS = columns_of(ProduceIntake, IntakeInfo)


def _check_unit(unit: str) -> str:
    if unit not in UNIT_GRAMS:
        raise ValueError(unit)
    return unit


def take_in(store, operator: str, *, name: str, phone: str | None = None,
            last4: str | None = None, product: str, grade: str = "", gross_g: int,
            tare_g: int = 0, deduct_g: int = 0, price_unit: str = "jin", unit_price_fen: int,
            mode: str = BUYOUT, commission_bp: int = 0, method: str = "cash") -> IntakeInfo:
    """Weigh a farmer's produce in. Buy-out pays the farmer now; consignment pays after the
    sale, minus the commission, and its price is the reference the keeper quoted."""
    name, phone, last4 = parse_person(name, phone, last4)
    product = parse_text(product, QT_TRANSLATE_NOOP("core", "product"), 20)
    grade = parse_text(grade, QT_TRANSLATE_NOOP("core", "grade"), 12, required=False)
    check_grams(gross_g)
    check_grams(tare_g, low=0)
    check_grams(deduct_g, low=0)
    net_g = gross_g - tare_g - deduct_g
    if net_g <= 0:
        raise UserError(m.NET_NOT_POSITIVE, net=kg_number(net_g))
    _check_unit(price_unit)
    check_fen(unit_price_fen, low=1)
    if mode not in (BUYOUT, CONSIGN):
        raise ValueError(mode)
    if mode == CONSIGN and not 0 <= commission_bp <= MAX_COMMISSION_BP:
        raise UserError(m.COMMISSION_RANGE)
    amount = check_fen(amount_for(net_g, price_unit, unit_price_fen), low=1)
    method = check_method(method) if mode == BUYOUT else None
    with store.write(operator) as tx:
        farmer = resolve_villager(tx, name, phone, last4)
        values = dict(villager_id=farmer.id, farmer_name=farmer.name, product=product,
                      grade=grade, gross_g=gross_g, tare_g=tare_g, deduct_g=deduct_g,
                      net_g=net_g, price_unit=price_unit, unit_price_fen=unit_price_fen,
                      amount_fen=amount, mode=mode,
                      commission_bp=commission_bp if mode == CONSIGN else 0, method=method,
                      at=tx.now_text)
        intake_id = tx.insert(ProduceIntake, **values)
        if mode == BUYOUT:
            if method == "cash":
                require_cash(tx, amount)
            tx.ledger(intake_id, "produce_buyout", method,
                      f"{product} {farmer.name}", out_fen=amount)
        reference = tx.config.reference(product)  # the county's price, beside the one paid
        tx.event("produce.received", intake_id, **({
            "reference_price_fen": reference.reference_price_fen, "reference_unit": reference.unit}
            if reference else {}))
    return IntakeInfo(intake_id, **values)


def _intake(conn, intake_id: str) -> IntakeInfo:
    row = conn.execute(select(*_INTAKE_COLS).where(ProduceIntake.id == intake_id)).first()
    if row is None:
        raise LookupError(intake_id)
    return IntakeInfo(*row)


def _sold(conn, intake_id: str, without_sale: str | None = None) -> tuple[int, int]:
    conds = [ProduceSale.intake_id == intake_id, not_voided(ProduceSale)]
    if without_sale:
        conds.append(ProduceSale.id != without_sale)
    grams, fen = conn.execute(select(func.coalesce(func.sum(ProduceSale.weight_g), 0),
                                     func.coalesce(func.sum(ProduceSale.amount_fen), 0))
                              .where(*conds)).one()
    return grams, fen


def _paid(conn, intake_id: str) -> int:
    return conn.execute(select(func.coalesce(func.sum(ProducePayout.amount_fen), 0))
                        .where(ProducePayout.intake_id == intake_id,
                               not_voided(ProducePayout))).scalar()


def consignment_due_after(conn, intake_id: str, without_sale: str | None = None) -> int:
    """What the farmer is still owed: sales so far, less commission, less payouts made."""
    intake = _intake(conn, intake_id)
    _, sold_fen = _sold(conn, intake_id, without_sale)
    return sold_fen - commission_for(sold_fen, intake.commission_bp) - _paid(conn, intake_id)


def _bought_stock(conn, product: str) -> int:
    bought = conn.execute(select(func.coalesce(func.sum(ProduceIntake.net_g), 0)).where(
        ProduceIntake.product == product, ProduceIntake.mode == BUYOUT,
        not_voided(ProduceIntake))).scalar()
    sold = conn.execute(select(func.coalesce(func.sum(ProduceSale.weight_g), 0)).where(
        ProduceSale.product == product, ProduceSale.intake_id.is_(None),
        not_voided(ProduceSale))).scalar()
    return bought - sold


@dataclass(frozen=True)
class SaleInfo:
    id: str
    product: str
    intake_id: str | None
    buyer: str
    channel: str
    weight_g: int
    price_unit: str
    unit_price_fen: int
    amount_fen: int
    method: str
    send_id: str | None
    at: str


def sell(store, operator: str, *, product: str | None = None, weight_g: int, price_unit: str,
         unit_price_fen: int, buyer: str, channel: str = "dealer", method: str = "cash",
         intake_id: str | None = None, send_id: str | None = None) -> SaleInfo:
    """Sell produce on: from the station's bought-out stock of ``product``, or from one
    consignment (``intake_id``), whose farmer is then owed the price less commission."""
    check_grams(weight_g)
    _check_unit(price_unit)
    check_fen(unit_price_fen, low=1)
    buyer = parse_name(buyer, max_len=40)
    if channel not in CHANNELS:
        raise ValueError(channel)
    method = check_method(method)
    amount = check_fen(amount_for(weight_g, price_unit, unit_price_fen), low=1)
    with store.write(operator) as tx:
        if intake_id:
            require_live(tx.conn, intake_id)
            intake = _intake(tx.conn, intake_id)
            if intake.mode != CONSIGN:
                raise UserError(m.NOT_CONSIGNMENT)
            product = intake.product
            available = intake.net_g - _sold(tx.conn, intake_id)[0]
        else:
            product = parse_text(product, QT_TRANSLATE_NOOP("core", "product"), 20)
            available = _bought_stock(tx.conn, product)
        if weight_g > available:
            raise UserError(m.NOT_ENOUGH_PRODUCE, product=product,
                            available=kg_number(max(available, 0)))
        if send_id and not tx.conn.execute(select(Send.id).where(Send.id == send_id)).first():
            raise LookupError(send_id)
        values = dict(product=product, intake_id=intake_id, buyer=buyer, channel=channel,
                      weight_g=weight_g, price_unit=price_unit, unit_price_fen=unit_price_fen,
                      amount_fen=amount, method=method, send_id=send_id, at=tx.now_text)
        sale_id = tx.insert(ProduceSale, **values)
        tx.ledger(sale_id, "produce_sale", method, f"{product} {buyer}",
                  in_fen=amount)
        tx.event("produce.sold", sale_id)
    return SaleInfo(sale_id, **values)


def pay_out(store, operator: str, intake_id: str, amount_fen: int, method: str = "cash") -> str:
    """Pay a consignment's farmer what has come in from its sales, commission kept."""
    check_fen(amount_fen, low=1)
    method = check_method(method)
    with store.write(operator) as tx:
        require_live(tx.conn, intake_id)
        intake = _intake(tx.conn, intake_id)
        if intake.mode != CONSIGN:
            raise UserError(m.NOT_CONSIGNMENT)
        due = consignment_due_after(tx.conn, intake_id)
        if amount_fen > due:
            raise UserError(m.PAYOUT_TOO_HIGH, due=format_fen(max(due, 0)))
        if method == "cash":
            require_cash(tx, amount_fen)
        payout_id = tx.insert(ProducePayout, intake_id=intake_id, amount_fen=amount_fen,
                              method=method, at=tx.now_text)
        tx.ledger(payout_id, "consign_payout", method, f"{intake.product} {intake.farmer_name}",
                  out_fen=amount_fen)
        tx.event("produce.paid_out", payout_id, intake=intake_id)
    return payout_id


@dataclass(frozen=True)
class StockLine:
    product: str
    bought_g: int  # bought out and not yet sold: the station's own
    consigned_g: int  # farmers' produce held for sale
    sold_g: int

    @property
    def on_hand_g(self) -> int:
        return self.bought_g + self.consigned_g


def stock(store) -> list[StockLine]:
    """Stock on hand per product."""
    with store.read() as conn:
        intakes = conn.execute(select(ProduceIntake.product, ProduceIntake.mode,
                                      func.sum(ProduceIntake.net_g))
                               .where(not_voided(ProduceIntake))
                               .group_by(ProduceIntake.product, ProduceIntake.mode)).all()
        sales = conn.execute(select(ProduceSale.product, ProduceSale.intake_id.is_(None),
                                    func.sum(ProduceSale.weight_g))
                             .where(not_voided(ProduceSale))
                             .group_by(ProduceSale.product, ProduceSale.intake_id.is_(None))).all()
    got: dict[str, dict[str, int]] = {}
    for product, mode, grams in intakes:
        got.setdefault(product, {})[mode] = grams
    for product, from_stock, grams in sales:
        entry = got.setdefault(product, {})
        key = BUYOUT if from_stock else CONSIGN
        entry[key] = entry.get(key, 0) - grams
        entry["sold"] = entry.get("sold", 0) + grams
    return [StockLine(p, v.get(BUYOUT, 0), v.get(CONSIGN, 0), v.get("sold", 0))
            for p, v in sorted(got.items())]


@dataclass(frozen=True)
class Consignment:
    intake: IntakeInfo
    sold_g: int
    sold_fen: int
    commission_fen: int
    paid_fen: int

    @property
    def left_g(self) -> int:
        return self.intake.net_g - self.sold_g

    @property
    def due_fen(self) -> int:
        return self.sold_fen - self.commission_fen - self.paid_fen


def consignments(store, villager_id: str | None = None, open_only: bool = True) -> list[Consignment]:
    """Consignments still on hand or still owing their farmer (or all of one villager's).
    One query: sales and payouts are summed per intake in SQL, not one round trip each."""
    sold = (select(ProduceSale.intake_id, func.sum(ProduceSale.weight_g).label("g"),
                   func.sum(ProduceSale.amount_fen).label("fen"))
            .where(ProduceSale.intake_id.is_not(None), not_voided(ProduceSale))
            .group_by(ProduceSale.intake_id).subquery())
    paid = (select(ProducePayout.intake_id, func.sum(ProducePayout.amount_fen).label("fen"))
            .where(not_voided(ProducePayout)).group_by(ProducePayout.intake_id).subquery())
    conds = [ProduceIntake.mode == CONSIGN, not_voided(ProduceIntake)]
    if villager_id:
        conds.append(ProduceIntake.villager_id == villager_id)
    stmt = (select(*_INTAKE_COLS, func.coalesce(sold.c.g, 0), func.coalesce(sold.c.fen, 0),
                   func.coalesce(paid.c.fen, 0))
            .outerjoin(sold, sold.c.intake_id == ProduceIntake.id)
            .outerjoin(paid, paid.c.intake_id == ProduceIntake.id)
            .where(*conds).order_by(ProduceIntake.at))
    out = []
    with store.read() as conn:
        for row in conn.execute(stmt):
            intake = IntakeInfo(*row[:len(_INTAKE_COLS)])
            sold_g, sold_fen, paid_fen = row[len(_INTAKE_COLS):]
            c = Consignment(intake, sold_g, sold_fen,
                            commission_for(sold_fen, intake.commission_bp), paid_fen)
            if not open_only or c.left_g > 0 or c.due_fen > 0:
                out.append(c)
    return out


def recent_intakes(store, limit: int = 200) -> list[IntakeInfo]:
    with store.read() as conn:
        rows = conn.execute(select(*_INTAKE_COLS).where(not_voided(ProduceIntake))
                            .order_by(ProduceIntake.at.desc()).limit(limit)).all()
    return [IntakeInfo(*r) for r in rows]


def intake(store, intake_id: str) -> IntakeInfo:
    with store.read() as conn:
        return _intake(conn, intake_id)



_SALE_COLS = columns_of(ProduceSale, SaleInfo)


def recent_sales(store, limit: int = 200) -> list[SaleInfo]:
    with store.read() as conn:
        rows = conn.execute(select(*_SALE_COLS).where(not_voided(ProduceSale))
                            .order_by(ProduceSale.at.desc()).limit(limit)).all()
    return [SaleInfo(*r) for r in rows]
