"""points ledger

Revision ID: 0006
Revises: 0005
"""

import json
from collections.abc import Sequence
from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

from app.db import guards

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "adjustment_reasons",
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_adjustment_reasons")),
    )
    op.create_table(
        "earning_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_earning_rules")),
        sa.UniqueConstraint(
            "code", "effective_from", name=op.f("uq_earning_rules_code_effective_from")
        ),
        sa.UniqueConstraint("code", "version", name=op.f("uq_earning_rules_code_version")),
    )
    op.create_table(
        "points_accounts",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("balance", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("held", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("qualifying", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("cycle_start", sa.Date(), nullable=True),
        sa.CheckConstraint("balance >= 0", name=op.f("ck_points_accounts_balance_not_negative")),
        sa.CheckConstraint("held >= 0", name=op.f("ck_points_accounts_held_not_negative")),
        sa.CheckConstraint(
            "qualifying >= 0", name=op.f("ck_points_accounts_qualifying_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_points_accounts_member_id_members")
        ),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_points_accounts")),
    )
    op.create_table(
        "ledger_entries",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("entry_uid", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=12), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("shortfall", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("posted_at", sa.DateTime(), nullable=False),
        sa.Column("dealer_id", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(length=20), nullable=True),
        sa.Column("reference", sa.String(length=60), nullable=True),
        sa.Column("service_order_id", sa.Integer(), nullable=True),
        sa.Column("rule_id", sa.Integer(), nullable=True),
        sa.Column(
            "reverses_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("actor", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["dealer_id"], ["dealers.id"], name=op.f("fk_ledger_entries_dealer_id_dealers")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_ledger_entries_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"],
            ["ledger_entries.id"],
            name=op.f("fk_ledger_entries_reverses_id_ledger_entries"),
        ),
        sa.ForeignKeyConstraint(
            ["rule_id"], ["earning_rules.id"], name=op.f("fk_ledger_entries_rule_id_earning_rules")
        ),
        sa.ForeignKeyConstraint(
            ["service_order_id"],
            ["service_orders.id"],
            name=op.f("fk_ledger_entries_service_order_id_service_orders"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_entries")),
        sa.UniqueConstraint("entry_uid", name=op.f("uq_ledger_entries_entry_uid")),
    )
    with op.batch_alter_table("ledger_entries", schema=None) as batch_op:
        batch_op.create_index("ix_ledger_entries_member_id", ["member_id", "id"], unique=False)
        batch_op.create_index(
            "ix_ledger_entries_member_source_date",
            ["member_id", "source", "business_date"],
            unique=False,
        )
        batch_op.create_index("ix_ledger_entries_reverses_id", ["reverses_id"], unique=False)
        batch_op.create_index(
            "uq_ledger_entries_document_earn",
            ["service_order_id", "currency"],
            unique=True,
            sqlite_where=sa.text("kind = 'earn'"),
            postgresql_where=sa.text("kind = 'earn'"),
        )

    op.create_table(
        "adjustment_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_uid", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=12), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("reason_code", sa.String(length=30), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("requested_by_id", sa.Integer(), nullable=False),
        sa.Column("requested_by", sa.String(length=40), nullable=False),
        sa.Column("requester_dealer_id", sa.Integer(), nullable=True),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("decided_by", sa.String(length=40), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("entry_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["ledger_entries.id"],
            name=op.f("fk_adjustment_requests_entry_id_ledger_entries"),
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_adjustment_requests_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["reason_code"],
            ["adjustment_reasons.code"],
            name=op.f("fk_adjustment_requests_reason_code_adjustment_reasons"),
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_id"],
            ["staff_users.id"],
            name=op.f("fk_adjustment_requests_requested_by_id_staff_users"),
        ),
        sa.ForeignKeyConstraint(
            ["requester_dealer_id"],
            ["dealers.id"],
            name=op.f("fk_adjustment_requests_requester_dealer_id_dealers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adjustment_requests")),
        sa.UniqueConstraint("request_uid", name=op.f("uq_adjustment_requests_request_uid")),
    )
    with op.batch_alter_table("adjustment_requests", schema=None) as batch_op:
        batch_op.create_index(
            "ix_adjustment_requests_member", ["member_id", "requested_at"], unique=False
        )
        batch_op.create_index(
            "ix_adjustment_requests_status_requested", ["status", "requested_at"], unique=False
        )

    op.create_table(
        "point_holds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hold_uid", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("purpose", sa.String(length=40), nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=True),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("settled_at", sa.DateTime(), nullable=True),
        sa.Column("entry_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.CheckConstraint("points > 0", name=op.f("ck_point_holds_points_positive")),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["ledger_entries.id"], name=op.f("fk_point_holds_entry_id_ledger_entries")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_point_holds_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_point_holds")),
        sa.UniqueConstraint("hold_uid", name=op.f("uq_point_holds_hold_uid")),
    )
    with op.batch_alter_table("point_holds", schema=None) as batch_op:
        batch_op.create_index("ix_point_holds_member_status", ["member_id", "status"], unique=False)
        batch_op.create_index(
            "ix_point_holds_status_expires", ["status", "expires_at"], unique=False
        )

    op.create_table(
        "point_lots",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("earned_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("original", sa.BigInteger(), nullable=False),
        sa.Column("remaining", sa.BigInteger(), nullable=False),
        sa.CheckConstraint(
            "remaining >= 0 AND remaining <= original",
            name=op.f("ck_point_lots_remaining_in_range"),
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["ledger_entries.id"], name=op.f("fk_point_lots_entry_id_ledger_entries")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_point_lots_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_point_lots")),
        sa.UniqueConstraint("entry_id", name=op.f("uq_point_lots_entry_id")),
    )
    with op.batch_alter_table("point_lots", schema=None) as batch_op:
        batch_op.create_index(
            "ix_point_lots_member_expires", ["member_id", "expires_on"], unique=False
        )
        batch_op.create_index(
            "ix_point_lots_open_expires",
            ["expires_on"],
            unique=False,
            sqlite_where=sa.text("remaining > 0"),
            postgresql_where=sa.text("remaining > 0"),
        )

    op.create_table(
        "lot_allocations",
        sa.Column("entry_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("lot_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["ledger_entries.id"],
            name=op.f("fk_lot_allocations_entry_id_ledger_entries"),
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["point_lots.id"], name=op.f("fk_lot_allocations_lot_id_point_lots")
        ),
        sa.PrimaryKeyConstraint("entry_id", "lot_id", name=op.f("pk_lot_allocations")),
    )
    with op.batch_alter_table("lot_allocations", schema=None) as batch_op:
        batch_op.create_index("ix_lot_allocations_lot_id", ["lot_id"], unique=False)

    with op.batch_alter_table("service_orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("refunded_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("recorded_by", sa.String(length=40), nullable=True))

    guards.create_ledger_row_guards_0006(op.get_bind())
    _seed_defaults()


def _seed_defaults() -> None:
    """Version 1 of every earning rule (the source plan's figures) and the reason codes."""
    rules = sa.table(
        "earning_rules",
        sa.column("code"),
        sa.column("version"),
        sa.column("effective_from", sa.Date),
        sa.column("params"),
        sa.column("created_by"),
        sa.column("created_at", sa.DateTime),
    )
    created = datetime(2026, 1, 1)
    op.bulk_insert(
        rules,
        [
            {
                "code": code,
                "version": 1,
                "effective_from": date(2000, 1, 1),
                "params": json.dumps(params),
                "created_by": "system",
                "created_at": created,
            }
            for code, params in DEFAULT_RULES.items()
        ],
    )
    reasons = sa.table("adjustment_reasons", sa.column("code"), sa.column("label"))
    op.bulk_insert(reasons, [{"code": c, "label": label} for c, label in DEFAULT_REASONS])


DEFAULT_RULES = {
    "service": {"points_per_unit": 1, "unit_fen": 100000, "rounding": "floor"},
    "purchase": {"points_per_unit": 1, "unit_fen": 100000, "rounding": "floor"},
    "sign_in": {"points": 1, "cap_per_day": 1, "cap_per_year": 365},
    "share": {"points": 2, "cap_per_year": 384},
    "major_event": {"points": 50, "cap_per_year": 500},
    "birthday": {"points": 50, "cap_per_year": 50},
    "referral": {"points": 100},
    "new_binding": {"points": 100, "window_months": 3},
}
DEFAULT_REASONS = [
    ("goodwill", "Goodwill gesture"),
    ("system_error", "Correction of a system error"),
    ("missed_earning", "Missed earning"),
    ("duplicate_earning", "Duplicate earning"),
    ("complaint", "Complaint settlement"),
]


def downgrade() -> None:
    guards.drop_ledger_row_guards_0006(op.get_bind())
    with op.batch_alter_table("service_orders", schema=None) as batch_op:
        batch_op.drop_column("recorded_by")
        batch_op.drop_column("refunded_at")

    with op.batch_alter_table("lot_allocations", schema=None) as batch_op:
        batch_op.drop_index("ix_lot_allocations_lot_id")

    op.drop_table("lot_allocations")
    with op.batch_alter_table("point_lots", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_point_lots_open_expires",
            sqlite_where=sa.text("remaining > 0"),
            postgresql_where=sa.text("remaining > 0"),
        )
        batch_op.drop_index("ix_point_lots_member_expires")

    op.drop_table("point_lots")
    with op.batch_alter_table("point_holds", schema=None) as batch_op:
        batch_op.drop_index("ix_point_holds_status_expires")
        batch_op.drop_index("ix_point_holds_member_status")

    op.drop_table("point_holds")
    with op.batch_alter_table("adjustment_requests", schema=None) as batch_op:
        batch_op.drop_index("ix_adjustment_requests_status_requested")
        batch_op.drop_index("ix_adjustment_requests_member")

    op.drop_table("adjustment_requests")
    with op.batch_alter_table("ledger_entries", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_ledger_entries_document_earn",
            sqlite_where=sa.text("kind = 'earn'"),
            postgresql_where=sa.text("kind = 'earn'"),
        )
        batch_op.drop_index("ix_ledger_entries_reverses_id")
        batch_op.drop_index("ix_ledger_entries_member_source_date")
        batch_op.drop_index("ix_ledger_entries_member_id")

    op.drop_table("ledger_entries")
    op.drop_table("points_accounts")
    op.drop_table("earning_rules")
    op.drop_table("adjustment_reasons")
