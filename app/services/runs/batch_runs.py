"""Batch runs: the one helper every set-based batch goes through (the points expiry run, the
initial points; later the tier review, voucher expiry, segmentation, the monthly report data).

A run is identified by its kind and as-of date. Preview counts what a commit would do and
changes nothing. Commit works through the members in id order, one batch per transaction;
each batch commits together with the run's cursor and counts, so the run record always
accounts for exactly what has been done, even after a crash, a cancel or a power cut, and
committing again resumes after the last committed batch. A committed run is never run again:
committing it changes nothing and reports what it did.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.db.models import BatchRun, Member
from app.domain.errors import Busy, LoyaltyError, NotFound
from app.domain.roles import Actor, Permission, require
from app.domain.runs import RunStatus, add_counts, batches_left, next_batch
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.progress import Cancelled, Progress
from app.services.shared.uow import FOR_CHANGE, UnitOfWork, retry_on_contention

Counts = dict[str, int]


@dataclass(frozen=True)
class RunContext:
    """What a batch of a run works with: fixed when the run is committed."""

    as_of: date
    params: dict
    policy: dict
    username: str
    run_id: int | None = None  # None while previewing


@dataclass(frozen=True)
class RunKind:
    """A kind of batch run, registered by its area (points, tiers, …).

    ``check`` refuses a bad as-of date or parameters; ``snapshot`` records the settings and
    rules the run applies (kept with the run, fixed once committing starts); ``count`` is
    the set-based preview; ``batch`` does the work for members ``first..last``.
    """

    code: str
    permission: Permission
    check: Callable[[UnitOfWork, date, dict], None]
    snapshot: Callable[[UnitOfWork, date, dict], dict]
    count: Callable[[UnitOfWork, RunContext], Counts]
    batch: Callable[[UnitOfWork, RunContext, int, int], Counts]
    batch_size: int = 10_000


@dataclass(frozen=True)
class RunRow:
    id: int
    kind: str
    as_of: date
    status: RunStatus
    params: dict
    policy: dict
    preview: Counts
    counts: Counts
    batches: int
    created_by: str
    created_at: datetime
    committed_by: str | None
    started_at: datetime | None
    finished_at: datetime | None
    error: str | None
    repeated: bool = field(default=False)  # committed before: this call changed nothing


def _row(run: BatchRun, repeated: bool = False) -> RunRow:
    return RunRow(
        run.id, run.kind, run.as_of, RunStatus(run.status), json.loads(run.params),
        json.loads(run.policy), json.loads(run.preview), json.loads(run.counts), run.batches,
        run.created_by, run.created_at, run.committed_by, run.started_at, run.finished_at,
        run.error, repeated,
    )  # fmt: skip


def _who(actor: Actor | str) -> tuple[Actor | None, str]:
    """(the actor whose account each unit of work re-checks, the name runs record)."""
    return (None, actor) if isinstance(actor, str) else (actor, actor.username)


def _allowed(actor: Actor | str, kind: RunKind) -> None:
    if isinstance(actor, Actor):  # a name: a system job started by the programme itself
        require(actor, kind.permission)


def _find(uow: UnitOfWork, kind: RunKind, as_of: date) -> BatchRun | None:
    return uow.session.scalars(
        select(BatchRun)
        .where(BatchRun.kind == kind.code, BatchRun.as_of == as_of)
        .with_for_update(key_share=True)
        .execution_options(populate_existing=True)
    ).one_or_none()


def _new_run(uow: UnitOfWork, kind: RunKind, as_of: date, params: dict, username: str):
    run = BatchRun(
        kind=kind.code, as_of=as_of, params=json.dumps(params, sort_keys=True), policy="{}",
        status=RunStatus.PREVIEWED, preview="{}", counts="{}", cursor=0, batches=0,
        created_by=username, created_at=uow.now(),
    )  # fmt: skip
    uow.session.add(run)
    try:
        uow.session.flush()
    except IntegrityError as exc:  # another desktop created it a moment ago: look again
        raise Busy(QT_TRANSLATE_NOOP("Errors", "Please try again.")) from exc
    return run


def _refresh_preview(
    uow: UnitOfWork, kind: RunKind, run: BatchRun, username: str, recount: bool = True
) -> None:
    """Snapshot the policy again (it is fixed once committing starts) and count. At the start
    of a commit the preview the user saw is kept (not counted twice) unless there was none or
    the policy changed since."""
    params = json.loads(run.params)
    before = run.policy
    if run.status == RunStatus.PREVIEWED:
        run.policy = json.dumps(kind.snapshot(uow, run.as_of, params), sort_keys=True)
    if recount or run.policy != before or run.preview == "{}":
        context = RunContext(run.as_of, params, json.loads(run.policy), username)
        run.preview = json.dumps(kind.count(uow, context), sort_keys=True)


@retry_on_contention
def preview(
    db: Database, actor: Actor | str, kind: RunKind, as_of: date, params: dict | None = None
) -> RunRow:
    """Count what committing the run would do; changes nothing but the run record.

    A committed run is shown as it is (it will never run again).
    """
    _allowed(actor, kind)
    checked_actor, username = _who(actor)
    params = params or {}
    with db.uow(checked_actor) as uow:
        kind.check(uow, as_of, params)
        run = _find(uow, kind, as_of) or _new_run(uow, kind, as_of, params, username)
        if run.status == RunStatus.PREVIEWED:
            _refresh_preview(uow, kind, run, username)
        elif run.status != RunStatus.COMMITTED:
            # Interrupted: what is left, not saved (the run keeps the preview it started from).
            params, policy = json.loads(run.params), json.loads(run.policy)
            left = kind.count(uow, RunContext(run.as_of, params, policy, username))
            uow.commit()
            return replace(_row(run), preview=left)
        uow.commit()
        return _row(run)


def commit(
    db: Database,
    actor: Actor | str,
    kind: RunKind,
    as_of: date,
    params: dict | None = None,
    progress: Progress | None = None,
) -> RunRow:
    """Commit the run batch by batch (resuming an interrupted one); a committed run is
    returned unchanged. Each batch is its own transaction with the run's cursor and counts."""
    _allowed(actor, kind)
    progress = progress or Progress()
    started = _start(db, actor, kind, as_of, params or {})
    if started.status == RunStatus.COMMITTED:
        return started
    try:
        _commit_batches(db, actor, kind, started.id, progress)
    except Cancelled:
        _stop(db, actor, started.id, RunStatus.CANCELLED, None)
        raise
    except Exception as exc:
        message = str(exc) if isinstance(exc, LoyaltyError) else type(exc).__name__
        _stop(db, actor, started.id, RunStatus.FAILED, message)
        raise
    return _finish(db, actor, started.id)


@retry_on_contention
def _start(db: Database, actor, kind: RunKind, as_of: date, params: dict) -> RunRow:
    checked_actor, username = _who(actor)
    with db.uow(checked_actor) as uow:
        kind.check(uow, as_of, params)
        run = _find(uow, kind, as_of)
        if run is not None and run.status == RunStatus.COMMITTED:
            return _row(run, repeated=True)
        if run is None:  # committed without a preview first (the command line, a schedule)
            run = _new_run(uow, kind, as_of, params, username)
        if run.status == RunStatus.PREVIEWED:
            _refresh_preview(uow, kind, run, username, recount=False)
        action = "start" if run.status == RunStatus.PREVIEWED else "resume"
        run.status, run.committed_by, run.error = RunStatus.COMMITTING, username, None
        run.started_at = run.started_at or uow.now()
        audit.record(
            uow, actor, "batch_run", run.id, action,
            after={"kind": kind.code, "as_of": as_of.isoformat(), "params": json.loads(run.params),
                   "policy": json.loads(run.policy), "preview": json.loads(run.preview),
                   "done_before": json.loads(run.counts)},
        )  # fmt: skip
        uow.commit()
        return _row(run)


def _commit_batches(db: Database, actor, kind: RunKind, run_id: int, progress: Progress):
    with db.reader() as uow:
        run = uow.session.get_one(BatchRun, run_id)
        total = batches_left(run.cursor, _last_member_id(uow), kind.batch_size)
    done = 0
    progress.report(done, total, kind.code)
    while _commit_next_batch(db, actor, kind, run_id):
        done += 1
        progress.report(done, max(total, done), kind.code)


@retry_on_contention
def _commit_next_batch(db: Database, actor, kind: RunKind, run_id: int) -> bool:
    """Commit the batch after the run's cursor; False when none is left (or the run was
    stopped on another desktop)."""
    checked_actor, username = _who(actor)
    with db.uow(checked_actor) as uow:
        run = uow.session.get_one(
            BatchRun, run_id, with_for_update=FOR_CHANGE, populate_existing=True
        )
        span = next_batch(run.cursor, _last_member_id(uow), kind.batch_size)
        if run.status != RunStatus.COMMITTING or span is None:
            return False
        context = RunContext(
            run.as_of, json.loads(run.params), json.loads(run.policy), username, run.id
        )
        counts = kind.batch(uow, context, *span)
        run.cursor, run.batches = span[1], run.batches + 1
        run.counts = json.dumps(add_counts(json.loads(run.counts), counts), sort_keys=True)
        if any(counts.values()):  # the trail shows every batch that changed something
            audit.record(
                uow, actor, "batch_run", run.id, "batch",
                after={"members": f"{span[0]}-{span[1]}", **counts},
            )  # fmt: skip
        uow.commit()
        return True


def _last_member_id(uow: UnitOfWork) -> int:
    return uow.session.scalar(select(func.max(Member.id))) or 0


@retry_on_contention
def _finish(db: Database, actor, run_id: int) -> RunRow:
    checked_actor, _username = _who(actor)
    with db.uow(checked_actor) as uow:
        run = uow.session.get_one(
            BatchRun, run_id, with_for_update=FOR_CHANGE, populate_existing=True
        )
        if run.status == RunStatus.COMMITTING:
            run.status, run.finished_at = RunStatus.COMMITTED, uow.now()
            audit.record(uow, actor, "batch_run", run.id, "commit", after=json.loads(run.counts))
        uow.commit()
        return _row(run)


@retry_on_contention
def _stop(db: Database, actor, run_id: int, status: RunStatus, error: str | None) -> None:
    checked_actor, _username = _who(actor)
    with db.uow(checked_actor) as uow:
        run = uow.session.get_one(
            BatchRun, run_id, with_for_update=FOR_CHANGE, populate_existing=True
        )
        if run.status == RunStatus.COMMITTING:
            run.status, run.error = status, error
            audit.record(
                uow, actor, "batch_run", run.id, status.value,
                after={"done": json.loads(run.counts), "error": error},
            )  # fmt: skip
        uow.commit()


def list_runs(
    db: Database, actor: Actor, kind: str | None = None, limit: int = 200
) -> list[RunRow]:
    """The newest runs first (of one kind, or all)."""
    require(actor, Permission.VIEW_REPORTS)
    with db.reader(actor) as uow:
        query = select(BatchRun).order_by(BatchRun.created_at.desc(), BatchRun.id.desc())
        if kind:
            query = query.where(BatchRun.kind == kind)
        return [_row(run) for run in uow.session.scalars(query.limit(limit))]


def get_run(db: Database, actor: Actor, run_id: int) -> RunRow:
    require(actor, Permission.VIEW_REPORTS)
    with db.reader(actor) as uow:
        run = uow.session.get(BatchRun, run_id)
        if run is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such run."))
        return _row(run)
