"""The segmentation scores in SQL, set-based: one CTE of per-member aggregates over the
window (a UNION ALL of grouped reads of the ledger, complaints, service orders, vehicle
ownerships and referrals), the variable scores by window counts over it, the axis scores in
exact integer millionths, and the tercile levels by RANK() — the same arithmetic as
``app.domain.segmentation.reference_scores``, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Date, Float, and_, case, cast, func, literal_column, null, select, union_all

from app.db.models import LedgerEntry, Member, PartnerComplaint, ServiceOrder, VehicleOwnership
from app.domain import segmentation as rules
from app.domain.members import MemberStatus
from app.domain.points import Currency, EntryKind

ACTIVITY_SOURCES = ("sign_in", "share", "major_event")  # RULES.md §3: event entries


def zero():
    return literal_column("0")


def one():
    return literal_column("1")


def in_run(query):
    """Members a run covers: not merged into another, not closed."""
    return query.where(Member.merged_into_id.is_(None), Member.status != MemberStatus.CLOSED.value)


def _utc_bounds(start: date, end: date, timezone: str) -> tuple[datetime, datetime]:
    zone = ZoneInfo(timezone)
    return (
        datetime.combine(start, time(), zone).astimezone(ZoneInfo("UTC")),
        datetime.combine(end + timedelta(days=1), time(), zone).astimezone(ZoneInfo("UTC")),
    )


def _one(condition):
    return func.sum(case((condition, 1), else_=0))


def aggregates(start: date, as_of: date, timezone: str):
    """Per member with any data: Y1..Y4 counts, visits, spend, last service date, cars,
    referred purchase (one grouped read per source, then summed per member)."""
    L = LedgerEntry
    ledger = (
        select(
            L.member_id.label("member_id"),
            _one(L.kind == EntryKind.REDEEM.value).label("y1"),
            _one(L.kind == EntryKind.EARN.value).label("y2"),
            _one(and_(L.kind == EntryKind.EARN.value, L.source.in_(ACTIVITY_SOURCES))).label("y3"),
            zero().label("y4"), zero().label("visits"), zero().label("spend"),
            cast(null(), Date).label("last_service"), zero().label("cars"),
            zero().label("referred"),
        )
        .where(L.currency == Currency.POINTS.value, L.business_date.between(start, as_of),
               L.kind.in_((EntryKind.REDEEM.value, EntryKind.EARN.value)))
        .group_by(L.member_id)
    )  # fmt: skip
    low, high = _utc_bounds(start, as_of, timezone)
    C = PartnerComplaint
    complaints = (
        select(
            C.member_id, zero(), zero(), zero(), func.count(C.id), zero(),
            zero(), cast(null(), Date), zero(), zero(),
        )
        .where(C.member_id.is_not(None), C.received_at >= low, C.received_at < high)
        .group_by(C.member_id)
    )  # fmt: skip
    S = ServiceOrder
    services = (
        select(
            S.member_id, zero(), zero(), zero(), zero(), func.count(S.id),
            func.sum(S.amount_fen), func.max(S.service_date), zero(), zero(),
        )
        .where(S.refunded_at.is_(None), S.service_date.between(start, as_of))
        .group_by(S.member_id)
    )  # fmt: skip
    V = VehicleOwnership
    cars = (
        select(
            V.member_id, zero(), zero(), zero(), zero(), zero(),
            zero(), cast(null(), Date), one(), zero(),
        )
        .where(V.owned_from <= as_of)
        .group_by(V.member_id)
        .having(func.count(func.distinct(V.vehicle_id)) >= 2)
    )  # fmt: skip
    buyers = select(V.member_id).where(V.owned_from <= as_of)
    referred = (
        select(
            Member.referrer_id, zero(), zero(), zero(), zero(), zero(),
            zero(), cast(null(), Date), zero(), one(),
        )
        .where(Member.referrer_id.is_not(None), Member.id.in_(buyers))
        .group_by(Member.referrer_id)
    )  # fmt: skip
    rows = union_all(ledger, complaints, services, cars, referred).subquery("sources")
    per_member = (
        select(
            rows.c.member_id,
            *[func.sum(rows.c[n]).label(n) for n in ("y1", "y2", "y3", "y4", "visits", "spend")],
            func.max(rows.c.last_service).label("last_service"),
            func.max(rows.c.cars).label("cars"),
            func.max(rows.c.referred).label("referred"),
        )
        .group_by(rows.c.member_id)
        .subquery("per_member")
    )
    members = in_run(select(per_member).join(Member, Member.id == per_member.c.member_id))
    return members.cte("aggregates")


def _no_worse(column, fewer_is_better: bool):
    """How many members are no better than this one (ties included; NULL is the worst)."""
    order = column.desc() if fewer_is_better else column.asc()
    return func.count().over(order_by=order.nulls_first())


def scored(policy: dict):
    """(member_id, y, x, cell) of every member with data in the run's window."""
    weights = rules.Weights.from_json(policy["weights"])
    start, as_of = date.fromisoformat(policy["window_start"]), date.fromisoformat(policy["as_of"])
    agg = aggregates(start, as_of, policy["timezone"])
    per_visit = case((agg.c.visits > 0, cast(agg.c.spend, Float) / agg.c.visits), else_=None)
    sources = {
        "Y1": agg.c.y1, "Y2": agg.c.y2, "Y3": agg.c.y3, "Y4": agg.c.y4,
        "X1": per_visit, "X2": agg.c.visits,
        # more recent is better: an earlier last date (or none) is worse
        "X3": agg.c.last_service,
    }  # fmt: skip
    ranks = select(
        agg.c.member_id,
        func.count().over().label("n"),
        *[
            _no_worse(column, weights.fewer_is_better(var) != (var == "X3")).label(var)
            for var, column in sources.items()
        ],
        agg.c.cars, agg.c.referred,
    ).cte("ranks")  # fmt: skip

    def axis(variables, bonuses):
        total = sum(weights.thousandths(v) * ranks.c[v] for v in variables)
        bonus = sum(weights.thousandths(b) * 1000 * ranks.c[c] for b, c in bonuses)
        return (total * 1000) // ranks.c.n + bonus

    axes = select(
        ranks.c.member_id,
        ranks.c.n,
        axis(rules.SCORED_Y, (("Y5", "cars"), ("Y6", "referred"))).label("y"),
        axis(rules.SCORED_X, ()).label("x"),
    ).cte("axes")
    levels = select(
        axes.c.member_id, axes.c.y, axes.c.x, axes.c.n,
        (func.rank().over(order_by=axes.c.y) - 1).label("below_y"),
        (func.rank().over(order_by=axes.c.x) - 1).label("below_x"),
    ).cte("levels")  # fmt: skip
    return select(
        levels.c.member_id,
        levels.c.y,
        levels.c.x,
        (_level(levels.c.below_y, levels.c.n) * 3 + _level(levels.c.below_x, levels.c.n) + 1).label(
            "cell"
        ),
    ).cte("scored")


def _level(below, n):
    return case(
        (3 * below < n, int(rules.Level.LOW)),
        (3 * below < 2 * n, int(rules.Level.MIDDLE)),
        else_=int(rules.Level.HIGH),
    )
