"""Parcels the county van drops for the village: check-in, pickup, overdue, returns, stock-take."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import and_, func, literal_column, select, tuple_

from station_app.core import messages as m
from station_app.core.canonical import new_id
from station_app.core.clock import local_date, to_utc_text, utc_offset_min
from station_app.core.errors import UserError
from station_app.core.ledger import check_method
from station_app.core.models import Parcel, Pickup, Stocktake
from station_app.core.people import parse_person, resolve_villager
from station_app.core.settings import station_settings
from station_app.core.shelves import IN_STOCK
from station_app.core.validate import (
    clean,
    mask_name,
    mask_phone,
    parse_name,
    parse_reason,
    parse_tracking,
)

PICKED_UP, RETURNED = "picked_up", "returned"
_CODE = re.compile(r"^([A-Z]{1,2})-?([1-9])-?([A-Z0-9]{4})$")


@dataclass(frozen=True)
class ParcelInfo:
    id: str
    tracking_no: str
    carrier: str
    recipient_name: str
    recipient_phone: str | None
    phone_last4: str
    pickup_code: str
    status: str
    checked_in_at: str
    villager_id: str | None = None
    done_at: str | None = None
    days_held: int = 0
    fee_due_fen: int = 0

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.recipient_phone, self.phone_last4)


_COLS = (Parcel.id, Parcel.tracking_no, Parcel.carrier, Parcel.recipient_name,
         Parcel.recipient_phone, Parcel.phone_last4, Parcel.pickup_code, Parcel.status,
         Parcel.checked_in_at, Parcel.villager_id, Parcel.done_at)


def _info(row) -> ParcelInfo:
    return ParcelInfo(*row)


@dataclass(frozen=True)
class CheckInResult:
    parcel: ParcelInfo
    carriers: list[str]  # every carrier the number fits; more than one: let the keeper choose
    seq: int
    purchase: object = None  # the agent purchase (purchases.PurchaseInfo) this parcel completes


def suggest_carriers(store, text: str) -> list[str]:
    """The carriers a number fits under the rules in force (no database work)."""
    return store.config.carriers.candidates(parse_tracking(text))


# A literal, not a bound parameter: only then can SQLite use the partial in-stock indexes
# (uq_parcel_in_stock_code serves every lookup by pickup code).
_ON_SHELF = Parcel.status == literal_column(f"'{IN_STOCK}'")
_IN_STOCK_BY_NUMBER = "SELECT pickup_code FROM parcel WHERE status = 'in_stock' AND tracking_no = ?"

_OPEN_PLACE = "parcels.first_open_place"
_PLACES = "parcels.places"
_ACTIVE_SHELVES = "SELECT code, layers, per_layer FROM shelf WHERE active ORDER BY position"
# One round trip per place tried: how full the layer is, and whether its code is taken in stock
# (ix_parcel_status_shelf and uq_parcel_in_stock_code answer both from the index).
_SLOT_STATE = """SELECT
    (SELECT count(*) FROM parcel WHERE status = 'in_stock' AND shelf = ? AND layer = ?),
    EXISTS (SELECT 1 FROM parcel WHERE status = 'in_stock' AND pickup_code = ?)"""


def _places(tx) -> tuple[tuple, list[tuple[str, int, int]]]:
    """(active shelves, every (shelf, layer, per layer) place in the order they fill)."""
    active = tuple(tx.db.execute(_ACTIVE_SHELVES).fetchall())
    return active, [(code, layer, per_layer) for code, layers, per_layer in active
                    for layer in range(1, layers + 1)]


def _allocate(tx, shelf: str | None, suffix: str) -> tuple[str, int, str]:
    """The first layer with room whose code (shelf-layer-last 4) is free, in shelf order.

    Places are tried in order and the search stops at the first that fits. Check-ins only fill
    places, so when the transaction just before was a check-in the places it found full are
    still full and the search starts where it stopped (``tx.hints``): a van's worth of parcels
    costs one or two probes each instead of one per full layer. Any other write in between
    (a pickup may have freed room) starts the search from the front again."""
    # The shelves and their places in order; a check-in just before this one read them, and
    # changing a shelf is a write of its own that would have broken the chain of hints.
    active, every_place = tx.hints.get(_PLACES) or _places(tx)
    tx.carry[_PLACES] = (active, every_place)
    if not active:
        raise UserError(m.NO_SHELVES)
    if shelf and shelf not in {code for code, _, _ in active}:
        raise UserError(m.UNKNOWN_SHELF, shelf=shelf)
    places = [p for p in every_place if p[0] == shelf] if shelf else every_place
    start = 0 if shelf else tx.hints.get(_OPEN_PLACE, 0)
    first_with_room = None
    for index in range(start, len(places)):
        code, layer, per_layer = places[index]
        pickup_code = f"{code}-{layer}-{suffix}"
        held, taken = tx.one(_SLOT_STATE, (code, layer, pickup_code))
        if held < per_layer and first_with_room is None:
            first_with_room = index
        if held < per_layer and not taken:
            if not shelf:
                # Counted before this parcel: the place may be full now, the next search sees.
                tx.carry[_OPEN_PLACE] = first_with_room
            return code, layer, pickup_code
    raise UserError(m.SHELF_FULL, shelf=shelf) if shelf else UserError(m.ALL_SHELVES_FULL)


def check_in(store, operator: str, tracking: str, *, name: str | None = None,
             phone: str | None = None, last4: str | None = None, carrier: str | None = None,
             shelf: str | None = None, batch_id: str | None = None) -> CheckInResult:
    """Put one parcel on a shelf. Recipient: a full mobile number, or its last 4 digits + name."""
    tracking_no = parse_tracking(tracking)
    name, phone, last4 = parse_person(name, phone, last4)
    shelf = clean(shelf).upper() or None
    from station_app.core.purchases import arrive  # purchases builds on this module

    with store.write(operator) as tx:
        rules = tx.config.carriers
        fits = rules.candidates(tracking_no)
        carrier = rules.check_code(carrier) if carrier else fits[0]
        dup = tx.one(_IN_STOCK_BY_NUMBER, (tracking_no,))
        if dup:
            raise UserError(m.ALREADY_IN_STOCK, tracking_no=tracking_no, code=dup[0])
        villager = resolve_villager(tx, name, phone, last4)
        shelf_code, layer, code = _allocate(tx, shelf, tracking_no[-4:])
        values = dict(tracking_no=tracking_no, carrier=carrier, villager_id=villager.id,
                      recipient_name=villager.name, recipient_initials=villager.initials,
                      recipient_phone=phone or villager.phone, phone_last4=last4,
                      shelf=shelf_code, layer=layer, pickup_code=code, status=IN_STOCK,
                      checked_in_at=tx.now_text, batch_id=batch_id)
        parcel_id = tx.insert(Parcel, **values)
        purchase = arrive(tx, tracking_no, parcel_id)
        tx.event("parcel.checked_in", parcel_id,
                 **({"purchase": purchase.id} if purchase else {}))
    info = ParcelInfo(parcel_id, tracking_no, carrier, villager.name, values["recipient_phone"],
                      last4, code, IN_STOCK, values["checked_in_at"], villager.id)
    return CheckInResult(info, fits, tx.seq, purchase)


def classify_query(text: str) -> tuple[str, str]:
    """What a keeper typed or scanned at the pickup desk: (kind, normalised value)."""
    raw = clean(text)
    upper = re.sub(r"\s", "", raw).upper()
    if not raw:
        return "empty", ""
    if _CODE.match(upper):
        g = _CODE.match(upper).groups()
        return "code", f"{g[0]}-{g[1]}-{g[2]}"
    if re.fullmatch(r"[0-9]{4}", raw):
        return "last4", raw
    digits = re.sub(r"[\s-]", "", raw)
    if re.fullmatch(r"(?:\+?86)?1[3-9][0-9]{9}", digits):
        return "phone", digits[-11:]
    if raw.isascii() and raw.isalpha() and len(raw) <= 10:
        return "initials", raw.lower()
    if not raw.isascii():
        return "name", raw
    return "tracking", upper


def find_in_stock(store, text: str, limit: int = 200) -> list[ParcelInfo]:
    """Parcels on the shelf matching a pickup code, phone, last 4, name, initials or a scan."""
    kind, value = classify_query(text)
    if kind == "empty":
        return []
    cond = {
        "code": Parcel.pickup_code == value,
        "last4": Parcel.phone_last4 == value,
        "phone": Parcel.recipient_phone == value,
        "initials": Parcel.recipient_initials.startswith(value),
        "name": Parcel.recipient_name.startswith(value),
        "tracking": Parcel.tracking_no == value,
    }[kind]
    with store.read() as conn:
        rows = conn.execute(select(*_COLS).where(_ON_SHELF, cond)
                            .order_by(Parcel.checked_in_at).limit(limit)).all()
    if kind == "code" and not rows:
        raise UserError(m.WRONG_CODE, code=value)
    return [_info(r) for r in rows]


def find_by_tracking(store, text: str) -> ParcelInfo | None:
    """The newest parcel with this number, whatever its status (a scan anywhere in the app)."""
    tracking_no = parse_tracking(text)
    with store.read() as conn:
        row = conn.execute(select(*_COLS).where(Parcel.tracking_no == tracking_no)
                           .order_by(Parcel.checked_in_at.desc()).limit(1)).first()
    return _info(row) if row else None


def _days_held(checked_in_at: str, today: date, offset_min: int) -> int:
    return (today - local_date(checked_in_at, offset_min)).days


def with_fees(parcels: list[ParcelInfo], settings, today: date, offset_min: int) -> list[ParcelInfo]:
    out = []
    for p in parcels:
        days = _days_held(p.checked_in_at, today, offset_min)
        fee = max(0, days - settings.free_days) * settings.overdue_fee_fen
        out.append(replace(p, days_held=days, fee_due_fen=fee))
    return out


def with_fees_now(store, parcels_: list[ParcelInfo]) -> list[ParcelInfo]:
    """Days held and fee due as of the store's clock, under the station's current rules."""
    now = store.clock.now()
    return with_fees(parcels_, station_settings(store), now.date(), utc_offset_min(now))


def pickup(store, operator: str, parcel_ids: list[str], *, proxy_name: str | None = None,
           fee_fen: int = 0, method: str = "cash") -> str:
    """Hand one or more parcels over in one go; ``proxy_name`` when a family member collects."""
    if not parcel_ids:
        raise UserError(m.NOTHING_SELECTED)
    if fee_fen < 0:
        raise ValueError("fee_fen")
    proxy_name = parse_name(proxy_name) if clean(proxy_name) else None
    method = check_method(method)
    with store.write(operator) as tx:
        marks = ",".join("?" * len(parcel_ids))
        purchase = tx.one(f"SELECT villager_name, items FROM purchase WHERE status = 'arrived' "
                          f"AND parcel_id IN ({marks}) AND NOT EXISTS "
                          f"(SELECT 1 FROM void WHERE record_id = purchase.id)", tuple(parcel_ids))
        if purchase:  # it leaves with its balance paid, from the purchases page
            raise UserError(m.PURCHASE_PARCEL, name=purchase[0], items=purchase[1])
        pickup_id = hand_out(tx, parcel_ids, proxy_name, fee_fen, method)
        tx.event("parcel.picked_up", pickup_id)
    return pickup_id


def _require_in_stock(tx, parcel_ids: list[str]) -> dict:
    rows = tx.conn.execute(select(Parcel.id, Parcel.tracking_no, Parcel.status,
                                  Parcel.villager_id, Parcel.recipient_name, Parcel.pickup_code)
                           .where(Parcel.id.in_(parcel_ids))).all()
    by_id = {r.id: r for r in rows}
    for pid in parcel_ids:
        row = by_id.get(pid)
        if row is None or row.status != IN_STOCK:
            raise UserError(m.NOT_IN_STOCK, tracking_no=row.tracking_no if row else pid)
    return by_id


def hand_out(tx, parcel_ids: list[str], proxy_name: str | None = None, fee_fen: int = 0,
             method: str = "cash") -> str:
    """Inside a write: parcels leave the shelf with their villager (or a family member);
    also how an agent purchase's parcel goes out with the goods."""
    found = _require_in_stock(tx, parcel_ids)
    first = found[parcel_ids[0]]
    pickup_id = tx.insert(Pickup, villager_id=first.villager_id,
                          collected_by=proxy_name or first.recipient_name,
                          proxy=proxy_name is not None, parcel_count=len(parcel_ids),
                          fee_fen=fee_fen, method=method if fee_fen else None, at=tx.now_text)
    for pid in parcel_ids:
        tx.update(Parcel, pid, status=PICKED_UP, pickup_id=pickup_id, done_at=tx.now_text)
    if fee_fen:
        # Data, not words: the pickup codes (the category says what the money is for).
        tx.ledger(pickup_id, "storage_fee", method, "、".join(found[pid].pickup_code for pid in parcel_ids),
                  in_fen=fee_fen)
    return pickup_id


def return_to_courier(store, operator: str, parcel_ids: list[str], reason: str) -> str:
    if not parcel_ids:
        raise UserError(m.NOTHING_SELECTED)
    reason = parse_reason(reason)
    batch = new_id()
    with store.write(operator) as tx:
        send_back(tx, parcel_ids, reason)
        tx.event("parcel.returned", batch, parcels=list(parcel_ids))
    return batch


def send_back(tx, parcel_ids: list[str], reason: str) -> None:
    """Inside a write: parcels go back to the courier (unclaimed, refused goods)."""
    _require_in_stock(tx, parcel_ids)
    for pid in parcel_ids:
        tx.update(Parcel, pid, status=RETURNED, done_at=tx.now_text, return_reason=reason)


def _local_day_bounds(day: date, offset_min: int) -> tuple[str, str]:
    start = (datetime.combine(day, time()) - timedelta(minutes=offset_min)).replace(tzinfo=timezone.utc)
    return to_utc_text(start), to_utc_text(start + timedelta(days=1))


Key = tuple[str, str]  # (checked_in_at, id): where a keyset page of the shelf resumes


def page_key(p: ParcelInfo) -> Key:
    return p.checked_in_at, p.id


def in_stock_page(store, after: Key | None = None, limit: int | None = 200,
                  before: str | None = None) -> list[ParcelInfo]:
    """One page of the shelf, oldest first, keyset-paged on (checked_in_at, id); ``before`` keeps
    only parcels checked in before that UTC time."""
    conds = [_ON_SHELF]
    if before:
        conds.append(Parcel.checked_in_at < before)
    if after:
        conds.append(tuple_(Parcel.checked_in_at, Parcel.id) > tuple_(*after))
    with store.read() as conn:
        rows = conn.execute(select(*_COLS).where(and_(*conds))
                            .order_by(Parcel.checked_in_at, Parcel.id).limit(limit)).all()
    return [_info(r) for r in rows]


def overdue(store, after: Key | None = None, limit: int | None = None) -> list[ParcelInfo]:
    """Parcels held past the free days, oldest first, with the fee due so far (pageable)."""
    now = store.clock.now()
    offset = utc_offset_min(now)
    settings = station_settings(store)
    cutoff, _ = _local_day_bounds(now.date() - timedelta(days=settings.free_days), offset)
    return with_fees(in_stock_page(store, after, limit, before=cutoff), settings, now.date(), offset)


def arrivals(store, day: date) -> list[ParcelInfo]:
    """Parcels checked in on a local day, by pickup code: the list for the village group."""
    start, end = _local_day_bounds(day, utc_offset_min(store.clock.now()))
    with store.read() as conn:
        rows = conn.execute(select(*_COLS).where(Parcel.checked_in_at >= start,
                                                 Parcel.checked_in_at < end)
                            .order_by(Parcel.pickup_code)).all()
    return [_info(r) for r in rows]


def arrival_text(parcels: list[ParcelInfo], title: str, lang: str = "zh") -> str:
    """Copyable text for the village WeChat group: names and phones masked."""
    waiting = [p for p in parcels if p.status == IN_STOCK]
    lines = [title]
    for p in waiting:
        lines.append(f"{p.pickup_code}  {mask_name(p.recipient_name)}  {p.masked_phone}")
    lines.append(f"共 {len(waiting)} 件" if lang.startswith("zh") else f"{len(waiting)} parcel(s)")
    return "\n".join(lines)


@dataclass(frozen=True)
class StocktakeResult:
    id: str
    expected: int
    found: list[str]
    missing: list[ParcelInfo]
    unexpected: list[str]


def stocktake(store, operator: str, scanned: list[str]) -> StocktakeResult:
    """Compare what was scanned on the shelves with what should be there, and record it."""
    numbers = list(dict.fromkeys(parse_tracking(s) for s in scanned))
    with store.write(operator) as tx:
        rows = tx.conn.execute(select(*_COLS).where(_ON_SHELF)
                               .order_by(Parcel.pickup_code)).all()
        stock = {r.tracking_no: _info(r) for r in rows}
        found = [n for n in numbers if n in stock]
        unexpected = [n for n in numbers if n not in stock]
        missing = [p for n, p in stock.items() if n not in set(found)]
        take_id = tx.insert(Stocktake, at=tx.now_text, expected=len(stock), found=len(found),
                            missing=json.dumps([p.tracking_no for p in missing]),
                            unexpected=json.dumps(unexpected))
        tx.event("stocktake.done", take_id)
    return StocktakeResult(take_id, len(stock), found, missing, unexpected)


@dataclass(frozen=True)
class CarrierCount:
    carrier: str
    checked_in: int
    picked_up: int
    returned: int
    sent: int


def month_bounds(month: str, offset_min: int) -> tuple[str, str]:
    first = datetime.strptime(month, "%Y-%m").date()
    nxt = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return _local_day_bounds(first, offset_min)[0], _local_day_bounds(nxt, offset_min)[0]


def carrier_counts(store, month: str) -> list[CarrierCount]:
    """Per-courier monthly counts: what the station bills each courier company for."""
    from station_app.core.models import Send

    start, end = month_bounds(month, utc_offset_min(store.clock.now()))
    in_month = lambda col: and_(col >= start, col < end)  # noqa: E731
    with store.read() as conn:
        got = {}
        for key, stmt in (
            ("checked_in", select(Parcel.carrier, func.count()).where(in_month(Parcel.checked_in_at))),
            ("picked_up", select(Parcel.carrier, func.count()).where(
                Parcel.status == PICKED_UP, in_month(Parcel.done_at))),
            ("returned", select(Parcel.carrier, func.count()).where(
                Parcel.status == RETURNED, in_month(Parcel.done_at))),
            ("sent", select(Send.carrier, func.count()).where(
                Send.status != "cancelled", in_month(Send.accepted_at))),
        ):
            for carrier, count in conn.execute(stmt.group_by(stmt.selected_columns[0])):
                got.setdefault(carrier, {})[key] = count
    return [CarrierCount(c, v.get("checked_in", 0), v.get("picked_up", 0), v.get("returned", 0),
                         v.get("sent", 0)) for c, v in sorted(got.items())]

