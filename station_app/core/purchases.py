"""Agent purchases (代购): the keeper orders goods online for a villager.

Money, as the ledger sees it: the villager pays a deposit when asking and the balance when the
goods are handed over (together: price + shipping + service fee); the keeper pays the platform
price + shipping when ordering. What stays with the station is the service fee. Cancelling or
returning refunds the villager's deposit, and the platform's refund comes back to the keeper.

"Arrived" is not a button: the purchase's tracking number checked in at the parcel desk moves
it there, and check-in tells the keeper whose purchase it is (:func:`arrive`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from station_app.core import messages as m
from station_app.core.errors import UserError
from station_app.core.ledger import check_method
from station_app.core.messages import QT_TRANSLATE_NOOP
from station_app.core.models import Purchase, columns_of
from station_app.core.parcels import IN_STOCK, hand_out, send_back
from station_app.core.people import parse_person, resolve_villager
from station_app.core.validate import (
    check_fen,
    format_fen,
    parse_reason,
    parse_text,
    parse_tracking,
)
from station_app.core.voids import not_voided, require_live

REQUESTED, ORDERED, SHIPPED, ARRIVED = "requested", "ordered", "shipped", "arrived"
HANDED_OVER, CANCELLED, RETURNED = "handed_over", "cancelled", "returned"
OPEN_STATUSES = (REQUESTED, ORDERED, SHIPPED, ARRIVED)
STATUSES = {
    REQUESTED: QT_TRANSLATE_NOOP("core", "Requested"),
    ORDERED: QT_TRANSLATE_NOOP("core", "Ordered"),
    SHIPPED: QT_TRANSLATE_NOOP("core", "Shipped"),
    ARRIVED: QT_TRANSLATE_NOOP("core", "Arrived"),
    HANDED_OVER: QT_TRANSLATE_NOOP("core", "Handed over"),
    CANCELLED: QT_TRANSLATE_NOOP("core", "Cancelled"),
    RETURNED: QT_TRANSLATE_NOOP("core", "Returned"),
}
PLATFORMS = {
    "taobao": QT_TRANSLATE_NOOP("core", "Taobao"),
    "pdd": QT_TRANSLATE_NOOP("core", "Pinduoduo"),
    "jd": QT_TRANSLATE_NOOP("core", "JD.com"),
    "douyin": QT_TRANSLATE_NOOP("core", "Douyin"),
    "kuaishou": QT_TRANSLATE_NOOP("core", "Kuaishou"),
    "other": QT_TRANSLATE_NOOP("core", "Other"),
}


@dataclass(frozen=True)
class PurchaseInfo:
    id: str
    villager_id: str
    villager_name: str
    items: str
    platform: str
    order_no: str | None
    price_fen: int
    shipping_fen: int
    service_fee_fen: int
    deposit_fen: int
    deposit_method: str
    paid_with: str | None
    tracking_no: str | None
    parcel_id: str | None
    status: str
    created_at: str
    updated_at: str

    @property
    def total_fen(self) -> int:
        return self.price_fen + self.shipping_fen + self.service_fee_fen

    @property
    def balance_fen(self) -> int:
        return self.total_fen - self.deposit_fen


_COLS = columns_of(Purchase, PurchaseInfo)


def request(store, operator: str, *, name: str | None, phone: str | None = None,
            last4: str | None = None, items: str, platform: str, price_fen: int,
            shipping_fen: int = 0, service_fee_fen: int = 0, deposit_fen: int = 0,
            deposit_method: str = "cash") -> PurchaseInfo:
    name, phone, last4 = parse_person(name, phone, last4)
    items = parse_text(items, QT_TRANSLATE_NOOP("core", "items"), 200)
    if platform not in PLATFORMS:
        raise UserError(m.UNKNOWN_PLATFORM, code=platform)
    check_fen(price_fen, low=1)
    check_fen(shipping_fen)
    check_fen(service_fee_fen)
    check_fen(deposit_fen)
    total = price_fen + shipping_fen + service_fee_fen
    if deposit_fen > total:
        raise UserError(m.DEPOSIT_TOO_HIGH, total=format_fen(total))
    deposit_method = check_method(deposit_method)
    with store.write(operator) as tx:
        villager = resolve_villager(tx, name, phone, last4)
        values = dict(villager_id=villager.id, villager_name=villager.name, items=items,
                      platform=platform, order_no=None, price_fen=price_fen,
                      shipping_fen=shipping_fen, service_fee_fen=service_fee_fen,
                      deposit_fen=deposit_fen, deposit_method=deposit_method, paid_with=None,
                      tracking_no=None, parcel_id=None, status=REQUESTED,
                      created_at=tx.now_text, updated_at=tx.now_text)
        purchase_id = tx.insert(Purchase, **values)
        if deposit_fen:
            tx.ledger(purchase_id, "purchase_deposit", deposit_method, items, in_fen=deposit_fen)
        tx.event("purchase.requested", purchase_id)
    return PurchaseInfo(purchase_id, **values)


def _row(conn, purchase_id: str) -> PurchaseInfo:
    row = conn.execute(select(*_COLS).where(Purchase.id == purchase_id)).first()
    if row is None:
        raise LookupError(purchase_id)
    return PurchaseInfo(*row)


def _load(conn, purchase_id: str, *allowed: str) -> PurchaseInfo:
    """A live purchase for a step that is allowed only from ``allowed`` statuses."""
    info = _row(conn, purchase_id)
    require_live(conn, purchase_id)
    if allowed and info.status not in allowed:
        raise UserError(m.PURCHASE_STEP, status=STATUSES[info.status])
    return info


def get(store, purchase_id: str) -> PurchaseInfo:
    with store.read() as conn:
        return _row(conn, purchase_id)


def _parcel_on_shelf(tx, p: PurchaseInfo) -> bool:
    return bool(p.parcel_id) and tx.one("SELECT 1 FROM parcel WHERE id = ? AND status = ?",
                                        (p.parcel_id, IN_STOCK)) is not None


def mark_ordered(store, operator: str, purchase_id: str, order_no: str,
                 paid_with: str = "alipay") -> None:
    """The keeper has placed the order and paid the platform price + shipping."""
    order_no = parse_text(order_no, QT_TRANSLATE_NOOP("core", "order number"), 40)
    paid_with = check_method(paid_with)
    with store.write(operator) as tx:
        p = _load(tx.conn, purchase_id, REQUESTED)
        tx.update(Purchase, purchase_id, status=ORDERED, order_no=order_no, paid_with=paid_with,
                  updated_at=tx.now_text)
        tx.ledger(purchase_id, "purchase_goods", paid_with, f"{p.items} {order_no}",
                  out_fen=p.price_fen + p.shipping_fen)
        tx.event("purchase.ordered", purchase_id)


def mark_shipped(store, operator: str, purchase_id: str, tracking: str) -> str:
    """The seller has shipped: remember the tracking number, so check-in recognises the parcel.
    If that parcel is already on the shelf, the purchase has arrived. Returns the new status."""
    tracking_no = parse_tracking(tracking)
    with store.write(operator) as tx:
        _load(tx.conn, purchase_id, ORDERED, SHIPPED)
        parcel = tx.one("SELECT id FROM parcel WHERE status = 'in_stock' AND tracking_no = ?",
                        (tracking_no,))
        status = ARRIVED if parcel else SHIPPED
        tx.update(Purchase, purchase_id, status=status, tracking_no=tracking_no,
                  parcel_id=parcel[0] if parcel else None, updated_at=tx.now_text)
        tx.event("purchase.shipped", purchase_id)
    return status


_AWAITING = ("SELECT id FROM purchase WHERE status IN ('ordered', 'shipped') AND tracking_no = ? "
             "AND NOT EXISTS (SELECT 1 FROM void WHERE record_id = purchase.id)")


def arrive(tx, tracking_no: str, parcel_id: str) -> PurchaseInfo | None:
    """Inside a check-in: the purchase this parcel completes, if any, is now arrived."""
    row = tx.one(_AWAITING, (tracking_no,))
    if row is None:
        return None
    tx.update(Purchase, row[0], status=ARRIVED, parcel_id=parcel_id, updated_at=tx.now_text)
    return _load(tx.conn, row[0])


def hand_over(store, operator: str, purchase_id: str, balance_method: str = "cash") -> int:
    """The villager collects the goods and pays the balance; the parcel, if on the shelf,
    leaves with them. Returns the balance taken (fen)."""
    balance_method = check_method(balance_method)
    with store.write(operator) as tx:
        p = _load(tx.conn, purchase_id, ORDERED, SHIPPED, ARRIVED)
        if _parcel_on_shelf(tx, p):
            hand_out(tx, [p.parcel_id])
        tx.update(Purchase, purchase_id, status=HANDED_OVER, updated_at=tx.now_text)
        if p.balance_fen:
            tx.ledger(purchase_id, "purchase_balance", balance_method, p.items,
                      in_fen=p.balance_fen)
        tx.event("purchase.handed_over", purchase_id, balance_method=balance_method)
    return p.balance_fen


def _refund(tx, p: PurchaseInfo, reason: str) -> None:
    if p.deposit_fen:
        tx.ledger(p.id, "purchase_refund", p.deposit_method, reason, out_fen=p.deposit_fen)
    if p.status != REQUESTED:  # the keeper had paid the platform, who refunds
        tx.ledger(p.id, "purchase_goods_refund", p.paid_with, reason,
                  in_fen=p.price_fen + p.shipping_fen)


def cancel(store, operator: str, purchase_id: str, reason: str) -> None:
    """Called off before the goods arrive: the deposit goes back to the villager."""
    reason = parse_reason(reason)
    with store.write(operator) as tx:
        p = _load(tx.conn, purchase_id, REQUESTED, ORDERED, SHIPPED)
        tx.update(Purchase, purchase_id, status=CANCELLED, updated_at=tx.now_text)
        _refund(tx, p, reason)
        tx.event("purchase.cancelled", purchase_id, reason=reason)


def return_goods(store, operator: str, purchase_id: str, reason: str) -> None:
    """The villager refuses the goods that arrived: they go back to the seller with the
    courier, and the deposit goes back to the villager."""
    reason = parse_reason(reason)
    with store.write(operator) as tx:
        p = _load(tx.conn, purchase_id, ARRIVED)
        if _parcel_on_shelf(tx, p):
            send_back(tx, [p.parcel_id], reason)
        tx.update(Purchase, purchase_id, status=RETURNED, updated_at=tx.now_text)
        _refund(tx, p, reason)
        tx.event("purchase.returned", purchase_id, reason=reason)


def open_purchases(store, villager_id: str | None = None, limit: int = 500) -> list[PurchaseInfo]:
    """Purchases not yet handed over, cancelled or returned, oldest first."""
    conds = [Purchase.status.in_(OPEN_STATUSES), not_voided(Purchase)]
    if villager_id:
        conds.append(Purchase.villager_id == villager_id)
    with store.read() as conn:
        rows = conn.execute(select(*_COLS).where(*conds).order_by(Purchase.created_at)
                            .limit(limit)).all()
    return [PurchaseInfo(*r) for r in rows]


def by_parcel(store, parcel_id: str) -> PurchaseInfo | None:
    """The purchase a parcel on the shelf belongs to (the pickup desk hands it over instead)."""
    with store.read() as conn:
        row = conn.execute(select(*_COLS).where(Purchase.parcel_id == parcel_id,
                                                not_voided(Purchase))).first()
    return PurchaseInfo(*row) if row else None

