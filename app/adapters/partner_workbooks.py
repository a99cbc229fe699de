"""The monthly partner settlement as an Excel workbook (openpyxl: a few hundred rows at most,
and it wants fonts and a yuan number format the streaming writer does not have).

Three sheets, headers in Chinese (``zh_CN``) or English:

- the summary: one row per partner (month, code, name, credit code, redemptions, write-offs,
  amount, rebate, total payable) and a bold totals row below the filtered range, written as
  values (not formulas: every reader shows them, LibreOffice and previewers included);
- the lines: one row per partner, benefit and unit cost;
- the rebates: how each rebate was worked out (period, months, billed, target, rate).

Yuan amounts are numbers in the ``"¥"#,##0.00`` format, codes text cells in the Text format.
Text is always written as text, never as a formula; text starting like one (= + - @) is
marked as quoted text, as every export of the programme does
(``app.domain.validation.starts_like_formula``). The adapter takes any object shaped like
``app.services.partners.settlement.Settlement``."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.adapters.workbooks.columns import Language
from app.adapters.workbooks.writer import save_workbook_atomically
from app.domain.validation import starts_like_formula

YUAN_FORMAT = '"¥"#,##0.00'
COUNT_FORMAT = "#,##0"
RATE_FORMAT = "0.0%"
TEXT_FORMAT = "@"
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
TOTAL_FILL = PatternFill("solid", fgColor="EEF1F5")


@dataclass(frozen=True)
class Column:
    zh: str
    en: str
    width: int
    number_format: str | None = None  # None: General

    def title(self, language: Language) -> str:
        return self.zh if language == "zh_CN" else self.en


SUMMARY_COLUMNS = (
    Column("结算月份", "Month", 10, TEXT_FORMAT),
    Column("合作伙伴编码", "Partner code", 14, TEXT_FORMAT),
    Column("合作伙伴名称", "Partner", 32),
    Column("统一社会信用代码", "Unified social credit code", 22, TEXT_FORMAT),
    Column("兑换数", "Redemptions", 10, COUNT_FORMAT),
    Column("核销数", "Write-offs", 10, COUNT_FORMAT),
    Column("结算金额", "Amount", 15, YUAN_FORMAT),
    Column("返利", "Rebate", 13, YUAN_FORMAT),
    Column("应付合计", "Total payable", 15, YUAN_FORMAT),
)
LINE_COLUMNS = (
    Column("结算月份", "Month", 10, TEXT_FORMAT),
    Column("合作伙伴编码", "Partner code", 14, TEXT_FORMAT),
    Column("合作伙伴名称", "Partner", 32),
    Column("权益编码", "Benefit code", 14, TEXT_FORMAT),
    Column("权益名称", "Benefit", 30),
    Column("单位成本", "Unit cost", 12, YUAN_FORMAT),
    Column("兑换数", "Redemptions", 10, COUNT_FORMAT),
    Column("核销数", "Write-offs", 10, COUNT_FORMAT),
    Column("金额", "Amount", 15, YUAN_FORMAT),
)
REBATE_COLUMNS = (
    Column("结算月份", "Month", 10, TEXT_FORMAT),
    Column("合作伙伴编码", "Partner code", 14, TEXT_FORMAT),
    Column("合作伙伴名称", "Partner", 32),
    Column("返利周期", "Period", 10),
    Column("起始月份", "From", 10, TEXT_FORMAT),
    Column("截至月份", "To", 10, TEXT_FORMAT),
    Column("期间金额", "Billed in the period", 16, YUAN_FORMAT),
    Column("返利目标", "Target", 15, YUAN_FORMAT),
    Column("返利比例", "Rate", 10, RATE_FORMAT),
    Column("返利", "Rebate", 13, YUAN_FORMAT),
)
SHEETS = {
    "summary": ("结算汇总", "Summary"),
    "lines": ("结算明细", "Lines"),
    "rebates": ("返利", "Rebates"),
}
TOTAL = ("合计", "Total")
PERIODS = {"month": ("月度", "Monthly"), "quarter": ("季度", "Quarterly"),
           "year": ("年度", "Yearly")}  # fmt: skip


def _pick(names: tuple[str, str], language: Language) -> str:
    return names[0] if language == "zh_CN" else names[1]


def yuan_value(fen: int) -> Decimal:
    return Decimal(fen) / 100


def put(ws: Worksheet, row: int, column: int, value: object, number_format: str | None) -> Any:
    """One cell: text stays text (never a formula; quoted when it starts like one)."""
    cell = ws.cell(row=row, column=column)
    if value is None or value == "":
        pass  # an empty cell, styled all the same
    elif isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.value = text
        cell.data_type = "s"  # openpyxl takes "=..." for a formula otherwise
        if text and starts_like_formula(text):
            cell.quotePrefix = True
    else:
        cell.value = value
    if number_format:
        cell.number_format = number_format
    return cell


def _sheet(
    wb: Workbook, title: str, columns: Sequence[Column], language: Language, freeze: str
) -> Worksheet:
    ws = wb.create_sheet(title)
    for i, column in enumerate(columns, start=1):
        cell = put(ws, 1, i, column.title(language), None)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        ws.column_dimensions[get_column_letter(i)].width = column.width + 2
    ws.freeze_panes = freeze
    return ws


def _rows(ws: Worksheet, columns: Sequence[Column], rows: list[list[object]]) -> None:
    """The body from row 2, with a filter over the header and the body."""
    for r, values in enumerate(rows, start=2):
        for c, (value, column) in enumerate(zip(values, columns, strict=True), start=1):
            put(ws, r, c, value, column.number_format)
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 1)}"


def _summary(wb: Workbook, settlement: Any, language: Language) -> None:
    ws = _sheet(wb, _pick(SHEETS["summary"], language), SUMMARY_COLUMNS, language, "D2")
    rows: list[list[object]] = [
        [settlement.month, p.partner_code, p.partner_name, p.credit_code, p.redemptions,
         p.write_offs, yuan_value(p.amount_fen), yuan_value(p.rebate_fen),
         yuan_value(p.total_fen)]
        for p in settlement.partners
    ]  # fmt: skip
    _rows(ws, SUMMARY_COLUMNS, rows)
    partners = settlement.partners
    totals: list[object] = [
        _pick(TOTAL, language), "", "", "", sum(p.redemptions for p in partners),
        sum(p.write_offs for p in partners), yuan_value(settlement.amount_fen),
        yuan_value(settlement.rebate_fen), yuan_value(settlement.total_fen),
    ]  # fmt: skip
    row = len(rows) + 2  # below the filtered range: sorting never moves it
    for c, (value, column) in enumerate(zip(totals, SUMMARY_COLUMNS, strict=True), start=1):
        cell = put(ws, row, c, value, column.number_format)
        cell.font, cell.fill = HEADER_FONT, TOTAL_FILL


def _lines(wb: Workbook, settlement: Any, language: Language) -> None:
    ws = _sheet(wb, _pick(SHEETS["lines"], language), LINE_COLUMNS, language, "D2")
    rows: list[list[object]] = [
        [settlement.month, p.partner_code, p.partner_name, line.benefit_code,
         line.benefit_name, yuan_value(line.unit_cost_fen), line.redemptions,
         line.write_offs, yuan_value(line.amount_fen)]
        for p in settlement.partners
        for line in p.lines
    ]  # fmt: skip
    _rows(ws, LINE_COLUMNS, rows)


def _rebates(wb: Workbook, settlement: Any, language: Language) -> None:
    ws = _sheet(wb, _pick(SHEETS["rebates"], language), REBATE_COLUMNS, language, "D2")
    rows: list[list[object]] = []
    for p in settlement.partners:
        for rebate in p.rebates:
            months = list(rebate.months) or [""]
            period = PERIODS.get(rebate.period, (rebate.period, rebate.period))
            rows.append([
                settlement.month, p.partner_code, p.partner_name, _pick(period, language),
                months[0], months[-1], yuan_value(rebate.period_amount_fen),
                yuan_value(rebate.target_fen), Decimal(rebate.rebate_permille) / 1000,
                yuan_value(rebate.rebate_fen),
            ])  # fmt: skip
    _rows(ws, REBATE_COLUMNS, rows)


SHEET_WRITERS: tuple[Callable[[Workbook, Any, Language], None], ...] = (
    _summary, _lines, _rebates,
)  # fmt: skip


def write_settlement_workbook(
    settlement: Any, path: str | os.PathLike[str], language: str = "zh_CN"
) -> Path:
    """Write the month's settlement to ``path`` (replaced atomically) and return the path.
    Raises ExcelWriteError when the file cannot be written."""
    lang: Language = "zh_CN" if language.lower().startswith("zh") else "en"
    wb = Workbook()
    wb.remove(wb.active)
    for write_sheet in SHEET_WRITERS:
        write_sheet(wb, settlement, lang)
    title = "异业合作结算" if lang == "zh_CN" else "Partner settlement"
    wb.properties.title = f"{title} {settlement.month}"
    wb.properties.creator = "Loyalty Desk"
    target = Path(path)
    save_workbook_atomically(target, wb.save)
    return target
