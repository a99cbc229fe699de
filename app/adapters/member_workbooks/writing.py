"""The member import's result workbook and the members export, both streamed."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from app.adapters.member_workbooks.columns import (
    COLUMN_BY_KEY,
    COLUMNS,
    Column,
    column_for_header,
    display_value,
    row_reason,
)
from app.adapters.workbooks.columns import Language
from app.adapters.workbooks.results import (
    STATUS_HEADER,
    STATUS_NOT_PROCESSED,
    ResultBook,
    result_width,
)
from app.adapters.workbooks.rows import ParsedFile
from app.adapters.workbooks.writer import (
    ERROR_STYLE,
    HEADER_STYLE,
    MONEY_STYLE,
    PLAIN_STYLE,
    XlsxBook,
)

SUMMARY_SHEET = "汇总 Summary"


def write_result(
    path: str | os.PathLike[str], parsed: ParsedFile, outcomes: Mapping[int, tuple[str, str]]
) -> None:
    """The user's rows with 状态/Status and 原因/Reason, error rows red, and a summary sheet.

    ``outcomes`` maps row number → (status, reason) from the import service; rows with parse
    errors are "error" whatever it says, and rows it does not mention "not_processed".
    """
    width = result_width(parsed.headers, parsed.rows)
    results = ResultBook(parsed.headers, _result_widths(parsed.headers, width), row_reason)
    for row in parsed.rows:
        results.add(row, *outcomes.get(row.row_number, (STATUS_NOT_PROCESSED, "")))
    _write_summary(results.book, parsed, results.counts)
    results.save(path)


def _result_widths(headers: Sequence[str], width: int) -> list[float]:
    """The template's width for the file's known columns, 14 for others."""
    widths: list[float] = []
    for i in range(width):
        key = column_for_header(headers[i]) if i < len(headers) else None
        widths.append(COLUMN_BY_KEY[key].width + 2 if key else 14)
    return widths


def _write_summary(book: XlsxBook, parsed: ParsedFile, counts: Counter[str]) -> None:
    sheet = book.add_sheet(SUMMARY_SHEET, (36, 80), freeze=None)
    sheet.append(["项目 / Item", "数量 / Count"], HEADER_STYLE)
    sheet.append(["数据行 / Data rows", len(parsed.rows)])
    for status, count in counts.most_common():
        sheet.append([f"{STATUS_HEADER}: {status}", count])
    sheet.append(["跳过的示例行 / Example rows skipped", len(parsed.example_rows)])
    if parsed.ignored_columns:
        sheet.append(["忽略的列 / Ignored columns", ", ".join(parsed.ignored_columns)])
    for message in parsed.file_errors:
        sheet.append(["文件错误 / File error", str(message)], ERROR_STYLE)


def write_members_export(
    path: str | os.PathLike[str],
    rows: Iterable[Mapping[str, object]],
    columns: Sequence[Column] = COLUMNS,
    *,
    language: Language = "zh_CN",
    progress: Callable[[int], None] | None = None,
) -> int:
    """Stream rows (column key → normalised value) into an .xlsx; returns the rows written.

    Money columns take integer fen (as read_members gives) or a Decimal in yuan and show
    as numbers with 2 decimals; dates stay dates. The header is the template's, so an
    export can be imported again.
    """
    book = XlsxBook()
    title = "会员" if language == "zh_CN" else "Members"
    sheet = book.add_sheet(title, [c.width + 2 for c in columns], freeze="A2")
    sheet.autofilter = True
    sheet.append([c.header(language) for c in columns], HEADER_STYLE)
    styles = [MONEY_STYLE if c.kind == "money" else PLAIN_STYLE for c in columns]
    plain = [c.kind in ("text", "code", "date") for c in columns]  # shown as stored
    count = 0
    for record in rows:
        values = [record.get(c.key) for c in columns]
        for i, col in enumerate(columns):
            if not plain[i] and values[i] is not None:
                values[i] = display_value(col, values[i], language)
        sheet.append(values, styles)
        count += 1
        if progress and count % 1000 == 0:
            progress(count)
    book.save(path)
    return count
