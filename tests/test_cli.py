"""The ``loyalty`` command line, run in-process against SQLite and PostgreSQL."""

import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli.main import main as cli
from app.config import sqlite_url
from app.db.migrate import head_revision
from app.db.models import Member, StaffUser
from app.domain.errors import AuthenticationFailed
from app.domain.roles import Actor, Role
from app.services import settings as programme_settings
from app.services import staff
from app.services.shared import audit
from app.services.shared.audit import AuditFilter
from app.services.shared.database import open_database, schema_is_current
from app.services.staff import auth
from tests.conftest import PASSWORD

HQ = Actor(1, "admin", "Admin", Role.ADMIN)  # the first admin, as the services see it
SHB01 = ["--code", "shb01", "--name", "上海北区服务中心", "--region", "华东"]
SHB01 += ["--province", "上海市", "--city", "上海市"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def opened():
    """open_database for checking results; every database opened here is closed."""
    databases = []

    def _open(url):
        databases.append(open_database(url))
        return databases[-1]

    yield _open
    for database in databases:
        database.close()


@pytest.fixture
def as_admin(db, monkeypatch):
    """An admin and a clerk of dealer BJA01, both using PASSWORD; cheaper than `people`."""
    auth.create_first_admin(db, "admin", "Admin", PASSWORD)
    dealer = staff.save_dealer(
        db, HQ, staff.DealerInput("BJA01", "北京东区", "华北", "北京", "北京")
    )
    clerk = staff.UserInput("clerk", "Clerk", Role.CLERK, dealer.id)
    user_id = staff.save_user(db, HQ, clerk, initial_password=PASSWORD)
    with db.uow() as uow:
        uow.session.get(StaffUser, user_id).must_change_password = False
        uow.commit()
    monkeypatch.setenv("LOYALTY_PASSWORD", PASSWORD)
    return db


# --- init -------------------------------------------------------------------------------


def test_init_creates_the_schema_and_prints_the_revision(empty_db_url, capsys, opened):
    code, out, _err = run(capsys, "--db", empty_db_url, "init")
    assert code == 0
    assert f"schema empty -> {head_revision()}" in out
    assert "no staff users yet" in out
    db = opened(empty_db_url)
    assert schema_is_current(db) and auth.needs_first_admin(db)


def test_init_admin_creates_the_first_admin_only_once(empty_db_url, capsys, monkeypatch, opened):
    monkeypatch.setenv("LOYALTY_PASSWORD", PASSWORD)
    code, out, _err = run(capsys, "--db", empty_db_url, "init", "--admin", "Boss")
    assert code == 0 and "first administrator created: boss" in out
    assert auth.sign_in(opened(empty_db_url), "boss", PASSWORD).role == Role.ADMIN

    code, _out, err = run(capsys, "--db", empty_db_url, "init", "--admin", "other")
    assert code == 1 and "already has staff users" in err
    with opened(empty_db_url).reader() as uow:
        assert uow.session.scalars(select(StaffUser.username)).all() == ["boss"]


def test_init_with_a_weak_password_creates_no_admin(empty_db_url, capsys, monkeypatch, opened):
    monkeypatch.setenv("LOYALTY_PASSWORD", "short1")
    code, _out, err = run(capsys, "--db", empty_db_url, "init", "--admin", "boss")
    assert code == 1 and err.startswith("error: ") and "at least 8" in err
    assert auth.needs_first_admin(opened(empty_db_url))


def test_password_is_required_without_a_terminal(tmp_path, capsys, monkeypatch, opened):
    monkeypatch.delenv("LOYALTY_PASSWORD", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    url = sqlite_url(tmp_path / "new.sqlite3")
    code, _out, err = run(capsys, "--db", url, "init", "--admin", "boss")
    assert code == 1 and "set LOYALTY_PASSWORD" in err
    assert auth.needs_first_admin(opened(url))


# --- commands run as a staff user -------------------------------------------------------


def test_dealers_add_as_admin_is_audited(as_admin, capsys):
    code, out, _err = run(capsys, "--db", as_admin.url, "--as", "admin", "dealers", "add", *SHB01)
    assert code == 0 and "dealer SHB01 saved" in out
    entry = audit.list_entries(as_admin, HQ, AuditFilter(entity="dealer"), None)[0]
    assert (entry.username, entry.action) == ("admin", "create")
    assert json.loads(entry.after)["code"] == "SHB01"

    code, out, _err = run(capsys, "--db", as_admin.url, "--as", "admin", "dealers", "list")
    assert code == 0
    assert [line.split("\t")[0] for line in out.splitlines()] == ["BJA01", "SHB01"]


def test_clerk_may_not_add_dealers(as_admin, capsys):
    code, _out, err = run(capsys, "--db", as_admin.url, "--as", "clerk", "dealers", "add", *SHB01)
    assert code == 1 and "Your role (clerk) may not manage dealers" in err
    assert [d.code for d in staff.list_dealers(as_admin, HQ)] == ["BJA01"]


def test_wrong_password_is_refused(as_admin, capsys, monkeypatch):
    monkeypatch.setenv("LOYALTY_PASSWORD", "Wrong-pass-1")
    code, out, err = run(capsys, "--db", as_admin.url, "--as", "admin", "dealers", "list")
    assert code == 1 and out == ""
    assert "Wrong user name or password" in err


def test_missing_as_is_refused(as_admin, capsys):
    code, _out, err = run(capsys, "--db", as_admin.url, "dealers", "add", *SHB01)
    assert code == 1 and "--as USER" in err


def test_users_add_and_reset_password(as_admin, capsys, monkeypatch):
    base = ["--db", as_admin.url, "--as", "admin", "users"]
    monkeypatch.setenv("LOYALTY_NEW_PASSWORD", "Temp-pass-9")
    code, out, _err = run(
        capsys, *base, "add", "zhang", "--name", "张三", "--role", "clerk", "--dealer", "bja01"
    )
    assert code == 0 and "user zhang created" in out
    zhang = auth.sign_in(as_admin, "zhang", "Temp-pass-9")
    assert (zhang.role, zhang.dealer_id, zhang.must_change_password) == (
        Role.CLERK,
        staff.list_dealers(as_admin, HQ)[0].id,
        True,
    )

    monkeypatch.setenv("LOYALTY_NEW_PASSWORD", "Other-pass-2")
    code, out, _err = run(capsys, *base, "reset-password", "zhang")
    assert code == 0 and "password of zhang reset" in out
    assert auth.sign_in(as_admin, "zhang", "Other-pass-2").must_change_password
    with pytest.raises(AuthenticationFailed):
        auth.sign_in(as_admin, "zhang", "Temp-pass-9")


def test_one_time_password_must_be_changed_before_using_the_cli(as_admin, capsys, monkeypatch):
    wang = staff.UserInput("wang", "王五", Role.AUDITOR, None)
    staff.save_user(as_admin, HQ, wang, initial_password="Temp-pass-9")
    monkeypatch.setenv("LOYALTY_PASSWORD", "Temp-pass-9")
    code, out, err = run(capsys, "--db", as_admin.url, "--as", "wang", "dealers", "list")
    assert code == 1 and out == "" and "passwd" in err

    monkeypatch.setenv("LOYALTY_NEW_PASSWORD", "Wang-own-pass-1")
    code, out, _err = run(capsys, "--db", as_admin.url, "--as", "wang", "passwd")
    assert code == 0 and "password of wang changed" in out
    monkeypatch.setenv("LOYALTY_PASSWORD", "Wang-own-pass-1")
    code, out, _err = run(capsys, "--db", as_admin.url, "--as", "wang", "dealers", "list")
    assert code == 0 and "BJA01" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["reset-password", "nobody"], "no user nobody"),
        (["add", "li", "--name", "李四", "--role", "clerk", "--dealer", "NOPE"], "no dealer NOPE"),
        (["add", "li", "--name", "李四", "--role", "clerk"], "belong to a dealer"),
    ],
)
def test_users_commands_fail_cleanly(as_admin, capsys, monkeypatch, args, message):
    monkeypatch.setenv("LOYALTY_NEW_PASSWORD", "Temp-pass-9")
    code, _out, err = run(capsys, "--db", as_admin.url, "--as", "admin", "users", *args)
    assert code == 1 and message in err


def test_settings_set(as_admin, capsys):
    code, out, _err = run(
        capsys, "--db", as_admin.url, "--as", "admin", "settings", "set", "idle_lock_minutes", "5"
    )
    assert code == 0 and "idle_lock_minutes\t5" in out.splitlines()
    assert programme_settings.get_settings(as_admin).idle_lock_minutes == 5


@pytest.mark.parametrize(
    "key, value, message",
    [
        ("colour", "red", "unknown setting colour"),
        ("idle_lock_minutes", "five", "idle_lock_minutes needs a int"),
        ("idle_lock_minutes", "0", "between 1 and 240"),
    ],
)
def test_bad_settings_fail_cleanly(as_admin, capsys, key, value, message):
    code, out, err = run(
        capsys, "--db", as_admin.url, "--as", "admin", "settings", "set", key, value
    )
    assert code == 1 and out == "" and message in err
    assert programme_settings.get_settings(as_admin) == programme_settings.ProgrammeSettings()


# --- backup and audit -------------------------------------------------------------------


def test_backup_needs_the_right_and_never_overwrites(as_admin, tmp_path, capsys, opened):
    db = as_admin
    target = tmp_path / "copies" / "backup.sqlite3"
    code, _out, err = run(capsys, "--db", db.url, "--as", "clerk", "backup", str(target))
    assert code == 1 and "may not" in err and not target.exists()
    code, out, err = run(capsys, "--db", db.url, "--as", "admin", "backup", str(target))
    if db.kind == "postgresql":
        assert code == 1 and "pg_dump" in err and not target.exists()
        return
    assert code == 0 and str(target) in out
    copy = opened(sqlite_url(target))
    assert staff.list_dealers(copy, HQ) == staff.list_dealers(db, HQ)
    in_copy = audit.list_entries(copy, HQ, AuditFilter(entity="database"), None)
    assert in_copy[0].action == "backup"  # the copy holds its own backup entry
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600  # members' data: the user's only

    size = target.stat().st_size
    code, _out, err = run(capsys, "--db", db.url, "--as", "admin", "backup", str(target))
    assert code == 1 and "already exists" in err and target.stat().st_size == size

    code, out, _err = run(capsys, "--db", db.url, "--as", "admin", "backup", str(tmp_path))
    written = Path(out.split("backup written: ", 1)[1].strip())
    assert code == 0 and written.parent == tmp_path and written.name.startswith("loyalty-backup-")
    assert opened(sqlite_url(written)).is_demo() is False


def test_audit_verify_on_an_intact_chain(as_admin, capsys):
    with as_admin.reader() as uow:
        entries = audit.verify(uow).checked
    code, out, _err = run(capsys, "--db", as_admin.url, "--as", "admin", "audit", "verify")
    # the sign-in adds an entry and keeps this computer's first checkpoint
    assert (
        code == 0 and out == f"audit trail intact: {entries + 1:,} entries\n1 checkpoints match\n"
    )
    assert entries >= 3
    latest = audit.list_entries(as_admin, HQ, AuditFilter(), None, limit=1)[0]
    assert (latest.username, latest.entity, latest.action) == ("admin", "audit_trail", "verify")
    assert json.loads(latest.after)["intact"] is True


# --- demo -------------------------------------------------------------------------------


def test_demo_refuses_a_used_database_unless_replaced(db_url, capsys, opened, monkeypatch):
    demo_args = ["--db", db_url, "demo", "--members", "300", "--seed", "7"]
    code, out, err = run(capsys, *demo_args)
    assert code == 0 and "300 members" in out
    assert "(password demo1234): admin, auditor, sup.bja01, clerk.bja01" in out
    assert "members 300/300 (100%)" in err

    code, _out, err = run(capsys, *demo_args)
    assert code == 1 and "empty database" in err

    monkeypatch.setenv("LOYALTY_PASSWORD", "demo1234")
    code, _out, err = run(capsys, *demo_args, "--replace")
    assert code == 1 and "--as USER" in err  # only one of its administrators replaces it
    code, _out, err = run(capsys, "--as", "clerk.bja01", *demo_args, "--replace")
    assert code == 1 and "Only an administrator may rebuild" in err
    code, out, _err = run(capsys, "--as", "admin", *demo_args, "--replace")
    assert code == 0 and "300 members" in out
    db = opened(db_url)
    with db.reader() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Member)) == 300
        assert audit.verify(uow).intact


def test_demo_replace_leaves_a_real_database_untouched(as_admin, capsys):
    code, _out, err = run(capsys, "--as", "admin", "--db", as_admin.url, "demo", "--replace")
    assert code == 1 and "holds real data and was left untouched" in err
    assert [d.code for d in staff.list_dealers(as_admin, HQ)] == ["BJA01"]


def test_demo_goes_to_the_demo_file_by_default(tmp_path, capsys):
    code, out, _err = run(capsys, "demo", "--members", "5")
    assert code == 0 and "5 members" in out
    assert (tmp_path / "data" / "demo.sqlite3").exists()


# --- the installed command --------------------------------------------------------------


def test_cli_never_imports_qt(tmp_path):
    url = sqlite_url(tmp_path / "qt-free.sqlite3")
    script = (
        "import sys, app.cli.main as m; rc = m.main(['--db', sys.argv[1], 'init']); "
        "assert not [k for k in sys.modules if k.startswith(('PySide6','shiboken6'))], "
        "'Qt imported'; sys.exit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, url], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "schema empty" in result.stdout


def test_console_script_is_installed():
    script = Path(sys.executable).with_name("loyalty")
    result = subprocess.run([script, "--help"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "usage: loyalty" in result.stdout and "backup" in result.stdout
