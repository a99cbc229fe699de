"""Scoring a partner (评估): the seven factors 1–5 and, as they change, the weighted total
with the weights in force today (equal unless headquarters saved a version)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from app.domain import partners as rules
from app.domain.inputs import MAX_NOTE
from app.domain.roles import Actor
from app.services.partners.evaluation import EvaluationRow, WeightsRow, current_weights, evaluate
from app.services.partners.registry import PartnerRow
from app.services.shared.database import Database
from app.ui.partners.labels import factor_name, score_text
from app.ui.shared.errors import message_for
from app.ui.shared.i18n import format_date
from app.ui.shared.widgets import ErrorLabel, save_buttons
from app.ui.shared.worker import run_in_background

MIDDLE = 3


def weight_share(weights: dict[str, int], factor: str) -> str:
    """A factor's share of the total weight, as a percentage: 14.3%."""
    total = sum(weights.values())
    tenths = (weights.get(factor, 0) * 2000 + total) // (2 * total) if total else 0
    return f"{tenths // 10}.{tenths % 10}%"


class EvaluationDialog(QDialog):
    scored = Signal(object)  # the EvaluationRow

    def __init__(
        self,
        db: Database,
        actor: Actor,
        partner: PartnerRow,
        scores: dict[str, int] | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.db, self.actor, self.partner = db, actor, partner
        self.weights: dict[str, int] | None = None
        self.setObjectName("evaluation_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Score {name}").format(name=partner.name))
        self.setMinimumWidth(520)
        grid = QGridLayout()
        for column, text in enumerate((self.tr("Factor"), self.tr("Score"), self.tr("Weight"))):
            heading = QLabel(f"<b>{text}</b>")
            grid.addWidget(heading, 0, column)
        self.spins: dict[str, QSpinBox] = {}
        self.shares: dict[str, QLabel] = {}
        for r, factor in enumerate(rules.FACTORS, start=1):
            spin = QSpinBox()
            spin.setObjectName(f"score_{factor.value}")
            spin.setRange(rules.MIN_SCORE, rules.MAX_SCORE)
            spin.setValue((scores or {}).get(factor.value, MIDDLE))
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.valueChanged.connect(lambda _v: self._show_total())
            share = QLabel("…")
            share.setObjectName(f"weight_{factor.value}")
            share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.spins[factor.value], self.shares[factor.value] = spin, share
            grid.addWidget(QLabel(factor_name(factor)), r, 0)
            grid.addWidget(spin, r, 1)
            grid.addWidget(share, r, 2)
        grid.setColumnStretch(0, 1)
        self.total = QLabel(self.tr("Loading the weights…"))
        self.total.setObjectName("weighted_total")
        self.total.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.weights_note = QLabel()
        self.weights_note.setObjectName("weights_note")
        self.weights_note.setWordWrap(True)
        self.weights_note.setStyleSheet("color: #555;")
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("what the scores rest on (optional)"))
        self.error = ErrorLabel()
        self.error.setObjectName("error")
        buttons, self.save = save_buttons(self._submit, self.reject, self.tr("Record scores"))
        self.save.setEnabled(False)  # until the weights are known
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.total)
        layout.addWidget(self.weights_note)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        run_in_background(lambda: current_weights(db, actor), self._weights_loaded, self._failed)

    def scores(self) -> dict[str, int]:
        return {factor: spin.value() for factor, spin in self.spins.items()}

    def _weights_loaded(self, row: WeightsRow) -> None:
        self.weights = row.weights
        for factor, label in self.shares.items():
            label.setText(weight_share(row.weights, factor))
        if row.effective_from is None:
            self.weights_note.setText(self.tr("Equal weights (no weights saved yet)."))
        else:
            self.weights_note.setText(
                self.tr("Weights in force since {date}.").format(
                    date=format_date(row.effective_from)
                )
            )
        self.save.setEnabled(True)
        self._show_total()

    def total_hundredths(self) -> int | None:
        if self.weights is None:
            return None
        return rules.total_hundredths(rules.weighted_total(self.scores(), self.weights))

    def _show_total(self) -> None:
        total = self.total_hundredths()
        if total is not None:
            self.total.setText(self.tr("Weighted total: {total} of 5").format(
                total=score_text(total)))  # fmt: skip

    def _submit(self) -> None:
        self.error.clear_message()
        db, actor, partner_id = self.db, self.actor, self.partner.id
        scores, note = self.scores(), self.note.text()
        self.save.setEnabled(False)
        run_in_background(
            lambda: evaluate(db, actor, partner_id, scores, note), self._saved, self._refused
        )

    def _saved(self, row: EvaluationRow) -> None:
        self.scored.emit(row)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.save.setEnabled(True)
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.error.show_message(message_for(exc))
