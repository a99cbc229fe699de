"""保级预警: members whose tier validity ends soon and who lack the points to retain it, as a
call list for the dealer (each dealer sees its own members, headquarters all)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from app.domain.roles import Actor
from app.services import tiers
from app.services.shared.changes import Area
from app.services.shared.database import Database
from app.services.tiers import AtRiskRow, exports
from app.ui.shared.errors import message_for
from app.ui.shared.events import on_change
from app.ui.shared.i18n import format_date, format_int
from app.ui.shared.paged_model import RowsModel
from app.ui.shared.worker import run_in_background
from app.ui.tiers.member_lists import MemberTable, export_list, show_exported

DEFAULT_DAYS = 60
RELOAD_DELAY_MS = 300  # wait until the days box stops changing
MISSING_COLUMN = 7


class AtRiskTab(QWidget):
    member_requested = Signal(int)

    def __init__(self, db: Database, actor: Actor, today: Callable[[], date], parent=None):
        super().__init__(parent)
        self.db, self.actor, self.today = db, actor, today
        self.export_path: str | None = None
        self._loading = 0  # answers for an older number of days are dropped
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(RELOAD_DELAY_MS)
        self._debounce.timeout.connect(self.reload)

        intro = QLabel(
            self.tr(
                "Members whose tier validity ends soon and whose qualifying points of the "
                "period do not yet retain it: call them before the review."
            )
        )
        intro.setWordWrap(True)
        self.days = QSpinBox()
        self.days.setObjectName("at_risk_days")
        self.days.setRange(1, 366)
        self.days.setValue(DEFAULT_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.days.valueChanged.connect(lambda _v: self._debounce.start())
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setObjectName("refresh_at_risk")
        refresh.clicked.connect(self.reload)
        self.export = QPushButton(self.tr("Export call list…"))
        self.export.setObjectName("export_at_risk")
        self.export.setToolTip(self.tr("The whole list as an .xlsx file, for phone calls"))
        self.export.clicked.connect(self._export)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Validity ends within")))
        controls.addWidget(self.days)
        controls.addStretch(1)
        controls.addWidget(refresh)
        controls.addWidget(self.export)
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("at_risk_summary")
        self.summary.setStyleSheet("font-weight: bold;")
        self.model = RowsModel(
            [self.tr("Member number"), self.tr("Name"), self.tr("Mobile"), self.tr("Dealer"),
             self.tr("Tier"), self.tr("Valid until"), self.tr("Qualifying points"),
             self.tr("Points needed")],
            self._cells, frozenset({6, 7}), self,
        )  # fmt: skip
        self.model.colours = lambda _row, column: "#b00020" if column == MISSING_COLUMN else None
        self.table = MemberTable("at_risk_table", self.model, spare=3)
        self.table.activated.connect(
            lambda index: self.member_requested.emit(self.model.rows[index.row()].member_id)
        )
        self.status = QLabel()
        self.status.setObjectName("at_risk_status")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        on_change(self, {Area.TIERS, Area.POINTS}, self._debounce.start)
        self.reload()

    def _cells(self, row: AtRiskRow) -> tuple[str, ...]:
        return (
            row.member_number, row.name, row.mobile or "", row.dealer or "", row.tier,
            format_date(row.valid_until), format_int(row.points), format_int(row.missing),
        )  # fmt: skip

    def reload(self) -> None:
        self._debounce.stop()
        days = self.days.value()
        self._loading += 1
        generation = self._loading
        self.summary.setText(self.tr("Counting…"))
        db, actor = self.db, self.actor
        run_in_background(
            lambda: tiers.at_risk(db, actor, days),
            lambda rows: self._show(generation, days, rows),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _show(self, generation: int, days: int, rows: list[AtRiskRow]) -> None:
        if generation != self._loading:
            return
        self.model.set_rows(rows)
        end = format_date(self.today() + timedelta(days=days))
        if not rows:
            template = self.tr("No member is short of retaining a tier that ends by {date}.")
        elif len(rows) == 1:
            template = self.tr("1 member may lose their tier by {date}.")
        else:
            template = self.tr("{n} members may lose their tier by {date}.")
        self.summary.setText(template.format(n=format_int(len(rows)), date=end))
        self.export.setEnabled(bool(rows))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._loading:
            self.summary.setText(message_for(exc))

    def _export(self) -> None:
        days, db, actor = self.days.value(), self.db, self.actor
        started = export_list(
            self,
            self.tr("Export call list"),
            self.tr("tier-call-list_{date}.xlsx").format(date=self.today().strftime("%Y%m%d")),
            self.tr("Exporting the call list…"),
            lambda path, language: exports.export_at_risk(db, actor, path, days, language),
            self._exported,
            self._export_failed,
        )
        if started:
            self.export.setEnabled(False)

    def _exported(self, path: str, count: int) -> None:
        self.export.setEnabled(True)
        self.export_path = path
        self.status.setText(show_exported(self, self.tr("Export call list"), path, count))

    def _export_failed(self, exc: BaseException) -> None:
        self.export.setEnabled(True)
        self.status.setText(message_for(exc))
