"""Which tables a session wrote: rows flushed by the ORM and INSERT/UPDATE/DELETE statements
run through it. The unit of work reads ``written_tables`` when it commits."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

KEY = "written_tables"


def written_tables(session: Session) -> set[str]:
    return session.info.setdefault(KEY, set())


def install(factory: sessionmaker[Session]) -> None:
    @event.listens_for(factory, "after_flush")
    def rows_flushed(session: Session, _context) -> None:
        tables = written_tables(session)
        for instance in (*session.new, *session.dirty, *session.deleted):
            tables.add(instance.__table__.name)

    @event.listens_for(factory, "do_orm_execute")
    def statement_run(state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            table = getattr(state.statement, "table", None)
            if table is not None:
                written_tables(state.session).add(table.name)
