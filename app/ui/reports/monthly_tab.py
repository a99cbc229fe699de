"""The monthly report (月度报表) on screen: a month and a scope (the whole network, a region or
one dealer; dealer staff their own dealer), "Show" gathers the report in a worker, the
figures and charts follow, a failed check in red at the top (never hidden), and the pack is
exported to Excel or PDF in a worker, with its folder offered afterwards."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor, Permission
from app.services import staff
from app.services.settings import ProgrammeSettings, get_settings
from app.services.shared.database import Database
from app.services.shared.scope import today_in
from app.ui.benefits.common import offer_folder
from app.ui.reports.monthly_figures import FiguresPanel, check_text, scope_text, stage_name
from app.ui.reports.report_charts import BarChart, PieChart
from app.ui.shared.errors import message_for
from app.ui.shared.forms import XLSX
from app.ui.shared.i18n import chosen_language
from app.ui.shared.labels import programme_name_text
from app.ui.shared.worker import run_in_background, run_with_progress

NETWORK, REGION, DEALER = "network", "region", "dealer"
PDF = "PDF (*.pdf)"


def build_report(db, actor, month, dealer_id, region, progress):
    """The report's data (``app.services.reports.monthly``, loaded on first use)."""
    from app.services.reports.monthly import monthly_report

    return monthly_report(db, actor, month, dealer_id=dealer_id, region=region, progress=progress)


def export_report(db, actor, month, dealer_id, region, xlsx, pdf, language, progress):
    """The pack's files (``app.services.reports.exports``: openpyxl and reportlab)."""
    from app.services.reports.exports import export_monthly

    return export_monthly(
        db, actor, month, dealer_id=dealer_id, region=region, xlsx=xlsx, pdf=pdf,
        language=language, progress=progress,
    )  # fmt: skip


def last_month(today: date) -> QDate:
    first = QDate(today.year, today.month, 1)
    return first.addMonths(-1)


class MonthlyTab(QWidget):
    def __init__(self, db: Database, actor: Actor, parent=None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.report = None
        self.export_path: str | None = None
        self.progress: QProgressDialog | None = None
        self.month = QDateEdit()
        self.month.setObjectName("report_month")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        self.month.setDate(last_month(today_in(db, ProgrammeSettings().timezone)))
        run_in_background(  # then by the programme's own time zone (a settings read)
            lambda: today_in(db, get_settings(db).timezone), self._dated, lambda _exc: None
        )
        self.scope = QComboBox()
        self.scope.setObjectName("report_scope")
        self.choice = QComboBox()
        self.choice.setObjectName("scope_choice")
        self.choice.setMinimumWidth(220)
        self.dealers: list = []
        self._fill_scopes()
        self.scope.currentIndexChanged.connect(lambda _i: self._fill_choices())
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setObjectName("show_report")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.show_report)
        self.export_xlsx = QPushButton(self.tr("Export Excel…"))
        self.export_xlsx.setObjectName("export_xlsx")
        self.export_xlsx.clicked.connect(lambda: self._export("xlsx"))
        self.export_pdf = QPushButton(self.tr("Export PDF…"))
        self.export_pdf.setObjectName("export_pdf")
        self.export_pdf.setToolTip(self.tr("The report to print and sign (A4)"))
        self.export_pdf.clicked.connect(lambda: self._export("pdf"))
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Month")))
        controls.addWidget(self.month)
        controls.addWidget(QLabel(self.tr("Scope")))
        controls.addWidget(self.scope)
        controls.addWidget(self.choice)
        controls.addWidget(self.show_button)
        controls.addStretch(1)
        controls.addWidget(self.export_xlsx)
        controls.addWidget(self.export_pdf)
        self.checks = QLabel()
        self.checks.setObjectName("failed_checks")
        self.checks.setWordWrap(True)
        self.checks.setStyleSheet(
            "background:#fde7ea; color:#b00020; border:1px solid #b00020; padding:6px;"
            "font-weight:bold;"
        )
        self.checks.hide()
        self.title = QLabel(self.tr("Choose a month and a scope, then press Show."))
        self.title.setObjectName("report_title")
        self.title.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("report_status")
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.checks)
        layout.addWidget(self.title)
        layout.addWidget(self._body(), 1)
        layout.addWidget(self.status)
        self._load_dealers()

    def _body(self) -> QScrollArea:
        self.figures = FiguresPanel()
        self.points_chart = BarChart("points_chart", self.tr("Points in the month"))
        self.stages_chart = PieChart("stages_chart", self.tr("Lifecycle stages at month end"))
        self.tiers_chart = BarChart("tiers_chart", self.tr("Members by tier"))
        charts = QGridLayout()
        charts.addWidget(self.points_chart, 0, 0)
        charts.addWidget(self.stages_chart, 0, 1)
        charts.addWidget(self.tiers_chart, 0, 2)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(self.figures)
        inner.addLayout(charts)
        inner.addStretch(1)
        area = QScrollArea()
        area.setObjectName("report_body")
        area.setWidgetResizable(True)
        area.setWidget(content)
        return area

    # scope -------------------------------------------------------------------------------------

    def _fill_scopes(self) -> None:
        if self.actor.is_headquarters:
            self.scope.addItem(self.tr("Whole network"), NETWORK)
            self.scope.addItem(self.tr("Region"), REGION)
            self.scope.addItem(self.tr("Dealer"), DEALER)
            self.choice.setEnabled(False)
        else:  # dealer staff: their own dealer, nothing else
            self.scope.addItem(self.tr("Dealer"), DEALER)
            self.scope.setEnabled(False)
            self.choice.addItem(self.actor.dealer_name or "", self.actor.dealer_id)
            self.choice.setEnabled(False)

    def _dated(self, today: date) -> None:
        """Last month by the programme's clock, unless the user already chose a month."""
        if self.month.date() == last_month(today_in(self.db, ProgrammeSettings().timezone)):
            self.month.setDate(last_month(today))

    def _load_dealers(self) -> None:
        if not self.actor.is_headquarters or not self.actor.can(Permission.VIEW_DEALERS):
            return
        db, actor = self.db, self.actor
        run_in_background(
            lambda: staff.list_dealers(db, actor, include_inactive=False),
            self._dealers_loaded,
            lambda exc: self.status.setText(message_for(exc)),
        )

    def _dealers_loaded(self, dealers) -> None:
        self.dealers = list(dealers)
        self._fill_choices()

    def _fill_choices(self) -> None:
        if not self.actor.is_headquarters:
            return
        kind = self.scope.currentData()
        self.choice.clear()
        if kind == REGION:
            for region in sorted({d.region for d in self.dealers}):
                self.choice.addItem(region, region)
        elif kind == DEALER:
            for dealer in self.dealers:
                self.choice.addItem(f"{dealer.name} ({dealer.code})", dealer.id)
        self.choice.setEnabled(kind != NETWORK)

    def chosen(self) -> tuple[str, int | None, str | None]:
        """(month "YYYY-MM", dealer id, region) as the pickers stand."""
        picked = self.month.date()
        month = f"{picked.year():04d}-{picked.month():02d}"
        kind = self.scope.currentData()
        if kind == DEALER:
            return month, self.choice.currentData(), None
        if kind == REGION:
            return month, None, self.choice.currentData()
        return month, None, None

    # the report --------------------------------------------------------------------------------

    def show_report(self) -> None:
        month, dealer_id, region = self.chosen()
        if self.scope.currentData() != NETWORK and dealer_id is None and region is None:
            self.status.setText(self.tr("Choose the region or dealer first."))
            return
        db, actor = self.db, self.actor
        self.show_button.setEnabled(False)
        self.status.setText(self.tr("Building the report…"))
        self.progress = run_with_progress(
            self,
            self.tr("Building the monthly report…"),
            lambda progress: build_report(db, actor, month, dealer_id, region, progress),
            self._shown,
            self._failed,
        )

    def _shown(self, report) -> None:
        self.show_button.setEnabled(True)
        self.report = report
        self.status.setText("")
        if report.checks:
            lines = [self.tr("This report failed its checks:")]
            lines += [check_text(check) for check in report.checks]
            self.checks.setText("\n".join(lines))
            self.checks.show()
        else:
            self.checks.hide()
            self.checks.setText("")
        self.title.setText(
            "<b>"
            + self.tr("{programme} · {scope} · {month}").format(
                programme=programme_name_text(report.programme_name),
                scope=scope_text(report.scope),
                month=report.scope.month,
            )
            + "</b>"
        )  # fmt: skip
        self.figures.show_report(report)
        self._charts(report)

    def _charts(self, report) -> None:
        points = report.points
        self.points_chart.show_values(
            [
                (self.tr("Earned"), points.earned),
                (self.tr("Offset"), points.offset),
                (self.tr("Redeemed"), points.redeemed),
                (self.tr("Expired"), points.expired),
            ],
            self.tr("Points"),
        )
        self.stages_chart.show_values(
            [(stage_name(row.code), row.count) for row in report.members.stages]
        )
        self.tiers_chart.show_values(
            [(row.label, row.count) for row in report.members.by_tier], self.tr("Members")
        )

    def _failed(self, exc: BaseException) -> None:
        self.show_button.setEnabled(True)
        self.export_xlsx.setEnabled(True)
        self.export_pdf.setEnabled(True)
        self.status.setText(message_for(exc))

    # export ------------------------------------------------------------------------------------

    def _export(self, kind: str) -> None:
        month, dealer_id, region = self.chosen()
        if self.scope.currentData() != NETWORK and dealer_id is None and region is None:
            self.status.setText(self.tr("Choose the region or dealer first."))
            return
        suffix, pattern = (".xlsx", XLSX) if kind == "xlsx" else (".pdf", PDF)
        default = self.tr("monthly-report_{month}").format(month=month) + suffix
        title = self.tr("Export Excel") if kind == "xlsx" else self.tr("Export PDF")
        path, _ = QFileDialog.getSaveFileName(self, title, default, pattern)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        xlsx, pdf = (Path(path), None) if kind == "xlsx" else (None, Path(path))
        db, actor = self.db, self.actor
        language = "zh_CN" if chosen_language() == "zh_CN" else "en"
        self.export_xlsx.setEnabled(False)
        self.export_pdf.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        self.progress = run_with_progress(
            self,
            self.tr("Writing the monthly report…"),
            lambda progress: export_report(
                db, actor, month, dealer_id, region, xlsx, pdf, language, progress
            ),
            lambda _result: self._exported(title, path),
            self._failed,
        )  # fmt: skip

    def _exported(self, title: str, path: str) -> None:
        self.export_xlsx.setEnabled(True)
        self.export_pdf.setEnabled(True)
        self.export_path = path
        text = self.tr("The report was saved to {path}.").format(path=path)
        self.status.setText(text)
        offer_folder(self, title, text, path)
