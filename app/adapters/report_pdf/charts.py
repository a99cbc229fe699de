"""The report's charts (reportlab graphics): bars, lines and pies drawn from a table's
columns, titled, with a legend when there is more than one series."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from app.adapters.report_pack.layout import Chart, Kind, Table, format_value
from app.adapters.statement_pdf.fonts import Fonts

PALETTE = tuple(
    colors.HexColor(c)
    for c in ("#2F5597", "#C55A11", "#548235", "#7F6000", "#7030A0", "#1F7F8F", "#A5A5A5",
              "#BF8F00", "#264478", "#9E480E")
)  # fmt: skip
GREY = colors.HexColor("#666666")
GRID = colors.HexColor("#DDDDDD")
CHART_HEIGHT = 62 * mm
MAX_CATEGORIES = 24  # a chart of the first ones; the table lists them all


def shown(text: str, fonts: Fonts, limit: int = 14) -> str:
    """Chart text in the main font: characters it lacks as □, long names cut with "…"."""
    text = "".join(ch if fonts.has(ch) else "\u25a1" for ch in fonts.clean(str(text)))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _series(chart: Chart, table: Table) -> tuple[list[str], list[list[float]], float]:
    """Category labels, one list of values per series (yuan as yuan), and the scale."""
    rows = table.rows[:MAX_CATEGORIES]
    labels = [str(row[chart.category]) for row in rows]
    scale = 100.0 if table.columns[chart.values[0]].kind == "yuan" else 1.0
    if table.columns[chart.values[0]].kind == "rate":
        scale = 0.01  # percent on the axis
    data = [[_number(row[c]) / scale for row in rows] for c in chart.values]
    return labels, data, scale


def _title(drawing: Drawing, text: str, fonts: Fonts) -> None:
    drawing.add(String(0, drawing.height - 10, shown(text, fonts, 60), fontName=fonts.bold,
                       fontSize=9.5))  # fmt: skip


def _legend(drawing: Drawing, names: Sequence[str], fonts: Fonts, x: float, y: float) -> None:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = fonts.regular, 7.5
    legend.alignment = "right"
    legend.dx = legend.dy = 7
    legend.deltay = 10
    legend.columnMaximum = 10
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], shown(n, fonts, 18)) for i, n in enumerate(names)
    ]
    drawing.add(legend)


def bar_or_line(chart: Chart, table: Table, fonts: Fonts, width: float) -> Drawing:
    labels, data, scale = _series(chart, table)
    drawing = Drawing(width, CHART_HEIGHT)
    _title(drawing, chart.title, fonts)
    multi = len(data) > 1
    plot = VerticalBarChart() if chart.kind == "bar" else HorizontalLineChart()
    plot.x, plot.y = 16 * mm, 14 * mm
    plot.width = width - plot.x - (42 * mm if multi else 6 * mm)
    plot.height = CHART_HEIGHT - plot.y - 10 * mm
    plot.width = min(plot.width, max(45 * mm, len(labels) * (len(data) * 9 + 8) * mm))
    plot.data = data or [[0.0]]
    plot.categoryAxis.categoryNames = [shown(label, fonts, 8) for label in labels] or [""]
    plot.categoryAxis.labels.fontName = fonts.regular
    plot.categoryAxis.labels.fontSize = 7
    if len(labels) > 8:
        plot.categoryAxis.labels.angle = 30
        plot.categoryAxis.labels.boxAnchor = "ne"
    plot.valueAxis.labels.fontName = fonts.regular
    plot.valueAxis.labels.fontSize = 7
    plot.valueAxis.valueMin = min(0.0, *(min(s) for s in data)) if data and data[0] else 0
    plot.valueAxis.labelTextFormat = _axis_format(scale)
    plot.valueAxis.visibleGrid = True
    plot.valueAxis.gridStrokeColor = GRID
    plot.valueAxis.gridStrokeWidth = 0.4
    for i in range(len(plot.data)):
        colour = PALETTE[i % len(PALETTE)]
        if chart.kind == "bar":
            plot.bars[i].fillColor, plot.bars[i].strokeColor = colour, None
        else:
            plot.lines[i].strokeColor, plot.lines[i].strokeWidth = colour, 1.5
    if chart.kind == "bar":
        plot.barSpacing, plot.groupSpacing = 1, 6
    drawing.add(plot)
    if multi:
        names = [table.columns[c].title for c in chart.values]
        _legend(drawing, names, fonts, plot.x + plot.width + 8 * mm, CHART_HEIGHT - 16 * mm)
    return drawing


def _axis_format(scale: float):
    def text(value: float) -> str:
        if scale == 0.01:
            return f"{value:.0f}%"
        return format_value(int(round(value * scale)), _kind(scale)).replace(".00", "")

    return text


def pie(chart: Chart, table: Table, fonts: Fonts, width: float) -> Drawing:
    labels, data, scale = _series(chart, table)
    values = data[0] if data else []
    kept = [(label, v) for label, v in zip(labels, values, strict=True) if v > 0]
    drawing = Drawing(width, CHART_HEIGHT)
    _title(drawing, chart.title, fonts)
    plot = Pie()
    size = CHART_HEIGHT - 18 * mm
    plot.x, plot.y, plot.width, plot.height = 20 * mm, 5 * mm, size, size
    plot.data = [v for _label, v in kept] or [1.0]
    plot.labels = None
    plot.slices.strokeColor, plot.slices.strokeWidth = colors.white, 0.8
    for i in range(len(plot.data)):
        plot.slices[i].fillColor = PALETTE[i % len(PALETTE)] if kept else GRID
    drawing.add(plot)
    total = sum(v for _label, v in kept) or 1.0
    names = [
        f"{label}  {format_value(int(round(v * scale)), _kind(scale))} ({v / total:.0%})"
        for label, v in kept
    ]
    if names:
        _legend(drawing, names, fonts, 20 * mm + size + 18 * mm, CHART_HEIGHT - 16 * mm)
    return drawing


def _kind(scale: float) -> Kind:
    return "yuan" if scale == 100.0 else "count"


def draw_chart(chart: Chart, table: Table, fonts: Fonts, width: float) -> Drawing:
    if chart.kind == "pie":
        return pie(chart, table, fonts, width)
    return bar_or_line(chart, table, fonts, width)
