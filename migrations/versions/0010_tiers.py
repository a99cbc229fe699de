"""tiers: policy versions, members' tiers and their history

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tier_policies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("policy", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tier_policies")),
        sa.UniqueConstraint("effective_from", name=op.f("uq_tier_policies_effective_from")),
    )
    op.create_table(
        "member_tiers",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("tier_code", sa.String(length=20), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("counted_to_entry", sa.BigInteger(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("upgraded_on", sa.Date(), nullable=True),
        sa.Column("floor_code", sa.String(length=20), nullable=True),
        sa.Column("floor_until", sa.Date(), nullable=True),
        sa.Column("floor_reason", sa.String(length=12), nullable=True),
        sa.Column("matched_on", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_member_tiers_member_id_members")
        ),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_member_tiers")),
    )
    with op.batch_alter_table("member_tiers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_tiers_tier_code"), ["tier_code"], unique=False)
        batch_op.create_index(
            "ix_member_tiers_valid_until", ["valid_until", "member_id"], unique=False
        )

    op.create_table(
        "tier_history",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("from_code", sa.String(length=20), nullable=True),
        sa.Column("to_code", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=12), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("approval_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("actor", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["approval_id"],
            ["approval_requests.id"],
            name=op.f("fk_tier_history_approval_id_approval_requests"),
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_tier_history_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["batch_runs.id"], name=op.f("fk_tier_history_run_id_batch_runs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tier_history")),
    )
    with op.batch_alter_table("tier_history", schema=None) as batch_op:
        batch_op.create_index("ix_tier_history_member", ["member_id", "id"], unique=False)
        batch_op.create_index("ix_tier_history_run", ["run_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tier_history", schema=None) as batch_op:
        batch_op.drop_index("ix_tier_history_run")
        batch_op.drop_index("ix_tier_history_member")

    op.drop_table("tier_history")
    with op.batch_alter_table("member_tiers", schema=None) as batch_op:
        batch_op.drop_index("ix_member_tiers_valid_until")
        batch_op.drop_index(batch_op.f("ix_member_tiers_tier_code"))

    op.drop_table("member_tiers")
    op.drop_table("tier_policies")
