"""What the partner PDFs share: paragraph styles in the statement's fonts, yuan amounts, a
footer with "page x of y" and the printed-at time on every page, and writing the file.

A document may be cut into sections (one settlement statement per partner): a
:class:`SectionStart` at the top of a section's first page makes the footer name the section
and count its pages on their own ("page 2 of 3" of that partner's statement)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from app.adapters.files import save_atomically
from app.adapters.statement_pdf.fonts import Fonts, WrittenPdf, draw_text, markup, written_pdf
from app.adapters.statement_pdf.labels import fill_label
from app.adapters.statement_pdf.layout import draw_missing_note
from app.adapters.statement_pdf.writing import PDF_WRITE_FAILED, PdfWriteError

Language = Literal["zh_CN", "en"]
GREY = colors.HexColor("#666666")
RULE = colors.HexColor("#BBBBBB")
HEAD_FILL = colors.HexColor("#E4E8EE")
BAND_FILL = colors.HexColor("#F5F6F8")
TOTAL_FILL = colors.HexColor("#EEF1F5")
RED = colors.HexColor("#C00000")  # an overridden admission: shown in red wherever shown
RED_FILL = colors.HexColor("#FDE7E9")
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 15 * mm, 16 * mm, 22 * mm

# A partner's status as the files name it, (Chinese, English).
STATUS_NAMES = {
    "candidate": ("候选", "Candidate"),
    "evaluating": ("评估中", "Under evaluation"),
    "approved": ("已准入", "Admitted"),
    "active": ("合作中", "Active"),
    "suspended": ("已暂停", "Suspended"),
    "terminated": ("已终止", "Terminated"),
}


def name_of(names: Mapping[str, tuple[str, str]], code: str, language: str) -> str:
    found = names.get(code)
    if found is None:
        return code
    return found[0] if language_of(language) == "zh_CN" else found[1]


def language_of(language: str) -> Language:
    """Chinese for any zh locale, else English."""
    return "zh_CN" if language.lower().startswith("zh") else "en"


def yuan(fen: int) -> str:
    """¥1,234.50; −¥12.00 with a real minus sign."""
    sign = "\u2212" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}¥{whole:,}.{cents:02d}"


def permille_text(permille: int) -> str:
    """A rate kept in permille as a percentage: 50 → 5%, 55 → 5.5%."""
    return f"{permille // 10}.{permille % 10}%" if permille % 10 else f"{permille // 10}%"


def paragraph_styles(fonts: Fonts, language: Language) -> dict[str, ParagraphStyle]:
    """The documents' styles. Chinese breaks lines between any two characters; English
    between words (Chinese names in an English document, one long "word", are still split)."""
    wrap = "CJK" if language == "zh_CN" else None
    base = ParagraphStyle(
        "base", fontName=fonts.regular, fontSize=9, leading=12, wordWrap=wrap, splitLongWords=True
    )
    bold = fonts.bold
    return {
        "programme": ParagraphStyle("programme", base, fontSize=10, leading=14, textColor=GREY),
        "title": ParagraphStyle("title", base, fontName=bold, fontSize=18, leading=24),
        "subtitle": ParagraphStyle("subtitle", base, fontName=bold, fontSize=12, leading=16),
        "info": ParagraphStyle("info", base, textColor=GREY),
        "label": ParagraphStyle("label", base, textColor=GREY),
        "value": ParagraphStyle("value", base),
        "head": ParagraphStyle("head", base, fontName=bold, leading=11),
        "head_centre": ParagraphStyle("head_c", base, fontName=bold, leading=11,
                                      alignment=TA_CENTER),
        "head_right": ParagraphStyle("head_r", base, fontName=bold, leading=11,
                                     alignment=TA_RIGHT),
        "head_small": ParagraphStyle("head_s", base, fontName=bold, fontSize=7.5, leading=9.5),
        "head_small_centre": ParagraphStyle("head_sc", base, fontName=bold, fontSize=7.5,
                                            leading=9.5, alignment=TA_CENTER),
        "cell": ParagraphStyle("cell", base, leading=11),
        "cell_centre": ParagraphStyle("cell_c", base, leading=11, alignment=TA_CENTER),
        "cell_right": ParagraphStyle("cell_r", base, leading=11, alignment=TA_RIGHT),
        "total_right": ParagraphStyle("total_r", base, fontName=bold, fontSize=10.5,
                                      leading=14, alignment=TA_RIGHT),
        "red": ParagraphStyle("red", base, leading=11, textColor=RED),
        "quiet": ParagraphStyle("quiet", base, leading=11, textColor=GREY),
        "small": ParagraphStyle("small", base, fontSize=7.5, leading=9.5, textColor=GREY),
        "note": ParagraphStyle("note", base, fontSize=8, leading=11, textColor=GREY),
        "warning": ParagraphStyle("warning", base, leading=12, textColor=RED),
    }  # fmt: skip


@dataclass
class Document:
    """What the flowables and the footer of one PDF need."""

    fonts: Fonts  # the document's own copy (Fonts.for_document): records missing glyphs
    labels: dict[str, str]  # with "page", "printed_at" and "missing_glyphs"
    programme: str
    title: str
    printed: str  # the printed-at time as shown
    styles: dict[str, ParagraphStyle]

    def para(self, text: str, style: str, bold: bool = False) -> Paragraph:
        return Paragraph(markup(self.fonts.clean(text), self.fonts, bold), self.styles[style])

    def text(self, key: str, **params: object) -> str:
        return fill_label(self.labels[key], **params) if params else self.labels[key]


class SectionStart(Flowable):
    """Marks the page it is drawn on as the first of a section (nothing is drawn)."""

    def __init__(self, key: str, footer: str):
        super().__init__()
        self.key, self.footer = key, footer
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.loyalty_section = (self.key, self.footer)


def _page_numbers(sections: Sequence[tuple[str, str]]) -> list[tuple[int, int]]:
    """(page in its section, pages of the section) for each page; one section: the document."""
    counts: dict[str, int] = {}
    seen: list[int] = []
    for key, _footer in sections:
        counts[key] = counts.get(key, 0) + 1
        seen.append(counts[key])
    return [(number, counts[key]) for number, (key, _f) in zip(seen, sections, strict=True)]


def numbered_canvas(doc: Document, page_width: float) -> type[Canvas]:
    """Holds the pages until the end, then writes the footer on each: programme, title and
    section; "page x of y"; the printed-at time; the characters no font has."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []
            self.loyalty_section = ("", "")

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            numbers = _page_numbers([state["loyalty_section"] for state in self._held])
            for state, (number, total) in zip(self._held, numbers, strict=True):
                self.__dict__.update(state)
                self._footer(number, total, state["loyalty_section"][1])
                super().showPage()
            super().save()

        def _footer(self, number: int, total: int, section: str) -> None:
            y = MARGIN_BOTTOM - 9 * mm
            self.setFillColor(GREY)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, y + 4 * mm, page_width - MARGIN_X, y + 4 * mm)
            left = " · ".join(p for p in (doc.programme, doc.title, section) if p)
            draw_text(self, MARGIN_X, y, left, doc.fonts, 8)
            page = doc.text("page", page=number, pages=total)
            draw_text(self, page_width - MARGIN_X, y, page, doc.fonts, 8, right=True)
            printed = f"{doc.labels['printed_at']} {doc.printed}".strip()
            draw_text(self, MARGIN_X, y - 4 * mm, printed, doc.fonts, 7.5)
            draw_missing_note(self, MARGIN_X, y - 8 * mm, doc.fonts, doc.labels)

    return NumberedCanvas


def write_document(
    path: str | os.PathLike[str],
    story: list[Flowable],
    doc: Document,
    pagesize: tuple[float, float],
) -> WrittenPdf:
    """Lay ``story`` out on ``pagesize`` pages and save it to ``path`` atomically; returns the
    path with the characters no font has. Raises PdfWriteError when it cannot be written."""
    target_path = Path(path)

    def build(target: IO[bytes]) -> None:
        template = SimpleDocTemplate(
            target, pagesize=pagesize, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=doc.title,
            author=doc.programme, creator="Loyalty Desk",
        )  # fmt: skip
        template.build(story, canvasmaker=numbered_canvas(doc, pagesize[0]))

    save_atomically(target_path, build, PdfWriteError, PDF_WRITE_FAILED)
    return written_pdf(target_path, doc.fonts)
