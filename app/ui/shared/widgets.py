"""Small building blocks shared by the screens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class ErrorLabel(QLabel):
    """A red message shown next to the field or form it belongs to; hidden when empty."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet("color: #b00020;")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str) -> None:
        # Made selectable here, not in __init__: the Qt namespace's enums take milliseconds
        # to create on first use, and the sign-in window (which has an ErrorLabel) must not
        # wait for them. The label is hidden and empty until then.
        from PySide6.QtCore import Qt

        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message("")


def password_field(object_name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setObjectName(object_name)
    return field


def text_field(object_name: str, placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(object_name)
    field.setPlaceholderText(placeholder)
    return field


def action_button(
    object_name: str, text: str, tip: str, on_click: Callable[[], None]
) -> QPushButton:
    """A toolbar button of a list (named for the tests), with its tooltip and action."""
    button = QPushButton(text)
    button.setObjectName(object_name)
    button.setToolTip(tip)
    button.clicked.connect(on_click)
    return button


def save_buttons(
    on_save: Callable[[], None], on_cancel: Callable[[], None], save_text: str = ""
) -> tuple[QDialogButtonBox, QPushButton]:
    """A dialog's Save and Cancel (named "save" and "cancel" for the tests), and Save."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    save.setObjectName("save")
    if save_text:
        save.setText(save_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancel")
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(on_cancel)
    return buttons, save


def with_error_line(
    name: str, widget: QWidget, fields: dict[str, QWidget], errors: dict[str, ErrorLabel]
) -> QWidget:
    """``widget`` with its own error line beneath it (hidden while there is none), both named
    after the field and kept in ``fields`` and ``errors`` for the form's messages."""
    widget.setObjectName(name)
    error = ErrorLabel()
    error.setObjectName(f"{name}_error")
    fields[name], errors[name] = widget, error
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    column.addWidget(error)
    return box
