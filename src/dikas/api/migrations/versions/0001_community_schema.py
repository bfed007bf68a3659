"""The community schema: accounts, comments (lon/lat, indexed for pages and boxes) and
scenario runs. The same tables as the SQLite store, without its legacy ``secrets`` table
(keys are never kept in the database).

Revision ID: 0001
Revises:
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("username", sa.Text, primary_key=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("token_version", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "comments",
        sa.Column("comment_id", sa.BigInteger, sa.Identity(always=False), primary_key=True),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("category", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("lon", sa.Double, nullable=False),
        sa.Column("lat", sa.Double, nullable=False),
        sa.Column("postal_code", sa.Text),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("hidden_by", sa.Text),
        sa.Column("hidden_at", sa.Text),
    )
    op.create_index("comments_by_visibility", "comments", ["hidden", "comment_id"])
    op.create_index("comments_by_position", "comments", ["lon", "lat"])
    op.create_table(
        "scenarios",
        sa.Column("scenario_id", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("result", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("seq", sa.BigInteger, sa.Identity(always=False), nullable=False, unique=True),
    )


def downgrade() -> None:
    op.drop_table("scenarios")
    op.drop_index("comments_by_position", table_name="comments")
    op.drop_index("comments_by_visibility", table_name="comments")
    op.drop_table("comments")
    op.drop_table("users")
