"""The center's tables, in SQLAlchemy Core: the same on SQLite and PostgreSQL.

Events are stored as the station wrote them (payload as canonical JSON text) under
PRIMARY KEY (station_id, seq): the uniqueness the protocol rests on. Ledger entries are copied
out of the events' payloads when they arrive, so a month's ledger is one indexed range scan.
"""

from __future__ import annotations

from sqlalchemy import (BigInteger, Boolean, Column, ForeignKey, Index, Integer, MetaData, String,
                        Table, Text, false)

metadata = MetaData()

center_setting = Table(
    "center_setting", metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)

station = Table(
    "station", metadata,
    Column("station_id", String(40), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("village", String(100), nullable=False, server_default=""),
    Column("township", String(100), nullable=False, server_default=""),  # 乡镇
    Column("public_key", String(64)),  # set at enrollment
    Column("status", String(10), nullable=False),  # pending | active | revoked
    Column("created_at", String(32), nullable=False),
    Column("enrolled_at", String(32)),
    Column("hw_seq", BigInteger, nullable=False, server_default="0"),
    Column("hw_hash", String(64), nullable=False),
    Column("last_seen_at", String(32)),
    # What the station's batches say of it: its own newest seq when it sent (so the county sees
    # what it has still to send), and the configuration version it last applied.
    Column("reported_head", BigInteger, nullable=False, server_default="0"),
    Column("config_version", Integer, nullable=False, server_default="0"),
)

enrollment = Table(
    "enrollment", metadata,
    Column("code_hash", String(64), primary_key=True),  # sha256 of the code: codes are secrets
    Column("station_id", ForeignKey("station.station_id"), nullable=False, index=True),
    Column("created_at", String(32), nullable=False),
    Column("expires_at", String(32), nullable=False),
    Column("used_at", String(32)),
)

# No foreign key to station: a batch moves its station's mark, or locks its row, in the
# transaction that stores its events, and stations are never deleted (migration 0002).
event = Table(
    "event", metadata,
    Column("station_id", String(40), primary_key=True),
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("event_id", String(64), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("recorded_at", String(32), nullable=False),
    Column("utc_offset_min", Integer, nullable=False),
    Column("operator", String(64), nullable=False),
    Column("payload", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("received_at", String(32), nullable=False),
    Index("ix_event_station_time", "station_id", "recorded_at"),
)

ledger_entry = Table(
    "ledger_entry", metadata,
    Column("station_id", String(40), primary_key=True),
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("line_id", String(32), primary_key=True),
    Column("record_id", String(64), nullable=False),
    Column("date", String(10), nullable=False),
    Column("category", String(24), nullable=False),
    Column("method", String(12), nullable=False),
    Column("in_fen", BigInteger, nullable=False),
    Column("out_fen", BigInteger, nullable=False),
    Column("description", Text, nullable=False),
    Index("ix_ledger_entry_month", "station_id", "date"),
)

flag = Table(
    "flag", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("station_id", String(40), nullable=False, index=True),
    Column("seq", BigInteger),
    Column("kind", String(20), nullable=False),  # conflict | uninterpretable
    Column("detail", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
)

config = Table(
    "config", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("issued_at", String(32), nullable=False),
    Column("document", Text, nullable=False),  # the signed document, canonical JSON
)

# Failed enrollments: the brute-force limit's count (per address, per station) and their record.
enrollment_attempt = Table(
    "enrollment_attempt", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("address", String(64), nullable=False),
    Column("station_id", String(40), nullable=False),
    Column("outcome", String(20), nullable=False),  # the refusal's code: bad_code, used_code…
    Index("ix_enrollment_attempt_address", "address", "at"),
    Index("ix_enrollment_attempt_station", "station_id", "at"),
)

# A signed request's nonce, kept until its time window has passed: a replay finds it here.
request_nonce = Table(
    "request_nonce", metadata,
    Column("station_id", String(40), primary_key=True),
    Column("nonce", String(32), primary_key=True),
    Column("expires_at", String(32), nullable=False),
)


# --- the staff workspace (sync/center/web) -------------------------------------------------------
staff_user = Table(
    "staff_user", metadata,
    Column("username", String(40), primary_key=True),
    Column("role", String(10), nullable=False),  # admin | viewer
    Column("password_hash", Text, nullable=False),  # argon2id
    Column("disabled", Boolean, nullable=False, server_default=false()),
    Column("created_at", String(32), nullable=False),
)

# A signed-in browser: the cookie holds a random token, the table only its SHA-256.
staff_session = Table(
    "staff_session", metadata,
    Column("id", String(64), primary_key=True),
    Column("username", String(40), nullable=False, index=True),
    Column("csrf", String(64), nullable=False),
    Column("address", String(64), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("expires_at", String(32), nullable=False),
    Column("ended_at", String(32)),  # signed out, or revoked
)

staff_login_attempt = Table(
    "staff_login_attempt", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("address", String(64), nullable=False),
    Column("username", String(40), nullable=False),
    Index("ix_staff_login_attempt_address", "address", "at"),
    Index("ix_staff_login_attempt_username", "username", "at"),
)

# Append-only and hash-chained: each row's hash covers the one before it (audit.py).
staff_audit = Table(
    "staff_audit", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(32), nullable=False),
    Column("username", String(40), nullable=False),
    Column("action", String(40), nullable=False),
    Column("target", String(200), nullable=False),
    Column("detail", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)


# The county's days on which a station made contact (a fresh signed request: a batch, its head,
# the rules): the workspace's contact history. One row a station a day.
station_contact = Table(
    "station_contact", metadata,
    Column("station_id", String(40), primary_key=True),
    Column("day", String(10), primary_key=True),
)

# The county's administrative villages (行政村), imported from its list (coverage.py): a village
# is covered when an active station names it (station.township and station.village).
village = Table(
    "village", metadata,
    Column("township", String(100), primary_key=True),
    Column("name", String(100), primary_key=True),
)
