"""The partner registry: every partner with its industry, status, admission and score,
searched and filtered; the selected one in full beside the list; and, above, the contracts
that end soon and need renewing."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor
from app.services.partners.cooperation import RenewalRow, renewals_due
from app.services.partners.registry import PartnerFilter, PartnerRow, list_partners
from app.services.shared.changes import Area
from app.services.shared.database import Database
from app.ui.benefits.common import ERROR_COLOUR, OK_COLOUR
from app.ui.partners.labels import (
    INDUSTRIES,
    STATUSES,
    industry_name,
    mode_name,
    score_text,
    status_name,
)
from app.ui.partners.partner_panel import PartnerPanel
from app.ui.shared.errors import message_for
from app.ui.shared.events import on_change
from app.ui.shared.i18n import format_date, format_int
from app.ui.shared.paged_model import RowsModel, RowsView
from app.ui.shared.worker import run_in_background

CODE, NAME, INDUSTRY, STATUS, SCORE, ADMISSION = range(6)
SEARCH_DELAY_MS = 300
BANNER_STYLE = "background: #fff3cd; color: #664d03; padding: 6px; border: 1px solid #ffe69c;"
# What the partner screens refresh on: their own tables, requests, the catalog, settings.
PARTNER_AREAS = {Area.PARTNERS, Area.APPROVALS, Area.BENEFITS, Area.SETTINGS}


@dataclass(frozen=True)
class Registry:
    partners: list[PartnerRow]
    renewals: list[RenewalRow]


class RegistryTab(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self._generation = 0
        self._select_id: int | None = None
        self.banner = QLabel()
        self.banner.setObjectName("renewal_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.model = RowsModel(
            [self.tr("Code"), self.tr("Name"), self.tr("Industry"), self.tr("Status"),
             self.tr("Score"), self.tr("Admission")],
            self._cells, right=frozenset({SCORE}),
        )  # fmt: skip
        self.model.colours = self._colour
        self.table = RowsView("partner_table", self.model, NAME)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.list_status = QLabel(self.tr("Loading…"))
        self.list_status.setObjectName("partner_list_status")
        self.panel = PartnerPanel(db, actor)
        self.panel.changed.connect(self._partner_changed)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._filters())
        column.addWidget(self.table, 1)
        column.addWidget(self.list_status)
        splitter = QSplitter()
        splitter.setObjectName("registry_splitter")
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([600, 750])  # scaled to the width the page gets
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        on_change(self, PARTNER_AREAS, self.refresh)
        self.reload()

    def _filters(self) -> QHBoxLayout:
        self.search = QLineEdit()
        self.search.setObjectName("partner_search")
        self.search.setPlaceholderText(self.tr("Search by code, name or credit code"))
        self.search.setClearButtonEnabled(True)
        self.industry = QComboBox()
        self.industry.setObjectName("partner_industry_filter")
        self.industry.addItem(self.tr("All industries"), None)
        for code in INDUSTRIES:
            self.industry.addItem(industry_name(code), str(code))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("partner_status_filter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for code in STATUSES:
            self.status_filter.addItem(status_name(code), str(code))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self.industry.currentIndexChanged.connect(lambda _i: self.reload())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.industry)
        row.addWidget(self.status_filter)
        return row

    # the list --------------------------------------------------------------------------------

    def filters(self) -> PartnerFilter:
        return PartnerFilter(
            self.search.text().strip(),
            self.industry.currentData(),
            self.status_filter.currentData(),
        )

    def reload(self) -> None:
        self._generation += 1
        generation, filters, db, actor = self._generation, self.filters(), self.db, self.actor
        run_in_background(
            lambda: Registry(list_partners(db, actor, filters), renewals_due(db, actor)),
            lambda registry: self._show(generation, registry), self._failed,
        )  # fmt: skip

    def refresh(self) -> None:
        """Something changed elsewhere (a decision in Approvals…): the list and the panel."""
        self.reload()
        self.panel.reload()

    def _show(self, generation: int, registry: Registry) -> None:
        if generation != self._generation:
            return  # an older search answered late
        wanted = self._select_id if self._select_id is not None else self.selected_id()
        self._select_id = None
        self.model.set_rows(registry.partners)
        for r, row in enumerate(registry.partners):
            if row.id == wanted:
                self.table.selectRow(r)
        self._show_renewals(registry.renewals)
        if registry.partners:
            self.list_status.setText(
                self.tr("{n} partners").format(n=format_int(len(registry.partners)))
            )
        elif any((self.filters().search, self.filters().industry, self.filters().status)):
            self.list_status.setText(self.tr("No partner matches the search and filters."))
        else:
            self.list_status.setText(self.tr("No partners yet."))

    def _show_renewals(self, renewals: list[RenewalRow]) -> None:
        self.banner.setVisible(bool(renewals))
        if not renewals:
            return
        lines = [
            self.tr("{code} {name}: {mode} ends on {date} ({days} days)").format(
                code=r.partner_code, name=r.partner_name, mode=mode_name(r.mode),
                date=format_date(r.contract_end), days=format_int(r.days_left),
            )
            for r in renewals
        ]  # fmt: skip
        self.banner.setText(
            self.tr("Contracts to renew soon: {n}").format(n=format_int(len(renewals)))
            + "\n" + "\n".join(lines)
        )  # fmt: skip

    def _failed(self, exc: BaseException) -> None:
        self.list_status.setText(message_for(exc))

    def _cells(self, row: PartnerRow) -> list[str]:
        return [
            row.code, row.name, industry_name(row.industry), status_name(row.status),
            score_text(row.score_hundredths), self._admission_text(row),
        ]  # fmt: skip

    def _admission_text(self, row: PartnerRow) -> str:
        if row.admission_passed is None:
            return "—"
        if row.admission_passed:
            return self.tr("Passed")
        return self.tr("Failed, overridden") if row.overridden else self.tr("Failed")

    def _colour(self, row: PartnerRow, column: int) -> str | None:
        if column != ADMISSION or row.admission_passed is None:
            return None
        return OK_COLOUR if row.admission_passed else ERROR_COLOUR

    def selected(self) -> PartnerRow | None:
        r = self.table.current_row()
        return self.model.rows[r] if r is not None and r < len(self.model.rows) else None

    def selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row else None

    def _selected(self) -> None:
        partner_id = self.selected_id()
        if partner_id != self.panel.partner_id:
            self.panel.show_partner(partner_id)

    def _partner_changed(self, partner_id: int) -> None:
        self._select_id = partner_id
        self.reload()

    def select_partner(self, partner_id: int) -> None:
        """Select the partner in the list (reloading it with no filter if it is not shown)."""
        for r, row in enumerate(self.model.rows):
            if row.id == partner_id:
                self.table.selectRow(r)
                return
        self._select_id = partner_id
        self.search.clear()
        self.industry.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(0)
        self.reload()
