"""Outreach lists (营销触达名单): expiring points, tiers at risk, birthdays this month and
lapsed members, each a lazily paged list and an Excel contact list.

Members who have not agreed to marketing are listed (so the count matches the reports) but
marked, without their mobile; the Excel contact list leaves them out and says how many."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor
from app.services.reports import outreach
from app.services.reports.outreach import OutreachRow
from app.services.shared.database import Database
from app.ui.benefits.common import ERROR_COLOUR, MUTED, offer_folder
from app.ui.shared.errors import message_for
from app.ui.shared.forms import XLSX
from app.ui.shared.i18n import chosen_language, format_date, format_int
from app.ui.shared.paged_model import PagedTableModel
from app.ui.shared.tables import RIGHT
from app.ui.shared.worker import run_in_background, run_with_progress

PERSON_COLUMNS = 5  # member number, name, mobile, dealer, marketing consent
CONSENT_COLUMN, MOBILE_COLUMN = 4, 2


def list_titles() -> dict[str, str]:
    return {
        outreach.EXPIRING: QCoreApplication.translate("Outreach", "Points expiring soon"),
        outreach.AT_RISK: QCoreApplication.translate("Outreach", "Tiers at risk"),
        outreach.BIRTHDAYS: QCoreApplication.translate("Outreach", "Birthdays this month"),
        outreach.LAPSED: QCoreApplication.translate("Outreach", "Lapsed members"),
    }


def list_notes() -> dict[str, str]:
    return {
        outreach.EXPIRING: QCoreApplication.translate(
            "Outreach", "Members with points expiring soon: remind them to use their points."
        ),
        outreach.AT_RISK: QCoreApplication.translate(
            "Outreach",
            "Members whose tier validity ends within 60 days and who lack the qualifying "
            "points to retain it.",
        ),
        outreach.BIRTHDAYS: QCoreApplication.translate(
            "Outreach", "Active members whose birthday falls in this month."
        ),
        outreach.LAPSED: QCoreApplication.translate(
            "Outreach",
            "Active members with no points earned or redeemed and no service for longer "
            "than the sleeping threshold (lifecycle settings).",
        ),
    }


class OutreachModel(PagedTableModel):
    """The chosen list, a page at a time, in the service's order."""

    page_size = 200

    def __init__(self, db: Database, actor: Actor, parent=None):
        super().__init__([], parent)
        self.db, self.actor = db, actor
        self.kind = outreach.EXPIRING
        self.headers = self.headers_for(self.kind)

    def headers_for(self, kind: str) -> list[str]:
        person = [
            self.tr("Member number"), self.tr("Name"), self.tr("Mobile"), self.tr("Dealer"),
            self.tr("Marketing consent"),
        ]  # fmt: skip
        extra = {
            outreach.EXPIRING: [self.tr("Points expiring"), self.tr("Expires on")],
            outreach.AT_RISK: [self.tr("Tier"), self.tr("Valid until"), self.tr("Points needed")],
            outreach.BIRTHDAYS: [self.tr("Birthday")],
            outreach.LAPSED: [self.tr("Last active"), self.tr("Days inactive"), self.tr("Stage")],
        }[kind]
        return person + extra

    def set_kind(self, kind: str) -> None:
        self.kind = kind
        self.headers = self.headers_for(kind)
        self.restart()

    def page_after(self, last_row: OutreachRow | None):
        db, actor, kind, size = self.db, self.actor, self.kind, self.page_size
        offset = len(self.rows)  # the service pages by offset in a stable order
        return lambda: outreach.outreach_list(db, actor, kind, offset=offset, limit=size)

    def cells(self, row: OutreachRow) -> tuple[object, ...]:
        consent = self.tr("Yes") if row.marketing_consent else self.tr("No")
        mobile = row.mobile or ("" if row.marketing_consent else self.tr("withheld"))
        person = (row.member_number, row.name, mobile, row.dealer or "", consent)
        if self.kind == outreach.EXPIRING:
            return (*person, format_int(row.points or 0), format_date(row.key_date))
        if self.kind == outreach.AT_RISK:
            return (*person, row.tier or "", format_date(row.key_date), format_int(row.points or 0))
        if self.kind == outreach.BIRTHDAYS:
            return (*person, format_date(row.key_date))
        stage = self.tr("Lost") if row.stage == outreach.LOST else self.tr("Sleeping")
        return (*person, format_date(row.key_date), format_int(row.days or 0), stage)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and self._is_number(column):
            return RIGHT
        withheld = not row.marketing_consent and column in (CONSENT_COLUMN, MOBILE_COLUMN)
        if role == Qt.ItemDataRole.ForegroundRole and withheld:
            return QBrush(QColor(ERROR_COLOUR if column == CONSENT_COLUMN else MUTED))
        if role == Qt.ItemDataRole.ToolTipRole and not row.marketing_consent:
            return self.tr("No marketing consent: not in the Excel contact list")
        return super().data(index, role)

    def _is_number(self, column: int) -> bool:
        numbers = {outreach.EXPIRING: {5}, outreach.AT_RISK: {7}, outreach.LAPSED: {6}}
        return column in numbers.get(self.kind, set())


class OutreachTab(QWidget):
    """A list chooser, the count, the list and its Excel contact list."""

    def __init__(self, db: Database, actor: Actor, parent=None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.export_path: str | None = None
        self.progress: QProgressDialog | None = None
        self._counting = 0  # answers for a list no longer shown are dropped
        self.chooser = QComboBox()
        self.chooser.setObjectName("outreach_list")
        for kind, title in list_titles().items():
            self.chooser.addItem(title, kind)
        self.chooser.currentIndexChanged.connect(lambda _i: self.reload())
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setObjectName("refresh_outreach")
        refresh.clicked.connect(self.reload)
        self.export = QPushButton(self.tr("Export Excel…"))
        self.export.setObjectName("export_outreach")
        self.export.setToolTip(
            self.tr("The members who agreed to marketing, as an .xlsx contact list")
        )
        self.export.clicked.connect(self._export)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("List")))
        controls.addWidget(self.chooser, 1)
        controls.addStretch(1)
        controls.addWidget(refresh)
        controls.addWidget(self.export)
        self.note = QLabel()
        self.note.setObjectName("outreach_note")
        self.note.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("outreach_summary")
        self.summary.setStyleSheet("font-weight: bold;")
        self.model = OutreachModel(db, actor, self)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.failed.connect(lambda exc: self.status.setText(message_for(exc)))
        self.table = self._table()
        self.status = QLabel()
        self.status.setObjectName("outreach_status")
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.note)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.reload()

    def _table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("outreach_table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the dealer's name
        table.setToolTip(self.tr("Double-click or press Enter to open the member"))
        table.activated.connect(lambda index: self.open_member(index.row()))
        return table

    @property
    def kind(self) -> str:
        return str(self.chooser.currentData())

    def reload(self) -> None:
        kind = self.kind
        self._counting += 1
        generation = self._counting
        self.note.setText(list_notes()[kind])
        self.summary.setText(self.tr("Counting…"))
        self.status.setText(self.tr("Loading…"))
        self.model.set_kind(kind)
        db, actor = self.db, self.actor
        run_in_background(
            lambda: outreach.count_outreach(db, actor, kind),
            lambda count: self._counted(generation, count),
            lambda exc: self._count_failed(generation, exc),
            owner=self,
        )

    def _counted(self, generation: int, count: int) -> None:
        if generation == self._counting:
            self.summary.setText(self.tr("Members: {n}").format(n=format_int(count)))

    def _count_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._counting:
            self.summary.setText(message_for(exc))

    def _page_loaded(self) -> None:
        count = self.model.rowCount()
        if count <= self.model.page_size:  # the first page: fit the columns to it
            self.table.resizeColumnsToContents()
        if not count:
            self.status.setText(self.tr("No members on this list."))
            return
        text = self.tr("Rows loaded: {n}").format(n=format_int(count))
        if not self.model.exhausted:
            text += self.tr("; ") + self.tr("scroll down for more")
        self.status.setText(text)

    def open_member(self, row: int) -> None:
        """The member's view, dated by the programme's time zone (read off the GUI thread)."""
        from app.services.settings import get_settings
        from app.services.shared.scope import today_in
        from app.ui.members.member_view import MemberView

        db, actor, member_id = self.db, self.actor, self.model.rows[row].member_id
        run_in_background(
            lambda: today_in(db, get_settings(db).timezone),
            lambda today: MemberView(db, actor, member_id, today, self).show(),
            lambda exc: self.status.setText(message_for(exc)),
            owner=self,
        )

    # export ----------------------------------------------------------------------------------

    def _export(self) -> None:
        kind = self.kind
        default = self.chooser.currentText() + ".xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Excel"), default, XLSX)
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        db, actor = self.db, self.actor
        language: outreach.Language = "zh_CN" if chosen_language() == "zh_CN" else "en"
        self.export.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        self.progress = run_with_progress(
            self,
            self.tr("Writing the contact list…"),
            lambda progress: outreach.export_outreach(
                db,
                actor,
                kind,
                Path(path),
                language,
                progress,
            ),
            lambda result: self._exported(path, result),
            self._export_failed,
        )

    def _exported(self, path: str, result: outreach.ExportResult) -> None:
        self.export.setEnabled(True)
        self.export_path = path
        text = self.tr("{n} members written to {path}.").format(
            n=format_int(result.rows), path=path
        )
        if result.left_out:
            text += " " + self.tr("{n} members without marketing consent were left out.").format(
                n=format_int(result.left_out)
            )
        self.status.setText(text)
        offer_folder(self, self.tr("Export Excel"), text, path)

    def _export_failed(self, exc: BaseException) -> None:
        self.export.setEnabled(True)
        self.status.setText(message_for(exc))
