"""Comments grown up: display names, area comments, moderation reasons, an audit log and
one-time invitation / password-reset tokens (stored hashed). The same columns and tables as
the SQLite store's schema.

Revision ID: 0003
Revises: 0001
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("display_name", sa.Text, nullable=False, server_default=""))
    op.add_column("comments", sa.Column("author_name", sa.Text, nullable=False, server_default=""))
    op.add_column("comments", sa.Column("hidden_reason", sa.Text))
    op.add_column("comments", sa.Column("area", sa.Text))
    op.create_index("comments_by_author", "comments", ["author"])
    op.create_index("comments_by_time", "comments", ["created_at"])
    op.create_table(
        "audit_log",
        sa.Column("entry_id", sa.BigInteger, sa.Identity(always=False), primary_key=True),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("audit_log_by_time", "audit_log", ["at"])
    op.create_index("audit_log_by_actor", "audit_log", ["actor"])
    op.create_table(
        "invitations",
        sa.Column("token_hash", sa.Text, primary_key=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("username", sa.Text),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("expires_at", sa.Text, nullable=False),
        sa.Column("used_at", sa.Text),
    )


def downgrade() -> None:
    op.drop_table("invitations")
    op.drop_index("audit_log_by_actor", table_name="audit_log")
    op.drop_index("audit_log_by_time", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_index("comments_by_time", table_name="comments")
    op.drop_index("comments_by_author", table_name="comments")
    op.drop_column("comments", "area")
    op.drop_column("comments", "hidden_reason")
    op.drop_column("comments", "author_name")
    op.drop_column("users", "display_name")
