"""drop indexes no query uses

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

Every check-in writes one B-tree page per index into the WAL before its fsync; these three
served no query. In-stock lookups by pickup code use the partial unique index
uq_parcel_in_stock_code. Nothing on the station looks events up by event_id or entity_id (the
county center keys them by station and seq). The unnamed UNIQUE(event_id) is part of the
table definition, so the journal is rebuilt (SQLite's documented way: foreign keys are off
while migrating and checked in full before the commit, see migrate.upgrade).
"""
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

JOURNAL_COLUMNS = ("seq, event_id, kind, entity_id, recorded_at, utc_offset_min, operator, payload, "
                   "prev_hash, hash")


def _rebuild_journal(event_id_unique: bool, entity_index: bool) -> None:
    unique = ",\n\tUNIQUE (event_id)" if event_id_unique else ""
    op.execute(f"""CREATE TABLE _journal_new (
	seq INTEGER NOT NULL,
	event_id VARCHAR(32) NOT NULL,
	kind VARCHAR(40) NOT NULL,
	entity_id VARCHAR(32) NOT NULL,
	recorded_at VARCHAR(32) NOT NULL,
	utc_offset_min INTEGER NOT NULL,
	operator VARCHAR(32) NOT NULL,
	payload TEXT NOT NULL,
	prev_hash VARCHAR(64) NOT NULL,
	hash VARCHAR(64) NOT NULL,
	PRIMARY KEY (seq){unique}
)""")
    op.execute(f"INSERT INTO _journal_new ({JOURNAL_COLUMNS}) SELECT {JOURNAL_COLUMNS} FROM journal")
    op.execute("DROP TABLE journal")
    op.execute("ALTER TABLE _journal_new RENAME TO journal")
    if entity_index:
        op.create_index("ix_journal_entity_id", "journal", ["entity_id"], unique=False)


def upgrade() -> None:
    op.drop_index("ix_parcel_status_code", table_name="parcel")
    _rebuild_journal(event_id_unique=False, entity_index=False)


def downgrade() -> None:
    _rebuild_journal(event_id_unique=True, entity_index=True)
    op.create_index("ix_parcel_status_code", "parcel", ["status", "pickup_code"], unique=False)
