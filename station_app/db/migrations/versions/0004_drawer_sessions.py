"""several drawer sessions a day

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

A customer who comes after the day's close (日结) must still be served: the keeper opens a new
session (交班) with its own Z number, and a closed one is never reopened. The day no longer
names one session, so business_date loses its UNIQUE (an index keeps the day's look-ups fast).
The table is rebuilt, SQLite's documented way (foreign keys off while migrating, checked in full
before the commit: see migrate.upgrade).
"""
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

COLUMNS = ("id, business_date, status, float_fen, opened_at, opened_by, open_seq, closed_at, "
           "closed_by, close_seq, expected_fen, counted_fen, difference_fen, z_no")


def _rebuild(day_unique: bool) -> None:
    unique = "\n\tUNIQUE (business_date), " if day_unique else ""
    op.execute(f"""CREATE TABLE _drawer_session_new (
	id VARCHAR(32) NOT NULL, 
	business_date VARCHAR(10) NOT NULL, 
	status VARCHAR(8) NOT NULL, 
	float_fen INTEGER NOT NULL, 
	opened_at VARCHAR(32) NOT NULL, 
	opened_by VARCHAR(32) NOT NULL, 
	open_seq INTEGER NOT NULL, 
	closed_at VARCHAR(32), 
	closed_by VARCHAR(32), 
	close_seq INTEGER, 
	expected_fen INTEGER, 
	counted_fen INTEGER, 
	difference_fen INTEGER, 
	z_no INTEGER, 
	PRIMARY KEY (id), {unique}
	UNIQUE (z_no)
)""")
    op.execute(f"INSERT INTO _drawer_session_new ({COLUMNS}) SELECT {COLUMNS} FROM drawer_session")
    op.execute("DROP TABLE drawer_session")
    op.execute("ALTER TABLE _drawer_session_new RENAME TO drawer_session")


def upgrade() -> None:
    _rebuild(day_unique=False)
    op.create_index("ix_drawer_session_business_date", "drawer_session", ["business_date"])


def downgrade() -> None:
    op.drop_index("ix_drawer_session_business_date", table_name="drawer_session")
    _rebuild(day_unique=True)
