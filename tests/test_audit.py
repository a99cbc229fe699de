"""Every write is audited; the hash chain detects edits and deletions behind the app's back."""

import json
import threading
from datetime import date

import pytest
from sqlalchemy import select

from app.cli.main import main as cli
from app.db import guards
from app.db.models import AuditEntry, StaffUser
from app.services import settings as programme_settings
from app.services import staff
from app.services.shared import audit
from app.services.shared.audit import AuditFilter
from tests.conftest import PASSWORD


def _entries(db):
    return audit.list_entries(db, _auditor(db), AuditFilter(), None, limit=1000)


def tamper(db, *statements: str) -> None:
    """What a database owner can do: lift the guards, rewrite, put the guards back."""
    with db.engine.begin() as connection:
        guards.drop_guards(connection)
        for statement in statements:
            connection.exec_driver_sql(statement)
        guards.create_guards(connection)


def _auditor(db):
    """The people fixture's auditor, as the services see it (each call re-reads the account)."""
    from app.domain.roles import Actor, Role

    with db.reader() as uow:
        user_id = uow.session.scalar(select(StaffUser.id).where(StaffUser.username == "auditor"))
    return Actor(user_id, "auditor", "Auditor", Role.AUDITOR)


def test_writes_record_who_what_and_before_after(db, people, clock):
    dealer = staff.save_dealer(
        db, people.admin, staff.DealerInput("SHA01", "上海浦东", "华东", "上海市", "上海市")
    )
    clock.advance(minutes=5)
    staff.save_dealer(
        db,
        people.admin,
        staff.DealerInput("SHA01", "上海浦东服务中心", "华东", "上海市", "上海市"),
        dealer.id,
    )
    latest = _entries(db)[0]
    assert (latest.username, latest.entity, latest.entity_id, latest.action) == (
        "admin",
        "dealer",
        str(dealer.id),
        "update",
    )
    assert json.loads(latest.before) == {"name": "上海浦东"}
    assert json.loads(latest.after) == {"name": "上海浦东服务中心"}
    assert latest.at == clock.now


def test_settings_change_is_audited(db, people):
    programme_settings.update_settings(db, people.admin, idle_lock_minutes=5)
    latest = _entries(db)[0]
    assert (latest.entity, latest.entity_id) == ("programme_setting", "idle_lock_minutes")
    assert json.loads(latest.before) == {"idle_lock_minutes": 15}
    assert programme_settings.get_settings(db).idle_lock_minutes == 5


def test_sign_in_failures_are_audited(db, people):
    from app.domain.errors import AuthenticationFailed
    from app.services.staff import auth

    with pytest.raises(AuthenticationFailed):
        auth.sign_in(db, "clerk", "bad-pass-11")
    latest = _entries(db)[0]
    assert (latest.username, latest.entity, latest.action) == ("clerk", "sign_in", "failed")


def test_chain_is_intact_after_normal_use(db, people):
    with db.reader() as uow:
        report = audit.verify(uow)
    assert report.intact and report.checked == len(_entries(db)) > 5


@pytest.mark.parametrize(
    "statement, broken",
    [
        ('UPDATE audit_log SET after = \'{"role":"admin"}\' WHERE seq = 3', 3),
        ("UPDATE audit_log SET actor_username = 'someone' WHERE seq = 2", 2),
        ("DELETE FROM audit_log WHERE seq = 4", 4),
        ("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)", None),
    ],
)
def test_tampering_is_detected_at_the_first_broken_entry(
    db, people, statement, broken, capsys, monkeypatch
):
    with db.reader() as uow:
        last = audit.verify(uow).checked
    tamper(db, statement)
    with db.reader() as uow:
        report = audit.verify(uow)
    assert not report.intact
    assert report.broken_seq == (broken or last)
    monkeypatch.setenv("LOYALTY_PASSWORD", PASSWORD)
    assert cli(["--db", db.url, "--as", "auditor", "audit", "verify"]) == 1
    assert f"BROKEN at entry {report.broken_seq}" in capsys.readouterr().err


def test_recomputed_hash_after_edit_still_breaks_the_next_link(db, people):
    """Re-hashing an edited entry is not enough: the next entry's link no longer fits."""
    from app.domain.audit_chain import ChainedEntry, entry_hash

    with db.reader() as uow:
        row = uow.session.get(AuditEntry, 2)
        fields = {k: getattr(row, k) for k in ChainedEntry.__dataclass_fields__ if k != "hash"}
    forged = entry_hash(ChainedEntry(**{**fields, "after": '{"forged":true}'}))
    tamper(
        db, f"UPDATE audit_log SET after = '{{\"forged\":true}}', hash = '{forged}' WHERE seq = 2"
    )
    with db.reader() as uow:
        assert audit.verify(uow).broken_seq == 3


def test_concurrent_writers_extend_one_chain(db, people):
    errors = []

    def work(n):
        try:
            for i in range(5):
                staff.save_dealer(
                    db,
                    people.admin,
                    staff.DealerInput(f"T{n}X{i}", f"Dealer {n}-{i}", "华东", "上海市", "上海市"),
                )
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with db.reader() as uow:
        report = audit.verify(uow)
    assert report.intact
    assert len(staff.list_dealers(db, people.admin)) == 21


def test_viewer_filters(db, people, clock):
    clock.advance(days=3)
    guangzhou = staff.DealerInput("GZA01", "广州", "华南", "广东省", "广州市")
    staff.save_dealer(db, people.admin, guangzhou)
    auditor = people.auditor
    by_entity = audit.list_entries(db, auditor, AuditFilter(entity="dealer"), None)
    by_user = audit.list_entries(db, auditor, AuditFilter(username="clerk"), None)
    late = audit.list_entries(db, auditor, AuditFilter(date_from=date(2026, 3, 4)), None)
    early = audit.list_entries(db, auditor, AuditFilter(date_to=date(2026, 3, 1)), None)
    page = audit.list_entries(db, auditor, AuditFilter(), None, limit=3)
    next_page = audit.list_entries(db, auditor, AuditFilter(), page[-1].seq, limit=3)
    assert {e.entity for e in by_entity} == {"dealer"} and len(by_entity) == 2
    assert by_user and {e.username for e in by_user} == {"clerk"}
    assert [e.entity_id for e in late] == [str(by_entity[0].entity_id)]
    assert len(early) > 5 and all(e.seq < late[0].seq for e in early)
    assert [e.seq for e in page + next_page] == sorted(
        (e.seq for e in page + next_page), reverse=True
    )
    assert page[-1].seq - 1 == next_page[0].seq
