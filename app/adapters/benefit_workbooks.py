"""The benefit orders workbook (兑换记录): one voucher a row, as the orders screen lists them.

Written with the streaming writer of :mod:`app.adapters.workbooks` (header row frozen, with a
filter). Headers, channels and statuses are in Chinese (``zh_CN``) or English. Voucher codes
(in groups of four, as printed on the slip) and member numbers are text cells in the Text
number format, so Excel never turns them into numbers; yuan amounts are numbers with two
decimals, dates Excel dates. Names are written as the service gave them (masked for users
who may not see them).

``write_orders`` takes rows shaped like ``app.services.benefits.OrderRow``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from app.adapters.workbooks.columns import Language
from app.adapters.workbooks.writer import (
    DATE_STYLE,
    HEADER_STYLE,
    MONEY_STYLE,
    PLAIN_STYLE,
    TEXT_STYLE,
    XlsxBook,
)
from app.domain.benefits import format_code


@dataclass(frozen=True)
class OrderColumn:
    key: str  # the row attribute written in the column
    zh: str
    en: str
    width: int
    style: int = PLAIN_STYLE

    def title(self, language: Language) -> str:
        return self.zh if language == "zh_CN" else self.en


ORDER_COLUMNS: tuple[OrderColumn, ...] = (
    OrderColumn("issued_on", "兑换日期", "Redeemed on", 12, DATE_STYLE),
    OrderColumn("code", "券码", "Voucher code", 22, TEXT_STYLE),
    OrderColumn("member_number", "会员号", "Member number", 15, TEXT_STYLE),
    OrderColumn("member_name", "姓名", "Name", 12),
    OrderColumn("benefit_code", "权益编码", "Benefit code", 14, TEXT_STYLE),
    OrderColumn("benefit_name", "权益名称", "Benefit", 24),
    OrderColumn("channel", "渠道", "Channel", 12),
    OrderColumn("points", "积分", "Points", 10),
    OrderColumn("face_value_fen", "面值（元）", "Face value (yuan)", 14, MONEY_STYLE),
    OrderColumn("unit_cost_fen", "单位成本（元）", "Unit cost (yuan)", 14, MONEY_STYLE),
    OrderColumn("status", "状态", "Status", 10),
    OrderColumn("expires_on", "有效期至", "Expires on", 12, DATE_STYLE),
    OrderColumn("issued_dealer", "兑换经销商", "Redeemed at", 26),
    OrderColumn("used_on", "核销日期", "Written off on", 12, DATE_STYLE),
    OrderColumn("used_dealer", "核销经销商", "Written off at", 26),
    OrderColumn("issued_by", "经办人", "Issued by", 12),
)

CHANNELS: dict[str, tuple[str, str]] = {
    "redemption": ("积分兑换", "Points redemption"),
    "tier": ("等级权益", "Tier benefit"),
    "other": ("其他权益", "Other benefit"),
}
STATUSES: dict[str, tuple[str, str]] = {
    "issued": ("未使用", "Not used"),
    "used": ("已核销", "Written off"),
    "cancelled": ("已取消", "Cancelled"),
    "expired": ("已过期", "Expired"),
}
HEADQUARTERS = ("总部", "Headquarters")
SHEET = ("兑换记录", "Benefit orders")


def _name(names: dict[str, tuple[str, str]], code: str, language: Language) -> str:
    found = names.get(code)
    if found is None:
        return code
    return found[0] if language == "zh_CN" else found[1]


def _values(language: Language) -> dict[str, Callable[[object], object]]:
    """How a column's value is written when it is not the attribute as it is."""
    zh = language == "zh_CN"
    headquarters = HEADQUARTERS[0] if zh else HEADQUARTERS[1]
    return {
        "code": lambda code: format_code(str(code)),
        "channel": lambda code: _name(CHANNELS, str(code), language),
        "status": lambda code: _name(STATUSES, str(code), language),
        "face_value_fen": lambda fen: Decimal(int(fen)) / 100,
        "unit_cost_fen": lambda fen: Decimal(int(fen)) / 100,
        "issued_dealer": lambda name: name or headquarters,
    }


def write_orders(
    rows: Iterable[object],
    path: str | os.PathLike[str],
    language: Language = "zh_CN",
    on_row: Callable[[int], None] | None = None,
) -> int:
    """The orders, one a row; returns the rows written. ``on_row(count)`` is called after
    each row (progress, cancel). Raises ExcelWriteError when the file cannot be written."""
    book = XlsxBook()
    columns = ORDER_COLUMNS
    sheet = book.add_sheet(
        SHEET[0] if language == "zh_CN" else SHEET[1], [c.width + 2 for c in columns], "A2"
    )
    sheet.autofilter = True
    sheet.append([c.title(language) for c in columns], HEADER_STYLE)
    shown = _values(language)
    styles = [c.style for c in columns]
    count = 0
    for row in rows:
        values = []
        for column in columns:
            value = getattr(row, column.key)
            convert = shown.get(column.key)
            values.append(convert(value) if convert is not None else value)
        sheet.append(values, styles)
        count += 1
        if on_row is not None:
            on_row(count)
    book.save(Path(path))
    return count
