"""A new version of the evaluation weights, from a date on (scores already given keep the
weights they were given with). The seeds give none, so they start equal."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from app.domain import partners as rules
from app.domain.inputs import MAX_NOTE
from app.domain.roles import Actor
from app.services.partners.evaluation import WeightsRow, current_weights, save_weights
from app.services.shared.database import Database
from app.ui.partners.evaluation_dialog import weight_share
from app.ui.partners.labels import factor_name
from app.ui.shared.errors import message_for
from app.ui.shared.forms import DATE_FORMAT, to_date, to_qdate
from app.ui.shared.i18n import format_date
from app.ui.shared.widgets import ErrorLabel, save_buttons
from app.ui.shared.worker import run_in_background


class WeightsDialog(QDialog):
    saved = Signal(object)  # the WeightsRow

    def __init__(self, db: Database, actor: Actor, today: date, parent=None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.setObjectName("weights_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Evaluation weights"))
        self.setMinimumWidth(480)
        intro = QLabel(
            self.tr("Each factor counts in proportion to its weight (0 leaves it out). "
                    "Scores already given keep the weights they were given with.")
        )  # fmt: skip
        intro.setWordWrap(True)
        self.in_force = QLabel(self.tr("Loading…"))
        self.in_force.setObjectName("weights_in_force")
        self.in_force.setWordWrap(True)
        self.in_force.setStyleSheet("color: #555;")
        self.effective_from = QDateEdit()
        self.effective_from.setObjectName("effective_from")
        self.effective_from.setDisplayFormat(DATE_FORMAT)
        self.effective_from.setCalendarPopup(True)
        self.effective_from.setMinimumDate(to_qdate(today))
        self.effective_from.setDate(to_qdate(today + timedelta(days=1)))
        form = QFormLayout()
        form.addRow(self.tr("In force from"), self.effective_from)
        self.spins: dict[str, QSpinBox] = {}
        for factor in rules.FACTORS:
            spin = QSpinBox()
            spin.setObjectName(f"weight_{factor.value}")
            spin.setRange(0, rules.MAX_SCORE_WEIGHT)
            spin.setValue(1)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.valueChanged.connect(lambda _v: self._show_shares())
            self.spins[factor.value] = spin
            form.addRow(factor_name(factor), spin)
        self.shares = QLabel()
        self.shares.setObjectName("weight_shares")
        self.shares.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("why the weights change"))
        form.addRow(self.tr("Note"), self.note)
        self.error = ErrorLabel()
        self.error.setObjectName("error")
        buttons, self.save = save_buttons(self._submit, self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.in_force)
        layout.addLayout(form)
        layout.addWidget(self.shares)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._show_shares()
        run_in_background(lambda: current_weights(db, actor), self._loaded, self._failed)

    def weights(self) -> dict[str, int]:
        return {factor: spin.value() for factor, spin in self.spins.items()}

    def _loaded(self, row: WeightsRow) -> None:
        for factor, spin in self.spins.items():
            spin.setValue(row.weights.get(factor, 0))
        if row.effective_from is None:
            self.in_force.setText(self.tr("In force today: equal weights."))
        else:
            self.in_force.setText(
                self.tr("In force today: the version of {date} by {user}.").format(
                    date=format_date(row.effective_from), user=row.created_by
                )
            )

    def _show_shares(self) -> None:
        weights = self.weights()
        if not any(weights.values()):
            self.shares.setText(self.tr("At least one factor needs a weight above zero."))
            return
        self.shares.setText(
            " · ".join(f"{factor_name(f)} {weight_share(weights, f)}" for f in weights)
        )

    def _submit(self) -> None:
        self.error.clear_message()
        db, actor, weights, note = self.db, self.actor, self.weights(), self.note.text()
        start = to_date(self.effective_from.date())
        self.save.setEnabled(False)
        run_in_background(
            lambda: save_weights(db, actor, start, weights, note), self._saved, self._refused
        )

    def _saved(self, row: WeightsRow) -> None:
        self.saved.emit(row)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.save.setEnabled(True)
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.error.show_message(message_for(exc))
