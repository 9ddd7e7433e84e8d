"""Bill payments (缴费): the villager pays cash (or scans), the keeper pays the bill on a
platform app. Money as the ledger sees it: amount + fee in from the villager, amount out to the
platform. A failed payment is refunded both ways (the platform gives the amount back, the
villager gets amount + fee back); a payment that succeeded cannot be refunded, only voided by
the keeper if it was recorded by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from station_app.core import messages as m
from station_app.core.errors import UserError
from station_app.core.ledger import check_method
from station_app.core.messages import QT_TRANSLATE_NOOP
from station_app.core.models import BillPayment, columns_of
from station_app.core.validate import (
    check_fen,
    clean,
    parse_mobile,
    parse_name,
    parse_reason,
    parse_text,
)
from station_app.core.voids import not_voided, require_live

PENDING, SUCCEEDED, FAILED = "pending", "succeeded", "failed"
STATUSES = {
    PENDING: QT_TRANSLATE_NOOP("core", "Pending"),
    SUCCEEDED: QT_TRANSLATE_NOOP("core", "Succeeded"),
    FAILED: QT_TRANSLATE_NOOP("core", "Failed, refunded"),
}
KINDS = {
    "phone": QT_TRANSLATE_NOOP("core", "Phone top-up"),
    "power": QT_TRANSLATE_NOOP("core", "Electricity"),
    "water": QT_TRANSLATE_NOOP("core", "Water"),
    "gas": QT_TRANSLATE_NOOP("core", "Gas"),
    "broadband": QT_TRANSLATE_NOOP("core", "Broadband"),
    "tv": QT_TRANSLATE_NOOP("core", "Cable TV"),
    "medical": QT_TRANSLATE_NOOP("core", "Rural medical insurance"),
    "pension": QT_TRANSLATE_NOOP("core", "Pension insurance"),
}
# The usual provider of each kind (the keeper may type another; the county's configuration
# may name others).
PROVIDERS = {
    "power": "国家电网", "water": "自来水公司", "gas": "燃气公司", "broadband": "中国电信",
    "tv": "广电网络", "medical": "城乡居民医保", "pension": "城乡居民养老保险",
}
# Mobile number segments (号段) by operator, as the MIIT allocates them.
_MOBILE_SEGMENTS = {
    "中国移动": ("134", "135", "136", "137", "138", "139", "147", "148", "150", "151", "152",
                 "157", "158", "159", "172", "178", "182", "183", "184", "187", "188", "195",
                 "197", "198"),
    "中国联通": ("130", "131", "132", "145", "146", "155", "156", "166", "167", "171", "175",
                 "176", "185", "186", "196"),
    "中国电信": ("133", "149", "153", "173", "174", "177", "180", "181", "189", "190", "191",
                 "193", "199"),
    "中国广电": ("192",),
}
_OPERATOR_BY_PREFIX = {p: op for op, prefixes in _MOBILE_SEGMENTS.items() for p in prefixes}


def guess_phone_provider(number: str) -> str | None:
    """The mobile operator a number belongs to by its segment (a ported number may differ)."""
    digits = clean(number)
    return _OPERATOR_BY_PREFIX.get(digits[:3]) if len(digits) == 11 else None


@dataclass(frozen=True)
class BillInfo:
    id: str
    villager_id: str | None
    kind: str
    provider: str
    account: str
    holder: str
    amount_fen: int
    fee_fen: int
    method: str
    paid_with: str
    reference: str | None
    status: str
    at: str
    done_at: str | None


_COLS = columns_of(BillPayment, BillInfo)


def take_payment(store, operator: str, *, kind: str, account: str, holder: str,
                 amount_fen: int, fee_fen: int = 0, method: str = "cash",
                 paid_with: str = "platform", provider: str | None = None,
                 villager_id: str | None = None, reference: str | None = None,
                 succeeded: bool = False) -> BillInfo:
    """Take the villager's money for a bill; pending until the platform confirms, unless the
    keeper already saw it succeed (``succeeded``)."""
    if kind not in KINDS:
        raise UserError(m.UNKNOWN_BILL_KIND, code=kind)
    account = (parse_mobile(account) if kind == "phone"
               else parse_text(account, QT_TRANSLATE_NOOP("core", "account"), 40))
    holder = parse_name(holder, max_len=40)
    provider = parse_text(provider, QT_TRANSLATE_NOOP("core", "provider"), 20, required=False)
    check_fen(amount_fen, low=1)
    check_fen(fee_fen)
    method, paid_with = check_method(method), check_method(paid_with)
    reference = parse_text(reference, QT_TRANSLATE_NOOP("core", "reference"), 60, required=False) or None
    with store.write(operator) as tx:
        provider = provider or (guess_phone_provider(account) if kind == "phone"
                                else tx.config.default_provider(kind))
        if not provider:
            raise UserError(m.FIELD_NEEDED, field="provider")
        values = dict(villager_id=villager_id, kind=kind, provider=provider, account=account,
                      holder=holder, amount_fen=amount_fen, fee_fen=fee_fen, method=method,
                      paid_with=paid_with, reference=reference,
                      status=SUCCEEDED if succeeded else PENDING, at=tx.now_text,
                      done_at=tx.now_text if succeeded else None)
        bill_id = tx.insert(BillPayment, **values)
        label = f"{provider} {account}"
        tx.ledger(bill_id, "bill_amount", method, label, in_fen=amount_fen)
        if fee_fen:
            tx.ledger(bill_id, "bill_fee", method, label, in_fen=fee_fen)
        tx.ledger(bill_id, "bill_platform", paid_with, label, out_fen=amount_fen)
        tx.event("bill.taken", bill_id)
    return BillInfo(bill_id, **values)


def _live(tx, bill_id: str) -> BillInfo:
    row = tx.conn.execute(select(*_COLS).where(BillPayment.id == bill_id)).first()
    if row is None:
        raise LookupError(bill_id)
    require_live(tx.conn, bill_id)
    return BillInfo(*row)


def confirm(store, operator: str, bill_id: str, reference: str | None = None) -> None:
    """The platform says the bill is paid; its reference (流水号) goes on the record."""
    reference = parse_text(reference, QT_TRANSLATE_NOOP("core", "reference"), 60, required=False) or None
    with store.write(operator) as tx:
        if _live(tx, bill_id).status != PENDING:
            raise UserError(m.BILL_NOT_PENDING)
        tx.update(BillPayment, bill_id, status=SUCCEEDED, done_at=tx.now_text,
                  **({"reference": reference} if reference else {}))
        tx.event("bill.succeeded", bill_id)


def fail_and_refund(store, operator: str, bill_id: str, reason: str) -> None:
    """The platform refused or bounced the payment: everything goes back."""
    reason = parse_reason(reason)
    with store.write(operator) as tx:
        bill = _live(tx, bill_id)
        if bill.status == SUCCEEDED:
            raise UserError(m.REFUND_SUCCEEDED)
        if bill.status != PENDING:
            raise UserError(m.BILL_NOT_PENDING)
        tx.update(BillPayment, bill_id, status=FAILED, done_at=tx.now_text)
        tx.ledger(bill_id, "bill_platform_refund", bill.paid_with, reason, in_fen=bill.amount_fen)
        tx.ledger(bill_id, "bill_refund", bill.method, reason,
                  out_fen=bill.amount_fen + bill.fee_fen)
        tx.event("bill.failed", bill_id, reason=reason)


def last_payment(store, *, villager_id: str | None = None,
                 account: str | None = None) -> BillInfo | None:
    """"Same as last time": a returning villager's (or account's) latest live payment."""
    if not villager_id and not clean(account):
        return None
    cond = (BillPayment.villager_id == villager_id) if villager_id else (
        BillPayment.account == clean(account))
    with store.read() as conn:
        row = conn.execute(select(*_COLS).where(cond, not_voided(BillPayment))
                           .order_by(BillPayment.at.desc()).limit(1)).first()
    return BillInfo(*row) if row else None


def pending(store) -> list[BillInfo]:
    with store.read() as conn:
        rows = conn.execute(select(*_COLS).where(BillPayment.status == PENDING,
                                                 not_voided(BillPayment))
                            .order_by(BillPayment.at)).all()
    return [BillInfo(*r) for r in rows]


def recent(store, limit: int = 200) -> list[BillInfo]:
    with store.read() as conn:
        rows = conn.execute(select(*_COLS).where(not_voided(BillPayment))
                            .order_by(BillPayment.at.desc()).limit(limit)).all()
    return [BillInfo(*r) for r in rows]
