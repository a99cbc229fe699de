"""Benefits (issue 13): the catalog, honouring dealers, pictures, the tier matrix and
vouchers."""

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
    LargeBinary,
    String,
    Text,
    false,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, UtcDateTime, big_pk, fen, int_pk, utc


class Benefit(Base):
    """A catalog item: bought with points, a tier entitlement, or given (``channel``).
    ``stock`` None: unlimited; it only ever changes by a relative update, so a redemption and
    a restock never overwrite each other."""

    __tablename__ = "benefits"
    __table_args__ = (
        CheckConstraint("stock IS NULL OR stock >= 0", name="stock_not_negative"),
        CheckConstraint("points_price >= 0", name="price_not_negative"),
        Index("ix_benefits_status_channel", "status", "channel"),
    )

    id: Mapped[int_pk]
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, server_default="")
    channel: Mapped[str] = mapped_column(String(12))  # app.domain.benefits.Channel
    source: Mapped[str] = mapped_column(String(12))  # app.domain.benefits.Source
    category: Mapped[str] = mapped_column(String(20))  # app.domain.benefits.Category
    points_price: Mapped[int] = mapped_column(BigInteger)
    price_set: Mapped[bool] = mapped_column(Boolean, server_default=false())  # else default
    face_value_fen: Mapped[fen]
    unit_cost_fen: Mapped[fen]
    stock: Mapped[int | None] = mapped_column(Integer)
    limit_per_member: Mapped[int | None] = mapped_column(Integer)
    limit_period: Mapped[str] = mapped_column(String(8))  # app.domain.benefits.LimitPeriod
    eligible_tiers: Mapped[str] = mapped_column(Text, server_default="")  # codes, "," joined
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    voucher_days: Mapped[int] = mapped_column(Integer)
    all_dealers: Mapped[bool] = mapped_column(Boolean, server_default=true())
    status: Mapped[str] = mapped_column(String(10))  # app.domain.benefits.ItemStatus
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[utc]
    updated_at: Mapped[utc]
    listed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"))  # source partner


class BenefitDealer(Base):
    """The dealers that honour an item whose ``all_dealers`` is false."""

    __tablename__ = "benefit_dealers"

    benefit_id: Mapped[int] = mapped_column(ForeignKey("benefits.id"), primary_key=True)
    dealer_id: Mapped[int] = mapped_column(ForeignKey("dealers.id"), primary_key=True)


class BenefitPicture(Base):
    """An item's picture (in the database, so every desktop of a shared database sees it)."""

    __tablename__ = "benefit_pictures"

    benefit_id: Mapped[int] = mapped_column(ForeignKey("benefits.id"), primary_key=True)
    mime: Mapped[str] = mapped_column(String(20))
    content: Mapped[bytes] = mapped_column(LargeBinary)


class TierEntitlement(Base):
    """A cell of the tier benefit matrix: what a tier gets of a tier-channel item."""

    __tablename__ = "tier_entitlements"

    benefit_id: Mapped[int] = mapped_column(ForeignKey("benefits.id"), primary_key=True)
    tier_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    quantity: Mapped[int | None] = mapped_column(Integer)  # None: not set yet
    period: Mapped[str] = mapped_column(String(10))  # app.domain.benefits.QuotaPeriod
    value_fen: Mapped[int | None] = mapped_column(BigInteger)
    discount_permille: Mapped[int | None] = mapped_column(Integer)
    updated_by: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[utc]


class Voucher(Base):
    """One redemption (the order) and the voucher it issued: issued → used, cancelled or
    expired. The code is random with a check character; it works once."""

    __tablename__ = "vouchers"
    __table_args__ = (
        Index("ix_vouchers_member_benefit", "member_id", "benefit_id", "issued_on"),
        Index("ix_vouchers_status_expires", "status", "expires_on"),
        Index("ix_vouchers_benefit_issued", "benefit_id", "issued_on"),
        Index("ix_vouchers_issued_dealer", "issued_dealer_id", "issued_on"),
        Index("ix_vouchers_used_dealer", "used_dealer_id", "used_on"),
        Index("ix_vouchers_benefit_used", "benefit_id", "used_on"),  # partner settlements
        Index("ix_vouchers_issued_on", "issued_on"),
    )

    id: Mapped[big_pk]
    code: Mapped[str] = mapped_column(String(20), unique=True)
    request_uid: Mapped[str] = mapped_column(String(64), unique=True)  # a retry issues once
    benefit_id: Mapped[int] = mapped_column(ForeignKey("benefits.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    channel: Mapped[str] = mapped_column(String(12))
    tier_code: Mapped[str | None] = mapped_column(String(20))  # a tier entitlement's tier
    points: Mapped[int] = mapped_column(BigInteger)
    face_value_fen: Mapped[fen]
    discount_permille: Mapped[int | None] = mapped_column(Integer)  # a tier cell's discount
    unit_cost_fen: Mapped[fen]
    status: Mapped[str] = mapped_column(String(10))  # app.domain.benefits.VoucherStatus
    issued_on: Mapped[date] = mapped_column(Date)
    issued_at: Mapped[utc]
    issued_by: Mapped[str] = mapped_column(String(40))
    issued_dealer_id: Mapped[int | None] = mapped_column(ForeignKey("dealers.id"))
    expires_on: Mapped[date] = mapped_column(Date)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entries.id"))
    used_on: Mapped[date | None] = mapped_column(Date)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    used_by: Mapped[str | None] = mapped_column(String(40))
    used_dealer_id: Mapped[int | None] = mapped_column(ForeignKey("dealers.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # cancelled or expired
    closed_by: Mapped[str | None] = mapped_column(String(40))
    close_note: Mapped[str | None] = mapped_column(Text)
    reversal_entry_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entries.id"))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("batch_runs.id"))  # the expiry run
