"""First-admin set-up, sign-in, password change and the idle lock screen.

The sign-in window is the first on screen, before the database libraries load (see
app/ui/shell/main.py): the services are imported inside the functions that call them, which
run once the database is open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ValidationError
from app.ui.shared.errors import message_for
from app.ui.shared.widgets import ErrorLabel, password_field, text_field
from app.ui.shared.worker import run_in_background

if TYPE_CHECKING:
    from app.domain.roles import Actor, Role
    from app.services.shared.database import Database


class _FormDialog(QDialog):
    """A dialog with a form, an error line and OK/Cancel; the work runs off the GUI thread."""

    def __init__(self, parent: QWidget | None, title: str, ok_text: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.form = QFormLayout()
        self.error = ErrorLabel()
        self.error.setObjectName("error")
        # The error line keeps its room (two lines) while hidden: a wrong password must not
        # make the dialog's other parts give way to it.
        self.error.setMinimumHeight(2 * self.error.fontMetrics().lineSpacing())
        policy = self.error.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.error.setSizePolicy(policy)
        self.buttons = QDialogButtonBox()
        # Set here, not passed to the constructor: PySide resolves that overload by creating
        # the Qt namespace's ~90 enum types, which held the sign-in window back noticeably.
        self.buttons.setStandardButtons(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setObjectName("ok")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def _submit(self) -> None:
        self.error.clear_message()
        self.ok_button.setEnabled(False)
        run_in_background(self.work(), self._succeeded, self._failed)

    def work(self):  # returns a callable run in a worker
        raise NotImplementedError

    def _succeeded(self, result) -> None:
        self.ok_button.setEnabled(True)
        self.done_with(result)

    def done_with(self, result) -> None:
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error.show_message(message_for(exc))
        field = getattr(exc, "field", None)
        widget = self.findChild(QWidget, field) if field else None
        (widget or self.focusWidget() or self).setFocus()


class FirstAdminDialog(_FormDialog):
    """Shown once, on an empty database: there is no default password anywhere."""

    created = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent, self.tr("Create the first administrator"), self.tr("Create"))
        self.db = db
        intro = QLabel(
            self.tr(
                "This database has no staff accounts yet. Create the headquarters administrator "
                "account; it can then add dealers and the other staff."
            )
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.username = text_field("username")
        self.display_name = text_field("display_name")
        self.password = password_field("password")
        self.repeat = password_field("repeat")
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Display name"), self.display_name)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("Repeat password"), self.repeat)

    def work(self):
        username, name = self.username.text(), self.display_name.text()
        password, repeat = self.password.text(), self.repeat.text()
        message = self.tr("The two passwords differ.")

        def create():
            from app.services.staff import auth

            if password != repeat:
                raise ValidationError(message, field="repeat")
            return auth.create_first_admin(self.db, username, name, password)

        return create

    def done_with(self, actor: Actor) -> None:
        self.created.emit(actor)
        self.accept()


class SignInDialog(_FormDialog):
    """Shown at once while the database opens: the user name and password can be typed
    meanwhile, and "Sign in" pressed early goes on when ``database_ready`` is called."""

    signed_in = Signal(object)
    change_connection = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, self.tr("Sign in to Loyalty Desk"), self.tr("Sign in"))
        self.db: Database | None = None
        self._waiting = False  # "Sign in" was pressed before the database was open
        heading = QLabel("<h2>" + self.tr("Loyalty Desk") + "</h2>")
        self.where = QLabel(self.tr("Opening the database…"))
        self.where.setObjectName("database")
        self.where.setWordWrap(True)
        self.where.setStyleSheet("color: #555;")
        self.layout_.insertWidget(0, heading)
        self.layout_.insertWidget(1, self.where)
        self.username = text_field("username")
        self.password = password_field("password")
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Password"), self.password)
        connection = QPushButton(self.tr("Database connection…"))
        connection.setObjectName("connection")
        connection.clicked.connect(self._change_connection)
        self.buttons.addButton(connection, QDialogButtonBox.ButtonRole.ResetRole)
        self.username.setFocus()

    def database_ready(
        self, db: Database, demo_accounts: list[tuple[str, Role]], demo_password: str
    ) -> None:
        """The database is open: say which, list a demo database's accounts, allow sign-in."""
        self.db = db
        self.where.setText(self.tr("Database: {db}").format(db=db.description))
        if demo_accounts:
            self.demo_accounts, self.demo_password = demo_accounts, demo_password
            self.layout_.insertWidget(2, self._demo_accounts())
            self.adjustSize()
        if self._waiting:
            self._waiting = False
            super()._submit()

    def _submit(self) -> None:
        if self.db is None:
            self._waiting = True
            self.ok_button.setEnabled(False)
            return
        super()._submit()

    def _demo_accounts(self) -> QWidget:
        # Imported here, not with the module: the sign-in window is on screen sooner without
        # the table classes and the Qt namespace (their enums are created on first use).
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

        from app.ui.shared.labels import role_name

        box = QWidget()
        box.setObjectName("demo_accounts")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(
            self.tr(
                "Demo database. Sign in with one of these accounts "
                "(password {password}); click one to fill it in."
            ).format(password=self.demo_password)
        )
        label.setWordWrap(True)
        table = QTableWidget(len(self.demo_accounts), 2)
        table.setObjectName("demo_table")
        table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Role")])
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for row, (username, role) in enumerate(self.demo_accounts):
            table.setItem(row, 0, QTableWidgetItem(username))
            table.setItem(row, 1, QTableWidgetItem(role_name(role)))
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = table.horizontalHeader().sizeHint().height()
        table.setFixedHeight(table.verticalHeader().length() + header + 2 * table.frameWidth())
        table.cellClicked.connect(self._fill_demo)
        layout.addWidget(label)
        layout.addWidget(table)
        return box

    def _fill_demo(self, row: int, _column: int) -> None:
        self.username.setText(self.demo_accounts[row][0])
        self.password.setText(self.demo_password)
        self.ok_button.setFocus()

    def _change_connection(self) -> None:
        self.change_connection.emit()
        self.reject()

    def work(self):
        from app.services.staff import auth

        username, password, db = self.username.text(), self.password.text(), self.db
        return lambda: auth.sign_in(db, username, password)

    def _failed(self, exc: BaseException) -> None:
        super()._failed(exc)
        self.password.clear()
        self.password.setFocus()

    def done_with(self, actor: Actor) -> None:
        self.signed_in.emit(actor)
        self.accept()


class ChangePasswordDialog(_FormDialog):
    changed = Signal(object)

    def __init__(self, db: Database, actor: Actor, forced: bool, parent: QWidget | None = None):
        super().__init__(parent, self.tr("Change password"), self.tr("Change password"))
        self.db, self.actor = db, actor
        if forced:
            note = QLabel(
                self.tr(
                    "Your password was set by an administrator. "
                    "Choose your own password to continue."
                )
            )
            note.setWordWrap(True)
            self.layout_.insertWidget(0, note)
        self.current = password_field("current_password")
        self.new = password_field("new_password")
        self.repeat = password_field("repeat")
        self.form.addRow(self.tr("Current password"), self.current)
        self.form.addRow(self.tr("New password"), self.new)
        self.form.addRow(self.tr("Repeat new password"), self.repeat)

    def work(self):
        current, new, repeat = self.current.text(), self.new.text(), self.repeat.text()
        message = self.tr("The two passwords differ.")

        def change():
            from app.services.staff import auth

            if new != repeat:
                raise ValidationError(message, field="repeat")
            return auth.change_password(self.db, self.actor, current, new)

        return change

    def done_with(self, actor: Actor) -> None:
        self.changed.emit(actor)
        self.accept()


class UnlockDialog(_FormDialog):
    """The idle lock: the window stays hidden until the same user's password is given."""

    unlocked = Signal(object)
    sign_out = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        from PySide6.QtCore import Qt  # see _demo_accounts

        super().__init__(parent, self.tr("Loyalty Desk is locked"), self.tr("Unlock"))
        self.db, self.actor = db, actor
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        note = QLabel(
            self.tr(
                "Locked after a period of inactivity. Enter the password of "
                "{name} ({user}) to continue."
            ).format(name=actor.display_name, user=actor.username)
        )
        note.setWordWrap(True)
        self.layout_.insertWidget(0, note)
        self.password = password_field("password")
        self.form.addRow(self.tr("Password"), self.password)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Sign out"))
        cancel.setObjectName("sign_out")
        self.buttons.rejected.disconnect()
        self.buttons.rejected.connect(self._sign_out)

    def reject(self) -> None:  # Esc must not bypass the lock
        pass

    def _sign_out(self) -> None:
        self.sign_out.emit()
        self.done(QDialog.DialogCode.Rejected)

    def work(self):
        from app.services.staff import auth

        password = self.password.text()
        return lambda: auth.sign_in(self.db, self.actor.username, password)

    def _failed(self, exc: BaseException) -> None:
        super()._failed(exc)
        self.password.clear()

    def done_with(self, actor: Actor) -> None:
        self.unlocked.emit(actor)
        self.accept()
