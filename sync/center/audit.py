"""The staff audit log: every staff action (sign-in and out, exports, stations added or revoked,
codes issued, configurations published, accounts changed), append-only and hash-chained.

Each row's hash covers its fields and the hash before it, so a row edited, removed or put in
afterwards breaks the chain from there on, and :func:`verify` names the first row that does
not hold. The log is written in the transaction of the action it records.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import Connection, func, insert, select, text

from station_app.core.canonical import GENESIS_HASH, canonical_json
from sync.center.schema import staff_audit

FIELDS = ("seq", "at", "username", "action", "target", "detail")


def row_hash(prev_hash: str, row: dict) -> str:
    body = canonical_json({name: row[name] for name in FIELDS})
    return hashlib.sha256(prev_hash.encode("ascii") + body).hexdigest()


def record(conn: Connection, at: str, username: str, action: str, target: str = "",
           detail: str = "") -> None:
    """Append one entry, in the caller's transaction. Appends queue (SQLite has one writer;
    on PostgreSQL the table is locked until the commit), so each takes the seq after the last."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("LOCK TABLE staff_audit IN SHARE ROW EXCLUSIVE MODE"))
    last = conn.execute(select(staff_audit.c.seq, staff_audit.c.hash)
                        .order_by(staff_audit.c.seq.desc()).limit(1)).first()
    seq, prev = (last.seq + 1, last.hash) if last else (1, GENESIS_HASH)
    row = {"seq": seq, "at": at, "username": username, "action": action,
           "target": target[:200], "detail": detail}
    conn.execute(insert(staff_audit).values(**row, prev_hash=prev, hash=row_hash(prev, row)))


@dataclass(frozen=True)
class Check:
    entries: int
    broken_at: int | None  # the first seq that does not hold, or None


def verify(conn: Connection) -> Check:
    prev, expected = GENESIS_HASH, 1
    rows = conn.execute(select(staff_audit).order_by(staff_audit.c.seq)).mappings()
    count = 0
    for row in rows:
        count += 1
        if row["seq"] != expected or row["prev_hash"] != prev or \
                row_hash(prev, dict(row)) != row["hash"]:
            return Check(count, row["seq"] if row["seq"] == expected else expected)
        prev, expected = row["hash"], expected + 1
    return Check(count, None)


def entries(conn: Connection, limit: int = 200, before: int | None = None) -> list[dict]:
    query = select(staff_audit).order_by(staff_audit.c.seq.desc()).limit(limit)
    if before is not None:
        query = query.where(staff_audit.c.seq < before)
    return [dict(r) for r in conn.execute(query).mappings()]


def count(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(staff_audit)).scalar()
