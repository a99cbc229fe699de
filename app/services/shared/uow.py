"""Unit of work: one session per user action, rolled back unless committed.

Lock order. Every use case takes row locks in this order, so two desktops never wait for
each other in a circle (a deadlock):

1. the record being decided or changed first: an approval request, a service order, a
   vehicle, an import job (``FOR NO KEY UPDATE`` on PostgreSQL, see ``FOR_CHANGE``);
2. member rows, ascending id, also ``FOR NO KEY UPDATE``: a posting's foreign-key check
   takes a KEY SHARE lock on its member, which a plain ``FOR UPDATE`` would block;
3. points accounts, ascending member id (``ledger.lock_account``);
4. the audit head, always last: ``audit.record`` queues its entry and ``commit()`` writes
   the queue just before COMMIT, so the head is held for the shortest possible time.

SQLite has one writer at a time (``BEGIN IMMEDIATE``), so it cannot deadlock, but a writer
can wait longer than the busy timeout. Whatever contention remains (deadlock, serialization
failure, "database is locked") ends the unit of work with ``Busy``; ``retry_on_contention``
runs the whole use case again a few times before the user sees "busy, try again".

A unit of work opened for an actor first re-reads the staff user: a user disabled, locked,
or given another role or dealer since signing in loses their rights at once.
"""

from __future__ import annotations

import functools
import random
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any, ParamSpec, TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app.db import write_tracking
from app.db.models import StaffUser
from app.domain.errors import AccountChanged, Busy
from app.domain.roles import Actor
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.shared import changes

# PostgreSQL SQLSTATEs: deadlock_detected, serialization_failure, lock_not_available.
CONTENTION_SQLSTATES = {"40P01", "40001", "55P03"}
SQLITE_CONTENTION = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
ATTEMPTS = 6
# ``with_for_update`` argument for rows other tables refer to: FOR NO KEY UPDATE does not
# block the KEY SHARE lock that inserting a referring row takes (PostgreSQL).
FOR_CHANGE = {"key_share": True}
FIRST_PAUSE_S = 0.05


class UnitOfWork:
    session: Session

    def __init__(
        self,
        factory: sessionmaker[Session],
        clock: Callable[[], datetime],
        actor: Actor | None = None,
    ):
        self._factory = factory
        self._clock = clock
        self._committed = False
        self.actor = actor
        self.before_commit: list[Callable[[UnitOfWork], None]] = []
        self.audit_queue: list[Any] = []  # entries ``audit.record`` queued for commit
        self.audit_head: tuple[int, str] | None = None  # the chain's head this unit wrote

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        self._committed = False
        self.before_commit, self.audit_queue, self.audit_head = [], [], None
        try:
            if self.actor is not None:
                check_actor_current(self, self.actor)
        except BaseException as exc:
            self.__exit__(type(exc), exc, exc.__traceback__)
            raise
        return self

    def __exit__(self, kind, exc, _tb) -> None:
        try:
            if not self._committed:
                self.session.rollback()
        finally:
            self.session.close()
        if exc is not None and is_contention(exc):
            raise Busy(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Other desktops were working on the same records; nothing was saved. "
                    "Please try again.",
                )
            ) from exc

    def commit(self) -> None:
        hooks, self.before_commit = self.before_commit, []
        for hook in hooks:  # the audit queue: its head lock is the last one taken
            hook(self)
        written = set(write_tracking.written_tables(self.session))
        self.session.commit()
        self._committed = True
        write_tracking.written_tables(self.session).clear()
        changes.publish(changes.areas_of(written))

    def now(self) -> datetime:
        return self._clock()


def is_contention(exc: BaseException) -> bool:
    """A deadlock, serialization failure or busy database: worth trying again."""
    if not isinstance(exc, DBAPIError):
        return False
    original = exc.orig
    if getattr(original, "sqlstate", None) in CONTENTION_SQLSTATES:
        return True
    if isinstance(original, sqlite3.OperationalError):
        code = getattr(original, "sqlite_errorcode", None)
        return code in SQLITE_CONTENTION or "locked" in str(original)
    return False


def check_actor_current(uow: UnitOfWork, actor: Actor) -> None:
    """Refuse an actor whose account changed since sign-in (read inside this transaction)."""
    user = uow.session.get(StaffUser, actor.user_id)
    locked = user is not None and user.locked_until is not None and user.locked_until > uow.now()
    if (
        user is None
        or not user.active
        or locked
        or user.role != actor.role.value
        or user.dealer_id != actor.dealer_id
        or (user.must_change_password and not actor.must_change_password)
    ):
        raise AccountChanged(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Your account was disabled, locked or changed by an administrator. Sign in again.",
            )
        )


P = ParamSpec("P")
R = TypeVar("R")


def retry_on_contention(fn: Callable[P, R]) -> Callable[P, R]:
    """Run a whole use case again when its unit of work ended ``Busy`` (bounded, with a
    random pause so the desktops that collided do not collide again)."""

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        for attempt in range(ATTEMPTS):
            try:
                return fn(*args, **kwargs)
            except Busy:
                if attempt == ATTEMPTS - 1:
                    raise
                time.sleep(random.uniform(0.5, 1.0) * FIRST_PAUSE_S * 2**attempt)
        raise AssertionError("unreachable")

    return run
