"""Tables. Business tables (``__journaled__``) are written only through a journal transaction
(:mod:`station_app.core.journal`), which copies every value it writes into the journal event, so
`verify` can replay the journal and prove each row still says what was recorded. Columns marked
``info={"local": True}`` never enter the journal (secrets, machine-local state).

Money is integer fen, weights integer grams, times ISO-8601 UTC text ("...Z") so that range
queries compare as strings. IDs are UUID hex made on the station.
"""

from __future__ import annotations

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
    sender_id: Mapped[str] = mapped_column(ForeignKey("villager.id"))
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


def journaled_columns(table_name: str) -> list[str]:
    table = Base.metadata.tables[table_name]
    return [c.name for c in table.columns if not c.info.get("local")]
