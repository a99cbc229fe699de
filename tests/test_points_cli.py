"""``loyalty points`` and ``loyalty ledger`` on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from app.services import points
from app.services.points import ServiceInput
from tests.conftest import PASSWORD
from tests.test_cli import run
from tests.test_members import register


@pytest.fixture
def earned(db, people, monkeypatch):
    """A member with 30 points earned on 2026-03-01 (they expire after 2027-12-31)."""
    monkeypatch.setenv("LOYALTY_PASSWORD", PASSWORD)
    member = register(db, people.clerk)
    points.record_service(
        db, people.clerk, ServiceInput(member.id, None, "RO-1", date(2026, 3, 1), 30_000_00)
    )
    return member


def test_ledger_verify_passes_then_names_a_tampered_member(db, earned, capsys):
    code, _out, err = run(capsys, "--db", db.url, "ledger", "verify")
    assert code == 1 and "--as USER" in err  # a named user runs the check
    code, out, _err = run(capsys, "--db", db.url, "--as", "auditor", "ledger", "verify")
    assert code == 0 and "consistent" in out
    with db.uow() as uow:
        uow.session.execute(text("UPDATE points_accounts SET balance = balance + 5"))
        uow.commit()
    code, _out, err = run(capsys, "--db", db.url, "--as", "auditor", "ledger", "verify")
    assert code == 1
    assert f"member {earned.member_number}" in err and "balance is 35" in err
    with db.reader() as uow:
        checks = uow.session.execute(
            text("SELECT actor_username, after FROM audit_log WHERE action = 'verify'")
        ).all()
    assert checks == [
        ("auditor", '{"inconsistent_members":0}'),
        ("auditor", '{"inconsistent_members":1}'),
    ]


def test_points_expire_needs_an_admin_and_is_idempotent(db, earned, people, capsys):
    code, _out, err = run(capsys, "--db", db.url, "--as", "clerk", "points", "expire")
    assert code == 1 and "may not" in err
    code, _out, err = run(
        capsys, "--db", db.url, "--as", "admin", "points", "expire", "--as-of", "2999-01-01"
    )
    assert code == 1 and "Enter a date from 1990-01-01 to" in err
    with db.uow() as uow:  # the CLI runs on the real clock: let the lot end in the past
        uow.session.execute(text("UPDATE point_lots SET expires_on = '2026-06-30'"))
        uow.commit()
    for expected in ("1 lots, 30 points expired\n", "30 points expired before (run 1); nothing"):
        code, out, _err = run(
            capsys, "--db", db.url, "--as", "admin", "points", "expire", "--as-of", "2026-07-01"
        )
        assert code == 0 and expected in out
    assert points.account_summary(db, people.admin, earned.id).balance == 0
    code, _out, _err = run(capsys, "--db", db.url, "--as", "admin", "ledger", "verify")
    assert code == 0


def test_points_expire_rejects_a_bad_date(db, earned, capsys):
    with pytest.raises(SystemExit):
        run(capsys, "--db", db.url, "--as", "admin", "points", "expire", "--as-of", "2026-13-01")


def test_import_template_expiring_and_statement_commands(db, earned, people, capsys, tmp_path):
    template = tmp_path / "t.xlsx"
    code, out, _err = run(capsys, "points", "template", str(template))
    assert code == 0 and template.exists()
    code, out, err = run(capsys, "--db", db.url, "--as", "clerk", "points", "import",
                         str(template))  # fmt: skip
    assert code == 1 and "no data rows" in err  # only the template's example row
    sheet = tmp_path / "expiring.xlsx"
    code, out, _err = run(
        capsys, "--db", db.url, "--as", "clerk", "points", "expiring", str(sheet), "--months", "12"
    )
    assert code == 0 and sheet.exists()
    pdf = tmp_path / "s.pdf"
    code, out, err = run(
        capsys, "--db", db.url, "--as", "clerk", "points", "statement", earned.member_number,
        str(pdf), "--from", "2026-01-01", "--to", "2026-12-31",
    )  # fmt: skip
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF")


def test_import_says_how_many_documents_were_kept_as_history(db, earned, capsys, tmp_path):
    from tests.test_points_seed_rules import workbook

    number = earned.member_number
    source = workbook(
        tmp_path / "history.xlsx",
        [
            [number, None, "BJA01", "H-1", "保养", date(2025, 3, 1), 1500],
            [number, None, "BJA01", "H-2", "维修", date(2025, 9, 9), 1500],
            [number, None, "BJA01", "N-1", "维修", date(2026, 2, 1), 2000],
        ],
    )
    code, out, err = run(capsys, "--db", db.url, "--as", "clerk", "points", "import", str(source))
    assert code == 0, err
    assert "3 rows: 3 imported (2 points), 0 already recorded, 0 with errors\n" in out
    assert "2 documents before the launch kept as history for initial points\n" in out
    code, out, _err = run(capsys, "--db", db.url, "--as", "clerk", "points", "import", str(source))
    assert code == 0 and "0 already" not in out and "history" not in out  # all recorded before
