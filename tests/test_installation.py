"""The app outside the checkout: the wheel carries its migrations and resources, an installed
copy runs `loyalty init` and `loyalty-desk --self-test`, the self-test reports failures, and
the sign-in window shows before the database libraries load."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app.config import sqlite_url
from app.db import migrate
from app.db.engine import make_engine

ROOT = Path(__file__).resolve().parents[1]


def run_python(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=environment, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel `pip install .` would install (built without downloading anything)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return next(out.glob("loyalty_desk-*.whl"))


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The wheel installed into a folder of its own (dependencies from this environment)."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
         str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return target


def test_wheel_carries_every_migration_the_translations_and_the_resources(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    versions = {p.name for p in (ROOT / "migrations" / "versions").glob("*.py")}
    assert versions and {f"app/migrations/versions/{v}" for v in versions} <= names
    assert {
        "app/migrations/env.py",
        "app/migrations/script.py.mako",
        "app/resources/regions.json",
        "app/resources/i18n/loyalty_zh_CN.qm",
        "app/resources/icons/loyalty-desk.png",
        "app/resources/icons/loyalty-desk.ico",
    } <= names
    assert not any(name.endswith(".ts") for name in names)  # translators' sources stay home


def test_installed_copy_runs_init_and_self_test_outside_the_checkout(installed, tmp_path):
    work = tmp_path / "elsewhere"  # not the checkout: nothing may be found relative to it
    work.mkdir()
    env = {"PYTHONPATH": str(installed), "LOYALTY_DATA_DIR": str(tmp_path / "data")}
    where = run_python(["-c", "import app.bundled as b; print(b.migrations_dir())"], work, **env)
    assert where.stdout.strip() == str(installed / "app" / "migrations"), where.stderr

    db = tmp_path / "x.sqlite3"
    init = run_python(["-m", "app.cli.main", "--db", sqlite_url(db), "init"], work, **env)
    assert init.returncode == 0, init.stderr
    engine = make_engine(sqlite_url(db))
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()

    test = run_python(["-m", "app", "--db", str(db), "--self-test"], work, **env)
    assert test.returncode == 0, test.stdout + test.stderr
    assert "self-test passed" in test.stdout


def test_self_test_works_on_a_copy_and_leaves_the_database_as_it_was(tmp_path):
    db = tmp_path / "old.sqlite3"
    engine = make_engine(sqlite_url(db))
    migrate.upgrade(engine, "0001")
    engine.dispose()
    result = run_python(
        ["-m", "app", "--db", str(db), "--self-test"], ROOT, LOYALTY_DATA_DIR=str(tmp_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for check in ("translations", "fonts", "icon", "PostgreSQL driver", "main window"):
        assert f"ok      {check}: " in result.stdout
    assert f"database and migrations: SQLite {db}: a copy upgraded to schema" in result.stdout
    engine = make_engine(sqlite_url(db))
    assert migrate.current_revision(engine) == "0001"  # the real file was not upgraded
    engine.dispose()
    assert [p.name for p in tmp_path.glob("*.sqlite3")] == ["old.sqlite3"]  # no backup either


def test_self_test_fails_naming_what_failed(tmp_path):
    result = run_python(
        ["-m", "app", "--db", "postgresql+psycopg://nobody@127.0.0.1:9/loyalty", "--self-test"],
        ROOT,
        LOYALTY_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 1
    assert "FAILED  database and migrations: DatabaseUnavailable" in result.stdout
    assert "FAILED  main window: RuntimeError: skipped: no database" in result.stdout
    assert result.stdout.splitlines()[-1] == (
        "self-test FAILED: database and migrations, main window"
    )


def test_sign_in_window_shows_before_the_database_libraries_load(tmp_path):
    """In a fresh process: the window is up while SQLAlchemy, Alembic, the models and the
    services are not imported yet (they load in the worker that opens the database)."""
    result = run_python(
        ["-m", "app", "--db", str(tmp_path / "x.sqlite3"), "--startup-probe"],
        ROOT,
        LOYALTY_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[0])
    assert report == {"shown": True, "database_modules_loaded": []}
