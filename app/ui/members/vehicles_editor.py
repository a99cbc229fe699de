"""The vehicles part of the member form: one row per vehicle, checked as it is typed."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.domain import validation as v
from app.services.members import (
    VehicleInput,
)
from app.ui.members.live_checks import watch
from app.ui.shared.forms import OptionalDateEdit, yuan_to_fen
from app.ui.shared.widgets import ErrorLabel

VEHICLE_FIELDS = ("vin", "model", "plate", "purchase_date", "purchase_amount")


class VehicleRow:
    """The widgets of one vehicle; they live in VehiclesEditor's grid."""

    def __init__(self):
        self.vin = QLineEdit()
        self.vin.setPlaceholderText(QCoreApplication.translate("VehiclesEditor", "17 characters"))
        self.model = QLineEdit()
        self.plate = QLineEdit()
        self.plate.setPlaceholderText(QCoreApplication.translate("VehiclesEditor", "e.g. 京A12345"))
        self.purchase_date = OptionalDateEdit(
            QCoreApplication.translate("VehiclesEditor", "not known"), date.today()
        )
        self.purchase_amount = QLineEdit()
        self.purchase_amount.setPlaceholderText(
            QCoreApplication.translate("VehiclesEditor", "e.g. 158000.00")
        )
        self.remove = QPushButton(QCoreApplication.translate("VehiclesEditor", "Remove"))
        self.remove.setAutoDefault(False)
        self.errors = {key: ErrorLabel() for key in VEHICLE_FIELDS}
        watch(self.vin, self.errors["vin"], v.normalize_vin)
        watch(self.plate, self.errors["plate"], v.normalize_plate)
        watch(self.purchase_amount, self.errors["purchase_amount"], yuan_to_fen)

    def fields(self) -> dict[str, QWidget]:
        return {key: getattr(self, key) for key in VEHICLE_FIELDS}

    def widgets(self) -> list[QWidget]:
        return [*self.fields().values(), self.remove]

    def name(self, index: int) -> None:
        for key, widget in self.fields().items():
            widget.setObjectName(f"vehicle{index}.{key}")
            self.errors[key].setObjectName(f"vehicle{index}.{key}_error")
        self.remove.setObjectName(f"vehicle{index}.remove")

    def to_input(self) -> VehicleInput:
        """Raises ValueError for an amount that is not a yuan amount. The service files the
        vehicle under the member's dealer."""
        return VehicleInput(
            vin=self.vin.text(),
            model=self.model.text(),
            plate=self.plate.text() or None,
            purchase_date=self.purchase_date.value(),
            purchase_amount_fen=yuan_to_fen(self.purchase_amount.text()),
        )

    def state(self) -> tuple:
        texts = (w.text() for w in (self.vin, self.model, self.plate, self.purchase_amount))
        return (*texts, self.purchase_date.value())


class VehiclesEditor(QWidget):
    """Rows of VIN, model, plate, purchase date and amount, each with its error messages."""

    rows_changed = Signal()

    def __init__(self, removable: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.removable = removable
        self.rows: list[VehicleRow] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(2)
        self.headers = [
            QLabel(self.tr("VIN")),
            QLabel(self.tr("Model")),
            QLabel(self.tr("Plate")),
            QLabel(self.tr("Purchase date")),
            QLabel(self.tr("Amount (yuan)")),
        ]
        for column, stretch in enumerate((5, 3, 2, 2, 2)):
            self.grid.setColumnStretch(column, stretch)
        self._layout_rows()

    def add_row(self) -> VehicleRow:
        row = VehicleRow()
        row.remove.clicked.connect(lambda: self.remove_row(row))
        self.rows.append(row)
        self._layout_rows()
        row.vin.setFocus()
        return row

    def remove_row(self, row: VehicleRow) -> None:
        self.rows.remove(row)
        for widget in (*row.widgets(), *row.errors.values()):
            widget.deleteLater()
        self._layout_rows()

    def _layout_rows(self) -> None:
        """Rebuild the grid (Qt grids cannot drop a row) and renumber the object names."""
        while self.grid.count():
            self.grid.takeAt(0)
        for column, header in enumerate(self.headers):
            header.setVisible(bool(self.rows))
            self.grid.addWidget(header, 0, column)
        width = len(VEHICLE_FIELDS) + 1
        for index, row in enumerate(self.rows):
            row.name(index)
            top = 1 + index * width  # the fields, then one full-width line per message
            for column, key in enumerate(VEHICLE_FIELDS):
                self.grid.addWidget(row.fields()[key], top, column)
                row.fields()[key].show()  # now, not after the layout's deferred show: focus
                self.grid.addWidget(row.errors[key], top + 1 + column, 0, 1, width)
            self.grid.addWidget(row.remove, top, len(VEHICLE_FIELDS))
            row.remove.setVisible(self.removable)
        self.rows_changed.emit()

    def inputs(self) -> tuple[list[VehicleInput], dict]:
        """The vehicles as service input, and errors for amounts that are not yuan amounts."""
        result, errors = [], {}
        for index, row in enumerate(self.rows):
            try:
                result.append(row.to_input())
            except ValueError:
                errors[f"vehicle{index}.purchase_amount"] = ("amount_format", "")
        return result, errors

    def error_label(self, key: str) -> ErrorLabel | None:
        """The label for a service error key such as "vehicle0.vin"."""
        match = re.fullmatch(r"vehicle(\d+)\.(\w+)", key)
        if not match or int(match.group(1)) >= len(self.rows):
            return None
        return self.rows[int(match.group(1))].errors.get(match.group(2))

    def tab_chain(self) -> list[QWidget]:
        return [w for row in self.rows for w in row.widgets() if w.isVisibleTo(self)]

    def clear_errors(self) -> None:
        for row in self.rows:
            for label in row.errors.values():
                label.clear_message()

    def state(self) -> tuple:
        return tuple(row.state() for row in self.rows)
