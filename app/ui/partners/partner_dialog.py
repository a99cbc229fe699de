"""Headquarters' editor of a partner's record: who it is (name, unified social credit code,
legal representative, registered capital, founding date, industry), how to reach it and
what documents back it. A new partner starts as a candidate."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain import partners as rules
from app.domain.roles import Actor
from app.services.partners.registry import PartnerInput, PartnerRow, create_partner, update_partner
from app.services.shared.database import Database
from app.ui.benefits.item_dialog import error_field, yuan_field
from app.ui.partners.labels import INDUSTRIES, industry_name
from app.ui.shared.errors import message_for
from app.ui.shared.forms import OptionalDateEdit, yuan_to_fen
from app.ui.shared.widgets import ErrorLabel, save_buttons, with_error_line
from app.ui.shared.worker import run_in_background


def yuan_text(fen: int) -> str:
    """Fen as the yuan fields take them back: 5000000.00."""
    return f"{fen // 100}.{fen % 100:02d}"


def tick_box(text: str) -> QCheckBox:
    """A check box as wide as its text: a click beside it does not tick it by surprise."""
    box = QCheckBox(text)
    box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return box


def text_box(lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class PartnerDialog(QDialog):
    """``row`` None: a new candidate; else the partner to change."""

    saved = Signal(object)  # the PartnerRow saved

    def __init__(
        self,
        db: Database,
        actor: Actor,
        row: PartnerRow | None,
        today: date,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db, self.actor, self.row, self.today = db, actor, row, today
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.setObjectName("partner_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(
            self.tr("New partner") if row is None
            else self.tr("Edit partner {code}").format(code=row.code)
        )  # fmt: skip
        self.setMinimumWidth(860)
        columns = QHBoxLayout()
        columns.addWidget(self._identity_box(), 1)
        right = QVBoxLayout()
        right.addWidget(self._contact_box())
        right.addWidget(self._documents_box(), 1)
        columns.addLayout(right, 1)
        self.error = ErrorLabel()
        self.error.setObjectName("error")
        buttons, self.save = save_buttons(self._submit, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fill(row)

    def _field(self, name: str, widget: QWidget) -> QWidget:
        return with_error_line(name, widget, self.fields, self.errors)

    def _line(self, length: int, placeholder: str = "") -> QLineEdit:
        field = QLineEdit()
        field.setMaxLength(length)
        field.setPlaceholderText(placeholder)
        return field

    def _identity_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("The company"))
        self.code = self._line(rules.MAX_CODE_LENGTH, self.tr("letters, digits, - or _"))
        self.name = self._line(rules.MAX_NAME, self.tr("the registered name"))
        self.credit_code = self._line(18, self.tr("18 characters, from the business licence"))
        self.legal_person = tick_box(self.tr("Registered by law as an independent legal person"))
        self.representative = self._line(40)
        self.capital = yuan_field()
        self.capital.setMaxLength(20)
        self.capital.setPlaceholderText("5000000.00")
        self.founded_on = OptionalDateEdit(self.tr("not given"), self.today)
        self.founded_on.setMaximumWidth(170)
        self.industry = QComboBox()
        for code in INDUSTRIES:
            self.industry.addItem(industry_name(code), str(code))
        form = QFormLayout(box)
        for label, name, widget in (
            (self.tr("Code"), "code", self.code),
            (self.tr("Name"), "name", self.name),
            (self.tr("Unified social credit code"), "credit_code", self.credit_code),
            ("", "legal_person", self.legal_person),
            (self.tr("Legal representative"), "legal_representative", self.representative),
            (self.tr("Registered capital (¥)"), "registered_capital_fen", self.capital),
            (self.tr("Founded on"), "founded_on", self.founded_on),
            (self.tr("Industry"), "industry", self.industry),
        ):
            form.addRow(label, self._field(name, widget))
        return box

    def _contact_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Contact"))
        self.contact_name = self._line(40)
        self.contact_phone = self._line(40)
        self.contact_email = self._line(100, "name@example.com")
        self.address = self._line(rules.MAX_TEXT)
        form = QFormLayout(box)
        for label, name, widget in (
            (self.tr("Contact person"), "contact_name", self.contact_name),
            (self.tr("Telephone"), "contact_phone", self.contact_phone),
            (self.tr("E-mail"), "contact_email", self.contact_email),
            (self.tr("Address"), "address", self.address),
        ):
            form.addRow(label, self._field(name, widget))
        return box

    def _documents_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Invoices, documents and notes"))
        self.vat_invoice = tick_box(self.tr("Can issue VAT special invoices"))
        self.documents = text_box()
        self.documents.setPlaceholderText(
            self.tr("where the licence, statements… are filed, one a line")
        )
        self.notes = text_box()
        form = QFormLayout(box)
        form.addRow("", self._field("vat_special_invoice", self.vat_invoice))
        form.addRow(self.tr("Documents"), self._field("documents", self.documents))
        form.addRow(self.tr("Notes"), self._field("notes", self.notes))
        return box

    def _fill(self, row: PartnerRow | None) -> None:
        if row is None:
            self.legal_person.setChecked(True)
            return
        self.code.setText(row.code)
        self.code.setReadOnly(row.status != rules.PartnerStatus.CANDIDATE)
        self.name.setText(row.name)
        self.credit_code.setText(row.credit_code)
        self.legal_person.setChecked(row.legal_person)
        self.representative.setText(row.legal_representative)
        self.capital.setText(yuan_text(row.registered_capital_fen))
        self.founded_on.set_value(row.founded_on)
        self.industry.setCurrentIndex(max(0, self.industry.findData(row.industry)))
        self.contact_name.setText(row.contact_name)
        self.contact_phone.setText(row.contact_phone)
        self.contact_email.setText(row.contact_email)
        self.address.setText(row.address)
        self.vat_invoice.setChecked(row.vat_special_invoice)
        self.documents.setPlainText(row.documents)
        self.notes.setPlainText(row.notes)

    # saving ----------------------------------------------------------------------------------

    def edited(self) -> PartnerInput | None:
        """The form as the service takes it; None (with the reason shown) if malformed."""
        try:
            capital = yuan_to_fen(self.capital.text())
        except ValueError:
            capital = None
        if capital is None:
            self.errors["registered_capital_fen"].show_message(
                self.tr("Enter an amount in yuan, e.g. 5000000.")
            )
            self.capital.setFocus()
            return None
        founded = self.founded_on.value()
        if founded is None:
            self.errors["founded_on"].show_message(self.tr("Enter the founding date."))
            self.founded_on.setFocus()
            return None
        return PartnerInput(
            code=self.code.text(), name=self.name.text(), credit_code=self.credit_code.text(),
            legal_person=self.legal_person.isChecked(),
            legal_representative=self.representative.text(), registered_capital_fen=capital,
            founded_on=founded, industry=self.industry.currentData(),
            contact_name=self.contact_name.text(), contact_phone=self.contact_phone.text(),
            contact_email=self.contact_email.text(), address=self.address.text(),
            vat_special_invoice=self.vat_invoice.isChecked(),
            documents=self.documents.toPlainText(), notes=self.notes.toPlainText(),
        )  # fmt: skip

    def _submit(self) -> None:
        self.error.clear_message()
        for label in self.errors.values():
            label.clear_message()
        data = self.edited()
        if data is None:
            return
        db, actor, row = self.db, self.actor, self.row
        self.save.setEnabled(False)
        run_in_background(
            lambda: create_partner(db, actor, data) if row is None
            else update_partner(db, actor, row.id, data),
            self._saved, self._failed,
        )  # fmt: skip

    def _saved(self, row: PartnerRow) -> None:
        self.saved.emit(row)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save.setEnabled(True)
        field = error_field(exc)
        label = self.errors.get(field or "", self.error)
        label.show_message(message_for(exc))
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus()
