"""The points batch runs: the expiry run and the initial points of the launch, both on the
shared batch-run fitting (``app.services.runs``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app.db.models import (
    LedgerEntry,
    Member,
    PointLot,
    ServiceOrder,
)
from app.domain import points as rules
from app.domain.errors import ValidationError
from app.domain.inputs import (
    EARLIEST_DATE,
    check_date,
    derived_uid,
)
from app.domain.members import POSTABLE
from app.domain.roles import Actor, Permission
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.points import ledger
from app.services.points.earning_rules import rule_in_force
from app.services.points.ledger import POINTS, QUALIFYING, Posting
from app.services.runs import batch_runs as runs
from app.services.settings.programme import get_settings, read_settings
from app.services.shared.database import Database
from app.services.shared.progress import Progress
from app.services.shared.scope import programme_today
from app.services.shared.uow import UnitOfWork

EXPIRY_CHUNK = 50_000  # member ids per transaction in the expiry run


@dataclass(frozen=True)
class InitialPoints:
    members: int
    points: int
    run_id: int = 0
    repeated: bool = False  # granted before: this call changed nothing


def _check_initial(uow: UnitOfWork, as_of: date, _params: dict) -> None:
    launch = date.fromisoformat(read_settings(uow).launch_date)
    if as_of != launch:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Initial points are dated the launch day, {date}."),
            field="as_of",
            date=launch.isoformat(),
        )


def _initial_policy(uow: UnitOfWork, as_of: date, _params: dict) -> dict:
    rule = rule_in_force(uow, "service", as_of)
    return {"launch": as_of.isoformat(), "rule_id": rule.id, "rule_version": rule.version,
            **json.loads(rule.params)}  # fmt: skip


def _initial_grants(uow: UnitOfWork, context, members=None) -> list[tuple[int, int]]:
    """(member id, points) for members (ids ``first..last``, or all) with pre-launch spend
    not granted yet."""
    rule = rules.SpendRule(
        context.policy["points_per_unit"], context.policy["unit_fen"],
        context.policy.get("rounding", "floor"),
    )  # fmt: skip
    granted = select(LedgerEntry.id).where(
        LedgerEntry.member_id == ServiceOrder.member_id,
        LedgerEntry.source == "initial",
        LedgerEntry.kind == "earn",
    )
    query = _pre_launch_spend(context.as_of).where(~granted.exists())
    if members is not None:
        query = query.where(ServiceOrder.member_id.between(*members))
    grants = [(member_id, rules.spend_points(rule, int(spend))) for member_id, spend in
              uow.session.execute(query)]  # fmt: skip
    return [(member_id, amount) for member_id, amount in grants if amount > 0]


def _count_initial(uow: UnitOfWork, context) -> dict[str, int]:
    grants = _initial_grants(uow, context)
    return {"members": len(grants), "points": sum(amount for _, amount in grants)}


def _grant_initial_batch(uow: UnitOfWork, context, first: int, last: int) -> dict[str, int]:
    settings = read_settings(uow)
    grants = _initial_grants(uow, context, (first, last))
    for member_id, amount in grants:
        for currency in (POINTS, QUALIFYING):
            ledger.post(
                uow,
                settings,
                Posting(
                    derived_uid("initial", member_id, currency), member_id, currency, "earn",
                    "initial", amount, context.as_of, context.username,
                    rule_id=context.policy["rule_id"],
                ),
            )  # fmt: skip
    return {"members": len(grants), "points": sum(amount for _, amount in grants)}


INITIAL_POINTS_RUN = runs.RunKind(
    "initial_points", Permission.CONFIGURE_PROGRAMME, _check_initial, _initial_policy,
    _count_initial, _grant_initial_batch, batch_size=1_000,
)  # fmt: skip


def launch_day(db: Database) -> date:
    return date.fromisoformat(get_settings(db).launch_date)


def preview_initial_points(db: Database, actor: Actor) -> runs.RunRow:
    return runs.preview(db, actor, INITIAL_POINTS_RUN, launch_day(db))


def grant_initial_points(
    db: Database, actor: Actor, progress: Progress | None = None
) -> InitialPoints:
    """Convert each member's service spend of the year before launch into points (and
    qualifying points) at the service rule in force at launch, dated the launch day: the
    spend is summed per member and converted once (two ¥1,500 documents make 3 points at
    1 point per ¥1,000). Purchases do not count.

    Documents that earned points already do not count; a member is granted once. It is a
    batch run for the launch day: an interrupted run resumes, a finished one changes nothing.
    """
    run = runs.commit(db, actor, INITIAL_POINTS_RUN, launch_day(db), progress=progress)
    return InitialPoints(
        run.counts.get("members", 0), run.counts.get("points", 0), run.id, run.repeated
    )


def _pre_launch_spend(launch: date):
    """Per member, the total of the service (维保) documents of the year before the launch
    (``rules.in_initial_window``) that earned nothing themselves. Seed 003 converts
    maintenance spend only: vehicle purchases do not count. The total is converted once per
    member (``_initial_grants``), so the documents' fractions of a unit add up."""
    earned = (
        select(LedgerEntry.id)
        .where(LedgerEntry.service_order_id == ServiceOrder.id, LedgerEntry.kind == "earn")
        .exists()
    )
    return (
        select(ServiceOrder.member_id, func.sum(ServiceOrder.amount_fen))
        .join(Member, Member.id == ServiceOrder.member_id)
        .where(
            ServiceOrder.kind == "service",
            ServiceOrder.service_date >= rules.add_months(launch, -12),
            ServiceOrder.service_date < launch,
            ServiceOrder.refunded_at.is_(None),
            Member.status.in_(POSTABLE),
            ~earned,
        )
        .group_by(ServiceOrder.member_id)
        .order_by(ServiceOrder.member_id)
    )


@dataclass(frozen=True)
class ExpiryResult:
    as_of: date
    lots: int
    points: int
    run_id: int = 0
    repeated: bool = False  # run before for this date: this call changed nothing


def _check_expiry(uow: UnitOfWork, as_of: date, _params: dict) -> None:
    check_date(as_of, "as_of", EARLIEST_DATE, programme_today(uow))


def _expiry_policy(uow: UnitOfWork, _as_of: date, _params: dict) -> dict:
    settings = read_settings(uow)  # lots carry their own dates; this records the policy
    return {"expiry_mode": settings.expiry_mode, "expiry_years": settings.expiry_years,
            "expiry_months": settings.expiry_months}  # fmt: skip


def _count_expiry(uow: UnitOfWork, context) -> dict[str, int]:
    lots, points_ = uow.session.execute(
        select(func.count(), func.coalesce(func.sum(PointLot.remaining), 0)).where(
            PointLot.remaining > 0, PointLot.expires_on < context.as_of
        )
    ).one()
    return {"lots": int(lots), "points": int(points_)}


def _expire_batch(uow: UnitOfWork, context, first: int, last: int) -> dict[str, int]:
    batch = ledger.expire_range(uow, context.as_of, first, last, context.username)
    return {"lots": batch.lots, "points": batch.points}


EXPIRY_RUN = runs.RunKind(
    "points_expiry", Permission.CONFIGURE_PROGRAMME, _check_expiry, _expiry_policy,
    _count_expiry, _expire_batch, batch_size=EXPIRY_CHUNK,
)  # fmt: skip


def _expiry_date(db: Database, as_of: date | None) -> date:
    if as_of is not None:
        return as_of
    with db.reader() as uow:
        return programme_today(uow)


def preview_expiry(db: Database, actor: Actor, as_of: date | None = None) -> runs.RunRow:
    return runs.preview(db, actor, EXPIRY_RUN, _expiry_date(db, as_of))


def expire_points(
    db: Database, actor: Actor | str, as_of: date | None = None, progress: Progress | None = None
) -> ExpiryResult:
    """Expire every lot whose last valid day is before ``as_of`` (default: today).

    A batch run: member-id batches, each its own transaction with the run's record, so a
    run over millions of entries never holds one huge transaction; an interrupted run
    resumes where it stopped, and a finished one changes nothing when run again.
    """
    as_of = _expiry_date(db, as_of)
    run = runs.commit(db, actor, EXPIRY_RUN, as_of, progress=progress)
    return ExpiryResult(
        as_of, run.counts.get("lots", 0), run.counts.get("points", 0), run.id, run.repeated
    )
