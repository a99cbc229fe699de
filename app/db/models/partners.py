"""Partners (issue 14): registry, status history, admissions, weights, evaluations,
cooperation modes and complaints."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    false,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, UtcDateTime, fen, int_pk, utc


class Partner(Base):
    """A cross-industry company supplying benefits (异业合作方), from candidate to terminated."""

    __tablename__ = "partners"
    __table_args__ = (
        CheckConstraint("registered_capital_fen >= 0", name="capital_not_negative"),
        Index("ix_partners_industry_status", "industry", "status"),
    )

    id: Mapped[int_pk]
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)  # 统一社会信用代码
    legal_person: Mapped[bool] = mapped_column(Boolean)  # an independent legal person
    legal_representative: Mapped[str] = mapped_column(String(40))
    registered_capital_fen: Mapped[fen]
    founded_on: Mapped[date] = mapped_column(Date)
    industry: Mapped[str] = mapped_column(String(20))  # app.domain.partners.Industry
    contact_name: Mapped[str] = mapped_column(String(40), server_default="")
    contact_phone: Mapped[str] = mapped_column(String(40), server_default="")
    contact_email: Mapped[str] = mapped_column(String(100), server_default="")
    address: Mapped[str] = mapped_column(String(200), server_default="")
    vat_special_invoice: Mapped[bool] = mapped_column(Boolean, server_default=false())
    documents: Mapped[str] = mapped_column(Text, server_default="")  # references, one a line
    notes: Mapped[str] = mapped_column(Text, server_default="")
    shortlist_reason: Mapped[str | None] = mapped_column(Text)  # fewer than 5 compared: why
    status: Mapped[str] = mapped_column(String(12))  # app.domain.partners.PartnerStatus
    status_since: Mapped[date] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[utc]
    updated_at: Mapped[utc]


class PartnerStatusChange(Base):
    """Every change of a partner's status: when, why, who, and the approval if any."""

    __tablename__ = "partner_status_changes"
    __table_args__ = (Index("ix_partner_status_changes_partner", "partner_id", "id"),)

    id: Mapped[int_pk]
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"))
    from_status: Mapped[str | None] = mapped_column(String(12))
    to_status: Mapped[str] = mapped_column(String(12))
    effective_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(40))
    approval_id: Mapped[int | None] = mapped_column(ForeignKey("approval_requests.id"))
    created_at: Mapped[utc]


class PartnerAdmission(Base):
    """One admission assessment (准入): each of the six checks with its evidence; the
    latest one counts. A failed check blocks approval unless headquarters overrides it."""

    __tablename__ = "partner_admissions"
    __table_args__ = (Index("ix_partner_admissions_partner", "partner_id", "id"),)

    id: Mapped[int_pk]
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"))
    assessed_on: Mapped[date] = mapped_column(Date)
    results: Mapped[dict] = mapped_column(JSON)  # check → {"passed": bool, "evidence": str}
    passed: Mapped[bool] = mapped_column(Boolean)
    assessed_by_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"))
    assessed_by: Mapped[str] = mapped_column(String(40))
    assessed_at: Mapped[utc]
    override_reason: Mapped[str | None] = mapped_column(Text)
    overridden_by: Mapped[str | None] = mapped_column(String(40))
    overridden_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class PartnerWeights(Base):
    """A version of the evaluation weights; the one in force on a date is the latest
    ``effective_from`` not after it (none: equal weights)."""

    __tablename__ = "partner_weights"

    id: Mapped[int_pk]
    effective_from: Mapped[date] = mapped_column(Date, unique=True)
    weights: Mapped[dict] = mapped_column(JSON)  # factor → whole-number weight
    note: Mapped[str] = mapped_column(Text, server_default="")
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[utc]


class PartnerEvaluation(Base):
    """One scoring of the seven factors with the weights it used; the latest one counts."""

    __tablename__ = "partner_evaluations"
    __table_args__ = (Index("ix_partner_evaluations_partner", "partner_id", "id"),)

    id: Mapped[int_pk]
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"))
    evaluated_on: Mapped[date] = mapped_column(Date)
    scores: Mapped[dict] = mapped_column(JSON)  # factor → 1..5
    weights: Mapped[dict] = mapped_column(JSON)  # the weights used (a copy of the version)
    weights_id: Mapped[int | None] = mapped_column(ForeignKey("partner_weights.id"))
    total_hundredths: Mapped[int] = mapped_column(Integer)  # 3.67 → 367
    note: Mapped[str] = mapped_column(Text, server_default="")
    evaluated_by_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"))
    evaluated_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[utc]


class PartnerMode(Base):
    """One cooperation mode of a partner with its own terms and its contract."""

    __tablename__ = "partner_modes"
    __table_args__ = (
        Index("ix_partner_modes_partner", "partner_id"),
        Index("ix_partner_modes_contract_end", "contract_end"),
    )

    id: Mapped[int_pk]
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"))
    mode: Mapped[str] = mapped_column(String(20))  # app.domain.partners.Mode
    terms: Mapped[dict] = mapped_column(JSON)  # the mode's own fields (MODE_FIELDS)
    contract_start: Mapped[date] = mapped_column(Date)
    contract_end: Mapped[date] = mapped_column(Date)
    unit_cost_fen: Mapped[fen]  # agreed cost per redemption: its benefits' unit cost
    payment: Mapped[str] = mapped_column(String(10))  # prepaid | postpaid
    active: Mapped[bool] = mapped_column(Boolean, server_default=true())
    updated_by: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[utc]


class PartnerComplaint(Base):
    """A complaint about a partner's service and its handling against the 24-hour limits."""

    __tablename__ = "partner_complaints"
    __table_args__ = (
        Index("ix_partner_complaints_partner_received", "partner_id", "received_at"),
        Index("ix_partner_complaints_status", "status", "plan_due_at"),
    )

    id: Mapped[int_pk]
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    source: Mapped[str] = mapped_column(String(12))  # app.domain.partners.ComplaintSource
    summary: Mapped[str] = mapped_column(Text)
    received_at: Mapped[utc]  # by us, or by the partner when it received it directly
    report_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # partner-received
    reported_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # reached operations
    plan_due_at: Mapped[utc]
    plan: Mapped[str] = mapped_column(Text, server_default="")
    plan_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    first_response_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    contacts: Mapped[int] = mapped_column(Integer, server_default="0")
    resolution: Mapped[str] = mapped_column(Text, server_default="")
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    partner_caused: Mapped[bool] = mapped_column(Boolean, server_default=false())
    compensation_fen: Mapped[int] = mapped_column(BigInteger, server_default="0")
    compensation_points: Mapped[int] = mapped_column(BigInteger, server_default="0")
    adjustment_id: Mapped[int | None] = mapped_column(ForeignKey("approval_requests.id"))
    status: Mapped[str] = mapped_column(String(10))  # open | resolved
    dealer_id: Mapped[int | None] = mapped_column(ForeignKey("dealers.id"))  # recorded at
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[utc]
    updated_at: Mapped[utc]
