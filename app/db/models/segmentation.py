"""Value segmentation (issue 15): weights versions and the members' cells per run."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, int_pk, utc


class SegmentationWeights(Base):
    """A version of the value segmentation weights; the one in force on a date is the latest
    ``effective_from`` not after it (none: the seed's weights)."""

    __tablename__ = "segmentation_weights"

    id: Mapped[int_pk]
    effective_from: Mapped[date] = mapped_column(Date, unique=True)
    weights: Mapped[dict] = mapped_column(JSON)  # {"weights": {...}, "directions": {...}}
    note: Mapped[str] = mapped_column(Text, server_default="")
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[utc]


class MemberSegment(Base):
    """A member's cell in a segmentation run; cell NULL: no data in the window (not scored).
    Scores are integers in millionths (Y up to 1.4 with the bonuses)."""

    __tablename__ = "member_segments"
    __table_args__ = (
        Index("ix_member_segments_run_cell", "run_id", "cell"),
        Index("ix_member_segments_member_run", "member_id", "run_id"),
        CheckConstraint("cell BETWEEN 1 AND 9", name="cell_range"),
    )

    run_id: Mapped[int] = mapped_column(ForeignKey("batch_runs.id"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    cell: Mapped[int | None] = mapped_column(Integer)
    y_score: Mapped[int | None] = mapped_column(Integer)
    x_score: Mapped[int | None] = mapped_column(Integer)
