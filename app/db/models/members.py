"""Members, their vehicles, service documents and member imports."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, UtcDateTime, fen, int_pk, utc


class Member(Base):
    __tablename__ = "members"
    __table_args__ = (
        # Prefix searches use LIKE 'x%': text_pattern_ops on PostgreSQL whatever the database
        # collation; on SQLite the engine turns on case_sensitive_like so a plain index serves.
        Index("ix_members_name", "name", postgresql_ops={"name": "text_pattern_ops"}),
        Index(
            "ix_members_name_pinyin",
            "name_pinyin",
            postgresql_ops={"name_pinyin": "text_pattern_ops"},
        ),
        Index(
            "ix_members_name_initials",
            "name_initials",
            postgresql_ops={"name_initials": "text_pattern_ops"},
        ),
        Index("ix_members_mobile_last4", "mobile_last4"),
        Index("ix_members_join_date", "join_date"),
    )

    id: Mapped[int_pk]
    member_number: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    name_pinyin: Mapped[str] = mapped_column(String(200), server_default="")
    name_initials: Mapped[str] = mapped_column(String(40), server_default="")
    gender: Mapped[str | None] = mapped_column(String(10))
    mobile: Mapped[str | None] = mapped_column(String(20), unique=True)
    mobile_last4: Mapped[str | None] = mapped_column(String(4))
    resident_id: Mapped[str | None] = mapped_column(String(18), unique=True)
    province: Mapped[str | None] = mapped_column(String(40))
    city: Mapped[str | None] = mapped_column(String(40))
    birthday: Mapped[date | None] = mapped_column(Date)
    join_date: Mapped[date] = mapped_column(Date)
    dealer_id: Mapped[int | None] = mapped_column(ForeignKey("dealers.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    status_reason: Mapped[str | None] = mapped_column(Text)
    activated_on: Mapped[date | None] = mapped_column(Date)
    source_channel: Mapped[str] = mapped_column(String(20))
    interests: Mapped[str | None] = mapped_column(Text)
    income_band: Mapped[str | None] = mapped_column(String(20))
    referrer_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    privacy_consent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    privacy_consent_by: Mapped[str | None] = mapped_column(String(40))
    marketing_consent: Mapped[bool] = mapped_column(Boolean, server_default=false())
    marketing_consent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[utc]
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class MemberTag(Base):
    __tablename__ = "member_tags"
    __table_args__ = (Index("ix_member_tags_tag_member", "tag", "member_id"),)

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(40), primary_key=True)


class Vehicle(Base):
    __tablename__ = "vehicles"

    id: Mapped[int_pk]
    vin: Mapped[str] = mapped_column(String(17), unique=True)
    vin_last6: Mapped[str] = mapped_column(String(6), index=True, server_default="")
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    model: Mapped[str] = mapped_column(String(60))
    plate: Mapped[str | None] = mapped_column(String(12), index=True)
    purchase_date: Mapped[date | None] = mapped_column(Date)
    dealer_id: Mapped[int | None] = mapped_column(ForeignKey("dealers.id"))
    purchase_amount_fen: Mapped[fen | None]


class VehicleOwnership(Base):
    """Who owned a vehicle when: kept when it is sold on to another member."""

    __tablename__ = "vehicle_ownerships"
    __table_args__ = (Index("ix_vehicle_ownerships_vehicle", "vehicle_id", "owned_from"),)

    id: Mapped[int_pk]
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicles.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    owned_from: Mapped[date] = mapped_column(Date)
    owned_until: Mapped[date | None] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(40))
    recorded_at: Mapped[utc]


class ServiceOrder(Base):
    """A repair order or invoice at a dealer: the source document that later earns points."""

    __tablename__ = "service_orders"
    __table_args__ = (
        UniqueConstraint("dealer_id", "document_no"),
        Index("ix_service_orders_member_date", "member_id", "service_date"),
    )

    id: Mapped[int_pk]
    dealer_id: Mapped[int] = mapped_column(ForeignKey("dealers.id"))
    document_no: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicles.id"))
    service_date: Mapped[date] = mapped_column(Date)
    amount_fen: Mapped[fen]
    refunded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    recorded_by: Mapped[str | None] = mapped_column(String(40))


class ImportJob(Base):
    """A bulk import: committed batch by batch, so it can resume after a crash or cancel."""

    __tablename__ = "import_jobs"

    id: Mapped[int_pk]
    kind: Mapped[str] = mapped_column(String(20))
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    mode: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    total_rows: Mapped[int] = mapped_column(Integer)
    last_row_done: Mapped[int] = mapped_column(Integer, server_default="0")
    imported: Mapped[int] = mapped_column(Integer, server_default="0")
    rejected: Mapped[int] = mapped_column(Integer, server_default="0")
    started_by: Mapped[str] = mapped_column(String(40))
    started_at: Mapped[utc]
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ImportRow(Base):
    """The outcome of one row of an import job, for the result workbook and for resuming."""

    __tablename__ = "import_rows"

    job_id: Mapped[int] = mapped_column(ForeignKey("import_jobs.id"), primary_key=True)
    row_number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
