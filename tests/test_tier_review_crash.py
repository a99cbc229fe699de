"""A tier review killed mid-commit (``kill -9``: a power cut) leaves every member either
reviewed or untouched, never half of each, and the same command run again finishes the run
with the counts its preview promised. On SQLite and PostgreSQL.

The members sit at sparse ids, a few hundred in each of a dozen id batches of the review, so
the real command (its own batch size, nothing patched) commits several batches. On
PostgreSQL the test holds a row lock on a member half-way through the fourth batch: the
command stops there with half that batch written and uncommitted, and is killed in that
state. On SQLite (one writer, no row locks) it is killed as soon as a batch has committed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert, select, text

from app.db.models import AuditEntry, BatchRun, LedgerEntry, Member, MemberTier, TierChange
from app.domain.runs import RunStatus
from app.services.tiers import review
from tests.conftest import PASSWORD
from tests.test_cli import run

BATCHES = 12
PER_BATCH = 250  # members in each batch of ids
SIZE = review.TIER_REVIEW.batch_size  # the command's own batch size
LOCKED_BATCH = 4  # PostgreSQL: the batch the command is stopped in
TIERS = ("gold", "platinum", "diamond")
POINTS = (0, 10, 25, 90, 150, 400)  # down, down or kept, kept, kept or up, up, up


def as_of_day() -> date:
    return datetime.now(ZoneInfo("Asia/Shanghai")).date() - timedelta(days=5)


def member_ids() -> list[int]:
    return [b * SIZE + 1 + j for b in range(BATCHES) for j in range(PER_BATCH)]


@pytest.fixture
def due(db, people, monkeypatch) -> dict[int, tuple[str, date]]:
    """BATCHES * PER_BATCH members whose tier validity ended before the as-of date, with
    qualifying points for every outcome; returns their (tier, valid_until)."""
    monkeypatch.setenv("LOYALTY_PASSWORD", PASSWORD)
    as_of, now = as_of_day(), datetime.now(UTC)
    members, tiers, entries, before = [], [], [], {}
    for n, member_id in enumerate(member_ids()):
        until = as_of - timedelta(days=1 + n % 30)
        start = until - timedelta(days=364)
        tier = TIERS[n % len(TIERS)]
        before[member_id] = (tier, until)
        members.append({
            "id": member_id, "member_number": f"T{member_id:010d}", "name": "测试会员",
            "join_date": start, "status": "active", "source_channel": "app",
            "dealer_id": people.dealer_id, "created_at": now,
        })  # fmt: skip
        tiers.append({
            "member_id": member_id, "tier_code": tier, "period_start": start,
            "valid_until": until, "upgraded_on": start, "updated_at": now,
        })  # fmt: skip
        if points := POINTS[n // len(TIERS) % len(POINTS)]:
            entries.append({
                "entry_uid": f"crash:{member_id}", "fingerprint": "crash", "member_id": member_id,
                "currency": "qualifying", "kind": "earn", "source": "sign_in", "amount": points,
                "business_date": start + timedelta(days=10), "posted_at": now, "actor": "test",
            })  # fmt: skip
    with db.uow() as uow:
        for model, rows in ((Member, members), (MemberTier, tiers), (LedgerEntry, entries)):
            uow.session.execute(insert(model), rows)
        uow.commit()
    return before


def command(db_url: str, as_of: date) -> list[str]:
    return [
        sys.executable, "-m", "app.cli.main", "--db", db_url, "--as", "admin", "tiers", "review",
        "--as-of", as_of.isoformat(), "--commit", "--json",
    ]  # fmt: skip


def the_run(db) -> tuple[str, int] | None:
    with db.reader() as uow:
        row = uow.session.execute(select(BatchRun.status, BatchRun.cursor)).one_or_none()
    return None if row is None else (row[0], int(row[1]))


def waiting(db) -> bool:
    """PostgreSQL: another session of this database waits for a lock (our row lock)."""
    with db.reader() as uow:
        return bool(
            uow.session.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
                )
            )
        )


def kill_mid_commit(db, process: subprocess.Popen, stopped_at: int | None) -> None:
    """SIGKILL the command once a batch has committed (and, with ``stopped_at``, once it
    waits for the lock in the batch after that cursor)."""
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"the review ended (exit {process.returncode}) before the kill")
            state = the_run(db)
            going = state is not None and state[0] == RunStatus.COMMITTING and state[1] > 0
            if going and (stopped_at is None or (state[1] == stopped_at and waiting(db))):
                os.kill(process.pid, signal.SIGKILL)  # a power cut
                break
            time.sleep(0.005)
        else:
            pytest.fail("the review never got going")
    finally:
        if process.poll() is None:  # the test failed before the kill: do not leave it running
            process.kill()
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL


def check_consistent(db, run_id: int, before: dict[int, tuple[str, date]], done_to: int) -> Counter:
    """Members up to ``done_to`` reviewed once, with tier and history agreeing; the others
    untouched. Returns the outcomes recorded in the history."""
    with db.reader() as uow:
        now = {
            m: (code, until, start)
            for m, code, until, start in uow.session.execute(
                select(MemberTier.member_id, MemberTier.tier_code, MemberTier.valid_until,
                       MemberTier.period_start)
            )
        }  # fmt: skip
        history = uow.session.execute(
            select(TierChange.member_id, TierChange.from_code, TierChange.to_code,
                   TierChange.reason, TierChange.valid_until, TierChange.effective_on)
            .where(TierChange.run_id == run_id)
        ).all()  # fmt: skip
    assert len(history) == len({row[0] for row in history}), "a member reviewed twice"
    reviewed = {row[0]: row for row in history}
    assert set(reviewed) == {m for m in before if m <= done_to}
    for member_id, (tier, until) in before.items():
        if member_id not in reviewed:
            assert now[member_id][:2] == (tier, until), f"member {member_id} half-reviewed"
            continue
        _m, from_code, to_code, _reason, new_until, effective = reviewed[member_id]
        assert from_code == tier and effective == until + timedelta(days=1)
        assert now[member_id] == (to_code, new_until, effective), f"member {member_id} differs"
    return Counter(row[3] for row in history)


def audited(db, run_id: int) -> Counter:
    with db.reader() as uow:
        afters = uow.session.scalars(
            select(AuditEntry.after).where(
                AuditEntry.entity == "batch_run", AuditEntry.entity_id == str(run_id),
                AuditEntry.action == "batch",
            )
        ).all()  # fmt: skip
    total: Counter = Counter()
    for after in afters:
        total.update({k: v for k, v in json.loads(after).items() if k != "members"})
    return total


def test_a_review_killed_mid_commit_leaves_each_member_whole_and_resumes(db, due, capsys, tmp_path):
    as_of = as_of_day()
    code, out, err = run(capsys, "--db", db.url, "--as", "admin", "tiers", "review", "--as-of",
                         as_of.isoformat(), "--json")  # fmt: skip
    assert code == 0, err
    preview = json.loads(out)
    assert preview["due"] == len(due) and all(preview["preview"].values())

    lock = None
    stopped_at = None
    if db.kind == "postgresql":  # stop the command inside a batch, half of it written
        stopped_at = (LOCKED_BATCH - 1) * SIZE
        locked_member = stopped_at + 1 + PER_BATCH // 2
        lock = db.engine.connect()
        lock.execute(
            text("SELECT 1 FROM member_tiers WHERE member_id = :m FOR UPDATE"),
            {"m": locked_member},
        )
    log = tmp_path / "review.log"
    with log.open("w") as stderr:
        process = subprocess.Popen(
            command(db.url, as_of), stdout=subprocess.DEVNULL, stderr=stderr, env=os.environ
        )
        try:
            kill_mid_commit(db, process, stopped_at)
        finally:
            if lock is not None:
                lock.rollback()
                lock.close()

    status, cursor = the_run(db) or ("", 0)
    assert status == RunStatus.COMMITTING, log.read_text()
    assert 0 < cursor < max(due) and cursor % SIZE == 0
    if stopped_at is not None:
        assert cursor == stopped_at  # the locked batch left nothing behind
    with db.reader() as uow:
        run_row = uow.session.scalars(select(BatchRun)).one()
        run_id, counts = run_row.id, json.loads(run_row.counts)
    outcomes = check_consistent(db, run_id, due, cursor)
    assert outcomes == Counter({k: v for k, v in counts.items() if v})  # record = data
    assert audited(db, run_id) == Counter(counts)  # and the trail says the same
    assert 0 < sum(outcomes.values()) < len(due)

    again = subprocess.run(command(db.url, as_of), capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    done = json.loads(again.stdout)
    assert (done["run_id"], done["status"], done["resumed"]) == (run_id, "committed", True)
    assert done["counts"] == preview["preview"]
    assert "resuming run" in again.stderr and "Traceback" not in again.stderr
    outcomes = check_consistent(db, run_id, due, max(due))
    assert outcomes == Counter({k: v for k, v in preview["preview"].items() if v})
    assert audited(db, run_id) == Counter(preview["preview"])
