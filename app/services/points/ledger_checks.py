"""Ledger verification: every cached figure checked against the entries, set-based.

The account row caches balance, held and qualifying points, and lots cache what is left;
these checks recompute each figure from the append-only entries and allocations and list
what disagrees. Posted holds and approved adjustments must each own exactly one entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, text

from app.db import guards
from app.db.guards import GuardProblem
from app.db.models import (
    ApprovalRequest,
    LedgerEntry,
    LotAllocation,
    Member,
    PointHold,
    PointLot,
    PointsAccount,
)
from app.domain import points as rules
from app.services.shared.uow import UnitOfWork

ACTIVE = rules.HoldStatus.ACTIVE


@dataclass(frozen=True)
class Discrepancy:
    member_id: int
    member_number: str
    problem: str  # stable code: balance, qualifying, lots, lot_sum, held, hold_entry,
    # adjustment_entry
    expected: int
    found: int


def verify(uow: UnitOfWork, report: Callable[[int, int], None] | None = None) -> list[Discrepancy]:
    """Check every cached figure against the entries, set-based; returns what disagrees."""
    checks = [
        _check_balances, _check_lot_sums, _check_lots, _check_held, _check_posted_holds,
        _check_approved_adjustments,
    ]  # fmt: skip
    found: list[Discrepancy] = []
    for done, check in enumerate(checks, 1):
        found += check(uow.session)
        if report:
            report(done, len(checks))
    return sorted(found, key=lambda d: (d.member_id, d.problem))


def guard_report(uow: UnitOfWork) -> list[GuardProblem]:
    """The database guards keeping the ledger append-only that are missing, off or altered."""
    return guards.guard_problems(uow.session.connection(), guards.LEDGER_TABLES)


def _check_balances(session) -> list[Discrepancy]:
    sums = (
        select(
            LedgerEntry.member_id.label("member_id"),
            func.sum(text("CASE WHEN currency = 'points' THEN amount ELSE 0 END")).label("p"),
            func.sum(text("CASE WHEN currency = 'qualifying' THEN amount ELSE 0 END")).label("q"),
        )
        .group_by(LedgerEntry.member_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Member.id,
            Member.member_number,
            func.coalesce(sums.c.p, 0),
            func.coalesce(PointsAccount.balance, 0),
            func.coalesce(sums.c.q, 0),
            func.coalesce(PointsAccount.qualifying, 0),
        )
        .select_from(Member)
        .outerjoin(sums, sums.c.member_id == Member.id)
        .outerjoin(PointsAccount, PointsAccount.member_id == Member.id)
        .where(
            (func.coalesce(sums.c.p, 0) != func.coalesce(PointsAccount.balance, 0))
            | (func.coalesce(sums.c.q, 0) != func.coalesce(PointsAccount.qualifying, 0))
        )
    )
    out = []
    for member_id, number, p, balance, q, qualifying in rows:
        p, q = int(p), int(q)  # SUM() is a Decimal on PostgreSQL
        if p != balance:
            out.append(Discrepancy(member_id, number, "balance", p, balance))
        if q != qualifying:
            out.append(Discrepancy(member_id, number, "qualifying", q, qualifying))
    return out


def _check_lot_sums(session) -> list[Discrepancy]:
    sums = (
        select(PointLot.member_id, func.sum(PointLot.remaining).label("remaining"))
        .group_by(PointLot.member_id)
        .subquery()
    )
    rows = session.execute(
        select(Member.id, Member.member_number, PointsAccount.balance, sums.c.remaining)
        .join(PointsAccount, PointsAccount.member_id == Member.id)
        .outerjoin(sums, sums.c.member_id == Member.id)
        .where(PointsAccount.balance != func.coalesce(sums.c.remaining, 0))
    )
    return [Discrepancy(m, n, "lot_sum", b, int(r or 0)) for m, n, b, r in rows]


def _check_lots(session) -> list[Discrepancy]:
    taken = (
        select(LotAllocation.lot_id, func.sum(LotAllocation.points).label("taken"))
        .group_by(LotAllocation.lot_id)
        .subquery()
    )
    expected = PointLot.original - func.coalesce(taken.c.taken, 0)
    rows = session.execute(
        select(Member.id, Member.member_number, expected, PointLot.remaining)
        .select_from(PointLot)
        .join(Member, Member.id == PointLot.member_id)
        .join(LedgerEntry, LedgerEntry.id == PointLot.entry_id)
        .outerjoin(taken, taken.c.lot_id == PointLot.id)
        .where((PointLot.remaining != expected) | (PointLot.original != LedgerEntry.amount))
    )
    return [Discrepancy(m, n, "lots", int(e), r) for m, n, e, r in rows]


def _check_held(session) -> list[Discrepancy]:
    sums = (
        select(PointHold.member_id, func.sum(PointHold.points).label("held"))
        .where(PointHold.status == ACTIVE)
        .group_by(PointHold.member_id)
        .subquery()
    )
    rows = session.execute(
        select(Member.id, Member.member_number, sums.c.held, PointsAccount.held)
        .join(PointsAccount, PointsAccount.member_id == Member.id)
        .outerjoin(sums, sums.c.member_id == Member.id)
        .where(PointsAccount.held != func.coalesce(sums.c.held, 0))
    )
    return [Discrepancy(m, n, "held", int(h or 0), a) for m, n, h, a in rows]


@dataclass(frozen=True)
class _Claims:
    """Rows that each claim one posting of their own: which rows, and what they say."""

    source: Any  # the mapped class the rows come from
    done: Any  # the condition for a row that has posted
    member_id: Any  # column expressions
    entry_id: Any
    amount: Any
    currency: Any = None


def _check_posted_holds(session) -> list[Discrepancy]:
    """Each posted hold has its own entry taking exactly its points from its member."""
    claims = _Claims(PointHold, PointHold.status == rules.HoldStatus.POSTED, PointHold.member_id,
                     PointHold.entry_id, -PointHold.points)  # fmt: skip
    return _check_own_entries(session, claims, "hold_entry")


def _check_approved_adjustments(session) -> list[Discrepancy]:
    """Each approved adjustment has its own entry of exactly its amount and currency."""
    request = ApprovalRequest
    claims = _Claims(
        request,
        (request.kind == "points_adjustment") & (request.status == "approved"),
        request.subject_id,
        request.result["entry_id"].as_integer(),
        request.payload["amount"].as_integer(),
        request.payload["currency"].as_string(),
    )
    return _check_own_entries(session, claims, "adjustment_entry")


def _check_own_entries(session, claims: _Claims, problem: str) -> list[Discrepancy]:
    shared = (
        select(claims.entry_id)
        .select_from(claims.source)
        .where(claims.done)
        .group_by(claims.entry_id)
        .having(func.count() > 1)
    )
    mismatch = (
        LedgerEntry.id.is_(None)
        | (LedgerEntry.amount != claims.amount)
        | (LedgerEntry.member_id != claims.member_id)
        | claims.entry_id.in_(shared)
    )
    if claims.currency is not None:
        mismatch = mismatch | (LedgerEntry.currency != claims.currency)
    rows = session.execute(
        select(Member.id, Member.member_number, claims.amount, LedgerEntry.amount)
        .select_from(claims.source)
        .join(Member, Member.id == claims.member_id)
        .outerjoin(LedgerEntry, LedgerEntry.id == claims.entry_id)
        .where(claims.done, mismatch)
    )
    return [Discrepancy(m, n, problem, int(e), int(f or 0)) for m, n, e, f in rows]
