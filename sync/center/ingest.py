"""Receiving a station's batch (DESIGN §6): check, store in one transaction, then ack.

Order matters: the signature is checked before the body is even inflated, the chain before
anything is stored, and the ack is signed only after the commit, so an ack in a station's
hands always means the events are durable here. A station re-sending what we hold gets the
same ack (its previous one was lost); a different event at a seq we hold is a conflict that
stops its queue; a batch starting past our mark is a gap, answered with where to start.
"""

from __future__ import annotations

import re
from contextlib import nullcontext
from operator import itemgetter

from sqlalchemy import insert, select

from sync import protocol
from sync.center.schema import event, flag, ledger_entry
from sync.center.storage import Center, bulk_insert
from sync.protocol import ProtocolError

LINE_FIELDS = {"seq": int, "record_id": str, "date": str, "category": str, "method": str,
               "in_fen": int, "out_fen": int, "description": str}
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MAX_FEN = 10 ** 15  # ten trillion yuan: past this a number is noise, not money


class Uninterpretable(ValueError):
    pass


def ledger_entries(station_id: str, ev: dict) -> list[dict]:
    """The ledger lines an event wrote, checked field by field."""
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
        if cols["seq"] != ev["seq"] or not DATE.fullmatch(cols["date"]) \
                or not (0 <= cols["in_fen"] < MAX_FEN and 0 <= cols["out_fen"] < MAX_FEN) \
                or len(line_id) > 32 or len(cols["record_id"]) > 64 \
                or len(cols["category"]) > 24 or len(cols["method"]) > 12:
            raise Uninterpretable(f"ledger line {line_id} is out of range")
        out.append({"station_id": station_id, "line_id": line_id, **cols})
    return out


def receive(center: Center, station_id: str, path: str, body: bytes,
            signature: str | None, ticket: int | None = None) -> dict:
    """Store a signed batch; the center's signed ack, or ProtocolError with nothing stored.
    ``ticket``: the batch's place among its station's arrivals, taken when its request began
    (Arrivals.arrive); without one, it is taken now."""
    key = center.batch_signer(station_id, path, body, signature)
    arrival = center.arrivals.arrive(station_id) if ticket is None else nullcontext(ticket)
    with arrival as ticket:
        return _receive(center, station_id, key, protocol.decode_batch(body), ticket)


def _receive(center: Center, station_id: str, key: str, batch: protocol.Batch,
             ticket: int) -> dict:
    if batch.station_id != station_id:
        raise ProtocolError(400, "wrong_station", "the batch names another station")
    center.arrivals.decoded(station_id, ticket, batch.from_seq)
    try:
        while True:
            try:
                return _store(center, station_id, key, batch)
            except _Gap:
                # The batch before it may be on its way in the station's other request.
                if not center.arrivals.wait_for_earlier(station_id, ticket, batch.from_seq):
                    raise
    except _Conflict as conflict:
        center.record_flag(station_id, conflict.seq, "conflict", conflict.detail)
        raise ProtocolError(409, "conflict", conflict.detail, seq=conflict.seq) from None


class _Gap(ProtocolError):
    def __init__(self, expected_from: int):
        super().__init__(409, "gap", f"expected events from {expected_from}",
                         expected_from=expected_from)


class _Conflict(Exception):
    def __init__(self, seq: int, detail: str):
        super().__init__(detail)
        self.seq, self.detail = seq, detail


def _store(center: Center, station_id: str, key: str, batch: protocol.Batch) -> dict:
    now = center.now()
    # The rows are made before the station's row is locked: its other batch in flight can
    # then be stored meanwhile, and the lock is held for database work only.
    rows = _rows(station_id, batch, now)
    with center.write() as conn:
        mark = _append(conn, station_id, key, batch, rows, now) \
            if center.dialect == "postgresql" else None
        if mark is None:
            mark = _check_and_insert(center, conn, station_id, key, batch, rows, now)
    return center.ack(station_id, *mark)


def _check_and_insert(center: Center, conn, station_id: str, key: str, batch: protocol.Batch,
                      rows: list[tuple], now: str) -> tuple[int, str, int]:
    """Any batch, under the station's lock: stored past our mark, or a re-send, a gap or a
    conflict; the new (hw_seq, hw_hash, config version)."""
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
    if new and new[0]["prev_hash"] != hw_hash:
        raise _Conflict(new[0]["seq"], f"event {new[0]['seq']} does not link to event "
                                       f"{hw_seq} held here")
    if new:
        _insert(conn, rows[overlap:])
        hw_seq, hw_hash = new[-1]["seq"], new[-1]["hash"]
    center.set_mark(conn, station_id, hw_seq, hw_hash, now)
    return hw_seq, hw_hash, config_version


EVENT_COLUMNS = tuple(c.name for c in event.columns)
ENTRY_COLUMNS = tuple(c.name for c in ledger_entry.columns)
_EVENT_ROW = itemgetter(*EVENT_COLUMNS)
_ENTRY_ROW = itemgetter(*ENTRY_COLUMNS)


def _rows(station_id: str, batch: protocol.Batch, now: str) -> list[tuple]:
    """Per event: (its event row, its ledger entry rows, a flag if its content is not
    understood); kept and flagged, such an event never stops the queue."""
    out = []
    for ev, payload_json in zip(batch.events, batch.payloads, strict=True):
        row = _EVENT_ROW({**ev, "station_id": station_id, "received_at": now,
                          "payload": payload_json.decode()})
        try:
            out.append((row, [_ENTRY_ROW(e) for e in ledger_entries(station_id, ev)], None))
        except Uninterpretable as exc:
            out.append((row, [], {"station_id": station_id, "seq": ev["seq"],
                                  "kind": "uninterpretable", "detail": str(exc),
                                  "created_at": now}))
    return out


def _arrays(table, names: tuple[str, ...]) -> str:
    """One array parameter per column; text, not varchar(n): a cast would cut a long value where
    the insert refuses it."""
    return ", ".join("%b::bigint[]" if table.c[n].type.python_type is int else "%b::text[]"
                     for n in names)


# The usual batch, the one right after our mark from the station's own key, as one statement:
# the mark moves only from where the batch starts, and its events and ledger entries are stored
# only if it moved. Each round trip is a wait for the interpreter's lock too, which a thread
# decoding the next batch holds for up to its switch interval: nine of them per batch cost more
# than the inserts did.
_APPEND = f"""
WITH mark AS (
    UPDATE station SET hw_seq = %s, hw_hash = %s, last_seen_at = %s
    WHERE station_id = %s AND hw_seq = %s AND hw_hash = %s
      AND status = 'active' AND public_key = %s
    RETURNING station_id),
events AS (
    INSERT INTO event ({", ".join(EVENT_COLUMNS)})
    SELECT * FROM unnest({_arrays(event, EVENT_COLUMNS)}) WHERE EXISTS (SELECT FROM mark)),
entries AS (
    INSERT INTO ledger_entry ({", ".join(ENTRY_COLUMNS)})
    SELECT * FROM unnest({_arrays(ledger_entry, ENTRY_COLUMNS)}) WHERE EXISTS (SELECT FROM mark))
SELECT (SELECT coalesce(max(version), 0) FROM config) FROM mark"""


def _append(conn, station_id: str, key: str, batch: protocol.Batch, rows: list[tuple],
            now: str) -> tuple[int, str, int] | None:
    """On PostgreSQL, ``batch`` stored if it is the usual one, in one statement: the new
    (hw_seq, hw_hash, config version). None if it is anything else, or has an event to flag;
    then nothing was changed, and the full check says what it is."""
    if any(f is not None for _, _, f in rows):
        return None
    entries = [entry for _, entries, _ in rows for entry in entries]
    event_columns = list(zip(*(row for row, _, _ in rows)))
    entry_columns = list(zip(*entries)) if entries else [()] * len(ENTRY_COLUMNS)
    with conn.connection.driver_connection.cursor() as cursor:
        cursor.execute(_APPEND, (batch.to_seq, batch.head_hash, now, station_id,
                                 batch.from_seq - 1, batch.prev_hash, key,
                                 *map(list, event_columns), *map(list, entry_columns)))
        row = cursor.fetchone()
    return None if row is None else (batch.to_seq, batch.head_hash, row[0])


def _insert(conn, rows: list[tuple]) -> None:
    bulk_insert(conn, event, EVENT_COLUMNS, [row for row, _, _ in rows])
    entries = [entry for _, entries, _ in rows for entry in entries]
    if entries:
        bulk_insert(conn, ledger_entry, ENTRY_COLUMNS, entries)
    flags = [f for _, _, f in rows if f is not None]
    if flags:
        conn.execute(insert(flag), flags)
