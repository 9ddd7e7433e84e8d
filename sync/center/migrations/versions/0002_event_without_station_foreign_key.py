"""event rows without a foreign key to station

An event's station is checked in the batch's own transaction already: the batch moves the
station's mark (or locks its row) before it commits, and stations are never deleted. The
foreign key checked it again for every event row, a fifth of PostgreSQL's work per event.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# SQLite's copy of the table has no name for the key: this gives it the one dropped below.
_NAMES = {"fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"}


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("event", naming_convention=_NAMES) as batch_op:
            batch_op.drop_constraint("fk_event_station_id_station", type_="foreignkey")
    else:
        op.drop_constraint("event_station_id_fkey", "event", type_="foreignkey")


def downgrade() -> None:
    with op.batch_alter_table("event") as batch_op:
        batch_op.create_foreign_key("event_station_id_fkey", "station", ["station_id"],
                                    ["station_id"])
