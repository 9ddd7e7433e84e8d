"""The center's database: opening it (SQLite file or PostgreSQL URL, migrated at open), the
center's own key, stations and their one-time enrollment codes, configuration documents, and
the reads county staff need (ledgers, station lag, flags).

Receiving batches is in :mod:`sync.center.ingest`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
import secrets
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Iterator

from sqlalchemy import (Connection, Engine, bindparam, create_engine, delete, func, insert,
                        select, update)
from sqlalchemy.exc import IntegrityError

from station_app.core import county_config
from station_app.core.canonical import GENESIS_HASH, canonical_json
from station_app.core.clock import from_utc_text, to_utc_text, utc_now_text
from station_app.core.monthly import ENTRY_FIELDS, assemble_ledger, check_month, month_window_utc
from sync import protocol
from sync.center import audit, keyfile
from sync.center.county_time import local_day
from sync.center.schema import (center_setting, config, enrollment, enrollment_attempt, event,
                                flag, ledger_entry, request_nonce, station,
                                station_contact)
from sync.protocol import ProtocolError

MIGRATIONS = Path(__file__).parent / "migrations"
DEFAULT_DB = "county-center.sqlite3"
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud over the phone
CODE_DAYS = 7
# Failed enrollments allowed per window, from one address and for one station: a code is 8
# characters of 32 (10^12 codes), so this makes guessing hopeless, and a keeper's typos cost
# a quarter of an hour at worst.
ENROLL_WINDOW = timedelta(minutes=15)
ENROLL_LIMITS = {"address": 20, "station": 10}
KEY_SETTING = "center_signing_key"  # where centers before the key file kept it
PUBLIC_KEY_SETTING = "center_public_key"
SERVER_THREADS = 40  # anyio's default worker threads, which run the API's database work


log = logging.getLogger(__name__)

# No wait on a row lock, no statement and no transaction left idle lasts longer (PostgreSQL):
# duplicates of a batch once stalled every station's uploads for minutes (issue 20). Past a
# limit the statement fails, the batch is answered 503 busy (ingest), and the station sends
# it again.
LOCK_TIMEOUT_MS = 10_000
STATEMENT_TIMEOUT_MS = 30_000
IDLE_IN_TRANSACTION_MS = 60_000
# /health calls the center stalled when a batch has been in its transaction longer than this.
STALLED_S = 2 * STATEMENT_TIMEOUT_MS / 1000


def is_postgresql(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://", "postgresql+"))


def engine_for(url: str, create: bool = False) -> Engine:
    """A SQLite file (a path or sqlite:///path) with the station's pragmas, or PostgreSQL.
    ``create``: make the SQLite file's folder if it is missing."""
    if url.startswith(("postgresql://", "postgres://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith("postgresql"):
        options = (f"-c lock_timeout={LOCK_TIMEOUT_MS} -c statement_timeout={STATEMENT_TIMEOUT_MS}"
                   f" -c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS}")
        # As many kept connections as the server has worker threads (anyio's 40): with fewer,
        # 50 stations at once made the pool close and open a PostgreSQL session every few batches.
        return create_engine(url, pool_size=SERVER_THREADS, max_overflow=10, pool_pre_ping=True,
                             connect_args={"options": options})
    from station_app.db.engine import make_engine

    path = url.removeprefix("sqlite:///")
    if "://" in path:
        raise ValueError(f"not a SQLite path or a PostgreSQL URL: {url}")
    path = Path(path)
    if create:
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
    township: str
    status: str
    public_key: str | None
    hw_seq: int
    hw_hash: str
    last_seen_at: str | None
    reported_head: int = 0
    config_version: int = 0


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
                     last_seen_at=bindparam("now"), reported_head=bindparam("head")))
_STATION_COLUMNS = tuple(station.c[f] for f in StationInfo.__dataclass_fields__)


def retry_after(conn: Connection, at_column, key_column, value: str, limit: int, since: str,
                window: timedelta, now: str) -> int | None:
    """If ``limit`` failed attempts for ``value`` were made after ``since``: the seconds until
    the oldest of them leaves the ``window`` (a 429's Retry-After). None while under it."""
    times = conn.execute(select(at_column).where(key_column == value, at_column > since)
                         .order_by(at_column).limit(limit)).scalars().all()
    if len(times) < limit:
        return None
    wait = from_utc_text(times[0]) + window - from_utc_text(now)
    return max(1, math.ceil(wait.total_seconds()))


def code_hash(code: str) -> str:
    normal = code.strip().upper().replace("-", "").replace(" ", "")
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


class BatchWatch:
    """Batches in their storing transaction in this process, and the last one stored: what
    /health reports, so a stall is seen even while the process itself answers."""

    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._lock = threading.Lock()
        self._started: dict[int, float] = {}  # one entry per batch in flight, by its token
        self._next = 0
        self.stored = 0
        self.last_stored: float | None = None

    @contextmanager
    def storing(self) -> Iterator[None]:
        with self._lock:
            token, self._next = self._next, self._next + 1
            self._started[token] = self._clock()
        ok = False
        try:
            yield
            ok = True
        finally:
            with self._lock:
                del self._started[token]
                if ok:
                    self.stored += 1
                    self.last_stored = self._clock()

    def report(self) -> dict:
        with self._lock:
            now = self._clock()
            oldest = max((now - t for t in self._started.values()), default=0.0)
            return {"storing": len(self._started), "oldest_s": round(oldest, 1),
                    "stored": self.stored,
                    "since_last_stored_s": None if self.last_stored is None
                    else round(now - self.last_stored, 1),
                    "stalled": oldest > STALLED_S}


class Center:
    def __init__(self, engine: Engine, key: bytes, now=utc_now_text):
        self.engine = engine
        self.key = key  # the center's Ed25519 private key: signs acks, answers and configs
        self.now = now
        self.dialect = engine.dialect.name
        self.batches = BatchWatch()

    # --- transactions ---------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def write(self):
        return write_transaction(self.engine)

    def storing(self):
        """Around a batch's storing transaction (ingest): watched for /health."""
        return self.batches.storing()

    def health(self) -> dict:
        """Whether this process stores batches: the database answers, and no batch has been in
        its transaction past STALLED_S."""
        report = self.batches.report()
        try:
            with self.read() as conn:
                conn.execute(select(1)).scalar()
            report["database"] = "ok"
        except Exception as exc:  # noqa: BLE001 - any failure is the answer here
            report["database"] = f"unreachable: {type(exc).__name__}"
        report["status"] = "ok" if report["database"] == "ok" and not report["stalled"] \
            else "stalled"
        return report

    def close(self) -> None:
        self.engine.dispose()

    @property
    def public_key(self) -> str:
        return protocol.public_key_of(self.key)

    @property
    def fingerprint(self) -> str:
        return protocol.key_fingerprint(self.public_key)

    # --- stations and enrollment ----------------------------------------------------------
    def add_station(self, station_id: str, name: str, village: str = "",
                    township: str = "", by: str = "cli") -> str:
        """Register a station, or give one not enrolled yet a new code, and return its one-time
        code. An enrolled station keeps its key: replacing it is :meth:`rekey_station`."""
        station_id, name = station_id.strip(), name.strip()
        if not re.fullmatch(protocol.STATION_ID, station_id) or not name:
            raise ValueError("a station needs a name, and an id of 1 to 40 characters among "
                             "A-Z a-z 0-9 . _ - (as 610102-001): stations send it in every "
                             "request")
        now = self.now()
        with self.write() as conn:
            found = conn.execute(select(station.c.public_key)
                                 .where(station.c.station_id == station_id)).first()
            if found is not None and found.public_key is not None:
                raise ValueError(f"station {station_id} is enrolled already; to give it a new "
                                 "key (a new PC), use rekey-station")
            if found is not None:
                conn.execute(update(station).where(station.c.station_id == station_id)
                             .values(name=name, village=village, township=township))
            else:
                conn.execute(insert(station).values(
                    station_id=station_id, name=name, village=village, township=township,
                    status="pending",
                    created_at=now, hw_seq=0, hw_hash=GENESIS_HASH))
            audit.record(conn, now, by, "station.add" if found is None else "station.code",
                         station_id, " ".join(filter(None, (name, township, village))))
            return self._new_code(conn, station_id, now)

    def rekey_station(self, station_id: str, by: str = "cli") -> str:
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
            audit.record(conn, now, by, "station.rekey", info.station_id)
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

    def revoke_station(self, station_id: str, by: str = "cli", reason: str = "") -> None:
        now = self.now()
        with self.write() as conn:
            done = conn.execute(update(station).where(station.c.station_id == station_id)
                                .values(status="revoked")).rowcount
            if not done:
                raise ProtocolError(404, "unknown_station", f"no station {station_id}")
            audit.record(conn, now, by, "station.revoke", station_id, reason)

    def set_township(self, station_id: str, township: str, by: str) -> None:
        now = self.now()
        with self.write() as conn:
            before = conn.execute(select(station.c.township)
                                  .where(station.c.station_id == station_id)).scalar()
            if before is None:
                raise ProtocolError(404, "unknown_station", f"no station {station_id}")
            conn.execute(update(station).where(station.c.station_id == station_id)
                         .values(township=township))
            audit.record(conn, now, by, "station.township", station_id,
                         f"{before or '—'} → {township or '—'}")

    def enroll(self, station_id: str, code: str, public_key: str,
               address: str = "local") -> dict:
        """Bind the station's key with its one-time code; answer signed by the center's key.
        Failures are counted per ``address`` (the caller's) and per station, recorded and
        logged; past ENROLL_LIMITS in ENROLL_WINDOW further attempts are refused with 429
        before any code is looked at."""
        now = self.now()
        self._check_attempts(address, station_id, now)
        try:
            return self._enroll(station_id, code, public_key, now)
        except ProtocolError as exc:
            with self.write() as conn:
                conn.execute(insert(enrollment_attempt).values(
                    at=now, address=address[:64], station_id=station_id[:40], outcome=exc.code))
            log.warning("enrollment refused (%s): station %r from %s", exc.code, station_id,
                        address)
            raise

    def _check_attempts(self, address: str, station_id: str, now: str) -> None:
        """429 past the limits. A station's count starts again with each code staff issue
        for it: someone spamming its id cannot keep the keeper from a new code."""
        since = to_utc_text(from_utc_text(now) - ENROLL_WINDOW)
        with self.read() as conn:
            issued = conn.execute(select(func.max(enrollment.c.created_at))
                                  .where(enrollment.c.station_id == station_id)).scalar()
            for column, value, limit, after in (
                    (enrollment_attempt.c.address, address, ENROLL_LIMITS["address"], since),
                    (enrollment_attempt.c.station_id, station_id, ENROLL_LIMITS["station"],
                     max(since, issued or since))):
                wait = retry_after(conn, enrollment_attempt.c.at, column, value, limit, after,
                                   ENROLL_WINDOW, now)
                if wait is not None:
                    log.warning("enrollment attempts over the limit: station %r from %s",
                                station_id, address)
                    raise ProtocolError(429, "too_many_attempts",
                                        f"too many failed attempts; try again in "
                                        f"{math.ceil(wait / 60)} min", retry_after=wait)

    def _enroll(self, station_id: str, code: str, public_key: str, now: str) -> dict:
        if not isinstance(public_key, str) or len(protocol.unb64(public_key)) != 32:
            raise ProtocolError(400, "malformed", "public_key must be a raw Ed25519 key")
        with self.write() as conn:
            row = conn.execute(select(enrollment).where(
                enrollment.c.code_hash == code_hash(code),
                enrollment.c.station_id == station_id).with_for_update()).mappings().first()
            if row is None:
                raise ProtocolError(403, "bad_code", "this code is not one issued for that station")
            if row["used_at"] is not None:
                raise ProtocolError(403, "used_code", "this code has already been used")
            if row["expires_at"] <= now:
                newer = conn.execute(select(enrollment.c.code_hash).where(
                    enrollment.c.station_id == station_id,
                    enrollment.c.created_at > row["created_at"]).limit(1)).first()
                if newer is not None:
                    raise ProtocolError(403, "replaced_code", "a newer code was issued for this "
                                        "station since: use the newest one")
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
                     signature: str | None,
                     fresh: protocol.Freshness | None = None) -> StationInfo:
        """The station, if the request is its own; 401/403 otherwise. ``fresh``: an HTTP
        request's signed time and nonce; its time must be within REQUEST_WINDOW_S of ours
        (401 stale_request, with our time, otherwise). Its nonce is spent by the caller, in
        the transaction of whatever the request changes (spend_nonce)."""
        info = self.station(station_id)
        if info.status == "revoked":
            raise ProtocolError(403, "revoked", f"station {station_id} is revoked")
        if info.public_key is None:
            raise ProtocolError(403, "not_enrolled", f"station {station_id} has not enrolled")
        protocol.check_request(info.public_key, method, path, body, signature, fresh)
        if fresh is not None:
            now = self.now()
            try:
                off = abs((from_utc_text(fresh.when) - from_utc_text(now)).total_seconds())
            except ValueError:
                off = None
            if off is None or off > protocol.REQUEST_WINDOW_S:
                raise ProtocolError(401, "stale_request", "the request's time is not the "
                                    "center's; sign it again with server_time",
                                    server_time=now)
        return info

    def spend_nonce(self, conn: Connection, station_id: str,
                    fresh: protocol.Freshness | None) -> None:
        """Keep a request's nonce until its window has passed; 401 replayed if it was kept
        already (the caller's transaction then rolls back: a replay changes nothing)."""
        if fresh is None:
            return
        expires = to_utc_text(from_utc_text(fresh.when)
                              + timedelta(seconds=2 * protocol.REQUEST_WINDOW_S))
        try:
            conn.execute(insert(request_nonce).values(station_id=station_id,
                                                      nonce=fresh.nonce, expires_at=expires))
        except IntegrityError:
            raise ProtocolError(401, "replayed", "this request was received already") from None

    def seen(self, station_id: str, fresh: protocol.Freshness | None) -> None:
        """A fresh signed request from the station (head, config): its nonce spent, its
        "last seen" moved, the day counted, and its nonces whose window has passed let go."""
        now = self.now()
        with self.write() as conn:
            self.spend_nonce(conn, station_id, fresh)
            conn.execute(update(station).where(station.c.station_id == station_id)
                         .values(last_seen_at=now))
            self.contact_day(conn, station_id, now)
            conn.execute(delete(request_nonce).where(request_nonce.c.station_id == station_id,
                                                     request_nonce.c.expires_at < now))

    def station_lock(self, conn: Connection, station_id: str, key: str) -> tuple[int, str, int]:
        """Lock the station's row for a batch signed with ``key``: its (hw_seq, hw_hash) and
        the newest configuration version, or 401/403 if the key is no longer the station's."""
        hw_seq, hw_hash, status, public_key, config_version = conn.execute(
            _BATCH_LOCK, {"station": station_id}).one()
        if status != "active" or public_key != key:
            if status == "revoked":
                raise ProtocolError(403, "revoked", f"station {station_id} is revoked")
            raise ProtocolError(401, "bad_signature", "the station's key has changed")
        return hw_seq, hw_hash, config_version

    @staticmethod
    def set_mark(conn: Connection, station_id: str, hw_seq: int, hw_hash: str, now: str,
                 station_head: int = 0, config_version: int | None = None) -> None:
        """The new mark, with what the batch said of the station: its head (never below the
        mark) and the configuration version it applied last, if it applied one."""
        conn.execute(_NEW_MARK, {"station": station_id, "seq": hw_seq, "hash": hw_hash,
                                 "now": now, "head": max(hw_seq, station_head)})
        if config_version is not None:
            conn.execute(update(station).where(station.c.station_id == station_id)
                         .values(config_version=config_version))
        Center.contact_day(conn, station_id, now)

    @staticmethod
    def contact_day(conn: Connection, station_id: str, now: str) -> None:
        """The county's day of ``now`` among the station's days of contact (once a day)."""
        row = {"station_id": station_id, "day": local_day(now)}
        if conn.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            conn.execute(pg_insert(station_contact).values(**row).on_conflict_do_nothing())
        else:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            conn.execute(sqlite_insert(station_contact).values(**row).on_conflict_do_nothing())

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

    def publish_config(self, body: dict, by: str = "cli") -> int:
        """A new signed version of the county's configuration; stations fetch the newest.
        Only a body every station would apply is published (ConfigError names what is wrong)."""
        county_config.parse_body(body)
        canonical_json(body)  # refuses floats: fees are integer fen here too
        with self.write() as conn:
            version = conn.execute(_LATEST_CONFIG).scalar() + 1
            issued = self.now()
            previous = conn.execute(select(config.c.document)
                                    .where(config.c.version == version - 1)).scalar()
            before = json.loads(previous)["body"] if previous else {}
            changed = sorted(k for k in set(before) | set(body) if before.get(k) != body.get(k))
            document = protocol.make_config(self.key, version, issued, body)
            conn.execute(insert(config).values(version=version, issued_at=issued,
                                               document=canonical_json(document).decode()))
            audit.record(conn, issued, by, "config.publish", f"v{version}", ", ".join(changed))
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
                       event.c.recorded_at < hi,
                       event.c.seq.not_in(  # content the center could not read counts nowhere
                           select(flag.c.seq).where(flag.c.station_id == station_id,
                                                    flag.c.kind == "uninterpretable")))).all()
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


class NoDatabase(ValueError):
    """A command other than ``init`` named a database that is not a county center's."""


def _has_schema(engine: Engine) -> bool:
    from sqlalchemy import inspect

    return inspect(engine).has_table("center_setting")


def init_center(url: str, key_file: Path | None = None, now=utc_now_text) -> Center:
    """Create the county center's database (a SQLite file, or the tables in an existing
    PostgreSQL database) and its signing key file; ValueError if either is there already."""
    key_file = key_file or keyfile.default_key_file(url)
    if not is_postgresql(url) and Path(url.removeprefix("sqlite:///")).exists():
        raise ValueError(f"{url} exists already: `init` only creates a new county center")
    if key_file.exists():
        raise ValueError(f"the key file {key_file} exists already: it belongs to another "
                         "center (move it away, or name another with --key-file)")
    engine = engine_for(url, create=True)
    try:
        if _has_schema(engine):
            raise ValueError(f"{engine.url.render_as_string()} holds a county center already")
        migrate(engine)
        key = protocol.new_private_key()
        with write_transaction(engine) as conn:
            conn.execute(insert(center_setting).values(key=PUBLIC_KEY_SETTING,
                                                       value=protocol.public_key_of(key)))
        keyfile.write_key(key_file, key)
    except BaseException:
        engine.dispose()
        raise
    return Center(engine, key, now)


def open_center(url: str = DEFAULT_DB, key_file: Path | None = None,
                now=utc_now_text) -> Center:
    """The center on ``url``, migrated to the newest schema (a no-op when it is there), with
    its key from ``key_file``; NoDatabase if there is no county center there (only
    :func:`init_center` creates one: a mistyped --db must not start a new county)."""
    if not is_postgresql(url) and not Path(url.removeprefix("sqlite:///")).is_file():
        raise NoDatabase(f"no county center database at {url}; create one with "
                         f"`county-center --db {url} init`")
    engine = engine_for(url)
    try:
        if not _has_schema(engine):
            raise NoDatabase(f"{engine.url.render_as_string()} holds no county center; create "
                             f"one with `county-center --db URL init`")
        migrate(engine)
        key = _center_key(engine, key_file or keyfile.default_key_file(url))
    except BaseException:
        engine.dispose()
        raise
    return Center(engine, key, now)


def _center_key(engine: Engine, key_file: Path) -> bytes:
    """The key from its file, checked against the public half the database records. A center
    from before the key file (its private key in a table) has it moved out to the file."""
    with write_transaction(engine) as conn:
        settings = dict(conn.execute(select(center_setting.c.key, center_setting.c.value)).all())
        legacy = settings.get(KEY_SETTING)
        if legacy is not None:
            if not key_file.exists():
                keyfile.write_key(key_file, bytes.fromhex(legacy))
            conn.execute(delete(center_setting).where(center_setting.c.key == KEY_SETTING))
            if PUBLIC_KEY_SETTING not in settings:
                settings[PUBLIC_KEY_SETTING] = protocol.public_key_of(bytes.fromhex(legacy))
                conn.execute(insert(center_setting).values(
                    key=PUBLIC_KEY_SETTING, value=settings[PUBLIC_KEY_SETTING]))
            log.warning("the center's key moved out of the database into %s", key_file)
    key = keyfile.read_key(key_file)
    if protocol.public_key_of(key) != settings.get(PUBLIC_KEY_SETTING):
        raise keyfile.KeyFileError(f"the key in {key_file} is not this center's (its stations "
                                   "would refuse what it signs)")
    return key
