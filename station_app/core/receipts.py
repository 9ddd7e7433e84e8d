"""What a receipt says about one money record: the villager-facing lines, the total that
changed hands, and a signed QR code a county officer can check.

The QR text is ``VS1|station_id|record_id|amount_fen|date|signature``: the signature is the
station's Ed25519 signature (:mod:`station_app.core.signing`) over everything before it, so
with the station's public key anyone can tell a real receipt from a made-up one, offline.
Lines between the keeper and a platform (paying the bill, the goods) stay off the villager's
paper; they are in the ledger.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import literal_column, select

from station_app.core import signing
from station_app.core.clock import local_date
from station_app.core.messages import QT_TRANSLATE_NOOP
from station_app.core.models import JOURNALED, LedgerLine, Operator
from station_app.core.settings import station_settings
from station_app.core.validate import UnitPrice, Weight, format_fen, percent_text
from station_app.core.voids import is_voided, record_table

QR_VERSION = "VS1"
# Money between the keeper and a platform: in the ledger, not on the villager's receipt.
_KEEPER_SIDE = {"purchase_goods", "purchase_goods_refund", "bill_platform", "bill_platform_refund",
                "ticket_platform"}


@dataclass(frozen=True)
class Receipt:
    table: str
    record_id: str
    station_name: str
    station_id: str
    at: str  # UTC text of the first money line's event
    operator: str
    details: list[tuple[str, object]]  # (label to translate, value: text, Weight or UnitPrice)
    lines: list[tuple[str, str, int]]  # (category, method, signed fen: + the villager paid)
    total_fen: int  # + the villager paid the station, - the station paid the villager
    voided: bool
    qr: str

    @property
    def short_no(self) -> str:
        return self.record_id[:8].upper()


def qr_text(store, station_id: str, record_id: str, amount_fen: int, day: str) -> str:
    body = f"{QR_VERSION}|{station_id}|{record_id}|{amount_fen}|{day}"
    return f"{body}|{signing.sign(store, body)}"


def check_qr(public_key: str, text: str) -> dict | None:
    """The fields of a receipt's QR text if its signature holds under ``public_key``."""
    body, _, signature = text.rpartition("|")
    parts = body.split("|")
    if len(parts) != 5 or parts[0] != QR_VERSION or not signing.check(public_key, body, signature):
        return None
    return {"station_id": parts[1], "record_id": parts[2], "amount_fen": int(parts[3]),
            "date": parts[4]}


def _details(table: str, row: dict) -> list[tuple[str, object]]:
    """(label, value) pairs; weights and unit prices stay values until shown, in the unit of
    the price and the reader's words (validate.shown)."""
    fen = format_fen
    if table == "produce_intake":
        unit = row["price_unit"]

        def g(grams):
            return Weight(grams, unit)
        return [
            (QT_TRANSLATE_NOOP("reports", "Farmer"), row["farmer_name"]),
            (QT_TRANSLATE_NOOP("reports", "Product"), f"{row['product']} {row['grade']}".strip()),
            (QT_TRANSLATE_NOOP("reports", "Gross"), g(row["gross_g"])),
            (QT_TRANSLATE_NOOP("reports", "Tare"), g(row["tare_g"])),
            (QT_TRANSLATE_NOOP("reports", "Deduction"), g(row["deduct_g"])),
            (QT_TRANSLATE_NOOP("reports", "Net weight"), g(row["net_g"])),
            (QT_TRANSLATE_NOOP("reports", "Unit price"), UnitPrice(row["unit_price_fen"], unit)),
            (QT_TRANSLATE_NOOP("reports", "Amount"), fen(row["amount_fen"]))] + ([
            (QT_TRANSLATE_NOOP("reports", "Consignment commission"),
             percent_text(row["commission_bp"]))] if row["mode"] == "consign" else [])
    if table == "produce_sale":
        return [(QT_TRANSLATE_NOOP("reports", "Buyer"), row["buyer"]),
                (QT_TRANSLATE_NOOP("reports", "Product"), row["product"]),
                (QT_TRANSLATE_NOOP("reports", "Weight"), Weight(row["weight_g"]))]
    if table == "purchase":
        return [(QT_TRANSLATE_NOOP("reports", "Villager"), row["villager_name"]),
                (QT_TRANSLATE_NOOP("reports", "Items"), row["items"]),
                (QT_TRANSLATE_NOOP("reports", "Price"), fen(row["price_fen"])),
                (QT_TRANSLATE_NOOP("reports", "Shipping"), fen(row["shipping_fen"])),
                (QT_TRANSLATE_NOOP("reports", "Service fee"), fen(row["service_fee_fen"]))]
    if table == "bill_payment":
        return [(QT_TRANSLATE_NOOP("reports", "Provider"), row["provider"]),
                (QT_TRANSLATE_NOOP("reports", "Account"), row["account"]),
                (QT_TRANSLATE_NOOP("reports", "Holder"), row["holder"]),
                (QT_TRANSLATE_NOOP("reports", "Reference"), row["reference"] or "—")]
    if table == "send":
        return [(QT_TRANSLATE_NOOP("reports", "Item"), row["item"]),
                (QT_TRANSLATE_NOOP("reports", "Weight"), Weight(row["weight_g"])),
                (QT_TRANSLATE_NOOP("reports", "Receiver"), row["receiver_name"])]
    if table == "service_record" and row["card_last4"]:
        return [(QT_TRANSLATE_NOOP("reports", "Card"), f"****{row['card_last4']}")]
    if table == "service_record" and row["description"]:
        return [(QT_TRANSLATE_NOOP("reports", "Service"), row["description"])]
    if table == "cash_move":
        return [(QT_TRANSLATE_NOOP("reports", "Reason"), row["reason"])]
    return []


def receipt_for(store, record_id: str) -> Receipt:
    config = station_settings(store)
    with store.read() as conn:
        table = record_table(conn, record_id)
        if table is None:
            raise LookupError(record_id)
        model = JOURNALED[table]
        row = dict(conn.execute(select(model.__table__).where(model.id == record_id)).mappings().one())
        money = conn.execute(select(LedgerLine.seq, LedgerLine.date, LedgerLine.category,
                                    LedgerLine.method, LedgerLine.in_fen, LedgerLine.out_fen)
                             .where(LedgerLine.record_id == record_id)
                             .order_by(LedgerLine.seq, literal_column("ledger_line.rowid"))).all()
        if money:
            event = conn.exec_driver_sql("SELECT recorded_at, operator, utc_offset_min FROM journal "
                                         "WHERE seq = ?", (money[0].seq,)).first()
        else:  # no money yet (a consignment's slip): the record's own first event
            event = conn.exec_driver_sql("SELECT recorded_at, operator, utc_offset_min FROM journal "
                                         "WHERE entity_id = ? ORDER BY seq LIMIT 1",
                                         (record_id,)).first()
        operator = conn.execute(select(Operator.name).where(Operator.id == event[1])).scalar() \
            if event else ""
        voided = is_voided(conn, record_id)
    lines = [(m.category, m.method, m.in_fen - m.out_fen) for m in money
             if m.category not in _KEEPER_SIDE]
    total = sum(fen for _, _, fen in lines)
    day = money[0].date if money else local_date(event[0], event[2]).isoformat() if event else ""
    return Receipt(table, record_id, config.station_name, config.station_id,
                   event[0] if event else "", operator or "", _details(table, row), lines, total,
                   voided, qr_text(store, config.station_id, record_id, total, day))
