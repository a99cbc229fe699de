"""The side-by-side comparison (横比) of an industry's partners as a printable PDF: A4
landscape, the weights in force, a table (partner, status, the seven factor scores, the
weighted total, the rank, the admission outcome: an overridden admission in red) and a radar
chart with one line per partner over the seven factors; a note when fewer than the shortlist
size were compared, with the reasons recorded for them.

Texts are Chinese (``zh_CN``) or English, built in here so that the command line prints
without Qt. The adapter takes any object shaped like
``app.services.partners.evaluation.Comparison``."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import datetime
from math import cos, pi, sin
from typing import Protocol

from reportlab.graphics.charts.spider import SpiderChart
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, LongTable, Spacer, TableStyle

from app.adapters.partner_pdfs.common import (
    BAND_FILL,
    GREY,
    HEAD_FILL,
    MARGIN_X,
    RED_FILL,
    RULE,
    STATUS_NAMES,
    Document,
    language_of,
    name_of,
    paragraph_styles,
    write_document,
)
from app.adapters.statement_pdf.fonts import Fonts, WrittenPdf, register_fonts
from app.adapters.statement_pdf.labels import programme_title
from app.domain.partners import FACTORS, MAX_SCORE

PAGE = landscape(A4)
WIDTH = PAGE[0] - 2 * MARGIN_X  # 267 mm
# Rank, partner, status, seven factors, weighted total, admission.
COLUMN_WIDTHS = [11 * mm, 40 * mm, 22 * mm, *[21 * mm] * 7, 15 * mm, 32 * mm]
CHART_HEIGHT = 135 * mm
CHART_SIZE = 105 * mm  # the radar's diameter
LEGEND_X, LEGEND_SIZE = 175 * mm, 8.5
# Line colours of the radar, one per partner (then again, dashed), in the order the screen's
# chart uses; no red, which marks a failed admission check here.
PALETTE = tuple(
    colors.HexColor(c)
    for c in ("#1F77B4", "#FF7F0E", "#2CA02C", "#9467BD", "#8C564B", "#17BECF", "#E377C2",
              "#7F7F7F", "#BCBD22", "#393B79")
)  # fmt: skip

LABELS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "异业合作伙伴横比",
        "colon": "：",
        "industry": "行业",
        "compared": "参与横比 {count} 家（初选名单不少于 {minimum} 家）",
        "weights": "现行权重",
        "equal": "（等权）",
        "rank": "排名",
        "partner": "合作伙伴",
        "status": "状态",
        "total": "加权总分",
        "admission": "准入",
        "passed": "通过",
        "failed": "未通过",
        "overridden": "未通过 · 总部特批准入",
        "not_assessed": "未评估",
        "no_partners": "本行业还没有已评分的合作伙伴。",
        "chart": "评估雷达图（各项 1–5 分）",
        "too_few": "本行业仅 {count} 家参与横比，少于初选名单要求的 {minimum} 家。",
        "reasons": "已记录的原因：",
        "no_reason": "尚未记录原因。",
        "override_note": "红色：准入检查未通过，由总部特批准入（原因见合作伙伴档案）。",
        "printed_at": "打印时间",
        "page": "第 {page} 页 / 共 {pages} 页",
        "missing_glyphs": "以下字符无法显示：{chars}",
    },
    "en": {
        "title": "Partner comparison",
        "colon": ": ",
        "industry": "Industry",
        "compared": "{count} partners compared (shortlist at least {minimum})",
        "weights": "Weights in force",
        "equal": " (equal)",
        "rank": "Rank",
        "partner": "Partner",
        "status": "Status",
        "total": "Weighted total",
        "admission": "Admission",
        "passed": "Passed",
        "failed": "Failed",
        "overridden": "Failed · HQ override",
        "not_assessed": "Not assessed",
        "no_partners": "No partner of this industry has been scored yet.",
        "chart": "Evaluation radar (each factor 1–5)",
        "too_few": "Only {count} partners of this industry were compared; the shortlist needs "
        "at least {minimum}.",
        "reasons": "Reasons recorded:",
        "no_reason": "No reason recorded yet.",
        "override_note": "In red: failed admission checks, admitted by a headquarters override "
        "(the reason is on the partner's record).",
        "printed_at": "Printed at",
        "page": "Page {page} of {pages}",
        "missing_glyphs": "These characters cannot be shown (no font has them): {chars}",
    },
}

# Names of the codes, (Chinese, English).
INDUSTRY_NAMES = {
    "medical": ("医疗健康", "Medical and health"),
    "education": ("教育", "Education"),
    "travel": ("旅游出行", "Travel"),
    "finance": ("金融保险", "Finance and insurance"),
    "retail": ("零售", "Retail"),
    "dining": ("餐饮", "Dining"),
    "automotive": ("汽车服务", "Car services"),
    "entertainment": ("休闲娱乐", "Leisure and entertainment"),
    "other": ("其他行业", "Other industry"),
}
FACTOR_NAMES = {
    "brand_value": ("品牌价值", "Brand value"),
    "member_equivalent": ("会员当量", "Member equivalents"),
    "reputation": ("用户口碑", "Reputation"),
    "industry_position": ("行业地位", "Industry position"),
    "complementarity": ("资源互补能力", "Resource complementarity"),
    "execution": ("执行力", "Execution"),
    "cooperativeness": ("配合度", "Cooperativeness"),
}


def score_text(hundredths: int) -> str:
    """A weighted total kept in hundredths: 367 → 3.67."""
    return f"{hundredths // 100}.{hundredths % 100:02d}"


class ComparedLike(Protocol):
    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def status(self) -> str: ...

    @property
    def scores(self) -> Mapping[str, int]: ...

    @property
    def total_hundredths(self) -> int: ...

    @property
    def rank(self) -> int: ...

    @property
    def admission_passed(self) -> bool | None: ...

    @property
    def overridden(self) -> bool: ...


class ComparisonLike(Protocol):
    @property
    def industry(self) -> str: ...

    @property
    def partners(self) -> Sequence[ComparedLike]: ...  # best first

    @property
    def shortlist_min(self) -> int: ...

    @property
    def weights(self) -> Mapping[str, int]: ...

    @property
    def enough(self) -> bool: ...


def admission_text(partner: ComparedLike, language: str) -> str:
    labels = LABELS[language_of(language)]
    if partner.overridden:
        return labels["overridden"]
    if partner.admission_passed is None:
        return labels["not_assessed"]
    return labels["passed"] if partner.admission_passed else labels["failed"]


def weights_text(weights: Mapping[str, int], language: str) -> str:
    """ "品牌价值 1 · 会员当量 2 …" with each factor's share of the total weight."""
    lang = language_of(language)
    total = sum(weights.get(f.value, 0) for f in FACTORS) or 1
    parts = []
    for factor in FACTORS:
        weight = weights.get(factor.value, 0)
        share = (weight * 1000 // total + 5) // 10 if weight else 0  # whole percent, half up
        parts.append(f"{name_of(FACTOR_NAMES, factor.value, lang)} {weight} ({share}%)")
    equal = len({weights.get(f.value, 0) for f in FACTORS}) == 1
    return " · ".join(parts) + (LABELS[lang]["equal"] if equal else "")


# --- the table ------------------------------------------------------------------------------


def _head_row(doc: Document, lang: str) -> list[object]:
    labels = doc.labels
    return [
        doc.para(labels["rank"], "head_small_centre", True),
        doc.para(labels["partner"], "head_small", True),
        doc.para(labels["status"], "head_small", True),
        *(doc.para(name_of(FACTOR_NAMES, f.value, lang), "head_small_centre", True)
          for f in FACTORS),
        doc.para(labels["total"], "head_small_centre", True),
        doc.para(labels["admission"], "head_small", True),
    ]  # fmt: skip


def _partner_row(doc: Document, partner: ComparedLike, lang: str) -> list[object]:
    admission_style = "red" if partner.overridden else "cell"
    return [
        doc.para(str(partner.rank), "cell_centre", True),
        [doc.para(partner.name, "cell", True), doc.para(partner.code, "small")],
        doc.para(name_of(STATUS_NAMES, partner.status, lang), "cell"),
        *(doc.para(str(partner.scores.get(f.value, "—")), "cell_centre") for f in FACTORS),
        doc.para(score_text(partner.total_hundredths), "cell_centre", True),
        doc.para(admission_text(partner, lang), admission_style, partner.overridden),
    ]


def comparison_table(comparison: ComparisonLike, doc: Document, lang: str) -> LongTable:
    data: list[list[object]] = [_head_row(doc, lang)]
    style: list[tuple] = []
    for r, partner in enumerate(comparison.partners, start=1):
        data.append(_partner_row(doc, partner, lang))
        if partner.overridden:
            style.append(("BACKGROUND", (-1, r), (-1, r), RED_FILL))
    if len(data) == 1:
        data.append([doc.para(doc.labels["no_partners"], "cell")] + [""] * 11)
        style.append(("SPAN", (0, 1), (-1, 1)))
    last = len(data) - 1
    table = LongTable(data, colWidths=COLUMN_WIDTHS, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("ROWBACKGROUNDS", (0, 1), (-1, last), [colors.white, BAND_FILL]),
        ("LINEBELOW", (0, 1), (-1, last), 0.25, RULE),
        ("LINEBEFORE", (3, 0), (3, last), 0.25, RULE),
        ("LINEBEFORE", (10, 0), (11, last), 0.25, RULE),
        ("LINEBELOW", (0, last), (-1, last), 0.8, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (3, 0), (10, -1), 2),
        ("RIGHTPADDING", (3, 0), (10, -1), 2),
        *style,
    ]))  # fmt: skip
    return table


# --- the radar chart ------------------------------------------------------------------------


class FiveScaleSpider(SpiderChart):
    """A spider chart whose rim is the top score (5), whatever the scores given."""

    def normalizeData(self, outer: float = 0.0) -> list[list[float]]:  # noqa: N802
        self._norm = MAX_SCORE
        return [[value / MAX_SCORE for value in row] for row in self.data]


def _rings(cx: float, cy: float, radius: float, spokes: int, fonts: Fonts) -> list[object]:
    """The grid: one polygon per score 1–5, labelled along the first spoke."""
    shapes: list[object] = []
    for score in range(1, MAX_SCORE + 1):
        r = radius * score / MAX_SCORE
        points: list[float] = []
        for i in range(spokes + 1):
            angle = pi / 2 - 2 * pi * i / spokes  # clockwise from north, as the chart
            points += [cx + r * cos(angle), cy + r * sin(angle)]
        shapes.append(PolyLine(points, strokeColor=RULE, strokeWidth=0.4))
        shapes.append(String(cx + 2, cy + r + 1, str(score), fontName=fonts.regular,
                             fontSize=7, fillColor=GREY))  # fmt: skip
    return shapes


def _legend_name(partner: ComparedLike, fonts: Fonts, width: float) -> str:
    """ "1. 名称 (4.00)", cut with "…" to ``width``; characters the main font lacks become □
    (the table shows them)."""
    name = "".join(ch if fonts.has(ch) else "\u25a1" for ch in fonts.clean(partner.name))
    total = f" ({score_text(partner.total_hundredths)})"
    text = f"{partner.rank}. {name}"
    while len(text) > 4 and stringWidth(text + total, fonts.regular, LEGEND_SIZE) > width:
        text = text[:-2] + "…"
    return text + total


def strand_colour(index: int) -> tuple[colors.Color, tuple[float, float] | None]:
    """The line colour of the ``index``-th partner, dashed after the palette's first round."""
    return PALETTE[index % len(PALETTE)], None if index < len(PALETTE) else (4, 2)


def _legend(partners: Sequence[ComparedLike], fonts: Fonts) -> list[object]:
    """One row per partner: its line (colour, dash, marker) and its rank, name and total."""
    x, top = LEGEND_X, CHART_HEIGHT - 18 * mm
    step = min(5.5 * mm, (top - 4 * mm) / max(len(partners), 1))
    width = WIDTH - x - 12 * mm
    shapes: list[object] = []
    for i, partner in enumerate(partners):
        colour, dash = strand_colour(i)
        y = top - i * step
        shapes.append(
            Line(
                x,
                y + 2.5,
                x + 10 * mm,
                y + 2.5,
                strokeColor=colour,
                strokeWidth=1.4,
                strokeDashArray=dash,
            )
        )
        shapes.append(Circle(x + 5 * mm, y + 2.5, 1.8, fillColor=colour, strokeColor=colour))
        shapes.append(
            String(
                x + 12 * mm,
                y,
                _legend_name(partner, fonts, width),
                fontName=fonts.regular,
                fontSize=LEGEND_SIZE,
            )
        )
    return shapes  # fmt: skip


def radar_chart(comparison: ComparisonLike, doc: Document, lang: str) -> Drawing:
    partners = list(comparison.partners)
    fonts = doc.fonts
    drawing = Drawing(WIDTH, CHART_HEIGHT)
    cx, cy, radius = 85 * mm, CHART_HEIGHT / 2 - 4 * mm, CHART_SIZE / 2
    drawing.add(String(0, CHART_HEIGHT - 10, doc.labels["chart"], fontName=fonts.bold,
                       fontSize=10))  # fmt: skip
    for shape in _rings(cx, cy, radius, len(FACTORS), fonts):
        drawing.add(shape)
    chart = FiveScaleSpider()
    chart.x, chart.y = cx - radius, cy - radius
    chart.width = chart.height = 2 * radius
    chart.data = [[p.scores.get(f.value, 0) for f in FACTORS] for p in partners]
    chart.labels = [name_of(FACTOR_NAMES, f.value, lang) for f in FACTORS]
    chart.spokes.strokeColor, chart.spokes.strokeWidth = RULE, 0.4
    chart.spokes.labelRadius = 1.06
    chart.spokeLabels.fontName, chart.spokeLabels.fontSize = fonts.regular, 9
    chart.spokeLabels.boxAnchor = "autox"  # beside the rim, whichever side it is on
    for i, _partner in enumerate(partners):
        strand = chart.strands[i]
        strand.strokeColor, strand.strokeDashArray = strand_colour(i)
        strand.strokeWidth, strand.fillColor = 1.4, None
        strand.symbol, strand.symbolSize = "FilledCircle", 3.5
    drawing.add(chart)
    for shape in _legend(partners, fonts):
        drawing.add(shape)
    return drawing


# --- the document ---------------------------------------------------------------------------


def _shortlist_note(
    comparison: ComparisonLike, reasons: Sequence[tuple[str, str]], doc: Document
) -> list[Flowable]:
    count, minimum = len(comparison.partners), comparison.shortlist_min
    story: list[Flowable] = [
        Spacer(0, 3 * mm), doc.para(doc.text("too_few", count=count, minimum=minimum), "warning")
    ]  # fmt: skip
    if not reasons:
        return [*story, doc.para(doc.labels["no_reason"], "note")]
    story.append(doc.para(doc.labels["reasons"], "value", True))
    colon = doc.labels["colon"]
    story += [doc.para(f"· {who}{colon}{reason}", "value") for who, reason in reasons]
    return story


def _story(
    comparison: ComparisonLike, doc: Document, lang: str, reasons: Sequence[tuple[str, str]]
) -> list[Flowable]:
    labels = doc.labels
    count = len(comparison.partners)
    info = [
        labels["industry"] + labels["colon"] + name_of(INDUSTRY_NAMES, comparison.industry, lang),
        doc.text("compared", count=count, minimum=comparison.shortlist_min),
        f"{labels['printed_at']} {doc.printed}",
    ]
    story: list[Flowable] = []
    if doc.programme:
        story.append(doc.para(doc.programme, "programme"))
    story += [
        doc.para(labels["title"], "title", True),
        Spacer(0, 1 * mm),
        doc.para(" · ".join(info), "info"),
        doc.para(labels["weights"] + labels["colon"] + weights_text(comparison.weights, lang),
                 "info"),
        Spacer(0, 3 * mm),
        comparison_table(comparison, doc, lang),
    ]  # fmt: skip
    if any(p.overridden for p in comparison.partners):
        story += [Spacer(0, 2 * mm), doc.para(labels["override_note"], "red")]
    if not comparison.enough:
        story += _shortlist_note(comparison, reasons, doc)
    if count:
        story += [Spacer(0, 4 * mm), CondPageBreak(CHART_HEIGHT),
                  KeepTogether([radar_chart(comparison, doc, lang)])]  # fmt: skip
    return story


def write_comparison(
    comparison: ComparisonLike,
    path: str | os.PathLike[str],
    language: str = "zh_CN",
    *,
    programme: str = "",
    printed_at: datetime | None = None,
    reasons: Sequence[tuple[str, str]] = (),
    fonts: Fonts | None = None,
) -> WrittenPdf:
    """Render the comparison to ``path`` (replaced atomically); returns the path with the
    characters no font has as ``missing_glyphs``. ``reasons``: (partner, recorded reason why
    fewer than the shortlist size were compared), printed when too few were compared.
    ``printed_at`` is shown as it is. Raises PdfWriteError when the file cannot be written."""
    lang = language_of(language)
    fonts = (fonts or register_fonts()).for_document()
    labels = LABELS[lang]
    printed = printed_at.strftime("%Y-%m-%d %H:%M") if printed_at else ""
    doc = Document(fonts, dict(labels), programme_title(programme, lang), labels["title"],
                   printed, paragraph_styles(fonts, lang))  # fmt: skip
    return write_document(path, _story(comparison, doc, lang, reasons), doc, PAGE)
