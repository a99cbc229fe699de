"""Tiers: one page with a tab per task — the policy, the review, the at-risk call list and the
history of review runs."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.domain.roles import Actor, Permission
from app.services import tiers
from app.services.shared.database import Database
from app.services.shared.scope import today_in
from app.ui.runs.runs_tab import RunsTab
from app.ui.tiers.at_risk_tab import AtRiskTab
from app.ui.tiers.policy_tab import PolicyTab
from app.ui.tiers.review_tab import ReviewTab


class TiersPage(QWidget):
    """Tabs for what the signed-in role may use; the others are not shown at all."""

    member_requested = Signal(int)  # the main window opens the member view

    def __init__(self, db: Database, actor: Actor, timezone: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.timezone = db, actor, timezone
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tiers_tabs")
        self.policy = PolicyTab(db, actor, self.today)
        self.policy.setObjectName("policy_tab")
        self.tabs.addTab(self.policy, self.tr("Tier policy"))
        self.review: ReviewTab | None = None
        if actor.can(Permission.RUN_TIER_REVIEW):
            self.review = ReviewTab(db, actor, self.today)
            self.review.setObjectName("review_tab")
            self.review.member_requested.connect(self.member_requested)
            self.tabs.addTab(self.review, self.tr("Tier review"))
        self.at_risk = AtRiskTab(db, actor, self.today)
        self.at_risk.setObjectName("at_risk_tab")
        self.at_risk.member_requested.connect(self.member_requested)
        self.tabs.addTab(self.at_risk, self.tr("Tiers at risk"))
        self.runs: RunsTab | None = None
        if actor.can(Permission.VIEW_REPORTS):
            self.runs = RunsTab(db, actor, {tiers.REVIEW_RUN: self._resume()})
            self.runs.setObjectName("runs_tab")
            self.tabs.addTab(self.runs, self.tr("Review history"))
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(QLabel("<h2>" + self.tr("Tiers") + "</h2>"))
        header.addStretch(1)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def _resume(self):
        """Finishing an interrupted review (for those who may run it)."""
        if not self.actor.can(Permission.RUN_TIER_REVIEW):
            return None
        db, actor = self.db, self.actor
        return lambda as_of, progress: tiers.commit_review(db, actor, as_of, progress)

    def today(self) -> date:
        return today_in(self.db, self.timezone)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]
