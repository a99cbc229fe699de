"""Unit of work: one session per user action, rolled back unless committed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker


class UnitOfWork:
    session: Session

    def __init__(self, factory: sessionmaker[Session], clock: Callable[[], datetime]):
        self._factory = factory
        self._clock = clock
        self._committed = False

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        self._committed = False
        return self

    def __exit__(self, *exc_info) -> None:
        try:
            if not self._committed:
                self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        self.session.commit()
        self._committed = True

    def now(self) -> datetime:
        return self._clock()
