"""holds record the dealer that placed them; batch run records

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("point_holds", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dealer_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_point_holds_dealer_id_dealers"), "dealers", ["dealer_id"], ["id"]
        )
    op.create_table(
        "batch_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("policy", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("preview", sa.Text(), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("cursor", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("batches", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("committed_by", sa.String(length=40), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batch_runs")),
        sa.UniqueConstraint("kind", "as_of", name=op.f("uq_batch_runs_kind_as_of")),
    )
    op.create_index("ix_batch_runs_created", "batch_runs", ["created_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_batch_runs_created", table_name="batch_runs")
    op.drop_table("batch_runs")
    with op.batch_alter_table("point_holds", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_point_holds_dealer_id_dealers"), type_="foreignkey")
        batch_op.drop_column("dealer_id")
