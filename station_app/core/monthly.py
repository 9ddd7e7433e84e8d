"""The month's figures the county collects: the ledger document (DESIGN §8) and the monthly
report around it (parcels per courier, produce sold upward, villagers served).

The ledger document is built from ledger lines and journal events only, in an order both ends
can reproduce (lines by seq, then line id), so the county center, holding the same events,
produces the identical document for the same station and month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from station_app.core.clock import local_date, utc_offset_min
from station_app.core.models import (BillPayment, Journal, LedgerLine, Parcel, ProduceIntake,
                                     ProduceSale, Purchase, Send, ServiceRecord)
from station_app.core.parcels import carrier_counts, month_bounds
from station_app.core.settings import station_settings
from station_app.core.voids import not_voided

ENTRY_FIELDS = ("seq", "record_id", "date", "category", "method", "in_fen", "out_fen",
                "description")


def check_month(month: str) -> tuple[str, str]:
    """'2026-11' -> ('2026-11-01', '2026-12-01'): the month's local dates, end exclusive."""
    if not re.fullmatch(r"[0-9]{4}-(0[1-9]|1[0-2])", month or ""):
        raise ValueError(f"month must be YYYY-MM, not {month!r}")
    first = date.fromisoformat(month + "-01")
    nxt = (first + timedelta(days=32)).replace(day=1)
    return first.isoformat(), nxt.isoformat()


def month_window_utc(month: str) -> tuple[str, str]:
    """UTC bounds wide enough for every event whose local date falls in the month (a day of
    slack either side; ``kind_counts`` then takes the exact local month per event)."""
    first, nxt = check_month(month)
    return ((date.fromisoformat(first) - timedelta(days=1)).isoformat(),
            (date.fromisoformat(nxt) + timedelta(days=1)).isoformat())


def kind_counts(month: str, kind_times) -> dict[str, int]:
    """Events per kind whose local date falls in the month, from (kind, recorded_at, offset)."""
    first, nxt = check_month(month)
    counts: dict[str, int] = {}
    for kind, at, offset in kind_times:
        local = local_date(at, offset).isoformat()
        if first <= local < nxt:
            counts[kind] = counts.get(kind, 0) + 1
    return dict(sorted(counts.items()))


def _add(bucket: dict, key: str, in_fen: int, out_fen: int) -> None:
    entry = bucket.setdefault(key, {"in_fen": 0, "out_fen": 0})
    entry["in_fen"] += in_fen
    entry["out_fen"] += out_fen


def assemble_ledger(station_id: str, month: str, entry_rows, kind_times) -> dict:
    """The document from its parts: ``entry_rows`` as tuples of ENTRY_FIELDS in (seq, line id)
    order, ``kind_times`` as in ``kind_counts``. The station and the center both build it here,
    which is what makes their documents byte-identical."""
    entries, by_category, by_method = [], {}, {}
    total_in = total_out = 0
    for row in entry_rows:
        entry = dict(zip(ENTRY_FIELDS, row))
        entries.append(entry)
        total_in += entry["in_fen"]
        total_out += entry["out_fen"]
        _add(by_category, entry["category"], entry["in_fen"], entry["out_fen"])
        _add(by_method, entry["method"], entry["in_fen"], entry["out_fen"])
    return {
        "station_id": station_id,
        "month": month,
        "entries": entries,
        "totals": {"in_fen": total_in, "out_fen": total_out,
                   "by_category": dict(sorted(by_category.items())),
                   "by_method": dict(sorted(by_method.items())),
                   "counts": kind_counts(month, kind_times)},
    }


def ledger_document(store, month: str) -> dict:
    """The month's ledger as DESIGN §8 fixes it: integers for money, entries in seq order."""
    first, nxt = check_month(month)
    lo, hi = month_window_utc(month)
    cols = [getattr(LedgerLine, f) for f in ENTRY_FIELDS]
    with store.read() as conn:
        rows = conn.execute(select(*cols).where(LedgerLine.date >= first, LedgerLine.date < nxt)
                            .order_by(LedgerLine.seq, LedgerLine.id)).all()
        kind_times = conn.execute(select(Journal.kind, Journal.recorded_at, Journal.utc_offset_min)
                                  .where(Journal.recorded_at >= lo, Journal.recorded_at < hi)).all()
    return assemble_ledger(station_settings(store).station_id, month, rows, kind_times)


@dataclass(frozen=True)
class ProduceSold:
    product: str
    sales: int
    weight_g: int
    amount_fen: int


@dataclass(frozen=True)
class MonthReport:
    month: str
    station_name: str
    station_id: str
    ledger: dict
    carriers: list  # parcels.CarrierCount
    produce: list[ProduceSold]
    villagers_served: int


def _utc_bounds(store, month: str) -> tuple[str, str]:
    return month_bounds(month, utc_offset_min(store.clock.now()))


def produce_sold(store, month: str) -> list[ProduceSold]:
    """Produce sold upward (上行) in the month, per product."""
    start, end = _utc_bounds(store, month)
    with store.read() as conn:
        rows = conn.execute(select(ProduceSale.product, func.count(), func.sum(ProduceSale.weight_g),
                                   func.sum(ProduceSale.amount_fen))
                            .where(ProduceSale.at >= start, ProduceSale.at < end,
                                   not_voided(ProduceSale))
                            .group_by(ProduceSale.product).order_by(ProduceSale.product)).all()
    return [ProduceSold(*r) for r in rows]


def villagers_served(store, month: str) -> int:
    """Distinct villagers with any parcel, send, purchase, produce, bill or service that month."""
    start, end = _utc_bounds(store, month)
    sources = [
        select(Parcel.villager_id.label("v")).where(Parcel.checked_in_at >= start,
                                                    Parcel.checked_in_at < end),
        select(Send.sender_id).where(Send.accepted_at >= start, Send.accepted_at < end),
        select(Purchase.villager_id).where(Purchase.created_at >= start, Purchase.created_at < end),
        select(ProduceIntake.villager_id).where(ProduceIntake.at >= start, ProduceIntake.at < end),
        select(BillPayment.villager_id).where(BillPayment.at >= start, BillPayment.at < end),
        select(ServiceRecord.villager_id).where(ServiceRecord.at >= start, ServiceRecord.at < end),
    ]
    union = sources[0].union(*sources[1:]).subquery()
    with store.read() as conn:
        return conn.execute(select(func.count()).select_from(union)
                            .where(union.c.v.is_not(None))).scalar()


def month_report(store, month: str) -> MonthReport:
    config = station_settings(store)
    return MonthReport(month, config.station_name, config.station_id, ledger_document(store, month),
                       carrier_counts(store, month), produce_sold(store, month),
                       villagers_served(store, month))
