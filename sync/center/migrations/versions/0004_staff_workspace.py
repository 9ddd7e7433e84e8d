"""the staff workspace: accounts, sessions, login attempts, the audit log; station townships,
the station's own head as its batches report it, the configuration version it runs, and the
days it made contact

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("station") as batch_op:
        batch_op.add_column(sa.Column("township", sa.String(length=100), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("reported_head", sa.BigInteger(), nullable=False,
                                      server_default="0"))
        batch_op.add_column(sa.Column("config_version", sa.Integer(), nullable=False,
                                      server_default="0"))
    op.create_table(
        "staff_user",
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("username"),
    )
    op.create_table(
        "staff_session",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("csrf", sa.String(length=64), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("expires_at", sa.String(length=32), nullable=False),
        sa.Column("ended_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_staff_session_username", "staff_session", ["username"])
    op.create_table(
        "staff_login_attempt",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_staff_login_attempt_address", "staff_login_attempt", ["address", "at"])
    op.create_index("ix_staff_login_attempt_username", "staff_login_attempt", ["username", "at"])
    op.create_table(
        "staff_audit",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_table(
        "station_contact",
        sa.Column("station_id", sa.String(length=40), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.PrimaryKeyConstraint("station_id", "day"),
    )


def downgrade() -> None:
    op.drop_table("station_contact")
    op.drop_table("staff_audit")
    op.drop_index("ix_staff_login_attempt_username", "staff_login_attempt")
    op.drop_index("ix_staff_login_attempt_address", "staff_login_attempt")
    op.drop_table("staff_login_attempt")
    op.drop_index("ix_staff_session_username", "staff_session")
    op.drop_table("staff_session")
    op.drop_table("staff_user")
    with op.batch_alter_table("station") as batch_op:
        batch_op.drop_column("config_version")
        batch_op.drop_column("reported_head")
        batch_op.drop_column("township")
