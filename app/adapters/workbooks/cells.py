"""Cell values as the sheet reader gives them turned into normalised values, or a CellError.

A converter takes a cell that :func:`clean_cell` let through (not blank, no formula, no Excel
error, text normalised) and the :class:`CellContext`; it returns the value or raises
CellError with the row message. The converters here serve every workbook: text, codes the
programme's workbooks share (member numbers, mobiles, dealer codes), dates, yuan amounts as
integer fen, yes/no.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils.datetime import WINDOWS_EPOCH, from_excel
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from app.adapters.workbooks.messages import ROW_ERRORS, Message
from app.domain.validation import (
    InvalidValue,
    normalize_member_number,
    normalize_mobile,
    normalize_text,
    starts_like_formula,
)

MAX_AMOUNT_YUAN = Decimal(100_000_000)  # a typo guard: no car costs 100 million yuan


class CellError(Exception):
    """A cell's value is not acceptable; ``message`` is the row error to report."""

    def __init__(self, template: str, **params: object):
        self.message = Message(template, **params)
        super().__init__(self.message)


def cell_error(key: str, **params: object) -> CellError:
    """One of the shared ROW_ERRORS as a CellError."""
    return CellError(ROW_ERRORS[key], **params)


def domain_error(exc: InvalidValue) -> CellError:
    return CellError(str(exc))  # the domain's own English sentence is the template


@dataclass(frozen=True)
class CellContext:
    today: date  # dates after it are errors
    epoch: datetime = WINDOWS_EPOCH  # serial 0 of the workbook's date system


Converter = Callable[[object, CellContext], object]


def clean_cell(value: object) -> object:
    """Blank → None; formulas and Excel errors rejected; text normalised (NFKC, spaces)."""
    if value is None:
        return None
    if isinstance(value, ArrayFormula | DataTableFormula):
        raise cell_error("formula")
    if isinstance(value, str):
        text = normalize_text(value)
        text = value if text == value else text  # reuse the raw object: rows stay in memory
        if text.startswith("="):  # read with data_only=False: a formula cell reads "=..."
            raise cell_error("formula")
        if text in ERROR_CODES:
            raise cell_error("excel_error", value=text)
        return text or None
    return value


def as_text(value: object) -> str:
    """A cell as the user sees it: whole floats without ".0", dates in ISO form."""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def code_text(value: object) -> str:
    """A code typed into a number cell is fine while Excel kept every digit (15 significant)."""
    if isinstance(value, float) and abs(value) >= 1e15:
        raise cell_error("lost_digits")
    return as_text(value)


def normalised(normalise: Callable[[str], object], text: str) -> object:
    """A domain normaliser's result; its InvalidValue becomes the row error."""
    try:
        return normalise(text)
    except InvalidValue as exc:
        raise domain_error(exc) from None


def limited_text(limit: int, value: object, ctx: CellContext) -> str:
    """A free-text cell (a province, a model): at most ``limit`` characters, not starting
    like a formula (see :func:`plain_text`)."""
    text = plain_text(as_text(value))
    if len(text) > limit:
        raise cell_error("text_too_long", max=limit)
    return text


def plain_text(text: str) -> str:
    """``text``, refused when it starts with = + - or @ ("@SUM(1+1)"), which spreadsheets
    take for a formula: the rule of ``app.domain.validation.starts_like_formula`` for the
    free-text columns of an import (codes, mobiles such as "+86…", numbers and dates have
    converters of their own)."""
    if starts_like_formula(text):
        raise cell_error("formula_text")
    return text


# --- Codes the programme's workbooks share -----------------------------------------------------


def member_number(value: object, ctx: CellContext) -> object:
    whole = isinstance(value, int) or isinstance(value, float) and value.is_integer()
    if whole and not isinstance(value, bool) and 0 <= value < 10**11:  # type: ignore[operator]
        value = f"{int(value):011d}"  # type: ignore[call-overload]  # Excel drops leading 0s
    return normalised(normalize_member_number, code_text(value))


def mobile(value: object, ctx: CellContext) -> object:
    return normalised(normalize_mobile, code_text(value))


_DEALER_CODE_RE = re.compile(r"[A-Z0-9_-]{1,20}")


def dealer_code(value: object, ctx: CellContext) -> str:
    code = as_text(value).replace(" ", "").upper()
    if not _DEALER_CODE_RE.fullmatch(code):
        raise cell_error("dealer_code")
    return code


# --- Yes or no -----------------------------------------------------------------------------------

_TRUE = frozenset({"是", "yes", "y", "true", "1"})
_FALSE = frozenset({"否", "no", "n", "false", "0"})


def boolean(value: object, ctx: CellContext) -> bool:
    if isinstance(value, bool):
        return value
    text = as_text(value).casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise cell_error("boolean", value=as_text(value))


# --- Dates ---------------------------------------------------------------------------------------

_DATE_TEXT = re.compile(
    r"([0-9]{4})(?:[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?|([0-9]{2})([0-9]{2}))"
    r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?"
)
_SERIAL_RANGE = (1, 109_575)  # Excel serials for 1900-01-01 .. 2199-12-31


def past_date(value: object, ctx: CellContext) -> date:
    """A date cell, a serial or a date written as text; from 1900 up to ``ctx.today``."""
    day = _to_date(value, ctx)
    if day < date(1900, 1, 1):
        raise cell_error("date_too_old", value=day.isoformat())
    if day > ctx.today:
        raise cell_error("date_future", value=day.isoformat())
    return day


def _to_date(value: object, ctx: CellContext) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return from_excel(value, ctx.epoch).date()
        if isinstance(value, int) or value.is_integer():
            return _date_from_text(str(int(value)))  # 20230501 typed as a number
    if isinstance(value, str):
        return _date_from_text(re.sub(r"\s*([-/.年月日])\s*", r"\1", value))
    raise cell_error("date", value=as_text(value))


def _date_from_text(text: str) -> date:
    match = _DATE_TEXT.fullmatch(text)
    if not match:
        raise cell_error("date", value=text)
    year, month, day = (int(g) for g in match.groups() if g is not None)
    try:
        return date(year, month, day)
    except ValueError:
        raise cell_error("date_impossible", value=text) from None


# --- Amounts in yuan -----------------------------------------------------------------------------

_MONEY_TEXT = re.compile(r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]*)(?:\.[0-9]+)?")
_CURRENCY = re.compile(r"^(?:¥|rmb|cny)|元$", re.IGNORECASE)  # NFKC turns ￥ into ¥
_CENT = Decimal("0.01")


def fen(value: object, ctx: CellContext) -> int:
    """An amount in yuan (a number, or text with ¥ and thousands separators) as integer fen:
    not negative, at most 2 decimals, at most MAX_AMOUNT_YUAN."""
    text = as_text(value)
    amount = _float_amount(value) if isinstance(value, float) else _text_amount(value, text)
    if amount < 0:
        raise cell_error("money_negative", value=text)
    if amount > MAX_AMOUNT_YUAN:
        raise cell_error("money_too_large", value=text)
    if amount != amount.quantize(_CENT):
        raise cell_error("money_decimals", value=text)
    return int(amount * 100)


def _float_amount(value: float) -> Decimal:
    if not math.isfinite(value):
        raise cell_error("money", value=str(value))
    amount = Decimal(repr(value))
    cents = amount.quantize(_CENT)
    # A pasted calculation may carry binary noise (0.30000000000000004): round it away.
    return cents if abs(amount - cents) < Decimal("1e-6") else amount


def _text_amount(value: object, text: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise cell_error("money", value=text)
    plain = _CURRENCY.sub("", text.replace(" ", "")).replace("¥", "")
    if isinstance(value, str) and (not plain or not _MONEY_TEXT.fullmatch(plain)):
        raise cell_error("money", value=text)
    try:
        amount = Decimal(plain.replace(",", ""))
    except InvalidOperation:
        raise cell_error("money", value=text) from None
    if not amount.is_finite():
        raise cell_error("money", value=text)
    return amount
