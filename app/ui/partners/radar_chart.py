"""The radar chart of a comparison (横比): one closed line per partner over the seven
evaluation factors, scored 1–5."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QCategoryAxis, QChartView, QLineSeries, QPolarChart, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from app.domain.partners import FACTORS, MAX_SCORE
from app.ui.partners.labels import factor_name

# Distinct colours, one per partner (then repeated); no red, which marks failures here.
PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#17becf", "#e377c2", "#7f7f7f",
    "#bcbd22", "#393b79",
)  # fmt: skip


def series_colour(index: int) -> QColor:
    return QColor(PALETTE[index % len(PALETTE)])


class RadarChart(QChartView):
    """``show_partners`` draws the rows given as (legend name, scores by factor)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("radar_chart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(360, 320)
        self.polar = QPolarChart()
        self.polar.setObjectName("radar")
        self.polar.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.polar.setBackgroundRoundness(0)
        self.angular = QCategoryAxis()
        self.angular.setRange(0, len(FACTORS))
        self.angular.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for i, factor in enumerate(FACTORS):
            self.angular.append(factor_name(factor), i)
        self.radial = QValueAxis()
        self.radial.setRange(0, MAX_SCORE)
        self.radial.setTickCount(MAX_SCORE + 1)
        self.radial.setLabelFormat("%d")
        self.polar.addAxis(self.angular, QPolarChart.PolarOrientation.PolarOrientationAngular)
        self.polar.addAxis(self.radial, QPolarChart.PolarOrientation.PolarOrientationRadial)
        self.setChart(self.polar)

    def show_partners(self, rows: Sequence[tuple[str, dict[str, int]]]) -> None:
        self.polar.removeAllSeries()
        for index, (name, scores) in enumerate(rows):
            series = QLineSeries()
            series.setName(name)
            for i, factor in enumerate(FACTORS):
                series.append(i, scores.get(factor.value, 0))
            series.append(len(FACTORS), scores.get(FACTORS[0].value, 0))  # close the line
            pen = QPen(series_colour(index))
            pen.setWidthF(2.2)
            series.setPen(pen)
            series.setPointsVisible(True)
            self.polar.addSeries(series)
            series.attachAxis(self.angular)
            series.attachAxis(self.radial)
        self.polar.legend().setVisible(bool(rows))

    def series_names(self) -> list[str]:
        return [series.name() for series in self.polar.series()]
