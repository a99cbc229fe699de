"""A workbook's data rows read against its columns: one ParsedRow per row, never raising.

:class:`RowReader` finds the header among the first lines (title lines above it are fine),
maps its cells to column keys (unknown ones are ignored, a repeated one or a missing required
one is a file error), skips blank and example rows, stops past the row limit and reports
progress. A workbook subclasses it with its columns, converters and rules across columns.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from openpyxl.utils import get_column_letter

from app.adapters.workbooks.cells import CellContext, CellError, Converter, as_text, clean_cell
from app.adapters.workbooks.columns import ColumnSet
from app.adapters.workbooks.container import WorkbookRejected, inspect_workbook
from app.adapters.workbooks.messages import FILE_ERRORS, ROW_ERRORS, Message
from app.adapters.workbooks.sheet_reader import SheetUnreadable, sheet_rows
from app.domain.validation import normalize_text

HEADER_SEARCH_ROWS = 10  # title lines above the header row are tolerated
EXAMPLE_MARKERS = ("示例", "example")

# (data rows read, data rows the sheet promises or 0 when unknown: show a count, no percentage)
ProgressCallback = Callable[[int, int], None]
RowErrors = list[tuple[str, str]]  # (column key, English message)


@dataclass(slots=True)
class ParsedRow:
    row_number: int  # as shown in Excel
    values: dict[str, object]  # every column key → normalised value or None
    errors: RowErrors
    raw: list[object]  # the cells as read, trailing blanks removed

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ParsedFile:
    rows: list[ParsedRow] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)  # unknown headers, as written
    headers: list[str] = field(default_factory=list)  # the header row, as written
    header_row: int = 0
    example_rows: list[int] = field(default_factory=list)
    sheet_name: str = ""

    @property
    def error_rows(self) -> int:
        return sum(1 for r in self.rows if r.errors)


class FirstRows:
    """The row each value was first seen in, so that later rows can name it as a duplicate."""

    def __init__(self) -> None:
        self._rows: dict[object, int] = {}

    def earlier(self, value: object, number: int) -> int | None:
        """The earlier row with ``value``, or None when row ``number`` is the first."""
        first = self._rows.setdefault(value, number)
        return None if first == number else first


class RowReader:
    """Turns the stream of sheet rows into ``parsed``: header, then one ParsedRow per row.

    Subclasses set the class attributes and may add rules in :meth:`check_header` and
    :meth:`check_row`.
    """

    columns: ClassVar[ColumnSet[Any]]
    converters: ClassVar[Mapping[str, Converter]]  # column key → converter of a cell
    preferred_sheets: ClassVar[tuple[str, ...]] = ()  # the data sheet's names (else the first)
    example_column: ClassVar[str | None] = None  # besides the first cell, may mark an example

    def __init__(
        self, parsed: ParsedFile, today: date, max_rows: int, progress: ProgressCallback | None
    ):
        self.parsed, self.max_rows, self.progress = parsed, max_rows, progress
        self.ctx = CellContext(today)
        self.positions: list[tuple[str, int]] | None = None  # (column key, cell index)
        self.example_index: int | None = None
        self.count = 0
        self.last_row = 0  # the sheet's last row by its <dimension>, 0 if unknown
        self.strings: dict[str, str] = {}  # one object per repeated short text ("是", "北京市")

    def read(self, path: str | os.PathLike[str]) -> None:
        """Read the workbook at ``path``, streaming; its problems become file errors."""
        parsed, path = self.parsed, Path(path)
        try:
            info = inspect_workbook(
                path,
                self.max_rows,
                title_rows=HEADER_SEARCH_ROWS,
                preferred_sheets=self.preferred_sheets,
            )
            parsed.sheet_name = info.name
            self.ctx = CellContext(self.ctx.today, info.epoch)
            self.last_row = info.last_row
            with path.open("rb") as f:
                self.feed(sheet_rows(f, info))
        except WorkbookRejected as exc:
            parsed.file_errors.append(exc.message)
        except SheetUnreadable:
            parsed.file_errors.append(Message(FILE_ERRORS["corrupt"]))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            parsed.file_errors.append(Message(FILE_ERRORS["unreadable"], reason=reason))

    def feed(self, rows: Iterable[tuple[int, Sequence[object]]]) -> None:
        for number, row in rows:  # rows without cells may be missing: go by number
            if self.positions is None:
                if number > HEADER_SEARCH_ROWS:
                    break  # no header among the first rows
                self._take_header(number, row)
                if self.parsed.file_errors:
                    return
            elif not self._take_row(number, row):
                return
        if self.positions is None:
            self.parsed.file_errors.append(Message(FILE_ERRORS["no_header"]))
        elif self.count == 0:
            self.parsed.file_errors.append(Message(FILE_ERRORS["no_rows"]))

    # --- The header ------------------------------------------------------------------------

    def _take_header(self, number: int, row: Sequence[object]) -> bool:
        keys = [self.columns.key_for_header(v) for v in row]
        if not any(keys):
            return False  # a title line above the header, or blank
        self.parsed.header_row = number
        self.parsed.headers = [as_text(v) if v is not None else "" for v in _trimmed(row)]
        self.positions = []
        first_index: dict[str, int] = {}
        for index, key in enumerate(keys):
            if key is None:
                if row[index] is not None and str(row[index]).strip():
                    self.parsed.ignored_columns.append(as_text(row[index]))
            elif key in first_index:
                self._duplicate_column(key, first_index[key], index)
            else:
                first_index[key] = index
                self.positions.append((key, index))
        missing = [c for c in self.columns.columns if c.required and c.key not in first_index]
        if missing:
            names = ", ".join(c.label for c in missing)
            self.parsed.file_errors.append(Message(FILE_ERRORS["missing_columns"], columns=names))
        self.check_header(first_index)
        if self.example_column is not None:
            self.example_index = first_index.get(self.example_column)
        return True

    def _duplicate_column(self, key: str, first: int, second: int) -> None:
        self.parsed.file_errors.append(
            Message(
                FILE_ERRORS["duplicate_column"],
                column=self.columns.by_key[key].label,
                first=get_column_letter(first + 1),
                second=get_column_letter(second + 1),
            )
        )

    def check_header(self, found: Mapping[str, int]) -> None:
        """File errors of a workbook's own about its header (``found``: key → cell index)."""

    # --- The rows --------------------------------------------------------------------------

    def _take_row(self, number: int, row: Sequence[object]) -> bool:
        """False when reading must stop."""
        if _is_blank(row):
            return True
        if self._is_example(row):
            self.parsed.example_rows.append(number)
            return True
        if self.count >= self.max_rows:
            self.parsed.file_errors.append(
                Message(FILE_ERRORS["too_many_rows"], max_rows=self.max_rows)
            )
            return False
        self.count += 1
        self.parsed.rows.append(self._parse(number, row))
        if self.progress and self.count % 1000 == 0:
            self.progress(self.count, self.rows_estimate())
        return True

    def rows_estimate(self) -> int:
        """The data rows the sheet's <dimension> promises (the rows below the header), 0
        when unknown: no dimension, a bare "A1" (some programs write only that), or fewer
        rows than already read (a stale dimension). Blank and example rows count too, so
        the total is an upper bound and progress may end short of 100%."""
        header = self.parsed.header_row or 0
        estimate = self.last_row - header if header and self.last_row > header else 0
        return estimate if estimate >= self.count else 0

    def _is_example(self, row: Sequence[object]) -> bool:
        for index in (0, self.example_index):
            cell = row[index] if index is not None and index < len(row) else None
            if isinstance(cell, str) and normalize_text(cell).casefold().startswith(
                EXAMPLE_MARKERS
            ):
                return True
        return False

    def _share(self, row: Sequence[object]) -> list[object]:
        """The row's cells, short strings replaced by one shared object each: rows are kept
        in memory and staff data repeats (the XML parser makes a new string per cell)."""
        strings, out = self.strings, _trimmed(row)
        for i, v in enumerate(out):
            if type(v) is str and len(v) <= 10 and len(strings) < 100_000:
                out[i] = strings.setdefault(v, v)
        return out

    def _parse(self, number: int, row: Sequence[object]) -> ParsedRow:
        cells = self._share(row)
        values: dict[str, object] = dict.fromkeys(self.columns.by_key)
        errors: RowErrors = []
        assert self.positions is not None
        for key, index in self.positions:
            try:
                cleaned = clean_cell(cells[index] if index < len(cells) else None)
                if cleaned is not None:
                    values[key] = self.converters[key](cleaned, self.ctx)
            except CellError as exc:
                errors.append((key, exc.message))
        self.check_row(number, values, errors)
        errors.sort(key=lambda error: self.columns.order[error[0]])  # read left to right
        return ParsedRow(number, values, errors, cells)

    def check_row(self, number: int, values: dict[str, object], errors: RowErrors) -> None:
        """A workbook's rules across columns: more errors, defaults filled in."""
        self.require_filled(values, errors)

    def require_filled(
        self, values: Mapping[str, object], errors: RowErrors, skip: Iterable[str] = ()
    ) -> None:
        """The "required" error for each empty required column whose cell has no error yet,
        except the ``skip`` ones (a workbook's own message says more)."""
        bad = {key for key, _ in errors} | set(skip)
        for col in self.columns.columns:
            if col.required and values[col.key] is None and col.key not in bad:
                errors.append((col.key, Message(ROW_ERRORS["required"])))


def _is_blank(row: Sequence[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


def _trimmed(row: Sequence[object]) -> list[object]:
    end = len(row)
    while end and (row[end - 1] is None or row[end - 1] == ""):
        end -= 1
    return list(row[:end])
