"""The points receipt (积分抵扣凭证) as a PDF: an 80 mm receipt-like page the member signs
when points are used against the labour or parts of a repair order, drawn with reportlab.

``write_points_receipt`` takes any object shaped like :class:`ReceiptLike`
(``app.services.points.receipts.PointsReceipt`` is one; the adapter does not import the
services). Texts come from the built-in labels of ``locale`` (Simplified Chinese when it
starts with "zh", else English), with the caller's ``labels`` laid over them key by key.
The layout is the voucher slip's (``app.adapters.benefit_pdfs.voucher_slip``), in the
statement's CJK font (``app.adapters.statement_pdf.fonts``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Protocol

from reportlab.lib import colors
from reportlab.lib.units import mm

from app.adapters.benefit_pdfs.voucher_slip import (
    Block,
    field_block,
    format_yuan,
    rule_block,
    signature_block,
    space_block,
    text_block,
    write_strip,
)
from app.adapters.statement_pdf.fonts import (
    Fonts,
    WrittenPdf,
    missing_codes,
    register_fonts,
)
from app.adapters.statement_pdf.labels import fill_label, programme_title
from app.adapters.statement_pdf.writing import DEFAULT_TIMEZONE, local_time

GREY = colors.HexColor("#555555")

LABELS: dict[str, str] = {
    "title": "Points deduction receipt",
    "receipt_no": "Receipt no.",
    "member_number": "Member no.",
    "member_name": "Name",
    "reference": "Repair order",
    "target": "Deducted from",
    "target.labour": "Labour",
    "target.parts": "Parts",
    "points": "Points used",
    "points_value": "{points} points",
    "value": "Value",
    "balance_after": "Balance after",
    "dealer": "Dealer",
    "time": "Date and time",
    "operator": "Operator",
    "confirm": "I confirm the deduction above.",
    "signature": "Member's signature",
    "date": "Date",
    "printed_at": "Printed {time}",
    "missing_glyphs": "These characters cannot be shown (no font has them): {chars}",
}

LABELS_ZH: dict[str, str] = {
    "title": "积分抵扣凭证",
    "receipt_no": "凭证号",
    "member_number": "会员号",
    "member_name": "会员姓名",
    "reference": "维修工单号",
    "target": "抵扣项目",
    "target.labour": "工时费",
    "target.parts": "配件费",
    "points": "抵扣积分",
    "points_value": "{points} 积分",
    "value": "抵扣金额",
    "balance_after": "抵扣后积分余额",
    "dealer": "经销商",
    "time": "抵扣时间",
    "operator": "经办人",
    "confirm": "本人确认以上积分抵扣无误。",
    "signature": "会员签字",
    "date": "日期",
    "printed_at": "打印时间 {time}",
    "missing_glyphs": "以下字符无法显示：{chars}",
}


class ReceiptLike(Protocol):
    @property
    def programme_name(self) -> str: ...
    @property
    def entry_id(self) -> int: ...
    @property
    def member_number(self) -> str: ...
    @property
    def member_name(self) -> str: ...  # masked by the caller
    @property
    def reference(self) -> str: ...
    @property
    def target(self) -> str: ...  # labour | parts
    @property
    def points(self) -> int: ...
    @property
    def value_fen(self) -> int: ...
    @property
    def balance_after(self) -> int: ...
    @property
    def dealer_name(self) -> str | None: ...
    @property
    def posted_at(self) -> datetime: ...
    @property
    def operator(self) -> str: ...
    @property
    def printed_at(self) -> datetime: ...


def receipt_labels(
    labels: Mapping[str, str] | None = None, locale: str = "zh_CN"
) -> dict[str, str]:
    merged = dict(LABELS_ZH if locale.lower().startswith("zh") else LABELS)
    merged.update(labels or {})
    return merged


def receipt_blocks(
    receipt: ReceiptLike,
    labels: Mapping[str, str],
    fonts: Fonts,
    posted: str,
    printed: str,
    programme: str | None = None,
) -> list[Block]:
    """The receipt's blocks; ``programme``: the name printed at the top (default: the
    receipt's ``programme_name`` as it is)."""
    target = labels.get(f"target.{receipt.target}", receipt.target)
    points = fill_label(labels["points_value"], points=f"{receipt.points:,}")
    balance = fill_label(labels["points_value"], points=f"{receipt.balance_after:,}")
    blocks = [
        text_block(
            receipt.programme_name if programme is None else programme,
            fonts,
            9,
            centred=True,
            colour=GREY,
        ),
        text_block(labels["title"], fonts, 17, centred=True, bold=True),
        rule_block(),
        field_block(labels["receipt_no"], str(receipt.entry_id), fonts),
        field_block(labels["member_number"], receipt.member_number, fonts),
        field_block(labels["member_name"], receipt.member_name, fonts),
        field_block(labels["reference"], receipt.reference, fonts),
        field_block(labels["target"], target, fonts),
        rule_block(dashed=True),
        field_block(labels["points"], points, fonts, size=11),
        field_block(labels["value"], format_yuan(receipt.value_fen), fonts, size=11),
        field_block(labels["balance_after"], balance, fonts),
        rule_block(dashed=True),
        field_block(labels["dealer"], receipt.dealer_name or "—", fonts),
        field_block(labels["time"], posted, fonts),
        field_block(labels["operator"], receipt.operator, fonts),
        rule_block(),
        text_block(labels["confirm"], fonts, 8.5),
        signature_block(labels, fonts),
        space_block(2 * mm),
        text_block(fill_label(labels["printed_at"], time=printed), fonts, 7, colour=GREY),
    ]
    if fonts.missing:  # known once every text above has been measured
        note = fill_label(labels["missing_glyphs"], chars=missing_codes(fonts.missing))
        blocks.append(text_block(note, fonts, 7, colour=colors.HexColor("#B00020")))
    return blocks


def write_points_receipt(
    receipt: ReceiptLike,
    path: str | os.PathLike[str],
    labels: Mapping[str, str] | None = None,
    locale: str = "zh_CN",
    *,
    timezone: str | tzinfo | None = DEFAULT_TIMEZONE,
    fonts: Fonts | None = None,
) -> WrittenPdf:
    """Render the receipt to ``path`` (replaced atomically) and return the path, with the
    characters no font has (□ on the receipt, named at its foot) as ``missing_glyphs``. Raises
    :class:`PdfWriteError` when the file cannot be written (e.g. open in a viewer)."""
    path = Path(path)
    fonts = (fonts or register_fonts()).for_document()
    merged = receipt_labels(labels, locale)
    posted = local_time(receipt.posted_at, timezone).strftime("%Y-%m-%d %H:%M")
    printed = local_time(receipt.printed_at, timezone).strftime("%Y-%m-%d %H:%M")
    programme = programme_title(receipt.programme_name, locale)
    blocks = receipt_blocks(receipt, merged, fonts, posted, printed, programme)
    return write_strip(path, blocks, fonts, f"{merged['title']} {receipt.entry_id}", programme)
