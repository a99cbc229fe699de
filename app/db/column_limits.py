"""A last check before any row is written: texts fit their columns and hold no NUL.

The services check every input with a message that names the field; this net catches what
a service missed, so both databases refuse the same rows (PostgreSQL would raise a raw
driver error, SQLite would store an over-long text silently).
"""

from __future__ import annotations

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import ValidationError
from app.domain.text import QT_TRANSLATE_NOOP


def _problem(column, value: object) -> str | None:
    if not isinstance(value, str):
        return None
    if "\x00" in value:
        return "nul"
    length = getattr(column.type, "length", None)
    if isinstance(column.type, String) and length is not None and len(value) > length:
        return "length"
    return None


def check_row(instance: object) -> None:
    """Refuse ``instance`` if a text attribute would not be stored exactly as given."""
    mapper = inspect(instance).mapper
    for attribute in mapper.column_attrs:
        column = attribute.columns[0]
        value = getattr(instance, attribute.key, None)
        problem = _problem(column, value)
        if problem == "nul":
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The text contains control characters; retype it."),
                field=attribute.key,
            )
        if problem == "length":
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Too long: at most {max} characters."),
                field=attribute.key,
                max=column.type.length,
            )


def install(factory: sessionmaker[Session]) -> None:
    @event.listens_for(factory, "before_flush")
    def check_pending(session: Session, _context, _instances) -> None:
        for instance in (*session.new, *session.dirty):
            check_row(instance)
