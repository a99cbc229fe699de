"""The rows of a worksheet streamed from its XML, with the values openpyxl would give.

ElementTree instead of openpyxl's read-only mode: openpyxl builds objects for every cell,
which took half the time of a 100,000-row import.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import datetime
from functools import lru_cache
from typing import IO
from xml.etree import ElementTree as ET

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._reader import WorkSheetParser

from app.adapters.workbooks.container import SheetInfo

_SML = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"  # the only one openpyxl reads
_ROW, _SHEET_DATA, _SI = _SML + "row", _SML + "sheetData", _SML + "si"
_V, _F, _IS, _T, _RUN = _SML + "v", _SML + "f", _SML + "is", _SML + "t", _SML + "r"
# Built-in number formats Excel fills in by locale, all dates or times in Chinese (31 is
# yyyy"年"m"月"d"日"); openpyxl does not know them and would read these cells as numbers.
_LOCALE_DATE_FORMATS = frozenset((*range(27, 37), *range(50, 59)))


class SheetUnreadable(Exception):
    """A part of the workbook turned out damaged while it was streamed."""


def sheet_rows(f: IO[bytes], info: SheetInfo) -> Iterator[tuple[int, list[object]]]:
    """(Excel row number, values) of the data sheet; its failures become SheetUnreadable."""
    try:
        with zipfile.ZipFile(f) as zf:
            yield from SheetReader(zf, info)
    except Exception as exc:  # a damaged part shows up only while streaming it
        raise SheetUnreadable() from exc


class SheetReader:
    """The rows of one worksheet as openpyxl's read-only ``iter_rows(values_only=True)``
    gives them, as (Excel row number, values): shared and inline strings, numbers, booleans,
    error texts, formulas as "=..." text, dates by cell style, None in gaps."""

    def __init__(self, zf: zipfile.ZipFile, info: SheetInfo):
        self.zf, self.info = zf, info
        self.columns: dict[str, int] = {}  # column letters → index, per distinct letters

    def __iter__(self) -> Iterator[tuple[int, list[object]]]:
        # Loaded here rather than in __init__ so that sheet_rows sees their failures too.
        self.strings = _shared_strings(self.zf, self.info.strings)
        self.dates, self.durations = _date_styles(self.zf, self.info.styles)
        # openpyxl's own code: it turns a shared formula into each cell's text ("=A2+1").
        self.formula = WorkSheetParser(None, []).parse_formula
        number = last = 0
        with self.zf.open(self.info.part) as src:
            for row in _complete_rows(src):
                r = row.get("r")
                number = _row_number(r) if r else number + 1
                if number > last:  # like openpyxl: a row out of order is skipped
                    last = number
                    yield number, self._values(row)

    def _values(self, row: ET.Element) -> list[object]:
        values: list[object] = []
        column = 0
        for cell in row:
            ref = cell.get("r")
            column = self._column(ref) if ref else column + 1  # no r: the next column
            value = self._value(cell)
            if column == len(values) + 1:
                values.append(value)
            elif column > len(values):
                values += [None] * (column - len(values) - 1) + [value]
            else:
                values[column - 1] = value
        del values[column:]  # openpyxl ends a row at the column of its last cell
        return values

    def _column(self, ref: str) -> int:
        letters = ref.rstrip("0123456789")
        column = self.columns.get(letters)
        if column is None:
            column = self.columns[letters] = coordinate_to_tuple(ref)[1]
        return column

    def _value(self, cell: ET.Element) -> object:
        """openpyxl's WorkSheetParser.parse_cell with data_only=False, values only."""
        kind = cell.get("t", "n")
        if cell.find(_F) is not None:
            return self.formula(cell)
        if kind == "inlineStr":
            node = cell.find(_IS)
            return None if node is None else _text(node)
        value = cell.findtext(_V) or None
        if value is None:
            return None
        if kind == "n":
            number = float(value) if "." in value or "E" in value or "e" in value else int(value)
            style = int(cell.get("s") or 0)  # no s: style 0, which may be a date too
            if style in self.dates:
                return _serial_date(number, self.info.epoch, style in self.durations)
            return number
        if kind == "s":
            return self.strings[int(value)]
        if kind == "b":
            return bool(int(value))
        if kind == "d":
            return from_ISO8601(value)
        return value  # "e": the error text, "str": a formula's cached text


def _complete_rows(src: IO[bytes]) -> Iterator[ET.Element]:
    """Each <row> element once it is fully parsed; rows already seen are dropped from the tree
    so memory stays flat. Only "start" events: they hand over <sheetData> for the clearing,
    and a row is complete when the next one starts (or the sheet ends)."""
    pending = sheet_data = None
    for _event, element in ET.iterparse(src, events=("start",)):
        if element.tag == _ROW:
            if pending is not None:
                yield pending
            if sheet_data is not None:
                sheet_data.clear()
            pending = element
        elif element.tag == _SHEET_DATA:
            sheet_data = element
    if pending is not None:
        yield pending


def _row_number(text: str) -> int:
    """A row's r attribute; openpyxl also accepts a whole float such as "2.0"."""
    number = float(text)
    if not number.is_integer():
        raise ValueError(f"{text} is not a row number")
    return int(number)


def _text(node: ET.Element) -> str:
    """The text of an <si> or <is>: its <t>, then the <t> of each rich-text run <r>."""
    text = node.findtext(_T) or ""
    runs = node.findall(_RUN)
    return text + "".join(run.findtext(_T) or "" for run in runs) if runs else text


def _shared_strings(zf: zipfile.ZipFile, part: str | None) -> list[str]:
    strings: list[str] = []
    if part is None:
        return strings
    with zf.open(part) as src:
        for _event, element in ET.iterparse(src):
            if element.tag == _SI:
                # As openpyxl: "_x005F_" becomes "_", other "_xHHHH_" escapes stay as written.
                strings.append(_text(element).replace("x005F_", ""))
                element.clear()
    return strings


def _date_styles(zf: zipfile.ZipFile, part: str | None) -> tuple[set[int], set[int]]:
    """Cell styles (indexes into cellXfs) whose number format shows a date or time, and those
    of them showing a duration ([h]:mm), from the styles part as openpyxl reads it."""
    dates: set[int] = set()
    durations: set[int] = set()
    if part is None:
        return dates, durations
    styles = ET.fromstring(zf.read(part))
    numfmts = styles.iterfind(f"{_SML}numFmts/{_SML}numFmt")
    custom = {int(f.get("numFmtId", "")): f.get("formatCode") for f in numfmts}
    for index, xf in enumerate(styles.iterfind(f"{_SML}cellXfs/{_SML}xf")):
        fmt = int(xf.get("numFmtId", 0))
        code = custom.get(fmt, BUILTIN_FORMATS.get(fmt))
        if is_date_format(code) or fmt in _LOCALE_DATE_FORMATS and fmt not in custom:
            dates.add(index)
        if is_timedelta_format(code):
            durations.add(index)
    return dates, durations


@lru_cache(maxsize=1 << 14)  # dates repeat down a column; shared objects also save memory
def _serial_date(serial: float, epoch: datetime, duration: bool) -> object:
    try:
        return from_excel(serial, epoch, timedelta=duration)
    except (OverflowError, ValueError):
        return "#VALUE!"  # as openpyxl: a date style on a number no date can have
