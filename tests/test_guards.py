"""The database refuses rewriting the ledger and the audit trail, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from app.db import guards
from app.db.models import AuditEntry, AuditHead, LedgerEntry, LotAllocation
from app.services.points import ledger_checks
from app.services.shared import audit
from app.services.staff import auth
from tests.conftest import PASSWORD
from tests.test_cli import run
from tests.test_ledger_engine import earn, post, spend
from tests.test_members import register

REWRITES = {
    "ledger_entries": ("UPDATE ledger_entries SET amount = 99", "DELETE FROM ledger_entries"),
    "lot_allocations": ("UPDATE lot_allocations SET points = 99", "DELETE FROM lot_allocations"),
    "audit_log": ("UPDATE audit_log SET actor_username = 'x'", "DELETE FROM audit_log"),
}


@pytest.fixture
def filled(db, people):
    """Audit entries, ledger entries and a lot allocation to try rewriting."""
    member_id = register(db, people.clerk).id
    post(db, earn("e1", member_id, 50))
    post(db, spend("s1", member_id, 20))
    return db


def _counts(db) -> tuple[int, int, int]:
    with db.reader() as uow:
        return tuple(
            uow.session.scalar(select(func.count()).select_from(model))
            for model in (LedgerEntry, LotAllocation, AuditEntry)
        )


def _head(db) -> tuple[int, str]:
    with db.reader() as uow:
        head = uow.session.get(AuditHead, 1)
        return head.last_seq, head.last_hash


def _refused(db, statement: str, *, replica: bool = False) -> bool:
    with db.uow() as uow:
        if replica:
            uow.session.execute(text("SET session_replication_role = replica"))
        try:
            uow.session.execute(text(statement))
        except DBAPIError:
            return True
        uow.commit()
        return False


def _only_postgresql(db) -> None:
    if db.kind != "postgresql":
        pytest.skip("PostgreSQL only: SQLite has no TRUNCATE and no replication role")


def test_a_new_database_has_every_guard(db):
    with db.reader() as uow:
        assert guards.guard_problems(uow.session.connection()) == []


@pytest.mark.parametrize("table", REWRITES)
def test_rows_cannot_be_updated_or_deleted(filled, table):
    before = _counts(filled)
    assert all(_refused(filled, statement) for statement in REWRITES[table])
    assert _counts(filled) == before


def test_the_audit_head_cannot_move_back_or_be_deleted(filled):
    seq, last_hash = _head(filled)
    assert _refused(filled, "UPDATE audit_head SET last_seq = last_seq - 1")
    assert _refused(filled, f"UPDATE audit_head SET last_seq = 0, last_hash = '{'0' * 64}'")
    assert _refused(filled, f"UPDATE audit_head SET last_hash = '{'f' * 64}'")
    assert _refused(filled, "DELETE FROM audit_head")
    assert _head(filled) == (seq, last_hash)
    auth.sign_in(filled, "clerk", PASSWORD)  # the app still moves it forward
    assert _head(filled)[0] == seq + 1


@pytest.mark.parametrize("table", [*REWRITES, "audit_head"])
def test_truncate_is_refused_on_postgresql(request, db, table):
    _only_postgresql(db)
    filled = request.getfixturevalue("filled")
    before, head = _counts(filled), _head(filled)
    assert _refused(filled, f"TRUNCATE {table} CASCADE")
    assert (_counts(filled), _head(filled)) == (before, head)


@pytest.mark.parametrize("table", REWRITES)
def test_a_replica_session_role_does_not_bypass_the_guards(request, db, table):
    _only_postgresql(db)
    filled = request.getfixturevalue("filled")
    before = _counts(filled)
    assert all(_refused(filled, statement, replica=True) for statement in REWRITES[table])
    assert _refused(filled, "UPDATE audit_head SET last_seq = 0", replica=True)
    assert _counts(filled) == before


# --- the verify commands name a lifted guard -----------------------------------------------

# (dialect, how a database owner lifts a guard, the guard it lifts)
LIFTED = [
    ("sqlite", "DROP TRIGGER ledger_entries_no_delete", "ledger_entries_no_delete"),
    ("postgresql", "DROP TRIGGER ledger_entries_no_truncate ON ledger_entries",
     "ledger_entries_no_truncate"),
    ("postgresql", "ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only",
     "ledger_entries_append_only"),
    # enabled for ordinary sessions only: a replica session role would get past it
    ("postgresql", "ALTER TABLE lot_allocations ENABLE TRIGGER lot_allocations_append_only",
     "lot_allocations_append_only"),
]  # fmt: skip


def _lift(request, db, dialect: str, statement: str) -> None:
    """Skips before building the staff (the costly part) when the case is another dialect's."""
    if db.kind != dialect:
        pytest.skip(f"{dialect} only")
    request.getfixturevalue("people")
    with db.engine.begin() as connection:
        connection.exec_driver_sql(statement)


@pytest.mark.parametrize("dialect, statement, guard", LIFTED)
def test_a_lifted_ledger_guard_fails_ledger_verify_and_audit_verify(
    request, db, dialect, statement, guard, capsys, monkeypatch
):
    _lift(request, db, dialect, statement)
    with db.reader() as uow:
        assert [p.guard for p in ledger_checks.guard_report(uow)] == [guard]
        report = audit.verify(uow)
    assert report.chain.intact and not report.intact
    assert [p.guard for p in report.guard_problems] == [guard]
    monkeypatch.setenv("LOYALTY_PASSWORD", PASSWORD)
    code, _out, err = run(capsys, "--db", db.url, "--as", "auditor", "ledger", "verify")
    assert code == 1 and f"ledger UNGUARDED: database guard {guard} is" in err
    code, _out, err = run(capsys, "--db", db.url, "--as", "auditor", "audit", "verify")
    assert code == 1 and f"audit trail UNGUARDED: database guard {guard} is" in err


AUDIT_LIFTED = [
    ("sqlite", "DROP TRIGGER audit_log_no_update", "audit_log_no_update", "missing"),
    ("sqlite", "DROP TRIGGER audit_head_no_rewind", "audit_head_no_rewind", "missing"),
    ("postgresql", "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
     "audit_log_append_only", "disabled"),
    ("postgresql", "DROP TRIGGER audit_head_no_truncate ON audit_head",
     "audit_head_no_truncate", "missing"),
    ("postgresql", "CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger AS "
     "$$ BEGIN RETURN NULL; END $$ LANGUAGE plpgsql", "audit_log_append_only", "altered"),
]  # fmt: skip


@pytest.mark.parametrize("dialect, statement, guard, state", AUDIT_LIFTED)
def test_a_lifted_audit_guard_fails_audit_verify(
    request, db, dialect, statement, guard, state, capsys, monkeypatch
):
    _lift(request, db, dialect, statement)
    with db.reader() as uow:
        problems = audit.verify(uow).guard_problems
        assert ledger_checks.guard_report(uow) == []  # the ledger's own check is about the ledger
    assert (problems[0].guard, problems[0].state) == (guard, state)
    monkeypatch.setenv("LOYALTY_PASSWORD", PASSWORD)
    code, _out, err = run(capsys, "--db", db.url, "--as", "auditor", "audit", "verify")
    assert code == 1 and f"database guard {guard} is {state}" in err
