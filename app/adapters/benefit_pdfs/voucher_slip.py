"""The voucher slip (权益兑换券) as a PDF: an 80 mm receipt-like page the member takes to the
dealer, drawn with reportlab.

``write_voucher_slip`` takes any object shaped like :class:`SlipLike`
(``app.services.benefits.slips.VoucherSlip`` is one; the adapter does not import the
services). Texts come from the built-in labels of ``locale`` (Simplified Chinese when it
starts with "zh", else English), with the caller's ``labels`` laid over them key by key.
Chinese is set in the statement's CJK font (``app.adapters.statement_pdf.fonts``: an
embedded TrueType font when the system has one, else the built-in CID font with a Latin
companion); the code is set in Courier and drawn as a QR code as well.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import IO, Protocol

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from app.adapters.files import save_atomically
from app.adapters.statement_pdf.fonts import (
    Fonts,
    WrittenPdf,
    font_spans,
    missing_codes,
    register_fonts,
    text_width,
    written_pdf,
)
from app.adapters.statement_pdf.labels import fill_label, programme_title
from app.adapters.statement_pdf.writing import (
    DEFAULT_TIMEZONE,
    PDF_WRITE_FAILED,
    PdfWriteError,
    local_time,
)

PAGE_WIDTH = 80 * mm
MARGIN = 6 * mm
CONTENT = PAGE_WIDTH - 2 * MARGIN
QR_SIZE = 38 * mm
CODE_FONT = "Courier-Bold"
CODE_SIZE = 15
_GREY = colors.HexColor("#555555")
_RULE = colors.HexColor("#999999")

LABELS: dict[str, str] = {
    "title": "Benefit voucher",
    "value": "Value",
    "discount": "Discount",
    "discount_value": "{percent}% off",
    "points": "Points used",
    "free": "Free (tier benefit)",
    "code": "Voucher code",
    "member": "Member",
    "issued": "Issued",
    "issued_at": "{date} at {dealer}",
    "valid_until": "Valid until",
    "honoured_by": "Honoured at",
    "all_dealers": "All dealers",
    "how_to": "How to use",
    "rule1": "Valid for one use only; it is void once written off.",
    "rule2": "Show this slip or the code at an honouring dealer before the service.",
    "rule3": "Not exchangeable for cash; no change is given.",
    "signature": "Member's signature",
    "date": "Date",
    "printed_at": "Printed {time}",
    "missing_glyphs": "These characters cannot be shown (no font has them): {chars}",
}

LABELS_ZH: dict[str, str] = {
    "title": "权益兑换券",
    "value": "权益价值",
    "discount": "折扣",
    "discount_value": "{rate}折",  # Chinese names the share paid: 900 ‰ → 9折
    "points": "使用积分",
    "free": "免费（等级权益）",
    "code": "券码",
    "member": "会员",
    "issued": "兑换",
    "issued_at": "{date} 于 {dealer}",
    "valid_until": "有效期至",
    "honoured_by": "适用经销商",
    "all_dealers": "全部经销商",
    "how_to": "使用说明",
    "rule1": "本券仅限使用一次，核销后即失效。",
    "rule2": "请在服务前向适用经销商出示本券或券码。",
    "rule3": "本券不可兑换现金，不设找零。",
    "signature": "会员签字",
    "date": "日期",
    "printed_at": "打印时间 {time}",
    "missing_glyphs": "以下字符无法显示：{chars}",
}


class SlipLike(Protocol):
    @property
    def programme_name(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def benefit_name(self) -> str: ...
    @property
    def face_value_fen(self) -> int: ...
    @property
    def points(self) -> int: ...
    @property
    def member_number(self) -> str: ...
    @property
    def member_name(self) -> str: ...  # masked by the caller
    @property
    def issued_on(self) -> date: ...
    @property
    def issued_dealer(self) -> str | None: ...
    @property
    def expires_on(self) -> date: ...
    @property
    def honoured_by(self) -> Sequence[str]: ...  # dealer names; empty: every dealer
    @property
    def printed_at(self) -> datetime: ...
    @property
    def discount_permille(self) -> int | None: ...  # a tier entitlement's discount


def slip_labels(labels: Mapping[str, str] | None = None, locale: str = "zh_CN") -> dict[str, str]:
    merged = dict(LABELS_ZH if locale.lower().startswith("zh") else LABELS)
    merged.update(labels or {})
    return merged


def _discount(permille: int, labels: Mapping[str, str]) -> str:
    """900 → "9折" / "10% off"."""

    def figure(value: Decimal) -> str:
        text = f"{value:f}"
        return text.rstrip("0").rstrip(".") if "." in text else text

    rate, percent = figure(Decimal(permille) / 100), figure(Decimal(1000 - permille) / 10)
    return labels["discount_value"].format(rate=rate, percent=percent)


def format_code(code: str) -> str:
    """Groups of four, as the screens show it (``app.domain.benefits.format_code``)."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def format_yuan(fen: int) -> str:
    yuan, cents = divmod(abs(fen), 100)
    return f"{'-' if fen < 0 else ''}¥{yuan:,}.{cents:02d}"


# --- drawing ------------------------------------------------------------------------------------

Draw = Callable[[Canvas, float], None]  # draws a block whose top is at y


@dataclass(frozen=True)
class Block:
    height: float
    draw: Draw


def _draw_line(
    canvas: Canvas, x: float, y: float, text: str, fonts: Fonts, size: float, bold: bool = False
) -> None:
    """One line in mixed fonts (the statement's ``draw_text``, with a bold face)."""
    text = fonts.clean(text)
    for seg, font in font_spans(text, fonts, bold):  # rare characters in their own font
        canvas.setFont(font, size)
        canvas.drawString(x, y, seg)
        x += pdfmetrics.stringWidth(seg, font, size)


def wrap(text: str, fonts: Fonts, size: float, width: float, bold: bool = False) -> list[str]:
    """Lines of ``text`` no wider than ``width``: broken at spaces where there are some,
    anywhere in Chinese."""
    lines: list[str] = []
    line = ""
    for word in _pieces(text):
        candidate = line + word
        if line and text_width(candidate.rstrip(), fonts, size, bold) > width:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line = candidate
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _pieces(text: str) -> list[str]:
    """Latin words with their trailing spaces stay whole; other characters stand alone."""
    return re.findall(r"[\x21-\x7e]+ *| +|[^\x20-\x7e]", text)


def text_block(
    text: str, fonts: Fonts, size: float, centred: bool = False, bold: bool = False,
    colour: colors.Color = colors.black, indent: float = 0,
) -> Block:  # fmt: skip
    lines = wrap(text, fonts, size, CONTENT - indent, bold)
    leading = size * 1.35

    def draw(canvas: Canvas, top: float) -> None:
        canvas.setFillColor(colour)
        for i, line in enumerate(lines):
            width = text_width(fonts.clean(line), fonts, size, bold)
            x = MARGIN + (CONTENT - width) / 2 if centred else MARGIN + indent
            _draw_line(canvas, x, top - size - i * leading, line, fonts, size, bold)
        canvas.setFillColor(colors.black)

    return Block(leading * len(lines) + size * 0.2, draw)


def field_block(label: str, value: str, fonts: Fonts, size: float = 8.5) -> Block:
    """A caption and its value, the value wrapped in its own column."""
    label_width = min(max(text_width(label, fonts, size) + 6, 20 * mm), 26 * mm)
    lines = wrap(value or "—", fonts, size, CONTENT - label_width)
    leading = size * 1.4

    def draw(canvas: Canvas, top: float) -> None:
        canvas.setFillColor(_GREY)
        _draw_line(canvas, MARGIN, top - size, label, fonts, size)
        canvas.setFillColor(colors.black)
        for i, line in enumerate(lines):
            _draw_line(canvas, MARGIN + label_width, top - size - i * leading, line, fonts, size)

    return Block(leading * len(lines) + 1, draw)


def rule_block(dashed: bool = False, space: float = 3 * mm) -> Block:
    def draw(canvas: Canvas, top: float) -> None:
        canvas.setStrokeColor(_RULE)
        canvas.setLineWidth(0.6)
        if dashed:
            canvas.setDash(2, 2)
        y = top - space / 2
        canvas.line(MARGIN, y, PAGE_WIDTH - MARGIN, y)
        canvas.setDash()

    return Block(space, draw)


def space_block(height: float) -> Block:
    return Block(height, lambda _canvas, _top: None)


def code_block(code: str) -> Block:
    text = format_code(code)
    size: float = CODE_SIZE
    while size > 8 and pdfmetrics.stringWidth(text, CODE_FONT, size) > CONTENT:
        size -= 0.5

    def draw(canvas: Canvas, top: float) -> None:
        width = pdfmetrics.stringWidth(text, CODE_FONT, size)
        canvas.setFont(CODE_FONT, size)
        canvas.drawString(MARGIN + (CONTENT - width) / 2, top - size, text)

    return Block(size * 1.5, draw)


def qr_drawing(code: str, size: float = QR_SIZE) -> Drawing:
    """The code as a QR code, ``size`` points square."""
    widget = QrCodeWidget(code, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def qr_block(code: str) -> Block:
    drawing = qr_drawing(code)

    def draw(canvas: Canvas, top: float) -> None:
        renderPDF.draw(drawing, canvas, MARGIN + (CONTENT - QR_SIZE) / 2, top - QR_SIZE)

    return Block(QR_SIZE + 2 * mm, draw)


def signature_block(labels: Mapping[str, str], fonts: Fonts) -> Block:
    size = 8.5

    def draw(canvas: Canvas, top: float) -> None:
        y = top - 9 * mm
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.5)
        split = MARGIN + CONTENT * 0.62
        _draw_line(canvas, MARGIN, y + 1.5, labels["signature"], fonts, size)
        start = MARGIN + text_width(labels["signature"], fonts, size) + 4
        canvas.line(start, y, split - 4 * mm, y)
        _draw_line(canvas, split, y + 1.5, labels["date"], fonts, size)
        canvas.line(split + text_width(labels["date"], fonts, size) + 4, y, MARGIN + CONTENT, y)

    return Block(12 * mm, draw)


# --- the slip -----------------------------------------------------------------------------------


def slip_blocks(
    slip: SlipLike,
    labels: Mapping[str, str],
    fonts: Fonts,
    printed: str,
    programme: str | None = None,
) -> list[Block]:
    """The slip's blocks; ``programme``: the name printed at the top (default: the slip's
    ``programme_name`` as it is)."""
    issued = fill_label(
        labels["issued_at"], date=slip.issued_on.isoformat(), dealer=slip.issued_dealer or "—"
    )
    dealers = "、".join(slip.honoured_by) if slip.honoured_by else labels["all_dealers"]
    points = f"{slip.points:,}" if slip.points else labels["free"]
    blocks = [
        text_block(
            slip.programme_name if programme is None else programme,
            fonts,
            9,
            centred=True,
            colour=_GREY,
        ),
        text_block(labels["title"], fonts, 17, centred=True, bold=True),
        rule_block(),
        text_block(slip.benefit_name, fonts, 12, centred=True, bold=True),
        space_block(1 * mm),
    ]
    if slip.face_value_fen:
        blocks.append(field_block(labels["value"], format_yuan(slip.face_value_fen), fonts))
    if slip.discount_permille:
        blocks.append(
            field_block(labels["discount"], _discount(slip.discount_permille, labels), fonts)
        )
    blocks += [
        field_block(labels["points"], points, fonts),
        rule_block(dashed=True),
        text_block(labels["code"], fonts, 8.5, centred=True, colour=_GREY),
        code_block(slip.code),
        qr_block(slip.code),
        rule_block(dashed=True),
        field_block(labels["member"], f"{slip.member_number}  {slip.member_name}".strip(), fonts),
        field_block(labels["issued"], issued, fonts),
        field_block(labels["valid_until"], slip.expires_on.isoformat(), fonts),
        field_block(labels["honoured_by"], dealers, fonts),
        rule_block(),
        text_block(labels["how_to"], fonts, 9, bold=True),
    ]
    for number, key in enumerate(("rule1", "rule2", "rule3"), 1):
        blocks.append(text_block(f"{number}. {labels[key]}", fonts, 8, indent=2))
    blocks += [
        signature_block(labels, fonts),
        space_block(2 * mm),
        text_block(fill_label(labels["printed_at"], time=printed), fonts, 7, colour=_GREY),
    ]
    if fonts.missing:  # known once every text above has been measured
        codes = missing_codes(fonts.missing)
        note = fill_label(labels["missing_glyphs"], chars=codes)
        blocks.append(text_block(note, fonts, 7, colour=colors.HexColor("#B00020")))
    return blocks


def write_voucher_slip(
    slip: SlipLike,
    path: str | os.PathLike[str],
    labels: Mapping[str, str] | None = None,
    locale: str = "zh_CN",
    *,
    timezone: str | tzinfo | None = DEFAULT_TIMEZONE,
    fonts: Fonts | None = None,
) -> WrittenPdf:
    """Render the slip to ``path`` (replaced atomically) and return the path, with the
    characters no font has (□ on the slip, named at its foot) as ``missing_glyphs``. Raises
    :class:`PdfWriteError` when the file cannot be written (e.g. open in a viewer)."""
    path = Path(path)
    fonts = (fonts or register_fonts()).for_document()
    merged = slip_labels(labels, locale)
    printed = local_time(slip.printed_at, timezone).strftime("%Y-%m-%d %H:%M")
    programme = programme_title(slip.programme_name, locale)
    blocks = slip_blocks(slip, merged, fonts, printed, programme)
    title = f"{merged['title']} {format_code(slip.code)}"
    return write_strip(path, blocks, fonts, title, programme)


def write_strip(path: Path, blocks: list[Block], fonts: Fonts, title: str, author: str):
    """Blocks stacked on one receipt-width page as tall as they need (the slip, the points
    receipt), written atomically; returns the path with the characters no font had."""
    height = sum(block.height for block in blocks) + 2 * MARGIN

    def build(target: IO[bytes]) -> None:
        canvas = Canvas(target, pagesize=(PAGE_WIDTH, height))
        canvas.setTitle(title)
        canvas.setAuthor(author)
        canvas.setCreator("Loyalty Desk")
        top = height - MARGIN
        for block in blocks:
            block.draw(canvas, top)
            top -= block.height
        canvas.showPage()
        canvas.save()

    save_atomically(path, build, PdfWriteError, PDF_WRITE_FAILED)
    return written_pdf(path, fonts)
