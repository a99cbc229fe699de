"""one table of approval requests; the points adjustment requests move into it

Revision ID: 0009
Revises: 0008

Every adjustment request keeps its id (so its audit entries, recorded as entity
"adjustment", still name it), its status, requester, decider, notes and posted entry.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KIND = "points_adjustment"
BATCH = 1_000

approvals = sa.table(
    "approval_requests",
    *(sa.column(name) for name in (
        "id", "request_uid", "kind", "subject_type", "subject_id", "note", "reference",
        "status", "requested_by_id", "requested_by", "requester_dealer_id", "requested_at",
        "decided_by_id", "decided_by", "decided_at", "decision_note",
    )),  # fmt: skip
    sa.column("payload", sa.JSON),
    sa.column("result", sa.JSON),
)
ADJUSTMENT_COLUMNS = (
    "id", "request_uid", "member_id", "currency", "amount", "reason_code", "note", "reference",
    "status", "requested_by_id", "requested_by", "requester_dealer_id", "requested_at",
    "decided_by", "decided_at", "decision_note", "entry_id",
)  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "approval_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_uid", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("subject_type", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("requested_by_id", sa.Integer(), nullable=False),
        sa.Column("requested_by", sa.String(length=40), nullable=False),
        sa.Column("requester_dealer_id", sa.Integer(), nullable=True),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_by", sa.String(length=40), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["staff_users.id"],
            name=op.f("fk_approval_requests_decided_by_id_staff_users"),
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_id"], ["staff_users.id"],
            name=op.f("fk_approval_requests_requested_by_id_staff_users"),
        ),
        sa.ForeignKeyConstraint(
            ["requester_dealer_id"], ["dealers.id"],
            name=op.f("fk_approval_requests_requester_dealer_id_dealers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_approval_requests")),
        sa.UniqueConstraint("request_uid", name=op.f("uq_approval_requests_request_uid")),
    )  # fmt: skip
    with op.batch_alter_table("approval_requests", schema=None) as batch_op:
        batch_op.create_index("ix_approval_requests_status_requested", ["status", "requested_at"])
        batch_op.create_index(
            "ix_approval_requests_kind_status", ["kind", "status", "requested_at"]
        )
        batch_op.create_index(
            "ix_approval_requests_subject", ["subject_type", "subject_id", "requested_at"]
        )
        batch_op.create_index(
            "ix_approval_requests_dealer_status", ["requester_dealer_id", "status"]
        )
    _move_adjustments()
    op.drop_table("adjustment_requests")


def _move_adjustments() -> None:
    connection = op.get_bind()
    columns = ", ".join(ADJUSTMENT_COLUMNS)
    rows = connection.execute(sa.text(f"SELECT {columns} FROM adjustment_requests ORDER BY id"))
    batch = []
    for row in rows.mappings():
        batch.append(_as_approval(row))
        if len(batch) == BATCH:
            connection.execute(approvals.insert(), batch)
            batch = []
    if batch:
        connection.execute(approvals.insert(), batch)
    if connection.dialect.name == "postgresql":  # ids were copied: the sequence moves past
        connection.execute(
            sa.text(
                "SELECT setval(pg_get_serial_sequence('approval_requests', 'id'), max(id)) "
                "FROM approval_requests HAVING max(id) IS NOT NULL"
            )
        )


def _as_approval(row) -> dict:
    return {
        "id": row["id"],
        "request_uid": row["request_uid"],
        "kind": KIND,
        "subject_type": "member",
        "subject_id": row["member_id"],
        "payload": {
            "member_id": row["member_id"],
            "currency": row["currency"],
            "amount": row["amount"],
            "reason_code": row["reason_code"],
        },
        "note": row["note"],
        "reference": row["reference"],
        "status": row["status"],
        "requested_by_id": row["requested_by_id"],
        "requested_by": row["requested_by"],
        "requester_dealer_id": row["requester_dealer_id"],
        "requested_at": row["requested_at"],
        "decided_by_id": None,  # adjustment requests kept only the decider's name
        "decided_by": row["decided_by"],
        "decided_at": row["decided_at"],
        "decision_note": row["decision_note"],
        "result": {"entry_id": row["entry_id"]} if row["entry_id"] is not None else None,
    }


def downgrade() -> None:
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
        sa.Column("entry_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["ledger_entries.id"],
            name=op.f("fk_adjustment_requests_entry_id_ledger_entries"),
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_adjustment_requests_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["reason_code"], ["adjustment_reasons.code"],
            name=op.f("fk_adjustment_requests_reason_code_adjustment_reasons"),
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_id"], ["staff_users.id"],
            name=op.f("fk_adjustment_requests_requested_by_id_staff_users"),
        ),
        sa.ForeignKeyConstraint(
            ["requester_dealer_id"], ["dealers.id"],
            name=op.f("fk_adjustment_requests_requester_dealer_id_dealers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adjustment_requests")),
        sa.UniqueConstraint("request_uid", name=op.f("uq_adjustment_requests_request_uid")),
    )  # fmt: skip
    with op.batch_alter_table("adjustment_requests", schema=None) as batch_op:
        batch_op.create_index("ix_adjustment_requests_member", ["member_id", "requested_at"])
        batch_op.create_index(
            "ix_adjustment_requests_status_requested", ["status", "requested_at"]
        )
    _move_adjustments_back()
    op.drop_table("approval_requests")


def _move_adjustments_back() -> None:
    """Points adjustments go back to their table; other kinds did not exist before 0009."""
    connection = op.get_bind()
    adjustments = sa.table("adjustment_requests", *(sa.column(c) for c in ADJUSTMENT_COLUMNS))
    query = sa.select(approvals).where(approvals.c.kind == KIND).order_by(approvals.c.id)
    rows = [_as_adjustment(row) for row in connection.execute(query).mappings()]
    for start in range(0, len(rows), BATCH):
        connection.execute(adjustments.insert(), rows[start : start + BATCH])


def _as_adjustment(row) -> dict:
    payload, result = row["payload"], row["result"] or {}
    status = "rejected" if row["status"] == "cancelled" else row["status"]
    return {
        **{key: row[key] for key in ADJUSTMENT_COLUMNS if key in row and key != "status"},
        "member_id": payload["member_id"],
        "currency": payload["currency"],
        "amount": payload["amount"],
        "reason_code": payload["reason_code"],
        "status": status,
        "entry_id": result.get("entry_id"),
    }
