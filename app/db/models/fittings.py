"""The shared fittings every area uses: approval requests (maker-checker) and batch runs."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, UtcDateTime, int_pk, utc


class ApprovalRequest(Base):
    """A change waiting for a second person (maker-checker), of any kind: its payload is
    checked by its kind, and approving it applies the change in the same transaction."""

    __tablename__ = "approval_requests"
    __table_args__ = (
        Index("ix_approval_requests_status_requested", "status", "requested_at"),
        Index("ix_approval_requests_kind_status", "kind", "status", "requested_at"),
        Index("ix_approval_requests_subject", "subject_type", "subject_id", "requested_at"),
        Index("ix_approval_requests_dealer_status", "requester_dealer_id", "status"),
    )

    id: Mapped[int_pk]
    request_uid: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(30))  # points_adjustment, tier_upgrade, …
    subject_type: Mapped[str] = mapped_column(String(20))  # member, partner, benefit, …
    subject_id: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[dict] = mapped_column(JSON)  # what the kind will apply
    note: Mapped[str] = mapped_column(Text)  # the requester's explanation
    reference: Mapped[str | None] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(12))  # app.domain.approvals.ApprovalStatus
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"))
    requested_by: Mapped[str] = mapped_column(String(40))
    requester_dealer_id: Mapped[int | None] = mapped_column(ForeignKey("dealers.id"))
    requested_at: Mapped[utc]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    decided_by: Mapped[str | None] = mapped_column(String(40))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decision_note: Mapped[str | None] = mapped_column(Text)
    result: Mapped[dict | None] = mapped_column(JSON)  # what applying it did (an entry id…)


class BatchRun(Base):
    """One batch job for an as-of date: previewed, then committed batch by batch.

    Each batch commits together with the run's cursor and counts, so the record always says
    exactly what has been done, and committing again resumes after the last batch.
    """

    __tablename__ = "batch_runs"
    __table_args__ = (
        UniqueConstraint("kind", "as_of"),
        Index("ix_batch_runs_created", "created_at"),
    )

    id: Mapped[int_pk]
    kind: Mapped[str] = mapped_column(String(30))
    as_of: Mapped[date] = mapped_column(Date)
    params: Mapped[str] = mapped_column(Text)  # JSON: what the user asked for
    policy: Mapped[str] = mapped_column(Text)  # JSON: the settings and rules it applies
    status: Mapped[str] = mapped_column(String(12))  # see app.domain.runs.RunStatus
    preview: Mapped[str] = mapped_column(Text)  # JSON counts the preview found
    counts: Mapped[str] = mapped_column(Text)  # JSON counts of the committed batches
    cursor: Mapped[int] = mapped_column(BigInteger, server_default="0")  # last member id done
    batches: Mapped[int] = mapped_column(Integer, server_default="0")
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[utc]
    committed_by: Mapped[str | None] = mapped_column(String(40))
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    error: Mapped[str | None] = mapped_column(Text)
