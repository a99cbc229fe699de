"""The dialogs of a complaint about a partner: recording it (the partner, where it came from,
the member, when it was received, on the programme's clock), the handling plan, resolving
it, compensating the member with points (an adjustment decided in Approvals) and its
details. Times are typed and shown in the programme's time zone, whatever this computer's."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import partners as rules
from app.domain import validation as v
from app.domain.inputs import MAX_NOTE
from app.domain.roles import Actor
from app.services import members
from app.services.members import MemberFilter
from app.services.partners import complaints, registry
from app.services.partners.complaints import ComplaintInput, ComplaintRow
from app.services.settings import ProgrammeSettings
from app.services.shared.database import Database
from app.ui.approvals.labels import status_label
from app.ui.partners.labels import SOURCES, complaint_status_name, source_name
from app.ui.shared.action_dialog import ActionDialog
from app.ui.shared.errors import message_for
from app.ui.shared.forms import yuan_to_fen
from app.ui.shared.i18n import DISPLAY_DATE, format_int, format_yuan
from app.ui.shared.worker import run_in_background

TIME_FORMAT = f"{DISPLAY_DATE} HH:mm"
EARLIEST = QDate(2000, 1, 1)


def programme_time_text(value: datetime | None, zone: str) -> str:
    """An aware time as the programme's clock shows it: 2026-03-02 10:00."""
    if value is None:
        return ""
    return value.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


class ProgrammeTimeEdit(QDateTimeEdit):
    """A moment typed as the programme's wall-clock time, read back as an aware UTC time.

    The edit itself keeps UTC, so this computer's own zone (and its daylight saving) never
    moves what was typed; the conversion uses the programme's zone."""

    def __init__(self, zone: str, now: datetime, parent: QWidget | None = None):
        super().__init__(parent)
        self.zone = ZoneInfo(zone)
        self.setTimeZone(QTimeZone.utc())
        self.setDisplayFormat(TIME_FORMAT)
        self.setCalendarPopup(True)
        latest = self.wall(now)
        self.setDateTimeRange(QDateTime(EARLIEST, QTime(0, 0), QTimeZone.utc()), latest)
        self.setDateTime(latest)

    def wall(self, moment: datetime) -> QDateTime:
        local = moment.astimezone(self.zone)
        return QDateTime(
            QDate(local.year, local.month, local.day),
            QTime(local.hour, local.minute),
            QTimeZone.utc(),
        )

    def value(self) -> datetime:
        typed = self.dateTime()
        day, time = typed.date(), typed.time()
        wall = datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(),
                        tzinfo=self.zone)  # fmt: skip
        return wall.astimezone(UTC)


def text_box(object_name: str, placeholder: str = "") -> QPlainTextEdit:
    """A few lines of text; Tab moves on to the next field, as everywhere else."""
    box = QPlainTextEdit()
    box.setObjectName(object_name)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(80)
    return box


def member_id_by_number(db: Database, actor: Actor, number: str) -> int:
    """The member with this number (runs in a worker), or refused."""
    normalized = v.normalize_member_number(number)
    rows = members.search(db, actor, MemberFilter(text=normalized), limit=5)
    found = next((row for row in rows if row.member_number == normalized), None)
    if found is None:
        raise v.InvalidValue("member_number", "member_unknown", "No member has this number.")
    return found.id


# --- recording ----------------------------------------------------------------------------------


class RecordComplaintDialog(ActionDialog):
    """A new complaint: partner, source, member (optional, by number), when it was received
    and, for one the partner received directly, when it reached operations; the summary."""

    def __init__(self, parent: QWidget, db: Database, actor: Actor, settings: ProgrammeSettings):
        super().__init__(
            parent, "record_complaint_dialog", self.tr("Record a complaint"),
            self.tr("The partner must fix a handling plan within {plan} hours of receipt. A "
                    "complaint the partner received directly must reach operations within "
                    "{report} hours. Times are in the programme's time zone ({zone})."
                    ).format(plan=settings.complaint_plan_hours,
                             report=settings.complaint_report_hours, zone=settings.timezone),
            self.tr("Record"),
        )  # fmt: skip
        self.db, self.actor, self.settings = db, actor, settings
        now = db.clock()
        self.partner = QComboBox()
        self.partner.addItem(self.tr("Loading…"), None)
        self.partner.setMinimumContentsLength(24)
        self.source = QComboBox()
        for code in SOURCES:
            self.source.addItem(source_name(code), str(code))
        self.member = QLineEdit()
        self.member.setMaxLength(20)
        self.member.setPlaceholderText(self.tr("optional"))
        self.received = ProgrammeTimeEdit(settings.timezone, now)
        self.reported = ProgrammeTimeEdit(settings.timezone, now)
        self.summary = text_box("summary", self.tr("what the member complains about"))
        self.due = QLabel()
        self.due.setObjectName("due_hint")
        self.due.setWordWrap(True)
        self.add_row(self.tr("Partner"), self.partner, "partner")
        self.add_row(self.tr("Source"), self.source, "source")
        self.add_row(self.tr("Member number"), self.member, "member_number")
        self.add_row(self.tr("Received at"), self.received, "received_at")
        self.add_row(self.tr("Reported to operations at"), self.reported, "reported_at")
        self.add_row(self.tr("Summary"), self.summary, "summary")
        self.form.addRow("", self.due)
        self.source.currentIndexChanged.connect(self._source_changed)
        self.received.dateTimeChanged.connect(self._show_due)
        self.reported.dateTimeChanged.connect(self._show_due)
        self.require(
            lambda: self.partner.currentData() is not None, self.partner.currentIndexChanged
        )
        self.require(lambda: bool(self.summary.toPlainText().strip()), self.summary.textChanged)
        self.work = self._work
        self._source_changed()
        run_in_background(
            lambda: registry.list_partners(db, actor), self._partners_loaded, self._failed_loading
        )
        self.partner.setFocus()

    def from_partner(self) -> bool:
        return self.source.currentData() == rules.ComplaintSource.PARTNER

    def _partners_loaded(self, rows: list) -> None:
        self.partner.clear()
        self.partner.addItem(self.tr("Choose a partner"), None)
        for row in rows:
            if row.status != rules.PartnerStatus.TERMINATED:
                self.partner.addItem(f"{row.name} ({row.code})", row.id)

    def _failed_loading(self, exc: BaseException) -> None:
        self.error.show_message(message_for(exc))

    def _source_changed(self, *_args) -> None:
        partner = self.from_partner()
        self.reported.setVisible(partner)
        self.form.labelForField(self.reported).setVisible(partner)
        label = self.form.labelForField(self.received)
        if isinstance(label, QLabel):
            label.setText(
                self.tr("Received by the partner at") if partner else self.tr("Received at")
            )
        self._show_due()

    def _show_due(self, *_args) -> None:
        zone, received = self.settings.timezone, self.received.value()
        plan = rules.due_after(received, self.settings.complaint_plan_hours, zone)
        text = self.tr("Handling plan due by {time}.").format(time=programme_time_text(plan, zone))
        if self.from_partner():
            report = rules.due_after(received, self.settings.complaint_report_hours, zone)
            late = self.reported.value() > report
            text += " " + (
                self.tr("It should have reached operations by {time}: reported late.")
                if late
                else self.tr("It must reach operations by {time}.")
            ).format(time=programme_time_text(report, zone))
        self.due.setText(text)

    def _work(self):
        number = self.member.text().strip()
        data = ComplaintInput(
            partner_id=self.partner.currentData(),
            source=self.source.currentData(),
            summary=self.summary.toPlainText(),
            received_at=self.received.value(),
            reported_at=self.reported.value() if self.from_partner() else None,
        )
        db, actor = self.db, self.actor

        def record() -> ComplaintRow:
            member_id = member_id_by_number(db, actor, number) if number else None
            return complaints.record_complaint(db, actor, replace(data, member_id=member_id))

        return record


# --- handling -----------------------------------------------------------------------------------


def complaint_title(row: ComplaintRow) -> str:
    first_line = (row.summary.splitlines() or [""])[0]
    return f"{row.partner_name} · {first_line[:40]}"


class PlanDialog(ActionDialog):
    """The partner's handling plan (处理办法) and when it was fixed."""

    def __init__(self, parent: QWidget, db: Database, actor: Actor, row: ComplaintRow, zone: str):
        super().__init__(
            parent, "plan_dialog", self.tr("Handling plan"),
            self.tr("{title}\nThe plan was due by {due}.").format(
                title=complaint_title(row), due=programme_time_text(row.plan_due_at, zone)),
            self.tr("Save plan"),
        )  # fmt: skip
        self.plan = text_box("plan", self.tr("what the partner will do"))
        self.plan.setPlainText(row.plan)
        self.fixed_at = ProgrammeTimeEdit(zone, db.clock())
        self.add_row(self.tr("Plan"), self.plan, "plan")
        self.add_row(self.tr("Fixed at"), self.fixed_at, "plan_at")
        self.require(lambda: bool(self.plan.toPlainText().strip()), self.plan.textChanged)

        def work():
            plan, at = self.plan.toPlainText(), self.fixed_at.value()
            return lambda: complaints.record_plan(db, actor, row.id, plan, at)

        self.work = work
        self.plan.setFocus()


class ResolveDialog(ActionDialog):
    """Close the complaint: the resolution, whether the partner caused it and any money
    compensation (points: "Compensate with points…")."""

    def __init__(self, parent: QWidget, db: Database, actor: Actor, row: ComplaintRow):
        super().__init__(
            parent, "resolve_dialog", self.tr("Resolve the complaint"),
            self.tr("{title}\n{contacts} contacts with the complainant so far.").format(
                title=complaint_title(row), contacts=format_int(row.contacts)),
            self.tr("Resolve"),
        )  # fmt: skip
        self.resolution = text_box("resolution", self.tr("how it was resolved"))
        self.caused_yes = QRadioButton(self.tr("Yes"))
        self.caused_yes.setObjectName("partner_caused_yes")
        self.caused_no = QRadioButton(self.tr("No"))
        self.caused_no.setObjectName("partner_caused_no")
        group = QButtonGroup(self)
        for button in (self.caused_yes, self.caused_no):
            group.addButton(button)
        answers = QWidget()
        line = QHBoxLayout(answers)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.caused_yes)
        line.addWidget(self.caused_no)
        line.addStretch(1)
        self.money = QLineEdit()
        self.money.setPlaceholderText(self.tr("yuan, e.g. 50 (optional)"))
        self.money.setMaxLength(16)
        self.add_row(self.tr("Resolution"), self.resolution, "resolution")
        self.add_row(self.tr("Caused by the partner"), answers, "partner_caused")
        self.add_row(self.tr("Money compensation"), self.money, "compensation_yuan")
        self.require(lambda: bool(self.resolution.toPlainText().strip()),
                     self.resolution.textChanged)  # fmt: skip
        self.require(lambda: group.checkedButton() is not None, group.buttonToggled)

        def work():
            try:
                fen = yuan_to_fen(self.money.text()) or 0
            except ValueError:
                self.error.show_message(self.tr("Enter the amount in yuan, e.g. 50 or 49.90."))
                return None
            text, caused = self.resolution.toPlainText(), self.caused_yes.isChecked()
            return lambda: complaints.resolve_complaint(db, actor, row.id, text, caused, fen)

        self.work = work
        self.resolution.setFocus()


class CompensationDialog(ActionDialog):
    """Points for the complaint's member: an adjustment (reason "complaint") that waits in
    Approvals until another person decides it."""

    def __init__(self, parent: QWidget, db: Database, actor: Actor, row: ComplaintRow):
        super().__init__(
            parent, "compensation_dialog", self.tr("Compensate with points"),
            self.tr("{title}\nThe points go to member {number} once another person approves "
                    "the adjustment in Approvals.").format(
                title=complaint_title(row), number=row.member_number or ""),
            self.tr("Send to Approvals"),
        )  # fmt: skip
        self.points = QSpinBox()
        self.points.setRange(0, complaints.MAX_COMPENSATION_POINTS)
        self.points.setGroupSeparatorShown(True)
        self.points.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("what the approver should know"))
        self.add_row(self.tr("Points"), self.points, "points")
        self.add_row(self.tr("Note"), self.note, "note")
        self.require(lambda: self.points.value() > 0, self.points.valueChanged)
        self.require(lambda: bool(self.note.text().strip()), self.note.textChanged)

        def work():
            points, note = self.points.value(), self.note.text()
            return lambda: complaints.request_compensation(db, actor, row.id, points, note)

        self.work = work
        self.points.setFocus()


# --- details ------------------------------------------------------------------------------------


def compensation_text(row: ComplaintRow) -> str:
    """ "¥50.00 · 200 points (Pending)", or nothing when none was given."""
    parts = []
    if row.compensation_fen:
        parts.append(format_yuan(row.compensation_fen))
    if row.compensation_points:
        points = QCoreApplication.translate("ComplaintDialogs", "{points} points").format(
            points=format_int(row.compensation_points)
        )
        if row.adjustment_status:
            points += f" ({status_label(row.adjustment_status)})"
        parts.append(points)
    return " · ".join(parts)


class ComplaintDetailDialog(QDialog):
    """Everything recorded about one complaint, read only; Esc closes it."""

    def __init__(self, parent: QWidget, row: ComplaintRow, zone: str):
        super().__init__(parent)
        self.setObjectName("complaint_detail")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Complaint"))
        self.setMinimumWidth(520)
        form = QFormLayout()
        for key, caption, text in self._rows(row, zone):
            if not text:
                continue
            value = QLabel(text)
            value.setObjectName(f"detail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, value)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _rows(self, row: ComplaintRow, zone: str) -> list[tuple[str, str, str]]:
        def at(value: datetime | None) -> str:
            return programme_time_text(value, zone)

        late = self.tr("{time} · late")
        plan_due = at(row.plan_due_at)
        report_due = at(row.report_due_at)
        return [
            ("partner", self.tr("Partner"), f"{row.partner_name} ({row.partner_code})"),
            ("source", self.tr("Source"), source_name(row.source)),
            ("member", self.tr("Member"), row.member_number or ""),
            ("received", self.tr("Received at"), at(row.received_at)),
            ("report_due", self.tr("Report due by"),
             late.format(time=report_due) if row.report_late else report_due),
            ("reported", self.tr("Reported to operations at"), at(row.reported_at)),
            ("summary", self.tr("Summary"), row.summary),
            ("plan_due", self.tr("Plan due by"),
             late.format(time=plan_due) if row.plan_late else plan_due),
            ("plan", self.tr("Plan"), row.plan),
            ("plan_at", self.tr("Plan fixed at"), at(row.plan_at)),
            ("first_response", self.tr("First response at"), at(row.first_response_at)),
            ("contacts", self.tr("Contacts"), format_int(row.contacts)),
            ("status", self.tr("Status"), complaint_status_name(row.status)),
            ("resolution", self.tr("Resolution"), row.resolution),
            ("resolved", self.tr("Resolved at"), at(row.resolved_at)),
            ("partner_caused", self.tr("Caused by the partner"),
             (self.tr("Yes") if row.partner_caused else self.tr("No")) if row.resolved_at else ""),
            ("compensation", self.tr("Compensation"), compensation_text(row)),
            ("recorded", self.tr("Recorded"),
             self.tr("{time} by {user}").format(time=at(row.created_at), user=row.created_by)),
        ]  # fmt: skip
