"""The write path: one transaction = business rows + ledger lines + exactly one journal event.

Services never touch business tables directly; they open ``store.write(operator)`` and call
``tx.insert`` / ``tx.update`` / ``tx.ledger`` / ``tx.event``. Every value written is copied into
the event's payload under ``rows`` ({table: {id: {column: value}}}), so the journal alone can
rebuild every business row. That is what lets `verify` catch a row edited behind our back, and
what the county center receives.

The seq is taken inside ``BEGIN IMMEDIATE``, so it is gapless even with several writers.

The write path speaks to the sqlite3 driver directly (``tx.db``), inside the same transaction as
``tx.conn``: building and executing a SQLAlchemy statement costs more than SQLite's own work for
these one-row statements, and check-in runs them on every scan. Reads and rarer writes use Core.
"""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from functools import lru_cache
from dataclasses import dataclass, fields
from typing import Iterator

from sqlalchemy import Connection, Engine

from station_app.core import county_config
from station_app.core import messages as m
from station_app.core.canonical import (GENESIS_HASH, canonical_json, derive_id,
                                        event_hash_over, event_id_after, refuse_floats)
from station_app.core.clock import local_date, to_utc_text, utc_offset_min
from station_app.core.errors import DiskFull, UserError, is_disk_full
from station_app.core.models import LedgerLine
from station_app.db.engine import WRITE_OPTION

RESERVED_PAYLOAD_KEYS = {"rows", "config_version"}
_CONFIG = "journal.county_config"  # a Tx.carry key: the configuration in force
_HEAD_SQL = "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1"
_OPEN_DRAWER = "SELECT business_date FROM drawer_session WHERE status = 'open'"
_LAST_Z_TODAY = "SELECT max(z_no) FROM drawer_session WHERE business_date = ? AND status = 'closed'"


@lru_cache(maxsize=None)
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


@lru_cache(maxsize=None)
def _update_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"UPDATE {table} SET {', '.join(c + ' = ?' for c in columns)} WHERE id = ?"


@lru_cache(maxsize=None)
def _column_names(model) -> tuple[frozenset, frozenset]:
    """(every column, the local ones): asked of SQLAlchemy once, not per value written."""
    columns = model.__table__.columns
    return (frozenset(c.name for c in columns),
            frozenset(c.name for c in columns if c.info.get("local")))


@dataclass(frozen=True)
class Event:
    seq: int
    event_id: str
    kind: str
    entity_id: str
    recorded_at: str
    utc_offset_min: int
    operator: str
    payload: dict
    prev_hash: str
    hash: str

    def as_json(self) -> dict:
        return {name: getattr(self, name) for name in _EVENT_FIELDS}


_EVENT_FIELDS = tuple(f.name for f in fields(Event))  # the journal's columns, in order
_EVENTS_SQL = (f"SELECT {', '.join(_EVENT_FIELDS)} FROM journal WHERE seq >= ? "
               "ORDER BY seq LIMIT ?")


class Tx:
    """One write transaction. Use only inside ``Store.write``."""

    def __init__(self, conn: Connection, seq: int, prev_hash: str, now, operator: str,
                 hints: dict | None, config: county_config.CountyConfig):
        self.conn = conn
        self.db = conn.connection.driver_connection  # the same connection, hence transaction
        self.seq = seq
        self.prev_hash = prev_hash
        self.now = now
        self.now_text = to_utc_text(now)
        self.offset_min = utc_offset_min(now)
        self.operator = operator
        self.event_id = event_id_after(prev_hash, seq)
        self._new_ids = 0
        self.rows: dict[str, dict[str, dict]] = {}
        self._event: tuple[str, str, dict] | None = None
        # What the transaction just before this one (seq - 1, same store) left for it; empty
        # when anything else wrote in between. ``carry`` is what this one leaves for the next.
        self.hints = hints or {}
        self._drawer_day: str | None = None
        self.carry: dict = {}
        # The county's rules this transaction works under; its version goes into the event.
        self.config = config
        self.carry[_CONFIG] = self.config

    def adopt_config(self, config) -> None:
        """From the next transaction on, ``config`` is in force (county_config.apply_config)."""
        self.carry[_CONFIG] = config

    @property
    def local_date(self) -> str:
        return local_date(self.now_text, self.offset_min).isoformat()

    def one(self, sql: str, params=()) -> tuple | None:
        """The first row of a driver-level query in this transaction (hot paths only)."""
        return self.db.execute(sql, params).fetchone()

    def _record(self, model, row_id: str, values: dict, keep_none: bool) -> None:
        known, local = _column_names(model)
        snapshot = self.rows.setdefault(model.__tablename__, {}).setdefault(row_id, {})
        for key, value in values.items():
            if key not in known:
                raise KeyError(f"{model.__tablename__} has no column {key!r}")
            if key in local:
                continue
            if isinstance(value, float):
                raise TypeError(f"{model.__tablename__}.{key}: floats are not stored; use integers")
            if value is None and not keep_none:
                continue
            snapshot[key] = value

    def insert(self, model, **values) -> str:
        if not model.__journaled__:
            raise TypeError(f"{model.__tablename__} is not a journaled table")
        if "id" not in values:
            values["id"] = derive_id(self.event_id, self._new_ids)
            self._new_ids += 1
        # Recorded first: an unknown column fails here, before any SQL is built from its name.
        self._record(model, values["id"], {k: v for k, v in values.items() if k != "id"},
                     keep_none=False)
        self.db.execute(_insert_sql(model.__tablename__, tuple(values)), tuple(values.values()))
        return values["id"]

    def update(self, model, row_id: str, **values) -> None:
        self._record(model, row_id, values, keep_none=True)
        cursor = self.db.execute(_update_sql(model.__tablename__, tuple(values)),
                                 (*values.values(), row_id))
        if cursor.rowcount != 1:
            raise LookupError(f"{model.__tablename__} {row_id} not found")

    def ledger(self, record_id: str, category: str, method: str, description: str,
               in_fen: int = 0, out_fen: int = 0, day: str | None = None) -> str:
        """One ledger line. Money moves only while the drawer of its day is open, so every line
        belongs to exactly one drawer session and its Z report; ``day`` is for the closing of
        an earlier day's drawer, whose over/short line belongs to that day."""
        if in_fen < 0 or out_fen < 0 or not isinstance(in_fen, int) or not isinstance(out_fen, int):
            raise ValueError("ledger amounts are non-negative integer fen")
        day = day or self.local_date
        if self._drawer_day != day:
            row = self.one(_OPEN_DRAWER)
            if row is None:
                raise self.drawer_not_open()
            if row[0] != day:
                raise UserError(m.DRAWER_FROM_EARLIER_DAY, date=row[0])
            self._drawer_day = day
        return self.insert(LedgerLine, seq=self.seq, record_id=record_id, date=day,
                           category=category, method=method, in_fen=in_fen, out_fen=out_fen,
                           description=description)

    def drawer_not_open(self) -> UserError:
        """Why money cannot move now, in words that say what to do: never opened today, or
        closed already (日结 done: a new session serves the customer)."""
        closed = self.one(_LAST_Z_TODAY, (self.local_date,))
        if closed and closed[0]:
            return UserError(m.DRAWER_CLOSED_TODAY, z=closed[0])
        return UserError(m.DRAWER_NOT_OPEN)

    def event(self, kind: str, entity_id: str, **info) -> None:
        if self._event is not None:
            raise RuntimeError("a transaction records exactly one journal event")
        if RESERVED_PAYLOAD_KEYS & info.keys():
            raise ValueError("'rows' is filled in by the transaction")
        self._event = (kind, entity_id, info)

    def _append(self) -> Event:
        if self._event is None:
            raise RuntimeError("a write transaction must record one journal event")
        kind, entity_id, info = self._event
        payload = {**info, "rows": self.rows} if self.rows else dict(info)
        if self.config.version:
            payload["config_version"] = self.config.version
        body = {"seq": self.seq, "event_id": self.event_id, "kind": kind, "entity_id": entity_id,
                "recorded_at": self.now_text, "utc_offset_min": self.offset_min,
                "operator": self.operator, "payload": payload}
        refuse_floats(info)  # row values were refused floats as they were recorded
        payload_json = canonical_json(payload, checked=True)
        digest = event_hash_over(self.prev_hash, body, payload_json)  # the rest is str and int
        row = {**body, "payload": payload_json.decode(), "prev_hash": self.prev_hash,
               "hash": digest}
        self.db.execute(_insert_sql("journal", tuple(row)), tuple(row.values()))
        return Event(**{**body, "prev_hash": self.prev_hash, "hash": digest})


class Store:
    """The station database as services see it: consistent reads and journaled writes."""

    def __init__(self, engine: Engine, clock):
        self.engine = engine
        self.clock = clock
        self._write_engine = engine.execution_options(**{WRITE_OPTION: True})
        # SQLite has one writer at a time anyway, so writes share one held connection: checking
        # one out of the pool per transaction cost more than its BEGIN and COMMIT together.
        # Reentrant, so a nested write fails at once in begin() instead of waiting forever.
        self._writer: Connection | None = None
        self._write_lock = threading.RLock()
        self._carried: tuple[int, dict] = (0, {})  # (seq, Tx.carry) of the last commit here
        self._config: county_config.CountyConfig | None = None

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def write(self, operator: str) -> Iterator[Tx]:
        with self._write_lock:
            conn = self._writer
            if conn is None or conn.closed or conn.invalidated:
                conn = self._writer = self._write_engine.connect()
            db = conn.connection.driver_connection
            # Begun and ended on the driver: SQLAlchemy's transaction bookkeeping cost as much
            # as a check-in's SQL. A service that runs Core inside joins this transaction
            # (engine._on_begin) and its commit or rollback then ends it.
            db.execute("BEGIN IMMEDIATE")
            try:
                last = db.execute(_HEAD_SQL).fetchone()
                seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
                carried_seq, hints = self._carried
                hints = hints if carried_seq == seq - 1 else None
                config = hints[_CONFIG] if hints else self._config_in(conn)
                tx = Tx(conn, seq, prev, self.clock.now(), operator, hints, config)
                yield tx
                tx.last_event = tx._append()
                if conn.in_transaction():
                    conn.commit()
                else:
                    db.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction():
                    conn.rollback()
                elif db.in_transaction:  # SQLite may have rolled back already (disk full)
                    db.execute("ROLLBACK")
                if is_disk_full(exc):
                    raise DiskFull() from exc
                raise
            self._carried = (seq, tx.carry)
            self._config = tx.carry[_CONFIG]

    def _config_in(self, conn: Connection) -> county_config.CountyConfig:
        """The configuration in force, re-read only when another process applied a newer one
        (when the last commit was this store's own, the carried one is current)."""
        version = county_config.stored_version(conn.connection.driver_connection)
        if self._config is None or self._config.version != version:
            self._config = county_config.load(conn)
        return self._config

    @property
    def config(self) -> county_config.CountyConfig:
        """The configuration in force as of this store's last look (GUI: no database work
        once the station is open; the sync runner applies new versions through this store)."""
        if self._config is None:
            with self.read() as conn:
                self._config_in(conn)
        return self._config

    def close(self) -> None:
        with self._write_lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None
        self.engine.dispose()

    def head(self) -> tuple[int, str]:
        with self.read() as conn:
            last = conn.exec_driver_sql(_HEAD_SQL).first()
        return (last.seq, last.hash) if last else (0, GENESIS_HASH)

    def events(self, from_seq: int = 1, batch: int = 1000) -> Iterator[Event]:
        """All events from ``from_seq`` in seq order, read in keyset pages (constant memory)."""
        for row in self._event_rows(from_seq, batch):
            yield Event(*row[:7], json.loads(row[7]), *row[8:])

    def event_dicts(self, from_seq: int = 1, batch: int = 1000) -> Iterator[dict]:
        """:meth:`events` as dicts of the journal's columns, the payload as its text (the
        canonical JSON it was hashed as): what the uploader sends, which reads the whole
        journal and has no use for the payload's objects or a frozen Event."""
        for row in self._event_rows(from_seq, batch):
            yield dict(zip(_EVENT_FIELDS, row))

    def _event_rows(self, from_seq: int, batch: int) -> Iterator[tuple]:
        """The journal's rows (payload as text) from ``from_seq`` in keyset pages."""
        next_seq = from_seq
        while True:
            with self.read() as conn:  # the driver's rows: sync reads the whole journal
                rows = conn.connection.driver_connection.execute(
                    _EVENTS_SQL, (next_seq, batch)).fetchall()
            if not rows:
                return
            yield from rows
            next_seq = rows[-1][0] + 1
