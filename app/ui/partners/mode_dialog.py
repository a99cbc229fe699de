"""A cooperation mode (合作模式) of a partner: which mode, the mode's own fields (a bulk
purchase's volume and prices, a member discount's rate…), and the contract: its dates, the
agreed cost of one redemption and whether it is prepaid or postpaid. Amounts are typed in
yuan and kept in fen; rates are typed as percentages and kept in permille."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import partners as rules
from app.domain.points import add_months
from app.domain.roles import Actor
from app.services.partners.cooperation import ModeInput, ModeRow, save_mode
from app.services.partners.registry import PartnerRow
from app.services.shared.database import Database
from app.ui.benefits.common import discount_text
from app.ui.benefits.item_dialog import error_field, yuan_field
from app.ui.partners.labels import (
    MODES,
    mode_name,
    payment_name,
    period_name,
    permille_text,
    term_name,
)
from app.ui.partners.partner_dialog import yuan_text
from app.ui.shared.errors import message_for
from app.ui.shared.forms import DATE_FORMAT, to_date, to_qdate, yuan_to_fen
from app.ui.shared.i18n import format_int, format_yuan
from app.ui.shared.widgets import ErrorLabel, save_buttons, with_error_line
from app.ui.shared.worker import run_in_background


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setMaximumWidth(170)
    return edit


class ModeDialog(QDialog):
    """``row`` None: a new mode for ``partner``; else the mode to change."""

    saved = Signal(object)  # the ModeRow

    def __init__(
        self,
        db: Database,
        actor: Actor,
        partner: PartnerRow,
        row: ModeRow | None,
        today: date,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db, self.actor, self.partner, self.row = db, actor, partner, row
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.term_rows: dict[str, QWidget] = {}  # field name → its row's widget
        self.setObjectName("mode_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(
            self.tr("New cooperation mode for {name}").format(name=partner.name) if row is None
            else self.tr("Edit cooperation mode of {name}").format(name=partner.name)
        )  # fmt: skip
        self.setMinimumWidth(560)
        self.mode = QComboBox()
        for code in MODES:
            self.mode.addItem(mode_name(code), str(code))
        top = QFormLayout()
        top.addRow(self.tr("Mode"), self._field("mode", self.mode))
        self.error = ErrorLabel()
        self.error.setObjectName("error")
        buttons, self.save = save_buttons(self._submit, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._terms_box())
        layout.addWidget(self._contract_box(today))
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.mode.currentIndexChanged.connect(lambda _i: self._mode_changed())
        self._fill(row)
        self._mode_changed()

    def _field(self, name: str, widget: QWidget) -> QWidget:
        return with_error_line(name, widget, self.fields, self.errors)

    # the mode's own fields ---------------------------------------------------------------------

    def _terms_box(self) -> QGroupBox:
        self.terms_box = QGroupBox(self.tr("Terms of the mode"))
        self.terms_form = QFormLayout(self.terms_box)
        self.terms: dict[str, QWidget] = {}
        for spec in rules.MODE_FIELDS.values():
            for name, kind in spec.items():
                widget = self._term_widget(name, kind)
                self.terms[name] = widget
                row = self._field(name, widget)
                self.term_rows[name] = row
                self.terms_form.addRow(term_name(name), row)
        self.discount_hint = QLabel()
        self.discount_hint.setObjectName("discount_hint")
        self.discount_hint.setStyleSheet("color: #555;")
        self.terms_form.addRow("", self.discount_hint)
        return self.terms_box

    def _term_widget(self, name: str, kind: str) -> QWidget:
        if kind == "int":
            spin = QSpinBox()
            spin.setRange(1, rules.MAX_VOLUME)
            spin.setGroupSeparatorShown(True)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setMaximumWidth(170)
            return spin
        if kind == "fen":
            return yuan_field()
        if kind == "permille":
            rate = QDoubleSpinBox()
            rate.setDecimals(1)
            rate.setRange(0.1, 99.9)
            rate.setSingleStep(0.5)
            rate.setAlignment(Qt.AlignmentFlag.AlignRight)
            rate.setMaximumWidth(170)
            rate.setSuffix(self.tr(" % of the price paid") if name == "discount_permille" else " %")
            rate.valueChanged.connect(lambda _v: self._show_discount())
            return rate
        if kind == "period":
            box = QComboBox()
            for period in rules.Period:
                box.addItem(period_name(period), period.value)
            return box
        text = QLineEdit()
        text.setMaxLength(rules.MAX_TEXT)
        return text

    def _contract_box(self, today: date) -> QGroupBox:
        box = QGroupBox(self.tr("Contract"))
        self.contract_start = _date_edit()
        self.contract_start.setDate(to_qdate(today))
        self.contract_end = _date_edit()
        self.contract_end.setDate(to_qdate(add_months(today, 12) - timedelta(days=1)))
        self.unit_cost = yuan_field()
        self.unit_cost.setToolTip(self.tr("What one redemption costs: its benefits' unit cost"))
        self.payment = QComboBox()
        for code in rules.Payment:
            self.payment.addItem(payment_name(code), code.value)
        self.payment.setCurrentIndex(self.payment.findData(rules.Payment.POSTPAID.value))
        form = QFormLayout(box)
        form.addRow(self.tr("Starts on"), self._field("contract_start", self.contract_start))
        form.addRow(self.tr("Ends on"), self._field("contract_end", self.contract_end))
        form.addRow(self.tr("Unit cost (¥)"), self._field("unit_cost_fen", self.unit_cost))
        form.addRow(self.tr("Payment"), self._field("payment", self.payment))
        return box

    def current_mode(self) -> rules.Mode:
        return rules.Mode(self.mode.currentData())

    def _mode_changed(self) -> None:
        own = rules.MODE_FIELDS[self.current_mode()]
        for name, row in self.term_rows.items():
            self.terms_form.setRowVisible(row, name in own)
        self._show_discount()

    def _show_discount(self) -> None:
        shown = "discount_permille" in rules.MODE_FIELDS[self.current_mode()]
        self.terms_form.setRowVisible(self.discount_hint, shown)
        if shown:
            rate = self.terms["discount_permille"]
            assert isinstance(rate, QDoubleSpinBox)
            self.discount_hint.setText(discount_text(round(rate.value() * 10)))

    # filling in and saving ---------------------------------------------------------------------

    def _fill(self, row: ModeRow | None) -> None:
        if row is None:
            return
        self.mode.setCurrentIndex(max(0, self.mode.findData(row.mode)))
        for name, value in row.terms.items():
            widget = self.terms.get(name)
            if isinstance(widget, QSpinBox):
                widget.setValue(int(value))
            elif isinstance(widget, QDoubleSpinBox):
                widget.setValue(int(value) / 10)
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QLineEdit):
                kind = self._kind(name)
                widget.setText(yuan_text(int(value)) if kind == "fen" else str(value))
        self.contract_start.setDate(to_qdate(row.contract_start))
        self.contract_end.setDate(to_qdate(row.contract_end))
        self.unit_cost.setText(yuan_text(row.unit_cost_fen))
        self.payment.setCurrentIndex(max(0, self.payment.findData(row.payment)))

    @staticmethod
    def _kind(name: str) -> str:
        return next(spec[name] for spec in rules.MODE_FIELDS.values() if name in spec)

    def _fen(self, name: str, field: QLineEdit) -> int | None:
        try:
            fen = yuan_to_fen(field.text())
        except ValueError:
            fen = None
        if fen is None:
            self.errors[name].show_message(self.tr("Enter an amount in yuan, e.g. 80.00."))
            field.setFocus()
        return fen

    def _term_value(self, name: str) -> object:
        widget = self.terms[name]
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QDoubleSpinBox):
            return round(widget.value() * 10)
        if isinstance(widget, QComboBox):
            return widget.currentData()
        assert isinstance(widget, QLineEdit)
        if self._kind(name) == "fen":
            return self._fen(name, widget)
        return widget.text()

    def edited(self) -> ModeInput | None:
        """The form as the service takes it; None (with the reason shown) if malformed."""
        terms = {name: self._term_value(name) for name in rules.MODE_FIELDS[self.current_mode()]}
        if any(value is None for value in terms.values()):
            return None
        cost = self._fen("unit_cost_fen", self.unit_cost)
        if cost is None:
            return None
        return ModeInput(
            mode=self.current_mode().value, terms=terms,
            contract_start=to_date(self.contract_start.date()),
            contract_end=to_date(self.contract_end.date()), unit_cost_fen=cost,
            payment=self.payment.currentData(),
        )  # fmt: skip

    def _submit(self) -> None:
        self.error.clear_message()
        for label in self.errors.values():
            label.clear_message()
        data = self.edited()
        if data is None:
            return
        db, actor, partner_id = self.db, self.actor, self.partner.id
        mode_id = self.row.id if self.row else None
        self.save.setEnabled(False)
        run_in_background(
            lambda: save_mode(db, actor, partner_id, data, mode_id), self._saved, self._failed
        )

    def _saved(self, row: ModeRow) -> None:
        self.saved.emit(row)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save.setEnabled(True)
        field = error_field(exc)
        label = self.errors.get(field or "", self.error)
        label.show_message(message_for(exc))


def term_text(mode: str, name: str, value: object) -> str:
    """One of a mode's own fields as people read it: ¥80.00, 9折, 5.0%, Quarterly…"""
    kind = rules.MODE_FIELDS.get(rules.Mode(mode), {}).get(name, "text")
    if kind == "fen" and isinstance(value, int):
        return format_yuan(value)
    if kind == "int" and isinstance(value, int):
        return format_int(value)
    if kind == "permille" and isinstance(value, int):
        return discount_text(value) if name == "discount_permille" else permille_text(value)
    if kind == "period":
        return period_name(str(value))
    return str(value)


def terms_text(mode: str, terms: dict) -> str:
    """ "Committed volume: 1,000 · Purchase unit price: ¥60.00 · …" """
    if mode not in {m.value for m in rules.Mode}:
        return ""
    return " · ".join(
        f"{term_name(name)}: {term_text(mode, name, terms[name])}"
        for name in rules.MODE_FIELDS[rules.Mode(mode)]
        if name in terms
    )
