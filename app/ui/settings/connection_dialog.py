"""Per-machine database connection: the embedded SQLite file or a shared PostgreSQL server."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import credentials
from app.config import default_db_path, postgres_url, split_url, sqlite_url
from app.services.shared.database import check_connection
from app.ui.shared import prefs
from app.ui.shared.errors import message_for
from app.ui.shared.widgets import ErrorLabel, password_field, save_buttons, text_field
from app.ui.shared.worker import run_in_background


class ConnectionDialog(QDialog):
    """Choose the database; "Test connection" tries it without leaving the dialog."""

    def __init__(self, current_url: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Database connection"))
        self.setMinimumWidth(520)
        self.embedded = QRadioButton(self.tr("Embedded database on this computer (SQLite)"))
        self.embedded.setObjectName("embedded")
        self.shared = QRadioButton(self.tr("Shared database for several desktops (PostgreSQL)"))
        self.shared.setObjectName("shared")

        self.path = text_field("sqlite_path")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path)
        path_row.addWidget(browse)
        self.sqlite_box = QGroupBox()
        sqlite_form = QFormLayout(self.sqlite_box)
        sqlite_form.addRow(self.tr("File"), path_row)

        self.host = text_field("host")
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.database = text_field("database")
        self.user = text_field("user")
        self.password = password_field("password")
        self.pg_box = QGroupBox()
        pg_form = QFormLayout(self.pg_box)
        pg_form.addRow(self.tr("Server"), self.host)
        pg_form.addRow(self.tr("Port"), self.port)
        pg_form.addRow(self.tr("Database"), self.database)
        pg_form.addRow(self.tr("User"), self.user)
        pg_form.addRow(self.tr("Password"), self.password)
        if not credentials.store_available():
            no_store = QLabel(
                self.tr(
                    "This computer has no password store, so the password is not saved: "
                    "Loyalty Desk asks for it at each start."
                )
            )
            no_store.setObjectName("no_password_store")
            no_store.setWordWrap(True)
            pg_form.addRow(no_store)

        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("test")
        self.test_button.clicked.connect(self._test)
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        self.error = ErrorLabel()
        self.error.setObjectName("error")
        buttons, _save = save_buttons(self._save, self.reject)

        layout = QVBoxLayout(self)
        for widget in (self.embedded, self.sqlite_box, self.shared, self.pg_box):
            layout.addWidget(widget)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result, 1)
        layout.addLayout(test_row)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(self.tr("The change takes effect when Loyalty Desk restarts.")))
        layout.addWidget(buttons)

        self.embedded.toggled.connect(self._kind_changed)
        self._fill(current_url)
        self.chosen_url: str | None = None

    def _fill(self, url: str) -> None:
        parts = split_url(credentials.fill_password(url))
        self.path.setText(parts.get("path", str(default_db_path())))
        self.host.setText(parts.get("host", "localhost"))
        self.port.setValue(parts.get("port", 5432))
        self.database.setText(parts.get("database", "loyalty"))
        self.user.setText(parts.get("user", ""))
        self.password.setText(parts.get("password", ""))
        (self.embedded if parts["kind"] == "sqlite" else self.shared).setChecked(True)
        self._kind_changed()

    def _kind_changed(self) -> None:
        self.sqlite_box.setEnabled(self.embedded.isChecked())
        self.pg_box.setEnabled(self.shared.isChecked())
        self.result.clear()

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            self.path.text(),
            self.tr("SQLite database (*.sqlite3 *.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.path.setText(path)

    def url(self) -> str:
        if self.embedded.isChecked():
            return sqlite_url(self.path.text().strip())
        return postgres_url(
            self.host.text(),
            self.port.value(),
            self.database.text(),
            self.user.text().strip(),
            self.password.text(),
        )

    def _test(self) -> None:
        self.error.clear_message()
        self.result.setText(self.tr("Connecting…"))
        self.test_button.setEnabled(False)
        url = self.url()
        run_in_background(lambda: check_connection(url), self._tested, self._failed)

    def _tested(self, version: str) -> None:
        self.test_button.setEnabled(True)
        self.result.setText(self.tr("Connected: {version}").format(version=version))

    def _failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.result.clear()
        self.error.show_message(message_for(exc))

    def _save(self) -> None:
        self.chosen_url = self.url()
        saved, ask = _saved_form(self.chosen_url)
        settings = prefs.settings()
        settings.setValue(prefs.DB_URL, saved)
        settings.setValue(prefs.ASK_PASSWORD, ask)
        self.accept()


def _saved_form(url: str) -> tuple[str, bool]:
    """The URL for the settings file, without its password (that goes to the credential
    store), and whether to ask for the password at each start (there is no store)."""
    try:
        return credentials.save_password(url), False
    except credentials.NoCredentialStore:
        bare, password = credentials.split_password(url)
        return bare, bool(password)
