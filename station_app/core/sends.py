"""Parcels villagers send (寄件). Real-name and inspection (实名/验视) are recorded as done, with
the kind of ID seen, but the ID number itself is never stored: the station does not need it and
must not leak it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from station_app.core import messages as m
from station_app.core.messages import QT_TRANSLATE_NOOP
from station_app.core.errors import UserError
from station_app.core.ledger import check_method
from station_app.core.models import Handover, Send, columns_of
from station_app.core.people import resolve_villager
from station_app.core.validate import (
    clean,
    parse_mobile,
    parse_name,
    parse_reason,
    parse_text,
    parse_tracking,
)

ACCEPTED, HANDED_OVER, CANCELLED = "accepted", "handed_over", "cancelled"
ID_KINDS = ("resident_id", "other_id")


@dataclass(frozen=True)
class SendInfo:
    id: str
    sender_name: str
    sender_phone: str
    receiver_name: str
    receiver_phone: str
    receiver_address: str
    item: str
    weight_g: int
    carrier: str
    fee_fen: int
    method: str
    tracking_no: str | None
    status: str
    accepted_at: str


_COLS = columns_of(Send, SendInfo)


def accept_send(store, operator: str, *, sender_name: str, sender_phone: str, receiver_name: str,
                receiver_phone: str, receiver_address: str, item: str, weight_g: int,
                carrier: str, fee_fen: int, method: str = "cash", id_checked: bool,
                id_kind: str = "resident_id", inspected: bool,
                tracking_no: str | None = None) -> SendInfo:
    if not id_checked:
        raise UserError(m.ID_CHECK_NEEDED)
    if not inspected:
        raise UserError(m.INSPECTION_NEEDED)
    if id_kind not in ID_KINDS:
        raise ValueError(id_kind)
    sender_name = parse_name(sender_name)
    sender_phone = parse_mobile(sender_phone)
    receiver_name = parse_name(receiver_name)
    receiver_phone = parse_text(receiver_phone, QT_TRANSLATE_NOOP("core", "receiver phone"), 20)
    receiver_address = parse_text(receiver_address, QT_TRANSLATE_NOOP("core", "address"), 200)
    item = parse_text(item, QT_TRANSLATE_NOOP("core", "item"), 80)
    method = check_method(method)
    tracking_no = parse_tracking(tracking_no) if clean(tracking_no) else None
    if not isinstance(weight_g, int) or weight_g <= 0 or not isinstance(fee_fen, int) or fee_fen < 0:
        raise ValueError("weight_g and fee_fen are integers")
    with store.write(operator) as tx:
        carrier = tx.config.carriers.check_code(carrier)
        sender = resolve_villager(tx, sender_name, sender_phone, None)
        values = dict(sender_id=sender.id, sender_name=sender_name, sender_phone=sender_phone,
                      receiver_name=receiver_name, receiver_phone=receiver_phone,
                      receiver_address=receiver_address, item=item, weight_g=weight_g,
                      carrier=carrier, fee_fen=fee_fen, method=method, tracking_no=tracking_no,
                      id_checked=True, id_kind=id_kind, inspected=True, status=ACCEPTED,
                      accepted_at=tx.now_text)
        send_id = tx.insert(Send, **values)
        if fee_fen:
            tx.ledger(send_id, "send_fee", method, item, in_fen=fee_fen)
        tx.event("send.accepted", send_id)
    return SendInfo(send_id, sender_name, sender_phone, receiver_name, receiver_phone,
                    receiver_address, item, weight_g, carrier, fee_fen, method, tracking_no,
                    ACCEPTED, values["accepted_at"])


def _open_send(tx, send_id: str):
    row = tx.conn.execute(select(*_COLS).where(Send.id == send_id)).first()
    if row is None or row.status != ACCEPTED:
        raise UserError(m.SEND_NOT_OPEN)
    return row


def set_tracking(store, operator: str, send_id: str, tracking: str) -> None:
    tracking_no = parse_tracking(tracking)
    with store.write(operator) as tx:
        _open_send(tx, send_id)
        tx.update(Send, send_id, tracking_no=tracking_no)
        tx.event("send.tracking_set", send_id)


def cancel_send(store, operator: str, send_id: str, reason: str) -> None:
    """The villager takes it back before the courier comes: the fee is refunded the same way."""
    reason = parse_reason(reason)
    with store.write(operator) as tx:
        row = _open_send(tx, send_id)
        tx.update(Send, send_id, status=CANCELLED)
        if row.fee_fen:
            tx.ledger(send_id, "send_refund", row.method, reason, out_fen=row.fee_fen)
        tx.event("send.cancelled", send_id, reason=reason)


def open_sends(store, carrier: str | None = None) -> list[SendInfo]:
    conds = [Send.status == ACCEPTED] + ([Send.carrier == carrier] if carrier else [])
    with store.read() as conn:
        rows = conn.execute(select(*_COLS).where(*conds).order_by(Send.accepted_at)).all()
    return [SendInfo(*r) for r in rows]


@dataclass(frozen=True)
class Manifest:
    id: str
    carrier: str
    courier_name: str | None
    at: str
    sends: list[SendInfo]


def hand_over(store, operator: str, carrier: str, courier_name: str | None = None) -> Manifest:
    """The courier collects every open send of their company: one manifest to sign (also of a
    company the county's rules have dropped since: its sends still leave)."""
    courier_name = parse_name(courier_name) if clean(courier_name) else None
    with store.write(operator) as tx:
        rows = tx.conn.execute(select(*_COLS).where(Send.status == ACCEPTED, Send.carrier == carrier)
                               .order_by(Send.accepted_at)).all()
        if not rows:
            raise UserError(m.NOTHING_TO_HAND_OVER, carrier=carrier)
        handover_id = tx.insert(Handover, carrier=carrier, courier_name=courier_name,
                                count=len(rows), at=tx.now_text)
        for r in rows:
            tx.update(Send, r.id, status=HANDED_OVER, handover_id=handover_id)
        tx.event("send.handed_over", handover_id)
    return Manifest(handover_id, carrier, courier_name, tx.now_text,
                    [SendInfo(*r[:12], HANDED_OVER, r.accepted_at) for r in rows])
