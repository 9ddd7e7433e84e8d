"""Tables. Business tables (``__journaled__``) are written only through a journal transaction
(:mod:`station_app.core.journal`), which copies every value it writes into the journal event, so
`verify` can replay the journal and prove each row still says what was recorded. Columns marked
``info={"local": True}`` never enter the journal (secrets, machine-local state).

Money is integer fen, weights integer grams, times ISO-8601 UTC text ("...Z") so that range
queries compare as strings. IDs are 32 hex characters made on the station (core/canonical.py).
"""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from station_app.core.datadir import LOCAL_SETTING_TABLE


class Base(DeclarativeBase):
    __journaled__ = False


def local(**kw):
    return {"info": {"local": True}, **kw}


class Journal(Base):
    __tablename__ = "journal"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    event_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(32))
    recorded_at: Mapped[str] = mapped_column(String(32))
    utc_offset_min: Mapped[int] = mapped_column(Integer)
    operator: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Operator(Base):
    __tablename__ = "operator"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    role: Mapped[str] = mapped_column(String(12))  # keeper | assistant
    active: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[str] = mapped_column(String(32))
    pin_hash: Mapped[str] = mapped_column(String(200), **local())


class Villager(Base):
    __tablename__ = "villager"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(40), index=True)
    phone: Mapped[str | None] = mapped_column(String(11), index=True)
    phone_last4: Mapped[str | None] = mapped_column(String(4), index=True)
    initials: Mapped[str] = mapped_column(String(40), index=True)
    created_at: Mapped[str] = mapped_column(String(32))


class Setting(Base):
    """Station settings that are part of the record (free days, fees...): value is JSON text."""

    __tablename__ = "setting"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class LocalSetting(Base):
    """Machine-local preferences (language, backup folder): not business, not journaled."""

    __tablename__ = LOCAL_SETTING_TABLE
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Shelf(Base):
    __tablename__ = "shelf"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    code: Mapped[str] = mapped_column(String(4), unique=True)
    layers: Mapped[int] = mapped_column(Integer)
    per_layer: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean)


class Parcel(Base):
    __tablename__ = "parcel"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    tracking_no: Mapped[str] = mapped_column(String(40))
    carrier: Mapped[str] = mapped_column(String(12))
    villager_id: Mapped[str | None] = mapped_column(ForeignKey("villager.id"))
    recipient_name: Mapped[str] = mapped_column(String(40))
    recipient_initials: Mapped[str] = mapped_column(String(40))
    recipient_phone: Mapped[str | None] = mapped_column(String(11))
    phone_last4: Mapped[str] = mapped_column(String(4))
    shelf: Mapped[str] = mapped_column(String(4))
    layer: Mapped[int] = mapped_column(Integer)
    pickup_code: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12))  # in_stock | picked_up | returned
    checked_in_at: Mapped[str] = mapped_column(String(32))
    batch_id: Mapped[str | None] = mapped_column(String(32))
    pickup_id: Mapped[str | None] = mapped_column(ForeignKey("pickup.id"))
    done_at: Mapped[str | None] = mapped_column(String(32))
    return_reason: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (
        Index("ix_parcel_status_shelf", "status", "shelf", "layer"),
        Index("ix_parcel_villager", "villager_id", "status"),
        Index("ix_parcel_status_last4", "status", "phone_last4"),
        Index("ix_parcel_status_initials", "status", "recipient_initials"),
        Index("ix_parcel_status_name", "status", "recipient_name"),
        Index("ix_parcel_status_checked_in", "status", "checked_in_at"),
        Index("ix_parcel_tracking", "tracking_no"),
        Index("ix_parcel_checked_in", "checked_in_at"),
        # The two rules a shelf depends on, enforced by SQLite itself.
        Index("uq_parcel_in_stock_tracking", "tracking_no", unique=True,
              sqlite_where=text("status = 'in_stock'")),
        Index("uq_parcel_in_stock_code", "pickup_code", unique=True,
              sqlite_where=text("status = 'in_stock'")),
    )


class Pickup(Base):
    """One hand-over of one or more parcels to a villager or a family member on their behalf."""

    __tablename__ = "pickup"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    villager_id: Mapped[str | None] = mapped_column(ForeignKey("villager.id"))
    collected_by: Mapped[str] = mapped_column(String(40))
    proxy: Mapped[bool] = mapped_column(Boolean)
    parcel_count: Mapped[int] = mapped_column(Integer)
    fee_fen: Mapped[int] = mapped_column(Integer)
    method: Mapped[str | None] = mapped_column(String(12))
    at: Mapped[str] = mapped_column(String(32))


class Handover(Base):
    """A courier collecting the station's sends (揽收): the manifest the courier signs."""

    __tablename__ = "handover"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    carrier: Mapped[str] = mapped_column(String(12))
    courier_name: Mapped[str | None] = mapped_column(String(40))
    count: Mapped[int] = mapped_column(Integer)
    at: Mapped[str] = mapped_column(String(32))


class Send(Base):
    __tablename__ = "send"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    sender_id: Mapped[str] = mapped_column(ForeignKey("villager.id"), index=True)
    sender_name: Mapped[str] = mapped_column(String(40))
    sender_phone: Mapped[str] = mapped_column(String(11))
    receiver_name: Mapped[str] = mapped_column(String(40))
    receiver_phone: Mapped[str] = mapped_column(String(20))
    receiver_address: Mapped[str] = mapped_column(String(200))
    item: Mapped[str] = mapped_column(String(80))
    weight_g: Mapped[int] = mapped_column(Integer)
    carrier: Mapped[str] = mapped_column(String(12))
    fee_fen: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(12))
    tracking_no: Mapped[str | None] = mapped_column(String(40), index=True)
    id_checked: Mapped[bool] = mapped_column(Boolean)
    id_kind: Mapped[str] = mapped_column(String(20))
    inspected: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(12))  # accepted | handed_over | cancelled
    accepted_at: Mapped[str] = mapped_column(String(32))
    handover_id: Mapped[str | None] = mapped_column(ForeignKey("handover.id"))

    __table_args__ = (Index("ix_send_status_carrier", "status", "carrier"),
                      Index("ix_send_accepted", "accepted_at"))


class Stocktake(Base):
    __tablename__ = "stocktake"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    at: Mapped[str] = mapped_column(String(32))
    expected: Mapped[int] = mapped_column(Integer)
    found: Mapped[int] = mapped_column(Integer)
    missing: Mapped[str] = mapped_column(Text)  # JSON list of tracking numbers
    unexpected: Mapped[str] = mapped_column(Text)  # JSON list of scanned numbers not in stock


class DrawerSession(Base):
    """One business day of the cash drawer (日结): opened with a counted float, closed with the
    counted cash. Its ledger lines are those with open_seq < seq <= close_seq."""

    __tablename__ = "drawer_session"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    business_date: Mapped[str] = mapped_column(String(10), index=True)  # one or more a day
    status: Mapped[str] = mapped_column(String(8))  # open | closed
    float_fen: Mapped[int] = mapped_column(Integer)
    opened_at: Mapped[str] = mapped_column(String(32))
    opened_by: Mapped[str] = mapped_column(String(32))
    open_seq: Mapped[int] = mapped_column(Integer)
    closed_at: Mapped[str | None] = mapped_column(String(32))
    closed_by: Mapped[str | None] = mapped_column(String(32))
    close_seq: Mapped[int | None] = mapped_column(Integer)
    expected_fen: Mapped[int | None] = mapped_column(Integer)
    counted_fen: Mapped[int | None] = mapped_column(Integer)
    difference_fen: Mapped[int | None] = mapped_column(Integer)
    z_no: Mapped[int | None] = mapped_column(Integer, unique=True)


class CashMove(Base):
    """Cash put into or taken out of the drawer for a reason (change brought in, takings banked)."""

    __tablename__ = "cash_move"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("drawer_session.id"))
    direction: Mapped[str] = mapped_column(String(4))  # in | out
    amount_fen: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200))
    at: Mapped[str] = mapped_column(String(32))


class Purchase(Base):
    """代购: goods the keeper orders online for a villager."""

    __tablename__ = "purchase"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    villager_id: Mapped[str] = mapped_column(ForeignKey("villager.id"), index=True)
    villager_name: Mapped[str] = mapped_column(String(40))
    items: Mapped[str] = mapped_column(String(200))
    platform: Mapped[str] = mapped_column(String(12))
    order_no: Mapped[str | None] = mapped_column(String(40))
    price_fen: Mapped[int] = mapped_column(Integer)
    shipping_fen: Mapped[int] = mapped_column(Integer)
    service_fee_fen: Mapped[int] = mapped_column(Integer)
    deposit_fen: Mapped[int] = mapped_column(Integer)
    deposit_method: Mapped[str] = mapped_column(String(12))
    paid_with: Mapped[str | None] = mapped_column(String(12))  # how the keeper paid the platform
    balance_method: Mapped[str | None] = mapped_column(String(12))
    tracking_no: Mapped[str | None] = mapped_column(String(40))
    parcel_id: Mapped[str | None] = mapped_column(ForeignKey("parcel.id"))
    # requested | ordered | shipped | arrived | handed_over | cancelled | returned
    status: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[str] = mapped_column(String(32))

    __table_args__ = (Index("ix_purchase_status_tracking", "status", "tracking_no"),)


class ProduceIntake(Base):
    """A farmer's produce weighed in: bought out now, or taken on consignment."""

    __tablename__ = "produce_intake"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    villager_id: Mapped[str] = mapped_column(ForeignKey("villager.id"), index=True)
    farmer_name: Mapped[str] = mapped_column(String(40))
    product: Mapped[str] = mapped_column(String(20), index=True)
    grade: Mapped[str] = mapped_column(String(12))
    gross_g: Mapped[int] = mapped_column(Integer)
    tare_g: Mapped[int] = mapped_column(Integer)
    deduct_g: Mapped[int] = mapped_column(Integer)
    net_g: Mapped[int] = mapped_column(Integer)
    price_unit: Mapped[str] = mapped_column(String(4))  # jin | kg
    unit_price_fen: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Integer)  # buy-out: paid now; consignment: reference
    mode: Mapped[str] = mapped_column(String(8))  # buyout | consign
    commission_bp: Mapped[int] = mapped_column(Integer)  # consignment commission, 1/100 of a %
    method: Mapped[str | None] = mapped_column(String(12))
    at: Mapped[str] = mapped_column(String(32))


class ProduceSale(Base):
    """Produce sold on to a buyer or channel (上行), from station stock or one consignment."""

    __tablename__ = "produce_sale"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    product: Mapped[str] = mapped_column(String(20), index=True)
    intake_id: Mapped[str | None] = mapped_column(ForeignKey("produce_intake.id"), index=True)
    buyer: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(12))
    weight_g: Mapped[int] = mapped_column(Integer)
    price_unit: Mapped[str] = mapped_column(String(4))
    unit_price_fen: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(12))
    send_id: Mapped[str | None] = mapped_column(ForeignKey("send.id"))
    at: Mapped[str] = mapped_column(String(32))


class ProducePayout(Base):
    """Money paid to a farmer for consigned produce once it has sold, commission kept."""

    __tablename__ = "produce_payout"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    intake_id: Mapped[str] = mapped_column(ForeignKey("produce_intake.id"), index=True)
    amount_fen: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(12))
    at: Mapped[str] = mapped_column(String(32))


class BillPayment(Base):
    """缴费: a bill the keeper pays on a platform for a villager's cash."""

    __tablename__ = "bill_payment"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    villager_id: Mapped[str | None] = mapped_column(ForeignKey("villager.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    provider: Mapped[str] = mapped_column(String(20))
    account: Mapped[str] = mapped_column(String(40), index=True)
    holder: Mapped[str] = mapped_column(String(40))
    amount_fen: Mapped[int] = mapped_column(Integer)
    fee_fen: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(12))
    paid_with: Mapped[str] = mapped_column(String(12))
    reference: Mapped[str | None] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(12))  # pending | succeeded | failed
    at: Mapped[str] = mapped_column(String(32))
    done_at: Mapped[str | None] = mapped_column(String(32))


class ServiceRecord(Base):
    """Other counter services: POS cash withdrawal (助农取款), tickets, printing."""

    __tablename__ = "service_record"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    villager_id: Mapped[str | None] = mapped_column(ForeignKey("villager.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # pos_cash | ticket | printing
    description: Mapped[str] = mapped_column(String(200))
    amount_fen: Mapped[int] = mapped_column(Integer)
    fee_fen: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(12))
    card_last4: Mapped[str | None] = mapped_column(String(4))
    at: Mapped[str] = mapped_column(String(32))


class Void(Base):
    """A money record reversed with a reason (keeper only). The record itself is never edited:
    its ledger lines are mirrored by reversal lines, and this row marks it as voided."""

    __tablename__ = "void"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(32), unique=True)
    record_table: Mapped[str] = mapped_column(String(24))
    reason: Mapped[str] = mapped_column(String(200))
    at: Mapped[str] = mapped_column(String(32))


class LedgerLine(Base):
    """台账分录: the money that moved, by category and method (DESIGN §4)."""

    __tablename__ = "ledger_line"
    __journaled__ = True
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    # Checked at commit: the journal row is the last thing a transaction writes.
    seq: Mapped[int] = mapped_column(ForeignKey("journal.seq", deferrable=True, initially="DEFERRED"),
                                     index=True)
    record_id: Mapped[str] = mapped_column(String(32), index=True)
    date: Mapped[str] = mapped_column(String(10), index=True)  # local date YYYY-MM-DD
    category: Mapped[str] = mapped_column(String(24))
    method: Mapped[str] = mapped_column(String(12))
    in_fen: Mapped[int] = mapped_column(Integer)
    out_fen: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(200))


JOURNALED = {m.__tablename__: m for m in Base.__subclasses__() if m.__journaled__}


def columns_of(model, info_cls) -> tuple:
    """The model's columns named by the fields of a service's plain-data class, in its order:
    rows selected with them build the class positionally, and the two cannot drift apart."""
    return tuple(getattr(model, f.name) for f in fields(info_cls))


def journaled_columns(table_name: str) -> list[str]:
    table = Base.metadata.tables[table_name]
    return [c.name for c in table.columns if not c.info.get("local")]
