"""Tiers (issue 12): the versioned policy, members' tiers and their history."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    BigInteger,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, big_pk, int_pk, utc


class TierPolicyVersion(Base):
    """One version of the tier policy (the tiers, their thresholds, validity…); the version
    in force on a date is the latest ``effective_from`` not after it."""

    __tablename__ = "tier_policies"

    id: Mapped[int_pk]
    effective_from: Mapped[date] = mapped_column(Date, unique=True)
    policy: Mapped[str] = mapped_column(Text)  # JSON, app.domain.tiers.policy_to_dict
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[utc]


class MemberTier(Base):
    """A member's tier now. No row: the base tier since enrolment (most members), so the
    review reads only the members above the base."""

    __tablename__ = "member_tiers"
    __table_args__ = (Index("ix_member_tiers_valid_until", "valid_until", "member_id"),)

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    tier_code: Mapped[str] = mapped_column(String(20), index=True)
    period_start: Mapped[date] = mapped_column(Date)  # qualifying points count from here…
    # …except the entries up to this id: they earned the change that started the period
    counted_to_entry: Mapped[int | None] = mapped_column(BigInteger)
    valid_until: Mapped[date | None] = mapped_column(Date)  # None: the base tier, for life
    upgraded_on: Mapped[date | None] = mapped_column(Date)  # the last upgrade, for reports
    floor_code: Mapped[str | None] = mapped_column(String(20))  # manual or paid tier…
    floor_until: Mapped[date | None] = mapped_column(Date)  # …kept at least until this day
    floor_reason: Mapped[str | None] = mapped_column(String(12))  # manual | paid
    matched_on: Mapped[date | None] = mapped_column(Date)  # the last status match
    updated_at: Mapped[utc]


class TierChange(Base):
    """Every change of a member's tier (and every retain), with what it was based on."""

    __tablename__ = "tier_history"
    __table_args__ = (
        Index("ix_tier_history_member", "member_id", "id"),
        Index("ix_tier_history_run", "run_id"),
    )

    id: Mapped[big_pk]
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    from_code: Mapped[str | None] = mapped_column(String(20))
    to_code: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(12))  # app.domain.tiers.ChangeReason
    points: Mapped[int] = mapped_column(BigInteger)  # qualifying points it was based on
    effective_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("batch_runs.id"))
    approval_id: Mapped[int | None] = mapped_column(ForeignKey("approval_requests.id"))
    note: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[utc]
