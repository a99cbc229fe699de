"""The monthly report's on-screen charts (QtCharts): points moved in the month, the lifecycle
stages and the tier distribution. Each chart keeps the figures it draws (``values``) so the
tests can read them back."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from app.ui.shared.i18n import format_int

BAR_COLOUR = "#1f77b4"
STAGE_COLOURS = ("#2ca02c", "#ffbf00", "#ff7f0e", "#7f7f7f")  # active silent sleeping lost


class _ChartView(QChartView):
    def __init__(self, name: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(300, 240)
        self.chart_ = QChart()
        self.chart_.setTitle(title)
        self.chart_.setBackgroundRoundness(0)
        self.chart_.setMargins(QMargins(4, 4, 4, 4))
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setChart(self.chart_)
        self.values: list[tuple[str, int]] = []

    def clear(self) -> None:
        self.chart_.removeAllSeries()
        for axis in self.chart_.axes():
            self.chart_.removeAxis(axis)
        self.values = []


class BarChart(_ChartView):
    """One bar per (label, value)."""

    def show_values(self, values: Sequence[tuple[str, int]], series_name: str) -> None:
        self.clear()
        self.values = list(values)
        bars = QBarSet(series_name)
        bars.setColor(QColor(BAR_COLOUR))
        for _label, value in self.values:
            bars.append(value)
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        self.chart_.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([label for label, _value in self.values])
        self.chart_.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        axis = QValueAxis()
        axis.setLabelFormat("%d")
        axis.setRange(0, max([value for _label, value in self.values] + [1]) * 1.1)
        axis.applyNiceNumbers()
        self.chart_.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
        self.chart_.legend().setVisible(False)


class PieChart(_ChartView):
    """One slice per (label, value), labelled with its count."""

    def show_values(self, values: Sequence[tuple[str, int]]) -> None:
        self.clear()
        self.values = list(values)
        series = QPieSeries()
        for index, (label, value) in enumerate(self.values):
            piece = series.append(f"{label} {format_int(value)}", value)
            piece.setColor(QColor(STAGE_COLOURS[index % len(STAGE_COLOURS)]))
        self.chart_.addSeries(series)
        self.chart_.legend().setVisible(True)
