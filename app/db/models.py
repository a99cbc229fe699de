"""ORM models. The schema itself is created and changed only by the Alembic migrations.

Conventions every table follows: points are integers, money is integer fen, timestamps are
stored as UTC (``UtcDateTime``), business dates are plain calendar dates.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC, refuses naive input (a local time would be wrong)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

int_pk = Annotated[int, mapped_column(Integer, primary_key=True)]
utc = Annotated[datetime, mapped_column(UtcDateTime)]
fen = Annotated[int, mapped_column(BigInteger)]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Dealer(Base):
    __tablename__ = "dealers"

    id: Mapped[int_pk]
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    region: Mapped[str] = mapped_column(String(40))
    province: Mapped[str] = mapped_column(String(40))
    city: Mapped[str] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, server_default=true())
    created_at: Mapped[utc]
    updated_at: Mapped[utc]


class StaffUser(Base):
    __tablename__ = "staff_users"

    id: Mapped[int_pk]
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    dealer_id: Mapped[int | None] = mapped_column(ForeignKey("dealers.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, server_default=true())
    password_hash: Mapped[str] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(Boolean, server_default=false())
    failed_attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    password_changed_at: Mapped[utc]
    created_at: Mapped[utc]


class ProgrammeSetting(Base):
    """Programme-wide settings shared by every desktop (JSON-encoded values)."""

    __tablename__ = "programme_settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[utc]
    updated_by: Mapped[str] = mapped_column(String(40))


class AuditEntry(Base):
    """One write, chained by hash to the previous entry so tampering is detectable."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_actor_seq", "actor_username", "seq"),
        Index("ix_audit_log_entity_seq", "entity", "seq"),
        Index("ix_audit_log_record", "entity", "entity_id", "seq"),  # one record's history
        Index("ix_audit_log_at", "at"),
    )

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[utc]
    actor_id: Mapped[int | None] = mapped_column(Integer)
    actor_username: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(40))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """Single row holding the chain's tip; locking it serialises audit writers."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))


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


# --- Points ledger --------------------------------------------------------------------------
# Entries are append-only (database triggers refuse UPDATE and DELETE, see migration 0006).
# The account row caches the sums of the entries and is the lock that serialises postings.

big_pk = Annotated[
    int, mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
]


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


# --- Batch runs (the shared fitting for every set-based batch) ------------------------------


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


# --- Tiers (issue 12) -----------------------------------------------------------------------


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


# --- Benefits (issue 13) --------------------------------------------------------------------


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


# --- Partners (issue 14) --------------------------------------------------------------------


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


# --- Segmentation (issue 15) ----------------------------------------------------------------


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
