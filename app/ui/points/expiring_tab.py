"""Points about to expire, for reminders: a lazily paged list and its Excel export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.points import add_months
from app.domain.roles import Actor
from app.services import points
from app.services import settings as programme
from app.services.points import ExpiringRow
from app.services.shared.changes import Area
from app.services.shared.database import Database
from app.ui.shared.errors import message_for
from app.ui.shared.events import on_change
from app.ui.shared.forms import XLSX
from app.ui.shared.i18n import format_date, format_int
from app.ui.shared.paged_model import PagedTableModel
from app.ui.shared.tables import RIGHT
from app.ui.shared.worker import run_in_background, run_with_progress

RELOAD_DELAY_MS = 300  # wait until the months box stops changing


class ExpiringModel(PagedTableModel):
    """One row per member and expiry date, soonest first, fetched a page at a time."""

    page_size = 200
    POINTS_COLUMN = 4

    def __init__(self, db: Database, actor: Actor, parent=None):
        super().__init__([], parent)
        self.db, self.actor, self.months = db, actor, 2
        self.headers = [
            self.tr("Member number"),
            self.tr("Name"),
            self.tr("Mobile"),
            self.tr("Dealer"),
            self.tr("Points"),
            self.tr("Expires on"),
        ]

    def page_after(self, last_row: ExpiringRow | None):
        db, actor, months, size = self.db, self.actor, self.months, self.page_size
        offset = len(self.rows)  # the service pages by offset; the list is sorted stably
        return lambda: points.expiring_soon(db, actor, months, offset=offset, limit=size)

    def cells(self, row: ExpiringRow) -> tuple[str, ...]:
        return (
            row.member_number,
            row.name,
            row.mobile or "",
            row.dealer_name or "",
            format_int(row.points),
            format_date(row.expires_on),
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.POINTS_COLUMN:
            return RIGHT
        return super().data(index, role)


class ExpiringTab(QWidget):
    """Who loses points soon: a count, the list and an Excel file for SMS or phone reminders."""

    def __init__(self, db: Database, actor: Actor, today: Callable[[], date], parent=None):
        super().__init__(parent)
        self.db, self.actor, self.today = db, actor, today
        self._counting = 0  # answers to an older months value are dropped
        self.export_path: str | None = None
        self.progress = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(RELOAD_DELAY_MS)
        self._debounce.timeout.connect(self.reload)
        on_change(self, {Area.POINTS}, self._debounce.start)  # balances moved: count again
        self.months = QSpinBox()
        self.months.setObjectName("months")
        self.months.setRange(1, 12)
        self.months.setValue(programme.ProgrammeSettings().expiring_soon_months)
        self.months.setSuffix(self.tr(" months"))
        self.months.setEnabled(False)  # until the programme's default is known
        self.months.valueChanged.connect(lambda _v: self._debounce.start())
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setObjectName("refresh_expiring")
        refresh.clicked.connect(self.reload)
        self.export = QPushButton(self.tr("Export to Excel…"))
        self.export.setObjectName("export_expiring")
        self.export.setToolTip(self.tr("The whole list as an .xlsx file, for SMS or phone calls"))
        self.export.clicked.connect(self._export)
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("expiring_summary")
        self.summary.setStyleSheet("font-weight: bold;")
        self.model = ExpiringModel(db, actor, self)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.failed.connect(lambda exc: self.status.setText(message_for(exc)))
        self.table = QTableView()
        self.table.setObjectName("expiring_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setToolTip(self.tr("Double-click or press Enter to open the member"))
        self.table.activated.connect(lambda index: self.open_member(index.row()))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the dealer's name
        for column, width in {0: 130, 1: 110, 2: 120, 4: 90, 5: 110}.items():
            self.table.setColumnWidth(column, width)
        self.status = QLabel()
        self.status.setObjectName("expiring_status")

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Points expiring within")))
        controls.addWidget(self.months)
        controls.addStretch(1)
        controls.addWidget(refresh)
        controls.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        run_in_background(lambda: programme.get_settings(db), self._settings, self._no_settings)

    def _settings(self, values: programme.ProgrammeSettings) -> None:
        self.months.blockSignals(True)
        self.months.setValue(values.expiring_soon_months)
        self.months.blockSignals(False)
        self.months.setEnabled(True)
        self.reload()

    def _no_settings(self, exc: BaseException) -> None:
        self.months.setEnabled(True)
        self.status.setText(message_for(exc))
        self.reload()

    def reload(self) -> None:
        self._debounce.stop()
        months = self.months.value()
        self._counting += 1
        generation, end = self._counting, add_months(self.today(), months)
        self.summary.setText(self.tr("Counting…"))
        self.status.setText(self.tr("Loading…"))
        self.model.months = months
        self.model.restart()
        db, actor = self.db, self.actor
        run_in_background(
            lambda: points.count_expiring_soon(db, actor, months),
            lambda counted: self._counted(generation, end, counted),
            lambda exc: self._count_failed(generation, exc),
            owner=self,
        )

    def _counted(self, generation: int, end: date, counted: tuple[int, int]) -> None:
        if generation != self._counting:
            return
        members, total = counted
        if not members:
            template = self.tr("No points expire by {date}.")
        elif members == 1:
            template = self.tr("1 member, {points} points expiring by {date}")
        else:
            template = self.tr("{members} members, {points} points expiring by {date}")
        self.summary.setText(
            template.format(
                members=format_int(members), points=format_int(total), date=format_date(end)
            )
        )

    def _count_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._counting:
            self.summary.setText(message_for(exc))

    def _page_loaded(self) -> None:
        count = self.model.rowCount()
        if not count:
            self.status.setText("")
            return
        text = self.tr("Rows loaded: {n}").format(n=format_int(count))
        if not self.model.exhausted:
            text += self.tr("; ") + self.tr("scroll down for more")
        self.status.setText(text)

    def open_member(self, row: int) -> None:
        from app.ui.members.member_view import MemberView

        view = MemberView(self.db, self.actor, self.model.rows[row].member_id, self.today(), self)
        view.show()

    # export ----------------------------------------------------------------------------------

    def _export(self) -> None:
        stamp = self.today().strftime("%Y%m%d")
        default = self.tr("points-expiring_{date}.xlsx").format(date=stamp)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), default, XLSX)
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        db, actor, months, headers = self.db, self.actor, self.months.value(), self.model.headers
        self.export.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        title = self.tr("Expiring points")
        self.progress = run_with_progress(
            self,
            self.tr("Exporting the members with points expiring…"),
            lambda _progress: points.export_expiring(
                db, actor, Path(path), months, list(headers), title
            ),
            lambda count: self._exported(path, count),
            self._export_failed,
            cancellable=False,
        )

    def _exported(self, path: str, count: int) -> None:
        self.export.setEnabled(True)
        self.export_path = path
        text = self.tr("{n} rows exported to {path}").format(n=format_int(count), path=path)
        self.status.setText(text)
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Export to Excel"), text, parent=self
        )
        box.setObjectName("export_done")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _export_failed(self, exc: BaseException) -> None:
        self.export.setEnabled(True)
        self.status.setText(message_for(exc))
