"""Recording every write in the hash-chained audit trail, verifying it, and reading it back."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.db.models import AuditEntry, AuditHead, StaffUser
from app.domain.audit_chain import (
    ChainedEntry,
    ChainReport,
    canonical_json,
    entry_hash,
    verify_chain,
)
from app.domain.roles import Actor, Permission, require
from app.services.uow import UnitOfWork

SYSTEM = "system"
# Entity names written by the services; the viewer offers them as filters. A fixed list,
# because SELECT DISTINCT over millions of audit rows would be slow.
ENTITIES = {
    "adjustment",
    "adjustment_reason",
    "database",
    "earning_rule",
    "dealer",
    "import_job",
    "ledger",
    "member",
    "programme_setting",
    "service_order",
    "sign_in",
    "staff_user",
}


def record(
    uow: UnitOfWork,
    actor: Actor | str,
    entity: str,
    entity_id: object,
    action: str,
    before: dict | None = None,
    after: dict | None = None,
) -> None:
    """Queue one audit entry; it is written with the caller's transaction when it commits.

    Writing waits for the commit so that the audit head, the row every writer locks to
    extend the one chain, is always the last lock a unit of work takes (see ``uow``).
    """
    actor_id, username = (
        (None, actor) if isinstance(actor, str) else (actor.user_id, actor.username)
    )
    pending = _PendingEntry(
        uow.now(), actor_id, username, entity, str(entity_id), action,
        canonical_json(before), canonical_json(after),
    )  # fmt: skip
    if not uow.audit_queue:
        uow.before_commit.append(_write_queue)
    uow.audit_queue.append(pending)


@dataclass(frozen=True)
class _PendingEntry:
    at: datetime
    actor_id: int | None
    actor_username: str
    entity: str
    entity_id: str
    action: str
    before: str | None
    after: str | None


def _write_queue(uow: UnitOfWork) -> None:
    """Chain the queued entries onto the head (locked FOR UPDATE on PostgreSQL; SQLite
    writers are serialised by BEGIN IMMEDIATE), so concurrent writers never fork it."""
    queue, uow.audit_queue = uow.audit_queue, []
    session = uow.session
    head = session.get(AuditHead, 1, with_for_update=True, populate_existing=True)
    for pending in queue:
        entry = ChainedEntry(seq=head.last_seq + 1, prev_hash=head.last_hash, **asdict(pending))
        digest = entry_hash(entry)
        session.add(AuditEntry(**{**entry.__dict__, "hash": digest}))
        head.last_seq, head.last_hash = entry.seq, digest
    session.flush()


def changes(before: dict, after: dict) -> tuple[dict, dict]:
    """Only the fields that changed, for compact before/after values."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def verify(uow: UnitOfWork) -> ChainReport:
    """Recompute the whole chain (streamed, so it works on millions of entries)."""
    session = uow.session
    head = session.get(AuditHead, 1)
    rows = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).yield_per(5000)
    entries = (
        ChainedEntry(
            r.seq,
            r.at,
            r.actor_id,
            r.actor_username,
            r.entity,
            r.entity_id,
            r.action,
            r.before,
            r.after,
            r.prev_hash,
            r.hash,
        )
        for r in rows
    )
    return verify_chain(entries, head.last_seq, head.last_hash)


@dataclass(frozen=True)
class AuditFilter:
    username: str | None = None
    entity: str | None = None
    date_from: date | None = None  # calendar dates in the programme's time zone
    date_to: date | None = None
    timezone: str = "Asia/Shanghai"


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    username: str
    entity: str
    entity_id: str
    action: str
    before: str | None
    after: str | None


def record_history(uow: UnitOfWork, entity: str, entity_id: object, limit: int = 200):
    """The newest entries about one record (the caller checks who may see them)."""
    query = (
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == str(entity_id))
        .order_by(AuditEntry.seq.desc())
        .limit(limit)
    )
    return [_row(r) for r in uow.session.scalars(query)]


def _row(r: AuditEntry) -> AuditRow:
    return AuditRow(
        r.seq, r.at, r.actor_username, r.entity, r.entity_id, r.action, r.before, r.after
    )


def list_entries(
    uow: UnitOfWork, actor: Actor, flt: AuditFilter, before_seq: int | None, limit: int = 200
) -> list[AuditRow]:
    """Newest first, one page at a time (keyset on seq, so deep pages stay fast)."""
    require(actor, Permission.VIEW_AUDIT)
    query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
    if before_seq is not None:
        query = query.where(AuditEntry.seq < before_seq)
    if flt.username:
        query = query.where(AuditEntry.actor_username == flt.username)
    if flt.entity:
        query = query.where(AuditEntry.entity == flt.entity)
    zone = ZoneInfo(flt.timezone)
    if flt.date_from:
        query = query.where(AuditEntry.at >= datetime.combine(flt.date_from, time(), zone))
    if flt.date_to:
        end = datetime.combine(flt.date_to + timedelta(days=1), time(), zone)
        query = query.where(AuditEntry.at < end)
    return [_row(r) for r in uow.session.scalars(query)]


def filter_choices(uow: UnitOfWork, actor: Actor) -> tuple[list[str], list[str]]:
    """Distinct user names and entities for the viewer's filter boxes."""
    require(actor, Permission.VIEW_AUDIT)
    users = list(uow.session.scalars(select(StaffUser.username).order_by(StaffUser.username)))
    return [SYSTEM, *users], sorted(ENTITIES)
