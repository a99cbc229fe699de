"""Batch runs: preview then commit, idempotent per kind and as-of date, and every committed
batch accounted for in the run record and the audit trail, even when a run is killed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select, text

from app.db.models import AuditEntry, BatchRun, LedgerEntry
from app.domain.errors import PermissionDenied, ValidationError
from app.domain.runs import RunStatus, add_counts, batches_left, next_batch
from app.services import points, runs
from app.services.points import ServiceInput, batch_jobs, ledger_checks
from app.services.shared.progress import Cancelled, Progress
from tests.test_members import register, zhang

AS_OF = date(2026, 7, 1)
MEMBERS = 12


@pytest.fixture
def expiring(db, people):
    """MEMBERS members with one lot each that ended on 2026-06-30."""
    for number in range(MEMBERS):
        member = register(db, people.clerk, zhang(mobile=f"1390000{number:04d}", resident_id=None))
        points.record_service(
            db, people.clerk,
            ServiceInput(member.id, None, f"RO-{number}", date(2026, 3, 1), (number + 1) * 1000_00),
        )  # fmt: skip
    with db.uow() as uow:
        uow.session.execute(text("UPDATE point_lots SET expires_on = '2026-06-30'"))
        uow.commit()
    return sum(range(1, MEMBERS + 1))  # the points that will expire


def expired_in_ledger(db) -> int:
    with db.reader() as uow:
        return -int(
            uow.session.scalar(
                select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(
                    LedgerEntry.kind == "expire"
                )
            )
        )


def audited_batches(db, run_id: int) -> dict[str, int]:
    with db.reader() as uow:
        afters = uow.session.scalars(
            select(AuditEntry.after).where(
                AuditEntry.entity == "batch_run",
                AuditEntry.entity_id == str(run_id),
                AuditEntry.action == "batch",
            )
        ).all()
    total: dict[str, int] = {}
    for after in afters:
        counts = {k: v for k, v in json.loads(after).items() if k != "members"}
        total = add_counts(total, counts)
    return total


def small_batches(monkeypatch, size: int = 3) -> None:
    monkeypatch.setattr(batch_jobs, "EXPIRY_RUN", replace(batch_jobs.EXPIRY_RUN, batch_size=size))


def test_batches_cover_every_member_once():
    spans, cursor = [], 0
    while (span := next_batch(cursor, 10, 4)) is not None:
        spans.append(span)
        cursor = span[1]
    assert spans == [(1, 4), (5, 8), (9, 10)]
    assert (
        batches_left(0, 10, 4) == 3 and batches_left(8, 10, 4) == 1 and batches_left(10, 10, 4) == 0
    )
    assert add_counts({"lots": 2}, {"lots": 3, "points": 5}) == {"lots": 5, "points": 5}
    with pytest.raises(ValueError):
        next_batch(0, 10, 0)


def test_preview_changes_nothing_then_commit_then_nothing_again(db, people, expiring, clock):
    clock.now = clock.now.replace(month=7, day=2)
    with pytest.raises(PermissionDenied):
        points.preview_expiry(db, people.supervisor, AS_OF)
    preview = points.preview_expiry(db, people.admin, AS_OF)
    assert (preview.status, preview.preview) == (
        RunStatus.PREVIEWED,
        {"lots": 12, "points": expiring},
    )
    assert expired_in_ledger(db) == 0
    done = points.expire_points(db, people.admin, AS_OF)
    assert (done.lots, done.points, done.repeated) == (12, expiring, False)
    again = points.expire_points(db, people.admin, AS_OF)
    assert (again.run_id, again.repeated, again.points) == (done.run_id, True, expiring)
    assert expired_in_ledger(db) == expiring
    shown = runs.get_run(db, people.auditor, done.run_id)
    assert shown.status == RunStatus.COMMITTED and shown.counts == {"lots": 12, "points": expiring}
    assert [r.kind for r in runs.list_runs(db, people.auditor, "points_expiry")] == [
        "points_expiry"
    ]
    with pytest.raises(ValidationError):
        points.preview_expiry(db, people.admin, date(2026, 7, 3))  # after today


def test_a_cancelled_run_accounts_for_its_batches_and_resumes(
    db, people, expiring, clock, monkeypatch
):
    clock.now = clock.now.replace(month=7, day=2)
    small_batches(monkeypatch)
    progress = Progress(lambda done, total, _m: done >= 2 and progress.cancel())
    with pytest.raises(Cancelled):
        points.expire_points(db, people.admin, AS_OF, progress)
    stopped = runs.list_runs(db, people.admin)[0]
    assert (stopped.status, stopped.batches) == (RunStatus.CANCELLED, 2)
    assert stopped.counts["points"] == expired_in_ledger(db) > 0  # what the record says was done
    assert audited_batches(db, stopped.id) == stopped.counts  # and the trail says the same
    done = points.expire_points(db, people.admin, AS_OF)
    assert (done.lots, done.points, done.repeated) == (12, expiring, False)
    assert expired_in_ledger(db) == expiring
    assert audited_batches(db, stopped.id)["points"] == expiring
    with db.reader() as uow:
        assert ledger_checks.verify(uow) == []


def test_a_failed_batch_is_recorded_and_the_next_commit_resumes(
    db, people, expiring, clock, monkeypatch
):
    clock.now = clock.now.replace(month=7, day=2)
    small_batches(monkeypatch)
    calls = []
    original = batch_jobs.EXPIRY_RUN.batch

    def breaks_once(uow, context, first, last):
        calls.append(first)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(uow, context, first, last)

    monkeypatch.setattr(batch_jobs, "EXPIRY_RUN", replace(batch_jobs.EXPIRY_RUN, batch=breaks_once))
    with pytest.raises(RuntimeError):
        points.expire_points(db, people.admin, AS_OF)
    failed = runs.list_runs(db, people.admin)[0]
    assert (failed.status, failed.error, failed.batches) == (RunStatus.FAILED, "RuntimeError", 1)
    assert failed.counts["points"] == expired_in_ledger(db)
    assert points.expire_points(db, people.admin, AS_OF).points == expiring
    assert expired_in_ledger(db) == expiring


KILLED_RUN = """
import sys, time
from dataclasses import replace
from datetime import date
from app.services import points
from app.services.points import batch_jobs
from app.services.shared.database import open_database
slow = batch_jobs.EXPIRY_RUN.batch
def batch(uow, context, first, last):
    time.sleep(0.3)  # slow enough to be killed between batches
    return slow(uow, context, first, last)
batch_jobs.EXPIRY_RUN = replace(batch_jobs.EXPIRY_RUN, batch=batch, batch_size=2)
points.expire_points(open_database(sys.argv[1]), "system", date(2026, 7, 1))
"""


def test_a_run_killed_mid_way_has_every_committed_batch_audited(db, people, expiring, clock):
    """A run killed at 1.5 s used to leave 11,364 expired lots and no audit row."""
    clock.now = clock.now.replace(month=7, day=2)
    desk = subprocess.Popen([sys.executable, "-c", KILLED_RUN, db.url])
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with db.reader() as uow:
                done = uow.session.scalar(select(BatchRun.batches)) or 0
            if done >= 2:
                break
            time.sleep(0.05)
        os.kill(desk.pid, signal.SIGKILL)  # a power cut
    finally:
        desk.wait(timeout=60)
    killed = runs.list_runs(db, people.admin)[0]
    assert killed.status == RunStatus.COMMITTING and 0 < killed.counts["points"] < expiring
    assert killed.counts["points"] == expired_in_ledger(db)
    assert audited_batches(db, killed.id)["points"] == killed.counts["points"]
    done = points.expire_points(db, "system", AS_OF)  # the next commit resumes
    assert (done.points, expired_in_ledger(db)) == (expiring, expiring)
    assert audited_batches(db, killed.id)["points"] == expiring
    with db.reader() as uow:
        assert ledger_checks.verify(uow) == []


def test_the_command_line_lists_runs(db, people, expiring, clock, capsys, monkeypatch):
    from tests.conftest import PASSWORD
    from tests.test_cli import run

    clock.now = clock.now.replace(month=7, day=2)
    done = points.expire_points(db, people.admin, AS_OF)
    monkeypatch.setenv("LOYALTY_PASSWORD", PASSWORD)
    code, out, _err = run(capsys, "--db", db.url, "--as", "auditor", "runs", "list")
    assert code == 0
    assert out.split("\t")[:5] == [
        str(done.run_id), "points_expiry", "2026-07-01", "committed", "1 batches",
    ]  # fmt: skip
    assert f"lots=12 points={expiring}" in out
    code, _out, err = run(capsys, "--db", db.url, "--as", "clerk", "runs", "list")
    assert code == 1 and "may not" in err


def test_previewing_an_interrupted_run_shows_what_is_left_and_keeps_its_preview(
    db, people, expiring, clock, monkeypatch
):
    clock.now = clock.now.replace(month=7, day=2)
    small_batches(monkeypatch)
    started = runs.preview(db, people.admin, batch_jobs.EXPIRY_RUN, AS_OF)
    progress = Progress(lambda done, total, _m: done >= 2 and progress.cancel())
    with pytest.raises(Cancelled):
        points.expire_points(db, people.admin, AS_OF, progress)
    left = runs.preview(db, people.admin, batch_jobs.EXPIRY_RUN, AS_OF)
    assert left.preview["points"] == expiring - left.counts["points"] > 0
    [stored] = runs.list_runs(db, people.admin)
    assert stored.preview == started.preview  # the record still says what the commit began with
    done = points.expire_points(db, people.admin, AS_OF)
    assert done.points == expiring
    assert runs.list_runs(db, people.admin)[0].counts["points"] == stored.preview["points"]
