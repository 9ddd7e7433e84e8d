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
from functools import cache
from operator import itemgetter

from sqlalchemy import insert, select
from sqlalchemy.exc import OperationalError

from sync import protocol
from sync.center.schema import event, flag, ledger_entry
from sync.center.storage import Center
from sync.protocol import ProtocolError

LINE_FIELDS = {"seq": int, "record_id": str, "date": str, "category": str, "method": str,
               "in_fen": int, "out_fen": int, "description": str}
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MAX_FEN = 10 ** 15  # ten trillion yuan: past this a number is noise, not money
# PostgreSQL's lock_not_available (storage.LOCK_TIMEOUT_MS passed) and deadlock_detected (the
# same batch at two center processes): nothing was stored, and a retry will go through.
BUSY_STATES = {"55P03", "40P01"}


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
            if kind is str and "\x00" in cols[name]:  # PostgreSQL's text cannot hold it
                raise Uninterpretable(f"ledger line {line_id}: {name} holds a NUL character")
        if cols["seq"] != ev["seq"] or not DATE.fullmatch(cols["date"]) \
                or not (0 <= cols["in_fen"] < MAX_FEN and 0 <= cols["out_fen"] < MAX_FEN) \
                or len(line_id) > 32 or "\x00" in line_id or len(cols["record_id"]) > 64 \
                or len(cols["category"]) > 24 or len(cols["method"]) > 12:
            raise Uninterpretable(f"ledger line {line_id} is out of range")
        out.append({"station_id": station_id, "line_id": line_id, **cols})
    return out


def receive(center: Center, station_id: str, path: str, body: bytes,
            signature: str | None, ticket: int | None = None) -> dict:
    """Store a signed batch; the center's signed ack, or ProtocolError with nothing stored.
    ``ticket``: the batch's place among its station's arrivals, taken when its request began
    (Arrivals.arrive); without one, it is taken now. The work is done in one of the center's
    turns (Arrivals.working), which are given out in the order they are asked for."""
    with center.arrivals.working():
        key = center.batch_signer(station_id, path, body, signature)
        arrival = center.arrivals.arrive(station_id) if ticket is None else nullcontext(ticket)
        with arrival as ticket:
            try:
                return _receive(center, station_id, key, protocol.decode_batch(body), ticket)
            except OperationalError as exc:
                if getattr(exc.orig, "sqlstate", None) not in BUSY_STATES:
                    raise
                raise ProtocolError(503, "busy", "another copy of this batch is being stored; "
                                    "send it again") from None


def _receive(center: Center, station_id: str, key: str, batch: protocol.Batch,
             ticket: int) -> dict:
    if batch.station_id != station_id:
        raise ProtocolError(400, "wrong_station", "the batch names another station")
    center.arrivals.decoded(station_id, ticket, batch.from_seq, batch.to_seq)
    try:
        while True:
            try:
                return _store(center, station_id, key, batch, ticket)
            except _Gap:
                # The batch before it may be on its way in another request of the station.
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


def _store(center: Center, station_id: str, key: str, batch: protocol.Batch,
           ticket: int) -> dict:
    now = center.now()
    # The rows are made before the station's row is locked: its other batches in flight can
    # then be stored meanwhile, and the lock is held for database work only.
    rows = _rows(station_id, batch, now)
    mark = None
    if center.dialect == "postgresql":
        arrivals = center.arrivals
        if arrivals.follows_mark(station_id, batch.from_seq):
            mark = _store_next(center, station_id, key, batch, rows, now)
        elif arrivals.before_open(station_id, ticket, batch.from_seq):
            mark = _store_next(center, station_id, key, batch, rows, now, ticket)
    if mark is None:
        with center.write() as conn:
            mark = _check_and_store(center, conn, station_id, key, batch, rows, now)
    return center.ack(station_id, *mark)


class _NotNext(Exception):
    pass


def _store_next(center: Center, station_id: str, key: str, batch: protocol.Batch,
                rows: list[tuple], now: str, after: int | None = None
                ) -> tuple[int, str, int] | None:
    """On PostgreSQL, the usual batch (the next after our mark) stored with its rows inserted
    before the station's row is locked: the insert, nearly all of the database's work, then
    runs beside the storing of the station's previous batch instead of after it, and only the
    mark moves one batch after another, in one statement (Center.advance_mark) that waits for
    that batch's commit. A batch comes this way if it follows the mark as moved here, or
    (``after``: its ticket) if the batch before it is being stored here: then, its rows
    inserted, it waits for that one to move the mark before it moves it further. Any other
    would insert its rows to find the mark short.
    (hw_seq, hw_hash, config version); None, with nothing stored, if the batch is not the
    next one or holds an event we hold (a re-send): the full check under the lock then says
    what it is. Should a re-send of the same events be checked under the lock meanwhile,
    PostgreSQL finds the two waiting on each other and fails one; its station sends it again."""
    import psycopg

    try:
        with center.write() as conn:
            _insert(conn, rows)
            if after is not None:
                center.arrivals.wait_for_mark(station_id, after, batch.from_seq)
            config_version = center.advance_mark(conn, station_id, key, batch, now)
            if config_version is None:
                raise _NotNext
            center.arrivals.marked(station_id, batch.to_seq)
    except (_NotNext, psycopg.errors.UniqueViolation):
        return None
    return batch.to_seq, batch.head_hash, config_version


def _check_and_store(center: Center, conn, station_id: str, key: str, batch: protocol.Batch,
                     rows: list[tuple], now: str) -> tuple[int, str, int]:
    """Any batch, checked under the station's lock: stored past our mark, or a re-send, a gap
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
    if new and new[0]["prev_hash"] != hw_hash:
        raise _Conflict(new[0]["seq"], f"event {new[0]['seq']} does not link to event "
                                       f"{hw_seq} held here")
    if new:
        _insert(conn, rows[overlap:])
        hw_seq, hw_hash = new[-1]["seq"], new[-1]["hash"]
    center.set_mark(conn, station_id, hw_seq, hw_hash, now)
    center.arrivals.marked(station_id, hw_seq)
    return hw_seq, hw_hash, config_version


EVENT_COLUMNS = tuple(c.name for c in event.columns)
ENTRY_COLUMNS = tuple(c.name for c in ledger_entry.columns)
_EVENT_ROW = itemgetter(*EVENT_COLUMNS)
_ENTRY_ROW = itemgetter(*ENTRY_COLUMNS)


def _rows(station_id: str, batch: protocol.Batch, now: str) -> list[tuple]:
    """Per event: (its event row, its ledger entry rows, a flag if its content is not
    understood); kept and flagged, such an event never stops the queue."""
    out = []
    for ev, payload in zip(batch.events, batch.payloads, strict=True):
        row = _EVENT_ROW({**ev, "station_id": station_id, "received_at": now, "payload": payload})
        try:
            out.append((row, [_ENTRY_ROW(e) for e in ledger_entries(station_id, ev)], None))
        except Uninterpretable as exc:
            out.append((row, [], {"station_id": station_id, "seq": ev["seq"],
                                  "kind": "uninterpretable", "detail": str(exc),
                                  "created_at": now}))
    return out


@cache
def _array_types() -> tuple[tuple, tuple]:
    """The pg_arrays type of each event and ledger entry column (they carry the arrays' types,
    text[] or bigint[]: text, not varchar(n), as a cast would cut a long value where the insert
    refuses it); psycopg is imported only where PostgreSQL is in use."""
    from sync.center import pg_arrays

    def types(table, names):
        return tuple(pg_arrays.Int8Array if table.c[n].type.python_type is int
                     else pg_arrays.TextArray for n in names)

    return types(event, EVENT_COLUMNS), types(ledger_entry, ENTRY_COLUMNS)


def _arrays(names: tuple[str, ...]) -> str:
    return ", ".join(["%b"] * len(names))


# A batch's rows on PostgreSQL: one statement, each column an array. Each round trip is also a
# wait for the interpreter's lock, which a thread decoding the next batch holds for up to its
# switch interval: as two COPYs, the round trips cost more than the inserts did.
_INSERT = f"""
WITH events AS (
    INSERT INTO event ({", ".join(EVENT_COLUMNS)})
    SELECT * FROM unnest({_arrays(EVENT_COLUMNS)}))
INSERT INTO ledger_entry ({", ".join(ENTRY_COLUMNS)})
SELECT * FROM unnest({_arrays(ENTRY_COLUMNS)})"""


# The same rows on SQLite: the driver's executemany, a statement per table.
_SQLITE_INSERTS = tuple(f"INSERT INTO {table.name} ({', '.join(names)}) "
                        f"VALUES ({', '.join('?' * len(names))})"
                        for table, names in ((event, EVENT_COLUMNS),
                                             (ledger_entry, ENTRY_COLUMNS)))


def _insert(conn, rows: list[tuple]) -> None:
    """The rows of a batch's new events, in the caller's transaction."""
    tables = ([row for row, _, _ in rows],
              [entry for _, entries, _ in rows for entry in entries])
    driver = conn.connection.driver_connection
    if conn.dialect.name == "postgresql":
        arrays = [kind(column)  # an empty column too, where a batch has no ledger lines
                  for kinds, table_rows in zip(_array_types(), tables)
                  for kind, column in zip(kinds, zip(*table_rows) if table_rows
                                          else [()] * len(kinds))]
        with driver.cursor() as cursor:  # the array types are known to it (engine_for)
            cursor.execute(_INSERT, arrays)
    else:
        for sql, table_rows in zip(_SQLITE_INSERTS, tables):
            if table_rows:
                driver.executemany(sql, table_rows)
    flags = [f for _, _, f in rows if f is not None]
    if flags:
        conn.execute(insert(flag), flags)
