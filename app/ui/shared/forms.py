"""Form helpers every area's dialogs share: dates typed as digits, yuan amounts, lists."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QWidget,
)

from app.domain import validation as v
from app.ui.shared.i18n import DISPLAY_DATE


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def split_list(text: str) -> tuple[str, ...]:
    """ "a, b，c、d" → ("a", "b", "c", "d"): staff type ASCII or Chinese commas alike."""
    return tuple(part.strip() for part in re.split(r"[,，、;；]", text) if part.strip())


def yuan_to_fen(text: str) -> int | None:
    """ "158,000.5" → 15800050 exactly (no float); None when empty; ValueError if malformed."""
    cleaned = re.sub(r"[,\s¥]", "", v.normalize_text(text))
    if not cleaned:
        return None
    if not re.fullmatch(r"[0-9]+(\.[0-9]{1,2})?", cleaned):
        raise ValueError(text)
    yuan, _, cents = cleaned.partition(".")
    return int(yuan) * 100 + int(cents.ljust(2, "0"))


XLSX = "Excel (*.xlsx)"  # the file dialogs' filter for workbooks
DATE_FORMAT = DISPLAY_DATE  # typed digits only: 19850612


class OptionalDateEdit(QDateEdit):
    """A date that may stay empty: the minimum date means "none" and shows the special text.

    Typing a digit on the empty value starts a date (the year first, then month and day
    follow by themselves); opening the calendar starts at ``start``; Delete empties it.
    """

    NONE = QDate(1800, 1, 1)

    def __init__(self, none_text: str, start: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.start = to_qdate(start)
        self.setDisplayFormat(DATE_FORMAT)
        self.setMinimumDate(self.NONE)
        self.setSpecialValueText(none_text)
        self.setCalendarPopup(True)
        self.setDate(self.NONE)

    def value(self) -> date | None:
        return None if self.date() == self.NONE else to_date(self.date())

    def set_value(self, value: date | None) -> None:
        self.setDate(self.NONE if value is None else to_qdate(value))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        typed = event.text()
        opens_calendar = event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if event.key() == Qt.Key.Key_Delete:
            self.set_value(None)
            return
        if self.value() is None and (typed.isdigit() or opens_calendar):
            self.setDate(self.start)
            self.setSelectedSection(QDateEdit.Section.YearSection)
        elif typed in ("-", "/", ".") and self._after_separator():
            return  # the previous section was complete and moved on by itself
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.value() is None:  # the calendar should not open in the year 1800
            self.setDate(self.start)
        super().mousePressEvent(event)

    def _after_separator(self) -> bool:
        position = self.lineEdit().cursorPosition()
        return position > 0 and not self.text()[position - 1].isdigit()
