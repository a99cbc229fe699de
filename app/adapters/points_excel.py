"""Points workbooks: the "expiring soon" reminder list and the dealer transactions import.

A small sibling of :mod:`app.adapters.member_excel`, whose machinery it reuses: the container
checks and streaming sheet reader, the cell clean-up and converters (dates, fen amounts,
member numbers, mobiles, dealer codes), the :class:`~app.adapters.member_excel.Message`
errors and the streaming .xlsx writer.

- ``write_expiring`` writes rows shaped like ``app.services.points.ExpiringRow`` (member
  number, name, mobile, dealer name, points, expires on): dates as Excel dates, points as
  numbers. Headers default to English; the UI passes its translated ones.
- ``read_transactions`` reads a dealer system's export of repair orders and vehicle invoices
  (one document a row) into normalised values with per-row errors, never raising for a bad
  file. What the import service can rely on, besides ``member_excel``'s guarantees for
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

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from app.adapters.member_excel import (
    _ERROR,
    _GREY_ITALIC,
    _HEADER,
    _HEADER_FILL,
    _PLAIN,
    _REASON_HEADER,
    _ROW_HEADER,
    _STATUS_HEADER,
    FILE_ERRORS,
    ROW_ERRORS,
    STATUS_ERROR,
    STATUS_NOT_PROCESSED,
    Language,
    Message,
    ParsedFile,
    ParsedRow,
    ProgressCallback,
    _as_text,
    _CellError,
    _code_text,
    _column_in,
    _Context,
    _date,
    _dealer_code,
    _domain,
    _fen,
    _header_lookup,
    _inspect,
    _member_number,
    _numbered_rows,
    _prelude,
    _Rejected,
    _RowReader,
    _save_atomically,
    _trimmed,
    _Unreadable,
    _XlsxBook,
)
from app.domain.text import QT_TRANSLATE_NOOP
from app.domain.validation import normalize_mobile, normalize_text

MAX_ROWS = 100_000
MAX_DOCUMENT_LENGTH = 40  # as the counter's record_service accepts

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
    book = _XlsxBook()
    sheet = book.add_sheet(_sheet_title(title), _EXPIRING_WIDTHS, freeze="A2")
    sheet.autofilter = True
    sheet.append(list(headers), _HEADER)
    for row in rows:
        expires = row.expires_on
        if isinstance(expires, datetime):
            expires = expires.date()
        sheet.append(
            [row.member_number, row.name, row.mobile, row.dealer_name, int(row.points), expires]
        )
    path = Path(path)
    book.save(path)
    return path


def _sheet_title(title: str) -> str:
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip("' ")
    return cleaned[:31] or "Sheet1"


# --- Transactions import: columns and messages --------------------------------------------------


@dataclass(frozen=True)
class TxColumn:
    key: str
    zh: str
    en: str
    required: bool
    width: int
    aliases: tuple[str, ...] = ()

    def header(self, language: Language = "zh_CN") -> str:
        """The template's header text, e.g. "*经销商代码 / Dealer code"."""
        first, second = (self.zh, self.en) if language == "zh_CN" else (self.en, self.zh)
        return ("*" if self.required else "") + f"{first} / {second}"


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
TX_COLUMN_BY_KEY: dict[str, TxColumn] = {c.key: c for c in TX_COLUMNS}
_TX_ORDER = {c.key: i for i, c in enumerate(TX_COLUMNS)}
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


_LOOKUP = _header_lookup((col.key, (col.zh, col.en, *col.aliases)) for col in TX_COLUMNS)


def tx_column_for_header(text: object) -> str | None:
    """Column key for a header cell: Chinese, English or the template's "中文 / English"."""
    return _column_in(_LOOKUP, text)


# --- Transactions import: cells ------------------------------------------------------------------


def _tx_fail(key: str, **params: object) -> _CellError:
    return _CellError(Message(TX_ROW_ERRORS[key], **params))


def _document(value: object, ctx: _Context) -> str:
    text = normalize_text(_code_text(value)).upper()
    if len(text) > MAX_DOCUMENT_LENGTH:
        raise _CellError(Message(ROW_ERRORS["text_too_long"], max=MAX_DOCUMENT_LENGTH))
    return text


def _kind(value: object, ctx: _Context) -> str:
    text = _as_text(value)
    kind = _KINDS_BY_TEXT.get(text.casefold().replace(" ", ""))
    if kind is None:
        raise _tx_fail("kind", value=text)
    return kind


def _amount(value: object, ctx: _Context) -> int:
    fen = _fen(value, ctx)  # not a number, negative, too large, more than 2 decimals
    if fen == 0:
        raise _tx_fail("amount_zero")
    return fen


_CONVERTERS = {
    "member_number": _member_number,
    "mobile": lambda v, ctx: _domain(normalize_mobile, _code_text(v)),
    "dealer_code": _dealer_code,
    "document_no": _document,
    "kind": _kind,
    "business_date": _date,  # a date, not before 1900, not after ctx.today
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
    path = Path(path)
    try:
        info = _inspect(path, max_rows)
        parsed.sheet_name = info.name
        reader = _TxReader(parsed, _Context(today or date.max, info.epoch), max_rows, progress)
        reader.rows_hint = info.rows_hint
        with path.open("rb") as f:
            reader.feed(_numbered_rows(f, info))
    except _Rejected as exc:
        parsed.file_errors.append(exc.message)
    except _Unreadable:
        parsed.file_errors.append(Message(FILE_ERRORS["corrupt"]))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        parsed.file_errors.append(Message(FILE_ERRORS["unreadable"], reason=reason))
    return parsed


class _TxReader(_RowReader):
    """The member import's row reader with the transaction columns and row checks."""

    def __init__(
        self,
        parsed: ParsedTransactions,
        ctx: _Context,
        max_rows: int,
        progress: ProgressCallback | None,
    ):
        super().__init__(parsed, ctx, max_rows, progress)
        # (dealer code, document) → the first row with it
        self.documents_seen: dict[tuple[object, str], int] = {}

    def _take_header(self, number: int, row: Sequence[object]) -> bool:
        keys = [tx_column_for_header(v) for v in row]
        if not any(keys):
            return False  # a title line above the header, or blank
        parsed = self.parsed
        parsed.header_row = number
        parsed.headers = [_as_text(v) if v is not None else "" for v in _trimmed(row)]
        self.positions = []
        first: dict[str, int] = {}
        for index, key in enumerate(keys):
            if key is None:
                if row[index] is not None and str(row[index]).strip():
                    parsed.ignored_columns.append(_as_text(row[index]))
            elif key in first:
                col = TX_COLUMN_BY_KEY[key]
                parsed.file_errors.append(
                    Message(
                        FILE_ERRORS["duplicate_column"],
                        column=f"{col.zh} / {col.en}",
                        first=get_column_letter(first[key] + 1),
                        second=get_column_letter(index + 1),
                    )
                )
            else:
                first[key] = index
                self.positions.append((key, index))
        missing = [c for c in TX_COLUMNS if c.required and c.key not in first]
        if missing:
            names = ", ".join(f"{c.zh} / {c.en}" for c in missing)
            parsed.file_errors.append(Message(FILE_ERRORS["missing_columns"], columns=names))
        if "member_number" not in first and "mobile" not in first:
            parsed.file_errors.append(Message(TX_FILE_ERRORS["member_column"]))
        self.member_index = first.get("member_number")
        return True

    def _parse(self, number: int, row: Sequence[object]) -> ParsedRow:
        cells = _trimmed(row)
        values: dict[str, object] = dict.fromkeys(TX_COLUMN_BY_KEY)
        errors: list[tuple[str, str]] = []
        assert self.positions is not None
        for key, index in self.positions:
            try:
                cleaned = _prelude(cells[index] if index < len(cells) else None)
                if cleaned is not None:
                    values[key] = _CONVERTERS[key](cleaned, self.ctx)
            except _CellError as exc:
                errors.append((key, exc.message))
        bad = {key for key, _ in errors}
        if (
            values["member_number"] is None
            and values["mobile"] is None
            and not bad
            & {
                "member_number",
                "mobile",
            }
        ):
            errors.append(("member_number", Message(TX_ROW_ERRORS["member_required"])))
        for col in TX_COLUMNS:
            if col.required and values[col.key] is None and col.key not in bad:
                errors.append((col.key, Message(ROW_ERRORS["required"])))
        document = values["document_no"]
        if isinstance(document, str):
            first = self.documents_seen.setdefault((values["dealer_code"], document), number)
            if first != number:
                errors.append(
                    ("document_no", Message(TX_ROW_ERRORS["duplicate_document"], row=first))
                )
        errors.sort(key=lambda error: _TX_ORDER[error[0]])  # read left to right
        return ParsedRow(number, values, errors, cells)


def tx_row_reason(row: ParsedRow) -> str:
    """A row's errors as one line: "Dealer code: ...; Date: ..."."""
    return "; ".join(f"{TX_COLUMN_BY_KEY[key].en}: {message}" for key, message in row.errors)


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
    wb = Workbook()
    ws = wb.active
    ws.title = "交易" if zh else "Transactions"
    for i, col in enumerate(TX_COLUMNS, start=1):
        cell = ws.cell(row=1, column=i, value=col.header(language))
        cell.font = Font(bold=True, color="C00000" if col.required else None)
        cell.fill = _HEADER_FILL
        dim = ws.column_dimensions[get_column_letter(i)]
        dim.width = col.width + 8
        example = _EXAMPLE[col.key]
        if col.key == "kind":
            example = KIND_LABELS_ZH[str(example)] if zh else example
        elif col.key == "amount_fen":
            example = int(example) / 100  # type: ignore[call-overload]
        value_cell = ws.cell(row=2, column=i, value=example)
        value_cell.font = _GREY_ITALIC
        if col.key == "business_date":
            dim.number_format = value_cell.number_format = "yyyy-mm-dd"
        elif col.key == "amount_fen":
            dim.number_format = value_cell.number_format = "#,##0.00"
        elif col.key in ("member_number", "mobile", "document_no", "dealer_code"):
            dim.number_format = value_cell.number_format = "@"  # keep leading zeros
    ws.cell(row=2, column=1, value="示例（导入时跳过）" if zh else "Example (skipped on import)")
    kind_col = get_column_letter(_TX_ORDER["kind"] + 1)
    choices = ",".join(KIND_LABELS_ZH.values()) if zh else ",".join(KINDS)
    dv = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
    dv.errorStyle = "warning"  # other accepted spellings (保养, service, ...) stay possible
    dv.add(f"{kind_col}2:{kind_col}{MAX_ROWS + 1}")
    ws.add_data_validation(dv)
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
    _save_atomically(path, wb.save)
    return path


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
    width = max([len(headers), *(len(row.raw) for row, _, _ in items)])
    widths = [8, *([16] * width), 14, 60]
    book = _XlsxBook()
    sheet = book.add_sheet("结果 Results", widths, freeze="B2")
    sheet.autofilter = True
    padded_headers = [*headers, *([None] * (width - len(headers)))]
    sheet.append([_ROW_HEADER, *padded_headers, _STATUS_HEADER, _REASON_HEADER], _HEADER)
    for row, status, message in items:
        if row.errors:
            status, message = STATUS_ERROR, tx_row_reason(row)
        cells = [*row.raw[:width], *([None] * (width - len(row.raw)))]
        style = _ERROR if status == STATUS_ERROR else _PLAIN
        sheet.append([row.row_number, *cells, status, message], style)
    path = Path(path)
    book.save(path)
    return path


def transaction_outcomes(
    parsed: ParsedTransactions, outcomes: Mapping[int, tuple[str, str]]
) -> Iterable[tuple[ParsedRow, str, str]]:
    """``rows_with_status`` for every parsed row from the service's row number → (status,
    message); rows it does not mention are "not_processed"."""
    for row in parsed.rows:
        yield (row, *outcomes.get(row.row_number, (STATUS_NOT_PROCESSED, "")))
