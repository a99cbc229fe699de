"""Unused vouchers past their last day become expired, by a run on the batch-run fitting
(``loyalty benefits expire --as-of DATE``). Points are not returned: the member had the
voucher and did not use it (a cancellation before then returns them)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select, update

from app.db.models import Voucher
from app.domain import benefits as rules
from app.domain.errors import ValidationError
from app.domain.roles import Actor, Permission
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.runs import batch_runs as runs
from app.services.shared.database import Database
from app.services.shared.progress import Progress
from app.services.shared.queries import scalar_int
from app.services.shared.scope import programme_today
from app.services.shared.uow import UnitOfWork

EXPIRY_RUN = "voucher_expiry"


def _due(query, as_of: date):
    # expires_on is the last day of use: due on the day after it
    return query.where(Voucher.status == rules.VoucherStatus.ISSUED, Voucher.expires_on < as_of)


def _check(uow: UnitOfWork, as_of: date, _params: dict) -> None:
    if as_of > programme_today(uow):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Vouchers can only be expired up to today."),
            field="as_of",
        )


def _snapshot(_uow: UnitOfWork, as_of: date, _params: dict) -> dict:
    return {"expires_before": as_of.isoformat()}


def _count(uow: UnitOfWork, context: runs.RunContext) -> runs.Counts:
    return {"vouchers": scalar_int(uow, _due(select(func.count(Voucher.id)), context.as_of))}


def _batch(uow: UnitOfWork, context: runs.RunContext, first: int, last: int) -> runs.Counts:
    done = uow.session.execute(
        _due(update(Voucher), context.as_of)
        .where(Voucher.member_id.between(first, last))
        .values(status=rules.VoucherStatus.EXPIRED, closed_at=uow.now(),
                closed_by=context.username, run_id=context.run_id)
        .execution_options(synchronize_session=False)
    )  # fmt: skip
    return {"vouchers": int(done.rowcount)}  # type: ignore[attr-defined]


VOUCHER_EXPIRY = runs.RunKind(
    EXPIRY_RUN, Permission.MANAGE_BENEFITS, _check, _snapshot, _count, _batch, batch_size=50_000
)


def preview_expiry(db: Database, actor: Actor, as_of: date) -> runs.RunRow:
    return runs.preview(db, actor, VOUCHER_EXPIRY, as_of)


def commit_expiry(
    db: Database, actor: Actor | str, as_of: date, progress: Progress | None = None
) -> runs.RunRow:
    return runs.commit(db, actor, VOUCHER_EXPIRY, as_of, progress=progress)
