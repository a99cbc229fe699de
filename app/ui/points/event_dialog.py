"""Event points for one member at the counter, with the edition or event code they count in.

Seed 003 limits shares per edition (每期4次) and major events per event (每期一次): the code
names the edition (期号) or event (活动编号). A share without one counts in its calendar week;
a major event needs its code. The service checks the code (length, characters) and refuses
an occurrence over a limit with a message saying which one; this dialog never cuts it short.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from app.domain import points as rules
from app.domain.roles import Actor
from app.services import points
from app.services.points.counter import EventResult
from app.services.shared.database import Database
from app.ui.points.labels import source_label
from app.ui.shared.action_dialog import ActionDialog
from app.ui.shared.i18n import format_date, format_int


class EventPointsDialog(ActionDialog):
    """``succeeded`` carries the ``EventResult``; :func:`awarded_text` says it."""

    def __init__(self, parent: QWidget, db: Database, actor: Actor, member_id: int, today: date):
        super().__init__(
            parent,
            "event_dialog",
            self.tr("Event points"),
            self.tr(
                "Fixed points for an event, within the rule's limits (e.g. sign-in once a "
                "day, shares four times an edition, a major event once per event)."
            ),
            self.tr("Award points"),
        )
        self.today = today
        self.event_kind = QComboBox()
        for code in points.EVENTS:
            self.event_kind.addItem(source_label(code), code)
        self.add_row(self.tr("Event"), self.event_kind, "event")
        self.edition = QLineEdit()  # no maximum length: a longer code is refused, not cut
        self.edition.setPlaceholderText(self.tr("e.g. 2026-03 or EV-SPRING"))
        self.add_row(self.tr("Edition or event code (期号/活动编号)"), self.edition, "edition")
        self.hint = QLabel()
        self.hint.setObjectName("edition_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.form.addRow("", self.hint)
        self.event_kind.currentIndexChanged.connect(self._event_changed)
        self.edition.textChanged.connect(self._update_ok)
        self.require(self._code_given_if_needed, self.event_kind.currentIndexChanged)
        self._event_changed()
        uid = points.new_request_uid()

        def work():
            code, edition = self.event_kind.currentData(), self.edition.text() or None
            return lambda: points.record_event(db, actor, member_id, code, uid, edition=edition)

        self.work = work

    def _code_given_if_needed(self) -> bool:
        return bool(self.edition.text().strip()) or not rules.needs_edition_code(
            self.event_kind.currentData()
        )

    def _event_changed(self, *_args) -> None:
        code = self.event_kind.currentData()
        if rules.needs_edition_code(code):
            text = self.tr("Required: the event's code; a member earns once per event.")
        elif code in rules.WEEKLY_EDITIONS:
            monday, sunday = rules.week_of(self.today)
            text = self.tr("Empty: this week's edition, {edition} ({start} to {end}).").format(
                edition=rules.week_edition(self.today),
                start=format_date(monday),
                end=format_date(sunday),
            )
        else:
            text = self.tr("Optional: kept with the points.")
        self.hint.setText(text)
        self._update_ok()


def awarded_text(result: EventResult) -> str:
    """What the counter says once the points are posted (the dialog is gone by then)."""
    if result.edition:
        return QCoreApplication.translate(
            "EventPointsDialog", "{points} event points awarded (edition {edition})."
        ).format(points=format_int(result.points), edition=result.edition)
    return QCoreApplication.translate("EventPointsDialog", "{points} event points awarded.").format(
        points=format_int(result.points)
    )
