"""Settings: this computer's connection and language, and the programme-wide settings."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ValidationError
from app.domain.roles import Actor, Permission
from app.services import settings as programme
from app.services.shared.database import Database
from app.ui.settings.connection_dialog import ConnectionDialog
from app.ui.shared import prefs
from app.ui.shared.errors import message_for
from app.ui.shared.forms import yuan_to_fen
from app.ui.shared.i18n import LANGUAGES
from app.ui.shared.labels import programme_name_text, programme_name_value
from app.ui.shared.widgets import ErrorLabel, text_field
from app.ui.shared.worker import run_in_background


class SettingsPage(QWidget):
    settings_changed = Signal(object)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.labels: dict[str, str] = {}  # field → its label, to name it in an error message
        self.inputs: dict[str, QWidget] = {}
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(QLabel("<h2>" + self.tr("Settings") + "</h2>"))
        layout.addWidget(self._machine_box())
        layout.addWidget(self._programme_box())
        layout.addStretch(1)
        scroll = QScrollArea()  # the form is taller than a small window
        scroll.setObjectName("settings_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        run_in_background(lambda: programme.get_settings(db), self._show, self._failed)

    def _machine_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("This computer"))
        form = QFormLayout(box)
        database = QLabel(self.db.description)
        database.setObjectName("database")
        change = QPushButton(self.tr("Change connection…"))
        change.setObjectName("change_connection")
        change.clicked.connect(self._change_connection)
        row = QHBoxLayout()
        row.addWidget(database, 1)
        row.addWidget(change)
        form.addRow(self.tr("Database"), row)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(self.tr("System language"), "system")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        saved = prefs.settings().value(prefs.LANGUAGE, "system")
        self.language.setCurrentIndex(max(0, self.language.findData(saved)))
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(self.tr("Language"), self.language)
        self.machine_note = QLabel()
        self.machine_note.setObjectName("machine_note")
        form.addRow("", self.machine_note)
        return box

    def _programme_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Programme (shared by all desktops)"))
        form = QFormLayout(box)
        self.programme_name = text_field("programme_name")
        self.timezone = text_field("timezone")
        self.idle = QSpinBox()
        self.idle.setObjectName("idle_lock_minutes")
        self.idle.setRange(1, 240)
        self.idle.setSuffix(self.tr(" min"))
        for name, label, widget in (
            ("programme_name", self.tr("Programme name"), self.programme_name),
            ("timezone", self.tr("Time zone"), self.timezone),
            ("idle_lock_minutes", self.tr("Lock when idle for"), self.idle),
        ):
            form.addRow(label, widget)
            self.labels[name], self.inputs[name] = label, widget
        form.addRow(self._points_box())
        form.addRow(self._partners_box())
        form.addRow(self._reports_box())
        self.error = ErrorLabel()
        self.error.setObjectName("error")
        self.saved = QLabel()
        self.saved.setObjectName("saved")
        self.save = QPushButton(self.tr("Save"))
        self.save.setObjectName("save_programme")
        self.save.clicked.connect(self._save)
        form.addRow("", self.error)
        save_row = QHBoxLayout()
        save_row.addWidget(self.saved, 1)
        save_row.addWidget(self.save)
        form.addRow("", save_row)
        editable = self.actor.can(Permission.CONFIGURE_PROGRAMME)
        for widget in [*self.inputs.values(), self.save]:
            widget.setEnabled(editable)
        self._expiry_mode_changed()
        if not editable:
            form.addRow(
                "", QLabel(self.tr("Only headquarters administrators can change these settings."))
            )
        return box

    def _points_box(self) -> QGroupBox:
        """Points value, expiry policy, holds, adjustments and the launch date."""
        box = QGroupBox(self.tr("Points"))
        box.setObjectName("points_settings")

        def spin(name: str, low: int, high: int, suffix: str = "") -> QSpinBox:
            widget = QSpinBox()
            widget.setObjectName(name)
            widget.setRange(low, high)
            widget.setGroupSeparatorShown(True)
            widget.setSuffix(suffix)
            return widget

        self.points_per_yuan = spin("points_per_yuan", 1, 10_000, self.tr(" points"))
        self.expiry_mode = QComboBox()
        self.expiry_mode.setObjectName("expiry_mode")
        self.expiry_mode.addItem(
            self.tr("Fixed cycle: to the end of a natural year"), "fixed_cycle"
        )
        self.expiry_mode.addItem(self.tr("Rolling: a period for each credit"), "rolling")
        self.expiry_mode.currentIndexChanged.connect(self._expiry_mode_changed)
        self.expiry_years = spin("expiry_years", 1, 10, self.tr(" years"))
        self.expiry_years.setToolTip(
            self.tr("Counting the year of the cycle's first credit as the first year")
        )
        self.expiry_months = spin("expiry_months", 1, 120, self.tr(" months"))
        self.month_end = QCheckBox(self.tr("Extend to the end of that month"))
        self.month_end.setObjectName("expiry_round_to_month_end")
        self.expiring_soon = spin("expiring_soon_months", 1, 12, self.tr(" months"))
        self.hold_timeout = spin("hold_timeout_minutes", 1, 7 * 24 * 60, self.tr(" min"))
        self.direct_limit = spin("adjustment_direct_limit", 0, 10_000_000, self.tr(" points"))
        self.direct_limit.setSpecialValueText(self.tr("none: always approved by another"))
        self.lapse_days = spin("adjustment_lapse_days", 1, 365, self.tr(" days"))
        self.launch_date = QDateEdit()
        self.launch_date.setObjectName("launch_date")
        self.launch_date.setDisplayFormat("yyyy-MM-dd")
        self.launch_date.setCalendarPopup(True)
        self.launch_date.setToolTip(self.tr("The new-binding bonus window starts on this date"))

        value_and_expiry = QFormLayout()
        counter = QFormLayout()
        for form, name, label, widget in (
            (
                value_and_expiry,
                "points_per_yuan",
                self.tr("Points worth 1 yuan"),
                self.points_per_yuan,
            ),
            (value_and_expiry, "expiry_mode", self.tr("Expiry policy"), self.expiry_mode),
            (value_and_expiry, "expiry_years", self.tr("Cycle length"), self.expiry_years),
            (value_and_expiry, "expiry_months", self.tr("Each credit lasts"), self.expiry_months),
            (value_and_expiry, "expiry_round_to_month_end", "", self.month_end),
            (
                value_and_expiry,
                "expiring_soon_months",
                self.tr("Expiring-soon list covers"),
                self.expiring_soon,
            ),
            (counter, "hold_timeout_minutes", self.tr("Hold points for"), self.hold_timeout),
            (
                counter,
                "adjustment_direct_limit",
                self.tr("Supervisor adjusts directly up to"),
                self.direct_limit,
            ),
            (counter, "adjustment_lapse_days", self.tr("Requests lapse after"), self.lapse_days),
            (counter, "launch_date", self.tr("Programme launch date"), self.launch_date),
        ):
            form.addRow(label, widget)
            self.labels[name] = label or widget.text()
            self.inputs[name] = widget
        row = QHBoxLayout(box)
        row.addLayout(value_and_expiry, 1)
        row.addSpacing(24)
        row.addLayout(counter, 1)
        return box

    def _partners_box(self) -> QGroupBox:
        """Partner admission thresholds, the comparison's shortlist, contract renewal
        reminders, request lapse and the complaint service limits."""
        box = QGroupBox(self.tr("Partners"))
        box.setObjectName("partner_settings")

        def spin(name: str, low: int, high: int, suffix: str) -> QSpinBox:
            widget = QSpinBox()
            widget.setObjectName(name)
            widget.setRange(low, high)
            widget.setSuffix(suffix)
            return widget

        self.partner_min_capital = text_field("partner_min_capital_fen", "5000000")
        self.partner_min_capital.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.partner_min_capital.setMaximumWidth(180)
        self.partner_min_years = spin("partner_min_years", 0, 50, self.tr(" years"))
        self.partner_shortlist_min = spin("partner_shortlist_min", 1, 50, self.tr(" partners"))
        self.partner_renewal_days = spin("partner_renewal_days", 1, 365, self.tr(" days"))
        self.partner_lapse_days = spin("partner_request_lapse_days", 1, 365, self.tr(" days"))
        self.complaint_plan_hours = spin("complaint_plan_hours", 1, 720, self.tr(" hours"))
        self.complaint_report_hours = spin("complaint_report_hours", 1, 720, self.tr(" hours"))
        admission, service = QFormLayout(), QFormLayout()
        for form, name, label, widget in (
            (admission, "partner_min_capital_fen", self.tr("Registered capital at least (¥)"),
             self.partner_min_capital),
            (admission, "partner_min_years", self.tr("Founded at least"), self.partner_min_years),
            (admission, "partner_shortlist_min", self.tr("Compare at least"),
             self.partner_shortlist_min),
            (admission, "partner_request_lapse_days", self.tr("Partner requests lapse after"),
             self.partner_lapse_days),
            (service, "partner_renewal_days", self.tr("Remind of contract renewals"),
             self.partner_renewal_days),
            (service, "complaint_plan_hours", self.tr("Handling plan within"),
             self.complaint_plan_hours),
            (service, "complaint_report_hours", self.tr("Partner reports a complaint within"),
             self.complaint_report_hours),
        ):  # fmt: skip
            form.addRow(label, widget)
            self.labels[name], self.inputs[name] = label, widget
        self.partner_renewal_days.setToolTip(
            self.tr("Contracts ending within this many days are shown for renewal")
        )
        row = QHBoxLayout(box)
        row.addLayout(admission, 1)
        row.addSpacing(24)
        row.addLayout(service, 1)
        return box

    def _reports_box(self) -> QGroupBox:
        """The lifecycle stage thresholds, the points health reference lines, the cost
        sheet's forecast and activity rates, and the segmentation window."""
        box = QGroupBox(self.tr("Reports"))
        box.setObjectName("report_settings")
        days, pct = self.tr(" days"), self.tr(" %")
        fields = (
            ("lifecycle_silent_days", self.tr("Silent after"), 1, 3650, days),
            ("lifecycle_sleeping_days", self.tr("Sleeping after"), 2, 3650, days),
            ("lifecycle_lost_days", self.tr("Lost after"), 3, 3650, days),
            ("segmentation_window_months", self.tr("Segmentation looks back"), 1, 60,
             self.tr(" months")),
            ("health_accumulation_reference_pct", self.tr("Accumulation rate reference"), 0,
             100, pct),
            ("health_redemption_reference_pct", self.tr("Redemption rate reference"), 0, 100,
             pct),
            ("cost_forecast_redemption_pct", self.tr("Forecast redemption rate"), 0, 100, pct),
            ("cost_activity_rate_signin_pct", self.tr("Expected sign-in activity"), 0, 100, pct),
            ("cost_activity_rate_share_pct", self.tr("Expected share activity"), 0, 100, pct),
            ("cost_activity_rate_event_pct", self.tr("Expected event activity"), 0, 100, pct),
        )  # fmt: skip
        self.report_spins: dict[str, QSpinBox] = {}
        columns = (QFormLayout(), QFormLayout())
        for index, (name, label, low, high, suffix) in enumerate(fields):
            widget = QSpinBox()
            widget.setObjectName(name)
            widget.setRange(low, high)
            widget.setSuffix(suffix)
            columns[0 if index < 4 else 1].addRow(label, widget)
            self.labels[name], self.inputs[name] = label, widget
            self.report_spins[name] = widget
        self.report_spins["lifecycle_silent_days"].setToolTip(
            self.tr("Days since a member last earned or used points")
        )
        row = QHBoxLayout(box)
        row.addLayout(columns[0], 1)
        row.addSpacing(24)
        row.addLayout(columns[1], 1)
        return box

    def _partner_values(self) -> dict[str, object] | None:
        """The partner settings as the service takes them; None (said) if the capital is
        not an amount."""
        try:
            capital = yuan_to_fen(self.partner_min_capital.text())
        except ValueError:
            capital = None
        if capital is None:
            self.error.show_message(
                self.tr("{field}: {message}").format(
                    field=self.labels["partner_min_capital_fen"],
                    message=self.tr("Enter an amount in yuan, e.g. 5000000."),
                )
            )
            self.partner_min_capital.setFocus()
            return None
        return {
            "partner_min_capital_fen": capital,
            "partner_min_years": self.partner_min_years.value(),
            "partner_shortlist_min": self.partner_shortlist_min.value(),
            "partner_renewal_days": self.partner_renewal_days.value(),
            "partner_request_lapse_days": self.partner_lapse_days.value(),
            "complaint_plan_hours": self.complaint_plan_hours.value(),
            "complaint_report_hours": self.complaint_report_hours.value(),
        }

    def _expiry_mode_changed(self, *_args) -> None:
        """Only the figures of the chosen policy can be edited."""
        editable = self.actor.can(Permission.CONFIGURE_PROGRAMME)
        rolling = self.expiry_mode.currentData() == "rolling"
        self.expiry_years.setEnabled(editable and not rolling)
        self.expiry_months.setEnabled(editable and rolling)
        self.month_end.setEnabled(editable and rolling)

    def _show(self, values: programme.ProgrammeSettings) -> None:
        self.programme_name.setText(programme_name_text(values.programme_name))
        self.timezone.setText(values.timezone)
        self.idle.setValue(values.idle_lock_minutes)
        self.points_per_yuan.setValue(values.points_per_yuan)
        self.expiry_mode.setCurrentIndex(max(0, self.expiry_mode.findData(values.expiry_mode)))
        self.expiry_years.setValue(values.expiry_years)
        self.expiry_months.setValue(values.expiry_months)
        self.month_end.setChecked(values.expiry_round_to_month_end)
        self.expiring_soon.setValue(values.expiring_soon_months)
        self.hold_timeout.setValue(values.hold_timeout_minutes)
        self.direct_limit.setValue(values.adjustment_direct_limit)
        self.lapse_days.setValue(values.adjustment_lapse_days)
        try:
            launch = date.fromisoformat(values.launch_date)
            self.launch_date.setDate(QDate(launch.year, launch.month, launch.day))
        except ValueError:
            pass  # left as it is; saving then asks for a valid date
        fen = values.partner_min_capital_fen
        self.partner_min_capital.setText(f"{fen // 100}" if fen % 100 == 0 else
                                         f"{fen // 100}.{fen % 100:02d}")  # fmt: skip
        self.partner_min_years.setValue(values.partner_min_years)
        self.partner_shortlist_min.setValue(values.partner_shortlist_min)
        self.partner_renewal_days.setValue(values.partner_renewal_days)
        self.partner_lapse_days.setValue(values.partner_request_lapse_days)
        self.complaint_plan_hours.setValue(values.complaint_plan_hours)
        self.complaint_report_hours.setValue(values.complaint_report_hours)
        for name, widget in self.report_spins.items():
            widget.setValue(getattr(values, name))
        self._expiry_mode_changed()

    def _save(self) -> None:
        self.error.clear_message()
        self.saved.clear()
        partner_values = self._partner_values()
        if partner_values is None:
            return
        changes = {
            "programme_name": programme_name_value(self.programme_name.text()),
            "timezone": self.timezone.text().strip(),
            "idle_lock_minutes": self.idle.value(),
            "points_per_yuan": self.points_per_yuan.value(),
            "expiry_mode": self.expiry_mode.currentData(),
            "expiry_years": self.expiry_years.value(),
            "expiry_months": self.expiry_months.value(),
            "expiry_round_to_month_end": self.month_end.isChecked(),
            "expiring_soon_months": self.expiring_soon.value(),
            "hold_timeout_minutes": self.hold_timeout.value(),
            "adjustment_direct_limit": self.direct_limit.value(),
            "adjustment_lapse_days": self.lapse_days.value(),
            "launch_date": self.launch_date.date().toString("yyyy-MM-dd"),
            **partner_values,
            **{name: widget.value() for name, widget in self.report_spins.items()},
        }
        run_in_background(
            lambda: programme.update_settings(self.db, self.actor, **changes),
            self._saved,
            self._failed,
        )

    def _saved(self, values: programme.ProgrammeSettings) -> None:
        self.saved.setText(self.tr("Saved."))
        self.settings_changed.emit(values)

    def _failed(self, exc: BaseException) -> None:
        """The message names the field it is about, and the field gets the focus."""
        message = message_for(exc)
        field = exc.field if isinstance(exc, ValidationError) else None
        if field in self.inputs:
            message = self.tr("{field}: {message}").format(
                field=self.labels[field].rstrip(":："), message=message
            )
            self.inputs[field].setFocus()
        self.error.show_message(message)

    def _language_changed(self) -> None:
        prefs.settings().setValue(prefs.LANGUAGE, self.language.currentData())
        self.machine_note.setText(self.tr("The language changes when Loyalty Desk restarts."))

    def _change_connection(self) -> None:
        dialog = ConnectionDialog(self.db.url, self)
        dialog.setObjectName("connection_dialog")
        dialog.open()
        dialog.accepted.connect(
            lambda: self.machine_note.setText(
                self.tr("The new database is used when Loyalty Desk restarts.")
            )
        )
