"""The SQLite engine: one file, WAL, synchronous=FULL, foreign keys, BEGIN IMMEDIATE for writes.

pysqlite's own transaction handling starts transactions lazily and never with IMMEDIATE, so we
switch it off (isolation_level=None) and issue BEGIN ourselves from SQLAlchemy's "begin" event.
A write transaction takes SQLite's write lock at its first statement, so two writers queue on
the busy timeout instead of one failing half-way with "database is locked".
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 10_000
WRITE_OPTION = "station_write"

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def apply_pragmas(dbapi_connection: sqlite3.Connection) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        apply_pragmas(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        driver = conn.connection.driver_connection
        if driver.in_transaction:  # Store.write began it on the driver; SQLAlchemy joins it
            return
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        # On the driver: this runs before every transaction, and SQLAlchemy's own execute path
        # costs more than the BEGIN.
        driver.execute("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine
