"""The result workbook of an import: the user's rows given back with a status and a reason.

Its first sheet repeats the file's rows as read, 行号/Row first and 状态/Status, 原因/Reason
last, error rows in red, so the user can fix the errors in it and import it again.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Sequence

from app.adapters.workbooks.rows import ParsedRow
from app.adapters.workbooks.writer import ERROR_STYLE, HEADER_STYLE, PLAIN_STYLE, XlsxBook

RESULT_SHEET = "结果 Results"
ROW_HEADER, STATUS_HEADER, REASON_HEADER = "行号 / Row", "状态 / Status", "原因 / Reason"
STATUS_ERROR = "error"  # rows with this status are highlighted in the result workbook
STATUS_NOT_PROCESSED = "not_processed"  # a valid row the service reported no outcome for


def result_width(headers: Sequence[str], rows: Sequence[ParsedRow]) -> int:
    """How many of the file's columns the result sheet repeats: the widest row or header."""
    return max([len(headers), *(len(r.raw) for r in rows)])


class ResultBook:
    """The result workbook being written; ``counts`` tells how many rows got each status."""

    def __init__(
        self,
        headers: Sequence[str],
        column_widths: Sequence[float],
        row_reason: Callable[[ParsedRow], str],
    ):
        self.book = XlsxBook()
        self.width = len(column_widths)
        self.row_reason = row_reason  # a row's parse errors as one line
        self.counts: Counter[str] = Counter()
        self.sheet = self.book.add_sheet(RESULT_SHEET, [8, *column_widths, 14, 60], freeze="B2")
        self.sheet.autofilter = True
        header = [ROW_HEADER, *_padded(headers, self.width), STATUS_HEADER, REASON_HEADER]
        self.sheet.append(header, HEADER_STYLE)

    def add(self, row: ParsedRow, status: str, reason: str) -> None:
        """A row with the service's status and reason; a row with parse errors is an error
        with those errors whatever the service said."""
        if row.errors:
            status, reason = STATUS_ERROR, self.row_reason(row)
        self.counts[status] += 1
        style = ERROR_STYLE if status == STATUS_ERROR else PLAIN_STYLE
        self.sheet.append([row.row_number, *_padded(row.raw, self.width), status, reason], style)

    def save(self, path: str | os.PathLike[str]) -> None:
        self.book.save(path)


def _padded(values: Sequence[object], width: int) -> list[object]:
    return [*values[:width], *([None] * (width - len(values)))]
