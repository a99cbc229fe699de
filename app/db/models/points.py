"""The points ledger: accounts, earning rules, entries, lots, allocations, holds and
adjustment reasons.

Entries are append-only (database triggers refuse UPDATE and DELETE, see migration 0006).
The account row caches the sums of the entries and is the lock that serialises postings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, UtcDateTime, big_pk, int_pk, utc


class PointsAccount(Base):
    __tablename__ = "points_accounts"
    __table_args__ = (
        CheckConstraint("balance >= 0", name="balance_not_negative"),
        CheckConstraint("held >= 0", name="held_not_negative"),
        CheckConstraint("qualifying >= 0", name="qualifying_not_negative"),
    )

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    balance: Mapped[int] = mapped_column(BigInteger, server_default="0")
    held: Mapped[int] = mapped_column(BigInteger, server_default="0")
    qualifying: Mapped[int] = mapped_column(BigInteger, server_default="0")
    cycle_start: Mapped[date | None] = mapped_column(Date)  # fixed-cycle expiry policy


class EarningRule(Base):
    """One version of an earning rule; the version in force on a date is the latest
    ``effective_from`` not after it. Entries keep the id of the version that earned them."""

    __tablename__ = "earning_rules"
    __table_args__ = (
        UniqueConstraint("code", "version"),
        UniqueConstraint("code", "effective_from"),
    )

    id: Mapped[int_pk]
    code: Mapped[str] = mapped_column(String(30))
    version: Mapped[int] = mapped_column(Integer)
    effective_from: Mapped[date] = mapped_column(Date)
    params: Mapped[str] = mapped_column(Text)  # JSON
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[utc]


class LedgerEntry(Base):
    __tablename__ = "ledger_entries"
    __table_args__ = (
        Index("ix_ledger_entries_member_id", "member_id", "id"),
        Index("ix_ledger_entries_member_source_date", "member_id", "source", "business_date"),
        Index("ix_ledger_entries_reverses_id", "reverses_id"),
        # A source document earns once per currency, whatever the callers do.
        Index(
            "uq_ledger_entries_document_earn",
            "service_order_id",
            "currency",
            unique=True,
            sqlite_where=text("kind = 'earn'"),
            postgresql_where=text("kind = 'earn'"),
        ),
    )

    id: Mapped[big_pk]
    entry_uid: Mapped[str] = mapped_column(String(64), unique=True)  # caller-supplied
    fingerprint: Mapped[str] = mapped_column(String(64))  # of the content, for retries
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    currency: Mapped[str] = mapped_column(String(12))  # points | qualifying
    kind: Mapped[str] = mapped_column(String(12))  # earn redeem adjust reverse expire
    source: Mapped[str] = mapped_column(String(20))  # service, sign_in, adjustment...
    amount: Mapped[int] = mapped_column(BigInteger)  # signed
    shortfall: Mapped[int] = mapped_column(BigInteger, server_default="0")
    business_date: Mapped[date] = mapped_column(Date)
    posted_at: Mapped[utc]
    dealer_id: Mapped[int | None] = mapped_column(ForeignKey("dealers.id"))
    channel: Mapped[str | None] = mapped_column(String(20))
    reference: Mapped[str | None] = mapped_column(String(60))
    service_order_id: Mapped[int | None] = mapped_column(ForeignKey("service_orders.id"))
    rule_id: Mapped[int | None] = mapped_column(ForeignKey("earning_rules.id"))
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entries.id"))
    note: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(40))


class PointLot(Base):
    """Points from one credit, with their own expiry; ``expires_on`` is NULL until a
    pre-registered member is activated."""

    __tablename__ = "point_lots"
    __table_args__ = (
        CheckConstraint("remaining >= 0 AND remaining <= original", name="remaining_in_range"),
        Index("ix_point_lots_member_expires", "member_id", "expires_on"),
        Index(
            "ix_point_lots_open_expires",
            "expires_on",
            sqlite_where=text("remaining > 0"),
            postgresql_where=text("remaining > 0"),
        ),
    )

    id: Mapped[big_pk]
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("ledger_entries.id"), unique=True)
    earned_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    original: Mapped[int] = mapped_column(BigInteger)
    remaining: Mapped[int] = mapped_column(BigInteger)


class LotAllocation(Base):
    """Points a debit took from a lot (negative: points a reversal put back)."""

    __tablename__ = "lot_allocations"
    __table_args__ = (Index("ix_lot_allocations_lot_id", "lot_id"),)

    entry_id: Mapped[int] = mapped_column(ForeignKey("ledger_entries.id"), primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("point_lots.id"), primary_key=True)
    points: Mapped[int] = mapped_column(BigInteger)


class PointHold(Base):
    """Points reserved for a pending redemption: posted, released, or timed out."""

    __tablename__ = "point_holds"
    __table_args__ = (
        CheckConstraint("points > 0", name="points_positive"),
        Index("ix_point_holds_member_status", "member_id", "status"),
        Index("ix_point_holds_status_expires", "status", "expires_at"),
    )

    id: Mapped[int_pk]
    hold_uid: Mapped[str] = mapped_column(String(64), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    points: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(12))  # active posted released timed_out
    purpose: Mapped[str] = mapped_column(String(40))
    reference: Mapped[str | None] = mapped_column(String(60))
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[utc]
    expires_at: Mapped[utc]
    settled_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entries.id"))
    dealer_id: Mapped[int | None] = mapped_column(ForeignKey("dealers.id"))  # placed by


class AdjustmentReason(Base):
    __tablename__ = "adjustment_reasons"

    code: Mapped[str] = mapped_column(String(30), primary_key=True)
    label: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, server_default=true())
