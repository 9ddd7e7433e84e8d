"""Receiving a station's batch (DESIGN §6): one plain path, the database deciding order and
uniqueness.

Authenticate (before the body is even inflated), decode and check the chain, then one
transaction locks the station's row, checks the mark, inserts the new events and their ledger
entries, moves the mark and commits; the ack is signed only after the commit, so an ack in a
station's hands always means the events are durable here. Two copies of a batch, at one
process or several, queue on the station's row: the second finds the mark moved and is
answered as the re-send it is. A station re-sending what we hold gets the same ack (its
previous one was lost); a different event at a seq we hold is a conflict that stops its queue;
a batch starting past our mark (a later batch that overtook its predecessor) is a gap,
answered with where to start.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.exc import OperationalError

from station_app.core.ledger import CATEGORIES, METHODS
from sync import protocol
from sync.center.schema import event, flag, ledger_entry
from sync.center.storage import Center
from sync.protocol import ProtocolError

LINE_FIELDS = {"seq": int, "record_id": str, "date": str, "category": str, "method": str,
               "in_fen": int, "out_fen": int, "description": str}
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
RECORDED_AT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z")
# One ledger line's amount, at most ¥10,000,000.00: far past anything a village counter takes
# in one go, far below what breaks a month's sum. Past it the line is noise, not money.
MAX_LINE_FEN = 10 ** 9
# PostgreSQL's lock_not_available, deadlock_detected and query_canceled (storage's lock and
# statement timeouts): nothing was stored, and a retry will go through.
BUSY_STATES = {"55P03", "40P01", "57014"}


class Uninterpretable(ValueError):
    pass


def check_recorded_at(value: str) -> None:
    """The canonical UTC text (clock.to_utc_text) of a real moment."""
    if not RECORDED_AT.fullmatch(value):
        raise Uninterpretable(f"recorded_at {value!r} is not a UTC time as stations write it")
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        raise Uninterpretable(f"recorded_at {value!r} is not a real date") from None
    hour, minute, second = int(value[11:13]), int(value[14:16]), int(value[17:19])
    if hour > 23 or minute > 59 or second > 59:
        raise Uninterpretable(f"recorded_at {value!r} is not a real time")


def ledger_entries(station_id: str, ev: dict) -> list[dict]:
    """The ledger lines an event wrote, checked field by field; Uninterpretable if the event
    holds anything the county's ledger cannot count."""
    check_recorded_at(ev["recorded_at"])
    payload = ev["payload"]
    if not isinstance(payload, dict):
        raise Uninterpretable("the payload is not an object")
    rows = payload.get("rows", {})
    lines = rows.get("ledger_line", {}) if isinstance(rows, dict) else None
    if not isinstance(lines, dict):
        raise Uninterpretable("the payload's rows are not tables of rows")
    out = []
    for line_id, cols in lines.items():
        if not isinstance(cols, dict) or cols.keys() != LINE_FIELDS.keys():
            raise Uninterpretable(f"ledger line {line_id} does not have the ledger's fields")
        for name, kind in LINE_FIELDS.items():
            if type(cols[name]) is not kind:  # exactly: parsed JSON, and a bool is no amount
                raise Uninterpretable(f"ledger line {line_id}: {name} is not a {kind.__name__}")
            if kind is str and "\x00" in cols[name]:  # PostgreSQL's text cannot hold it
                raise Uninterpretable(f"ledger line {line_id}: {name} holds a NUL character")
        if cols["seq"] != ev["seq"] or len(line_id) > 32 or "\x00" in line_id \
                or len(cols["record_id"]) > 64 or len(cols["description"]) > 500:
            raise Uninterpretable(f"ledger line {line_id} is out of range")
        if not DATE.fullmatch(cols["date"]):
            raise Uninterpretable(f"ledger line {line_id}: date {cols['date']!r} is not a date")
        try:
            date.fromisoformat(cols["date"])
        except ValueError:
            raise Uninterpretable(f"ledger line {line_id}: {cols['date']} is not a real "
                                  "date") from None
        if cols["category"] not in CATEGORIES:
            raise Uninterpretable(f"ledger line {line_id}: unknown category "
                                  f"{cols['category']!r}")
        if cols["method"] not in METHODS:
            raise Uninterpretable(f"ledger line {line_id}: unknown method {cols['method']!r}")
        if not (0 <= cols["in_fen"] <= MAX_LINE_FEN and 0 <= cols["out_fen"] <= MAX_LINE_FEN):
            raise Uninterpretable(f"ledger line {line_id}: an amount is past "
                                  f"{MAX_LINE_FEN // 100} yuan")
        out.append({"station_id": station_id, "line_id": line_id, **cols})
    return out


def receive(center: Center, station_id: str, path: str, body: bytes,
            signature: str | None, fresh: protocol.Freshness | None = None) -> dict:
    """Store a signed batch; the center's signed ack, or ProtocolError with nothing stored.
    ``fresh``: the time and nonce of an HTTP upload (a bundle's batches have none)."""
    key = center.authenticate(station_id, "POST", path, body, signature, fresh).public_key
    batch = protocol.decode_batch(body)
    if batch.station_id != station_id:
        raise ProtocolError(400, "wrong_station", "the batch names another station")
    now = center.now()
    events, entries, flags = _rows(station_id, batch, now)
    try:
        with center.storing(), center.write() as conn:
            center.spend_nonce(conn, station_id, fresh)
            mark = _check_and_store(center, conn, station_id, key, batch, events, entries,
                                    flags, now)
    except _Conflict as conflict:
        center.record_flag(station_id, conflict.seq, "conflict", conflict.detail)
        raise ProtocolError(409, "conflict", conflict.detail, seq=conflict.seq) from None
    except OperationalError as exc:
        if getattr(exc.orig, "sqlstate", None) not in BUSY_STATES:
            raise
        raise ProtocolError(503, "busy", "the station's batches are being stored; "
                            "send it again") from None
    return center.ack(station_id, *mark)


class _Gap(ProtocolError):
    def __init__(self, expected_from: int):
        super().__init__(409, "gap", f"expected events from {expected_from}",
                         expected_from=expected_from)


class _Conflict(Exception):
    def __init__(self, seq: int, detail: str):
        super().__init__(detail)
        self.seq, self.detail = seq, detail


def _check_and_store(center: Center, conn, station_id: str, key: str, batch: protocol.Batch,
                     events: list[dict], entries: list[dict], flags: list[dict],
                     now: str) -> tuple[int, str, int]:
    """The batch checked under the station's lock: stored past our mark, or a re-send, a gap
    or a conflict. (hw_seq, hw_hash, config version) after it."""
    hw_seq, hw_hash, config_version = center.station_lock(conn, station_id, key)
    if batch.from_seq > hw_seq + 1:
        raise _Gap(hw_seq + 1)
    overlap = max(0, hw_seq - batch.from_seq + 1)  # events of the batch we hold already
    if overlap:  # a re-send: what overlaps must be what we hold
        held = dict(conn.execute(
            select(event.c.seq, event.c.hash).where(
                event.c.station_id == station_id, event.c.seq >= batch.from_seq,
                event.c.seq <= min(batch.to_seq, hw_seq))).all())
        for ev in batch.events[:overlap]:
            if held.get(ev["seq"]) != ev["hash"]:
                raise _Conflict(ev["seq"], f"event {ev['seq']} differs from the one held")
    new = batch.events[overlap:]
    if not new:
        return hw_seq, hw_hash, config_version  # all held: the same ack, "last seen" as it was
    if new[0]["prev_hash"] != hw_hash:
        raise _Conflict(new[0]["seq"], f"event {new[0]['seq']} does not link to event "
                                       f"{hw_seq} held here")
    first_new = new[0]["seq"]
    conn.execute(insert(event), events[overlap:])
    kept = [e for e in entries if e["seq"] >= first_new]
    if kept:
        conn.execute(insert(ledger_entry), kept)
    flagged = [f for f in flags if f["seq"] >= first_new]
    if flagged:
        conn.execute(insert(flag), flagged)
    hw_seq, hw_hash = new[-1]["seq"], new[-1]["hash"]
    applied = [ev["payload"].get("version") for ev in new if ev["kind"] == "config.applied"
               and isinstance(ev["payload"], dict)]
    applied = [v for v in applied if type(v) is int and 0 <= v < 2 ** 31]  # noqa: E721
    center.set_mark(conn, station_id, hw_seq, hw_hash, now, batch.station_head,
                    applied[-1] if applied else None)
    return hw_seq, hw_hash, config_version


def _rows(station_id: str, batch: protocol.Batch, now: str
          ) -> tuple[list[dict], list[dict], list[dict]]:
    """The batch's event rows, ledger entry rows, and a flag for each event whose content is
    not understood: kept (the chain needs it) and flagged, out of the ledger, and never a stop
    to the station's queue."""
    events, entries, flags = [], [], []
    for ev, payload in zip(batch.events, batch.payloads, strict=True):
        events.append({**{c.name: ev.get(c.name) for c in event.columns},
                       "station_id": station_id, "received_at": now, "payload": payload})
        try:
            entries.extend(ledger_entries(station_id, ev))
        except Uninterpretable as exc:
            flags.append({"station_id": station_id, "seq": ev["seq"], "kind": "uninterpretable",
                          "detail": str(exc), "created_at": now})
    return events, entries, flags
