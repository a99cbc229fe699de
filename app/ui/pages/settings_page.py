"""Settings: this computer's connection and language, and the programme-wide settings."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor, Permission
from app.services import settings as programme
from app.services.database import Database
from app.ui import prefs
from app.ui.connection_dialog import ConnectionDialog
from app.ui.errors import message_for
from app.ui.i18n import LANGUAGES
from app.ui.widgets import ErrorLabel, text_field
from app.ui.worker import run_in_background


class SettingsPage(QWidget):
    settings_changed = Signal(object)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("Settings") + "</h2>"))
        layout.addWidget(self._machine_box())
        layout.addWidget(self._programme_box())
        layout.addStretch(1)
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
        form.addRow(self.tr("Programme name"), self.programme_name)
        form.addRow(self.tr("Time zone"), self.timezone)
        form.addRow(self.tr("Lock when idle for"), self.idle)
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
        for widget in (self.programme_name, self.timezone, self.idle, self.save):
            widget.setEnabled(editable)
        if not editable:
            form.addRow(
                "", QLabel(self.tr("Only headquarters administrators can change these settings."))
            )
        return box

    def _show(self, values: programme.ProgrammeSettings) -> None:
        self.programme_name.setText(values.programme_name)
        self.timezone.setText(values.timezone)
        self.idle.setValue(values.idle_lock_minutes)

    def _save(self) -> None:
        self.error.clear_message()
        self.saved.clear()
        changes = {
            "programme_name": self.programme_name.text().strip(),
            "timezone": self.timezone.text().strip(),
            "idle_lock_minutes": self.idle.value(),
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
        self.error.show_message(message_for(exc))

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
