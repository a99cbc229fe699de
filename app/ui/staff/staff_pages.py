"""Headquarters administration: dealers and staff users (list on the left, form on the right)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor, Permission, Role
from app.services import staff
from app.services.shared.database import Database
from app.ui.shared.errors import message_for
from app.ui.shared.i18n import format_datetime
from app.ui.shared.labels import role_name
from app.ui.shared.tables import set_empty_text, show_empty_text
from app.ui.shared.widgets import ErrorLabel, text_field
from app.ui.shared.worker import run_in_background


class _ListEditPage(QWidget):
    """Shared layout and behaviour: a read-only table, a form, New/Save, errors inline."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        title: str,
        headers: list[str],
        can_edit: bool,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db, self.actor, self.can_edit = db, actor, can_edit
        self.rows: list = []
        self.editing_id: int | None = None
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("table")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.form = QFormLayout()
        self.error = ErrorLabel()
        self.error.setObjectName("error")
        self.new_button = QPushButton(self.tr("New"))
        self.new_button.setObjectName("new")
        self.new_button.clicked.connect(self.start_new)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self._save)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.new_button)
        self.buttons.addWidget(self.save_button)
        self.buttons.addStretch(1)
        self.form_box = QWidget()
        form_layout = QVBoxLayout(self.form_box)
        self.form_title = QLabel()
        form_layout.addWidget(self.form_title)
        form_layout.addLayout(self.form)
        form_layout.addWidget(self.error)
        form_layout.addLayout(self.buttons)
        form_layout.addStretch(1)
        self.form_box.setVisible(can_edit)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addWidget(self.form_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{title}</h2>"))
        layout.addLayout(body, 1)

    def reload(self) -> None:
        run_in_background(self.load_rows, self._show_rows, self._failed)

    def _show_rows(self, rows: list) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(self.cells(row)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        show_empty_text(self.table)

    def _selected(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        if selected:
            row = self.rows[selected[0].row()]
            self.editing_id = row.id
            self.error.clear_message()
            self.fill(row)

    def start_new(self) -> None:
        self.table.clearSelection()
        self.editing_id = None
        self.error.clear_message()
        self.clear_form()

    def _save(self) -> None:
        self.error.clear_message()
        self.save_button.setEnabled(False)
        run_in_background(self.save_action(), self._saved, self._failed)

    def _saved(self, _result) -> None:
        self.save_button.setEnabled(True)
        self.start_new()
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error.show_message(message_for(exc))
        field = self.findChild(QWidget, getattr(exc, "field", None) or "")
        if field:
            field.setFocus()


class DealersPage(_ListEditPage):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(
            db,
            actor,
            self.tr("Dealers"),
            [
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Region"),
                self.tr("Province"),
                self.tr("City"),
                self.tr("Active"),
            ],
            actor.can(Permission.MANAGE_DEALERS),
            parent,
        )
        self.code = text_field("code", "BJA01")
        self.name = text_field("name")
        self.region = text_field("region", self.tr("e.g. East China"))
        self.province = text_field("province")
        self.city = text_field("city")
        self.active = QCheckBox(self.tr("Active"))
        self.active.setObjectName("active")
        for label, widget in (
            (self.tr("Code"), self.code),
            (self.tr("Name"), self.name),
            (self.tr("Region"), self.region),
            (self.tr("Province"), self.province),
            (self.tr("City"), self.city),
            ("", self.active),
        ):
            self.form.addRow(label, widget)
        self.clear_form()
        set_empty_text(self.table, self.tr("No dealers yet."))
        self.reload()

    def load_rows(self):
        return staff.list_dealers(self.db, self.actor)

    def cells(self, d: staff.DealerRow) -> list[str]:
        yes_no = self.tr("Yes") if d.active else self.tr("No")
        return [d.code, d.name, d.region, d.province, d.city, yes_no]

    def fill(self, d: staff.DealerRow) -> None:
        self.form_title.setText("<b>" + self.tr("Edit dealer {code}").format(code=d.code) + "</b>")
        for widget, value in (
            (self.code, d.code),
            (self.name, d.name),
            (self.region, d.region),
            (self.province, d.province),
            (self.city, d.city),
        ):
            widget.setText(value)
        self.active.setChecked(d.active)

    def clear_form(self) -> None:
        self.form_title.setText("<b>" + self.tr("New dealer") + "</b>")
        for widget in (self.code, self.name, self.region, self.province, self.city):
            widget.clear()
        self.active.setChecked(True)
        self.code.setFocus()

    def save_action(self):
        data = staff.DealerInput(
            self.code.text(),
            self.name.text(),
            self.region.text(),
            self.province.text(),
            self.city.text(),
            self.active.isChecked(),
        )
        dealer_id = self.editing_id
        return lambda: staff.save_dealer(self.db, self.actor, data, dealer_id)


class UsersPage(_ListEditPage):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(
            db,
            actor,
            self.tr("Staff users"),
            [
                self.tr("User name"),
                self.tr("Display name"),
                self.tr("Role"),
                self.tr("Dealer"),
                self.tr("Active"),
                self.tr("Last sign-in"),
            ],
            actor.can(Permission.MANAGE_USERS),
            parent,
        )
        self.username = text_field("username")
        self.display_name = text_field("display_name")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in Role:
            self.role.addItem(role_name(role), role)
        self.dealer = QComboBox()
        self.dealer.setObjectName("dealer")
        self.active = QCheckBox(self.tr("Active"))
        self.active.setObjectName("active")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setPlaceholderText(self.tr("temporary password for a new user"))
        for label, widget in (
            (self.tr("User name"), self.username),
            (self.tr("Display name"), self.display_name),
            (self.tr("Role"), self.role),
            (self.tr("Dealer"), self.dealer),
            ("", self.active),
            (self.tr("Temporary password"), self.password),
        ):
            self.form.addRow(label, widget)
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.reset_button.setObjectName("reset_password")
        self.reset_button.clicked.connect(self._reset_password)
        self.buttons.insertWidget(2, self.reset_button)
        self.clear_form()
        run_in_background(
            lambda: staff.list_dealers(db, actor, include_inactive=False),
            self._fill_dealers,
            self._failed,
        )
        set_empty_text(self.table, self.tr("No staff users yet."))
        self.reload()

    def _fill_dealers(self, dealers) -> None:
        self.dealer.clear()
        self.dealer.addItem(self.tr("Headquarters (no dealer)"), None)
        for d in dealers:
            self.dealer.addItem(f"{d.code} {d.name}", d.id)

    def load_rows(self):
        return staff.list_users(self.db, self.actor)

    def cells(self, u: staff.UserRow) -> list[str]:
        return [
            u.username,
            u.display_name,
            role_name(u.role),
            u.dealer_name or self.tr("Headquarters"),
            self.tr("Yes") if u.active else self.tr("No"),
            format_datetime(u.last_sign_in_at),
        ]

    def fill(self, u: staff.UserRow) -> None:
        self.form_title.setText(
            "<b>" + self.tr("Edit user {name}").format(name=u.username) + "</b>"
        )
        self.username.setText(u.username)
        self.display_name.setText(u.display_name)
        self.role.setCurrentIndex(self.role.findData(u.role))
        self.dealer.setCurrentIndex(max(0, self.dealer.findData(u.dealer_id)))
        self.active.setChecked(u.active)
        self.password.clear()
        self.password.setEnabled(False)
        self.reset_button.setEnabled(True)

    def clear_form(self) -> None:
        self.form_title.setText("<b>" + self.tr("New user") + "</b>")
        self.username.clear()
        self.display_name.clear()
        self.role.setCurrentIndex(0)
        self.dealer.setCurrentIndex(0)
        self.active.setChecked(True)
        self.password.clear()
        self.password.setEnabled(True)
        self.reset_button.setEnabled(False)

    def save_action(self):
        data = staff.UserInput(
            self.username.text(),
            self.display_name.text(),
            self.role.currentData(),
            self.dealer.currentData(),
            self.active.isChecked(),
        )
        user_id, password = self.editing_id, self.password.text() or None
        return lambda: staff.save_user(self.db, self.actor, data, user_id, password)

    def _reset_password(self) -> None:
        if self.editing_id is None:
            return
        password, ok = QInputDialog.getText(
            self,
            self.tr("Reset password"),
            self.tr(
                "Temporary password for {user} (they must change it at the next sign-in):"
            ).format(user=self.username.text()),
        )
        if not ok:
            return
        user_id = self.editing_id

        def done(_):
            QMessageBox.information(
                self, self.tr("Reset password"), self.tr("The password was reset.")
            )

        run_in_background(
            lambda: staff.reset_password(self.db, self.actor, user_id, password), done, self._failed
        )
