"""Map surveys: definitions (versioned), responses (one per hashed browser token) and their
answers with the units they were linked to. The same tables as
:mod:`dikas.surveys.store`'s SQLite schema.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "surveys",
        sa.Column("survey_id", sa.Text, primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("definition", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("closed_at", sa.Text),
    )
    op.create_table(
        "survey_responses",
        sa.Column("response_id", sa.BigInteger, sa.Identity(always=False), primary_key=True),
        sa.Column("survey_id", sa.Text, nullable=False),
        sa.Column("survey_version", sa.Integer, nullable=False),
        sa.Column("token_hash", sa.Text, nullable=False),
        sa.Column("language", sa.Text, nullable=False),
        sa.Column("submitted_at", sa.Text, nullable=False),
        sa.UniqueConstraint("survey_id", "token_hash", name="survey_responses_one_per_token"),
    )
    op.create_table(
        "survey_answers",
        sa.Column("answer_id", sa.BigInteger, sa.Identity(always=False), primary_key=True),
        sa.Column("response_id", sa.BigInteger, nullable=False),
        sa.Column("survey_id", sa.Text, nullable=False),
        sa.Column("question_id", sa.Text, nullable=False),
        sa.Column("parent_id", sa.Text),
        sa.Column("item", sa.Integer, nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("geometry", sa.Text),
        sa.Column("area", sa.Text),
        sa.Column("cell_id", sa.Text),
        sa.Column("postal_code", sa.Text),
        sa.Column("district_id", sa.Text),
    )
    op.create_index("survey_answers_by_survey", "survey_answers", ["survey_id", "response_id"])


def downgrade() -> None:
    op.drop_index("survey_answers_by_survey", table_name="survey_answers")
    op.drop_table("survey_answers")
    op.drop_table("survey_responses")
    op.drop_table("surveys")
