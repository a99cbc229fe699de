"""Checks every service applies to what a user or caller hands it, before any database work.

Nothing is truncated, rounded or coerced silently: a value is accepted as it is (after
whitespace and full-width normalisation) or refused with a message naming the limit, the
same on SQLite and PostgreSQL. (PostgreSQL refuses NUL characters and over-long texts with
raw driver errors, while SQLite would store them.)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
from datetime import date

from app.domain.errors import ValidationError
from app.domain.text import QT_TRANSLATE_NOOP
from app.domain.validation import normalize_text, starts_like_formula

# Caller-supplied request ids (one per dialog or import row, so a retry posts once).
# Prefixes and suffixes such as "hold:" or ":qualifying" are added to them, so they stay
# well inside the 64 characters the database keeps; ":" is reserved for those.
MAX_REQUEST_UID = 48
_REQUEST_UID_RE = re.compile(r"[A-Za-z0-9._-]{1,48}")
MAX_STORED_UID = 64
MAX_SEARCH_TEXT = 100
MAX_NOTE = 500  # a note, reason or remark
MAX_FEN = 100_000_000_00  # 100 million yuan: above any one document
MAX_POINTS = 10_000_000  # points in one posting
# Dates before this are typing errors (the programme and its members' data are younger).
EARLIEST_DATE = date(1990, 1, 1)


def _has_control_characters(text: str, allow_newlines: bool) -> bool:
    allowed = "\n\t" if allow_newlines else ""
    return any(unicodedata.category(c) == "Cc" and c not in allowed for c in text)


def clean_text(
    value: object,
    field: str,
    max_length: int,
    *,
    required: bool = False,
    multiline: bool = False,
    no_formula: bool = False,
) -> str:
    """The text normalised (NFKC, trimmed, single spaces; line breaks kept if ``multiline``),
    refused if it holds control characters (NUL, escape…) or is longer than ``max_length``.

    ``no_formula``: also refused when it starts with =, +, - or @, which spreadsheets take
    for a formula; for names and addresses (dealer and staff names), not for notes and
    reasons ("- 客户要求"). The whole rule: ``app.domain.validation.starts_like_formula``."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Enter text."), field=field)
    if _has_control_characters(value.replace("\r\n", "\n"), multiline):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The text contains control characters; retype it."),
            field=field,
        )
    if multiline:
        lines = (normalize_text(line) for line in value.replace("\r\n", "\n").split("\n"))
        text = "\n".join(lines).strip("\n")
    else:
        text = normalize_text(value)
    if required and not text:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This field is required."), field=field)
    if len(text) > max_length:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Too long: at most {max} characters."),
            field=field,
            max=max_length,
        )
    if no_formula and starts_like_formula(text):
        raise ValidationError(FORMULA_TEXT, field=field, field_name=field.replace("_", " "))
    return text


FORMULA_TEXT = QT_TRANSLATE_NOOP(
    "Errors",
    "{field_name}: the text must not start with =, +, - or @ (spreadsheets would run it "
    "as a formula).",
)


def check_int(value: object, field: str, low: int, high: int) -> int:
    """A whole number within ``low..high``; booleans and floats are refused, not coerced."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter a whole number from {low} to {high}."),
            field=field,
            low=low,
            high=high,
        )
    return value


def check_date(value: object, field: str, low: date, high: date) -> date:
    """A calendar date within ``low..high`` (a datetime is not a date here)."""
    if not isinstance(value, date) or hasattr(value, "hour") or not low <= value <= high:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter a date from {low} to {high}."),
            field=field,
            low=low.isoformat() if isinstance(low, date) else low,
            high=high.isoformat() if isinstance(high, date) else high,
        )
    return value


def new_request_uid() -> str:
    """A fresh request id; screens make one per dialog, so a double click files once."""
    return uuid.uuid4().hex


def check_request_uid(value: object, field: str = "request_uid") -> str:
    """A caller's request id: 1 to 48 ASCII letters, digits, '.', '_' or '-'."""
    if not isinstance(value, str) or not _REQUEST_UID_RE.fullmatch(value):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A request id has 1 to {max} letters, digits, dots, dashes or underscores.",
            ),
            field=field,
            max=MAX_REQUEST_UID,
        )
    return value


def derived_uid(*parts: object) -> str:
    """An id built from a request id and what it is for ("hold", "points"…), joined by ':'.

    Never cut short, so two different requests never share an id. Request ids checked by
    ``check_request_uid`` always fit; a longer one (a hold placed before ids were checked)
    becomes a SHA-256 digest of the whole id, which is just as unique.
    """
    uid = ":".join(str(part) for part in parts)
    if len(uid) <= MAX_STORED_UID:
        return uid
    return "sha256:" + hashlib.sha256(uid.encode()).hexdigest()[: MAX_STORED_UID - 7]
