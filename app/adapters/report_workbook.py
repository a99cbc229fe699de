"""The monthly report pack as an Excel workbook (openpyxl): a summary sheet (scope, month, who
generated it and when, the checks with a failed one in red, the key figures) and one sheet
per section, its tables one below the other, each with a bold title, a bold header row, a
bold total row and its note; native Excel charts beside them, drawn from the sheet's cells.

Numbers are numbers in the programme's formats: yuan ``"¥"#,##0.00`` (amounts kept in fen
become yuan here), counts and points ``#,##0``, rates ``0.0%``. Text is always text, never a
formula (text starting like one is quoted, as every export does). Frozen panes keep the
first table's header in view; the filter covers the first table. Sheet names are valid
(≤ 31 characters, none of ``[]:*?/\\``) and nothing is merged, so Excel and LibreOffice open
the file without a repair prompt."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, PieChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.adapters.partner_workbooks import put
from app.adapters.report_pack.build import build_pack
from app.adapters.report_pack.layout import (
    Chart,
    Kind,
    Pack,
    Section,
    Table,
    Typed,
    language_of,
    sheet_name,
)
from app.adapters.workbooks.writer import save_workbook_atomically

YUAN_FORMAT = '"¥"#,##0.00'
COUNT_FORMAT = "#,##0"
RATE_FORMAT = "0.0%"
FORMATS: dict[str, str | None] = {
    "text": "@", "count": COUNT_FORMAT, "points": COUNT_FORMAT, "yuan": YUAN_FORMAT,
    "rate": RATE_FORMAT,
}  # fmt: skip
BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
TABLE_TITLE_FONT = Font(bold=True, size=11, color="1F3864")
NOTE_FONT = Font(italic=True, color="666666")
RED_FONT = Font(bold=True, color="C00000")
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
TOTAL_FILL = PatternFill("solid", fgColor="EEF1F5")
RED_FILL = PatternFill("solid", fgColor="FDE7E9")
GREEN_FONT = Font(bold=True, color="2E7D32")
MAX_CHART_ROWS = 24  # a chart of the first rows; the table lists them all
CHART_WIDTH_CM, CHART_HEIGHT_CM = 16.0, 7.5
ROWS_PER_CHART = 17  # the rows a chart of that height covers, and a gap


def cell_value(value: object, kind: Kind) -> tuple[object, str | None]:
    """(what the cell holds, its number format): fen as yuan, rates as fractions."""
    if isinstance(value, Typed):
        return cell_value(value.value, value.kind)
    if value is None:
        return None, None
    if isinstance(value, str):
        return value, None
    if kind == "yuan" and isinstance(value, int):
        return Decimal(value) / 100, YUAN_FORMAT
    return value, FORMATS.get(kind) if kind != "text" else None


def write_row(ws: Worksheet, row: int, values: tuple[object, ...], table: Table,
              font: Font | None = None, fill: PatternFill | None = None) -> None:  # fmt: skip
    for c, (value, column) in enumerate(zip(values, table.columns, strict=True), start=1):
        shown, number_format = cell_value(value, column.kind)
        cell = put(ws, row, c, shown, number_format)
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill


def write_table(ws: Worksheet, table: Table, top: int) -> tuple[int, int, int]:
    """The table from row ``top``: title, header, body, total, note. Returns (header row,
    last body row, the next free row)."""
    put(ws, top, 1, table.title, None).font = TABLE_TITLE_FONT
    header = top + 1
    for c, column in enumerate(table.columns, start=1):
        cell = put(ws, header, c, column.title, None)
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(
            wrap_text=True,
            vertical="center",
            horizontal="left" if column.kind == "text" else "right",
        )
    row = header + 1
    for values in table.rows:
        write_row(ws, row, values, table)
        row += 1
    last_body = row - 1
    if not table.rows and table.empty:
        put(ws, row, 1, table.empty, None).font = NOTE_FONT
        row += 1
    if table.total is not None and table.rows:
        write_row(ws, row, table.total, table, BOLD, TOTAL_FILL)
        row += 1
    if table.note:
        put(ws, row, 1, table.note, None).font = NOTE_FONT
        row += 1
    return header, last_body, row + 1


def set_widths(ws: Worksheet, tables: tuple[Table, ...]) -> None:
    """Each column as wide as its widest title or value (CJK counted double), within reason."""
    widths: dict[int, float] = {}
    for table in tables:
        for c, column in enumerate(table.columns, start=1):
            texts = [column.title] + [str(v) for v in _column_values(table, c - 1)]
            widest = max(_display_width(t) for t in texts)
            widths[c] = max(widths.get(c, 10), min(widest + 3, 48), column.width * 10)
    for c, width in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = width


def _column_values(table: Table, index: int) -> list[object]:
    rows = list(table.rows[:200]) + ([table.total] if table.total else [])
    return [r[index] for r in rows if r[index] is not None and not isinstance(r[index], Typed)]


def _display_width(text: str) -> float:
    return sum(2 if ord(ch) > 0x2E80 else 1.1 for ch in text)


def add_chart(ws: Worksheet, chart: Chart, table: Table, header: int, last_body: int,
              anchor: str) -> None:  # fmt: skip
    """A native chart of the table's columns (its first rows), anchored at ``anchor``."""
    last = min(last_body, header + MAX_CHART_ROWS)
    if last <= header:
        return  # no rows: no chart (an empty range makes Excel repair the file)
    plot: Any = {"bar": BarChart, "line": LineChart, "pie": PieChart}[chart.kind]()
    plot.title = chart.title
    for column in chart.values[:1] if chart.kind == "pie" else chart.values:
        data = Reference(ws, min_col=column + 1, min_row=header, max_row=last)
        plot.add_data(data, titles_from_data=True)
    plot.set_categories(Reference(ws, min_col=chart.category + 1, min_row=header + 1,
                                  max_row=last))  # fmt: skip
    if chart.kind != "pie":
        plot.y_axis.delete = False
        plot.x_axis.delete = False
        kind = table.columns[chart.values[0]].kind
        plot.y_axis.numFmt = FORMATS.get(kind) or COUNT_FORMAT
    plot.width, plot.height = CHART_WIDTH_CM, CHART_HEIGHT_CM
    ws.add_chart(plot, anchor)


def section_sheet(wb: Workbook, section: Section, pack: Pack, taken: list[str]) -> None:
    name = sheet_name(section.short, taken)
    taken.append(name)
    ws = wb.create_sheet(name)
    put(ws, 1, 1, f"{section.number}. {section.title}", None).font = TITLE_FONT
    row = 2
    for note in section.notes:
        put(ws, row, 1, note, None).font = NOTE_FONT
        row += 1
    row += 1
    places: dict[str, tuple[int, int]] = {}
    for i, table in enumerate(section.tables):
        header, last_body, row = write_table(ws, table, row)
        places[table.key] = (header, last_body)
        if i == 0:
            ws.freeze_panes = f"A{header + 1}"
            last_column = get_column_letter(len(table.columns))
            ws.auto_filter.ref = f"A{header}:{last_column}{max(last_body, header)}"
    set_widths(ws, section.tables)
    widest = max((len(t.columns) for t in section.tables), default=1)
    chart_column = get_column_letter(widest + 2)
    for n, chart in enumerate(section.charts):
        header, last_body = places[chart.table]
        add_chart(ws, chart, pack.table(chart.table), header, last_body,
                  f"{chart_column}{3 + n * ROWS_PER_CHART}")  # fmt: skip


def summary_sheet(wb: Workbook, pack: Pack) -> None:
    labels = pack.labels
    ws = wb.create_sheet(sheet_name(labels["summary_sheet"]))
    put(ws, 1, 1, pack.title, None).font = TITLE_FONT
    info = ((labels["scope"], pack.scope), (labels["month"], pack.month),
            (labels["generated_by"], pack.generated_by),
            (labels["generated_at"], pack.generated_at))  # fmt: skip
    if pack.programme:
        put(ws, 2, 1, pack.programme, None).font = NOTE_FONT
    for r, (name, text) in enumerate(info, start=3):
        put(ws, r, 1, name, None).font = BOLD
        put(ws, r, 2, text, None)
    row = 3 + len(info) + 1
    if pack.failed_checks:
        put(ws, row, 1, labels["failed_banner"], None).font = RED_FONT
    else:
        put(ws, row, 1, labels["passed_banner"], None).font = GREEN_FONT
    row += 2
    header = row
    for c, title in enumerate((labels["item"], labels["value"], labels["status"]), start=1):
        cell = put(ws, header, c, title, None)
        cell.font, cell.fill = BOLD, HEADER_FILL
    row += 1
    for figure, kind, value in pack.key_figures:
        shown, number_format = cell_value(value, kind)
        put(ws, row, 1, figure, None)
        put(ws, row, 2, shown, number_format)
        row += 1
    for check in pack.checks:
        word = labels["check_passed"] if check.passed else labels["check_failed"]
        put(ws, row, 1, check.title, None)
        put(ws, row, 2, check.detail, None)
        status = put(ws, row, 3, word, None)
        if not check.passed:
            for c in (1, 2, 3):
                ws.cell(row=row, column=c).fill = RED_FILL
            status.font = RED_FONT
        row += 1
    ws.freeze_panes = f"A{header + 1}"
    ws.auto_filter.ref = f"A{header}:C{row - 1}"
    ws.column_dimensions["A"].width = 48
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 12


def write_pack_workbook(pack: Pack, path: str | os.PathLike[str]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    summary_sheet(wb, pack)
    taken = [wb.sheetnames[0]]
    for section in pack.sections:
        section_sheet(wb, section, pack, taken)
    wb.properties.title = f"{pack.title} {pack.month}"
    wb.properties.subject = pack.scope
    wb.properties.creator = "Loyalty Desk"
    target = Path(path)
    save_workbook_atomically(target, wb.save)
    return target


def write_monthly_workbook(report: Any, path: str | os.PathLike[str],
                           language: str = "zh_CN") -> Path:  # fmt: skip
    """Write the ``MonthlyReport`` to ``path`` (replaced atomically) and return the path.
    Raises ExcelWriteError when the file cannot be written."""
    lang = language_of(language)
    printed = report.generated_at.strftime("%Y-%m-%d %H:%M")
    return write_pack_workbook(build_pack(report, lang, report.programme_name, printed), path)
