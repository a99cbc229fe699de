"""The statement's page: A4, a header block, the entries table, the totals, and on every page
a running header, the printed-at time and "page x of y"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    LongTable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.adapters.statement_pdf.fonts import (
    Fonts,
    draw_text,
    font_spans,
    markup,
    missing_codes,
    text_width,
)
from app.adapters.statement_pdf.labels import describe, fill_label, format_points
from app.adapters.statement_pdf.shapes import StatementLike

PAGE = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 15 * mm, 22 * mm, 18 * mm
# Date, description, reference, dealer, points, balance: 180 mm, the A4 width inside margins.
COLUMN_WIDTHS = (21 * mm, 43 * mm, 33 * mm, 39 * mm, 20 * mm, 24 * mm)
LATIN_COLUMNS = (0, 2, 4, 5)  # mostly ASCII: the Latin font with the built-in CJK font
RIGHT_COLUMNS = (4, 5)
TABLE_SIZE, TABLE_LEADING = 8.5, 10.5
CELL_PADDING = 3  # points, each side (reportlab's default for tables)
_GREY = colors.HexColor("#666666")
_RULE = colors.HexColor("#BBBBBB")
_HEAD_FILL = colors.HexColor("#E4E8EE")
_BAND_FILL = colors.HexColor("#F5F6F8")
_TOTAL_FILL = colors.HexColor("#EEF1F5")


@dataclass
class LayoutContext:
    """What the flowables and the page decorations need."""

    fonts: Fonts
    labels: dict[str, str]
    programme: str
    member: str
    printed: str
    styles: dict[str, ParagraphStyle]

    def points(self, value: int, signed: bool = False) -> str:
        return format_points(value, signed, self.fonts.minus)

    def cell(
        self, text: str | None, width: float, style: str, latin: bool = False, right: bool = False
    ) -> object:
        """A table cell: plain text when it fits on one line in the column's font (fast),
        else a paragraph that wraps and switches fonts. ``latin``: the column's font is the
        Latin one; ``right``: the column is right-aligned."""
        fonts, st = self.fonts, self.styles[style + ("_right" if right else "")]
        text = fonts.clean(text or "")
        bold = style == "head"
        if latin and fonts.mixed:
            font = fonts.latin_bold if bold else fonts.latin
        else:
            font = fonts.bold if bold else fonts.regular
        spans = font_spans(text, fonts, bold)  # one piece in the column's font: plain text
        if len(spans) <= 1 and (not spans or spans[0][1] == font) and "\n" not in text:
            plain = spans[0][0] if spans else ""
            if pdfmetrics.stringWidth(plain, font, st.fontSize) <= width - 2 * CELL_PADDING:
                return plain
        return Paragraph(markup(text, fonts, bold), self._wrapping(st, text))

    def para(self, text: str, style: str) -> Paragraph:
        text, st = self.fonts.clean(text), self.styles[style]
        return Paragraph(markup(text, self.fonts, style == "title"), self._wrapping(st, text))

    def _wrapping(self, st: ParagraphStyle, text: str) -> ParagraphStyle:
        """Text without CJK wraps between words (long words still split); CJK text anywhere."""
        if any(ord(ch) >= _CJK_START for ch in text):
            return st
        name = st.name + "_words"
        if name not in self.styles:
            self.styles[name] = ParagraphStyle(name, st, wordWrap=None)
        return self.styles[name]


_CJK_START = 0x2E80  # CJK radicals, punctuation, kana, ideographs, full-width forms and up


def paragraph_styles(fonts: Fonts) -> dict[str, ParagraphStyle]:
    # CJK wrapping breaks anywhere: long document numbers and Chinese text both fit.
    base = ParagraphStyle("base", fontName=fonts.regular, fontSize=9, leading=12, wordWrap="CJK")
    return {
        "programme": ParagraphStyle("programme", base, fontSize=10, leading=14, textColor=_GREY),
        "title": ParagraphStyle("title", base, fontName=fonts.bold, fontSize=18, leading=24),
        "info": base,
        "cell": ParagraphStyle("cell", base, fontSize=TABLE_SIZE, leading=TABLE_LEADING),
        "head": ParagraphStyle(
            "head", base, fontName=fonts.bold, fontSize=TABLE_SIZE, leading=TABLE_LEADING
        ),
        "head_right": ParagraphStyle(
            "head_right",
            base,
            fontName=fonts.bold,
            fontSize=TABLE_SIZE,
            leading=TABLE_LEADING,
            alignment=TA_RIGHT,
        ),
        "note": ParagraphStyle(
            "note", base, fontSize=8, leading=11, textColor=_GREY, alignment=TA_RIGHT
        ),
    }


def header_block(st: StatementLike, ctx: LayoutContext) -> list[Flowable]:
    labels, fonts = ctx.labels, ctx.fonts
    period = fill_label(labels["period_range"], start=st.start.isoformat(), end=st.end.isoformat())
    rows = [
        (labels["member"], ctx.member),
        (labels["period"], period),
        (labels["printed_at"], ctx.printed),
    ]
    label_width = max(text_width(fonts.clean(r[0]), fonts, 9) for r in rows) + 4 * mm
    label_width = min(label_width, 60 * mm)
    value_width = sum(COLUMN_WIDTHS) - label_width
    info = Table(
        [[ctx.cell(a, label_width, "info"), ctx.para(b, "info")] for a, b in rows],
        colWidths=(label_width, value_width),
        hAlign="LEFT",
    )
    info.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.regular, 9),
                ("TEXTCOLOR", (0, 0), (0, -1), _GREY),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    blocks: list[Flowable] = []
    if ctx.programme:
        blocks.append(ctx.para(ctx.programme, "programme"))
    blocks += [ctx.para(labels["title"], "title"), Spacer(0, 3 * mm), info, Spacer(0, 5 * mm)]
    return blocks


def entries_table(st: StatementLike, ctx: LayoutContext) -> tuple[LongTable, int, int]:
    """The entries between an opening and a closing row; returns (table, credits, debits)."""
    labels, widths = ctx.labels, COLUMN_WIDTHS
    head_keys = ("col_date", "col_description", "col_reference", "col_dealer", "col_points",
                 "col_balance")  # fmt: skip
    data: list[list[object]] = [
        [ctx.cell(labels[k], w, "head", i in LATIN_COLUMNS, i in RIGHT_COLUMNS)
         for i, (k, w) in enumerate(zip(head_keys, widths, strict=True))],
        [st.start.isoformat(), ctx.cell(labels["opening"], widths[1], "cell"), "", "", "",
         ctx.points(st.opening)],
    ]  # fmt: skip
    credits, debits = _add_entries(data, st, ctx)
    empty = len(data) == 2
    if empty:
        data.append(["", ctx.cell(labels["no_entries"], sum(widths[1:]), "cell"), "", "", "", ""])
    data.append(
        [st.end.isoformat(), ctx.cell(labels["closing"], widths[1], "cell"), "", "", "",
         ctx.points(st.closing)]
    )  # fmt: skip
    table = LongTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(_entries_style(ctx.fonts, len(data) - 1, empty)))
    return table, credits, debits


def _add_entries(
    data: list[list[object]], st: StatementLike, ctx: LayoutContext
) -> tuple[int, int]:
    """A row per entry with the running balance; returns the points credited and debited."""
    labels, widths = ctx.labels, COLUMN_WIDTHS
    balance, credits, debits = st.opening, 0, 0
    for entry in st.entries:
        amount = int(entry.amount)
        balance += amount
        if amount > 0:
            credits += amount
        else:
            debits -= amount
        data.append(
            [
                entry.business_date.isoformat(),
                ctx.cell(describe(entry.kind, entry.source, labels), widths[1], "cell"),
                ctx.cell(entry.reference, widths[2], "cell", latin=True),
                ctx.cell(entry.dealer_name, widths[3], "cell"),
                ctx.points(amount, signed=True),
                ctx.points(balance),
            ]
        )
    return credits, debits


def _entries_style(fonts: Fonts, last: int, empty: bool) -> list[tuple]:
    """Header and totals rows (the first two and ``last``) set off, entries banded."""
    size, leading = TABLE_SIZE, TABLE_LEADING
    style: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), fonts.regular, size, leading),
        *(("FONT", (c, 0), (c, -1), fonts.latin, size, leading) for c in LATIN_COLUMNS),
        ("FONT", (0, 0), (-1, 0), fonts.bold, size, leading),
        *(("FONT", (c, 0), (c, 0), fonts.latin_bold, size, leading) for c in LATIN_COLUMNS),
        ("FONT", (5, 1), (5, 1), fonts.latin_bold, size, leading),
        ("FONT", (5, last), (5, last), fonts.latin_bold, size, leading),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (4, 0), (5, -1), "RIGHT"),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("ROWBACKGROUNDS", (0, 2), (-1, last - 1), [colors.white, _BAND_FILL]),
        ("BACKGROUND", (0, 1), (-1, 1), _TOTAL_FILL),
        ("BACKGROUND", (0, last), (-1, last), _TOTAL_FILL),
        ("LINEBELOW", (0, 1), (-1, last - 2), 0.25, _RULE),
        ("LINEABOVE", (0, last), (-1, last), 0.8, colors.black),
        ("LINEBELOW", (0, last), (-1, last), 0.8, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if empty:
        style += [("SPAN", (1, 2), (-1, 2)), ("TEXTCOLOR", (1, 2), (-1, 2), _GREY)]
    return style


def summary_block(
    st: StatementLike, ctx: LayoutContext, credits: int, debits: int
) -> list[Flowable]:
    labels, fonts = ctx.labels, ctx.fonts
    rows = [
        (labels["opening"], ctx.points(st.opening)),
        (labels["total_in"], ctx.points(credits, signed=True)),
        (labels["total_out"], ctx.points(-debits, signed=True)),
        (labels["closing"], ctx.points(st.closing)),
        (labels["qualifying"], ctx.points(st.qualifying_closing)),
    ]
    value_width = 28 * mm
    widest = max(text_width(fonts.clean(r[0]), fonts, 9) for r in rows) + 2 * CELL_PADDING
    label_width = min(max(40 * mm, widest), sum(COLUMN_WIDTHS) - value_width)
    table = Table(
        [[ctx.cell(a, label_width, "info"), b] for a, b in rows],
        colWidths=(label_width, value_width),
        hAlign="RIGHT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (0, -1), fonts.regular, 9),
                ("FONT", (1, 0), (1, -1), fonts.latin, 9),
                ("FONT", (1, 3), (1, 4), fonts.latin_bold, 9),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEABOVE", (0, 3), (-1, 3), 0.8, colors.black),
                ("LINEABOVE", (0, 4), (-1, 4), 0.25, _RULE),
                ("BACKGROUND", (0, 4), (-1, 4), _TOTAL_FILL),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    note = ctx.para(labels["qualifying_note"], "note")
    return [Spacer(0, 5 * mm), KeepTogether([table, Spacer(0, 2 * mm), note])]


def decorate_page(canvas: Canvas, ctx: LayoutContext, first: bool) -> None:
    """A running header on the pages after the first, a rule and the printed-at time at the
    foot of every page; page numbers come once the document is complete (numbered_canvas)."""
    width, height = PAGE
    fonts = ctx.fonts
    canvas.saveState()
    canvas.setFillColor(_GREY)
    canvas.setStrokeColor(_RULE)
    canvas.setLineWidth(0.5)
    if not first:
        top = height - MARGIN_TOP + 8 * mm
        title = " · ".join(p for p in (ctx.programme, ctx.labels["title"]) if p)
        draw_text(canvas, MARGIN_X, top, title, fonts, 8)
        draw_text(canvas, width - MARGIN_X, top, ctx.member, fonts, 8, right=True)
        canvas.line(MARGIN_X, top - 2 * mm, width - MARGIN_X, top - 2 * mm)
    bottom = MARGIN_BOTTOM - 9 * mm
    canvas.line(MARGIN_X, bottom + 4 * mm, width - MARGIN_X, bottom + 4 * mm)
    draw_text(canvas, MARGIN_X, bottom, f"{ctx.labels['printed_at']} {ctx.printed}", fonts, 8)
    canvas.restoreState()


def draw_missing_note(
    canvas: Canvas, x: float, y: float, fonts: Fonts, labels: dict[str, str]
) -> None:
    """The footer line naming the characters no font has (drawn once the whole document
    is laid out, so that every one is known); nothing when there are none."""
    if fonts.missing:
        text = fill_label(labels["missing_glyphs"], chars=missing_codes(fonts.missing))
        canvas.setFillColor(colors.HexColor("#B00020"))
        draw_text(canvas, x, y, text, fonts, 7)
        canvas.setFillColor(_GREY)


def numbered_canvas(ctx: LayoutContext) -> type[Canvas]:
    """A canvas that holds its pages until the end, then writes "page x of y" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            x, y = PAGE[0] - MARGIN_X, MARGIN_BOTTOM - 9 * mm
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                self.setFillColor(_GREY)
                text = fill_label(ctx.labels["page"], page=number, pages=total)
                draw_text(self, x, y, text, ctx.fonts, 8, right=True)
                draw_missing_note(self, MARGIN_X, y - 4 * mm, ctx.fonts, ctx.labels)
                super().showPage()
            super().save()

    return NumberedCanvas
