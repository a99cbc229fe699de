"""Shared fixtures: every database test runs on an SQLite file and on PostgreSQL."""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import Phase, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# `python tasks.py mutate` runs the fast tests once per mutant (--hypothesis-profile=mutation):
# the same examples every run, and no shrinking, since a failure is all a mutant needs.
settings.register_profile(
    "mutation", derandomize=True, database=None, phases=[Phase.explicit, Phase.generate]
)

from app.config import sqlite_url  # noqa: E402
from app.db import migrate  # noqa: E402
from app.db.engine import make_engine  # noqa: E402
from app.domain.roles import Actor, Role  # noqa: E402
from app.services import staff  # noqa: E402
from app.services.shared.database import Database, open_database  # noqa: E402
from app.services.staff import auth  # noqa: E402

PG_ADMIN_URL = os.environ.get(
    "LOYALTY_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
PASSWORD = "Secret-pass-1"


@pytest.fixture(autouse=True)
def _quick_password_hashing(request, monkeypatch):
    """Argon2id with the smallest cost: every sign-in of the fixtures would otherwise spend
    tens of milliseconds on purpose. A test marked ``real_password_hashing`` keeps the real
    parameters (the one that checks them)."""
    if request.node.get_closest_marker("real_password_hashing") is None:
        from argon2 import PasswordHasher, Type

        from app.services.staff import auth

        quick = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID)
        monkeypatch.setattr(auth, "HASHER", quick)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    """Keep tests away from the real user data folder and database settings."""
    monkeypatch.setenv("LOYALTY_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("LOYALTY_DB_URL", raising=False)


@pytest.fixture(autouse=True)
def _no_real_credential_store(monkeypatch):
    """Tests never read or write the desktop's real credential store: none, unless a test
    asks for ``memory_keyring`` (also for the processes they start)."""
    import keyring
    from keyring.backends import fail

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _pg_admin_engine():
    engine = make_engine(PG_ADMIN_URL).execution_options(isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("select 1")
    except Exception as exc:  # noqa: BLE001 - any failure means "no server here"
        engine.dispose()
        reason = f"PostgreSQL not reachable at {PG_ADMIN_URL}: {str(exc).splitlines()[0]}"
        if IN_CI:
            pytest.fail(f"CI requires PostgreSQL. {reason}")
        pytest.skip(reason)
    return engine


@pytest.fixture(scope="session")
def pg_template():
    """A migrated template database; each test gets a fast copy of it."""
    engine = _pg_admin_engine()
    name = f"loyalty_tpl_{uuid.uuid4().hex[:10]}"
    with engine.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    template_url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    template_engine = make_engine(template_url)
    migrate.upgrade(template_engine)
    template_engine.dispose()
    yield engine, name
    with engine.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = make_engine(sqlite_url(path))
    migrate.upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture
def fresh_pg_url(request):
    """An empty (unmigrated) throw-away PostgreSQL database."""
    engine = _pg_admin_engine()
    name = f"loyalty_t_{uuid.uuid4().hex[:12]}"
    with engine.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    with engine.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A migrated, empty database of each kind."""
    if request.param == "sqlite":
        path = tmp_path / "loyalty.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield sqlite_url(path)
        return
    engine, template = request.getfixturevalue("pg_template")
    name = f"loyalty_t_{uuid.uuid4().hex[:12]}"
    with engine.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    with engine.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db_url(request, tmp_path):
    """A database of each kind with no schema at all."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "empty.sqlite3")
    return request.getfixturevalue("fresh_pg_url")


@pytest.fixture
def db(db_url, clock) -> Database:
    database = open_database(db_url, clock=clock)
    yield database
    database.close()


@dataclass
class Staff:
    admin: Actor
    supervisor: Actor
    clerk: Actor
    auditor: Actor
    dealer_id: int

    def by_role(self, role: Role) -> Actor:
        return getattr(self, role.value)


@pytest.fixture
def people(db) -> Staff:
    """A first admin plus one user of every other role at one dealer."""
    admin = auth.create_first_admin(db, "admin", "Admin", PASSWORD)
    dealer = staff.save_dealer(
        db, admin, staff.DealerInput("BJA01", "北京东区服务中心", "华北", "北京市", "北京市")
    )
    actors = {"admin": admin}
    for role, dealer_id in (
        (Role.SUPERVISOR, dealer.id),
        (Role.CLERK, dealer.id),
        (Role.AUDITOR, None),
    ):
        staff.save_user(
            db,
            admin,
            staff.UserInput(role.value, role.value.title(), role, dealer_id),
            initial_password="Temp-pass-1",
        )
        actor = auth.sign_in(db, role.value, "Temp-pass-1")
        actors[role.value] = auth.change_password(db, actor, "Temp-pass-1", PASSWORD)
    return Staff(dealer_id=dealer.id, **actors)
