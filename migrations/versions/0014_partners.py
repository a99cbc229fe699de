"""partners: registry, admission, evaluation weights, cooperation modes, complaints;
benefits.partner_id links a partner's benefits for the monthly settlement

Revision ID: 0014
Revises: 0013
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "partner_weights",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("weights", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_weights")),
        sa.UniqueConstraint("effective_from", name=op.f("uq_partner_weights_effective_from")),
    )
    op.create_table(
        "partners",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("legal_person", sa.Boolean(), nullable=False),
        sa.Column("legal_representative", sa.String(length=40), nullable=False),
        sa.Column("registered_capital_fen", sa.BigInteger(), nullable=False),
        sa.Column("founded_on", sa.Date(), nullable=False),
        sa.Column("industry", sa.String(length=20), nullable=False),
        sa.Column("contact_name", sa.String(length=40), server_default="", nullable=False),
        sa.Column("contact_phone", sa.String(length=40), server_default="", nullable=False),
        sa.Column("contact_email", sa.String(length=100), server_default="", nullable=False),
        sa.Column("address", sa.String(length=200), server_default="", nullable=False),
        sa.Column("vat_special_invoice", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("documents", sa.Text(), server_default="", nullable=False),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        sa.Column("shortlist_reason", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("status_since", sa.Date(), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "registered_capital_fen >= 0", name=op.f("ck_partners_capital_not_negative")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partners")),
        sa.UniqueConstraint("code", name=op.f("uq_partners_code")),
        sa.UniqueConstraint("credit_code", name=op.f("uq_partners_credit_code")),
    )
    with op.batch_alter_table("partners", schema=None) as batch_op:
        batch_op.create_index("ix_partners_industry_status", ["industry", "status"], unique=False)

    op.create_table(
        "partner_modes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("contract_start", sa.Date(), nullable=False),
        sa.Column("contract_end", sa.Date(), nullable=False),
        sa.Column("unit_cost_fen", sa.BigInteger(), nullable=False),
        sa.Column("payment", sa.String(length=10), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("updated_by", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_partner_modes_partner_id_partners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_modes")),
    )
    with op.batch_alter_table("partner_modes", schema=None) as batch_op:
        batch_op.create_index("ix_partner_modes_contract_end", ["contract_end"], unique=False)
        batch_op.create_index("ix_partner_modes_partner", ["partner_id"], unique=False)

    op.create_table(
        "partner_admissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("results", sa.JSON(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("assessed_by_id", sa.Integer(), nullable=False),
        sa.Column("assessed_by", sa.String(length=40), nullable=False),
        sa.Column("assessed_at", sa.DateTime(), nullable=False),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.Column("overridden_by", sa.String(length=40), nullable=True),
        sa.Column("overridden_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assessed_by_id"],
            ["staff_users.id"],
            name=op.f("fk_partner_admissions_assessed_by_id_staff_users"),
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_partner_admissions_partner_id_partners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_admissions")),
    )
    with op.batch_alter_table("partner_admissions", schema=None) as batch_op:
        batch_op.create_index("ix_partner_admissions_partner", ["partner_id", "id"], unique=False)

    op.create_table(
        "partner_evaluations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("evaluated_on", sa.Date(), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("weights", sa.JSON(), nullable=False),
        sa.Column("weights_id", sa.Integer(), nullable=True),
        sa.Column("total_hundredths", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("evaluated_by_id", sa.Integer(), nullable=False),
        sa.Column("evaluated_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluated_by_id"],
            ["staff_users.id"],
            name=op.f("fk_partner_evaluations_evaluated_by_id_staff_users"),
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_partner_evaluations_partner_id_partners")
        ),
        sa.ForeignKeyConstraint(
            ["weights_id"],
            ["partner_weights.id"],
            name=op.f("fk_partner_evaluations_weights_id_partner_weights"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_evaluations")),
    )
    with op.batch_alter_table("partner_evaluations", schema=None) as batch_op:
        batch_op.create_index("ix_partner_evaluations_partner", ["partner_id", "id"], unique=False)

    op.create_table(
        "partner_complaints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=12), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("report_due_at", sa.DateTime(), nullable=True),
        sa.Column("reported_at", sa.DateTime(), nullable=True),
        sa.Column("plan_due_at", sa.DateTime(), nullable=False),
        sa.Column("plan", sa.Text(), server_default="", nullable=False),
        sa.Column("plan_at", sa.DateTime(), nullable=True),
        sa.Column("first_response_at", sa.DateTime(), nullable=True),
        sa.Column("contacts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("resolution", sa.Text(), server_default="", nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("partner_caused", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("compensation_fen", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("compensation_points", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("adjustment_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("dealer_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["adjustment_id"],
            ["approval_requests.id"],
            name=op.f("fk_partner_complaints_adjustment_id_approval_requests"),
        ),
        sa.ForeignKeyConstraint(
            ["dealer_id"], ["dealers.id"], name=op.f("fk_partner_complaints_dealer_id_dealers")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_partner_complaints_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_partner_complaints_partner_id_partners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_complaints")),
    )
    with op.batch_alter_table("partner_complaints", schema=None) as batch_op:
        batch_op.create_index(
            "ix_partner_complaints_partner_received", ["partner_id", "received_at"], unique=False
        )
        batch_op.create_index(
            "ix_partner_complaints_status", ["status", "plan_due_at"], unique=False
        )

    op.create_table(
        "partner_status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=12), nullable=True),
        sa.Column("to_status", sa.String(length=12), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=40), nullable=False),
        sa.Column("approval_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["approval_id"],
            ["approval_requests.id"],
            name=op.f("fk_partner_status_changes_approval_id_approval_requests"),
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partners.id"],
            name=op.f("fk_partner_status_changes_partner_id_partners"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_status_changes")),
    )
    with op.batch_alter_table("partner_status_changes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_partner_status_changes_partner", ["partner_id", "id"], unique=False
        )

    with op.batch_alter_table("vouchers", schema=None) as batch_op:
        batch_op.create_index("ix_vouchers_benefit_used", ["benefit_id", "used_on"], unique=False)
    with op.batch_alter_table("benefits", schema=None) as batch_op:
        batch_op.add_column(sa.Column("partner_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_benefits_partner_id_partners"), "partners", ["partner_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("vouchers", schema=None) as batch_op:
        batch_op.drop_index("ix_vouchers_benefit_used")
    with op.batch_alter_table("benefits", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_benefits_partner_id_partners"), type_="foreignkey")
        batch_op.drop_column("partner_id")

    with op.batch_alter_table("partner_status_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_partner_status_changes_partner")

    op.drop_table("partner_status_changes")
    with op.batch_alter_table("partner_complaints", schema=None) as batch_op:
        batch_op.drop_index("ix_partner_complaints_status")
        batch_op.drop_index("ix_partner_complaints_partner_received")

    op.drop_table("partner_complaints")
    with op.batch_alter_table("partner_evaluations", schema=None) as batch_op:
        batch_op.drop_index("ix_partner_evaluations_partner")

    op.drop_table("partner_evaluations")
    with op.batch_alter_table("partner_admissions", schema=None) as batch_op:
        batch_op.drop_index("ix_partner_admissions_partner")

    op.drop_table("partner_admissions")
    with op.batch_alter_table("partner_modes", schema=None) as batch_op:
        batch_op.drop_index("ix_partner_modes_partner")
        batch_op.drop_index("ix_partner_modes_contract_end")

    op.drop_table("partner_modes")
    with op.batch_alter_table("partners", schema=None) as batch_op:
        batch_op.drop_index("ix_partners_industry_status")

    op.drop_table("partners")
    op.drop_table("partner_weights")
