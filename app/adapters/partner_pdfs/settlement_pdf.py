"""The monthly partner settlement (异业合作结算单) as a printable PDF: A4 portrait, one
statement per partner, each starting on a new page and numbered on its own ("page 1 of 2" of
that partner's statement, so each can be sent on its own): the month, the partner, its credit
code and payment terms; the lines (benefit, unit cost, redemptions, write-offs, amount) with
the header repeated on every page; the amount, the rebate and the total payable; a sign-off
block. With several partners a summary page ends the document.

Texts are Chinese (``zh_CN``) or English, built in here so that the command line prints
without Qt. The adapter takes any object shaped like
``app.services.partners.settlement.Settlement``."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    LongTable,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from app.adapters.partner_pdfs.common import (
    BAND_FILL,
    HEAD_FILL,
    RULE,
    STATUS_NAMES,
    TOTAL_FILL,
    Document,
    SectionStart,
    language_of,
    paragraph_styles,
    permille_text,
    write_document,
    yuan,
)
from app.adapters.statement_pdf.fonts import Fonts, WrittenPdf, register_fonts
from app.adapters.statement_pdf.labels import programme_title
from app.domain.partners import month_range

PAGE = A4
# Benefit code, name, unit cost, redemptions, write-offs, amount: 180 mm inside the margins.
LINE_WIDTHS = [28 * mm, 56 * mm, 22 * mm, 24 * mm, 22 * mm, 28 * mm]
# Code, name, redemptions, write-offs, amount, rebate, total.
SUMMARY_WIDTHS = [28 * mm, 44 * mm, 16 * mm, 16 * mm, 27 * mm, 22 * mm, 27 * mm]
INFO_WIDTHS = [26 * mm, 64 * mm, 32 * mm, 58 * mm]
PERIOD_MONTHS = {"month": 1, "quarter": 3, "year": 12}

LABELS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "异业合作结算单",
        "summary_title": "异业合作结算汇总",
        "month": "结算月份",
        "month_range": "{month}（{first} 至 {last}）",
        "partner_label": "{name}（{code}）",
        "list_separator": "、",
        "colon": "：",
        "partner": "合作伙伴",
        "credit_code": "统一社会信用代码",
        "payment": "付款方式",
        "status": "合作状态",
        "prepaid": "预付",
        "postpaid": "后付",
        "no_payment": "本月无有效合同",
        "benefit_code": "权益编码",
        "benefit": "权益名称",
        "unit_cost": "单位成本",
        "redemptions": "兑换数",
        "write_offs": "核销数",
        "amount": "金额",
        "subtotal": "小计",
        "no_lines": "本月没有兑换。",
        "settled_amount": "结算金额",
        "rebate": "返利",
        "no_rebate": "返利（无返利约定）",
        "rebate_line": "返利（{period}，{first} 至 {last}，{months}/{size} 个月）：期间金额 "
        "{base}，目标 {target}，返利比例 {rate}",
        "rebate_pending": "；期间未结束，期末结算",
        "rebate_missed": "；未达目标",
        "total_payable": "应付合计",
        "note": "兑换数为本月发放且未取消的兑换券张数，按兑换券记载的单位成本结算；核销数为本月在"
        "经销商核销的张数，仅供核对。返利在返利期间的最后一个月结算，从应付金额中扣减。",
        "prepared_by": "制表人",
        "checked_by": "复核人",
        "confirmed_by": "合作伙伴确认（盖章）",
        "date": "日期：",
        "partners": "{count} 家合作伙伴",
        "code": "编码",
        "name": "名称",
        "total": "合计",
        "rebate_col": "返利",
        "total_col": "应付合计",
        "no_partners": "本月没有需要结算的合作伙伴。",
        "period.month": "月度",
        "period.quarter": "季度",
        "period.year": "年度",
        "printed_at": "生成时间",
        "page": "第 {page} 页 / 共 {pages} 页",
        "missing_glyphs": "以下字符无法显示：{chars}",
    },
    "en": {
        "title": "Partner settlement statement",
        "summary_title": "Partner settlement summary",
        "month": "Month",
        "month_range": "{month} ({first} to {last})",
        "partner_label": "{name} ({code})",
        "list_separator": ", ",
        "colon": ": ",
        "partner": "Partner",
        "credit_code": "Unified social credit code",
        "payment": "Payment terms",
        "status": "Status",
        "prepaid": "Prepaid",
        "postpaid": "Postpaid",
        "no_payment": "No contract in force this month",
        "benefit_code": "Benefit code",
        "benefit": "Benefit",
        "unit_cost": "Unit cost",
        "redemptions": "Redemptions",
        "write_offs": "Write-offs",
        "amount": "Amount",
        "subtotal": "Subtotal",
        "no_lines": "No redemptions this month.",
        "settled_amount": "Amount",
        "rebate": "Rebate",
        "no_rebate": "Rebate (none agreed)",
        "rebate_line": "Rebate ({period}, {first} to {last}, {months} of {size} months): billed "
        "{base}, target {target}, rate {rate}",
        "rebate_pending": "; the period has not ended: settled in its last month",
        "rebate_missed": "; target not reached",
        "total_payable": "Total payable",
        "note": "Redemptions are the vouchers issued in the month and not cancelled, at the unit "
        "cost each voucher carries; write-offs are the vouchers used at dealers in the month, "
        "for reference. A rebate is settled in the last month of its period and deducted from "
        "the amount payable.",
        "prepared_by": "Prepared by",
        "checked_by": "Checked by",
        "confirmed_by": "Partner confirmation (seal)",
        "date": "Date:",
        "partners": "{count} partners",
        "code": "Code",
        "name": "Name",
        "total": "Total",
        "rebate_col": "Rebate",
        "total_col": "Total payable",
        "no_partners": "No partner to settle this month.",
        "period.month": "monthly",
        "period.quarter": "quarterly",
        "period.year": "yearly",
        "printed_at": "Generated at",
        "page": "Page {page} of {pages}",
        "missing_glyphs": "These characters cannot be shown (no font has them): {chars}",
    },
}


class LineLike(Protocol):
    @property
    def benefit_code(self) -> str: ...

    @property
    def benefit_name(self) -> str: ...

    @property
    def unit_cost_fen(self) -> int: ...

    @property
    def redemptions(self) -> int: ...

    @property
    def write_offs(self) -> int: ...

    @property
    def amount_fen(self) -> int: ...


class RebateLike(Protocol):
    @property
    def period(self) -> str: ...

    @property
    def months(self) -> Sequence[str]: ...

    @property
    def period_amount_fen(self) -> int: ...

    @property
    def target_fen(self) -> int: ...

    @property
    def rebate_permille(self) -> int: ...

    @property
    def rebate_fen(self) -> int: ...


class PartnerSettlementLike(Protocol):
    @property
    def partner_code(self) -> str: ...

    @property
    def partner_name(self) -> str: ...

    @property
    def credit_code(self) -> str: ...

    @property
    def status(self) -> str: ...

    @property
    def month(self) -> str: ...

    @property
    def payment(self) -> Sequence[str]: ...

    @property
    def lines(self) -> Sequence[LineLike]: ...

    @property
    def rebates(self) -> Sequence[RebateLike]: ...

    @property
    def redemptions(self) -> int: ...

    @property
    def write_offs(self) -> int: ...

    @property
    def amount_fen(self) -> int: ...

    @property
    def rebate_fen(self) -> int: ...

    @property
    def total_fen(self) -> int: ...


class SettlementLike(Protocol):
    @property
    def month(self) -> str: ...

    @property
    def partners(self) -> Sequence[PartnerSettlementLike]: ...

    @property
    def amount_fen(self) -> int: ...

    @property
    def rebate_fen(self) -> int: ...

    @property
    def total_fen(self) -> int: ...


def partner_label(partner: PartnerSettlementLike, labels: dict[str, str]) -> str:
    return labels["partner_label"].format(name=partner.partner_name, code=partner.partner_code)


def payment_text(payment: Sequence[str], labels: dict[str, str]) -> str:
    names = [labels.get(p, p) for p in payment]
    return labels["list_separator"].join(names) or labels["no_payment"]


def rebate_text(rebate: RebateLike, labels: dict[str, str]) -> str:
    """What the rebate was worked out from: period, its months so far, billed, target, rate."""
    size = PERIOD_MONTHS.get(rebate.period, len(rebate.months))
    months = list(rebate.months) or ["—"]
    text = labels["rebate_line"].format(
        period=labels.get(f"period.{rebate.period}", rebate.period), first=months[0],
        last=months[-1], months=len(rebate.months), size=size,
        base=yuan(rebate.period_amount_fen), target=yuan(rebate.target_fen),
        rate=permille_text(rebate.rebate_permille),
    )  # fmt: skip
    if len(rebate.months) < size:
        return text + labels["rebate_pending"]
    return text + (labels["rebate_missed"] if rebate.rebate_fen == 0 else "")


# --- one partner's statement -----------------------------------------------------------------


def _info_block(partner: PartnerSettlementLike, doc: Document, lang: str) -> Table:
    labels = doc.labels
    first, last = month_range(partner.month)
    month = labels["month_range"].format(month=partner.month, first=first, last=last)
    status = STATUS_NAMES.get(partner.status, (partner.status, partner.status))
    name = partner_label(partner, labels)
    rows = [
        [labels["partner"], name, labels["credit_code"], partner.credit_code],
        [labels["month"], month, labels["payment"], payment_text(partner.payment, labels)],
        [labels["status"], status[0] if lang == "zh_CN" else status[1], "", ""],
    ]
    data = [
        [doc.para(a, "label"), doc.para(b, "value", True), doc.para(c, "label"),
         doc.para(d, "value")]
        for a, b, c, d in rows
    ]  # fmt: skip
    table = Table(data, colWidths=INFO_WIDTHS, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))  # fmt: skip
    return table


def _lines_table(partner: PartnerSettlementLike, doc: Document) -> LongTable:
    labels = doc.labels
    data: list[list[object]] = [[
        doc.para(labels["benefit_code"], "head", True), doc.para(labels["benefit"], "head", True),
        doc.para(labels["unit_cost"], "head_right", True),
        doc.para(labels["redemptions"], "head_right", True),
        doc.para(labels["write_offs"], "head_right", True),
        doc.para(labels["amount"], "head_right", True),
    ]]  # fmt: skip
    for line in partner.lines:
        data.append([
            doc.para(line.benefit_code, "cell"), doc.para(line.benefit_name, "cell"),
            doc.para(yuan(line.unit_cost_fen), "cell_right"),
            doc.para(f"{line.redemptions:,}", "cell_right"),
            doc.para(f"{line.write_offs:,}", "cell_right"),
            doc.para(yuan(line.amount_fen), "cell_right"),
        ])  # fmt: skip
    style: list[tuple] = []
    if not partner.lines:
        data.append([doc.para(labels["no_lines"], "quiet"), "", "", "", "", ""])
        style.append(("SPAN", (0, 1), (-1, 1)))
    data.append([
        doc.para(labels["subtotal"], "cell", True), "", "",
        doc.para(f"{partner.redemptions:,}", "cell_right", True),
        doc.para(f"{partner.write_offs:,}", "cell_right", True),
        doc.para(yuan(partner.amount_fen), "cell_right", True),
    ])  # fmt: skip
    table = LongTable(data, colWidths=LINE_WIDTHS, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(_grid_style(len(data) - 1) + style))
    return table


def _grid_style(last: int) -> list[tuple]:
    """A header row, banded body rows and a total row (``last``)."""
    return [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("ROWBACKGROUNDS", (0, 1), (-1, last - 1), [colors.white, BAND_FILL]),
        ("LINEBELOW", (0, 1), (-1, last - 1), 0.25, RULE),
        ("BACKGROUND", (0, last), (-1, last), TOTAL_FILL),
        ("LINEABOVE", (0, last), (-1, last), 0.8, colors.black),
        ("LINEBELOW", (0, last), (-1, last), 0.8, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]


def _totals_block(partner: PartnerSettlementLike, doc: Document) -> Table:
    labels = doc.labels
    rows: list[list[object]] = [
        [doc.para(labels["settled_amount"], "value"),
         doc.para(yuan(partner.amount_fen), "cell_right")],
    ]  # fmt: skip
    for rebate in partner.rebates:
        rows.append([doc.para(rebate_text(rebate, labels), "value"),
                     doc.para(yuan(-rebate.rebate_fen), "cell_right")])  # fmt: skip
    if not partner.rebates:
        rows.append([doc.para(labels["no_rebate"], "value"), doc.para(yuan(0), "cell_right")])
    rows.append([doc.para(labels["total_payable"], "subtitle", True),
                 doc.para(yuan(partner.total_fen), "total_right", True)])  # fmt: skip
    table = Table(rows, colWidths=[140 * mm, 40 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))  # fmt: skip
    return table


def _sign_off(doc: Document) -> Table:
    labels = doc.labels
    roles = [labels["prepared_by"], labels["checked_by"], labels["confirmed_by"]]
    data = [
        [doc.para(role, "value", True) for role in roles],
        ["", "", ""],
        [doc.para(labels["date"], "label") for _ in roles],
    ]
    table = Table(data, colWidths=[60 * mm] * 3, rowHeights=[None, 16 * mm, None],
                  hAlign="LEFT")  # fmt: skip
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 0.5, RULE),
        ("LINEBEFORE", (1, 0), (-1, -1), 0.5, RULE),
        ("LINEBELOW", (0, 1), (-1, 1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))  # fmt: skip
    return table


def statement_story(partner: PartnerSettlementLike, doc: Document, lang: str) -> list[Flowable]:
    story: list[Flowable] = [SectionStart(partner.partner_code, partner_label(partner, doc.labels))]
    if doc.programme:
        story.append(doc.para(doc.programme, "programme"))
    story += [
        doc.para(doc.labels["title"], "title", True),
        Spacer(0, 3 * mm),
        _info_block(partner, doc, lang),
        Spacer(0, 5 * mm),
        _lines_table(partner, doc),
        Spacer(0, 4 * mm),
        KeepTogether([_totals_block(partner, doc), Spacer(0, 2 * mm),
                      doc.para(doc.labels["note"], "note")]),
        Spacer(0, 8 * mm),
        KeepTogether([_sign_off(doc)]),
    ]  # fmt: skip
    return story


# --- the summary ----------------------------------------------------------------------------


def _summary_table(settlement: SettlementLike, doc: Document) -> LongTable:
    labels = doc.labels
    heads = [("code", "head"), ("name", "head"), ("redemptions", "head_right"),
             ("write_offs", "head_right"), ("amount", "head_right"),
             ("rebate_col", "head_right"), ("total_col", "head_right")]  # fmt: skip
    data: list[list[object]] = [[doc.para(labels[key], style, True) for key, style in heads]]
    for p in settlement.partners:
        data.append([
            doc.para(p.partner_code, "cell"), doc.para(p.partner_name, "cell"),
            doc.para(f"{p.redemptions:,}", "cell_right"),
            doc.para(f"{p.write_offs:,}", "cell_right"),
            doc.para(yuan(p.amount_fen), "cell_right"), doc.para(yuan(-p.rebate_fen), "cell_right"),
            doc.para(yuan(p.total_fen), "cell_right"),
        ])  # fmt: skip
    partners = settlement.partners
    data.append([
        doc.para(labels["total"], "cell", True), "",
        doc.para(f"{sum(p.redemptions for p in partners):,}", "cell_right", True),
        doc.para(f"{sum(p.write_offs for p in partners):,}", "cell_right", True),
        doc.para(yuan(settlement.amount_fen), "cell_right", True),
        doc.para(yuan(-settlement.rebate_fen), "cell_right", True),
        doc.para(yuan(settlement.total_fen), "cell_right", True),
    ])  # fmt: skip
    table = LongTable(data, colWidths=SUMMARY_WIDTHS, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(_grid_style(len(data) - 1)))
    return table


def summary_story(settlement: SettlementLike, doc: Document) -> list[Flowable]:
    labels = doc.labels
    first, last = month_range(settlement.month)
    month = labels["month_range"].format(month=settlement.month, first=first, last=last)
    story: list[Flowable] = [SectionStart("", labels["summary_title"])]
    if doc.programme:
        story.append(doc.para(doc.programme, "programme"))
    count = doc.text("partners", count=len(settlement.partners))
    story += [
        doc.para(labels["summary_title"], "title", True),
        Spacer(0, 1 * mm),
        doc.para(f"{labels['month']}{labels['colon']}{month} · {count}", "info"),
        Spacer(0, 4 * mm),
    ]
    if not settlement.partners:
        return [*story, doc.para(labels["no_partners"], "value")]
    return [*story, _summary_table(settlement, doc)]


def _story(settlement: SettlementLike, doc: Document, lang: str) -> list[Flowable]:
    story: list[Flowable] = []
    for partner in settlement.partners:
        if story:
            story.append(PageBreak())
        story += statement_story(partner, doc, lang)
    if len(settlement.partners) != 1:  # several partners, or none: the summary says so
        if story:
            story.append(PageBreak())
        story += summary_story(settlement, doc)
    return story


def write_settlement(
    settlement: SettlementLike,
    path: str | os.PathLike[str],
    language: str = "zh_CN",
    *,
    programme: str = "",
    printed_at: datetime | None = None,
    fonts: Fonts | None = None,
) -> WrittenPdf:
    """Render the statements to ``path`` (replaced atomically); returns the path with the
    characters no font has as ``missing_glyphs``. ``printed_at`` is shown as it is (the
    caller converts it to the programme's time zone). Raises PdfWriteError when the file
    cannot be written."""
    lang = language_of(language)
    fonts = (fonts or register_fonts()).for_document()
    labels = LABELS[lang]
    printed = printed_at.strftime("%Y-%m-%d %H:%M") if printed_at else ""
    doc = Document(fonts, dict(labels), programme_title(programme, lang), labels["title"],
                   printed, paragraph_styles(fonts, lang))  # fmt: skip
    return write_document(path, _story(settlement, doc, lang), doc, PAGE)
