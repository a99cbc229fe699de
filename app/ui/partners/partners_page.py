"""Partners (异业合作): one page with a tab per task — the registry (each partner's record,
admission, evaluation, cooperation modes and benefits) and the comparison of an industry's
candidates — then the complaints about partners, their service levels per month and the
monthly settlement."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.domain.roles import Actor, Permission
from app.services.shared.database import Database
from app.ui.partners.comparison_tab import ComparisonTab
from app.ui.partners.complaints_tab import ComplaintsTab
from app.ui.partners.registry_tab import RegistryTab
from app.ui.partners.service_levels_tab import ServiceLevelsTab
from app.ui.partners.settlement_tab import SettlementTab


class PartnersPage(QWidget):
    """Everyone with VIEW_PARTNERS reads it; headquarters with MANAGE_PARTNERS act in it."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.tabs = QTabWidget()
        self.tabs.setObjectName("partner_tabs")
        self.registry = RegistryTab(db, actor)
        self.registry.setObjectName("registry_tab")
        self.comparison = ComparisonTab(db, actor)
        self.comparison.setObjectName("comparison_tab")
        self.add_tab(self.registry, self.tr("Registry"))
        self.add_tab(self.comparison, self.tr("Comparison"))
        self.complaints = ComplaintsTab(db, actor)
        self.add_tab(self.complaints, self.tr("Complaints"))
        self.service_levels = ServiceLevelsTab(db, actor)
        self.add_tab(self.service_levels, self.tr("Service levels"))
        if actor.can(Permission.VIEW_REPORTS) and actor.is_headquarters:  # as the service
            self.settlement = SettlementTab(db, actor)
            self.add_tab(self.settlement, self.tr("Settlement"))
        # A score or status given in the registry shows in the comparison next time it is seen.
        self.registry.panel.changed.connect(lambda _id: self.comparison.reload())
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(QLabel("<h2>" + self.tr("Partners") + "</h2>"))
        header.addStretch(1)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Another area's tab (complaints, service levels, settlement…); its index."""
        return self.tabs.addTab(widget, title)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]
