"""Points at headquarters: one page with a tab per task."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor, Permission
from app.services import points
from app.services.shared.database import Database
from app.services.shared.scope import today_in
from app.ui.points.checks_tab import ChecksTab
from app.ui.points.documents_import_dialog import TransactionImportDialog
from app.ui.points.expiring_tab import ExpiringTab
from app.ui.points.reasons_tab import ReasonsTab
from app.ui.points.rules_tab import RulesTab
from app.ui.runs.runs_tab import RunsTab


class PointsPage(QWidget):
    """Tabs for what the signed-in role may use; the others are not shown at all."""

    def __init__(self, db: Database, actor: Actor, timezone: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.timezone = db, actor, timezone
        self.tabs = QTabWidget()
        self.tabs.setObjectName("points_tabs")
        self.expiring: ExpiringTab | None = None
        self.rules = RulesTab(db, actor, self.today)
        self.rules.setObjectName("rules_tab")
        self.checks: ChecksTab | None = None
        if actor.can(Permission.VIEW_MEMBERS):
            self.expiring = ExpiringTab(db, actor, self.today)
            self.expiring.setObjectName("expiring_tab")
            self.tabs.addTab(self.expiring, self.tr("Expiring soon"))
        self.tabs.addTab(self.rules, self.tr("Earning rules"))
        if actor.can(Permission.CONFIGURE_PROGRAMME):
            self.reasons = ReasonsTab(db, actor)
            self.reasons.setObjectName("reasons_tab")
            self.tabs.addTab(self.reasons, self.tr("Adjustment reasons"))
        if actor.can(Permission.CONFIGURE_PROGRAMME) or actor.can(Permission.VIEW_AUDIT):
            self.checks = ChecksTab(db, actor, self.today)
            self.checks.setObjectName("checks_tab")
            title = (
                self.tr("Expiry and checks")
                if actor.can(Permission.CONFIGURE_PROGRAMME)
                else self.tr("Ledger check")
            )
            self.tabs.addTab(self.checks, title)
        if actor.can(Permission.VIEW_REPORTS):
            self.runs = RunsTab(db, actor, self._run_kinds())
            self.runs.setObjectName("runs_tab")
            self.tabs.addTab(self.runs, self.tr("Runs"))
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(QLabel("<h2>" + self.tr("Points") + "</h2>"))
        header.addStretch(1)
        if actor.can(Permission.POST_POINTS):
            import_documents = QPushButton(self.tr("Import service documents…"))
            import_documents.setObjectName("import_documents")
            import_documents.clicked.connect(self._import_documents)
            header.addWidget(import_documents)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def _run_kinds(self) -> dict:
        """The points runs, each with the commit that finishes it (for administrators)."""
        db, actor = self.db, self.actor
        if not actor.can(Permission.CONFIGURE_PROGRAMME):
            return {"points_expiry": None, "initial_points": None}
        return {
            "points_expiry": lambda as_of, progress: points.expire_points(
                db, actor, as_of, progress
            ),
            "initial_points": lambda _as_of, progress: points.grant_initial_points(
                db, actor, progress
            ),
        }

    def _import_documents(self) -> None:
        TransactionImportDialog(self.db, self.actor, self).open()

    def today(self) -> date:
        return today_in(self.db, self.timezone)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]
