"""The center's database: opening it (SQLite file or PostgreSQL URL, migrated at open), the
center's own key, stations and their one-time enrollment codes, configuration documents, and
the reads county staff need (ledgers, station lag, flags).

Receiving batches is in :mod:`sync.center.ingest`.
"""

from __future__ import annotations

import hashlib
import logging
import json
import secrets
import threading
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Iterator

from sqlalchemy import (Connection, Engine, and_, bindparam, case, create_engine, func, insert,
                        select, update)
from sqlalchemy.event import listen

from station_app.core import county_config
from station_app.core.canonical import GENESIS_HASH, canonical_json
from station_app.core.clock import from_utc_text, to_utc_text, utc_now_text
from station_app.core.monthly import ENTRY_FIELDS, assemble_ledger, check_month, month_window_utc
from sync import protocol
from sync.center.schema import (center_setting, config, enrollment, event, flag, ledger_entry,
                                station)
from sync.protocol import ProtocolError

MIGRATIONS = Path(__file__).parent / "migrations"
DEFAULT_DB = "county-center.sqlite3"
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud over the phone
CODE_DAYS = 7
KEY_SETTING = "center_signing_key"
SERVER_THREADS = 40  # anyio's default worker threads, which run the API's database work


log = logging.getLogger(__name__)

# No wait on a row lock lasts longer (PostgreSQL): duplicates of a batch, blocked on its rows
# while it waits in Python for a turn they hold, used to stall every station's uploads for
# minutes (issue 20). Past it the statement fails, the batch is answered 503 busy (ingest), its
# turn comes free, and the station sends again.
LOCK_TIMEOUT_MS = 10_000


def engine_for(url: str) -> Engine:
    """A SQLite file (a path or sqlite:///path) with the station's pragmas, or PostgreSQL."""
    if url.startswith(("postgresql://", "postgres://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith("postgresql"):
        from sync.center import pg_arrays

        # As many kept connections as the server has worker threads (anyio's 40): with fewer,
        # 50 stations at once made the pool close and open a PostgreSQL session every few batches.
        engine = create_engine(url, pool_size=SERVER_THREADS, max_overflow=10, pool_pre_ping=True,
                               connect_args={"options": f"-c lock_timeout={LOCK_TIMEOUT_MS}"})
        # Each session learns the batch columns' array types once, not once per batch.
        listen(engine, "connect", lambda connection, _record: pg_arrays.register(connection))
        return engine
    from station_app.db.engine import make_engine

    path = url.removeprefix("sqlite:///")
    if "://" in path:
        raise ValueError(f"not a SQLite path or a PostgreSQL URL: {url}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return make_engine(path)


def migrate(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    with engine.connect() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """SQLite: BEGIN IMMEDIATE (one writer, queued); PostgreSQL: rows are locked as needed."""
    from station_app.db.engine import WRITE_OPTION

    with engine.connect() as conn:
        with conn.execution_options(**{WRITE_OPTION: True}).begin():
            yield conn


@dataclass(frozen=True)
class StationInfo:
    station_id: str
    name: str
    village: str
    status: str
    public_key: str | None
    hw_seq: int
    hw_hash: str
    last_seen_at: str | None


_LATEST_CONFIG = select(func.coalesce(func.max(config.c.version), 0))
# A station's row locked for a batch, and its new mark written (Center.station_lock, set_mark):
# built once, because building and keying a statement cost more than running it. The lock is
# FOR NO KEY UPDATE, the weakest that keeps the station's batches apart.
_BATCH_LOCK = (select(station.c.hw_seq, station.c.hw_hash, station.c.status, station.c.public_key,
                      _LATEST_CONFIG.scalar_subquery())
               .where(station.c.station_id == bindparam("station"))
               .with_for_update(of=station, key_share=True))
_NEW_MARK = (update(station).where(station.c.station_id == bindparam("station"))
             .values(hw_seq=bindparam("seq"), hw_hash=bindparam("hash"),
                     last_seen_at=bindparam("now")))
# The usual batch's mark moved on PostgreSQL in one statement (Center.advance_mark), if it
# follows the mark and the key and status still hold. The test is in SET, not WHERE: a row the
# statement's snapshot shows unmatched would be skipped without waiting for the station's
# previous batch to commit, while a row it updates is re-read after that wait.
_FOLLOWS = and_(station.c.hw_seq == bindparam("after_seq"),
                station.c.hw_hash == bindparam("after_hash"),
                station.c.status == "active", station.c.public_key == bindparam("key"))
_ADVANCE = (update(station).where(station.c.station_id == bindparam("station"))
            .values(hw_seq=case((_FOLLOWS, bindparam("seq")), else_=station.c.hw_seq),
                    hw_hash=case((_FOLLOWS, bindparam("hash")), else_=station.c.hw_hash),
                    last_seen_at=bindparam("now"))
            .returning(station.c.hw_seq, station.c.hw_hash, _LATEST_CONFIG.scalar_subquery()))
_STATION_COLUMNS = tuple(station.c[f] for f in StationInfo.__dataclass_fields__)


def code_hash(code: str) -> str:
    normal = code.strip().upper().replace("-", "").replace(" ", "")
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


class Turns:
    """At most ``size`` holders at once, served in the order they asked (a semaphore lets a
    newcomer overtake the threads it wakes, and a station's later batch its earlier one)."""

    def __init__(self, size: int):
        self._lock = threading.Lock()
        self._free = size
        self._waiting: deque[threading.Lock] = deque()

    def acquire(self, first: bool = False) -> None:
        """``first``: ahead of all who wait (a batch back from waiting, its work half done)."""
        with self._lock:
            if self._free and not self._waiting:
                self._free -= 1
                return
            handed = threading.Lock()
            handed.acquire()
            if first:
                self._waiting.appendleft(handed)
            else:
                self._waiting.append(handed)
        handed.acquire()  # released by the holder that hands its turn over

    def release(self) -> None:
        with self._lock:
            if self._waiting:
                self._waiting.popleft().release()
            else:
                self._free += 1

    def __enter__(self) -> None:
        self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


class _Station:
    """What this process knows of one station's batches: its own condition (on the shared
    lock), so a batch of one station wakes only the batches of that station."""

    def __init__(self, lock: threading.Lock):
        self.changed = threading.Condition(lock)
        self.open: dict[int, tuple[int, int] | None] = {}  # ticket: (from_seq, to_seq) decoded
        self.mark: int | None = None  # the mark as a batch last moved it here

    def earlier(self, ticket: int, from_seq: int) -> bool:
        """Another batch still undecoded, or starting before ``from_seq``."""
        return any(t != ticket and (span is None or span[0] < from_seq)
                   for t, span in self.open.items())

    def before(self, ticket: int, from_seq: int) -> bool:
        """Another batch, decoded, ending just before ``from_seq``."""
        return any(t != ticket and span is not None and span[1] == from_seq - 1
                   for t, span in self.open.items())


class Arrivals:
    """The batches of each station being received in this process.

    A station keeps a few batches in flight, and a later one can get here, or be decoded,
    first. On PostgreSQL, a batch whose predecessor is being stored here inserts its rows at
    once and then waits for that one to move the mark (ingest._store_next). A batch that
    finds a gap waits while another batch of its station is still undecoded or starts before
    it, instead of being answered as a gap. Only ordering aids: another process of the center
    does not see these, and there the gap answer stands (the station starts again from where
    the center says)."""

    WAIT_S = 30.0
    # Batches checked and stored at once. More only take turns at the interpreter's lock, and
    # cost more for it: 50 stations at once (100 batches in flight) went 10,041, 9,246 and
    # 11,189 events/s with no limit, 12,808, 13,759 and 14,075 with 6 (the center's CPU per
    # event 72-79 against 52-58 us), and a station's batches now come to their turn in order.
    AT_ONCE = 6

    def __init__(self, at_once: int = AT_ONCE):
        self._turns = Turns(at_once)
        self._lock = threading.Lock()
        self._next = 0
        self._stations: dict[str, _Station] = {}  # kept: a station's mark outlives its batches

    def _station(self, station_id: str) -> _Station:
        """Under the lock."""
        known = self._stations.get(station_id)
        if known is None:
            known = self._stations[station_id] = _Station(self._lock)
        return known

    @contextmanager
    def arrive(self, station_id: str) -> Iterator[int]:
        with self._lock:
            ticket, self._next = self._next, self._next + 1
            self._station(station_id).open[ticket] = None
        try:
            yield ticket
        finally:
            with self._lock:
                known = self._stations[station_id]
                del known.open[ticket]
                known.changed.notify_all()

    def decoded(self, station_id: str, ticket: int, from_seq: int, to_seq: int) -> None:
        with self._lock:
            known = self._stations[station_id]
            known.open[ticket] = (from_seq, to_seq)
            known.changed.notify_all()

    def marked(self, station_id: str, hw_seq: int) -> None:
        """The station's mark as a batch moved it (its commit may be still to come)."""
        with self._lock:
            known = self._station(station_id)
            known.mark = hw_seq
            known.changed.notify_all()

    def working(self) -> Turns:
        """A batch's turn to be checked and stored, one of AT_ONCE."""
        return self._turns

    def follows_mark(self, station_id: str, from_seq: int) -> bool:
        """Whether a batch starting at ``from_seq`` follows the station's mark as last moved
        here (or nothing is known of it here)."""
        with self._lock:
            mark = self._station(station_id).mark
        return mark is None or mark == from_seq - 1

    def before_open(self, station_id: str, ticket: int, from_seq: int) -> bool:
        """Whether the batch just before this one is decoded and being stored here."""
        with self._lock:
            return self._station(station_id).before(ticket, from_seq)

    def wait_for_earlier(self, station_id: str, ticket: int, from_seq: int) -> bool:
        """Wait until no other batch of the station could come before this one (still
        undecoded, or starting earlier); False if there was none, or it never finished."""
        with self._lock:
            if not self._stations[station_id].earlier(ticket, from_seq):
                return False
        return self._wait(station_id, lambda known: not known.earlier(ticket, from_seq))

    def wait_for_mark(self, station_id: str, ticket: int, from_seq: int) -> None:
        """Wait until the batch just before this one has moved the mark to ``from_seq - 1``
        (its commit may be still to come), or is no longer here."""
        self._wait(station_id, lambda known: known.mark == from_seq - 1
                   or not known.before(ticket, from_seq))

    def _wait(self, station_id: str, done) -> bool:
        """Wait until ``done(station)``, at most WAIT_S; whether it came. Called in a batch's
        turn (working), which it gives up while it waits: the batch it waits for may need it.
        A batch waits only for batches earlier in its station's chain, or not decoded yet
        (which wait for nothing): the waits cannot go round in a circle."""
        self._turns.release()
        try:
            with self._lock:
                return self._stations[station_id].changed.wait_for(
                    lambda: done(self._stations[station_id]), self.WAIT_S)
        finally:
            self._turns.acquire(first=True)


class Center:
    def __init__(self, engine: Engine, key: bytes, now=utc_now_text):
        self.engine = engine
        self.key = key  # the center's Ed25519 private key: signs acks, answers and configs
        self.now = now
        self.dialect = engine.dialect.name
        self.arrivals = Arrivals()
        self._batch_keys: dict[str, str] = {}  # station: the key its last batch held under

    # --- transactions ---------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def write(self):
        return write_transaction(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    @property
    def public_key(self) -> str:
        return protocol.public_key_of(self.key)

    # --- stations and enrollment ----------------------------------------------------------
    def add_station(self, station_id: str, name: str, village: str = "") -> str:
        """Register a station, or give one not enrolled yet a new code, and return its one-time
        code. An enrolled station keeps its key: replacing it is :meth:`rekey_station`."""
        station_id, name = station_id.strip(), name.strip()
        if not station_id or len(station_id) > 40 or not name:
            raise ValueError("a station needs an id (at most 40 characters) and a name")
        now = self.now()
        with self.write() as conn:
            found = conn.execute(select(station.c.public_key)
                                 .where(station.c.station_id == station_id)).first()
            if found is not None and found.public_key is not None:
                raise ValueError(f"station {station_id} is enrolled already; to give it a new "
                                 "key (a new PC), use rekey-station")
            if found is not None:
                conn.execute(update(station).where(station.c.station_id == station_id)
                             .values(name=name, village=village))
            else:
                conn.execute(insert(station).values(
                    station_id=station_id, name=name, village=village, status="pending",
                    created_at=now, hw_seq=0, hw_hash=GENESIS_HASH))
            return self._new_code(conn, station_id, now)

    def rekey_station(self, station_id: str) -> str:
        """A staff decision (the station's PC was replaced): its key is dropped, every code it
        had is void, and the new one-time code returned is the only way back in."""
        now = self.now()
        with self.write() as conn:
            info = self._station_row(conn, station_id.strip(), lock=True)
            if info.status == "revoked":
                raise ValueError(f"station {info.station_id} is revoked")
            conn.execute(update(station).where(station.c.station_id == info.station_id)
                         .values(public_key=None, status="pending"))
            code = self._new_code(conn, info.station_id, now)
        log.warning("station %s re-keyed by staff: its old key no longer signs", info.station_id)
        return code

    def _new_code(self, conn: Connection, station_id: str, now: str) -> str:
        """A new one-time code; the station's older unused ones expire now (an old card or
        QR code found in a drawer can no longer enroll anyone)."""
        conn.execute(update(enrollment).where(enrollment.c.station_id == station_id,
                                              enrollment.c.used_at.is_(None),
                                              enrollment.c.expires_at > now)
                     .values(expires_at=now))
        code = new_code()
        conn.execute(insert(enrollment).values(
            code_hash=code_hash(code), station_id=station_id, created_at=now,
            expires_at=to_utc_text(from_utc_text(now) + timedelta(days=CODE_DAYS))))
        return code

    def revoke_station(self, station_id: str) -> None:
        with self.write() as conn:
            done = conn.execute(update(station).where(station.c.station_id == station_id)
                                .values(status="revoked")).rowcount
        if not done:
            raise ProtocolError(404, "unknown_station", f"no station {station_id}")

    def enroll(self, station_id: str, code: str, public_key: str) -> dict:
        """Bind the station's key with its one-time code; answer signed by the center's key."""
        if not isinstance(public_key, str) or len(protocol.unb64(public_key)) != 32:
            raise ProtocolError(400, "malformed", "public_key must be a raw Ed25519 key")
        now = self.now()
        with self.write() as conn:
            row = conn.execute(select(enrollment).where(
                enrollment.c.code_hash == code_hash(code),
                enrollment.c.station_id == station_id).with_for_update()).mappings().first()
            if row is None:
                raise ProtocolError(403, "bad_code", "this code is not one issued for that station")
            if row["used_at"] is not None:
                raise ProtocolError(403, "used_code", "this code has already been used")
            if row["expires_at"] <= now:
                raise ProtocolError(403, "expired_code", "this code has expired; ask for a new one")
            info = self._station_row(conn, station_id, lock=True)
            if info.status == "revoked":
                raise ProtocolError(403, "revoked", f"station {station_id} is revoked")
            if info.public_key is not None:  # a code never re-keys: that is a staff action
                raise ProtocolError(403, "already_enrolled",
                                    f"station {station_id} is enrolled already")
            conn.execute(update(enrollment).where(enrollment.c.code_hash == row["code_hash"])
                         .values(used_at=now))
            conn.execute(update(station).where(station.c.station_id == station_id)
                         .values(public_key=public_key, status="active", enrolled_at=now))
        return protocol.sign_document(self.key, {
            "station_id": station_id, "name": info.name, "center_public_key": self.public_key,
            "hw_seq": info.hw_seq, "hw_hash": info.hw_hash, "server_time": now})

    def _station_row(self, conn: Connection, station_id: str, lock: bool = False) -> StationInfo:
        query = select(*_STATION_COLUMNS).where(
            station.c.station_id == station_id)
        if lock:
            query = query.with_for_update()
        row = conn.execute(query).first()
        if row is None:
            raise ProtocolError(401, "unknown_station", f"no station {station_id} here")
        return StationInfo(*row)

    def station(self, station_id: str) -> StationInfo:
        with self.read() as conn:
            return self._station_row(conn, station_id)

    def stations(self) -> list[StationInfo]:
        with self.read() as conn:
            rows = conn.execute(select(*_STATION_COLUMNS)
                                .order_by(station.c.station_id)).all()
        return [StationInfo(*r) for r in rows]

    def authenticate(self, station_id: str, method: str, path: str, body: bytes,
                     signature: str | None) -> StationInfo:
        """The station, if the request is its own; 401/403 otherwise."""
        info = self.station(station_id)
        if info.status == "revoked":
            raise ProtocolError(403, "revoked", f"station {station_id} is revoked")
        if info.public_key is None:
            raise ProtocolError(403, "not_enrolled", f"station {station_id} has not enrolled")
        protocol.check_request(info.public_key, method, path, body, signature)
        return info

    def batch_signer(self, station_id: str, path: str, body: bytes,
                     signature: str | None) -> str:
        """The station key a batch is signed with; 401/403 if it is not the station's own.

        A station sends hundreds of batches in a row, so the key a batch last held under is
        kept here, and only a signature it does not hold sends us to the database. Whoever
        stores the batch checks the key and the station's status again under the station's
        lock (``station_lock``): a revocation or re-enrollment by another process still counts."""
        key = self._batch_keys.get(station_id)
        if key is not None:
            try:
                protocol.check_request(key, "POST", path, body, signature)
                return key
            except ProtocolError:
                pass  # re-enrolled since, perhaps: the database says
        key = self.authenticate(station_id, "POST", path, body, signature).public_key
        self._batch_keys[station_id] = key
        return key

    def station_lock(self, conn: Connection, station_id: str, key: str) -> tuple[int, str, int]:
        """Lock the station's row for a batch signed with ``key``: its (hw_seq, hw_hash) and
        the newest configuration version, or 401/403 if the key is no longer the station's."""
        hw_seq, hw_hash, status, public_key, config_version = conn.execute(
            _BATCH_LOCK, {"station": station_id}).one()
        if status != "active" or public_key != key:
            self._batch_keys.pop(station_id, None)
            if status == "revoked":
                raise ProtocolError(403, "revoked", f"station {station_id} is revoked")
            raise ProtocolError(401, "bad_signature", "the station's key has changed")
        return hw_seq, hw_hash, config_version

    @staticmethod
    def set_mark(conn: Connection, station_id: str, hw_seq: int, hw_hash: str, now: str) -> None:
        conn.execute(_NEW_MARK, {"station": station_id, "seq": hw_seq, "hash": hw_hash, "now": now})

    @staticmethod
    def advance_mark(conn: Connection, station_id: str, key: str, batch: protocol.Batch,
                     now: str) -> int | None:
        """Move the mark over ``batch`` if the batch follows it (and ``key`` is still the
        active station's), waiting for the station's row: the newest configuration version if
        the mark then stands at the batch's end, else None (the caller rolls back). The caller
        has inserted the batch's events first, which fails for a batch held already."""
        hw_seq, hw_hash, config_version = conn.execute(_ADVANCE, {
            "station": station_id, "key": key, "after_seq": batch.from_seq - 1,
            "after_hash": batch.prev_hash, "seq": batch.to_seq, "hash": batch.head_hash,
            "now": now}).one()
        return config_version if (hw_seq, hw_hash) == (batch.to_seq, batch.head_hash) else None

    def ack(self, station_id: str, hw_seq: int, hw_hash: str,
            config_version: int | None = None) -> dict:
        """``config_version``: read already (in the batch's own transaction)."""
        if config_version is None:
            config_version = self.config_version()
        return protocol.make_ack(self.key, station_id, hw_seq, hw_hash, self.now(),
                                 config_version)

    # --- configuration going down ---------------------------------------------------------
    def config_version(self) -> int:
        with self.read() as conn:
            return conn.execute(_LATEST_CONFIG).scalar()

    def publish_config(self, body: dict) -> int:
        """A new signed version of the county's configuration; stations fetch the newest.
        Only a body every station would apply is published (ConfigError names what is wrong)."""
        county_config.parse_body(body)
        canonical_json(body)  # refuses floats: fees are integer fen here too
        with self.write() as conn:
            version = conn.execute(_LATEST_CONFIG).scalar() + 1
            issued = self.now()
            document = protocol.make_config(self.key, version, issued, body)
            conn.execute(insert(config).values(version=version, issued_at=issued,
                                               document=canonical_json(document).decode()))
        return version

    def config_document(self) -> dict | None:
        with self.read() as conn:
            text = conn.execute(select(config.c.document).order_by(config.c.version.desc())
                                .limit(1)).scalar()
        return json.loads(text) if text else None

    # --- what county staff read -----------------------------------------------------------
    def ledger(self, station_id: str, month: str) -> dict:
        """The same document `station-app ledger --month M --format json` prints on the station."""
        first, nxt = check_month(month)
        lo, hi = month_window_utc(month)
        with self.read() as conn:
            self._station_row(conn, station_id)
            rows = conn.execute(
                select(*(ledger_entry.c[f] for f in ENTRY_FIELDS))
                .where(ledger_entry.c.station_id == station_id, ledger_entry.c.date >= first,
                       ledger_entry.c.date < nxt)
                .order_by(ledger_entry.c.seq, ledger_entry.c.line_id)).all()
            kind_times = conn.execute(
                select(event.c.kind, event.c.recorded_at, event.c.utc_offset_min)
                .where(event.c.station_id == station_id, event.c.recorded_at >= lo,
                       event.c.recorded_at < hi)).all()
        return assemble_ledger(station_id, month, rows, kind_times)

    def events(self, station_id: str, from_seq: int = 1, limit: int = 1000) -> list[dict]:
        with self.read() as conn:
            rows = conn.execute(select(event).where(event.c.station_id == station_id,
                                                    event.c.seq >= from_seq)
                                .order_by(event.c.seq).limit(limit)).mappings().all()
        return [{**r, "payload": json.loads(r["payload"])} for r in rows]

    def flags(self, station_id: str | None = None) -> list[dict]:
        query = select(flag).order_by(flag.c.id)
        if station_id is not None:
            query = query.where(flag.c.station_id == station_id)
        with self.read() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def record_flag(self, station_id: str, seq: int | None, kind: str, detail: str) -> None:
        """Once per (station, seq, kind): a station retrying forever must not flood the list."""
        with self.write() as conn:
            seen = conn.execute(select(flag.c.id).where(
                flag.c.station_id == station_id, flag.c.seq == seq, flag.c.kind == kind)).first()
            if seen is None:
                conn.execute(insert(flag).values(station_id=station_id, seq=seq, kind=kind,
                                                 detail=detail, created_at=self.now()))


def open_center(url: str = DEFAULT_DB, now=utc_now_text) -> Center:
    """The center on ``url``, migrated to the newest schema (a no-op when it is there)."""
    engine = engine_for(url)
    try:
        migrate(engine)
        key = _center_key(engine)
    except BaseException:
        engine.dispose()
        raise
    return Center(engine, key, now)


def _center_key(engine: Engine) -> bytes:
    """The center's key, made the first time the database is opened."""
    with write_transaction(engine) as conn:
        value = conn.execute(select(center_setting.c.value)
                             .where(center_setting.c.key == KEY_SETTING)).scalar()
        if value is None:
            value = protocol.new_private_key().hex()
            conn.execute(insert(center_setting).values(key=KEY_SETTING, value=value))
    return bytes.fromhex(value)
