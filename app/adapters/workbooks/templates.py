"""Import templates drawn with openpyxl: the header, the example row, drop-down lists.

Templates are small and want what the streaming writer lacks: data validation, per-column
number formats, fonts. The example row is marked so that importing the template as it is
skips it (see ``EXAMPLE_MARKERS`` in :mod:`app.adapters.workbooks.rows`).
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from app.adapters.workbooks.columns import BilingualColumn, Language

HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
EXAMPLE_FONT = Font(color="808080", italic=True)
DATE_FORMAT, MONEY_FORMAT = "yyyy-mm-dd", "#,##0.00"
TEXT_FORMAT = "@"  # a column formatted as Text keeps codes and IDs from becoming numbers
_EXAMPLE_MARKER: dict[Language, str] = {
    "zh_CN": "示例（导入时跳过）",
    "en": "Example (skipped on import)",
}


def template_workbook(
    title: str,
    columns: Sequence[BilingualColumn],
    language: Language,
    *,
    widths: Sequence[float],
    formats: Sequence[str | None],
    example: Sequence[object],
) -> Workbook:
    """A workbook whose active sheet ``title`` has the headers in row 1, required ones in red,
    and ``example`` in row 2, grey, its first cell the example marker. ``formats`` apply to
    the whole column: to what users type later too."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for i, col in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=i, value=col.header(language))
        cell.font = Font(bold=True, color="C00000" if col.required else None)
        cell.fill = HEADER_FILL
        dim = ws.column_dimensions[get_column_letter(i)]
        dim.width = widths[i - 1]
        example_cell = ws.cell(row=2, column=i, value=example[i - 1])
        example_cell.font = EXAMPLE_FONT
        if number_format := formats[i - 1]:
            dim.number_format = example_cell.number_format = number_format
    ws.cell(row=2, column=1, value=_EXAMPLE_MARKER[language])
    return wb


def add_choice_list(
    ws: Worksheet, column: int, choices: Sequence[str], last_row: int, error: str | None = None
) -> None:
    """A drop-down of ``choices`` in rows 2 to ``last_row`` of the 1-based ``column``. Other
    values stay possible (a warning only), since the import accepts more spellings; ``error``
    is the warning's text, with none Excel says nothing."""
    dv = DataValidation(
        type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True, errorStyle="warning"
    )
    if error is not None:
        dv.showErrorMessage, dv.error = True, error
    letter = get_column_letter(column)
    dv.add(f"{letter}2:{letter}{last_row}")
    ws.add_data_validation(dv)
