"""A new version of the value segmentation weights, from a date on (quarters already run
keep the weights they used): each variable's weight and, for the scored ones, whether fewer
is better (complaints, days since the last service)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.domain import segmentation as rules
from app.domain.inputs import MAX_NOTE
from app.domain.roles import Actor
from app.services.segmentation import WeightsRow, current_weights, save_weights
from app.services.shared.database import Database
from app.ui.shared.errors import message_for
from app.ui.shared.forms import DATE_FORMAT, to_date, to_qdate
from app.ui.shared.i18n import format_date
from app.ui.shared.widgets import ErrorLabel, save_buttons
from app.ui.shared.worker import run_in_background

VARIABLES = rules.SCORED_Y + rules.BONUS_Y + rules.SCORED_X


def variable_name(code: str) -> str:
    names = {
        "Y1": QCoreApplication.translate("SegmentationWeights", "Points uses a year"),
        "Y2": QCoreApplication.translate("SegmentationWeights", "Points earnings a year"),
        "Y3": QCoreApplication.translate("SegmentationWeights", "Activities joined a year"),
        "Y4": QCoreApplication.translate("SegmentationWeights", "Complaints a year"),
        "Y5": QCoreApplication.translate("SegmentationWeights", "Second car bought (bonus)"),
        "Y6": QCoreApplication.translate("SegmentationWeights", "Referred a purchase (bonus)"),
        "X1": QCoreApplication.translate("SegmentationWeights", "Spend per service visit"),
        "X2": QCoreApplication.translate("SegmentationWeights", "Service visits a year"),
        "X3": QCoreApplication.translate("SegmentationWeights", "Days since the last service"),
    }
    return f"{code} {names.get(code, code)}"


class SegmentationWeightsDialog(QDialog):
    saved = Signal(object)  # the WeightsRow

    def __init__(self, db: Database, actor: Actor, today: date, parent=None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.setObjectName("segmentation_weights_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Value segmentation weights"))
        intro = QLabel(
            self.tr("Emotional value Y = Y1…Y4 weighted, plus Y5 and Y6 as bonuses; material "
                    "value X = X1…X3 weighted. Quarters already run keep their weights.")
        )  # fmt: skip
        intro.setWordWrap(True)
        self.in_force = QLabel(self.tr("Loading…"))
        self.in_force.setObjectName("weights_in_force")
        self.effective_from = QDateEdit()
        self.effective_from.setObjectName("effective_from")
        self.effective_from.setDisplayFormat(DATE_FORMAT)
        self.effective_from.setCalendarPopup(True)
        self.effective_from.setMinimumDate(to_qdate(today))
        self.effective_from.setDate(to_qdate(today + timedelta(days=1)))
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("In force from")), 0, 0)
        grid.addWidget(self.effective_from, 0, 1)
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.fewer: dict[str, QCheckBox] = {}
        for row, code in enumerate(VARIABLES, start=1):
            grid.addWidget(QLabel(variable_name(code)), row, 0)
            grid.addWidget(self._spin(code), row, 1)
            if code in rules.SCORED:
                check = QCheckBox(self.tr("fewer is better"))
                check.setObjectName(f"fewer_{code}")
                self.fewer[code] = check
                grid.addWidget(check, row, 2)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("why the weights change"))
        grid.addWidget(QLabel(self.tr("Note")), len(VARIABLES) + 1, 0)
        grid.addWidget(self.note, len(VARIABLES) + 1, 1, 1, 2)
        self.error = ErrorLabel()
        self.error.setObjectName("error")
        buttons, self.save = save_buttons(self._submit, self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.in_force):
            layout.addWidget(widget)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        run_in_background(lambda: current_weights(db, actor), self._loaded, self._failed)

    def _spin(self, code: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setObjectName(f"weight_{code}")
        spin.setRange(0, 1)
        spin.setDecimals(3)
        spin.setSingleStep(0.05)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.spins[code] = spin
        return spin

    def weights(self) -> dict[str, float]:
        return {code: round(spin.value(), 3) for code, spin in self.spins.items()}

    def directions(self) -> dict[str, str]:
        return {code: rules.FEWER for code, check in self.fewer.items() if check.isChecked()}

    def _loaded(self, row: WeightsRow) -> None:
        for code, spin in self.spins.items():
            spin.setValue(float(row.weights.weights[code]))
        for code, check in self.fewer.items():
            check.setChecked(row.weights.fewer_is_better(code))
        if row.effective_from is None:
            self.in_force.setText(self.tr("In force today: the seed's weights."))
        else:
            self.in_force.setText(
                self.tr("In force today: the version of {date} by {user}.").format(
                    date=format_date(row.effective_from), user=row.created_by
                )
            )

    def _submit(self) -> None:
        self.error.clear_message()
        db, actor, note = self.db, self.actor, self.note.text()
        weights, directions = self.weights(), self.directions()
        start = to_date(self.effective_from.date())
        self.save.setEnabled(False)
        run_in_background(
            lambda: save_weights(db, actor, start, weights, directions, note),
            self._saved,
            self._refused,
        )

    def _saved(self, row: WeightsRow) -> None:
        self.saved.emit(row)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.save.setEnabled(True)
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.error.show_message(message_for(exc))
