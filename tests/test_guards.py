"""The database refuses rewriting the ledger and the audit trail, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from app.db import guards
from app.db.models import AuditEntry, AuditHead, LedgerEntry, LotAllocation
from app.services import auth
from tests.conftest import PASSWORD
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
def test_truncate_is_refused_on_postgresql(filled, table):
    _only_postgresql(filled)
    before, head = _counts(filled), _head(filled)
    assert _refused(filled, f"TRUNCATE {table} CASCADE")
    assert (_counts(filled), _head(filled)) == (before, head)


@pytest.mark.parametrize("table", REWRITES)
def test_a_replica_session_role_does_not_bypass_the_guards(filled, table):
    _only_postgresql(filled)
    before = _counts(filled)
    assert all(_refused(filled, statement, replica=True) for statement in REWRITES[table])
    assert _refused(filled, "UPDATE audit_head SET last_seq = 0", replica=True)
    assert _counts(filled) == before
