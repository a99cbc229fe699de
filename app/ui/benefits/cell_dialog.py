"""One cell of the tier benefit matrix: how many a tier gets per period, and the voucher's
value or discount for that tier."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.benefits import Entitlement, QuotaPeriod
from app.domain.roles import Actor
from app.services import benefits
from app.services.benefits import MatrixItem
from app.services.benefits.matrix import MAX_QUANTITY
from app.services.shared.database import Database
from app.ui.benefits.item_dialog import error_field
from app.ui.benefits.labels import quota_period_name
from app.ui.shared.errors import message_for
from app.ui.shared.forms import yuan_to_fen
from app.ui.shared.i18n import format_yuan
from app.ui.shared.widgets import ErrorLabel, save_buttons, with_error_line
from app.ui.shared.worker import run_in_background

NOT_SET = -1  # the quantity spin box's special value


def fen_text(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


class CellDialog(QDialog):
    saved = Signal(object)  # the Entitlement saved

    def __init__(
        self,
        db: Database,
        actor: Actor,
        item: MatrixItem,
        tier_code: str,
        tier_name: str,
        cell: Entitlement,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db, self.actor, self.item, self.tier_code = db, actor, item, tier_code
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.setObjectName("cell_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("{benefit} for {tier}").format(benefit=item.name,
                                                                    tier=tier_name))  # fmt: skip
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr("What members of the tier {tier} get of {benefit}.").format(
                tier=tier_name, benefit=item.name
            )
        )
        intro.setWordWrap(True)
        self.quantity = QSpinBox()
        self.quantity.setRange(NOT_SET, MAX_QUANTITY)
        self.quantity.setSpecialValueText(self.tr("Not set"))
        self.quantity.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.quantity.setToolTip(self.tr("0: the tier does not get this benefit"))
        self.quantity.setValue(NOT_SET if cell.quantity is None else cell.quantity)
        self.period = QComboBox()
        for period in QuotaPeriod:
            self.period.addItem(quota_period_name(period), str(period))
        self.period.setCurrentIndex(max(0, self.period.findData(str(cell.period))))
        self.value = QLineEdit("" if cell.value_fen is None else fen_text(cell.value_fen))
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.value.setMaxLength(16)
        self.value.setPlaceholderText(
            self.tr("the benefit's value, {value}").format(value=format_yuan(item.face_value_fen))
        )
        self.discount = QDoubleSpinBox()
        self.discount.setRange(0, 99.9)
        self.discount.setDecimals(1)
        self.discount.setSingleStep(5)
        self.discount.setSuffix(self.tr("% off"))
        self.discount.setSpecialValueText(self.tr("No discount"))
        self.discount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.discount.setToolTip(self.tr("e.g. 10% off the insurance premium"))
        if cell.discount_permille is not None:
            self.discount.setValue((1000 - cell.discount_permille) / 10)
        self.quantity.valueChanged.connect(lambda _v: self._enable())
        form = QFormLayout()
        form.addRow(self.tr("Quantity"), self._field("quantity", self.quantity))
        form.addRow(self.tr("Counted"), self._field("period", self.period))
        form.addRow(self.tr("Value (¥)"), self._field("value_fen", self.value))
        form.addRow(self.tr("Or a discount"), self._field("discount_permille", self.discount))
        self.error = ErrorLabel()
        self.error.setObjectName("error")
        buttons, self.save = save_buttons(self._submit, self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._enable()

    def _field(self, name: str, widget: QWidget) -> QWidget:
        return with_error_line(name, widget, self.fields, self.errors)

    def _enable(self) -> None:
        given = self.quantity.value() > 0
        for widget in (self.period, self.value, self.discount):
            widget.setEnabled(given)

    def edited(self) -> Entitlement | None:
        quantity = self.quantity.value()
        if quantity == NOT_SET:
            return Entitlement(None, QuotaPeriod(self.period.currentData()))
        try:
            value = yuan_to_fen(self.value.text()) if quantity else None
        except ValueError:
            self.errors["value_fen"].show_message(self.tr("Enter an amount in yuan, e.g. 200.00."))
            return None
        percent = round(self.discount.value() * 10) if quantity else 0
        return Entitlement(
            quantity, QuotaPeriod(self.period.currentData()), value,
            1000 - percent if percent else None,
        )  # fmt: skip

    def _submit(self) -> None:
        self.error.clear_message()
        for label in self.errors.values():
            label.clear_message()
        cell = self.edited()
        if cell is None:
            return
        db, actor, benefit_id, tier = self.db, self.actor, self.item.id, self.tier_code
        self.save.setEnabled(False)
        run_in_background(
            lambda: benefits.save_cell(db, actor, benefit_id, tier, cell), self._saved, self._failed
        )

    def _saved(self, cell: Entitlement) -> None:
        self.saved.emit(cell)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save.setEnabled(True)
        field = error_field(exc)
        self.errors.get(field or "", self.error).show_message(message_for(exc))
