"""Weights kept as dated versions (the partner evaluation's, the value segmentation's): the
version in force on a day is the latest one from that day or before; a new one starts today
or later, and only a version not yet in force may be replaced. Whatever used a version keeps
a copy of it, so a later version never rewrites the past."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.domain.errors import Conflict
from app.domain.inputs import check_date
from app.domain.roles import Actor
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.shared import audit
from app.services.shared.scope import programme_today
from app.services.shared.uow import UnitOfWork

LATEST_DATE = date(2099, 12, 31)


def version_in_force(uow: UnitOfWork, model, on: date):
    """The row of ``model`` (a table with effective_from) in force on ``on``, or None."""
    return uow.session.scalars(
        select(model)
        .where(model.effective_from <= on)
        .order_by(model.effective_from.desc())
        .limit(1)
    ).first()


def save_version(
    uow: UnitOfWork,
    actor: Actor,
    model,
    entity: str,
    effective_from: object,
    weights: dict,
    note: str,
):
    """Add the version from ``effective_from`` or replace the one of that day that is not in
    force yet; audited as ``entity``. Returns the row (flushed)."""
    today = programme_today(uow)
    start = check_date(effective_from, "effective_from", today, LATEST_DATE)
    row = uow.session.scalars(select(model).where(model.effective_from == start)).first()
    if row is not None and start <= today:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors", "The weights in force today cannot change; save a version from tomorrow."
            )
        )
    before = dict(row.weights) if row else None
    if row is None:
        row = model(effective_from=start, created_at=uow.now())
        uow.session.add(row)
    row.weights, row.note, row.created_by = weights, note, actor.username
    uow.session.flush()
    audit.record(uow, actor, entity, start.isoformat(), "update" if before else "create",
                 {"weights": before} if before else None,
                 {"weights": weights, "note": note})  # fmt: skip
    return row
