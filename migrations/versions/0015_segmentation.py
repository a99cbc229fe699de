"""segmentation: versioned weights and the members' cells per segmentation run

Revision ID: 0015
Revises: 0014
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "segmentation_weights",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("weights", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_segmentation_weights")),
        sa.UniqueConstraint("effective_from", name=op.f("uq_segmentation_weights_effective_from")),
    )
    op.create_table(
        "member_segments",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("cell", sa.Integer(), nullable=True),
        sa.Column("y_score", sa.Integer(), nullable=True),
        sa.Column("x_score", sa.Integer(), nullable=True),
        sa.CheckConstraint("cell BETWEEN 1 AND 9", name=op.f("ck_member_segments_cell_range")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_member_segments_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["batch_runs.id"], name=op.f("fk_member_segments_run_id_batch_runs")
        ),
        sa.PrimaryKeyConstraint("run_id", "member_id", name=op.f("pk_member_segments")),
    )
    with op.batch_alter_table("member_segments", schema=None) as batch_op:
        batch_op.create_index("ix_member_segments_member_run", ["member_id", "run_id"])
        batch_op.create_index("ix_member_segments_run_cell", ["run_id", "cell"])


def downgrade() -> None:
    with op.batch_alter_table("member_segments", schema=None) as batch_op:
        batch_op.drop_index("ix_member_segments_run_cell")
        batch_op.drop_index("ix_member_segments_member_run")

    op.drop_table("member_segments")
    op.drop_table("segmentation_weights")
