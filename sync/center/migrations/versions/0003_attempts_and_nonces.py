"""enrollment attempts and request nonces

Failed enrollments are counted per address and per station (a brute-force limit that holds
across the center's processes) and kept as their record; each signed request's nonce is kept
until its time window has passed, so a captured request cannot be played again.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "enrollment_attempt",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("station_id", sa.String(length=40), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_enrollment_attempt_address", "enrollment_attempt", ["address", "at"])
    op.create_index("ix_enrollment_attempt_station", "enrollment_attempt", ["station_id", "at"])
    op.create_table(
        "request_nonce",
        sa.Column("station_id", sa.String(length=40), nullable=False),
        sa.Column("nonce", sa.String(length=32), nullable=False),
        sa.Column("expires_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("station_id", "nonce"),
    )


def downgrade() -> None:
    op.drop_table("request_nonce")
    op.drop_index("ix_enrollment_attempt_station", "enrollment_attempt")
    op.drop_index("ix_enrollment_attempt_address", "enrollment_attempt")
    op.drop_table("enrollment_attempt")
