"""What the batch-run commands (tiers review, benefits expire) share: finding a run that was
interrupted, so committing says it resumes it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date

from app.cli.i18n import fill
from app.domain.errors import PermissionDenied
from app.domain.roles import Actor
from app.domain.runs import RunStatus
from app.services import runs
from app.services.runs import RunRow
from app.services.shared.database import Database

INTERRUPTED = (RunStatus.COMMITTING, RunStatus.FAILED, RunStatus.CANCELLED)


def existing_run(db: Database, actor: Actor, kind: str, as_of: date) -> RunRow | None:
    """The run of ``kind`` as of ``as_of`` if there is one."""
    try:
        rows = runs.list_runs(db, actor, kind, limit=5_000)
    except PermissionDenied:  # may run it but not read the run history
        return None
    return next((row for row in rows if row.as_of == as_of), None)


def interrupted_run(
    db: Database, actor: Actor, kind: str, as_of: date, note: str, done: Callable[[dict], dict]
) -> RunRow | None:
    """The run a commit is about to resume, after saying so on stderr (``note``: a "Cli"
    template filled with id, status, batches and what ``done`` makes of its counts)."""
    before = existing_run(db, actor, kind, as_of)
    if before is None or before.status not in INTERRUPTED:
        return None
    print(
        fill(note, id=before.id, status=before.status.value, batches=before.batches,
             **done(before.counts)),
        file=sys.stderr,
    )  # fmt: skip
    return before
