"""tamper guards

Revision ID: 0007
Revises: 0006

The audit trail becomes append-only like the ledger and its head may only move forward; on
PostgreSQL every guard also refuses TRUNCATE and is ENABLE ALWAYS (a replica session role
does not bypass it). The database gets a random identity that audit checkpoints name.
"""

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from app.db import guards

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DATABASE_ID = "database_id"
SETTINGS = sa.table(
    "programme_settings",
    sa.column("key", sa.String),
    sa.column("value", sa.Text),
    sa.column("updated_at", sa.DateTime),
    sa.column("updated_by", sa.String),
)


def upgrade() -> None:
    connection = op.get_bind()
    guards.drop_ledger_row_guards_0006(connection)
    guards.create_guards(connection)
    _store_database_id(connection)


def _store_database_id(connection) -> None:
    if connection.execute(sa.select(SETTINGS.c.key).where(SETTINGS.c.key == DATABASE_ID)).first():
        return
    connection.execute(
        SETTINGS.insert().values(
            key=DATABASE_ID,
            value=json.dumps(uuid.uuid4().hex),
            updated_at=datetime.now(UTC).replace(tzinfo=None),
            updated_by="system",
        )
    )


def downgrade() -> None:
    # The database identity stays: checkpoints taken before a downgrade must still name it.
    connection = op.get_bind()
    guards.drop_guards(connection)
    if connection.dialect.name == "postgresql":
        for function in ("refuse_audit_change", "guard_audit_head"):
            connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {function}()")
    guards.create_ledger_row_guards_0006(connection)
