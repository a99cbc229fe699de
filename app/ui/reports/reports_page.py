"""Reports (报表): one page with a tab per report — the monthly report pack, the outreach
lists and the quarterly value segmentation."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.domain.roles import Actor
from app.services.shared.database import Database
from app.ui.reports.monthly_tab import MonthlyTab
from app.ui.reports.outreach_tab import OutreachTab
from app.ui.reports.segmentation_tab import SegmentationTab


class ReportsPage(QWidget):
    """For VIEW_REPORTS (supervisors, admins, auditors); dealer staff see their dealer."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.tabs = QTabWidget()
        self.tabs.setObjectName("report_tabs")
        self.monthly = MonthlyTab(db, actor)
        self.monthly.setObjectName("monthly_tab")
        self.add_tab(self.monthly, self.tr("Monthly report"))
        self.outreach = OutreachTab(db, actor)
        self.outreach.setObjectName("outreach_tab")
        self.add_tab(self.outreach, self.tr("Outreach lists"))
        self.segmentation = SegmentationTab(db, actor)
        self.add_tab(self.segmentation, self.tr("Value segmentation"))
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(QLabel("<h2>" + self.tr("Reports") + "</h2>"))
        header.addStretch(1)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Another report's tab (value segmentation…); its index."""
        return self.tabs.addTab(widget, title)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]
