"""Recording every write in the hash-chained audit trail, verifying it, and reading it back.

Verification checks three things: the chain itself, the database guards that keep the trail
append-only, and checkpoints of the chain's head kept outside the database (each desktop
logs one at every sign-in; ``export_checkpoint`` writes one to a file for safekeeping).
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app import config
from app.adapters import checkpoint_files
from app.db import guards
from app.db.engine import describe_url
from app.db.guards import GuardProblem
from app.db.models import AuditEntry, AuditHead, Dealer, Member, ProgrammeSetting, StaffUser
from app.domain.audit_chain import (
    GENESIS_HASH,
    ChainedEntry,
    ChainReport,
    canonical_json,
    entry_hash,
    verify_chain,
)
from app.domain.audit_checkpoints import Checkpoint, CheckpointReport, compare_checkpoints
from app.domain.roles import Actor, Permission, require
from app.services.shared.database import Database
from app.services.shared.uow import UnitOfWork, retry_on_contention

log = logging.getLogger(__name__)

SYSTEM = "system"
# Entity names written by the services; the viewer offers them as filters. A fixed list,
# because SELECT DISTINCT over millions of audit rows would be slow.
ENTITIES = {
    "adjustment",
    "adjustment_reason",
    "approval",
    "audit_trail",
    "batch_run",
    "benefit",
    "database",
    "earning_rule",
    "dealer",
    "import_job",
    "ledger",
    "member",
    "member_tier",
    "programme_setting",
    "service_order",
    "sign_in",
    "staff_user",
    "tier_entitlement",
    "tier_policy",
    "voucher",
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
    head = session.get_one(AuditHead, 1, with_for_update=True, populate_existing=True)
    for pending in queue:
        entry = ChainedEntry(seq=head.last_seq + 1, prev_hash=head.last_hash, **asdict(pending))
        digest = entry_hash(entry)
        session.add(AuditEntry(**{**entry.__dict__, "hash": digest}))
        head.last_seq, head.last_hash = entry.seq, digest
    session.flush()
    uow.audit_head = (head.last_seq, head.last_hash)


def changes(before: dict, after: dict) -> tuple[dict, dict]:
    """Only the fields that changed, for compact before/after values."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def verify_chain_only(uow: UnitOfWork) -> ChainReport:
    """Recompute the whole chain (streamed, so it works on millions of entries)."""
    session = uow.session
    head = session.get_one(AuditHead, 1)
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


# --- verification: chain, guards, checkpoints -----------------------------------------------

DATABASE_ID = "database_id"  # programme setting written by migration 0007
LOCAL_CHECKPOINTS = "audit-checkpoints.jsonl"
_LOOKUP_CHUNK = 500


@dataclass(frozen=True)
class AuditReport:
    """Intact only if the chain verifies, every guard is in place and every checkpoint fits."""

    chain: ChainReport
    guard_problems: tuple[GuardProblem, ...] = ()
    checkpoints: CheckpointReport = CheckpointReport()

    @property
    def intact(self) -> bool:
        return self.chain.intact and not self.guard_problems and self.checkpoints.ok

    @property
    def checked(self) -> int:
        return self.chain.checked

    @property
    def broken_seq(self) -> int | None:
        return self.chain.broken_seq

    @property
    def reason(self) -> str:
        return self.chain.reason

    def outcome(self) -> dict:
        """What the "verify" audit entry records."""
        return {
            "intact": self.intact,
            "checked": self.checked,
            "broken_seq": self.broken_seq,
            "guard_problems": [str(p) for p in self.guard_problems],
            "checkpoints_matched": self.checkpoints.matched,
            "checkpoints_failed": [f.checkpoint.seq for f in self.checkpoints.failures],
        }


def verify(uow: UnitOfWork, against: Iterable[Checkpoint] = ()) -> AuditReport:
    """The chain, the guards, and the checkpoints: this desktop's own plus ``against``."""
    chain = verify_chain_only(uow)
    problems = tuple(guards.guard_problems(uow.session.connection()))
    local = local_checkpoints(database_location(uow))
    return AuditReport(chain, problems, verify_against(uow, [*local, *against]))


def verify_against(uow: UnitOfWork, checkpoints: Iterable[Checkpoint]) -> CheckpointReport:
    """Each checkpoint of this database must name an entry that still has the same hash.

    Whether the chain is intact up to the head is ``verify``'s part of the verdict."""
    checkpoints, this_database = list(checkpoints), database_id(uow)
    seqs = {c.seq for c in checkpoints if c.database_id == this_database}
    return compare_checkpoints(checkpoints, this_database, _stored_hashes(uow, seqs))


def _stored_hashes(uow: UnitOfWork, seqs: set[int]) -> dict[int, str]:
    stored = {0: GENESIS_HASH}  # seq 0: the empty chain, before the first entry
    wanted = sorted(seqs - {0})
    for start in range(0, len(wanted), _LOOKUP_CHUNK):
        chunk = wanted[start : start + _LOOKUP_CHUNK]
        query = select(AuditEntry.seq, AuditEntry.hash).where(AuditEntry.seq.in_(chunk))
        stored.update((seq, digest) for seq, digest in uow.session.execute(query))
    return stored


def database_id(uow: UnitOfWork) -> str:
    row = uow.session.get(ProgrammeSetting, DATABASE_ID)
    return json.loads(row.value) if row else ""


def checkpoint(uow: UnitOfWork) -> Checkpoint:
    """The chain's head as it stands in this unit of work."""
    head = uow.session.get_one(AuditHead, 1)
    return _checkpoint(uow, database_id(uow), head.last_seq, head.last_hash)


def written_checkpoint(uow: UnitOfWork, this_database: str) -> Checkpoint | None:
    """The head as this unit of work left it when it committed its entries."""
    if uow.audit_head is None:
        return None
    return _checkpoint(uow, this_database, *uow.audit_head)


def _checkpoint(uow: UnitOfWork, this_database: str, seq: int, digest: str) -> Checkpoint:
    at = uow.now().astimezone(UTC).isoformat(timespec="seconds")
    return Checkpoint(this_database, seq, digest, at)


@retry_on_contention
def verify_trail(db: Database, actor: Actor, against: Path | None = None) -> AuditReport:
    """``verify`` for a staff user, optionally against a checkpoint file; audited."""
    require(actor, Permission.VIEW_AUDIT)
    external = checkpoint_files.read_checkpoints(against) if against else []
    with db.reader(actor) as uow:
        report = verify(uow, external)
    with db.uow(actor) as uow:
        outcome = {**report.outcome(), "against": against.name if against else None}
        record(uow, actor, "audit_trail", database_id(uow), "verify", after=outcome)
        uow.commit()
    return report


def current_checkpoint(db: Database, actor: Actor) -> Checkpoint:
    require(actor, Permission.VIEW_AUDIT)
    with db.reader(actor) as uow:
        return checkpoint(uow)


@retry_on_contention
def save_checkpoint(db: Database, actor: Actor, anchor: Checkpoint, path: Path) -> Path:
    """Write ``anchor`` (taken from committed data) to ``path``; the export is audited."""
    require(actor, Permission.VIEW_AUDIT)
    checkpoint_files.write_checkpoint(path, anchor)
    with db.uow(actor) as uow:
        after = {"seq": anchor.seq, "hash": anchor.hash, "file": Path(path).name}
        record(uow, actor, "audit_trail", anchor.database_id, "checkpoint", after=after)
        uow.commit()
    return Path(path)


def export_checkpoint(db: Database, actor: Actor, path: Path) -> Checkpoint:
    anchor = current_checkpoint(db, actor)
    save_checkpoint(db, actor, anchor, path)
    return anchor


def local_checkpoint_path() -> Path:
    return config.data_dir() / LOCAL_CHECKPOINTS


def database_location(uow: UnitOfWork) -> str:
    """Where the database is (server and name, or the SQLite file), without a password."""
    return describe_url(uow.session.get_bind().engine.url.render_as_string(hide_password=True))


def keep_local_checkpoint(anchor: Checkpoint | None, location: str) -> None:
    """Append to this desktop's checkpoint log; a failure is logged, never raised."""
    if anchor is None or not anchor.database_id:
        return  # a database not yet upgraded to revision 0007 has no identity
    try:
        checkpoint_files.append_checkpoint(local_checkpoint_path(), anchor, location)
    except OSError as exc:
        log.warning("could not keep the audit checkpoint on this computer: %s", exc)


def local_checkpoints(location: str) -> list[Checkpoint]:
    try:
        path = local_checkpoint_path()
        found, skipped = checkpoint_files.read_checkpoint_log(path, location)
    except (OSError, checkpoint_files.CheckpointFileError) as exc:
        log.warning("could not read this computer's audit checkpoints: %s", exc)
        return []
    if skipped:
        log.warning("%d unreadable lines in this computer's audit checkpoints", skipped)
    return found


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
    # The record's business key (member number, dealer code, user name) where the entry
    # names it by database id; else the id as written.
    record: str = ""
    # Business keys of the ids the before/after values hold, "dealer:3" → "BJA01" (see
    # REFERENCES); one mapping shared by the page's rows.
    keys: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)


# Entities whose entries name the record by database id, and the table its key is in.
RECORD_KINDS = {"member": "member", "member_tier": "member", "dealer": "dealer",
                "staff_user": "staff_user", "sign_in": "staff_user"}  # fmt: skip
# Fields of the before/after values that hold a database id, and what they name.
REFERENCES = {"dealer_id": "dealer", "referrer_id": "member", "member_id": "member",
              "user_id": "staff_user"}  # fmt: skip
_KEY_COLUMNS = {
    "member": (Member.id, Member.member_number),
    "dealer": (Dealer.id, Dealer.code),
    "staff_user": (StaffUser.id, StaffUser.username),
}


def _referenced_ids(row: AuditRow) -> Iterable[tuple[str, int]]:
    kind = RECORD_KINDS.get(row.entity)
    if kind and row.entity_id.isdigit():
        yield kind, int(row.entity_id)
    for text in (row.before, row.after):
        try:
            values = json.loads(text) if text else None
        except ValueError:
            continue
        if not isinstance(values, dict):
            continue
        for name, value in values.items():
            if name in REFERENCES and isinstance(value, int) and not isinstance(value, bool):
                yield REFERENCES[name], value
        subject = values.get("subject")  # an approval's "member:12"
        if isinstance(subject, str) and subject.partition(":")[2].isdigit():
            kind, _, number = subject.partition(":")
            if kind in _KEY_COLUMNS:
                yield kind, int(number)


def with_business_keys(uow: UnitOfWork, rows: list[AuditRow]) -> list[AuditRow]:
    """The rows with their records' business keys and those of the ids their values hold:
    one query per kind of record for the whole page, not one per row."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        for kind, record_id in _referenced_ids(row):
            wanted[kind].add(record_id)
    keys: dict[str, str] = {}
    for kind, ids in wanted.items():
        id_column, key_column = _KEY_COLUMNS[kind]
        ordered = sorted(ids)
        for start in range(0, len(ordered), _LOOKUP_CHUNK):
            chunk = ordered[start : start + _LOOKUP_CHUNK]
            query = select(id_column, key_column).where(id_column.in_(chunk))
            keys.update((f"{kind}:{i}", str(key)) for i, key in uow.session.execute(query))
    resolved = []
    for row in rows:
        table = RECORD_KINDS.get(row.entity)
        record = keys.get(f"{table}:{row.entity_id}", row.entity_id) if table else row.entity_id
        resolved.append(replace(row, record=record, keys=keys))
    return resolved


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
    db: Database, actor: Actor, flt: AuditFilter, before_seq: int | None, limit: int = 200
) -> list[AuditRow]:
    """Newest first, one page at a time (keyset on seq, so deep pages stay fast), with the
    business keys of the records they name (``with_business_keys``)."""
    require(actor, Permission.VIEW_AUDIT)
    with db.reader(actor) as uow:
        return with_business_keys(uow, _entries_page(uow, flt, before_seq, limit))


def _entries_page(
    uow: UnitOfWork, flt: AuditFilter, before_seq: int | None, limit: int
) -> list[AuditRow]:
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


def filter_choices(db: Database, actor: Actor) -> tuple[list[str], list[str]]:
    """Distinct user names and entities for the viewer's filter boxes."""
    require(actor, Permission.VIEW_AUDIT)
    with db.reader(actor) as uow:
        query = select(StaffUser.username).order_by(StaffUser.username)
        users = list(uow.session.scalars(query))
    return [SYSTEM, *users], sorted(ENTITIES)
