"""Tiers for the demo database, set-based: every member whose qualifying points reach a tier
of the built-in policy holds it, with the upgrade in its history, so the GUI shows tiers, the
at-risk list has calls to make and a review has members to decide.

The demo is a snapshot, not a replay: a member holds the highest tier their qualifying
points reach (the same points the upgrade check reads for a member on the base tier, so no
upgrade is silently due), upgraded on a day spread over the last 15 months. Validity thus
ends from three months ago (a review is due) to a year from now (at risk, or safe); the
points posted after the upgrade day count for the next review. A few statements over the
whole table, never one member at a time, so a million members take seconds.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import (
    Column,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    case,
    func,
    insert,
    literal,
    select,
)

from app.db.models import LedgerEntry, Member, MemberTier, PointsAccount, TierChange, UtcDateTime
from app.domain import tiers as rules
from app.domain.members import MemberStatus
from app.services.shared.database import Database

SLOTS = 456  # upgrade days: 1 to 456 days ago (15 months)
SCATTER = 7919  # prime: spreads consecutive member ids over the slots


def _slot_table() -> Table:
    return Table(
        "demo_tier_slots",
        MetaData(),
        Column("slot", Integer, primary_key=True),
        Column("upgraded_on", Date, nullable=False),
        Column("valid_until", Date, nullable=False),
        prefixes=["TEMPORARY"],
    )


def slot_dates(policy: rules.TierPolicy, today: date) -> list[dict]:
    """(slot, upgrade day, end of validity) for each slot: slot n was upgraded n+1 days ago."""
    rows = []
    for slot in range(SLOTS):
        upgraded_on = today - timedelta(days=slot + 1)
        valid_until = rules.validity_end(upgraded_on, policy.validity_months)
        rows.append({"slot": slot, "upgraded_on": upgraded_on, "valid_until": valid_until})
    return rows


def assign_tiers(db: Database, today: date, policy: rules.TierPolicy | None = None) -> int:
    """Give the demo's members their tiers (see the module); returns how many hold one above
    the base. Only for a database whose members hold no tier yet."""
    policy = policy or rules.DEFAULT_POLICY
    if len(policy.tiers) < 2:
        return 0
    base, lowest = policy.tiers[0], policy.tiers[1]
    with db.uow() as uow:
        connection = uow.session.connection()
        slots = _slot_table()
        slots.create(connection)  # a failure rolls its creation back with the rest
        connection.execute(insert(slots), slot_dates(policy, today))
        _insert_tiers(connection, slots, policy, lowest.reach_points, uow.now())
        _insert_history(connection, base.code, uow.now())
        slots.drop(connection)
        held = int(uow.session.scalar(select(func.count()).select_from(MemberTier)) or 0)
        uow.commit()
    return held


def _insert_tiers(connection, slots: Table, policy: rules.TierPolicy, reach: int, now) -> None:
    account = PointsAccount
    tier = case(
        *[(account.qualifying >= t.reach_points, t.code) for t in reversed(policy.tiers[1:])],
        else_=policy.tiers[1].code,
    )
    # the entries up to the upgrade day earned it: the period counts the ones after
    counted = (
        select(func.max(LedgerEntry.id))
        .where(
            LedgerEntry.member_id == account.member_id,
            LedgerEntry.business_date <= slots.c.upgraded_on,
        )
        .scalar_subquery()
    )
    source = (
        select(
            account.member_id,
            tier.label("tier_code"),
            slots.c.upgraded_on.label("period_start"),
            counted.label("counted_to_entry"),
            slots.c.valid_until,
            slots.c.upgraded_on.label("upgraded_on"),
            literal(now, UtcDateTime()).label("updated_at"),
        )
        .join(Member, Member.id == account.member_id)
        # the remainder first: a member id times SCATTER would overflow a 32-bit integer
        .join(slots, slots.c.slot == (account.member_id % SLOTS) * SCATTER % SLOTS)
        .where(
            account.qualifying >= reach,
            Member.merged_into_id.is_(None),
            Member.status != MemberStatus.CLOSED.value,
        )
    )
    columns = ["member_id", "tier_code", "period_start", "counted_to_entry", "valid_until",
               "upgraded_on", "updated_at"]  # fmt: skip
    connection.execute(insert(MemberTier).from_select(columns, source))


def _insert_history(connection, base_code: str, now) -> None:
    source = select(
        MemberTier.member_id,
        literal(base_code, String()).label("from_code"),
        MemberTier.tier_code,
        literal(rules.ChangeReason.UPGRADE.value, String()).label("reason"),
        PointsAccount.qualifying,
        MemberTier.period_start,
        MemberTier.valid_until,
        literal("demo", String()).label("actor"),
        literal(now, UtcDateTime()).label("created_at"),
    ).join(PointsAccount, PointsAccount.member_id == MemberTier.member_id)
    columns = ["member_id", "from_code", "to_code", "reason", "points", "effective_on",
               "valid_until", "actor", "created_at"]  # fmt: skip
    connection.execute(insert(TierChange).from_select(columns, source))
