"""Points workbooks: the "expiring soon" reminder list and the service-documents import.

Built on :mod:`app.adapters.workbooks` like the member workbooks: the container checks and
streaming sheet reader, the row reader, the shared cells (dates, fen amounts, member numbers,
mobiles, dealer codes), the :class:`~app.adapters.workbooks.messages.Message` errors and the
streaming .xlsx writer. This module holds the documents' columns and rules.

- ``write_expiring`` writes rows shaped like ``app.services.points.ExpiringRow`` (member
  number, name, mobile, dealer name, points, expires on): dates as Excel dates, points as
  numbers. Headers default to English; the UI passes its translated ones.
- ``read_transactions`` reads a dealer system's export of repair orders and vehicle invoices
  (one document a row) into normalised values with per-row errors, never raising for a bad
  file. What the import service can rely on, besides the row reader's guarantees for
  ``ParsedFile``/``ParsedRow`` (``file_errors`` not empty: import nothing; the example row
  is skipped):

  - ``values`` holds every key of ``TX_COLUMNS``: ``member_number`` and ``mobile`` (at least
    one of them in a row without errors; when both are given the service must check they
    name the same member), ``dealer_code`` (upper case), ``document_no`` (upper case, at most
    40 characters, as the counter stores it), ``kind`` ("service" or "purchase"),
    ``business_date`` (``date``, not after ``today`` when given) and ``amount_fen`` (int,
    above 0, at most 100 million yuan); missing ones are ``None``.
  - The same document at the same dealer twice in the file is an error on the second row,
    naming the first; documents recorded before are the service's business.

- ``write_transactions_template`` and ``write_transaction_results`` are the template to fill
  in and the user's rows given back with a status and a reason each.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from openpyxl.styles import Alignment

from app.adapters.workbooks import cells
from app.adapters.workbooks.cells import CellContext, CellError, as_text
from app.adapters.workbooks.columns import BilingualColumn, ColumnSet, Language
from app.adapters.workbooks.messages import Message
from app.adapters.workbooks.results import STATUS_ERROR as STATUS_ERROR  # the service's too
from app.adapters.workbooks.results import STATUS_NOT_PROCESSED, ResultBook, result_width
from app.adapters.workbooks.rows import (
    FirstRows,
    ParsedFile,
    ParsedRow,
    ProgressCallback,
    RowErrors,
    RowReader,
)
from app.adapters.workbooks.templates import (
    DATE_FORMAT,
    MONEY_FORMAT,
    TEXT_FORMAT,
    add_choice_list,
    template_workbook,
)
from app.adapters.workbooks.writer import (
    DATE_STYLE,
    HEADER_STYLE,
    PLAIN_STYLE,
    TEXT_STYLE,
    XlsxBook,
    save_workbook_atomically,
)
from app.domain.text import QT_TRANSLATE_NOOP
from app.domain.validation import normalize_text

MAX_ROWS = 100_000
MAX_DOCUMENT_LENGTH = 40  # as the counter's record_service accepts
# Read from the sheet named like the member import's data sheet, else the first one.
DATA_SHEET_NAMES = ("会员", "members")

# --- Expiring soon -----------------------------------------------------------------------------


class ExpiringLike(Protocol):
    @property
    def member_number(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def mobile(self) -> str | None: ...
    @property
    def dealer_name(self) -> str | None: ...
    @property
    def points(self) -> int: ...
    @property
    def expires_on(self) -> date: ...


EXPIRING_HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("PointsExport", "Member number"),
    QT_TRANSLATE_NOOP("PointsExport", "Name"),
    QT_TRANSLATE_NOOP("PointsExport", "Mobile"),
    QT_TRANSLATE_NOOP("PointsExport", "Dealer"),
    QT_TRANSLATE_NOOP("PointsExport", "Points"),
    QT_TRANSLATE_NOOP("PointsExport", "Expires on"),
)
EXPIRING_SHEET = QT_TRANSLATE_NOOP("PointsExport", "Expiring points")
_EXPIRING_WIDTHS = (15, 12, 15, 32, 10, 12)
# Member numbers and mobiles as text ("@"), so Excel keeps their leading zeros when edited;
# points a number, the date an Excel date (yyyy-mm-dd).
_EXPIRING_STYLES = (TEXT_STYLE, PLAIN_STYLE, TEXT_STYLE, PLAIN_STYLE, PLAIN_STYLE, DATE_STYLE)


def write_expiring(
    rows: Iterable[ExpiringLike],
    path: str | os.PathLike[str],
    headers: Sequence[str] | None = None,
    *,
    title: str = EXPIRING_SHEET,
) -> Path:
    """Stream the reminder list into an .xlsx (header row frozen, with a filter).

    ``headers``: six column titles, default :data:`EXPIRING_HEADERS`; ``title``: the sheet
    name (Excel allows 31 characters, no ``[]:*?/\\``). Raises ExcelWriteError.
    """
    headers = tuple(headers) if headers is not None else EXPIRING_HEADERS
    if len(headers) != len(EXPIRING_HEADERS):
        raise ValueError(f"write_expiring needs {len(EXPIRING_HEADERS)} headers")
    book = XlsxBook()
    sheet = book.add_sheet(_sheet_title(title), _EXPIRING_WIDTHS, freeze="A2")
    sheet.autofilter = True
    sheet.append(list(headers), HEADER_STYLE)
    for row in rows:
        expires = row.expires_on
        if isinstance(expires, datetime):
            expires = expires.date()
        sheet.append(
            [row.member_number, row.name, row.mobile, row.dealer_name, int(row.points), expires],
            _EXPIRING_STYLES,
        )
    path = Path(path)
    book.save(path)
    return path


def _sheet_title(title: str) -> str:
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip("' ")
    return cleaned[:31] or "Sheet1"


# --- Transactions import: columns and messages --------------------------------------------------


@dataclass(frozen=True)
class TxColumn(BilingualColumn):
    width: int
    aliases: tuple[str, ...] = ()


TX_COLUMNS: tuple[TxColumn, ...] = (
    TxColumn(
        "member_number", "会员号", "Member number", False, 15,
        ("会员编号", "会员卡号", "member no", "membernumber"),
    ),
    TxColumn(
        "mobile", "手机号", "Mobile", False, 15,
        ("手机", "手机号码", "mobile number", "phone"),
    ),
    TxColumn("dealer_code", "经销商代码", "Dealer code", True, 12, ("经销商编码", "dealer")),
    TxColumn(
        "document_no", "单据号", "Document number", True, 20,
        ("工单号", "发票号", "维修工单号", "单号", "document no", "document", "repair order",
         "ro number", "invoice number", "invoice no"),
    ),
    TxColumn("kind", "类型", "Kind", True, 10, ("业务类型", "单据类型", "type")),
    TxColumn(
        "business_date", "日期", "Date", True, 12,
        ("业务日期", "工单日期", "开票日期", "结算日期", "business date"),
    ),
    TxColumn(
        "amount_fen", "金额(元)", "Amount (yuan)", True, 14,
        ("金额", "结算金额", "amount", "amount(cny)", "amount(rmb)"),
    ),
)  # fmt: skip
DOCUMENT_COLUMNS: ColumnSet[TxColumn] = ColumnSet(
    TX_COLUMNS, {c.key: c.aliases for c in TX_COLUMNS}
)
TX_COLUMN_BY_KEY: dict[str, TxColumn] = DOCUMENT_COLUMNS.by_key
KINDS = ("service", "purchase")
KIND_LABELS_ZH = {"service": "维修", "purchase": "购车"}
_KINDS_BY_TEXT = {
    **dict.fromkeys(
        ("维修", "保养", "售后", "维修保养", "售后维修", "售后服务", "service"), "service"
    ),
    **dict.fromkeys(("购车", "新车", "新车销售", "整车销售", "purchase", "sale"), "purchase"),
}

TX_FILE_ERRORS: dict[str, str] = {
    "member_column": QT_TRANSLATE_NOOP(
        "Errors", "The file needs a member number column or a mobile column."
    ),
}
TX_ROW_ERRORS: dict[str, str] = {
    "member_required": QT_TRANSLATE_NOOP("Errors", "Enter the member number or the mobile."),
    "kind": QT_TRANSLATE_NOOP(
        "Errors", "Unknown type {value}; write 维修 (service) or 购车 (purchase)."
    ),
    "amount_zero": QT_TRANSLATE_NOOP("Errors", "The amount must be more than 0."),
    "duplicate_document": QT_TRANSLATE_NOOP(
        "Errors", "Same document number and dealer as row {row}."
    ),
}


def tx_column_for_header(text: object) -> str | None:
    """Column key for a header cell: Chinese, English or the template's "中文 / English"."""
    return DOCUMENT_COLUMNS.key_for_header(text)


# --- Transactions import: cells ------------------------------------------------------------------


def _document(value: object, ctx: CellContext) -> str:
    text = normalize_text(cells.code_text(value)).upper()
    if len(text) > MAX_DOCUMENT_LENGTH:
        raise cells.cell_error("text_too_long", max=MAX_DOCUMENT_LENGTH)
    return text


def _kind(value: object, ctx: CellContext) -> str:
    text = as_text(value)
    kind = _KINDS_BY_TEXT.get(text.casefold().replace(" ", ""))
    if kind is None:
        raise CellError(TX_ROW_ERRORS["kind"], value=text)
    return kind


def _amount(value: object, ctx: CellContext) -> int:
    fen = cells.fen(value, ctx)  # not a number, negative, too large, more than 2 decimals
    if fen == 0:
        raise CellError(TX_ROW_ERRORS["amount_zero"])
    return fen


_CONVERTERS: dict[str, cells.Converter] = {
    "member_number": cells.member_number,
    "mobile": cells.mobile,
    "dealer_code": cells.dealer_code,
    "document_no": _document,
    "kind": _kind,
    "business_date": cells.past_date,  # a date, not before 1900, not after ctx.today
    "amount_fen": _amount,
}


# --- Transactions import: reading ----------------------------------------------------------------


@dataclass
class ParsedTransactions(ParsedFile):
    """The transactions file: rows are ParsedRow with ``values`` keyed by TX_COLUMNS."""


def read_transactions(
    path: str | os.PathLike[str],
    *,
    today: date | None = None,
    max_rows: int = MAX_ROWS,
    progress: ProgressCallback | None = None,
) -> ParsedTransactions:
    """Read and check a dealer transactions workbook, streaming; never raises for a bad file.

    ``today``: dates after it are row errors (the programme's today; None: not checked).
    ``progress(rows_read, rows_estimate)`` is called every 1,000 rows.
    """
    parsed = ParsedTransactions()
    DocumentRowReader(parsed, today or date.max, max_rows, progress).read(path)
    return parsed


class DocumentRowReader(RowReader):
    """Document rows: a member number or a mobile, and each document once per dealer."""

    columns = DOCUMENT_COLUMNS
    converters = _CONVERTERS
    preferred_sheets = DATA_SHEET_NAMES
    example_column = "member_number"

    def __init__(
        self, parsed: ParsedFile, today: date, max_rows: int, progress: ProgressCallback | None
    ):
        super().__init__(parsed, today, max_rows, progress)
        self.first_rows = FirstRows()  # of each (dealer code, document)

    def check_header(self, found: Mapping[str, int]) -> None:
        if "member_number" not in found and "mobile" not in found:
            self.parsed.file_errors.append(Message(TX_FILE_ERRORS["member_column"]))

    def check_row(self, number: int, values: dict[str, object], errors: RowErrors) -> None:
        bad = {key for key, _ in errors}
        member_given = values["member_number"] is not None or values["mobile"] is not None
        if not member_given and not bad & {"member_number", "mobile"}:
            errors.append(("member_number", Message(TX_ROW_ERRORS["member_required"])))
        self.require_filled(values, errors, skip=bad)
        document = values["document_no"]
        if isinstance(document, str):
            first = self.first_rows.earlier((values["dealer_code"], document), number)
            if first is not None:
                errors.append(
                    ("document_no", Message(TX_ROW_ERRORS["duplicate_document"], row=first))
                )


def tx_row_reason(row: ParsedRow) -> str:
    """A row's errors as one line: "Dealer code: ...; Date: ..."."""
    return DOCUMENT_COLUMNS.reason(row.errors)


# --- Transactions import: template and results ----------------------------------------------------

_EXAMPLE: dict[str, object] = {
    "member_number": None,
    "mobile": "13812345678",
    "dealer_code": "BJ001",
    "document_no": "RO202503010001",
    "kind": "service",
    "business_date": date(2025, 3, 1),
    "amount_fen": 128_050,  # 1,280.50 yuan
}
_FORMATS = {
    "business_date": DATE_FORMAT,
    "amount_fen": MONEY_FORMAT,
    # Text keeps leading zeros.
    **dict.fromkeys(("member_number", "mobile", "document_no", "dealer_code"), TEXT_FORMAT),
}
_TX_NOTES: tuple[tuple[str, str], ...] = (
    ("每行一张维修工单或购车发票；第一行为表头，列名可用中文或英文，列的顺序不限。",
     "One repair order or vehicle invoice per row; the first row holds the column names, "
     "in Chinese or English, in any order."),
    ("会员号和手机号至少填写一项；带 * 的列必填。",
     "Give the member number or the mobile (or both); columns marked * are required."),
    ("类型填写“维修”或“购车”；金额以元为单位，最多两位小数，必须大于 0。",
     "Kind is 维修 (service) or 购车 (purchase); the amount is in yuan, at most 2 decimals, "
     "more than 0."),
    ("同一经销商的同一单据号在文件内只能出现一次。",
     "A document number may appear only once per dealer in the file."),
    ("第一格（或会员号）以“示例”或“Example”开头的行是示例，导入时跳过。",
     "A row whose first cell (or member number) starts with 示例 or Example is skipped."),
)  # fmt: skip


def write_transactions_template(path: str | os.PathLike[str], language: Language = "zh_CN") -> Path:
    """The import template: header, formats, a drop-down for the kind, an example row."""
    zh = language == "zh_CN"
    wb = template_workbook(
        "交易" if zh else "Transactions",
        TX_COLUMNS,
        language,
        widths=[col.width + 8 for col in TX_COLUMNS],
        formats=[_FORMATS.get(col.key) for col in TX_COLUMNS],
        example=[_example_value(col.key, zh) for col in TX_COLUMNS],
    )
    ws = wb.active
    choices = tuple(KIND_LABELS_ZH.values()) if zh else KINDS
    # Other accepted spellings (保养, service, ...) stay possible.
    add_choice_list(ws, DOCUMENT_COLUMNS.order["kind"] + 1, choices, MAX_ROWS + 1)
    ws.freeze_panes = "A2"
    notes = wb.create_sheet("说明" if zh else "Instructions")
    wrap = Alignment(wrap_text=True, vertical="top")
    for zh_text, en_text in _TX_NOTES:
        notes.append([zh_text, en_text] if zh else [en_text, zh_text])
    for row in notes.iter_rows():
        for cell in row:
            cell.alignment = wrap
    notes.column_dimensions["A"].width = notes.column_dimensions["B"].width = 60
    path = Path(path)
    save_workbook_atomically(path, wb.save)
    return path


def _example_value(key: str, zh: bool) -> object:
    example = _EXAMPLE[key]
    if key == "kind":
        return KIND_LABELS_ZH[str(example)] if zh else example
    if key == "amount_fen":
        return int(example) / 100  # type: ignore[call-overload]
    return example


def write_transaction_results(
    path: str | os.PathLike[str],
    rows_with_status: Iterable[tuple[ParsedRow, str, str]],
    headers: Sequence[str] = (),
) -> Path:
    """The user's rows (as read) with 行号/Row first and 状态/Status, 原因/Reason last.

    ``rows_with_status``: (row, status, message) from the import service, e.g.
    :func:`transaction_outcomes` makes them from the service's outcomes; a row with parse
    errors is written as "error" with its errors whatever the status says. ``headers``: the
    file's header row (``ParsedTransactions.headers``). Error rows are highlighted.
    """
    items = list(rows_with_status)
    width = result_width(headers, [row for row, _, _ in items])
    results = ResultBook(headers, [16] * width, tx_row_reason)
    for row, status, message in items:
        results.add(row, status, message)
    path = Path(path)
    results.save(path)
    return path


def transaction_outcomes(
    parsed: ParsedTransactions, outcomes: Mapping[int, tuple[str, str]]
) -> Iterable[tuple[ParsedRow, str, str]]:
    """``rows_with_status`` for every parsed row from the service's row number → (status,
    message); rows it does not mention are "not_processed"."""
    for row in parsed.rows:
        yield (row, *outcomes.get(row.row_number, (STATUS_NOT_PROCESSED, "")))
