"""Small query helpers every area uses."""

from __future__ import annotations

from sqlalchemy import Select

from app.services.shared.uow import UnitOfWork


def scalar_int(uow: UnitOfWork, statement: Select) -> int:
    """A count or a sum as a Python int (PostgreSQL's SUM is a Decimal; no rows: 0)."""
    return int(uow.session.scalar(statement) or 0)
