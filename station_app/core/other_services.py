"""Other counter services: POS cash withdrawal (助农取款), tickets, printing.

Each kind moves money its own way, written out in :data:`_LINES`:
- POS withdrawal: the villager's card pays the station's POS account the amount, the drawer
  pays the villager the same amount in cash; the fee, if any, is the station's.
- Ticket: the villager pays price + fee, the keeper pays the price on the booking platform.
- Printing, copying, photos: the villager pays the price.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from station_app.core import messages as m
from station_app.core.drawer import require_cash
from station_app.core.errors import UserError
from station_app.core.ledger import check_method
from station_app.core.messages import QT_TRANSLATE_NOOP
from station_app.core.models import ServiceRecord, columns_of
from station_app.core.validate import check_fen, clean, parse_last4, parse_text
from station_app.core.voids import not_voided

KINDS = {
    "pos_cash": QT_TRANSLATE_NOOP("core", "POS cash withdrawal"),
    "ticket": QT_TRANSLATE_NOOP("core", "Ticket booking"),
    "printing": QT_TRANSLATE_NOOP("core", "Printing and copying"),
}


@dataclass(frozen=True)
class ServiceInfo:
    id: str
    villager_id: str | None
    kind: str
    description: str
    amount_fen: int
    fee_fen: int
    method: str
    card_last4: str | None
    at: str


_COLS = columns_of(ServiceRecord, ServiceInfo)


def _lines(kind: str, amount: int, fee: int, method: str) -> list[tuple[str, str, int, int]]:
    """(category, method, in, out) for one service."""
    if kind == "pos_cash":
        lines = [("pos_card", "card", amount, 0), ("pos_cash", "cash", 0, amount)]
    elif kind == "ticket":
        lines = [("ticket", method, amount, 0), ("ticket_platform", "platform", 0, amount)]
    else:
        lines = [("printing", method, amount, 0)]
    if fee:
        lines.append(("service_fee", method, fee, 0))
    return lines


def record(store, operator: str, *, kind: str, amount_fen: int, fee_fen: int = 0,
           method: str = "cash", description: str = "", card_last4: str | None = None,
           villager_id: str | None = None) -> ServiceInfo:
    if kind not in KINDS:
        raise ValueError(kind)
    check_fen(amount_fen, low=1)
    check_fen(fee_fen)
    method = check_method(method)
    description = parse_text(description, QT_TRANSLATE_NOOP("core", "description"), 200, required=False)
    if kind == "pos_cash":
        if not clean(card_last4):
            raise UserError(m.CARD_LAST4_NEEDED)
        card_last4 = parse_last4(card_last4)
    else:
        card_last4 = None
    with store.write(operator) as tx:
        if kind == "pos_cash":
            require_cash(tx, amount_fen)
        values = dict(villager_id=villager_id, kind=kind, description=description,
                      amount_fen=amount_fen, fee_fen=fee_fen, method=method,
                      card_last4=card_last4, at=tx.now_text)
        record_id = tx.insert(ServiceRecord, **values)
        label = description or (f"****{card_last4}" if card_last4 else kind)
        for category, line_method, in_fen, out_fen in _lines(kind, amount_fen, fee_fen, method):
            tx.ledger(record_id, category, line_method, label, in_fen=in_fen, out_fen=out_fen)
        tx.event("service.recorded", record_id)
    return ServiceInfo(record_id, **values)


def recent(store, limit: int = 200) -> list[ServiceInfo]:
    with store.read() as conn:
        rows = conn.execute(select(*_COLS).where(not_voided(ServiceRecord))
                            .order_by(ServiceRecord.at.desc()).limit(limit)).all()
    return [ServiceInfo(*r) for r in rows]
