"""A small streaming .xlsx writer: inline strings, a fixed set of styles, one part per sheet.

Used instead of openpyxl's write-only mode: without lxml, openpyxl's XML serialiser needed
75 s for 100,000 rows of 22 cells on the development machine, this writer 5 s. Every file is
written next to its target and then moved over it (see :func:`save_workbook_atomically`).
"""

from __future__ import annotations

import math
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache, partial
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.formula import ArrayFormula

from app.adapters.files import save_atomically
from app.adapters.workbooks.cells import as_text
from app.domain.errors import LoyaltyError
from app.domain.text import QT_TRANSLATE_NOOP
from app.domain.validation import starts_like_formula

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# Style ids in _STYLES_XML's cellXfs; adding ERROR_STYLE to the first four adds the red fill.
PLAIN_STYLE, DATE_STYLE, DATETIME_STYLE, MONEY_STYLE, HEADER_STYLE, ERROR_STYLE = 0, 1, 2, 3, 4, 5
TEXT_STYLE = 9  # the Text number format ("@"): codes and member numbers stay text when edited
# Styles 10 to 19 are 0 to 9 with quotePrefix: text starting like a formula (see _text_tail).
QUOTED = 10
_XFS = (
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="0" fontId="1" fillId="3" borderId="0" xfId="0" applyFont="1" applyFill="1"/>',
    '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>',
    '<xf numFmtId="164" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" '
    'applyFill="1"/>',
    '<xf numFmtId="165" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" '
    'applyFill="1"/>',
    '<xf numFmtId="4" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" '
    'applyFill="1"/>',
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
)
_QUOTED_XFS = "".join(xf.replace("/>", ' quotePrefix="1"/>') for xf in _XFS)
_STYLES_XML = (
    _XML_DECL + f'<styleSheet xmlns="{_NS_MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="4"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/></patternFill></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/></patternFill></fill>'
    "</fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="20">' + "".join(_XFS) + _QUOTED_XFS + "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


class ExcelWriteError(LoyaltyError):
    """A workbook could not be written (typically: the file is open in Excel)."""


_WRITE_FAILED = QT_TRANSLATE_NOOP(
    "Errors", "Cannot write {path} ({reason}); if it is open in Excel, close it and try again."
)


def save_workbook_atomically(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """``write`` the file next to ``path``, then replace it; raises ExcelWriteError."""
    save_atomically(path, write, ExcelWriteError, _WRITE_FAILED)


# --- Cells -------------------------------------------------------------------------------------

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_EXCEL_ESCAPE = re.compile("_(x[0-9A-Fa-f]{4}_)")  # Excel would decode "_x0041_" as "A"
_MAX_CELL_TEXT = 32_767
_NEEDS_CLEANING = re.compile("[&<>_\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_STYLE_ATTR = ("", *(f' s="{i}"' for i in range(1, 2 * QUOTED)))
_EXCEL_DAY_ZERO = date(1899, 12, 30)  # serial 0 in the 1900 date system, from 1900-03-01 on


@lru_cache(maxsize=1 << 16)
def _text_tail(text: str, style: int) -> str:
    """A text cell after its r="..."; cached because columns repeat their values.

    Always an inline string, never a formula. Text starting like a formula (= + - @, the
    rule of ``app.domain.validation.starts_like_formula``: a note "- 客户要求", or a value
    stored before the import refused them) also gets its style's quotePrefix twin, as
    Excel marks what is typed after a ': the value stays as it is (an export imports
    again), and editing the cell in Excel keeps it text instead of running it."""
    if style < QUOTED and text and not text[0].isalnum() and starts_like_formula(text):
        style += QUOTED
    if len(text) > _MAX_CELL_TEXT or _NEEDS_CLEANING.search(text):
        text = _EXCEL_ESCAPE.sub(r"_x005F_\1", _ILLEGAL_XML.sub("", text))[:_MAX_CELL_TEXT]
        text = escape(text)
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f' t="inlineStr"{_STYLE_ATTR[style]}><is><t{space}>{text}</t></is></c>'


def _cell_xml(ref: str, value: object, style: int) -> str:
    """One cell; strings are always inline text, so "=..." never becomes a formula."""
    kind = type(value)
    if kind is str:  # the common cases first, by exact type
        return f'<c r="{ref}"{_text_tail(value, style)}' if value else _empty_cell(ref, style)
    if kind is int or kind is float and math.isfinite(value):  # type: ignore[arg-type]
        return f'<c r="{ref}"{_STYLE_ATTR[style]}><v>{value}</v></c>'
    if value is None:
        return _empty_cell(ref, style)
    return _other_cell(ref, value, style)


def _empty_cell(ref: str, style: int) -> str:
    return f'<c r="{ref}"{_STYLE_ATTR[style]}/>' if style else ""  # styled: keeps the fill


def _other_cell(ref: str, value: object, style: int) -> str:
    error = ERROR_STYLE if style >= ERROR_STYLE else 0
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"{_STYLE_ATTR[style]}><v>{int(value)}</v></c>'
    if isinstance(value, int | float | Decimal) and math.isfinite(value):
        return f'<c r="{ref}"{_STYLE_ATTR[style]}><v>{value}</v></c>'
    if isinstance(value, datetime):
        plain = value.replace(tzinfo=None)
        fmt = DATE_STYLE if plain.time() == time() else DATETIME_STYLE
        return f'<c r="{ref}" s="{fmt + error}"><v>{to_excel(plain)}</v></c>'
    if isinstance(value, date):
        serial = (value - _EXCEL_DAY_ZERO).days if value.year > 1900 else to_excel(value)
        return f'<c r="{ref}" s="{DATE_STYLE + error}"><v>{serial}</v></c>'
    if isinstance(value, ArrayFormula):
        value = value.text
    text = as_text(value) if value is not None else ""
    return f'<c r="{ref}"{_text_tail(text, style)}' if text else _empty_cell(ref, style)


# --- Sheets ------------------------------------------------------------------------------------


class SheetWriter:
    """Rows go to a temporary file first so the sheet can start with its <dimension>."""

    def __init__(self, title: str, widths: Sequence[float], freeze: str | None):
        self.title, self.widths, self.freeze = title, list(widths), freeze
        self.autofilter = False
        self.rows = 0
        self.columns = 0
        self._body = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self._pending: list[str] = []
        self._letters: list[str] = []

    def append(self, values: Sequence[object], styles: Sequence[int] | int = 0) -> None:
        """One row; ``styles``: one style id for the row, or one per cell."""
        self.rows += 1
        r = self.rows
        while len(self._letters) < len(values):
            self._letters.append(get_column_letter(len(self._letters) + 1))
        self.columns = max(self.columns, len(values))
        letters, rs = self._letters, str(r)
        if isinstance(styles, int):
            cells = [_cell_xml(letters[j] + rs, v, styles) for j, v in enumerate(values)]
        else:
            cells = [
                _cell_xml(letters[j] + rs, v, st)
                for j, (v, st) in enumerate(zip(values, styles, strict=True))
            ]
        self._pending.append(f'<row r="{r}">{"".join(cells)}</row>')
        if len(self._pending) >= 1000:
            self._flush()

    def _flush(self) -> None:
        self._body.write("".join(self._pending).encode("utf-8"))
        self._pending.clear()

    @property
    def body_size(self) -> int:
        self._flush()
        return self._body.tell()

    @property
    def ref(self) -> str:
        return f"A1:{get_column_letter(max(self.columns, 1))}{max(self.rows, 1)}"

    def _head(self) -> str:
        pane = _pane_xml(self.freeze) if self.freeze else ""
        cols = "".join(
            f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
            for i, w in enumerate(self.widths, start=1)
        )
        return (
            f'{_XML_DECL}<worksheet xmlns="{_NS_MAIN}" xmlns:r="{_NS_REL}">'
            f'<dimension ref="{self.ref}"/>'
            f'<sheetViews><sheetView workbookViewId="0">{pane}</sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/>'
            + (f"<cols>{cols}</cols>" if cols else "")
            + "<sheetData>"
        )

    def _tail(self) -> str:
        autofilter = f'<autoFilter ref="{self.ref}"/>' if self.autofilter and self.rows else ""
        return f"</sheetData>{autofilter}</worksheet>"

    def copy_to(self, out: IO[bytes]) -> None:
        self._flush()
        out.write(self._head().encode("utf-8"))
        self._body.seek(0)
        shutil.copyfileobj(self._body, out, 1 << 20)
        out.write(self._tail().encode("utf-8"))

    def close(self) -> None:
        self._body.close()


def _pane_xml(freeze: str) -> str:
    """Frozen rows above and columns left of ``freeze`` ("B2": one of each)."""
    letters, row = coordinate_from_string(freeze)
    x, y = column_index_from_string(letters) - 1, row - 1
    if not x and not y:
        return ""
    active = "bottomRight" if x and y else ("bottomLeft" if y else "topRight")
    split = (f' xSplit="{x}"' if x else "") + (f' ySplit="{y}"' if y else "")
    return (
        f'<pane{split} topLeftCell="{freeze}" activePane="{active}" state="frozen"/>'
        f'<selection pane="{active}"/>'
    )


# --- The workbook ------------------------------------------------------------------------------


class XlsxBook:
    """Minimal workbook: inline strings, the styles above, one part per sheet."""

    def __init__(self) -> None:
        self.sheets: list[SheetWriter] = []

    def add_sheet(
        self, title: str, widths: Sequence[float] = (), freeze: str | None = "A2"
    ) -> SheetWriter:
        sheet = SheetWriter(title, widths, freeze)
        self.sheets.append(sheet)
        return sheet

    def save(self, path: str | os.PathLike[str]) -> None:
        try:
            save_workbook_atomically(Path(path), self._write)
        finally:
            for sheet in self.sheets:
                sheet.close()

    def _write(self, f: IO[bytes]) -> None:
        # Level 1: the sheet XML is repetitive, level 6 saves little and costs twice the time.
        with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            zf.writestr("[Content_Types].xml", self._content_types())
            zf.writestr("_rels/.rels", _ROOT_RELS)
            zf.writestr("xl/workbook.xml", self._workbook())
            zf.writestr("xl/_rels/workbook.xml.rels", self._workbook_rels())
            zf.writestr("xl/styles.xml", _STYLES_XML)
            for i, sheet in enumerate(self.sheets, start=1):
                # Zip64 only when needed: some older Excel versions complain about it.
                big = sheet.body_size > 1 << 30
                with zf.open(f"xl/worksheets/sheet{i}.xml", "w", force_zip64=big) as out:
                    sheet.copy_to(out)

    def _content_types(self) -> str:
        sheets = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.worksheet+xml"/>'
            for i in range(1, len(self.sheets) + 1)
        )
        return (
            f'{_XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
            f"{sheets}</Types>"
        )

    def _workbook(self) -> str:
        sheets = "".join(
            f'<sheet name={quoteattr(s.title)} sheetId="{i}" r:id="rId{i}"/>'
            for i, s in enumerate(self.sheets, start=1)
        )
        names = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
            f"{escape(_absolute_ref(s.title, s.ref))}</definedName>"
            for i, s in enumerate(self.sheets)
            if s.autofilter and s.rows
        )
        return (
            f'{_XML_DECL}<workbook xmlns="{_NS_MAIN}" xmlns:r="{_NS_REL}">'
            f"<bookViews><workbookView/></bookViews><sheets>{sheets}</sheets>"
            + (f"<definedNames>{names}</definedNames>" if names else "")
            + "</workbook>"
        )

    def _workbook_rels(self) -> str:
        rels = "".join(
            f'<Relationship Id="rId{i}" Type="{_NS_REL}/worksheet" '
            f'Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(self.sheets) + 1)
        )
        styles = (
            f'<Relationship Id="rId{len(self.sheets) + 1}" Type="{_NS_REL}/styles" '
            'Target="styles.xml"/>'
        )
        return f'{_XML_DECL}<Relationships xmlns="{_NS_PKG}">{rels}{styles}</Relationships>'


_ROOT_RELS = (
    f'{_XML_DECL}<Relationships xmlns="{_NS_PKG}">'
    f'<Relationship Id="rId1" Type="{_NS_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)


def _absolute_ref(title: str, ref: str) -> str:
    start, end = ref.split(":")
    dollar = partial(re.sub, r"([A-Z]+)([0-9]+)", r"$\1$\2")
    quoted = "'" + title.replace("'", "''") + "'"
    return f"{quoted}!{dollar(start)}:{dollar(end)}"
