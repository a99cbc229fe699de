"""Adjustment reason codes, maintained by headquarters (codes are retired, never deleted)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor
from app.services.points import adjustments
from app.services.points.adjustments import Reason
from app.services.shared.database import Database
from app.ui.points.labels import reason_label
from app.ui.shared.errors import message_for
from app.ui.shared.tables import fill_table, make_table
from app.ui.shared.widgets import ErrorLabel, text_field
from app.ui.shared.worker import run_in_background


class ReasonsTab(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.reasons: list[Reason] = []
        intro = QLabel(
            self.tr(
                "Every manual adjustment names one of these reasons. A reason that is no "
                "longer used is made inactive rather than deleted, so old requests keep it."
            )
        )
        intro.setWordWrap(True)
        self.table = make_table("reasons_table", [self.tr("Code"), self.tr("Label"),
                                                  self.tr("Active")])  # fmt: skip
        self.table.itemSelectionChanged.connect(self._selected)
        self.code = text_field("reason_code", self.tr("e.g. recall"))
        self.label = text_field("reason_label", self.tr("e.g. 召回补偿"))
        self.active = QCheckBox(self.tr("Active"))
        self.active.setObjectName("reason_active")
        self.active.setChecked(True)
        save = QPushButton(self.tr("Save reason"))
        save.setObjectName("save_reason")
        save.clicked.connect(self._save)
        self.error = ErrorLabel()
        self.error.setObjectName("reason_error")
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Label"), self.label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.active)
        buttons.addWidget(save)
        buttons.addStretch(1)
        form.addRow("", buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.reload()

    def reload(self) -> None:
        db, actor = self.db, self.actor
        run_in_background(
            lambda: adjustments.list_reasons(db, actor, include_inactive=True),
            self._show,
            lambda exc: self.error.show_message(message_for(exc)),
        )

    def _show(self, reasons: list[Reason]) -> None:
        self.reasons = reasons
        fill_table(
            self.table,
            [[r.code, reason_label(r.code, r.label), self.tr("Yes") if r.active else self.tr("No")]
             for r in reasons],
        )  # fmt: skip

    def _selected(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) == 1:
            reason = self.reasons[rows.pop()]
            self.code.setText(reason.code)
            self.label.setText(reason.label)
            self.active.setChecked(reason.active)

    def _save(self) -> None:
        self.error.clear_message()
        db, actor = self.db, self.actor
        code, label, active = self.code.text(), self.label.text(), self.active.isChecked()
        run_in_background(
            lambda: adjustments.save_reason(db, actor, code, label, active),
            lambda _reason: self.reload(),
            lambda exc: self.error.show_message(message_for(exc)),
        )
