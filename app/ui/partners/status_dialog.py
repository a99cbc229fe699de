"""The small prompts of the partner screens: a reason for a status change, an override or
the end of a cooperation mode; a note (and, when too few were compared, the shortlist
reason) for a request to Approvals. Each runs its service in a worker and stays open with
the error if the service refuses."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.domain.inputs import MAX_NOTE
from app.ui.shared.action_dialog import ActionDialog

Job = Callable[[], object]


def _text_box(placeholder: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def reason_dialog(
    parent: QWidget,
    object_name: str,
    title: str,
    explanation: str,
    ok_text: str,
    work: Callable[[str], Job],
    min_length: int = 1,
) -> ActionDialog:
    """A reason (required, at least ``min_length`` characters) and OK; ``work(reason)``
    gives the job for the worker. The caller connects ``succeeded`` and opens it."""
    dialog = ActionDialog(parent, object_name, title, explanation, ok_text)
    reason = _text_box(QCoreApplication.translate("PartnerDialogs", "why, in a few words"))
    dialog.add_row(QCoreApplication.translate("PartnerDialogs", "Reason"), reason, "reason")
    dialog.require(lambda: len(reason.toPlainText().strip()) >= min_length, reason.textChanged)
    dialog.work = lambda: work(reason.toPlainText())
    return dialog


def request_dialog(
    parent: QWidget,
    object_name: str,
    title: str,
    explanation: str,
    work: Callable[[str, str], Job],
    shortlist_warning: str = "",
) -> ActionDialog:
    """A note for the approver and, when ``shortlist_warning`` says too few partners were
    compared, the reason why (both required); ``work(note, shortlist_reason)``."""
    dialog = ActionDialog(
        parent,
        object_name,
        title,
        explanation,
        QCoreApplication.translate("PartnerDialogs", "Send to Approvals"),
    )
    note = QLineEdit()
    note.setMaxLength(MAX_NOTE)
    note.setPlaceholderText(
        QCoreApplication.translate("PartnerDialogs", "what the approver should know")
    )
    dialog.add_row(QCoreApplication.translate("PartnerDialogs", "Note"), note, "note")
    dialog.require(lambda: bool(note.text().strip()), note.textChanged)
    reason: QPlainTextEdit | None = None
    if shortlist_warning:
        box = reason = _text_box(
            QCoreApplication.translate("PartnerDialogs", "why fewer partners were compared")
        )
        dialog.add_row(
            QCoreApplication.translate("PartnerDialogs", "Shortlist reason"), box,
            "shortlist_reason",
        )  # fmt: skip
        dialog.form.insertRow(0, "", _warning(shortlist_warning))
        dialog.require(lambda: bool(box.toPlainText().strip()), box.textChanged)
    dialog.work = lambda: work(note.text(), reason.toPlainText() if reason else "")
    return dialog


def _warning(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("shortlist_warning")
    label.setWordWrap(True)
    label.setStyleSheet("color: #8a5a00; font-weight: bold;")
    return label
