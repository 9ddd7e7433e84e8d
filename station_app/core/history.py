"""One villager's history at the station: every parcel, send, purchase, produce intake, bill and
service, newest first, with what is owed either way (deposits the station holds for purchases
not yet handed over, consignment money due to the farmer)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, literal, select

from station_app.core import bills, produce, purchases
from station_app.core.messages import QT_TRANSLATE_NOOP
from station_app.core.models import (BillPayment, Parcel, ProduceIntake, Purchase, Send,
                                     ServiceRecord, Void)
from station_app.core.people import VillagerInfo, villager
from station_app.core.voids import not_voided


KINDS = {
    "parcel": QT_TRANSLATE_NOOP("core", "Parcel"),
    "send": QT_TRANSLATE_NOOP("core", "Send"),
    "purchase": QT_TRANSLATE_NOOP("core", "Agent purchase"),
    "produce": QT_TRANSLATE_NOOP("core", "Produce"),
    "bill": QT_TRANSLATE_NOOP("core", "Bill payment"),
    "service": QT_TRANSLATE_NOOP("core", "Service"),
}
_STATUSES = {
    "parcel": {"in_stock": QT_TRANSLATE_NOOP("core", "On the shelf"),
               "picked_up": QT_TRANSLATE_NOOP("core", "Picked up"),
               "returned": QT_TRANSLATE_NOOP("core", "Returned to the courier")},
    "send": {"accepted": QT_TRANSLATE_NOOP("core", "Waiting for the courier"),
             "handed_over": QT_TRANSLATE_NOOP("core", "Handed to the courier"),
             "cancelled": QT_TRANSLATE_NOOP("core", "Cancelled")},
    "purchase": purchases.STATUSES,
    "produce": produce.MODES,
    "bill": bills.STATUSES,
    "service": {"ok": QT_TRANSLATE_NOOP("core", "Done")},
}
VOID = QT_TRANSLATE_NOOP("core", "Voided")


def status_label(kind: str, status: str) -> str:
    """The untranslated label of an entry's status (the GUI translates it in context "core")."""
    return VOID if status == "void" else _STATUSES.get(kind, {}).get(status, status)


@dataclass(frozen=True)
class HistoryEntry:
    at: str
    kind: str  # parcel | send | purchase | produce | bill | service
    record_id: str
    what: str
    amount_fen: int  # what changed hands on the record (0 for a parcel)
    status: str


@dataclass(frozen=True)
class VillagerHistory:
    villager: VillagerInfo
    entries: list[HistoryEntry]
    deposits_held_fen: int  # the villager's money held against purchases not yet handed over
    payouts_due_fen: int  # consignment money the station owes the villager

    @property
    def balance_fen(self) -> int:
        """What the station owes the villager overall (deposits and payouts both are theirs)."""
        return self.deposits_held_fen + self.payouts_due_fen


def villager_history(store, villager_id: str, limit: int = 300) -> VillagerHistory:
    who = villager(store, villager_id)
    queries = [
        select(Parcel.checked_in_at, literal("parcel"), Parcel.id,
               Parcel.carrier + " " + Parcel.tracking_no, literal(0), Parcel.status)
        .where(Parcel.villager_id == villager_id),
        select(Send.accepted_at, literal("send"), Send.id, Send.item + " → " + Send.receiver_name,
               Send.fee_fen, Send.status).where(Send.sender_id == villager_id),
        select(Purchase.created_at, literal("purchase"), Purchase.id, Purchase.items,
               Purchase.price_fen + Purchase.shipping_fen + Purchase.service_fee_fen,
               Purchase.status).where(Purchase.villager_id == villager_id),
        select(ProduceIntake.at, literal("produce"), ProduceIntake.id, ProduceIntake.product,
               ProduceIntake.amount_fen, ProduceIntake.mode)
        .where(ProduceIntake.villager_id == villager_id),
        select(BillPayment.at, literal("bill"), BillPayment.id,
               BillPayment.provider + " " + BillPayment.account,
               BillPayment.amount_fen + BillPayment.fee_fen, BillPayment.status)
        .where(BillPayment.villager_id == villager_id),
        select(ServiceRecord.at, literal("service"), ServiceRecord.id, ServiceRecord.kind,
               ServiceRecord.amount_fen + ServiceRecord.fee_fen, literal("ok"))
        .where(ServiceRecord.villager_id == villager_id),
    ]
    union = queries[0].union_all(*queries[1:]).subquery()
    with store.read() as conn:
        rows = conn.execute(select(union).order_by(union.c[0].desc()).limit(limit)).all()
        voided = set(conn.execute(select(Void.record_id).where(
            Void.record_id.in_([r[2] for r in rows]))).scalars())
        held = conn.execute(select(func.coalesce(func.sum(Purchase.deposit_fen), 0)).where(
            Purchase.villager_id == villager_id, Purchase.status.in_(purchases.OPEN_STATUSES),
            not_voided(Purchase))).scalar()
    entries = [HistoryEntry(at, kind, rid, what, amount, "void" if rid in voided else status)
               for at, kind, rid, what, amount, status in rows]
    due = sum(max(c.due_fen, 0) for c in produce.consignments(store, villager_id))
    return VillagerHistory(who, entries, held, due)
