"""Complaints about partners (管理机制): the list, newest first, filtered by partner, month,
open and overdue; an overdue complaint (no plan within 24 hours, or reported to operations
late) stands out in red, with a warning sign and the word, and is counted. Staff with
HANDLE_COMPLAINTS record complaints, their plan, contacts and resolution, and compensate the
member with points through Approvals. Ctrl+N records, Enter opens the details."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.domain import partners as rules
from app.domain.roles import Actor, Permission
from app.services import settings as programme
from app.services.partners import complaints, registry
from app.services.partners.complaints import ComplaintFilter, ComplaintRow
from app.services.settings import ProgrammeSettings
from app.services.shared.changes import Area
from app.services.shared.database import Database
from app.ui.benefits.common import ERROR_COLOUR, MUTED
from app.ui.partners.complaint_dialogs import (
    CompensationDialog,
    ComplaintDetailDialog,
    PlanDialog,
    RecordComplaintDialog,
    ResolveDialog,
    compensation_text,
    programme_time_text,
)
from app.ui.partners.labels import complaint_status_name, source_name
from app.ui.partners.service_levels_tab import MONTH_FORMAT
from app.ui.shared.errors import message_for
from app.ui.shared.events import on_change
from app.ui.shared.forms import OptionalDateEdit
from app.ui.shared.i18n import format_int
from app.ui.shared.paged_model import RowsModel, RowsView
from app.ui.shared.widgets import action_button
from app.ui.shared.worker import run_in_background

# The status and due times come first: what a handler scans for.
RECEIVED, PARTNER, STATUS, DUE, SOURCE, MEMBER, SUMMARY, PLAN, CONTACTS, COMPENSATION = range(10)
OVERDUE_BACKGROUND = "#fde8ea"
# Ten columns: the texts that can be long elide at these widths (the tooltip has them whole).
CONTENT_AT_MOST = {PARTNER: 150, SOURCE: 110, MEMBER: 110, PLAN: 110, STATUS: 170,
                   COMPENSATION: 150}  # fmt: skip
REFRESH_MS = 5 * 60 * 1000  # a complaint becomes overdue as time passes, not only on changes
WAITING = ("pending", "approved")  # a compensation request that still stands


def due_text(value: datetime, zone: str) -> str:
    """A due time on the programme's clock, in the one date format: 2026-03-02 10:00."""
    return value.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


class ComplaintsModel(RowsModel):
    """Overdue rows on a light red background, a warning sign in their status cell."""

    def __init__(self, headers: list[str], cells, warning) -> None:
        super().__init__(headers, cells, right=frozenset({CONTACTS}))
        self.warning = warning

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()]
        if row.overdue and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(OVERDUE_BACKGROUND))
        if row.overdue and role == Qt.ItemDataRole.DecorationRole and index.column() == STATUS:
            return self.warning
        return super().data(index, role)


class ComplaintsView(RowsView):
    def __init__(self, model: ComplaintsModel) -> None:
        super().__init__("complaints_table", model, SUMMARY)

    def sizeHintForColumn(self, column: int) -> int:  # noqa: N802 - Qt API
        """The width the contents ask for, capped; the header's own text still fits."""
        wanted = super().sizeHintForColumn(column)
        return min(wanted, CONTENT_AT_MOST.get(column, wanted))


class ComplaintsTab(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("complaints_tab")
        self.db, self.actor = db, actor
        self.handler = actor.can(Permission.HANDLE_COMPLAINTS)
        self.settings: ProgrammeSettings | None = None
        self._generation = 0
        self._build_filters()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.model = ComplaintsModel(
            [self.tr("Received at"), self.tr("Partner"), self.tr("Status"),
             self.tr("Plan due / report due"), self.tr("Source"), self.tr("Member number"),
             self.tr("Summary"), self.tr("Plan"), self.tr("Contacts"), self.tr("Compensation")],
            self._cells, warning,
        )  # fmt: skip
        self.model.colours = self._colour
        self.table = ComplaintsView(self.model)
        self.table.setToolTip(self.tr("Double-click or press Enter to see the complaint"))
        self.table.activated.connect(lambda index: self.open_details(index.row()))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.message = QLabel()
        self.message.setObjectName("complaints_message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.count = QLabel(self.tr("Loading…"))
        self.count.setObjectName("complaints_count")
        self.overdue = QLabel()
        self.overdue.setObjectName("complaints_overdue")
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_row())
        layout.addLayout(self._action_buttons())
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addSpacing(16)
        bottom.addWidget(self.overdue)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        shortcut = QShortcut(QKeySequence.StandardKey.New, self, self.record)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.reload)
        self.timer.start()
        on_change(self, {Area.PARTNERS, Area.APPROVALS, Area.SETTINGS}, self.reload)
        self._update_buttons()
        self._load_partners()
        self.reload()

    def _build_filters(self) -> None:
        self.partner = QComboBox()
        self.partner.setObjectName("complaints_partner")
        self.partner.addItem(self.tr("All partners"), None)
        self.partner.setMinimumContentsLength(18)
        self.month = OptionalDateEdit(self.tr("All months"), self.db.clock().date())
        self.month.setDisplayFormat(MONTH_FORMAT)
        self.month.setObjectName("complaints_month")
        self.month.setFixedWidth(120)
        self.open_only = QCheckBox(self.tr("Open only"))
        self.open_only.setObjectName("complaints_open_only")
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.overdue_only.setObjectName("complaints_overdue_only")
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.setObjectName("complaints_refresh")
        self.refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh.setToolTip(self.tr("Read the complaints again (F5)"))
        self.refresh.clicked.connect(self.reload)
        self.partner.currentIndexChanged.connect(lambda _i: self.reload())
        self.month.dateChanged.connect(lambda _d: self.reload())
        self.open_only.toggled.connect(lambda _on: self.reload())
        self.overdue_only.toggled.connect(lambda _on: self.reload())

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for part in (self.tr("Partner"), self.partner, self.tr("Month received"), self.month,
                     self.open_only, self.overdue_only):  # fmt: skip
            row.addWidget(QLabel(part) if isinstance(part, str) else part)
        row.addStretch(1)
        row.addWidget(self.refresh)
        return row

    def _action_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, tip, slot in (
            ("record_complaint", self.tr("Record complaint…"),
             self.tr("Record a new complaint about a partner (Ctrl+N)"), self.record),
            ("complaint_plan", self.tr("Handling plan…"),
             self.tr("Record the partner's handling plan"), self.plan_selected),
            ("complaint_contact", self.tr("Contact made"),
             self.tr("Record one contact with the complainant, now"), self.contact_selected),
            ("resolve_complaint", self.tr("Resolve…"),
             self.tr("Close the complaint with its resolution (after a contact)"),
             self.resolve_selected),
            ("compensate_complaint", self.tr("Compensate with points…"),
             self.tr("Ask for a points adjustment for the member; it waits in Approvals"),
             self.compensate_selected),
        ):  # fmt: skip
            self.buttons[name] = action_button(name, text, tip, slot)
            row.addWidget(self.buttons[name])
        row.addStretch(1)
        return row

    # the list --------------------------------------------------------------------------------

    def _load_partners(self) -> None:
        db, actor = self.db, self.actor
        run_in_background(lambda: registry.list_partners(db, actor), self._partners, self._failed)

    def _partners(self, rows: list) -> None:
        self.partner.blockSignals(True)
        for row in rows:
            self.partner.addItem(f"{row.name} ({row.code})", row.id)
        self.partner.blockSignals(False)

    def filters(self) -> ComplaintFilter:
        month = self.month.value()
        return ComplaintFilter(
            partner_id=self.partner.currentData(),
            month=month.strftime("%Y-%m") if month else None,
            open_only=self.open_only.isChecked(),
            overdue_only=self.overdue_only.isChecked(),
        )

    def reload(self) -> None:
        self._generation += 1
        generation, filters = self._generation, self.filters()
        db, actor = self.db, self.actor

        def load():
            return programme.get_settings(db), complaints.list_complaints(db, actor, filters)

        run_in_background(load, lambda loaded: self._show(generation, *loaded), self._failed)

    def _show(self, generation: int, settings: ProgrammeSettings, rows: list) -> None:
        if generation != self._generation:
            return  # an older filter answered late
        self.settings = settings
        selected = self.selected()
        self.model.set_rows(rows)
        if selected is not None:
            for r, row in enumerate(rows):
                if row.id == selected.id:
                    self.table.selectRow(r)
        filtered = self.filters() != ComplaintFilter()
        if rows:
            self.count.setText(self.tr("{n} complaints").format(n=format_int(len(rows))))
        elif filtered:
            self.count.setText(self.tr("No complaint matches the filters."))
        else:
            self.count.setText(self.tr("No complaints recorded."))
        late = sum(row.overdue for row in rows)
        self.overdue.setText(
            "⚠ " + self.tr("{n} overdue").format(n=format_int(late)) if late else ""
        )
        self.overdue.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.count.setText(message_for(exc))

    def zone(self) -> str:
        return (self.settings or ProgrammeSettings()).timezone

    def _cells(self, row: ComplaintRow) -> list[str]:
        zone = self.zone()
        due = due_text(row.plan_due_at, zone)
        if row.report_due_at is not None:
            due += " / " + due_text(row.report_due_at, zone)
        return [
            programme_time_text(row.received_at, zone), f"{row.partner_name} ({row.partner_code})",
            self._status_text(row), due, source_name(row.source), row.member_number or "",
            " ".join(row.summary.split()), " ".join(row.plan.split()) or "—",
            format_int(row.contacts), compensation_text(row),
        ]  # fmt: skip

    def _status_text(self, row: ComplaintRow) -> str:
        status = complaint_status_name(row.status)
        if not row.overdue:
            return status
        late = [self.tr("plan")] if row.plan_late else []
        late += [self.tr("report")] if row.report_late else []
        return self.tr("{status} · Overdue: {what}").format(status=status, what=", ".join(late))

    def _colour(self, row: ComplaintRow, column: int) -> str | None:
        if row.overdue:
            return ERROR_COLOUR
        if row.status == rules.ComplaintStatus.RESOLVED:
            return MUTED
        return None

    def selected(self) -> ComplaintRow | None:
        r = self.table.current_row()
        return self.model.rows[r] if r is not None and r < len(self.model.rows) else None

    def _update_buttons(self) -> None:
        row = self.selected()
        is_open = row is not None and row.status == rules.ComplaintStatus.OPEN
        waiting = row is not None and row.adjustment_status in WAITING
        enabled = {
            "record_complaint": self.settings is not None,
            "complaint_plan": row is not None and (is_open or not row.plan),
            "complaint_contact": is_open,
            "resolve_complaint": is_open and row is not None and row.contacts > 0,
            "compensate_complaint": row is not None and row.member_id is not None and not waiting,
        }
        for name, button in self.buttons.items():
            button.setEnabled(self.handler and enabled[name])

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # the actions -----------------------------------------------------------------------------

    def open_details(self, r: int) -> None:
        if 0 <= r < len(self.model.rows):
            ComplaintDetailDialog(self, self.model.rows[r], self.zone()).open()

    def record(self) -> None:
        if not self.handler or self.settings is None:
            return
        dialog = RecordComplaintDialog(self, self.db, self.actor, self.settings)
        dialog.succeeded.connect(self._recorded)
        dialog.open()

    def _recorded(self, row: ComplaintRow) -> None:
        due = programme_time_text(row.plan_due_at, self.zone())
        self._done(
            self.tr("Complaint about {partner} recorded; the handling plan is due by {due}.")
            .format(partner=row.partner_name, due=due)
        )  # fmt: skip

    def plan_selected(self) -> None:
        row = self.selected()
        if row is not None:
            dialog = PlanDialog(self, self.db, self.actor, row, self.zone())
            dialog.succeeded.connect(
                lambda saved: self._done(self.tr("Handling plan saved{late}.").format(
                    late=self.tr(" (late)") if saved.plan_late else ""))
            )  # fmt: skip
            dialog.open()

    def contact_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        db, actor, complaint_id = self.db, self.actor, row.id
        self.buttons["complaint_contact"].setEnabled(False)
        run_in_background(
            lambda: complaints.record_contact(db, actor, complaint_id),
            lambda saved: self._done(
                self.tr("Contact {n} with the complainant recorded.").format(
                    n=format_int(saved.contacts)
                )
            ),
            self._action_failed,
        )

    def resolve_selected(self) -> None:
        row = self.selected()
        if row is not None:
            dialog = ResolveDialog(self, self.db, self.actor, row)
            dialog.succeeded.connect(lambda _saved: self._done(self.tr("Complaint resolved.")))
            dialog.open()

    def compensate_selected(self) -> None:
        row = self.selected()
        if row is not None:
            dialog = CompensationDialog(self, self.db, self.actor, row)
            dialog.succeeded.connect(
                lambda saved: self._done(
                    self.tr("{points} points for member {number} wait in Approvals.").format(
                        points=format_int(saved.compensation_points), number=saved.member_number
                    )
                )
            )
            dialog.open()

    def _done(self, text: str) -> None:
        self.say(text)
        self.reload()

    def _action_failed(self, exc: BaseException) -> None:
        self.say(message_for(exc), error=True)
        self._update_buttons()
