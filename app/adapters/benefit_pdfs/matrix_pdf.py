"""The tier benefit matrix (等级权益矩阵) as a printable PDF: A4 landscape, one row per tier
benefit, one column per tier, each cell the quantity per period and the value or discount.

Cells headquarters has not set yet are shaded and say so. Text is Chinese (``zh_CN``) or
English, built in here so that the command line prints without Qt; fonts are the statement's
(:func:`app.adapters.statement_pdf.register_fonts`: an embedded CJK TrueType font when the
system has one). The adapter takes any object shaped like ``app.services.benefits.Matrix``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Literal, Protocol

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from app.adapters.files import save_atomically
from app.adapters.statement_pdf.fonts import (
    Fonts,
    WrittenPdf,
    draw_text,
    markup,
    register_fonts,
    written_pdf,
)
from app.adapters.statement_pdf.labels import programme_title
from app.adapters.statement_pdf.layout import draw_missing_note
from app.adapters.statement_pdf.writing import PDF_WRITE_FAILED, PdfWriteError
from app.domain.benefits import Entitlement, QuotaPeriod

Language = Literal["zh_CN", "en"]
PAGE = landscape(A4)
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 15 * mm, 18 * mm, 18 * mm
NAME_WIDTH, VALUE_WIDTH = 58 * mm, 26 * mm
_GREY = colors.HexColor("#666666")
_RULE = colors.HexColor("#BBBBBB")
_HEAD_FILL = colors.HexColor("#E4E8EE")
_BAND_FILL = colors.HexColor("#F5F6F8")
_UNSET_FILL = colors.HexColor("#FFF3CD")
_UNSET_TEXT = colors.HexColor("#664D03")

LABELS: dict[Language, dict[str, str]] = {
    "zh_CN": {
        "title": "等级权益矩阵",
        "benefit": "权益",
        "face_value": "权益面值",
        "printed_at": "打印时间",
        "page": "第 {page} 页，共 {pages} 页",
        "not_set": "未设置",
        "none": "不享有",
        "per_validity": "{n} 次/有效期",
        "per_year": "{n} 次/年",
        "discount": "{rate}折",
        "summary": "{items} 项权益，{tiers} 个等级",
        "unset": "{n} 格未设置",
        "all_set": "全部已设置",
        "not_listed": "未上架",
        "no_items": "还没有等级权益。",
        "missing_glyphs": "以下字符无法显示：{chars}",
        "note": "次数为会员在每个等级有效期（或每个自然年）内可兑换的次数；金额为该等级所得兑换券的"
        "面值，未注明时按权益面值。",
    },
    "en": {
        "title": "Tier benefit matrix",
        "benefit": "Benefit",
        "face_value": "Face value",
        "printed_at": "Printed at",
        "page": "Page {page} of {pages}",
        "not_set": "Not set",
        "none": "Not included",
        "per_validity": "{n} per validity period",
        "per_year": "{n} per year",
        "discount": "{rate}% off",
        "summary": "{items} benefits, {tiers} tiers",
        "unset": "{n} cells not set yet",
        "all_set": "All cells set",
        "not_listed": "not listed",
        "no_items": "No tier benefits yet.",
        "missing_glyphs": "These characters cannot be shown (no font has them): {chars}",
        "note": "Quantities are how many a member may redeem in each tier validity period (or "
        "calendar year); amounts are the value of the tier's voucher, the benefit's face "
        "value where none is given.",
    },
}


class MatrixItemLike(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...

    @property
    def status(self) -> str: ...

    @property
    def face_value_fen(self) -> int: ...


class MatrixLike(Protocol):
    @property
    def tiers(self) -> Sequence[tuple[str, str]]: ...  # (code, name), lowest first

    @property
    def items(self) -> Sequence[MatrixItemLike]: ...

    @property
    def unset(self) -> int: ...

    def cell(self, benefit_id: int, tier_code: str) -> Entitlement: ...


def yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}¥{whole:,}.{cents:02d}"


def _decimal(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def discount_text(permille: int, language: Language) -> str:
    """900 → "9折" / "10% off"; 885 → "8.85折" / "11.5% off"."""
    labels = LABELS[language]
    if language == "zh_CN":
        return labels["discount"].format(rate=_decimal(Decimal(permille) / 100))
    return labels["discount"].format(rate=_decimal(Decimal(1000 - permille) / 10))


def cell_text(cell: Entitlement, language: Language = "zh_CN") -> str:
    """ "2 次/有效期 · ¥200.00", "1 次/年 · 9折", "不享有" or "未设置"."""
    labels = LABELS[language]
    if cell.quantity is None:
        return labels["not_set"]
    if cell.quantity == 0:
        return labels["none"]
    key = "per_year" if cell.period == QuotaPeriod.YEAR else "per_validity"
    parts = [labels[key].format(n=f"{cell.quantity:,}")]
    if cell.value_fen is not None:
        parts.append(yuan(cell.value_fen))
    if cell.discount_permille is not None:
        parts.append(discount_text(cell.discount_permille, language))
    return " · ".join(parts)


@dataclass
class _Context:
    fonts: Fonts
    labels: dict[str, str]
    programme: str
    printed: str
    styles: dict[str, ParagraphStyle]

    def para(self, text: str, style: str, bold: bool = False) -> Paragraph:
        return Paragraph(markup(self.fonts.clean(text), self.fonts, bold), self.styles[style])


def _styles(fonts: Fonts) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=fonts.regular, fontSize=9, leading=12, wordWrap="CJK")
    return {
        "programme": ParagraphStyle("programme", base, fontSize=10, leading=14, textColor=_GREY),
        "title": ParagraphStyle("title", base, fontName=fonts.bold, fontSize=18, leading=24),
        "info": ParagraphStyle("info", base, textColor=_GREY),
        "head": ParagraphStyle("head", base, fontName=fonts.bold, leading=11),
        "head_centre": ParagraphStyle(
            "head_centre", base, fontName=fonts.bold, leading=11, alignment=TA_CENTER
        ),
        "cell": ParagraphStyle("cell", base, leading=11),
        "cell_centre": ParagraphStyle("cell_centre", base, leading=11, alignment=TA_CENTER),
        "unset": ParagraphStyle(
            "unset", base, leading=11, alignment=TA_CENTER, textColor=_UNSET_TEXT
        ),
        "quiet": ParagraphStyle("quiet", base, leading=11, alignment=TA_CENTER, textColor=_GREY),
        "small": ParagraphStyle("small", base, fontSize=7.5, leading=9, textColor=_GREY),
        "note": ParagraphStyle("note", base, fontSize=8, leading=11, textColor=_GREY),
    }


def _widths(tiers: int) -> list[float]:
    room = PAGE[0] - 2 * MARGIN_X - NAME_WIDTH - VALUE_WIDTH
    return [NAME_WIDTH, VALUE_WIDTH, *([room / max(tiers, 1)] * max(tiers, 1))]


def _name_cell(item: MatrixItemLike, ctx: _Context) -> object:
    name = ctx.para(item.name, "cell", bold=True)
    if item.status == "listed":
        return name
    return [name, ctx.para(ctx.labels["not_listed"], "small")]


def _matrix_table(matrix: MatrixLike, ctx: _Context, language: Language) -> LongTable:
    tiers = list(matrix.tiers)
    labels = ctx.labels
    data: list[list[object]] = [
        [ctx.para(labels["benefit"], "head", True), ctx.para(labels["face_value"], "head", True)]
        + [ctx.para(name, "head_centre", True) for _code, name in tiers]
    ]
    style: list[tuple] = []
    for r, item in enumerate(matrix.items, start=1):
        value = yuan(item.face_value_fen) if item.face_value_fen else "—"
        row: list[object] = [_name_cell(item, ctx), ctx.para(value, "cell")]
        for c, (code, _name) in enumerate(tiers, start=2):
            cell = matrix.cell(item.id, code)
            kind = (
                "unset" if not cell.is_set else ("quiet" if cell.quantity == 0 else "cell_centre")
            )
            row.append(ctx.para(cell_text(cell, language), kind))
            if not cell.is_set:
                style.append(("BACKGROUND", (c, r), (c, r), _UNSET_FILL))
        data.append(row)
    if len(data) == 1:
        data.append([ctx.para(labels["no_items"], "cell")] + [""] * (len(tiers) + 1))
        style.append(("SPAN", (0, 1), (-1, 1)))
    table = LongTable(data, colWidths=_widths(len(tiers)), repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(_table_style(len(data) - 1) + style))
    return table


def _table_style(last: int) -> list[tuple]:
    return [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("ROWBACKGROUNDS", (0, 1), (-1, last), [colors.white, _BAND_FILL]),
        ("LINEBELOW", (0, 1), (-1, last), 0.25, _RULE),
        ("LINEBEFORE", (2, 0), (-1, last), 0.25, _RULE),
        ("LINEBELOW", (0, last), (-1, last), 0.8, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]


def _story(matrix: MatrixLike, ctx: _Context, language: Language) -> list[Flowable]:
    labels = ctx.labels
    unset = matrix.unset
    counts = [
        labels["summary"].format(items=len(matrix.items), tiers=len(matrix.tiers)),
        labels["unset"].format(n=unset) if unset else labels["all_set"],
        f"{labels['printed_at']} {ctx.printed}",
    ]
    story: list[Flowable] = []
    if ctx.programme:
        story.append(ctx.para(ctx.programme, "programme"))
    story += [
        ctx.para(labels["title"], "title", True),
        Spacer(0, 2 * mm),
        ctx.para(" · ".join(counts), "info"),
        Spacer(0, 4 * mm),
        _matrix_table(matrix, ctx, language),
        Spacer(0, 4 * mm),
        ctx.para(labels["note"], "note"),
    ]
    return story


def _numbered_canvas(ctx: _Context) -> type[Canvas]:
    """Holds the pages until the end, then writes the footer with "page x of y" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            width = PAGE[0]
            y = MARGIN_BOTTOM - 9 * mm
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                self.setFillColor(_GREY)
                self.setStrokeColor(_RULE)
                self.setLineWidth(0.5)
                self.line(MARGIN_X, y + 4 * mm, width - MARGIN_X, y + 4 * mm)
                footer = " · ".join(p for p in (ctx.programme, ctx.labels["title"]) if p)
                draw_text(self, MARGIN_X, y, footer, ctx.fonts, 8)
                page = ctx.labels["page"].format(page=number, pages=total)
                draw_text(self, width - MARGIN_X, y, page, ctx.fonts, 8, right=True)
                draw_missing_note(self, MARGIN_X, y - 4 * mm, ctx.fonts, ctx.labels)
                super().showPage()
            super().save()

    return NumberedCanvas


def write_matrix(
    matrix: MatrixLike,
    path: str | os.PathLike[str],
    language: Language = "zh_CN",
    *,
    programme: str = "",
    printed_at: datetime | None = None,
    fonts: Fonts | None = None,
) -> WrittenPdf:
    """Render the matrix to ``path`` (replaced atomically) and return the path, with the
    characters no font has (□ in the PDF, named in its footer) as ``missing_glyphs``.
    ``printed_at``: shown as it is (the caller converts it to the programme's time zone).
    Raises :class:`PdfWriteError` when the file cannot be written."""
    path = Path(path)
    fonts = (fonts or register_fonts()).for_document()
    labels = LABELS["zh_CN" if language == "zh_CN" else "en"]
    printed = printed_at.strftime("%Y-%m-%d %H:%M") if printed_at else ""
    programme = programme_title(programme, language)
    ctx = _Context(fonts, labels, programme, printed, _styles(fonts))
    story = _story(matrix, ctx, language)

    def build(target: IO[bytes]) -> None:
        doc = SimpleDocTemplate(
            target,
            pagesize=PAGE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=labels["title"],
            author=programme,
            creator="Loyalty Desk",
        )
        doc.build(story, canvasmaker=_numbered_canvas(ctx))

    save_atomically(path, build, PdfWriteError, PDF_WRITE_FAILED)
    return written_pdf(path, fonts)
