"""Service levels (管理机制) per partner and month: the complaints received, plans and reports
that came late, those still open, and the share resolved at the first contact (target 95%)
and by the second (target 100%); a missed target in red and in words."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import partners as rules
from app.domain.roles import Actor
from app.services import settings as programme
from app.services.partners import complaints
from app.services.partners.complaints import ServiceLevelRow
from app.services.shared.changes import Area
from app.services.shared.database import Database
from app.services.shared.scope import today_in
from app.ui.benefits.common import ERROR_COLOUR, OK_COLOUR
from app.ui.partners.labels import percent_text
from app.ui.shared.errors import message_for
from app.ui.shared.events import on_change
from app.ui.shared.forms import to_qdate
from app.ui.shared.i18n import format_int
from app.ui.shared.paged_model import RowsModel, RowsView
from app.ui.shared.worker import run_in_background

MONTH_FORMAT = "yyyy-MM"
PARTNER, RECEIVED, PLAN_LATE, REPORT_LATE, OPEN, FIRST, SECOND = range(7)


# --- months (shared by the complaint and settlement tabs) ---------------------------------------


def month_text(day: QDate) -> str:
    """The YYYY-MM month a date falls in."""
    return f"{day.year():04d}-{day.month():02d}"


def previous_month(today: date) -> date:
    return today.replace(day=1) - timedelta(days=1)


class MonthEdit(QDateEdit):
    """A month, typed as 2026-03 or picked in the calendar."""

    def __init__(self, object_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setDisplayFormat(MONTH_FORMAT)
        self.setCalendarPopup(True)
        self.setMinimumDate(QDate(2000, 1, 1))
        self.setMaximumDate(QDate(2099, 12, 31))

    def month(self) -> str:
        return month_text(self.date())

    def set_month(self, day: date) -> None:
        self.setDate(to_qdate(day.replace(day=1)))


def rate_text(rate, met: bool | None) -> str:
    """ "96.0% · met", "80.0% · missed" (the word says it, not only the colour)."""
    if met is None:
        return percent_text(rate)
    word = (
        QCoreApplication.translate("ServiceLevels", "met")
        if met
        else QCoreApplication.translate("ServiceLevels", "missed")
    )
    return f"{percent_text(rate)} · {word}"


class ServiceLevelsTab(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("service_levels_tab")
        self.db, self.actor = db, actor
        self._generation = 0
        self.month = MonthEdit("service_levels_month")
        self.month.setEnabled(False)  # until the programme's today is known
        self.month.dateChanged.connect(lambda _d: self.reload())
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.setObjectName("service_levels_refresh")
        self.refresh.clicked.connect(self.reload)
        self.model = RowsModel(
            [self.tr("Partner"), self.tr("Received"), self.tr("Plan late"),
             self.tr("Report late"), self.tr("Still open"),
             self.tr("First contact (target {target})").format(
                 target=percent_text(rules.FIRST_CONTACT_TARGET)),
             self.tr("By second contact (target {target})").format(
                 target=percent_text(rules.SECOND_CONTACT_TARGET))],
            self._cells, right=frozenset({RECEIVED, PLAN_LATE, REPORT_LATE, OPEN, FIRST, SECOND}),
        )  # fmt: skip
        self.model.colours = self._colour
        self.table = RowsView("service_levels_table", self.model, PARTNER)
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("service_levels_summary")
        self.summary.setWordWrap(True)
        note = QLabel(
            self.tr(
                "Complaints received in the month, on the programme's clock. First contact: "
                "the share resolved at the first contact with the complainant; by second "
                "contact: the share resolved within two contacts. A complaint still open "
                "counts as not resolved."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month")))
        top.addWidget(self.month)
        top.addWidget(self.refresh)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(note)
        on_change(self, {Area.PARTNERS, Area.SETTINGS}, self.reload)
        run_in_background(lambda: programme.get_settings(db), self._settings, self._failed)

    def _settings(self, settings) -> None:
        self.month.blockSignals(True)
        self.month.set_month(today_in(self.db, settings.timezone))
        self.month.blockSignals(False)
        self.month.setEnabled(True)
        self.reload()

    def reload(self) -> None:
        if not self.month.isEnabled():
            return
        self._generation += 1
        generation, month = self._generation, self.month.month()
        db, actor = self.db, self.actor
        run_in_background(
            lambda: complaints.service_levels(db, actor, month),
            lambda rows: self._show(generation, month, rows),
            self._failed,
        )

    def _show(self, generation: int, month: str, rows: list[ServiceLevelRow]) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(rows)
        missed = sum(row.first_met is False or row.second_met is False for row in rows)
        if not rows:
            text = self.tr("No complaints received in {month}.").format(month=month)
        elif missed:
            text = self.tr("{month}: {n} partners with complaints; {missed} missed a target.")
        else:
            text = self.tr("{month}: {n} partners with complaints; all met the targets.")
        self.summary.setText(
            text.format(month=month, n=format_int(len(rows)), missed=format_int(missed))
        )
        self.summary.setStyleSheet(f"color: {ERROR_COLOUR};" if missed else "")

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(message_for(exc))

    def _cells(self, row: ServiceLevelRow) -> list[str]:
        return [
            f"{row.partner_name} ({row.partner_code})", format_int(row.received),
            format_int(row.plan_late), format_int(row.report_late), format_int(row.open),
            rate_text(row.rates.first_rate, row.first_met),
            rate_text(row.rates.second_rate, row.second_met),
        ]  # fmt: skip

    def _colour(self, row: ServiceLevelRow, column: int) -> str | None:
        met = {FIRST: row.first_met, SECOND: row.second_met}.get(column)
        if met is not None:
            return OK_COLOUR if met else ERROR_COLOUR
        late = {PLAN_LATE: row.plan_late, REPORT_LATE: row.report_late}.get(column)
        return ERROR_COLOUR if late else None
